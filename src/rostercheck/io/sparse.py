"""A big worksheet read for the rows that can matter: the filtered lists' one-ID-column read.

A filtered list (``bulk.FILTERED_KINDS``) keeps only the rows whose ID may link to a person of interest
(:meth:`bulk.KeySet.keeps`); on a city's pension or vehicle workbook that is one row in a hundred. Reading
every cell with fastexcel costs about three seconds a million rows, nearly all of it for rows dropped later.
Here the sheet's XML is inflated once and held; its first rows are read by fastexcel (from a workbook holding
only them) to find the header; the ID column's text is then taken from the XML (split at each ID cell by Arrow,
read by two anchored RE2 patterns).
Once the key set is known, only the rows it keeps are read, again by fastexcel from a workbook holding the
first rows and those rows, so every cell's text is the one a whole read gives.

Anything this reader does not fully understand sends the sheet to the whole read (:func:`read_sparse` returns None,
or :class:`SparseGrid` reads the file whole when asked for every row): a workbook of more than one worksheet,
prefixed XML elements, rows or cells without their ``r`` reference, a small sheet. An ID cell not written in the
first rows' shape (rich text, an entity, a number) is read by fastexcel from a small workbook too, before the filter
sees it, so the filter's decisions are those of the whole read. The small workbooks carry only the shared strings
their rows use: fastexcel reads every shared string of a workbook it opens, a million of them in half a second.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from itertools import islice
from pathlib import Path

import numpy as np

from .limits import Limits, _as_arrow, _chunks, _col_number, _sheet_entries, related_parts
from .read import HEAD_ROWS, XLSX, Grid, _cells_coded, _python_rows, _read_columns, _sheet_wanted, is_xlsx, text_sheet

# Sheets whose XML is smaller than this are read whole: fastexcel's time for them is small anyway.
MIN_XML_BYTES = 32 << 20

_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
_ROW_NUMBER = re.compile(rb'<row r="(\d+)"')
_CELL_REF = re.compile(rb'(<c r="[A-Z]+)\d+"')
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
# What follows '<si>' in the shared strings part when the string is plain text (no runs, no entities).
_PLAIN_TEXT = r"^<t(?: xml:space=\"preserve\")?>(?P<text>[^<&]*)</t></si>"
# A shared-string cell: its start tag, the string's index.
_SHARED_CELL = re.compile(rb'(<c r="[A-Z]+\d+"(?: [a-zA-Z]+="[^"]*")*? t="s"(?: [a-zA-Z]+="[^"]*")*>)<v>(\d+)</v>')
_COUNTS = re.compile(rb'\s(?:count|uniqueCount)="\d*"')
SHARED_PART = "xl/sharedstrings.xml"


_ATTRS = re.compile(rb'<c r="[A-Z]+\d+"([^>]*)>')
_STYLE = re.compile(rb' s="\d+"')
# A string cell's value, by its type: the text of an inline or formula string, a shared string's index.
_VALUES = {b' t="inlineStr"': ("inline", "<is><t>(?P<text>[^<&]*)</t></is>"),
           b' t="str"': ("formula", "<v>(?P<text>[^<&]*)</v>"),
           b' t="s"': ("shared", "<v>(?P<text>\\d+)</v>")}


def _text_shape(head: list[bytes], letters: bytes) -> tuple[str, str] | None:
    """How the first rows write their ID cells' string values: (type, the RE2 pattern for what follows '<c r="B'
    in such a cell, its text or shared-string index captured), the most common shape of string cell; None for none.
    A cell of another shape (number, blank, other attributes) gives no text here (:meth:`SparseGrid.index`)."""
    ref, shapes = b'<c r="' + letters, Counter()
    for row in head:
        for m in _ATTRS.finditer(row):
            if m.group(0).startswith(ref) and m.group(0)[len(ref):len(ref) + 1].isdigit():
                shapes[_STYLE.sub(b' s="#"', m.group(1))] += 1
    for shape, _ in shapes.most_common():
        value = _VALUES.get(shape.replace(b' s="#"', b""))
        if value is not None and re.fullmatch(rb'[ a-zA-Z="#]*', shape):
            return value[0], '^\\d+"' + shape.decode("ascii").replace("#", "\\d+") + ">" + value[1]
    return None


def _workbook(zf: zipfile.ZipFile, parts: dict[str, bytes]) -> bytes:
    """The workbook with some parts (lower-case names) replaced (stored, not compressed: it is read at once)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for info in zf.infolist():
            name = info.filename.lstrip("/").lower()
            out.writestr(info.filename, parts[name] if name in parts else zf.read(info))
    return buf.getvalue()


