"""The events that end (or suspend) an entitlement, found for each payee and each roster member of a ledger.

Deaths (F01), custody and moves out of the county (F02, with C02's exclusions) and exits (F03) become
:class:`~rostercheck.rules._money.Event` month ranges, linked through the roster (``links``) and straight from the
ledger rows (a payee on no roster). A household's exit (the head only, or the head leaving for a household
reason) is given to every covered member of the household.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace

import numpy as np
import pandas as pd

from ..io.columns import TIE
from ..io.ledgers import programme_named
from ..model import HIGH, LOW, MEDIUM, Context
from ..normalize import ids
from ..normalize.names import person_name
from ..reference import head_ids
from ..roster import DIED, MOVED, on_sheet, remark_death_day
from . import links, where
from ._money import STOP_NEXT, Event, Ledger, _has_word, _link_rows, file_name, month_add, month_of, weakest


def _pairs(links: pd.DataFrame):
    """The (left row, right row, confidence) triples of :func:`link_lists`' answer, as plain Python values."""
    return zip(links["m"].tolist(), links["r"].tolist(), links["confidence"].tolist())


def stop_month(day: dt.date, p: dict) -> str:
    """The first month not to be paid after an event on that day (次月停发 by default)."""
    return month_add(month_of(day), 1) if p.get("stop_rule", STOP_NEXT) == STOP_NEXT else month_of(day)


def stop_rule_said(p: dict) -> str:
    """'按次月停发计' (or '按当月停发计'): the stop rule :func:`stop_month` applied, as evidence says it (h330: said
    nowhere but in the configuration's hash)."""
    return f"按{p.get('stop_rule', STOP_NEXT)}停发计"


