"""F07: the account paid is not the household's (holder, shared account, a cadre's account)."""

import pytest

from money import findings, household, make_id, money, money_context, months, pay

A = make_id("19800101", 111)
B = make_id("19820202", 122)
C = make_id("19700303", 131)
K = make_id("19750505", 151)


def roster():
    return household("陈国强", A, [("王芳", "配偶", B)], benefit=1032) + household("李四", C, benefit=700)


def test_holder_not_a_member_flagged():
    rows = [pay(A, "陈国强", "2026-09", 1032, holder="赵大勇", bank_account="6228480012345678"),
            pay(C, "李四", "2026-09", 700, holder="李四", bank_account="6228480099999999")]
    assert money(money_context(roster(), rows), "F07") == [("陈国强", "中", None, None)]



def test_an_account_receiving_only_other_items_names_them_and_is_low():
    # held-out 200 (variant G): 特困人员照料护理补贴 paid to the named 委托照料人's account, the 基本生活费 to the person's
    # own: 中 "请核实是否为代领" without a word of the item; a carer's account for 照料护理 is common (the guide is silent)
    rows = [pay(A, "陈国强", m, 1032, holder="陈国强", bank_account="6228480012345678") for m in months("2026-07", "2026-09")]
    rows += [pay(A, "陈国强", m, 480, "特困人员照料护理补贴", holder="赵大勇", bank_account="6228480055555555")
             for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700, holder="李四", bank_account="6228480099999999") for m in months("2026-07", "2026-09")]
    (found,) = findings(money_context(roster(), rows), "F07")
    assert found.confidence == "低" and "资金项目 特困人员照料护理补贴" in found.evidence
    # the benefit itself paid there too: 中, its items named
    rows.append(pay(A, "陈国强", "2026-09", 1032, holder="赵大勇", bank_account="6228480055555555"))
    (found,) = findings(money_context(roster(), rows), "F07")
    assert found.confidence == "中" and "资金项目 特困人员照料护理补贴、低保金" in found.evidence

def test_a_stranger_named_as_the_payee_and_the_holder_beside_a_members_id_is_flagged():
    # 姓名 = 户名 = 王秀兰 (no member) with 陈国强's ID and account: the holder is no member (held-out 76)
    rows = [pay(A, "王秀兰", "2026-09", 1032, holder="王秀兰", bank_account="6228480012345678"),
            pay(C, "李四", "2026-09", 700, holder="李四", bank_account="6228480099999999")]
    assert money(money_context(roster(), rows), "F07") == [("陈国强", "中", None, None)]
    # the wife named as payee beside her husband's ID, her account: a member
    rows[0] = pay(A, "王芳", "2026-09", 1032, holder="王芳", bank_account="6228480012345678")
    assert money(money_context(roster(), rows), "F07") == []


def test_holder_written_with_a_space_or_traditional_characters_or_as_the_wife_not_flagged():
    rows = [pay(A, "陈国强", "2026-08", 1032, holder="陳國強", bank_account="6228480012345678"),
            pay(A, "陈国强", "2026-09", 1032, holder="王 芳", bank_account="6228480012345678"),
            pay(C, "李四", "2026-09", 700, holder="李　四", bank_account="6228480099999999")]
    assert money(money_context(roster(), rows), "F07") == []


@pytest.mark.parametrize("holder", ["王芳代领", "王芳代收", "王芳 代办", "王芳（代）", "陈国强代领"])
def test_holder_naming_a_member_as_the_one_who_collects_is_not_flagged(holder):
    # held-out 252: 户名 "肖冬霞代领" (a member) was F07 低 "该户成员均不同名", while "曾伟（代）" was read as 曾伟
    registered = household("陈国强", A, [("王芳", "配偶", B)], benefit=1032, bank_account="6228480012345678")
    rows = [pay(A, "陈国强", m, 1032, holder=holder, bank_account="6228480012345678") for m in months("2026-07", "2026-09")]
    assert money(money_context(registered + household("李四", C, benefit=700), rows), "F07") == []


def test_one_account_for_two_households_flags_both():
    rows = [pay(A, "陈国强", "2026-09", 1032, bank_account="6228480012345678"),
            pay(C, "李四", "2026-09", 700, bank_account="6228 4800 1234 5678")]
    assert money(money_context(roster(), rows), "F07") == [("李四", "中", None, None), ("陈国强", "中", None, None)]