def _load(book: bytes, sheet: str):
    import fastexcel

    return text_sheet(fastexcel.read_excel(book), sheet).to_arrow()


class _Sheet:
    """A worksheet's XML, inflated and cut after whole rows, with the workbook it came from."""

    def __init__(self, zf: zipfile.ZipFile, part: str, chunks: list[bytes]) -> None:
        self.zf, self.part = zf, part
        self._strings: tuple[bytes, object] | None = None  # see shared()
        self.windows: list[bytes] = []
        tail = b""
        chunks.reverse()
        while chunks:
            chunk = chunks.pop()
            cut = chunk.rfind(b"</row>") + len(b"</row>")
            if cut >= len(b"</row>"):  # copied once: the last window's tail, then this chunk up to its last row's end
                self.windows.append(b"".join((tail, memoryview(chunk)[:cut])))
                tail = chunk[cut:]
                continue
            window = tail + chunk  # (a row's end may straddle the two)
            cut = window.rfind(b"</row>") + len(b"</row>")
            if cut < len(b"</row>"):
                tail = window
                continue
            self.windows.append(window[:cut])
            tail = window[cut:]
        self.suffix = tail  # </sheetData> and what follows
        first = self.windows[0] if self.windows else b""
        at = first.find(b"<sheetData>")
        self.prefix = _DIMENSION.sub(b"", first[:at + len(b"<sheetData>")]) if at >= 0 else b""
        if at >= 0:
            self.windows[0] = first[at + len(b"<sheetData>"):]

    def understood(self) -> bool:
        """Whether the rows are written as this reader expects: in an unprefixed sheetData element, the first window's
        rows each naming its number (:meth:`SparseGrid.index` checks the others)."""
        return (bool(self.prefix) and b"</sheetData>" in self.suffix and bool(self.windows)
                and not any(b"</sheetData>" in w for w in self.windows)
                and self.windows[0].count(b"<row") == self.windows[0].count(b'<row r="'))

    def shared(self):
        """The shared strings part cut after each '<si>' (Arrow; piece k is string k, its '</si>' and what
        follows), read once; None without the part."""
        if self._strings is None:
            import pyarrow as pa
            import pyarrow.compute as pc

            info = next((i for i in self.zf.infolist() if i.filename.lstrip("/").lower() == SHARED_PART), None)
            self._strings = (b"", None)
            if info is not None:
                data = b"".join(_chunks(self.zf, info))
                pieces = pc.list_flatten(pc.split_pattern(pa.array([data], type=pa.large_binary()), b"<si>")).slice(1)
                self._strings = (_COUNTS.sub(b"", data[:data.find(b"<si>")]), pieces)  # the root's start tag, the strings
        return self._strings[1]

    def book(self, rows: list[bytes]) -> bytes:
        """A workbook whose worksheet holds only these row elements, and whose shared strings part only the strings
        they use (renumbered): fastexcel reads every shared string of a workbook, a million of them in half a second.

        Raises:
            ValueError: a shared-string cell not written as expected, or an index past the strings.
        """
        xml, parts = b"".join(rows), {}
        strings = self.shared() if b' t="s"' in xml else None
        if strings is not None:
            cells = _SHARED_CELL.findall(xml)
            used = sorted({int(i) for _, i in cells})
            if len(cells) != xml.count(b' t="s"') or (used and used[-1] >= len(strings)):
                raise ValueError("shared-string cells of another shape")
            new = {old: b"%d" % k for k, old in enumerate(used)}
            xml = _SHARED_CELL.sub(lambda m: m.group(1) + b"<v>" + new[int(m.group(2))] + b"</v>", xml)
            pieces = strings.take(used).to_pylist()
            parts[SHARED_PART] = self._strings[0] + b"".join(b"<si>" + p[:p.rfind(b"</si>") + 5] for p in pieces) + b"</sst>"
        parts[self.part] = self.prefix + xml + self.suffix
        return _workbook(self.zf, parts)


