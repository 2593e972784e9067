"""Who is left out (漏保): the coverage leads L01–L05 as a library call.

Loads the rosters and lists through the audit's loaders (``loading.load_inputs``), builds the same
context, and runs the lead rules of ``rules/l_coverage.py`` (registered apart from the audit's checks,
so ``audit`` never runs them). The result is one row per lead, sorted for township workers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from collections import Counter
from pathlib import Path
import unicodedata

import pandas as pd

from .audit import build_context
from .loading import LoadedInputs, Progress, load_inputs, require_people
from .errors import InputFileError, UsageError
from .io.columns import KIND_LABELS, lacking_said
from .io.limits import Limits
from .io.table import HEALTH_GAP, ROSTER_GAPS
from .model import CheckSpec
from .normalize import ids
from .normalize.values import text
from .notices import number_typed_ids
from .order import natural_rank
from .policy import load_policy, roster_codes
from .roster import EDGE_LEFT_OUT, EDGE_UNCOVERED, as_roster_names, place_names_of
from .rules import load_all
from .rules._coverage import (EDGE_ROWS, LEADS, LIST_COLUMNS, PLACE_NAMES, PRIORITY_ORDER, Lead, former_ids_said,
                              masked_deaths_said, unread_deaths_said)
from .rules._vocab import value_warnings

LEAD_COLUMNS = ["线索代码", "线索名称", "优先级", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "依据", "建议",
                "置信度", "来源名单", "来源行", "匹配键"]
# Evidence columns, in this order, present when some lead fills them.
EVIDENCE_COLUMNS = ["人均月收入", "保障标准", "城乡类别", "监测类型", "年龄", "特困条件", "残疾类别", "残疾等级", "病种",
                    "现保障类别", "已发补贴", "退出或未获批日期", "退出原因"]
# Structural preconditions (which lists a lead cannot run without); policy values live in checks/L0*.toml.
REQUIRES_ALL = {"L01": ("monitoring",), "L02": ("monitoring",), "L04": ("disabled", "subsidies")}
REQUIRES_ANY = {"L02": ("disabled", "illness"), "L03": ("registry", "supporters"), "L05": ("exits", "rejected")}


@dataclass
class CoverageResult:
    """What a coverage run produced.

    Attributes:
        leads: one row per lead (LEAD_COLUMNS + evidence columns + internal ``_household``).
        inputs: the loaded inputs.
        specs: the effective lead specs (L codes only).
        skipped: code → why the lead did not run.
        warnings: things the user should know.
        county: the county's name ('' when nothing names it), for report titles.
    """

    leads: pd.DataFrame
    inputs: LoadedInputs
    specs: dict[str, CheckSpec]
    skipped: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    county: str = ""


# The lists the leads read (rules/l_coverage.py, rules/_coverage.py); any other list given is said to be left aside.
READ_LISTS = ("monitoring", "disabled", "illness", "subsidies", "registry", "supporters", "deaths", "exits", "rejected",
              "vehicles", "businesses", "staff", "wages", "migrations", "prisoners")  # prisoners: a supporter in custody (L03)


def lead_codes() -> list[str]:
    """Return the coverage lead codes (L01…), registered apart from the audit's checks."""
    load_all()
    return sorted(LEADS)


def _skip_reason(code: str, given: set[str], spec: CheckSpec, unread: dict[str, list[Path]] | None = None) -> str:
    if spec.params.get("enabled", True) is False:
        return "配置中已停用"
    missing = [k for k in REQUIRES_ALL.get(code, ()) if k not in given]
    if missing:
        return lacking_said(missing, unread)
    anyof = REQUIRES_ANY.get(code, ())
    if anyof and not any(k in given for k in anyof):
        return lacking_said(anyof, unread, "未提供所需名单（任一即可）：")
    return ""


