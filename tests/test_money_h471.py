"""h471, a black-box sweep of the sample county's payment ledgers in hostile shapes: an amount written in words or
not an amount, a wide sheet heading a month twice or a month no calendar has, a month paid implausibly much beside
months paid a little less.
"""

import openpyxl
import pytest
from money import findings, household, make_id, money_context, months, pay

from rostercheck.io.ledgers import read_ledger
from rostercheck.normalize.ids import mask_id

AS_OF = __import__("datetime").date(2026, 9, 30)
W = make_id("19520303", 311)
ACCOUNT = "6217000000000301"


def _wang(september):
    rows = [pay(W, "王贵", m, 1230, bank_account=ACCOUNT) for m in months("2026-07", "2026-08")]
    rows.append(pay(W, "王贵", "2026-09", september, bank_account=ACCOUNT))
    return money_context(household("王贵", W, benefit=1230, bank_account=ACCOUNT), rows)


@pytest.mark.parametrize("cell, f06, f05, said", [
    # must read: an amount in Chinese numerals (h471: read as nothing paid, 应发未发 1,230.00 at 高)
    ("壹仟贰佰叁拾元", [], [], False),
    ("一千二百三十元", [], [], False),
    ("壹仟元", [], [("高", None, 230.0)], False),  # (read, then compared: 230 short)
    # must not flag, must say: an amount cell that is no amount (待定, 见附表) — whether it was paid nobody can tell
    ("待定", [], [], True),
    ("见附表", [], [], True),
    # must flag as before: a cell saying nothing was paid, a blank one
    ("—", [("高", None, 1230.0)], [], False),
    ("未发放", [("高", None, 1230.0)], [], False),
    (None, [("高", None, 1230.0)], [], False),
])
def test_an_amount_in_words_or_no_amount_is_no_month_unpaid(cell, f06, f05, said):
    ctx = _wang(cell)
    assert [(f.confidence, f.recover, f.repay) for f in findings(ctx, "F06")] == f06
    assert any("发放金额写的不是金额" in n for n in ctx.cache.get("partly:F06", [])) == said
    assert [(f.confidence, f.recover, f.repay) for f in findings(_wang(cell), "F05")] == f05


def test_a_month_paid_implausibly_much_beside_a_month_short_is_said():
    # must not crash (h471: UnboundLocalError, exit 70 — the implausible month's text read before it was set), and the
    # short month is compared, the implausible one said in the same finding
    rows = [pay(W, "王贵", "2026-07", 1000, bank_account=ACCOUNT), pay(W, "王贵", "2026-08", 1230, bank_account=ACCOUNT),
            pay(W, "王贵", "2026-09", 1230e6, bank_account=ACCOUNT)]
    ctx = money_context(household("王贵", W, benefit=1230, bank_account=ACCOUNT), rows)
    (found,) = findings(ctx, "F05")
    assert (found.confidence, found.repay) == ("高", 230.0)
    assert "2026-09 实发 1,230,000,000.00 元" in found.evidence and "疑为发放明细录入错误" in found.evidence, found.evidence


def _wide(tmp_path, heads, cells):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "特困供养金"
    ws.append(["清河县特困人员基本生活费发放台账"])
    ws.append(["乡镇", "姓名", "公民身份号码", *heads])
    ws.append(["河口乡", "王贵", W, *cells])
    wb.save(tmp_path / "特困供养金发放台账_2026年度.xlsx")
    return read_ledger(tmp_path / "特困供养金发放台账_2026年度.xlsx", AS_OF)


@pytest.mark.parametrize("heads, read, said", [
    # must not read twice, must say: a month headed twice (h471: September's column headed 2026年8月, 153 F04 at 高)
    (["2026年7月", "2026年8月", "2026年8月"], [("2026-07", 1576.0), ("2026-08", 1576.0)], "与前面的月份列是同一个月"),
    # must say: a header naming no month (h471: 2026年13月 unread, unsaid)
    (["2026年7月", "2026年8月", "2026年13月"], [("2026-07", 1576.0), ("2026-08", 1576.0)], "“2026年13月” 不是有效的月份"),
    # must read as before: three months, or one month's benefit and its other item
    (["2026年7月", "2026年8月", "2026年9月"], [("2026-07", 1576.0), ("2026-08", 1576.0), ("2026-09", 1576.0)], ""),
])
def test_a_wide_sheet_heading_a_month_twice_or_no_month_is_said(tmp_path, heads, read, said):
    table, frame = _wide(tmp_path, heads, [1576, 1576, 1576])
    assert sorted(zip(frame["month"].astype(str), frame["amount"].astype(float))) == read
    notes = "".join(table.warnings)
    assert (said in notes) if said else ("同一个月" not in notes and "不是有效的月份" not in notes), notes
    assert W not in notes and mask_id(W)[:6] in mask_id(W)
