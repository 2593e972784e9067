"""The stop month a township writes in its return ('10月已停发', '2026年11月起停发', a 停发月份 column), read against the
review quarter's ledgers: a ledger paying after it contradicts the township (the stop is checked from that month), a
ledger that stops as written confirms it, and a text that names no one month (两个月份, 10月底, a day) is said, never
guessed from.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from .io.report import TOWNSHIP_ADDED
from .normalize.values import cn_numerals
from .review_events import add_note

# The texts of the return a stop month is read from (the columns as the earlier list carries them)
TEXT_COLUMNS = ("整改状态", "核实情况", "整改措施")
# A column of the stop month itself (停发月份, 停保时间 …), added by the township
_COLUMN = re.compile(r"^(?:停发|停保|停止发放|停止保障)(?:月份|年月|时间|日期)$")
# a month before a stop word: '2026年11月', '2026-11', '11月' (份), a qualifier (10月底: which month?), 起/开始, 已
_MONTH = (r"(?:(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月|(?P<y2>\d{4})\s*[-/.]\s*(?P<m2>\d{1,2})(?![\d\-/.])"
          r"|(?<![\d年\-/.])(?P<m3>\d{1,2})\s*月)")
_STOP = re.compile(_MONTH + r"\s*份?\s*(?P<day>\d{1,2}\s*[日号])?\s*(?P<part>底|末|初|上旬|中旬|下旬|中)?\s*(?:起|开始)?\s*"
                   r"(?:已经?)?\s*(?:停发|停保|停止发放|停止保障|停止救助|不再发放)"
                   # (not another item's stop: '10月已停发物价补贴' says nothing of the benefit)
                   r"(?!\s*(?:了)?\s*(?:该户|其)?\s*(?:的)?\s*(?:物价|价格|护理|残疾|高龄|取暖|临时|一次性|电价|燃气|水费|补贴))")
_PLANNED = re.compile(r"(?:拟|将|计划|待|准备|未|预计)\s*(?:于|在|从|自)?\s*$")
# a month written beside another as a choice or a span ('10月或11月停发', '10-11月停发'): which one is not said
_CHOICE = re.compile(r"\d{1,2}\s*月?\s*(?:或者?|、|/|至|到|-|~|～)\s*$")
# a span of months before a stop word, the first month's 月 left out ('10-11月停发', '10至11月停保'): _MONTH's bare month
# does not follow a dash, so neither month was read, nor said (h471)
_SPAN = re.compile(r"(?<![\d年\-/.])\d{1,2}\s*(?:至|到|-|~|～|—)\s*\d{1,2}\s*月\s*份?\s*(?:起|开始)?\s*(?:已经?)?\s*"
                   r"(?:停发|停保|停止发放|停止保障|停止救助|不再发放)")
# Chinese numerals of a month or a year ('十月已停发', '二〇二六年十一月起停发'), read as digits (h471: unread, unsaid)
_CN_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}(?=\s*年)")
_CN_MONTH = re.compile(r"(?<![〇零○一二三四五六七八九十百千万两])(十[一二]?|[一二三四五六七八九])(?=\s*月)")


def _digits(text: str) -> str:
    """A return's text with the years and months written in Chinese numerals as digits ('十一月' → '11月'); other
    numerals (一次性, 三个月) as written."""
    text = _CN_YEAR.sub(lambda m: cn_numerals(m.group(0)), text)
    return _CN_MONTH.sub(lambda m: cn_numerals(m.group(0) + "月")[:-1], text)


def _resolved(year: str | None, month: int, as_of: dt.date) -> tuple[str | None, str]:
    """A written month as 'YYYY-MM': its year as written, or the only year that puts it within the twelve months
    before the review date's month and the month after (a bare 1月 on a December review is either: said)."""
    if not 1 <= month <= 12:
        return None, "月份不存在"
    if year:
        return f"{int(year):04d}-{month:02d}", ""
    now = as_of.year * 12 + as_of.month - 1
    years = [y for y in (as_of.year - 1, as_of.year, as_of.year + 1) if now - 11 <= y * 12 + month - 1 <= now + 1]
    if len(years) != 1:
        return None, f"未写年份，可能是 {'或'.join(f'{y}-{month:02d}' for y in years)}"
    return f"{years[0]:04d}-{month:02d}", ""


