"""The audit as a library call: load rosters and lists (:mod:`rostercheck.loading`), run the checks, return findings."""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from . import parallel, regions
from .errors import ConfigError
from .io.columns import FIELD_NAMES, KIND_LABELS, lacking_said, lists_named
from .io.limits import Limits
from .io.problem_list import FINDING_COLUMNS
from .io.table import Table, files_together
from .loading import LoadedInputs, Progress, add_payments, require_people, start_loading, start_payments
from .model import APPLYING, CONFIDENCE_ORDER, HIGH, LOW, MEDIUM, CheckSpec, Context, Finding, Pending
from .normalize import ids
from .normalize.codes import relation as decode_relation
from .notices import few_digits, number_typed_ids
from .order import natural_rank
from .policy import load_policy, roster_codes
from .reference import by_value_array, source_cells
from .roster import as_roster_names, counties, died_on_roster, file_on_sheet, id_doubts, is_covered, period_of
from .rules import COLUMN_DOUBT, MASKED_TAIL_LISTS, PARTLY, PARTLY_BY_TOWN, PARTLY_TOWNS, load_all
from .rules._econ import LIST_MONTHS, LIST_STATUSES
from .rules.rq_favour import also_c01
from .rules._vocab import none_read, some_unread, value_warnings
from .suppress import evidence_fingerprint

