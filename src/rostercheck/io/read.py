"""Raw grids from .xlsx/.xlsm/.xls workbooks and from text files (CSV, GBK, UTF-16 "Unicode text").

The format is sniffed from the first bytes, never trusted from the file name. Cells keep the type the
file gave them (a number stays a float) so that IDs typed as numbers can be recognised later.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EncryptedFileError, InputFileError, LimitExceededError, os_reason
from .limits import Limits, check_zip_workbook
from .ole import ENCRYPTED, check_ole_workbook

XLSX, XLS, TEXT, PARQUET = "xlsx", "xls", "text", "parquet"
_NOTE_SHEET = re.compile(r"说明|填表|备注|注意|说明书|readme|instruction|notes?$|目录|封面|字典|代码表|^(?:代码|编码)[集]?$", re.I)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
PARQUET_MAGIC = b"PAR1"


@dataclass
class Grid:
    """One sheet (or text file) as rows of cells.

    Attributes:
        path: the file.
        sheet: the sheet name ('' for text files).
        rows: the cells, row by row; blanks are ''.
        first_row: the 1-based spreadsheet row number of ``rows[0]``.
        merged: merged ranges as ((row0, col0), (row1, col1)), relative to ``rows``.
        fmt: XLSX, XLS or TEXT.
        notes: things the user should know about the file (Chinese), e.g. hidden sheets skipped.
        note_sheet: the sheet is named like a notes page (填表说明, 备注, 目录 …): read only when its
            header shows it holds data after all.
        columns: the whole sheet as Arrow text columns (fastexcel), when it was read that way; ``rows``
            then holds only its first :data:`HEAD_ROWS` rows, enough to find the header and judge columns.
            Use :meth:`height`, :meth:`cells` and :meth:`data_rows` for the rest.
        whole_height: the sheet's height when ``rows`` holds only its first rows (:func:`read_grids` with ``head``).
    """

    path: Path
    sheet: str
    rows: list[list]
    first_row: int = 1
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    fmt: str = TEXT
    notes: list[str] = field(default_factory=list)
    note_sheet: bool = False
    columns: object = None
    whole_height: int | None = None

    @property
    def height(self) -> int:
        """The number of rows of the whole sheet."""
        if self.whole_height is not None:
            return self.whole_height
        return len(self.rows) if self.columns is None else self.columns.num_rows

    def cells(self, col: int, start: int) -> list:
        """One column's cells from row ``start`` down ('' past a row's end).

        Args:
            col: the column index.
            start: the first row.
        Returns:
            The cells.
        """
        return self.data_columns([col], start)[col]

    def id_cells(self, col: int, start: int):
        """One column's cells from row ``start`` down for :meth:`bulk.KeySet.keeps`: the Arrow text array
        when the sheet was read as columns (blanks null; a date-time text is never an ID), else :meth:`cells`."""
        if self.columns is None:
            return self.cells(col, start)
        if col >= self.columns.num_columns:
            return [""] * max(0, self.height - start)
        return self.columns.column(col).slice(start)

    def data_rows(self, start: int, at=None) -> list[list]:
        """The rows from ``start`` down, or only those at positions ``at`` (relative to ``start``).

        Args:
            start: the first row.
            at: positions to take (None for all).
        Returns:
            The rows, as lists of cells.
        """
        if self.columns is None:
            data = self.rows[start:]
            return data if at is None else [data[i] for i in at]
        part = self.columns.slice(start)
        if at is not None:
            part = part.take(at)
        return _python_rows(part)

    def data_columns(self, cols, start: int, at=None) -> dict[int, list]:
        """Some columns' cells from ``start`` down (only at positions ``at``, relative to ``start``, when given).

        Args:
            cols: column indexes (those past the sheet's width come back blank).
            start: the first row.
            at: positions to take (None for all).
        Returns:
            column → its cells (a pandas Categorical for a sheet read as columns, see :func:`_cells_coded`).
        """
        if self.columns is None:
            rows = self.data_rows(start, at)
            return {c: [row[c] if c < len(row) else "" for row in rows] for c in cols}
        part = self.columns.slice(start)
        if at is not None:
            part = part.take(at)
        return {c: (_cells_coded(part.column(c)) if c < part.num_columns else [""] * part.num_rows) for c in cols}

    def part(self, begin: int, end: int) -> "Grid":
        """Rows ``begin`` to ``end`` (exclusive) as a grid of their own, their spreadsheet row numbers kept: one of the
        tables stacked in a sheet (``io.table._stacked_tables``).

        Args:
            begin: the first row.
            end: the row after the last.
        Returns:
            The grid (the merged ranges wholly inside it kept; no notes).
        """
        merged = [((r0 - begin, c0), (r1 - begin, c1)) for (r0, c0), (r1, c1) in self.merged if begin <= r0 and r1 < end]
        columns = None if self.columns is None else self.columns.slice(begin, end - begin)
        # (the first rows as filled from their merged ranges are kept; a later part's are read from its columns)
        rows = self.rows[begin:end] if columns is None or begin == 0 else _python_rows(columns.slice(0, HEAD_ROWS))
        return Grid(self.path, self.sheet, rows, self.first_row + begin, merged, self.fmt, note_sheet=self.note_sheet,
                    columns=columns)

    def filled(self) -> bool:
        """Whether any cell of the sheet holds a value."""
        if self.columns is not None:
            return any(c.null_count < len(c) for c in self.columns.columns)
        return any(any(_filled(c) for c in row) for row in self.rows)


def file_name(path: object) -> str:
    """A file's name without its folders, for a path written with either separator (a Windows path read on Linux, a
    .zip member's name)."""
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def is_xlsx(path: Path) -> bool:
    """Whether a file is an .xlsx workbook (a zip of XML parts): by its name, or, named .xls or .et (a workbook saved
    with the wrong extension, WPS's .et that is an .xlsx), by its first bytes — so what the zip parts give (a big
    sheet's sparse read, struck rows, formulas without values) reaches it too (held-out 379)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return True
    if suffix not in (".xls", ".et"):
        return False
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def sniff_format(path: Path) -> str:
    """Return the real format of a file from its first bytes.

    Args:
        path: the file.
    Returns:
        XLSX, XLS, PARQUET or TEXT.
    Raises:
        InputFileError: for missing, empty, directory or binary files of other kinds.
    """
    if not path.exists():
        raise InputFileError(path, "文件不存在，请检查路径是否正确。")
    if path.is_dir():
        raise InputFileError(path, "这是一个文件夹，不是表格文件，请指定具体的 .xlsx/.xls/.csv 文件。")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputFileError(path, f"无法打开（{os_reason(exc)}），请确认文件未被其他程序占用且有读取权限。") from exc
    if not head:
        raise InputFileError(path, "文件是空的（0 字节），请重新导出后再试。")
    if head.startswith(b"PK\x03\x04"):
        return XLSX
    if head.startswith(_OLE_MAGIC):
        return XLS
    if head.startswith(PARQUET_MAGIC):
        return PARQUET
    if head.startswith((b"PK", b"\x1f\x8b", b"%PDF", b"Rar!", b"7z\xbc\xaf")):
        raise InputFileError(path, "不是可识别的表格文件（可能是压缩包或 PDF），请另存为 .xlsx 或 .csv 再试。")
    return TEXT


def read_grids(path: Path, limits: Limits | None = None, note_sheets: bool = False,
               columnar: bool = False, sparse: bool = False, head: int | None = None, ledger: bool = False
               ) -> list[Grid]:
    """Read every candidate sheet of a file as a :class:`Grid`.

    Hidden sheets and empty sheets are skipped; hidden rows and columns are read like any other
    (hiding is a display choice, not a deletion). Sheets named like notes (填表说明 …) are skipped too,
    unless ``note_sheets`` asks for them (flagged, for the caller to judge by their header). Skipped
    sheets are named in the first grid's ``notes``.

    Args:
        path: the file.
        limits: safety bounds (defaults, or ROSTERCHECK_MAX_* environment variables, when None).
        note_sheets: also return sheets named like notes, with ``note_sheet`` set.
        columnar: the caller reads rows through :meth:`Grid.data_rows`: .xlsx sheets without merged
            cells or long numbers may come as Arrow text columns (fastexcel: a third of the work of
            turning every cell into a Python object first).
        sparse: the caller keeps only rows whose ID a filter keeps (``io.table.to_table`` with ``keep``): a big
            one-sheet .xlsx may come as a :class:`io.sparse.SparseGrid`, whose other rows are read when asked for.
        head: the caller looks at the first rows only: an .xlsx sheet of :data:`HEAD_XML_BYTES` or more comes with this
            many rows, its height in ``Grid.whole_height`` (after the same safety scan as a whole read).
        ledger: the file is a problem list read back by review: rows a filter hides are said as read into the look-back,
            without a list's advice to delete them (a finding deleted from a return is what review warns of).
    Returns:
        The grids, in workbook order (at least one).
    Raises:
        InputFileError: when the file cannot be read or holds no usable sheet.
    """
    limits = limits or Limits.from_env()
    path = Path(path)
    fmt = sniff_format(path)
    if path.stat().st_size > limits.max_file_mb * 1024 * 1024:
        raise LimitExceededError(path, f"文件超过 {limits.max_file_mb:.0f} MB 的安全上限，已拒绝读取。")
    notes: list[str] = []
    if path.name.startswith("~$") and fmt != XLSX:  # the lock file Excel and WPS keep beside an open workbook
        raise InputFileError(path, "这是 Excel/WPS 打开工作簿时生成的临时锁定文件（文件名以 ~$ 开头），不是花名册或名单。"
                                   "请改为选择同一文件夹中的工作簿本身（锁定文件在关闭工作簿后会自动消失）。")
    if fmt == TEXT:
        from .html import is_table_page
        from .xml2003 import is_xml_workbook

        with path.open("rb") as fh:  # (the head, read once: which kind of text it is)
            start = fh.read(DELIMITED_HEAD_BYTES)
        head = start.decode("utf-8", errors="ignore")
        # (a web page or an Excel 2003 XML spreadsheet under an .xlsx name is read as under an .xls name, h431)
        if is_xml_workbook(head):
            grids = xml_grids(path, limits, notes, note_sheets)
        elif is_table_page(head):
            grids = page_grids(path, limits)
        elif path.suffix.lower() in WORKBOOK_ONLY:
            if said := delimited_text(start):
                # a system's "Excel" export that is comma-separated text (h435): read as the CSV it is, said
                grids = [_read_text(path, limits, columnar)]
                grids[0].notes.append(renamed_text_note(path, said))
            elif b"\x00" in start[:4096] and not start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                # (h431: bytes of no kind were told to be a text file to rename .csv)
                raise InputFileError(path, f"扩展名是 {path.suffix}，但内容既不是 Excel 工作簿，也不是文本表格（文件已损坏或不完整）。"
                                           "请从原处重新复制或重新导出后再试。")
            else:
                raise InputFileError(path, f"扩展名是 {path.suffix}，但内容不是 Excel 工作簿（可能是改了扩展名的文本文件）。"
                                           "请用 Excel/WPS 打开后另存为 .xlsx，或把扩展名改回 .csv 再试。")
        else:
            grids = [_read_text(path, limits, columnar)]
    elif fmt == PARQUET:
        rows = parquet_rows(path, limits.max_rows + 2)
        if len(rows) > limits.max_rows + 1:
            raise LimitExceededError(path, limits.too_many_rows())
        grids = [Grid(path, "", rows, 1, [], PARQUET)]
    else:
        if fmt == XLSX:
            from .sparse import MIN_XML_BYTES, first_rows_book, read_sparse

            keep = HEAD_XML_BYTES if head else MIN_XML_BYTES if columnar and sparse else None
            scan = check_zip_workbook(path, limits, keep)
            cut = first_rows_book(path, scan, head) if head and scan.kept else None
            if cut is not None:
                grids = _read_workbook(path, fmt, limits, notes, note_sheets, cut[0])
                for grid in grids:
                    grid.whole_height = cut[1].get(grid.sheet)
                if scan.errors:
                    _error_values(path, grids)
            elif columnar and not scan.typed and not scan.errors and scan.sheets:
                grids = read_sparse(path, scan, limits, notes, note_sheets) if sparse and scan.placed else None
                if grids is None:
                    grids = _read_columns(path, scan.sheets, limits, notes, note_sheets)
            else:
                grids = _read_workbook(path, fmt, limits, notes, note_sheets)
                if scan.errors:
                    _error_values(path, grids)
            notes += _filtered_out(path, scan.filtered, ledger)
        else:
            check_ole_workbook(path, limits.max_cells, limits.max_rows)
            grids = _read_workbook(path, fmt, limits, notes, note_sheets)
    grids = [g for g in grids if g.filled()]
    if fmt == XLSX and grids:  # a legend in a header cell's comment (批注), read as if written in the header (h484)
        from .comments import comment_legends

        notes += comment_legends(path, grids)
    if not grids:  # the sheets left unread named, each with what to do (a hidden sheet: unhide it)
        raise InputFileError(path, "没有找到含数据的工作表（表格为空，或只有说明页/隐藏页）。" + "".join(notes))
    grids[0].notes.extend(notes)
    return grids


def skipped_note(sheet: str) -> str:
    """The warning for a sheet left unread because it is named like a notes page.

    Args:
        sheet: the sheet's name.
    Returns:
        The Chinese warning.
    """
    if re.search(r"代码|字典|编码", sheet):  # a system's code table (held-out 104: its advice led nowhere)
        return (f"工作表“{sheet}”像是代码说明表，未作为数据读取，其中的代码说明也未用上（没有写明是哪一列的代码，或表中没有该列）；"
                "其他工作表中的代码如未能识别，会另有提示，请按提示把代码含义写进配置文件后重新运行。")
    return f"工作表“{sheet}”的名称像填表说明、备注或目录，未读取；如其中是有效数据，请把工作表改名后重新运行。"


def _filled(cell: object) -> bool:
    return cell is not None and cell != ""


def _sheet_wanted(name: str, visible: bool, count: int, notes: list[str], note_sheets: bool) -> bool | None:
    """Whether to load a sheet: False for hidden ones and notes pages (named in ``notes``), else whether
    it is named like a notes page (loaded only when ``note_sheets``, for the caller to judge), as
    ``Grid.note_sheet`` records it; None means skip."""
    if not visible:
        notes.append(f"隐藏的工作表“{name}”未读取；如其中是有效数据，请取消隐藏后重新运行。")
        return None
    note_sheet = bool(_NOTE_SHEET.search(name)) and count > 1
    if note_sheet and not note_sheets:
        notes.append(skipped_note(name))  # named, not loaded
        return None
    return note_sheet


def _check_extent(path: Path, name: str, height: int, width: int, limits: Limits) -> None:
    if height > limits.max_rows or height * width > limits.max_cells:
        raise LimitExceededError(path, limits.too_many_rows(name))


@contextlib.contextmanager
def _reader_errors(path: Path):
    """Turn a workbook reader's errors (calamine and fastexcel raise several unrelated types) into one message."""
    try:
        yield
    except (InputFileError, MemoryError):
        raise
    except Exception as exc:
        raise _broken(path, exc) from exc
    except BaseException as exc:  # pyo3 PanicException derives from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise _broken(path, exc) from exc


def _filtered_out(path: Path, sheets: tuple[str, ...], ledger: bool = False) -> list[str]:
    """Say the rows an AutoFilter, or a clerk by hand, hides: read like any other, which a clerk who hid them may not
    expect (held-out 254: 已停保 households hidden by hand, unsaid); a township that filtered its returned problem list
    too (held-out 234: ``ledger``, whose rows are findings to review, not rows to delete)."""
    from .limits import filtered_rows

    out = []
    for sheet in sheets:
        rows, by_filter = filtered_rows(path, sheet)
        if rows:
            shown = "、".join(map(str, rows[:5])) + (" 等" if len(rows) > 5 else "")
            how = ("设置了筛选，", "被筛选隐藏", "筛选") if by_filter else ("", "被隐藏", "隐藏")
            out.append(f"工作表“{sheet}”{how[0]}第 {shown} 行（共 {len(rows)} 行）{how[1]}，"
                       + (f"仍全部读取、参与回头看（{how[2]}不等于删除）。" if ledger else
                          "仍全部读取、参与核查；如这些行不应核查，请删除后重新运行。"))
    return out


def _error_values(path: Path, grids: list[Grid]) -> None:
    """Put back the error values (#N/A, #REF!) python-calamine gives as blank cells, as their text: an ID, a date or an
    amount that is an error is then said as such (an unreadable date lowers the confidence, as 不详 does; an ID #N/A
    is a fault of the ID, not a blank one), not taken as left blank (held-out 185)."""
    from .limits import error_cells

    for grid in grids:
        for (r, c), value in error_cells(path, grid.sheet).items():
            r -= grid.first_row - 1
            if 0 <= r < len(grid.rows) and 0 <= c < len(grid.rows[r]) and grid.rows[r][c] in ("", None):
                grid.rows[r][c] = value


def _read_workbook(path: Path, fmt: str, limits: Limits, notes: list[str], note_sheets: bool,
                   data: bytes | None = None) -> list[Grid]:
    """Read a workbook's sheets as rows of typed cells, with merged ranges (python-calamine); from ``data`` when given
    (the workbook cut after its first rows, :func:`io.sparse.first_rows_book`), else from the file."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError as exc:  # pragma: no cover - dependency missing
        raise InputFileError(path, "缺少读取 Excel 所需的组件 python-calamine，请重新安装本工具。") from exc
    grids: list[Grid] = []
    book = None
    try:
        with _reader_errors(path):
            # from the content, not the extension: a .xls may really be .xlsx
            with path.open("rb") if data is None else io.BytesIO(data) as fh:
                book = CalamineWorkbook.from_filelike(fh)
            metas = [m for m in book.sheets_metadata if "worksheet" in str(m.typ).lower()]
            for meta in metas:
                visible = str(meta.visible).split(".")[-1].lower() == "visible"
                note_sheet = _sheet_wanted(meta.name, visible, len(book.sheets_metadata), notes, note_sheets)
                if note_sheet is None:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                _check_extent(path, meta.name, sheet.height, sheet.width, limits)
                rows = sheet.to_python(skip_empty_area=False) if sheet.height else []
                merged = []
                try:
                    merged = [tuple(map(tuple, r)) for r in (sheet.merged_cell_ranges or [])]
                except Exception:  # merged ranges are a nicety; some formats do not expose them
                    merged = []
                grids.append(Grid(path, meta.name, rows, 1, merged, fmt, note_sheet=note_sheet))
    finally:
        try:
            if book is not None:
                book.close()
        except Exception:
            pass
    return grids


HEAD_ROWS = 300
# A worksheet whose XML is this big (some 20,000 rows) is cut after its first rows when only those are wanted
HEAD_XML_BYTES = 8 << 20
# How fastexcel writes a date or time cell as text; turned back into the date python-calamine gives.
_DATETIME_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
_DATETIME_BYTES = len("2026-01-01 00:00:00")


def _read_columns(path: Path, sheets, limits: Limits, notes: list[str], note_sheets: bool) -> list[Grid]:
    """Read an .xlsx workbook's sheets as Arrow text columns (fastexcel), the first rows also as lists.

    Only for workbooks without merged cells or numbers of 14+ digits (see ``XlsxScan.typed``): there
    every cell's text is what python-calamine gives, dates and times aside (:func:`_python_cells`).
    """
    import fastexcel

    grids: list[Grid] = []
    with _reader_errors(path):
        # fastexcel picks its reader by the extension: a workbook named .xls (or .et) is given as its bytes
        named = path.suffix.lower() in (".xlsx", ".xlsm")
        reader = fastexcel.read_excel(str(path) if named else path.read_bytes())
        for name, visible in sheets:
            note_sheet = _sheet_wanted(name, visible, len(sheets), notes, note_sheets)
            if note_sheet is None:
                continue
            sheet = text_sheet(reader, name)
            _check_extent(path, name, sheet.height, sheet.width, limits)
            columns = sheet.to_arrow()
            grids.append(Grid(path, name, _python_rows(columns.slice(0, HEAD_ROWS)), 1, [], XLSX,
                              note_sheet=note_sheet, columns=columns))
    return grids


def text_sheet(reader, name: str):
    """A fastexcel sheet with every cell as text, from the sheet's first row (what every columnar read asks for)."""
    return reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")


def _python_cells(column) -> list:
    """An Arrow text column as cells: blanks '', dates and times as python-calamine gives them."""
    import pyarrow.compute as pc

    values = column.to_pylist()
    if column.null_count:
        values = ["" if v is None else v for v in values]
    if len(column) and _has_datetime_text(column):
        values = [_datetime(v) if _DATETIME_TEXT.match(v) else v for v in values]
    return values


def _has_datetime_text(column) -> bool:
    """Whether some cell of an Arrow text column matches :data:`_DATETIME_TEXT` (RE2: ``\\d`` is [0-9], ``$`` the end of
    the text): only cells of its 19 bytes can, and only those are searched (a city's columns have none: the pattern
    tried on every cell of every column read, 0.05 s of a roster, ~0.3 s of a city's lists)."""
    import pyarrow.compute as pc

    shaped = pc.equal(pc.binary_length(column), _DATETIME_BYTES)
    if not pc.any(shaped).as_py():
        return False
    return bool(pc.any(pc.match_substring_regex(pc.filter(column, shaped), _DATETIME_TEXT.pattern)).as_py())


def _cells_coded(column):
    """:func:`_python_cells` as a pandas Categorical (the Arrow dictionary's codes kept): each distinct value becomes a
    Python cell once, and what reads the column later (:func:`reference.by_value`) converts each category once."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if pa.types.is_null(column.type):
        column = pa.array([None] * len(column), type=pa.string())
    encoded = pc.dictionary_encode(column)
    uniques = _python_cells(encoded.dictionary) if len(encoded.dictionary) else []
    indices = encoded.indices
    if indices.null_count:  # blank cells: the category '' (the dictionary's own '' when it has one)
        blank = next((k for k, v in enumerate(uniques) if v == ""), len(uniques))
        if blank == len(uniques):
            uniques.append("")
        indices = indices.fill_null(blank)
    codes = indices.to_numpy(zero_copy_only=False)
    return pd.Categorical.from_codes(codes, dtype=_distinct_categories(pd.Index(uniques, dtype=object)))


def _distinct_categories(categories):
    """A categorical dtype of categories known to be distinct: an Arrow dictionary's texts as :func:`_python_cells`
    gives them (a date-time text becomes the one date or date-time it writes) and '' only when none of them is. pandas'
    own check hashes every category (a roster's 180,000 IDs); its fast path, where this pandas has it, does not."""
    import pandas as pd

    fast = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    if fast is not None:
        try:
            dtype = fast(categories, False)
        except TypeError:  # a pandas whose private fast path takes other arguments: the public way
            dtype = None
        if isinstance(dtype, pd.CategoricalDtype):
            return dtype
    return pd.CategoricalDtype(categories)


def _datetime(value: str):
    import datetime as dt

    moment = dt.datetime.fromisoformat(value)
    return moment.date() if value.endswith(" 00:00:00") else moment


def _python_rows(columns) -> list[list]:
    """Arrow text columns as rows of cells (see :func:`_python_cells`)."""
    cols = [_python_cells(c) for c in columns.columns]
    return [list(row) for row in zip(*cols)] if cols else []


def _broken(path: Path, exc: BaseException) -> InputFileError:
    text = str(exc).lower()
    if "password" in text or "encrypt" in text or type(exc).__name__ == "PasswordError":
        return EncryptedFileError(path, ENCRYPTED)
    return InputFileError(path, "不是有效的 Excel 文件（文件已损坏、不完整或扩展名不符），请用 Excel/WPS 打开后另存为 .xlsx 再试。")


# Undecodable spots read as U+FFFD (with a warning naming their lines) in text that is otherwise clean UTF-8 or GBK:
# a stray byte from a faulty export, which a clerk cannot mend; more than this and the file is refused (a file with
# a UTF-8 BOM is read whatever the damage, as before, its first spots named).
FEW_BAD_BYTES = 3


def _bomless_utf16(sample: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' for text in UTF-16 without a BOM, else '': its ASCII characters (digits, commas, line
    ends) leave their zero byte second (LE) or first (BE), on one side only; the first character may be Chinese, with no
    zero byte at all (held-out 156: 姓名 read as big-endian, the file skipped)."""
    odd, even = sample[1::2].count(b"\x00"), sample[0::2].count(b"\x00")
    if not sample or odd + even <= len(sample) // 4:
        return ""
    return "utf-16-le" if odd >= even else "utf-16-be"


def decode_text(data: bytes, path: Path, notes: list[str] | None = None) -> str:
    """Decode a text table: BOMs first, then UTF-8, then GB18030 (a superset of GBK), then either with a few
    undecodable spots (:data:`FEW_BAD_BYTES`) read as U+FFFD.

    Args:
        data: the file's bytes.
        path: the file (for messages).
        notes: where to say which lines held undecodable bytes (None: not said).
    Returns:
        The text.
    Raises:
        InputFileError: when the bytes are not text in any of those encodings.
    """
    if data.startswith(codecs.BOM_UTF8):
        text, bad = _decode_nearly(data[3:], "utf-8")
        _note_bad_bytes(data[3:], bad, notes)
        return data[3:].decode("utf-8", errors="replace") if text is None else text
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if enc := _bomless_utf16(sample):
        return data.decode(enc, errors="replace")
    for encoding in ("utf-8", "gb18030"):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(encoding)
    for encoding in ("utf-8", "gb18030"):
        text, bad = _decode_nearly(data, encoding)
        if text is not None:
            _note_bad_bytes(data, bad, notes)
            return text
    raise InputFileError(path, f"不是可识别的表格文件（既不是 Excel，也不是 UTF-8/GBK 编码的 CSV 文本；按 GBK 读取时第 "
                               f"{_line_of(data, bad[0])} 行起有多处无法识别的字节），请用 Excel/WPS 打开后另存为 .xlsx "
                               "或 .csv 再试，或从原系统重新导出。")


def _decode_nearly(data: bytes, encoding: str) -> tuple[str | None, list[int]]:
    """``data`` decoded with each undecodable sequence read as U+FFFD (as errors='replace' does), and where those
    sequences start; None for the text once more than :data:`FEW_BAD_BYTES` are found (the search stops there:
    each costs a copy of the rest of the data, in the error)."""
    view, pieces, bad, at = memoryview(data), [], [], 0
    while True:
        try:
            pieces.append(str(view[at:], encoding))
            return "".join(pieces), bad
        except UnicodeDecodeError as exc:
            bad.append(at + exc.start)
            if len(bad) > FEW_BAD_BYTES:
                return None, bad
            pieces += [str(view[at:at + exc.start], encoding), codecs.replace_errors(exc)[0]]
            at += exc.end


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _note_bad_bytes(data: bytes, bad: list[int], notes: list[str] | None) -> None:
    """Say which lines held undecodable bytes (their text is not quoted: it may hold an ID)."""
    if bad and notes is not None:
        lines = "、".join(str(n) for n in dict.fromkeys(_line_of(data, at) for at in bad))
        count = f"共 {len(bad)} 处" if len(bad) <= FEW_BAD_BYTES else f"至少 {len(bad)} 处"
        notes.append(f"第 {lines} 行有无法识别的字节（{count}，可能是导出时损坏），该处按乱码读取，其余内容照常读取；"
                     "请核对该行的姓名、身份证号等是否正确，必要时从原系统重新导出。")


def _read_text(path: Path, limits: Limits, columnar: bool = False) -> Grid:
    notes: list[str] = []
    text, delimiter = text_of(path, limits, notes)
    grid = _text_columns(path, text, delimiter, limits) if columnar else None
    if grid is not None:
        grid.notes.extend(notes)
        return grid
    csv.field_size_limit(1 << 30)
    # strict: a quote opened and never closed swallows every line after it into one cell (rows lost, a wrong row
    # read as another's): refused, not read
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > limits.max_rows:
                raise LimitExceededError(path, limits.too_many_rows())
    except csv.Error as exc:
        line = 1 + sum(1 + sum(cell.count("\n") for cell in row) for row in rows)  # where the bad row begins
        raise InputFileError(path, f"CSV 格式有误：第 {line} 行附近引号不配对（或含有非法字符），"
                                   "请用 Excel/WPS 打开后另存为 .csv 再试。") from exc
    return Grid(path, "", rows, 1, [], TEXT, notes=notes)


def _text_columns(path: Path, text: str, delimiter: str, limits: Limits) -> Grid | None:
    """A text table as Arrow text columns (pyarrow.csv), when they hold exactly the rows the csv module reads.

    That is certain when no cell is quoted, every line ends in '\\n' or '\\r\\n' and holds the same number
    (two or more) of cells: then each line is one row, split at the delimiter alone. Anything else (quotes,
    blank lines, title lines of another width, a lone '\\r', no filled cell) returns None, and so does a cell
    shaped like fastexcel's date-time text (``_python_cells`` would turn it into a date).
    """
    import pyarrow.compute as pc

    if not text or '"' in text or text.count("\r") != text.count("\r\n"):
        return None
    if text.startswith(("\n", "\r\n")) or "\n\n" in text or "\n\r\n" in text:
        return None  # a blank line: pyarrow gives blank cells where the csv module gives an empty row
    end = text.find("\n")
    width = (text[:end] if end >= 0 else text).rstrip("\r").count(delimiter) + 1  # the first line's cells
    if width < 2:
        return None
    table = arrow_text(text, delimiter, width, quoted=False)
    if table is None or table.num_rows != text.count("\n") + (not text.endswith("\n")):
        return None
    if table.num_rows > limits.max_rows:
        raise LimitExceededError(path, limits.too_many_rows())
    table = table.combine_chunks()
    if not any(pc.max(pc.binary_length(c)).as_py() for c in table.columns):
        return None
    if any(_has_datetime_text(c) for c in table.columns):
        return None
    return Grid(path, "", _python_rows(table.slice(0, HEAD_ROWS)), 1, [], TEXT, columns=table)


def arrow_text(text: str | bytes, delimiter: str, width: int, quoted: bool, threads: bool = False):
    """Parse text into `width` Arrow text columns (pyarrow.csv; blanks are '', never null).

    Args:
        text: the decoded text, or its UTF-8 bytes.
        delimiter: the cell delimiter.
        width: the number of cells every row must have.
        quoted: honour '"' quoting (doubled quotes, line breaks inside quotes) as the csv module does.
        threads: let pyarrow parse with several threads.
    Returns:
        The table, or None when pyarrow refuses the text or finds a row of another width.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = [f"c{i}" for i in range(width)]
    bad: list = []

    def invalid(row) -> str:
        bad.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.py_buffer(text.encode("utf-8") if isinstance(text, str) else text),
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24, use_threads=threads),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char='"' if quoted else False,
                                             double_quote=quoted, escape_char=False, newlines_in_values=quoted,
                                             ignore_empty_lines=False, invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, ValueError):  # UnicodeEncodeError included
        return None
    return None if bad else table


