"""C01: a household member on the staff list (财政供养人员) or the village-cadre list, or their close family.

Close family (spouse, parents, minor children) counts when it receives benefits in another household:
found through the registry (same 户号, 置信度 中 at best) or the filing table (declared relatives).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..kinship import (CHILD, CLOSE, SPOUSE, declared_spouses, filing_cadres, filing_links, kin_label, member_sex, member_values,
                       relative_of,
                       official_households, records, registry_kin, role)
from ..io.columns import OFF_POST
from ..model import HIGH, LOW, MEDIUM, Context, Finding, enjoys
from ..normalize.codes import UNKNOWN, classify, counted, has_word, person_status, relation as decoded_relation
from ..normalize.values import text
from . import dead_on_lists, link_fact, links, person_identity, record_facts, rule, values, where
from ._econ import (BARE_CODE, begins_after, bulk_code, dated, end_label, ended_after, ended_before, ended_later_text,
                    hits, lean_code, note_later, staff_shown, status_counts, weakest)

_FIELDS = {
    "staff": {"unit": "工作单位", "category": "人员类别", "post": "职务", "status": "人员状态"},
    "cadres": {"township": "乡镇", "village": "村", "post": "职务", "status": "人员状态"},
}
_WHO = {"staff": "财政供养人员", "cadres": "村(居)干部"}
# Facts (suppression): a staff member's employer, a cadre's township and village decide the finding; a
# relative's finding is decided by which official (ID, else name) and which tie. Posts and ages are not.
_DECISIVE = {"staff": ("unit",), "cadres": ("township", "village")}
MINOR_AGE = 18


@rule("C01")
def check(ctx: Context) -> list[Finding]:
    """Flag members found on the staff or cadre list, and officials' close family in other households.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    excluded = excluded_categories(ctx)
    out: list[Finding] = []
    for kind in ("staff", "cadres"):
        if not ctx.has(kind):
            continue
        found = links(ctx, kind)
        rows = records(ctx.lists[kind], found["r"])
        note_later(ctx, kind, sum(begins_after(row, ctx.as_of) for row in rows.values()))
        for m, r, conf, key in found.itertuples(index=False):
            row = rows[r]
            if not in_post(ctx, kind, row):
                continue  # (the person himself on the roster and dead: C02 says so, and C01 as before)
            detail = values(_shown(kind, row), _fields(kind, row))
            later = left_later(ctx, kind, row)
            detail += f"（{later}）" if later else ""
            if copy := left_copy(ctx, kind, row, [rows[h.r] for h in hits(ctx, kind).get(m, []) if h.r != r]):
                detail, conf = detail + f"；{copy}", LOW
            if kind == "staff" and (code := category_unread(row)):
                detail, conf = detail + f"（{CATEGORY_UNREAD.format(code)}）", MEDIUM if conf == HIGH else conf
            doubt, cap = status_doubt(ctx, kind, row)
            if doubt:
                detail, conf = detail + f"（{doubt}）", weakest([conf, cap])
            if unread := _end_unread(row):  # an end written as a date but not read: he may have left (h461)
                detail += f"（{end_label(row, _DATES[kind][1])}“{unread}”无法识别，请核实核查日期是否仍在职在任）"
                conf = MEDIUM if conf == HIGH else conf
            if off := _off_post(ctx, row):
                detail, conf = detail + f"（{off}）", weakest([conf, _params(ctx).get("off_post_confidence", MEDIUM)])
            evidence = f"{where(ctx, kind, row)}：{'，'.join(x for x in (row['name'], detail) if x)}；{key}"
            out.append(Finding("C01", m, evidence, conf, ctx.labels[kind], str(int(row["_row"])), key,
                               record_facts(kind, row, _DECISIVE[kind], conf)))
        family = _registry_family(ctx, kind, excluded) if ctx.has("registry") else []
        out += _with_declared_spouses(ctx, family, _declared_spouses(ctx, kind, excluded))
    if ctx.has("cadre_relatives"):
        filed = _filed_family(ctx)
        # a filed relative whom the registry also puts in the cadre's household: one finding, the filing's
        same = {(f.member, dict(f.facts)["cadre"]): f for f in filed}
        kept = []
        for f in out:
            facts = dict(f.facts)
            twin = same.get((f.member, facts.get("official"))) if facts.get("official_list") else None
            if twin is None:
                kept.append(f)
            else:
                twin.evidence += (f"；户籍信息亦显示与其{f.key}" if facts.get("list") == "registry"
                                  else f"；《{f.source}》亦登记其为该干部的配偶")
        out = kept + filed
    return out


