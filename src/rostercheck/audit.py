"""The audit as a library call: load rosters and lists (:mod:`rostercheck.loading`), run the checks, return findings."""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from . import parallel, regions
from .errors import ConfigError
from .io.columns import FIELD_NAMES, KIND_LABELS, lists_named
from .io.limits import Limits
from .io.problem_list import FINDING_COLUMNS
from .io.table import Table
from .loading import LoadedInputs, Progress, add_payments, require_people, start_loading, start_payments
from .model import APPLYING, CONFIDENCE_ORDER, CheckSpec, Context, Finding, Pending
from .normalize import ids
from .normalize.codes import relation as decode_relation
from .order import natural_key, natural_rank
from .policy import load_policy, roster_codes
from .reference import by_value_array, numbers_as_ids, source_cells
from .roster import as_roster_names, counties, died_on_roster, file_on_sheet, is_covered, period_of
from .rules import COLUMN_DOUBT, PARTLY, PARTLY_BY_TOWN, PARTLY_TOWNS, load_all
from .rules._econ import LIST_MONTHS
from .rules._money import blind_rows
from .rules.rq_favour import also_c01
from .rules._vocab import none_read, value_warnings
from .suppress import evidence_fingerprint

REFERENCE_KINDS = tuple(k for k in KIND_LABELS if k not in ("roster", "payments"))
EMPTY_LISTS = "lists:empty"  # context cache: the kinds of the lists given with a header only
# context cache: the audit's notices worked out beside the checks (run_checks' ``beside``)
VALUE_NOTICES, ID_NOTICES, PARTS = "notices:values", "notices:ids", "notices:partial"


@dataclass
class AuditResult:
    """What an audit produced.

    Attributes:
        findings: one row per finding, columns FINDING_COLUMNS (plus internal ``_member``/``_household``).
        inputs: the loaded inputs.
        specs: the effective check specs.
        skipped: code → why the check did not run (a missing list).
        partial: code → the lists it reads that were not given, for a check that ran on the others (C02 with the
            deaths only: custody and moves not checked).
        warnings: things the user should know.
        suppressed: how many findings a suppression file held back.
        held_by_code: those findings per category code.
        held_by_town: those findings per township, then category code (each township's 核查范围 says its own).
        partial_towns: the townships whose people a partly checked category left unchecked (``PARTLY_TOWNS``): under
            --by-township each gets its workbook, its 核查范围 saying so, findings or not (held-out 240).
        partial_by_town: ``partial`` as each of those townships' 核查范围 says it, counting its own households.
        partial_elsewhere: ``partial`` as another township's says it (a note counted by township left out; None: as
            ``partial``).
        county: the county's name ('' when nothing names it), for report titles.
    """

    findings: pd.DataFrame
    inputs: LoadedInputs
    specs: dict[str, CheckSpec]
    skipped: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    suppressed: int = 0
    county: str = ""
    held_by_code: dict[str, int] = field(default_factory=dict)
    partial: dict[str, str] = field(default_factory=dict)
    held_by_town: dict[str, dict[str, int]] = field(default_factory=dict)
    partial_towns: list[str] = field(default_factory=list)
    partial_by_town: dict[str, dict[str, str]] = field(default_factory=dict)
    partial_elsewhere: dict[str, str] | None = None


def partly_checked(ctx: Context, skipped: dict[str, str], codes: list[str] | None = None) -> dict[str, str]:
    """Code → '未提供…' for each check that ran without some of the lists it reads (held-out 150: C02 with the deaths
    only said "列出 18 人", custody and moves unchecked unsaid), and what the check itself could not look at
    (``PARTLY``: the county's count)."""
    return _partial_said(_partial_parts(ctx, skipped, codes), ctx)


def partly_checked_by_town(ctx: Context, skipped: dict[str, str],
                           codes: list[str] | None = None) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """:func:`partly_checked` as the townships' workbooks say it: a note counted by township (``PARTLY_BY_TOWN``) gives
    each township its own count, and is left out where it has none (a fix-s33a left-over: each township repeated the
    county's 48 households).

    Args:
        ctx: the audit context.
        skipped: code → why a check did not run.
        codes: the checks asked for (None: all).
    Returns:
        (what a township no such note names says, township → what it says).
    """
    return _said_by_town(_partial_parts(ctx, skipped, codes), ctx)


def _said_by_town(parts: dict[str, list[str]], ctx: Context) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """:func:`partly_checked_by_town` of the parts worked out already."""
    towns = {t for code in parts for note in ctx.cache.get(PARTLY_BY_TOWN + code, {}).values() for t in note}
    return _partial_said(parts, ctx, None), {t: _partial_said(parts, ctx, t) for t in sorted(towns)}


_COUNTY = object()  # (_partial_said's default: the county's notes)


def _partial_said(parts: dict[str, list[str]], ctx: Context, town=_COUNTY) -> dict[str, str]:
    """Code → its partial note: the lists not given (``parts``), then the check's own notes, the county's or, for a
    township (None: one no note counted by township names), that township's."""
    out = {}
    for code, given in parts.items():
        own = ctx.cache.get(PARTLY + code, [])
        if town is not _COUNTY:
            by_town = ctx.cache.get(PARTLY_BY_TOWN + code, {})
            own = [n if n not in by_town else by_town[n].get(town) for n in own]
        said = [*given, *(n for n in own if n)]
        if said:
            out[code] = "；".join(dict.fromkeys(said))
    return out


def _partial_parts(ctx: Context, skipped: dict[str, str], codes: list[str] | None) -> dict[str, list[str]]:
    """Code → the lists a check that ran lacked, and their unreadable IDs (the same for every township)."""
    out, unread = {}, {}  # (a list's unreadable IDs counted once)
    for code in sorted(load_all()):
        spec = ctx.specs.get(code)
        if spec is None or code in skipped or (codes and code not in codes) or not applies(ctx, spec):
            continue
        lacking = [k for kinds in (spec.needs, spec.needs_also) if len(kinds) > 1 for k in kinds if not ctx.has(k)]
        parts = ["未提供" + lists_named(lacking)] if lacking else []
        parts += [f"未提供{lists_named([k])}：只按花名册状态列写明的死亡核对，花名册未写明的死亡" for k in spec.needs_also
                  if len(spec.needs_also) == 1 and not ctx.has(k) and _on_roster(ctx, k)]
        for k in (k for kinds in (spec.needs, spec.needs_also) for k in kinds if ctx.has(k)):
            if k not in unread:
                unread[k] = _unreadable_ids(ctx, k)
            if unread[k]:
                parts.append(f"{ctx.labels.get(k, KIND_LABELS[k])}中有 {unread[k]} 个身份证号以科学计数法保存、只剩前几位，"
                             "这些人未能比对")
        parts += [f"{ctx.labels.get(k, KIND_LABELS[k])}只有表头、没有数据行" for kinds in (spec.needs, spec.needs_also)
                  for k in kinds if ctx.has(k) and k in ctx.cache.get(EMPTY_LISTS, ())]
        parts += _rosters_without(ctx.members, spec.needs_columns) if spec.each_roster else []
        out[code] = parts
    return out


