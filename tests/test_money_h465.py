"""Held-out h465 (彭阳县, a year of ledgers): a guardian the roster records, masked IDs on an 一卡通 export."""

from money import findings, household, make_id, money, money_context, months, pay

W = make_id("20140804", 58)    # an orphan on the 特困 book
G = make_id("19780306", 869)   # her guardian (监护人), on no roster
X = make_id("19700101", 115)   # someone else
A = make_id("19730215", 169)   # 李亚萍
B = make_id("19781107", 845)   # 罗丽娟
E = make_id("19570819", 893)   # 米东升, exited in March
TEKUN = "清河县特困人员救助供养名册（2026年第三季度）"
Q3 = months("2026-07", "2026-09")


def masked(pid: str) -> str:
    return pid[:6] + "********" + pid[-4:]


def orphan(**extra):
    return household("罗军红", W, benefit=1576, bank_account="6229000000000001", **extra)


def guardian_rows(payee_id=G, name="罗春梅"):
    return [pay(payee_id, name, m, 1576, "特困供养金", holder=name, bank_account="6229000000000777") for m in Q3]


def test_payee_the_roster_records_as_guardian_is_paid_for_the_ward():
    # must not flag: the guardian is no 不在册 payee, the ward was paid (h465: F03 中 and F06 中 18,912 元)
    ctx = money_context(orphan(guardian_name="罗春梅", guardian_id=G), guardian_rows(), roster_title=TEKUN)
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []
    assert [f.confidence for f in findings(ctx, "F07")] in ([], ["低"])


def test_payee_whose_id_is_no_recorded_guardian_stays_not_enrolled():
    # must flag: the guardian recorded is someone else
    ctx = money_context(orphan(guardian_name="罗春梅", guardian_id=X), guardian_rows(), roster_title=TEKUN)
    assert [c for _, c, _, _ in money(ctx, "F03")] == ["中"]


def test_guardian_recorded_in_two_households_links_nothing():
    two = orphan(guardian_name="罗春梅", guardian_id=G) + household("罗小花", X, benefit=1576, guardian_name="罗春梅",
                                                               guardian_id=G)
    ctx = money_context(two, guardian_rows(), roster_title=TEKUN)
    assert [c for _, c, _, _ in money(ctx, "F03")] == ["中"]


def test_masked_guardian_on_an_yikatong_export_is_the_recorded_guardian():
    ctx = money_context(orphan(guardian_name="罗春梅", guardian_id=G), guardian_rows(masked(G)), roster_title=TEKUN)
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []
    # … but not under another name (the digits alone link nobody)
    ctx = money_context(orphan(guardian_name="罗春梅", guardian_id=G), guardian_rows(masked(G), "罗春花"), roster_title=TEKUN)
    assert [c for _, c, _, _ in money(ctx, "F03")] == ["中"]


def test_holder_the_recorded_guardian_of_an_adult_is_a_low_lead():
    adult = household("田伟东", X, benefit=1576, bank_account="6229000000000001", guardian_name="田小军", guardian_id=G)
    rows = [pay(X, "田伟东", m, 1576, "特困供养金", holder="田小军", bank_account="6229000000000777") for m in Q3]
    (found,) = findings(money_context(adult, rows, roster_title=TEKUN), "F07")
    assert found.confidence == "低" and "花名册登记的该户监护人" in found.evidence
    # must flag: a holder who is not the recorded guardian
    rows = [pay(X, "田伟东", m, 1576, "特困供养金", holder="赵大勇", bank_account="6229000000000777") for m in Q3]
    assert [f.confidence for f in findings(money_context(adult, rows, roster_title=TEKUN), "F07")] == ["中"]


def exits(name="米东升"):
    return {"exits": [{"head_name": name, "head_id": E, "date": "2026-03-15", "reason": "家庭收入超过保障标准"}]}


def exited_rows():
    roster_ok = [pay(A, "李亚萍", m, 960, bank_account="6229000000000101") for m in months("2025-10", "2026-09")]
    return roster_ok + [pay(masked(E), "米东升", m, 900, bank_account="6229000000000999")
                        for m in months("2025-10", "2026-09")]


def test_masked_payee_on_the_exit_list_is_recovered_from_the_exit():
    # must flag: Apr–Sep after the exit of 2026-03-15, at 中 (h465: 不在册 '也不在停保名单中', Jul–Sep only)
    ctx = money_context(household("李亚萍", A, benefit=960, bank_account="6229000000000101"), exited_rows(), exits())
    (found,) = findings(ctx, "F03")
    assert (found.confidence, found.recover) == ("中", 5400.0)
    assert "停保（退出）后仍发放" in found.evidence and "也不在停保" not in found.evidence
    assert "身份证号中间几位被隐去" in found.evidence


def test_masked_payee_of_another_name_on_the_exit_list_stays_not_enrolled():
    ctx = money_context(household("李亚萍", A, benefit=960, bank_account="6229000000000101"), exited_rows(), exits("米东生"))
    (found,) = findings(ctx, "F03")
    assert (found.confidence, found.recover) == ("中", 2700.0) and "不在册人员领取" in found.evidence


def two_households():
    return (household("李亚萍", A, benefit=960, bank_account="6229000000000101")
            + household("罗丽娟", B, benefit=800, bank_account="6229000000000202"))


def test_masked_member_paid_into_another_households_account_is_linked_and_f07():
    # h465: 李亚萍's months (masked ID, 罗丽娟's account) were 不在册 中 and F06 中 for the whole year, F07 missed
    rows = [pay(masked(B), "罗丽娟", m, 800, bank_account="6229000000000202") for m in Q3]
    rows += [pay(masked(A), "李亚萍", m, 960, bank_account="6229000000000202") for m in Q3]
    ctx = money_context(two_households(), rows)
    assert money(ctx, "F03") == [] and money(ctx, "F06") == []
    assert "李亚萍" in {n for n, c, _, _ in money(ctx, "F07") if c == "中"}


