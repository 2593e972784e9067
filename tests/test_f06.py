"""F06: a household on the roster with no successful payment for a month it is enrolled for."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from money import findings, household, make_id, money, money_context, months, pay

A = make_id("19800101", 111)
C = make_id("19700303", 131)
E = make_id("19650505", 151)


def roster():
    return (household("王五", A, benefit=516) + household("李四", C, benefit=700)
            + household("陈一", E, benefit=800))


def test_failed_payment_not_repaid_is_high_and_missing_row_is_medium():
    rows = [pay(A, "王五", "2026-09", 516, status="失败：账户冻结"), pay(E, "陈一", "2026-09", 800)]
    rows += [pay(x, n, "2026-08", a) for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    assert money(money_context(roster(), rows), "F06") == [("李四", "中", None, 700.0), ("王五", "高", None, 516.0)]


@pytest.mark.parametrize("died, expected", [
    ("2026-09-15", ("王五", "低", None, None)),  # died in the month unpaid: still due, but to no one left
    ("2026-10-15", ("王五", "高", None, 516.0)),  # died after the review date: owed as any household
])
def test_a_month_unpaid_to_a_household_all_dead_since_is_a_lead_without_money(died, expected):
    # held-out 267: 武凤莲, alone, died 2025-07-15, July unpaid: 应补发 500 at 中, her death unsaid
    rows = [pay(A, "王五", "2026-09", 516, status="失败：账户冻结"), pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    rows += [pay(x, n, "2026-08", a) for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "王五", "id": A, "date": died}]})
    assert money(ctx, "F06") == [expected]
    assert ("该户保障对象均已死亡（王五，死亡日期 2026-09-15）" in findings(ctx, "F06")[0].evidence) == (expected[1] == "低")


@pytest.mark.parametrize("account", ["6.218E+18", ""])
def test_a_banks_masked_return_undoes_a_payment_under_a_damaged_id(account):
    # held-out 270: 顾祥's June, paid under his ID typed as a number (430527195306024000), came back in the bank's
    # 退回明细 under 4305**********4946 with an account Excel rounded (6.218E+18): undone by nothing, never F06
    gu = make_id("19530602", 494)
    rows = [pay(float(gu), "顾祥", m, 960) for m in months("2026-04", "2026-07")]
    rows.append(pay("4305**********" + gu[-4:], "顾祥", "2026-06", 960, status="退回", _file="退回明细.csv",
                    bank_account=account, holder="顾祥"))
    assert money(money_context(household("顾祥", gu, benefit=960), rows), "F06") == [("顾祥", "中", None, 960.0)]


def test_a_repayment_whose_remark_names_its_month_first_on_a_sheet_without_a_month_column():
    # held-out 274: 10月 sheet, no 所属月份, remark "9月退回重发": read as October's, September F06 高 1,248 (here August's)
    rows = [pay(A, "王五", "2026-07", 516, _sheet="7月"), pay(A, "王五", "2026-08", 516, status="退回", _sheet="8月"),
            pay(A, "王五", "2026-09", 516, month_source="表名", _sheet="9月"),
            pay(A, "王五", "2026-09", 516, remark="8月退回重发", month_source="表名", _sheet="9月")]
    rows += [pay(x, n, m, a, _sheet=f"{int(m[5:])}月") for x, n, a in ((C, "李四", 700), (E, "陈一", 800))
             for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F04") == []


def test_a_failed_status_code_is_said_for_what_it_is():
    # a clerk cannot tell that （3） means 退回: a configured failed code is shown with its meaning
    from money import findings

    rows = [pay(A, "王五", "2026-09", 516, status="3"), pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    ctx = money_context(roster(), rows)
    ctx.common["money_failed_codes"] = ["2", "3"]
    (f,) = findings(ctx, "F06")
    assert "3（未发放成功）" in f.evidence and f.repay == 516


@pytest.mark.parametrize("status", ["账户已销户", "户名不符", "账户冻结", "系统故障，请重新提交"])
def test_a_bank_return_status_of_a_failure_leaves_the_month_unpaid(status):
    # the meanings of a bank's 处理结果 codes (held-out 316: 14 账户已销户, 96 系统故障): none of them paid the month
    rows = [pay(A, "王五", "2026-09", 516, status=status), pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    assert money(money_context(roster(), rows), "F06") == [("王五", "高", None, 516.0)]


def test_a_row_paying_nothing_is_no_payment():
    # 实发金额 0 beside a status code the word lists do not read: nothing went out, so the month is owed (not 少发)
    rows = [pay(A, "王五", "2026-09", 0, status="2"), pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [("王五", "高", None, 516.0)] and money(ctx, "F05") == []


def test_an_unread_status_code_decides_no_high_finding():
    # '1' may mean paid or failed in the exporting system: the shortfall is a 中 lead that says so
    rows = [pay(A, "王五", "2026-09", 300, status="1"), pay(C, "李四", "2026-09", 700, status="1"),
            pay(E, "陈一", "2026-09", 800, status="1")]
    found = __import__("money").findings(money_context(roster(), rows), "F05")
    assert [(f.confidence, f.repay) for f in found] == [("中", 216.0)] and "发放状态“1”未能识别" in found[0].evidence


@pytest.mark.parametrize("cell", [7.5, "7.5", 10.2, 45.0, 7])
def test_a_month_paid_under_a_cell_no_month_is_read_from_is_not_owed(cell):
    # held-out 336: July paid under 所属月份 7.5 (an Excel serial: 1900-01) was F06 中 700, "该户 1900-01 有发放记录，
    # 花名册所属期内 2026-08 起也有，核对其间"
    people = household("王五", A, benefit=516) + household("李四", C, benefit=700)
    rows = [pay(A, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700) for m in months("2026-08", "2026-09")]
    assert money(money_context(people, rows + [pay(C, "李四", cell, 700)]), "F06") == []
    # must flag: a month that is one paid before the unpaid July
    assert money(money_context(people, rows + [pay(C, "李四", "2026-06", 700)]), "F06") == [("李四", "中", None, 700.0)]


# a 提标补差 as ledgers write it: under its own item, the programme's, or the benefit's with a remark
RAISE_ROWS = [{"item": "提标补差"}, {"item": "低保提标补差"}, {"item": "低保金", "remark": "8月提标补差"}]


def _paid_but_august():
    """王五's household (1,032 a month) paid July and September, 李四's (516) every month: (people, rows)."""
    people = household("王五", A, [("王芳", "配偶", make_id("19820202", 122))], benefit=1032) + household("李四", C, benefit=516)
    rows = [pay(A, "王五", m, 1032) for m in ("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 516) for m in months("2026-07", "2026-09")]
    return people, rows


@pytest.mark.parametrize("raise_row", RAISE_ROWS)
def test_a_benefit_that_failed_beside_its_raise_that_went_through_is_unpaid_not_underpaid(raise_row):
    # held-out 336 (an h322 leftover): August's 992 failed, its 提标补差 40 went through: F05 高 "实发 40.00 元 … 少发
    # 992.00 元", the failure unsaid (低保提标补差 counted the month paid: no F06), or F05 and F06 both 992 (提标补差)
    people, rows = _paid_but_august()
    august = [pay(A, "王五", "2026-08", 992, status="失败"), pay(A, "王五", "2026-08", 40, **raise_row)]
    ctx = money_context(people, rows + august)
    # must flag: F06 高, owed the benefit that failed; no F05 for the month
    assert money(ctx, "F06") == [("王五", "高", None, 992.0)] and money(ctx, "F05") == []
    (f,) = findings(ctx, "F06")
    assert "2026-08 992.00 元（失败）" in f.evidence and "同月已成功发放的提标补差：2026-08" in f.evidence
    # must not flag: the benefit paid again, or paid again under a remark of 调整 (no 补差: its sum is what failed)
    for again in (pay(A, "王五", "2026-08", 992, paid_date="2026-09-10"), pay(A, "王五", "2026-08", 992, remark="调整账户后重发")):
        ctx = money_context(people, rows + august + [again])
        assert money(ctx, "F06") == [] and money(ctx, "F05") == [], again


@pytest.mark.parametrize("raise_row", RAISE_ROWS)
def test_a_month_with_only_its_raise_paid_is_unpaid_not_underpaid(raise_row):
    # held-out 349 (an h336 leftover): no August benefit row, its 提标补差 40 went through: F05 高 "少发 992.00 元" and
    # F06 中 "应补发 1,032.00 元" (提标补差), or F05 only (低保提标补差)
    people, rows = _paid_but_august()
    ctx = money_context(people, rows + [pay(A, "王五", "2026-08", 40, **raise_row)])
    # must flag: F06, owed the rest of the month; no F05 for it
    assert money(ctx, "F06") == [("王五", "中", None, 992.0)] and money(ctx, "F05") == []
    (f,) = findings(ctx, "F06")
    assert "同月已成功发放的提标补差：2026-08" in f.evidence and "减去同月已发的提标补差 40.00 元" in f.evidence
    # must not flag: the benefit paid beside it
    ctx = money_context(people, rows + [pay(A, "王五", "2026-08", 40, **raise_row), pay(A, "王五", "2026-08", 992)])
    assert money(ctx, "F06") == [] and money(ctx, "F05") == []


def test_failed_then_repaid_not_flagged():
    rows = [pay(A, "王五", "2026-09", 516, status="退回"), pay(A, "王五", "2026-09", 516, paid_date="2026-10-08")]
    rows += [pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    assert money(money_context(roster(), rows), "F06") == []


def test_month_the_ledgers_do_not_cover_not_flagged():
    rows = [pay(x, n, "2026-08", a) for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    assert money(money_context(roster(), rows), "F06") == []


def test_dead_single_member_household_is_owed_nothing():
    rows = [pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    ctx = money_context(roster(), rows, {"deaths": [{"name": "王五", "id": A, "date": "2026-07-01"}]})
    assert money(ctx, "F06") == []


def test_approval_date_makes_every_month_since_owed():
    rows = [pay(x, n, m, a) for m in months("2026-06", "2026-09") for x, n, a in ((C, "李四", 700), (E, "陈一", 800))]
    rows += [pay(A, "王五", "2026-06", 516)]
    approved = household("王五", A, benefit=516, approved="2026-07-20") + household("李四", C, benefit=700) + household("陈一", E, benefit=800)
    assert money(money_context(approved, rows), "F06") == [("王五", "中", None, 1548.0)]
    assert money(money_context(roster(), rows), "F06") == [("王五", "中", None, 516.0)]


def test_where_benefits_start_the_month_after_approval_the_approval_month_is_not_owed(tmp_path):
    cfg = tmp_path / "rostercheck.toml"
    cfg.write_text('[common]\nmoney_first_month = "次月"\n', encoding="utf-8")
    rows = [pay(x, n, m, a) for m in months("2026-06", "2026-09") for x, n, a in ((C, "李四", 700), (E, "陈一", 800))]
    rows += [pay(A, "王五", m, 516) for m in months("2026-08", "2026-09")]
    approved = household("王五", A, benefit=516, approved="2026-07-20") + household("李四", C, benefit=700) + household("陈一", E, benefit=800)
    assert money(money_context(approved, rows), "F06") == [("王五", "中", None, 516.0)]  # July, by default
    assert money(money_context(approved, rows, config=cfg), "F06") == []
    # the evidence gives the date as the roster writes it and the month due from it (held-out 306: "审批日期 2026-05 起"
    # of a roster's 2026-04-20)
    rows = [r for r in rows if r["id"] != A or r["month"] != "2026-08"]
    (found,) = findings(money_context(approved, rows, config=cfg), "F06")
    assert "审批日期 2026-07-20，2026-08 起应发" in found.evidence


def test_a_quarter_paid_in_one_row_is_three_months_paid():
    # 所属期 2026年第3季度 (or 2026年7-9月): three months' benefit in one sum, no month missing and no amount wrong
    rows = [pay(A, "王五", "2026年第3季度", 516 * 3), pay(C, "李四", "2026年7-9月", 700 * 3)]
    rows += [pay(E, "陈一", m, 800) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F05") == []
    # one month short in the sum: the household is short of 516 (F05 sees each month's third of it)
    rows[0] = pay(A, "王五", "2026年第3季度", 516 * 2)
    assert money(money_context(roster(), rows), "F05") == [("王五", "高", None, 516.0)]


def test_a_roster_id_stored_as_a_number_links_by_the_account_holders_name_when_the_ledger_names_no_payee():
    # The roster lost the head's last digits to a number format; a bank file gives the exact ID and only the
    # account's holder (收款户名). Linked by the ID's first digits and the holder's name, the household is paid.
    numeric = float(A[:15] + "000")
    rows = [pay(A, "", "2026-09", 516, holder="王 五"), pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    mixed = household("王五", numeric, benefit=516) + household("李四", C, benefit=700) + household("陈一", E, benefit=800)
    assert money(money_context(mixed, rows), "F06") == []
    rows[0]["holder"] = "赵六"  # another person's account: no link, the household is owed the month
    assert money(money_context(mixed, rows), "F06") == [("王五", "中", None, 516.0)]


def test_a_payee_whose_id_the_bank_masked_is_known_by_her_account_and_name():
    from money import findings

    accounts = {A: "6230590000000000011", C: "6230590000000000022", E: "6230590000000000033"}
    rost = (household("王五", A, benefit=516, bank_account=accounts[A]) + household("李四", C, benefit=700, bank_account=accounts[C])
            + household("陈一", E, benefit=800, bank_account=accounts[E]))

    def masked(pid, name, amount, shown=None, account=None):
        return pay((shown or pid)[:4] + "*" * 10 + (shown or pid)[-4:], name, "2026-09", amount,
                   bank_account=account or accounts[pid])

    rows = [masked(A, "王五", 516), masked(C, "李四", 650), pay(E, "陈一", "2026-09", 800)]
    ctx = money_context(rost, rows)
    assert money(ctx, "F06") == []
    [f05] = findings(ctx, "F05")  # 李四 paid 50 short: linked at 中, and the key says how
    assert f05.confidence == "中" and "身份证号被部分隐去" in f05.key
    # another 王五, whose visible digits disagree, paid into an account not on the roster: not hers
    ctx = money_context(rost, [masked(A, "王五", 516, shown=make_id("19800101", 119), account="6230590000000000099"),
                               masked(C, "李四", 700),
                               pay(E, "陈一", "2026-09", 800)])
    assert money(ctx, "F06") == [("王五", "中", None, 516.0)]


def test_an_unpaid_household_without_an_id_is_named_as_itself():
    rost = roster() + household("赵七", "", benefit=450, village="南村")
    rows = [pay(x, n, "2026-09", a) for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    assert money(money_context(rost, rows), "F06") == [("赵七", "中", None, 450.0)]


def test_a_payment_reversed_and_not_paid_again_says_so():
    from money import findings

    rows = [pay(A, "王五", "2026-09", 516), pay(A, "王五", "2026-09", -516, remark="冲正")]
    rows += [pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    [f] = findings(money_context(roster(), rows), "F06")
    assert f.confidence == "高" and f.repay == 516.0
    assert "516.00 元（成功，已被负数行冲回）" in f.evidence and "-516.00 元（成功）" in f.evidence


@pytest.mark.parametrize("remark", ["冲正后重发", "冲正后重新发放", "重发", ""])
def test_a_payment_reversed_and_paid_again_is_paid_once(remark):
    # held-out 324 (彭超): a bank's CSV paid January, reversed it (-2,580 低保金冲正, 账号错误冲正) and paid it again
    # remarked 冲正后重发; the minus undid the re-payment and the re-payment's remark (a failed word, 冲正) the first
    # payment: January unpaid, F06 高
    rows = [pay(A, "王五", "2026-09", 516), pay(A, "王五", "2026-09", -516, "低保金冲正", remark="账号错误冲正"),
            pay(A, "王五", "2026-09", 516, remark=remark)]
    rows += [pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F04") == [] and money(ctx, "F05") == []


def test_the_sheet_names_the_programme_before_a_file_naming_both():
    # a wide sheet '低保金' with no item column in '…低保特困资金发放花名册.xlsx': the payments are 低保's
    rows = [pay(x, n, "2026-09", a, item="") for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    ctx = money_context(roster(), rows)
    ctx.lists["payments"]["_file"] = "平遥县2026年低保特困资金发放花名册.xlsx"
    ctx.lists["payments"]["_sheet"] = "低保金"
    assert money(ctx, "F06") == [] and money(ctx, "F05") == []


def test_a_care_home_resident_never_on_the_ledgers_is_paid_through_the_home():
    people = [(211, "刘德明", "集中供养"), (222, "赵秀兰", "分散供养"), (233, "孙梅", "分散供养"), (244, "钱五", "分散供养")]
    tekun = [{"township": "上磺镇", "village": "羊桥村", "name": n, "id": make_id("19380101", k), "support_mode": mode,
              "benefit": 832} for k, n, mode in people]
    rows = [pay(x, n, "2026-09", a) for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    rows += [pay(make_id("19380101", k), n, "2026-09", 832, "特困供养金") for k, n, _ in people[2:]]
    ctx = money_context(roster(), rows, extra_rosters=[(tekun, "清河县2026年第三季度特困人员供养名册")])
    assert money(ctx, "F06") == [("赵秀兰", "中", None, 832.0)]  # at home and unpaid; 刘德明 lives in the home



def test_a_care_home_resident_paid_one_by_one_who_misses_a_month_is_unpaid():
    # held-out 200 (variant G): the home's residents are paid one row each into its account; 钱秋菊's September row
    # is missing, while a resident who left (on no roster, her own ID) is still paid into that account — no payee
    # that cannot be told, so no month of the residents' paid through her row
    home = "81030100012000357"
    people = [(211, "刘德明"), (222, "赵秀兰"), (233, "孙梅")]
    tekun = [{"township": "城关镇", "name": n, "id": make_id("19380101", k), "support_mode": "集中供养", "benefit": 832,
              "bank_account": home} for k, n in people]
    rows = [pay(x, n, "2026-09", a) for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    rows += [pay(make_id("19380101", k), n, m, 832, "特困供养金", bank_account=home, holder="城关镇敬老院")
             for k, n in people for m in months("2026-07", "2026-09") if (n, m) != ("赵秀兰", "2026-09")]
    rows += [pay(make_id("19400101", 255), "吴国强", m, 832, "特困供养金", bank_account=home, holder="城关镇敬老院")
             for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows, extra_rosters=[(tekun, "清河县2026年第三季度特困人员供养名册")])
    assert money(ctx, "F06") == [("赵秀兰", "中", None, 832.0)]

def test_a_failed_payment_is_owed_what_failed():
    # the roster's amount rose since; March failed at the old 860 and was never paid again
    rows = [pay(A, "王五", "2026-09", 860, status="失败"), pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    assert money(money_context(roster(), rows), "F06") == [("王五", "高", None, 860.0)]


def test_the_source_is_the_failed_payment_or_else_the_roster():
    rows = [pay(A, "王五", "2026-09", 516, status="失败：账户冻结"), pay(E, "陈一", "2026-09", 800)]
    found = {f.subject["name"] if f.subject else f.member: f for f in __import__("money").findings(money_context(roster(), rows), "F06")}
    sources = sorted((f.source, f.source_row) for f in found.values())
    assert sources == [("花名册", ""), ("资金发放明细（发放明细.xlsx）", "2")]


def test_a_failed_payment_in_a_banks_file_linked_by_account_is_no_more_than_medium():
    # held-out 119: the bank's return file names 户名 and 收款账号 only; the row is the household's by the roster's
    # account (中), so its failure, never paid again, is a 中 lead as the run's notice says
    account = "6229918957524067305"
    rost = household("王五", A, benefit=516, bank_account=account) + household("李四", C, benefit=700)
    rows = [pay("", "", "2026-09", 516, status="失败：账户冻结", holder="王五", bank_account=account),
            pay(C, "李四", "2026-09", 700)]
    assert money(money_context(rost, rows), "F06") == [("王五", "中", None, 516.0)]


def test_a_month_paid_under_an_item_code_no_list_names_is_not_unpaid():
    # held-out 123: a 一卡通 export's 项目名称 01 (not configured) — 300 households "应发未发", 1.3 million 元
    rows = [pay(A, "王五", "2026-09", 516, item="01"), pay(C, "李四", "2026-09", 700), pay(E, "陈一", "2026-09", 800)]
    assert money(money_context(roster(), rows), "F06") == []
    rows[0] = pay(A, "王五", "2026-09", 516, item="物价补贴")  # an item read as another: the benefit unpaid
    assert money(money_context(roster(), rows), "F06") == [("王五", "中", None, 516.0)]


def test_a_household_whose_approval_date_was_not_read_says_so():
    # held-out 135: 批准日期 不详 read as 该户在花名册中（花名册所属月份）, as if the roster had no such column
    rows = [pay(x, n, m, a) for m in months("2026-06", "2026-09") for x, n, a in ((C, "李四", 700), (E, "陈一", 800))]
    approved = (household("王五", A, benefit=516, approved="不详") + household("李四", C, benefit=700, approved="2020-01-01")
                + household("陈一", E, benefit=800))
    found = findings(money_context(approved, rows), "F06")
    assert [f.repay for f in found] == [516.0] and "批准日期未填或未能识别，只核对花名册所属月份" in found[0].evidence


def test_a_household_paid_under_a_month_no_cell_reads_is_not_said_unpaid():
    # held-out 154: 所属期 '三季度款' read no month: its 44 households were "应发未发" beside the notice saying so
    rows = [pay(A, "王五", "三季度款", 1548)] + [pay(x, n, m, a) for x, n, a in ((C, "李四", 700), (E, "陈一", 800))
                                              for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == []
    # … and F06 says it left them unchecked (h443: a finance office's quarter book, 所属期间 unread, left every household
    # it paid out of F06 unsaid, a month the bank never paid among them)
    from rostercheck.rules import PARTLY
    assert [s for s in ctx.cache.get(PARTLY + "F06", []) if "看不出所属月份" in s and "1 户" in s]
    rows[0]["month"] = "2026-07"  # read: the roster's own month (September) unpaid
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [("王五", "中", None, 516.0)]
    assert not [s for s in ctx.cache.get(PARTLY + "F06", []) if "看不出所属月份" in s]


def test_a_duplicate_enrolment_never_paid_is_said_with_its_other_enrolment_and_owes_nothing_yet():
    # held-out 164: a 低保 member also entered as a 特困 person (D01), never paid as 特困: F06 中 "应补发 4,728 元"
    other = make_id("19400404", 141)  # a 特困 person paid: the 特困 ledger covers the months
    tk = [{"name": "李四", "id": C, "benefit": 1576, "township": "城关镇"},
          {"name": "赵六", "id": other, "benefit": 1576, "township": "城关镇"}]
    rows = [pay(A, "王五", m, 1290) for m in months("2026-07", "2026-09")]
    rows += [pay(other, "赵六", m, 1576, "特困供养金") for m in months("2026-07", "2026-09")]
    rows += [pay(E, "陈一", m, 800) for m in months("2026-07", "2026-09")]
    dibao = household("王五", A, [("李四", "子女", C)], benefit=1290) + household("陈一", E, benefit=800)
    ctx = money_context(dibao, rows, extra_rosters=[(tk, "清河县特困人员名册")])
    [found] = findings(ctx, "F06")
    assert (found.confidence, found.repay) == ("低", None)
    assert "同时在低保" in found.evidence and "D01 重复享受" in found.evidence and "不按应补发计" in found.evidence


# A member who split off (已分户) into a household of her own, approved the day she left (held-out 187)
SPLIT_HEAD, SPLIT_SON, SPLIT = make_id("19661027", 172), make_id("19980227", 193), make_id("20060401", 182)
SPLIT_STATUS = {"member_status": "成员状态", "status_date": "状态变更日期"}


def split_roster():
    old = household("吴娟", SPLIT_HEAD, [("吴英", "子", SPLIT_SON), ("吴秀", "女", SPLIT)], benefit=960, covered_size=2,
                    household_size=2, approved="2023-03-15")
    old = [{**r, "member_status": "已分户" if r["id"] == SPLIT else "正常",
            "status_date": "2026-03-01" if r["id"] == SPLIT else ""} for r in old]
    return old + household("吴秀", SPLIT, benefit=480, approved="2026-03-01") + household("王五", A, benefit=516)


@pytest.mark.parametrize("march, size, owed", [
    (1440, None, None),  # her old household still paid for three in March (cut from April): March was paid for her
    (1440 - 480, None, 480.0),  # already cut in March: her new household's March is owed
    (960, 3, None),  # the ledger's 保障人数 says March was paid for three
])
def test_a_member_who_split_off_is_not_owed_a_month_her_old_household_was_paid_for_her(march, size, owed):
    # held-out 187: 吴秀 已分户 2026-03-01, her own household approved 20260301 and paid from April, the old household
    # paid its old amount for March: F06 中 应补发 480 would have paid her March twice
    rows = [pay(SPLIT_HEAD, "吴娟", m, march if m <= "2026-03" else 960,
                **({"covered_size": size} if size and m == "2026-03" else {})) for m in months("2026-01", "2026-09")]
    rows += [pay(SPLIT, "吴秀", m, 480) for m in months("2026-04", "2026-09")]
    rows += [pay(A, "王五", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(split_roster(), rows, roster_headers=SPLIT_STATUS)
    assert money(ctx, "F06") == ([("吴秀", "中", None, owed)] if owed else [])


@pytest.mark.parametrize("paid, owed", [
    (("2026-07", "2026-09"), 516.0),  # paid before and after: enrolled in August, its month owed
    (("2026-09",), None),  # first paid in the review month: perhaps new this quarter, nothing before it said owed
    (("2026-07",), 516.0),  # paid in July alone: perhaps stopped since, only the roster's own month said owed
    ((), 516.0),  # never paid: the roster's own month alone
])
def test_a_household_without_an_approval_date_is_due_from_its_first_month_paid_in_the_rosters_quarter(paid, owed):
    # held-out 204: 邵红 (特困, no approval date) missing from the August sheet only was not found: only the review
    # month was checked for a roster with no approval dates, and nothing said so
    rows = [pay(x, n, m, a) for m in months("2026-07", "2026-09") for x, n, a in ((C, "李四", 700), (E, "陈一", 800))]
    rows += [pay(A, "王五", m, 516) for m in paid]
    found = findings(money_context(roster(), rows), "F06")
    assert [f.repay for f in found] == ([owed] if owed else [])
    if len(paid) == 2:
        assert found[0].months.startswith("2026-08") and "2026-07 起" in found[0].evidence


@pytest.mark.parametrize("paid, owed, unpaid", [
    (("2026-05", "2026-06", "2026-08", "2026-09"), 516.0, "2026-07（1个月）"),  # paid before the quarter and after July
    (("2026-06", "2026-08"), 1032.0, "2026-07、2026-09（2个月）"),
    (("2026-06",), 516.0, "2026-09（1个月）"),  # nothing paid in the quarter: perhaps left, the roster's own month alone
])
def test_a_month_of_the_quarter_between_a_payment_before_it_and_one_in_it_is_unpaid(paid, owed, unpaid):
    # held-out 215: 邵梅超 (no approval date) paid October to June and August to September, not July, was not found:
    # only months between two payments inside the roster's quarter were checked
    rows = [pay(x, n, m, a) for m in months("2026-05", "2026-09") for x, n, a in ((C, "李四", 700), (E, "陈一", 800))]
    rows += [pay(A, "王五", m, 516) for m in paid]
    found = findings(money_context(roster(), rows), "F06")
    assert [(f.confidence, f.repay, f.months) for f in found] == [("中", owed, unpaid)]


RETURNS = "农商行代发退回明细_2026年03月.xlsx"


@pytest.mark.parametrize("changed", [None, "2026-07-01"])
def test_a_payment_a_return_file_says_came_back_and_never_paid_again_is_owed(changed):
    # held-out 225: the finance office's yearly ledger records March as paid; the bank's return file (another file, no
    # item, the batch's month) says that payment came back (账户已冻结) and nothing paid it again: F06 高, 应补发 516,
    # though March is before the roster's quarter and its 变更日期 (the household was paid before and after it)
    people = household("王五", A, benefit=516, **({"changed": changed} if changed else {})) + household("李四", C, benefit=700)
    rows = [pay(x, n, m, a) for m in months("2026-01", "2026-09") for x, n, a in ((A, "王五", 516), (C, "李四", 700))]
    rows.append(pay(A, "王五", "2026-03", 516, item="", status="退回（失败原因：账户已冻结）", _file=RETURNS))
    [f] = findings(money_context(people, rows), "F06")
    assert (f.confidence, f.repay) == ("高", 516.0) and "2026-03" in f.months
    assert RETURNS in f.evidence and "发放明细.xlsx》第 6 行" in f.evidence and "记为退回" in f.evidence


@pytest.mark.parametrize("repaid", [
    dict(remark="9月退回重发"),  # the ledger's second row says it re-paid the payment that came back
    dict(paid_date="2026-10-12"),  # paid after the return file's batch: a later payment
])
def test_a_returned_payment_paid_again_in_the_ledger_is_not_owed(repaid):
    # held-out 225: a return file's failed row undoes the ledger's payment it reports, never the payment made again
    rows = [pay(x, n, m, a) for m in months("2026-08", "2026-09") for x, n, a in ((A, "王五", 516), (C, "李四", 700),
                                                                                 (E, "陈一", 800))]
    rows[3:4] = [] if "paid_date" in repaid else rows[3:4]  # the month's only ledger row is the later one
    rows += [pay(A, "王五", "2026-09", 516, **repaid),
             pay(A, "王五", "2026-09", 516, item="", status="退回", paid_date="2026-09-28", _file="农商行代发退回明细_2026年09月.xlsx")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F04") == []


@pytest.mark.parametrize("failed_file, remark", [
    ("2026年08月发放表.xlsx", ""),  # August's batch failed in its own result file, which pays the others: its own attempt
    ("农商行代发退回明细_2026年08月.xlsx", "补发"),  # a return file's failure, and back pay in September's file
])
def test_a_failed_payment_paid_again_in_a_later_batchs_file_is_not_owed(failed_file, remark):
    # held-out 225 (the bench's trap "October failed, re-paid"): only a file of failures alone undoes another file's
    # payment, and never one remarked 补发
    rows = [pay(C, "李四", "2026-08", 700, _file="2026年08月发放表.xlsx"), pay(E, "陈一", "2026-08", 800, _file="2026年08月发放表.xlsx")]
    rows += [pay(x, n, "2026-09", a, _file="2026年09月发放表.xlsx") for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    rows += [pay(A, "王五", "2026-08", 516, status="失败-账户已销户", _file=failed_file),
             pay(A, "王五", "2026-08", 516, remark=remark, _file="2026年09月发放表.xlsx")]
    assert money(money_context(roster(), rows), "F06") == []


def test_a_failed_month_paid_twice_in_the_next_batch_is_that_months_repayment():
    # held-out 226 (trap T10): February failed (账户冻结) and March's file paid the same amount twice without a remark:
    # F06 高 for February and F04 高 for March sent one village worker to claw back and to pay again. The bank re-sends
    # a failed row in its next batch: neither finding, a notice naming the household for the clerk to check
    rows = [pay(x, n, m, a, _file=f"代发结果_{m}.xlsx") for m in months("2026-01", "2026-04")
            for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    rows[3] = pay(A, "王五", "2026-02", 516, status="失败（失败原因：账户冻结）", _file="代发结果_2026-02.xlsx")
    rows.append(pay(A, "王五", "2026-03", 516, _file="代发结果_2026-03.xlsx"))
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F04") == []
    assert any("王五" in note and "2026-02" in note for note in ctx.cache["money:carried"])
    # … but not when the later batch paid it once: February is owed
    ctx = money_context(roster(), rows[:-1])
    assert [f.months for f in findings(ctx, "F06")] == ["2026-02（1个月）"]


def batch(month: str, day: int | None, extra: list[dict] = ()) -> list[dict]:
    """One month's ledger file paying the three households, after the rows it opens with (``extra``)."""
    file, when = f"2026年{int(month[5:])}月资金发放明细.xlsx", ({"paid_date": f"{month}-{day:02d}"} if day else {})
    return [{**row, "_file": file} for row in extra] + [pay(x, n, month, a, _file=file, **when)
                                                        for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]


