"""A care home's monthly lump (集中供养) checked resident by resident against the 特困 roster (issue 15, h432).

A home paid one row a month into its own account (户名 the home, no resident's ID) is paid, by the rules, the sum of
its residents' 供养标准. The roster says who lives in which home (供养机构, read into 供养方式 as '集中供养（X）') and
each resident's standard. A home is checked when in some month its lump is exactly the standards of the residents
the roster says were due then (the roster lists all its residents, the lump is their standards). When a resident died
(was jailed, moved out, left the programme), a month whose lump equals exactly the standards of the residents still due
**plus** hers paid her share on: that share is owed back, at 中 at most (the lump is the home's; the share is inferred, never 高). A lump equal to the residents still due (cut
rightly), or matching no such sum (other money mixed in, residents the roster does not list), is no finding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from itertools import combinations

import numpy as np
import pandas as pd

from ..model import LOW, MEDIUM, Context, Finding
from ._money import Event, Ledger, care_home_rows, finding, month_of, months_text, payee_name, payment_lines, weakest, yuan
from ._money_events import stop_rule_said
from . import where
from ._household import support_modes

# '集中供养（城关镇敬老院）': the home roster.py writes into 供养方式 from a 供养机构 column; a roster writing it so itself
# reaches here with ASCII brackets (the text normaliser's; h441: no home's residents were found)
_HOME = re.compile(r"^集中供养[（(](.+)[）)]$")
_SPACES = re.compile(r"[\s\u3000]+")
# at most this many residents ruled out in one month are tried as the lump's surplus (subsets: 2^n sums)
MAX_GONE = 4


def _home_key(name: str) -> str:
    """A home's name compared: without spaces and brackets."""
    return _SPACES.sub("", str(name or "")).replace("(", "（").replace(")", "）")


def _same_home(roster_name: str, payee: str) -> bool:
    """Whether the roster's 供养机构 names the payee home: the same, or one the other's tail (惠水县城关镇敬老院 and
    城关镇敬老院), the shorter at least four characters (a bare 敬老院 names no one home)."""
    a, b = _home_key(roster_name), _home_key(payee)
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.endswith(short)


def _sizes(ctx: Context) -> dict:
    """Roster household → its number of members (counted once per audit)."""
    if "money:household_sizes" not in ctx.cache:
        ctx.cache["money:household_sizes"] = ctx.members["household"].value_counts().to_dict()
    return ctx.cache["money:household_sizes"]


def _standard(ctx: Context, m: int, columns: tuple[str, ...]) -> float | None:
    """A resident's monthly 供养标准 from the first of the roster's columns filled: her own amount, or her household's
    when she is its only member."""
    mem = ctx.members
    for col in columns:
        if col not in mem.columns:
            continue
        v = mem[col].iat[m]
        if v is None or v != v or float(v) <= 0:
            continue
        if col != "benefit_own" and _sizes(ctx).get(mem["household"].iat[m], 0) != 1:
            return None  # a household's amount for several people: hers cannot be told
        return float(v)
    return None


def _since(ctx: Context, m: int) -> str:
    """The month a resident's approval date says she was due from ('' when the roster gives none)."""
    if "approved" not in ctx.members.columns:
        return ""
    v = ctx.members["approved"].iat[m]
    return month_of(v) if isinstance(v, dt.date) else ""


def _starts(ctx: Context, led: Ledger, residents: list[int]) -> dict[int, str]:
    """Each dated resident's first month paid under her approval (F06's rule: its month, or the next under
    money_first_month 次月)."""
    from .f_amounts import _first_month

    if "approved" not in ctx.members.columns:
        return {}
    days = {m: ctx.members["approved"].iat[m] for m in residents}
    return {m: _first_month(d, led.params) for m, d in days.items() if isinstance(d, dt.date)}


