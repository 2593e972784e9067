"""A black-box sweep of the fifty-fourth stop's new reading paths (h458): amounts whose cell names its own unit in a
（万元） column, a '(万)' header, a 批次号 written twice with different months, 审批结果 written as a remark after the
verdict or as unexplained codes, an exits list with no stop date, and 恢复 rows with no stop before them."""

import datetime as dt

import openpyxl
import pytest
from money import findings, household, make_id, money_context, months, pay

from rostercheck.io.ledgers import load_ledgers, read_ledger
from rostercheck.io.table import load_table
from rostercheck.normalize.values import yuan_per_unit
from rostercheck.reference import normalise

A = make_id("19500101", 111)
C = make_id("19700303", 131)
AS_OF = dt.date(2026, 9, 30)


@pytest.mark.parametrize("label, title, per", [
    # must read 万 alone as 万元 (h458: '金额(万)' of 0.123 read as 0.123 元, F01 amounts wrong at exit 0)
    ("金额(万)", "", 10000.0), ("发放金额（万）", "", 10000.0), ("发放金额", "单位：万", 10000.0),
    # must stay: 万 in a word is no unit
    ("人数(万人)", "", 1.0), ("发放金额", "单位：万人", 1.0), ("金额(元)", "", 1.0),
])
def test_a_header_naming_wan_alone(label, title, per):
    assert yuan_per_unit(label, title) == per


@pytest.mark.parametrize("cell, amount", [
    # must take the cell's own unit in a （万元） column (h458: '1230元' read as 12,300,000 元, 46 million to recover)
    ("1230元", 1230.0), ("￥1,230", 1230.0), ("0.123万", 1230.0),
    # must stay: bare numbers in the column's unit
    ("0.123", 1230.0), (0.123, 1230.0),
])
def test_an_amount_cell_naming_its_unit_in_a_wan_column(tmp_path, cell, amount):
    path = tmp_path / "发放.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "资金项目", "所属月份", "发放金额（万元）"])
    wb.active.append(["王老汉", A, "低保金", "2026-07", cell])
    wb.save(path)
    _table, frame = read_ledger(path, AS_OF)
    assert [round(float(a), 2) for a in frame["amount"]] == [amount]


def _details(path, batches_rows, batch_sheet=True):
    wb = openpyxl.Workbook()
    d = wb.active
    d.title = "发放明细"
    d.append(["批次号", "姓名", "身份证号", "账号", "发放金额", "发放状态"])
    d.append(["P01", "王老汉", A, "6228480012345678", 500, "成功"])
    if batch_sheet:
        b = wb.create_sheet("发放批次")
        for row in [["批次号", "资金项目", "所属月份", "发放日期"], *batches_rows]:
            b.append(row)
    wb.save(path)
    return path


def test_a_batch_number_written_twice_with_other_months_is_said(tmp_path):
    # must say which of the two it read (h458: the first taken unsaid)
    table, frame = read_ledger(_details(tmp_path / "发放.xlsx", [["P01", "低保金", "202607", "2026-07-10"],
                                                               ["P01", "低保金", "202606", "2026-06-10"]]), AS_OF)
    assert set(frame["month"].astype(str)) == {"202607"}
    assert any("批次号“P01”在工作表“发放批次”中写了不止一次，内容不同（202607、低保金、2026-07-10；202606、低保金、2026-06-10）"
               in w for w in table.warnings)


def test_a_batch_number_written_again_alike_is_not_said(tmp_path):
    # must stay quiet: the same batch listed twice alike
    table, _frame = read_ledger(_details(tmp_path / "发放.xlsx", [["P01", "低保金", "202607", "2026-07-10"]] * 2), AS_OF)
    assert not any("写了不止一次" in w for w in table.warnings)


def test_two_batch_files_disagreeing_on_a_batch_are_said(tmp_path):
    _details(tmp_path / "发放明细.xlsx", [], batch_sheet=False)
    for name, month in (("发放批次.xlsx", "202607"), ("发放批次_补充.xlsx", "202608")):
        wb = openpyxl.Workbook()
        wb.active.append(["批次号", "资金项目", "所属月份", "发放日期"])
        wb.active.append(["P01", "低保金", month, ""])
        wb.save(tmp_path / name)
    tables, frame, _notes = load_ledgers([tmp_path], AS_OF)
    assert set(frame["month"].astype(str)) == {"2026-07"}
    assert any("批次号“P01”在《发放批次.xlsx》、《发放批次_补充.xlsx》中写了不止一次" in w and "202608" in w
               for t in tables for w in t.warnings)


def _roster():
    return (household("王老汉", A, benefit=500, bank_account="6228480012345678")
            + household("李四", C, benefit=700, bank_account="6228480099999999"))


def _paid():
    return ([pay(A, "王老汉", m, 500) for m in months("2026-01", "2026-09")]
            + [pay(C, "李四", m, 700) for m in months("2026-01", "2026-09")])


def _exits(path, header, rows):
    wb = openpyxl.Workbook()
    for row in [header, *rows]:
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("outcome, recover", [
    # must stop: an approval with a remark naming 退回 in brackets (h458: read as 退回, no F03)
    ("同意（已退回原籍）", [1500.0]), ("审批通过(退回户籍地)", [1500.0]),
    # must stay: refusals, with or without a remark
    ("不同意（收入未超标）", []), ("退回修改", []), ("否", []),
    # must stay approved: 是
    ("是", [1500.0]),
])
def test_a_remark_after_the_verdict_is_no_verdict(tmp_path, outcome, recover):
    path = _exits(tmp_path / "停保审批表.xlsx", ["户主姓名", "户主身份证号", "审批结果", "停保日期"],
                  [["王老汉", A, outcome, "2026-06-15"]])
    got = findings(money_context(_roster(), _paid(), files={"exits": path}), "F03")
    assert [f.recover for f in got] == recover


