"""A blind round of other systems' exports (h484: 镇平县 411324, 金民工程-style records): a system's bookkeeping
columns (同步状态, 删除标志 …) beside the real ones, legends given only as comments (批注) on header cells, and 人社's
调出日期 on a staff list."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from helpers import context, flagged, household, make_id, workbook
from openpyxl.comments import Comment

from rostercheck.io.columns import assign
from rostercheck.io.read import read_grids

HEAD = make_id("19700101", 111, "411324")
ROSTER = household("张三", HEAD, township="石佛寺镇", village="黄营村")
META = ["记录ID", "创建时间", "操作员", "数据来源", "更新标志", "审核状态", "删除标志", "同步状态", "同步时间", "版本号"]
META_ROW = ["R0001", "2026-09-03 10:22:31", "王强", "金民工程", "U", "1", "0", "1", "2026-09-03 10:22:31", "3"]


@pytest.mark.parametrize("label, bookkeeping", [
    ("同步状态", True), ("数据同步标志", True), ("同步状态（1已同步 0未同步）", True), ("删除标志", True),
    ("更新标志", True), ("版本号", True), ("数据来源", True), ("推送状态", True),
    ("机动车状态", False), ("待遇状态", False), ("登记状态", False), ("审核状态", False), ("批次号", False),
    ("变更类型", False), ("状态", False), ("人员状态", False),
])
def test_bookkeeping_headers(label, bookkeeping):
    from rostercheck.normalize.codes import system_column

    assert system_column(label) is bookkeeping


@pytest.mark.parametrize("kind, labels, field, expected", [
    # 同步状态 is shorter, so fitter, than 机动车状态 for the bare alias 状态 (main read it as the vehicle's status)
    ("vehicles", ["号牌号码", "车辆类型", "所有人", "身份证明号码", "机动车状态", "同步状态"], "status", 4),
    ("vehicles", ["同步状态", "号牌号码", "车辆类型", "所有人", "身份证明号码", "机动车状态"], "status", 5),
    # equally fit, the first column won a tie: 同步状态 before 待遇状态
    ("pensions", ["同步状态", "姓名", "社会保障号码", "险种类型", "待遇状态", "月发放金额"], "status", 4),
    ("properties", ["权利人", "证件号码", "坐落", "房屋用途", "同步状态"], "status", None),
    ("deaths", ["姓名", "公民身份号码", "死亡日期", "同步状态"], "status", None),
])
def test_a_bookkeeping_column_is_no_field(kind, labels, field, expected):
    assert assign(labels, kind).get(field) == expected


VEHICLES = ["号牌号码", "车辆类型", "使用性质", "所有人", "身份证明号码", "机动车状态"]


@pytest.mark.parametrize("state, meta_first, expected", [
    ("E", False, []),                 # must not: deregistered (main: C04 中 on 同步状态 "1")
    ("E", True, []),
    ("A", False, [("张三", "高")]),    # must: in use
    ("A", True, [("张三", "高")]),
])
def test_a_deregistered_car_beside_a_sync_status(tmp_path, state, meta_first, expected):
    row = ["豫R12345", "K33", "A", "张三", HEAD, state]
    header, row = (META + VEHICLES, META_ROW + row) if meta_first else (VEHICLES + META, row + META_ROW)
    ctx = context(ROSTER, files={"vehicles": workbook(tmp_path / "机动车登记信息.xlsx", [("数据", header, [row])])})
    assert flagged(ctx, "C04") == expected


def test_a_suspended_pension_beside_a_sync_status_first(tmp_path):
    header = META + ["姓名", "社会保障号码", "险种类型", "待遇状态（1正常 2暂停 3终止）", "月发放金额", "发放年月"]
    rows = [META_ROW + [f"钱{i}", make_id(f"19{50 + i}0303", 311 + 2 * i, "411324"), "110", "1", 2600, "202609"]
            for i in range(6)]
    rows.append(META_ROW + ["张三", HEAD, "110", "2", 2900, "202609"])   # 暂停: no income
    path = workbook(tmp_path / "养老保险待遇发放信息.xlsx", [("数据", header, rows)])
    ctx = context(household("张三", HEAD, township="石佛寺镇", village="黄营村", household_size=1), files={"pensions": path})
    assert flagged(ctx, "C03") == []   # (main: C03 中, the pension read as paid by 同步状态 "1")


def _commented_roster(path, comments: bool):
    """A one-member roster whose coded columns are explained only by comments on their header cells."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "数据"
    ws.append(["镇平县城乡低保对象信息（2026年第三季度）"])
    header = ["所属乡镇", "所属村（社区）", "户主姓名", "户主身份证号", "成员姓名", "证件号码", "与户主关系", "性别", "城乡类别",
              "劳动能力", "健康状况", "是否在校", "家庭人口数", "月保障金额"]
    ws.append(header)
    ws.append(["石佛寺镇", "黄营村", "张三", HEAD, "张三", HEAD, "01", "1", "2", "1", "1", "N", 1, 330])
    legends = {"城乡类别": "代码：1=城市；2=农村", "劳动能力": "系统:\n代码：1=有劳动能力；2=部分丧失劳动能力；3=完全丧失劳动能力",
               "健康状况": "1=健康；2=一般；3=患慢性病；5=残疾"}
    if comments:
        for col, label in enumerate(header, start=1):
            if label in legends:
                ws.cell(row=2, column=col).comment = Comment(legends[label], "系统")
    book.save(path)
    return path