def _from_text(text: str, as_of: dt.date) -> tuple[list[str], list[str]]:
    """The stop months a text writes, and why any of its stops names no month."""
    months, odd = [], []
    text = _digits(text)
    spans = list(_SPAN.finditer(text))
    odd += [f"“{m.group(0).strip()}”写了不止一个月份" for m in spans]
    for m in _STOP.finditer(text):
        if any(s.start() <= m.start() < s.end() for s in spans):
            continue
        if _PLANNED.search(text[max(0, m.start() - 6):m.start()]):
            continue  # (a plan, '拟于12月停发', is no stop)
        if _CHOICE.search(text[max(0, m.start() - 6):m.start()]):
            before = re.split(r"[，,。；;：:]", text[max(0, m.start() - 12):m.start()])[-1]
            odd.append(f"“{(before + m.group(0)).strip()}”写了不止一个月份")
            continue
        if m.group("day") or m.group("part"):
            odd.append(f"“{m.group(0)}”写到{'日' if m.group('day') else '月' + m.group('part')}，看不出从哪个月起停发")
            continue
        year = m.group("y") or m.group("y2")
        month, why = _resolved(year, int(m.group("m") or m.group("m2") or m.group("m3")), as_of)
        if month:
            months.append(month)
        else:
            odd.append(f"“{m.group(0)}”{why}")
    return months, odd


def _from_cell(cell: str, as_of: dt.date) -> tuple[list[str], list[str]]:
    """The stop month a 停发月份 cell holds ('2026-11', '2026年11月', '11月', a date on the 1st), or why it names none."""
    from .normalize.values import month as month_of

    text = cell.strip()
    if not text:
        return [], []
    day = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+00:00:00)?", text)
    if day and int(day.group(3)) != 1:
        return [], [f"“{text}”写到日，看不出从哪个月起停发"]
    bare = re.fullmatch(r"(\d{1,2})\s*月?份?", text)
    if bare:
        month, why = _resolved(None, int(bare.group(1)), as_of)
        return ([month], []) if month else ([], [f"“{text}”{why}"])
    month = month_of(text)
    return ([month], []) if month else ([], [f"“{text}”不是月份"])


def written_stop(f: pd.Series, as_of: dt.date) -> tuple[str | None, str]:
    """The month a township's return says the benefit stopped from (the first month not paid).

    Args:
        f: an earlier finding with the township's return (整改状态, 核实情况, 整改措施, a 停发月份 column it added).
        as_of: the review date (the year of a month written without one).
    Returns:
        ('YYYY-MM' or None, what to say when the return writes a stop month that names no one month — '' otherwise).
    """
    months, odd = [], []
    for col in f.index:
        label = str(col).removesuffix(TOWNSHIP_ADDED).strip()
        cell = f.get(col)
        if cell is None or (isinstance(cell, float) and cell != cell):
            continue
        if col in TEXT_COLUMNS:
            more, why = _from_text(str(cell), as_of)
        elif _COLUMN.match(label):
            more, why = _from_cell(str(cell), as_of)
        else:
            continue
        months += more
        odd += why
    distinct = sorted(set(months))
    if len(distinct) > 1:
        return None, f"乡镇填报的停发月份不一致（{'、'.join(distinct)}），未据此核对"
    if odd:
        return None, f"乡镇填报的停发月份不明确（{'；'.join(odd)}），未据此核对"
    return (distinct[0] if distinct else None), ""


