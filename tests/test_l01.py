"""L01 监测对象收入低于低保标准未纳入: must-flag and must-not-flag cases."""

from __future__ import annotations

import pytest

from helpers import context, household, lead_names, leads, make_id
from rostercheck.io.table import load_table

COVERED, COVERED_WIFE = make_id("19600101", 11), make_id("19620101", 22)
ROSTER = household("张在册", COVERED, [("李在册", "妻", COVERED_WIFE)])


def mon(head: str, head_id: str, members=(), income="3600", risk="未消除", **extra) -> list[dict]:
    """Monitoring rows, one per member (head first)."""
    base = {"head_name": head, "head_id": head_id, "monitor_type": "边缘易致贫户", "income_year": income, "risk": risk,
            "township": "城关镇", "village": "东村", **extra}
    return [{**base, "name": n, "id": i, "relation": r} for n, r, i in [(head, "户主", head_id), *members]]


A, B = make_id("19700101", 31), make_id("19720101", 42)


@pytest.mark.parametrize("rows, expected", [
    # must flag: risk open, 300 元/月 < 516 (rural), nobody covered; far below half the standard -> 高
    (mon("王低收", A, [("赵低收", "妻", B)], income="3000"), [("王低收", "高")]),
    # must flag: 5,400 / 12 = 450 < 516 -> 中
    (mon("王中等", A, income="5400"), [("王中等", "中")]),
    # monthly column instead of the annual one
    (mon("王月收", A, income_year="", income_month="400"), [("王月收", "中")]),
    # total household income: 12,000 / 12 / 2 members = 500 < 516
    (mon("王总收", A, [("赵总收", "妻", B)], income_year="", income_total="12000"), [("王总收", "中")]),
    # … with 家庭人口 3 in the row: 14,400 / 12 / 3 = 400
    (mon("王三口", A, income_year="", income_total="14400", household_size="3"), [("王三口", "中")]),
    # (held-out 457) a total written in 万: 1.488万 / 12 / 2 = 620 (read as 1.49 元 it was 高); 0.96万 / 12 / 2 = 400
    (mon("王万元", A, [("赵万元", "妻", B)], income_year="", income_total="1.488万"), []),
    (mon("王万元", A, [("赵万元", "妻", B)], income_year="", income_total="0.96万"), [("王万元", "中")]),
    # must not flag: 14,400 / 12 / 2 = 600 > 516
    (mon("王两口", A, [("赵两口", "妻", B)], income_year="", income_total="14400"), []),
    # 城镇 household: 600 < 716 (urban standard)
    (mon("王城镇", A, income="7200", area_type="城镇"), [("王城镇", "中")]),
    # must not flag: income above the rural standard (6,600 / 12 = 550)
    (mon("王高收", A, income="6600"), []),
    # must not flag: risk eliminated, in any of its spellings
    (mon("王消除", A, risk="是"), []),
    (mon("王消除", A, risk="已消除"), []),
    # (held-out 206) the bare word: read as neither, open at 中 with "风险状态“消除”未能识别"; 未消除, 待消除 stay open
    (mon("王消除", A, risk="消除"), []),
    (mon("王消除", A, risk="解除"), []),
    (mon("王未消", A, risk="风险未消除"), [("王未消", "中")]),
    (mon("王待消", A, risk="待消除"), [("王待消", "中")]),
    (mon("王日期", A, risk="", risk_date="2026-05-01"), []),
    (mon("王日期", A, risk="否", risk_date="2026-06-30"), []),  # the status not updated since (held-out 88)
    (mon("王日期", A, risk="未消除", risk_date="2027-06-30"), [("王日期", "中")]),  # a date still to come
    # (held-out 457) the 风险是否消除 cell holds the elimination date itself (a text date or an Excel serial): eliminated
    # on it; after the review date a 低 lead as with a 风险消除日期 column; a code is no date (1900 serials)
    (mon("王日期", A, risk="2026-03-15"), []),
    (mon("王日期", A, risk="2026/3/15"), []),
    (mon("王日期", A, risk="46096"), []),
    (mon("王日期", A, risk="2026-11-15"), [("王日期", "低")]),
    (mon("王代码", A, risk="3"), [("王代码", "中")]),
    # … or after the word saying so, in brackets ('是' alone was a code no word reads: open at 中)
    (mon("王括号", A, risk="是（2026-03-20）"), []),
    (mon("王括号", A, risk="是(2026-03-20)"), []),
    (mon("王括号", A, risk="已消除（2026-03）"), []),
    (mon("王括号", A, risk="是（2026-11-20）"), [("王括号", "低")]),
    (mon("王括号", A, risk="否（2026-03-20识别）"), [("王括号", "中")]),
    # must not flag: covered through another member (the wife is on the roster), whatever 是否享受低保 says
    (mon("王有妻", A, [("李在册", "妻", COVERED_WIFE)], on_benefit="否"), []),
    # (held-out 235) the household's income is not given: a 低 lead, the income asked at the visit …
    (mon("王未填", A, income=""), [("王未填", "低")]),
    (mon("王未填", A, income="不详"), [("王未填", "低")]),
    # … unless another rule leaves the household out: risk eliminated, covered through the wife
    (mon("王未填", A, income="", risk="已消除"), []),
    (mon("王未填", A, [("李在册", "妻", COVERED_WIFE)], income=""), []),
    # (held-out 235) eliminated, but on a date after the review date: not yet on it, a 低 lead to confirm …
    (mon("王后消", A, risk="已消除", risk_date="2026-11-15"), [("王后消", "低")]),
    (mon("王后消", A, risk="是", risk_date="2026-10-01"), [("王后消", "低")]),
    # … eliminated on the review date or before it, or an income above the standard: none
    (mon("王后消", A, risk="已消除", risk_date="2026-09-30"), []),
    (mon("王后消", A, income="6600", risk="已消除", risk_date="2026-11-15"), []),
])
def test_l01_cases(rows, expected):
    ctx = context(ROSTER, {"monitoring": rows})
    assert leads(ctx, "L01") == expected


@pytest.mark.parametrize("header, risk, expected", [
    ("风险是否消除", "1", []), ("风险信息风险是否消除", "0", [("王低收", "高")]),  # a two-row header's flags
    ("风险是否消除", "2", [("王低收", "中")]), ("风险状态", "9", [("王低收", "中")]),  # a code no word reads: never 高
    # held-out 161: a code before its word ('1-是') was a code no word reads: eliminated households at 中
    ("风险是否消除", "1-是", []), ("风险是否消除", "0-否", [("王低收", "高")]), ("风险状态", "2：已消除", []),
    # held-out 366: a flag named so (风险消除标识 1/0) is the same question: 1 eliminated, 0 open and 高
    ("风险消除标识", "1", []), ("风险消除标识", "0", [("王低收", "高")]), ("风险消除标志（1是0否）", "1", []),
    ("监测状态标识", "1", [("王低收", "中")]),  # which way 1 goes is not said: read as a code, never 高
    # held-out 457: a column headed by the statement itself, ticked: √ eliminated, × open
    ("风险已消除", "√", []), ("风险已消除", "×", [("王低收", "高")]), ("已消除风险", "√", []), ("风险消除", "√", []),
    ("风险消除", "已消除", []), ("风险消除情况", "√", [("王低收", "中")]),  # (情况: a status, √ says no which)
])
def test_l01_a_yes_no_risk_column_and_a_code_no_word_reads(header, risk, expected):
    # held-out 108: 风险是否消除 = 1 (eliminated) counted open; codes 2 and 9 gave 高 leads, said nowhere
    from rostercheck.rules._vocab import value_warnings

    rows = mon("王低收", A, [("赵低收", "妻", B)], income="3000", risk=risk)
    ctx = context(ROSTER, {"monitoring": rows}, headers={"monitoring": {"risk": header}})
    assert leads(ctx, "L01") == expected
    said = [w for w in value_warnings(ctx, kinds=("monitoring",)) if "risk_open_words" in w]
    assert bool(said) == (risk in ("2", "9") or header in ("监测状态标识", "风险消除情况"))  # ('1-是' read: no notice)


