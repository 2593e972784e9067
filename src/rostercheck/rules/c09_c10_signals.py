"""C09 and C10: leads from income and asset signals found by matching.

C09 — the roster says the household has no income (declared 0 or blank) or no assets (a declared-assets
column saying 无), yet matching finds a pension, wages, a vehicle, a business or property.
C10 — several distinct asset or income signals meet in one household (实际生活水平明显高于标准).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

from ..model import HIGH, LOW, MEDIUM, Context, Finding, members_file
from ..normalize import codes
from . import fact_text, rule
from ._econ import (
    BULK_CODE_READ, Hit, Wage, bulk_business_note, business_running, gone_copy, gone_homes,
    hits, home_key, linked_rows, meant, one_per_home, money_text, pension_ended_later, pension_kind,
    pension_meaning, pensions,
    property_kind, property_shown, shared_text, standard_text, text_of, vehicle_shown, vehicles_counted, wages, weakest,
)
from ._household import declared_income, head_of, households, roster_declares_income

VEHICLE, SHOP, HOMES, BUSINESS, PENSION, WAGES = "机动车", "门市", "多套住房", "经营实体", "养老金", "工资"
ASSET_KINDS = (VEHICLE, SHOP, HOMES, BUSINESS)
# A signal's identity holds a vehicle's type and a pension's 险种 as what they mean: 'K33' is '小型轿车', '110'
# '企业职工基本养老保险' (held-out 232: a list switched to codes brought a verified C10 back)
_TYPE = {"vehicle_type": codes.vehicle_type}


# C03, C09 and C10 all read the pensions in payment (_econ.pensions, about a second of a city's run): their checks run in
# one process (audit._by_module), which works them out once.
PROCESS = "pensions"


@dataclass
class Signal:
    """One income or asset signal of a household.

    Attributes:
        kind: VEHICLE, SHOP, HOMES, BUSINESS, PENSION or WAGES.
        member: the member it belongs to.
        written: makes its text and identity (:attr:`text`, :attr:`ident`) when first asked: a city's households have
            thousands of signals, and only those of the households flagged are ever shown.
        confidence: the link confidence.
        amount: yuan per month for income signals (0 for assets).
    """

    kind: str
    member: int
    written: Callable[[], tuple[str, str]]
    confidence: str
    amount: float = 0.0

    @cached_property
    def _words(self) -> tuple[str, str]:
        return self.written()

    @property
    def text(self) -> str:
        """What was found, for evidence texts."""
        return self._words[0]

    @property
    def ident(self) -> str:
        """What identifies the signal across quarters, for a finding's facts: the plate and type, the property, the
        business name, the pensioner and pension type, the earner and employers (never an amount: pensions and wages
        move every year; a type given as a code as what it means)."""
        return self._words[1]


def household_signals(ctx: Context) -> dict[str, list[Signal]]:
    """Return household key → its income and asset signals (computed once per audit).

    Args:
        ctx: the audit context.
    Returns:
        The mapping; households without signals are absent.
    """
    if "signals" in ctx.cache:
        return ctx.cache["signals"]
    out: dict[str, list[Signal]] = {}
    found = {k: hits(ctx, k) for k in ("vehicles", "properties", "businesses")}
    paid, earned = (pensions(ctx) if ctx.has("pensions") else {}), (wages(ctx) if ctx.has("wages") else {})
    c04, counted = ctx.specs["C04"].params, vehicles_counted(ctx)
    c03 = ctx.specs["C03"].params
    touched = set(paid) | set(earned)
    for by_member in found.values():
        touched |= set(by_member)
    touched_households = {ctx.value(m, "household") for m in touched}
    rows = {k: linked_rows(ctx, k) for k in ("vehicles", "properties", "businesses", "pensions", "wages")}
    for hh, idxs in households(ctx).items():
        if hh not in touched_households:
            continue
        sig: list[Signal] = []
        owned: list = []
        for m in idxs:
            if m not in touched:
                continue  # (no list row, pension or wage of hers)
            name = ctx.value(m, "name")
            for h in found["vehicles"].get(m, []):
                row = rows["vehicles"][h.r]
                if counted(row):  # (a copy of the record saying it gone: a 低 lead, as C04's)
                    sig.append(Signal(VEHICLE, m, partial(_vehicle_words, ctx, name, row, h),
                                      LOW if gone_copy(ctx, "vehicles", m, row) else h.confidence))
            for h in found["properties"].get(m, []):
                row = rows["properties"][h.r]
                kind = property_kind(row, c04)
                if kind == "commercial":
                    sig.append(Signal(SHOP, m, partial(_property_words, ctx, name, row, h), h.confidence))
                elif kind == "home":
                    owned.append((row, h.r, Signal(HOMES, m, partial(_property_words, ctx, name, row, h), h.confidence)))
            for h in found["businesses"].get(m, []):
                row = rows["businesses"][h.r]
                # (in operation by the list's bulk code only, said in its words: at most 中 as C05's, which C09's and
                # C10's leads are anyway, h395)
                if business_running(ctx, row):
                    sig.append(Signal(BUSINESS, m, partial(_business_words, ctx, name, row, h),
                                      LOW if gone_copy(ctx, "businesses", m, row) else h.confidence))
            for h in paid.get(m, []):
                row = rows["pensions"][h.r]
                sig.append(Signal(PENSION, m, partial(_pension_words, ctx, name, row, h, c03), h.confidence,
                                  float(row["amount"])))
            if m in earned:
                w = earned[m]
                sig.append(Signal(WAGES, m, partial(_wage_words, ctx, name, [rows["wages"][r] for r in w.rows], w),
                                  w.confidence, w.average))
        homes = one_per_home(owned) if len(owned) >= int(c04["min_homes"]) else {}  # (no grouping makes more homes)
        if len(homes) >= int(c04["min_homes"]):
            both = list(homes.values())
            gone = gone_homes(ctx, idxs)  # (a home another row has sold or transferred: a 低 signal, as C04's)
            doubted = sum(1 for k in homes if k in gone)
            sig.append(Signal(HOMES, both[0].member, partial(_homes_words, homes, int(c04["min_homes"])),
                              LOW if doubted and len(homes) - doubted < int(c04["min_homes"])
                              else weakest([s.confidence for s in both])))
        if sig:
            out[hh] = sig
    ctx.cache["signals"] = out
    return out


def _vehicle_words(ctx: Context, name: str, row: dict, h: Hit) -> tuple[str, str]:
    """A vehicle signal's text and identity (its plate and type)."""
    what = text_of(vehicle_shown(row), "vehicle_type") or "机动车"  # a code with its meaning
    gone = "（同一号牌另有一行已不在本人名下，两行必有一误）" if gone_copy(ctx, "vehicles", h.member, row) else ""
    return (f"{name} 名下{what}{_at(ctx, 'vehicles', row)}{_via(h)}{gone}",
            f"{fact_text(row.get('plate'))}/{text_of(meant(row, _TYPE), 'vehicle_type')}")


