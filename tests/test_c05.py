"""C05: an active business that employs others, run by a member."""

import pytest
from helpers import context, flagged, household, make_id

from rostercheck.audit import run_checks

HEAD = make_id("19700101", 111)


def biz(kind, employees, status):
    return {"entity": "清河县宏盛建材有限责任公司", "entity_type": kind, "name": "张三", "id": HEAD,
            "premises": "城关镇解放路 3 号", "employees": employees, "status": status}


def run(row):
    return flagged(context(household("张三", HEAD), {"businesses": [row]}), "C05")


@pytest.mark.parametrize("kind,employees,status", [
    ("有限责任公司", 8, "存续"), ("农民专业合作社", 5, "在业"), ("有限责任公司", 2, "在业"), ("个体工商户", 3, "开业"),
    ("个体工商户", 4, "存续（在营、开业、在册）"),
])
def test_active_business_with_employees_is_flagged(kind, employees, status):
    assert run(biz(kind, employees, status)) == [("张三", "高")]


@pytest.mark.parametrize("kind,employees,status", [
    ("有限责任公司", 6, "注销"), ("农民专业合作社", 3, "吊销"), ("个体工商户", 2, "注销"), ("有限责任公司", 5, "吊销，未注销"),
    ("有限责任公司", 5, "撤销"), ("有限责任公司", 5, ""), ("个体工商户", 1, "存续"), ("有限责任公司", None, "存续"),
])
def test_closed_or_one_person_businesses_are_not_flagged(kind, employees, status):
    assert run(biz(kind, employees, status)) == []


def test_namesake_operator_is_not_flagged():
    row = biz("有限责任公司", 8, "存续")
    row["id"] = make_id("19700101", 113)
    assert run(row) == []


def test_unknown_business_status_is_not_active_and_is_reported():
    from rostercheck.rules._vocab import value_warnings

    ctx = context(household("张三", HEAD), {"businesses": [biz("有限责任公司", 8, "9")]})
    assert flagged(ctx, "C05") == []
    assert any("“登记状态”列有 1 行" in w for w in value_warnings(ctx))


@pytest.mark.parametrize("statuses, said", [(["9", "3"], "《市场主体登记信息（businesses.xlsx）》“登记状态”列的 2 个值都未能识别（见运行提示）"),
                                             (["9", "存续"], None), (["", ""], None)])
def test_c05_is_said_not_checked_when_no_business_status_could_be_read(statuses, said):
    # held-out 210: none of the 5 rows' 登记状态 (codes 1/2/3) could be read, and 核查范围 said "C05 已核查，未发现问题"
    rows = [biz("有限责任公司", 8, status) for status in statuses]
    _, why = run_checks(context(household("张三", HEAD), {"businesses": rows}), ["C05"])
    assert why.get("C05") == said


# h389: 登记状态 as bare codes with no legend (1 存续 2 吊销 3 注销): the code two thirds of the list's rows hold (five or
# more) is its businesses in operation, C05 at most 中 and C05 checked; another code, no bulk, or too few rows: as before.
OTHERS = [make_id(f"19{60 + i}0101", 411 + 2 * i) for i in range(6)]


@pytest.mark.parametrize("others, status, found, said", [
    (["1", "1", "1", "1", "1"], "1", [("张三", "中")], None),
    (["1", "1", "1", "1", "1"], "3", [], None),
    (["1", "2", "3", "1", "2"], "1", [], "《市场主体登记信息（businesses.xlsx）》“登记状态”列的 6 个值都未能识别（见运行提示）"),
    (["1", "1"], "1", [], "《市场主体登记信息（businesses.xlsx）》“登记状态”列的 3 个值都未能识别（见运行提示）"),
    (["1", "1", "1", "1", "1"], "存续", [("张三", "高")], None),
])
def test_a_status_code_most_of_the_list_holds_is_in_operation_at_medium(others, status, found, said):
    rows = [{**biz("个体工商户", 1, s), "name": f"王{i}", "id": OTHERS[i]} for i, s in enumerate(others)]
    ctx = context(household("张三", HEAD), {"businesses": rows + [biz("有限责任公司", 8, status)]})
    assert flagged(ctx, "C05") == found
    findings, why = run_checks(ctx, ["C05"])
    assert why.get("C05") == said
    if found == [("张三", "中")]:
        assert "登记状态“1”未能识别，名单中多数记录是这一代码，按在业计" in findings[0].evidence