def _said(path, kind="exits"):
    table = load_table(path, kind)
    frame = normalise(table)
    return frame, " ".join(table.warnings)


def test_coded_outcomes_with_no_legend_are_said(tmp_path):
    # must say the codes were not read (h458: 0/1/2 unexplained, every row read as stopped unsaid)
    path = _exits(tmp_path / "停保审批表.xlsx", ["户主姓名", "户主身份证号", "审批结果", "停保日期"],
                  [["王老汉", A, "0", "2026-06-15"], ["李四", C, "1", "2026-06-15"]])
    frame, said = _said(path)
    assert len(frame) == 2 and "2 行的审批结果为“0、1”，看不出是否批准，按已停保（退出）计" in said


def test_worded_outcomes_are_not_said_unread(tmp_path):
    path = _exits(tmp_path / "停保审批表.xlsx", ["户主姓名", "户主身份证号", "审批结果", "停保日期"],
                  [["王老汉", A, "同意", "2026-06-15"], ["李四", C, "不同意", "2026-06-15"]])
    frame, said = _said(path)
    assert len(frame) == 1 and "看不出是否批准" not in said


def test_an_exits_list_with_no_stop_date_is_said(tmp_path):
    # must say the stops are undated (h458: an approval export without 停保日期 used for nothing, unsaid)
    path = _exits(tmp_path / "停保审批表.xlsx", ["户主姓名", "户主身份证号", "审批结果", "停保原因"],
                  [["王老汉", A, "同意", "收入超标"]])
    assert "没有停保（退出）日期列" in _said(path)[1]
    dated = _exits(tmp_path / "停保名单.xlsx", ["户主姓名", "户主身份证号", "停保日期"], [["王老汉", A, "2026-06-15"]])
    assert "没有停保（退出）日期列" not in _said(dated)[1]


@pytest.mark.parametrize("rows, stray", [
    # must say and drop a 恢复 row with no stop before it (h458: kept as an undated exit, unsaid)
    ([("恢复", "王老汉", A, "", "2026年6月")], 1),
    ([("恢复", "王老汉", A, "", "2026年2月"), ("停保", "王老汉", A, "2026年3月", "")], 1),
    # must stay: a resumption joined to its stop
    ([("停保", "王老汉", A, "2026年3月", ""), ("恢复", "王老汉", A, "", "2026年6月")], 0),
])
def test_a_resumption_with_no_stop_before_it_is_said(tmp_path, rows, stray):
    path = _exits(tmp_path / "停保恢复审批表.xlsx", ["申请类型", "户主姓名", "户主身份证号", "审批结果", "停发月份", "恢复发放月份"],
                  [[kind, name, pid, "同意", stop, back] for kind, name, pid, stop, back in rows])
    frame, said = _said(path)
    assert ("但名单中没有同一人在此之前的停保行" in said) == bool(stray)
    assert len(frame) == 1 if rows[-1][0] == "停保" or len(rows) == 2 else len(frame) == 0


@pytest.mark.parametrize("labels, said", [
    # must say the accounts went unread: the payer's account alone (h458: a month's F07 left out unsaid)
    (["姓名", "身份证号", "所属月份", "发放金额", "付款账号", "付款户名"], True),
    (["姓名", "身份证号", "所属月份", "发放金额", "付方账号"], True),
    # must stay quiet: the payee's account beside it, or no account at all
    (["姓名", "身份证号", "所属月份", "发放金额", "付款账号", "付款户名", "收款账号", "收款户名"], False),
    (["姓名", "身份证号", "所属月份", "发放金额"], False),
])
def test_a_ledger_with_only_the_payers_account_says_so(tmp_path, labels, said):
    path = tmp_path / "发放.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(labels)
    values = {"姓名": "王老汉", "身份证号": A, "所属月份": "2026-07", "发放金额": 500, "付款账号": "43001888888800001",
              "付款户名": "某县民政局", "付方账号": "43001888888800001", "收款账号": "6228480012345678", "收款户名": "王老汉"}
    wb.active.append([values[label] for label in labels])
    wb.save(path)
    table, frame = read_ledger(path, AS_OF)
    assert len(frame) == 1
    assert any("只有付款方的" in w for w in table.warnings) == said


@pytest.mark.parametrize("beside", [False, True])
def test_a_data_dictionary_not_beside_its_rosters_is_refused_as_such(tmp_path, beside):
    # must name the file for what it is (h458: "找不到表头（如“姓名”…）" of a 数据字典 given with another folder's rosters)
    from typer.testing import CliRunner

    from rostercheck.cli import app

    (tmp_path / "字典").mkdir()
    wb = openpyxl.Workbook()
    for row in (["代码", "保障类别"], ["01", "城市低保"], ["02", "农村低保"]):
        wb.active.append(row)
    wb.save(tmp_path / "字典" / "数据字典.xlsx")
    args = ["audit", str(tmp_path / "字典" / "数据字典.xlsx")]
    if beside:
        roster = openpyxl.Workbook()
        for row in (["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "成员身份证号", "与户主关系"],
                    ["城关镇", "东村", "王老汉", A, "王老汉", A, "户主"]):
            roster.active.append(row)
        roster.save(tmp_path / "低保花名册.xlsx")
        args.insert(1, str(tmp_path / "低保花名册.xlsx"))
    result = CliRunner().invoke(app, args + ["--as-of", "2026-09-30", "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "文件名像代码说明表（数据字典），不是花名册" in result.output
