"""System layouts: a roster exported as a household sheet and a member sheet joined by 家庭编号.

The social-assistance information system exports a household table (家庭编号, 户主姓名, 户主身份证号,
乡镇, 村, 城乡类别, 银行账号, 联系电话, 月保障金 …, one row per household) and a member table (家庭编号,
成员姓名, 公民身份号码, 与户主关系, 是否保障对象 …, one row per member) instead of one sheet with merged
household cells. Joined here, each member row takes its household's fields and the pair loads as one
roster sheet, so the members frame is built exactly as for a hand-kept roster.

A member whose 是否保障对象 is 否 stays a member of the household (income, assets and kinship are the
household's); the flag is kept in the ``covered`` column for the checks that look at it.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from ..normalize import codes, ids
from .columns import HOUSEHOLD_NO_ALSO
from ..normalize.names import person_name
from ..normalize.values import text

# Fields that describe the household, not the member: a household sheet has at least one of them.
_HOUSEHOLD_FIELDS = ("head_name", "head_id", "township", "village", "household_size", "covered_size", "area_type",
                     "programme", "benefit", "bank_account", "phone", "address", "region_code")
# Household fields whose household-sheet cell wins over a member sheet's column: the 城乡类别 the standard follows is
# the household's (a member sheet's 户籍性质 is the person's 户口, often a code 1/2).
_HOUSEHOLD_WINS = ("area_type",)
# A label naming the programme outright (保障类别, 救助类型): a household sheet's such column wins over a member sheet's
# column only a generic label made the programme (人员类别, 类别: a 低保 system's 老年人 / 在校学生 / 农村劳动力, h456:
# every 低保 family of 临泽县 read as 特困, its 供养方式 column deciding the file's programme)
_PROGRAMME_OUTRIGHT = re.compile(r"保障类[型别]|救助类[型别]|保障对象类[型别]|救助对象类[型别]|低保特困|申请类[型别]")
_MEMBER_FIELDS = ("relation", "sex", "birth", "labour", "health", "disability", "school", "covered")


# A continuation sheet's name: the name of the table it continues and a mark (家庭成员(续), 家庭成员（续表）, 家庭成员续1,
# 家庭成员(2), 家庭成员 2): an export split over sheets (held-out 247: a family's last two members on 家庭成员(续)).
_CONTINUED = re.compile(r"[\s_\-—]*(?:[（(]\s*(?:续表?\s*\d*|\d+)\s*[)）]|续表?\s*\d*|\d+)$")


def _keys(frame: pd.DataFrame) -> list[str]:
    if "_key" in frame.columns:  # (the key a household number that lost digits was resolved to: _lost_digits)
        return frame["_key"].tolist()
    return [text(v) for v in frame["household_no"].tolist()]


def _is_household_sheet(frame: pd.DataFrame) -> bool:
    """One row per household number (but for numbers that lost digits, :func:`digits_kept`), household fields, no
    member fields."""
    if "household_no" not in frame.columns or any(f in frame.columns for f in _MEMBER_FIELDS):
        return False
    keys = [k for k in _keys(frame) if k]
    if not keys or not any(f in frame.columns for f in _HOUSEHOLD_FIELDS):
        return False
    if len(set(keys)) == len(keys):
        return True
    every = _keys(frame)
    repeated = pd.Series(every).duplicated(keep=False).tolist()
    return all(digits_kept(v) is not None for k, v, r in zip(every, frame["household_no"].tolist(), repeated) if r and k)


# A household number shown in E notation (3.41126E+18): the digits of its mantissa are all it keeps.
_E_NOTATION = re.compile(r"(\d)(?:\.(\d+))?[eE]\+?(\d+)")


def digits_kept(raw: object) -> int | None:
    """How many leading digits a household number a number format cut still holds (Excel keeps 15 significant digits
    of a number: 3411260001000123456 is stored as 3411260001000120000; a CSV written from it may say 3.41126E+18), or
    None for a number kept whole (text, or a number of at most 15 digits)."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        if isinstance(raw, str) and (m := _E_NOTATION.fullmatch(raw.strip())) and int(m.group(3)) >= 15:
            return 1 + len(m.group(2) or "")
        return None
    if isinstance(raw, float) and (math.isnan(raw) or not raw.is_integer()):
        return None
    return 15 if abs(raw) >= 1e15 else None


def _rounded(key: str, digits: int) -> str:
    """A household number (its text) to ``digits`` significant digits, as a number format keeps it."""
    return f"{float(key):.{digits - 1}e}"


def _is_member_sheet(frame: pd.DataFrame) -> bool:
    """Member IDs with a household number (members listed by household)."""
    return "household_no" in frame.columns and "id" in frame.columns


def household_file(mappings: list[dict]) -> bool:
    """Whether a roster file's sheets (their field mappings) all hold households only: a 家庭编号, household fields, no
    member ID or member field (家庭信息 exported apart from its 成员信息)."""
    return bool(mappings) and all("household_no" in m and "id" not in m and not any(f in m for f in _MEMBER_FIELDS)
                                  and any(f in m for f in _HOUSEHOLD_FIELDS) for m in mappings)


