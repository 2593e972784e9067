"""Payees named without a usable ID (held-out 252): a roster head's name in his own village paid into a new account, a
care home's residents named beside the home's 户名, masked IDs beside an account that is not the person's."""

import pytest
from money import findings, household, make_id, money, money_context, months, pay

from rostercheck.rules._money import ledger

A = make_id("19590317", 721, "430524")  # 钟国辉, 金石桥镇石桥村
B = make_id("19600101", 112, "430524")
OTHER = make_id("19700505", 151, "430524")
NEW_ACCOUNT = "6230909370574545381"
OWN_ACCOUNT = "6230908313369065099"


def roster(**extra):
    return (household("钟国辉", A, [("李梅", "配偶", B)], benefit=840, township="金石桥镇", village="石桥村",
                      bank_account=OWN_ACCOUNT, **extra)
            + household("王五", OTHER, benefit=516, township="金石桥镇", village="石桥村", bank_account="6230900000000001"))


def paid_others(span=("2026-04", "2026-09")):
    return [pay(OTHER, "王五", m, 516, bank_account="6230900000000001") for m in months(*span)]


def new_account(name="钟国辉", amount=840, village="石桥村", township="金石桥镇", id_cell="", span=("2026-04", "2026-09")):
    """Rows naming the payee, no ID, into an account no roster gives anyone (the place only in April's file)."""
    return [pay(id_cell, name, m, amount, bank_account=NEW_ACCOUNT, holder=name,
                **({"village": village, "township": township} if m == span[0] else {})) for m in months(*span)]


# must flag: one lead, no money


@pytest.mark.parametrize("id_cell", ["", A[:6] + "*" * 8 + A[-4:]])
def test_a_roster_heads_name_in_his_village_paid_into_a_new_account_is_one_lead_without_money(id_cell):
    # held-out 252 U1: 不在册 F03 中 (2,520 to recover, "姓名不在花名册中") and F06 中 (5,040 owed) for one household
    ctx = money_context(roster(), paid_others() + new_account(id_cell=id_cell))
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []
    (found,) = findings(ctx, "F07")
    assert (ctx.members.at[found.member, "name"], found.confidence, found.recover, found.repay) == ("钟国辉", "中", None, None)
    assert "与该户户主同名，同在金石桥镇石桥村，各月金额 840.00 元与该户核定金额相同" in found.evidence
    assert f"发放账号 {NEW_ACCOUNT} 不在花名册中（花名册登记的账号为 {OWN_ACCOUNT}）" in found.evidence
    assert "可能是该户更换了账户而花名册未更新，未核实" in found.evidence
    assert found.key == "姓名、村一致（发放明细未写身份证号，账号不在花名册中）"
    assert "钟国辉" not in "".join(ctx.cache.get("money:earlier", []))


def test_a_common_name_or_another_amount_is_low():
    commoners = [household("钟国辉", make_id(f"1970010{k}", 131 + 2 * k, "430524"), benefit=300, township="金石桥镇",
                           village=f"{k}村") for k in range(1, 4)]
    ctx = money_context(roster() + sum(commoners, []), paid_others() + new_account())
    assert [(c, r, p) for _, c, r, p in money(ctx, "F07")] == [("低", None, None)]
    ctx = money_context(roster(), paid_others() + new_account(amount=800))
    (found,) = findings(ctx, "F07")
    assert found.confidence == "低" and "金额 800.00 元与该户核定金额 840.00 元不同" in found.evidence
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []


# must not take the payee for the head: today's F03 and F06, worded without "姓名不在花名册中"


def _as_today(ctx, said: str):
    assert money(ctx, "F03") == [("钟国辉", "中", 2520.0, None)]
    assert [(r, p) for _, _, r, p in money(ctx, "F06")] == [(None, 840.0)]  # (no approval date: the roster month)
    assert money(ctx, "F07") == []
    (found,) = findings(ctx, "F03")
    assert found.key == "发放明细未写身份证号，花名册中有同名的人，未能确认是否同一人"
    assert said in found.evidence and "不在所给花名册中" not in found.evidence


def test_a_namesake_in_another_village_is_not_the_head():
    _as_today(money_context(roster(), paid_others() + new_account(village="龙池村")),
              "花名册中有同名的 钟国辉（金石桥镇石桥村），但账号也不是花名册登记的，未能确认是否同一人")


def test_a_payee_whose_rows_name_no_village_is_a_name_only_lead():
    # h472: no ID, no place, an account the roster does not know: a name alone says neither that she is the head nor
    # that she is not (F03 中 2,520 beside F06 中 840 for one payment): both 低 leads without money, said so
    ctx = money_context(roster(), paid_others() + new_account(village="", township=""))
    assert money(ctx, "F03") == [("钟国辉", "低", None, None)]
    assert money(ctx, "F06") == [("钟国辉", "低", None, None)]
    assert money(ctx, "F07") == []
    (f03,), (f06,) = findings(ctx, "F03"), findings(ctx, "F06")
    assert "花名册中有同名的 钟国辉" in f03.evidence and "仅按姓名对应" in f03.evidence and "不计入应追回" in f03.evidence
    assert "有与该户成员同名的领取人 钟国辉" in f06.evidence and "仅按姓名对应" in f06.evidence
    assert "如确未发放，应补发 840.00 元" in f06.evidence and "不计入应补发" in f06.evidence


