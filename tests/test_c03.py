"""C03: pensions in payment with household income per person above the standard."""

import datetime as dt

import numpy as np
import pytest
from helpers import context, flagged, flagged_names, household, make_id
from hypothesis import given, settings
from hypothesis import strategies as st
from rostercheck.audit import run_checks
from rostercheck.policy import load_policy
from rostercheck.rules import _econ

HEAD = make_id("19500101", 111)
WIFE = make_id("19520202", 122)
SON = make_id("19800303", 131)
KID = make_id("20150404", 142)


def pension(name, pid, amount, kind="企业职工基本养老保险", status="正常发放", **extra):
    return {"name": name, "id": pid, "insurance": kind, "amount": amount, "status": status, **extra}


def couple(**extra):
    return household("张三", HEAD, [("李梅", "配偶", WIFE)], **extra)


def evidence(ctx):
    findings, _ = run_checks(ctx, ["C03"])
    return [f.evidence for f in findings]


# must flag
def test_pension_over_rural_standard_is_flagged_with_readable_evidence():
    ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800)]})
    assert flagged(ctx, "C03") == [("张三", "高")]
    text = evidence(ctx)[0]
    assert "养老金 张三（企业职工基本养老保险）2,800.00 元/月 ÷ 家庭人口 2 = 1,400.00 元/人·月 > 农村标准 516 元" in text


def test_the_evidence_names_the_column_the_pension_was_read_from():
    # held-out 272: 补发金额 read as the monthly pension was said nowhere but in run.json: a clerk could not see it
    ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800)]}, headers={"pensions": {"amount": "本月发放金额"}})
    assert "养老金 张三（企业职工基本养老保险）本月发放金额 2,800.00 元/月 ÷ 家庭人口 2" in evidence(ctx)[0]


def test_income_a_fraction_of_a_yuan_above_the_standard_shows_the_fraction():
    # held-out 95: 1,548.01 ÷ 3 = 516.0033 was printed "516.00 元/人·月 > 农村标准 516 元"; one fen less is no finding
    rows = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子女", SON)])
    ctx = context(rows, {"pensions": [pension("张三", HEAD, 1548.01)]})
    assert flagged(ctx, "C03") == [("张三", "高")]
    assert "÷ 家庭人口 3 = 516.003 元/人·月 > 农村标准 516 元" in evidence(ctx)[0]
    assert flagged(context(rows, {"pensions": [pension("张三", HEAD, 1548.00)]}), "C03") == []


def test_two_pensions_are_added_up_for_an_urban_household():
    ctx = context(couple(area_type="城市"), {"pensions": [pension("张三", HEAD, 1350),
                                                         pension("李梅", WIFE, 170, "城乡居民基本养老保险")]})
    assert flagged_names(ctx, "C03") == {"张三", "李梅"}
    assert "合计 1,520.00 元/月 ÷ 家庭人口 2 = 760.00 元/人·月 > 城市标准 716 元" in evidence(ctx)[0]


def test_survivor_allowance_counts():
    ctx = context(household("王五", HEAD), {"pensions": [pension("王五", HEAD, 620, "遗属补助")]})
    assert flagged_names(ctx, "C03") == {"王五"}


def test_wages_are_added_when_given():
    rows = household("张三", HEAD, [("张军", "子女", SON)])
    lists = {"pensions": [pension("张三", HEAD, 400)],
             "wages": [{"name": "张军", "id": SON, "wage": 900, "month": m} for m in ("2026-07", "2026-08")]}
    assert flagged_names(context(rows, lists), "C03") == {"张三"}
    assert flagged(context(rows, {"pensions": lists["pensions"]}), "C03") == []


def test_declared_income_is_added():
    rows = couple(declared_income=700)
    assert flagged_names(context(rows, {"pensions": [pension("张三", HEAD, 400)]}), "C03") == {"张三"}


def test_tekun_person_is_measured_against_tekun_standard():
    rows = household("赵六", HEAD)
    title = "清河县2026年特困人员供养花名册"
    assert flagged(context(rows, {"pensions": [pension("赵六", HEAD, 1500)]}, roster_title=title), "C03") == []
    assert flagged_names(context(rows, {"pensions": [pension("赵六", HEAD, 1700)]}, roster_title=title), "C03") == {"赵六"}


def test_repaired_id_match_is_medium():
    typo = HEAD[:15] + ("0" if HEAD[15] != "0" else "1") + HEAD[16:]
    ctx = context(couple(), {"pensions": [pension("张三", typo, 2800)]})
    assert flagged(ctx, "C03") == [("张三", "中")]
    text = evidence(ctx)[0]  # the key said once (held-out 95: "…（姓名一致；…），请核实；姓名一致；…")
    assert text.count("姓名一致") == 1 and "请核实" in text, text


# must not flag
def test_terminated_and_suspended_pensions_do_not_count():
    lists = {"pensions": [pension("张三", HEAD, 3200, status="终止发放"), pension("李梅", WIFE, 2500, status="暂停发放"),
                          pension("张三", HEAD, 3000, status="停发")]}
    assert flagged(context(couple(), lists), "C03") == []


def test_small_residents_pension_alone_is_not_flagged():
    ctx = context(household("王五", HEAD), {"pensions": [pension("王五", HEAD, 153, "城乡居民基本养老保险")]})
    assert flagged(ctx, "C03") == []


