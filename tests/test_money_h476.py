"""h476: a fourth blind held-out money round (汝城县) — a death written only in the roster's 备注, and a one-off grant
named only in the 备注 of a 发放表 without a 资金项目 column."""

import datetime as dt

import pytest
from money import findings, household, make_id, money, money_context, months, pay

HEAD, WIFE, SON = make_id("19560312", 331, "431026"), make_id("19580101", 442, "431026"), make_id("19850505", 551, "431026")
GONE = make_id("19400101", 771, "431026")


# 1. a member the roster's own 备注 says died ('2026年3月死亡停发'), no status column and no deaths list row

@pytest.mark.parametrize("remark, paid_after, expected", [
    # must flag: her household paid its full 1,548 for three on: her third from the month after (April–September)
    ("2026年3月死亡停发", 1548, [["F01", "中", 516.0 * 6, "2026-04至2026-09（6个月）"]]),
    ("2026.3.5病故", 1548, [["F01", "中", 516.0 * 6, "2026-04至2026-09（6个月）"]]),
    # must not: the household cut to 1,032 from April (no share paid, and the months before are no F05)
    ("2026年3月死亡停发", 1032, []),
    # must not: another person's death, no date, a doubt, a date after the review date — said, never read
    ("配偶2026年3月死亡", 1548, []),
    ("已死亡", 1548, []),
    ("2026年3月死亡待核实", 1548, []),
    ("2026年11月死亡", 1548, []),
])
def test_a_death_only_the_roster_remark_tells_is_read_as_the_members_own(tmp_path, remark, paid_after, expected):
    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    roster.write_text("乡镇,村,户主姓名,户主身份证号,月保障金,保障人口,审批日期,成员姓名,成员身份证号码,与户主关系,备注\n"
                      f"热水镇,热水村,张三,{HEAD},1548,3,2021-06-01,张三,{HEAD},户主,\n"
                      f"热水镇,热水村,张三,{HEAD},1548,3,2021-06-01,李梅,{WIFE},配偶,\n"
                      f"热水镇,热水村,张三,{HEAD},1548,3,2021-06-01,张军,{SON},子,{remark}\n", encoding="utf-8")
    deaths = tmp_path / "死亡人员名单.csv"
    deaths.write_text(f"姓名,身份证号,死亡日期\n钱七,{GONE},2026-01-09\n", encoding="utf-8")
    ledger = tmp_path / "发放明细.csv"
    ledger.write_text("户主姓名,户主身份证号,资金项目,所属月份,发放金额,发放状态\n" + "".join(
        f"张三,{HEAD},低保金,{m},{1548 if m <= '2026-03' else paid_after},成功\n" for m in months("2026-01", "2026-09")),
        encoding="utf-8")
    result = audit([roster], {"deaths": deaths}, dt.date(2026, 9, 30), payments=[ledger], codes=["F01", "F05"])
    assert result.findings[["类别代码", "置信度", "应追回金额", "涉及月份"]].values.tolist() == expected
    said = " ".join(result.warnings if hasattr(result, "warnings") else [])
    if expected:
        (ev,) = result.findings["依据"].tolist()
        assert "备注" in ev and remark in ev
    if remark in ("配偶2026年3月死亡", "已死亡", "2026年3月死亡待核实", "2026年11月死亡") and said:
        assert "未按死亡计" in said


# 2. a one-off grant whose item only the 备注 names, beside the month's benefit (the item from the file name)

GRANT = make_id("19660407", 331, "431026")


def grant_rows(amount, remark):
    rows = [pay(GRANT, "冯娜伟", m, 1161, item="城乡低保资金") for m in months("2025-10", "2026-03")]
    return rows + [pay(GRANT, "冯娜伟", "2026-01", amount, item="城乡低保资金", remark=remark)]


@pytest.mark.parametrize("amount, remark, expected", [
    # must not flag: 春节一次性生活补贴 of 500 beside January's 1,161 (was F04 高, 500 to recover)
    (500, "春节一次性生活补贴", []),
    (300, "物价补贴", []),
    # must flag: the benefit's own amount again (a duplicate whatever the remark says), a remark saying the row includes
    # other money, a row with no remark
    (1161, "春节一次性生活补贴", [("冯娜伟", "高", 1161.0, None)]),
    (500, "含物价补贴", [("冯娜伟", "高", 500.0, None)]),
    (500, "", [("冯娜伟", "高", 500.0, None)]),
])
def test_a_grant_named_only_in_the_remark_is_no_second_benefit(amount, remark, expected):
    ctx = money_context(household("冯娜伟", GRANT, benefit=1161, township="卢阳镇", village="东岭村"),
                        grant_rows(amount, remark))
    assert money(ctx, "F04") == expected
    if not expected:
        assert any("备注写明是其他资金" in w for w in ctx.cache.get("money:items", []))


def test_a_grant_named_in_the_remark_is_not_compared_with_the_benefit():
    # F05: the grant's 500 is not added to January's benefit (1,661 against 1,161 would be 多发 500)
    ctx = money_context(household("冯娜伟", GRANT, benefit=1161, township="卢阳镇", village="东岭村", approved="2020-01-01"),
                        grant_rows(500, "春节一次性生活补贴"))
    assert money(ctx, "F05") == []
    assert findings(ctx, "F04") == []


# 3. 应发金额 | 扣款金额 | 实发金额: a deduction made on the payee's behalf is no under-payment (F05 compares 应发)

DED = make_id("19510717", 369, "431026")


