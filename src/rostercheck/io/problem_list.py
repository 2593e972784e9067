"""The audit's reports: findings.csv, 问题清单.xlsx (summary + one sheet per category), run.json."""

from __future__ import annotations

import datetime as dt
import platform
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from .. import __version__, parallel
from ..model import LOW
from ..normalize.ids import redact
from ..order import natural_rank, natural_sorted
from .public import PRIVATE_CODES, public_rows
from .report import (LEDGER_COLUMNS, SHEET_NOTE, Chart, adopt, prepare_out_dir, report_set, sha256, workbook, write_csv,
                     roster_townships, write_manifest, write_township_workbooks, written_together)

# The findings.csv contract (also the columns of each category sheet, before the ledger columns).
# 证据指纹 is the finding's structured evidence fingerprint (``suppress.evidence_fingerprint``): review
# copies it into 核实无问题清单.csv so that a verified finding stays held back when only its wording changes.
FINDING_COLUMNS = [
    "类别代码", "类别名称", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系",
    "保障类别", "依据", "匹配键", "来源名单", "来源行", "花名册文件", "花名册行", "建议", "证据指纹",
    "涉及月份", "应追回金额", "应补发金额",
]
MONEY_COLUMNS = ["涉及月份", "应追回金额", "应补发金额"]
# Widths for reading on screen and on an A4 landscape page (every column fits the page width): long texts
# wrap (io.report.column_layout), IDs and fingerprints are never wrapped; other columns fit their content.
# Printed on A4 landscape fitted to the page width: the columns a township fills in by hand (核实情况 … 整改状态) wide
# enough to write in, paid for by 建议 (the same advice on every row of a sheet). A name column holds four characters
# (欧阳振华, compound surnames) and its header (户主姓名) on one line; a longer minority name wraps. 村 holds four
# characters too (东门社区, 新华社区: at width 8 each such row of screen's 核对结论 printed two lines high). 乡镇 and
# 与户主关系 are sized from their content (io.report.WIDTH_CAPS). 涉及月份 holds '2026-07至2026-09' (16 digit widths)
# on its first line and '（3个月）' whole on its second (at 12 it broke as 2026-07至 / 2026-09（3个 / 月）).
NOTICES_HEADER = "读取提示（与运行时屏幕上的提示相同）"
WIDTHS = {"类别名称": 8, "村": 10, "户主姓名": 10, "姓名": 10, "保障类别": 5, "置信度": 5,
          "依据": 30, "匹配键": 11, "来源名单": 10, "来源行": 6, "花名册文件": 10, "花名册行": 6, "建议": 14, "说明": 24,
          "核实情况": 16, "整改措施": 14, "责任人": 8, "整改时限": 9, "整改状态": 8,
          "涉及月份": 17, "应追回金额": 8, "应补发金额": 8, "类别": 40, "核查情况": 40,
          NOTICES_HEADER: 110,
          "名称": 40}  # the look-back's 整改率（按类别）: a category's title on one line, the longest on two
_QUARTERS = "一二三四"


def period(as_of: dt.date) -> str:
    """The quarter a review date falls in, as written on reports ('2026年第三季度').

    Args:
        as_of: the review date.
    Returns:
        The period.
    """
    return f"{as_of.year}年第{_QUARTERS[(as_of.month - 1) // 3]}季度"


def as_of_of(options: dict) -> dt.date:
    """The review date recorded in a run's options (today when absent)."""
    try:
        return dt.date.fromisoformat(str(options.get("as_of")))
    except ValueError:
        return dt.date.today()


def report_heading(county: str, as_of: dt.date, report: str) -> str:
    """A report's title: the county, the quarter and the report's name, blanks left out.

    Args:
        county: the county's name ('' when unknown).
        as_of: the review date.
        report: the report's name.
    Returns:
        The heading.
    """
    return " ".join(x for x in (county, period(as_of), report) if x)


def audit_heading(county: str, as_of: dt.date) -> str:
    """The title every sheet of the problem list starts with ('清河县 2026年第三季度 低保特困专项治理问题清单').

    Args:
        county: the county's name ('' when unknown).
        as_of: the review date.
    Returns:
        The heading.
    """
    return report_heading(county, as_of, "低保特困专项治理问题清单")


