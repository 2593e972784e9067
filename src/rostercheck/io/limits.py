"""Safety limits on what a single input file may cost, and the pre-read checks that enforce them.

python-calamine allocates the whole rectangle a sheet's cells span and aborts the process (SIGABRT)
when that allocation fails, so every worksheet's extent is bounded here before calamine opens it.
The scan streams each zip part once: one RE2 pass per 8 MB window (through pyarrow) tells whether anything
out of the ordinary occurs in it, and only such windows are searched with the `re` patterns that bound the
extent; on ordinary sheets (up to 26 columns, or fewer than 1,000,000 rows) it never leaves that fast path.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..errors import ConfigError, InputFileError, LimitExceededError

try:  # ISA-L inflates and checksums the same bytes 2-4x faster than zlib (a 120 MB sheet: 0.28 -> 0.06 s)
    from isal import isal_zlib as _deflate
except ImportError:  # a platform without its wheel
    _deflate = zlib
_INFLATE_ERRORS = (zlib.error, _deflate.error)

_BROKEN = "不是有效的 Excel 文件（文件已损坏或不完整），请用 Excel/WPS 打开后另存为 .xlsx 再试。"
_ENV_PREFIX = "ROSTERCHECK_"


@dataclass(frozen=True)
class Limits:
    """Bounds on one input file; the defaults are documented in docs/limits.md (安全限制).

    Attributes:
        max_file_mb: largest file accepted, in MB.
        max_uncompressed_mb: largest total uncompressed size of a workbook's parts, in MB.
        max_ratio: largest compression ratio of a workbook part above 10 MB uncompressed.
        max_rows: most rows read from one sheet or text file.
        max_cells: largest sheet extent (rows × columns) a workbook may claim or a file may fill.
    """

    max_file_mb: float = 1024
    max_uncompressed_mb: float = 2048
    max_ratio: float = 200
    max_rows: int = 2_000_000
    max_cells: int = 40_000_000

    @classmethod
    def from_env(cls) -> "Limits":
        """Return the defaults, overridden by ROSTERCHECK_MAX_ROWS-style environment variables.

        Returns:
            The limits.
        Raises:
            ConfigError: when a variable is not a positive number.
        """
        values = {}
        for f in fields(cls):
            name = _ENV_PREFIX + f.name.upper()
            raw = os.environ.get(name, "").strip()
            if not raw:
                continue
            try:
                value = float(raw) if f.type in ("float", float) else int(raw)
            except ValueError:
                value = 0
            if value <= 0:
                whole = "" if f.type in ("float", float) else "整"  # (h453: '1e3' was said not to be a positive number)
                raise ConfigError(f"环境变量 {name}=“{raw}”无效，应为正{whole}数（默认 {getattr(cls, f.name)}）。")
            values[f.name] = value
        return cls(**values)

    def too_many_rows(self, sheet: str = "") -> str:
        """The Chinese message for a sheet or text file longer than max_rows, naming the variable that raises it.

        Args:
            sheet: the worksheet's name ('' for a text file).
        Returns:
            The message.
        """
        if sheet:
            return (f"工作表“{sheet}”超过 {self.max_rows} 行或 {self.max_cells} 个单元格的安全上限，已拒绝读取。"
                    f"请把表格按月或按乡镇拆成几个文件再试；确需一次读入时，可把环境变量 {_ENV_PREFIX}MAX_ROWS"
                    f"（行数）或 {_ENV_PREFIX}MAX_CELLS（单元格数）调大。")
        return (f"超过 {self.max_rows} 行的安全上限，已拒绝读取。请把文件按月或按乡镇拆成几个文件再试；"
                f"确需一次读入时，可把环境变量 {_ENV_PREFIX}MAX_ROWS 调大。")


def extent_refusal(where: str, rows: int, cols: int, by_rows: bool, limits: "Limits", fix: str) -> str:
    """The Chinese message for a sheet whose extent passes a bound, naming the bound and the variable that raises it.

    A far stray cell (or a forged extent) is the usual cause, but a sheet really that big is data (h453: a 1,294-row
    roster under ROSTERCHECK_MAX_ROWS=100, or a year's ledger of 1,048,576 rows × 40 columns against the 40 million
    cells, was told only to delete far blank cells).

    Args:
        where: the sheet as the user knows it (工作表“花名册”, 第 1 个工作表).
        rows: its last row; cols: its last column.
        by_rows: whether the row bound is the one passed (else the cells').
        limits: the bounds.
        fix: what to do when the far cells are a mistake.
    Returns:
        The message.
    """
    limit, variable = ((f"每个工作表 {limits.max_rows} 行", "MAX_ROWS") if by_rows
                       else (f"每个工作表 {limits.max_cells} 个单元格（行数 × 列数）", "MAX_CELLS"))
    return (f"{where}的范围过大（到第 {rows} 行、第 {cols} 列），超过{limit}的安全上限，已拒绝读取。{fix}；"
            f"这些行、列确实都是数据的，请按月或按乡镇拆成几个文件再试，或把环境变量 {_ENV_PREFIX}{variable} 调大后重新运行。")


# Fast path: one pass of a regular expression with a literal prefix finds any reference with two or
# more column letters or a row number of seven or more digits; ordinary sheets (≤ 26 columns, fewer
# than 1,000,000 rows, so at most 26 million cells) never match and need nothing else.
_SUSPECT = re.compile(rb"""r\s*=\s*["'](?:[A-Za-z]{2,}[0-9]|[A-Za-z]*[0-9]{7})""")
_REF = rb"""\sr\s*=\s*["']"""
_COLS2 = re.compile(_REF + rb"([A-Za-z]{2,})[0-9]")
_ROW7 = re.compile(_REF + rb"[A-Za-z]*([0-9]{7,})")
_ROWS = re.compile(_REF + rb"[A-Za-z]*([0-9]+)")
# A cell element whose first attribute is not r (or that has none): calamine then places it after
# the previous cell, so its position has to be counted.
_NO_REF_CELL = re.compile(rb"<c(?:[>/]|\s+[^r\s])")
_NO_REF_CELL_NS = re.compile(rb":c(?:[>/]|\s+[^r\s])")
_ROW_OR_CELL = re.compile(rb"<(?:[\w.-]+:)?(row|c)[\s/>]")
_ENTITY = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
# What only a typed cell reader gets right (see XlsxScan.typed): merged ranges; numbers of 14 or more integer digits
# (IDs typed as numbers), whose text form would pass for an ID typed as text; and a number holding a year and .1
# (2025.10 typed, its 0 dropped: January or October), whose text '2025.1' reads January (io.ledgers._blank_months_named).
_TYPED_NUMBER = rb"v>\s*(?:-?(?:[0-9]{14}|[0-9](?:\.[0-9]*)?[Ee]\+?1[3-9])|(?:19|20)[0-9]{2}\.1\s*</v)"
_BIG_NUMBER = re.compile(_TYPED_NUMBER)
_CHUNK = 8 << 20
_INPUT = 512 << 10  # compressed bytes inflated at a time: some 5 MB of sheet XML, mostly under _CHUNK (1 MB: a third slower)
_TAIL = 256
_MAX_ENTRIES = 100_000
_PLAIN_BOUND = 26 * 999_999


# A few linear-time passes (RE2, through pyarrow) over a window say whether any of the patterns _PartScan.feed
# looks for occurs in it; only windows where one does (none, on most windows of an ordinary sheet) are
# searched pattern by pattern with `re`. Each pattern is its `re` pattern spelt for RE2: `\s` as the class
# it means in a bytes pattern (RE2's own \s lacks \v), on a binary array, which RE2 reads as Latin-1 (one
# character per byte, as `re` reads bytes). They run one by one: each starts with a literal that RE2 looks for
# before running its automaton, which their alternation cannot (a 380 MB sheet: 0.50 s against 0.62 s).
_WS = r"[ \t\n\r\f\v]"
_RE2_SUSPECT = r"r" + _WS + r"*=" + _WS + r"""*["'](?:[A-Za-z]{2,}[0-9]|[A-Za-z]*[0-9]{7})"""
_NO_REF_TAIL = r"c(?:[>/]|" + _WS + r"+[^r \t\n\r\f\v])"
_RE2_NO_REF = ("<" + _NO_REF_TAIL, ":" + _NO_REF_TAIL)  # _NO_REF_CELL and _NO_REF_CELL_NS
# A cell holding an error value (XlsxScan.errors); one pattern for both quotes costs what one literal does, since RE2
# looks for the frequent `t=` either way (t="e' is no well-formed XML: at worst error_cells looks in vain)
_RE2_ERROR = ("""t=["']e["']""",)
# … looked for only in a window holding its tail e" or e' (rare in a sheet: true" and false" of a few attributes), which
# RE2 finds three times faster: 't=' starts every typed cell (a 122 MB sheet: 0.013 s against 0.039 s)
_RE2_ERROR_TAIL = ("""e["']""",)
_RE2_TYPED = ("mergeCell", _TYPED_NUMBER.decode().replace(r"\s", _WS))  # _BIG_NUMBER, in one pass


def _prefilter(no_ref_known: bool, typed_known: bool) -> tuple[str, ...]:
    """The RE2 patterns for what a part's scan still looks for (the extent always; the rest until found)."""
    return (_RE2_SUSPECT, *(() if no_ref_known else _RE2_NO_REF), *(() if typed_known else _RE2_TYPED))


def _as_arrow(window: bytes):
    """The bytes as a one-value Arrow binary array over the same memory (no copy), for :func:`_any_match`."""
    import pyarrow as pa

    offsets = pa.py_buffer(struct.pack("<qq", 0, len(window)))
    return pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(window)])


