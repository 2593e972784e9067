"""Table-driven tests of date, money and digit parsing."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rostercheck.normalize.values import (cn_amounts, count, date, day_or_month, digits, money, month, month_span,
                                         yuan_per_unit)

D = dt.date(2025, 3, 5)


@pytest.mark.parametrize(
    "raw, expected",
    [("2025-03-05", D), ("2025/3/5", D), ("2025.03.05", D), ("20250305", D), ("2025年3月5日", D), (20250305, D),
     (45721, D), (45721.0, D), (dt.datetime(2025, 3, 5, 10, 0), D), (D, D), ("2025-03", dt.date(2025, 3, 1)),
     ("2025-02-30", None), ("", None), (None, None), ("无期", None), ("2025-03-05 00:00:00", D),
     # system exports: timestamps as digits, months as numbers, spaced Chinese dates, US-locale CSV
     ("20250305103000", D), (20250305103000, D), ("202503051030", D), (202503, dt.date(2025, 3, 1)),
     ("2025年3月", dt.date(2025, 3, 1)), ("2025 年 3 月 5 日", D), ("2025年3月5日 10:30", D),
     ("2025/03/05 0:00:00", D), ("3/25/2025", dt.date(2025, 3, 25)), ("25/3/2025", dt.date(2025, 3, 25)),
     ("3/5/2025", None),  # day and month order both possible
     (2025, None), ("2025", None), ("不详", None)],  # a year alone is not a day in 1905
)
def test_date(raw, expected):
    assert date(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # held-out 170: a migration list's 迁出日期 written with two-digit years were all unread, the column lost unsaid
    ("25.12.31", dt.date(2025, 12, 31)), ("26.1.1", dt.date(2026, 1, 1)), ("25-11-20", dt.date(2025, 11, 20)),
    ("25/11/20", dt.date(2025, 11, 20)), ("25. 12. 31", dt.date(2025, 12, 31)), ("05.3.5", dt.date(2005, 3, 5)),
    # no date: a month or day that cannot be, mixed separators, a year after next year (no 1999 read as 2099)
    ("25.13.1", None), ("25.2.30", None), ("25.12/31", None), ("99.1.1", None), ("5.3.5", None)])
def test_date_with_a_two_digit_year(raw, expected):
    assert date(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("2026-07", "2026-07"), ("2026年7月", "2026-07"), ("202607", "2026-07"), ("", ""),
    # Chinese numerals and two-digit years; a month without a year is no month here (the sheet gives the year)
    ("二〇二六年五月", "2026-05"), ("二〇二六年十一月", "2026-11"), ("2026年十二月", "2026-12"), ("26年11月", "2026-11"),
    ("2026年7月份", "2026-07"), ("七月份", ""), ("7月", ""),
    # held-out 170: months typed as numbers were left out; 2026.1 is January or October (2026.10 shown as 2026.1)
    (2025.12, "2025-12"), (2025.11, "2025-11"), (2026.2, "2026-02"), (2026.09, "2026-09"), (2026.01, "2026-01"),
    (2026.1, ""), (2026.13, ""), (2026.123, ""),
    # held-out 332: 所属期 with a two-digit year was read as an Excel serial, 1900-01; the number 26.1 is January or October
    ("25.12", "2025-12"), ("26.1", "2026-01"), ("25.7", "2025-07"), ("26.01", "2026-01"), (25.12, "2025-12"), (25.7, "2025-07"),
    (26.1, "")])
def test_month(raw, expected):
    assert month(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # held-out 336: 所属月份 7.5 and 45 were Excel serials (1900-01, 1900-02), 10.2 and 12.1 two-digit years (2010-02,
    # 2012-01) though 10月2日 as much: no month before 1990, none whose first part can be a month, none after next year
    (7.5, ""), ("7.5", ""), (10.2, ""), ("10.2", ""), (12.1, ""), ("12.1", ""), (45.0, ""), (45, ""), (45.3, ""),
    ("45.3", ""), (7, ""), ("7", ""), (12, ""), (100, ""), (32000, ""), (32873, ""), ("1985-07", ""), (198507, ""),
    (dt.date(1985, 7, 1), ""), (1985.7, ""),
    # a two-digit year written with 年 is held to the same bound (the leftover: '85年7月' was 2085-07)
    ("85年7月", ""), ("99年12月份", ""), ("八五年七月", ""),
    # what is a month stays one: a genuine serial (45870 = 2025-08-01), YYYY.M, a year of 13–49, a month written out
    (45870, "2025-08"), (45870.0, "2025-08"), ("45870", "2025-08"), (32874, "1990-01"), (2025.7, "2025-07"),
    ("2025.10", "2025-10"), ("13.5", "2013-05"), ("25年7月", "2025-07"), ("26年12月份", "2026-12"), (25.7, "2025-07"), ("26.12", "2026-12"), ("1990-01", "1990-01"),
    # a month without its year is the sheet's to date (io.ledgers), none here
    ("7月", ""), ("七月", "")])
def test_a_month_cell_that_cannot_be_a_month_is_unread_never_1900(raw, expected):
    assert month(raw) == expected


Q3 = ("2025-07", "2025-08", "2025-09")


@pytest.mark.parametrize("raw, expected", [
    ("2025年7-9月", Q3), ("2025年7月-9月", Q3), ("2025.7-9月", Q3), ("2025年7月至9月", Q3), ("2025年第3季度", Q3),
    ("2025年三季度", Q3), ("2025Q3", Q3), ("2025-07至2025-09", Q3),
    ("2025年11月-2026年1月", ("2025-11", "2025-12", "2026-01")),
    # one month or a date: not a span
    ("2025-07-09", None), ("2025/7/9", None), ("2025年7月", None), ("202507", None), ("2025.7", None), (46000.0, None),
    (None, None), ("2025年9-7月", None),
    ("2025年1-12月份", tuple(f"2025-{m:02d}" for m in range(1, 13))),
    # held-out 154: six digits each side, and a dot then a dash (no date is written so)
    ("202507-202509", Q3), ("202507至202509", Q3), ("2025.7-9", Q3), ("2025.07-2025.09", Q3),
    ("202507", None), ("2025.7.9", None), ("20250709", None),
])
def test_month_span(raw, expected):
    assert month_span(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("7-9月", (7, 9)), ("7月-9月", (7, 9)), ("7至9月", (7, 9)), ("7月至9月份", (7, 9)), ("七至九月", (7, 9)),
    ("第三季度", (7, 9)), ("三季度", (7, 9)), ("第3季度", (7, 9)), ("Q3", (7, 9)), ("q1", (1, 3)), ("四季度", (10, 12)),
    ("11-1月", (11, 1)),
    # a year written, one month, or no 月/季 word: not a bare span
    ("2025年7-9月", None), ("7月", None), ("7-9", None), ("9", None), ("", None), (None, None), ("7-7月", None),
    ("第五季度", None), ("13-14月", None),
])
def test_bare_month_span(raw, expected):
    from rostercheck.normalize.values import bare_month_span

    assert bare_month_span(raw) == expected


@pytest.mark.parametrize("note, expected", [
    ("补发6月", ("2026-06",)), ("补发3-5月", ("2026-03", "2026-04", "2026-05")),
    # held-out 226: a re-payment names the month it is for as back pay does (重发2月 in March's file is February's)
    ("重发2月", ("2026-02",)), ("退回重发3月", ("2026-03",)), ("重新发放4-5月", ("2026-04", "2026-05")),
    ("退回补发2025年12月", ("2025-12",)),
    ("重发", ()), ("补发", ()), ("提标补差", ()),
    # … or the months first (held-out 274: on a sheet without 所属月份, 9月退回重发 stayed October's, 7月提标补差 August's)
    ("3月退回重发", ("2026-03",)), ("7月提标补差", ("2025-07",)), ("3-5月补发", ("2026-03", "2026-04", "2026-05")),
    ("2025年11月低保金补发", ("2025-11",)), ("2026年1月低保金", ()),
    # held-out 409: a span's dash as typed, a list's full-width comma, and months one after the other (补发5月6月 was May
    # alone: the double amount one month's)
    ("补发5～6月", ("2026-05", "2026-06")), ("补发5〜6月", ("2026-05", "2026-06")), ("补发5–6月", ("2026-05", "2026-06")),
    ("补发5，6月", ("2026-05", "2026-06")), ("补发5月6月低保金", ("2026-05", "2026-06")), ("5月6月补发", ("2026-05", "2026-06")),
    ("补发5月6日", ("2026-05",)), ("2026年5月6日补发", ()),
    # held-out 414: months in Chinese numerals, or written as numbers with a year ('2026.05', '202605'); a day's date is
    # when the money moved, not a month it is for
    ("补发五、六月", ("2026-05", "2026-06")), ("补发十一至十二月", ("2025-11", "2025-12")), ("五月份补发", ("2026-05",)),
    ("补发2026.05-2026.06", ("2026-05", "2026-06")), ("补发202605-202606", ("2026-05", "2026-06")),
    ("补发2026-05至2026-06", ("2026-05", "2026-06")), ("补发2025.11-2026.01", ("2025-11", "2025-12", "2026-01")),
    ("补发2026/5", ("2026-05",)), ("补发2026-05-20", ()), ("补发20260520", ()), ("一次性补发", ()),
])
def test_back_pay_months(note, expected):
    from rostercheck.normalize.values import back_pay_months

    assert back_pay_months(note, "2026-06") == expected


@pytest.mark.parametrize("raw, expected", [
    ("2,800.00", 2800.0), ("2800元", 2800.0), ("￥1,200", 1200.0), (150, 150.0), ("", None), ("abc", None),
    # a bank's reversal keeps its sign before the currency sign (held-out 215: '-￥1,130.00' was read as 1,130.00)
    ("-￥1,130.00", -1130.0), ("-￥ 1,130.00", -1130.0), ("￥-1,130.00", -1130.0), ("- 1,130.00", -1130.0),
    # held-out 457: a sum in 万 (a 家庭年纯收入 of '1.488万' was 1.49 元, a false L01 at 高)
    ("1.488万", 14880.0), ("2万元", 20000.0), ("1万2000元", 12000.0), ("１．５万", 15000.0), ("0.8万", 8000.0),
])
def test_money(raw, expected):
    assert money(raw) == expected


@pytest.mark.parametrize("raw, expected", [("6228 4800-1234", "622848001234"), (13812345678.0, "13812345678"), ("", ""), (None, "")])
def test_digits(raw, expected):
    assert digits(raw) == expected


@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize("cells", [["a", "b", "a", 7, "b"], [["a"], "b", ["a"]], []])
def test_by_value_gives_each_cell_its_result_whether_the_function_takes_one_cell_or_a_list(cells, many):
    from rostercheck.reference import by_value

    calls = []

    def one(v):
        calls.append(v)
        return f"<{v}>"

    fn = (lambda vs: [one(v) for v in vs]) if many else one
    assert by_value(cells, fn, many=many) == [f"<{v}>" for v in cells]
    if cells and not any(isinstance(v, list) for v in cells):
        assert len(calls) == len({repr(v) for v in cells})  # each distinct cell once (hashable cells)


@pytest.mark.parametrize("raw, expected", [
    # a number of 15+ digits as Excel shows it: 15 significant digits, then zeros (not the float's own digits)
    (430521196001010112.0, "430521196001010000"), (6228481234567890123.0, "6228481234567890000"),
    (123456789012345.0, "123456789012345"), (13812345678.0, "13812345678"), (-4.3e17, "-430000000000000000"),
    (1.7976931348623151e308, "17976931348623200000" + "0" * 289),  # a damaged cell: no overflow
    (" 张三\u3000", "张三"), ("ＡＢ１２", "AB12"), (None, ""), (float("nan"), ""),
    ("白\u200b勇文", "白勇文"), ("\ufeff曾霞山\u200d", "曾霞山"),  # invisible characters (held-out 189)
    ("张三\n李四", "张三\n李四"),  # a line break is no invisible character
])
def test_text(raw, expected):
    from rostercheck.normalize.values import text, texts

    assert text(raw) == expected and texts([raw]) == [expected]


@pytest.mark.parametrize("raw, expected", [
    # (held-out 235) the clerk's own text for quoting: full-width brackets stay, invisible characters and edges go
    (" 全户户籍迁出本县（迁往广东省东莞市）\u3000", "全户户籍迁出本县（迁往广东省东莞市）"), ("白\u200b勇文", "白勇文"),
    ("ＡＢ１２", "ＡＢ１２"), (12.0, "12"), (None, ""), (float("nan"), ""),
])
def test_written_text(raw, expected):
    from rostercheck.normalize.values import written_text

    assert written_text(raw) == expected


@pytest.mark.parametrize("raw, expected", [(6228481234567890123.0, "6228481234567890000"), (6.22848e18, "6228480000000000000"),
                                           ("6228 4801-23", "6228480123"), (float("inf"), ""), (1.7976931348623151e308, "17976931348623200000" + "0" * 289)])
def test_digits_of_big_numbers(raw, expected):
    assert digits(raw) == expected


@pytest.mark.parametrize("text, written", [
    # held-out 188: a township's amounts in Chinese numerals were never read
    ("已追回伍佰元", "已追回500元"), ("伍佰元整", "500元整"), ("已追回人民币贰仟伍佰元", "已追回人民币2500元"),
    ("已补发一千元", "已补发1000元"), ("三千零五十元", "3050元"), ("三万元", "30000元"), ("壹仟零伍拾元伍角", "1050.5元"),
    ("已追回零元", "已追回0元"), ("已追回贰佰", "已追回200"),
    # held-out 328: digits in 万 were left as written and read as 1.20 元
    ("1.2万元", "12000元"), ("已追回1.074万元", "已追回10740元"), ("1万2000元", "12000元"), ("1万2千元", "12000元"),
    ("已补发2万", "已补发20000"),
    # h421: digits in 千 or 百 ('已追回1千元' was 11,000 元, '1.2千元' 1.21 元)
    ("已追回1千元", "已追回1000元"), ("1.2千元", "1200元"), ("1千2百元", "1200元"), ("已补发5百元", "已补发500元"),
    ("3千米", "3千米"), ("1千", "1千"),
    # h388: 元 and 角 in digits ('已追回1237元5角' was 1,237 元)
    ("已追回1237元5角", "已追回1237.5元"), ("补发300元5角2分", "补发300.52元"),
    # not amounts: left as written
    ("已补发一部分", "已补发一部分"), ("十月追回", "十月追回"), ("分三次", "分三次"),
    ("两个月", "两个月"), ("百分之百", "百分之百"),
])
def test_cn_amounts(text, written):
    assert cn_amounts(text) == written


# held-out 210: a pensions list's 月发放金额（分） was read as yuan (156 元 became 15,600 元/月, C03 高)
@pytest.mark.parametrize("label, title, per", [
    ("月发放金额(分)", "", 0.01), ("月发放金额（分）", "", 0.01), ("发放金额(单位:分)", "", 0.01), ("金额(角)", "", 0.1),
    ("发放金额", "养老金发放信息 金额单位：分", 0.01), ("缴费基数", "单位：分", 0.01),
    ("注册资本(万元)", "", 10000.0), ("年收入", "单位:万元", 10000.0),
    # yuan, or no unit: as read
    ("金额(元)", "", 1.0), ("金额（元）", "金额单位：分", 1.0), ("补贴金额(元/人·月)", "", 1.0), ("月保障金额", "", 1.0),
    ("发放金额", "单位：元", 1.0), ("发放金额", "", 1.0),
    # 分 as part of a word is no unit
    ("分散供养金", "", 1.0), ("金额(分户前)", "", 1.0), ("发放金额", "单位：分散供养机构", 1.0),
])
def test_the_unit_an_amount_header_or_title_names(label, title, per):
    assert yuan_per_unit(label, title) == per


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.just(float("nan")), st.just(pd.NaT), st.text(max_size=2), st.integers(-2, 2),
                          st.booleans()), max_size=30))
def test_distinct_gives_pandas_factorization_with_the_blanks_as_one_nan(cells):
    """reference.distinct factorizes with blanks as -1 first, then puts them back as one NaN where the first blank is:
    the codes and cells of pandas' use_na_sentinel=False, which makes a null mask of every cell first."""
    import math

    import numpy as np

    from rostercheck.reference import distinct

    codes, uniques = distinct(cells)
    want_codes, want = pd.factorize(np.asarray(cells, dtype=object), use_na_sentinel=False)
    assert codes.tolist() == want_codes.tolist() and len(uniques) == len(want)
    for got, expected in zip(uniques, want):
        assert type(got) is type(expected)
        assert got == expected or (isinstance(got, float) and math.isnan(got) and math.isnan(expected))


