"""Check logic, one module per check family, registered by code.

A rule takes the :class:`~rostercheck.model.Context` and returns findings; it never raises for a data
problem. The declarative half of each rule (title, 政策依据, parameters, explanation) is in ``checks/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Callable

import pandas as pd

from ..io.columns import TIE
from ..match import former_links, link, name_apart
from ..namematch import NameMatchParams
from ..normalize import ids
from ..model import HIGH, LOW, Context, Finding

Rule = Callable[[Context], list[Finding]]
RULES: dict[str, Rule] = {}


def rule(code: str) -> Callable[[Rule], Rule]:
    """Register a function as the logic of a check code.

    Args:
        code: the category code.
    Returns:
        The decorator.
    """

    def register(fn: Rule) -> Rule:
        RULES[code] = fn
        return fn

    return register


# The department lists whose IDs masked to region and trailing digits (410326********0354) are compared by name and every
# digit shown, 低 at most (held-out 413); the coverage lists' are said beside the namesakes instead (l_coverage)
MASKED_TAIL_LISTS = ("deaths", "prisoners", "migrations", "staff", "cadres", "pensions", "vehicles", "properties",
                     "businesses", "wages", "supporters")


def links(ctx: Context, kind: str, id_col: str = "id", name_col: str = "name_key") -> pd.DataFrame:
    """Return (and remember) the links between roster members and a reference list.

    Args:
        ctx: the audit context.
        kind: the reference kind.
        id_col: the ID column of the list.
        name_col: the name-key column of the list.
    Returns:
        The frame of :func:`rostercheck.match.link` ('m', 'r', 'confidence', 'key').
    """
    key = f"link:{kind}:{id_col}"
    if key not in ctx.cache:
        names = NameMatchParams.from_common(ctx.common)
        found = link(ctx.members, ctx.lists[kind], id_col, name_col, names, masked_tail=kind in MASKED_TAIL_LISTS)
        # … and through a former ID (原身份证号) on either side: the row of a person whose ID changed (held-out 337)
        found = former_links(found, ctx.members, ctx.lists[kind], id_col, name_col, names)
        ctx.cache[key] = _doubted(ctx, kind, found)
    return ctx.cache[key]


COLUMN_DOUBT = "columns:"  # ctx.cache key prefix (+ kind) of the notice that a list's person columns are in doubt
# ctx.cache key prefix (+ code) of what a check that ran could not look at (``audit.partly_checked`` says it in 核查范围)
PARTLY = "partly:"
PARTLY_TOWNS = PARTLY + "towns:"  # (+ code) the townships whose people it concerns: each gets its workbook (--by-township)
# (+ code) a note of PARTLY's counted by township → {township: the note as that township's 核查范围 says it (its own count)}
PARTLY_BY_TOWN = PARTLY + "by-town:"


def _doubted(ctx: Context, kind: str, found: pd.DataFrame) -> pd.DataFrame:
    """The links of a list whose person columns may be another person's, lowered to 低 with a notice (held-out 209): a
    tie between two ID columns holding different people that no header decided (``io.table.find_layout``), or a name
    column and an ID column that name two people on nearly every exact-ID hit ([common] column_doubt_share,
    column_doubt_min_hits: the mourner's ID read beside the dead person's name)."""
    ref = ctx.lists[kind]
    why = next((v for v in ref[TIE].tolist() if isinstance(v, str) and v), "") if TIE in ref.columns else ""
    hits, apart = (int(k.sum()) for k in name_apart(found["key"].astype(str)))
    if not why and hits >= int(ctx.common["column_doubt_min_hits"]) and apart >= float(ctx.common["column_doubt_share"]) * hits:
        why = (f"按身份证号对上的 {hits} 人中有 {apart} 人姓名不一致，所读的姓名列和身份证号列像是两个人的"
               "（如身份证号列是代理人、家属等他人的）")
    if not why or found.empty:
        return found
    ctx.cache[COLUMN_DOUBT + kind] = [f"{ctx.labels[kind]}：{why}；该名单的比对结果一律降为“低”。请核对表头，删除或改名他人的列后重新运行"]
    return found.assign(confidence=LOW, key=found["key"].astype(str) + "（该名单的姓名、身份证号列有疑问，见提示）")


def where(ctx: Context, kind: str, row: Mapping) -> str:
    """Return '《list label》第 N 行' for evidence texts.

    Args:
        ctx: the audit context.
        kind: the reference kind.
        row: the reference row (a dict from ``_econ.linked_rows``, or a pandas row).
    Returns:
        The location text.
    """
    sheet = f"工作表“{row['_sheet']}”" if row.get("_sheet") else ""
    return f"《{list_label(ctx, kind, row)}》{sheet}第 {int(row['_row'])} 行"


# A row's own list label where one kind was read from several files (coverage's 防返贫 list and 低保边缘 list, h398)
LIST_LABEL = "_list_label"


def list_label(ctx: Context, kind: str, row: Mapping) -> str:
    """The label of the list a row is on: its own file's where a kind was read from several files, else the kind's.

    Args:
        ctx: the context.
        kind: the reference kind.
        row: the reference row.
    Returns:
        The label, e.g. '防返贫监测对象名单（监测对象.xlsx）'.
    """
    own = row.get(LIST_LABEL)
    return own if isinstance(own, str) and own else ctx.labels[kind]


_COUNTS = {"employees", "household_size", "covered_size"}


def values(row: Mapping, fields: dict[str, str]) -> str:
    """Return '标签 值，标签 值' for the non-blank fields of a reference row.

    Args:
        row: the reference row (a dict from ``_econ.linked_rows``, or a pandas row).
        fields: field → Chinese label.
    Returns:
        The text.
    """
    parts = []
    for fld, label in fields.items():
        v = row.get(fld)
        if v is None or (isinstance(v, float) and v != v) or v == "":
            continue
        if isinstance(v, float):  # a count (从业人数) read into a column with blanks is a float: shown whole
            v = str(int(v)) if fld in _COUNTS and v.is_integer() else f"{v:,.2f}"
        parts.append(f"{label} {v}")
    return "，".join(parts)


Facts = tuple[tuple[str, str], ...]


def fact_text(value: object) -> str:
    """Return a cell as the text a finding's facts hold (dates as ISO dates, blanks as '').

    Args:
        value: a list or roster cell.
    Returns:
        The text.
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def dead_on_lists(ctx: Context, read: Mapping[int, bool] | None = None) -> set[str]:
    """Valid IDs dead by the review date on the deaths list (undated rows too) or by the registry's 人员状态 (死亡,
    注销: ``reference._gone_from_household``); worked out once per run (and once with ``read``). A deaths-list row C02
    reads as no death (人员状态 正常, 注销原因 迁出: ``c02_status.reads_died`` False) is left out: a 公安 人口信息 export
    given as the deaths list holds the living too (h452: every staff member and cadre in it was "dead", so a staff
    member's mother and a cadre's mother on the roster were no official's kin, C01 and RQ2 missed).

    Args:
        ctx: the audit context.
        read: when given, deaths-list row index → whether the row counts (coverage: its cause read as C02 reads it,
            ``_coverage.death_readings``); a row it leaves out does not.
    Returns:
        The IDs.
    """
    key = "dead:lists" if read is None else "dead:lists:read"
    if key not in ctx.cache:
        out: set[str] = set()
        if ctx.has("deaths"):
            d = ctx.lists["deaths"]
            when = d["date"].tolist() if "date" in d.columns else [None] * len(d)
            if read is None:
                from .c02_status import reads_died  # (c02_status imports this package)

                params = ctx.specs["C02"].params
                said = [reads_died(ctx, row, params) is not False for row in d.to_dict("records")]
            else:
                said = [read.get(int(i), False) for i in d.index.tolist()]
            out |= {i for i, st, w, ok in zip(d["id"].tolist(), d["id_status"].tolist(), when, said)
                    if ok and st == ids.VALID and (not isinstance(w, dt.date) or w <= ctx.as_of)}
        if ctx.has("registry") and "left" in ctx.lists["registry"].columns:
            reg = ctx.lists["registry"]
            dead = reg[(reg["left"] == "dead") & (reg["id_status"] == ids.VALID)]
            # (its 死亡日期 after the review date: alive on it, as C02 reads the registry — held-out 246; without a
            # 死亡日期, a 注销日期 after it: the death may be after it too, C02 says so at 低 — held-out 390)
            out |= {i for i, row in zip(dead["id"].tolist(), dead.to_dict("records")) if not death_after(row, ctx.as_of)}
        ctx.cache[key] = out
    return ctx.cache[key]


