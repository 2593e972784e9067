"""Ledgers of h438's county: a 社保卡 disbursement file giving only a 发放日期, paid on the 5th of the next month, beside
books that name their months; and an item-wide book whose 发放状态 codes 00/01/02 a 代码说明 sheet explains under a
header naming the column as it is headed (发放状态 | 说明)."""

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from money import make_id

from rostercheck.io.ledgers import load_ledgers
from rostercheck.io.read import Grid
from rostercheck.io.table import legend_text
from rostercheck.normalize import codes

AS_OF = dt.date(2026, 9, 30)
PEOPLE = [("张三", make_id("19600101", 111)), ("李四", make_id("19620202", 122)), ("王五", make_id("19550303", 133)),
          ("赵六", make_id("19700404", 144))]
STRANGERS = [("钱七", make_id("19710505", 155)), ("孙八", make_id("19720606", 166)), ("周九", make_id("19730707", 177))]


def named_book(path, months, people=PEOPLE):
    """A book naming each row's month (所属月份)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "所属月份", "姓名", "身份证号", "资金项目", "发放金额", "发放状态"])
    for m in months:
        for k, (name, pid) in enumerate(people, 1):
            ws.append([k, m, name, pid, "低保金", 580, "成功"])
    wb.save(path)
    return path


def dated_file(path, dates, people=PEOPLE):
    """A 社保卡 file giving only the day the money moved, amounts in 分."""
    with open(path, "w", encoding="gbk", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["序号", "姓名", "公民身份号码", "资金项目", "发放金额(分)", "发放日期", "发放结果"])
        k = 0
        for d in dates:
            for name, pid in people:
                k += 1
                w.writerow([k, name, pid, "城乡低保金", 58000, d, "成功"])
    return path


def dated_months(frame, file):
    rows = frame[frame["_file"].astype(str).str.endswith(file)]
    return sorted(set(rows["month"].astype(str)))


@pytest.mark.parametrize("book_months, dates, people, expected", [
    # must read as the month before: paid on the 5th of the next month, the book's months end the month before the gap
    # and the file's last date is after the review month
    (["2026-04", "2026-05", "2026-06"], ["2026-08-05", "2026-09-05", "2026-10-05"], PEOPLE,
     ["2026-07", "2026-08", "2026-09"]),
    # must not: the gap, but the file ends in the review month (July's monthly file may just not be given)
    (["2026-04", "2026-05", "2026-06"], ["2026-08-05", "2026-09-05"], PEOPLE, ["2026-08", "2026-09"]),
    # … or the dated file comes first and, read by the date, takes the book's first month twice
    (["2026-04", "2026-05", "2026-06"], ["2026-02-05", "2026-03-05", "2026-04-06"], PEOPLE,
     ["2026-01", "2026-02", "2026-03"]),
    # must not: paid early in the month for that month (read by the date, it already adjoins the book)
    (["2026-01", "2026-02", "2026-03"], ["2026-04-05", "2026-05-05", "2026-06-05"], PEOPLE,
     ["2026-04", "2026-05", "2026-06"]),
    # must not: paid late in the month (a gap is left, but nothing says the dates lag)
    (["2026-01", "2026-02", "2026-03"], ["2026-05-25", "2026-06-25", "2026-07-25"], PEOPLE,
     ["2026-05", "2026-06", "2026-07"]),
    # must not: other payees in the book (nothing places this file's people)
    (["2026-01", "2026-02", "2026-03"], ["2026-05-05", "2026-06-05", "2026-07-05"], STRANGERS,
     ["2026-05", "2026-06", "2026-07"]),
    # must not: read a month earlier it would overlap the book
    (["2026-01", "2026-02", "2026-03", "2026-04"], ["2026-05-05", "2026-06-05", "2026-07-05"], PEOPLE,
     ["2026-05", "2026-06", "2026-07"]),
])
def test_a_file_dated_the_month_after_pays_the_month_before(tmp_path, book_months, dates, people, expected):
    # h438: read by the date, the review month's money (dated October 5) fell outside the audit, a death on June 10 had
    # June's money (paid July 5) at F01 高, and every amount was a month short
    book = named_book(tmp_path / "低保资金发放明细.xlsx", book_months)
    card = dated_file(tmp_path / "社会保障卡代发明细.csv", dates, people)
    _, frame, warnings = load_ledgers([book, card], AS_OF)
    assert dated_months(frame, "社会保障卡代发明细.csv") == expected
    assert dated_months(frame, "低保资金发放明细.xlsx") == book_months
    shifted = expected[0] < dates[0][:7]
    assert any("按发放日期的上一个月计" in w for w in warnings) is shifted
    assert any("按发放日期所在月份计" in w for t in _ for w in t.warnings) is not shifted


def test_a_dated_file_alone_is_read_by_its_dates(tmp_path):
    card = dated_file(tmp_path / "社会保障卡代发明细.csv", ["2026-05-05", "2026-06-05"])
    _, frame, warnings = load_ledgers([card], AS_OF)
    assert dated_months(frame, "社会保障卡代发明细.csv") == ["2026-05", "2026-06"]
    assert not any("上一个月" in w for w in warnings)


def test_back_pay_a_remark_names_keeps_its_month_in_a_file_read_a_month_earlier(tmp_path):
    book = named_book(tmp_path / "低保资金发放明细.xlsx", ["2026-04", "2026-05", "2026-06"])
    card = dated_file(tmp_path / "社会保障卡代发明细.csv", ["2026-08-05", "2026-09-05", "2026-10-05"])
    rows = list(csv.reader(open(card, encoding="gbk")))
    rows[0].append("备注")
    for r in rows[1:]:
        r.append("")
    rows.append([99, "张三", PEOPLE[0][1], "城乡低保金", 58000, "2026-09-18", "成功", "补发7月"])
    with open(card, "w", encoding="gbk", newline="") as fh:
        csv.writer(fh).writerows(rows)
    _, frame, _ = load_ledgers([book, card], AS_OF)
    mine = frame[(frame["_file"].astype(str).str.endswith(".csv")) & (frame["name"].astype(str) == "张三")]
    assert sorted(mine["month"].astype(str)) == ["2026-07", "2026-07", "2026-08", "2026-09"]


@pytest.mark.parametrize("header, label, meanings", [
    # must read: the code table's header names the column as it is headed
    (["发放状态", "说明"], "发放状态", {"00": "发放成功", "01": "发放失败", "02": "资金退回"}),
    (["发放状态", "含义"], "发放状态", {"00": "发放成功", "01": "发放失败", "02": "资金退回"}),
    # must not: a page's own title names no column; another column takes nothing
    (["代码说明", "说明"], "代码说明", {}),
    (["发放状态", "说明"], "资金项目", {}),
    # must not: a header whose second cell is no meaning word
    (["发放状态", "备注"], "发放状态", {}),
])
def test_a_code_table_headed_by_its_columns_own_label_is_read(header, label, meanings):
    rows = [header, ["00", "发放成功"], ["01", "发放失败"], ["02", "资金退回"]]
    said = legend_text([Grid(Path("发放明细.xlsx"), "代码说明", rows, 1, [], "xlsx")])
    assert codes.legend(label, said) == meanings


def test_an_item_wide_books_status_codes_are_read_from_its_code_sheet(tmp_path):
    # h438: "代码说明…未用上", a failed month never re-paid counted as paid (F06 missed)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, status in (("2025年11月", "01"), ("2025年12月", "00")):
        ws = wb.create_sheet(sheet)
        ws.append([f"隆回县城乡最低生活保障资金发放明细表（{sheet}）"])
        ws.append(["序号", "户主姓名", "户主身份证号", "家庭成员", "低保金", "物价补贴", "一次性补贴", "合计", "发放状态"])
        name, pid = PEOPLE[0]
        ws.append([1, name, pid, f"{name}({pid})", 580, 40, None, 620, status])
        name, pid = PEOPLE[1]
        ws.append([2, name, pid, f"{name}({pid})", 290, 20, None, 310, "00"])
    ws = wb.create_sheet("代码说明")
    for row in (["发放状态", "说明"], ["00", "发放成功"], ["01", "发放失败"], ["02", "资金退回"]):
        ws.append(row)
    wb.save(path := tmp_path / "城乡低保资金发放明细.xlsx")
    _, frame, _ = load_ledgers([path], AS_OF)
    rows = frame[(frame["head_name"].astype(str) == "张三") & (frame["month"].astype(str) == "2025-11")]
    assert set(rows["status"].astype(str)) == {"发放失败"}
    rows = frame[(frame["head_name"].astype(str) == "张三") & (frame["month"].astype(str) == "2025-12")]
    assert set(rows["status"].astype(str)) == {"发放成功"}


@pytest.mark.parametrize("dates, as_of, expected", [
    # must read as the month before: the other programme's book names 2026-07 … 09, the file dated a month later ends
    # after the review month
    (["2026-08-05", "2026-09-05", "2026-10-05"], AS_OF, ["2026-07", "2026-08", "2026-09"]),
    # must not: paid the same month, with October's money already in the file (a month earlier it is not the book's)
    (["2026-07-05", "2026-08-05", "2026-09-05", "2026-10-05"], AS_OF, ["2026-07", "2026-08", "2026-09", "2026-10"]),
    # must not: the last month is the review month's
    (["2026-08-05", "2026-09-05", "2026-10-05"], dt.date(2026, 10, 31), ["2026-08", "2026-09", "2026-10"]),
    # must not: too few months to tell
    (["2026-09-05", "2026-10-05"], AS_OF, ["2026-09", "2026-10"]),
])
def test_a_dated_file_beside_another_programmes_book_of_the_same_window(tmp_path, dates, as_of, expected):
    # h438: the county's only 低保 ledger a 社保卡 file paid on the 5th of the next month, beside a 特困 book naming its
    # months: read by the date, F01 高 for June's money of a death on June 10, F04/F06 高 for failed months re-paid
    book = named_book(tmp_path / "特困人员供养金发放明细.xlsx", [m for m in ("2026-07", "2026-08", "2026-09")
                                                               if len(dates) > 2 or m == "2026-09"], STRANGERS)
    card = dated_file(tmp_path / "社会保障卡代发明细.csv", dates)
    _, frame, warnings = load_ledgers([book, card], as_of)
    assert dated_months(frame, "社会保障卡代发明细.csv") == expected
    assert any("完全一致" in w for w in warnings) is (expected[0] < dates[0][:7])


def household_book(path, rows, header=("序号", "户主姓名", "家庭成员", "一卡通账号", "户名", "低保金", "发放状态")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026年7月"
    ws.append(list(header))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ZHANG, LI, WANG = PEOPLE[0], PEOPLE[1], PEOPLE[2]


@pytest.mark.parametrize("head, members, expected", [
    # must take: the head's own entry in the 家庭成员 cell, wherever it stands, with a space in his name
    ("张三", f"张三({ZHANG[1]})、李四({LI[1]})", ZHANG[1]),
    ("张三", f"李四（{LI[1]}）、张三（{ZHANG[1]}）", ZHANG[1]),
    ("张 三", f"张三({ZHANG[1]})，李四({LI[1]})", ZHANG[1]),
    # must not: the head not among the members written with an ID, or two of his name with different IDs
    ("张三", f"李四({LI[1]})、王五({WANG[1]})", ""),
    ("张三", f"张三({ZHANG[1]})、张三({WANG[1]})", ""),
    ("张三", "张三、李四", ""),
])
def test_a_household_books_members_cell_gives_the_heads_id(tmp_path, head, members, expected):
    # h438: a book with 户主姓名 and a 家庭成员 cell listing each member with her ID, no 户主身份证号 column: the rows were
    # linked by the account alone (a stranger's 户名 on the household's account was F07 低)
    path = household_book(tmp_path / "低保资金发放明细.xlsx",
                          [[1, head, members, "6217000011112222333", "赵六", 580, "成功"],
                           [2, "王五", f"王五({WANG[1]})", "6217000011112222444", "王五", 290, "成功"]])
    [table], frame, _ = load_ledgers([path], AS_OF)
    got = dict(zip(frame["head_name"].astype(str), frame["head_id"].astype(str)))
    assert got[head] == expected
    assert got["王五"] == WANG[1]
    assert not any("没有身份证号列" in w for w in table.warnings)


def test_a_members_cell_beside_an_id_column_is_not_read_for_the_head(tmp_path):
    header = ("序号", "户主姓名", "户主身份证号", "家庭成员", "低保金", "发放状态")
    path = household_book(tmp_path / "低保资金发放明细.xlsx",
                          [[1, "张三", ZHANG[1], f"张三({WANG[1]})、李四({LI[1]})", 580, "成功"]], header)
    [table], frame, _ = load_ledgers([path], AS_OF)
    assert frame["head_id"].astype(str).tolist() == [ZHANG[1]]


@pytest.mark.parametrize("cell, people", [
    # must read each name: an ID in brackets after its name (h438: the IDs were read, every name lost)
    (f"张三({ZHANG[1]})、李四({LI[1]})", [("张三", "", ZHANG[1]), ("李四", "", LI[1])]),
    (f"张三（{ZHANG[1]}）；李四（{LI[1]}）", [("张三", "", ZHANG[1]), ("李四", "", LI[1])]),
    # unchanged: a relation in brackets before the ID, an ID before its name
    (f"张三(户主){ZHANG[1]}、李四(配偶){LI[1]}", [("张三", "户主", ZHANG[1]), ("李四", "配偶", LI[1])]),
    (f"{ZHANG[1]} 王芳（妻）；{LI[1]} 张伟（子）", [("王芳", "妻", ZHANG[1]), ("张伟", "子", LI[1])]),
])
def test_a_members_cell_with_each_id_in_brackets_names_each_member(cell, people):
    from rostercheck.io.table import _cell_people

    assert _cell_people(cell)[0] == people
