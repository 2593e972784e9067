"""Shared facts for the coverage leads (漏保线索, L01–L05): who is covered, dead, disabled, ill, monitored.

The leads are about people who are *not* on the rosters, so unlike the audit's findings a lead names
a person from a list (monitoring, disability …), not a roster member. Everything here is computed
once per run and remembered in ``ctx.cache``; nothing here registers a code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd

from ..match import EXACT_KEY, MASKED_KEY, former_links, link, link_lists
from ..namematch import NameMatchParams
from ..model import HIGH, LOW, MEDIUM, Context
from ..normalize import codes, ids
from ..normalize.values import date, money, text
from ..io.columns import FORMER_ID_FIELD
from ..reference import head_ids
from ..roster import DIED
from . import dead_on_lists, registry_homes, where

# Coverage leads are registered here, not in rules.RULES: the audit never runs them.
Lead_ = Callable[[Context], list["Lead"]]
LEADS: dict[str, Lead_] = {}
PRIORITY_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}
# ctx.cache key: code → place name as the rosters' code pages and code table files give them (``roster.place_names_of``)
PLACE_NAMES = "cov:code-place-names"
# ctx.cache key: ID → (保障类别 as written, row, file) of the 低保边缘 (低边) rows the rosters left out (``Table.edge``)
EDGE_ROWS = "cov:edge-rows"


def edge_said(ctx: Context, pids) -> str:
    """'（本户在《file》第 N 行为“低保边缘”，低保边缘家庭不是低保、特困对象）' when a roster lists one of these people among its
    低边 rows, which are no enrolment (held-out 375: a 低边 family's lead said only that it was on no roster, while the
    file the visitor opens lists it), '' else."""
    edge = ctx.cache.get(EDGE_ROWS) or {}
    found = next((edge[pid] for pid in pids if pid and pid in edge), None)
    if found is None:
        return ""
    word, row, file = found
    return f"（本户在《{file}》第 {row} 行为“{word}”，低保边缘家庭不是低保、特困对象）"


def lead(code: str) -> Callable[[Lead_], Lead_]:
    """Register a function as the logic of a coverage lead code (kept out of the audit's registry).

    Args:
        code: the lead code (L01…).
    Returns:
        The decorator.
    """

    def register(fn: Lead_) -> Lead_:
        LEADS[code] = fn
        return fn

    return register


@dataclass
class Lead:
    """One household (or person) that may be missing from the rosters, with the figures it rests on.

    Attributes:
        code: the lead code.
        priority: 高/中/低 (how strongly the figures point to eligibility).
        confidence: 高/中/低 (how sure the person links across lists: exact IDs are 高).
        person: township, village, head_name, head_id, name, id of the person concerned.
        evidence: which list rows and figures the lead rests on.
        source: the main list's label; source_row the row there.
        key: the key the lists were linked on.
        figures: evidence columns (人均月收入, 保障标准, 残疾类别 …) for the report.
        household: a key naming the household (one lead per household and code at most, except per person codes).
    """

    code: str
    priority: str
    confidence: str
    person: dict[str, str]
    evidence: str
    source: str = ""
    source_row: str = ""
    key: str = ""
    figures: dict[str, str] = field(default_factory=dict)
    household: str = ""


def params(ctx: Context, code: str) -> dict[str, Any]:
    """Return a lead's effective parameters."""
    return ctx.specs[code].params


def _cached(ctx: Context, key: str, make: Callable[[], Any]) -> Any:
    if key not in ctx.cache:
        ctx.cache[key] = make()
    return ctx.cache[key]


# list label → the columns its file gave, where one kind was read from several files (coverage.py; h398)
LIST_COLUMNS = "cov:list-columns"


def list_columns(ctx: Context, kind: str, row: dict) -> set[str]:
    """The columns the file of a list row gave: its own file's where a kind was read from several (a 低保边缘 list has
    no 风险 column, the 防返贫 list beside it has), else the list's.

    Args:
        ctx: the context.
        kind: the list kind.
        row: the list row.
    Returns:
        The column names.
    """
    own = ctx.cache.get(LIST_COLUMNS, {}).get(cell(row, "_list_label"))
    return own if own is not None else set(ctx.lists[kind].columns)


def cell(row: dict, name: str) -> str:
    """Return a list cell as stripped text ('' for blanks)."""
    v = row.get(name)
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return str(v).strip()


def written(row: dict, name: str) -> str:
    """Return a list cell as the clerk wrote it, for quoting (``<name>_written``: full-width brackets kept, see
    ``reference._WRITTEN``), else its folded text as :func:`cell` gives it."""
    return cell(row, f"{name}_written") or cell(row, name)


def frame(ctx: Context, kind: str) -> pd.DataFrame:
    """Return a list prepared for the leads: IDs from 户主 or 残疾人证号 when the row has none, ages.

    Adds ``pid`` (the valid ID or ''), ``head_pid`` and ``age``; a disability list's 20-character
    certificate number gives the ID, category and level when the columns are missing.

    Args:
        ctx: the context.
        kind: the list kind.
    Returns:
        The frame (a copy; the loaded list is left as it was).
    """
    return _cached(ctx, f"cov:frame:{kind}", lambda: _prepare(ctx, kind))


def _prepare(ctx: Context, kind: str) -> pd.DataFrame:
    f = ctx.lists[kind].copy()
    if kind == "exits" and "reason" in f.columns:  # a bare code the [L05] reason_codes table names, with its meaning
        f["reason"] = [exit_reason(ctx, v) for v in f["reason"].tolist()]
        if "reason_written" in f.columns:
            f["reason_written"] = [exit_reason(ctx, v) for v in f["reason_written"].tolist()]
    if "head_id" in f.columns:
        hv, hs, _, _ = head_ids(f)
        f["head_pid"] = [v if s == ids.VALID else "" for v, s in zip(hv, hs)]
    else:
        f["head_pid"] = ""
    if kind in ("disabled", "subsidies") and "cert" in f.columns:  # the ID from the 残疾人证号's first 18 characters
        certs = [re.sub(r"\s", "", cell({"c": c}, "c")).upper() for c in f["cert"].tolist()]
        derived, st, rel, birth = ids.id_numbers([c[:18] if len(c) >= 18 else "" for c in certs])
        use = [s0 != ids.VALID and s1 == ids.VALID for s0, s1 in zip(f["id_status"], st)]
        for col, vals in (("id", derived), ("id_status", st), ("id_reliable", rel), ("birth", birth)):
            f[col] = [v if u else old for v, u, old in zip(vals, use, f[col].tolist())]
        f["cert_tail"] = [certificate_tail(c) for c in certs]
        f["id_from_cert"] = use  # (the key L04 says it looked people up by)
    if "head_id" in f.columns:
        # A row naming the household's head only (no ID of its own, no other name: one row per household, or such
        # rows among member rows in another sheet) is the head's.
        own = [text(v) for v in f["id_raw"].tolist()]
        names = [text(v) for v in f["name"].tolist()] if "name" in f.columns else [""] * len(f)
        head_names = [text(v) for v in f["head_name"].tolist()] if "head_name" in f.columns else [""] * len(f)
        heads = [i for i, (o, n, h, hid) in enumerate(zip(own, names, head_names, f["head_id"].tolist()))
                 if not o and text(hid) and (not n or n == h)]
        if heads:  # (his ID as read: a cut number passing the check character by chance is no exact ID)
            read = [[part[i] for i in heads] for part in head_ids(f)]
            raw = f["head_id_raw"].iloc[heads].tolist()
            at = f.index[heads]
            for col, vals in (*zip(("id", "id_status", "id_reliable", "birth"), read), ("id_raw", raw)):
                f[col] = f[col].astype(object)
                f.loc[at, col] = pd.Series(vals, index=at, dtype=object)
            if "head_name" in f.columns:
                from ..normalize.names import person_name

                blank = [i for i in heads if not names[i]]
                if blank:
                    f["name"] = f["name"].astype(object) if "name" in f.columns else ""
                    f.loc[f.index[blank], "name"] = [head_names[i] for i in blank]
                    f["name_key"] = f["name_key"].astype(object) if "name_key" in f.columns else ""
                    f.loc[f.index[blank], "name_key"] = [person_name(head_names[i]) for i in blank]
    f["pid"] = [v if s == ids.VALID else "" for v, s in zip(f["id"], f["id_status"])]
    cut = [i for i, (v, s) in enumerate(zip(f["id"], f["id_status"])) if s == ids.NUMERIC and v]
    if cut and kind != "registry":  # digits lost to a number format: the one person of that name the rosters or registry know
        known = _known_ids(ctx)
        keys = f["name_key"].tolist() if "name_key" in f.columns else [""] * len(f)
        pids, heads, own = f["pid"].tolist(), f["head_pid"].tolist(), f["id"].tolist()
        hids = f["head_id"].tolist() if "head_id" in f.columns else [""] * len(f)
        for i in cut:
            found = known.get((keys[i], own[i][:ids.SURVIVING]))
            if found:
                pids[i] = found
                if ids.id_number(hids[i]).value == own[i]:  # a row naming the head only: his ID as the head's too
                    heads[i] = found
        f["pid"], f["head_pid"] = pids, heads
    if "head_id" in f.columns and "head_name" in f.columns and kind != "registry":
        _repair_head_ids(ctx, f)
    f[PID_BY] = ""
    if kind == "monitoring" and ctx.has("registry"):
        _resolve_masked(ctx, f)
    if kind == "illness":
        _resolve_by_birth(ctx, f)
    former = registry_former(ctx) if kind != "registry" else {}
    if former:  # a list naming somebody by the former ID the registry keeps: her current one (held-out 366)
        for col in ("pid", "head_pid"):
            f[col] = [former.get(v, v) for v in f[col].tolist()]
    f["age"] = [ids.age_on(b, ctx.as_of) if isinstance(b, dt.date) else None for b in f["birth"]]
    return f


def _repair_head_ids(ctx: Context, f: pd.DataFrame) -> None:
    """Give member rows whose 户主 ID lost its last digits to a number format the head's valid ID: the one person of
    the head's name whose ID starts so on this list's own rows (the head's row), else on the rosters or registry —
    the head's row and his members' rows then make one household, not two."""
    from ..normalize.names import person_name

    hv, hs, _, _ = head_ids(f)
    cut = [i for i, (v, s, h) in enumerate(zip(hv, hs, f["head_pid"].tolist())) if s == ids.NUMERIC and v and not h]
    if not cut:
        return
    own: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, pid in zip(f["name_key"].tolist() if "name_key" in f.columns else [], f["pid"].tolist()):
        if pid and key:
            own[(key, pid[:ids.SURVIVING])].add(pid)
    known, heads, names = _known_ids(ctx), f["head_pid"].tolist(), f["head_name"].tolist()
    for i in cut:
        key = (person_name(text(names[i])), hv[i][:ids.SURVIVING])
        found = own.get(key, set())
        heads[i] = next(iter(found)) if len(found) == 1 else ("" if found else known.get(key, ""))
    f["head_pid"] = heads


# A prepared list's column saying how a row's ``pid`` was found when the row's own ID could not give it ('' when it did):
# a masked ID resolved through the registry (:func:`_resolve_masked`), or a row without an ID by name and birth date
# (:func:`_resolve_by_birth`). Such a person is never identified as surely as by an ID read whole.
PID_BY = "pid_by"
BY_MASK, BY_BIRTH = "mask", "name+birth"


def _valid_by_name(ctx: Context) -> dict[str, set[str]]:
    """Name key → the valid IDs of that name the rosters, the registry and the coverage lists know."""

    def make() -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        parts = [ctx.members] + [ctx.lists[k] for k in ("registry", "monitoring", "disabled", "exits", "rejected",
                                                        "subsidies") if ctx.has(k)]
        for part in parts:
            if "name_key" not in part.columns or "id" not in part.columns:
                continue
            for key, v, st in zip(part["name_key"].tolist(), part["id"].tolist(), part["id_status"].tolist()):
                if st == ids.VALID and key:
                    out[key].add(v)
        return out

    return _cached(ctx, "cov:valid-by-name", make)


def _registry_villages(ctx: Context) -> dict[str, list[str]]:
    """Valid ID → the registry's village cell and address of the person (each row's, blanks left out)."""

    def make() -> dict[str, list[str]]:
        reg, out = ctx.lists["registry"], defaultdict(list)
        cols = [reg[c].tolist() for c in ("village", "address") if c in reg.columns]
        for pid, st, *cells in zip(reg["id"].tolist(), reg["id_status"].tolist(), *cols):
            if st == ids.VALID:
                out[pid] += [t for c in cells if (t := re.sub(r"\s", "", text(c)))]
        return out

    return _cached(ctx, "cov:registry-villages", make)


def _resolve_masked(ctx: Context, f: pd.DataFrame) -> None:
    """Give a monitoring row whose ID is masked (4305**********1234, as on a public list) the valid ID of the one person
    of its name the rosters, registry and lists know whose ID shows the digits left visible, when the registry places
    that person in the row's village (its 村 cell, or its 住址 naming the village): her household's members and coverage
    then come from the registry as for a whole ID, the lead never above 中 (h429: a masked head left her household a 低
    lead though the registry named her). Two such people, or one elsewhere, resolve nothing, unless exactly one of them
    shares a registry 户号 with members of the row's household whose own IDs are whole. A masked 户主身份证号 on member
    rows is resolved the same way by the 户主姓名, so the head's row and his members' stay one household."""
    if "name_key" not in f.columns or "village" not in f.columns:
        return
    from ..normalize.names import person_name

    raw, pids, keys, villages = f["id_raw"].tolist(), f["pid"].tolist(), f["name_key"].tolist(), f["village"].tolist()
    head_raw = f["head_id_raw"].tolist() if "head_id_raw" in f.columns else [""] * len(f)
    head_names = f["head_name"].tolist() if "head_name" in f.columns else [""] * len(f)
    heads, by = f["head_pid"].tolist(), f[PID_BY].tolist()
    own_masked = [not v and ids.masked(c) is not None for v, c in zip(pids, raw)]
    head_masked = [not h and bool(text(n)) and ids.masked(c) is not None for h, n, c in zip(heads, head_names, head_raw)]
    if not any(own_masked) and not any(head_masked):
        return
    known, places = _valid_by_name(ctx), _registry_villages(ctx)
    home_of = registry_homes(ctx)[0]
    # the registry 户号 of the members whose own IDs are whole, per household as the rows name it (masked head ID, head,
    # village): of two namesakes in the village whose IDs show the digits, the one in his members' 户 (h422's left-over)
    group = [(text(h), text(n), text(v)) for h, n, v in zip(head_raw, head_names, villages)]
    homes: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for g, pid in zip(group, pids):
        if pid and home_of.get(pid):
            homes[g].add(home_of[pid])

    def resolve(key: str, cell_: object, village: object, g: tuple[str, str, str]) -> str:
        found = {v for v in known.get(key or "", ()) if ids.fits_mask(v, cell_)}
        mates = {v for v in found if home_of.get(v) in homes.get(g, ())}
        if len(mates) == 1:
            return next(iter(mates))
        where_ = re.sub(r"\s", "", text(village))
        if not where_ or len(found) != 1:
            return ""
        pid = next(iter(found))
        return pid if any(t == where_ or where_ in t for t in places.get(pid, ())) else ""

    for i in range(len(f)):
        if own_masked[i] and (pid := resolve(keys[i], raw[i], villages[i], group[i])):
            pids[i], by[i] = pid, BY_MASK
            if text(head_raw[i]) == text(raw[i]) and not heads[i]:  # a row naming its head only: his ID as the head's
                heads[i] = pid
        if head_masked[i] and not heads[i]:
            heads[i] = resolve(person_name(text(head_names[i])), head_raw[i], villages[i], group[i])
    f["pid"], f["head_pid"], f[PID_BY] = pids, heads, by


def resolved_said(ctx: Context, row: dict) -> str:
    """What a lead says of a list row whose person was found without an ID read whole (:data:`PID_BY`), '' otherwise."""
    how, pid = row.get(PID_BY), row.get("pid") or ""
    name = cell(row, "name") or cell(row, "head_name")
    if how == BY_MASK:
        reg = row_of(ctx, pid, ("registry",))
        return (f"；名单上{name}的身份证号被遮挡（{cell(row, 'id_raw')}），按{where(ctx, 'registry', reg) if reg else '户籍人口信息'}"
                f"中同名、露出的几位相同、同村（或与本户其他成员同户号）的唯一一人（{ids.mask_id(pid)}）比对，"
                "不是按完整身份证号确认的")
    if how == BY_BIRTH:
        return (f"；名单没有{name}的身份证号，按姓名+出生日期对上花名册、户籍和各名单中唯一的一人（{ids.mask_id(pid)}），"
                "不是按身份证号确认的，请先核实是否同一人")
    return ""


def _resolve_by_birth(ctx: Context, f: pd.DataFrame) -> None:
    """Give an illness row without an ID (a 医保 export naming people by 医保个人编号, 姓名 and 出生日期 only) the valid ID
    of the one person of that name and birth date the rosters, registry and lists know; never by the name alone, and a
    lead resting on it is 低 (h429)."""
    if "name_key" not in f.columns or "born" not in f.columns:
        return
    pids, status, by = f["pid"].tolist(), f["id_status"].tolist(), f[PID_BY].tolist()
    # (a 医保个人编号 taken for the ID column by its 18 digits reads as an ID with an impossible date or check character)
    todo = [i for i, (v, st) in enumerate(zip(pids, status)) if not v and st != ids.NUMERIC]
    if not todo:
        return
    known, keys, born = _valid_by_name(ctx), f["name_key"].tolist(), f["born"].tolist()
    for i in todo:
        day = born[i]
        if not keys[i] or not isinstance(day, dt.date):
            continue
        found = {v for v in known.get(keys[i], ()) if v[6:14] == f"{day:%Y%m%d}"}
        if len(found) == 1:
            pids[i], by[i] = next(iter(found)), BY_BIRTH
    f["pid"], f[PID_BY] = pids, by


def _known_ids(ctx: Context) -> dict[tuple[str, str], str]:
    """(name key, the first digits a number format keeps) → the one valid ID of that name on the rosters or in the
    registry that starts so (a key two different people share is left out)."""

    def make() -> dict[tuple[str, str], str]:
        seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        parts = [ctx.members] + ([ctx.lists["registry"]] if ctx.has("registry") else [])
        for part in parts:
            if "name_key" not in part.columns:
                continue
            for key, v, st in zip(part["name_key"].tolist(), part["id"].tolist(), part["id_status"].tolist()):
                if st == ids.VALID and key:
                    seen[(key, v[:ids.SURVIVING])].add(v)
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}

    return _cached(ctx, "cov:known-ids", make)


