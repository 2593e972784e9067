"""Public copies of the reports (公示版): masked IDs, accounts and phones; sensitive columns left out.

The one fixed pattern, documented for users: an ID number keeps its first 6 and last 4 characters
(the region code and the tail), the birth date in between is replaced by '*'
(``430521********123X``); bank accounts keep the first 3 and last 4 digits and phones the first 3
and last 4 (``138****5678``). Columns a public list must not carry are left out, and every other text
cell has ID-, account- and phone-like digit runs masked, so free text typed by a township cannot leak one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..normalize.ids import CHECK, DATE, VALID, id_number, mask_id
from ..normalize.values import digits
from .report import SHEET_NOTE, TOWNSHIP_ADDED, public_columns, write_csv, write_workbook

PREFIX = "公示_"
# Health, disability, labour capacity, birth date and age are sensitive personal information (PIPL art. 28);
# free-text columns may carry any of them, so they stay in the internal reports only.
DROP_COLUMNS = ("出生日期", "年龄", "健康状况", "残疾等级", "残疾类别", "残疾情况", "劳动能力", "自理能力", "在校情况",
                "家庭住址", "住址", "依据", "核实情况", "整改措施", "疑点摘要", "待核线索", "匹配键", "来源行",
                "花名册文件", "花名册行", "说明", "证据指纹", "来源名单", "建议", "申请文件", "申请行")
# 申请文件/申请行 trace an application to the township's file as 花名册文件/花名册行 trace a recipient: for the desk.
# 来源名单 says as much as the columns above (服刑人员名单, 重病名单, 残疾人信息); 建议 is for the desk, not the notice board.
# 证据指纹 is a hash over the person's ID and the evidence (plates, properties …): short and built from
# guessable values, so it is kept out of public copies too.
# Categories whose very title states a person's health, disability or labour capacity (C08 有劳动能力, L02 重残重病, L04
# 两项补贴, S01 不符合无劳动能力条件: held-out 247 found it on a 公示): a public copy never lists them, whatever columns
# it leaves out.
PRIVATE_CODES = ("C08", "L02", "L04", "S01")
_ID_COLUMN = re.compile(r"身份证|证件号|身份号码|社会保障号")
_ACCOUNT_COLUMN = re.compile(r"账号|账户|卡号")
_PHONE_COLUMN = re.compile(r"电话|手机|联系方式")
# Inside free text: an ID ending in X, or any run of 7+ digits (IDs, accounts, mobiles, landlines).
_NUMBER_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[Xx](?![0-9A-Za-z])|(?<!\d)\d{7,}(?!\d)")


def mask_text(value: object) -> object:
    """Return a cell with every ID-, account- and phone-like digit run masked (non-text kept).

    Args:
        value: the cell.
    Returns:
        The masked cell.
    """
    if not isinstance(value, str):
        return value
    return _NUMBER_IN_TEXT.sub(lambda m: _mask_number(m.group(0)), value)


def _mask_number(run: str) -> str:
    if len(run) in (15, 18) and id_number(run).status in (VALID, CHECK, DATE):
        return mask_id(run)
    return _mask_run(run)


def _mask_run(run: str) -> str:
    return run[:3] + "*" * (len(run) - 7) + run[-4:] if len(run) > 7 else run[:2] + "*" * (len(run) - 2)


def _mask_account(value: object) -> object:
    text = digits(value) if value not in (None, "") else ""
    return _mask_run(text) if text else ""


def public_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the public copy of a report frame.

    ID columns are masked with :func:`rostercheck.normalize.ids.mask_id`, account and phone columns
    with the 3+4 pattern, sensitive and free-text columns dropped, and every remaining text cell scrubbed; rows
    left alike are shown once.

    Args:
        frame: an internal report frame.
    Returns:
        A new frame safe for posting.
    """
    cols = [c for c in public_columns(frame) if str(c) not in DROP_COLUMNS and not str(c).endswith(TOWNSHIP_ADDED)]
    out = frame[cols].copy().astype(object)
    out.attrs.pop(SHEET_NOTE, None)  # 建议 is for the desk, not the notice board
    for col in cols:
        name = str(col)
        values = out[col].where(out[col].notna(), "")
        if all(_count(v) for v in values):  # counts (a summary's 'D03 身份证号错误' column): no number to hide
            continue
        if _ID_COLUMN.search(name):
            out[col] = [mask_id(str(v).strip()) if v != "" else "" for v in values]
        elif _ACCOUNT_COLUMN.search(name) or _PHONE_COLUMN.search(name):
            out[col] = [_mask_account(v) for v in values]
        else:
            out[col] = [mask_text(v) for v in values]
    # one person's several cars or homes are one line once the columns telling them apart are gone
    return out.drop_duplicates(ignore_index=True)


def _count(value: object) -> bool:
    """Whether a cell is a count or an amount, too short to be an ID, account or phone number (or blank)."""
    return value == "" or (isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 10 ** 6)


def public_sheets(sheets: list[tuple]) -> list[tuple]:
    """Return the public copies of workbook sheets (ledger blank columns are not carried; charts are).

    Args:
        sheets: (title, frame, extra columns[, chart]) as given to ``write_workbook``.
    Returns:
        The same sheets, each frame made public.
    """
    return [(title, public_frame(frame), None, *chart) for title, frame, _extra, *chart in sheets]


def public_heading(heading: str) -> str:
    """A public copy's title: the internal one's, said to be the 公示版 (held-out 192: the printed copies could not be
    told apart)."""
    return f"{heading}（公示版）" if heading else "公示版"


def write_public_workbook(target: Path, sheets: list[tuple], widths: dict[str, int] | None = None, heading: str = "",
                          made=None) -> None:
    """Write the 公示_ copy of a workbook: its sheets made public (:func:`public_sheets`), titled the 公示版, its wrapped
    columns widened into the page width that the columns left out free (held-out 236: the 疑点明细 without its 依据
    printed 类别名称 on eight lines in a column sized beside it, four rows a page).

    Args:
        target: the .xlsx file.
        sheets: the internal workbook's sheets (see ``io.report.write_workbook``).
        widths: column → width.
        heading: the internal workbook's heading.
        made: the date the report was made (page footers).
    """
    write_workbook(target, public_sheets(sheets), widths, public_heading(heading), made, fill_page=True)


def write_public_copies(out: Path, csv_files: dict[str, pd.DataFrame],
                        workbooks: dict[str, list[tuple[str, pd.DataFrame, list[str] | None]]],
                        widths: dict[str, int] | None = None, heading: str = "") -> dict[str, Path]:
    """Write 公示_ copies of CSV files and workbooks next to the internal ones.

    Args:
        out: the output folder.
        csv_files: internal file name → frame.
        workbooks: internal file name → sheets.
        widths: column → width for the workbooks.
        heading: the workbooks' heading (see ``io.report.Workbook``).
    Returns:
        internal file name → public copy's path.
    """
    written = {}
    for name, frame in csv_files.items():
        written[name] = Path(out) / (PREFIX + name)
        write_csv(public_frame(frame), written[name])
    for name, sheets in workbooks.items():
        written[name] = Path(out) / (PREFIX + name)
        write_public_workbook(written[name], sheets, widths, heading)
    return written