@pytest.mark.parametrize("layout", ["dated", "undated", "sheets"])
def test_a_return_written_into_a_later_months_ledger_undoes_the_payment(layout):
    # held-out 233 (曾静): June's file says June paid 成功; July's file opens with a row for June, the same amount,
    # 退回, "6月资金退回（账户异常）", and nothing paid June again: F06 高 516 (the return was ignored, nothing found).
    # So too undated, and in a year's workbook with a sheet per month and the returns on a sheet of their own
    day = 10 if layout == "dated" else None
    back = pay(A, "王五", "2026-06", 516, status="退回", remark="6月资金退回（账户异常）",
               **({"paid_date": "2026-07-03"} if day else {}))
    rows = batch("2026-05", day) + batch("2026-06", day) + batch("2026-07", day, [] if layout == "sheets" else [back])
    where = "2026年7月资金发放明细.xlsx》第 8 行记为退回"
    if layout == "sheets":
        rows = [{**row, "_file": "2026年资金发放明细.xlsx", "_sheet": row["_file"][5:7]} for row in rows]
        rows.append({**back, "_file": "2026年资金发放明细.xlsx", "_sheet": "退回"})
        where = "2026年资金发放明细.xlsx》工作表“退回”第 11 行记为退回"
    [f] = findings(money_context(roster(), rows), "F06")
    assert (f.confidence, f.repay, f.months) == ("高", 516.0, "2026-06（1个月）")
    assert where in f.evidence


