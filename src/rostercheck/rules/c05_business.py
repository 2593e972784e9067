"""C05: an active business run by a member that employs others."""

from __future__ import annotations

from ..model import Context, Finding
from . import record_facts, rule, values, where
from ._econ import BUSINESS_LABELS, business_active, employs_others, hits, linked_rows



@rule("C05")
def check(ctx: Context) -> list[Finding]:
    """Flag members running an active business whose 从业人数 (operator included) reaches the minimum.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    params = ctx.specs["C05"].params
    if not ctx.has("businesses"):
        return []
    ref = linked_rows(ctx, "businesses")
    out: list[Finding] = []
    for m, rows in hits(ctx, "businesses").items():
        for h in rows:
            row = ref[h.r]
            if not (business_active(row, params) and employs_others(row, params)):
                continue
            # Facts: the business (its name) decides; its 从业人数 moves and is left out.
            evidence = (f"{where(ctx, 'businesses', row)}：{row['name']} 经营在业市场主体并雇用他人（从业人数含经营者本人，"
                        f"达到 {int(params['min_employees'])} 人即视为雇工），{values(row, BUSINESS_LABELS)}；{h.key}")
            out.append(Finding("C05", m, evidence, h.confidence, ctx.labels["businesses"], str(int(row["_row"])),
                               h.key, record_facts("businesses", row, ("entity",), h.confidence)))
    return out