def test_two_heads_of_the_name_in_the_village_are_neither():
    twin = household("钟国辉", make_id("19800808", 155, "430524"), benefit=840, township="金石桥镇", village="石桥村",
                     bank_account="6230900000000002")
    rows = paid_others() + new_account() + [pay(twin[0]["id"], "钟国辉", m, 840, bank_account="6230900000000002")
                                            for m in months("2026-04", "2026-09")]
    ctx = money_context(roster() + twin, rows)
    found = [f for f in findings(ctx, "F03")]
    assert [(f.confidence, f.recover) for f in found] == [("中", 2520.0)]
    assert "花名册中有同名的 钟国辉（金石桥镇石桥村）、钟国辉（金石桥镇石桥村）" in found[0].evidence
    assert money(ctx, "F07") == []


def test_a_household_paid_under_its_own_id_those_months_is_not_the_payee():
    rows = paid_others() + new_account() + [pay(A, "钟国辉", m, 840, bank_account=OWN_ACCOUNT) for m in months("2026-04", "2026-09")]
    ctx = money_context(roster(), rows)
    assert [(c, r) for _, c, r, _ in money(ctx, "F03")] == [("中", 2520.0)]
    assert money(ctx, "F06") == [] and money(ctx, "F07") == []


def test_masked_digits_other_than_the_heads_say_it_is_someone_else():
    ctx = money_context(roster(), paid_others() + new_account(id_cell=A[:6] + "*" * 8 + "0000"))
    assert [(c, r) for _, c, r, _ in money(ctx, "F03")] == [("中", 2520.0)]
    assert money(ctx, "F07") == []


def test_a_household_a_list_says_the_head_left_is_no_lead():
    # the head dead in June, his name still paid into a new account: the money to recover stays (F03), no F07 lead
    ctx = money_context(roster(), paid_others() + new_account(), {"deaths": [{"name": "钟国辉", "id": A, "date": "2026-06-10"}]})
    assert [(c, r) for _, c, r, _ in money(ctx, "F03")] == [("中", 2520.0)]
    assert money(ctx, "F07") == []


def test_an_account_registered_to_another_household_is_no_new_account():
    rows = paid_others() + [dict(r, bank_account="6230900000000001") for r in new_account()]
    assert [f for f in findings(money_context(roster(), rows), "F07") if "不在花名册中（花名册登记" in f.evidence] == []


# a care home's account, registered by the 特困 roster for its residents (held-out 252 F01d, F07d)

HOME = "隆回县小沙江镇敬老院"
HOME_ACCOUNT = "6230900044061344514"
R1, R2, R3 = make_id("19660407", 659, "430524"), make_id("19500101", 111, "430524"), make_id("19380220", 668, "430524")
LOOSE = make_id("19380220", 668, "430525")  # 肖艳莲 of another county: on no roster
# a second 肖艳莲 whose ID shows the same digits where a bank masks it (born another day, the same check character)
TWIN = next(t for d in range(1, 29) if (t := make_id(f"194202{d:02d}", 668, "430524"))[-4:] == R3[-4:])


def tekun(loose_twin: bool = False):
    rows = [{"township": "小沙江镇", "village": "龙池村", "name": name, "id": pid, "benefit": 1576,
             "bank_account": HOME_ACCOUNT, "support_mode": "集中供养"} for name, pid in (("贺光军", R1), ("申卫强", R2))]
    rows.append({"township": "小沙江镇", "village": "古楼村", "name": "肖艳莲", "id": R3, "benefit": 1576,
                 "bank_account": "6230907475706045058", "support_mode": "分散供养", "approved": "2016-01-15"})
    if loose_twin:
        rows.append({"township": "小沙江镇", "village": "金龙村", "name": "肖艳莲", "id": TWIN,
                     "benefit": 1576, "bank_account": "6230907475706040000", "support_mode": "分散供养"})
    return rows


def home_context(rows, lists=None, **kw):
    return money_context(household("王五", OTHER, benefit=516), rows, lists,
                         extra_rosters=[(tekun(**kw), "隆回县2026年第三季度特困人员供养名册")])


def _mask(pid):
    return pid[:6] + "*" * 8 + pid[-4:]


def resident(pid, name, m, id_cell=None, **kw):
    return pay(pid if id_cell is None else id_cell, name, m, 1576, "特困供养金", bank_account=HOME_ACCOUNT, holder=HOME, **kw)