def test_l01_evidence_says_the_risk_is_open_and_the_key_is_the_members_ids():
    # a 风险是否消除 column holding 否: "风险“否”" read as "no risk"
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, [("赵低收", "妻", B)], income="3000", risk="否")})
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    (lead,) = LEADS["L01"](ctx)
    assert "风险未消除（原表填“否”）" in lead.evidence and lead.key == "成员身份证号"
    assert "本户 2 名已知成员均不在低保、特困花名册中" in lead.evidence
    (lead,) = LEADS["L01"](context(ROSTER, {"monitoring": mon("王低收", A, income="1500")}))
    assert "本户唯一已知成员不在低保、特困花名册中" in lead.evidence  # not '1 名…均'


def _l01(ctx):
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    return LEADS["L01"](ctx)


def test_l01_a_household_without_an_income_is_a_low_lead_and_the_run_counts_such_rows():
    # held-out 235: a 补报 sheet's households with a blank 家庭年人均纯收入 were dropped from L01 without a word
    from rostercheck.rules.l_coverage import income_gaps

    rows = (mon("王未填", A, [("赵未填", "妻", B)], income="")
            + mon("张在册", COVERED, [("李在册", "妻", COVERED_WIFE)], income="")  # enrolled: counted, no lead
            + mon("王低收", make_id("19750101", 51), income="3000"))
    ctx = context(ROSTER, {"monitoring": rows}, headers={"monitoring": {"income_year": "家庭年人均纯收入"}})
    found = {ld.person["name"]: ld for ld in _l01(ctx)}
    assert sorted((n, ld.priority) for n, ld in found.items()) == [("王低收", "高"), ("王未填", "低")]
    said = found["王未填"].evidence
    assert "“家庭年人均纯收入”未填，无法判断是否低于农村低保标准 516.00 元，入户时核实收入" in said
    assert found["王未填"].figures["人均月收入"] == ""
    (note,) = income_gaps(ctx)
    assert "中有 4 行（2 户，如 王未填、张在册）家庭收入未填或不是金额：其中 1 户" in note
    assert "其余 1 户已纳入保障" in note
    # what stands in the cell, when it is no amount, is quoted
    (lead,) = _l01(context(ROSTER, {"monitoring": mon("王不详", A, income="不详")}))
    assert "“年人均收入”填“不详”，不是金额" in lead.evidence


def test_l01_a_list_with_no_income_column_gives_no_lead_and_says_so():
    from rostercheck.rules.l_coverage import income_gaps

    rows = [{k: v for k, v in r.items() if k != "income_year"} for r in mon("王无列", A)]
    ctx = context(ROSTER, {"monitoring": rows})
    assert _l01(ctx) == []
    (note,) = income_gaps(ctx)
    assert "没有家庭收入列" in note and "L01 无法比较收入" in note


def test_l01_a_risk_eliminated_after_the_review_date_is_said():
    # held-out 235: 已消除 with 风险消除时间 2026-11-15 (a list exported after the quarter) was no lead: on 2026-09-30 the
    # risk was not yet eliminated (as _econ.ended_after reads a status beside a later date)
    rows = mon("孟永红", A, [("薛玉兰", "妻", B)], income="3000", risk="已消除", risk_date="2026-11-15")
    ctx = context(ROSTER, {"monitoring": rows}, headers={"monitoring": {"risk_date": "风险消除时间"}})
    (lead,) = _l01(ctx)
    assert lead.priority == "低"
    assert "风险状态“已消除”，但风险消除时间 2026-11-15 在核查基准日之后，核查基准日时风险尚未消除" in lead.evidence
    # one member's row eliminated before the review date: the household's risk was eliminated
    rows[1]["risk_date"] = "2026-08-01"
    assert _l01(context(ROSTER, {"monitoring": rows})) == []


def test_l01_a_later_sheets_columns_are_read_and_named(tmp_path):
    # held-out 235: the 补报 sheet alone has 风险消除时间; its blank incomes and its later eliminations end to end
    import datetime as dt

    import openpyxl

    from rostercheck.coverage import coverage

    roster = tmp_path / "低保.csv"
    roster.write_text(f"姓名,身份证号,与户主关系,户主身份证号\n张在册,{COVERED},户主,{COVERED}\n", encoding="utf-8")
    C, D = make_id("19780101", 53), make_id("19770101", 71)
    book = openpyxl.Workbook()
    first = book.active
    first.title = "桃洪镇"
    first.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "证件号码", "与户主关系", "监测类型", "家庭年人均纯收入",
                  "风险是否消除"])
    first.append(["桃洪镇", "东村", "王一", A, "王一", A, "02", "1", 3000, "未消除"])
    second = book.create_sheet("金石桥镇等补报")
    second.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "证件号码", "与户主关系", "监测类型", "家庭年人均纯收入",
                   "风险是否消除", "风险消除时间"])
    second.append(["金石桥镇", "大坪村", "孟永红", B, "孟永红", B, "02", "1", 3000, "已消除", "2026-11-15"])
    second.append(["金石桥镇", "大坪村", "潘永红", C, "潘永红", C, "02", "3", None, "未消除", None])
    second.append(["小沙江镇", "茶山村", "易新民", D, "易新民", D, "02", "1", None, "未消除", None])
    book.save(tmp_path / "防返贫监测对象.xlsx")
    result = coverage([roster], {"monitoring": tmp_path / "防返贫监测对象.xlsx"}, dt.date(2026, 9, 30), codes=["L01"])
    got = {r["姓名"]: r for r in result.leads.to_dict("records")}
    assert sorted((n, r["优先级"]) for n, r in got.items()) == [("孟永红", "低"), ("易新民", "低"), ("潘永红", "低"),
                                                                ("王一", "高")]
    assert "但风险消除时间 2026-11-15 在核查基准日之后" in got["孟永红"]["依据"]
    assert "“家庭年人均纯收入”未填" in got["潘永红"]["依据"]
    assert any("中有 2 行（2 户，如 潘永红、易新民）家庭收入未填" in w for w in result.warnings)


def test_l01_dead_only_member_is_no_lead():
    rows = mon("王已故", A, income="3000")
    ctx = context(ROSTER, {"monitoring": rows, "deaths": [{"name": "王已故", "id": A, "date": "2026-03-01"}]})
    assert leads(ctx, "L01") == []