@pytest.mark.parametrize("paid_out", [0, None])
def test_a_later_return_that_paid_nothing_undoes_the_payment_it_was_due(paid_out):
    # held-out 257: November's sheet holds October's row again, 退回, 应发 1120 beside 实发 0 (or blank): October came
    # back and was never paid again (F06 高), as when the row keeps the amount. A failed row of June's own batch with 实发
    # 0 beside July's payment undoes nothing (July is no duplicate, June owed once).
    back = pay(A, "王五", "2026-06", paid_out, status="退回", remark="6月资金银行退回（账户冻结）", due=516.0)
    rows = batch("2026-05", None) + batch("2026-06", None) + batch("2026-07", None, [back])
    [f] = findings(money_context(roster(), rows), "F06")
    assert (f.confidence, f.repay, f.months) == ("高", 516.0, "2026-06（1个月）")
    assert "2026年7月资金发放明细.xlsx》第 8 行记为退回" in f.evidence
    rows = batch("2026-05", None) + batch("2026-06", None)[1:] + batch("2026-07", None)
    rows.append(pay(A, "王五", "2026-06", paid_out, status="失败", _file="2026年6月资金发放明细.xlsx", due=516.0))
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [("王五", "高", None, 516.0)] and money(ctx, "F04") == []


@pytest.mark.parametrize("dated", [True, False])
def test_a_failed_row_of_the_months_own_batch_undoes_no_payment_made_before_it(dated):
    # August paid ahead in July's file, August's own batch lists it again and the bank sends that back (退回): one
    # payment, nothing owed; and a batch listing a payee twice, the second 失败 (not 退回: nothing came back), paid once
    day = (lambda d: {"paid_date": d}) if dated else (lambda d: {})
    ahead = pay(A, "王五", "2026-08", 516, _file="2026年7月资金发放明细.xlsx", **day("2026-07-25"))
    rows = batch("2026-07", 10 if dated else None) + [ahead]
    rows += [pay(A, "王五", "2026-08", 516, status="退回", _file="2026年8月资金发放明细.xlsx", **day("2026-08-10"))]
    rows += batch("2026-08", 10 if dated else None)[1:] + batch("2026-09", 10 if dated else None)
    rows.append(pay(A, "王五", "2026-09", 516, status="失败", _file="2026年9月资金发放明细.xlsx", **day("2026-09-20")))
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F04") == []


