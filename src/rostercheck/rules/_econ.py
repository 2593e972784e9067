"""Shared pieces of the economic checks (C03–C10): money text, links, list predicates.

Every predicate takes its policy words from the TOML parameters of the check that owns them, so that a
user configures each value in one place: pension statuses in [C03], vehicle and property words in
[C04], business statuses and the employee threshold in [C05], wage months in [C06].
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

import pandas as pd

from ..model import CONFIDENCE_ORDER, HIGH, LOW, MEDIUM, Context
from ..match import other_name
from ..namematch import NameMatchParams
from ..normalize import codes, ids
from ..normalize.codes import UNKNOWN, classify
from ..io.table import counted_field
from ..normalize.values import month
from . import links
from ._money import month_add

T = TypeVar("T")


@dataclass
class Hit:
    """One reference row that says something about one member.

    Attributes:
        member: the member index.
        r: the reference row index.
        confidence: link confidence (高/中).
        key: the Chinese text saying which key agreed.
    """

    member: int
    r: int
    confidence: str
    key: str


def money_text(value: float) -> str:
    """Return an amount as '2,800.00'.

    Args:
        value: the amount.
    Returns:
        The text with thousands separators and two decimals.
    """
    return f"{value:,.2f}"


def above_text(value: float, limit: float) -> str:
    """An amount compared as above a limit, as :func:`money_text` shows it, with more decimals where two would not show
    it above (1,548.01 ÷ 3 = 516.0033 > 516, not '516.00 > 516')."""
    text = money_text(value)
    if value > limit and round(value, 2) <= limit:
        for digits in (3, 4, 6):
            if round(value, digits) > limit:
                return f"{value:,.{digits}f}"
    return text


def standard_text(value: float) -> str:
    """Return a standard as '516' (no decimals when whole) or '516.50'.

    Args:
        value: the standard.
    Returns:
        The text.
    """
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def has_any(text: object, words: list[str]) -> bool:
    """Return whether a cell's text contains any of the words.

    Args:
        text: the cell value.
        words: the words.
    Returns:
        True on the first word found.
    """
    s = "" if text is None or (isinstance(text, float) and text != text) else str(text)
    return bool(s) and any(w and w in s for w in words)


def weakest(confidences: list[str]) -> str:
    """Return the weakest of several confidences (低 < 中 < 高).

    Args:
        confidences: the confidences (at least one).
    Returns:
        The weakest one, 高 for an empty list.
    """
    return max(confidences, key=lambda c: CONFIDENCE_ORDER.get(c, 2), default=HIGH)


def hits(ctx: Context, kind: str) -> dict[int, list[Hit]]:
    """Return member → the rows of a reference list linked to that member (empty without the list); made once per list
    (checks ask it for one person at a time: :func:`gone_copy`). Read only: the mapping is shared.

    Args:
        ctx: the audit context.
        kind: the reference kind.
    Returns:
        The mapping; members without rows are absent.
    """
    if not ctx.has(kind):
        return {}
    key = f"hits:{kind}"
    if key not in ctx.cache:
        out: dict[int, list[Hit]] = {}
        gone = not_held(ctx, kind)
        found = links(ctx, kind)  # (columns as lists: a text column's cells one by one through pandas are slow)
        for m, r, conf, link in zip(*(found[c].tolist() for c in ("m", "r", "confidence", "key"))):
            if int(r) not in gone:
                out.setdefault(int(m), []).append(Hit(int(m), int(r), conf, link))
        ctx.cache[key] = out
    return ctx.cache[key]


# The lists whose rows say when the thing became and stopped being the person's (io.columns._held_dates)
HELD_KINDS = ("vehicles", "properties", "businesses")


def not_held(ctx: Context, kind: str) -> set[int]:
    """The linked rows of a vehicle, property or business list not the person's on the review date (held-out 198):
    registered after it (初次登记日期, 登簿日期, 成立日期: said in a notice, ``<kind>:later``), or deregistered or
    transferred away before it (注销日期) with the status cell blank (a status written decides)."""
    key = f"not-held:{kind}"
    if key not in ctx.cache:
        rows = linked_rows(ctx, kind) if kind in HELD_KINDS else {}
        why = {r: why_not_held(row, ctx.as_of) for r, row in rows.items()}
        ctx.cache[key] = {r for r, w in why.items() if w}
        note_later(ctx, kind, sum(w == "later" for w in why.values()))
    return ctx.cache[key]


# A list's start date and what a row dated after the review date was not yet on it, for the notice of :func:`note_later`
_LATER = {"staff": ("入职（任职）日期", "尚未任职"), "cadres": ("任职日期", "尚未任职")}


def note_later(ctx: Context, kind: str, n: int) -> None:
    """Say in a notice (``<kind>:later``) that ``n`` linked rows of a list begin after the review date and were left out:
    a vehicle, home or business not yet the person's, a post not yet held (held-out 223)."""
    if n:
        what, then = _LATER.get(kind, ("登记日期", "尚不属于本人"))
        ctx.cache[f"{kind}:later"] = [f"{ctx.labels[kind]}中与花名册人员有关的 {n} 条记录的{what}在核查基准日 "
                                      f"{ctx.as_of.isoformat()} 之后，核查基准日时{then}，未计入"]


def why_not_held(row: Mapping, day: dt.date) -> str:
    """'later' for a row registered after a day, 'ended' for one deregistered before it with its status blank, else ''."""
    if in_force_on(row, day):
        return ""
    if begins_after(row, day):
        return "later"
    return "ended" if not text_of(row, "status").strip() else ""


def linked_rows(ctx: Context, kind: str) -> dict[int, dict]:
    """Return row index → the row as a dict, for every row of a list linked to a member (computed once).

    Reading rows one by one through pandas is slow; one conversion of the linked rows is not.

    Args:
        ctx: the audit context.
        kind: the reference kind.
    Returns:
        The mapping (empty without the list).
    """
    key = f"linked-rows:{kind}"
    if key not in ctx.cache:
        if not ctx.has(kind):
            return {}
        rs = sorted({int(r) for r in links(ctx, kind)["r"]})
        rows = ctx.lists[kind].loc[rs]
        cols = list(rows.columns)
        ctx.cache[key] = {r: dict(zip(cols, row)) for r, row in zip(rs, zip(*(rows[c].tolist() for c in cols)))}
    return ctx.cache[key]


def text_of(row: Mapping, fld: str) -> str:
    """Return a text cell of a row dict ('' for blanks and missing columns), like :func:`cell`.

    Args:
        row: a row from :func:`linked_rows`.
        fld: the canonical field.
    Returns:
        The text.
    """
    return _text(row.get(fld))


def exact_rows(ctx: Context, kind: str, person_id: str) -> list[int]:
    """Return the rows of a list whose valid ID equals a valid ID exactly (never a repaired or name match).

    Args:
        ctx: the audit context.
        kind: the reference kind.
        person_id: a valid 18-character ID.
    Returns:
        Row indices (empty without the list).
    """
    if not person_id or not ctx.has(kind):
        return []
    key = f"valid-ids:{kind}"
    if key not in ctx.cache:
        ref = ctx.lists[kind]
        index: dict[str, list[int]] = {}
        for r, v, st in zip(ref.index, ref["id"], ref["id_status"]):
            if st == "valid" and v:
                index.setdefault(v, []).append(int(r))
        ctx.cache[key] = index
    found = ctx.cache[key].get(person_id, [])
    if kind not in HELD_KINDS:
        return found
    ref = ctx.lists[kind]  # (a supporter's rows are no roster member's: not among the linked rows)
    return [r for r in found if not why_not_held(ref.loc[r], ctx.as_of)]


def former_rows(ctx: Context, kind: str, person_id: str, former_id: str, name_key: str) -> dict[int, str]:
    """Return the rows of a list a person's former ID (原身份证号) finds, beyond :func:`exact_rows` of her ID: those under
    her former ID, and those whose own 原身份证号 column holds her ID (held-out 350: a supporter's wages under his old ID).
    Each with '' when the row's name is hers and the two IDs can be one person's (:func:`ids.former_apart`), else why
    not (another name, sex or generation: a 原身份证号 column may hold someone else's ID) — such a row is only a 低 lead.

    Args:
        ctx: the audit context.
        kind: the reference kind.
        person_id: the person's valid ID.
        former_id: her valid former ID, or ''.
        name_key: her name key ('' : every row is said to be of another name).
    Returns:
        Row index → '' or the reason in Chinese.
    """
    if not person_id or not ctx.has(kind):
        return {}
    ref = ctx.lists[kind]
    key = f"valid-former-ids:{kind}"
    if key not in ctx.cache:
        index: dict[str, list[int]] = {}
        if "former_id" in ref.columns:
            for r, v, st, own in zip(ref.index, ref["former_id"], ref["former_id_status"], ref["id"]):
                if st == "valid" and v and v != own:
                    index.setdefault(v, []).append(int(r))
        ctx.cache[key] = index
    gap = NameMatchParams.from_common(ctx.common).former_birth_gap
    pairs = [(r, person_id, former_id) for r in (exact_rows(ctx, kind, former_id) if former_id else [])]
    pairs += [(r, str(ref.at[r, "id"]) if ref.at[r, "id_status"] == "valid" else "", person_id)
              for r in ctx.cache[key].get(person_id, [])
              if kind not in HELD_KINDS or not why_not_held(ref.loc[r], ctx.as_of)]
    seen = set(exact_rows(ctx, kind, person_id))
    out: dict[int, str] = {}
    for r, current, former in pairs:
        if r in seen or r in out:
            continue
        theirs = str(ref.at[r, "name_key"]) if "name_key" in ref.columns else ""
        why = ids.former_apart(current, former, gap)
        if not why and (not name_key or not theirs or other_name(name_key, theirs)):
            why = f"名单上姓名为“{ref.at[r, 'name'] if 'name' in ref.columns else ''}”，与本人姓名不一致"
        out[int(r)] = why
    return out


