"""Web pages saved as "Excel" files: a system's export that writes an HTML <table> under an .xls name.

Excel and WPS open such a file as a workbook, so a department sends it as its list. Each top-level <table> becomes
one grid, its cells' texts in rows, a cell spanning several columns or rows (colspan, rowspan) as a merged range, as a
worksheet's merged cells are read. An XML spreadsheet (Excel 2003 XML, <Workbook>) is no web page: io/xml2003.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputFileError, LimitExceededError
from .limits import Limits

# The head of a web page holding a table: a tag of a page or of a table within the first bytes.
_PAGE = re.compile(r"<(?:html|body|table|tr|td|th)\b", re.I)
# An Excel 2003 XML spreadsheet (its <Table> is no HTML table) or another XML document.
_XML = re.compile(r"<\?xml|<workbook\b|urn:schemas-microsoft-com:office:spreadsheet", re.I)
_BREAKS = {"br", "p", "div", "li"}  # tags a cell's text breaks a line at


def is_table_page(head: str) -> bool:
    """Whether a text file's head is a web page holding tables (not an XML spreadsheet)."""
    return bool(_PAGE.search(head)) and "<table" in head.lower() and not _XML.search(head)


def is_sheet_export(head: str) -> bool:
    """Whether a text file's head is a system's "Excel" export read as a workbook: a web page holding tables, or an
    Excel 2003 XML spreadsheet (:mod:`rostercheck.io.xml2003`)."""
    from .xml2003 import is_xml_workbook

    return is_table_page(head) or is_xml_workbook(head)


class _Tables(HTMLParser):
    """The top-level tables of a page: per table its rows of cell texts and its merged ranges."""

    def __init__(self, max_rows: int, max_cells: int) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[str]], list]] = []
        self.max_rows, self.max_cells, self.cells = max_rows, max_cells, 0
        self._depth = 0  # tables open (a table inside a cell is text of that cell)
        self._rows: list[list[str]] = []
        self._merged: list = []
        self._until: dict[int, int] = {}  # column → the last row a rowspan above covers it to
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._in_script = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self._in_script = True
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._rows, self._merged, self._until = [], [], {}
        elif self._depth != 1:
            if tag in _BREAKS and self._cell is not None:
                self._cell.append("\n")
        elif tag == "tr":
            self._end_cell()
            self._rows.append([])
            if len(self._rows) > self.max_rows:
                raise _TooBig("rows")
        elif tag in ("td", "th"):
            self._end_cell()
            if not self._rows:
                self._rows.append([])
            values = dict(attrs)
            self._span = (_span(values.get("rowspan")), _span(values.get("colspan")))
            self._cell = []
        elif tag in _BREAKS and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in_script = False
        elif tag == "table":
            if self._depth == 1:
                self._end_cell()
                self.tables.append((self._rows, self._merged))
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._in_script:
            self._cell.append(data)

    def _end_cell(self) -> None:
        """Place the open cell in its row: after the cells a rowspan above covers, spanning what it spans."""
        if self._cell is None:
            return
        text = re.sub(r"[ \t\r\f\v\xa0]+", " ", "".join(self._cell))
        text = "\n".join(line.strip() for line in text.split("\n")).strip("\n")
        self._cell = None
        r, row = len(self._rows) - 1, self._rows[-1]
        while self._until.get(len(row), -1) >= r:
            row.append("")
        c = len(row)
        rows, cols = self._span
        self.cells += rows * cols  # (every cell a span covers counted before any is placed: no page outgrows the bounds)
        if self.cells > self.max_cells:
            raise _TooBig("cells")
        row.extend([text] + [""] * (cols - 1))
        if rows > 1:
            self._until.update((c + dc, r + rows - 1) for dc in range(cols))
        if rows > 1 or cols > 1:
            self._merged.append(((r, c), (r + rows - 1, c + cols - 1)))


class _TooBig(Exception):
    """A page with more rows or cells than the limits allow (its argument: which)."""


def _span(value: str | None) -> int:
    """A colspan/rowspan attribute as a count (1 when absent or unreadable; at most 1,000)."""
    try:
        return min(max(int(str(value).strip()), 1), 1000)
    except (TypeError, ValueError):
        return 1


def table_rows(text: str, path: Path, limits: Limits) -> list[tuple[list[list[str]], list]]:
    """The top-level tables of a web page: per table (rows of cell texts, merged ranges), tables without a row left out.

    Args:
        text: the page, decoded.
        path: the file (for messages).
        limits: the safety bounds (rows, cells).
    Returns:
        The tables, in page order.
    Raises:
        LimitExceededError: for a page beyond the bounds.
        InputFileError: for a page holding no table row.
    """
    parser = _Tables(limits.max_rows + 1, limits.max_cells)
    try:
        parser.feed(text)
        parser.close()
    except _TooBig as exc:
        raise LimitExceededError(path, limits.too_many_rows() if exc.args[0] == "rows" else
                                 f"超过 {limits.max_cells} 个单元格的安全上限，已拒绝读取。") from None
    tables = [(rows, merged) for rows, merged in parser.tables if any(any(c for c in row) for row in rows)]
    if not tables:
        raise InputFileError(path, "是网页（HTML）格式，其中没有表格数据。请用 Excel/WPS 打开后另存为 .xlsx 再试。")
    for rows, _ in tables:  # every row as wide as the widest (a short row's missing cells are blank)
        width = max(len(r) for r in rows)
        for r in rows:
            r.extend([""] * (width - len(r)))
    return tables
