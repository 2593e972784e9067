"""Benchmark the money sieve: a city's roster and a year of monthly payment ledgers (≈ members × 12 rows).

Usage:
  python bench/ledgers.py --out bench/data/ledgers --members 200000     # generate (2.4M payment rows) and time
  python bench/ledgers.py --out /tmp/led --members 20000 --format xlsx   # smaller, Excel ledgers

Writes a 低保 roster (one row per member, household-level columns) and 12 monthly ledgers (one row per
member per month, 低保金 split per person, plus a few failed payments), then times, each in a fresh
process: the read floor (every file read with the fastest reader at hand: fastexcel for .xlsx, DuckDB for
CSV, nothing else) and
``rostercheck audit ROSTER --payments DIR --codes``-equivalent library call (the F checks only).
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


def generate(out: Path, members: int, fmt: str, seed: int = 1) -> tuple[Path, list[Path]]:
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
    ledgers = []
    header = ["姓名", "身份证号", "资金项目", "所属月份", "发放金额", "一折通账号", "账户名", "发放状态"]
    for m in MONTHS:
        rows = [[n, i, "低保金", m, a, acc, h, "失败" if rng.random() < 0.001 else "成功"] for i, n, acc, h, a in people]
        p = out / f"发放明细_{m}.{fmt}"
        (write_xlsx if fmt == "xlsx" else write_csv)(p, header, rows)
        ledgers.append(p)
    return path, ledgers


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
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("bench/data/ledgers"))
    ap.add_argument("--members", type=int, default=200_000)
    ap.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    ap.add_argument("--reuse", action="store_true", help="keep the files already in --out (same --members and --format)")
    ap.add_argument("--repeat", type=int, default=1, help="time each side this many times, keep the best")
    a = ap.parse_args()
    t = time.perf_counter()
    roster = a.out / "低保花名册.xlsx"
    ledgers = [a.out / f"发放明细_{m}.{a.format}" for m in MONTHS]
    if not (a.reuse and roster.exists() and all(p.exists() for p in ledgers)):
        roster, ledgers = generate(a.out, a.members, a.format)
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
