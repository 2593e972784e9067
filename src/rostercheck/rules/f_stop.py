"""F01–F03: benefits paid for months after a death, in custody or after a move out, or after an exit.

A payment counts by the month it is **for** (所属月份), so back pay made after the event for months
before it is no finding. A household paid through its head while only one member died (was jailed,
moved out, left) owes that member's share: the amount ÷ the covered members, or her own amount where the roster
gives each member's (个人月补助金额), at 中. A household the bank still
pays under its former head after his death (custody, exit), the roster now under another head, owes what each
month's payments exceed its approved amount by, at 中.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
import pandas as pd

from ..model import HIGH, LOW, MEDIUM, Context, Finding
from ..normalize import ids
from ..normalize.names import person_name
from ..roster import DIED, on_sheet, remark_death_day
from . import fact_text, person_identity, rule, where
from .f_amounts import (_approved_months, _head, _paid_pairs, amount_tolerance, household_amounts, implausible_times,
                        raise_before, raise_of)
from . import _money_recoveries as recoveries
from . import _money_care_homes as care_homes
from .c02_status import date_shown
from ._money_namesakes import head_namesakes, name_only_payees, place_namesakes, roster_namesakes
from ._money_events import roster_death, stop_month, stop_rule_said
from ._money_unread import note, say as say_unread, unread_rows
from ._money import (Ledger, _judged, care_home_rows, county_of_rows, finding, id_unwritten, ledger, link_text, months_text, payee_name,
                     payment_lines, roster_months, subjects, weakest, yuan)

# A household paid through its head whose other members stay on the benefit: said in the evidence, and read by the
# look-back (a household gone on under a new head cannot be seen by the old head's ID, held-out 216)
OTHERS_STAY = "其余成员仍在保"
# F05 reads what F01–F03 recover (Ledger.claimed) and F04's duplicates, so F01–F06 run in one process
# (audit._by_module): shared with a second, each would work out the other's (F04–F06 took 1.6 s there against 1.0 s
# after F01–F03 here); F07 and the notices are the second's.
PROCESS = "money"
_LIST_NAMES = {"deaths": "死亡人员名单", "prisoners": "服刑人员名单", "migrations": "户籍迁出名单", "exits": "停保（退出）名单",
               "registry": "户籍人口信息"}


@rule("F01")
def check_f01(ctx: Context) -> list[Finding]:
    """Payments for months after a death (次月停发 by default)."""
    led = ledger(ctx)
    ctx.cache["money:undated_deaths"] = _undated_deaths(ctx, led)
    _remark_deaths_unread(ctx, led)
    return _stopped(ctx).get("F01", [])


def _remark_deaths_unread(ctx: Context, led: Ledger) -> None:
    """Say the ledger rows whose 备注 mentions a death no one can be dated by (_money_events._remark_deaths_unread): an
    F01 notice, given whichever other F checks run."""
    if (unread := led.memo.get("remark_deaths_unread")) is not None:
        households, example = unread
        note(ctx, "F01", households, f"发放明细的备注提到死亡（如“{example}”），但写的可能是其他人（或提到同户几名成员）、没有写明日期、"
             "待核实、在核查基准日以后，或同一人各行写的死亡月份不同：看不出是谁、哪个月死亡，未按死亡核对", "（请核实后在死亡人员名单（--deaths）中补充）", led)


@rule("F02")
def check_f02(ctx: Context) -> list[Finding]:
    """Payments for months wholly in custody, or after a move out of the county."""
    return _stopped(ctx).get("F02", [])


@rule("F03")
def check_f03(ctx: Context) -> list[Finding]:
    """Payments after the exit date (停保/退出), and payees on no roster and no exit list (不在册人员领取)."""
    return _stopped(ctx).get("F03", []) + _not_enrolled(ctx, ledger(ctx))


def _stopped(ctx: Context) -> dict[str, list[Finding]]:
    """Every payment an event rules out, as one finding per (code, household, person), computed once."""
    if "money:stopped" in ctx.cache:
        return ctx.cache["money:stopped"]
    led = ledger(ctx)
    amounts, months = led.cols["amount"], led.cols["month"]
    # (a 提标补差 row adjusts the benefit: paid for a month ruled out, it is recovered with it, held-out 109)
    adjust = led.array("adjust").tolist()
    # (an item recovered with the benefit though never compared with it: a 特困 照料护理费, money_recovered_items; h491:
    # a 特困 person's care money paid after her death, 3 × 110 元, was not recovered)
    recovered = _recovered_rows(led)
    acc: dict[tuple, dict] = {}
    candidates = _candidates(ctx, led)
    # (the full amount before an event includes the 提标补差 paid for its months: a raise paid back apart is part of
    # what the household was due, held-out 231: 1,170 paid in July and its 90 in August, 1,260 for three)
    raised = _monthly_totals(led, candidates, adjust=True)
    expected, bound = household_amounts(ctx, led), implausible_times(ctx)
    odd: dict[str, set[str]] = defaultdict(set)  # code → households a payment implausibly large was left out of
    for r in candidates:
        if not (led.ok[r] and (led.benefit[r] or adjust[r] or recovered[r]) and months[r]) or amounts[r] <= 0:
            continue
        remaining = amounts[r]
        subs = subjects(ctx, led, r)
        # each subject with the event (if any) that rules out this payment's month
        hits = [(label, m, share, next((e for e in events if e.covers(months[r], led.programme[r])), None))
                for label, m, share, events in subs]
        approved, others = expected.get(led.household[r], (0.0, []))
        if approved and amounts[r] > bound * max(approved, *others) and any(ev for *_, ev in hits):
            # a payment many times the approved amount (held-out h459: '450万元' after a death was 4,501,950 元 to
            # recover at 高): a typing error far likelier than money paid, never recovered; said (F05 lists it, 低)
            for *_, ev in hits:
                if ev:
                    odd[ev.code].add(led.household[r])
            continue
        own = _own_shares(ctx, led, r, subs, raised) if len(subs) > 1 and "benefit_own" in ctx.members.columns else None
        raise_from = ("", 0.0)  # a raise since the month, taken off the roster's amounts (said in the evidence)
        if own is not None:  # each member's own amount (个人月补助金额), not the amount ÷ 保障人口
            hits = [(label, m, share, ev) for (label, m, _, ev), share in zip(hits, own)]
            if any(label == "departed" for label, *_ in subs):  # (for those listed it changes no share)
                raise_from = raise_before(ctx, led, r)
        elif len(subs) > 1:  # paid to the head for the household: a payment already cut by the shares of those gone
            covering = [ev for *_, ev in hits if ev]
            full, listed_only, today = (_full_amount(ctx, led, raised, r, min(e.first for e in covering)) if covering
                                        else (None, False, False))
            if full:  # leaves only what the month's payments exceed the rest's share of the full amount by, pro rata
                # (members who left and whom the roster no longer lists were of the full amount's 保障人口 too, unless
                # it is the roster's amount for the members it lists: held-out 126)
                listed = round(1 / subs[0][2])
                departed = 0 if listed_only else sum(1 for label, *_ in subs if label == "departed")
                gone = sum(1 for label, _, _, ev in hits if ev and not (listed_only and label == "departed"))
                size = max(listed + departed, _paid_for_before(ctx, led, r, subs, full, listed_only))
                if today:  # the roster's amount is today's: a month before the programme's raise was due less a person
                    raise_from = raise_before(ctx, led, r)
                    raise_from = raise_from if raise_from[1] * size < full else ("", 0.0)
                    full -= raise_from[1] * size
                elif (lifted := raise_of(ctx, led, led.household[r])) is not None and lifted[1] > 0 \
                        and min(e.first for e in covering) <= lifted[0] <= months[r]:
                    # the full amount was paid before the programme's raise, the month after it: each person due the
                    # raise more (h455: a member's 减员 from May, July's 1,440 for the three left, 3 × 480, read
                    # against April's 1,800 for four, 3 × 450, "应追回超出部分 90" a month at 中)
                    full += lifted[1] * size
                # (the month's 提标补差 with its benefit: held-out 264, 余伟's household cut by neither, August's 1,230
                # and its raise 120 paid apart left 330 + 32.20 owed for a share of 450)
                month_total = raised.get(led.household[r], {}).get(months[r]) or amounts[r]
                excess = max(0.0, month_total - full * (size - gone) / size)
                remaining = min(remaining, amounts[r] * excess / month_total)
                if not _cut_for_the_departed(ctx, led, r, hits, full, listed_only):
                    led.claimed.setdefault((led.household[r], months[r]), 0.0)  # the month is F01–F03's, not F05's
        for label, m, share, ev in hits:
            if ev is None or remaining <= 0.005 or share <= 0:
                continue
            part = min(remaining, amounts[r] * share)
            remaining -= part
            # only what exceeds the others' share is owed: the evidence must not call it the amount ÷ 保障人口
            cut = part < amounts[r] * share - 0.005
            led.claimed[(led.household[r], months[r])] = led.claimed.get((led.household[r], months[r]), 0.0) + part
            who = f"m{m}" if m >= 0 else f"d{ev.row['_index']}" if label == "departed" else f"p{led.payee[r]}"
            slot = acc.setdefault((ev.code, led.household[r], who), {"rows": [], "parts": [], "event": ev, "member": m,
                                                                     "share": share, "label": label})
            slot["rows"].append(r)
            slot["parts"].append(part)
            slot["cut"] = slot.get("cut", False) or cut
            # every member of the household ruled out that month (a whole household moved): none is left in it
            slot["all_gone"] = slot.get("all_gone", True) and len(subs) > 1 and all(ev for *_, ev in hits)
            slot["several"] = slot.get("several", False) or len(subs) > 1
            slot["own"] = own is not None
            if raise_from[0]:
                slot["raised"] = raise_from
    for code, households in sorted(odd.items()):
        note(ctx, code, households, f"有发放金额超过核定金额 {bound:g} 倍的发放（疑为录入错误，如多打了零、单位写错），未计入应追回金额",
             "（请核对原始发放记录；该笔发放另列于 F05 低置信度线索）", led)
    _unread_after_events(ctx, led)
    _whole_households(ctx, led, acc)
    _former_heads(ctx, led, acc)
    recoveries.net(ctx, led, acc)  # the ledgers' own 追回 rows taken off, oldest months first (held-out 237)
    out: dict[str, list[Finding]] = defaultdict(list)
    for (code, _, _), slot in sorted(acc.items(), key=lambda kv: (kv[0][0], min(kv[1]["rows"]))):
        out[code].append(recoveries.said(led, slot, _emit(ctx, led, code, slot)))
    # care homes paid one lump a month: each resident's share, inferred from the roster's standards (h432)
    lumps, led.memo["care_homes_checked"] = care_homes.lump_findings(ctx, led, amount_tolerance(ctx))
    for code, found in lumps.items():
        if code in ("F01", "F02", "F03"):  # (F04/F06 of a lump are f_amounts')
            out[code].extend(found)
    ctx.cache["money:stopped"] = dict(out)
    return ctx.cache["money:stopped"]


def _recovered_rows(led: Ledger) -> np.ndarray:
    """Per row: an item of money_recovered_items (特困 照料护理费) paid to one person alone: recovered with the benefit
    after an event (F01–F03), never compared with the approved amount. Not a row paid to the head for the household
    (a member's share of a care item is not the benefit's)."""
    words = tuple(led.params.get("recovered_items", ()))
    if not words or "item" not in led.frame.columns:
        return np.zeros(len(led.frame), dtype=bool)
    codes, said = _judged(led.frame, "item", lambda v: any(w in str(v or "") for w in words))
    return said[codes] & ~led.array("benefit") & ~led.array("household_row") & (led.array("member") >= 0)


def _unread_after_events(ctx: Context, led: Ledger) -> None:
    """Say, per F01–F03, the households paid only under an unread item (``_money_unread``) for a month an event of
    their payee or of a member rules out: those months were not counted (held-out 240: a township's ledgers give only
    资金项目代码 01, read as other money). A payee on no roster too (held-out 252: 刘梅香, 终止供养 in May, paid June
    under 02 and July to September as 特困供养金: F03 counted three months and said nothing of June)."""
    unread = unread_rows(led)
    if not unread.any():
        return
    paid = _paid_pairs(led)
    months, departed = led.cols["month"], led.memo["departed"]
    left: dict[str, set[str]] = defaultdict(set)
    for r in np.flatnonzero(unread).tolist():
        h, m = led.household[r], months[r]
        if not m or (h, m) in paid:
            continue
        people = {led.member[r], *led.covered.get(h, ())}
        events = [*led.events_row.get(r, ()), *(e for j in people for e in led.events_member.get(j, ())), *departed.get(h, ())]
        for e in events:
            if e.covers(m, led.programme[r]):
                left[e.code].add(h)
    for code, households in left.items():
        if code == "F03":  # (said with the payees on no roster F03 alone judges: one note, _unread_not_enrolled)
            led.memo["unread_exits"] = households
        else:
            say_unread(ctx, led, code, households)


def _unread_not_enrolled(ctx: Context, led: Ledger, judged: set[str], period: list[str], care: np.ndarray) -> None:
    """Say (F03) the payees on no roster, on no event list (``judged``: those with events or a roster's history row are
    judged there), paid for a month of the roster's period only under an unread item (``_money_unread``): had it been
    the benefit, they were 不在册人员领取, as a payee paid the benefit is. Said in one note with the households whose
    exit rules out such a month (:func:`_unread_after_events`)."""
    left = set(led.memo.get("unread_exits", ()))
    unread = unread_rows(led) & (led.array("member") < 0) & ~care
    paid, months, amounts = _paid_pairs(led), led.cols["month"], led.cols["amount"]
    programmes = set(ctx.members["programme"].tolist())
    for r in np.flatnonzero(unread).tolist():
        h, m = led.household[r], months[r]
        if (h in judged or not m or m < period[0] or (h, m) in paid or r in led.memo["pooled"] or amounts[r] <= 0
                or (led.programme[r] and led.programme[r] not in programmes)):
            continue
        left.add(h)
    say_unread(ctx, led, "F03", left)


def _paid_for_before(ctx: Context, led: Ledger, r: int, subs: list, full: float, listed_only: bool) -> int:
    """How many the household's full amount before the death was paid for: everyone the roster lists, when the
    roster's approved amount is already below that full amount and it lists more members than its 保障人口 (held-out
    204: 1,200 paid for three, the roster's 800 and 保障人口 2 already leave out the dead father it still lists), else 0."""
    approved = household_amounts(ctx, led).get(led.household[r], (None,))[0]
    listed = sum(1 for label, *_ in subs if label != "departed")
    if listed_only or not approved or approved >= full - 0.005 or listed <= round(1 / subs[0][2]):
        return 0
    return len(subs)


