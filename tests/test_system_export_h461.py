"""A fifth precision audit of system exports (h461: 宿松县 340826): a 刑期 counted in the header's unit (刑期（月） 6), a
post's span in one cell (任职起止时间 2018.01—2025.06 / 2021.01—至今), several vehicles in one row's cells (号牌号码
（多辆用；分隔）, 车辆类型 K33；M22, 机动车状态 E；A), and a 雇工人数 that leaves out the 经营者 himself."""

from __future__ import annotations

import pytest
from helpers import context, flagged, household, make_id, workbook

from rostercheck.io.table import load_table
from rostercheck import reference
from rostercheck.reference import normalise

HEAD = make_id("19500101", 111, "340826")
ROSTER = household("张三", HEAD, township="孚玉镇", village="城东社区")


def _ctx(tmp_path, kind, header, rows):
    path = workbook(tmp_path / f"{kind}.xlsx", [("Sheet1", header, rows)])
    return context(ROSTER, files={kind: path})


# 入监日期 2025-01-10 with a term of six months is out by July 2025; 36 months is in custody on 2026-09-30
@pytest.mark.parametrize("label, term, start, expected", [
    ("刑期（月）", 6, "2025-01-10", []),                  # must not: released 2025-07-09 (was 高 "在服刑期内")
    ("刑期（月）", 36, "2025-03-01", [("张三", "高")]),    # must: in custody until 2028-02-28
    ("刑期(个月)", 24, "2024-02-01", []),                  # must not: out 2026-01-31
    ("刑期（年）", 1, "2025-01-10", []),                   # must not: one year, out 2026-01-09
    ("刑期（年）", 3, "2025-01-10", [("张三", "高")]),     # must: three years
    ("刑期（单位：月）", 8, "2025-11-20", []),             # must not: out 2026-07-19 (the header's colon is dropped)
    ("刑期", "有期徒刑六个月", "2025-01-10", []),          # must not: the words name the unit (as before)
    ("刑期", 6, "2025-01-10", [("张三", "中")]),           # a bare number without a unit: not guessed, at most 中
    ("刑期", 36, "2025-03-01", [("张三", "中")]),
])
def test_a_bare_term_is_counted_in_the_unit_its_header_names(tmp_path, label, term, start, expected):
    ctx = _ctx(tmp_path, "prisoners", ["姓名", "身份证号", "入监日期", label], [["张三", HEAD, start, term]])
    assert flagged(ctx, "C02") == expected


def test_a_bare_term_without_a_unit_is_said(tmp_path):
    path = workbook(tmp_path / "服刑.xlsx", [("Sheet1", ["姓名", "身份证号", "入监日期", "刑期"],
                                            [["张三", HEAD, "2025-01-10", 6]])])
    t = load_table(path, "prisoners")
    out = normalise(t)
    assert out["term_unread"].tolist() == [True]
    assert any("未写单位" in w for w in t.warnings)
    ctx = context(ROSTER, files={"prisoners": path})
    from rostercheck.audit import run_checks
    findings, _ = run_checks(ctx, ["C02"])
    assert ["刑期“6”未写单位" in f.evidence for f in findings] == [True]


@pytest.mark.parametrize("label, unit", [("刑期（月）", 1), ("刑期(个月)", 1), ("刑期（年）", 12), ("刑期（单位：月）", 1),
                                         ("刑期", 0), ("刑期（元）", 0)])
def test_term_unit(label, unit):
    assert reference.term_unit(label) == unit


@pytest.mark.parametrize("term, unit, months", [("6", 1, 6), ("6.0", 1, 6), ("2", 12, 24), ("6", 0, None),
                                                ("三年六个月", 0, 42), ("有期徒刑一年，缓刑二年", 1, None)])
def test_term_months(term, unit, months):
    assert reference.term_months(term, unit) == months


# One 任职起止时间 cell gives the post's start and end (h461: three cadres gone before the quarter were C01 高)
@pytest.mark.parametrize("kind, span, expected", [
    ("cadres", "2018.01—2025.06", []),                      # must not: left before the quarter
    ("cadres", "2015年3月至2024年12月", []),                 # must not
    ("cadres", "2016.01-2026.06", []),                       # must not
    ("cadres", "2021.01—至今", [("张三", "高")]),            # must: still in post
    ("cadres", "2018.03-", [("张三", "高")]),                # must: an open span
    ("cadres", "2021年1月至2027年1月", [("张三", "高")]),    # must: the term runs past the review date
    ("cadres", "2026.11—至今", []),                          # must not: took the post after the review date
    ("staff", "2010.09—2024.06", []),                        # must not: a staff member gone
    ("staff", "2010.09—至今", [("张三", "高")]),             # must
])
def test_a_posts_span_in_one_cell_is_read(tmp_path, kind, span, expected):
    header = (["乡镇", "村", "姓名", "身份证号", "职务", "任职起止时间"] if kind == "cadres"
              else ["工作单位", "姓名", "身份证号", "人员类别", "任职起止时间"])
    row = (["孚玉镇", "城东社区", "张三", HEAD, "村委会委员", span] if kind == "cadres"
           else ["宿松县林业局", "张三", HEAD, "事业", span])
    assert flagged(_ctx(tmp_path, kind, header, [row]), "C01") == expected


