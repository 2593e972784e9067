"""review --payments: the review quarter's payment ledgers overturn an 已整改 whose person or household is still paid
after the stop (issue 15's inputs "wherever lists are taken").

The county (tests/review_ledgers_county.py): a third-quarter audit with deaths, custody, moves, staff, vehicles and its
ledger; the townships' return; a fourth-quarter roster and ledger. FLIP: reported done, paid on after the stop (a dead
person, a prisoner, a move out, a civil servant's household, a car owner, a member's own rows, an ID typed as a number,
a household paid as much after a member's death). KEEP: back pay for a month before the stop, a failed payment, 物价补贴
or a one-off grant only, a prisoner released and approved again, a namesake with another ID, a death at a month's end
paid for that month, a household paid less after a member's death, a household paid only before the review month,
no payment, returned rows.
"""

from __future__ import annotations

import json

import openpyxl
import pandas as pd
import pytest
import review_ledgers_county as county
from typer.testing import CliRunner

from rostercheck.cli import app

runner = CliRunner()
MARK = "本季度资金发放明细显示应停发后仍在发放保障金"


def _run(*args) -> str:
    res = runner.invoke(app, [str(a) for a in args])
    assert res.exit_code == 0, res.output
    return res.output


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("county")
    p = county.build(folder)
    _run("audit", p["q3"], "--deaths", p["deaths"], "--prisoners", p["prisoners"], "--migrations", p["migrations"],
         "--staff", p["staff"], "--vehicles", p["vehicles"], "--payments", p["q3_ledger"], "--as-of", "2026-09-30",
         "--out", folder / "a3")
    p["previous"] = county.fill_returns(folder / "a3" / "findings.csv", folder / "上期问题清单.csv")
    p["plain_out"] = _run("review", p["previous"], p["q4"], "--as-of", "2026-12-31", "--out", folder / "rv0")
    p["paid_out"] = _run("review", p["previous"], p["q4"], "--as-of", "2026-12-31", "--payments", p["q4_folder"],
                         "--out", folder / "rv1")
    p["plain"], p["paid"] = folder / "rv0", folder / "rv1"
    return p


def _rows(folder) -> dict:
    frame = pd.read_csv(folder / "review.csv", dtype=str, encoding="utf-8-sig").fillna("")
    return {(c, n): (s, x) for c, n, s, x in zip(frame["类别代码"], frame["姓名"], frame["整改状态"], frame["说明"])}


def test_reported_done_and_still_paid_is_not_rectified(built):
    plain, paid = _rows(built["plain"]), _rows(built["paid"])
    # must flip: 已整改 without the ledgers, 未整改 with them, 说明 saying so
    assert [k for k in county.FLIP if plain[k][0] != "已整改"] == []
    assert [k for k in county.FLIP if paid[k][0] != "未整改" or MARK not in paid[k][1]] == []
    # must not flip: the verdict as it was, nothing said of payments going on
    assert [k for k in county.KEEP if paid[k][0] != plain[k][0] or MARK in paid[k][1]] == []
    assert [k for k in county.KEEP if plain[k][0] != "已整改"] == []
    assert paid[("C04", "核实车")][0] == "核实无问题"
    # nothing else changed its verdict
    assert {k: v[0] for k, v in paid.items()} == {k: ("未整改" if k in county.FLIP else v[0]) for k, v in plain.items()}


def test_the_note_says_months_amount_rows_key_and_sureness(built):
    paid = _rows(built["paid"])
    note = paid[("C02", "甄死亡")][1]
    assert "2026-10至2026-12（3个月）" in note and "每月 300.00 元" in note, note
    assert "《低保金发放明细_2026年第四季度.csv》第 2 行" in note and "按身份证号一致对应，置信度高" in note, note
    assert "乡镇填报“已停发”" in note
    # a cleared household without a date: only the review date's month is past its stop
    assert "2026-12（1个月）" in paid[("C01", "钱公务")][1] and "2026-10" not in paid[("C01", "钱公务")][1]
    # … a member's finding whose household is found by the head's ID only: never 高
    assert "户主身份证号一致（按该户）对应，置信度中" in paid[("C01", "钱公务")][1], paid[("C01", "钱公务")][1]
    assert "按身份证号一致对应，置信度高" in paid[("C01", "官本人")][1]  # (the head himself)
    # an ID a number format cut: never 高
    cut = paid[("C02", "数字号")][1]
    assert "置信度中" in cut and "置信度高" not in cut, cut
    # the household paid as before a member's death: by the head's ID, 中, the amounts compared
    whole = paid[("C02", "全额妻")][1]
    assert "置信度中" in whole and "不少于全额妻减员前每月 900.00 元" in whole, whole
    # … and a raised approval paid in full: unsure, said, not flipped
    raised = paid[("C02", "提标妻")][1]
    assert "可能已提标" in raised and "无法判断是否已按减员调整保障金" in raised and paid[("C02", "提标妻")][0] == "已整改", raised


