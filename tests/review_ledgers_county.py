"""A small county for the look-back with the review quarter's ledgers (review --payments): a third-quarter audit with
its deaths, custody, moves, staff and vehicle lists and ledger, the townships' returns, a fourth-quarter roster and a
fourth-quarter ledger, with cases whose 已整改 the ledger must overturn (FLIP) and traps it must not (KEEP).

``build(folder)`` writes the files and returns their paths; the test module runs audit and review on them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

from helpers import make_id

HEADER = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "家庭人口", "审批日期",
          "月保障金"]
LEDGER = ["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "资金项目", "所属月份", "发放日期", "发放金额",
          "账户名", "发放结果", "保障人口"]
Q3 = ["2026-07", "2026-08", "2026-09"]
Q4 = ["2026-10", "2026-11", "2026-12"]


def _id(n: int, birth: str = "19500101") -> str:
    return make_id(birth, 100 + n)


# name → (id, township). Each case a household of its own (the head first), unless said.
P = {
    # --- must flip: reported done, still paid after the stop in Q4
    "甄死亡": _id(1, "19400101"),          # 1 single, dead 2026-08-10, 已停发, paid Oct–Dec to her ID (C02 + F01)
    "祁服刑": _id(3, "19800101"),          # 2 single, in prison 2026-05-01..2028-04-30, 已清退, paid Oct–Dec (C02 + F02)
    "钱户主": _id(5, "19600101"),          # 3 household of a civil servant son, 已清退, paid to the head through Dec (C01)
    "钱公务": _id(7, "19880101"),
    "车有余": _id(9, "19650101"),          # 4 car owner, 已清退, paid through Dec (C04)
    "孙丈夫": _id(11, "19550101"),         # 5 per-person ledger: wife dead 2026-06-15, 已停发, her own rows go on (C02 + F01)
    "孙妻子": _id(12, "19560101"),
    "迁出某": _id(13, "19700101"),         # 7 single, moved out of the county 2026-05-20, 已清退, paid Oct–Dec (C02 + F02)
    "官本人": _id(15, "19750101"),         # 8 a civil servant heading his household, 已清退, paid Dec (C01)
    "数字号": _id(17, "19420304"),         # 9 single, dead 2026-07-02, her roster ID typed as a number: 中 (C02 + F01)
    "车二户": _id(19, "19660101"),         # 10 car owner, 已销号, paid Dec (C04)
    # --- traps: reported done, must stay 已整改
    "补发者": _id(21, "19410101"),         # T1 dead 2026-08-20: only July's back pay paid in October
    "失败者": _id(23, "19410202"),         # T2 dead 2026-07-01: October's payment failed, none after
    "物价者": _id(25, "19410303"),         # T3 dead 2026-07-01: only 物价补贴 in Q4
    "复审者": _id(27, "19820101"),         # T4 in prison to 2026-10-20, released, approved again 2026-11-15, paid Nov–Dec
    "同名人": _id(29, "19430101"),         # T5 dead 2026-07-01, removed; a namesake (another ID) is paid
    "同名人#": _id(31, "19800505"),        #    the namesake, enrolled in Q4
    "月末死": _id(33, "19440101"),         # T6 dead 2026-09-29: September paid (back pay in October), nothing after
    "减额户": _id(35, "19500505"),         # T7 household of 3; the wife died 2026-07-05; Q4 pays 2 people, less
    "减额妻": _id(36, "19520606"),
    "减额子": _id(37, "19800707"),
    "十月停": _id(39, "19610101"),         # T8 civil servant's household 已清退, paid Oct and Nov only
    "十月停子": _id(41, "19890101"),
    "核实车": _id(43, "19620101"),         # T9 car 核实无问题 (车辆已过户), paid on: stays 核实无问题
    "无发放": _id(45, "19630101"),         # T10 car 已清退, no Q4 payment at all
    "退回者": _id(47, "19810101"),         # T11 in prison 2026-03-01..2029-02-28, 已清退, Q4 rows 退回
    "一次性": _id(49, "19410404"),         # T12 dead 2026-07-01: only a 春节一次性生活补贴 in Q4
    "在册户": _id(51, "19580101"),         # an ordinary household, paid on (no finding)
    "全额户": _id(53, "19510505"),         # 11 household of 3; the wife died 2026-07-10, 已减员; Q4 still pays 3 people
    "全额妻": _id(54, "19530606"),
    "全额子": _id(55, "19810707"),
    "补十一": _id(61, "19670101"),         # T14 car 已清退: November's benefit back-paid in December, none for December
    "提标户": _id(57, "19520808"),         # T13 household of 4; a member died 2026-07-08; Q4 approves 3 at a raised
    "提标妻": _id(58, "19540909"),         #     1,260 (420 each) > 1,200 before, and pays it: unsure, said, not flipped
    "提标子": _id(59, "19821010"),
    "提标女": _id(60, "19841111"),
}
FLIP = [("C02", "甄死亡"), ("F01", "甄死亡"), ("C02", "祁服刑"), ("F02", "祁服刑"), ("C01", "钱公务"), ("C04", "车有余"),
        ("C02", "孙妻子"), ("F01", "孙妻子"), ("C02", "迁出某"), ("F02", "迁出某"), ("C01", "官本人"), ("C02", "数字号"),
        ("F01", "数字号"), ("C04", "车二户"), ("C02", "全额妻"), ("F01", "全额妻")]
KEEP = [("C02", "补发者"), ("F01", "补发者"), ("C02", "失败者"), ("F01", "失败者"), ("C02", "物价者"), ("F01", "物价者"),
        ("C02", "复审者"), ("C02", "同名人"), ("F01", "同名人"), ("C02", "月末死"), ("C02", "减额妻"), ("F01", "减额妻"),
        ("C01", "十月停子"), ("C04", "无发放"), ("C02", "退回者"), ("F02", "退回者"), ("C02", "一次性"), ("F01", "一次性"),
        ("C02", "提标妻"), ("F01", "提标妻"), ("C04", "补十一")]
VERIFIED = [("C04", "核实车")]
# 已整改 words per case (the rest: 已停发)
SAID = {"祁服刑": "已清退", "钱公务": "已清退", "车有余": "已清退", "迁出某": "已清退", "官本人": "已清退", "车二户": "已销号",
        "十月停子": "已清退", "无发放": "已清退", "退回者": "已清退", "复审者": "已停发", "减额妻": "已整改", "全额妻": "已整改", "提标妻": "已整改", "补十一": "已清退"}

# households: head → [(name, relation)] (members besides the head)
HOUSEHOLDS = {"甄死亡": [], "祁服刑": [], "钱户主": [("钱公务", "子")], "车有余": [], "孙丈夫": [("孙妻子", "配偶")],
              "迁出某": [], "官本人": [], "数字号": [], "车二户": [], "补发者": [], "失败者": [], "物价者": [], "复审者": [],
              "同名人": [], "月末死": [], "减额户": [("减额妻", "配偶"), ("减额子", "子")], "十月停": [("十月停子", "子")],
              "核实车": [], "无发放": [], "退回者": [], "一次性": [], "在册户": [],
              "全额户": [("全额妻", "配偶"), ("全额子", "子")], "补十一": [],
              "提标户": [("提标妻", "配偶"), ("提标子", "子"), ("提标女", "女")]}
# people gone from the Q4 roster (whole households by their head, or members)
GONE_Q4 = {"甄死亡", "祁服刑", "钱户主", "车有余", "孙妻子", "迁出某", "官本人", "数字号", "车二户", "补发者", "失败者",
           "物价者", "同名人", "月末死", "减额妻", "十月停", "无发放", "退回者", "一次性", "全额妻", "提标妻", "补十一"}
PER_PERSON = 300  # yuan a person a month


def _name(n: str) -> str:
    return n.rstrip("#")


def _roster(path: Path, title: str, q4: bool) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([title])
    ws.append(HEADER)
    for head, members in HOUSEHOLDS.items():
        people = [(head, "户主")] + members
        if q4:
            if head in GONE_Q4:
                continue
            people = [(n, r) for n, r in people if n not in GONE_Q4]
        approved = "2026-11-15" if q4 and head == "复审者" else "2024-03-01"
        amount = (420 if q4 and head == "提标户" else PER_PERSON) * len(people)
        for name, rel in people:
            pid = P[name]
            # 9: the number format kept 15 digits of her ID in the Q3 roster (a number cell)
            cell = int(pid[:15] + "000") if name == "数字号" and not q4 else pid
            ws.append(["城关镇", "东村", head, int(P[head][:15] + "000") if head == "数字号" and not q4 else P[head],
                       name, rel, cell, "农村", len(people), approved, amount])
    if q4:  # the namesake of T5, enrolled on his own
        ws.append(["河口乡", "南村", "同名人", P["同名人#"], "同名人", "户主", P["同名人#"], "农村", 1, "2024-03-01", PER_PERSON])
    book.save(path)
    return path


def _csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        w = csv.writer(out)
        w.writerow(header)
        w.writerows(rows)
    return path


def _pay(head: str, month: str, amount: float, name: str = "", item: str = "低保金", status: str = "成功",
         paid: str = "", size: int | str = "") -> list:
    who = name or head
    return ["城关镇", "东村", _name(head), P[head], _name(who), P[who], item, month, paid or f"{month}-18", amount,
            _name(who), status, size]


def _q3_ledger() -> list[list]:
    """Every Q3 household paid Jul–Sep (per person for 孙's household), as the roster lists them then."""
    rows = []
    for head, members in HOUSEHOLDS.items():
        size = 1 + len(members)
        for m in Q3:
            if head == "孙丈夫":
                rows += [_pay(head, m, PER_PERSON, name=n, size=1) for n in (head, "孙妻子")]
            else:
                rows.append(_pay(head, m, PER_PERSON * size, size=size))
    return rows


def _q4_ledger() -> list[list]:
    rows = []
    every = lambda head, amount=PER_PERSON, **kw: [_pay(head, m, amount, **kw) for m in Q4]  # noqa: E731
    rows += every("甄死亡") + every("祁服刑") + every("钱户主", 2 * PER_PERSON, size=2) + every("车有余")
    rows += every("孙丈夫", name="孙丈夫", size=1) + every("孙丈夫", name="孙妻子", size=1)
    rows += every("迁出某") + [_pay("官本人", "2026-12", PER_PERSON)] + every("数字号") + [_pay("车二户", "2026-12", PER_PERSON)]
    # traps
    rows.append(_pay("补发者", "2026-07", PER_PERSON, paid="2026-10-12"))
    rows.append(_pay("失败者", "2026-10", PER_PERSON, status="失败"))
    rows += every("物价者", 30, item="物价补贴")
    rows += [_pay("复审者", m, PER_PERSON) for m in ("2026-11", "2026-12")]
    rows += every("同名人#")
    rows.append(_pay("月末死", "2026-09", PER_PERSON, paid="2026-10-09"))
    rows += every("减额户", 2 * PER_PERSON, size=2)
    rows += [_pay("十月停", m, 2 * PER_PERSON, size=2) for m in ("2026-10", "2026-11")]
    rows += every("核实车")
    rows += every("退回者", status="退回")
    rows.append(_pay("一次性", "2026-12", 500, item="春节一次性生活补贴"))
    rows += every("在册户") + every("全额户", 3 * PER_PERSON, size=3) + every("提标户", 3 * 420, size=3)
    rows += [_pay("补十一", "2026-10", PER_PERSON), _pay("补十一", "2026-11", PER_PERSON, paid="2026-12-15")]
    return rows


def build(folder: Path) -> dict[str, Path]:
    """Write the county's files under ``folder``; returns name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {"q3": _roster(folder / "低保花名册_2026年第三季度.xlsx", "清河县2026年第三季度农村低保花名册", False),
           "q4": _roster(folder / "低保花名册_2026年第四季度.xlsx", "清河县2026年第四季度农村低保花名册", True)}
    out["deaths"] = _csv(folder / "死亡人员名单.csv", ["姓名", "身份证号", "死亡日期"], [
        ["甄死亡", P["甄死亡"], "2026-08-10"], ["孙妻子", P["孙妻子"], "2026-06-15"], ["数字号", P["数字号"], "2026-07-02"],
        ["补发者", P["补发者"], "2026-08-20"], ["失败者", P["失败者"], "2026-07-01"], ["物价者", P["物价者"], "2026-07-01"],
        ["同名人", P["同名人"], "2026-07-01"], ["月末死", P["月末死"], "2026-09-29"], ["减额妻", P["减额妻"], "2026-07-05"], ["全额妻", P["全额妻"], "2026-07-10"], ["提标妻", P["提标妻"], "2026-07-08"],
        ["一次性", P["一次性"], "2026-07-01"]])
    out["prisoners"] = _csv(folder / "服刑人员名单.csv", ["姓名", "身份证号", "入监日期", "刑期止日期"], [
        ["祁服刑", P["祁服刑"], "2026-05-01", "2028-04-30"], ["复审者", P["复审者"], "2025-01-10", "2026-10-20"],
        ["退回者", P["退回者"], "2026-03-01", "2029-02-28"]])
    out["migrations"] = _csv(folder / "户籍迁出名单.csv", ["姓名", "身份证号", "迁出日期", "迁往地", "迁移原因"], [
        ["迁出某", P["迁出某"], "2026-05-20", "广东省深圳市宝安区", "务工"]])
    out["staff"] = _csv(folder / "财政供养人员名单.csv", ["工作单位", "姓名", "身份证号", "人员类别"], [
        ["县财政局", "钱公务", P["钱公务"], "公务员"], ["县教育局", "官本人", P["官本人"], "事业"],
        ["县水利局", "十月停子", P["十月停子"], "公务员"]])
    out["vehicles"] = _csv(folder / "机动车登记信息.csv", ["号牌号码", "车辆类型", "所有人", "身份证明号码", "机动车状态"], [
        ["湘A12345", "小型轿车", "车有余", P["车有余"], "正常"], ["湘A22345", "小型轿车", "车二户", P["车二户"], "正常"],
        ["湘A32345", "小型轿车", "核实车", P["核实车"], "正常"], ["湘A42345", "小型轿车", "无发放", P["无发放"], "正常"],
        ["湘A52345", "小型轿车", "补十一", P["补十一"], "正常"]])
    ledgers = folder / "Q3明细"
    ledgers.mkdir(exist_ok=True)
    out["q3_ledger"] = _csv(ledgers / "低保金发放明细_2026年第三季度.csv", LEDGER, _q3_ledger())
    q4 = folder / "Q4明细"
    q4.mkdir(exist_ok=True)
    out["q4_ledger"] = _csv(q4 / "低保金发放明细_2026年第四季度.csv", LEDGER, _q4_ledger())
    out["q4_folder"] = q4
    return out


def fill_returns(findings: Path, to: Path) -> Path:
    """The townships' return: findings.csv with 整改状态 (and 核实情况) filled in as the cases say."""
    import pandas as pd

    frame = pd.read_csv(findings, dtype=str, encoding="utf-8-sig").fillna("")
    frame["核实情况"] = ["车辆已过户，核实无问题" if n == "核实车" else "情况属实" for n in frame["姓名"]]
    frame["整改措施"] = [f"已将{n}减员" if n in ("减额妻", "全额妻", "提标妻") else "" for n in frame["姓名"]]
    frame["整改状态"] = ["" if n == "核实车" else "已追回" if c.startswith("F") else SAID.get(n, "已停发")
                     for c, n in zip(frame["类别代码"], frame["姓名"])]
    frame.to_csv(to, index=False, encoding="utf-8-sig")
    return to