# No sheet is wider (Excel's 16,384 columns): a line of more cells is no table row. A file without line ends whose
# one line was parsed as a header of 2.5 million columns took minutes and was read as an empty list without a word.
MAX_COLUMNS = 16_384


def _check_widths(data: bytes, delimiter: str, path: Path, newlines: int | None = None) -> None:
    """Refuse a text table with a line of more than :data:`MAX_COLUMNS` cells, naming the first. Looked at only where
    the lines are that many bytes long on average (lines run together; a table's lines, even with a cell of megabytes,
    are passed at once): counting each line's cells costs a third of a second over a city's year of ledgers."""
    import numpy as np

    newlines = data.count(b"\n") if newlines is None else newlines  # (the caller's count, when it has one)
    if len(data) <= MAX_COLUMNS * ((newlines or data.count(b"\r")) + 1):
        return
    raw = np.frombuffer(data, dtype=np.uint8)
    breaks = np.flatnonzero((raw == 0x0A) | (raw == 0x0D))  # (\r\n: an empty line between, harmless)
    starts = np.concatenate(([0], breaks + 1))
    stops = np.concatenate((breaks, [len(data)]))
    mark = delimiter.encode("ascii", "ignore")[:1] or b","
    lines = np.flatnonzero(raw == 0x0A) if newlines else breaks  # (where each line ends: \n, else a lone \r)
    for k in np.flatnonzero(stops - starts > MAX_COLUMNS).tolist():
        if data.count(mark, int(starts[k]), int(stops[k])) >= MAX_COLUMNS:
            line = int(np.searchsorted(lines, starts[k])) + 1
            raise InputFileError(path, f"第 {line} 行超过 {MAX_COLUMNS} 列（Excel 最多 {MAX_COLUMNS} 列）：表格不会这么宽，"
                                       "可能是导出时损坏或缺少换行；请用 Excel/WPS 打开检查后另存为 .xlsx 或 .csv 再试，"
                                       "或从原系统重新导出。")