def test_the_households_registered_account_under_a_name_no_roster_holds_is_low():
    # held-out 91 (F07.toml: the household's own registered account received in the name of someone on no roster,
    # most often the former head, is 低, to change the payee): it was 中 as any stranger's account
    registered = household("陈国强", A, [("王芳", "配偶", B)], benefit=1032, bank_account="6228480012345678")
    rows = [pay(A, "陈国强", "2026-09", 1032, holder="陈老汉", bank_account="6228480012345678")]
    got = findings(money_context(registered + household("李四", C, benefit=700), rows), "F07")
    assert [(f.confidence, "是花名册登记的本户账号" in f.evidence, "变更领取人" in f.evidence) for f in got] == [("低", True, True)]
    # another account, or a holder who is someone on a roster (another household's 代领): 中 as before
    rows = [pay(A, "陈国强", "2026-09", 1032, holder="陈老汉", bank_account="6228480099998888")]
    assert [f.confidence for f in findings(money_context(registered + household("李四", C, benefit=700), rows), "F07")] == ["中"]
    rows = [pay(A, "陈国强", "2026-09", 1032, holder="李四", bank_account="6228480012345678")]
    assert [f.confidence for f in findings(money_context(registered + household("李四", C, benefit=700), rows), "F07")] == ["中"]
    # a deaths list given that names him (the former head died): 低; that does not (alive, a stranger: held-out 267, 274): 中
    rows = [pay(A, "陈国强", "2026-09", 1032, holder="陈老汉", bank_account="6228480012345678")]
    for died, conf in (("陈老汉", "低"), ("王二", "中")):
        deaths = {"deaths": [{"name": died, "id": make_id("19400101", 11), "date": "2026-01-05"}]}
        ctx = money_context(registered + household("李四", C, benefit=700), rows, deaths)
        assert [f.confidence for f in findings(ctx, "F07")] == [conf], died


def test_a_shared_accounts_evidence_gives_the_months_the_other_households_were_paid_into_it():
    # held-out 91: the owner's row for 2026-07 …09 cited only her own July payment, the sharing began in September

    rows = [pay(A, "陈国强", m, 1032, bank_account="6228480012345678") for m in ("2026-07", "2026-08", "2026-09")]
    rows.append(pay(C, "李四", "2026-09", 700, bank_account="6228480012345678"))
    said = {f.months: f.evidence for f in findings(money_context(roster(), rows), "F07")}
    assert "其他户的资金打入该账号的月份：2026-09（1个月）" in said["2026-07至2026-09（3个月）"]
    assert "其他户的资金打入该账号的月份：2026-07至2026-09（3个月）" in said["2026-09（1个月）"]
    assert all("（户主 陈国强、李四）" in text for text in said.values())  # as township copies unname the others


def test_accounts_stored_as_numbers_are_not_one_account_and_the_run_says_so():
    # three accounts 6228480012345670011/22/33 typed as numbers: Excel keeps 622848001234567 and zeros (held-out 79)
    from types import SimpleNamespace

    from rostercheck.notices import number_typed_ids

    cut = 6228480012345670011.0
    rows = [pay(A, "陈国强", "2026-09", 1032, bank_account=cut), pay(C, "李四", "2026-09", 700, bank_account=cut)]
    official = [{"name": "钱主任", "id": K, "post": "村委会主任", "bank_account": "6228480012345670000", "village": "东村"}]
    ctx = money_context(roster(), rows, {"cadres": official})
    assert money(ctx, "F07") == []
    said = [w for w in number_typed_ids(SimpleNamespace(members=ctx.members, lists=ctx.lists, labels=ctx.labels))
            if "银行账号以数字格式存储" in w]
    assert len(said) == 1 and said[0].startswith("资金发放明细中有 2 处银行账号"), said
    # one written out whole beside one typed as a number: not the same account either
    rows[1] = pay(C, "李四", "2026-09", 700, bank_account="6228480012345670000")
    assert money(money_context(roster(), rows), "F07") == []


@pytest.mark.parametrize("kind", ["cadres", "staff"])
def test_cadre_or_staff_account_flagged_high_unless_the_person_is_a_member(kind):
    # the account's holder is the household's own head: only the list says whose account it is
    rows = [pay(C, "李四", "2026-09", 700, holder="李四", bank_account="6228480055556666")]
    official = [{"name": "钱主任", "id": K, "post": "村委会主任", "bank_account": "6228480055556666", "village": "东村"}]
    assert money(money_context(roster(), rows, {kind: official}), "F07") == [("李四", "高", None, None)]
    official[0]["id"] = C
    assert money(money_context(roster(), rows, {kind: official}), "F07") == []


D = make_id("19850707", 171)  # another person of the cadre's name


@pytest.mark.parametrize("kind", ["cadres", "staff"])
@pytest.mark.parametrize("holder, proxy_id, expected", [
    ("钱主任", K, [("陈国强", "高", None, None)]),  # the official as 代领人 and 户名, the household's own account
    ("陈国强", K, [("陈国强", "高", None, None)]),  # … 户名 the head's: only the 代领人身份证号 tells
    ("王芳", B, []),  # a member collecting for her household is no lead
    ("陈国强", D, []),  # a namesake of the official, another ID: nothing to say
    ("陈国强", "", []),  # the 代领人身份证号 left blank: no ID to go on
    ("钱主任", D, [("陈国强", "中", None, None)]),  # a namesake collecting: a stranger's account name, 中 at most
    ("陈国强", K[:-4] + "****", []),  # a masked ID names nobody
    # held-out 409: a 15-digit 一代证 has no check character, its upgrade is valid whatever digit was mistyped: a lead
    ("陈国强", K[:6] + K[8:17], [("陈国强", "低", None, None)]),
    ("钱主任", K[:6] + K[8:17], [("陈国强", "中", None, None)]),  # (the stranger's account name says more)
    ("陈国强", K[:17] + ("1" if K[17] != "1" else "2"), []),  # a wrong check character names nobody
])
def test_a_cadre_or_staff_member_collecting_as_proxy_is_found_by_his_id_never_a_member(kind, holder, proxy_id, expected):
    # held-out 404: the 代领人身份证号 column was never read; a 村会计 collecting on the household's own account was 中 by
    # his name alone, or not flagged when 户名 stayed the head's
    rows = [pay(A, "陈国强", m, 1032, holder=holder, bank_account="6228480012345678", proxy_id=proxy_id)
            for m in months("2026-07", "2026-09")]
    official = [{"name": "钱主任", "id": K, "post": "村会计", "village": "东村"}]
    found = findings(money_context(roster(), rows, {kind: official}), "F07")
    assert money(money_context(roster(), rows, {kind: official}), "F07") == expected  # (the payee stays 陈国强)
    if expected and expected[0][1] == "高":
        assert "代领人身份证号" in found[0].evidence and "只是姓名相同" not in found[0].evidence