def test_modest_pension_over_a_large_household_is_not_flagged():
    rows = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张军", "子女", SON), ("张小", "孙子女", KID)])
    assert flagged(context(rows, {"pensions": [pension("张三", HEAD, 1800)]}), "C03") == []


def test_urban_household_under_its_own_standard_is_not_flagged():
    lists = {"pensions": [pension("张三", HEAD, 1300)]}
    assert flagged(context(couple(area_type="城市"), lists), "C03") == []
    assert flagged_names(context(couple(area_type="农村"), lists), "C03") == {"张三"}  # 650 > 516


def test_household_size_from_roster_column_wins_over_rows_listed():
    rows = couple(household_size=4)
    assert flagged(context(rows, {"pensions": [pension("张三", HEAD, 1800)]}), "C03") == []


def test_wages_without_pension_are_not_c03():
    lists = {"pensions": [], "wages": [{"name": "张三", "id": HEAD, "wage": 5000, "month": "2026-07"}]}
    assert flagged(context(couple(), lists), "C03") == []


def test_namesake_pensioner_with_other_id_is_not_flagged():
    other = make_id("19480808", 113)
    assert flagged(context(couple(), {"pensions": [pension("张三", other, 2800)]}), "C03") == []


def test_latest_month_only_when_the_list_has_months():
    lists = {"pensions": [pension("张三", HEAD, 1100, month="2026-08"), pension("张三", HEAD, 1100, month="2026-09")]}
    assert flagged(context(couple(), lists), "C03") == [("张三", "高")]
    assert "1,100.00 元/月 ÷ 家庭人口 2 = 550.00 元/人·月" in evidence(context(couple(), lists))[0]
    assert flagged(context(couple(area_type="城市"), lists), "C03") == []  # 550, not 2200 / 2


def test_a_pension_terminated_in_its_latest_month_is_not_in_payment():
    # 正常 in April and May, 待遇终止 in June (held-out 58: flagged at 高 from May's row)
    lists = {"pensions": [pension("张三", HEAD, 2600, month="2026-04"), pension("张三", HEAD, 2600, month="2026-05"),
                          pension("张三", HEAD, 2600, status="待遇终止", month="2026-06")]}
    assert flagged(context(couple(), lists), "C03") == []
    lists["pensions"].append(pension("张三", HEAD, 2600, month="2026-07"))  # paid again since: counts
    assert flagged(context(couple(), lists), "C03") == [("张三", "高")]


def test_yearly_and_quarterly_amounts_are_made_monthly():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from helpers import table
    from rostercheck.reference import normalise

    for label, expected in (("年发放金额", 1000.0), ("发放金额（元/年）", 1000.0), ("本季度发放金额", 4000.0),
                            ("月发放金额", 12000.0)):
        t = table("pensions", [{"name": "甲", "id": "x", "amount": "12000"}])
        t.headers = {"amount": label}
        assert normalise(t)["amount"].tolist() == [expected], label


def test_a_yearly_amount_is_said_as_written_and_divided(tmp_path):
    # held-out 312: "年发放金额 260.00 元/月" of a 3,120 a year: the sum as written, then its month's share
    path = tmp_path / "养老金年度发放名单.csv"
    path.write_text(f"姓名,身份证号,险种,年发放金额\n张三,{HEAD},企业职工基本养老保险,19200\n", encoding="utf-8")
    ctx = context(household("张三", HEAD, [("李梅", "配偶", WIFE)]), files={"pensions": path})
    (found,) = run_checks(ctx, ["C03"])[0]
    assert "年发放金额 19,200.00 元 ÷ 12 = 1,600.00 元/月" in found.evidence