def left_copy(ctx: Context, kind: str, row: dict, others: list[dict]) -> str:
    """What another row of the same person and the same post (staff: the 工作单位; cadres: the village and 职务) says
    when it has him gone from it (离职, 离任 …) by the review date, or undated: this row in post is then an older
    snapshot, or one of the two is wrong (h442: a list joined from two extracts kept a 在职 row beside the 离职 row dated
    2026-03-31, and a 在任 row beside the 离任 row, C01 高); '' when none. A row of another post (a move, a promotion)
    does not count.

    Args:
        ctx: the audit context.
        kind: 'staff' or 'cadres'.
        row: the row found in post.
        others: the person's other rows of the list.
    Returns:
        The words for the evidence.
    """
    fields = ("unit",) if kind == "staff" else ("village", "post")
    mine = [_post_text(row.get(f)) for f in fields]
    for other in others:
        if in_post(ctx, kind, other) or ended_after(other, ctx.as_of):
            continue
        theirs = [_post_text(other.get(f)) for f in fields]
        if any(a and b and a != b for a, b in zip(mine, theirs)):
            continue  # (another post: he left that one)
        status = text(other.get("status"))
        end = other.get("end")
        dated_end = f"{end_label(other, _DATES[kind][1])} {end.isoformat()}" if hasattr(end, "isoformat") else ""
        said = "，".join(x for x in (f"人员状态 {status}" if status else "", dated_end) if x)
        return (f"同一人第 {int(other['_row'])} 行{f'为{said}' if said else '已不在职'}，与本行不一致，两行必有一误，"
                f"请核实核查日期是否仍在职在任")
    return ""


def _off_post(ctx: Context, row) -> str:
    """A staff row's 离岗日期 by the review date, or a 人员状态 holding an [C01] off_post_words word (离岗退养), as words for
    the evidence, else '': off the post, perhaps still on the staff and paid (离岗退养, 离岗创业) or perhaps gone (h493: a
    member off his post since February was C01 高 with the column unread; a status 离岗退养 was read as in post, 高)."""
    day = row.get(OFF_POST)
    status = text(row.get("status"))
    if isinstance(day, dt.date) and day <= ctx.as_of:
        said = f"离岗日期 {day.isoformat()}"
    elif status and any(w in status for w in _params(ctx).get("off_post_words", ())):
        said = f"人员状态“{status}”"
    else:
        return ""
    return f"{said}：已离岗，离岗退养、离岗创业等仍在编领取工资，离职的则已不是职工，请核实核查日期是否仍在职"


def _end_unread(row) -> str:
    """A staff or cadre row's end (离任日期, a 任职起止时间's second half) written with digits but not read as a date
    ('2025年底', '25.6'), else '' (a blank, 在任 or 至今 is no end)."""
    written = text(row.get("end_text"))
    return written if written and re.search(r"\d", written) and not isinstance(row.get("end"), dt.date) else ""


def _post_text(value: object) -> str:
    """A unit, village or post as compared across rows of one person (spaces and the 会 of 村委会委员 ignored)."""
    return re.sub(r"\s|会", "", unicodedata.normalize("NFKC", text(value)))


def _clerk(post: object, ctx: Context) -> bool:
    """Whether a cadre list's 职务 names a clerk (民政协理员, 经办人员), not one of the 三职干部 whose family C01 covers."""
    return any(w in str(post or "") for w in ctx.specs["C01"].params.get("not_cadre_posts", []))