def _cut_for_the_departed(ctx: Context, led: Ledger, r: int, hits: list, full: float, listed_only: bool) -> bool:
    """Whether the roster's amount leaves out the members who left and whom it no longer lists, the only ones whose
    events rule out row ``r``'s month: it is for those it lists, or less than the household got before they left. Such
    a month's payment is F05's to compare (held-out 176: every month after a 减员 or 已死亡 member's stop was left to
    F01–F03, owed or not, and no 少发 was ever found); a roster never cut since leaves a cut payment to F01–F03."""
    if any(ev and label != "departed" for label, _, _, ev in hits):
        return False
    approved = household_amounts(ctx, led).get(led.household[r], (None,))[0]
    tol = amount_tolerance(ctx)
    return listed_only or (approved is not None and approved < full - tol)


def _former_heads(ctx: Context, led: Ledger, acc: dict) -> None:
    """Add to ``acc`` the months a household was paid under its former head (``_money._former_payees``) after an event
    of his: what the month's payments exceed the household's approved amount by (the roster's amount is for the
    members left; a payment cut to it is no finding), in the months that amount applies to (as F05 compares)."""
    gone, months, amounts = led.memo.get("former_events", {}), led.cols["month"], led.cols["amount"]
    by_month: dict[tuple, list] = defaultdict(list)  # (household, month) → (row, the event ruling it out)
    for r, events in sorted(gone.items()):
        if led.ok[r] and led.benefit[r] and months[r] and amounts[r] > 0:
            ev = next((e for e in events if e.covers(months[r], led.programme[r])), None)
            if ev is not None:
                by_month[led.household[r], months[r]].append((r, ev))
            elif any(months[r] < e.first for e in events):  # he was still a member: the roster's amount is not that month's
                led.claimed.setdefault((led.household[r], months[r]), 0.0)
    if not by_month:
        return
    expected, starts, period = household_amounts(ctx, led), _approved_months(ctx, led, amount=True), roster_months(ctx, led)
    tol = amount_tolerance(ctx)
    totals = _monthly_totals(led, [r for rows in by_month.values() for r, _ in rows])
    for (h, month), rows in by_month.items():
        # the roster's amount applies from its change date, or from the stop (money_stop_rule) of the event it follows
        # (held-out 97: under 当月 the month of the death, before a change dated the month after, was left out)
        applies = month >= min(starts[h], *(ev.first for _, ev in rows)) if h in starts else month in period
        if h not in expected or (h, month) in led.claimed or not applies:
            continue
        excess = totals.get(h, {}).get(month, 0.0) - expected[h][0]
        for r, ev in rows:
            part = min(float(amounts[r]), excess)
            if part <= tol:
                break
            excess -= part
            led.claimed[(h, month)] = led.claimed.get((h, month), 0.0) + part  # the month is F01–F03's, not F05's
            slot = acc.setdefault((ev.code, h, f"p{led.payee[r]}"), {"rows": [], "parts": [], "event": ev, "member": -1,
                                                                    "share": 1.0, "label": "payee", "former": expected[h][0]})
            slot["rows"].append(r)
            slot["parts"].append(part)