def test_console_run_json_and_sheet_say_how_many_and_whose_word_the_recoveries_are(built):
    out = "".join(built["paid_out"].split())  # (the console folds its lines)
    assert f"{len(county.FLIP)}条判为已整改的上期问题" in out, out
    assert "按乡镇填报" in out and "未与追回凭证核对" in out
    ledgers = json.loads((built["paid"] / "run.json").read_text(encoding="utf-8"))["money"]["ledgers"]
    assert ledgers["overturned"] == len(county.FLIP) and ledgers["stop_rule"] == "次月"
    assert ledgers["months"] == ["2026-10", "2026-11", "2026-12"]
    assert sum(ledgers["by_code"].values()) == len(county.FLIP)
    inputs = json.loads((built["paid"] / "run.json").read_text(encoding="utf-8"))["inputs"]
    assert any("第四季度.csv" in str(i) for i in inputs)
    plain = json.loads((built["plain"] / "run.json").read_text(encoding="utf-8"))
    assert "ledgers" not in plain["money"] and "本季度资金发放明细" not in built["plain_out"]
    book = openpyxl.load_workbook(built["paid"] / "回头看问题清单.xlsx", read_only=True)
    text = " ".join(str(c) for row in book["追回补发资金（乡镇填报）"].iter_rows(values_only=True) for c in row if c)
    assert "乡镇在整改台账中填报的数" in text and f"显示 {len(county.FLIP)} 条判为已整改的上期问题应停发后仍在发放" in text, text


def test_a_real_exits_list_dates_the_stop(built, tmp_path):
    # 车有余's household cleared 2026-10-15 by the exits list: November and December paid after it
    exits = county._csv(tmp_path / "停保名单.csv", ["户主姓名", "户主身份证号", "停保日期", "停保原因"],
                        [["车有余", county.P["车有余"], "2026-10-15", "家有小汽车"]])
    _run("review", built["previous"], built["q4"], "--as-of", "2026-12-31", "--payments", built["q4_folder"],
         "--exits", exits, "--out", tmp_path / "rv")
    rows = _rows(tmp_path / "rv")
    assert rows[("C04", "车有余")][0] == "未整改"
    assert "2026-11至2026-12（2个月）" in rows[("C04", "车有余")][1], rows[("C04", "车有余")][1]
    assert rows[("C04", "车二户")][0] == "未整改"  # (the others as without the list)


def test_an_exits_list_in_the_payments_folder_is_read_as_audit_reads_it(built, tmp_path):
    import shutil

    folder = tmp_path / "明细"
    folder.mkdir()
    shutil.copy(built["q4_ledger"], folder)
    county._csv(folder / "停保名单.csv", ["户主姓名", "户主身份证号", "停保日期", "停保原因"],
                [["车有余", county.P["车有余"], "2026-10-15", "家有小汽车"]])
    out = _run("review", built["previous"], built["q4"], "--as-of", "2026-12-31", "--payments", folder, "--out", tmp_path / "rv")
    assert "作为停保（退出）名单读取" in "".join(out.split())
    assert "2026-11至2026-12（2个月）" in _rows(tmp_path / "rv")[("C04", "车有余")][1]


def test_exits_without_payments_are_read_for_the_roster_verdicts(built, tmp_path):
    # (h492: the list was said unused without --payments; test_review_h492 holds a household it stopped put right.
    # 车有余 left the roster already: the statuses stay as without the list)
    exits = county._csv(tmp_path / "停保名单.csv", ["户主姓名", "户主身份证号", "停保日期", "停保原因"],
                        [["车有余", county.P["车有余"], "2026-10-15", "家有小汽车"]])
    out = _run("review", built["previous"], built["q4"], "--as-of", "2026-12-31", "--exits", exits, "--out", tmp_path / "rv")
    assert "未使用" not in out
    assert {k: v[0] for k, v in _rows(tmp_path / "rv").items()} == {k: v[0] for k, v in _rows(built["plain"]).items()}