# held-out 364: a month's two-digit year is held to the year after the audited day (--as-of), not today's, so the same
# ledgers give the same months whenever they are audited; worker processes are told the day
@pytest.mark.parametrize("day, raw, expected", [
    (dt.date(2031, 6, 30), "32年1月", "2032-01"), (dt.date(2031, 6, 30), "32.1", "2032-01"),
    (dt.date(2024, 6, 30), "26年1月", ""), (dt.date(2024, 6, 30), "26.3", ""), (dt.date(2024, 6, 30), "25年1月", "2025-01"),
    (dt.date(2031, 6, 30), "85年7月", ""),
])
def test_a_two_digit_years_month_is_judged_against_the_audited_day(day, raw, expected):
    from rostercheck.normalize.values import set_reference_day

    set_reference_day(day)
    try:
        assert month(raw) == expected
    finally:
        set_reference_day(None)


def _month_in_worker(raw):
    return month(raw)


def test_a_spawned_worker_reads_months_against_the_audited_day(monkeypatch):
    from rostercheck import parallel
    from rostercheck.normalize.values import set_reference_day

    monkeypatch.setenv("ROSTERCHECK_START_METHOD", "spawn")
    set_reference_day(dt.date(2024, 6, 30))
    try:
        with parallel.pool(1) as workers:
            assert workers.submit(_month_in_worker, "26年1月").result() == ""
    finally:
        set_reference_day(None)