def _own_shares(ctx: Context, led: Ledger, r: int, subs: list, totals: dict) -> list[float] | None:
    """Each subject's share of row ``r`` (paid to the head for the household) when the roster gives every member it
    lists an own monthly amount (个人月补助金额) and the household's approved amount is their sum, else None.

    A listed member's share is her own amount, with an equal part of what the month's benefit (提标补差 included)
    differs from that sum by (a standard raised later, paid back apart: held-out 225, 何淑兰 680 of 1,880 now, 650 of
    1,790 before July); a member the roster no longer lists is owed what the month exceeds the approved amount by (it
    is the others' sum: a payment equal to it owes nothing, held-out 225 叶军梅), split among such members. In a month
    before the programme's raise each own amount (and so their sum) is today's less the raise per person
    (``f_amounts.raise_before``; held-out 225b: 1,548 for three at 516 owed 456, today's 2 × 546 taken as the others').
    Shares are fractions of the month's benefit."""
    h, month = led.household[r], led.cols["month"][r]
    approved = household_amounts(ctx, led).get(h, (None,))[0]
    total = totals.get(h, {}).get(month, 0.0)
    listed = [m for label, m, *_ in subs if label != "departed"]
    if approved is None or total <= 0 or any(m < 0 for m in listed):
        return None
    own = [ctx.members.at[m, "benefit_own"] for m in listed]
    if not all(isinstance(a, float) and a == a and a > 0 for a in own) or abs(sum(own) - approved) > amount_tolerance(ctx):
        return None
    departed = sum(1 for label, *_ in subs if label == "departed")
    # a month before the programme's raise: each own amount was that much less (those listed alone: the same shares)
    per = raise_before(ctx, led, r)[1] if departed else 0.0
    if per and per * len(listed) < approved:
        own, approved = [a - per for a in own], approved - per * len(listed)
    excess = total - approved
    of = dict(zip(listed, own))
    spread = (min(excess, 0.0) if departed else excess) / len(listed)  # the excess is the departed members' where any
    return [max(excess, 0.0) / departed / total if label == "departed" else (of[m] + spread) / total
            for label, m, *_ in subs]


def _monthly_totals(led: Ledger, rows: list[int], adjust: bool = False) -> dict[str, dict[str, float]]:
    """Household → month → its successful benefit paid (with ``adjust`` its 提标补差 too), for the households some rows
    are paid to (their months)."""

    households = {led.household[r] for r in rows}
    if not households:
        return {}
    codes = led.memo["codes"]
    wanted = led.of_households(households)
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    rows_ = np.flatnonzero(wanted & led.array("ok") & (led.array("benefit") | (led.array("adjust") & adjust)))
    # summed per (household, month) in row order, as adding row by row would (np.bincount adds in input order)
    _, first, at = np.unique(codes["pair"][rows_], return_index=True, return_inverse=True)
    sums = np.bincount(at.ravel(), minlength=len(first),
                       weights=pd.to_numeric(led.frame["amount"].iloc[rows_], errors="coerce").to_numpy(dtype=float))
    for k, total in zip(first.tolist(), sums.tolist()):
        r = int(rows_[k])
        out[led.household[r]][led.cols["month"][r]] = total
    return out


def _full_amount(ctx: Context, led: Ledger, before: dict, r: int, first: str) -> tuple[float | None, bool, bool]:
    """What a household paid on row ``r`` got for a whole month before anyone left it: its largest monthly payment
    (提标补差 included, by the month it is for) before the first month an event rules out, else (the ledger starts
    later) the roster's approved amount; whether that amount is the roster's for just the members it lists (its
    保障人口 is their number: members who left and whom it no longer lists are not in it); and whether it is the roster's
    (today's, as of no month: ``_stopped`` takes a raise since back off it)."""
    household = led.household[r]
    earlier = [total for month, total in before.get(household, {}).items() if month and month < first]
    if earlier:
        return max(earlier), False, False
    amount = household_amounts(ctx, led).get(household, (None,))[0]
    size = led.memo["covered_size"].get(household)
    listed_only = (bool(amount) and size is not None and size == size
                   and int(size) == len(led.covered.get(household, ())))
    return amount, listed_only, amount is not None


def _candidates(ctx: Context, led: Ledger) -> list[int]:
    """The rows (in order) that some event can touch: the payee's own events, or a member's of a household paid to the head.

    Every other row has no event among its subjects, so leaving it out changes nothing (a city's ledgers
    hold millions of rows and a few hundred events).
    """
    if not led.events_row and not led.events_member and not led.memo["departed"]:
        return []

    touched = np.isin(led.array("member"), np.fromiter(led.events_member, dtype=np.int64))
    if led.events_row:
        touched[np.fromiter(led.events_row, dtype=np.int64)] = True
    # the households of covered members with events (each member is covered in his own household alone)
    of = ctx.members["household"].to_numpy(dtype=object)
    households = {of[j] for j in led.events_member if j in led.covered.get(of[j], ())} | set(led.memo["departed"])
    if households:  # by the ledger's household codes: each distinct household judged once
        touched |= led.array("household_row") & led.of_households(households)
        if led.memo["departed"]:  # a household of one left by such a member: its payee's rows too (``_money.subjects``)
            touched |= (led.array("member") >= 0) & led.of_households(led.memo["departed"])
    return np.flatnonzero(touched).tolist()


