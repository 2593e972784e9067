"""The coverage run's reports: 漏保线索.csv, 漏保线索.xlsx (summary + a sheet per code), run.json."""

from __future__ import annotations

import datetime as dt
import platform
from pathlib import Path

import pandas as pd

from .. import __version__
from ..order import natural_rank
from .problem_list import WIDTHS, input_manifest, notices_sheet, report_heading, run_notices, said_once
from .public import PRIVATE_CODES, write_public_copies
from .report import (prepare_out_dir, roster_townships, write_csv, write_manifest, write_township_workbooks, write_workbook,
                     written_together)

# Blank columns the townships fill in after the home visit.
VISIT_COLUMNS = ["走访情况", "是否符合", "拟纳入类别", "走访人", "走访日期"]
# Columns a public copy never carries (health, disability, income and age figures).
PRIVATE_COLUMNS = ("病种", "特困条件", "年龄", "人均月收入", "已发补贴", "退出原因", "监测类型", "残疾类别", "残疾等级")
# 依据 wraps (at 80 the sheets printed at half size); the visit columns are filled in by hand. 说明 across the page as
# screen's 核对说明 (at 24 wide each of its paragraphs took eight lines in a quarter of the page, h355).
COVERAGE_WIDTHS = {**WIDTHS, "线索名称": 10, "依据": 36, "走访情况": 20, "是否符合": 8, "拟纳入类别": 10, "走访人": 8,
                   "走访日期": 10, "项目": 14, "内容": 80}