def coverage(rosters: list[Path], lists: dict[str, Path], as_of: dt.date, config: Path | None = None,
             limits: Limits | None = None, progress: Progress | None = None,
             codes: list[str] | None = None, unread: dict[str, list[Path]] | None = None,
             more: dict[str, list[Path]] | None = None) -> CoverageResult:
    """Find households and people who may qualify for 低保/特困 and are on no roster.

    Args:
        rosters: the current 低保 and 特困 rosters.
        lists: reference kind → file (monitoring is required; disabled, illness, subsidies, exits,
            rejected, registry, supporters, deaths … are used when given).
        as_of: the review date.
        config: user configuration file ([L01] … sections, [common] standards).
        limits: safety bounds for each file.
        progress: progress callback while loading.
        codes: restrict to these lead codes.
        unread: list kind → files a folder held under that kind's name that could not be read (``Gathered.unread``).
        more: list kind → further files of that kind, read beside ``lists``' file, each row naming its own file
            (monitoring only: a 低保边缘家庭 list beside the 防返贫 list).
    Returns:
        The result.
    Raises:
        UsageError: when no list of people at risk was given.
    """
    risk_lists = ("monitoring", "disabled", "illness", "exits", "rejected")
    if not any(k in lists for k in risk_lists):
        raise UsageError("漏保排查至少需要一份困难人员名单：--monitoring（防返贫监测对象），或 --disabled、--illness、"
                         "--exits、--rejected 之一。")
    common = load_policy(config)[1]  # fail on a broken configuration before spending time on loading
    # Read whole: the leads follow relatives across registry households (father_id, mother_id, spouse_id)
    # and their deaths, people the audit's filter (links to roster members by ID) would drop.
    inputs = load_inputs(rosters, lists, as_of, limits, progress, whole=True, roster_codes=roster_codes(common))
    require_people(inputs, "花名册", "名单上的每个困难家庭都会被当作未纳入保障")
    for kind in risk_lists:
        if kind in lists and kind in inputs.lists:
            _another_county(inputs.lists[kind], inputs.members, lists[kind], inputs.labels.get(kind, kind))
    columns = _more_lists(inputs, more or {}, limits)
    # (the leads are not capped for a doubted ID, audit.id_doubted runs on findings: the notice must not say so)
    ctx, warnings = build_context(inputs, as_of, config, capped=False)
    ctx.cache[LIST_COLUMNS] = columns
    # the places the rosters' code pages and code table files name by code, for a list's coded places (held-out 369)
    ctx.cache[PLACE_NAMES] = place_names_of(inputs.tables)
    ctx.cache[EDGE_ROWS] = {key: rec for t in inputs.tables for key, rec in t.edge.items()}  # (低边 rows: held-out 375)
    warnings = [w for w in warnings if not any(f"[{c}]" in w for c in ("screen",))]
    given = set(inputs.lists)
    unused = [inputs.labels[k] for k in inputs.lists if k not in READ_LISTS]
    if unused:
        warnings.append(f"漏保排查不使用{'、'.join(unused)}（这些名单用于 audit 核查），已忽略。")
    found: list[Lead] = []
    skipped: dict[str, str] = {}
    for code in lead_codes():
        if codes and code not in codes:
            continue
        why = _skip_reason(code, given, ctx.specs[code], unread)
        if why:
            skipped[code] = why
            continue
        found.extend(LEADS[code](ctx))
        if code == "L05" and ctx.has("rejected"):
            warnings.extend(_decision_notes(ctx))
        if code == "L05":
            warnings.extend(illness_dates_note(ctx))
        if code == "L01":
            from .rules.l_coverage import income_gaps

            warnings.extend(income_gaps(ctx))
        if code == "L04":
            from .rules.l_coverage import subsidy_gaps

            warnings.extend(subsidy_gaps(ctx))
    former_ids_said(ctx, found)
    masked_deaths_said(ctx, found)
    unread_deaths_said(ctx, found)
    for t in inputs.tables:
        # the accounts D02 and RQ3 compare and the health C08 reads are no concern of coverage's (held-out 138)
        # (a 低边 family is no enrolment here: its notice says so, not the audit's "不参与核查", held-out 375)
        warnings.extend(f"{t.path.name}：{w.replace(EDGE_LEFT_OUT, EDGE_UNCOVERED)}" for w in t.warnings
                        if w not in (ROSTER_GAPS["bank_account"], HEALTH_GAP))
    warnings.extend(_unlinked_rows(ctx))
    warnings.extend(number_typed_ids(inputs))
    # (its risk codes: held-out 108; an exit list's reason codes: held-out 304)
    warnings.extend(value_warnings(ctx, inputs.tables, kinds=("monitoring", "exits")))
    monitoring = inputs.lists.get("monitoring")
    if monitoring is not None and len(monitoring) and "area_type" not in monitoring.columns:
        area = ctx.common.get("default_area", "农村")
        warnings.append(f"{inputs.labels['monitoring']}没有城乡类别列：L01 一律按{area}低保标准 {ctx.standard(area):g} 元比较"
                        "（配置项 default_area）；城镇监测户请在名单中加“城乡类别”列后重新运行。")
    for kind, ref in inputs.lists.items():
        if len(ref) and not _ided(ref).any():
            warnings.append(_unided_said(ctx, kind))
    named = as_roster_names(ctx.members)  # a list's spelling of a township (鄢岗, 城关镇人民政府) as the roster's
    for ld in found:
        if ld.person.get("township"):
            ld.person["township"] = named(ld.person["township"])
    coded = sorted({ld.person["township"] for ld in found if str(ld.person.get("township") or "").isdigit()})
    if coded:  # (held-out 221: such leads went to （未填乡镇）, a file no township receives)
        warnings.append(f"有的名单只写了村（社区）的区划代码，花名册、其他名单和户籍住址中都找不到其名称：这些线索的乡镇按代码前 9 位"
                        f"（乡镇级代码）归类，如{'、'.join(coded[:3])}{'等' if len(coded) > 3 else ''}，村按代码列出；"
                        "需要名称的，请在名单中加上乡镇、村列，或在花名册所在的文件夹中放一份区划代码表（如“行政区划代码表.xlsx”，"
                        "两列：区划代码、名称），然后重新运行。")
    specs = {c: s for c, s in ctx.specs.items() if c in LEADS}
    return CoverageResult(leads_frame(found, specs), inputs, specs, skipped, warnings,
                          str(ctx.common.get("county_name", "")))


