"""h481: money-sieve precision left-overs — a grant named only in the 备注 alone in its month, a payee with no ID or
account named like a roster head in his village, a file whose every row failed, a death written in a ledger's 备注."""

import pytest
from money import findings, household, make_id, money, money_context, months, pay

# 1. a one-off grant named only in the 备注, the item the usual benefit's (or blank), no benefit row of the payee that
#    month: the remark says what it is when its amount is not her benefit's

GRANT, NEIGHBOUR = make_id("19660407", 331, "431026"), make_id("19700101", 111, "431026")


def grant_month(january: list[dict]):
    """冯娜伟 paid 1,161 a month October–March but January (``january`` instead); 王五 paid every month."""
    rows = [pay(GRANT, "冯娜伟", m, 1161, item="城乡低保资金") for m in months("2025-10", "2026-03") if m != "2026-01"]
    rows += [pay(NEIGHBOUR, "王五", m, 516, item="城乡低保资金") for m in months("2025-10", "2026-03")]
    roster = (household("冯娜伟", GRANT, benefit=1161, township="卢阳镇", village="东岭村", approved="2020-01-01")
              + household("王五", NEIGHBOUR, benefit=516, township="卢阳镇", village="东岭村", approved="2020-01-01"))
    return money_context(roster, rows + january)


def january(amount=500, remark="春节一次性生活补贴", item="城乡低保资金", status="成功"):
    return pay(GRANT, "冯娜伟", "2026-01", amount, item=item, remark=remark, status=status)


LONE_GRANTS = [
    # (case, January's rows, F05, F06)
    # must flag F06 (January's benefit unpaid), never F05 少发 (was F05 高 661: the grant read as the benefit)
    ("a grant alone, the item the benefit's", [january()], [], [("冯娜伟", "中", None, 1161.0)]),
    ("a grant alone, the item blank", [january(item="")], [], [("冯娜伟", "中", None, 1161.0)]),
    ("a grant beside the benefit's failed row", [january(), january(1161, "", status="失败")], [],
     [("冯娜伟", "高", None, 1161.0)]),
    # must stay: a row of her usual amount is the benefit whatever the remark; no remark, no grant
    ("a remark on a row of her usual amount", [january(1161)], [], []),
    ("no remark: the benefit paid short", [january(remark="")], [("冯娜伟", "高", None, 661.0)], []),
    ("a remark saying it includes the grant", [january(remark="含春节一次性生活补贴")], [("冯娜伟", "高", None, 661.0)], []),
    # must stay the benefit (no F06): a row above her usual amount may be the benefit with the item added; a remark
    # naming a deduction, or a sum that is not the row's
    ("物价补贴 on a row above her usual amount", [january(1211, "物价补贴")], [("冯娜伟", "高", 50.0, None)], []),
    ("a deduction remarked", [january(1111, "扣回多发物价补贴")], [("冯娜伟", "高", None, 50.0)], []),
    ("a sum that is not the row's", [january(1111, "物价补贴50元")], [("冯娜伟", "高", None, 50.0)], []),
    ("a sum that is the row's", [january(500, "春节一次性生活补贴500元")], [], [("冯娜伟", "中", None, 1161.0)]),
]


@pytest.mark.parametrize("case, rows, f05, f06", LONE_GRANTS, ids=[c[0] for c in LONE_GRANTS])
def test_a_grant_named_only_in_the_remark_alone_in_its_month_is_no_benefit(case, rows, f05, f06):
    ctx = grant_month(rows)
    assert money(ctx, "F05") == f05
    assert money(ctx, "F06") == f06
    assert money(ctx, "F04") == []
    if f06:
        (f,) = findings(ctx, "F06")
        assert "备注写明是其他资金的：2026-01 " in f.evidence and "500.00 元（备注“春节一次性生活补贴" in f.evidence
        assert any("同一领取人当月没有另一笔保障金" in w for w in ctx.cache["money:items"])