def _any_match(data, patterns: tuple[str, ...]) -> bool:
    """Whether any of the RE2 patterns matches anywhere in the bytes (:func:`_as_arrow`, read as Latin-1). A literal
    pattern is found by RE2 far faster than by ``bytes.__contains__`` (a 314 MB sheet: 0.01 s against 0.12–0.16 s)."""
    import pyarrow.compute as pc

    return any(pc.match_substring_regex(data, pattern)[0].as_py() for pattern in patterns)


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper()[:8]:
        n = n * 26 + (ch - 64)
    return n


class _PartScan:
    """What one streamed part reveals: flags and maxima used to bound its extent."""

    def __init__(self) -> None:
        self.max_col = 26
        self.max_row7 = 0
        self.suspect = False
        self.no_ref_cells = False
        self.entity = False
        self.first = True
        self.typed = False
        self.errors = False  # a cell holds an error value (t="e")
        # the sheet has an AutoFilter or hidden rows (rows a clerk filtered out or hid by hand, still read)
        self.filtered = False

    def feed(self, window: bytes) -> None:
        if self.first:  # a DTD can only come before the root element
            self.entity, self.first = bool(_ENTITY.search(window, 0, 1 << 16)), False
        data = _as_arrow(window)
        if not self.errors:
            self.errors = _any_match(data, _RE2_ERROR_TAIL) and _any_match(data, _RE2_ERROR)
        if not self.filtered:
            # (a hidden column is no hidden row: only a row's own hidden attribute sends the sheet to filtered_rows)
            self.filtered = (_any_match(data, ("autoFilter",))
                             or (_any_match(data, ("hidden",)) and _HIDDEN_ROW.search(window) is not None))
        if not _any_match(data, _prefilter(self.no_ref_cells, self.typed)):
            return  # none of the patterns below occurs in this window
        if _SUSPECT.search(window):
            self.suspect = True
            cols = set(_COLS2.findall(window))
            if cols:
                self.max_col = max(self.max_col, max(_col_number(c) for c in cols))
            rows = set(_ROW7.findall(window))
            if rows:
                self.max_row7 = max(self.max_row7, max(int(r) for r in rows))
        if not self.no_ref_cells and (_NO_REF_CELL.search(window) or _NO_REF_CELL_NS.search(window)):
            self.no_ref_cells = True
        if not self.typed and (b"mergeCell" in window or _BIG_NUMBER.search(window)):
            self.typed = True

    def row_bound(self) -> int:
        return self.max_row7 or 999_999