def _fields(kind: str, row) -> dict[str, str]:
    """The fields a staff or cadre row is shown by: a 是否在任 column's 是 shown as such, not as a 人员状态 (held-out 193:
    "人员状态 是"); the post's dates the review date was judged by (held-out 223)."""
    fields = dated(_FIELDS[kind], row, *_DATES[kind])
    return {**fields, "status": "是否在任"} if text(row.get("status")) in _IN_POST_ANSWERS else fields


_DATES = {"staff": ("入职日期", "离职日期"), "cadres": ("任职日期", "离任日期")}  # (as a list without headers names them)


def _shown(kind: str, row):
    """A staff row with its 人员类别 code's meaning (GB/T 2261.4), for the evidence; other rows as they are."""
    return staff_shown(row) if kind == "staff" else row


def in_post(ctx: Context, kind: str, row: dict) -> bool:
    """Whether a staff or cadre list's row has the person in the post on the review date (C01; C08 counts him working).

    Args:
        ctx: the audit context.
        kind: "staff" or "cadres".
        row: the list's row.
    Returns:
        False for a staff row of an excluded 人员类别 (退休) or a row saying he left, else True.
    """
    return not ((kind == "staff" and _excluded(row, excluded_categories(ctx))) or has_left(row, ctx, dead=False))


def excluded_categories(ctx: Context) -> tuple:
    """The words of a staff row's 人员类别 that keep it from C01: [C01] exclude_categories (退休), and the left_words naming a
    departure (离职, 辞职, 调出: held-out 345, a code table's 4 离职 read into the column, the person C01 高), not those
    negating a post (非在编, 不在岗: a category of staff working without an establishment post)."""
    params = ctx.specs["C01"].params if "C01" in ctx.specs else {}
    return (*params.get("exclude_categories", []),
            *(w for w in params.get("left_words", []) if not w.startswith(_NEGATIONS)))


# The beginnings of the left_words that negate a post rather than name a departure (不在职, 非在编, 未在岗, 已不在)
_NEGATIONS = ("不", "非", "未", "已不")


def category_unread(row) -> str:
    """A staff row's 人员类别 when it is a bare code no table reads (a bureau's own 04, 06: not GB/T 2261.4's 80 退（离）休
    人员), else '': whether the person is in post (退休, 公益性岗位 are not) is then unknown (held-out 296: 04 退休 and 06
    公益性岗位, explained only in a 代码表 file beside the list, were C01 and C07 高)."""
    category = _category(row)
    return category if category.isdigit() and not person_status(category).name else ""


# said beside a staff row whose 人员类别 is such a code (C01, C07: at most 中)
CATEGORY_UNREAD = "人员类别“{}”是代码、含义不明：是否在职（退休、公益性岗位等不计）请核实，可在配置文件 [C01] exclude_categories 中写明不计的代码"


def _excluded(row: dict, excluded: tuple) -> bool:
    """Whether a staff row's 人员类别 is excluded: holds one of the words, or is one of the codes (a word of digits is a
    whole-cell code, GB/T 2261.4's 80 退（离）休人员)."""
    category = _category(row)
    return any(has_word(category, w) for w in excluded)


def _category(row) -> str:
    """A staff row's 人员类别 cell, NFKC-folded and stripped."""
    return unicodedata.normalize("NFKC", str(row.get("category", "") or "")).strip()


# A 是否在任 (是否在职) column's whole cells.
_IN_POST_ANSWERS = {"否": "left", "是": "in_post"}