def _strays(ctx: Context, led: Ledger, homes: dict[str, list[int]], tried: dict[int, set[str]],
            lumps: dict[str, dict[str, list[int]]], tol: float) -> dict[str, dict[int, tuple[float, set[str]]]]:
    """特困 persons the roster places in none of the homes, paid in person (paid or failed) from some month on and not in
    the lump months before it, where a home's lump fell by her standard that month: perhaps moved from that home to
    分散 (h441) → home → {person: (standard, the months before)}."""
    mem = ctx.members
    if "programme" not in mem.columns:
        return {}
    amounts = led.cols["amount"]
    totals = {h: {month: float(sum(amounts[r] for r in rows)) for month, rows in by.items()} for h, by in lumps.items()}
    every = sorted({month for by in lumps.values() for month in by})
    placed = {m for ms in homes.values() for m in ms}
    out: dict[str, dict[int, tuple[float, set[str]]]] = defaultdict(dict)
    for m in np.flatnonzero((mem["programme"] == "特困").to_numpy()).tolist():
        if m in placed or m not in tried:
            continue  # (one never paid in person is no one moved out of a home)
        first = min(tried[m])
        before = [x for x in every if x < first]
        if not before or any(x in tried[m] for x in before) or (std := _standard(ctx, m, ("benefit_own", "benefit"))) is None:
            continue
        for h, by in totals.items():
            if before[-1] in by and first in by and abs(by[before[-1]] - by[first] - std) <= tol:
                out[h][m] = (std, set(before))
    return out


def _residents(ctx: Context, homes: dict[str, set[str]]) -> dict[str, list[int]]:
    """Payee home name → the roster members the 特困 roster places in it: its 供养机构 (集中供养（X）), else 集中供养
    (institution_modes) with the home's account as hers; a resident who could be in two of the homes paid makes both
    unread (whose lump she is in cannot be told).

    Args:
        ctx: the audit context.
        homes: each home paid a lump → the accounts its lumps went to.
    """
    out: dict[str, list[int]] = defaultdict(list)
    mem = ctx.members
    if "support_mode" not in mem.columns:
        return out
    unsure: set[str] = set()
    modes = support_modes(ctx) if "D02" in ctx.specs else (lambda v: "")
    accounts = (mem["bank_account"].tolist() if "bank_account" in mem.columns and "account_cut" in mem.columns
                else [""] * len(mem))
    cut = mem["account_cut"].tolist() if "account_cut" in mem.columns else [True] * len(mem)
    residents = ctx.cache.get("money:care_residents") or {}
    ids_ = mem["id"].tolist() if residents else []
    # each distinct 供养方式 judged once: the homes it names, or 'institution' (集中 without a home named)
    of, distinct = pd.factorize(mem["support_mode"].to_numpy(dtype=object), use_na_sentinel=False)
    said = []
    for mode in distinct.tolist():
        hit = _HOME.match(str(mode or ""))
        said.append([h for h in homes if _same_home(hit.group(1), h)] if hit
                    else "institution" if modes(mode) == "institution" else None)
    wanted = np.array([v is not None for v in said], dtype=bool)
    for m in np.flatnonzero(wanted[of]).tolist() if len(said) else []:
        named = said[of[m]]
        if named == "institution":  # 集中 with no home named: the home whose account the roster gives her
            named = [h for h, held in homes.items() if str(accounts[m]) in held] if accounts[m] and not cut[m] else []
            if not named and residents and (listed := residents.get(ids_[m])):  # … else the home the ledgers' 名单 sheet lists her in
                named = [h for h in homes if _same_home(listed, h)]
        if len(named) == 1:
            out[named[0]].append(m)
        elif len(named) > 1:
            unsure.update(named)
    return {h: ms for h, ms in out.items() if h not in unsure}


def lump_findings(ctx: Context, led: Ledger, tol: float) -> tuple[dict[str, list[Finding]], set[str]]:
    """F01–F03 for residents of care homes paid one lump a month whose share the lump kept paying after their death
    (custody, move out, exit); F04 for a resident paid her standard in person and inside the lump the same month; F06
    for a dated admission the lump never took in (h441). Computed once per ledger.

    Args:
        ctx: the audit context.
        led: the ledger.
        tol: the amount tolerance (元, F05's).
    Returns:
        (code → findings, the homes checked resident by resident).
    """
    if "care_lumps" not in led.memo:
        led.memo["care_lumps"] = _lump_findings(ctx, led, tol)
    return led.memo["care_lumps"]