def _property_words(ctx: Context, name: str, row: dict, h: Hit) -> tuple[str, str]:
    """A shop's or a home's text and identity (:func:`_econ.home_key`)."""
    # held with others (共有, 份额 20%): said as C04 says it (held-out 258: C09's 住宅 2 套 left out a 20% share)
    shared = shared_text(row, ctx.specs["C04"].params) if "C04" in ctx.specs else ""
    return (f"{name} 名下{text_of(property_shown(row), 'usage') or '房产'}{f'（{shared}）' if shared else ''}"
            f"{_at(ctx, 'properties', row)}{_via(h)}", home_key(row, h.r))


def _homes_words(homes: dict[str, Signal], least: int) -> tuple[str, str]:
    """The text of a household's homes counted together, and their keys."""
    both = list(homes.values())
    return (f"住宅 {len(both)} 套（达到 {least} 套）：" + "；".join(s.text for s in both), "、".join(sorted(homes)))


def _business_words(ctx: Context, name: str, row: dict, h: Hit) -> tuple[str, str]:
    """A business's text and identity (its name)."""
    what = text_of(row, "entity") or "市场主体"
    bulk = f"（{bulk_business_note(ctx)}）" if business_running(ctx, row) == BULK_CODE_READ else ""
    gone = "（同一市场主体另有一行已注销或吊销，两行必有一误）" if gone_copy(ctx, "businesses", h.member, row) else ""
    return f"{name} 经营{what}{bulk}{_at(ctx, 'businesses', row)}{_via(h)}{gone}", text_of(row, "entity")


