"""S02: an applicant family whose own declared income per person is above the standard it applies under.

Only ``screen`` runs it (``CheckSpec.applicants_only``): an enrolled household's declared income is what it declared
when it was approved; an application's is what it declares now, and 家庭人均收入 below the standard is the condition
of 低保 (and of 特困's 无生活来源) it is judged by.
"""

from __future__ import annotations

from ..model import APPLICATIONS, LOW, MEDIUM, Context, Finding
from ..roster import row_place
from . import rule
from ._econ import money_text, standard_text
from ._household import declared_income, head_of, households, size_of, standard_for


@rule("S02")
def check(ctx: Context) -> list[Finding]:
    """Flag an applicant family whose declared monthly income per person is above its standard.

    Args:
        ctx: the screening's context (applicants).
    Returns:
        One finding per family, on its head, at the configured confidence.
    """
    params = ctx.specs["S02"].params
    conf = LOW if params["confidence"] == LOW else MEDIUM
    annual = bool(ctx.specs["C03"].params["declared_income_annual"])
    out: list[Finding] = []
    for idxs in households(ctx).values():
        declared = declared_income(ctx, idxs, annual)
        if not declared or declared <= 0:
            continue
        size = size_of(ctx, idxs)
        standard, label = standard_for(ctx, idxs, higher_when_unread=True)
        per_person = declared / size
        if per_person <= standard:
            continue
        j = head_of(ctx, idxs)
        m = ctx.members
        evidence = (f"申请名单申报家庭月收入 {money_text(declared)} 元 ÷ 家庭人口 {size} 人 = 人均 {money_text(per_person)} 元，"
                    f"高于{label} {standard_text(standard)} 元；{APPLICATIONS}{row_place(m.loc[j])}")
        facts = (("list", "applications"), ("declared_income", money_text(declared)), ("household_size", str(size)))
        out.append(Finding("S02", int(j), evidence, conf, APPLICATIONS, str(m.at[j, "row"]), "申请名单申报收入", facts))
    return out
