"""Payments under an unread 资金项目 (a system's code 01 not configured): the money checks that could not look at them
say so in 核查范围, never "已核查，未发现问题" of those households (held-out 240: 九公桥镇's 48 households, paid only
under 01 all year, were F06's and F05's "未发现问题")."""

from money import household, make_id, money, money_context, months, pay

from rostercheck.audit import findings_frame, partly_checked
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
    assert table["核查情况"].str.startswith("已核查，未发现问题（资金项目代码“01”未能识别").all()
    assert table["核查情况"].str.endswith("只有这样发放的月份，这部分未核查）").all()


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


def test_the_township_paid_so_gets_its_workbook_saying_it(tmp_path):
    # held-out 240: 九公桥镇 had no finding, so --by-township sent it nothing, and the county's 核查范围 said F06
    # "已核查，未发现问题"
    import json

    import openpyxl
    from filebuild import LI, WANG, ZHANG, ZHAO, county_q3, write_roster
    from typer.testing import CliRunner

    from rostercheck.cli import app

    write_roster(tmp_path / "roster.xlsx", county_q3())
    ledger = tmp_path / "发放明细.csv"
    lines = ["姓名,身份证号,资金项目,所属月份,发放金额,发放状态"]
    for m in months("2026-07", "2026-09"):
        lines += [f"张三,{ZHANG},低保金,{m},900,成功", f"李四,{LI},低保金,{m},600,成功",
                  f"王五,{WANG},01,{m},300,成功", f"赵六,{ZHAO},01,{m},600,成功"]
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    res = CliRunner().invoke(app, ["audit", str(tmp_path / "roster.xlsx"), "--payments", str(ledger), "--as-of",
                                   "2026-09-30", "--by-township", "--out", str(tmp_path / "out")])
    assert res.exit_code in (0, 1), res.output
    assert "F06 部分未检查：资金项目代码“01”未能识别" in res.output
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["partly_checked"]["F06"].endswith("2 户（河口乡 2 户）只有这样发放的月份")
    book = openpyxl.load_workbook(tmp_path / "out" / "乡镇" / "河口乡_问题清单.xlsx")
    scope_ = {r[0]: r[2] for r in book["核查范围"].iter_rows(values_only=True)}
    assert scope_["F06"].startswith("已核查，未发现问题（资金项目代码“01”未能识别")