class SparseGrid(Grid):
    """A :class:`io.read.Grid` for a big worksheet of a filtered list (see the module docstring).

    ``rows`` and ``columns`` hold the first rows (to find the header in); :meth:`index` then reads the ID column's
    text. The cells of other rows are read when asked for (:meth:`data_columns`, :meth:`data_rows`), the rows asked
    for only; when every row is asked for, or the ID column is unknown, the sheet is read whole.
    """

    def __init__(self, path: Path, sheet: _Sheet, name: str, note_sheet: bool, limits: Limits) -> None:
        head_xml = list(islice((m.group(0) for m in _ROW.finditer(sheet.windows[0])), HEAD_ROWS))
        head = _load(sheet.book(head_xml), name)
        super().__init__(path, name, _python_rows(head), 1, [], XLSX, note_sheet=note_sheet, columns=head)
        self._xml, self._limits, self._head_xml, self._head = sheet, limits, head_xml, head
        self._whole: Grid | None = None  # the sheet read whole, once needed
        self._numbers = self._ids = None  # each row element's number; the ID column's text per row element
        self._places = None  # each row element's window and where its ID cell starts there (-1: not known)
        self._indexed, self._id_col = False, None
        self._last = max((int(_ROW_NUMBER.match(r).group(1)) for r in head_xml), default=0)
        self._height = self._count()

    def _count(self) -> int:
        """The sheet's height as fastexcel counts it: through the last row holding a value."""
        for window in reversed(self._xml.windows):
            for part in (window[-(1 << 20):], window):  # the last rows first
                for row in reversed(_ROW.findall(part)):
                    if b"<v>" in row or b"<t>" in row or b"<t " in row:
                        return int(_ROW_NUMBER.match(row).group(1))
        return len(self.rows)

    @property
    def height(self) -> int:
        return self._height if self._whole is None else self._whole.height

    def index(self, id_col: int | None) -> None:
        """Read the ID column's text from the XML (at most once; nothing without an ID column)."""
        if id_col is None or self._indexed:
            return
        self._indexed, self._id_col = True, id_col
        import pyarrow as pa
        import pyarrow.compute as pc

        from xlsxwriter.utility import xl_col_to_name

        letters = xl_col_to_name(id_col + self._offset()).encode("ascii")
        cell, shape = b'<c r="' + letters, _text_shape(self._head_xml, letters)
        if shape is None:
            return  # no ID cell of a shape read here: left to the whole read
        kind, text = shape
        numbered = "^(?P<row>" + text[1:].replace('"', ')"', 1)  # the row number captured too
        numbers, parts, cells_at = [], [], []  # row numbers; the ID text; whether the row has an ID cell
        places = []  # (window, where its ID cell starts) of each row, -1 where not known
        for w, window in enumerate(self._xml.windows):
            rows = window.count(b"<row")
            if rows != window.count(b'<row r="'):
                return  # a row that does not name its number: left to the whole read
            # each piece after '<c r="B' starts with the ID cell's row number (pieces starting with a letter are
            # cells of a wider column, BA…); the text where the cell has the shape of the first rows' ID cells
            flat = pc.list_flatten(pc.split_pattern(_as_arrow(window), cell))  # (the window not copied)
            pieces = flat.slice(1)
            both = pc.extract_regex(pieces, numbered)  # (one pass where every ID cell has the first rows' shape)
            shaped = pc.is_valid(both)
            if pc.all(shaped).as_py() is not False:
                row, placed, found = pc.struct_field(both, [0]), shaped, pc.struct_field(both, [1])
            else:
                row = pc.struct_field(pc.extract_regex(pieces, r'^(?P<row>\d+)"'), [0])
                placed = pc.is_valid(row)
                found = pc.struct_field(both.filter(placed), [1])
            got = pc.cast(pc.cast(row.filter(placed), pa.large_string()), pa.int64()).to_numpy()
            if len(got) == rows and (len(got) < 2 or (np.diff(got) > 0).all()):
                numbers.append(got)
                parts.append(found)
                cells_at.append(np.ones(len(got), dtype=bool))
                # piece k + 1 starts after k + 1 separators: its separator where the pieces before it end, plus k
                ends = np.frombuffer(flat.buffers()[1], dtype=np.int64)[flat.offset:flat.offset + len(flat)]
                starts = ends[1:] - ends[0] + np.arange(len(ends) - 1, dtype=np.int64) * len(cell)
                places.append((np.full(len(got), w, dtype=np.int64),
                               starts[placed.to_numpy(zero_copy_only=False)]))
                continue
            # rows without an ID cell (blank rows, totals): each found cell placed on its row
            every = np.array([int(n) for n in _ROW_NUMBER.findall(window)], dtype=np.int64)
            at = np.searchsorted(every, got)
            if len(every) != rows or len(got) and (len(np.unique(got)) != len(got) or at.max() >= len(every)
                                                   or (every[at] != got).any()):
                return  # not in row order: left to the whole read
            where = np.full(len(every), len(found), dtype=np.int64)
            where[at] = np.arange(len(found))
            numbers.append(every)
            parts.append(pa.concat_arrays([found, pa.nulls(1, type=found.type)]).take(pa.array(where)))
            cells_at.append(where < len(found))
            places.append((np.full(len(every), w, dtype=np.int64), np.full(len(every), -1, dtype=np.int64)))
        numbers = np.concatenate(numbers) if numbers else np.zeros(0, dtype=np.int64)
        if len(numbers) > 1 and not (np.diff(numbers) > 0).all():
            return  # rows out of order: left to the whole read
        cells = pa.concat_arrays(parts) if parts else pa.array([], type=pa.large_binary())
        self._numbers, ids = numbers, self._resolved(cells, kind == "shared")
        self._places = (np.concatenate([p[0] for p in places]), np.concatenate([p[1] for p in places])) if places else None
        # ID cells of another shape (rich text, a number, an entity …): read by fastexcel, those rows only
        unknown = np.concatenate(cells_at) & ids.is_null().to_numpy(zero_copy_only=False) if len(numbers) else numbers > 0
        if unknown.any():
            part = self._part(0, numbers[unknown] - 1)
            if self._numbers is None:
                return
            texts = part.column(id_col).combine_chunks().cast(pa.string()) if id_col < part.num_columns \
                else pa.nulls(int(unknown.sum()), type=pa.string())
            where = np.arange(len(ids))
            where[unknown] = len(ids) + np.arange(int(unknown.sum()))
            ids = pa.concat_arrays([ids, texts]).take(pa.array(where))
        # what the XML gave for the first rows must be what fastexcel read there (the column, the text)
        head = numbers <= self._last
        read = self._head.column(id_col).to_pylist() if id_col < self._head.num_columns else []
        for n, v in zip(numbers[head].tolist(), ids.slice(0, int(head.sum())).to_pylist()):
            if v is not None and (n > len(read) or read[n - 1] != v):
                self._numbers = None
                return
        self._ids = ids

    def _offset(self) -> int:
        """The column the sheet's first column is (fastexcel starts at the first column holding a value)."""
        first = min((m.group(1) for r in self._head_xml for m in re.finditer(rb'<c r="([A-Z]+)\d+"[^>]*?>(?=<[vif])', r)),
                    key=lambda s: (len(s), s), default=b"A")
        return _col_number(first) - 1

    def _resolved(self, cells, shared: bool):
        """Each row's ID text (null where unknown, or blank): an inline or formula string as written, a shared
        string looked up when the string is plain text."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if shared:
            strings = self._xml.shared()
            if strings is None:
                return pa.nulls(len(cells), type=pa.string())
            table = pc.struct_field(pc.extract_regex(strings, _PLAIN_TEXT), [0])
            index = pc.cast(pc.cast(cells, pa.large_string()), pa.int64())
            valid = pc.fill_null(pc.less(index, len(table)), False)
            cells = pc.if_else(valid, table.take(pc.if_else(valid, index, 0)), pa.scalar(None, pa.large_binary()))
        cells = pc.if_else(pc.equal(pc.binary_length(cells), 0), pa.scalar(None, pa.large_binary()), cells)
        return pc.cast(cells, pa.string())

    def id_cells(self, col: int, start: int):
        """The ID column's cells from row ``start`` down, as :meth:`io.read.Grid.id_cells` gives them (null: blank,
        or not read for certain, which the filter keeps)."""
        import pyarrow as pa

        self.index(col)
        if self._numbers is None or col != self._id_col:  # a second person's ID column (a business's 投资人): read whole
            return self._read_whole().id_cells(col, start)
        n = max(0, self.height - start)
        pos = self._numbers - 1 - start
        first = int(np.searchsorted(pos, 0))  # (the numbers ascend)
        if len(pos) - first == n and (n == 0 or pos[-1] == n - 1):  # a row element for each row: the cells as read
            return self._ids.slice(first)
        where = np.full(n, len(self._ids), dtype=np.int64)
        ok = (pos >= 0) & (pos < n)
        where[pos[ok]] = np.flatnonzero(ok)
        return pa.concat_arrays([self._ids, pa.nulls(1, type=pa.string())]).take(pa.array(where))

    def _read_whole(self) -> Grid:
        """The sheet read whole from its file, as a sheet not read sparsely is (once)."""
        if self._whole is None:
            self._whole = _read_columns(self.path, ((self.sheet, True),), self._limits, [], True)[0]
        return self._whole

    def _part(self, start: int, at):
        """The rows at positions ``at`` below ``start`` as Arrow columns (every row when ``at`` is None)."""
        import pyarrow as pa

        if at is None or self._numbers is None or self._whole is not None:
            part = self._read_whole().columns.slice(start)
            return part if at is None else part.take(pa.array(np.asarray(at, dtype=np.int64)))
        wanted = np.asarray(at, dtype=np.int64) + start + 1  # row numbers (at is sorted and unique)
        later = wanted > self._last
        below = wanted[later]
        found = np.searchsorted(self._numbers, below)
        present = found < len(self._numbers)  # a row element below the first rows (else a blank row)
        present[present] = self._numbers[found[present]] == below[present]
        moved = _renumbered(self._elements(below[present], found[present]), self._last + 1)
        try:
            table = _load(self._xml.book(self._head_xml + moved), self.sheet)
        except Exception:  # noqa: BLE001 - whatever fastexcel makes of it, the whole read reports it properly
            table = None
        if table is None or not _same_start(table, self._head):  # a row's cell left of the first rows' first cell
            self._numbers = None
            return self._part(start, at)
        place = wanted - 1
        place[later] = np.where(present, self._last + np.cumsum(present) - 1, table.num_rows)
        place[place >= table.num_rows] = table.num_rows  # blank rows: the all-null row appended
        return pa.Table.from_batches([table, _nulls(table.schema)]).take(pa.array(place))

    def _elements(self, numbers: np.ndarray, at: np.ndarray) -> list[bytes]:
        """The row elements with these numbers (sorted; ``at``: their places in ``_numbers``): each the row element
        holding its ID cell when that names the number, else all found window by window."""
        out, windows = [], self._xml.windows
        if self._places is not None and len(numbers):
            for w, cell, n in zip(self._places[0][at].tolist(), self._places[1][at].tolist(), numbers.tolist()):
                window = windows[w]
                start = window.rfind(b"<row", 0, cell) if cell >= 0 else -1
                if start < 0 or not window.startswith(b'<row r="%d"' % n, start):
                    break
                tag = window.find(b">", start)
                end = tag + 1 if window[tag - 1:tag] == b"/" else window.find(b"</row>", tag) + len(b"</row>")
                out.append(window[start:end])
            else:
                return out
        out, k = [], 0
        for window in self._xml.windows:
            if k >= len(numbers):
                break
            top = int(_ROW_NUMBER.match(window, window.rfind(b'<row r="')).group(1))
            pos = 0
            while k < len(numbers) and numbers[k] <= top:
                at = window.find(b'<row r="%d"' % numbers[k], pos)
                tag = window.find(b">", at)
                end = tag + 1 if window[tag - 1:tag] == b"/" else window.find(b"</row>", tag) + len(b"</row>")  # <row r="n"/>
                out.append(window[at:end])
                pos = end
                k += 1
        return out

    def data_rows(self, start: int, at=None) -> list[list]:
        return _python_rows(self._part(start, at))

    def data_columns(self, cols, start: int, at=None) -> dict[int, list]:
        part = self._part(start, at)
        return {c: (_cells_coded(part.column(c)) if c < part.num_columns else [""] * part.num_rows) for c in cols}

    def part(self, begin: int, end: int) -> Grid:
        # a sheet of stacked tables (rare in a big list): each table from the sheet read whole
        return self._read_whole().part(begin, end)

    def filled(self) -> bool:
        return self.height > 0 and (any(c.null_count < len(c) for c in self._head.columns) or self.height > len(self.rows))


def _same_start(table, head) -> bool:
    """Whether a read of the first rows and more holds the first rows' cells where a read of them alone has them."""
    if table.num_columns < head.num_columns or table.num_rows < head.num_rows:
        return False
    return all(table.column(c).slice(0, head.num_rows).to_pylist() == head.column(c).to_pylist()
               for c in range(head.num_columns))