def _whole_households(ctx: Context, led: Ledger, acc: dict) -> None:
    """Every covered member of a household ruled out, each by an event of the same code, over the same months paid to
    the household: one finding of the whole payment about its head (held-out 308: a household moved to 萧山区 member by
    member was three F02 rows at 中, "全户成员均不应发放，各按份额计", where its exit, had it been one, is one row at 高).
    The other members' events are said beside the head's (``slot["others"]``)."""
    groups: dict[tuple, list] = defaultdict(list)
    for key, slot in acc.items():
        if (slot["member"] >= 0 and slot["label"] in ("member", "payee") and slot.get("all_gone") and not slot.get("cut")
                and not slot.get("own")):  # (the head is the household's payee)
            groups[key[:2]].append(key)
    heads = set(ctx.members.index[ctx.members["id"] == ctx.members["head_id"]]) if len(ctx.members) else set()
    for (code, h), keys in groups.items():
        if len(keys) < 2 or len(keys) != len(led.covered.get(h, ())):
            continue
        slots = [acc.pop(k) for k in keys]
        parts: dict[int, float] = defaultdict(float)
        for slot in slots:
            for r, p in zip(slot["rows"], slot["parts"]):
                parts[r] += p
        first = next((slot for slot in slots if slot["member"] in heads), slots[0])
        rows = sorted(parts)
        acc[(code, h, "all")] = {**first, "rows": rows, "parts": [parts[r] for r in rows], "share": 1.0,
                                 "all_gone": False, "several": False,
                                 "others": [(slot["member"], slot["event"]) for slot in slots if slot is not first]}


def _emit(ctx: Context, led: Ledger, code: str, slot: dict) -> Finding:
    f, ev = led.frame, slot["event"]
    month = led.cols["month"]
    order = sorted(range(len(slot["rows"])), key=lambda k: (month[slot["rows"][k]], slot["rows"][k]))
    rows, parts = [slot["rows"][k] for k in order], [slot["parts"][k] for k in order]
    months = [month[r] for r in rows]
    total = sum(parts)
    m = slot["member"]
    listed = {k: str(ev.row.get(k) or "").strip() for k in ("name", "head_name", "township", "village", "county")}
    listed["county"] = county_of_rows(led, rows) or listed["county"]  # (the ledger's before the list's, as the row's own)
    # (for a damaged ledger ID: the list's whole one, its own or, a row naming the head alone, the head's)
    own = str(ev.row.get("id") or "") if ev.row.get("id_status") == ids.VALID else ""
    head = str(ev.row.get("head_id") or "") if listed["name"] in ("", listed["head_name"]) else ""
    listed["id"] = own or (head if ids.id_number(head).status == ids.VALID else "")
    if m >= 0:
        name = ctx.value(m, "name")
    elif slot["label"] == "departed":  # a member who left, as the exit list names her
        name = listed["name"]
    else:  # a payee on no roster, as the ledger names her, else as the event's list does (a head-only exit row)
        name = f.at[rows[0], "name"] or listed["name"] or f.at[rows[0], "head_name"] or listed["head_name"] \
            or led.cols["holder"][rows[0]]
    shared, former = slot["share"] < 0.999, slot.get("former")
    part_of = "应追回超出部分" if slot.get("cut") else "应追回份额" if shared else \
        "超出核定金额的部分" if former is not None else ""
    lines = payment_lines([(led.cols["month"][r], led.item(r), yuan(led.cols["amount"][r])
                            + (f"（{part_of} {yuan(p)}）" if part_of else ""), led.where(r)) for r, p in zip(rows, parts)])
    # a payee on no roster whom a roster's history row names as gone too (held-out 187: 周秀华, 特困 供养状态 已死亡 and on
    # the deaths list, was under （未填乡镇）, the roster's row unsaid): that row's place, cited
    record = _roster_record(ctx, led, rows[0]) if m < 0 and slot["label"] == "payee" and ctx.departed else None
    if record is not None:
        listed.update({k: listed[k] or v for k, v in (("township", record[4]), ("village", record[5]))})
    # (custody counts its whole months in custody, whatever the stop rule: said so; the others say the rule applied)
    rule_text = f"{stop_rule_said(led.params)}，{ev.first} 起不应发放" if ev.kind != "prisoners" else f"{ev.first} 至 {ev.last} 整月在押不应发放" \
        if ev.last != "9999-12" else f"{ev.first} 起整月在押不应发放"
    said = f"；{_said_on_roster(record)}" if record is not None and not ev.source else ""  # (the event is that row)
    # the person the event's row names: a household's exit names its head, not the member paid (held-out 270: "停保名单第
    # 3 行：吕荣涛" of a row naming 苏红春)
    named = "" if ev.source else listed["name"] or listed["head_name"]
    other = ev.whole and bool(named) and person_name(named) != person_name(name)
    # the row's own name where it names the member otherwise (h420: "死亡人员名单第 9 行：孙桂金" of a row naming 孙文玉,
    # linked by a cut ID and the ledger payee's name)
    quoted = named if other else (f"{listed['name']}（花名册中为{name}）" if not ev.source and listed["name"] and m >= 0
                                  and person_name(listed["name"]) != person_name(name) else name)
    evidence = (f"{ev.source or where(ctx, ev.kind, ev.row)}：{quoted}，{ev.what}{said}；{rule_text}。"
                + (f"该户成员{name}" if other else "") + f"仍发放 {months_text(months)}：{lines}")
    conf = weakest(ev.confidence, ev.certainty, *(led.conf[r] for r in rows))  # '' for a payee on no roster
    if slot.get("others"):  # the whole household ruled out, member by member (_whole_households)
        evidence += ("。同户其他保障对象也均不应发放：" + "；".join(
            f"{ctx.value(j, 'name')}（{o.source or where(ctx, o.kind, o.row)}，{o.what}）" for j, o in slot["others"])
                     + "，全户不应发放")
        conf = weakest(conf, *(weakest(o.confidence, o.certainty) for _, o in slot["others"]))
    if former is not None:
        remarked = any(r in led.memo.get("former_remarked", ()) for r in rows)
        evidence += (f"。花名册已改由他人当户主{'（花名册备注写明其为该户原户主，按姓名和死亡人员名单对应，请核实）' if remarked else ''}，"
                     f"该户仍以其名义发放，现核定 {yuan(former)}/月，超出部分应追回，合计 {yuan(total)}")
        conf = weakest(conf, MEDIUM)
    elif slot.get("cut"):  # the payment already cut after the event, still above the others' share (F01.toml)
        evidence += (f"。该户按户发放给户主，{OTHERS_STAY}；之后的发放金额已经核减，但仍超出其余成员的份额，"
                     f"只追回超出部分{_raise_note(slot)}，合计 {yuan(total)}")
        conf = weakest(conf, MEDIUM)
    elif slot.get("own"):  # the roster's 个人月补助金额 (F01.toml)
        evidence += (f"。该户按户发放给户主，{OTHERS_STAY}；花名册写明各成员的个人月补助金额，家庭月保障金为在册成员之和，"
                     + ("应追回该成员本人的金额（与花名册金额不同的月份，差额由在册成员平均分摊）" if m >= 0
                        else "该成员已不在册，应追回各月超出现核定家庭月保障金的部分")
                     + f"{_raise_note(slot)}，合计 {yuan(total)}")
        conf = weakest(conf, MEDIUM)
    elif shared:
        n = round(1 / slot["share"])
        if m < 0 and slot["label"] == "payee":  # on no roster given: the ledger's own 保障人口
            evidence += (f"。该领取人不在所给花名册中，发放明细写明按 {n} 人发放，其余人员是否仍在保无法据花名册核对，"
                         f"按该人份额（发放金额 ÷ {n}）计，合计 {yuan(total)}；如全户已不应享受，应追回全额")
        else:
            rest = "全户成员均不应发放，各按份额计" if slot.get("all_gone") else OTHERS_STAY
            evidence += f"。该户按户发放给户主，保障人口 {n} 人，{rest}，应追回该成员份额（发放金额 ÷ {n}）合计 {yuan(total)}"
        conf = weakest(conf, MEDIUM)
    else:
        evidence += f"。应追回合计 {yuan(total)}"
        if slot.get("several"):  # paid for a household whose roster covers fewer than it lists: never exact (held-out 109)
            evidence += "（该户按户发放，花名册保障人口少于所列成员，按全额计，请核实该成员是否仍在保障人口中）"
            conf = weakest(conf, MEDIUM)
    if led.array("unplaced")[rows].all():  # only 提标补差 of no month of its own: maybe for months before the event
        # (held-out 264: 熊春梅, dead 2026-07-25, her July raise paid in September's sheet, 所属期 blank, was F01 高)
        evidence += f"。所列提标补差未写所属月份（按发放所在月份计），可能是补发 {ev.first} 以前月份的差额，请核实；核实前不计入应追回金额"
        conf, total = LOW, None
    if ev.kind == "exits" and ev.row.get("outcome_blank") is True and ev.certainty == LOW:
        # an exit not yet decided, the household still on the roster (h466): a lead; its months owe nothing until it is
        head, said, tail = evidence.rpartition("应追回合计")
        evidence = (f"{head}如停保已批准，应追回合计{tail}" if said else evidence) + "；停保尚未确认，核实前不计入应追回金额"
        total = None
    key = "身份证号一致" if ev.confidence == "高" else "身份证号相近，姓名、出生日期一致"
    if other:  # (the head's ID matched, the member's rows his household's: held-out 277 said 身份证号相近 of hers)
        key = f"户主{key}（整户，该成员为同户成员）"
    # (and those tied under her former ID, 原身份证号: held-out 342)
    weak = [r for r in rows if r in led.memo.get("masked", ()) or r in (led.memo.get("former_id") or {})]
    if weak:  # the payments tied to the person without a whole ID: said how (held-out 143)
        key += f"；发放明细：{link_text(led, weak)}"
    facts = (("event", ev.kind), ("person", person_identity(ev.row)), ("date", fact_text(ev.row.get("date") or ev.row.get("start"))))
    found = finding(ctx, led, code, rows[0], m, evidence, conf, key, months, total, None, facts,
                    source=f"花名册（{ev.row['file']}）" if ev.source and ev.kind != "payments"
                    else ctx.labels.get(ev.kind, _LIST_NAMES.get(ev.kind, "资金发放明细")),
                    listed={**listed, "name": name})
    departed = slot["label"] == "departed"
    head = _head(ctx, led, led.household[rows[0]], rows[0]) if former is not None or departed else -1
    if head >= 0 and found.subject is not None:  # the former head (a member who left), in the household the roster lists
        found.subject.update({k: ctx.members.at[head, k] for k in ("township", "village", "head_name", "head_id",
                                                                    "programme", "file", "row", "household")})
        found.subject["relation"] = "原户主" if former is not None else "已减员成员"
        if departed:  # her own status row, and a person of her own in the counts (held-out 187: every one was member -1,
            # one person in the first township; 花名册行 her head's row)
            found.subject.update({"name": name, "id": str(ev.row.get("id") or ""), "id_raw": ev.row.get("id_raw", ""),
                                  "name_key": ev.row.get("name_key", ""), "row": int(ev.row["_row"]),
                                  "sheet_shown": ev.row.get("_sheet", "")})
            found.member = led.off_roster.setdefault(f"left:{ev.row.get('id') or ev.row['_index']}", -len(led.off_roster) - 1)
    found.source_row = str(int(ev.row["_row"])) if ev.row.get("_row") not in (None, "") else ""  # the event's row
    return _at_roster_row(found, record) if record is not None else found


