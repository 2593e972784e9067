"""S01: a 特困 applicant who is none of 无劳动能力's people — not old, not a minor, not disabled at the levels set.

Only ``screen`` runs it (``CheckSpec.applicants_only``). The ages and disability levels are [L03]'s, the same 无劳动能力
conditions coverage reads (特困人员认定办法 第六条); the 劳动能力, 健康状况 and 残疾 cells are read as [C08] reads them.
"""

from __future__ import annotations

import pandas as pd

from ..model import APPLICATIONS, LOW, MEDIUM, Context, Finding
from ..normalize.values import text
from ..roster import TEKUN, is_covered, row_place
from . import fact_text, rule
from ._coverage import disabled_by_id, unable_by
from .c08_labour import health_class
from ._econ import has_any
from .d_roster import household_heads

# What an S01 finding says of the applicant (its evidence's head), and the title screen gives it beside the check's own
# (特困申请人不符合无劳动能力条件, where the application says he can work): a blank 劳动能力 is no verdict that he can
# (held-out 286: the 疑点摘要 the meeting reads said 不符合 of an applicant whose ability the application left blank)
TO_CHECK = "需核实劳动能力"
GROUND = "需核实无劳动能力的依据"
TITLES = {TO_CHECK: "特困申请人" + TO_CHECK, GROUND: "特困申请人" + GROUND}


@rule("S01")
def check(ctx: Context) -> list[Finding]:
    """Flag a 特困 applicant of working age whom nothing shows unable to work in the sense of 无劳动能力.

    Args:
        ctx: the screening's context (applicants).
    Returns:
        The findings: 不符合 where the application says the applicant can work, 需核实 where it says nothing of his
        ability (both at ``confidence``), a lead (``claimed_confidence``) where it gives a ground of its own.
    """
    params = ctx.specs["S01"].params
    conf, claimed_conf = (LOW if params[k] == LOW else MEDIUM for k in ("confidence", "claimed_confidence"))
    unable, read = ctx.specs["L03"].params, ctx.specs["C08"].params
    listed = disabled_by_id(ctx)
    m = ctx.members
    out: list[Finding] = []
    # the applicant himself: a 特困 application's other rows (relatives, supporters) apply for nothing
    for j in sorted(household_heads(ctx).values()):
        age = m.at[j, "age"]
        if m.at[j, "programme"] != TEKUN or not is_covered(m.at[j, "covered"]) or age is None or pd.isna(age):
            continue
        age = int(age)
        if age >= int(unable["elderly_age"]) or age < int(unable["minor_age"]):
            continue
        labour, health, disability = (text(m.at[j, c]) for c in ("labour", "health", "disability"))
        on_list = listed.get(m.at[j, "id"])
        if unable_by(on_list, disability, unable):
            continue
        none = not disability or disability in read["no_disability_values"]
        able = (labour.strip() in read["able_values"] or (has_any(labour, read["able_words"])
                                                         and not has_any(labour, read["unable_words"])))
        ill = health_class(health, read) == "unhealthy"
        # a cell no word reads (a system's code 1 with no legend given) says nothing of the ability, as a blank one (held-out
        # 261: 劳动能力 "1" of a healthy 45-year-old was a 低 lead, his household 无疑点)
        unread = bool(labour) and not able and labour.strip() not in read["unable_values"] and not has_any(
            labour, read["unable_words"])
        silent = (not labour or unread) and none and not ill  # nothing said of the ability: the age alone is of working age
        said = [f"{age} 周岁", f"劳动能力“{labour}”未能识别" if unread else "申请名单未写明劳动能力和残疾情况" if silent
                else f"劳动能力“{labour}”" if labour else "",
                f"健康状况“{health}”" if health else "",
                "" if silent else "未登记残疾" if none else f"残疾“{disability}”未达到规定等级"]
        if able and not ill:  # the application says he can work
            head, sure = (f"{ctx.specs['S01'].title}：" if none else f"{TO_CHECK}："), conf
        elif silent:
            head, sure = f"{TO_CHECK}：", conf
        else:  # it gives a ground of its own (丧失劳动能力, 大病, a lighter disability): its basis to be seen, a lead
            head, sure = f"{GROUND}（残疾人证、病情诊断或本省规定）：", claimed_conf
        rule_text = (f"（无劳动能力须年满 {int(unable['elderly_age'])} 周岁或未满 {int(unable['minor_age'])} 周岁，"
                     "或残疾达到规定等级）")
        evidence = head + "，".join(s for s in said if s) + rule_text + f"；{APPLICATIONS}{row_place(m.loc[j])}"
        facts = (("list", "applications"), ("labour", fact_text(labour)), ("health", fact_text(health)),
                 ("disability", fact_text(disability)))
        out.append(Finding("S01", int(j), evidence, sure, APPLICATIONS, str(m.at[j, "row"]),
                           "申请名单身份证号（年龄）、劳动能力、健康、残疾信息", facts))
    return out


def title(evidence: str) -> str | None:
    """The title an S01 finding of this evidence goes by in screen's reports (None: the check's own)."""
    return next((t for head, t in TITLES.items() if evidence.startswith(head)), None)
