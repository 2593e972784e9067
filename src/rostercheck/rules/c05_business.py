"""C05: an active business run by a member that employs others."""

from __future__ import annotations

from ..io.columns import FIELD_NAMES
from ..model import Context, Finding
from . import record_facts, rule, values, where
from ._econ import BUSINESS_LABELS, business_active, employs_others, hits, linked_rows, text_of


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
            employs = f"雇用他人（从业人数含经营者本人，达到 {int(params['min_employees'])} 人即视为雇工）"
            if text_of(row, "held_as") == FIELD_NAMES["investor_name"]:  # an investor runs nothing (held-out 169)
                evidence = f"{row['name']} {_investor(row)}；该主体在业并{employs}"
            else:
                evidence = f"{row['name']} 经营在业市场主体并{employs}"
            evidence = f"{where(ctx, 'businesses', row)}：{evidence}，{values(row, BUSINESS_LABELS)}；{h.key}"
            out.append(Finding("C05", m, evidence, h.confidence, ctx.labels["businesses"], str(int(row["_row"])),
                               h.key, record_facts("businesses", row, ("entity",), h.confidence)))
    return out


def _investor(row: dict) -> str:
    """'为该主体投资人（股东），认缴出资 30万元，法定代表人 赵六': what a row names an investor as, with his subscribed capital
    and the 法定代表人 beside him where the list gives them."""
    parts = ["为该主体投资人（股东）"]
    if text_of(row, "subscribed"):
        parts.append(f"认缴出资 {text_of(row, 'subscribed')}{text_of(row, 'subscribed_unit')}")
    if text_of(row, "held_beside"):
        parts.append(f"法定代表人 {text_of(row, 'held_beside')}")
    return "，".join(parts)
