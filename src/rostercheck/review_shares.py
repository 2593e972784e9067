"""The look-back's members off the roster whose household stays enrolled: F01–F03 cannot see them (she is on no
roster), so the household's payments after her stop are compared with the amount her earlier F01/F02 evidence shows paid
before it (:func:`households_paid_whole`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .normalize import ids
from .review_events import MEMBER_EVENTS, add_note, event_months


_SHARE_OF = re.compile(r"(?:每月 )?([\d,]+(?:\.\d+)?) 元（应追回份额")


def earlier_amounts(prev: pd.DataFrame) -> dict[str, float]:
    """The household's monthly payment each person's earlier F01/F02 findings show (the amount her share was taken
    from, paid to the head for the household), in one pass over the earlier list.

    Args:
        prev: the earlier findings.
    Returns:
        The person's ID as the earlier list writes it → the largest such amount (people with none left out).
    """
    said: dict[str, float] = {}
    for pid, code, evidence in zip(_column(prev, "身份证号"), _column(prev, "类别代码"), _column(prev, "依据")):
        if code not in ("F01", "F02"):
            continue
        for m in _SHARE_OF.findall(evidence):
            amount = float(m.replace(",", ""))
            said[pid] = max(said.get(pid, amount), amount)
    return said


def _column(prev: pd.DataFrame, name: str) -> list[str]:
    """A column of the earlier list as texts, each cell as ``str(f.get(name, ""))`` reads it (a missing column as '')."""
    if name not in prev.columns:
        return [""] * len(prev)
    return [str(v) for v in prev[name].tolist()]


def households_paid_whole(prev: pd.DataFrame, rows: list[dict], mctx, found: dict, rule: str) -> dict[str, int]:
    """A member's death, custody or move out reported done (她已减员) while her household stays enrolled: the household
    paid to the head in the review quarter after her stop as much as before (the amount an earlier F01/F02 finding
    shows) was not adjusted — 未整改 (置信度中: the household found by its head's ID, the amount compared); paid less is
    left as it is; no earlier amount to compare is said in 说明, the verdict left as it was.

    Args:
        prev: the earlier findings.
        rows: review rows parallel to ``prev`` (changed in place).
        mctx: the context F01–F03 ran on (this quarter's rosters and ledgers).
        found: positions in ``prev`` the F findings already showed paid (left alone here).
        rule: the stop rule ('次月' or '当月').
    Returns:
        Category code → how many were turned 未整改.
    """
    from .review import _READMITTED, _VERIFIED_ROW, DONE, OPEN
    from .review_ledgers import OVERTURNED
    from .rules._money import ledger, months_text, yuan

    led = amounts = None
    flipped: dict[str, int] = {}
    members = mctx.members
    heads = {h: j for j, h in zip(members.index, members["head_id"].astype(str)) if h}
    for at, (_, f) in enumerate(prev.iterrows()):
        row = rows[at]
        code = str(f.get("类别代码", ""))
        pid, hid = str(f.get("身份证号", "")), str(f.get("户主身份证号", ""))
        if (code not in MEMBER_EVENTS or at in found or row["整改状态"] != DONE or row.get(_READMITTED)
                or row.get(_VERIFIED_ROW) or not pid or pid == hid or hid not in heads
                or ids.id_number(hid).status != ids.VALID):
            continue
        span = event_months(f, rule)
        if span is None:
            continue
        if led is None:
            led = ledger(mctx)
            household = np.asarray(led.household, dtype=object)
            usable = led.array("ok") & led.array("benefit")
            month = np.asarray(led.cols["month"], dtype=str)
            amount = pd.to_numeric(led.frame["amount"], errors="coerce").to_numpy(dtype=float)
        home = members.at[heads[hid], "household"]
        at_rows = np.flatnonzero(usable & (household == home) & (month >= span[0]) & (month <= span[1]))
        if not len(at_rows):
            continue
        per: dict[str, float] = {}
        for r in at_rows:
            per[month[r]] = per.get(month[r], 0.0) + float(amount[r])
        if amounts is None:
            amounts = earlier_amounts(prev)
        before = amounts.get(pid)
        paid = "、".join(f"{m} {yuan(v)}" for m, v in sorted(per.items()))
        where = led.where(int(at_rows[0])) + (f" 等 {len(at_rows)} 行" if len(at_rows) > 1 else "")
        approved = pd.to_numeric(pd.Series([members.at[heads[hid], "benefit"] if "benefit" in members.columns else None]),
                                 errors="coerce").iloc[0]
        # a roster approving more than before (a raise, 提标) may pay a household of one fewer as much: not sure
        raised = before is not None and approved == approved and approved > before + 0.5
        if before is not None and max(per.values()) + 0.005 >= before and not raised:
            row["整改状态"] = OPEN
            claimed = str(row.get("乡镇填报状态") or "")
            add_note(row, (
                (f"乡镇填报“{claimed}”，但" if claimed else "但") + f"{OVERTURNED}：该户（按户主身份证号找到，置信度中）"
                f"{months_text(list(per))}仍按户发放给户主（{paid}，{where}），不少于{f.get('姓名', '')}减员前每月 {yuan(before)}"
                "（上期依据），保障金未按减员调整。按未整改计，请核实是否已调整保障金并追回其份额"))
            flipped[code] = flipped.get(code, 0) + 1
        elif before is None or (raised and max(per.values()) + 0.005 >= before):
            why = ("上期依据中没有减员前的发放金额" if before is None else
                   f"本期花名册该户的核定金额（{yuan(approved)}）高于减员前每月 {yuan(before)}（可能已提标）")
            add_note(row, (
                f"本季度资金发放明细中该户在{f.get('姓名', '')}应停发以后仍按户发放给户主（{paid}，{where}），{why}，"
                "无法判断是否已按减员调整保障金，请核实"))
    return flipped
