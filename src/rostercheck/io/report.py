"""Writing reports atomically: findings.csv, 问题清单.xlsx, run.json.

Every file is written to a temporary name in the output folder and renamed into place, so an interrupted
run never leaves a report that looks complete. Text that Excel or WPS would take for a formula is
written as text.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
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


class Workbook:
    """A small xlsxwriter wrapper: header formats, text-only cells, frozen header and filters."""

    def __init__(self, path: Path):
        import xlsxwriter

        # constant_memory: rows go to disk as they are written (a province's findings would not fit).
        self._book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                                     "strings_to_numbers": False, "nan_inf_to_errors": True,
                                                     "constant_memory": True})
        self._head = self._book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                            "valign": "vcenter"})
        self._fill = self._book.add_format({"bold": True, "bg_color": "#FFF2CC", "border": 1})
        self._text = self._book.add_format({"num_format": "@"})
        self._used: set[str] = set()

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
        for r, row in enumerate(frame[cols].itertuples(index=False), start=1):
            for c, value in enumerate(row):
                if value is None or (isinstance(value, float) and value != value):
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, str(value))
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(frame), 1), len(cols) + len(extra) - 1)

    def close(self) -> None:
        """Finish the file."""
        self._book.close()


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
