"""What the look-back's earlier findings say of their events, written as the small lists the audit reads.

The review reads no deaths, custody or moves list: each earlier finding's own evidence dates its event (死亡日期,
入监日期 and 刑期止日, 迁出日期, 停保（退出）日期, :func:`dated`). Those events, and for the findings that carry no date (a
staff member's household cleared out, a car owner's …) an exit from the review date's month (:func:`stop_day`), are
written as lists (:func:`event_lists`) that :mod:`rostercheck.review_ledgers` reads beside the review quarter's ledgers.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from .normalize import ids
# Categories whose rectification is the benefit stopped for the person (or household): paid on after a claimed
# 已整改 is no rectification. Leads (C08, RQ) and roster faults (D01–D03) are put right without stopping anything;
# F04–F07 by money recovered, paid or an account changed, which a ledger of later months does not show.
STOPPED_BY = ("C01", "C02", "C03", "C04", "C05", "C06", "C07", "C09", "C10", "F01", "F02", "F03")
# The synthetic lists' file names: they name the earlier problem list as the source of each event
FILE_NAMES = {"deaths": "上期问题清单_死亡.csv", "prisoners": "上期问题清单_服刑.csv",
              "migrations": "上期问题清单_迁出.csv", "exits": "上期问题清单_停保.csv"}
# a day as the audit writes it (2026-08-10), or as a retyped or edited list may (2026/8/10, 2026.8.10, 2026年8月10日)
_DAY = r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})日?"
_DEATH = re.compile(r"死亡日期\s*" + _DAY)
_CANCELLED = re.compile(r"(?:注销|火化)日期\s*" + _DAY)
_CUSTODY = re.compile(r"入监日期\s*" + _DAY)
# the custody's end as the audit writes it: 刑期止日期 from a sentence, 释放日期 from a release (h496: a prisoner released
# mid-quarter, 释放日期 unread, was undated — the review month's payment after the release 未整改)
SENTENCE_END_WORDS = r"刑期止日期?|释放日期"
_SENTENCE_END = re.compile(f"(?:{SENTENCE_END_WORDS})" + r"\s*" + _DAY)
_MOVED = re.compile(r"迁出日期\s*" + _DAY)
_DEST = re.compile(r"迁往地?\s*([^，,；;。（(]+)")
_EXITED = re.compile(r"停保（退出）日期\s*" + _DAY)
# '已将张三减员', '已从该户减员': the person taken off the household, the household left on the benefit
_MEMBER_ONLY = re.compile(r"(?<![拟将待未])已(?:(?:将|把)[^，,。；;\d]{0,10}?)?(?:从[^，,。；;]{0,10}?)?(?:做|作)?减员")
# Categories whose finding is a member's event (her share of a household paid to the head, F01/F02)
MEMBER_EVENTS = ("C02", "F01", "F02")
WHOLE_REASON = "上期问题整户清退（乡镇填报已整改）"
MEMBER_REASON = "上期问题成员减员（乡镇填报已整改）"


def add_note(row: dict, note: str) -> None:
    """Add ``note`` to a review row's 说明 (after what it says, joined by ；)."""
    row["说明"] = "；".join(x for x in (row["说明"], note) if x)


def stop_day(as_of: dt.date, rule: str) -> dt.date:
    """The exit date of a finding the township reports done without a date: the review date's month is then the first
    not to be paid (the township reports before the review; under 次月停发 an exit in the month before)."""
    first = as_of.replace(day=1)
    return first - dt.timedelta(days=1) if rule == "次月" else first


def as_read(raw: object) -> str:
    """An earlier list's ID as the synthetic list writes it: one that may have lost its last digits to a number format
    (…000, passing its check by chance) written as the number it was, so that it links only with the name and birth
    date (中), never as an exact ID.

    Args:
        raw: the earlier list's cell.
    Returns:
        The text to write.
    """
    text = str(raw or "").strip()
    info = ids.id_number(text)
    if info.status == ids.VALID and info.value.endswith("000"):
        return f"{int(info.value[:15]) / 1e14:.14f}E+17"
    return text


def _iso(day: str) -> str | None:
    """A day the evidence wrote as an ISO date, or None when it is no date of the calendar (2026-13-01, 2026-02-30)."""
    parts = [int(x) for x in re.findall(r"\d+", day)]
    try:
        return dt.date(*parts[:3]).isoformat()
    except (TypeError, ValueError):
        return None


def _event(f: pd.Series) -> tuple[str, dict] | None:
    """The dated event an earlier finding's evidence gives (kind, list cells), or None."""
    return dated(f)[0]


