"""C08: a working-age, able-bodied, healthy member who is not a student — a lead for a home visit."""

from __future__ import annotations

from ..model import LOW, MEDIUM, Context, Finding
from . import rule
from ._econ import business_active, has_any, hits, linked_rows, wages

ROSTER = "花名册"


def working_age(sex: str, age: object, params: dict) -> tuple[int, int] | None:
    """Return the working-age bounds for a member, or None when the member is outside them.

    Args:
        sex: '男' or '女'.
        age: age in whole years on the review date (None when unknown).
        params: the [C08] parameters.
    Returns:
        (lower, upper) — at least lower, under upper — when the member is of working age.
    """
    if sex not in ("男", "女") or age is None or age != age:
        return None
    prefix = "male" if sex == "男" else "female"
    lower, upper = int(params[f"{prefix}_min_age"]), int(params[f"{prefix}_max_age"])
    return (lower, upper) if lower <= int(age) < upper else None


def able_bodied(labour: str, health: str, school: str, disability: str, params: dict) -> bool:
    """Return whether roster cells say: able to work, healthy, not a student, no disability.

    Args:
        labour: 劳动能力.
        health: 健康状况.
        school: 在校情况.
        disability: 残疾等级.
        params: the [C08] parameters.
    Returns:
        True when all four hold (blank 劳动能力 or 健康状况 is not enough).
    """
    if not has_any(labour, params["able_words"]) or has_any(labour, params["unable_words"]):
        return False
    if not has_any(health, params["healthy_words"]) or has_any(health, params["unhealthy_words"]):
        return False
    if has_any(school, params["student_words"]) and not has_any(school, params["non_student_words"]):
        return False
    return not disability.strip() or disability.strip() in params["no_disability_values"]


@rule("C08")
def check(ctx: Context) -> list[Finding]:
    """Flag working-age, able-bodied, healthy members who are not students, as leads at 中 at most.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    params = ctx.specs["C08"].params
    conf = LOW if params["confidence"] == LOW else MEDIUM
    working = _working(ctx) if params["skip_if_working"] else set()
    mem = ctx.members
    out: list[Finding] = []
    cols = ("sex", "age", "labour", "health", "school", "disability", "row")
    for j, sex, age, labour, health, school, disability, row in zip(mem.index, *(mem[c] for c in cols)):
        bounds = working_age(sex, age, params)
        if bounds is None or j in working or not able_bodied(labour, health, school, disability, params):
            continue
        evidence = (f"花名册第 {row} 行：{sex}，{int(age)} 岁（法定就业年龄 {bounds[0]}–{bounds[1]} 岁），"
                    f"劳动能力“{labour}”，健康状况“{health}”，在校情况“{school or '未填'}”，"
                    f"残疾“{disability or '未登记'}”——线索：需入户核实是否无正当理由拒绝劳动")
        out.append(Finding("C08", int(j), evidence, conf, ROSTER, str(row), "花名册劳动能力、健康、在校、残疾信息",
                           fingerprint="C08|劳动能力"))
    return out


def _working(ctx: Context) -> set[int]:
    busy = set(wages(ctx)) if ctx.has("wages") else set()
    if ctx.has("businesses"):
        ref, biz = linked_rows(ctx, "businesses"), ctx.specs["C05"].params
        busy |= {m for m, rows in hits(ctx, "businesses").items() if any(business_active(ref[h.r], biz) for h in rows)}
    return busy
