"""F04: the same payee paid twice for the same item and month."""

from money import household, make_id, money, money_context, months, pay

A = make_id("19800101", 111)
B = make_id("19820202", 122)


def roster():
    return household("王五", A, [("王芳", "配偶", B)], benefit=1032)


def test_paid_twice_for_one_month_recovers_the_extra_payment():
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 1032, "低保金（补发）", paid_date="2026-09-20"))
    assert money(money_context(roster(), rows), "F04") == [("王五", "高", 1032.0, None)]


def test_failed_then_repaid_is_not_a_duplicate():
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows[1]["status"] = "退回"
    rows.append(pay(A, "王五", "2026-08", 1032, "低保金", paid_date="2026-09-25"))
    assert money(money_context(roster(), rows), "F04") == []


def test_price_subsidy_beside_the_benefit_and_members_own_rows_are_not_duplicates():
    rows = [pay(A, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(B, "王芳", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", m, 40, "价格临时补贴") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-09", 60, "提标补差"))
    assert money(money_context(roster(), rows), "F04") == []
