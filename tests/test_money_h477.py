"""h477: a fifth blind held-out money round (会宁县) — a bank's 代发 files of 账号 | 户名 alone beside a roster whose
accounts a number format cut, a household ledger's own 保障人数 changing with a member's death, and a former head named
only in the roster's 备注."""

import datetime as dt

import pytest
from money import make_id, months

HEAD, WIFE = make_id("19560312", 331, "620422"), make_id("19580101", 442, "620422")
OTHER, OTHER_WIFE = make_id("19600312", 351, "620422"), make_id("19620101", 462, "620422")
SON = make_id("19900505", 551, "620422")
ACCOUNT, ACCOUNT2, ACCOUNT3 = "6230840272741859700", "6230840272741851234", "6230880467177542155"


def cut(account):
    """The account as a number format leaves it, written out as text (6.23084027274186E+18)."""
    return f"{float(account):.14E}".replace("E+018", "E+18")


def run(tmp_path, roster_rows, ledgers, lists=None, as_of=dt.date(2026, 3, 31), codes=None):
    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    roster.write_text(roster_rows, encoding="utf-8")
    folder = tmp_path / "资金发放"
    folder.mkdir()
    for name, body in ledgers.items():
        (folder / name).write_text(body, encoding="utf-8")
    given = {}
    for kind, (name, body) in (lists or {}).items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        given[kind] = tmp_path / name
    return audit([roster], given, as_of, payments=sorted(folder.iterdir()), codes=codes)


def roster_of_two(account_cell):
    return ("乡镇,村,户主姓名,成员姓名,与户主关系,身份证号码,保障人口,月保障金,社会保障卡银行账号,纳入时间\n"
            f"河畔镇,河畔村,牛珍建,牛珍建,户主,{HEAD},2,530,{account_cell(ACCOUNT)},2015.09.01\n"
            f"河畔镇,河畔村,牛珍建,柴英,配偶,{WIFE},2,530,{account_cell(ACCOUNT)},2015.09.01\n"
            f"河畔镇,河畔村,何建,何建,户主,{OTHER},2,612,{account_cell(ACCOUNT2)},2015.09.01\n"
            f"河畔镇,河畔村,何建,王丽,配偶,{OTHER_WIFE},2,612,{account_cell(ACCOUNT2)},2015.09.01\n")


def bank_month(m, rows):
    return {f"代发明细_2026{m:02d}.csv": "序号,收款账号,收款户名,交易金额,用途,处理状态,失败原因\n" + "".join(
        f"{k},{acct},{holder},{amount:.2f},{use},成功,\n" for k, (acct, holder, amount, use) in enumerate(rows, 1))}


# 1. a one-off grant to the head, in the bank's file of 账号 | 户名 alone, into the account his wife holds — the roster's
# accounts cut by a number format, the household's ID given only by the finance office's ledger of the year before

@pytest.mark.parametrize("account_cell", [cut, str])
def test_a_grant_under_the_heads_name_is_no_second_household_on_the_account(tmp_path, account_cell):
    ledgers = {"2025年下半年低保资金发放明细.csv": "村（社区）,户主姓名,户主身份证号,保障人数,所属月份,低保金,社保卡号,持卡人,发放状态\n" + "".join(
        f"河畔村,牛珍建,{HEAD},2,2025年{m:02d}月,530.00,{ACCOUNT},柴 英,已发放\n"
        f"河畔村,何建,{OTHER},2,2025年{m:02d}月,612.00,{ACCOUNT2},何建,已发放\n" for m in range(7, 13))}
    for m in (1, 2, 3):
        rows = [(ACCOUNT, "柴 英", 530, f"2026年{m}月低保金"), (ACCOUNT2, "何建", 612, f"2026年{m}月低保金")]
        if m == 1:
            rows += [(ACCOUNT, "牛珍建", 300, "2026年春节一次性生活补贴"), (ACCOUNT2, "何建", 300, "2026年春节一次性生活补贴")]
        ledgers.update(bank_month(m, rows))
    result = run(tmp_path, roster_of_two(account_cell), ledgers)
    # must not flag: main read the grant under the head's name as a second household on the account (F07 中 twice,
    # one of them tied to no household)
    assert result.findings[["类别代码", "置信度"]].values.tolist() == []


# 2. the bank's file alone: its whole account against the roster's cut one, under a member's name