def _pension_words(ctx: Context, name: str, row: dict, h: Hit, c03: dict) -> tuple[str, str]:
    """A pension's text and identity (the pensioner and the 险种 as what it means)."""
    later = pension_ended_later(row, c03, ctx.as_of)  # (终止 beside a 待遇终止年月 after the review date)
    return (f"{name} {pension_kind(row, c03, shown=True) or '养老金'} {money_text(float(row['amount']))} 元/月"
            f"{'（' + later + '）' if later else ''}{_at(ctx, 'pensions', row)}{_via(h)}",
            f"{_person(ctx, h.member)}/{text_of(pension_meaning(row), 'insurance')}")


def _wage_words(ctx: Context, name: str, used: list[dict], w: Wage) -> tuple[str, str]:
    """A wage's text and identity (the earner and the employers)."""
    employers = "、".join(sorted({text_of(row, "employer").strip() for row in used} - {""}))
    # … with the months averaged (held-out 205: a job left nine months ago read as a current wage)
    at = _at(ctx, "wages", *used, said=w.period)
    return f"{name} 工资月均 {money_text(w.average)} 元{at}{_via(w)}", f"{_person(ctx, w.member)}/{employers}"


def _via(hit) -> str:
    """A signal found through a damaged ID says how it was matched ('（按姓名+身份证号前15位匹配）'); '' for an exact one."""
    return "" if hit.confidence == HIGH else f"（按{hit.key}匹配）"


def _lowered(cap: str, signals: list[Signal]) -> str:
    """A lead's confidence: the cap, one step lower when a signal was matched through a damaged ID (not exactly)."""
    return LOW if cap == LOW or any(s.confidence != HIGH for s in signals) else cap


def _person(ctx: Context, member: int) -> str:
    """A member's identity in a signal: the ID, else the name."""
    return fact_text(ctx.value(member, "id")) or fact_text(ctx.value(member, "name_key"))


