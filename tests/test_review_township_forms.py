"""review (回头看) on township returns of forms the tool never wrote (h428): a header of two rows, check-box statuses,
the money written back while said still moving, a household's several findings retyped, and rows a township added.
"""

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from filebuild import LI, LI_WIFE, ZHANG, ZHANG_SON, county_q3, write_list, write_roster
from helpers import HEADER_ROW, make_id
from typer.testing import CliRunner

from rostercheck.cli import app
from rostercheck.io.ledger import _sub_header, read_previous, ticked
from rostercheck.io.problem_list import FINDING_COLUMNS
from rostercheck.review import _REPORTED, _decide, _finding_keys, _Roster, review

runner = CliRunner()
GONE = make_id("19500101", 111)
Q4 = dt.date(2026, 12, 31)


def _roster() -> _Roster:
    other = make_id("19800101", 211)
    return _Roster(pd.DataFrame([{"id": other, "head_id": other, "name_key": "李四", "head_name": "李四",
                                  "household": "x", "file": "q4.xlsx", "programme": "低保", "sheet_shown": "", "row": 5}]))


def _money(code, recover, claimed, found, added=None):
    f = pd.Series({"类别代码": code, "类别名称": "", "身份证号": GONE, "姓名": "张三", "户主身份证号": GONE, "户主姓名": "张三",
                   "依据": "", "整改状态": claimed, "核实情况": found, "整改措施": "", "应追回金额": recover,
                   "应补发金额": None, **(added or {})})
    return _decide(f, "household", False, set(), _roster(), "")


# --- a header of two rows ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("top, below, read", [
    # must read: 整改情况 spanning 是否整改 | 整改时间 | 追回金额 (merged: the span's label on each cell, or only its first)
    (["姓名", "身份证号", "整改情况", "整改情况", "整改情况"], ["姓名", "身份证号", "是否整改", "整改时间", "追回金额"],
     ["姓名", "身份证号", "是否整改", "整改时间", "追回金额"]),
    (["姓名", "身份证号", "整改情况", None, None], [None, None, "是否整改", "整改时间", "追回金额"],
     ["姓名", "身份证号", "是否整改", "整改时间", "追回金额"]),
    # must not: the first finding under a header of one row (a name, an ID, a code, a figure)
    (["姓名", "身份证号", "整改状态"], ["张三", ZHANG, "已整改"], None),
    (["类别代码", "户主姓名", "整改状态"], ["C01", "张三", "已整改"], None),
    (["姓名", "身份证号", "整改状态", "备注"], [None, None, "已整改", "已追回500元"], None),
    (["姓名", "身份证号", "整改状态"], [None, None, None], None),
    # must not: a hint typed under a column of its own (a drop-down's choices), one label alone
    (["姓名", "身份证号", "整改状态", "备注"], [None, None, "已整改/未整改", None], None),
    (["姓名", "身份证号", "核实情况", "整改状态"], [None, None, "属实/不属实", "已整改/未整改"], None),
    (["姓名", "身份证号", "整改情况", None], [None, None, "是否整改", None], None),
])
def test_the_row_under_a_header_is_its_lower_half_only_when_it_names_columns(top, below, read):
    got = _sub_header(top, ["姓名" if t == "姓名" else t or "" for t in top], below)
    assert (got if got is None else [c or "" for c in got]) == (read if read is None else [c or "" for c in read])


def test_a_return_with_two_header_rows_is_read_with_its_amounts(tmp_path):
    # h428: the lower header row (是否整改 | 整改时间 | 追回金额 under a merged 整改情况) was read as the first finding,
    # its 追回金额 never read: the recovered money was lost, a row "类别代码 姓名" reviewed
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["清河县城关镇2026年第三季度问题整改台账"])
    ws.append(["序号", "类别代码", "乡镇", "姓名", "身份证号", "应追回金额", "整改情况", None, None, "备注"])
    ws.append([None, None, None, None, None, None, "是否整改", "整改时间", "追回金额", None])
    for c in (1, 2, 3, 4, 5, 6, 10):
        ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    ws.merge_cells(start_row=2, start_column=7, end_row=2, end_column=9)
    ws.append([1, "F01", "城关镇", "张三", ZHANG, 1350, "部分整改", "2026.10.15", "壹仟元", None])
    ws.append([2, "F03", "城关镇", "李四", LI, 1440, "已整改", "2026.10.16", "1,440.00", None])
    book.save(tmp_path / "城关镇_整改台账.xlsx")
    prev = read_previous(tmp_path / "城关镇_整改台账.xlsx")
    assert list(prev["姓名"]) == ["张三", "李四"]
    assert list(prev["整改状态"]) == ["部分整改", "已整改"]
    assert list(prev["追回金额（乡镇添加）"]) == ["壹仟元", "1,440.00"]
    row = _money("F01", 1350.0, "部分整改", "", {"追回金额（乡镇添加）": prev.at[0, "追回金额（乡镇添加）"]})
    assert (row["整改状态"], row[_REPORTED]) == ("未整改", {"应追回金额": 1000.0}), row["说明"]