def test_a_grant_alone_after_a_death_is_no_benefit_paid_after_it():
    # the household's one member dead in December (deaths list): January's 500 春节 grant is no F01 (was F01 高 500)
    died = {"deaths": [{"id": GRANT, "name": "冯娜伟", "date": "2025-12-10"}]}
    rows = [pay(GRANT, "冯娜伟", m, 1161, item="城乡低保资金") for m in months("2025-10", "2025-12")]
    rows += [pay(NEIGHBOUR, "王五", m, 516, item="城乡低保资金") for m in months("2025-10", "2026-03")]
    roster = (household("冯娜伟", GRANT, benefit=1161, township="卢阳镇", village="东岭村", approved="2020-01-01")
              + household("王五", NEIGHBOUR, benefit=516, township="卢阳镇", village="东岭村", approved="2020-01-01"))
    ctx = money_context(roster, rows + [january()], died)
    assert money(ctx, "F01") == []
    ctx = money_context(roster, rows + [january(1161, remark="")], died)  # (the benefit paid after her death: F01)
    assert [c for _, c, _, _ in money(ctx, "F01")] == ["高"]


# 2. a payee with no ID and no account, named like one roster head of her village: one 低 lead (F03) without money,
#    the household's months not 应发未发 — never F03 中 (to recover) and F06 中 (to repay) for one payment

A, B, OTHER = make_id("19590317", 721, "430524"), make_id("19600101", 112, "430524"), make_id("19700505", 151, "430524")


SECOND = make_id("19640101", 333, "430524")


def village_roster(village="石桥村", second_head=False):
    rows = (household("钟国辉", A, [("李梅", "配偶", B)], benefit=840, township="金石桥镇", village=village)
            + household("王五", OTHER, benefit=516, township="金石桥镇", village="石桥村"))
    if second_head:
        rows += household("钟国辉", SECOND, benefit=516, township="金石桥镇", village="石桥村")
    return rows


def unaccounted(own_month=None, second_head=False, **place):
    """王五 (and the second 钟国辉) paid July–September under his ID; a payee 钟国辉 without ID or account paid 840 (and,
    with ``own_month``, the household paid that month under 钟国辉's own ID)."""
    rows = [pay(pid, name, m, 516) for m in months("2026-07", "2026-09")
            for pid, name in [(OTHER, "王五")] + ([(SECOND, "钟国辉")] if second_head else [])]
    rows += [pay("", "钟国辉", m, 840, **place) for m in months("2026-07", "2026-09")]
    return rows + ([pay(A, "钟国辉", own_month, 840)] if own_month else [])


HERE = {"village": "石桥村", "township": "金石桥镇"}
UNACCOUNTED = [
    # (case, roster rows, ledger rows, F03, F06)
    # must be one 低 lead (was F03 中 2,520 and F06 中 840 for the same months)
    ("his village and township written", village_roster(), unaccounted(**HERE), [("钟国辉", "低", None, None)], []),
    ("his village alone written", village_roster(), unaccounted(village="石桥村"), [("钟国辉", "低", None, None)], []),
    # must stay: a head of that name in another village; two heads of that name in hers; the household paid under
    # its own ID in one of her months (she is someone else)
    ("the head lives in another village", village_roster(village="田心村"), unaccounted(**HERE),
     [("钟国辉", "中", 2520.0, None)], [("钟国辉", "中", None, 840.0)]),
    ("two heads of that name in her village", village_roster(second_head=True), unaccounted(second_head=True, **HERE),
     [("钟国辉", "中", 2520.0, None)], [("钟国辉", "中", None, 840.0)]),
    ("the household paid under its own ID", village_roster(), unaccounted(own_month="2026-09", **HERE),
     [("钟国辉", "中", 2520.0, None)], []),
]


