"""F04: the same payee paid twice for the same item and month."""

import pytest

from money import findings, household, make_id, money, money_context, months, pay

A = make_id("19800101", 111)
B = make_id("19820202", 122)
C = make_id("19700303", 131)
E = make_id("19650505", 151)


def roster():
    return household("王五", A, [("王芳", "配偶", B)], benefit=1032)


def test_paid_twice_for_one_month_recovers_the_extra_payment():
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 1032, "低保金（补发）", paid_date="2026-09-20"))
    assert money(money_context(roster(), rows), "F04") == [("王五", "高", 1032.0, None)]


def test_paid_twice_in_months_of_files_naming_the_programme_and_not_is_one_finding():
    # a bank's return file names no programme (基本生活费, no 特困 anywhere); the monthly files do: one finding for all
    # the months, not one per file (held-out 83)
    rows = [pay(A, "王五", m, 1032, item="基本生活费", paid_date=f"{m}-{day}", **({"programme": "低保"} if m != "2026-08" else {}))
            for m in months("2026-07", "2026-09") for day in ("05", "25")]
    found = money(money_context(household("王五", A, benefit=1032), rows), "F04")
    assert found == [("王五", "高", 3096.0, None)]


@pytest.mark.parametrize("status, item", [("退回", "低保金"), ("账户已销户", "补发2026年8月低保金")])
def test_failed_then_repaid_is_not_a_duplicate(status, item):
    # a returned payment, or one to a closed account (账户已销户), paid again later
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows[1]["status"] = status
    rows.append(pay(A, "王五", "2026-08", 1032, item, paid_date="2026-09-25"))
    assert money(money_context(roster(), rows), "F04") == []


def bank(month: str, summary: str, amount: object = 1032, status: str = "成功") -> dict:
    """A row of a bank's monthly 代发回盘 file: the file's month, and the month it is for written in its 摘要 alone."""
    return pay(A, "王五", month, amount, summary, status, month_source="表名")


@pytest.mark.parametrize("rows, found", [
    # June failed, paid back (补发) in September, after the month's own payment: no duplicate (戴林)
    ([bank(m, f"低保金{m.replace('-', '')}", status="失败" if m == "2026-06" else "成功") for m in months("2026-06", "2026-09")]
     + [bank("2026-09", "补发低保金202606")], []),
    # May paid, and paid back again in August: May twice (黎红)
    ([bank(m, f"低保金{m.replace('-', '')}") for m in months("2026-05", "2026-09")] + [bank("2026-08", "补发低保金202605")],
     [("王五", "高", 1032.0, None)]),
    # August paid 1,130 in error, reversed in the next row (冲正, a minus before the yuan sign), then 1,032 paid: one
    # payment (陶满伟, a trap: "多发 2,170")
    ([bank(m, f"低保金{m.replace('-', '')}") for m in ("2026-07", "2026-09")]
     + [bank("2026-08", "低保金202608", "￥1,130.00"), bank("2026-08", "冲正 低保金202608", "-￥1,130.00"),
        bank("2026-08", "低保金202608", "￥1,032.00")], []),
])
def test_a_bank_file_paying_back_pay_for_the_month_its_summary_names(rows, found):
    # held-out 215: 河口乡's 代发回盘 files wrote the month paid for in 摘要 alone; the file's month was taken, so back
    # pay for June paid in September was F04 高 (戴林, a trap) and 黎红's 补发 for May was said to be August's
    assert money(money_context(roster(), rows), "F04") == found
    if found:
        assert findings(money_context(roster(), rows), "F04")[0].months.startswith("2026-05")


def test_two_payments_differing_in_an_unread_status_code_are_not_a_duplicate():
    # a system's 发放状态代码: 2 (failed) then 1 (paid) is a re-payment until the codes are configured
    rows = [pay(A, "王五", m, 1032, status="1") for m in months("2026-07", "2026-09")]
    rows.insert(1, pay(A, "王五", "2026-08", 1032, status="2"))
    assert money(money_context(roster(), rows), "F04") == []
    assert money(money_context(roster(), rows), "F05") == []  # nor is it 多发
    rows[1]["status"] = "1"  # the same code twice: paid twice, but not surely (中)
    assert money(money_context(roster(), rows), "F04") == [("王五", "中", 1032.0, None)]


