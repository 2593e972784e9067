"""Headers written as field codes, read through the workbook's data dictionary (数据字典).

Information systems often export a table whose only header row is the field identifiers of their data standard (A0101,
A0184 of the personnel information sets; AAC002, AAC003 of the social-insurance ones; any system's own B0201, Z0302 …)
and put a sheet beside it that names each one (字段代码 | 字段名称). Such a header names no column the loader knows,
so the whole file was refused (held-out 381: a cadre list, a pension list and a 特困 roster). Each code cell of the
header is read as the name the dictionary gives it, so decoys (Z0302 监护人身份证号 before A0184 公民身份号码) are told
apart by their names as in any worded header.
"""

from __future__ import annotations

import re

from ..normalize.values import text
from .read import Grid

# A field identifier: Latin letters, then letters, digits or '_' (A0101, AAC003, XM, C_SFZH); never a Chinese word
_FIELD_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,23}")
# A dictionary says it explains fields, in its sheet's name or its header ('数据字典', '字段说明', '数据项 | 中文名称');
# a value code table (代码 | 名称: K33 小型轿车) does not, and its codes are never taken for column names
_DICTIONARY = re.compile(r"字典|字段|数据项|指标项|列名|数据元")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# The rows of a sheet looked at for its header, and the most cells of a row above it (a title, '填报单位：… | 单位：元')
_SCAN = 30
_TITLE_CELLS = 3


def field_names(grids: list[Grid]) -> dict[str, tuple[str, Grid]]:
    """The field names the workbook's data dictionaries give: code (upper case) → (its name, the dictionary's sheet).

    A dictionary is a sheet whose name or one of whose rows speaks of fields (:data:`_DICTIONARY`), and whose rows
    pair a field code with a Chinese name (the first name cell after the code, else the last before it). A code named twice alike is kept; a
    code named twice otherwise is dropped (which name is meant is unknown).

    Args:
        grids: the workbook's notes pages (``Grid.note_sheet``), where dictionaries are.
    Returns:
        The names, empty when no sheet is a dictionary.
    """
    names: dict[str, tuple[str, Grid]] = {}
    doubtful: set[str] = set()
    for grid in grids:
        rows = [[t for t in (text(c) for c in row) if t] for row in grid.rows]
        if not (_DICTIONARY.search(grid.sheet) or any(_DICTIONARY.search(c) for row in rows[:_SCAN] for c in row)):
            continue
        found = {}
        for cells in rows:
            code = next((k for k, c in enumerate(cells) if _FIELD_CODE.fullmatch(c)), None)
            # (the name after the code, or before it where none follows: 中文名称 | 字段代码 | 类型)
            name = (next((c for c in [*cells[code + 1:], *reversed(cells[:code])] if _CJK.search(c)), None)
                    if code is not None else None)
            if name:
                key = cells[code].upper()
                if key in found and found[key] != name:
                    doubtful.add(key)
                found[key] = name
        if len(found) >= 2:
            for key, name in found.items():
                if key in names and names[key][0] != name:
                    doubtful.add(key)
                names.setdefault(key, (name, grid))
    return {k: v for k, v in names.items() if k not in doubtful}


def relabel(grid: Grid, names: dict[str, tuple[str, Grid]]) -> str | None:
    """Read a sheet's header of field codes as the names a dictionary gives them, in place.

    The header is the sheet's first row whose filled cells are mostly (at least half, and two or more) the dictionary's
    codes, above any row of more than :data:`_TITLE_CELLS` cells; its code cells become their names. A header of words is left alone, and
    so are the data rows under it, whatever codes they hold (K33, A).

    Args:
        grid: a data sheet (its first rows).
        names: from :func:`field_names`.
    Returns:
        A notice naming the dictionary and the row read so (Chinese), or None when no row is a header of codes.
    """
    for r, row in enumerate(grid.rows[:_SCAN]):
        cells = [(c, text(v)) for c, v in enumerate(row)]
        filled = [(c, t) for c, t in cells if t]
        coded = [(c, t) for c, t in filled if _FIELD_CODE.fullmatch(t) and t.upper() in names]
        if len(coded) < 2 or 2 * len(coded) < len(filled):
            if len(filled) > _TITLE_CELLS:
                return None  # the header (or data) is words, not codes
            continue  # a title, a unit line
        for c, t in coded:
            row[c] = names[t.upper()][0]
        # (a dictionary in a file of its own is named with its file)
        sheets = "、".join(dict.fromkeys(("" if d.path == grid.path else f"《{d.path.name}》")
                                         + (f"工作表“{d.sheet}”" if d.sheet else "")
                                         for d in (names[t.upper()][1] for _c, t in coded)))
        where = f"工作表“{grid.sheet}”" if grid.sheet else "表格"
        first = coded[0][1]
        return (f"{where}第 {grid.first_row + r} 行的表头是字段代码（{first} 等 {len(coded)} 列），"
                f"已按数据字典（{sheets}）中的字段名称读取（如 {first} 读作“{names[first.upper()][0]}”）")
    return None


def coded_header(grid: Grid) -> bool:
    """Whether a sheet's header looks written as field codes (its first row of more than :data:`_TITLE_CELLS` cells
    mostly Latin identifiers: A0101, AAC002, XM), so that its data dictionary is worth reading.

    Args:
        grid: a data sheet (its first rows).
    Returns:
        True when it does.
    """
    for row in grid.rows[:_SCAN]:
        filled = [t for t in (text(v) for v in row) if t]
        if len(filled) > _TITLE_CELLS:
            return 2 * sum(1 for t in filled if _FIELD_CODE.fullmatch(t)) >= len(filled)
    return False


def dictionary_of(path, limits=None, head: int | None = None) -> dict[str, tuple[str, Grid]]:
    """The field names a file's data dictionaries give: its notes pages' and those of the code table files named after
    it (for a reader that skipped the notes pages: a folder's classification).

    Args:
        path: the list's file.
        limits: safety bounds.
        head: read a big sheet's first rows only (see :func:`io.read.read_grids`).
    Returns:
        As :func:`field_names`.
    """
    from ..errors import InputFileError
    from .read import read_grids
    from .table import companion_code_files, companion_grids

    try:
        grids = [g for g in read_grids(path, limits, note_sheets=True, head=head) if g.note_sheet]
    except InputFileError:
        grids = []
    return field_names(grids + companion_grids(companion_code_files(path), limits, head))