ACTIVE, INACTIVE = "active", "inactive"


def status_class(status: object, active: list[str], inactive: list[str]) -> str:
    """Return the class of a status cell: INACTIVE words win ('暂停发放' is not '发放'), then ACTIVE.

    Args:
        status: the status cell.
        active: words meaning in force.
        inactive: words meaning ended or suspended.
    Returns:
        ACTIVE, INACTIVE, '' for a blank cell, UNKNOWN for a value with none of the words.
    """
    if not isinstance(status, str):
        return classify(status, ((INACTIVE, inactive), (ACTIVE, active)))
    # A list repeats a few statuses over many rows: each judged once per pair of word lists (held in the memo,
    # so that their ids stay theirs).
    key = (status, id(active), id(inactive))
    hit = _STATUS_MEMO.get(key)
    if hit is None or hit[0] is not active or hit[1] is not inactive:
        if len(_STATUS_MEMO) > 10_000:
            _STATUS_MEMO.clear()
        hit = _STATUS_MEMO[key] = (active, inactive, classify(status, ((INACTIVE, inactive), (ACTIVE, active))))
    return hit[2]


_STATUS_MEMO: dict[tuple[str, int, int], tuple[list[str], list[str], str]] = {}


def status_active(status: object, active: list[str], inactive: list[str], blank_counts: bool) -> bool:
    """Return whether a status cell means 'in force' (an unknown status never does).

    Args:
        status: the status cell.
        active: words meaning in force.
        inactive: words meaning ended or suspended.
        blank_counts: what a blank status means.
    Returns:
        True when in force.
    """
    k = status_class(status, active, inactive)
    return blank_counts if k == "" else k == ACTIVE


def pension_status(row: Mapping, params: dict) -> str:
    """Return the class of a pension row's 发放状态 (ACTIVE = in payment).

    Args:
        row: a pensions row.
        params: the [C03] parameters.
    Returns:
        ACTIVE, INACTIVE, '' or UNKNOWN.
    """
    return status_class(row.get("status"), params["paying_statuses"], params["stopped_statuses"])


# A cell that is wholly a short code of the exporting system ('1', '02', 'A3')
BARE_CODE = re.compile(r"[0-9A-Za-z]{1,4}")
_BULK = 2 / 3  # the share of a list's filled cells one unread code must hold to be taken for the list's usual state
_FEW = 5  # … of this many filled cells at least (a list of three says nothing of its bulk)


def bulk_code(ctx: Context, kind: str, fld: str, decide: Callable[[str], str]) -> str:
    """The bare code (``BARE_CODE``) no word reads (``decide`` calls it UNKNOWN) that two thirds or more (``_BULK``) of a
    list's filled cells of a status column hold, five cells or more: the state most of the list's rows are in (a staff
    list's serving people, a pension list's pensions in payment, a business list's businesses in operation; h389: '1' of
    34 beside one '2' 退休); '' otherwise. Judged once per list and column over its distinct values (:func:`status_counts`:
    of a filtered list, over the whole file when its status cells were counted before the filter, ``Table.statuses``;
    else over the rows kept: the members' and the people of the lists read whole).

    Args:
        ctx: the audit context.
        kind: the list.
        fld: its status field.
        decide: a (stripped) value → its class, UNKNOWN for one no word list reads.
    Returns:
        The code, or ''.
    """
    key = f"bulk_code:{kind}:{fld}"
    if key not in ctx.cache:
        counts, bulk = status_counts(ctx, kind, fld), ""
        total = sum(counts.values())
        top, n = counts.most_common(1)[0] if counts else ("", 0)
        if total >= _FEW and n >= _BULK * total and BARE_CODE.fullmatch(top) and decide(top) == UNKNOWN:
            bulk = top
        ctx.cache[key] = bulk
    return ctx.cache[key]


def status_counts(ctx: Context, kind: str, fld: str) -> Counter:
    """A list column's filled cells, value → rows (once per list and column): of a filtered list, the whole file's as
    counted before the filter (``Table.statuses``, ``ctx.cache[LIST_STATUSES]``: the few rows kept are the members'),
    else the rows'."""
    key = f"status_counts:{kind}:{fld}"
    if key not in ctx.cache:
        frame = ctx.lists[kind]
        whole = ctx.cache.get(LIST_STATUSES, {}).get(kind) if fld == counted_field(kind) else None
        ctx.cache[key] = (whole if whole is not None else
                          codes.written_counts(frame[fld]) if fld in frame.columns else Counter())
    return ctx.cache[key]


def lean_code(ctx: Context, kind: str, fld: str, decide: Callable[[str], str]) -> str:
    """Of a list without a bulk code (:func:`bulk_code`: under five filled cells, or no code holding two thirds), the
    bare code no word reads that more than half of its filled cells hold, two at least ('1' of a staff list of three
    beside one '2'): likely the list's usual state, too few or too mixed to be sure of; '' otherwise (a list of one, a
    '1' beside a '2': nothing tells which is which).

    Args:
        ctx: the audit context.
        kind: the list.
        fld: its status field.
        decide: as :func:`bulk_code`'s.
    Returns:
        The code, or ''.
    """
    if bulk_code(ctx, kind, fld, decide):
        return ""
    counts = status_counts(ctx, kind, fld)
    top, n = counts.most_common(1)[0] if counts else ("", 0)
    lean = n >= 2 and n * 2 > sum(counts.values()) and BARE_CODE.fullmatch(top) and decide(top) == UNKNOWN
    return top if lean else ""


# The list columns whose bulk code (:func:`bulk_code`) the checks read as the usual state
BULK_READ = (("staff", "status"), ("cadres", "status"), ("pensions", "status"), ("businesses", "status"))


# ----------------------------------------------------------------------------- pensions ([C03])
def _paid_amount(row) -> bool:
    """Whether a pensions row has a positive amount (a blank or 0 is no pension, whatever its status)."""
    amount = row.get("amount")
    return not (amount is None or amount != amount or amount <= 0)


def pension_in_payment(row, params: dict) -> bool:
    """Return whether a pension row is in payment with a positive amount.

    Args:
        row: a pensions row (a Series or a dict with amount and status).
        params: the [C03] parameters.
    Returns:
        True when it counts as income.
    """
    if not _paid_amount(row):
        return False
    return status_active(row.get("status"), params["paying_statuses"], params["stopped_statuses"],
                         bool(params["blank_status_counts"]))


def pension_ended_later(row: Mapping, params: dict, day: dt.date) -> str:
    """The note for a pension row with a positive amount whose 发放状态 says it stopped (终止, 停发) while its own end date
    (待遇终止年月) is after the review date: the status was written when the list was exported, the pension was still paid
    on the review date and counts (:func:`ended_after`, as C01, C02, C04 and C05 read theirs; held-out 239: 终止 beside
    待遇终止年月 202607 was no pension as of 2026-03-31), else ''.

    Args:
        row: a pensions row.
        params: the [C03] parameters.
        day: the review date.
    Returns:
        The note (:func:`ended_later_text`), or ''.
    """
    if not _paid_amount(row):
        return ""
    if pension_status(row, params) != INACTIVE or not ended_after(row, day):
        return ""
    return ended_later_text(f"发放状态 {text_of(row, 'status')}", end_label(row, "待遇终止年月"), row["end"], "仍在领取")


def in_force_on(row: Mapping, day: dt.date) -> bool:
    """Whether a list row's own start and end dates (待遇开始年月 and 待遇终止年月, 初次登记日期 and 注销日期) have it in
    force on a day: begun by then and not ended before it (held-out 198). A date not written or not read decides nothing."""
    return not begins_after(row, day) and not ended_before(row, day)


def begins_after(row: Mapping, day: dt.date) -> bool:
    """Whether a list row's own start date (初次登记日期, 待遇开始年月, 任职日期) is after a day (held-out 198, 223)."""
    start = row.get("start")
    return isinstance(start, dt.date) and start > day


def ended_before(row: Mapping, day: dt.date) -> bool:
    """Whether a list row's own end date (注销日期, the earliest of several: reference._own_dates) is before a day."""
    end = row.get("end")
    return isinstance(end, dt.date) and end < day


def ended_after(row: Mapping, day: dt.date) -> bool:
    """Whether a list row's own end date (离任日期, 注销日期) is after a day: a status word beside it (离任, 注销), written
    when the list was exported, says a change the day had not yet seen (held-out 228: a list exported after the quarter)."""
    end = row.get("end")
    return isinstance(end, dt.date) and end > day


def ended_yet_active(row: Mapping, day: dt.date) -> str:
    """The note for a row whose status says it is held or in operation (正常, 存续: else it is no asset) while its own end
    date (注销日期, 报废日期, 吊销日期) is before the review date: one of the two is wrong, and the date, the registry's
    record of the change, is the likelier; the finding is a 低 lead with both shown (held-out 230: a car 正常 but 报废
    2025-08-20 was C04 高 and a family's application 有疑点; 存续 beside 吊销 2025-04-01 was C05 中), else ''."""
    if not ended_before(row, day):
        return ""
    return (f"但{end_label(row)} {row['end'].isoformat()} 早于核查基准日 {day.isoformat()}，与状态不符：按该日期核查基准日时已不属于本人"
            "（已注销或停业），只作待核线索，请核实")


def end_label(row: Mapping, default: str = "注销日期") -> str:
    """The header a row's own end date was read from (离任日期, 报废日期, 吊销日期 …), else ``default``."""
    return text_of(row, "end_label") or default


def ended_later_text(said: str, label: str, end: dt.date, still: str) -> str:
    """'任职状态 离任，但离任日期 2026-10-20 在核查基准日之后：核查基准日时仍在任': why a status word saying the post, the
    custody or the record ended did not decide (:func:`ended_after`)."""
    return f"{said}，但{label} {end.isoformat()} 在核查基准日之后：核查基准日时{still}"