def test_a_library_call_reads_two_digit_years_against_its_own_day(tmp_path):
    """The day is the run's (--as-of, or a library caller's as_of), set where the inputs are loaded, not by the CLI."""
    from helpers import make_id

    from rostercheck.loading import load_inputs
    from rostercheck.normalize.values import set_reference_day

    roster = tmp_path / "低保花名册.csv"
    roster.write_text(f"姓名,身份证号,户主姓名,户主身份证号\n张三,{make_id('19600101', 13)},张三,{make_id('19600101', 13)}\n",
                      encoding="utf-8")
    try:
        load_inputs([roster], {}, dt.date(2031, 6, 30))
        assert month("32年1月") == "2032-01"
        load_inputs([roster], {}, dt.date(2024, 6, 30))
        assert month("26年1月") == ""
    finally:
        set_reference_day(None)


@pytest.mark.parametrize("raw, expected", [
    ("2025年12月低保金", ("2025-12", "低保金")), ("低保金202607", ("2026-07", "低保金")), ("补发低保金202606", ("2026-06", "低保金")),
    ("低保金(2026.07)", ("2026-07", "低保金")), ("2026年7月死亡", None),
    # held-out 409: an aside after the words is the remark's (back pay beside the month), not part of the item
    ("2025年12月低保金(含11月补发)", ("2025-12", "低保金")), ("2025年12月低保金（其中补发11月）", ("2025-12", "低保金")),
    ("2025年12月低保金(合并发放)", ("2025-12", "低保金")),
])
def test_item_month(raw, expected):
    from rostercheck.normalize.values import item_month

    assert item_month(raw) == expected