# Below this many people with IDs, a list none of whom is this county's says nothing of which county it is from
FEW_PEOPLE = 3


def _another_county(ref: pd.DataFrame, members: pd.DataFrame, path: Path, label: str) -> None:
    """Refuse a list of people at risk from another county (h453: a neighbouring county's 防返贫 list given by mistake
    made 28 L01 leads, every household on it "未纳入"): none of its people is on the rosters, none of its IDs' six-digit
    regions is any roster member's, and none of the townships it names (when both name some) is a roster's.

    Args:
        ref: the list as read (id, head_id with their ``…_status``, township).
        members: the roster members.
        path: the list's file (named in the message).
        label: the list as the user knows it.
    Raises:
        InputFileError: the list and the rosters share no person, region or township.
    """
    # whole IDs only: a column of 医保个人编号 or of numbers Excel cut tells no county (test_coverage's h415 list)
    whole = {v for col in ("id", "head_id") if col in ref.columns and f"{col}_status" in ref.columns
             for v, status in zip(ref[col].astype(str), ref[f"{col}_status"]) if status == ids.VALID}
    people = (set(members["id"]) | set(members["head_id"])) - {""}
    if len(whole) < FEW_PEOPLE or whole & people:
        return
    if {v[:6] for v in whole} & {p[:6] for p in people}:
        return
    towns = set(ref["township"].astype(str).str.strip()) - {"", "nan"} if "township" in ref.columns else set()
    places = set(members["township"].astype(str)) - {""}
    if towns and places and towns & places:
        return
    where = (f"，所写的乡镇（{'、'.join(sorted(towns)[:5])}{' 等' if len(towns) > 5 else ''}）花名册中也都没有"
             if towns and places else "")
    raise InputFileError(path, f"{label}与花名册不像是同一个县（市、区）的：名单上的人没有一人在花名册中，身份证号的前六位（地区）"
                               f"也没有一个与花名册中的人相同{where}——照此排查，名单上的每一户都会被列为漏保线索。"
                               "请核对是否给错了名单或花名册。")