REFERENCE_KINDS = tuple(k for k in KIND_LABELS if k not in ("roster", "payments"))
EMPTY_LISTS = "lists:empty"  # context cache: the kinds of the lists given with a header only
# context cache: the audit's notices worked out beside the checks (run_checks' ``beside``)
VALUE_NOTICES, ID_NOTICES, PARTS = "notices:values", "notices:ids", "notices:partial"
# ctx.cache key: list kind → the files of a folder named as that kind that could not be read (``classify.Gathered.unread``)
UNREAD_LISTS = "lists:unread"


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
        stop_rule: the stop rule the money checks counted by (common.money_stop_rule: 次月 or 当月), '' when no payment
            ledger was checked (h330: said only by the configuration's hash in run.json).
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
    stop_rule: str = ""


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
        lacking += [k for k in spec.needs_partly if not ctx.has(k)]  # (F03 without the 停保名单, held-out 266)
        parts = [lacking_said(lacking, ctx.cache.get(UNREAD_LISTS), "未提供")] if lacking else []
        parts += [f"未提供{lists_named([k])}：只按{_deaths_from(ctx)}写明的死亡核对，{_deaths_from(ctx)}未写明的死亡"
                  for k in spec.needs_also if len(spec.needs_also) == 1 and not ctx.has(k) and _on_roster(ctx, k)]
        for k in (k for kinds in (spec.needs, spec.needs_also) for k in kinds if ctx.has(k)):
            if k not in unread:
                unread[k] = _unreadable_ids(ctx, k)
            if unread[k]:
                parts.append(f"{ctx.labels.get(k, KIND_LABELS[k])}中有 {unread[k]} 个身份证号以科学计数法保存、只剩前几位，"
                             "这些人未能比对")
            if ("masked", k) not in unread:
                unread["masked", k] = _masked_ids(ctx, k)
            masked, shown = unread["masked", k]
            if masked:  # (held-out 305: a 司法 list of 4305**********1234 said C02 as wholly checked)
                # a filing row without a whole ID is still compared by name, village, age and the digits shown (held-out
                # 317: "这些人未能比对" beside the two RQ1 findings about exactly those rows)
                how = ("这些人未能按身份证号比对（只按姓名、同村、年龄和露出的各位比对，置信度最高为“中”）" if k == "cadre_relatives"
                       else "这些人未能比对")
                if shown:  # (name + every digit shown: 低 at most, held-out 413)
                    rest = masked - shown
                    how = ("只按姓名和露出的各位比对（置信度最高为“低”）" if not rest
                           else f"其中 {shown} 个只按姓名和露出的各位比对（置信度最高为“低”），其余 {rest} 个露出的位数太少，这些人未能比对")
                parts.append(f"{ctx.labels.get(k, KIND_LABELS[k])}中有 {masked} 个身份证号被遮挡（脱敏），{how}")
        parts += [f"{ctx.labels.get(k, KIND_LABELS[k])}只有表头、没有数据行" for kinds in (spec.needs, spec.needs_also)
                  for k in kinds if ctx.has(k) and k in ctx.cache.get(EMPTY_LISTS, ())]
        parts += _rosters_without(ctx.members, spec.needs_columns) if spec.each_roster else []
        parts += [said for c in spec.needs_columns if (said := some_unread(ctx, c))]
        out[code] = parts
    return out


def _on_roster(ctx: Context, kind: str) -> bool:
    """Whether the rosters' own status rows record what a list of the kind would: a member's death (成员状态 已死亡); or
    the moves list's rows cancelled for a death (注销原因 死亡: h395, such deaths fed no F01 without a deaths list)."""
    return kind == "deaths" and (died_on_roster(ctx.left, ctx.departed) or _moves_list_deaths(ctx) or _ledger_deaths(ctx))


def _deaths_from(ctx: Context) -> str:
    """Where the deaths F01 reads without a deaths list are written (:func:`_on_roster`): '花名册状态列', '户籍迁出名单' or
    both."""
    said = (["花名册状态列"] if died_on_roster(ctx.left, ctx.departed) else []) + (
        [ctx.labels.get("migrations", KIND_LABELS["migrations"])] if _moves_list_deaths(ctx) else []) + (
        ["发放明细备注"] if _ledger_deaths(ctx) else [])
    return "和".join(said)


def _moves_list_deaths(ctx: Context) -> bool:
    """Whether some row of the moves list says its registration was cancelled for a death
    (:func:`rules.c02_status.cancelled_for_death`, judged once per distinct cause and reason); False while being read."""
    from .rules.c02_status import cancelled_for_death

    if "money:moves-deaths" not in ctx.cache:
        try:
            if not ctx.has("migrations") or "C02" not in ctx.specs:
                return False
            frame = ctx.lists["migrations"]
        except Pending:  # (asked again once the list has arrived)
            return False
        said = [c for c in ("cause", "reason") if c in frame.columns]
        pairs = frame[said].drop_duplicates().to_dict("records") if said else []
        ctx.cache["money:moves-deaths"] = any(cancelled_for_death(row, ctx.specs["C02"].params) for row in pairs)
    return ctx.cache["money:moves-deaths"]


def _ledger_deaths(ctx: Context) -> bool:
    """Whether some payment row's 备注 dates its own person's death on or before the review date
    (:func:`roster.remark_death_day`, judged once per distinct remark; h481: F01 reads it as an event at 中); False while
    the ledgers are being read."""
    from .roster import remark_death_day

    if "money:ledger-deaths" not in ctx.cache:
        try:
            if not ctx.has("payments"):
                return False
            frame = ctx.lists["payments"]
        except Pending:  # (asked again once the ledgers have arrived)
            return False
        if "remark" not in frame.columns:
            ctx.cache["money:ledger-deaths"] = False
            return False
        column = frame["remark"]
        cells = column.cat.categories.tolist() if isinstance(column.dtype, pd.CategoricalDtype) else column.unique().tolist()
        ctx.cache["money:ledger-deaths"] = any(
            (day := remark_death_day(c)) is not None and day <= ctx.as_of for c in cells if isinstance(c, str) and c)
    return ctx.cache["money:ledger-deaths"]


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
    few = few_digits(ref)
    return source_cells(ref, few) if few.any() else 0


def _masked_ids(ctx: Context, kind: str) -> tuple[int, int]:
    """How many of a list's rows have an ID masked (4305**********1234) and none whole, and how many of those show
    enough digits to be compared by name and those digits (:func:`ids.masked_compared`; a department list of
    :data:`rules.MASKED_TAIL_LISTS` only, at 低 at most: held-out 413, "12 个身份证号被遮挡…这些人未能比对" beside three C02
    leads from those rows). The others no check could compare. Of the payment ledger, only the rows the ledger tied
    to no member: one tied by its account, or by its name and the digits shown, was compared (held-out 348: "1516
    个身份证号被遮挡…这些人未能比对" of an old bank's rows, nearly all tied to their households). Each distinct cell is
    judged once."""
    ref = ctx.lists[kind]
    if "id_raw" not in ref.columns or "id_status" not in ref.columns:
        return 0, 0
    # (the rows without a whole ID first, in bulk: a province's lists have hundreds of thousands with one)
    without = (ref["id_status"] != ids.VALID).to_numpy()
    led = ctx.cache.get("money") if kind == "payments" else None
    if led is not None and led.frame is ref:
        without = without & (np.asarray(led.member) < 0)
    raws = ref.loc[without, "id_raw"].tolist()
    if not raws:
        return 0, 0
    masked = by_value_array(raws, lambda v: ids.masked(v) is not None).astype(bool)
    if kind not in MASKED_TAIL_LISTS:
        return int(masked.sum()), 0
    compared = by_value_array(raws, lambda v: ids.masked_compared(v) > 0).astype(bool)
    return int(masked.sum()), int((masked & compared).sum())


def build_context(inputs: LoadedInputs, as_of: dt.date, config: Path | None = None,
                  named_by: list[Table] = (), capped: bool = True) -> tuple[Context, list[str]]:
    """Create the check context with effective policy values.

    Args:
        inputs: the loaded inputs.
        as_of: the review date.
        config: a user configuration file.
        named_by: more rosters whose titles and file names may name the county, after the inputs' own (screen's
            enrolled rosters beside an application file without a title).
        capped: whether the command's findings by an ID the roster's own 出生日期 or 年龄 contradicts are capped at 中
            (:func:`id_doubted`: audit, screen, review) or not (coverage's leads): its notice says which.
    Returns:
        (context, configuration warnings).
    """
    ctx, warnings, source = _context(inputs, as_of, config, named_by, capped)
    return ctx, warnings + _complete(ctx, inputs, source)


def _context(inputs: LoadedInputs, as_of: dt.date, config: Path | None,
             named_by: list[Table] = (), capped: bool = True) -> tuple[Context, list[str], str]:
    """The context of :func:`build_context` from the rosters (lists may still be pending); also returns the
    configuration warnings and where the county code came from (for :func:`_complete`)."""
    specs, common, warnings = load_policy(config)
    common = dict(common)
    members = inputs.members
    region_cells = members["region_code"].tolist() if "region_code" in members.columns else []
    if not any(region_cells):  # places written only as codes in the 乡镇 and 村 columns (held-out 439)
        region_cells = regions.coded_places(members["township"].tolist(), members["village"].tolist())
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
    return ctx, warnings + _ids_doubted_said(ctx, capped), source


def _ids_doubted_said(ctx: Context, capped: bool) -> list[str]:
    """Mark the members whose valid ID the roster's own 出生日期 or 年龄 contradicts (``id_doubt``: roster.id_doubts; their
    findings by the ID are capped at 中 where ``capped``, :func:`id_doubted`) and say how many, in one notice; a roster's
    column dismissed as disagreeing with most of its IDs is said too."""
    tolerance = int(ctx.common["roster_age_tolerance"])
    dismissed: list[str] = []
    doubts = id_doubts(ctx.members, ctx.as_of, tolerance, dismissed)
    ctx.members["id_doubt"] = doubts
    n = int((doubts != "").sum())
    if not n:
        return dismissed
    then = ("按身份证号比对出的这些人的问题最高列为“中”并在依据中写明" if capped
            else "按身份证号与各名单比对这些人时可能比对的是别人")
    return dismissed + [f"花名册中有 {n} 人的身份证号与花名册所填的出生日期或年龄不符（出生日期不同，或年龄相差超过 {tolerance} 岁），"
                        f"身份证号或出生日期（年龄）有一处录错：{then}，请先核对身份证号（年龄允许相差的岁数可在配置文件 [common] "
                        "roster_age_tolerance 中修改）"]


def _complete(ctx: Context, inputs: LoadedInputs, source: str) -> list[str]:
    """Give the context every list once all are read; returns the notes on the lists with a header only (held-out 213:
    an empty deaths list left C02 said as checked) and on the county code (they need the moves)."""
    ctx.lists, ctx.labels = inputs.lists, inputs.labels
    empty = [t for t in inputs.tables if t.kind != "roster" and t.rows == 0 and not t.care_home_sheets]
    ctx.cache[EMPTY_LISTS] = {t.kind for t in empty}
    said = [f"{t.path.name}：名单只有表头、没有数据行，需要这份名单的核查这部分未核查；请确认导出时是否选对了范围" for t in empty]
    if inputs.name_counts is not None:
        ctx.cache["kin:names"] = inputs.name_counts
    ctx.cache[LIST_MONTHS] = {t.kind: t.months for t in inputs.tables if t.months is not None}
    ctx.cache[LIST_STATUSES] = {t.kind: t.statuses for t in inputs.tables if t.statuses is not None}
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
            ctx.has(k) or (kinds is spec.needs_also and _on_roster(ctx, k)) for k in kinds)
            and not (kinds is spec.needs and any(ctx.has(k) for k in spec.needs_or))), None)
        if lacking:
            skipped[code] = lacking_said(lacking, ctx.cache.get(UNREAD_LISTS))
            continue
        blank = [c for c in spec.needs_columns if "." not in c and not _filled(ctx.members, c)]
        if blank:  # (held-out 152: C08 said "已核查，未发现问题" of a roster without 劳动能力)
            # (screen's members are the applications: held-out 286 read "花名册没有“银行账号”列" of a roster that had one)
            named = "、".join(f"“{FIELD_NAMES.get(c, c)}”" for c in blank)
            skipped[code] = f"{'申请名单' if ctx.cache.get(APPLYING) else '花名册'}没有{named}列（或该列全部为空）"
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
            it is handed out after theirs, once the ledger is built (it replaces the payments list the work may read).
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

    def beside_or_run(item: tuple[str, ...] | str) -> tuple[dict[str, list[Finding]], dict]:
        # (a name of work beside the checks, or a group of codes)
        return ({}, {item: after[item]()}) if item in after else run(item)

    def run_group(group: tuple[str, ...] | str) -> tuple[dict[str, list[Finding]], dict]:
        if group not in together:
            return beside_or_run(group)
        if len(group) < 3:
            found, notes = run(group)
            return found, {**notes, **{name: work() for name, work in after.items()}}
        # What the group reads (the ledger) is built first; then the group's modules (checks of one module share
        # what they compute) are shared with a copy forked now, the module of most checks here, and the work beside
        # the checks after them (the process done first takes it).
        _built_first(ctx)
        found: dict[str, list[Finding]] = {}
        parts = _by_module(group, rules)
        for more, notes in parallel.shared(parts + list(after), beside_or_run, big, parts[:1],
                                           parallel.FORK_MAX_BYTES_TOGETHER).values():
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
    return id_doubted(ctx, unsure_status(ctx, also_c01([f for code in runnable for f in results[code]]))), skipped


