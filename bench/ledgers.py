"""Benchmark the money sieve: a city's roster and a year of monthly payment ledgers (≈ members × 12 rows).

Usage:
  python bench/ledgers.py --out bench/data/ledgers --members 200000     # generate (2.4M payment rows) and time
  python bench/ledgers.py --out /tmp/led --members 20000 --format xlsx   # smaller, Excel ledgers
  python bench/ledgers.py --roster bench/data/city/低保花名册.xlsx --out bench/data/city-ledgers   # ledgers only
  python bench/run.py bench/data/city --payments bench/data/city-ledgers   # then: full audit vs. read floor

Writes a 低保 roster (one row per member, household-level columns) and 12 monthly ledgers (one row per
member per month, 低保金 split per person, plus a few failed payments), then times, each in a fresh
process: the read floor (every file read with the fastest reader at hand: fastexcel for .xlsx, DuckDB for
CSV, nothing else) and
``rostercheck audit ROSTER --payments DIR --codes``-equivalent library call (the F checks only).

With ``--roster`` an existing 低保 roster workbook (e.g. the one ``bench/city.py`` writes) takes the generated
roster's place: only the 12 ledgers for its members are written into ``--out`` (one row per member per
month: the household's 月保障金 divided by its 家庭人口, else 580.0 a person; the roster's 银行账号, else a
random account per household; the head's name as 账户名; about 0.1% 失败), and nothing is timed: timing the
full audit with a foreign roster is ``bench/run.py --payments``'s job.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from city import make_id, name, write_csv, write_xlsx  # noqa: E402

import random  # noqa: E402

MONTHS = [f"{2025 + (9 + k) // 12}-{(9 + k) % 12 + 1:02d}" for k in range(12)]
HEADER = ["姓名", "身份证号", "资金项目", "所属月份", "发放金额", "一折通账号", "账户名", "发放状态"]


def generate(out: Path, members: int, fmt: str, seed: int = 1) -> tuple[Path, list[Path]]:
    """Write a 低保 roster and its 12 monthly ledgers.

    Args:
        out: the folder.
        members: roster members in all (whole households, so a few more).
        fmt: the ledgers' format, 'csv' or 'xlsx' (the roster is always xlsx).
        seed: random seed.
    Returns:
        (the roster, the ledgers in month order).
    """
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    roster, people = [], []
    while len(roster) < members:
        size = rng.randint(1, 5)
        head_id, head = make_id(rng, 1940, 1990), name(rng)
        account = "6228" + "".join(rng.choice("0123456789") for _ in range(15))
        town, village = f"第{rng.randint(1, 30)}镇", f"第{rng.randint(1, 20)}村"
        benefit = 580.0 * size
        for k in range(size):
            mid, mname = (head_id, head) if k == 0 else (make_id(rng), name(rng))
            roster.append([town, village, head, head_id, mname, "户主" if k == 0 else "子女", mid, size, "农村", benefit,
                           account])
            people.append((mid, mname, account, head, 580.0))
    path = out / "低保花名册.xlsx"
    write_xlsx(path, ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "家庭人口",
                      "城乡类别", "月保障金", "银行账号"], roster)
    return path, write_ledgers(out, people, fmt, rng)


def write_ledgers(out: Path, people: list[tuple[str, str, str, str, float]], fmt: str,
                  rng: random.Random) -> list[Path]:
    """Write 12 monthly 低保金 ledgers, one row per person per month, about 0.1% of them failed.

    Args:
        out: the folder (it exists).
        people: (ID, name, account, account holder's name, monthly amount) per person.
        fmt: 'csv' or 'xlsx'.
        rng: the random source (drawn once per row, for the failures).
    Returns:
        The ledgers in month order (发放明细_YYYY-MM.<fmt>).
    """
    ledgers = []
    for m in MONTHS:
        rows = [[n, i, "低保金", m, a, acc, h, "失败" if rng.random() < 0.001 else "成功"] for i, n, acc, h, a in people]
        p = out / f"发放明细_{m}.{fmt}"
        (write_xlsx if fmt == "xlsx" else write_csv)(p, HEADER, rows)
        ledgers.append(p)
    return ledgers


# Header spellings looked for in a roster, first found wins.
MEMBER_ID = ("成员身份证号码", "成员身份证号", "身份证号码", "身份证号", "公民身份号码")
MEMBER_NAME = ("成员姓名", "姓名")
HEAD_ID = ("户主身份证号", "户主身份证号码", "户主公民身份号码")
HEAD_NAME = ("户主姓名",)
SIZE = ("家庭人口", "家庭人口数", "保障人数")
BENEFIT = ("月保障金", "月保障金额", "保障金额")
ACCOUNT = ("银行账号", "一折通账号", "账号")


def read_roster(path: Path) -> list[dict[str, str]]:
    """Read a roster workbook's first sheet, every cell as text, one dict per row keyed by the header.

    The header is the first of the first 20 rows that names a member ID column (title rows above it are
    skipped); blank rows are left out.
    """
    import fastexcel

    table = fastexcel.read_excel(str(path)).load_sheet(0, header_row=None, dtypes="string").to_arrow()
    columns = [[v if v is not None else "" for v in c.to_pylist()] for c in table.columns]
    rows = [list(r) for r in zip(*columns)]
    top = next((k for k, r in enumerate(rows[:20]) if any(h.strip() in MEMBER_ID for h in r)), None)
    if top is None:
        raise SystemExit(f"{path}: no member ID column ({' / '.join(MEMBER_ID)}) in the first 20 rows")
    header = [h.strip() for h in rows[top]]
    return [dict(zip(header, (v.strip() for v in r))) for r in rows[top + 1:] if any(v.strip() for v in r)]


def roster_people(rows: list[dict[str, str]], rng: random.Random) -> list[tuple[str, str, str, str, float]]:
    """A roster's members as :func:`write_ledgers` takes them.

    Households are the rows sharing a head ID (each row its own household without a head ID column). A
    person's amount is the household's 月保障金 divided by its 家庭人口 (the number of members listed
    without that column), rounded to the fen with the rest on the head's row, so a household's
    payments add up to its 月保障金; 580.0 without a 月保障金. The account is the row's 银行账号, else one
    random account per household; the account holder is the head. Rows without a member ID are left out.
    """
    def pick(names: tuple[str, ...]) -> str | None:
        return next((c for c in names if rows and c in rows[0]), None)

    mid, mname, hid, hname = pick(MEMBER_ID), pick(MEMBER_NAME), pick(HEAD_ID), pick(HEAD_NAME)
    size_col, benefit_col, account_col = pick(SIZE), pick(BENEFIT), pick(ACCOUNT)

    def number(text: str) -> float | None:
        try:
            value = float(text.replace(",", ""))
        except ValueError:
            return None
        return value if value > 0 else None

    listed: dict[str, int] = {}
    for k, r in enumerate(rows):
        household = r[hid] if hid and r[hid] else f"#{k}"
        listed[household] = listed.get(household, 0) + 1
    accounts: dict[str, str] = {}
    people = []
    for k, r in enumerate(rows):
        household = r[hid] if hid and r[hid] else f"#{k}"
        person_id, person = r[mid], r[mname] if mname else ""
        if not person_id:
            continue
        head = r[hname] if hname and r[hname] else person
        account = r[account_col] if account_col else ""
        if not account:
            if household not in accounts:
                accounts[household] = "6228" + "".join(rng.choice("0123456789") for _ in range(15))
            account = accounts[household]
        benefit = number(r[benefit_col]) if benefit_col else None
        if benefit is None:
            amount = 580.0
        else:
            size = int(number(r[size_col]) or 0) if size_col else 0
            size = size or listed[household]
            amount = round(benefit / size, 2)
            if household.startswith("#") or person_id == household:  # the head takes the odd fen
                amount = round(benefit - amount * (size - 1), 2)
        people.append((person_id, person, account, head, amount))
    return people


def from_roster(roster: Path, out: Path, fmt: str, seed: int = 1) -> list[Path]:
    """Write the 12 monthly ledgers for an existing 低保 roster's members.

    Args:
        roster: the roster workbook (.xlsx).
        out: the folder for the ledgers.
        fmt: 'csv' or 'xlsx'.
        seed: random seed.
    Returns:
        The ledgers in month order.
    """
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    return write_ledgers(out, roster_people(read_roster(roster), rng), fmt, rng)


FLOOR = r"""
import sys
from pathlib import Path
import duckdb
import fastexcel
rows = 0
for p in map(Path, sys.argv[1:]):
    q = str(p).replace("'", "''")
    if p.suffix == '.xlsx':
        book = fastexcel.read_excel(str(p))
        for name in book.sheet_names:
            rows += book.load_sheet(name, header_row=None, dtypes="string").to_arrow().num_rows
    else:
        reader = duckdb.sql(f"SELECT * FROM read_csv('{q}', all_varchar = true, header = false)").fetch_record_batch(1 << 20)
        rows += sum(b.num_rows for b in reader)
print(rows)
"""
AUDIT = r"""
import sys, datetime as dt
from pathlib import Path
from rostercheck.audit import audit
r = audit([Path(sys.argv[1])], {}, dt.date(2026, 9, 30), payments=[Path(p) for p in sys.argv[2:]],
          codes=["F01", "F02", "F03", "F04", "F05", "F06", "F07"])
print(len(r.inputs.lists["payments"]), len(r.findings))
"""


def timed(code: str, args: list[str]) -> tuple[float, str]:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return time.perf_counter() - t, done.stdout.strip()


def main() -> None:
    """Generate, then time (or, with --roster, only write the ledgers)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("bench/data/ledgers"))
    ap.add_argument("--members", type=int, default=200_000)
    ap.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    ap.add_argument("--reuse", action="store_true", help="keep the files already in --out (same --members and --format)")
    ap.add_argument("--repeat", type=int, default=1, help="time each side this many times, keep the best")
    ap.add_argument("--roster", type=Path, help="write only the ledgers, for this existing 低保 roster (.xlsx); no timing")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    t = time.perf_counter()
    if a.roster:
        ledgers = from_roster(a.roster, a.out, a.format, a.seed)
        print(f"wrote {len(ledgers)} ledgers for {a.roster} into {a.out} in {time.perf_counter() - t:.1f} s")
        return
    roster = a.out / "低保花名册.xlsx"
    ledgers = [a.out / f"发放明细_{m}.{a.format}" for m in MONTHS]
    if not (a.reuse and roster.exists() and all(p.exists() for p in ledgers)):
        roster, ledgers = generate(a.out, a.members, a.format, a.seed)
        print(f"generated in {time.perf_counter() - t:.1f} s")
    files = [str(roster), *map(str, ledgers)]
    floors, runs = [], []
    for _ in range(a.repeat):
        floors.append(timed(FLOOR, files))
        runs.append(timed(AUDIT, files))
    floor, rows = min(floors)
    run, out = min(runs)
    print(f"read floor {floor:.1f} s ({rows} rows); audit with F01–F07 {run:.1f} s ({out} payments, findings)")
    print(f"ratio {run / floor:.2f}x (best of {a.repeat})")


if __name__ == "__main__":
    main()