def _raise_note(slot: dict) -> str:
    """'（2026-07 以前的月份按提标前的金额计：…）' for a finding whose months before its programme's raise took the raise
    off the roster's amounts (``f_amounts.raise_before``), else ''."""
    if not slot.get("raised"):
        return ""
    month, per = slot["raised"]
    return f"（{month} 以前的月份按提标前的金额计：该类保障对象 {month} 起统一提标，现核定金额每人每月减去 {yuan(per)}）"


def _undated_deaths(ctx: Context, led: Ledger) -> list[str]:
    """Say the deaths a roster's own status records without a date, of people the ledgers still pay for (a member of a
    household paid, or a payee of her own) and whom no deaths list dates: no month to stop from, so not guessed
    (held-out 202)."""
    dated = {e.row.get("id") for evs in (*led.events_member.values(), *led.events_row.values()) for e in evs
             if e.code == "F01"} | {e.row.get("id") for evs in led.memo["departed"].values() for e in evs if e.code == "F01"}
    if ctx.has("deaths") and "date" in ctx.lists["deaths"].columns:  # dated there: her months judged (held-out 268: said
        # undated, --deaths asked for, of two the list given dated before the ledgers' first month)
        deaths = ctx.lists["deaths"]
        dated |= {i for i, st, d in zip(deaths["id"].tolist(), deaths["id_status"].tolist(), deaths["date"].tolist())
                  if st == ids.VALID and isinstance(d, dt.date)}
    rows = [(rec["file"], rec["_sheet"], rec["_row"], rec["name"]) for h, records in ctx.left.items() if h in led.covered
            for rec in records if DIED.search(rec["word"]) and not isinstance(rec["date"], dt.date) and rec["id"] not in dated]
    for r in np.flatnonzero(led.array("member") < 0).tolist():
        record = roster_death(ctx, led, r)
        if record is not None and record[1] is None and not any(e.code == "F01" for e in led.events_row.get(r, ())):
            rows.append((record[3], (*record, "")[6], record[2], payee_name(ctx, led, r)))
    rows = sorted(set(rows), key=lambda x: (x[0], x[1], x[2]))
    if not rows:
        return []
    file, sheet, row, name = rows[0]
    return [f"花名册中有 {len(rows)} 人的状态写明已死亡，但没有填写日期或日期无法识别（如《{file}》{on_sheet(sheet)}第 {row} 行 {name}），"
            "资金发放明细仍有其发放记录：无法确定从哪个月起不应发放，这些人死亡后是否仍发放（F01）未核查；"
            "请在花名册中补填状态变更日期，或提供死亡人员名单（--deaths）后重新运行。"]


def _undated_exits(ctx: Context, led: Ledger, rows_by: dict[str, list[int]]) -> dict[str, str]:
    """Household → '在停保（退出）名单第 N 行，但停保日期…' for the households whose payee the events found on the exit
    list with no exit date read (``memo['undated_exits']``; an exit with a date is an event, no 不在册 one)."""
    from .c02_status import date_doubt

    undated, out = led.memo.get("undated_exits", {}), {}
    for h, rows in rows_by.items():
        row = next((undated[r] for r in rows if r in undated), None)
        if row is not None:
            doubt = date_doubt(row, "date", "停保（退出）日期") or "停保（退出）日期未填"
            out[h] = f"在{where(ctx, 'exits', row)}，但{doubt}，停保后多发的月份无法计算"
    return out


