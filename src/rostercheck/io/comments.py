"""Legends an .xlsx workbook gives as cell comments (批注) on its header cells.

Some systems' exports (and staff who annotate them) explain a coded column in a comment on its header cell rather than
in the header text, a note row or a dictionary sheet: '劳动能力' with the comment '代码：1=有劳动能力；2=部分丧失…'. The
comment's legend is appended to the header cell as if written there ('劳动能力（1=有劳动能力；…）'), so that every later
step reads the column's codes as it reads a legend in the header (normalize.codes.legend). Only comments in the first rows
(:data:`HEAD_ROWS`) on a text cell, whose text holds a legend of two codes or more, are used; others are left alone.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..normalize.codes import LEGEND_RUN

# Comments below these rows are on data, not on a header
HEAD_ROWS = 30
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _cell_index(ref: str) -> tuple[int, int] | None:
    """The 0-based (row, column) of an A1 reference, or None."""
    m = _REF.match(ref or "")
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def _rels(book: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type, target part path)."""
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ElementTree.fromstring(book.read(path))
    except (KeyError, ElementTree.ParseError):
        return {}
    out = {}
    for rel in root.iter(_REL + "Relationship"):
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), full)
    return out


def header_comments(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Return the comments of a workbook's first rows, per sheet name: {(row, column): text}, 0-based.

    Args:
        path: an .xlsx workbook.
    Returns:
        The comments ({} when the workbook has none or cannot be read so).
    """
    try:
        with zipfile.ZipFile(path) as book:
            if not any(n.startswith("xl/comments") for n in book.namelist()):
                return {}
            root = ElementTree.fromstring(book.read("xl/workbook.xml"))
            book_rels = _rels(book, "xl/workbook.xml")
            out: dict[str, dict[tuple[int, int], str]] = {}
            for sheet in root.iter(_MAIN + "sheet"):
                part = book_rels.get(sheet.get(_DOC_REL + "id", ""), ("", ""))[1]
                for kind, target in _rels(book, part).values() if part else ():
                    if not kind.endswith("/comments"):
                        continue
                    found = {}
                    for comment in ElementTree.fromstring(book.read(target)).iter(_MAIN + "comment"):
                        at = _cell_index(comment.get("ref", ""))
                        if at is not None and at[0] < HEAD_ROWS:
                            found[at] = "".join(t.text or "" for t in comment.iter(_MAIN + "t"))
                    if found:
                        out[sheet.get("name", "")] = found
            return out
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}


def comment_legends(path: Path, grids: list) -> list[str]:
    """Append each header cell's legend comment to the cell, in the grids' first rows, and say so.

    Args:
        path: the workbook.
        grids: its sheets as read (io.read.Grid), changed in place.
    Returns:
        The notices (Chinese), one per sheet whose comments were read.
    """
    comments = header_comments(path)
    notes = []
    for grid in grids:
        found = comments.get(grid.sheet)
        rows = grid.rows
        if not found or not isinstance(rows, list):
            continue
        used = []
        for (r, c), text in sorted(found.items()):
            run = re.search(LEGEND_RUN, text.replace("\n", " "))
            if run is None or r >= len(rows) or c >= len(rows[r]):
                continue
            cell = rows[r][c]
            if not isinstance(cell, str) or not cell.strip() or re.search(LEGEND_RUN, cell):
                continue
            rows[r][c] = f"{cell.strip()}（{run.group(0)}）"
            used.append(cell.strip())
        if used:
            names = "、".join(f"“{u}”" for u in used[:6]) + ("等" if len(used) > 6 else "")
            notes.append(f"工作表“{grid.sheet}”{names}列的代码按表头单元格批注中的说明读取")
    return notes
