"""Shared arithmetic of the money checks (F01–F07): payments linked to households, events, months.

The payments frame (``ctx.lists['payments']``, see :mod:`rostercheck.io.ledgers`) is linked once to the
roster (by the payee's own ID, else the head's ID) and to the event lists (deaths, prisoners, migrations,
exits); each F rule reads the :class:`Ledger` built here and cached in the context.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..io.ledgers import cell_codes, cells_at, factorized, first_rows, first_seen, groups, programme_named
from ..io.read import file_name
from ..match import link_lists
from ..model import HIGH, LOW, MEDIUM, Context, Finding, object_array
from ..namematch import NameMatchParams
from ..normalize import ids
from ..normalize.codes import same_code
from ..normalize.names import masked_name_fits, person_name
from ..normalize.values import BACK_PAY_WORDS, back_pay_stripped, carried, shown_as_double
from ..reference import by_value_array
from ..roster import covered_flags
from ._money_former_ids import former_id_payees

STOP_NEXT = "次月"


def month_add(month: str, n: int) -> str:
    """Return 'YYYY-MM' n months after (before, for n < 0) a 'YYYY-MM' month.

    Args:
        month: the month.
        n: months to add.
    Returns:
        The month.
    """
    y, m = int(month[:4]), int(month[5:7])
    k = y * 12 + (m - 1) + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def month_of(day: dt.date) -> str:
    """'YYYY-MM' of a date."""
    return f"{day.year:04d}-{day.month:02d}"


def months_text(months: list[str]) -> str:
    """Return the 涉及月份 text: '2025-04至2025-09（6个月）', runs joined by '、'.

    Args:
        months: 'YYYY-MM' months (any order, repeats allowed).
    Returns:
        The text ('' for none).
    """
    ms = sorted(set(months))
    if not ms:
        return ""
    runs, start, prev = [], ms[0], ms[0]
    for m in ms[1:]:
        if m != month_add(prev, 1):
            runs.append((start, prev))
            start = m
        prev = m
    runs.append((start, prev))
    text = "、".join(a if a == b else f"{a}至{b}" for a, b in runs)
    return f"{text}（{len(ms)}个月）"


def yuan(value: float) -> str:
    """'1,032.00 元'."""
    return f"{value:,.2f} 元"


# From this many consecutive months paid alike, a finding's 依据 gives them as one line (a year's months one by one
# made a cell taller than Excel can show, 409 pt).
RUN_MONTHS = 3


def payment_lines(entries: list[tuple[str, str, str, str]]) -> str:
    """The payments a finding adds up, for its 依据: (month, item, amount text, where) in month order, each as
    '2026-03 低保金 516.00 元，《…》第 139 行'; a run of RUN_MONTHS or more consecutive months of the same item and
    amount as one line naming its first and last rows: '2026-03至2026-06 低保金 每月 516.00 元，《…》第 139 行
    至《…》第 141 行'."""
    runs: list[list[tuple[str, str, str, str]]] = []
    for entry in entries:
        last = runs[-1][-1] if runs else None
        if last and entry[1:3] == last[1:3] and entry[0] and month_add(last[0], 1) == entry[0]:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    out = []
    for run in runs:
        if len(run) < RUN_MONTHS:
            out += [f"{month} {item} {amount}，{where}" for month, item, amount, where in run]
        else:
            (first, item, amount, start), end = run[0], run[-1][3]
            rows = len({e[3] for e in run})  # (one row paying them all: held-out 267 read "第 394 行 至 第 394 行")
            out.append(f"{first}至{run[-1][0]} {item} 每月 {amount}，" + (start if rows == 1 else f"共 {rows} 行：{start} 至 {end}"))
    return "；".join(out)


@dataclass
class Event:
    """Something that ends (or suspends) a person's entitlement, and the months it rules out.

    Attributes:
        code: F01 (death), F02 (custody, move out of the county) or F03 (exit).
        kind: the list kind it came from.
        row: the list row (a dict).
        first: the first month that should not have been paid.
        last: the last such month ('9999-12' when open-ended).
        confidence: the link's confidence.
        what: the evidence text about the event.
        whole: the event ends the whole household's benefit (a household's exit), not one member's.
        certainty: how sure the event itself is (低 for a move whose coded reason may be 升学 or 参军).
        programme: the programme an exit ends ('低保' or '特困' when the exit list says; '' for every programme).
        source: where the event is told when that is not a list row: a roster's own status row of a member who left
            ('《x.xlsx》工作表“家庭成员”第 711 行'; ``row`` is then that row's cells).
    """

    code: str
    kind: str
    row: dict
    first: str
    last: str
    confidence: str
    what: str
    whole: bool = False
    certainty: str = HIGH
    programme: str = ""
    source: str = ""

    def covers(self, month: str, programme: str = "") -> bool:
        """Whether a payment for the month (of a programme, when known) should not have been made: an exit from 低保
        ends no 特困 供养金 (转为特困)."""
        return self.first <= month <= self.last and not (self.programme and programme and self.programme != programme)


