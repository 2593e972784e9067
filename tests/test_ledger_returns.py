"""Ledger shapes of held-out 418 (issue 15 left-overs): sheets named with a programme before the month, one county-wide bank 回盘
answering several per-township send files, and a roster's 死亡 row dated by its 备注."""

import csv
import datetime as dt

import numpy as np
import pytest
from money import make_id
from test_ledgers import write

from rostercheck.io.ledgers import _month_sheet, load_ledgers

AS_OF = dt.date(2026, 3, 31)
IDS = [make_id(f"19{60 + k}0101", 100 + 2 * k) for k in range(8)]
NAMES = ["黎春生", "管秀英", "柯桂兰", "饶水根", "龚冬梅", "彭德明", "涂金凤", "聂火生"]
ACCOUNTS = [f"62170000000{k:04d}" for k in range(8)]


@pytest.mark.parametrize("sheet, expected", [
    # must date
    ("低保一月发放", "1月发放"), ("特困二月发放表", "2月发放表"), ("2026年低保3月", "2026年3月"),
    ("2026年特困3月", "2026年3月"), ("农村低保十二月份", "12月份"), ("2026年度城市低保5月", "2026年5月"),
    # must not: no month after the words, a span, a name that is no programme
    ("低保金", "低保金"), ("低保一至三月", "低保一至三月"), ("统一月报", "统一月报"), ("低保汇总", "低保汇总"),
])
def test_a_sheet_named_with_its_programme_before_the_month(sheet, expected):
    assert _month_sheet(sheet) == expected


def test_a_quarter_book_of_sheets_named_with_the_programme_takes_each_sheets_month(tmp_path):
    # held-out 418: the file name's quarter was each sheet's (3 × F04 高 per household), or no month at all
    head = ["户主姓名", "身份证号", "保障人数", "发放金额", "账号"]
    rows = [head, [NAMES[0], IDS[0], 2, 900, ACCOUNTS[0]]]
    path = write(tmp_path / "南坪镇2026年一季度低保发放.xlsx",
                 {s: [["南坪镇2026年农村低保金发放表"], *rows] for s in ("低保一月发放", "低保二月发放表", "2026年低保3月")})
    assert sorted(load_ledgers([path], AS_OF)[1]["month"]) == ["2026-01", "2026-02", "2026-03"]


@pytest.mark.parametrize("remark, expected", [
    ("2026年1月12日死亡", dt.date(2026, 1, 12)), ("2026年1月28日死亡", dt.date(2026, 1, 28)),
    ("2026.1.5病故", dt.date(2026, 1, 5)), ("2026年2月死亡", dt.date(2026, 2, 1)),
    # must not: no departure named, two dates, no date
    ("2020年3月纳入", None), ("2025年5月纳入，2026年1月死亡", None), ("死亡", None), ("", None),
    ("2026年1月5日或2026年1月9日去世", None),
])
def test_a_departed_members_remark_dates_her_departure(remark, expected):
    from rostercheck.roster import _remark_dates

    when = [None]
    _remark_dates(np.asarray([remark], dtype=object), np.asarray([True]), when)
    assert when[0] == expected


def _send(path, town, rows, month="202601"):
    head = ["户主姓名", "户主身份证号", "账号", "户名", "资金项目", "所属月份", "发放金额", "处理状态"]
    return write(path, {"代发明细": [[f"{town}农村低保金代发清单"], head,
                                    *[[NAMES[k], IDS[k], ACCOUNTS[k], NAMES[k], "农村低保金", month, 900, "待处理"]
                                      for k in rows]]})


def _statuses(frame):
    return {i: s for i, s, f in zip(frame["head_id"], frame["status"], frame["_file"]) if "回盘" not in str(f)}


def test_a_county_result_workbook_answers_each_townships_send_file(tmp_path):
    # held-out 418: the county's 成功明细 | 失败明细 against two townships' send files paid every row twice
    a = _send(tmp_path / "东山镇_2026年1月代发清单.xlsx", "东山镇", range(4))
    b = _send(tmp_path / "西河乡_2026年1月代发清单.xlsx", "西河乡", range(4, 8))
    head = ["账号", "户名", "交易金额", "摘要"]
    result = write(tmp_path / "全县2026年1月代发回盘.xlsx", {
        "成功明细": [head, *[[ACCOUNTS[k], NAMES[k], 900, "低保金"] for k in range(8) if k not in (1, 6)]],
        "失败明细": [head, *[[ACCOUNTS[k], NAMES[k], 900, "低保金"] for k in (1, 6)]]})
    _, frame, notes = load_ledgers([a, b, result], AS_OF)
    assert len(frame) == 8  # the result's rows are the send files' (no second payment)
    said = _statuses(frame)
    assert [k for k in range(8) if "失败" in str(said[IDS[k]])] == [1, 6]
    assert all("成功" in str(said[IDS[k]]) for k in range(8) if k not in (1, 6))
    assert any("共 2 个文件的银行回盘" in n for n in notes)


def test_a_county_result_of_failures_alone_leaves_the_other_rows_paid(tmp_path):
    a = _send(tmp_path / "东山镇_2026年1月代发清单.xlsx", "东山镇", range(4))
    b = _send(tmp_path / "西河乡_2026年1月代发清单.xlsx", "西河乡", range(4, 8))
    result = tmp_path / "全县2026年1月低保金代发回盘_失败.csv"
    with open(result, "w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["账号", "户名", "金额", "处理结果", "失败原因"])
        for k in (2, 5):
            w.writerow([ACCOUNTS[k], NAMES[k], "900.00", "失败", "账户已冻结"])
    _, frame, _ = load_ledgers([a, b, result], AS_OF)
    said = _statuses(frame)
    assert len(frame) == 8
    assert [k for k in range(8) if "失败" in str(said[IDS[k]])] == [2, 5]
    assert all(str(said[IDS[k]]).startswith("成功") for k in range(8) if k not in (2, 5))


def test_a_re_payment_file_is_no_result_of_the_send_files(tmp_path):
    # must not: two failures re-paid a week later (成功, one per township) pair with two sent rows, yet answer nothing
    a = _send(tmp_path / "东山镇_2026年1月代发清单.xlsx", "东山镇", range(4))
    b = _send(tmp_path / "西河乡_2026年1月代发清单.xlsx", "西河乡", range(4, 8))
    again = write(tmp_path / "2026年1月失败重发.xlsx", {"Sheet1": [
        ["户主姓名", "户主身份证号", "账号", "户名", "资金项目", "所属月份", "发放金额", "发放状态"],
        *[[NAMES[k], IDS[k], ACCOUNTS[k], NAMES[k], "农村低保金", "202601", 900, "成功"] for k in (1, 5)]]})
    _, frame, notes = load_ledgers([a, b, again], AS_OF)
    assert len(frame) == 10 and not any("回盘" in n for n in notes)
