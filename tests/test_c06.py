"""C06: wages per person in the household above the standard."""

from pathlib import Path

import pytest

from helpers import context, flagged, flagged_names, household, make_id
from rostercheck.audit import run_checks

HEAD = make_id("19750101", 111)
WIFE = make_id("19770202", 122)
KIDS = [make_id(f"201{i}0505", 130 + i) for i in range(1, 4)]
MONTHS = ("2026-07", "2026-08", "2026-09")


def wage_rows(name, pid, amounts, unit="清河县宏达建材有限公司"):
    return [{"name": name, "id": pid, "employer": unit, "wage": a, "month": m} for m, a in zip(MONTHS, amounts)]


def family(n_kids=1, **extra):
    kids = [(f"张{i}", "子女", KIDS[i]) for i in range(n_kids)]
    return household("张三", HEAD, [("李梅", "配偶", WIFE), *kids], **extra)


def evidence(ctx):
    findings, _ = run_checks(ctx, ["C06"])
    return [f.evidence for f in findings]


# must flag
def test_wages_over_rural_standard_name_the_months():
    ctx = context(family(), {"wages": wage_rows("张三", HEAD, [3500, 3600, 3400])})
    assert flagged(ctx, "C06") == [("张三", "高")]
    text = evidence(ctx)[0]
    assert "2026-07、2026-08、2026-09，共 3 个月" in text
    assert "月均 3,500.00 元 ÷ 家庭人口 3 = 1,166.67 元/人·月 > 农村标准 516 元" in text


def test_the_evidence_names_the_sheet_of_a_workbook_the_wages_came_from():
    # held-out 101: 人社数据.xlsx (sheets 养老金, 缴费工资): "第 2 行" sent the clerk to the pension sheet's row 2
    ctx = context(family(), {"wages": wage_rows("张三", HEAD, [3500, 3600, 3400])})
    ctx.lists["wages"]["_sheet"] = "缴费工资"
    assert evidence(ctx)[0].startswith(f"《{ctx.labels['wages']}》工作表“缴费工资”第 2、3、4 行：")


def test_two_earners_are_added_for_an_urban_household():
    rows = household("张三", HEAD, [("李梅", "配偶", WIFE)], area_type="城市")
    lists = {"wages": wage_rows("张三", HEAD, [1200] * 3) + wage_rows("李梅", WIFE, [800] * 3)}
    assert flagged_names(context(rows, lists), "C06") == {"张三", "李梅"}
    assert "合计 2,000.00 元/月 ÷ 家庭人口 2 = 1,000.00 元/人·月 > 城市标准 716 元" in evidence(context(rows, lists))[0]


def test_a_month_without_wages_lowers_the_average():
    lists = {"wages": wage_rows("张三", HEAD, [1800, 1800, 1800]) + wage_rows("李梅", WIFE, [900])}
    # 1800 + 900 / 3 = 2100 / 3 persons = 700 > 516
    assert flagged_names(context(family(), lists), "C06") == {"张三", "李梅"}
    assert "李梅（清河县宏达建材有限公司）月均 300.00 元" in evidence(context(family(), lists))[0]


# must not flag
def test_low_wages_shared_by_many_are_not_flagged():
    assert flagged(context(family(3), {"wages": wage_rows("张三", HEAD, [1900] * 3)}), "C06") == []


def test_urban_household_under_its_own_standard_is_not_flagged():
    lists = {"wages": wage_rows("张三", HEAD, [1800] * 3)}
    assert flagged(context(family(area_type="城市"), lists), "C06") == []
    assert flagged_names(context(family(area_type="农村"), lists), "C06") == {"张三"}


def test_namesake_with_other_id_is_not_flagged():
    other = make_id("19750101", 113)
    assert flagged(context(family(), {"wages": wage_rows("张三", other, [5000] * 3)}), "C06") == []


def test_configured_months_restrict_the_average(tmp_path: Path):
    lists = {"wages": wage_rows("张三", HEAD, [300, 300, 6000])}
    assert flagged_names(context(family(), lists), "C06") == {"张三"}  # 6600 / 3 / 3 = 733
    cfg = tmp_path / "c.toml"
    cfg.write_text('[C06]\nmonths = ["2026-07", "2026-08"]\n', encoding="utf-8")
    assert flagged(context(family(), lists, config=cfg), "C06") == []  # 300 / 3 = 100


