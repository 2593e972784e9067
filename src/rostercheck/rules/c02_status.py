"""C02: member dead, in custody on the review date, or registration moved out of the county."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from collections.abc import Callable, Collection, Mapping
from functools import lru_cache
from operator import itemgetter

from .. import regions
from ..match import weakest
from ..model import CONFIDENCE_ORDER, HIGH, LOW, MEDIUM, Context, Finding
from ..io.columns import FIELD_NAMES, SYSTEM_LABELS
from ..normalize import ids
from ..normalize.codes import UNKNOWN, by_legend
from ..normalize.values import is_error_value
from . import death_after, fact_text, links, record_facts, rule, values, where
from ._econ import BARE_CODE, bulk_code, ended_later_text, hits, linked_rows

INDEFINITE = ("无期", "死刑", "死缓")
# A date cell saying the date is not known (不详): no failure to read it, but no date either
_NOT_KNOWN = re.compile(r"(不详|不清楚?|未知|待查|待核实?|无|/|-|—+)")


def for_life(row: Mapping) -> bool:
    """Whether a prisoners-list row's term end or sentence says 无期, 死刑 or 死缓 (no end date to read)."""
    end_text = str(row.get("end_text", "") or "") + str(row.get("term", "") or "")
    return any(w in end_text for w in INDEFINITE)


def served_outside(row: Mapping, params: dict) -> bool:
    """Whether a prisoners-list row's 刑期 is served outside prison ('有期徒刑一年，缓刑二年', 管制: held-out 145), or its
    执行方式 beside a 状态 says so (held-out 198): no custody for C02 or F02 (``params``: the [C02] parameters,
    ``released_words``)."""
    return any(w in str(row.get(fld, "") or "") for fld in ("term", "serving") for w in params.get("released_words", ()))


def unread_date(row: Mapping, fld: str) -> str:
    """The text of a date cell written but not read as a date ('26.8.15', '2026-02-30', '不详'), '' when it was read
    or is blank."""
    written = str(row.get(f"{fld}_text", "") or "").strip()
    return "" if isinstance(row.get(fld), dt.date) else written


def date_doubt(row: Mapping, fld: str, label: str) -> str:
    """'死亡日期“26.8.15”无法识别' or '死亡日期写为“不详”' for a date cell written but not read, else ''."""
    written = unread_date(row, fld)
    if not written:
        return ""
    return f"{label}写为“{written}”" if _NOT_KNOWN.fullmatch(written) else f"{label}“{written}”无法识别"


# a day written: '2026-08-15', '2026年8月15日', '20260815', '2026.8.15' (a month alone, '2026年8月', '202608', is none)
# (an Excel serial; a two-digit year, 26-03-15, is a day written too: held-out 175)
_DAY_WRITTEN = re.compile(r"\d\s*[日号]|\d{2}(?:\d{2})?\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}|\d{8}|^\s*\d{5}(?:\.\d*)?\s*$")


def _before_approval(ctx: Context, m: int, died: dt.date) -> str:
    """'，早于本户批准日期 2018-10-05（批准时已死亡…）' for a death before the household's 批准日期: a sign of a faulty
    approval (held-out 223), else ''."""
    approved = ctx.value(m, "approved") if "approved" in ctx.members.columns else None
    if not (isinstance(approved, dt.date) and died < approved):
        return ""
    return f"，早于本户批准日期 {approved.isoformat()}（批准时已死亡，请核查当时的审批）"


def date_shown(row: Mapping, fld: str) -> str:
    """A list row's read date for the evidence: '2026-08-15', or '2026-08（未写具体日期）' for a month alone (held-out
    150: '2026年8月' was shown as 2026-08-01, a day nobody wrote)."""
    day = row.get(fld)
    written = row.get(f"{fld}_text")
    if isinstance(written, str) and written.strip() and not _DAY_WRITTEN.search(written):
        return f"{day.year:04d}-{day.month:02d}（未写具体日期）"
    return day.isoformat()


_LOWER = {HIGH: MEDIUM, MEDIUM: LOW, LOW: LOW}
# Facts (suppression): the dates and the destination decide a C02 finding; statuses and reasons are
# worded differently by every export and are left out.
_DECISIVE = {"deaths": ("date",), "prisoners": ("start", "end", "released"), "migrations": ("date", "dest"),
             "registry": ("status",)}