@pytest.mark.parametrize("status", ["迁出", "清算", "停业", "撤销登记"])
def test_moved_out_or_closing_businesses_are_not_flagged(status):
    assert run(biz("有限责任公司", 8, status)) == []


def test_an_operators_id_beside_an_empty_legal_representative_is_the_persons():
    # a 个体工商户 names its 经营者; the list's 法定代表人 columns are for companies and stay blank on its row
    row = {**biz("个体工商户", 3, "在业"), "name": "", "id": "", "operator_name": "张三", "operator_id": HEAD}
    ctx = context(household("张三", HEAD), {"businesses": [row]})
    assert flagged(ctx, "C05") == [("张三", "高")] and "张三 经营" in run_checks(ctx, ["C05"])[0][0].evidence


INVESTOR = make_id("19720303", 133)


@pytest.mark.parametrize("rep, investor, expected", [
    (("赵六", make_id("19650505", 151)), ("张三", HEAD), [("张三", "中")]),  # the member is the investor, another runs it
    (("", ""), ("张三", HEAD), [("张三", "高")]),  # only the investor named
    (("张三", HEAD), ("张三", HEAD), [("张三", "高")]),  # the same person in both: one finding
    (("赵六", make_id("19650505", 151)), ("张三", INVESTOR), []),  # a namesake investor
])
def test_an_investor_named_beside_the_legal_representative_is_a_person_of_the_business(rep, investor, expected):
    row = {**biz("农民专业合作社", 6, "存续"), "name": rep[0], "id": rep[1], "investor_name": investor[0],
           "investor_id": investor[1]}
    assert run(row) == expected


def test_an_operators_name_beside_a_bare_id_column_names_the_person():
    # 主体名称, 经营者, 证件号码: the only ID column is the operator's, the name stands under 经营者
    row = {**biz("个体工商户", 3, "在业"), "name": "", "operator_name": "张三"}
    ctx = context(household("张三", HEAD), {"businesses": [row]})
    assert flagged(ctx, "C05") == [("张三", "高")] and "张三 经营" in run_checks(ctx, ["C05"])[0][0].evidence


def test_the_evidence_gives_a_head_count_as_a_whole_number():
    # held-out 110: '从业人数 3.00' (a count read into a column with blanks)
    rows = [biz("个体工商户", 3, "存续"), {**biz("个体工商户", None, "存续"), "entity": "另一家", "id": make_id("19710101", 121)}]
    found, _ = run_checks(context(household("张三", HEAD), {"businesses": rows}), ["C05"])
    assert "从业人数 3，" in found[0].evidence and "3.00" not in found[0].evidence


@pytest.mark.parametrize("rep, extra, headers, said, conf", [
    (("赵六", make_id("19650505", 151)), {"subscribed": "30"}, {"subscribed": "认缴出资额（万元）"},
     "张三 为该主体投资人（股东），认缴出资 30万元，法定代表人 赵六；", "中"),
    (("赵六", make_id("19650505", 151)), {}, {}, "张三 为该主体投资人（股东），法定代表人 赵六；", "中"),
    (("", ""), {}, {}, "张三 为该主体投资人（股东）；", "高"),  # only the investor named
])
def test_an_investors_evidence_says_he_is_an_investor(rep, extra, headers, said, conf):
    # held-out 169: a member named only as 投资人（股东） was said to 经营在业市场主体并雇用他人; an investor counts as a
    # person of the business (C05.toml), at 中 beside a 法定代表人 who is another (held-out 273: a shareholder of a
    # company of 25, C05 高: whether he takes part is to be seen)
    row = {**biz("有限责任公司", 6, "存续"), "name": rep[0], "id": rep[1], "investor_name": "张三", "investor_id": HEAD,
           **extra}
    ctx = context(household("张三", HEAD), {"businesses": [row]}, headers={"businesses": headers})
    found, _ = run_checks(ctx, ["C05"])
    assert [(f.confidence, said in f.evidence, "经营在业市场主体" in f.evidence) for f in found] == [(conf, True, False)]
    assert ("非法定代表人，是否参与经营请核实" in found[0].evidence) == (conf == "中")