def test_a_proxy_written_once_with_the_current_id_beside_his_15_digit_id_is_high():
    # held-out 409: the household's months under the 15-digit 一代证 and one month under the 18-digit ID: the valid one speaks
    old_id = K[:6] + K[8:17]
    rows = [pay(A, "陈国强", m, 1032, holder="陈国强", bank_account="6228480012345678", proxy_id=p)
            for m, p in zip(months("2026-07", "2026-09"), [old_id, old_id, K])]
    official = [{"name": "钱主任", "id": K, "post": "村会计", "village": "东村"}]
    (found,) = findings(money_context(roster(), rows, {"cadres": official}), "F07")
    assert found.confidence == "高" and "15 位旧号" not in found.evidence


def test_a_household_paid_into_a_cadres_account_under_his_name_is_one_lead():
    # held-out 119: the account and 户名 a village clerk's — a 高 (his account), a 中 (户名 no member) and, with the
    # roster registering his account, a 低 "如是原户主…" lead for one fact
    account = "6228480055556666"
    rost = household("陈国强", A, [("王芳", "配偶", B)], benefit=1032, bank_account=account) + household("李四", C, benefit=700)
    rows = [pay("", "", m, 1032, holder="钱主任", bank_account=account) for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700, holder="李四", bank_account="6228480099999999") for m in months("2026-07", "2026-09")]
    official = [{"name": "钱主任", "id": K, "post": "村报账员", "bank_account": account, "village": "东村"}]
    assert money(money_context(rost, rows, {"cadres": official}), "F07") == [("陈国强", "高", None, None)]
    assert money(money_context(rost, rows), "F07") == [("陈国强", "低", None, None)]  # without the list: the holder


def test_holder_of_a_payee_on_no_roster_is_not_compared():
    # no member names to compare with (F03 reports the payee as 不在册)
    rows = [pay(C, "李四", "2026-09", 700, holder="李四", bank_account="6228480099999999"),
            pay(K, "周九", "2026-09", 516, holder="周九妻", bank_account="6228480077777777")]
    assert money(money_context(roster(), rows), "F07") == []


def test_people_cared_for_in_an_institution_paid_into_its_account_are_no_lead():
    # 集中供养 特困 people: the money goes to the 敬老院's account (its name as holder, one account for all of them)
    P, Q = make_id("19400101", 171), make_id("19410202", 182)
    rows = (household("周一", P, benefit=1576, programme="特困", support_mode="集中供养")
            + household("吴二", Q, benefit=1576, programme="特困", support_mode="集中"))
    paid = [pay(P, "周一", "2026-09", 1576, item="特困供养金", holder="城关镇敬老院", bank_account="6228480011112222"),
            pay(Q, "吴二", "2026-09", 1576, item="特困供养金", holder="城关镇敬老院", bank_account="6228480011112222")]
    assert money(money_context(rows, paid), "F07") == []
    # the same account for people cared for at home (分散供养) is a lead for both
    rows = [dict(r, support_mode="分散") for r in rows]
    both = findings(money_context(rows, paid), "F07")  # holder and shared account, each person in one row
    assert len(both) == 2 and all("户名“城关镇敬老院”" in f.evidence and "。另：同一账号" in f.evidence for f in both)


def test_a_household_paid_into_an_institutions_account_is_still_a_lead():
    # a 低保 household sharing the 敬老院's account with a resident: a lead for the household, none for the resident
    P = make_id("19400101", 171)
    rows = roster() + household("周一", P, benefit=1576, programme="特困", support_mode="集中供养")
    paid = [pay(P, "周一", "2026-09", 1576, item="特困供养金", holder="周一", bank_account="6228480011112222"),
            pay(C, "李四", "2026-09", 700, holder="李四", bank_account="6228480011112222")]
    assert money(money_context(rows, paid), "F07") == [("李四", "中", None, None)]


def test_head_who_died_keeps_the_household_account_in_his_name_not_flagged():
    # The head died in June; the roster now lists his wife as head. The per-person ledger still names him as the
    # household's 户主 and pays every member into his account: his rows (on no roster) are the household's own.
    now = household("王芳", B, [("陈小强", "子", K)], benefit=1000) + household("李四", C, benefit=700)
    rows = []
    for month in ("2026-04", "2026-05"):
        rows += [pay(x, n, month, 500, head_id=A, holder="陈国强", bank_account="6228480012345678")
                 for x, n in ((A, "陈国强"), (B, "王芳"), (K, "陈小强"))]
        rows.append(pay(C, "李四", month, 700, holder="李四", bank_account="6228480099999999"))
    assert money(money_context(now, rows), "F07") == []
    rows.append(pay(C, "李四", "2026-06", 700, holder="李四", bank_account="6228480012345678"))  # another household
    assert [f[0] for f in money(money_context(now, rows), "F07")] == ["李四", "王芳"]


