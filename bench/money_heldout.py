"""A held-out county for the money sieve (issue 15): other names, other shapes, planted cases and traps, scored.

Generates (seeded) a county that shares nothing with ``samples/county`` but the policy: 青山县, other
townships, rosters and lists spelled as other systems export them, and a year of payment ledgers
(2025-07 … 2026-06, review date 2026-06-30) in four 低保 shapes and one 特困 shape:

- 2025-07 … 2025-09: a bank's 代发 result per month, GBK CSV (收款人姓名/证件号码/收款账号/交易金额/代发日期/
  处理结果/摘要/所属期 as 202507); the payee is the account holder (a member's own ID when paid into a
  member's account).
- 2025-10 … 2025-12: the civil-affairs 发放表 per month, xlsx with a title row and a 合计 row, one row per
  household paid to the head (户主姓名/户主身份证号码/保障人数/资金名称/所属年月 as 2025年10月/持卡人).
- 2026-01 … 2026-03: one workbook, a sheet per month (1月/2月/3月) and no month column (the year in the
  title), 领取人/开户人/应发金额/实发金额/发放时间 as Excel dates, back pay named in 备注 (补发1月).
- 2026-04 … 2026-06: one long bank workbook, 所属期间 as Excel dates (the first of the month); one township's
  households are paid one row per member there (own name and ID, an equal part of the household's amount).
- 特困: wide books, one per year (7月 … 12月 / 1月 … 6月 and a 合计 column and row), the year in the title.

The 低保 roster has 户主公民身份号码/成员姓名/月补差金额/批准时间; the 特困 roster 对象姓名/基本生活标准（元/月）/
认定时间; deaths come from the funeral system (逝者姓名, 死亡时间 as 2026年2月10日, GBK CSV), prisoners
with 入监日期/刑期止日/释放日期, moves with 迁出时间/迁往地址, exits as 停发时间/退出原因 with 户主证件号码, cadres
with 工资卡号.

Planted cases follow issue 15's text (次月停发; custody counts whole months only; a member's share when a
household paid to its head loses one member; the quarter's months for a payee on no roster; F05 and F06
from the roster's 批准时间 when it has one). Traps: a death in the last days of a month paid for that
month, back pay for months before the event, failed payments re-paid, 物价补贴 and a one-off grant beside
the benefit, households paid to the head for all members, accounts in a member's name written with a
space or in traditional characters, a move inside the county, custody of less than a whole month, a
household approved mid-quarter.

Then runs ``rostercheck audit`` in a subprocess and scores per F code: recall of planted (household, code)
pairs, amounts within 1 元 of the truth among found pairs, precision of (household, code) pairs at 高/中,
and traps flagged (any confidence).

Usage::

    python bench/money_heldout.py [--src /work/main/src] [--out /tmp/money_heldout] [--seed 7] [--keep]

``--src`` is the source tree put first on PYTHONPATH for the audit (default: this worktree's ``src``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 6, 30)
MONTHS = [f"{2025 + (6 + k) // 12}-{(6 + k) % 12 + 1:02d}" for k in range(12)]  # 2025-07 … 2026-06
QUARTER = MONTHS[-3:]
COUNTY = "青山县"
REGION = "361128"
TOWNS = {"白沙镇": ["白沙社区", "沙洲村", "杨柳村", "新塘村"], "龙潭乡": ["龙潭村", "杉木村", "高坪村"],
         "青石街道": ["青石社区", "东升社区", "桃源社区"], "梅溪镇": ["梅溪村", "石门村", "上屋村", "下屋村"],
         "杉木乡": ["杉木岭村", "田心村", "双江村"]}
SURNAMES = "刘陈黄邓罗曾彭谢肖胡唐龙欧阳廖钟汤易龚文万邹熊袁"
GIVEN = "桂芳秋生红梅德胜细妹春娥满仔福生冬英金莲志刚水根菊香友良春兰"
PRICE_SUBSIDY = 30.0  # 物价补贴 per household, 2025-07 … 2026-03
GRANT = 200.0  # 一次性生活补贴 (春节), 2026-01, and a 一次性 grant in 2026-05 to some households
TEKUN_STD = 1210.0
PER_PERSON = "杉木乡"  # this township's 2026-04 … 06 bank rows are one per member (an equal part each)


def check_char(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def month_add(m: str, n: int) -> str:
    k = int(m[:4]) * 12 + int(m[5:]) - 1 + n
    return f"{k // 12}-{k % 12 + 1:02d}"


def month_of(d: dt.date) -> str:
    return f"{d.year}-{d.month:02d}"


def first_day(m: str) -> dt.date:
    return dt.date(int(m[:4]), int(m[5:]), 1)


@dataclass
class Person:
    name: str
    id: str
    rel: str
    sex: str
    birth: dt.date


@dataclass
class Household:
    key: str  # head ID
    programme: str  # 低保 / 特困
    township: str
    village: str
    members: list[Person]
    amount: float  # the approved monthly amount (household for 低保, the person's for 特困)
    account: str
    approved: dt.date
    area: str = "农村"
    on_roster: bool = True
    holder: Person | None = None  # whose account (default the head)
    holder_text: str = ""  # how the holder's name is written
    # month → list of payment dicts (month_for = key); a missing month is not paid
    pay: dict = field(default_factory=dict)

    @property
    def head(self) -> Person:
        return self.members[0]

    @property
    def n(self) -> int:
        return len(self.members)


class Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used_ids: set[str] = set()
        self.truth: list[dict] = []

    def new_id(self, birth: dt.date, sex: str, region: str = REGION) -> str:
        while True:
            seq = self.rng.randint(10, 99)
            g = self.rng.choice([1, 3, 5, 7, 9] if sex == "男" else [0, 2, 4, 6, 8])
            first = f"{region}{birth:%Y%m%d}{seq}{g}"
            i = first + check_char(first)
            if i not in self.used_ids:
                self.used_ids.add(i)
                return i

    def new_name(self, surname: str | None = None) -> str:
        s = surname or self.rng.choice(SURNAMES)
        return s + "".join(self.rng.sample(GIVEN, self.rng.choice([1, 2, 2, 2])))

    def person(self, rel: str, surname: str | None = None, age: tuple[int, int] = (20, 80), sex: str | None = None) -> Person:
        sex = sex or self.rng.choice("男女")
        birth = dt.date(2026 - self.rng.randint(*age), self.rng.randint(1, 12), self.rng.randint(1, 28))
        return Person(self.new_name(surname), self.new_id(birth, sex), rel, sex, birth)

    def account(self, prefix: str = "6217") -> str:
        return prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(15))

    def household(self, size: int, programme: str = "低保") -> Household:
        town = self.rng.choice(list(TOWNS))
        village = self.rng.choice(TOWNS[town])
        head = self.person("户主", sex="男" if size > 1 else None, age=(35, 75))
        members = [head]
        rels = ["配偶", "子", "女", "孙子", "孙女", "母亲"]
        for k in range(size - 1):
            rel = rels[k]
            surname = None if rel in ("配偶", "母亲") else head.name[0]
            age = (30, 75) if rel in ("配偶", "母亲") else (3, 30)
            p = self.person(rel, surname, age, sex="女" if rel in ("配偶", "女", "孙女", "母亲") else "男")
            while any(p.name == q.name for q in members):
                p.name = self.new_name(surname)
            members.append(p)
        if programme == "特困":
            amount = TEKUN_STD
        else:
            amount = float(self.rng.choice([330, 405, 480, 560, 615, 790, 860, 1020, 1185, 1340])) + (0.5 if self.rng.random() < 0.1 else 0)
        approved = dt.date(self.rng.randint(2016, 2024), self.rng.randint(1, 12), self.rng.randint(1, 28))
        h = Household(head.id, programme, town, village, members, amount, self.account("6217" if programme == "低保" else "6230"),
                      approved, area="城市" if "社区" in village else "农村")
        for m in MONTHS:
            h.pay[m] = [self.benefit(h, m)]
        return h

    def benefit(self, h: Household, month_for: str, amount: float | None = None, paid_in: str | None = None, status: str = "成功",
                item: str | None = None, remark: str = "") -> dict:
        paid_in = paid_in or month_for
        day = dt.date(int(paid_in[:4]), int(paid_in[5:]), 10 + self.rng.randint(0, 8))
        return {"for": month_for, "in": paid_in, "amount": h.amount if amount is None else amount, "status": status,
                "item": item or ("低保金" if h.programme == "低保" else "特困人员基本生活费"), "date": day, "remark": remark}

    def add(self, code: str, h: Household, expect: str = "hit", recover: float | None = None, repay: float | None = None,
            note: str = "") -> None:
        self.truth.append({"household": h.key, "code": code, "expect": expect,
                           "recover": "" if recover is None else f"{recover:.2f}",
                           "repay": "" if repay is None else f"{repay:.2f}", "note": note})


def build(seed: int):
    g = Gen(seed)
    rng = g.rng
    dibao = [g.household(rng.choice([1, 1, 2, 2, 3, 3, 3, 4, 4, 5])) for _ in range(150)]
    tekun = [g.household(1, "特困") for _ in range(50)]
    deaths, prisoners, moves, exits, cadres = [], [], [], [], []
    pool = list(dibao)
    rng.shuffle(pool)

    def take(min_size: int = 1, max_size: int = 9) -> Household:
        for h in pool:
            if min_size <= h.n <= max_size:
                pool.remove(h)
                return h
        raise RuntimeError("pool exhausted")

    tpool = list(tekun)
    rng.shuffle(tpool)

    def stop_after(h: Household, last: str) -> None:
        for m in MONTHS:
            if m > last:
                h.pay[m] = []

    def death(p: Person, day: dt.date) -> None:
        deaths.append({"name": p.name, "id": p.id, "sex": p.sex, "date": day, "cremated": day + dt.timedelta(days=2)})

    # ---------------- F01: payments after a death ----------------
    h = take(1, 1)
    death(h.head, dt.date(2026, 2, 10))
    g.add("F01", h, recover=h.amount * 4, note="single member died 2026-02-10, paid 2026-03..06")
    h = take(3, 3)
    death(h.members[2], dt.date(2025, 12, 5))
    g.add("F01", h, recover=round(h.amount / 3 * 6, 2), note="1 of 3 died 2025-12-05, household paid in full 2026-01..06: her share")
    h = take(2, 2)
    death(h.head, dt.date(2026, 3, 18))
    h.holder, h.holder_text = h.members[1], h.members[1].name  # paid into the spouse's account (bank files carry her ID)
    g.add("F01", h, recover=round(h.amount / 2 * 3, 2), note="head died 2026-03-18, spouse remains; paid in full into the spouse's account 2026-04..06: his share")
    h = take(4, 4)
    death(h.members[3], dt.date(2026, 4, 20))
    g.add("F01", h, recover=round(h.amount / 4 * 2, 2), note="1 of 4 died 2026-04-20, paid in full 2026-05..06: the share")
    t = tpool.pop()
    death(t.head, dt.date(2026, 1, 22))
    g.add("F01", t, recover=t.amount * 5, note="特困 died 2026-01-22, paid 2026-02..06 (wide book)")
    t = tpool.pop()
    death(t.head, dt.date(2026, 4, 3))
    g.add("F01", t, recover=t.amount * 2, note="特困 died 2026-04-03, paid 2026-05..06")
    h = take(1, 1)
    h.on_roster = False  # removed from the roster after the death, the bank kept paying
    death(h.head, dt.date(2026, 3, 2))
    g.add("F01", h, recover=h.amount * 3, note="on no roster; died 2026-03-02, paid 2026-04..06")
    # traps
    h = take(1, 1)
    death(h.head, dt.date(2026, 3, 30))
    stop_after(h, "2026-03")
    g.add("F01", h, "trap", note="died 2026-03-30, paid for March (次月停发), stopped from April")
    g.add("F06", h, "trap", note="dead: nothing owed after March")
    t = tpool.pop()
    death(t.head, dt.date(2026, 5, 31))
    stop_after(t, "2026-05")
    g.add("F01", t, "trap", note="特困 died 2026-05-31, paid for May only")
    g.add("F06", t, "trap", note="dead: June not owed")
    h = take(1, 1)
    death(h.head, dt.date(2026, 2, 14))
    stop_after(h, "2026-02")
    h.pay["2026-02"] = [g.benefit(h, "2026-02", status="退回（账户冻结）")]
    h.pay["2026-03"] = [g.benefit(h, "2026-02", paid_in="2026-03", remark="补发2月低保金")]
    g.add("F01", h, "trap", note="died 2026-02-14; February failed, back-paid in March for February")
    g.add("F04", h, "trap", note="failed then re-paid once")
    h = take(3, 3)
    death(h.members[1], dt.date(2026, 6, 27))
    g.add("F01", h, "trap", note="member died 2026-06-27: June paid in full is due")

    # ---------------- F02: custody, moves out of the county ----------------
    h = take(1, 1)
    prisoners.append({"p": h.head, "start": dt.date(2025, 11, 15), "end": dt.date(2027, 5, 14), "released": None, "crime": "盗窃罪"})
    g.add("F02", h, recover=h.amount * 7, note="in custody 2025-11-15 .. 2027-05-14: whole months 2025-12..2026-06")
    h = take(3, 3)
    prisoners.append({"p": h.members[2], "start": dt.date(2026, 1, 1), "end": dt.date(2026, 12, 31), "released": None, "crime": "诈骗罪"})
    g.add("F02", h, recover=round(h.amount / 3 * 6, 2), note="son in custody from 2026-01-01: his share 2026-01..06")
    t = tpool.pop()
    moves.append({"p": t.head, "date": dt.date(2026, 2, 20), "dest": "广东省东莞市长安镇霄边社区", "reason": "投靠亲属"})
    g.add("F02", t, recover=t.amount * 4, note="特困 moved to 广东 2026-02-20: 2026-03..06")
    h = take(2, 2)
    moves.append({"p": h.members[1], "date": dt.date(2026, 3, 10), "dest": "浙江省宁波市鄞州区首南街道", "reason": "务工"})
    g.add("F02", h, recover=round(h.amount / 2 * 3, 2), note="wife moved to 浙江 2026-03-10: her share 2026-04..06")
    h = take(1, 1)
    prisoners.append({"p": h.head, "start": dt.date(2026, 3, 5), "end": dt.date(2026, 9, 4), "released": dt.date(2026, 5, 20),
                      "crime": "寻衅滋事罪"})
    g.add("F02", h, recover=h.amount * 1, note="custody 2026-03-05, released 2026-05-20: April the only whole month")
    # traps
    h = take(1, 1)
    prisoners.append({"p": h.head, "start": dt.date(2026, 2, 10), "end": dt.date(2026, 8, 9), "released": dt.date(2026, 3, 20),
                      "crime": "危险驾驶罪"})
    g.add("F02", h, "trap", note="custody 2026-02-10 .. released 2026-03-20: no whole month")
    h = take(2, 3)
    moves.append({"p": h.members[1], "date": dt.date(2026, 1, 8), "dest": f"{COUNTY}龙潭乡杉木村", "reason": "婚迁"})
    g.add("F02", h, "trap", note="moved inside the county")

    # ---------------- F03: exits ----------------
    h = take(2, 4)
    exits.append({"h": h, "p": None, "date": dt.date(2026, 1, 15), "reason": "家庭收入超过低保标准"})
    g.add("F03", h, recover=h.amount * 5, note="household exited 2026-01-15 (still on the roster), paid 2026-02..06")
    h = take(1, 3)
    h.on_roster = False
    exits.append({"h": h, "p": None, "date": dt.date(2026, 2, 8), "reason": "子女就业，家庭收入增加"})
    stop_after(h, "2026-05")
    g.add("F03", h, recover=h.amount * 3, note="household exited 2026-02-08 (off roster), paid 2026-03..05")
    h = take(3, 3)
    exits.append({"h": h, "p": h.members[2], "date": dt.date(2026, 3, 12), "reason": "减员（外出务工）"})
    g.add("F03", h, recover=round(h.amount / 3 * 3, 2), note="one of 3 exited 2026-03-12 (减员), paid in full 2026-04..06: her share")
    t = tpool.pop()
    exits.append({"h": t, "p": t.head, "date": dt.date(2026, 4, 15), "reason": "本人自愿放弃"})
    g.add("F03", t, recover=t.amount * 2, note="特困 exited 2026-04-15, paid 2026-05..06")
    stranger = g.household(1)
    stranger.on_roster = False
    for m in MONTHS:
        if m < "2026-02":
            stranger.pay[m] = []
    dibao.append(stranger)
    g.add("F03", stranger, recover=stranger.amount * 3, note="不在册: paid 2026-02..06, on no roster or exit list (the quarter counted)")
    # traps
    h = take(1, 3)
    h.on_roster = False
    exits.append({"h": h, "p": None, "date": dt.date(2026, 3, 31), "reason": "家庭收入超过低保标准"})
    stop_after(h, "2026-03")
    g.add("F03", h, "trap", note="exited 2026-03-31, paid for March, stopped from April")
    h = take(1, 2)
    h.on_roster = False
    exits.append({"h": h, "p": None, "date": dt.date(2026, 4, 10), "reason": "购置商品房"})
    stop_after(h, "2026-03")
    h.pay["2026-03"] = [g.benefit(h, "2026-03", status="失败：户名与账号不符")]
    h.pay["2026-04"] = [g.benefit(h, "2026-03", paid_in="2026-04", item="低保金（补发）")]
    g.add("F03", h, "trap", note="exited 2026-04-10; March failed, back-paid in April for March")

    # ---------------- F04: duplicates ----------------
    h = take()
    h.pay["2025-11"].append(g.benefit(h, "2025-11"))
    g.add("F04", h, recover=h.amount, note="2025-11 paid twice in the November file")
    h = take()
    h.pay["2026-03"].append(g.benefit(h, "2026-02", paid_in="2026-03", remark="补发2月"))
    g.add("F04", h, recover=h.amount, note="2026-02 paid in February and again in March as 补发2月")
    h = take()
    h.pay["2025-08"].append(g.benefit(h, "2025-08"))
    g.add("F04", h, recover=h.amount, note="2025-08 paid twice in the bank's August file")
    h = take()
    h.pay["2026-06"].append(g.benefit(h, "2026-05", paid_in="2026-06"))
    g.add("F04", h, recover=h.amount, note="2026-05 paid in May and again in June for May")
    h = take()
    h.pay["2025-11"].append(g.benefit(h, "2025-10", paid_in="2025-11", remark="补发"))
    g.add("F04", h, recover=h.amount, note="2025-10 paid in October and again in the November file for October (补发)")
    # traps: failed then re-paid
    h = take()
    h.pay["2025-10"] = [g.benefit(h, "2025-10", status="失败-账户已销户")]
    h.pay["2025-11"].append(g.benefit(h, "2025-10", paid_in="2025-11", remark="补发"))
    g.add("F04", h, "trap", note="October failed, re-paid in November for October")
    g.add("F06", h, "trap", note="October failed, re-paid")
    h = take()
    h.pay["2026-01"] = [g.benefit(h, "2026-01", status="退回")]
    h.pay["2026-02"].append(g.benefit(h, "2026-01", paid_in="2026-02", remark="补发1月"))
    g.add("F04", h, "trap", note="January returned, re-paid in February (补发1月)")
    g.add("F06", h, "trap", note="January returned, re-paid")
    h = take()
    h.pay["2026-05"] = [g.benefit(h, "2026-05", status="交易失败")]
    h.pay["2026-06"].append(g.benefit(h, "2026-05", paid_in="2026-06"))
    g.add("F04", h, "trap", note="May failed, re-paid in June for May")
    g.add("F06", h, "trap", note="May failed, re-paid")

    # ---------------- F05: amounts ----------------
    h = take()
    for m in QUARTER:
        h.pay[m][0]["amount"] = h.amount + 100
    g.add("F05", h, recover=300.0, note="100 over in each month of the quarter")
    h = take()
    for m in QUARTER:
        h.pay[m][0]["amount"] = h.amount - 60
    g.add("F05", h, repay=180.0, note="60 under in each month of the quarter")
    h = take()
    for m in MONTHS[6:]:
        h.pay[m][0]["amount"] = h.amount + 50
    h.approved = dt.date(2025, 5, 16)
    g.add("F05", h, recover=300.0, note="50 over 2026-01..06 (approved 2025-05-16: every month compared)")
    t = tpool.pop()
    for m in QUARTER:
        t.pay[m][0]["amount"] = t.amount - 100
    g.add("F05", t, repay=300.0, note="特困 paid 100 below the 基本生活标准 in the quarter")
    h = take(2, 3)
    h.pay["2025-09"][0]["amount"] = h.amount * h.n
    g.add("F05", h, recover=h.amount * (h.n - 1), note=f"2025-09 paid the household's amount once per member ({h.n}x) in one row")
    # traps
    h = take()
    for m in QUARTER:
        h.pay[m][0]["amount"] = h.amount + 0.6
    g.add("F05", h, "trap", note="0.60 over: within the tolerance")
    for k in range(3):
        h = take(3, 5)
        g.add("F05", h, "trap", note="household paid to the head for all members (household amount)")
        g.add("F04", h, "trap", note="household paid to the head for all members")
        g.add("F07", h, "trap", note="household paid to the head for all members")
    h = take(2, 4)
    h.approved = dt.date(2026, 5, 10)
    for m in MONTHS:
        if m < "2026-05":
            h.pay[m] = []
    g.add("F06", h, "trap", note="approved 2026-05-10, paid from May: April not owed")
    g.add("F05", h, "trap", note="approved 2026-05-10, paid the approved amount")

    # ---------------- F06: not paid ----------------
    h = take()
    h.pay["2026-05"] = []
    g.add("F06", h, repay=h.amount, note="no May payment")
    h = take()
    h.pay["2026-06"] = [g.benefit(h, "2026-06", status="退回：账户冻结")]
    g.add("F06", h, repay=h.amount, note="June returned, not re-paid")
    t = tpool.pop()
    t.pay["2026-04"] = []
    g.add("F06", t, repay=t.amount, note="特困: April cell blank")
    h = take()
    h.pay["2025-09"] = []
    g.add("F06", h, repay=h.amount, note="no September 2025 payment (approved long before: every ledger month owed)")

    # ---------------- F07: accounts ----------------
    h = take(2, 4)
    stranger_name = g.new_name()
    h.holder_text = stranger_name
    h.holder = Person(stranger_name, "", "", "男", dt.date(1980, 1, 1))
    h.account = g.account("6228")
    g.add("F07", h, note="holder is no member of the household (B/C months): the roster's own account, 低 (F07.toml)")
    h1, h2 = take(), take()
    h2.account = h1.account
    g.add("F07", h1, note="one account for two households")
    g.add("F07", h2, note="one account for two households")
    h = take(2, 4)
    cadre = g.person("", age=(35, 55))
    cadre_account = g.account("6215")
    cadres.append({"p": cadre, "town": h.township, "village": h.village, "post": "村委会副主任", "account": cadre_account})
    h.cadre = (cadre, cadre_account)
    g.add("F07", h, note="paid into the village cadre's account (B/C months)")
    # traps: a member's account written with a space / in traditional characters
    trad = str.maketrans("陈刘黄邓罗谢龙钟汤龚万邹袁桂芳红梅胜妹娥满金莲刚兰", "陳劉黃鄧羅謝龍鍾湯龔萬鄒袁桂芳紅梅勝妹娥滿金蓮剛蘭")
    for k in range(4):
        h = take(2, 4)
        wife = h.members[1]
        h.holder = wife
        h.holder_text = (wife.name[0] + " " + wife.name[1:]) if k % 2 == 0 else wife.name.translate(trad)
        if k % 2 == 1 and h.holder_text == wife.name:
            wife.name = "陈桂芳"
            h.holder_text = "陳桂芳"
        g.add("F07", h, "trap", note=f"account in the wife's name written '{h.holder_text}'")

    # ---------------- other items beside the benefit (traps for F04/F05 everywhere) ----------------
    for h in dibao:
        for m in MONTHS:
            if m <= "2026-03" and h.pay[m]:
                h.pay[m].append(g.benefit(h, m, amount=PRICE_SUBSIDY, item="物价补贴"))
        if h.pay["2026-01"]:
            h.pay["2026-01"].append(g.benefit(h, "2026-01", amount=GRANT, item="春节一次性生活补贴"))
    for h in rng.sample([x for x in dibao if x.on_roster and x.pay["2026-05"]], 12):
        h.pay["2026-05"].append(g.benefit(h, "2026-05", amount=GRANT, item="一次性临时价格补贴"))
    # noise on the event lists: people of no household here
    for _ in range(40):
        p = g.person("", age=(50, 95))
        death(p, dt.date(2025, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < .5 else dt.date(2026, rng.randint(1, 6), rng.randint(1, 28)))
    for _ in range(15):
        p = g.person("", age=(20, 50), sex="男")
        prisoners.append({"p": p, "start": dt.date(2024, rng.randint(1, 12), 3), "end": dt.date(2027, 1, 1), "released": None,
                          "crime": "盗窃罪"})
    for _ in range(25):
        p = g.person("", age=(18, 60))
        moves.append({"p": p, "date": dt.date(2026, rng.randint(1, 6), rng.randint(1, 28)), "dest": "江西省南昌市红谷滩区",
                      "reason": "务工"})
    for _ in range(10):
        p = g.person("", age=(30, 60))
        cadres.append({"p": p, "town": rng.choice(list(TOWNS)), "village": "", "post": "村支部书记", "account": g.account("6215")})
    return g, dibao, tekun, deaths, prisoners, moves, exits, cadres


# ---------------------------------------------------------------- writers

def _book(path: Path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": dt.datetime(2026, 6, 30)})
    return wb


def _sheet(wb, name: str, title: str | None, header: list[str], rows: list[list], total_col: str | None = None, date_fmt=None):
    ws = wb.add_worksheet(name)
    text = wb.add_format({"num_format": "@"})
    dates = wb.add_format({"num_format": date_fmt or "yyyy-mm-dd"})
    r0 = 0
    if title:
        ws.merge_range(0, 0, 0, len(header) - 1, title) if len(header) > 1 else ws.write(0, 0, title)
        r0 = 1
    ws.write_row(r0, 0, header)
    for i, row in enumerate(rows, start=r0 + 1):
        for c, v in enumerate(row):
            if isinstance(v, dt.date):
                ws.write_datetime(i, c, dt.datetime(v.year, v.month, v.day), dates)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(i, c, v)
            elif v is None or v == "":
                continue
            else:
                ws.write_string(i, c, str(v), text)
    if total_col:
        c = header.index(total_col)
        ws.write(len(rows) + r0 + 1, 0, "合计")
        ws.write_number(len(rows) + r0 + 1, c, round(sum(r[c] for r in rows if isinstance(r[c], (int, float))), 2))
    return ws


def write(out: Path, g: Gen, dibao, tekun, deaths, prisoners, moves, exits, cadres) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    ledgers = out / "发放数据"
    ledgers.mkdir(exist_ok=True)
    for p in list(out.glob("*")) + list(ledgers.glob("*")):
        if p.is_file():
            p.unlink()
    rng = g.rng
    # --- 低保 roster: one row per member, household columns on every row ---
    rows = []
    seq = 0
    for h in dibao:
        if not h.on_roster:
            continue
        for p in h.members:
            seq += 1
            rows.append([seq, h.township, h.village, h.head.name, h.head.id, p.name, p.rel, p.id, p.sex, h.n, h.area,
                         h.amount, h.account, h.approved])
    wb = _book(out / "城乡低保对象花名册（2026年6月）.xlsx")
    _sheet(wb, "低保对象", f"{COUNTY}城乡最低生活保障对象花名册（截至2026年6月）",
           ["序号", "街道(乡镇)", "村(居)委会", "户主", "户主公民身份号码", "成员姓名", "与户主关系", "公民身份号码", "性别", "保障人口",
            "城乡类别", "月补差金额", "开户账号", "批准时间"], rows, date_fmt="yyyy/m/d")
    wb.close()
    # --- 特困 roster ---
    rows = [[k + 1, t.township, t.village, t.head.name, t.head.id, t.head.sex, f"{t.head.birth:%Y.%m}", rng.choice(["分散供养", "集中供养"]),
             t.amount, t.account, t.approved] for k, t in enumerate(tekun) if t.on_roster]
    wb = _book(out / "特困供养人员花名册.xlsx")
    _sheet(wb, "Sheet1", f"{COUNTY}特困人员救助供养花名册（2026年第二季度）",
           ["序号", "所在乡镇", "所在村居", "对象姓名", "公民身份号码", "性别", "出生年月", "供养形式", "基本生活标准（元/月）", "社会保障卡号",
            "认定时间"], rows, date_fmt="yyyy年m月d日")
    wb.close()
    # --- deaths: funeral system, GBK CSV ---
    with open(out / "殡葬系统_火化人员信息.csv", "w", encoding="gbk", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["序号", "逝者姓名", "性别", "身份证件号码", "死亡时间", "火化时间", "户籍地址"])
        for k, d in enumerate(sorted(deaths, key=lambda d: d["date"])):
            w.writerow([k + 1, d["name"], d["sex"], d["id"], f"{d['date'].year}年{d['date'].month}月{d['date'].day}日",
                        d["cremated"].strftime("%Y/%m/%d"), f"江西省{COUNTY}"])
    # --- prisoners ---
    wb = _book(out / "在押服刑人员信息.xlsx")
    _sheet(wb, "在押人员", None, ["罪犯姓名", "性别", "身份证号码", "罪名", "入监日期", "刑期止日", "释放日期"],
           [[x["p"].name, x["p"].sex, x["p"].id, x["crime"], x["start"], x["end"], x["released"] or ""] for x in prisoners])
    wb.close()
    # --- moves ---
    wb = _book(out / "户口迁出登记.xlsx")
    _sheet(wb, "迁出", f"{COUNTY}公安局户口迁出登记（2025年7月—2026年6月）", ["姓名", "公民身份号码", "迁出时间", "迁往地址", "迁移原因"],
           [[x["p"].name, x["p"].id, x["date"].strftime("%Y%m%d"), x["dest"], x["reason"]] for x in moves])
    wb.close()
    # --- exits ---
    rows = []
    for k, x in enumerate(exits):
        h, p = x["h"], x["p"]
        rows.append([k + 1, h.township, h.head.name, h.head.id, p.name if p else "", p.id if p else "", h.programme,
                     x["date"].strftime("%Y.%m.%d"), x["reason"]])
    wb = _book(out / "低保特困停保名单.xlsx")
    _sheet(wb, "停保", f"{COUNTY}2026年上半年低保特困停发（退出）名单",
           ["序号", "所属乡镇", "户主姓名", "户主证件号码", "退出对象姓名", "退出对象身份证号", "救助类别", "停发时间", "退出原因"], rows)
    wb.close()
    # --- cadres ---
    wb = _book(out / "村（社区）干部名单.xlsx")
    _sheet(wb, "干部", None, ["乡镇", "村", "姓名", "身份证号", "职务", "联系电话", "工资卡号"],
           [[c["town"], c["village"], c["p"].name, c["p"].id, c["post"], f"139{rng.randint(10**7, 10**8 - 1)}", c["account"]]
            for c in cadres])
    wb.close()

    # --- 低保 ledgers ---
    def payments(in_months: list[str]):
        """(household, payment) for every payment made in the months, in household order."""
        for h in dibao:
            for m in in_months:
                for p in h.pay.get(m, []):
                    yield h, p
        # payments made in a month for another month (back pay) live under the month they were made in

    def status_text(p, ok_word):
        return ok_word if p["status"] == "成功" else p["status"]

    # A: 2025-07 … 09, bank 代发 result per month, GBK CSV
    for m in MONTHS[:3]:
        with open(ledgers / f"代发明细_{m.replace('-', '')}.csv", "w", encoding="gbk", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["序号", "收款人姓名", "证件号码", "收款账号", "交易金额", "代发日期", "处理结果", "摘要", "所属期"])
            for k, (h, p) in enumerate(payments([m])):
                name, pid, acct = h.head.name, h.head.id, h.account
                if h.holder and h.holder.id:  # paid into a member's account: the bank names her
                    name, pid = h.holder_text, h.holder.id
                w.writerow([k + 1, name, pid, acct, f"{p['amount']:.2f}", p["date"].strftime("%Y%m%d"), status_text(p, "成功"),
                            p["item"] + (p["remark"] and f"（{p['remark']}）"), p["for"].replace("-", "")])
    # B: 2025-10 … 12, civil-affairs 发放表 per month (title row, 合计 row), one row per household
    for m in MONTHS[3:6]:
        rows = []
        for k, (h, p) in enumerate(payments([m])):
            holder, acct = h.holder_text or h.head.name, h.account
            if getattr(h, "cadre", None):
                holder, acct = h.cadre[0].name, h.cadre[1]
            y, mm = p["for"][:4], int(p["for"][5:])
            rows.append([k + 1, h.township, h.village, h.head.name, h.head.id, h.n, p["item"], f"{y}年{mm}月", p["amount"], acct, holder,
                         status_text(p, "已发放"), p["remark"]])
        wb = _book(ledgers / f"{m[:4]}年{int(m[5:])}月城乡低保金发放表.xlsx")
        _sheet(wb, "发放表", f"{COUNTY}{m[:4]}年{int(m[5:])}月城乡最低生活保障金发放花名册",
               ["序号", "乡镇（街道）", "村（社区）", "户主姓名", "户主身份证号码", "保障人数", "资金名称", "所属年月", "发放金额（元）", "银行卡号",
                "持卡人", "发放结果", "备注"], rows, total_col="发放金额（元）")
        wb.close()
    # C: 2026-01 … 03, one workbook, a sheet per month, no month column
    wb = _book(ledgers / "2026年第一季度低保金发放明细.xlsx")
    for m in MONTHS[6:9]:
        rows = []
        for k, (h, p) in enumerate(payments([m])):
            holder, acct = h.holder_text or h.head.name, h.account
            if getattr(h, "cadre", None):
                holder, acct = h.cadre[0].name, h.cadre[1]
            remark = p["remark"]
            if p["for"] != m and not remark:
                remark = f"补发{int(p['for'][5:])}月"
            due = h.amount if p["item"] == "低保金" else p["amount"]  # 应发: the approved amount; 实发: what went out
            rows.append([k + 1, h.township, h.village, h.head.name, h.head.id, acct, holder, p["item"], due, p["amount"], p["date"],
                         status_text(p, "成功"), remark])
        _sheet(wb, f"{int(m[5:])}月", f"{COUNTY}2026年第一季度城乡低保金发放明细",
               ["序号", "镇街", "村居", "领取人姓名", "领取人身份证号", "一卡通账号", "开户人", "发放项目", "应发金额", "实发金额", "发放时间",
                "状态", "备注"], rows, total_col="实发金额", date_fmt="yyyy/m/d")
    wb.close()
    # D: 2026-04 … 06, one long bank workbook, 所属期间 as Excel dates
    rows = []
    for h, p in payments(MONTHS[9:]):
        name, pid = h.head.name, h.head.id
        if h.holder and h.holder.id:
            name, pid = h.holder_text, h.holder.id
        if h.township == PER_PERSON and h.n > 1 and not h.holder and not getattr(h, "cadre", None) and p["item"] == "低保金":
            # this township's bank pays each member separately (own name, own ID, an equal part; the head's row the rest)
            part = round(p["amount"] / h.n, 2)
            for k, q in enumerate(h.members):
                amount = round(p["amount"] - part * (h.n - 1), 2) if k == 0 else part
                rows.append([len(rows) + 1, h.township, h.village, q.name, q.id, h.account, "", p["item"], first_day(p["for"]), amount,
                             p["date"], status_text(p, "交易成功"), p["remark"]])
            continue
        rows.append([len(rows) + 1, h.township, h.village, name, pid, h.account, h.n, p["item"], first_day(p["for"]), p["amount"],
                     p["date"], status_text(p, "交易成功"), p["remark"]])
    wb = _book(ledgers / "2026年4-6月低保资金拨付明细.xlsx")
    _sheet(wb, "明细", None, ["序号", "乡镇", "村", "收款人姓名", "收款人身份证号", "收款账号", "保障人口", "款项", "所属期间", "交易金额", "交易日期",
                              "交易状态", "附言"], rows, date_fmt="yyyy年m月")
    wb.close()
    # E: 特困 wide books per year
    for year, ms in (("2025", MONTHS[:6]), ("2026", MONTHS[6:])):
        rows = []
        for k, t in enumerate(tekun):
            cells = []
            for m in ms:
                ok = [p for p in t.pay.get(m, []) if p["status"] == "成功" and p["for"] == m]
                cells.append(ok[0]["amount"] if ok else "")
            if not any(cells):
                continue
            rows.append([len(rows) + 1, t.township, t.head.name, t.head.id, t.account, *cells,
                         round(sum(c for c in cells if c != ""), 2)])
        first, last = int(ms[0][5:]), int(ms[-1][5:])
        wb = _book(ledgers / f"特困人员基本生活费发放表_{year}年.xlsx")
        _sheet(wb, f"{year}年", f"{COUNTY}{year}年{first}—{last}月特困人员基本生活费发放表",
               ["序号", "乡镇", "姓名", "身份证号码", "社会保障卡号", *[f"{int(m[5:])}月" for m in ms], "合计"], rows, total_col="合计")
        wb.close()
    with open(out / "truth_money.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["household", "code", "expect", "recover", "repay", "note"])
        w.writeheader()
        w.writerows(g.truth)
    return {"rosters": [out / "城乡低保对象花名册（2026年6月）.xlsx", out / "特困供养人员花名册.xlsx"],
            "deaths": out / "殡葬系统_火化人员信息.csv", "prisoners": out / "在押服刑人员信息.xlsx", "migrations": out / "户口迁出登记.xlsx",
            "exits": out / "低保特困停保名单.xlsx", "cadres": out / "村（社区）干部名单.xlsx", "payments": ledgers}


# ---------------------------------------------------------------- run and score

def run_audit(files: dict, report: Path, src: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "rostercheck", "audit", *map(str, files["rosters"]), "--as-of", AS_OF.isoformat(),
           "--out", str(report)]
    for kind in ("deaths", "prisoners", "migrations", "exits", "cadres", "payments"):
        cmd += [f"--{kind}", str(files[kind])]
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(cmd, env=env, capture_output=True, text=True)


def _num(v: str) -> float:
    try:
        return float(str(v).replace(",", "").strip() or 0)
    except ValueError:
        return 0.0


def score(findings: Path, truth_path: Path) -> tuple[dict, list[str]]:
    truth = list(csv.DictReader(open(truth_path, encoding="utf-8")))
    found: dict[tuple, dict] = defaultdict(lambda: {"conf": set(), "recover": 0.0, "repay": 0.0})
    for row in csv.DictReader(open(findings, encoding="utf-8-sig")):
        code = row["类别代码"]
        if not code.startswith("F"):
            continue
        key = (row["户主身份证号"].lstrip("'").strip().upper() or row["身份证号"].lstrip("'").strip().upper(), code)
        slot = found[key]
        slot["conf"].add(row["置信度"])
        slot["recover"] += _num(row.get("应追回金额", ""))
        slot["repay"] += _num(row.get("应补发金额", ""))
    hits = {(t["household"], t["code"]): t for t in truth if t["expect"] == "hit"}
    traps = {(t["household"], t["code"]): t for t in truth if t["expect"] == "trap"}
    table, problems = {}, []
    for code in [f"F0{k}" for k in range(1, 8)]:
        planted = {k: t for k, t in hits.items() if k[1] == code}
        got = {k: t for k, t in planted.items() if k in found}
        money = {k: t for k, t in got.items() if t["recover"] or t["repay"]}
        right = 0
        for k, t in money.items():
            ok = all(abs(found[k][f] - _num(t[f])) <= 1.0 for f in ("recover", "repay"))
            right += ok
            if not ok:
                problems.append(f"{code} wrong amount {k[0]}: found recover {found[k]['recover']:.2f} repay {found[k]['repay']:.2f}, "
                                f"truth recover {t['recover'] or 0} repay {t['repay'] or 0} — {t['note']}")
        for k, t in planted.items():
            if k not in found:
                problems.append(f"{code} MISSED {k[0]} — {t['note']}")
        strong = {k for k, v in found.items() if k[1] == code and v["conf"] & {"高", "中"}}
        correct = strong & set(planted)
        for k in sorted(strong - set(planted)):
            why = traps[k]["note"] if k in traps else "not planted"
            problems.append(f"{code} FALSE {k[0]} ({'/'.join(sorted(found[k]['conf']))}, recover {found[k]['recover']:.2f}, "
                            f"repay {found[k]['repay']:.2f}) — {why}")
        trapped = [k for k in traps if k[1] == code and k in found]
        table[code] = {"planted": len(planted), "found": len(got), "recall": len(got) / len(planted) if planted else 1.0,
                       "amount_ok": f"{right}/{len(money)}", "amount_rate": right / len(money) if money else 1.0,
                       "strong": len(strong), "precision": len(correct) / len(strong) if strong else 1.0,
                       "traps": f"{len(trapped)}/{len([k for k in traps if k[1] == code])}"}
    return table, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="source tree for the audit (PYTHONPATH)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/money_heldout"))
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    g, *lists = build(a.seed)
    files = write(a.out / "county", g, *lists)
    report = a.out / "report"
    proc = run_audit(files, report, a.src)
    if proc.returncode not in (0, 1) or not (report / "findings.csv").exists():
        print(proc.stdout[-3000:], proc.stderr[-3000:])
        print(f"audit failed (exit {proc.returncode})")
        return 2
    table, problems = score(report / "findings.csv", a.out / "county" / "truth_money.csv")
    print(f"held-out county: {a.out / 'county'}  report: {report}  src: {a.src}")
    print(f"{'code':5} {'planted':>7} {'found':>5} {'recall':>6} {'amounts':>8} {'高/中':>5} {'prec':>5} {'traps':>6}")
    for code, s in table.items():
        print(f"{code:5} {s['planted']:>7} {s['found']:>5} {s['recall']:>6.2f} {s['amount_ok']:>8} {s['strong']:>5} "
              f"{s['precision']:>5.2f} {s['traps']:>6}")
    for p in problems:
        print(" -", p)
    warn = [line for line in proc.stdout.splitlines() + proc.stderr.splitlines() if "警告" in line or "提示" in line or "无法" in line]
    if warn:
        print("audit messages:")
        for line in warn[:30]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