def test_l01_a_dead_head_named_alone_leaves_the_lead_to_his_living_household():
    # held-out 108: a list naming only each household's head: the widow and son the registry gives his household were
    # no lead once he died
    rows = mon("罗兵", A, income="3000")
    registry = [{"household_no": "7", "name": "罗兵", "id": A, "relation": "户主"},
                {"household_no": "7", "name": "戴玉静", "id": B, "relation": "妻"}]
    ctx = context(ROSTER, {"monitoring": rows, "registry": registry,
                           "deaths": [{"name": "罗兵", "id": A, "date": "2026-03-01"}]})
    assert leads(ctx, "L01") == [("戴玉静", "高")]
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    (lead,) = LEADS["L01"](ctx)
    assert "户主 罗兵 已去世，线索列其同户的 戴玉静" in lead.evidence and lead.person["head_name"] == "戴玉静"


def test_l01_covered_through_the_registry_household():
    # The monitoring list names only the head; the registry puts a roster member in the same 户号.
    registry = [{"household_no": "9", "name": "王户籍", "id": A, "relation": "户主"},
                {"household_no": "9", "name": "李在册", "id": COVERED_WIFE, "relation": "妻"}]
    ctx = context(ROSTER, {"monitoring": mon("王户籍", A, income="3000"), "registry": registry})
    assert leads(ctx, "L01") == []


def test_l01_damaged_member_id_lowers_priority():
    rows = mon("王受损", A, [("赵受损", "妻", B[:-1] + ("0" if B[-1] != "0" else "1"))], income="3000")
    ctx = context(ROSTER, {"monitoring": rows})
    assert leads(ctx, "L01") == [("王受损", "低")]


def test_l01_name_alone_is_never_a_key():
    # A namesake of a roster member without an ID: the household is still a lead (not covered by name), and only a
    # 低 one, saying why (held-out 138: 高 at 置信度 低, not a word that the list gave no ID)
    rows = mon("张在册", "", income="3000")
    for r in rows:
        r["id"] = ""
    ctx = context(ROSTER, {"monitoring": rows})
    assert leads(ctx, "L01") == [("张在册", "低")]
    from rostercheck.rules.l_coverage import low_income_monitored

    assert "名单没有本户成员的身份证号" in low_income_monitored(ctx)[0].evidence


def test_l01_a_list_naming_places_by_code_places_its_leads_so(tmp_path):
    # held-out 138: a system export's 行政区划代码 instead of 乡镇 and 村 was not read: every L01 lead under 未填乡镇
    import openpyxl

    path = tmp_path / "监测对象_系统导出.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["户编号", "行政区划代码", "户主姓名", "户主身份证号", "成员姓名", "成员身份证号", "与户主关系", "监测类型",
               "家庭年人均纯收入", "风险是否消除"])
    ws.append(["JC01", "522628100201", "王代码", A, "王代码", A, "02", "2", "3000", "否"])
    wb.save(path)
    from rostercheck.reference import normalise
    from rostercheck.rules.l_coverage import low_income_monitored

    from helpers import context as build
    ctx = build(ROSTER)
    ctx.lists["monitoring"] = normalise(load_table(path, "monitoring"))
    ctx.labels["monitoring"] = "监测名单"
    (lead,) = low_income_monitored(ctx)
    assert (lead.person["township"], lead.person["village"]) == ("522628100", "522628100201")


def test_l01_reads_other_header_spellings(tmp_path):
    import openpyxl

    path = tmp_path / "边缘易致贫户监测名单.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["XX县防止返贫监测对象台账"])
    ws.append(["所在乡镇", "所在村", "户主姓名", "户主身份证号码", "家庭成员姓名", "成员身份证号", "与户主关系", "监测类型",
               "人均纯收入(元)", "风险是否已消除", "是否纳入低保"])
    ws.append(["城关镇", "东村", "王另表", A, "王另表", A, "户主", "突发严重困难户", "3000", "否", "否"])
    wb.save(path)
    t = load_table(path, "monitoring")
    assert {"head_id", "id", "name", "monitor_type", "income_year", "risk", "on_benefit"} <= set(t.frame.columns)
    from rostercheck.reference import normalise

    from helpers import context as build
    ctx = build(ROSTER)
    ctx.lists["monitoring"] = normalise(t)
    ctx.labels["monitoring"] = "监测名单"
    assert leads(ctx, "L01") == [("王另表", "高")]


def test_l01_household_level_list_without_member_ids():
    rows = [{"head_name": "王按户", "head_id": A, "household_size": "3", "income_year": "4000", "risk": "未消除"}]
    ctx = context(ROSTER, {"monitoring": rows})
    assert lead_names(ctx, "L01") == {"王按户"}


def test_l01_household_rows_beside_member_rows_are_their_heads():
    # One township's sheet lists members with their IDs, another's one row per household with the head's ID only:
    # that row is the head (dead here: no lead), and a member row without an ID of its own is not.
    C, D = make_id("19400101", 51), make_id("19420101", 62)
    rows = mon("王按人", B, income="3000") + [
        {"head_name": "刘独居", "head_id": C, "household_size": "1", "income_year": "3600", "risk": "未消除"},
        {"head_name": "陈户主", "head_id": D, "name": "陈妻", "household_size": "2", "income_year": "3600",
         "risk": "未消除"}]
    ctx = context(ROSTER, {"monitoring": rows, "deaths": [{"name": "刘独居", "id": C, "date": "2026-03-01"}]})
    assert lead_names(ctx, "L01") == {"王按人", "陈妻"}


@pytest.mark.parametrize("kind, row", [
    ("vehicles", {"plate": "豫P12345", "vehicle_type": "小型轿车", "use": "非营运", "status": "正常"}),
    ("businesses", {"entity": "王某商店", "entity_type": "个体工商户", "employees": 3, "status": "存续"}),
    ("staff", {"unit": "县教育局", "category": "事业"}),
])
def test_l01_a_member_with_means_on_an_audit_list_is_only_a_low_lead(kind, row):
    lists = {"monitoring": mon("王有车", A), kind: [{"name": "王有车", "id": A, **row}]}
    assert leads(context(ROSTER, lists), "L01") == [("王有车", "低")]
    if kind == "vehicles":  # a scrapped car says nothing of means
        lists[kind][0]["status"] = "报废"
        assert leads(context(ROSTER, lists), "L01") == [("王有车", "中")]


def test_l01_a_member_who_moved_out_of_the_county_makes_the_lead_low():
    moved = {"name": "王有车", "id": A, "date": "2026-05-01", "dest": "江苏省南京市鼓楼区"}
    lists = {"monitoring": mon("王有车", A), "migrations": [moved]}
    assert leads(context(ROSTER, lists), "L01") == [("王有车", "低")]
    lists["migrations"] = [{**moved, "reason": "升学"}]  # a move to study is no move of the household
    assert leads(context(ROSTER, lists), "L01") == [("王有车", "中")]


DAUGHTER = make_id("20010101", 62)