# --- check boxes ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, read", [
    ("☑已整改 □未整改", "已整改"), ("□已整改 ☑未整改", "未整改"), ("☑ 已整改（已停发）  □ 未整改", "已整改（已停发）"),
    ("√已整改 □未整改", "已整改"), ("■核实无问题 □属实", "核实无问题"), ("是否整改：☑是 □否", "是否整改：是"),
    ("已整改☑ 未整改□", "已整改"), ("已整改□ 未整改☑", "未整改"), ("是否整改：是☑ 否□", "是否整改：是"),
    ("□已整改 □未整改", ""),  # nothing ticked: nothing said
])
def test_a_cell_of_check_boxes_says_what_is_ticked(cell, read):
    assert ticked(cell) == read


def test_a_check_box_status_is_the_choice_ticked(tmp_path):
    # h428: '☑已整改 □未整改' read both words: an F07 put right was 未整改 "虽写有已整改但未写金额"
    path = tmp_path / "台账.csv"
    path.write_text("类别代码,乡镇,姓名,身份证号,整改状态,核实情况\n"
                    f"F07,城关镇,张三,{ZHANG},☑已整改 □未整改,情况属实\n"
                    f"F07,城关镇,李四,{LI},□已整改 ☑未整改,√属实 □不属实\n"
                    f"D03,城关镇,王五,{GONE},已整改□ 未整改☑,已核实\n", encoding="utf-8")
    prev = read_previous(path)
    assert list(prev["整改状态"]) == ["已整改", "未整改", "未整改"]
    assert list(prev["核实情况"]) == ["情况属实", "属实", "已核实"]
    done, still = (_money("F07", None, s, "") for s in prev["整改状态"][:2])
    assert (done["整改状态"], still["整改状态"]) == ("已整改", "未整改"), (done["说明"], still["说明"])


# --- money written back while said still moving -----------------------------------------------------------------------

@pytest.mark.parametrize("recover, claimed, found, status, reported, said", [
    # h421's left-over: the whole sum written back beside 正在追回 was "尚未见追回…的填报", 0 元 counted
    (1350.0, "正在整改", "正在追回，已追回1350元", "未整改", {"应追回金额": 1350.0}, "又写明“正在追回”"),
    # the sum owed unknown (a return retyped without it): "虽写有已追回但未写金额" of an amount written
    (None, "正在整改", "正在追回，已追回1350元", "未整改", {}, "乡镇填报已追回 1,350.00 元"),
    # must not: a part of it (as before), the whole sum beside a status alone (the money decides, h421)
    (2700.0, "正在整改", "正在追回，已追回1350元", "未整改", {"应追回金额": 1350.0}, "仍差 1,350.00 元"),
    (1350.0, "正在整改", "已追回1350元", "已整改", {"应追回金额": 1350.0}, "按已整改计"),
    (None, "正在整改", "已追回", "未整改", {}, "未写金额"),
])
def test_money_written_back_while_said_still_moving_is_counted_and_open(recover, claimed, found, status, reported, said):
    row = _money("F01", recover, claimed, found)
    assert (row["整改状态"], row[_REPORTED]) == (status, reported) and said in row["说明"], row["说明"]


# --- a household's several findings of one category, retyped -----------------------------------------------------------

def _finding(code, name, pid, basis, fingerprint, **more):
    row = dict.fromkeys(FINDING_COLUMNS, "")
    row.update({"类别代码": code, "置信度": "高", "乡镇": "城关镇", "村": "东村", "户主姓名": "张三", "户主身份证号": ZHANG,
                "姓名": name, "身份证号": pid, "依据": basis, "证据指纹": fingerprint, **more})
    return row


C04 = [("《机动车登记信息.csv》第 6 行：张三 名下小型轿车", "EV-car"), ("《不动产登记信息.xlsx》第 7 行：张三 名下门市", "EV-shop"),
       ("《不动产登记信息.xlsx》中家庭成员名下住房 2 套", "EV-homes")]


def test_a_households_findings_retyped_with_their_own_descriptions_stay_apart():
    # h428: three C04 rows of one household, retyped with 问题描述 and no 依据, were one finding (two lost)
    rows = pd.DataFrame([_finding("C04", "张三", ZHANG, "", "", **{"问题描述（乡镇添加）": b}) for b, _ in C04]
                        + [_finding("C04", "张三", ZHANG, "", "", **{"问题描述（乡镇添加）": C04[0][0]})]).fillna("")
    keys = _finding_keys(rows)
    assert keys.nunique() == 3 and keys[0] == keys[3]  # (the same description twice: one finding)