def member_file(mappings: list[dict]) -> bool:
    """Whether some sheet of a roster file lists members by 家庭编号 (the other half of :func:`household_file`)."""
    return any("household_no" in m and "id" in m for m in mappings)


def join_households(parts: list[tuple], make_layout) -> tuple[list[tuple], list[str]]:
    """Join household sheets onto member sheets by household number; other sheets pass unchanged.

    Args:
        parts: (frame, layout, sheet name) per sheet of one roster file.
        make_layout: builds a layout from (start, labels, mapping, title, warnings, written=) (``io.table.Layout``).
    Returns:
        The parts with each household sheet folded into the member sheets, and warnings (Chinese).
    """
    parts = [(_first_from_second(p[0]), *p[1:]) for p in parts]
    hh_at = [i for i, p in enumerate(parts) if _is_household_sheet(p[0])]
    member_at = [i for i, p in enumerate(parts) if i not in hh_at and _is_member_sheet(p[0])]
    if not hh_at or not member_at:
        return parts, []
    households = [parts[i] for i in hh_at]
    members, notes = _continuations([parts[i] for i in member_at])
    households, members, cut, unsure = _lost_digits(households, members)
    members, rekeyed = _keyed_as_households(households, members)
    members = _keyed_by_head(households, members)
    first = households[0][1]  # (an application export's household sheet: keyed by its 申请编号)
    col = first.mapping.get("household_no")
    applying = col is not None and col < len(first.labels) and "申请" in first.labels[col]
    table, hh_layout, hh_sheets = _household_table(households)
    table, padded = _keys_as_members_write(table, members) if not cut else (table, 0)
    joined = []
    listed: set[str] = set()
    # a head is missing only when no member sheet lists him (a family's members may be on two sheets)
    seen = _people_by_key([frame for frame, _l, _s in members])
    for k, (ids_, names_) in unsure.items():  # (a household some member rows might be: its head is not added again)
        seen.setdefault(k, (set(), set()))[0].update(ids_)
        seen[k][1].update(names_)
    for n, (frame, layout, sheet) in enumerate(members):
        keys = _keys(frame)
        lost = sum(1 for k in keys if k and k not in table.index and not k.startswith(_UNSURE))
        label = layout.labels[layout.mapping["household_no"]] if layout.mapping["household_no"] < len(layout.labels) else ""
        if lost and ("申请" in label or (applying and sheet in rekeyed)):  # an application's members whose application
            # is not in this export (their 家庭编号 none of the applications' rows writes beside its 申请编号: h495), (one decided,
            # filtered out, or of another batch): no application to screen (held-out 390: a member of none became an
            # application of its own, 有疑点 at 高, placed in the township of the row above)
            frame = frame[[not k or k in table.index or k.startswith(_UNSURE) for k in keys]]
            notes.append(f"工作表“{sheet}”有 {lost} 名成员的“{label}”在家庭信息表（{hh_sheets}）中找不到（可能是已审批完毕、"
                         "已撤回或另一批次的申请），这些成员没有读取、没有核对；如确是待审批的申请，请把该申请的家庭信息一并导出后重新运行")
            lost = 0
        # Heads missing from the member sheets are added to the first that lists the household; households no member
        # sheet lists, to the first.
        own = set(_keys(frame)) - listed
        listed |= own
        own |= set(table.index) - set(seen) if n == 0 else set()
        wins = _HOUSEHOLD_WINS + (("programme",) if _programme_outright(hh_layout) and not _programme_outright(layout) else ())
        frame, added = _join(frame, table, sheet, own, seen, wins)
        if "_key" in frame.columns:
            frame = _heads_by_relation(frame).drop(columns=["_key"])
        labels = list(layout.labels) + list(hh_layout.labels)
        mapping = dict(layout.mapping)
        for fld, col in hh_layout.mapping.items():
            if fld in wins:
                mapping[fld] = len(layout.labels) + col  # (its header is the one warnings name)
            mapping.setdefault(fld, len(layout.labels) + col)
        written = [*(layout.written or [""] * len(layout.labels)), *(hh_layout.written or [""] * len(hh_layout.labels))]
        joined.append((frame, make_layout(layout.start, labels, mapping, layout.title or hh_layout.title,
                                          list(layout.warnings), written=written), sheet))
        if lost:
            notes.append(f"工作表“{sheet}”有 {lost} 名成员的家庭编号在家庭信息表（{hh_sheets}）中找不到，其户级信息（户主、乡镇、账号等）为空")
        if added:
            notes.append(f"工作表“{sheet}”未列出 {added} 户的户主，已按家庭信息表（{hh_sheets}）补入户主")
    out = [p for i, p in enumerate(parts) if i not in hh_at and i not in member_at]
    first = sum(1 for i in range(member_at[0]) if i not in hh_at and i not in member_at)
    out[first:first] = joined
    # The household sheet's own warnings name it (the joined parts carry the member sheets' names).
    first_layout = members[0][1]  # the column the members are joined by, as its header says (申请编号, 家庭编号 …)
    by = first_layout.labels[first_layout.mapping["household_no"]] if first_layout.mapping["household_no"] < len(
        first_layout.labels) else ""
    notes[:0] = [f"花名册按系统导出格式读取：家庭信息表（{hh_sheets}）与成员表按{f'“{by}”列' if by else '家庭编号'}合并"
                 + (f"（其中 {padded} 户的编号在一张表中少了开头的 0（如以数字格式存储），已按同一编号合并）" if padded else ""),
                 *cut,
                 *(f"家庭信息表（{hh_sheets}）{w}" for w in hh_layout.warnings)]
    return out, notes