def _enrolled_later(ctx: Context, led: Ledger, rows_by: dict[str, list[int]]) -> None:
    """Take out of ``rows_by`` the months paid before the stop month of a payee the exit list shows enrolled until a
    date after the review date (held-out 239: said '也不在停保（退出）名单中' of them): the roster given lacks him, no
    不在册 payment. Said in the notice ``money:later_exits``."""
    later, said = led.memo.get("later_exits", {}), []
    for h, rows in list(rows_by.items()):
        row = next((later[r] for r in rows if r in later), None)
        if row is None:
            continue
        stop = stop_month(row["date"], led.params)
        rows_by[h] = [r for r in rows if led.cols["month"][r] >= stop]
        if not rows_by[h]:
            del rows_by[h]
        said.append(f"{payee_name(ctx, led, rows[0])}（{where(ctx, 'exits', row)}，停保（退出）日期 {date_shown(row, 'date')}）")
    ctx.cache["money:later_exits"] = [
        f"资金发放明细中有 {len(said)} 名领取人不在所给花名册中，但停保（退出）名单显示其在保至核查基准日之后（如 {said[0]}）："
        "核查基准日时仍在保，停保以前月份的发放不计为不在册人员领取（F03）；"
        "请核对所给花名册是否漏列了这些人"] if said else []


def _exit_namesakes(ctx: Context, led: Ledger, paid_by: dict[str, list[int]]) -> dict[str, str]:
    """Household → what the exit list holds of a payee the ledger names without an ID: rows of the same name, one with
    its exit date said with what was paid after it (held-out 151: '也不在停保名单中' was untrue). A name is no link: the
    finding stays the 不在册 one, the months after the exit are for the worker to confirm."""
    if not ctx.has("exits") or "name_key" not in ctx.lists["exits"].columns:
        return {}
    ex = ctx.lists["exits"]
    by_name: dict[str, list[int]] = defaultdict(list)
    for k, nk in zip(ex.index.tolist(), ex["name_key"].tolist()):
        if nk:
            by_name[nk].append(k)
    out = {}
    for h, rows in paid_by.items():
        r0 = rows[0]
        if led.cols["id"][r0]:
            continue  # an ID the exit list does not hold: on no exit list indeed
        named = by_name.get(led.cols["name_key"][r0] or led.cols["holder_key"][r0], [])
        if not named:
            continue
        unsure = f"发放明细{id_unwritten(led, r0)}，无法与停保（退出）名单核对；"
        row = ex.loc[named[0]].to_dict()
        if len(named) > 1 or not isinstance(row.get("date"), dt.date):
            out[h] = f"{unsure}名单中有 {len(named)} 个同名的 {row.get('name', '')}，请核对是否同一人"
            continue
        first = stop_month(row["date"], led.params)
        after = [r for r in rows if led.cols["month"][r] >= first]
        paid = (f"，如是同一人，{stop_rule_said(led.params)}，{first} 起仍发放 {yuan(sum(led.cols['amount'][r] for r in after))}："
                f"{months_text(sorted({led.cols['month'][r] for r in after}))}" if after else "")
        out[h] = (f"{unsure}{where(ctx, 'exits', row)}有同名的 {row.get('name', '')}，"
                  f"停保（退出）日期 {date_shown(row, 'date')}{paid}")
    return out


def _roster_record(ctx: Context, led: Ledger, r: int) -> tuple | None:
    """A roster's own history row naming row ``r``'s payee (or head) as gone, a household of her own (家庭状态 停保,
    供养状态 终止, 已死亡: ``Context.departed``, by the payee's or head's ID) — (word, date, row, file, township, village,
    sheet), a place or sheet not given blank — else None."""
    key = next((k for k in (led.cols["id"][r], led.cols["head_id"][r]) if k and k in ctx.departed), None)
    return (*ctx.departed[key], "", "", "")[:7] if key is not None else None


def _departed(ctx: Context, led: Ledger, paid_by: dict[str, list[int]]) -> dict[str, tuple]:
    """The payees on no roster whom a roster's own history rows name as gone (held-out 176, said as 不在册 '也不在停保
    （退出）名单中' for the roster's months only): household → ``_roster_record``."""
    if not ctx.departed:
        return {}
    found = {h: _roster_record(ctx, led, rows[0]) for h, rows in paid_by.items()}
    return {h: record for h, record in found.items() if record is not None}


def _said_on_roster(record: tuple) -> str:
    """'在花名册中已不在保障中（“已死亡”，状态变更日期 …，《x.xlsx》第 N 行）' for a ``_roster_record``."""
    word, day, row, file, _, _, sheet = record
    return (f"在花名册中已不在保障中（“{word}”，" + (f"状态变更日期 {day:%Y-%m-%d}，" if day else "")
            + f"《{file}》{on_sheet(sheet)}第 {row} 行）")


def _at_roster_row(found: Finding, record: tuple) -> Finding:
    """A finding about a payee on no roster whom a roster's history row names: that row is her 花名册文件 and 花名册行."""
    found.subject.update({"file": record[3], "row": record[2], "sheet_shown": record[6]})
    return found


def _masked_exits(ctx: Context, led: Ledger, paid_by: dict[str, list[int]]) -> dict[str, dict]:
    """Household → the one dated exit-list row naming a payee on no roster whose ID the ledger masked (一卡通平台:
    640425********8931): the same name (the person's or the head's) and an ID showing the same digits where the mask
    leaves them (h465: three exited households paid after the exit were 不在册 '也不在停保（退出）名单中', their months
    before the roster's quarter uncounted). Two such rows, or none, leave the payee as she was."""
    if not ctx.has("exits") or "id_raw" not in led.frame.columns:
        return {}
    ex = ctx.lists["exits"]
    people: list[tuple[str, str, int]] = []  # (name key, ID, exit row)
    for k, row in zip(ex.index.tolist(), ex.to_dict("records")):
        if not isinstance(row.get("date"), dt.date) or row["date"] > ctx.as_of:
            continue
        for name, pid in ((row.get("name_key"), row.get("id")), (person_name(row.get("head_name")), row.get("head_id"))):
            if name and isinstance(pid, str) and len(pid) == 18:
                people.append((name, pid, k))
    if not people:
        return {}
    out = {}
    for h, rows in paid_by.items():
        r0 = rows[0]
        shown = ids.masked(led.cols["id_raw"][r0])
        name = led.cols["name_key"][r0] or led.cols["holder_key"][r0]
        if led.cols["id"][r0] or not ids.shows_enough(shown) or not name:
            continue
        found = {k for n, pid, k in people if n == name and ids.shows(pid, shown)}
        if len(found) == 1:
            out[h] = {**ex.loc[found.pop()].to_dict(), "_masked": led.cols["id_raw"][r0]}
    return out


def _after_masked_exit(ctx: Context, led: Ledger, rows: list[int], row: dict) -> Finding:
    """F03 at 中 for the payments after the exit of a payee :func:`_masked_exits` found on the exit list by her name and
    the digits her masked ID shows."""
    months = [led.cols["month"][r] for r in rows]
    total = float(sum(led.cols["amount"][r] for r in rows))
    lines = payment_lines([(led.cols["month"][r], led.item(r), yuan(led.cols["amount"][r]), led.where(r)) for r in rows])
    who = payee_name(ctx, led, rows[0])
    reason = str(row.get("reason") or "").strip()
    evidence = (f"停保（退出）后仍发放：{who} 在{where(ctx, 'exits', row)}，停保（退出）日期 {date_shown(row, 'date')}"
                + (f"（{reason}）" if reason else "") + f"；{stop_rule_said(led.params)}，{stop_month(row['date'], led.params)} 起不应发放。"
                f"发放明细的身份证号中间几位被隐去（{row['_masked']}），按姓名和显示的数字与停保（退出）名单对应，"
                f"未能按完整身份证号核对，请核实是否同一人。仍发放 {months_text(months)}：{lines}。合计 {yuan(total)}，应追回")
    facts = (("payee", led.payee[rows[0]]), ("kind", "masked_exit"), ("date", row["date"].isoformat()))
    return finding(ctx, led, "F03", rows[0], -1, evidence, MEDIUM, "姓名及身份证号未隐去的数字一致（发放明细身份证号部分隐去）",
                   months, total, None, facts, listed={"name": who, "county": county_of_rows(led, rows)})


