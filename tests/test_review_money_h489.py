"""review --payments on the next quarter of the h486 bank shapes (h489): a payment of the review quarter made and then
undone by a 冲正/退回 row of the same sum (a minus amount, the bank's word in 摘要 or 交易状态) is no payment after the
stop — the household the township stopped stays 已整改 — while the bureau's own 追回 of an earlier overpayment, equal to
a payment of the quarter, undoes nothing: that payment still overturns the 已整改."""

from __future__ import annotations

import csv

import pandas as pd
from helpers import make_id
from typer.testing import CliRunner

from rostercheck.cli import app

runner = CliRunner()
MARK = "本季度资金发放明细显示应停发后仍在发放保障金"
ROSTER = ["乡镇", "村", "姓名", "公民身份号码", "供养方式", "月供养标准", "一卡通账号"]
BANK = ["交易流水号", "交易时间", "收款账号", "户名", "证件号码", "交易金额", "摘要", "交易状态", "失败原因"]
# name → (ID, account); each dies in May 2026 and is paid on through September (F01), the township reports her stopped
DEAD = {"甲退回": (make_id("19400101", 201), "6230001"), "乙冲正": (make_id("19410101", 203), "6230002"),
        "丙追回": (make_id("19420101", 205), "6230003"), "丁照发": (make_id("19430101", 207), "6230004")}
LIVE = {"戊在册": (make_id("19440101", 209), "6230005")}


def _csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _run(*args) -> str:
    res = runner.invoke(app, [str(a) for a in args])
    assert res.exit_code == 0, res.output
    return res.output


def _roster(path, people):
    return _csv(path, ROSTER, [["城关镇", "东关村", n, i, "分散供养", "1576", a] for n, (i, a) in people.items()])


def _pay(n, i, a, month, amount, memo, status="成功", day=10):
    return [f"JC{month.replace('-', '')}{day}{i[-4:]}", f"{month}-{day:02d} 09:00:00", a, n, i, f"{amount:.2f}", memo,
            status, ""]


def _returns(tmp_path, memo_word: str, status_word: str, back_day: str = "2026-10"):
    q3 = _roster(tmp_path / "特困人员名册_2026年三季度.csv", {**DEAD, **LIVE})
    deaths = _csv(tmp_path / "死亡人员名单.csv", ["姓名", "身份证号", "死亡日期"],
                  [[n, i, "2026-05-10"] for n, (i, _) in DEAD.items()])
    led3 = tmp_path / "q3"
    led3.mkdir()
    for m in ("2026-07", "2026-08", "2026-09"):
        _csv(led3 / f"代发明细_{m.replace('-', '')}_特困.csv", BANK,
             [_pay(n, i, a, m, 1576, f"{int(m[5:])}月特困") for n, (i, a) in {**DEAD, **LIVE}.items()])
    _run("audit", q3, "--deaths", deaths, "--payments", led3, "--as-of", "2026-09-30", "--out", tmp_path / "a3")
    frame = pd.read_csv(tmp_path / "a3" / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    assert {n for n in frame.loc[frame["类别代码"] == "F01", "姓名"]} == set(DEAD)
    frame["整改状态"] = frame["类别代码"].map(lambda c: "已停发，已追回" if c.startswith("F") else "已停发")
    previous = tmp_path / "上期问题清单.csv"
    frame.to_csv(previous, index=False, encoding="utf-8-sig")
    q4 = _roster(tmp_path / "特困人员名册_2026年四季度.csv", LIVE)
    led4 = tmp_path / "q4"
    led4.mkdir()
    (i1, a1), (i2, a2), (i3, a3), (i4, a4) = DEAD.values()
    rows = [_pay(n, i, a, "2026-10", 1576, "10月特困") for n, (i, a) in {**DEAD, **LIVE}.items()]
    back = [_pay("甲退回", i1, a1, back_day, -1576, memo_word, status_word, day=20 if back_day == "2026-10" else 3)]
    rows += [*(back if back_day == "2026-10" else []),
             _pay("乙冲正", i2, a2, "2026-10", -1576, "冲正", day=11),
             # (the bureau's recovery of the summer's overpayment, equal to October's payment: no undoing of it)
             _pay("丙追回", i3, a3, "2026-10", -1576, "追回多发特困供养金", day=25)]
    _csv(led4 / "代发明细_202610_特困.csv", BANK, rows)
    for m in ("2026-11", "2026-12"):
        _csv(led4 / f"代发明细_{m.replace('-', '')}_特困.csv", BANK,
             [_pay(n, i, a, m, 1576, f"{int(m[5:])}月特困") for n, (i, a) in LIVE.items()]
             + (back if back_day == m else []))
    _run("review", previous, q4, "--as-of", "2026-12-31", "--payments", led4, "--out", tmp_path / "rv")
    out = pd.read_csv(tmp_path / "rv" / "review.csv", dtype=str, encoding="utf-8-sig").fillna("")
    return {(c, n): (s, x) for c, n, s, x in zip(out["类别代码"], out["姓名"], out["整改状态"], out["说明"])}


def _check(got):
    for name in ("甲退回", "乙冲正"):  # paid in October and the payment came back: stopped as reported
        assert got[("F01", name)][0] == "已整改", got[("F01", name)]
        assert MARK not in got[("F01", name)][1]
    for name in ("丙追回", "丁照发"):  # paid in October for good (a recovery of earlier months undoes none)
        assert got[("F01", name)][0] == "未整改" and MARK in got[("F01", name)][1], got[("F01", name)]


def test_payment_returned_in_quarter_is_not_paid_on(tmp_path):
    # (the bank's 冲正 file: a minus row, 摘要 naming the month, 交易状态 冲正)
    _check(_returns(tmp_path, "10月特困", "冲正"))


def test_payment_returned_memo_only(tmp_path):
    # (the bank's xlsx export: 摘要 退回 on a minus row, 交易状态 成功)
    _check(_returns(tmp_path, "退回", "成功"))


def test_payment_returned_next_month(tmp_path):
    # (October's transfer came back on 11-03, written in November's file with 摘要 退回 and no month: its month only the
    # day it was made)
    _check(_returns(tmp_path, "退回", "成功", back_day="2026-11"))