def dated(fields: dict[str, str], row: Mapping, start: str, end: str) -> dict[str, str]:
    """Evidence labels (:func:`values`) with a row's own start and end dates added, each under the header it was read from,
    else ``start`` or ``end`` ('任职日期 2026-08-01', '吊销日期 2025-11-30': the dates the review date was judged by,
    held-out 223)."""
    return {**fields, "start": text_of(row, "start_label") or start, "end": text_of(row, "end_label") or end}


def pensions(ctx: Context, unread: bool = False) -> dict[int, list[Hit]]:
    """Return member → pension rows in payment (the latest month per insurance when months are given).

    Args:
        ctx: the audit context.
        unread: instead, the rows whose 发放状态 no word list reads (a system's code '1'), as 低 hits saying so:
            C03 looks at them only for a household its pensions in payment do not flag.
    Returns:
        The mapping.
    """
    if "pensions_paid" not in ctx.cache:  # both kinds in one pass over the linked rows
        ctx.cache["pensions_paid"] = _pensions(ctx)
    return ctx.cache["pensions_paid"][unread]


def _pensions(ctx: Context) -> tuple[dict[int, list[Hit]], dict[int, list[Hit]]]:
    """(member → pension rows in payment, member → rows of an unread status), see :func:`pensions`."""
    params = ctx.specs["C03"].params
    rows = linked_rows(ctx, "pensions")
    cut = ctx.as_of.strftime("%Y-%m")
    # (the whole file's months, though only the rows that can be the members' are kept: held-out 239)
    listed = month_rows(ctx, "pensions")[0]["month"]
    listed = listed[listed <= cut]
    # the month a person's last row must reach to be in payment: the list's latest up to the review date's, less
    # [C03] stale_months
    stale = month_add(listed.max(), -int(params["stale_months"])) if len(listed) else ""
    paid: dict[int, list[Hit]] = {}
    unread: dict[int, list[Hit]] = {}
    left: dict[str, dict[int, str]] = {}  # why → row → an example, for the notice of rows left out (held-out 205)
    judged = _pension_rows(params, cut, ctx.as_of)
    bulk = bulk_code(ctx, "pensions", "status",
                     lambda value: status_class(value, params["paying_statuses"], params["stopped_statuses"]))
    for m, hs in hits(ctx, "pensions").items():
        in_payment: dict[tuple[str, str], dict[int, Hit]] = {}
        not_read: dict[tuple[str, str], dict[int, Hit]] = {}
        regular = []
        for h in hs:
            said = judged(rows[h.r])
            if said[0]:
                left.setdefault(said[0], {})[h.r] = f"{ctx.value(m, 'name')} {_pension_said(rows[h.r], said[0])}".strip()
            else:
                regular.append((h, said))
        last: dict[str, str] = {}  # per insurance, the latest month of any status: a pension stopped since is not paid
        for _, (_, insurance, mon, _, _) in regular:
            last[insurance] = max(last.get(insurance, ""), mon)
        for h, (_, insurance, mon, stream, state) in regular:  # the same row linked twice (exact and repaired) counts once
            if mon < last[insurance]:
                continue  # an earlier month's row: the latest month's status decides (正常 in May, 待遇终止 in June)
            if "" < mon[:7] < stale:
                continue  # paid last months before the list's latest: stopped since (held-out 198: a 发放明细's rows end)
            if state == _PAID:
                in_payment.setdefault(stream, {}).setdefault(h.r, h)
            elif state == _UNREAD and (code := text_of(rows[h.r], "status")) == bulk:
                # the code most of the list's rows hold: its pensions in payment, at most 中 (h389: 4 of 6 '1', all 低)
                h = Hit(h.member, h.r, weakest([h.confidence, MEDIUM]),
                        f"{h.key}（发放状态“{code}”未能识别，名单中多数记录是这一代码，按在发计）")
                in_payment.setdefault(stream, {}).setdefault(h.r, h)
            elif state == _UNREAD:
                h = Hit(h.member, h.r, LOW, f"{h.key}（发放状态“{code}”未能识别，按在发计）")
                not_read.setdefault(stream, {}).setdefault(h.r, h)
        for by_insurance, out in ((in_payment, paid), (not_read, unread)):
            keep = _latest(by_insurance, rows)
            if keep:
                out[m] = keep
    if left:
        ctx.cache["pensions:left"] = [left_out_text(f"{ctx.labels['pensions']}中与花名册人员有关的记录未计入月收入的", left)]
    return paid, unread


ONE_OFF, LATER_MONTH = "一次性或补发待遇", "核查基准日之后的月份"
_PAID, _UNREAD = "paid", "unread"
# the cells of a pension row that _pension_left_out, own_stream, pension_in_payment, pension_ended_later (whether it says
# anything) and pension_status read
_PENSION_CELLS = ("pay_kind", "insurance", "remark", "month", "start", "end", "status", "amount")


def _pension_rows(params: dict, cut: str, day: dt.date) -> Callable[[Mapping], tuple[str, str, str, tuple[str, str], str]]:
    """What :func:`_pensions` reads of a pension row: why it is left out (:func:`_pension_left_out`, '' when it is not),
    its 险种 and month, its stream (the 险种, and the 待遇类别 of a benefit of its own beside it: 遗属补助, 职业年金) and
    whether it is in payment (_PAID: :func:`pension_in_payment`, or :func:`pension_ended_later`), of a 发放状态 no word
    list reads with an amount (_UNREAD) or neither (''). Rows alike in the cells these read (``_PENSION_CELLS``, each of
    the same type) are judged once: a list repeats a few 险种, statuses and amounts over many rows.

    Args:
        params: the [C03] parameters.
        cut: the review date's month ('YYYY-MM').
        day: the review date.
    Returns:
        row → (why, insurance, month, stream, state).
    """
    memo: dict[tuple, tuple[str, str, str, tuple[str, str], str]] = {}

    def judged(row: Mapping) -> tuple[str, str, str, tuple[str, str], str]:
        cells = tuple(map(row.get, _PENSION_CELLS))
        key = (cells, tuple(map(type, cells)))
        got = memo.get(key)
        if got is None:
            why = _pension_left_out(row, params, cut, day)
            state = ""
            if not why and (pension_in_payment(row, params) or pension_ended_later(row, params, day)):
                state = _PAID
            elif not why and pension_status(row, params) == UNKNOWN and (row.get("amount") or 0) > 0:
                state = _UNREAD
            insurance = text_of(row, "insurance")
            stream = (insurance, text_of(row, "pay_kind") if own_stream(row, params) else "")
            got = memo[key] = (why, insurance, text_of(row, "month"), stream, state)
        return got

    return judged


def left_out_text(head: str, left: dict[str, dict[int, str]]) -> str:
    """One line of a notice of a list's rows left out of the income (held-out 205): per reason its count and two examples.

    Args:
        head: what the rows are ('养老金发放名单（x.xlsx）中…未计入月收入的').
        left: reason → row → what shows it ('张三 丧葬补助金').
    """
    # (two examples taken, not a list of every row: :func:`wage_of` says the notice again after each person's rows)
    return f"{head}：" + "；".join(f"{why} {len(said)} 条（如 {'、'.join(islice(said.values(), 2))}）"
                                   for why, said in left.items())


def _pension_left_out(row: Mapping, params: dict, cut: str, day: dt.date) -> str:
    """Why a pension row is no monthly income ('' when it may be): a one-off grant (一次性丧葬补助金), whether its kind, its
    type column or a 备注 beside its kind says so (held-out 321: '一次性补发' in 备注 unread); a month after the review date
    (held-out 142: a pension starting 2027-01 was C03 高 as of 2026-12-31); begun after the review date or stopped before
    it (待遇开始年月, 待遇终止年月: held-out 198)."""
    if has_any(" ".join(text_of(row, f) for f in ("pay_kind", "insurance", "remark")), params["one_off_words"]):
        return ONE_OFF
    if text_of(row, "month")[:7] > cut:
        return LATER_MONTH
    if in_force_on(row, day):
        return ""
    return "待遇尚未开始" if begins_after(row, day) else "待遇已终止"


def _pension_said(row: Mapping, why: str) -> str:
    """What shows a pension row left out for a reason of :func:`_pension_left_out`: its 待遇类别 (a one-off), its month
    (after the review date), else its start and end dates."""
    if why == ONE_OFF:  # (its kind or type, and a 备注 beside them, which may be what said so)
        said, remark = text_of(row, "pay_kind") or text_of(row, "insurance"), text_of(row, "remark")
        return f"{said}（备注：{remark}）" if said and remark else said or remark
    if why == LATER_MONTH:
        return text_of(row, "month")[:7]
    dates = (("待遇开始", row.get("start")), ("终止", row.get("end")))
    return "，".join(f"{what} {day:%Y-%m}" for what, day in dates if isinstance(day, dt.date))


def own_stream(row: dict, params: dict) -> bool:
    """Whether a pension row's 待遇类别 names a monthly benefit of its own beside the pension of its 险种
    (``own_stream_words``: 遗属补助, 职业年金)."""
    kind = text_of(row, "pay_kind")
    return any(w in kind for w in params["own_stream_words"])


def pension_kind(row: dict, params: dict, shown: bool = False) -> str:
    """A pension row's kind for the evidence: its 险种's meaning (``shown``: the code with it, '110（企业职工基本养老保险）'),
    and the benefit of its own it pays ('…·遗属补助'); '' when the row names none."""
    info = codes.insurance(text_of(row, "insurance"))
    kind = (info.shown if shown else info.meaning) or ""
    if own_stream(row, params):
        kind = f"{kind}·{text_of(row, 'pay_kind')}" if kind else text_of(row, "pay_kind")
    return kind