def rows(ctx: Context, kind: str) -> dict[int, dict]:
    """Return a prepared list as row index → {column: value} (built once; pandas' to_dict is slow).

    Args:
        ctx: the context.
        kind: the list kind.
    Returns:
        The rows.
    """

    def make() -> dict[int, dict]:
        f = frame(ctx, kind)
        cols = list(f.columns)
        return {int(i): dict(zip(cols, vals)) for i, vals in zip(f.index, zip(*(f[c].tolist() for c in cols)))}

    return _cached(ctx, f"cov:rows:{kind}", make)


def covered_rows(ctx: Context, kind: str) -> dict[int, str]:
    """Return list row → programme of the roster member it links to (any confidence: a damaged ID is covered too).

    Args:
        ctx: the context.
        kind: the list kind.
    Returns:
        row → '低保' / '特困'.
    """

    def make() -> dict[int, str]:
        f = frame(ctx, kind)
        found = _sure_links(ctx, f)
        out: dict[int, str] = {}
        for m, r in zip(found["m"], found["r"]):
            out[int(r)] = ctx.value(int(m), "programme") or "低保"
        # Rows without an ID of their own whose household head is a roster head.
        heads = roster_heads(ctx)
        for r, h in zip(f.index, f["head_pid"]):
            if h and h in heads and int(r) not in out and kind not in ("disabled", "illness", "subsidies"):
                out[int(r)] = heads[h]
        return out

    return _cached(ctx, f"cov:covered:{kind}", make)


def roster_member(ctx: Context, pid: str) -> tuple[int | None, bool]:
    """The roster member a person is (by valid ID), else a roster member of the person's registry household.

    Args:
        ctx: the context.
        pid: the person's valid ID.
    Returns:
        (member index or None, whether found through the registry).
    """
    index = _cached(ctx, "cov:member-index", lambda: {
        v: j for j, (v, st) in reversed(list(enumerate(zip(ctx.members["id"].tolist(), ctx.members["id_status"].tolist()))))
        if st == ids.VALID})
    if pid in index:
        return index[pid], False
    return next(((index[x], True) for x in registry_fellows(ctx, pid) if x in index), (None, False))


def roster_person(ctx: Context, j: int, row: dict) -> dict[str, str]:
    """A lead's identity columns for a list row whose household is on a roster: the person as the list names her, her
    household's head, township and village as the roster has them."""
    v = ctx.value
    return {"township": v(j, "township"), "village": v(j, "village"), "head_name": v(j, "head_name"),
            "head_id": v(j, "head_id"), "name": cell(row, "name"), "id": row.get("pid") or cell(row, "id_raw")}


