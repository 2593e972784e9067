"""F01: payments for months after the month of death (次月停发), with the amount to recover."""

import pytest
from money import findings, household, make_id, money, money_context, months, pay

HEAD = make_id("19500101", 111)
WIFE = make_id("19520202", 122)
ALONE = make_id("19400303", 131)
GONE = make_id("19450404", 151)
HEAD3 = make_id("19480505", 171)  # on no roster: the household was left off the roster after the death


def roster():
    return (household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=1032, township="城关镇")
            + household("赵六", ALONE, benefit=516, township="河口乡"))


def ledger(extra=()):
    rows = [pay(HEAD, "张三", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    return rows + list(extra)


def test_single_person_paid_after_death_recovers_every_month_after():
    ctx = money_context(roster(), ledger(), {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-14"}]})
    # died in May: May is paid, June–September (4 months × 516) are recovered
    assert money(ctx, "F01") == [("赵六", "高", 2064.0, None)]
    f = __import__("money").findings(ctx, "F01")[0]
    assert f.months == "2026-06至2026-09（4个月）"


@pytest.mark.parametrize("source, expected", [
    ("表名", [("赵六", "低", None, None)]),  # its month only the sheet's: maybe July's raise, a lead
    ("列", [("赵六", "高", 40.0, None)]),  # its own 所属期 cell says September
])
def test_a_raise_paid_back_after_a_death_with_no_month_of_its_own_is_a_lead(source, expected):
    # held-out 264 (county3): 熊春梅, dead 2026-07-25, her July raise paid in September's sheet, 所属期 blank: F01 高
    rows = [pay(HEAD, "张三", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-07")]
    rows.append(pay(ALONE, "赵六", "2026-09", 40, "提标补差", month_source=source))
    ctx = money_context(roster(), rows, {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-07-25"}]})
    assert money(ctx, "F01") == expected
    assert ("可能是补发 2026-08 以前月份的差额" in findings(ctx, "F01")[0].evidence) == (source == "表名")


@pytest.mark.parametrize("row, recover, said", [
    # dated only by its 火化日期 (2026-05-20): dead by then, the months after that one's counted (the amount at least)
    ({"date": "", "cremated": "2026-05-20"}, 2064.0, "未写死亡日期，火化日期 2026-05-20（死亡不晚于该日，按该日计）"),
    # … or by its 注销日期
    ({"date": "", "cancelled": "2026-06-02"}, 1548.0, "未写死亡日期，注销日期 2026-06-02（死亡不晚于该日，按该日计）"),
    ({"date": "", "cremated": "2026-10-05"}, None, None),  # cremated after the review date: no month to count
    ({"date": "2026-05-14", "cremated": "2026-07-20"}, 2064.0, "死亡日期 2026-05-14"),  # the death's own date first
])
def test_a_death_dated_only_by_its_cremation_counts_from_that_day(row, recover, said):
    # held-out 246: a 殡葬 row with 死亡日期 blank and 火化日期 filled gave no F01 (undated)
    lists = {"deaths": [{"name": "赵六", "id": ALONE, "cause": "病故", **row}]}
    ctx = money_context(roster(), ledger(), lists, headers={"deaths": {"date": "死亡日期", "cremated": "火化日期",
                                                                       "cancelled": "注销日期"}})
    assert money(ctx, "F01") == ([("赵六", "高", recover, None)] if recover else [])
    if said:
        assert said in findings(ctx, "F01")[0].evidence


def test_member_of_household_paid_to_head_recovers_her_share_at_medium():
    ctx = money_context(roster(), ledger(), {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-07-03"}]})
    # August and September, half of 1032 each
    assert money(ctx, "F01") == [("李梅", "中", 1032.0, None)]


def test_a_payment_already_cut_for_the_dead_member_recovers_only_what_exceeds_the_rest():
    deaths = {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-07-03"}]}
    for after, recover in ((516, None), (700, 368.0)):  # cut to one person's 516: nothing; to 700: 184 a month
        rows = [pay(HEAD, "张三", m, 1032 if m < "2026-08" else after) for m in months("2026-01", "2026-09")]
        rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
        ctx = money_context(roster(), rows, deaths)
        assert money(ctx, "F01") == ([("李梅", "中", recover, None)] if recover else [])
        assert money(ctx, "F05") == []  # the months are the death's to explain, not 少发


def test_without_earlier_months_the_rosters_amount_tells_a_payment_already_cut():
    # the ledgers start after the death: 516 of the approved 1,032 for two is the survivor's alone
    rows = [pay(HEAD, "张三", m, 516) for m in months("2026-08", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-08", "2026-09")]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-07-03"}]})
    assert money(ctx, "F01") == [] and money(ctx, "F05") == []


def test_a_members_share_is_the_amount_over_the_rosters_covered_size():
    # three people on the roster, two of them covered (保障人口 2): her share is half the household's benefit
    son = make_id("19800505", 171)
    rost = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子", son)], benefit=1000, covered_size=2) + \
        household("赵六", ALONE, benefit=516)
    rows = [pay(HEAD, "张三", m, 1000) for m in months("2026-07", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-07", "2026-09")]
    ctx = money_context(rost, rows, {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-07-03"}]})
    assert money(ctx, "F01") == [("李梅", "中", 1000.0, None)]  # August and September, 500 each
    assert "保障人口 2 人" in __import__("money").findings(ctx, "F01")[0].evidence


def test_death_on_the_last_day_of_a_month_paid_for_that_month_not_flagged():
    rows = [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-04")]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-04-30"}]})
    assert money(ctx, "F01") == []


def test_back_pay_for_a_month_before_the_death_is_not_flagged():
    rows = [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-02")]
    rows.append(pay(ALONE, "赵六", "2026-03", 516, "低保金（补发）", paid_date="2026-05-20"))
    ctx = money_context(roster(), rows, {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-03-20"}]})
    assert money(ctx, "F01") == []


def test_failed_payment_and_price_subsidy_after_death_not_counted():
    rows = [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-05")]
    rows += [pay(ALONE, "赵六", "2026-06", 516, status="失败（账户已销户）"), pay(ALONE, "赵六", "2026-06", 40, "物价补贴")]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-02"}]})
    assert money(ctx, "F01") == []


def test_payee_on_no_roster_paid_after_death_found_from_the_ledger():
    rows = ledger([pay(GONE, "钱七", m, 516) for m in months("2026-01", "2026-06")])
    ctx = money_context(roster(), rows, {"deaths": [{"name": "钱七", "id": GONE, "date": "2026-02-10"}]})
    assert money(ctx, "F01") == [("钱七", "高", 516.0 * 4, None)]


def test_payee_on_no_roster_placed_by_another_of_his_ledger_rows():
    # held-out 241: a payee on no roster, dead, was under （未填乡镇）, so --by-township sent him nowhere; his first
    # month's file has no 乡镇 column, a later month's names his township: that place, never over a list's or roster's
    rows = ledger([pay(GONE, "钱七", "2026-03", 516, _file="3月.xlsx")]
                  + [pay(GONE, "钱七", m, 516, township="河口乡", village="西村", _file=f"{m}.xlsx")
                     for m in months("2026-04", "2026-06")])
    ctx = money_context(roster(), rows, {"deaths": [{"name": "钱七", "id": GONE, "date": "2026-02-10"}]})
    (f,) = findings(ctx, "F01")
    assert (f.subject["township"], f.subject["village"], f.recover) == ("河口乡", "西村", 516.0 * 4)
    assert "《3月.xlsx》" in f.evidence  # (the row it cites is still the first month's)
    listed = {"deaths": [{"name": "钱七", "id": GONE, "date": "2026-02-10", "township": "城关镇"}]}
    (f,) = findings(money_context(roster(), rows, listed), "F01")
    assert f.subject["township"] == "城关镇"  # the deaths list's own place first, as before
    alone = ledger([pay(GONE, "钱七", m, 516) for m in months("2026-03", "2026-06")])
    (f,) = findings(money_context(roster(), alone, {"deaths": [{"name": "钱七", "id": GONE, "date": "2026-02-10"}]}), "F01")
    assert f.subject["township"] == ""  # no source names it: left as it is


def test_payee_on_no_roster_paid_for_several_is_his_share_at_medium():
    # held-out 184: a head dead in July whose household left the next quarter's roster: the ledger's 保障人数 4 said
    # whom the payment was for, and his share (1,032) became 4,128 at 高
    rows = ledger([pay(GONE, "钱七", m, 2064, covered_size=4) for m in months("2026-07", "2026-09")])
    ctx = money_context(roster(), rows, {"deaths": [{"name": "钱七", "id": GONE, "date": "2026-07-10"}]})
    assert money(ctx, "F01") == [("钱七", "中", 516.0 * 2, None)]
    assert "发放明细写明按 4 人发放" in findings(ctx, "F01")[0].evidence
    alone = ledger([pay(GONE, "钱七", m, 516, covered_size=1) for m in months("2026-07", "2026-09")])
    ctx = money_context(roster(), alone, {"deaths": [{"name": "钱七", "id": GONE, "date": "2026-07-10"}]})
    assert money(ctx, "F01") == [("钱七", "高", 516.0 * 2, None)]


def test_namesake_with_another_id_not_flagged():
    ctx = money_context(roster(), ledger(), {"deaths": [{"name": "赵六", "id": make_id("19410101", 133), "date": "2026-05-14"}]})
    assert money(ctx, "F01") == []


def test_stop_rule_same_month_is_configurable(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[common]\nmoney_stop_rule = "当月"\n', encoding="utf-8")
    ctx = money_context(roster(), ledger(), {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-14"}]}, config=cfg)
    assert money(ctx, "F01") == [("赵六", "高", 2580.0, None)]


@pytest.mark.parametrize("rule, first", [(None, "2026-06"), ("次月", "2026-06"), ("当月", "2026-05")])
def test_the_evidence_says_which_stop_rule_it_counted_by(tmp_path, rule, first):
    # h330: 次月停发 or 当月停发 was said nowhere but in the configuration's hash in run.json
    cfg = None
    if rule:
        cfg = tmp_path / "c.toml"
        cfg.write_text(f'[common]\nmoney_stop_rule = "{rule}"\n', encoding="utf-8")
    ctx = money_context(roster(), ledger(), {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-14"}]}, config=cfg)
    (f,) = findings(ctx, "F01")
    assert f"死亡日期 2026-05-14；按{rule or '次月'}停发计，{first} 起不应发放。" in f.evidence


def test_head_died_and_household_paid_into_the_spouse_account_under_her_id_recovers_his_share():
    rows = [pay(WIFE, "李梅", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "张三", "id": HEAD, "date": "2026-07-03"}]})
    assert money(ctx, "F01") == [("张三", "中", 1032.0, None)]
    # the ledger says the row covers her alone (保障人口 1): her own payment, his death is no finding here
    rows = [{**r, "covered_size": 1} if r["id"] == WIFE else r for r in rows]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "张三", "id": HEAD, "date": "2026-07-03"}]})
    assert money(ctx, "F01") == []


def test_a_price_subsidy_still_paid_under_the_dead_heads_id_does_not_hide_his_share():
    # the benefit goes to the spouse under her own ID; 物价补贴 still goes out under his: other items say nothing of
    # how the benefit is shared (and are not recovered)
    rows = [pay(WIFE, "李梅", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(HEAD, "张三", m, 40, item="物价补贴") for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "张三", "id": HEAD, "date": "2026-07-03"}]})
    assert money(ctx, "F01") == [("张三", "中", 1032.0, None)]


def test_spouse_paid_for_the_household_found_in_a_short_ledger_of_a_long_roster():
    # Member numbers run past the ledger's row count (3 rows, the spouse is member 31): still her household's payment.
    others = [r for k in range(30) for r in household(f"户{k}", make_id("19600101", 200 + k), benefit=516)]
    rows = [pay(WIFE, "李梅", m, 1032) for m in months("2026-07", "2026-09")]
    ctx = money_context(others + roster(), rows, {"deaths": [{"name": "张三", "id": HEAD, "date": "2026-07-03"}]})
    assert money(ctx, "F01") == [("张三", "中", 1032.0, None)]


def test_the_same_mistyped_id_on_roster_ledger_and_death_list_is_linked_at_medium():
    bad = ALONE[:17] + ("0" if ALONE[17] != "0" else "1")  # the check character wrong in every system
    rows = household("赵六", bad, benefit=516, township="河口乡")
    ctx = money_context(rows, [pay(bad, "赵六", m, 516) for m in months("2026-01", "2026-09")],
                        {"deaths": [{"name": "赵六", "id": bad, "date": "2026-05-14"}]})
    assert money(ctx, "F01") == [("赵六", "中", 2064.0, None)]
    assert money(ctx, "F03") == []  # she is on the roster, not a payee on none


def test_a_raise_paid_apart_after_a_members_death_recovers_her_share_of_it_too():
    rows = [pay(HEAD, "张三", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(HEAD, "张三", m, 40, "低保提标补差") for m in months("2026-07", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-07-03"}]})
    assert money(ctx, "F01") == [("李梅", "中", 1072.0, None)]  # August and September: (1032 + 40) ÷ 2 each


def test_a_raise_paid_apart_for_a_month_counts_with_its_benefit_in_the_months_total():
    # held-out 264: 余伟 (one of three) died in July; August's 1,230 and its raise 120 paid in September's sheet were
    # judged apart, as if 1,230 were already cut: 330 + 32.20 owed for August where her share was 450
    rows = [pay(HEAD3, "张三", m, 1230) for m in months("2026-01", "2026-08")]
    rows += [pay(HEAD3, "张三", m, 120, "提标补差") for m in months("2026-07", "2026-08")]
    rows += [pay(HEAD3, "张三", "2026-09", 1350)]
    three = household("张三", HEAD3, [("李梅", "配偶", WIFE), ("张军", "子", HEAD)], benefit=1350)
    ctx = money_context(three, rows, {"deaths": [{"name": "张军", "id": HEAD, "date": "2026-07-10"}]})
    assert money(ctx, "F01") == [("张军", "中", 900.0, None)]  # August and September: 1,350 ÷ 3 each


def test_the_source_columns_name_the_deaths_list_and_its_row():
    deaths = [{"name": "王二", "id": GONE, "date": "2026-01-02"}, {"name": "赵六", "id": ALONE, "date": "2026-05-14"}]
    f = __import__("money").findings(money_context(roster(), ledger(), {"deaths": deaths}), "F01")[0]
    assert (f.source, f.source_row) == ("死亡人员名单（deaths.xlsx）", "3")  # 赵六 is the list's second row (the header is row 1)
    assert "《发放明细.xlsx》第" in f.evidence  # the payments' own rows are in the evidence


def test_a_tekun_head_of_a_dibao_household_paid_under_a_head_id_column():
    # the ledger names each payee in a 户主身份证号 column only: her 特困供养金 is her 特困 enrolment's (all of it),
    # her 低保金 her household's (her share)
    wang, kid = make_id("19421207", 582), make_id("20100505", 203)
    rows = household("王玲珍", wang, [("张丽", "孙子女", kid)], benefit=880)
    tk = [{"name": "王玲珍", "id": wang, "benefit": 1576, "township": "城关镇"}]
    paid = [pay("", "", m, 880, head_id=wang, head_name="王玲珍") for m in months("2026-07", "2026-09")]
    paid += [pay("", "", m, 1576, "特困供养金", head_id=wang, head_name="王玲珍") for m in months("2026-07", "2026-09")]
    ctx = money_context(rows, paid, {"deaths": [{"name": "王玲珍", "id": wang, "date": "2026-07-13"}]},
                        extra_rosters=[(tk, "清河县特困人员名册")])
    assert money(ctx, "F01") == [("王玲珍", "中", 880.0, None), ("王玲珍", "高", 3152.0, None)]
    assert money(ctx, "F06") == []


def test_a_household_still_paid_under_its_dead_former_head_recovers_what_exceeds_its_amount():
    # 张三 died in July; the roster now lists 李梅 as head (516 for one person); the bank still pays 1032 under his ID
    # into the household's account: August and September owe 516 each (F01, not F05), about 张三 as 原户主
    acc = "6228480012345678901"
    rows = household("李梅", WIFE, benefit=516, bank_account=acc)
    deaths = {"deaths": [{"name": "张三", "id": HEAD, "date": "2026-07-03"}]}
    paid = [pay(HEAD, "张三", m, 1032, bank_account=acc) for m in months("2026-07", "2026-09")]
    ctx = money_context(rows, paid, deaths)
    assert money(ctx, "F01") == [("张三", "中", 1032.0, None)] and money(ctx, "F05") == []
    f = __import__("money").findings(ctx, "F01")[0]
    assert (f.subject["head_name"], f.subject["relation"]) == ("李梅", "原户主") and "超出部分应追回" in f.evidence
    # the payment cut to her amount after his death: nothing to recover
    cut = [pay(HEAD, "张三", m, 1032 if m == "2026-07" else 516, bank_account=acc) for m in months("2026-07", "2026-09")]
    ctx = money_context(rows, cut, deaths)
    assert money(ctx, "F01") == [] and money(ctx, "F05") == []


@pytest.mark.parametrize("rule, owed", [("次月", 1032.0), ("当月", 1548.0)])
def test_a_former_heads_household_owes_from_the_stop_rules_month_though_the_change_is_dated_later(tmp_path, rule, owed):
    # held-out 97: under 当月 the month of the death (before the roster's 变更日期, the month after) was left out, while
    # the evidence said "2026-07 起不应发放"
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[common]\nmoney_stop_rule = "{rule}"\n', encoding="utf-8")
    acc = "6228480012345678901"
    rows = household("李梅", WIFE, benefit=516, bank_account=acc, approved="2026-08-01")
    paid = [pay(HEAD, "张三", m, 1032, bank_account=acc) for m in months("2026-06", "2026-09")]
    ctx = money_context(rows, paid, {"deaths": [{"name": "张三", "id": HEAD, "date": "2026-07-03"}]}, config=cfg)
    assert money(ctx, "F01") == [("张三", "中", owed, None)]


def test_a_ledger_naming_its_items_by_code_is_read_through_the_configured_codes():
    from rostercheck.rules._vocab import value_warnings

    coded = [pay(ALONE, "赵六", m, 516, item="01") for m in months("2026-01", "2026-09")]
    deaths = {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-14"}]}
    ctx = money_context(roster(), coded, deaths)
    # an item code no list names: an other item, never compared or recovered without saying so
    assert money(ctx, "F01") == []
    assert [w for w in value_warnings(ctx) if "“01”9 行" in w and "money_benefit_codes" in w]
    ctx = money_context(roster(), coded, deaths)
    ctx.common["money_benefit_codes"] = ["01"]
    assert money(ctx, "F01") == [("赵六", "高", 2064.0, None)] and not [w for w in value_warnings(ctx) if "01" in w]
    # a number cell lost the code's leading zero (0101 typed in Excel is 101): still the configured code
    numbered = [pay(ALONE, "赵六", m, 516, item="101", status="1") for m in months("2026-01", "2026-09")]
    ctx = money_context(roster(), numbered, deaths)
    ctx.common.update(money_benefit_codes=["0101"], money_paid_codes=["01"])
    assert money(ctx, "F01") == [("赵六", "高", 2064.0, None)] and not value_warnings(ctx)
    from money import findings

    assert "101（保障金） 每月 516.00 元" in findings(ctx, "F01")[0].evidence  # the code said for what it is


def test_a_run_of_months_paid_alike_is_one_line_of_the_evidence():
    # nine months one by one made the 依据 taller than Excel shows a row (409 pt)
    from money import findings

    ctx = money_context(roster(), ledger(), {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-01-14"}]})
    (f,) = findings(ctx, "F01")
    assert "：2026-02至2026-09 低保金 每月 516.00 元，共 8 行：《发放明细.xlsx》第 12 行 至 《发放明细.xlsx》第 19 行。" in f.evidence
    assert f.recover == 8 * 516 and f.months == "2026-02至2026-09（8个月）"


def test_a_row_paying_several_months_is_cited_once_with_its_whole_sum():
    # held-out 267: "2025-07 实发 1,000.00 元 … 第 449 行" where the row holds 3,000 for 2025.07-2025.09, and a run of
    # months all from that one row cited as "第 394 行 至 第 394 行"
    rows = [pay(HEAD, "张三", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-06")] + [pay(ALONE, "赵六", "2026.07-2026.09", 1548)]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-06-14"}]})
    (f,) = findings(ctx, "F01")
    assert f.recover == 1548 and ("：2026-07至2026-09 低保金 每月 516.00 元，《发放明细.xlsx》第 17 行（该行 3 个月合计 "
                                  "1,548.00 元，按月均分）。") in f.evidence, f.evidence


def test_a_member_still_listed_after_the_household_was_cut_for_her_death_owes_nothing():
    # held-out 109: 家庭人口 2, 保障人口 1, 变更日期 after her death, 716 paid (cut from 1,432): F01 高 5,728
    rost = household("叶英", HEAD, [("杜利娟", "配偶", WIFE)], benefit=716, covered_size=1, changed="2026-05-01") + \
        household("赵六", ALONE, benefit=516)
    rows = [pay(HEAD, "叶英", m, 1432 if m < "2026-05" else 716) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    deaths = {"deaths": [{"name": "杜利娟", "id": WIFE, "date": "2026-04-12"}]}
    assert money(money_context(rost, rows, deaths), "F01") == []
    # the same roster with no change date: its amount (716, half the 1,432 paid for both before) is already cut for her,
    # its 保障人口 is the one left (held-out 204: the payment cut by her share owes nothing, as F01.toml says)
    rost = [{**r, "changed": ""} for r in rost]
    assert money(money_context(rost, rows, deaths), "F01") == []


@pytest.mark.parametrize("after, recover", [(800, None), (1000, 800.0)])
def test_a_roster_already_cut_for_a_dead_member_it_still_lists_counts_him_in_the_amount_before(after, recover):
    # held-out 204: three listed, 保障人口 2 and 月保障金 800 (cut from the 1,200 paid for three); he died in May, 800 paid
    # from June: F01 中 800 "每月 800（应追回份额 200）… 保障人口 2 人 …（发放金额 ÷ 2）" contradicted itself
    son = make_id("19800505", 171)
    rost = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子", son)], benefit=800, covered_size=2) + \
        household("赵六", ALONE, benefit=516)
    rows = [pay(HEAD, "张三", m, 1200 if m < "2026-06" else after) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(rost, rows, {"deaths": [{"name": "张小", "id": son, "date": "2026-05-12"}]})
    assert money(ctx, "F01") == ([("张小", "中", recover, None)] if recover else [])
    if recover:  # paid 1,000 for the two left (800): 200 a month over, and the evidence says so, not "÷ 2"
        evidence = findings(ctx, "F01")[0].evidence
        assert "应追回超出部分 200.00 元" in evidence and "÷" not in evidence


def test_a_raise_paid_back_after_a_death_is_recovered_with_the_benefit():
    # held-out 109: 提标补差 for July and August paid in September to a 特困 person who died in June was left out of F01
    rows = ledger([pay(ALONE, "赵六", m, 74, "提标补差", remark="补发7-8月提标补差", paid_date="2026-09-10")
                   for m in ("2026-07", "2026-08")])
    ctx = money_context(roster(), rows, {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-06-20"}]})
    assert money(ctx, "F01") == [("赵六", "高", 516.0 * 3 + 148, None)]


# A member the roster's own 成员状态 says died (held-out 176): the export keeps her row as history, out of the household
STATUS = {"member_status": "成员状态", "status_date": "状态变更日期"}
SON = make_id("19800505", 171)


def died_on_the_roster(benefit: int, status_date: str = "2026-04-15") -> list[dict]:
    return [{**r, "member_status": "已死亡" if r["id"] == SON else "正常", "status_date": status_date if r["id"] == SON else ""}
            for r in household("张三", HEAD, [("李梅", "配偶", WIFE), ("张军", "子", SON)], benefit=benefit,
                               township="城关镇", covered_size=2, household_size=3)] + household("赵六", ALONE, benefit=516)


@pytest.mark.parametrize("benefit, status_date, died, paid, recover", [
    # died in March, the roster's amount for the two left (1,032) from May, April paid the old 1,548 for three: her share
    (1032, "2026-04-15", "2026-03-13", {"2026-04": 1548, "2026-05": 1032}, 516.0),
    # died in May, the roster's amount never cut (1,548 for the two it lists), paid 1,548 June to September
    (1548, "2026-05-10", "2026-05-03", {"2026-06": 1548}, 516.0 * 4),
    # … on no deaths list: the status's own date (May) stops her share from June
    (1548, "2026-05-10", None, {"2026-06": 1548}, 516.0 * 4),
    # paid the amount for the two left from the month after the death: nothing
    (1032, "2026-04-15", "2026-03-13", {"2026-04": 1032}, None),
])
def test_a_member_the_rosters_own_status_says_died_is_her_households_share(benefit, status_date, died, paid, recover):
    # held-out 176: 邓宝英 已死亡 (status row dated 04-15, died 03-13), April paid the old 1,548 for three: F05 高 516
    # (wrong code); 胡胜春 已死亡, the roster's 1,548 never cut: nothing. The death linked to nobody (no member any more)
    amounts = [a for m in months("2026-01", "2026-09") for a in [next((v for k, v in reversed(paid.items()) if m >= k), 1548)]]
    rows = [pay(HEAD, "张三", m, a) for m, a in zip(months("2026-01", "2026-09"), amounts)]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    deaths = [{"name": "张军", "id": SON, "date": died}] if died else [{"name": "钱七", "id": GONE, "date": "2026-01-09"}]
    ctx = money_context(died_on_the_roster(benefit, status_date), rows, {"deaths": deaths}, roster_headers=STATUS)
    assert money(ctx, "F01") == ([("张军", "中", recover, None)] if recover else [])
    assert money(ctx, "F05") == []
    if recover:
        (f,) = findings(ctx, "F01")
        # where the death came from: the roster's own status row (file, row), with the list's date of death when given
        assert f.evidence.startswith("《低保花名册.xlsx》第 4 行：张军，成员状态“已死亡”，状态变更日期 " + status_date)
        assert ("《死亡人员名单（deaths.xlsx）》第 2 行死亡日期 " + str(died) in f.evidence) == bool(died)
        assert "保障人口 3 人" in f.evidence and f.subject["head_name"] == "张三" and f.subject["id"] == SON


@pytest.mark.parametrize("died", ["2026-03-13", None])
def test_a_member_who_left_a_household_of_two_is_her_share_of_the_one_left(died):
    # held-out 187: only the head left, his rows were no household's (one covered member): six deaths and moves F05 at 高,
    # one month lost (the status's date, not the list's), while larger households' were F01/F02 at 中
    rost = [{**r, "member_status": "已死亡" if r["id"] == SON else "正常",
             "status_date": "2026-04-15" if r["id"] == SON else ""}
            for r in household("张三", HEAD, [("张军", "子", SON)], benefit=516, township="城关镇", covered_size=1,
                               household_size=2)]
    rows = [pay(HEAD, "张三", m, 1032) for m in months("2026-01", "2026-09")]
    deaths = [{"name": "张军", "id": SON, "date": died}] if died else [{"name": "钱七", "id": GONE, "date": "2026-01-09"}]
    ctx = money_context(rost, rows, {"deaths": deaths}, roster_headers=STATUS)
    start = 4 if died else 5  # the month after the death on the list, else after the status's date
    assert money(ctx, "F01") == [("张军", "中", 516.0 * (10 - start), None)]
    assert money(ctx, "F05") == []


@pytest.mark.parametrize("whole", [False, True])
def test_the_deaths_list_keeps_the_row_of_a_member_the_roster_says_died(tmp_path, whole):
    # held-out 176: the lists are filtered to the people of interest, and she was none (no member any more): her death
    # on 03-13 was dropped, the status's 04-15 stopped her share from May, April's old 1,548 for three went unseen
    import datetime as dt

    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    roster.write_text("乡镇,村,户主姓名,户主身份证号,月保障金,保障人口,审批日期,姓名,身份证号,与户主关系,成员状态,状态变更日期\n"
                      f"城关镇,东村,张三,{HEAD},1032,2,2021-06-01,张三,{HEAD},户主,正常,\n"
                      f"城关镇,东村,张三,{HEAD},1032,2,2021-06-01,李梅,{WIFE},配偶,正常,\n"
                      f"城关镇,东村,张三,{HEAD},1032,2,2021-06-01,张军,{SON},子,已死亡,2026-04-15\n", encoding="utf-8")
    deaths = tmp_path / "死亡人员名单.csv"
    deaths.write_text(f"姓名,身份证号,死亡日期\n张军,{SON},2026-03-13\n", encoding="utf-8")
    ledger = tmp_path / "发放明细.csv"
    ledger.write_text("户主姓名,户主身份证号,资金项目,所属月份,发放金额,发放状态\n" + "".join(
        f"张三,{HEAD},低保金,{m},{1548 if m <= '2026-04' else 1032},成功\n" for m in months("2026-01", "2026-09")),
        encoding="utf-8")
    result = audit([roster], {"deaths": deaths}, dt.date(2026, 9, 30), payments=[ledger], codes=["F01", "F05"],
                   whole=whole)
    found = result.findings[["类别代码", "置信度", "应追回金额", "涉及月份"]].values.tolist()
    assert found == [["F01", "中", 516.0, "2026-04（1个月）"]]


def test_members_the_roster_says_died_count_each_in_her_own_township_at_her_own_row(tmp_path):
    # held-out 187: every 已减员成员 finding carried member -1, so the 汇总 sheet, the console table and 核查范围 counted
    # them as one person (F01 2 for 18 rows) in the first township; 花名册行 was her head's row, 花名册文件 without its sheet
    import datetime as dt

    from openpyxl import Workbook

    from rostercheck.audit import audit
    from rostercheck.io.problem_list import summary

    wife2, son2, head2 = make_id("19530303", 142), make_id("19810606", 193), make_id("19510101", 175)
    book = Workbook()
    header = ["乡镇", "村", "户主姓名", "户主身份证号", "月保障金", "保障人口", "审批日期", "姓名", "身份证号", "与户主关系", "成员状态",
              "状态变更日期"]
    for k, (town, head, hid, wife, wid, son, sid) in enumerate([("城关镇", "张三", HEAD, "李梅", WIFE, "张军", SON),
                                                                 ("河口乡", "王五", head2, "刘芳", wife2, "王强", son2)]):
        sheet = book.active if k == 0 else book.create_sheet()
        sheet.title = town
        sheet.append(header)
        for name, pid, rel, status in ((head, hid, "户主", "正常"), (wife, wid, "配偶", "正常"), (son, sid, "子", "已死亡")):
            sheet.append([town, "东村", head, hid, 1548, 2, "2021-06-01", name, pid, rel, status,
                          "2026-04-15" if status == "已死亡" else ""])
    roster = tmp_path / "低保花名册.xlsx"
    book.save(roster)
    ledger = tmp_path / "发放明细.csv"
    ledger.write_text("户主姓名,户主身份证号,资金项目,所属月份,发放金额,发放状态\n" + "".join(
        f"{name},{hid},低保金,{m},1548,成功\n" for name, hid in (("张三", HEAD), ("王五", head2))
        for m in months("2026-01", "2026-09")), encoding="utf-8")
    deaths = tmp_path / "死亡人员名单.csv"
    deaths.write_text(f"姓名,身份证号,死亡日期\n钱七,{GONE},2026-01-09\n", encoding="utf-8")
    result = audit([roster], {"deaths": deaths}, dt.date(2026, 9, 30), payments=[ledger], codes=["F01"])
    found = result.findings
    assert found[["乡镇", "姓名", "花名册文件", "花名册行"]].values.tolist() == [
        ["城关镇", "张军", "低保花名册.xlsx（工作表“城关镇”）", "4"], ["河口乡", "王强", "低保花名册.xlsx（工作表“河口乡”）", "4"]]
    table = summary(found, {"F01": "死亡后仍发放"}).set_index("乡镇")
    assert table["F01 死亡后仍发放"].to_dict() == {"城关镇": 1, "河口乡": 1, "合计": 2}


def test_a_person_alone_the_roster_and_the_deaths_list_say_died_is_under_the_rosters_township_and_row():
    # held-out 187: 周秀华, 特困 供养状态 已死亡 and on the deaths list, was F01 高 with 乡镇 and 村 blank (under （未填乡镇）),
    # 花名册文件 the ledger's, the evidence citing the deaths list only
    from rostercheck.audit import findings_frame

    rost = [{**r, "member_status": "已死亡" if r["id"] == ALONE else "正常", "status_date": "2026-07-03" if r["id"] == ALONE
             else ""} for r in household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=1032, township="城关镇")
            + household("赵六", ALONE, benefit=516, township="河口乡", village="西村")]
    ctx = money_context(rost, ledger(), {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-06-20"}]},
                        roster_headers=STATUS)
    frame = findings_frame(ctx, findings(ctx, "F01"))
    assert frame[["置信度", "乡镇", "村", "姓名", "花名册文件", "花名册行", "应追回金额"]].values.tolist() == [
        ["高", "河口乡", "西村", "赵六", "低保花名册.xlsx", "4", 516.0 * 3]]
    assert "在花名册中已不在保障中（“已死亡”，状态变更日期 2026-07-03，《低保花名册.xlsx》第 4 行）" in frame.at[0, "依据"]


def roster_deaths(dated: str, alone: bool) -> list[dict]:
    """张三's household with his son, and 赵六 alone; the son (else 赵六) 已死亡 on the roster's own status, dated or not."""
    dead = ALONE if alone else SON
    return [{**r, "member_status": "已死亡" if r["id"] == dead else "正常", "status_date": dated if r["id"] == dead else ""}
            for r in household("张三", HEAD, [("李梅", "配偶", WIFE), ("张军", "子", SON)], benefit=1548,
                               township="城关镇", covered_size=2, household_size=3)
            + household("赵六", ALONE, benefit=516, township="河口乡")]


@pytest.mark.parametrize("alone, deaths, expected, said", [
    # a member of a household paid to the head: her share (1,548 ÷ 3) June to September, at 中 (paid to the head)
    (False, None, [("张军", "中", 516.0 * 4, None)], "《低保花名册.xlsx》第 4 行：张军，成员状态“已死亡”，状态变更日期 2026-05-10"),
    # a person alone, paid under his own ID: every month from June, at 高 (the exact roster member)
    (True, None, [("赵六", "高", 516.0 * 4, None)], "《低保花名册.xlsx》第 5 行"),
    # … and on the deaths list too (died 05-03): one finding, naming both
    (True, [{"name": "赵六", "id": ALONE, "date": "2026-05-03"}], [("赵六", "高", 516.0 * 4, None)], "死亡日期 2026-05-03"),
])
def test_a_death_the_roster_records_with_a_date_is_found_without_a_deaths_list(alone, deaths, expected, said):
    # held-out 202 (F01): the roster's own 成员状态 已死亡 with its 状态变更日期, the ledgers paying on; F01 ran only with
    # --deaths ("未提供所需名单"), so the months after the death were found nowhere (a person alone: F03 at most)
    rows = [pay(HEAD, "张三", m, 1548) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(roster_deaths("2026-05-10", alone), rows, {"deaths": deaths} if deaths else None,
                        roster_headers=STATUS)
    assert money(ctx, "F01") == expected
    (f,) = findings(ctx, "F01")
    assert said in f.evidence and "《低保花名册.xlsx》第" in f.evidence and f.source.startswith("花名册") != bool(deaths)
    assert money(ctx, "F03") == []


@pytest.mark.parametrize("alone", [False, True])
def test_a_death_the_roster_records_without_a_date_is_said_not_guessed(tmp_path, alone):
    # held-out 202 (F01): 已死亡 with no date gives no month to stop from: no finding, a notice naming the row
    import datetime as dt

    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    dead = ALONE if alone else SON
    roster.write_text("乡镇,村,户主姓名,户主身份证号,月保障金,保障人口,姓名,身份证号,与户主关系,成员状态,状态变更日期\n" + "".join(
        f"城关镇,东村,{h},{hid},{amount},{size},{n},{i},{rel},{'已死亡' if i == dead else '正常'},\n"
        for h, hid, amount, size, n, i, rel in (("张三", HEAD, 1548, 3, "张三", HEAD, "户主"), ("张三", HEAD, 1548, 3, "张军", SON, "子"),
                                                ("张三", HEAD, 1548, 3, "李梅", WIFE, "配偶"), ("赵六", ALONE, 516, 1, "赵六", ALONE, "户主"))),
        encoding="utf-8")
    ledger = tmp_path / "发放明细.csv"
    ledger.write_text("户主姓名,户主身份证号,资金项目,所属月份,发放金额,发放状态\n" + "".join(
        f"{n},{i},低保金,{m},{a},成功\n" for n, i, a in (("张三", HEAD, 1548), ("赵六", ALONE, 516))
        for m in months("2026-01", "2026-09")), encoding="utf-8")
    result = audit([roster], {}, dt.date(2026, 9, 30), payments=[ledger], codes=["F01"])
    assert "F01" not in result.skipped and result.findings.empty
    said = [w for w in result.warnings if "已死亡" in w and "日期" in w]
    assert len(said) == 1 and "低保花名册.csv" in said[0] and ("第 5 行" if alone else "第 3 行") in said[0], result.warnings
    # … a deaths list given dates it (before the ledgers' first month): nothing to say (held-out 268: undated, and
    # "请…提供死亡人员名单（--deaths）" though the list was given)
    deaths = tmp_path / "死亡人员名单.csv"
    deaths.write_text(f"姓名,身份证号,死亡日期\n{'赵六' if alone else '张军'},{dead},2025-11-20\n", encoding="utf-8")
    result = audit([roster], {"deaths": deaths}, dt.date(2026, 9, 30), payments=[ledger], codes=["F01"])
    assert not [w for w in result.warnings if "已死亡" in w and "日期" in w], result.warnings


def _own_amounts_roster() -> list[dict]:
    """张三's household: each member's own amount (个人月补助金额), the household's (1,350) their sum; 张军 已死亡, his
    own amount blank as exports leave it."""
    own = {HEAD: 600, WIFE: 750, SON: None}
    rows = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张军", "子", SON)], township="城关镇", covered_size=2,
                     household_size=3)
    return [{**r, "benefit_own": own[r["id"]], "benefit": 1350 if r["id"] == HEAD else None,
             "member_status": "已死亡" if r["id"] == SON else "正常", "status_date": "2026-05-03" if r["id"] == SON else ""}
            for r in rows] + household("赵六", ALONE, benefit=516, benefit_own=516)


@pytest.mark.parametrize("before, after, recover", [
    (2030, 2030, 680.0 * 4),  # never cut: his own 680 June–September, not 2,030 ÷ 3
    (1950, 1350, None),  # paid the roster's 1,350 for the two left after a raise: nothing (was 50 a month "超出")
])
def test_a_departed_members_own_amount_is_recovered_when_the_roster_gives_each_members(before, after, recover):
    # (held-out 225) 尹燕 2,544 (3,180 ÷ 5 × 4) for truth 700 × 4; 叶军梅 262.5 "仍超出其余成员的份额" though paid the
    # roster's current 家庭月保障金
    rows = [pay(HEAD, "张三", m, before if m < "2026-06" else after) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(_own_amounts_roster(), rows, {"deaths": [{"name": "张军", "id": SON, "date": "2026-05-03"}]},
                        roster_headers={**STATUS, "benefit_own": "个人月补助金额", "benefit": "家庭月保障金"})
    assert money(ctx, "F01") == ([("张军", "中", recover, None)] if recover else [])
    if recover:
        assert "超出现核定家庭月保障金" in findings(ctx, "F01")[0].evidence


def test_a_payment_cut_for_a_dead_member_after_a_raise_paid_back_owes_nothing():
    # held-out 231: three at 420 (1,260) on the roster, 1,170 paid until July's raise, whose 90 for July came in August;
    # he died in July and 840 (the new 420 × 2) was paid from August: F01 中 300 "超出部分 60" took 1,170 as the whole
    son = make_id("19800505", 171)
    rost = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子", son)], benefit=1260) + \
        household("赵六", ALONE, benefit=516)
    rows = [pay(HEAD, "张三", m, 1170 if m < "2026-08" else 840) for m in months("2026-01", "2026-12")]
    rows += [pay(HEAD, "张三", "2026-07", 90, "提标补差", remark="补发7月提标补差", paid_date="2026-08-10")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-12")]
    ctx = money_context(rost, rows, {"deaths": [{"name": "张小", "id": son, "date": "2026-07-15"}]})
    assert money(ctx, "F01") == []


# A raise the whole programme got in July (six households of one paid 516, then 546; the roster says today's 546)
RAISED = [make_id("19410101", 201 + 10 * k) for k in range(6)]


def raised_county(extra: list[dict], first: str = "2026-01") -> tuple[list[dict], list[dict]]:
    """The six households of one raised in July (roster, ledger rows from ``first``), beside ``extra``'s roster rows."""
    rost = extra + [r for k, pid in enumerate(RAISED) for r in household(f"赵{k}", pid, benefit=546, benefit_own=546)]
    rows = [pay(pid, f"赵{k}", m, 516 if m < "2026-07" else 546) for k, pid in enumerate(RAISED)
            for m in months(first, "2026-09")]
    return rost, rows


@pytest.mark.parametrize("own", [False, True])
def test_a_member_the_roster_no_longer_lists_owes_the_months_own_share_before_a_raise(own):
    # held-out 225b: three paid 3 × 516 until the programme's July raise, 3 × 546 after; 张军 died in March and the roster
    # lists the two left (2 × 546 today, each member's own 546 where it gives them). April–June owe 516 each, not
    # 1,548 − 1,092 = 456 (today's raised amount taken as the other two's then)
    rows3 = household("张三", HEAD, [("李梅", "配偶", WIFE), ("张军", "子", SON)], benefit=1092, township="城关镇",
                      covered_size=2, household_size=3)
    rows3 = [{**r, "member_status": "已死亡" if r["id"] == SON else "正常",
              "status_date": "2026-03-20" if r["id"] == SON else "",
              "benefit_own": None if r["id"] == SON or not own else 546} for r in rows3]
    rost, rows = raised_county(rows3)
    rows += [pay(HEAD, "张三", m, 1548 if m < "2026-07" else 1638) for m in months("2026-01", "2026-09")]
    headers = {**STATUS, "benefit_own": "个人月补助金额", "benefit": "家庭月保障金"}
    deaths = [{"name": "张军", "id": SON, "date": "2026-03-13"}]
    ctx = money_context(rost, rows, {"deaths": deaths}, roster_headers=headers)
    assert money(ctx, "F01") == [("张军", "中", 516.0 * 3 + 546.0 * 3, None)]
    assert money(ctx, "F05") == []
    (f,) = findings(ctx, "F01")
    assert "每月 1,548.00 元（应追回份额 516.00 元）" in f.evidence
    assert "每月 1,638.00 元（应追回份额 546.00 元）" in f.evidence
    if own:  # the months before the raise are said to be taken as before it, not at today's own amounts
        assert "该类保障对象 2026-07 起统一提标，现核定金额每人每月减去 30.00 元" in f.evidence


@pytest.mark.parametrize("deaths", [True, False])
def test_a_member_paid_under_his_own_id_whom_the_rosters_status_says_died_is_f01(deaths):
    # held-out 313: members paid one by one; the roster's history row says 张军 死亡 2026-04-15; with no deaths list his
    # May–July rows were "不在册" F03 中 for July only (455 for 1,365)
    rows = [pay(HEAD, "张三", m, 516, head_id=HEAD) for m in months("2026-01", "2026-09")]
    rows += [pay(WIFE, "李梅", m, 516, head_id=HEAD) for m in months("2026-01", "2026-09")]
    rows += [pay(SON, "张军", m, 455) for m in months("2026-01", "2026-07")]  # (into his own account)
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    lists = {"deaths": [{"name": "张军", "id": SON, "date": "2026-04-10"}]} if deaths else {}
    ctx = money_context(died_on_the_roster(1032), rows, lists, roster_headers=STATUS)
    assert [(c, r) for _, c, r, _ in money(ctx, "F01")] == [("高", 455.0 * 3)]
    assert money(ctx, "F03") == []


@pytest.mark.parametrize("per_person, expected", [
    # paid per person: her rows stop after her death in August; the head's own September row is his alone
    (True, []),
    # paid to the head for both: her part of September's payment (her 个人月补助金额) is to recover
    (False, [("李梅", "中", 400.0, None)]),
])
def test_a_household_paid_per_person_owes_nothing_of_the_heads_row_after_a_members_death(per_person, expected):
    # held-out 322: 8-31 death, her own rows stopped; the head's own September row, alone that month, was read as the
    # household's and her part of it F01 中 (each member's 个人月补助金额 on the roster)
    people = household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=1032, township="城关镇")
    for r, own in zip(people, (632, 400)):
        r["benefit_own"] = own
    rows = [pay(ALONE, "赵六", m, 516) for m in months("2026-06", "2026-09")]
    if per_person:
        rows += [pay(HEAD, "张三", m, 632) for m in months("2026-06", "2026-09")]
        rows += [pay(WIFE, "李梅", m, 400) for m in months("2026-06", "2026-08")]
    else:
        rows += [pay(HEAD, "张三", m, 1032) for m in months("2026-06", "2026-09")]
    people += household("赵六", ALONE, benefit=516, benefit_own=516, township="河口乡")
    ctx = money_context(people, rows, {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-08-31"}]})
    assert money(ctx, "F01") == expected


@pytest.mark.parametrize("cell, recover", [
    # every household's quarter cell its monthly amount (a book of monthly amounts, F05's): each month is paid the cell
    # (h383: a third of it was recovered)
    (lambda k: 1032, 4 * 1032.0),
    # true quarter lumps: each month a third of the cell, as before
    (lambda k: 3 * 1032, 4 * 1032.0),
])
def test_a_death_paid_on_from_quarter_cells_recovers_each_months_amount(cell, recover):
    from money import household as hh
    roster, rows = [], []
    for k in range(6):
        head = make_id("19400101", 300 + k)
        roster += hh(f"户{k}", head, benefit=1032, approved="2019-03-01")
        for span in ("2026-04至2026-06", "2026-07至2026-09"):
            rows.append(pay(head, f"户{k}", span, cell(k)))
    dead = make_id("19400101", 300)
    ctx = money_context(roster, rows, {"deaths": [{"name": "户0", "id": dead, "date": "2026-05-14"}]})
    assert money(ctx, "F01") == [("户0", "高", recover, None)]


@pytest.mark.parametrize("size, benefit, paid_after, expected", [
    # must flag: 保障人口 still 3 beside two members and her 死亡 row, the full 1,548 paid on: her third (held-out 418:
    # no date read from 备注, F01 unchecked; then her share was 1,548 ÷ 4)
    (3, 1548, 1548, [["F01", "中", 516.0 * 5, "2026-05至2026-09（5个月）"]]),
    # must not: the roster cut to 1,032 for two, the ledger paying 1,032 from the month after: no F01 share, and the
    # months before her death, paid 1,548 for three, are no F05 (the change dated by the 备注)
    (2, 1032, 1032, []),
])
def test_a_member_the_roster_says_died_in_a_remark_is_dated_by_it(tmp_path, size, benefit, paid_after, expected):
    import datetime as dt

    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    roster.write_text("乡镇,村,户主姓名,户主身份证号,月保障金,保障人口,审批日期,姓名,身份证号,与户主关系,人员状态,备注\n"
                      f"城关镇,东村,张三,{HEAD},{benefit},{size},2021-06-01,张三,{HEAD},户主,正常,\n"
                      f"城关镇,东村,张三,{HEAD},{benefit},{size},2021-06-01,李梅,{WIFE},配偶,正常,\n"
                      f"城关镇,东村,张三,{HEAD},{benefit},{size},2021-06-01,张军,{SON},子,死亡,2026年4月15日死亡\n",
                      encoding="utf-8")
    deaths = tmp_path / "死亡人员名单.csv"
    deaths.write_text(f"姓名,身份证号,死亡日期\n钱七,{GONE},2026-01-09\n", encoding="utf-8")
    ledger = tmp_path / "发放明细.csv"
    ledger.write_text("户主姓名,户主身份证号,资金项目,所属月份,发放金额,发放状态\n" + "".join(
        f"张三,{HEAD},低保金,{m},{1548 if m <= '2026-04' else paid_after},成功\n" for m in months("2026-01", "2026-09")),
        encoding="utf-8")
    result = audit([roster], {"deaths": deaths}, dt.date(2026, 9, 30), payments=[ledger], codes=["F01", "F05"])
    found = result.findings[["类别代码", "置信度", "应追回金额", "涉及月份"]].values.tolist()
    assert found == expected


@pytest.mark.parametrize("listed, said", [
    ("赵陆", "第 2 行：赵陆（花名册中为赵六），死亡日期 2026-05-14"),  # the list's own name, the roster's beside it
    ("趙六", "第 2 行：赵六，死亡日期 2026-05-14"),  # the same name in traditional characters: said once
    ("赵六", "第 2 行：赵六，死亡日期 2026-05-14"),
])
def test_the_evidence_quotes_the_lists_own_name_of_its_row(listed, said):
    # h420: "死亡人员名单第 9 行：孙桂金，死亡日期 …" of a row naming 孙文玉 (the row linked through the ledger payee's
    # name); a worker at the door reads the list's row as the evidence quotes it
    ctx = money_context(roster(), ledger(), {"deaths": [{"name": listed, "id": ALONE, "date": "2026-05-14"}]})
    assert money(ctx, "F01") == [("赵六", "高", 2064.0, None)]
    assert said in findings(ctx, "F01")[0].evidence


@pytest.mark.parametrize("dates, expected", [
    # two extracts date one death in March and in July: only August–September are sure, the other row named
    (("2026-03-14", "2026-07-10"), [("赵六", "高", 516.0 * 2, None)]),
    (("2026-07-10", "2026-03-14"), [("赵六", "高", 516.0 * 2, None)]),
    # … one a day apart: the same months, nothing in dispute
    (("2026-05-14", "2026-05-15"), [("赵六", "高", 516.0 * 4, None)]),
    # … the other row after the review date: alive on it by that row, nothing sure
    (("2026-05-14", "2026-11-02"), [("赵六", "低", 516.0 * 4, None)]),
])
def test_a_death_the_list_dates_twice_is_recovered_only_for_the_months_both_rows_agree(dates, expected):
    # h444's left-over on the money side: C02 joins a person dead in rows that disagree; F01 recovered from the earlier
    # date at 高 (June–September and more) while the other row had her alive until July
    rows = [{"name": "赵六", "id": ALONE, "date": d} for d in dates]
    ctx = money_context(roster(), ledger(), {"deaths": rows})
    assert money(ctx, "F01") == expected
    if dates == ("2026-03-14", "2026-07-10"):
        (f,) = findings(ctx, "F01")
        assert "同一人第 3 行死亡日期 2026-07-10，两行必有一误，按较晚的日期计" in f.evidence
