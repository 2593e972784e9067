"""Payees on no roster who bear a roster head's name in his own village, paid into an account the roster does not know.

A ledger that names its payee without a usable ID (none, or masked) and pays her into a new account links her to
nobody: she was 不在册人员领取 (F03, the money to recover) and the roster household of the same name 应发未发 (F06, the
same months owed) — one household counted in both totals (held-out 252: +21,744 元). When her name is that of exactly
one roster head, in the same village (and township, when both are named), whose household has no payment of its own in
the months she is paid, and no list says any of its members died, is in custody, moved out or left, she is most likely
that head under a changed account: one lead (F07, no money), never a link (no F01–F05 is drawn from a name and a
place). Confidence as for any name-plus-place evidence (``[common] name_*``): a name rarer than ``name_common_count``
namesakes and the household's approved amount every month is 中, else 低. When a remark on one of the household's own
rows names the payee's account (账户变更，原账号…), the ledger itself says the account was the household's before the
change: still the household's months, but no lead (held-out 318).

A payee paid into no account at all (the column blank, or none), with no ID, whose name and village fit one roster head
the same way (:func:`place_namesakes`, h481), is read the same: most likely that head, no account to question, so no
F07; F03 says her as a 低 lead without money (名 + 村 is no ID), and F06 leaves the household's months she was paid
out — one payment is never 不在册 (to recover) and 应发未发 (to repay) at 中 at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..model import LOW, MEDIUM, Context
from ..namematch import NameMatchParams, place_key
from ..normalize import ids
from ..regions import township_key
from ._money import Ledger, _amount_is, care_home_rows


@dataclass(frozen=True)
class Namesake:
    """A payee on no roster taken for a roster head paid into an account the roster does not know.

    Attributes:
        member: the roster head's member index.
        household: his roster household.
        rows: the payee's successful benefit rows, in month order.
        confidence: 中 or 低.
        same_amount: every row pays the household's approved monthly amount.
        noted: a row of the household's own whose remark names the payee's account (its former account), or -1.
    """

    member: int
    household: str
    rows: tuple[int, ...]
    confidence: str
    same_amount: bool
    noted: int = -1


def head_namesakes(ctx: Context, led: Ledger) -> dict[str, Namesake]:
    """Return (and remember) the payees on no roster taken for a roster head (see the module's docstring).

    Args:
        ctx: the audit context.
        led: the ledger.
    Returns:
        The payee's ledger household ('ledger:…') → the :class:`Namesake`.
    """
    if "head_namesakes" in led.memo:
        return led.memo["head_namesakes"]
    led.memo["head_namesakes"] = out = _found(ctx, led)
    return out


def place_namesakes(ctx: Context, led: Ledger) -> dict[str, Namesake]:
    """Return (and remember) the payees on no roster paid into no account at all (every row's account blank), with no
    whole ID, whose one name and one village fit exactly one roster head there, his household paid nothing of its own
    in her months and no event in it — taken for that head as :func:`head_namesakes` takes those paid into a new
    account (h481: F03 中 to recover and F06 中 to repay were drawn from one payment). No account, so no F07 lead: F03
    says her at 低 without money, F06 leaves the months out.

    Args:
        ctx: the audit context.
        led: the ledger.
    Returns:
        The payee's ledger household ('ledger:…') → the :class:`Namesake` (its confidence that of the name and amount,
        unused: the lead is 低).
    """
    if "place_namesakes" not in led.memo:
        led.memo["place_namesakes"] = _found(ctx, led, unpaid_to_account=True)
    return led.memo["place_namesakes"]


def roster_namesakes(ctx: Context, name_key: str) -> list[int]:
    """The roster members bearing a name (any relation), in roster order.

    Args:
        ctx: the audit context.
        name_key: the normalised name.
    Returns:
        Their member indexes.
    """
    if not name_key:
        return []
    if "money:name_index" not in ctx.cache:
        index: dict[str, list[int]] = defaultdict(list)
        for m, key in enumerate(ctx.members["name_key"].tolist()):
            if key:
                index[key].append(m)
        ctx.cache["money:name_index"] = index
    return ctx.cache["money:name_index"].get(name_key, [])


def _found(ctx: Context, led: Ledger, unpaid_to_account: bool = False) -> dict[str, Namesake]:
    """The payees, by household, that :func:`head_namesakes` takes for a roster head (with ``unpaid_to_account``, those
    :func:`place_namesakes` takes: no account on any row)."""
    member, ok, benefit = led.array("member"), led.array("ok"), led.array("benefit")
    rows = np.flatnonzero((member < 0) & ok & benefit)
    if not len(rows) or not len(ctx.members):
        return {}
    care, pooled = care_home_rows(ctx, led), led.memo["pooled"]
    has_head = "head_id" in led.frame.columns
    by_payee: dict[str, list[int]] = defaultdict(list)
    for r in rows.tolist():
        if not care[r] and r not in pooled and led.cols["amount"][r] > 0:
            by_payee[led.household[r]].append(r)
    mem = ctx.members
    registered = set(mem["bank_account"].tolist()) - {""} if "bank_account" in mem.columns else set()
    claims: dict[str, tuple[int, list[int]]] = {}
    for h, paid in by_payee.items():
        m = _the_head(ctx, led, paid, registered, has_head, unpaid_to_account)
        if m is not None:
            claims[h] = (m, sorted(paid, key=lambda r: (led.cols["month"][r], r)))
    if not claims:
        return {}
    # one head claimed by two payees (two new accounts under his name): neither is told to be his
    heads = defaultdict(int)
    for m, _ in claims.values():
        heads[m] += 1
    claims = {h: c for h, c in claims.items() if heads[c[0]] == 1}
    own_rows = _own_rows(led, {str(mem["household"].iat[m]) for m, _ in claims.values()})
    own = {h: {led.cols["month"][r] for r in rs} for h, rs in own_rows.items()}
    params = NameMatchParams.from_common(ctx.common)
    from ..kinship import name_population  # (the county's namesakes: the roster's and the registry's)

    counts = name_population(ctx)
    out = {}
    for h, (m, paid) in claims.items():
        household = str(mem["household"].iat[m])
        months = {led.cols["month"][r] for r in paid}
        if months & own.get(household, set()):
            continue  # the household is paid under its own ID or account those months: she is someone else
        if any(led.events_member.get(j) for j in led.covered.get(household, ())) or led.memo["departed"].get(household):
            continue  # a death, custody, move or exit in the household: paid on, the money is F03's to recover, not a lead
        same = all(_amount_is(led.cols["amount"][r], mem, m) for r in paid)
        rare = counts.get(str(mem["name_key"].iat[m]), 1) < params.common_count
        accounts = {led.cols["bank_account"][r] for r in paid}
        noted = next((r for r in own_rows.get(household, ()) if accounts & _digit_runs(led.cols.cell("remark", r))), -1)
        out[h] = Namesake(m, household, tuple(paid), MEDIUM if rare and same else LOW, same, noted)
    return out


def _digit_runs(remark) -> set[str]:
    """The runs of eight or more digits in a remark (an account it names, 原账号6217…), spaces inside a run ignored."""
    text = "" if remark is None or remark != remark else re.sub(r"(?<=\d)[ \u3000](?=\d)", "", str(remark))
    return set(re.findall(r"\d{8,}", text))


def _the_head(ctx: Context, led: Ledger, rows: list[int], registered: set, has_head: bool,
              unpaid_to_account: bool = False) -> int | None:
    """The one roster head a payee's rows name, in his village, or None: the rows give no whole ID (own or head's),
    one name, one village (one township at most), whole accounts none of which the roster gives anyone (with
    ``unpaid_to_account``: no account on any row), and masked ID digits (if any) his ID shows; heads of that name
    elsewhere do not count, two fitting heads are no one."""
    cols = led.cols
    if any(cols["id"][r] or (has_head and cols["head_id"][r]) for r in rows):
        return None
    names = {cols["link_key"][r] for r in rows}
    villages = {place_key(cols["village"][r]) for r in rows} - {""}
    towns = {township_key(cols["township"][r]) for r in rows} - {""}
    if len(names) != 1 or "" in names or len(villages) != 1 or len(towns) > 1:
        return None
    accounts = {cols["bank_account"][r] for r in rows}
    if unpaid_to_account:
        if accounts != {""} or any(cols["account_cut"][r] or cols["account_masked"][r] for r in rows):
            return None
    elif "" in accounts or any(cols["account_cut"][r] or cols["account_masked"][r] for r in rows):
        return None  # (no account, or one whose digits are not all there: whether the roster knows it cannot be told)
    elif accounts & registered:
        return None  # an account the roster knows: the other F07 signals (a former head, a shared account) say it
    shown = {s for r in rows if (s := ids.masked(cols["id_raw"][r]))}
    programmes = {led.programme[r] for r in rows} - {""}
    mem = ctx.members
    (village,), town = villages, next(iter(towns), "")
    fits = []
    for m in roster_namesakes(ctx, next(iter(names))):
        pid = str(mem["id"].iat[m] or "")
        if not pid or pid != str(mem["head_id"].iat[m] or "") or mem["household"].iat[m] not in led.covered:
            continue
        if place_key(mem["village"].iat[m]) != village:
            continue
        if town and (theirs := township_key(mem["township"].iat[m])) and theirs != town:
            continue
        if programmes and str(mem["programme"].iat[m]) not in programmes:
            continue
        if not all(ids.shows(pid, s) for s in shown):
            continue
        fits.append(m)
    return fits[0] if len(fits) == 1 else None


def _own_rows(led: Ledger, households: set[str]) -> dict[str, list[int]]:
    """Some roster households → their own successful benefit payments (rows linked to a member)."""
    rows = np.flatnonzero(led.of_households(households) & (led.array("member") >= 0) & led.array("ok")
                          & led.array("benefit"))
    out: dict[str, list[int]] = defaultdict(list)
    for r in rows.tolist():
        out[led.household[r]].append(r)
    return out


@dataclass(frozen=True)
class NameOnly:
    """A payee on no roster whose rows give no whole ID and whom only a name ties to roster members (h472).

    Attributes:
        members: the roster members of that name.
        rows: her successful benefit rows, in month order.
    """

    members: tuple[int, ...]
    rows: tuple[int, ...]


def name_only_payees(ctx: Context, led: Ledger) -> dict[str, NameOnly]:
    """Return (and remember) the payees on no roster whom nothing but a name ties to roster members: no whole ID (own or
    head's), no account the roster gives anyone (the namesake's linked her: :func:`rules._money._account_payees`), no
    village or township, no digits of a masked ID, and not taken for a head by :func:`head_namesakes`. A name alone is
    no evidence either way: F03 (不在册) of such a payee and F06 (应发未发) of the namesakes' households in the months
    she was paid are 低 leads without money (a ledger without an ID column gave an F03 中 and an F06 中 for one
    payment, one of them necessarily wrong).

    Args:
        ctx: the audit context.
        led: the ledger.
    Returns:
        The payee's ledger household ('ledger:…') → the :class:`NameOnly`.
    """
    if "name_only" in led.memo:
        return led.memo["name_only"]
    led.memo["name_only"] = out = {}
    member, ok, benefit = led.array("member"), led.array("ok"), led.array("benefit")
    rows = np.flatnonzero((member < 0) & ok & benefit)
    if not len(rows) or not len(ctx.members):
        return out
    care, pooled, heads = care_home_rows(ctx, led), led.memo["pooled"], head_namesakes(ctx, led)
    has_head = "head_id" in led.frame.columns
    by_payee: dict[str, list[int]] = defaultdict(list)
    for r in rows.tolist():
        if not care[r] and r not in pooled and led.cols["amount"][r] > 0 and led.household[r] not in heads:
            by_payee[led.household[r]].append(r)
    cols, mem = led.cols, ctx.members
    registered = set(mem["bank_account"].tolist()) - {""} if "bank_account" in mem.columns else set()
    for h, paid in by_payee.items():
        if any(cols["id"][r] or (has_head and cols["head_id"][r]) for r in paid):
            continue
        names = {cols["link_key"][r] for r in paid}
        if len(names) != 1:
            continue
        # a second key, agreeing or not, leaves the payee as earlier rounds judged her: a village or township written
        # (held-out 252), digits a masked ID shows, an account the roster gives anyone
        if any(place_key(cols["village"][r]) or township_key(cols["township"][r]) or ids.masked(cols["id_raw"][r])
               or cols["bank_account"][r] in registered for r in paid):
            continue
        found = roster_namesakes(ctx, next(iter(names)))
        if found:
            out[h] = NameOnly(tuple(found), tuple(sorted(paid, key=lambda r: (cols["month"][r], r))))
    return out


def name_only_months(ctx: Context, led: Ledger) -> dict[tuple[str, str], list[int]]:
    """(roster household, month) → the rows of :func:`name_only_payees` paid that month under the name of one of its
    members: perhaps its payment, perhaps another person's (F06 says so, at 低)."""
    out: dict[tuple[str, str], list[int]] = defaultdict(list)
    households = ctx.members["household"].tolist()
    for payee in name_only_payees(ctx, led).values():
        for h in {households[m] for m in payee.members}:
            for r in payee.rows:
                out[(h, led.cols["month"][r])].append(r)
    return out