def roster_heads(ctx: Context) -> dict[str, str]:
    """Return valid IDs of roster members and heads → programme (a household is covered by any member)."""

    def make() -> dict[str, str]:
        out: dict[str, str] = {}
        m = ctx.members
        for col in ("id", "head_id"):
            if col not in m.columns:
                continue
            for v, p in zip(m[col].tolist(), m["programme"].tolist()):
                v = str(v or "").strip().upper()
                if len(v) == 18:
                    out.setdefault(v, p or "低保")
        return out

    return _cached(ctx, "cov:heads", make)


def tekun_ids(ctx: Context) -> set[str]:
    """Return the valid IDs on the 特困 roster."""
    m = ctx.members
    return _cached(ctx, "cov:tekun", lambda: set(m.loc[(m["programme"] == "特困") & (m["id_status"] == ids.VALID), "id"]))


def dead_rows(ctx: Context, kind: str) -> set[int]:
    """Return the rows of a list whose person is dead by the review date: on the deaths list, or named by an exit
    row whose 退出原因 is the person's death (:func:`exit_deaths`)."""

    def make() -> set[int]:
        out: set[int] = set()
        if ctx.has("deaths"):
            deaths = ctx.lists["deaths"]
            found = link_lists(frame(ctx, kind), deaths)
            dates = deaths["date"] if "date" in deaths.columns else pd.Series(None, index=deaths.index)
            died = death_readings(ctx)
            out = {int(r) for r, d in zip(found["m"], found["r"])
                   if (not isinstance(dates.get(d), dt.date) or dates.get(d) <= ctx.as_of) and died.get(int(d))}
        gone = exit_deaths(ctx) | recorded_deaths(ctx)
        return out | {r for r, row in rows(ctx, kind).items() if row["pid"] in gone} if gone else out

    return _cached(ctx, f"cov:dead:{kind}", make)


def recorded_deaths(ctx: Context) -> set[str]:
    """Valid IDs of the people the deaths list, the registry's 人员状态 (死亡, 注销) or a roster's own history rows
    (已死亡 特困 people) say are dead (held-out 182: six leads for dead people, three survivors missed); a death recorded
    under the former ID the registry keeps beside the person's current one is hers (held-out 366)."""
    def make() -> set[str]:
        dead = dead_on_lists(ctx, death_readings(ctx)) | {k for k, (word, *_rest) in ctx.departed.items() if DIED.search(str(word))}
        former = registry_former(ctx)
        return dead | {former[v] for v in dead if v in former}

    return _cached(ctx, "cov:recorded-deaths", make)


def read_death(ctx: Context) -> Callable[[dict], bool]:
    """A deaths-list row → whether C02 reads it as a death (``c02_status.reads_died``: a cause that says another reason,
    迁出, is none; a bare code is one only when it is the list's own death code, h427), the test every death coverage
    takes from the deaths list goes through (h436: every row was a death, the 3s of a list coded 1/3 too)."""
    from .c02_status import reads_died

    c02 = ctx.specs["C02"].params
    return lambda row: reads_died(ctx, row, c02) is True


def death_readings(ctx: Context) -> dict[int, bool]:
    """Deaths-list row index → whether it reads as a death (:func:`read_death`), once per run."""
    def make() -> dict[int, bool]:
        said = read_death(ctx)
        return {r: said(row) for r, row in rows(ctx, "deaths").items()} if ctx.has("deaths") else {}

    return _cached(ctx, "cov:death-readings", make)


def registry_former(ctx: Context) -> dict[str, str]:
    """Valid former ID → the valid current ID the registry gives beside it (曾用公民身份号码, 原身份证号), the two differing.
    A former ID that is somebody's current ID in the registry, or that two people claim, is left out."""
    def make() -> dict[str, str]:
        if not ctx.has("registry") or FORMER_ID_FIELD not in ctx.lists["registry"].columns:
            return {}
        reg = ctx.lists["registry"]
        ok = ((reg["id_status"] == ids.VALID) & (reg["former_id_status"] == ids.VALID)
              & (reg[FORMER_ID_FIELD] != reg["id"])).to_numpy()
        claims: dict[str, set[str]] = defaultdict(set)
        for cur, old in zip(reg["id"].to_numpy()[ok].tolist(), reg[FORMER_ID_FIELD].to_numpy()[ok].tolist()):
            claims[old].add(cur)
        current = set(reg.loc[reg["id_status"] == ids.VALID, "id"].tolist())
        return {old: next(iter(cur)) for old, cur in claims.items() if len(cur) == 1 and old not in current}

    return _cached(ctx, "cov:registry-former", make)


def former_ids_said(ctx: Context, leads: list[Lead]) -> None:
    """Say in a lead's evidence that a list named its person (or her household's head) by the former ID the registry
    keeps beside her current one, the lead giving the current (:func:`frame`): the clerk looking for the list's row finds
    the number it holds (held-out 366)."""
    former = registry_former(ctx)
    if not former or not leads:
        return
    listed: set[str] = set()
    for kind, ref in ctx.lists.items():
        for col in ("id", "head_id") if kind != "registry" else ():
            if col in ref.columns:
                listed |= set(ref.loc[ref[col].isin(former.keys()), col].tolist())
    used = {former[v]: v for v in listed}
    for ld in leads:
        said = [f"{ld.person.get(n, '')}（{used[c]} 是其曾用身份证号）" for n, c in
                (("name", ld.person.get("id", "")), ("head_name", ld.person.get("head_id", ""))) if c in used]
        if said:
            ld.evidence += f"；名单按户籍信息中的曾用身份证号登记的{'、'.join(dict.fromkeys(said))}，已按现身份证号比对"


def masked_deaths(ctx: Context) -> dict[str, list[tuple[tuple[str, str], dict]]]:
    """Name key → the deaths list's rows whose ID is masked (431126********2443), dated by the review date or undated:
    such a row names nobody by itself (:func:`dead_ids` never counts it), but a listed person of that name whose ID shows
    the same digits may be the one who died."""

    def make() -> dict[str, list[tuple[tuple[str, str], dict]]]:
        out: dict[str, list[tuple[tuple[str, str], dict]]] = defaultdict(list)
        if not ctx.has("deaths") or "name_key" not in ctx.lists["deaths"].columns:
            return out
        for row in ctx.lists["deaths"].to_dict("records"):
            shown = ids.masked(cell(row, "id_raw"))
            when = row.get("date")
            if shown and row.get("name_key") and (not isinstance(when, dt.date) or when <= ctx.as_of):
                out[row["name_key"]].append((shown, row))
        return out

    return _cached(ctx, "cov:masked-deaths", make)


def masked_death_of(ctx: Context, pid: str, name: str) -> dict | None:
    """The deaths list's masked row of this name whose visible digits this valid ID shows, else None."""
    from ..normalize.names import person_name

    if not pid or not name:
        return None
    return next((row for shown, row in masked_deaths(ctx).get(person_name(name), ()) if ids.shows(pid, shown)), None)


def _masked_death_text(ctx: Context, name: str, row: dict) -> str:
    when = row.get("date")
    return (f"{name}：{where(ctx, 'deaths', row)}有同名、身份证号露出的几位也相同的人（{cell(row, 'id_raw')}"
            + (f"，死亡日期 {when:%Y-%m-%d}" if isinstance(when, dt.date) else "") + "）")


def masked_deaths_among(ctx: Context, pids: list[str], name: str = "") -> dict[str, str]:
    """Of these people (valid IDs), those a masked row of the deaths list may name (:func:`masked_death_of`, by the name
    the lists give each, else ``name``), each with what the evidence says of it; empty when none or no such rows."""
    if not pids or not masked_deaths(ctx):
        return {}
    names, out = _names_by_id(ctx), {}
    for pid in pids:
        who = names.get(pid) or name
        row = masked_death_of(ctx, pid, who)
        if row is not None:
            out[pid] = _masked_death_text(ctx, who, row)
    return out


MASKED_DEATH_LOWERED = "，被遮挡的身份证号不能确认是同一人，可能已去世，请先核实（优先级降为低）"
MASKED_DEATH_NOTED = "，被遮挡的身份证号不能确认是同一人，可能已去世，核实家庭人口时注意"


def masked_deaths_said(ctx: Context, leads: list[Lead]) -> None:
    """Lower to 低 a lead whose person (for L01, every member of the household still counted) may be the one a masked row
    of the deaths list names, and say so: the ID is masked, no match, but the visit should check first (held-out 422: a
    dead lone elder named on the deaths list as 431126********2443 was an L01 高 and an L03 中 lead)."""
    if not leads or not masked_deaths(ctx):
        return
    _doubted_deaths_said(ctx, leads, lambda pid, name: masked_death_of(ctx, pid, name),
                         lambda name, row: _masked_death_text(ctx, name, row), MASKED_DEATH_LOWERED, MASKED_DEATH_NOTED)


def _doubted_deaths_said(ctx: Context, leads: list[Lead], row_of, text_of, lowered: str, noted: str) -> None:
    """Lower to 低 a lead (not L05, judged by its grounds: ``l_coverage.removed_or_refused``) whose person — for L01, every
    member of the household still counted — has a deaths-list row in doubt (``row_of(pid, name)``, None for none), and
    say it (``text_of(name, row)`` + ``lowered``); a household with other members keeps its priority and the evidence
    names the person (+ ``noted``). Shared by masked rows and rows whose cause does not read as a death."""
    dead, homes = dead_ids(ctx), households(ctx)
    names = _names_by_id(ctx)
    for ld in leads:
        if ld.code == "L05":
            continue
        hh = homes.get(ld.household) if ld.code == "L01" else None
        people = [p for p in hh.pids if p not in dead] if hh is not None else [ld.person.get("id", "")]
        found = [(p, row_of(p, names.get(p) or ld.person.get("name", ""))) for p in people]
        hits = [(p, row) for p, row in found if row is not None]
        if not hits:
            continue
        said = "、".join(text_of(names.get(p) or ld.person.get("name", ""), row) for p, row in hits)
        if len(hits) == len(people):
            ld.priority = LOW
            ld.evidence = ld.evidence.replace("，优先级高）", "）") + f"；{said}{lowered}"
        else:
            ld.evidence += f"；其中{said}{noted}"