@pytest.mark.parametrize("case, roster_rows, rows, f03, f06", UNACCOUNTED, ids=[c[0] for c in UNACCOUNTED])
def test_a_payee_without_id_or_account_named_like_a_head_of_her_village_is_one_lead(case, roster_rows, rows, f03, f06):
    ctx = money_context(roster_rows, rows)
    assert money(ctx, "F03") == f03
    assert money(ctx, "F06") == f06
    assert money(ctx, "F07") == []  # (no account: nothing for F07 to question)
    for f in findings(ctx, "F03"):
        assert ("与花名册中金石桥镇石桥村的户主 钟国辉 同名同村" in f.evidence) == (f.confidence == "低")


# 3. a file whose every row failed, none of its payments seen re-sent: the batch may have been re-sent in a file not
#    given — F06 at most 中, said; a re-send read, or a bank's return list beside the ledger, keeps 高

C = make_id("19620202", 311, "430524")


def monthly_files(extra=()):
    """Monthly files July–September for 钟国辉 and 王五; August's file fails for both."""
    rows = [pay(pid, name, m, amount, status="失败" if m == "2026-08" else "成功", _file=f"{m}.xlsx")
            for m in months("2026-07", "2026-09") for pid, name, amount in ((OTHER, "王五", 516), (C, "钟国辉", 840))]
    return rows + list(extra)


def returned_beside_the_ledger():
    rows = [pay(pid, name, m, amount) for m in months("2026-07", "2026-09")
            for pid, name, amount in ((OTHER, "王五", 516), (C, "钟国辉", 840))]
    return rows + [pay(pid, name, "2026-08", amount, status="退回", _file="退回清单.xlsx")
                   for pid, name, amount in ((OTHER, "王五", 516), (C, "钟国辉", 840))]


BATCHES = [
    # (case, rows, F06, said: a batch failed whole)
    # must be 中 (was 高 "未重发" for both)
    ("August's file failed whole, no re-send read", monthly_files(),
     [("王五", "中", None, 516.0), ("钟国辉", "中", None, 840.0)], True),
    # must stay 高: the re-send read pays one household, the other is missing from it (was: the re-send undone by
    # the failed file, both 高)
    ("a re-send file read for one", monthly_files([pay(OTHER, "王五", "2026-08", 516, _file="2026年8月补发.xlsx")]),
     [("钟国辉", "高", None, 840.0)], False),
    # must stay 高: a bank's return list beside the finance office's ledger, which records the payments made
    ("a return list beside the ledger", returned_beside_the_ledger(),
     [("王五", "高", None, 516.0), ("钟国辉", "高", None, 840.0)], False),
]


@pytest.mark.parametrize("case, rows, f06, said", BATCHES, ids=[c[0] for c in BATCHES])
def test_a_batch_failed_whole_and_never_seen_re_sent_is_at_most_medium(case, rows, f06, said):
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516), rows)
    assert money(ctx, "F06") == f06
    for f in findings(ctx, "F06"):
        assert ("像是整批发放失败" in f.evidence) == said
        assert ("《2026-08.xlsx》的 2 行全部发放失败/退回" in f.evidence) == said


# 4. a death written only in a ledger row's 备注, of the row's own payee (or of the one member of her household it
#    names), dated on or before the review date: an F01 event at 中, told by that row

HEAD, WIFE, NOBODY = make_id("19400312", 331, "431026"), make_id("19420101", 442, "431026"), make_id("19300101", 111, "431026")
SOMEONE_ELSE_DIED = {"deaths": [{"id": NOBODY, "name": "钱七", "date": "2020-01-10"}]}


def remarked(remark, at="2026-05", last="2026-09", amount=1000):
    return [pay(HEAD, "张三", m, amount, remark=remark if m == at else "") for m in months("2026-01", last)]


