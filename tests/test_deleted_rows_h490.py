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


# --- coverage's lists and review's inputs (h485 tested neither) ---------------------------------------------------


@pytest.mark.parametrize("label, dead, live", [("删除标志", "1", "0"), ("DEL_FLAG", "1", "0"), ("YXBZ", "0", "1")])
def test_a_monitored_household_deleted_is_no_coverage_lead(tmp_path, label, dead, live):
    # a 防返贫 export's household the system deleted (merged away, entered twice) is no one at risk: no L01; the rest are
    # (main: DEL_FLAG and YXBZ unread, the deleted household a lead)
    import openpyxl
    from helpers import AS_OF as COUNTY_AS_OF, COUNTY, COUNTY_ROSTERS
    from typer.testing import CliRunner

    from rostercheck.cli import app

    leads = COUNTY / "漏保"
    with open(leads / "truth_coverage.csv", encoding="utf-8") as fh:
        planted = sorted(r["head_id"] for r in csv.DictReader(fh) if r["code"] == "L01" and r["expect"] == "flag")
    book = openpyxl.load_workbook(leads / "防返贫监测对象.xlsx")
    ws = book.active
    header = [c.value for c in ws[2]]
    head_col = next(i for i, h in enumerate(header) if h and "户主" in str(h) and ("证件" in str(h) or "身份证" in str(h)))
    ws.cell(2, len(header) + 1, label)
    for r in range(3, ws.max_row + 1):
        ws.cell(r, len(header) + 1, dead if ws.cell(r, head_col + 1).value == planted[0] else live)
    book.save(tmp_path / "防返贫监测对象.xlsx")
    res = CliRunner().invoke(app, ["coverage", *[str(COUNTY / r) for r in COUNTY_ROSTERS],
                                   "--monitoring", str(tmp_path / "防返贫监测对象.xlsx"),
                                   "--registry", str(leads / "户籍人口.csv"), "--as-of", COUNTY_AS_OF.isoformat(),
                                   "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    with open(tmp_path / "out" / "漏保线索.csv", encoding="utf-8-sig") as fh:
        found = {r["户主身份证号"] for r in csv.DictReader(fh) if r["线索代码"] == "L01"}
    assert planted[0] not in found
    assert set(planted[1:]) <= found
    assert f"标为已删除或作废（“{label}”为“{dead}”）" in res.output.replace("\n", "")


def _review(tmp_path, previous, q4):
    import pandas as pd
    from test_review import runner

    from rostercheck.cli import app

    res = runner.invoke(app, ["review", str(previous), str(q4), "--as-of", "2026-12-31", "--out", str(tmp_path / "rv")])
    assert res.exit_code == 0, res.output
    rows = pd.read_csv(tmp_path / "rv" / "review.csv", dtype=str, encoding="utf-8-sig").fillna("")
    return rows, res.output.replace("\n", "")


@pytest.mark.parametrize("label, dead, live", [("删除标志", "1", "0"), ("DEL_FLAG", "1", "0"), ("人员记录状态", "已删除", "正常")])
def test_a_member_deleted_in_next_quarters_roster_has_left_it(tmp_path, label, dead, live):
    # review: 赵六 (dead, C02) stays in the Q4 export but on a row the system deleted: he has left the roster, 已整改;
    # 李四 (staff, C01) on a live row is still there (main: DEL_FLAG, 人员记录状态 unread, 赵六 未整改)
    import openpyxl
    from filebuild import county_q3, write_roster
    from test_review import _audit

    out = _audit(tmp_path, county_q3())
    q4 = write_roster(tmp_path / "q4.xlsx", county_q3(), "清河县2026年第四季度农村低保花名册")
    book = openpyxl.load_workbook(q4)
    ws = book.active
    width = ws.max_column
    ws.cell(2, width + 1, label)
    for r in range(3, ws.max_row + 1):
        ws.cell(r, width + 1, dead if ws.cell(r, 5).value == "赵六" else live)
    book.save(q4)
    rows, said = _review(tmp_path, out / "findings.csv", q4)
    assert sorted(zip(rows["类别代码"], rows["姓名"], rows["整改状态"])) == [
        ("C01", "张小明", "未整改"), ("C01", "李四", "未整改"), ("C02", "王五", "未整改"), ("C02", "赵六", "已整改")]
    assert f"标为已删除或作废（“{label}”为“{dead}”）" in said


def test_a_deletion_flag_a_township_adds_to_its_problem_list_removes_no_problem(tmp_path):
    # the problem list is the bureau's own, not a system export: a township's 删除标志 是 on 李四's row asks for the row to
    # go; the review still decides by this quarter's roster (未整改: he is still on it) and carries the column as the
    # township's, so the request is seen
    import openpyxl
    from filebuild import county_q3, write_roster
    from helpers import HEADER_ROW
    from test_review import _audit

    out = _audit(tmp_path, county_q3())
    book = openpyxl.load_workbook(out / "问题清单.xlsx")
    ws = next(ws for ws in book.worksheets if ws.title.startswith("C01"))
    head = {c.value: c.column for c in ws[HEADER_ROW]}
    col = ws.max_column + 1
    ws.cell(HEADER_ROW, col, "删除标志")
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, head["姓名"]).value:
            ws.cell(r, col, "是" if ws.cell(r, head["姓名"]).value == "李四" else "否")
    book.save(out / "问题清单.xlsx")
    q4 = write_roster(tmp_path / "q4.xlsx", county_q3(), "清河县2026年第四季度农村低保花名册")
    rows, said = _review(tmp_path, out / "问题清单.xlsx", q4)
    assert ("C01", "李四", "未整改") in set(zip(rows["类别代码"], rows["姓名"], rows["整改状态"]))
    assert "删除标志（乡镇添加）" in rows.columns
    assert rows.loc[rows["姓名"] == "李四", "删除标志（乡镇添加）"].tolist() == ["是"]
    # … and the township is told so on screen (the rows it marked are looked at as any other)
    assert "问题清单中乡镇添加的“删除标志”列有1行标为删除或作废：问题清单上的问题不能以此销号" in said.replace(" ", "")


@pytest.mark.parametrize("fmt, sheets", [("csv", ("", "")), ("xlsx", ("数据", "数据")), ("xlsx", ("家庭信息", "家庭成员信息"))])
def test_a_household_deleted_in_the_household_file_takes_its_members_in_the_members_file(tmp_path, fmt, sheets):
    # a system export as two files (家庭信息 | 家庭成员信息, joined by 家庭编号): the household file marks 户 H0 deleted,
    # its members' rows say nothing — they are no one's members, as when the two are sheets of one workbook (h485).
    # main: with both files' sheets named alike (two CSVs, two '数据'), 王芳 was read with blank household fields and C02'd
    import pandas as pd
    from typer.testing import CliRunner

    from rostercheck.cli import app

    spouse = make_id("19720303", 442, "532328")
    hh = ["删除标志", "家庭编号", "乡镇", "村", "户主姓名", "户主身份证号", "城乡类别", "家庭人口", "月保障金"]
    households = [["1", "H0", "元马镇", "龙川社区", "张三", HEAD, "城市", 2, 1120],
                  ["0", "H1", "元马镇", "龙川社区", "李四", OTHER, "城市", 1, 560]]
    mm = ["家庭编号", "成员姓名", "证件号码", "与户主关系"]
    members = [["H0", "张三", HEAD, "户主"], ["H0", "王芳", spouse, "配偶"], ["H1", "李四", OTHER, "户主"]]
    if fmt == "csv":
        files = [tmp_path / "家庭成员信息.csv", tmp_path / "家庭信息.csv"]
        for path, header, rows in ((files[0], mm, members), (files[1], hh, households)):
            with open(path, "w", encoding="gbk", newline="") as fh:
                csv.writer(fh).writerows([header, *rows])
    else:
        files = [workbook(tmp_path / "家庭成员信息.xlsx", [(sheets[1], mm, members)]),
                 workbook(tmp_path / "家庭信息.xlsx", [(sheets[0], hh, households)])]
    deaths = workbook(tmp_path / "死亡人员名单.xlsx", [("数据", ["姓名", "身份证号", "死亡日期"],
                                                        [["王芳", spouse, "2026-06-17"], ["李四", OTHER, "2026-06-18"]])])
    res = CliRunner().invoke(app, ["audit", *map(str, files), "--deaths", str(deaths), "--as-of", AS_OF.isoformat(),
                                   "--out", str(tmp_path / "out")])
    assert res.exit_code in (0, 1), res.output
    rows = pd.read_csv(tmp_path / "out" / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    assert sorted(rows.loc[rows["类别代码"] == "C02", "姓名"]) == ["李四"]
    assert "有 2 名成员所在的家庭在《家庭信息." in res.output.replace("\n", "")