def _keyed_as_households(households: list[tuple], members: list[tuple]) -> tuple[list[tuple], set[str]]:
    """Each member sheet keyed by the household sheets' own numbers, where the two write different ones of a family's
    two numbers (an application export's 家庭 sheet with 申请编号 | 家庭编号, its 成员 sheet with 家庭编号 alone, or the
    other way round; h495: every member joined no application, each family screened twice, once with no 户主 or 乡镇):
    a member row's number that is one household's second number (``HOUSEHOLD_NO_ALSO``) is that household's, a member
    sheet's own second number is read where it meets more households than its first. Unchanged where the first
    numbers meet as often, and for numbers that lost digits (:func:`_lost_digits`).

    Args:
        households: (frame, layout, sheet name) per household sheet.
        members: (frame, layout, sheet name) per member sheet.
    Returns:
        The member sheets, and the names of those keyed through the household sheets' second numbers.
    """
    own = {k for frame, _l, _s in households for k in _keys(frame) if k}
    rekeyed: set[str] = set()
    second: dict[str, set[str]] = {}
    for frame, _l, _s in households:
        if HOUSEHOLD_NO_ALSO in frame.columns and "_key" not in frame.columns:
            for k, v in zip(_keys(frame), frame[HOUSEHOLD_NO_ALSO].tolist()):
                if k and (t := text(v)):
                    second.setdefault(t, set()).add(k)
    out = []
    for frame, layout, sheet in members:
        if "_key" in frame.columns:
            out.append((frame, layout, sheet))
            continue
        keys = _keys(frame)
        met = sum(k in own for k in keys if k)
        if HOUSEHOLD_NO_ALSO in frame.columns:
            others = [text(v) for v in frame[HOUSEHOLD_NO_ALSO].tolist()]
            if sum(k in own for k in others if k) > met:
                mapping = {**layout.mapping, "household_no": layout.mapping[HOUSEHOLD_NO_ALSO],
                           HOUSEHOLD_NO_ALSO: layout.mapping["household_no"]}
                layout = dataclasses.replace(layout, mapping=mapping)
                frame = frame.assign(household_no=frame[HOUSEHOLD_NO_ALSO], **{HOUSEHOLD_NO_ALSO: frame["household_no"]})
                keys, met = others, sum(k in own for k in others if k)
        via = [next(iter(second[k])) if k not in own and len(second.get(k, ())) == 1 else None for k in keys]
        if sum(v is not None for v in via) > met:
            frame = frame.assign(household_no=[v if v is not None else raw
                                               for v, raw in zip(via, frame["household_no"].tolist())])
            rekeyed.add(sheet)
        out.append((frame, layout, sheet))
    return out, rekeyed


def _first_from_second(frame: pd.DataFrame) -> pd.DataFrame:
    """A household sheet whose first number cell is blank where its tied second number (``HOUSEHOLD_NO_ALSO``) is not
    keyed by that second number (h497: an application row with its 申请编号 blank became a household of no number, and
    its members, under the 家庭编号 beside it, an application of their own: the head D01 高 against himself)."""
    if (HOUSEHOLD_NO_ALSO not in frame.columns or "household_no" not in frame.columns or "_key" in frame.columns
            or any(f in frame.columns for f in _MEMBER_FIELDS)):
        return frame
    first = [text(v) for v in frame["household_no"].tolist()]
    second = [text(v) for v in frame[HOUSEHOLD_NO_ALSO].tolist()]
    if not any(not a and b for a, b in zip(first, second)):
        return frame
    taken = set(first)
    return frame.assign(household_no=[b if not a and b and b not in taken else raw
                                      for a, b, raw in zip(first, second, frame["household_no"].tolist())])