# A row per owner with several vehicles in its cells: each vehicle read by its place (h461: 'K33；M22' with 'E；A' was a
# car in use at 中, 'M22；K33' a motorcycle and the car missed)
VEHICLES = ["所有人", "身份证明号码", "号牌号码（多辆用；分隔）", "车辆类型（与号牌顺序对应）", "使用性质", "机动车状态（与号牌顺序对应）"]


@pytest.mark.parametrize("plates, types, uses, statuses, expected", [
    ("皖H1；皖H2", "K33；M22", "A；A", "A；A", [("张三", "高")]),          # must: the car first
    ("皖H1；皖H2", "M22；K33", "A；A", "A；A", [("张三", "高")]),          # must: the car second
    ("皖H1;皖H2;皖H3", "M22;K33;T12", "A", "A", [("张三", "高")]),         # must: one use and status for all
    ("皖H1；皖H2", "K33；K33", "A；A", "E；A", [("张三", "高")]),          # must: one of two cars in use
    ("皖H1；皖H2", "K33；M22", "A；A", "E；A", []),                        # must not: the car deregistered
    ("皖H1、皖H2", "K33、K31", "A、A", "E、E", []),                        # must not: both deregistered
    ("皖H1；皖H2", "M22；K33", "A；A", "A；B", []),                        # must not: the car transferred away
    ("皖H1；皖H2", "M22；N11", "A；A", "A；A", []),                        # must not: no car
    ("皖H1；皖H2", "K33；M22；N11", "A", "A；A", []),                      # must not guess: three types, two plates
    ("皖H1", "K33", "A", "A", [("张三", "高")]),                            # one vehicle as before
])
def test_several_vehicles_in_one_row_are_read_by_place(tmp_path, plates, types, uses, statuses, expected):
    ctx = _ctx(tmp_path, "vehicles", VEHICLES, [["张三", HEAD, plates, types, uses, statuses]])
    assert flagged(ctx, "C04") == expected


def test_vehicles_that_cannot_be_paired_are_said(tmp_path):
    path = workbook(tmp_path / "车.xlsx", [("Sheet1", VEHICLES, [["张三", HEAD, "皖H1；皖H2", "K33；M22；N11", "A", "A"],
                                                              ["李四", HEAD, "皖H3；皖H4", "K33；M22", "A", "A；E"]])])
    t = load_table(path, "vehicles")
    out = normalise(t)
    assert out["_row"].tolist() == [3, 3]
    assert any("无法逐辆对应（第 2 行）" in w for w in t.warnings)
    assert any("有 1 行" in w and "逐辆读取" in w for w in t.warnings)


# 雇工人数 counts the hired, not the 经营者: one hired worker is 从业人数 2, C05's line (h461: missed)
@pytest.mark.parametrize("label, n, expected", [
    ("雇工人数", 1, [("张三", "高")]),          # must: one hired worker
    ("雇工人数", 0, []),                        # must not: nobody hired
    ("从业人数", 1, []),                        # must not: the owner alone
    ("从业人数", 2, [("张三", "高")]),          # must
    ("雇工人数（含经营者本人）", 1, []),         # must not: the header says it counts the owner
    ("雇用人数", 3, [("张三", "高")]),          # must
])
def test_a_hired_count_leaves_out_the_owner(tmp_path, label, n, expected):
    ctx = _ctx(tmp_path, "businesses", ["主体名称", "主体类型", "经营者", "证件号码", label, "登记状态"],
               [["宿松县张三五金店", "个体工商户", "张三", HEAD, n, "存续"]])
    assert flagged(ctx, "C05") == expected


# A trailing note saying how to fill a column (what it counts in or leaves out, a format) names no other person and no
# other attribute (h461: 月发放金额（元/月，不含补发） and 雇工人数（不含经营者） unread — C03 and C05 missed — and
# 任职时间（年-月-日） unread)
@pytest.mark.parametrize("kind, label, field", [
    ("pensions", "月发放金额（元/月，不含补发）", "amount"),   # must read
    ("businesses", "雇工人数（不含经营者）", "employees"),     # must read, and not as the 经营者's name
    ("businesses", "从业人数（含经营者本人）", "employees"),
    ("cadres", "任职时间（年-月-日）", "start"),
    ("staff", "入职日期（yyyy-mm-dd）", "start"),
    ("staff", "身份证号（18位，文本格式）", "id"),
    ("pensions", "补发金额（元，不含当月）", None),             # must not: back pay stays back pay, not the monthly amount
    ("staff", "身份证号（户主）", None),                        # must not take a qualifier for a note
])
def test_a_fill_note_in_brackets_does_not_hide_the_column(kind, label, field):
    from rostercheck.io.columns import REFERENCE
    fits = {s.field: s.fit(label) for s in REFERENCE[kind] if s.fit(label) is not None}
    best = max(fits, key=fits.get) if fits else None
    if field is None:
        assert best not in ("amount", "id") or fits[best] < 1.5
    else:
        assert best == field