# the lists of people at risk that may come as several files of one kind (a 低保边缘家庭 list beside the 防返贫 list)
SEVERAL_FILES = ("monitoring",)
EDGE_LABEL = "低保边缘家庭名单"


def _more_lists(inputs: LoadedInputs, more: dict[str, list[Path]], limits: Limits | None) -> dict[str, set[str]]:
    """Read each further file of a kind and append its rows to the kind's list, each row naming its own file
    (``rules.LIST_LABEL``) and household numbers kept apart per file (two lists' 户编号 1 are two households).

    Returns:
        Each file's label → the columns it gave (``rules._coverage.list_columns``); empty when no further file.
    """
    from .loading import load_reference
    from .roster import edge_said
    from .rules import LIST_LABEL

    columns: dict[str, set[str]] = {}
    for kind, paths in more.items():
        if kind not in SEVERAL_FILES or kind not in inputs.lists or not paths:
            continue
        def label_of(table) -> str:
            path = Path(table.path)
            if edge_said(f"{table.title} {path.stem}") and EDGE_LABEL not in path.stem:
                return f"{EDGE_LABEL}（{path.name}）"  # (not 防返贫监测对象名单 for a 低保边缘 list)
            return table.label if EDGE_LABEL not in path.stem else path.name

        first = next((t for t in inputs.tables if t.kind == kind), None)
        # (a 低保边缘 list given first is not called 防返贫监测对象名单 either: held-out 411)
        parts = [(label_of(first) if first is not None else inputs.labels[kind], inputs.lists[kind], first)]
        for path in paths:
            table, frame = load_reference(kind, Path(path), limits)
            inputs.tables.append(table)
            parts.append((label_of(table), frame, table))
        parts = _latest_year(parts)
        merged = []
        for k, (label, frame, _) in enumerate(parts):
            frame = frame.assign(**{LIST_LABEL: label})
            if k and "household_no" in frame.columns:
                frame["household_no"] = [f"{k}|{v}" if text(v) else v for v in frame["household_no"].tolist()]
            columns[label] = set(parts[k][1].columns)
            merged.append(frame)
        inputs.lists[kind] = pd.concat(merged, ignore_index=True)
        files = "、".join(dict.fromkeys(_file_of(label) for label, _, _ in parts))
        inputs.labels[kind] = f"{KIND_LABELS[kind]}（{files}）"
    return columns


def list_year(words: str) -> str:
    """The year a list's titles and file name date it to: the period they name ('截至2026年9月' → '2026'), else the
    latest year written ('2025年防返贫监测对象名单' → '2025'), else ''.

    Args:
        words: the list's title, file name and sheet names.
    Returns:
        'YYYY', or ''.
    """
    from .roster import _YEAR, period_named

    if period := period_named(words):
        return period[:4]
    return max(_YEAR.findall(unicodedata.normalize("NFKC", words)), default="")


def _latest_year(parts: list[tuple[str, pd.DataFrame, object]]) -> list[tuple[str, pd.DataFrame, object]]:
    """Of several monitoring files, those dated to an earlier year than another are left out with a notice on the
    latest one: last year's 防返贫 list beside this year's would make a household whose risk was eliminated since, or
    which left monitoring, a lead from its old row (held-out 411). Files naming no year, or the same year (two towns'
    files), are all read."""
    years = [list_year(f"{t.title} {t.path.stem} {' '.join(t.sheets)}") if t is not None else "" for _, _, t in parts]
    latest = max(years)
    if not latest or all(y in ("", latest) for y in years):
        return parts
    keep = [p for p, y in zip(parts, years) if y in ("", latest)]
    said = next(t for (_, _, t), y in zip(parts, years) if y == latest)
    for (label, _, table), year in zip(parts, years):
        if year not in ("", latest):
            said.warnings.append(f"《{table.path.name}》是 {year} 年的{KIND_LABELS[table.kind]}，早于本名单（{latest} 年），"
                                 f"未读取（其中风险已消除或已退出监测的家庭会被误列为线索）；如确应读取，请把年份不同的名单"
                                 f"分别运行")
    return keep