@pytest.mark.parametrize("evidence, expected", [
    ("《死亡人员名单.csv》第 3 行：甲，死亡日期 2026-08-10；身份证号一致", ("deaths", {"死亡日期": "2026-08-10"})),
    ("《服刑人员名单.xls》工作表“Sheet1”第 24 行：乙，入监日期 2026-01-15，刑期止日 2027-07-14，核查日期 2026-09-30 在服刑期内",
     ("prisoners", {"入监日期": "2026-01-15", "刑期止日期": "2027-07-14"})),
    ("《户籍迁出名单.txt》第 178 行：丙，迁出日期 2026-03-18，迁往地 湖南省宝阳市双清区，迁移原因 务工（迁出本县）",
     ("migrations", {"迁出日期": "2026-03-18", "迁往地": "湖南省宝阳市双清区"})),
    # no date in the evidence: no event (the township's stop is taken from the review date's month)
    ("《财政供养人员名单.xlsx》第 5 行：丁，县财政局，公务员；身份证号一致", None),
])
def test_the_earlier_evidence_dates_the_event(evidence, expected):
    from rostercheck.review_events import _event

    assert _event(pd.Series({"依据": evidence})) == expected


@pytest.mark.parametrize("rule, day", [("次月", "2026-11-30"), ("当月", "2026-12-01")])
def test_an_undated_stop_leaves_only_the_review_month_unpayable(rule, day):
    import datetime as dt

    from rostercheck.review_events import stop_day
    from rostercheck.rules._money_events import stop_month

    assert stop_day(dt.date(2026, 12, 31), rule).isoformat() == day
    assert stop_month(stop_day(dt.date(2026, 12, 31), rule), {"stop_rule": rule}) == "2026-12"


@pytest.mark.parametrize("level, person, said, enrolled, whole", [
    ("household", "B", "已清退", set(), True),
    ("member", "H", "已清退", {"H"}, True),        # the head himself
    ("member", "B", "已清退", set(), True),        # the household gone from the roster: cleared out
    ("member", "B", "已清退", {"H"}, False),       # the household still enrolled: one member gone
    ("household", "B", "已将乙减员", set(), False),  # said taken off the household
])
def test_whole_household_or_one_member(level, person, said, enrolled, whole):
    from rostercheck.review_events import whole_household as _whole

    head = county.P["车有余"]
    ids_ = {"H": head, "B": county.P["车二户"]}
    f = pd.Series({"身份证号": ids_[person], "户主身份证号": head, "整改状态": said, "核实情况": "", "整改措施": ""})
    assert _whole(f, level, {ids_[k] for k in enrolled}) is whole


def test_ledgers_of_other_months_are_said_unchecked(built, tmp_path):
    # the third quarter's ledger given to the fourth quarter's look-back: nothing to compare, said so, nothing changed
    out = "".join(_run("review", built["previous"], built["q4"], "--as-of", "2026-12-31", "--payments", built["q3_ledger"],
                       "--out", tmp_path / "rv").split())
    assert "没有核查基准日所在季度的所属月份（明细的月份为2026-07至2026-09（3个月））" in out, out
    assert {k: v[0] for k, v in _rows(tmp_path / "rv").items()} == {k: v[0] for k, v in _rows(built["plain"]).items()}
    assert json.loads((tmp_path / "rv" / "run.json").read_text(encoding="utf-8"))["money"]["ledgers"]["months"] == []


@pytest.mark.parametrize("evidence, expected, said", [
    # must not drop the event unsaid: a day that is no date of the calendar is undated (the review month), said
    # (h464: 2026-13-01 and 2026-02-30 left the death unchecked, the payments after it never looked at)
    ("《死亡人员名单.csv》第 2 行：甲，死亡日期 2026-13-01；身份证号一致", None, "不是有效日期"),
    ("《死亡人员名单.csv》第 2 行：甲，死亡日期 2026-02-30；身份证号一致", None, "不是有效日期"),
    # must not guess between two days silently: the later (fewest months unpayable), said (h464: the first taken)
    ("甲，死亡日期 2026-12-20，死亡日期 2026-08-10", ("deaths", {"死亡日期": "2026-12-20"}), "2 个不同的死亡日期"),
    # a day written with slashes or in words is read (h464: undated, the review month only)
    ("甲，死亡日期 2026/8/10；身份证号一致", ("deaths", {"死亡日期": "2026-08-10"}), ""),
    ("甲，死亡日期 2026年8月10日；身份证号一致", ("deaths", {"死亡日期": "2026-08-10"}), ""),
    # a custody ending before it starts is undated, said (h464: no month unpayable, unsaid)
    ("乙，入监日期 2029-05-01，刑期止日 2028-04-30", None, "早于入监日期"),
    # must stay: a 注销日期 beside the 死亡日期 is no second death
    ("甲，死亡日期 2026-08-10，注销日期 2026-09-02", ("deaths", {"死亡日期": "2026-08-10"}), ""),
    ("甲，火化日期 2026-08-12", ("deaths", {"死亡日期": "2026-08-12"}), ""),
])
def test_the_evidence_dates_odd_days_are_said(evidence, expected, said):
    from rostercheck.review_events import dated as _dated

    event, note = _dated(pd.Series({"依据": evidence}))
    assert event == expected
    assert (said in note) if said else note == ""


