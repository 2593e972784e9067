"""Quarter ledgers (h377): wide books with a column per quarter (一季度 … 四季度, 2026年第一季度 …), and a quarter's sheet
whose extra rows name their one month in the remark; each quarter's cell paid for its three months at once."""

import datetime as dt

import pytest
from money import make_id
from test_ledger_periods import write as write_sheets

from rostercheck.io.columns import quarter_columns
from rostercheck.io.ledgers import load_ledgers

AS_OF = dt.date(2026, 12, 31)
A = make_id("19800101", 111)
B = make_id("19820202", 122)


def write(path, rows, title=None, sheet="Sheet1"):
    write_sheets(path, {sheet: rows}, title)
    return path


def got(frame):
    names = [n or h for n, h in zip(frame["name"], frame["head_name"])]
    return sorted((n, m, round(a, 2)) for n, m, a in zip(names, frame["month"], frame["amount"]))


def months_of(q, amount, name="张三", year=2026):
    return [(name, f"{year}-{m:02d}", amount) for m in range(3 * q - 2, 3 * q + 1)]


@pytest.mark.parametrize("labels, expected", [
    (["姓名", "一季度", "二季度", "三季度", "四季度", "合计"], {1: "01-03", 2: "04-06", 3: "07-09", 4: "10-12"}),
    (["2026年第一季度", "2026年第二季度"], {0: "01-03", 1: "04-06"}),
    (["第1季度", "第2季度（元）", "备注"], {0: "01-03", 1: "04-06"}),
    (["Q3", "Q4"], {0: "07-09", 1: "10-12"}),
    (["一季度发放金额", "二季度发放金额"], {0: "01-03", 1: "04-06"}),
    (["低保金发放金额（元）第一季度", "低保金发放金额（元）第二季度", "物价补贴上半年"], {0: "01-03", 1: "04-06"}),
    (["1-3月", "4-6月", "7-9月", "10-12月", "合计"], {0: "01-03", 1: "04-06", 2: "07-09", 3: "10-12"}),
    (["2026年1月-3月", "2026年4月-6月"], {0: "01-03", 1: "04-06"}),
    (["一季度物价补贴", "二季度物价补贴"], {}),  # another item's
    (["一季度人数", "二季度人数"], {}),
    (["1-2月", "3-5月"], {}),  # no quarters
    (["第三季度"], {}),  # one quarter alone is no wide book
    (["一季度应发", "二季度应发"], {}),  # amounts due, not paid
    (["季度合计", "季度"], {}),
    # h383: half-years, six months at once; another item's half-year or a lone half is none
    (["姓名", "上半年", "下半年", "上半年物价补贴", "下半年物价补贴"], {1: "01-06", 2: "07-12"}),
    (["1-6月", "7-12月", "合计"], {0: "01-06", 1: "07-12"}),
    (["2026年上半年", "2026年下半年"], {0: "01-06", 1: "07-12"}),
    (["上半年度发放金额", "下半年度发放金额"], {0: "01-06", 1: "07-12"}),
    (["上半年物价补贴", "下半年物价补贴"], {}),
    (["上半年人数", "下半年人数"], {}),
    (["上半年"], {}),
    (["1-5月", "6-12月"], {}),
])
def test_quarter_columns(labels, expected):
    assert {c: mm for c, (_, mm, _) in quarter_columns(labels).items()} == expected


@pytest.mark.parametrize("header, title", [
    (["一季度", "二季度", "三季度", "四季度"], "青山县2026年度城乡低保金发放汇总表"),
    (["2026年第一季度", "2026年第二季度", "2026年第三季度", "2026年第四季度"], None),
])
def test_a_wide_book_of_quarter_columns_pays_each_quarters_months_at_once(tmp_path, header, title):
    # h377: refused ("找不到发放金额列"); 物价补贴 and 一次性生活补贴 beside are no quarter; amounts with commas and 元
    rows = [["户主姓名", "户主身份证号", *header, "物价补贴", "一次性生活补贴", "合计", "备注"],
            ["张三", A, 1560, "1,560.00", "1560元", "", 120, 200, 5000, ""],
            ["李四", B, "2,040", 2040, 2040, 2040, 120, 200, 8480, "含3月补发"]]
    [table], frame, _ = load_ledgers([write(tmp_path / "低保金发放表.xlsx", rows, title)], AS_OF)
    assert got(frame) == sorted(months_of(1, 520.0) + months_of(2, 520.0) + months_of(3, 520.0)
                                + [m for q in (1, 2, 3, 4) for m in months_of(q, 680.0, "李四")])
    assert set(frame["parts"]) == {3}
    assert [n for n in table.warnings if "每格按该季度 3 个月一次发放计" in n]


