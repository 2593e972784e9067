"""The look-back's ledger rows: those of the review date's quarter, and those made in it for earlier months.

A payment for an earlier month (所属月份 2026-09) made in the review quarter (发放日期 2026-10-15) — back pay, a late
batch — was in none of the earlier audit's ledgers, which ended before it was made: it is checked with the quarter's
(:func:`review_months`), unless the earlier list already reported that month of its payee or household (涉及月份, the
months its 依据 lists after 仍发放; :func:`reported_months`), which is said instead (:func:`said_twice`), so that no
payment is counted twice. Back pay for a month before the event is left alone by F01–F03 themselves (by 所属月份). Rows
that move money back (负数, 追回, 退回 items) are no payments (:func:`review_recovered.recovering`).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from .normalize import ids
from .normalize.values import month as month_of
from .review_events import add_note


def quarter_payments(frame: pd.DataFrame, prev: pd.DataFrame, as_of: dt.date, p: dict | None = None
                     ) -> tuple[pd.DataFrame, dict[str, set[str]], list[str], list[str]]:
    """The payments F01–F03 look at in the look-back, and what to say of them.

    Args:
        frame: the normalised payments, every row given.
        prev: the earlier findings.
        as_of: the review date.
        p: the money parameters (:func:`rules._money.params`: the recovery and failed words of :func:`undoing`).
    Returns:
        (the rows kept, ID → late months left out as already reported, the late months kept, warnings).
    """
    from .review_recovered import recovering
    from .rules._money import months_text

    warnings = []
    kept, twice = review_months(frame, as_of, reported_months(prev), reported_names(prev))
    back = recovering(kept)
    # (a 冲正 or 退回 of a payment the kept rows hold stays beside it: the audit's reversal rule cancels the two, so the
    # payment that came back is no payment after the stop; h489: dropped alone, the payment stood and flipped a household
    # truly stopped)
    undo, moved = undoing(kept, back, p)
    back &= ~undo
    if moved:
        kept = kept.copy()
        kept.iloc[list(moved), kept.columns.get_loc("month")] = list(moved.values())
    if back.any():  # (money moved back is no payment after the stop: compared with the recoveries reported)
        kept = kept.loc[~back].reset_index(drop=True)
        warnings.append(f"资金发放明细中有 {int(back.sum())} 行追回、退回记录（负数金额或追回、退回等项目），不作为发放核对，"
                        "只与乡镇填报的已追回金额比对")
    late = months_of(kept.loc[kept["month"].astype(str) < quarter_start(as_of)])
    if late:
        warnings.append(f"资金发放明细中有所属月份早于本季度、发放日期在本季度内的发放（补发或延迟发放，所属月份 {months_text(late)}），"
                        "上期核查时尚未发放，本次一并核对是否应停发后仍在发放（上期已列入涉及月份的不重复计）")
    if not len(kept) and not back.any():
        warnings.append(f"所给资金发放明细中没有核查基准日所在季度的所属月份（明细的月份为 {months_text(months_of(frame)) or '无'}），"
                        "未能核对上期问题应停发后是否仍在发放；请给出本季度的发放明细")
    return kept, twice, late, warnings


def undoing(frame: pd.DataFrame, back: np.ndarray, p: dict | None = None) -> tuple[np.ndarray, dict[int, str]]:
    """Of the rows moving money back, those that undo a payment the frame itself holds: a negative amount whose item
    and remark name no recovery of the bureau's own (``money_recovery_words`` less those holding a
    ``money_failed_words`` one: 追回, 追缴 — not 冲正, 退回, as :func:`rules._money._recovering` reads them), and whose
    payee (the person's ID, else the head's), month and sum are a positive row's (one each) — or, a row whose month is
    only the month it was made (发放日期) matching none, whose payee and sum are a payment's of an earlier month (the
    latest such month). F01–F03 take them with the rest: the audit's reversal rule
    (:func:`rules._money._reversals`) cancels the payment they undo.

    Args:
        frame: the normalised payments.
        back: :func:`review_recovered.recovering` of ``frame``.
        p: the money parameters (:func:`rules._money.params`); None: no recovery words (every negative row that
            equals a payment undoes it).
    Returns:
        (a boolean array, one per row; row → the month of the payment a later return undoes, to be taken as its month).
    """
    words = [w for w in (p or {}).get("recovery_words", ()) if w and not any(f in w for f in (p or {}).get("failed_words", ()))]
    out = np.zeros(len(frame), dtype=bool)
    moved: dict[int, str] = {}
    if not back.any():
        return out, moved
    amount = pd.to_numeric(frame["amount"], errors="coerce").to_numpy(dtype=float)
    texts = [frame[c].astype(str).to_numpy() for c in ("item", "remark") if c in frame.columns]
    cols = [frame[c].to_numpy(dtype=object) if c in frame.columns else None for c in ("id", "head_id")]
    month = frame["month"].astype(str).to_numpy()

    def key(r: int) -> tuple | None:
        payee = next((t for t in (_text(c[r]).strip() for c in cols if c is not None) if t), "")
        return (payee, month[r], round(abs(float(amount[r])), 2)) if payee and amount[r] == amount[r] else None

    paid: dict[tuple, int] = {}
    for r in np.flatnonzero(~back & (amount > 0)):
        k = key(int(r))
        if k is not None:
            paid[k] = paid.get(k, 0) + 1
    later: list[int] = []
    for r in np.flatnonzero(back & (amount < 0)):
        k = key(int(r))
        if k is None or any(w in str(t[r]) for t in texts for w in words):
            continue
        if paid.get(k):
            paid[k] -= 1
            out[r] = True
        else:
            later.append(int(r))
    # a return made in a later month than the payment, its month only the day it was made (a bank's −1,576 摘要 退回 of
    # 11-03 for October's transfer; h489: 一卡通 and bank xlsx exports): it undoes the payee's payment of that sum
    # of the latest earlier month, and is taken as of that month (so that the audit's rule pairs the two)
    day = frame["paid_date"].to_numpy(dtype=object) if "paid_date" in frame.columns else None
    for r in later:
        made = month_of(day[r]) if day is not None else ""
        if not made or made != month[r]:
            continue  # (a month the ledger says, not the day's: a return of that month's payment, or none)
        payee, _, total = key(r)
        earlier = [k for k, n in paid.items() if n and k[0] == payee and k[2] == total and k[1] < month[r]]
        if earlier:
            k = max(earlier, key=lambda k: k[1])
            paid[k] -= 1
            out[r] = True
            moved[r] = k[1]
    return out, moved


def review_months(frame: pd.DataFrame, as_of: dt.date, reported: dict[str, set[str]] | None = None,
                  names: dict[str, set[str]] | None = None) -> tuple[pd.DataFrame, dict[str, set[str]]]:
    """The ledger rows the earlier list could not have looked at: those for months of the review date's quarter, and
    those made in it (发放日期 in or after the quarter) for an earlier month — back pay, a late batch — which the earlier
    audit's ledgers, ending before they were made, did not hold. A late row for a month the earlier list already
    reported of its payee or household (``reported``) is left out, so that no payment is counted twice.

    Args:
        frame: the normalised payments (``month``: 'YYYY-MM'; ``paid_date`` when the ledger has a 发放日期).
        as_of: the review date.
        reported: an ID (a person's or a head's) → the months the earlier findings reported paid (:func:`reported_months`).
        names: a reported person's name → her reported IDs (:func:`reported_names`): a late row whose ID is damaged
            (a wrong check digit, cut, stored as a number) is hers when its name is hers and its ID agrees as the
            audit's repaired links do (:func:`match.repaired_key`) — the row the look-back's F01 links to her at 中.
    Returns:
        (the rows kept — the frame itself when all are; ID → the late months left out as already reported).
    """
    start = dt.date.fromisoformat(quarter_start(as_of) + "-01")
    month = frame["month"].astype(str)
    kept = (month >= f"{start:%Y-%m}").to_numpy().copy()
    left: dict[str, set[str]] = {}
    if not kept.all() and "paid_date" in frame.columns:
        earlier = np.flatnonzero(~kept & (month.to_numpy() > "0000"))
        codes, days = pd.factorize(frame["paid_date"].iloc[earlier], use_na_sentinel=True)
        made = pd.to_datetime(pd.Series(days, dtype=object), errors="coerce") >= pd.Timestamp(start)
        late = earlier[(codes >= 0) & made.to_numpy(dtype=bool)[codes]] if len(days) else earlier[:0]
        people = [frame[c].to_numpy(dtype=object) if c in frame.columns else None for c in ("id", "head_id")]
        for r in late:
            m = month.iat[r]
            seen = [k for k in (_text(col[r]) for col in people if col is not None)
                    if k and m in (reported or {}).get(k, ())]
            if not seen and names:  # (held-out h471: a late row's damaged ID; September counted twice, a false 未整改)
                seen = _repaired_reported(frame, r, m, reported or {}, names)
            for k in seen:
                left.setdefault(k, set()).add(m)
            kept[r] = not seen
    return (frame if kept.all() else frame.loc[kept].reset_index(drop=True)), left


def _repaired_reported(frame: pd.DataFrame, r: int, month: str, reported: dict[str, set[str]],
                       names: dict[str, set[str]]) -> list[str]:
    """The reported IDs a ledger row with a damaged payee's or head's ID stands for, by the same name and an ID that
    agrees as a repaired link's does (never by the name alone), when that ID's reported months hold the row's."""
    from .match import repaired_key

    out = []
    for col, name_col in (("id", "name"), ("head_id", "head_name")):
        if not {col, col + "_status", col + "_reliable", name_col} <= set(frame.columns):
            continue
        value, status = _text(frame[col].iat[r]), _text(frame[col + "_status"].iat[r])
        if not value or status in ("", ids.VALID, ids.MISSING, ids.FORMAT):
            continue
        reliable = pd.to_numeric(pd.Series([frame[col + "_reliable"].iat[r]]), errors="coerce").fillna(0).astype(int).iat[0]
        for k in names.get(_text(frame[name_col].iat[r]).strip(), ()):
            if month in reported.get(k, ()) and repaired_key(value, status, reliable, k, ids.VALID, 18):
                out.append(k)
    return out