@pytest.mark.parametrize("movers, dead, expected", [
    # h446: a daughter married out of the county leaves her parents here: the lead keeps its priority, the move said
    ((DAUGHTER,), (), [("王有车", "高")]),
    # every known member moved, or every living one: the household may have left, 低
    ((A, B, DAUGHTER), (), [("王有车", "低")]),
    ((A, DAUGHTER), (B,), [("王有车", "低")]),
    # the head moved: the household he heads may have left with him
    ((A,), (), [("王有车", "低")]),
])
def test_l01_some_members_moving_out_leave_the_household_here(movers, dead, expected):
    lists = {"monitoring": mon("王有车", A, [("赵有车", "妻", B), ("王女", "女", DAUGHTER)], income="3000"),
             "migrations": [{"name": "某", "id": x, "date": "2025-10-08", "dest": "甘肃省兰州市城关区", "reason": "婚嫁"}
                            for x in movers],
             "deaths": [{"name": "赵有车", "id": x, "date": "2026-03-01"} for x in dead]}
    assert leads(context(ROSTER, lists), "L01") == expected
    from rostercheck.rules._coverage import LEADS

    said = LEADS["L01"](context(ROSTER, lists))[0].evidence
    assert ("其余成员仍在本县" in said) == (expected[0][1] != "低")
    assert "已迁出本县" in said



C = make_id("19950101", 62)


@pytest.mark.parametrize("statuses, expected", [
    # held-out 366: the registry says every known member 迁出: the household left, a 低 lead asking whether it came back
    (("迁出", "迁出", None), [("王低收", "低")]),
    (("迁出", "死亡", None), [("王低收", "低")]),
    # a daughter married away (her 迁出 row) says nothing of the rest; nor a move inside the county (a new 户号's row)
    (("正常", "正常", "迁出"), [("王低收", "高")]),
    (("迁出", "正常", None), [("王低收", "高")]),
    (("死亡", "正常", None), [("赵低收", "高")]),
])
def test_l01_a_household_the_registry_says_moved_out_is_only_a_low_lead(statuses, expected):
    head, wife, daughter = statuses
    registry = [{"household_no": "9", "name": "王低收", "id": A, "relation": "户主", "status": head},
                {"household_no": "9", "name": "赵低收", "id": B, "relation": "妻", "status": wife}]
    members = [("赵低收", "妻", B)]
    if daughter:
        registry.append({"household_no": "9", "name": "王女", "id": C, "relation": "女", "status": daughter})
        members.append(("王女", "女", C))
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, members, income="1500"), "registry": registry})
    assert leads(ctx, "L01") == expected
    if expected[0][1] == "低":
        from rostercheck.rules import load_all
        from rostercheck.rules._coverage import LEADS

        load_all()
        (found,) = LEADS["L01"](ctx)
        assert "人员状态“迁出”（户籍已迁出）" in found.evidence and "请核实是否已迁回" in found.evidence


@pytest.mark.parametrize("rows, expected", [
    # held-out 380: 户籍状态 blank, the move or the deregistration only dated: gone from the county all the same
    (({"moved_on": "2026-03-10", "dest": "广东省东莞市"}, {"moved_on": "2026-03-10", "dest": "广东省东莞市"}),
     [("王低收", "低")]),
    (({"moved_on": "2026-03-10"}, {"cancelled": "2026-05-01", "cause": "死亡"}), [("王低收", "低")]),
    # a 注销日期 whose 注销原因 says 迁出 is a move, not a death: the wife is no dead member
    (({"moved_on": "2026-03-10"}, {"cancelled": "2026-05-01", "cause": "迁出注销"}), [("王低收", "低")]),
    # a move inside the county (to one of its townships), or one after the review date, leaves the household here
    (({"status": "迁出", "moved_on": "2026-01-15", "dest": "城关镇东村"},
      {"status": "迁出", "moved_on": "2026-01-15", "dest": "城关镇东村"}), [("王低收", "高")]),
    (({"status": "迁出", "moved_on": "2026-11-20", "dest": "浙江省义乌市"},
      {"status": "迁出", "moved_on": "2026-11-20", "dest": "浙江省义乌市"}), [("王低收", "高")]),
    # back after the move (迁入日期 later): here again; a status written is never overruled by a date
    (({"moved_on": "2024-03-10", "in_date": "2025-06-01"}, {"moved_on": "2026-03-10"}), [("王低收", "高")]),
    (({"status": "迁入", "in_date": "2025-04-12", "moved_on": "2019-01-01"}, {"status": "正常"}), [("王低收", "高")]),
    # held-out 390: both deregistered after the review date, no 死亡日期: alive on it (the lead was lost as two deaths)
    (({"cancelled": "2026-12-05"}, {"cancelled": "2026-10-20"}), [("王低收", "高")]),
    (({"cancelled": "2026-12-05"}, {"cancelled": "2026-05-01", "cause": "死亡"}), [("王低收", "高")]),
])
def test_l01_the_registrys_move_and_deregistration_dates(rows, expected):
    head, wife = rows
    registry = [{"household_no": "9", "name": "王低收", "id": A, "relation": "户主", "status": "", **head},
                {"household_no": "9", "name": "赵低收", "id": B, "relation": "妻", "status": "", **wife}]
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, [("赵低收", "妻", B)], income="1500"), "registry": registry})
    assert leads(ctx, "L01") == expected


@pytest.mark.parametrize("code, expected", [("430521", "高"), ("441900", "低")])
def test_l01_a_registry_destination_given_as_a_region_code(tmp_path, code, expected):
    # the destination only as a code (QWDSSXQ 迁往地省市县区): the county's own code (configured here) is a move inside it
    config = tmp_path / "c.toml"
    config.write_text('[common]\ncounty_code = "430521"\n', encoding="utf-8")
    registry = [{"household_no": "9", "name": n, "id": i, "relation": r, "status": "迁出", "moved_on": "2026-01-15",
                 "dest_code": code} for n, i, r in (("王低收", A, "户主"), ("赵低收", B, "妻"))]
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, [("赵低收", "妻", B)], income="1500"), "registry": registry},
                  config=config)
    assert leads(ctx, "L01") == [("王低收", expected)]


def test_l01_reads_the_registrys_date_columns_by_their_headers(tmp_path):
    # held-out 380: 迁出日期, 注销日期 beside a blank 户籍状态 were unread ("像是日期列，但本工具不认得"): an L01 高
    path = tmp_path / "户籍人口信息.csv"
    path.write_text("户号,姓名,公民身份号码,与户主关系,户籍状态,迁入日期,迁出日期,迁往地,注销日期,注销原因,住址\n"
                    f"9,王低收,{A},户主,,,2026-06-18,福建省厦门市,,,城关镇东村\n"
                    f"9,赵低收,{B},妻,,,,,2026-07-01,死亡,城关镇东村\n", encoding="utf-8")
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, [("赵低收", "妻", B)], income="1500")},
                  files={"registry": path})
    assert leads(ctx, "L01") == [("王低收", "低")]
    reg = ctx.lists["registry"]
    assert list(reg["left"]) == ["moved", "dead"]
    assert not any("不认得" in w for w in load_table(path, "registry").warnings)


