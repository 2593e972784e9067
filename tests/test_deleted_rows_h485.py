"""Rows a system marks deleted or void (h485, issues 9/14/15: 元谋县 532328, a blind round): a record-status column
(删除标志, 是否删除, 有效标志 — 1 = valid —, 有效标识, 记录状态, 数据状态, 作废标志) decides whether a row is a record at all,
in every table (rosters, held lists, exits) and in the payment ledgers; the rows left out are said once per file, and a
value that says neither keeps its row and is said too. A vehicle's 机动车状态 注销 or a roster's 状态 is no such column."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from helpers import context, flagged, household, make_id, workbook

from rostercheck.io.table import load_table
from rostercheck.normalize.codes import system_column

AS_OF = dt.date(2026, 9, 30)
HEAD = make_id("19700101", 111, "532328")
OTHER = make_id("19720202", 221, "532328")
ROSTER = household("张三", HEAD, township="元马镇", village="龙川社区")


@pytest.mark.parametrize("label, sense", [
    ("删除标志", "deleted_flag"), ("是否删除", "deleted_flag"), ("作废标志", "deleted_flag"), ("数据删除标识", "deleted_flag"),
    ("删除标志（1是0否）", "deleted_flag"), ("有效标志", "valid_flag"), ("有效标识", "valid_flag"), ("是否有效", "valid_flag"),
    ("数据有效性", "valid_flag"), ("记录状态", "state"), ("数据状态", "state"),
    # not the record's: fields the lists read
    ("状态", ""), ("机动车状态", ""), ("户籍状态", ""), ("人员状态", ""), ("登记状态", ""), ("同步状态", ""), ("有效期", ""),
    ("注销标志", ""),
])
def test_record_column(label, sense):
    from rostercheck.normalize.codes import record_column

    assert record_column(label) == sense


@pytest.mark.parametrize("label", ["是否删除", "有效标志", "有效标识", "记录状态", "数据状态", "数据有效性"])
def test_a_record_status_column_names_no_field(label):
    # (main: 数据状态 无效 was read as the deaths list's 人员状态, 记录状态 作废 as a vehicle's 机动车状态)
    assert system_column(label)


@pytest.mark.parametrize("value, sense, live", [
    ("0", "deleted_flag", True), ("1", "deleted_flag", False), ("否", "deleted_flag", True), ("是", "deleted_flag", False),
    ("1-是", "deleted_flag", False), ("1.0", "deleted_flag", False), ("", "deleted_flag", True),
    ("1", "valid_flag", True), ("0", "valid_flag", False), ("Y", "valid_flag", True), ("n", "valid_flag", False),
    ("有效", "valid_flag", True), ("无效", "valid_flag", False),
    ("正常", "state", True), ("已删除", "state", False), ("作废", "state", False), ("注销", "state", False),
    ("有效", "state", True), ("无效", "state", False),
    ("待审核", "state", None), ("2", "deleted_flag", None), ("1", "state", None),
])
def test_record_live(value, sense, live):
    from rostercheck.normalize.codes import record_live

    assert record_live(value, sense) is live


def _gbk_csv(path, header, rows):
    with open(path, "w", encoding="gbk", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


# (header, the value of a deleted row, of a live row, the column first, the file's format)
SHAPES = [
    ("删除标志", "1", "0", True, "xlsx"), ("是否删除", "是", "否", False, "xlsx"), ("有效标志", "0", "1", False, "xlsx"),
    ("有效标识", "N", "Y", True, "csv"), ("记录状态", "作废", "正常", False, "csv"), ("数据状态", "无效", "有效", True, "xlsx"),
    ("作废标志", "是", "否", False, "csv"),
]


def _list_file(tmp_path, name, header, row, shape, deleted):
    label, dead, live, first, fmt = shape
    value = dead if deleted else live
    header, row = ([label, *header], [value, *row]) if first else ([*header, label, "版本号"], [*row, value, "3"])
    if fmt == "csv":
        return _gbk_csv(tmp_path / f"{name}.csv", header, [row])
    return workbook(tmp_path / f"{name}.xlsx", [("数据", header, [row])])


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("kind, name, header, row, code", [
    ("deaths", "死亡人员名单", ["姓名", "身份证号", "死亡日期"], ["张三", HEAD, "2026-06-17"], "C02"),   # a death voided
    ("prisoners", "服刑人员名单", ["姓名", "身份证号", "入监日期", "刑期止日"], ["张三", HEAD, "2026-04-01", "2027-12-31"], "C02"),
    ("cadres", "村干部名单", ["姓名", "身份证号", "乡镇", "村", "职务"], ["张三", HEAD, "元马镇", "龙川社区", "村民小组长"], "C01"),
    ("vehicles", "机动车登记信息", ["号牌号码", "车辆类型", "使用性质", "所有人", "身份证明号码", "机动车状态"],
     ["云E12345", "K33", "A", "张三", HEAD, "A"], "C04"),
])
@pytest.mark.parametrize("deleted", [True, False])
def test_a_row_marked_deleted_is_no_record(tmp_path, shape, kind, name, header, row, code, deleted):
    # must not flag: the row marked deleted or void (main flagged every one at 高/中); must flag: the same row live
    path = _list_file(tmp_path, name, header, row, shape, deleted)
    ctx = context(ROSTER, files={kind: path})
    assert bool(flagged(ctx, code)) is not deleted


@pytest.mark.parametrize("state, record, expected", [
    ("E", "正常", []),             # a deregistered car on a live record: the car's 注销, not the record's
    ("A", "正常", [("张三", "高")]),
    ("A", "注销", []),             # the record itself void
])
def test_a_vehicle_state_beside_a_record_state(tmp_path, state, record, expected):
    header = ["号牌号码", "车辆类型", "使用性质", "所有人", "身份证明号码", "机动车状态", "记录状态"]
    path = workbook(tmp_path / "机动车登记信息.xlsx", [("数据", header, [["云E12345", "K33", "A", "张三", HEAD, state, record]])])
    assert flagged(context(ROSTER, files={"vehicles": path}), "C04") == expected


def test_rows_left_out_and_rows_unread_are_said(tmp_path):
    header = ["姓名", "身份证号", "死亡日期", "记录状态"]
    rows = [["张三", HEAD, "2026-06-17", "已删除"], ["李四", OTHER, "2026-05-01", "待审核"],
            ["王五", make_id("19500101", 331, "532328"), "2026-04-01", "正常"]]
    table = load_table(workbook(tmp_path / "死亡人员名单.xlsx", [("数据", header, rows)]), "deaths")
    assert sorted(table.frame["name"]) == ["李四", "王五"]   # the unread value keeps its row
    said = " ".join(table.warnings)
    assert "有 1 行标为已删除或作废（“记录状态”为“已删除”）" in said
    assert "有 1 行的“记录状态”为“待审核”，看不出记录是否已删除或作废，仍按有效记录读取" in said


def test_a_roster_row_deleted_is_no_member(tmp_path):
    header = ["乡镇", "村", "户主姓名", "户主身份证号", "家庭人口", "月保障金", "成员姓名", "与户主关系", "成员身份证号码", "保障状态", "是否删除"]
    rows = [["元马镇", "龙川社区", "张三", HEAD, "1", "560", "张三", "户主", HEAD, "正常", "否"],
            ["元马镇", "龙川社区", "张三", HEAD, "1", "560", "李四", "子", OTHER, "正常", "是"]]
    table = load_table(workbook(tmp_path / "低保花名册.xlsx", [("数据", header, rows)]), "roster")
    assert list(table.frame["id"]) == [HEAD]
    assert any("有 1 行标为已删除或作废（“是否删除”为“是”）" in w for w in table.warnings)


@pytest.mark.parametrize("label, dead, live", [("删除标志", "1", "0"), ("有效标识", "N", "Y"), ("记录状态", "作废", "正常")])
def test_a_ledger_row_deleted_is_no_payment(tmp_path, label, dead, live):
    from rostercheck.io.ledgers import read_ledger

    header = ["户主姓名", "户主身份证号", "资金项目", "所属月份", "发放日期", "发放金额", "发放结果", label]
    rows = [["张三", HEAD, "低保金", "2026-08", "2026-08-18", 560, "成功", live],
            ["张三", HEAD, "低保金", "2026-08", "2026-08-18", 1060, "成功", dead],   # keyed wrong, deleted, re-entered
            ["张三", HEAD, "低保金", "2026-09", "2026-09-18", 560, "成功", live]]
    table, paid = read_ledger(workbook(tmp_path / "低保金发放明细.xlsx", [("数据", header, rows)]), AS_OF)
    assert sorted(zip(paid["month"].astype(str), paid["amount"].astype(float))) == [("2026-08", 560.0), ("2026-09", 560.0)]
    assert any("有 1 行标为已删除或作废" in w for w in table.warnings)


def test_the_members_of_a_household_deleted_in_a_household_sheet_are_not_read(tmp_path):
    # a system export's 家庭信息 | 家庭成员信息: the household sheet marks 户 H0 deleted, its member rows say nothing
    # (main: both members read, their household's fields blank, and audited)
    spouse = make_id("19720303", 442, "532328")
    households = [["1", "H0", "元马镇", "龙川社区", "张三", HEAD, "城市", 2, 1120],
                  ["0", "H1", "元马镇", "龙川社区", "李四", OTHER, "城市", 1, 560]]
    members = [["H0", "张三", HEAD, "户主", "0"], ["H0", "王芳", spouse, "配偶", "0"], ["H1", "李四", OTHER, "户主", "0"]]
    path = workbook(tmp_path / "低保花名册.xlsx", [
        ("家庭信息", ["删除标志", "家庭编号", "乡镇", "村", "户主姓名", "户主身份证号", "城乡类别", "家庭人口", "月保障金"], households),
        ("家庭成员信息", ["家庭编号", "成员姓名", "证件号码", "与户主关系", "删除标志"], members)])
    table = load_table(path, "roster")
    assert list(table.frame["id"]) == [OTHER]
    assert any("有 2 名成员所在的家庭在“家庭信息”中标为已删除或作废" in w for w in table.warnings)


@pytest.mark.parametrize("label, dead, live", [
    ("删除标志（0是 1否）", "0", "1"),        # a legend inverting the flag's usual sense
    ("记录状态（1正常 2删除）", "2", "1"),     # codes a legend explains
])
def test_a_record_status_read_by_its_legend(tmp_path, label, dead, live):
    header = ["姓名", "身份证号", "死亡日期", label]
    rows = [["张三", HEAD, "2026-06-17", dead], ["李四", OTHER, "2026-05-01", live]]
    table = load_table(workbook(tmp_path / "死亡人员名单.xlsx", [("数据", header, rows)]), "deaths")
    assert list(table.frame["name"]) == ["李四"]


def test_a_ledger_record_status_read_by_its_titles_legend(tmp_path):
    from rostercheck.io.ledgers import read_ledger

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["元谋县2026年8月低保金发放明细（记录状态：1-正常，2-已删除）"])
    sheet.append(["户主姓名", "户主身份证号", "资金项目", "所属月份", "发放金额", "发放结果", "记录状态"])
    sheet.append(["张三", HEAD, "低保金", "2026-08", 560, "成功", "1"])
    sheet.append(["张三", HEAD, "低保金", "2026-08", 560, "成功", "2"])   # the duplicate, deleted
    book.save(tmp_path / "低保金发放明细.xlsx")
    table, paid = read_ledger(tmp_path / "低保金发放明细.xlsx", AS_OF)
    assert list(paid["amount"].astype(float)) == [560.0]