def test_a_coded_area_is_not_guessed_from_the_village_and_wages_between_the_standards_are_not_flagged():
    # 城乡类别 '1' (a code read nowhere here) in a 村: the rural standard (516) would be a guess; between it and the
    # urban standard (716) nothing is certain, above both the household is over its own standard either way.
    between = context(family(n_kids=2, area_type="1"), {"wages": wage_rows("张三", HEAD, [2600, 2600, 2600])})
    assert between.members["area_type"].iloc[0] == "不详" and flagged(between, "C06") == []
    above = context(family(n_kids=2, area_type="1"), {"wages": wage_rows("张三", HEAD, [4000, 4000, 4000])})
    assert flagged_names(above, "C06") == {"张三"} and "按较高的城市标准" in evidence(above)[0]


def test_a_wage_list_with_a_column_per_month_counts_every_month(tmp_path):
    import openpyxl

    from rostercheck.io.table import load_table
    from rostercheck.reference import normalise

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "姓名", "身份证号", "缴费单位", "2025年07月缴费基数", "2025年07月实缴金额", "2025年08月缴费基数",
               "2025年08月实缴金额", "2025年09月缴费基数", "2025年09月实缴金额"])
    ws.append([1, "王秀英", "410523195302140027", "县城建筑公司", 1000, 80, 3000, 240, 3000, 240])
    book.save(tmp_path / "社保缴费工资.xlsx")
    table = load_table(tmp_path / "社保缴费工资.xlsx", "wages")
    frame = normalise(table)
    assert sorted(zip(frame["month"], frame["wage"])) == [("2025-07", 1000.0), ("2025-08", 3000.0), ("2025-09", 3000.0)]
    assert not any("都像是" in w for w in table.warnings)


def test_the_pay_itself_is_read_before_a_contribution_base_and_named_in_the_evidence(tmp_path):
    # held-out 105: 缴费基数 3,800 (a floor) beside 实发工资 1,500 read as her wage: C06 高 for a household under the standard
    import openpyxl

    from rostercheck.io.table import load_table
    from rostercheck.reference import normalise

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "姓名", "身份证号", "缴费单位", "缴费基数", "个人缴费金额", "实发工资", "所属期"])
    for k, (month, pay) in enumerate(zip(MONTHS, (1500, 3000, 3000)), 1):
        ws.append([k, "张三", HEAD, "县城建筑公司", 3800, 304, pay, month])
    book.save(tmp_path / "社保缴费工资.xlsx")
    table = load_table(tmp_path / "社保缴费工资.xlsx", "wages")
    frame = normalise(table)
    assert frame["wage"].tolist() == [1500.0, 3000.0, 3000.0] and table.headers["wage"] == "实发工资"
    assert any("按它计算月均工资" in w and "缴费基数" in w for w in table.warnings)
    ctx = context(family(), {"wages": frame.drop(columns=[c for c in frame.columns if c.startswith("_")]).to_dict("records")},
                  headers={"wages": table.headers})
    assert flagged_names(ctx, "C06") == {"张三"} and evidence(ctx)[0].count("实发工资（") == 1


def test_a_row_with_a_base_and_no_pay_is_read_by_its_base_at_medium(tmp_path):
    # held-out 312: 缴费基数 2,200 beside a blank 实发工资 for three months: dropped unsaid, a C06 and a C09 missed
    import openpyxl

    from rostercheck.io.table import load_table
    from rostercheck.reference import normalise

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "姓名", "身份证号", "缴费单位", "缴费基数", "实发工资", "所属期"])
    for k, month in enumerate(MONTHS, 1):
        ws.append([k, "张三", HEAD, "县城建筑公司", 3800, None, month])
    book.save(tmp_path / "社保缴费工资.xlsx")
    table = load_table(tmp_path / "社保缴费工资.xlsx", "wages")
    frame = normalise(table)
    assert frame["wage"].tolist() == [3800.0] * 3 and frame["wage_from_base"].all()
    assert any("3 行的“实发工资”空白" in w for w in table.warnings)
    ctx = context(family(), files={"wages": tmp_path / "社保缴费工资.xlsx"})
    assert flagged(ctx, "C06") == [("张三", "中")] and "实发工资空白，按缴费基数计" in evidence(ctx)[0]