@pytest.mark.parametrize("reason, members, expected", [
    # the exit list says the only member died: as good as a death record, no lead
    ("死亡", (), []),
    ("因病去世", (), []),
    # the head died, his wife lives on: her household is still a lead
    ("死亡", (("赵低收", "妻", B),), [("赵低收", "高")]),
    # somebody else's death named as the reason: the head is alive
    ("配偶死亡", (), [("王低收", "高")]),
    # the whole household moved out of the county by the exit list: 低 (not this county's, unless it came back)
    ("全户户籍迁出本县（迁往广东省东莞市）", (("赵低收", "妻", B),), [("王低收", "低")]),
    ("迁出", (), [("王低收", "低")]),
    # a move inside the county, or to study, is no move out of it
    ("县内迁移（迁往本县城关镇）", (), [("王低收", "高")]),
    ("升学迁出", (), [("王低收", "高")]),
])
def test_l01_the_exit_lists_reason_death_or_move_out(reason, members, expected):
    exits = [{"head_name": "王低收", "head_id": A, "household_size": "1", "date": "2026-05-31", "reason": reason,
              "township": "城关镇", "village": "东村"}]
    lists = {"monitoring": mon("王低收", A, members, income="1500"), "exits": exits}
    assert leads(context(ROSTER, lists), "L01") == expected
    if "迁出本县" in reason:  # a move asks whether the household came back, not whether its income was more
        from rostercheck.rules import load_all
        from rostercheck.rules._coverage import LEADS

        load_all()
        (found,) = LEADS["L01"](context(ROSTER, lists))
        assert "本户可能已不在本县，请核实是否已迁回" in found.evidence and "收入可能不止" not in found.evidence
        # the reason quoted as the clerk wrote it, full-width brackets and all (held-out 235: half-width)
        assert f"退出原因“{reason}”" in found.evidence


def test_two_heads_of_one_name_numbered_apart_are_two_households():
    # the monitoring list has 户编号 and 户主姓名 but no 户主身份证号: one 马海龙 is covered, the other is not
    covered_ma, other_ma = make_id("19760523", 751), make_id("19800101", 761)
    roster = household("马海龙", covered_ma)
    rows = []
    for no, pid, son in (("H001", covered_ma, make_id("20050101", 771)), ("H002", other_ma, make_id("20060101", 781))):
        rows += [{"household_no": no, "head_name": "马海龙", "monitor_type": "边缘易致贫户", "income_year": "2400",
                  "risk": "未消除", "township": "官亭镇", "village": "喇家村", "name": n, "id": i, "relation": r}
                 for n, r, i in (("马海龙", "户主", pid), ("马小", "子", son))]
    found = leads(context(roster, {"monitoring": rows}), "L01")
    assert found == [("马海龙", "高")]  # one lead: the household numbered H002, one row for its two members


def test_a_coded_monitoring_type_is_shown_with_its_name():
    from rostercheck.rules._coverage import LEADS

    found = LEADS["L01"](context(ROSTER, {"monitoring": mon("王低收", A, income="3000", monitor_type="03")}))
    assert len(found) == 1 and "监测类型“03（突发严重困难户）”" in found[0].evidence


@pytest.mark.parametrize("seq", [412, 512])
def test_a_head_id_typed_as_a_number_keeps_the_household_together(seq):
    # the monitoring export's IDs stored as numbers (last three digits 000): the head's row takes his ID from the
    # registry, his wife's row names him by the cut number — one household, one lead. With seq 412 the cut number
    # 430521197001014000 happens to pass the check character; it was taken for an exact ID (a second lead)
    head, wife = make_id("19700101", seq), make_id("19720101", 42)
    cut = float(head[:15] + "000")
    base = {"head_name": "王数字", "head_id": cut, "monitor_type": "边缘易致贫户", "income_year": "3000", "risk": "未消除",
            "township": "城关镇", "village": "东村"}
    rows = [{**base, "name": "王数字", "id": cut, "relation": "户主"}, {**base, "name": "赵数字", "id": wife, "relation": "妻"}]
    registry = [{"household_no": "5", "name": "王数字", "id": head, "relation": "户主"},
                {"household_no": "5", "name": "赵数字", "id": wife, "relation": "妻"}]
    assert leads(context(ROSTER, {"monitoring": rows, "registry": registry}), "L01") == [("王数字", "低")]


def test_l01_a_dead_member_is_said_among_the_members_counted():
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    rows = mon("王低收", A, [("赵低收", "妻", B)], income="3000")
    (lead,) = LEADS["L01"](context(ROSTER, {"monitoring": rows, "deaths": [{"name": "赵低收", "id": B, "date": "2026-03-01"}]}))
    assert "本户 2 名已知成员（其中 1 人已去世）均不在低保、特困花名册中" in lead.evidence


def test_a_list_naming_only_its_heads_by_numbers_takes_no_cut_number_for_an_exact_id():
    # the head-only rows took their ID from 户主身份证号 re-read as text: 430521197001014000 (a cut number) passing the
    # check character by chance became his exact ID (a 高 lead under nobody's ID)
    cut = float(make_id("19700101", 412)[:15] + "000")
    rows = [{"head_name": "王数字", "head_id": cut, "monitor_type": "边缘易致贫户", "income_year": "3000", "risk": "未消除",
             "township": "城关镇", "village": "东村"}]
    assert leads(context(ROSTER, {"monitoring": rows}), "L01") == [("王数字", "低")]


@pytest.mark.parametrize("died, priority", [(True, "中"), (False, "高")])
def test_l01_a_dead_members_disability_raises_no_priority(died, priority):
    # held-out 120: the household's only severely disabled member had died: "户内有重度残疾或重病成员", 高
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    lists = {"monitoring": mon("王中等", A, [("赵中等", "妻", B)], income="5400"),  # 450 a month: 中 unless severe
             "disabled": [{"name": "赵中等", "cert": f"{B}41"}]}
    if died:
        lists["deaths"] = [{"name": "赵中等", "id": B, "date": "2026-05-20"}]
    (lead,) = LEADS["L01"](context(ROSTER, lists))
    assert lead.priority == priority and ("重度残疾" in lead.evidence) is not died


def test_l01_a_dead_head_is_named():
    # held-out 120: "其中 1 人已去世" left the clerk to find that it was the head (L05 names him)
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    rows = mon("王低收", A, [("赵低收", "妻", B)], income="3000")
    (lead,) = LEADS["L01"](context(ROSTER, {"monitoring": rows, "deaths": [{"name": "王低收", "id": A, "date": "2026-03-01"}]}))
    assert "（其中 1 人已去世）均不在低保、特困花名册中（户主 王低收 已去世）" in lead.evidence


@pytest.mark.parametrize("members, jailed, start, end, expected, said", [
    # (held-out 221) the only member in prison on the review date: no household to enrol now (was a 高 lead)
    ([], A, "2025-11-01", "2029-10-31", [], False),
    # his ID stored as a number on the prisoners list: linked by name + first digits all the same
    ([], float(A[:15] + "000"), "2025-11-01", "2029-10-31", [], False),
    # out of prison before the review date: the lead it was
    ([], A, "2020-11-01", "2025-10-31", [("王低收", "高")], False),
    # his wife at home: still a lead, the evidence saying who is in prison
    ([("赵低收", "妻", B)], A, "2025-11-01", "2029-10-31", [("王低收", "高")], True),
])
def test_l01_a_member_in_custody_is_no_member_to_enrol(members, jailed, start, end, expected, said):
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    prison = [{"name": "王低收", "id": jailed, "start": start, "end": end}]
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, members, income="3000"), "prisoners": prison})
    found = LEADS["L01"](ctx)
    assert [(ld.person["name"], ld.priority) for ld in found] == expected
    assert all(("在押服刑" in ld.evidence) is said for ld in found)


@pytest.mark.parametrize("income, priority, said", [
    ("3096", "高", True),  # 258 元/月 = exactly half of 516: 不高于 half (the TOML's rule; held-out 256) → 高, said why
    ("3108", "中", False),  # 259 元/月
])
def test_l01_half_the_standard_is_high_and_the_evidence_says_why(income, priority, said):
    (lead,) = _l01(context(ROSTER, {"monitoring": mon("王低收", A, income=income)}))
    assert lead.priority == priority
    assert ("（不高于标准的 50%，优先级高）" in lead.evidence) == said, lead.evidence


