"""review --payments, h471 (a black-box sweep of h467's paths): the township's stop month written in Chinese numerals,
as a span, or after the ledgers' months; a late payment whose ledger ID is damaged; recovery rows that failed or are
another item's correction. The look-back test county (tests/review_ledgers_county.py), its ledgers changed per case.
"""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest
import review_ledgers_county as county
from test_review_ledgers_late import _rows, _run, build_late

AS_OF = dt.date(2026, 12, 31)
MARK = "本季度资金发放明细显示应停发后仍在发放保障金"
UNSEEN = "追回尚未在发放明细中体现"


@pytest.mark.parametrize("text, month, said", [
    # must read: a month in Chinese numerals, its year too (h471: unread and unsaid, the ledger's October unchecked)
    ("十月已停发", "2026-10", ""),
    ("二〇二六年十一月起停发", "2026-11", ""),
    ("二○二六年十一月起停发", "2026-11", ""),          # (○, the circle, is a zero too: it was read as 1, 2126-11)
    ("十二月起停发", "2026-12", ""),
    ("一次性补贴已发，十月已停发", "2026-10", ""),     # (一次性 stays words)
    # must say: a span of months, the first month's 月 left out (h471: neither read nor said)
    ("10-11月停发", None, "“10-11月停发”写了不止一个月份"),
    ("10至11月停保", None, "“10至11月停保”写了不止一个月份"),
    # must not read: numerals that are no month, a plan
    ("三个月后停发", None, ""),
    ("拟于十二月停发", None, ""),
])
def test_a_written_stop_month_in_words_or_a_span(text, month, said):
    from rostercheck.review_stops import written_stop

    got, note = written_stop(pd.Series({"整改状态": text, "核实情况": "", "整改措施": ""}), AS_OF)
    assert got == month
    assert (said in note and note.count("不止一个月份") == 1) if said else note == "", note


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_late(tmp_path_factory.mktemp("county471"))


def _ledger(built, name: str, change=lambda rows: rows):
    """A copy of the fourth quarter's ledger in a folder of its own, its rows (header first) changed."""
    folder = built["folder"] / name
    folder.mkdir()
    with open(built["q4_ledger"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    with open(folder / built["q4_ledger"].name, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(change(rows))
    return folder


def _review(built, out: str, ledgers, previous=None) -> dict:
    _run("review", previous or built["previous"], built["q4"], "--as-of", "2026-12-31", "--payments", ledgers,
         "--out", built["folder"] / out)
    return _rows(built["folder"] / out)


def test_a_late_payment_with_a_damaged_id_is_not_counted_twice(built):
    # 一次性's September, paid again on 2026-10-20, was reported last quarter (涉及月份): with every ledger ID's check
    # digit wrong the row still links to her at 中, and was counted a second time — a false 未整改 (h471)
    at = county.LEDGER.index

    def damaged(rows):
        for r in rows[1:]:
            for c in ("身份证号", "户主身份证号"):
                r[at(c)] = r[at(c)][:17] + ("0" if r[at(c)][17] != "0" else "1")
        return rows

    rows = _review(built, "damaged", _ledger(built, "damaged_ids", damaged))
    for key in (("C02", "一次性"), ("F01", "一次性")):
        assert rows[key][0] == "已整改" and MARK not in rows[key][1], rows[key]
    assert "该月上期已列入涉及月份，未重复计" in rows[("F01", "一次性")][1]
    # must still flip: the stops the damaged IDs link at 中 (甄死亡 paid Oct–Dec after her death)
    assert rows[("F01", "甄死亡")][0] == "未整改" and MARK in rows[("F01", "甄死亡")][1]


@pytest.mark.parametrize("name, row, said", [
    # must say: a recovery row that failed, or another item's negative correction, is no benefit recovered
    ("failed", ["失败者", "2026-12", -200, "追回低保金", "失败"], "只见追回 100.00 元"),
    ("other_item", ["失败者", "2026-12", -200, "物价补贴", "成功"], "只见追回 100.00 元"),
    # must not say: a recovery row that went through makes up the 300 reported
    ("recovered", ["失败者", "2026-12", -200, "追回低保金", "成功"], ""),
])
def test_a_recovery_row_that_failed_or_is_other_money_recovers_nothing(built, name, row, said):
    who, month, amount, item, status = row
    more = county._pay(who, month, amount, item=item, status=status, paid=f"{month}-20")
    rows = _review(built, f"rec_{name}", _ledger(built, f"rec_{name}", lambda rows: rows + [[str(c) for c in more]]))
    note = rows[("F01", "失败者")][1]
    assert rows[("F01", "失败者")][0] == "已整改"
    assert (said in note and UNSEEN in note) if said else UNSEEN not in note, note


@pytest.mark.parametrize("written, said", [
    # must say: a stop month after the ledgers' last month (nothing there can confirm it; h471: unsaid)
    ("2027年3月起停发", "乡镇填报 2027-03 起停发，晚于所给资金发放明细的月份"),
    # must confirm as before: a month the ledgers reach, none paid from it
    ("2026年10月起停发", "未见 2026-10 起的保障金发放，与乡镇填报的停发月份一致"),
])
def test_a_stop_month_after_the_ledgers_is_said(built, written, said):
    frame = pd.read_csv(built["previous"], dtype=str, encoding="utf-8-sig").fillna("")
    frame.loc[(frame["姓名"] == "无发放") & (frame["类别代码"] == "C04"), "整改措施"] = written
    previous = built["folder"] / f"上期_{written}.csv"
    frame.to_csv(previous, index=False, encoding="utf-8-sig")
    rows = _review(built, f"stop_{written}", built["q4_folder"], previous)
    assert rows[("C04", "无发放")][0] == "已整改"
    assert said in rows[("C04", "无发放")][1], rows[("C04", "无发放")][1]