def test_a_quarters_sheet_with_a_payees_extra_rows_naming_their_month(tmp_path):
    # h377: '7月重复发放', '含8月补发', '补发6月' beside the payees' quarter rows made the whole sheet unread ("不少领取人
    # 同一项目有多行"); each such row is its month's, the payee's other row the quarter's lump
    rows = [["户主姓名", "户主身份证号", "资金项目", "发放金额", "备注"]]
    rows += [[f"户{k}", make_id("19700101", 200 + k), "低保金", 1500, ""] for k in range(6)]
    rows += [["张三", A, "低保金", 1560, ""], ["张三", A, "低保金", 520, "7月重复发放"],
             ["李四", B, "低保金", 2040, ""], ["李四", B, "低保金", 680, "补发6月"]]
    [table], frame, _ = load_ledgers([write(tmp_path / "2026年第三季度低保金发放明细.xlsx", rows)], AS_OF)
    assert [r for r in got(frame) if r[0] in ("张三", "李四")] == sorted(
        months_of(3, 520.0) + [("张三", "2026-07", 520.0)] + months_of(3, 680.0, "李四") + [("李四", "2026-06", 680.0)])
    assert len([r for r in got(frame) if r[0] == "户0"]) == 3
    assert not [n for n in table.warnings if "多行" in n or "未参与核查" in n]


def test_a_remark_naming_a_month_of_no_payment_leaves_the_row_the_quarters(tmp_path):
    # '8月新增', '9月起停发' date no payment: no month of its own for the payee's second row
    rows = [["户主姓名", "户主身份证号", "资金项目", "发放金额", "备注"]]
    rows += [[f"户{k}", make_id("19700101", 200 + k), "低保金", 1500, ""] for k in range(20)]
    rows += [["张三", A, "低保金", 1560, ""], ["张三", A, "低保金", 520, "8月新增"]]
    [table], frame, _ = load_ledgers([write(tmp_path / "2026年第三季度低保金发放明细.xlsx", rows)], AS_OF)
    # (two rows of the quarter: whose months cannot be told, unread as before)
    assert [r for r in got(frame) if r[0] == "张三"] == [("张三", "", 520.0), ("张三", "", 1560.0)]
    assert [n for n in table.warnings if "其中 2 行的领取人同一项目有多行" in n]


def test_a_quarters_sheet_whose_rows_name_their_months_in_the_remark(tmp_path):
    # h368's county b: a payee's monthly rows in an undated 四季度 sheet, each remark its month — November twice
    rows = [["户主姓名", "户主身份证号", "资金项目", "发放金额", "备注"]]
    rows += [[f"户{k}", make_id("19700101", 200 + k), "低保金", 1500, ""] for k in range(20)]
    rows += [["张三", A, "低保金", 520, f"2025年{m}月"] for m in (10, 11, 11, 12)]
    [table], frame, _ = load_ledgers([write(tmp_path / "2025年城乡低保金.xlsx", rows, sheet="四季度")], AS_OF)
    assert [r for r in got(frame) if r[0] == "张三"] == [
        ("张三", "2025-10", 520.0), ("张三", "2025-11", 520.0), ("张三", "2025-11", 520.0), ("张三", "2025-12", 520.0)]


def test_a_wide_book_of_half_year_columns_pays_each_halfs_months_at_once(tmp_path):
    # h383: 上半年 | 下半年 books were unread ("看不出发放的是哪个月"); 上半年物价补贴 beside is another item's
    rows = [["姓名", "身份证号码", "上半年", "下半年", "上半年物价补贴", "下半年物价补贴"],
            ["张三", A, 7260, "7,260.00", 60, 60],
            ["李四", B, 7380, "", 60, 60]]
    [table], frame, _ = load_ledgers([write(tmp_path / "特困人员基本生活费发放表.xlsx", rows, "2026年特困人员基本生活费发放表")], AS_OF)
    benefit = frame[~frame["item"].astype(str).str.contains("物价", na=False)] if "item" in frame.columns else frame
    assert sorted(x for x in got(benefit) if x[2] > 100) == sorted(
        [("张三", f"2026-{m:02d}", 1210.0) for m in range(1, 13)] + [("李四", f"2026-{m:02d}", 1230.0) for m in range(1, 7)])
    assert [n for n in table.warnings if "每格按该半年 6 个月一次发放计" in n]