def test_holder_without_the_middle_dot_or_with_ling_for_the_zero_character_not_flagged():
    names = household("买买提·艾力", A, benefit=516) + household("张〇华", C, benefit=516)
    rows = [pay(A, "买买提·艾力", "2026-09", 516, holder="买买提艾力", bank_account="6228480012345678"),
            pay(C, "张〇华", "2026-09", 516, holder="张零华", bank_account="6228480099999999")]
    assert money(money_context(names, rows), "F07") == []


def test_tekun_payees_on_no_roster_sharing_a_care_homes_account_are_not_flagged_with_only_the_dibao_roster():
    home = "6228480077777777"
    rows = [pay(A, "陈国强", "2026-09", 1032, bank_account="6228480012345678"),
            pay(C, "李四", "2026-09", 700, bank_account="6228480099999999")]
    rows += [pay(make_id(f"194{i}0101", 110 + i), n, "2026-09", 1576, "特困人员基本生活费", holder="某镇敬老院", bank_account=home)
             for i, n in enumerate(("孟山", "卢英", "许伟"))]
    assert money(money_context(roster(), rows), "F07") == []


def test_a_household_still_paid_under_its_dead_former_head_into_its_own_account():
    from money import months

    # 陈国强 died in May; the roster now has 王芳 as head, with the same account; the bank still pays under his ID
    rost = household("王芳", B, benefit=516, bank_account="6228480012345678") + household("李四", C, benefit=700)
    rows = [pay(A, "陈国强", m, 516, bank_account="6228480012345678") for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700, bank_account="6228480099999999") for m in months("2026-07", "2026-09")]
    ctx = money_context(rost, rows, {"deaths": [{"name": "陈国强", "id": A, "date": "2026-05-10"}]})
    # the deaths list says who he is: the account is the household's, no lead (held-out 56)
    assert money(ctx, "F07") == []
    assert money(ctx, "F01") == [] and money(ctx, "F06") == [] and money(ctx, "F03") == []
    # without the deaths list nothing says why the payee is on no roster: a 低 lead, the payee to be changed
    assert money(money_context(rost, rows), "F07") == [("王芳", "低", None, None)]
    # a household ledger naming only the former head (户主身份证号): the same
    rows = [{**r, "head_id": r.pop("id"), "head_name": r.pop("name")} for r in rows]
    ctx = money_context(rost, rows, {"deaths": [{"name": "陈国强", "id": A, "date": "2026-05-10"}]})
    assert money(ctx, "F01") == [] and money(ctx, "F06") == [] and money(ctx, "F07") == []
    assert money(money_context(rost, rows), "F07") == [("王芳", "低", None, None)]


def test_a_dead_members_own_row_beside_the_others_is_still_his():
    from money import months

    # a per-person ledger: 王芳's own row goes on after her death, into the household's account, beside her husband's
    rost = household("陈国强", A, benefit=516, bank_account="6228480012345678")
    rows = [pay(x, n, m, 516, bank_account="6228480012345678") for m in months("2026-07", "2026-09")
            for x, n in ((A, "陈国强"), (B, "王芳"))]
    ctx = money_context(rost, rows, {"deaths": [{"name": "王芳", "id": B, "date": "2026-05-10"}]})
    assert money(ctx, "F01") == [("王芳", "高", 516.0 * 3, None)]
    assert money(ctx, "F07") == []  # her rows are her household's on its own account, not a second household's


@pytest.mark.parametrize("cut", [K[:15] + "000", str(int(K[:15]) + 1) + "000", K[:16] + ("1" if K[16] != "1" else "2") + K[17]])
def test_a_payee_on_no_roster_written_with_a_damaged_id_and_whole_is_one_household(cut):
    # 低保金 under an ID a number format cut short (or rounded, or a mistyped digit), 物价补贴 under the whole one
    rows = [pay(C, "李四", "2026-09", 700, bank_account="6228480099999999"),
            pay(cut, "宋彬英", "2026-08", 1840, bank_account="6228480012345435"),
            pay(K, "宋彬英", "2026-08", 60, item="物价补贴", bank_account="6228480012345435")]
    assert money(money_context(roster(), rows), "F07") == []


def test_an_account_lead_names_every_month_and_holds_its_verification_while_it_lasts():
    # an account shared for three months says so; a quarter later, the same account and holder are the same lead
    # (its 证据指纹 does not change with the months: a verified F07 stays verified)
    from money import findings, months

    from rostercheck.suppress import evidence_fingerprint

    def leads(last):
        rows = [pay(A, "陈国强", m, 1032, holder="赵大勇", bank_account="6228480012345678") for m in months("2026-07", last)]
        rows += [pay(C, "李四", m, 700, holder="李四", bank_account="6228480012345678") for m in months("2026-07", last)]
        return sorted(findings(money_context(roster(), rows), "F07"), key=lambda f: (f.member, f.evidence))

    q3, q4 = leads("2026-09"), leads("2026-12")
    assert {f.months for f in q3} == {"2026-07至2026-09（3个月）"} and len(q3) == 2  # two shared, one holder too
    assert ([evidence_fingerprint(f.code, str(f.member), f.facts) for f in q3]
            == [evidence_fingerprint(f.code, str(f.member), f.facts) for f in q4])


