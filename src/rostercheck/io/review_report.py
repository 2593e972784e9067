"""The look-back's reports: review.csv, 回头看问题清单.xlsx (rates by township and category), 核实无问题清单.csv."""

from __future__ import annotations

import datetime as dt
import platform
from collections.abc import Collection
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__, suppress
from ..order import natural_rank, natural_sorted
from ..review import AMOUNTS_UNKNOWN, DONE, NOT_RETURNED, OPEN, OWED_COLUMNS, VERIFIED, household_key
from .problem_list import WIDTHS, as_of_of, input_manifest, money_rows, notices_sheet, run_notices, without_money
from .public import public_rows, write_public_copies
from .report import (SHEET_NOTE, TOWNSHIP_ADDED, UNPRINTED, prepare_out_dir, write_csv, write_manifest, write_township_workbooks, write_workbook,
                     written_together)

RATE_COLUMNS = ["问题数", "已整改", "未整改", "核实无问题", "应整改数", "整改率"]
# The money findings' totals: owed as the earlier list says, recovered or paid as the townships report.
RECOVERY_COLUMNS = ["涉及户数", "应追回金额（元）", "乡镇填报已追回（元）", "仍未追回（元）",
                 "应补发金额（元）", "乡镇填报已补发（元）", "仍未补发（元）"]


# The main reports a look-back writes in its --out folder (besides run.json), refused early where they are an input
REVIEW_REPORTS = ("review.csv", "回头看问题清单.xlsx", suppress.FILE_NAME)

def rates(rows: pd.DataFrame, by: str, titles: dict[str, str] | None = None, by_household: Collection[str] = ()) -> pd.DataFrame:
    """Return rectification counts and rates grouped by a column, with a 合计 row last.

    Findings still enrolled that the township verified as not a problem (整改状态 核实无问题) count neither as 未整改 nor as
    应整改 (问题数 = 已整改 + 未整改 + 核实无问题).

    Args:
        rows: the review rows.
        by: '乡镇' or '类别代码'.
        titles: code → title (adds 名称 when grouping by code: sized from its titles, where the details' 类别名称 is
            narrow, so that a category's row takes one or two lines on paper, not five).
    Returns:
        The table.
    """
    status = rows["整改状态"]
    # a household category's problem is the household's: its second row (F07 for two reasons, C06 per earner) counts once
    again = ((rows["类别代码"].isin(list(by_household)) & rows["户主身份证号"].astype(str).ne("")
              & rows.assign(_h=household_key(rows)).duplicated(["类别代码", "_h", "整改状态"])).to_numpy() if by_household
             else np.zeros(len(rows), dtype=bool))
    counted = (~again).astype(int)
    frame = pd.DataFrame({by: rows[by].replace("", "（未填乡镇）" if by == "乡镇" else "（未填）"), "问题数": counted,
                          "已整改": (status == DONE).astype(int) * counted, "未整改": (status == OPEN).astype(int) * counted,
                          "核实无问题": (status == VERIFIED).astype(int) * counted})
    table = frame.groupby(by, sort=True).sum()
    if by != "类别代码":  # townships in natural order (第2街道 before 第10街道); codes sort as text
        table = table.sort_index(key=natural_rank)
    table.loc["合计"] = table.sum()
    table["应整改数"] = table["问题数"] - table["核实无问题"]
    table["整改率"] = [d / n if n else None for d, n in zip(table["已整改"], table["应整改数"])]  # a number, shown as %
    out = table.reset_index()[[by] + RATE_COLUMNS]
    if titles is not None and by == "类别代码":
        out.insert(1, "名称", [titles.get(c, "") for c in out[by]])
    return out


