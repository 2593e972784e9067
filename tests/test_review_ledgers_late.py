"""review --payments, h467: payments made in the review quarter for earlier months (back pay, late batches), the
township's own written stop month, on the look-back test county (tests/review_ledgers_county.py) with its ledgers
changed as each case says.

Late payments (所属月份 before the quarter, 发放日期 in it): the earlier audit's ledgers ended before they were made.
FLIP: 物价者 (dead 2026-07-01; the third quarter's ledger paid no September) paid September's benefit on 2026-10-15.
KEEP: 一次性 (dead 2026-07-01) paid September again on 2026-10-20 — the earlier list already reported September of her
(涉及月份): not counted twice, said; 同名人 paid September on 2026-09-25 (before the quarter: the earlier audit could have
seen it); 失败者 paid September with no 发放日期; 补发者 (dead 2026-08-20) July's back pay paid in October; 月末死 (dead
2026-09-29) September paid in October.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest
import review_ledgers_county as county
from typer.testing import CliRunner

from rostercheck.cli import app

runner = CliRunner()
MARK = "本季度资金发放明细显示应停发后仍在发放保障金"
# (name, 所属月份, 发放日期) rows added to the fourth quarter's ledger; the third quarter's September rows of these left out
LATE = [("物价者", "2026-09", "2026-10-15"), ("一次性", "2026-09", "2026-10-20"), ("同名人", "2026-09", "2026-09-25"),
        ("失败者", "2026-09", "")]
NO_SEPTEMBER_IN_Q3 = {"物价者", "同名人", "失败者"}
LATE_FLIP = [("C02", "物价者"), ("F01", "物价者")]
# recovery rows of the fourth quarter's ledger: (name, 所属月份, 资金项目, amount)
RECOVERED = [("一次性", "2026-10", "追回低保金", -600),    # all of the 600 owed: nothing said
             ("补发者", "2026-10", "退回多发低保金", 300),   # an item of recovery, positive: all of the 300 owed
             ("失败者", "2026-11", "低保金", -100)]         # 100 of the 300 owed: said (only 100 seen)


def _run(*args) -> str:
    res = runner.invoke(app, [str(a) for a in args])
    assert res.exit_code == 0, res.output
    return res.output


def _rewrite(path, keep=lambda row: True, more=()):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    kept = [rows[0]] + [r for r in rows[1:] if keep(r)] + [list(map(str, r)) for r in more]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(kept)


def build_late(folder):
    """The look-back test county in ``folder`` with the late and recovery rows above, audited for the third quarter:
    its paths, the earlier findings (``findings``) and the returned list filled in (``previous``)."""
    p = county.build(folder)
    at = county.LEDGER.index
    _rewrite(p["q3_ledger"], keep=lambda r: not (r[at("姓名")] in NO_SEPTEMBER_IN_Q3 and r[at("所属月份")] == "2026-09"))
    _rewrite(p["q4_ledger"], more=[county._pay(n, m, county.PER_PERSON, paid=d) if d else
                                   county._pay(n, m, county.PER_PERSON)[:8] + [""] + county._pay(n, m, county.PER_PERSON)[9:]
                                   for n, m, d in LATE]
             + [county._pay(n, m, amount, item=item, paid=f"{m}-20") for n, m, item, amount in RECOVERED])
    _run("audit", p["q3"], "--deaths", p["deaths"], "--prisoners", p["prisoners"], "--migrations", p["migrations"],
         "--staff", p["staff"], "--vehicles", p["vehicles"], "--payments", p["q3_ledger"], "--as-of", "2026-09-30",
         "--out", folder / "a3")
    p["findings"] = folder / "a3" / "findings.csv"
    p["previous"] = county.fill_returns(p["findings"], folder / "上期问题清单.csv")
    p["folder"] = folder
    return p


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_late(tmp_path_factory.mktemp("county"))


def _rows(folder) -> dict:
    frame = pd.read_csv(folder / "review.csv", dtype=str, encoding="utf-8-sig").fillna("")
    return {(c, n): (s, x) for c, n, s, x in zip(frame["类别代码"], frame["姓名"], frame["整改状态"], frame["说明"])}


def _review(built, previous, out: str, *more) -> tuple[dict, str]:
    said = _run("review", previous, built["q4"], "--as-of", "2026-12-31", "--payments", built["q4_folder"], *more,
                "--out", built["folder"] / out)
    return _rows(built["folder"] / out), said


def test_a_payment_made_in_the_quarter_for_an_earlier_month_is_checked(built):
    plain = _rows_plain(built)
    paid, said = _review(built, built["previous"], "late")
    flips = county.FLIP + LATE_FLIP
    # must flip: September paid on 2026-10-15 after a death in July, which the earlier audit never saw
    assert [k for k in flips if paid[k][0] != "未整改" or MARK not in paid[k][1]] == []
    assert "其中 2026-09（1个月） 的发放是本季度内发放的以前月份（补发或延迟发放），上期核查时尚未发放" in paid[("F01", "物价者")][1]
    # must not flip: back pay before the event, a month already reported, a payment made before the quarter, no 发放日期
    keep = [("C02", "一次性"), ("F01", "一次性"), ("C02", "同名人"), ("F01", "同名人"), ("C02", "失败者"), ("F01", "失败者"),
            ("C02", "补发者"), ("F01", "补发者"), ("C02", "月末死")]
    assert [k for k in keep if paid[k][0] != "已整改" or MARK in paid[k][1]] == []
    assert {k: v[0] for k, v in paid.items()} == {k: ("未整改" if k in flips else v[0]) for k, v in plain.items()}
    # the month already reported is said, not counted again
    assert "所属月份 2026-09（1个月） 的发放（发放日期在本季度内），该月上期已列入涉及月份，未重复计" in paid[("F01", "一次性")][1]
    assert "未重复计" not in paid[("F01", "物价者")][1] and "未重复计" not in paid[("F01", "同名人")][1]
    assert "发放日期在本季度内的发放（补发或延迟发放，所属月份2026-07、2026-09（2个月））" in "".join(said.split()), said


def _rows_plain(built) -> dict:
    if "plain" not in built:
        _run("review", built["previous"], built["q4"], "--as-of", "2026-12-31", "--out", built["folder"] / "plain")
        built["plain"] = _rows(built["folder"] / "plain")
    return built["plain"]


# The township's written stop month: (name, column, text) written into the return
WRITTEN = [("十月停子", "整改状态", "10月已停发"),     # paid Oct and Nov: contradicted (must flip)
           ("补十一", "停发月份", "11月"),           # a column of its own; November paid (in December): must flip
           ("无发放", "整改措施", "2026年10月起停发"),  # nothing paid in the quarter: confirmed (must not flip)
           ("失败者", "整改状态", "2026年8月起已停发"),  # dead in July, October's payment failed: confirmed
           ("同名人", "整改状态", "10月或11月停发"),    # two months: said, not guessed
           ("一次性", "核实情况", "10月底已停发")]       # the month's end: said, not guessed
WRITTEN_FLIP = [("C01", "十月停子"), ("C04", "补十一")]


def _written_returns(built):
    frame = pd.read_csv(built["previous"], dtype=str, encoding="utf-8-sig").fillna("")
    frame["停发月份"] = ""
    for name, col, text in WRITTEN:  # (on the stop's row: a money finding's 已追回 left as it was)
        frame.loc[(frame["姓名"] == name) & ~frame["类别代码"].str.startswith("F"), col] = text
    frame.to_csv(built["folder"] / "上期问题清单_停发月份.csv", index=False, encoding="utf-8-sig")
    return built["folder"] / "上期问题清单_停发月份.csv"


def test_the_townships_written_stop_month_is_read_against_the_ledgers(built):
    previous = _written_returns(built)
    base, _ = _review(built, built["previous"], "late_base")
    plain_written = _run("review", previous, built["q4"], "--as-of", "2026-12-31", "--out", built["folder"] / "w0")
    plain = _rows(built["folder"] / "w0")
    paid, _ = _review(built, previous, "written")
    # without ledgers the written months change nothing (the returns read as before)
    assert {k: v[0] for k, v in plain.items()} == {k: v[0] for k, v in _rows_plain(built).items()}, plain_written
    # must flip: paid after the month the township wrote, naming it
    assert [k for k in WRITTEN_FLIP if base[k][0] != "已整改" or paid[k][0] != "未整改"] == []
    note = paid[("C01", "十月停子")][1]
    assert "乡镇填报“10月已停发”（写明 2026-10 起停发），但" in note and "其中 2026-10 起的发放与乡镇填报的停发月份不符" in note, note
    assert "（写明 2026-11 起停发）" in paid[("C04", "补十一")][1], paid[("C04", "补十一")][1]
    assert "其中 2026-11 起的发放与乡镇填报的停发月份不符" in paid[("C04", "补十一")][1]
    # nothing else changes its verdict
    assert {k: v[0] for k, v in paid.items()} == {k: ("未整改" if k in WRITTEN_FLIP else v[0]) for k, v in base.items()}
    # a ledger stopping as written confirms it
    assert "未见 2026-10 起的保障金发放，与乡镇填报的停发月份一致" in paid[("C04", "无发放")][1], paid[("C04", "无发放")][1]
    assert "未见 2026-08 起的保障金发放，与乡镇填报的停发月份一致" in paid[("C02", "失败者")][1]
    # an unclear month is said, never guessed from
    assert "乡镇填报的停发月份不明确（“10月或11月停发”写了不止一个月份）" in paid[("C02", "同名人")][1], paid[("C02", "同名人")][1]
    assert "“10月底已停发”写到月底" in paid[("C02", "一次性")][1]
    assert not any("与乡镇填报的停发月份一致" in x or "不明确" in x for x in base.values() for x in [x[1]])


@pytest.mark.parametrize("text, month, said", [
    ("10月已停发", "2026-10", ""),
    ("2026年11月起停发", "2026-11", ""),
    ("已于2026年10月停止发放", "2026-10", ""),
    ("2026-10起停发", "2026-10", ""),
    ("2026.11起停保", "2026-11", ""),
    ("10月份起停发", "2026-10", ""),
    ("于2026年9月30日死亡，10月已停发", "2026-10", ""),    # a day of the event is no stop month
    ("已停发", None, ""),
    ("拟于12月停发", None, ""),                            # a plan
    ("10月底已停发", None, "写到月底"),
    ("10月中旬停发", None, "写到月中旬"),
    ("2026年10月15日停发", None, "写到日"),
    ("10月或11月停发", None, "不止一个月份"),
    ("10、11月已停发", None, "不止一个月份"),
    ("10月已停发，11月起停保", None, "不一致"),
    ("1月起停发", None, "可能是 2026-01或2027-01"),       # on a December review: this January or the next
    ("13月停发", None, "月份不存在"),
    ("10月已停发物价补贴", None, ""),                        # another item's stop
    ("10月已停发低保金", "2026-10", ""),
    ("已清退，2026年11月起不再发放", "2026-11", ""),
])
def test_a_written_stop_month(text, month, said):
    import datetime as dt

    from rostercheck.review_stops import written_stop

    got, note = written_stop(pd.Series({"整改状态": text, "核实情况": "", "整改措施": ""}), dt.date(2026, 12, 31))
    assert got == month
    assert (said in note) if said else note == ""


@pytest.mark.parametrize("cell, month, said", [
    ("2026-11", "2026-11", ""), ("2026年11月", "2026-11", ""), ("11月", "2026-11", ""), ("2026-11-01", "2026-11", ""),
    ("2026-11-15", None, "写到日"), ("停了", None, "不是月份"), ("", None, ""),
])
def test_a_stop_month_column(cell, month, said):
    import datetime as dt

    from rostercheck.review_stops import written_stop

    got, note = written_stop(pd.Series({"整改状态": "已清退", "停发月份（乡镇添加）": cell}), dt.date(2026, 12, 31))
    assert got == month
    assert (said in note) if said else note == ""


def test_a_recovery_the_ledgers_do_not_show_is_said(built):
    paid, said = _review(built, built["previous"], "recovered")
    unseen = "追回尚未在发放明细中体现"
    # must say: 已追回 reported, no recovery row (甄死亡, 300 owed) or less than said (失败者: 100 of 300)
    assert "乡镇填报已追回 300.00 元，所给资金发放明细中未见该人（户）的追回记录" in paid[("F01", "甄死亡")][1], paid[("F01", "甄死亡")][1]
    assert "乡镇填报已追回 300.00 元，所给资金发放明细中只见追回 100.00 元" in paid[("F01", "失败者")][1], paid[("F01", "失败者")][1]
    # must not say: a negative row or an item of recovery for all of it; nor on a row that owes nothing (C02)
    assert [k for k in (("F01", "一次性"), ("F01", "补发者")) if unseen in paid[k][1]] == []
    assert not any(unseen in x for (c, _), (_, x) in paid.items() if not c.startswith("F"))
    # a note only: no verdict changes for it, and the recovery rows are no payments after the stop
    assert paid[("F01", "失败者")][0] == "已整改" and paid[("F01", "一次性")][0] == "已整改"
    assert paid[("F01", "补发者")][0] == "已整改" and MARK not in paid[("F01", "补发者")][1]
    assert "乡镇填报已追回、但明细中未见相应追回记录的" in "".join(said.split())


def test_ledgers_without_any_recovery_say_so(built, tmp_path):
    # the look-back county's own fourth-quarter ledger holds no recovery of anyone: said as such on each 已追回
    import shutil

    folder = tmp_path / "明细"
    folder.mkdir()
    shutil.copy(built["q4_ledger"], folder)
    _rewrite(folder / built["q4_ledger"].name, keep=lambda r: r[county.LEDGER.index("资金项目")] in ("低保金", "物价补贴")
             and not r[county.LEDGER.index("发放金额")].startswith("-"))
    _run("review", built["previous"], built["q4"], "--as-of", "2026-12-31", "--payments", folder, "--out", tmp_path / "rv")
    rows = _rows(tmp_path / "rv")
    assert "所给资金发放明细中没有任何追回记录" in rows[("F01", "甄死亡")][1], rows[("F01", "甄死亡")][1]


@pytest.mark.parametrize("rows, expected", [
    # must: the largest monthly amount of each person's F01/F02 evidence, in one pass over the list
    ([("F01", "A", "2026-08 低保金 900.00 元（应追回份额 300.00 元）；2026-09 低保金 1,200.00 元（应追回份额 400.00 元）"),
      ("F02", "B", "每月 600.00 元（应追回份额 300.00 元）")], {"A": 1200.0, "B": 600.0}),
    ([("F01", "A", "900.00 元（应追回份额 300.00 元）"), ("F02", "A", "1,500.00 元（应追回份额 500.00 元）")], {"A": 1500.0}),
    # must not: another category's amounts, or evidence without a share
    ([("C02", "A", "900.00 元（应追回份额 300.00 元）"), ("F01", "B", "应追回合计 600.00 元")], {}),
])
def test_the_earlier_amounts_are_indexed_per_person(rows, expected):
    from rostercheck.review_shares import earlier_amounts

    prev = pd.DataFrame(rows, columns=["类别代码", "身份证号", "依据"])
    assert earlier_amounts(prev) == expected


def test_the_look_back_ledger_modules_stay_small_and_use_no_private_loader():
    import ast
    from pathlib import Path

    import rostercheck

    folder = Path(rostercheck.__file__).parent
    for name in ("review_ledgers", "review_events", "review_late", "review_stops", "review_recovered", "review_shares"):
        text = (folder / f"{name}.py").read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, name  # (style: ~400 lines a module; review_ledgers.py was 526)
        private = [a.name for node in ast.walk(ast.parse(text)) if isinstance(node, ast.ImportFrom)
                   and node.module in ("loading", "rostercheck.loading") for a in node.names if a.name.startswith("_")]
        assert private == [], (name, private)
