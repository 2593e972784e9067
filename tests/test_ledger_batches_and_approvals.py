"""Ledgers and exit lists in shapes held-out county h455 (郁南县) gave: a bank's 代发回单 with the payer's 付款账号 |
付款户名 before the payee's and a 处理状态 beside its 交易结果, a 用途 naming the month with a two-digit year
(26年7月低保金), a 发放批次 sheet beside a 发放明细 sheet joined by 批次号, and an exit list exported from an approval
system (审批结果 同意/不同意/退回修改, 停发月份 2026年4月)."""

import datetime as dt

import openpyxl
import pytest
from money import findings, household, make_id, money_context, months, pay

from rostercheck.io.columns import assign_columns
from rostercheck.io.ledgers import load_ledgers, read_ledger
from rostercheck.io.read import XLSX, Grid
from rostercheck.io.table import legend_text
from rostercheck.normalize.values import item_month

BANK = ["交易流水号", "付款账号", "付款户名", "收款账号", "收款户名", "证件号码", "交易金额", "用途", "处理状态", "交易结果", "失败原因"]


@pytest.mark.parametrize("labels, field, col", [
    # must read the payee's side: the bureau's 付款账号 | 付款户名 come first in a bank's return (h455: read as every
    # household's account, 121 F07 中 "户名 郁南县民政局")
    (BANK, "bank_account", 3),
    (BANK, "holder", 4),
    (["付方账号", "付方户名", "收方账号", "收方户名", "身份证号", "金额"], "bank_account", 2),
    (["转出账号", "转出户名", "转入账号", "转入户名", "身份证号", "金额"], "holder", 3),
    # … and its 收款人名称, the account's holder (h455: unread, a stranger's account no F07)
    (["付款人账号", "付款人名称", "收款人账号", "收款人名称", "证件号码", "金额", "交易状态"], "holder", 3),
    (["付款人账号", "付款人名称", "收款人账号", "收款人名称", "证件号码", "金额", "交易状态"], "bank_account", 2),
    (["收方账号", "收方名称", "身份证号", "金额"], "holder", 1),
    # must stay: a 收款人姓名 beside a 保障对象姓名 is who took the money; alone it is the payee's name
    (["保障对象姓名", "身份证号", "收款人姓名", "账号", "金额"], "holder", 2),
    (["收款人姓名", "证件号码", "收款账号", "金额"], "name", 0),
    # … and the 交易结果, not the 处理状态 every row shares (已处理, failed rows too)
    (BANK, "status", 9),
    (["姓名", "身份证号", "金额", "处理结果", "处理状态"], "status", 3),
    # must stay read: a 处理状态 alone, the only status column; a bank file with no payer's columns
    (["姓名", "身份证号", "账号", "户名", "金额", "处理状态"], "status", 5),
    (["收款人姓名", "证件号码", "收款账号", "收款户名", "交易金额", "交易状态"], "bank_account", 2),
    (["收款人姓名", "证件号码", "收款账号", "收款户名", "交易金额", "交易状态"], "status", 5),
])
def test_bank_return_columns(labels, field, col):
    assert assign_columns(labels, "payments").mapping.get(field) == col


@pytest.mark.parametrize("cell, read", [
    # must read the month a two-digit year names (a bank's 用途)
    ("26年7月低保金", ("2026-07", "低保金")),
    ("25年10月低保金", ("2025-10", "低保金")),
    ("26年5月低保金补发", ("2026-05", "低保金补发")),
    ("26年7月份物价补贴", ("2026-07", "物价补贴")),
    # must stay as before
    ("2026年7月低保金", ("2026-07", "低保金")),
    ("低保金202607", ("2026-07", "低保金")),
    # must name no month: not an item's words, a three-digit number, a day
    ("26年7月死亡", None),
    ("126年7月低保金", None),
    ("低保金", None),
])
def test_item_month_with_a_two_digit_year(cell, read):
    assert item_month(cell) == read


A = make_id("19400101", 111)
B = make_id("19420202", 122)
C = make_id("19700303", 131)