def dated(f: pd.Series) -> tuple[tuple[str, dict] | None, str]:
    """The dated event an earlier finding's evidence gives, and what the review must say of its dates ('' if nothing).

    A date that is no day of the calendar is no date: the event is undated (the review date's month, as for a finding
    without one), said. Several different days of one kind (two 死亡日期) are not guessed between silently: the latest
    is taken — the fewest months counted as unpayable, so a mistyped earlier day never overturns a rectification — said.
    A custody whose end is before its start is undated, said.

    Args:
        f: an earlier finding (its ``依据``).
    Returns:
        ((kind, the list's cells) or None, the note — '' when there is nothing to say).
    """
    said = str(f.get("依据", "") or "")

    def days(*patterns: re.Pattern) -> tuple[list[str], list[str]]:
        raw = [m.group(1) for p in patterns for m in p.finditer(said)]
        return raw, sorted({d for d in map(_iso, raw) if d})

    def chosen(label: str, raw: list[str], valid: list[str]) -> tuple[str | None, str]:
        if not valid:
            return None, f"依据中的{label}“{raw[0]}”不是有效日期，按未写日期处理（核查基准日所在月起不应发放）"
        if len(valid) > 1:
            return valid[-1], f"依据中有 {len(valid)} 个不同的{label}（{'、'.join(valid)}），按较晚的 {valid[-1]} 核对发放"
        return valid[0], ""

    raw, valid = days(_DEATH)
    label = "死亡日期"
    if not raw:  # (注销 or 火化 follows the death: its day only when the evidence gives no death's)
        (raw, valid), label = days(_CANCELLED), "注销（火化）日期"
    if raw:
        day, note = chosen(label, raw, valid)
        return (("deaths", {"死亡日期": day}) if day else None), note
    (start_raw, start), (end_raw, end) = days(_CUSTODY), days(_SENTENCE_END)
    if start_raw and end_raw:
        if not start or not end:
            bad = start_raw[0] if not start else end_raw[0]
            return None, f"依据中的入监日期或刑期止日“{bad}”不是有效日期，按未写日期处理（核查基准日所在月起不应发放）"
        if end[-1] < start[0]:
            return None, (f"依据中的刑期止日 {end[-1]} 早于入监日期 {start[0]}，按未写日期处理（核查基准日所在月起不应发放）")
        return ("prisoners", {"入监日期": start[0], "刑期止日期": end[-1]}), ""
    if start_raw and "整月在押的月份不应发放" in said:
        # custody to date (the audit's F02 wrote no end): from the start, never ended (h496: read as undated, only the
        # review date's month was counted, the quarter's other months in custody not)
        if not start:
            return None, f"依据中的入监日期“{start_raw[0]}”不是有效日期，按未写日期处理（核查基准日所在月起不应发放）"
        return ("prisoners", {"入监日期": start[0], "刑期止日期": ""}), ""
    if m := _MOVED.search(said):
        raw, valid = days(_MOVED)
        day, note = chosen("迁出日期", raw, valid)
        if not day:
            return None, note
        dest = _DEST.search(said[m.end():])
        return ("migrations", {"迁出日期": day, "迁往地": dest.group(1).strip() if dest else "县外"}), note
    return None, ""


def whole_household(f: pd.Series, level: str, enrolled: set[str]) -> bool:
    """Whether the township's stop ends the household's benefit (cleared out), not one member's: a household category,
    or the person the head, or the household gone from this quarter's roster (``enrolled``: its heads' IDs) — unless
    the return says the person was taken off the household (减员). A household still enrolled lost a member only.

    Args:
        f: an earlier finding with the township's return.
        level: its category's level ('member' or 'household').
        enrolled: the IDs of this quarter's roster.
    Returns:
        True when the whole household's benefit is to stop.
    """
    texts = "".join(str(f.get(c, "") or "") for c in ("整改状态", "核实情况", "整改措施"))
    if _MEMBER_ONLY.search(texts):
        return False
    head = ids.id_number(f.get("户主身份证号", ""))
    return (level == "household" or str(f.get("身份证号", "")) == str(f.get("户主身份证号", ""))
            or not (head.status == ids.VALID and head.value in enrolled))


