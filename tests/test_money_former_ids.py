"""Payees whose ID changed (held-out 342): the bank still pays under the roster's 原身份证号, or the ledger's own
原身份证号 column holds the roster's ID. The same name links the payee to the member (高, the link text saying the former
ID agreed); another name, or a blank, 无, masked or damaged former ID, leaves her a payee on no roster (F03), as before.
"""

import pytest
from money import findings, household, make_id, money, money_context, months, pay

HEAD = make_id("19500101", 111)
HEAD_OLD = make_id("19500110", 111)  # 张三's ID before 公安 corrected his birth date: the bank's
WIFE = make_id("19520202", 122)
ALONE = make_id("19400303", 131)
OTHERS = [(f"钱{n}", make_id(f"196{k}0909", 301 + 2 * k)) for k, n in enumerate("一二三四")]
STRANGER = make_id("19810101", 357)
HEAD_NEW = make_id("19500301", 113)  # 张三's ID after a correction the roster has not caught up with


def roster(former=HEAD_OLD, alone_former=""):
    rows = household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=1032)
    rows[0]["former_id"] = former
    rows += household("赵六", ALONE, benefit=516)
    rows[-1]["former_id"] = alone_former
    for name, pid in OTHERS:  # (enough households paid that the ledger covers the months: F06)
        rows += household(name, pid, benefit=516)
    return rows


def ledger(pid=HEAD_OLD, name="张三", **extra):
    rows = [pay(pid, name, m, 1032, **extra) for m in months("2026-01", "2026-09")]
    paid = [(ALONE, "赵六"), *((p, n) for n, p in OTHERS)]
    rows += [pay(x, n, m, 516) for x, n in paid for m in months("2026-01", "2026-09")]
    return rows


def _said(ctx, code):
    return [(f.subject["name"] if f.subject else ctx.members.at[f.member, "name"], f.confidence) for f in
            findings(ctx, code)]


# Must flag (as the member) ------------------------------------------------------------------------------------------

def test_a_head_paid_under_his_former_id_is_his_households_payee():
    ctx = money_context(roster(), ledger())
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []


def test_a_payee_whose_ledger_former_id_is_the_members_id_is_hers():
    rows = ledger(HEAD_NEW, former_id=HEAD)  # the bank has the new ID, its 原身份证号 column the roster's
    ctx = money_context(roster(former=""), rows)
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []


def test_a_death_paid_under_the_former_id_is_f01_high_said_through_it():
    old = make_id("19400313", 131)  # 赵六, alone: the bank pays under his old ID, the deaths list names the new
    rows = [pay(old if r["id"] == ALONE else r["id"], r["name"], r["month"], r["amount"]) for r in ledger(HEAD)]
    ctx = money_context(roster(former="", alone_former=old), rows,
                        {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-14"}]})
    (f,) = findings(ctx, "F01")
    assert (f.confidence, f.recover) == ("高", 2064.0)
    assert f.key == "身份证号一致；发放明细：原身份证号一致：明细上的身份证号是花名册上该人的原身份证号（身份证号曾变更），姓名一致"


def test_months_under_the_old_id_and_the_new_are_one_payee():
    # paid under the old ID to June, the new one from July: no month twice, none missing
    rows = [r for r in ledger() if not (r["id"] == HEAD_OLD and r["month"] >= "2026-07")]
    rows += [pay(HEAD, "张三", m, 1032) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F03") == [] and money(ctx, "F04") == [] and money(ctx, "F06") == []


def test_the_old_id_paid_beside_the_new_in_one_month_is_paid_twice():
    ctx = money_context(roster(), ledger() + [pay(HEAD, "张三", "2026-09", 1032)])
    (f,) = findings(ctx, "F04")
    assert (ctx.members.at[f.member, "name"], f.confidence, f.recover) == ("张三", "高", 1032.0)
    assert "发放明细：原身份证号一致" in f.key


# Must not flag (as the member) --------------------------------------------------------------------------------------

def test_another_name_under_a_members_former_id_is_no_member():
    # the 原身份证号 column may hold another person's ID (held-out 209): 王秀英 under it is a payee on no roster
    ctx = money_context(roster(), ledger(name="王秀英"))
    assert _said(ctx, "F03") == [("王秀英", "中")] and _said(ctx, "F06") == [("张三", "中")]


def test_a_ledger_former_id_of_a_member_beside_another_name_is_no_member():
    ctx = money_context(roster(former=""), ledger(STRANGER, name="王秀英", former_id=HEAD))
    assert _said(ctx, "F03") == [("王秀英", "中")]


@pytest.mark.parametrize("row_id, former", [
    (STRANGER, HEAD),  # the ledger's 原身份证号 holds 张三's ID, its own ID is 30 years younger
    (HEAD, make_id("19500110", 122)),  # the roster's 原身份证号 is a woman's
])
def test_a_former_id_that_cannot_be_the_same_persons_links_no_namesake(row_id, former):
    # held-out 343: the same name under an ID change that changes sex or a generation is another 张三
    if row_id == STRANGER:
        ctx = money_context(roster(former=""), ledger(STRANGER, former_id=HEAD))
    else:
        ctx = money_context(roster(former=former), ledger(former))
    assert _said(ctx, "F03") == [("张三", "中")] and _said(ctx, "F06") == [("张三", "中")]


@pytest.mark.parametrize("former", ["", "无", HEAD_OLD[:6] + "********" + HEAD_OLD[-4:],
                                    HEAD_OLD[:17] + ("1" if HEAD_OLD[17] != "1" else "2"),
                                    HEAD_OLD[:10] + "13" + HEAD_OLD[12:]])
def test_a_blank_masked_or_damaged_former_id_links_nobody(former):
    ctx = money_context(roster(former=former), ledger())
    assert _said(ctx, "F03") == [("张三", "中")]
    ctx = money_context(roster(former=""), ledger(STRANGER, former_id=former.replace(HEAD_OLD[-4:], HEAD[-4:])))
    assert _said(ctx, "F03") == [("张三", "中")]


def test_a_former_id_that_is_another_members_id_links_no_one_twice():
    # 赵六's 原身份证号 is 张三's current ID (a clerk's slip): 张三's own rows stay his, 赵六's his own
    ctx = money_context(roster(former="", alone_former=HEAD), ledger(HEAD))
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []


# A household ledger's 户主原身份证号 (held-out 353): the head paid under his new ID beside his old one, the roster's ----

def test_a_household_ledgers_head_former_id_column_is_read():
    from rostercheck.io.columns import assign

    headers = ["户主姓名", "户主身份证号", "户主原身份证号", "资金项目", "所属月份", "发放金额", "一折通账号"]
    got = assign(headers, "payments")
    assert headers[got["head_id"]] == "户主身份证号" and headers[got["head_former_id"]] == "户主原身份证号"
    assert "former_id" not in got and "id" not in got


def _by_head(head_id, head_name, head_former, own=("", "")):
    """The ledger with 张三's household paid to its head as a household ledger names him (户主身份证号, 户主原身份证号)."""
    return ([pay(own[0], own[1], m, 1032, head_id=head_id, head_name=head_name, head_former_id=head_former)
             for m in months("2026-01", "2026-09")] + ledger(HEAD)[9:])


@pytest.mark.parametrize("rows, f03", [
    # must not flag: the head paid under his new ID, the ledger's 户主原身份证号 the roster's (was F07 低 不在花名册)
    (_by_head(HEAD_NEW, "张三", HEAD), []),
    (_by_head(HEAD_NEW, "张三", HEAD, own=(HEAD_NEW, "张三")), []),  # (a row of his own ID, the head's)
    # must flag (a payee on no roster): the 户主原身份证号 beside another name, or a namesake 30 years younger …
    (_by_head(STRANGER, "王秀英", HEAD), [("王秀英", "中")]),
    (_by_head(STRANGER, "张三", HEAD), [("张三", "中")]),
    # … masked or mistyped
    (_by_head(HEAD_NEW, "张三", HEAD[:6] + "********" + HEAD[-4:]), [("张三", "中")]),
    (_by_head(HEAD_NEW, "张三", HEAD[:17] + ("1" if HEAD[17] != "1" else "2")), [("张三", "中")]),
    # … or a member's row: the head's former ID is not hers
    (_by_head(HEAD_NEW, "张三", HEAD, own=(STRANGER, "张三")), [("张三", "中")]),
])
def test_a_head_paid_beside_his_former_id_in_a_household_ledger(rows, f03):
    ctx = money_context(roster(former=""), rows)
    assert _said(ctx, "F03") == f03
    assert money(ctx, "F07") == []
    if not f03:
        assert money(ctx, "F06") == []