def test_one_return_in_a_ledger_and_in_the_banks_return_file_undoes_one_payment():
    # June paid twice; the one return is written both into July's ledger and into the bank's 退回明细 (same date): it
    # undoes one of the two payments, not both (no F06), and June was paid once (no F04)
    back = dict(status="退回", remark="6月资金退回（账户异常）", paid_date="2026-07-03")
    rows = batch("2026-05", 10) + batch("2026-06", 10, [pay(A, "王五", "2026-06", 516, paid_date="2026-06-20")])
    rows += batch("2026-07", 10, [pay(A, "王五", "2026-06", 516, **back)])
    rows.append(pay(A, "王五", "2026-06", 516, _file="农商行代发退回明细_2026年.xlsx", **back))
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F04") == []


PAID_AS = ["right"] * 8 + ["more", "failed", "none", "unread", "twice", "raise"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PAID_AS), min_size=18, max_size=18),
       st.lists(st.sampled_from([None, "2026-05-10", "2026-07-01", "2026-08-20"]), min_size=3, max_size=3))
def test_the_households_passed_in_bulk_are_those_their_months_pass(paid_as, approved):
    # F06 passes a household paid every month the ledgers cover (_paid_throughout) and F05 one with no month off its
    # amount (_compared) without walking their months: the findings are those of walking every household
    from unittest.mock import patch

    import numpy as np

    from rostercheck.audit import _notes
    from rostercheck.rules import f_amounts

    people = [(A, "王五", 516), (C, "李四", 700), (E, "陈一", 800)]
    rows_of = {"right": lambda i, n, m, a: [pay(i, n, m, a)], "more": lambda i, n, m, a: [pay(i, n, m, a + 50)],
               "failed": lambda i, n, m, a: [pay(i, n, m, a, status="失败")], "none": lambda i, n, m, a: [],
               "unread": lambda i, n, m, a: [pay(i, n, m, a, item="01")],
               "twice": lambda i, n, m, a: [pay(i, n, m, a), pay(i, n, m, a)],
               "raise": lambda i, n, m, a: [pay(i, n, m, a - 30), pay(i, n, m, 30, item="提标补差")]}
    roster_rows = [r for (i, n, a), day in zip(people, approved)
                   for r in household(n, i, benefit=a, **({"approved": day} if day else {}))]
    rows = [row for k, (i, n, a) in enumerate(people)
            for m, how in zip(months("2026-04", "2026-09"), paid_as[6 * k:6 * k + 6]) for row in rows_of[how](i, n, m, a)]

    def found() -> list[str]:
        ctx = money_context(roster_rows, rows)
        return [repr(f) for code in ("F05", "F06") for f in findings(ctx, code)] + [repr(sorted(_notes(ctx).items()))]

    class Every:
        def __contains__(self, household) -> bool:
            return True

    bulk = found()
    with (patch.object(f_amounts, "_paid_throughout", lambda ctx, led: np.zeros(len(led.memo["codes"]["h_values"]))),
          patch.object(f_amounts, "_compared", lambda paid, unread: Every())):
        assert found() == bulk


