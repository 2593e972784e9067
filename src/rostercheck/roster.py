"""Households and members from roster tables (one row per member, or one row per person as in 特困)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .io.table import Table
from .normalize import ids
from .normalize.names import person_name
from .normalize.values import count, digits, money, text

DIBAO, TEKUN = "低保", "特困"
HOUSEHOLD_FIELDS = ("township", "village", "head_name", "head_id", "household_no", "household_size", "area_type",
                    "bank_account", "phone", "address", "programme")
_HEAD_RELATIONS = re.compile(r"^(户主|本人|申请人|户主本人|主申请人)$")
_PLACE = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))([\u4e00-\u9fff]{1,8}?(?:村|社区|居委会))?")


def programme_of(table: Table) -> str:
    """Return the programme of a roster file from its title line or file name (default 低保).

    Args:
        table: the roster table.
    Returns:
        '低保' or '特困'.
    """
    for source in (table.title, table.path.stem):
        if "特困" in source or "供养" in source or "五保" in source:
            return TEKUN
        if "低保" in source or "最低生活" in source:
            return DIBAO
    return DIBAO


def _programme_value(raw: str, default: str) -> str:
    if "特困" in raw or "供养" in raw or "五保" in raw:
        return TEKUN
    if "低保" in raw:
        return DIBAO
    return default


def _area_value(raw: str) -> str:
    if "城" in raw or "市" in raw:
        return "城市"
    if "农" in raw or "村" in raw:
        return "农村"
    return ""


def _cells(frame: pd.DataFrame, field: str) -> list:
    if field not in frame.columns:
        return [""] * len(frame)
    return [("" if v is None or (isinstance(v, float) and v != v) else v) for v in frame[field].tolist()]


def build_members(tables: list[Table], as_of: dt.date) -> pd.DataFrame:
    """Build the member frame from roster tables.

    Household-level cells left blank on a member's continuation rows are carried down from the
    household's first row; the household head is the row whose relation is 户主 when no head column
    exists; a 特困 file without head columns makes every person their own household.

    Args:
        tables: roster tables.
        as_of: the review date (for ages).
    Returns:
        One row per member with normalised columns (see the module's ``COLUMNS``).
    """
    frames = [_members_of(t, i, as_of) for i, t in enumerate(tables)]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out


COLUMNS = [
    "file", "sheet", "row", "programme", "township", "village", "household", "head_name", "head_id",
    "household_size", "area_type", "benefit", "bank_account", "phone", "address", "name", "name_key",
    "relation", "id_raw", "id", "id_status", "id_reliable", "birth", "sex", "age", "labour", "health",
    "disability", "school", "support_mode", "declared_income",
]


def _members_of(table: Table, file_no: int, as_of: dt.date) -> pd.DataFrame:
    f = table.frame
    n = len(f)
    default_prog = programme_of(table)
    raw = {fld: _cells(f, fld) for fld in (*HOUSEHOLD_FIELDS, "name", "relation", "id", "sex", "labour", "health",
                                          "disability", "school", "support_mode", "declared_income", "benefit")}
    has_head_cols = "head_id" in f.columns or "head_name" in f.columns
    has_relation = "relation" in f.columns
    rows: list[dict] = []
    carry: dict[str, object] = {}
    group = 0
    for i in range(n):
        rel = text(raw["relation"][i])
        head_id_cell, head_name_cell = raw["head_id"][i], text(raw["head_name"][i])
        starts = False
        if has_head_cols:
            blank_head = head_id_cell in ("", None) and not head_name_cell
            starts = not blank_head and (
                text(head_id_cell) != text(carry.get("head_id", "")) or head_name_cell != text(carry.get("head_name", ""))
            )
            if blank_head and not carry:
                starts = True
        elif has_relation:
            starts = bool(_HEAD_RELATIONS.match(rel)) or not carry
        else:
            starts = True
        if starts:
            group += 1
            carry = {}
        rec: dict[str, object] = {}
        for fld in HOUSEHOLD_FIELDS:
            v = raw[fld][i]
            if v in ("", None) and fld in carry:
                v = carry[fld]
            rec[fld] = v
            if v not in ("", None):
                carry[fld] = v
        for fld in ("name", "relation", "id", "sex", "labour", "health", "disability", "school", "support_mode",
                    "declared_income", "benefit"):
            rec[fld] = raw[fld][i]
        rec["group"] = group
        rec["row"] = int(f["_row"].iat[i])
        rec["sheet"] = f["_sheet"].iat[i]
        rows.append(rec)
    # Township/village cells merged over many households without merge information: carry down.
    last_t = last_v = ""
    for rec in rows:
        t, v = text(rec["township"]), text(rec["village"])
        if t and t != last_t:
            last_v = ""
        rec["township"] = t or last_t
        rec["village"] = v or (last_v if not t or t == last_t else "")
        last_t, last_v = rec["township"], rec["village"] or last_v
    out = pd.DataFrame(rows)
    if out.empty:
        return pd.DataFrame(columns=COLUMNS)
    id_infos = [ids.id_number(v) for v in out["id"].tolist()]
    out["id_raw"] = [text(v) for v in out["id"].tolist()]
    out["id"] = [x.value for x in id_infos]
    out["id_status"] = [x.status for x in id_infos]
    out["id_reliable"] = [x.reliable for x in id_infos]
    out["name"] = [text(v) for v in out["name"].tolist()]
    out["name_key"] = [person_name(v) for v in out["name"].tolist()]
    out["relation"] = [text(v) for v in out["relation"].tolist()]
    # Household head: from the head columns, else from the member whose relation is 户主.
    head_ids = [ids.id_number(v).value if v not in ("", None) else "" for v in out["head_id"].tolist()]
    head_names = [text(v) for v in out["head_name"].tolist()]
    by_group: dict[int, tuple[str, str]] = {}
    for g, rel, mid, name in zip(out["group"], out["relation"], out["id"], out["name"]):
        if g not in by_group and (_HEAD_RELATIONS.match(rel) or not has_relation):
            by_group[g] = (mid, name)
    for j, g in enumerate(out["group"].tolist()):
        hid, hname = by_group.get(g, ("", ""))
        if not head_ids[j]:
            head_ids[j] = hid
        if not head_names[j]:
            head_names[j] = hname
    out["head_id"] = head_ids
    out["head_name"] = head_names
    out["household"] = [
        f"{hid}" if hid else f"{file_no}#{g}" for hid, g in zip(out["head_id"], out["group"])
    ]
    # Households may list their members in non-adjacent rows: one key per head ID across the file.
    out["file"] = str(table.path)
    out["programme"] = [_programme_value(text(v), default_prog) for v in out["programme"].tolist()]
    out["household_size"] = [count(v) for v in out["household_size"].tolist()]
    sizes = out.groupby("household")["household"].transform("size")
    out["household_size"] = [s if s and s > 0 else int(c) for s, c in zip(out["household_size"], sizes)]
    out["area_type"] = [_area_value(text(v)) or _guess_area(text(vil)) for v, vil in zip(out["area_type"], out["village"])]
    out["benefit"] = [money(v) for v in out["benefit"].tolist()]
    out["bank_account"] = [digits(v) for v in out["bank_account"].tolist()]
    out["phone"] = [digits(v) for v in out["phone"].tolist()]
    out["address"] = [text(v) for v in out["address"].tolist()]
    for fld in ("sex", "labour", "health", "disability", "school", "support_mode"):
        out[fld] = [text(v) for v in out[fld].tolist()]
    out["declared_income"] = [money(v) for v in out["declared_income"].tolist()]
    births = [ids.birth_date(v) if s in (ids.VALID, ids.CHECK, ids.NUMERIC) else None for v, s in zip(out["id"], out["id_status"])]
    out["birth"] = births
    out["sex"] = [s or (ids.sex(v) or "") if st in (ids.VALID, ids.NUMERIC) else s
                  for s, v, st in zip(out["sex"], out["id"], out["id_status"])]
    out["age"] = [ids.age_on(b, as_of) if b else None for b in births]
    _fill_places_from_address(out)
    return out[COLUMNS]


def _guess_area(village: str) -> str:
    if village.endswith(("社区", "居委会")):
        return "城市"
    if village.endswith("村"):
        return "农村"
    return ""


def _fill_places_from_address(out: pd.DataFrame) -> None:
    for j in range(len(out)):
        if out.at[j, "township"] and out.at[j, "village"]:
            continue
        m = _PLACE.search(out.at[j, "address"] or "")
        if m:
            if not out.at[j, "township"]:
                out.at[j, "township"] = m.group(1)
            if not out.at[j, "village"] and m.group(2):
                out.at[j, "village"] = m.group(2)