def test_a_moved_members_earlier_rows_paid_into_his_former_households_account_are_that_households():
    # 王小军 moved from 陈国强's household to 李四's in July: a per-person ledger pays him in June under 陈国强's
    # 户主身份证号 into 陈国强's account, in July under 李四's into 李四's: no account lead
    x = make_id("20050303", 175)
    rows = (household("陈国强", A, [("王芳", "配偶", B)], benefit=1032, bank_account="6228480012345678")
            + household("李四", C, [("王小军", "其他", x)], benefit=1400, bank_account="6228480099999999"))
    paid = [pay(A, "陈国强", m, 516, holder="陈国强", bank_account="6228480012345678", head_id=A) for m in ("2026-06", "2026-07")]
    paid += [pay(B, "王芳", m, 516, holder="陈国强", bank_account="6228480012345678", head_id=A) for m in ("2026-06", "2026-07")]
    paid += [pay(C, "李四", m, 700, holder="李四", bank_account="6228480099999999", head_id=C) for m in ("2026-06", "2026-07")]
    paid += [pay(x, "王小军", "2026-06", 700, holder="陈国强", bank_account="6228480012345678", head_id=A),
             pay(x, "王小军", "2026-07", 700, holder="李四", bank_account="6228480099999999", head_id=C)]
    assert money(money_context(rows, paid), "F07") == []
    # paid into a stranger's account under the former head's ID: still a lead
    paid[-2] = pay(x, "王小军", "2026-06", 700, holder="赵大勇", bank_account="6228480055556666", head_id=A)
    assert money(money_context(rows, paid), "F07") == [("李四", "中", None, None)]


def test_a_head_id_stored_as_a_number_on_rows_naming_only_the_head_is_counted_once_per_row():
    from types import SimpleNamespace

    from rostercheck.notices import number_typed_ids

    typed = float(A[:15] + "000")  # 户主身份证号 typed as a number, the row's own ID column blank
    rows = [pay("", "", m, 1032, head_id=typed, head_name="陈国强") for m in ("2026-08", "2026-09")]
    rows.append(pay("", "", "2026-09", 700, head_id=C, head_name="李四"))
    ctx = money_context(roster(), rows)
    said = [w for w in number_typed_ids(SimpleNamespace(members=ctx.members, lists=ctx.lists, labels=ctx.labels))
            if "身份证号以数字格式存储" in w]
    assert len(said) == 1 and said[0].startswith("资金发放明细中有 2 个身份证号以数字格式存储（共 1 个不同的号码，"), said


def test_a_payee_on_no_roster_in_a_banks_file_without_ids_and_by_his_id_elsewhere_is_one_household():
    # held-out 106: 傅丽永 (on no roster) paid by account and 户名 in a bank's file and by his ID in a grant's file: "同一账号
    # 收取 2 户的资金（户主 傅丽永、傅丽永）" at 中, rows with no name at all
    account = "6230510879608133676"
    rows = [pay(C, "李四", "2026-09", 700, bank_account="6228480099999999"),
            {"id": "", "name": "", "holder": "傅丽永", "bank_account": account, "month": "2026-08", "amount": 516,
             "item": "", "status": "成功"},
            {"head_id": K, "head_name": "傅丽永", "bank_account": account, "month": "2026-08", "amount": 300,
             "item": "春节一次性生活补贴", "status": "成功"}]
    assert money(money_context(roster(), rows), "F07") == []


def test_the_households_own_account_paid_under_a_former_payee_is_one_lead_not_two():
    # held-out 106: a bank's rows under 户名 刘德厚 (on no roster) into the household's registered account: one 低 lead
    # for the former payee and one for the holder, the same months, twice
    registered = household("顾云永", A, benefit=1032, bank_account="6230000000000003098")
    rows = [{"id": "", "name": "", "holder": "刘德厚", "bank_account": "6230000000000003098", "month": m, "amount": 1032,
             "item": "", "status": "成功"} for m in months("2026-07", "2026-09")]
    got = findings(money_context(registered + household("李四", C, benefit=700), rows), "F07")
    assert [f.confidence for f in got] == ["低"]


@pytest.mark.parametrize("payee, confidence", [("刘德厚", "低"), ("李四", "中")])
def test_a_registered_account_paid_under_another_households_members_name_is_no_former_payee(payee, confidence):
    # held-out 259: a bank's rows without IDs under 唐琴静, the head of another household, into 金静's registered account
    # were "领取人 唐琴静不在花名册中" at 低 (a former head to change): she is on the roster, as another's 代领 to check
    registered = household("顾云永", A, benefit=1032, bank_account="6230000000000003098")
    rows = [{"id": "", "name": payee, "holder": payee, "bank_account": "6230000000000003098", "month": m, "amount": 1032,
             "item": "低保金", "status": "成功"} for m in months("2026-07", "2026-09")]
    [f] = findings(money_context(registered + household("李四", C, benefit=700), rows), "F07")
    assert f.confidence == confidence
    assert ("不在花名册中" in f.evidence) == (payee == "刘德厚")
    assert ("与花名册中另一户的成员同名（" in f.evidence and " 李四户）" in f.evidence) == (payee == "李四")


