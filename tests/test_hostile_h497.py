"""h497: a black-box sweep of the stop's new reading paths with hostile inputs (blank or tied numbers in a system export's
two household-number columns, amounts in E notation)."""
import datetime as dt

import pytest
from filebuild import write_sheets
from helpers import make_id

from rostercheck.screen import screen

HEAD, WIFE = make_id("19680304", 31, "621027"), make_id("19700506", 42, "621027")
STAFF = ["工作单位", "姓名", "公民身份号码", "人员类别"]
HH = ["申请编号", "家庭编号", "申请日期", "申请类别", "所属区划", "申请人姓名", "申请人证件号码", "家庭人口数", "业务状态"]
MEM = ["家庭编号", "姓名", "证件号码", "与申请人关系", "性别"]


# (申请编号, 家庭编号) of the one family's 家庭 row, the number its 成员 rows are under
@pytest.mark.parametrize("numbers, members_under", [
    (("SQ1", "JT1"), "JT1"),  # must stay: the export as made
    (("SQ1", ""), "JT1"),  # 家庭编号 left blank beside the 申请编号 (main: two applications, D01 高, the wife 低)
    (("", "JT1"), "JT1"),  # 申请编号 left blank (main, audit: the 家庭 sheet read as heads apart, D01 高 twice)
    (("JT1", "SQ1"), "JT1"),  # the two columns swapped
    (("SQ1", "JT2"), "JT1"),  # 家庭编号 written otherwise (main: two applications, D01 高)
])
@pytest.mark.parametrize("command", ["screen", "audit"])
def test_a_familys_numbers_blank_or_otherwise_still_join_its_members(tmp_path, numbers, members_under, command):
    households = [HH, [*numbers, "20260815", "低保", "621027100201", "王建国", HEAD, 2, "审核中"]]
    members = [MEM, [members_under, "王建国", HEAD, "01", "1"], [members_under, "刘芳", WIFE, "12", "2"]]
    book = write_sheets(tmp_path / "申请.xlsx", [("家庭", households), ("成员", members)])
    staff = write_sheets(tmp_path / "staff.xlsx", [("Sheet1", [STAFF, ["二中", "刘芳", WIFE, "事业"]])])
    if command == "screen":
        f = screen([book], {"staff": staff}, dt.date(2026, 9, 30)).findings
    else:
        from rostercheck.audit import audit

        f = audit([book], {"staff": staff}, dt.date(2026, 9, 30)).findings
    # must flag: the wife on the staff list, at 高, in her family; must not flag: the head as enrolled twice
    assert sorted(zip(f["类别代码"], f["身份证号"], f["置信度"])) == [("C01", WIFE, "高")]


@pytest.mark.parametrize("cell, value", [
    ("1e9", 1e9),
    ("1.5E+03", 1500.0),
    ("-4.8e4", -48000.0),
    ("1e400", None),  # no finite amount
    # must stay
    ("2,800.00", 2800.0),
    ("-￥1,130.00", -1130.0),
    ("1.488万", 14880.0),
    ("-", None),
    ("—", None),
])
def test_an_amount_in_e_notation_is_its_value(cell, value):
    from rostercheck.normalize.values import money

    assert money(cell) == value