def _keyed_by_head(households: list[tuple], members: list[tuple]) -> list[tuple]:
    """Member rows whose number no household row writes (nor as its second number), keyed to the one household whose
    head's ID one of them holds, where no member row is keyed to that household already: a family's number left
    blank or written otherwise on one table (h497: an application row with its 家庭编号 blank, its members under
    that 家庭编号, became two applications, the head D01 高 against himself and the other members unscreened).

    Args:
        households: (frame, layout, sheet name) per household sheet.
        members: (frame, layout, sheet name) per member sheet.
    Returns:
        The member sheets.
    """
    heads: dict[str, set[str]] = {}
    for frame, _l, _s in households:
        if "head_id" not in frame.columns:
            continue
        for k, v in zip(_keys(frame), frame["head_id"].tolist()):
            if k and (i := ids.id_number(v)).status == ids.VALID:
                heads.setdefault(i.value, set()).add(k)
    if not heads:
        return members
    own = {k for frame, _l, _s in households for k in _keys(frame) if k}
    # (a number one table wrote without the other's leading zeros is that household's: _keys_as_members_write joins
    # it, and says so)
    own |= {k.lstrip("0") for k in own}
    claimed = {k.lstrip("0") for frame, _l, _s in members if "id" in frame.columns for k in _keys(frame) if k in own}
    groups: dict[str, set[str]] = {}  # a lost number -> the households its rows' IDs head
    for frame, _l, _s in members:
        if "id" not in frame.columns or "_key" in frame.columns:
            continue
        for k, v in zip(_keys(frame), frame["id"].tolist()):
            if k and k not in own and k.lstrip("0") not in own:
                found = heads.get(ids.id_number(v).value, set())
                groups.setdefault(k, set()).update(found)
    to = {k: next(iter(h)) for k, h in groups.items() if len(h) == 1 and next(iter(h)).lstrip("0") not in claimed}
    targets = Counter(to.values())
    to = {k: h for k, h in to.items() if targets[h] == 1}
    if not to:
        return members
    out = []
    for frame, layout, sheet in members:
        if "id" in frame.columns and "_key" not in frame.columns and any(k in to for k in _keys(frame)):
            frame = frame.assign(household_no=[to.get(k, raw) for k, raw in zip(_keys(frame), frame["household_no"].tolist())])
        out.append((frame, layout, sheet))
    return out


def _continuations(members: list[tuple]) -> tuple[list[tuple], list[str]]:
    """Fold each continuation sheet (:data:`_CONTINUED`) into the member sheet it continues: one table, its rows joining
    the same families, each row still named with its own sheet (``_row_sheet``). A sheet repeating a row of the table
    (the same member of the same household: a copy, 家庭成员 (2)) is no continuation and stays a sheet of its own.

    Args:
        members: (frame, layout, sheet name) per member sheet.
    Returns:
        The member sheets, continuations folded, and a note per folded sheet.
    """
    out: list[tuple] = []
    notes: list[str] = []
    for frame, layout, sheet in members:
        stem = _CONTINUED.sub("", str(sheet)).strip()
        base = next((k for k, (_f, _l, s) in enumerate(out) if stem and stem != sheet
                     and _CONTINUED.sub("", str(s)).strip() == stem), None)
        if base is not None and not _shares_rows(out[base][0], frame):
            first, first_layout, first_sheet = out[base]
            rows = frame.assign(_sheet=first_sheet, _row_sheet=frame["_row_sheet"].where(frame["_row_sheet"].notna(), sheet)
                                if "_row_sheet" in frame.columns else sheet)
            if "_title" in first.columns:
                rows["_title"] = first["_title"].iloc[0] if len(first) else first_layout.title
            out[base] = (pd.concat([first, rows], ignore_index=True), first_layout, first_sheet)
            notes.append(f"工作表“{sheet}”是工作表“{first_sheet}”的续表，已合并为一张成员表读取")
            notes.extend(f"工作表“{sheet}”{w}" for w in layout.warnings)
        else:
            out.append((frame, layout, sheet))
    return out, notes


def _shares_rows(frame: pd.DataFrame, other: pd.DataFrame) -> bool:
    """Whether two member sheets list the same member (ID, else name) of the same household number."""
    def pairs(f: pd.DataFrame) -> set[tuple[str, str]]:
        who = f["id"] if "id" in f.columns else f.get("name", pd.Series("", index=f.index))
        return {(k, text(v)) for k, v in zip(_keys(f), who.tolist()) if k and text(v)}
    return bool(pairs(frame) & pairs(other))


def _people_by_key(frames: list[pd.DataFrame]) -> dict[str, tuple[set[str], set[str]]]:
    """Household number → (the member IDs, the member names) the member sheets list under it."""
    seen: dict[str, tuple[set[str], set[str]]] = {}
    for frame in frames:
        names = frame["name"].tolist() if "name" in frame.columns else [None] * len(frame)
        for k, raw, name in zip(_keys(frame), frame["id"].tolist(), names):
            ids_, names_ = seen.setdefault(k, (set(), set()))
            ids_.add(ids.id_number(raw).value)
            names_.add(person_name(text(name)))
    return seen


def _unpadded(key: str) -> str:
    return key.lstrip("0") or "0" if key.isdigit() else key


def _keys_as_members_write(table: pd.DataFrame, members: list[tuple]) -> pd.DataFrame:
    """The household table keyed by the member sheets' own writing of each number, where one side lost the leading
    zeros the other keeps (held-out 399: 家庭信息 exported apart, its 家庭编号 0031000 stored as the number 31000: every
    member without a household, 130 heads each D01 高 against themselves); unchanged where more numbers meet as written."""
    written = {k for frame, _l, _s in members for k in _keys(frame) if k}
    if not written or all(k in written for k in table.index):
        return table, 0
    by_value: dict[str, str] = {}
    for k in written:
        by_value.setdefault(_unpadded(k), k)
    keys = [k if k in written else by_value.get(_unpadded(k), k) for k in table.index]
    met = sum(k in written for k in keys) - sum(k in written for k in table.index)
    if met <= 0:
        return table, 0
    table = table.set_axis(keys)
    return table[~table.index.duplicated()], met


