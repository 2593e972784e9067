"""Payees whose ID changed: a ledger row under a member's former ID (原身份证号), or naming her ID as its own former one.

The bank keeps paying under the ID the account was opened with: an ID 公安 corrected, a 15-digit 一代证 upgraded, a
birth date put right leave the roster on the new ID (its 原身份证号 column holding the old) and the ledger on the old
one (held-out 342: such a payee was "不在册人员领取" F03 and her household 应发未发 F06, two false findings). An equal
valid ID beside the same name is as sure as the current ID's link (高, said in the link text); beside another name
the row is left as it was (a 原身份证号 column may hold other people's IDs, held-out 209). Only the rows no current ID
linked are looked at, and nothing runs when neither the roster nor a ledger has such a column (a city's ledgers).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..io.ledgers import cell_codes, cells_at
from ..match import FORMER_KEY, other_name
from ..model import HIGH
from ..namematch import NameMatchParams
from ..normalize import ids

# How a row so linked is said in a finding's 匹配键 (_money.link_text)
ROSTER_FORMER = f"{FORMER_KEY}：明细上的身份证号是花名册上该人的原身份证号（身份证号曾变更），姓名一致"
LEDGER_FORMER = f"{FORMER_KEY}：明细“原身份证号”列与花名册上的身份证号一致（身份证号曾变更），姓名一致"
HEAD_FORMER = f"{FORMER_KEY}：明细“户主原身份证号”列与花名册上户主的身份证号一致（身份证号曾变更），姓名一致"


def former_id_payees(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray,
                     names: NameMatchParams | None = None) -> dict[int, str]:
    """Link the unlinked payment rows a former ID names to their member, 高 (see the module's docstring).

    Args:
        f: the payments (``former_id`` … when a ledger has a 原身份证号 column; ``head_former_id`` … a 户主原身份证号).
        members: the members (``former_id``, ``former_id_status`` when a roster has one).
        member_at, conf_at: each row's member (-1: none) and confidence, changed in place for the rows linked here.
        names: the name-matching policy (the defaults when None).
    Returns:
        The rows linked here → the link text.
    """
    if not len(members) or not len(f) or not ({"former_id", "head_former_id"} & {*members.columns, *f.columns}):
        return {}
    unlinked = np.flatnonzero(member_at < 0)
    if not len(unlinked):
        return {}
    names = names or NameMatchParams()
    # the row's person: its own ID and name, else (a household ledger) the head's
    own = _named(f, unlinked)
    found: dict[int, str] = {}
    if "former_id" in members.columns:
        valid = (members["former_id_status"] == ids.VALID) & (members["former_id"] != members["id"])
        olds = _by_id(members["former_id"].to_numpy(dtype=object), valid.to_numpy())
        for id_col, name_col, rows in (("id", "link_key", unlinked[own]), ("head_id", "head_name_key", unlinked[~own])):
            if olds and len(rows) and id_col in f.columns:
                _linked_on(f, members, rows, id_col, id_col + "_status" if id_col == "head_id" else "id_status",
                           name_col, olds, names, ROSTER_FORMER, member_at, conf_at, found)
    if "former_id" not in f.columns and "head_former_id" not in f.columns:
        return found
    current = _by_id(members["id"].to_numpy(dtype=object), (members["id_status"] == ids.VALID).to_numpy())
    if "former_id" in f.columns:
        rows = np.asarray([r for r in unlinked.tolist() if member_at[r] < 0], dtype=np.int64)
        if current and len(rows):
            own = _named(f, rows)
            for name_col, part in (("link_key", rows[own]), ("head_name_key", rows[~own])):
                if len(part):
                    _linked_on(f, members, part, "former_id", "former_id_status", name_col, current, names,
                               LEDGER_FORMER, member_at, conf_at, found, beside="id")
    if "head_former_id" in f.columns:
        # the head's former ID is the row's payee's only on a row naming no own ID (a household ledger paying the
        # head), or whose own ID is the head's: never a member's row of his household (as a roster reads it, h345)
        rows = unlinked[member_at[unlinked] < 0]
        if current and len(rows):
            heads = ~_named(f, rows)
            if "head_id" in f.columns and not heads.all():
                mine = np.asarray(cells_at(f, "id", rows), dtype=object)
                heads |= (mine == np.asarray(cells_at(f, "head_id", rows), dtype=object)) & (mine != "")
            if heads.any():
                _linked_on(f, members, rows[heads], "head_former_id", "head_former_id_status", "head_name_key",
                           current, names, HEAD_FORMER, member_at, conf_at, found, beside="head_id")
    return found


def _named(f: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Which of some rows name an own ID (the others, a household ledger's, name the head's); only those rows' cells."""
    if "id" not in f.columns:
        return np.zeros(len(rows), dtype=bool)
    cells = cells_at(f, "id", rows)
    return np.fromiter((isinstance(c, str) and c != "" for c in cells.tolist()), dtype=bool, count=len(rows))


def _by_id(values: np.ndarray, valid: np.ndarray) -> dict[str, list[int]]:
    """Valid ID → the members carrying it (in the column given)."""
    out: dict[str, list[int]] = {}
    for m in np.flatnonzero(valid).tolist():
        out.setdefault(values[m], []).append(m)
    return out


def _linked_on(f: pd.DataFrame, members: pd.DataFrame, rows: np.ndarray, id_col: str, status_col: str, name_col: str,
               wanted: dict[str, list[int]], names: NameMatchParams, said: str, member_at: np.ndarray,
               conf_at: np.ndarray, found: dict[int, str], beside: str | None = None) -> None:
    """Link ``rows`` whose valid ``id_col`` is a key of ``wanted`` to the one member of it whose name agrees with the
    row's ``name_col`` (none, or two such members: no link), each distinct (ID, name) judged once. ``beside``: the
    row's column of the current ID its former one in ``id_col`` is judged with (None: ``id_col`` holds the row's ID,
    the member's former one, judged with the member's own)."""
    if status_col not in f.columns or name_col not in f.columns:
        return
    codes, values = cell_codes(f, id_col)
    hit = np.isin(values, list(wanted)) if len(values) else np.zeros(0, dtype=bool)
    at = codes[rows]
    rows = rows[(at >= 0) & np.append(hit, False)[at]]
    if not len(rows):
        return
    valid = cells_at(f, status_col, rows) == ids.VALID
    rows = rows[valid]
    if not len(rows):
        return
    pids, said_names = cells_at(f, id_col, rows), cells_at(f, name_col, rows)
    member_names = members["name_key"].to_numpy(dtype=object)
    member_ids = members["id"].to_numpy(dtype=object)
    # the pair judged one person's (ids.former_apart: the same sex, birth dates close; held-out 343): a member's ID and
    # her 原身份证号 the row is paid under, or the row's own ID (its head's) and its 原身份证号 that is a member's ID
    own = (cells_at(f, beside, rows) if beside is not None and beside in f.columns
           else np.full(len(rows), "", dtype=object))
    judged: dict[tuple, int] = {}
    for r, pid, name, mine in zip(rows.tolist(), pids.tolist(), said_names.tolist(), own.tolist()):
        mine = mine if isinstance(mine, str) else ""
        key = (pid, name, mine)
        if key not in judged:
            name = name if isinstance(name, str) else ""
            same = [m for m in wanted[pid] if name and member_names[m] and not other_name(member_names[m], name, names)
                    and not ids.former_apart(mine if beside is not None else str(member_ids[m]), pid,
                                             names.former_birth_gap)]
            judged[key] = same[0] if len(same) == 1 else -1
        if judged[key] >= 0:
            member_at[r], conf_at[r] = judged[key], HIGH
            found[r] = said
