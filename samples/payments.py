"""Generate a year of payment ledgers (资金发放明细) and an exit list for the sample county, with the truth.

Reads the sample county written by ``generate.py`` (rosters, the deaths/prisoners/migrations lists and
``truth.csv``) and writes, under ``samples/county/``:

- ``资金发放/`` the 低保 ledgers, one file per month from 2025-10 to 2026-09 in several shapes: long xlsx
  with a title row and 所属月份 beside 发放日期; the first quarter of 2026 as one workbook with a sheet per
  month and no month column; March 2026 as a GBK CSV named by its month; a household paid to its head for
  all members; 物价补贴 rows beside the benefit; failed payments re-paid the next month as 补发; and the
  特困 ledger as one yearly wide workbook (one row per person, 2025年10月 … 2026年9月 amount columns).
- ``停保名单.xlsx`` (--exits): households and members who left the programme, with 停保日期 and 原因.
- ``truth_payments.csv``: code, head_id, member_id, expect (flag/trap), recover, repay, note; amounts in
  yuan as the money checks must compute them (次月停发; a member's share in a household paid to the head).

Usage: ``python samples/payments.py [--county samples/county]`` (deterministic; run after generate.py).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rostercheck.loading import load_inputs  # noqa: E402  (the sample's own rosters, read as the tool reads them)
from rostercheck.normalize.ids import check_char  # noqa: E402

AS_OF = dt.date(2026, 9, 30)
MONTHS = [f"{2025 + (9 + k) // 12}-{(9 + k) % 12 + 1:02d}" for k in range(12)]  # 2025-10 … 2026-09
QUARTER = MONTHS[-3:]
PRICE_SUBSIDY = 40.0  # 物价补贴 per household, 2026-01 … 2026-03 (never compared with the benefit)


def next_month(m: str, n: int = 1) -> str:
    k = int(m[:4]) * 12 + int(m[5:]) - 1 + n
    return f"{k // 12}-{k % 12 + 1:02d}"


def month_of(d: dt.date) -> str:
    return f"{d.year}-{d.month:02d}"


def new_id(rng: random.Random, birth_year: int) -> str:
    first = f"430526{birth_year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    return first + check_char(first)


SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "建国秀英桂兰志强海燕玉梅德明春花金山淑珍永福丽娟国华秋菊"


def new_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))


class Truth:
    def __init__(self):
        self.rows = []

    def add(self, code, head, member="", expect="flag", recover="", repay="", note=""):
        r = lambda v: f"{v:.2f}" if isinstance(v, float) else v  # noqa: E731
        self.rows.append({"code": code, "head_id": head, "member_id": member, "expect": expect,
                          "recover": r(recover), "repay": r(repay), "note": note})


def main(county: Path, seed: int = 15) -> None:
    rng = random.Random(seed)
    rosters = [county / n for n in ("低保花名册_第三季度.xlsx", "低保花名册_河口乡.xls", "特困人员名册.csv")]
    lists = {"deaths": county / "死亡人员名单.csv", "prisoners": county / "服刑人员名单.xls",
             "migrations": county / "户籍迁出名单.txt"}
    inputs = load_inputs(rosters, lists, AS_OF, whole=True)  # every row: non-members are planted too
    members = inputs.members
    truth_in = list(csv.DictReader(open(county / "truth.csv", encoding="utf-8")))
    households: dict[str, list[int]] = defaultdict(list)
    for j, h in enumerate(members["household"].tolist()):
        households[h].append(j)
    info = {}
    for h, js in households.items():
        j0 = js[0]
        head = next((j for j in js if members.at[j, "id"] == members.at[j, "head_id"]), j0)
        info[h] = {"members": js, "n": len(js), "benefit": float(members.at[j0, "benefit"] or 0),
                   "programme": members.at[j0, "programme"], "head": head, "head_id": members.at[head, "id"] or h,
                   "head_name": members.at[head, "name"], "account": members.at[j0, "bank_account"],
                   "township": members.at[j0, "township"], "village": members.at[j0, "village"]}
    truth = Truth()
    # --- events of roster members from the C02 truth (the lists hold the right IDs) ---
    by_id = {}
    for kind, frame in inputs.lists.items():
        for rec in frame.to_dict("records"):
            if rec.get("id"):
                by_id.setdefault(rec["id"], []).append((kind, rec))
    busy = set()  # households already carrying a planted case
    stops: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)  # household → (code, member, first, last)
    for t in truth_in:
        if t["code"] != "C02":
            continue
        h = t["head_id"]
        busy.add(h)
        for kind, rec in by_id.get(t["member_id"], []):
            if kind == "deaths" and isinstance(rec.get("date"), dt.date):
                stops[h].append(("F01", t["member_id"], next_month(month_of(rec["date"])), "9999-12"))
            elif kind == "prisoners" and isinstance(rec.get("start"), dt.date):
                s, e = rec["start"], rec.get("end")
                first = month_of(s) if s.day == 1 else next_month(month_of(s))
                last = "9999-12"
                if isinstance(e, dt.date):
                    end_of_month = (dt.date(e.year + e.month // 12, e.month % 12 + 1, 1) - dt.timedelta(days=1)) == e
                    last = month_of(e) if end_of_month else next_month(month_of(e), -1)
                stops[h].append(("F02", t["member_id"], first, last))
            elif kind == "migrations" and t["expect"] == "flag" and isinstance(rec.get("date"), dt.date):
                stops[h].append(("F02", t["member_id"], next_month(month_of(rec["date"])), "9999-12"))
    for h, evs in stops.items():
        if h not in info:
            continue
        hi = info[h]
        for code, member, first, last in evs:
            hit = [m for m in MONTHS if first <= m <= last]
            if not hit:
                continue
            share = 1.0 if hi["programme"] == "特困" or hi["n"] == 1 else 1.0 / hi["n"]
            truth.add(code, h, member, recover=round(hi["benefit"] * share * len(hit), 2),
                      note=f"{'death' if code == 'F01' else 'custody/move'}: paid {hit[0]}..{hit[-1]}, share {share:.3f}")
    # --- ledger rows: household → month → list of rows ---
    rows: dict[str, list[dict]] = defaultdict(list)  # month → 低保 rows
    tekun: dict[str, dict] = {}  # 特困 person → wide row

    def dibao_row(hi, month, amount, item="低保金", status="成功", paid=None, holder=None, account=None, head=None):
        paid = paid or dt.date(int(month[:4]), int(month[5:]), 18)
        return {"乡镇": hi["township"], "村(社区)": hi["village"], "户主姓名": head or hi["head_name"],
                "户主身份证号": hi["head_id"], "资金项目": item, "所属月份": month, "发放日期": paid,
                "发放金额": amount, "一折通账号": account or hi["account"], "账户名": holder or hi["head_name"],
                "发放结果": status, "保障人口": hi["n"]}

    dibao = [h for h, hi in info.items() if hi["programme"] == "低保" and hi["benefit"] > 0]
    clean = [h for h in dibao if h not in busy and not any(t["head_id"] == h for t in truth_in)]
    rng.shuffle(clean)
    pick = iter(clean)
    planted: dict[str, str] = {}
    for code, count in (("F04", 3), ("F04trap", 3), ("F05over", 3), ("F05under", 2), ("F05trap", 1), ("F06fail", 2),
                        ("F06none", 2), ("F07holder", 2), ("F07trap", 2), ("F07shared", 1), ("F03member", 1)):
        for _ in range(count):
            h = next(pick)
            while code == "F03member" and info[h]["n"] < 2:
                h = next(pick)
            planted[h] = code
    shared_pair = [h for h, c in planted.items() if c == "F07shared"]
    shared_pair.append(next(pick))
    planted[shared_pair[1]] = "F07shared"
    exits_rows = []
    for h in dibao:
        hi = info[h]
        code = planted.get(h, "")
        for month in MONTHS:
            amount = hi["benefit"]
            if month == "2026-09" and code == "F06none":
                continue
            if code == "F05over" and month in QUARTER:
                amount += 100.0
            if code == "F05under" and month in QUARTER:
                amount -= 50.0
            if code == "F05trap" and month in QUARTER:
                amount += 0.5
            holder = None
            if code == "F07holder":
                holder = new_name(rng)
            if code == "F07trap":
                name = hi["head_name"]
                holder = name[0] + " " + name[1:] if month < "2026-04" else name.replace("陈", "陳").replace("国", "國") \
                    .replace("华", "華").replace("张", "張").replace("刘", "劉") + ""
            account = info[shared_pair[0]]["account"] if code == "F07shared" and h == shared_pair[1] else None
            if code == "F04trap" and month == "2026-08":
                rows[month].append(dibao_row(hi, month, amount, status="失败（户名不符）", holder=holder, account=account))
                rows["2026-09"].append(dibao_row(hi, month, amount, "低保金（补发）", paid=dt.date(2026, 9, 22), holder=holder,
                                                 account=account))
                continue
            if code == "F06fail" and month == "2026-09":
                rows[month].append(dibao_row(hi, month, amount, status="退回：账户冻结"))
                continue
            rows[month].append(dibao_row(hi, month, amount, holder=holder, account=account))
            if code == "F04" and month == "2026-07":
                rows["2026-08"].append(dibao_row(hi, month, amount, "低保金（补发）", paid=dt.date(2026, 8, 25)))
            if "2026-01" <= month <= "2026-03":
                rows[month].append(dibao_row(hi, month, PRICE_SUBSIDY, "物价补贴", holder=holder, account=account))
        if code == "F04":
            truth.add("F04", h, recover=hi["benefit"], note="July paid twice (second as 补发 in the August file)")
        elif code == "F04trap":
            truth.add("F04", h, expect="trap", note="August failed, re-paid in September for August")
            truth.add("F06", h, expect="trap", note="failed then re-paid")
        elif code == "F05over":
            truth.add("F05", h, recover=300.0, note="paid 100 more than approved in each month of the quarter")
        elif code == "F05under":
            truth.add("F05", h, repay=150.0, note="paid 50 less than approved in each month of the quarter")
        elif code == "F05trap":
            truth.add("F05", h, expect="trap", note="0.50 over: within the 1 yuan tolerance")
        elif code == "F06fail":
            truth.add("F06", h, repay=hi["benefit"], note="September returned (账户冻结), not re-paid")
        elif code == "F06none":
            truth.add("F06", h, repay=hi["benefit"], note="no September payment at all")
        elif code == "F07holder":
            truth.add("F07", h, note="account holder is no member of the household")
        elif code == "F07trap":
            truth.add("F07", h, expect="trap", note="holder written with a space, then in traditional characters")
        elif code == "F07shared":
            truth.add("F07", h, note="one account paid for two households")
        elif code == "F03member":
            member = next(j for j in hi["members"] if j != hi["head"])
            exits_rows.append({"乡镇": hi["township"], "村": hi["village"], "户主姓名": hi["head_name"], "户主身份证号": hi["head_id"],
                               "姓名": members.at[member, "name"], "身份证号": members.at[member, "id"],
                               "保障类别": "低保", "停保日期": "2026-06-20", "停保原因": "减员（外出务工收入稳定）"})
            truth.add("F03", h, members.at[member, "id"], recover=round(hi["benefit"] / hi["n"] * 3, 2),
                      note="member exited 2026-06-20 (减员), household still paid in full July–September: her share")
    # D02 households (one account for several households) are also F07: the ledger pays into the roster's account
    accounts = defaultdict(set)
    for h in dibao:
        if info[h]["account"]:
            accounts[info[h]["account"]].add(h)
    for h in shared_pair:
        accounts[info[shared_pair[0]]["account"]].add(h)
    for acc, hs in accounts.items():
        if len(hs) > 1:
            for h in sorted(hs):
                if planted.get(h) != "F07shared":
                    truth.add("F07", h, note="one account for several households (as in the roster: D02)")
    # --- payees on no roster: exited households, dead people, strangers ---
    dead_off = [rec for rec in inputs.lists["deaths"].to_dict("records")
                if rec.get("id") and isinstance(rec.get("date"), dt.date) and rec["id"] not in set(members["id"])
                and "2025-12" <= month_of(rec["date"]) <= "2026-05"]
    rng.shuffle(dead_off)
    off = {"township": "城关镇", "village": "东门社区", "n": 1}
    for k, rec in enumerate(dead_off[:4]):
        hi = {**off, "head_name": rec["name"], "head_id": rec["id"], "account": f"62284800{rng.randint(10**9, 10**10 - 1)}"}
        dm = month_of(rec["date"])
        if k < 2:  # paid two months after the death month
            last = next_month(dm, 2)
            for m in MONTHS:
                if m <= last:
                    rows[m].append(dibao_row(hi, m, 540.0))
            truth.add("F01", rec["id"], rec["id"], recover=1080.0, note=f"on no roster; died {rec['date']}, paid 2 months after")
        elif k == 2:  # stopped properly; the death month's money was back-paid after the death
            for m in MONTHS:
                if m < dm:
                    rows[m].append(dibao_row(hi, m, 540.0))
            rows[next_month(dm)].append(dibao_row(hi, dm, 540.0, "低保金（补发）", paid=dt.date(int(next_month(dm)[:4]),
                                                                                         int(next_month(dm)[5:]), 10)))
            truth.add("F01", rec["id"], rec["id"], expect="trap", note="back pay for the death month, paid after the death")
        else:  # paid for the death month only
            for m in MONTHS:
                if m <= dm:
                    rows[m].append(dibao_row(hi, m, 540.0))
            truth.add("F01", rec["id"], rec["id"], expect="trap", note="paid up to the death month (次月停发)")
    for k in range(4):  # exited households on no roster
        hid = new_id(rng, 1950 + k)
        hi = {**off, "head_name": new_name(rng), "head_id": hid, "account": f"62170000{rng.randint(10**9, 10**10 - 1)}"}
        exit_day = dt.date(2026, 2 + k, 10 + k)
        em = month_of(exit_day)
        extra = 3 if k < 2 else 0
        for m in MONTHS:
            if m <= next_month(em, extra):
                rows[m].append(dibao_row(hi, m, 600.0))
        exits_rows.append({"乡镇": off["township"], "村": off["village"], "户主姓名": hi["head_name"], "户主身份证号": hid,
                           "姓名": hi["head_name"], "身份证号": hid, "保障类别": "低保", "停保日期": exit_day.isoformat(),
                           "停保原因": ["家庭收入超过标准", "子女就业", "购置车辆", "自愿退出"][k]})
        if extra:
            truth.add("F03", hid, hid, recover=1800.0, note=f"exited {exit_day}, paid 3 more months")
        else:
            truth.add("F03", hid, hid, expect="trap", note=f"exited {exit_day}, stopped from the next month")
    for k in range(2):  # strangers: on no roster and no exit list, paid this quarter
        hid = new_id(rng, 1960 + k)
        hi = {**off, "head_name": new_name(rng), "head_id": hid, "account": f"62150000{rng.randint(10**9, 10**10 - 1)}"}
        for m in MONTHS[-5:]:
            rows[m].append(dibao_row(hi, m, 480.0))
        truth.add("F03", hid, hid, recover=1440.0, note="不在册: paid 2026-05..09, on no roster or exit list (中; the quarter counted)")
    # --- 特困: one yearly wide workbook, one row per person ---
    for h, hi in info.items():
        if hi["programme"] != "特困":
            continue
        j = hi["head"]
        tekun[h] = {"乡镇": hi["township"], "姓名": members.at[j, "name"], "公民身份号码": members.at[j, "id"] or h,
                    "社保卡号": hi["account"], **{f"{m[:4]}年{int(m[5:])}月": hi["benefit"] for m in MONTHS}}
    _write(county, rows, tekun, exits_rows, truth)


def _book(path: Path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": dt.datetime(2026, 9, 30)})  # byte-stable output
    return wb


def _write(county: Path, rows, tekun, exits_rows, truth: Truth) -> None:
    import pandas as pd

    out = county / "资金发放"
    out.mkdir(exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    cols = ["乡镇", "村(社区)", "户主姓名", "户主身份证号", "资金项目", "所属月份", "发放日期", "发放金额", "一折通账号", "账户名",
            "发放结果", "保障人口"]

    def sheet(wb, name, title, data, drop=()):
        ws = wb.add_worksheet(name)
        use = [c for c in cols if c not in drop]
        ws.write(0, 0, title)
        ws.write_row(1, 0, use)
        text = wb.add_format({"num_format": "@"})
        for i, r in enumerate(data, start=2):
            for c, key in enumerate(use):
                v = r[key]
                if isinstance(v, dt.date):
                    v = v.isoformat()
                if key in ("户主身份证号", "一折通账号"):
                    ws.write_string(i, c, str(v), text)
                elif isinstance(v, (int, float)):
                    ws.write_number(i, c, v)
                else:
                    ws.write_string(i, c, str(v))
        ws.write(len(data) + 2, 0, "合计")
        ws.write_number(len(data) + 2, cols.index("发放金额") - len([d for d in drop if cols.index(d) < cols.index("发放金额")]),
                        sum(r["发放金额"] for r in data))

    quarter1 = ["2026-01", "2026-02", "2026-03"]
    for m in sorted(rows):
        y, mm = m[:4], int(m[5:])
        if m in quarter1:
            continue
        if m == "2025-12":  # a GBK CSV named by its month, no month column (month from the file name)
            frame = pd.DataFrame(rows[m])[[c for c in cols if c != "所属月份"]]
            frame["发放日期"] = [d.strftime("%Y/%m/%d") for d in frame["发放日期"]]
            frame.to_csv(out / f"低保金发放明细_{y}{mm:02d}.csv", index=False, encoding="gbk")
            continue
        wb = _book(out / f"低保金发放明细_{y}年{mm}月.xlsx")
        sheet(wb, "发放明细", f"清河县{y}年{mm}月城乡低保资金发放明细（一折通）", rows[m])
        wb.close()
    wb = _book(out / "低保金发放明细_2026年第一季度.xlsx")
    for m in quarter1:
        sheet(wb, f"{int(m[5:])}月", "清河县2026年第一季度低保资金发放明细", rows[m], drop=("所属月份",))
    wb.close()
    frame = pd.DataFrame(list(tekun.values()))
    wb = _book(out / "特困供养金发放台账_2025-2026年度.xlsx")
    ws = wb.add_worksheet("特困供养金")
    ws.write(0, 0, "清河县特困人员基本生活费发放台账（2025年10月至2026年9月）")
    ws.write_row(1, 0, list(frame.columns))
    for i, r in enumerate(frame.itertuples(index=False), start=2):
        for c, v in enumerate(r):
            if isinstance(v, float):
                ws.write_number(i, c, v)
            else:
                ws.write_string(i, c, str(v))
    wb.close()
    wb = _book(county / "停保名单.xlsx")
    ws = wb.add_worksheet("停保")
    ws.write(0, 0, "清河县2026年低保停保（减员）名单")
    keys = list(exits_rows[0])
    ws.write_row(1, 0, keys)
    for i, r in enumerate(exits_rows, start=2):
        ws.write_row(i, 0, [str(r[k]) for k in keys])
    wb.close()
    with open(county / "truth_payments.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["code", "head_id", "member_id", "expect", "recover", "repay", "note"])
        w.writeheader()
        w.writerows(truth.rows)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--county", type=Path, default=Path(__file__).resolve().parent / "county")
    ap.add_argument("--seed", type=int, default=15)
    a = ap.parse_args()
    main(a.county, a.seed)