def test_a_back_paid_month_of_a_few_rows_is_not_one_of_the_lists_months():
    # held-out 110: one 补缴 row for 2025-12 (somebody else's) made every average a four-month one (1,800 -> 1,350)
    others = [make_id("19800101", 151 + 2 * i) for i in range(9)]
    rows = wage_rows("张三", HEAD, [1600, 1600, 1600]) + [r for i, o in enumerate(others) for r in wage_rows(f"王{i}", o, [3000] * 3)]
    back = {"name": "王0", "id": others[0], "employer": "清河县宏达建材有限公司", "wage": 3000, "month": "2025-12"}
    ctx = context(household("张三", HEAD), {"wages": rows + [back]})
    assert flagged(ctx, "C06") == [("张三", "高")]
    assert "2026-07、2026-08、2026-09，共 3 个月" in evidence(ctx)[0]
    # said of the rows about the roster's people (the list is filtered to them), without stray spaces (held-out 136)
    assert any("与花名册人员有关的记录，2025-12只有 1 行" in w and "共 3 个月计）" in w and "[C06] months" in w
               for w in ctx.cache["wages:thin"]), ctx.cache["wages:thin"]
    # a month of many rows is one of them
    more = [{**back, "name": f"王{i}", "id": others[i]} for i in range(1, 4)]
    ctx = context(household("张三", HEAD), {"wages": rows + [back] + more})
    assert "共 4 个月" in evidence(ctx)[0]


def test_a_month_of_back_contributions_only_is_not_one_of_the_lists_months():
    # held-out 219: a 补缴 row for 2025-12, left out of the sums, still made every average a four-month one (the list
    # filtered to the roster's people: too few rows a month for the thin-month rule): 1,300 a month for two, 487.5 a head
    couple = household("张三", HEAD, [("李梅", "配偶", WIFE)])
    other = make_id("19800101", 151)
    rows = wage_rows("张三", HEAD, [1300, 1300, 1300]) + wage_rows("王一", other, [3000] * 3)
    back = {"name": "王一", "id": other, "employer": "清河县宏达建材有限公司", "wage": 3000, "month": "2025-12",
            "pay_type": "补缴"}
    ctx = context(couple, {"wages": rows + [back]})
    assert flagged(ctx, "C06") == [("张三", "高")]
    assert "2026-07、2026-08、2026-09，共 3 个月" in evidence(ctx)[0]


def test_a_back_contribution_in_a_month_of_the_list_is_no_wage_of_that_month():
    # held-out 127: 420 a month for two (210 a head) and, in August, a 3,600 补缴 row: "月均 1,620 ÷ 2 = 810" C06 高
    couple = household("张三", HEAD, [("李梅", "配偶", WIFE)])
    rows = [{**r, "pay_type": "正常缴费"} for r in wage_rows("张三", HEAD, [420, 420, 420])]
    rows.append({"name": "张三", "id": HEAD, "employer": "清河县宏达建材有限公司", "wage": 3600, "month": "2026-08",
                 "pay_type": "补缴"})
    assert flagged(context(couple, {"wages": rows}), "C06") == []
    rows[-1]["pay_type"] = "正常缴费"  # a second employer that month: wages
    assert flagged(context(couple, {"wages": rows}), "C06") == [("张三", "高")]


def test_wages_of_months_after_the_review_date_are_not_counted():
    # held-out 142: a Q4 audit run in January: his only wage was of 2027-01, after the review date (C06 高)
    rows = [{"name": "李梅", "id": WIFE, "employer": "某公司", "wage": 1900, "month": m} for m in MONTHS]
    rows.append({"name": "张三", "id": HEAD, "employer": "某公司", "wage": 5000, "month": "2026-10"})
    assert flagged(context(family(), {"wages": rows}), "C06") == [("李梅", "高")]
    ctx = context(family(), {"wages": rows})
    run_checks(ctx, ["C06"])
    assert ctx.cache["wages:later"] and "2026-10" in ctx.cache["wages:later"][0]


