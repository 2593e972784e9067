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


__all__ = ["RECOVERED_BY", "recoveries_said", "recovering", "recovery_rows"]