def _names_by_id(ctx: Context) -> dict[str, str]:
    """Valid ID → a name the coverage lists or rosters give it (the first)."""

    def make() -> dict[str, str]:
        out: dict[str, str] = {}
        for kind in ("monitoring", "disabled", "illness", "exits", "rejected", "registry"):
            if ctx.has(kind):
                f = frame(ctx, kind)
                if "name" in f.columns:
                    for pid, name in zip(f["pid"].tolist(), f["name"].tolist()):
                        if pid and str(name or "").strip():
                            out.setdefault(pid, str(name).strip())
        m = ctx.members
        if "name" in m.columns:
            for pid, st, name in zip(m["id"].tolist(), m["id_status"].tolist(), m["name"].tolist()):
                if st == ids.VALID and str(name or "").strip():
                    out.setdefault(pid, str(name).strip())
        return out

    return _cached(ctx, "cov:names-by-id", make)


def former_pairs(ctx: Context, left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    """(left row, right row) pairs of one person one list names by her current ID and the other by the former ID the
    registry keeps beside it (:func:`registry_former`; :func:`frame` gives both rows her current ID as ``pid``), the
    names agreeing; columns m, r (held-out 366: both subsidies paid under a corrected ID's old number, an L04 高 'not
    paid')."""
    out = pd.DataFrame({"m": pd.Series(dtype=int), "r": pd.Series(dtype=int)})
    current = set(registry_former(ctx).values())
    if not current or "pid" not in left.columns or "pid" not in right.columns:
        return out

    def keyed(f: pd.DataFrame) -> pd.DataFrame:
        hit = f["pid"].isin(current).to_numpy()
        names = f["name_key"] if "name_key" in f.columns else pd.Series("", index=f.index)
        return pd.DataFrame({"row": f.index[hit], "pid": f["pid"].to_numpy()[hit], "key": names.to_numpy()[hit],
                             "renamed": (f["pid"] != f["id"]).to_numpy()[hit]})

    a, b = keyed(left), keyed(right)
    if a.empty or b.empty:
        return out
    both = a.merge(b, on=["pid", "key"], suffixes=("_m", "_r"))
    both = both[(both["renamed_m"] | both["renamed_r"]) & (both["key"] != "")]
    return pd.DataFrame({"m": both["row_m"].astype(int).to_numpy(), "r": both["row_r"].astype(int).to_numpy()})


def dead_ids(ctx: Context) -> set[str]:
    """Return valid IDs of the people dead by the review date: on the deaths list (its IDs stored as numbers too, as
    :func:`listed_ids` links them), by the exit list's 退出原因, or as :func:`recorded_deaths` says."""
    died = death_readings(ctx)

    def dated(row: dict) -> bool:
        return (not isinstance(row.get("date"), dt.date) or row["date"] <= ctx.as_of) and died.get(int(row["_at"]), False)

    return _cached(ctx, "cov:dead-ids", lambda: set(exit_deaths(ctx)) | recorded_deaths(ctx)
                   | set(listed_ids(ctx, "deaths", dated)))


def unread_deaths(ctx: Context) -> dict[str, dict]:
    """Valid ID → the deaths-list row (dated by the review date or undated) that names a person not otherwise known dead
    while its cause does not read as a death (:func:`read_death`: an unread code, a 迁出): the registration was
    cancelled, so the person may have died or left; a lead for her is kept at 低 and says so (:func:`unread_deaths_said`)
    rather than dropped (h436)."""
    def make() -> dict[str, dict]:
        died, listed = death_readings(ctx), rows(ctx, "deaths") if ctx.has("deaths") else {}

        def doubted(row: dict) -> bool:
            return ((not isinstance(row.get("date"), dt.date) or row["date"] <= ctx.as_of)
                    and not died.get(int(row["_at"]), False))

        found = listed_ids(ctx, "deaths", doubted, "unread")
        at = _cached(ctx, "cov:listed-rows:deaths:unread", dict)
        dead = dead_ids(ctx)
        return {p: listed[at[p]] for p in found if p not in dead and p in at}

    return _cached(ctx, "cov:unread-deaths", make)


UNREAD_DEATH_LOWERED = "，户口已注销，请先核实是否健在、是否仍在本县（优先级降为低）"
UNREAD_DEATH_NOTED = "，户口已注销，核实家庭人口时注意"


def _unread_death_text(ctx: Context, name: str, row: dict) -> str:
    """'张三在《死亡人员名单》第 6 行中（注销原因“3”，看不出是否死亡）' ('…“迁出”，不是死亡' when the cause says another reason)."""
    from .c02_status import says_died

    cause = cell(row, "cause") or cell(row, "status")
    other = says_died(row, ctx.specs["C02"].params) is False
    return (f"{name}在{where(ctx, 'deaths', row)}中" + (f"（注销原因“{cause}”，{'不是死亡' if other else '看不出是否死亡'}）"
                                                       if cause else "（看不出是否死亡）"))


def unread_deaths_said(ctx: Context, leads: list[Lead]) -> None:
    """Lower to 低 a lead whose person (for L01, every member of the household still counted) is on the deaths list by a
    row whose cause does not read as a death (:func:`unread_deaths`), and say so; a household with other members keeps
    its priority and the evidence names the person (as :func:`masked_deaths_said` for masked rows)."""
    doubted = unread_deaths(ctx) if leads else {}
    if not doubted:
        return
    _doubted_deaths_said(ctx, leads, lambda pid, _name: doubted.get(pid),
                         lambda name, row: _unread_death_text(ctx, name, row), UNREAD_DEATH_LOWERED, UNREAD_DEATH_NOTED)


def custody_of(ctx: Context) -> dict[str, str]:
    """Valid ID → link key of the people the prisoners list says are in custody on the review date (as C02 and C07 read a
    row: ``c02_status.in_custody``), its IDs stored as numbers too (:func:`listed_ids`)."""
    from .c02_status import in_custody

    c02 = ctx.specs["C02"].params
    return listed_ids(ctx, "prisoners", lambda row: in_custody(row, ctx.as_of, c02))


# the lists whose people a deaths or prisoners row may be (besides the rosters): those the leads name people from
_KNOWN_FROM = ("monitoring", "disabled", "illness", "registry", "supporters", "exits", "rejected")


def listed_ids(ctx: Context, kind: str, says: Callable[[dict], bool], tag: str = "") -> dict[str, str]:
    """Valid ID → link key of the people on a deaths or prisoners list whose row ``says`` holds for: the row's own valid
    ID, else the roster member (``rules.links``) or the person of a list the leads read (``match.link_lists``) the row
    links to — an ID stored as a number by name + its first digits, as L01 links its rows (held-out 221: a deaths list
    of numbers kept the dead out of L01 only, and a prisoners list of numbers made no supporter unable).

    Args:
        ctx: the context.
        kind: 'deaths' or 'prisoners'.
        says: the test a row must pass (dead by the review date, in custody on it).
    Returns:
        The IDs, each with the key it was linked on (``match.EXACT_KEY`` for an equal valid ID); remembered per kind
        (one test per kind and ``tag``: :func:`dead_ids`, :func:`custody_of`, :func:`unread_deaths`); the row each ID
        was found on is remembered too (``cov:listed-rows:<kind>:<tag>``).
    """
    def make() -> dict[str, str]:
        from . import links

        if not ctx.has(kind):
            return {}
        held = {r for r, row in rows(ctx, kind).items() if says(dict(row, _at=r))}
        at: dict[str, int] = ctx.cache.setdefault(f"cov:listed-rows:{kind}:{tag}", {})
        found: dict[str, str] = {}
        for r, row in rows(ctx, kind).items():
            if r in held and row["id_status"] == ids.VALID:
                found[row["id"]] = EXACT_KEY
                at.setdefault(row["id"], r)
        m = ctx.members
        people = [(m["id"].where(m["id_status"] == ids.VALID, ""), links(ctx, kind))]
        for other in _KNOWN_FROM:
            if ctx.has(other) and other != kind:
                f = frame(ctx, other)
                people.append((f["pid"], link_lists(f, ctx.lists[kind])))
        for pids, linked in people:
            for i, r, key in zip(linked["m"], linked["r"], linked["key"]):
                # (a masked ID's 低 lead is for a clerk to check, no record that the person died or is held)
                if int(r) in held and pids.get(i) and MASKED_KEY not in str(key):
                    found.setdefault(pids[i], key)
                    at.setdefault(pids[i], int(r))
        return found

    return _cached(ctx, f"cov:listed:{kind}:{tag}", make)


def exit_reason(ctx: Context, value: object) -> object:
    """An exit row's 退出原因 that is wholly a code the [L05] ``reason_codes`` table names, shown with its meaning
    ('2（保障对象死亡）'), so that the words judge it (held-out 304: code 2 unread, a dead woman an L04 lead); else as
    it is."""
    from ..normalize.codes import by_legend

    meanings = params(ctx, "L05").get("reason_codes", {})
    said = cell({"v": value}, "v")
    meaning = by_legend(said, meanings) if said and meanings else said
    return f"{said}（{meaning}）" if meaning != said else value


def exit_deaths(ctx: Context) -> set[str]:
    """Valid IDs of the people an exit row says left because they died (退出原因 with an L05 ``death_words`` word, no
    ``death_other_words`` word naming somebody else's death; 户主 is the row's own person on the head's row), exit
    dated on or before the review date or undated: the exit list is as good as a death record for them. A refusal
    row's 不予批准原因 is read the same way ('申请人已死亡', h446: such an applicant, still on the monitoring list, was
    L01, L03 and L05 高). Somebody on a roster now is alive (the death was a member's: '死亡减员' on the head's row of
    a household still enrolled)."""

    def make() -> set[str]:
        p, enrolled = params(ctx, "L05"), roster_heads(ctx)
        out = set()
        for row in [r for kind in ("exits", "rejected") if ctx.has(kind) for r in rows(ctx, kind).values()]:
            reason, when = cell(row, "reason"), row.get("date")
            if not row["pid"] or row["pid"] in enrolled or not any(w in reason for w in p["death_words"]):
                continue
            own = row["pid"] == row.get("head_pid") or not row.get("head_pid")
            if any(w in reason for w in p["death_other_words"] if not (own and w == "户主")):
                continue
            if not isinstance(when, dt.date) or when <= ctx.as_of:
                out.add(row["pid"])
        return out

    return _cached(ctx, "cov:exit-deaths", make)


def exit_moves(ctx: Context) -> dict[str, tuple[dict, str, str]]:
    """Valid ID → (row, reason, list kind) of the people an exit row says left because their 户籍 moved out of the
    county (退出原因 with an L05 ``moved_out_words`` word, none of ``moved_inside_words``, not a move to study as C02
    reads one: :func:`c02_status.study_move`, "大学毕业就业" no study), or a refusal list's row says was refused for it
    (不予批准原因 “户籍已迁出本县”, h429: such a family's L05 and L01 leads were 中)."""
    from .c02_status import study_move

    def make() -> dict[str, tuple[dict, str, str]]:
        p, c02 = params(ctx, "L05"), ctx.specs["C02"].params
        out: dict[str, tuple[dict, str, str]] = {}
        for kind in ("exits", "rejected"):
            if not ctx.has(kind):
                continue
            for row in rows(ctx, kind).values():
                reason, when = cell(row, "reason"), row.get("date")
                if (row["pid"] and any(w in reason for w in p["moved_out_words"])
                        and not any(w in reason for w in p["moved_inside_words"]) and not study_move(reason, "", c02)
                        and not _to_our_county(ctx, reason)
                        and (not isinstance(when, dt.date) or when <= ctx.as_of)):
                    out.setdefault(row["pid"], (row, reason, kind))
        return out

    return _cached(ctx, "cov:exit-moves", make)


def _to_our_county(ctx: Context, reason: str) -> bool:
    """Whether an exit reason moves to the county itself: it names the county or one of its townships and no other
    province, city or county ('户口迁往商城县城关镇', '迁往城关镇'; not '迁往江苏省苏州市城关镇')."""
    from .c02_status import beside, names_admin  # (C02 judges a destination's words the same way)

    rest, named = beside(reason, (ctx.common.get("county_name", ""), *ctx.common.get("county_places", [])))
    return named and not names_admin(rest)


def _sure_links(ctx: Context, f: pd.DataFrame) -> pd.DataFrame:
    """The members' links to a list's rows (:func:`match.link`), with those a former ID makes (the list's 原身份证号, or
    the roster's beside the list's ID) when sure: 高, the same name and a plausible former ID, never one beside another
    name or another sex — a 原身份证号 column may hold somebody else's ID (held-out 344)."""
    names = NameMatchParams.from_common(ctx.common)
    found = link(ctx.members, f, names=names)
    more = former_links(found, ctx.members, f, names=names)
    if len(more) > len(found):
        extra = more.iloc[len(found):]
        found = pd.concat([found, extra[extra["confidence"] == HIGH]], ignore_index=True)
    return found


def registry_households(ctx: Context) -> tuple[dict[str, str], dict[str, list[int]], set[str]]:
    """Return the registry as (valid ID → 户号, 户号 → valid IDs of its people, 户号s holding a roster member).

    A person whose 与户主关系 says 非亲属 (GB/T 4761 99: a lodger, a 集体户's people) is a household of her own here
    (``户号|ID``): she neither covers the family she is registered with nor is covered by it, nor counts as its member
    (h446: a 集体户's lone 68-year-old, a 低保 man under the same 户号 as 非亲属, was taken as covered — no L01, no L03).
    """

    def make():
        if not ctx.has("registry") or "household_no" not in ctx.lists["registry"].columns:
            return {}, {}, set()
        reg = ctx.lists["registry"]
        by_id, people = registry_homes(ctx)
        homes = reg["household_no"].astype(str).str.strip()
        if "relation" in reg.columns:
            apart = reg["relation"].map(codes.relation_role) == "non_relative"  # (kinship.NON_RELATIVE)
            if apart.any():
                homes = homes.where(~apart | (homes == ""), homes + "|" + reg["id"].astype(str))
                alone = set(reg.loc[apart & (reg["id_status"] == ids.VALID), "id"])
                by_id = {pid: f"{home}|{pid}" if pid in alone else home for pid, home in by_id.items()}
                people = {}
                for pid, home in by_id.items():
                    people.setdefault(home, []).append(pid)
        # (a member the registry gives under her new ID beside her 原身份证号, the roster holding the old, or the other
        # way round: her registry household is enrolled; held-out 353: a monitored husband's family an L01 lead)
        found = _sure_links(ctx, reg)
        covered = {homes.loc[r] for r in found["r"]} - {""}
        heads = roster_heads(ctx)
        covered |= {hh for v, hh in by_id.items() if v in heads}
        return by_id, people, covered

    return _cached(ctx, "cov:registry", make)


def registry_fellows(ctx: Context, pid: str) -> list[str]:
    """Return the valid IDs of the person's registry household (the person's own included)."""
    by_id, people, _ = registry_households(ctx)
    hh = by_id.get(pid)
    return people.get(hh, []) if hh else []


def household_covered(ctx: Context, pids: list[str]) -> str:
    """Return the programme covering any of these people or their registry households ('' when none).

    Args:
        ctx: the context.
        pids: valid IDs of a household's known members.
    Returns:
        '低保', '特困' or ''.
    """
    heads = roster_heads(ctx)
    by_id, _, covered = registry_households(ctx)
    for p in pids:
        if p in heads:
            return heads[p]
    for p in pids:
        if by_id.get(p) in covered:
            return "低保"
    return ""


@dataclass
class Household:
    """A monitoring household: its rows, known members' IDs, figures.

    Attributes:
        key: the household key (head's ID, else head's name + village).
        rows: the list rows.
        pids: valid IDs of its members (rows, head, registry household).
        head: the head's row (or the first row).
        income: monthly income per person (None when not given).
        open: whether the monitoring risk is not eliminated.
        area: 城市/农村/''.
        covered: the programme covering any member ('' when none).
        unsure: some member's ID is damaged, or none is given (coverage cannot be ruled out by ID).
        closed_later: when ``open`` is False because the list says the risk was eliminated on a date after the review
            date, that date (:func:`risk_closed_later`; L01 lists such a household as a 低 lead), else None.
    """

    key: str
    rows: list[int]
    pids: list[str]
    head: dict
    income: float | None
    open: bool
    area: str
    covered: str
    unsure: bool
    closed_later: dt.date | None = None
    # (row, income) of each further monitoring file that gives the household an income of its own, first file first;
    # empty when one file gives every row (a 防返贫 list and a 低保边缘 list disagreeing: held-out 411)
    list_incomes: tuple[tuple[int, float], ...] = ()
    # rows whose masked ID the registry resolved (:func:`_resolve_masked`): the household's leads are 中 at most
    resolved: tuple[int, ...] = ()


def area_of(text: str) -> str:
    """Return 城市/农村 from a 城乡类别 cell ('' when it says neither)."""
    if re.search(r"农村|农业|乡村", text):
        return "农村"
    if re.search(r"城市|城镇|非农|居民", text):
        return "城市"
    return ""


_BRACKETED_END = re.compile(r"\s*[(（]\s*([^()（）]*?)\s*[)）]\s*$")  # a remark closing a 风险 cell: '是（2026-03-20）'
_CODE_BEFORE = re.compile(r"^\s*\d{1,3}\s*[-－—:：.、\s]\s*(?=\D)")  # '1-是', '0：否', '2 已消除'


def _risk_said(state: str, p: dict) -> str:
    """What a monitoring row's 风险 cell says in L01's words ([L01] risk_open_words, risk_closed_words, then
    risk_relapse_words): 'open', 'closed', or '' (blank, or a code no word reads);
    a code before its words is left out ('1-是' says 是: held-out 161 counted it open)."""
    state = _CODE_BEFORE.sub("", state) or state
    if state and any(w in state for w in p["risk_open_words"]):
        return "open"
    # a one-character word with its date in brackets is still that word ('是（2026-03-20）': held-out 457 read it as a
    # code, open at 中)
    bare = _BRACKETED_END.sub("", state) or state
    if state and any(w in (state, bare) or (len(w) > 1 and w in state) for w in p["risk_closed_words"]):
        return "closed"
    # a household fallen back into poverty (返贫致贫) is monitored with its risk open; after the closed words, so that
    # '返贫致贫风险已消除' reads eliminated (held-out 422: the status read as a code no word reads, never 高)
    if state and any(w in state for w in p.get("risk_relapse_words", ())):
        return "open"
    return ""


# the first year a 风险 cell holding only a date is read as its elimination date: codes (1, 2, 3) parse as 1900 serials
_RISK_CELL_YEARS = 2000


def risk_cell_date(state: str, p: dict) -> dt.date | None:
    """The date a monitoring row's 风险是否消除 cell holds instead of words ('2026-03-15', an Excel serial), or in brackets
    after words saying eliminated ('是（2026-03-20）', '已消除（2026-03）'): the household was eliminated on it (held-out
    457: a date alone was read as a code no word reads, open, a false L01 at 中).

    Args:
        state: the 风险 cell.
        p: L01's parameters (risk vocabularies).
    Returns:
        The date, else None (open, words without a date, a code, blank).
    """
    said = _risk_said(state, p) if state else "open"
    if said == "open":
        return None
    if said == "closed":
        inner = _BRACKETED_END.search(state)
        state = inner.group(1) if inner else ""
    when = date(state) if state else None
    return when if when is not None and when.year >= _RISK_CELL_YEARS else None


def risk_when(row: dict, p: dict) -> dt.date | None:
    """A monitoring row's elimination date: its 风险消除日期 column, else a date written in its 风险 cell."""
    return date(cell(row, "risk_date")) or risk_cell_date(cell(row, "risk"), p)


def risk_unread(row: dict, p: dict) -> bool:
    """Whether a monitoring row's 风险 cell says neither open nor eliminated in any word L01 knows (a code: counted open
    by :func:`risk_open`, but it never decides a 高 lead)."""
    state = cell(row, "risk")
    return bool(state) and not risk_when(row, p) and not _risk_said(state, p)


def risk_open(row: dict, as_of: dt.date, p: dict) -> bool:
    """Return whether a monitoring row's risk is not eliminated (unknown counts as not eliminated).

    Args:
        row: the monitoring row.
        as_of: the review date.
        p: L01's parameters (risk vocabularies).
    Returns:
        True while the household is still monitored.
    """
    kind = cell(row, "monitor_type")
    when = risk_when(row, p)
    if when is not None and when <= as_of:  # eliminated on a date past, whatever the status column still says
        return False
    said = _risk_said(cell(row, "risk"), p)
    if said:
        return said == "open"
    if when is not None:  # a 风险消除日期 alone, after the review date: eliminated since, read by risk_closed_later (h429)
        return False
    return not (kind and any(len(w) > 1 and w in kind for w in p["risk_closed_words"]))


def risk_closed_later(row: dict, as_of: dt.date, p: dict) -> dt.date | None:
    """The 风险消除时间 of a monitoring row read as eliminated (:func:`risk_open` False) when that date is after the review
    date: the status was written when the list was exported, the risk was not yet eliminated on the review date (as
    ``_econ.ended_after`` reads a status beside a later end date; held-out 235: 已消除, 消除时间 2026-11-15, no lead).

    Args:
        row: the monitoring row.
        as_of: the review date.
        p: L01's parameters (risk vocabularies).
    Returns:
        The date, else None (open, or eliminated on or before the review date, or no date).
    """
    if risk_open(row, as_of, p):
        return None
    when = risk_when(row, p)
    return when if when is not None and when > as_of else None


def monthly_income(row: dict, size: int = 1) -> float | None:
    """Return the household's income per person per month from a monitoring row.

    Args:
        row: the monitoring row.
        size: the household's size (for a total household income; 家庭人口 in the row wins).
    Returns:
        yuan per person per month (annual figures / 12), None when no income is given.
    """
    m = money(cell(row, "income_month"))
    if m is not None:
        return m
    y = money(cell(row, "income_year"))
    if y is not None:
        return y / 12
    total = money(cell(row, "income_total"))
    if total is None:
        return None
    people = money(cell(row, "household_size"))
    return total / 12 / max(int(people) if people and people >= 1 else size, 1)


def households(ctx: Context) -> dict[str, Household]:
    """Return the monitoring households, keyed by head (covered, income, risk worked out once)."""
    return _cached(ctx, "cov:households", lambda: _households(ctx))


APPROVED, REFUSED, PENDING, UNREAD = "已批准", "不予批准", "待审批", "?"
# the applicant withdrew the application (撤回, 撤销申请, 终止办理): neither approved nor refused; and a case the system
# closed without saying how (已办结): both are decided, no application to screen (held-out 236)
WITHDRAWN, CLOSED = "已撤回", "已办结（未写明结果）"


# A status cell that is wholly a code ('1', '03', 'A2'): read only through the [L05] status_codes table, never by the words
# (a digit added to approved_words would be found inside any cell that holds it: '已办结(2023)')
BARE_CODE = re.compile(r"[0-9A-Za-z]{1,4}")


def decision(value: object, p: dict) -> str:
    """What an 审批结果 / 审批状态 cell says, by the L05 words: PENDING (``pending_words``, read first: 待审批, 拟批准),
    REFUSED (``refused_words``: 不予批准 holds 批准), WITHDRAWN (``withdrawn_words``: 申请人撤回), APPROVED
    (``approved_words``, or the whole cell 是), CLOSED (``closed_words``, read last: 已办结（批准） is approved), UNREAD
    for any other value (a system's code), '' for a blank cell. A cell wholly a code the ``status_codes`` table names
    is judged by its meaning's words.

    Args:
        value: the cell.
        p: the L05 parameters.
    Returns:
        One of the six, or ''.
    """
    word = text(value)
    if not word:
        return ""
    if p.get("status_codes") and BARE_CODE.fullmatch(word):  # a system's bare code the [L05] table names (held-out 380)
        from ..normalize.codes import by_legend

        word = text(by_legend(word, p["status_codes"]))
    for found, words in ((PENDING, p["pending_words"]), (REFUSED, p["refused_words"]),
                         (WITHDRAWN, p["withdrawn_words"])):
        if any(w in word for w in words):
            return found
    if word == "是" or any(w in word for w in p["approved_words"]):
        return APPROVED
    return CLOSED if any(w in word for w in p["closed_words"]) else UNREAD


def decisions(ctx: Context) -> tuple[set[int], dict[str, int], dict[int, str]]:
    """A refusal list's rows whose 审批结果 says approved or not decided yet (no refusal); the count of each outcome
    cell read as none of the words (a system's code), which count as refusals; and the rows withdrawn or closed (row →
    WITHDRAWN or CLOSED), which stay leads, said as what they are (:func:`decision`; held-out 271: 申请人撤回 was said
    unreadable, its lead "未获批")."""

    def make() -> tuple[set[int], dict[str, int], dict[int, str]]:
        if not ctx.has("rejected") or "outcome" not in ctx.lists["rejected"].columns:
            return set(), {}, {}
        p = params(ctx, "L05")
        approved, unread, other = set(), Counter(), {}
        for r, value in ctx.lists["rejected"]["outcome"].items():
            said = decision(value, p)
            if said in (APPROVED, PENDING):
                approved.add(int(r))
            elif said == UNREAD:
                unread[text(value)] += 1
            elif said in (WITHDRAWN, CLOSED):
                other[int(r)] = said
        return approved, dict(unread), other

    return _cached(ctx, "cov:decisions", make)


def re_examined(ctx: Context) -> set[int]:
    """A refusal list's rows whose re-examination (复核结果, 复议结果) approved the application or has not decided yet:
    no refusal stands (h494: 不予批准 then 复核结果 批准 was a L05 中 lead). Read by :func:`decision`, so a refusal
    upheld (维持不予批准) or a blank cell leaves the row a refusal.

    Args:
        ctx: the context (its rejected list).
    Returns:
        The row positions.
    """
    from ..io.columns import RE_EXAMINED

    def make() -> set[int]:
        if not ctx.has("rejected"):
            return set()
        f, p = ctx.lists["rejected"], params(ctx, "L05")
        out = {int(r) for r, value in f["review_outcome"].items()
               if decision(value, p) in (APPROVED, PENDING)} if "review_outcome" in f.columns else set()
        # the re-examination written in the outcome cell itself: 不予批准（复核后同意纳入）, 不予批准，经复议予以批准
        for r, value in f["outcome"].items() if "outcome" in f.columns else ():
            said = re.split(RE_EXAMINED, text(value), maxsplit=1)
            if len(said) > 1 and decision(said[-1], p) == APPROVED:
                out.add(int(r))
        return out

    return _cached(ctx, "cov:re-examined", make)


def household_key(row: dict) -> str:
    """Return a monitoring/exit row's household key: the head's valid ID, else the list's 户编号, else head name +
    village (two heads of one name in a village are two households when the list numbers them), else the row's own."""
    if row.get("head_pid"):
        return row["head_pid"]
    if cell(row, "household_no"):
        return f"户编号|{cell(row, 'household_no')}"
    head = cell(row, "head_name")
    if head:
        return f"{head}|{cell(row, 'township')}|{cell(row, 'village')}"
    return row.get("pid") or f"{cell(row, 'name')}|{cell(row, 'village')}|{row.get('_row')}"


def _households(ctx: Context) -> dict[str, Household]:
    if not ctx.has("monitoring"):
        return {}
    p = params(ctx, "L01")
    covered = covered_rows(ctx, "monitoring")
    groups: dict[str, list[int]] = defaultdict(list)
    recs = rows(ctx, "monitoring")
    joined = _heads_by_number(recs)
    for r, row in recs.items():
        groups[joined.get(r) or household_key(row)].append(r)
    out = {}
    for key, part in groups.items():
        head = next((recs[r] for r in part if recs[r]["pid"] and recs[r]["pid"] == recs[r]["head_pid"]), recs[part[0]])
        pids = sorted({recs[r]["pid"] for r in part if recs[r]["pid"]} | {recs[r]["head_pid"] for r in part if recs[r]["head_pid"]})
        for pid in list(pids):
            pids += registry_fellows(ctx, pid)
        pids = sorted(set(pids))
        cov = next((covered[r] for r in part if r in covered), "") or household_covered(ctx, pids)
        incomes = [monthly_income(recs[r], len(part)) for r in part]
        income = next((x for x in incomes if x is not None), None)
        states = [risk_open(recs[r], ctx.as_of, p) for r in part]
        # eliminated only after the review date: every row read eliminated says so (one eliminated before decides)
        later = [risk_closed_later(recs[r], ctx.as_of, p) for r, still in zip(part, states) if not still]
        closed_later = min(later) if later and all(later) else None
        area = next((area_of(cell(recs[r], "area_type")) for r in part if area_of(cell(recs[r], "area_type"))), "")
        # (a household no ID names at all, listed by name and village: whether it is enrolled is not known either,
        # held-out 138)
        # (a masked ID the registry resolves: known, but by the name, village and digits shown only, h429)
        resolved = [r for r in part if recs[r].get(PID_BY) == BY_MASK]
        unsure = any(recs[r]["id_status"] not in (ids.VALID, ids.MISSING) for r in part if r not in resolved) or not pids
        out[key] = Household(key, part, pids, head, income, all(states), area, cov, unsure, closed_later,
                             _list_incomes(recs, part, incomes), tuple(resolved))
    return out


def _heads_by_number(recs: dict[int, dict]) -> dict[int, str]:
    """Row → its household's head ID for member rows that name no head but share a 户编号 with rows that do, in the same
    file: a system export's 监测户 sheet (户主身份证号, income, risk) and its 家庭成员 sheet (户编号 and the members' own
    IDs only) are one household (held-out 422: the members made a second household with no income, a 低 L01 lead
    beside the head's, and a household's covered member was not seen from the head's sheet). A 户编号 two heads share,
    or rows of different villages, are left apart."""
    from . import LIST_LABEL

    heads: dict[tuple[str, str], set[str]] = defaultdict(set)
    places: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in recs.values():
        no = cell(row, "household_no")
        if no and row.get("head_pid"):
            key = (str(row.get(LIST_LABEL) or ""), no)
            heads[key].add(row["head_pid"])
            if cell(row, "village"):
                places[key].add(cell(row, "village"))
    out = {}
    for r, row in recs.items():
        no = cell(row, "household_no")
        if not no or row.get("head_pid"):
            continue
        key = (str(row.get(LIST_LABEL) or ""), no)
        found = heads.get(key, set())
        if len(found) != 1 or (cell(row, "village") and places[key] and cell(row, "village") not in places[key]):
            continue
        out[r] = next(iter(found))
    return out


def _list_incomes(recs: dict, part: list[int], incomes: list[float | None]) -> tuple[tuple[int, float], ...]:
    """Each monitoring file's first (row, income) for a household on several files (rows naming their file through
    ``rules.LIST_LABEL``), or () when they come from one file."""
    from . import LIST_LABEL

    first: dict[str, tuple[int, float]] = {}
    for r, x in zip(part, incomes):
        if x is not None:
            first.setdefault(str(recs[r].get(LIST_LABEL) or ""), (r, x))
    if len(first) < 2:
        return ()
    # each file's head row is the one cited (the lead names the head), else the row the income was read from
    heads = {str(recs[r].get(LIST_LABEL) or ""): r for r in reversed(part)
             if recs[r]["pid"] and recs[r]["pid"] == recs[r]["head_pid"]}
    return tuple((heads.get(label, r), x) for label, (r, x) in first.items())


def monitoring_of(ctx: Context) -> dict[str, Household]:
    """Return valid ID → the monitoring household the person belongs to (by list row or registry household)."""

    def make() -> dict[str, Household]:
        out: dict[str, Household] = {}
        for hh in households(ctx).values():
            for pid in hh.pids:
                out.setdefault(pid, hh)
        return out

    return _cached(ctx, "cov:monitoring-of", make)


_LEVELS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4}
_TYPES = {"1": "视力", "2": "听力", "3": "言语", "4": "肢体", "5": "智力", "6": "精神", "7": "多重"}