def test_each_retyped_row_of_a_household_takes_its_own_findings_verdict(tmp_path):
    # h428: beside the county's list each row matched all three findings, one row's 不属实 the verdict of all
    pd.DataFrame([_finding("C04", "张三", ZHANG, b, f) for b, f in C04]).to_csv(
        tmp_path / "findings.csv", index=False, encoding="utf-8-sig")
    said = ["不属实，保留", "情况属实，已清退", "部分整改"]
    pd.DataFrame({"类别代码": "C04", "乡镇": "城关镇", "户主姓名": "张三", "姓名": "张三", "身份证号": ZHANG,
                  "问题描述": [b for b, _ in C04][::-1], "整改状态": said[::-1]}).to_csv(
        tmp_path / "城关镇_整改台账.csv", index=False, encoding="utf-8-sig")
    q4 = write_roster(tmp_path / "q4.xlsx", county_q3(), "清河县2026年第四季度农村低保花名册")
    for given in ([tmp_path / "findings.csv", tmp_path / "城关镇_整改台账.csv"], [tmp_path / "城关镇_整改台账.csv"]):
        result = review(given, [q4], Q4)
        got = dict(zip(result.rows["乡镇填报状态"], result.rows["整改状态"]))
        assert len(result.rows) == 3 and got == {"不属实，保留": "核实无问题", "情况属实，已清退": "未整改",
                                                 "部分整改": "未整改"}, result.rows[["依据", "乡镇填报状态"]]
        if len(given) == 2:
            assert dict(zip(result.rows["证据指纹"], result.rows["乡镇填报状态"])) == dict(
                zip([f for _, f in C04], said))


# --- rows a township added --------------------------------------------------------------------------------------------

GHOST = make_id("19860806", 947)


def _town_book(tmp_path):
    """Audit the Q3 county by township (C01: 张小明 and 李四 in 城关镇); return the audit's folder."""
    q3 = write_roster(tmp_path / "q3.xlsx", county_q3())
    staff = write_list(tmp_path / "staff.xlsx", "staff", [["县教育局", "张小明", ZHANG_SON, "事业"],
                                                          ["县财政局", "李四", LI, "公务员"]])
    res = runner.invoke(app, ["audit", str(q3), "--staff", str(staff), "--as-of", "2026-09-30", "--by-township",
                              "--out", str(tmp_path / "q3out")])
    assert res.exit_code == 0, res.output
    return tmp_path / "q3out"


@pytest.mark.parametrize("basis, fingerprint, added", [
    ("村委会反映该人在财政局上班", "", True),  # must flag: the township's own words, no 证据指纹
    ("", "", True),
    # must not: a finding retyped, its 证据指纹 lost but its 依据 the audit's; or its 证据指纹 kept
    ("《财政供养人员名单.xlsx》第 9 行：赵某", "", False),
    ("村委会反映该人在财政局上班", "EV-0123456789abcdef", False),
])
def test_a_row_a_township_added_to_its_own_workbook_is_said_not_reviewed(tmp_path, basis, fingerprint, added):
    # h428 (h421's left-over): with no county list given a person on no list the township added as 已清退 was
    # 已整改 "已不在新花名册中"; with it, a row of the county's workbook without 证据指纹 was a finding of its own
    out = _town_book(tmp_path)
    town = out / "乡镇" / "城关镇_问题清单.xlsx"
    book = openpyxl.load_workbook(town)
    ws = next(ws for ws in book.worksheets if ws.title.startswith("C01"))
    head = {c.value: c.column for c in ws[HEADER_ROW]}
    r = ws.max_row + 1
    for col, value in (("类别代码", "C01"), ("乡镇", "城关镇"), ("村", "东村"), ("户主姓名", "龙飞翔"), ("户主身份证号", GHOST),
                       ("姓名", "龙飞翔"), ("身份证号", GHOST), ("依据", basis), ("证据指纹", fingerprint),
                       ("整改状态", "情况属实，已清退")):
        ws.cell(r, head[col], value)
    book.save(town)
    q4 = write_roster(tmp_path / "q4.xlsx", county_q3(), "清河县2026年第四季度农村低保花名册")
    for given in ([town], [out / "findings.csv", town]):
        result = review(given, [q4], Q4)
        said = [w for w in result.warnings if "龙飞翔" in w and "乡镇自行添加" in w]
        assert ("龙飞翔" not in set(result.rows["姓名"])) == added and bool(said) == added, result.warnings
        assert sorted(result.rows.loc[result.rows["姓名"] != "龙飞翔", "姓名"]) == ["张小明", "李四"]


