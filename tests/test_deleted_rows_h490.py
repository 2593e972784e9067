"""Record-status columns h485 left open (h490, issues 9/14): prefixed, English and pinyin headers as databases export
them (业务删除标志, 人员记录状态, del_flag, IS_VALID, SCBZ 删除标志, YXBZ 有效标志) are record columns, a person's, a car's or a
household's state (人员状态, 机动车状态, 户籍状态) and a validity period (有效期至, 是否有效期内) are not; bare codes without a
legend (记录状态 1/2) are kept and the notice says where to explain them; the coverage command's lists and review's own
inputs leave deleted rows out too."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from helpers import context, flagged, household, make_id, workbook

from rostercheck.io.table import load_table
from rostercheck.normalize.codes import record_column, system_column

AS_OF = dt.date(2026, 9, 30)
HEAD = make_id("19700101", 111, "532328")
OTHER = make_id("19720202", 221, "532328")
ROSTER = household("张三", HEAD, township="元马镇", village="龙川社区")


@pytest.mark.parametrize("label, sense", [
    # record columns: a subject or 记录/数据 before the flag, database column names (English, pinyin initials)
    ("业务删除标志", "deleted_flag"), ("记录删除标识", "deleted_flag"), ("逻辑删除", "deleted_flag"),
    ("人员删除标志", "deleted_flag"), ("是否作废", "deleted_flag"), ("del_flag", "deleted_flag"),
    ("is_deleted", "deleted_flag"), ("DELETE_FLAG", "deleted_flag"), ("IS_DEL", "deleted_flag"),
    ("delflag", "deleted_flag"), ("SCBZ", "deleted_flag"), ("scbz", "deleted_flag"), ("SFSC", "deleted_flag"),
    ("ZFBZ", "deleted_flag"), ("DEL_FLAG（0正常 1删除）", "deleted_flag"),
    ("是否有效数据", "valid_flag"), ("IS_VALID", "valid_flag"), ("is_valid", "valid_flag"), ("valid_flag", "valid_flag"),
    ("YXBZ", "valid_flag"), ("SFYX", "valid_flag"),
    ("人员记录状态", "state"), ("家庭记录状态", "state"), ("业务数据状态", "state"), ("record_status", "state"),
    ("DATA_STATUS", "state"), ("JLZT", "state"), ("SJZT", "state"),
    # not the record's: the person's, the car's, the household's state, a validity period, an event's date or reason
    ("人员状态", ""), ("机动车状态", ""), ("户籍状态", ""), ("状态", ""), ("是否有效期内", ""), ("有效期", ""),
    ("有效期至", ""), ("有效期限", ""), ("证件有效期", ""), ("人员有效状态", ""), ("登记状态", ""), ("发放状态", ""),
    ("保障状态", ""), ("注销标志", ""), ("status", ""), ("state", ""), ("valid", ""), ("valid_date", ""),
    ("删除原因", ""), ("删除时间", ""), ("作废日期", ""), ("del_time", ""), ("delete_date", ""), ("注销日期", ""),
])
def test_record_column_headers(label, sense):
    # main: every prefixed, English and pinyin record header was '' (read as data, its deleted rows kept)
    assert record_column(label) == sense
    if sense:
        assert system_column(label)


@pytest.mark.parametrize("label, dead, live", [
    ("DEL_FLAG", "1", "0"), ("is_deleted", "Y", "N"), ("SCBZ", "1", "0"), ("YXBZ", "0", "1"), ("IS_VALID", "N", "Y"),
    ("业务删除标志", "是", "否"), ("人员记录状态", "已删除", "正常"), ("逻辑删除", "1", "0"), ("是否有效数据", "否", "是"),
])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_death_deleted_under_a_database_header_is_no_death(tmp_path, label, dead, live, fmt):
    # must not flag: the death the system deleted (main: C02 at 高); must flag: the same death live
    header = ["姓名", "身份证号", "死亡日期", label]
    for value, expected in ((dead, []), (live, [("张三", "高")])):
        rows = [["张三", HEAD, "2026-06-17", value]]
        folder = tmp_path / value
        folder.mkdir()
        if fmt == "csv":
            path = folder / "死亡人员名单.csv"
            with open(path, "w", encoding="gbk", newline="") as fh:
                csv.writer(fh).writerows([header, *rows])
        else:
            path = workbook(folder / "死亡人员名单.xlsx", [("数据", header, rows)])
        assert [(n, c) for n, c in flagged(context(ROSTER, files={"deaths": path}), "C02")] == expected, value


@pytest.mark.parametrize("label, value", [("人员状态", "注销"), ("户籍状态", "注销"), ("是否有效期内", "否"),
                                          ("有效期至", "2020-01-01")])
def test_a_persons_state_is_no_record_state(tmp_path, label, value):
    # a deaths list's 人员状态 注销 is the person's (the registration closed at death): the death stands
    header = ["姓名", "身份证号", "死亡日期", label]
    path = workbook(tmp_path / "死亡人员名单.xlsx", [("数据", header, [["张三", HEAD, "2026-06-17", value]])])
    assert flagged(context(ROSTER, files={"deaths": path}), "C02") == [("张三", "高")]


def _coded_deaths(folder):
    header = ["姓名", "身份证号", "死亡日期", "记录状态"]
    return header, [["张三", HEAD, "2026-06-17", "2"], ["李四", OTHER, "2026-05-01", "1"]]


def test_codes_without_a_legend_are_kept_and_the_notice_says_where_to_explain_them(tmp_path):
    # main said only '请核实，已删除或作废的请删去这些行' — not that a legend would let the file be read as sent
    header, rows = _coded_deaths(tmp_path)
    table = load_table(workbook(tmp_path / "死亡人员名单.xlsx", [("数据", header, rows)]), "deaths")
    assert sorted(table.frame["name"]) == ["张三", "李四"]
    said = next(w for w in table.warnings if "记录状态" in w)
    assert "有 2 行的“记录状态”为代码“1”、“2”，名单没有说明这些代码的含义" in said
    assert "请向报送单位问明代码的含义" in said and "在表头中写明" in said and "代码说明" in said
    assert "《死亡人员名单_代码表.csv》" in said


def test_a_word_that_says_neither_keeps_the_plain_notice(tmp_path):
    header = ["姓名", "身份证号", "死亡日期", "记录状态"]
    table = load_table(workbook(tmp_path / "死亡人员名单.xlsx", [("数据", header, [["张三", HEAD, "2026-06-17", "待审核"]])]),
                       "deaths")
    said = " ".join(table.warnings)
    assert "看不出记录是否已删除或作废，仍按有效记录读取；请核实" in said and "代码表文件" not in said


@pytest.mark.parametrize("route", ["code_file", "notes_sheet", "header"])
def test_each_route_the_notice_names_reads_the_codes(tmp_path, route):
    header, rows = _coded_deaths(tmp_path)
    sheets = [("数据", header, rows)]
    if route == "header":
        sheets = [("数据", [*header[:3], "记录状态（1正常 2删除）"], rows)]
    elif route == "notes_sheet":
        sheets.append(("代码说明", ["字段", "代码", "含义"], [["记录状态", "1", "正常"], ["记录状态", "2", "已删除"]]))
    else:
        with open(tmp_path / "死亡人员名单_代码表.csv", "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["字段", "代码", "含义"], ["记录状态", "1", "正常"], ["记录状态", "2", "已删除"]])
    table = load_table(workbook(tmp_path / "死亡人员名单.xlsx", sheets), "deaths")
    assert list(table.frame["name"]) == ["李四"]


def test_a_ledgers_codes_without_a_legend_are_said_with_where_to_explain_them(tmp_path):
    from rostercheck.io.ledgers import read_ledger

    header = ["户主姓名", "户主身份证号", "资金项目", "所属月份", "发放金额", "发放结果", "记录状态"]
    rows = [["张三", HEAD, "低保金", "2026-08", 560, "成功", "1"], ["张三", HEAD, "低保金", "2026-08", 560, "成功", "2"]]
    table, paid = read_ledger(workbook(tmp_path / "低保金发放明细.xlsx", [("数据", header, rows)]), AS_OF)
    assert len(paid) == 2   # kept: which code is the deleted one is unknown
    said = next(w for w in table.warnings if "记录状态" in w)
    assert "请向报送单位问明代码的含义，在表头或标题中写明" in said