def disability_of(row: dict) -> tuple[str, int | None]:
    """Return (category, level) of a disability row: the columns, else the certificate's last two digits.

    Args:
        row: a disability list row.
    Returns:
        ('肢体', 2); level None when unreadable.
    """
    kind = cell(row, "disability_type")
    named = next((t for t in _TYPES.values() if t in kind), "")
    if not named and kind[:1] in _TYPES:
        named = _TYPES[kind[:1]]
    text = cell(row, "disability_level")
    m = re.search(r"[一二三四1-4ⅠⅡⅢⅣ]", text)
    level = _LEVELS[m.group(0)] if m else None
    if level is None and not text and re.fullmatch(r"[1-7][1-4]", kind):
        level = int(kind[1])  # a 残疾类别等级 code: category, then level, as a certificate's last two digits (held-out 263)
    if level is None and not text and (both := re.search(r"([一二三四1-4ⅠⅡⅢⅣ])\s*级", kind)):
        level = _LEVELS[both.group(1)]  # one 残疾类别及等级 column in words: 肢体二级 (held-out 457: read as no level)
    tail = cell(row, "cert_tail")
    if len(tail) == 2:
        named = named or _TYPES.get(tail[0], "")
        if level is None and tail[1] in "1234":
            level = int(tail[1])
    if level is None and (degree := _degree(text or kind)):
        level = _DEGREES[degree]
    return named, level