def test_an_account_a_number_format_cut_is_said_so_in_the_holders_evidence():
    # (accounts in full, as D02 and RQ3 and the report's columns give them: held-out 309 had F07 alone mask them)
    # held-out 262: 6228****0000 beside 6228****4865 read as a second account, not as the same one cut to 15 digits
    rows = [pay(A, "王五", "2026-08", 516, holder="魏杰", bank_account=6228483870257234865.0),
            pay(A, "王五", "2026-09", 516, holder="魏杰", bank_account="6228483870257234865")]
    [f] = findings(money_context(roster(), rows), "F07")
    assert "6228483870257230000（以数字格式存储，后几位已丢失）、6228483870257234865" in f.evidence


def test_an_account_shared_by_payees_on_no_roster_named_by_their_heads_names_each_head():
    # a ledger naming only 户主姓名/户主身份证号: three payees on no roster paid into one account. Each F07 lead is about
    # its head (as F03's row about him is), so that 汇总 counts each payee once (held-out 162: 6 people for 3)
    heads = [make_id("19700505", 280 + k) for k in range(3)]
    rows = [pay("", "", "2026-09", 516, head_id=h, head_name="不在册人", holder="不在册人",
                bank_account="6217999999999999") for h in heads]
    found = findings(money_context(roster(), rows), "F07")
    assert sorted((f.subject["name"], f.subject["id"]) for f in found) == [("不在册人", h) for h in sorted(heads)]


@pytest.mark.parametrize("holder, confidence", [("韩凤", "中"), ("陈老汉", "低")])
def test_a_registered_account_under_a_name_the_rosters_history_rows_do_not_hold_is_no_former_heads(holder, confidence):
    # held-out 225: the roster keeps its members who left (成员状态 已死亡, as 原户主 陈老汉 here); the household's registered
    # account paid the 低保金 itself under 韩凤, none of its members past or present: 中 as any holder not of the
    # household, not 低 "如户名是原户主". 韩凤 shares a name with a village cadre (no account, no ID to go on): said as a
    # lead in the evidence, never a reason for a higher confidence
    status = {"member_status": "成员状态", "status_date": "状态变更日期"}
    account = "6228480012345678"
    registered = [{**r, "member_status": "已死亡" if r["id"] == K else "正常", "status_date": "2026-03-15" if r["id"] == K else ""}
                  for r in household("陈国强", A, [("王芳", "配偶", B), ("陈老汉", "原户主", K)], benefit=1032,
                                     bank_account=account)] + household("李四", C, benefit=700)
    rows = [pay(A, "陈国强", m, 1032, holder=holder, bank_account=account) for m in months("2026-07", "2026-09")]
    cadres = [{"name": "韩凤", "id": make_id("19780609", 160), "post": "村委会委员", "village": "东村"}]
    [f] = findings(money_context(registered, rows, {"cadres": cadres}, roster_headers=status), "F07")
    assert f.confidence == confidence and ("村委会委员" in f.evidence) == (holder == "韩凤")
    assert ("如户名是原户主" in f.evidence) == (confidence == "低")


def test_an_institutions_account_is_said_so_not_a_former_head_to_change():
    # held-out 244: a 分散 特困 person's money paid into the care home's account (户名 汤阴县菜园镇敬老院), registered as
    # hers, was told "如户名是原户主（已去世或迁出），请变更领取人" of an institution
    tekun = household("田长生", A, benefit=700, support_mode="分散供养", bank_account="4105230000000317")
    rows = [pay(A, "田长生", m, 700, item="特困供养金", holder="汤阴县菜园镇敬老院", bank_account="4105230000000317")
            for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700, holder="李四", bank_account="6228480099999999") for m in months("2026-07", "2026-09")]
    got = findings(money_context(tekun + household("李四", C, benefit=700), rows), "F07")
    assert len(got) == 1 and got[0].confidence == "低"  # (the level as before: the registered account)
    assert got[0].evidence.startswith("发放账户户名“汤阴县菜园镇敬老院”是单位（机构）的名称，不是该户家庭成员；")
    assert got[0].evidence.endswith("该户为分散供养，请核实该户的资金为何打入单位的账户、由谁支取（如已入住该机构集中供养，"
                                    "请更正花名册的供养方式）")
    assert "变更领取人" not in got[0].evidence
    # a 低保 household paid into a village committee's account: the unit named, no 供养方式 to correct
    rows = [pay(A, "陈国强", "2026-09", 1032, holder="东村村民委员会", bank_account="6228480012345678"),
            pay(C, "李四", "2026-09", 700, holder="李四", bank_account="6228480099999999")]
    got = findings(money_context(roster(), rows), "F07")
    assert [f.confidence for f in got] == ["中"]
    assert got[0].evidence.endswith("请核实该户的资金为何打入单位的账户、由谁支取")