def money_review(rows: pd.DataFrame, reported: pd.DataFrame | None) -> pd.DataFrame | None:
    """The money findings (F01–F07) by township with a 合计 row last: households, 应追回 and 应补发 as the earlier list
    says, what the townships report recovered and paid (as each finding was judged), and what is still owed.

    Findings verified as no problem owe nothing and are left out (as they are out of 应整改数). The amounts are the
    townships' word: the review reads no payment ledger of its quarter.

    Args:
        rows: the review rows (all of them, or one township's).
        reported: :attr:`rostercheck.review.ReviewResult.reported` (indexed as the rows; None: nothing reported).
    Returns:
        The table (columns 乡镇 and :data:`RECOVERY_COLUMNS`), or None when the rows hold no money finding.
    """
    kept = rows[rows["整改状态"] != VERIFIED]
    # a township that returned no list while others did is left out (README: 未退回的乡镇不计入合计), and the 合计 says so
    absent = (pd.DataFrame(reported, columns=[NOT_RETURNED]).reindex(kept.index)[NOT_RETURNED].eq(True)
              if reported is not None and NOT_RETURNED in reported.columns else pd.Series(False, index=kept.index))
    left_out = natural_sorted(set(kept.loc[absent.to_numpy(), "乡镇"]) - {""})
    kept = kept[~absent.to_numpy()]
    money = money_rows(kept.assign(_household=household_key(kept)))
    if money.empty:
        return None
    got = pd.DataFrame(reported, columns=list(OWED_COLUMNS)).reindex(money.index).astype(float).fillna(0.0)
    unknown = (pd.DataFrame(reported, columns=[AMOUNTS_UNKNOWN]).reindex(money.index)[AMOUNTS_UNKNOWN].eq(True)
               if reported is not None and AMOUNTS_UNKNOWN in reported.columns else pd.Series(False, index=money.index))
    frame = pd.DataFrame({"乡镇": money["乡镇"].replace("", "（未填乡镇）"), "_household": money["_household"],
                          "应追回金额（元）": money["_rec"], "乡镇填报已追回（元）": got["应追回金额"],
                          "应补发金额（元）": money["_rep"], "乡镇填报已补发（元）": got["应补发金额"]})
    amounts = [c for c in RECOVERY_COLUMNS if c in frame.columns]
    table = frame.groupby("乡镇")[amounts].sum().sort_index(key=natural_rank)
    table["涉及户数"] = frame.groupby("乡镇")["_household"].nunique()
    # a township whose return gave no amounts owes an unknown sum, not 0 (held-out 216): its cells left blank, the
    # total of the others named as such; the cells known stay numbers
    blind = natural_sorted(set(frame.loc[unknown.to_numpy(), "乡镇"]))
    table.loc["合计"] = [*frame.loc[~unknown.to_numpy(), amounts].sum(), frame["_household"].nunique()]
    table.loc[blind, ["应追回金额（元）", "应补发金额（元）"]] = np.nan
    table["仍未追回（元）"] = table["应追回金额（元）"] - table["乡镇填报已追回（元）"]
    table["仍未补发（元）"] = table["应补发金额（元）"] - table["乡镇填报已补发（元）"]
    said = ([f"不含未退回的{'、'.join(left_out)}"] if left_out else []) + (
        [f"不含{'、'.join(blind)}，其金额未知"] if blind else [])
    if said:
        table = table.rename(index={"合计": f"合计（{'；'.join(said)}）"})
    out = table.reset_index()[["乡镇"] + RECOVERY_COLUMNS].round(2)
    return out.astype({"涉及户数": int})


def verified_money(rows: pd.DataFrame) -> tuple[int, float]:
    """The money findings verified as no problem, which :func:`money_review` leaves out: how many, and the yuan the
    earlier list said they owed (to recover and to pay).

    Args:
        rows: the review rows.
    Returns:
        (findings, yuan).
    """
    money = money_rows(rows[rows["整改状态"] == VERIFIED])
    return len(money), round(float((money["_rec"] + money["_rep"]).sum()), 2) if len(money) else 0.0


def money_totals(table: pd.DataFrame | None) -> dict:
    """run.json's money totals of a look-back: the 合计 row of :func:`money_review` (zeros without money findings).

    Args:
        table: :func:`money_review`'s table, or None.
    Returns:
        {'households', 'recover', 'recovered', 'recover_left', 'repay', 'repaid', 'repay_left'} (yuan as reported).
    """
    keys = ("households", "recover", "recovered", "recover_left", "repay", "repaid", "repay_left")
    if table is None:
        return {k: 0 if k == "households" else 0.0 for k in keys}
    total = table.iloc[-1]
    return {k: int(total[c]) if k == "households" else float(total[c]) for k, c in zip(keys, RECOVERY_COLUMNS)}


