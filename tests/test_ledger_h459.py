"""Ledgers and exit lists in shapes held-out county h459 (紫阳县) gave: a household's row of member shares (成员N姓名 |
成员N身份证号 | 成员N金额) with a 特困 member beside 低保 ones, an amount in 元 | 角 | 分 columns, a 13月 column beside the
months, a batch table in a file named 发放汇总, an approval export with a free-text 审批意见, and implausible monthly
amounts (450万元, 65000 typed for 650)."""

import datetime as dt

import openpyxl
import pytest
from money import findings, household, make_id, money, money_context, months, pay

from rostercheck.io.ledgers import load_ledgers, read_ledger

AS_OF = dt.date(2026, 9, 30)
HEAD = make_id("19700101", 111)
WIFE = make_id("19720202", 122)
SON = make_id("20000303", 131)
TEKUN = make_id("19400404", 142)  # a 特困 person living with the family
OTHER = make_id("19650505", 151)


def _book(path, header, rows, title="紫阳县2025年10月城乡低保金发放表", upper=None, merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "10月"
    ws.append([title])
    if upper:
        ws.append(upper)
    ws.append(header)
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


SHARES = ["序号", "户主姓名", "户主身份证号", "一折通账号", "户名", "成员1姓名", "成员1身份证号", "成员1金额", "成员2姓名",
          "成员2身份证号", "成员2金额", "成员3姓名", "成员3身份证号", "成员3金额", "发放金额合计", "发放状态"]


def test_a_household_row_of_member_shares_is_read_as_each_members_payment(tmp_path):
    # must read each member's own share (h459: read as 成员1's payment of the household's total, the 特困 member's
    # 1,576 in her family's row never seen, F06 中)
    rows = [[1, "张三", HEAD, "6217000011112222", "张三", "张三", HEAD, 412.8, "李梅", WIFE, 387, "王奶奶", TEKUN, 1576,
             2375.8, "成功"],
            [2, "赵六", OTHER, "6217000033334444", "赵六", "赵六", OTHER, 516, "", "", "", "", "", "", 516, "成功"]]
    table, frame = read_ledger(_book(tmp_path / "2025年10月低保金发放表.xlsx", SHARES, rows), AS_OF)
    got = list(zip(frame["id"].astype(str), frame["head_id"].astype(str), frame["amount"].astype(float),
                   frame["_row"].astype(int)))
    assert got == [(HEAD, HEAD, 412.8, 3), (WIFE, HEAD, 387.0, 3), (TEKUN, HEAD, 1576.0, 3), (OTHER, OTHER, 516.0, 4)]
    assert any("各成员金额分列（1、2、3 号成员），已按各成员的金额逐人读取，“发放金额合计”列（全户合计）不再计入" in w
               for w in table.warnings)


def test_one_share_column_stays_a_plain_ledger(tmp_path):
    # must stay as before: a 成员1 slot alone is no household of shares
    header = ["户主姓名", "户主身份证号", "成员1姓名", "成员1身份证号", "发放金额", "发放状态"]
    table, frame = read_ledger(_book(tmp_path / "2025年10月低保金.xlsx", header, [["张三", HEAD, "张三", HEAD, 800, "成功"]]),
                               AS_OF)
    assert list(frame["amount"].astype(float)) == [800.0]
    assert not any("各成员金额分列" in w for w in table.warnings)


@pytest.mark.parametrize("upper, header, merges, cells, read", [
    # must join an amount written 元 | 角 | 分 under a merged 发放金额 (h459: the 元 column alone, 258.5 read as 258)
    (["姓名", "身份证号", "资金项目", "发放金额", "", "", "发放结果"], ["", "", "", "元", "角", "分", ""],
     ["A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:G3"], [258, 5, 0], 258.5),
    (["姓名", "身份证号", "资金项目", "发放金额", "", "", "发放结果"], ["", "", "", "元", "角", "分", ""],
     ["A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:G3"], [1576, "", ""], 1576.0),
    (None, ["姓名", "身份证号", "资金项目", "金额（元）", "角", "分", "发放结果"], [], [86, 3, 7], 86.37),
    # must not guess: a 角 cell that is no digit leaves the 元 alone, said
    (None, ["姓名", "身份证号", "资金项目", "金额（元）", "角", "分", "发放结果"], [], [86, 35, 0], 86.0),
    # must not add a 角 to a 元 cell that has its own (h464: 516.5 and 5 角 read as 517.0, unsaid)
    (None, ["姓名", "身份证号", "资金项目", "金额（元）", "角", "分", "发放结果"], [], [516.5, 5, 0], 516.5),
    # must stay: a 元 cell with decimals and nothing in 角, 分
    (None, ["姓名", "身份证号", "资金项目", "金额（元）", "角", "分", "发放结果"], [], [516.5, 0, ""], 516.5),
])
def test_an_amount_in_yuan_jiao_fen_columns_is_one_amount(tmp_path, upper, header, merges, cells, read):
    rows = [["王奶奶", TEKUN, "护理补贴", *cells, "成功"]]
    path = _book(tmp_path / "特困人员供养金发放明细（2025年10月）.xlsx", header, rows, "紫阳县2025年10月特困人员供养金发放明细",
                 upper, merges)
    table, frame = read_ledger(path, AS_OF)
    assert list(frame["amount"].astype(float)) == [read]
    assert list(frame["_row"].astype(int)) == [4 if upper else 3]
    assert any("已合为一个金额（元）读取" in w for w in table.warnings)
    assert any("不是 0–9 的一位数" in w for w in table.warnings) == (cells[1] == 35)
    assert any("又另填了角、分" in w for w in table.warnings) == (cells[:2] == [516.5, 5])


def test_an_amount_column_in_yuan_alone_stays_as_before(tmp_path):
    header = ["姓名", "身份证号", "资金项目", "发放金额（元）", "发放结果"]
    table, frame = read_ledger(_book(tmp_path / "特困2025年10月.xlsx", header, [["王奶奶", TEKUN, "护理补贴", 258.5, "成功"]]),
                               AS_OF)
    assert list(frame["amount"].astype(float)) == [258.5]
    assert not any("已合为一个金额" in w for w in table.warnings)


@pytest.mark.parametrize("label, said", [("13月", True), ("第13月", True), ("十三月", True), ("12月", False)])
def test_a_thirteenth_month_column_is_said_not_read(tmp_path, label, said):
    # must say a 13月 column is no month (h458/h459: left out unsaid)
    months_ = [f"{m}月" for m in range(1, 12)] + [label]
    header = ["姓名", "身份证号", *months_, "全年合计"]
    rows = [["王奶奶", TEKUN, *([1576] * 11), 300, 1576 * 11 + 300]]
    table, frame = read_ledger(_book(tmp_path / "2026年特困人员供养金发放台账.xlsx", header, rows, "紫阳县2026年特困人员供养金"),
                               AS_OF)
    assert any(f"“{label}”列不是某个月份" in w for w in table.warnings) == said
    assert len(frame) == (11 if said else 12)


def _details_and_summary(tmp_path, summary_name):
    d = openpyxl.Workbook()
    d.active.append(["序号", "批次号", "收款人姓名", "收款人身份证号", "收款账号", "金额", "处理结果"])
    d.active.append([1, "PC01", "张三", HEAD, "6217000011112222", 800, "成功"])
    d.active.append([2, "PC02", "张三", HEAD, "6217000011112222", 800, "成功"])
    d.save(tmp_path / "2026年4-6月低保金发放明细.xlsx")
    s = openpyxl.Workbook()
    s.active.append(["紫阳县2026年4-6月社会救助资金发放汇总"])
    s.active.append(["批次号", "资金项目", "所属月份", "发放日期", "发放笔数", "发放金额（元）"])
    s.active.append(["PC01", "低保金", "2026年4月", "2026-04-16", 1, 800])
    s.active.append(["PC02", "低保金", "2026年5月", "2026-05-15", 1, 800])
    s.save(tmp_path / summary_name)


@pytest.mark.parametrize("name", ["2026年4-6月发放汇总.xlsx", "发放汇总表.xlsx", "2026年二季度发放批次.xlsx"])
def test_a_batch_table_named_as_a_summary_gives_the_details_their_months(tmp_path, name):
    # must read the batches of a file named 发放汇总 (h459: "找不到身份证号列，已跳过", a quarter read with no month)
    _details_and_summary(tmp_path, name)
    tables, frame, notes = load_ledgers([tmp_path], AS_OF)
    assert [t.path.name for t in tables] == ["2026年4-6月低保金发放明细.xlsx"]
    assert sorted(frame["month"].astype(str)) == ["2026-04", "2026-05"]
    assert any(f"{name}是发放批次表" in n for n in notes)


def test_a_summary_of_payees_is_still_a_ledger(tmp_path):
    # must stay a ledger: a file named 汇总 whose rows name payees
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "资金项目", "所属月份", "发放金额"])
    wb.active.append(["张三", HEAD, "低保金", "2026-07", 800])
    wb.save(tmp_path / "2026年7月低保金发放汇总.xlsx")
    tables, frame, notes = load_ledgers([tmp_path / "2026年7月低保金发放汇总.xlsx"], AS_OF)
    assert len(tables) == 1 and len(frame) == 1
    assert not any("发放批次表" in n for n in notes)