# The key of a member row whose household number lost digits and meets more than one household (no household's key).
_UNSURE = "\x1f"


def _lost_digits(households: list[tuple], members: list[tuple]) -> tuple[list[tuple], list[tuple], list[str], dict]:
    """Key each household row and member row by a household number kept whole, where a sheet stores 家庭编号 as a number
    of more than 15 digits (Excel keeps 15: 3411260001000123456 becomes 3411260001000120000, and the households
    3411260001000123401 … 3411260001000123430 one number; h405). A member number that lost digits is the household
    whose number, cut to the same digits, is it, when one is; among several, the one whose 户主身份证号 the member row
    gives; else the row joins no household (no 户主, 乡镇 or account of another family's) and its households' heads are
    not added again. Households are never grouped by a number that lost digits.

    Args:
        households: (frame, layout, sheet name) per household sheet.
        members: (frame, layout, sheet name) per member sheet.
    Returns:
        The sheets (each frame with a ``_key`` column, household frames with ``_key_shown``), notes (Chinese), and the
        people of the member rows no household took, for the households they might be (``_people_by_key``'s form);
        the sheets unchanged, no note and no people when no number lost digits.
    """
    def cut(frame: pd.DataFrame) -> dict:  # (each distinct cell judged once: a city's member sheet)
        return {v: d for v in pd.unique(frame["household_no"].to_numpy(dtype=object))
                if (d := digits_kept(v)) is not None}

    cuts = [cut(f) for f, _l, _s in [*households, *members]]
    if not any(cuts):
        return households, members, [], {}
    hh_kept, mem_kept = ([[c.get(v) for v in f["household_no"].tolist()] for (f, _l, _s), c in zip(sheets, cs)]
                         for sheets, cs in ((households, cuts[:len(households)]), (members, cuts[len(households):])))
    # household rows: (own key, text, digits kept, head ID)
    rows: list[tuple[str, str, int | None, str]] = []
    out_hh = []
    for n, ((frame, layout, sheet), digits) in enumerate(zip(households, hh_kept)):
        shown = [text(v) for v in frame["household_no"].tolist()]
        heads = frame["head_id"].tolist() if "head_id" in frame.columns else (
            frame["id"].tolist() if "id" in frame.columns else [None] * len(frame))
        counts = pd.Series(shown).value_counts()
        own = [k if d is None or counts.get(k, 0) == 1 else f"{k}#{n}.{i}" for i, (k, d) in enumerate(zip(shown, digits))]
        rows += [(o, k, d, ids.id_number(h).value if text(h) else "") for o, k, d, h in zip(own, shown, digits, heads)]
        out_hh.append((frame.assign(_key=own, _key_shown=shown), layout, sheet))
    numeric = re.compile(r"\d+|" + _E_NOTATION.pattern)
    exact: dict[str, list[int]] = {}
    for r, (_o, k, d, _h) in enumerate(rows):
        if d is None:
            exact.setdefault(k, []).append(r)
    cut_at: dict[tuple, dict[str, list[int]]] = {}

    def candidates(key: str, digits: int | None) -> list[int]:
        if digits is None and key in exact:
            return exact[key]
        if not key or not numeric.fullmatch(key):
            return []
        out: list[int] = []
        for hd in {d for _o, _k, d, _h in rows if d is not None} | ({None} if digits is not None else set()):
            q = min(x for x in (digits, hd) if x is not None)
            index = cut_at.get((hd, q))
            if index is None:
                index = cut_at[(hd, q)] = {}
                for r, (_o, k, d, _h) in enumerate(rows):
                    if d == hd and numeric.fullmatch(k):
                        index.setdefault(_rounded(k, q), []).append(r)
            out += index.get(_rounded(key, q), [])
        return out

    found: dict[tuple[str, int | None], list[int]] = {}
    # the 户主 rows the member sheets list under each number: a cut number one household takes, but under which two
    # families are listed, is another's too (a household the household sheet lacks: no member of it joins the other)
    heads_under: dict[tuple[str, int | None], int] = {}
    for (frame, _l, _s), digits in zip(members, mem_kept):
        relations = frame["relation"].tolist() if "relation" in frame.columns else [None] * len(frame)
        for v, d, rel in zip(frame["household_no"].tolist(), digits, relations):
            heads_under[(text(v), d)] = heads_under.get((text(v), d), 0) + codes.is_head(text(rel))
    whole = by_head = unsure_rows = 0
    unsure: dict[str, tuple[set[str], set[str]]] = {}
    out_mem = []
    for (frame, layout, sheet), digits in zip(members, mem_kept):
        shown = [text(v) for v in frame["household_no"].tolist()]
        heads = [ids.id_number(h).value if text(h) else "" for h in frame["head_id"].tolist()] \
            if "head_id" in frame.columns else [""] * len(frame)
        names = frame["name"].tolist() if "name" in frame.columns else [None] * len(frame)
        keys = []
        for k, d, head, raw_id, name in zip(shown, digits, heads, frame["id"].tolist(), names):
            if (k, d) not in found:
                found[(k, d)] = candidates(k, d)
            at = found[(k, d)]
            if not at or (len(at) == 1 and (rows[at[0]][2] is None and d is None or heads_under[(k, d)] <= 1)
                                            and not (head and rows[at[0]][3] and rows[at[0]][3] != head)):
                keys.append(rows[at[0]][0] if at else k)
                whole += bool(at) and (d is not None or rows[at[0]][2] is not None)
                continue
            mine = [r for r in at if head and rows[r][3] == head]
            if len(mine) == 1:
                keys.append(rows[mine[0]][0])
                by_head += 1
                continue
            keys.append(_UNSURE + k)
            unsure_rows += 1
            for r in at:
                ids_, names_ = unsure.setdefault(rows[r][0], (set(), set()))
                ids_.add(ids.id_number(raw_id).value)
                names_.add(person_name(text(name)))
        out_mem.append((frame.assign(_key=keys, _hh_cut=[k.startswith(_UNSURE) for k in keys]), layout, sheet))
    example = next((k for _o, k, d, _h in rows if d is not None), None) or next(
        (text(v) for (f, _l, _s), ds in zip(members, mem_kept) for v, d in zip(f["household_no"].tolist(), ds)
         if d is not None), "")
    example = f"{float(example):.5E}" if example.isdigit() else example  # (as Excel shows it; not an ID to mask)
    notes = [f"“家庭编号”以数字格式存储，超过 15 位的部分已丢失（如 {example}），不同家庭的编号可能变成同一个数；"
             "合并时不按丢失了位数的编号认户"
             + (f"：{whole} 名成员按另一张表中完整的编号对应到户" if whole else "")
             + (f"{'，' if whole else '：'}{by_head} 名成员按成员表中的户主身份证号对应到户" if by_head else "")]
    if unsure_rows:
        notes.append(f"{unsure_rows} 名成员的家庭编号丢失位数后对应不止一户，无法确定是哪一户，没有与家庭信息表合并（户主、乡镇、账号等户级"
                     "信息为空，按成员表的与户主关系分户，涉及这些成员的问题置信度列为“低”）；请把“家庭编号”列设为文本格式重新导出，"
                     "或在成员表中一并导出户主身份证号，然后重新运行")
    return out_hh, out_mem, notes, unsure


