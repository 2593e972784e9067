"""A 资金项目 that names no programme (a bare 生活补贴): the benefit of a book naming 低保 or 特困, other money elsewhere.

h459: a 特困 year book of `N月生活补贴 | N月护理补贴` was read as other money, unread; F01–F03, F05 and F06 each said
part of the county unchecked, and five planted cases and their amounts were lost unless the configuration named it.
"""

import pytest
from money import household, make_id, money, money_context, months, pay

HEAD = make_id("19500101", 111)
ALONE = make_id("19400303", 131)
DEATH = {"deaths": [{"name": "赵六", "id": ALONE, "date": "2026-05-14"}]}


def roster():
    return (household("张三", HEAD, benefit=600, township="城关镇")
            + household("赵六", ALONE, benefit=516, township="河口乡"))


def ledger(item: str, book: str) -> list[dict]:
    rows = [pay(HEAD, "张三", m, 600, item, _file=book) for m in months("2026-01", "2026-09")]
    return rows + [pay(ALONE, "赵六", m, 516, item, _file=book) for m in months("2026-01", "2026-09")]


@pytest.mark.parametrize("item, book, recovered", [
    ("生活补贴", "2026年城乡低保金发放台账.xlsx", [("赵六", "高", 2064.0, None)]),  # a 低保 book: its benefit
    ("生活补贴", "2026年特困人员救助供养金发放台账.xlsx", [("赵六", "高", 2064.0, None)]),  # (the person's own programme's)
    ("生活费", "城乡低保金发放明细.xlsx", [("赵六", "高", 2064.0, None)]),
    (" 生活 补贴 ", "2026年城乡低保金发放台账.xlsx", [("赵六", "高", 2064.0, None)]),  # spaces typed in
    # must not: a book naming no programme, or one of the disability subsidies (困难残疾人生活补贴 written short)
    ("生活补贴", "发放明细.xlsx", []),
    ("生活补贴", "低保家庭残疾人两项补贴发放表.xlsx", []),
    ("生活补贴", "2026年高龄津贴及生活补贴发放表.xlsx", []),
    ("春节一次性生活补贴", "2026年城乡低保金发放台账.xlsx", []),  # a one-off grant: never the benefit
])
def test_a_bare_living_allowance_is_the_benefit_only_in_a_programme_book(item, book, recovered):
    ctx = money_context(roster(), ledger(item, book), DEATH)
    assert money(ctx, "F01") == recovered


def test_both_readings_are_said():
    rows = ledger("生活补贴", "2026年城乡低保金发放台账.xlsx")
    rows += [pay(HEAD, "张三", m, 80, "生活补贴", _file="残疾人两项补贴发放表.xlsx") for m in months("2026-01", "2026-03")]
    ctx = money_context(roster(), rows, DEATH)
    assert money(ctx, "F01") == [("赵六", "高", 2064.0, None)]
    said = [n for n in ctx.cache["money:items"] if "money_programme_items" in n]
    assert said == ["资金项目只写“生活补贴”的 18 行，在文件名、工作表名或保障类别写明低保、特困的发放表中，按该项保障金核对；"
                    "只写“生活补贴”、发放表未写明低保或特困（或写有残疾、高龄等其他补贴）的 3 行按其他资金计，不核对"
                    "（可能是困难残疾人生活补贴等其他补贴；如不对，请在配置文件 [common] 的 money_programme_items 中删去，"
                    "或在 money_benefit_items、money_other_items 中写明）"]


def test_the_disability_book_is_no_duplicate_of_the_benefit():
    # the same month paid the 低保金 and, in the disability subsidies' book, a 生活补贴: no F04
    rows = [pay(HEAD, "张三", m, 600, _file="2026年城乡低保金发放台账.xlsx") for m in months("2026-01", "2026-09")]
    rows += [pay(HEAD, "张三", m, 80, "生活补贴", _file="残疾人两项补贴发放表.xlsx") for m in months("2026-01", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == []
    assert money(ctx, "F05") == []
