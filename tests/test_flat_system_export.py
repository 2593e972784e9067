"""A roster as a second provincial system exports it (held-out 439): one flat sheet, a group row (家庭信息 | 成员信息 |
保障信息) over the labels, every member on its own row with the household's cells on the head's row only (blank below,
not merged), codes for sex, 民族, relation (GB/T 4761) and 人员状态, places as 12-digit 统计用区划代码 with no names and
no 行政区划代码 column, decoy ID columns (监护人身份证号, 原证件号码) before the member's, one ID typed as a number and one
15-digit ID; a 代码说明 sheet beside it. Must-flag and must-not-flag cases end to end through the CLI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
from helpers import make_id
from typer.testing import CliRunner

from rostercheck.cli import app

COUNTY, SAME_CITY = "621124", "621123"  # 临洮县 and 渭源县, both of 定西市
TOWN, VILLAGE, OTHER_VILLAGE = COUNTY + "100000", COUNTY + "100201", COUNTY + "101203"
AS_OF = dt.date(2026, 9, 30)


def pid(birth: str, seq: int) -> str:
    return make_id(birth, seq, COUNTY)


# (name, ID cell, relation code, 人员状态 code, the guardian's and former IDs) per member; household cells on the first
HEADS = {
    "赵国强": [("赵国强", pid("19600101", 111), "01", "1"), ("钱秀英", pid("19620202", 122), "10", "1"),
               ("赵小军", pid("19900303", 131), "20", "1")],
    "孙志明": [("孙志明", pid("19550505", 151), "01", "1"), ("周桂兰", pid("19560606", 162), "10", "1")],
    "吴秀珍": [("吴秀珍", pid("19450707", 172), "01", "1")],
    "郑大山": [("郑大山", pid("19700808", 181), "01", "1"), ("郑小山", pid("19950909", 191), "20", "2")],
    "王老汉": [("王老汉", pid("19400112", 215), "01", "1")],
}
NUMBER_TYPED = "赵小军"  # his ID cell is a number Excel cut to 15 digits
FIFTEEN = "王老汉"  # his ID is the old 15-digit one
GUARDIAN = pid("19480303", 313)  # 吴秀珍's guardian, dead: a decoy
FORMER = pid("19660606", 333)  # 孙志明's 原证件号码, moved out of the county: a decoy


def id_cell(name: str, value: str) -> object:
    if name == NUMBER_TYPED:
        return float(f"{int(value):.14e}")
    if name == FIFTEEN:
        return value[:6] + value[8:17]
    return value


def write_roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "低保"
    ws.append(["城乡最低生活保障对象花名册（系统导出）"])
    labels = (["银行账号", "联系电话", "乡镇（街道）", "村（社区）", "户主姓名", "户主身份证号", "家庭人口"]
              + ["监护人身份证号", "原证件号码", "成员姓名", "身份证号码", "性别", "民族", "与户主关系", "人员状态"]
              + ["保障类别", "保障人口", "月保障金"])
    ws.append(["家庭信息"] + [None] * 6 + ["成员信息"] + [None] * 7 + ["保障信息", None, None])
    ws.merge_cells("A2:G2")
    ws.merge_cells("H2:O2")
    ws.merge_cells("P2:R2")
    ws.append(labels)
    for n, (head, people) in enumerate(HEADS.items()):
        village = OTHER_VILLAGE if head == "郑大山" else VILLAGE
        for i, (name, value, relation, status) in enumerate(people):
            household = ([f"62284800{n:011d}", f"1380000{n:04d}", TOWN if head != "郑大山" else COUNTY + "101000",
                          village, head, id_cell(head, people[0][1]), len(people)] if i == 0 else [None] * 7)
            member = [GUARDIAN if name == "吴秀珍" else "", FORMER if name == "孙志明" else "", name,
                      id_cell(name, value), "1" if int(value[16]) % 2 else "2", "01", relation, status]
            benefit = ["A", len(people), 516 * len(people)] if i == 0 else [None] * 3
            ws.append(household + member + benefit)
    legend = book.create_sheet("代码说明")
    legend.append(["字段", "代码", "名称"])
    for row in (["性别", "1", "男"], ["性别", "2", "女"], ["民族", "01", "汉族"], ["与户主关系", "01", "本人"],
                ["与户主关系", "10", "配偶"], ["与户主关系", "20", "子"], ["人员状态", "1", "正常"], ["人员状态", "2", "停保"],
                ["人员状态", "3", "死亡"], ["保障类别", "A", "A类"]):
        legend.append(row)
    book.save(path)
    return path


def write_list(path: Path, header: list[str], rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def member_id(name: str) -> str:
    return next(v for people in HEADS.values() for n, v, _, _ in people if n == name)


def test_flat_system_export_finds_the_planted_cases_and_no_trap(tmp_path):
    roster = write_roster(tmp_path / "城乡低保对象花名册.xlsx")
    moves = write_list(tmp_path / "户籍迁出名单.xlsx", ["姓名", "公民身份号码", "迁出日期", "迁往地行政区划代码", "迁移原因"], [
        ["钱秀英", member_id("钱秀英"), 20260520, SAME_CITY + "101000", "婚迁"],  # must-flag: another county of the city
        ["周桂兰", member_id("周桂兰"), 20260411, OTHER_VILLAGE, "投靠亲属"],  # must-not: a village of the county
        ["孙志明", FORMER, 20260301, SAME_CITY + "100000", "务工"],  # must-not: his 原证件号码, a decoy
    ])
    deaths = write_list(tmp_path / "户口注销人员.xlsx", ["姓名", "公民身份号码", "注销日期", "注销原因"], [
        ["赵小军", member_id("赵小军"), 20260714, "死亡"],  # must-flag at 中: his roster ID was typed as a number
        ["王老汉", member_id("王老汉"), 20260801, "死亡"],  # must-flag at 高: his 15-digit ID upgrades to this one
        ["郑小山", member_id("郑小山"), 20260105, "死亡"],  # must-not: 人员状态 2 (停保) on the roster already
        ["吴秀珍的监护人", GUARDIAN, 20260503, "死亡"],  # must-not: the 监护人身份证号 is a decoy
    ])
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(roster), "--migrations", str(moves), "--deaths", str(deaths),
                                      "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    frame = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    strong = frame[(frame["类别代码"] == "C02") & frame["置信度"].isin(["高", "中"])]
    assert sorted(zip(strong["姓名"], strong["置信度"])) == [("王老汉", "高"), ("赵小军", "中"), ("钱秀英", "高")]
    # a former ID (原证件号码) on a list is a lead at most: never 高/中 (and 郑小山, 停保, and the guardian: nothing)
    assert set(frame.loc[frame["类别代码"] == "C02", "姓名"]) <= {"王老汉", "赵小军", "钱秀英", "孙志明"}
    assert set(frame["乡镇"]) <= {TOWN, COUNTY + "101000"}


def test_a_folder_code_table_explains_columns_under_a_group_row(tmp_path):
    # the same export saved as a GBK CSV with the system's 代码说明.csv beside it: 人员状态 sits under the group cell
    # 成员信息, so its label reads 成员信息人员状态 while the code table names 人员状态 (held-out 439: the 停保 code went
    # unread and the member was audited, his deaths row a C02 lead)
    book = openpyxl.load_workbook(write_roster(tmp_path / "book.xlsx"))
    for sheet, name in ((book["低保"], "城乡低保对象花名册.csv"), (book["代码说明"], "代码说明.csv")):
        with open(tmp_path / name, "w", encoding="gbk", newline="") as f:
            for row in sheet.iter_rows(values_only=True):
                f.write(",".join("" if v is None else str(int(v)) if isinstance(v, float) else str(v) for v in row) + "\n")
    (tmp_path / "book.xlsx").unlink()
    deaths = write_list(tmp_path / "户口注销人员.xlsx", ["姓名", "公民身份号码", "注销日期", "注销原因"], [
        ["周桂兰", member_id("周桂兰"), 20260301, "死亡"],  # must-flag: 人员状态 1 (正常)
        ["郑小山", member_id("郑小山"), 20260105, "死亡"],  # must-not: 人员状态 2 (停保) — no longer a recipient
    ])
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(tmp_path / "城乡低保对象花名册.csv"), "--deaths", str(deaths),
                                      "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    frame = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    c02 = frame[frame["类别代码"] == "C02"]
    assert sorted(zip(c02["姓名"], c02["置信度"])) == [("周桂兰", "高")]
    assert "代码表文件《代码说明.csv》" in result.output and "停保" in result.output