@rule("C02")
def check(ctx: Context) -> list[Finding]:
    """Flag dead, imprisoned and moved-out members.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    params = ctx.specs["C02"].params
    out: list[Finding] = []
    later: set[int] = set()  # members dead after the review date (said, no finding)
    if ctx.has("deaths"):
        out += _deaths(ctx, params, later)
    if ctx.has("prisoners"):
        out += _prisoners(ctx, params)
    if ctx.has("migrations"):
        out += _migrations(ctx, params, {f.member: f.confidence for f in out if f.source == ctx.labels.get("deaths")})
    if ctx.has("registry"):
        out += _registry_deaths(ctx, {f.member for f in out}, later)
        out += _registry_moves(ctx, params, {f.member for f in out})
    if later:  # no finding of this review, but the clerk should know (held-out 198)
        ctx.cache["deaths:later"] = [f"{len(later)} 名保障对象的死亡日期在核查基准日 {ctx.as_of.isoformat()} 之后（下季度处理）"]
    return out


def _registry_deaths(ctx: Context, flagged: set[int], later: set[int]) -> list[Finding]:
    """Members the household registry's 人员状态 records as dead (``reference.gone_from_household``) whom no list above
    flagged, at 中 at most (held-out 191: a registry 死亡 unseen by audit and screen while coverage took it as a death):
    a household register's status read, often through a code legend, is not the death's own record. Its 死亡日期 (SWRQ)
    dates the death; one after the review date is no death of this review (held-out 246: SWRQ 20261010 was C02 中
    "未写死亡日期")."""
    reg = ctx.lists["registry"]
    if "left" not in reg.columns:
        return []
    ref, out = linked_rows(ctx, "registry"), []
    for m, r, conf, key in links(ctx, "registry").itertuples(index=False):
        row = ref[r]
        if m in flagged or row.get("left") != "dead":
            continue
        died = row.get("died")
        if isinstance(died, dt.date) and died > ctx.as_of:
            later.add(m)
            continue
        flagged.add(m)
        status = str(row.get("status", "") or "").strip()
        # (a blank status beside a 注销日期, held-out 380: the date and its 注销原因 say it, not an empty 人员状态“”)
        said = (f"户籍人口信息中人员状态为“{status}”" if status else
                f"户籍人口信息中填有注销日期 {date_shown(row, 'cancelled')}"
                + (f"，注销原因“{str(row.get('cause', '') or '').strip()}”" if str(row.get("cause", "") or "").strip() else ""))
        doubt = date_doubt(row, "died", "死亡日期")
        conf = weakest(conf, MEDIUM)
        if isinstance(died, dt.date):
            what = f"{said}，死亡日期 {date_shown(row, 'died')}{_before_approval(ctx, m, died)}，请核实是否已死亡"
        elif death_after(row, ctx.as_of):  # (a 注销日期 after the review date bounds a death that may be after it too,
            # as a deaths list's: held-out 390, a wife cancelled in October was an applicant family's death at 中)
            conf = _LOWER[conf]
            what = (f"{said}（未写死亡日期），注销日期 {date_shown(row, 'cancelled')} 在核查基准日之后，"
                    "请核实死亡是否在核查基准日之前" if status else f"{said}（未写死亡日期），在核查基准日之后，请核实死亡是否在核查基准日之前")
        elif doubt:
            what = f"{said}，{doubt}，请核实是否已死亡及死亡时间"
        else:
            what = f"{said}（未写死亡日期），请核实是否已死亡及死亡时间"
        out.append(_emit(ctx, "registry", m, row, conf, key, what))
    return out


MOVED_FACT = (("left", "moved"),)  # (a registry C02 of a move, not a death: screen titles it as C02, not as a death)


def _registry_moves(ctx: Context, params: dict, flagged: set[int]) -> list[Finding]:
    """Members the household registry records as moved out (人员状态 迁出, or a blank status beside a 迁出日期:
    ``reference._gone_from_household``) to a place outside the county by the review date, whom no list above flagged:
    at 中 at most, as the registry's deaths; a destination that cannot be placed is a 低 lead. Held-out 390: an
    applicant family's wife moved to 深圳 by the registry alone was screened 无疑点. A person with another row in the
    registry that is still there (a move within the county under a new 户号), a move back (a later 迁入日期), one after
    the review date or to study (升学) is none, as on a move list (:func:`move_judged`)."""
    reg = ctx.lists["registry"]
    if "left" not in reg.columns or not (reg["left"] == "moved").any():
        return []
    found = links(ctx, "registry")
    found = found[(reg["left"].to_numpy()[reg.index.get_indexer(found["r"])] == "moved") & ~found["m"].isin(flagged)]
    if found.empty:
        return []
    here = registry_still_here(reg)
    ref, out = linked_rows(ctx, "registry"), []
    for m, r, conf, key in found.drop_duplicates("m").itertuples(index=False):  # (a household's few rows)
        row = ref[r]
        move = registry_move(ctx, row, params, m, here)
        if move is None or move[2][0]:
            continue
        day, label, judged = move
        status = str(row.get("status", "") or "").strip()
        said = f"户籍人口信息中人员状态为“{status}”" if status else "户籍人口信息中填有迁出日期"
        if day is not None:
            said += f"，{label} {day.isoformat()}"
        said += f"，迁往“{judged[1]}”" if judged[1] else ""
        if judged[0] is None:
            out.append(_emit(ctx, "registry", m, row, LOW, key, f"{said}（迁往地不详或看不出是否在本县，请核实是否迁出本县）",
                             MOVED_FACT))
        else:
            out.append(_emit(ctx, "registry", m, row, weakest(conf, MEDIUM), key, f"{said}（迁出本县）", MOVED_FACT))
    return out


def registry_still_here(reg) -> set[str]:
    """The valid IDs the household registry lists in a row of someone still there (no 死亡/迁出 mark): a person with
    such a row besides one marked 迁出 moved within the county under another 户号."""
    if "id_status" not in reg.columns:
        return set()
    return set(reg.loc[(reg["left"] == "") & (reg["id_status"] == ids.VALID), "id"])


def registry_move(ctx: Context, row: Mapping, params: dict, member: int,
                  here: Collection[str], returned: bool = True) -> tuple[dt.date | None, str, tuple[bool | None, str]] | None:
    """A registry row marked 迁出 judged as a move-list row (C02's :func:`_registry_moves`, and F02's registry events):
    (its day — the 迁出日期, else the 注销日期, else None —, that day's label, :func:`move_judged`'s verdict); None for
    no move out: the person still registered under another 户号 (``here``: :func:`registry_still_here`), back by a later
    迁入日期 by the review date, or a move the judgement leaves out (after the review date, to study). ``returned``
    False judges a move out the person came back from all the same (F02 counts the months away, as a move list's)."""
    if row.get("id") in here:
        return None
    day = next((row[f] for f in ("moved_on", "cancelled") if isinstance(row.get(f), dt.date)), None)
    back = row.get("in_date")
    if returned and day is not None and isinstance(back, dt.date) and day < back <= ctx.as_of:
        return None
    # (the 迁移原因 beside the 注销原因, where the registry gives one: 升学 is no move out — h452)
    reason = " ".join(x for x in (str(row.get("cause") or "").strip(), str(row.get("reason") or "").strip()) if x)
    judged = move_judged(ctx, {"id": row.get("id"), "date": day, "dest": row.get("dest"),
                               "dest_code": row.get("dest_code"), "reason": reason}, params, member, returned)
    if judged is None:
        return None
    return day, "迁出日期" if isinstance(row.get("moved_on"), dt.date) else "注销日期", judged


def dead_members(ctx: Context) -> set[int]:
    """Members C02 finds dead at 高 or 中: on the deaths list by the review date (as :func:`_deaths` judges a row), or
    recorded dead by the registry's 人员状态 (:func:`_registry_deaths`), where C02 runs; worked out once per context.
    Checks that judge a living person (C08's ability to work) leave them out (held-out 247: a member C02 found dead, at 中 by a cut ID,
    was also a lead for refusing to work).

    Args:
        ctx: the audit context.
    Returns:
        The member indexes.
    """
    if "c02:dead" not in ctx.cache:
        spec = ctx.specs["C02"]
        # (what C02 says: nothing where it does not run, for want of its lists or switched off)
        runs = spec.params.get("enabled", True) is not False and any(ctx.has(k) for k in spec.runs_on)
        found: list[Finding] = []
        if runs and ctx.has("deaths"):
            found += _deaths(ctx, spec.params, set())
        if runs and ctx.has("registry"):  # (a 死亡日期 after the review date is no death of this review)
            found += _registry_deaths(ctx, set(), set())
        ctx.cache["c02:dead"] = {f.member for f in found if f.confidence in (HIGH, MEDIUM)}
    return ctx.cache["c02:dead"]


def _emit(ctx: Context, kind: str, m: int, row: dict, conf: str, key: str, what: str,
          extra: tuple = ()) -> Finding:
    evidence = f"{where(ctx, kind, row)}：{row['name']}，{what}；{key}"
    decisive = [(f, fact_text(row.get(f) if isinstance(row.get(f), dt.date) or f"{f}_text" not in row
                              else row[f"{f}_text"])) for f in _DECISIVE[kind]]  # an unparsed date as written
    if kind == "prisoners" and not isinstance(row.get("end"), dt.date):
        decisive.append(("term", fact_text(row.get("term"))))  # 无期/死缓: the sentence itself decides
    facts = record_facts(kind, row, (), conf) + tuple(decisive) + extra
    return Finding("C02", m, evidence, conf, ctx.labels[kind], str(int(row["_row"])), key, facts)


def cause_meaning(cause: str, params: dict) -> str:
    """The meaning the [C02] ``cause_codes`` table gives a 注销原因 cell that is wholly one of its codes, else ''."""
    meaning = by_legend(cause, params.get("cause_codes", {}))
    return meaning if meaning is not cause else ""


def death_cause(cause: str, params: dict) -> bool | None:
    """Say whether a 注销原因/死亡原因 cell means a death (None when it does not say).

    Args:
        cause: the cell ('' when the list has no such column or the cell is blank).
        params: C02 parameters (death_words, not_death_words).
    Returns:
        True for a death or a blank cause (a deaths list), False for another reason for cancelling a
        registration (迁出, 参军, 出国, 重复登记 …), None for a code or a word that is neither, or both.
    """
    if not cause or is_error_value(cause):  # (an error value says nothing: as blank, held-out 189)
        return True
    cause = cause_meaning(cause, params) or cause
    dead = any(w in cause for w in params["death_words"])
    other = any(w in cause for w in params["not_death_words"])
    if dead != other:
        return dead
    return None


def says_died(row: Mapping, params: dict) -> bool | None:
    """Whether a deaths-list row says the person died: by its 人员状态 when it says (正常: alive; 死亡: dead; a code
    no word reads: not sure), by its cause (:func:`death_cause`), and when these say nothing (a code), by a date
    written under a 死亡日期 column (not 注销日期)."""
    status = str(row.get("status", "") or "").strip()
    dated = bool(row.get("death_dated")) and isinstance(row.get("date"), dt.date)
    if status:
        if any(w in status for w in params.get("alive_status_words", ())):
            return False
        if any(w in status for w in params["not_death_words"]):
            return False
        if not re.search(r"[\u4e00-\u9fff]", status):  # a code ('0', '3'): a death date decides, else a cause
            # that says another reason (迁出注销: not a death); a cause that says death is not sure beside the code
            return True if dated else (False if death_cause(str(row.get("cause", "") or ""), params) is False else None)
    said = death_cause(str(row.get("cause", "") or ""), params)
    if said is None and dated:
        return True
    return said


def death_day(row: Mapping) -> dt.date | None:
    """The death's own date a deaths-list row gives: None when blank, unread, or a 火化日期 read as the list's date (no
    死亡日期 column: ``date_buried``), which only bounds it (:func:`death_bound`), or later than a day the death is no
    later than (:func:`death_conflict`)."""
    day = row.get("date")
    return day if isinstance(day, dt.date) and not row.get("date_buried") and not death_conflict(row) else None


def death_conflict(row: Mapping) -> str:
    """'死亡日期 2026-11-18 晚于注销日期（死亡日期可能有误，如系统录入时间）' when a row's death date is later than its 注销日期
    (登记日期, 火化日期), which cannot precede the death (held-out 296: 死亡日期 holding the data's 入库时间 after the review
    date, 户口注销日期 months before it: a death of next quarter, C02 missed), else ''."""
    day = row.get("date")
    if not isinstance(day, dt.date) or row.get("date_buried"):
        return ""
    bound = death_bound(row)
    if bound is None or bound[0] >= (day.date() if isinstance(day, dt.datetime) else day):
        return ""
    return f"死亡日期 {date_shown(row, 'date')} 晚于{bound[1]}（死亡日期可能有误，如系统录入时间）"


def death_bound(row: Mapping) -> tuple[dt.date, str, str] | None:
    """The earliest day a deaths-list row says the death is no later than: its 注销日期 (the registration is cancelled
    after the death), its 登记日期 (the death is registered after it) or its 火化（殡葬、安葬）日期 (the body is cremated
    after it), beside a blank 死亡日期 or as the list's
    only date (held-out 246: a blank 死亡日期 beside 火化日期 2026-10-05 was C02 高 "未写死亡日期").

    Args:
        row: the deaths-list row.
    Returns:
        (the day, its header, its field) or None when the row gives none.
    """
    found = []
    if isinstance(row.get("cancelled"), dt.date):
        found.append((row["cancelled"], "注销日期", "cancelled"))
    if isinstance(row.get("logged"), dt.date):  # the death registered (held-out 284)
        found.append((row["logged"], str(row.get("logged_label") or "") or "登记日期", "logged"))
    for fld in ("cremated", "date") if row.get("date_buried") else ("cremated",):
        if isinstance(row.get(fld), dt.date):
            label = str(row.get(f"{fld}_label") or "")
            found.append((row[fld], SYSTEM_LABELS.get(label.upper(), label) or "火化日期", fld))
    return min(found, key=lambda b: b[0]) if found else None


def _bound_text(row: Mapping, bound: tuple[dt.date, str, str], as_of: dt.date, doubt: str = "") -> str:
    """'未写死亡日期，火化日期 2026-08-20（死亡不晚于该日）', or '… 在核查基准日之后，请核实…' for a bound after the review date
    (``doubt``: the death date written but unread, said instead of 未写死亡日期)."""
    day, label, fld = bound
    what = f"{doubt or '未写死亡日期'}，{label} {date_shown(row, fld)}"
    if day <= as_of:
        return what + "（死亡不晚于该日）"
    return what + " 在核查基准日之后，请核实死亡是否在核查基准日之前"


def _deaths(ctx: Context, params: dict, later: set[int]) -> list[Finding]:
    """Members on the deaths (or 户口注销) list who died on or before the review date.

    Only a blank cause or one that says death counts at the link's confidence; a cause the words do not
    explain (a code, 其他) is a 低 lead; a death date written but unreadable lowers the confidence one
    step (the date might be after the review date), a blank one does not (the list says the person died) unless a
    day the death is no later than (注销日期, 火化日期: :func:`death_bound`) is after the review date.
    """
    ref = linked_rows(ctx, "deaths")
    out = []
    alive = living_twins(ctx, "deaths", lambda row: says_died(row, params) is False and bool(
        str(row.get("status", "") or "").strip()))
    moved_here: set[int] = set()
    for m, r, conf, key in links(ctx, "deaths").itertuples(index=False):
        row = ref[r]
        died = death_day(row)
        if isinstance(died, dt.date) and died > ctx.as_of:
            if says_died(row, params) is not False:
                later.add(m)
            continue
        cause = str(row.get("cause", "") or "")
        is_death = says_died(row, params)
        if is_death is False:
            if _MOVE_CAUSE.search(cause) and not ctx.has("migrations") and not ctx.has("registry"):
                moved_here.add(m)  # (said: a 户口注销 list given as the deaths list alone, h452)
            continue  # registration cancelled for another reason (迁出, 参军 …): not a death
        buried = bool(row.get("date_buried"))
        conflict = death_conflict(row)
        doubt = conflict or date_doubt(row, "date", "火化日期" if buried else "死亡日期")
        bound = death_bound(row)
        if isinstance(died, dt.date):
            what = f"{row.get('date_label') or '死亡日期'} {date_shown(row, 'date')}" + _before_approval(ctx, m, died)
        elif bound is not None and (bound[0] <= ctx.as_of or not doubt):
            # the registration cancelled, the body cremated: no death after that day
            what = _bound_text(row, bound, ctx.as_of, doubt)
            if bound[0] > ctx.as_of or conflict:  # the death may be before the review date or after it; or its dates
                conf = _LOWER[conf]  # disagree
        elif doubt:
            what, conf = f"{doubt}，请核实是否在核查日期之前", _LOWER[conf]
        else:
            what = "在死亡/注销名单中（未写死亡日期）"
        status = str(row.get("status", "") or "").strip()
        if status:
            what += f"，人员状态 {status}"
        if cause:
            meaning = cause_meaning(cause, params)
            what += f"，原因 {cause}" + (f"（{meaning}）" if meaning else "")  # the list may call it 死亡原因 or 注销原因
            if is_death and death_cause(cause, params) is None:
                what += "（原因是代码，死亡日期已填写，按死亡计）"
        if is_death is None and not status and (share := bulk_death_code(ctx, cause.strip(), params)):
            what += f"（原因是代码，名单中{share}的记录是这一代码，与 GA/T 2000.25 的死亡代码一致，按死亡计，请核实）"
            conf = weakest(conf, MEDIUM)
        elif is_death is None:
            what, conf = what + f"（从{'人员状态、' if status else ''}原因看不出是否死亡，请核实）", LOW
        if twin := alive(m, r, conf):
            what, conf = what + twin, LOW
        out.append(_emit(ctx, "deaths", m, row, conf, key, what))
    later -= {f.member for f in out}  # (a row dated after the review date beside one before it: that death, no notice)
    if moved_here - {f.member for f in out}:
        ctx.cache[MOVES_IN_DEATHS] = [
            f"死亡人员名单中有 {len(moved_here - {f.member for f in out})} 名保障对象的注销原因为迁出等（不是死亡，未标记）；"
            "未提供户籍迁出名单，这些迁出未核查是否迁出本县。该文件是户口注销（人口信息）名单的，请同时用 --migrations"
            "（或 --registry）传入同一文件，按迁往地判断。"]
    return one_each(out, ctx.labels["deaths"])


MOVES_IN_DEATHS = "c02:moves_in_deaths"
# a deaths-list 注销原因 naming a move (a 户口注销 export given as the deaths list)
_MOVE_CAUSE = re.compile(r"迁出|迁往|迁移|户口迁")


def living_twins(ctx: Context, kind: str, alive: Callable[[Mapping], bool]) -> Callable[[int, int, str], str]:
    """A test of a member's link to a list row that has her dead (moved): the note that she links as well, at the same
    confidence or better, to another row of the list that has its person alive and registered (``alive``), else ''.
    Only a link short of an exact ID is so tested: a 公安 人口信息 export whose IDs Excel kept as numbers (15 digits) holds
    namesakes born the same day whose IDs it can no longer tell apart (h452: 袁建 alive in one row and dead in another,
    both …705101E+17, was C02 中 "姓名一致").

    Args:
        ctx: the audit context.
        kind: the list kind.
        alive: whether a row of the list has its person alive and registered.
    Returns:
        (member, row, confidence) → the note for the evidence, or ''.
    """
    by_member: dict[int, list[tuple[int, str]]] = {}
    for m, r, conf, _key in links(ctx, kind).itertuples(index=False):
        by_member.setdefault(m, []).append((r, conf))
    ref = linked_rows(ctx, kind)

    def note(m: int, r: int, conf: str) -> str:
        if conf == HIGH:
            return ""
        for other, c in by_member.get(m, ()):
            if other != r and CONFIDENCE_ORDER[c] <= CONFIDENCE_ORDER[conf] and alive(ref[other]):
                status = str(ref[other].get("status", "") or "").strip()
                return (f"（{where(ctx, kind, ref[other])}也与本人相符，人员状态 {status}：两行的身份证号都不完整，无法区分，"
                        "可能是同名、同出生日期的另一人，请核实）")
        return ""

    return note


def one_each(found: list[Finding], source: str, what: str = "死亡日期") -> list[Finding]:
    """One finding per member a list has dead (moved out) in rows that disagree (two extracts dating one death a day
    apart: h444, two C02 高 of one person; one move out dated in March and in June): the strongest, earliest-dated
    row's, its evidence naming the other rows and their dates. Rows whose facts agree are left to
    :func:`audit.copies_joined` ("同一条记录，重复列出").

    Args:
        found: the list's C02 findings, in row order.
        source: the list's label, as the findings name it.
        what: the date's name ('死亡日期', '迁出日期').
    Returns:
        The findings, a member's disagreeing rows joined into the first kept, in their order.
    """
    mine: dict[int, list[Finding]] = {}
    for f in found:
        mine.setdefault(f.member, []).append(f)
    out = []
    for f in found:
        group = mine[f.member]
        if len(group) == 1 or len({tuple(x for x in g.facts if x[0] != "match") for g in group}) == 1:
            out.append(f)
            continue
        best = min(group, key=lambda g: (CONFIDENCE_ORDER.get(g.confidence, 9), not _fact(g, "date"), _fact(g, "date"),
                                          int(g.source_row)))
        if f is not best:
            continue
        others = "；".join(f"第 {g.source_row} 行{what} {_fact(g, 'date') or '未写'}" for g in group if g is not best)
        said = f"（《{source}》另有此人：{others}，与本行不一致，按一人列出一次，请核对{what}）"
        rows = "、".join(sorted((g.source_row for g in group), key=int))
        out.append(replace(best, evidence=best.evidence + said, source_row=rows))
    return out


def _fact(f: Finding, name: str) -> str:
    return next((str(v) for k, v in f.facts if k == name), "")


def reads_died(ctx: Context, row: Mapping, params: dict) -> bool | None:
    """Whether C02 reads a deaths-list row as a death: :func:`says_died`, and when that cannot tell, a bare 注销原因 code
    that is the list's own death code (:func:`bulk_death_code`, no 人员状态 beside it). Coverage judges the rows so too
    (h436: a 公安 list coded 1/3 without a legend — every row counted as a death, the 3s too).

    Args:
        ctx: the context.
        row: the deaths-list row.
        params: the [C02] parameters.
    Returns:
        True for a death, False for another reason for cancelling, None when neither can be read.
    """
    said = says_died(row, params)
    if said is None and not str(row.get("status", "") or "").strip() and bulk_death_code(
            ctx, str(row.get("cause", "") or "").strip(), params):
        return True
    return said


def bulk_death_code(ctx: Context, cause: str, params: dict) -> str:
    """Whether an unread 注销原因 code is the deaths list's own: two thirds or more of the list's filled cause cells hold it
    (:func:`_econ.bulk_code`, over the whole file) and it is a death code of the published table (``[C02]
    bulk_death_codes``: GA/T 2000.25-2014 人口管理注销类别代码, 1 死亡). A 公安 export with coded causes and no legend
    (h427) had its deaths at 低 only; a bulk code alone could be a mixed 户口注销 list's 迁出 (3), so both must agree.

    Args:
        ctx: the audit context.
        cause: the row's cause cell, stripped.
        params: the [C02] parameters.
    Returns:
        The share said in the evidence ('三分之二以上'), or '' when the code is not so read.
    """
    if not cause or not BARE_CODE.fullmatch(cause) or cause.lstrip("0") not in {
            str(c).lstrip("0") for c in params.get("bulk_death_codes", ())}:
        return ""
    bulk = bulk_code(ctx, "deaths", "cause",
                     lambda v: UNKNOWN if death_cause(v, params) is None else "")
    return "三分之二以上" if bulk and bulk.lstrip("0") == cause.lstrip("0") else ""


def in_custody(row: Mapping, as_of: dt.date, params: dict) -> bool:
    """Whether a prisoners-list row says its person is in custody on a day.

    Args:
        row: the list row (start, end, released, status, end_text, term).
        as_of: the day.
        params: the C02 parameters (released_words, custody_words).
    Returns:
        True when the term covers the day and nothing says the person is out (released, paroled, on probation).
    """
    start, end = row.get("start"), row.get("end")
    status = str(row.get("status", "") or "")
    if _says_released(status, params) and not released_later(row, as_of, params):
        return False
    if served_outside(row, params):
        return False
    if isinstance(start, dt.date) and start > as_of:
        return False
    if isinstance(end, dt.date) and end < as_of:
        return False
    if isinstance(row.get("released"), dt.date) and row["released"] <= as_of:
        return False  # released before the day (parole, early release), whatever the term said
    held = any(w in status for w in params["custody_words"])  # 在押/服刑中: the list says so as of its export
    # neither dates, a life sentence nor a custody status: nothing says custody covers the day; dates written but not
    # read (26.3.5) may cover it (:func:`_prisoners` says so, at 中 at most)
    return (isinstance(end, dt.date) or for_life(row) or bool(start) or held
            or bool(unread_date(row, "start") or unread_date(row, "end")))


def _says_released(status: str, params: dict) -> bool:
    """Whether a prisoners-list row's 状态 says the person is out (刑满释放, 假释; not 未释放)."""
    return any(w in status for w in params["released_words"]) and "未" not in status


def unread_custody_text(status: str) -> str:
    """What a finding says of a custody status :func:`custody_unread` found."""
    return f"状态“{status}”未能识别，请核实是否在押"


def custody_unread(row: Mapping, params: dict) -> str:
    """A prisoners-list row's 状态 that says neither custody nor release (a code '1', 待核实), else '': custody is then
    judged by the dates alone, at 中 at most, by C02 and by F02 alike (held-out 242: C02 中, F02 高 on one row).

    Args:
        row: the list row.
        params: the C02 parameters (custody_words, released_words).
    Returns:
        The status as written, or ''.
    """
    status = str(row.get("status", "") or "").strip()
    if not status or any(w in status for w in params["custody_words"]) or _says_released(status, params):
        return ""
    return status


def released_later(row: Mapping, as_of: dt.date, params: dict) -> bool:
    """Whether a row's 状态 says released (刑满释放, 假释) while its 释放日期 is after the day: a list exported after the
    quarter, the person in custody on the day (held-out 228). Only the 释放日期 dates the release (a 假释's 刑期止 does not)."""
    released = row.get("released")
    return _says_released(str(row.get("status", "") or ""), params) and isinstance(released, dt.date) and released > as_of


def _prisoners(ctx: Context, params: dict) -> list[Finding]:
    ref = linked_rows(ctx, "prisoners")
    out = []
    for m, r, conf, key in links(ctx, "prisoners").itertuples(index=False):
        row = ref[r]
        if not in_custody(row, ctx.as_of, params):
            continue
        later = released_since(row, [ref[h.r] for h in hits(ctx, "prisoners").get(m, []) if h.r != r], ctx.as_of, params)
        status = str(row.get("status", "") or "")
        held = any(w in status for w in params["custody_words"])
        span = values(_dates_shown(row), {"start_text": "入监日期", "end_text": "刑期止日", "released_text": "释放日期",
                                          "status": "状态"})
        what = f"{span}，核查日期 {ctx.as_of.isoformat()} 在服刑期内"
        if released_later(row, ctx.as_of, params):
            what += f"（{ended_later_text(f'状态 {status.strip()}', '释放日期', row['released'], '仍在服刑')}）"
        elif unread := custody_unread(row, params):  # a status no word list reads (待核实, a code): the dates alone decide no 高
            what, conf = what + f"（{unread_custody_text(unread)}）", MEDIUM if conf == HIGH else conf
        doubts = [d for fld, label in (("start", "入监日期"), ("end", "刑期止日")) if (d := date_doubt(row, fld, label))]
        if row.get("term_unread") is True:  # a bare 6 under a header naming no unit: the term's end unknown (h461)
            doubts.append(f"刑期“{str(row.get('term', '')).strip()}”未写单位，无法推算刑期止日")
        elif row.get("term_odd") is True:  # '-6', '0': no term read, none for life said either (h464)
            doubts.append(f"刑期“{str(row.get('term', '')).strip()}”无法识别，无法推算刑期止日")
        if doubts and not held and not for_life(row):
            # the term's dates not read: it may have ended (or not begun) by the review date
            what, conf = (what.replace(f"，核查日期 {ctx.as_of.isoformat()} 在服刑期内", "")
                          + f"（{'，'.join(doubts)}，请核实核查日期 {ctx.as_of.isoformat()} 是否在服刑期内）",
                          MEDIUM if conf == HIGH else conf)
        if later:
            what, conf = what + f"；{later}", LOW
        out.append(_emit(ctx, "prisoners", m, row, conf, key, what))
    return out


def released_since(row: Mapping, others: list[Mapping], as_of: dt.date, params: dict) -> str:
    """What another row of the same person says when it has him released (假释, 刑满释放 …) on or before the review date
    and not before this row's 入监日期: this row in custody is then an older snapshot, or one of the two is wrong (h442: a
    list joined from two extracts kept the 在押 row beside the 假释 row dated 2026-07-15, C02 高); '' when none.

    Args:
        row: the row found in custody on the review date.
        others: the person's other rows of the list.
        as_of: the review date.
        params: the [C02] parameters.
    Returns:
        The words for the evidence.
    """
    other = released_copy(row, others, as_of, params)
    if other is None:
        return ""
    return f"{copy_release_text(other)}（在本行入监日期之后、核查日期之前）：核查日期可能已不在押，两行必有一误，请核实"


def released_copy(row: Mapping, others: list[Mapping], as_of: dt.date, params: dict) -> Mapping | None:
    """The first of the same person's other rows that has him released on or before the review date and not before this
    row's 入监日期 (:func:`released_since`; F02 counts the custody of this row to that release), else None."""
    start = row.get("start")
    for other in others:
        out = other.get("released")
        if not isinstance(out, dt.date) or out > as_of or in_custody(other, as_of, params):
            continue
        if isinstance(start, dt.date) and out < start:
            continue  # (an earlier sentence's release)
        return other
    return None


def copy_release_text(other: Mapping) -> str:
    """'同一人第 12 行状态 假释，释放日期 2026-07-15': the row :func:`released_copy` found, for the evidence."""
    status = str(other.get("status", "") or "").strip()
    return f"同一人第 {int(other['_row'])} 行{f'状态 {status}，' if status else ''}释放日期 {other['released'].isoformat()}"


def _dates_shown(row: dict) -> dict:
    """Return the row with its dates read shown as calendar dates (Excel serial 46037, 20260318, 2028.02.28 from a 刑期起止:
    held-out 228), a month alone as such (:func:`date_shown`); a text not read as a date (无期), or one shown already
    ('2030-02-28（按刑期…推算）'), as written."""
    shown = dict(row)
    for fld in ("date", "start", "end", "released"):
        day = row.get(fld)
        if isinstance(day, dt.date) and not str(row.get(f"{fld}_text", "") or "").startswith(f"{day.isoformat()}（"):
            shown[f"{fld}_text"] = date_shown(row, fld)
    return shown


_NOT_ADMIN = re.compile(r"社区|小区|园区|景区|开发区|工业区|街区|新区|市场|城市")
_ADMIN = re.compile(r"省|市|县|区|州|旗|盟")


def inside_county(dest: str, move_type: str, county: str, townships: tuple[str, ...], params: dict,
                  reason: str = "", county_codes: tuple[str, ...] = (), home: tuple[str, str] = ("", ""),
                  carried: frozenset[str] | None = None) -> bool | None:
    """Say whether a move stays inside the county (None when the record does not tell).

    Args:
        dest: 迁往地, in words or as a GB/T 2260 / 统计用区划代码 (411022, '411022100 某某镇' …).
        move_type: 迁移类型 (may be blank).
        county: the county's name ('' when unknown).
        townships: the county's place names (:func:`own_places`; a county-level one, 开封县, names the county).
        params: C02 parameters (inside_words, outside_words).
        reason: 迁移原因 (may be blank; 县内迁移 and 跨县迁移 are read from it too).
        county_codes: the county's six-digit codes (empty when unknown).
        home: the province and prefecture most roster IDs name (:func:`home_region`): with the county unknown, a place
            in another one is outside.
        carried: the six-digit codes many members' IDs start with (:func:`id_codes`; None: not known).
    Returns:
        True inside, False outside, None unknown (a place the county, unknown, may hold; a code of the county's own
        prefecture or province; a county name or code the current table lacks; words that name no place).
    """
    if any(w in move_type or w in reason for w in params["outside_words"]):
        return False
    if (any(w in move_type or w in dest or w in reason for w in params["inside_words"])
            or any(c.strip() in params["inside_alone_words"] for c in (move_type, dest, reason))):
        return True
    # our county by another name: configured county-level names (开封县 before it became 祥符区, held-out 199)
    ours = (county, *(townships.aliases if isinstance(townships, Places) else (p for p in townships if _county_level(p))))
    region = (county_codes[0][:2], county_codes[0][:4]) if county_codes else home
    code = regions.region_code(dest)
    if code:
        decided = regions.inside(code, county_codes, carried)
        if decided is not None:
            return decided
        named = regions.county_name_of(code[:6]) if not county_codes and regions.is_county_level(code) else ""
        if named and county:  # our county known by its name only: the coded county's name says which
            return named == county
        if not county_codes and regions.outside_home_code(code, home):  # another province or prefecture than ours
            return False
        rest = regions.place_text(dest)  # '411022 某某县': the words may still name the county
        return True if _names(rest, ours) else None
    if _names(dest, ours):
        return True
    rest, named = beside(dest, townships)  # a township of the county named 金称市镇 names no city
    if county_codes and regions.names_only_above(dest, county_codes):  # '河南省信阳市': which county of it? (held-out 141)
        return None
    if names_admin(rest):  # names a province, city or county: outside when it is another one than ours
        if regions.outside_home(dest, region) or _named_elsewhere(rest, region, county_codes):
            return False
        if county_codes:  # a current county (by the table) not ours; one the table lacks (开封县, abolished) may be ours
            return False if regions.current_county_in(rest, ours) else None
        return False if county else None  # our county by its name only: which names it had before, no table says
    if named:
        return True
    # words that name no unit ('深圳', '东关村', '张庄'): outside only for a place named without its 省/市/县 that is not
    # ours (held-out 199: an unknown village was 迁出本县 at 高)
    return False if _named_elsewhere(rest, region, county_codes) else None


def _named_elsewhere(place: str, region: tuple[str, str], county_codes: tuple[str, ...]) -> bool:
    """Whether a place text starts with a province's, prefecture's or county's name without its 省/市/县 ('深圳', '广州白云')
    that is not ours (``region``: our province and prefecture; ``county_codes``: our county's codes, may be none)."""
    code = regions.bare_place(place)
    return bool(code) and (regions.outside_home_code(code, region)
                           or bool(county_codes and regions.is_county_level(code) and code not in county_codes))


@lru_cache(maxsize=4096)
def _county_level(place: str) -> bool:
    """Whether a configured place is a county-level name (开封县), not a township's or a village's (once per name: every
    move asks)."""
    return regions.county_name_in(place) == place


def _names(place: str, ours) -> bool:
    """Whether a place text names any of ``ours`` (the county's names)."""
    return any(n and n in place for n in ours)


class Places(tuple):
    """The county's place names (:func:`own_places`), with what every move asks of them worked out once: their set and
    the county-level ones among them (a province's roster names tens of thousands of villages: scanning them for each
    move took minutes)."""

    def __new__(cls, names):
        self = super().__new__(cls, names)
        self.order = {p: k for k, p in enumerate(self) if p}
        self.longest = max(map(len, self.order), default=0)
        self.aliases = tuple(p for p in self if _county_level(p))
        return self


def beside(place: str, ours) -> tuple[str, bool]:
    """A place text without the county's own place names (``ours``), and whether it held any."""
    if isinstance(ours, Places):  # the text's pieces looked up, then taken out in the names' order as below
        pieces = {place[i:j] for i in range(len(place)) for j in range(i + 2, min(len(place), i + ours.longest) + 1)}
        named = sorted(pieces & ours.order.keys(), key=ours.order.__getitem__)
    else:
        named = [p for p in ours if p and p in place]
    for p in named:
        place = place.replace(p, "")
    return place, bool(named)


def names_admin(place: str) -> bool:
    """Whether a place text names a province, city or county (社区, 开发区, 城市 … name none)."""
    return bool(_ADMIN.search(_NOT_ADMIN.sub("", place)))


def coded_reason(reason: str) -> bool:
    """Whether a 迁移原因 cell is a bare code ('1', '02', 'A3') whose meaning no table here gives (it may be 升学)."""
    return bool(re.fullmatch(r"[0-9A-Za-z]{1,4}", reason.strip()))


def move_reason(row: Mapping, params: dict) -> str:
    """A move-list row's 迁移原因; a bare code the [C02] ``reason_codes`` table names is shown with its meaning
    ('21（升学）'), so that the words then judge it."""
    reason = str(row.get("reason", "") or "").strip()
    meaning = params.get("reason_codes", {}).get(reason) if coded_reason(reason) else None
    return f"{reason}（{meaning}）" if meaning else reason


def study_move(reason: str, dest: str, params: dict) -> bool:
    """Whether a move is one to study (大中专在校学生除外): a study word in its reason or destination, unless the reason
    states another cause (held-out 329: 婚迁 to 学院路30号, 务工 to 大学城路, 大学毕业就业 left the county at 高).

    Args:
        reason: the 迁移原因 as judged (a code with its meaning).
        dest: the destination as judged.
        params: the [C02] parameters.
    Returns:
        True for a move to study, which C02 does not flag.
    """
    if any(w in reason for w in params.get("not_study_words", ())):
        return False
    return any(w in reason or w in dest for w in params["study_words"])


def county_codes(ctx: Context) -> tuple[str, ...]:
    """The county's GB/T 2260 codes a move's destination is compared with: the configured ones, else the one found."""
    return regions.parse_codes(ctx.common.get("county_code", "")) or ((ctx.county_code,) if ctx.county_code else ())


def move_judged(ctx: Context, row: Mapping, params: dict, member: int | None = None,
                returned: bool = True) -> tuple[bool | None, str] | None:
    """How a move-list row is judged: None for no move to judge (after the review date, or to study); else whether the
    move stays inside the county (True), leaves it (False) or cannot be told (None), and the destination as judged
    (a separate 迁往地区划代码 column joined in front when recognised).

    Args:
        ctx: the audit context.
        row: the move-list row.
        params: the [C02] parameters.
        member: the roster member the row is linked to: a city's roster names each member's county (县（市、区）),
            which is 本县 for that member.
        returned: a move out the person came back from by the review date is no move (C02); False judges it all
            the same (F02 counts the months out until the return, :func:`back_from`).
    Returns:
        (inside, destination), or None.
    """
    moved = row.get("date")
    if isinstance(moved, dt.date) and moved > ctx.as_of:
        return None
    if still_registered(row, params) or for_service(row, params):
        return None  # (a living row of a 公安 人口信息 export, or a registration cancelled for military service: h452)
    if moved_in(row, params) or (returned and back_from(ctx, row, params) is not None):
        return None  # a move in, or a move out the person came back from by the review date (held-out 198)
    reason, dest, mtype = move_reason(row, params), *(str(row.get(f, "") or "") for f in ("dest", "move_type"))
    place = str(row.get("dest_code", "") or "").strip()  # a code, or a place's name (迁往地省市县区)
    coded = regions.region_code(place)
    if coded and not regions.region_code(dest):
        dest = f"{coded} {dest}".strip()
    elif place and not coded and place not in dest:
        dest = f"{place} {dest}".strip()
    if study_move(reason, dest, params):
        return None
    county, codes = member_county(ctx, member)
    judged = ctx.cache.setdefault("c02:judged", {})  # (moves repeat their destination: judged once each)
    key = (dest, mtype, reason, county, codes)
    if key not in judged:
        home = home_region(ctx, params) if not codes else ("", "")  # (a county without its code: where its people are)
        judged[key] = inside_county(dest, mtype, county, own_places(ctx), params, reason, codes, home, id_codes(ctx, params))
    return judged[key], dest


def id_codes(ctx: Context, params: dict) -> frozenset[str] | None:
    """The six-digit codes at least ``former_code_share`` of the members' valid IDs start with (None without valid IDs),
    once per audit: an abolished code of the county's prefecture they carry may be the county's former code."""
    if "c02:id-codes" not in ctx.cache:
        counts = id_prefixes(ctx)
        total = sum(counts.values())
        least = float(params["former_code_share"]) * total
        ctx.cache["c02:id-codes"] = frozenset(c for c, n in counts.items() if n >= least) if total else None
    return ctx.cache["c02:id-codes"]


def id_prefixes(ctx: Context) -> Counter[str]:
    """The members' valid IDs counted by their first six digits, in the order first seen (once per audit)."""
    if "c02:id-prefixes" not in ctx.cache:
        valid = ctx.members.loc[ctx.members["id_status"] == ids.VALID, "id"].tolist()
        ctx.cache["c02:id-prefixes"] = Counter(map(itemgetter(slice(0, 6)), valid))
    return ctx.cache["c02:id-prefixes"]


def still_registered(row: Mapping, params: dict) -> bool:
    """Whether a move-list row's own 人员状态 says its person is still registered here (正常, 在册: [C02]
    ``alive_status_words``): a 公安 人口信息 export given as the moves lists everyone, most of them never moved (h452:
    311 C02 leads "迁往地不详" of 318 members)."""
    status = str(row.get("status", "") or "").strip()
    return bool(status) and any(w in status for w in params.get("alive_status_words", ()))


def for_service(row: Mapping, params: dict) -> bool:
    """Whether a move-list row's 注销原因 or 迁移原因 is military service ([C02] ``service_words``: 服兵役, 参军 …): an
    enlisted soldier's registration is cancelled and restored on discharge; no move out of the county (h452)."""
    said = f"{row.get('cause', '') or ''} {row.get('reason', '') or ''}"
    return any(w in said for w in params.get("service_words", ()))


def moved_in(row: Mapping, params: dict) -> bool:
    """Whether a move-list row's 迁移类型 says it is a move in (迁入, 迁回): a list of 迁入 and 迁出 both."""
    return any(w in str(row.get("move_type", "") or "") for w in params["moved_in_words"])


def back_from(ctx: Context, row: Mapping, params: dict) -> dt.date | None:
    """The first day the person of a move-list row came back (a 迁入 row of his after the move, on or before the review
    date), else None."""
    moved = row.get("date")
    if not isinstance(moved, dt.date):
        return None
    return min((d for d in returns(ctx, params).get(str(row.get("id", "") or ""), ()) if moved < d), default=None)


def returns(ctx: Context, params: dict) -> dict[str, list[dt.date]]:
    """ID → the dates of the move list's 迁入 rows on or before the review date, once per audit: a move out before one of
    them ended with the person back in the county (held-out 198: 迁出 2024, 迁回原籍 2025 was 迁出本县 at 高)."""
    if "c02:returns" not in ctx.cache:
        back: dict[str, list[dt.date]] = {}
        for row in ctx.lists["migrations"].to_dict("records") if ctx.has("migrations") else []:
            day = row.get("in_date") if isinstance(row.get("in_date"), dt.date) else row.get("date")  # (迁入日期 column)
            if moved_in(row, params) and isinstance(day, dt.date) and day <= ctx.as_of and row.get("id"):
                back.setdefault(str(row["id"]), []).append(day)
        ctx.cache["c02:returns"] = back
    return ctx.cache["c02:returns"]


def own_places(ctx: Context) -> Places:
    """The county's place names a destination may name alone: the configured places and the roster's townships
    (common ``county_places``), the townships without their 镇/乡 (八里湾 of 八里湾镇) and the roster's villages (held-out
    199: '后寨村', '西姜寨' were 迁出本县), each of two characters or more."""
    if "c02:places" not in ctx.cache:
        m = ctx.members
        towns = m["township"].dropna().unique().tolist() if "township" in m.columns else []
        villages = m["village"].dropna().unique().tolist() if "village" in m.columns else []
        names = [*ctx.common.get("county_places", []), *map(regions.township_stem, towns), *map(str, villages)]
        ctx.cache["c02:places"] = Places(dict.fromkeys(p.strip() for p in names if len(str(p).strip()) >= 2))
    return ctx.cache["c02:places"]


def member_county(ctx: Context, member: int | None) -> tuple[str, tuple[str, ...]]:
    """The county a member's move is judged against, by name and codes: a city's roster names each member's county
    (县（市、区）, its title, its 行政区划代码), whose code the members' IDs confirm (:func:`regions.county_named`);
    else the audit's county."""
    county, codes = ctx.common.get("county_name", ""), county_codes(ctx)
    own = ctx.members.at[member, "county"] if member is not None and member >= 0 and "county" in ctx.members.columns else ""
    if own and own != county:
        known = ctx.cache.setdefault("c02:county-codes", {})
        if own not in known:
            m = ctx.members
            valid = m.loc[(m["county"] == own) & (m["id_status"] == ids.VALID), "id"].tolist()
            code = regions.county_named(own, "", Counter(i[:4] for i in valid))
            known[own] = (code,) if code else ()
        county, codes = own, known[own]
    return county, codes


def home_region(ctx: Context, params: dict) -> tuple[str, str]:
    """The province and prefecture most of the roster's IDs begin with (``home_share`` of them), once per audit: with the
    county unknown, a move to another province or prefecture is still a move out of it."""
    if "home_region" not in ctx.cache:
        ctx.cache["home_region"] = regions.home_region_of(id_prefixes(ctx), float(params["home_share"]))
    return ctx.cache["home_region"]


# A 迁出原因/迁移原因 that is wholly a death (a 户籍迁出 export listing the dead among its moves, h395): narrower than
# ``death_words``, which a move's reason may hold beside its real cause (因病投靠子女)
_DEATH_REASON = re.compile(r"因?(病|意外|事故)?(死亡|亡故|去世|病故|身故|病逝|逝世|死)(注销|销户)?")


def cancelled_for_death(row: Mapping, params: dict) -> str:
    """What a moves-list row says of a death: its cause when its registration was cancelled for one (a 户口注销 export:
    注销类别 死亡 / 迁出 …, a cause written with death words in it), or, with no cause written, its 迁出原因 when that
    is wholly a death ('死亡', '病故': a 户籍迁出 export listing the dead among its moves, h395: C02 低 "迁往地不详");
    '' for a move (judged by its 迁往地).

    Args:
        row: the moves-list row.
        params: the [C02] parameters.
    Returns:
        '户口注销原因 X' or '迁移原因 X', or ''.
    """
    cause = str(row.get("cause", "") or "").strip()
    if cause and not is_error_value(cause):
        return f"户口注销原因 {cause}" if death_cause(cause, params) is True else ""
    reason = str(row.get("reason", "") or "").strip()
    return f"迁移原因 {reason}" if _DEATH_REASON.fullmatch(reason) else ""


def _move_list_death(ctx: Context, m: int, row: dict, conf: str, key: str) -> Finding | None:
    """The C02 finding of a moves-list row cancelled for a death (:func:`cancelled_for_death`): none when its 注销日期 is
    after the review date (next quarter's), one step lower when the date is written but unread."""
    day = row.get("date")
    if isinstance(day, dt.date) and day > ctx.as_of:
        return None
    what = cancelled_for_death(row, ctx.specs["C02"].params)
    if isinstance(day, dt.date):
        what += f"，{'注销' if what.startswith('户口') else '迁出'}日期 {date_shown(row, 'date')}"
    elif doubt := date_doubt(row, "date", "注销日期"):
        what, conf = what + f"（{doubt}，请核实是否在核查日期之前）", _LOWER[conf]
    return _emit(ctx, "migrations", m, row, conf, key, what)


def _followed(row: Mapping) -> str | None:
    """The mover a 随迁人's row names ('' when unnamed), or None when the row is no 随迁人's (reference._second_persons)."""
    if str(row.get("held_as") or "") != FIELD_NAMES["follower_name"]:
        return None
    beside = row.get("held_beside")
    return f" {beside} " if isinstance(beside, str) and beside.strip() else ""


def _migrations(ctx: Context, params: dict, dead: Mapping[int, str] | None = None) -> list[Finding]:
    """The moves list's findings; a death it gives (注销原因 死亡) is left to the deaths list's finding of the same member
    when that one is as strong (``dead``: member → its confidence): h452, one 公安 人口信息 export given as both lists
    made each death two findings."""
    ref = linked_rows(ctx, "migrations")
    out, unplaced, dead = [], set(), dead or {}
    alive = living_twins(ctx, "migrations", lambda row: still_registered(row, params))
    for m, r, conf, key in links(ctx, "migrations").itertuples(index=False):
        row = ref[r]
        if cancelled_for_death(row, params):
            if twin := alive(m, r, conf):  # (namesakes a cut ID cannot tell apart, one of them alive: as the deaths')
                conf = LOW
            if (died := _move_list_death(ctx, m, row, conf, key)) is not None and not (
                    m in dead and CONFIDENCE_ORDER[dead[m]] <= CONFIDENCE_ORDER[died.confidence]):
                died.evidence = died.evidence.replace(f"；{key}", f"{twin}；{key}") if twin else died.evidence
                out.append(died)
            continue
        codes = member_county(ctx, m)[1]  # (a city's member: her own county's, held-out 141)
        judged = move_judged(ctx, row, params, m)
        if judged is None or judged[0]:
            continue
        (inside, dest), reason = judged, move_reason(row, params)
        if inside is None:
            unplaced.add(m)
        what = values({**_dates_shown(row), "reason": reason}, {"date_text": "迁出日期", "dest": "迁往地", "dest_code": "迁往地区划代码",
                                          "reason": "迁移原因", "move_type": "迁移类型"})
        if (beside := _followed(row)) is not None:  # a 随迁人: the row's own person moved, and he or she with him (h488)
            what = f"{what}，随迁人：随{beside}一同迁出" if beside else f"{what}，随迁人"
        if coded_reason(reason):  # a code of the exporting system: 升学 or 参军 cannot be ruled out
            conf, what = LOW, what + "（迁移原因是代码，看不出是否升学、参军）"
        if doubt := date_doubt(row, "date", "迁出日期"):  # the move may be after the review date
            conf, what = _LOWER[conf], what + f"（{doubt}，请核实是否在核查日期之前）"
        code = regions.region_code(dest)
        if inside is None and code and not codes:
            note = "迁往地为行政区划代码，本县区划代码未能确定，请核实是否迁出本县"
            out.append(_emit(ctx, "migrations", m, row, LOW, key, f"{what}（{note}）"))
        elif inside is None and code and regions.is_county_level(code) and not regions.current_code(code):
            note = f"迁往地代码 {code} 不在现行区划代码表中（可能是区划调整前的旧代码），请核实是否迁出本县"
            out.append(_emit(ctx, "migrations", m, row, LOW, key, f"{what}（{note}）"))
        elif inside is None:
            unknown = "本县未能确定" if not ctx.common.get("county_name") and not codes else "迁往地不详"
            out.append(_emit(ctx, "migrations", m, row, LOW, key, f"{what}（{unknown}，请核实是否迁出本县）"))
        elif code and codes:
            note = f"迁往地代码 {code} 不属本县代码 {'、'.join(codes)}"
            out.append(_emit(ctx, "migrations", m, row, conf, key, f"{what}（{note}，迁出本县）"))
        else:
            out.append(_emit(ctx, "migrations", m, row, conf, key, f"{what}（迁出本县）"))
    if unplaced:  # said on the console: how many moves the tool could not place (held-out 199)
        ctx.cache[UNPLACED] = [f"户籍迁出名单中有 {len(unplaced)} 人的迁出记录看不出迁往地是否在本县（迁往地不详、只写到本市或本省、"
                               "写了现行区划代码表中没有的代码或县名等），已作为“低”置信度 C02 线索列出，请逐条核实是否迁出本县。"]
    return one_each(out, ctx.labels["migrations"], "迁出日期")  # (a person the list gives twice, dated otherwise: once)


UNPLACED = "c02:unplaced"