def status_doubt(ctx: Context, kind: str, row) -> tuple[str, str]:
    """The note for a staff or cadre row whose 人员状态 is a bare code no word reads, and the confidence it caps the
    finding at: ('', '') for a read status, or the list's bulk code (:func:`_econ.bulk_code`: most of the list's
    statuses, its serving people).

    Another code than the bulk is a lead only, 低 (h389: a retired official and a former 村委会主任, "2" beside 34 and 3
    "1", were C01 高). A list without a bulk (under five statuses, or none holding two thirds) tells less: the code
    more than half of its statuses hold (:func:`_econ.lean_code`) is likely the serving people's, 中 at most; any other
    code (a '2' beside two '1', each of a '1' and a '2') 低 (h395: a 村委会主任 "2" on a cadre list of two was C01 高).

    Args:
        ctx: the audit context.
        kind: 'staff' or 'cadres'.
        row: the list row.
    Returns:
        (the note, LOW or MEDIUM), or ('', '').
    """
    status = text(row.get("status"))
    if not BARE_CODE.fullmatch(status) or post_status(status, _params(ctx)) != UNKNOWN:
        return "", ""
    decide = lambda value: post_status(value, _params(ctx))  # noqa: E731
    bulk = bulk_code(ctx, kind, "status", decide)
    if status == bulk:
        return "", ""
    told = "可在配置文件 [C01] left_words 或 in_post_words 中" + STATUS_UNREAD_END[:-1]
    if bulk:
        return (f"人员状态“{status}”是代码、含义不明，与名单中多数人的“{bulk}”不同，可能已不在职（退休、离任等），请核实；"
                + told), LOW
    counts = status_counts(ctx, kind, "status")
    said = f"名单共 {sum(counts.values())} 人填有人员状态（{counted(counts, '人')}）"
    if status == lean_code(ctx, kind, "status", decide):
        return (f"人员状态“{status}”是代码、含义不明；{said}，多数人是这一代码，但人数少或占比不高，不能确定是否在职，"
                f"请核实；{told}；" + STATUS_LEAN_END[:-1]), MEDIUM
    return (f"人员状态“{status}”是代码、含义不明；{said}，看不出哪个代码是在职，可能已不在职（退休、离任等），请核实；"
            + told), LOW


def status_unread(ctx: Context, kind: str, row) -> str:
    """:func:`status_doubt`'s note alone ('' for none)."""
    return status_doubt(ctx, kind, row)[0]


STATUS_UNREAD_END = "写明该代码）"  # how a reason ending in :func:`status_unread`'s note (in brackets) ends (C07)
STATUS_LEAN_END = "暂按在职计）"  # … and one whose code is a small list's lean (:func:`_econ.lean_code`), 中 at most


def _params(ctx: Context) -> dict:
    return ctx.specs["C01"].params if "C01" in ctx.specs else {}


def post_status(value: object, params: dict) -> str:
    """A staff or cadre row's 人员状态 read: 'left' (辞职, 调出, 不在职 …: [C01] left_words, tried first; a 是否在任 column's
    否), 'in_post' (in_post_words; 是), '' for a blank cell, ``codes.UNKNOWN`` for a value no word reads."""
    return _IN_POST_ANSWERS.get(text(value)) or classify(value, (("left", params.get("left_words", ())),
                                                                 ("in_post", params.get("in_post_words", ()))))


def has_left(row: dict, ctx: Context, dead: bool = True) -> bool:
    """Whether a staff or cadre row says the person does not hold the post on the review date: its 人员状态
    (:func:`post_status`), or a 任职结束日期 (离任时间 …) before the review date (held-out 152: a system export's 任职起止日期,
    no status), or a 任职日期 (入职日期 …) after it (held-out 223: not yet in the post), or (``dead``) the deaths list or the
    registry's 人员状态 has him dead (held-out 181: his son tied to his phone, RQ3)."""
    if ended_before(row, ctx.as_of) or begins_after(row, ctx.as_of):
        return True
    if dead and row.get("id") and row.get("id") in dead_on_lists(ctx):
        return True
    if _FORMER_POST.match(str(row.get("post") or "").strip()):  # 原村委会主任: the list says he held it (held-out 193)
        return True
    return _status_left(row, ctx) and not ended_after(row, ctx.as_of)  # (the day he left decides: :func:`left_later`)


def _status_left(row: dict, ctx: Context) -> bool:
    """Whether a staff or cadre row's 人员状态 says the person left (:func:`post_status`)."""
    return post_status(row.get("status"), _params(ctx)) == "left"


def left_later(ctx: Context, kind: str, row: dict) -> str:
    """The note for a row whose 人员状态 says the person left (离任, 辞职) while its 离任日期 (离职日期) is after the review date:
    a list exported after the quarter, the post held on the review date (held-out 228), else ''."""
    if not (_status_left(row, ctx) and ended_after(row, ctx.as_of)):
        return ""
    label = _fields(kind, row)["status"]
    return ended_later_text(f"{label} {text(row.get('status'))}", end_label(row, _DATES[kind][1]), row["end"], "仍在任")