def test_the_average_is_taken_over_a_window_ending_at_the_review_dates_month():
    # held-out 198: a list of 2024-01 to 2026-09; 3,200 a month from July 2026 was divided by 33 months (291 a month),
    # and wages of 2024 only (he left) made a C06 高
    span = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13) if f"{y}-{m:02d}" <= "2026-09"]
    other = make_id("19800101", 151)
    rows = [{"name": "王五", "id": other, "employer": "某公司", "wage": 2000, "month": m} for m in span]
    rows += [{"name": "张三", "id": HEAD, "employer": "某公司", "wage": 3200, "month": m} for m in MONTHS]
    rows += [{"name": "李梅", "id": WIFE, "employer": "某公司", "wage": 9000, "month": m} for m in span[:12]]
    solo = household("张三", HEAD) + household("李梅", WIFE)
    ctx = context(solo, {"wages": rows})
    # (3 of the 12 months with records: at most 中, held-out 224)
    assert flagged(ctx, "C06") == [("张三", "中")]
    assert "2025-10 至 2026-09，共 12 个月" in evidence(ctx)[0] and "月均 800.00 元" in evidence(ctx)[0]
    assert any("2024-01 至 2025-09" in w and "不计入月均工资" in w for w in ctx.cache["wages:outside"])


def test_an_annual_base_table_takes_the_review_dates_year_and_never_adds_years(tmp_path):
    # held-out 205: 职工社保年度缴费基数核定表 (年度, 月缴费基数): the years' monthly bases were added into one "月均"
    # (2,500 every year -> "月均 7,500") and a job left in 2025 was C06 高 on its old rows
    import openpyxl

    from rostercheck.io.table import load_table
    from rostercheck.reference import normalise

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["缴费年度", "单位名称", "姓名", "身份证号码", "月缴费基数"])
    ws.append(["2026年", "某公司", "张三", HEAD, 1000])
    assert list(normalise(load_table(_saved(book, tmp_path), "wages"))["year"]) == ["2026年"]
    other = make_id("19800101", 151)
    rows = [{"name": n, "id": p, "employer": "某公司", "wage": w, "year": y}
            for n, p, w, years in (("张三", HEAD, 1000, ("2024", "2025年", "2026年度")), ("李梅", WIFE, 5000, (2024, 2025)),
                                   ("王五", other, 2500, (2024, 2025, 2026)))
            for y in years]
    solo = household("张三", HEAD, area_type="城市") + household("李梅", WIFE) + household("王五", other)
    ctx = context(solo, {"wages": rows})
    assert flagged(ctx, "C06") == [("张三", "高"), ("王五", "高")]
    text = [e for e in evidence(ctx) if "王五" in e][0]
    assert "月均 2,500.00 元" in text and "2026 年度，2026-01 至 2026-09 每月" in text
    assert "李梅" not in {n for n, _ in flagged(ctx, "C09")}  # (no 2026 row: no current wage)


def test_an_annual_base_table_without_the_review_dates_year_takes_each_persons_latest_year():
    # held-out 205 (probe B5 turned round): a table of 2024 and 2025 only, audited as of 2026-09-30
    rows = [{"name": "张三", "id": HEAD, "employer": "某公司", "wage": w, "year": y} for y, w in ((2024, 900), (2025, 2000))]
    ctx = context(household("张三", HEAD), {"wages": rows})
    assert flagged(ctx, "C06") == [("张三", "高")]
    text = evidence(ctx)[0]
    assert "月均 2,000.00 元" in text and "2025 年度，2025-01 至 2025-12 每月；名单无 2026 年度记录" in text
    assert any("2026" in w and "最近" in w for w in ctx.cache["wages:years"])


def _saved(book, tmp_path):
    path = tmp_path / "职工社保年度缴费基数核定表.xlsx"
    book.save(path)
    return path


def test_the_wage_rows_left_out_are_counted_in_a_notice_with_examples():
    # held-out 205: 补缴 rows and an annual table's rows of a year after the review date were left out unsaid
    rows = [{"name": "张三", "id": HEAD, "employer": "某公司", "wage": w, "year": y, "pay_type": t}
            for y, w, t in ((2026, 900, "正常应缴"), (2026, 3600, "补缴"), (2027, 4000, "正常应缴"))]
    ctx = context(household("张三", HEAD), {"wages": rows})
    assert flagged(ctx, "C06") == [("张三", "高")] and "月均 900.00 元" in evidence(ctx)[0]
    assert ctx.cache["wages:left"] == ["社保缴费工资名单（wages.xlsx）中与花名册人员有关的记录未计入月均工资的：补缴 1 条（如 张三 2026）；"
                                       "核查基准日之后的年度 1 条（如 张三 2027）"]