def _on_roster(ctx: Context, kind: str) -> bool:
    """Whether the rosters' own status rows record what a list of the kind would: a member's death (成员状态 已死亡)."""
    return kind == "deaths" and died_on_roster(ctx.left, ctx.departed)


def _rosters_without(members: pd.DataFrame, columns: list[str]) -> list[str]:
    """The roster files of a run with several that give none of a column a check reads (held-out 202: the 特困 roster had
    no 银行账号, the 低保 one had; 核查范围 said D02 "已核查，未发现问题")."""
    if not columns or "file" not in members.columns:
        return []
    codes, paths = pd.factorize(members["file"])  # (a missing cell: -1, in no file, as groupby leaves it out)
    if len(paths) < 2:
        return []
    counted = codes >= 0
    people = np.bincount(codes[counted], minlength=len(paths))
    out = []
    for column in columns:
        filled = np.bincount(codes[counted & _nonblank(members, column)], minlength=len(paths)) > 0
        for k in sorted(np.flatnonzero(~filled).tolist(), key=lambda k: paths[k]):  # (in the files' order by name)
            out.append(f"《{Path(str(paths[k])).name}》没有“{FIELD_NAMES.get(column, column)}”列（或该列全部为空）："
                       f"其中的 {int(people[k])} 人")
    return out


def _unreadable_ids(ctx: Context, kind: str) -> int:
    """How many of a list's ID cells kept too few digits to compare (3.41222E+17): a check reading the list did not look
    at those people, which 核查范围 says beside its count (held-out 185: a staff list re-saved as CSV, 137 of 156 IDs
    so, said "C01 列出 2 人" as if checked)."""
    ref = ctx.lists[kind]
    if "id_status" not in ref.columns or "id_reliable" not in ref.columns:
        return 0
    few = _few_digits(ref)
    return source_cells(ref, few) if few.any() else 0


def _text_zeros(ref: pd.DataFrame, prefix: str, rows: np.ndarray) -> np.ndarray:
    """Per row of a list, of ``rows``: its ``<prefix>id`` cell was text of digits ending in 000 (never a number in this
    file: it may have been one before it was written as text, or be a real ID's zeros). Only those rows' cells are
    looked at (a city's lists: 70,000 distinct ID cells, mostly none damaged)."""
    zeros = np.zeros(len(ref), dtype=bool)
    if prefix + "id_text" not in ref.columns or not rows.any():
        return zeros
    raw = ref[prefix + "id_raw"] if prefix + "id_raw" in ref.columns else ref[prefix + "id"]
    at = np.flatnonzero(rows & ref[prefix + "id_text"].to_numpy(dtype=bool))
    zeros[at] = [isinstance(v, str) and v.isdigit() and v.endswith("000") for v in raw.to_numpy(dtype=object)[at].tolist()]
    return zeros


def _few_digits(frame: pd.DataFrame) -> np.ndarray:
    """Per row: an ID stored as a number that kept too few digits to compare (3.41222E+17: six)."""
    return ((frame["id_status"] == ids.NUMERIC)
            & (pd.to_numeric(frame["id_reliable"], errors="coerce").fillna(0) < ids.SURVIVING)).to_numpy(dtype=bool)


def build_context(inputs: LoadedInputs, as_of: dt.date, config: Path | None = None,
                  named_by: list[Table] = ()) -> tuple[Context, list[str]]:
    """Create the check context with effective policy values.

    Args:
        inputs: the loaded inputs.
        as_of: the review date.
        config: a user configuration file.
        named_by: more rosters whose titles and file names may name the county, after the inputs' own (screen's
            enrolled rosters beside an application file without a title).
    Returns:
        (context, configuration warnings).
    """
    ctx, warnings, source = _context(inputs, as_of, config, named_by)
    return ctx, warnings + _complete(ctx, inputs, source)


def _context(inputs: LoadedInputs, as_of: dt.date, config: Path | None,
             named_by: list[Table] = ()) -> tuple[Context, list[str], str]:
    """The context of :func:`build_context` from the rosters (lists may still be pending); also returns the
    configuration warnings and where the county code came from (for :func:`_complete`)."""
    specs, common, warnings = load_policy(config)
    common = dict(common)
    members = inputs.members
    region_cells = members["region_code"].tolist() if "region_code" in members.columns else []
    sources = [s for t in [*inputs.tables, *named_by] if t.kind == "roster" for s in (t.title, t.path.stem)]
    named = bool(common.get("county_name")) or any(regions.county_name_in(s) for s in sources)  # configured or titled
    # a city's run (members of several counties, by a 县（市、区） column or by each file's title): each member's own
    # county judges her moves; no one county is 本县 unless the configuration names it
    city = len(counties(members)) > 1 and not common.get("county_name") and not common.get("county_code")
    if city:
        named, sources = False, []
    if not common.get("county_name") and not city:  # 行政区划 cells holding names count as addresses
        common["county_name"] = regions.county_name(sources, members["address"].tolist() + regions.place_names(region_cells))
    places = members[["township", "county"]].drop_duplicates()  # (a city's roster: 隆回县长乐乡 is 长乐乡 of 隆回县)
    towns = [t[len(c):] if c and t.startswith(c) else t for t, c in zip(places["township"], places["county"])]
    townships = sorted({t for t in towns if t and len(t) >= 2})
    # the last month of the period the rosters name ('2026年第三季度'): their amounts apply up to it (money checks)
    common["roster_period"] = max((period_of(t) for t in inputs.tables if t.kind == "roster"), default="")
    common["county_places"] = list(common.get("county_places", [])) + townships
    valid_ids = members.loc[members["id_status"] == ids.VALID, "id"].tolist()
    code, source = regions.find_county_code(common.get("county_code", ""), region_cells, sources,
                                            common["county_name"], valid_ids, float(specs["C02"].params["home_share"]))
    if source.startswith(regions.SEVERAL) and named:  # a city's codes, but the title or configuration names 本县
        code, source = regions.find_county_code(common.get("county_code", ""), [], sources, common["county_name"], valid_ids)
    elif source.startswith(regions.SEVERAL):
        common["county_name"] = ""  # one county's name from the addresses would make the others' moves 迁出本县
    warnings = warnings + regions.configured_code_notes(common.get("county_code", ""), valid_ids)
    warnings += regions.former_code_notes(regions.parse_codes(common.get("county_code", "")) or ((code,) if code else ()),
                                          valid_ids)
    if regions.prefecture_named(common["county_name"]):  # 本县 is a county: a city's name makes its other counties 本县
        warnings.append(f"配置文件 [common] county_name 为“{common['county_name']}”，这是地级市或省的名称，不是县级名称；迁往同市其他县区的"
                        "会被当作县内迁移而不标记。请填写本县（县、县级市、区）的名称，或用 county_code 填写县级代码。")
    if not common["county_name"] and not city:  # a county known by its code only (a 区划代码 column): its name from the table
        common["county_name"] = regions.county_name_of(code)
    ctx = Context(members, inputs.lists, inputs.labels, as_of, specs, common, county_code=code,
                  departed={k: v for t in inputs.tables for k, v in t.departed.items()},
                  left={k: v for t in inputs.tables for k, v in t.left.items()})
    if inputs.name_counts is not None:
        ctx.cache["kin:names"] = inputs.name_counts
    return ctx, warnings, source