def test_masked_row_in_another_households_account_beside_her_own_payment_is_not_hers():
    # must not link: she was paid that month into her own account; the row in 罗丽娟's account is another 李亚萍's
    rows = [pay(masked(B), "罗丽娟", m, 800, bank_account="6229000000000202") for m in Q3]
    rows += [pay(masked(A), "李亚萍", m, 960, bank_account="6229000000000101") for m in Q3]
    rows += [pay(masked(A), "李亚萍", "2026-09", 500, bank_account="6229000000000202")]
    ctx = money_context(two_households(), rows)
    assert money(ctx, "F04") == []


def test_code_table_under_a_bank_file_is_no_unidentified_payment():
    # h465: 'E03 账户冻结' lines under a 代发回盘's rows (in its 序号 column, read as blank rows) were said to be five
    # payments a month with no whole ID nor account
    rows = [pay(A, "李亚萍", m, 960, bank_account="6229000000000101") for m in Q3]
    footer = [{"id": "", "name": "", "month": "2026-09", "amount": None, "item": "", "status": ""} for _ in range(3)]
    ctx = money_context(household("李亚萍", A, benefit=960, bank_account="6229000000000101"), rows + footer)
    findings(ctx, "F06")
    assert ctx.cache["money:unidentified"] == []
    # must say: a payment under a masked ID and no account, tied to nobody
    stray = [pay(masked(E), "米东升", "2026-09", 900)]
    ctx = money_context(household("李亚萍", A, benefit=960, bank_account="6229000000000101"), rows + footer + stray)
    findings(ctx, "F06")
    assert len(ctx.cache["money:unidentified"]) == 1 and "中有 1 行" in ctx.cache["money:unidentified"][0]


def residents_book(path, home_column=True):
    """h433's care homes' summary book plus a 名单 sheet of the residents (no amounts)."""
    import openpyxl
    from test_ledger_care_home_summaries import HOME, OTHER, OTHERS, RESIDENTS, summary_book

    summary_book(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("名单")
    ws.append(["序号", "供养机构", "姓名", "身份证号", "入住日期"] if home_column else ["序号", "姓名", "身份证号", "入住日期"])
    for k, (home, people) in enumerate(((HOME, RESIDENTS), (OTHER, OTHERS))):
        for n, i, *_ in people:
            ws.append([k + 1, home, n, i, "2018-01-01"] if home_column else [k + 1, n, i, "2018-01-01"])
    wb.save(path)
    return path


def homeless_context(path):
    from test_ledger_care_home_summaries import AS_OF, DEAD, TEKUN, roster
    from helpers import context
    from rostercheck.io.ledgers import load_ledgers

    tables, frame, _notes = load_ledgers([path], AS_OF)
    rows = [{k: v for k, v in r.items() if k not in ("care_home", "bank_account", "holder")} for r in roster()]
    ctx = context(rows, DEAD, AS_OF, roster_title=TEKUN)
    ctx.lists["payments"] = frame
    ctx.labels["payments"] = "资金发放明细"
    return ctx, tables


def test_residents_sheet_beside_the_lumps_places_residents_the_roster_gives_no_home(tmp_path):
    # h465: the roster says 集中供养 only; the 拨付表's 名单 sheet (供养机构 | 姓名 | 身份证号) was "找不到发放金额列" and
    # the dead resident's share of her home's lump unchecked
    ctx, tables = homeless_context(residents_book(tmp_path / "集中供养经费拨付表.xlsx"))
    assert [(n, c, r) for n, c, r, _ in money(ctx, "F01")] == [("郭德明", "中", 1700 * 4)]
    assert any("人员名单（5 人" in w for t in tables for w in t.warnings)


def test_residents_sheet_without_a_home_column_places_no_one(tmp_path):
    ctx, tables = homeless_context(residents_book(tmp_path / "集中供养经费拨付表.xlsx", home_column=False))
    assert money(ctx, "F01") == []
    assert any("找不到发放金额列" in w for t in tables for w in t.warnings)


def card_book(path, cards):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "发放明细"
    ws.append(["彭阳县惠民惠农财政补贴资金“一卡通”发放明细表"])
    ws.append(["序号", "姓名", "身份证号", "社会保障卡号", "补贴项目", "发放年月", "发放金额", "发放状态"])
    for k, card in enumerate(cards):
        ws.append([k + 1, "李亚萍", masked(A), card, "低保金", f"20260{7 + k % 3}", 960, "成功"])
    wb.save(path)
    return path


def test_social_security_card_serials_are_no_bank_accounts(tmp_path):
    # h465: 社会保障卡号 A12345678 read as the payee's account: 120 false F07 中, the masked IDs tied to no one
    from test_ledger_care_home_summaries import AS_OF
    from rostercheck.io.ledgers import load_ledgers

    tables, frame, _ = load_ledgers([card_book(tmp_path / "一卡通.xlsx", ["A12345678", "B87654321", "C00000017"])], AS_OF)
    assert set(frame["bank_account"].astype(str)) <= {"", "nan", "None"} if "bank_account" in frame.columns else True
    assert any("社会保障卡的卡号" in w for t in tables for w in t.warnings)
    # must still read: the column holding the card's bank account (19 digits)
    accounts = ["6229000000000101234", "6229000000000105678", "6229000000000109999"]
    tables, frame, _ = load_ledgers([card_book(tmp_path / "一卡通2.xlsx", accounts)], AS_OF)
    assert sorted(set(frame["bank_account"].astype(str))) == accounts
    assert not any("社会保障卡的卡号" in w for t in tables for w in t.warnings)