def text_of(path: Path, limits: Limits, notes: list[str] | None = None) -> tuple[str, str]:
    """A text table's decoded text and delimiter, after the size, binary, HTML and cell-count checks.

    Args:
        path: the file.
        limits: safety bounds.
        notes: where to say which lines held undecodable bytes (:func:`decode_text`).
    Returns:
        (the text without a BOM, the delimiter).
    Raises:
        InputFileError: when the file is no text table; LimitExceededError beyond the limits.
    """
    if path.stat().st_size > limits.max_file_mb * 1024 * 1024:
        raise LimitExceededError(path, f"文件超过 {limits.max_file_mb:.0f} MB 的安全上限，已拒绝读取。")
    data = path.read_bytes()
    text = table_text(data, path, notes)
    lines = text[:1 << 20].splitlines()[:50]
    delimiter = sniff_delimiter(lines)
    if (aligned := fixed_width(text, lines, delimiter)) is not None:
        if notes is not None:
            notes.append(FIXED_WIDTH_NOTE)
        text, delimiter = aligned, "\t"
    _check_widths(data, delimiter, path)
    if text.count(delimiter) + text.count("\n") > limits.max_cells:
        raise LimitExceededError(path, f"超过 {limits.max_cells} 个单元格的安全上限，已拒绝读取。")
    return text, delimiter