def _latest(by_stream: dict[tuple[str, str], dict[int, Hit]], rows) -> list[Hit]:
    """A member's pension rows: per insurance (and benefit of its own beside it), those of its latest month (one of
    them for a named insurance)."""
    keep = []
    for (insurance, _), group in by_stream.items():
        latest = max(text_of(rows[r], "month") for r in group)
        current = [h for r, h in group.items() if text_of(rows[r], "month") == latest]
        if insurance and len(current) > 1:
            # One regular payment per insurance and month; extra rows are back pay (补发) or corrections:
            # keep the smallest so that a one-off never inflates the monthly income.
            current = [min(current, key=lambda h: float(rows[h.r].get("amount", 0.0)))]
        keep += current
    return keep


def cell(ref: pd.DataFrame, r: int, fld: str) -> str:
    """Return a text cell of a reference row ('' when the list has no such column).

    Args:
        ref: a normalised reference frame.
        r: the row index.
        fld: the canonical field.
    Returns:
        The text.
    """
    return _text(ref.at[r, fld]) if fld in ref.columns else ""


def _text(v: object) -> str:
    return "" if v is None or (isinstance(v, float) and v != v) else str(v)


# ----------------------------------------------------------------------------- wages ([C06])
@dataclass
class Wage:
    """A member's average monthly wage over the months of the wages list.

    Attributes:
        member: the member index.
        average: yuan per month.
        rows: the wage rows used.
        confidence: the weakest link confidence among the rows.
        key: the key text of the first row.
        period: what the average is of, for evidence texts: :func:`months_text` of the months, or the year of an
            annual base table ('2026 年度').
        months: the list's months the member has rows of (empty for an annual base table or a list without months).
        total: the wages added up before averaging.
    """

    member: int
    average: float
    rows: list[int]
    confidence: str
    key: str
    period: str = ""
    months: list[str] = field(default_factory=list)
    total: float = 0.0


def wage_rows(ref: pd.DataFrame, rows: list[int]) -> str:
    """The spreadsheet rows of some wage-list rows, each once ('12、40'): a wide list gives every month one row.

    Args:
        ref: the wages list.
        rows: its row indices.
    Returns:
        The row numbers, joined.
    """
    return "、".join(dict.fromkeys(str(int(ref.at[r, "_row"])) for r in rows))


def wage_sheet(ref: pd.DataFrame, rows: list[int]) -> str:
    """'工作表“缴费工资”' before the row numbers of :func:`wage_rows` when the list was read from a named sheet (a
    workbook of several, as :func:`rules.where` says it; held-out 101: its first sheet's row 2 was someone else)."""
    sheets = list(dict.fromkeys(str(ref.at[r, "_sheet"] or "") for r in rows)) if "_sheet" in ref.columns else []
    return "、".join(f"工作表“{s}”" for s in sheets if s)


LIST_STATUSES = "list_statuses"  # ctx.cache: kind → the whole file's status cells → rows, ``Table.statuses``
LIST_MONTHS = "list_months"  # ctx.cache: kind → the whole file's rows per (month cell, 缴费类型 cell), ``Table.months``


def month_rows(ctx: Context, kind: str) -> tuple[pd.DataFrame, bool]:
    """A monthed list's rows per month and 缴费类型: the whole file's when it was filtered to the people of interest
    (``io.table.Table.months``; held-out 239: months with only people on no roster were no month of the list), else
    the rows read.

    Args:
        ctx: the audit context.
        kind: 'wages' or 'pensions'.
    Returns:
        (a frame of month ('YYYY-MM', never blank), pay_type (text) and n, whether it counts the whole file).
    """
    whole = ctx.cache.get(LIST_MONTHS, {}).get(kind)
    ref = ctx.lists.get(kind)
    if whole is not None:
        f = pd.DataFrame(whole, columns=["month", "pay_type", "n"], dtype=object)
        named = {v: month(v) for v in set(f["month"].tolist())}
        f["month"] = [named[v] for v in f["month"].tolist()]
        f["pay_type"] = ["" if v is None else str(v).strip() for v in f["pay_type"].tolist()]
    elif ref is not None and "month" in ref:
        f = pd.DataFrame({"month": ref["month"].astype(str).str[:7].tolist(),
                          "pay_type": ref["pay_type"].tolist() if "pay_type" in ref else [""] * len(ref), "n": 1})
    else:
        f = pd.DataFrame({"month": [], "pay_type": [], "n": []}, dtype=object)
    f["n"] = f["n"].astype(int)
    return f[f["month"] != ""].reset_index(drop=True), whole is not None


def wage_months(ctx: Context) -> list[str]:
    """Return the months the wage averages are taken over ([C06] months, else the list's months in the [C06]
    window_months ending at the review date's month).

    Args:
        ctx: the audit context.
    Returns:
        Sorted 'YYYY-MM' texts; [''] when the list names no months (its rows are one period).
    """
    if "wage_months" in ctx.cache:
        return ctx.cache["wage_months"]
    ref = ctx.lists.get("wages")
    params = ctx.specs["C06"].params
    wanted = [month(m) or str(m) for m in params.get("months", [])]
    counted = ref is not None and "month" in ref
    if ref is not None and not counted and "year" not in ref and ref["id"][ref["id"] != ""].duplicated().any():
        # several rows a person and no month column read: each person's rows are summed as one month's wage (held-out
        # 229: a quarter's list headed 工资月份 tripled every wage, said in the evidence alone)
        ctx.cache["wages:unmonthed"] = [
            f"{ctx.labels['wages']}中同一人有多行记录，但未找到月份列（如“月份”“所属期”），每人的各行按 1 个月的工资合计；"
            "如名单有月份列，请将其改名为“月份”后重新运行"]
    # (a 补缴 row is no wage of its month, :func:`wages`: nor does it make its month one of the list's; held-out 219: one
    # for 2025-12 in a list of July to September made every average a quarter lower)
    # (the list's months are the whole file's, though only the rows that can be the members' are kept: held-out 239)
    rows, whole = month_rows(ctx, "wages") if counted else (None, False)
    back = (rows["pay_type"].map(lambda v: has_any(v, params.get("back_pay_words", []))).to_numpy(dtype=bool)
            if counted else False)
    counts = rows[~back].groupby("month")["n"].sum() if counted else pd.Series(dtype=int)
    present = sorted(counts.index.tolist())
    # months after the review date are no wage of the period judged (held-out 142: 2027-01 in a Q4 2026 audit)
    cut = ctx.as_of.strftime("%Y-%m")
    later = [m for m in present if len(m) == 7 and m > cut]
    if later and len(later) < len(present):
        present = [m for m in present if m not in later]
        counts = counts.drop(later)
        ctx.cache["wages:later"] = [f"社保缴费工资名单中 {'、'.join(later)} 在核查基准日 {ctx.as_of.isoformat()} 之后，不计入月均工资"]
    # … nor those before the [C06] window_months ending at the review date's month (held-out 198: a list of 33 months
    # made 3,200 a month since July a 291 average, and a job left in 2024 a C06 高)
    first = month_add(cut, 1 - int(params["window_months"]))
    earlier = [m for m in present if len(m) == 7 and m < first]
    if not wanted and earlier and len(earlier) < len(present):
        present = [m for m in present if m not in earlier]
        counts = counts.drop(earlier)
        ctx.cache["wages:outside"] = [
            f"社保缴费工资名单中 {earlier[0]} 至 {earlier[-1]} 在核查基准日前 {int(params['window_months'])} 个月（{first} 至 {cut}）"
            f"之外，不计入月均工资"]
    if wanted:
        result = sorted(m for m in present if m in wanted) or sorted(wanted)
    else:
        # a month with a few rows beside the list's months (a 补缴 or a correction for 2025-12 in a list of July to
        # September) is not one of them: every member's average would be taken over it too
        least = float(params["thin_month_share"]) * float(counts.median()) if len(counts) else 0.0
        thin = [m for m in present if counts[m] < least]
        result = [m for m in present if m not in thin] or [""]
        if thin:
            ctx.cache["wages:thin"] = [
                f"社保缴费工资名单中{'' if whole else '与花名册人员有关的记录'}，{'、'.join(f'{m}只有 {counts[m]} 行' for m in thin)}，远少于其他月份"
                f"（每月约 {int(counts.median())} 行），视为补缴或更正，不计入月均工资（按 {months_text(result)}计）；"
                "如需计入，请在配置 [C06] months 中列出要用的月份。"]
    ctx.cache["wage_months"] = result
    return result


def wages(ctx: Context) -> dict[int, Wage]:
    """Return member → average monthly wage over the list's months (all employers added up, :func:`wage_of`).

    Args:
        ctx: the audit context.
    Returns:
        The mapping (members with a positive average only).
    """
    if "wages_avg" in ctx.cache:
        return ctx.cache["wages_avg"]
    out: dict[int, Wage] = {}
    rows = linked_rows(ctx, "wages")
    for m, hs in hits(ctx, "wages").items():
        w = wage_of(ctx, hs, rows, ctx.value(m, "name"))
        if w:
            out[m] = w
    ctx.cache["wages_avg"] = out
    return out