def _retyped(tmp_path, bases):
    path = tmp_path / "白沙乡_整改台账.csv"
    people = [("张三", ZHANG), ("李四", LI), ("张小明", ZHANG_SON), ("龙飞翔", GHOST)]
    pd.DataFrame({"类别代码": "C02", "乡镇": "白沙乡", "姓名": [p for p, _ in people], "身份证号": [i for _, i in people],
                  "问题描述": bases, "整改状态": "已清退"}).to_csv(path, index=False, encoding="utf-8-sig")
    return path


@pytest.mark.parametrize("bases, added", [
    # must flag: three rows citing the deaths list, the fourth the township's own words
    (["《死亡人员名单.csv》第 3 行", "《死亡人员名单.csv》第 4 行", "《死亡人员名单.csv》第 5 行", "村委会反映已死亡"], True),
    # must not: every row in the township's words (nothing tells the added one), too few rows citing, no words at all
    (["已死亡", "已死亡", "已死亡", "村委会反映已死亡"], False),
    (["《死亡人员名单.csv》第 3 行", "《死亡人员名单.csv》第 4 行", "已死亡", "村委会反映已死亡"], False),
    (["《死亡人员名单.csv》第 3 行", "《死亡人员名单.csv》第 4 行", "《死亡人员名单.csv》第 5 行", ""], False),
])
def test_a_row_whose_basis_names_no_source_among_rows_that_do_is_the_townships_own(tmp_path, bases, added):
    q4 = write_roster(tmp_path / "q4.xlsx", county_q3(), "清河县2026年第四季度农村低保花名册")
    result = review([_retyped(tmp_path, bases)], [q4], Q4)
    assert ("龙飞翔" not in set(result.rows["姓名"])) == added
    assert any("龙飞翔" in w and "乡镇自行添加" in w for w in result.warnings) == added


# --- a return without 户主身份证号 -------------------------------------------------------------------------------------

WIFE, NAMESAKE = make_id("19560606", 162), make_id("19700202", 135)


@pytest.mark.parametrize("rows, filled", [
    # must fill: the head's own row in the same township and village gives his ID to his household's rows
    ([("张三", ZHANG, "张三", "东村"), ("李梅", WIFE, "张三", "东村")], [ZHANG, ZHANG]),
    # must not: the head's row in another village; two heads of one name in the village; no head's row; a cut ID
    ([("张三", ZHANG, "张三", "西村"), ("李梅", WIFE, "张三", "东村")], [ZHANG, ""]),
    ([("张三", ZHANG, "张三", "东村"), ("张三", NAMESAKE, "张三", "东村"), ("李梅", WIFE, "张三", "东村")],
     ["", "", ""]),
    ([("李梅", WIFE, "张三", "东村")], [""]),
    ([("张三", ZHANG[:15] + "000", "张三", "东村"), ("李梅", WIFE, "张三", "东村")], ["", ""]),
])
def test_a_returns_missing_head_ids_are_its_heads_own_rows(rows, filled):
    # h428: a return retyped without 户主身份证号 counted 陈文 and 刘莲's one C03 household as two in the rates
    from rostercheck.review import _heads_filled

    prev = pd.DataFrame([_finding("C03", n, i, "", "", 户主姓名=h, 村=v, 户主身份证号="") for n, i, h, v in rows])
    _heads_filled(prev)
    assert list(prev["户主身份证号"]) == filled


@pytest.mark.parametrize("head_name, filled", [
    ("张三", ZHANG),  # must fill: 张小明's household on this quarter's roster, headed by the 张三 the row names
    ("", ZHANG),  # the row names no head: the roster's
    ("王五", ""),  # must not: the row names another head (a household re-formed since)
])
def test_a_head_without_a_row_of_his_own_is_taken_from_this_quarters_roster(tmp_path, head_name, filled):
    # the last note's left-over (h428): a return without 户主身份证号 whose household's head had no row of his own in it
    # kept the column blank, though this quarter's roster gives it
    pd.DataFrame({"类别代码": ["C01", "C02"], "乡镇": ["城关镇", "城关镇"], "村": ["东村", "西村"],
                  "户主姓名": [head_name, "李四"], "姓名": ["张小明", "刘芳"], "身份证号": [ZHANG_SON, LI_WIFE],
                  "整改状态": ["已整改", "已整改"]}).to_csv(tmp_path / "城关镇_整改台账.csv", index=False, encoding="utf-8-sig")
    q4 = write_roster(tmp_path / "q4.xlsx", county_q3(), "清河县2026年第四季度农村低保花名册")
    result = review([tmp_path / "城关镇_整改台账.csv"], [q4], Q4)
    got = dict(zip(result.rows["姓名"], result.rows["户主身份证号"]))
    assert got == {"张小明": filled, "刘芳": LI}, result.rows
    assert any("本期花名册中本人所在户的户主身份证号补上" in w for w in result.warnings)