@pytest.mark.parametrize("dates, flagged_as", [({"start": "2026-11-02"}, []), ({"start": "20261009"}, []),
                                               ({"start": "2019-01-01"}, [("张三", "高")]),
                                               ({"end": "2026-03-01", "status": ""}, [])])
def test_a_business_set_up_after_or_closed_before_the_review_date_is_not_counted(dates, flagged_as):
    # held-out 198: 成立日期 2026-11-02 (after the review date 2026-09-30) was C05 高
    assert run({**biz("有限责任公司", 4, "存续"), **dates}) == flagged_as


@pytest.mark.parametrize("status, found", [("1", [("张三", "高")]), ("2", []), ("3", [])])
def test_a_registration_status_code_its_header_explains_is_read(tmp_path, status, found):
    # held-out 210: 登记状态（1存续 2吊销 3注销）: both C05 cases missed (1 unread)
    path = tmp_path / "市场主体.csv"
    path.write_text("主体名称,法定代表人（经营者）,证件号码,从业人数,登记状态（1.存续 2.吊销 3.注销）\n"
                    f"兴国县张三商行,张三,{HEAD},6,{status}\n", encoding="utf-8")
    assert flagged(context(household("张三", HEAD), files={"businesses": path}), "C05") == found


# --- end dates without a status column, and several end-date columns (held-out 223) ---------------------------------

ENDS = {"end": "注销日期", "end_2": "吊销日期"}


def unstated(**dates):
    return {**{k: v for k, v in biz("有限责任公司", 6, "").items() if k != "status"}, **dates}


@pytest.mark.parametrize("row, found", [
    (unstated(end=None, end_2=None), [("高", "按注销日期、吊销日期为空计为在业")]),
    (unstated(end="2026-12-01", end_2=None), [("高", "注销日期 2026-12-01")]),
    (unstated(end="2026-03-01", end_2=None), []),
    (unstated(end=None, end_2="2025.11.30"), []),  # the 吊销日期 read too
    ({**biz("有限责任公司", 6, "存续"), "end": None, "end_2": "2025.11.30"},
     # (held-out 230: 中 still decided an application's verdict; the date is the registry's record of the change)
     [("低", "吊销日期 2025-11-30（但吊销日期 2025-11-30 早于核查基准日 2026-09-30，与状态不符")]),
])
def test_a_business_list_without_status_goes_by_its_end_dates_and_reads_each(row, found):
    # held-out 223: a list with 注销日期 and 吊销日期 but no 登记状态 found nothing (3 cases missed); with both dates, the
    # 吊销日期 was left unread and a business 吊销 2025.11.30 but 存续 was C05 高
    ctx = context(household("张三", HEAD), {"businesses": [row]}, headers={"businesses": ENDS})
    findings, why = run_checks(ctx, ["C05"])
    assert [(f.confidence, said in f.evidence) for f, (_, said) in zip(findings, found)] == [(c, True) for c, _ in found]
    assert len(findings) == len(found) and "C05" not in why


@pytest.mark.parametrize("status, end, found", [
    ("注销", "2026-10-22", [("高", "登记状态 注销，但注销日期 2026-10-22 在核查基准日之后：核查基准日时仍在业")]),
    ("吊销", "2026-12-01", [("高", "登记状态 吊销，但注销日期 2026-12-01 在核查基准日之后")]),
    ("注销", "2026-08-22", []), ("注销", None, []),
])
def test_a_closed_status_beside_a_closing_date_after_the_review_date_is_still_in_operation(status, end, found):
    # held-out 228: a list exported after the quarter, 登记状态 注销 with 注销日期 2026-10-22 found nothing: the status word
    # overrode the row's own date of the change
    ctx = context(household("张三", HEAD), {"businesses": [{**biz("个体工商户", 4, status), "end": end}]},
                  headers={"businesses": {"end": "注销日期"}})
    findings, _ = run_checks(ctx, ["C05"])
    assert [(f.confidence, said in f.evidence) for f, (_, said) in zip(findings, found)] == [(c, True) for c, _ in found]
    assert len(findings) == len(found)


