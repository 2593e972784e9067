"""A finance office's quarterly books (h426): a sheet per township, a title, a unit line and a 合计 row, one amount
column headed by the quarter (第四季度) beside a 所属期 of 2025年10-12月, or the quarter named by the title alone; and a
bank's township return files whose 摘要 names the department's money (民政资金) rather than the item."""

import datetime as dt

import openpyxl
import pytest
from money import findings, household, make_id, money, money_context, months, pay

from rostercheck.io.ledgers import load_ledgers
from rostercheck.rules._money import benefit_item, params

AS_OF = dt.date(2026, 9, 30)
A = make_id("19800101", 111)
B = make_id("19820202", 122)
C = make_id("19500303", 133)


def book(path, sheets, title, sub=""):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, (header, rows) in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([title])
        ws.append([f"乡镇：{name}", "", "", sub, "", "单位：元"])
        ws.append(header)
        for row in rows:
            ws.append(row)
        ws.append(["合计", "", "", "", "", sum(r[header.index(next(h for h in header if "季度" in h))] for r in rows)])
    wb.save(path)
    return path


def got(frame):
    names = [n or h for n, h in zip(frame["name"], frame["head_name"])]
    return sorted((n, m, round(a, 2)) for n, m, a in zip(names, frame["month"], frame["amount"]))


def test_a_lone_quarter_column_beside_its_period_pays_the_months_the_period_names(tmp_path):
    # h426: "无法识别为资金发放明细：找不到发放金额列", the whole quarter's book skipped
    header = ["序号", "村（社区）", "姓名", "身份证号码", "资金项目", "第一季度", "所属期", "备注"]
    sheets = {"宝丰镇": (header, [[1, "宝丰村", "张三", A, "城乡低保金", 1020, "2026年1-3月", ""],
                                  [2, "宝丰村", "张三", A, "春节一次性生活补贴", 200, "2026年1月", ""]]),
              "溢水镇": (header, [[1, "溢水村", "李四", B, "城乡低保金", 340, "2026年1月", "2月起停保"]])}
    [table], frame, _ = load_ledgers([book(tmp_path / "2026年第一季度低保资金发放表.xlsx", sheets,
                                           "竹山县2026年第一季度城乡低保资金发放表")], AS_OF)
    assert got(frame) == sorted([("张三", m, 340.0) for m in months("2026-01", "2026-03")]
                                + [("张三", "2026-01", 200.0), ("李四", "2026-01", 340.0)])


@pytest.mark.parametrize("sub", ["", "所属期：2025年10-12月"])
def test_a_lone_quarter_column_without_a_period_column_pays_the_quarter_its_title_names(tmp_path, sub):
    header = ["序号", "村（社区）", "姓名", "身份证号码", "资金项目", "第四季度", "备注"]
    sheets = {"城关镇": (header, [[1, "南关社区", "张三", A, "城乡低保金", 1560, ""]])}
    [table], frame, _ = load_ledgers([book(tmp_path / "2025年第四季度低保资金发放表.xlsx", sheets,
                                           "竹山县2025年第四季度城乡低保资金发放表", sub)], AS_OF)
    assert got(frame) == [("张三", m, 520.0) for m in months("2025-10", "2025-12")]


def test_a_quarter_column_of_period_texts_is_no_amount(tmp_path):
    # must not: 第三季度 holding '2026年第三季度' beside 发放金额 is the period, not the money
    header = ["姓名", "身份证号码", "第三季度", "发放金额", "所属期"]
    wb = openpyxl.Workbook()
    for row in [header, ["张三", A, "2026年第三季度", 520, "2026年7月"], ["李四", B, "2026年第三季度", 340, "2026年8月"]]:
        wb.active.append(row)
    wb.save(path := tmp_path / "发放表.xlsx")
    [table], frame, _ = load_ledgers([path], AS_OF)
    assert got(frame) == [("张三", "2026-07", 520.0), ("李四", "2026-08", 340.0)]


@pytest.mark.parametrize("item, benefit", [
    ("民政资金", True), ("救助资金", True), ("补发7月民政资金", True), ("民政资金（补发6月）", True),
    ("7月补发民政资金", True), ("社会救助资金", True), ("代发工资", True), ("城乡低保金", True),
    # must not: another item, whether back-paid or not, and words around the department's money
    ("物价补贴", False), ("补发7月物价补贴", False), ("民政资金物价补贴", False), ("护理补贴", False),
])
def test_a_banks_word_for_the_departments_money_is_the_benefit(item, benefit):
    assert benefit_item(item, params(money_context(roster(), [pay(A, "侯传红", "2026-07", 680)]))) is benefit