def _heads_by_relation(frame: pd.DataFrame) -> pd.DataFrame:
    """Member rows no household took (:func:`_lost_digits`) grouped by the member sheet's own 户主 rows: each row takes
    the head (ID, name) of the 户主 row that opens its run, so no household of theirs is one with the next family's
    under a number that lost digits."""
    keys = _keys(frame)
    if not any(k.startswith(_UNSURE) for k in keys) or "relation" not in frame.columns:
        return frame
    out = frame.copy()
    ids_ = out["id"].tolist()
    names = out["name"].tolist() if "name" in out.columns else [None] * len(out)
    head_ids = out["head_id"].tolist() if "head_id" in out.columns else [None] * len(out)
    head_names = out["head_name"].tolist() if "head_name" in out.columns else [None] * len(out)
    head, run = (None, None), None
    for i, (k, rel) in enumerate(zip(keys, out["relation"].tolist())):
        if not k.startswith(_UNSURE):
            run = None
            continue
        if k != run:
            head, run = (None, None), k
        if codes.is_head(text(rel)):
            head = (ids_[i], names[i])
        if not text(head_ids[i]) and not text(head_names[i]):
            head_ids[i], head_names[i] = head
    out["head_id"], out["head_name"] = head_ids, head_names
    return out


def _household_table(households: list[tuple]):
    """One frame of household fields indexed by household number (several household sheets stacked)."""
    frames, layout = [], households[0][1]
    for frame, _layout, sheet in households:
        f = frame.copy()
        # A household sheet whose head columns are unqualified (姓名/身份证号) names the head.
        if "head_id" not in f.columns and "id" in f.columns:
            f = f.rename(columns={"id": "head_id"})
        if "head_name" not in f.columns and "name" in f.columns:
            f = f.rename(columns={"name": "head_name"})
        f.index = _keys(f)
        f = f.rename(columns={"_row": "_hh_row", "_sheet": "_hh_sheet"})
        frames.append(f.drop(columns=[c for c in f.columns if c in ("id", "name", "_title")]))
    table = pd.concat(frames) if len(frames) > 1 else frames[0]
    table = table[~table.index.duplicated()]
    if layout.mapping.get("id") is not None and "head_id" not in layout.mapping:
        mapping = {("head_id" if k == "id" else "head_name" if k == "name" and "head_name" not in layout.mapping
                    else k): v for k, v in layout.mapping.items()}
        layout = type(layout)(layout.start, layout.labels, mapping, layout.title, layout.warnings)
    return table, layout, "、".join(_named(f, s) for f, _l, s in households)


