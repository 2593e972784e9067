"""The look-back's ``--exits`` on the roster's verdicts: a person or household a 停保（退出）名单 stopped within the review
quarter is put right even where this quarter's roster (exported before the stop reached it) still lists them (h492: a
C05 household the township stopped on 11-20 was 未整改 "仍在册"; the list was read only beside ``--payments``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .loading import load_reference
from .normalize import ids


def quarter_start(day: dt.date) -> dt.date:
    """The first day of the calendar quarter ``day`` is in."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def stopped(path: Path, as_of: dt.date, limits=None) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """The people and households an exits list stopped in the review quarter (from its first day to ``as_of``).

    A row naming a member other than the head (减员) stops that member; a row naming the head, or only the head, stops
    the household. Rows dated before the quarter (stops the earlier problem list already saw), after the review date,
    or undated stop nobody here.

    Args:
        path: the exits list (``--exits``).
        as_of: the review date.
        limits: safety bounds.
    Returns:
        (person ID → the note naming the list's row, head ID → the note, what reading it said).
    """
    table, frame = load_reference("exits", Path(path), limits)
    people: dict[str, str] = {}
    households: dict[str, str] = {}
    said = [f"{table.label}：{w}" for w in table.warnings]
    start, later, undated = quarter_start(as_of), 0, 0
    for _, r in frame.iterrows():
        day = r.get("date")
        if not isinstance(day, dt.date):
            undated += 1
            continue
        if day > as_of:
            later += 1
            continue
        if day < start:
            continue
        where = f"《{Path(path).name}》{'工作表“' + str(r['_sheet']) + '”' if r.get('_sheet') else ''}第 {r['_row']} 行"
        own = r.get("id") if r.get("id_status") == ids.VALID else ""
        head = r.get("head_id") if r.get("head_id_status") == ids.VALID else ""
        note = f"停保（退出）名单{where}写明 {day.isoformat()} 停保"
        if own and head and own != head:
            people.setdefault(own, note + "（减员）")
        elif head or own:
            households.setdefault(head or own, note)
    if later:
        said.append(f"停保（退出）名单“{Path(path).name}”有 {later} 行的停保日期在核查基准日 {as_of.isoformat()} 之后，"
                    "回头看不据此判为已整改")
    if undated:
        said.append(f"停保（退出）名单“{Path(path).name}”有 {undated} 行没有可读的停保日期，回头看不据此判为已整改")
    return people, households, said


def exit_note(members: pd.DataFrame, j: int, by_head: bool, people: dict[str, str], households: dict[str, str]) -> str:
    """The note of an exits list's stop of the roster row ``j``'s person (``by_head``: of its household), '' for none."""
    head = str(members.at[j, "head_id"] or "")
    if head and head in households:
        return households[head]
    own = str(members.at[j, "id"] or "")
    return "" if by_head else people.get(own, "")