@pytest.mark.parametrize("kind, header, row, code, expected", [
    ("pensions", ["姓名", "社会保障号码", "险种", "月发放金额（元/月，不含补发）", "发放状态"],
     ["张三", HEAD, "企业职工基本养老保险", 1800, "正常"], "C03", [("张三", "高")]),
    ("businesses", ["主体名称", "主体类型", "经营者", "证件号码", "雇工人数（不含经营者）", "登记状态"],
     ["宿松县张三五金店", "个体工商户", "张三", HEAD, 1, "存续"], "C05", [("张三", "高")]),
    ("businesses", ["主体名称", "主体类型", "经营者", "证件号码", "雇工人数（不含经营者）", "登记状态"],
     ["宿松县张三五金店", "个体工商户", "张三", HEAD, 0, "存续"], "C05", []),
    ("cadres", ["乡镇", "村", "姓名", "身份证号", "职务", "任职时间（年-月-日）"],
     ["孚玉镇", "城东社区", "张三", HEAD, "村委会委员", "2026-11-01"], "C01", []),  # must not: in post after the day
])
def test_columns_with_fill_notes_are_checked(tmp_path, kind, header, row, code, expected):
    assert flagged(_ctx(tmp_path, kind, header, [row]), code) == expected


# A roster's declared income equal to the pension found is that pension declared, not more income beside it (h461: a
# pension of 400 declared as the household's 家庭月收入 400 was "800 > 516", C03 高); where only the sum is above the
# standard, whether the declared income already counts the pension is unknown: at most 中, said
@pytest.mark.parametrize("declared, amount, expected, said", [
    (400, 400, [], ""),                                     # must not: the declared income is the pension
    (None, 400, [], ""),                                    # must not: below the standard
    (0, 800, [("张三", "高")], ""),                         # must
    (200, 800, [("张三", "高")], ""),                       # must: the pension alone is above
    (200, 400, [("张三", "中")], "申报收入如已包含上述养老金"),  # only the sum is above: 中, said
    (800, 800, [("张三", "高")], "视为已含"),               # must: equal, and above by itself
])
def test_a_declared_income_equal_to_the_pension_is_not_added_twice(declared, amount, expected, said):
    from rostercheck.audit import run_checks
    extra = {} if declared is None else {"declared_income": declared}
    ctx = context(household("张三", HEAD, **extra),
                  {"pensions": [{"name": "张三", "id": HEAD, "insurance": "企业职工基本养老保险", "amount": amount,
                                 "status": "正常发放"}]})
    assert flagged(ctx, "C03") == expected
    if said:
        findings, _ = run_checks(ctx, ["C03"])
        assert all(said in f.evidence for f in findings)


def test_a_note_that_counts_more_in_is_no_fill_note():
    # 含补发 changes what the amount is: the column stays unread as the monthly pension (as before h461)
    from rostercheck.io.columns import REFERENCE
    fits = {s.field: s.fit("月发放金额（含补发）") for s in REFERENCE["pensions"]}
    assert fits.get("amount") is None


# A span with a remark, several spans, an end not read, a cell with no date: each read or said, never guessed silently
@pytest.mark.parametrize("span, expected, said", [
    ("2018.01—2025.06（换届离任）", [], ""),                          # must not: the remark dates nothing
    ("2018.1-2021.1；2021.1-至今", [("张三", "高")], ""),             # must: the last span runs
    ("2018.1-2021.1；2021.1-2024.12", [], ""),                        # must not: the last span ended
    ("2021.01-2025年底", [("张三", "中")], "“2025年底”无法识别"),     # an end not read: 中, said
])
def test_a_span_with_remarks_or_several_spans(tmp_path, span, expected, said):
    from rostercheck.audit import run_checks
    ctx = _ctx(tmp_path, "cadres", ["乡镇", "村", "姓名", "身份证号", "职务", "任职起止时间"],
               [["孚玉镇", "城东社区", "张三", HEAD, "村委会委员", span]])
    assert flagged(ctx, "C01") == expected
    if said:
        findings, _ = run_checks(ctx, ["C01"])
        assert all(said in f.evidence for f in findings)