@dataclass(frozen=True)
class XlsxScan:
    """What the pre-read scan of a workbook learnt besides its safety.

    Attributes:
        typed: some sheet has merged cells or numbers of 14+ digits: read it with a reader that keeps
            cell types and merged ranges (python-calamine), not as text columns (fastexcel).
        sheets: (name, visible) of the workbook's worksheets, in order (chart sheets left out).
        placed: every cell element names its place (``r``): a cell's position can be read from it alone.
        errors: some sheet has a cell holding an error value (#N/A, #REF!), which the readers give blank
            (:func:`error_cells`).
        filtered: the names of the worksheets with an AutoFilter or hidden rows (:func:`filtered_rows`).
        kept: lower-case part name → its XML as inflated, for the worksheet parts of at least ``keep`` bytes
            (``check_zip_workbook``), so that a reader of the XML need not inflate it again.
    """

    typed: bool
    sheets: tuple[tuple[str, bool], ...]
    placed: bool = True
    errors: bool = False
    filtered: tuple[str, ...] = ()
    kept: dict[str, list[bytes]] = field(default_factory=dict, repr=False, compare=False)


def check_zip_workbook(path: Path, limits: Limits, keep: int | None = None) -> XlsxScan:
    """Refuse a zipped workbook (.xlsx/.xlsm) that would cost too much to open, or is not one.

    Checks the entry count and declared sizes and ratios, then streams every part once to count its
    real uncompressed size, to refuse XML entity declarations, and to bound each sheet's extent.

    Args:
        path: the workbook.
        limits: the bounds.
        keep: keep the XML of worksheet parts of at least this many bytes (``XlsxScan.kept``); None: none.
    Returns:
        What the scan learnt (see :class:`XlsxScan`).
    Raises:
        InputFileError: a broken zip, or a zip that is not an .xlsx workbook.
        LimitExceededError: when a bound is exceeded.
    """
    check_entry_count(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputFileError(path, _BROKEN) from exc
    with zf:
        infos = zf.infolist()
        _check_is_xlsx(path, {i.filename.lstrip("/").lower() for i in infos})
        cap = limits.max_uncompressed_mb * 1024 * 1024
        bomb = f"解压后超过 {limits.max_uncompressed_mb:.0f} MB 的安全上限，疑似“压缩炸弹”，已拒绝读取。"
        if sum(i.file_size for i in infos) > cap:
            raise LimitExceededError(path, bomb)
        for info in infos:
            if info.file_size > 10 << 20 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise LimitExceededError(path, f"部件“{info.filename}”压缩比异常（疑似“压缩炸弹”），已拒绝读取。")
        total, sheets, typed, placed, errors, kept = 0, related_parts(zf, path, "worksheet"), False, True, False, {}
        filtered: list[str] = []
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename.lstrip("/").lower()
            try:
                if name in sheets or name.startswith("xl/worksheets/"):
                    chunks = [] if keep is not None and info.file_size >= keep else None
                    if chunks is not None:
                        kept[name] = chunks
                    total, scan = _scan_part(zf, info, path, limits, total, cap, bomb, chunks)
                    typed, placed, errors = typed or scan.typed, placed and not scan.no_ref_cells, errors or scan.errors
                    if scan.filtered:
                        filtered.append(name)
                else:  # calamine itself enforces declared sizes; only a DTD needs looking for
                    with zf.open(info) as stream:
                        if _ENTITY.search(stream.read(1 << 16)):
                            raise LimitExceededError(path, _entity_message(info))
            except (zipfile.BadZipFile, *_INFLATE_ERRORS, EOFError, OSError, ValueError) as exc:
                raise InputFileError(path, _BROKEN) from exc
            except (NotImplementedError, RuntimeError) as exc:  # encrypted or unsupported compression
                raise InputFileError(path, "文件内部使用了不支持的压缩或加密方式，请用 Excel/WPS 打开后另存为 .xlsx 再试。") from exc
        entries = _sheet_entries(zf, sheets)
        return XlsxScan(typed, tuple((n, v) for n, v, _p in entries), placed, errors,
                        tuple(n for n, _v, p in entries if p in filtered), kept)


def _entity_message(info: zipfile.ZipInfo) -> str:
    return f"部件“{info.filename}”含有 XML 实体定义（正常的 Excel 文件没有，可能是恶意构造的文件），已拒绝读取。"


_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\b[^>]*>", re.I)
_ATTR = re.compile(rb"""\b(Type|Target)\s*=\s*["']([^"']*)["']""", re.I)


def related_parts(zf: zipfile.ZipFile, path: Path, kind: str) -> set[str]:
    """Return the lower-case names of the parts the workbook's relationships give a type naming ``kind``
    ('worksheet', 'sharedStrings'), wherever they are."""
    try:
        info = zf.getinfo("xl/_rels/workbook.xml.rels")
    except KeyError:
        return set()
    if info.file_size > 16 << 20:
        raise LimitExceededError(path, "工作簿的关系部件大小异常，不是正常的 Excel 文件，已拒绝读取。")
    parts = set()
    for rel in _RELATIONSHIP.findall(zf.read(info)):
        attrs = {k.decode("ascii").lower(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(rel)}
        if kind.lower() in attrs.get("type", "").lower() and attrs.get("target"):
            target = attrs["target"]
            full = target.lstrip("/") if target.startswith("/") else "xl/" + target
            parts.add(posixpath.normpath(full).lower())
    return parts


_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\b[^>]*>", re.I)
_SHEET_ATTR = re.compile(rb"""([\w:]+)\s*=\s*["']([^"']*)["']""")


# A cell holding a formula and no value (openpyxl and some systems write formulas and leave computing them to Excel):
# every reader sees it blank. Its column letters.
_UNSAVED_FORMULA = re.compile(rb"""<(?:[\w.-]+:)?c\b[^>]*?\br\s*=\s*["']([A-Za-z]{1,3})[0-9]+["'][^>]*>\s*"""
                              rb"""<(?:[\w.-]+:)?f\b[^>]*(?:/>|>[^<]*</(?:[\w.-]+:)?f>)\s*"""
                              rb"""(?:<(?:[\w.-]+:)?v\s*/>|<(?:[\w.-]+:)?v>\s*</(?:[\w.-]+:)?v>)?\s*</(?:[\w.-]+:)?c>""")


def unsaved_formulas(path: Path, sheet: str) -> Counter:
    """Per column (0 for A), how many cells of a sheet of an .xlsx workbook hold a formula without its value (read
    blank by every reader): what to tell a user whose ID or amount column came out empty (held-out 168). Read only
    then, the sheet's XML whole; an unreadable workbook has none.

    Args:
        path: the workbook.
        sheet: the sheet's name.
    Returns:
        column → count.
    """
    data = _sheet_xml(path, sheet)
    return Counter(_col_number(m) - 1 for m in _UNSAVED_FORMULA.findall(data)) if data else Counter()


# A cell holding an error value (#N/A of a VLOOKUP that found nothing, #REF!, #VALUE!): every reader gives it blank.
_ERROR_CELL = re.compile(rb"""<(?:[\w.-]+:)?c\b([^>]*?\bt\s*=\s*["']e["'][^>]*)>(.*?)</(?:[\w.-]+:)?c>""", re.S)
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,3})([0-9]+)["']""")
_CELL_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]{1,16})</")