@dataclass
class Ledger:
    """The payments with what the F rules need, computed once per audit.

    Attributes:
        frame: the payments frame.
        ok: per row: paid successfully (status not failed, readable amount).
        benefit: per row: the item is the monthly benefit (not 物价补贴, one-off grants …).
        programme: per row: '低保', '特困' or ''.
        member: per row: the roster member the payment is linked to (own ID, else head ID), or -1.
        conf: per row: that link's confidence ('' when none).
        household: per row: the roster household, or a ledger key ('ledger:…') for a payee on no roster.
        payee: per row: the payee's identity (valid ID, else head ID, else account + name).
        household_row: per row: paid to the head for the whole household (not the head's own share).
        covered: roster household → its covered members (indices).
        events_row: row → events of the payee named on the row.
        events_member: roster member → events.
        off_roster: ledger household key → negative member number for findings (and "left:<ID>" → one for a member
            a roster no longer lists, ``f_stop._emit``).
        params: the shared money parameters.
        claimed: (household, month) → what F01–F03 recover from its payment (0 when the payment was already cut by
            the shares of the members gone): F05 leaves these months to them.
    """

    frame: pd.DataFrame
    ok: list[bool]
    benefit: list[bool]
    programme: list[str]
    member: list[int]
    conf: list[str]
    household: list[str]
    payee: list[str]
    household_row: list[bool]
    covered: dict[str, list[int]]
    events_row: dict[int, list[Event]] = field(default_factory=dict)
    events_member: dict[int, list[Event]] = field(default_factory=dict)
    off_roster: dict[str, int] = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    claimed: dict[tuple[int, str], float] = field(default_factory=dict)
    cols: dict[str, list] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)

    def where(self, i: int) -> str:
        """'《7月发放明细.xlsx》工作表“7月”第 12 行（7月列）' for evidence texts; a row paying several months at once
        says its whole sum ('（该行 3 个月合计 3,000.00 元，按月均分）': held-out 267, a clerk opening the row saw 3,000, not
        the 1,000.00 the evidence gave for one of its months)."""
        cell = self.cols.cell
        file = file_name(cell("_file", i))
        sheet = f"工作表“{cell('_sheet', i)}”" if cell("_sheet", i) else ""
        col = f"（{cell('_col', i)}列）" if cell("_col", i) else ""
        parts = cell("parts", i) if "parts" in self.frame.columns else 1
        amount = cell("amount", i)
        whole = (f"（该行 {parts} 个月合计 {yuan(amount * parts)}，按月均分）"
                 if parts > 1 and isinstance(amount, float) and amount == amount else "")
        return f"《{file}》{sheet}第 {int(cell('_row', i))} 行{col}{whole}"

    def item(self, i: int) -> str:
        """The row's 资金项目 ('保障金' when the ledger has none); a code the configuration names, with what it is
        ('0102（保障金）')."""
        item = str(self.cols.cell("item", i))
        for codes, meaning in (("benefit_codes", "保障金"), ("other_codes", "其他资金")):
            if item and is_code(item, self.params.get(codes, [])):
                return f"{item}（{meaning}）"
        return item or "保障金"

    def factorized(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """A column's (codes, distinct values) by :func:`pandas.factorize`, made once."""
        key = f"factorized:{name}"
        if key not in self.memo:
            self.memo[key] = factorized(self.frame, name)
        return self.memo[key]

    def of_households(self, households) -> np.ndarray:
        """Per row: whether it is paid to one of ``households`` (anything ``in`` answers: a set, a dict). Each distinct
        household is looked up once, by the ledger's household codes: numpy's isin sorts object arrays, seconds on a
        city's year."""
        codes = self.memo["codes"]
        return np.array([h in households for h in codes["h_values"].tolist()] + [False], dtype=bool)[codes["h"]]

    def programme_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """Each row's programme as a code and the distinct programmes (``pd.factorize`` of :attr:`programme`), made
        once (from the few groups of item, programme cell, sheet and file when no row takes its member's)."""
        if "programme_codes" not in self.memo:
            self.memo["programme_codes"] = pd.factorize(np.asarray(self.programme, dtype=object), use_na_sentinel=False)
        return self.memo["programme_codes"]

    def not_paid(self, rows) -> None:
        """Count ``rows`` (positions) as neither a payment made nor the benefit, nor a month under an unread item, in the
        row lists and the arrays :meth:`array` made of them (recoveries, a quarter's cell's months the events rule out)."""
        rows = list(rows)
        for r in rows:
            self.ok[r], self.benefit[r] = False, False
        for name in ("array:ok", "array:benefit", "unread_item"):
            if name in self.memo:
                self.memo[name][rows] = False

    def array(self, name: str) -> np.ndarray:
        """A per-row attribute as a numpy array, made once ('ok', 'benefit', 'household_row' as booleans,
        'member' as integers, 'household' as objects, 'dated' for rows whose month is known, 'own_programme' for rows
        paying the programme of their member, or not saying: a 低保 member's 特困 rows are not her household's 低保;
        'adjust' for rows adjusting the benefit, 提标补差; 'unplaced' for those whose month is only their sheet's, file's
        or payment date's, no cell or words of their own saying which months they make up; 'amount_step' the yuan a
        row's amount is exact to where its sheet, in 万元, gives no fen, else 0)."""
        key = f"array:{name}"
        if key not in self.memo:
            if name == "dated":
                self.memo[key] = np.asarray(self.frame["month"] != "")  # (coded: compared on the codes)
            elif name == "adjust":  # 提标补差 and the like: part of the month's benefit, paid apart (money_adjust_words)
                self.memo[key] = _adjusting(self.frame, self.params)
            elif name == "amount_step":  # the yuan a row's amount is exact to, when a sheet in 万元 gives no fen
                column = self.frame["amount_step"] if "amount_step" in self.frame.columns else None
                self.memo[key] = (np.zeros(len(self.frame)) if column is None
                                  else np.nan_to_num(column.to_numpy(dtype=float, na_value=np.nan)))
            elif name == "unplaced":
                self.memo[key] = self.array("adjust") & ~np.asarray(self.frame["month_source"].isin(("列", "备注")))
            elif name == "own_programme":  # the programme the row pays (if it says) is its member's (分类施保)
                member, programmes = self.array("member"), np.asarray(self.programme, dtype=object)
                theirs = self.memo["member_programme"][np.where(member >= 0, member, 0)] if len(member) else programmes
                self.memo[key] = (programmes == "") | (member < 0) | (programmes == theirs)
            else:
                kind = {"member": np.int64, "household": object}.get(name, bool)
                self.memo[key] = np.asarray(getattr(self, name), dtype=kind)
        return self.memo[key]


def _adjusting(f: pd.DataFrame, p: dict) -> np.ndarray:
    """Per row: its item or remark says it adjusts the benefit (提标补差, money_adjust_words); a remark's word on a row
    of another item adjusts that item (held-out 277: 0103 护理费 remarked 护理等级调整补差 was added to the benefit, F05
    高 多发 100)."""
    words = tuple(p.get("adjust_words", ()))
    out = np.zeros(len(f), dtype=bool)
    for column in ("item", "remark"):
        if column in f.columns:
            codes, said = _judged(f, column, lambda v: any(w in str(v or "") for w in words))
            if column == "remark" and "item" in f.columns:
                item_codes, other = _judged(f, "item", lambda it: other_item(str(it or ""), p)
                                            and not any(w in str(it or "") for w in words))
                out |= said[codes] & ~other[item_codes]
            else:
                out |= said[codes]
    return out


def params(ctx: Context) -> dict:
    """The shared money parameters from common.toml (money_*)."""
    return {k[len("money_"):]: v for k, v in ctx.common.items() if k.startswith("money_")}


def _has_word(value: str, words) -> bool:
    return any(w in value for w in words)


def failed_status(value, p: dict) -> bool:
    """Whether a payment's status (发放状态) says it did not pay: a failed word (失败, 退回 …) or code (F) (``p``:
    :func:`params`)."""
    return _has_word(str(value or ""), p["failed_words"]) or is_code(value, p["failed_codes"])


def is_code(value, codes: list[str]) -> bool:
    """Whether a whole cell is one of some codes (a bank's S, F; an item's 0101): a cell of digits matches a code of
    digits with the leading zeros a number cell lost (101 is 0101)."""
    cell = str(value or "").strip().upper()
    return any(same_code(cell, c) for c in codes)


def _generic(item: str, p: dict) -> str:
    """A 资金项目 as read: '' for a bank's word for the transfer alone (代发工资 under a title naming 低保金, held-out 140),
    which says no more than a blank cell, also when it names the month it back-pays (补发7月民政资金: h426, read as an
    unknown item, the re-payment of a failed month was no payment)."""
    cell = re.sub(r"\s", "", item or "")
    generic = p.get("generic_items", ())
    if cell in generic:
        return ""
    if any(w in cell for w in BACK_PAY_WORDS) and item_without_back_pay(cell) in generic:
        return ""
    return item


def generic_rows(led: "Ledger") -> np.ndarray:
    """Per row: its 资金项目 is written, and only as the bank's word for a transfer or the department's money (民政资金,
    代发; ``generic_items``): the row is read as the benefit, but nothing says other money was not paid in it."""
    if "generic_rows" not in led.memo:
        if "item" not in led.frame.columns:
            led.memo["generic_rows"] = np.zeros(len(led.frame), dtype=bool)
            return led.memo["generic_rows"]
        codes, distinct = led.factorized("item")
        judged = [bool(str(v or "").strip()) and not _generic(str(v), led.params).strip() for v in distinct.tolist()]
        led.memo["generic_rows"] = np.array(judged + [False], dtype=bool)[codes]
    return led.memo["generic_rows"]


def item_without_back_pay(item: str) -> str:
    """An item's words without the back pay it names ('补发7月民政资金' → '民政资金', '低保金（补发6月）' → '低保金'); as
    written when it names no month back-paid ('低保金(补发)')."""
    bare = back_pay_stripped(item)
    if bare == item:
        return item
    return re.sub(r"[(（]\s*[)）]", "", bare).strip(" -—:：、，,") or item


def benefit_item(item: str, p: dict) -> bool:
    """Whether a 资金项目 is the monthly benefit: blank (or the bank's word for a transfer, ``generic_items``), or named
    by a benefit word or code and by no other item's (``p``: :func:`params`), other money it says it includes aside
    ('特困供养金（含护理补贴）', :func:`benefit_with_other`)."""
    item = _generic(item, p)
    if other_item(item, p):
        return False
    item = _INCLUDED.sub("", item)
    return not item or _has_word(item, p["benefit_items"]) or is_code(item, p["benefit_codes"])


def other_item(item: str, p: dict) -> bool:
    """Whether a 资金项目 is named by another item's word or code (物价补贴, a configured 0103), not counting other money
    a benefit's item says it includes (:func:`benefit_with_other`)."""
    item = _generic(item, p)
    if benefit_with_other(item, p):
        return False
    return _has_word(item, p["other_items"]) or is_code(item, p["other_codes"])


# Other money a benefit's item says its amount includes: '特困供养金（含护理补贴）', '低保金(包含物价补贴)'
_INCLUDED = re.compile(r"[（(]\s*(?:含|包含|含有|内含)[^）)]*[）)]")


def benefit_with_other(item: str, p: dict) -> bool:
    """Whether a 资金项目 names the benefit and, in brackets, other money its amount includes ('特困供养金（含护理补贴）':
    h466, read as 护理补贴 — other money — its months 应发未发 F06 中): the benefit paid, its amount no measure of it."""
    item = str(item or "")
    bare = _INCLUDED.sub("", item)
    return (bare != item and _has_word(bare, p["benefit_items"]) and not _has_word(bare, p["other_items"])
            and _has_word(" ".join(_INCLUDED.findall(item)), p["other_items"]))


def named_item(item: str, p: dict) -> bool:
    """Whether a 资金项目 is blank or read by a word or code of either list, or adjusts the benefit (提标补差: compared
    with it and recovered with it), else it is an other item, unread."""
    item = _generic(item, p)
    return (not item or _has_word(item, p["benefit_items"]) or _has_word(item, p["other_items"])
            or _has_word(item, p["adjust_words"]) or is_code(item, p["benefit_codes"] + p["other_codes"]))


def programme_item_rows(f: pd.DataFrame, p: dict) -> tuple[np.ndarray, np.ndarray]:
    """Per row, whether its 资金项目 is only one of ``programme_items`` (生活补贴, 生活费 …: words that name no programme
    and may be another subsidy's, 困难残疾人生活补贴's) in a book whose 保障类别 cell, sheet or file names 低保 or 特困 and
    no other item (残疾, 高龄 …): there, that programme's benefit; and whether it is such an item anywhere else (other
    money, unread: said by :func:`_programme_items_said`).

    Args:
        f: the payments.
        p: the money parameters (:func:`params`).
    Returns:
        (in a programme's book, elsewhere): two boolean arrays, one value per row.
    """
    words = {re.sub(r"\s", "", w) for w in p.get("programme_items", ())}
    codes, bare = _judged(f, "item", lambda it: item_without_back_pay(re.sub(r"\s", "", str(it or ""))) in words)
    rows = bare[codes]
    if not rows.any():
        return rows, rows
    context = [c for c in ("programme", "_sheet", "_file") if c in f.columns]
    each, first = groups(f, context)
    named = np.array([bool(_programme(*cells)) and not _has_word(" ".join(str(c or "") for c in cells), p["other_items"])
                      for cells in zip(*(cells_at(f, c, first).tolist() for c in context))], dtype=bool)
    in_book = rows & named[each]
    return in_book, rows & ~in_book


def _programme_items_said(f: pd.DataFrame, in_book: np.ndarray, outside: np.ndarray, p: dict) -> list[str]:
    """The notice of :func:`programme_item_rows`: which bare items were read as the benefit of the book they stand in,
    and which were left as other money where no book named 低保 or 特困."""
    if not (in_book.any() or outside.any()):
        return []

    def named(mask: np.ndarray) -> str:
        items = dict.fromkeys(item_without_back_pay(re.sub(r"\s", "", str(c or ""))) for c in
                              cells_at(f, "item", np.flatnonzero(mask)).tolist())
        return "、".join(f"“{i}”" for i in items)

    said = []
    if in_book.any():
        said.append(f"资金项目只写{named(in_book)}的 {int(in_book.sum())} 行，在文件名、工作表名或保障类别写明低保、特困的发放表中，"
                    "按该项保障金核对")
    if outside.any():
        said.append(f"只写{named(outside)}、发放表未写明低保或特困（或写有残疾、高龄等其他补贴）的 {int(outside.sum())} 行按其他资金计，"
                    "不核对")
    return ["；".join(said) + "（可能是困难残疾人生活补贴等其他补贴；如不对，请在配置文件 [common] 的 money_programme_items 中删去，"
            "或在 money_benefit_items、money_other_items 中写明）"]


def _programme(*values: str) -> str:
    """The programme a row pays: its item's, else its programme cell's, sheet's or file's."""
    return next((named for value in values if (named := programme_named(value))), "")


def ledger(ctx: Context) -> Ledger:
    """Return (and remember) the payments linked to the roster and to the event lists.

    Args:
        ctx: the audit context (with ``payments``).
    Returns:
        The ledger.
    """
    if "money" in ctx.cache:
        return ctx.cache["money"]
    # Linked once: a check run while a list is still being read (audit.run_ready_checks) keeps the links when the
    # events reach that list and stop it; the events are attached afresh.
    led = ctx.cache.get("money:linked")
    if led is None:
        from ._money_recoveries import set_apart  # (it builds on this module's ledger)

        from .f_amounts import monthly_cells

        led = _linked(ctx)
        set_apart(ctx, led)  # the bureau's own 追回 rows: no payment (held-out 237)
        monthly_cells(ctx, led)  # (quarter columns of monthly amounts: each month the cell, h383)
    ctx.cache["money:linked"] = led
    led.events_row, led.events_member = {}, {}
    led.memo["former_events"] = {}  # row paid under a former head (memo "former") → his events (f_stop._former_heads)
    led.memo["departed"] = {}  # household → events of members the roster no longer lists (_money_events._attach_departed)
    led.memo.pop("head_namesakes", None)  # (judged with the events: _money_namesakes)
    led.memo["undated_exits"] = {}  # ledger row → the exit-list row naming its payee with no date read (f_stop)
    led.memo["later_exits"] = {}  # ledger row → the exit-list row naming its payee, dated after the review date (f_stop)
    from ._money_events import events  # it builds on this module's Event and links

    events(ctx, led)
    from .f_amounts import short_lumps

    short_lumps(ctx, led)  # (a quarter's cell of the months still owed: those months, h396)
    ctx.cache["money"] = led
    # The ledger's per-row lists hold millions of references, which every cyclic-GC pass over the older
    # generations would walk again (measured: a fifth of the F checks' time on a city's year). Nothing in
    # them forms cycles; reference counting still frees them.
    gc.freeze()
    return led


def _linked(ctx: Context) -> Ledger:
    """The ledger without its events: the payments linked to the roster (see :func:`ledger`)."""
    gc.freeze()  # the members and lists, walked by no collection while the ledger's millions of cells are made
    p = params(ctx)
    side = ctx.lists["payments"].attrs.get("side_items", {})  # (a wide book's other items: named, never read)
    # (a care homes' residents list beside their lumps: ID → home, for 集中供养 members the roster names no home of)
    ctx.cache["money:care_residents"] = ctx.lists["payments"].attrs.get("care_residents", {})
    f, borrowed = _borrowed_ids(ctx.lists["payments"], ctx.lists["exits"] if ctx.has("exits") else None)
    numbering: dict = {}  # (the months' and files' numbering, made once: _factorized_once)
    later = _after_review(ctx, f, numbering)
    if later.any():  # (after the borrowing: a later month's row still tells an account's ID)
        f, borrowed = f[~later].reset_index(drop=True), borrowed[~later]
    ctx.lists["payments"] = f
    n = len(f)
    # Each distinct cell judged once (a city's ledgers repeat a handful of statuses and items millions of times).
    status, failed = _judged(f, "status", lambda s: failed_status(s, p))
    # a status no word list reads (a system's code '1', '2'): counted as paid, but it decides no 高 finding
    _, unread = _judged(f, "status", lambda s: bool(str(s or "").strip()) and not _has_word(s, p["failed_words"])
                        and not _has_word(s, p["paid_words"]) and not is_code(s, p["failed_codes"] + p["paid_codes"]))
    amounts = f["amount"].to_numpy()
    paid = ((~np.isnan(amounts) & (amounts != 0)) if amounts.dtype.kind == "f"  # 实发 0: nothing went out
            else np.fromiter((isinstance(a, float) and a == a and a != 0 for a in amounts.tolist()), dtype=bool, count=n))
    ok_rows = paid & ~failed[status]
    ok = ok_rows.tolist()
    unsure = set(np.flatnonzero(unread[status] & paid).tolist()) if unread.any() else set()
    item, kinds = _judged(f, "item", lambda it: benefit_item(it, p))
    # a bare 生活补贴 in a book naming 低保 or 特困 is its benefit (h459: a 特困 year book of N月生活补贴 | N月护理补贴)
    in_book, outside = programme_item_rows(f, p)
    benefit_rows = kinds[item] | in_book
    benefit = benefit_rows.tolist()
    _, unread_items = _judged(f, "item", lambda it: not named_item(str(it or "").strip(), p))  # a code no list names
    sources = ["item", "programme", "_sheet", "_file"]
    each, first = groups(f, sources)
    progs = object_array([_programme(*t) for t in zip(*(cells_at(f, c, first) for c in sources))])
    unnamed = "" in progs  # a file naming no programme (a bank's return file): its rows pay their members' (below)
    if not unnamed:  # (each row's programme as a code: that of its group's)
        codes, programmes = pd.factorize(progs, use_na_sentinel=False)
        programme_codes = codes[each], programmes
    progs = progs[each].tolist()
    members = ctx.members
    mem_household = members["household"].tolist()
    # Links: the row's own ID first, the head's ID for rows that name no own ID (household ledgers).
    memo = ctx.cache.setdefault("money:identities", {})
    group, links_ = _link_groups(f, members, memo=memo)
    # Per row: the first link, unless a 高 link follows (the last 高 link then), as a walk over the links would leave it.
    member_at, conf_at = _chosen(group, links_, n)
    _same_programme(members, links_, group, progs, member_at, conf_at)
    _own_household(f, members, links_, group, member_at)
    no_own = np.flatnonzero(np.asarray(f["id"] == "")) if "head_id" in f.columns else []
    if len(no_own):
        by_head, head_conf = _head_links(f, members, no_own, memo, progs)
        take = (by_head >= 0) & (member_at[no_own] < 0)
        member_at[no_own[take]], conf_at[no_own[take]] = by_head[take], head_conf[take]
    _members_of_listed_heads(f, members, member_at, conf_at, memo, progs)
    # … and the payees no current ID linked, through a former ID (原身份证号) on either side (held-out 342)
    former_ids = former_id_payees(f, members, member_at, conf_at, NameMatchParams.from_common(ctx.common))
    conf_at[borrowed & (conf_at != LOW)] = MEDIUM  # an ID another row gave: never exact (nor for a payee on no roster)
    holders_ids = _holders_shared_account(f, members, member_at, conf_at, benefit_rows)
    masked = (_masked_payees(f, members, member_at, conf_at) | _account_payees(f, members, member_at, conf_at)
              | set(np.flatnonzero(borrowed & (member_at >= 0)).tolist()) | holders_ids
              | _numbered_payees(f, members, member_at, conf_at))
    shown = _shown_digits_payees(f, members, member_at, conf_at)
    guarded = _guarded_payees(f, members, member_at, conf_at)
    remarked = _remarked_heads(ctx, f, member_at)
    dead_fellows = {**remarked, **_dead_fellows(ctx, f, member_at)}
    former = _former_payees(f, members, member_at, conf_at, dead_fellows)
    if unnamed:  # a row naming no programme pays its member's, as the same payment in a file that names it does (a
        # bank's row linked by its account too: held-out 106, its June paid again in a 补发 file was no F04)
        progs = _members_programme(progs, member_at, members)
    member, conf = member_at.tolist(), conf_at.tolist()
    has_own, has_head = _filled(f, "id"), _filled(f, "head_id")
    payee_at, household_at = _payees(f, has_own, has_head, member_at, mem_household,
                                     members["id"].to_numpy(dtype=object))
    # a damaged own ID (typed as a number, its last digits lost) linked to a member is that member's: one payee with
    # her rows under her whole or masked ID (held-out 270: the bank's masked 退回 of 顾祥's June, 4305**********4946,
    # undid nothing of the ledger's 430527195306024000, so the month unpaid was never F06)
    damaged = has_own & (member_at >= 0) & (f["id_status"] != ids.VALID).to_numpy()
    if former_ids:  # … and so is one paid under her former ID: one payee with her rows under the new one
        damaged[list(former_ids)] = True
    if holders_ids:  # … and one paid into a shared account under its holder's ID: the household paid, not the holder
        damaged[list(holders_ids)] = True
    if damaged.any():
        payee_at[damaged] = members["id"].to_numpy(dtype=object)[member_at[damaged]]
    if unnamed:  # … and a payee on no roster the programme his other rows name (h482: a returns sheet's row)
        progs = _payees_programme(progs, payee_at)
    by_remark = remark_names_other(f, p)
    extras, lone = _unnamed_extras(f, item, ok_rows & benefit_rows, payee_at, p, by_remark)
    if extras.any():  # another item the bank did not name, beside the benefit: not the benefit (F01–F06)
        benefit_rows = benefit_rows & ~extras
        benefit = benefit_rows.tolist()
    payee, household = payee_at.tolist(), household_at.tolist()
    adjusting = _adjusting(f, p)  # (judged once: the sources, the household's rows, the items notice, Ledger.array)
    if "money:sources" not in ctx.cache:
        # (a 提标补差 batch paying every household the raise for an earlier month is no second view of that month)
        drop, ctx.cache["money:sources"] = _repeated_sources(f, household_at, member_at,
                                                             ok_rows & benefit_rows & ~adjusting, numbering)
        if drop.any():  # another view of months given already: the ledger without it
            ctx.lists["payments"] = f[~drop].reset_index(drop=True)
            return _linked(ctx)
    covered = _covered(members)
    # A row paid to the head is for the whole household unless other members have rows of their own that month.
    codes = _codes(household_at, member_at, mem_household, f, numbering)
    household_row = _household_rows(member_at, members, has_own, codes, covered, f["covered_size"].to_numpy(dtype=object),
                                    benefit_rows, f["amount"].to_numpy(dtype=float, na_value=np.nan))
    # a 提标补差 row for a month the head was paid for the household is the household's too: a member gone that month
    # owes her part of it (held-out 225: 戴新's 30 of July's 90, paid in August, was left with the head)
    adjust_rows = adjusting & ~benefit_rows & (member_at >= 0)
    if adjust_rows.any():
        pair, pairs = pair_numbers(codes)
        household_row |= adjust_rows & np.bincount(pair[household_row], minlength=len(pairs)).astype(bool)[pair]
    led = Ledger(f, ok, benefit, progs, member, conf, household, payee, household_row.tolist(), covered, params=p,
                 cols=_Columns(f))
    led.memo["codes"], led.memo["masked"], led.memo["former"], led.memo["shown"] = codes, masked | shown, former, shown
    led.memo["guarded"] = guarded
    led.memo["holder_id_shared"] = holders_ids
    led.memo["former_dead"] = former & set(dead_fellows)  # (dead by the lists: no payee to change, F07)
    led.memo["former_remarked"] = former & set(remarked)  # (tied by the roster's 备注 naming him 原户主: link_text)
    led.memo["unsure"] = unsure
    led.memo["former_id"] = former_ids  # row → how a former ID linked it (link_text)
    if not unnamed:
        led.memo["programme_codes"] = programme_codes
    # paid under an item no word or code reads (a system's 项目代码 01 not configured): perhaps the benefit (F06)
    led.memo["unread_item"] = ok_rows & unread_items[item] & ~in_book & (member_at >= 0)
    led.memo["pooled"] = _pooled(f, members, member_at)
    sizes = members[["household", "covered_size"]].dropna() if "covered_size" in members.columns else None
    led.memo["covered_size"] = {} if sizes is None else sizes.groupby("household", sort=False)["covered_size"].first().to_dict()
    led.memo["member_programme"] = members["programme"].to_numpy(dtype=object)
    codes["payee"] = _payee_codes(f, payee_at, has_own, has_head, damaged)
    off = sorted(set(household_at[member_at < 0].tolist()))
    led.off_roster = {h: -(k + 1) for k, h in enumerate(off)}
    # a failed or returned row that paid nothing (实发 0) beside the sum due (应发): the payment it failed or returned
    owed = np.full(n, np.nan)
    # (the 应发 of the failed rows that paid nothing alone: no column of 2 M floats made for them)
    if "due" in f.columns and (unpaid := np.flatnonzero(~paid & failed[status])).size:
        due = f["due"].iloc[unpaid].to_numpy(dtype=float, na_value=np.nan)
        owed[unpaid] = np.where(due > 0, due, np.nan)
    _reversals(led, paid, ok_rows, owed)
    # the arrays Ledger.array would make again from the per-row lists: those the lists were made from (a reversed
    # payment's rows no longer ok, as _reversals left the list); member_at and the others are not changed after
    ok_rows[sorted(led.memo.get("reversed", ()))] = False
    # (a bare 退回 row that undid a payment is no month paid under an unread item: h486, a bank's -1,750 摘要 "退回"
    # undoing August's benefit left August "部分未检查" for F06 instead of 应发未发)
    led.memo["unread_item"] &= ok_rows
    led.memo.update({"array:ok": ok_rows, "array:benefit": benefit_rows, "array:member": member_at,
                     "array:household_row": household_row, "array:adjust": adjusting})
    led.memo["all_failed_files"] = []  # (the files every row of which failed: _all_failed_said)
    ctx.cache["money:unidentified"] = (_all_failed_said(f, failed[status], numbering, led.memo["all_failed_files"])
                                       + _masked_names_said(f, member_at)
                                       + _unidentified(f, member_at < 0, has_own | has_head)
                                       + _pooled_said(ctx, led, ok_rows & benefit_rows))
    ctx.cache["money:items"] = (_items_said(f, np.asarray(benefit, dtype=bool), progs, adjust=adjusting,
                                            undoing=undoing_rows(led), side=side) + _extras_said(f, extras, by_remark, lone)
                                + _programme_items_said(f, in_book, outside, p))
    led.memo["side_items"] = side
    led.memo["remarked_alone"] = np.flatnonzero(lone)  # (F06 says them beside a month whose benefit was not paid)
    return led


def _unnamed_extras(f: pd.DataFrame, item: np.ndarray, paid_benefit: np.ndarray, payee_at: np.ndarray,
                    p: dict, by_remark: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per row: a payment whose item names nothing (blank, or only the bank's word for the transfer or for the
    department's money: 代发, 民政资金, 救助金) paying a payee for a month beside another such row that pays her benefit
    (an amount a month of hers paid by a single benefit row; with no such month, the amount most of her benefit rows
    pay, a tie the larger), of another amount, smaller or larger: another item the bank did not name (物价补贴, 护理补贴,
    a one-off grant), not the benefit paid twice (h426: a township's bank file writing 民政资金 for every row, each
    August's 物价补贴 was F04 高; a 春节 grant of 1,000 beside the benefit was F04 高 too). Rows of her benefit's amount
    stay duplicates; so do rows when none is her benefit, and rows naming back pay. A row whose remark names another
    item is that item also alone in its month (no benefit row of hers beside it), when its amount is none of her usual
    benefit's, and less than it, as her rows no remark names pay it, and the remark names the row itself
    (:func:`_remark_is_the_row`) (h481: a 春节 grant of 500 in a month whose benefit was not paid was read as the
    benefit, F05 高 少发 661 where the month was 应发未发); otherwise it stays the benefit.

    Args:
        f: the payments.
        item: each row's item code (``_judged``).
        paid_benefit: per row: paid, and its item is the benefit.
        payee_at: each row's payee key.
        p: the money parameters (:func:`params`).
        by_remark: per row: its remark names another item (:func:`remark_names_other`; such a row counts as unnamed).
    Returns:
        (other money, those of it alone in their payee's month): two boolean arrays, one value per row.
    """
    out = np.zeros(len(f), dtype=bool)
    apart = np.zeros(len(f), dtype=bool)
    _, bare = _judged(f, "item", lambda it: not _generic(str(it or "").strip(), p).strip()
                      and not any(w in str(it or "") for w in BACK_PAY_WORDS))
    unnamed = bare[item]
    rows = np.flatnonzero(paid_benefit & unnamed & (payee_at != ""))
    remarked = np.zeros(len(f), dtype=bool) if by_remark is None else paid_benefit & by_remark & (payee_at != "")
    if (len(rows) < 2 and not remarked.any()) or "month" not in f.columns:
        return out, apart
    months, _ = cell_codes(f, "month")
    if remarked.any():  # (a row a remark names beside her named benefit rows of that month: those rows join the test)
        unnamed = unnamed | remarked
        pay_codes, _ = pd.factorize(payee_at)
        pair = pay_codes.astype(np.int64) * (int(months.max()) + 2) + (months + 1)
        near = np.isin(pair, pair[remarked]) & paid_benefit & (payee_at != "")
        rows = np.flatnonzero((paid_benefit & unnamed & (payee_at != "")) | near)
    payees, _ = pd.factorize(payee_at[rows])
    key = payees.astype(np.int64) * (int(months.max()) + 2) + (months[rows] + 1)
    twice = pd.Series(key).duplicated(keep=False).to_numpy()
    # a row a remark names, alone in its payee's month (no benefit row of hers beside it): the remark says what it is
    # when its amount is none of her usual benefit
    lone = rows[~twice & remarked[rows]]
    if not twice.any() and not len(lone):
        return out, apart
    rows, key = rows[twice], key[twice]
    amounts = np.asarray(f["amount"].to_numpy(dtype=float, na_value=np.nan), dtype=float)
    if len(deducted := explained_deductions(f)):  # (what was due: a 医保 deduction leaves the benefit's 应发 — h476)
        amounts = amounts + deducted
    # (her usual benefit from her rows no remark names: a lone grant's own amount is no measure of it)
    mine = np.flatnonzero(paid_benefit & ~remarked
                          & pd.Series(payee_at).isin(set(payee_at[np.concatenate([rows, lone])].tolist())).to_numpy())
    paid = pd.DataFrame({"p": payee_at[mine], "m": months[mine], "a": np.round(amounts[mine], 2)})
    # her benefit as months paid by one row say it (a raise in the quarter counted: held-out h426's 740 after 640);
    # with none, the amount most of her rows pay (a tie: the larger, the benefit rather than a subsidy)
    alone = paid[~paid.duplicated(["p", "m"], keep=False)]
    usual: dict[str, set] = {k: set(v) for k, v in alone.groupby("p")["a"]}
    best: dict[str, tuple[int, float]] = {}
    for (payee, amount), n in paid.value_counts(["p", "a"]).items():
        if payee not in usual and (n, amount) > best.get(payee, (0, 0.0)):
            best[payee] = (n, amount)
    usual.update({payee: {amount} for payee, (_, amount) in best.items()})
    for k in pd.unique(key):
        group = rows[key == k]
        paid_here = amounts[group]
        # her benefit among the month's rows (the largest of her usual amounts there): the rest is other money
        found = [a for a in usual.get(payee_at[group[0]], ()) if (np.abs(paid_here - a) <= 1.0).any()]
        if found:  # (only rows naming no item, or another one in their remark: never a named benefit row)
            out[group[(np.abs(paid_here - max(found)) > 1.0) & unnamed[group]]] = True
    for r in lone.tolist():
        # below her usual benefit: no benefit with the item added to it (物价补贴 in the remark of a row of 1,211 for her
        # 1,161 may say the row includes it: left as the benefit); a remark naming a sum names the row's own; no word of
        # a deduction or recovery (扣回多发物价补贴 on a benefit paid short)
        theirs = usual.get(payee_at[r], ())
        if theirs and amounts[r] < min(theirs) - 1.0 and _remark_is_the_row(f, r, amounts[r], p):
            out[r] = apart[r] = True
    return out, apart


def _remark_is_the_row(f: pd.DataFrame, r: int, amount: float, p: dict) -> bool:
    """Whether row ``r``'s remark may name the row itself: no word of a deduction, recovery or failure (``money_deduction_
    words``, ``money_recovery_words``, ``money_failed_words``: 扣, 追回, 冲正, 退回), and any sum it writes is the row's
    amount ('春节一次性生活补贴500元' of a row of 500, not '物价补贴50元' of one of 1,111)."""
    remark = str(cells_at(f, "remark", np.array([r]))[0] or "")
    if _has_word(remark, (*p.get("deduction_words", ()), *p.get("recovery_words", ()), *p.get("failed_words", ()))):
        return False
    sums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?(?=\s*元)", remark)]
    return all(abs(x - amount) <= 1.0 for x in sums)


# A remark saying the benefit's amount includes other money, or that the other money is paid elsewhere: no item of
# the row's own ('含物价补贴', '物价补贴另发')
_REMARK_INCLUDES = re.compile(r"含|包含|内含|其中|另发|另行|单独|不含|未含")


def remark_names_other(f: pd.DataFrame, p: dict) -> np.ndarray:
    """Per row: its remark (备注) names another item and nothing else of note — no benefit word, no back pay, no
    inclusion ('春节一次性生活补贴' in the 备注 of a 发放表 without a 资金项目 column, whose item the file name gave: h476,
    three grants of 500 beside January's benefit were F04 高). Used only with the amount test of
    :func:`_unnamed_extras`: such a row is other money when the payee's usual benefit is paid beside it that month.

    Args:
        f: the payments.
        p: the money parameters (:func:`params`).
    Returns:
        A boolean array, one per row.
    """
    if "remark" not in f.columns:
        return np.zeros(len(f), dtype=bool)

    def other(remark: object) -> bool:
        t = str(remark or "").strip()
        return bool(t) and other_item(t, p) and not _has_word(t, p["benefit_items"]) \
            and not any(w in t for w in BACK_PAY_WORDS) and not _REMARK_INCLUDES.search(t)

    codes, judged = _judged(f, "remark", other)
    return judged[codes]


def explained_deductions(f: pd.DataFrame) -> np.ndarray:
    """Per row: the yuan a 扣款金额 column says was deducted on the payee's behalf (代扣医保, 扣回多发) where the row's 应发
    less it is its 实发 to the fen, else 0; empty for a ledger without the column (none made for a city's year).

    Args:
        f: the payments.
    Returns:
        A float array, one per row (or empty).
    """
    if "deduction" not in f.columns:
        return np.zeros(0)
    out = np.zeros(len(f))
    ded, due, paid = (pd.to_numeric(pd.Series(f[c].to_numpy(dtype=object)), errors="coerce").to_numpy(dtype=float)
                      for c in ("deduction", "due", "amount"))
    with np.errstate(invalid="ignore"):
        fits = (ded > 0) & (np.abs(paid + ded - due) <= 0.011) & (paid > 0)
    out[fits] = ded[fits]
    return out


def _extras_said(f: pd.DataFrame, extras: np.ndarray, by_remark: np.ndarray | None = None,
                 alone: np.ndarray | None = None) -> list[str]:
    """The notices of :func:`_unnamed_extras`' rows, with an example: items unnamed, items a remark names beside the
    month's benefit, and items a remark names alone in their month (``alone``)."""
    said = []
    remarked = extras & by_remark if by_remark is not None else np.zeros(len(f), dtype=bool)
    alone = alone if alone is not None else np.zeros(len(f), dtype=bool)
    for rows, what in ((extras & ~remarked, "资金项目（摘要）未写明是哪一项（如“民政资金”、空白）"),
                       (remarked & ~alone, "备注写明是其他资金（如“{remark}”）")):
        if not rows.any():
            continue
        r = int(np.flatnonzero(rows)[0])
        if "{remark}" in what:
            what = what.format(remark=str(cells_at(f, "remark", np.array([r]))[0] or "").strip())
        said.append(f"资金发放明细中有 {int(rows.sum())} 行{what}，与同一领取人同月的另一笔"
                    f"保障金同时发放、金额与其平常每月的保障金不同（如 {_row_shown(f, r)}）：按其他资金计（如物价补贴、护理补贴、"
                    "一次性补贴），不计为重复发放；如实为重复发放，请核对")
    if alone.any():
        r = int(np.flatnonzero(alone)[0])
        remark = str(cells_at(f, "remark", np.array([r]))[0] or "").strip()
        said.append(f"资金发放明细中有 {int(alone.sum())} 行备注写明是其他资金（如“{remark}”），同一领取人当月没有另一笔保障金、"
                    f"金额也少于其平常每月的保障金（如 {_row_shown(f, r)}）：按备注所写的其他资金计，不计为当月的保障金"
                    "（当月保障金按未发放核对）；如实为当月保障金，请核对")
    return said


def _row_shown(f: pd.DataFrame, r: int) -> str:
    """A payment row as a notice's example: '张三 2026-03 500.00 元' (its payee's name, else the head's or holder's)."""
    name = next((str(v) for c in ("name", "head_name", "holder") if c in f.columns
                 and str(v := cells_at(f, c, np.array([r]))[0] or "").strip() and v == v), "")
    return f"{name} {cells_at(f, 'month', np.array([r]))[0]} {float(f['amount'].iat[r]):,.2f} 元"


def undo_word_only(item, p: dict) -> bool:
    """Whether a 资金项目 is only a word of undoing or of recovering ('冲正', '撤销', '扣回'): it names no item (``p``:
    :func:`params`)."""
    words = {*p.get("failed_words", ()), *p.get("recovery_words", ())}
    return isinstance(item, str) and re.sub(r"[\s\W_]+", "", item) in words


def undoing_rows(led: Ledger) -> dict[int, str]:
    """The rows whose item is only a word of undoing (a bare 冲正) that undid a payment (``memo['undone_by']``) → that
    item: the items notice says them as what they did, not as other money (held-out 354)."""
    rows = sorted(set(led.memo.get("undone_by", {}).values()))
    return {r: re.sub(r"\s", "", item) for r in rows if undo_word_only(item := led.cols.cell("item", r), led.params)}


def _after_review(ctx: Context, f: pd.DataFrame, memo: dict | None = None) -> np.ndarray:
    """Per row: the month it pays for (所属月份) is after the review month, and the notice ``money:later`` saying so.

    A review covers the payments for months up to the month of the review date; a ledger running beyond it holds the
    next review's months, which that review would find again (held-out 239: F01 counted 2026-03..12 at 03-31). Back pay
    made after the date for an earlier month keeps its month; a row with no month stays.
    """
    if "month" not in f.columns or f.empty:
        return np.zeros(len(f), dtype=bool)
    codes, values = _factorized_once(f, "month", memo)  # (a categorical column: compared on its distinct months)
    last = month_of(ctx.as_of)
    # (a missing cell's code is -1: the appended False, never the last distinct month's answer)
    later = np.asarray([isinstance(v, str) and v != "" and v > last for v in values] + [False], dtype=bool)[codes]
    if not later.any():
        return later
    ctx.cache["money:later"] = [f"资金发放明细中有 {int(later.sum())} 行所属月份在核查基准日所在月（{month_of(ctx.as_of)}）之后，"
                                "属于下一期核查，未计入"]
    return later


def _items_said(f: pd.DataFrame, benefit: np.ndarray, progs: list[str], shown: int = 3,
                apart: dict[int, str] | None = None, adjust: np.ndarray | None = None,
                undoing: dict[int, str] | None = None, side: dict[str, list[str]] | None = None) -> list[str]:
    """A note of the ledger's files and of the items taken as the benefit and those set aside as other money, the most
    files first, each with its number of files unless every item is in every file (held-out 203: a county's whole
    payments folder, its 高龄津贴 books taken as the benefit unsaid; held-out 231: one workbook of six items read as six
    files), and which spellings of one programme's benefit are one item (F04's ``_item_key``: 低保金 and 最低生活保障金
    listed apart read as two items, held-out 231). ``apart``: rows that are no payment (the bureau's recoveries, row →
    its label, ``_money_recoveries``), listed on their own (held-out 237: '低保金追回' was a benefit item); ``adjust``: rows
    adjusting the benefit (提标补差), listed as compared with it (held-out 279: said to be 其他资金（不核对）);
    ``undoing``: rows whose bare 冲正 undid a payment (:func:`undoing_rows`), listed as such (held-out 354: said to be
    an unread item, 已按其他资金计); ``side``: a wide book's columns of other money beside its months by file
    (上半年物价补贴, 一次性补贴: never read as payments), named among the other money (held-out 393: left out unsaid)."""
    total = f["_file"].nunique()
    kept = f
    adjust = np.zeros(len(f), dtype=bool) if adjust is None else adjust
    if apart or undoing:
        keep = np.ones(len(f), dtype=bool)
        keep[[*(apart or ()), *(undoing or ())]] = False
        kept, benefit, progs = f.loc[keep, ["item", "_file"]], benefit[keep], np.asarray(progs, dtype=object)[keep]
        adjust = adjust[keep]
    _, first = groups(kept, ["item", "_file"])  # (a row's item says whether it is the benefit)
    if not first.size and not apart:
        return []
    files: dict[bool | None, Counter] = {True: Counter(), False: Counter(), None: Counter()}  # (None: adjusting it)
    recovered = Counter(label for label, _ in {(label, f["_file"].iat[r]) for r, label in (apart or {}).items()})
    undid = Counter(label for label, _ in {(label, f["_file"].iat[r]) for r, label in (undoing or {}).items()})
    spellings: dict[str, dict[str, None]] = {}  # programme -> the benefit's spellings, in order
    seen = set()  # (class, item as said, file): one file counted once for an item however it is spelled there
    for item, is_benefit, adjusting, prog, file in zip(cells_at(kept, "item", first).tolist(), benefit[first].tolist(),
                                                       adjust[first].tolist(), [progs[r] for r in first.tolist()],
                                                       cells_at(kept, "_file", first).tolist()):
        said = re.sub(r"\s", "", str(item or ""))
        if any(w in said for w in BACK_PAY_WORDS):  # (补发7月民政资金 is 民政资金 back-paid: h426, listed as items apart)
            said = item_without_back_pay(said)
        klass = is_benefit or (None if adjusting else False)
        if (klass, said, file) not in seen:
            seen.add((klass, said, file))
            files[klass][said or "未写资金项目"] += 1
        if is_benefit and said:
            spellings.setdefault(prog, {})[said] = None
    for items in (side or {}).values():
        for item in dict.fromkeys(re.sub(r"\s", "", str(i)) for i in items):
            files[False][item] += 1
    counted = any(n != total for counts in (*files.values(), recovered, undid) for n in counts.values())

    def listed(counts: Counter) -> str:
        ranked = counts.most_common()
        # one item more than shown is named, not counted (held-out 244: "另有 1 项共 1 个文件" hid which)
        cut = shown if len(ranked) > shown + 1 else len(ranked)
        top = "、".join(f"{item} {n} 个文件" if counted else item for item, n in ranked[:cut])
        rest = ranked[cut:]  # counted, not named (held-out 226: '等 4 项' after three named left the fourth unsaid)
        more = f"，另有 {len(rest)} 项" + (f"共 {sum(n for _, n in rest)} 个文件" if counted else "") if rest else ""
        return top + more if counts else "无"

    alike = "；".join("、".join(v) for v in spellings.values() if len(v) > 1)
    one = f"（其中{alike}按同一项保障金核对）" if alike else ""
    back = f"；追回（不计为发放）：{listed(recovered)}" if recovered else ""
    back += f"；冲正（与所冲销的同额发放相抵，两笔均不计为发放）：{listed(undid)}" if undid else ""
    raised = f"；补差（计入所补月份的保障金核对）：{listed(files[None])}" if files[None] else ""
    return [f"资金发放明细（{total} 个文件）按保障金核对的项目：{listed(files[True])}{one}{raised}；"
            f"其他资金（不核对）：{listed(files[False])}{back}"]


def _unidentified(f: pd.DataFrame, unlinked: np.ndarray, ided: np.ndarray) -> list[str]:
    """A note per ledger file with rows naming no whole ID and no whole account (both masked by the bank, or an account
    alone, masked) that nothing tied to a person: their months go unchecked for that person (held-out 143: March and
    May of a county dropped from F01, F03 and F06 without a word)."""
    blind = unlinked & ~ided & (f["account_cut"].to_numpy(dtype=bool) | ~_filled(f, "bank_account"))
    if not blind.any():
        return []
    # (a line naming no one and paying nothing is no payment: a bank file's code table under its rows, 'E03 账户冻结'
    # in the 序号 column; h465's 代发回盘 were said to hold five unidentified rows a month)
    someone = np.zeros(len(f), dtype=bool)
    for c in ("id_raw", "name", "holder", "head_name", "head_id"):
        if c in f.columns:
            someone |= _filled(f, c)
    paid = pd.to_numeric(pd.Series(f["amount"].to_numpy(dtype=object)), errors="coerce").fillna(0).to_numpy() != 0
    blind &= someone | paid
    if not blind.any():
        return []
    out = []
    part = f.loc[blind, ["_file", "month"]].astype(str)
    for file, rows in part.groupby("_file", sort=True):
        months = "、".join(sorted(set(rows["month"]) - {""})[:6])
        name = file_name(file)
        out.append(f"《{name}》中有 {len(rows)} 行{f'（{months}）' if months else ''}既没有完整的身份证号，也没有完整的银行账号"
                   "（被部分隐藏或未填），按户名和露出的几位也未能对应到花名册中的人：这些行不参与死亡、服刑、迁出、停保后仍发放"
                   "（F01–F03）和应发未发（F06）的核查，相关的应追回、应补发金额可能偏低。请向银行或发放平台索取身份证号、账号完整的明细。")
    return out


def _masked_names_said(f: pd.DataFrame, member_at: np.ndarray) -> list[str]:
    """A notice on the linked rows whose 户名 a bank masked (柴*英): compared with the members on the shown characters
    alone."""
    if "link_key" not in f.columns:
        return []
    keys = f["link_key"]
    if isinstance(keys.dtype, pd.CategoricalDtype):
        starred = np.array(["*" in str(c) for c in keys.cat.categories], dtype=bool)
        hit = np.append(starred, False)[keys.cat.codes.to_numpy()] if starred.any() else np.zeros(len(f), dtype=bool)
    else:
        hit = keys.astype(str).str.contains("*", regex=False).to_numpy()
    hit &= member_at >= 0
    if not hit.any():
        return []
    example = str(keys.iloc[int(np.flatnonzero(hit)[0])])
    return [f"资金发放明细中有 {int(hit.sum())} 行的户名被银行部分隐去（如“{example}”），按发放账号和露出的字与花名册成员对应"
            "（置信度最高为“中”）；户名隐去的字无法核对，户名与本户成员露出的字相符的未列为发放账户不是本户的（F07）"]


def _all_failed_said(f: pd.DataFrame, failed: np.ndarray, memo: dict | None = None,
                     found: list[str] | None = None) -> list[str]:
    """A note per ledger file every row of which failed or came back (×, 失败, 退回): a bank's return file of failures,
    or a file whose status column was misread; its rows are read as failed as they say, the user is asked to look (h471:
    unsaid as a whole). Rows naming no one and paying nothing (a code table under a bank file's rows) do not count.
    Only the few rows not failed of files mostly failed are looked at (a city's year: millions of rows, some failed).
    ``found`` (when given) receives the files' names (F06 caps the months of a batch that failed whole, h481)."""
    if not failed.any():
        return []
    files, names = _factorized_once(f, "_file", memo)
    known = files >= 0
    total = np.bincount(files[known], minlength=len(names))
    bad = np.bincount(files[known & failed], minlength=len(names))
    candidates = np.flatnonzero((bad > 0) & (total - bad <= _CODE_TABLE_ROWS))
    out = []
    for k in candidates.tolist():
        if total[k] > bad[k]:
            rest = np.flatnonzero((files == k) & ~failed)
            someone = np.zeros(len(rest), dtype=bool)
            for c in ("id_raw", "name", "holder", "head_name", "head_id", "bank_account"):
                if c in f.columns:
                    someone |= _filled(f.iloc[rest], c)
            if "amount" in f.columns:
                someone |= pd.to_numeric(pd.Series(f["amount"].iloc[rest].to_numpy(dtype=object)),
                                         errors="coerce").fillna(0).to_numpy() != 0
            if someone.any():
                continue
        at = np.flatnonzero((files == k) & failed)
        words = list(dict.fromkeys(str(v).strip() for v in f["status"].iloc[at[:200]].astype(object).tolist()
                                   if str(v or "").strip()))
        said = f"（发放状态为“{'”“'.join(words[:3])}”{'等' if len(words) > 3 else ''}）" if words else ""
        if found is not None:
            found.append(names[k])
        name = file_name(names[k])
        out.append(f"《{name}》共 {int(bad[k])} 行发放记录，全部为失败/退回{said}：这些行都按未发放成功核查。"
                   "如是银行的失败（退回）清单，属正常；否则请核对该文件的发放状态列是否读错（如把其他列当作了发放状态）")
    return out


# The rows naming no one that a file of failures may carry beside them (a bank file's code table, a signature line)
_CODE_TABLE_ROWS = 100


def _pooled_said(ctx: Context, led: Ledger, paid: np.ndarray) -> list[str]:
    """A note per ledger file with benefit rows linked to nobody that are paid into an account the roster gives several
    households (``_pooled``; a care home's own lump is said apart, ``f_stop._care_home_lumps``): whose they are cannot be
    told, so they are checked for no one (held-out 252: July's rows of a care home's residents, no ID column, dropped
    without a word)."""
    rows = [r for r, households in led.memo["pooled"].items() if households and paid[r]]
    if rows:
        care = care_home_rows(ctx, led)
        rows = sorted(r for r in rows if not care[r])
    by_file: dict[str, list[int]] = {}
    for r in rows:
        by_file.setdefault(file_name(led.cols.cell("_file", r)), []).append(r)
    out = []
    for name, found in sorted(by_file.items()):
        months = "、".join(sorted({led.cols["month"][r] for r in found} - {""})[:6])
        r = found[0]
        account = str(led.cols["bank_account"][r])
        shown = account if len(account) <= 8 else f"{account[:4]}****{account[-4:]}"
        out.append(f"《{name}》中有 {len(found)} 行保障金{f'（{months}）' if months else ''}发放到花名册中多户共用的账号"
                   f"（如 {payee_name(ctx, led, r)}，账号 {shown}，花名册登记给 {len(led.memo['pooled'][r])} 户），"
                   "按身份证号、姓名和账号未能确定是其中哪一户（人）的：这些行不参与死亡、服刑、迁出、停保后仍发放（F01–F03）"
                   "的核查，共用该账号的户在这些月份也不按应发未发（F06）计，相关的应追回、应补发金额可能偏低。"
                   "请核对这些行的领取人和身份证号。")
    return out


def _members_programme(progs: list[str], member_at: np.ndarray, members: pd.DataFrame) -> list[str]:
    """The rows' programmes, a row naming none (its item, programme cell, sheet and file silent) taking its member's."""
    out = np.asarray(progs, dtype=object)
    blank = (out == "") & (member_at >= 0)
    out[blank] = members["programme"].to_numpy(dtype=object)[member_at[blank]]
    return out.tolist()


def _payees_programme(progs: list[str], payee_at: np.ndarray) -> list[str]:
    """The rows' programmes, a row naming none (and linked to no member) taking the one programme its payee's other
    rows name: a workbook's 退回明细 sheet names no item, and its return of a payment to a payee on no roster (dead, paid
    to his month of death) undid nothing, so the month's back pay stood as paid twice (h482: F04 高)."""
    out = np.asarray(progs, dtype=object)
    blank = np.flatnonzero(out == "")
    if not len(blank):
        return progs
    payees = np.asarray(payee_at, dtype=object)
    named = pd.DataFrame({"p": payees, "g": out})
    named = named[(named["g"] != "") & (named["p"] != "") & named["p"].notna()].drop_duplicates()
    one = named[~named["p"].duplicated(keep=False)].set_index("p")["g"]
    if one.empty:
        return progs
    out[blank] = pd.Series(payees[blank]).map(one).fillna("").to_numpy(dtype=object)
    return out.tolist()


def _head_links(f: pd.DataFrame, members: pd.DataFrame, rows: np.ndarray, memo: dict,
                progs: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Some payment rows linked by the head's ID and name (户主身份证号, 户主姓名): each row's member, -1 for none,
    and that link's confidence (the first link of the row's identity; a head enrolled in both programmes, the
    enrolment of the programme the row pays, ``progs`` per row of f; in two households, ``_own_household``'s)."""
    group, links_ = _link_groups(f, members, "head_id", "id", "head_name_key", "name_key", rows, memo)
    by_head, head_conf = np.full(len(rows), -1, dtype=np.int64), np.full(len(rows), "", dtype=object)
    _choose(by_head, head_conf, group, links_.drop_duplicates("g", keep="first"))
    _same_programme(members, links_, group, [progs[r] for r in rows.tolist()], by_head, head_conf)
    # (held-out 197: a head of her own household, a 母亲 in another county's, all her rows were the roster given first's)
    _own_household(f, members, links_, group, by_head, rows)
    return by_head, head_conf


def _members_of_listed_heads(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray,
                             memo: dict, progs: list[str]) -> None:
    """A per-person ledger beside a roster of one row per household: a member's row (her own ID, on no roster) whose
    户主身份证号 is a roster head's is that household's, when the roster lists fewer of its people than its size."""
    if "head_id" not in f.columns or not len(members):
        return
    unlinked = np.flatnonzero((member_at < 0) & ~np.asarray(f["id"] == ""))
    if not len(unlinked):
        return
    heads, own = f["head_id"].to_numpy(dtype=object)[unlinked], f["id"].to_numpy(dtype=object)[unlinked]
    rows = unlinked[(heads != "") & (heads != own)]
    if not len(rows):
        return
    by_head, head_conf = _head_links(f, members, rows, memo, progs)
    listed = members.groupby("household", sort=False)["household_size"].agg(["size", "max"])
    short = set(listed.index[pd.to_numeric(listed["max"], errors="coerce").fillna(0) > listed["size"]])
    households = members["household"].to_numpy(dtype=object)
    take = np.array([m >= 0 and households[m] in short for m in by_head.tolist()], dtype=bool)
    member_at[rows[take]], conf_at[rows[take]] = by_head[take], head_conf[take]


def _by_account_name(members: pd.DataFrame) -> dict[tuple[str, str], list[int]]:
    """(bank account, name key) → the roster members of that name the account is given for."""
    by_account: dict[tuple[str, str], list[int]] = {}
    for m, (account, name) in enumerate(zip(members["bank_account"].tolist(), members["name_key"].tolist())):
        if account and name:
            by_account.setdefault((account, name), []).append(m)
    return by_account


def _masked_payees(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray) -> set[int]:
    """A row whose ID the bank masked (4105**********0028) is the member of that name in the household the account
    belongs to on the roster, when her ID shows the same digits where the mask leaves them (中: no whole ID matched).
    Returns the rows so linked."""
    if not {"id_raw", "bank_account", "link_key"} <= set(f.columns) or not len(members):
        return set()
    unlinked = np.flatnonzero(member_at < 0)
    raw = f["id_raw"].iloc[unlinked].astype(object).tolist()
    rows = [(r, shown) for r, cell in zip(unlinked.tolist(), raw) if "*" in str(cell) or "＊" in str(cell)
            if (shown := ids.masked(cell))]
    if not rows:
        return set()
    by_account = _by_account_name(members)
    accounts, names, pids, linked = f["bank_account"], f["link_key"], members["id"].tolist(), set()
    for r, (head, tail) in rows:
        found = [m for m in by_account.get((accounts.iat[r], names.iat[r]), [])
                 if ids.shows(pids[m], (head, tail))]
        if len(found) == 1:
            member_at[r], conf_at[r] = found[0], MEDIUM
            linked.add(r)
    return linked


def _shown_digits_payees(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray) -> set[int]:
    """A row left unlinked whose ID or account a bank masked is the one roster member of its name whose ID shows the
    same digits where the mask leaves them, and whose household's account does, when the row gives each (中: no whole
    ID or account matched; held-out 143: March and May, masked, tied to nobody). A whole account is compared only when
    the row names no payee apart from the account's holder (姓名 beside another 户名). Never the name alone. Returns the
    rows so linked."""
    if not {"id_raw", "bank_account", "link_key"} <= set(f.columns) or not len(members):
        return set()
    unlinked = np.flatnonzero(member_at < 0)
    if not len(unlinked):
        return set()
    shown_id = by_value_array(f["id_raw"].iloc[unlinked], ids.masked_many, many=True)
    accounts = f["bank_account"].iloc[unlinked].astype(object).tolist()
    if "account_cut" in f.columns:  # an account a number format cut (6.218E+18) tells nothing: as none (held-out 270)
        cut = f["account_cut"].to_numpy(dtype=bool)[unlinked] & ~f["account_masked"].to_numpy(dtype=bool)[unlinked]
        accounts = ["" if c else a for a, c in zip(accounts, cut.tolist())]
    names = f["link_key"].iloc[unlinked].astype(object).tolist()
    by_name: dict[str, list[int]] = {}
    for m, name in enumerate(members["name_key"].tolist()):
        if name:
            by_name.setdefault(name, []).append(m)
    pids, owned = members["id"].tolist(), members["bank_account"].tolist() if "bank_account" in members.columns else []
    given = {a for a in owned if a}
    households, months_ = members["household"].tolist(), f["month"].to_numpy(dtype=object)
    asked: dict[str, object] = {}  # the households' paid months and the accounts placed, made for the first row that asks

    def paid() -> tuple[set[tuple[object, object]], set, dict[object, str]]:
        """(household, month) pairs paid, the accounts some row places, each household's last month paid."""
        if not asked:
            asked["months"], asked["placed"], last = _household_months(f, members, member_at), _placed_accounts(f), {}
            for h, mo in asked["months"]:
                last[h] = max(last.get(h, ""), str(mo))
            asked["last"] = last
        return asked["months"], asked["placed"], asked["last"]

    held: list[tuple[int, int, str]] = []  # rows of an unknown account in a month the household was paid otherwise
    owned_by: set[tuple[str, int]] = set()  # (unknown account, member) a month the household was not paid links
    shared: dict[str, list[int]] | None = None  # (worked out for the first row that asks: most ledgers have none)
    amounts = f["amount"].to_numpy(dtype=object) if "amount" in f.columns else np.full(len(f), None, dtype=object)
    apart = named_apart(f)[unlinked].tolist()
    linked = set()
    by_tail: dict[str, list[int]] | None = None  # members by their IDs' last 4 (made for the first row that asks)
    for r, shown, account, name, other in zip(unlinked.tolist(), shown_id.tolist(), accounts, names, apart):
        masked_acc = isinstance(account, str) and "*" in account
        # (a whole account the roster does not give her says it is another's, _masked_payees read it; unless the row
        # names her apart from the account's holder, whose account it is: the ID's shown digits alone decide, held-out
        # 252: a 分散 特困 person paid into a care home's account, 户名 the home, her masked months linked to nobody)
        # … but an account the roster gives no one says nothing of whose it is (held-out 348: the old bank's 农商银行
        # accounts, closed at the switch to 邮储银行, the roster listing only the new ones): the name and the ID's
        # shown digits decide, as for a masked account
        unknown = bool(account) and not masked_acc and account not in given
        # … and a whole account the roster gives another household, under the name and ID digits (eight or more shown)
        # of one member whose household was paid no other way that month: hers paid into another's account, F07's case
        # (h465: an 一卡通 export's masked IDs; the member was 不在册 中 and 应发未发 all year, F07 unsaid)
        another = (bool(account) and not masked_acc and not unknown and ids.shows_enough(shown)
                   and not (other and shown))
        if not name or (shown is None and not masked_acc) or (
                account and not masked_acc and not (other and shown) and not (unknown and shown is not None) and not another):
            continue
        found = by_name.get(name, [])
        if shown is not None:
            found = [m for m in found if ids.shows(pids[m], shown)]
        if masked_acc and owned:
            head, tail = account.split("*", 1)[0], account.rsplit("*", 1)[-1]
            found = [m for m in found if owned[m] and owned[m].startswith(head) and owned[m].endswith(tail)]
            if shown is None and len(found) == 1:  # the holder's name, perhaps another household's benefit
                shared = _shared_accounts(members, set(owned)) if shared is None else shared
                if owned[found[0]] in shared:
                    found = [m for m in shared[owned[found[0]]] if _amount_is(amounts[r], members, m)]
        if not found and shown is not None and masked_acc and owned:
            # a masked ID and a masked account under a holder who is no member of that name showing those digits (held-out
            # 262: a cadre's account the roster registers for the household, or one it shares with the holder's household,
            # 户名 the cadre or the other head; the months linked to nobody were F06 中): the one member whose ID and
            # household account both show the digits (中; F07 says the holder; head, tail: the account's, above)
            if by_tail is None:
                by_tail = {}
                for m, pid in enumerate(pids):
                    if len(pid) == 18:
                        by_tail.setdefault(pid[-4:], []).append(m)
            if ids.shows_enough(shown) and len(head) + len(tail) >= ids.MIN_SHOWN:
                found = [m for m in by_tail.get(shown[1][-4:], []) if ids.shows(pids[m], shown)
                         and owned[m] and owned[m].startswith(head) and owned[m].endswith(tail)]
        if another:
            found = [m for m in found if owned and owned[m] != account]
            paid_months = paid()[0]
            if len(found) == 1 and (households[found[0]], months_[r]) not in paid_months:
                member_at[r], conf_at[r] = found[0], MEDIUM
                linked.add(r)
            continue
        if unknown and not masked_acc and not (other and shown):
            # (an outsider of that name and digits on her own account, the member paid that month under her ID or the
            # roster's account, is not the member: held-out 140)
            # (… unless her own months elsewhere show the account hers: the old bank's March, paid by both banks)
            # (… and a ledger naming the payee's village leaves a head's new account to F07's lead, held-out 252, unless
            # the roster already gives the household a later account, paid after this one: this one is its old account)
            paid_months, placed, last_paid = paid()
            if account in placed:
                found = [m for m in found if last_paid.get(households[m], "") > str(months_[r])]
            if len(found) == 1 and (households[found[0]], months_[r]) in paid_months:
                held.append((r, found[0], account))
                continue
            if len(found) == 1:
                owned_by.add((account, found[0]))
        if len(found) == 1:
            member_at[r], conf_at[r] = found[0], MEDIUM
            linked.add(r)
    for r, m, account in held:
        if (account, m) in owned_by:
            member_at[r], conf_at[r] = m, MEDIUM
            linked.add(r)
    return linked


def id_unwritten(led: "Ledger", r: int) -> str:
    """How row ``r`` lacks a whole ID, for evidence: '未写身份证号', or the masked cell it wrote (一卡通平台:
    '身份证号中间几位被隐去（640425********8931）'), or '所写身份证号无效' (never printed whole).

    Args:
        led: the ledger.
        r: the row.
    Returns:
        The words.
    """
    raw = str(led.cols["id_raw"][r] or "").strip() if "id_raw" in led.frame.columns else ""
    if not raw:
        return "未写身份证号"
    return f"身份证号中间几位被隐去（{raw}）" if ids.masked(raw) else "所写身份证号无效"


def _guarded_payees(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray) -> set[int]:
    """A row left unlinked whose own whole ID is the guardian the roster records for its members of one household
    (监护人身份证号 on a 特困 book: an orphan's uncle, an incapacitated adult's brother) is paid for that household, to
    its first such member (中: the payee is not the ward; h465: the guardian was 不在册 中, the ward 应发未发 all year).
    A guardian recorded in two households links nothing (said by the unlinked rows' notice). Returns the rows so
    linked."""
    if "guardian_id" not in members.columns or "id" not in f.columns or not len(members):
        return set()
    wards: dict[str, list[int]] = {}
    for m, g in enumerate(members["guardian_id"].tolist()):
        if g:
            wards.setdefault(g, []).append(m)
    if not wards:
        return set()
    households = members["household"].tolist()
    valid = (f["id_status"] == ids.VALID).to_numpy() if "id_status" in f.columns else np.ones(len(f), dtype=bool)
    # a masked ID (一卡通: 640425********8691) is the guardian's when the row's name is the guardian's the roster records
    # and his ID shows the same digits (at least eight shown)
    guardian_names = [person_name(g) for g in members["guardian_name"].tolist()] if "guardian_name" in members.columns else []
    masked_rows = np.flatnonzero((member_at < 0) & ~valid).tolist() if guardian_names and {"id_raw", "link_key"} <= set(f.columns) else []
    linked = set()
    for r in masked_rows:
        shown = ids.masked(f["id_raw"].iat[r])
        if not ids.shows_enough(shown):
            continue
        name = f["link_key"].iat[r]
        found = [m for g, ms in wards.items() if ids.shows(g, shown) for m in ms if name and guardian_names[m] == name]
        if found and len({households[m] for m in found}) == 1:
            member_at[r], conf_at[r] = found[0], MEDIUM
            linked.add(r)
    for r in np.flatnonzero((member_at < 0) & valid).tolist():
        found = wards.get(f["id"].iat[r], ())
        if found and len({households[m] for m in found}) == 1:
            member_at[r], conf_at[r] = found[0], MEDIUM
            linked.add(r)
    return linked


def _borrowed_ids(f: pd.DataFrame, exits: pd.DataFrame | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """:func:`_borrowed_by_account`, then :func:`_borrowed_by_number`.

    Returns:
        (the payments, with the IDs borrowed filled in; which rows borrowed one).
    """
    f, borrowed = _borrowed_by_account(f, exits)
    return _borrowed_by_number(f, borrowed)


def _borrowed_by_number(f: pd.DataFrame, borrowed: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """A row naming no whole ID (blank, or masked) that gives a system export's 家庭编号 takes the one ID the ledger's
    other rows of that 家庭编号 give under the same name (a masked ID only one showing its digits): the same payee in
    every month, linked at 中 (h491: a household off the roster, its ID blank in some months and no account column,
    was two payees, the exit list's F03 counting only the months under its ID)."""
    if "household_no" not in f.columns or not {"link_key", "id"} <= set(f.columns) or f.empty:
        return f, borrowed
    numbered = _filled(f, "household_no") & _filled(f, "link_key")
    bare = numbered & (f["id"].astype(object).fillna("").astype(str) == "").to_numpy() & ~borrowed
    if "head_id" in f.columns:
        bare &= ~_filled(f, "head_id")
    if not bare.any():
        return f, borrowed
    keys = f["household_no"].astype(object).astype(str) + "|" + f["link_key"].astype(object).astype(str)
    given = numbered & (f["id_status"] == ids.VALID).to_numpy()
    if not given.any():
        return f, borrowed
    found = keys[bare].map(_unique_keys(keys[given], f["id"][given].astype(object)))
    raws = f["id_raw"].astype(object)[bare].tolist() if "id_raw" in f.columns else [""] * int(bare.sum())
    for k, pid in enumerate(found.tolist()):
        if isinstance(pid, str) and not ids.may_be(raws[k], pid):  # a masked ID: the one found must show its digits
            found.iat[k] = None
    rows = found.dropna().index
    if not len(rows):
        return f, borrowed
    f = _lent(f, found, rows)
    return f, borrowed | f.index.isin(rows)


def _lent(f: pd.DataFrame, found: pd.Series, rows: pd.Index) -> pd.DataFrame:
    """A copy of the payments with the IDs ``found`` lent to ``rows``, each with a valid ID's status, reliable digits and
    birth (it was given whole somewhere)."""
    f = f.copy()
    f["id"] = f["id"].astype(object)
    f.loc[rows, "id"] = found[rows]
    for col, value in (("id_status", lambda v: ids.VALID), ("id_reliable", lambda v: 18), ("birth", ids.birth_date)):
        f[col] = f[col].astype(object)
        f.loc[rows, col] = found[rows].map(value)
    return f


def _borrowed_by_account(f: pd.DataFrame, exits: pd.DataFrame | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """A row naming no ID (a bank's 代发 file for one month) takes the ID that the ledger's other rows paid into the same
    account under the same name give, when they give one alone: the same payee in every month (linked at 中). The
    exit list's 原发放账号 gives its person's ID (under the person's name) and the head's (under the head's): a household
    that left, still paid through the bank, is the one the exit list names (held-out 119). An account a number format
    cut (6.22991E+18) is nobody's: no row borrows through it.

    Returns:
        (the payments, with those IDs filled in; which rows borrowed one).
    """
    none = np.zeros(len(f), dtype=bool)
    if not {"bank_account", "link_key", "id_raw"} <= set(f.columns) or f.empty:
        return f, none
    # a bank's masked ID (4105**********1234) names no one either: it takes an ID that shows its digits (held-out 140)
    raw = f["id_raw"]
    if isinstance(raw.dtype, pd.CategoricalDtype) and raw.cat.codes.min() >= 0:
        # (a coded column: each category judged, the rows given their category's by its code; no object array of
        # every row's result, as by_value_array would make, read only at the few bare rows below)
        each, at_code = object_array(ids.masked_many(list(raw.cat.categories))), raw.cat.codes.to_numpy()
        masked = pd.notna(each)[at_code]
    else:
        shown = by_value_array(raw, ids.masked_many, many=True)
        each, at_code = shown, None
        masked = pd.notna(shown)  # (ids.masked gives a tuple or None: no Python loop over the rows)
    bare = ~_filled(f, "id_raw") | masked
    if not bare.any():
        return f, none
    whole = _filled(f, "bank_account") & ~f["account_cut"].to_numpy(dtype=bool)
    bare &= whole & _filled(f, "link_key")
    if "head_id" in f.columns:
        bare &= ~_filled(f, "head_id")
    if not bare.any():
        return f, none
    keys = f["bank_account"].astype(object).astype(str) + "|" + f["link_key"].astype(object).astype(str)
    given = ~bare & whole & (f["id_status"] == ids.VALID).to_numpy()
    known = [pd.DataFrame({"k": keys[given], "id": f["id"][given].astype(object)})]
    if exits is not None and "bank_account" in exits.columns:
        # (the exit list's own whole accounts: ``whole`` stays the ledger's, which _head_borrowed reads below)
        exit_whole = _filled(exits, "bank_account") & ~exits["account_cut"].to_numpy(dtype=bool)
        for id_col, name_col in (("id", "name"), ("head_id", "head_name")):
            if {id_col, name_col} <= set(exits.columns):
                names = exits[name_col].astype(object).map(lambda v: person_name(str(v or "")))
                take = exit_whole & (exits[id_col + "_status"] == ids.VALID).to_numpy() & (names != "").to_numpy()
                known.append(pd.DataFrame({"k": exits["bank_account"][take].astype(str) + "|" + names[take],
                                           "id": exits[id_col][take].astype(object)}))
    known = pd.concat(known, ignore_index=True)
    found = keys[bare].map(_unique_keys(known["k"], known["id"]))
    if (masked_ := _masked_names_borrowed(keys[bare][found.isna().to_numpy()], known["k"], known["id"])).size:
        found = found.astype(object)
        found.loc[masked_.index] = masked_.to_numpy()
    _by_amount(f, bare, given, found)
    left = found.isna().to_numpy() & masked[bare]
    if left.any() and "holder_key" in f.columns:
        # a masked row whose 户名 is the holder other months name beside one payee's whole ID on that account: that
        # payee, if the ID shows its digits (held-out 387: a household paid into a cadre's account, 户名 the cadre, its
        # half-year under a masked ID tied to nobody: F06 中 for months that were paid)
        held = given & _filled(f, "holder_key")
        holders = f["bank_account"].astype(object).astype(str) + "|" + f["holder_key"].astype(object).astype(str)
        at = found.index[left]
        found = found.astype(object)
        found.loc[at] = keys.loc[at].map(_unique_keys(holders[held], f["id"][held])).to_numpy(dtype=object)
    heads = _head_borrowed(f, keys, bare, whole, found)
    at = np.flatnonzero(masked[bare])  # a masked ID's row: the ID found must show its digits
    if len(at):
        shown = each[at_code[bare][at]] if at_code is not None else each[bare][at]
        fits = [ids.shows(p, s) for p, s in zip(found.iloc[at].tolist(), shown.tolist())]
        found.iloc[at[~np.asarray(fits, dtype=bool)]] = None
    rows = found.dropna().index
    if not len(rows) and not len(heads):
        return f, none
    f = _lent(f, found, rows)
    if len(heads):  # (a household's head, as its rows in the account name him)
        for col, value in (("head_id", lambda v: v), ("head_id_status", lambda v: ids.VALID)):
            f[col] = f[col].astype(object)
            f.loc[heads.index, col] = heads.map(value)
    return f, f.index.isin(rows) | f.index.isin(heads.index)


def _masked_names_borrowed(keys: pd.Series, known_keys: pd.Series, known_ids: pd.Series) -> pd.Series:
    """Row → the one ID the ledger's other rows paid into a row's account under a name its masked 户名 (柴*英) fits, for
    the rows of ``keys`` ('account|name') whose name a bank masked (h477: a dead payee's bank rows under 柴*英 were a
    second household on her account, F07 中, and a payee on no roster, F03 中)."""
    left = [i for i, k in keys.items() if "*" in str(k).rpartition("|")[2]]
    if not left:
        return pd.Series(dtype=object)
    wanted = {keys.at[i].rpartition("|")[0] for i in left}
    by_account: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for k, pid in zip(known_keys.tolist(), known_ids.tolist()):
        account, _, name = str(k).rpartition("|")
        if account in wanted and pid:
            by_account[account].add((name, pid))
    out = {}
    for i in left:
        account, _, mask = keys.at[i].rpartition("|")
        fits = {pid for name, pid in by_account.get(account, ()) if masked_name_fits(mask, name)}
        if len(fits) == 1:
            out[i] = next(iter(fits))
    return pd.Series(out, dtype=object)


def _head_borrowed(f: pd.DataFrame, keys: pd.Series, bare: np.ndarray, whole: np.ndarray, found: pd.Series) -> pd.Series:
    """Row → the head's ID, for the bare rows (no ID, no head ID) found nobody's own ID, whose account and name the
    ledger's rows paid to one household's head alone (户主身份证号, no own ID) give: a bank's 退回 row of a household that
    has since changed its account (held-out 315: the old account on no roster, its June 户名不符 return unread, an F04 高
    516 and an F06 of 900 missed)."""
    if not {"head_id", "head_id_status"} <= set(f.columns):
        return pd.Series(dtype=object)
    by_head = (~_filled(f, "id_raw") & whole & (f["head_id_status"] == ids.VALID).to_numpy() & _filled(f, "link_key"))
    if not by_head.any():
        return pd.Series(dtype=object)
    left = found[found.isna()].index
    out = keys[left].map(_unique_keys(keys[by_head], f["head_id"][by_head])).dropna()
    known_keys, known_ids = [keys[by_head]], [f["head_id"][by_head]]
    if "head_name_key" in f.columns:
        # … or whose 户名 is the head those rows name beside his ID (户主姓名 | 户主身份证号), paid into their account: a
        # bank's one-off grant to the head into the account his wife holds (h477: the roster's accounts cut by a number
        # format, the January grant under the head's name was a second household on the account, F07 中 twice)
        named = by_head & _filled(f, "head_name_key")
        rest = left.difference(out.index)
        if named.any() and len(rest):
            heads = f["bank_account"].astype(object).astype(str) + "|" + f["head_name_key"].astype(object).astype(str)
            out = pd.concat([out, keys[rest].map(_unique_keys(heads[named], f["head_id"][named])).dropna()])
            known_keys.append(heads[named])
            known_ids.append(f["head_id"][named])
    rest = left.difference(out.index)
    if len(rest):  # … or whose 户名 the bank masked (柴*英), fitting the name those rows give (holder or head)
        out = pd.concat([out, _masked_names_borrowed(keys[rest], pd.concat(known_keys, ignore_index=True),
                                                     pd.concat(known_ids, ignore_index=True))])
    # … or, the account's holder written otherwise (户名不符: the very reason of such a return), the one payment of that
    # account, month and amount the ledger made to a household's head
    if "month" in f.columns and "amount" in f.columns:
        paid = f["bank_account"].astype(str) + "|" + f["month"].astype(str) + "|" + f["amount"].astype(str)
        rest = left.difference(out.index)
        out = pd.concat([out, paid[rest].map(_unique_keys(paid[by_head], f["head_id"][by_head])).dropna()])
    return out


def _unique_keys(keys: pd.Series, values: pd.Series) -> pd.Series:
    """Key → value, for the keys that give one value alone."""
    known = pd.DataFrame({"k": keys, "v": values.astype(object)}).drop_duplicates()
    return known[~known["k"].duplicated(keep=False)].set_index("k")["v"]


def _by_amount(f: pd.DataFrame, bare: np.ndarray, given: np.ndarray, found: pd.Series) -> None:
    """Into an account the ledger's other rows pay several people's IDs (a father's benefit into his son's account), a
    row naming only the account and its holder is the one of them the same amount is paid to, else no one of them
    (held-out 143: the father's 516 in a bank statement under his son's name was the son's, paid twice). ``found``, the
    IDs the bare rows borrow by account and name, is corrected in place."""
    if "amount" not in f.columns:
        return
    accounts, ids_, amounts = (f[c].to_numpy(dtype=object) for c in ("bank_account", "id", "amount"))
    paid: dict[object, dict[object, set]] = {}
    asked = given & pd.Series(accounts).isin(set(accounts[bare].tolist())).to_numpy()  # (a city's year: a few accounts)
    for r in np.flatnonzero(asked).tolist():
        paid.setdefault(accounts[r], {}).setdefault(ids_[r], set()).add(amounts[r])
    several = {a for a, people in paid.items() if len(people) > 1}
    if not several:
        return
    # a row naming its payee apart from the account's holder (a care home's account paid for each resident) says whose
    # it is: the ID other rows paid into the account under that payee's name give (held-out 252: July, no ID column)
    apart = named_apart(f)
    for k, r in enumerate(np.flatnonzero(bare).tolist()):
        if accounts[r] in several and not apart[r]:
            fits = [pid for pid, sums in paid[accounts[r]].items() if amounts[r] in sums]
            found.iat[k] = fits[0] if len(fits) == 1 else None


def _account_payees(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray) -> set[int]:
    """A row naming no ID at all (a bank's 代发 file: 账号 and 户名) is the member of that name in the household the
    roster gives that account, or the member the row names apart from the holder whom the roster gives that account
    (中: no ID matched). Returns the rows so linked."""
    if not {"bank_account", "link_key", "id_raw"} <= set(f.columns) or not len(members):
        return set()
    unlinked = np.flatnonzero((member_at < 0) & ~f["account_cut"].to_numpy(dtype=bool))
    bare = unlinked[np.asarray(f["id_raw"].iloc[unlinked].astype(object).map(lambda v: not str(v or "").strip()), dtype=bool)]
    if "head_id" in f.columns:
        bare = bare[np.asarray(f["head_id"].iloc[bare].astype(object).map(lambda v: not str(v or "").strip()), dtype=bool)]
    if not len(bare):
        return set()
    by_account = _by_account_name(members)
    accounts, names, linked = f["bank_account"], f["link_key"], set()
    shared = _shared_accounts(members, {accounts.iat[r] for r in bare.tolist()})
    amounts = f["amount"].to_numpy(dtype=object) if "amount" in f.columns else np.full(len(f), None, dtype=object)
    apart = named_apart(f)
    cut = _cut_by_account_name(members)
    hh = members["household"].tolist()
    by_account_only: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (account, name), ms in by_account.items():
        by_account_only[account] += [(name, m) for m in ms]
    for r in bare.tolist():
        found = by_account.get((accounts.iat[r], names.iat[r]), [])
        if len(found) == 1 and accounts.iat[r] in shared and not apart[r]:
            # an account the roster gives several households (a father paid into his son's): the 户名 is the holder,
            # not the payee; the household whose approved amount the row pays is (held-out 143: the father's 516 was
            # the son's paid twice, F04, and the father's unpaid, F06), else it is left unsaid whose. A row naming its
            # payee (姓名) apart from the holder (户名) is hers: the roster gives her that account (a care home's, held-out
            # 252: its residents' July rows, no ID column, were linked to nobody and dropped unsaid)
            found = [m for m in shared[accounts.iat[r]] if _amount_is(amounts[r], members, m)]
        if not found and cut:
            # the roster's account a number format cut to 15 digits (6.23084027274186E+18): the bank's whole account
            # showing those digits, under a member's name, is hers (h477: a township's households paid by a bank's 代发
            # file of 账号 | 户名 alone were 不在册 and 应发未发, 低, their months unread)
            found = sorted({m for k in _shown_digits(accounts.iat[r]) for m in cut.get((k, names.iat[r]), [])})
            if len({hh[m] for m in found}) == 1:
                found = found[:1]
        if not found and "*" in str(names.iat[r] or ""):
            # a 户名 the bank masked (柴*英): the one member of the account's household it may hide (h477: each such
            # row was a payee on no roster, the household's "former head", F07 低 for 17 households and 中 for 4)
            fits = [m for name, m in by_account_only.get(accounts.iat[r], []) if masked_name_fits(names.iat[r], name)]
            heads = [m for m in fits if members["id"].iat[m] and members["id"].iat[m] == members["head_id"].iat[m]]
            if len({hh[m] for m in fits}) == 1:  # (刘* may be the head 刘永 or his son 刘强: the head's, a household's)
                found = fits if len(fits) == 1 else heads[:1]
        if len(found) == 1:
            member_at[r], conf_at[r] = found[0], MEDIUM
            linked.add(r)
    return linked


def _households_by_number(members: pd.DataFrame) -> dict[str, set]:
    """A system export's 家庭编号 → the roster households bearing it (members without one left out)."""
    numbered: dict[str, set] = defaultdict(set)
    for no, household in zip(members["household_no"].tolist(), members["household"].tolist()):
        if no := str(no or "").strip():
            numbered[no].add(household)
    return numbered


def _numbered_payees(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray) -> set[int]:
    """A row left unlinked that gives no whole ID but a system export's 家庭编号 (金民工程: 家庭编号 | 人员编号 beside an ID
    the platform left blank or masked) is the one member of its name in the one roster household of that number, when
    a masked ID shows her digits (中: no ID matched; h491: rows with neither a whole ID nor a whole account were linked
    to nobody, and the months they paid held back F06). Never the name alone, never the number alone. Returns the rows
    so linked."""
    if not {"household_no", "link_key", "id_raw"} <= set(f.columns) or "household_no" not in members.columns:
        return set()
    unlinked = np.flatnonzero((member_at < 0) & (f["id"].to_numpy(dtype=object) == ""))
    if not len(unlinked):
        return set()
    numbers = f["household_no"].iloc[unlinked].astype(object).tolist()
    if not any(numbers):
        return set()
    households = _households_by_number(members)
    by_number: dict[tuple[str, str], list[int]] = defaultdict(list)
    for m, (no, name) in enumerate(zip(members["household_no"].tolist(), members["name_key"].tolist())):
        if (no := str(no or "").strip()) and name:
            by_number[(no, name)].append(m)
    names, raw, pids, linked = f["link_key"], f["id_raw"], members["id"].tolist(), set()
    for r, no in zip(unlinked.tolist(), numbers):
        no = str(no or "").strip()
        if not no or len(households.get(no, ())) != 1:
            continue
        found = by_number.get((no, names.iat[r]), [])
        found = [m for m in found if ids.may_be(raw.iat[r], pids[m])]
        if len(found) == 1:
            member_at[r], conf_at[r] = found[0], MEDIUM
            linked.add(r)
    return linked


def _holders_shared_account(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray,
                            benefit: np.ndarray) -> set[int]:
    """A benefit row whose ID is the holder's of an account the roster gives several households (a bank's 代发 file
    names the account holder's own ID: 梁's account also paid 贾's household), paying not the approved amount of the
    holder's household but that of exactly one other household given the account, is that household's (中). Returns
    the rows so linked (h486: 贾福's 2,064 paid into 梁孝花's account under her ID was her "重复发放" 高 every month,
    and 贾福's household 应发未发)."""
    if not {"bank_account", "amount"} <= set(f.columns) or "benefit" not in members.columns or not len(members):
        return set()
    linked = np.flatnonzero((member_at >= 0) & benefit)
    if not len(linked):
        return set()
    accounts = f["bank_account"].to_numpy(dtype=object)
    on_linked = pd.Series(accounts[linked])  # (hashed, not sorted: a city's year of rows)
    shared = _shared_accounts(members, set(on_linked.unique().tolist()))
    if not shared:
        return set()
    hh = members["household"].to_numpy(dtype=object)
    amounts = f["amount"].to_numpy(dtype=object)
    out = set()
    for r in linked[on_linked.isin(list(shared)).to_numpy()].tolist():
        heads = shared[accounts[r]]
        own = hh[member_at[r]]
        if own not in {hh[m] for m in heads}:
            continue
        try:
            amount = abs(float(amounts[r]))  # (a 冲正 or 退回 row undoes the payment of the same household)
        except (TypeError, ValueError):
            continue
        if amount != amount or any(_amount_is(amount, members, m) for m in heads if hh[m] == own):
            continue
        fits = [m for m in heads if hh[m] != own and _amount_is(amount, members, m)]
        if len(fits) == 1:
            member_at[r], conf_at[r] = fits[0], MEDIUM
            out.add(r)
    return out


def _cut_by_account_name(members: pd.DataFrame) -> dict[tuple[str, str], list[int]]:
    """(first 15 digits, name key) → the roster members of that name whose account a number format cut."""
    out: dict[tuple[str, str], list[int]] = {}
    if "account_cut" not in members.columns:
        return out
    masked = (members["account_masked"].tolist() if "account_masked" in members.columns else [False] * len(members))
    for m, (account, name, cut, hidden) in enumerate(zip(members["bank_account"].tolist(), members["name_key"].tolist(),
                                                          members["account_cut"].tolist(), masked)):
        if cut and not hidden and account and name and len(account) >= 15:
            out.setdefault((account[:15], name), []).append(m)
    return out


def _shown_digits(account: object) -> set[str]:
    """The 15 digits a number format may show for an account written whole (its own, or rounded up)."""
    whole = str(account or "")
    if not (whole.isdigit() and len(whole) >= 16):
        return set()
    return ({whole[:15], carried(whole)} | shown_as_double(whole)) - {""}


def _placed_accounts(f: pd.DataFrame) -> set:
    """The accounts of the ledger rows that name a village or township."""
    placed = np.zeros(len(f), dtype=bool)
    for col in ("village", "township"):
        if col in f.columns:
            placed |= _filled(f, col)
    return set(f["bank_account"].to_numpy(dtype=object)[placed].tolist()) if placed.any() else set()


def _household_months(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray) -> set[tuple[object, object]]:
    """(household, month) of the rows already linked to a roster member."""
    at = np.flatnonzero(member_at >= 0)
    households = members["household"].to_numpy(dtype=object)[member_at[at]].tolist()
    return set(zip(households, f["month"].to_numpy(dtype=object)[at].tolist()))


def _shared_accounts(members: pd.DataFrame, accounts: set) -> dict[str, list[int]]:
    """Those of some accounts the roster gives several households → each household's head (else first member)."""
    owners = _owners(members, accounts)
    several = set(owners.loc[owners["bank_account"].duplicated(keep=False), "bank_account"])
    if not several:
        return {}
    out: dict[str, list[int]] = {}
    hh, acc = members["household"].tolist(), members["bank_account"].tolist()
    pids, heads = members["id"].tolist(), members["head_id"].tolist()
    chosen: dict[tuple[str, object], int] = {}
    for m, (a, h) in enumerate(zip(acc, hh)):
        if a in several and ((a, h) not in chosen or (pids[m] and pids[m] == heads[m])):
            chosen[(a, h)] = m
    for (a, _), m in chosen.items():
        out.setdefault(a, []).append(m)
    return out


def _amount_is(amount: object, members: pd.DataFrame, m: int) -> bool:
    """Whether a payment is the approved monthly amount (月保障金) of a member's household."""
    approved = members["benefit"].iat[m] if "benefit" in members.columns else None
    try:
        return approved is not None and amount is not None and abs(float(amount) - float(approved)) < 0.01
    except (TypeError, ValueError):
        return False


def _former_payees(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray, conf_at: np.ndarray,
                   dead_fellows: dict[int, object] | None = None) -> set[int]:
    """A row whose payee is on no roster, paid into the account the roster gives one household alone, for a month in
    which no row of that household's members is paid, is that household's (中): the bank still pays under its former
    head, who died or left (the household now under the spouse). Its payee's own death or move is then no stop of the
    household's benefit; F07 asks for the payee to be changed. (A member's own row beside the others' — a per-person
    ledger — stays his: his death stops his share.) So is a row of a dead payee the registry places in a roster
    household (``dead_fellows``: row → household, :func:`_dead_fellows`), whatever account it was paid into. Returns
    the rows so linked."""
    found = dict(dead_fellows or {})
    if "bank_account" in f.columns and len(members):
        unlinked = np.flatnonzero((member_at < 0) & ~f["account_cut"].to_numpy(dtype=bool))
        accounts = f["bank_account"].iloc[unlinked].astype(object).tolist()
        own = sole_households(members, set(accounts))
        found.update({r: own[a] for r, a in zip(unlinked.tolist(), accounts) if a in own})
    if not found:
        return set()
    heads: dict[object, int] = {}  # each of those households' head (else its first member)
    for j in np.flatnonzero(members["household"].isin(set(found.values())).to_numpy()).tolist():
        household = members["household"].iat[j]
        if household not in heads or (members["id"].iat[j] and members["id"].iat[j] == members["head_id"].iat[j]):
            heads[household] = j
    # the months and items those households' members are paid in rows of their own (a city's ledger: only theirs
    # looked at; a member's 物价补贴 row is no payment of the benefit)
    households = members["household"].to_numpy(dtype=object)
    wanted = members["household"].isin(set(found.values())).to_numpy()
    rows = np.flatnonzero(member_at >= 0)
    rows = rows[wanted[member_at[rows]]]
    months = f["month"]
    items = f["item"] if "item" in f.columns else pd.Series("", index=f.index)
    paid = set(zip(households[member_at[rows]].tolist(), months.iloc[rows].astype(object).tolist(),
                   items.iloc[rows].astype(object).tolist()))
    linked = set()
    for r, household in found.items():
        if (household, months.iat[r], items.iat[r]) not in paid:
            member_at[r], conf_at[r] = heads[household], MEDIUM
            linked.add(r)
    return linked


def _dead_payees(ctx: Context, f: pd.DataFrame, member_at: np.ndarray, by_head: bool = False) -> tuple[list[int], list]:
    """Rows linked to no member whose payee's valid ID a deaths list (or the registry) says died, and those IDs; with
    ``by_head``, a household row naming no own ID by its valid 户主身份证号 (shared by :func:`_dead_fellows` and
    :func:`_remarked_heads`)."""
    from . import dead_on_lists

    dead = dead_on_lists(ctx)
    if not dead:
        return [], []
    pids = f["id"].astype(object).tolist()
    ided = (f["id_status"] == ids.VALID).to_numpy() if "id_status" in f.columns else np.zeros(len(f), dtype=bool)
    if by_head and "head_id" in f.columns and "head_id_status" in f.columns:
        alone = ~_filled(f, "id") & (f["head_id_status"] == ids.VALID).to_numpy()
        if alone.any():
            ided = ided | alone
            heads = f["head_id"].astype(object).tolist()
            pids = [heads[r] if a else p for r, (p, a) in enumerate(zip(pids, alone.tolist()))]
    rows = [r for r in np.flatnonzero((member_at < 0) & ided).tolist() if pids[r] in dead]
    return rows, [pids[r] for r in rows]


def _dead_fellows(ctx: Context, f: pd.DataFrame, member_at: np.ndarray) -> dict[int, object]:
    """Rows of a payee on no roster whom the deaths list or the registry says died and whose registry household (户号)
    holds members of one roster household alone → that household: its former head, the household now under the spouse,
    paid into his own account (held-out 299: his January–April, paid before his death in April, were F06 中 3,040 元)."""
    if not ctx.has("registry") or "household_no" not in ctx.lists["registry"].columns or not len(ctx.members):
        return {}
    from . import registry_homes

    rows, payees = _dead_payees(ctx, f, member_at)
    if not rows:
        return {}
    home_of, people = registry_homes(ctx)
    wanted = {home_of.get(p, "") for p in set(payees)} - {""}
    household_of = dict(zip(ctx.members["id"].tolist(), ctx.members["household"].tolist()))
    households = {home: {household_of[pid] for pid in people[home] if pid in household_of} for home in wanted}
    out = {}
    for r, p in zip(rows, payees):
        found = households.get(home_of.get(p, ""), set())
        if len(found) == 1:
            out[r] = next(iter(found))
    return out


def _remarked_heads(ctx: Context, f: pd.DataFrame, member_at: np.ndarray) -> dict[int, object]:
    """Rows of a payee on no roster whom the deaths list says died and whom one roster household's 备注 names its former
    head (原户主郭淑斌于2025年10月死亡，户主变更为刘玉明: ``roster.former_head_named``), of that household's township where
    the row names one → that household (h477: his two months paid in full after his death, the household now under
    his widow, were an F01 of a payee "不在所给花名册中", tied to no household). Never by the name alone: the remark, the
    death on the list and one household of that former head."""
    mem = ctx.members
    if "former_head" not in mem.columns or not len(mem) or "name_key" not in f.columns:
        return {}
    named = mem["former_head"].map(lambda v: v if isinstance(v, str) else "")
    if not (named != "").any():
        return {}
    households: dict[str, set] = defaultdict(set)
    for key, h in zip(named.tolist(), mem["household"].tolist()):
        if key:
            households[key].add(h)
    rows, _ = _dead_payees(ctx, f, member_at, by_head=True)
    if not rows:
        return {}
    town_of = dict(zip(mem["household"].tolist(), mem["township"].tolist())) if "township" in mem.columns else {}
    names = f["name_key"].astype(object).tolist()
    heads = f["head_name_key"].astype(object).tolist() if "head_name_key" in f.columns else [""] * len(f)
    places = [f[c].astype(object).tolist() for c in ("township", "_sheet") if c in f.columns]
    towns = set(town_of.values())
    out = {}
    for r in rows:
        found = households.get(str(names[r] or "") or str(heads[r] or ""), set())
        if len(found) != 1:
            continue
        h = next(iter(found))
        town = str(town_of.get(h) or "")
        told = {str(p[r] or "").strip() for p in places} - {""}
        if town and any(t in towns and t != town for t in told):
            continue  # (a row placed in another of the roster's townships: not this household's)
        out[r] = h
    return out


def _pooled(f: pd.DataFrame, members: pd.DataFrame, member_at: np.ndarray) -> dict[int, list[object]]:
    """Rows linked to nobody whose payee cannot be told: paid into an account the roster gives two or more households
    (a bank file without IDs paying each of them under one holder's name) → those households; naming no ID and paid
    into an account a number format cut (6.22991E+18: every row of such a bank file the same digits) → no household.
    Such a row is no payee on no roster (F03), no duplicate (F04), no household of its own (F07), and a month it pays
    is no month those households (any household of its programme, for a cut account: ``blind_months``) went unpaid (F06).
    """
    if "bank_account" not in f.columns or not len(members):
        return {}
    unlinked = np.flatnonzero(member_at < 0)
    out = {r: [] for r in unlinked[blind_rows(f)[unlinked]].tolist()}
    if out and "household_no" in f.columns and "household_no" in members.columns:
        # … unless the row gives a system export's 家庭编号: the roster household of that number alone may be its payee,
        # and a number no roster household bears is none of theirs (h491: a household off the roster, its masked rows
        # with no ID, hid the unpaid months of every household of its programme)
        numbered = _households_by_number(members)
        nos = f["household_no"]
        for r in list(out):
            if no := str(nos.iat[r] or "").strip():
                if len(hs := numbered.get(no, ())) <= 1:
                    del out[r]
                    if hs:
                        out[r] = list(hs)
    accounts = f["bank_account"].iloc[unlinked].astype(object)
    several = _owners(members, set(accounts)).groupby("bank_account")["household"].agg(list)
    several = several[several.map(len) >= 2]
    out.update({r: several[a] for r, a in zip(unlinked.tolist(), accounts.tolist()) if a in several.index})
    return out


def blind_rows(f: pd.DataFrame) -> np.ndarray:
    """Per row: naming no ID (own or head's) and paid into an account a number format cut: whose it is cannot be told."""
    out = f["account_cut"].to_numpy(dtype=bool) & ~_filled(f, "id_raw")
    return out & ~_filled(f, "head_id") if "head_id" in f.columns else out


def blind_months(led: Ledger) -> set[tuple[str, str]]:
    """The (programme, month) pairs that rows whose payee cannot be told (:func:`blind_rows`) pay the benefit for ('' for
    a row naming no programme): no household of the programme is known unpaid then."""
    return {(led.programme[r], led.cols["month"][r]) for r, hs in led.memo["pooled"].items()
            if not hs and led.ok[r] and led.benefit[r]}


def sole_households(members: pd.DataFrame, accounts: set) -> dict[str, object]:
    """Those of some accounts that the roster gives one household alone → that household.

    Args:
        members: the roster members.
        accounts: the account numbers asked about (a few: the ledger's rows of payees on no roster).
    Returns:
        account → household key.
    """
    owners = _owners(members, accounts)
    owners = owners[~owners["bank_account"].duplicated(keep=False)]
    return dict(zip(owners["bank_account"].tolist(), owners["household"].tolist()))


def _owners(members: pd.DataFrame, accounts: set) -> pd.DataFrame:
    """The (bank_account, household) pairs the roster gives some accounts (a blank account is nobody's)."""
    return members.loc[members["bank_account"].isin(accounts - {""}), ["bank_account", "household"]].drop_duplicates()


def link_text(led: Ledger, rows: list[int]) -> str:
    """How payment rows were linked to the roster, in the words of a finding's 匹配键."""
    if any(r in led.memo.get("shown", ()) for r in rows):
        return "姓名一致，身份证号、发放账号露出的几位相符（明细的身份证号或账号被部分隐去）"
    if any(r in led.memo.get("holder_id_shared", ()) for r in rows):
        return "发放账号是花名册登记的多户共用账号，金额是该户的核定金额（明细的身份证号是账户户主的）"
    if any(r in led.memo.get("masked", ()) for r in rows):
        return "发放账号、姓名一致（明细的身份证号被部分隐去或没有身份证号）"
    if any(r in led.memo.get("former_remarked", ()) for r in rows):
        return "领取人是花名册备注所写该户原户主（姓名一致，死亡人员名单有其身份证号）"
    if any(r in led.memo.get("former", ()) for r in rows):
        return "发放账号与花名册一致（领取人不在花名册中）"
    former_ids = led.memo.get("former_id") or {}
    if said := next((former_ids[r] for r in rows if r in former_ids), None):
        return said
    if all(led.conf[r] == HIGH for r in rows if led.member[r] >= 0):
        return "身份证号一致"
    return "身份证号相近，姓名、出生日期一致"


def _reversals(led: Ledger, paid: np.ndarray, ok: np.ndarray, owed: np.ndarray | None = None) -> None:
    """A row that undoes a successful payment of the same amount to the same payee for the same item and month cancels
    it: neither counts as paid (a duplicate reversed is no duplicate, a payment returned and not paid again is owed).

    Three rows undo a payment: one with a negative amount (冲正, 退回 written as a minus), the payment before it rather
    than one remarked as made again (冲正后重发); a failed row of a file of
    failures alone (a bank's 退回明细 beside the finance office's ledger, which records the payment it reports as made:
    held-out 225), never the payment made again (remarked 退回重发 or 补发, ``repaid_words``/``back_pay_words``, or paid
    after the failed row); and a re-payment itself when its remark names the return (退回重发, 冻结后重发: a failed word)
    of a payment the same file records (a ledger keeping both rows). A bare 重发, or a return another file's result
    contradicts (成功 there, no record of it coming back), cancels nothing: two successes are a duplicate to check
    (held-out 226), ``memo['repaid_unsure']``. A failed row of a file that also pays (a batch's result) is its own
    attempt unless it reports a payment made before it (:func:`_reported`: the bank's return of an earlier month written
    into a later month's ledger, or below the payment in its own, held-out 233), and a row undoing none is left as it is
    (a return file that is the month's only record: a failed payment). One return undoes one payment: the same return
    in two files (a ledger's row and the bank's 退回明细, same date) undoes it once. A row naming the bureau's own
    recovery (:func:`_recovering`) undoes none: it is ``_money_recoveries``'.
    ``memo['undone_by']``: each cancelled payment → the row that undid it. ``ok``: ``led.ok`` as an array (read, never
    changed here: the rows undone are those ``led.ok`` and ``memo['reversed']`` then say). ``owed``: per row, the sum
    a failed row that paid nothing was due (its 应发 beside 实发 0; NaN elsewhere), taken as its amount here (held-out
    257: the bank's 退回 of October written in November's sheet with 实发 0 undid nothing, and a payment after death
    that came back was F01 高).
    """
    amounts = led.frame["amount"].to_numpy(dtype=float, na_value=np.nan)
    if owed is not None and not np.isnan(owed).all():
        stand_in = ~np.isnan(owed)
        amounts, paid = np.where(stand_in, owed, amounts), paid | stand_in
    file, _ = led.factorized("_file")
    paid = paid & ~_recovering(led)
    negative = np.flatnonzero(paid & (amounts < 0))
    paying = np.bincount(file[ok], minlength=int(file.max(initial=0)) + 1) > 0  # per file: some row paid
    failed = np.flatnonzero(paid & ~ok & (amounts > 0) & ~paying[file])
    said = {}  # per row: its item or remark names a re-payment (repaid_words), back pay (back_pay_words), a return
    for words in ("repaid_words", "back_pay_words", "failed_words"):
        said[words] = np.zeros(len(amounts), dtype=bool)
        for column in ("item", "remark"):
            codes, judged = _judged(led.frame, column, lambda v, w=words: _has_word(str(v or ""), led.params.get(w, ())))
            said[words] |= judged[codes]
    repaid = said["repaid_words"] & ok & (amounts > 0)
    later = repaid | said["back_pay_words"]
    # a file whose name says it pays again (《8月补发.xlsx》, 《重发明细.xlsx》): its rows are the payments made again, never
    # the ones a file of failures alone reports as come back (h481: a batch failed whole, re-sent in a 补发 file, stood
    # as returned and F06 高)
    _, file_names = led.factorized("_file")
    again = np.array([_has_word(_base_name(v), (*led.params.get("repaid_words", ()), *led.params.get("back_pay_words", ())))
                      and not _has_word(_base_name(v), led.params.get("failed_words", ())) for v in file_names.tolist()]
                     + [False], dtype=bool)
    if again.any():
        later = later | again[file]
    codes = led.memo["codes"]
    payee_month = codes["payee"].astype(np.int64) * (len(codes["m_values"]) + 2) + codes["m"] + 1
    # a failed row of a ledger that also pays, not itself a failed re-payment or back pay, beside a payment of its
    # payee, item, month and amount: perhaps a return (below; a city's batch failures mostly have none)
    returned = np.flatnonzero(paid & ~ok & (amounts > 0) & paying[file]
                              & ~said["repaid_words"] & ~said["back_pay_words"])
    lines: dict[int, list[int]] = {}  # a return of a whole line split into item columns → the line's payments
    if len(returned):
        matched = _matched(led, payee_month, amounts, returned, ok & (amounts > 0) & ~later)
        lines = _split_lines(led, payee_month, amounts, returned[~matched], ok & (amounts > 0) & ~later)
        returned = returned[matched | np.isin(returned, list(lines))]
    if not len(negative) and not len(failed) and not len(returned) and not repaid.any():
        return
    undoing = np.concatenate([negative, failed, returned, np.flatnonzero(repaid)])
    near = np.flatnonzero(np.isin(payee_month, payee_month[undoing]))  # the rows of a payee and month some row undoes
    key = dict(zip(near.tolist(), _keys(led, payee_month, near)))
    positive: dict[tuple, list[int]] = {}
    for r in near[ok[near] & (amounts[near] > 0)].tolist():
        positive.setdefault((key[r], round(float(amounts[r]), 2)), []).append(r)
    reversed_ = led.memo.setdefault("reversed", set())
    undone_by = led.memo.setdefault("undone_by", {})

    def undo(r: int, rows: list[int], cancelled: int) -> None:
        rows.remove(cancelled)
        led.ok[cancelled] = False
        reversed_.add(cancelled)
        undone_by[cancelled] = r

    for r in negative.tolist():
        rows = positive.get((key[r], round(-float(amounts[r]), 2)))
        if rows:
            # the payment reversed, not the one made again after it (remarked 冲正后重发: held-out 324, both were undone)
            undo(r, rows, ([c for c in rows if not later[c]] or rows)[-1])
            led.ok[r] = False
            reversed_.add(r)
    dates = led.cols["paid_date"]
    told: dict[tuple, int] = {}  # (key, amount, date) of a dated return that undid a payment → its file

    def once(r: int) -> bool:
        """Whether the return is not one another file already told (the same date, payee, item, month, amount)."""
        if not isinstance(dates[r], dt.date):
            return True
        return told.setdefault((key[r], round(float(amounts[r]), 2), dates[r]), int(file[r])) == file[r]

    for r in failed.tolist():
        rows = positive.get((key[r], round(float(amounts[r]), 2)), [])
        # (a payment dated after the failure is the one made again, whatever the files say)
        found = [c for c in rows if not later[c]
                 and not (isinstance(dates[c], dt.date) and isinstance(dates[r], dt.date) and dates[c] > dates[r])]
        if found and once(r):
            undo(r, rows, found[0])
    if len(returned):
        before = _reported(led, codes, ok)
        for r in returned.tolist():
            if r in lines:  # (the line's parts, each undone: its benefit and the 物价补贴 paid with it)
                parts = [(c, positive.get((key[c], round(float(amounts[c]), 2)), [])) for c in lines[r]]
                if all(c in rows and before(c, r) for c, rows in parts) and once(r):
                    for c, rows in parts:
                        undo(r, rows, c)
                    # (what the return was for, as the benefit: its line's benefit part, F06's sum owed)
                    led.memo.setdefault("line_benefit", {})[r] = float(sum(amounts[c] for c in lines[r] if led.benefit[c]))
                continue
            rows = positive.get((key[r], round(float(amounts[r]), 2)), [])
            found = [c for c in rows if not later[c] and before(c, r)]
            if found and once(r):
                undo(r, rows, found[0])
    unsure = led.memo.setdefault("repaid_unsure", set())
    for r in np.flatnonzero(repaid).tolist():
        if r in reversed_:  # undone itself (a 冲正 of the re-payment): it undoes nothing
            continue
        rows = positive.get((key[r], round(float(amounts[r]), 2)), [])
        found = [c for c in rows if not repaid[c] and said["failed_words"][r] and file[c] == file[r]]
        if found:
            undo(r, rows, found[0])
        elif any(not repaid[c] for c in rows):
            unsure.add(r)


def _base_name(path: object) -> str:
    """A file's name without its folders and extension."""
    return file_name(path or "").rsplit(".", 1)[0]


def _recovering(led: Ledger) -> np.ndarray:
    """Per row: its 资金项目 or 备注 names the bureau's own recovery by a word that is no word of undoing a payment
    (``money_recovery_words`` less those holding a ``money_failed_words`` one: 追回, 追缴, not 冲正). Such a row takes
    back money paid wrongly before; it never cancels the payment it happens to equal (held-out 241: 谢永's −1,000
    低保金追回, remarked 追回多发低保金, for a dead member's August, cancelled his November 1,000 and made it F06 高
    应发未发). A 冲正 (or 退回) of the same amount and month still undoes its payment."""
    words = [w for w in led.params.get("recovery_words", ()) if w and not _has_word(w, led.params.get("failed_words", ()))]
    out = np.zeros(len(led.frame), dtype=bool)
    for column in ("item", "remark"):
        if words and column in led.frame.columns:
            codes, judged = _judged(led.frame, column, lambda v: _has_word(str(v or ""), words))
            out |= judged[codes]
    return out


def _keys(led: Ledger, payee_month: np.ndarray, rows: np.ndarray) -> list[tuple]:
    """Per row of ``rows``: (payee and month, item) with the item as duplicates judge it: the benefit is one item
    however its row spells it (a bank's 摘要 '冲正 低保金' reverses '低保金', held-out 215: both stood as paid, and the
    payment after them was F04 高), so its programme stands for it; another item is its cell."""
    def item(i: int) -> tuple:
        if led.benefit[i]:
            return ("", led.programme[i])
        cell = led.cols.cell("item", i)
        if undo_word_only(cell, led.params):
            # an item that is only the word of undoing ('冲正', '撤销'): it names no item, so it undoes the benefit
            # it equals (held-out 351: a duplicate reversed by a bare 冲正 row stood as F04 高)
            return ("", led.programme[i])
        return ("item", cell if isinstance(cell, str) else "")

    return [(pm, item(i)) for pm, i in zip(payee_month[rows].tolist(), rows.tolist())]


def _matched(led: Ledger, payee_month: np.ndarray, amounts: np.ndarray, rows: np.ndarray,
             paying: np.ndarray) -> np.ndarray:
    """Per row of ``rows``: some paying row has its payee, item, month and amount."""
    at = np.flatnonzero(np.isin(payee_month, payee_month[rows]) & paying)
    have = set(zip(_keys(led, payee_month, at), np.round(amounts[at], 2).tolist()))
    return np.fromiter((k in have for k in zip(_keys(led, payee_month, rows), np.round(amounts[rows], 2).tolist())),
                       dtype=bool, count=len(rows))


def _split_lines(led: Ledger, payee_month: np.ndarray, amounts: np.ndarray, rows: np.ndarray,
                 paying: np.ndarray) -> dict[int, list[int]]:
    """Per row of ``rows`` (a return matching no one payment): the paying rows of one spreadsheet line of its payee and
    month, an amount split into item columns (发放总额 | 其中：低保金 | 其中：物价补贴), whose parts add up to the return's
    amount — the bank returns the transfer whole (h482: 430 came back for 400 of benefit and 30 of subsidy, undid
    nothing, and the month's 补发 was F04 高). Rows with no such line are left out."""
    if not len(rows):
        return {}
    at = np.flatnonzero(np.isin(payee_month, payee_month[rows]) & paying)
    if not len(at):
        return {}
    files, sheets, lines = led.frame["_file"].to_numpy(dtype=object), led.frame["_sheet"].to_numpy(dtype=object), \
        led.frame["_row"].to_numpy()
    groups: dict[tuple, list[int]] = defaultdict(list)
    for c in at.tolist():
        groups[(int(payee_month[c]), files[c], sheets[c], lines[c])].append(c)
    sums: dict[tuple, list[list[int]]] = defaultdict(list)
    for (pm, *_), group in groups.items():
        if len(group) > 1:
            sums[(pm, round(float(sum(amounts[c] for c in group)), 2))].append(group)
    out = {}
    for r in rows.tolist():
        found = sums.get((int(payee_month[r]), round(float(amounts[r]), 2)), [])
        if len(found) == 1 and any(led.benefit[c] for c in found[0]):
            out[r] = found[0]
    return out


def _reported(led: Ledger, codes: dict, ok: np.ndarray):
    """(payment c, failed row r) → whether r, a failed row of a ledger that also pays, reports c as come back: c was
    made before r (paid earlier when both rows are dated; else above r in the same sheet, or in a sheet whose latest
    month paid is earlier than r's). A failed row for its sheet's own latest month (the month's own batch) reports
    only a payment of its own sheet, and only when its status or remark says the money came back
    (``returned_words``, 退回): a batch's 失败 is its own attempt, and never undoes another batch's payment (the failed
    month paid again later, or paid ahead). A sheet paying nothing (a workbook's 退回 sheet) reports as a return file
    does: any payment not made after it.

    Args:
        led: the ledger.
        codes: :func:`_codes` of its rows.
        ok: per row: paid successfully.
    Returns:
        The test, for pairs of the same payee, item, month and amount.
    """
    file, _ = led.factorized("_file")
    sheet, sheets = led.factorized("_sheet")
    number = file.astype(np.int64)  # (file, sheet) as one number, made in place
    number *= len(sheets) + 1
    number += sheet
    number += 1
    sheet = number
    # each month code's rank in time ('YYYY-MM' sorts so), -1 for an undated row (a blank month, or code -1: the last)
    values = np.array([v if isinstance(v, str) else "" for v in np.asarray(codes["m_values"], dtype=object).tolist()]
                      + [""])
    rank = np.where(values == "", -1, np.argsort(np.argsort(values, kind="stable")))
    mcode = codes["m"]
    month = _RowsOf(rank, mcode)  # (a row's rank read when asked: no array of every row's)
    latest = np.full(int(sheet.max(initial=0)) + 1, -1, dtype=np.int64)
    if ok.any():  # each sheet's latest month paid: the largest month rank (-1 …) any of its paid rows has
        span = len(values)  # (month codes -1 … len(values) - 2, as columns 0 … len(values) - 1)
        key = sheet[ok]
        key *= span
        key += mcode[ok]
        key += 1
        seen = np.bincount(key, minlength=len(latest) * span).reshape(len(latest), span) > 0
        some = seen.any(axis=1)
        by_column = np.concatenate([rank[-1:], rank[:-1]])  # (column 0: code -1, the last value's rank)
        latest[some] = np.where(seen[some], by_column, -2).max(axis=1)
    dates, lines, words = led.cols["paid_date"], led.frame["_row"].to_numpy(), led.params.get("returned_words", ())

    def back(r: int) -> bool:
        return any(_has_word(str(led.cols.cell(column, r) or ""), words) for column in ("status", "remark"))

    def before(c: int, r: int) -> bool:
        dated = isinstance(dates[c], dt.date) and isinstance(dates[r], dt.date)
        if latest[sheet[r]] < 0:  # a sheet paying nothing (the returns on a sheet of their own): as a return file
            return not (dated and dates[c] > dates[r])
        if (month[r] < 0 or month[r] >= latest[sheet[r]]) and (sheet[c] != sheet[r] or not back(r)):
            return False  # the month's own batch: only a return of a payment above it
        if dated:
            return dates[c] < dates[r]
        if sheet[c] == sheet[r]:
            return int(lines[c]) < int(lines[r])
        return latest[sheet[c]] < latest[sheet[r]]

    return before


class _RowsOf:
    """Rows' values taken from a small table by their codes when read (``values[codes[r]]``)."""

    def __init__(self, values: np.ndarray, codes: np.ndarray) -> None:
        self.values, self.codes = values, codes

    def __getitem__(self, r: int):
        return self.values[self.codes[r]]


class _Columns(dict):
    """The ledger's columns as lists, each made on first use (the rules read a few of the thirty)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        super().__init__()
        self.frame = frame
        self.coded: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # column → (its cells, each row's code), for cell()

    def __missing__(self, name: str) -> list:
        self[name] = self.frame[name].tolist()
        return self[name]

    def cell(self, name: str, i: int):
        """One row's cell as the column's list holds it, without making the list of a coded column or of a column of
        numbers: evidence cites a few rows' file, sheet, row, column and item, and a list of 2 M cells cost 0.05–0.1 s
        each."""
        # (the frame's column looked up once: evidence asks for tens of thousands of cells)
        if name not in self.coded:
            column = self.frame[name] if name not in self else None
            if column is not None and isinstance(column.dtype, pd.CategoricalDtype):
                # its categories, a missing cell (code -1, the last) NaN as in the list
                self.coded[name] = (np.append(column.cat.categories.to_numpy(dtype=object), np.nan),
                                    column.cat.codes.to_numpy())
            elif column is not None and column.dtype.kind in "biuf":
                self.coded[name] = None, column.to_numpy()  # (a cell as the list's Python number: .item())
            else:
                return self[name][i]
        values, codes = self.coded[name]
        return codes[i].item() if values is None else values[codes[i]]


def _judged(f: pd.DataFrame, name: str, judge) -> tuple[np.ndarray, np.ndarray]:
    """(each row's code, the judgement of each distinct cell): a column judged once per distinct cell
    (a missing cell, code -1, judged as None); a coded column's codes as they are (:func:`cell_codes`)."""
    codes, uniques = cell_codes(f, name)
    judged = [judge(u) for u in uniques] + ([judge(None)] if (codes < 0).any() else [False])
    return codes, np.array(judged, dtype=bool)


def _filled(f: pd.DataFrame, name: str) -> np.ndarray:
    """Per row: whether a column's cell is not blank, judged once per distinct cell."""
    codes, judged = _judged(f, name, bool)
    return judged[codes]


def named_apart(f: pd.DataFrame) -> np.ndarray:
    """Per row: the row names its payee (姓名) and, apart from her, another holder of the account (户名): the name is
    whom the money is for, not the account's holder (held-out 252: 姓名 a care home's resident, 户名 the home).

    Args:
        f: the payments.
    Returns:
        A bool per row.
    """
    if not {"name_key", "holder_key"} <= set(f.columns):
        return np.zeros(len(f), dtype=bool)
    names, holders = (f[c].to_numpy(dtype=object) for c in ("name_key", "holder_key"))
    return np.fromiter((bool(a) and bool(b) and a != b for a, b in zip(names.tolist(), holders.tolist())),
                       dtype=bool, count=len(f))


def _same_programme(members: pd.DataFrame, links_: pd.DataFrame, group: np.ndarray, progs: list[str],
                    member_at: np.ndarray, conf_at: np.ndarray) -> None:
    """A payee enrolled twice (on the 特困 roster and heading a 低保 household): a row paying one programme's money is
    that programme's enrolment, not the other's."""
    linked = links_[["g", "r", "confidence"]].drop_duplicates(["g", "r"])
    twice = linked[linked["g"].duplicated(keep=False)]
    if twice.empty:
        return
    programme = members["programme"].to_numpy(dtype=object)
    enrolled = {(g, programme[m]): (m, c) for g, m, c in twice.itertuples(index=False)}
    for r in np.flatnonzero(np.isin(group, twice["g"].unique())).tolist():
        found = enrolled.get((group[r], progs[r]))
        if found and progs[r] and programme[member_at[r]] != progs[r]:
            member_at[r], conf_at[r] = found


def _own_household(f: pd.DataFrame, members: pd.DataFrame, links_: pd.DataFrame, group: np.ndarray,
                   member_at: np.ndarray, rows: np.ndarray | None = None) -> None:
    """A payee enrolled in two households of one programme (D01): a row paid into the account the roster gives one
    of them is that household's; a row naming no account, the household the payee heads (never the roster given first).
    ``rows``: the rows of f that ``group`` and ``member_at`` are for (default all)."""
    linked = links_.loc[links_["confidence"] == HIGH, ["g", "r"]].drop_duplicates()
    twice = linked[linked["g"].duplicated(keep=False)]
    if twice.empty:
        return
    candidates = twice.groupby("g")["r"].agg(list).to_dict()
    programme, account = members["programme"].to_numpy(dtype=object), members["bank_account"].to_numpy(dtype=object)
    heads = ((members["id"] == members["head_id"]) & (members["id"] != "")).to_numpy()
    asked = np.flatnonzero(np.isin(group, list(candidates)))
    # (the accounts of those rows alone)
    paid_into = (cells_at(f, "bank_account", asked if rows is None else rows[asked]) if "bank_account" in f.columns
                 else None)
    for k, r in enumerate(asked.tolist()):
        same = [m for m in candidates[group[r]] if member_at[r] >= 0 and programme[m] == programme[member_at[r]]]
        if len(same) < 2:
            continue
        into = paid_into[k] if paid_into is not None else ""
        chosen = [m for m in same if account[m] == into] if into else [m for m in same if heads[m]]
        if len(chosen) == 1:
            member_at[r] = chosen[0]


def _chosen(group: np.ndarray, links_: pd.DataFrame, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's member and confidence (-1 and '' when none) by its group's links (:func:`_link_groups`): the first
    link, unless a 高 link follows (the last 高 link then). Chosen per group, then given to the rows in one take (as
    :func:`_choose` for the first links, then for the last 高 ones, would leave them; no row written twice)."""
    if links_.empty or not n:
        return np.full(n, -1, dtype=np.int64), np.full(n, "", dtype=object)
    size = int(group.max(initial=-1)) + 1
    by_member, by_conf = np.full(size, -1, dtype=np.int64), np.full(size, "", dtype=object)
    for chosen in (links_.drop_duplicates("g", keep="first"),
                   links_[links_["confidence"] == HIGH].drop_duplicates("g", keep="last")):
        g = chosen["g"].to_numpy(dtype=np.int64)
        by_member[g], by_conf[g] = chosen["r"].to_numpy(dtype=np.int64), chosen["confidence"].to_numpy(dtype=object)
    return by_member[group], by_conf[group]


def _choose(member_at: np.ndarray, conf_at: np.ndarray, group: np.ndarray, chosen: pd.DataFrame) -> None:
    """Give every row of a group the member and confidence of that group's chosen link (:func:`_link_groups`)."""
    if chosen.empty:
        return
    by_group = np.full(int(group.max(initial=-1)) + 1, -1, dtype=np.int64)
    by_group[chosen["g"].to_numpy(dtype=np.int64)] = np.arange(len(chosen))
    at = by_group[group]
    rows = np.flatnonzero(at >= 0)
    member_at[rows] = chosen["r"].to_numpy(dtype=np.int64)[at[rows]]
    conf_at[rows] = chosen["confidence"].to_numpy(dtype=object)[at[rows]]


def _repeated_sources(f: pd.DataFrame, household: np.ndarray, member: np.ndarray,
                      paid: np.ndarray, memo: dict | None = None) -> tuple[np.ndarray, list[str]]:
    """Rows of a file's month that another view of the same month, in an earlier file, already pays.

    A county may give the bank's monthly files (one row per person) and the bureau's yearly summary (one row
    per household) for the same months; their rows differ, so the exact-copy check of :mod:`io.ledgers` keeps
    both and every household would look paid twice (F04). A later file's month whose roster households are at
    least 80 % paid by earlier files that month, and at least half as many as those, is the same payments
    seen again (a few re-paid rows in a later file are not).

    Returns:
        (rows to leave out, one Chinese note per file and month left out).
    """
    drop, notes = np.zeros(len(f), dtype=bool), []
    file_codes, files = _factorized_once(f, "_file", memo)
    if len(files) < 2:
        return drop, notes
    month_codes, month_values = _factorized_once(f, "month", memo)
    # (a row's month is not '' by its distinct month's: a missing cell, code -1, is not '' either)
    sel = paid & (member >= 0) & np.append(np.asarray(month_values, dtype=object) != "", True)[month_codes]
    pairs = pd.unique(file_codes[sel].astype(np.int64) * (len(f) + 1) + month_codes[sel])
    if len(pd.unique(pairs % (len(f) + 1))) == len(pairs):
        return drop, notes  # no month paid in two files
    months = f["month"].to_numpy(dtype=object)
    seen = pd.DataFrame({"file": f["_file"].to_numpy(dtype=object)[sel], "month": months[sel],
                         "h": np.asarray(household, dtype=object)[sel]}).drop_duplicates()
    if seen["file"].nunique() < 2:
        return drop, notes
    # The detailed files first, whatever order they were given in: a wide book (an amount column per month, a yearly
    # summary) is the other view whose months are left out, not the monthly files with their back pay and re-payments.
    names = f["_file"].to_numpy(dtype=object)
    filled = np.bincount(file_codes, weights=np.asarray(f["_col"] != ""), minlength=len(files))
    wide = {files[k] for k in np.flatnonzero(filled == np.bincount(file_codes, minlength=len(files))).tolist()}
    wide = _month_per_column(f, names, wide)
    paid_in = {(file, month_value): set(part["h"].tolist()) for (file, month_value), part in seen.groupby(["file", "month"])}
    # each file's sum per household and month, for a wide book covering part of the households the detailed files pay
    # (a township's yearly summary beside the county's monthly files, held-out 295: 90 F04/F05 高, totals ×10)
    sums = (pd.DataFrame({"file": names[sel], "month": months[sel], "h": np.asarray(household, dtype=object)[sel],
                          "amount": f["amount"].to_numpy(dtype=float, na_value=np.nan)[sel]})
            .groupby(["file", "month", "h"], sort=False)["amount"].sum().to_dict()) if wide else {}
    copied_from: dict[object, set] = {}  # a file whose batch repeats earlier files' → those files
    for month_value, part in seen.groupby("month", sort=True):
        earlier: set = set()
        before: list = []  # the files of the month already taken
        for file in sorted(dict.fromkeys(part["file"].tolist()), key=lambda name: name in wide):
            households = paid_in[file, month_value]
            common = len(households & earlier)
            alike = file in wide and sum(
                any(abs(sums.get((file, month_value, h), np.nan) - sums.get((o, month_value, h), np.nan)) <= 1 for o in before)
                for h in households & earlier) >= 0.8 * len(households)
            before.append(file)
            if earlier and common >= 0.8 * len(households) and (common >= 0.5 * len(earlier) or alike):
                drop |= (names == file) & (months == month_value)
                kept = [other for (other, m), hs in paid_in.items() if m == month_value and other != file and hs & households
                        and not copied_from.get(other)]
                notes.append(f"{Path(str(file)).name}：{month_value} 的发放与{'、'.join(f'《{Path(str(o)).name}》' for o in kept)}中"
                             "同月的发放是同一批（同一个月的资金换了一种表样又给了一次），按一份计，不算重复发放")
                copied_from.setdefault(file, set()).update(
                    other for (other, m), hs in paid_in.items() if m == month_value and other != file and hs & households)
                continue
            earlier |= households
    # The same batch's back pay for earlier months, in both views (the bank's 补发6月 beside the bureau's): once too; a
    # summary (wide book) another view of the detailed files keeps none of the months they pay its households again
    # (held-out 259: the bank's 补发2025年6-7月 in August beside the summary's June and July was F04 高 2,040)
    hh = np.asarray(household, dtype=object)
    for file, sources in copied_from.items():
        for (other, month_value), households in paid_in.items():
            rows = (names == file) & (months == month_value)
            if other != file or drop[rows].any():
                continue
            theirs = set().union(*(paid_in.get((source, month_value), set()) for source in sources))
            if households <= theirs:
                drop |= rows
            elif file in wide and households & theirs:
                drop |= rows & np.isin(hh, list(households & theirs))
                notes.append(f"{Path(str(file)).name}：{month_value} 中 {len(households & theirs)} 户的发放与"
                             f"{'、'.join(f'《{Path(str(o)).name}》' for o in sorted(sources, key=str) if paid_in.get((o, month_value), set()) & households)}"
                             "中该月的发放（补发、重新发放）是同一笔，按一份计，不算重复发放")
    return drop, notes


def _month_per_column(f: pd.DataFrame, names: np.ndarray, candidates: set) -> set:
    """The files of ``candidates`` (every row read from a column of its own) that are wide books: some line of theirs
    pays two or more months. A long ledger whose amount is split into item columns (发放总额 | 其中：低保金 | 其中：物价补贴)
    has a column per row too, but one month a line (h482: its 补发 of March in April's file, one household, was taken
    for April's view of March paid again and left out, and March stood unpaid, F06 高)."""
    out = set()
    for file in candidates:
        rows = names == file
        lines = pd.DataFrame({"s": f["_sheet"].to_numpy(dtype=object)[rows], "r": f["_row"].to_numpy()[rows],
                              "m": f["month"].to_numpy(dtype=object)[rows]}).drop_duplicates()
        if lines.duplicated(["s", "r"]).any():
            out.add(file)
    return out


def _payees(f: pd.DataFrame, has_own: np.ndarray, has_head: np.ndarray, member: np.ndarray,
            mem_household: list, mem_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the payee (own ID, else head ID, else account + name) and the household (the roster's, else
    'ledger:' + head ID, own ID or payee).

    A row naming no ID (a bank's 代发 file: 账号 and 户名) is paid to the ID of the member it is linked to, or of the
    payee on no roster other rows pay into that account under that name: one payee, whichever file names him (held-out
    106: his June paid twice was no F04, his two files two households on one account, F07).
    """
    # (each row's own ID cell, else its head's: the head's cells taken only at the rows naming no own ID)
    payee = (cells_at(f, "id", slice(None)) if isinstance(f["id"].dtype, pd.CategoricalDtype)
             else f["id"].to_numpy(dtype=object).copy())  # (a copy: the frame's own cells are never written)
    if (rows := np.flatnonzero(~has_own)).size:
        payee[rows] = cells_at(f, "head_id", rows)
    bare = np.flatnonzero(~has_own & ~has_head)
    linked = member >= 0
    if len(bare):  # (the other columns' cells taken only at the rows looked at: a city's rows nearly all name an ID)
        ided = np.flatnonzero(~linked & (has_own | has_head))
        # (only the rows paid into an account a bare row on no roster is paid into can be asked for)
        paid_into = cell_codes(f, "bank_account")[0]
        ided = ided[np.isin(paid_into[ided], paid_into[bare[~linked[bare]]])]
        accounts = cells_at(f, "bank_account", ided)
        keys = [cells_at(f, c, ided) for c in ("name_key", "head_name_key", "holder_key") if c in f.columns]
        known = {(accounts[k], key[k]): payee[r] for k, r in enumerate(ided.tolist()) if accounts[k] for key in keys
                 if key[k]}
        accounts = cells_at(f, "bank_account", bare)
        said = cells_at(f, "link_key" if "link_key" in f.columns else "name_key", bare)
        # a masked ID's shown digits tell two payees of one name on look-alike masked accounts apart (held-out 143)
        raw = cells_at(f, "id_raw", bare) if "id_raw" in f.columns else np.full(len(bare), "", dtype=object)
        for k, r in enumerate(bare.tolist()):
            found = mem_ids[member[r]] if linked[r] else known.get((accounts[k], said[k]))
            payee[r] = found or f"账号{accounts[k]}|{said[k]}" + (f"|{raw[k]}" if raw[k] and raw[k] == raw[k] else "")
    if len(mem_household):  # (the rows linked to no member are written below)
        household = np.asarray(mem_household, dtype=object)[member if linked.all() else np.where(linked, member, 0)]
    else:
        household = np.empty(len(f), dtype=object)
    off = np.flatnonzero(~linked)
    if len(off):  # 'ledger:' + (head ID or own ID or payee), each distinct cell judged and written once
        heads, owns, payees = cells_at(f, "head_id", off), cells_at(f, "id", off), payee[off]
        who = np.where(by_value_array(heads, bool).astype(bool), heads,
                       np.where(by_value_array(owns, bool).astype(bool), owns, payees))
        household[off] = by_value_array(who, lambda w: f"ledger:{w}")
        _head_named_elsewhere(f, household, np.flatnonzero(~linked & has_own), has_head)
    # A payee on no roster paid into an account held (户名) by another such payee, who is paid into it under his own
    # name, is of that payee's household (members paid one by one into their head's account)
    alone = np.flatnonzero(~linked & has_own & ~has_head)
    if len(alone) > 1 and "holder_key" in f.columns:
        accounts, names, holders = (cells_at(f, c, alone) for c in ("bank_account", "name_key", "holder_key"))
        owner = {(accounts[k], names[k]): household[r] for k, r in enumerate(alone.tolist())
                 if accounts[k] and names[k] and holders[k] == names[k]}
        for k, r in enumerate(alone.tolist()):
            if holders[k] and holders[k] != names[k] and (accounts[k], holders[k]) in owner:
                household[r] = owner[accounts[k], holders[k]]
        # … and so are her other rows (held-out 277: 朱芳's April row, its card masked, was a household of its own, F03
        # 不在册 中 beside her household's May and June)
        own = cells_at(f, "id", alone)
        placed = {i: h for i, h in zip(own.tolist(), household[alone].tolist()) if h != f"ledger:{i}"}
        for k, r in enumerate(alone.tolist()):
            if own[k] in placed and household[r] == f"ledger:{own[k]}":
                household[r] = placed[own[k]]
    return payee, household


def _head_named_elsewhere(f: pd.DataFrame, household: np.ndarray, rows: np.ndarray, has_head: np.ndarray) -> None:
    """Rows of payees on no roster (``rows``: with an ID of their own) naming no head ID, whose ID other rows name
    beside one head's ID (and the same 户主姓名, where both say it): of that head's household (held-out 322: a household
    stopped in April, its members' rows naming the head by name alone in three files and by his ID in four, was two
    households on one account, F07 中 twice, and its F03 short)."""
    headed, bare = rows[has_head[rows]], rows[~has_head[rows]]
    if not len(headed) or not len(bare):
        return
    named = "head_name_key" in f.columns
    heads_of: dict[str, set] = defaultdict(set)
    for pid, hid, hname in zip(cells_at(f, "id", headed).tolist(), cells_at(f, "head_id", headed).tolist(),
                               (cells_at(f, "head_name_key", headed) if named else np.full(len(headed), "")).tolist()):
        heads_of[pid].add((hid, hname))
    for r, pid, hname in zip(bare.tolist(), cells_at(f, "id", bare).tolist(),
                             (cells_at(f, "head_name_key", bare) if named else np.full(len(bare), "")).tolist()):
        found = heads_of.get(pid, ())
        if len({hid for hid, _ in found}) == 1 and (not hname or hname in {n for _, n in found}):
            household[r] = f"ledger:{next(iter(found))[0]}"


def _payee_codes(f: pd.DataFrame, payee: np.ndarray, has_own: np.ndarray, has_head: np.ndarray,
                 found: np.ndarray) -> np.ndarray:
    """Each row's payee (:func:`_payees`) as a number, equal numbers for equal payees: an own ID and a head's ID
    that are the same text are one payee; ``found``: rows whose payee is their member's ID, not their own cell's."""
    own, own_values = cell_codes(f, "id")  # (numbered in any order: the payees are told apart, never ranked)
    head, head_values = cell_codes(f, "head_id")
    joint = np.append(pd.factorize(np.concatenate([own_values, head_values]))[0], -1)  # a missing cell: -1
    out = joint[own]  # (the head's ID only at the rows naming no own ID)
    if (no_own := np.flatnonzero(~has_own)).size:
        at = head[no_own].astype(np.int64)
        out[no_own] = joint[np.where(at >= 0, len(own_values) + at, -1)]
    rest = np.flatnonzero((~has_own & ~has_head) | found)  # '账号…|name' payees, or the ID _payees found them
    if len(rest):
        named = payee[rest]
        out[rest] = len(joint) + pd.factorize(named)[0]
        at = {v: k for k, v in enumerate(np.concatenate([own_values, head_values]).tolist())}
        for r, v in zip(rest.tolist(), named.tolist()):
            if v in at:
                out[r] = joint[at[v]]
    return out


def _codes(household: np.ndarray, member: np.ndarray, mem_household: list, f: pd.DataFrame,
           memo: dict | None = None) -> dict:
    """Households and months as integer codes (first-appearance order), and each row's (household, month) pair."""
    households = np.asarray(household, dtype=object)
    # A linked row's household is its member's: numbered through the members, each distinct text hashed once.
    linked = member >= 0
    by_member, named = pd.factorize(np.asarray(mem_household, dtype=object))
    if linked.all():
        key = by_member[member].astype(np.int64)
    else:
        key = np.empty(len(member), dtype=np.int64)
        key[linked] = by_member[member[linked]]
        # 'ledger:…' keys, never a roster household's
        key[~linked] = len(named) + pd.factorize(households[~linked])[0]
    hcodes, distinct = first_seen(key, len(named) + int((~linked).sum()))
    huniq = households[first_rows(hcodes, len(distinct))]
    mcodes, muniq = _factorized_once(f, "month", memo)
    pair = hcodes.astype(np.int64) * (len(muniq) + 1) + mcodes
    return {"h": hcodes, "h_values": huniq, "m": mcodes, "m_values": muniq, "pair": pair}


def _factorized_once(f: pd.DataFrame, name: str, memo: dict | None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`factorized` of a payments column, kept in ``memo`` (the ledger's steps read the months and files of one
    frame: each numbered once; the arrays are shared, read only) when one is given for that frame."""
    if memo is None:
        return factorized(f, name)
    if memo.get("frame") is not f:
        memo.clear()
        memo["frame"] = f
    if name not in memo:
        memo[name] = factorized(f, name)
    return memo[name]


def _covered(members: pd.DataFrame) -> dict[str, list[int]]:
    """Roster household → its covered members (indices in order), households in order of their first covered member."""
    rows = np.flatnonzero(covered_flags(members))
    codes, households = pd.factorize(members["household"].to_numpy(dtype=object)[rows], use_na_sentinel=False)
    flat = rows[np.argsort(codes, kind="stable")].tolist()
    ends = np.cumsum(np.bincount(codes, minlength=len(households))).tolist()
    # A city's 80,000 lists made at once would set off some hundred young collections and a middle one that walk them
    # as they come (nothing in them can be garbage): 0.16-0.19 -> 0.09-0.10 s of CPU with the collector paused.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return dict(zip(households.tolist(), map(flat.__getitem__, map(slice, [0] + ends[:-1], ends))))
    finally:
        if enabled:
            gc.enable()


def _household_rows(member: np.ndarray, members: pd.DataFrame, has_own: np.ndarray, codes: dict, covered: dict,
                    sizes_row: np.ndarray, benefit: np.ndarray, amounts: np.ndarray | None = None) -> np.ndarray:
    """Per row: paid to the head for the whole household (linked to the head, or naming no own ID; more than one
    covered member; no other member has a benefit row of their own that month), or paid to the only member with
    benefit rows that month when the ledger does not say the row covers her alone (保障人口 1); never in a household
    the ledgers pay per person (two members' rows of their own in some month) unless the head's row, alone that month,
    pays the roster's amount for the whole household (``amounts``). Other items (物价补贴 … still paid under a dead
    head's ID) say nothing of how the benefit is shared."""
    n = len(member)
    if not n:
        return np.zeros(0, dtype=bool)
    linked = (member >= 0) & benefit
    at = np.where(linked, member, 0)
    if len(members):  # judged per member, then given to the rows
        is_head = linked & (members["id"].to_numpy(dtype=object) == members["head_id"].to_numpy(dtype=object))[at]
    else:
        is_head = np.zeros(n, dtype=bool)
    own = linked & ~is_head
    sizes = np.array([len(covered.get(h, ())) for h in codes["h_values"]] + [0], dtype=np.int64)
    big = linked & (sizes[codes["h"]] > 1)
    candidate = big & (is_head | ~has_own)
    if own.any():
        pair, pairs = pair_numbers(codes)
        size = len(pairs)
        # a household paid per person (two members with rows of their own in one month): a member's row is hers alone,
        # whoever else's rows stop (held-out 322: a member dead on 08-31, her rows stopped; the head's own September
        # row, alone that month, was the household's and her share of it F01 中)
        # (None: every row, no positions taken; a city's rows are all linked and all name an ID)
        every = None if linked.all() else np.flatnonzero(linked)
        if every is None:
            rows = None if has_own.all() else np.flatnonzero(has_own)
        else:
            rows = every if has_own[every].all() else np.flatnonzero(linked & has_own)
        several_own = _several_members(pair, member, rows, size)
        per_person = np.zeros(len(codes["h_values"]) + 1, dtype=bool)
        if rows is None:
            per_person[codes["h"][several_own[pair]]] = True
        else:
            per_person[codes["h"][rows[several_own[pair[rows]]]]] = True
        apart = per_person[codes["h"]]
        alone = ~np.bincount(pair[own], minlength=size).astype(bool)[pair]  # (no other member's row that month)
        if amounts is not None and "benefit" in members.columns and (candidate & apart & is_head).any():
            # … but a head's row alone in its month paying the roster's amount for the household is the household's
            # (held-out h459: members paid their shares one by one in the fourth quarter, the head for all from
            # January; a member's death in February recovered nothing); the head's own share stays his (held-out 322)
            whole = pd.to_numeric(pd.Series(members["benefit"].to_numpy(dtype=object)), errors="coerce").to_numpy(dtype=float)
            paid_whole = candidate & apart & is_head & alone & (np.abs(amounts - whole[at]) <= 1.0)
            # … or what the members' own rows added up to in a month they were paid one by one: the roster's amount
            # may have been raised since (held-out 455: shares of 400 in the fourth quarter, the head's 1,200 from
            # January, the roster's 1,290 from July; a February death recovered only July to September)
            paid_whole |= _paid_as_members_were(candidate & apart & is_head & alone & ~paid_whole, rows, several_own,
                                                pair, codes["h"], amounts, size)
            apart &= ~paid_whole
        candidate &= ~apart
        if candidate.any():  # another member paid her own row that month
            candidate &= alone
        # The head died and the household is paid into the spouse's account, under her own ID: the only member
        # with rows that month (no linked row of the pair names another member than its first linked row).
        several = several_own if rows is every else _several_members(pair, member, every, size)
        sole = own & big & ~per_person[codes["h"]] & ~several[pair]
        at = np.flatnonzero(sole)
        sole[at] = sizes_row[at] != 1
        candidate |= sole
    return candidate


def _paid_as_members_were(heads: np.ndarray, rows: np.ndarray | None, several: np.ndarray, pair: np.ndarray,
                          household: np.ndarray, amounts: np.ndarray, size: int) -> np.ndarray:
    """Per row: whether a head's row alone in its month (``heads``, a mask) pays, within a yuan, what the household's
    members' own rows added up to in a month that paid two or more of them.

    Args:
        heads: the head rows to judge.
        rows: the positions of the linked benefit rows naming their own member (None: every row).
        several: per (household, month) pair, whether ``rows`` of it name two or more members.
        pair: each row's (household, month) pair number (``size`` of them).
        household: each row's household code.
        amounts: each row's amount.
        size: the number of pairs.
    Returns:
        A mask over all rows, true only within ``heads``.
    """
    out = np.zeros(len(heads), dtype=bool)
    if not heads.any():
        return out
    rows = np.arange(len(heads)) if rows is None else rows
    rows = rows[several[pair[rows]]]
    if not len(rows):
        return out
    total = np.bincount(pair[rows], weights=np.nan_to_num(amounts[rows]), minlength=size)
    totals: dict[int, set[int]] = {}
    for p, h in dict(zip(pair[rows].tolist(), household[rows].tolist())).items():
        totals.setdefault(h, set()).add(round(total[p]))
    for k in np.flatnonzero(heads):
        paid = amounts[k]
        out[k] = paid == paid and any(abs(paid - t) <= 1.0 for t in totals.get(int(household[k]), ()))
    return out


def _several_members(pair: np.ndarray, member: np.ndarray, rows: np.ndarray | None, size: int) -> np.ndarray:
    """Per (household, month) pair number (``size`` of them): whether ``rows`` (None: all) of it name another member
    than its first row does."""
    first = np.full(size, -1, dtype=np.int64)
    at, who = (pair, member) if rows is None else (pair[rows], member[rows])
    first[at[::-1]] = who[::-1]
    return np.bincount(at[who != first[at]], minlength=size).astype(bool)


def numbered(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer keys as numbers from 0 (for :func:`numpy.bincount`), and the key each number stands for.

    Keys whose span is small beside their count are numbered by their offset from the smallest (some numbers
    then stand for no key); other keys are factorized.
    """
    if not len(keys):
        return keys.astype(np.int64), keys[:0]
    low, high = int(keys.min()), int(keys.max()) + 1
    if high - low <= 4 * len(keys) + 1024:
        return keys - low, np.arange(low, high)
    return pd.factorize(keys)


def pair_numbers(codes: dict, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each row's (household, month) pair (of all rows, or of some: a mask or positions) by :func:`numbered`."""
    return numbered(codes["pair"] if rows is None else codes["pair"][rows])


def _link_groups(f: pd.DataFrame, right: pd.DataFrame, left_id: str = "id", right_id: str = "id",
                 left_name: str = "link_key", right_name: str = "name_key", rows: np.ndarray | None = None,
                 memo: dict | None = None) -> tuple[np.ndarray, pd.DataFrame]:
    """:func:`link_lists` for payment rows, each distinct payee identity joined once (a payee comes back every month).

    Rows with the same ID, ID status, reliable digits and name key link alike: one of them is joined for all.

    Args:
        f: the payments.
        right: the frame to link to.
        left_id, right_id, left_name, right_name: as :func:`link_lists`.
        rows: link only these rows (positions), else all.
        memo: where the identity groups of ``f`` are kept between calls (the ledger links to several lists).
    Returns:
        (each row's group, numbered from 0 in order of first appearance; the links of each group, columns g, r,
        confidence and key, in the order :func:`link_lists` gives them).
    """
    prefix = left_id[: -len("id")]
    cols = [left_id, left_name, prefix + "id_status", prefix + "id_reliable"]
    if f.empty or any(c not in f.columns for c in cols):  # every row its own group
        part = _plain(f if rows is None else f.iloc[rows])
        links_ = link_lists(part, right, left_id, right_id, left_name, right_name)
        return np.arange(len(part)), links_.assign(g=part.index.get_indexer(links_["m"]))[["g", "r", "confidence", "key"]]
    key = (left_id, left_name)
    if memo is not None and key in memo and memo[key][0] is f:
        group, first = memo[key][1:]
    else:
        group, first = groups(f, cols)
        if memo is not None:
            memo[key] = (f, group, first)
    if rows is not None:
        group, kept = pd.factorize(group[rows])
        first = first[kept]
    firsts = _plain(f.iloc[first, [f.columns.get_loc(c) for c in cols]])  # only what link_lists reads
    links_ = link_lists(firsts, right, left_id, right_id, left_name, right_name)
    return group, links_.assign(g=firsts.index.get_indexer(links_["m"]))[["g", "r", "confidence", "key"]]


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A few payment rows with their coded columns as plain objects (the lists they are joined with hold objects)."""
    coded = {c: object for c, t in frame.dtypes.items() if isinstance(t, pd.CategoricalDtype)}
    return frame.astype(coded) if coded else frame


def _link_rows(f: pd.DataFrame, right: pd.DataFrame, left_id: str = "id", right_id: str = "id",
               left_name: str = "link_key", right_name: str = "name_key", rows: np.ndarray | None = None,
               memo: dict | None = None) -> pd.DataFrame:
    """:func:`link_lists` for payment rows through :func:`_link_groups`: each row's links in the order
    :func:`link_lists` gives them, rows in order (columns m, r, confidence, key)."""
    group, links_ = _link_groups(f, right, left_id, right_id, left_name, right_name, rows, memo)
    if links_.empty:
        return pd.DataFrame(columns=["m", "r", "confidence", "key"])
    g = links_["g"].to_numpy(dtype=np.int64)
    order = np.argsort(g, kind="stable")
    counts = np.bincount(g, minlength=int(group.max()) + 1)
    starts = np.cumsum(counts) - counts
    per_row = counts[group]
    hit = np.flatnonzero(per_row)  # (only the rows with a link: a list links a few of a city's 2 M rows)
    per_hit = per_row[hit]
    at = np.repeat(starts[group[hit]] - (np.cumsum(per_hit) - per_hit), per_hit) + np.arange(int(per_hit.sum()))
    picked = links_.iloc[order[at]]
    labels = (f.index if rows is None else f.index[rows]).take(hit).to_numpy()
    return pd.DataFrame({"m": np.repeat(labels, per_hit), "r": picked["r"].to_numpy(),
                         "confidence": picked["confidence"].to_numpy(), "key": picked["key"].to_numpy()})


def subjects(ctx: Context, led: Ledger, r: int) -> list[tuple[str, int, float, list[Event]]]:
    """Who a successful benefit payment is for, with each one's share and events.

    Args:
        ctx: the context.
        led: the ledger.
        r: the payment row.
    Returns:
        (label, member index or -1, share of the amount, events) for the payee and, for a row paid to
        the head for the household, each other covered member.
    """
    m = led.member[r]
    own = _unique(list(led.events_row.get(r, [])) + (led.events_member.get(m, []) if m >= 0 else []))
    # a household of one left by a member the roster no longer lists: the row paid to the one left was for both (held-out
    # 187: six such households' deaths and moves were F05 at 高, one month lost, while larger households' were F01/F02)
    alone = (m >= 0 and not led.household_row[r] and len(led.covered.get(led.household[r], ())) == 1
             and bool(led.memo.get("departed", {}).get(led.household[r])))
    if (not led.household_row[r] and not alone) or any(e.whole and e.covers(led.cols["month"][r], led.programme[r])
                                                       for e in own):
        if m < 0 and own and not any(e.whole for e in own):
            # a payee on no roster paid for several (the ledger's 保障人口): his share, the others unknown here (held-out
            # 184: a head dead in July, his household gone from the next quarter's roster, 4 × the share at 高)
            paid_for = led.cols["covered_size"][r]
            if isinstance(paid_for, (int, float)) and paid_for == paid_for and paid_for >= 2:
                return [("payee", m, 1.0 / paid_for, own)]
        return [("payee", m, 1.0, own)]
    members = led.covered.get(led.household[r], [])
    size = led.memo.get("covered_size", {}).get(led.household[r]) or len(members)  # the roster's 保障人口, else its rows
    changed = ctx.members.at[members[0], "changed"] if 0 < size < len(members) else None
    if isinstance(changed, dt.date):
        # the roster covers fewer than it lists, its amount changed since a member's death (custody, move): she is
        # still listed, the household already cut to the others (held-out 109), her months are no one's to recover
        month, since = led.cols["month"][r], f"{changed.year:04d}-{changed.month:02d}"
        gone = [j for j in members if j != m and any(e.covers(month, led.programme[r]) and since >= month_add(e.first, -1)
                                                     for e in led.events_member.get(j, []))]
        members = [j for j in members if j not in set(gone[:len(members) - int(size)])]
    # a member who left (减员, 已死亡) and whom the roster no longer lists: her share of the 保障人口 the ledger still pays
    # for, her events together (an exit list's 减员 and the roster's own 已死亡 row of her are one person)
    left: dict[str, list[Event]] = {}
    for ev in led.memo.get("departed", {}).get(led.household[r], ()):
        left.setdefault(ev.row.get("id") or f"#{ev.kind}{ev.row.get('_index')}", []).append(ev)
    if left and size >= len(members) + len(left):
        # a roster 保障人口 that still counts those who left beside the members it lists (the number not changed with
        # the 死亡 row: held-out 418, 3 written beside two members, her share was 1/4 and the rest "already cut")
        size -= len(left)
    share = 1.0 / size if size else 1.0
    out = [("payee", m, share, own)]
    out += [("member", j, share, _unique(led.events_member.get(j, []))) for j in members if j != m]
    said = led.cols["covered_size"][r]  # (the ledger's 保障人口, typed)
    said = said if isinstance(said, (int, float)) and said == said and said >= 1 else None
    if said is not None and said <= size:
        # the ledger's own 保障人口 counts no more than the members the roster still lists: the row pays for them, not
        # for those who left (h464: a household paid 600 for its 2 after a death in July, 保障人口 2, was said to pay
        # the dead wife a third, "保障人口 3 人", and her earlier rectification overturned)
        return out
    for events in left.values():
        paid_for = said if said is not None and said > size else size + len(left)
        out.append(("departed", -1, 1.0 / paid_for, _unique(events)))
    return out


def _unique(events: list[Event]) -> list[Event]:
    """Events in code order, each list row once (a row may link through the roster and the ledger both)."""
    seen, out = set(), []
    for ev in sorted(events, key=lambda e: (e.code, e.first)):
        key = (ev.kind, ev.row.get("_index"))
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def care_home_named(led: Ledger, name: str) -> bool:
    """Whether a payee's (holder's) name is a care home's: it ends with a word of ``[common] money_care_home_words``
    (汤阴县菜园镇敬老院).

    Args:
        led: the ledger (its parameters).
        name: the name.
    Returns:
        Whether it is.
    """
    if "care_home_words" not in led.memo:
        words = [re.escape(w) for w in led.params.get("care_home_words", ()) if w]
        led.memo["care_home_words"] = re.compile(f"(?:{'|'.join(words)})$") if words else None
    pattern = led.memo["care_home_words"]
    return bool(pattern and pattern.search(name))


def care_home_rows(ctx: Context, led: Ledger) -> np.ndarray:
    """Per ledger row: a care home's lump for its residents (集中供养): linked to no member, paid under an institution's
    name, with no person's valid ID (blank, or the home's 统一社会信用代码 in the ID column). No person on no roster, and
    no household sharing an account."""
    if "care_home" not in led.memo:
        out = np.zeros(len(led.frame), dtype=bool)
        for r in np.flatnonzero(led.array("member") < 0).tolist():
            out[r] = led.cols["id_status"][r] != ids.VALID and care_home_named(led, payee_name(ctx, led, r))
        led.memo["care_home"] = out
    return led.memo["care_home"]


def payee_name(ctx: Context, led: Ledger, r: int) -> str:
    """Whom a payment row is for, in evidence: the head of its roster household, else the names the ledger row
    gives, else the account's holder."""
    m = led.member[r]
    name = (ctx.value(m, "head_name") or ctx.value(m, "name")) if m >= 0 else ""
    return str(name or led.cols["head_name"][r] or led.cols["name"][r] or led.cols["holder"][r] or "未写姓名")


def subject_row(ctx: Context, led: Ledger, r: int) -> dict:
    """The person columns of a finding about a payee on no roster, from the ledger row."""
    # a member paid into the account his head holds is of the head's household (_payees): the head's ID and name
    theirs = led.household[r][len("ledger:"):] if str(led.household[r]).startswith("ledger:") else ""
    under_head = bool(theirs) and theirs not in (led.cols["id"][r], led.cols["head_id"][r]) and len(theirs) == 18
    return {"township": led.cols["township"][r], "village": led.cols["village"][r], "county": led.cols["county"][r],
            "head_name": led.cols["head_name"][r] or (led.cols["holder"][r] if under_head else "") or led.cols["name"][r],
            "head_id": led.cols["head_id"][r] or (theirs if under_head else "") or led.cols["id"][r],
            "name": led.cols["name"][r], "id": led.cols["id"][r], "id_raw": led.cols["id_raw"][r], "relation": "",
            # (on no roster: no 花名册文件/花名册行 — the ledger's row is the finding's 来源行, held-out 308 read a ledger as
            # the roster file)
            "programme": led.programme[r], "file": "", "row": "",
            "name_key": led.cols["name_key"][r], "household": led.household[r]}


def _township_named(ctx: Context, led: Ledger, r: int) -> str:
    """A roster township the row's file or sheet is named after (石桥镇2026年发放明细.xlsx), else '': a payee on no roster
    still goes to that township's list."""
    if "townships" not in led.memo:
        led.memo["townships"] = sorted(set(ctx.members["township"].tolist()) - {""}, key=len, reverse=True)
    named = f"{Path(str(led.cols.cell('_file', r))).stem} {led.cols.cell('_sheet', r)}"
    return next((t for t in led.memo["townships"] if t in named), "")


def _village_named(ctx: Context, led: Ledger, r: int, township: str) -> tuple[str, str]:
    """The township and the roster village the row's sheet is named after (a township's book of one sheet per village:
    龙塘村 | 大坪村 …), of the township given when it is known; (township, '') when no one roster village is named."""
    sheet = str(led.cols.cell("_sheet", r) or "").strip()
    if not sheet:
        return township, ""
    if "villages" not in led.memo:
        mem = ctx.members
        led.memo["villages"] = sorted({(str(v), str(t)) for v, t in zip(mem["village"].tolist(), mem["township"].tolist())
                                       if v and len(str(v)) >= 2}, key=lambda p: -len(p[0]))
    named = [(v, t) for v, t in led.memo["villages"] if sheet == v and (not township or t == township)]
    return (named[0][1], named[0][0]) if len({t for _, t in named}) == 1 else (township, "")


def _payee_place(led: Ledger, r: int) -> tuple[str, str]:
    """The township and village of the first of the payee's ledger rows that names a township, ('', '') for none: a
    payee on no roster whose representative row comes from a ledger without a 乡镇 column (another month's file has one)
    still goes to her township's list."""
    if "township" not in led.frame.columns:
        return "", ""
    codes = led.memo["codes"]["payee"]
    named = _filled(led.frame, "township")
    rows = np.flatnonzero((codes == codes[r]) & named)
    return (str(led.cols["township"][rows[0]]), str(led.cols["village"][rows[0]] or "")) if len(rows) else ("", "")


def _registry_place(ctx: Context, led: Ledger, pid: str) -> tuple[str, str]:
    """The township and village the registry gives a payee on no roster, as the coverage leads read a registry row
    (``_coverage._registry_place``: its 乡镇/村 columns when the township is one by name, else those its 住址 names);
    ('', '') for none (held-out 299: 武金凤's F03 went to （未填乡镇） though her 住址 named her township). Worked out once
    for the payees on no roster."""
    if "registry_places" not in led.memo:
        from ._coverage import _registry_place as registry_place

        places: dict[str, tuple[str, str]] = {}
        reg = ctx.lists["registry"] if ctx.has("registry") else None
        if reg is not None and ({"address", "township"} & set(reg.columns)):
            off = led.memo["array:member"] < 0
            wanted = set(pd.unique(np.asarray(led.frame["id"], dtype=object)[off]).tolist()) - {""}
            for row in reg[reg["id"].isin(wanted).to_numpy()].to_dict("records"):
                found = registry_place(ctx, row)
                if found["township"]:
                    places.setdefault(row["id"], (found["township"], found["village"]))
        led.memo["registry_places"] = places
    return led.memo["registry_places"].get(pid, ("", ""))


# A township or village cell given as its 统计用区划代码 (410523103, 410523103201).
_PLACE_CODE = re.compile(r"\d{9}(?:\d{3})?")


def _place_named(ctx: Context, led: Ledger, value: str, fld: str) -> str:
    """A township (village) a ledger names by its 统计用区划代码, named as the roster names the place of the members whose
    行政区划代码 starts with that code (so that the payee goes to that township's list); else the value as it is."""
    value = str(value or "").strip()
    if not _PLACE_CODE.fullmatch(value) or "region_code" not in ctx.members.columns:
        return value
    width = 9 if fld == "township" else 12
    if f"places:{fld}" not in led.memo:
        seen: dict[str, Counter] = {}
        for code, name in zip(ctx.members["region_code"].tolist(), ctx.members[fld].tolist()):
            code = str(code or "").strip()
            if len(code) >= width and code[:width].isdigit() and name and not _PLACE_CODE.fullmatch(str(name)):
                seen.setdefault(code[:width], Counter())[name] += 1
        led.memo[f"places:{fld}"] = {c: names.most_common(1)[0][0] for c, names in seen.items()}
    return led.memo[f"places:{fld}"].get(value[:width], value)


def county_of_rows(led: Ledger, rows: list[int]) -> str:
    """The first 县（市、区） some of a payee's ledger rows name ('' for none: a city's months written without one)."""
    return next((str(county) for r in rows if (county := led.cols.cell("county", r))), "")


def _with_county(ctx: Context, led: Ledger, subject: dict) -> str:
    """In a city's run, name a payee's township (a ledger's or list's bare 城关镇) with its county, as the roster names
    its townships: the county the row's or list's 县（市、区） cell names, else that of the roster household the row is
    paid to. Returns '' then, else a note that neither says it (the township left as written: two counties may each
    have a 城关镇, held-out 197)."""
    from ..regions import county_name_in
    from ..roster import counties

    if "counties" not in led.memo:
        led.memo["counties"] = tuple(sorted(counties(ctx.members)))
    town = str(subject["township"] or "")
    if len(led.memo["counties"]) < 2 or not town or town.startswith(led.memo["counties"]) or _PLACE_CODE.fullmatch(town):
        return ""
    if "household_county" not in led.memo:
        led.memo["household_county"] = dict(zip(ctx.members["household"].tolist(), ctx.members["county"].tolist()))
    county = county_name_in(str(subject.get("county") or "")) or led.memo["household_county"].get(subject["household"], "")
    if county:
        subject["township"] = town if town.startswith(county) else county + town
        return ""
    return f"（发放明细和名单中未写县（市、区），乡镇“{town}”属于哪个县无法确定，请核实）"


def finding(ctx: Context, led: Ledger, code: str, r: int, member: int, evidence: str, conf: str, key: str,
            months: list[str], recover: float | None, repay: float | None, facts: tuple = (), source: str = "",
            listed: dict | None = None, months_decide: bool = True) -> Finding:
    """Build a money finding about a roster member, or about the payee of row r when on no roster.

    Args:
        ctx: the context.
        led: the ledger.
        code: the F code.
        r: a representative payment row.
        member: the roster member (-1: the payee of row r, on no roster).
        evidence: the evidence text.
        conf: the confidence.
        key: the matching key text.
        months: the months concerned.
        recover: yuan to recover (None when not money).
        repay: yuan owed (None when not money).
        facts: the evidence as data.
        source: the source list label (default: the ledger file).
        listed: for a payee on no roster, what the event's list says of her (township, village, name, head_name),
            filling what the ledger row leaves blank.
        months_decide: the months are among the facts a verification holds for (more months, more money); not for
            an account's lead (F07), which the same account and holder decide however long it lasts.
    Returns:
        The finding.
    """
    subject = None
    if member < 0:
        subject = subject_row(ctx, led, r)
        for k, v in (listed or {}).items():  # (a place's name before a ledger's code for it)
            subject[k] = v if v and _PLACE_CODE.fullmatch(str(subject[k])) and not _PLACE_CODE.fullmatch(str(v)) \
                else subject[k] or v
        if not subject["id"] and subject["name"] in ("", subject["head_name"]):
            # a household's row naming only its head is about the head (held-out 96, 162)
            subject["id"], subject["name"] = subject["head_id"], subject["name"] or subject["head_name"]
        whole = (listed or {}).get("id", "")
        # (the subject's ID as the ledger read it, its status too: a number cut to …0000 may pass the check digit)
        cells = {led.cols.cell(c, r): led.cols.cell(c + "_status", r) for c in ("head_id", "id")} if whole else {}
        if whole and subject["id"] != whole and cells.get(subject["id"], ids.id_number(subject["id"]).status) != ids.VALID:
            # the list's whole ID, not the ledger's damaged one (held-out 270: 潘海 shown as 430527201005040000, the
            # exit list's 430527201005040350 matched by its first digits, name and birth)
            subject["head_id"] = whole if subject["head_id"] == subject["id"] else subject["head_id"]
            subject["id"] = whole
        if not subject["township"] and not subject["village"]:  # (another of the payee's rows, before a file's name)
            subject["township"], subject["village"] = _payee_place(led, r)
        if not subject["township"] and not _township_named(ctx, led, r):  # (… then where the registry places her)
            subject["township"], subject["village"] = _registry_place(ctx, led, subject["id"])
        subject["township"] = _place_named(ctx, led, subject["township"] or _township_named(ctx, led, r), "township")
        subject["village"] = _place_named(ctx, led, subject["village"], "village")
        if not subject["village"]:  # (a township's book exported a sheet per village: h466 left the village blank)
            subject["township"], subject["village"] = _village_named(ctx, led, r, subject["township"])
        evidence += _with_county(ctx, led, subject)
        member = led.off_roster.get(led.household[r], -1)
    if r in led.memo.get("unsure", ()):
        conf = weakest(conf, MEDIUM)
        evidence += f"（发放状态“{led.cols['status'][r]}”未能识别，按发放成功计，请核实）"
    file = file_name(led.cols.cell("_file", r))
    return Finding(code, member, evidence, conf, source or f"资金发放明细（{file}）", str(int(led.cols.cell("_row", r))), key,
                   (("list", "payments"),) + tuple(facts) + ((("months", months_text(months)),) if months_decide else ()),
                   months_text(months),
                   None if recover is None else round(recover, 2), None if repay is None else round(repay, 2), subject)


def roster_months(ctx: Context, led: Ledger) -> list[str]:
    """The months the roster's amounts apply to: the review month, or the end of the period the rosters name when
    that is earlier (a 第三季度 roster reviewed on 10 October), and the ones before it (money_roster_months)."""
    last = min(month_of(ctx.as_of), ctx.common.get("roster_period") or "9999-12")
    return [month_add(last, -k) for k in range(int(led.params.get("roster_months", 3)) - 1, -1, -1)]


def weakest(*confs: str) -> str:
    """The weakest of some confidences."""
    order = {HIGH: 0, MEDIUM: 1, LOW: 2}
    return max((c for c in confs if c), key=lambda c: order[c], default=MEDIUM)