# 残疾程度 in words (GB/T 26341-2010: 一级、二级 重度, 三级 中度, 四级 轻度): 重度 is read as level 2, severe and given the
# care subsidy as level 1 is, but not 视力一级's 无劳动能力 (held-out 457: a 残联 export's 残疾程度 重度/中度/轻度 gave no
# level at all, 16 L02/L04 leads lost unsaid)
_DEGREES = {"重度": 2, "中度": 3, "轻度": 4}
_DEGREE_SAID = {"重度": "一级或二级", "中度": "三级", "轻度": "四级"}


def _degree(text: str) -> str:
    """The 残疾程度 word a level cell holds without a level number ('重度'), else ''."""
    return next((w for w in _DEGREES if w in text), "")


def level_said(row: dict, level: int | None) -> str:
    """A disability row's level as a lead states it: '2 级', or the list's word when it gave no number and no
    certificate digit did ('重度（一级或二级）')."""
    text = cell(row, "disability_level") or cell(row, "disability_type")
    if level is not None and not re.search(r"[一二三四1-4ⅠⅡⅢⅣ]", text) and len(cell(row, "cert_tail")) != 2 \
            and (degree := _degree(text)) and _DEGREES[degree] == level:
        return f"{degree}（{_DEGREE_SAID[degree]}）"
    return f"{level} 级"