def unsure_status(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Findings of members whose roster status is an unexplained code most members do not hold (``status_unsure``:
    roster._gone) at 低, said: the code may say the member left (held-out 408: 人员状态 2 停保 with no legend anywhere,
    C01, C02, D01 高 of people no longer enrolled).

    Args:
        ctx: the context (its members).
        findings: the checks' findings.
    Returns:
        The findings, those so lowered.
    """
    if "status_unsure" not in ctx.members.columns or not len(findings):
        return findings
    mem = ctx.members
    unsure = mem["status_unsure"].to_numpy()
    if not (unsure != "").any():
        return findings
    # the other side of a D01 (the person's other enrolment) and of a D02 (a household sharing the account, every member
    # of it so): their findings rest on that enrolment too
    ids_ = mem["id"].to_numpy()
    other_id = {i: u for i, u in zip(ids_[unsure != ""].tolist(), unsure[unsure != ""].tolist()) if i}
    whole = pd.Series(unsure != "").groupby(mem["household"].to_numpy()).transform("all").to_numpy()
    accounts = mem["bank_account"].to_numpy() if "bank_account" in mem.columns else np.full(len(mem), "", dtype=object)
    other_account = {a: u for a, u in zip(accounts[whole].tolist(), unsure[whole].tolist()) if a}
    out = []
    for f in findings:
        own = 0 <= f.member < len(unsure)
        said, whose = (unsure[f.member] if own else ""), "该成员"
        if not said and own and f.code == "D01":
            said, whose = other_id.get(ids_[f.member], ""), "此人另一处记录"
        if not said and own and f.code == "D02":
            said, whose = other_account.get(accounts[f.member], ""), "共用该账号的另一户"
        if said and f.confidence != LOW:
            f = replace(f, confidence=LOW, evidence=f"{f.evidence}（花名册中{whose}{said}，代码含义不明、与多数成员不同，可能已停保或死亡："
                                                    "请先核实是否仍在保障中；代码含义可写在配置文件 [common] member_status_codes 中）")
        out.append(f)
    return out


# Findings resting on the member's ID besides those linked to a list row by it (facts 'match'): a key naming her ID or
# the birth date it gives, and checks of her age, which her ID gives (C08's working age, S01's)
_BY_ID_KEY = re.compile(r"身份证号(一致|相近)|户主身份证号|出生日期一致")
_AGE_CODES = frozenset(("C08", "S01"))


def id_doubted(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Findings that rest on a member's ID which the roster's own 出生日期 or 年龄 contradicts (``id_doubt``) at 中 at
    most, said (h473). Not lower: the ID passed its check character, which a mistyped digit rarely does, so the
    free-typed column is as likely the wrong one (held-out 461: a roster 年龄 of 63 beside an ID of 38 was a working-age
    C08 to its author); the note sends the visit to check which.

    Args:
        ctx: the context (its members).
        findings: the checks' findings.
    Returns:
        The findings, those so capped and noted.
    """
    if "id_doubt" not in ctx.members.columns or not len(findings):
        return findings
    doubt = ctx.members["id_doubt"].to_numpy(dtype=object)
    if not (doubt != "").any():
        return findings
    out = []
    for f in findings:
        said = doubt[f.member] if f.subject is None and 0 <= f.member < len(doubt) else ""
        if said and (any(k == "match" for k, _ in f.facts) or _BY_ID_KEY.search(f.key or "") or f.code in _AGE_CODES):
            f = replace(f, confidence=MEDIUM if f.confidence == HIGH else f.confidence, evidence=f"{f.evidence}（{said}）")
        out.append(f)
    return out


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
                "pensions:left", "c02:unplaced", "c02:moves_in_deaths", "deaths:later",
                "vehicles:later", "properties:later", "businesses:later", "staff:later", "cadres:later",
                *(COLUMN_DOUBT + k for k in REFERENCE_KINDS))


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
        if pending & {*ctx.specs[code].runs_on, *ctx.specs[code].needs_also, *ctx.specs[code].needs_partly}:
            continue  # (it reads every list it names that is given: it would go Pending, after some of its work)
        try:
            done[code] = rules[code](ctx)
        except Pending:
            continue
    return done