def _file_of(label: str) -> str:
    """The file name a list label names ('防返贫监测对象名单（a.xlsx）' → 'a.xlsx'; a label that is a file name as is)."""
    return label[label.index("（") + 1:-1] if label.endswith("）") and "（" in label else label


def leads_frame(leads: list[Lead], specs: dict[str, CheckSpec]) -> pd.DataFrame:
    """Turn leads into report rows (the 漏保线索.csv contract), one per (code, household, person), sorted.

    Args:
        leads: the leads.
        specs: code → spec (title, advice).
    Returns:
        The frame (internal columns start with '_').
    """
    rows, seen = [], set()
    for ld in sorted(leads, key=lambda x: (x.code, PRIORITY_ORDER[x.priority])):
        key = (ld.code, ld.household, ld.person.get("id") or ld.person.get("name"))
        if key in seen:
            continue
        seen.add(key)
        p = ld.person
        rows.append({
            "线索代码": ld.code, "线索名称": specs[ld.code].title, "优先级": ld.priority,
            "乡镇": p.get("township", ""), "村": p.get("village", ""), "户主姓名": p.get("head_name", ""),
            "户主身份证号": p.get("head_id", ""), "姓名": p.get("name", ""), "身份证号": p.get("id", ""),
            "依据": ld.evidence, "建议": specs[ld.code].advice, "置信度": ld.confidence, "来源名单": ld.source,
            "来源行": ld.source_row, "匹配键": ld.key, **ld.figures, "_household": ld.household,
        })
    used = [c for c in EVIDENCE_COLUMNS if any(r.get(c) for r in rows)]
    frame = pd.DataFrame(rows, columns=LEAD_COLUMNS + used + ["_household"]).fillna("")
    if frame.empty:
        return frame
    for col, kind in (("人均月收入", float), ("保障标准", float), ("年龄", int), ("残疾等级", int)):  # numbers stay numbers
        if col in frame.columns:
            frame[col] = pd.Series([_number(v, kind) for v in frame[col]], index=frame.index, dtype=object)
    frame["_p"] = frame["优先级"].map(PRIORITY_ORDER)
    frame = frame.sort_values(["线索代码", "乡镇", "村", "_p", "户主姓名", "姓名"], kind="stable",
                              key=lambda c: natural_rank(c) if c.name in ("乡镇", "村") else c)  # as audit's sheets
    return frame.drop(columns="_p").reset_index(drop=True)


def _number(value: object, kind: type) -> object:
    """A figure as a number ('1,234.50' → 1234.5, '66' → 66), or as written when it is none ('' stays '')."""
    try:
        return kind(str(value).replace(",", "")) if str(value).strip() else ""
    except ValueError:
        return value


__all__ = ["coverage", "CoverageResult", "LEAD_COLUMNS", "lead_codes", "leads_frame"]


def _ided(ref: pd.DataFrame) -> pd.Series:
    """Which rows of a list carry something to link them by: a whole ID, one stored as a number (used by name + its
    first digits: held-out 221 said such a list unusable), a 残疾人证号 or a head's ID."""
    ided = ref["id_status"].isin([ids.VALID, ids.NUMERIC])
    if "cert" in ref.columns:
        ided = ided | ref["cert"].astype(str).str.len().ge(18)
    if "head_id" in ref.columns:
        ided = ided | ref["head_id"].astype(str).str.strip().ne("")
    return ided


def _unided_said(ctx, kind: str) -> str:
    """The notice on a list without a usable ID in any row; an illness list some of whose rows name by 姓名 and 出生日期
    the one person the rosters, registry and lists know says how many so linked, at 低 (h429)."""
    from .rules._coverage import BY_BIRTH, PID_BY, frame

    label = ctx.labels[kind]
    if kind == "illness" and ctx.has(kind):
        f = frame(ctx, kind)
        linked = int((f[PID_BY] == BY_BIRTH).sum()) if PID_BY in f.columns else 0
        if linked:
            return (f"{label}中没有可用的身份证号：其中 {linked} 行按姓名+出生日期对上花名册、户籍和各名单中唯一的一人，"
                    f"相关线索只列为“低”；其余 {len(f) - linked} 行无法比对（不按姓名单独比对）。请让报送单位导出带“身份证号”列的名单。")
    return f"{label}中没有可用的身份证号（或户主身份证号、残疾人证号），该名单无法比对，未产生线索。"


