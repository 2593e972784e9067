"""C02: member dead, in custody on the review date, or registration moved out of the county."""

from __future__ import annotations

import datetime as dt
import re

from ..model import LOW, Context, Finding
from . import fact_text, links, record_facts, rule, values, where
from ._econ import linked_rows

_INDEFINITE = ("无期", "死刑", "死缓")
# Facts (suppression): the dates and the destination decide a C02 finding; statuses and reasons are
# worded differently by every export and are left out.
_DECISIVE = {"deaths": ("date",), "prisoners": ("start", "end"), "migrations": ("date", "dest")}


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
    if ctx.has("deaths"):
        out += _deaths(ctx)
    if ctx.has("prisoners"):
        out += _prisoners(ctx, params)
    if ctx.has("migrations"):
        out += _migrations(ctx, params)
    return out


def _emit(ctx: Context, kind: str, m: int, row: dict, conf: str, key: str, what: str) -> Finding:
    evidence = f"{where(ctx, kind, row)}：{row['name']}，{what}；{key}"
    decisive = [(f, fact_text(row.get(f) if isinstance(row.get(f), dt.date) or f"{f}_text" not in row
                              else row[f"{f}_text"])) for f in _DECISIVE[kind]]  # an unparsed date as written
    if kind == "prisoners" and not isinstance(row.get("end"), dt.date):
        decisive.append(("term", fact_text(row.get("term"))))  # 无期/死缓: the sentence itself decides
    facts = record_facts(kind, row, (), conf) + tuple(decisive)
    return Finding("C02", m, evidence, conf, ctx.labels[kind], str(int(row["_row"])), key, facts)


def _deaths(ctx: Context) -> list[Finding]:
    ref = linked_rows(ctx, "deaths")
    out = []
    for m, r, conf, key in links(ctx, "deaths").itertuples(index=False):
        row = ref[r]
        died = row.get("date")
        if isinstance(died, dt.date) and died > ctx.as_of:
            continue
        what = f"死亡日期 {died.isoformat()}" if isinstance(died, dt.date) else "在死亡/注销名单中"
        out.append(_emit(ctx, "deaths", m, row, conf, key, what))
    return out


def _prisoners(ctx: Context, params: dict) -> list[Finding]:
    ref = linked_rows(ctx, "prisoners")
    released = tuple(params["released_words"])
    out = []
    for m, r, conf, key in links(ctx, "prisoners").itertuples(index=False):
        row = ref[r]
        start, end = row.get("start"), row.get("end")
        status = str(row.get("status", "") or "")
        end_text = str(row.get("end_text", "") or "") + str(row.get("term", "") or "")
        if any(w in status for w in released) and "未" not in status:
            continue
        if isinstance(start, dt.date) and start > ctx.as_of:
            continue
        if isinstance(end, dt.date) and end < ctx.as_of:
            continue
        if not isinstance(end, dt.date) and not any(w in end_text for w in _INDEFINITE) and not start:
            continue  # neither dates nor a life sentence: nothing says custody covers the review date
        span = values(row, {"start_text": "入监日期", "end_text": "刑期止日", "status": "状态"})
        what = f"{span}，核查日期 {ctx.as_of.isoformat()} 在服刑期内"
        out.append(_emit(ctx, "prisoners", m, row, conf, key, what))
    return out


_NOT_ADMIN = re.compile(r"社区|小区|园区|景区|开发区|工业区|街区|新区|市场|城市")
_ADMIN = re.compile(r"省|市|县|区|州|旗|盟")


def inside_county(dest: str, move_type: str, county: str, townships: tuple[str, ...], params: dict) -> bool | None:
    """Say whether a move stays inside the county (None when the record does not tell).

    Args:
        dest: 迁往地.
        move_type: 迁移类型 (may be blank).
        county: the county's name ('' when unknown).
        townships: the county's township names (from the rosters and configuration).
        params: C02 parameters (inside_words, outside_words).
    Returns:
        True inside, False outside, None unknown.
    """
    if any(w in move_type for w in params["outside_words"]):
        return False
    if any(w in move_type or w in dest for w in params["inside_words"]):
        return True
    if county and county in dest:
        return True
    if _ADMIN.search(_NOT_ADMIN.sub("", dest)):
        return False  # names another province, city or county
    if any(t in dest for t in townships):
        return True
    return False if dest else None


def _migrations(ctx: Context, params: dict) -> list[Finding]:
    ref = linked_rows(ctx, "migrations")
    study = tuple(params["study_words"])
    county = ctx.common.get("county_name", "")
    townships = tuple(p for p in ctx.common.get("county_places", []) if p)
    out = []
    for m, r, conf, key in links(ctx, "migrations").itertuples(index=False):
        row = ref[r]
        moved = row.get("date")
        if isinstance(moved, dt.date) and moved > ctx.as_of:
            continue
        reason, dest, mtype = (str(row.get(f, "") or "") for f in ("reason", "dest", "move_type"))
        if any(w in reason or w in dest for w in study):
            continue
        inside = inside_county(dest, mtype, county, townships, params)
        if inside:
            continue
        what = values(row, {"date_text": "迁出日期", "dest": "迁往地", "reason": "迁移原因", "move_type": "迁移类型"})
        if inside is None:
            out.append(_emit(ctx, "migrations", m, row, LOW, key, f"{what}（迁往地不详，请核实是否迁出本县）"))
        else:
            out.append(_emit(ctx, "migrations", m, row, conf, key, f"{what}（迁出本县）"))
    return out