@pytest.mark.parametrize("history", [True, False])
def test_months_paid_under_a_former_head_the_roster_keeps_as_died_are_paid(history):
    # held-out 288: 金桂芝's husband, the head until he died on 04-12, kept as a 成员状态 死亡 row; January–April paid
    # under his ID into his account were F06 中 2,040 "没有该户这些月份的发放记录"
    wife, old = make_id("19500727", 372), make_id("19570923", 857)
    rows = household("金桂芝", wife, [("尹宇航", "配偶", old)] if history else [], benefit=510, approved="2023-04-17",
                     covered_size=1)
    rows = [{**r, "member_status": "死亡" if r["id"] == old else "正常", "status_date": "2026-04-12" if r["id"] == old else ""}
            for r in rows]
    rows += household("李四", C, benefit=700)  # (paid every month: the ledgers cover January–September)
    paid = [pay(old, "尹宇航", m, 960, head_id=old, bank_account="6217000011112222") for m in months("2026-01", "2026-04")]
    paid += [pay(wife, "金桂芝", m, 510, head_id=wife, bank_account="6217000033334444") for m in months("2026-05", "2026-09")]
    paid += [pay(C, "李四", m, 700) for m in months("2026-01", "2026-09")]
    ctx = money_context(rows, paid, roster_headers={"member_status": "成员状态", "status_date": "状态变更日期"})
    assert money(ctx, "F06") == ([] if history else [("金桂芝", "中", None, 2040.0)])  # (on no roster: whose, unknown)