@pytest.mark.parametrize("whole_months", [("2026-05",), ()])
def test_a_residents_row_without_an_id_named_beside_the_homes_holder_is_hers(whole_months):
    # July's GBK CSV: 姓名 the resident, 账号 the home's, 户名 the home, no ID column: linked to nobody, pooled, dropped
    # without a word — F01 of 贺光军 (died 2026-04-20) 6,304 for 7,880
    rows = [pay(OTHER, "王五", m, 516) for m in months("2026-04", "2026-09")]
    for m in months("2026-04", "2026-09"):
        for pid, name in ((R1, "贺光军"), (R2, "申卫强")):
            rows.append(resident(pid, name, m, id_cell=pid if m in whole_months else "" if m == "2026-07" else _mask(pid)))
    ctx = home_context(rows, {"deaths": [{"name": "贺光军", "id": R1, "date": "2026-04-20"}]})
    assert [(n, r) for n, _, r, _ in money(ctx, "F01")] == [("贺光军", 7880.0)]
    led = ledger(ctx)
    assert all(m >= 0 for m in led.member)
    assert ctx.cache["money:unidentified"] == []


def test_a_name_the_roster_gives_another_account_is_not_linked_through_the_homes_account_and_is_said():
    # must not link: 王五 has his own account; a row for him into the home's account (户名 the home) is no one's
    rows = [pay(OTHER, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [resident(R2, "申卫强", m) for m in months("2026-07", "2026-09")]
    rows.append(resident("", "王五", "2026-08"))
    ctx = home_context(rows)
    led = ledger(ctx)
    assert led.member[-1] < 0
    (said,) = ctx.cache["money:unidentified"]
    assert "有 1 行保障金（2026-08）发放到花名册中多户共用的账号" in said and "王五" in said and "F06" in said


@pytest.mark.parametrize("whole_months", [("2026-05", "2026-09"), ()])
def test_a_dispersed_persons_masked_rows_into_the_homes_account_are_hers(whole_months):
    # held-out 252 F07d: 肖艳莲 (分散) paid every month into the home's account, her masked digits in April, June and
    # August, her whole ID in May and September: F06 中 6,304 "没有成功发放" for months paid
    rows = [pay(OTHER, "王五", m, 516) for m in months("2026-04", "2026-09")]
    rows += [resident(R3, "肖艳莲", m, id_cell=R3 if m in whole_months else "" if m == "2026-07" else _mask(R3))
             for m in months("2026-04", "2026-09")]
    rows += [resident(pid, name, m) for m in months("2026-04", "2026-09") for pid, name in ((R1, "贺光军"), (R2, "申卫强"))]
    ctx = home_context(rows)
    assert money(ctx, "F03") == []
    assert {c for _, c, _, _ in money(ctx, "F07")} == {"中"}  # (the home's account: her money goes to an institution)
    if whole_months:
        assert money(ctx, "F06") == []
    else:  # July's row, no ID at all, into an account the roster does not give her: whose it is is not told, but said
        assert [f.months for f in findings(ctx, "F06")] == ["2026-07（1个月）"]
        (said,) = ctx.cache["money:unidentified"]
        assert "有 1 行保障金（2026-07）发放到花名册中多户共用的账号" in said


def test_masked_digits_two_namesakes_show_link_neither():
    rows = [pay(OTHER, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [resident(R3, "肖艳莲", m, id_cell=_mask(R3)) for m in months("2026-07", "2026-09")]
    led = ledger(home_context(rows, loose_twin=True))
    assert led.member[3:] == [-1, -1, -1]


def test_a_masked_row_named_beside_another_holder_is_no_namesake_on_no_roster():
    # 肖艳莲 of another county (digits apart) paid into the home's account: not the roster's 肖艳莲
    rows = [pay(OTHER, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [resident(LOOSE, "肖艳莲", m, id_cell=_mask(LOOSE)) for m in months("2026-07", "2026-09")]
    led = ledger(home_context(rows))
    assert led.member[3:] == [-1, -1, -1]


# the household's own row names the payee's account as its former one (held-out 318)


@pytest.mark.parametrize(("remark", "lead"), [
    ("", True),
    (f"账户变更，原账号{NEW_ACCOUNT}", False),
    ("原卡号 6230 9093 7057 4545 381 已销户", False),
    ("账户变更，原账号6230909370574545399", True),  # another account: not the payee's
])
def test_an_account_change_the_ledger_notes_is_no_lead(remark, lead):
    # held-out 318: 田静's old account (Oct–Mar, no ID column) was F07 中 "可能是该户更换了账户", while her April row on
    # the roster's account said 账户变更，原账号… of that very account
    own = [pay("", "钟国辉", m, 840, bank_account=OWN_ACCOUNT, holder="钟国辉", village="石桥村", township="金石桥镇",
               **({"remark": remark} if m == "2026-07" else {})) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), paid_others() + new_account(span=("2026-04", "2026-06")) + own)
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []
    assert [c for _, c, _, _ in money(ctx, "F07")] == (["中"] if lead else [])
