"""Held-out h466 (石阡县, a year of ledgers in untried shapes): a bank's 代发 file headed by pinyin field identifiers."""

import datetime as dt

import openpyxl
import pytest
from money import findings, household, make_id, money_context, months, pay

from rostercheck.io.ledgers import read_ledger

AS_OF = dt.date(2026, 9, 30)
A = make_id("19400404", 142)
B = make_id("19450505", 151)


def _csv(path, header, rows, encoding="gbk"):
    lines = [",".join(header)] + [",".join(str(c) for c in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


PINYIN = ["XH", "XM", "SFZH", "ZH", "HM", "ZY", "FFYF", "JE", "ZT"]


def test_pinyin_headed_bank_file_is_read(tmp_path):
    # must read (h466: "找不到发放金额列", 12 monthly files of 特困 payments skipped, F01/F03/F04/F05/F06 missed)
    rows = [[1, "罗春", A, "6217000011112222", "罗春", "特困供养金", "202603", 1576, "S"],
            [2, "杨梅", B, "6217000033334444", "杨梅", "特困供养金", "202603", 1576, "F"]]
    table, frame = read_ledger(_csv(tmp_path / "tkdf_202603.csv", PINYIN, rows), AS_OF)
    got = list(zip(frame["id"].astype(str), frame["name"].astype(str), frame["bank_account"].astype(str),
                   frame["holder"].astype(str), frame["item"].astype(str), frame["month"].astype(str),
                   frame["amount"].astype(float), frame["status"].astype(str)))
    assert got == [(A, "罗春", "6217000011112222", "罗春", "特困供养金", "202603", 1576.0, "S"),
                   (B, "杨梅", "6217000033334444", "杨梅", "特困供养金", "202603", 1576.0, "F")]


ENGLISH = ["No.", "Name", "ID No.", "Account No.", "Account Name", "Summary", "Pay Month", "Amount", "Status"]


def test_english_headed_bank_file_is_read(tmp_path):
    # must read (h466 v2: "找不到身份证号列和发放金额列", the 特困 year skipped)
    rows = [[1, "罗春", A, "6217000011112222", "罗春", "特困供养金", "202603", 1576, "S"]]
    table, frame = read_ledger(_csv(tmp_path / "tkdf_202603.csv", ENGLISH, rows, "utf-8-sig"), AS_OF)
    got = list(zip(frame["id"].astype(str), frame["name"].astype(str), frame["bank_account"].astype(str),
                   frame["holder"].astype(str), frame["item"].astype(str), frame["amount"].astype(float)))
    assert got == [(A, "罗春", "6217000011112222", "罗春", "特困供养金", 1576.0)]


def test_pinyin_labels_are_whole_labels_only(tmp_path):
    # must not read: a label merely containing the letters (JEXS, ZHU) is no amount or account
    rows = [[1, "罗春", A, "abc", "x", "202603", 3]]
    header = ["XH", "XM", "SFZH", "ZHU", "HMX", "FFYF", "JEXS"]
    try:
        table, frame = read_ledger(_csv(tmp_path / "tkdf_202603.csv", header, rows), AS_OF)
    except Exception as err:  # the reader refuses a sheet without an amount column
        assert "发放金额" in str(err)
    else:
        assert frame is None or frame.empty


@pytest.mark.parametrize("kind", ["roster", "vehicles", "registry", "pensions", "deaths"])
def test_a_banks_identifiers_are_read_in_payment_ledgers_only(kind):
    # must not read elsewhere: a vehicle list's ZT holds coded 机动车状态 (A, E …), a roster's HM may be a 号码 and ZH a 组号
    from rostercheck.io.columns import candidates

    header = ["ZT", "HM", "ZH", "JE", "STATUS", "AMOUNT"]
    assert candidates(header, kind) == []
    assert {field for *_, field, _ in candidates(header, "payments")} >= {"status", "holder", "bank_account", "amount"}

# --- an approval export of exits whose 审批意见 is blank on some rows


H1 = make_id("19600101", 211)
H2 = make_id("19620202", 222)


def _approvals(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["石阡县社会救助对象退出审批表（系统导出）"])
    ws.append(["序号", "乡镇", "户主姓名", "户主身份证号", "退出原因", "停保日期", "审批意见"])
    for k, (name, pid, opinion) in enumerate(rows, 1):
        ws.append([k, "花桥镇", name, pid, "家庭经济状况好转", "2026-06-20", opinion])
    wb.save(path)
    return path


def _two_households():
    return household("罗春", H1, benefit=1260, bank_account="6217000000000011") + household(
        "黄贵飞", H2, benefit=380, bank_account="6217000000000022")


def _paid_all_year():
    return ([pay(H1, "罗春", m, 1260) for m in months("2025-10", "2026-09")]
            + [pay(H2, "黄贵飞", m, 380) for m in months("2025-10", "2026-09")])


@pytest.mark.parametrize("other, blank_confidence", [
    # must not flag at 高/中: a blank 审批意见 beside written approvals is undecided (h466: two F03 高, 4,920 元)
    ("同意", "低"),
    ("同意停保", "低"),
    # must stay as before: beside refusals only, the blank is the approved rows' way of writing (or all blank)
    ("不同意，继续享受", "高"),
    ("", "高"),
])
def test_blank_opinion_beside_written_approvals_is_a_low_lead(tmp_path, other, blank_confidence):
    path = _approvals(tmp_path / "退出审批表.xlsx", [("罗春", H1, ""), ("黄贵飞", H2, other)])
    got = [(f.confidence, f.recover, "未填，看不出是否已批准停保" in f.evidence)
           for f in findings(money_context(_two_households(), _paid_all_year(), files={"exits": path}), "F03")]
    # (a lead's months owe nothing until the exit is decided: no amount in the totals)
    blank = (blank_confidence, 3780.0 if blank_confidence == "高" else None, blank_confidence == "低")
    assert sorted(got) == sorted([blank] + ([] if other.startswith("不同意") else [("高", 1140.0, False)]))


def test_blank_opinion_of_a_household_off_the_roster_stays_a_stop_at_medium(tmp_path):
    # must flag at 中: the roster no longer lists 罗春, paid after the pending exit's date (a 低 lead would be weaker than
    # the 不在册 中 he would be without the exit row)
    path = _approvals(tmp_path / "退出审批表.xlsx", [("罗春", H1, ""), ("黄贵飞", H2, "同意")])
    roster = household("黄贵飞", H2, benefit=380, bank_account="6217000000000022")
    got = [(f.confidence, f.recover, "该户已不在所给花名册中" in f.evidence)
           for f in findings(money_context(roster, _paid_all_year(), files={"exits": path}), "F03")]
    assert sorted(got) == [("中", 3780.0, True), ("高", 1140.0, False)]


# --- a duplicate of an implausible amount (65000 typed for 650)

L = make_id("19730214", 117)


def _dup_rows(first, second, month="2026-08"):
    rows = [pay(L, "李永", m, 650, bank_account="6217000000000033") for m in months("2026-07", "2026-09") if m != month]
    return rows + [pay(L, "李永", month, first, bank_account="6217000000000033"),
                   pay(L, "李永", month, second, bank_account="6217000000000033")]


@pytest.mark.parametrize("first, second, want", [
    # must not count: 65000 twice is a typing error far likelier than 130,000 元 paid (h466: F04 高, 66,000 元)
    (65000, 65000, ("低", None)),
    (6500, 6500, ("低", None)),
    # must flag as before: the benefit paid twice, or a plausible amount beside it
    (650, 650, ("高", 650.0)),
    (1300, 1300, ("高", 1300.0)),
])
def test_duplicate_of_an_implausible_amount_is_a_lead_without_money(first, second, want):
    ctx = money_context(household("李永", L, benefit=650, bank_account="6217000000000033"), _dup_rows(first, second))
    got = findings(ctx, "F04")
    assert [(f.confidence, f.recover) for f in got] == [want]
    assert ("多为发放明细录入错误" in got[0].evidence) == (want[0] == "低")


def test_implausible_month_beside_a_real_duplicate_counts_the_real_one():
    rows = _dup_rows(65000, 65000) + [pay(L, "李永", "2026-07", 650, bank_account="6217000000000033")]
    ctx = money_context(household("李永", L, benefit=650, bank_account="6217000000000033"), rows)
    (found,) = findings(ctx, "F04")
    assert (found.confidence, found.recover) == ("高", 650.0) and "未计入应追回" in found.evidence


# --- a wide year sheet with a 全年合计 column beside its months

MONTHS_HEAD = [f"{y}年{m}月" for y, m in [(2025, 10), (2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 10)]]


def _wide(path, totals, csv=False):
    header = ["序号", "村", "户主姓名", "户主身份证号", "保障人口", "银行账号", "户名"] + MONTHS_HEAD + ["全年合计", "备注"]
    rows = [[1, "石坝村", "王贵", H1, 2, "6217000000000011", "王贵"] + [1140] * 12 + [totals[0], ""],
            [2, "关口村", "黄贵飞", H2, 1, "6217000000000022", "黄贵飞"] + [380] * 11 + [None] + [totals[1], ""]]
    if csv:
        return _csv(path, header, [["" if c is None else c for c in r] for r in rows], "utf-8-sig")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汤山镇"
    ws.append(["石阡县汤山镇农村低保资金发放表（2025年10月—2026年9月）"])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize("csv", [False, True])
@pytest.mark.parametrize("totals, said", [
    # must say: a total disagreeing with its months (h466: ignored unsaid)
    ((13780, 4180), "有 1 行的“全年合计”与该行各月金额之和不符（如第 {row0} 行王贵：“全年合计” 13,780.00，各月合计 13,680.00）"),
    ((13680, 4560), "有 1 行的“全年合计”与该行各月金额之和不符（如第 {row1} 行黄贵飞：“全年合计” 4,560.00，各月合计 4,180.00）"),
    # must not say: totals that add up, or none written
    ((13680, 4180), ""),
    ((None, None), ""),
])
def test_year_total_disagreeing_with_the_months_is_said(tmp_path, csv, totals, said):
    path = _wide(tmp_path / ("汤山镇低保资金发放表.csv" if csv else "汤山镇低保资金发放表.xlsx"), totals, csv)
    table, frame = read_ledger(path, AS_OF)
    assert len(frame) == 23 and sorted(set(frame["amount"].astype(float))) == [380.0, 1140.0]  # (the total is no payment)
    notes = [w for w in table.warnings if "全年合计" in w]
    said = said.format(row0=2 if csv else 3, row1=3 if csv else 4)  # (the CSV has no title row)
    assert (notes[0].split("工作表“汤山镇”" if not csv else "表中")[1][:len(said)] if notes else "") == said


@pytest.mark.parametrize("total, said", [
    # must not say: a total counting the 13月 column's 500 too (h470 sweep of h464's 13月 book: said not to add up)
    (13680 + 500, False),
    # must stay: a total neither the months nor the months and the 13月 make
    (13680 + 600, True),
    (13680, False),
])
def test_year_total_counting_a_thirteenth_month_adds_up(tmp_path, total, said):
    header = ["户主姓名", "户主身份证号", "银行账号"] + MONTHS_HEAD + ["13月", "全年合计"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汤山镇"
    ws.append(header)
    ws.append(["王贵", H1, "6217000000000011"] + [1140] * 12 + [500, total])
    wb.save(tmp_path / "汤山镇低保资金发放表.xlsx")
    table, frame = read_ledger(tmp_path / "汤山镇低保资金发放表.xlsx", AS_OF)
    assert len(frame) == 12 and set(frame["amount"].astype(float)) == {1140.0}  # (neither the 13月 nor the total paid)
    assert any("13月" in w for w in table.warnings)
    assert any("全年合计" in w for w in table.warnings) == said


# --- a care homes' 名单 sheet placing a resident in another home than the roster's 供养机构


def _homes_book(path, moved=()):
    from test_ledger_care_home_summaries import HOME, OTHER, OTHERS, RESIDENTS, summary_book

    summary_book(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("名单")
    ws.append(["供养机构", "姓名", "身份证号"])
    for home, other, people in ((HOME, OTHER, RESIDENTS), (OTHER, HOME, OTHERS)):
        for n, i, *_ in people:
            ws.append([other if n in moved else home, n, i])
    wb.save(path)
    return path


@pytest.mark.parametrize("moved, said", [
    # must say: the 名单 puts 王秀英 in the other home (h466: unsaid); the roster's home decides
    (("王秀英",), "有 1 名集中供养人员，发放明细中的供养机构人员名单（“名单”工作表）所列机构与特困人员名册的供养机构不同："
                 "王秀英（花名册：罗甸县龙坪镇敬老院；名单：罗甸县边阳镇敬老院）"),
    # must not say: the 名单 agrees with the roster
    ((), ""),
])
def test_residents_sheet_disagreeing_with_the_roster_is_said(tmp_path, moved, said):
    from helpers import context
    from test_ledger_care_home_summaries import DEAD, TEKUN, roster

    from rostercheck.io.ledgers import load_ledgers

    _tables, frame, _notes = load_ledgers([_homes_book(tmp_path / "集中供养经费拨付表.xlsx", moved)], AS_OF)
    ctx = context(roster(), DEAD, AS_OF, roster_title=TEKUN)
    ctx.lists["payments"] = frame
    ctx.labels["payments"] = "资金发放明细"
    assert [(f.confidence, f.recover) for f in findings(ctx, "F01")] == [("中", 1700 * 4)]  # (郭德明, as without a 名单)
    findings(ctx, "F03")  # (the care homes' notices are made with the payees on no roster)
    notes = [n for n in ctx.cache["money:care_homes"] if "名单”工作表" in n]
    assert (notes[0][:len(said)] if notes else "") == said


# --- member share columns with their units in the header

W1 = make_id("19680808", 311)
W2 = make_id("19700909", 322)


def _shares(path, units, amounts, total=900):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026年3月"
    ws.append(["本庄镇2026年3月低保金发放明细"])
    ws.append(["序号", "户主姓名", "户主身份证号", "账号", "户名", "成员1姓名", "成员1身份证号", f"成员1金额{units[0]}",
               "成员2姓名", "成员2身份证号", f"成员2金额{units[1]}", "合计金额（元）", "发放状态"])
    ws.append([1, "周平", W1, "6217000000000044", "周平", "周平", W1, amounts[0], "刘芳", W2, amounts[1], total, "成功"])
    wb.save(path)
    return path


@pytest.mark.parametrize("units, amounts, paid", [
    # must read each share in yuan by its own header (h466: 角 shares "与全户合计不符", read by the total)
    (("（角）", "（角）"), (4500, 4500), [450.0, 450.0]),
    (("（元）", "(角)"), (450, 4500), [450.0, 450.0]),
    (("（元）", "（元）"), (450, 450), [450.0, 450.0]),
    (("", ""), (450, 450), [450.0, 450.0]),
    # must not read 450 角 as 450 元 (main did, the shares adding up to the total in yuan): shares not adding up once in
    # yuan are read by the household's total, said
    (("（角）", "（角）"), (450, 450), [900.0]),
])
def test_share_columns_are_read_in_their_headers_unit(tmp_path, units, amounts, paid):
    table, frame = read_ledger(_shares(tmp_path / "本庄镇低保金发放明细.xlsx", units, amounts), AS_OF)
    assert sorted(frame["amount"].astype(float)) == paid
    assert any(("未按各成员金额逐人读取" in w) == (len(paid) == 1) for w in table.warnings if "各成员金额分列" in w)


# --- a township's book with one sheet per village, the village only in the sheet's name

S = make_id("19660505", 411)


def _villages_roster():
    return (household("李四", H1, benefit=500, township="龙塘镇", village="龙塘村", bank_account="6217000000000055")
            + household("王五", H2, benefit=600, township="龙塘镇", village="大坪村", bank_account="6217000000000066")
            + household("赵六", W1, benefit=600, township="花桥镇", village="坝寨村", bank_account="6217000000000077"))


@pytest.mark.parametrize("sheet, town, place", [
    # must place: a payee on no roster in the sheet named for a roster village (h466: 村 left blank)
    ("大坪村", "龙塘镇", ("龙塘镇", "大坪村")),
    ("大坪村", "", ("龙塘镇", "大坪村")),
    # must not place: a sheet named for no roster village, or for one of another township than the row's
    ("发放明细", "龙塘镇", ("龙塘镇", "")),
    ("坝寨村", "龙塘镇", ("龙塘镇", "")),
])
def test_village_only_in_the_sheet_name_places_a_payee_on_no_roster(sheet, town, place):
    rows = [pay(S, "任玉顺", m, 500, bank_account="6217000000000099", _sheet=sheet, township=town)
            for m in months("2026-07", "2026-09")]
    (found,) = findings(money_context(_villages_roster(), rows), "F03")
    assert (found.subject["township"], found.subject["village"]) == place


def test_wide_sheet_with_months_in_chinese_numerals_is_melted(tmp_path):
    # must read (h466 v2: 二〇二五年十月 … 二〇二六年九月 headers, "找不到发放金额列", the township's year skipped)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["户主姓名", "户主身份证号", "银行账号", "二〇二五年十月", "二〇二五年十一月", "二〇二六年一月", "全年合计"])
    ws.append(["王贵", H1, "6217000000000011", 1140, 1140, 1140, 3420])
    wb.save(tmp_path / "汤山镇低保资金发放表.xlsx")
    _table, frame = read_ledger(tmp_path / "汤山镇低保资金发放表.xlsx", AS_OF)
    assert sorted(zip(frame["month"].astype(str), frame["amount"].astype(float))) == [
        ("2025-10", 1140.0), ("2025-11", 1140.0), ("2026-01", 1140.0)]


@pytest.mark.parametrize("head", ["25年10月", "2025年10月"])
def test_wide_sheet_with_two_digit_years_is_melted(tmp_path, head):
    # must read (h466 v3: 25年10月 … 26年9月 headers, "找不到发放金额列")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["户主姓名", "户主身份证号", "银行账号", head, head.replace("10月", "11月"), "全年合计"])
    ws.append(["王贵", H1, "6217000000000011", 1140, 1140, 2280])
    wb.save(tmp_path / "汤山镇低保资金发放表.xlsx")
    _table, frame = read_ledger(tmp_path / "汤山镇低保资金发放表.xlsx", AS_OF)
    assert sorted(frame["month"].astype(str)) == ["2025-10", "2025-11"]


# --- a 特困 person's benefit and 护理补贴 paid as one amount under one item naming both

T = make_id("19380606", 511)


def _tekun(item, amounts):
    rows = [pay(T, "唐发", m, a, item=item, bank_account="6217000000000088")
            for m, a in zip(months("2026-07", "2026-09"), amounts)]
    rows += [pay(A, "罗春", m, 1576, item="特困供养金", bank_account="6217000011112222") for m in months("2026-07", "2026-09")]
    roster = household("唐发", T, benefit=1576, bank_account="6217000000000088") + household(
        "罗春", A, benefit=1576, bank_account="6217000011112222")
    return money_context(roster, rows, roster_title="石阡县2026年第三季度特困人员名册")


@pytest.mark.parametrize("item, amounts, f05, f06, said", [
    # must not flag: the benefit paid with its 护理补贴 (h466 v3: read as 护理补贴 — other money — F06 中 ×2), said
    ("特困供养金（含护理补贴）", [1676] * 3, [], [], True),
    ("特困供养金(包含护理补贴)", [1676] * 3, [], [], True),
    # must flag: paid less than the standard even with the 护理补贴 in it
    ("特困供养金（含护理补贴）", [1476] * 3, [("高", None, 300.0)], [], False),
    # must stay as before: the 护理补贴 alone is other money, September unpaid
    ("护理补贴", [100] * 3, [], [("中", None, 1576.0)], False),
])
def test_benefit_item_including_other_money_is_the_benefit(item, amounts, f05, f06, said):
    ctx = _tekun(item, amounts)
    assert [(f.confidence, f.recover, f.repay) for f in findings(ctx, "F05")] == f05
    assert any("资金项目写明含其他资金" in n for n in ctx.cache.get("partly:F05", [])) == said
    assert [(f.confidence, f.recover, f.repay) for f in findings(_tekun(item, amounts), "F06")] == f06


# --- a bank file's month written MM/YYYY, a hand-kept ledger's status ticked √ or crossed ×


@pytest.mark.parametrize("cell, want", [
    # must read (h466 v4: "“Pay Month”列有 22 行的月份未能识别（“03/2026”）")
    ("03/2026", "2026-03"), ("3/2026", "2026-03"), ("12-2025", "2025-12"),
    # must not read: no month 13, a full date stays a date, a year first as before
    ("13/2026", ""), ("3/20/2026", "2026-03"), ("2026/03", "2026-03"),
])
def test_month_written_month_first(cell, want):
    from rostercheck.normalize.values import month

    assert month(cell) == want


def _ticked(statuses):
    rows = [pay(T, "唐发", m, 1576, item="特困供养金", status=st, bank_account="6217000000000088")
            for m, st in statuses]
    rows += [pay(A, "罗春", m, 1576, item="特困供养金", bank_account="6217000011112222") for m in months("2026-07", "2026-09")]
    roster = household("唐发", T, benefit=1576, bank_account="6217000000000088") + household(
        "罗春", A, benefit=1576, bank_account="6217000011112222")
    return money_context(roster, rows, roster_title="石阡县2026年第三季度特困人员名册")


@pytest.mark.parametrize("statuses, f04, f06", [
    # must flag: September crossed out, never paid (h466 v4: × read as paid, unsure; F06 missed)
    ([("2026-07", "√"), ("2026-08", "√"), ("2026-09", "×")], [], [("高", None, 1576.0)]),
    # must not flag: a crossed-out month paid again is no duplicate, nor unpaid
    ([("2026-07", "√"), ("2026-08", "√"), ("2026-09", "×"), ("2026-09", "√")], [], []),
])
def test_ticks_and_crosses_are_statuses(statuses, f04, f06):
    assert [(f.confidence, f.recover, f.repay) for f in findings(_ticked(statuses), "F04")] == f04
    assert [(f.confidence, f.recover, f.repay) for f in findings(_ticked(statuses), "F06")] == f06