def _facts(signals: list[Signal], *decisive: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """A C09/C10 finding's facts: what the roster says (when it decides) and each signal's kind and identity."""
    return (("list", "roster"), *decisive, *((s.kind, s.ident) for s in signals))


def _at(ctx: Context, kind: str, *rows, said: str = "") -> str:
    """Where a signal's rows are: '（《养老金发放名单（x.xlsx）》第 2、5 行）', after what the rows are of when said (a wage
    average's months, '2026-08、2026-09，共 2 个月；')."""
    numbers = "、".join(str(n) for n in sorted({int(row["_row"]) for row in rows}))
    return f"（{said + '；' if said else ''}《{ctx.labels[kind]}》第 {numbers} 行）"


def _own_incomes(signals: list[Signal], minimum: float) -> list[Signal]:
    """The income signals (pensions, wages) of the members whose own income reaches the minimum: small amounts of
    several members are not added up (held-out 246: two 城乡居民 basic pensions, 160 + 147 元, were a C09 lead of a
    household declaring 0, while C09's text sets small basic pensions aside and C10 judges each member's own)."""
    own: dict[int, float] = {}
    for s in signals:
        if s.kind in (PENSION, WAGES):
            own[s.member] = own.get(s.member, 0.0) + s.amount
    return [s for s in signals if s.kind in (PENSION, WAGES) and own[s.member] >= minimum]


@rule("C09")
def undeclared(ctx: Context) -> list[Finding]:
    """Flag households whose roster declares no income or no assets while matching finds some.

    Args:
        ctx: the audit context.
    Returns:
        One finding per household and contradiction (income, assets), on the member concerned.
    """
    params = ctx.specs["C09"].params
    minimum = float(params["min_monthly_income"])
    all_idxs = households(ctx)
    out: list[Finding] = []
    for hh, signals in household_signals(ctx).items():
        idxs = all_idxs[hh]
        incomes = _own_incomes(signals, minimum)
        found = sum(s.amount for s in incomes)
        if incomes and roster_declares_income(ctx, idxs):
            declared = declared_income(ctx, idxs)
            if not declared:
                said = "家庭收入为空（未申报）" if declared is None else "家庭收入 0 元"
                conf = _lowered(LOW if declared is None else MEDIUM, incomes)
                text = "；".join(s.text for s in incomes)
                evidence = (f"{members_file(ctx)}申报{said}，比对发现收入合计 {money_text(found)} 元/月（成员本人每月达到 "
                            f"{standard_text(minimum)} 元的计入）：{text}——线索：需核实是否如实申报")
                declared_fact = ("declared_income", "blank" if declared is None else "0")
                out.append(_finding(ctx, "C09", incomes[0].member, evidence, conf, _facts(incomes, declared_fact)))
        assets = [s for s in signals if s.kind in ASSET_KINDS]
        said = _declared_assets(ctx, idxs) if assets else ""
        if said and _says_none(said, params["none_words"]):
            conf = _lowered(MEDIUM, assets)
            evidence = (f"{members_file(ctx)}家庭财产登记为“{said}”，比对发现：{'；'.join(s.text for s in assets)}"
                        "——线索：需核实是否如实申报")
            out.append(_finding(ctx, "C09", assets[0].member, evidence, conf, _facts(assets, ("declared_assets", said))))
    return out


@rule("C10")
def living_standard(ctx: Context) -> list[Finding]:
    """Flag households in which several distinct asset or income signals meet.

    Args:
        ctx: the audit context.
    Returns:
        One finding per household, on its head.
    """
    params = ctx.specs["C10"].params
    minimum = float(params["min_monthly_income"])
    conf_cap = LOW if params["confidence"] == LOW else MEDIUM
    all_idxs = households(ctx)
    out: list[Finding] = []
    for hh, signals in household_signals(ctx).items():
        kept = [s for s in signals if s.kind in ASSET_KINDS]
        for kind in (PENSION, WAGES):  # a member's own income, not a couple's two basic pensions added up (held-out
            # 190: 158 + 168 元 of 城乡居民养老金 were a signal beside a second home, C10 中 for an old couple)
            per: dict[int, float] = {}
            for s in signals:
                if s.kind == kind:
                    per[s.member] = per.get(s.member, 0.0) + s.amount
            kept += [s for s in signals if s.kind == kind and per[s.member] >= minimum]
        kinds = list(dict.fromkeys(s.kind for s in kept))
        if len(kinds) < int(params["min_signals"]):
            continue
        line = f"（成员本人每月达到 {standard_text(minimum)} 元计为信号）"
        parts = [f"{k}{line if k in (PENSION, WAGES) else ''}：" + "；".join(s.text for s in kept if s.kind == k)
                 for k in kinds]
        evidence = (f"同一家庭有 {len(kinds)} 类收入或财产信号（达到 {int(params['min_signals'])} 类即标记）——"
                    + "｜".join(parts) + "——线索：家庭实际生活水平可能明显高于保障标准")
        # (the lead stands at the cap when its exact signals alone are enough: h444, a shop and a business matched
        # exactly beside a car under a number-typed ID were 低)
        exact = [s for s in kept if s.confidence == HIGH]
        conf = _lowered(conf_cap, kept if len(set(s.kind for s in exact)) < int(params["min_signals"]) else exact)
        out.append(_finding(ctx, "C10", head_of(ctx, all_idxs[hh]), evidence, conf, _facts(kept)))
    return out


def _finding(ctx: Context, code: str, member: int, evidence: str, conf: str, facts: tuple) -> Finding:
    row = str(ctx.value(member, "row"))
    side = members_file(ctx)  # (screen: the applications, h327)
    return Finding(code, int(member), evidence, conf, side, row, f"{side}申报信息与各部门名单比对", facts)


def _declared_assets(ctx: Context, idxs: list[int]) -> str:
    """The first member's non-blank 家庭财产 cell of a household ('' when none or no such column)."""
    if "declared-assets" not in ctx.cache:
        column = ctx.members["declared_assets"] if "declared_assets" in ctx.members else []
        ctx.cache["declared-assets"] = {j: str(v).strip() for j, v in enumerate(list(column)) if v and str(v).strip()}
    said = ctx.cache["declared-assets"]
    return next((said[j] for j in idxs if j in said), "")


def _says_none(said: str, words: list[str]) -> bool:
    said = said.replace("没有", "无")
    return any(said == w or said.startswith(w) for w in words) and "有" not in said