def _approvals(path, opinion):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["紫阳县社会救助停保审批表（导出）"])
    ws.append(["序号", "乡镇", "村", "姓名", "身份证号", "救助类别", "申请停保原因", "申请日期", "审批意见", "审批日期"])
    ws.append([1, "城关镇", "东村", "张三", HEAD, "低保", "家庭收入超过低保标准", "2026-06-02", opinion, "2026-06-15"])
    wb.save(path)
    return path


@pytest.mark.parametrize("opinion, stopped", [
    # must stop: approved in words
    ("同意停保", True), ("同意停保。", True), ("经审核，同意停止供养", True),
    # must not stop: sent back, refused, deferred (h459: every row of an approval export's 审批意见 stopped the household)
    ("退回重新核实", False), ("不同意停保，继续享受", False), ("退回重新核实，补充入户调查材料", False), ("暂缓停保", False),
    # must not stop: not agreed, not yet final (even in a bracketed remark), resumed, the amount changed (h464: each 高)
    ("未同意", False), ("拟同意停保", False), ("同意停保（待县级审批）", False), ("同意恢复", False),
    ("同意调整保障金额", False),
    # must stay stopped: a remark in brackets that is no pending step
    ("同意停保（已入户核实）", True),
])
def test_a_free_text_approval_opinion_decides_the_stop(tmp_path, opinion, stopped):
    path = _approvals(tmp_path / "停保审批表.xlsx", opinion)
    rows = [pay(HEAD, "张三", m, 800) for m in months("2026-01", "2026-09")]
    got = findings(money_context(household("张三", HEAD, benefit=800), rows, files={"exits": path}), "F03")
    assert [(f.confidence, f.recover) for f in got] == ([("高", 2400.0)] if stopped else [])