def wage_of(ctx: Context, hs: list[Hit], rows: Mapping[int, Mapping], who: str, whose: str = "花名册人员") -> Wage | None:
    """One person's average monthly wage from his rows of the wages list: the one computation of C06, C07 and C08.

    Rows of months outside :func:`wage_months`, 补缴 rows, a tax export's income other than work's ([C06]
    income_item_words) and an annual table's later years are left out; the rest are netted per month (a 退费 row of
    -3,000 cancels its month's 3,000; a month netting to nothing or less has no wage); an annual base table gives the
    review date's year (:func:`_of_year`). The rows left out are counted in a notice (``wages:left``, for supporters
    ``wages:left:赡养人``: each check's group may run in a copy of its own).

    Args:
        ctx: the audit context.
        hs: the person's rows (each row's link confidence and key; member -1 for a person off the roster).
        rows: row index → the row, for every row of ``hs``.
        who: the person's name, for the notice's examples.
        whose: whose rows they are, for the notice ('花名册人员', '赡养人').
    Returns:
        The wage, or None when no month has a positive one.
    """
    ref = ctx.lists.get("wages")
    months = wage_months(ctx) if ref is not None else []
    annual = months == [""] and ref is not None and "year" in ref.columns and bool(wage_years(ctx))
    params = ctx.specs["C06"].params
    notice = "wages:left" if whose == "花名册人员" else f"wages:left:{whose}"
    left: dict[str, dict[int, str]] = ctx.cache.setdefault(notice + ":rows", {})
    used, seen, copies = [], set(), set()
    for h in hs:
        row = rows[h.r]
        mon = text_of(row, "month")
        if h.r in seen or (months != [""] and mon not in months):
            continue
        said = f"{who} {mon or text_of(row, 'year')}".strip()
        copy = (text_of(row, "id"), *(text_of(row, f) for f in _WAGE_RECORD), str(row.get("wage")))
        if copy in copies:
            # the same record exported twice (one person, employer, month and wage on two rows; h442: a list joined
            # from two extracts doubled a 1,000 wage into a C06) is one wage
            left.setdefault("重复记录（同一单位、同一月份、同一金额的行重复列出，只计一次）", {})[h.r] = said
            continue
        copies.add(copy)
        if has_any(text_of(row, "pay_type"), params.get("back_pay_words", [])):
            left.setdefault("补缴", {})[h.r] = said
            continue  # (a 补缴 row for an earlier month in a month of the list: no wage of that month)
        item = text_of(row, "income_item")
        if item and not has_any(item, params["income_item_words"]):
            left.setdefault("非务工所得", {})[h.r] = f"{who} {item}"
            continue  # (a tax export's 利息、股息、红利所得 or 财产转让所得: no wage)
        if annual and _year(row) > str(ctx.as_of.year):
            left.setdefault("核查基准日之后的年度", {})[h.r] = said
            continue
        amount = row.get("wage")
        if amount is None or amount != amount or amount == 0:
            continue
        if amount < 0:
            left.setdefault("退费（负数金额，与同月记录相抵）", {})[h.r] = said
        seen.add(h.r)
        used.append(h)
    used, period = _of_year(ctx, used, rows) if annual else (used, months_text(months))
    per = int(rows[used[0].r].get("wage_divisor") or 1) if used and months == [""] and not annual else 1
    if per > 1:  # a year's (quarter's) wages in one column, divided as read (reference._to_monthly; h419: said "按 1 个月计")
        period = f"{'年度' if per == 12 else f'{per} 个月合计'}金额，÷ {per} 折算为月均"

    def period_of(h: Hit) -> str:
        """The month a row is netted in (an annual table's year, '' for a list without months)."""
        return _year(rows[h.r]) if annual else text_of(rows[h.r], "month")

    net: dict[str, float] = {}
    for h in used:
        k = period_of(h)
        net[k] = net.get(k, 0.0) + float(rows[h.r]["wage"])
    paid = {k for k, v in net.items() if v > 0}
    used = [h for h in used if period_of(h) in paid]
    if left:
        ctx.cache[notice] = [left_out_text(f"{ctx.labels['wages']}中与{whose}有关的记录未计入月均工资的", left)]
    if not used:
        return None
    total = sum(net[k] for k in paid)
    own = [] if annual or months == [""] else sorted(paid)
    return Wage(used[0].member, total / (1 if annual else max(len(months), 1)), [h.r for h in used],
                weakest([h.confidence for h in used]), used[0].key, period, own, total)


# the fields that tell one wage record from another of the same person (:func:`wage_of`)
_WAGE_RECORD = ("name_key", "employer", "month", "year", "pay_type", "income_item")


def self_paid(ctx: Context, ref: pd.DataFrame, rows: list[int]) -> str:
    """What shows a wage to be only a contribution base the person chose: every row's 缴费单位 or 缴费类型 names a
    flexible worker's own payment ([C06] self_paid_words: 灵活就业人员, 个人参保; h442: 3,900 a month paid as a 灵活就业
    person was C06 高, a base is no wage paid), else ''.

    Args:
        ctx: the audit context.
        ref: the wages list.
        rows: the wage's rows.
    Returns:
        The words as written (e.g. '灵活就业人员'), or ''.
    """
    words = ctx.specs["C06"].params.get("self_paid_words", [])
    said = []
    for r in rows:
        cells = [cell(ref, r, f) for f in ("employer", "pay_type")]
        hit = next((c for c in cells if has_any(c, words)), "")
        if not hit:
            return ""
        said.append(hit)
    return "、".join(dict.fromkeys(said))


def few_months(ctx: Context, earned: set[str]) -> str:
    """What a wage in only a few of the list's months is ([C06] min_months_share_for_high: one-off or irregular pay, a
    bonus or a back payment averaged over all of them is no steady wage, held-out 224), said in the evidence; '' when
    the months with records are enough (or the list names none).

    Args:
        ctx: the audit context.
        earned: the list's months the wage was paid in (a household's, a supporter's).
    """
    listed = wage_months(ctx)
    least = float(ctx.specs["C06"].params["min_months_share_for_high"])
    if not earned or len(earned) >= least * len(listed):
        return ""
    return (f"有工资记录的月份只占名单 {len(listed)} 个月中的 {len(earned)} 个月，可能是一次性或不固定收入，"
            f"置信度至多为“中”")


_YEAR_CELL = re.compile(r"20\d{2}")


def _year(row: Mapping) -> str:
    """The year a row of an annual base table is of ('2026', '2026年', '2026年度' → '2026'; '' when not written)."""
    found = _YEAR_CELL.search(text_of(row, "year"))
    return found.group(0) if found else ""


def wage_years(ctx: Context) -> list[str]:
    """The years of an annual base table's rows up to the review date's (sorted; empty for a list of months); when
    none is the review date's year, a notice (``wages:years``) says each person's latest year is taken."""
    if "wage_years" not in ctx.cache:
        ref = ctx.lists.get("wages")
        current = str(ctx.as_of.year)
        cells = ref["year"].astype(str).str.extract(r"(20\d{2})")[0].dropna() if ref is not None and "year" in ref else []
        years = sorted({y for y in cells if y <= current})
        if years and current not in years:
            ctx.cache["wages:years"] = [
                f"{ctx.labels['wages']}按年度列出月缴费基数，没有核查基准日所在的 {current} 年度的记录，按每人最近年度"
                f"（至 {years[-1]} 年度）的月缴费基数计，依据中注明所用年度"]
        ctx.cache["wage_years"] = years
    return ctx.cache["wage_years"]


def _of_year(ctx: Context, used: list[Hit], rows: dict[int, dict]) -> tuple[list[Hit], str]:
    """A member's rows of an annual base table that are the monthly wage, and the year said in the evidence: the rows of
    the review date's year (none: no current wage), never added to another year's (held-out 205: the bases of 2024,
    2025 and 2026 made one '月均 7,500', and jobs left in 2025 a C06 高); when the list has no row of that year at all,
    those of the member's latest year, said so."""
    current = str(ctx.as_of.year)
    pick = current if current in wage_years(ctx) else max((_year(rows[h.r]) for h in used), default="")
    if not pick:
        return [], ""
    # (the year's base is each month's of it: the months up to the review date's named, as a list of months names them)
    last = ctx.as_of.strftime("%Y-%m") if pick == current else f"{pick}-12"
    period = f"{pick} 年度，{pick}-01 至 {last} 每月" + (
        "" if pick == current else f"；名单无 {current} 年度记录，按本人最近年度计")
    return [h for h in used if _year(rows[h.r]) == pick], period


def months_text(months: list[str]) -> str:
    """Return the months of a wage average for evidence texts.

    Args:
        months: 'YYYY-MM' texts ([''] when unknown).
    Returns:
        e.g. '2026-07、2026-08、2026-09，共 3 个月'.
    """
    if months == [""] or not months:
        return "名单未注明月份，按 1 个月计"
    shown = "、".join(months) if len(months) <= 6 else f"{months[0]} 至 {months[-1]}"
    return f"{shown}，共 {len(months)} 个月"


# ----------------------------------------------------------------------------- vehicles, property ([C04])
def disabled_vehicle(row: Mapping, params: dict) -> bool:
    """Return whether a vehicle is a disabled person's adapted vehicle: by its type, a flag column or a remark.

    Args:
        row: a vehicles row (vehicle_type, disabled_flag, remark, use).
        params: the [C04] parameters.
    Returns:
        True for an adapted vehicle (exempt in every form).
    """
    if codes.yes_no(row.get("disabled_flag")) is True:
        return True
    words, negations = params["disabled_vehicle_words"], params["not_disabled_vehicle_words"]
    return any(has_any(row.get(f), words) and not has_any(row.get(f), negations)
               for f in ("vehicle_type", "disabled_flag", "remark", "use"))


def vehicle_exempt(row: Mapping, params: dict) -> bool:
    """Return whether a vehicle is an exempt kind: an exempt type (by words, decoded name or code prefix) or adapted.

    Args:
        row: a vehicles row.
        params: the [C04] parameters.
    Returns:
        True when exempt.
    """
    typ = codes.vehicle_type(row.get("vehicle_type"))
    if has_any(typ.text, params["exempt_vehicle_types"]) or has_any(typ.name, params["exempt_vehicle_types"]):
        return True
    if typ.code and typ.klass != UNKNOWN and any(p and typ.code.startswith(p) for p in params["exempt_vehicle_type_codes"]):
        return True
    return disabled_vehicle(row, params)


def vehicle_status(status: object, params: dict) -> str:
    """Return the class of a 机动车状态 cell: GA 24 letters (any inactive letter wins, 'GQ' is active) or words.

    Args:
        status: the status cell.
        params: the [C04] parameters.
    Returns:
        ACTIVE, INACTIVE, '' for blank, UNKNOWN for an unknown letter or words.
    """
    d = codes.vehicle_status(status)
    if d.code:
        if set(d.code) & set(params["inactive_vehicle_status_codes"]):
            return INACTIVE
        return UNKNOWN if d.klass == UNKNOWN else ACTIVE
    return status_class(status, params["active_vehicle_statuses"], params["inactive_vehicle_statuses"])