def test_one_month_of_pay_in_a_long_list_is_said_as_such_and_at_most_medium():
    # held-out 224: one row of 9,000 in 2026-03 in a list of nine months read "（2026-01 至 2026-09，共 9 个月）：
    # 袁娟 月均 1,000.00 元", as if she had nine months of wages, at 高
    nine = [f"2026-0{i}" for i in range(1, 10)]
    alone = make_id("19510124", 332)
    rows = [{"name": "张三", "id": HEAD, "employer": "某公司", "wage": 1000, "month": m} for m in nine]
    rows.append({"name": "袁娟", "id": alone, "employer": "某公司", "wage": 9000, "month": "2026-03"})
    ctx = context(family() + household("袁娟", alone), {"wages": rows})
    assert flagged(ctx, "C06") == [("袁娟", "中")]
    text = evidence(ctx)[0]
    assert "袁娟（某公司）月均 1,000.00 元（本人有记录 1 个月：2026-03，合计 9,000.00 元，按名单 9 个月平均）" in text
    assert "有工资记录的月份只占名单 9 个月中的 1 个月" in text
    # records in half the list's months or more (one member's or another's): 高, the months said where not all
    rows += [{"name": "袁娟", "id": alone, "employer": "某公司", "wage": 600, "month": m} for m in nine[4:8]]
    ctx = context(family() + household("袁娟", alone), {"wages": rows})
    assert flagged(ctx, "C06") == [("袁娟", "高")]
    assert "本人有记录 5 个月：2026-03、2026-05、2026-06、2026-07、2026-08，合计 11,400.00 元" in evidence(ctx)[0]


def test_a_list_of_several_rows_a_person_without_a_month_column_says_so_in_a_notice():
    # held-out 229: a quarter's list whose month column was not read summed each person's rows as one month, said only
    # in the evidence ("名单未注明月份，按 1 个月计")
    rows = [{k: v for k, v in r.items() if k != "month"} for r in wage_rows("张三", HEAD, [1600, 1600, 1600])]
    ctx = context(family(), {"wages": rows})
    run_checks(ctx, ["C06"])
    assert any("未找到月份列" in w for w in ctx.cache["wages:unmonthed"])
    ctx = context(family(), {"wages": rows[:1]})  # one row a person: nothing to say
    run_checks(ctx, ["C06"])
    assert "wages:unmonthed" not in ctx.cache


@pytest.mark.parametrize("amounts, flagged_as", [
    # declared and refunded each month: net nothing (苏林静: C06 中)
    ([(m, a) for m in MONTHS for a in (3000, -3000)], []),
    # a refund of one month of three: 2 x 1,600 / 3 = 1,066.67 / 3 = 355.56 (戴霞春: the refund dropped, 高)
    ([(m, 1600) for m in MONTHS] + [("2026-08", -1600)], []),
    # a partial refund leaves the month's remainder
    ([(m, 1600) for m in MONTHS] + [("2026-08", -100)], [("张三", "高")]),
])
def test_refund_rows_are_netted_with_their_months_rows(amounts, flagged_as):
    # held-out 229: negative 退费 rows were dropped, not netted
    rows = [{"name": "张三", "id": HEAD, "employer": "某公司", "wage": a, "month": m,
             "pay_type": "退费" if a < 0 else "正常应缴"} for m, a in amounts]
    ctx = context(family(), {"wages": rows})
    assert flagged(ctx, "C06") == flagged_as
    assert any("退费" in w for w in ctx.cache["wages:left"])


def test_a_tax_exports_income_other_than_works_is_no_wage_and_the_amount_is_named_by_its_column():
    # held-out 229: 个税扣缴申报明细: 利息、股息、红利所得 60,000 and 财产转让所得 80,000 counted as wages (C06 中), and the
    # 收入额 called 缴费工资 in the evidence
    rows = [{"name": "张三", "id": HEAD, "employer": "某公司", "wage": w, "month": "2026-08", "income_item": item}
            for item, w in (("利息、股息、红利所得", 60000), ("财产转让所得", 80000))]
    headers = {"wages": {"wage": "收入额", "income_item": "所得项目"}}
    ctx = context(family(), {"wages": rows}, headers=headers)
    assert flagged(ctx, "C06") == []
    assert any("非务工所得 2 条" in w and "财产转让所得" in w for w in ctx.cache["wages:left"])
    work = [{**rows[0], "income_item": "工资、薪金所得", "wage": 3000, "month": m} for m in MONTHS]
    ctx = context(family(), {"wages": rows + work}, headers=headers)
    assert flagged(ctx, "C06") == [("张三", "高")]
    assert "收入额（2026-07、2026-08、2026-09，共 3 个月）：张三（某公司）月均 3,000.00 元" in evidence(ctx)[0]