@pytest.mark.parametrize("header", ["月发放金额,年发放金额", "年发放金额,月发放金额"])
def test_a_yearly_amount_beside_a_blank_monthly_one_is_read_divided(tmp_path, header):
    # held-out 321: 城乡居民 rows give only 年发放金额 7,200 beside a blank 月发放金额; they were read as no pension (a
    # C03 missed), and with the yearly column first every monthly row would have been read as a year's amount
    path = tmp_path / "养老金发放名单.csv"
    year_first = header.startswith("年")
    cells = {"张三": ("", "7200"), "李梅": ("900", "")}
    lines = [f"姓名,身份证号,险种,{header}"]
    for name, pid, kind in (("张三", HEAD, "城乡居民基本养老保险"), ("李梅", WIFE, "企业职工基本养老保险")):
        month, year = cells[name]
        lines.append(f"{name},{pid},{kind}," + (f"{year},{month}" if year_first else f"{month},{year}"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kid = [("李梅", "配偶", WIFE), ("张小", "孙子", KID)]
    ctx = context(household("张三", HEAD, kid, declared_income=150), files={"pensions": path})
    findings, _ = run_checks(ctx, ["C03"])
    assert findings
    text = findings[0].evidence
    assert "年发放金额 7,200.00 元 ÷ 12 = 600.00 元/月" in text
    assert "月发放金额 900.00 元/月" in text
    assert "合计 1,650.00 元/月 ÷ 家庭人口 3 = 550.00 元/人·月" in text
    # a yearly amount small once divided is no finding (2,400 a year is 200 a month, not 2,400)
    path.write_text("\n".join([lines[0], f"张三,{HEAD},城乡居民基本养老保险," + ("2400," if year_first else ",2400")]) + "\n",
                    encoding="utf-8")
    ctx = context(household("张三", HEAD, [], declared_income=100), files={"pensions": path})
    assert run_checks(ctx, ["C03"])[0] == []


def test_back_pay_rows_do_not_inflate_the_monthly_pension():
    rows = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张强", "子女", SON), ("张小", "孙子女", KID)])
    regular = pension("张三", HEAD, 1800, month="2026-09")
    marked = pension("张三", HEAD, 1500, month="2026-09", pay_kind="补发")
    unmarked = pension("张三", HEAD, 1500, month="2026-09")
    assert flagged(context(rows, {"pensions": [regular, marked]}), "C03") == []  # 1800 / 4 = 450 ≤ 516
    assert flagged(context(rows, {"pensions": [regular, unmarked]}), "C03") == []  # same insurance and month: one
    assert flagged_names(context(rows, {"pensions": [pension("张三", HEAD, 2400, month="2026-09")]}), "C03") == {"张三"}



def test_a_survivors_allowance_beside_the_pension_of_its_insurance_is_paid_too():
    # held-out 110: 基本养老金 400 and 遗属补助 300, both 险种 110, in one month: two payments (700 > 516), where two
    # rows of one benefit are one payment and a back-pay or correction
    rows = household("张三", HEAD)
    own = pension("张三", HEAD, 400, kind="110", month="2026-09", pay_kind="基本养老金")
    survivor = pension("张三", HEAD, 300, kind="110", month="2026-09", pay_kind="遗属补助")
    ctx = context(rows, {"pensions": [own, survivor]})
    assert flagged(ctx, "C03") == [("张三", "高")]
    assert "张三（企业职工基本养老保险·遗属补助，2026-09）300.00 元/月" in evidence(ctx)[0]
    again = pension("张三", HEAD, 300, kind="110", month="2026-09", pay_kind="基本养老金")
    assert flagged(context(rows, {"pensions": [own, again]}), "C03") == []

# Status vocabularies
def test_pension_status_zai_ling_is_in_payment():
    for status in ("在领", "正常", "正常发放", "发放中"):
        ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800, status=status)]})
        assert flagged(ctx, "C03") == [("张三", "高")], status


def test_stopped_pensions_do_not_count_and_unknown_statuses_are_low_leads_and_reported():
    from rostercheck.audit import run_checks
    from rostercheck.rules._vocab import value_warnings

    for status in ("停发", "暂停发放", "终止", "停领"):
        ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800, status=status)]})
        assert flagged(ctx, "C03") == [], status
    for status in ("3", "待定"):  # a system's code or a word no list reads: never more than a 低 lead
        ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800, status=status)]})
        assert flagged(ctx, "C03") == [("张三", "低")], status
        assert f"发放状态“{status}”未能识别" in run_checks(ctx, ["C03"])[0][0].evidence
    ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800, status="3"), pension("李梅", WIFE, 900, status="3")]})
    assert any("“发放状态”列有 2 行" in w and "“3”2 行" in w for w in value_warnings(ctx))


# h389: a pension list's 待遇状态 of bare codes with no legend: the code two thirds of the list's rows hold (five rows or more)
# is its pensions in payment, at most 中; another code stays a 低 lead; no bulk, or a bulk of words: as before (all 低).
OUTSIDERS = [make_id(f"19{40 + i}0101", 311 + 2 * i) for i in range(6)]


@pytest.mark.parametrize("others, status, flagged_as", [
    (["1", "1", "1", "1", "1"], "1", [("张三", "中")]),
    (["1", "1", "1", "1", "1"], "3", [("张三", "低")]),
    (["1", "1", "2", "3", "2"], "1", [("张三", "低")]),  # no code holds two thirds
    (["1", "1"], "1", [("张三", "低")]),  # too few rows to tell
    (["待定", "待定", "待定", "待定", "待定"], "待定", [("张三", "低")]),  # a word no list reads: no bulk
    (["1", "1", "1", "1", "1"], "正常", [("张三", "高")]),
])
def test_an_unread_status_code_most_of_the_list_holds_is_in_payment_at_medium(others, status, flagged_as):
    rows = [pension(f"王{i}", OUTSIDERS[i], 2000, status=s) for i, s in enumerate(others)]
    ctx = context(couple(), {"pensions": rows + [pension("张三", HEAD, 2800, status=status)]})
    assert flagged(ctx, "C03") == flagged_as
    if flagged_as == [("张三", "中")]:
        assert "发放状态“1”未能识别，名单中多数记录是这一代码，按在发计" in evidence(ctx)[0]


def test_area_codes_the_configuration_names_are_read(tmp_path):
    # held-out 105: 城乡类别 1/2 from a system export could only be rewritten by hand; [common] area_codes names them
    cfg = tmp_path / "本地.toml"
    cfg.write_text('[common]\narea_codes = { "1" = "城市", "2" = "农村" }\n', encoding="utf-8")
    ctx = context(couple(area_type="2"), {"pensions": [pension("张三", HEAD, 1200)]}, config=cfg)
    assert flagged(ctx, "C03") == [("张三", "高")] and "> 农村标准 516 元" in evidence(ctx)[0]
    assert flagged(context(couple(area_type="1"), {"pensions": [pension("张三", HEAD, 1200)]}, config=cfg), "C03") == []