def _lump_findings(ctx: Context, led: Ledger, tol: float) -> tuple[dict[str, list[Finding]], set[str]]:
    care = care_home_rows(ctx, led)
    amounts, months = led.cols["amount"], led.cols["month"]
    ok, benefit = led.array("ok"), led.array("benefit")
    lumps: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # home → month → rows
    held: dict[str, set[str]] = defaultdict(set)  # home → the accounts paid
    for r in care.nonzero()[0].tolist():
        if ok[r] and benefit[r] and months[r] and amounts[r] > 0 and led.programme[r] in ("", "特困"):
            lumps[payee_name(ctx, led, r)][months[r]].append(r)
            if led.cols["bank_account"][r] and not led.cols["account_cut"][r]:
                held[payee_name(ctx, led, r)].add(str(led.cols["bank_account"][r]))
    out: dict[str, list[Finding]] = defaultdict(list)
    checked: set[str] = set()
    if not lumps:
        return out, checked
    # each member's own benefit rows paid, by month (her own 护理补贴 or 零用钱 rows are other money)
    own_rows: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    member = led.array("member")
    for r in np.flatnonzero(benefit & ok & (member >= 0)).tolist():
        own_rows[int(member[r])][months[r]].append(r)
    itemised = led.memo.setdefault("care_homes_itemised", set())  # homes whose residents are paid on rows of their own
    homes = _residents(ctx, {h: held[h] for h in lumps})
    led.memo["care_homes_placed"] = {ctx.members["household"].iat[m]: h for h, ms in homes.items() for m in ms}
    # residents the ledgers' 名单 sheet lists in another home than the roster's (h466: unsaid; the roster decides)
    if listed := ctx.cache.get("money:care_residents") or {}:
        ids_ = ctx.members["id"]
        led.memo["care_homes_disputed"] = [(m, h, listed[ids_.iat[m]]) for h, ms in homes.items() for m in ms
                                           if listed.get(ids_.iat[m]) and not _same_home(listed[ids_.iat[m]], h)]
    tried: dict[int, set[str]] = defaultdict(set)  # member → months with a benefit row of her own, paid or failed
    for r in np.flatnonzero(benefit & (member >= 0)).tolist():
        tried[int(member[r])].add(months[r])
    strays = _strays(ctx, led, homes, tried, lumps, tol)
    # (household, month) perhaps paid inside a home's lump: F06 leaves them (whether or not the home is checked below)
    in_lump = led.memo.setdefault("care_homes_maybe", set())
    in_lump.update((ctx.members["household"].iat[m], month) for by in strays.values() for m, (_, before) in by.items()
                   for month in before)
    for home, residents in homes.items():
        paid_own = [m for m in residents if m in own_rows]
        if paid_own and 2 * len(paid_own) >= len(residents):
            itemised.add(home)  # (h433: a 拨付汇总 file beside the residents' 明细 files: checked through their rows)
            continue  # most residents paid on rows of their own: the lump sums those rows, it is no second payment
        own = {m: own_rows[m] for m in paid_own}
        # the standards the lump pays: 供养标准 (or each one's own), else the total with 照料护理 where the roster gives it
        for columns in (("benefit_own", "benefit"), ("benefit_total",)):
            standards = {m: _standard(ctx, m, columns) for m in residents}
            if any(s is None for s in standards.values()):
                continue  # a standard not told: the lump cannot be accounted for
            since = {m: _since(ctx, m) for m in residents}
            starts = _starts(ctx, led, residents)
            found = _home_months(led, residents, standards, since, own, lumps[home], tol, starts, strays.get(home))
            entered, alike = {}, {}
            if found is None:
                entered, alike = _entries(led, residents, standards, since, lumps[home], tol)
                if entered:
                    found = _home_months(led, residents, standards, {**since, **entered}, own, lumps[home], tol, starts,
                                         strays.get(home))
            if found is None:
                continue  # never once the sum of the residents the roster lists there: other residents, other money
            owed, event, twice, short, shared, odd = found
            checked.add(home)
            made = []
            for m, paid in owed.items():
                made.append(_finding(ctx, led, home, m, event[m], standards[m], paid, len(residents),
                                     {j: (month, alike[j], standards[j]) for j, month in entered.items()},
                                     shared.get(m, [])))
            made += [_twice(ctx, led, home, m, standards[m], paid, own[m]) for m, paid in twice.items()]
            made += [_short(ctx, led, home, m, standards[m], since[m], paid, len(residents)) for m, paid in short.items()]
            for f in made:
                if f.member in shared and len({event[k].code for k in [f.member, *shared[f.member]]}) > 1:
                    f.confidence = LOW  # (which of them, and so which code, cannot be told)
                    f.evidence += "（多发的份额也可能是上述其他人员的，类别不能确定，列为低置信度）"
                if odd:  # (h441: a roster without 审批日期, an admission and a resident paid in person read as each other)
                    f.confidence = LOW
                    f.evidence += (f"（该机构另有 {months_text(odd)}的拨付金额与花名册所列人员的供养标准之和对不上，"
                                   "上述推算不一定准确，列为低置信度）")
                out[f.code].append(f)
            break
    return out, checked