def test_l05_a_refusal_list_naming_only_its_applicant_gives_the_lead_his_name():
    # held-out 256: 申请人 beside 身份证号 (no 姓名 column) left the L05 lead's 姓名 blank
    from rostercheck.rules._coverage import person

    assert person({"head_name": "林小龙", "id_raw": A, "pid": A})["name"] == "林小龙"
    assert person({"head_name": "林户主", "head_id": B, "name": "", "id_raw": A, "pid": A})["name"] == ""


def test_l01_says_which_listed_id_is_damaged_or_masked_not_that_none_is_given():
    # held-out 320: a mistyped check character and a 6+4 masked ID were both said "名单没有本户成员的身份证号"
    from rostercheck.rules.l_coverage import low_income_monitored

    typo = mon("王错号", A[:-1] + ("0" if A[-1] != "0" else "1"), income="3000")
    masked = mon("王遮挡", A[:6] + "********" + A[-4:], income="3000")
    for rows, said in ((typo, "名单上王错号的身份证号校验位错误"), (masked, "名单上王遮挡的身份证号被遮挡（脱敏）")):
        ctx = context(ROSTER, {"monitoring": rows})
        assert leads(ctx, "L01") == [(rows[0]["name"], "低")]
        evidence = low_income_monitored(ctx)[0].evidence
        assert said in evidence and "名单没有本户成员的身份证号" not in evidence


def test_l01_a_masked_id_beside_an_enrolled_namesake_with_the_digits_shown_says_so():
    # held-out 320: 施生琴 on the 低保 roster, her monitoring row's ID masked 6+4 (no birth date to link by): the lead
    # said her household's only member was on no roster
    from rostercheck.rules.l_coverage import low_income_monitored

    ctx = context(ROSTER, {"monitoring": mon("张在册", COVERED[:6] + "********" + COVERED[-4:], income="3000")})
    assert leads(ctx, "L01") == [("张在册", "低")]
    evidence = low_income_monitored(ctx)[0].evidence
    assert "不在低保、特困花名册中" not in evidence
    assert "花名册中有姓名相同、身份证号露出的几位也相同的张在册（低保" in evidence and "可能就是此人、已在册" in evidence
    # another name, or other trailing digits: nobody named
    other = COVERED[:6] + "********" + ("0000" if COVERED[-4:] != "0000" else "1111")
    for rows in (mon("张别人", COVERED[:6] + "********" + COVERED[-4:], income="3000"), mon("张在册", other, income="3000")):
        evidence = low_income_monitored(context(ROSTER, {"monitoring": rows}))[0].evidence
        assert "可能就是此人" not in evidence and "本户唯一已知成员不在低保、特困花名册中" in evidence


@pytest.mark.parametrize("former, died_as, expected", [
    # held-out 366: the deaths list names the only member by the former ID the registry keeps beside his current one
    (make_id("19700601", 33), make_id("19700601", 33), []),
    # … a death under some other number is nobody's here
    (make_id("19700601", 33), make_id("19700701", 35), [("王低收", "高")]),
    ("", make_id("19700601", 33), [("王低收", "高")]),
])
def test_l01_a_death_under_the_former_id_the_registry_keeps(former, died_as, expected):
    registry = [{"household_no": "9", "name": "王低收", "id": A, "relation": "户主", "former_id": former}]
    deaths = [{"name": "王低收", "id": died_as, "date": "2026-06-11"}]
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, income="1500"), "registry": registry, "deaths": deaths})
    assert leads(ctx, "L01") == expected


@pytest.mark.parametrize("former, listed_as, expected", [
    # held-out 366: the monitoring list names the enrolled wife by the former ID the registry keeps beside her current
    # one (the roster's): the household is covered
    (make_id("19620701", 24), make_id("19620701", 24), []),
    # … no such former ID in the registry: an unknown person, the household not covered
    ("", make_id("19620701", 24), [("王低收", "高")]),
])
def test_l01_a_member_listed_by_the_former_id_the_registry_keeps_is_the_enrolled_one(former, listed_as, expected):
    registry = [{"household_no": "5", "name": "李在册", "id": COVERED_WIFE, "relation": "户主", "former_id": former}]
    rows = mon("王低收", A, [("李在册", "妻", listed_as)], income="1500")
    assert leads(context(ROSTER, {"monitoring": rows, "registry": registry}), "L01") == expected


def test_l01_a_lead_found_through_a_former_id_says_the_number_the_list_holds():
    # held-out 366: the lead gives his current ID (the registry's); the clerk looks for the list's row by the one it holds
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS, former_ids_said

    load_all()
    old = make_id("19700601", 33)
    registry = [{"household_no": "9", "name": "王低收", "id": A, "relation": "户主", "former_id": old}]
    ctx = context(ROSTER, {"monitoring": mon("王低收", old, income="1500"), "registry": registry})
    found = LEADS["L01"](ctx)
    former_ids_said(ctx, found)
    (lead,) = found
    assert lead.person["id"] == A and lead.evidence.endswith(f"王低收（{old} 是其曾用身份证号），已按现身份证号比对")


@pytest.mark.parametrize("drop, said, unsaid", [
    ((), "监测类型“边缘易致贫户”，风险未消除（原表填“未消除”），家庭人均月收入 300.00 元", ""),
    # held-out 390: a 低保边缘家庭 list (no 监测类型, no 风险 column) read as the monitoring list: nothing said of either
    (("monitor_type", "risk"), "第 2 行：家庭人均月收入 300.00 元", "风险"),
    (("risk",), "监测类型“边缘易致贫户”，家庭人均月收入 300.00 元", "风险"),
])
def test_l01_says_no_risk_nor_type_a_list_has_no_column_for(drop, said, unsaid):
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    rows = [{k: v for k, v in r.items() if k not in drop} for r in mon("王低收", A, income="3600")]
    ctx = context(ROSTER, {"monitoring": rows})
    load_all()
    (found,) = LEADS["L01"](ctx)
    assert said in found.evidence and (not unsaid or unsaid not in found.evidence), found.evidence


def _split(no: str, head: str, head_id: str, members, income: str = "3000", risk: str = "未消除", village: str = "东村"):
    """A system export's 监测户 sheet row (户编号, head, income, risk) and its 家庭成员 sheet rows (户编号, own IDs only)."""
    rows = [{"household_no": no, "head_name": head, "head_id": head_id, "monitor_type": "边缘易致贫户",
             "income_year": income, "risk": risk, "township": "城关镇", "village": "东村"}]
    return rows + [{"household_no": no, "name": n, "id": i, "relation": r, "village": village} for n, r, i in members]