def test_span_cells_with_no_date_are_said(tmp_path):
    path = workbook(tmp_path / "干部.xlsx", [("Sheet1", ["乡镇", "村", "姓名", "身份证号", "职务", "任职起止时间"],
                                             [["孚玉镇", "城东社区", "张三", HEAD, "委员", "第十一届"],
                                              ["孚玉镇", "城东社区", "李四", HEAD, "委员", "2021.01—至今"]])])
    t = load_table(path, "cadres")
    normalise(t)
    assert any("1 行未能识别出日期（如“第十一届”）" in w for w in t.warnings)


@pytest.mark.parametrize("span, expected, said", [
    # must: three dates chained (re-appointed) read as the last span, said (h464: the end read as the second date, the
    # post held on the review date dropped unsaid)
    ("2021-01-01至2024-01-01至2026-12-31", [("张三", "高")], "写了三个或更多日期"),
    # must not: the chain's last span ended
    ("2018.1-2021.1-2024.1", [], "写了三个或更多日期"),
    # a span written the wrong way round is read in order, said (h464: unsaid)
    ("2026-12-31至2021-01-01", [("张三", "高")], "止日早于起日"),
    ("2026-06-01至2021-01-01", [], "止日早于起日"),
    # must stay: one span, nothing said
    ("2021-01-01至2026-12-31", [("张三", "高")], ""),
])
def test_chained_or_reversed_spans_are_read_and_said(tmp_path, span, expected, said):
    ctx = _ctx(tmp_path, "cadres", ["乡镇", "村", "姓名", "身份证号", "职务", "任职起止时间"],
               [["孚玉镇", "城东社区", "张三", HEAD, "村委会委员", span]])
    assert flagged(ctx, "C01") == expected
    path = workbook(tmp_path / "干部2.xlsx", [("Sheet1", ["乡镇", "村", "姓名", "身份证号", "职务", "任职起止时间"],
                                               [["孚玉镇", "城东社区", "张三", HEAD, "委员", span]])])
    t = load_table(path, "cadres")
    normalise(t)
    assert any(said in w for w in t.warnings) if said else not any("起止时间" in w and "日期" in w for w in t.warnings)


@pytest.mark.parametrize("label, term, expected, said", [
    # a term written that reads as none is no sentence for life: C02 at most 中, said (h464: 高 "在服刑期内", unsaid)
    ("刑期（月）", "-6", [("张三", "中")], "刑期“-6”无法识别"),
    ("刑期（月）", "0", [("张三", "中")], "刑期“0”无法识别"),
    ("刑期（年）", "待定", [("张三", "中")], "刑期“待定”无法识别"),
    # must stay: a sentence for life or death with reprieve, in custody at 高; a unit in the cell wins over the header's
    ("刑期（年）", "无期", [("张三", "高")], ""),
    ("刑期（月）", "死缓", [("张三", "高")], ""),
    ("刑期（年）", "6个月", [], ""),
])
def test_a_term_that_reads_as_none_is_said(tmp_path, label, term, expected, said):
    from rostercheck.audit import run_checks
    path = workbook(tmp_path / "服刑.xlsx", [("Sheet1", ["姓名", "身份证号", "入监日期", label],
                                            [["张三", HEAD, "2026-01-10", term]])])
    t = load_table(path, "prisoners")
    normalise(t)
    assert any("刑期无法识别" in w for w in t.warnings) == bool(said)
    ctx = context(ROSTER, files={"prisoners": path})
    assert flagged(ctx, "C02") == expected
    findings, _ = run_checks(ctx, ["C02"])
    assert all(said in f.evidence for f in findings)


@pytest.mark.parametrize("label, cell, expected, said", [
    # a head count in words is read (h464: '两人' read as none, the business not C05, unsaid)
    ("雇工人数", "两人", [("张三", "高")], ""),
    ("从业人数", "三人", [("张三", "高")], ""),
    # a count that reads as none is said, the business taken as employing no one (h464: unsaid)
    ("雇工人数", "-2", [], "无法识别（如“-2”）"),
    ("雇工人数", "若干", [], "无法识别（如“若干”）"),
    # must stay
    ("雇工人数", "1", [("张三", "高")], ""),
    ("从业人数", "1", [], ""),
])
def test_head_counts_in_words_are_read_and_unread_ones_said(tmp_path, label, cell, expected, said):
    path = workbook(tmp_path / "市场主体.xlsx", [("Sheet1", ["主体名称", "主体类型", "经营者", "证件号码", "登记状态", label],
                                                [["张三小卖部", "个体工商户", "张三", HEAD, "存续", cell]])])
    t = load_table(path, "businesses")
    normalise(t)
    assert [w for w in t.warnings if "无法识别" in w] == ([f"“{label}”列有 1 行{said}，这些行按未登记人数计（不视为雇工），请核实"]
                                                         if said else [])
    assert flagged(context(ROSTER, files={"businesses": path}), "C05") == expected
