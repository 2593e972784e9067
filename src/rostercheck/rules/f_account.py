"""F07: the account paid is not the household's own.

Four signals, each a lead for a home visit (no money column): the account's holder (户名) is no member
of the household (names compared after removing spaces and turning traditional characters into
simplified ones); one account receives several households' money; the account is a village cadre's or a
staff member's (when --cadres/--staff carry account numbers); the household's own account is paid under a
payee on no roster (its former head, who died or left: the payee to be changed).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

import numpy as np
import pandas as pd

from ..kinship import family_said, household_ties as kinship_ties
from ..match import repaired_key
from ..model import CONFIDENCE_ORDER, HIGH, LOW, MEDIUM, Context, Finding, object_array
from ..normalize import ids
from ..normalize.names import masked_name_fits, person_name
from ..regions import town_and_village
from ..roster import enrolment_household, enrolment_households, is_covered
from . import rule, where
from ..io.ledgers import first_rows, same_cells
from ._household import in_institution, support_modes
from ._money import (Ledger, care_home_named, care_home_rows, finding, id_unwritten, ledger, months_text, payee_name,
                     sole_households, yuan)
from ._money_namesakes import head_namesakes
from ._money_unread import say as say_unread


@rule("F07")
def check(ctx: Context) -> list[Finding]:
    """Flag households paid into an account that is not theirs."""
    led = ledger(ctx)
    params = ctx.specs["F07"].params
    min_len = int(params["min_account_digits"])
    institution = _institution_rows(ctx, led, params.get("institution_modes", [])) | care_home_rows(ctx, led)
    # a household paid into an official's account: that a payee on no roster may be its former head says nothing more
    # (held-out 119: a clerk's account gave a 高, a 中 and a 低 "如是原户主…" lead); that the holder is no member is said
    # in the same row (held-out 299: 文福贵's account and name, only the account said)
    official, told, proxied = _officials(ctx, led, min_len)
    return _one_per_household(ctx, _holders(ctx, led, institution, proxied) + _shared(ctx, led, min_len, institution)
                              + official + _former(ctx, led, told) + _unlisted_account(ctx, led))


def _one_per_household(ctx: Context, found: list[Finding]) -> list[Finding]:
    """One row per household, its reasons (a holder who is no member, the account shared, an official's account …)
    said in one, the surest first and its confidence the row's (held-out 283, 285: one bank card, two 整改 lines)."""
    groups: dict[object, list[Finding]] = {}
    for f in found:
        subject = f.subject or {}
        key = (ctx.members.at[f.member, "household"] if f.member >= 0
               else ("", subject.get("head_id"), subject.get("head_name"), subject.get("name")))
        groups.setdefault(key, []).append(f)
    out = []
    for same in groups.values():
        same = sorted(same, key=lambda f: CONFIDENCE_ORDER[f.confidence])  # (stable: the checks' order among equals)
        first = same[0]
        if len(same) > 1:
            first = replace(first, evidence="。另：".join(f.evidence.rstrip("。") for f in same) + "。",
                            key="；".join(dict.fromkeys(f.key for f in same)),
                            facts=tuple(dict.fromkeys(pair for f in same for pair in f.facts)))
        out.append(first)
    return out


def _unlisted_account(ctx: Context, led: Ledger) -> list[Finding]:
    """Households whose head's name, in his own village, is a payee's on no roster paid into an account the roster does
    not know, with no usable ID (``_money_namesakes``): probably the household under a changed account, not verified
    (held-out 252: the same money was 不在册 F03 to recover and 应发未发 F06 owed)."""
    out = []
    for n in head_namesakes(ctx, led).values():
        if n.noted >= 0:
            continue  # the household's own row names this account as its former one: the ledger says it is theirs
        r0, mem = n.rows[0], ctx.members
        months = sorted({led.cols["month"][r] for r in n.rows} - {""})
        accounts = "、".join(dict.fromkeys(led.cols["bank_account"][r] for r in n.rows))
        approved = mem["benefit"].iat[n.member] if "benefit" in mem.columns else None
        paid = "、".join(yuan(a) for a in dict.fromkeys(led.cols["amount"][r] for r in n.rows))
        amount = (f"，各月金额 {paid}与该户核定金额相同" if n.same_amount
                  else f"，金额 {paid}与该户核定金额 {yuan(approved)}不同" if approved is not None and approved == approved
                  else "")
        own = mem["bank_account"].iat[n.member] if "bank_account" in mem.columns else ""
        place = f"{mem['township'].iat[n.member]}{mem['village'].iat[n.member]}"
        evidence = (f"发放明细中的领取人 {payee_name(ctx, led, r0)}（{id_unwritten(led, r0)}）与该户户主同名，同在{place}{amount}，"
                    f"但发放账号 {accounts} 不在花名册中" + (f"（花名册登记的账号为 {own}）" if own else "")
                    + f"；该户在花名册登记的身份证号和账号下没有这些月份的发放记录：{months_text(months)}，如 {led.where(r0)}。"
                    "可能是该户更换了账户而花名册未更新，未核实：请核实该账号是否为本户的，是的请更正花名册的账号；"
                    "不是的，该领取人为不在册人员领取（F03），该户这些月份应发未发（F06）")
        facts = (("signal", "unlisted_account"), ("payee", led.payee[r0]))
        out.append(finding(ctx, led, "F07", r0, n.member, evidence, n.confidence,
                           "姓名、村一致（发放明细未写身份证号，账号不在花名册中）", months, None, None, facts,
                           months_decide=False))
    return out


def _former(ctx: Context, led: Ledger, told: set) -> list[Finding]:
    """Households whose own account (the roster's) is paid under a payee on no roster and whom no list says died, is in
    custody, moved or left: the payee to be changed (低: the money is the household's, as the README says of a former
    head's rows). A former head the lists say is gone is no lead: the account is the household's (his months beyond
    the household's amount are F01–F03)."""
    by: dict[tuple, list[int]] = defaultdict(list)
    unread = led.memo["unread_item"]
    unjudged = set()  # paid so only under an item no word or code reads (项目代码 01): perhaps the benefit, not looked at
    for r in sorted(led.memo.get("former", ()) - led.memo.get("former_dead", set())):
        if led.ok[r] and led.household[r] not in told and (led.benefit[r] or unread[r]):
            if led.benefit[r]:
                by[(led.household[r], led.cols["id"][r] or led.cols["link_key"][r])].append(r)
            else:
                unjudged.add(led.household[r])
    say_unread(ctx, led, "F07", unjudged - {h for h, _ in by})
    gone = led.memo.get("former_events", {})
    # a payee named as a member of another household is no stranger (held-out 259: "领取人 唐琴静不在花名册中", the head
    # of another household, at 低): as a holder so named, another's 代领 to check (中)
    names = ctx.members["name_key"].to_numpy(dtype=object)
    households = ctx.members["household"].to_numpy(dtype=object)
    # a former head is a guess a deaths list given and not naming him (nor the roster's own history rows) leaves
    # unsupported: a stranger's account, 中, as :func:`_holders` judges the same holder named by 户名 alone (h486: a bank
    # file naming each account holder's own ID made six strangers' accounts 低 "如是原户主" where 户名 alone gave 中)
    history = bool(ctx.left or ctx.departed)
    left_names = {h: {rec.get("name_key") for rec in records} for h, records in ctx.left.items()} if ctx.left else {}
    deaths_given = ctx.has("deaths")
    out = []
    for (_, who), rows in by.items():
        if any(r in gone for r in rows):
            continue
        r0 = rows[0]
        key = led.cols["link_key"][r0]
        same_name = np.flatnonzero((names == key) & (households != led.household[r0]))  # (members of other households)
        elsewhere = same_name if key else []
        stranger = (deaths_given and not len(same_name)
                    and (not history or key not in left_names.get(led.household[r0], ())))
        months = sorted({led.cols["month"][r] for r in rows} - {""})
        name = led.cols["name"][r0] or led.cols["head_name"][r0] or led.cols["holder"][r0]
        shown = f"（身份证号 {ids.mask_id(led.cols['id'][r0])}）" if led.cols["id"][r0] else ""
        paid = (f"资金仍以其名义发放到本户在花名册登记的账号 {led.cols['bank_account'][r0]}：{months_text(months)}，"
                f"如 {led.where(r0)}。")
        evidence = (f"领取人 {name}{shown}不是本户成员，与花名册中另一户的成员同名（{_member_places(ctx, elsewhere)}），" + paid
                    + "请核实是否为代领、该账号由谁使用" if len(elsewhere)
                    else f"领取人 {name}{shown}不在花名册中，所给死亡人员名单中也没有，" + paid
                    + "请核实是否为代领（代领人、监护人是否有委托或监护手续）、该账号由谁使用" if stranger
                    else f"领取人 {name}{shown}不在花名册中，" + paid + "如是原户主（已去世或迁出），请变更领取人；否则请核实该账号由谁使用")
        out.append(finding(ctx, led, "F07", r0, _member(ctx, led, r0), evidence, MEDIUM if len(elsewhere) or stranger else LOW,
                           "发放账号与花名册一致（领取人" + ("与另一户成员同名）" if len(elsewhere) else "不在花名册中）"), months,
                           None, None, (("signal", "former_payee"), ("payee", who)), months_decide=False))
    return out


def _institution_rows(ctx: Context, led: Ledger, modes: list[str]) -> np.ndarray:
    """Per ledger row: paid for a household all of whose members are cared for in an institution (集中供养), whose
    money goes to the institution's account (not the household's own: no holder or shared-account lead)."""
    kept = in_institution(ctx, modes)
    codes = led.memo["codes"]  # each of the ledger's households judged once
    return np.array([h in kept for h in codes["h_values"].tolist()], dtype=bool)[codes["h"]]


def _moved_rows(ctx: Context, led: Ledger) -> np.ndarray:
    """Per ledger row: a member's row whose 户主身份证号 names the head of another roster household and which is paid into
    that household's account (or names none): paid while he belonged there (he has moved since), so the account is
    that household's, not a stranger's to his household now."""
    if "moved" in led.memo:
        return led.memo["moved"]
    f, mem = led.frame, ctx.members
    if "head_id" not in f.columns or not len(mem):
        led.memo["moved"] = np.zeros(len(f), dtype=bool)
        return led.memo["moved"]
    # (the three columns read, not every column of the members: 0.04 s on a city's roster)
    heads = mem.loc[(mem["id"] != "") & (mem["id"] == mem["head_id"]), ["household", "id", "bank_account"]]
    enrolled = enrolment_households(heads["household"].tolist())
    household_of = dict(zip(heads["id"].tolist(), enrolled))
    account_of = dict(zip(enrolled, heads["bank_account"].tolist()))
    # each distinct 户主身份证号 cell judged once: the household it heads (None: none), and that household's account;
    # households and accounts compared as numbers, not cell by cell
    head, distinct = led.factorized("head_id")
    heading = [household_of.get(v) for v in distinct.tolist()] + [None]  # a missing cell (code -1): none
    codes = led.memo["codes"]  # each of the ledger's households judged once
    now = enrolment_households(codes["h_values"].tolist())
    homes = pd.Index(pd.unique(np.asarray([h for h in heading if h is not None] + now, dtype=object)))
    named = homes.get_indexer(heading)[head]  # -1: names no roster head
    if "bank_account" in f.columns:
        paid, accounts = led.factorized("bank_account")
        blank = np.append(accounts == "", False)[paid]  # (a missing cell, code -1, is no blank account)
        target = pd.Index(accounts).get_indexer([account_of.get(h) for h in heading])[head]  # -1: none of these
        theirs = blank | ((paid >= 0) & (paid == target))
    else:
        theirs = np.ones(len(f), dtype=bool)
    led.memo["moved"] = (led.array("member") >= 0) & (named >= 0) & (named != homes.get_indexer(now)[codes["h"]]) & theirs
    return led.memo["moved"]


def _member_values(ctx: Context, households: set, column: str) -> dict[str, set[str]]:
    """Some households → the non-blank cells of a member column of every member on the roster (covered or not)."""
    mem = ctx.members
    rows = np.flatnonzero(mem["household"].isin(households).to_numpy())
    out: dict[str, set[str]] = defaultdict(set)
    for h, value in zip(mem["household"].to_numpy(dtype=object)[rows].tolist(), mem[column].to_numpy(dtype=object)[rows].tolist()):
        if value:
            out[h].add(value)
    return out


def _minors_only(ctx: Context, households: set) -> dict[str, str]:
    """Households whose every covered member is younger than ``[F07] minor_age`` on the review date → their ages said
    ("11岁"); a member of unknown age keeps the household out."""
    limit = float(ctx.specs["F07"].params.get("minor_age", 18))
    mem = ctx.members
    if "age" not in mem.columns:
        return {}
    rows = mem[mem["household"].isin(households)]
    covered = rows["covered"].map(is_covered) if "covered" in rows.columns else pd.Series(True, index=rows.index)
    out: dict[str, str] = {}
    for h, group in rows[covered.astype(bool)].groupby("household", sort=False):
        ages = pd.to_numeric(group["age"], errors="coerce")
        if len(ages) and ages.notna().all() and (ages < limit).all():
            out[h] = "、".join(f"{int(a)}岁" for a in ages.tolist())
    return out


def _other_programme(ctx: Context, led: Ledger) -> np.ndarray:
    """Per row: a payee on no roster paid under a programme whose roster was not given (a 特困 ledger's rows beside
    the 低保 roster alone): nothing to say whose household it is, as for 不在册 (F03)."""
    given = set(ctx.members["programme"].tolist())
    codes, programmes = led.programme_codes()  # (each judged once)
    other = np.array([p != "" and p not in given for p in programmes.tolist()], dtype=bool)
    if not other.any():
        return np.zeros(len(codes), dtype=bool)
    return other[codes] & (led.array("member") < 0)


def _ledger_heads(led: Ledger) -> dict[str, str]:
    """Head ID → the roster household whose linked rows name it as their 户主身份证号, when only one household does.

    The ledger keeps a household under its former head's ID after he died or left the roster (the household is
    now under the spouse): his own rows, on no roster, are that household's, and so is an account in his name.
    """
    if "ledger_heads" not in led.memo:
        codes = led.memo["codes"]
        head, heads = led.factorized("head_id")
        rows = (led.array("member") >= 0) & (head >= 0)
        width = len(codes["h_values"]) + 1
        pairs = np.sort(pd.unique(head[rows].astype(np.int64) * width + codes["h"][rows]))  # (np.unique sorts every row)
        of, household = pairs // width, pairs % width
        single = np.bincount(of, minlength=len(heads))[of] == 1
        led.memo["ledger_heads"] = {heads[k]: codes["h_values"][h] for k, h in zip(of[single].tolist(), household[single].tolist())
                                    if heads[k]}
    return led.memo["ledger_heads"]


def _household_codes(ctx: Context, led: Ledger) -> np.ndarray:
    """Each row's household code, a payee on no roster counted in the roster household his ID heads
    (:func:`_ledger_heads`), or whose own account (the roster's) he is paid into: a member who died or left, still
    paid, is that household's F01/F03, not a second household on its account."""
    codes, heads = led.memo["codes"], _ledger_heads(led)
    values = codes["h_values"].tolist()
    number = {h: k for k, h in enumerate(values)}
    keyed = [k for k, h in enumerate(values) if ":" in str(h)]  # ('ledger:<ID>', '特困:<ID>': the only keys remapped)
    remap = np.arange(len(values), dtype=np.int64)
    for k in keyed:
        h = values[k]
        if str(h).startswith("ledger:") and h[len("ledger:"):] in heads:
            remap[k] = number[heads[h[len("ledger:"):]]]
    for cut, whole in _same_payees(led, values).items():
        remap[cut] = remap[whole]
    for k in keyed:  # one person's two enrolments ('特困:<ID>' beside the 低保 household he heads)
        if (whole := enrolment_household(values[k])) != values[k] and whole in number:
            remap[k] = remap[number[whole]]
    out = remap[codes["h"]]
    off = np.flatnonzero(led.array("member") < 0)
    accounts = led.frame["bank_account"].iloc[off].astype(object).tolist()
    own = sole_households(ctx.members, set(accounts))
    for r, a in zip(off.tolist(), accounts):
        if a in own and own[a] in number:
            out[r] = number[own[a]]
    return out


def _same_payees(led: Ledger, values: list) -> dict[int, int]:
    """Households on no roster ('ledger:' + an ID) of one payee written once with a damaged ID (cut short by a number
    format, a mistyped digit) and once whole, the names agreeing: the damaged one's code → the whole one's."""
    first = first_rows(led.memo["codes"]["h"], len(values))
    by_name: dict[str, list] = defaultdict(list)
    for k, h in enumerate(values):
        if not str(h).startswith("ledger:"):
            continue
        key, r = h[len("ledger:"):], int(first[k])
        name = led.cols["name_key"][r] if led.cols["id"][r] == key else led.cols["head_name_key"][r]
        if name:
            by_name[name].append((k, ids.id_number(key)))
    out = {}
    for group in by_name.values():
        whole = [(k, i) for k, i in group if i.status == ids.VALID and not i.value.endswith("000")]
        for k, i in group:
            # a number format's 15 digits, rounded, may even leave a valid-looking ID ending in 000: a number's
            status, reliable = (ids.NUMERIC, 15) if i.status == ids.VALID and i.value.endswith("000") else (i.status, i.reliable)
            if status in (ids.NUMERIC, ids.SHORT, ids.CHECK):
                fits = [w for w, v in whole if repaired_key(i.value, status, reliable, v.value, v.status, v.reliable)]
                if len(fits) == 1:
                    out[k] = fits[0]
    return out


def _masked_holders_fitting(ctx: Context, led: Ledger, rows: np.ndarray) -> set[int]:
    """The rows whose 户名 a bank masked (柴*英) so that it may hide a member of the row's household: no holder to call
    a stranger (h477: 17 households' own accounts, their 户名 masked by the bank, were F07 leads)."""
    keys = led.cols["holder_key"]
    asked = [r for r in rows.tolist() if "*" in str(keys[r] or "")]
    if not asked:
        return set()
    wanted = {led.household[r] for r in asked}
    names: dict[object, list[str]] = defaultdict(list)
    for h, k in zip(ctx.members["household"].tolist(), ctx.members["name_key"].tolist()):
        if h in wanted and k:
            names[h].append(k)
    return {r for r in asked if any(masked_name_fits(str(keys[r]), k) for k in names.get(led.household[r], ()))}


def _holders(ctx: Context, led: Ledger, institution: np.ndarray, proxied: frozenset = frozenset()) -> list[Finding]:
    """Households paid into an account whose holder is no member. ``proxied``: (household, name key) of the officials
    found collecting for it by their 代领人身份证号 (:func:`_official_proxies`), whose namesake sentence is not said."""
    bad: dict[str, list[int]] = defaultdict(list)
    f = led.frame
    member = led.array("member")
    # the holder is the row's payee, unless the row names its payee otherwise than the roster names the member its ID
    # links to (姓名 王秀兰 beside 张国强's ID and account: a stranger paid in the household's name); compared on the
    # columns' codes (millions of rows, a few hundred thousand names)
    named = same_cells(f, "name_key", (ctx.members["name_key"].to_numpy(dtype=object), np.maximum(member, 0)))
    payee = same_cells(f, "holder_key", "name_key") & ((member < 0) | named)
    kc, kinds = led.factorized("holder_key")  # (every row's holder, numbered once)
    filled = np.append(np.array([bool(k) for k in kinds.tolist()], dtype=bool), False)[kc]  # (a missing cell: none)
    other = filled & ~payee & ~same_cells(f, "holder_key", "head_name_key")
    # (no roster: no names; a moved member's earlier rows: his former household's)
    # (a row paid under a payee on no roster into the household's own account is _former's lead, said once: held-out 106)
    former = np.zeros(len(f), dtype=bool)
    former[list(led.memo.get("former", ()))] = True
    sel = np.flatnonzero(other & led.array("ok") & (led.array("member") >= 0) & ~institution & ~_moved_rows(ctx, led)
                         & ~former)
    if len(sel):  # each (household, holder) pair judged once
        codes = led.memo["codes"]
        hc = codes["h"][sel].astype(np.int64)
        kc = kc[sel]  # (a selected row's holder is never missing)
        width = len(kinds) + 1
        # (household, holder) as numbers: the holders' pairs, and those of the household's members' names on the roster
        # and of the name the ledger gives the ID its rows name as their head's (a head who died, now off the roster)
        household_no, name_no = pd.Index(codes["h_values"]), pd.Index(kinds)
        named = [(ctx.members["household"].to_numpy(dtype=object), ctx.members["name_key"].to_numpy(dtype=object))]
        if "former_name" in ctx.members.columns:  # (a member's 曾用名: an account opened under it is hers, h491)
            formers = ctx.members["former_name"].to_numpy(dtype=object)
            at = np.flatnonzero(formers != "")
            if len(at):
                named.append((ctx.members["household"].to_numpy(dtype=object)[at],
                              object_array([person_name(v) for v in formers[at].tolist()])))
        heads = _ledger_heads(led)
        if heads:
            at = np.flatnonzero(f["id"].isin(set(heads)).to_numpy())
            ided = f["id"].to_numpy(dtype=object)[at]
            named.append((object_array([heads[i] for i in ided.tolist()]), f["name_key"].to_numpy(dtype=object)[at]))
        known = []
        for households, names in named:
            h, k = household_no.get_indexer(households), name_no.get_indexer(names)
            known.append(h[(h >= 0) & (k >= 0)] * width + k[(h >= 0) & (k >= 0)])
        foreign = ~pd.Series(hc * width + kc).isin(np.concatenate(known)).to_numpy()  # (hashed: np.isin sorts both)
        masked = _masked_holders_fitting(ctx, led, sel[foreign])
        for r in sel[foreign].tolist():
            if r not in masked:
                bad[led.household[r]].append(r)
    out = []
    registered = _member_values(ctx, set(bad), "bank_account")  # the accounts the roster gives each household
    enrolled = set(ctx.members["name_key"].tolist())  # (a holder named as someone on a roster is another's 代领: 中)
    # a roster keeping its members who left (成员状态 已死亡, 已迁出 …: its history rows) names each household's former
    # head: a holder none of them is no former head (held-out 225: a stranger on two registered accounts was 低)
    history = bool(ctx.left or ctx.departed)
    left_names = {h: {rec.get("name_key") for rec in records} for h, records in ctx.left.items()}
    # … nor is one a deaths list given does not name (held-out 267, 274: a stranger on the registered account, alive on
    # no list, was 低 as a former head's)
    dead_names = (set(ctx.lists["deaths"]["name_key"].tolist()) if ctx.has("deaths") and "name_key" in ctx.lists["deaths"].columns
                  else None)
    namesakes = _namesakes(ctx, {led.cols["holder_key"][r] for rows in bad.values() for r in rows})
    kin = _holders_kin(ctx, led, bad)
    minors = _minors_only(ctx, set(bad))
    guardians = _recorded_guardians(ctx, set(bad))
    # (the 代领人, 监护人 or 委托人 each row names: whoever of them holds the account, the ledger names him)
    named_by_row = [f[c].to_numpy(dtype=object) for c in ("proxy_name_key", "guardian_name_key", "trustee_name_key")
                    if c in f.columns]
    for h, rows in bad.items():
        r0 = rows[0]
        holders = "、".join(sorted({led.cols["holder"][r] for r in rows}))
        # (an account a number format cut to 15 digits is said so: 6228****0000 beside 6228****4865 read as a second
        # account, held-out 262)
        accounts = "、".join(sorted({led.cols["bank_account"][r] + ("（以数字格式存储，后几位已丢失）" if led.cols["account_cut"][r]
                                                                          and not led.cols["account_masked"][r] else "") for r in rows if led.cols["bank_account"][r]}))
        months = [led.cols["month"][r] for r in rows if led.cols["month"][r]]
        # the household's own account as the roster registers it, under a name no roster holds (most often the former
        # head's, as F07.toml says): a payee to be changed, 低
        registered_here = all(led.cols["bank_account"][r] in registered.get(h, ()) for r in rows)
        own = registered_here and all(led.cols["holder_key"][r] not in enrolled
                                      and (not history or led.cols["holder_key"][r] in left_names.get(h, ()))
                                      and (dead_names is None or led.cols["holder_key"][r] in dead_names) for r in rows)
        # only other items (护理补贴) paid there: most often a carer's account under a 委托照料 agreement, on which the
        # guide is silent — a lead to check, 低 (held-out 200: ten such 中 leads in one county)
        others = not any(led.benefit[r] for r in rows)
        # a county counting the 特困 照料护理费 as the benefit (救助供养标准 = 基本生活 + 照料护理, 国发〔2016〕14号; 护理 out
        # of money_other_items) pays it to the same carers: only care items paid there is the same lead, 低 (held-out 330)
        care_words = ctx.specs["F07"].params.get("care_item_words", ())
        cares = not others and all(any(w and w in led.item(r) for w in care_words) for r in rows)
        # (an item no word or code reads, 项目代码 01, may be the benefit itself: not said to be other money)
        unread = others and any(led.memo["unread_item"][r] for r in rows)
        items = "、".join(dict.fromkeys(led.item(r) for r in rows))
        # an institution's account (敬老院, 村委会: held-out 244, a 分散 特困 person's money paid to the care home) is no
        # former head's to be changed
        named = list(dict.fromkeys(led.cols["holder"][r] for r in rows))
        units = [n for n in named if _institution_named(ctx, led, n)]
        # a household whose every covered member is a minor (an orphan on the 特困 roster) is paid to a guardian by
        # necessity: a lead to check the guardianship, 低 (held-out 334: 中 "不是该户家庭成员" for an 11-year-old's guardian)
        minor = (h in minors and not units and h not in kin
                 and all(led.cols["holder_key"][r] not in enrolled for r in rows))
        # the holder is the 代领人 the ledger itself names on each of these rows (a son collecting for his old father into
        # his own account): the ledger says the money is collected for the household, a lead to check the 委托 (低), not
        # a stranger's account (h450: 中 "不是该户家庭成员" on three such households; an official 代领人 is 高 by his ID,
        # _official_proxies)
        proxy_held = not units and all(any(k[r] and k[r] == led.cols["holder_key"][r] for k in named_by_row)
                                       or _remark_names_collector(led, r) for r in rows)
        # … or the guardian the roster records for the household (监护人姓名): a lead to check the guardianship, 低 (h465)
        guardian_held = not units and all(led.cols["holder_key"][r] in guardians.get(h, ()) for r in rows)
        evidence = (f"发放账户户名“{holders}”"
                    + ("是单位（机构）的名称，不是该户家庭成员" if len(units) == len(named)
                       else "不是该户家庭成员（花名册中该户成员均不同名）") + f"；账号 {accounts or '未填'}"
                    + ("（是花名册登记的本户账号）" if registered_here else "") + f"；资金项目 {items}"
                    + f"；{months_text(months)}共 {len(rows)} 笔，如 {led.where(r0)}。"
                    + "".join(namesakes.get(k, "") for k in dict.fromkeys(led.cols["holder_key"][r] for r in rows)
                              if (h, k) not in proxied)
                    + (_unit_said(ctx, h, units if len(units) < len(named) else []) if units
                       else f"户名是该户的亲属（{kin[h]}；另为花名册中另一户的成员），多为家庭内部代领；请核实是否有委托手续、资金是否由本人支取" if h in kin
                       else f"该户保障对象是未成年人（{minors.get(h)}），户名多为其监护人；请核对监护关系（监护人身份证明、"
                       "监护或委托手续）和资金是否用于未成年人本人，否则请核实是否为代领" if minor
                       else f"户名是花名册登记的该户监护人 {holders}，资金由其账户领取；请核对监护关系（监护人身份证明、"
                       "监护手续）和资金是否用于被监护人本人" if guardian_held
                       else f"户名是发放明细中写明的该户代领人（或监护人、委托人）{holders}，资金由其账户领取；"
                       "请核实是否有委托代领或监护手续、资金是否交到本户" if proxy_held
                       else "如户名是原户主（已去世或迁出），请变更领取人；如是监护人或受委托代领的人，请补齐监护或委托手续；"
                       "否则请核实该账号由谁使用" if own
                       else f"资金项目{'、'.join(f'“{i}”' for i in dict.fromkeys(led.item(r) for r in rows))}未能识别、"
                       "无法判断是否为保障金；请核实是否为代领、账户是否本户所有" if unread
                       else "打入该账户的只有保障金以外的资金，如是委托照料人领取照料护理补贴，请核对委托照料协议；否则请核实是否为代领"
                       if others else "打入该账户的只有照料护理费，如是委托照料人领取，请核对委托照料协议；否则请核实是否为代领"
                       if cares else "请核实是否为代领、账户是否本户所有"))
        facts = (("signal", "holder"), ("holder", led.cols["holder_key"][r0]))
        out.append(finding(ctx, led, "F07", r0, _member(ctx, led, r0), evidence,
                           LOW if own or others or cares or minor or proxy_held or guardian_held or (h in kin and not units)
                           else MEDIUM,
                           "户名与家庭成员姓名比对", months, None, None, facts, months_decide=False))
    return out


def _recorded_guardians(ctx: Context, households: set) -> dict[object, set[str]]:
    """The name keys of the guardians the roster records (监护人姓名) for each of these households' members.

    Args:
        ctx: the run's context.
        households: the households asked about.

    Returns:
        household -> the guardians' name keys (households recording none left out).
    """
    mem = ctx.members
    if "guardian_name" not in mem.columns:
        return {}
    out: dict[object, set[str]] = {}
    for h, g in zip(mem["household"].tolist(), mem["guardian_name"].tolist()):
        if g and h in households and (key := person_name(g)):
            out.setdefault(h, set()).add(key)
    return out


# A remark naming who collects for the payee (备注 '委托人吴轩明', '王小明代领'): the holder so named is no stranger
_COLLECTOR_WORDS = re.compile(r"代领|代收|代办|代理|委托|受托|监护")


def _remark_names_collector(led: Ledger, r: int) -> bool:
    """Whether a row's remark names its account holder beside a word saying he collects or cares for the payee (备注
    '委托人吴轩明' beside 户名 吴轩明; h450: F07 中 "不是该户家庭成员")."""
    remark = re.sub(r"\s", "", str(led.cols.cell("remark", r) or ""))
    holder = re.sub(r"\s", "", str(led.cols["holder"][r] or ""))
    return len(holder) >= 2 and holder in remark and bool(_COLLECTOR_WORDS.search(remark))


def _holders_kin(ctx: Context, led: Ledger, bad: dict[str, list[int]]) -> dict[str, str]:
    """The households whose every holder named no member is a member of another roster household that is one registered
    family with it (``kinship.household_ties``: her husband heading his own 低保 household, one 户号): household → the
    ties, for a 低 lead saying them (held-out 252: 户名“曾金莲” on 肖新波's 特困 money, 中 "不是该户家庭成员")."""
    if not bad or not kinship_ties(ctx):
        return {}
    mem = ctx.members
    wanted = {led.cols["holder_key"][r] for rows in bad.values() for r in rows}
    homes: dict[str, list[str]] = defaultdict(list)  # a name → the roster households with a member of that name
    for key, home in zip(mem["name_key"].tolist(), mem["household"].tolist()):
        if key in wanted and home not in homes[key]:
            homes[key].append(home)
    out = {}
    for h, rows in bad.items():
        said = []
        for key in dict.fromkeys(led.cols["holder_key"][r] for r in rows):
            tie = next((t for other in homes.get(key, ()) if (t := family_said(ctx, [h, other]))), "")
            if not tie:
                break
            said.append(tie)
        else:
            out[h] = "；".join(dict.fromkeys(said))
    return out


def _institution_named(ctx: Context, led: Ledger, holder: str) -> bool:
    """Whether an account's holder is an institution (a unit, no person): a care home's name
    (``[common] money_care_home_words``), or one holding a word of ``[F07] institution_holder_words`` (公司, 村委会 …)."""
    name = str(holder or "").strip()
    return bool(name) and (care_home_named(led, name)
                           or any(w and w in name for w in ctx.specs["F07"].params.get("institution_holder_words", ())))


def _unit_said(ctx: Context, household: str, units: list[str]) -> str:
    """The close of a holder lead whose holder is an institution (``units``: those to name, when other holders are
    persons): why a household it does not care for (分散供养, a 低保 household) is paid into the unit's account is the
    question — not a former head to change."""
    modes = {support_modes(ctx)(v) for v in _member_values(ctx, {household}, "support_mode").get(household, ())}
    home = "home" in modes and "institution" not in modes
    return ((f"户名{'、'.join(f'“{u}”' for u in units)}是单位（机构）的名称；" if units else "")
            + ("该户为分散供养，" if home else "")
            + "请核实该户的资金为何打入单位的账户、由谁支取"
            + ("（如已入住该机构集中供养，请更正花名册的供养方式）" if home else ""))


def _namesakes(ctx: Context, keys: set[str]) -> dict[str, str]:
    """Some holders' name keys → a sentence naming the cadres and staff of that name (the lists' rows), for a holder's
    evidence: a lead to ask about at the door, never a match (a name alone says nothing of who holds the account)."""
    out: dict[str, list[str]] = defaultdict(list)
    for kind in ("cadres", "staff"):
        if keys and ctx.has(kind) and "name_key" in ctx.lists[kind].columns:
            ref = ctx.lists[kind]
            for rec in ref[ref["name_key"].isin(keys - {""})].to_dict("records"):
                if rec.get("name_key"):
                    post = rec.get("post") or rec.get("unit") or ""
                    out[rec["name_key"]].append(f"{where(ctx, kind, rec)}所列 {rec.get('name', '')}"
                                                + (f"（{post}）" if post else ""))
    return {k: f"户名与{'、'.join(v)}同名（只是姓名相同，未核对身份证号，不作为判断依据），入户时可一并核实。"
            for k, v in out.items()}


def _shared(ctx: Context, led: Ledger, min_len: int, institution: np.ndarray) -> list[Finding]:
    f = led.frame
    by_account: dict[str, dict[str, int]] = defaultdict(dict)
    accounts = f["bank_account"].to_numpy(dtype=object)
    code, distinct = led.factorized("bank_account")
    long_enough = np.array([len(a) >= min_len if isinstance(a, str) else False for a in distinct] + [False], dtype=bool)
    ok = led.array("ok") & long_enough[code] & ~_other_programme(ctx, led) & ~_moved_rows(ctx, led)  # code -1: the last
    ok &= ~_cut(led)
    ok[list(led.memo["pooled"])] = False  # a row no household can be told for is no household of its own
    households = _household_codes(ctx, led)
    width = int(households.max(initial=0)) + 1
    paid = pd.unique(code[ok].astype(np.int64) * width + households[ok])  # (account, household) pairs
    several = np.bincount(paid // width, minlength=len(distinct) + 1) >= 2
    member, month = led.array("member"), led.cols["month"]
    months: dict[tuple, set] = defaultdict(set)  # (account, household) → the months paid into it
    for r in np.flatnonzero(ok & several[code]).tolist():
        first = by_account[accounts[r]].setdefault(int(households[r]), r)
        if member[first] < 0 <= member[r]:  # a roster household is named by a row on the roster
            by_account[accounts[r]][int(households[r])] = r
        months[accounts[r], int(households[r])].add(month[r])
    out = []
    keys = led.memo["codes"]["h_values"]
    for account, households in by_account.items():
        if len(households) < 2:
            continue
        who = "、".join(payee_name(ctx, led, r) for r in households.values())  # ('（户主 甲、乙）': report.own_township_only)
        # one registered family (a wife's 特困 money paid into her husband's, one 户号: held-out 252): explainable, 低
        family = family_said(ctx, [keys[h] for h in households])
        for h, r in households.items():
            if institution[r]:
                continue  # an institution's residents share its account: no lead for them (the others sharing it are)
            # when the others were paid into it (an owner's own months are no sharing), named by no one
            theirs = months_text(sorted(set().union(*(months[account, h2] for h2 in households if h2 != h)) - {""}))
            evidence = (f"同一账号 {account} 收取 {len(households)} 户的资金（户主 {who}），如 {led.where(r)}"
                        + (f"；其他户的资金打入该账号的月份：{theirs}" if theirs else "")
                        + (f"。{family}，各户是同一户籍家庭的亲属，共用账号多为家庭内部代领，请核实资金是否由各户本人支取" if family
                           else "。请核实账户归属，是否有他人代领或冒领"))
            facts = (("signal", "shared"), ("account", account))
            out.append(finding(ctx, led, "F07", r, _member(ctx, led, r), evidence, LOW if family else MEDIUM, "发放账号相同",
                               sorted(months[account, h] - {""}), None, None, facts, months_decide=False))
    return out


def _officials(ctx: Context, led: Ledger, min_len: int) -> tuple[list[Finding], set, frozenset]:
    """Households paid into a cadre's or staff member's account (the lists' 银行账号) or collected for by one (a 代领人
    身份证号): the findings, the households, and (household, name key) of the officials collecting by their ID."""
    out, seen = [], set()
    for kind in ("cadres", "staff"):
        if not ctx.has(kind) or "bank_account" not in ctx.lists[kind].columns:
            continue
        ref = ctx.lists[kind]
        owners = {a: rec for a, rec in zip(ref["bank_account"].tolist(), ref.to_dict("records")) if len(a or "") >= min_len}
        code, distinct = led.factorized("bank_account")
        listed = led.array("ok") & np.append(pd.Index(distinct).isin(list(owners)), False)[code] & ~_cut(led)  # -1: missing
        member_ids = _member_values(ctx, {led.household[r] for r in np.flatnonzero(listed).tolist()}, "id")
        rows = np.flatnonzero(listed).tolist()
        months: dict[tuple, set] = defaultdict(set)  # (household, account) → the months paid into it
        for r in rows:
            months[led.household[r], led.cols["bank_account"][r]].add(led.cols["month"][r])
        for r in rows:
            a = led.cols["bank_account"][r]
            rec = owners.get(a)
            if rec is None or not led.ok[r] or (led.household[r], a) in seen:
                continue
            if rec.get("id") and (rec["id"] in member_ids.get(led.household[r], set())
                                  or (rec["id"] == led.cols["id"][r] and led.member[r] < 0)):
                continue  # the cadre is a member of the household: the account is the household's own (C01 covers the rest)
            # (a row under the cadre's own ID linked to a household he is no member of, by the account the roster gives
            # it, is that household's money in his account: h486, a bank file naming the holder's ID was 低 "如是原户主")
            seen.add((led.household[r], a))
            evidence = (f"发放账号 {a} 是{where(ctx, kind, rec)}所列 {rec.get('name', '')}"
                        f"{('（' + rec.get('post', '') + '）') if rec.get('post') else ''}的账号，如 {led.where(r)}。请核实是否由干部或经办人员代领")
            facts = (("signal", kind), ("account", a))
            out.append(finding(ctx, led, "F07", r, _member(ctx, led, r), evidence, HIGH, "发放账号与名单账号一致",
                               sorted(months[led.household[r], a] - {""}), None, None, facts, months_decide=False))
    proxies, proxied = _official_proxies(ctx, led, {h for h, _ in seen})
    return out + proxies, {h for h, _ in seen} | {h for h, _ in proxied}, frozenset(proxied)


def _official_proxies(ctx: Context, led: Ledger, told: set) -> tuple[list[Finding], set[tuple[str, str]]]:
    """Households whose 代领人 (a ledger's 代领人身份证号: the proxy collecting, never the payee) is a cadre or staff member
    by his valid ID, and no member of the household: 高 whatever account the money went to (held-out 404: a 村会计
    collecting on the household's own account was 中 by his name alone, or unflagged when 户名 was the head's). A
    15-digit 一代证 upgraded to his ID is a lead (低): it has no check character, so one mistyped digit in it still
    upgrades to a valid ID, someone else's (held-out 409).
    ``told``: households already found paid into an official's account (one lead each). Returns the findings and
    (household, the official's name key) of each."""
    if "proxy_id" not in led.frame.columns:
        return [], set()
    code, distinct = led.factorized("proxy_id")
    status_code, statuses = led.factorized("proxy_id_status")
    valid = np.append(np.asarray(statuses, dtype=object) == ids.VALID, False)[status_code]
    old = (led.frame["proxy_id_old"].to_numpy(dtype=bool) if "proxy_id_old" in led.frame.columns
           else np.zeros(len(valid), dtype=bool))
    owners: dict[str, tuple[str, dict]] = {}
    for kind in ("cadres", "staff"):
        if ctx.has(kind) and "id" in ctx.lists[kind].columns:
            for rec in ctx.lists[kind].to_dict("records"):
                if rec.get("id") and (rec.get("id_status") in (None, ids.VALID)):
                    owners.setdefault(rec["id"], (kind, rec))
    if not owners:
        return [], set()
    listed = led.array("ok") & valid & np.append(pd.Index(distinct).isin(list(owners)), False)[code]
    listed &= led.array("member") >= 0
    rows = np.flatnonzero(listed).tolist()
    damaged = _damaged_proxies(ctx, led, owners, code, distinct, valid)
    if not rows and not damaged:
        return [], set()
    households = {led.household[r] for r in rows} | {led.household[r] for r in damaged}
    member_ids = _member_values(ctx, households, "id")
    member_names = _member_values(ctx, households, "name_key")
    for h, records in ctx.left.items() if ctx.left else ():  # (a former member collecting: the household's own)
        if h in households:
            member_ids[h] |= {rec.get("id") for rec in records if rec.get("id")}
    months: dict[tuple, set] = defaultdict(set)
    for r in rows:
        months[led.household[r], led.cols["proxy_id"][r]].add(led.cols["month"][r])
    names = led.frame["proxy_name_key"].to_numpy(dtype=object) if "proxy_name_key" in led.frame.columns else None
    out, seen, said = [], set(), set()
    for r in sorted(rows, key=lambda r: bool(old[r])):  # (a household's row of a current ID, if any, speaks for it)
        h, pid = led.household[r], led.cols["proxy_id"][r]
        if h in told or (h, pid) in seen or pid in member_ids.get(h, set()) or pid in (led.cols["id"][r], led.cols["head_id"][r]):
            continue  # (a member collecting for his household is no lead)
        seen.add((h, pid))
        kind, rec = owners[pid]
        said.add((h, rec.get("name_key") or ""))
        named = old[r] and names is not None and bool(names[r]) and names[r] == rec.get("name_key")
        if named and names[r] in member_names.get(h, set()):
            continue  # (a member of that name collecting, his old ID mistyped into the official's: no lead)
        evidence = (f"代领人身份证号 {pid} 是{where(ctx, kind, rec)}所列 {rec.get('name', '')}"
                    f"{('（' + rec.get('post', '') + '）') if rec.get('post') else ''}的身份证号（不是本户成员），如 {led.where(r)}。"
                    "请核实是否由干部或经办人员代领、资金是否交到本户")
        facts = (("signal", kind), ("proxy", pid))
        if old[r]:
            evidence += "。注意：发放明细中的代领人身份证号是 15 位旧号（升位后一致），旧号没有校验位，输错一位也查不出，" + (
                "代领人姓名也与名单一致，但不作为确定结论" if named else "仅作线索")
        out.append(finding(ctx, led, "F07", r, _member(ctx, led, r), evidence,
                           (MEDIUM if named else LOW) if old[r] else HIGH,
                           ("代领人姓名及15位旧身份证号（升位后）与名单一致" if named else "代领人15位旧身份证号升位后与名单一致")
                           if old[r] else "代领人身份证号与名单一致",
                           sorted(months[h, pid] - {""}), None, None, facts, months_decide=False))
    for r, (kind, rec, differ) in sorted(damaged.items()):
        h, pid = led.household[r], led.cols["proxy_id"][r]
        if h in told or (h, rec["id"]) in seen or names[r] in member_names.get(h, set()):
            continue  # (a member of the household of that name collecting for it is no lead)
        seen.add((h, rec["id"]))
        said.add((h, rec.get("name_key") or ""))
        where_ = "校验位" if differ == 17 else f"第 {differ + 1} 位"
        evidence = (f"代领人 {rec.get('name', '')}（身份证号 {pid}，校验不通过）与{where(ctx, kind, rec)}所列 {rec.get('name', '')}"
                    f"{('（' + rec.get('post', '') + '）') if rec.get('post') else ''}姓名相同，身份证号只有{where_}不同"
                    f"（地区码和出生日期一致），如 {led.where(r)}。代领人身份证号有误，不能确定是同一人；"
                    "请核实是否由干部或经办人员代领、资金是否交到本户")
        facts = (("signal", kind), ("proxy", rec["id"]))
        out.append(finding(ctx, led, "F07", r, _member(ctx, led, r), evidence, MEDIUM,
                           "代领人姓名＋身份证号（除一位外）与名单一致",
                           sorted({m for q, (_, other, _) in damaged.items() if led.household[q] == h and other is rec
                                   for m in [led.cols["month"][q]]} - {""}), None, None, facts, months_decide=False))
    return out, said


def _damaged_proxies(ctx: Context, led: Ledger, owners: dict, code: np.ndarray, distinct, valid: np.ndarray) -> dict:
    """Rows paid whose 代领人身份证号 fails its check (or has an impossible date) but whose 代领人姓名 is an official's and whose
    ID differs from his in one character only, region code and birth date agreeing (held-out 418: a cadre's ID typed
    with a wrong check digit beside his name gave no lead, the name column unread). Name plus the surviving digits is
    real but weaker evidence than an ID: 中, never 高; a name alone is never enough. Returns row → (kind, record, the
    index of the differing character)."""
    if "proxy_name_key" not in led.frame.columns:
        return {}
    by_name: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for kind, rec in owners.values():
        if rec.get("name_key"):
            by_name[rec["name_key"]].append((kind, rec))
    if not by_name:
        return {}
    names = led.frame["proxy_name_key"].to_numpy(dtype=object)
    status_code, statuses = led.factorized("proxy_id_status")
    checked = np.append(np.isin(np.asarray(statuses, dtype=object), [ids.CHECK, ids.DATE]), False)[status_code]
    wanted = led.array("ok") & ~valid & checked & (led.array("member") >= 0)
    wanted &= np.asarray(pd.Index(names).isin(list(by_name)), dtype=bool)
    out = {}
    for r in np.flatnonzero(wanted).tolist():
        pid = str(led.cols["proxy_id"][r] or "")
        if len(pid) != 18:
            continue
        fits = []
        for kind, rec in by_name[names[r]]:
            other = str(rec["id"])
            differ = [k for k in range(18) if pid[k] != other[k]]
            if len(differ) == 1 and pid[:14] == other[:14]:
                fits.append((kind, rec, differ[0]))
        if len({f[1]["id"] for f in fits}) == 1:  # (two officials of that name it could be: neither named)
            out[r] = fits[0]
    return out


def _cut(led: Ledger) -> np.ndarray:
    """Per row: an account a number format cut to 15 digits (Excel keeps no more; 6228480012345670011 and …0022 both
    read 6228480012345670000): not the account, so neither shared with another row's nor an official's (warned)."""
    return led.frame["account_cut"].to_numpy(dtype=bool)


def _member(ctx: Context, led: Ledger, r: int) -> int:
    from .f_amounts import _head

    return _head(ctx, led, led.household[r], r) if led.member[r] >= 0 else -1


def _member_places(ctx: Context, members) -> str:
    """Where some roster members live, each named with the head of their household (城关镇东关村 张三户)."""
    return "、".join(dict.fromkeys(f"{town_and_village(ctx.value(j, 'township'), ctx.value(j, 'village'))} {ctx.value(j, 'head_name') or ctx.value(j, 'name')}户"
                                   for j in list(members)[:3]))