HEAD_BYTES = (4 << 20) + 4  # what utf8_head decodes: at least the 1 << 20 characters text_of sniffs the delimiter in


def utf8_head(path: Path, limits: Limits, lines: int) -> tuple[str, str, bytes] | None:
    """A UTF-8 text table's first ``lines`` lines decoded, its delimiter and its bytes (BOMs left out), after the
    checks of :func:`text_of`, without decoding the whole file; None when it may be anything else (a BOM of UTF-16,
    a NUL byte, a head that is no UTF-8, fewer lines in the first megabytes): :func:`text_of` then.

    Cells parsed from the bytes (pyarrow.csv, which checks that text columns are UTF-8) are those of the text
    :func:`text_of` gives; bytes that are no UTF-8 after the head make that parse fail, and the caller decodes.
    """
    if path.stat().st_size > limits.max_file_mb * 1024 * 1024:
        raise LimitExceededError(path, f"文件超过 {limits.max_file_mb:.0f} MB 的安全上限，已拒绝读取。")
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return None
    body = data
    while body.startswith(codecs.BOM_UTF8):
        body = body[3:]
    # a quarter of a megabyte holds the lines of most files (and, with 51 lines, the 50 text_of sniffs, whole)
    for size in (min(HEAD_BYTES, 1 << 18), HEAD_BYTES):
        cut = min(len(body), size)
        while 0 < cut < len(body) and body[cut] & 0xC0 == 0x80:  # not inside a character
            cut -= 1
        try:
            head = body[:cut].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if cut == len(body) or head.count("\n") > max(lines, 50) or size == HEAD_BYTES:
            break
    if cut < len(body) and head.count("\n") < lines:
        return None
    if re.search(r"<(html|table|\?xml|workbook)\b", head[:4096], re.I):
        table_text(body[:cut], path)  # refused there, as for any reader
    delimiter = sniff_delimiter(head[:1 << 20].splitlines()[:50])
    if fixed_width(head, head[:1 << 20].splitlines()[:50], delimiter, sniff=True):
        return None  # columns aligned by spaces: text_of splits them
    newlines = data.count(b"\n")
    _check_widths(body, delimiter, path, newlines)
    if data.count(delimiter.encode()) + newlines > limits.max_cells:
        raise LimitExceededError(path, f"超过 {limits.max_cells} 个单元格的安全上限，已拒绝读取。")
    return "\n".join(head.split("\n", lines)[:lines]), delimiter, body