def _complete(ctx: Context, inputs: LoadedInputs, source: str) -> list[str]:
    """Give the context every list once all are read; returns the notes on the lists with a header only (held-out 213:
    an empty deaths list left C02 said as checked) and on the county code (they need the moves)."""
    ctx.lists, ctx.labels = inputs.lists, inputs.labels
    empty = [t for t in inputs.tables if t.kind != "roster" and t.rows == 0]
    ctx.cache[EMPTY_LISTS] = {t.kind for t in empty}
    said = [f"{t.path.name}：名单只有表头、没有数据行，需要这份名单的核查这部分未核查；请确认导出时是否选对了范围" for t in empty]
    if inputs.name_counts is not None:
        ctx.cache["kin:names"] = inputs.name_counts
    ctx.cache[LIST_MONTHS] = {t.kind: t.months for t in inputs.tables if t.months is not None}
    moves = inputs.lists.get("migrations")
    dests = [v for c in ("dest", "dest_code") if moves is not None and c in moves.columns for v in moves[c].tolist()]
    named = sorted(counties(ctx.members))
    if len(named) > 1 and dests:  # a city's roster naming each member's county: judged per member
        return said + [f"花名册涉及 {len(named)} 个县区（按县（市、区）列或各花名册标题、文件名：{'、'.join(named[:6])}{'等' if len(named) > 6 else ''}），"
                       "户籍迁出按每人所在的县区判断是否迁出本县，同名乡镇按县区分开。"]
    return said + regions.county_notes(ctx.county_code, source, dests, ctx.common.get("county_name", ""))


DISABLED = "配置中已停用"


def _filled(members, column: str) -> bool:
    """Whether some member has a non-blank cell in a roster column (the first rows looked at first: a filled column
    mostly says so there, without its 200,000 cells judged)."""
    return bool(_nonblank(members.head(1000), column).any()) or bool(_nonblank(members, column).any())


def _nonblank(members: pd.DataFrame, column: str) -> np.ndarray:
    """Per member: whether a roster column's cell is not blank (each distinct cell judged once)."""
    if column not in members.columns:
        return np.zeros(len(members), dtype=bool)
    codes, cells = pd.factorize(members[column].astype(object))
    said = np.array([bool(str(v).strip()) for v in cells] + [False], dtype=bool)
    return said[codes]  # (code -1, a missing cell: the last, False)


def applies(ctx: Context, spec: CheckSpec) -> bool:
    """Whether the command at hand runs a check at all: an applicants' check (``CheckSpec.applicants_only``) only in
    ``screen`` (``model.APPLYING``)."""
    return not spec.applicants_only or bool(ctx.cache.get(APPLYING))


def _runnable(ctx: Context, codes: list[str] | None) -> tuple[list[str], dict[str, str]]:
    """The enabled checks whose lists are given, in code order, and code → why each other one is skipped."""
    runnable: list[str] = []
    skipped: dict[str, str] = {}
    for code in sorted(load_all()):
        spec = ctx.specs.get(code)
        if spec is None or (codes and code not in codes) or not applies(ctx, spec):
            continue
        if spec.params.get("enabled", True) is False:
            skipped[code] = DISABLED
            continue
        # a death the rosters' own 成员状态 records (with its date) stands for the deaths list F01 also needs (held-out 202)
        lacking = next((kinds for kinds in (spec.needs, spec.needs_also) if kinds and not any(
            ctx.has(k) or (kinds is spec.needs_also and _on_roster(ctx, k)) for k in kinds)), None)
        if lacking:
            skipped[code] = "未提供所需名单：" + lists_named(lacking)
            continue
        blank = [c for c in spec.needs_columns if "." not in c and not _filled(ctx.members, c)]
        if blank:  # (held-out 152: C08 said "已核查，未发现问题" of a roster without 劳动能力)
            skipped[code] = "花名册没有" + "、".join(f"“{FIELD_NAMES.get(c, c)}”" for c in blank) + "列（或该列全部为空）"
            continue
        unread = [none_read(ctx, c) for c in spec.needs_columns]
        if unread and all(unread):  # … nor of one whose every value was a code not read (held-out 210)
            skipped[code] = "；".join(unread)
            continue
        runnable.append(code)
    return runnable, skipped


def run_checks(ctx: Context, codes: list[str] | None = None, done: dict[str, list[Finding]] | None = None,
               beside: dict[str, Callable[[], object]] | None = None) -> tuple[list[Finding], dict[str, str]]:
    """Run every enabled check whose lists are present.

    Args:
        ctx: the context.
        codes: restrict to these codes (None for all).
        done: code → findings of checks already run (:func:`run_ready_checks`).
        beside: name → work that reads no check's result (the audit's notices), each run once the checks are handed
            out, by whichever process is free first; its result is left in ``ctx.cache[name]``. With the money checks
            it runs after them in this process (the ledger they build replaces the payments list it may read).
    Returns:
        (findings, code → reason a check was skipped); findings in code order.
    """
    rules = load_all()
    runnable, skipped = _runnable(ctx, codes)
    if not runnable and len(skipped) > 1 and set(skipped.values()) == {DISABLED}:
        # every check of the command turned off: nothing checked would read as nothing found (未发现问题, 无疑点)
        raise ConfigError("配置文件停用了全部检查（enabled = false），没有可运行的检查；请至少保留一类。")

    def run(group: tuple[str, ...]) -> tuple[dict[str, list[Finding]], dict]:  # in either process (parallel.shared)
        found = {code: rules[code](ctx) for code in group}
        return found, _notes(ctx)

    def run_group(group: tuple[str, ...] | str) -> tuple[dict[str, list[Finding]], dict]:
        if group in after:  # (a name of work beside the checks)
            return {}, {group: after[group]()}
        if group not in together or len(group) < 3:
            return run(group)
        # What the group reads (the ledger) is built first; then the group's modules (checks of one module share
        # what they compute) are shared with a copy forked now, the module of most checks here.
        _built_first(ctx)
        found: dict[str, list[Finding]] = {}
        parts = _by_module(group, rules)
        for more, notes in parallel.shared(parts, run, big, parts[:1], parallel.FORK_MAX_BYTES_TOGETHER).values():
            found.update(more)
            ctx.cache.update(notes)
        return found, _notes(ctx)

    results = dict(done or {})
    left = [c for c in runnable if c not in results]
    groups = [tuple(c for c in left if c.startswith(p)) for p in TOGETHER] + _by_module(
        [c for c in left if not c.startswith(TOGETHER)], rules)
    groups = [g for g in groups if g]
    together = tuple(g for g in groups if g[0].startswith(TOGETHER))
    big = len(ctx.members) >= parallel.BIG_MEMBERS
    after = dict(beside or {})
    for found, notes in parallel.shared(groups + ([] if together else list(after)), run_group, big, together).values():
        results.update(found)
        ctx.cache.update(notes)
    for name in after if together else ():
        ctx.cache.update(run_group(name)[1])
    return also_c01([f for code in runnable for f in results[code]]), skipped