def _batch_book(path, with_batches=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "发放批次"
    ws.append(["批次号", "资金项目", "所属月份", "发放日期", "笔数", "金额合计"])
    batches = {"P01": ("低保金", "202607", "2026-07-10"), "P02": ("物价补贴", "202607", "2026-07-18"),
               "P03": ("低保金", "202608", "2026-08-10"), "P04": ("低保金", "202607", "2026-08-20")}
    for no, (item, month, day) in batches.items():
        ws.append([no, item, month, day, 2, 1000])
    if not with_batches:
        wb.remove(ws)
    d = wb.create_sheet("发放明细")
    d.append(["批次号", "序号", "姓名", "身份证号", "账号", "户名", "发放金额", "发放状态"])
    d.append(["P01", 1, "王老汉", A, "6228480012345678", "王老汉", 500, "成功"])
    d.append(["P01", 2, "李四", C, "6228480099999999", "李四", 700, "失败"])
    d.append(["P02", 1, "王老汉", A, "6228480012345678", "王老汉", 30, "成功"])
    d.append(["P03", 1, "王老汉", A, "6228480012345678", "王老汉", 500, "成功"])
    d.append(["P04", 1, "李四", C, "6228480099999999", "李四", 700, "成功"])
    wb.save(path)
    return path


def test_a_batch_sheet_gives_the_details_their_month_and_item(tmp_path):
    # must read each payment's month and item from its batch (P04: back pay for July made in August)
    table, frame = read_ledger(_batch_book(tmp_path / "发放.xlsx"), dt.date(2026, 9, 30))
    got = list(zip(frame["name"].astype(str), frame["month"].astype(str), frame["item"].astype(str),
                   frame["amount"].astype(str)))
    assert got == [("王老汉", "202607", "低保金", "500"), ("李四", "202607", "低保金", "700"),
                   ("王老汉", "202607", "物价补贴", "30"), ("王老汉", "202608", "低保金", "500"),
                   ("李四", "202607", "低保金", "700")]
    assert any("按批次号从工作表“发放批次”取得所属月份、资金项目、发放日期（5 行）" in w for w in table.warnings)
    assert not any("找不到身份证号列" in w for w in table.warnings)


def test_details_without_a_batch_sheet_stay_as_before(tmp_path):
    # must not invent months: no batch sheet, the 批次号 stays a column of no field
    table, frame = read_ledger(_batch_book(tmp_path / "发放_202607.xlsx", with_batches=False), dt.date(2026, 9, 30))
    assert not any("按批次号" in w for w in table.warnings)
    assert set(frame["month"].astype(str)) <= {"", "nan", "None", "2026-07"}


def _roster():
    return (household("王老汉", A, benefit=500, bank_account="6228480012345678")
            + household("李四", C, benefit=700, bank_account="6228480099999999"))


def _approvals(path, rows, date_label="停发月份"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["审批编号", "申请类型", "户主姓名", "户主身份证号", "原因", "审批结果", "审批日期", date_label])
    for k, (name, pid, outcome, when) in enumerate(rows, 1):
        ws.append([f"SP{k:03d}", "停保", name, pid, "收入超过保障标准", outcome, "2026-03-25", when])
    wb.save(path)
    return path


def _paid():
    return ([pay(A, "王老汉", m, 500) for m in months("2026-01", "2026-09")]
            + [pay(C, "李四", m, 700) for m in months("2026-01", "2026-09")])


@pytest.mark.parametrize("outcome, stopped", [
    # must stop: approved
    ("同意", True), ("审批通过", True), ("", True),
    # must not stop: refused, sent back, withdrawn, pending
    ("不同意", False), ("退回修改", False), ("不予批准", False), ("驳回", False), ("撤回", False), ("审批中", False),
])
def test_an_exit_not_approved_stops_nothing(tmp_path, outcome, stopped):
    path = _approvals(tmp_path / "停保审批表.xlsx", [("王老汉", A, outcome, "2026-06-15")], "停保日期")
    got = findings(money_context(_roster(), _paid(), files={"exits": path}), "F03")
    assert [(f.confidence, f.recover) for f in got] == ([("高", 1500.0)] if stopped else [])


@pytest.mark.parametrize("label, when, recover", [
    # 停发月份 names the first month not paid: April to September recovered (h455: from May, a month short)
    ("停发月份", "2026年4月", 3000.0),
    ("停发年月", "2026-04", 3000.0),
    ("停发年月", "202604", 3000.0),
    ("停发月份", dt.datetime(2026, 4, 1), 3000.0),  # (a date cell formatted as a month)
    # must stay as before: a day the household left on, next month stopped (次月停发)
    ("停保日期", "2026-04-15", 2500.0),
    ("停发日期", "2026-04-15", 2500.0),
    ("停保日期", "2026年4月", 2500.0),
    ("停保日期", dt.datetime(2026, 4, 1), 2500.0),
    ("停发月份", "2026-04-15", 2500.0),  # (a day written: the day the household left)
])
def test_a_stop_month_is_the_first_month_not_paid(tmp_path, label, when, recover):
    path = _approvals(tmp_path / "停保审批表.xlsx", [("王老汉", A, "同意", when)], label)
    got = findings(money_context(_roster(), _paid(), files={"exits": path}), "F03")
    assert [(f.confidence, f.recover) for f in got] == [("高", recover)]


def _stops_and_resumptions(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["审批编号", "申请类型", "户主姓名", "户主身份证号", "审批结果", "停发月份", "恢复发放月份"])
    for k, (kind, name, pid, stop, back) in enumerate(rows, 1):
        ws.append([f"SP{k:03d}", kind, name, pid, "同意", stop, back])
    wb.save(path)
    return path


@pytest.mark.parametrize("rows, recover", [
    # must recover only March to May: stopped from March, resumed from June on another row (h455: March to September)
    ([("停保", "王老汉", A, "2026年3月", ""), ("恢复", "王老汉", A, "", "2026年6月")], 1500.0),
    # … the resumption listed first
    ([("恢复", "王老汉", A, "", "2026年6月"), ("停保", "王老汉", A, "2026年3月", "")], 1500.0),
    # must stay: another person's resumption, a resumption before the stop
    ([("停保", "王老汉", A, "2026年3月", ""), ("恢复", "李四", C, "", "2026年6月")], 3500.0),
    ([("恢复", "王老汉", A, "", "2026年2月"), ("停保", "王老汉", A, "2026年3月", "")], 3500.0),
])
def test_a_resumption_on_its_own_row_ends_the_stop(tmp_path, rows, recover):
    path = _stops_and_resumptions(tmp_path / "停保恢复审批表.xlsx", rows)
    got = findings(money_context(_roster(), _paid(), files={"exits": path}), "F03")
    assert [f.recover for f in got if "王老汉" in f.evidence] == [recover]


@pytest.mark.parametrize("header, said", [
    # must name the column a bare 代码 stands beside (h455: '代码 | 资金类别' read as no legend, 01/02 "未能识别")
    (["代码", "资金类别"], "资金类别：01低保金 02物价补贴"),
    (["编码", "发放状态"], "发放状态：01低保金 02物价补贴"),
    # must stay: a meaning header names no column (bound later, where one column can take it); a page's words no field
    (["代码", "说明"], "未写明列名的代码：01低保金 02物价补贴"),
    (["代码", "数据字典"], None),
    (["代码", "备注"], None),
])
def test_a_code_table_headed_by_the_column_it_explains(header, said):
    grid = Grid(path="发放.xlsx", sheet="代码说明", rows=[header, ["01", "低保金"], ["02", "物价补贴"]], first_row=1,
                merged=[], fmt=XLSX)
    last = legend_text([grid]).split("\n")[-1]
    assert (last if "：" in last else None) == said


def test_a_ledgers_item_codes_read_through_its_legend_sheet(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4-6月"
    ws.append(["姓名", "身份证号", "所属月份", "资金类别", "金额"])
    ws.append(["王老汉", A, "2026-04", "01", 500])
    ws.append(["王老汉", A, "2026-04", "02", 30])
    lg = wb.create_sheet("代码说明")
    lg.append(["代码", "资金类别"])
    lg.append(["01", "低保金"])
    lg.append(["02", "物价补贴"])
    wb.save(tmp_path / "发放.xlsx")
    table, _frame = read_ledger(tmp_path / "发放.xlsx", dt.date(2026, 9, 30))
    assert any("“资金类别”列的代码按工作簿的说明页中的说明读取（01低保金、02物价补贴）" in w for w in table.warnings)


SON = make_id("19900909", 151)
RAISED = [make_id("19410101", 201 + 10 * k) for k in range(6)]


def _member_left(path, when="2026年5月"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["审批编号", "申请类型", "户主姓名", "户主身份证号", "对象姓名", "对象身份证号", "原因", "审批结果", "停发月份"])
    ws.append(["SP001", "减员", "王老汉", A, "王小军", SON, "外出务工有稳定收入", "同意", when])
    wb.save(path)
    return path


@pytest.mark.parametrize("paid, recover", [
    # must not flag: the member's 减员 from May, the two left paid 2 × 516 until July's raise, 2 × 546 after it — the
    # roster's 1,092 (h455: July–September "应追回超出部分 60" a month at 中, against April's 1,548 for three)
    (lambda m: 1548 if m < "2026-05" else 1032 if m < "2026-07" else 1092, None),
    # must flag his share: never cut, 3 × 516 then 3 × 546 after the raise
    (lambda m: 1548 if m < "2026-07" else 1638, 516.0 * 2 + 546.0 * 3),
])
def test_a_member_gone_before_a_raise_owes_nothing_once_the_rest_are_paid_the_raised_amount(tmp_path, paid, recover):
    rost = household("王老汉", A, [("李梅", "配偶", B)], benefit=1092)
    rost += [r for k, pid in enumerate(RAISED) for r in household(f"赵{k}", pid, benefit=546)]
    rows = [pay(pid, f"赵{k}", m, 516 if m < "2026-07" else 546) for k, pid in enumerate(RAISED)
            for m in months("2026-01", "2026-09")]
    rows += [pay(A, "王老汉", m, paid(m)) for m in months("2026-01", "2026-09")]
    ctx = money_context(rost, rows, files={"exits": _member_left(tmp_path / "减员审批表.xlsx")})
    got = [(f.confidence, f.recover) for f in findings(ctx, "F03")]
    assert got == ([("中", recover)] if recover else [])


def test_a_batch_file_beside_the_details_gives_them_their_month_and_item(tmp_path):
    # must read the details' months from the batch file given beside them (h455: "找不到身份证号列，已跳过", a quarter's
    # payments read with no month)
    book = openpyxl.load_workbook(_batch_book(tmp_path / "book.xlsx"))
    batches = openpyxl.Workbook()
    for row in book["发放批次"].iter_rows(values_only=True):
        batches.active.append(list(row))
    batches.save(tmp_path / "2026年发放批次.xlsx")
    book.remove(book["发放批次"])
    book.save(tmp_path / "2026年发放明细.xlsx")
    (tmp_path / "book.xlsx").unlink()
    tables, frame, notes = load_ledgers([tmp_path], dt.date(2026, 9, 30))
    assert [t.path.name for t in tables] == ["2026年发放明细.xlsx"]
    assert list(zip(frame["month"].astype(str), frame["item"].astype(str))) == [
        ("2026-07", "低保金"), ("2026-07", "低保金"), ("2026-07", "物价补贴"), ("2026-08", "低保金"), ("2026-07", "低保金")]
    assert any("2026年发放批次.xlsx是发放批次表" in n for n in notes)


def test_a_ledger_named_for_its_batch_is_still_a_ledger(tmp_path):
    # must stay a ledger: a file named 第3批次 whose rows name payees
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "资金项目", "所属月份", "发放金额"])
    wb.active.append(["王老汉", A, "低保金", "2026-07", 500])
    wb.save(tmp_path / "2026年7月第3批次发放明细.xlsx")
    tables, frame, notes = load_ledgers([tmp_path / "2026年7月第3批次发放明细.xlsx"], dt.date(2026, 9, 30))
    assert len(tables) == 1 and len(frame) == 1
    assert not any("发放批次表" in n for n in notes)


def test_a_csv_of_details_longer_than_its_head_rows_takes_every_rows_batch(tmp_path):
    # must give every row its batch's month, not only the rows the header search reads (a text file read column by
    # column: h455, 299 of 870 rows)
    batches = openpyxl.Workbook()
    batches.active.append(["批次号", "资金项目", "所属月份", "发放日期"])
    batches.active.append(["P01", "低保金", "202607", "2026-07-10"])
    batches.save(tmp_path / "发放批次.xlsx")
    people = [make_id(f"1950{1 + k % 12:02d}{1 + k % 28:02d}", 101 + 2 * (k // 336)) for k in range(400)]
    lines = ["批次号,姓名,身份证号,账号,发放金额,发放状态"] + [f"P01,户主{k},{pid},62170000{k:08d},500,成功"
                                                          for k, pid in enumerate(people)]
    (tmp_path / "发放明细.csv").write_text("\n".join(lines) + "\n", encoding="gbk")
    _tables, frame, _notes = load_ledgers([tmp_path], dt.date(2026, 9, 30))
    assert len(frame) == 400 and set(frame["month"].astype(str)) == {"2026-07"}
