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

from ..model import MEDIUM, Context, Finding
from ._money import Event, Ledger, care_home_rows, finding, month_of, months_text, payee_name, payment_lines, weakest, yuan
from ._money_events import stop_rule_said
from . import where
from ._household import support_modes

# '集中供养（城关镇敬老院）': the home roster.py writes into 供养方式 from a 供养机构 column
_HOME = re.compile(r"^集中供养（(.+)）$")
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
        if len(named) == 1:
            out[named[0]].append(m)
        elif len(named) > 1:
            unsure.update(named)
    return {h: ms for h, ms in out.items() if h not in unsure}


def _surplus(excess: float, gone: list[tuple[int, float]], tol: float) -> list[int] | None:
    """The residents ruled out whose standards add up to a month's surplus (lump − those still due), when exactly one
    set of them does; None otherwise."""
    found = []
    for k in range(1, min(len(gone), MAX_GONE) + 1):
        for combo in combinations(gone, k):
            if abs(sum(s for _, s in combo) - excess) <= tol:
                found.append([m for m, _ in combo])
    return found[0] if len(found) == 1 else None


def lump_findings(ctx: Context, led: Ledger, tol: float) -> tuple[dict[str, list[Finding]], set[str]]:
    """F01–F03 for residents of care homes paid one lump a month whose share the lump kept paying after their death
    (custody, move out, exit).

    Args:
        ctx: the audit context.
        led: the ledger.
        tol: the amount tolerance (元, F05's).
    Returns:
        (code → findings, the homes checked resident by resident).
    """
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
    own_rows = set(led.array("member")[benefit].tolist())  # (her own 护理补贴 or 零用钱 rows are other money)
    itemised = led.memo.setdefault("care_homes_itemised", set())  # homes whose residents are paid on rows of their own
    for home, residents in _residents(ctx, {h: held[h] for h in lumps}).items():
        if any(m in own_rows for m in residents):
            itemised.add(home)  # (h433: a 拨付汇总 file beside the residents' 明细 files: checked through their rows)
            continue  # a resident paid her benefit on rows of her own too: the lump is no sum of the residents' standards
        # the standards the lump pays: 供养标准 (or each one's own), else the total with 照料护理 where the roster gives it
        for columns in (("benefit_own", "benefit"), ("benefit_total",)):
            standards = {m: _standard(ctx, m, columns) for m in residents}
            if any(s is None for s in standards.values()):
                continue  # a standard not told: the lump cannot be accounted for
            since = {m: _since(ctx, m) for m in residents}
            owed, event = _home_months(led, residents, standards, since, lumps[home], tol)
            entered, alike = {}, {}
            if owed is None:
                entered, alike = _entries(led, residents, standards, since, lumps[home], tol)
                if entered:
                    owed, event = _home_months(led, residents, standards, {**since, **entered}, lumps[home], tol)
            if owed is None:
                continue  # never once the sum of the residents the roster lists there: other residents, other money
            checked.add(home)
            for m, paid in owed.items():
                out[event[m].code].append(_finding(ctx, led, home, m, event[m], standards[m], paid, len(residents),
                                                   {j: (month, alike[j], standards[j]) for j, month in entered.items()}))
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
                 lumps: dict[str, list[int]], tol: float) -> tuple[dict | None, dict[int, Event]]:
    """Each resident ruled out → the months (month, rows, lump) whose lump still held her share, and her event; None
    for the first when no month's lump is the standards of the residents due then (the roster does not account for
    the lump)."""
    amounts = led.cols["amount"]
    owed: dict[int, list[tuple[str, list[int], float]]] = defaultdict(list)
    event: dict[int, Event] = {}  # resident → the first event that ruled her out
    accounted = False
    for month, rows in sorted(lumps.items()):
        lump = float(sum(amounts[r] for r in rows))
        gone, due = [], 0.0
        for m in residents:
            if since[m] and since[m] > month:
                continue  # approved after the month: not in its lump
            ev = next((e for e in led.events_member.get(m, []) if e.covers(month, "特困")), None)
            if ev is None:
                due += standards[m]
            else:
                gone.append((m, standards[m]))
                event.setdefault(m, ev)
        if abs(lump - due) <= tol:
            accounted = True  # the lump is the roster's residents' standards: the roster accounts for it
        if not gone or lump - due <= tol:
            continue
        for m in _surplus(lump - due, gone, tol) or []:
            owed[m].append((month, rows, lump))
    return (owed if accounted else None), event


def _finding(ctx: Context, led: Ledger, home: str, m: int, ev: Event, standard: float,
             paid: list[tuple[str, list[int], float]], residents: int, entered: dict[int, tuple[str, list[int], float]]) -> Finding:
    """The finding about one resident whose share a home's lump kept paying."""
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
                    f" {month} 起入住计。" for month, who, standard_of in entered.values()) + "其份额系按花名册供养标准推算，"
                f"应追回 {yuan(standard)} × {len(months)} 个月，合计 {yuan(total)}；请向该机构核实其入住、离院（死亡）情况和拨付名单")
    facts = (("kind", "care_home_lump"), ("home", home), ("standard", f"{standard:.2f}"))
    return finding(ctx, led, ev.code, rows[0], m, evidence, weakest(ev.confidence, ev.certainty, MEDIUM),
                   "身份证号一致（花名册集中供养人员，机构整笔拨付）", months, total, None, facts)
