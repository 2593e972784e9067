"""The recoveries a township reports (已追回, 追回金额) against the recovery rows of the ledgers the look-back was given
(a negative amount, an item of 追回, 退回, 收回 …): where the ledgers show less than the amount said for the person or her
household, the finding says the recovery is not yet seen there. A note only: money recovered through the treasury's
non-tax income or paid back at the bank is in no payment ledger, so nothing is overturned by its absence.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .review_events import add_note
from .review_late import finding_ids, rows_of

# an item that moves money back (追回低保金, 退回多发资金, 扣回, 冲减 …)
_RECOVERY_ITEM = re.compile(r"追回|退回|收回|扣回|缴回|追缴|冲减|冲回")
# the money findings whose rectification is money recovered
RECOVERED_BY = ("F01", "F02", "F03", "F04")


def recovering(payments: pd.DataFrame) -> np.ndarray:
    """Which ledger rows move money back (a negative amount, or an item of 追回, 退回 …): no payment after a stop.

    Args:
        payments: the normalised payments.
    Returns:
        A boolean array, one per row.
    """
    if not len(payments):
        return np.zeros(0, dtype=bool)
    amount = pd.to_numeric(payments["amount"], errors="coerce").to_numpy(dtype=float)
    if "item" not in payments.columns:
        return amount < 0
    items = pd.Series(pd.unique(payments["item"].astype(str)))
    named = items[items.str.contains(_RECOVERY_ITEM)]
    return (amount < 0) | payments["item"].astype(str).isin(set(named)).to_numpy(dtype=bool)


def recovery_rows(payments: pd.DataFrame, p: dict | None = None) -> dict[str, list[int]]:
    """The ledgers' rows that recover the benefit, by the payee's and the head's ID: not a row whose status says it
    failed (a recovery that did not go through), nor a negative amount of other money (物价补贴 −30 is that item's
    correction, no benefit recovered; h471: either hid a recovery still missing).

    Args:
        payments: the normalised payments (every row given, any month).
        p: the money parameters (:func:`rules._money.params`: failed words and codes, benefit and other items); None:
            every row that moves money back counts.
    Returns:
        A valid ID → positions of its recovery rows (a negative amount, or an item of recovery).
    """
    from .rules._money import failed_status, other_item

    out: dict[str, list[int]] = {}
    back = recovering(payments)
    if p is not None and back.any():
        judged: dict[tuple[str, str, bool], bool] = {}
        status = payments["status"].astype(str).tolist() if "status" in payments.columns else [""] * len(payments)
        item = payments["item"].astype(str).tolist() if "item" in payments.columns else [""] * len(payments)
        for r in np.flatnonzero(back):
            named = bool(_RECOVERY_ITEM.search(item[r]))
            key = (status[r], item[r], named)
            if key not in judged:
                judged[key] = not failed_status(status[r], p) and (named or not other_item(item[r], p))
            back[r] = judged[key]
    for r in np.flatnonzero(back):
        for col in ("id", "head_id"):
            key = payments[col].iat[r] if col in payments.columns else None
            if isinstance(key, str) and key and r not in out.get(key, ()):
                out.setdefault(key, []).append(int(r))
    return out


def recoveries_said(prev: pd.DataFrame, rows: list[dict], payments: pd.DataFrame, reported_key: str,
                    p: dict | None = None) -> int:
    """Say on each money finding whose township reports money recovered how much of it the ledgers show.

    Args:
        prev: the earlier findings.
        rows: review rows parallel to ``prev`` (their 说明 changed in place).
        payments: the normalised payments, every row given.
        reported_key: the review rows' key of the yuan their return counts (review's ``_REPORTED``).
        p: the money parameters (:func:`recovery_rows`).
    Returns:
        How many findings were said not yet seen recovered in the ledgers.
    """
    from .rules._money import yuan

    back = None
    said = 0
    for at, f in rows_of(prev, RECOVERED_BY):
        claimed = (rows[at].get(reported_key) or {}).get("应追回金额")
        if claimed is None or claimed != claimed or claimed <= 0.005:
            continue
        if back is None:
            back = recovery_rows(payments, p)
            amount = pd.to_numeric(payments["amount"], errors="coerce").abs().to_numpy(dtype=float)
        seen = sorted({r for k in finding_ids(f) for r in back.get(k, ())})
        total = float(np.nansum(amount[seen])) if seen else 0.0
        if total + 0.005 >= claimed:
            continue
        # (ledgers holding no recovery of anyone say so: recoveries are then likely kept elsewhere)
        where = (f"只见追回 {yuan(total)}" if seen else "未见该人（户）的追回记录（负数金额或追回、退回等项目）" if back else
                 "没有任何追回记录（负数金额或追回、退回等项目）")
        add_note(rows[at], (
            f"乡镇填报已追回 {yuan(claimed)}，所给资金发放明细中{where}，追回尚未在发放明细中体现（置信度中：追回款也可能经"
            "非税收入或银行另行缴回，不在发放明细中），请以追回凭证核实"))
        said += 1
    return said


# the money findings whose rectification is money paid (补发): 应发未发, and 少发 of F05
REPAID_BY = ("F05", "F06")
_MONTH = re.compile(r"(20\d{2})-(\d{2})(?:至(20\d{2})-(\d{2}))?")


def finding_months(text: object) -> list[str]:
    """The months an earlier finding's 涉及月份 names ('2025-11至2025-12、2026-03（3个月）' → 2025-11, 2025-12, 2026-03).

    Args:
        text: the 涉及月份 cell.
    Returns:
        The months ('YYYY-MM'), in order.
    """
    out: list[str] = []
    for y, m, y2, m2 in _MONTH.findall(str(text or "").split("（")[0]):
        first, last = (int(y), int(m)), (int(y2), int(m2)) if y2 else (int(y), int(m))
        while first <= last and len(out) < 120:
            out.append(f"{first[0]:04d}-{first[1]:02d}")
            first = (first[0] + 1, 1) if first[1] == 12 else (first[0], first[1] + 1)
    return out


def repayments_said(prev: pd.DataFrame, rows: list[dict], payments: pd.DataFrame, reported_key: str,
                    p: dict | None = None) -> int:
    """Say on each money finding whose township reports the money paid (补发: 应补发金额 counted as paid) how much the
    ledgers show paid to the person or her household for its months (涉及月份): a successful payment of the benefit
    (no other item) for those months, made in any file given. A note only, as for recoveries: back pay may come in a
    ledger not given (h491: four households reported 已补发 for months no ledger of the quarter paid, unsaid).

    Args:
        prev: the earlier findings.
        rows: review rows parallel to ``prev`` (their 说明 changed in place).
        payments: the normalised payments, every row given.
        reported_key: the review rows' key of the yuan their return counts (review's ``_REPORTED``).
        p: the money parameters (failed words and codes, other items); None: every positive row counts.
    Returns:
        How many findings were said not yet seen paid in the ledgers.
    """
    from .rules._money import failed_status, other_item, yuan

    said = 0
    by_id: dict[str, list[int]] | None = None
    for at, f in rows_of(prev, REPAID_BY):
        claimed = (rows[at].get(reported_key) or {}).get("应补发金额")
        if claimed is None or claimed != claimed or claimed <= 0.005 or "month" not in payments.columns:
            continue
        months = set(finding_months(f.get("涉及月份", "")))
        if not months:
            continue
        if by_id is None:
            amount = pd.to_numeric(payments["amount"], errors="coerce").to_numpy(dtype=float)
            status = payments["status"].astype(str).tolist() if "status" in payments.columns else [""] * len(payments)
            item = payments["item"].astype(str).tolist() if "item" in payments.columns else [""] * len(payments)
            judged: dict[tuple[str, str], bool] = {}
            by_id = {}
            for r in np.flatnonzero(amount > 0).tolist():
                key = (status[r], item[r])
                if key not in judged:
                    judged[key] = p is None or not (failed_status(status[r], p) or other_item(item[r], p))
                if not judged[key]:
                    continue
                for col in ("id", "head_id"):
                    k = payments[col].iat[r] if col in payments.columns else None
                    if isinstance(k, str) and k and r not in by_id.get(k, ()):
                        by_id.setdefault(k, []).append(r)
            month_of = payments["month"].astype(str).tolist()
        seen = sorted({r for k in finding_ids(f) for r in by_id.get(k, ()) if month_of[r] in months})
        total = float(np.nansum(amount[seen])) if seen else 0.0
        if total + 0.005 >= claimed:
            continue
        where = f"只见这些月份的发放 {yuan(total)}" if seen else f"未见该人（户）{'、'.join(sorted(months))} 的发放"
        add_note(rows[at], (
            f"乡镇填报已补发 {yuan(claimed)}，所给资金发放明细中{where}，补发尚未在发放明细中体现（置信度中：补发也可能在"
            "未提供的发放明细中），请以补发记录核实"))
        said += 1
    return said


__all__ = ["RECOVERED_BY", "REPAID_BY", "finding_months", "recoveries_said", "recovering", "recovery_rows",
           "repayments_said"]