def _notes(ctx: Context) -> dict:
    """What the checks left in ``ctx.cache`` for after them (the warnings, ``AFTER_CHECKS``, and what a check could
    not look at, ``PARTLY``): a check run in the forked copy sends them back with its findings."""
    return {k: v for k, v in ctx.cache.items() if k in AFTER_CHECKS or (isinstance(k, str) and k.startswith(PARTLY))}


# Checks that share a costly cache start in this process (the money checks all read the payment ledger, which the
# copy forked for the other checks should not touch: parallel.FORK_MAX_BYTES_HERE); once it is built
# (_built_first), their modules are shared with a second copy (run_checks); the other checks are shared module by
# module with the first copy (parallel.shared).
TOGETHER = ("F",)


def _built_first(ctx: Context) -> None:
    """Build what the TOGETHER checks all read (the payment ledger, ``ctx.cache['money']``)."""
    from .rules._money import ledger

    ledger(ctx)


def _by_module(codes: list[str], rules: dict) -> list[tuple[str, ...]]:
    """The codes grouped by their rule's module (``rules``: code → rule), the group of most checks first: checks of
    one module share what they compute (C09 and C10 the household signals), so a group runs in one process and no two
    compute it both. Modules naming the same ``PROCESS`` (C03's and C09's: the pensions in payment) are one group."""
    modules: dict[str, list[str]] = {}
    for code in codes:
        module = rules[code].__module__
        modules.setdefault(getattr(sys.modules.get(module), "PROCESS", module), []).append(code)
    return sorted((tuple(m) for m in modules.values()), key=len, reverse=True)


# The ctx.cache entries read after the checks (the audit's warnings): a check run in the forked copy
# sends them back with its findings.
AFTER_CHECKS = ("money:sources", "money:unidentified", "money:earlier", "money:care_homes", "money:items",
                "money:carried", "money:undated_deaths", "money:recoveries", "money:later", "money:later_exits", "wages:thin",
                "wages:later", "wages:outside", "wages:years", "wages:left", "wages:left:赡养人", "wages:unmonthed",
                "pensions:left", "c02:unplaced", "deaths:later",
                "vehicles:later", "properties:later", "businesses:later", "staff:later", "cadres:later",
                *(COLUMN_DOUBT + k for k in REFERENCE_KINDS))


def _on_sheets(inputs: LoadedInputs, kind: str, frame: pd.DataFrame, rows, column: str) -> str:
    """'（工作表“龙布镇”、工作表“鹤子镇”）': the sheets some rows are on, when a file of that kind has several sheets ('' else),
    so that the clerk knows which township's file to have exported again."""
    if column not in frame.columns or not any(t.kind == kind and len(t.sheets) > 1 for t in getattr(inputs, "tables", ())):
        return ""
    on = pd.unique(frame[column].to_numpy(dtype=object)[np.asarray(rows, dtype=bool)]).tolist()
    return "（" + "、".join(f"工作表“{sheet}”" for sheet in on) + "）" if on and all(on) else ""


def _names_someone(ref: pd.DataFrame) -> np.ndarray:
    """Per row of a list: whether it has a name or an ID cell (a person's row, whatever its ID is worth)."""
    named = np.zeros(len(ref), dtype=bool)
    for col in ("name", "id_raw"):
        if col in ref.columns:
            named |= by_value_array(ref[col], lambda v: bool(str(v).strip()) if v is not None and v == v else False
                                    ).astype(bool)
    return named


def _in_ledgers(ref: pd.DataFrame, rows) -> str:
    """'（发放明细_2026年8月.csv）': the ledger files some rows are in ('' for a list without files named per row)."""
    if "_file" not in ref.columns:
        return ""
    files = dict.fromkeys(Path(str(f)).name for f in ref["_file"].to_numpy(dtype=object)[np.asarray(rows, dtype=bool)])
    return "（" + "、".join(list(files)[:3]) + ("等" if len(files) > 3 else "") + "）" if files else ""


def _in_files(inputs: LoadedInputs, rows) -> str:
    """'（毛集镇….xlsx 工作表“家庭成员”、…）': the roster files (and sheets) some members are in, when several roster files
    were read ('' else): one township's file to have exported again (held-out 136)."""
    members = inputs.members
    if sum(1 for t in getattr(inputs, "tables", ()) if t.kind == "roster") < 2 or "file" not in members.columns:
        return ""
    at = np.asarray(rows, dtype=bool)
    sheets = members["sheet_shown"].to_numpy(dtype=object)[at] if "sheet_shown" in members.columns else [""] * int(at.sum())
    on = dict.fromkeys(Path(str(f)).name + (f" 工作表“{s}”" if s else "")
                       for f, s in zip(members["file"].to_numpy(dtype=object)[at], sheets))
    return "（" + "、".join(on) + "）"


# how many townships a notice names before "等" (the most people first)
_TOWNS_SHOWN = 3


def old_ids(members: pd.DataFrame, roster: str = "花名册", files: Callable[[np.ndarray], str] | None = None) -> list[str]:
    """The notice for roster members whose ID is still a 15-digit 一代证 number (matched as its 18-character upgrade,
    unsaid: held-out 249): how many, in which townships, one example masked.

    Args:
        members: the roster members (id_raw, id_status, township).
        roster: what the rosters are called (花名册, 申请名单, 在保花名册).
        files: the files (and sheets) some members are in, for a roster of several files ('' else).
    Returns:
        The notice, or none.
    """
    if "id_raw" not in members.columns or not len(members):
        return []
    valid = (members["id_status"] == ids.VALID).to_numpy()
    digits = np.asarray(ids.old_digits_each(members["id_raw"].tolist()), dtype=object)
    old = valid & (digits != "")
    if not old.any():
        return []
    towns = (members["township"].astype(object).map(lambda t: str(t or "").strip())[old].value_counts()
             if "township" in members.columns else pd.Series(dtype=int))
    ranked = sorted(towns.items(), key=lambda kv: (-kv[1], natural_key(kv[0])))  # (as _money_unread.amounts_not_given)
    where = ("、".join(f"{t or '未填乡镇'} {n} 人" for t, n in ranked[:_TOWNS_SHOWN])
             + (f"等 {len(ranked)} 个乡镇" if len(ranked) > _TOWNS_SHOWN else ""))
    example = ids.mask_id(str(digits[old][0]))
    return [f"{roster}{files(old) if files else ''}中有 {int(old.sum())} 人的身份证号仍是 15 位旧身份证号"
            f"（{where + '；' if where else ''}如 {example}），已按升位后的 18 位号码比对。请更新为18位身份证号。"]