def error_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """The cells of a sheet of an .xlsx workbook that hold an error value, as (row, column) 0-based → its text ('#N/A'),
    for a reader that gives them blank (held-out 185: a #N/A death date read as 未写, a #N/A ID as 为空). Read only when
    the workbook's scan found one (``XlsxScan.errors``); an unreadable workbook has none."""
    data = _sheet_xml(path, sheet)
    out = {}
    for attrs, body in _ERROR_CELL.findall(data or b""):
        ref, value = _CELL_REF.search(attrs), _CELL_VALUE.search(body)
        if ref:
            out[(int(ref.group(2)) - 1, _col_number(ref.group(1)) - 1)] = (
                value.group(1).decode("utf-8", "replace").strip() if value else "#N/A")
    return out


_STRIKE = re.compile(rb"""<(?:[\w.-]+:)?strike\b(?![^>]*\bval\s*=\s*["'](?:0|false)["'])""")
_STYLED_CELL = re.compile(rb"""<(?:[\w.-]+:)?c\b([^>]*?)(/?)>""")
_STYLE_ATTR = re.compile(rb"""\bs\s*=\s*["']([0-9]+)["']""")
_FONT_ID = re.compile(rb"""\bfontId\s*=\s*["']([0-9]+)["']""")


def struck_rows(path: Path, sheet: str) -> list[int]:
    """The rows (1-based) of a sheet of an .xlsx workbook every filled cell of which is struck through — at least two
    of them: a clerk's way of marking a row deleted (held-out 185: a struck-out dead member and a struck-out staff member
    who had left were read as any other row, unsaid). A workbook whose styles strike no font has none (read cheaply)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("xl/styles.xml")
            styles = zf.read(info) if info.file_size < 16 << 20 else b""
    except (KeyError, zipfile.BadZipFile, *_INFLATE_ERRORS, EOFError, OSError, ValueError):
        return []
    if not _STRIKE.search(styles):
        return []
    fonts = re.search(rb"<(?:[\w.-]+:)?fonts\b.*?</(?:[\w.-]+:)?fonts>", styles, re.S)
    xfs = re.search(rb"<(?:[\w.-]+:)?cellXfs\b.*?</(?:[\w.-]+:)?cellXfs>", styles, re.S)
    if not fonts or not xfs:
        return []
    each = re.findall(rb"<(?:[\w.-]+:)?font\b(?:[^>]*/>|.*?</(?:[\w.-]+:)?font>)", fonts.group(0), re.S)
    struck_fonts = {str(k).encode() for k, font in enumerate(each) if _STRIKE.search(font)}
    struck = set()
    for k, xf in enumerate(re.findall(rb"<(?:[\w.-]+:)?xf\b[^>]*>", xfs.group(0))):
        font = _FONT_ID.search(xf)
        if font and font.group(1) in struck_fonts:
            struck.add(str(k).encode())
    if not struck:
        return []
    rows: dict[int, list[bool]] = {}
    for m in _STYLED_CELL.finditer(_sheet_xml(path, sheet)):
        ref = _CELL_REF.search(m.group(1))
        if ref and not m.group(2):  # a cell with content (an empty styled cell is self-closing)
            style = _STYLE_ATTR.search(m.group(1))
            rows.setdefault(int(ref.group(2)), []).append(bool(style) and style.group(1) in struck)
    return sorted(r for r, cells in rows.items() if len(cells) >= 2 and all(cells))


_HIDDEN_ROW = re.compile(rb"""<(?:[\w.-]+:)?row\b[^>]*?\bhidden\s*=\s*["'](?:1|true)["'][^>]*>""")
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["']([0-9]+)["']""")


def filtered_rows(path: Path, sheet: str) -> tuple[list[int], bool]:
    """The rows (1-based) a sheet of an .xlsx workbook hides, and whether by an AutoFilter: read like any other (README),
    but a clerk who filtered rows out (held-out 185) or hid them by hand (held-out 254: 已停保 households) may think
    them left out. Asked only for the sheets ``XlsxScan.filtered`` names."""
    data = _sheet_xml(path, sheet)
    out = []
    for m in _HIDDEN_ROW.finditer(data):
        number = _ROW_NUMBER.search(m.group(0))
        if number:
            out.append(int(number.group(1)))
    return out, b"autoFilter" in data


def _sheet_xml(path: Path, sheet: str) -> bytes:
    """A worksheet's XML whole, by the sheet's name (b'' when the workbook cannot be read or has no such sheet)."""
    try:
        with zipfile.ZipFile(path) as zf:
            part = next((p for name, _v, p in _sheet_entries(zf, related_parts(zf, path, "worksheet")) if name == sheet), None)
            if part is None:
                return b""
            info = next(i for i in zf.infolist() if i.filename.lstrip("/").lower() == part)
            return b"".join(_chunks(zf, info))
    except (zipfile.BadZipFile, *_INFLATE_ERRORS, EOFError, OSError, ValueError, StopIteration, LimitExceededError):
        return b""


def _sheet_entries(zf: zipfile.ZipFile, parts: set[str]) -> list[tuple[str, bool, str]]:
    """(name, visible, lower-case part name) of the worksheets listed in xl/workbook.xml, in order."""
    import html

    try:
        info = zf.getinfo("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels") if info.file_size < 16 << 20 else b""
        book = zf.read(info) if info.file_size < 16 << 20 else b""
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError):
        return []
    targets = {}
    for rel in _RELATIONSHIP.findall(rels):
        attrs = {k.lower(): v for k, v in _SHEET_ATTR.findall(rel)}
        target = attrs.get(b"target", b"").decode("utf-8", "replace")
        full = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[attrs.get(b"id", b"")] = posixpath.normpath(full).lower()
    found = []
    for tag in _SHEET.findall(book):
        attrs = {k.split(b":")[-1].lower(): v for k, v in _SHEET_ATTR.findall(tag)}
        if b"name" not in attrs:
            continue
        if parts and targets.get(attrs.get(b"id", b"")) not in parts:
            continue  # a chart sheet or a dialog sheet
        name = html.unescape(attrs[b"name"].decode("utf-8", "replace"))
        found.append((name, attrs.get(b"state", b"visible").lower() == b"visible", targets.get(attrs.get(b"id", b""), "")))
    return found


def check_entry_count(path: Path) -> None:
    """Refuse a zip whose central directory lists more entries than any workbook has."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 66_000))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return  # zipfile will report the damage
    entries, cd_size = struct.unpack_from("<H", tail, at + 10)[0], struct.unpack_from("<I", tail, at + 12)[0]
    if (entries != 0xFFFF and entries > _MAX_ENTRIES) or (cd_size != 0xFFFFFFFF and cd_size > 64 << 20) or (
            entries == 0xFFFF and b"PK\x06\x06" in tail):
        raise LimitExceededError(path, "压缩包内的部件数量异常多，不是正常的 Excel 文件，已拒绝读取。")


def _check_is_xlsx(path: Path, names: set[str]) -> None:
    if "xl/workbook.xml" in names:
        return
    if "xl/workbook.bin" in names:
        raise InputFileError(path, "是 Excel 二进制工作簿（.xlsb），暂不支持。请在 Excel 中另存为 .xlsx 再试。")
    if "content.xml" in names or "mimetype" in names:
        raise InputFileError(path, "是 OpenDocument 表格（.ods）或其他格式，暂不支持。请另存为 .xlsx 再试。")
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        raise InputFileError(path, "是 Word 或 PowerPoint 文件，不是 Excel 表格，请确认选对了文件。")
    raise InputFileError(path, "是一个普通压缩包（zip），不是 Excel 表格。请解压后指定其中的 .xlsx/.csv 文件。")


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, limits: Limits, total: int,
               cap: float, bomb: str, chunks: list[bytes] | None = None) -> tuple[int, _PartScan]:
    scan, tail = _PartScan(), b""
    for chunk in _chunks(zf, info):
        if chunks is not None:
            chunks.append(chunk)
        total += len(chunk)
        if total > cap:
            raise LimitExceededError(path, bomb)
        window = tail + chunk
        scan.feed(window)
        tail = window[-_TAIL:]
    if scan.entity:
        raise LimitExceededError(path, _entity_message(info))
    rows, cols, n_rows = scan.row_bound(), scan.max_col, 0
    if scan.no_ref_cells:
        widest, n_rows = _widest_row(zf, info)
        rows, cols = rows + n_rows, cols + widest
    if rows > limits.max_rows + 1 or rows * cols > limits.max_cells:
        if not scan.max_row7:
            # the columns' bound times 999,999 rows is too much (more than 40 columns, by default): the real rows
            rows = _exact_max_row(zf, info) + (n_rows if scan.no_ref_cells else 0)
    if rows > limits.max_rows + 1 or rows * cols > limits.max_cells:
        raise LimitExceededError(path, extent_refusal(
            _sheet_title(zf, path, info), rows, cols, rows > limits.max_rows + 1, limits,
            "表格远处有误填的单元格（空白或无关内容）的，请删除后另存为 .xlsx 再试"))
    return total, scan


def _sheet_title(zf: zipfile.ZipFile, path: Path, info: zipfile.ZipInfo) -> str:
    """A worksheet part as the user knows it: 工作表“花名册” (its tab's name), else by the part's file name."""
    part = info.filename.lstrip("/").lower()
    with contextlib.suppress(Exception):  # (a workbook too broken to name its sheets: the part's name)
        for name, _visible, p in _sheet_entries(zf, related_parts(zf, path, "worksheet")):
            if p == part:
                return f"工作表“{name}”"
    return f"工作表部件“{info.filename.rsplit('/', 1)[-1]}”"


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo):
    """A part's uncompressed bytes, at most _CHUNK at a time; like zipfile's reader, it stops at the declared
    size and raises zipfile.BadZipFile when the size or the CRC is not the declared one.

    A deflated part is inflated here from the archive's bytes (0.45 s against zipfile's 0.75 s on a 380 MB sheet);
    any other (stored, other methods, encrypted) goes through zipfile.
    """
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
        with zf.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
        return
    with open(zf.filename, "rb") as fh:
        fh.seek(info.header_offset)
        head = fh.read(30)
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile(info.filename)
        fh.seek(sum(struct.unpack_from("<HH", head, 26)), os.SEEK_CUR)
        inflate, left, size, crc = _deflate.decompressobj(-15), info.compress_size, 0, 0
        while size < info.file_size and not inflate.eof:
            data = inflate.unconsumed_tail
            if not data and left:
                data = fh.read(min(left, _INPUT))
                left -= len(data)
            chunk = inflate.decompress(data, min(_CHUNK, info.file_size - size))
            if not chunk and not data:
                break  # input ended (a truncated part), or nothing more comes out
            size, crc = size + len(chunk), _deflate.crc32(chunk, crc)
            if chunk:
                yield chunk
    if size != info.file_size or crc != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 or size for {info.filename}")


def _stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo):
    tail = b""
    for chunk in _chunks(zf, info):
        cut = chunk.rfind(b"<")
        if cut < 0:
            tail += chunk
            continue
        yield tail + chunk[:cut]
        tail = chunk[cut:]
        if len(tail) > _CHUNK:
            tail = tail[-_TAIL:]


def _exact_max_row(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """The highest row any row or cell element of a part names (0 when none names one), in one streamed pass."""
    best = 0
    for body in _stream(zf, info):
        found = set(_ROWS.findall(body))
        if found:
            best = max(best, max(int(r) for r in found))
    return best


def _widest_row(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Return the most cell elements in one row and the number of rows (elements without r follow on)."""
    widest = count = rows = 0
    for body in _stream(zf, info):
        for m in _ROW_OR_CELL.finditer(body):
            if m.group(1) == b"row":
                count = 0
                rows += 1
            else:
                count += 1
                widest = max(widest, count)
    return widest, rows