def _entries(led: Ledger, residents: list[int], standards: dict[int, float], since: dict[int, str],
             lumps: dict[str, list[int]], tol: float) -> tuple[dict[int, str], dict[int, list[int]]]:
    """Residents the roster gives no approval date whose standard a lump rose by from one month to the next: taken as
    admitted that month (resident → month, and → the undated residents of that standard), one per rise (h432: a July
    admission without 审批日期 left the home's months before it short of the roster's sum, so never accounted for)."""
    amounts = led.cols["amount"]
    totals = [(month, float(sum(amounts[r] for r in rows))) for month, rows in sorted(lumps.items())]
    undated = [m for m in residents if not since[m]]
    out: dict[int, str] = {}
    alike: dict[int, list[int]] = {}  # resident taken → the undated residents of her standard it may have been
    for (_, before), (month, now) in zip(totals, totals[1:]):
        if now - before <= tol:
            continue
        fits = [m for m in undated if m not in out and abs(standards[m] - (now - before)) <= tol]
        if fits:
            out[fits[0]] = month  # (residents of one standard alike: which of them came changes no sum; said so)
            alike[fits[0]] = fits
    return out, alike


def _home_months(led: Ledger, residents: list[int], standards: dict[int, float], since: dict[int, str],
                 own: dict[int, dict[str, list[int]]], lumps: dict[str, list[int]], tol: float,
                 starts: dict[int, str] | None = None, strays: dict[int, tuple[float, set[str]]] | None = None
                 ) -> tuple | None:
    """What each month's lump paid beyond, or short of, the residents due then: (owed, event, twice, short, shared) —
    each resident ruled out → the months (month, rows, lump) whose lump still held her share, and her event; each
    resident paid in person → the months her share was in the lump too; each dated admission → the months the lump
    lacked her share (from ``starts``, her first month paid under the approval, every month to the last); each
    resident taken for a share that fits several ruled-out residents alike → those residents.
    None when no month's lump is the standards of the residents due then (the roster does not account for it)."""
    amounts = led.cols["amount"]
    owed: dict[int, list[tuple[str, list[int], float]]] = defaultdict(list)
    twice: dict[int, list[tuple[str, list[int], float]]] = defaultdict(list)
    short: dict[int, list[tuple[str, list[int], float]]] = defaultdict(list)
    shared: dict[int, list[int]] = {}
    event: dict[int, Event] = {}  # resident → the first event that ruled her out
    accounted = False
    first = min(lumps)
    starts, strays = starts or {}, strays or {}
    outside: set[int] = set()  # residents paid in person whose share a lump was seen without
    odd: list[str] = []  # months whose lump no reading of the roster accounts for
    for month, rows in sorted(lumps.items()):
        lump = float(sum(amounts[r] for r in rows))
        gone, inside, due = [], [], 0.0
        for m in residents:
            if since[m] and since[m] > month:
                continue  # approved after the month: not in its lump
            ev = next((e for e in led.events_member.get(m, []) if e.covers(month, "特困")), None)
            if ev is not None:
                gone.append((m, standards[m]))
                event.setdefault(m, ev)
            elif month in own.get(m, {}):
                inside.append((m, standards[m]))  # paid in person that month: her share in the lump or not
            else:
                due += standards[m]
        # one the roster now has as 分散, paid in person from the month the lump fell by her standard: a resident then
        # (h441: moved from 集中 to 分散 in July, kept in the lump to June)
        due += sum(std for std, before in strays.values() if month in before)
        if abs(lump - due) <= tol or inside and abs(lump - due - sum(s for _, s in inside)) <= tol:
            accounted = True  # the lump is the roster's residents' standards: the roster accounts for it
        told = abs(lump - due) <= tol  # (else the month is odd unless its difference is told below)
        if told:
            outside.update(m for m, _ in inside)
        if lump - due > tol and (gone or inside):
            fits = _fits(lump - due, inside + gone, tol)
            if len(fits) > 1 and outside & {m for m, _ in inside}:
                # (h441: one moving from 分散 to 集中, paid in person and not in the lump before, is taken as still
                # outside it while her own rows go on, so a resident who left of her standard is the surplus)
                fits = _fits(lump - due, [c for c in inside if c[0] not in outside] + gone, tol)
            # (a resident in every reading is certain, the others' shares are not said)
            certain = set.intersection(*(set(c) for c in fits)) if fits else set()
            told = bool(fits)
            for m in certain:
                (twice if m in own and month in own[m] else owed)[m].append((month, rows, lump))
            if len(fits) > 1 and not certain and (taken := _alike(fits, gone, standards, event)):
                # (h441: two residents of one standard dead, the lump cut by one: whose share it kept cannot be told,
                # the money can; the first ruled out is taken, the others named)
                for m in taken:
                    owed[m].append((month, rows, lump))
                    shared[m] = sorted({k for combo in fits for k in combo} - set(taken))
        elif due - lump > tol:
            # a lump short of the residents due: a dated admission within the ledgers' months it never took in
            new = [(m, standards[m]) for m in residents if since[m] and first < since[m] and starts.get(m, since[m]) <= month
                   and m not in own and not any(m == k for k, _ in gone)]
            fits = _fits(due - lump, new, tol)
            if len(fits) == 1:
                told = True  # (a dated admission the lump took in late, or never)
                for m in fits[0]:
                    short[m].append((month, rows, lump))
        if not told:
            odd.append(month)
    # never taken in: short of her every month from her first to the last (a lump rising later took her in late, as a
    # home may from the month after the approval: no finding)
    short = {m: paid for m, paid in short.items()
             if [month for month, _, _ in paid] == [x for x in sorted(lumps) if x >= starts.get(m, since[m])]}
    return (owed, event, twice, short, shared, odd) if accounted else None