def _scientific_rows(frame: pd.DataFrame, mask, row: str) -> str:
    """Where the first IDs saved in scientific notation are, as the file shows them ('如第 12 行“4.10523E+17”'; a
    few digits only, no ID to hide), for a clerk to find them (held-out 185: an example of another county's)."""
    at = np.flatnonzero(np.asarray(mask, dtype=bool))[:3]
    raw = frame["id_raw"].to_numpy(dtype=object)[at].tolist() if "id_raw" in frame.columns else []
    rows = frame[row].to_numpy(dtype=object)[at].tolist() if row in frame.columns else [""] * len(raw)
    # (the roster's rows name their file when it has several: held-out 189's "第 8 行" was of one of four)
    files = (frame["file"].to_numpy(dtype=object)[at].tolist() if "file" in frame.columns
             and frame["file"].nunique() > 1 else [""] * len(raw))
    shown = [(f"《{f}》" if f else "") + (f"第 {r} 行“{v}”" if r != "" else f"“{v}”")
             for f, r, v in zip(files, rows, raw) if "E" in str(v).upper()]
    return "如" + "、".join(shown) if shown else "形如 4.10523E+17"


def number_typed_ids(inputs: LoadedInputs, roster: str = "花名册") -> list[str]:
    """One warning for the roster and one per list whose IDs lost their last digits to a number format, and one
    per list whose IDs lost their last character.

    Args:
        inputs: the loaded rosters and lists.
        roster: what the rosters are called in the message (花名册, 申请名单).
    Returns:
        The warnings.
    """
    out = []
    numeric = inputs.members["id_status"] == ids.NUMERIC
    scientific = _few_digits(inputs.members)
    few = int(scientific.sum())
    if numeric.any():
        out.append(f"{roster}{_in_files(inputs, numeric) or _on_sheets(inputs, 'roster', inputs.members, numeric, 'sheet_shown')}"
                   f"中有 {int(numeric.sum())} 个身份证号以数字格式存储"
                   "（后几位已丢失），这些人只按“姓名+前15位”以中等置信度比对"
                   + (f"；其中 {few} 个以科学计数法保存（{_scientific_rows(inputs.members, scientific, 'row')}），只剩前几位，"
                      "无法与名单比对" if few else "")
                   + "，请尽快更正。")
    for count, what, kept in _cut_ids(inputs.members):  # (README: IDs cut short are said apart)
        out.append(f"{roster}中有 {count} 个身份证号{what}，这些人只按“姓名+{kept}”以中等置信度比对，请核对后补全。")
    out.extend(old_ids(inputs.members, roster, lambda rows: _in_files(inputs, rows)))
    if "account_masked" in inputs.members.columns:
        hidden = inputs.members.loc[inputs.members["account_masked"].astype(bool), "household"].nunique()
        if hidden:  # (held-out 146: said to be stored as numbers, to be exported again as text)
            out.append(f"{roster}中有 {hidden} 户的银行账号被部分隐藏（如 6217****1234），这些账号不参与共用账号（D02）和干部账号（RQ3）"
                       "的比对；需要核对的，请从系统导出账号完整的名单。")
    if "account_cut" in inputs.members.columns:
        cut = inputs.members.loc[inputs.members["account_cut"].astype(bool), "household"].nunique()
        if cut:
            out.append(f"{roster}中有 {cut} 户的银行账号以数字格式存储（超过 15 位的后几位已丢失），共用账号（D02）只能按前 15 位比对，"
                       "置信度最高为“中”；请把账号列设为“文本”后重新导出。")
    for kind, ref in inputs.lists.items():
        if "id_status" not in ref.columns or "id_raw" not in ref.columns:
            continue
        own = numbers_as_ids(ref)
        damaged = own.copy()
        zeros = _text_zeros(ref, "", own)
        if "head_id" in ref.columns:  # rows naming only the head (户主身份证号), whose ID is the row's (each cell judged once)
            blank = by_value_array(ref["id_raw"], lambda v: v is None or v != v or not str(v).strip()).astype(bool)
            heads = blank & by_value_array(ref["head_id"], lambda h: h is not None and h == h
                                           and ids.id_number(str(h)).status == ids.NUMERIC).astype(bool)
            damaged |= heads
            zeros |= _text_zeros(ref, "head_", heads)
        sheets = _on_sheets(inputs, kind, ref, damaged, "_sheet")
        texts = source_cells(ref, zeros) if zeros.any() else 0
        damaged = source_cells(ref, damaged) if damaged.any() else 0  # a ledger's row paying two items is one cell
        if damaged:
            # (3.41824E+17 keeps six digits: no name and prefix can link it, as for the roster above)
            scientific = (np.asarray(own, dtype=bool) & _few_digits(ref) if "id_reliable" in ref.columns
                          else np.zeros(len(ref), dtype=bool))
            few = source_cells(ref, scientific) if scientific.any() else 0
            # text cells ending in 000 were numbers once at most: said as such (held-out 231: 16 text cells "以数字格式存储")
            said = ("以数字格式存储（" if not texts else "末几位为 0（疑似曾以数字格式存储，" if texts == damaged
                    else f"以数字格式存储或末几位为 0（其中 {texts} 个是文本格式，疑似曾以数字格式存储；")
            out.append(f"{inputs.labels[kind]}{sheets}中有 {damaged} 个身份证号{said}后几位已丢失，只能按姓名+前几位以中等置信度比对"
                       + (f"；其中 {few} 个以科学计数法保存（{_scientific_rows(ref, scientific, '_row')}），只剩前几位，无法比对"
                          if few else "")
                       + ("）。请让报送单位从系统重新导出完整的身份证号。" if texts == damaged
                          else "）。请让报送单位把身份证号列设为“文本”后重新导出。"))
        hidden = ref["account_masked"].to_numpy(dtype=bool) if "account_masked" in ref.columns else np.zeros(len(ref), bool)
        if hidden.any():  # a bank's masked accounts (6217****5678, held-out 140), named by file (held-out 149)
            out.append(f"{inputs.labels[kind]}{_in_ledgers(ref, hidden)}中有 {source_cells(ref, hidden, 'bank_account')} 处银行账号"
                       "被部分隐藏（如 6217****5678），"
                       + ("这些账号不作为同一账号比对（F07 多户共用账号、干部或工作人员账号），只与户名、露出的几位一起对应领取人"
                          "（置信度最高为“中”）。需要核查账户的，请向银行索取账号完整的发放明细。" if kind == "payments" else
                          "这些账号不与花名册和发放明细的账号比对（RQ3、F07 干部或工作人员账号）；需要核对的，请报送单位提供账号完整的名单。"))
        if kind == "payments" and "id_raw" in ref.columns:  # masked IDs: how their rows were tied (held-out 149)
            masked_ids = np.asarray([v is not None for v in by_value_array(ref["id_raw"], ids.masked).tolist()], dtype=bool)
            if masked_ids.any():
                example = ids.masked_example(ref["id_raw"].to_numpy(dtype=object)[np.flatnonzero(masked_ids)[0]])
                out.append(f"{inputs.labels[kind]}{_in_ledgers(ref, masked_ids)}中有 {source_cells(ref, masked_ids)} 行身份证号"
                           f"被部分隐藏（如 {example}），不当作身份证号：按同一账号、同一户名在其他月份的完整身份证号，或按"
                           "“账号 + 户名 + 露出的几位”对应到人，由这些行得出的问题最高为“中”。")
        cut = (source_cells(ref, ref["account_cut"].to_numpy(dtype=bool) & ~hidden, "bank_account")
               if "account_cut" in ref.columns else 0)
        if cut:  # (a ledger's)
            blind = source_cells(ref, blind_rows(ref), "bank_account") if kind == "payments" else 0
            compared = ("这些账号不作为同一账号比对（F07 多户共用账号、干部或工作人员账号）" if kind == "payments" else
                        "这些账号与花名册只按前 15 位比对（RQ3 置信度最高为“中”），不作为 F07 的干部或工作人员账号比对")
            out.append(f"{inputs.labels[kind]}中有 {cut} 处银行账号以数字格式存储（超过 15 位的后几位已丢失），{compared}"
                       + (f"；其中 {blind} 行没有身份证号，无法判断领取人是谁：这些行不列为不在册人员领取或重复发放，"
                          "其所属月份不核查应发未发" if blind else "")
                       + "。请让报送单位把账号列设为“文本”后重新导出。")
        # rows no ID links (never by the name alone): said, not dropped silently
        if kind in (*_PERSON_LISTS, *_OWNER_LISTS) and len(ref):
            none = (ref["id_status"].isin([ids.MISSING, ids.FORMAT, ids.DATE])).to_numpy()
            if kind in _OWNER_LISTS and none.any():  # a company's row (no ID, its credit code): no person unlinked
                none = none & by_value_array(ref["id_raw"], _person_id_shaped).astype(bool)
            if none.any():  # a row with neither a name nor an ID cell is no person (held-out 254: a staff list's
                # '单位：民权县教育体育局' over each unit's block was counted 6 times as a person without an ID)
                none = none & _names_someone(ref)
            if none.any():
                shown = "、".join(dict.fromkeys(str(v) for v in ref.loc[none, "name"].tolist()[:3])) if "name" in ref.columns else ""
                # an ID masked for privacy (6531**********0734, held-out 211) is no mistake to correct: the sender must
                # send the IDs whole
                hidden = [str(v) for v in ref.loc[none, "id_raw"].tolist() if ids.masked(v)] if "id_raw" in ref.columns else []
                # … those showing region and birth date are compared by name and those digits (match._as_masked)
                dated = sum(1 for v in hidden if ids.masked_shown(v))
                out.append(f"{inputs.labels[kind]}{_on_sheets(inputs, kind, ref, none, '_sheet')}中有 {int(none.sum())} 行没有可用的"
                           f"身份证号（空白、位数不对{'、出生日期不成立或被遮挡' if hidden else '或出生日期不成立'}"
                           f"{'，如 ' + shown if shown else ''}），"
                           + (f"其中 {len(hidden)} 行的身份证号被遮挡（脱敏，如 {ids.masked_example(hidden[0])}），" if hidden else "")
                           + (f"被遮挡的号码露出出生日期的 {dated} 行按“姓名+露出的各位”比对，花名册上只有一人相符的列为低置信度线索；"
                              "其余的人" if dated else "这些人")
                           + "无法与花名册比对（不按姓名单独比对）。请让报送单位补全身份证号"
                           + ("，被遮挡的请提供完整的身份证号。" if hidden else "。"))
        if kind == "cadre_relatives" and len(ref):
            out.extend(_unusable_filings(inputs, ref))
        for count, what, kept in _cut_ids(ref):
            out.append(f"{inputs.labels[kind]}中有 {count} 个身份证号{what[:-1]}，只按姓名+{kept}以中等置信度比对）"
                       + _seventeen_unused(inputs.members, ref) + "。请让报送单位核对后重新导出。")
    return out


