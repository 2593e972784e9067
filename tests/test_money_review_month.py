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
