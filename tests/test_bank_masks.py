"""Ledgers as banks export them (held-out 140): IDs and accounts masked in the middle, 交易说明, 代发工资."""

from money import household, make_id, money, money_context, months, pay

from rostercheck.normalize.values import digits_lost

A, B, C = make_id("19800101", 111), make_id("19820202", 122), make_id("19500303", 133)


def _mask(pid: str) -> str:
    return pid[:6] + "*" * 8 + pid[-4:]


def roster():
    return (household("贾林东", A, benefit=406, bank_account="6217000011112222")
            + household("唐金华", B, benefit=446, bank_account="6217000033334444"))


def test_an_account_a_bank_masked_is_no_whole_account():
    for cell in ("6217****5678", "6217 99** **** 5678", "6217＊＊＊＊5678"):
        assert digits_lost(cell), cell
    assert not digits_lost("6217000011112222") and not digits_lost("6217 0000 1111 2222")


def test_two_payees_whose_masked_ids_look_alike_are_not_one_payee_paid_twice():
    # two households sharing only 410523********1934 (the mask): "重复发放：贾林东 … 发放 2 次", 406 元 to recover
    b = A[:6] + "0" * 8 + A[-4:]  # another person whose ID shows the same digits
    rows = [pay(_mask(A), "贾林东", "2026-08", 406, bank_account="6217000011112222"),
            pay(_mask(b), "唐金华", "2026-08", 446, bank_account="6217000033334444")]
    assert money(money_context(roster(), rows), "F04") == []


def test_masked_accounts_alike_are_not_one_account_shared():
    # 6217****5678 paid to two households with whole, different IDs: "同一账号 … 收取 2 户的资金"
    rows = [pay(A, "贾林东", "2026-07", 406, bank_account="6217****5678"),
            pay(B, "唐金华", "2026-07", 446, bank_account="6217****5678")]
    assert money(money_context(roster(), rows), "F07") == []


def test_a_masked_id_takes_the_whole_id_another_month_pays_into_the_same_account_under_the_same_name():
    # 赵兰, off the roster, died on 28 February; March paid under a masked ID into the account January paid under her
    # whole ID: F01 was missed ("同一账号 收取 2 户的资金（户主 赵兰、赵兰）" instead)
    rows = [pay(C, "赵兰", m, 516, bank_account="6217000055556666") for m in ("2026-01", "2026-02")]
    rows.append(pay(_mask(C), "赵兰", "2026-03", 516, bank_account="6217000055556666"))
    ctx = money_context(roster(), rows, {"deaths": [{"name": "赵兰", "id": C, "date": "2026-02-28"}]})
    assert [(n, r) for n, _, r, _ in money(ctx, "F01")] == [("赵兰", 516.0)]
    assert money(ctx, "F07") == []


def test_a_banks_generic_transfer_word_is_the_benefit():
    # 代发工资 in the 摘要 of a file titled 低保金代发明细 was 其他资金: the month missing from F06, F05 short
    from rostercheck.rules._money import ledger

    rows = [pay(A, "贾林东", m, 406, item="代发工资" if m == "2026-08" else "低保金") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "贾林东", "2026-09", 30, item="物价补贴"))
    assert ledger(money_context(roster()[:1], rows)).benefit == [True, True, True, False]


def test_a_transaction_remark_names_the_month_paid(tmp_path):
    # 交易说明 "低保金 2026年6月 补发" paid in July was read as July's: F04 and F06 on a failed June re-paid
    import openpyxl

    import datetime as dt

    from rostercheck.io.ledgers import normalise_payments, read_ledger

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["户名", "身份证号", "账号", "交易金额", "交易日期", "交易说明"])
    ws.append(["贾林东", A, "6217000011112222", "406.00", 20260715, "低保金 2026年7月"])
    ws.append(["贾林东", A, "6217000011112222", "406.00", 20260716, "低保金 2026年6月 补发"])
    wb.save(tmp_path / "代发明细_202607.xlsx")
    _, rows = read_ledger(tmp_path / "代发明细_202607.xlsx", dt.date(2026, 9, 30))
    assert sorted(normalise_payments(rows)["month"].astype(str)) == ["2026-06", "2026-07"]