def _fits(excess: float, candidates: list[tuple[int, float]], tol: float) -> list[list[int]]:
    """Every set of at most ``MAX_GONE`` of the candidates whose standards add up to a month's excess (or shortfall)."""
    found = []
    for k in range(1, min(len(candidates), MAX_GONE) + 1):
        for combo in combinations(candidates, k):
            if abs(sum(s for _, s in combo) - excess) <= tol:
                found.append([m for m, _ in combo])
    return found


def _alike(fits: list[list[int]], gone: list[tuple[int, float]], standards: dict[int, float],
           event: dict[int, Event]) -> list[int]:
    """The residents taken for a month's surplus that several sets of ruled-out residents fit alike: all the sets of one
    size, of ruled-out residents only, of one standard; the first ruled out (then the roster's order). (Of several codes
    — one dead, one left — the code is not told either: the caller gives it at 低.)"""
    left = {m for m, _ in gone}
    every = sorted({m for combo in fits for m in combo})
    if (not fits or len({len(c) for c in fits}) != 1 or not set(every) <= left
            or len({standards[m] for m in every}) != 1):
        return []
    return sorted(every, key=lambda m: (event[m].first, m))[:len(fits[0])]


def _finding(ctx: Context, led: Ledger, home: str, m: int, ev: Event, standard: float,
             paid: list[tuple[str, list[int], float]], residents: int, entered: dict[int, tuple[str, list[int], float]],
             alike: list[int] = ()) -> Finding:
    """The finding about one resident whose share a home's lump kept paying (``alike``: the other ruled-out residents of
    her standard whose share it may have been instead)."""
    months = [month for month, _, _ in paid]
    total = standard * len(months)
    rows = [rows[0] for _, rows, _ in paid]
    lines = payment_lines([(month, led.item(rows[0]), f"{yuan(lump)}（含其供养标准 {yuan(standard)}）", led.where(rows[0]))
                           for month, rows, lump in paid])
    rule_text = (f"{stop_rule_said(led.params)}，{ev.first} 起不应发放" if ev.kind != "prisoners"
                 else f"{ev.first} 起整月在押不应发放")
    name = ctx.value(m, "name")
    evidence = (f"{ev.source or where(ctx, ev.kind, ev.row)}：{name}，{ev.what}；{rule_text}。"
                f"花名册：{name} 集中供养于 {home}，月供养标准 {yuan(standard)}。该机构按月整笔拨付（户名 {home}，"
                f"没有逐人明细），{months_text(months)} 每月拨付金额等于花名册在院其他应供养人员的供养标准之和加上其供养标准"
                f"（花名册列该机构集中供养 {residents} 人）：{lines}。" + "".join(
                    f"花名册未写明{'、'.join(ctx.value(k, 'name') for k in who)}的审批（入住）日期，拨付金额自 {month} 起"
                    f"增加了 {yuan(standard_of)}（{'其' if len(who) == 1 else '其中一人的'}供养标准），按{'其' if len(who) == 1 else '其中一人'}"
                    f" {month} 起入住计。" for month, who, standard_of in entered.values())
                + (f"同样已不应供养的 {'、'.join(ctx.value(k, 'name') for k in alike)} 供养标准与其相同，拨付金额只多出一人的"
                   f"供养标准，无法确定多发的是谁的份额，按先不应发放的 {name} 计（金额不变）。" if alike else "")
                + "其份额系按花名册供养标准推算，"
                f"应追回 {yuan(standard)} × {len(months)} 个月，合计 {yuan(total)}；请向该机构核实其入住、离院（死亡）情况和拨付名单")
    facts = (("kind", "care_home_lump"), ("home", home), ("standard", f"{standard:.2f}"))
    return finding(ctx, led, ev.code, rows[0], m, evidence, weakest(ev.confidence, ev.certainty, MEDIUM),
                   "身份证号一致（花名册集中供养人员，机构整笔拨付）", months, total, None, facts)