def review_ledgers_line(ledgers: dict) -> str:
    """The console's line of what the review quarter's payment ledgers changed (``ReviewResult.ledgers``).

    Args:
        ledgers: {'overturned', 'by_code', 'stop_rule', 'months', 'recovery_unseen', 'repaid_unseen' (optional)}.
    Returns:
        The line (Chinese).
    """
    from ..rules._money import months_text

    if not ledgers["months"]:
        return "本季度资金发放明细：所给明细中没有核查基准日所在季度的所属月份，未能核对上期问题应停发后是否仍在发放。"
    head = f"本季度资金发放明细（所属月份 {months_text(ledgers['months'])}，按{ledgers['stop_rule']}停发计）："
    unseen = (f"其中 {ledgers['recovery_unseen']} 条乡镇填报已追回、但明细中未见相应追回记录的，已在说明中写明。"
              if ledgers.get("recovery_unseen") else "")
    if ledgers.get("repaid_unseen"):  # (F05/F06 reported paid, the months' payment in no ledger given: h491)
        unseen += f"另有 {ledgers['repaid_unseen']} 条乡镇填报已补发、但明细中未见相应月份发放的，已在说明中写明。"
    if ledgers.get("accounts_kept"):  # (F07 reported done, the household still paid into the account named)
        unseen += (f"另有 {ledgers['accounts_kept']} 条判为已整改的 F07（发放账户不是本户的），本季度该户的保障金仍打入上期所列账号，"
                   "已改判为未整改。")
    if not ledgers["overturned"]:
        return head + "判为已整改的上期问题中，未发现其人员（户）在应停发以后仍领取保障金的。" + unseen
    codes = "、".join(f"{c} {n} 条" for c, n in ledgers["by_code"].items())
    return (head + f"{ledgers['overturned']} 条判为已整改的上期问题（{codes}），其人员（户）在应停发以后仍在领取保障金，"
            "已改判为未整改（说明中写明月份、金额和明细中的行）；已追回金额仍是乡镇填报的数（未与追回凭证核对）。" + unseen)


def _overturned_here(rows: pd.DataFrame) -> int:
    """The rows whose 已整改 the ledgers overturned (their 说明 says so)."""
    from ..review_ledgers import OVERTURNED

    return int(((rows["整改状态"] == OPEN) & rows["说明"].astype(str).str.contains(OVERTURNED, regex=False)).sum())


def review_sheets(rows: pd.DataFrame, titles: dict[str, str], by_household: Collection[str] = (),
                  reported: pd.DataFrame | None = None, ledgers: dict | None = None) -> list[tuple]:
    """The look-back workbook's sheets: rates by township and by category, the money recovered and paid by township
    (when there are money findings), then the rows (open ones first).

    Args:
        rows: the review rows (all of them, or one township's).
        titles: code → title.
        by_household: the categories judged per household.
        reported: :attr:`rostercheck.review.ReviewResult.reported` (None: nothing reported recovered or paid).
        ledgers: :attr:`rostercheck.review.ReviewResult.ledgers` (None: no payment ledger read).
    Returns:
        Sheets for ``write_workbook``.
    """
    sheets = [("整改率（按乡镇）", rates(rows, "乡镇", by_household=by_household), None),
              ("整改率（按类别）", rates(rows, "类别代码", titles, by_household), None)]
    money = money_review(rows, reported)
    if money is not None:
        # what the figures are, on paper too (held-out 192: said on the console only)
        money.attrs[SHEET_NOTE] = "金额为各乡镇在整改台账中填报的数，未与资金发放明细核对；只含已退回问题清单的乡镇"
        if ledgers is not None:  # (ledgers show payments going on, not recoveries)
            n = _overturned_here(rows)
            money.attrs[SHEET_NOTE] = ("已追回、已补发金额为各乡镇在整改台账中填报的数，未与追回凭证核对；只含已退回问题清单的乡镇。"
                                       + ("所给资金发放明细中没有本季度的所属月份，未能核对是否仍在发放" if not ledgers["months"] else
                                          f"本季度资金发放明细显示 {n} 条判为已整改的上期问题应停发后仍在发放，已改判为未整改，见问题明细的说明"
                                          if n else "本季度资金发放明细中未发现判为已整改的上期问题应停发后仍在发放"))
        sheets.append(("追回补发资金（乡镇填报）", money, None))
    detail = without_money(rows).copy(deep=False)
    # printed: what the townships did and what the review says of it; the earlier evidence stays in the sheet unprinted
    # (held-out 192: 22 columns on a page's width printed at 4.6 pt), and so do the columns a township inserted into its
    # return (…（乡镇添加）: its own village, amount or date beside the ones printed; h385: three such columns brought the
    # printed detail back to 4.6 pt, 23 columns on the page's width)
    added = tuple(c for c in detail.columns if str(c).endswith(TOWNSHIP_ADDED))
    detail.attrs = {**detail.attrs, UNPRINTED: ("依据", "户主身份证号", *added)}
    return sheets + [("问题明细（未整改在前）", detail, None)]