def vehicle_type_known(value: object, params: dict) -> bool:
    """Return whether a 车辆类型 cell names a vehicle: a GA 24.4 code of a known class, or vehicle words.

    Args:
        value: the cell.
        params: the [C04] parameters.
    Returns:
        True when recognised (a blank cell is not).
    """
    typ = codes.vehicle_type(value)
    if typ.code:
        return typ.klass != UNKNOWN
    return has_any(typ.text, params["vehicle_type_words"]) or has_any(typ.text, params["exempt_vehicle_types"])


def vehicle_type_stated(row: Mapping, params: dict) -> bool:
    """Whether a vehicles row states a type :func:`vehicle_type_known` reads, in its 车辆类型 itself: a type read from
    the 号牌种类 is not stated ([C04] explanation: 车辆类型未注明…最多为中; held-out 169).

    Args:
        row: a vehicles row.
        params: the [C04] parameters.
    """
    return not row.get("type_from_plate") and vehicle_type_known(row.get("vehicle_type"), params)


def vehicle_counts(row: Mapping, params: dict, day: dt.date) -> bool:
    """Return whether a vehicle row is an asset on a day: not an exempt kind, not transferred, scrapped or deregistered
    (a status saying so beside its 注销日期 after the day: still the person's on it, :func:`vehicle_ended_later`).

    Args:
        row: a vehicles row.
        params: the [C04] parameters.
        day: the review date.
    Returns:
        True when it counts.
    """
    status = vehicle_status(row.get("status"), params)
    return not vehicle_exempt(row, params) and (status != INACTIVE or ended_after(row, day)) and not (
        status != ACTIVE and remark_ended(row.get("remark"), params, day))


# a date written in a remark (注销日期：2025-11-30, 2025年11月30日报废, 20251130)
_REMARK_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_NEGATED = "未|没有|尚未|无|不"


def remark_ended(remark: object, params: dict, day: dt.date) -> bool:
    """Whether a vehicle's remark (备注) says it was scrapped, deregistered or transferred ([C04]
    inactive_vehicle_statuses, not negated: 未注销) by the review date: a date written beside the words after the day
    leaves it the person's (h442: a blank 机动车状态 beside 备注 注销日期：2025-11-30 was a C04 高).

    Args:
        remark: the remark cell.
        params: the [C04] parameters.
        day: the review date.
    Returns:
        True when the remark says the vehicle had left the person by the day.
    """
    text = _text(remark)
    if not text:
        return False
    words = [w for w in params["inactive_vehicle_statuses"] if w in text]
    if not words or all(re.search(f"(?:{_NEGATED})\\s*{re.escape(w)}", text) for w in words):
        return False
    for m in _REMARK_DATE.finditer(text):
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        try:
            if dt.date(int(y), int(mo), int(d)) > day:
                return False
        except ValueError:
            continue
    return True


def vehicle_ended_later(row: Mapping, params: dict, day: dt.date) -> str:
    """The note (:func:`ended_later_text`) for a vehicle whose 机动车状态 says deregistered (E 注销) while its 注销日期 is after
    the review date (held-out 228), else ''."""
    if vehicle_status(row.get("status"), params) != INACTIVE or not ended_after(row, day):
        return ""
    said = f"机动车状态 {codes.vehicle_status(row.get('status')).shown}"
    return ended_later_text(said, end_label(row), row["end"], "仍在本人名下")


_VEHICLE_CELLS = ("vehicle_type", "disabled_flag", "remark", "use", "status")  # what vehicle_counts reads


def vehicles_counted(ctx: Context) -> Callable[[Mapping], bool]:
    """:func:`vehicle_counts` under the [C04] parameters, rows alike in the cells it reads judged once per audit.

    Args:
        ctx: the audit context.
    Returns:
        row → whether the vehicle counts.
    """
    memo: dict[tuple, bool] = ctx.cache.setdefault("vehicle-counts", {})
    params = ctx.specs["C04"].params

    def counts(row: Mapping) -> bool:
        cells = (*(row.get(f) for f in _VEHICLE_CELLS), ended_after(row, ctx.as_of))
        got = memo.get(cells)
        if got is None:
            got = memo[cells] = vehicle_counts(row, params, ctx.as_of)
        return got

    return counts


_PLATE_MARKS = re.compile(r"[\s\u00b7\u2022\u30fb.\-\uff0d]")  # (spaces, middle dots, dashes)


def record_key(kind: str, row: Mapping) -> str:
    """What one vehicle or business is known by within its list: the plate without marks (湘E·12345 = 湘E12345); the
    business's name with what else the list says of it (type, premises, 从业人数, 成立日期): a business closed and
    registered again under its name, or another of the same name, differs there — copies of one record do not;
    '' when the row writes none."""
    if kind == "vehicles":
        return _PLATE_MARKS.sub("", text_of(row, "plate")).upper()
    name = re.sub(r"\s", "", text_of(row, "entity"))
    if not name:
        return ""
    start = row.get("start")
    return "|".join([name, *(re.sub(r"\s", "", text_of(row, f)) for f in _BUSINESS_RECORD),
                     start.isoformat() if isinstance(start, dt.date) else ""])


# what else tells one business from another of the same name (:func:`record_key`)
_BUSINESS_RECORD = ("entity_type", "premises", "employees")


def gone_copy(ctx: Context, kind: str, member: int, row: Mapping) -> str:
    """What another row of the same vehicle (plate) or business (name) linked to the same person says when it has the
    record gone by the review date while this row has it in use: the two rows cannot both be right (h442: a list
    joined from two extracts kept a car's 正常 row beside its later 注销 row, and a company's 存续 row beside its 注销
    row: C04 and C05 高); '' when no such row.

    Args:
        ctx: the audit context.
        kind: 'vehicles' or 'businesses'.
        member: the person's member index (her rows of the list: :func:`hits`).
        row: the row found in use.
    Returns:
        The words for the evidence, e.g. '同一号牌 湘E7788 在第 20 行为机动车状态 E（注销），两行必有一误，请核实'.
    """
    ref = linked_rows(ctx, kind)
    return copy_gone(ctx, kind, row, [ref[h.r] for h in hits(ctx, kind).get(member, [])])


def copy_gone(ctx: Context, kind: str, row: Mapping, others: list[Mapping]) -> str:
    """:func:`gone_copy` among given rows of the same person (C07: a supporter's rows, he being no member)."""
    key = record_key(kind, row)
    if not key:
        return ""
    params = ctx.specs["C04"].params
    said = []
    for other in others:
        if other is row or (other.get("_sheet"), int(other["_row"])) == (row.get("_sheet"), int(row["_row"])) or (
                record_key(kind, other) != key):
            continue
        if kind == "vehicles":
            status = vehicle_status(other.get("status"), params)
            gone = ((status == INACTIVE and not ended_after(other, ctx.as_of))
                    or (status != ACTIVE and remark_ended(other.get("remark"), params, ctx.as_of)))
            shown = codes.vehicle_status(other.get("status")).shown if text_of(other, "status") else ""
        else:
            gone = not business_running(ctx, other) and (
                status_class(other.get("status"), ctx.specs["C05"].params["active_statuses"],
                             ctx.specs["C05"].params["closed_statuses"]) == INACTIVE or ended_before(other, ctx.as_of))
            shown = text_of(other, "status")
        if not gone:
            continue
        dates = "，".join(f"{text_of(other, f + '_label') or label} {other[f].isoformat()}"
                         for f, label in (("end", "注销日期"),) if isinstance(other.get(f), dt.date))
        remark = text_of(other, "remark") if kind == "vehicles" else ""
        detail = "，".join(x for x in (dates, f"备注 {remark}" if remark else "") if x)
        said.append(f"第 {int(other['_row'])} 行为{'机动车' if kind == 'vehicles' else ''}"
                    f"{'状态' if kind == 'vehicles' else '登记状态'} {shown or '（空白）'}" + (f"（{detail}）" if detail else ""))
    if not said:
        return ""
    what = f"同一号牌 {text_of(row, 'plate')}" if kind == "vehicles" else f"同一市场主体 {text_of(row, 'entity')}"
    return f"{what}在{'、'.join(said)}，与本行不一致，两行必有一误，请核实是否仍{'在本人名下' if kind == 'vehicles' else '在经营'}"


def vehicle_use(value: object, params: dict) -> str:
    """Return the class of a 使用性质 cell: 'commercial', 'non_commercial', 'other', '' or UNKNOWN.

    非营运 / 营转非 / 出租转非 are not commercial: the negations are tried before the commercial words.

    Args:
        value: the cell.
        params: the [C04] parameters.
    Returns:
        The class.
    """
    d = codes.vehicle_use(value)
    if d.code:
        return d.klass
    return classify(value, (("non_commercial", params["non_commercial_use_words"]),
                            ("commercial", params["commercial_use_words"])))


_VEHICLE_DECODERS = {"vehicle_type": codes.vehicle_type, "use": codes.vehicle_use, "status": codes.vehicle_status}


def property_shown(row: Mapping) -> dict:
    """Return a properties row for evidence texts: a GB/T 17986 用途 code with its meaning ('31（商业服务）').

    Args:
        row: a properties row.
    Returns:
        A copy with the usage shown so where the list gave a code.
    """
    return {**row, "usage": codes.property_use(row.get("usage")).shown} if text_of(row, "usage") else dict(row)


def meant(row: Mapping, decoders: Mapping[str, Callable[[object], codes.Decoded]]) -> dict:
    """Return a list row for suppression facts: each named field that is a bare code its table knows replaced by what
    it means.

    '31' gives '商业服务', '110' '企业职工基本养老保险', 'K33' '小型轿车', so that a department switching its export
    from words to codes does not bring verified findings back (held-out 232). Any other cell (words, or a code with
    its words: 'K33 小型轿车') is kept exactly as given: the fingerprints it always gave, which saved 核实无问题清单
    hold, stay the same.

    Args:
        row: a list row.
        decoders: field → its decoder (``codes.insurance``, ``codes.property_use`` …).
    Returns:
        A copy.
    """
    out = dict(row)
    for fld, decode in decoders.items():
        d = decode(row.get(fld))
        if d.name and d.text.upper() == d.code:
            out[fld] = d.name
    return out