# h473: one reader of counts, in digits or words (reference read 从业人数 '两人' with a reader of its own)
@pytest.mark.parametrize("raw, expected", [
    ("3", 3), ("3人", 3), (3.0, 3), ("两人", 2), ("两", 2), (" 两 人 ", 2), ("两名", 2), ("三个", 3), ("十", 10),
    ("十二人", 12), ("二十", 20), ("九十九", 99), ("一百零五", 105), ("零", 0), ("〇人", 0),
    # not counts: numerals side by side ('一二': one or two?), a year, words around, a negative, a measure not of people
    ("一二", None), ("二〇二六", None), ("两人以上", None), ("约两人", None), ("若干", None), ("五保", None), ("-2", None),
    ("三口", None), ("", None), (None, None),
])
def test_count(raw, expected):
    assert count(raw) == expected


# h473: a roster's 出生日期 to the day, or to the month when no day is written
@pytest.mark.parametrize("raw, expected", [
    ("1970-01-01", "1970-01-01"), ("1970/1/1", "1970-01-01"), ("19700101", "1970-01-01"), (19700101, "1970-01-01"),
    ("1970年1月1日", "1970-01-01"), (25569, "1970-01-01"), (dt.datetime(1970, 1, 1), "1970-01-01"),
    ("1970年1月", "1970-01"), ("1970年1月份", "1970-01"), ("1970-01", "1970-01"), ("197001", "1970-01"), (197001, "1970-01"),
    ("1970.01", "1970-01"), ("1970.10", "1970-10"), ("1970.2", "1970-02"),
    # unread: January or October, no four-digit year, no date
    ("1970.1", ""), (1970.1, ""), ("70.1", ""), ("不详", ""), ("1970年13月", ""), ("1970-02-30", ""), ("", ""), (None, ""),
])
def test_day_or_month(raw, expected):
    assert day_or_month(raw) == expected