# Lists of people each of whom has an ID (not of companies, vehicles' or homes' owners, relatives often left blank)
_PERSON_LISTS = ("deaths", "prisoners", "migrations", "staff", "cadres", "pensions", "wages")
# Lists of owners, people or companies: a person's ID made unusable there is said as on a list of people (held-out 212:
# a car owner's masked ID was dropped unsaid, the same row in a deaths or pensions list named)
_OWNER_LISTS = ("vehicles", "properties", "businesses")
_PERSON_ID = re.compile(r"\d{14,}[\dXx]?")


def _unusable_filings(inputs: LoadedInputs, ref: pd.DataFrame) -> list[str]:
    """The notice for the filing rows (近亲属备案表) nothing ties to a person: no usable relative's ID, and no usable
    cadre's ID (no registry household to look in) or no relative's name (held-out 219: such rows were dropped unsaid).
    A blank relative's ID alone is common (the relative is found in the cadre's household or village) and not said."""
    unusable = [ids.MISSING, ids.FORMAT, ids.DATE]
    no_id = ref["id_status"].isin(unusable).to_numpy()
    no_cadre = (ref["cadre_id_status"].isin(unusable).to_numpy() if "cadre_id_status" in ref.columns
                else np.ones(len(ref), dtype=bool))
    no_name = (ref["name_key"].astype(str) == "").to_numpy() if "name_key" in ref.columns else np.ones(len(ref), dtype=bool)
    bad = no_id & (no_cadre | no_name)
    if not bad.any():
        return []
    numbers = [str(r) for r in ref.loc[bad, "_row"].tolist()] if "_row" in ref.columns else []
    shown = "第 " + "、".join(numbers[:10]) + (" 等" if len(numbers) > 10 else "") + " 行" if numbers else ""
    return [f"{inputs.labels['cadre_relatives']}{_on_sheets(inputs, 'cadre_relatives', ref, bad, '_sheet')}中有 {int(bad.sum())} 行"
            f"{'（' + shown + '）' if shown else ''}没有可用的亲属身份证号，也没有可用的干部身份证号或亲属姓名（空白、位数不对或"
            "出生日期不成立），无法确定备案的是谁：这些备案只在能确定干部所在村时按姓名比对，否则未使用，"
            "其亲属可能被当作未备案（RQ2）或漏列重点审查（RQ1）。请让报送单位补全干部和亲属的身份证号。"]