def test_a_persons_name_is_no_institution():
    rows = [pay(A, "陈国强", "2026-09", 1032, holder="赵大勇", bank_account="6228480012345678"),
            pay(C, "李四", "2026-09", 700, holder="李四", bank_account="6228480099999999")]
    got = findings(money_context(roster(), rows), "F07")
    assert "单位" not in got[0].evidence and got[0].evidence.endswith("请核实是否为代领、账户是否本户所有")


WIFE = make_id("19620217", 122)
SHARED = "6230906798714334643"


def _couple_paid(registry_no=("0022", "0022")):
    """张三's 低保 household and his wife 李梅's 特困 enrolment, both paid into his account (户名 张三)."""
    dibao = household("张三", A, benefit=516, bank_account=SHARED)
    tekun = [{"township": "城关镇", "village": "东村", "name": "李梅", "id": WIFE, "bank_account": SHARED, "benefit": 1576}]
    rows = [pay(A, "张三", m, 516, holder="张三", bank_account=SHARED) for m in months("2026-07", "2026-09")]
    rows += [pay(WIFE, "李梅", m, 1576, "特困供养金", holder="张三", bank_account=SHARED) for m in months("2026-07", "2026-09")]
    registry = [{"household_no": no, "name": n, "relation": r, "id": i}
                for no, n, r, i in zip(registry_no, ("张三", "李梅"), ("户主", "配偶"), (A, WIFE))]
    return money_context(dibao, rows, {"registry": registry}, extra_rosters=[(tekun, "清河县特困人员供养名册")])


def test_an_account_shared_by_one_registered_family_is_low_and_says_the_tie():
    # held-out 252: the wife's 特困 money paid into her husband's account (one 户号, 户主 and 配偶) was F07 中 twice on
    # hers ("户名不是家庭成员", "同一账号收取2户") and 中 on his
    got = findings(_couple_paid(), "F07")
    assert sorted(f.confidence for f in got) == ["低", "低"]  # (hers: holder and shared in one row)
    assert all("户籍信息同户（户号 0022）：李梅是张三的配偶" in f.evidence for f in got)  # (as the registry writes it)
    holder = [f for f in got if "户名“张三”" in f.evidence]
    assert len(holder) == 1 and "户名是该户的亲属" in holder[0].evidence and "变更领取人" not in holder[0].evidence


def test_an_account_shared_by_households_of_two_registered_families_stays_medium():
    assert sorted(f.confidence for f in findings(_couple_paid(("0022", "0023")), "F07")) == ["中", "中"]


@pytest.mark.parametrize("key", ["430521198001011234", "特困:430521198001011234", "低保:430521198001011234",
                                 "ledger:430521198001011234", "ledger:特困:1", "", ":", 12, None])
def test_enrolments_equal_enrolment_household(key):
    # F07 and the kinship ties read many household keys at once: a key with no ':' taken as it is, without a call
    from rostercheck.roster import enrolment_household, enrolment_households

    assert enrolment_households([key, key]) == [enrolment_household(key)] * 2


def test_a_per_household_ledgers_head_is_linked_to_a_head_whose_roster_id_a_number_format_cut():
    # held-out 316: 户主姓名 | 身份证号码 (the head's whole ID) of a finance office's quarterly files, the roster's head ID
    # typed as a number (4.11528E+17): "领取人 邵梅敏…不在花名册中" F07, the head never compared by name and 15 digits
    typed = household("陈国强", float(A[:15] + "000"), [("王芳", "配偶", B)], benefit=1032, bank_account="6228480012345678")
    account = "6228480012345678"
    rows = [{"id": A, "head_name": "陈国强", "bank_account": account, "month": m, "amount": 1032, "item": "低保金",
             "status": "成功"} for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700) for m in months("2026-07", "2026-09")]
    ctx = money_context(typed + household("李四", C, benefit=700), rows)
    assert [f for f in findings(ctx, "F07")] == [] and findings(ctx, "F03") == [] and findings(ctx, "F06") == []


def test_a_household_on_no_roster_named_by_its_heads_id_in_some_files_and_by_his_name_in_others_is_one():
    # held-out 322: a stopped household's member paid into her own account, her rows naming the head by ID in three
    # files and by name alone (户主姓名, no 户主身份证号) in three others: two households on one account, F07 中
    head, wife, account = make_id("19730401", 620), make_id("19760507", 617), "6230643895798065969"
    rows = [pay(wife, "兰英明", m, 516, head_id=head, head_name="郝丽珍", bank_account=account, holder="兰英明")
            for m in months("2026-07", "2026-08")]
    rows += [pay(wife, "兰英明", m, 516, head_name="郝丽珍", bank_account=account, holder="兰英明")
             for m in months("2026-09", "2026-09")]
    rows += [pay(C, "李四", m, 700) for m in months("2026-07", "2026-09")]
    ctx = money_context(household("李四", C, benefit=700), rows)
    assert findings(ctx, "F07") == []
    (stray,) = findings(ctx, "F03")  # one payee on no roster, one household, every month
    assert stray.months == "2026-07至2026-09（3个月）"


