"""The bureau's own recovery rows in the ledgers (追回, 追缴, 冲正 undoing no one payment): never a payment, and taken
off what F01–F03 still owe (held-out 237: the next quarter's audit over a year's ledgers)."""

from money import findings, household, make_id, money, money_context, months, pay

HEAD = make_id("19500101", 111)
WIFE = make_id("19520202", 122)
ALONE = make_id("19400303", 131)
OTHER = make_id("19600606", 141)


def roster():
    return (household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=1032, township="城关镇")
            + household("赵六", ALONE, benefit=516, township="河口乡")
            + household("钱七", OTHER, benefit=516, township="河口乡"))


def ledger(extra=()):
    rows = [pay(HEAD, "张三", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(ALONE, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    rows += [pay(OTHER, "钱七", m, 516) for m in months("2026-01", "2026-09")]
    return rows + list(extra)


DEATH = {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-14"}]}  # June–September wrongly paid: 4 × 516


# Errors (before): a recovery read as a benefit payment
def test_a_recovery_row_is_no_benefit_payment_for_f05_f04_f06():
    # held-out 237 (蔡桂): 低保金追回 −3,096 in October beside the month's 516 was "实发 −2,580 … 少发 3,096" at 高
    for extra in ([pay(OTHER, "钱七", "2026-09", -3096, "低保金追回", remark="追回服刑期间多发")],
                  [pay(OTHER, "钱七", "2026-09", -1032, "低保金", remark="追缴多发")],  # said in the remark
                  [pay(OTHER, "钱七", "2026-09", 3096, "低保金追回")]):  # a register's positive amount
        ctx = money_context(roster(), ledger(extra))
        assert money(ctx, "F05") == [] and money(ctx, "F06") == [] and money(ctx, "F04") == []
        assert "追回（不计为发放）" in ctx.cache["money:items"][0]


def test_the_items_notice_lists_recoveries_apart():
    extra = [pay(OTHER, "钱七", "2026-09", -3096, "低保金追回", _file="10月.xlsx"),
             pay(OTHER, "钱七", "2026-09", -500, "特困供养金追回", _file="10月.xlsx"),
             pay(HEAD, "张三", "2026-09", -1548, "低保金", status="冲正", _file="10月.xlsx")]
    ctx = money_context(roster(), ledger(extra))
    money(ctx, "F05")
    said = ctx.cache["money:items"][0]
    benefit, recovered = said.split("追回（不计为发放）：")
    assert "追回" not in benefit.split("；其他资金")[0] and "另有" not in said
    assert "低保金追回 1 个文件" in recovered and "特困供养金追回 1 个文件" in recovered
    assert "低保金（冲正） 1 个文件" in recovered


def test_f01_nets_a_partial_recovery_oldest_months_first():
    # held-out 237 (黄兰): 2,064 re-listed in full though the October ledger had −1,000
    ctx = money_context(roster(), ledger([pay(ALONE, "赵六", "2026-09", -1000, "低保金追回", remark="追回部分")]), DEATH)
    assert money(ctx, "F01") == [("赵六", "高", 1064.0, None)]
    f = findings(ctx, "F01")[0]
    assert "已在《发放明细.xlsx》第 29 行追回 1,000.00 元，尚差 1,064.00 元" in f.evidence
    assert f.months == "2026-07至2026-09（3个月）"  # June recovered in full, July in part
    assert money(ctx, "F05") == []


def test_f01_recovered_in_full_is_no_finding_but_a_notice():
    # held-out 237 (姚丽娟): 特困供养金追回 −3,152, the whole of it, re-listed at 3,152
    ctx = money_context(roster(), ledger([pay(ALONE, "赵六", "2026-09", -2064, "低保金追回")]), DEATH)
    assert money(ctx, "F01") == []
    notice = "".join(ctx.cache["money:recoveries"])
    assert "赵六（F01，多发 2,064.00 元，已在《发放明细.xlsx》第 29 行追回 2,064.00 元）" in notice


def test_a_members_share_netted_by_the_heads_recovery_row():
    deaths = {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-07-03"}]}  # her share of Aug–Sep: 1,032
    ctx = money_context(roster(), ledger([pay(HEAD, "张三", "2026-09", -516, "农村低保金", status="冲正",
                                              remark="成员死亡后多发冲正")]), deaths)
    assert money(ctx, "F01") == [("李梅", "中", 516.0, None)]


def test_a_recovery_equal_to_a_payment_of_its_month_does_not_cancel_it():
    # held-out 241 (谢永): November's 1,032 and, below it, 低保金追回 −1,032 of November, remarked 追回多发低保金 (a dead
    # member's August): read as a reversal of the payment, F06 高 应补发 1,032; the recovery unsaid
    for item, remark in (("低保金追回", "追回多发低保金"), ("低保金", "追缴多发"), ("农村低保金", "扣回多发")):
        extra = [pay(HEAD, "张三", "2026-09", -1032, item, remark=remark, paid_date="2026-09-20")]
        ctx = money_context(roster(), ledger(extra))
        assert money(ctx, "F06") == [] and money(ctx, "F05") == [] and money(ctx, "F04") == []
        assert "追回（不计为发放）" in ctx.cache["money:items"][0]
        notice = "".join(ctx.cache["money:recoveries"])
        assert "1 行追回（冲正）记录未能对应" in notice and "张三" in notice and "-1,032.00 元" in notice


# OK: recoveries that place nowhere change no finding and are said
def test_recoveries_of_other_households_or_earlier_months_or_programmes_are_not_netted():
    extra = [pay(OTHER, "钱七", "2026-09", -3096, "低保金追回", paid_date="2026-09-20"),  # no finding of hers
             pay(ALONE, "赵六", "2026-03", -300, "低保金追回", paid_date="2026-03-20"),  # before the death
             pay(ALONE, "赵六", "2026-09", -516, "特困供养金追回")]  # another programme
    ctx = money_context(roster(), ledger(extra), DEATH)
    assert money(ctx, "F01") == [("赵六", "高", 2064.0, None)]
    notice = "".join(ctx.cache["money:recoveries"])
    assert "3 行追回（冲正）记录未能对应" in notice and "钱七 低保金追回 -3,096.00 元" in notice


def test_a_reversal_of_one_payment_stays_a_reversal_and_a_payment_again_stays_a_payment():
    # 冲正 of the same amount, payee, item and month undoes that payment (F01 then owes three months, not four)
    extra = [pay(ALONE, "赵六", "2026-09", -516, "低保金", remark="冲正")]
    ctx = money_context(roster(), ledger(extra), DEATH)
    assert money(ctx, "F01") == [("赵六", "高", 1548.0, None)]
    assert not "".join(ctx.cache.get("money:recoveries", []))
    # a positive row whose item names a recovery but is paid again (追回后重发) is a payment
    extra = [pay(OTHER, "钱七", "2026-09", 516, "低保金（追回后重发）")]
    ctx = money_context(roster(), ledger(extra))
    assert money(ctx, "F04") == [("钱七", "中", 516.0, None)]  # (a bare 重发 beside a success: to check)
    assert "追回（不计为发放）" not in ctx.cache["money:items"][0]


def test_a_deduction_written_with_its_words_in_the_amount_cell_is_taken_off_what_is_owed():
    # held-out 339: "-1,548 扣回4-6月多发" in the amount cell (no 备注) was no amount — its month span read as a date —
    # so the deduction was no row and the death's 1,548 still listed in full beside it
    for cell, left in (("-1,548 扣回4-6月多发", 516.0), ("-2,064（扣回6-9月多发）", None)):
        ctx = money_context(roster(), ledger([pay(ALONE, "赵六", "2026-09", cell, "低保金")]), DEATH)
        assert money(ctx, "F01") == ([("赵六", "高", left, None)] if left else [])
        assert money(ctx, "F05") == [] and money(ctx, "F04") == []


def test_back_pay_written_with_its_month_in_the_amount_cell_pays_that_month():
    # held-out 339: "516（补发3月）" in September's amount cell, March unpaid: the words are the row's remark, so the row
    # is March's back pay — neither March unpaid (F06) nor September paid twice (F04/F05)
    rows = [r for r in ledger() if not (r["name"] == "钱七" and r["month"] == "2026-03")]
    ctx = money_context(roster(), rows + [pay(OTHER, "钱七", "2026-09", "516（补发3月）", "低保金")])
    assert money(ctx, "F06") == [] and money(ctx, "F04") == [] and money(ctx, "F05") == []
    # (without the month in it, the cell's second payment of September is a duplicate)
    ctx = money_context(roster(), ledger([pay(OTHER, "钱七", "2026-09", "516（另发）", "低保金")]))
    assert money(ctx, "F04") == [("钱七", "高", 516.0, None)]
