"""C08: a working-age, able-bodied, healthy member who is not a student — a lead for a home visit."""

from __future__ import annotations

from ..io.read import file_name
from ..model import HIGH, LOW, MEDIUM, Context, Finding, members_file
from ..normalize import codes
from ..roster import TEKUN, is_covered, on_sheet
from . import fact_text, rule
from ._econ import business_running, has_any, hits, linked_rows, wages
from .c01_staff import in_post
from .c02_status import dead_members, in_custody


def working_ages(params: dict) -> dict[str, tuple[int, int]]:
    """Return the working-age bounds by sex: a member of working age is at least lower, under upper.

    Args:
        params: the [C08] parameters.
    Returns:
        '男'/'女' → (lower, upper).
    """
    return {sex: (int(params[f"{prefix}_min_age"]), int(params[f"{prefix}_max_age"]))
            for sex, prefix in (("男", "male"), ("女", "female"))}


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
    said_yes = labour.strip() in params["able_values"]  # a 是否有劳动能力 column answered 是
    if not said_yes and (not has_any(labour, params["able_words"]) or has_any(labour, params["unable_words"])):
        return False
    if health_class(health, params) != "healthy":
        return False
    if school_class(school, params) not in ("", "no"):  # a student, or a cell that cannot say
        return False
    return not disability.strip() or disability.strip() in params["no_disability_values"]


def health_class(health: str, params: dict) -> str:
    """'healthy', 'unhealthy', '' (blank) or UNKNOWN for a 健康状况 cell: words, or a GB/T 2261.3 code."""
    cell = health.strip()
    if cell in params["healthy_codes"]:
        return "healthy"
    if cell in params["unhealthy_codes"]:
        return "unhealthy"
    return codes.classify(cell, (("unhealthy", params["unhealthy_words"]), ("healthy", params["healthy_words"])))


def school_class(school: str, params: dict) -> str:
    """'yes' (a student), 'no', '' (blank: not a student) or UNKNOWN for a 在校情况 cell: words, or 是/否, 1/0."""
    flag = codes.yes_no(school)
    if flag is not None:
        return "yes" if flag else "no"
    return codes.classify(school, (("no", params["non_student_words"]), ("yes", params["student_words"])))


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
    # (nor a member C02 finds dead, at 高 or 中: held-out 247, a death matched by a cut ID was also a C08 lead)
    skipped = (_working(ctx) if params["skip_if_working"] else set()) | _in_custody(ctx) | dead_members(ctx)
    mem = ctx.members
    out: list[Finding] = []
    cols = ("sex", "age", "labour", "health", "school", "disability", "row", "covered", "sheet_shown", "file", "programme")
    by_sex = working_ages(params)
    # a minor on the 特困 roster is unable to work by the 特困 rules whatever the 劳动能力 cell says (held-out 424: a
    # 17-year-old orphan written 有劳动能力 was a 中 lead for refusing to work)
    tekun_min = int(params.get("tekun_min_age", 0) or 0)
    source = members_file(ctx)  # (screen: held-out 291 read 花名册《…新申请家庭汇总表.xlsx》)
    for j, sex, age, labour, health, school, disability, row, covered, sheet, file, programme in zip(
            mem.index.tolist(), *(mem[c].tolist() if c in mem.columns else [""] * len(mem) for c in cols)):
        bounds = by_sex.get(sex)
        if (bounds is None or age is None or age != age or not bounds[0] <= int(age) < bounds[1] or j in skipped
                or (programme == TEKUN and int(age) < tekun_min)
                or not is_covered(covered) or not able_bodied(labour, health, school, disability, params)):
            continue
        name = file_name(file)  # which roster (held-out 99: several files, no name)
        evidence = (f"{source}《{name}》{on_sheet(sheet)}第 {row} 行：{sex}，{int(age)} 岁（法定就业年龄为年满 {bounds[0]} 周岁、未满 {bounds[1]} 周岁），"
                    f"劳动能力“{labour}”，健康状况“{_shown(health, '健康')}”，"
                    f"在校情况“{_shown(school, '否') if school else '未填'}”，"
                    f"残疾“{_shown(disability, '无') if disability.strip() else '未登记'}”——线索：需入户核实是否无正当理由拒绝劳动")
        # Facts: the roster's labour, health, school and disability cells decide; the age is left out
        # (it changes every year while nothing else does).
        facts = (("list", "roster"), ("labour", fact_text(labour)), ("health", fact_text(health)),
                 ("school", fact_text(school)), ("disability", fact_text(disability)))
        out.append(Finding("C08", int(j), evidence, conf, source, str(row), f"{source}劳动能力、健康、在校、残疾信息", facts))
    return out


def _shown(cell: str, meaning: str) -> str:
    """A cell the rule read as a code (1, 0, Y …) with what it was read to mean: '1（健康）'; words as written."""
    cell = cell.strip()
    return f"{cell}（{meaning}）" if cell and cell.isascii() and cell != meaning else cell


def _in_custody(ctx: Context) -> set[int]:
    """Members the prisoners list shows in custody on the review date (linked at 高/中, as C02 judges it): no lead for
    refusing to work (held-out 216: six members C02 found in prison were also C08 leads)."""
    if not ctx.has("prisoners"):
        return set()
    ref, c02 = linked_rows(ctx, "prisoners"), ctx.specs["C02"].params
    return {m for m, rows in hits(ctx, "prisoners").items()
            if any(h.confidence in (HIGH, MEDIUM) and in_custody(ref[h.r], ctx.as_of, c02) for h in rows)}


def _working(ctx: Context) -> set[int]:
    """Members the lists show working: wages paid, an active business run, or a post held on the staff or cadre list
    (held-out 204: a 事业编 teacher, C01 高, was also a lead for refusing to work)."""
    busy = set(wages(ctx)) if ctx.has("wages") else set()
    for kind in ("staff", "cadres"):
        if ctx.has(kind):
            ref = linked_rows(ctx, kind)
            busy |= {m for m, rows in hits(ctx, kind).items() if any(in_post(ctx, kind, ref[h.r]) for h in rows)}
    if ctx.has("businesses"):
        ref = linked_rows(ctx, "businesses")
        busy |= {m for m, rows in hits(ctx, "businesses").items() if any(business_running(ctx, ref[h.r]) for h in rows)}
    return busy