def test_c05_is_said_not_checked_on_a_list_with_neither_status_nor_end_dates():
    # held-out 223: needs_columns promised 未核查 for a status column not read; a missing one said 未发现问题
    rows = [{k: v for k, v in biz("有限责任公司", 6, "").items() if k != "status"}]
    _, why = run_checks(context(household("张三", HEAD), {"businesses": rows}), ["C05"])
    assert why.get("C05") == "《市场主体登记信息（businesses.xlsx）》没有“登记状态”列，也没有注销（吊销）日期列"


def test_every_end_date_column_of_a_business_list_is_read_without_a_tie():
    # held-out 223: "第 8 列'注销日期'和第 9 列'吊销日期'都像是截止日期列，已按第 8 列读取"
    from rostercheck.io.columns import assign_columns

    labels = ["主体名称", "法定代表人", "身份证号", "从业人数", "成立日期", "注销日期", "吊销日期", "登记状态"]
    found = assign_columns(labels, "businesses")
    assert (found.mapping["end"], found.mapping["end_2"], found.warnings) == (5, 6, [])


@pytest.mark.parametrize("status, found", [("1", [("张三", "高")]), ("01", [("张三", "高")]), ("11", []), ("21", [])])
def test_a_configured_status_code_is_a_whole_cell(status, found):
    # held-out 278: active_statuses = ["1"] read 11 (注销) as in business too
    ctx = context(household("张三", HEAD), {"businesses": [biz("有限责任公司", 8, status)]})
    ctx.specs["C05"].params["active_statuses"] = ["存续", "1"]
    assert flagged(ctx, "C05") == found


@pytest.mark.parametrize("status, found", [("1", [("张三", "高")]), ("2", []), ("3", [])])
def test_a_registration_status_code_a_legend_row_under_the_header_explains_is_read(tmp_path, status, found):
    # held-out 360: a market-regulation export's legend row '1-存续 2-吊销 3-注销' right under its header was unread:
    # every status unread, the active business with six employees missed
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "联络员姓名", "主体名称", "法定代表人", "证件号码", "从业人数", "登记状态"])
    sheet.append([None, None, None, None, None, None, "1-存续 2-吊销 3-注销"])
    sheet.append([1, "李四", "兴国县张三商行", "张三", HEAD, 6, status])
    path = tmp_path / "市场主体.xlsx"
    book.save(path)
    assert flagged(context(household("张三", HEAD), files={"businesses": path}), "C05") == found


# h473: one finding per person and code for the businesses she runs (a person running three businesses was three C05
# rows for one home visit); two people, or one business listed twice, stay as they were
def _found(rows):
    ctx = context(household("张三", HEAD, [("李梅", "配偶", make_id("19720202", 122))]), {"businesses": rows})
    findings, _ = run_checks(ctx, ["C05"])
    found = [(ctx.members.at[f.member, "name"], f.confidence, f.source_row) for f in findings]
    return found, [f.evidence for f in findings]


@pytest.mark.parametrize("rows, expected, said", [
    # must join
    ([biz("有限责任公司", 8, "存续"), {**biz("有限责任公司", 5, "存续"), "entity": "清河县宏盛运输有限公司"}],
     [("张三", "高", "2、3")], "本人经营雇用他人的在业市场主体共 2 个（清河县宏盛建材有限责任公司、清河县宏盛运输有限公司）"),
    # must not join
    ([biz("有限责任公司", 8, "存续"), {**biz("有限责任公司", 5, "存续"), "name": "李梅", "id": make_id("19720202", 122)}],
     [("张三", "高", "2"), ("李梅", "高", "3")], ""),
    ([biz("有限责任公司", 8, "存续"), biz("有限责任公司", 8, "存续")], [("张三", "高", "2"), ("张三", "高", "3")], ""),
])
def test_a_persons_businesses_are_one_finding(rows, expected, said):
    found, texts = _found(rows)
    assert found == expected
    assert (said in texts[0]) if said else not any("合为一条" in t for t in texts), texts
