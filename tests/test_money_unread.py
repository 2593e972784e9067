"""Payments under an unread 资金项目 (a system's code 01 not configured): the money checks that could not look at them
say so in 核查范围, never "已核查，未发现问题" of those households (held-out 240: 九公桥镇's 48 households, paid only
under 01 all year, were F06's and F05's "未发现问题")."""

import pytest
from money import findings, household, make_id, money, money_context, months, pay

from rostercheck.audit import findings_frame, partly_checked, partly_checked_by_town
from rostercheck.io.problem_list import scope
from rostercheck.rules import PARTLY, PARTLY_TOWNS

A = make_id("19800101", 111)
C = make_id("19700303", 131)
E = make_id("19650505", 151)


def roster():
    return (household("王五", A, benefit=516, township="九公桥镇") + household("李四", C, benefit=700, township="白仓镇")
            + household("陈一", E, benefit=800, township="白仓镇"))


def ledger(item="01"):
    rows = [pay(A, "王五", m, 516, item=item) for m in months("2026-07", "2026-09")]
    return rows + [pay(x, n, m, a) for m in months("2026-07", "2026-09") for x, n, a in ((C, "李四", 700), (E, "陈一", 800))]


def said(ctx, code):
    return "".join(ctx.cache.get(PARTLY + code, []))


# Errors (before): the household unchecked, the check said "未发现问题"
def test_f05_f06_say_the_households_paid_only_under_an_unread_code():
    ctx = money_context(roster(), ledger())
    assert money(ctx, "F06") == [] and money(ctx, "F05") == []  # the benefit is unknown, not missing
    for code in ("F05", "F06"):
        assert said(ctx, code) == ("资金项目代码“01”未能识别、无法判断是否为保障金（可在配置文件 [common] 的 money_benefit_codes 或 "
                                   "money_other_codes 中写明）：1 户（九公桥镇 1 户）只有这样发放的月份")
        assert ctx.cache[PARTLY_TOWNS + code] == ["九公桥镇"]
    partial = partly_checked(ctx, {}, ["F05", "F06"])
    assert set(partial) == {"F05", "F06"}
    table = scope(findings_frame(ctx, []), {"F05": "发放金额与核定金额不符", "F06": "应发未发"}, {}, {}, partial)
    assert table["核查情况"].str.startswith("部分未检查（资金项目代码“01”未能识别").all()
    assert table["核查情况"].str.endswith("只有这样发放的月份，这部分未核查），已核查的部分未发现问题").all()


def test_f06_says_a_month_every_household_was_paid_only_under_an_unread_code():
    # held-out 262: October–December paid only under 01/02/03 (unread): F01–F05 said 部分未检查, F06 "列出 2 户" as if it
    # had checked those months (no benefit row in them, so no month the ledgers cover)
    rows = [pay(x, n, m, a, item="01" if m == "2026-09" else "低保金") for m in months("2026-07", "2026-09")
            for x, n, a in ((A, "王五", 516), (C, "李四", 700), (E, "陈一", 800))]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F06") == []
    assert said(ctx, "F06").endswith("3 户（白仓镇 2 户、九公桥镇 1 户）只有这样发放的月份")


def test_f01_says_a_death_whose_later_months_were_paid_under_an_unread_code():
    ctx = money_context(roster(), ledger(), {"deaths": [{"name": "王五", "id": A, "date": "2026-07-10"}]})
    assert money(ctx, "F01") == []
    assert "1 户（九公桥镇 1 户）只有这样发放的月份" in said(ctx, "F01")
    assert said(ctx, "F02") == said(ctx, "F03") == ""


def test_f04_says_an_unread_code_paid_twice_in_a_month():
    ctx = money_context(roster(), ledger() + [pay(A, "王五", "2026-09", 516, item="01")])
    assert money(ctx, "F04") == []
    assert "1 户（九公桥镇 1 户）" in said(ctx, "F04")
    ctx = money_context(roster(), ledger())
    money(ctx, "F04")
    assert said(ctx, "F04") == ""


OUT = make_id("19410904", 185)
STRAY = make_id("19531010", 195)