def deduction_book(tmp_path, rows):
    """A 发放表 with 应发金额 | 扣款金额 | 实发金额 for January–March (one row per month)."""
    book = tmp_path / "2026年一季度低保发放表.csv"
    book.write_text("户主姓名,户主身份证号,资金项目,所属月份,应发金额,扣款金额,实发金额,备注\n" + "".join(
        f"钟金志,{DED},低保金,{m},{due},{ded},{paid},{note}\n" for m, (due, ded, paid, note) in zip(months("2026-01", "2026-03"), rows)),
        encoding="utf-8")
    return book


@pytest.mark.parametrize("rows, expected", [
    # must not flag: 60 deducted for 医保 in January, 应发 the approved 688 (was F05 高, 少发 60)
    ([(688, 60, 628, "代扣城乡居民医保个人缴费"), (688, "", 688, ""), (688, 0, 688, "")], []),
    ([(688, 100, 588, ""), (688, "", 688, ""), (688, "", 688, "")], []),
    # must flag: 应发 itself short of the approved amount (the deduction apart), and a gap no deduction explains
    ([(588, 60, 528, ""), (688, "", 688, ""), (688, "", 688, "")], [["F05", "高", None, 100.0]]),
    ([(688, 60, 528, ""), (688, "", 688, ""), (688, "", 688, "")], [["F05", "高", None, 160.0]]),
    ([(688, "", 628, ""), (688, "", 688, ""), (688, "", 688, "")], [["F05", "高", None, 60.0]]),
])
def test_a_deduction_beside_what_was_due_is_no_under_payment(tmp_path, rows, expected):
    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    roster.write_text("乡镇,村,户主姓名,户主身份证号,月保障金,保障人口,审批日期,成员姓名,成员身份证号码,与户主关系\n"
                      f"卢阳镇,津江村,钟金志,{DED},688,2,2020-06-01,钟金志,{DED},户主\n"
                      f"卢阳镇,津江村,钟金志,{DED},688,2,2020-06-01,李兰,{make_id('19550101', 222, '431026')},配偶\n",
                      encoding="utf-8")
    result = audit([roster], {}, dt.date(2026, 3, 31), payments=[deduction_book(tmp_path, rows)], codes=["F05"])
    got = result.findings[["类别代码", "置信度", "应追回金额", "应补发金额"]].values.tolist()
    assert [[c, k, None if r != r else r, None if p != p else p] for c, k, r, p in got] == expected
    if rows[0][1] == 60 and rows[0][0] - 60 == rows[0][2] and expected:  # (a deduction that explains 实发: said)
        assert "扣款 60.00 元（按应发核对）" in result.findings["依据"].iloc[0]


# 4. 第N期 in a file's name is a batch, not a month: said, never read as one

def test_a_batch_number_in_the_file_name_is_said_not_read_as_a_month(tmp_path):
    from rostercheck.io.ledgers import read_ledger

    book = tmp_path / "汝城县2026年第3期城乡低保资金发放表.csv"
    book.write_text(f"户主姓名,户主身份证号,发放金额,银行卡号\n钟金志,{DED},688,6217000011112222333\n", encoding="utf-8")
    table, frame = read_ledger(book, dt.date(2026, 9, 30))[:2]
    assert set(frame["month"].tolist()) == {""}
    assert any("“第3期”是发放期次，不按月份推断" in w for w in table.warnings)


# 5. a payee on no roster whose own ledger 备注 says she died: the months up to her death are no 不在册 money

LIU, OTHER = make_id("19471116", 497, "431026"), make_id("19500101", 113, "431026")


@pytest.mark.parametrize("remark, paid, expected", [
    # must not flag at 高/中: paid for the month she died in only (was F03 中, 516 to recover)
    ("2026年7月31日死亡", ["2026-07"], [("刘志强", "低", None, None)]),
    # must flag: the months after her death, at 中 with their money
    ("2026年7月31日死亡", ["2026-07", "2026-08", "2026-09"], [("刘志强", "中", 1032.0, None)]),
    # unchanged: no remark, another person's death
    ("", ["2026-07"], [("刘志强", "中", 516.0, None)]),
    ("配偶2026年7月死亡", ["2026-07"], [("刘志强", "中", 516.0, None)]),
])
def test_a_payee_on_no_roster_dead_by_the_ledgers_own_remark(remark, paid, expected):
    rows = [pay(OTHER, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(LIU, "刘志强", m, 516, remark=remark if m == "2026-07" else "") for m in paid]
    ctx = money_context(household("王五", OTHER, benefit=516, township="热水镇", village="热水村"), rows)
    assert money(ctx, "F03") == expected


def test_a_grant_named_in_the_remark_beside_a_deducted_benefit_is_no_duplicate(tmp_path):
    # seed 477: January's 774 paid as 714 after a 60 医保 deduction, a 500 春节 grant beside it: the usual benefit is
    # the 应发 (was F04 高, 500 to recover)
    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    roster.write_text("乡镇,村,户主姓名,户主身份证号,月保障金,保障人口,审批日期,成员姓名,成员身份证号码,与户主关系\n"
                      f"卢阳镇,津江村,钟金志,{DED},774,1,2020-06-01,钟金志,{DED},户主\n", encoding="utf-8")
    book = deduction_book(tmp_path, [(774, 60, 714, ""), (774, "", 774, ""), (774, "", 774, "")])
    book.write_text(book.read_text(encoding="utf-8") + f"钟金志,{DED},低保金,2026-01,500,,500,春节一次性生活补贴\n",
                    encoding="utf-8")
    result = audit([roster], {}, dt.date(2026, 3, 31), payments=[book], codes=["F04", "F05"])
    assert result.findings[["类别代码", "置信度"]].values.tolist() == []