def _natural(column: pd.Series) -> pd.Series:
    """Sort key: townships and villages in natural order (第2街道 before 第10街道), other columns as they are."""
    return natural_rank(column) if column.name in ("乡镇", "村") else column


LOW = "低"
UNJOINED_SAID = ("（本人所在家庭的编号在花名册的家庭信息表中找不到，可能已退出保障或是另一批导出的成员：置信度列为“低”，请先在系统中"
                 "核实是否仍在保障）")


CUT_SAID = ("（本人所在家庭的家庭编号以数字格式存储、丢失了位数，对应花名册家庭信息表中不止一户，无法确定是哪一户：置信度列为“低”，"
            "请先在系统中核实本人所在家庭及是否仍在保障）")


# A member of a one-sheet roster sorted by name whose 家庭编号 lost digits (roster._cut_out_of_order): she is on the
# roster, her household is not known (no 户主 shown; the household's findings 低)
ORDER_SAID = ("（花名册的家庭编号以数字格式存储、丢失了位数，几户共用一个编号，且花名册未按家庭排列：本人属于哪一户无法确定，不列户主，"
              "涉及家庭的问题置信度列为“低”，请先在系统中核实本人所在家庭）")


def flagged_members(members: pd.DataFrame, column: str) -> np.ndarray:
    """Which members a roster flag column marks: 'household_cut', member-sheet rows of a system export whose 家庭编号,
    cut by a number format, meets several households on its household sheet (none joined:
    ``io.system_layout._lost_digits``), or 'household_unordered', rows whose household only a name-sorted sheet's order
    gives (``roster._cut_out_of_order``).

    Args:
        members: the roster's members.
        column: which flag.
    Returns:
        A boolean per member (none where the roster has no such column).
    """
    if column not in members.columns:
        return np.zeros(len(members), dtype=bool)
    return members[column].where(members[column].notna(), False).astype(bool).to_numpy()