def test_f03_says_a_payee_on_no_roster_paid_after_her_exit_under_an_unread_code():
    # held-out 252: 刘梅香, 终止供养 2026-05-12 and off the roster, paid June under 项目代码 02 (unread) and July–September
    # as 特困供养金: F03 counted three months of four (4,728 of 6,304) and 核查范围 said nothing
    rows = ledger("低保金") + [pay(OUT, "刘梅香", "2026-06", 1576, item="02", township="金石桥镇")]
    rows += [pay(OUT, "刘梅香", m, 1576, item="特困供养金", township="金石桥镇") for m in months("2026-07", "2026-09")]
    exits = {"exits": [{"name": "刘梅香", "id": OUT, "date": "2026-05-12", "reason": "终止供养"}]}
    ctx = money_context(roster(), rows, exits)
    assert money(ctx, "F03") == [("刘梅香", "高", 4728.0, None)]  # (the months read as the benefit, as before)
    assert said(ctx, "F03") == ("资金项目代码“02”未能识别、无法判断是否为保障金（可在配置文件 [common] 的 money_benefit_codes 或 "
                                "money_other_codes 中写明）：1 户（金石桥镇 1 户）只有这样发放的月份")
    assert ctx.cache[PARTLY_TOWNS + "F03"] == ["金石桥镇"]
    ctx = money_context(roster(), rows, exits)
    ctx.common["money_benefit_codes"] = ["02"]
    assert money(ctx, "F03") == [("刘梅香", "高", 6304.0, None)] and said(ctx, "F03") == ""