def test_an_account_receiving_only_care_fees_counted_as_the_benefit_is_low(tmp_path):
    # held-out 330: a county counting the 特困 照料护理费 as the benefit (护理 out of money_other_items) pays it to the
    # carer its 委托照料协议 names: 中 "请核实是否为代领", where the same payment under the defaults is 低
    cfg = tmp_path / "c.toml"
    cfg.write_text('[common]\nmoney_other_items = ["物价", "价格", "一次性", "春节"]\n'
                   'money_benefit_items = ["低保", "特困", "供养", "基本生活", "照料护理"]\n', encoding="utf-8")
    p = make_id("19400101", 111)
    rows = household("孟士杰", p, benefit=1230, programme="特困")
    paid = [pay(p, "孟士杰", m, 1040, "特困人员基本生活费", holder="孟士杰", bank_account="6228480012345678")
            for m in months("2026-07", "2026-09")]
    paid += [pay(p, "孟士杰", m, 190, "特困人员照料护理费", holder="赵大勇", bank_account="6228480055555555")
             for m in months("2026-07", "2026-09")]
    (found,) = findings(money_context(rows, paid, config=cfg), "F07")
    assert found.confidence == "低" and "只有照料护理费" in found.evidence
    # the basic living allowance paid there too: 中
    paid.append(pay(p, "孟士杰", "2026-09", 1040, "特困人员基本生活费", holder="赵大勇", bank_account="6228480055555555"))
    (found,) = findings(money_context(rows, paid, config=cfg), "F07")
    assert found.confidence == "中"


def test_a_minors_household_paid_to_a_guardian_is_low_and_asks_for_the_guardianship():
    # held-out 334: an 11-year-old orphan on the 特困 roster paid through his guardian's 社保卡: 中 "不是该户家庭成员",
    # though a minor's money goes to a guardian by necessity
    child = make_id("20141203", 211)
    rows = [pay(child, "胡永兰", m, 1576, holder="邱红玉", bank_account="6228480077777777") for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700, holder="李四", bank_account="6228480099999999") for m in months("2026-07", "2026-09")]
    (found,) = findings(money_context(roster() + household("胡永兰", child, benefit=1576), rows), "F07")
    assert found.confidence == "低" and "该户保障对象是未成年人（11岁），户名多为其监护人；请核对监护关系" in found.evidence
    # an adult's money paid to the same stranger stays 中
    adult = make_id("19600101", 211)
    rows = [dict(r, id=adult) if r["id"] == child else r for r in rows]
    assert money(money_context(roster() + household("胡永兰", adult, benefit=1576), rows), "F07") == [("胡永兰", "中", None, None)]


def _off_by_one(pid: str, at: int) -> str:
    """The ID with its character at ``at`` changed so that its check fails."""
    from rostercheck.normalize import ids

    for d in "0123456789":
        other = pid[:at] + d + pid[at + 1:]
        if d != pid[at] and ids.id_number(other).status == ids.CHECK:
            return other
    raise AssertionError


@pytest.mark.parametrize("proxy_name, proxy_id, expected", [
    # must flag (held-out 418): the official's name and his ID with a wrong check character or one sequence digit off
    ("钱主任", _off_by_one(K, 17), [("陈国强", "中", None, None)]),
    ("钱主任", _off_by_one(K, 15), [("陈国强", "中", None, None)]),
    # … a 15-digit 一代证 upgraded to his ID, and his name: 中 (the ID alone stays 低, above)
    ("钱主任", K[:6] + K[8:17], [("陈国强", "中", None, None)]),
    # must not: his name alone; another name beside the damaged ID; a birth date off (not one check-digit slip)
    ("钱主任", "", []),
    ("王芳", _off_by_one(K, 17), []),
    ("钱主任", _off_by_one(K[:12] + ("1" if K[12] != "1" else "2") + K[13:], 17), []),
    # must not: the household's own member of that name collecting (her old 15-digit ID upgraded to hers)
    ("王芳", B[:6] + B[8:17], []),
])
def test_a_proxy_named_as_an_official_with_a_damaged_id_is_a_medium_lead(proxy_name, proxy_id, expected):
    rows = [pay(A, "陈国强", m, 1032, holder="陈国强", bank_account="6228480012345678", proxy_id=proxy_id,
                proxy_name=proxy_name) for m in months("2026-07", "2026-09")]
    official = [{"name": "钱主任", "id": K, "post": "村会计", "village": "东村"}]
    assert money(money_context(roster(), rows, {"cadres": official}), "F07") == expected


def test_a_proxy_named_as_a_member_is_no_lead_though_an_official_shares_her_name():
    # must not: 王芳 of the household collects, her ID mistyped one character from a cadre named 王芳 (a namesake)
    cadre = B[:14] + ("1" if B[14] != "1" else "2") + B[15:17]
    from rostercheck.normalize import ids

    cadre += ids.CHECK_MAP[sum(int(c) * w for c, w in zip(cadre, (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2))) % 11]
    rows = [pay(A, "陈国强", m, 1032, holder="陈国强", bank_account="6228480012345678", proxy_id=_off_by_one(cadre, 17),
                proxy_name="王芳") for m in months("2026-07", "2026-09")]
    official = [{"name": "王芳", "id": cadre, "post": "村会计", "village": "东村"}]
    assert money(money_context(roster(), rows, {"cadres": official}), "F07") == []