# A 职务 the list writes as one held before (原村委会主任, 前任支书, 曾任会计)
_FORMER_POST = re.compile(r"原|前任|曾任")


def filed_cadres_left(ctx: Context) -> set:
    """The filing table's rows whose cadre the cadre list says no longer holds the post (:func:`has_left`)."""
    if not ctx.has("cadres"):
        return set()
    rows = filing_cadres(ctx)["cadre_row"].dropna()
    cadres = records(ctx.lists["cadres"], rows.unique())
    return {f for f, c in rows.items() if has_left(cadres[c], ctx)}


def _close(kin: str, age) -> bool:
    if kin not in CLOSE:
        return False
    if kin != CHILD:
        return True
    return age is not None and age == age and age < MINOR_AGE


def _about(ctx: Context, kind: str, row) -> str:
    """An official's values the list gives (工作单位, 职务 …) and where the row is, without an empty part (h456: a cadre
    list whose 职务 went unread gave "村(居)干部 马生海（，《…》第 9 行）")."""
    return "，".join(x for x in (values(_shown(kind, row), _fields(kind, row)), where(ctx, kind, row)) if x)


def _registry_family(ctx: Context, kind: str, excluded: tuple) -> list[Finding]:
    kin = registry_kin(ctx, kind)
    if kin.empty:
        return []
    homes = official_households(ctx, kind)
    offs, regs = records(ctx.lists[kind], kin["o"]), records(ctx.lists["registry"], kin["r"])
    out = []
    cols = kin[["o", "m", "kin", "label", "household_no", "r", "confidence", "key", "apart", "said"]].itertuples(
        index=False)
    for (o, m, k, label, no, r, conf, key, apart, said), hh, age in zip(cols, member_values(ctx, kin["m"], "household"),
                                                                        member_values(ctx, kin["m"], "age")):
        if not _close(k, age) or hh in homes.get(o, ()):
            continue
        row = offs[o]
        if ((kind == "staff" and _excluded(row, excluded)) or (kind == "cadres" and _clerk(row.get("post"), ctx))
                or has_left(row, ctx)):
            continue
        minor = f"，未成年（{int(age)} 岁）" if k == CHILD else ""
        doubt, cap = status_doubt(ctx, kind, row)
        if doubt:
            conf, minor = weakest([conf, cap]), minor + f"（{doubt}）"
        # (a parent, spouse or child the registry's 父亲/母亲/配偶公民身份号码 columns name lives in a 户 of its own)
        # (the registry's household named as such, apart from the roster's: "与其同户 … 在另一户享受保障" read as one
        # household and another, held-out 224)
        # (the relation as the registry writes it where the official is its 户主, ``registry_kin``; the fact keeps the
        # kinship's word, as saved 核实无问题 lists hold it)
        tie = f"户籍登记为其{said}（本人户口簿户号 {no}）" if apart else f"与其户籍同户（户口簿户号 {no}，关系：{said}）"
        who = f"{_WHO[kind]} {row['name']}（{_about(ctx, kind, row)}）"
        evidence = (f"{relative_of(who, said)}{minor}："
                    f"{tie}，{where(ctx, 'registry', regs[r])}，{_elsewhere(ctx, o in homes)}；{key}")
        out.append(Finding("C01", m, evidence, conf, ctx.labels["registry"], str(int(regs[r]["_row"])),
                           f"户籍登记亲属（户号 {no}）" if apart else f"户籍同户（户号 {no}）",
                           (("list", "registry"), link_fact(conf), ("official_list", kind),
                                                   ("official", person_identity(row)), ("kin", label))))
    return out


def _elsewhere(ctx: Context, official_enjoys: bool) -> str:
    """'在花名册另一户享受保障' when the official is himself a member enjoying it in another household, else '本人在花名册
    享受保障' (held-out 278: a staff member 停保 in his father's household made that household 另一户)."""
    return f"在花名册另一户{enjoys(ctx)}" if official_enjoys else f"本人在花名册{enjoys(ctx)}"