def pension_meaning(row: Mapping) -> dict:
    """Return a pension row for suppression facts: a 险种 code as what it means (:func:`meant`)."""
    return meant(row, {"insurance": codes.insurance})


def property_meaning(row: Mapping) -> dict:
    """Return a properties row for suppression facts: a 用途 code as what it means (:func:`meant`)."""
    return meant(row, {"usage": codes.property_use})


def staff_shown(row: Mapping) -> dict:
    """Return a staff row for evidence texts: a GB/T 2261.4 人员类别 code with its meaning ('17（职员）')."""
    return {**row, "category": codes.person_status(row.get("category")).shown} if text_of(row, "category") else dict(row)


def vehicle_shown(row: Mapping) -> dict:
    """Return a vehicles row for evidence texts: type, use and status as the list gives them, codes decoded.

    Args:
        row: a vehicles row.
    Returns:
        A copy with 'K33（小型轿车）', 'A（非营运）', 'GQ（违法未处理、逾期未检验）' where the list gave codes; its
        plate_kind shown ('02（小型汽车）') only where the type was read from it.
    """
    shown = {**row, **{f: decode(row.get(f)).shown for f, decode in _VEHICLE_DECODERS.items() if text_of(row, f)},
             "plate_kind": ""}
    if row.get("type_from_plate"):  # the plate kind's name is no 车辆类型: shown as the plate kind, '02（小型汽车）'
        kind, name = text_of(row, "plate_kind"), text_of(row, "vehicle_type")
        shown.update(vehicle_type="", plate_kind=kind if kind == name else f"{kind}（{name}）")
    return shown


def vehicle_meaning(row: Mapping) -> dict:
    """Return a vehicles row with type and use as what they mean, for suppression facts.

    'K33', 'K33 小型轿车' and '小型轿车' all give '小型轿车', so a department that switches its export from
    codes to names does not bring verified findings back.

    Args:
        row: a vehicles row.
    Returns:
        A copy with vehicle_type and use replaced by their meanings where a code was decoded.
    """
    meant = {f: _VEHICLE_DECODERS[f](row.get(f)) for f in ("vehicle_type", "use")}
    return {**row, **{f: d.name or d.text for f, d in meant.items()}}


def vehicle_confidence(row: Mapping, link_confidence: str, params: dict) -> str:
    """Return the confidence of a vehicle finding: at most 中 when the type is blank or unknown or the status unknown.

    Args:
        row: a vehicles row.
        link_confidence: the link's confidence.
        params: the [C04] parameters.
    Returns:
        高/中.
    """
    doubtful = not vehicle_type_stated(row, params) or vehicle_status(row.get("status"), params) == UNKNOWN
    return weakest([link_confidence, MEDIUM]) if doubtful else link_confidence


def property_kind(row: Mapping, params: dict) -> str:
    """Return 'commercial', 'home' or '' for a property row (usage first, the location when usage is blank).

    Args:
        row: a properties row.
        params: the [C04] parameters.
    Returns:
        The kind.
    """
    if property_status(row, params) == INACTIVE or land_only(row, params):
        return ""
    usage = _usage(row)
    text = usage or str(row.get("location") or "")
    if has_any(text, params["commercial_property_words"]):
        return "commercial"
    if has_any(text, params["non_home_words"]):
        return ""
    if has_any(text, params["home_words"]):
        return "home"
    return ""


def homestead_only(row: Mapping, params: dict) -> bool:
    """Whether a properties row's 用途 is a homestead (宅基地) and nothing on the row says a building stands on it."""
    usage = _usage(row)
    kinds = f"{text_of(row, 'property_type')} {text_of(row, 'right_type')}"
    return "宅基地" in usage and not has_any(f"{usage} {kinds}", params["building_words"]) and not has_any(
        usage, [w for w in params["home_words"] if w != "宅基地"])


def land_only(row: Mapping, params: dict) -> bool:
    """Whether a properties row registers land alone: no home, no shop. 不动产类型/权利类型 naming land (土地, 宅基地使用权)
    and no 房屋; or, where they say neither, a 用途 naming a land right (宅基地使用权, 土地使用权) and, beside it, no
    building and no dwelling (held-out 251: 用途 宅基地使用权 was read as a home by its 宅基地). A 用途 of 宅基地 alone
    names no right and is left to :func:`homestead_only` (at most 中, held-out 160).

    Args:
        row: a properties row.
        params: the [C04] parameters (``land_words``, ``building_words``, ``home_words``).
    """
    kinds = f"{text_of(row, 'property_type')} {text_of(row, 'right_type')}"
    if has_any(kinds, params["building_words"]):
        return False
    if has_any(kinds, params["land_words"]):
        return True
    usage = _usage(row)
    if not has_any(usage, params["land_words"]):
        return False  # (no land word in it: nothing below is taken out, the rest is the 用途 itself)
    rest = usage
    for word in sorted((w for w in params["land_words"] if w), key=len, reverse=True):
        rest = rest.replace(word, " ")
    # a home word inside a land word (宅基地 in 宅基地使用权) names the land, not a dwelling on it
    dwelling = [w for w in params["home_words"] if not any(w in land for land in params["land_words"])]
    return rest != usage and not has_any(rest, [*params["building_words"], *dwelling])


def _usage(row: Mapping) -> str:
    """A properties row's 用途 as words (a GB/T 17986.1 code as its meaning: '31' → 商业服务)."""
    return codes.property_use(row.get("usage")).name or str(row.get("usage") or "").strip()


def property_status(row: Mapping, params: dict) -> str:
    """Return the class of a property's 权利状态/登记状态: 历史 (sold) or 注销 is INACTIVE, 现势 ACTIVE; a 登记类型 of
    注销登记 is INACTIVE whatever the status (首次登记, 转移登记 … say nothing of it).

    Args:
        row: a properties row.
        params: the [C04] parameters.
    Returns:
        ACTIVE, INACTIVE, '' or UNKNOWN.
    """
    inactive = params["inactive_property_statuses"]
    if status_class(row.get("registration"), [], inactive) == INACTIVE:
        return INACTIVE
    return status_class(row.get("status"), params["current_property_statuses"], inactive)


def gone_homes(ctx: Context, idxs: list[int]) -> dict[str, Mapping]:
    """A household's homes (:func:`home_key`: their location, else certificate) that a row of the properties list linked
    to one of its members has sold, transferred or cancelled (权利状态 历史, 已转移, 注销登记 …): a 现势 row of the same
    home beside it cannot be right too (h442: a list joined from two extracts kept a flat's 现势 row beside its 已转移
    row, two homes at C04 高).

    Args:
        ctx: the audit context.
        idxs: the household's members.
    Returns:
        home key → the row saying it gone.
    """
    if not ctx.has("properties"):
        return {}
    params, found, ref = ctx.specs["C04"].params, hits(ctx, "properties"), linked_rows(ctx, "properties")
    out: dict[str, Mapping] = {}
    for m in idxs:
        for h in found.get(m, []):
            row = ref[h.r]
            if property_status(row, params) == INACTIVE and text_of(row, "location"):
                out.setdefault(home_key(row, h.r), row)
    return out


def gone_home_text(row: Mapping, gone: Mapping) -> str:
    """The words for a home whose other row says it gone (:func:`gone_homes`)."""
    status = text_of(gone, "status") or text_of(gone, "registration")
    return (f"第 {int(row['_row'])} 行的同一处房产在第 {int(gone['_row'])} 行为{f' {status}' if status else '已不在本人名下'}，"
            f"两行必有一误，请核实是否仍在本户名下")


def property_confidence(row: Mapping, link_confidence: str, params: dict) -> str:
    """Return the confidence of a property finding: at most 中 when its status is not recognised.

    Args:
        row: a properties row.
        link_confidence: the link's confidence.
        params: the [C04] parameters.
    Returns:
        高/中.
    """
    return weakest([link_confidence, MEDIUM]) if property_status(row, params) == UNKNOWN else link_confidence


def home_key(row: Mapping, r: int) -> str:
    """Return what names one home across co-owners (a finding's facts): its location, else its certificate, else its
    unit number, else its row. Which rows are one home is :func:`same_home`'s.

    Args:
        row: a properties row.
        r: its index.
    Returns:
        The key.
    """
    return _home_idents(row, r)[0]


_HOME_FIELDS = ("location", "cert", "property_unit")


def _home_values(row: Mapping) -> dict[str, str]:
    """A properties row's location, certificate and unit number, compared as written less spaces and commas."""
    return {f: re.sub(r"[\s,，、]", "", unicodedata.normalize("NFKC", str(row.get(f) or ""))) for f in _HOME_FIELDS}


def _home_idents(row: Mapping, r: int) -> list[str]:
    # The location first: co-owners by share and old/new certificates give one home several certificates.
    idents = [f"{f}:{v}" for f, v in _home_values(row).items() if v]
    return idents or [f"row:{r}"]


def same_home(a: Mapping, b: Mapping) -> int:
    """Return how two properties rows are one home, 0 when they are not: 3 by the same 不动产单元号, 2 by the same
    certificate, 1 by the same location.

    The unit number is the register's own key for a home: two rows that both give one are one home exactly when it is
    the same, whatever their addresses say (held-out 246: a village-level 坐落 商水县黄寨镇李楼村 shared with a neighbour's
    home of another unit made a home held alone 只登记为共有人). Without it on both rows, the same certificate, else the
    same location (co-owners by share and old/new certificates give one home several certificates).

    Args:
        a: a properties row.
        b: another.
    Returns:
        3, 2, 1 or 0.
    """
    x, y = _home_values(a), _home_values(b)
    if x["property_unit"] and y["property_unit"]:
        return 3 if x["property_unit"] == y["property_unit"] else 0
    if x["cert"] and x["cert"] == y["cert"]:
        return 2
    return 1 if x["location"] and x["location"] == y["location"] else 0


