"""C01: a household member on the staff list (财政供养人员) or the village-cadre list."""

from __future__ import annotations

from ..model import Context, Finding
from . import links, rule, values, where

_FIELDS = {
    "staff": {"unit": "工作单位", "category": "人员类别", "post": "职务"},
    "cadres": {"township": "乡镇", "village": "村", "post": "职务"},
}


@rule("C01")
def check(ctx: Context) -> list[Finding]:
    """Flag members found on the staff or cadre list.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    excluded = tuple(ctx.specs["C01"].params.get("exclude_categories", []))
    out: list[Finding] = []
    for kind in ("staff", "cadres"):
        if not ctx.has(kind):
            continue
        ref = ctx.lists[kind]
        for m, r, conf, key in links(ctx, kind).itertuples(index=False):
            row = ref.loc[r]
            if kind == "staff" and excluded and any(w in str(row.get("category", "")) for w in excluded):
                continue
            detail = values(row, _FIELDS[kind])
            evidence = f"{where(ctx, kind, row)}：{row['name']}，{detail}；{key}"
            out.append(Finding("C01", m, evidence, conf, ctx.labels[kind], str(int(row["_row"])), key))
    return out