def _declared_spouses(ctx: Context, kind: str, excluded: tuple) -> list[Finding]:
    """Members a staff or cadre list's own 配偶身份证号 column names, in another household than the official's: 中 at
    best, as the registry's 配偶公民身份号码 column (a personnel record is not kept for this, a divorce may stand
    unrecorded), lower as the ID link is (held-out 246: 孔芳萍, a teacher's wife by the 财政 export, not found)."""
    found = declared_spouses(ctx, kind)
    if found.empty:
        return []
    homes = official_households(ctx, kind)
    offs = records(ctx.lists[kind], found["o"])
    out = []
    for (o, m, conf, key), hh in zip(found.itertuples(index=False), member_values(ctx, found["m"], "household")):
        row = offs[o]
        if hh in homes.get(o, ()) or ((kind == "staff" and _excluded(row, excluded))
                                      or (kind == "cadres" and _clerk(row.get("post"), ctx)) or has_left(row, ctx)):
            continue  # (in his household: his own finding says it)
        label = kin_label(SPOUSE, member_sex(ctx, m))
        named = f"（配偶姓名 {row['spouse_name']}）" if text(row.get("spouse_name")) else ""
        conf = weakest([conf, MEDIUM])
        doubt, cap = status_doubt(ctx, kind, row)
        if doubt:
            conf, named = weakest([conf, cap]), named + f"（{doubt}）"
        evidence = (f"{_WHO[kind]} {row['name']}（{_about(ctx, kind, row)}）的"
                    f"{label}：该名单登记的配偶身份证号{named}即保障对象的身份证号，{_elsewhere(ctx, o in homes)}；{key}")
        out.append(Finding("C01", m, evidence, conf, ctx.labels[kind], str(int(row["_row"])), f"名单登记的配偶（{key}）",
                           (("list", kind), link_fact(conf), ("official_list", kind), ("official", person_identity(row)),
                            ("kin", "配偶"))))
    return out


def _with_declared_spouses(ctx: Context, family: list[Finding], spouses: list[Finding]) -> list[Finding]:
    """The registry's family findings and the declared spouses': one finding per member and official, the registry's
    (its fingerprint kept), saying the list names the spouse too."""
    by = {(f.member, dict(f.facts)["official"]): f for f in family}
    out = list(family)
    for f in spouses:
        twin = by.get((f.member, dict(f.facts)["official"]))
        if twin is None:
            out.append(f)
        else:
            twin.evidence += f"；《{f.source}》第 {f.source_row} 行亦登记其为配偶"
    return out


def _filed_family(ctx: Context) -> list[Finding]:
    found = filing_links(ctx)
    if found.empty:
        return []
    homes = official_households(ctx, "cadre_relatives", "cadre_id", "cadre_name_key")
    posts = filing_cadres(ctx)["post"].to_dict()
    fils = records(ctx.lists["cadre_relatives"], found["r"])
    left = filed_cadres_left(ctx)  # a cadre who left office: his relatives no longer a cadre's (held-out 152)
    out = []
    for (m, f, conf, key), hh, age in zip(found.itertuples(index=False), member_values(ctx, found["m"], "household"),
                                          member_values(ctx, found["m"], "age")):
        row = fils[f]
        relation = str(row.get("relation", "") or "")
        k = role(relation)
        if not _close(k, age) or hh in homes.get(f, ()) or _clerk(posts.get(f), ctx) or f in left:
            continue
        cadre = " ".join(x for x in (str(posts.get(f) or ""), str(row.get("cadre_name", "") or "")) if x)
        minor = f"，未成年（{int(age)} 岁）" if k == CHILD else ""
        evidence = f"{where(ctx, 'cadre_relatives', row)}：已备案为 {cadre} 的{decoded_relation(relation).worded}{minor}，{_elsewhere(ctx, f in homes)}；{key}"
        out.append(Finding("C01", m, evidence, conf, ctx.labels["cadre_relatives"], str(int(row["_row"])), key,
                           (("list", "cadre_relatives"), link_fact(conf), ("cadre", person_identity(row, "cadre_")),
                            ("relation", relation))))
    return out