def _after_departure(ctx: Context, led: Ledger, rows: list[int], record: tuple) -> Finding:
    """F03 for the payments a roster's own history row says should have stopped (its status's date, 次月停发), under
    the township and village that row names."""
    months = [led.cols["month"][r] for r in rows]
    total = float(sum(led.cols["amount"][r] for r in rows))
    lines = payment_lines([(led.cols["month"][r], led.item(r), yuan(led.cols["amount"][r]), led.where(r)) for r in rows])
    who = payee_name(ctx, led, rows[0])
    evidence = (f"{who} {_said_on_roster(record)}；{stop_rule_said(led.params)}，{stop_month(record[1], led.params)} 起不应发放。"
                f"仍发放 {months_text(months)}：{lines}。合计 {yuan(total)}，应追回")
    facts = (("payee", led.payee[rows[0]]), ("kind", "roster_departed"), ("date", record[1].isoformat()))
    return _at_roster_row(finding(ctx, led, "F03", rows[0], -1, evidence, HIGH, "身份证号一致（花名册中的状态）", months,
                                  total, None, facts, listed={"name": who, "township": record[4], "village": record[5]}),
                          record)


def _earlier_months(ctx: Context, led: Ledger, paid_by: dict[str, list[int]], period: list[str]) -> list[str]:
    """Say the payees on no roster paid for months before the rosters' own: only their own deaths, custody, moves and
    exits are checked for those months, their households' other members are on no roster given (held-out 184: a
    member's death in August, her household gone from the fourth quarter's roster, unsaid)."""
    earlier = {h: [r for r in rows if led.cols["month"][r] < period[0]] for h, rows in paid_by.items()}
    earlier = {h: rows for h, rows in earlier.items() if rows}
    if not earlier:
        return []
    r = min((r for rows in earlier.values() for r in rows), key=lambda r: led.cols["month"][r])  # the earliest month paid
    return [f"资金发放明细中有 {len(earlier)} 户（人）的领取人不在所给花名册中，但领取了花名册所属期（{period[0]} 起）以前月份的保障金"
            f"（如 {payee_name(ctx, led, r)} {led.cols['month'][r]}）：这些月份只核对了领取人本人的死亡、服刑、迁出和停保，"
            "其家庭其他成员不在所给花名册中，无法核对；如需核查，请同时给出当时的花名册（如上一季度的花名册）。"]


def _roster_namesakes(ctx: Context, led: Ledger, rows: list[int]) -> str:
    """'花名册中有同名的 钟国辉（金石桥镇石桥村）…，未能确认是否同一人' for a payee named without an ID whom roster members'
    names match ('' for none): the ledger cannot tell which, if any, she is (a village apart, or several alike)."""
    name = led.cols["link_key"][rows[0]]
    found = roster_namesakes(ctx, name)
    if not found:
        return ""
    mem = ctx.members
    places = [f"{mem['township'].iat[m]}{mem['village'].iat[m]}" for m in found[:3]]
    who = "、".join(f"{mem['name'].iat[m]}（{p}）" if p else str(mem["name"].iat[m]) for m, p in zip(found, places))
    more = f"等 {len(found)} 人" if len(found) > 3 else ""
    accounts = {led.cols["bank_account"][r] for r in rows} - {""}
    theirs = "账号也不是花名册登记的，" if accounts and "bank_account" in mem.columns and not accounts & set(
        mem["bank_account"].iloc[found].tolist()) else ""
    return f"花名册中有同名的 {who}{more}，但{theirs}未能确认是否同一人"


def _care_home_lumps(ctx: Context, led: Ledger, care: np.ndarray) -> list[str]:
    """Say the care homes' lumps for their residents (集中供养) read but not checked person by person, as the README
    promises (held-out 200: said as a payee on no roster paid for earlier months)."""
    rows = np.flatnonzero(care & led.array("ok") & led.array("benefit")).tolist()
    if not rows:
        return []
    checked = led.memo.get("care_homes_checked", set())
    out = []
    if checked:  # (h432) each resident's share of the lump, by the roster's 供养机构 and 供养标准
        out.append(f"{'、'.join(sorted(checked))}按月整笔拨付的供养金已按特困人员名册的集中供养人员（供养机构）及其供养标准"
                   "逐人核对：拨付金额等于在院应供养人员的标准之和加上死亡、服刑、迁出或停保人员份额的月份，列为 F01–F03（中）；"
                   "本人另有发放、同月拨付金额也含其份额的，列为 F04（中）；审批后拨付金额一直少其份额的，列为 F06（中）")
        if disputed := led.memo.get("care_homes_disputed"):
            who = "、".join(f"{ctx.members['name'].iat[m]}（花名册：{home}；名单：{other}）" for m, home, other in disputed[:3])
            out.append(f"有 {len(disputed)} 名集中供养人员，发放明细中的供养机构人员名单（“名单”工作表）所列机构与特困人员名册的"
                       f"供养机构不同：{who}{'等' if len(disputed) > 3 else ''}；按花名册的供养机构核对拨付金额，"
                       "请核实其实际入住的机构，并更正花名册或名单")
        rows = [r for r in rows if payee_name(ctx, led, r) not in checked]
        if not rows:
            return out
    itemised = led.memo.get("care_homes_itemised", set())
    if named := sorted({payee_name(ctx, led, r) for r in rows} & itemised):
        # (h433: a home's 拨付汇总 read beside its residents' own 明细 rows: the residents are checked by those rows)
        out.append(f"{'、'.join(named)}按月整笔拨付的供养金（拨付汇总）不逐人核查：其集中供养人员另有本人的发放明细，"
                   "已按明细逐人核对")
        rows = [r for r in rows if payee_name(ctx, led, r) not in itemised]
        if not rows:
            return out
    homes = list(dict.fromkeys(payee_name(ctx, led, r) for r in rows))
    r = min(rows, key=lambda r: (led.cols["month"][r], r))
    return out + [f"资金发放明细中有 {len(rows)} 行是拨付给 {len(homes)} 个供养机构的汇总（领取人是机构、没有个人身份证号，如 "
                  f"{payee_name(ctx, led, r)} {led.cols['month'][r]} {yuan(led.cols['amount'][r])}）：读入但不逐人核查，"
                  "机构集中供养人员的资金以机构拨付为准" + ("" if not checked else
                                             "（花名册没有写明其集中供养人员及各人供养标准，或各月拨付金额都不等于花名册所列应供养人员的供养标准之和，"
                                             "无法推算各人份额）")]


def _remark_died(ctx: Context, led: Ledger, paid_by: dict[str, list[int]]) -> dict[str, tuple[str, int]]:
    """Payees on no roster whose own ledger rows' 备注 say they died, with one date (roster.remark_death_day): payee →
    (the first month not to be paid, the row saying so). Months paid after it are said in a notice (no deaths list
    row of theirs was read: F01 cannot count them), never recovered on a remark alone."""
    out: dict[str, tuple[str, int]] = {}
    if "remark" not in led.frame.columns:
        return out
    for h, rows in paid_by.items():
        for r in rows:
            day = remark_death_day(led.cols.cell("remark", r))
            if day is not None and day <= ctx.as_of:
                out[h] = (stop_month(day, led.params), r)
                break
    late = {h: [r for r in paid_by[h] if led.cols["month"][r] >= stop] for h, (stop, _) in out.items()}
    late = {h: rows for h, rows in late.items() if rows}
    if late:
        h = next(iter(late))
        stop, r = out[h]
        note(ctx, "F01", set(late), f"发放明细的备注写明领取人本人已死亡（如 {payee_name(ctx, led, r)}：“{led.cols.cell('remark', r)}”），"
             f"其后月份仍有发放（{stop} 起 {len(late[h])} 个月），这些人不在所给花名册中，死亡人员名单中也没有：未按死亡核对、"
             "未计入应追回；请核实并在死亡人员名单（--deaths）中补充后重新运行", "", led)
    return out


