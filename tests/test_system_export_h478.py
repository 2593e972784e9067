"""A blind round of government-system exports (h478: 阜南县 341225): a prison system writes 出监日期 1900-01-01 for
everyone still held — the date an information system puts where no date was entered (``checks/codes/null_dates``)."""

from __future__ import annotations

import pytest
from helpers import context, flagged, household, make_id, workbook

from rostercheck.io.table import load_table
from rostercheck.reference import normalise

HEAD = make_id("19600101", 111, "341225")
ROSTER = household("张三", HEAD, township="鹿城镇", village="城东社区")
HEADER = ["家属姓名", "家属身份证号", "罪犯编号", "姓名", "身份证号", "入监日期", "刑期起日", "刑期止日", "出监日期", "出监原因"]


@pytest.mark.parametrize("out_day, why, expected", [
    ("1900-01-01", "", [("张三", "高")]),     # must: still held (main read a release in 1900: no C02, unsaid)
    (1, "", [("张三", "高")]),                # Excel serial 1 (1899-12-31) written where the cell was empty
    ("0001-01-01", "", [("张三", "高")]),
    ("1970-01-01", "", [("张三", "高")]),     # the Unix epoch: a timestamp of 0
    ("2026-05-20", "假释", []),               # must not: paroled before the review date
    ("", "", [("张三", "高")]),
])
def test_a_placeholder_release_date_is_no_release(tmp_path, out_day, why, expected):
    rows = [["李四", make_id("19850101", 222, "341225"), "3412001", "张三", HEAD, 20250310, 20250310, 20290509,
             out_day, why]]
    ctx = context(ROSTER, files={"prisoners": workbook(tmp_path / "在押.xlsx", [("Sheet1", HEADER, rows)])})
    assert flagged(ctx, "C02") == expected


def test_a_placeholder_date_is_said(tmp_path):
    rows = [["李四", make_id("19850101", 222, "341225"), "3412001", "张三", HEAD, 20250310, 20250310, 20290509,
             "1900-01-01", ""]]
    t = load_table(workbook(tmp_path / "在押.xlsx", [("Sheet1", HEADER, rows)]), "prisoners")
    out = normalise(t)
    assert out["released"].tolist() == [None]
    assert [w for w in t.warnings if "1900-01-01" in w] == ["“出监日期”列有 1 行写的是 “1900-01-01”：信息系统以此表示未填写，按未填写读取"]


def test_a_zero_date_keeps_the_release_column_in_a_csv(tmp_path):
    """0000-00-00 (a database's no-date) on half the rows: 出监日期 is still the release column (main dropped it as
    not holding dates, and a prisoner paroled in May was C02 高 "在服刑期内")."""
    paroled = make_id("19700101", 333, "341225")
    held = [[f"家属{i}", make_id("19800101", 400 + 2 * i, "341225"), f"34120{i}", f"王{i}", make_id("19750101", 500 + 2 * i,
             "341225"), 20250910, 20250910, 20290509, "0000-00-00", ""] for i in range(3)]
    rows = held + [["李四", make_id("19850101", 222, "341225"), "3412009", "张三", paroled, 20240301, 20240301, 20270301,
                    20260520, "假释"]]
    path = tmp_path / "在押服刑人员信息.csv"
    path.write_text("\n".join(",".join(str(c) for c in r) for r in [HEADER] + rows), encoding="gbk")
    t = load_table(path, "prisoners")
    assert t.headers.get("released") == "出监日期"
    out = normalise(t)
    assert out["released"].tolist()[:3] == [None, None, None]
    assert any("“0000-00-00”" in w for w in t.warnings)
    ctx = context(household("张三", paroled, township="鹿城镇", village="城东社区"), files={"prisoners": path})
    assert flagged(ctx, "C02") == []


@pytest.mark.parametrize("birth", ["1900-01-01", "0000-00-00", 1])
def test_a_placeholder_birth_date_doubts_no_id(tmp_path, birth):
    """A roster's 出生日期 1900-01-01 is no birth date: the member's ID is not doubted (main capped 230 members at 中)."""
    rows = [["李四", make_id("19850101", 222, "341225"), "3412001", "张三", HEAD, 20250310, 20250310, 20290509, "", ""]]
    ctx = context(household("张三", HEAD, township="鹿城镇", village="城东社区", birth=birth),
                  files={"prisoners": workbook(tmp_path / "在押.xlsx", [("Sheet1", HEADER, rows)])})
    assert flagged(ctx, "C02") == [("张三", "高")]


@pytest.mark.parametrize("stopped, expected", [("1900-01-01", [("张三", "高")]), ("0000-00-00", [("张三", "高")]),
                                               ("1970-01-01", [("张三", "高")]), ("2026-03-31", [])])
def test_a_placeholder_stop_date_keeps_the_member(tmp_path, stopped, expected):
    """A roster's 停保日期 1900-01-01 on a member still paid is no stop (main dropped him as a history row: no finding)."""
    rows = [["李四", make_id("19850101", 222, "341225"), "3412001", "张三", HEAD, 20250310, 20250310, 20290509, "", ""]]
    ctx = context(household("张三", HEAD, township="鹿城镇", village="城东社区", stopped_on=stopped),
                  files={"prisoners": workbook(tmp_path / "在押.xlsx", [("Sheet1", HEADER, rows)])})
    assert flagged(ctx, "C02") == expected


@pytest.mark.parametrize("born, birth, expected", [
    ("19700101", "1970-01-01", [("张三", "高")]),   # a real birthday on the Unix epoch agrees with the ID
    ("19600101", "1970-01-01", [("张三", "中")]),   # and disagreeing, it still doubts the ID: no placeholder at birth
])
def test_the_epoch_is_a_real_birth_date(tmp_path, born, birth, expected):
    """1970-01-01 stands for no date in an event column (出监日期, 停保日期), not in 出生日期: people are born on it."""
    member = make_id(born, 111, "341225")
    rows = [["李四", make_id("19850101", 222, "341225"), "3412001", "张三", member, 20250310, 20250310, 20290509, "", ""]]
    ctx = context(household("张三", member, township="鹿城镇", village="城东社区", birth=birth),
                  files={"prisoners": workbook(tmp_path / "在押.xlsx", [("Sheet1", HEADER, rows)])})
    assert flagged(ctx, "C02") == expected