def _named(frame: pd.DataFrame, sheet: str) -> str:
    """A household table as a note names it: its sheet, or (a CSV's sheet has no name) its file (h427: "家庭信息表（“”）")."""
    if sheet or "_hh_file" not in frame.columns or not len(frame):
        return f"“{sheet}”"
    return f"《{Path(str(frame['_hh_file'].iloc[0])).name}》"


_STUDENT = re.compile(r"在校|学生|就读|上学")


def _programme_outright(layout) -> bool:
    """Whether a sheet's programme column is named as such (保障类别), not by a generic label (人员类别)."""
    col = layout.mapping.get("programme")
    return col is not None and col < len(layout.labels) and _PROGRAMME_OUTRIGHT.search(layout.labels[col]) is not None


def _join(frame: pd.DataFrame, table: pd.DataFrame, sheet: str, own: set[str],
          seen: dict[str, tuple[set[str], set[str]]], wins: tuple[str, ...] = _HOUSEHOLD_WINS) -> tuple[pd.DataFrame, int]:
    """Give each member row its household's fields (the member sheet's own non-blank cells win, but for ``wins``:
    :data:`_HOUSEHOLD_WINS`, and the programme where only the household sheet names it outright).

    Households of ``own`` with no member row on any member sheet naming the head (by ID or name, ``seen``) get the head
    as a first row, and the rows of one household are made contiguous, in the order the member sheet first lists them.
    """
    keys = _keys(frame)
    out = frame.copy()
    if "programme" in wins and "programme" in out.columns and "school" not in out.columns:
        # the member sheet's 人员类别 the household's 保障类别 overrides still says who is at school (在校学生): C08's
        # 在校情况 (h456: 29 students of 18–20 were 中 leads "在校情况未填")
        out["school"] = [v if _STUDENT.search(text(v)) else None for v in out["programme"].tolist()]
    fields = [c for c in table.columns if not c.startswith("_")]
    for fld in fields:
        values = table[fld].to_dict()
        filled = [values.get(k) if k in values else None for k in keys]
        if fld in out.columns:
            cells = out[fld].tolist()
            if fld in wins:
                out[fld] = [h if text(h) else o for o, h in zip(cells, filled)]
            else:
                out[fld] = [o if text(o) else h for o, h in zip(cells, filled)]
        else:
            out[fld] = filled
    _whole_head_ids(out)
    heads = _missing_heads(out, table.loc[[k for k in table.index if k in own]], sheet, seen)
    if len(heads):
        out = pd.concat([heads, out], ignore_index=True)
        keys = _keys(heads) + keys
    # each member row knows its household sheet's row: where a clerk finds the application (held-out 220)
    for col in ("_hh_row", "_hh_sheet", "_hh_file"):
        if col in table.columns:
            at = table[col].to_dict()
            out[col] = [at.get(k) for k in keys]
    order: dict[str, int] = {}
    for k in keys:
        order.setdefault(k, len(order))
    rank = [order[k] for k in keys]
    out = out.assign(_order=rank).sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)
    return out, len(heads)


def _whole_head_ids(out: pd.DataFrame) -> None:
    """A head's member row whose ID a number format cut (4.11421196402287E+17) takes the whole ID the household sheet
    gives the head as text, when its digits agree (held-out 146: the head got D03 and every link at 中)."""
    if not {"id", "head_id"} <= set(out.columns):
        return
    cells, heads = out["id"].tolist(), out["head_id"].tolist()
    names = [text(v) for v in (out["name"] if "name" in out.columns else [""] * len(out)).tolist()]
    head_names = [text(v) for v in (out["head_name"] if "head_name" in out.columns else [""] * len(out)).tolist()]
    for k, (cell, head) in enumerate(zip(cells, heads)):
        mine = ids.id_number(cell)
        if mine.status != ids.NUMERIC or not names[k] or names[k] != head_names[k]:
            continue  # (the head by name: a twin shares the 14 digits of region and birth)
        whole = ids.id_number(head)
        # the 15 digits kept, or their last rounded up by the number format ('…2287000' for '…22868 05')
        if whole.status == ids.VALID and whole.value[:14] == mine.value[:14]:
            cells[k] = whole.value
    out["id"] = cells


def _missing_heads(members: pd.DataFrame, table: pd.DataFrame, sheet: str,
                   seen: dict[str, tuple[set[str], set[str]]]) -> pd.DataFrame:
    """Rows for household heads that no member sheet lists (some exports list only the other members)."""
    blank = [None] * len(table)
    head_ids = table["head_id"].tolist() if "head_id" in table.columns else blank
    head_names = table["head_name"].tolist() if "head_name" in table.columns else blank
    title = members["_title"].iloc[0] if "_title" in members.columns and len(members) else ""
    fields = [c for c in table.columns if not c.startswith("_")]
    rows = []
    for i, (k, raw_id, raw_name) in enumerate(zip(table.index.tolist(), head_ids, head_names)):
        head_id = ids.id_number(raw_id).value if text(raw_id) else ""
        head_name = person_name(text(raw_name)) if text(raw_name) else ""
        if not (head_id or head_name):
            continue
        listed_ids, listed_names = seen.get(k, ((), ()))
        if (head_id and head_id in listed_ids) or (head_name and head_name in listed_names):
            continue
        new = {c: table[c].iat[i] for c in fields}
        shown = table["_key_shown"].iat[i] if "_key_shown" in table.columns else k  # (h405: k may be a row's own key)
        new.update({"household_no": shown, "id": raw_id, "name": raw_name, "relation": "户主", "_title": title,
                    "_row": table["_hh_row"].iat[i] if "_hh_row" in table.columns else None, "_sheet": sheet,
                    "_row_sheet": table["_hh_sheet"].iat[i] if "_hh_sheet" in table.columns else sheet})
        if "_key" in members.columns:
            new["_key"] = k
        rows.append(new)
    return pd.DataFrame(rows, columns=list(dict.fromkeys([*members.columns, "_row_sheet"])), dtype=object)