def roster():
    return (household("侯传红", A, benefit=680, bank_account="6217000011112222")
            + household("程桂兰", B, benefit=340, bank_account="6217000033334444"))


def test_a_failed_month_re_paid_under_the_departments_money_is_paid():
    # h426: July 户名不符, re-paid in August as '补发7月民政资金' (an unknown item, so July stayed unpaid: F06); August's
    # '民政资金' twice is a duplicate (F04, missed as 其他资金)
    rows = [pay(A, "侯传红", "2026-07", 680, item="民政资金", status="户名不符"),
            pay(A, "侯传红", "2026-07", 680, item="补发7月民政资金", status="入账成功"),
            pay(A, "侯传红", "2026-08", 680, item="民政资金", status="入账成功"),
            pay(A, "侯传红", "2026-09", 680, item="民政资金", status="入账成功")]
    rows += [pay(B, "程桂兰", m, 340, item="民政资金", status="入账成功") for m in months("2026-07", "2026-09")]
    rows.append(pay(B, "程桂兰", "2026-08", 340, item="民政资金", status="入账成功"))
    ctx = money_context(roster(), rows, as_of=AS_OF)
    assert money(ctx, "F06") == []
    assert money(ctx, "F04") == [("程桂兰", "高", 340.0, None)]


def test_the_items_notice_counts_back_pay_under_its_item_and_each_file_once():
    # h426: "另有 4 项共 8 个文件（其中城乡低保金、民政资金、补发7月民政资金、补发6月民政资金…）"; folded, the August file
    # was counted three times for 民政资金
    from rostercheck.rules._money import ledger

    rows = [pay(A, "侯传红", m, 680, item="民政资金", _file=f"溢水镇代发结果{m}.csv") for m in months("2026-07", "2026-08")]
    rows += [pay(A, "侯传红", "2026-06", 680, item="补发6月民政资金", _file="溢水镇代发结果2026-08.csv"),
             pay(A, "侯传红", "2026-05", 680, item="补发5月民政资金", _file="溢水镇代发结果2026-08.csv")]
    ctx = money_context(roster()[:1], rows, as_of=AS_OF)
    ctx.lists["payments"]["_file"] = [r.pop("_file") for r in rows]
    ledger(ctx)
    assert ctx.cache["money:items"] == ["资金发放明细（2 个文件）按保障金核对的项目：民政资金；其他资金（不核对）：无"]


@pytest.mark.parametrize("item, bare", [
    ("补发7月民政资金", "民政资金"), ("低保金（补发6月）", "低保金"), ("低保金(补发2026年6月)", "低保金"),
    ("3-5月补发低保金", "低保金"),
    # must stay as written: no month back-paid named (the money bench's '低保金(补发)' became '低保金(补发')
    ("低保金(补发)", "低保金(补发)"), ("低保金", "低保金"),
])
def test_an_items_words_without_its_back_pay(item, bare):
    from rostercheck.rules._money import item_without_back_pay

    assert item_without_back_pay(item) == bare


def test_an_unnamed_smaller_row_beside_the_usual_benefit_is_other_money():
    # h426: a township's bank file writes 民政资金 for every row: August's 物价补贴 (80) beside the benefit was F04 高
    # and the 护理补贴 (320) beside a 特困 person's 1,040 every month F04 高 too
    rows = [pay(A, "侯传红", m, 680, item="民政资金", status="入账成功") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "侯传红", "2026-08", 80, item="民政资金", status="入账成功"))
    rows += [pay(B, "程桂兰", m, 340, item="", status="入账成功") for m in months("2026-07", "2026-09")]
    rows += [pay(B, "程桂兰", m, 120, item="", status="入账成功") for m in months("2026-07", "2026-09")]  # (a tie)
    ctx = money_context(roster(), rows, as_of=AS_OF)
    assert money(ctx, "F04") == []
    assert money(ctx, "F05") == []
    assert [n for n in ctx.cache["money:items"] if "未写明是哪一项" in n]


@pytest.mark.parametrize("item, second, expected", [
    ("民政资金", 680, [("侯传红", "高", 680.0, None)]),  # must flag: the benefit twice, one amount
    # must not: a one-off grant of 1,000 in its own transfer of 民政资金 beside her usual benefit (the trap)
    ("民政资金", 1000, []),
    ("低保金", 1000, [("侯传红", "高", 680.0, None)]),  # must flag: the benefit named twice
])
def test_unnamed_rows_of_the_usual_amount_stay_duplicates_and_another_amount_is_other_money(item, second, expected):
    rows = [pay(A, "侯传红", m, 680, item=item, status="入账成功") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "侯传红", "2026-08", second, item=item, status="入账成功"))
    ctx = money_context(roster(), rows, as_of=AS_OF)
    assert money(ctx, "F04") == expected
    assert money(ctx, "F05") == []


