"""The payer's own account statement (the bureau's 社会救助专户流水: each payout a negative 交易金额), h443: read as
payments, not as reversals (84 households were F05 中 "少发" the whole of every payment)."""

import csv
import datetime as dt

import pytest

from rostercheck.io.ledgers import load_ledgers

AS_OF = dt.date(2026, 9, 30)
NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八"]


def statement(path, rows, head=True):
    with open(path, "w", encoding="gb18030", newline="") as fh:
        w = csv.writer(fh)
        if head:
            w.writerow(["账号：41050167890000001234"])
            w.writerow(["户名：某县民政局社会救助资金专户"])
        w.writerow(["交易日期", "交易金额", "对方户名", "对方账号", "摘要"])
        for k, (amount, memo) in enumerate(rows):
            w.writerow(["20260820", amount, NAMES[k % 6], f"62179{k:014d}", memo])
    return path


def amounts(path):
    [table], frame, _ = load_ledgers([path], AS_OF)
    return [float(a) for a in frame["amount"]], table.warnings


PAYOUTS = [("-1,280.00", "代发低保金"), ("-340.00", "代发低保金"), ("-520.00", "代发低保金"), ("-1,500.00", "代发低保金"),
           ("-680.00", "代发低保金"), ("-900.00", "代发低保金")]


@pytest.mark.parametrize("rows, expected", [
    # must turn: every payout negative; a positive row is money coming back (退回), negative after the turn
    (PAYOUTS, [1280.0, 340.0, 520.0, 1500.0, 680.0, 900.0]),
    (PAYOUTS * 2 + [("340.00", "退回")], [1280.0, 340.0, 520.0, 1500.0, 680.0, 900.0] * 2 + [-340.0]),
])
def test_a_payers_statement_pays_its_outflows(tmp_path, rows, expected):
    got, said = amounts(statement(tmp_path / "低保代发明细_202608.csv", rows))
    assert got == expected
    assert [n for n in said if "付款账户的流水" in n]


@pytest.mark.parametrize("name, rows", [
    # must not turn: a file of reversals, by its name or by its rows' words; a few reversals among payouts; too few rows
    ("冲正明细_202608.csv", PAYOUTS),
    ("低保代发明细_202608.csv", [(a, "冲正 低保金") for a, _ in PAYOUTS]),
    ("低保代发明细_202608.csv", [(a.lstrip("-"), m) for a, m in PAYOUTS] + [("-340.00", "冲正")]),
    ("低保代发明细_202608.csv", PAYOUTS[:4]),
])
def test_reversals_keep_their_signs(tmp_path, name, rows):
    path = statement(tmp_path / name, rows)
    got, said = amounts(path)
    assert got == [float(a.replace(",", "")) for a, _ in rows]
    assert not [n for n in said if "付款账户的流水" in n]