def _text(cell: object) -> str:
    """A cell as text ('' for a blank or missing one)."""
    return "" if cell is None or (isinstance(cell, float) and cell != cell) else str(cell)


_RUN = re.compile(r"(\d{4}-\d{2})(?:至(\d{4}-\d{2}))?")


def months_in(text: str) -> set[str]:
    """The months a 涉及月份 text names ('2026-08至2026-10（3个月）、2026-12' → four months)."""
    from .rules._money import month_add

    months: set[str] = set()
    for a, b in (m.groups() for m in _RUN.finditer(text)):
        months.add(a)
        while b and a < b and len(months) < 600:
            a = month_add(a, 1)
            months.add(a)
    return months


def reported_months(prev: pd.DataFrame) -> dict[str, set[str]]:
    """The months each person's or household's earlier money findings (F01–F03) reported paid after the stop.

    Args:
        prev: the earlier findings (``涉及月份`` '2026-08至2026-09（2个月）', and the months listed after 仍发放 in 依据).
    Returns:
        A valid ID (the finding's person and her head) → those months.
    """
    out: dict[str, set[str]] = {}
    for _, f in rows_of(prev, ("F01", "F02", "F03")):
        said = str(f.get("依据", "") or "")
        months = months_in(str(f.get("涉及月份", "") or "")) | months_in(said[said.index("仍发放"):] if "仍发放" in said else "")
        for key in finding_ids(f) if months else ():
            out.setdefault(key, set()).update(months)
    return out