def test_a_header_comment_gives_the_legend(tmp_path):
    path = _commented_roster(tmp_path / "低保对象信息.xlsx", comments=True)
    grid = read_grids(path)[0]
    assert grid.rows[1][9] == "劳动能力（1=有劳动能力；2=部分丧失劳动能力；3=完全丧失劳动能力）"
    assert grid.rows[1][2] == "户主姓名"
    assert any("批注" in n and "“劳动能力”" in n for n in grid.notes)


@pytest.mark.parametrize("comments, expected", [(True, {"张三": "中"}), (False, {})])
def test_an_able_member_is_found_through_comment_legends(tmp_path, comments, expected):
    """Main left 劳动能力 1/2/3 unread when only comments explained it (C08 unchecked for the whole roster)."""
    from typer.testing import CliRunner

    from rostercheck.cli import app

    roster = _commented_roster(tmp_path / "低保对象信息.xlsx", comments)
    result = CliRunner().invoke(app, ["audit", str(roster), "--as-of", "2026-09-30", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "findings.csv", encoding="utf-8-sig") as f:
        got = {r["姓名"]: r["置信度"] for r in csv.DictReader(f) if r["类别代码"] == "C08"}
    assert got == expected


@pytest.mark.parametrize("left_on, status, expected", [
    ("2024-06-30", "", []),                  # must not: transferred out before the quarter (main: 调出日期 unread, C01 高)
    ("", "", [("张三", "高")]),
    ("2026-12-31", "", [("张三", "高")]),    # still in the post on the review date
])
def test_a_staff_transfer_date(tmp_path, left_on, status, expected):
    header = ["单位名称", "姓名", "身份证号", "人员类别", "调出日期"]
    rows = [["镇平县林业局", "张三", HEAD, "事业", left_on]]
    ctx = context(ROSTER, files={"staff": workbook(tmp_path / "财政供养人员信息.xlsx", [("数据", header, rows)])})
    assert flagged(ctx, "C01") == expected


def _roster_with_wide_code_table(path):
    """A one-member roster whose codes a 代码表 sheet explains, one code | name column pair per field side by side."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "数据"
    ws.append(["所属乡镇", "所属村（社区）", "户主姓名", "户主身份证号", "成员姓名", "证件号码", "与户主关系", "城乡类别", "劳动能力",
               "健康状况", "是否在校", "家庭人口数", "月保障金额"])
    ws.append(["石佛寺镇", "黄营村", "张三", HEAD, "张三", HEAD, "01", "2", "1", "1", "N", 1, 330])
    table = book.create_sheet("代码表")
    table.append(["与户主关系代码", "与户主关系名称", "城乡类别代码", "城乡类别名称", "劳动能力代码", "劳动能力名称", "健康状况代码",
                  "健康状况名称"])
    table.append(["01", "本人", "1", "城市", "1", "有劳动能力", "1", "健康"])
    table.append(["02", "户主", "2", "农村", "2", "部分丧失劳动能力", "3", "患慢性病"])
    table.append(["11", "夫", None, None, "3", "完全丧失劳动能力", "5", "残疾"])
    book.save(path)
    return path


def test_a_wide_code_table_is_read_per_field(tmp_path):
    from rostercheck.io.table import legend_text
    from rostercheck.normalize.codes import legend

    grids = [g for g in read_grids(_roster_with_wide_code_table(tmp_path / "低保对象信息.xlsx"), note_sheets=True)
             if g.sheet == "代码表"]
    text = legend_text(grids)
    assert legend("劳动能力", text) == {"1": "有劳动能力", "2": "部分丧失劳动能力", "3": "完全丧失劳动能力"}
    assert legend("健康状况", text) == {"1": "健康", "3": "患慢性病", "5": "残疾"}
    assert legend("城乡类别", text) == {"1": "城市", "2": "农村"}


def test_an_able_member_is_found_through_a_wide_code_table(tmp_path):
    """Main left every column a wide 代码表 explains unread (C08 unchecked: '代码表 … 其中的代码说明也未用上')."""
    from typer.testing import CliRunner

    from rostercheck.cli import app

    roster = _roster_with_wide_code_table(tmp_path / "低保对象信息.xlsx")
    result = CliRunner().invoke(app, ["audit", str(roster), "--as-of", "2026-09-30", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "findings.csv", encoding="utf-8-sig") as f:
        got = {r["姓名"]: r["置信度"] for r in csv.DictReader(f) if r["类别代码"] == "C08"}
    assert got == {"张三": "中"}


@pytest.mark.parametrize("row_of", [
    lambda ident, name, code, word: [ident, name, code, word],     # 字典类型 | 字典名称 | 代码值 | 代码名称
    lambda ident, name, code, word: [name, ident, code, word],     # 字典名称 | 字典类型 | …
])
def test_a_system_dictionary_of_four_columns(tmp_path, row_of):
    """A 数据字典 sheet naming each field by a type identifier and its name (XB | 性别 | 1 | 男): main left it unread."""
    from rostercheck.io.table import legend_text
    from rostercheck.normalize.codes import legend

    rows = [row_of("LDNL", "劳动能力", "1", "有劳动能力"), row_of("LDNL", "劳动能力", "2", "部分丧失劳动能力"),
            row_of("XB", "性别", "1", "男"), row_of("XB", "性别", "2", "女")]
    path = workbook(tmp_path / "字典.xlsx", [("数据字典", ["字典类型", "字典名称", "代码值", "代码名称"], rows)])
    text = legend_text(read_grids(path, note_sheets=True))
    assert legend("劳动能力", text) == {"1": "有劳动能力", "2": "部分丧失劳动能力"}
    assert legend("性别", text) == {"1": "男", "2": "女"}