@pytest.mark.parametrize("paid, expected", [
    # must not flag: every month paid (main: 应发未发 低 for each household and 不在册 低 for each payee)
    ((1, 2, 3), []),
    # must flag: February not paid, 中 (no ID: the account's 15 digits and the name)
    ((1, 3), [("F06", "中", "牛珍建", 530.0)]),
])
def test_a_bank_file_is_linked_through_an_account_a_number_format_cut(tmp_path, paid, expected):
    ledgers = {}
    for m in (1, 2, 3):
        rows = [(ACCOUNT2, "王丽", 612, f"2026年{m}月低保金")]
        if m in paid:
            rows.append((ACCOUNT, "柴英", 530, f"2026年{m}月低保金"))
        ledgers.update(bank_month(m, rows))
    result = run(tmp_path, roster_of_two(cut), ledgers, codes=["F03", "F06", "F07"])
    got = [(c, conf, head, repay) for c, conf, head, repay in
           result.findings[["类别代码", "置信度", "户主姓名", "应补发金额"]].values.tolist()]
    assert got == expected


def test_a_cut_account_with_another_name_is_not_linked(tmp_path):
    # must not link: the account's 15 digits alone, under a name no member of that household has
    ledgers = {}
    for m in (1, 2, 3):
        ledgers.update(bank_month(m, [(ACCOUNT2, "王丽", 612, f"2026年{m}月低保金"), (ACCOUNT, "张三", 530, f"2026年{m}月低保金")]))
    result = run(tmp_path, roster_of_two(cut), ledgers, codes=["F03", "F06"])
    got = result.findings[["类别代码", "户主姓名", "姓名"]].values.tolist()
    assert sorted(got) == [["F03", "", "张三"], ["F06", "牛珍建", "牛珍建"]]


# 3. a household ledger's own 保障人数: 3 until a member's death, 2 from the next month, the roster now 2 at 430

@pytest.mark.parametrize("sizes, expected", [
    # must not flag: the months before paid for the three the ledger names (said: F05 部分未检查)
    ((3, 2), []),
    # must flag (a lead, as before): the ledger names no count, or the same count throughout
    ((None, None), [("F05", "低")]),
    ((2, 2), [("F05", "低")]),
])
def test_a_step_the_ledgers_own_count_explains_is_no_f05_lead(tmp_path, sizes, expected):
    before, after = sizes
    size = "" if before is None else "保障人数,"
    body = f"户主姓名,户主身份证号,{size}所属月份,低保金,发放状态\n" + "".join(
        f"赵克,{HEAD},{'' if before is None else str(before if m <= '2025-08' else after) + ','}{m},"
        f"{645 if m <= '2025-08' else 430},成功\n" for m in months("2025-07", "2026-03"))
    roster = ("乡镇,村,户主姓名,成员姓名,与户主关系,身份证号码,保障人口,月保障金,纳入时间\n"
              f"头寨子镇,牛营村,赵克,赵克,户主,{HEAD},2,430,2021.11.01\n"
              f"头寨子镇,牛营村,赵克,柴英,配偶,{WIFE},2,430,2021.11.01\n")
    result = run(tmp_path, roster, {"发放明细.csv": body}, codes=["F05"])
    assert result.findings[["类别代码", "置信度"]].values.tolist() == [list(e) for e in expected]
    said = " ".join(result.partly.get("F05", [])) if hasattr(result, "partly") else ""
    if sizes == (3, 2) and said:
        assert "保障人数" in said


# 4. a former head the roster's 备注 names (原户主…死亡，户主变更为…), paid under his own ID and account after his death

def former_head_case(tmp_path, remark, dead=True):
    roster = ("乡镇,村,户主姓名,成员姓名,与户主关系,身份证号码,保障人口,月保障金,社会保障卡银行账号,纳入时间,备注\n"
              f"头寨子镇,头寨村,刘玉明,刘玉明,户主,{WIFE},2,275,{ACCOUNT2},2015.09.01,{remark}\n"
              f"头寨子镇,头寨村,刘玉明,郭彦,子,{SON},2,275,{ACCOUNT2},2015.09.01,{remark}\n")
    body = "村（社区）,户主姓名,户主身份证号,保障人数,所属月份,低保金,社保卡号,持卡人,发放状态\n" + "".join(
        f"头寨村,郭淑斌,{HEAD},3,{m},412.00,{ACCOUNT},郭淑斌,已发放\n" for m in months("2025-07", "2025-12")) + "".join(
        f"头寨村,刘玉明,{WIFE},2,{m},275.00,{ACCOUNT2},刘玉明,已发放\n" for m in months("2026-01", "2026-03"))
    deaths = ("死亡人员名单.csv", f"姓名,身份证号,死亡日期\n郭淑斌,{HEAD if dead else OTHER},2025/10/16\n")
    return run(tmp_path, roster, {"发放明细.csv": body}, {"deaths": deaths}, codes=["F01", "F03"])