def _unlinked_rows(ctx) -> list[str]:
    """A note per disability or illness list with rows that have no valid ID (nor one in the 残疾人证号): their people are
    linked by ID only, never by the name alone, so a lead may be missing (held-out 138: an ill person without an ID
    left out without a word)."""
    from .rules._coverage import frame

    out = []
    for kind in ("disabled", "illness"):
        if not ctx.has(kind) or not len(ctx.lists[kind]):
            continue
        f = frame(ctx, kind)
        bad = f["id_status"].isin([ids.MISSING, ids.FORMAT, ids.DATE, ids.CHECK])  # (numbers, cut IDs: said apart)
        # (a list with nothing to link by at all is said once as unusable, not as every row's ID wrong: h415)
        if bad.any() and _ided(ctx.lists[kind]).any():
            names = [str(v) for v in f.loc[bad, "name"].tolist() if str(v).strip()] if "name" in f.columns else []
            shown = "、".join(dict.fromkeys(names[:3]))
            out.append(f"{ctx.labels[kind]}中有 {int(bad.sum())} 行身份证号空白或有误{'（如 ' + shown + '）' if shown else ''}，"
                       "这些人只按身份证号关联、不按姓名单独关联，相关的漏保线索可能遗漏或只列为“低”；请让报送单位补全、更正身份证号。")
    return out


def _decision_notes(ctx) -> list[str]:
    """What L05 made of a refusal list's 审批结果 column: approved rows left out, unread outcomes kept."""
    from .rules._coverage import decisions, re_examined

    approved, unread, other = decisions(ctx)
    label, out = ctx.labels["rejected"], []
    if approved:
        out.append(f"{label}中有 {len(approved)} 行审批结果为批准（同意）或尚未审批完毕（待审批），不是未获批申请，未作为 L05 线索。")
    again = re_examined(ctx) - approved
    if again:
        out.append(f"{label}中有 {len(again)} 行不予批准后经复核（复议）批准或仍在复核中，不再是未获批申请，未作为 L05 线索。")
    if other:
        counts = Counter(other.values())
        out.append(f"{label}中有 " + "、".join(f"{n} 行{what}" for what, n in sorted(counts.items()))
                   + "，同未获批申请一样作为 L05 线索核对（线索中写明）。")
    if unread:
        shown = "、".join(f"“{v}”{n} 行" for v, n in sorted(unread.items(), key=lambda x: -x[1])[:5])
        out.append(f"{label}的审批结果有无法识别的值（{shown}），这些行按未获批计；若是批准，请在配置 [L05] approved_words 中加上该值。")
    return out


def illness_dates_note(ctx) -> list[str]:
    """A notice when the illness or the disabled list gives no date L05 can read: every illness (disability) on it is
    then taken as new since the exit or refusal (held-out 206: a 待遇开始日期 column unread, and nobody told; h440: a
    残联 export without 发证日期 made a disability known at the removal a 中 lead, unsaid)."""
    import datetime as dt

    from .rules._coverage import rows

    if not (ctx.has("exits") or ctx.has("rejected")):
        return []
    undated = [kind for kind in ("illness", "disabled") if ctx.has(kind)
               and not any(isinstance(row.get("date"), dt.date) for row in rows(ctx, kind).values())]
    said = {"illness": ("认定（待遇开始、确诊）", "病情", "病种", "认定日期或待遇开始日期"),
            "disabled": ("发证（办证）", "残疾", "残疾", "发证日期")}
    return [f"{ctx.labels[kind]}中没有可识别的{said[kind][0]}日期：L05 无法判断{said[kind][1]}在退出、不予批准时是否已知，"
            f"名单上的{said[kind][2]}一律按此后新发计；请在名单中加上{said[kind][3]}列后重新运行。" for kind in undated]
