"""screen on application batches in the shapes townships send (held-out 358): a form naming its applicant in label
cells only, a household row listing its members in one cell, a member list without a programme word."""

import datetime as dt

import openpyxl
from helpers import make_id

from rostercheck.classify import classify_file
from rostercheck.screen import screen

HEAD = make_id("19620311", 137)
WIFE = make_id("19640502", 128)
STAFF = make_id("19700101", 215)


def _staff(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["工作单位", "姓名", "身份证号码", "人员类别"])
    book.active.append(["清河县财政局", "钱芳", STAFF, "公务员"])
    book.save(tmp_path / "staff.xlsx")
    return tmp_path / "staff.xlsx"


def test_a_form_naming_its_applicant_in_label_cells_screens_the_applicant(tmp_path):
    # the member table lists the others only: the first of them was read as the applicant (the staff member unseen),
    # and a form with no other member was an empty sheet, left out as the same as another
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, number, others in [("钱芳", STAFF, [["孙伟", "夫", HEAD, "有劳动能力", "健康", None]]), ("周平", WIFE, [])]:
        sheet = book.create_sheet(name)
        for row in [["清河县最低生活保障申请审批表"], ["申请人", name, "性别", "女", "身份证号码", number],
                    ["乡镇（街道）", "城关镇", "村（社区）", "东村", "家庭人口", 1 + len(others)],
                    ["城乡类别", "农村", "申请类别", "低保", "联系电话", "13800000000"], ["申请理由", "因病致贫"], ["家庭成员情况"],
                    ["姓名", "与申请人关系", "身份证号码", "劳动能力", "健康状况", "备注"], *others, ["村（居）委会意见"]]:
            sheet.append(row)
    book.save(tmp_path / "申请审批表.xlsx")
    result = screen([tmp_path / "申请审批表.xlsx"], {"staff": _staff(tmp_path)}, dt.date(2026, 9, 30))
    v = result.verdicts.sort_values("户主姓名")
    assert list(zip(v["户主姓名"], v["户主身份证号"], v["家庭人口"], v["结论"])) == [
        ("周平", WIFE, 1, "无疑点"), ("钱芳", STAFF, 2, "有疑点")]
    c01 = result.findings[result.findings["类别代码"] == "C01"]
    assert list(zip(c01["身份证号"], c01["置信度"])) == [(STAFF, "高")]


def test_members_written_in_one_cell_are_each_screened_with_the_head(tmp_path):
    # 家庭成员 "妻 钱芳 4305…；子 …" was read as one member's ID column: the head unchecked, two IDs a D03 高
    book = openpyxl.Workbook()
    rows = [["乡镇", "村", "申请人姓名", "申请人身份证号", "家庭人口", "共同生活家庭成员（关系 姓名 身份证号）"],
            ["城关镇", "东村", "孙伟", HEAD, 3, f"妻 钱芳 {STAFF}；子 孙亮 {make_id('20100101', 113)}"],
            ["城关镇", "东村", "周平", WIFE, 1, ""]]
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "汇总表.xlsx")
    result = screen([tmp_path / "汇总表.xlsx"], {"staff": _staff(tmp_path)}, dt.date(2026, 9, 30))
    v = result.verdicts.sort_values("户主姓名")
    assert list(zip(v["户主姓名"], v["家庭人口"], v["结论"])) == [("周平", 1, "无疑点"), ("孙伟", 3, "有疑点")]
    f = result.findings
    assert list(zip(f["类别代码"], f["姓名"], f["身份证号"], f["置信度"])) == [("C01", "钱芳", STAFF, "高")]


def test_a_member_list_with_household_size_and_no_programme_word_is_no_cadre_list(tmp_path):
    # 乡镇, 村, 户主姓名, 户主身份证号, 家庭人口, 成员姓名, 与户主关系 … in 成员名单.xlsx: taken as a cadre list, skipped
    book = openpyxl.Workbook()
    for row in [["乡镇", "村", "户主姓名", "户主身份证号", "家庭人口", "成员姓名", "与户主关系", "成员身份证号码", "性别"],
                ["城关镇", "东村", "孙伟", HEAD, 2, "孙伟", "户主", HEAD, "男"],
                [None, None, None, None, None, "钱芳", "妻", STAFF, "女"]]:
        book.active.append(row)
    book.save(tmp_path / "成员名单.xlsx")
    assert classify_file(tmp_path / "成员名单.xlsx").kind == "roster"