@pytest.mark.parametrize("period, q1", [
    # h383: no year anywhere, reviewed in January: 一季度 was the coming year's, 四季度 the roster's
    (("2026-10", "2026-11", "2026-12"), "2026-01"),
    ((), "2027-01"),  # no roster period: counted back from the review date, as before
])
def test_a_year_less_quarter_book_takes_the_rosters_year(tmp_path, period, q1):
    rows = [["户主姓名", "户主身份证号", "一季度", "二季度", "三季度", "四季度"], ["张三", A, 1560, 1560, 1560, 1560]]
    [table], frame, _ = load_ledgers([write(tmp_path / "低保金季度发放表.xlsx", rows)], dt.date(2027, 1, 15), period=period)
    assert q1 in set(frame["month"]) and "2026-12" in set(frame["month"])
    # counted back across two years is said
    assert bool([n for n in table.warnings if "跨了 2026 年和 2027 年" in n]) == (not period)


def test_a_quarters_sheet_with_a_back_pay_row_naming_no_month(tmp_path):
    # h383: a payee's extra row remarked '补发' beside his quarter's row made the whole sheet unread; it is paid in the
    # quarter too (said), and two such rows of one payee stay unread
    rows = [["户主姓名", "户主身份证号", "资金项目", "发放金额", "备注"]]
    rows += [[f"户{k}", make_id("19700101", 200 + k), "低保金", 1500, ""] for k in range(20)]
    rows += [["张三", A, "低保金", 1560, ""], ["张三", A, "低保金", 520, "补发"],
             ["李四", B, "低保金", 2040, ""], ["李四", B, "低保金", 680, "补发低保金"], ["李四", B, "低保金", 680, "补发"]]
    [table], frame, _ = load_ledgers([write(tmp_path / "2026年第三季度低保金发放明细.xlsx", rows)], AS_OF)
    assert [r for r in got(frame) if r[0] == "张三"] == sorted(months_of(3, 520.0) + [(n, m, round(520 / 3, 2))
                                                                                    for n, m, _ in months_of(3, 0)])
    assert len([r for r in got(frame) if r[0] == "户0"]) == 3
    assert [n for n in table.warnings if "其中 1 行备注为补发（或重发）但未写补发哪个月，也按这 3 个月计" in n]
    assert [n for n in table.warnings if "其中 2 行的领取人同一项目有多行" in n]


def test_a_back_paid_month_in_the_one_quarter_cell_a_month_over(tmp_path):
    # h383: '含3月补发' in 备注 beside 2 × | 4 × | 3 × | 3 × the amount: the second quarter's cell holds March's back pay;
    # a row with two cells a month over (or none) is left as it was
    rows = [["户主姓名", "户主身份证号", "一季度", "二季度", "三季度", "四季度", "备注"],
            ["张三", A, 1040, 2080, 1560, 1560, "含3月补发"],
            ["李四", B, 2040, 2720, 2720, 2040, "其中补发3月"]]
    [table], frame, _ = load_ledgers([write(tmp_path / "2026年低保金发放表.xlsx", rows)], AS_OF)
    zhang = [r for r in got(frame) if r[0] == "张三"]
    assert zhang == sorted([(n, m, 346.67) for n, m, _ in months_of(1, 0)] + months_of(2, 520.0) + months_of(3, 520.0)
                           + months_of(4, 520.0) + [("张三", "2026-03", 520.0)])
    assert ("李四", "2026-04", round(2720 / 3, 2)) in got(frame) and len([r for r in got(frame) if r[0] == "李四"]) == 12
    assert [n for n in table.warnings if "有 1 行备注写明补发某月" in n]


