"""Writing reports atomically: findings.csv, 问题清单.xlsx, run.json.

Every file is written to a temporary name in the output folder and renamed into place, so an interrupted
run never leaves a report that looks complete. Text that Excel or WPS would take for a formula is
written as text.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from ..errors import OutputError

LEDGER_COLUMNS = ["核实情况", "整改措施", "责任人", "整改时限", "整改状态"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def prepare_out_dir(out: Path) -> Path:
    """Create the output folder, refusing a path that names an existing file.

    Args:
        out: the folder.
    Returns:
        The folder.
    Raises:
        OutputError: when it is a file or cannot be created.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"输出位置“{out}”是一个已存在的文件，不是文件夹。请用 --out 指定一个文件夹。")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"无法创建输出文件夹“{out}”（{exc.strerror or exc}）。") from exc
    return out


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it to ``target`` only if the block succeeds.

    Args:
        target: the final path.
    Yields:
        The temporary path to write.
    """
    fd, tmp = tempfile.mkstemp(prefix=".~" + target.stem, suffix=target.suffix + ".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:  # Windows: the report is open in Excel/WPS (or the folder is read-only)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"无法写入“{target}”：该文件正在被 Excel/WPS 等程序打开，或没有写入权限。"
                          "请关闭该文件后重新运行（本次报告未写完整，已丢弃）。") from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"无法写入“{target}”（{exc.strerror or exc}）。如文件正在 Excel/WPS 中打开，请先关闭。") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def safe_text(value: object) -> object:
    """Return a cell value that spreadsheet programs will not run as a formula.

    Text starting with = + - @ tab or CR gets a leading apostrophe; numbers (and numeric text) stay.

    Args:
        value: the value.
    Returns:
        The safe value.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def public_columns(frame: pd.DataFrame) -> list[str]:
    """Return the columns of a findings frame that are written out (not internal '_' ones).

    Args:
        frame: the frame.
    Returns:
        Column names.
    """
    return [c for c in frame.columns if not str(c).startswith("_")]


def write_csv(frame: pd.DataFrame, target: Path) -> None:
    """Write a frame as UTF-8-with-BOM CSV (Excel/WPS open it correctly), atomically, formula-safe.

    Args:
        frame: the frame.
        target: the file.
    """
    cols = public_columns(frame)
    safe = frame[cols].astype(object).where(frame[cols].notna(), "").map(safe_text) if len(frame) else frame[cols]
    with atomic_path(target) as tmp:
        safe.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def sheet_name(text: str, used: set[str]) -> str:
    """Return a valid, unique Excel sheet name (≤ 31 characters, no []:*?/\\).

    Args:
        text: the wanted name.
        used: names already taken (updated).
    Returns:
        The name.
    """
    name = _BAD_SHEET_CHARS.sub("", text)[:31] or "Sheet"
    base, n = name, 2
    while name.lower() in used:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


# Excel's last row; xlsxwriter ignored cells below it, and a file with them does not open.
EXCEL_ROWS = 1_048_576
_XML_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ESCAPED = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_EDGE_SPACE = re.compile(r"^\s|\s$")
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
_ROWS_PER_CHUNK = 5_000


def _inline_text(value: str) -> str:
    """The tail of an inline-string cell element, escaped as xlsxwriter escapes it in constant-memory mode."""
    if len(value) > 16_383:  # Excel's cell limit is 32,767 UTF-16 units
        value = value.encode("utf-16-le")[:2 * 32_767].decode("utf-16-le", "ignore")
    if _XML_SPECIAL.search(value):
        value = _ESCAPED.sub(r"_x005F\1", value)
        value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
        value = value.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if _EDGE_SPACE.search(value) else ""
    return f' t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _blank(value: object) -> bool:
    """A value that leaves its cell empty: None, NA, NaN, ±inf or ''."""
    return value is None or value is pd.NA or value is pd.NaT or value == "" or (
        isinstance(value, float) and not math.isfinite(value))


def _cell_tails(values: list) -> list[str | None]:
    """Each value's cell element after its attributes (None for a blank), repeated texts escaped once."""
    seen: dict[str, str] = {}
    out: list[str | None] = []
    for value in values:
        if type(value) is str:
            tail = seen.get(value)
            if tail is None:
                tail = seen[value] = _inline_text(value) if value else ""
            out.append(tail or None)
        elif _blank(value):
            out.append(None)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append(f"><v>{value:.16G}</v></c>")
        else:
            out.append(_inline_text(str(value)))
    return out