DELIMITED_HEAD_BYTES = 1 << 16  # what delimited_text looks at
DELIMITER_NAMES = {",": "逗号分隔", "\t": "制表符分隔", ";": "分号分隔", "|": "竖线分隔"}
# Names no text file should have (a system's "xls" is often text, and read as text unsaid): text under them is said
WORKBOOK_ONLY = (".xlsx", ".xlsm")


def renamed_text_note(path: Path, said: str) -> str:
    """The notice of a delimited text table under an Excel name (``said``: how it is delimited, in words), read as CSV."""
    return f"扩展名是 {path.suffix}，但内容是{said}的文本表格（系统导出后改名为 Excel 文件），已按 CSV 文本读取"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def delimited_text(head: bytes) -> str:
    """Whether a file's first bytes are clearly a delimited text table in UTF-8 or GBK/GB18030 (a CSV under an .xlsx
    name), and how it is delimited, in words ('' when not: random bytes, prose, or any other text stay refused).

    Clearly: the bytes decode strictly (a character cut at the end of the sample aside) with no control character, and
    of the first (at most 50) non-blank lines at least two, and at least 60 %, split into the same number (2 or more) of
    fields, which is also the most common number.

    Args:
        head: the file's first bytes (:data:`DELIMITED_HEAD_BYTES`).
    Returns:
        '逗号分隔', '制表符分隔' … or ''.
    """
    cut = len(head) == DELIMITED_HEAD_BYTES  # (a sample: its last character and line may be cut)
    body = head[len(codecs.BOM_UTF8):] if head.startswith(codecs.BOM_UTF8) else head
    text = None
    # (a system's "Unicode text" export, UTF-16 with its BOM: Excel's 另存为 Unicode 文本)
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if utf16:
        body = head[2:] if len(head) % 2 == 0 else head[2:-1]  # (an odd sample: its last byte half a character)
    for encoding in (("utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be",) if utf16
                     else ("utf-8", "gb18030")):
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as exc:
            if cut and exc.start > len(body) - 4:  # a character cut by the sample
                text = body[:exc.start].decode(encoding, errors="replace")
        if text is not None:
            break
    if text is None or _CONTROL.search(text):
        return ""
    lines = [line for line in text.splitlines() if line.strip()]
    if cut:
        lines = lines[:-1]  # the last line may be cut
    lines = lines[:50]
    delimiter = sniff_delimiter(lines)
    try:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
    except csv.Error:
        return ""
    counts: dict[int, int] = {}
    for width in widths:
        counts[width] = counts.get(width, 0) + 1
    width, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
    if width < 2 or count < 2 or count < 0.6 * len(widths):
        return ""
    return DELIMITER_NAMES[delimiter]