@pytest.mark.parametrize("rows, expected", [
    # must flag, once: the members sheet's wife is the head's household, not a second one with no income (a 低 lead)
    (_split("H01", "王分表", A, [("赵分表", "妻", B)]), [("王分表", "高")]),
    # must not flag: the wife on the members sheet is enrolled (the head's sheet alone did not show it)
    (_split("H01", "王分表", A, [("李在册", "妻", COVERED_WIFE)]), []),
    # must not flag: income above the standard, or risk eliminated, on the head's sheet; the members add nothing
    (_split("H01", "王分表", A, [("赵分表", "妻", B)], income="7200"), []),
    (_split("H01", "王分表", A, [("赵分表", "妻", B)], risk="已消除"), []),
    # left apart: the member's row names another village than the head's under the same 户编号
    (_split("H01", "王分表", A, [("赵分表", "妻", B)], village="西村"), [("赵分表", "低"), ("王分表", "高")]),
    # left apart: two heads share the 户编号
    (_split("H01", "王分表", A, [("赵分表", "妻", B)]) + _split("H01", "钱分表", make_id("19750101", 51), [])[:1],
     [("王分表", "高"), ("赵分表", "低"), ("钱分表", "高")]),
])
def test_l01_a_members_sheet_joined_to_its_heads_sheet_by_household_number(rows, expected):
    # held-out 422: 监测户 and 家庭成员 sheets keyed by 户编号 made two households, a 低 lead for the members and the
    # enrolled wife unseen from the head's sheet
    assert leads(context(ROSTER, {"monitoring": rows}), "L01") == sorted(expected)


@pytest.mark.parametrize("risk, expected, said", [
    # must flag at 高 (250 元/月, half the standard or less): a household fallen back into poverty is monitored, risk open
    ("返贫致贫", [("王返贫", "高")], False), ("已返贫", [("王返贫", "高")], False), ("已致贫", [("王返贫", "高")], False),
    # must not flag: the cell also says the risk is eliminated
    ("返贫致贫风险已消除", [], False),
    # unchanged: a word no list reads is still counted open at 中 and said
    ("待观察", [("王返贫", "中")], True),
])
def test_l01_a_relapse_status_is_an_open_risk(risk, expected, said):
    # held-out 422: a 监测状态 of 返贫致贫 read as a code no word reads (counted open, never 高, and a notice asking for words)
    from rostercheck.rules._vocab import value_warnings

    ctx = context(ROSTER, {"monitoring": mon("王返贫", A, [("赵返贫", "妻", B)], income="3000", risk=risk)},
                  headers={"monitoring": {"risk": "监测状态"}})
    assert leads(ctx, "L01") == expected
    assert bool([w for w in value_warnings(ctx, kinds=("monitoring",)) if "risk_open_words" in w]) == said


@pytest.mark.parametrize("header, income, expected", [
    # must flag at 中 (not 高): 人均收入 with no period, figures of a month (400 < 516), not 400 / 12 = 33
    ("人均收入（元）", "400", [("王某月", "中")]),
    # must not flag: 980 a month is above the standard (read as a year's it was 82 元/月, a 高 lead)
    ("人均收入（元）", "980", []),
    ("人均纯收入", "980", []),
    # unchanged: a bare label over a year's figures (4,800 / 12 = 400), a label naming the year over small figures
    ("人均纯收入（元）", "4800", [("王某月", "中")]),
    ("家庭年人均纯收入", "1200", [("王某月", "高")]),
    ("月人均收入", "400", [("王某月", "中")]),
])
def test_l01_a_per_person_income_named_with_no_period_is_read_by_its_figures(header, income, expected):
    # held-out 422: a 补充名单's 人均收入（元） of 700 and 980 a month read as a year's: 58 and 82 元/月, 高 leads
    fld = "income_month" if header.startswith("月") else "income_year"
    rows = mon("王某月", A, [("赵某月", "妻", B), ("王小月", "子", make_id("20100101", 13))], income="", **{fld: income})
    ctx = context(ROSTER, {"monitoring": rows}, headers={"monitoring": {fld: header}})
    assert leads(ctx, "L01") == expected


def test_l01_a_sheets_bare_income_is_judged_on_its_own_sheet(tmp_path):
    # held-out 422: the 监测户 sheet's 家庭年人均纯收入 (a year's) and the 补充名单's 人均收入 (a month's) in one workbook
    import datetime as dt

    import openpyxl

    from rostercheck.coverage import coverage

    roster = tmp_path / "低保.csv"
    roster.write_text(f"姓名,身份证号,与户主关系,户主身份证号\n张在册,{COVERED},户主,{COVERED}\n", encoding="utf-8")
    C, D = make_id("19780101", 53), make_id("19770101", 71)
    book = openpyxl.Workbook()
    first = book.active
    first.title = "监测户"
    first.append(["乡镇", "村", "户主姓名", "身份证号", "监测类型", "家庭年人均纯收入（元）", "风险是否消除"])
    first.append(["桃洪镇", "东村", "王年收", A, "边缘易致贫户", 4200, "否"])
    first.append(["桃洪镇", "东村", "钱年收", B, "边缘易致贫户", 7200, "否"])
    second = book.create_sheet("补充名单")
    second.append(["乡镇", "村", "户主姓名", "身份证号", "监测类型", "人均收入（元）", "风险是否消除"])
    second.append(["桃洪镇", "西村", "孙月收", C, "边缘易致贫户", 420, "否"])
    second.append(["桃洪镇", "西村", "李月收", D, "边缘易致贫户", 980, "否"])
    second.append(["桃洪镇", "西村", "周月收", make_id("19790101", 91), "边缘易致贫户", 760, "否"])
    book.save(tmp_path / "防返贫监测对象.xlsx")
    result = coverage([roster], {"monitoring": tmp_path / "防返贫监测对象.xlsx"}, dt.date(2026, 9, 30), codes=["L01"])
    got = sorted((r["姓名"], r["优先级"]) for r in result.leads.to_dict("records"))
    assert got == [("孙月收", "中"), ("王年收", "中")]
    assert any("“人均收入（元）”没有写明是年收入还是月收入" in w and "补充名单" in w for w in result.warnings)


def _with_masked_deaths(ctx, code):
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS, masked_deaths_said

    load_all()
    found = LEADS[code](ctx)
    masked_deaths_said(ctx, found)
    return sorted((ld.person["name"], ld.priority) for ld in found), found


LONE = make_id("19450809", 244)


@pytest.mark.parametrize("deaths, expected", [
    # must lower to 低 (and say): the deaths list names a 马强德 whose masked ID shows this one's region and last digits
    ([{"name": "马强德", "id": LONE[:6] + "********" + LONE[-4:], "date": "2026-05-14"}], [("马强德", "低")]),
    # must not lower: a namesake whose masked ID shows other digits; another name with these digits; a later death
    ([{"name": "马强德", "id": "431102********" + LONE[-4:], "date": "2026-05-14"}], [("马强德", "高")]),
    ([{"name": "马强", "id": LONE[:6] + "********" + LONE[-4:], "date": "2026-05-14"}], [("马强德", "高")]),
    ([{"name": "马强德", "id": LONE[:6] + "********" + LONE[-4:], "date": "2026-12-01"}], [("马强德", "高")]),
])
def test_l01_a_masked_death_of_the_same_name_and_digits_lowers_the_lead(deaths, expected):
    # held-out 422: a dead lone elder named on the deaths list as 431126********2443 was an L01 高 lead
    ctx = context(ROSTER, {"monitoring": mon("马强德", LONE, income="2400"), "deaths": deaths})
    got, found = _with_masked_deaths(ctx, "L01")
    assert got == expected
    if expected[0][1] == "低":
        assert "可能已去世" in found[0].evidence and "优先级高" not in found[0].evidence


