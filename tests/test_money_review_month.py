"""The money checks cover the months up to the review month: a ledger running beyond the review date holds the next
review's months (held-out 239: F01 counted 2026-03..12 at an as-of of 03-31, and the county's total shrank over the year)."""

import datetime as dt

from money import findings, household, make_id, money, money_context, months, pay

from rostercheck.audit import AFTER_CHECKS

ALONE = make_id("19400303", 131)
OTHER = make_id("19500101", 111)
Q1 = dt.date(2026, 3, 31)
DEATH = {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-02-10"}]}


def roster():
    return household("赵六", ALONE, benefit=450) + household("张三", OTHER, benefit=516)


def year(extra=()):
    rows = [pay(ALONE, "赵六", m, 450) for m in months("2026-01", "2026-12")]
    return rows + [pay(OTHER, "张三", m, 516) for m in months("2026-01", "2026-12")] + list(extra)


def test_f01_counts_no_month_after_the_review_month():
    ctx = money_context(roster(), year(), DEATH, as_of=Q1)
    assert money(ctx, "F01") == [("赵六", "高", 450.0, None)]  # March only, not March..December (4,500)
    assert findings(ctx, "F01")[0].months == "2026-03（1个月）"


def test_the_rows_left_for_the_next_review_are_said_once():
    ctx = money_context(roster(), year(), DEATH, as_of=Q1)
    money(ctx, "F01")
    assert "money:later" in AFTER_CHECKS
    assert ctx.cache["money:later"] == ["资金发放明细中有 18 行所属月份在核查基准日所在月（2026-03）之后，属于下一期核查，未计入"]


def test_back_pay_made_after_the_date_for_a_month_before_it_keeps_its_month():
    late = pay(ALONE, "赵六", "2026-03", 450, "低保金（补发）", paid_date="2026-05-20")
    rows = [r for r in year() if not (r["id"] == ALONE and r["month"] == "2026-03")] + [late]
    ctx = money_context(roster(), rows, DEATH, as_of=Q1)
    assert money(ctx, "F01") == [("赵六", "高", 450.0, None)]


def test_a_ledger_ending_at_the_review_month_says_nothing():
    rows = [r for r in year() if r["month"] <= "2026-03"]
    ctx = money_context(roster(), rows, DEATH, as_of=Q1)
    assert money(ctx, "F01") == [("赵六", "高", 450.0, None)]
    assert "money:later" not in ctx.cache


def test_the_f05_amounts_after_the_review_month_are_the_next_reviews():
    rows = [r for r in year() if not (r["id"] == OTHER and r["month"] >= "2026-05")]
    rows += [pay(OTHER, "张三", m, 400) for m in months("2026-05", "2026-12")]  # underpaid from May: after Q1
    ctx = money_context(roster(), rows, as_of=Q1)
    assert money(ctx, "F05") == []


STRAY = make_id("19660606", 166)
LATER_EXIT = [{"head_name": "周九", "head_id": STRAY, "date": "2026-11-30", "reason": "收入超标"},
              {"name": "周九", "id": STRAY, "date": "2026-11-30", "reason": "收入超标"}]


def test_a_payee_the_exit_list_shows_enrolled_until_after_the_date_is_no_f03():
    # held-out 239 (E2–E5): "不在册 … 也不在停保（退出）名单中" of payees the exit list names, 停保 after the review date
    for exit_row in LATER_EXIT:
        rows = [pay(OTHER, "张三", m, 516) for m in months("2026-01", "2026-09")]
        rows += [pay(STRAY, "周九", m, 600) for m in months("2026-01", "2026-09")]
        ctx = money_context(roster(), rows, {"exits": [exit_row]})
        assert money(ctx, "F03") == []
        said = ctx.cache["money:later_exits"]
        assert len(said) == 1 and "1 名领取人不在所给花名册中，但停保（退出）名单显示其在保至核查基准日之后" in said[0]
        assert "停保（退出）日期 2026-11-30" in said[0] and "money:later_exits" in AFTER_CHECKS


def test_a_payee_on_no_list_at_all_is_still_not_enrolled():
    rows = [pay(OTHER, "张三", m, 516) for m in months("2026-01", "2026-09")]
    rows += [pay(STRAY, "周九", m, 600) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    found = findings(ctx, "F03")
    assert [(f.confidence, f.recover) for f in found] == [("中", 1800.0)] and "也不在停保（退出）名单中" in found[0].evidence


YEAR_END = dt.date(2026, 12, 31)
OUT_AND_BACK = [{"name": "张三", "id": OTHER, "move_type": "迁出", "date": "2026-05-15", "dest": "江苏省苏州市吴中区",
                 "reason": "务工"}]


def test_f02_counts_the_months_out_until_a_return_by_the_review_date():
    # held-out 239 (M2): 迁出 05-15, back 10-20: no C02, and F02 dropped the months out entirely; owed Jun–Oct
    for back in ({"date": "2026-10-20"}, {"date": None, "in_date": "2026-10-20"}):
        moves = OUT_AND_BACK + [{"name": "张三", "id": OTHER, "move_type": "迁入", "reason": "回原籍", **back}]
        ctx = money_context(roster(), year(), {"migrations": moves}, as_of=YEAR_END)
        assert money(ctx, "F02") == [("张三", "高", 516.0 * 5, None)]
        found = findings(ctx, "F02")[0]
        assert found.months == "2026-06至2026-10（5个月）" and "迁入日期 2026-10-20（迁回本县" in found.evidence
        assert money(ctx, "C02") == []


def test_f02_a_move_out_not_returned_from_runs_to_the_review_month():
    ctx = money_context(roster(), year(), {"migrations": OUT_AND_BACK}, as_of=YEAR_END)
    assert money(ctx, "F02") == [("张三", "高", 516.0 * 7, None)]
    # back after the review date: still out at the date, counted to the review month
    moves = OUT_AND_BACK + [{"name": "张三", "id": OTHER, "move_type": "迁入", "date": "2027-01-20", "reason": "回原籍"}]
    assert money(money_context(roster(), year(), {"migrations": moves}, as_of=YEAR_END), "F02") == [("张三", "高", 516.0 * 7, None)]


def test_f02_back_within_the_stop_month_owes_nothing():
    moves = OUT_AND_BACK + [{"name": "张三", "id": OTHER, "move_type": "迁入", "date": "2026-05-28", "reason": "回原籍"}]
    assert money(money_context(roster(), year(), {"migrations": moves}, as_of=YEAR_END), "F02") == []


def test_a_row_without_a_month_is_kept_whatever_the_last_month_is():
    # a missing month cell's factorize code is -1: it must not take the answer of the last distinct month (2026-12,
    # after the review month) and be left out with the next review's rows
    rows = year()
    rows[-1] = {**rows[-1], "month": None}
    ctx = money_context(roster(), rows, DEATH, as_of=Q1)
    money(ctx, "F01")
    assert ctx.cache["money:later"] == ["资金发放明细中有 17 行所属月份在核查基准日所在月（2026-03）之后，属于下一期核查，未计入"]