def one_per_home(items: list[tuple[Mapping, int, T]]) -> dict[str, T]:
    """Return the first item of each home: rows :func:`same_home` calls one home (the same 不动产单元号, else the same
    certificate or location), however the co-owners' rows write the rest.

    Args:
        items: (properties row, its index, item) in order.
    Returns:
        A key of each home (:func:`home_key` of its first row) → that row's item, in order.
    """
    return {k: group[0] for k, group in home_groups(items).items()}


def home_groups(items: list[tuple[Mapping, int, T]]) -> dict[str, list[T]]:
    """Return the items of each home, as :func:`one_per_home` groups them: the strongest ties first, and never two rows
    of different unit numbers in one home through a third row that gives none.

    Args:
        items: (properties row, its index, item) in order.
    Returns:
        :func:`home_key` of each home's first row (with its next identifier where two homes share it, a location held by
        two units) → the items of its rows, in order.
    """
    root = list(range(len(items)))
    units = [{_home_values(row)["property_unit"]} - {""} for row, _, _ in items]

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    ties = sorted(((-how, i, j) for i in range(len(items)) for j in range(i + 1, len(items))
                   if (how := same_home(items[i][0], items[j][0]))))
    for _, i, j in ties:
        a, b = find(i), find(j)
        if a != b and not (units[a] and units[b] and units[a] != units[b]):
            root[max(a, b)] = min(a, b)
            units[min(a, b)] = units[a] | units[b]
    groups: dict[int, list[T]] = {}
    for i, (_, _, item) in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    out: dict[str, list[T]] = {}
    for i, (row, r, _) in enumerate(items):
        if find(i) == i:
            idents = _home_idents(row, r)
            key = next((k for k in idents if k not in out), f"{idents[0]}|row:{r}")
            out[key] = groups[i]
    return out


def held_by_others(ctx: Context, row: Mapping, r: int, ids: set[str]) -> bool:
    """Return whether a row of the properties list with another ID holds the same home as a row (:func:`same_home`):
    a list with one row per owner.

    Args:
        ctx: the audit context.
        row: a properties row.
        r: its index.
        ids: the IDs that are not others (a household's).
    Returns:
        True when someone else holds it too.
    """
    holders = _home_holders(ctx)
    return any(pid not in ids and same_home(row, other)
               for ident in _home_idents(row, r) for pid, other in holders.get(ident, ()))


def _home_holders(ctx: Context) -> dict[str, list[tuple[str, dict]]]:
    """Each home identifier → (ID, row's location, certificate and unit number) of the properties list's rows giving it
    (computed once)."""
    if "home-holders" not in ctx.cache:
        out: dict[str, list[tuple[str, dict]]] = {}
        if ctx.has("properties"):
            ref = ctx.lists["properties"]
            cols = {f: ref[f].tolist() if f in ref.columns else [""] * len(ref) for f in _HOME_FIELDS}
            for r, pid, *idents in zip(ref.index, ref["id"].tolist(), *cols.values()):
                if pid:
                    own = dict(zip(cols, idents))
                    for ident in _home_idents(own, int(r)):
                        out.setdefault(ident, []).append((str(pid), own))
        ctx.cache["home-holders"] = out
    return ctx.cache["home-holders"]


def shared_text(row: Mapping, params: dict) -> str:
    """What a properties row says of its home being held with others: its 共有情况 when that says 共有 (not 单独所有),
    else its 份额 when less than the whole ('30%', '1/2'); '' when it says neither.

    Args:
        row: a properties row.
        params: the [C04] parameters (``sole_ownership_words``, ``co_ownership_words`` and their ``_codes``).
    Returns:
        The text as the list writes it, with its label.
    """
    tenure = text_of(row, "tenure")
    if tenure_class(tenure, params) == "shared":
        return f"共有情况 {tenure}"
    share = text_of(row, "share")
    return f"份额 {share}" if _partial(share) else ""


def tenure_class(value: object, params: dict) -> str:
    """A 共有情况 (共有方式) cell read: 'sole', 'shared', '' for a blank cell, ``codes.UNKNOWN`` for one neither the
    [C04] codes (a whole cell) nor words read (held-out 246: 共有方式 1 and 2 of a registry's export, unsaid).

    Args:
        value: the cell.
        params: the [C04] parameters.
    Returns:
        The class.
    """
    cell = unicodedata.normalize("NFKC", str(value or "")).strip()
    for klass, key in (("sole", "sole_ownership_codes"), ("shared", "co_ownership_codes")):
        if cell and any(codes.same_code(cell, str(c)) for c in params.get(key, ())):
            return klass
    return classify(value, (("sole", params["sole_ownership_words"]), ("shared", params["co_ownership_words"])))


def _partial(share: str) -> bool:
    """Whether a 份额 cell is less than the whole: '30%', '1/2', '二分之一', '0.3', '30' (per cent); not '100%', '1',
    '1/1', '全部'."""
    s = share.replace(" ", "")
    if m := re.search(r"([一二两三四五六七八九十]|\d+)分之([一二两三四五六七八九十]|\d+)", s):  # (held-out 177: 二分之一)
        whole, part = (int(g) if g.isdigit() else "一二三四五六七八九十".index(g.replace("两", "二")) + 1 for g in m.groups())
        return 0 < part < whole
    if m := re.search(r"(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)", s):
        return 0 < float(m.group(1)) < float(m.group(2))
    if m := re.search(r"(\d+(?:\.\d+)?)%", s):
        return 0 < float(m.group(1)) < 100
    if re.fullmatch(r"\d*\.?\d+", s):
        v = float(s)
        return 0 < v < 1 or 1 < v < 100
    return False


# ----------------------------------------------------------------------------- businesses ([C05])
# Labels of a businesses row in evidence texts (C04 shops and C05 employers show the same fields).
BUSINESS_LABELS = {"entity": "主体名称", "entity_type": "主体类型", "employees": "从业人数", "status": "登记状态",
                   "premises": "经营场所"}
BUSINESS_DATES = ("成立日期", "注销日期")  # (:func:`dated`'s labels where the list's headers are not known)
VEHICLE_DATES = ("初次登记日期", "注销日期")  # (the same, of a vehicles row: C04's and C07's evidence)


def business_active(row: Mapping, params: dict, day: dt.date) -> bool:
    """Return whether a business is in operation on a day (注销/吊销/撤销 never are, but beside a 注销（吊销）日期 after the
    day it still was: :func:`business_ended_later`); on a list without a 登记状态 column, one whose 注销（吊销）日期 columns
    are blank or after the review date (held-out 223: such a list found nothing; a row closed before it is no row linked,
    :func:`not_held`).

    Args:
        row: a businesses row (one linked to a member: :func:`hits`, :func:`exact_rows`).
        params: the [C05] parameters.
        day: the review date.
    Returns:
        True when active.
    """
    if "status" not in row:
        return "end" in row
    k = status_class(row.get("status"), params["active_statuses"], params["closed_statuses"])
    if k == "":
        return bool(params["blank_status_counts"])
    return k == ACTIVE or (k == INACTIVE and ended_after(row, day))


def business_bulk(ctx: Context) -> str:
    """The 登记状态 code no word reads that two thirds of the business list's rows hold (:func:`bulk_code`): the list's
    businesses in operation (h389: 1 存续 2 吊销 3 注销 without a legend, C05 found nothing); '' otherwise."""
    params = ctx.specs["C05"].params
    return bulk_code(ctx, "businesses", "status",
                     lambda value: status_class(value, params["active_statuses"], params["closed_statuses"]))


def business_running(ctx: Context, row: Mapping) -> str:
    """Whether a business is in operation on the review date, as every check reading the business list takes it (C04's
    shops, C05, C07's supporters, C08, C09, C10, coverage's means; h395: only C05 read the bulk code, a shop, a
    supporter's business and C10's signal of a business coded "1" were missed).

    Args:
        ctx: the audit (or coverage) context.
        row: a businesses row.
    Returns:
        ACTIVE when its status (or dates) says so (:func:`business_active`), BULK_CODE_READ when its 登记状态 is only the
        list's bulk code (:func:`business_bulk`: taken for in operation, at most 中, said), '' otherwise.
    """
    if business_active(row, ctx.specs["C05"].params, ctx.as_of):
        return ACTIVE
    bulk = business_bulk(ctx)
    return BULK_CODE_READ if bulk and "status" in row and text_of(row, "status") == bulk else ""


BULK_CODE_READ = "bulk"  # (business_running: in operation by the list's bulk code only)


def bulk_business_note(ctx: Context) -> str:
    """The words said of a business taken for in operation by the list's bulk code (:func:`business_running`)."""
    return f"登记状态“{business_bulk(ctx)}”未能识别，名单中多数记录是这一代码，按在业计"


def business_ended_later(row: Mapping, params: dict, day: dt.date) -> str:
    """The note (:func:`ended_later_text`) for a business whose 登记状态 says closed (注销, 吊销) while its 注销（吊销）日期 is
    after the review date (held-out 228: a list exported after the quarter), else ''."""
    if not ("status" in row and ended_after(row, day)
            and status_class(row.get("status"), params["active_statuses"], params["closed_statuses"]) == INACTIVE):
        return ""
    return ended_later_text(f"登记状态 {text_of(row, 'status')}", end_label(row), row["end"], "仍在业")


def employs_others(row: Mapping, params: dict) -> bool:
    """Return whether a business's 从业人数 (the operator included) reaches the [C05] minimum.

    Args:
        row: a businesses row.
        params: the [C05] parameters.
    Returns:
        True when it employs others.
    """
    n = row.get("employees")
    return n is not None and n == n and int(n) >= int(params["min_employees"])
