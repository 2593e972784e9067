"""A precision audit of a province's system export (h493: 南江县 511922): a 数据字典 sheet whose code blocks are headed
【在押状态】 / ■ 劳动能力： (read as naming no column: every coded column unread), and a 实名制 export's 离岗日期 /
出编时间 (unread: a staff member who left before the quarter was C01 高)."""

from __future__ import annotations

import pytest
from helpers import context, flagged, household, make_id, workbook

from rostercheck.io import table as io_table

HEAD = make_id("19620304", 111, "511922")
ROSTER = household("何国华", HEAD, township="南江镇", village="光明村")


def _ctx(tmp_path, kind, sheets):
    path = workbook(tmp_path / f"{kind}.xlsx", sheets)
    return context(ROSTER, files={kind: path})


# A dictionary sheet of blocks: a heading row, then 代码 | 名称 rows, a blank row between blocks
@pytest.mark.parametrize("heading", ["【在押状态】", "[在押状态]", "〔在押状态〕", "《在押状态》", "■ 在押状态：", "◆在押状态代码",
                                     "（一）在押状态代码", "在押状态：", "在押状态",
                                     "ZYZT 在押状态", "ZYZT-在押状态", "在押状态【ZYZT】", "字段：在押状态", "代码类型：在押状态"])
@pytest.mark.parametrize("code, expected", [
    ("3", []),                      # must not: 3 is 暂予监外执行 by the dictionary (was C02 中 "状态“3”未能识别")
    ("2", []),                      # must not: 2 is 刑满释放
    ("1", [("何国华", "高")]),      # must: 1 is 在押, in custody on the review date
])
def test_a_dictionary_blocks_heading_names_its_column(tmp_path, heading, code, expected):
    data = ("Sheet1", ["罪犯编号", "数据来源", "姓名", "身份证号", "入监日期", "刑期止日", "在押状态"],
            [["51190001", "四川省监狱管理局", "何国华", HEAD, "2025-03-01", "2027-03-01", code]])
    dictionary = ("数据字典", [heading], [["1", "在押"], ["2", "刑满释放"], ["3", "暂予监外执行"], [""],
                                         ["【性别】"], ["1", "男"], ["2", "女"]])
    assert flagged(_ctx(tmp_path, "prisoners", [data, dictionary]), "C02") == expected


@pytest.mark.parametrize("cell, field", [
    ("【性别】", "性别"), ("[劳动能力]", "劳动能力"), ("■ 健康状况：", "健康状况"), ("◆ 性别代码", "性别"),
    ("（二）健康状况代码", "健康状况"), ("3. 劳动能力代码（LDNL）", "劳动能力"), ("性别：", "性别"), ("性别", "性别"),
    ("XB 性别", "性别"), ("性别 XB", "性别"), ("XB-性别", "性别"), ("【XB】性别", "性别"), ("性别【XB】", "性别"),
    ("字段：性别", "性别"), ("字段名称：劳动能力", "劳动能力"), ("代码类型：健康状况", "健康状况"),
    # a page's own title or a note names no field, bracketed or not
    ("【代码说明】", ""), ("【数据字典】", ""), ("数据字典", ""), ("说明：", ""), ("■ 备注", ""), ("Sheet1", ""),
    ("K33 小型轿车", ""), ("A 正常", ""),  # a code and its word in one cell names no field
])
def test_block_heading(cell, field):
    assert io_table._block_heading(cell) == field


# A staff list's own date of leaving the post, as 实名制 and 人社 systems head it; 离岗 (off the post) may keep the
# establishment and the pay (离岗退养, 离岗创业): C01 at most [C01] off_post_confidence, said
@pytest.mark.parametrize("label, left, expected", [
    ("离岗日期", "2026-02-28", [("何国华", "中")]),   # off the post since February: perhaps still paid (was 高, unread)
    ("离岗时间", "2025/12/31", [("何国华", "中")]),
    ("出编时间", "2026-03-31", []),                   # must not: left the establishment
    ("离编日期", "20260115", []),                     # must not
    ("辞退日期", "2026-01-20", []),                   # must not
    ("离岗日期", "", [("何国华", "高")]),             # must: no date, still in post
    ("离岗日期", "2026-12-31", [("何国华", "高")]),   # must: leaves after the review date
])
def test_a_staff_lists_leaving_date_is_read(tmp_path, label, left, expected):
    data = ("Sheet1", ["记录ID", "统一社会信用代码", "单位名称", "姓名", "公民身份号码", "人员类别", label],
            [["BZ1001", "12511922450800123A", "南江县人民医院", "何国华", HEAD, "事业", left]])
    assert flagged(_ctx(tmp_path, "staff", [data]), "C01") == expected