def table_page(path: Path) -> bool:
    """Whether a text file is a system's "Excel" export read by :func:`page_grids`: a web page holding tables (HTML under
    an .xls name) or an Excel 2003 XML spreadsheet (its tags are ASCII in any encoding but UTF-16)."""
    from .html import is_sheet_export

    with path.open("rb") as fh:
        return is_sheet_export(fh.read(1 << 16).decode("utf-8", errors="ignore"))


def page_grids(path: Path, limits: Limits) -> list[Grid]:
    """A web page's tables (:func:`table_page`) as grids, one per table (named 表格1, 表格2 … when there are several),
    their spanned cells as merged ranges; the first grid says how the file was read (an Excel 2003 XML spreadsheet:
    :func:`xml_grids`)."""
    from .html import table_rows

    notes: list[str] = []
    tables = table_rows(decode_text(path.read_bytes(), path, notes), path, limits)
    grids = [Grid(path, f"表格{k}" if len(tables) > 1 else "", rows, 1, merged, TEXT)
             for k, (rows, merged) in enumerate(tables, 1)]
    grids[0].notes.extend(notes + ["是网页（HTML）格式的表格（系统导出后改名为 Excel 文件），已按其中的表格读取"])
    return grids


def xml_grids(path: Path, limits: Limits, notes: list[str], note_sheets: bool) -> list[Grid]:
    """An Excel 2003 XML spreadsheet's visible worksheets as grids (hidden and notes sheets named in ``notes``, as a
    workbook's are); the first grid says how the file was read.

    Args:
        path: the file.
        limits: the safety bounds.
        notes: where to name the sheets left unread.
        note_sheets: also return sheets named like notes, flagged.
    Returns:
        The grids (possibly none: the caller says there is no sheet with data).
    """
    from .xml2003 import workbook_sheets

    sheets = workbook_sheets(path.read_bytes(), path, limits)
    grids = []
    for name, hidden, rows, merged in sheets:
        note_sheet = _sheet_wanted(name, not hidden, len(sheets), notes, note_sheets)
        if note_sheet is not None:
            grids.append(Grid(path, name, rows, 1, merged, TEXT, note_sheet=note_sheet))
    if grids:
        grids[0].notes.append("是 Excel 2003 XML 格式的表格（系统导出后改名为 Excel 文件），已按其中的工作表读取")
    return grids