def test_an_impossible_death_day_is_checked_from_the_review_month_and_said(built, tmp_path):
    prev = pd.read_csv(built["previous"], dtype=str, encoding="utf-8-sig").fillna("")
    at = prev["姓名"] == "甄死亡"
    prev.loc[at, "依据"] = prev.loc[at, "依据"].str.replace("2026-08-10", "2026-13-01", regex=False)
    prev.to_csv(tmp_path / "上期问题清单.csv", index=False, encoding="utf-8-sig")
    out = _run("review", tmp_path / "上期问题清单.csv", built["q4"], "--as-of", "2026-12-31", "--payments",
               built["q4_folder"], "--out", tmp_path / "rv")
    rows = _rows(tmp_path / "rv")
    # must flip on December's payment (h464: 已整改, the payments never checked, nothing said)
    assert rows[("C02", "甄死亡")][0] == "未整改" and "2026-12（1个月）" in rows[("C02", "甄死亡")][1]
    assert "甄死亡的问题：依据中的死亡日期“2026-13-01”不是有效日期" in out.replace("\n", "")


def _undated_death(built, tmp_path, name: str, day: str, out: str) -> dict:
    """The review rows with the earlier list's death day of ``name`` blanked."""
    prev = pd.read_csv(built["previous"], dtype=str, encoding="utf-8-sig").fillna("")
    at = prev["姓名"] == name
    prev.loc[at, "依据"] = prev.loc[at, "依据"].str.replace(f"死亡日期 {day}", "死亡日期 ", regex=False)
    prev.to_csv(tmp_path / f"{out}.csv", index=False, encoding="utf-8-sig")
    _run("review", tmp_path / f"{out}.csv", built["q4"], "--as-of", "2026-12-31", "--payments", built["q4_folder"],
         "--out", tmp_path / out)
    return _rows(tmp_path / out)


def test_an_undated_members_death_in_a_household_paid_for_the_rest_stays_done(built, tmp_path):
    # T7's household (the wife dead, Q4 paid 600 for 2, the ledger's 保障人口 2) with the death's day left blank: the
    # review month's row pays for the two the roster lists (h464: "保障人口 3 人", a third claimed, 未整改)
    rows = _undated_death(built, tmp_path, "减额妻", "2026-07-05", "rv")
    assert rows[("C02", "减额妻")][0] == "已整改" and MARK not in rows[("C02", "减额妻")][1]
    # must still flip: the household paid 900 for 3 (保障人口 3) after the wife's undated death
    rows = _undated_death(built, tmp_path, "全额妻", "2026-07-10", "rv2")
    assert rows[("C02", "全额妻")][0] == "未整改" and MARK in rows[("C02", "全额妻")][1]


def test_a_stop_the_ledgers_cannot_look_for_by_a_cut_id_is_said(built, tmp_path):
    from rostercheck.review_ledgers import CUT_IDS_UNCHECKED

    # 钱公务's household (C01, cleared out, paid through December): the earlier list's IDs kept as numbers, the head's
    # ID lost its last digits — the ledgers' rows cannot be found for the household; said, not left as checked (h464)
    prev = pd.read_csv(built["previous"], dtype=str, encoding="utf-8-sig").fillna("")
    at = prev["姓名"] == "钱公务"
    for col in ("身份证号", "户主身份证号"):
        prev.loc[at, col] = [f"{int(v[:15]) / 1e14:.14f}E+17" for v in prev.loc[at, col]]
    prev.to_csv(tmp_path / "上期问题清单.csv", index=False, encoding="utf-8-sig")
    _run("review", tmp_path / "上期问题清单.csv", built["q4"], "--as-of", "2026-12-31", "--payments", built["q4_folder"],
         "--out", tmp_path / "rv")
    rows = _rows(tmp_path / "rv")
    assert CUT_IDS_UNCHECKED in rows[("C01", "钱公务")][1]
    # must stay: nothing said of the kind when the IDs are whole
    assert not any(CUT_IDS_UNCHECKED in x for _, x in _rows(built["paid"]).values())