def test_price_subsidy_beside_the_benefit_and_members_own_rows_are_not_duplicates():
    rows = [pay(A, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(B, "王芳", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", m, 40, "价格临时补贴") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-09", 60, "提标补差"))
    assert money(money_context(roster(), rows), "F04") == []



@pytest.mark.parametrize("remark", ["补发1-6月提高标准部分", "标准提高补发", "标准上调补发", "调标差额"])
def test_a_raise_paid_back_under_the_benefits_own_item_is_no_duplicate(remark):
    # held-out 200 (variant H): 特困供养金 with 备注 补发1-6月提高标准部分, 74 元 a month, was F04 高 for 8 people
    rows = [pay(A, "王五", m, 1032) for m in months("2026-01", "2026-09")]
    rows += [pay(A, "王五", m, 40, remark=remark, paid_date="2026-08-10") for m in months("2026-01", "2026-06")]
    assert money(money_context(roster(), rows), "F04") == []

@pytest.mark.parametrize("raises, source, expected", [
    ([40, 40], "列", [("王五", "高", 40.0, None)]),  # July's raise paid twice (held-out 279: F05 多发, not F04)
    ([40, 40], "备注", [("王五", "高", 40.0, None)]),  # … its month said by a remark ("7月提标补差")
    ([30, 10], "列", []),  # a raise paid in two steps is no duplicate
    ([40, 40], "表名", []),  # no month of its own: two of them make up two earlier months (held-out 264)
])
def test_a_raise_paid_twice_for_its_month_is_a_duplicate(raises, source, expected):
    rows = [pay(A, "王五", m, 992) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", m, 40, "提标补差", paid_date="2026-10-10") for m in months("2026-08", "2026-09")]
    rows += [pay(A, "王五", "2026-07", x, "提标补差", month_source=source, paid_date="2026-08-10") for x in raises]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == expected
    if expected:
        assert money(ctx, "F05") == []  # the month's 多发 is the duplicate's, said once


def write(path, rows):
    """A one-sheet workbook of these rows (xlsxwriter: numbers stay numbers)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Sheet1")
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.write(i, j, v)
    wb.close()
    return path


def test_the_same_months_as_monthly_files_per_person_and_a_yearly_summary_per_household_are_not_duplicates(tmp_path):
    import datetime as dt

    from rostercheck.audit import audit

    a, b, c, d = make_id("19800101", 111), make_id("19820202", 122), make_id("19700303", 131), make_id("19720404", 141)
    write(tmp_path / "低保花名册.xlsx", [["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "月保障金"],
                                     *[["城关镇", "东村", h, hid, n, i, r, 1032] for h, hid, n, i, r in
                                       (("张三", a, "张三", a, "户主"), ("张三", a, "李梅", b, "配偶"),
                                        ("王五", c, "王五", c, "户主"), ("王五", c, "赵六", d, "配偶"))]])
    folder = tmp_path / "资金"
    folder.mkdir()
    for m in (7, 8, 9):  # the bank's monthly files, one row per person
        write(folder / f"2026年{m}月发放明细.xlsx", [["姓名", "身份证号", "资金项目", "发放金额", "发放状态"],
                                                   *[[n, i, "低保金", 516, "成功"] for n, i in (("张三", a), ("李梅", b), ("王五", c), ("赵六", d))]])
    summary = [["户主姓名", "户主身份证号", "7月", "8月", "9月"], ["张三", a, 1032, 1032, 1032], ["王五", c, 1032, 1032, 1032]]
    write(folder / "2026年低保金发放汇总表.xlsx", summary)
    result = audit([tmp_path / "低保花名册.xlsx"], {}, dt.date(2026, 9, 30), payments=[folder], codes=["F04"])
    assert result.findings.empty
    assert sum("同一批" in w for w in result.warnings) == 3


@pytest.mark.parametrize("summary_amount, duplicates", [(1032, 0), (500, 1)])
def test_a_townships_yearly_summary_beside_the_countys_monthly_files_is_the_same_payments(tmp_path, summary_amount,
                                                                                         duplicates):
    # held-out 295: three townships' 汇总表 (a third of the households each) beside the county's monthly CSVs were
    # counted again: 90 F04/F05 高, totals ten times the truth. A summary paying other sums is no copy.
    import datetime as dt

    from rostercheck.audit import audit

    heads = [make_id(f"1960{k + 1:02d}01", 111 + k) for k in range(6)]
    write(tmp_path / "低保花名册.xlsx", [["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "月保障金"],
                                     *[["城关镇" if k < 2 else "河口乡", "东村", f"户主{k}", h, f"户主{k}", h, "户主", 1032]
                                       for k, h in enumerate(heads)]])
    folder = tmp_path / "资金"
    folder.mkdir()
    for m in (7, 8, 9):
        write(folder / f"2026年{m}月发放明细.xlsx", [["户主姓名", "户主身份证号", "资金项目", "发放金额", "发放状态"],
                                                   *[[f"户主{k}", h, "低保金", 1032, "成功"] for k, h in enumerate(heads)]])
    write(folder / "城关镇2026年低保金发放汇总表.xlsx",
          [["户主姓名", "户主身份证号", "7月", "8月", "9月"], *[[f"户主{k}", heads[k], *[summary_amount] * 3] for k in range(2)]])
    result = audit([tmp_path / "低保花名册.xlsx"], {}, dt.date(2026, 9, 30), payments=[folder], codes=["F04"])
    assert len(result.findings) == duplicates * 2


def test_a_yearly_summary_given_before_the_monthly_files_is_the_copy_not_them(tmp_path):
    # The summary (a column per month) first: the monthly files are still the detail kept, so one household's
    # August, failed in the August file and paid again in September's (补发8月), is paid once, not twice.
    import datetime as dt

    from rostercheck.audit import audit

    people = [(n, make_id(f"19{50 + k}0101", 111 + k)) for k, n in enumerate(("张三", "李四", "王五", "赵六", "钱七"))]
    write(tmp_path / "低保花名册.xlsx", [["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "月保障金"],
                                     *[["城关镇", "东村", n, i, n, i, "户主", 516] for n, i in people]])
    summary = write(tmp_path / "2026年低保金发放汇总表.xlsx",
                    [["户主姓名", "户主身份证号", "7月", "8月", "9月"], *[[n, i, 516, 516, 516] for n, i in people]])
    monthly = []
    for m in (7, 8, 9):
        rows = [[n, i, "低保金", 516, "失败" if (m == 8 and n == "张三") else "成功", ""] for n, i in people]
        if m == 9:
            rows.append(["张三", people[0][1], "低保金", 516, "成功", "补发8月"])
        monthly.append(write(tmp_path / f"2026年{m}月发放明细.xlsx", [["姓名", "身份证号", "资金项目", "发放金额", "发放状态", "备注"],
                                                                   *rows]))
    result = audit([tmp_path / "低保花名册.xlsx"], {}, dt.date(2026, 9, 30), payments=[summary, *monthly], codes=["F04"])
    assert result.findings.empty


def test_one_months_batch_in_two_views_carries_its_back_pay_once(tmp_path):
    # The bureau's August list (所属月份) and the bank's August 代发明细 (the month in its title, 补发6月 in 摘要) are one
    # batch: its back pay for June is paid once, beside June's own payment of the others
    import datetime as dt

    from rostercheck.audit import audit

    people = [(n, make_id(f"19{50 + k}0101", 111 + k)) for k, n in enumerate(("张三", "李四", "王五", "赵六", "钱七"))]
    write(tmp_path / "低保花名册.xlsx", [["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "月保障金"],
                                     *[["城关镇", "东村", n, i, n, i, "户主", 516] for n, i in people]])
    june = write(tmp_path / "2026年6月发放明细.xlsx", [["姓名", "身份证号", "资金项目", "所属月份", "发放金额"],
                                                      *[[n, i, "低保金", "2026-06", 516] for n, i in people[1:]]])
    bureau = write(tmp_path / "2026年8月发放花名表_民政.xlsx", [
        ["户主姓名", "户主身份证号", "资金项目", "所属月份", "发放金额", "备注"],
        *[[n, i, "低保金", "2026-08", 516, ""] for n, i in people], [people[0][0], people[0][1], "低保金", "2026-06", 516, "补发6月"]])
    bank = write(tmp_path / "农商银行代发明细_202608.xlsx", [
        ["清溪县农商银行批量代发明细（2026年8月）"], ["户名", "证件号码", "资金项目", "交易金额", "处理结果", "摘要"],
        *[[n, i, "低保金", 516, "交易成功", "2026年8月低保金"] for n, i in people],
        [people[0][0], people[0][1], "低保金", 516, "交易成功", "补发6月"]])
    result = audit([tmp_path / "低保花名册.xlsx"], {}, dt.date(2026, 9, 30), payments=[june, bureau, bank], codes=["F04"])
    assert result.findings.empty


@pytest.mark.parametrize("back_pay", ["补发2026年6-7月低保金", ""])
def test_a_summarys_months_the_bank_files_pay_as_back_pay_are_that_back_pay(tmp_path, back_pay):
    # held-out 259: the summary (a column per month) lists 张三's June and July, approved in June; the bank's monthly
    # files, which the summary copies for August and September, pay them as 补发6-7月 in August: one payment each, not
    # F04 高 for both. Without the back pay, June and July are the summary's alone (nothing to leave out).
    import datetime as dt

    from rostercheck.audit import audit

    people = [(n, make_id(f"19{50 + k}0101", 111 + k)) for k, n in enumerate(("张三", "李四", "王五", "赵六", "钱七"))]
    write(tmp_path / "低保花名册.xlsx", [["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "月保障金"],
                                     *[["城关镇", "东村", n, i, n, i, "户主", 516] for n, i in people]])
    summary = write(tmp_path / "2026年低保金发放汇总表.xlsx",
                    [["户主姓名", "户主身份证号", "6月", "7月", "8月", "9月"], *[[n, i, 516, 516, 516, 516] for n, i in people]])
    monthly = []
    for m in (8, 9):
        rows = [[n, i, f"2026年{m}月低保金", 516, "成功"] for n, i in people]
        if m == 8 and back_pay:
            rows.append(["张三", people[0][1], back_pay, 1032, "成功"])
        monthly.append(write(tmp_path / f"农商银行代发结果_20260{m}.xlsx", [["户名", "证件号码", "摘要", "金额", "处理结果"], *rows]))
    result = audit([tmp_path / "低保花名册.xlsx"], {}, dt.date(2026, 9, 30), payments=[summary, *monthly], codes=["F04"])
    assert result.findings.empty
    assert sum("补发、重新发放）是同一笔" in w for w in result.warnings) == (2 if back_pay else 0)


def test_a_status_that_says_neither_paid_nor_failed_is_counted_paid_and_named_in_a_warning():
    from rostercheck.rules._vocab import value_warnings

    rows = [pay(A, "王五", m, 1032, status="已记账") for m in months("2026-07", "2026-09")]
    rows[0]["status"] = "交易成功"
    ctx = money_context(roster(), rows)
    warnings = [w for w in value_warnings(ctx) if "发放状态" in w]
    assert len(warnings) == 1 and "已记账" in warnings[0] and "2" in warnings[0] and "交易成功" not in warnings[0]


def test_a_payment_still_being_processed_then_made_is_one_payment():
    rows = [pay(A, "王五", "2026-09", 1032, status="处理中"), pay(A, "王五", "2026-09", 1032, status="成功")]
    assert money(money_context(roster(), rows), "F04") == []


def test_a_reversed_duplicate_is_no_duplicate_and_a_returned_payment_not_paid_again_is_owed():
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", "2026-07", 1032), pay(A, "王五", "2026-07", -1032, remark="冲正：重复发放")]
    assert money(money_context(roster(), rows), "F04") == []
    rows.append(pay(A, "王五", "2026-09", -1032, status="退回", remark="账户冻结退回"))
    assert money(money_context(roster(), rows), "F06") == [("王五", "高", None, 1032.0)]


@pytest.mark.parametrize("item", ["冲正", "撤销", " 冲正 "])
def test_a_duplicate_reversed_by_a_row_whose_item_is_only_the_word_of_undoing_is_no_duplicate(item):
    # held-out 351: a finance office wrote the reversal's 项目 as a bare '冲正' (no item named): F04 高 1,032
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", "2026-08", 1032), pay(A, "王五", "2026-08", -1032, item, remark="冲正8月重复发放")]
    assert money(money_context(roster(), rows), "F04") == []
    # the amount still decides which payment a bare 冲正 undoes: one of another amount leaves the duplicate
    rows[-1] = pay(A, "王五", "2026-08", -30, item, remark="冲正物价补贴")
    assert money(money_context(roster(), rows), "F04") == [("王五", "高", 1032.0, None)]


@pytest.mark.parametrize("item", ["冲正", "撤销", " 冲正 "])
def test_a_row_whose_bare_word_of_undoing_undid_a_payment_is_said_as_what_it_did(item):
    # held-out 354 (an h351 leftover): the bare 冲正 that undid a duplicate was listed as an unread item, "已按其他资金计"
    from rostercheck.rules._vocab import value_warnings

    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", "2026-08", 1032), pay(A, "王五", "2026-08", -1032, item, remark="冲正8月重复发放")]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == []
    said = ctx.cache["money:items"][0]
    assert said.endswith(f"；冲正（与所冲销的同额发放相抵，两笔均不计为发放）：{item.strip()}")
    assert "另有" not in said and "其他资金（不核对）：无" in said
    unread = [w for w in value_warnings(ctx) if "资金项目" in w]
    # (撤销 is no word of recovering: a bare 撤销 undoing nothing would be an unread item, so the column warning stays)
    assert bool(unread) == (item == "撤销")


def test_one_months_benefit_paid_in_two_parts_is_no_duplicate_but_a_members_share_paid_twice_is():
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-08")]
    rows += [pay(A, "王五", "2026-09", 516), pay(A, "王五", "2026-09", 516)]  # 1032 in two parts
    assert money(money_context(roster(), rows), "F04") == []
    rows = [pay(x, n, m, 516) for m in months("2026-07", "2026-09") for x, n in ((A, "王五"), (B, "王芳"))]
    rows.append(pay(B, "王芳", "2026-09", 516))  # her own share of 1032, paid twice
    assert money(money_context(roster(), rows), "F04") == [("王芳", "高", 516.0, None)]



def test_a_copy_of_one_townships_file_beside_anothers_is_no_duplicate(tmp_path):
    # May's ledgers of two townships, the second saved twice: the copy repeats that file, not the month as a whole
    import datetime as dt
    import shutil

    from rostercheck.audit import audit

    people = [(f"户{k}", make_id(f"19{50 + k}0101", 111 + k)) for k in range(16)]
    write(tmp_path / "低保花名册.xlsx", [["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "月保障金"],
                                     *[["城关镇" if k < 12 else "河口乡", "东村", n, i, n, i, "户主", 516]
                                       for k, (n, i) in enumerate(people)]])
    folder = tmp_path / "资金"
    folder.mkdir()
    write(folder / "城关镇2026年5月发放明细.xlsx", [["户名", "身份证号", "所属月份", "发放金额"],
                                                 *[[n, i, "2026-05", 516] for n, i in people[:12]]])
    write(folder / "河口乡代发明细_202605.xlsx", [["户名", "身份证号", "所属月份", "发放金额"],
                                               *[[n, i, "2026-05", 516] for n, i in people[12:]]])
    shutil.copy(folder / "河口乡代发明细_202605.xlsx", folder / "河口乡代发明细_202605(1).xlsx")
    result = audit([tmp_path / "低保花名册.xlsx"], {}, dt.date(2026, 5, 31), payments=[folder], codes=["F04"])
    assert result.findings.empty and any("提供了两次" in w for w in result.warnings)


def test_a_month_in_a_wide_sheet_named_after_the_benefit_and_again_in_a_back_pay_file_is_a_duplicate():
    # the annual workbook's sheet '低保金' (no item column) and a back-pay CSV paying 低保金 again for one month
    others = [(make_id("19600101", 11 + 10 * k), f"户主{k}") for k in range(4)]
    rost = roster() + [r for pid, name in others for r in household(name, pid, benefit=516)]
    rows = [pay(A, "王五", m, 1032, item="") for m in months("2026-07", "2026-09")]
    rows += [pay(pid, name, m, 516, item="") for pid, name in others for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 1032, "低保金", paid_date="2026-09-20", remark="补发"))
    ctx = money_context(rost, rows)
    frame = ctx.lists["payments"]
    frame["_sheet"] = ["低保金"] * (len(rows) - 1) + [""]
    frame["_file"] = ["资金发放花名册.xlsx"] * (len(rows) - 1) + ["补发明细.csv"]
    assert money(ctx, "F04") == [("王五", "高", 1032.0, None)]


@pytest.mark.parametrize("first", [{"status": "F"}, {"status": "S", "fail_reason": "账户冻结"}])
def test_a_bank_code_or_a_reason_for_failing_marks_the_payment_failed(first):
    # a bank's 代发 file: 交易状态 S/F, and a 失败原因 column filled in where a payment did not go through
    rows = [pay(A, "王五", m, 1032, status="S", fail_reason="") for m in months("2026-07", "2026-09")]
    rows[1].update(first)
    rows.append(pay(A, "王五", "2026-08", 1032, status="S", fail_reason="", paid_date="2026-09-25"))
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == [] and money(ctx, "F05") == []


def test_a_month_paid_in_a_banks_file_without_ids_and_again_as_back_pay_is_a_duplicate():
    # held-out 106: June in a bank's 代发 file (账号 and 户名, linked by the account) and again in a 补发 file by the
    # head's ID: the bank's row named no programme and its payee was '账号…', so the months were F05's 多发, not F04
    account = "6230575103325484921"
    rost = household("王五", A, [("王芳", "配偶", B)], benefit=1032, bank_account=account)
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09") if m != "2026-08"]
    rows.append({"id": "", "name": "", "holder": "王五", "bank_account": account, "month": "2026-08", "amount": 1032,
                 "item": "", "status": "成功"})
    rows.append(pay(A, "王五", "2026-08", 1032, "低保金", remark="补发8月", paid_date="2026-09-20"))
    assert money(money_context(rost, rows), "F04") == [("王五", "中", 1032.0, None)]
    assert money(money_context(rost, rows), "F05") == []


def test_two_holders_paid_into_one_account_in_a_banks_file_without_ids_are_two_payees():
    # a bank file naming only 户名 and 账号: the payee is the account and the holder's name, not the account alone
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows += [pay("", "", "2026-09", 516, holder=name, bank_account="6217000000000000999") for name in ("周九", "吴十")]
    assert money(money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032), rows), "F04") == []


def test_a_grant_from_each_programmes_ledger_is_no_duplicate():
    # held-out 136: a 特困 person also heading a 低保 household got the 春节 grant from each programme's ledger: the
    # double enrolment is D01's, not F04 高 多发 300 元
    both = [pay(A, "王五", "2026-01", 300, item="春节一次性生活补贴", programme="低保"),
            pay(A, "王五", "2026-01", 500, item="春节一次性生活补贴", programme="特困")]
    assert money(money_context(roster(), both), "F04") == []


@pytest.mark.parametrize("items", [("临时救助金", "临时救助金"), ("春节一次性生活补贴", "春节一次性生活补贴"),
                                   ("高龄津贴", "特困供养金"), ("优抚金", "低保金"),
                                   # held-out 288: a 分类施保 supplement paid on a row of its own was F04 高 1,200 a year
                                   ("低保重残加发", "城乡最低生活保障金"), ("低保分类施保金", "低保金")])
def test_other_money_is_never_a_duplicate(items):
    # held-out 203: two 临时救助金 in June (two emergencies), a 高龄津贴 or an 优抚金 beside the benefit were F04 高
    # "同一资金项目 … 发放 2 次": F04 compares the benefit alone (the other programmes are not this audit's)
    rows = [pay(A, "王五", "2026-06", amount, item=item, paid_date=f"2026-06-{d}")
            for item, amount, d in zip(items, (800, 1032), (10, 20))]
    assert money(money_context(roster(), rows), "F04") == []


@pytest.mark.parametrize("returned", [True, False])
def test_a_payment_that_came_back_and_its_repayment_remarked_so_are_no_duplicate(returned):
    # held-out 225: the yearly ledger's two March rows, the second remarked 3月退回重发; the bank's return file (another
    # file) says the first failed, or the remark alone says so: one payment, no F04 高, and the month is paid
    rows = [pay(A, "王五", m, 1032, _file="2026年度资金发放台账.xlsx") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 1032, remark="8月退回重发", _file="2026年度资金发放台账.xlsx"))
    if returned:
        rows.append(pay(A, "王五", "2026-08", 1032, item="", status="失败（失败原因：户名与账号不符）",
                        _file="农商行代发退回明细_2026年08月.xlsx"))
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == [] and money(ctx, "F06") == []


@pytest.mark.parametrize("remark, files", [
    ("重发", ("发放明细.xlsx", "发放明细.xlsx")),  # a bare 重发 beside two successes of the same batch
    ("重发2月", ("农信社代发结果_2026年02月.xlsx", "农信社代发结果_2026年03月.xlsx")),  # (the row booked to February)
    # the remark names a return, but another file's result says February paid and no record says it came back
    ("退回重发2月", ("农信社代发结果_2026年02月.xlsx", "农信社代发结果_2026年03月.xlsx")),
])
def test_a_repayment_remark_beside_a_payment_no_record_says_came_back_is_a_duplicate_to_check(remark, files):
    # held-out 226: 刘海燕 paid 520 twice in May, both 成功, the second remarked 重发; 曾金凤's February paid and re-paid
    # in March (重发2月): the remark cancelled the first payment, nothing was flagged. Only a failed or returned payment
    # is paid again without a duplicate: F04 中, the remark quoted (the clerk checks whether the first came back)
    people = roster() + household("李四", C, benefit=700) + household("陈一", E, benefit=800)
    rows = [pay(x, n, m, a, _file=file) for m, file in zip(("2026-02", "2026-03"), files)
            for x, n, a in ((A, "王五", 2064), (C, "李四", 700), (E, "陈一", 800))]
    rows.append(pay(A, "王五", "2026-02", 2064, remark=remark, _file=files[1]))
    [f] = findings(money_context(people, rows), "F04")
    assert (f.confidence, f.recover, f.months) == ("中", 2064.0, "2026-02（1个月）")
    assert f"备注“{remark}”" in f.evidence


@pytest.mark.parametrize("dated", [True, False])
def test_a_payment_returned_below_it_in_its_own_file_and_paid_again_is_no_duplicate(dated):
    # held-out 233 (邵文斌): March's file pays March (成功), a later row of the same file says it came back (退回,
    # "3月资金退回（账户异常）"), a third pays it again (重发): one payment, not F04 中 "没有记录显示前一笔…被退回"
    when = (lambda day: {"paid_date": f"2026-03-{day}"}) if dated else (lambda day: {})
    rows = [pay(A, "王五", m, 1032) for m in ("2026-02", "2026-04")]
    rows += [pay(A, "王五", "2026-03", 1032, **when(10)),
             pay(A, "王五", "2026-03", 1032, status="退回", remark="3月资金退回（账户异常）", **when(20)),
             pay(A, "王五", "2026-03", 1032, remark="重发", **when(28))]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == [] and money(ctx, "F06") == []


def _care_as_benefit(tmp_path):
    """A county counting the 特困 照料护理费 as the benefit: 护理 out of money_other_items."""
    cfg = tmp_path / "c.toml"
    cfg.write_text('[common]\nmoney_other_items = ["物价", "价格", "一次性", "春节"]\n', encoding="utf-8")
    return cfg


def test_a_tekun_persons_basic_living_and_care_fees_of_one_month_are_no_duplicate(tmp_path):
    # held-out 301: with 照料护理费 counted as the benefit, 基本生活费 1040 and 照料护理费 190 of each month were F04 950
    p = make_id("19400101", 111)
    rows = household("孟士杰", p, benefit=1040, programme="特困")
    paid = [pay(p, "孟士杰", m, a, item) for m in months("2026-07", "2026-09")
            for a, item in ((1040, "特困人员基本生活费"), (190, "特困人员照料护理费"))]
    ctx = money_context(rows, paid, config=_care_as_benefit(tmp_path))
    assert money(ctx, "F04") == []
    # … while each paid twice is
    paid += [pay(p, "孟士杰", "2026-08", a, item) for a, item in ((1040, "特困人员基本生活费"), (190, "特困人员照料护理费"))]
    assert money(money_context(rows, paid, config=_care_as_benefit(tmp_path)), "F04") == [("孟士杰", "高", 1230.0, None)]


def test_a_duplicate_paid_into_two_accounts_says_both():
    # held-out 301: paid as 分散 into his own account and through the care home's: the evidence named neither
    rows = [pay(A, "王五", m, 1032, bank_account="6217000011112222", holder="王五") for m in months("2026-07", "2026-09")]
    rows.append(pay(A, "王五", "2026-08", 1032, bank_account="6217000099998888", holder="城关敬老院"))
    (found,) = findings(money_context(roster(), rows), "F04")
    assert "发放账号：6217000011112222（户名 王五）、6217000099998888（户名 城关敬老院）" in found.evidence
    rows[-1]["bank_account"], rows[-1]["holder"] = "6217000011112222", "王五"  # (one account: nothing to say)
    assert "发放账号" not in findings(money_context(roster(), rows), "F04")[0].evidence


def test_a_duplicate_one_of_whose_payments_is_linked_by_name_and_account_is_medium():
    # held-out 301: a care home's per-person row with no ID, linked by name and the account the roster registers, made
    # F04 高
    rows = [pay(A, "王五", m, 1032, bank_account="6217000011112222") for m in months("2026-07", "2026-09")]
    rows.append(pay("", "王五", "2026-08", 1032, bank_account="6217000099998888"))
    ctx = money_context(household("王五", A, [("王芳", "配偶", B)], benefit=1032, bank_account="6217000099998888"), rows)
    assert money(ctx, "F04") == [("王五", "中", 1032.0, None)]


# held-out 364: a duplicate the ledger itself takes back (a 扣回 row naming the month, in the next month's file) is
# settled, in part or in full; one taking back another item leaves it
@pytest.mark.parametrize("amount, item, remark, source, left", [
    (-1032, "低保金扣回", "扣回8月重复发放", "表名", []),
    (-500, "低保金扣回", "追回8月重复发放（部分）", "表名", [("王五", "高", 532.0, None)]),
    (-1032, "扣回", "8月重复发放扣回", "发放日期", []),
    (-1032, "低保金扣回", "扣回物价补贴", "表名", [("王五", "高", 1032.0, None)]),
    (-1032, "低保金扣回", "扣回7月多发", "表名", [("王五", "高", 1032.0, None)]),  # July was paid right: none to net
])
def test_a_duplicate_taken_back_by_the_ledger_is_settled_as_far_as_it_goes(amount, item, remark, source, left):
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    rows += [pay(A, "王五", "2026-08", 1032), pay(A, "王五", "2026-09", amount, item, remark=remark, month_source=source)]
    ctx = money_context(roster(), rows)
    assert money(ctx, "F04") == left
    assert money(ctx, "F05") == []
    if left and left[0][2] == 532.0:
        assert "其中 500.00 元已由" in findings(ctx, "F04")[0].evidence


def test_a_wide_books_other_items_are_named_among_the_other_money():
    # held-out 393: a wide book's 上半年物价补贴 | 一次性补贴 columns (never read as payments) went unsaid in the notice
    rows = [pay(A, "王五", m, 1032) for m in months("2026-07", "2026-09")]
    ctx = money_context(roster(), rows)
    ctx.lists["payments"].attrs["side_items"] = {"发放明细.xlsx": ["上半年物价补贴", "一次性补贴"]}
    assert money(ctx, "F04") == []
    assert ctx.cache["money:items"][0].endswith("其他资金（不核对）：上半年物价补贴、一次性补贴")
