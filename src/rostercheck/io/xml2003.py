"""Excel 2003 XML spreadsheets (XML Spreadsheet 2003, SpreadsheetML) saved under an .xls name.

Systems and WPS write a list as this XML (``<?mso-application progid="Excel.Sheet"?><Workbook xmlns=
"urn:schemas-microsoft-com:office:spreadsheet">``) and name it .xls; Excel and WPS open it as a workbook, so a
department sends it as its list. Each worksheet becomes one grid: its cells' texts in rows, placed by ``ss:Index``,
a cell spanning several columns or rows (``ss:MergeAcross``, ``ss:MergeDown``) as a merged range; hidden sheets and
notes pages are left out and named as in any workbook (:func:`rostercheck.io.read._sheet_wanted`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputFileError, LimitExceededError
from .limits import Limits

SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
X = "{urn:schemas-microsoft-com:office:excel}"
# The head of such a file: the spreadsheet namespace on a <Workbook> element.
_WORKBOOK = re.compile(r"<(?:\w+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet", re.S)
# A document type declaration: never in a spreadsheet's export; entities could expand without bound.
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_MAX_SPAN = 1000  # the widest merge taken (as for a web page's colspan)


def is_xml_workbook(head: str) -> bool:
    """Whether a text file's head is an Excel 2003 XML spreadsheet."""
    return bool(_WORKBOOK.search(head))


def _number(value: str | None, default: int) -> int:
    """An ``ss:Index`` or merge attribute as a whole number (``default`` when absent or unreadable)."""
    try:
        return max(int(str(value).strip()), 0)
    except (TypeError, ValueError):
        return default


def _cell_text(data: ET.Element | None) -> str:
    """A cell's text as written; a date-time of midnight as its date ('2026-05-01T00:00:00.000' → '2026-05-01')."""
    if data is None:
        return ""
    value = "".join(data.itertext()).strip()
    if data.get(f"{SS}Type") == "DateTime":
        day, _, time = value.partition("T")
        return day if not time.strip("0:.") else f"{day} {time[:8]}"
    return value


def _hidden(sheet: ET.Element) -> bool:
    """Whether a worksheet is hidden (``<x:Visible>SheetHidden</x:Visible>`` in its options)."""
    shown = sheet.find(f"{X}WorksheetOptions/{X}Visible")
    return shown is not None and "hidden" in (shown.text or "").lower()


def sheet_rows(sheet: ET.Element, path: Path, limits: Limits, counted: list[int]) -> tuple[list[list[str]], list]:
    """One worksheet's rows of cell texts and its merged ranges ((row0, col0), (row1, col1)).

    Args:
        sheet: the ``<Worksheet>`` element.
        path: the file (for messages).
        limits: the safety bounds (rows, cells).
        counted: the cells of the file counted so far (one number, updated).
    Returns:
        (rows, each as wide as the widest; merged ranges).
    Raises:
        LimitExceededError: beyond the bounds.
    """
    rows: dict[int, dict[int, str]] = {}
    merged, below = [], {}  # below: column → the last row a MergeDown above covers
    r = -1
    for row in sheet.iterfind(f"{SS}Table/{SS}Row"):
        r = _number(row.get(f"{SS}Index"), r + 2) - 1
        if r > limits.max_rows:
            raise LimitExceededError(path, limits.too_many_rows())
        cells, c = rows.setdefault(r, {}), -1
        for cell in row.iterfind(f"{SS}Cell"):
            at = cell.get(f"{SS}Index")
            c = _number(at, 0) - 1 if at is not None else c + 1
            while at is None and below.get(c, -1) >= r:  # a cell merged down from above is not written again
                c += 1
            across = min(_number(cell.get(f"{SS}MergeAcross"), 0), _MAX_SPAN)
            down = min(_number(cell.get(f"{SS}MergeDown"), 0), _MAX_SPAN)
            counted[0] += 1
            if counted[0] > limits.max_cells or c > 16_384:
                raise LimitExceededError(path, f"超过 {limits.max_cells} 个单元格的安全上限，已拒绝读取。")
            cells[c] = _cell_text(cell.find(f"{SS}Data"))
            if across or down:
                merged.append(((r, c), (r + down, c + across)))
                if down:
                    below.update((c + k, r + down) for k in range(across + 1))
            c += across
    if not rows:
        return [], []
    height = max(max(rows) + 1, max((m[1][0] + 1 for m in merged), default=0))
    width = max((max(cells) + 1 for cells in rows.values() if cells), default=0)
    width = max(width, max((m[1][1] + 1 for m in merged), default=0))
    grid = [[""] * width for _ in range(height)]
    for r, cells in rows.items():
        for c, value in cells.items():
            grid[r][c] = value
    return grid, merged


def workbook_sheets(data: bytes, path: Path, limits: Limits) -> list[tuple[str, bool, list[list[str]], list]]:
    """Every worksheet of an Excel 2003 XML spreadsheet: (name, hidden, rows, merged ranges), in workbook order.

    Args:
        data: the file's bytes.
        path: the file (for messages).
        limits: the safety bounds.
    Returns:
        The worksheets.
    Raises:
        InputFileError: for XML that does not parse or declares a document type.
        LimitExceededError: beyond the bounds.
    """
    if _DTD.search(data[:1 << 16]):
        raise InputFileError(path, "是 XML 文件，但含有文档类型声明（DOCTYPE），不是 Excel 导出的表格，已拒绝读取。"
                                   "请用 Excel/WPS 打开后另存为 .xlsx 再试。")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = getattr(exc, "position", (0, 0))[0]
        raise InputFileError(path, f"是 Excel 2003 XML 表格，但文件不完整或已损坏（第 {line} 行附近），无法读取。"
                                   "请用 Excel/WPS 打开后另存为 .xlsx，或从原系统重新导出。") from None
    counted = [0]
    return [(sheet.get(f"{SS}Name") or f"Sheet{k}", _hidden(sheet), *sheet_rows(sheet, path, limits, counted))
            for k, sheet in enumerate(root.iterfind(f"{SS}Worksheet"), 1)]