def _twice(ctx: Context, led: Ledger, home: str, m: int, standard: float, paid: list[tuple[str, list[int], float]],
           own: dict[str, list[int]]) -> Finding:
    """F04 about a resident paid her standard in person and inside her home's lump the same months (h441)."""
    amounts = led.cols["amount"]
    months = [month for month, _, _ in paid]
    parts = [min(standard, float(sum(amounts[r] for r in own[month]))) for month in months]
    total = float(sum(parts))
    lines = payment_lines([(month, led.item(own[month][0]), f"本人 {yuan(sum(amounts[r] for r in own[month]))}；机构 "
                            f"{yuan(lump)}（含其供养标准 {yuan(standard)}）", led.where(own[month][0]))
                           for month, _, lump in paid])
    name = ctx.value(m, "name")
    evidence = (f"重复发放：花名册 {name} 集中供养于 {home}，月供养标准 {yuan(standard)}；{months_text(months)}其本人另有"
                f"成功发放的供养金，同月该机构按月整笔拨付（户名 {home}，没有逐人明细）的金额等于花名册在院应供养人员（含其本人）"
                f"的供养标准之和：{lines}。其在机构拨付中的份额系按花名册供养标准推算，同一月份发放了两次，"
                f"应追回 {yuan(total)}；请核实其是否已入住该机构、本人账户的发放是否应停止")
    facts = (("kind", "care_home_twice"), ("home", home), ("standard", f"{standard:.2f}"))
    conf = weakest(*(led.conf[r] for month in months for r in own[month]), MEDIUM)  # (never 高: the share is inferred)
    return finding(ctx, led, "F04", own[months[0]][0], m, evidence, conf,
                   "身份证号一致（花名册集中供养人员，本人明细和机构整笔拨付）", months, total, None, facts)


def _short(ctx: Context, led: Ledger, home: str, m: int, standard: float, since: str,
           paid: list[tuple[str, list[int], float]], residents: int) -> Finding:
    """F06 about a resident admitted (dated) while the ledgers run whose share her home's lump never took in (h441)."""
    months = [month for month, _, _ in paid]
    total = standard * len(months)
    lines = payment_lines([(month, led.item(rows[0]), f"{yuan(lump)}（少其供养标准 {yuan(standard)}）", led.where(rows[0]))
                           for month, rows, lump in paid])
    name = ctx.value(m, "name")
    evidence = (f"应发未发：花名册 {name} 集中供养于 {home}，审批日期 {since} 起，月供养标准 {yuan(standard)}，本人没有发放"
                f"记录；该机构按月整笔拨付（户名 {home}，没有逐人明细），{months_text(months)}每月拨付金额比花名册在院应供养人员"
                f"的供养标准之和少了其供养标准（花名册列该机构集中供养 {residents} 人）：{lines}。系按花名册供养标准推算，"
                f"应补发 {yuan(total)}；请核实其入住日期和机构是否已领取其供养金")
    facts = (("kind", "care_home_short"), ("home", home), ("standard", f"{standard:.2f}"))
    return finding(ctx, led, "F06", paid[0][1][0], m, evidence, MEDIUM,
                   "身份证号一致（花名册集中供养人员，机构整笔拨付）", months, None, total, facts)