@pytest.mark.parametrize("lists, owed", [
    # the deaths list says he died and the registry puts him in her household: his months are hers
    ({"deaths": [{"name": "尹宇航", "id": "OLD", "date": "2026-04-12"}], "registry": "both"}, []),
    # … so does the registry's own 人员状态
    ({"registry": "dead"}, []),
    # no list says he died (he may have left her): whose months they were is unknown
    ({"registry": "both"}, [("金桂芝", "中", None, 2040.0)]),
    # dead, but no registry places him: unknown
    ({"deaths": [{"name": "尹宇航", "id": "OLD", "date": "2026-04-12"}]}, [("金桂芝", "中", None, 2040.0)]),
])
def test_months_paid_under_a_dead_former_head_the_registry_places_in_the_household_are_paid(lists, owed):
    # held-out 299: 宋长林 died on 04-10, the roster (no history row) lists his wife as the head; January–April paid
    # under his ID into his own account were F06 中 3,040 "没有该户这些月份的发放记录"
    wife, old = make_id("19500727", 372), make_id("19570923", 857)
    rows = household("金桂芝", wife, benefit=510, approved="2023-04-17", covered_size=1) + household("李四", C, benefit=700)
    paid = [pay(old, "尹宇航", m, 510, bank_account="6217000011112222") for m in months("2026-01", "2026-04")]
    paid += [pay(wife, "金桂芝", m, 510, bank_account="6217000033334444") for m in months("2026-05", "2026-09")]
    paid += [pay(C, "李四", m, 700) for m in months("2026-01", "2026-09")]
    given = {k: [{**r, "id": old} for r in v] for k, v in lists.items() if k == "deaths"}
    if "registry" in lists:
        given["registry"] = [{"household_no": "7001", "name": "金桂芝", "relation": "户主", "id": wife, "status": "正常"},
                             {"household_no": "7001", "name": "尹宇航", "relation": "配偶", "id": old,
                              "status": "死亡" if lists["registry"] == "dead" else "正常"},
                             {"household_no": "7002", "name": "李四", "relation": "户主", "id": C, "status": "正常"}]
    ctx = money_context(rows, paid, given)
    assert money(ctx, "F06") == owed
    assert money(ctx, "F01") == money(ctx, "F07") == []  # (paid up to the month he died, into the account he held)


@pytest.mark.parametrize("case, owed", [
    # must not flag: a wide book's rows, his (1-4月, then 停) above hers (5-9月), in her village; the deaths list ends his
    ("same village", []),
    # must flag: his rows in another village (another household's head, whoever heads hers)
    ("other village", [("金桂芝", "中", None, 2040.0)]),
    # must flag: no list says he died (he may have left her, or headed another household)
    ("not dead", [("金桂芝", "中", None, 2040.0)]),
    # must flag: her payments start long after his stopped (months between unpaid to anyone)
    ("late", [("金桂芝", "中", None, 3570.0)]),
])
def test_months_paid_to_a_dead_payee_on_no_roster_in_the_village_before_her_first_are_hers(case, owed):
    # h425: a village's wide book (one row per household, 1月…12月) paid the head, dead on 04-10, January–April, then
    # 停; his widow, the head on the roster since, from May into her own account: January–April were F06 中 "没有该户
    # 这些月份的发放记录"
    wife, old = make_id("19500727", 372), make_id("19570923", 857)
    rows = household("金桂芝", wife, benefit=510, approved="2023-04-17", village="东村") + household("李四", C, benefit=700)
    start = "2026-08" if case == "late" else "2026-05"
    paid = [pay(old, "尹宇航", m, 510, bank_account="6217000011112222", township="城关镇",
                village="西村" if case == "other village" else "东村") for m in months("2026-01", "2026-04")]
    paid += [pay(wife, "金桂芝", m, 510, bank_account="6217000033334444", township="城关镇", village="东村")
             for m in months(start, "2026-09")]
    paid += [pay(C, "李四", m, 700, township="城关镇", village="东村") for m in months("2026-01", "2026-09")]
    deaths = [] if case == "not dead" else [{"name": "尹宇航", "id": old, "date": "2026-04-10"}]
    ctx = money_context(rows, paid, {"deaths": deaths} if deaths else None)
    assert money(ctx, "F06") == owed
    assert money(ctx, "F01") == []


def test_a_month_unpaid_before_the_programmes_raise_is_owed_the_standard_then():
    # held-out 288: 唐宇航, approved 04-10, April and May unpaid, the 低保 raise of 30 a person from July: 2 × 510 for
    # 2 × 480
    import datetime as dt

    people, rows = [], []
    for k in range(6):
        pid = make_id(f"1950010{k + 1}", 111 + k)
        people += household(f"对象{k}", pid, benefit=1650, approved="2018-05-01")
        rows += [pay(pid, f"对象{k}", m, 1650 if m >= "2026-07" else 1576) for m in months("2026-01", "2026-09")]
    new = make_id("19500201", 171)
    people += household("新批", new, benefit=1650, approved="2026-04-10")
    rows += [pay(new, "新批", m, 1650 if m >= "2026-07" else 1576) for m in months("2026-06", "2026-09")]
    ctx = money_context(people, rows, as_of=dt.date(2026, 9, 30))
    assert money(ctx, "F06") == [("新批", "中", None, 1576.0 * 2)]
    assert "2026-07 统一提标前的 1,576.00 元/月（2026-04、2026-05）" in findings(ctx, "F06")[0].evidence