@pytest.mark.parametrize("name, title, months, read", [
    # h367: 1月 … 12月 under a title naming the year: each month dated by it (was: no wage read, nothing said)
    ("2026年社保缴费工资.xlsx", "2026年度社保缴费工资明细", [f"{k}月" for k in range(1, 13)],
     [("2026-07", 3200.0), ("2026-08", 3300.0), ("2026-09", 3400.0)]),
    # … the year in the file name only
    ("2026年缴费工资.xlsx", "", [f"{k}月" for k in range(1, 13)], [("2026-07", 3200.0), ("2026-08", 3300.0), ("2026-09", 3400.0)]),
    # … a span named: each month within it
    ("缴费工资.xlsx", "2025年10月-2026年9月缴费工资", ["10月", "11月", "12月", "1月", "2月", "3月", "4月", "5月", "6月", "7月",
                                                 "8月", "9月"], [("2026-01", 3200.0), ("2026-02", 3300.0), ("2026-03", 3400.0)]),
    # … no year anywhere: not read, and said (never a guessed year)
    ("社保缴费工资.xlsx", "社保缴费工资明细", [f"{k}月" for k in range(1, 13)], None),
    # … two years named and no span: not read either
    ("2025年2026年社保缴费工资.xlsx", "", [f"{k}月" for k in range(1, 13)], None),
])
def test_a_wage_list_with_bare_month_columns_takes_its_year_from_its_title_or_name(tmp_path, name, title, months, read):
    import openpyxl

    from rostercheck.io.table import load_table
    from rostercheck.reference import normalise

    book = openpyxl.Workbook()
    ws = book.active
    if title:
        ws.append([title])
    ws.append(["姓名", "身份证号", "缴费单位", *months])
    amounts = {"7月": 3200, "8月": 3300, "9月": 3400} if months[0] == "1月" else {"1月": 3200, "2月": 3300, "3月": 3400}
    ws.append(["张三", HEAD, "县建筑公司", *[amounts.get(m, 0) for m in months]])
    book.save(tmp_path / name)
    table = load_table(tmp_path / name, "wages")
    frame = normalise(table)
    unread = [w for w in table.warnings if "没有写明是哪一年" in w]
    if read is None:
        assert unread and "wage" not in frame.columns
    else:
        assert not unread and sorted(zip(frame["month"], frame["wage"])) == read


_MANAGERS = [make_id("19800101", 201 + 2 * k) for k in range(12)]