def events(ctx: Context, led: Ledger) -> None:
    """Find each payee's and each roster member's events (death, custody, move out, exit)."""
    from .c02_status import (back_from, cancelled_for_death, coded_reason, copy_release_text, custody_unread, date_doubt, date_shown,
                             death_bound, death_conflict, death_day, for_life, move_judged, move_reason, released_copy,
                             says_died, served_outside, unread_custody_text)

    p, c02 = led.params, ctx.specs["C02"].params if "C02" in ctx.specs else {}
    f = led.frame

    def rows_of(kind: str) -> list[dict]:
        return ctx.lists[kind].to_dict("records")

    by_id: dict[str, dict[str, list[dict]]] = {}

    def copies(kind: str, row: dict) -> list[dict]:
        """The list's other rows of the person of a row (by its valid ID): a list joined from two extracts may give
        one person twice, the rows disagreeing."""
        def key(rec: dict) -> str:
            # a row naming only its household's head (an exit list's 整户停保 row) is the head's
            if rec.get("id_status") == ids.VALID and rec.get("id"):
                return rec["id"]
            if not rec.get("id") and rec.get("head_id_status") == ids.VALID and rec.get("head_id"):
                return rec["head_id"]
            return ""

        if kind not in by_id:
            by_id[kind] = defaultdict(list)
            for rec in rows_of(kind):
                if k := key(rec):
                    by_id[kind][k].append(rec)
        if not (k := key(row)):
            return []
        at = (row.get("_sheet"), row["_row"])
        return [o for o in by_id[kind].get(k, ()) if (o.get("_sheet"), o["_row"]) != at]

    def other_row(row: dict, other: dict) -> str:
        """'第 N 行' of the list's other row, with its sheet when it is on another one (two extracts as two sheets,
        h451: '同一人第 5 行' named the row itself's number on its own sheet)."""
        sheet = other.get("_sheet")
        return (f"工作表“{sheet}”" if sheet and sheet != row.get("_sheet") else "") + f"第 {int(other['_row'])} 行"

    def later_copy(kind: str, row: dict, first: str, shown: str, day_of, what: str, after: str) -> tuple[str, str, str]:
        """(first month, evidence, certainty) of a row's event when another row of the same person (:func:`copies`)
        dates the same event later (``day_of``: its date, or None when it gives none or another event): only the months
        both rows count, the other row named; one dated after the review date leaves none sure (``after`` says why)."""
        dated = [(d, o) for o in copies(kind, row) if isinstance(d := day_of(o), dt.date)]
        later = max(((d, o) for d, o in dated if stop_month(d, p) > first), key=lambda x: x[0], default=None)
        if later is None:
            # this row is the later one: the months only the other row counts are named, not counted (the event that
            # claims a payment may be either row's, so each says the other; h451)
            earlier = min(((d, o) for d, o in dated if stop_month(d, p) < first), key=lambda x: x[0], default=None)
            if earlier is None:
                return first, shown, HIGH
            day, other = earlier
            return first, (f"{shown}；同一人{other_row(row, other)}{what} {date_shown(other, 'date')}，两行必有一误，"
                           f"按较晚的日期计（若按该行日期，{stop_month(day, p)} 至 {month_add(first, -1)} 的发放也不应发放），"
                           f"请核对{what}"), HIGH
        day, other = later
        said = f"{shown}；同一人{other_row(row, other)}{what} {date_shown(other, 'date')}，两行必有一误"
        if day > ctx.as_of:
            return first, f"{said}，{after}，请核对{what}", LOW
        return (stop_month(day, p), f"{said}，按较晚的日期计（若按本行日期，{first} 至 {month_add(stop_month(day, p), -1)} "
                f"的发放也不应发放），请核对{what}", HIGH)

    # the rows naming no own ID, linked by the head's (the coded column compared on its codes, once for the four lists)
    no_own = np.flatnonzero(np.asarray(f["id"] == ""))

    def attach(kind: str, make) -> None:
        ref = ctx.lists[kind]
        records = rows_of(kind)
        for r_ref, rec in enumerate(records):
            rec["_index"] = r_ref
        made: dict[tuple, Event | None] = {}  # a payee's event recurs on each month's row: made once
        by_county = kind == "migrations" and "county" in ctx.members.columns  # (a city's run: see ``moved``)
        counties = ctx.members["county"].tolist() if by_county else []
        # two ID columns no header tells apart (an exit list's 申请人 | 身份证号 before the leaver's, both bare): the row
        # may be the other person's, as the C checks read such a list (rules._doubted; h450: the applicant, heading
        # another household, was F03 高 for the months after his father's exit)
        tied = any(isinstance(v, str) and v for v in ref[TIE].tolist()) if TIE in ref.columns else False

        def event(r: int, c: str, m: int = -1) -> Event | None:
            key = (r, c, counties[m] if by_county and m >= 0 else "")
            if key not in made:
                ev = make(records[r], c, m)
                if ev is not None and tied:
                    ev = replace(ev, certainty=LOW, what=ev.what + "（该名单有两列身份证号，表头分不清哪一列是名单上本人的，"
                                 "所读的可能是他人的，见提示）")
                made[key] = ev
            return made[key]

        for m, r, c, _ in links(ctx, kind).itertuples(index=False):
            ev = event(r, c, int(m))
            if ev:
                led.events_member.setdefault(int(m), []).append(ev)
        memo = ctx.cache.setdefault("money:identities", {})
        former = led.memo.get("former", ())  # paid under a former head into the household's account: not his stop

        def put(m: int, r: int, c: str) -> None:
            if ev := event(r, c, led.member[m]):
                (led.memo["former_events"] if m in former else led.events_row).setdefault(int(m), []).append(ev)
            elif kind == "exits" and not isinstance(records[r].get("date"), dt.date):
                led.memo["undated_exits"].setdefault(int(m), records[r])  # on the list, no date read (f_stop says so)
            elif kind == "exits" and records[r]["date"] > ctx.as_of:  # enrolled until after the date (f_stop)
                led.memo["later_exits"].setdefault(int(m), records[r])

        for m, r, c in _pairs(_link_rows(f, ref, memo=memo)):
            put(m, r, c)
        if len(no_own):
            for m, r, c in _pairs(_link_rows(f, ref, "head_id", "id", "head_name_key", "name_key", no_own, memo)):
                put(m, r, c)

    def death(row: dict, c: str, m: int = -1) -> Event | None:
        day, shown = death_day(row), ""
        if day is None and (bound := death_bound(row)) is not None:
            # dated only by its 注销日期 or 火化日期, which the death is no later than: months counted from that day's,
            # the amount to recover at least that (F01 explanation; held-out 246)
            day, label, fld = bound
            shown = f"{death_conflict(row) or '未写死亡日期'}，{label} {date_shown(row, fld)}（死亡不晚于该日，按该日计）"
        if not isinstance(day, dt.date) or day > ctx.as_of or (c02 and says_died(row, c02) is not True):
            return None
        # another row of the same person dates the death later (a list joined from two extracts, h444's C02)
        first, shown, sure = later_copy("deaths", row, stop_month(day, p), shown or f"死亡日期 {date_shown(row, 'date')}",
                                        lambda o: death_day(o) if not c02 or says_died(o, c02) is True else None,
                                        "死亡日期", "该行核查日期仍在世")
        return Event("F01", "deaths", row, first, "9999-12", c, shown, certainty=sure)

    def custody(row: dict, c: str, m: int = -1) -> Event | None:
        start, end, released = row.get("start"), row.get("end"), row.get("released")
        status = str(row.get("status") or "")
        if not isinstance(start, dt.date) or start > ctx.as_of:
            return None  # (in custody only after the review date: no custody of this review, as C02 reads it, held-out 239)
        if served_outside(row, c02):
            return None  # as C02 reads it
        if (c02 and _has_word(status, c02.get("released_words", ())) and "未" not in status and not isinstance(released, dt.date)
                and not (isinstance(end, dt.date) and end <= ctx.as_of)):
            return None  # released on a day the list does not give (before the sentence's end): custody unknown
        out_day = released if isinstance(released, dt.date) else end
        # another row of the same person has him released since this row's 入监日期 (a list joined from two extracts):
        # only the months both rows call custody count, the other row named (C02 says the two disagree, h442)
        copy = released_copy(row, copies("prisoners", row), ctx.as_of, c02) if c02 else None
        if copy is not None and isinstance(out_day, dt.date) and out_day <= copy["released"]:
            copy = None  # (this row's own end comes first: the other row changes nothing)
        if copy is not None:
            released = out_day = copy["released"]
        first = month_of(start) if start.day == 1 else month_add(month_of(start), 1)
        if isinstance(out_day, dt.date):
            last_day_of = (dt.date(out_day.year + out_day.month // 12, out_day.month % 12 + 1, 1) - dt.timedelta(days=1))
            last = month_of(out_day) if out_day == last_day_of else month_add(month_of(out_day), -1)
        else:
            last = "9999-12"
        if last < first:
            return None
        shown = f"入监日期 {start.isoformat()}" + (f"，{'释放' if isinstance(released, dt.date) else '刑期止'}日期 {out_day.isoformat()}"
                                                   if isinstance(out_day, dt.date) else "")
        if copy is not None:
            shown = (f"入监日期 {start.isoformat()}" + (f"，刑期止日期 {end.isoformat()}" if isinstance(end, dt.date) else "")
                     + f"，状态 {status.strip() or '未写'}；{copy_release_text(copy)}，两行必有一误，按释放日期计，其后月份请核实")
        # a term end written but not read (27.3.4, 不详): counted as custody to date, but not sure
        doubt = date_doubt(row, "end", "刑期止日") if not isinstance(out_day, dt.date) and not for_life(row) else ""
        unread = custody_unread(row, c02) if c02 else ""  # C02's custody judgement caps this one (held-out 242)
        return Event("F02", "prisoners", row, first, last, c,
                     shown + (f"，{doubt}，按至今在押计" if doubt else "") + (f"，{unread_custody_text(unread)}" if unread else "")
                     + "（整月在押的月份不应发放）",
                     certainty=MEDIUM if doubt or unread else HIGH)

    def moved(row: dict, c: str, m: int = -1) -> Event | None:
        day = row.get("date")
        if c02 and (said := cancelled_for_death(row, c02)):
            # a moves-list row cancelled for a death (注销原因 死亡) is a death, as C02 reads it: F01 from the month after
            # its 注销日期 (迁出日期), which the death is no later than (h395: F01 did not run on such deaths)
            if not isinstance(day, dt.date) or day > ctx.as_of:
                return None
            label = "注销" if said.startswith("户口") else "迁出"
            return Event("F01", "migrations", row, stop_month(day, p), "9999-12", c,
                         f"{said}，{label}日期 {date_shown(row, 'date')}（死亡不晚于该日，按该日计）")
        # judged against the member's own county, as C02 judges it (held-out 197: a city's run, moves inside one's
        # own county F02 and moves to another county of the city missed)
        # (a move out he came back from by the review date is no C02, but the months out until the return were no
        # entitlement: held-out 239, 迁出 05-15, 迁入 10-20 owed Jun–Oct)
        judged = (move_judged(ctx, row, c02, m if m >= 0 else None, returned=False)
                  if c02 and isinstance(day, dt.date) else None)
        if judged is None or judged[0] is not False:
            return None  # a move inside the county, to study, after the review date or to a place not told: C02's leads
        back = back_from(ctx, row, c02)
        first, last = stop_month(day, p), month_of(back) if back else "9999-12"
        if last < first:
            return None  # back within the stop rule's months
        doubt = "（迁移原因是代码，看不出是否升学、参军）" if coded_reason(move_reason(row, c02)) else ""
        shown = (f"迁出日期 {date_shown(row, 'date')}，迁往 {judged[1] or '县外'}（迁出本县）"
                 + (f"，迁入日期 {back.isoformat()}（迁回本县，{last} 以后不计）" if back else "") + doubt)
        # another row of the same person dates the move out later (a list joined from two extracts)
        first, shown, sure = later_copy("migrations", row, first, shown, lambda o: o.get("date") if (
            judged_ := move_judged(ctx, o, c02, m if m >= 0 else None, returned=False)) and judged_[0] is False else None,
                                        "迁出日期", "该行核查日期尚未迁出")
        if last < first:
            return None
        return Event("F02", "migrations", row, first, last, c, shown, certainty=LOW if doubt else sure)

    whole_rows = _household_exit_rows(ctx, led) if ctx.has("exits") else {}

    def exited(row: dict, c: str, m: int = -1) -> Event | None:
        day = row.get("date")
        if not isinstance(day, dt.date) or day > ctx.as_of:
            return None
        reason = str(row.get("reason") or "")
        whole = row["_index"] in whole_rows
        # a coded reason ('01') may be the head's own death or move (减员: his share only): the amount is not sure
        doubt = "（停保原因是代码，看不出是整户停保还是个人减员）" if whole and coded_reason(reason) else ""
        # the programme the exit ends: as the list says, else as a move to the other one says (转为特困: out of 低保)
        moved = _MOVED_TO.search(reason)
        programme = (programme_named(str(row.get("programme") or ""))
                     or _MOVED_FROM.get(moved.group(1) if moved else "", ""))
        # resumed (暂停 … 恢复): from the month of its 恢复日期 on, paid rightly (held-out 288)
        back = row.get("resumed")
        back = back if isinstance(back, dt.date) and back > day and back <= ctx.as_of else None
        last = month_add(month_of(back), -1) if back else "9999-12"
        if last < stop_month(day, p):
            return None
        shown = (f"停保（退出）日期 {date_shown(row, 'date')}" + (f"，{programme}" if programme else "") + (f"，原因 {reason}" if reason else "")
                 + ("，整户停保" if whole else "") + (f"，恢复日期 {back.isoformat()}（{month_of(back)} 起不计）" if back else "")
                 + doubt)
        # 审批意见 left blank (reference._exits_as_stopped): a lead while the roster still lists her; off every roster
        # given, the household did leave (paid then, it is 不在册 中 anyway): 中, its month the row's
        undecided = (LOW if m >= 0 else MEDIUM) if row.get("outcome_blank") is True else ""
        if undecided:
            shown += "（该行审批意见（审批结果）未填，看不出是否已批准停保" + ("" if m >= 0 else "；该户已不在所给花名册中") + "）"
        first, sure = stop_month(day, p), undecided or (MEDIUM if doubt else HIGH)
        if not back:
            # another row of the same person stops the same programme later, neither resumed nor taken in again between
            # the two (a list joined from two extracts, h451: 2026-04-30 and 2026-07-31 recovered from May at 高): only
            # the months both rows count, the other row named, as for a death the deaths list dates twice
            again = ctx.members["approved"].iat[m] if m >= 0 and "approved" in ctx.members.columns else None
            first, shown, later_sure = later_copy("exits", row, first, shown,
                                                  lambda o: _same_exit(o, day, reason, programme, again),
                                                  "停保（退出）日期", "该行核查日期尚未停保")
            sure = weakest(undecided, MEDIUM if doubt else later_sure) if undecided else MEDIUM if doubt else later_sure
        return Event("F03", "exits", row, first, last, c, shown, whole, certainty=sure, programme=programme)

    for kind, make in (("deaths", death), ("prisoners", custody), ("migrations", moved), ("exits", exited)):
        if ctx.has(kind):
            attach(kind, make)
    if whole_rows:
        _attach_household_exits(ctx, led, whole_rows, exited)
    if ctx.has("exits"):
        _attach_departed(ctx, led, whole_rows, exited)
    if ctx.has("registry") and c02:
        _attach_registry(ctx, led, c02)
    if ctx.left:
        _attach_left(ctx, led, {"deaths": death, "migrations": moved}, c02)
    if ctx.departed or ctx.left:
        _attach_roster_deaths(ctx, led)
    if "remark" in f.columns:
        _attach_remark_deaths(ctx, led)
    _before_reapproval(ctx, led)


def _same_exit(other: dict, day: dt.date, reason: str, programme: str, approved) -> dt.date | None:
    """The date of another exit row of a person when it can be the same exit dated otherwise, else None: a row resumed
    (恢复日期), giving another reason (a 减员 for a death, then the household stopped), of another programme, or beyond
    an approval date after ``day`` (taken in again, then stopped again) is another exit."""
    when = other.get("date")
    if not isinstance(when, dt.date) or isinstance(other.get("resumed"), dt.date):
        return None
    theirs_why = str(other.get("reason") or "").strip()
    if reason.strip() and theirs_why and theirs_why != reason.strip():
        return None
    moved = _MOVED_TO.search(str(other.get("reason") or ""))
    theirs = programme_named(str(other.get("programme") or "")) or _MOVED_FROM.get(moved.group(1) if moved else "", "")
    if programme and theirs and theirs != programme:
        return None
    if isinstance(approved, dt.date) and day < approved <= when:
        return None
    return when


def _attach_registry(ctx: Context, led: Ledger, c02: dict) -> None:
    """A roster member's death or move out of the county that only the household registry records (人员状态 死亡 with
    its 死亡日期, 迁出 with its 迁出日期 or 注销日期), as C02 reads them (``c02_status._registry_deaths``,
    ``_registry_moves``): an event of F01 or F02 as the deaths or migrations list's would be, sure at 中 at most (a
    registry's status is not the death's or the move's own record). F02 uses the same exclusions as C02 (issue 15),
    and held-out 393 had a registry-only death and a move to 深圳 paid on unseen while C02 flagged both. None from a
    status without its date or dated after the review date (a 注销日期 after it bounds nothing), a move inside the
    county, to study, after the review date or back by it (a later 迁入日期), a person still registered in the county
    under another 户号, or a member some list already gives an event of the same check."""
    from .c02_status import date_shown, registry_move, registry_still_here

    reg = ctx.lists["registry"]
    if "left" not in reg.columns:
        return
    found = links(ctx, "registry")
    gone = reg["left"].to_numpy(dtype=object)[reg.index.get_indexer(found["r"])] if len(found) else np.zeros(0, dtype=object)
    # (a row still here that gives a 迁出日期 and a later 迁入日期 may be a move out and back: judged below)
    back_cols = "moved_on" in reg.columns and "in_date" in reg.columns
    found = found[np.isin(gone, ["dead", "moved"]) | ((gone == "") & back_cols)]
    if found.empty:
        return
    from ._econ import linked_rows

    rows, p = linked_rows(ctx, "registry"), led.params
    here = registry_still_here(reg)
    returns = _registry_returns(ctx, reg, found["r"]) if back_cols else {}
    for m, r, c, _ in found.itertuples(index=False):
        row, m = rows[r], int(m)
        status = str(row.get("status", "") or "").strip()
        said = f"人员状态为“{status}”，" if status else ""  # (the evidence names the registry before it)
        if row.get("left") == "dead":
            day = row.get("died")
            if not isinstance(day, dt.date) or day > ctx.as_of:
                continue
            ev = Event("F01", "registry", {**row, "date": day, "_index": r}, stop_month(day, p), "9999-12", c,
                       f"{said}死亡日期 {date_shown(row, 'died')}（户籍登记，请核实）", certainty=MEDIUM)
        else:
            back = row.get("in_date")
            if row.get("left") == "moved" and row.get("id") in here and isinstance(row.get("moved_on"), dt.date):
                # (the old row 迁出, a current row of his under another 户号 dated 迁入 after it: the same move and back)
                back = min((d for d in returns.get(row.get("id"), ()) if row["moved_on"] < d), default=None)
            away, back = registry_away(ctx, row, back)
            if row.get("left") != "moved" and not away:
                continue
            # a move out and back (迁出日期, then 迁入日期 by the review date, the row current): the months away count
            # as a move list's do (held-out 396: none, while the same from a migrations list was F02); C02 says none
            move = registry_move(ctx, row, c02, m, () if away else here, returned=not away)
            if move is None or move[0] is None or move[0] > ctx.as_of or move[2][0] is not False:
                continue
            day, label, judged = move
            first, last = stop_month(day, p), month_of(back) if away else "9999-12"
            if last < first:
                continue  # back within the stop rule's months
            ev = Event("F02", "registry", {**row, "date": day, "_index": r}, first, last, c,
                       f"{'' if away else said}{label} {day.isoformat()}，迁往 {judged[1] or '县外'}（迁出本县"
                       + (f"，迁入日期 {back.isoformat()} 迁回本县，{last} 以后不计" if away else "") + "；户籍登记，请核实）",
                       certainty=MEDIUM)
        if not any(e.code == ev.code for e in led.events_member.get(m, [])):
            led.events_member.setdefault(m, []).append(ev)


def _registry_returns(ctx: Context, reg: pd.DataFrame, linked) -> dict[str, list[dt.date]]:
    """ID → the 迁入日期 (on or before the review date) of the registry's current rows (not marked gone) of the people
    of the linked rows: a person's old row marked 迁出 and a new row of his dated 迁入 are a move out and back
    (held-out 396)."""
    people = set(reg["id"].to_numpy(dtype=object)[reg.index.get_indexer(linked)].tolist()) - {"", None}
    if not people:
        return {}
    rows = reg[reg["id"].isin(people) & (reg["left"] == "")]
    out: dict[str, list[dt.date]] = {}
    for person, day in zip(rows["id"].tolist(), rows["in_date"].tolist()):
        if isinstance(day, dt.date) and day <= ctx.as_of:
            out.setdefault(person, []).append(day)
    return out


def registry_away(ctx: Context, row: dict, back) -> tuple[bool, dt.date | None]:
    """Whether a registry row gives a move out and back: a 迁出日期 and a later 迁入日期 on or before the review date (its
    person registered here again, whatever its 人员状态 says but 死亡); and the day back."""
    out = row.get("moved_on")
    if row.get("left") == "dead" or not isinstance(out, dt.date) or not isinstance(back, dt.date):
        return False, None
    return out < back <= ctx.as_of, back


_MOVED_TO = re.compile(r"转(?:为|入|到)?(特困|低保)")
_MOVED_FROM = {"特困": "低保", "低保": "特困"}


def _before_reapproval(ctx: Context, led: Ledger) -> None:
    """An exit or a move out that the roster's approval date follows (the household taken in again, 重新纳入) rules
    out only the months before that approval."""
    if "approved" not in ctx.members.columns:
        return
    approved = ctx.members["approved"].tolist()

    programmes = ctx.members["programme"].tolist()

    def cut(events: list[Event], day, programme: str) -> list[Event]:
        if not isinstance(day, dt.date):
            return events
        out = []
        for ev in events:
            when = ev.row.get("date")
            # taken in again by the programme the exit ended (a 低保 exit and a 特困 approval: 转为特困, no re-entry)
            if (ev.kind in ("exits", "migrations") and isinstance(when, dt.date) and day > when
                    and not (ev.programme and ev.programme != programme)):
                ev = replace(ev, last=min(ev.last, month_add(month_of(day), -1)))
                if ev.last < ev.first:
                    continue
            out.append(ev)
        return out

    for j, events in led.events_member.items():
        led.events_member[j] = cut(events, approved[j], programmes[j])
    for r, events in led.events_row.items():
        if led.member[r] >= 0:
            led.events_row[r] = cut(events, approved[led.member[r]], programmes[led.member[r]])


def _household_exit_rows(ctx: Context, led: Ledger) -> dict[int, str]:
    """Exit rows that end a whole household's benefit → the household head's ID.

    低保 is granted to a household: a row naming only the head (户主身份证号, no member of its own), or
    naming the household's head as the person who left, stops the household, unless its reason names a
    member's own change (减员, 死亡, 迁出 … ``money_member_exit_words``). So does a row naming a payee of the benefit
    on no roster (the ledger pays his household through him, held-out 203: 家庭收入超过保障标准 recovered as his share).
    """
    ex = ctx.lists["exits"]
    words = tuple(led.params.get("member_exit_words", ()))
    if "head_id" in ex.columns:
        head, head_status, _, _ = head_ids(ex)
    else:
        head, head_status = [""] * len(ex), [ids.MISSING] * len(ex)
    own, own_status = ex["id"].tolist(), ex["id_status"].tolist()
    own_named = [bool(str(i or "").strip() or str(n or "").strip()) for i, n in zip(ex["id_raw"].tolist(), ex["name"].tolist())]
    reasons = ex["reason"].astype(str).tolist() if "reason" in ex.columns else [""] * len(ex)
    members = ctx.members
    roster_heads = {i for i, h in zip(members["id"].tolist(), members["head_id"].tolist()) if i and i == h}
    for m, r, c, _ in links(ctx, "exits").itertuples(index=False):
        # the person who left heads a roster household, and the row names no other head (held-out 97: 贾明宝, 转为特困
        # and so the head of his own 特困 enrolment, left 贾荣芳's 低保 household: a member's exit, not a whole one)
        if c == HIGH and own[r] in roster_heads and (head_status[r] != ids.VALID or head[r] == own[r]):
            head[r], head_status[r] = own[r], ids.VALID
    payees = _payees_on_no_roster(led)
    for r in range(len(ex)):
        if own_status[r] == ids.VALID and own[r] in payees and (head_status[r] != ids.VALID or head[r] == own[r]):
            head[r], head_status[r] = own[r], ids.VALID
    # a row naming its person only as the household's head (户主姓名, no member's name) of a payee on no roster: a list
    # of households whose reason (迁出, 死亡) is the household's, no member's — no roster lists anyone of it who stays
    # (h482: a household 停保 2026年1月 for 迁出, paid on to June, was recovered as the head's half at 中)
    head_names = ex["head_name"].tolist() if "head_name" in ex.columns else [""] * len(ex)
    names = ex["name"].tolist() if "name" in ex.columns else [""] * len(ex)
    alone = payees - _payees_of_roster_households(led)
    household_row = [bool(str(h or "").strip()) and not str(n or "").strip() and own_status[r] == ids.VALID
                     and own[r] in alone for r, (h, n) in enumerate(zip(head_names, names))]
    out = {}
    for r in range(len(ex)):
        if (_has_word(reasons[r], words) and not household_row[r]) or head_status[r] != ids.VALID:
            continue
        is_head = not own_named[r] or (own_status[r] == ids.VALID and own[r] == head[r])
        if is_head:
            out[r] = head[r]
    return out


def _payees_on_no_roster(led: Ledger) -> set[str]:
    """The IDs (own, else the head's) the successful benefit rows on no roster are paid under."""
    f = led.frame
    rows = (led.array("member") < 0) & led.array("ok") & led.array("benefit")
    payees = set(pd.unique(f["id"].to_numpy(dtype=object)[rows]).tolist())
    if "head_id" in f.columns:
        payees |= set(pd.unique(f["head_id"].to_numpy(dtype=object)[rows & (f["id"].to_numpy(dtype=object) == "")]).tolist())
    return payees - {""}


def _payees_of_roster_households(led: Ledger) -> set[str]:
    """The IDs (own, else the head's) some row paid to a roster household is paid under (a former head's, h477)."""
    f = led.frame
    rows = np.fromiter((isinstance(h, int) or not str(h).startswith("ledger:") for h in led.household), dtype=bool,
                       count=len(f))
    payees = set(pd.unique(f["id"].to_numpy(dtype=object)[rows]).tolist())
    if "head_id" in f.columns:
        payees |= set(pd.unique(f["head_id"].to_numpy(dtype=object)[rows & (f["id"].to_numpy(dtype=object) == "")]).tolist())
    return payees - {""}


def _attach_departed(ctx: Context, led: Ledger, whole_rows: dict[int, str], make) -> None:
    """An exit row of one member (减员) whom the roster no longer lists, naming the roster household's head by a valid
    户主身份证号: the household's payments still made for her are her share (``led.memo['departed']``: household →
    events; :func:`_money.subjects`), as when she is still listed (held-out 97: F05 高 instead of F03 中)."""
    ex = ctx.lists["exits"]
    if "head_id" not in ex.columns:
        return
    found = links(ctx, "exits")
    linked: dict[int, set[int]] = defaultdict(set)  # exit row → the members it names (on any roster: 转为特困)
    for m, r in zip(found["m"].tolist(), found["r"].tolist()):
        linked[int(r)].add(int(m))
    members = ctx.members
    heads = {i: h for i, hid, h in zip(members["id"].tolist(), members["head_id"].tolist(), members["household"].tolist())
             if i and i == hid and h in led.covered}
    head, status, _, _ = head_ids(ex)
    records = None
    for r, (own, own_status) in enumerate(zip(ex["id"].tolist(), ex["id_status"].tolist())):
        if r in whole_rows or status[r] != ids.VALID or head[r] not in heads:
            continue
        if linked.get(r, set()) & set(led.covered[heads[head[r]]]):
            continue  # still listed in the household: her own events give her share
        if own_status != ids.VALID or own == head[r]:
            continue  # the person who left is named by a valid ID of her own, not the head's
        records = records if records is not None else ex.to_dict("records")
        records[r]["_index"] = r
        ev = make(records[r], MEDIUM)
        if ev:
            led.memo.setdefault("departed", {}).setdefault(heads[head[r]], []).append(ev)


def _attach_left(ctx: Context, led: Ledger, make: dict, c02: dict) -> None:
    """A member the roster's own 成员状态 says died (moved out of the county) and whom it no longer lists: the household's
    payments still made for her are her share (``led.memo['departed']``, as an exit list's 减员), from the month after
    the death (move) — its date on the deaths (migrations) list when the list has her ID, else the status's date —
    told by the status row (held-out 176: the old amount for three paid for the month after a death, 1,366 元, and a
    household whose amount was never cut, 2,064 元, found nowhere: the death linked to no member). A move out of the
    county is the migrations list's (C02's judgement), or the status's own words (迁往县外). Only a stop after the
    household's first month paid: before it no payment tells the amount with her in it."""
    by_id = {kind: {i: k for k, (i, st) in enumerate(zip(ctx.lists[kind]["id"].tolist(),
                                                         ctx.lists[kind]["id_status"].tolist())) if st == ids.VALID}
             for kind in make if ctx.has(kind)}
    first_paid = _first_months(led, set(ctx.left) & set(led.covered))
    for h, records in ctx.left.items():
        if h not in first_paid:
            continue
        for rec in records:
            kind = "deaths" if DIED.search(rec["word"]) else "migrations" if MOVED.search(rec["word"]) else None
            if kind is None:
                continue
            at = by_id.get(kind, {}).get(rec["id"]) if rec["id_status"] == ids.VALID else None
            listed = ctx.lists[kind].iloc[at].to_dict() if at is not None else None
            ev = make[kind](listed, HIGH) if listed else None
            if listed and ev is None:
                continue  # the list's own date or place rules her out (after the review date, a move inside the county)
            day = rec["date"]
            said = isinstance(day, dt.date) and day <= ctx.as_of and (
                kind == "deaths" or any(w in rec["word"] for w in c02.get("outside_words", ())))
            stops = [m for m in (ev.first if ev else "", stop_month(day, led.params) if said else "") if m]
            if not stops or min(stops) <= first_paid[h]:
                continue
            what = f"{rec['label']}“{rec['word']}”" + (f"，状态变更日期 {day.isoformat()}" if isinstance(day, dt.date) else "")
            if ev:
                what += f"，{where(ctx, kind, listed)}{ev.what}"
            row = {**rec, "_index": f"{rec['file']}#{rec['_row']}",
                   "date": min((d for d in (day, listed and listed.get("date")) if isinstance(d, dt.date)), default=None)}
            led.memo["departed"].setdefault(h, []).append(Event(
                "F01" if kind == "deaths" else "F02", kind, row, min(stops), "9999-12", HIGH, what,
                certainty=ev.certainty if ev else HIGH,
                source=f"《{rec['file']}》{on_sheet(rec['_sheet'])}第 {rec['_row']} 行"))


def roster_death(ctx: Context, led: Ledger, r: int) -> tuple | None:
    """The roster's own history row saying that ledger row ``r``'s payee died, a household of her own
    (``Context.departed`` by her ID, else by the head's ID of a row naming none): that record, else None."""
    own, head = led.cols["id"][r], led.cols["head_id"][r]
    record = ctx.departed.get(own) if own else ctx.departed.get(head) if head else None
    if record is None and own:  # a member of a household that goes on, paid under her own ID (held-out 313: paid per
        # person, his May–July "不在册" F03 for July only, 455 for 1,365)
        record = _left_deaths(ctx).get(own)
    return record if record is not None and DIED.search(record[0]) else None


def _left_deaths(ctx: Context) -> dict[str, tuple]:
    """Valid ID → the record (as ``Context.departed`` gives one) of a member a roster's history row says died while
    her household goes on (``Context.left``)."""
    if "money:left-deaths" not in ctx.cache:
        ctx.cache["money:left-deaths"] = {
            rec["id"]: (rec["word"], rec["date"], rec["_row"], rec["file"], str(rec.get("township") or ""),
                        str(rec.get("village") or ""), rec["_sheet"])
            for records in ctx.left.values() for rec in records
            if rec.get("id") and rec.get("id_status") == ids.VALID and DIED.search(str(rec["word"]))}
    return ctx.cache["money:left-deaths"]


def _attach_roster_deaths(ctx: Context, led: Ledger) -> None:
    """A payee on no roster whom a roster's own status row says died, dated (家庭状态/供养状态 已死亡, a household of
    one): her payments from the month after are F01's, as a deaths list's (held-out 202: with no deaths list F01 did not
    run, the months after were F03's at most). The link is her exact ID on that roster row (高). A payee the deaths list
    already dates keeps the list's event (the roster row is cited beside it, ``f_stop._emit``)."""
    made: dict[tuple, Event] = {}
    for r in np.flatnonzero(led.array("member") < 0).tolist():
        record = roster_death(ctx, led, r)
        if record is None or not isinstance(record[1], dt.date) or record[1] > ctx.as_of:
            continue  # undated: no month to stop from (said by f_stop._undated_deaths)
        if any(e.code == "F01" for e in led.events_row.get(r, ())):
            continue
        word, day, row, file, township, village, sheet = (*record, "", "", "")[:7]
        if (file, row) not in made:
            person = {"id": led.cols["id"][r] or led.cols["head_id"][r], "id_status": ids.VALID, "name": "", "date": day,
                      "_row": row, "_sheet": sheet, "file": file, "township": township, "village": village,
                      "_index": f"{file}#{row}"}
            made[file, row] = Event("F01", "deaths", person, stop_month(day, led.params), "9999-12", HIGH,
                                    f"在花名册中已不在保障中（“{word}”），状态变更日期 {day.isoformat()}",
                                    source=f"《{file}》{on_sheet(sheet)}第 {row} 行")
        led.events_row.setdefault(r, []).append(made[file, row])


def _attach_remark_deaths(ctx: Context, led: Ledger) -> None:
    """A roster member whose own payment row's 备注 says she died, with one date on or before the review date
    (:func:`roster.remark_death_day`: '已于2026年5月去世', '2026年5月死亡停发'; not another person's by a relation word,
    undated, doubted or later), and whom no list or roster row gives a death: an F01 event from the month after, at 中
    (the ledger's clerk wrote it; no list confirms it), told by that row (h481: such deaths were never recovered; the
    roster's own 备注 deaths are events since h476). A remark on the row paying a household that names one other member
    of it (李梅2026年5月死亡 on the head's row) is hers; one naming several, or rows giving one person two different stop
    months, make none (said in a notice)."""
    f = led.frame
    codes, distinct = led.factorized("remark")
    days = [remark_death_day(v) if isinstance(v, str) and v else None for v in distinct.tolist()]
    dated = np.array([d is not None and d <= ctx.as_of for d in days] + [False], dtype=bool)
    # (a death's word read no date from: another's by a relation word, undated, doubted, later — said, never read)
    worded = np.array([not ok and isinstance(v, str) and bool(DIED.search(v)) for ok, v in zip(dated.tolist(), distinct.tolist())]
                      + [False], dtype=bool)
    linked = led.array("member") >= 0
    unread: list[int] = np.flatnonzero(worded[codes] & linked).tolist() if worded.any() else []
    if not dated.any():
        _remark_deaths_unread(led, unread, codes, distinct)
        return
    rows = np.flatnonzero(dated[codes] & linked)
    names = ctx.members["name"].tolist()
    found: dict[int, list[int]] = defaultdict(list)
    for r in rows.tolist():
        m = led.member[r]
        remark = str(distinct[codes[r]])
        others = [j for j in led.covered.get(led.household[r], ()) if j != m and names[j] and str(names[j]) in remark]
        if len(others) == 1 and not (names[m] and str(names[m]) in remark):
            found[others[0]].append(r)  # (a member of the household the head is paid for, named: hers)
            continue
        if others:
            unread.append(r)  # (several named, or the payee and another: whose death it is the worker tells)
            continue
        found[m].append(r)
    for m, rs in found.items():
        if any(e.code == "F01" for e in led.events_member.get(m, ())):
            continue  # a deaths list or the roster dates her death: theirs decides
        stops = {stop_month(days[codes[r]], led.params) for r in rs}
        if len(stops) > 1:
            unread.extend(rs)
            continue
        r = min(rs, key=lambda r: (led.cols["month"][r], r))
        day, remark = days[codes[r]], str(distinct[codes[r]])
        file = file_name(led.cols.cell("_file", r))
        person = {"id": ctx.members["id"].iat[m], "id_status": ids.VALID, "name": names[m], "date": day,
                  "_row": int(led.cols.cell("_row", r)), "_sheet": led.cols.cell("_sheet", r) or "", "file": file,
                  "_index": f"payments#{r}"}  # (the ledger row telling it, as a roster's status row tells its event)
        led.events_member.setdefault(m, []).append(Event(
            "F01", "payments", person, stop_month(day, led.params), "9999-12", led.conf[r] or MEDIUM,
            f"发放明细备注写明“{remark}”（本人死亡；死亡人员名单和花名册中没有其死亡记录，请核实）",
            certainty=MEDIUM, source=led.where(r)))
    _remark_deaths_unread(led, unread, codes, distinct)


def _remark_deaths_unread(led: Ledger, unread: list[int], codes: np.ndarray, distinct: np.ndarray) -> None:
    """Keep the households of the rows whose remark names a death not read as one, with an example (said by
    ``f_stop._remark_died`` beside the payees on no roster whose remarks say they died)."""
    if unread:
        led.memo["remark_deaths_unread"] = ({led.household[i] for i in unread}, str(distinct[codes[unread[0]]]))


def _first_months(led: Ledger, households: set[str]) -> dict[str, str]:
    """Household → the first month the ledgers pay it a benefit, for some roster households."""
    codes = led.memo["codes"]
    rows = np.flatnonzero(led.of_households(households) & led.array("ok") & led.array("benefit") & (codes["m"] >= 0))
    out: dict[str, str] = {}
    for hc, mc in zip(codes["h"][rows].tolist(), codes["m"][rows].tolist()):
        h, month = codes["h_values"][hc], codes["m_values"][mc]
        if month and (h not in out or month < out[h]):
            out[h] = month
    return out


def _attach_household_exits(ctx: Context, led: Ledger, whole_rows: dict[int, str], make) -> None:
    """Give a household's exit to every covered member of that household, and to ledger rows paid to its head."""
    records = ctx.lists["exits"].to_dict("records")
    by_head: dict[str, list[int]] = defaultdict(list)
    for j, (h, hid) in enumerate(zip(ctx.members["household"].tolist(), ctx.members["head_id"].tolist())):
        if hid and j in set(led.covered.get(h, ())):
            by_head[hid].append(j)
    rows_of: dict[str, list[int]] = defaultdict(list)
    for r, hid in whole_rows.items():
        rows_of[hid].append(r)
    # one row per head links the payees on no roster: the last one dated by the review date (a head the list gives
    # twice, one row dated after it, is judged by the other, which names it: h451), else the last
    heads = {hid: next((r for r in reversed(rs) if isinstance(d := records[r].get("date"), dt.date) and d <= ctx.as_of),
                       rs[-1]) for hid, rs in rows_of.items()}
    for hid, rs in rows_of.items():
        for r in rs:
            records[r]["_index"] = r
            for j in by_head.get(hid, ()):
                ev = make(records[r], HIGH, j)
                if ev and not any(e.kind == "exits" and e.row.get("_index") == r for e in led.events_member.get(j, [])):
                    led.events_member.setdefault(j, []).append(ev)
    # Ledger rows on no roster paid under such a head's ID (a damaged one with the head's name too, 中), as any list
    # row is linked: the heads as a list of their own
    f, off = led.frame, np.flatnonzero(led.array("member") < 0)
    named = [person_name(str(records[r].get("head_name") or records[r].get("name") or "")) for r in heads.values()]
    frame = pd.DataFrame({"id": list(heads), "id_status": ids.VALID, "id_reliable": 18, "name_key": named},
                         index=list(heads.values()))
    memo = ctx.cache.setdefault("money:identities", {})
    for col, name in (("head_id", "head_name_key"), ("id", "link_key")):
        if col not in f.columns or not len(off):
            continue
        for i, r, conf in _pairs(_link_rows(f, frame, col, "id", name, "name_key", off, memo)):
            if not any(e.kind == "exits" and e.row.get("_index") == r for e in led.events_row.get(i, [])):
                ev = make(records[r], conf)
                if ev:
                    led.events_row.setdefault(i, []).append(ev)
                elif isinstance(day := records[r].get("date"), dt.date) and day > ctx.as_of:
                    led.memo["later_exits"].setdefault(int(i), records[r])  # enrolled until after the date (f_stop)
    # ... and to the rows of the rest of such a household on no roster, paid one by one into its head's account
    # (the ledger's household of the head, see _money._payees), at 中
    stopped = {led.household[i]: ev for i in off.tolist() for ev in led.events_row.get(i, ()) if ev.kind == "exits" and ev.whole}
    for i in off.tolist():
        ev = stopped.get(led.household[i])
        if ev and not any(e.kind == "exits" for e in led.events_row.get(i, [])):
            led.events_row.setdefault(i, []).append(replace(ev, confidence=MEDIUM if ev.confidence == HIGH else ev.confidence))
