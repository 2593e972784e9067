"""C03: a member receives a pension and the household's income per person is above its standard."""

from __future__ import annotations

import datetime as dt

from ..model import HIGH, MEDIUM, Context, Finding, members_file
from . import record_facts, rule, where
from ._econ import (
    above_text, linked_rows, money_text, pension_ended_later, pension_kind, pension_meaning, pensions, standard_text, text_of,
    wages, weakest,
)
from ._household import declared_income, households, size_of, standard_for


# C03, C09 and C10 all read the pensions in payment (_econ.pensions, about a second of a city's run): their checks run in
# one process (audit._by_module), which works them out once.
PROCESS = "pensions"


@rule("C03")
def check(ctx: Context) -> list[Finding]:
    """Flag households with a pension in payment whose monthly income per person exceeds the standard.

    Income = pensions in payment of all members + declared income (when the roster has it and
    ``add_declared_income``) + average monthly wages (when the wages list is given and ``add_wages``),
    divided by the household size; one finding per pensioner.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    params = ctx.specs["C03"].params
    if not ctx.has("pensions"):
        return []
    paid, unread = pensions(ctx), pensions(ctx, unread=True)
    paid_wages = wages(ctx) if ctx.has("wages") and params["add_wages"] else {}
    out: list[Finding] = []
    # (a household none of whose members has a pension has no finding)
    pensioned = {ctx.value(j, "household") for j in set(paid) | set(unread)}
    for hh, idxs in households(ctx).items():
        if hh not in pensioned:
            continue
        found = _household(ctx, params, idxs, paid, paid_wages)
        if not found and any(j in unread for j in idxs):  # only pensions of a status not read: a 低 lead
            found = _household(ctx, params, idxs, {j: paid.get(j, []) + unread.get(j, []) for j in idxs}, paid_wages)
        out += found
    return out


def _household(ctx: Context, params: dict, idxs: list[int], paid: dict, paid_wages: dict) -> list[Finding]:
    """One finding per pensioner of a household whose income per person is above its standard (else none)."""
    rows = linked_rows(ctx, "pensions")
    out: list[Finding] = []
    pensioners = [j for j in idxs if paid.get(j)]
    if not pensioners:
        return []
    total = 0.0
    for j in pensioners:
        for h in paid[j]:
            total += float(rows[h.r]["amount"])
    declared = declared_income(ctx, idxs, bool(params["declared_income_annual"])) if params["add_declared_income"] else None
    earners = {j: paid_wages[j] for j in idxs if j in paid_wages}
    if earners:
        total += sum(w.average for w in earners.values())
    found = total  # (what the lists say, before the roster's declared income)
    amounts = [float(rows[h.r]["amount"]) for j in pensioners for h in paid[j]]
    # a declared income equal to the pension (or to all found) is that income declared, not more of it (h461: a pension
    # of 400 declared as the household's 400 was 800 > 516, C03 高)
    included = bool(declared) and any(abs(declared - a) < 0.5 for a in (*amounts, found))
    if declared and not included:
        total += declared
    size = size_of(ctx, idxs)
    per_person = total / size
    standard, label = standard_for(ctx, idxs, higher_when_unread=True)
    if per_person <= standard:
        return []
    # above only when the declared income is added to what the lists found: whether it already counts them is unknown
    hinges = bool(declared) and not included and max(declared, found) / size <= standard
    # the evidence, written for a household above its standard only (about half of those with a pension are not)
    parts, confs = [], []
    weak, sure = [], 0.0  # the parts linked below 高 (named in the evidence), and the total of the others
    for j in pensioners:
        for h in paid[j]:
            amount = float(rows[h.r]["amount"])
            confs.append(h.confidence)
            kind = pension_kind(rows[h.r], params) or "养老金"
            month = text_of(rows[h.r], "month")[:7]  # the month whose row was used (the latest in payment)
            start = rows[h.r].get("start")
            if not month and isinstance(start, dt.date):  # a 待遇开始年月 is no month paid (held-out 198)
                month = f"{start:%Y-%m} 开始领取"
            later = pension_ended_later(rows[h.r], params, ctx.as_of)  # (终止 beside a 待遇终止年月 after the review date)
            column = text_of(rows[h.r], "amount_label")  # (the column it was read from)
            # a 年发放金额 as written, then its month's share (held-out 312: "年发放金额 260.00 元/月" of 3,120 ÷ 12)
            per = int(rows[h.r].get("amount_divisor") or 1)
            shown = (f"{money_text(amount * per)} 元 ÷ {per} = {money_text(amount)} 元/月" if per > 1
                     else f"{money_text(amount)} 元/月")
            parts.append(f"{ctx.value(j, 'name')}（{kind}{'，' + month if month else ''}）{column + ' ' if column else ''}"
                         f"{shown}"
                         + (f"（{later}）" if later else ""))
            if h.confidence == HIGH:
                sure += amount
            elif h.confidence == MEDIUM:  # (a 低 pension's unread status is said with its key below)
                weak.append(f"{ctx.value(j, 'name')}的{kind}（{h.key}）")
    text, components = "养老金 " + " + ".join(parts), len(parts)
    if declared and not included:
        sure += declared
        text += f"；{members_file(ctx)}申报收入 {money_text(declared)} 元/月"
        components += 1
    if earners:
        wage_total = sum(w.average for w in earners.values())
        confs += [w.confidence for w in earners.values()]
        sure += sum(w.average for w in earners.values() if w.confidence == HIGH)
        weak += [f"{ctx.value(j, 'name')}的工资（{w.key}）" for j, w in earners.items() if w.confidence == MEDIUM]
        text += f"；工资月均 {money_text(wage_total)} 元（{'；'.join(dict.fromkeys(w.period for w in earners.values()))}）"
        components += 1
    summed = f"，合计 {money_text(total)} 元/月" if components > 1 else ""
    calc = (f"{text}{summed} ÷ 家庭人口 {size} = {above_text(per_person, standard)} 元/人·月 > "
            f"{label} {standard_text(standard)} 元")
    # the parts linked exactly are above the standard by themselves: the weaker links decide nothing
    conf = HIGH if sure / size > standard and HIGH in confs else weakest(confs)
    if weak:
        calc += "；其中" + "、".join(weak) + ("，不计这些也超过标准" if conf == HIGH else "，请核实")
    if included:
        calc += f"（{members_file(ctx)}申报收入 {money_text(declared)} 元/月与比对所得收入相同，视为已含，未重复计入）"
    if hinges:  # (at most 中: a declared income that already counts the pension would leave the household below)
        conf = weakest([conf, MEDIUM])
        calc += (f"；申报收入如已包含上述养老金{'和工资' if earners else ''}，则家庭收入为 "
                 f"{money_text(max(declared, found))} 元/月，未超过标准，请核实申报收入的构成")
    for j in pensioners:
        h = paid[j][0]
        row = rows[h.r]
        # (a key the calculation names already, for a weakly linked part, is not said twice)
        evidence = f"{where(ctx, 'pensions', row)}：{calc}" + (f"；{h.key}" if f"（{h.key}）" not in calc else "")
        own = HIGH if any(x.confidence == HIGH for x in paid[j]) else weakest([x.confidence for x in paid[j]])
        # Facts: the pension's type decides (a 险种 code as its meaning); its amount rises every year and is left out.
        out.append(Finding("C03", j, evidence, weakest([conf, own]), ctx.labels["pensions"], str(int(row["_row"])), h.key,
                           record_facts("pensions", pension_meaning(row), ("insurance",), h.confidence)))
    return out