def _person_id_shaped(cell: object) -> bool:
    """Whether an ID cell holds a person's ID, masked or damaged (371722********7070, 17 or 19 digits, an impossible
    birth date), not a company's credit code or a blank."""
    return ids.masked(cell) is not None or _PERSON_ID.fullmatch(ids.id_number(cell).value) is not None


def _cut_ids(frame: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(count, what, the digits compared) for a frame's IDs cut short (:data:`ids.SHORT`): those missing only the
    check character, and those cut after 15 or 16 digits (a 15-digit one is no 一代证: its date is impossible)."""
    short = (frame["id_status"] == ids.SHORT).to_numpy()
    if not short.any():
        return []
    kept = (pd.to_numeric(frame["id_reliable"], errors="coerce").fillna(17).to_numpy()[short]
            if "id_reliable" in frame.columns else np.full(int(short.sum()), 17))
    last, cut = int((kept >= 17).sum()), int((kept < 17).sum())
    return ([(last, "只有 17 位（末位校验码缺失）", "前17位")] if last else []) + (
        [(cut, "只有 15 或 16 位（不是有效的 15 位旧身份证号，后几位缺失）", "现有各位")] if cut else [])


def _seventeen_unused(members: pd.DataFrame, ref: pd.DataFrame) -> str:
    """What the notice of a list's 17-digit IDs adds for those that begin no roster ID while namesakes of their region
    and birth date are on the roster ('' for none): they were not used, and several namesakes fit (held-out 227: such an
    ID fitting two people born the same day was dropped while the notice said it was compared at 中)."""
    short = ((ref["id_status"] == ids.SHORT) & (pd.to_numeric(ref["id_reliable"], errors="coerce") == 17)).to_numpy()
    if not short.any() or "name_key" not in ref.columns or members.empty:
        return ""
    values, keys = ref.loc[short, "id"].astype(str), ref.loc[short, "name_key"]
    shown = ref.loc[short, "name"] if "name" in ref.columns else keys
    begun = set(members.loc[members["id"].astype(str).str[:17].isin(set(values)), "id"].astype(str).str[:17])
    named = members[members["name_key"].isin(set(keys) - {""})]  # (a province's roster: the namesakes only)
    people = named.groupby([named["name_key"], named["id"].astype(str).str[:14]])["id"].nunique()
    said = []
    for value, key, name in zip(values, keys, shown):
        fits = int(people.get((key, value[:14]), 0)) if key and value[:17] not in begun else 0
        if fits:
            said.append(f"{name}（{value}）的前14位（地区和出生日期）与花名册中 {fits} 名同名人员相同、前17位与"
                        + ("每人都不同，无法确定是谁" if fits > 1 else "其不同，无法确定是否同一人"))
    if not said:
        return ""
    return f"；其中 {'，'.join(said[:3])}{'等' if len(said) > 3 else ''}，未使用（可能不只缺末位校验码）"


def run_ready_checks(ctx: Context, codes: list[str] | None, waiting: Callable[[], bool]) -> dict[str, list[Finding]]:
    """While the second process still reads lists, run the checks that need none of them.

    A check that reaches a pending list raises :class:`model.Pending` and is left for :func:`run_checks`
    (nothing it computed from complete lists is wrong to keep in ``ctx.cache``).

    Args:
        ctx: the context, its lists :class:`model.Arriving`.
        codes: restrict to these codes (None for all).
        waiting: whether the second process is still reading (the checks stop once it is done).
    Returns:
        code → findings of the checks run.
    """
    rules = load_all()
    done: dict[str, list[Finding]] = {}
    pending = getattr(ctx.lists, "pending", set())
    for code in _runnable(ctx, codes)[0]:
        if not waiting():
            break
        if pending & {*ctx.specs[code].needs, *ctx.specs[code].needs_also}:
            continue  # (it reads every list it names that is given: it would go Pending, after some of its work)
        try:
            done[code] = rules[code](ctx)
        except Pending:
            continue
    return done


def _natural(column: pd.Series) -> pd.Series:
    """Sort key: townships and villages in natural order (第2街道 before 第10街道), other columns as they are."""
    return natural_rank(column) if column.name in ("乡镇", "村") else column


def findings_frame(ctx: Context, findings: list[Finding]) -> pd.DataFrame:
    """Turn findings into report rows (the findings.csv contract), sorted for township workers.

    Args:
        ctx: the context.
        findings: the findings.
    Returns:
        The frame (internal columns start with '_').
    """
    first: dict[tuple, Finding] = {}
    for f in findings:
        first.setdefault((f.code, f.member, f.source, f.source_row, f.evidence), f)
    kept = list(first.values())
    # The person columns, column by column: the members' cells at the findings' members; a payee on no roster
    # (member < 0) brings its own (Finding.subject).
    at = np.array([0 if f.subject is not None else f.member for f in kept], dtype=np.int64)
    subjects = [(i, f.subject) for i, f in enumerate(kept) if f.subject is not None]

    def person(column: str) -> list:
        values = ctx.members[column].to_numpy()[at].tolist() if len(ctx.members) else [""] * len(kept)
        for i, subject in subjects:
            values[i] = subject.get(column, "")
        return values

    if subjects:  # a payee's township as a ledger writes it (城关镇人民政府, 城关) is the roster's (城关镇)
        named = as_roster_names(ctx.members)
        for i, subject in subjects:
            subject["township"] = named(subject.get("township", ""))

    ids_, raw, key, head = person("id"), person("id_raw"), person("name_key"), person("head_id")
    # an ID whose digits were made up in normalising (a 15-digit ID with an impossible date upgraded, 3.41222E+17 padded
    # with zeros) is shown as written
    shown = [r if (s in (ids.DATE, ids.FORMAT) or (s == ids.NUMERIC and (n or 0) < ids.SURVIVING)) and r else i
             for i, r, s, n in zip(ids_, raw, person("id_status"), person("id_reliable"))]
    relations = person("relation")
    relation_shown = {v: decode_relation(v).shown for v in set(relations)}  # a GB/T 4761 code with its meaning: '20（子）'
    specs = [ctx.specs[f.code] for f in kept]
    file_name = functools.lru_cache(maxsize=None)(lambda path: Path(path).name)  # a few roster files, many rows
    columns = {
        "类别代码": [f.code for f in kept], "类别名称": [s.title for s in specs], "置信度": [f.confidence for f in kept],
        "乡镇": person("township"), "村": person("village"), "户主姓名": person("head_name"), "户主身份证号": head,
        "姓名": person("name"), "身份证号": [v or r for v, r in zip(shown, raw)], "与户主关系": [relation_shown[v] for v in relations],
        "保障类别": person("programme"), "匹配键": [f.key for f in kept],
        # a member the roster lists but does not cover (是否保障对象 否): her means are the household's, said at the door
        "依据": [f.evidence + ("（本人“是否保障对象”为否：不享受保障，但计入家庭人口和收入）" if f.subject is None and not is_covered(c) else "")
               for f, c in zip(kept, person("covered"))],
        "来源名单": [f.source for f in kept], "来源行": [f.source_row for f in kept],
        "花名册文件": [file_on_sheet(file_name(v), s) for v, s in zip(person("file"), person("sheet_shown"))],
        "花名册行": [str(v) for v in person("row")],
        "建议": [s.advice for s in specs],
        "证据指纹": [evidence_fingerprint(f.code, i or f"{k}|{h}", f.facts) for f, i, k, h in zip(kept, ids_, key, head)],
        "涉及月份": [f.months for f in kept], "应追回金额": [f.recover for f in kept], "应补发金额": [f.repay for f in kept],
        "_member": [f.member for f in kept], "_household": person("household"), "_level": [s.level for s in specs],
        "_facts": [f.facts for f in kept],
    }
    frame = pd.DataFrame(columns, columns=FINDING_COLUMNS + ["_member", "_household", "_level", "_facts"])
    if frame.empty:
        return frame
    frame["_c"] = frame["置信度"].map(CONFIDENCE_ORDER)
    frame = frame.sort_values(["类别代码", "乡镇", "村", "户主姓名", "_c", "花名册行"], kind="stable", key=_natural)
    return frame.drop(columns="_c").reset_index(drop=True)


def audit(rosters: list[Path], lists: dict[str, Path], as_of: dt.date, config: Path | None = None,
          limits: Limits | None = None, progress: Progress | None = None,
          codes: list[str] | None = None, suppress: Path | None = None, whole: bool = False,
          payments: list[Path] | None = None) -> AuditResult:
    """Run a full audit and return its findings (reports are written by ``io.report``).

    Args:
        rosters: roster files.
        lists: reference kind → file.
        as_of: the review date.
        config: user configuration file.
        limits: safety bounds for each file.
        progress: progress callback while loading.
        codes: restrict to these check codes.
        suppress: a 核实无问题清单 (see :mod:`rostercheck.suppress`); matching findings are held back.
        whole: read every list whole instead of filtering the big ones (see :func:`load_inputs`).
        payments: payment ledger files (资金发放明细, the F checks; see :mod:`rostercheck.io.ledgers`).
    Returns:
        The result.
    """
    from . import suppress as suppression

    entries = suppression.read(suppress) if suppress is not None else None  # fail early on a wrong file
    common = load_policy(config)[1]  # fail on a broken configuration before spending time on loading
    # Payees are people of interest too (their events are kept, F01–F03): keys from the raw rows a second process
    # reads meanwhile; the rows are typed here while the second process filters the held lists.
    reading = start_payments(payments, as_of, limits, progress, given=[*rosters, *lists.values()], rosters=rosters)

    def payees() -> list[pd.DataFrame]:
        from .io.ledgers import raw_payee_keys

        return raw_payee_keys(reading.raw())

    try:
        loading = start_loading(rosters, lists, as_of, limits, progress, whole, payees if reading else [],
                                typed_here=reading.size if reading else 0, roster_codes=roster_codes(common))
    finally:
        if reading:
            reading.close()
    try:
        ledger_notes = add_payments(loading.inputs, reading.finish() if reading else None)
        require_people(loading.inputs, "花名册", "核查结果会显示为“未发现问题”")
        ctx, warnings, source = _context(loading.inputs, as_of, config)
        # Checks that need none of the lists the second process still reads run while it reads them.
        early = run_ready_checks(ctx, codes, loading.waiting) if loading.ready and loading.waiting() else {}
        inputs = loading.finish()
    finally:
        loading.close()
    warnings = warnings + _complete(ctx, inputs, source) + ledger_notes
    # The notices that read no finding are worked out beside the checks (the process done first takes them); the
    # lists each check lacks for every check, those skipped dropped below.
    notices = {VALUE_NOTICES: lambda: value_warnings(ctx, inputs.tables), ID_NOTICES: lambda: number_typed_ids(inputs),
               PARTS: lambda: _partial_parts(ctx, {}, codes)}
    findings, skipped = run_checks(ctx, codes, early, notices)
    frame = findings_frame(ctx, findings)
    for t in inputs.tables:
        warnings.extend(f"{t.path.name}：{w}" for w in t.warnings)
    warnings.extend(ctx.cache.pop(VALUE_NOTICES))
    for key in AFTER_CHECKS:
        warnings.extend(ctx.cache.get(key, []))
    warnings.extend(ctx.cache.pop(ID_NOTICES))
    held, held_by_code, held_by_town = 0, {}, {}
    if entries is not None:
        reported = frame["身份证号"].astype(str).tolist() if "身份证号" in frame.columns else []

        def per_code_and_town(f: pd.DataFrame) -> pd.Series:
            # (an empty count keeps the two index levels: every finding held back, held-out 232, made the subtraction
            # below fail to align an unnamed index with the named one)
            empty = pd.MultiIndex.from_arrays([[], []], names=["类别代码", "乡镇"])
            return f.groupby(["类别代码", "乡镇"]).size() if len(f) else pd.Series(0, index=empty, dtype=int)

        before = per_code_and_town(frame)
        frame, held, corrected = suppression.apply(frame, entries)
        gone = before.sub(per_code_and_town(frame), fill_value=0)
        gone = gone[gone > 0].astype(int)
        held_by_code = {c: int(n) for c, n in gone.groupby(level=0).sum().items()}
        for (code, town), n in gone.items():  # (held-out 227: a township's 核查范围 said nothing of its held ones)
            held_by_town.setdefault(town, {})[code] = int(n)
        warnings.extend(suppression.damaged_ids_note(entries, suppress, reported))
        if corrected:
            warnings.append(f"{Path(suppress).name}：其中 {corrected} 条核实无问题的记录，该人的身份证号已更正（与原记录同名、只差一位），"
                            "名单记录未变，仍不再列出")
    # (an applicants' check is no category of the audit's: its 核查范围 and summaries do not list it)
    specs = {c: s for c, s in ctx.specs.items() if applies(ctx, s)}
    # (the lists not given and their unreadable IDs: worked out once)
    parts = {code: said for code, said in ctx.cache.pop(PARTS).items() if code not in skipped}
    partial = _partial_said(parts, ctx)
    towns = sorted({t for code in partial for t in ctx.cache.get(PARTLY_TOWNS + code, ())})
    partial_elsewhere, partial_by_town = _said_by_town(parts, ctx)
    return AuditResult(frame, inputs, specs, skipped, warnings, held, ctx.common.get("county_name", ""), held_by_code,
                       partial, held_by_town, towns, partial_by_town, partial_elsewhere)


__all__ = ["audit", "AuditResult", "FINDING_COLUMNS", "REFERENCE_KINDS"]