def test_a_former_head_named_in_the_remark_is_the_households(tmp_path):
    result = former_head_case(tmp_path, "原户主郭淑斌于2025年10月死亡，户主变更为刘玉明")
    # must flag, under the household (main: a payee "不在所给花名册中" tied to no household, 户主 blank)
    got = result.findings[["类别代码", "置信度", "户主姓名", "户主身份证号", "应追回金额", "涉及月份"]].values.tolist()
    assert [[c, conf, head, hid.lstrip("'"), money, span] for c, conf, head, hid, money, span in got] == [
        ["F01", "中", "刘玉明", WIFE, 274.0, "2025-11至2025-12（2个月）"]]
    assert "备注写明其为该户原户主" in result.findings["依据"].iat[0]


@pytest.mark.parametrize("remark, dead", [
    ("原户主郭淑英于2025年10月死亡，户主变更为刘玉明", True),  # another name
    ("户主变更为刘玉明", True),  # no former head named
    ("原户主郭淑斌于2025年10月死亡，户主变更为刘玉明", False),  # the deaths list names someone else
])
def test_a_former_head_is_never_tied_by_a_remark_alone(tmp_path, remark, dead):
    result = former_head_case(tmp_path, remark, dead)
    assert not (result.findings["户主姓名"] == "刘玉明").any()


# 5. 发放金额 | 其中：物价补贴: the row's amount holds another item's part (August's and September's 40)

def inner_case(tmp_path, inner_label):
    roster = ("乡镇,村,户主姓名,成员姓名,与户主关系,身份证号码,保障人口,月保障金,纳入时间\n"
              f"河畔镇,河畔村,何建,何建,户主,{OTHER},2,298,2015.09.01\n"
              f"河畔镇,河畔村,何建,王丽,配偶,{OTHER_WIFE},2,298,2015.09.01\n")
    body = f"户主姓名,户主身份证号,所属月份,发放金额,{inner_label},发放状态\n" + "".join(
        f"何建,{OTHER},{m},{338 if m in ('2025-08', '2025-09') else 298},{40 if m in ('2025-08', '2025-09') else ''},已发放\n"
        for m in months("2025-07", "2025-12"))
    moves = ("户籍迁出人员.csv", f"姓名,公民身份号码,迁出日期,迁往地\n王丽,{OTHER_WIFE},2025-10-03,新疆维吾尔自治区昌吉市\n")
    return run(tmp_path, roster, {"低保资金发放明细.csv": body}, {"migrations": moves}, as_of=dt.date(2025, 12, 31),
               codes=["F02", "F04", "F05"])


def test_an_inner_part_of_another_item_is_split_from_the_amount(tmp_path):
    result = inner_case(tmp_path, "其中：物价补贴")
    # must flag her share of 298 for November and December, 149 each (main: 129 each, the 338 of August read as the
    # amount before a cut); no F05 for August and September
    got = result.findings[["类别代码", "应追回金额", "涉及月份"]].values.tolist()
    assert got == [["F02", 298.0, "2025-11至2025-12（2个月）"]]


def test_an_inner_part_naming_the_benefit_is_not_split(tmp_path):
    result = inner_case(tmp_path, "其中：低保金")
    assert any("其中：低保金" in w and "未读取" in w for w in result.warnings)


# 6. the payout account's statement: positive amounts with a 借贷标志, or 借方发生额 | 贷方发生额 — the returns came back