@pytest.mark.parametrize("title, head, others, flags", [
    # held-out 414: 缴费工资 in 分 with no unit anywhere: 90,000 (900 元) read as 90,000 元, C06 高 for a family of four
    ("", 90000, [350000, 420000, 180000, 260000, 500000, 310000], []),
    ("", 600000, [350000, 420000, 180000, 260000, 500000, 310000], [("张三", "高")]),
    # … a real wage list in yuan with many 12,000–30,000 元 managers among ordinary wages stays yuan
    ("", 1800, [12000, 15000, 18000, 22000, 30000, 13000, 2500, 3100, 2200, 4000, 2800, 1900], []),
    ("", 9000, [12000, 15000, 18000, 22000, 30000, 13000, 2500, 3100, 2200, 4000, 2800, 1900], [("张三", "高")]),
    ("单位：元", 90000, [350000, 420000, 180000, 260000, 500000, 310000], [("张三", "高")]),
])
def test_a_wage_list_in_fen_without_a_unit_is_read_in_yuan(tmp_path, title, head, others, flags):
    lines = ([title] if title else []) + ["姓名,身份证号,缴费单位,缴费工资,缴费月份", f"张三,{HEAD},县城建筑公司,{head},2026-09"]
    lines += [f"王{k},{_MANAGERS[k]},县城建筑公司,{w},2026-09" for k, w in enumerate(others)]
    (tmp_path / "工资.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert flagged(context(family(n_kids=2), files={"wages": tmp_path / "工资.csv"}), "C06") == flags


@pytest.mark.parametrize("header, head, factor, flags", [
    # h419: a wage list giving a year's wages under 年度合计 or 2025年全年 was read as no wage list (C06 missed); 60,000 元
    # a year is 5,000 元 a month, 6,000 元 a year 500 (a family of four: 125 per person, no C06)
    *[(h, head, factor, flags) for h in ("年度合计", "2025年全年", "全年缴费工资")
      for head, factor, flags in ((60000, 1, [("张三", "高")]), (6000, 1, []), (6000000, 100, [("张三", "高")]),
                                  (600000, 100, []))],
    # … a sum of months named by its span is divided by them (2025年1-9月: 45,000 is 5,000 a month)
    ("2025年1-9月工资合计", 45000, 1, [("张三", "高")]),
    ("2025年1-9月工资合计", 4500, 1, []),
    # … a month's wage stays a month's
    ("缴费工资", 6000, 1, [("张三", "高")]),
])
def test_a_yearly_wage_column_is_read_as_twelve_months(tmp_path, header, head, factor, flags):
    lines = ["姓名,身份证号,缴费单位,%s" % header, f"张三,{HEAD},县城建筑公司,{head}"]
    yearly = header != "缴费工资"
    lines += [f"王{k},{_MANAGERS[k]},县城建筑公司,{w * factor // (1 if yearly else 12)}"
              for k, w in enumerate([36000, 48000, 54000, 72000, 40000])]
    (tmp_path / "工资.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ctx = context(family(n_kids=2), files={"wages": tmp_path / "工资.csv"})
    assert flagged(ctx, "C06") == flags
    if flags and yearly:
        findings, _ = run_checks(ctx, ["C06"])
        assert "金额，÷ " in findings[0].evidence and "按 1 个月计" not in findings[0].evidence


def test_a_yearly_total_beside_month_columns_is_no_month_of_wages(tmp_path):
    # h419: a wide list's 年度合计 beside its 2025年7月 … 9月 columns is their sum, not one more wage column
    from rostercheck.io.table import load_table
    from rostercheck.reference import normalise
    path = tmp_path / "工资.csv"
    path.write_text(f"2025年社保缴费工资明细\n姓名,身份证号,缴费单位,2025年7月,2025年8月,2025年9月,年度合计\n"
                    f"张三,{HEAD},县城建筑公司,3000,3000,3000,9000\n", encoding="utf-8")
    table = load_table(path, "wages")
    assert "wage" not in table.headers
    assert sorted(zip(normalise(table)["month"], normalise(table)["wage"])) == [
        ("2025-07", 3000.0), ("2025-08", 3000.0), ("2025-09", 3000.0)]


# h442: a 灵活就业 person's own contributions are a base chosen, not a wage paid (at most 中, said)
SELF_PAID = [
    # at most 中: every row of the earner self-paid (the 缴费单位, or a 缴费类型 column)
    ({"employer": "灵活就业人员"}, "中"),
    ({"employer": "", "pay_type": "个人参保缴费"}, "中"),
    # 高: an employer paying
    ({"employer": "清河县宏达建材有限公司", "pay_type": "正常缴费"}, "高"),
]


@pytest.mark.parametrize("cells, conf", SELF_PAID)
def test_a_flexible_workers_own_contributions_are_at_most_medium(cells, conf):
    rows = [{**row, **cells} for row in wage_rows("张三", HEAD, [3900] * 3)]
    ctx = context(family(), {"wages": rows})
    assert flagged(ctx, "C06") == [("张三", conf)]
    assert ("不是工资发放记录" in evidence(ctx)[0]) == (conf == "中")


def test_a_self_paid_supporter_is_at_most_medium_in_c07():
    old = make_id("19400101", 311)
    son = make_id("19700101", 313)
    roster = household("张老", old, [])
    wages = [{**row, "employer": "灵活就业人员"} for row in wage_rows("张强", son, [3900] * 3)]
    lists = {"supporters": [{"dependent_name": "张老", "dependent_id": old, "name": "张强", "id": son, "relation": "子"}],
             "wages": wages}
    assert flagged(context(roster, lists), "C07") == [("张老", "中")]