def written_stops(prev: pd.DataFrame, as_of: dt.date, skip: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    """The stop months the townships wrote for the earlier findings whose rectification is a stop.

    Args:
        prev: the earlier findings with the townships' returns.
        as_of: the review date.
        skip: positions not to read (verified as no problem).
    Returns:
        (position → 'YYYY-MM', position → what to say of a stop month written that names no one month).
    """
    from .review_events import STOPPED_BY

    stops, unclear = {}, {}
    if not len(prev) or "类别代码" not in prev.columns:
        return stops, unclear
    # (only rows whose texts write a stop word, or with a stop month column, are read one by one)
    texts = [prev[c].astype(str) for c in TEXT_COLUMNS if c in prev.columns]
    some = pd.concat(texts, axis=1).agg("".join, axis=1).str.contains(r"停[发保止]|不再发放") if texts else \
        pd.Series(False, index=prev.index)
    for col in prev.columns:
        if _COLUMN.match(str(col).removesuffix(TOWNSHIP_ADDED).strip()):
            some |= prev[col].astype(str).str.strip().ne("") & prev[col].notna()
    some &= prev["类别代码"].astype(str).isin(STOPPED_BY)
    for at in np.flatnonzero(some.to_numpy(dtype=bool)):
        if at in skip:
            continue
        f = prev.iloc[at]
        month, note = written_stop(f, as_of)
        if month:
            stops[int(at)] = month
        elif note:
            unclear[int(at)] = note
    return stops, unclear


def stops_said(prev: pd.DataFrame, rows: list[dict], stops: dict[int, str], unclear: dict[int, str], found: dict,
               months: list[str], rule: str) -> None:
    """Say on each row reported done what the ledgers make of the stop month its township wrote: none paid from it
    (the ledgers reaching that month) confirms it; a month that names no one month is said unread. Rows the ledgers
    showed paid are said in their own note (:func:`review_ledgers.overturn_note`).

    Args:
        prev: the earlier findings.
        rows: review rows parallel to ``prev`` (their 说明 changed in place).
        stops: position → the written stop month.
        unclear: position → what to say of an unclear one.
        found: positions the F findings showed paid.
        months: the months the ledgers kept pay for ('YYYY-MM', in order).
        rule: the stop rule (a dated event's own first unpaid month).
    """
    from .review import DONE
    from .review_events import event_months
    from .review_ledgers import CUT_IDS_UNCHECKED, OVERTURNED
    from .rules._money import months_text

    for at, note in unclear.items():
        if rows[at]["整改状态"] == DONE:
            add_note(rows[at], note)
    for at, month in stops.items():
        row = rows[at]
        if (row["整改状态"] != DONE or at in found or OVERTURNED in row["说明"] or CUT_IDS_UNCHECKED in row["说明"]
                or not months):
            continue
        if months[-1] < month:  # (a stop written after the ledgers' last month: nothing to confirm it; h471 unsaid)
            add_note(row, (
                f"乡镇填报 {month} 起停发，晚于所给资金发放明细的月份（{months_text(months)}），停发尚不能在明细中核对，"
                "请核实该月以前是否仍在发放"))
            continue
        # (a dated event's months before its own stop may be paid by rule: none paid from the written month is then
        # not shown)
        span = event_months(prev.iloc[at], rule)
        if span is not None and span[0] > month:
            continue
        add_note(row, (
            f"本季度资金发放明细（所属月份 {months_text(months)}）中未见 {month} 起的保障金发放，与乡镇填报的停发月份一致"))


def first_unpaid_day(month: str, rule: str) -> dt.date:
    """The exit date that makes ``month`` the first month not to be paid under the stop rule.

    Args:
        month: 'YYYY-MM'.
        rule: the stop rule ('次月' or '当月').
    Returns:
        Under 次月停发 the last day of the month before, under 当月 the month's first day.
    """
    first = dt.date.fromisoformat(month + "-01")
    return first - dt.timedelta(days=1) if rule == "次月" else first


__all__ = ["TEXT_COLUMNS", "first_unpaid_day", "stops_said", "written_stop", "written_stops"]