class _Body:
    """A sheet's data rows, turned into <row> elements when the file is assembled (see Workbook)."""

    def __init__(self, frame: pd.DataFrame, cols: list[str], style: int):
        self.frame, self.cols, self.style = frame, cols, style
        self.rows = min(len(frame), EXCEL_ROWS - 1)

    def last_row(self) -> int:
        """The last sheet row holding a cell (1, the header's, when none does)."""
        last = 0  # data rows up to here hold a cell
        for c in self.cols:
            values = self.frame[c].iloc[last:self.rows].tolist()
            for k in range(len(values) - 1, -1, -1):  # usually stops at once
                if not _blank(values[k]):
                    last += k + 1
                    break
            if last == self.rows:
                break
        return last + 1

    def chunks(self) -> Iterator[bytes]:
        """The <row> elements, encoded, a few thousand rows at a time."""
        from xlsxwriter.utility import xl_col_to_name

        letters = [xl_col_to_name(c) for c in range(len(self.cols))]
        for lo in range(0, self.rows, _ROWS_PER_CHUNK):
            part = self.frame.iloc[lo:min(lo + _ROWS_PER_CHUNK, self.rows)]
            columns = [_cell_tails(part[c].tolist()) for c in self.cols]
            out = []
            for r, tails in enumerate(zip(*columns), start=lo + 2):
                cells = "".join(f'<c r="{x}{r}" s="{self.style}"{t}' for x, t in zip(letters, tails) if t)
                if cells:
                    out.append(f'<row r="{r}">{cells}</row>')
            yield "".join(out).encode()


class Workbook:
    """Sheets of frames with a formatted header, frozen panes and filters, every cell text or a number.

    xlsxwriter writes the package: styles, headers, column widths, panes, filters. Writing every data
    cell through it costs about 8 µs a cell (1.7 s for a city's 12,000 findings), so the data rows
    are serialised here instead, column by column, exactly as its constant-memory mode writes them
    (inline strings, the column's style), and spliced into each sheet part when the file is assembled.
    A test holds the result byte-identical to writing every cell through xlsxwriter.
    """

    def __init__(self, path: Path):
        import xlsxwriter

        self._path = Path(path)
        self._buffer = io.BytesIO()
        self._book = xlsxwriter.Workbook(self._buffer, {"strings_to_formulas": False, "strings_to_urls": False,
                                                        "strings_to_numbers": False, "constant_memory": True})
        self._head = self._book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                            "valign": "vcenter"})
        self._fill = self._book.add_format({"bold": True, "bg_color": "#FFF2CC", "border": 1})
        self._text = self._book.add_format({"num_format": "@"})
        for style in (self._head, self._fill, self._text):  # fixed style numbers, whatever is written first
            style._get_xf_index()
        self._used: set[str] = set()
        self._bodies: dict[str, _Body] = {}

    def table(self, title: str, frame: pd.DataFrame, extra: list[str] | None = None,
              widths: dict[str, int] | None = None) -> None:
        """Add a sheet holding a frame, with optional blank columns to fill in.

        Args:
            title: the sheet name.
            frame: the rows (internal '_' columns are left out).
            extra: blank columns appended (e.g. the ledger columns).
            widths: column → width.
        """
        ws = self._book.add_worksheet(sheet_name(title, self._used))
        cols = public_columns(frame)
        extra = [c for c in (extra or []) if c not in cols]
        for c, name in enumerate(cols + extra):
            ws.write_string(0, c, str(name), self._fill if name in extra else self._head)
            width = (widths or {}).get(name) or min(max(len(str(name)) * 2 + 2, 10), 60)
            ws.set_column(c, c, width, self._text)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(min(len(frame), EXCEL_ROWS - 1), 1), len(cols) + len(extra) - 1)
        part = f"xl/worksheets/sheet{len(self._book.worksheets())}.xml"
        self._bodies[part] = _Body(frame, cols, self._text._get_xf_index())

    def close(self) -> None:
        """Finish the file: xlsxwriter's package with every sheet's data rows spliced in."""
        self._book.close()
        with zipfile.ZipFile(self._buffer) as zin, zipfile.ZipFile(self._path, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                body = self._bodies.get(info.filename)
                target = zipfile.ZipInfo(info.filename, info.date_time)
                target.compress_type = zipfile.ZIP_DEFLATED
                if body is None:
                    zout.writestr(target, data)
                    continue
                head, end, tail = data.partition(b"</sheetData>")
                last = body.last_row()
                if last > 1:
                    head = _DIMENSION.sub(_dimension(head, last), head, count=1)
                with zout.open(target, "w", force_zip64=body.rows * len(body.cols) > 5_000_000) as fh:
                    fh.write(head)
                    for chunk in body.chunks():
                        fh.write(chunk)
                    fh.write(end + tail)


def _dimension(head: bytes, last_row: int) -> bytes:
    """The <dimension> element covering the header's columns down to ``last_row`` (1-based sheet row)."""
    found = _DIMENSION.search(head)
    ref = found.group().split(b'"')[1].decode() if found else "A1"
    first, _, last = ref.partition(":")
    last_col = (last or first).rstrip("0123456789")
    return f'<dimension ref="{first}:{last_col}{last_row}"/>'.encode()


def write_workbook(target: Path, sheets: list[tuple[str, pd.DataFrame, list[str] | None]],
                   widths: dict[str, int] | None = None) -> None:
    """Write several frames as sheets of one workbook, atomically.

    Args:
        target: the .xlsx file.
        sheets: (sheet title, frame, extra blank columns) in order.
        widths: column → width.
    """
    with atomic_path(target) as tmp:
        book = Workbook(tmp)
        for title, frame, extra in sheets:
            book.table(title, frame, extra, widths)
        book.close()


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file.

    Args:
        path: the file.
    Returns:
        The hex digest.
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_json(data: dict, target: Path) -> None:
    """Write a JSON document atomically (UTF-8, readable).

    Args:
        data: the document.
        target: the file.
    """
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
