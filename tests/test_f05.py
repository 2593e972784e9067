"""F05: the benefit paid differs from the roster's approved amount beyond the tolerance."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from money import findings, household, make_id, money, money_context, months, pay

A = make_id("19800101", 111)
B = make_id("19820202", 122)
T = make_id("19400707", 171)


def roster(benefit=1032):
    return household("王五", A, [("王芳", "配偶", B)], benefit=benefit)


def test_overpaid_and_underpaid_months():
    rows = [pay(A, "王五", "2026-07", 1132), pay(A, "王五", "2026-08", 1032), pay(A, "王五", "2026-09", 932)]
    assert money(money_context(roster(), rows), "F05") == [("王五", "高", 100.0, 100.0)]


def test_a_payment_reversed_by_a_bank_summary_naming_the_item_and_month_is_no_payment():
    # held-out 215 (陶满伟): August paid 1,130 in error, reversed (-￥1,130.00, 摘要 冲正 低保金202608), then the approved
    # amount paid; the minus was lost and the reversal named another item, so 2,170 was to be recovered
    rows = [pay(A, "王五", m, "￥1,032.00", f"低保金{m.replace('-', '')}", month_source="表名") for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", "2026-08", amount, summary, month_source="表名")
             for amount, summary in (("￥1,130.00", "低保金202608"), ("-￥1,130.00", "冲正 低保金202608"))]
    assert money(money_context(roster(), rows), "F05") == []


def test_household_paid_to_head_price_subsidy_and_small_differences_not_flagged():
    rows = [pay(A, "王五", m, 1032.5) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", m, 80, "物价补贴") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 500, "春节一次性生活补贴"))
    assert money(money_context(roster(), rows), "F05") == []


def test_per_person_ledger_sums_to_the_household_amount():
    rows = [pay(A, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(B, "王芳", m, 516) for m in months("2026-07", "2026-09")]
    assert money(money_context(roster(), rows), "F05") == []
    # the roster writes each member's own equal amount: 516 each, the household paid 1032 through the head
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    assert money(money_context(roster(516), rows), "F05") == []


def test_months_before_the_roster_quarter_not_compared():
    rows = [pay(A, "王五", m, 900) for m in months("2026-01", "2026-06")] + [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    assert money(money_context(roster(), rows), "F05") == []


def test_tekun_person_compared_with_the_support_standard():
    rows = [pay(T, "吴十", m, 1476, "特困供养金") for m in months("2026-07", "2026-09")]
    tk = [{"name": "吴十", "id": T, "benefit": 1576, "township": "城关镇"}]
    ctx = money_context(roster(), rows + [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")],
                        extra_rosters=[(tk, "清河县特困人员名册")])
    assert money(ctx, "F05") == [("吴十", "高", None, 300.0)]


def test_approval_date_sets_the_months_compared():
    # approved (changed) 2026-05-12 at 1032: May and June underpaid are findings though before the roster quarter
    rows = [pay(A, "王五", m, 900) for m in months("2026-01", "2026-06")] + [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    assert money(money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2026-05-12"), rows),
                 "F05") == [("王五", "高", None, 264.0)]
    # approved this September: the months before are not compared with this amount
    rows = [pay(A, "王五", m, 900) for m in months("2026-01", "2026-09")]
    assert money(money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2026-09-01"), rows),
                 "F05") == [("王五", "高", None, 132.0)]


def test_one_amount_paid_up_to_a_month_from_which_the_rosters_is_paid_is_a_lead_not_money_owed():
    # held-out 194: a January standard raise (no 变更日期, an approval of 2019): 455 households' October–December
    # 少发 at 高, 应补发 added to the totals
    rows = [pay(A, "王五", m, 980) for m in months("2025-10", "2025-12")] + [pay(A, "王五", m, 1032) for m in months("2026-01", "2026-09")]
    people = household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2019-03-01")
    found = findings(money_context(people, rows), "F05")
    assert [(f.confidence, f.recover, f.repay) for f in found] == [("低", None, None)]
    assert "2026-01 起每月实发与核定金额一致，此前各月为 980.00 元" in found[0].evidence
    # two earlier amounts, each for months on end (a January 提标, then a member added in April): a lead too
    two = ([pay(A, "王五", m, 950) for m in months("2025-10", "2025-12")] + [pay(A, "王五", m, 980) for m in months("2026-01", "2026-03")]
           + [pay(A, "王五", m, 1032) for m in months("2026-04", "2026-09")])
    found = findings(money_context(people, two), "F05")
    assert [f.confidence for f in found] == ["低"] and "此前各月为 950.00 元、980.00 元" in found[0].evidence
    # amounts that come and go are no earlier approvals
    erratic = [pay(A, "王五", m, a) for m, a in zip(months("2025-10", "2025-12"), (900, 1000, 950))]
    erratic += [pay(A, "王五", m, 1032) for m in months("2026-01", "2026-09")]
    assert [f.confidence for f in findings(money_context(people, erratic), "F05")] == ["高"]
    # … but amounts that go on differing after the roster's is paid, or differ among themselves, are money owed
    rows[-1] = pay(A, "王五", "2026-09", 980)
    assert money(money_context(people, rows), "F05") == [("王五", "高", None, 52.0 * 4)]


def test_a_raise_paid_back_on_top_of_the_raised_amount_is_money_owed_not_an_earlier_approval():
    # held-out 200: 朱永福 paid the new standard every month, then 提标补发 for January–June on top: a raise never makes
    # an earlier month's entitlement exceed the raised standard now in force (was 低, no amount, "可能是调标")
    people = household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2019-03-01")
    rows = [pay(A, "王五", m, 1032) for m in months("2026-01", "2026-09")]
    back = [pay(A, "王五", m, 40, "提标补发", paid_date="2026-08-10") for m in months("2026-01", "2026-06")]
    found = findings(money_context(people, rows + back), "F05")
    assert [(f.confidence, f.recover, f.repay) for f in found] == [("高", 240.0, None)]
    assert "可能是调标" not in found[0].evidence


def test_a_change_date_beside_the_approval_date_sets_the_amounts_months_and_the_approval_the_enrolment():
    # approved in 2024, the amount raised to 1032 from 2026-08: July's 900 is the old amount (no F05), and a
    # household approved long ago with nothing paid is owed the whole quarter (F06 from the approval, not the change)
    rows = [pay(A, "王五", "2026-07", 900), pay(A, "王五", "2026-08", 1032), pay(A, "王五", "2026-09", 1032)]
    rows += [pay(T, "赵九", m, 500) for m in months("2026-07", "2026-09")]  # another household: the months are covered
    people = (household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2024-06-01", changed="2026-08-01")
              + household("赵九", T, benefit=500)
              + household("钱八", C, benefit=516, approved="2024-06-01", changed="2026-09-01"))
    ctx = money_context(people, rows)
    assert money(ctx, "F05") == []
    assert money(ctx, "F06") == [("钱八", "中", None, 516.0 * 3)]


C_ = make_id("19710303", 133)


def test_the_amount_after_a_change_beside_the_amount_before_it_is_compared_from_the_change():
    # held-out 151: 月保障金 kept the amount before the change, 变更后月保障金 the one since 变更日期: a raise paid
    # from July was 多发 at 高 against the old amount, an underpayment against the new one missed
    rows = [pay(A, "王五", "2026-06", 900)] + [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows += [pay(C_, "钱八", m, 410) for m in months("2026-07", "2026-09")]  # raised to 560 from August, paid 410
    people = (household("王五", A, [("王芳", "配偶", B)], benefit=900, benefit_after=1032, changed="2026-07-01")
              + household("钱八", C_, benefit=410, benefit_after=560, changed="2026-08-01")
              + household("赵九", T, benefit=500, benefit_after=None))
    rows += [pay(T, "赵九", m, 500) for m in months("2026-07", "2026-09")]  # no change: its own amount
    assert money(money_context(people, rows), "F05") == [("钱八", "高", None, 300.0)]


C = make_id("19700303", 131)
D = make_id("19720404", 141)
E = make_id("19650505", 151)
F = make_id("19670606", 161)


def test_a_household_amount_repeated_on_each_member_row_paid_once_per_member_is_flagged():
    # the roster repeats the household's 1032 on both rows; its other households are paid 1032 a month,
    # so 王五 paid 2064 (1032 per member) is overpaid
    others = household("李四", C, [("李妻", "配偶", D)], benefit=1032) + household("陈一", E, [("陈妻", "配偶", F)], benefit=1032)
    rows = [pay(A, "王五", m, 2064) for m in months("2026-07", "2026-09")]
    rows += [pay(x, n, m, 1032) for m in months("2026-07", "2026-09") for x, n in ((C, "李四"), (E, "陈一"))]
    assert money(money_context(roster() + others, rows), "F05") == [("王五", "高", 3096.0, None)]
    # the same roster whose households are all paid per member: 1032 is each member's amount
    rows = [pay(x, n, m, 2064) for m in months("2026-07", "2026-09") for x, n in ((A, "王五"), (C, "李四"), (E, "陈一"))]
    assert money(money_context(roster() + others, rows), "F05") == []


def test_a_members_tekun_payments_are_not_her_dibao_households_amount_when_only_the_dibao_roster_is_given():
    # 分类施保: the member's own 特困 rows beside the household's 低保 rows
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows += [pay(B, "王芳", m, 1576, "特困人员基本生活费") for m in months("2026-07", "2026-09")]
    assert money(money_context(roster(), rows), "F05") == []


def test_a_standard_raise_paid_as_a_separate_adjustment_row_is_part_of_the_months_benefit():
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-08")]
    rows += [pay(A, "王五", "2026-09", 992), pay(A, "王五", "2026-09", 40, "提标补差", paid_date="2026-10-10")]
    assert money(money_context(roster(), rows), "F05") == []



@pytest.mark.parametrize("source, back_pay, expected", [
    ("表名", 80, []),  # its month only the sheet's: it makes up July and August
    ("表名", 40, [("王五", "中", None, 40.0)]),  # … July only: August still short, at 中 (which month it was is a guess)
    # its own 所属期 cell says September, whose benefit is paid in full without it: a system stamping the batch's month
    # on the raise it pays back (held-out 290: 16 F05 高 少发 50 50 and 多发 100; it was so by design since 264)
    ("列", 80, []),
    ("列", 40, [("王五", "中", None, 40.0)]),
])
def test_a_raise_paid_back_with_no_month_of_its_own_makes_up_the_months_before(source, back_pay, expected):
    # held-out 264 (county3): the July–August raise paid in September's sheet, 所属期 blank: F05 高 少发 80 and 多发 80
    rows = [pay(A, "王五", m, 992) for m in months("2026-07", "2026-08")]
    rows += [pay(A, "王五", "2026-09", 1032), pay(A, "王五", "2026-09", back_pay, "提标补差", month_source=source)]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F05") == expected
    said = [n for n in ctx.cache.get("partly:F05", ()) if "提标补差未写所属月份" in n]
    assert len(said) == 1, ctx.cache.keys()
    if expected:
        (f,) = findings(ctx, "F05")
        assert "按补发该户以前月份的差额计" in f.evidence and "2026-08 实发 992.00 元" in f.evidence
        assert "2026-07" not in f.months and "2026-09" not in f.months


@pytest.mark.parametrize("own", [True, False])
def test_a_member_gone_whose_own_rows_stop_is_no_underpayment(own):
    # held-out 277: 低保 paid per person; a member died on 03-31, his rows stop from April as 次月停发 has it, the roster
    # still lists him: F05 高 补发 380 a month
    rows = [pay(A, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(B, "王芳", m, 516) for m in months("2026-07", "2026-07")]
    members = [{**r, "benefit_own": 516.0} for r in roster()] if own else roster()
    ctx = money_context(members, rows, {"deaths": [{"name": "王芳", "id": B, "date": "2026-07-20"}]})
    assert money(ctx, "F05") == []
    # … a member no event rules out, her rows stopping: 少发 as before
    assert money(money_context(members, rows), "F05") == [("王五", "高", None, 1032.0)]


def test_a_remark_of_an_adjustment_on_another_items_row_adjusts_that_item():
    # held-out 277: 0103 (护理费, an other item by the configuration) remarked 护理等级调整补差 was added to the
    # benefit: F05 高 多发 100
    rows = [pay(A, "王五", m, 1032, "0102") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 100, "0103", remark="护理等级调整补差"))
    ctx = money_context(roster(), rows)
    ctx.common.update(money_benefit_codes=["0102"], money_other_codes=["0103"])
    assert money(ctx, "F05") == []


def test_a_raise_of_no_month_of_its_own_paid_in_the_first_month_compared_is_for_the_months_before():
    # held-out 279: a change dated in July (August compared), July's raise paid in August with 所属月份 blank: F05 高 多发
    rows = [pay(A, "王五", m, 992) for m in months("2026-01", "2026-07")]
    rows += [pay(A, "王五", m, 1032) for m in months("2026-08", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 40, "提标补差", month_source="表名"))
    members = [{**r, "changed": "2026-07-10"} for r in roster()]
    assert money(money_context(members, rows), "F05") == []


@pytest.mark.parametrize("raise_row", [
    {"month": "2026年7月-9月"},  # its 补差期间 (io.columns.MONTH_FOR)
    {"month": "2026-10", "remark": "补发7-9月提标补差"}])
def test_a_raise_paid_later_for_a_span_of_months_is_its_months_whatever_months_the_ledgers_pay_before(raise_row):
    # held-out 336 (an h322 leftover): 1,350 元 of 提标补差 for July–September, paid in October to a household paid the
    # full amount those months, was taken out of its months as if for months before whenever the ledgers also paid June
    # (no F05 at all; 1,350 when they began in July)
    for first in ("2026-06", "2026-07"):
        rows = [pay(A, "王五", m, 1032) for m in months(first, "2026-10")]
        rows.append(pay(A, "王五", amount=1350, item="提标补差", paid_date="2026-10-12", **raise_row))
        # must flag: the whole excess, 450 a month
        assert money(money_context(roster(), rows, as_of=dt.date(2026, 10, 31)), "F05") == [("王五", "高", 1350.0, None)], first
    # must not flag: the span's sum, split equally, still makes up a month of it paid short (July 912, the raise 120)
    rows = [pay(A, "王五", m, 912 if m == "2026-07" else 1032) for m in months("2026-06", "2026-10")]
    rows.append(pay(A, "王五", amount=120, item="提标补差", paid_date="2026-10-12", **raise_row))
    assert money(money_context(roster(), rows, as_of=dt.date(2026, 10, 31)), "F05") == []


def test_a_bank_file_without_ids_links_by_account_and_holder_at_medium():
    from money import findings

    rost = household("王五", make_id("19800101", 111), benefit=516, bank_account="6230521000000000011")
    rost += household("李四", make_id("19700303", 131), benefit=700, bank_account="6230521000000000022")
    rows = [pay("", "", "2026-09", 516, bank_account="6230521000000000011", holder="王五"),
            pay("", "", "2026-09", 900, bank_account="6230521000000000022", holder="李四"),
            pay("", "", "2026-09", 300, bank_account="6230521000000000033", holder="孙八")]  # an account on no roster
    ctx = money_context(rost, rows)
    found = findings(ctx, "F05")
    assert [(f.confidence, f.recover) for f in found] == [("中", 200.0)] and "发放账号、姓名一致" in found[0].key
    assert money(ctx, "F06") == []  # both households are paid


def test_a_month_without_ids_takes_the_payees_id_from_the_other_months_rows():
    from money import findings

    dead = make_id("19530425", 488)
    rost = household("王五", make_id("19800101", 111), benefit=516, bank_account="6230521000000000011")
    acct = {"bank_account": "6230521000000000099", "holder": "徐花兰"}
    rows = [pay(dead, "徐花兰", "2026-07", 420, **acct), pay("", "", "2026-08", 420, **acct), pay("", "", "2026-09", 420, **acct)]
    rows += [pay("", "", m, 516, bank_account="6230521000000000011", holder="王五") for m in months("2026-07", "2026-09")]
    ctx = money_context(rost, rows, {"deaths": [{"name": "徐花兰", "id": dead, "date": "2026-04-02"}]})
    f01 = findings(ctx, "F01")
    assert [(f.confidence, f.recover) for f in f01] == [("中", 1260.0)]  # all three months, the two borrowed at 中
    assert money(ctx, "F03") == [] and money(ctx, "F07") == []


def test_a_payment_without_ids_into_an_account_two_households_share_is_nobodys():
    # the bank pays both households into one account under a third person's name: whose each payment is, is unknown
    a, b = make_id("19800101", 111), make_id("19700303", 131)
    rost = household("崔明福", a, benefit=1440, bank_account="6217975640272992723")
    rost += household("曲琴燕", b, benefit=720, bank_account="6217975640272992723")
    rows = [pay("", "", "2026-09", amount, bank_account="6217975640272992723", holder="刘明龙") for amount in (720, 1440)]
    ctx = money_context(rost, rows)
    assert money(ctx, "F03") == [] and money(ctx, "F04") == [] and money(ctx, "F06") == []


def test_a_tekun_person_heading_a_dibao_household_is_two_enrolments_paid_apart():
    head, wife = make_id("19620429", 355), make_id("19630808", 522)
    dibao = household("贾刚水", head, [("彭红玉", "配偶", wife)], benefit=1500, bank_account="6217000000000000011")
    tekun = [{"township": "城关镇", "village": "东村", "name": "贾刚水", "id": head, "benefit": 832}]
    rows = [pay(head, "贾刚水", m, 1500) for m in months("2026-07", "2026-09")]
    rows += [pay(head, "贾刚水", m, 832, "特困供养金") for m in months("2026-07", "2026-09")]
    ctx = money_context(dibao, rows, extra_rosters=[(tekun, "清河县2026年第三季度特困人员供养名册")])
    assert money(ctx, "F05") == [] and money(ctx, "F06") == []
    assert len(set(ctx.members["household"])) == 2  # D01 says he is on both; each enrolment is its own household
    one = [pay(r["id"], r["name"], r["month"], r["amount"], r["item"], bank_account="6217000000000000011") for r in rows]
    assert money(money_context(dibao, one, extra_rosters=[(tekun, "清河县2026年第三季度特困人员供养名册")]), "F07") == []


def test_a_raise_paid_for_an_earlier_month_in_a_later_file_is_no_second_copy_of_that_month():
    # the standard rose in July; the July file paid the old amounts, the August file every household's July difference
    people = [(make_id("19600101", 11 + 10 * k), f"户主{k}", 600) for k in range(5)]
    rost = [r for pid, name, amount in people for r in household(name, pid, benefit=amount)]
    rows = [pay(pid, name, "2026-07", 560) for pid, name, _ in people]
    rows += [pay(pid, name, "2026-07", 40, "提标补差", remark="7月提标补差") for pid, name, _ in people]
    rows += [pay(pid, name, m, 600) for pid, name, _ in people for m in ("2026-08", "2026-09")]
    ctx = money_context(rost, rows)
    ctx.lists["payments"]["_file"] = ["7月.xlsx"] * 5 + ["8月.xlsx"] * 10 + ["9月.xlsx"] * 5
    assert money(ctx, "F05") == [] and money(ctx, "F04") == []


def test_a_person_enrolled_in_two_households_is_paid_for_the_household_whose_account_is_paid():
    # 林 heads his own household and is also listed in 董's (D01): his own household's payment, into his own
    # account, is not 董's money (no F05 over on 董, no F06 on his own household)
    lin, dong, wife = make_id("19750426", 607), make_id("19660902", 277), make_id("19690813", 600)
    rows = (household("林浩然", lin, benefit=900, bank_account="6230333040483111651")
            + household("董志强", dong, [("萧丽", "配偶", wife), ("林浩然", "其他", lin)], benefit=1548,
                        bank_account="6230734012715448421"))
    for accounts in (True, False):  # without accounts: the household the payee heads
        paid = [pay(lin, "林浩然", m, 900, **({"bank_account": "6230333040483111651"} if accounts else {}))
                for m in months("2026-07", "2026-09")]
        paid += [pay(dong, "董志强", m, 1548, **({"bank_account": "6230734012715448421"} if accounts else {}))
                 for m in months("2026-07", "2026-09")]
        ctx = money_context(rows, paid)
        assert money(ctx, "F05") == [] and money(ctx, "F06") == [], accounts


def test_the_evidence_names_the_month_the_amount_is_compared_from():
    # held-out 135: a clerk saw October–February paid less in the ledger and wondered why they were not listed
    rows = [pay(A, "王五", m, 900) for m in months("2026-01", "2026-09")]
    for kw, said in (({"approved": "2026-05-12"}, "自批准月份 2026-05 起核对"),
                     ({"approved": "2024-06-01", "changed": "2026-08-01"}, "自变更月份 2026-08 起核对"),
                     ({}, "核对花名册所属期 2026-07至2026-09")):
        ctx = money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, **kw), rows)
        assert said in findings(ctx, "F05")[0].evidence


def test_the_months_after_a_departed_members_stop_are_compared_when_no_share_of_hers_is_owed():
    # held-out 176: a member who left and whom the roster no longer lists (here 减员 on the exit list; 已死亡 in the roster's
    # own status column alike) left every month after her stop to F01–F03, owed or not: 600 paid of the roster's 1,032
    # for the two left was no 少发, for any month, ever after
    out = make_id("19900909", 191)
    exits = {"exits": [{"head_name": "王五", "head_id": A, "name": "王军", "id": out, "date": "2026-05-20", "reason": "减员"}]}
    rows = [pay(A, "王五", m, 1548) for m in months("2026-01", "2026-05")]
    rows += [pay(A, "王五", m, 1032 if m < "2026-09" else 600) for m in months("2026-06", "2026-09")]
    rost = household("王五", A, [("王芳", "配偶", B)], benefit=1032, changed="2026-06-01")
    assert money(money_context(rost, rows, exits), "F05") == [("王五", "高", None, 432.0)]
    assert money(money_context(rost, rows, exits), "F03") == []


def _tekun_three_amounts():
    """A 特困 roster giving 基本生活标准, 照料护理标准 and their total 供养标准 (held-out 194)."""
    headers = {"benefit": "基本生活标准(元/月)", "benefit_total": "供养标准(元/月)"}
    rows = [{"name": "吴十", "id": T, "benefit": 1576, "benefit_total": 1676, "township": "城关镇"},
            {"name": "王五", "id": A, "benefit": 1576, "benefit_total": 1976, "township": "城关镇"}]
    return rows, headers


def test_a_tekun_roster_giving_the_total_is_compared_with_what_the_ledgers_pay():
    # (held-out 194) the ledgers pay the total 供养标准: no finding on correct payments, a real difference named with
    # the column compared
    rows, headers = _tekun_three_amounts()

    def context(paid, item, amount):  # 王五 paid ``amount`` a month as ``item`` beside the others' ``paid``
        return money_context(rows, paid + [pay(A, "王五", m, amount, item) for m in months("2026-07", "2026-09")],
                             roster_title="清河县特困人员供养名册", roster_headers=headers)

    paid = [pay(T, "吴十", m, 1676, "特困人员供养金") for m in months("2026-07", "2026-09")]
    assert money(context(paid, "特困人员供养金", 1976), "F05") == []
    ctx = context(paid, "特困人员供养金", 1876)
    assert money(ctx, "F05") == [("王五", "高", None, 300.0)]
    assert "核定 供养标准 1,976.00 元" in findings(ctx, "F05")[0].evidence
    # the ledgers pay 基本生活费 and 照料护理补贴 as separate items: the 基本生活标准 is compared
    paid = [pay(T, "吴十", m, 1576, "特困人员基本生活费") for m in months("2026-07", "2026-09")]
    paid += [pay(T, "吴十", m, 100, "照料护理补贴") for m in months("2026-07", "2026-09")]
    paid += [pay(A, "王五", m, 400, "照料护理补贴") for m in months("2026-07", "2026-09")]
    assert money(context(paid, "特困人员基本生活费", 1576), "F05") == []
    ctx = context(paid, "特困人员基本生活费", 1476)
    assert money(ctx, "F05") == [("王五", "高", None, 300.0)]
    assert "核定 基本生活标准 1,576.00 元" in findings(ctx, "F05")[0].evidence


@pytest.mark.parametrize("accounts", [True, False])
@pytest.mark.parametrize("hers_first", [True, False])
def test_a_household_ledger_paying_a_person_enrolled_in_two_households_pays_her_own_whatever_the_roster_order(
        accounts, hers_first):
    # held-out 197: 姜梓萱 heads her own 西华县 household and is 母亲 in 薛爱玲's 扶沟县 one; the ledger names her by
    # 户主身份证号 only, paid into her own account: with 扶沟县's roster first, every row was 薛爱玲's (F05 高 多发 on
    # 薛爱玲, F06 on her own household); given in the other order, nothing
    jiang, xue = make_id("19810722", 33), make_id("19670126", 750)
    hers = household("姜梓萱", jiang, benefit=260, bank_account="6230246421889640397")
    xues = household("薛爱玲", xue, [("姜梓萱", "母亲", jiang)], benefit=800, bank_account="6230266790733980002")
    rows = hers + xues if hers_first else xues + hers
    paid = [{**pay("", "", m, amount, head_id=who, head_name=name), **({"bank_account": acct} if accounts else {})}
            for m in months("2026-07", "2026-09")
            for who, name, amount, acct in ((jiang, "姜梓萱", 260, "6230246421889640397"),
                                            (xue, "薛爱玲", 800, "6230266790733980002"))]
    ctx = money_context(rows, paid)
    assert money(ctx, "F05") == [] and money(ctx, "F06") == []


def _tekun_workbook(path, total: bool):
    """A 特困 roster whose 供养标准 cell is merged over 基本生活标准 | 照料护理标准 (two-row header), the other cells merged
    over both rows, with a 月供养标准合计 column if ``total``."""
    import xlsxwriter

    heads = ["序号", "姓名", "公民身份号码", "供养方式"]
    tail = ["月供养标准合计"] if total else []
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("特困人员")
    ws.merge_range(0, 0, 0, 6 + len(tail), "清河县2026年第三季度特困人员救助供养花名册")
    for c, label in enumerate(heads):
        ws.merge_range(1, c, 2, c, label)
    ws.merge_range(1, 4, 1, 5, "供养标准(元/月)")
    ws.write(2, 4, "基本生活标准")
    ws.write(2, 5, "照料护理标准")
    for c, label in enumerate(tail + ["一折通账号"], start=6):
        ws.merge_range(1, c, 2, c, label)
    for k, (name, care) in enumerate((("吴十", 160), ("王五", 480), ("赵六", 960))):
        ws.write_row(3 + k, 0, [k + 1, name, make_id("19400707", 171 + 10 * k), "分散供养", 1650, care]
                     + ([1650 + care] if total else []) + [f"62302074773314651{k}0"])
    wb.close()
    return path


@pytest.mark.parametrize("total", [False, True])
def test_a_two_row_header_names_each_amount_column_by_its_own_sub_heading(tmp_path, total):
    # held-out 200 (variants B, J): 供养标准(元/月) merged over 基本生活标准 | 照料护理标准 was read as one row: both columns
    # "供养标准(元/月)", "都像是供养标准合计列", the 月供养标准合计 column read as the 基本生活标准, and F05 said
    # "基本生活标准 1,810.00 元" for the total it compared
    from rostercheck.io.table import load_table

    table = load_table(_tekun_workbook(tmp_path / "特困人员花名册.xlsx", total), "roster")
    assert table.headers["benefit"] == "基本生活标准"
    assert table.headers.get("benefit_total") == ("月供养标准合计" if total else None)
    assert not any("供养标准合计列" in w for w in table.warnings)


@pytest.mark.parametrize("raised_from, repay, stop_rule", [
    ("2026-10", None, "次月"),  # paid the new amount from the month after the change: right
    (None, (1032 - 900) * 3.0, "次月"),  # never raised: October–December owed, not September
    ("2026-09", None, "当月"),  # 当月调整: the change month itself is the new amount's
])
def test_a_change_date_applies_the_new_amount_from_the_month_after_it(tmp_path, raised_from, repay, stop_rule):
    # (held-out 225) a member added on 2026-09-14 (变更日期), paid for from October (次月调整): September's old amount was
    # F05 高 应补发 680 "自变更月份 2026-09 起核对"; households never raised were owed September too
    rows = [pay(A, "王五", m, 1032 if raised_from and m >= raised_from else 900) for m in months("2026-07", "2026-12")]
    people = household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2020-03-01", changed="2026-09-14")
    config = tmp_path / "c.toml"
    config.write_text(f'[common]\nmoney_stop_rule = "{stop_rule}"\n', encoding="utf-8")
    ctx = money_context(people, rows, as_of=dt.date(2026, 12, 31), config=config)
    assert [f.repay for f in findings(ctx, "F05")] == ([repay] if repay else [])


def test_a_raise_the_roster_has_and_the_ledgers_never_paid_is_owed_for_the_quarter_only():
    # held-out 264: the standard raised in July, the roster giving the new amounts, the bank still paying the old one
    # through September: 171 households F05 高 for January–September against today's amount (100,640 元 of 152,760 for
    # months before the raise). The months before the roster's quarter are not compared (said in 核查范围); a household
    # off by another sum is compared as before
    from rostercheck.rules import PARTLY

    people, rows = [], []
    for k in range(7):
        pid = make_id(f"1950010{k + 1}", 111 + k)
        people += household(f"对象{k}", pid, benefit=1650, approved="2018-05-01")
        rows += [pay(pid, f"对象{k}", m, 1476 if k == 6 else 1576) for m in months("2026-01", "2026-09")]
    ctx = money_context(people, rows)
    got = {n: (c, repay) for n, c, _, repay in money(ctx, "F05")}
    assert got == {**{f"对象{k}": ("高", 74.0 * 3) for k in range(6)}, "对象6": ("高", 174.0 * 9)}
    assert "6 户" in ctx.cache[PARTLY + "F05"][0] and "2026-07 以前的月份未与核定金额比对" in ctx.cache[PARTLY + "F05"][0]


@pytest.mark.parametrize("old, found", [
    (1576, [("迟发", "中", None, 74.0 * 2)]),  # the amount before the raise: the raise reached it late, owed
    (1500, [("迟发", "低", None, None)]),  # another amount: a change the roster dates nowhere, a lead
])
def test_a_household_the_programmes_raise_reached_months_late_is_owed_the_raise(old, found):
    # held-out 288: 曹满仓 paid 900 July–September and 990 from October, the 低保 raise of 30 a person from July: 低 lead
    people, rows = [], []
    for k in range(6):  # raised in July
        pid = make_id(f"1950010{k + 1}", 111 + k)
        people += household(f"对象{k}", pid, benefit=1650, approved="2018-05-01")
        rows += [pay(pid, f"对象{k}", m, 1650 if m >= "2026-07" else 1576) for m in months("2026-01", "2026-09")]
    slow = make_id("19500201", 171)  # … from September only
    people += household("迟发", slow, benefit=1650, approved="2018-05-01")
    rows += [pay(slow, "迟发", m, 1650 if m >= "2026-09" else old) for m in months("2026-01", "2026-09")]
    rows += [pay(x["id"], x["name"], m, 1650) for x in people for m in ("2026-10", "2026-11")]
    ctx = money_context(people, rows, as_of=__import__("datetime").date(2026, 11, 30))
    assert money(ctx, "F05") == found
    if old == 1576:
        assert "该户 2026-07至2026-08（2个月）仍按提标前的 1,576.00 元" in findings(ctx, "F05")[0].evidence


def test_months_before_a_raise_the_whole_programme_got_at_once_are_not_compared():
    # (held-out 225) the 特困 standard raised from 1,576 to 1,650 in July, the roster giving 1,650 and no raise date:
    # 20 people 低 "少发 74" for January–June, two never raised 高 888 (truth 444, July–December), one approved in March
    # and paid the old standard until June 高 296
    people, rows = [], []
    for k in range(6):  # five raised in July, one (k = 5) never raised
        pid = make_id(f"1950010{k + 1}", 111 + k)
        people += household(f"对象{k}", pid, benefit=1650, approved="2018-05-01")
        rows += [pay(pid, f"对象{k}", m, 1650 if m >= "2026-07" and k < 5 else 1576) for m in months("2026-01", "2026-09")]
    late = make_id("19500201", 171)  # approved in March, the old standard until June
    people += household("新批", late, benefit=1650, approved="2026-03-10")
    rows += [pay(late, "新批", m, 1650 if m >= "2026-07" else 1576) for m in months("2026-03", "2026-09")]
    ctx = money_context(people, rows)
    assert money(ctx, "F05") == [("对象5", "高", None, 74.0 * 3)]
    assert "2026-07 以前的月份不比对" in findings(ctx, "F05")[0].evidence and "7 户中 6 户" in findings(ctx, "F05")[0].evidence
    # … and 核查范围 says so for every household compared after the raise, not only in the findings (held-out 264: "F05
    # 列出 5 户", January–June unchecked for 164 households unsaid)
    from rostercheck.rules import PARTLY

    assert ctx.cache[PARTLY + "F05"] == ["低保保障对象自 2026-07 起统一提高标准，花名册的核定金额是提标后的：7 户（城关镇 7 户）"
                                         "2026-07 以前的月份未与核定金额比对"]


def test_a_households_amount_applies_since_its_latest_change():
    # held-out 313: a member died in April (history row, 状态变更日期 04-22), a baby added 05-18 (变更日期): May compared
    # with today's amount (the baby's) and owed 320 at 高
    head, old, baby = make_id("19700101", 111), make_id("19400101", 131), make_id("20250518", 151)
    rows = household("于平", head, [("于平振", "父亲", old), ("于宝", "子", baby)], benefit=1185, covered_size=2)
    rows = [{**r, "member_status": "死亡" if r["id"] == old else "正常", "status_date": "2025-04-22" if r["id"] == old else "",
             "changed": "2025-05-18" if r["id"] == baby else ""} for r in rows]
    others = [household(f"他{k}", make_id(f"1960010{k + 1}", 211 + k), benefit=455) for k in range(3)]
    paid = [pay(head, "于平", m, a) for m, a in (("2025-04", 1320), ("2025-05", 865), ("2025-06", 1185), ("2025-07", 1185))]
    paid += [pay(o[0]["id"], o[0]["name"], m, 455) for o in others for m in months("2025-04", "2025-07")]
    ctx = money_context(rows + [r for o in others for r in o], paid, as_of=dt.date(2025, 7, 31),
                        roster_headers={"member_status": "成员状态", "status_date": "状态变更日期", "changed": "变更日期"})
    assert money(ctx, "F05") == []


# The ledger's own corrections (冲正, 扣回, 追回 rows of a month) netted into that month (held-out 354)
def _quarter():
    return [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]


@pytest.mark.parametrize("item, remark", [("低保金（冲正）", "冲正8月多发"), ("低保金", "扣回8月多发"), ("冲正", "")])
def test_a_correction_of_a_months_over_payment_nets_it(item, remark):
    # h351/h354 (廖仔生): April 100 over, "低保金（冲正）" −100 for April in May: F05 高 多发 101 on a month whose net is right
    rows = [pay(A, "王五", "2026-07", 1032), pay(A, "王五", "2026-08", 1132), pay(A, "王五", "2026-09", 1032),
            pay(A, "王五", "2026-08", -100, item, remark=remark, paid_date="2026-09-15")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F05") == []
    notice = "".join(ctx.cache["money:recoveries"])
    assert "与其所属月份多发的保障金相抵" in notice and "王五 2026-08" in notice and "第 5 行" in notice
    assert "未能对应" not in notice


def test_a_correction_of_part_of_an_over_payment_leaves_the_rest_said_with_the_row_netted():
    # M5: August 100 over, a 冲正 row of −60 for August: 40 still to recover, the row named
    rows = _quarter() + [pay(A, "王五", "2026-08", -60, "低保金（冲正）")]
    rows[1]["amount"] = 1132
    ctx = money_context(roster(), rows)
    assert money(ctx, "F05") == [("王五", "高", 40.0, None)]
    f = findings(ctx, "F05")[0]
    assert "2026-08 实发 1,072.00 元" in f.evidence and "抵减《发放明细.xlsx》第 5 行低保金(冲正) -60.00 元" in f.evidence


def test_a_real_over_payment_beside_a_correction_of_another_month_is_flagged_alone():
    # M1: July 80 over taken back by a 扣回 row for July; September 60 over, never taken back
    rows = [pay(A, "王五", "2026-07", 1112), pay(A, "王五", "2026-08", 1032), pay(A, "王五", "2026-09", 1092),
            pay(A, "王五", "2026-07", -80, "低保金（扣回）", remark="扣回7月多发")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F05") == [("王五", "高", 60.0, None)]
    assert "2026-07" not in findings(ctx, "F05")[0].months


def test_a_correction_never_makes_a_month_paid_right_an_underpayment():
    # a 追回 of something else (an earlier quarter's over-payment) written under a month paid right: no 少发, still said
    rows = _quarter() + [pay(A, "王五", "2026-08", -500, "低保金追回")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F05") == []
    assert "未能对应" in "".join(ctx.cache["money:recoveries"])


# held-out 364: a 扣回 whose month is only its file's or its payment date's corrects that month's over-payment when no
# larger than it (a larger one is for something else: an earlier quarter's, said as unplaced); a month its words name
# ('扣回8月多发', in the September file) is the month it corrects, whatever its file's
@pytest.mark.parametrize("source, month, amount, remark, left", [
    ("表名", "2026-09", -100, "", []),  # October's 发放表: 100 over and −100 in its own file
    ("发放日期", "2026-09", -100, "", []),  # a bank file: the month of its date
    ("表名", "2026-09", -60, "", [("王五", "高", 40.0, None)]),  # part of it
    ("表名", "2026-09", -500, "", [("王五", "高", 100.0, None)]),  # larger than the month's over-payment: not this one's
    ("表名", "2026-08", -100, "", [("王五", "高", 100.0, None)]),  # another month's file: August was paid right
    ("表名", "2026-10", -100, "扣回9月多发", []),  # the month its words name
    ("发放日期", "2026-10", -100, "9月多发扣回", []),
    ("列", "2026-10", -100, "扣回2026年9月多发", []),
])
def test_a_correction_whose_month_is_only_its_files_nets_its_month(source, month, amount, remark, left):
    rows = _quarter() + [pay(A, "王五", "2026-10", 1032), pay(A, "王五", month, amount, "低保金（扣回）", remark=remark,
                                                           month_source=source)]
    rows[2]["amount"] = 1132
    assert money(money_context(roster(), rows, as_of=dt.date(2026, 10, 31)), "F05") == left


def test_what_f01_leaves_of_a_correction_nets_the_over_payment_of_the_month_it_names():
    # held-out 364 (an h354 leftover): one 扣回 of a custody's share and of May's 80 over; the share taken by F02, the rest
    # left May F05 高 多发 80 (the row was set against over-payments only when F01–F03 had taken none of it)
    custody = {"prisoners": [{"name": "王芳", "id": B, "start": "2026-06-25", "end": "2027-06-24", "released": "2026-08-10"}]}
    rows = _quarter() + [pay(A, "王五", "2026-10", 1032)]
    rows[2]["amount"] = 1112
    rows.append(pay(A, "王五", "2026-10", -(516 + 80), "低保金（扣回）", remark="扣回9月多发及服刑期间保障金",
                    month_source="表名"))
    ctx = money_context(roster(), rows, custody, as_of=dt.date(2026, 10, 31))
    assert money(ctx, "F02") == [] and money(ctx, "F05") == []
    notice = "".join(ctx.cache["money:recoveries"])
    assert "已全额抵减" in notice and "抵减 80.00 元" in notice and "超出" not in notice


def test_a_recovery_in_a_month_f01_counts_is_f01s_not_an_f05_underpayment():
    # M3: the wife died in July; August and September paid in full; August's share taken back: F01 516, no F05 少发
    deaths = {"deaths": [{"name": "王芳", "id": B, "date": "2026-07-03"}]}
    rows = _quarter() + [pay(A, "王五", "2026-08", -516, "低保金（扣回）", remark="扣回死亡成员8月保障金")]
    ctx = money_context(roster(), rows, deaths)
    assert money(ctx, "F01") == [("王芳", "中", 516.0, None)]
    assert money(ctx, "F05") == []


# Amounts in 万元 to 4 decimals (held-out 354): each row exact to 1 元, so a month of n rows to n × 0.5 元
C = make_id("20100101", 131)
FOUR = [(A, "王五"), (B, "王芳"), (T, "王小"), (C, "王丫")]


def _four(parts, step=1.0):
    """A household of four approved 330 (82.50 each), paid one row per member in 万元 to 4 decimals."""
    rows = [pay(i, name, m, part, **({"amount_step": step} if step else {}))
            for m in months("2026-07", "2026-09") for (i, name), part in zip(FOUR, parts)]
    people = household("王五", A, [("王芳", "配偶", B), ("王小", "子", T), ("王丫", "女", C)], benefit=330)
    return money_context(people, rows)


def test_a_ledger_in_wan_yuan_is_compared_to_the_precision_its_amounts_carry():
    # the county's 欧水志: 82.50 a member written 0.0083 万元, 332 for four, was F05 高 多发 6 (2 a month, 3 months)
    assert money(_four((83, 83, 83, 83)), "F05") == []
    # the same amounts in yuan (no step) are 2 元 over the tolerance of 1: the default is kept for ordinary ledgers
    assert money(_four((83, 83, 83, 83), step=None), "F05") == [("王五", "高", 6.0, None)]
    # 4 over a month is beyond what four rows' rounding may make: flagged, the tolerance said
    ctx = _four((85, 83, 83, 83))
    assert money(ctx, "F05") == [("王五", "高", 12.0, None)]
    assert "金额折算自万元等较大单位，每行只精确到 1 元，该月 4 行按误差 2 元容许" in findings(ctx, "F05")[0].evidence


def test_a_single_row_in_wan_yuan_keeps_the_default_tolerance():
    rows = [pay(A, "王五", m, 1027, amount_step=1.0) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F05") == [("王五", "高", None, 15.0)]
    said = findings(ctx, "F05")[0].evidence
    assert "每行只精确到 1 元）" in said and "按误差" not in said


# h377: a quarter's lump (所属期 2026年7-9月, a 三季度 column) is one payment of three months
@pytest.mark.parametrize("lumps, monthly, approved, expected", [
    # a whole number of months' amount: a month paid twice or another month's back pay unnamed — the money, at 中
    ([("2026-07至2026-09", 4 * 1032)], [], "2019-03-01", [("王五", "中", 1032.0, None)]),
    # the first quarter's lump off, the roster's amount every month after: no amount paid before a change (a 低 lead),
    # one payment wrong
    ([("2026-01至2026-03", 3 * 1032 + 60)], months("2026-04", "2026-09"), "2019-03-01", [("王五", "高", 60.0, None)]),
    # approved (changed) 2026-08-01: July of the lump was paid the amount before; its equal thirds are no month's
    ([("2026-07至2026-09", 900 + 2 * 1032)], [], "2026-08-01", []),
    ([("2026-04至2026-06", 3 * 900), ("2026-07至2026-09", 900 + 2 * 1032)], [], "2026-08-01", []),
    # … the quarters after the change are compared as ever
    ([("2026-07至2026-09", 900 + 2 * 1032), ("2026-10至2026-12", 3 * 1032 - 90)], [], "2026-08-01",
     [("王五", "高", None, 90.0)]),
    # a lump right: nothing
    ([("2026-07至2026-09", 3 * 1032)], [], "2019-03-01", []),
])
def test_a_quarters_lump(lumps, monthly, approved, expected):
    rows = [pay(A, "王五", span, amount) for span, amount in lumps] + [pay(A, "王五", m, 1032) for m in monthly]
    ctx = money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved=approved), rows,
                        as_of=dt.date(2026, 12, 31))
    assert money(ctx, "F05") == expected


@pytest.mark.parametrize("rows, expected", [
    # 4-6月 paid two months' amount, June's back pay (补发6月) in the next quarter's sheet: the quarter paid in full — a
    # lead, no money (h377: F04 高 790 and F05 少发 at 中)
    ([("2026-04至2026-06", 2 * 1032, ""), ("2026-06", 1032, "补发6月")], [("王五", "低", None, None)]),
    # 1-3月 two months' amount, 4-6月 four: March's back pay in the later lump
    ([("2026-01至2026-03", 2 * 1032, ""), ("2026-04至2026-06", 4 * 1032, "")], [("王五", "低", None, None)]),
    # a short lump and nothing after: a month owed (as before)
    ([("2026-04至2026-06", 2 * 1032, "")], [("王五", "高", None, 1032.0)]),
])
def test_a_quarters_lump_short_by_a_month_paid_later(rows, expected):
    payments = [pay(A, "王五", m, amount, remark=note) for m, amount, note in rows]
    payments += [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    ctx = money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2019-03-01"), payments)
    assert money(ctx, "F05") == expected
    assert money(ctx, "F04") == []


def test_a_lumps_money_is_to_the_cent_though_its_thirds_are_not():
    # 4 × 1,340 paid for 1-3月: 1,340.00 over, not three rounded thirds' 1,340.01 (h377)
    rows = [pay(A, "王五", "2026-01至2026-03", 4 * 1340)] + [pay(A, "王五", m, 1340) for m in months("2026-04", "2026-09")]
    ctx = money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1340, approved="2019-03-01"), rows)
    [(_, conf, recover, repay)] = money(ctx, "F05")
    assert (conf, round(recover, 2), repay) == ("中", 1340.0, None)


@pytest.mark.parametrize("monthly_in_lump, expected", [
    # every household's quarter cell its monthly amount: a book of monthly amounts per quarter, not six 少发 (said)
    (6, []),
    # one household's: its quarter short of two months
    (1, [("户0", "高", None, 2064.0)]),
])
def test_quarter_cells_of_the_monthly_amount_for_most_households_are_no_lumps(monthly_in_lump, expected):
    roster, rows = [], []
    for k in range(6):
        head = make_id("19700101", 300 + k)
        roster += household(f"户{k}", head, benefit=1032, approved="2019-03-01")
        rows.append(pay(head, f"户{k}", "2026-07至2026-09", 1032 if k < monthly_in_lump else 3 * 1032))
    ctx = money_context(roster, rows)
    assert money(ctx, "F05") == expected
    if not expected:
        assert any("《发放明细.xlsx》中几个月一次发放的金额多数与各户月保障金相同" in n and "比对：6 户" in n
                   for n in ctx.cache["partly:F05"])


@pytest.mark.parametrize("q2, expected", [
    # every quarter in full and a 补发 row naming no month in the third quarter's sheet: a month's amount over, at 中
    # (perhaps a month's before the ledgers), never an F04 duplicate (h383: the sheet was unread)
    (3 * 1032, [("王五", "中", 1032.0, None)]),
    # the second quarter a month short: the 补发 is its back pay, a lead without money
    (2 * 1032, [("王五", "低", None, None)]),
])
def test_a_back_pay_lump_naming_no_month(q2, expected):
    payments = [pay(A, "王五", "2026-01至2026-03", 3 * 1032), pay(A, "王五", "2026-04至2026-06", q2),
                pay(A, "王五", "2026-07至2026-09", 3 * 1032), pay(A, "王五", "2026-07至2026-09", 1032, remark="补发")]
    ctx = money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2019-03-01"), payments)
    assert [(n, c, None if r is None else round(r, 2), p) for n, c, r, p in money(ctx, "F05")] == expected
    assert money(ctx, "F04") == []


@pytest.mark.parametrize("q2, expected", [
    # approved 05-20, 4-6月 one month's amount, a 补发 naming no month beside 7-9月: May's back pay, a lead (h383: 中)
    (1032, [("王五", "低", None, None)]),
    # May and June paid in full already: the 补发 is a month over, at 中
    (2 * 1032, [("王五", "中", 1032.0, None)]),
])
def test_a_back_pay_naming_no_month_after_an_approval_inside_a_quarter(q2, expected):
    payments = [pay(A, "王五", "2026-04至2026-06", q2), pay(A, "王五", "2026-07至2026-09", 3 * 1032),
                pay(A, "王五", "2026-07至2026-09", 1032, remark="补发")]
    ctx = money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, approved="2026-05-20"), payments)
    assert [(n, c, None if r is None else round(r, 2), p) for n, c, r, p in money(ctx, "F05")] == expected


@pytest.mark.parametrize("cells, usable", [
    ([None, 716.0, 0.0, -5.0, float("nan")], [False, True, False, False, False]),  # every filled cell a float: in bulk
    ([None, None], [False, False]),
    ([716, 716.0], [False, True]),  # an int is no amount read by the roster (cell by cell)
    ([True, 716.0], [False, True]),
    (["716", 716.0], [False, True]),
    ([pd.NA, 716.0], [False, True]),  # (skipped by the bulk test, refused by the cast)
])
def test_the_rosters_usable_amounts_are_the_floats_above_zero(cells, usable):
    from rostercheck.rules.f_amounts import _positive_floats

    assert _positive_floats(np.array(cells, dtype=object)).tolist() == usable


def test_households_of_one_amount_share_its_value_and_keep_their_own_amounts():
    # (a city's households share a few hundred amounts: one (amount, [amount]) each, not one per household)
    from rostercheck.rules._money import ledger
    from rostercheck.rules.f_amounts import household_amounts

    others = household("李四", C, [("李妻", "配偶", D)], benefit=1032) + household("陈一", E, [("陈妻", "配偶", F)], benefit=716)
    rows = [pay(x, n, m, a) for m in months("2026-07", "2026-09") for x, n, a in ((A, "王五", 1032), (C, "李四", 1032),
                                                                                  (E, "陈一", 716))]
    ctx = money_context(roster() + others, rows)
    amounts = household_amounts(ctx, ledger(ctx))
    by_amount = {}
    for value in amounts.values():
        by_amount.setdefault(value[0], []).append(value)
    assert sorted(by_amount) == [716.0, 1032.0]
    assert [v == (a, [a]) for a, values in by_amount.items() for v in values] == [True] * 3
    assert len(by_amount[1032.0]) == 2 and by_amount[1032.0][0] is by_amount[1032.0][1]


def test_the_paid_pairs_are_the_months_of_a_successful_benefit_payment():
    from rostercheck.rules._money import ledger
    from rostercheck.rules.f_amounts import _paid_pairs

    rows = [pay(A, "王五", "2026-07", 1032), pay(A, "王五", "2026-08", 1032, status="失败"), pay(A, "王五", "2026-09", 1032)]
    ctx = money_context(roster(), rows)
    led = ledger(ctx)
    paid, h = _paid_pairs(led), led.household[0]
    assert [(h, m) in paid for m in ("2026-07", "2026-09")] == [True, True]  # must be in
    # must not: the failed month, a month no row pays, a household the ledgers do not pay, a month no row names
    assert [(h, "2026-08") in paid, (h, "2026-06") in paid, ("ledger:无", "2026-07") in paid, (h, "") in paid] == [False] * 4
    assert sum(paid.flags) == len(set(paid.numbers.tolist())) == 2  # (one flag per pair number, looked up by position)