def reported_names(prev: pd.DataFrame) -> dict[str, set[str]]:
    """The names of the persons and heads the earlier money findings (F01–F03) name, each with its valid IDs.

    Args:
        prev: the earlier findings.
    Returns:
        A name as written → the valid IDs written beside it (身份证号 beside 姓名, 户主身份证号 beside 户主姓名).
    """
    out: dict[str, set[str]] = {}
    for _, f in rows_of(prev, ("F01", "F02", "F03")):
        for col, name_col in (("身份证号", "姓名"), ("户主身份证号", "户主姓名")):
            info, name = ids.id_number(f.get(col, "")), _text(f.get(name_col, "")).strip()
            if name and info.status == ids.VALID:
                out.setdefault(name, set()).add(info.value)
    return out


def rows_of(prev: pd.DataFrame, codes: tuple[str, ...]):
    """(position, row) of the earlier findings of these categories (the others never walked)."""
    if "类别代码" not in prev.columns:
        return
    for at in np.flatnonzero(prev["类别代码"].astype(str).isin(codes).to_numpy(dtype=bool)):
        yield int(at), prev.iloc[at]


def finding_ids(f: pd.Series) -> set[str]:
    """The valid IDs of an earlier finding's person and her head."""
    return {info.value for col in ("身份证号", "户主身份证号")
            if (info := ids.id_number(f.get(col, ""))).status == ids.VALID}


def quarter_start(as_of: dt.date) -> str:
    """The first month ('YYYY-MM') of the review date's quarter."""
    return f"{as_of.year:04d}-{(as_of.month - 1) // 3 * 3 + 1:02d}"


def said_twice(prev: pd.DataFrame, rows: list[dict], twice: dict[str, set[str]]) -> None:
    """Say on each earlier money finding which late payments (made in the review quarter for a month it already
    reported) were not counted again: the same payment, or a second one for that month, the ledgers cannot tell."""
    if not twice:
        return
    from .rules._money import months_text

    for at, f in rows_of(prev, ("F01", "F02", "F03")):
        left = sorted({m for k in finding_ids(f) for m in twice.get(k, ())})
        if left:
            add_note(rows[at], (
                f"本季度发放明细中有所属月份 {months_text(left)} 的发放（发放日期在本季度内），该月上期已列入涉及月份，未重复计；"
                "如为同一月份再次发放，请核实并追回"))


def months_of(payments: pd.DataFrame) -> list[str]:
    """The distinct months ('YYYY-MM') some payments are for, in order."""
    return sorted({m for m in pd.unique(payments["month"].astype(str)).tolist() if m not in ("", "nan")})


__all__ = ["months_in", "months_of", "quarter_payments", "quarter_start", "reported_months", "reported_names", "undoing",
           "review_months", "rows_of", "said_twice"]