def test_unlike_unnamed_amounts_none_her_benefit_are_a_duplicate_at_most_medium():
    # two transfers of 民政资金 in August, neither her usual 680: one may be a grant, the other her benefit cut (F04 中)
    rows = [pay(A, "侯传红", m, 680, item="民政资金", status="入账成功") for m in months("2026-07", "2026-09")]
    rows[1]["amount"] = 700
    rows.append(pay(A, "侯传红", "2026-08", 1000, item="民政资金", status="入账成功"))
    assert money(money_context(roster(), rows, as_of=AS_OF), "F04") == [("侯传红", "中", 700.0, None)]


def test_an_unnamed_subsidy_beside_the_benefit_after_death_is_not_recovered():
    # the benefit after death is F01's; the 物价补贴 the bank wrote as 民政资金 beside it is not (other money)
    rows = [pay(A, "侯传红", m, 680, item="民政资金", status="入账成功") for m in months("2026-06", "2026-09")]
    rows.append(pay(A, "侯传红", "2026-08", 80, item="民政资金", status="入账成功"))
    ctx = money_context(roster(), rows, {"deaths": [{"name": "侯传红", "id": A, "date": "2026-06-20"}]}, as_of=AS_OF)
    assert money(ctx, "F01") == [("侯传红", "高", 680.0 * 3, None)]


def test_an_unnamed_subsidy_beside_a_benefit_paid_more_this_quarter_is_other_money():
    # h426: paid 640 to June (named 城乡低保金 in the finance books), 740 from July in the bank's files as 救助金, and
    # August's 物价补贴 as 救助金 too: 740 was not her 'usual' 640, so the 80 beside it stayed F04 高
    rows = [pay(A, "侯传红", m, 640, item="城乡低保金") for m in months("2025-10", "2026-06")]
    rows += [pay(A, "侯传红", m, 740, item="救助金", status="入账成功") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "侯传红", "2026-08", 80, item="救助金", status="入账成功"))
    assert money(money_context(roster(), rows, as_of=AS_OF), "F04") == []


@pytest.mark.parametrize("status, failed", [
    # h426: a bank's 回盘 failure reasons read as paid ("未能识别……已按发放成功计"): the unpaid month never F06
    ("户名账号不一致", True), ("户名不匹配", True), ("卡已挂失", True), ("久悬户", True), ("睡眠户止付", True),
    ("账户冻结", True), ("户名不符", True),
    # must not: paid
    ("入账成功", False), ("交易成功", False), ("已入账", False), ("成功", False),
])
def test_a_banks_failure_reasons_are_failures(status, failed):
    from rostercheck.rules._money import failed_status

    assert failed_status(status, params(money_context(roster(), [pay(A, "侯传红", "2026-07", 680)]))) is failed


def test_a_month_whose_payment_the_bank_returned_for_a_name_mismatch_is_unpaid():
    rows = [pay(A, "侯传红", m, 680, item="城乡低保金", status="入账成功") for m in months("2026-07", "2026-08")]
    rows.append(pay(A, "侯传红", "2026-09", 680, item="城乡低保金", status="户名账号不一致"))
    rows += [pay(B, "程桂兰", m, 340, item="城乡低保金", status="入账成功") for m in months("2026-07", "2026-09")]
    assert money(money_context(roster(), rows, as_of=AS_OF), "F06") == [("侯传红", "高", None, 680.0)]


@pytest.mark.parametrize("item, confidence", [
    ("民政资金", "中"), ("代发", "中"),  # the bank's word alone: the benefit and a subsidy may be one transfer
    ("低保金", "高"), ("", "高"),  # must stay 高: the row names the benefit, or names nothing (the file's item)
])
def test_more_than_the_benefit_paid_under_the_departments_word_alone_is_at_most_medium(item, confidence):
    rows = [pay(A, "侯传红", m, 680, item=item, status="入账成功") for m in months("2026-07", "2026-09")]
    rows[1]["amount"] = 760  # August: 680 + an 80 物价补贴 in one transfer, or 80 paid over
    ctx = money_context(roster(), rows, as_of=AS_OF)
    assert money(ctx, "F05") == [("侯传红", confidence, 80.0, None)]
    said = findings(ctx, "F05")[0].evidence
    assert ("未写明是保障金" in said) == (confidence == "中")


def test_less_than_the_benefit_paid_under_the_departments_word_stays_high():
    rows = [pay(A, "侯传红", m, 680, item="民政资金", status="入账成功") for m in months("2026-07", "2026-09")]
    rows[1]["amount"] = 600
    assert money(money_context(roster(), rows, as_of=AS_OF), "F05") == [("侯传红", "高", None, 80.0)]