def severe(category: str, level: int | None, p: dict) -> bool:
    """Return whether a disability is severe in the sense of the parameters (levels, categories at level 3)."""
    if level is None:
        return False
    return level in p["severe_levels"] or (level in p["severe_levels_mental"] and category in p["mental_categories"])


def unable_to_work(category: str, level: int | None, p: dict) -> bool:
    """Whether a disability makes its person 无劳动能力 (特困人员认定办法 第六条 as the domain guide gives it: 智力、精神
    1–3, 肢体 1–2, 视力 1; [L03] severe_categories, visual_levels, severe_levels, severe_levels_mental): 听力 and 言语
    are not (held-out 292: a man of 45 living alone, 听力二级, was L03 中 低保转特困); a category not written goes by
    ``severe_levels``. A 重度残疾 supporter's inability (:func:`severe`) is another notion."""
    if level is None:
        return False
    cat = str(category or "").strip()
    if not cat:
        return level in p["severe_levels"]
    if any(c in cat for c in p["mental_categories"]) and level in p["severe_levels_mental"]:
        return True
    if "视力" in cat:
        return level in p["visual_levels"]
    return any(c in cat for c in p["severe_categories"]) and level in p["severe_levels"]


def unable_written(cell: str, p: dict) -> bool:
    """Whether a roster's 残疾 cell says a disability at 无劳动能力's levels (:func:`unable_to_work`): its category and
    level read from it (智力三级; a 残疾人证号's last two digits), else, with no category written, [L03]
    ``roster_severe_pattern`` (一级, 二级, 重度; held-out 292: 听力二级 matched 二级)."""
    if not cell:
        return False
    cert = _CERTIFICATE.match(cell)
    category, level = disability_of({"cert_tail": "".join(cert.groups())} if cert
                                    else {"disability_type": cell, "disability_level": cell})
    if str(category or "").strip() and level is not None:
        return unable_to_work(category, level, p)
    return bool(re.search(p["roster_severe_pattern"], cell)) or unable_to_work(category, level, p)


def unable_by(listed: tuple | None, cell: str, p: dict) -> str:
    """What makes a person 无劳动能力 by disability: 'list' (the disability list's category and level,
    :func:`unable_to_work`), 'roster' (the roster's 残疾 cell, :func:`unable_written`, when the list names no category:
    its category decides over a bare 二级 on the roster, held-out 292), or ''.

    Args:
        listed: the person's (row, category, level) on the disability list (:func:`disabled_by_id`), or None.
        cell: the roster's (application's) 残疾 cell.
        p: the [L03] parameters.
    """
    if listed and unable_to_work(listed[1], listed[2], p):
        return "list"
    known = bool(listed and str(listed[1] or "").strip())
    return "roster" if not known and unable_written(cell or "", p) else ""


# a 残疾人证号 in the 残疾 column: the ID's 18 characters, then the category and level digits
# a 残疾人证号: the ID, category and level digits, and a 2-character 补发 (reissue) suffix on some (held-out 457: a
# 22-character number gave no category or level, a 智力一级 person was no L02 or L04 lead)
_CERTIFICATE = re.compile(r"^\d{17}[\dXx](\d)(\d)(?:[0-9A-Za-z]{2})?$")


def certificate_tail(cert: str) -> str:
    """The category and level digits of a 残疾人证号 ('41' of the ID + '41', or of the ID + '41' + '02'), else ''."""
    found = _CERTIFICATE.match(cert)
    return "".join(found.groups()) if found else ""


def disabled_by_id(ctx: Context) -> dict[str, tuple[int, str, int | None]]:
    """Return valid ID → (row, category, level) on the disability list (the most severe row)."""

    def make():
        if not ctx.has("disabled"):
            return {}
        out = {}
        for r, row in rows(ctx, "disabled").items():
            if row["pid"]:
                cat, lvl = disability_of(row)
                old = out.get(row["pid"])
                if old is None or (lvl or 9) < (old[2] or 9):
                    out[row["pid"]] = (r, cat, lvl)
        return out

    return _cached(ctx, "cov:disabled-by-id", make)


def illness_by_id(ctx: Context) -> dict[str, int]:
    """Return valid ID → row on the illness list (a row whose ID was stored as a number, by name and first digits)."""

    def make():
        if not ctx.has("illness"):
            return {}
        out = {row["pid"]: r for r, row in rows(ctx, "illness").items() if row["pid"]}
        # an ID stored as a number (its last digits lost): the monitored person of the same name and surviving digits
        numeric = [(r, row) for r, row in rows(ctx, "illness").items() if row.get("id_status") == ids.NUMERIC]
        if numeric and ctx.has("monitoring"):
            known: dict[tuple, set] = {}
            for row in rows(ctx, "monitoring").values():
                if row.get("pid"):
                    known.setdefault((row.get("name_key"), row["pid"][:ids.SURVIVING]), set()).add(row["pid"])
            for r, row in numeric:
                found = known.get((row.get("name_key"), str(row.get("id") or "")[:ids.SURVIVING]), set())
                if len(found) == 1:
                    out.setdefault(next(iter(found)), r)
        return out

    return _cached(ctx, "cov:illness-by-id", make)


def place(ctx: Context, *rows: dict) -> dict[str, str]:
    """Return township and village from the first list row that names a village (its township, else the first
    township named), else the first township named: a disability row naming its township only takes the village
    from the household head's row. In a city's run the township is said with its county, as the roster's are."""
    rows = tuple(r for r in rows if r)
    found = _place(ctx, rows)
    counties = _counties(ctx)
    town = found["township"]
    if len(counties) > 1 and town and not town.isdigit() and not town.startswith(tuple(counties)):
        # (held-out 147: the lists' 城关镇 of three counties were one township, apart from the roster's 罗山县城关镇)
        county = next((c for r in rows for c in _row_counties(r) if c in counties), "")
        found["township"] = county + town
    return found


def _counties(ctx: Context) -> set[str]:
    """The counties the roster's members are of (a city's run: several)."""
    from ..roster import counties

    return _cached(ctx, "cov:counties", lambda: counties(ctx.members))


def _row_counties(row: dict):
    """The county a list row names: its 县（市、区） cell, its 行政区划代码, else its person's and head's IDs."""
    from ..regions import county_name_in, county_name_of, region_code

    yield county_name_in(cell(row, "county"))
    yield county_name_of(region_code(row.get("region_code"))[:6])
    for fld in ("pid", "head_pid"):
        yield county_name_of(str(row.get(fld) or "")[:6])


def _place(ctx: Context, rows: tuple) -> dict[str, str]:
    from ..regions import township_village

    town = next((cell(r, "township") for r in rows if cell(r, "township")), "")
    at = next((r for r in rows if cell(r, "village")), None)
    if at is not None and not cell(at, "village").isdigit():
        village = cell(at, "village")
        return {"township": cell(at, "township") or town or _township_of_village(ctx, rows, village), "village": village}
    # a list naming its villages by 12-digit code (its 村 column: held-out 221), or its places by 区划代码 only (held-out
    # 108): the names the rosters and lists give the code (:func:`_coded_places`), else the codes (the township's
    # groups its villages)
    codes_ = township_village(cell(at, "village")) if at is not None else ("", "")
    if not town and not codes_[0]:
        codes_ = next((c for r in rows if (c := township_village(r.get("region_code")))[0]), ("", ""))
    if not codes_[0]:
        return {"township": town, "village": cell(at, "village") if at is not None else ""}
    names = _coded_places(ctx)
    return {"township": town or names.get(codes_[0], codes_[0]), "village": names.get(codes_[1], codes_[1])}