def _not_enrolled(ctx: Context, led: Ledger) -> list[Finding]:
    """Payees linked to no roster member, on no exit or event list, paid for the roster's months (不在册)."""
    period = roster_months(ctx, led)
    programmes = set(ctx.members["programme"].tolist())
    with_events = {led.household[r] for r in set(led.events_row)}
    rows_by: dict[str, list[int]] = defaultdict(list)

    care = care_home_rows(ctx, led)
    # a roster head by name and village, paid into an account the roster does not know: F07's lead, no money here
    heads = head_namesakes(ctx, led)
    paid_by: dict[str, list[int]] = defaultdict(list)  # every benefit row of each payee on no roster
    for r in np.flatnonzero(led.array("member") < 0).tolist():
        h = led.household[r]
        if led.member[r] >= 0 or h in with_events or not (led.ok[r] and led.benefit[r]) or led.cols["amount"][r] <= 0:
            continue
        if h in heads:
            continue
        if care[r]:
            continue  # a care home's lump for its residents (集中供养): no person on no roster (said apart, below)
        paid_by[h].append(r)
        if r in led.memo["pooled"]:
            continue  # paid into an account roster households share: whose it is cannot be told
        if led.programme[r] and led.programme[r] not in programmes:
            continue  # a 特困 ledger with only the 低保 roster given: nothing to compare with
        if led.cols["month"][r] >= period[0]:
            rows_by[h].append(r)
    out = []
    departed = _departed(ctx, led, paid_by)
    masked_exits = _masked_exits(ctx, led, {h: rows for h, rows in paid_by.items() if h not in departed})
    for h, row in masked_exits.items():
        rows_by.pop(h, None)
        stop = stop_month(row["date"], led.params)
        late = [r for r in paid_by[h] if led.cols["month"][r] >= stop and r not in led.memo["pooled"]]
        if late:
            out.append(_after_masked_exit(ctx, led, sorted(late, key=lambda r: (led.cols["month"][r], r)), row))
    _unread_not_enrolled(ctx, led, with_events | set(departed) | set(masked_exits), period, care)
    for h, record in departed.items():
        rows_by.pop(h, None)
        if record[1] is None:  # (said as the roster has it, with the roster's months as for any payee on no roster)
            continue
        stop = stop_month(record[1], led.params)
        late = [r for r in paid_by[h] if led.cols["month"][r] >= stop and r not in led.memo["pooled"]]
        if late:
            out.append(_after_departure(ctx, led, sorted(late, key=lambda r: (led.cols["month"][r], r)), record))
    # (a roster's own history row tells when such a household ended: held-out 187 said them unchecked too)
    ctx.cache["money:earlier"] = _earlier_months(ctx, led, {h: rows for h, rows in paid_by.items()
                                                  if h not in departed and h not in masked_exits},
                                                 period)
    ctx.cache["money:care_homes"] = _care_home_lumps(ctx, led, care)
    _enrolled_later(ctx, led, rows_by)
    exits = _undated_exits(ctx, led, rows_by)
    namesakes = _exit_namesakes(ctx, led, {h: paid_by[h] for h in rows_by if h not in exits})
    name_only = name_only_payees(ctx, led)
    placed = place_namesakes(ctx, led)
    died = _remark_died(ctx, led, paid_by)
    for h, rows in rows_by.items():
        rows = sorted(rows, key=lambda r: (led.cols["month"][r], r))
        if not any(led.cols["month"][r] in period for r in rows):
            continue
        if h in died:  # (the ledger's own 备注 says she died: the months until then were hers, the list left her out)
            stop, said_row = died[h]
            rows = [r for r in rows if led.cols["month"][r] >= stop] or rows
            alive = all(led.cols["month"][r] < stop for r in rows)
        months = [led.cols["month"][r] for r in rows]
        total = float(sum(led.cols["amount"][r] for r in rows))
        lines = "；".join(f"{led.cols['month'][r]} {led.item(r)} {yuan(led.cols['amount'][r])}，{led.where(r)}" for r in rows)
        who = payee_name(ctx, led, rows[0])
        # on the exit list without a date read there (held-out 132: '26.5.20', 不详 or blank): said, never 'on no list'
        listed = exits.get(h) or namesakes.get(h) or "也不在停保（退出）名单中"
        evidence = (f"不在册人员领取：{who} 在资金发放明细中领取保障金，但不在所给花名册中，{listed}。"
                    f"{months_text(months)}：{lines}。合计 {yuan(total)}，请核实是否已停保、是否冒领")
        facts = (("payee", led.payee[rows[0]]), ("kind", "not_enrolled"))
        # (a row naming its head's ID only: held-out 190 was told the ledger wrote no ID)
        head = "head_id" in led.frame.columns and led.cols["head_id"][rows[0]]
        same_name = [] if led.cols["id"][rows[0]] or head else _roster_namesakes(ctx, led, rows)
        if same_name:  # (held-out 252: "姓名不在花名册中" of a roster head's name)
            evidence = evidence.replace("但不在所给花名册中", f"发放明细{id_unwritten(led, rows[0])}，{same_name}")
        key = ("身份证号不在花名册中" if led.cols["id"][rows[0]] else "户主身份证号不在花名册中" if head
               else "发放明细未写身份证号，花名册中有同名的人，未能确认是否同一人" if same_name
               else "姓名不在花名册中（发放明细未写身份证号）")
        conf, recover = MEDIUM, total
        if h in died:
            evidence += f"；发放明细{led.where(said_row)}备注写明“{led.cols.cell('remark', said_row)}”"
            if alive:  # (paid for months up to her death only: a lead, no money — h476, a 特困 person dead on 07-31
                # paid for July was 不在册 中, 1,576 to recover)
                conf, recover = LOW, None
                evidence += "，所领为死亡当月及以前月份的保障金，可能是死亡后已从花名册中移出：列为低置信度线索，不计入应追回"
        if same_name and h in name_only:
            # (h472) a name alone says neither that she is the roster's namesake nor that she is not: a lead, no money
            # (F06 says the namesake's household at 低 for the same months)
            conf, recover = LOW, None
            evidence = (evidence.removesuffix("，请核实是否已停保、是否冒领")
                        + "。发放明细无身份证号，仅按姓名对应，不能确认是否同一人：列为低置信度线索，"
                        "不计入应追回；请核实领取人是否就是花名册中的同名人员，如不是，核实是否已停保、是否冒领")
        if (sake := placed.get(h)) is not None:
            # (h481) no ID, no account, the name and village of one head whose household was paid nothing of its own
            # those months: most likely his payment; F06 leaves his months out, the lead is here, without money
            conf, recover = LOW, None
            mem = ctx.members
            evidence = (evidence.removesuffix("，请核实是否已停保、是否冒领")
                        + f"。发放明细未写身份证号和账号，领取人与花名册中{mem['township'].iat[sake.member]}"
                        f"{mem['village'].iat[sake.member]}的户主 {mem['name'].iat[sake.member]} 同名同村，"
                        "该户这些月份在其身份证号下没有发放记录，可能就是该户的发放；但姓名和村不是身份证号，不能确认是否同一人："
                        "列为低置信度线索，不计入应追回，该户这些月份也不计为应发未发（F06）；请核实领取人是否就是该户户主，"
                        "是的请在发放明细中补全其身份证号和账号，不是的核实是否已停保、是否冒领")
        out.append(finding(ctx, led, "F03", rows[0], -1, evidence, conf, key, months, recover, None, facts,
                           listed={"name": who, "county": county_of_rows(led, rows)}))  # a bank file naming its payee as the account's holder only
    return out
