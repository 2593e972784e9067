"""Joining roster members to reference rows, with graded evidence.

Comparisons, strongest first:
- ``ExactId``: both IDs valid and equal (置信度 高).
- ``RepairedId``: one side damaged (typed as a number, or one mistyped digit); the surviving digits
  agree, the names agree and the birth dates agree (置信度 中). Never on a name alone.
"""

from __future__ import annotations

import pandas as pd

from .model import HIGH, MEDIUM
from .normalize import ids

_DAMAGED = (ids.CHECK, ids.NUMERIC)
LINK_COLUMNS = ["m", "r", "confidence", "key"]


def link(members: pd.DataFrame, ref: pd.DataFrame, id_col: str = "id", name_col: str = "name_key") -> pd.DataFrame:
    """Return the (member, reference row) pairs that denote the same person.

    Args:
        members: the member frame (columns id, id_status, id_reliable, name_key, birth).
        ref: a normalised reference frame.
        id_col: the reference column holding the ID (``id``, ``cadre_id``, ``dependent_id``).
        name_col: the reference column holding the name key.
    Returns:
        A frame with columns m (member index), r (reference index), confidence and key (Chinese text
        saying which key agreed).
    """
    prefix = id_col[: -len("id")]
    status_col, reliable_col = prefix + "id_status", prefix + "id_reliable"
    if id_col not in ref.columns or ref.empty or members.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    left = pd.DataFrame({"m": members.index, "id": members["id"], "st": members["id_status"]})
    right = pd.DataFrame({"r": ref.index, "id": ref[id_col], "st": ref[status_col]})
    exact = left[left.st == ids.VALID].merge(right[right.st == ids.VALID], on="id")[["m", "r"]]
    exact = exact.assign(confidence=HIGH, key="身份证号一致")
    repaired = _repaired(members, ref, id_col, status_col, reliable_col, name_col)
    out = pd.concat([exact, repaired], ignore_index=True) if len(repaired) else exact
    return out.drop_duplicates(["m", "r"]).reset_index(drop=True)


def _repaired(members, ref, id_col, status_col, reliable_col, name_col) -> pd.DataFrame:
    if name_col not in ref.columns:
        return pd.DataFrame(columns=LINK_COLUMNS)
    m_dmg = members["id_status"].isin(_DAMAGED)
    r_dmg = ref[status_col].isin(_DAMAGED)
    if not m_dmg.any() and not r_dmg.any():
        return pd.DataFrame(columns=LINK_COLUMNS)
    mleft = pd.DataFrame({"m": members.index, "nk": members["name_key"], "mid": members["id"],
                          "mst": members["id_status"], "mrel": members["id_reliable"], "mdmg": m_dmg})
    rright = pd.DataFrame({"r": ref.index, "nk": ref[name_col], "rid": ref[id_col],
                           "rst": ref[status_col], "rrel": ref[reliable_col], "rdmg": r_dmg})
    mleft = mleft[mleft.nk != ""]
    rright = rright[(rright.nk != "") & rright.rst.isin((ids.VALID, *_DAMAGED))]
    parts = [mleft[mleft.mdmg].merge(rright, on="nk"), mleft[mleft.mst == ids.VALID].merge(rright[rright.rdmg], on="nk")]
    cand = pd.concat(parts, ignore_index=True)
    rows = []
    for m, r, a, b, sa, sb, ra, rb in zip(cand.m, cand.r, cand.mid, cand.rid, cand.mst, cand.rst, cand.mrel, cand.rrel):
        key = repaired_key(a, sa, ra, b, sb, rb)
        if key:
            rows.append((m, r, MEDIUM, key))
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def repaired_key(a: str, sa: str, ra: int, b: str, sb: str, rb: int) -> str:
    """Say why two IDs, at least one damaged, denote the same person (names already agree), or ''.

    Args:
        a: one normalised ID; sa its status; ra its reliable prefix length.
        b: the other ID; sb its status; rb its reliable prefix length.
    Returns:
        The Chinese key text, or '' when the IDs do not agree well enough.
    """
    if ids.NUMERIC in (sa, sb):
        n = min(ra, rb)
        if n >= 14 and a[:n] == b[:n]:
            return f"姓名一致；身份证号以数字格式存储，后几位丢失，前 {n} 位（含出生日期）一致"
        return ""
    if ids.CHECK in (sa, sb):
        pos = ids.single_digit_apart(a, b)
        if pos is None:
            return ""
        ba, bb = ids.birth_date(a), ids.birth_date(b)
        if ba is None or ba != bb:
            return ""
        return f"姓名一致、出生日期一致；身份证号第 {pos} 位不同（疑似录入错误）"
    return ""


def first_per_member(links: pd.DataFrame) -> pd.DataFrame:
    """Keep the strongest link per member (高 before 中), for checks that need one reference row.

    Args:
        links: the output of :func:`link`.
    Returns:
        At most one row per member.
    """
    if links.empty:
        return links
    order = links["confidence"].map({HIGH: 0, MEDIUM: 1}).fillna(2)
    return links.assign(_o=order).sort_values(["m", "_o"]).drop_duplicates("m").drop(columns="_o")