def persons(findings: pd.DataFrame) -> pd.Series:
    """Each finding's person: one person however many roster rows enrol her (D01), by the ID, else by the row."""
    ids_ = findings["身份证号"] if "身份证号" in findings.columns else pd.Series("", index=findings.index)
    known = ids_ != ""
    return ids_.where(known, "#" + findings["_member"].astype(str) if not known.all() else "")


def _households(findings: pd.DataFrame) -> pd.Series:
    """Each finding's household: its ``_household``, else (a payee on no roster) its person."""
    homes = findings["_household"].astype(str)
    return homes.where(~homes.isin(["", "None", "nan"]), "#" + persons(findings))


PEOPLE, HOMES, LEADS = "问题人数（高/中）", "涉及户数（高/中）", "低置信度线索（人）"  # the 汇总's count columns


def firm_and_leads(findings: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings counted as problems (高/中) and the 低 leads of a person no 高/中 finding of that category names,
    counted apart wherever people are counted: a clerk copies the headline into a report of people to remove (held-out
    222: C01 "11" was 9 cases and two namesakes a damaged ID fitted both of, each 低)."""
    low = findings["置信度"].eq(LOW) if "置信度" in findings.columns else pd.Series(False, index=findings.index)
    firm, leads = findings[~low], findings[low]
    if not len(leads):
        return firm, leads
    codes = leads["类别代码"].tolist()
    same = firm[firm["类别代码"].isin(set(codes))]  # (only a 高/中 finding of a lead's category can count her)
    counted = set(zip(same["类别代码"].tolist(), persons(same).tolist())) if len(same) else set()
    apart = [(c, p) not in counted for c, p in zip(codes, persons(leads).tolist())]
    return firm, leads[pd.Series(apart, index=leads.index, dtype=bool)]


def lead_people(findings: pd.DataFrame) -> tuple[int, int]:
    """How many people the 低 leads counted apart (:func:`firm_and_leads`) name, and how many of them a 高/中 finding of
    another category names too: the 汇总's 低置信度线索（人） counts the rest (:func:`summary`).

    Args:
        findings: the findings frame.
    Returns:
        (people, of them with a 高/中 finding).
    """
    firm, leads = firm_and_leads(findings)
    named = set(persons(leads).tolist()) if len(leads) else set()
    return len(named), len(named.intersection(persons(firm).tolist())) if len(firm) else 0


def summary(findings: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Count flagged roster rows by township × category, the people and households, all at 高/中, and the people only
    低 leads name (:func:`firm_and_leads`; rows: townships; a total row last).

    Args:
        findings: the findings frame.
        titles: code → title.
    Returns:
        The summary frame.
    """
    if findings.empty:
        return pd.DataFrame({"乡镇": ["合计"], PEOPLE: [0]})
    firm, leads = firm_and_leads(findings)
    distinct = firm.drop_duplicates(["类别代码", "_member"])
    towns = natural_sorted(findings["乡镇"].unique().tolist())  # (a township of only leads is a row too)
    table = distinct.pivot_table(index="乡镇", columns="类别代码", values="_member", aggfunc="count", fill_value=0)
    table = table.reindex(index=towns, columns=sorted(findings["类别代码"].unique()), fill_value=0)
    table.columns = [f"{c} {titles.get(c, '')}" for c in table.columns]
    person, lead = persons(firm), persons(leads)
    table[PEOPLE] = person.groupby(firm["乡镇"]).nunique().reindex(table.index).fillna(0).astype(int)
    table[HOMES] = firm.groupby("乡镇")["_household"].nunique().reindex(table.index).fillna(0).astype(int)
    only = ~lead.isin(set(person.tolist()))  # (a lead of one category on a person another's 高/中 finding counts already)
    table[LEADS] = lead[only].groupby(leads["乡镇"][only]).nunique().reindex(table.index).fillna(0).astype(int)
    total = table.sum(numeric_only=True).to_frame().T
    total[PEOPLE] = person.nunique()
    total[HOMES] = firm["_household"].nunique()
    total[LEADS] = lead[only].nunique()
    total.index = ["合计"]
    out = pd.concat([table, total]).reset_index().rename(columns={"index": "乡镇"})
    out["乡镇"] = out["乡镇"].replace("", "（未填乡镇）")
    out = out.astype({c: int for c in out.columns if c != "乡镇"})
    if note := _shared_total_note(out):
        out.attrs[SHEET_NOTE] = note
    return out


# What the 汇总's people and households columns count once county-wide however many townships' rows name them
_COUNTED_ONCE = {PEOPLE: "人", HOMES: "户", LEADS: "人"}


def _shared_total_note(table: pd.DataFrame) -> str:
    """The note under the 汇总's title when its 合计 row counts fewer people or households than its townships' rows add up
    to (one person enrolled in two townships, D01, is a row of each; the county counts her once): a clerk adding up the
    column found the total wrong (h449: 问题人数 6+20+9+12+15+11 = 73 over a 合计 of 72), '' when they agree.

    Args:
        table: the summary (townships, then 合计).
    Returns:
        The note.
    """
    said = []
    for column, unit in _COUNTED_ONCE.items():
        if column in table.columns and len(table) > 2:
            added, total = int(table[column].iloc[:-1].sum()), int(table[column].iloc[-1])
            if added > total:
                said.append(f"“{column}”各乡镇相加为 {added} {unit}，合计为 {total} {unit}")
    if not said:
        return ""
    return ("合计行按全县不重复的人、户计：同一人（户）在两个及以上乡镇的花名册中都有问题（如重复享受）的，各乡镇各计一次，"
            f"合计只计一次（{'；'.join(said)}）。")


def summary_chart(table: pd.DataFrame) -> Chart:
    """The summary sheet's chart: problems by township, stacked by category.

    Args:
        table: the :func:`summary` frame.
    Returns:
        The chart (one bar per township, the 合计 row left out).
    """
    series = [c for c in table.columns if c not in ("乡镇", PEOPLE, HOMES, LEADS)]
    towns = max(len(table) - 1, 0)
    # one township's book (--by-township) has one bar: it is named, not "各乡镇"
    whose = f"{table['乡镇'].iloc[0]}" if towns == 1 else "各乡镇"
    # one person with problems of two categories is in two bars (问题人数 counts her once)
    return Chart(f"{whose}问题数（按类别，一人有几类问题计几次）", "乡镇", series, towns)


def audit_sheets(findings: pd.DataFrame, titles: dict[str, str], skipped: Mapping[str, str] | None = None,
                 held: Mapping[str, int] | None = None, partial: Mapping[str, str] | None = None,
                 notices: Sequence[str] | None = None, stop_rule: str = "") -> list[tuple]:
    """The problem list's sheets: 汇总 (with its chart), then one sheet per category in code order, 核查范围, and 读取提示
    (the run's notices, as the console printed them) when given.

    Args:
        findings: the findings frame (all of them, or one township's).
        titles: code → title.
        skipped: code → why a category was not checked (given: the 核查范围 sheet, every category and what it found).
        held: code → findings a 核实无问题清单 held back (the county's workbook; said in 核查范围).
        partial: code → the lists a category that was checked lacked (said in 核查范围).
        notices: the run's notices (the county's own workbook: held-out 254, the sheets and rows skipped or read and the
            townships not found were said on the console and in run.json only, never on paper), as
            :func:`run_notices` gives them with the categories not checked; None for no such sheet.
        stop_rule: the stop rule the money checks counted by (``AuditResult.stop_rule``), said under the 资金核查
            sheet's title ('' says nothing).
    Returns:
        Sheets for ``write_workbook``.
    """
    table = summary(findings, titles)
    sheets = [("汇总", table, None, summary_chart(table))]
    money = money_summary(findings)
    if money is not None:
        if stop_rule:
            money.attrs[SHEET_NOTE] = stop_rule_note(stop_rule)
        sheets.append(("资金核查", money, None))
    sheets += category_sheets(findings, titles)
    if findings.empty:
        sheets.append(("问题清单", findings, LEDGER_COLUMNS))
    if skipped is not None:
        sheets.append(("核查范围", scope(findings, titles, skipped, held or {}, partial or {}), None))
    if notices is not None:  # (the county's workbook; a township's has no such sheet)
        sheets += notices_sheet(notices)
    return sheets


def notices_sheet(notices: Sequence[str]) -> list[tuple]:
    """The 读取提示 sheet of a county's workbook (every command's): the run's notices as the console printed them, IDs
    masked; none for no notices.

    Args:
        notices: the notices.
    Returns:
        [the sheet] or [] for ``write_workbook``.
    """
    return [("读取提示", pd.DataFrame({NOTICES_HEADER: [redact(n) for n in notices]}), None)] if notices else []


def run_notices(result) -> list[str]:
    """Every notice of a run (any command's result) as the console prints them: its warnings, then the categories not
    checked or checked in part (:func:`scope_notices`)."""
    return [*result.warnings, *scope_notices(getattr(result, "skipped", {}), getattr(result, "partial", {}))]


def scope_notices(skipped: Mapping[str, str], partial: Mapping[str, str]) -> list[str]:
    """The notices of categories not checked, or checked in part, as the console prints them after the run's own and
    the 读取提示 sheet lists them (the money sieve not run at all in one line, not one per code).

    Args:
        skipped: code → why a category was not checked.
        partial: code → what part of it was not.
    Returns:
        The notices.
    """
    from .columns import lists_named

    skipped = dict(skipped)
    said = []
    unpaid = [code for code, why in skipped.items() if why == "未提供所需名单：" + lists_named(["payments"])]
    if len(unpaid) > 1:
        skipped = {code: why for code, why in skipped.items() if code not in unpaid}
        said.append(f"资金核查（{unpaid[0]}–{unpaid[-1]}）未进行：未提供资金发放明细（--payments）")
    return [*said, *(f"{code} 未检查：{why}" for code, why in skipped.items()),
            *(f"{code} 部分未检查：{lacking}，这部分未核查" for code, lacking in partial.items())]


def scope(findings: pd.DataFrame, titles: dict[str, str], skipped: Mapping[str, str],
          held: Mapping[str, int] | None = None, partial: Mapping[str, str] | None = None) -> pd.DataFrame:
    """核查范围: each of the audit's categories (coverage's leads left out), whether it was checked, and how many people
    it lists (as the 汇总 counts them) or why it was not checked — a category without a sheet is said, not missing.

    Args:
        findings: the findings frame (all of them, or one township's).
        titles: code → title.
        skipped: code → why a category was not checked.
        held: code → findings a 核实无问题清单 held back (held-out 121: said only on the screen and in run.json).
        partial: code → the lists a checked category lacked ('未提供服刑人员名单': that part not checked).
    Returns:
        The table.
    """
    firm, leads = firm_and_leads(findings)  # (the 低 leads counted apart, as the 汇总 counts them)
    listed = firm.drop_duplicates(["类别代码", "_member"]).groupby("类别代码").size() if len(firm) else pd.Series(dtype=int)
    # a check of households (CheckSpec.level, F01–F07 …) counts households, not people (held-out 204)
    by_household = set(findings.loc[findings["_level"] == "household", "类别代码"].tolist()) if "_level" in findings.columns else set()

    def count(frame: pd.DataFrame) -> pd.Series:
        """People (households for a check of households) per category code."""
        if frame.empty:
            return pd.Series(dtype=int)
        people = persons(frame).groupby(frame["类别代码"]).nunique()
        homes = _households(frame).groupby(frame["类别代码"]).nunique() if by_household else people
        return people.where(~people.index.isin(by_household), homes)

    counted, lead = count(firm), count(leads)
    rows = []
    for code in sorted(c for c in titles if not c.startswith("L")):
        unit = "户" if code in by_household else "人"
        n, p, k = int(listed.get(code, 0)), int(counted.get(code, 0)), int(lead.get(code, 0))
        # a person on two roster rows (D01) is two rows to correct, as the 汇总 counts them, but one person (held-out 200)
        said = f"列出 {n} {unit}" if p >= n else f"列出 {n} 条记录（{p} {unit}）"
        if k:
            said = f"{said}，另有低置信度线索 {k} {unit}" if n else f"只有低置信度线索 {k} {unit}"
        said = f"未核查：{skipped[code]}" if code in skipped else said if n or k else "已核查，未发现问题"
        if (partial or {}).get(code):  # (held-out 291: "已核查，未发现问题（未提供停保名单…，这部分未核查）" read as checked)
            said = (f"部分未检查（{partial[code]}，这部分未核查），已核查的部分未发现问题" if said == "已核查，未发现问题"
                    else f"{said}（{partial[code]}，这部分未核查）")
        if (held or {}).get(code):
            said += f"（另有 {held[code]} 条曾核实无问题、比对情况未变，按核实无问题清单不再列出）"
        rows.append({"类别代码": code, "类别": titles[code], "核查情况": said})
    return pd.DataFrame(rows, columns=["类别代码", "类别", "核查情况"])


def money_rows(findings: pd.DataFrame) -> pd.DataFrame:
    """The money checks' findings (F01–F07, those without an amount too: F07's accounts, a duplicate of 0 元)."""
    if findings.empty or "应追回金额" not in findings.columns:
        return findings.iloc[:0]
    rec = pd.to_numeric(findings["应追回金额"], errors="coerce")
    rep = pd.to_numeric(findings["应补发金额"], errors="coerce")
    money = findings["类别代码"].astype(str).str.startswith("F")
    mask = (rec.notna() | rep.notna() | money).to_numpy(dtype=bool)
    return findings.loc[mask].assign(_rec=rec[mask].fillna(0).to_numpy(dtype=float), _rep=rep[mask].fillna(0).to_numpy(dtype=float))


def _posted(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings an audit's public copy lists: :func:`public.public_rows`, and not the 低 leads, unverified (held-out
    291: an F06 lead at 低 with no amount on a township's 公示, beside a console and a 汇总 saying leads are not counted)."""
    shown = public_rows(findings)
    return shown[shown["置信度"].astype(str) != LOW] if "置信度" in shown.columns else shown


def money_totals(findings: pd.DataFrame) -> dict:
    """Return the money totals: yuan to recover and to repay, and how many households each.

    Args:
        findings: the findings frame.
    Returns:
        {'recover', 'repay', 'households', 'recover_households', 'repay_households', 'by_code'}.
    """
    rows = money_rows(findings)
    by_code = {code: {"应追回金额": round(float(g["_rec"].sum()), 2), "应补发金额": round(float(g["_rep"].sum()), 2),
                      "户数": int(g["_household"].nunique())} for code, g in rows.groupby("类别代码")} if len(rows) else {}
    return {"recover": round(float(rows["_rec"].sum()), 2) if len(rows) else 0.0,
            "repay": round(float(rows["_rep"].sum()), 2) if len(rows) else 0.0,
            "households": int(rows["_household"].nunique()) if len(rows) else 0,
            "recover_households": int(rows.loc[rows["_rec"] > 0, "_household"].nunique()) if len(rows) else 0,
            "repay_households": int(rows.loc[rows["_rep"] > 0, "_household"].nunique()) if len(rows) else 0,
            "by_code": by_code}


def stop_rule_note(rule: str) -> str:
    """'停发规则：按次月停发计…': the stop rule (common.money_stop_rule) the amounts to recover were counted by (h330:
    said only by the configuration's hash in run.json).

    Args:
        rule: 次月 or 当月.
    Returns:
        The sentence.
    """
    other = "当月" if rule == "次月" else "次月"
    return (f"停发规则：按{rule}停发计（死亡、迁出本县、停保（退出）的，{rule}起不应发放；服刑的只计整月在押的月份）。"
            f"本县如按{other}停发，请在配置文件中改停发规则（common.toml 的 money_stop_rule）后重新核查")


def money_summary(findings: pd.DataFrame) -> pd.DataFrame | None:
    """The 资金核查 sheet: by township, households concerned, 应追回合计 and 应补发合计 (a total row last).

    Args:
        findings: the findings frame.
    Returns:
        The frame, or None when no finding carries an amount.
    """
    rows = money_rows(findings)
    if rows.empty:
        return None
    g = rows.groupby("乡镇")
    table = pd.DataFrame({"涉及户数": g["_household"].nunique(),
                          "应追回户数": rows[rows["_rec"] > 0].groupby("乡镇")["_household"].nunique(),
                          "应追回合计（元）": g["_rec"].sum().round(2),
                          "应补发户数": rows[rows["_rep"] > 0].groupby("乡镇")["_household"].nunique(),
                          "应补发合计（元）": g["_rep"].sum().round(2)}).fillna(0)
    table = table.sort_index(key=natural_rank)  # townships as on every other sheet (pinyin, not code points)
    total = pd.DataFrame({"涉及户数": [rows["_household"].nunique()],
                          "应追回户数": [rows.loc[rows["_rec"] > 0, "_household"].nunique()],
                          "应追回合计（元）": [round(rows["_rec"].sum(), 2)],
                          "应补发户数": [rows.loc[rows["_rep"] > 0, "_household"].nunique()],
                          "应补发合计（元）": [round(rows["_rep"].sum(), 2)]}, index=["合计"])
    out = pd.concat([table, total]).reset_index().rename(columns={"index": "乡镇"})
    out["乡镇"] = out["乡镇"].replace("", "（未填乡镇）")
    return out.astype({c: int for c in ("涉及户数", "应追回户数", "应补发户数")})


def category_sheets(findings: pd.DataFrame, titles: dict[str, str]) -> list[tuple[str, pd.DataFrame, list[str]]]:
    """Return one (sheet title, rows, ledger columns) per category present, in code order.

    Args:
        findings: the findings frame.
        titles: code → title.
    Returns:
        The sheets.
    """
    out = []
    for code, part in findings.groupby("类别代码", sort=True):
        part = without_money(part)  # a check that counts no money: no money columns
        out.append((f"{code} {titles.get(code, '')}", said_once(part, "类别名称", "建议"), LEDGER_COLUMNS))
    return out


def said_once(part: pd.DataFrame, named: str, advice: str) -> pd.DataFrame:
    """A category's rows without the columns that repeat one text on every row: its name (the sheet's title says it)
    and its advice (said once under the title, :data:`io.report.SHEET_NOTE`). Printed in narrow columns, such texts
    made every row many lines high (53 rows on 14 pages)."""
    drop = [c for c in (named, advice) if c in part.columns and part[c].nunique(dropna=False) == 1]
    if not drop:
        return part
    out = part.drop(columns=drop)
    if advice in drop and str(part[advice].iat[0]).strip():
        out.attrs[SHEET_NOTE] = f"{advice}：{part[advice].iat[0]}"
    return out


def without_money(frame: pd.DataFrame) -> pd.DataFrame:
    """A sheet's rows without the money columns (涉及月份, 应追回金额, 应补发金额) when none of them holds anything:
    blank columns on paper look like boxes to fill in.

    Args:
        frame: the rows.
    Returns:
        The rows, the money columns dropped when they are all blank.
    """
    money = [c for c in MONEY_COLUMNS if c in frame.columns]
    if money and not any(_filled(v) for c in money for v in frame[c].unique()):
        return frame.drop(columns=money)
    return frame


def _filled(value) -> bool:
    return not (value is None or value == "" or (isinstance(value, float) and value != value))


def input_manifest(tables) -> list[dict]:
    """Describe each input file for run.json: path, SHA-256, kind, sheets and row count.

    Args:
        tables: the tables read.
    Returns:
        One dict per table.
    """
    digests: dict[str, str] = {}  # a file read as several tables is hashed once
    for t in tables:
        if str(t.path) not in digests:
            digests[str(t.path)] = sha256(t.path)
    return [{"path": str(t.path), "kind": t.kind, "sha256": digests[str(t.path)], "sheets": t.sheets,
             "rows": int(t.rows), "columns": t.headers} for t in tables]


@written_together
def write_audit_reports(result, out: Path, options: dict, command: str = "audit", mask: bool = False,
                        by_township: bool = False) -> dict[str, Path]:
    """Write the audit's findings.csv, 问题清单.xlsx and run.json into ``out``, all or none (:func:`written_together`).

    Args:
        result: the :class:`rostercheck.audit.AuditResult`.
        out: the output folder.
        options: the options the run was given (recorded in run.json).
        command: the command name recorded in run.json.
        mask: also write the public copies (公示_findings.csv, 公示_问题清单.xlsx, see ``io.public``).
        by_township: also write 乡镇/<乡镇>.xlsx, each township's own problem list.
    Returns:
        name → path of each file written.
    """
    out = prepare_out_dir(out)
    titles = {code: spec.title for code, spec in result.specs.items()}
    findings = result.findings
    paths = {"findings": out / "findings.csv", "workbook": out / "问题清单.xlsx", "manifest": out / "run.json"}
    heading = audit_heading(getattr(result, "county", ""), as_of_of(options))
    stop_rule = getattr(result, "stop_rule", "")
    sheets = audit_sheets(findings, titles, result.skipped, result.held_by_code, result.partial, run_notices(result),
                          stop_rule)

    # A public copy lists no category whose title states labour capacity (C08 有劳动能力, ``io.public.PRIVATE_CODES``;
    # held-out 236: audit's listed them) and counts none in its 汇总 or 核查范围 (held-out 253: C08 by name with each
    # township's count, where coverage's 公示 counts only the leads it lists)
    public_titles = {code: title for code, title in titles.items() if code not in PRIVATE_CODES}

    def files(part: str) -> dict[str, Path]:
        """Write one part of the reports (returns the paths of any extra files it wrote)."""
        if part == "csv":
            write_csv(findings, paths["findings"])
            _write_manifest(result, options, command, paths["manifest"], sheets[0][1])
        elif part == "public":
            from .public import write_public_copies

            shown = _posted(findings)
            public_sheets = audit_sheets(shown, public_titles, result.skipped, result.held_by_code, result.partial,
                                         stop_rule=stop_rule)
            public = write_public_copies(out, {paths["findings"].name: shown}, {paths["workbook"].name: public_sheets},
                                         WIDTHS, heading)
            return {f"public_{k}": v for k, v in public.items()}
        else:
            def township_sheets(f: dict[str, pd.DataFrame], town: str, names: dict[str, str] = titles) -> list[tuple]:
                """A township's workbook, its 核查范围 saying what the 核实无问题清单 held back of its own findings and
                what a check could not look at of its own households."""
                elsewhere = getattr(result, "partial_elsewhere", None)
                partial = getattr(result, "partial_by_town", {}).get(town, result.partial if elsewhere is None else elsewhere)
                return audit_sheets(f["findings"], names, result.skipped, result.held_by_town.get(town, {}), partial,
                                    stop_rule=stop_rule)

            def township_public(f: dict[str, pd.DataFrame], town: str) -> list[tuple]:
                """A township's public copy, built as its workbook is from the rows it may list."""
                return township_sheets({"findings": _posted(f["findings"])}, town, public_titles)

            towns = write_township_workbooks(out, {"findings": findings}, township_sheets,
                                             widths=WIDTHS, heading=heading, public=township_public if mask else False,
                                             members=result.inputs.members,
                                             report="问题清单",
                                             also=[*result.held_by_town, *getattr(result, "partial_towns", ()),
                                                   *roster_townships(result.inputs.members)])
            return {f"township_{k}": v for k, v in towns.items()}
        return {}

    def write(part: str) -> tuple[dict[str, Path], list] | bytes:
        """Write one part of the reports (returns the paths of any extra files it wrote and the files it staged, put
        in place with the others at the end: a forked copy sends them back), or render a sheet's rows of the
        workbook (returns them)."""
        if part in rows:
            return book.render(part)
        with report_set() as staged:
            extra = files(part)
        return extra, staged

    # A city's thousands of findings: the workbook's sheets rendered and the other files written by this process
    # and a forked copy together; the workbook is assembled here.
    rendered: dict[str, bytes] = {}
    with workbook(paths["workbook"], sheets, WIDTHS, heading, rendered=rendered) as book:
        rows = book.pending()
        parts = [*rows[:1], "csv", *rows[1:], *(["public"] if mask else []), *(["townships"] if by_township else [])]
        done = parallel.shared(parts, write, len(findings) >= parallel.BIG_FINDINGS, limit=parallel.FORK_MAX_BYTES_HERE)
        rendered.update({part: done[part] for part in rows})
    for part in parts:
        if part not in rows:
            extra, staged = done[part]
            paths.update(extra)
            adopt(staged)
    return paths


def _write_manifest(result, options: dict, command: str, path: Path, table: pd.DataFrame) -> None:
    """Write run.json: what was run on which inputs, and what it found (``table``: the :func:`summary` of the
    findings, the 汇总)."""
    findings = result.findings
    counts = findings["类别代码"].value_counts().sort_index().to_dict() if len(findings) else {}
    by_conf = findings.groupby(["类别代码", "置信度"]).size() if len(findings) else pd.Series(dtype=int)
    people = table.iloc[-1]  # the 汇总's total row
    write_manifest({
        "tool": "rostercheck", "version": __version__, "command": command,
        "run_at": dt.datetime.now().isoformat(timespec="seconds"), "python": platform.python_version(),
        "options": options, "inputs": input_manifest(result.inputs.tables),
        "members": int(len(result.inputs.members)),
        "households": int(result.inputs.members["household"].nunique()) if len(result.inputs.members) else 0,
        "counts": {k: int(v) for k, v in counts.items()},
        "counts_by_confidence": {f"{k[0]}/{k[1]}": int(v) for k, v in by_conf.items()},
        "people": {c: int(people.get(c, 0)) for c in (PEOPLE, HOMES, LEADS)},
        # (the stop rule the amounts were counted by, when a ledger was checked: h330)
        "money": {**money_totals(findings), **({"stop_rule": f"{result.stop_rule}停发"} if getattr(result, "stop_rule", "") else {})},
        "skipped_checks": result.skipped, "partly_checked": getattr(result, "partial", {}), "suppressed": result.suppressed,
        "warnings": result.warnings,
    }, path)