def statement_rows():
    """(account, 户名, amount, 摘要, direction): 牛珍建's February returned and paid again in March; 何建's February
    returned and never paid again; the treasury's funding of the account."""
    rows = []
    for m in (1, 2, 3):
        rows += [(f"2026-0{m}-15", ACCOUNT, "柴英", 530, f"2026年{m}月低保金", "借"),
                 (f"2026-0{m}-15", ACCOUNT2, "王丽", 612, f"2026年{m}月低保金", "借")]
    rows += [("2026-02-18", ACCOUNT, "柴英", 530, "退回 2026年2月低保金", "贷"),
             ("2026-02-18", ACCOUNT2, "王丽", 612, "退回 2026年2月低保金", "贷"),
             ("2026-03-15", ACCOUNT, "柴英", 530, "补发2026年2月低保金", "借"),
             ("2026-01-05", "27030104000112345", "会宁县财政局", 100000, "财政拨款", "贷")]
    return rows


@pytest.mark.parametrize("layout", ["flag", "columns"])
def test_money_that_came_back_in_a_statement_undoes_its_payment(tmp_path, layout):
    if layout == "flag":
        body = "交易日期,借贷标志,交易金额,对方账号,对方户名,摘要\n" + "".join(
            f"{day},{d},\"{a:,.2f}\",{acct},{holder},{use}\n" for day, acct, holder, a, use, d in statement_rows())
    else:
        body = "交易日期,摘要,借方发生额,贷方发生额,对方账号,对方户名\n" + "".join(
            f"{day},{use},{a if d == '借' else ''},{a if d == '贷' else ''},{acct},{holder}\n"
            for day, acct, holder, a, use, d in statement_rows())
    roster = roster_of_two(str)
    result = run(tmp_path, roster, {"低保专户对账单_2026年1-3月.csv": body}, codes=["F03", "F04", "F06"])
    # must flag 何建's February, returned and never paid again; must not flag 牛珍建's February returned and paid again
    # (main: F04 for it, the return read as a second payment — or unread — and no F06), nor the treasury's funding
    got = result.findings[["类别代码", "户主姓名", "应追回金额", "应补发金额"]].values.tolist()
    assert got == [["F06", "何建", None, 612.0]]


# 7. a bank's 代发 file masking the 户名 (万*军, 柴*): the shown characters against the account's household

@pytest.mark.parametrize("holder, expected", [
    # must not flag: the head or his wife behind the mask (main: a payee on no roster paid into the household's
    # account, F07 for every such household)
    ("牛*建", []),
    ("柴*", []),
    # must flag (a lead, as before): a mask no member's name fits
    ("张*", ["F07"]),
])
def test_a_masked_holder_is_compared_on_the_characters_it_shows(tmp_path, holder, expected):
    ledgers = {}
    for m in (1, 2, 3):
        ledgers.update(bank_month(m, [(ACCOUNT, holder, 530, f"2026年{m}月低保金"), (ACCOUNT2, "王*", 612, f"2026年{m}月低保金")]))
    result = run(tmp_path, roster_of_two(str), ledgers, codes=["F03", "F06", "F07"])
    assert sorted(result.findings["类别代码"].tolist()) == expected
    if not expected:
        assert any("户名被银行部分隐去" in w for w in result.warnings)


def test_a_masked_holder_borrows_the_id_other_rows_give_under_the_name_it_fits(tmp_path):
    # a payee on no roster (she died in February), her ID in the finance office's ledger, the bank's rows masked: her
    # months after the death are F01, one payee — never a second household on her account (main: F07 中 twice, F03 中)
    dead = make_id("19500101", 662, "620422")
    ledgers = {"2025年下半年低保资金发放明细.csv": "村（社区）,户主姓名,户主身份证号,保障人数,所属月份,低保金,社保卡号,持卡人,发放状态\n" + "".join(
        f"河畔村,柴珍英,{dead},1,2025年{m:02d}月,487.00,{ACCOUNT3},柴珍英,已发放\n" for m in range(7, 13))}
    for m in (1, 2, 3, 4):
        ledgers.update(bank_month(m, [(ACCOUNT3, "柴*英", 487, f"2026年{m}月低保金"), (ACCOUNT2, "何建", 612, f"2026年{m}月低保金")]))
    deaths = ("死亡人员名单.csv", f"姓名,身份证号,死亡日期\n柴珍英,{dead},2026/2/14\n")
    result = run(tmp_path, roster_of_two(str), ledgers, {"deaths": deaths}, as_of=dt.date(2026, 4, 30),
                 codes=["F01", "F03", "F07"])
    got = result.findings[["类别代码", "置信度", "应追回金额", "涉及月份"]].values.tolist()
    assert got == [["F01", "中", 974.0, "2026-03至2026-04（2个月）"]]