def review_heading(county: str, as_of: dt.date) -> str:
    """The title every sheet of the look-back starts with.

    Args:
        county: the county's name ('' when unknown).
        as_of: the review date.
    Returns:
        The heading.
    """
    return " ".join(x for x in (county, f"低保特困问题整改回头看（核查基准日 {as_of.isoformat()}）") if x)


@written_together
def write_review_reports(result, out: Path, options: dict, mask: bool = False,
                         by_township: bool = False) -> dict[str, Path]:
    """Write review.csv, 回头看问题清单.xlsx, 核实无问题清单.csv and run.json (and 公示 copies with ``mask``).

    Args:
        result: the :class:`rostercheck.review.ReviewResult`.
        out: the output folder.
        options: the options the run was given (recorded in run.json).
        mask: also write public copies.
        by_township: also write 乡镇/<乡镇>.xlsx, each township's own look-back.
    Returns:
        name → path of each file written.
    """
    out = prepare_out_dir(out)
    rows = result.rows
    paths = {"review": out / REVIEW_REPORTS[0], "workbook": out / REVIEW_REPORTS[1],
             "suppress": out / REVIEW_REPORTS[2], "manifest": out / "run.json"}
    write_csv(rows, paths["review"])
    ledgers = getattr(result, "ledgers", None)
    sheets = review_sheets(rows, result.titles, result.by_household, result.reported, ledgers)
    heading = review_heading(getattr(result, "county", ""), as_of_of(options))
    write_workbook(paths["workbook"], sheets + notices_sheet(run_notices(result)), WIDTHS, heading)  # (notices on paper too)
    suppress.write(result.suppressions, paths["suppress"])
    def sheets_of(f: dict[str, pd.DataFrame], town: str = "") -> list[tuple]:
        # (a township that returned nothing is shown what it owes in its own workbook)
        reported = result.reported.drop(columns=[NOT_RETURNED], errors="ignore") if town else result.reported
        return review_sheets(f["rows"], result.titles, result.by_household, reported, getattr(result, "ledgers", None))

    def public_of(f: dict[str, pd.DataFrame], town: str = "") -> list[tuple]:
        """The public copy's sheets: the rows of a category kept private (C08 有劳动能力, ``io.public.PRIVATE_CODES``)
        neither listed nor counted in the rates (held-out 253: 104 C08 rows and a C08 rate on the 公示, which audit's
        公示 leaves out)."""
        return sheets_of({"rows": public_rows(f["rows"])}, town)

    if mask:
        public = write_public_copies(out, {"review.csv": public_rows(rows)}, {"回头看问题清单.xlsx": public_of({"rows": rows})},
                                     WIDTHS, heading)
        paths.update({f"public_{k}": v for k, v in public.items()})
    if by_township:
        towns = write_township_workbooks(out, {"rows": rows}, sheets_of, widths=WIDTHS, heading=heading,
                                         public=public_of if mask else False, members=result.inputs.members,
                                         report="回头看问题清单")
        paths.update({f"township_{k}": v for k, v in towns.items()})
    counts = rows["整改状态"].value_counts().to_dict() if len(rows) else {}
    manifest = {
        "tool": "rostercheck", "version": __version__, "command": "review",
        "run_at": dt.datetime.now().isoformat(timespec="seconds"), "python": platform.python_version(),
        "options": options, "inputs": input_manifest(result.inputs.tables),
        "findings": int(len(rows)), "status": {k: int(v) for k, v in counts.items()},
        "verified": int(len(result.suppressions)),
        "money": money_totals(money_review(rows, result.reported)), "warnings": result.warnings,
    }
    if ledgers is not None:  # (a run without ledgers records what it always did)
        manifest["money"]["ledgers"] = {"overturned": ledgers["overturned"], "by_code": ledgers["by_code"],
                                        "stop_rule": ledgers["stop_rule"], "months": ledgers["months"],
                                        "recovered_is_reported": True}
        if ledgers.get("accounts_kept"):
            manifest["money"]["ledgers"]["accounts_kept"] = ledgers["accounts_kept"]
        if ledgers.get("late_months"):  # (payments made in the quarter for earlier months, checked too)
            manifest["money"]["ledgers"]["late_months"] = ledgers["late_months"]
    write_manifest(manifest, paths["manifest"])
    return paths