def test_f03_says_a_payee_on_no_roster_nor_list_paid_only_under_an_unread_code():
    # 不在册人员领取 judges the benefit's rows: a payee on no roster paid the roster's months only under 02 went unsaid
    rows = ledger("低保金") + [pay(STRAY, "龙石伟", m, 516, item="02") for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F03") == []
    assert said(ctx, "F03").endswith("：1 户（未填乡镇 1 户）只有这样发放的月份")
    ctx = money_context(roster(), rows)
    ctx.common["money_benefit_codes"] = ["02"]
    assert [f[0] for f in money(ctx, "F03")] == ["龙石伟"] and said(ctx, "F03") == ""


def test_f04_says_a_month_paid_the_benefit_and_under_an_unread_code():
    # held-out 252: 钟爱琴 paid June under 项目代码 01 (unread), then "补发6月" as 低保金 in August: F04 found it only with
    # 01 configured, and without said nothing
    rows = ledger("低保金") + [pay(C, "李四", "2026-06", 700, item="01"), pay(C, "李四", "2026-06", 700, remark="补发6月")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == []
    assert said(ctx, "F04") == ("资金项目代码“01”未能识别、无法判断是否为保障金（可在配置文件 [common] 的 money_benefit_codes 或 "
                                "money_other_codes 中写明）：1 户（白仓镇 1 户）同一月份另有保障金发放（如这也是保障金，即为重复发放）")
    ctx = money_context(roster(), rows)
    ctx.common["money_benefit_codes"] = ["01"]
    assert money(ctx, "F04") == [("李四", "高", 700.0, None)] and said(ctx, "F04") == ""
    ctx = money_context(roster(), rows)
    ctx.common["money_other_codes"] = ["01"]
    assert money(ctx, "F04") == [] and said(ctx, "F04") == ""


def test_f04_says_nothing_of_one_amount_paid_in_parts_or_an_unread_code_alone_in_its_month():
    # 350 under 01 beside 350 under 低保金, of an approved 700: one month's benefit in two parts, no duplicate whatever 01 is
    rows = ledger("低保金") + [pay(C, "李四", "2026-06", 350, item="01"), pay(C, "李四", "2026-06", 350)]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == [] and said(ctx, "F04") == ""
    ctx = money_context(roster(), ledger() + [pay(C, "李四", "2026-06", 700, item="01")])
    assert money(ctx, "F04") == [] and said(ctx, "F04") == ""


def test_unread_words_name_the_item_keys():
    ctx = money_context(roster(), ledger("生活补助"))
    money(ctx, "F06")
    assert said(ctx, "F06").startswith("资金项目“生活补助”未能识别") and "money_benefit_items 或 money_other_items" in said(ctx, "F06")


# OK: nothing unread, or the code configured, or the household paid the benefit that month too
def test_nothing_said_when_the_items_are_read():
    ctx = money_context(roster(), ledger("低保金"))
    assert money(ctx, "F06") == [] and money(ctx, "F05") == []
    assert said(ctx, "F05") == said(ctx, "F06") == "" and partly_checked(ctx, {}, ["F05", "F06"]) == {}
    ctx = money_context(roster(), ledger())
    ctx.common["money_benefit_codes"] = ["01"]
    assert money(ctx, "F06") == [] and money(ctx, "F05") == []
    assert said(ctx, "F05") == said(ctx, "F06") == ""
    ctx = money_context(roster(), ledger() + [pay(A, "王五", m, 516) for m in months("2026-07", "2026-09")])
    ctx.common["money_other_codes"] = []
    money(ctx, "F06")
    money(ctx, "F05")
    assert said(ctx, "F05") == said(ctx, "F06") == ""  # (01 beside the benefit: another item, the benefit checked)


def _audit_by_township(tmp_path, wang: tuple[str, int], zhao_item: str):
    """Audit tmp_path/roster.xlsx by township (the CLI) with a ledger of July–September: 张三 900 and 李四 600 under 低保金,
    王五 under ``wang`` (item, amount), 赵六 600 under ``zhao_item``."""
    from filebuild import LI, WANG, ZHANG, ZHAO
    from typer.testing import CliRunner

    from rostercheck.cli import app

    ledger_ = tmp_path / "发放明细.csv"
    lines = ["姓名,身份证号,资金项目,所属月份,发放金额,发放状态"]
    for m in months("2026-07", "2026-09"):
        lines += [f"张三,{ZHANG},低保金,{m},900,成功", f"李四,{LI},低保金,{m},600,成功",
                  f"王五,{WANG},{wang[0]},{m},{wang[1]},成功", f"赵六,{ZHAO},{zhao_item},{m},600,成功"]
    ledger_.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return CliRunner().invoke(app, ["audit", str(tmp_path / "roster.xlsx"), "--payments", str(ledger_), "--as-of",
                                    "2026-09-30", "--by-township", "--out", str(tmp_path / "out")])


def test_the_township_paid_so_gets_its_workbook_saying_it(tmp_path):
    # held-out 240: 九公桥镇 had no finding, so --by-township sent it nothing, and the county's 核查范围 said F06
    # "已核查，未发现问题"
    import json

    import openpyxl
    from filebuild import county_q3, write_roster

    write_roster(tmp_path / "roster.xlsx", county_q3())
    res = _audit_by_township(tmp_path, wang=("01", 300), zhao_item="01")
    assert res.exit_code in (0, 1), res.output
    assert "F06 部分未检查：资金项目代码“01”未能识别" in res.output
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["partly_checked"]["F06"].endswith("2 户（河口乡 2 户）只有这样发放的月份")
    book = openpyxl.load_workbook(tmp_path / "out" / "乡镇" / "河口乡_问题清单.xlsx")
    scope_ = {r[0]: r[2] for r in book["核查范围"].iter_rows(values_only=True)}
    assert scope_["F06"].startswith("部分未检查（资金项目代码“01”未能识别")


# ---- households whose roster gives no approved amount (held-out 245) ----
B = make_id("19820202", 122)
D = make_id("19600606", 161)
F = make_id("19580707", 171)


def amount_roster(amount):
    """王五 (九公桥镇) with ``amount`` as his 月保障金 cell (None: no cell), beside two households given theirs."""
    own = {} if amount is None else {"benefit": amount}
    return (household("王五", A, township="九公桥镇", **own) + household("李四", C, benefit=700, township="白仓镇")
            + household("陈一", E, benefit=800, township="白仓镇"))


def amount_ledger(paid=696):
    return [pay(x, n, m, a) for m in months("2026-07", "2026-09") for x, n, a in ((A, "王五", paid), (C, "李四", 700), (E, "陈一", 800))]


# Errors (before): 王五 paid 696 a month, nothing to compare it with, and F05 "已核查，未发现问题"
@pytest.mark.parametrize("amount, why", [
    (None, "花名册《低保花名册.xlsx》未填核定金额（月保障金、供养标准）"),
    ("待定", "花名册《低保花名册.xlsx》的核定金额（月保障金、供养标准）写的不是金额（“待定”）"),
    (0, "花名册《低保花名册.xlsx》的核定金额（月保障金、供养标准）为 0"),
])
def test_f05_says_the_households_whose_roster_gives_no_amount(amount, why):
    ctx = money_context(amount_roster(amount), amount_ledger())
    assert money(ctx, "F05") == []  # no amount made up
    assert said(ctx, "F05") == f"{why}：1 户（九公桥镇 1 户）的发放金额未与核定金额比对"
    assert ctx.cache[PARTLY_TOWNS + "F05"] == ["九公桥镇"]
    assert partly_checked(ctx, {}, ["F05"])["F05"] == said(ctx, "F05")


def test_f05_names_a_roster_without_an_amount_column():
    rows = [{k: v for k, v in r.items() if k != "benefit"} for r in amount_roster(500)]
    ctx = money_context(rows, amount_ledger())
    assert money(ctx, "F05") == []
    assert said(ctx, "F05") == ("花名册《低保花名册.xlsx》没有核定金额（月保障金、供养标准）列：3 户（白仓镇 2 户、九公桥镇 1 户）"
                                "的发放金额未与核定金额比对")


def test_f06_says_why_it_owes_no_amount():
    # 王五 unpaid in August: 应发未发 stands, the amount to repay cannot be read, and the evidence says why
    rows = [r for r in amount_ledger() if not (r["id"] == A and r["month"] == "2026-08")]
    found = findings(money_context(amount_roster("待定"), rows), "F06")
    assert len(found) == 1 and found[0].repay is None
    assert found[0].evidence.endswith("花名册的核定金额写的不是金额（“待定”），请核实应补发金额")
    found = findings(money_context(amount_roster(None), rows), "F06")
    assert found[0].evidence.endswith("花名册未写核定金额，请核实应补发金额")  # (as before)


# OK: the amount given, or the household not paid in a month compared (F06's)
def test_nothing_said_of_households_given_an_amount_or_not_paid():
    ctx = money_context(amount_roster(516), amount_ledger())
    assert money(ctx, "F05") == [("王五", "高", 180.0 * 3, None)]
    assert said(ctx, "F05") == ""
    rows = [r for r in amount_ledger() if r["id"] != A]
    ctx = money_context(amount_roster(None), rows)
    assert money(ctx, "F05") == [] and said(ctx, "F05") == ""


def test_each_township_is_told_its_own_households():
    # a fix-s33a left-over: every township's 核查范围 repeated the county's count of households paid only under 01
    rost = (household("王五", A, benefit=516, township="九公桥镇") + household("赵二", B, benefit=516, township="九公桥镇")
            + household("李四", C, benefit=700, township="白仓镇") + household("陈一", E, benefit=800, township="白仓镇")
            + household("周三", D, benefit=600, township="城关镇") + household("吴四", F, benefit=600, township="城关镇"))
    rows = [pay(x, n, m, a, item="01" if x in (A, B, C) else "低保金") for m in months("2026-07", "2026-09")
            for x, n, a in ((A, "王五", 516), (B, "赵二", 516), (C, "李四", 700), (E, "陈一", 800), (D, "周三", 600),
                            (F, "吴四", 600))]
    ctx = money_context(rost, rows)
    money(ctx, "F06")
    county = partly_checked(ctx, {}, ["F06"])["F06"]
    assert county.endswith("：3 户（九公桥镇 2 户、白仓镇 1 户）只有这样发放的月份")
    elsewhere, by_town = partly_checked_by_town(ctx, {}, ["F06"])
    assert by_town["九公桥镇"]["F06"].endswith("中写明）：2 户只有这样发放的月份")
    assert by_town["白仓镇"]["F06"].endswith("中写明）：1 户只有这样发放的月份")
    assert set(by_town) == {"九公桥镇", "白仓镇"} and elsewhere == {}  # (城关镇: nothing of its own to say)


def test_a_former_payee_paid_only_under_an_unread_code_is_said_f07_unchecked():
    # F07 asks to change the payee of a household's own account paid under a person on no roster (its former head):
    # it read the benefit's rows only, and a household paid so only under 01 went unsaid
    rost = household("王芳", B, benefit=516, bank_account="6228480012345678") + household("李四", C, benefit=700)
    rows = [pay(A, "陈国强", m, 516, item="01", bank_account="6228480012345678") for m in months("2026-07", "2026-09")]
    rows += [pay(C, "李四", m, 700, bank_account="6228480099999999") for m in months("2026-07", "2026-09")]
    ctx = money_context(rost, rows)
    assert money(ctx, "F07") == []
    assert said(ctx, "F07").startswith("资金项目代码“01”未能识别") and "1 户（城关镇 1 户）只有这样发放的月份" in said(ctx, "F07")
    ctx = money_context(rost, [{**r, "item": "低保金"} for r in rows])
    assert money(ctx, "F07") == [("王芳", "低", None, None)] and said(ctx, "F07") == ""


def test_a_holder_paid_only_under_an_unread_code_is_not_said_paid_other_money():
    rows = [pay(A, "王五", m, 516, item="01", holder="赵大勇", bank_account="6228480012345678") for m in months("2026-07", "2026-09")]
    found = findings(money_context(roster(), rows + ledger()[3:]), "F07")
    assert len(found) == 1 and "只有保障金以外的资金" not in found[0].evidence
    assert "资金项目“01”未能识别、无法判断是否为保障金" in found[0].evidence


def test_a_roster_of_formulas_without_values_is_said_per_township(tmp_path):
    # held-out 245: 月保障金 = 人数 × 标准 as formulas a program wrote, no value saved; the console warned, but F05 said
    # "已核查，未发现问题" and run.json's partly_checked had no F05 (a 180 元 多发 missed)
    import json

    import openpyxl
    from filebuild import LI, ROSTER_HEADER, county_q3

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["清河县2026年第三季度农村低保花名册"])
    ws.append(ROSTER_HEADER + ["月保障金"])
    for k, row in enumerate(county_q3(), start=3):
        # 李四's household typed its amount; the others are formulas (openpyxl saves no value of them)
        ws.append(row + [600 if row[3] == LI else f"=I{k}*300"])
    book.save(tmp_path / "roster.xlsx")
    res = _audit_by_township(tmp_path, wang=("低保金", 480), zhao_item="低保金")
    assert res.exit_code in (0, 1), res.output
    why = "花名册《roster.xlsx》的核定金额（月保障金、供养标准）是公式，文件中没有保存计算结果（请用 Excel 或 WPS 打开该文件，保存后重新运行）"
    assert f"F05 部分未检查：{why}：3 户（河口乡 2 户、城关镇 1 户）的发放金额未与核定金额比对" in res.output.replace("\n", "")
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["partly_checked"]["F05"] == f"{why}：3 户（河口乡 2 户、城关镇 1 户）的发放金额未与核定金额比对"
    for town, n in (("城关镇", 1), ("河口乡", 2)):
        book = openpyxl.load_workbook(tmp_path / "out" / "乡镇" / f"{town}_问题清单.xlsx")
        scope_ = {r[0]: r[2] for r in book["核查范围"].iter_rows(values_only=True)}
        assert scope_["F05"] == f"部分未检查（{why}：{n} 户的发放金额未与核定金额比对，这部分未核查），已核查的部分未发现问题"
    book = openpyxl.load_workbook(tmp_path / "out" / "问题清单.xlsx")
    scope_ = {r[0]: r[2] for r in book["核查范围"].iter_rows(values_only=True)}
    assert "3 户（河口乡 2 户、城关镇 1 户）" in scope_["F05"]


def test_farm_subsidies_in_a_yikatong_export_are_other_money_not_unread():
    # held-out 334: the 惠民惠农“一卡通” export holds every subsidy; 耕地地力保护补贴 beside the benefit made F04 "部分未检查"
    # for 50 households ("如这也是保障金，即为重复发放") and 退耕还林补助, 农机购置补贴 unread
    rows = ledger("低保金") + [pay(C, "李四", "2026-08", 356.5, item="耕地地力保护补贴"), pay(E, "陈一", "2026-08", 240, item="退耕还林补助"),
                               pay(A, "王五", "2026-07", 8500, item="农机购置补贴")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == [] and said(ctx, "F04") == ""
    assert money(ctx, "F05") == []