@pytest.mark.parametrize("name, title, cap, expected", [
    # held-out 396: the roster period a year-less quarter book takes its year from came from the roster's file name
    # only; a roster named '花名册.xlsx' under a title naming the quarter gave none
    ("花名册.xlsx", "青山县城乡低保对象花名册（2025年第四季度）", None, ("2025-10", "2025-11", "2025-12")),
    ("低保花名册_2026年第一季度.xlsx", "青山县城乡低保对象花名册（2025年第四季度）", None, ("2026-01", "2026-02", "2026-03")),
    ("花名册.xlsx", "青山县城乡低保对象花名册", None, ()),
    ("花名册.xlsx", "青山县城乡低保对象花名册（2025年第四季度）", 10, ()),  # a big roster is not opened for it
])
def test_the_roster_period_comes_from_a_rosters_title_too(tmp_path, monkeypatch, name, title, cap, expected):
    import xlsxwriter

    from rostercheck import loading

    if cap is not None:
        monkeypatch.setattr(loading, "TITLE_PEEK_BYTES", cap)
    wb = xlsxwriter.Workbook(str(tmp_path / name))
    ws = wb.add_worksheet("Sheet1")
    for i, row in enumerate([[title], ["姓名", "身份证号", "月保障金"], ["张三", "110101195001011234", 516]]):
        ws.write_row(i, 0, row)
    wb.close()
    assert loading.roster_period([tmp_path / name]) == expected


@pytest.mark.parametrize("period, dated", [("2026年第1季度", True), ("202601-202603", True), ("2026年1-3月", True),
                                           ("2026年第1季度", False)])
def test_a_quarter_named_on_each_months_rows_is_the_batchs_period(tmp_path, period, dated):
    # h400: a 一卡通 export's 所属期 is the quarter on every month's rows, the month only in 发放日期 (or in the file's
    # name): each row had paid the three months (each payee's quarter three times: F04 高 everywhere, and three monthly
    # files one repeated month); each row is its payment date's month, a back pay its 摘要's (补发1月)
    def rows_of(mm):
        rows = [["姓名", "身份证号", "补贴项目", "所属期", "发放金额", "发放日期", "摘要"]]
        rows += [[f"户{k}", make_id("19700101", 200 + k), "低保金", period, 500, f"2026-{mm:02d}-12", ""] for k in range(4)]
        rows += [["张三", A, "低保金", period, 520, f"2026-{mm:02d}-12", ""]]
        if mm == 2:
            rows += [["张三", A, "低保金", period, 520, "2026-02-20", "补发1月"]]
        return rows if dated else [r[:5] + r[6:] for r in rows]
    files = [write(tmp_path / f"一卡通发放清单_2026{mm:02d}.xlsx", rows_of(mm)) for mm in (1, 2, 3)]
    _, frame, warnings = load_ledgers(files, AS_OF)
    assert [r for r in got(frame) if r[0] == "张三"] == [
        ("张三", "2026-01", 520.0), ("张三", "2026-01", 520.0), ("张三", "2026-02", 520.0), ("张三", "2026-03", 520.0)]
    assert [r for r in got(frame) if r[0] == "户0"] == months_of(1, 500.0, "户0")
    assert set(frame["parts"]) == {1}
    assert not [w for w in warnings if "提供了两次" in w]


def test_a_quarter_paid_once_a_payee_stays_the_quarters_three_months(tmp_path):
    # a sum for the quarter (one row a payee, paid in the quarter's first month) is still spread over its months
    rows = [["姓名", "身份证号", "补贴项目", "所属期", "发放金额", "发放日期"]]
    rows += [[f"户{k}", make_id("19700101", 200 + k), "低保金", "2026年第1季度", 1500, "2026-01-12"] for k in range(4)]
    [table], frame, _ = load_ledgers([write(tmp_path / "一卡通发放清单.xlsx", rows)], AS_OF)
    assert [r for r in got(frame) if r[0] == "户0"] == months_of(1, 500.0, "户0")
    assert set(frame["parts"]) == {3}


@pytest.mark.parametrize("year, month", [("补贴年度", "补贴月份"), ("补助年度", "补助月份"), ("所属年度", "所属月份")])
def test_a_subsidy_year_and_month_in_two_columns(tmp_path, year, month):
    # h400: a 一卡通 platform's 补贴年度 2025 beside 补贴月份 10 was unread: the month came from the batch or the payment
    # date (a back pay for October read as November's), or a file without them was "看不出发放的是哪个月"
    rows = [["姓名", "身份证号", "补贴项目", year, month, "发放金额"],
            ["张三", A, "物价补贴", 2025, 10, 30], ["李四", B, "物价补贴", 2025, 11, 30]]
    [table], frame, _ = load_ledgers([write(tmp_path / "价格临时补贴发放明细.xlsx", rows)], AS_OF)
    assert got(frame) == [("张三", "2025-10", 30.0), ("李四", "2025-11", 30.0)]