def test_off_post_is_said_and_its_cap_is_configured(tmp_path):
    data = ("Sheet1", ["单位名称", "姓名", "公民身份号码", "人员类别", "离岗日期"],
            [["南江县人民医院", "何国华", HEAD, "事业", "2026-02-28"]])
    path = workbook(tmp_path / "staff.xlsx", [data])
    from rostercheck.audit import run_checks

    findings, _ = run_checks(context(ROSTER, files={"staff": path}), ["C01"])
    assert ["离岗日期 2026-02-28" in f.evidence for f in findings] == [True]
    config = tmp_path / "local.toml"
    config.write_text('[C01]\noff_post_confidence = "低"\n', encoding="utf-8")
    assert flagged(context(ROSTER, files={"staff": path}, config=config), "C01") == [("何国华", "低")]


def _gbk_csv(path, header, rows, notes):
    import csv

    with open(path, "w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
        w.writerow([])
        w.writerows([[n] for n in notes])
    return path


# A GBK CSV (no 说明 page) lists its codes in lines under the data: the lines are neither rows nor unread
@pytest.mark.parametrize("notes", [
    ["代码说明：", "1. 在押状态：1-在押，2-刑满释放，3-暂予监外执行", "2. 性别：1-男，2-女"],
    ["代码说明", "（1）在押状态：1在押 2刑满释放 3暂予监外执行"],
    ["数据字典：", "在押状态：1=在押；2=刑满释放；3=暂予监外执行"],
    ["在押状态：1-在押，2-刑满释放，3-暂予监外执行"],
])
@pytest.mark.parametrize("code, expected", [
    ("3", []),                      # must not: 暂予监外执行 (was C02 中, the code unread)
    ("1", [("何国华", "高")]),      # must: in custody (was 中)
])
def test_a_csvs_code_lines_under_its_data_are_its_legend(tmp_path, notes, code, expected):
    path = _gbk_csv(tmp_path / "服刑人员信息.csv", ["罪犯编号", "姓名", "身份证号", "入监日期", "刑期止日", "在押状态"],
                    [["51190001", "何国华", HEAD, "2025-03-01", "2027-03-01", code]], notes)
    assert flagged(context(ROSTER, files={"prisoners": path}), "C02") == expected


@pytest.mark.parametrize("line, legend", [
    ("1. 在押状态：1-在押，2-刑满释放，3-暂予监外执行", True), ("（2）性别：1男 2女", True), ("与户主关系：02-户主，10-配偶", True),
    ("何国华", False), ("南江镇：光明村", False), ("备注：无", False), ("性别：男", False), ("2026年9月：516元", False),
])
def test_legend_line(line, legend):
    assert io_table._legend_line(line) is legend


def test_a_rosters_code_lines_are_no_members(tmp_path):
    header = ["序号", "所属乡镇(街道)", "所属村(社区)", "户主姓名", "户主身份证号", "姓名", "与户主关系", "公民身份号码", "性别"]
    rows = [[1, "南江镇", "光明村", "何国华", HEAD, "何国华", "02", HEAD, "1"]]
    path = _gbk_csv(tmp_path / "南江县低保对象信息导出.csv", header, rows,
                    ["代码说明：", "1. 与户主关系：02-户主，10-配偶，20-子", "2. 性别：1-男，2-女"])
    table = io_table.load_table(path, "roster")
    assert len(table.frame) == 1  # (main: 5, the note lines members without an ID)


# A legend row under the header whose codes a bar keeps apart ('1-在押|2-刑满释放|3-暂予监外执行')
@pytest.mark.parametrize("legend", ["1-在押|2-刑满释放|3-暂予监外执行", "1-在押｜2-刑满释放｜3-暂予监外执行", "1:在押|2:刑满释放|3:暂予监外执行"])
@pytest.mark.parametrize("code, expected", [("3", []), ("1", [("何国华", "高")])])
def test_a_legend_rows_codes_apart_by_bars(tmp_path, legend, code, expected):
    data = ("Sheet1", ["罪犯编号", "姓名", "身份证号", "入监日期", "刑期止日", "在押状态"],
            [["", "", "", "", "", legend], ["51190001", "何国华", HEAD, "2025-03-01", "2027-03-01", code]])
    assert flagged(_ctx(tmp_path, "prisoners", [data]), "C02") == expected


# A 人员状态 saying the person is off the post (离岗退养, 离岗创业) is the same doubt as a 离岗日期: C01 at most
# [C01] off_post_confidence, said (h493's left-over: the status was read as in post, 高, beside a dated 离岗 at 中)
@pytest.mark.parametrize("status, expected", [
    ("离岗退养", [("何国华", "中")]),
    ("离岗创业", [("何国华", "中")]),
    ("在职", [("何国华", "高")]),    # must stay 高
    ("不在岗", []),                   # left (left_words), not flagged
])
def test_an_off_post_status_caps_c01(tmp_path, status, expected):
    data = ("Sheet1", ["单位名称", "姓名", "公民身份号码", "人员类别", "人员状态"],
            [["南江县人民医院", "何国华", HEAD, "事业", status]])
    ctx = _ctx(tmp_path, "staff", [data])
    assert flagged(ctx, "C01") == expected
    from rostercheck.audit import run_checks

    findings, _ = run_checks(_ctx(tmp_path, "staff", [data]), ["C01"])
    assert [f"人员状态“{status}”：已离岗" in f.evidence for f in findings] == [status.startswith("离岗")] * len(expected)