def _nuls_as_damage(data: bytes, notes: list[str] | None) -> bytes:
    """A text file's NUL bytes as what they are (h453: a CSV padded with NULs at its end, as a fixed buffer or an
    interrupted copy leaves it, or with one NUL in a cell, was refused as '二进制内容'): a run of them at the end is
    dropped, said; up to :data:`FEW_BAD_BYTES` inside are damaged bytes, read as U+FFFD and said by line as
    :func:`decode_text` says undecodable bytes (an ID holding one is never read as whole). More are left for the caller
    to refuse as binary content. ``data`` is no UTF-16 text (whose NULs are half its characters)."""
    body = data.rstrip(b"\x00")
    if body.count(b"\x00") > FEW_BAD_BYTES:
        return data
    if len(body) < len(data) and notes is not None:
        notes.append(f"文件末尾有 {len(data) - len(body)} 个空字节（NUL，多为导出或拷贝时补齐的），已忽略，其余内容照常读取。")
    return body.replace(b"\x00", b"\xff")  # (0xFF is no byte of UTF-8 or GB18030 text: one undecodable spot each)


def table_text(data: bytes, path: Path, notes: list[str] | None = None) -> str:
    """Decode a text table's bytes (the whole file, or its head), refusing what is no text table.

    An XML spreadsheet, or a web page holding no table, saved under an .xls name is refused here, whoever reads the file:
    the folder's peek (:mod:`rostercheck.classify`) as much as the loader (a page holding tables is read before it comes
    here: :func:`table_page`, :func:`page_grids`).

    Args:
        data: the file's bytes.
        path: the file (for messages).
        notes: where to say which lines held undecodable bytes (:func:`decode_text`).
    Returns:
        The text without a BOM.
    Raises:
        InputFileError: for binary content, a web page or XML.
    """
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and not _bomless_utf16(data.rstrip(b"\x00")[:4096]):  # (padding alone is no UTF-16)
        data = _nuls_as_damage(data, notes)
    if (b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            and data[:4096].count(b"\x00") < 64 and not _bomless_utf16(data[:4096])):
        raise InputFileError(path, "不是可识别的表格文件（二进制内容），请另存为 .xlsx 或 .csv 再试。")
    text = decode_text(data, path, notes)
    if "\x00" in text:
        raise InputFileError(path, "不是可识别的表格文件（二进制内容），请另存为 .xlsx 或 .csv 再试。")
    text = text.lstrip("\ufeff")
    if re.search(r"<(html|table|\?xml|workbook)\b", text[:4096], re.I):
        raise InputFileError(path, "是网页（HTML）或 XML 格式，不是 Excel 工作簿或 CSV。请用 Excel/WPS 打开后另存为 .xlsx 再试。")
    return text


FIXED_WIDTH_NOTE = "各列以空格对齐（定长格式的银行文本文件），已按各列位置分列读取"
# a line of a fixed-width file that only rules the table (------, ======, ─────)
_RULE_LINE = re.compile(r"[-=_─━—*+\s]+")


_CELL_BLANKS = re.compile(r" *\t *")
_LINE_BLANKS = re.compile(r"^ +| +$", re.M)
FIXED_HEAD = 5000  # lines in which a fixed-width file's header and rows are looked for
FIXED_SAMPLE = 2000  # rows whose filled columns find the fields (a city's monthly file is cut by them, not re-read)


def _clean_cut(rows: list[bytes], at: int, share: float = 0.1) -> bool:
    """Whether cutting the rows (GB18030 bytes, one per display column of ASCII, two of a Chinese character) at byte
    ``at`` splits no word in more than ``share`` of them: on each row a blank on one side, or an amount's digits against
    a name's characters (1050.00何海燕), never inside a number, a name or a character."""
    bad = 0
    for b in rows:
        if at >= len(b) or b[at - 1] == 0x20 or b[at] == 0x20:
            continue
        try:
            b[:at].decode("gb18030")
        except UnicodeDecodeError:  # inside a character
            bad += 1
            continue
        bad += (b[at - 1] < 0x80) == (b[at] < 0x80)
    return bad <= share * len(rows)