def unjoined_members(members: pd.DataFrame) -> np.ndarray:
    """Which members are member-sheet rows of a system export whose household number its household sheet lacks.

    Args:
        members: the roster's members.
    Returns:
        A boolean per member.
    """
    if "household_row" not in members.columns:
        return np.zeros(len(members), dtype=bool)
    listed = members["household_row"].notna().to_numpy()
    if not listed.any() or listed.all():
        return np.zeros(len(members), dtype=bool)
    sheets = pd.MultiIndex.from_arrays([members["file"], members["sheet"]])
    joined = sheets.isin(sheets[listed])
    # (a number the household sheet lacks, as join_households counts them: not a row with none)
    numbered = members["household_no"].fillna("").astype(str).str.strip().ne("").to_numpy() \
        if "household_no" in members.columns else np.ones(len(members), dtype=bool)
    return joined & ~listed & numbered


def copies_joined(findings: list[Finding]) -> list[Finding]:
    """One finding for a record a list gives twice: findings of one code about one member from one list whose facts
    (the record's identity and decisive values, without row numbers) are the same are one problem, listed once at
    the strongest confidence, its evidence naming the other rows (h442: a staff row, a death, a car exported twice
    made two 高 rows of one problem). Money findings (their months and sums) are left as they are.

    Args:
        findings: the findings, exact repeats already dropped.
    Returns:
        The findings, copies joined into the first of each, in their order.
    """
    groups: dict[tuple, list[Finding]] = {}
    order: list[tuple] = []
    for i, f in enumerate(findings):
        # (how the row was linked is no part of the record: a copy with its ID typed as a number is the same record)
        key = ((f.code, f.member, f.source, tuple(x for x in f.facts if x[0] != "match"))
               if f.facts and f.recover is None and f.repay is None and f.subject is None and f.source_row else (i,))
        if key not in groups:
            order.append(key)
        groups.setdefault(key, []).append(f)
    out = []
    for key in order:
        group = groups[key]
        if len(group) == 1:
            out.append(group[0])
            continue
        best = min(group, key=lambda f: CONFIDENCE_ORDER.get(f.confidence, 9))
        rows = sorted(dict.fromkeys(r for f in group for r in str(f.source_row).split("、") if r),
                      key=lambda r: (0, int(r)) if r.isdigit() else (1, 0))
        others = [r for r in rows if r not in str(best.source_row).split("、")]
        said = f"（《{best.source}》第 {'、'.join(others)} 行是同一条记录，重复列出，只列一次）" if others else ""
        out.append(replace(best, evidence=best.evidence + said, source_row="、".join(rows)))
    return out


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
    kept = copies_joined(list(first.values()))
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

    # a system export's member row whose household the household sheet lacks (io.system_layout.join_households): the
    # match may be exact, but whether the person is still enrolled is not known (h398: C01 高 on two such rows)
    unjoined = set(np.flatnonzero(unjoined_members(ctx.members)).tolist()) if len(ctx.members) else set()
    cut = set(np.flatnonzero(flagged_members(ctx.members, "household_cut")).tolist()) if len(ctx.members) else set()
    cut = [f.subject is None and f.member in cut for f in kept]
    specs = [ctx.specs[f.code] for f in kept]
    unordered = set(np.flatnonzero(flagged_members(ctx.members, "household_unordered")).tolist()) if len(ctx.members) else set()
    unordered = [f.subject is None and f.member in unordered for f in kept]
    unjoined = [(f.subject is None and f.member in unjoined) or c or (o and s.level == "household")
                for f, c, o, s in zip(kept, cut, unordered, specs)]
    ids_, raw, key, head = person("id"), person("id_raw"), person("name_key"), person("head_id")
    # an ID whose digits were made up in normalising (a 15-digit ID with an impossible date upgraded, 3.41222E+17 padded
    # with zeros) is shown as written
    shown = [r if (s in (ids.DATE, ids.FORMAT) or (s == ids.NUMERIC and (n or 0) < ids.SURVIVING)) and r else i
             for i, r, s, n in zip(ids_, raw, person("id_status"), person("id_reliable"))]
    relations = person("relation")
    relation_shown = {v: decode_relation(v).shown for v in set(relations)}  # a GB/T 4761 code with its meaning: '20（子）'
    file_name = functools.lru_cache(maxsize=None)(lambda path: Path(path).name)  # a few roster files, many rows

    def blank_unordered(values: list) -> list:  # (no 户主 for a member whose household is not known)
        return ["" if o else v for v, o in zip(values, unordered)] if any(unordered) else values

    columns = {
        "类别代码": [f.code for f in kept], "类别名称": [s.title for s in specs], "置信度": [LOW if u else f.confidence for f, u in zip(kept, unjoined)],
        "乡镇": person("township"), "村": person("village"), "户主姓名": blank_unordered(person("head_name")),
        "户主身份证号": blank_unordered(head),
        "姓名": person("name"), "身份证号": [v or r for v, r in zip(shown, raw)], "与户主关系": [relation_shown[v] for v in relations],
        "保障类别": person("programme"), "匹配键": [f.key for f in kept],
        # a member the roster lists but does not cover (是否保障对象 否): her means are the household's, said at the door
        "依据": [f.evidence + ("（本人“是否保障对象”为否：不享受保障，但计入家庭人口和收入）" if f.subject is None and not is_covered(c) else "")
               + (CUT_SAID if k else ORDER_SAID if o else UNJOINED_SAID if u else "")
               for f, c, u, k, o in zip(kept, person("covered"), unjoined, cut, unordered)],
        "来源名单": [f.source for f in kept], "来源行": [f.source_row for f in kept],
        "花名册文件": [file_on_sheet(file_name(v), s) for v, s in zip(person("file"), person("sheet_shown"))],
        "花名册行": [str(v) for v in person("row")],
        "建议": [s.advice for s in specs],
        # (an ID whose digits were made up is no one's own: two people whose IDs Excel made 4.30521E+17 are told apart
        # by their names too, or verifying one would hold the other back and a look-back would read them as one)
        "证据指纹": [evidence_fingerprint(f.code, (i if s == i else f"{i}|{k}") or f"{k}|{h}", f.facts)
                 for f, i, s, k, h in zip(kept, ids_, shown, key, head)],
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
          payments: list[Path] | None = None, unread: dict[str, list[Path]] | None = None) -> AuditResult:
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
        unread: list kind → files a folder held under that kind's name that could not be read (``Gathered.unread``):
            a check lacking the kind says so, not 未提供.
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
        ctx.cache[UNREAD_LISTS] = dict(unread or {})
        # Checks that need none of the lists the second process still reads run while it reads them, unless a
        # payment ledger waits here: linking it is this process's path, and the copy forked for the other checks
        # has time for these too (run_checks).
        early = (run_ready_checks(ctx, codes, loading.waiting)
                 if loading.ready and loading.waiting() and not reading else {})
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
    warnings.extend(files_together([(t.path.name, w) for t in inputs.tables for w in t.warnings]))
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
                       partial, held_by_town, towns, partial_by_town, partial_elsewhere,
                       str(ctx.common.get("money_stop_rule", "次月")) if ctx.has("payments") else "")


__all__ = ["audit", "AuditResult", "FINDING_COLUMNS", "REFERENCE_KINDS"]
