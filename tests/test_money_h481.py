"""h481: money-sieve precision left-overs — a grant named only in the 备注 alone in its month, a payee with no ID or
account named like a roster head in his village, a file whose every row failed, a death written in a ledger's 备注."""

import pytest
from money import findings, household, make_id, money, money_context, months, pay

# 1. a one-off grant named only in the 备注, the item the usual benefit's (or blank), no benefit row of the payee that
#    month: the remark says what it is when its amount is not her benefit's

GRANT, NEIGHBOUR = make_id("19660407", 331, "431026"), make_id("19700101", 111, "431026")


def grant_month(january: list[dict]):
    """冯娜伟 paid 1,161 a month October–March but January (``january`` instead); 王五 paid every month."""
    rows = [pay(GRANT, "冯娜伟", m, 1161, item="城乡低保资金") for m in months("2025-10", "2026-03") if m != "2026-01"]
    rows += [pay(NEIGHBOUR, "王五", m, 516, item="城乡低保资金") for m in months("2025-10", "2026-03")]
    roster = (household("冯娜伟", GRANT, benefit=1161, township="卢阳镇", village="东岭村", approved="2020-01-01")
              + household("王五", NEIGHBOUR, benefit=516, township="卢阳镇", village="东岭村", approved="2020-01-01"))
    return money_context(roster, rows + january)


def january(amount=500, remark="春节一次性生活补贴", item="城乡低保资金", status="成功"):
    return pay(GRANT, "冯娜伟", "2026-01", amount, item=item, remark=remark, status=status)


LONE_GRANTS = [
    # (case, January's rows, F05, F06)
    # must flag F06 (January's benefit unpaid), never F05 少发 (was F05 高 661: the grant read as the benefit)
    ("a grant alone, the item the benefit's", [january()], [], [("冯娜伟", "中", None, 1161.0)]),
    ("a grant alone, the item blank", [january(item="")], [], [("冯娜伟", "中", None, 1161.0)]),
    ("a grant beside the benefit's failed row", [january(), january(1161, "", status="失败")], [],
     [("冯娜伟", "高", None, 1161.0)]),
    # must stay: a row of her usual amount is the benefit whatever the remark; no remark, no grant
    ("a remark on a row of her usual amount", [january(1161)], [], []),
    ("no remark: the benefit paid short", [january(remark="")], [("冯娜伟", "高", None, 661.0)], []),
    ("a remark saying it includes the grant", [january(remark="含春节一次性生活补贴")], [("冯娜伟", "高", None, 661.0)], []),
]


@pytest.mark.parametrize("case, rows, f05, f06", LONE_GRANTS, ids=[c[0] for c in LONE_GRANTS])
def test_a_grant_named_only_in_the_remark_alone_in_its_month_is_no_benefit(case, rows, f05, f06):
    ctx = grant_month(rows)
    assert money(ctx, "F05") == f05
    assert money(ctx, "F06") == f06
    assert money(ctx, "F04") == []
    if f06:
        (f,) = findings(ctx, "F06")
        assert "备注写明是其他资金的：2026-01 " in f.evidence and "500.00 元（备注“春节一次性生活补贴”）" in f.evidence
        assert any("同一领取人当月没有另一笔保障金" in w for w in ctx.cache["money:items"])


def test_a_grant_alone_after_a_death_is_no_benefit_paid_after_it():
    # the household's one member dead in December (deaths list): January's 500 春节 grant is no F01 (was F01 高 500)
    died = {"deaths": [{"id": GRANT, "name": "冯娜伟", "date": "2025-12-10"}]}
    rows = [pay(GRANT, "冯娜伟", m, 1161, item="城乡低保资金") for m in months("2025-10", "2025-12")]
    rows += [pay(NEIGHBOUR, "王五", m, 516, item="城乡低保资金") for m in months("2025-10", "2026-03")]
    roster = (household("冯娜伟", GRANT, benefit=1161, township="卢阳镇", village="东岭村", approved="2020-01-01")
              + household("王五", NEIGHBOUR, benefit=516, township="卢阳镇", village="东岭村", approved="2020-01-01"))
    ctx = money_context(roster, rows + [january()], died)
    assert money(ctx, "F01") == []
    ctx = money_context(roster, rows + [january(1161, remark="")], died)  # (the benefit paid after her death: F01)
    assert [c for _, c, _, _ in money(ctx, "F01")] == ["高"]