def summary(leads: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Count leads (households for household codes, people otherwise) by township × code, with totals.

    Args:
        leads: the leads frame.
        titles: code → title.
    Returns:
        The summary frame (rows: townships, then 合计).
    """
    if leads.empty:  # (said in words: a township's workbook of a 合计 0 alone printed its title in two narrow columns)
        return pd.DataFrame({"乡镇": ["合计"], "线索条数": [0], "其中高优先级": [0], "说明": ["未发现漏保线索"]})
    towns = leads["乡镇"].replace("", "（未填乡镇）")
    table = pd.crosstab(towns, leads["线索代码"])
    table = table.sort_index(key=natural_rank)  # townships as on every sheet (pinyin), not in code-point order
    table.columns = [f"{c} {titles.get(c, '')}" for c in table.columns]
    table["线索条数"] = table.sum(axis=1)
    table["其中高优先级"] = leads.assign(_t=towns).groupby("_t")["优先级"].apply(lambda s: int((s == "高").sum())).reindex(table.index)
    total = table.sum(numeric_only=True).to_frame().T
    total.index = ["合计"]
    out = pd.concat([table, total]).reset_index().rename(columns={"index": "乡镇"})
    out = out.rename(columns={out.columns[0]: "乡镇"})
    return out.astype({c: int for c in out.columns if c != "乡镇"})


def code_sheets(leads: pd.DataFrame, titles: dict[str, str]) -> list[tuple[str, pd.DataFrame, list[str]]]:
    """Return one (sheet title, rows, visit columns) per lead code present, in code order."""
    out = []
    for code in sorted(leads["线索代码"].unique()) if len(leads) else []:
        part = leads[leads["线索代码"] == code]
        cols = [c for c in part.columns if not c.startswith("_") and (part[c].astype(str) != "").any() or c in ("乡镇", "村")]
        out.append((f"{code} {titles.get(code, '')}", said_once(part[cols], "线索名称", "建议"), VISIT_COLUMNS))
    return out


def notes(result, as_of: dt.date) -> pd.DataFrame:
    """Return the 说明 sheet: review date, lists used, leads that did not run, how to fill the visit columns."""
    from .columns import KIND_LABELS

    items = [("核查基准日", as_of.isoformat()),
             ("比对名单", "、".join(KIND_LABELS.get(k, k) for k in result.inputs.lists)),
             ("说明", "漏保线索是入户走访的名单，不是认定结论；请走访后填写“走访情况、是否符合、拟纳入类别（低保/特困/单人户施保/"
                     "两项补贴/不符合）、走访人、走访日期”。"),
             ("优先级", "高：收入远低于标准或有重度残疾、重病等多项依据；中：依据明确；低：名单信息不全（如收入未填、身份证号有误）。"),
             ("置信度", "名单上的人与花名册、其他名单上的人是同一人的把握：高＝身份证号一致；中＝身份证号受损但姓名、出生日期一致；"
                      "低＝只能部分比对。与优先级是两回事：优先级说先走访谁，置信度说是不是这个人。")]
    items += [(f"未排查 {code}", why) for code, why in sorted(result.skipped.items())]
    return pd.DataFrame(items, columns=["项目", "内容"])


@written_together
def write_coverage_reports(result, out: Path, options: dict, as_of: dt.date, mask: bool = False,
                           by_township: bool = False) -> dict[str, Path]:
    """Write 漏保线索.csv (UTF-8 BOM), 漏保线索.xlsx and run.json (and 公示_ copies with ``mask``).

    Args:
        result: the :class:`rostercheck.coverage.CoverageResult`.
        out: the output folder.
        options: the options the run was given (recorded in run.json).
        as_of: the review date.
        mask: also write public copies.
        by_township: also write 乡镇/<乡镇>.xlsx, each township's own leads.
    Returns:
        name → path of each file written.
    """
    out = prepare_out_dir(out)
    paths = {"leads": out / "漏保线索.csv", "workbook": out / "漏保线索.xlsx", "manifest": out / "run.json"}
    titles = {c: s.title for c, s in result.specs.items()}
    leads = result.leads
    plain = leads[[c for c in leads.columns if not c.startswith("_")]]
    write_csv(plain, paths["leads"])
    def sheets_of(frame: pd.DataFrame) -> list[tuple]:
        return [("汇总", summary(frame, titles), None), *code_sheets(frame, titles), ("说明", notes(result, as_of), None)]

    sheets = sheets_of(leads)
    heading = report_heading(getattr(result, "county", ""), as_of, "低保特困漏保排查线索")
    # (the run's notices on paper too: 'L01 一律按农村低保标准比较' was said on the console only)
    write_workbook(paths["workbook"], sheets + notices_sheet(run_notices(result)), COVERAGE_WIDTHS, heading)
    def private(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[[c for c in frame.columns if c not in PRIVATE_COLUMNS]]

    # the leads resting on a disability or an illness (L02, L04) say it by their very title: not made public
    health = tuple(c for c in PRIVATE_CODES if c in titles)

    def may_be_public(all_sheets: list[tuple]) -> list[tuple]:
        kept = [(t, f, e) for t, f, e in all_sheets[:-1] if not str(t).startswith(health)]
        # the 汇总 counts only the leads the copy lists (held-out 99: its L02/L04 columns told who was ill or disabled)
        listed = [f for t, f, _ in kept if t != "汇总"]
        shown = pd.concat(listed, ignore_index=True) if listed else leads.iloc[:0]
        return [(t, private(summary(shown, titles) if t == "汇总" else f), e) for t, f, e in kept]

    if mask:
        public = write_public_copies(out, {"漏保线索.csv": private(plain[~plain["线索代码"].isin(health)])},
                                     {"漏保线索.xlsx": may_be_public(sheets)}, COVERAGE_WIDTHS, heading)
        paths.update({f"public_{k}": v for k, v in public.items()})
    if by_township:
        towns = write_township_workbooks(out, {"leads": leads}, lambda f, _town: sheets_of(f["leads"]),
                                         widths=COVERAGE_WIDTHS, heading=heading,
                                         public=(lambda f, _town: may_be_public(sheets_of(f["leads"]))) if mask else False,
                                         report="漏保线索", also=roster_townships(result.inputs.members))
        paths.update({f"township_{k}": v for k, v in towns.items()})
    counts = leads.groupby(["线索代码", "优先级"]).size() if len(leads) else pd.Series(dtype=int)
    write_manifest({
        "tool": "rostercheck", "version": __version__, "command": "coverage",
        "run_at": dt.datetime.now().isoformat(timespec="seconds"), "python": platform.python_version(),
        "options": options, "inputs": input_manifest(result.inputs.tables), "leads": int(len(leads)),
        "counts": {code: {p: int(n) for (c, p), n in counts.items() if c == code}
                   for code in sorted({c for c, _ in counts.index})},
        "skipped_checks": result.skipped, "warnings": result.warnings,
    }, paths["manifest"])
    return paths