# The fields an application's member row carries for its family (copied onto the applicant's own row when added);
# the head's own 劳动能力/健康状况 columns become the applicant's
_FAMILY_FIELDS = ("programme", "township", "county", "village", "household_no", "head_id", "head_name", "household_size",
                  "covered_size", "area_type", "benefit", "benefit_total", "bank_account", "phone", "region_code",
                  "household_status", "outcome", "address", "declared_income", "declared_assets", "approved")
_OWN_HEAD = {"head_labour": "labour", "head_health": "health"}
# an application's head column: the applicant's (申请人身份证号, 申请人证件号码), a member of the family by definition
_APPLICANT_LABEL = re.compile(r"^申请人(?:公民)?(?:身份证|证件|身份号码)")
# a member row's relation naming the applicant's own row (本人, 户主, 申请人): the applicant is listed, perhaps with a
# damaged ID
_SELF = re.compile(r"本人|户主|申请人")


def applicants_added(frame: pd.DataFrame, headers: dict[str, str]) -> tuple[pd.DataFrame, int]:
    """An application list's family rows with the applicant's own row added where its member rows list only the other
    members (a provincial system's 家庭成员 without the 申请人: h440, the applicant's car and business never checked).

    Only a list whose head column is the applicant's (``申请人身份证号``) is completed: a roster's 户主 need not be a
    recipient (单人户施保), an applicant is always one of the family. A family is completed when no member row has the
    applicant's ID, name or a relation naming the applicant; a blank member row of the family (a one-person family's)
    takes the applicant.

    Args:
        frame: a roster table's frame (canonical fields, ``_row``, ``_sheet``).
        headers: field → the header label it was recognised from.
    Returns:
        The frame with the applicants' rows, each before its family's first row, and how many were added.
    """
    if not {"id", "head_id"} <= set(frame.columns) or not _APPLICANT_LABEL.match(headers.get("head_id", "")):
        return frame, 0
    keys = [text(n) or text(h) for n, h in zip(frame["household_no"] if "household_no" in frame.columns
                                                 else [""] * len(frame), frame["head_id"])]
    own_ids = [ids.id_number(v).value if text(v) else "" for v in frame["id"]]
    names = [person_name(text(v)) if text(v) else "" for v in (frame["name"] if "name" in frame.columns else [""] * len(frame))]
    relations = [text(v) for v in (frame["relation"] if "relation" in frame.columns else [""] * len(frame))]
    groups: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k:
            groups.setdefault(k, []).append(i)
    rows, before, blanks = [], [], []
    for k, at in groups.items():
        first = at[0]
        raw_head = frame["head_id"].iat[first]
        head = ids.id_number(raw_head).value if text(raw_head) else ""
        head_name = person_name(text(frame["head_name"].iat[first])) if "head_name" in frame.columns and \
            text(frame["head_name"].iat[first]) else ""
        if not head or any(own_ids[i] == head or (head_name and names[i] == head_name) or _SELF.search(relations[i])
                           for i in at):
            continue
        blank = next((i for i in at if not own_ids[i] and not names[i]), None)
        new = {c: frame[c].iat[first] for c in frame.columns if c in _FAMILY_FIELDS or c.startswith("_")}
        new.update({own: frame[c].iat[first] for c, own in _OWN_HEAD.items() if c in frame.columns})
        new.update({"id": raw_head, "name": frame["head_name"].iat[first] if "head_name" in frame.columns else "",
                    "relation": "户主"})
        if blank is not None:
            blanks.append((blank, new))
        else:
            rows.append(new)
            before.append(first)
    if not rows and not blanks:
        return frame, 0
    out = frame.astype(object)  # (its columns may be categorical: the applicants' cells are new categories)
    for i, new in blanks:
        for c, v in new.items():
            if c in out.columns:
                out.iat[i, out.columns.get_loc(c)] = v
    if rows:
        added = pd.DataFrame(rows, columns=out.columns, dtype=object)
        order = sorted([(p, 0, j) for j, p in enumerate(before)] + [(p, 1, p) for p in range(len(out))])
        whole = pd.concat([added, out], ignore_index=True)
        out = whole.iloc[[j if tag == 0 else len(added) + j for _, tag, j in order]].reset_index(drop=True)
    return out, len(rows) + len(blanks)