def _nulls(schema):
    import pyarrow as pa

    return pa.RecordBatch.from_arrays([pa.nulls(1, type=f.type) for f in schema], schema=schema)


def _renumber(element: bytes, number: int) -> bytes:
    """A row element moved to another row number (its cells' references with it)."""
    n = b"%d" % number
    element = _ROW_NUMBER.sub(b'<row r="' + n + b'"', element, count=1)
    return _CELL_REF.sub(lambda m: m.group(1) + n + b'"', element)


def _renumbered(elements: list[bytes], first: int) -> list[bytes]:
    """The row elements moved to rows ``first``, ``first + 1`` …: :func:`_renumber` of each, in bulk (RE2 marks each
    number with a NUL byte, which no XML holds; an element that holds one is renumbered alone)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not elements or any(b"\x00" in e for e in elements):
        return [_renumber(e, first + k) for k, e in enumerate(elements)]
    marked = pc.replace_substring_regex(pa.array(elements, type=pa.large_binary()), r'<row r="\d+"', '<row r="\x00', max_replacements=1)  # (_ROW_NUMBER)
    marked = pc.replace_substring_regex(marked, r'(<c r="[A-Z]+)\d+"', "\\1\x00")  # (_CELL_REF)
    numbers = pa.array([b'%d"' % n for n in range(first, first + len(elements))], type=pa.large_binary())
    return pc.binary_join(pc.split_pattern(marked, b"\x00"), numbers).to_pylist()


def is_big(path: Path) -> bool:
    """Whether a file is a one-sheet workbook that :func:`read_sparse` may read (from its zip directory alone)."""
    if not is_xlsx(path):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            parts = related_parts(zf, path, "worksheet")
            sizes = {i.filename.lstrip("/").lower(): i.file_size for i in zf.infolist()}
    except Exception:  # noqa: BLE001 - a damaged or hostile file: the read reports it
        return False
    return len(parts) == 1 and sizes.get(next(iter(parts)), 0) >= MIN_XML_BYTES


def read_sparse(path: Path, scan, limits: Limits, notes: list[str], note_sheets: bool) -> list[SparseGrid] | None:
    """Read a one-worksheet workbook's sheet as a :class:`SparseGrid`, or None to read it whole.

    Args:
        path: the workbook.
        scan: its safety scan (``io.limits.check_zip_workbook``), with the worksheet's XML kept.
        limits, notes, note_sheets: as :func:`io.read.read_grids`.
    Returns:
        The grid in a list, or None.
    """
    sheets, kept = scan.sheets, dict(scan.kept)
    scan.kept.clear()
    if len(sheets) != 1 or len(kept) != 1:
        return None
    zf = zipfile.ZipFile(path)
    grids = _grids(path, zf, *kept.popitem(), sheets[0], limits, notes, note_sheets)
    if not grids:  # the grid keeps the archive open for the rows read later; nothing else does
        zf.close()
    return grids


def _grids(path: Path, zf: zipfile.ZipFile, part: str, chunks: list[bytes], sheet: tuple[str, bool], limits: Limits,
           notes: list[str], note_sheets: bool) -> list[SparseGrid] | None:
    """:func:`read_sparse`'s grids from the open workbook and its worksheet's kept XML."""
    if related_parts(zf, path, "worksheet") != {part} or not related_parts(zf, path, "sharedStrings") <= {SHARED_PART}:
        return None
    name, visible = sheet
    note_sheet = _sheet_wanted(name, visible, 1, notes, note_sheets)
    if note_sheet is None:
        return []
    xml = _Sheet(zf, part, chunks)
    if not xml.understood():
        return None
    try:
        return [SparseGrid(path, xml, name, note_sheet, limits)]
    except Exception:  # noqa: BLE001 - whatever fastexcel makes of the first rows, the whole read reports it properly
        return None


def first_rows_book(path: Path, scan, rows: int) -> tuple[bytes, dict[str, int]] | None:
    """The workbook with each worksheet whose XML the scan kept cut after its first rows, for a reader that needs only
    those (a folder's files are told apart by their headers: a city's list parsed whole took seconds of it).

    Args:
        path: the workbook, scanned by ``io.limits.check_zip_workbook`` with the XML of its big worksheets kept.
        scan: that scan.
        rows: the row elements each cut sheet keeps.
    Returns:
        (the workbook, sheet name → the number of its last row element for each sheet cut), or None when a sheet is
        not written as :class:`_Sheet` expects (the caller reads the file whole).
    """
    kept = dict(scan.kept)
    scan.kept.clear()
    with zipfile.ZipFile(path) as zf:
        names = {part: name for name, _visible, part in _sheet_entries(zf, related_parts(zf, path, "worksheet"))}
        parts, heights = {}, {}
        for part, chunks in kept.items():
            xml = _Sheet(zf, part, chunks)
            if not xml.understood() or part not in names:
                return None
            head = list(islice((m.group(0) for w in xml.windows for m in _ROW.finditer(w)), rows))
            last = _ROW_NUMBER.match(xml.windows[-1], max(xml.windows[-1].rfind(b'<row r="'), 0))
            if last is None:  # the last rows unnumbered
                return None
            heights[names[part]] = int(last.group(1))
            parts[part] = xml.prefix + b"".join(head) + xml.suffix
        return _workbook(zf, parts), heights