def _cut_at(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """The field [start, end) cut at some columns inside it."""
    edges = [start, *cuts, end]
    return list(zip(edges, edges[1:]))


def _cut_line(b: bytes, fields: list[tuple[int, int]], gaps: list[tuple[int, int]]) -> bytes | None:
    """A line's bytes with a tab at each field's end (the last field open to the line's end), or None when a word lies
    outside the fields (a title, a 查询期间 line)."""
    b = b.rstrip(b"\r")
    for s, e in gaps:
        if s < len(b) and b[s:e].strip(b" "):
            return None
    return b"\t".join([b[s:e] for s, e in fields[:-1]] + [b[fields[-1][0]:]])


def fixed_width(text: str, lines: list[str], delimiter: str, sniff: bool = False):
    """A bank's fixed-width text (交易日期 交易金额 对方户名 … padded with spaces to fixed positions, GBK-wide) as
    tab-separated text, or None when the text is no such table.

    Positions are GB18030 bytes (one per ASCII character, two per Chinese one: as a bank pads its fields). It is one when
    none of the first lines holds the sniffed delimiter (or a tab), at least two of them (rows: with digits) split at
    runs of spaces into the usual number (three or more) of words or more, and the columns blank on the first
    :data:`FIXED_SAMPLE` such rows and on the header (the last line of words without digits above them), and the starts
    of the header's words where they split no row's word, cut them into three or more fields. Every line is cut at those
    columns (a name written with a space inside stays one cell); a line with words outside them (a title, a 查询期间
    line) stays one cell, a ruling line (------) becomes an empty line; so each line keeps its number. ``sniff``: only
    say whether it is one (True or None).
    """
    import numpy as np

    if any(delimiter in line or "\t" in line for line in lines) or '"' in text[:1 << 16]:
        return None
    if sum(len(line.split()) >= 3 for line in lines) < 2:
        return None
    every = [line.rstrip("\r") for line in text.split("\n", FIXED_HEAD)[:FIXED_HEAD]]  # (header and rows: in the first lines)
    words = [0 if _RULE_LINE.fullmatch(line) else len(line.split()) for line in every]
    digits = [bool(re.search(r"\d", line)) for line in every]  # (rows hold dates and sums; a header does not)
    counts = Counter(n for n, d in zip(words, digits) if n >= 3 and d)
    usual = min((n for n, c in counts.items() if c == max(counts.values())), default=0)  # (a tie: the fewer words)
    core = [k for k, n in enumerate(words) if counts and n >= usual and digits[k]]
    if len(core) < 2:
        return None
    # the header: the last line of two or more words and no digits above the first row (a 查询期间 line is not)
    header = next((k for k in range(core[0] - 1, -1, -1) if words[k] >= 2 and not re.search(r"\d", every[k])), None)
    # the fields are where the table's own lines are filled (a 查询期间 line of three words above it is not)
    rows = [every[k].encode("gb18030") for k in core[:FIXED_SAMPLE]]
    labels = every[header].encode("gb18030") if header is not None else b""
    width = max(len(b) for b in [labels, *rows]) + 1
    filled = np.zeros(width, dtype=bool)
    for b in [labels, *rows]:
        filled[:len(b)] |= np.frombuffer(b, dtype=np.uint8) != 0x20
    edges = np.flatnonzero(np.diff(np.concatenate(([0], filled.astype(np.int8), [0]))))
    fields = list(zip(edges[::2].tolist(), edges[1::2].tolist()))
    # a bank's file with no blank between its fields (1050.00何海燕): its header's words start the fields, an amount
    # right-aligned under its label ends where the next label starts
    starts = [at for at in range(1, len(labels)) if labels[at] != 0x20 and labels[at - 1] == 0x20]
    fields = [part for s, e in fields for part in _cut_at(s, e, [at for at in starts if s < at < e and _clean_cut(rows, at)])]
    if len(fields) < 3:
        return None
    if sniff:
        return True
    gaps = [(0, fields[0][0])] + [(e, s2) for (_, e), (s2, _) in zip(fields, fields[1:])]
    out = []
    for b in text.encode("gb18030").split(b"\n"):  # (GB18030 writes every character: nothing is lost)
        if not b.strip():
            out.append(b"")
        elif (cut := _cut_line(b, fields, gaps)) is not None:
            out.append(cut)
        else:  # a title, a 查询期间 line, a ruling line (an empty line: the header's next row is no junk row)
            line = b.decode("gb18030").strip()
            out.append(b"" if _RULE_LINE.fullmatch(line) else line.replace("\t", " ").encode("gb18030"))
    try:
        joined = b"\n".join(out).decode("gb18030")
    except UnicodeDecodeError:  # a cut inside a character on some line: no such table after all
        return None
    return _LINE_BLANKS.sub("", _CELL_BLANKS.sub("\t", joined))


def sniff_delimiter(lines: list[str]) -> str:
    """Return the delimiter (comma, tab, semicolon or bar) most lines use consistently.

    Args:
        lines: the first lines of a text file.
    Returns:
        The delimiter.
    """
    best, best_score = ",", -1
    for delim in (",", "\t", ";", "|"):
        counts = [line.count(delim) for line in lines if line.strip()]
        if not counts:
            continue
        score = sorted(counts)[len(counts) // 2]
        if score > best_score:
            best, best_score = delim, score
    return best


def parquet_rows(path: Path, limit: int | None = None) -> list[list]:
    """Read a Parquet file as rows of text cells, its column names first (as a header row).

    Args:
        path: the file.
        limit: read at most this many data rows (None for all).
    Returns:
        The rows; nulls become ''.
    Raises:
        InputFileError: when the file cannot be read.
    """
    import duckdb

    p = str(path).replace("'", "''")
    try:
        with duckdb.connect() as con:
            rel = con.execute(f"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet('{p}')"
                              + (f" LIMIT {int(limit)}" if limit is not None else ""))
            names = [d[0] for d in rel.description]
            data = rel.fetchall()
    except duckdb.Error as exc:
        raise InputFileError(path, "Parquet 文件已损坏或无法读取，请重新导出后再试。") from exc
    return [names] + [["" if v is None else v for v in row] for row in data]


def copy_of(path: Path, seen: dict) -> int | None:
    """The position among the files seen so far of one with the same bytes as ``path`` (else None; records it).
    Only files of the same size are hashed."""
    import hashlib

    def digest(p: Path) -> str:
        return hashlib.sha256(p.read_bytes()).hexdigest()

    try:
        size, mine = path.stat().st_size, None
        for k, entry in seen.items():
            if entry[1] == size:
                entry[2] = entry[2] or digest(entry[0])
                mine = mine or digest(path)
                if entry[2] == mine:
                    return k
    except OSError:
        return None
    seen[len(seen)] = [path, size, mine]
    return None