def test_a_failed_month_paid_again_in_the_next_months_one_row_is_no_unpaid_month():
    # held-out 293: a wide sheet's March 失败, April's cell 2,800 of 1,400 (March re-paid in it): F06 高 March and F05 高
    # April 多发 1,400
    rows = [pay(A, "王五", m, 516) for m in ("2026-07", "2026-09")]
    rows += [pay(A, "王五", "2026-08", 516, status="失败"), pay(A, "王五", "2026-09", 516 * 2)]
    rows = [r for r in rows if not (r["month"] == "2026-09" and r["amount"] == 516)]  # (one row of twice the sum)
    rows += [pay(x, n, m, a) for x, n, a in ((C, "李四", 700), (E, "陈一", 800)) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == [] and money(ctx, "F05") == [] and money(ctx, "F04") == []
    assert any("2026-08 失败，2026-09 发放两笔或两倍金额" in n for n in ctx.cache.get("money:carried", []))


def test_a_failed_month_is_not_re_paid_by_the_next_months_two_different_items(tmp_path):
    # held-out 301: 照料护理费 counted as the benefit; October's 基本生活费 1040 and 照料护理费 190 failed, November paid
    # both once: read as October re-paid ("发放两笔"), the unpaid October missed
    cfg = tmp_path / "c.toml"
    cfg.write_text('[common]\nmoney_other_items = ["物价", "价格", "一次性", "春节"]\n', encoding="utf-8")
    p = make_id("19400101", 111)
    rows = household("蔡素梅", p, benefit=1040, programme="特困") + household("李四", C, benefit=700)
    paid = [pay(p, "蔡素梅", m, a, item, status="失败" if m == "2026-08" else "成功") for m in months("2026-07", "2026-09")
            for a, item in ((1040, "特困人员基本生活费"), (190, "特困人员照料护理费"))]
    paid += [pay(C, "李四", m, 700) for m in months("2026-07", "2026-09")]
    found = money(money_context(rows, paid, config=cfg), "F06")
    assert [(n, c) for n, c, *_ in found] == [("蔡素梅", "高")]


def test_a_month_before_the_raise_is_priced_at_its_own_areas_rate():
    # held-out 306: urban +40 a person, rural +30 from July; an urban household's May–June owed at 1380 − 2 × 30
    people, rows = [], []
    for k in range(6):
        for area, before, after, seq in (("城市", 1432, 1512, 111), ("农村", 1032, 1092, 211)):
            pid = make_id(f"1950{k + 1:02d}01", seq + k)
            people += household(f"{area}{k}", pid, [("配偶", "配偶", make_id(f"1952{k + 1:02d}01", seq + 50 + k))],
                                benefit=after, approved="2018-05-01", area_type=area, covered_size=2)
            rows += [pay(pid, f"{area}{k}", m, after if m >= "2026-07" else before) for m in months("2026-01", "2026-09")]
    new = make_id("19500201", 171)
    people += household("新批", new, [("配偶", "配偶", make_id("19520201", 172))], benefit=1512, approved="2026-04-20",
                        area_type="城市", covered_size=2)
    rows += [pay(new, "新批", m, 1512 if m >= "2026-07" else 1432) for m in months("2026-07", "2026-09")]
    found = money(money_context(people, rows), "F06")
    assert found == [("新批", "中", None, 1432.0 * 3)]  # (April–June at the urban 1,432, not 1512 − 2 × 30)


def test_a_month_paid_nothing_then_twice_in_the_next_is_no_unpaid_month():
    # held-out 306: a wide sheet's March blank, April 2 × 670 (备注 "3月账户冻结未发，4月补发3月"): F06 中 for March
    others = [pay(x, n, m, a) for x, n, a in ((C, "李四", 700), (E, "陈一", 800)) for m in months("2026-07", "2026-09")]
    rows = [pay(A, "王五", "2026-07", 516), pay(A, "王五", "2026-09", 1032)]
    ctx = money_context(roster(), rows + others)
    assert money(ctx, "F06") == [] and money(ctx, "F05") == [] and money(ctx, "F04") == []
    assert any("王五（2026-08 未发，2026-09 发放两倍金额）" in n for n in ctx.cache["money:carried"])
    # … but a next month paid once leaves the month unpaid
    rows = [pay(A, "王五", "2026-07", 516), pay(A, "王五", "2026-09", 516)]
    assert money(money_context(roster(), rows + others), "F06") == [("王五", "中", None, 516.0)]


# (an exit list giving accounts of its own beside such a ledger: the borrowing read the exit list's account mask for the
# ledger's, a ValueError of two lengths)
EXITS_WITH_ACCOUNTS = [{"name": n, "id": make_id("19600101", k), "date": "2026-05-01", "reason": "收入超标",
                        "bank_account": f"622848009999{k:04d}"} for n, k in (("赵七", 151), ("钱八", 161))]


@pytest.mark.parametrize("exits", [None, EXITS_WITH_ACCOUNTS])
@pytest.mark.parametrize("repaid", [False, True])
def test_a_banks_return_of_an_old_account_is_the_household_paid_through_it(repaid, exits):
    # held-out 315: a household paid under its head's ID (no own ID) into an account since changed; the bank's return
    # row of June (account, 户名 不符, month, amount; no ID) matched nothing: June never re-paid was no F06, and June
    # re-paid from the new account in July was F04 高
    old, new = "6230501954969492500", "6230501954969499999"
    rows = [pay("", "", m, 516, head_id=A, head_name="王五", bank_account=old if m <= "2026-08" else new, holder="王五")
            for m in ("2026-07", "2026-08", "2026-09")]
    rows.append(pay("", "", "2026-08", 516, bank_account=old, holder="王小五", status="退回", _file="退回明细.xlsx"))
    if repaid:
        rows.append(pay("", "", "2026-08", 516, head_id=A, head_name="王五", bank_account=new, holder="王五",
                        remark="8月退回，更换账户后补发"))
    rows += [pay(x, n, m, a) for x, n, a in ((C, "李四", 700), (E, "陈一", 800)) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows, {"exits": exits} if exits else None)
    assert money(ctx, "F04") == []
    assert [(n, r) for n, _, _, r in money(ctx, "F06")] == ([] if repaid else [("王五", 516.0)])


def test_a_yes_no_status_under_is_it_paid_reads_no_as_unpaid_and_yes_as_paid():
    # held-out 339: a 是否成功 column of 是/否: 否 with no 失败原因 was paid (its month never owed) and 是 was a status
    # no word list reads, every finding capped at 中 "（发放状态“是”未能识别…）"
    rows = [pay(A, "王五", "2026-09", 516, status="否"), pay(C, "李四", "2026-09", 700, status="是"),
            pay(E, "陈一", "2026-09", 800, status="是")]
    rows += [pay(x, n, "2026-08", a, status="是") for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    ctx = money_context(roster(), rows)
    (f,) = findings(ctx, "F06")
    assert (f.confidence, f.repay) == ("高", 516) and "未能识别" not in f.evidence


# held-out 364: a widow's household (the head dead in May, the roster not yet changed), unpaid from August: owed her
# share, not the household's amount; her husband's months before his death are owed in full
@pytest.mark.parametrize("died, owed", [("2026-05-08", 3 * 258.0), ("2026-07-20", 516.0 + 2 * 258), ("2026-10-02", 3 * 516.0)])
def test_a_month_unpaid_after_a_members_death_is_owed_the_rest_of_the_household(died, owed):
    B = make_id("19820202", 122)
    people = household("王五", A, [("王芳", "配偶", B)], benefit=516, approved="2020-01-01")
    people += household("李四", C, benefit=700, approved="2020-01-01")
    rows = [pay(A, "王五", m, 516) for m in months("2026-04", "2026-06")] + [pay(C, "李四", m, 700) for m in months("2026-04", "2026-09")]
    ctx = money_context(people, rows, {"deaths": [{"name": "王五", "id": A, "date": died}]})
    assert money(ctx, "F06") == [("王五", "中", None, owed)]
    if owed != 3 * 516.0:
        assert "除去已死亡、服刑、迁出或退出成员份额后的 258.00 元/月" in findings(ctx, "F06")[0].evidence


@pytest.mark.parametrize("shown, owed", [
    (A[:6] + "********" + A[-4:], []),  # the digits the bank shows are 王五's: his months, paid
    (A[:6] + "********" + C[-4:], [("王五", "中", None, 1032.0)]),  # another's digits: not his
])
def test_a_masked_row_under_the_holder_other_months_name_beside_a_whole_id_is_that_payee(shown, owed):
    # held-out 387: a household paid into a village cadre's account (领款人 the cadre): the bank's 回盘 of two months gave
    # the cadre as 户名 and the head's ID masked; tied to nobody, those months were F06 中 for the household
    cadre = "6215265350714606465"
    rows = [pay(shown, "", m, 516, holder="胡春", bank_account=cadre, _file="回盘.txt") for m in ("2026-07", "2026-08")]
    rows.append(pay(A, "王五", "2026-09", 516, holder="胡春", bank_account=cadre))
    rows += [pay(x, n, m, a) for x, n, a in ((C, "李四", 700), (E, "陈一", 800)) for m in months("2026-07", "2026-09")]
    enrolled = household("王五", A, benefit=516, approved="2025-01-01") + roster()[1:]
    assert money(money_context(enrolled, rows), "F06") == owed


def _three_townships() -> list[dict]:
    """城关镇's seven households, 河口乡's three, 石门乡's two (IDs 201…)."""
    towns = ["城关镇"] * 7 + ["河口乡"] * 3 + ["石门乡"] * 2
    return [row for k, town in enumerate(towns)
            for row in household(f"户主{k}", make_id("19600101", 201 + k), township=town, benefit=500)]


@pytest.mark.parametrize("failed_there, expected", [
    # no row of 河口乡's in any month: its file was not given, its households are said unchecked, not unpaid;
    # 石门乡 (two households, under [F06] blind_township_households) and 城关镇's one unpaid household are judged alone
    (False, ["户主10", "户主11", "户主6"]),
    # … but one failed row of 河口乡's for September: its file was given, its other households were not paid
    (True, ["户主10", "户主11", "户主6", "户主7", "户主8", "户主9"]),
])
def test_a_township_the_ledgers_hold_no_row_of_is_not_unpaid(failed_there, expected):
    # held-out 377's county_m: a year's book of three townships of five, the other two's 43 households F06 中 for
    # every month
    rows = [pay(make_id("19600101", 201 + k), f"户主{k}", m, 500) for k in range(7) for m in months("2026-07", "2026-09")
            if (k, m) != (6, "2026-09")]
    if failed_there:
        rows.append(pay(make_id("19600101", 208), "户主7", "2026-09", 500, status="失败：账户冻结"))
    ctx = money_context(_three_townships(), rows)
    assert sorted(name for name, *_ in money(ctx, "F06")) == expected
    from rostercheck.rules import PARTLY
    said = ctx.cache.get(PARTLY + "F06", [])
    assert any("河口乡 3 户" in s and "发放文件没有给出" in s for s in said) != failed_there


@pytest.mark.parametrize("lists, q3, expected", [
    # held-out 396: a quarter's cell of the approved amount times the months still owed pays those months, not each
    # month a part: a death on 08-31 paid for July and August is nothing (it was F01 高 for a third of September and F05
    # 高 少发 for July–August)
    ({"deaths": [{"name": "户0", "id": make_id("19400101", 300), "date": "2026-08-31"}]}, 2 * 1032,
     {"F01": [], "F05": [], "F06": []}),
    # … alive: a 少发 of the quarter, as before (which month went unpaid cannot be told)
    ({}, 2 * 1032, {"F01": [], "F05": [("户0", "高", None, 1032.0)], "F06": []}),
    # a whole quarter, as before
    ({}, 3 * 1032, {"F01": [], "F05": [], "F06": []}),
])
def test_a_quarters_cell_of_the_months_still_owed_pays_those_months(lists, q3, expected):
    roster, rows = [], []
    for k in range(6):
        head = make_id("19400101", 300 + k)
        roster += household(f"户{k}", head, benefit=1032, approved="2019-03-01")
        rows.append(pay(head, f"户{k}", "2026-04至2026-06", 3 * 1032))
        rows.append(pay(head, f"户{k}", "2026-07至2026-09", q3 if k == 0 else 3 * 1032))
    ctx = money_context(roster, rows, lists)
    assert {code: money(ctx, code) for code in expected} == expected


@pytest.mark.parametrize("july, expected", [
    # must flag: July sent and failed, paid from August, no approval date: July was due (held-out 418: "before its
    # first payment, perhaps not yet enrolled", a county 回盘's failures never owed)
    ([pay(A, "王五", "2026-07", 516, status="失败")], [("王五", "高", None, 516.0)]),
    # must not: re-paid a week later; never sent at all (perhaps enrolled from August, as before)
    ([pay(A, "王五", "2026-07", 516, status="失败"), pay(A, "王五", "2026-07", 516, remark="失败重发")], []),
    ([], []),
    # must not: a failure before the roster's own period (its quarter) says nothing of it
    ([pay(A, "王五", "2026-06", 516, status="失败")], []),
])
def test_a_failed_month_of_the_rosters_period_before_its_first_payment_is_due(july, expected):
    rows = july + [pay(A, "王五", m, 516) for m in months("2026-08", "2026-09")]
    rows += [pay(x, n, m, a) for x, n, a in ((C, "李四", 700), (E, "陈一", 800)) for m in months("2026-07", "2026-09")]
    assert money(money_context(roster(), rows), "F06") == expected


@pytest.mark.parametrize("paid_to, unpaid, said", [
    # a ledger of one household of three (a township's file, a hand-made sheet): no month it covers, said, no F06
    ([(A, "王五", 516)], [], 2),
    # two of three: the month is covered, the third household unpaid (and nothing said of thin months)
    ([(A, "王五", 516), (C, "李四", 700)], [("陈一", "中", None, 800.0)], 0),
])
def test_a_month_paid_to_fewer_than_half_the_households_is_said_unchecked(paid_to, unpaid, said):
    from rostercheck.rules import PARTLY

    rows = [pay(x, n, "2026-09", a) for x, n, a in paid_to]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == unpaid
    thin = [s for s in ctx.cache.get(PARTLY + "F06", []) if "只有不到一半的" in s]
    assert thin == ([f"资金发放明细在2026-09（1个月）只有不到一半的低保保障对象有发放记录（可能只给了部分乡镇或部分批次的明细），"
                     f"这些月份未核对是否应发未发：{said} 户（城关镇 {said} 户）没有发放记录"] if said else [])


@pytest.mark.parametrize("ids, programmes, several", [
    (["a", "b", "a"], ["低保", "低保", "特困"], {"a"}),  # must flag: a under both programmes
    (["a", "a", "b"], ["低保", "低保", "特困"], set()),  # must not: twice under one programme
    (["a", None, "a"], ["低保", "特困", None], set()),  # must not: a missing ID or programme counts for none
    ([], [], set()),
    (["c", "a", "c", "a", "c"], ["特困", "低保", "低保", "低保", "其他"], {"c"}),
])
def test_the_persons_enrolled_under_two_programmes_are_found_as_a_groupby_finds_them(ids, programmes, several):
    import numpy as np
    import pandas as pd

    from rostercheck.rules.f_amounts import _in_several

    person, persons = pd.factorize(np.array(ids, dtype=object))
    programme, distinct = pd.factorize(np.array(programmes, dtype=object))
    frame = pd.DataFrame({"id": ids, "programme": programmes}, dtype=object)
    assert _in_several(person, persons, programme, len(distinct)) == several
    assert set(frame.groupby("id")["programme"].nunique().loc[lambda n: n > 1].index) == several


@pytest.mark.parametrize("village, owed", [
    ("东村", []),  # must not flag: her January–April were his, paid in her village before her first
    ("西村", [("金桂芝", "中", None, 2040.0)]),  # must flag: another village's payee is no former head of hers
])
def test_a_dead_former_heads_place_is_read_from_his_rows_alone(village, owed):
    # (a city's year of ledgers: the village and township of the few rows with an event, not lists of 2.4 M cells)
    from rostercheck.rules._money import ledger

    wife, old = make_id("19500727", 372), make_id("19570923", 857)
    rows = household("金桂芝", wife, benefit=510, approved="2023-04-17", village="东村") + household("李四", C, benefit=700)
    paid = [pay(old, "尹宇航", m, 510, bank_account="6217000011112222", township="城关镇", village=village)
            for m in months("2026-01", "2026-04")]
    paid += [pay(wife, "金桂芝", m, 510, bank_account="6217000033334444", township="城关镇", village="东村")
             for m in months("2026-05", "2026-09")]
    paid += [pay(C, "李四", m, 700, township="城关镇", village="东村") for m in months("2026-01", "2026-09")]
    ctx = money_context(rows, paid, {"deaths": [{"name": "尹宇航", "id": old, "date": "2026-04-10"}]})
    led = ledger(ctx)
    assert money(ctx, "F06") == owed
    assert "village" not in led.cols and "township" not in led.cols