def test_an_unread_area_code_is_measured_against_the_higher_standard():
    # 城乡类别 written as a code not read here: 1,200 for two (600 a head) is above the rural standard, not the urban one
    ctx = context(couple(area_type="1"), {"pensions": [pension("张三", HEAD, 1200)]})
    assert flagged(ctx, "C03") == []
    ctx = context(couple(area_type="1"), {"pensions": [pension("张三", HEAD, 1600)]})
    assert flagged(ctx, "C03") == [("张三", "高")] and "按较高的城市标准" in evidence(ctx)[0]


def test_a_one_off_grant_named_in_the_type_column_is_no_monthly_income():
    grant = pension("张三", HEAD, 6000, kind="一次性丧葬补助金")
    assert flagged(context(couple(), {"pensions": [grant]}), "C03") == []


def test_a_one_off_named_in_a_benefit_type_column_beside_the_insurance_column(tmp_path):
    # the social-security export: 险种类型 (a code) and 待遇类型 (基本养老金, 丧葬补助金) side by side
    from rostercheck.io.columns import assign_columns

    mapping = assign_columns(["姓名", "公民身份号码", "险种类型", "待遇类型", "待遇状态", "发放金额"], "pensions").mapping
    assert (mapping["insurance"], mapping["pay_kind"]) == (2, 3)
    assert assign_columns(["姓名", "身份证号", "待遇类型", "金额"], "pensions").mapping["insurance"] == 2  # alone
    grant = pension("张三", HEAD, 5000, kind="110", pay_kind="丧葬补助金")
    assert flagged(context(couple(), {"pensions": [grant]}), "C03") == []


def test_a_pension_of_an_unread_status_never_weakens_a_finding_that_stands_without_it():
    rows = [pension("张三", HEAD, 2800, status="正常"), pension("李梅", WIFE, 900, status="3")]
    assert flagged(context(couple(), {"pensions": rows}), "C03") == [("张三", "高")]


def test_a_weak_link_that_decides_nothing_leaves_the_finding_high_and_is_named():
    number = SON[:15] + "000"  # the son's wages under an ID typed as a number: linked at 中
    wages = [{"name": "张军", "id": number, "wage": 3000, "month": m} for m in ("2026-07", "2026-08")]
    family = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张军", "子女", SON)])
    for amount, conf, said in ((2800, "高", "不计这些也超过标准"), (900, "中", "请核实")):
        ctx = context(family, {"pensions": [pension("张三", HEAD, amount)], "wages": wages})
        assert flagged(ctx, "C03") == [("张三", conf)], amount
        assert "其中张军的工资（姓名一致；名单的身份证号以数字格式存储" in evidence(ctx)[0] and said in evidence(ctx)[0]


def test_an_insurance_code_is_shown_with_its_meaning():
    lists = {"pensions": [pension("张三", HEAD, 2000, kind="110")]}
    assert "张三（企业职工基本养老保险）2,000.00 元/月" in evidence(context(couple(), lists))[0]
    lists = {"pensions": [pension("张三", HEAD, 2000, kind="999")]}  # a code the table lacks: as given
    assert "张三（999）2,000.00 元/月" in evidence(context(couple(), lists))[0]


def test_a_pension_first_paid_after_the_review_date_is_no_income_on_it():
    # held-out 142: 待遇开始年月 202701 (read as the month) in a Q4 2026 audit: C03 高
    assert flagged(context(couple(), {"pensions": [pension("张三", HEAD, 2800, month="2026-10")]}), "C03") == []
    assert flagged(context(couple(), {"pensions": [pension("张三", HEAD, 2800, month="2026-09")]}), "C03") == [("张三", "高")]


def test_the_evidence_names_the_month_of_the_pension_used():
    # a pension list by month: the latest month in payment is used, and said (held-out 165)
    lists = {"pensions": [pension("张三", HEAD, 1100, month="2026-07"), pension("张三", HEAD, 1300, month="2026-08")]}
    assert "张三（企业职工基本养老保险，2026-08）1,300.00 元/月" in evidence(context(couple(), lists))[0]


def test_one_pension_row_for_a_couple_is_counted_once():
    # held-out 185: 姓名 '陆霞斌、史亮霞', 身份证号 'id;id', 4,200 元 for the row: each was given 4,200 (合计 8,706)
    row = pension("张三、李梅", f"{HEAD};{WIFE}", 900)
    assert flagged(context(couple(), {"pensions": [row]}), "C03") == []  # 900 ÷ 2 = 450 元/人·月 < 516
    ctx = context(couple(), {"pensions": [pension("张三、李梅", f"{HEAD};{WIFE}", 1100)]})
    assert flagged_names(ctx, "C03") == {"张三", "李梅"}
    assert "合计 1,100.00 元/月 ÷ 家庭人口 2 = 550.00 元/人·月" in evidence(ctx)[0]


def test_one_row_for_a_couple_with_an_amount_each_gives_each_his_own():
    # held-out 189: '雷宝玉、汪超珍', two IDs, amount '1200、300': each was given 600 (C03 高 on her 300 alone)
    row = pension("张三、李梅", f"{HEAD}/{WIFE}", "1200、300")
    ctx = context(household("张三", HEAD), {"pensions": [row]})  # only the husband enrolled, alone
    assert flagged(ctx, "C03") == [("张三", "高")] and "1,200.00 元/月" in evidence(ctx)[0]
    ctx = context(household("李梅", WIFE), {"pensions": [row]})  # only the wife: 300 < 516
    assert flagged(ctx, "C03") == []