@pytest.mark.parametrize("typed, expected", [
    # must not recover a typing error: 450万元 or 65000 for 650 is a 低 lead with no money (h459: 4,498,968 元 at 高)
    (4_500_000, [("张三", "低", None, None)]),
    (65_000, [("张三", "低", None, None)]),
    # must not pay back a month netting below zero (h464: -650 was "少发 1,300.00 元", 应补发 at 高)
    (-650, [("张三", "低", None, None)]),
    # must stay: a real over-payment, and one a little over the bound's reach
    (750, [("张三", "高", 100.0, None)]),
    (5_000, [("张三", "高", 4_350.0, None)]),
])
def test_an_implausible_monthly_amount_is_no_money_to_recover(typed, expected):
    rows = [pay(HEAD, "张三", m, 650) for m in months("2026-07", "2026-09")]
    rows[1]["amount"] = typed
    ctx = money_context(household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=650), rows)
    assert money(ctx, "F05") == expected
    found = findings(ctx, "F05")
    assert ("疑为发放明细录入错误" in found[0].evidence) == (typed > 8 * 650)


@pytest.mark.parametrize("in_family_row, expected", [
    # must not say 应发未发: the 特困 person's 1,576 paid in her 低保 family's row under 低保金 (h459: F06 中 4,728)
    (True, []),
    # must stay: never paid at all, while other 特困 people are
    (False, [("王奶奶", "中")]),
])
def test_a_special_member_paid_in_her_familys_row_is_not_unpaid(in_family_row, expected):
    family = household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=800)
    special = household("王奶奶", TEKUN, benefit=1576) + household("孙爷爷", OTHER, benefit=1576)
    rows = []
    for m in months("2026-07", "2026-09"):
        rows += [pay(HEAD, "张三", m, 400, head_id=HEAD), pay(WIFE, "李梅", m, 400, head_id=HEAD)]
        rows += [pay(TEKUN, "王奶奶", m, 1576, head_id=HEAD)] if in_family_row else []
        rows += [pay(OTHER, "孙爷爷", m, 1576, item="特困人员基本生活费")]
    ctx = money_context(family, rows, extra_rosters=[(special, "紫阳县2026年第三季度特困人员名册")])
    assert [(n, c) for n, c, _, _ in money(ctx, "F06")] == expected