def death_after(row: dict, as_of: dt.date) -> bool:
    """Whether a registry row recorded dead (``left``) may have died after the review date: its 死亡日期 is after it, or,
    none written, its 注销日期 (the registration is cancelled after the death) is.

    Args:
        row: the registry row.
        as_of: the review date.
    Returns:
        True when the death is not shown to be on or before the review date.
    """
    died, cancelled = row.get("died"), row.get("cancelled")
    if isinstance(died, dt.date):
        return died > as_of
    return isinstance(cancelled, dt.date) and cancelled > as_of


def registry_homes(ctx: Context) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The registry's households (户号), worked out once per run: (valid ID → its 户号, 户号 → the valid IDs of its
    people, in the registry's order); rows without a 户号 are in neither. Both empty without a registry or its 户号.

    Args:
        ctx: the context.
    Returns:
        (home of each ID, people of each home).
    """
    if "registry:homes" not in ctx.cache:
        by_id: dict[str, str] = {}
        people: dict[str, list[str]] = {}
        if ctx.has("registry") and "household_no" in ctx.lists["registry"].columns:
            reg = ctx.lists["registry"]
            homes = reg["household_no"].astype(str).str.strip().to_numpy(dtype=object)
            keep = (reg["id_status"] == ids.VALID).to_numpy() & (homes != "")
            for pid, home in zip(reg["id"].to_numpy(dtype=object)[keep].tolist(), homes[keep].tolist()):
                by_id[pid] = home
                people.setdefault(home, []).append(pid)
        ctx.cache["registry:homes"] = by_id, people
    return ctx.cache["registry:homes"]


def link_fact(confidence: str) -> tuple[str, str]:
    """Return the fact saying how a list row was linked: by an equal valid ID, or by anything weaker.

    Args:
        confidence: the link's confidence (高 only for an exact ID).
    Returns:
        ('match', 'id' or 'near').
    """
    return ("match", "id" if confidence == HIGH else "near")


def record_facts(kind: str, row: Mapping, fields: Iterable[str], confidence: str | None = None) -> Facts:
    """Return a finding's facts about one list record: the list kind, how it was linked, the named fields.

    Args:
        kind: the reference kind.
        row: the reference row.
        fields: the fields that identify the record or decide the finding.
        confidence: the link's confidence (None: not a link to the member).
    Returns:
        The facts.
    """
    out = [("list", kind)] + ([link_fact(confidence)] if confidence is not None else [])
    return tuple(out + [(f, fact_text(row.get(f))) for f in fields])


def person_identity(row: Mapping, prefix: str = "") -> str:
    """Return what identifies a person named in a list row across quarters: the valid ID, else the name.

    Args:
        row: a reference row.
        prefix: '' for the row's own person, 'cadre_' for a filing row's cadre.
    Returns:
        The identity text.
    """
    if row.get(f"{prefix}id_status") == "valid" and row.get(f"{prefix}id"):
        return fact_text(row[f"{prefix}id"])
    return fact_text(row.get(f"{prefix}name_key")) or fact_text(row.get(f"{prefix}name"))


def load_all() -> dict[str, Rule]:
    """Import every rule module in this package so that all codes are registered.

    Returns:
        code → rule.
    """
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return RULES