# --- dates relative to the review date (held-out 198) ---------------------------------------------

@pytest.mark.parametrize("extra, flagged_as", [
    ({"end": "2026-06"}, []),  # 待遇终止年月 before the review date, 状态 blank: no longer paid
    ({"end": "2024年12月"}, []),
    ({"end": "2026-12"}, [("张三", "高")]),  # stops after the review date: paid on it
    ({"start": "2026-11"}, []),  # 待遇开始年月 after the review date: not paid yet
    ({"start": "202610"}, []),
    ({"start": "2012-01"}, [("张三", "高")]),
])
def test_a_pensions_start_and_stop_dates_are_read_against_the_review_date(extra, flagged_as):
    # held-out 198: 待遇终止年月 2026-06 with a blank 状态 was C03 高
    ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800, status="", **extra)]})
    assert flagged(ctx, "C03") == flagged_as


@pytest.mark.parametrize("end, flagged_as", [("2026-12", [("张三", "高")]), ("2026-06", [])])
def test_a_stopped_status_beside_its_own_later_end_date_is_still_paid_and_said(end, flagged_as):
    # held-out 239: 邵月娥, 终止 with 待遇终止年月 202607, was no pension as of 2026-03-31 and 06-30 though paid then (C01,
    # C02, C04, C05 read a status beside its own later end date so: _econ.ended_after)
    ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800, status="终止", end=end)]})
    assert flagged(ctx, "C03") == flagged_as
    if flagged_as:
        assert "（发放状态 终止，但待遇终止年月 2026-12-01 在核查基准日之后：核查基准日时仍在领取）" in evidence(ctx)[0]


def test_a_start_month_is_shown_as_the_start_not_as_a_paid_month():
    # held-out 198: 待遇开始年月 was read as the month paid, '（企业职工基本养老保险，2012-01）'
    from rostercheck.io.columns import assign_columns

    labels = ["姓名", "社会保障号码", "险种", "月发放金额", "发放状态", "待遇开始年月", "待遇终止年月"]
    found = assign_columns(labels, "pensions")
    assert {f: labels[c] for f, c in found.mapping.items() if f in ("start", "end", "month")} == {
        "start": "待遇开始年月", "end": "待遇终止年月"} and not found.warnings
    ctx = context(couple(), {"pensions": [pension("张三", HEAD, 2800, start="2012-01")]})
    assert "张三（企业职工基本养老保险，2012-01 开始领取）2,800.00 元/月" in evidence(ctx)[0]


OTHER = make_id("19400505", 151)


@pytest.mark.parametrize("last, flagged_as", [("2026-06", []), ("2026-08", [("张三", "高")])])
def test_a_person_missing_from_a_monthly_lists_latest_months_is_not_in_payment(last, flagged_as):
    # held-out 198: a 发放明细 with one row per month, 张三's rows ending in June (stopped), the list's in September
    months = [f"2026-{m:02d}" for m in range(1, 10)]
    rows = [pension("张三", HEAD, 2800, month=m) for m in months if m <= last]
    rows += [pension("王五", OTHER, 900, month=m) for m in months]
    assert flagged(context(couple(), {"pensions": rows}), "C03") == flagged_as


def test_the_pension_rows_left_out_are_counted_in_a_notice_with_examples():
    # held-out 205: one-offs, months after the review date and pensions not yet begun or stopped were left out unsaid
    rows = [pension("张三", HEAD, 6000, pay_kind="丧葬补助金", month="2026-08"),
            pension("张三", HEAD, 3000, month="2026-12"),
            pension("李梅", WIFE, 2000, status="", start="2026-11"),
            pension("李梅", WIFE, 1800, status="", start="2010-01", end="2025-06")]
    ctx = context(couple(), {"pensions": rows})
    assert flagged(ctx, "C03") == []
    [notice] = ctx.cache["pensions:left"]
    assert "一次性或补发待遇 1 条（如 张三 丧葬补助金）" in notice and "核查基准日之后的月份 1 条（如 张三 2026-12）" in notice
    assert "待遇尚未开始 1 条（如 李梅 待遇开始 2026-11）" in notice and "待遇已终止 1 条（如 李梅 待遇开始 2010-01，终止 2025-06）" in notice and "\n" not in notice