@pytest.mark.parametrize("later, expected", [
    # must recover her share of the head's rows paying the household after a quarter paid member by member (h459: the
    # household read as paid per person throughout, her death in February recovered nothing)
    (800, [("李梅", "中", 1600.0, None)]),
    # must stay (held-out 322): the head's own share alone after her death is his
    (400, []),
])
def test_a_heads_row_paying_the_household_after_months_paid_per_person(later, expected):
    rows = []
    for m in months("2025-10", "2025-12"):
        rows += [pay(HEAD, "张三", m, 400, head_id=HEAD), pay(WIFE, "李梅", m, 400, head_id=HEAD)]
    rows += [pay(HEAD, "张三", m, later) for m in months("2026-01", "2026-06")]
    ctx = money_context(household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=800), rows,
                        {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-02-25"}]})
    assert money(ctx, "F01") == expected


@pytest.mark.parametrize("first_half, expected", [
    # must recover her share from March: the head's 800 from January is what the two shares added up to in the fourth
    # quarter, though the roster's amount was raised to 860 in July (held-out 455: a February death recovered only
    # July to September, 1,290 of 2,890 元, since h459 asked for the roster's amount alone)
    (800, [("李梅", "中", 4 * 400.0 + 3 * 430.0, None)]),
    # must stay (held-out 322): the head's own share alone after her death is his
    (400, []),
    # must not guess: an amount neither the shares' total nor the roster's tells whose it is
    (650, []),
])
def test_a_heads_row_paying_what_the_shares_added_up_to_before_a_raise(first_half, expected):
    rows = []
    for m in months("2025-10", "2025-12"):
        rows += [pay(HEAD, "张三", m, 400, head_id=HEAD), pay(WIFE, "李梅", m, 400, head_id=HEAD)]
    rows += [pay(HEAD, "张三", m, first_half) for m in months("2026-01", "2026-06")]
    rows += [pay(HEAD, "张三", m, 860 if first_half == 800 else first_half + 30) for m in months("2026-07", "2026-09")]
    ctx = money_context(household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=860), rows,
                        {"deaths": [{"name": "李梅", "id": WIFE, "date": "2026-02-25"}]})
    assert money(ctx, "F01") == expected