def test_l01_a_masked_death_of_one_member_is_said_and_keeps_the_priority():
    wife = make_id("19480101", 262)
    ctx = context(ROSTER, {"monitoring": mon("马强德", LONE, [("韩秀", "妻", wife)], income="2400"),
                           "deaths": [{"name": "韩秀", "id": wife[:6] + "********" + wife[-4:], "date": "2026-05-14"}]})
    got, found = _with_masked_deaths(ctx, "L01")
    assert got == [("马强德", "高")] and "其中韩秀：" in found[0].evidence


def _same_tail(pid: str) -> str:
    """Another valid ID of the same region and last four characters (another birth date, the same sequence)."""
    for day in range(1, 29):
        other = make_id(f"{int(pid[6:10]) + 1}01{day:02d}", int(pid[14:17]), pid[:6])
        if other[-4:] == pid[-4:]:
            return other
    raise AssertionError("no such ID")


SHOWN = A[:4] + "*" * 10 + A[-4:]  # 4305**********1234: region's first digits and the last four, as on a public list
A_TWIN = _same_tail(A)


def _reg(name: str, pid: str, village: str = "东村", no: str = "7") -> dict:
    return {"household_no": no, "name": name, "id": pid, "relation": "户主", "township": "城关镇", "village": village}


@pytest.mark.parametrize("registry, expected", [
    # must resolve (中, not 低): the one 王遮挡 the registry knows, in the row's village, his ID showing the digits
    ([_reg("王遮挡", A)], [("王遮挡", "中")]),
    # … his 户 holding a roster member: the household is covered, no lead
    ([_reg("王遮挡", A, no="8"), {**_reg("张在册", COVERED, no="8"), "relation": "父亲"}], []),
    # must not resolve (低 as before): the registry's 王遮挡 lives in another village
    ([_reg("王遮挡", A, village="西村")], [("王遮挡", "低")]),
    # … two 王遮挡 whose IDs both show the digits
    ([_reg("王遮挡", A), _reg("王遮挡", A_TWIN, no="9")], [("王遮挡", "低")]),
    # … the person whose ID shows the digits has another name; or shows other digits
    ([_reg("王别人", A)], [("王遮挡", "低")]),
    ([_reg("王遮挡", B)], [("王遮挡", "低")]),
])
def test_l01_a_masked_head_the_registry_resolves(registry, expected):
    # h429: a monitoring list masked as a public list (4305**********1234) left the household 低 though the registry
    # named its head: same name, same village, the digits shown agreeing, one such person
    from rostercheck.rules.l_coverage import low_income_monitored

    ctx = context(ROSTER, {"monitoring": mon("王遮挡", SHOWN, income="3000"), "registry": registry})
    assert leads(ctx, "L01") == expected
    if expected == [("王遮挡", "中")]:
        (lead,) = low_income_monitored(ctx)
        assert lead.confidence == "中" and "不是按完整身份证号确认的" in lead.evidence and "优先级高" not in lead.evidence
        assert "是否已在册无法按身份证号确认" not in lead.evidence


def test_l01_a_masked_head_on_member_rows_stays_one_household():
    # h429: one row per member, the 户主身份证号 masked on every row, the son's own ID whole: the head's row resolved
    # through the registry and the son's row (head named by the masked ID only) made two L01 leads
    rows = [{**row, "head_id": SHOWN} for row in mon("王遮挡", SHOWN, [("王儿", "子", B)], income="3000")]
    registry = [_reg("王遮挡", A), {**_reg("王儿", B), "relation": "子"}]
    assert leads(context(ROSTER, {"monitoring": rows, "registry": registry}), "L01") == [("王遮挡", "中")]


@pytest.mark.parametrize("son_home, expected", [
    # must resolve: of two 王遮挡 in the village whose IDs show the digits, the one in the son's registry 户
    ("7", [("王遮挡", "中")]),
    # must not: the son's 户 holds neither of them
    ("5", [("王遮挡", "低")]),
])
def test_l01_a_masked_head_with_a_namesake_is_resolved_by_his_members_registry_household(son_home, expected):
    # h422's left-over: the registry household of the members' whole IDs could tell the two namesakes apart
    rows = [{**row, "head_id": SHOWN} for row in mon("王遮挡", SHOWN, [("王儿", "子", B)], income="3000")]
    registry = [_reg("王遮挡", A), _reg("王遮挡", A_TWIN, no="9"), {**_reg("王儿", B, no=son_home), "relation": "子"}]
    assert leads(context(ROSTER, {"monitoring": rows, "registry": registry}), "L01") == expected


@pytest.mark.parametrize("risk, risk_date, expected", [
    # must lower to 低: no status, only a 风险消除日期 after the review date (eliminated since, not on the review date)
    ("", "2026-11-15", [("王日期", "低")]),
    ("", "2026年11月15日", [("王日期", "低")]),
    # must not lower: the status says the risk is open beside the later date; no date at all
    ("未消除", "2026-11-15", [("王日期", "高")]),
    ("", "", [("王日期", "高")]),
    # must not flag: the date is on or before the review date
    ("", "2026-09-30", []),
])
def test_l01_a_risk_date_alone_after_the_review_date(risk, risk_date, expected):
    # h429: a list with a 风险消除日期 column and no status column: a household eliminated 2026-11-15 was an L01 高
    from rostercheck.rules.l_coverage import low_income_monitored

    ctx = context(ROSTER, {"monitoring": mon("王日期", A, income="2400", risk=risk, risk_date=risk_date)})
    assert leads(ctx, "L01") == expected
    if expected == [("王日期", "低")]:
        assert "名单未写风险是否消除，只填了风险消除日期 2026-11-15" in low_income_monitored(ctx)[0].evidence


@pytest.mark.parametrize("relation, expected", [
    # h446: a 集体户 (or a lodger): the 低保 man registered under her 户号 as 非亲属 does not cover her household
    ("非亲属", [("王孤老", "高")]),
    ("99", [("王孤老", "高")]),
    ("集体户成员", [("王孤老", "高")]),
    # must not flag: a son on the roster covers his mother's household
    ("子", []),
    ("20", []),
])
def test_l01_a_non_relative_under_the_same_household_number_does_not_cover_it(relation, expected):
    registry = [{"household_no": "9", "name": "王孤老", "id": A, "relation": "户主"},
                {"household_no": "9", "name": "张在册", "id": COVERED, "relation": relation}]
    ctx = context(ROSTER, {"monitoring": mon("王孤老", A, income="3000"), "registry": registry})
    assert leads(ctx, "L01") == expected
    # … nor the other way round: a lodger monitored in an enrolled household's 户号 is a household of her own
    registry = [{"household_no": "9", "name": "张在册", "id": COVERED, "relation": "户主"},
                {"household_no": "9", "name": "王孤老", "id": A, "relation": relation}]
    ctx = context(ROSTER, {"monitoring": mon("王孤老", A, income="3000"), "registry": registry})
    assert leads(ctx, "L01") == expected


def test_l01_a_date_in_the_risk_cell_is_said_as_such():
    # (held-out 457) a 风险是否消除 cell holding a date after the review date: a 低 lead saying where the date stood
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    (lead,) = LEADS["L01"](context(ROSTER, {"monitoring": mon("王日期", A, risk="2026-11-15")}))
    assert lead.priority == "低" and "风险状态一栏填的是日期 2026-11-15" in lead.evidence