def _pension_list(path, header, rows, title=""):
    path.write_text("\n".join(([title] if title else []) + [header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("header, title", [
    ("姓名,社会保障号码,险种,月发放金额（分）,待遇状态", ""),
    ("姓名,社会保障号码,险种,月发放金额,待遇状态", "养老待遇发放信息（金额单位：分）"),
])
def test_a_pension_in_fen_is_read_in_yuan(tmp_path, header, title):
    # held-out 210: 月发放金额（分） read as yuan: a 156 元 rural pension was 15,600 元/月, C03 高 (42 such traps)
    small = _pension_list(tmp_path / "养老金.csv", header, [f"张三,{HEAD},城乡居民基本养老保险,15600,正常"], title)
    assert flagged(context(couple(), files={"pensions": small}), "C03") == []
    big = _pension_list(tmp_path / "养老金2.csv", header, [f"张三,{HEAD},企业职工基本养老保险,320000,正常"], title)
    ctx = context(couple(), files={"pensions": big})
    assert flagged(ctx, "C03") == [("张三", "高")] and "3,200.00 元/月" in evidence(ctx)[0]


_OTHERS = [f"王{k},{make_id('19450101', 300 + 2 * k)},城乡居民基本养老保险,{v},正常" for k, v in
           enumerate([12000, 13500, 15000, 16800, 18000, 21000, 23000, 250000])]


@pytest.mark.parametrize("header, title, head, others, flags, said", [
    # held-out 414: a 人社 export in 分 with no unit anywhere: a 150 元 residents' pension read as 15,000 元, C03 高
    ("姓名,社会保障号码,险种,月发放金额,待遇状态", "2026年6月养老金发放名单", "15000", _OTHERS, [], ""),
    ("姓名,社会保障号码,险种,月发放金额,待遇状态", "", "320000", _OTHERS, [("张三", "高")], "3,200.00 元/月"),
    # … traps that stay yuan: amounts with decimals, a list most of whose people get a plausible yuan amount, a unit
    # named in the title, a year's amount
    ("姓名,社会保障号码,险种,月发放金额,待遇状态", "", "15000", [o.replace(",正常", ".5,正常") for o in _OTHERS],
     [("张三", "高")], "15,000.00 元/月"),
    ("姓名,社会保障号码,险种,月发放金额,待遇状态", "", "15000", [o.replace("0,正常", ",正常") for o in _OTHERS],
     [("张三", "高")], "15,000.00 元/月"),
    ("姓名,社会保障号码,险种,月发放金额,待遇状态", "金额单位：元", "15000", _OTHERS, [("张三", "高")], "15,000.00 元/月"),
    ("姓名,社会保障号码,险种,年发放金额,待遇状态", "", "36000", _OTHERS, [("张三", "高")], "3,000.00 元/月"),
])
def test_a_pension_list_in_fen_without_a_unit_is_read_in_yuan(tmp_path, header, title, head, others, flags, said):
    rows = [f"张三,{HEAD},企业职工基本养老保险,{head},正常", *others]
    ctx = context(couple(), files={"pensions": _pension_list(tmp_path / "养老金.csv", header, rows, title)})
    assert flagged(ctx, "C03") == flags
    assert not flags or said in evidence(ctx)[0]


_YEARLY_OTHERS = [f"王{k},{make_id('19450101', 300 + 2 * k)},城乡居民基本养老保险,{v},正常" for k, v in
                  enumerate([1800, 2100, 2400, 1800, 30000, 42000])]


@pytest.mark.parametrize("header, head, factor, flags, said", [
    # h419: a list giving only a year's amount (全年发放金额, 年度合计, 2025年全年) was read as no pension at all (the
    # monthly aliases reject 全年/年度): a 72,000 元 a year pension missed; 3,600 元 a year is 300 元 a month, no C03
    *[(f"姓名,社会保障号码,险种,{h},待遇状态", head, 1, flags, said) for h in ("全年发放金额", "年度合计", "2025年全年", "年发放额")
      for head, flags, said in (("3600", [], ""), ("72000", [("张三", "高")], "72,000.00 元 ÷ 12 = 6,000.00 元/月"))],
    # … and such a column in 分 with no unit (360000 for 3,600 元): its months' shares are judged, ÷ 100 (it was read
    # as 30,000 元 a month, a C03 高)
    ("姓名,社会保障号码,险种,年发放额,待遇状态", "360000", 100, [], ""),
    ("姓名,社会保障号码,险种,全年发放金额,待遇状态", "7200000", 100, [("张三", "高")], "72,000.00 元 ÷ 12 = 6,000.00 元/月"),
    # … a sum of months named by its span is divided by them (1-9月: 9)
    ("姓名,社会保障号码,险种,2025年1-9月发放金额,待遇状态", "2700", 1, [], ""),
    ("姓名,社会保障号码,险种,1至9月发放金额,待遇状态", "54000", 1, [("张三", "高")], "54,000.00 元 ÷ 9 = 6,000.00 元/月"),
    # … while a month's amount named with its year stays a month's, and a yearly list in yuan stays yuan
    ("姓名,社会保障号码,险种,2025年9月发放金额,待遇状态", "3600", 1, [("张三", "高")], "3,600.00 元/月"),
    ("姓名,社会保障号码,险种,全年发放金额,待遇状态", "360000", 1, [("张三", "高")], "360,000.00 元 ÷ 12"),
])
def test_a_yearly_pension_column_is_read_as_twelve_months(tmp_path, header, head, factor, flags, said):
    others = [o.replace(f",{v},", f",{int(v) * factor},") for o in _YEARLY_OTHERS for v in [o.split(",")[3]]]
    rows = [f"张三,{HEAD},企业职工基本养老保险,{head},正常", *others]
    ctx = context(couple(), files={"pensions": _pension_list(tmp_path / "养老金.csv", header, rows)})
    assert flagged(ctx, "C03") == flags
    assert not flags or said in evidence(ctx)[0]


def test_a_yearly_total_beside_month_columns_leaves_the_latest_month_the_amount(tmp_path):
    # h419: 年度合计 (the total of 7月 … 9月) beside the months' columns is no month's pension (450 ÷ 12 read as one)
    from rostercheck.io.table import load_table
    from rostercheck.reference import normalise
    path = _pension_list(tmp_path / "养老金.csv", "姓名,社会保障号码,险种,7月,8月,9月,年度合计",
                         [f"张三,{HEAD},城乡居民基本养老保险,150,150,160,460"])
    table = load_table(path, "pensions")
    assert table.headers["amount"] == "9月" and normalise(table)["amount"].tolist() == [160.0]


def test_a_filtered_pension_list_is_judged_in_fen_by_the_whole_files_amounts(tmp_path):
    # h419: a list filtered to the roster's people kept too few rows to judge its unit (a yearly 分 column read as yuan)
    from rostercheck.io.table import read_file, to_table
    from rostercheck.reference import normalise
    others = [o.replace(f",{v},", f",{int(v) * 100},") for o in _YEARLY_OTHERS for v in [o.split(",")[3]]]
    path = _pension_list(tmp_path / "养老金.csv", "姓名,社会保障号码,险种,年发放额,待遇状态",
                         [f"张三,{HEAD},城乡居民基本养老保险,360000,正常", *others])
    table = to_table(read_file(path, "pensions"), lambda cells: np.arange(len(cells)) < 1)
    assert len(table.frame) == 1 and normalise(table)["amount"].tolist() == [300.0]
    assert to_table(read_file(path, "pensions")).amount_sample is None  # (read whole: its rows are the list)


def test_a_streamed_pension_list_is_judged_in_fen_by_the_whole_files_amounts(tmp_path, monkeypatch):
    from rostercheck import bulk
    from rostercheck.reference import normalise
    others = [o.replace(f",{v},", f",{int(v) * 100},") for o in _YEARLY_OTHERS for v in [o.split(",")[3]]]
    path = _pension_list(tmp_path / "养老金.csv", "姓名,社会保障号码,险种,年发放额,待遇状态",
                         [f"张三,{HEAD},城乡居民基本养老保险,360000,正常", *others])
    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    keys = bulk.KeySet()
    keys.add(np.array([HEAD], dtype=object), np.array(["valid"], dtype=object), np.array([True]))
    with bulk.Streamer(keys) as streamer:
        table = streamer.load(path, "pensions")
    assert len(table.frame) == 1 and normalise(table)["amount"].tolist() == [300.0]


def test_a_pension_list_read_in_fen_is_said():
    from helpers import table
    from rostercheck.reference import normalise
    t = table("pensions", [{"id": HEAD, "amount": v} for v in (15000, 16000, 17000, 18000, 320000)],
              headers={"amount": "月发放金额"})
    assert normalise(t)["amount"].tolist() == [150.0, 160.0, 170.0, 180.0, 3200.0]
    assert any("“月发放金额”列没有写明金额单位" in w and "以分为单位读取" in w for w in t.warnings)


@pytest.mark.parametrize("header, title", [
    ("姓名,社会保障号码,险种,月发放金额（元）,待遇状态（1正常 2暂停 3终止）", ""),
    ("姓名,社会保障号码,险种,月发放金额（元）,待遇状态", "养老待遇发放信息  险种：110企业职工 170城乡居民；待遇状态：1正常 2暂停 3终止"),
])
def test_a_pension_status_code_the_header_or_title_explains_is_read(tmp_path, header, title):
    # held-out 210: a title row '待遇状态：1正常 2暂停 3终止' was not read (every status '1' unread, C03 低 at best)
    rows = [f"张三,{HEAD},企业职工基本养老保险,2800,1", f"李梅,{WIFE},企业职工基本养老保险,2800,3"]
    ctx = context(couple(), files={"pensions": _pension_list(tmp_path / "养老金.csv", header, rows, title)})
    assert flagged(ctx, "C03") == [("张三", "高")]
    assert "李梅" not in evidence(ctx)[0] and "未能识别" not in evidence(ctx)[0]


# ------------------------------------------------------------------ pension rows judged once per distinct cells
_DAY = dt.date(2026, 9, 30)
_CELLS = {
    "pay_kind": st.sampled_from([None, "", "基本养老金", "遗属补助", "一次性丧葬补助金", "职业年金"]),
    "insurance": st.sampled_from([None, "", "110", "企业职工基本养老保险", "城乡居民基本养老保险", "补发"]),
    "month": st.sampled_from([None, "", "2026-07", "2026-09", "2026-10", "2026-09-01"]),
    "start": st.sampled_from([None, "", dt.date(2020, 1, 1), dt.date(2026, 12, 1)]),
    "end": st.sampled_from([None, "", dt.date(2026, 1, 1), dt.date(2026, 12, 31)]),
    "status": st.sampled_from([None, "", "正常发放", "暂停发放", "终止", "1", 1, 1.0, True]),
    "amount": st.sampled_from([None, 0, 0.0, 150.0, 150, -20.0, float("nan"), True]),
    "end_label": st.sampled_from([None, "", "待遇终止年月", "终止日期"]),
    "name": st.sampled_from(["张三", "李四"]),
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional=_CELLS), st.data())
def test_pension_rows_alike_in_the_cells_read_are_judged_alike(row, data):
    # _econ._pension_rows judges each distinct set of the cells it reads once: the same as judging every row afresh
    # (a cell its predicates read but _PENSION_CELLS misses would make a row differing from another only there judged
    # as the other was)
    params = load_policy(None)[0]["C03"].params
    shared = _econ._pension_rows(params, "2026-09", _DAY)
    assert shared(row) == _econ._pension_rows(params, "2026-09", _DAY)(row)
    cell = data.draw(st.sampled_from(sorted(_CELLS)))
    other = {**row, cell: data.draw(_CELLS[cell])}
    assert shared(other) == _econ._pension_rows(params, "2026-09", _DAY)(other)


def test_a_one_off_in_the_remark_beside_the_kind_is_no_monthly_pension(tmp_path):
    # held-out 321: 待遇类别 (基本养老金) took the kind, the 备注 "一次性补发3-8月" beside it was unread: a back pay of six
    # months alone in its month would have been read as the monthly pension
    path = tmp_path / "养老金发放名单.csv"
    path.write_text("姓名,身份证号,险种,待遇类别,发放年月,月发放金额,备注\n"
                    f"张三,{HEAD},城乡居民基本养老保险,基本养老金,2026-09,2700,一次性补发3-8月\n", encoding="utf-8")
    ctx = context(household("张三", HEAD, [], declared_income=100), files={"pensions": path})
    assert run_checks(ctx, ["C03"])[0] == []
    assert any("一次性补发3-8月" in w for w in ctx.cache.get("pensions:left", [])), ctx.cache.get("pensions:left")


# ------------------------------------------------------------------ exports of a social-insurance system (h360)
def _monthly_pension_book(path, status_header, statuses, code_sheet=None):
    """A pension workbook with one 待遇 column per month (张三 paid every month, 李梅 July only) and perhaps a code sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["序号", "经办人", "姓名", "社会保障号码", "险种类型", status_header,
                  "2026年07月待遇", "2026年08月待遇", "2026年09月待遇"])
    sheet.append([1, "王芳", "张三", HEAD, "企业职工基本养老保险", statuses[0], 2800, 2800, 2800])
    sheet.append([2, "王芳", "李梅", WIFE, "企业职工基本养老保险", statuses[1], 2600, None, None])
    if code_sheet:
        codes = book.create_sheet(code_sheet)
        for row in (["代码", "含义"], ["1", "参保缴费"], ["3", "终止参保"], ["4", "享受待遇"]):
            codes.append(row)
    book.save(path)
    return path


def test_a_pension_list_with_a_column_per_month_reads_the_latest_month_paid(tmp_path):
    # held-out 360: '2026年07月待遇 | 2026年08月待遇 | 2026年09月待遇' read July's (the first) with a tie warning: a pension
    # stopped in August counted as paid (C03 高 once its status was read); the latest month holding amounts is read
    path = _monthly_pension_book(tmp_path / "养老待遇.xlsx", "待遇状态", ["正常", "正常"])
    ctx = context(household("张三", HEAD), extra_rosters=[(household("李梅", WIFE), "清河县低保花名册二")],
                  files={"pensions": path})
    assert flagged(ctx, "C03") == [("张三", "高")]
    assert "2026年09月待遇" in evidence(ctx)[0]


@pytest.mark.parametrize("sheet_name", ["代码", "代码集"])
def test_a_pension_status_code_a_code_sheet_naming_no_column_explains_is_read(tmp_path, sheet_name):
    # held-out 360: a second sheet named 代码 ('代码 | 含义': 4 享受待遇) was neither a notes page nor data, so silently
    # unread, and a pension list took no unnamed code table: every status '4' unread, C03 低 at best
    path = _monthly_pension_book(tmp_path / "养老待遇.xlsx", "参保状态", ["4", "3"], sheet_name)
    ctx = context(couple(), files={"pensions": path})
    assert flagged(ctx, "C03") == [("张三", "高")]
    assert "未能识别" not in evidence(ctx)[0]


@pytest.mark.parametrize("outsiders, expected", [(8, {"张三": "中", "王五": "低"}), (1, {"张三": "低", "王五": "低"})])
def test_a_filtered_pension_lists_bulk_code_is_judged_over_the_whole_file(tmp_path, outsiders, expected):
    # held-out 399: 人社's list of 200 pensions "1" read filtered to the members' 5 rows ("1" ×3, "2", "3"): no code held
    # two thirds of those, and every pension in payment was a C03 低
    import csv
    import openpyxl
    from typer.testing import CliRunner
    from filebuild import WANG, ZHANG, county_q3, write_roster
    from rostercheck.cli import app

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["姓名", "社会保障号码", "险种类型", "待遇状态", "发放年月", "月待遇金额"])
    for i in range(outsiders):
        ws.append([f"钱{i}", make_id(f"19{40 + i}0303", 311 + 2 * i, region="430522"), "110", "1", 202609, 2600])
    ws.append(["张三", ZHANG, "110", "1", 202609, 2800])
    ws.append(["王五", WANG, "110", "2", 202609, 2000])
    book.save(tmp_path / "养老保险待遇发放信息.xlsx")
    roster = write_roster(tmp_path / "低保花名册.xlsx", county_q3())
    result = CliRunner().invoke(app, ["audit", str(roster), "--pensions", str(tmp_path / "养老保险待遇发放信息.xlsx"),
                                      "--as-of", "2026-09-30", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "findings.csv", encoding="utf-8-sig") as f:
        got = {r["姓名"]: r["置信度"] for r in csv.DictReader(f) if r["类别代码"] == "C03"}
    assert got == expected, got