@pytest.mark.parametrize("typed, recover", [
    # must not recover a typing error after a death: 450万元 in July left out, said (h459: 4,501,950 元 at 高)
    (4_500_000, 3 * 650.0),
    # must stay: a month paid a little more is recovered as paid
    (700, 4 * 650.0 + 50),
])
def test_an_implausible_payment_after_a_death_is_not_recovered(typed, recover):
    rows = [pay(HEAD, "张三", m, 650) for m in months("2026-01", "2026-09")]
    rows[6]["amount"] = typed
    ctx = money_context(household("张三", HEAD, benefit=650), rows,
                        {"deaths": [{"name": "张三", "id": HEAD, "date": "2026-05-10"}]})
    assert money(ctx, "F01") == [("张三", "高", recover, None)]
    assert ("超过核定金额 8 倍" in str(ctx.cache)) == (typed > 8 * 650)


@pytest.mark.parametrize("wife_share, total", [
    # must not unfold: a member's share left blank, or shares not adding up to the row's total — read as before, said
    ("", 800),
    (300, 800),
])
def test_shares_left_blank_or_not_adding_up_keep_the_households_total(tmp_path, wife_share, total):
    rows = [[1, "张三", HEAD, "6217000011112222", "张三", "张三", HEAD, 400, "李梅", WIFE, wife_share, "", "", "", total, "成功"]]
    table, frame = read_ledger(_book(tmp_path / "2025年10月低保金发放表.xlsx", SHARES, rows), AS_OF)
    assert list(frame["amount"].astype(float)) == [800.0]
    assert any("成员金额未填、为负数或与全户合计不符，未按各成员金额逐人读取" in w for w in table.warnings)


def test_a_negative_member_share_is_not_unfolded(tmp_path):
    # must not read a share below zero as a member's payment (h464: -400 for the wife beside 800 + 800, adding up to
    # the row's 1,200, unfolded unsaid)
    rows = [[1, "张三", HEAD, "6217000011112222", "张三", "张三", HEAD, 800, "李梅", WIFE, -400, "王奶奶", TEKUN, 800,
             1200, "成功"]]
    table, frame = read_ledger(_book(tmp_path / "2025年10月低保金发放表.xlsx", SHARES, rows), AS_OF)
    assert list(frame["amount"].astype(float)) == [1200.0]
    assert any("成员金额未填、为负数或与全户合计不符" in w for w in table.warnings)


def test_a_batch_the_batch_table_does_not_list_is_said(tmp_path):
    # must say the rows whose 批次号 the batch file lacks (h464: read with no month, "见读取提示" pointing at nothing)
    _details_and_summary(tmp_path, "发放批次.xlsx")
    s = openpyxl.load_workbook(tmp_path / "发放批次.xlsx")
    s.active.delete_rows(4)  # (PC02's row)
    s.save(tmp_path / "发放批次.xlsx")
    tables, frame, notes = load_ledgers([tmp_path], AS_OF)
    said = notes + [w for t in tables for w in t.warnings]
    assert sorted(frame["month"].astype(str)) == ["", "2026-04"]
    assert any("有 1 行的批次号（如“PC02”）在《发放批次.xlsx》中没有或未写所属月份" in n for n in said), said
    # must stay: nothing said when every batch is listed
    _details_and_summary(tmp_path, "发放批次.xlsx")
    tables, frame, notes = load_ledgers([tmp_path], AS_OF)
    assert not any("这些行取不到所属月份" in n for n in notes + [w for t in tables for w in t.warnings])


def test_a_batch_listed_without_its_month_is_said(tmp_path):
    # must say the rows of a batch the batch file lists with no 所属月份 (h464: read with no month, unsaid)
    _details_and_summary(tmp_path, "发放批次.xlsx")
    s = openpyxl.load_workbook(tmp_path / "发放批次.xlsx")
    s.active.cell(4, 3).value = None  # (PC02's 所属月份)
    s.save(tmp_path / "发放批次.xlsx")
    tables, frame, notes = load_ledgers([tmp_path], AS_OF)
    said = notes + [w for t in tables for w in t.warnings]
    assert any("有 1 行的批次号（如“PC02”）在《发放批次.xlsx》中没有或未写所属月份" in n for n in said), said