ALONE = household("张三", HEAD, benefit=1000, approved="2020-01-01")
COUPLE = household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=1000, approved="2020-01-01")
REMARK_DEATHS = [
    # (case, roster, ledger rows, lists, F01)
    # must flag (was nothing: the remark said, never recovered)
    ("alone, her own remark on the month of death", ALONE, remarked("已于2026年5月去世"), SOMEONE_ELSE_DIED,
     [("张三", "中", 4000.0, None)]),
    ("a head of two, 死亡停发 on the next month's row", COUPLE, remarked("2026年5月死亡停发", at="2026-06"), SOMEONE_ELSE_DIED,
     [("张三", "中", 2000.0, None)]),
    ("the head's row naming his wife", COUPLE, remarked("李梅2026年5月死亡", at="2026-06"), SOMEONE_ELSE_DIED,
     [("李梅", "中", 2000.0, None)]),
    # must not flag: paid no more after the death; another person's by a relation word; undated; doubted; after the
    # review date
    ("paid no more after it", ALONE, remarked("已于2026年5月去世", last="2026-05"), SOMEONE_ELSE_DIED, []),
    ("a relation word", COUPLE, remarked("配偶2026年5月死亡"), SOMEONE_ELSE_DIED, []),
    ("no date", ALONE, remarked("已死亡"), SOMEONE_ELSE_DIED, []),
    ("a doubt", ALONE, remarked("2026年5月死亡待核实"), SOMEONE_ELSE_DIED, []),
    ("after the review date", ALONE, remarked("2026年11月死亡"), SOMEONE_ELSE_DIED, []),
    # must stay as the deaths list has it: its date and 高
    ("the deaths list dates it too", ALONE, remarked("已于2026年5月去世"),
     {"deaths": [{"id": HEAD, "name": "张三", "date": "2026-07-10"}]}, [("张三", "高", 2000.0, None)]),
]


@pytest.mark.parametrize("case, roster_rows, rows, lists, f01", REMARK_DEATHS, ids=[c[0] for c in REMARK_DEATHS])
def test_a_death_the_ledgers_own_remark_dates_is_an_f01_event_at_medium(case, roster_rows, rows, lists, f01):
    ctx = money_context(roster_rows, rows, lists)
    assert money(ctx, "F01") == f01
    for f in findings(ctx, "F01"):
        assert ("发放明细备注写明" in f.evidence) == (f.confidence == "中")
    assert money(ctx, "F06") == []  # (the months after the death are owed to no one)


def test_a_ledger_remark_death_is_checked_without_a_deaths_list(tmp_path):
    import datetime as dt

    from rostercheck.audit import audit

    roster = tmp_path / "低保花名册.csv"
    roster.write_text("乡镇,村,户主姓名,户主身份证号,月保障金,保障人口,审批日期,成员姓名,成员身份证号码,与户主关系\n"
                      f"热水镇,热水村,张三,{HEAD},1000,1,2020-06-01,张三,{HEAD},户主\n", encoding="utf-8")
    ledger = tmp_path / "发放明细.csv"
    ledger.write_text("户主姓名,户主身份证号,资金项目,所属月份,发放金额,发放状态,备注\n" + "".join(
        f"张三,{HEAD},低保金,{m},1000,成功,{'已于2026年5月去世' if m == '2026-05' else ''}\n" for m in months("2026-01", "2026-09")),
        encoding="utf-8")
    result = audit([roster], {}, dt.date(2026, 9, 30), payments=[ledger], codes=["F01"])
    assert result.findings[["类别代码", "置信度", "应追回金额"]].values.tolist() == [["F01", "中", 4000.0]]
    assert "发放明细备注写明“已于2026年5月去世”" in result.findings["依据"].iloc[0]


@pytest.mark.parametrize("remark", ["配偶2026年5月死亡", "已死亡", "2026年5月死亡待核实", "2026年11月死亡"])
def test_a_ledger_remark_death_not_read_is_said(remark):
    from rostercheck.rules._money_unread import PARTLY

    ctx = money_context(COUPLE, remarked(remark), SOMEONE_ELSE_DIED)
    assert money(ctx, "F01") == []  # (said by F01 itself: `--codes F01` alone shows it)
    (said,) = [n for n in ctx.cache.get(PARTLY + "F01", []) if "发放明细的备注提到死亡" in n]
    assert f"（如“{remark}”）" in said and "未按死亡核对：1 户" in said
