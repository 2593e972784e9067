"""C06: the household's wages per person are above its standard."""

from __future__ import annotations

from ..model import MEDIUM, Context, Finding
from . import link_fact, rule
from ._econ import (Wage, above_text, cell, few_months, money_text, self_paid, standard_text, wage_months, wage_rows,
                    wage_sheet, wages, weakest)
from ._household import households, size_of, standard_for


@rule("C06")
def check(ctx: Context) -> list[Finding]:
    """Flag every earner of a household whose average monthly wages per person exceed the standard.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    if not ctx.has("wages"):
        return []
    paid = wages(ctx)
    ref = ctx.lists["wages"]
    label = ctx.labels["wages"]
    listed = wage_months(ctx)
    out: list[Finding] = []
    for idxs in households(ctx).values():
        earners = [paid[j] for j in idxs if j in paid]
        if not earners:
            continue
        total = sum(w.average for w in earners)
        size = size_of(ctx, idxs)
        standard, std_label = standard_for(ctx, idxs, higher_when_unread=True)
        if total / size <= standard:
            continue
        parts = []
        based = {w.member for w in earners if "wage_from_base" in ref.columns and any(ref.at[r, "wage_from_base"] for r in w.rows)}
        for w in earners:
            employers = "、".join(dict.fromkeys(e for e in (cell(ref, r, "employer") for r in w.rows) if e))
            who = f"{ctx.members.at[w.member, 'name']}" + (f"（{employers}）" if employers else "")
            parts.append(f"{who}月均 {money_text(w.average)} 元{_own_months(w, len(listed))}"
                         + ("（实发工资空白，按缴费基数计）" if w.member in based else ""))
        summed = f"，合计 {money_text(total)} 元/月" if len(parts) > 1 else ""
        pay = next((cell(ref, r, "wage_label") for w in earners for r in w.rows), "") if "wage_label" in ref.columns else ""
        period = "；".join(dict.fromkeys(w.period for w in earners))
        calc = (f"{pay or '缴费工资'}（{period}）：{' + '.join(parts)}{summed} ÷ 家庭人口 {size} = "
                f"{above_text(total / size, standard)} 元/人·月 > {std_label} {standard_text(standard)} 元")
        conf = weakest([w.confidence for w in earners] + ([MEDIUM] if based else []))
        few = few_months(ctx, {m for w in earners for m in w.months})
        if few:
            conf = weakest([conf, MEDIUM])
            calc += f"；本户{few}"
        own = {w.member: said for w in earners if (said := self_paid(ctx, ref, w.rows))}
        if own:
            if len(own) == len(earners):
                conf = weakest([conf, MEDIUM])
            calc += "；" + "、".join(f"{ctx.members.at[m, 'name']}的记录为{said}" for m, said in own.items()) + (
                "：按本人自选的缴费基数缴费，不是工资发放记录，请核实实际收入" + ("，置信度至多为“中”" if len(own) == len(earners) else ""))
        for w in earners:
            rows = wage_rows(ref, w.rows)
            evidence = f"《{label}》{wage_sheet(ref, w.rows)}第 {rows} 行：{calc}；{w.key}"
            # Facts: the earner's employers decide (a new employer raises the finding again); wages are left out.
            employers = sorted({cell(ref, r, "employer") for r in w.rows} - {""})
            out.append(Finding("C06", w.member, evidence, conf, label, rows, w.key,
                               (("list", "wages"), link_fact(w.confidence), *(("employer", e) for e in employers))))
    return out


def _own_months(w: Wage, listed: int) -> str:
    """The months a member's average is of, where fewer than the list's: the months with records, their sum, the divisor."""
    if not w.months or len(w.months) >= listed:
        return ""
    return (f"（本人有记录 {len(w.months)} 个月：{'、'.join(w.months)}，合计 {money_text(w.total)} 元，"
            f"按名单 {listed} 个月平均）")