def event_lists(prev: pd.DataFrame, levels: dict[str, str], as_of: dt.date, rule: str, folder: Path,
                skip: set[int] = frozenset(), enrolled: set[str] = frozenset(), said: list[str] | None = None,
                stops: dict[int, str] | None = None) -> tuple[dict[str, Path], dict[tuple[str, int], list[int]]]:
    """Write the events of the earlier findings (positions in ``prev``) as lists the audit reads.

    Args:
        prev: the earlier findings, one per row (review's ``prev``).
        levels: category code → 'member' or 'household'.
        as_of: the review date.
        rule: the stop rule ('次月' or '当月').
        folder: where to write them (a temporary folder).
        skip: positions not to write (verified as no problem).
        enrolled: the IDs of this quarter's roster, heads' and members' (a household whose head is still enrolled lost a
            member, no more).
        said: where to add what the evidence's dates leave to say (no real date, several); names, never IDs.
        stops: position → the month the township wrote it stopped from ('YYYY-MM', :func:`review_stops.written_stop`):
            a stop without a date of its own is checked from that month when it is before the review date's month.
    Returns:
        (kind → file written, (kind, the row's number in its file) → the positions in ``prev`` of its findings).
    """
    rows: dict[str, list[dict]] = {k: [] for k in FILE_NAMES}
    origin: dict[tuple[str, int], list[int]] = {}
    # one row per event: a person's C02 and F01 written twice would be two rows of one death, and each payment is
    # claimed by one event only (the first covering its month)
    seen: dict[tuple, int] = {}
    undated = stop_day(as_of, rule).isoformat()
    for at, (_, f) in enumerate(prev.iterrows()):
        code = str(f.get("类别代码", ""))
        if code not in STOPPED_BY or at in skip:
            continue
        person = {"姓名": f.get("姓名", ""), "身份证号": as_read(f.get("身份证号", "")), "保障类别": f.get("保障类别", "")}
        event, note = dated(f) if code != "F03" else (None, "")
        if note and said is not None:
            said.append(f"上期问题清单中{f.get('姓名', '')}的问题：{note}")
        if event is not None:
            kind, cells = event
        else:
            exited = _EXITED.search(str(f.get("依据", "") or "")) if code == "F03" else None
            exited_day = _iso(exited.group(1)) if exited else None
            whole = whole_household(f, levels.get(code, "member"), enrolled) or (exited is not None and "整户" in str(f.get("依据", "")))
            kind, cells = "exits", {"户主姓名": f.get("户主姓名", ""), "户主身份证号": as_read(f.get("户主身份证号", "")),
                                    "停保日期": exited_day or _undated(at, stops, undated, rule),
                                    "停保原因": WHOLE_REASON if whole else MEMBER_REASON,
                                    "保障类别": f.get("保障类别", "")}
            if whole:
                cells.update({"姓名": "", "身份证号": ""})
            else:
                cells.update({"姓名": f.get("姓名", ""), "身份证号": as_read(f.get("身份证号", ""))})
        record = cells if kind == "exits" else {**person, **cells}
        key = (kind, *(str(v) for v in record.values()))
        if key not in seen:
            rows[kind].append(record)
            seen[key] = len(rows[kind]) + 1  # (row 1 is the header)
        origin.setdefault((kind, seen[key]), []).append(at)
    written = {}
    for kind, records in rows.items():
        if not records:
            continue
        path = folder / FILE_NAMES[kind]
        columns = list(dict.fromkeys(k for r in records for k in r))
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            w = csv.DictWriter(out, columns)
            w.writeheader()
            for r in records:
                w.writerow({k: str(v or "") for k, v in r.items()})
        written[kind] = path
    return written, origin


def _undated(at: int, stops: dict[int, str] | None, undated: str, rule: str) -> str:
    """The exit date of a stop with no date of its own: from the month the township wrote, when before the review's."""
    from .review_stops import first_unpaid_day

    written = (stops or {}).get(at)
    day = first_unpaid_day(written, rule).isoformat() if written else undated
    return min(day, undated)


def event_months(f: pd.Series, rule: str) -> tuple[str, str] | None:
    """The months a member's event stops her share.

    Args:
        f: an earlier finding (its ``依据``).
        rule: the stop rule ('次月' or '当月').
    Returns:
        (first, last) 'YYYY-MM' ('9999-12' for no end), or None when the evidence dates no event.
    """
    from .rules._money import month_add, month_of

    event = _event(f)
    if event is None:
        return None
    kind, cells = event
    day = dt.date.fromisoformat(cells.get("死亡日期") or cells.get("迁出日期") or cells.get("入监日期"))
    first = month_add(month_of(day), 1) if rule == "次月" else month_of(day)
    last = "9999-12"
    if kind == "prisoners" and cells["刑期止日期"]:
        last = month_add(month_of(dt.date.fromisoformat(cells["刑期止日期"])), -1)
    return first, last
