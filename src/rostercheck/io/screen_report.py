"""The screening's reports: screening.csv, findings.csv, 新申请核对结果.xlsx and run.json."""

from __future__ import annotations

import datetime as dt
import platform
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__
from .columns import KIND_LABELS
from .problem_list import WIDTHS, input_manifest, notices_sheet, run_notices, without_money
from .public import PRIVATE_CODES, write_public_copies
from .report import (SHEET_NOTE, prepare_out_dir, write_csv, write_manifest, write_township_workbooks, write_workbook,
                     written_together)

MEETING_COLUMNS = ["审批意见"]
# 疑点明细 says its advice in 核对说明 (:func:`advice_apart`): the width 建议 took goes to 依据 and 类别名称, each row a few
# lines high (held-out 247: 3–4 findings an A4 page)
SCREEN_WIDTHS = {**WIDTHS, "疑点摘要": 36, "待核线索": 24, "项目": 14, "内容": 80, "审批意见": 20, "申请文件": 16,
                 "依据": 44, "类别名称": 12}
COUNTED = "计入结论"  # the findings' column saying whether a finding counts toward its family's verdict ('是') or is a lead


def doubts_first(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings with every one that counts toward a verdict before the leads that do not, each part in its order
    (held-out 236: 200 C08 leads, 35 printed pages, stood between the C07 and the D01 doubts).

    Args:
        findings: the screening's findings (with 计入结论).
    Returns:
        The same rows, reordered.
    """
    if COUNTED not in findings.columns:
        return findings
    return findings.iloc[np.argsort((findings[COUNTED] != "是").to_numpy(), kind="stable")]


ADVICE_SAID = "各类疑点的处理建议见“核对说明”工作表（同一类别各条相同，不再逐行重复）"


def advice_apart(findings: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The 疑点明细 without its 建议 column and the advice as 核对说明 rows, when every row of a category (code and title)
    has one advice among the doubts that count and one among the leads (计入结论 否): each advice said once, after the
    categories it is for (one a line), as audit's 问题清单 says a category's advice once (``problem_list.said_once``). Printed in a
    narrow column, the same advice on every row made each row many lines high (held-out 247: 3–4 findings an A4 page).

    Args:
        findings: the 疑点明细 rows (类别代码, 类别名称, 建议, 计入结论).
    Returns:
        (the rows, without 建议 and with a title note saying where it is; the (项目, 内容) rows of the advice: 处理建议
        for the doubts, 处理建议（线索） for the leads), or the rows as given and no advice rows where some category's
        rows differ in it.
    """
    none = pd.DataFrame(columns=["项目", "内容"])
    if "建议" not in findings.columns or not len(findings):
        return findings, none
    counted = findings[COUNTED] == "是" if COUNTED in findings.columns else pd.Series(True, index=findings.index)
    if (findings.groupby([findings["类别代码"], findings["类别名称"], counted], sort=False)["建议"]
            .nunique(dropna=False) > 1).any():
        return findings, none
    items = []
    for item, part in (("处理建议", findings[counted]), ("处理建议（线索）", findings[~counted])):
        said: dict[str, dict[str, None]] = {}  # advice → the categories it is for, in the order of the rows
        for code, title, advice in zip(part["类别代码"], part["类别名称"], part["建议"]):
            said.setdefault(str(advice), {})[f"{code} {title}"] = None
        # (one category a line: titles hold 、 themselves, 申请低保、特困)
        items += [(item, "\n".join([*named, f"建议：{advice}"])) for advice, named in said.items()]
    out = findings.drop(columns="建议")
    out.attrs[SHEET_NOTE] = ADVICE_SAID
    return out, pd.DataFrame(items, columns=["项目", "内容"])


def public_findings(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings a public notice of the applications may show: the doubts that decide a verdict, none of a category
    whose title states health, disability or labour capacity (C08: 有劳动能力); leads are for the desk (held-out 236:
    the 公示 listed 200 C08 leads).

    Args:
        findings: the screening's findings.
    Returns:
        Those rows, without 计入结论 (every one counts).
    """
    shown = ~findings["类别代码"].isin(PRIVATE_CODES)
    if COUNTED in findings.columns:
        shown &= findings[COUNTED] == "是"
    return findings[shown].drop(columns=[COUNTED], errors="ignore")


def public_share(sheets: list[tuple]) -> list[tuple]:
    """The sheets of the screening workbook a 公示 copy carries: the verdicts and :func:`public_findings`; not the
    核对说明, whose notes name the families already decided or withdrawn and point to the internal workbook (held-out
    236: a township's 公示 named 蔡磊俊（已驳回）).

    Args:
        sheets: the workbook's sheets (核对结论, 疑点明细, 核对说明).
    Returns:
        The public ones, before masking (``io.public``).
    """
    (name, verdicts, meeting), (title, findings, extra) = sheets[:2]
    return [(name, public_verdicts(verdicts, findings), meeting), (title, public_findings(findings), extra)]


def public_verdicts(verdicts: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """The verdicts a public notice shows: 疑点数 and 疑点摘要 count only the doubts it lists, a household's doubts of a
    private category (S01: labour capacity) said as a number only (held-out 266: 疑点数 1 beside no row in 疑点明细, and
    the 摘要 named S01). The 结论 stands.

    Args:
        verdicts: the 核对结论 rows.
        findings: the 疑点明细 rows (类别代码, 户主姓名, 户主身份证号, 计入结论).
    Returns:
        The verdicts (a copy when a row changed).
    """
    private = findings["类别代码"].isin(PRIVATE_CODES)
    if COUNTED in findings.columns:
        private &= findings[COUNTED] == "是"
    if not private.any() or "疑点数" not in verdicts.columns:
        return verdicts
    hidden = findings[private].groupby(["户主姓名", "户主身份证号"]).size()
    out = verdicts.copy()
    for k, (name, head) in enumerate(zip(out["户主姓名"].tolist(), out["户主身份证号"].tolist())):
        n = int(hidden.get((name, head), 0))
        if n:
            kept = [x for x in str(out["疑点摘要"].iat[k]).split("；") if x and not x.startswith(PRIVATE_CODES)]
            out.iloc[k, out.columns.get_loc("疑点数")] = int(out["疑点数"].iat[k]) - n
            out.iloc[k, out.columns.get_loc("疑点摘要")] = "；".join([*kept, f"另有 {n} 项疑点涉及个人隐私，不公示"])
    return out


def rule_sheet(result, as_of: dt.date, township: str | None = None) -> pd.DataFrame:
    """Return the 核对说明 sheet: review date, verdict rule, checks that did not run, the run's warnings.

    Args:
        result: the :class:`rostercheck.screen.ScreenResult`.
        as_of: the review date.
        township: for a township's workbook, its name (None: the county's): the run's warnings name families of every
            township (those already decided, those applying twice), so they are left to the county's workbook, but for
            the township's own (``result.township_notes``).
    Returns:
        A two-column frame (项目, 内容).
    """
    rule = result.rule
    given = "、".join(KIND_LABELS.get(k, k) for k in result.inputs.lists) or "（未提供比对名单）"
    items = [
        ("核查基准日", as_of.isoformat()),
        ("比对名单", given),
        ("结论规则", f"任一成员有置信度为{'、'.join(rule['verdict_confidences'])}的疑点即为“有疑点”；"
                     f"{'、'.join(rule['lead_codes']) or '无'} 类及其他置信度的结果只列为待核线索，不单独影响结论。"),
        ("已在册人员", "申请人已在现有在册花名册中登记的，按 D01 列为疑点；申请特困的人员只在低保花名册中的，按低保转特困"
                      "列出（批准特困的同时停发低保），不作为不予批准的理由。"),
        ("说明", "“无疑点”指在所提供的名单中未发现疑点，不代替入户调查和家庭经济状况核对。"),
    ]
    items += [(f"未检查 {code}", why) for code, why in sorted(result.skipped.items())]
    # what the console said about the files (a column not read, IDs typed as numbers): it bears on the verdicts
    if township is not None and result.warnings:
        items += [(f"本乡镇提示 {n}", w) for n, w in enumerate(result.township_notes.get(township, []), 1)]
        items.append(("提示", f"本次运行有 {len(result.warnings)} 条提示（涉及全县的文件和家庭），见县级工作簿《新申请核对结果.xlsx》"
                             "的核对说明"))
    else:
        items += [(f"提示 {n}", w) for n, w in enumerate(result.warnings, 1)]
    return pd.DataFrame(items, columns=["项目", "内容"])


def screen_heading(county: str, as_of: dt.date) -> str:
    """The title every sheet of the screening workbook starts with.

    Args:
        county: the county's name ('' when unknown).
        as_of: the review date.
    Returns:
        The heading.
    """
    return " ".join(x for x in (county, f"低保特困新申请家庭核对结果（核查基准日 {as_of.isoformat()}）") if x)


@written_together
def write_screen_reports(result, out: Path, options: dict, as_of: dt.date, mask: bool = False,
                         by_township: bool = False) -> dict[str, Path]:
    """Write screening.csv, findings.csv, 新申请核对结果.xlsx and run.json (and 公示 copies with ``mask``).

    Args:
        result: the :class:`rostercheck.screen.ScreenResult`.
        out: the output folder.
        options: the options the run was given (recorded in run.json).
        as_of: the review date.
        mask: also write public copies.
        by_township: also write 乡镇/<乡镇>.xlsx, each township's own families.
    Returns:
        name → path of each file written.
    """
    out = prepare_out_dir(out)
    paths = {"screening": out / "screening.csv", "findings": out / "findings.csv",
             "workbook": out / "新申请核对结果.xlsx", "manifest": out / "run.json"}
    findings = doubts_first(result.findings)
    write_csv(result.verdicts, paths["screening"])
    write_csv(findings, paths["findings"])
    rules = rule_sheet(result, as_of)

    def build(frames: dict[str, pd.DataFrame], notes: pd.DataFrame = rules) -> list[tuple]:
        shown, advice = advice_apart(without_money(frames["findings"]))
        return [("核对结论", frames["verdicts"], MEETING_COLUMNS), ("疑点明细", shown, None),
                ("核对说明", pd.concat([notes, advice], ignore_index=True) if len(advice) else notes, None)]

    frames = {"verdicts": result.verdicts, "findings": findings}
    sheets = build(frames)
    heading = screen_heading(getattr(result, "county", ""), as_of)
    write_workbook(paths["workbook"], sheets + notices_sheet(run_notices(result)), SCREEN_WIDTHS, heading)
    if mask:
        public = write_public_copies(out, {"screening.csv": public_verdicts(result.verdicts, findings),
                                           "findings.csv": public_findings(findings)},
                                     {"新申请核对结果.xlsx": public_share(sheets)}, SCREEN_WIDTHS, heading)
        paths.update({f"public_{k}": v for k, v in public.items()})
    if by_township:  # an applicant already enrolled in another township: that household's head is not named
        people = pd.concat([m for m in (result.inputs.members, result.enrolled) if m is not None], ignore_index=True)
        def town_build(f: dict[str, pd.DataFrame], town: str) -> list[tuple]:  # (one township's frames)
            return build(f, rule_sheet(result, as_of, township=town))

        towns = write_township_workbooks(out, frames, town_build, widths=SCREEN_WIDTHS,
                                         heading=heading, public=(lambda f, town: public_share(town_build(f, town))) if mask else False,
                                         members=people,
                                         report="新申请核对结果")
        paths.update({f"township_{k}": v for k, v in towns.items()})
    verdicts = result.verdicts["结论"].value_counts().to_dict() if len(result.verdicts) else {}
    write_manifest({
        "tool": "rostercheck", "version": __version__, "command": "screen",
        "run_at": dt.datetime.now().isoformat(timespec="seconds"), "python": platform.python_version(),
        "options": options, "inputs": input_manifest(result.inputs.tables), "families": int(len(result.verdicts)),
        "verdicts": {k: int(v) for k, v in verdicts.items()}, "rule": result.rule,
        "counts": {k: int(v) for k, v in result.findings["类别代码"].value_counts().sort_index().items()},
        "skipped_checks": result.skipped, "warnings": result.warnings,
    }, paths["manifest"])
    return paths