def _township_of_village(ctx: Context, rows: tuple, village: str) -> str:
    """The township of a list row naming its village in words but no township (a 防返贫 export's 村（社区） beside its
    12-digit 行政区划代码; h494: every L01 lead's 乡镇 blank, filed under （未填乡镇）): the name its region code's township
    has on the rosters and lists (:func:`_coded_places`), else the one township the rosters, lists and the registry's
    住址 put a village of that name in; '' when neither says (two townships with a 新村 each)."""
    from ..regions import township_village

    code = next((c for r in rows if (c := township_village(r.get("region_code"))[0])), "")
    name = _coded_places(ctx).get(code, "") if code else ""
    if name and not name.isdigit():
        return name

    def build() -> dict[str, str]:
        towns: dict[str, set[str]] = {}
        for town, name in _named_places(ctx).values():
            towns.setdefault(name, set()).add(town)
        return {name: next(iter(t)) for name, t in towns.items() if len(t) == 1}

    return _cached(ctx, "cov:village-townships", build).get(village, "")


# the lists whose rows may name a person's township and village in words, or by code
_PLACE_LISTS = ("monitoring", "disabled", "illness", "exits", "rejected", "supporters")


def _coded_places(ctx: Context) -> dict[str, str]:
    """Place names by code: 9-digit township and 12-digit village codes (行政区划代码) → the township and village names
    the roster's rows carry beside them (the first row's), else the names the rosters, lists and the registry's 住址
    give the people a list's rows name by code (the most frequent: held-out 221, a monitoring list of 村（社区）代码)."""
    def build() -> dict[str, str]:
        from ..regions import township_village

        out: dict[str, str] = dict(ctx.cache.get(PLACE_NAMES) or {})  # (the code pages' and tables': held-out 369)
        mem = ctx.members
        if "region_code" in mem.columns:
            for raw, town, village in zip(mem["region_code"].tolist(), mem["township"].tolist(), mem["village"].tolist()):
                codes_ = township_village(raw)
                for code, name in zip(codes_, (town, village)):
                    if codes_[1] and name and name != code:  # (a 12-digit code: both places named from one row)
                        out.setdefault(code, name)
        named = _named_places(ctx)
        votes: Counter = Counter()
        for kind in _PLACE_LISTS:
            for row in rows(ctx, kind).values() if ctx.has(kind) else ():
                v = cell(row, "village")
                code = township_village(v if v.isdigit() else row.get("region_code"))[1]
                for pid in {row.get("pid"), row.get("head_pid")} & set(named) if code else ():
                    votes[(code, named[pid])] += 1
        if ctx.has("registry") and "region_code" in ctx.lists["registry"].columns:  # (a 公安 export's village codes:
            f = frame(ctx, "registry")  # the roster's words for its people there, held-out 390)
            known = f["pid"].isin(set(named)).to_numpy()
            village = {c: township_village(c)[1] for c in pd.unique(f.loc[known, "region_code"])}
            for pid, raw in zip(f.loc[known, "pid"].tolist(), f.loc[known, "region_code"].tolist()):
                if village[raw]:
                    votes[(village[raw], named[pid])] += 1
        for (code, (town, village)), _ in votes.most_common():
            out.setdefault(code, village)
            out.setdefault(code[:9], town)
        return out

    return _cached(ctx, "cov:coded-places", build)


def _named_places(ctx: Context) -> dict[str, tuple[str, str]]:
    """Valid ID → (township, village) named in words for the person or his household: on the rosters, on a list's row,
    else in the registry's 住址 ('芦洪市镇大江口村')."""
    from ..roster import _place_after_admin

    out: dict[str, tuple[str, str]] = {}

    def add(pid: object, town: object, village: object) -> None:
        town, village = text(town), text(village)
        if pid and town and village and not town.isdigit() and not village.isdigit():
            out.setdefault(str(pid), (town, village))

    m = ctx.members
    for col in ("id", "head_id"):
        for pid, town, village in zip(m[col].tolist(), m["township"].tolist(), m["village"].tolist()):
            add(pid if len(str(pid or "")) == 18 else "", town, village)
    for kind in _PLACE_LISTS:
        for row in rows(ctx, kind).values() if ctx.has(kind) else ():
            for pid in (row.get("pid"), row.get("head_pid")):
                add(pid, cell(row, "township"), cell(row, "village"))
    if ctx.has("registry") and "address" in ctx.lists["registry"].columns:
        f = frame(ctx, "registry")
        said = {a: _place_after_admin(text(a), search=True) for a in pd.unique(f["address"])}
        for pid, a in zip(f["pid"].tolist(), f["address"].tolist()):
            if said[a] is not None:
                add(pid, said[a].group(1), said[a].group(2))
    return out


def row_of(ctx: Context, pid: str, kinds: tuple[str, ...] = ("monitoring", "registry", "disabled", "illness")) -> dict | None:
    """The first row of the given lists (in that order) naming a person by valid ID, for a lead's identity."""
    for kind in kinds:
        if not ctx.has(kind):
            continue
        found = _cached(ctx, f"cov:row-of:{kind}", lambda k=kind: {row["pid"]: row for row in reversed(rows(ctx, k).values())
                                                                 if row.get("pid")})
        if pid in found:
            return found[pid]
    return None


def person(row: dict, head: dict | None = None, where: dict | None = None) -> dict[str, str]:
    """Return the identity columns of a lead from a list row (and its household head's row)."""
    head = head or row
    return {
        **(where or {"township": cell(row, "township"), "village": cell(row, "village")}),
        "head_name": cell(head, "head_name") or cell(head, "name"),
        "head_id": head.get("head_pid") or cell(head, "head_id") or head.get("pid") or cell(head, "id_raw"),
        "name": cell(row, "name") or _named_as_head(row), "id": row.get("pid") or cell(row, "id_raw"),
    }


def _named_as_head(row: dict) -> str:
    """The name of a row naming one person only as its household's head (a refusal list's 申请人 beside 身份证号, no 姓名
    column; held-out 256: such L05 leads had a blank 姓名 where the exits list's had the head's name)."""
    own = cell(row, "head_id")
    return cell(row, "head_name") if not own or own == cell(row, "id_raw") else ""


def identity(ctx: Context, row: dict) -> dict[str, str]:
    """A lead's identity columns for the person a list row names: the person as the row names her, and her household
    head, township and village from the first list given that places her, in this order (README, coverage):

    1. the roster: her household there, by her own ID or her registry household's (:func:`roster_member`);
    2. the monitoring list: her household there (:func:`monitoring_of`), as L02 has always said it;
    3. the exits list, then the refusal list: the row naming her, or naming her as its household's head, else a row
       naming someone of her registry household (as the roster's and the monitoring list's steps take it);
    4. her own row (a disability or illness list with its places), then her rows on the disability and illness lists;
    5. the registry: her row's 乡镇/村 columns or 住址 naming a township, its household's 户主 as head.

    At steps 2–3 her own row's village, where it names one, comes first (:func:`place`), as L02's. A list naming no
    place for her gives none: with no step placing her, 乡镇 and 村 stay blank and she is her own 户主 (held-out 243:
    her L04 lead was blank where her L02 lead and the exits list named her household).

    Args:
        ctx: the context.
        row: the list row naming the person (``pid`` her valid ID, or none).
    Returns:
        township, village, head_name, head_id, name, id.
    """
    pid = row.get("pid") or ""
    if pid:
        j, _ = roster_member(ctx, pid)
        if j is not None:
            return roster_person(ctx, j, row)
        hh = monitoring_of(ctx).get(pid)
        if hh is not None:
            return person(row, hh.head, place(ctx, row, hh.head))
        # (her own row on either list first, then a row of her registry household's, as the roster's step takes it)
        for x, kind in [(x, k) for x in dict.fromkeys([pid, *registry_fellows(ctx, pid)]) for k in ("exits", "rejected")]:
            if (found := _listed_on(ctx, kind).get(x)) is not None:
                return person(row, found, place(ctx, row, found))
    own = place(ctx, row)
    if own["township"] or not pid:
        return person(row, None, own)
    for kind in ("disabled", "illness"):
        found = row_of(ctx, pid, (kind,))
        if found is not None and (there := place(ctx, found))["township"]:
            return person(row, None, there)
    reg = row_of(ctx, pid, ("registry",))
    if reg is not None and (there := _registry_place(ctx, reg))["township"]:
        return person(row, _registry_head(ctx, reg) or reg, there)
    return person(row, None, own)


def _listed_on(ctx: Context, kind: str) -> dict[str, dict]:
    """Valid ID → the first row of an exits or refusal list naming the person, else naming her as its head."""

    def make() -> dict[str, dict]:
        out: dict[str, dict] = {}
        found = rows(ctx, kind).values() if ctx.has(kind) else ()
        for fld in ("pid", "head_pid"):
            for r in found:
                if r.get(fld):
                    out.setdefault(r[fld], r)
        return out

    return _cached(ctx, f"cov:listed-on:{kind}", make)


_TOWNSHIP_NAMED = re.compile(r"(镇|乡|街道|街道办事处)$")


def _registry_place(ctx: Context, reg: dict) -> dict[str, str]:
    """Township and village of a registry row: its 乡镇/村 columns where the township is one by name (a 派出所 is none),
    else the township (and village) its 住址 names."""
    from ..roster import _place_after_admin

    found = place(ctx, reg)
    if _TOWNSHIP_NAMED.search(found["township"]):
        return found
    m = _place_after_admin(cell(reg, "address"), search=True) if cell(reg, "address") else None
    if m is None:
        return {"township": "", "village": ""}
    return {"township": m.group(1), "village": m.group(2) or ""}


def registry_heads(ctx: Context) -> dict[str, list[dict]]:
    """The registry rows of the 户主 written under each 户号 (two where a 户号 names two households, or clashes)."""
    from ..normalize import codes

    def make() -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for r in rows(ctx, "registry").values():
            no = cell(r, "household_no")
            if no and codes.is_head(cell(r, "relation")):
                out.setdefault(no, []).append(r)
        return out

    return _cached(ctx, "cov:registry-heads", make)


def _registry_head(ctx: Context, reg: dict) -> dict | None:
    """The registry row of the 户主 of a registry row's household (None when its 户号 names none, or two)."""
    heads = registry_heads(ctx).get(cell(reg, "household_no")) or []
    return heads[0] if len(heads) == 1 else None


def link_confidence(row: dict) -> str:
    """Return how sure a list row's person is identified: a valid ID is 高, a damaged one 中, none (or a name and birth
    date only, whatever the ID column held) 低."""
    if row.get("id_status") == ids.VALID:
        return HIGH
    if row.get(PID_BY) == BY_BIRTH:
        return LOW
    return MEDIUM if cell(row, "id_raw") else LOW


def yuan(x: float | None) -> str:
    """Return an amount as '312.50' ('' for None)."""
    return "" if x is None else f"{x:,.2f}"
