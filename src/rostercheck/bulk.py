"""The out-of-core engine: DuckDB scans big CSV/Parquet lists and keeps only the rows a check can use.

Every check joins a list row to a person through the ID (exactly, or repaired with the name). So a
row whose ID is a clean, valid 18-character ID that no person of interest has, and that is not one
digit away from a damaged ID of one, can never take part in a finding. DuckDB drops those rows while
streaming the file; every other row (damaged IDs, 15-digit IDs, blanks, totals) is kept and goes
through the same normalisation and checks as in memory. For the household registry, every row of a
household that holds a kept row is kept too (kinship needs the whole household), and namesake counts
are taken over the whole file.

People of interest: roster members and everyone on the lists that are read whole (staff, cadres,
the filing table, supporters). The findings of both engines are the same by construction; a test
compares them.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputFileError
from .io.columns import former_id_column, people_cell_columns, person_id_columns
from .io.read import (DELIMITER_NAMES, PARQUET_MAGIC, WORKBOOK_ONLY, Grid, decode_text, parquet_rows,
                      renamed_text_note, sniff_delimiter)
from .io.field_names import coded_header, field_names, relabel
from .io.table import (AMOUNT_SAMPLE_ROWS, AMOUNT_SAMPLED, MONTHED_KINDS, Layout, Table, columns_frame,
                       companion_code_files, companion_grids, data_frame, STATUS_COUNTED, bare_codes, counted_field,
                       file_legends,
                       find_layout, finish_table, month_cells, record_notes, record_state)
from .normalize import ids
from .normalize.values import text as cell_text

# Lists big enough to be worth filtering, where only the person's own ID links a row to anyone.
FILTERED_KINDS = ("pensions", "registry", "wages", "vehicles", "properties", "businesses", "deaths",
                  "migrations", "prisoners")
HEAD_ROWS = 300
# DuckDB's read_csv refuses a line longer than this (its max_line_size default); the head is held to it too, so
# that a file of one 50 MB line is refused at once instead of its line being scored as a header (held-out 341)
MAX_LINE_BYTES = 2_000_000
FORMER_MIN_CHARS = 15  # a former-ID cell shorter than a 15-digit 一代证 holds no ID (KeySet.keeps_former)
MEMORY_LIMIT = "2GB"
_FULL_WIDTH = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
_HALF_WIDTH = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@dataclass
class KeySet:
    """The ID keys of the people of interest, in the shapes the filter compares.

    Attributes:
        exact: valid IDs.
        prefix14: first 14 characters of damaged IDs (typed as numbers, the last character lost, or a wrong check
            character).
        ends: region + last 4 characters of IDs with a wrong check character.
        middle: characters 7–18 of IDs with a wrong check character.
    """

    exact: set[str] = field(default_factory=set)
    prefix14: set[str] = field(default_factory=set)
    ends: set[str] = field(default_factory=set)
    middle: set[str] = field(default_factory=set)
    numbered: dict = field(default_factory=dict, repr=False, compare=False)  # key set name → its _key_numbers

    def add(self, values, statuses, reliable) -> None:
        """Add normalised IDs with their statuses and reliable prefix lengths.

        Args:
            values: normalised IDs.
            statuses: their statuses.
            reliable: their reliable prefix lengths.
        """
        self.numbered.clear()
        values, statuses = np.asarray(values, dtype=object), np.asarray(statuses, dtype=object)
        valid = (statuses == ids.VALID) | (statuses == ids.DATE)  # (the same impossible date in a list links, at 中)
        self.exact.update(values[valid])  # nearly all, in bulk (a year of ledgers names each payee 12 times)
        others = np.flatnonzero(~valid)
        reliable = np.asarray(reliable, dtype=object)[others].tolist()
        for v, s, r in zip(values[others].tolist(), statuses[others].tolist(), reliable):
            if s in (ids.NUMERIC, ids.SHORT) and r >= 14:
                self.prefix14.add(v[:14])
                if v[:15].isdigit():  # the 15th digit may be rounded either way
                    for near in (int(v[:15]) - 1, int(v[:15]) + 1):
                        self.prefix14.add(f"{near:015d}"[:14])
            elif s == ids.CHECK:
                # One wrong character (or an adjacent swap inside a part): two of the three parts agree.
                self.prefix14.add(v[:14])
                self.ends.add(v[:6] + v[14:])
                self.middle.add(v[6:])
            elif s == ids.FORMAT and ids.masked_shown(v) >= 14:
                # an applicant's ID masked after region and birth date (43052219560312****): the list rows of those
                # 14 digits are kept for match._as_masked (name + the digits shown, 低 at most; held-out 365)
                self.prefix14.add(v[:14])

    def first15(self) -> np.ndarray:
        """The valid IDs' first 15 digits as numbers (made once): a list cell ending in 000 whose first 15 digits are
        one's (or one's rounded up) may be that ID cut by a number format though its check character happens to fit
        (one in eleven does: held-out 159)."""
        if "first15" not in self.numbered:
            if "exact" not in self.numbered:
                self.numbered["exact"] = _key_numbers(self.exact, 18)
            first15 = np.sort(self.numbered["exact"] // 11 // 100)  # (np.unique's hashing: 6x slower)
            self.numbered["first15"] = first15[np.r_[True, first15[1:] != first15[:-1]]] if len(first15) else first15
        return self.numbered["first15"]

    def _cut_ones(self, first15: np.ndarray) -> np.ndarray:
        """Which numbers (first 15 digits of cells ending in 000) are a valid ID's first 15 digits or those rounded up."""
        keys = self.first15()
        among = self._lookup("first15", keys)
        return among(first15) | among(first15 - 1)

    def _lookup(self, name: str, keys: np.ndarray):
        """Whether each value is one of the numbered keys ``name``: their hash table made once, not once per call."""
        if name + "#" not in self.numbered:
            index = pd.Index(keys)
            self.numbered[name + "#"] = index if index.is_unique else index.unique()
        index = self.numbered[name + "#"]
        return lambda values: index.get_indexer(values) != -1

    def keeps(self, cells) -> np.ndarray:
        """Which raw ID cells may link to a person of interest: the streaming filter's rule, in memory.

        A cell is dropped only when it is text of exactly 18 clean characters with the right check
        character, no person of interest has it, it is not one digit away from a damaged ID of one, and it is not
        one's cut to 15 digits by a number format (…000, :meth:`first15`).

        Args:
            cells: raw ID cells as read (text, numbers, blanks), or an Arrow text array of them.
        Returns:
            A boolean mask, True for the cells to keep.
        """
        import pyarrow as pa

        if not isinstance(cells, (pa.Array, pa.ChunkedArray)):
            try:  # text cells (the usual case) go the same way
                cells = pa.array(cells, type=pa.string())
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):  # numbers among them
                return self._keeps_cells(cells)
        return self._keeps_text(cells)

    def keeps_former(self, cells) -> np.ndarray:
        """Which raw cells of a row's former-ID column (原身份证号) may link it to a person of interest: as :meth:`keeps`,
        but a cell too short to hold an ID (blank, 无, a number typed) keeps no row. A former ID links only as an equal
        valid ID (``match.former_links``); the row's own ID column keeps it for the rest (a blank ID, linked by name).

        Args:
            cells: raw former-ID cells as read, or an Arrow text array of them.
        Returns:
            A boolean mask, True for the cells to keep.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        whole = None
        if isinstance(cells, (pa.Array, pa.ChunkedArray)):
            try:
                whole = pc.fill_null(pc.greater_equal(pc.utf8_length(pc.utf8_trim_whitespace(cells)), FORMER_MIN_CHARS),
                                     False).to_numpy(zero_copy_only=False)
            except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):  # (a column of no text: all blank)
                cells = cells.to_pylist()
        if whole is None:
            whole = np.fromiter((isinstance(c, str) and len(c.strip()) >= FORMER_MIN_CHARS for c in cells), dtype=bool,
                                count=len(cells))
        return whole & self.keeps(cells) if whole.any() else whole

    def _keeps_text(self, column) -> np.ndarray:
        """:meth:`keeps` for an Arrow text array, in bulk: each clean ID and part of one compared as a number."""
        ahead = _AHEAD_CODES.pop(_identity(column), None)
        return self._keeps_codes(IdCodes(column) if ahead is None else ahead[1])

    def _keeps_codes(self, cells: IdCodes) -> np.ndarray:
        """:meth:`keeps` for an Arrow text array's :class:`IdCodes`."""
        keep = np.ones(cells.size, dtype=bool)
        at, codes, rows, values = cells.at, cells.codes, cells.rows, cells.values
        if not len(at):
            return keep
        droppable = cells.droppable.copy()
        for name, cols in (("exact", np.r_[0:18]), ("prefix14", np.r_[0:14]), ("ends", np.r_[0:6, 14:18]),
                           ("middle", np.r_[6:18])):
            keys = getattr(self, name)
            if keys and len(rows):
                if name not in self.numbered:
                    self.numbered[name] = _key_numbers(keys, len(cols))
                numbers = cells.exact() if name == "exact" else _numbers(values[:, cols])
                droppable[rows[self._lookup(name, self.numbered[name])(numbers)]] = False
        zeros = np.flatnonzero(droppable & cells.zeros)
        if len(zeros) and self.exact:
            first15 = np.zeros(len(zeros), dtype=np.int64)
            for k in range(15):
                first15 = first15 * 10 + (codes[zeros, k] - ord("0"))
            droppable[zeros[self._cut_ones(first15)]] = False
        keep[at[droppable]] = False
        return keep

    def _keeps_cells(self, cells: list) -> np.ndarray:
        """:meth:`keeps` for cells of any type (text, numbers, blanks)."""
        keep = np.ones(len(cells), dtype=bool)
        # Only text can be dropped (numbers and blanks are kept, even when no cell is text).
        lengths = np.fromiter((len(c) if isinstance(c, str) else -1 for c in cells), dtype=np.int64, count=len(cells))
        at = np.flatnonzero(lengths == 18)
        if not len(at):
            return keep
        texts = list(cells) if len(at) == len(cells) else [cells[i] for i in at]  # copied: x → X below
        wide = np.array(texts, dtype="U18").view(np.uint32).reshape(-1, 18)
        codes = wide.astype(np.uint8)  # only trusted where every character is ASCII (checked below)
        last = codes[:, 17]
        small_x = np.flatnonzero(last == ord("x"))
        for i in small_x:  # a lower-case check character is the same ID
            texts[i] = texts[i].upper()
        last[small_x] = ord("X")
        shaped, check_ok = ids.code_checks(codes)
        droppable = ((wide < 128).all(axis=1) & shaped & check_ok
                     & ~np.fromiter(map(self.exact.__contains__, texts), dtype=bool, count=len(texts)))
        for keys, part in ((self.prefix14, codes[:, :14]), (self.ends, codes[:, np.r_[0:6, 14:18]]),
                           (self.middle, codes[:, 6:])):
            if keys and droppable.any():
                near = np.ascontiguousarray(part).view(f"S{part.shape[1]}").ravel().tolist()
                droppable &= ~pd.Series(near, dtype=object).isin({k.encode() for k in keys}).to_numpy()
        zeros = np.flatnonzero(droppable & (codes[:, 15:18] == ord("0")).all(axis=1))
        if len(zeros) and self.exact:
            first15 = np.array([int(texts[i][:15]) for i in zeros.tolist()], dtype=np.int64)
            droppable[zeros[self._cut_ones(first15)]] = False
        keep[at[droppable]] = False
        return keep


def codes_ahead(column) -> None:
    """Make an Arrow text array's :class:`IdCodes` now, for :meth:`KeySet.keeps` of the same array (or a slice of the
    same buffers) later: the second process does that part of the filter while it waits for the key set."""
    codes = IdCodes(column)
    codes.exact()
    _AHEAD_CODES[_identity(column)] = (column, codes)  # (the array held: its buffers' addresses stay its)


# An array's identity (its buffers' addresses, offset, length and type) → (the array, its IdCodes): see codes_ahead.
_AHEAD_CODES: dict = {}


def forget_ahead() -> None:
    """Drop the :class:`IdCodes` made ahead that no filter took (each holds its array, a list's whole ID column)."""
    _AHEAD_CODES.clear()


def _identity(column) -> tuple:
    import pyarrow as pa

    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    return tuple((c.type, c.offset, len(c), *(0 if b is None else b.address for b in c.buffers())) for c in chunks)


class IdCodes:
    """What :meth:`KeySet.keeps` needs of an Arrow text array of ID cells before the key set is known (the second
    process makes it while it waits for the key set, :func:`loading._read_held`): its cells of 18 bytes, which of
    them are clean IDs with the right check character (``droppable``), those as digits (``values``, X as 10) and
    which end in 000."""

    def __init__(self, column) -> None:
        self.size = len(column)
        self.at, codes = _fixed_codes(column, 18)
        last = codes[:, 17]
        last[last == ord("x")] = ord("X")  # a lower-case check character is the same ID
        shaped, check_ok = ids.code_checks(codes)
        self.codes, self.droppable = codes, shaped & check_ok
        self.rows = np.flatnonzero(self.droppable)
        values = (codes if len(self.rows) == len(codes) else codes[self.rows]) - np.uint8(ord("0"))  # (one copy)
        values[values[:, 17] == ord("X") - ord("0"), 17] = 10  # (a shaped ID's X is its last character)
        self.values = values
        self.zeros = (codes[:, 15:18] == ord("0")).all(axis=1)
        self._exact = None

    def exact(self) -> np.ndarray:
        """The clean IDs as :func:`_numbers` numbers them (made once)."""
        if self._exact is None:
            self._exact = _numbers(self.values)
        return self._exact


def _fixed_codes(column, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The cells of an Arrow text array that are ``width`` bytes long: their positions and their bytes (one row each)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    at = np.flatnonzero(pc.binary_length(column).fill_null(0).to_numpy(zero_copy_only=False) == width)
    if not len(at):
        return at, np.zeros((0, width), dtype=np.uint8)
    fixed = (column if len(at) == len(column) else column.take(pa.array(at))).cast(pa.binary(width))
    codes = np.frombuffer(fixed.buffers()[1], dtype=np.uint8)[fixed.offset * width:(fixed.offset + len(at)) * width]
    return at, codes.reshape(-1, width).copy()


def _numbers(values: np.ndarray) -> np.ndarray:
    """Rows of an ID's digits (the last may be 10 for X) as one number each: the digits in base 10, the last in base 11."""
    out = np.zeros(len(values), dtype=np.int64)
    for k in range(values.shape[1] - 1):
        out = out * 10 + values[:, k]
    return out * 11 + values[:, -1]


def _key_numbers(keys: set[str], width: int) -> np.ndarray:
    """Keys of ``width`` characters as :func:`_numbers` numbers them (keys of another shape match no clean ID)."""
    import pyarrow as pa

    _, codes = _fixed_codes(pa.array(list(keys), type=pa.string()), width)
    digits = codes - np.uint8(ord("0"))
    shaped = (digits[:, :-1] <= 9).all(axis=1) & ((digits[:, -1] <= 9) | (codes[:, -1] == ord("X")))
    values = np.where(codes[shaped] == ord("X"), np.uint8(10), digits[shaped])
    return _numbers(values)


def filter_registry(table: Table, keys: KeySet, named: set[str]) -> dict[str, int] | None:
    """For a registry read whole: what :meth:`Streamer.load` and :meth:`Streamer.name_counts` do when streaming.

    Namesakes are counted over every row first, as :func:`rostercheck.namematch.name_counts` counts them
    together with the members, leaving out the IDs the members carry (the caller counts those). Then
    only the rows that can link to a person of interest stay in ``table``, with every row of their
    households (the 户号 keyed as :func:`rostercheck.reference.household_key` keys it, so no household is
    split); ``row_count`` keeps the whole file's count.

    Args:
        table: the registry, raw cells, every data row of the file.
        keys: the people of interest.
        named: the members' valid IDs that carry a name.
    Returns:
        name key → number of registry people besides the members, or None without a name column.
    """
    from .namematch import name_counts
    from .normalize.names import person_name
    from .normalize.values import text
    from .reference import by_value, cells, household_key

    f = table.frame
    id_cells, counts = cells(f, "id"), None
    if "name" in f.columns:
        number, status, _, _ = ids.id_numbers(id_cells)
        part = pd.DataFrame({"name_key": by_value(cells(f, "name"), person_name), "id": number, "id_status": status})
        counts = name_counts(part[~((part["id_status"] == ids.VALID) & part["id"].isin(named))])
    keep = keys.keeps(id_cells)
    if "household_no" in f.columns and keep.any():
        households = by_value(cells(f, "household_no"), lambda v: household_key(text(v)))
        kept = {households[i] for i in np.flatnonzero(keep)}
        keep |= np.fromiter(map(kept.__contains__, households), dtype=bool, count=len(households))
    table.row_count = table.rows
    table.frame = f[keep]
    return counts


def key_set(frames: list[pd.DataFrame]) -> KeySet:
    """Collect the keys of every ID column (``id``, ``cadre_id``, ``dependent_id``, ``head_id``) of some frames, and
    the valid IDs of their former-ID columns (``former_id``, ``dependent_former_id``: a roster's or a list's 原身份证号).

    Args:
        frames: the member frame and the normalised lists read whole.
    Returns:
        The key set.
    """
    keys = KeySet()
    for frame in frames:
        for prefix in ("", "cadre_", "dependent_", "head_"):
            if prefix + "id" in frame.columns and prefix + "id_status" in frame.columns:
                keys.add(frame[prefix + "id"].to_numpy(dtype=object), frame[prefix + "id_status"].to_numpy(dtype=object),
                         frame[prefix + "id_reliable"].to_numpy(dtype=object))
        # the rows under a person's former ID (a supporter's wages under his 原身份证号, a staff member's registry row,
        # a death under a member's old ID; held-out 337, 350) are kept for its valid form alone: a former ID links only
        # as an equal valid ID (match.former_links), never repaired
        for prefix in ("former_", "dependent_former_"):
            if prefix + "id" in frame.columns and prefix + "id_status" in frame.columns:
                valid = frame[prefix + "id_status"].to_numpy(dtype=object) == ids.VALID
                keys.add(frame[prefix + "id"].to_numpy(dtype=object)[valid], np.full(int(valid.sum()), ids.VALID), [])
    return keys


# Below this size a CSV/Parquet file is read by the in-memory readers (io.read: extension, HTML and limit
# checks, exact messages); DuckDB's start-up and SQL cost more than they save there.
STREAM_MIN_BYTES = 16 * 1024 * 1024


def streams(path: Path) -> bool:
    """Whether a file is read through DuckDB: CSV/Parquet it can stream, of at least ``STREAM_MIN_BYTES``.

    Args:
        path: the file.
    Returns:
        True to read it with :func:`load_whole` or :class:`Streamer`.
    """
    try:
        big = Path(path).stat().st_size >= STREAM_MIN_BYTES
    except OSError:
        return False  # the in-memory reader says what is wrong with it
    return big and readable(path)


def readable(path: Path) -> bool:
    """Whether the engine can stream a file: Parquet, or UTF-8 CSV.

    Args:
        path: the file.
    Returns:
        True for Parquet and UTF-8 (with or without BOM) text; Excel and GBK files are read in memory.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 16)
    except OSError:
        return False  # the in-memory reader says what is wrong with it
    if head.startswith(PARQUET_MAGIC):
        return True
    if not head or b"\x00" in head or head.startswith(b"PK") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return False
    from .io.html import is_sheet_export

    if is_sheet_export(head.decode("utf-8", errors="ignore")):
        return False  # a web page's tables or an XML spreadsheet (an export under an .xls name): io.read.page_grids
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a character cut at the end of the sample
    return True


# A connection opened ahead by the second process while it waits for the key set (:func:`open_ahead`).
_AHEAD: list = []


def open_ahead() -> None:
    """Open the next :class:`Streamer`'s DuckDB connection now (a second process idle until the key set comes)."""
    if not _AHEAD:
        _AHEAD.append(_connect())


def _connect():
    if _AHEAD:
        return _AHEAD.pop()
    import duckdb

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    # Leave most of the memory to the checks; DuckDB spills to a temporary folder beyond this.
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{tempfile.gettempdir()}/rostercheck-duckdb'")
    return con


def _source(path: Path, head: Grid, layout: Layout, delimiter: str, serial: bool = False,
            stored: list | None = None) -> str:
    """The DuckDB table expression for a file's data rows: ``_i`` (from 1) and text columns c0, c1 … (``serial``:
    DuckDB's one-thread CSV scanner, which reads a quoted line break: :func:`_serial_on_quoted_breaks`; ``stored``: a
    Parquet file's column names as stored, where the head's were read through a dictionary)."""
    p = str(path).replace("'", "''")
    if _is_parquet(path):
        cols = ", ".join(f'CAST("{str(n).replace(chr(34), chr(34) * 2)}" AS VARCHAR) AS c{i}'
                         for i, n in enumerate(head.rows[0] if stored is None else stored))
        return f"(SELECT row_number() OVER () AS _i, {cols} FROM read_parquet('{p}'))"
    cols = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(_width(head, layout)))
    d = delimiter.replace("'", "''")
    return (f"(SELECT row_number() OVER () AS _i, * FROM read_csv('{p}', header = false, skip = {layout.start}, "
            f"delim = '{d}', quote = '\"', escape = '\"', columns = {{{cols}}}, null_padding = true, "
            f"strict_mode = false, auto_detect = false{', parallel = false' if serial else ''}))")


def _row_numbers(path: Path, layout: Layout, records: np.ndarray) -> np.ndarray:
    """Spreadsheet row numbers (as the in-memory reader counts them) of DuckDB's data records 1, 2 ….

    DuckDB skips blank lines that the in-memory reader counts, so rows below a blank line are moved
    down by the number of blank lines above them.
    """
    if _is_parquet(path):
        return records + 1  # the header is row 1
    first = records + layout.start  # rows if no line were blank
    blanks = _blank_lines(path)
    blanks = blanks[blanks > layout.start]
    if not len(blanks):
        return first
    # Non-blank lines before blank line j: blanks[j] - 1 - j; record n sits below every blank line
    # with fewer non-blank lines before it than n.
    return first + np.searchsorted(blanks - np.arange(len(blanks)), first, side="right")


def _blank_lines(path: Path, chunk: int = 1 << 24) -> np.ndarray:
    """1-based numbers of the empty lines of a text file that have more lines below them."""
    found, line, carry = [], 1, b""
    with open(path, "rb") as fh:
        while True:
            data = fh.read(chunk)
            if not data:
                break
            block = carry + data
            base = line - carry.count(b"\n")
            for pattern in (b"\n\n", b"\n\r\n"):
                at = block.find(pattern)
                while at != -1:
                    found.append(base + block.count(b"\n", 0, at + 1))
                    at = block.find(pattern, at + 1)
            line += data.count(b"\n")
            carry = block[-2:]
    numbers = np.unique(np.array(found, dtype=np.int64))
    return numbers[numbers < line]  # a blank last line has nothing below it


def _is_parquet(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == PARQUET_MAGIC


def _open(path: Path, kind: str, serial: bool = False) -> tuple[Grid, Layout, str, str]:
    """A file's first rows, its layout, the DuckDB expression for its data rows (``serial``: see :func:`_source`) and
    its delimiter.

    Raises:
        InputFileError: the usual "no header" error when the first rows hold no header.
    """
    grid, delimiter = _head(path)
    stored = list(grid.rows[0]) if grid.rows else []  # (a Parquet file's columns are queried by these names)
    said = _named_fields(path, grid)
    layout = find_layout(grid, kind)
    if layout is None:
        finish_table(path, kind, [])  # no sheet: raises
    if said:
        layout.warnings.append(said)
    if path.suffix.lower() in WORKBOOK_ONLY and not _is_parquet(path):  # (a big CSV under an Excel name, h435)
        layout.warnings.append(renamed_text_note(path, DELIMITER_NAMES[delimiter]))
    file_legends(path, layout)
    return grid, layout, _source(path, grid, layout, delimiter, serial, stored), delimiter


def _named_fields(path: Path, grid: Grid) -> str | None:
    """Read a header of field codes (AAC002, AAC003) as the names the data dictionary named after the file gives them
    (死亡人员名单_数据字典.csv), in place, as :func:`io.table.read_file` reads a smaller file's (h391: a 22 MB deaths
    list with a coded header stopped the run, "找不到表头"); the notice, or None."""
    if not coded_header(grid):
        return None
    companions = companion_code_files(path)
    names = field_names(companion_grids(companions, None)) if companions else {}
    return relabel(grid, names) if names else None


def _head(path: Path) -> tuple[Grid, str]:
    """The first rows of a file as a grid (for the header and the column layout), and the delimiter."""
    if _is_parquet(path):
        return Grid(path, "", parquet_rows(path, HEAD_ROWS), 1), ","
    chunks = []
    with open(path, "rb") as fh:
        for number in range(1, HEAD_ROWS + 1):
            line = fh.readline(MAX_LINE_BYTES + 1)
            if len(line) > MAX_LINE_BYTES:
                raise _line_too_long(path, number)
            chunks.append(line)
    text = decode_text(b"".join(chunks), path).lstrip("\ufeff")
    lines = text.splitlines()
    delimiter = sniff_delimiter(lines[:50])
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:  # (a quoted cell over the csv module's field limit)
        raise InputFileError(path, _CSV_BAD_ADVICE.format(where="前几行中")) from exc
    return Grid(path, "", rows, 1), delimiter


_CSV_BAD_ADVICE = "CSV 格式有误：{where}引号不配对（或含有非法字符），请用 Excel/WPS 打开后另存为 .csv 再试。"


class _LineTooLong(InputFileError):
    """A line longer than DuckDB reads (:data:`MAX_LINE_BYTES`)."""


class _QuotedBreak(InputFileError):
    """DuckDB's parallel CSV scanner stopped at a quoted line break (worded as a quote not closed at its line, which it
    is when the serial scanner then finds a line too long: :func:`_serial_on_quoted_breaks`)."""


def _serial_on_quoted_breaks(read):
    """A reader of a CSV file through DuckDB (taking ``serial=``, passed to :func:`_open`) run with the parallel
    scanner, and again with the serial one where a quoted line break stopped it.

    A cell holding a line break (an address typed with Alt+Enter in Excel) is quoted, as CSV has it; the parallel
    scanner refuses it beside ``null_padding``. The serial one reads it; a quote that is never closed then makes a
    record run past :data:`MAX_LINE_BYTES` (refused as the quote at the line the parallel scanner named) or to the end
    of the file (:func:`_check_last`).
    """
    @functools.wraps(read)
    def run(*args, **kwargs):
        try:
            return read(*args, **kwargs)
        except _QuotedBreak as stopped:
            try:
                return read(*args, serial=True, **kwargs)
            except _LineTooLong:
                raise stopped from None
    return run


def _line_too_long(path: Path, line: int | None) -> InputFileError:
    where = f"第 {line} 行" if line else "其中一行"
    return _LineTooLong(path, f"{where}过长（超过 {MAX_LINE_BYTES // 1_000_000} MB）：表格的一行不会这么长，"
                                "可能是导出时损坏或缺少换行；请用 Excel/WPS 打开检查后另存为 .xlsx 或 .csv 再试，或从原系统重新导出。")


def _keeps_sql(col: str, upper: str, digits17: str) -> str:
    """SQL: whether a row is kept for the ID in ``col`` (``upper``: it in upper case; ``digits17``: its first 17
    digits as a BIGINT), as :meth:`KeySet.keeps` keeps it."""
    return (f"(NOT regexp_full_match(coalesce({col}, ''), '[0-9]{{17}}[0-9Xx]') OR NOT {_checksum_ok(digits17, col)} "
            f"OR {upper} IN (SELECT k FROM k_exact) OR substr({upper}, 1, 14) IN (SELECT k FROM k_p14) "
            f"OR substr({upper}, 1, 6) || substr({upper}, 15, 4) IN (SELECT k FROM k_ends) "
            f"OR substr({upper}, 7, 12) IN (SELECT k FROM k_mid) "
            f"OR (substr({upper}, 16, 3) = '000' AND ({digits17} // 100 IN (SELECT k FROM k_p15) "
            f"OR {digits17} // 100 - 1 IN (SELECT k FROM k_p15))))")


def _written_ids_sql(col: str) -> str:
    """SQL: whether a cell naming people with their IDs ('张三(6110…)；李四(6110…)', io.columns.people_cell_columns) writes
    the whole ID of a person of interest (a run of 18 characters cut from a longer one may keep a row more: harmless)."""
    return (f"EXISTS (SELECT 1 FROM (SELECT unnest(regexp_extract_all(upper(coalesce({col}, '')), '[0-9]{{17}}[0-9X]')) AS x) "
            "WHERE x IN (SELECT k FROM k_exact))")


def _checksum_ok(digits17: str, col: str) -> str:
    """SQL: whether an ID has the right check character, given its first 17 digits as a BIGINT."""
    terms = " + ".join(f"{w} * (({digits17} // {10 ** (16 - i)}) % 10)" for i, w in enumerate(ids.WEIGHTS))
    return f"substr('{ids.CHECK_MAP}', (({terms}) % 11)::INTEGER + 1, 1) = upper(substr({col}, 18, 1))"


def _household_key(col: str) -> str:
    """SQL: a coarse 户号 key (full-width folded, blanks removed, leading zeros dropped, upper case).

    Coarser than the normalisation in memory, so a household is never split: extra rows are harmless.
    Plain ASCII values (nearly all) take the cheap branch.
    """
    folded = (f"ltrim(upper(regexp_replace(translate(coalesce({col}, ''), '{_FULL_WIDTH}', '{_HALF_WIDTH}'), "
              f"'\\s', '', 'g')), '0')")
    return f"CASE WHEN regexp_full_match({col}, '[0-9A-Za-z]*') THEN ltrim(upper({col}), '0') ELSE {folded} END"


class Streamer:
    """One DuckDB connection with the people of interest registered once, for every big list.

    Use as a context manager; :meth:`load` reads one list, :meth:`name_counts` counts namesakes.
    """

    def __init__(self, keys: KeySet):
        self.con = _connect()
        for name, values in (("k_exact", keys.exact), ("k_p14", keys.prefix14), ("k_ends", keys.ends),
                             ("k_mid", keys.middle)):
            self.con.register(name, _text_table(list(values)))
        self.con.register("k_p15", pd.DataFrame({"k": keys.first15() if keys.exact else np.zeros(0, dtype=np.int64)}))

    def __enter__(self) -> "Streamer":
        return self

    def __exit__(self, *exc) -> None:
        self.con.close()

    def _query(self, path: Path, sql: str):
        return _query(self.con, path, sql)

    @_serial_on_quoted_breaks
    def load(self, path: Path, kind: str, serial: bool = False) -> Table:
        """Read a list, keeping only rows that can link to a person of interest.

        Args:
            path: a Parquet or UTF-8 CSV file.
            kind: the list kind.
        Returns:
            The table, as :func:`rostercheck.io.table.load_table` would give it for the kept rows
            (``row_count`` is the number of data rows in the whole file).
        Raises:
            InputFileError: when the file has no recognisable header or lacks a required column.
        """
        path = Path(path)
        grid, layout, source, delimiter = _open(path, kind, serial)
        names = ", ".join(["_i", *(f"c{i}" for i in range(_width(grid, layout)))])
        id_cols = person_id_columns(layout.mapping)
        former = former_id_column(layout.mapping) if id_cols else None
        total = int(self._query(path, f"SELECT count(*) FROM {source}").fetchall()[0][0])
        end = None  # (the fetched rows' cells: from c0 to the end, or to the _k column of the rows kept below)
        if not id_cols:
            got = self._query(path, f"SELECT {names} FROM {source} ORDER BY _i").fetchall()
            _check_last(path, got[-1][1:] if got else [], delimiter)
        else:  # a row is kept for any of its people's IDs (a business's 投资人 besides its 法定代表人)
            keep = " OR ".join(_keeps_sql(f"c{col}", f"_u{j}", f"_n{j}") for j, col in enumerate(id_cols))
            if former is not None:  # … and for its person's former ID, where one is written (KeySet.keeps_former)
                f = len(id_cols)
                keep += (f" OR (length(trim(coalesce(c{former}, ''))) >= {FORMER_MIN_CHARS} AND "
                         f"{_keeps_sql(f'c{former}', f'_u{f}', f'_n{f}')})")
            for col in people_cell_columns(layout.mapping):  # … and for a whole ID written in a 共有人 cell (h437)
                keep += f" OR {_written_ids_sql(f'c{col}')}"
            typed = ", ".join(f"upper(c{col}) AS _u{j}, TRY_CAST(substr(c{col}, 1, 17) AS BIGINT) AS _n{j}"
                              for j, col in enumerate([*id_cols, *([former] if former is not None else [])]))
            rows = f"(SELECT *, {typed} FROM {source})"
            hh_col = layout.mapping.get("household_no") if kind == "registry" else None
            if hh_col is not None:  # whole households: a second pass for every row of a kept row's 户号
                hk = _household_key(f"c{hh_col}")
                households = self._query(path, f"SELECT DISTINCT {hk} FROM {rows} WHERE {keep}").fetchall()
                self.con.register("k_households", _text_table([h for (h,) in households]))
                keep = f"{keep} OR {hk} IN (SELECT k FROM k_households)"
            if _is_parquet(path):  # (no quotes to check: _check_last)
                got = self._query(path, f"SELECT {names} FROM {rows} WHERE {keep} ORDER BY _i").fetchall()
            else:
                # The last record comes along, kept or not (_check_last: no scan of its own); _k says whether it is
                # kept. It is the only row that may not be: dropped if so, and _k cut as the rows are made below (a
                # copy of every fetched row without it raised the province's largest process by ~400 MB).
                got = self._query(path, f"SELECT {names}, ({keep}) AS _k FROM {rows} WHERE ({keep}) OR _i = {total} "
                                        "ORDER BY _i").fetchall()
                _check_last(path, got[-1][1:-1] if got and got[-1][0] == total else [], delimiter)
                if got and not got[-1][-1]:
                    got.pop()
                end = -1
        rows_ = [["" if v is None else v for v in row[1:end]] for row in got]
        numbers = _row_numbers(path, layout, np.array([int(row[0]) for row in got], dtype=np.int64)).tolist()
        # rows the system marks deleted or void (删除标志, 记录状态 …): no record, said (io.table.record_state)
        live, said = record_state(layout, lambda col: [row[col] if col < len(row) else "" for row in rows_], len(rows_))
        if live is not None:
            rows_, numbers = [row for row, k in zip(rows_, live) if k], [n for n, k in zip(numbers, live) if k]
        table = finish_table(path, kind, [(data_frame(rows_, numbers, layout, ""), layout, "")],
                             record_notes(said, path, kept_only=bool(id_cols)))
        # Rows left in DuckDB all had a clean ID, so they were data rows: count them as such.
        table.row_count = int(total) - (len(got) - len(table.frame))
        by = month_cells(layout.mapping)
        if kind in MONTHED_KINDS and id_cols and by:  # the whole file's months (``Table.months``), not the kept rows'
            pay = f"c{by[1]}" if len(by) > 1 else "''"
            counted = self._query(path, f"SELECT c{by[0]}, {pay}, count(*) FROM {source} GROUP BY ALL").fetchall()
            table.months = [("" if m is None else m, "" if p is None else p, int(n)) for m, p, n in counted]
        sampled = {fld: layout.mapping[fld] for fld in AMOUNT_SAMPLED.get(kind, ()) if fld in layout.mapping}
        if id_cols and sampled:  # … and its amounts' unit (Table.amount_sample), judged over the file's first rows
            got_ = self._query(path, f"SELECT {', '.join(f'c{c}' for c in sampled.values())} FROM {source} "
                                     f"ORDER BY _i LIMIT {AMOUNT_SAMPLE_ROWS}").fetchall()
            table.amount_sample = {fld: ["" if row[j] is None else row[j] for row in got_] for j, fld in enumerate(sampled)}
        counted = counted_field(kind)
        col = layout.mapping.get(counted)
        if (kind in STATUS_COUNTED and id_cols and col is not None and counted in table.frame.columns
                and bare_codes(table.frame[counted])):
            # … and its status cells (Table.statuses, as io.table.to_table counts a held list's; h395: a streamed
            # list's bulk was judged over the rows kept)
            table.statuses = Counter()
            for value, n in self._query(path, f"SELECT c{col}, count(*) FROM {source} GROUP BY ALL").fetchall():
                if value is not None and (said := cell_text(value)):
                    table.statuses[said] += int(n)
        return table

    @_serial_on_quoted_breaks
    def name_counts(self, path: Path, named: set[str], serial: bool = False) -> dict[str, int] | None:
        """Namesake counts over the whole registry file besides the members' IDs (the caller adds the roster's).

        People with a valid ID count once (a named member's ID not at all: the roster counts it); rows without
        one count one each, as :func:`namematch.name_counts` counts them.

        Args:
            path: the registry file.
            named: the members' valid IDs that carry a name (as :func:`filter_registry`).
        Returns:
            name key → number of registry people, or None when the file has no name or ID column.
        """
        from .normalize.names import person_name

        path = Path(path)
        _, layout, source, _ = _open(path, "registry", serial)
        if "name" not in layout.mapping or "id" not in layout.mapping:
            return None
        name, idc = f"c{layout.mapping['name']}", f"c{layout.mapping['id']}"
        u = (f"CASE WHEN regexp_full_match({idc}, '[0-9A-Za-z]*') THEN upper({idc}) "
             f"ELSE upper(regexp_replace(coalesce({idc}, ''), '\\s', '', 'g')) END")
        self.con.register("m_ids", _text_table(list(named)))
        sql = (f"WITH src AS (SELECT _i, coalesce({name}, '') AS n, _u AS u, "
               f"(regexp_full_match(_u, '[0-9]{{17}}[0-9X]') AND {_checksum_ok('_n', '_u')}) AS v "
               f"FROM (SELECT *, {u} AS _u, TRY_CAST(substr({u}, 1, 17) AS BIGINT) AS _n "
               f"FROM {source})), "
               "firsts AS (SELECT arg_min(n, _i) AS n FROM src WHERE v AND u NOT IN (SELECT k FROM m_ids) GROUP BY u) "
               "SELECT n, count(*) FROM (SELECT n FROM firsts UNION ALL SELECT n FROM src WHERE NOT v) GROUP BY n")
        raw = self._query(path, sql).fetchall()
        counts: dict[str, int] = {}
        for n, c in raw:
            key = person_name(n)
            if key:
                counts[key] = counts.get(key, 0) + int(c)
        return counts


def _query(con, path: Path, sql: str):
    """Run SQL over a file's rows; DuckDB's errors become the usual Chinese message."""
    import duckdb

    try:
        return con.execute(sql)
    except duckdb.Error as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: Exception) -> InputFileError:
    """DuckDB's (English) error on a file as the in-memory reader would word it: which line, and what to do."""
    if _is_parquet(path):
        return InputFileError(path, "Parquet 文件已损坏或无法读取，请重新导出后再试。")
    text = str(exc)
    found = re.search(r"CSV Error on Line: (\d+)", text)
    line = int(found.group(1)) if found else None
    if "Maximum line size" in text:
        return _line_too_long(path, line)
    said = _CSV_BAD_ADVICE.format(where=f"第 {line} 行附近" if line else "")
    return _QuotedBreak(path, said) if "quoted new line" in text else InputFileError(path, said)


def _counted(con, path: Path, grid: Grid, layout: Layout, source: str, delimiter: str) -> int:
    """The number of data records DuckDB reads in a file, its last record looked at in the same scan (_check_last)."""
    if _is_parquet(path):
        return int(_query(con, path, f"SELECT count(*) FROM {source}").fetchall()[0][0])
    cells = ", ".join(f"c{i}" for i in reversed(range(_width(grid, layout))))
    total, last = _query(con, path, f"SELECT count(*), arg_max(coalesce({cells}), _i) FROM {source}").fetchall()[0]
    _check_last(path, [last], delimiter)
    return int(total)


def _check_last(path: Path, cells, delimiter: str) -> None:
    """Refuse a CSV file whose last record's last filled cell is a quote opened and never closed (_unclosed_quote).

    Args:
        path: the file.
        cells: the last record's cells as DuckDB read them (or its last filled cell alone; none for no record).
        delimiter: the file's delimiter.
    Raises:
        InputFileError: naming the line where the quote opens, as the in-memory reader does.
    """
    filled = [c for c in cells if c is not None]  # (the cells after an open quote's are none)
    line = _unclosed_quote(path, filled[-1], delimiter) if filled and filled[-1] and not _is_parquet(path) else None
    if line is not None:
        raise InputFileError(path, _CSV_BAD_ADVICE.format(where=f"第 {line} 行附近"))


def _unclosed_quote(path: Path, cell: str, delimiter: str) -> int | None:
    """The line where a quote opened and never closed begins the last record's last cell ``cell``, or None.

    DuckDB's parallel scanner refuses a quoted line break, except in a quote never closed near the end of the file:
    that cell takes every line below it (rows lost without an error, held-out 347). Such a cell, and only such a
    cell, is the file's tail after an opening quote: a closed quoted cell ends in its closing quote, an unquoted one
    is not preceded by a quote.
    """
    escaped = cell.replace('"', '""').encode("utf-8")
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - len(escaped) - 16))
        tail = fh.read()
    # (DuckDB keeps a CRLF file's last \r in the cell; without a line end at the end of the file it leaves the cell's
    # last character out, or one quote of a doubled one)
    for end in [e for e in (b"\n", b"\r\n", b"\r") if tail.endswith(e)] or [b""]:
        body = tail[:len(tail) - len(end)]
        at = body.rfind(b'"' + escaped)
        rest = body[at + 1 + len(escaped):]
        if at != -1 and (not rest or not end and _one_character(rest)):
            break
    else:
        return None  # (a closed quoted cell ends in its closing quote)
    if at > 0 and body[at - 1:at] not in (delimiter.encode("utf-8"), b"\n", b"\r"):
        return None  # a quote inside an unquoted cell is read as itself
    start = size - len(tail) + at
    return 1 + _newlines_before(path, start)


def _one_character(rest: bytes) -> bool:
    """Whether the bytes after a cell at the end of a file are the one character DuckDB left out of it (not a closing
    quote)."""
    return rest == b'""' or rest != b'"' and len(rest.decode("utf-8", "replace")) == 1


def _newlines_before(path: Path, end: int, chunk: int = 1 << 24) -> int:
    with open(path, "rb") as fh:
        count, left = 0, end
        while left > 0:
            data = fh.read(min(chunk, left))
            if not data:
                break
            count += data.count(b"\n")
            left -= len(data)
    return count


def _text_table(values: list[str]):
    import pyarrow as pa

    return pa.table({"k": pa.array(values, type=pa.string())})


def _width(grid: Grid, layout: Layout) -> int:
    return max([len(layout.labels), *(len(r) for r in grid.rows)])


@_serial_on_quoted_breaks
def load_whole(path: Path, kind: str, serial: bool = False) -> Table:
    """Read a whole CSV/Parquet list through DuckDB, column by column (for rosters of millions).

    Cells repeated down a column (township, village, relation …) share one Python string, so a roster
    of millions of members takes a fraction of the memory of a row-by-row read.

    Args:
        path: a Parquet or UTF-8 CSV file.
        kind: 'roster' or a reference kind.
    Returns:
        The table, exactly as :func:`rostercheck.io.table.load_table` gives it for the same cells.
    Raises:
        InputFileError: when the file has no recognisable header or lacks a required column.
    """
    path = Path(path)
    grid, layout, source, delimiter = _open(path, kind, serial)
    con = _connect()
    try:
        # One column at a time: only one column is ever held twice (as Arrow and as Python strings).
        # (``_i`` is row_number(): 1 … the record count)
        numbers = _row_numbers(path, layout, np.arange(1, _counted(con, path, grid, layout, source, delimiter) + 1, dtype=np.int64))
        columns = {c: _objects(_arrow(con, f"SELECT c{c} FROM {source} ORDER BY _i", path).column(0))
                   for c in sorted(set(layout.mapping.values())) if c < _width(grid, layout)}

        def row_at(positions: np.ndarray) -> list[list]:
            con.register("doubtful", _text_table([str(int(p) + 1) for p in positions]))
            got = _query(con, path, f"SELECT * FROM {source} WHERE _i IN (SELECT k::BIGINT FROM doubtful) ORDER BY _i").fetchall()
            return [["" if v is None else v for v in row[1:]] for row in got]

        frame = columns_frame(columns, numbers, row_at, layout, "")
        # rows the system marks deleted or void (删除标志, 记录状态 …): no record, said (io.table.record_state)
        live, said = record_state(layout, lambda col: _objects(_arrow(con, f"SELECT c{col} FROM {source} ORDER BY _i", path)
                                                               .column(0)) if col < _width(grid, layout) else
                                  [""] * len(numbers), len(numbers))
        if live is not None:  # (by row number: the frame has left out blank and total rows)
            gone = np.asarray(numbers)[~live]
            frame = frame[~frame["_row"].astype(np.int64).isin(gone)].reset_index(drop=True)
    finally:
        con.close()
    return finish_table(path, kind, [(frame, layout, "")], record_notes(said, path))


def _arrow(con, sql: str, path: Path):
    """Run a query into an Arrow table (DuckDB's method name differs between versions)."""
    import duckdb

    try:
        rel = con.sql(sql)
        return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()
    except duckdb.Error as exc:
        raise _unreadable(path, exc) from exc


def _objects(column) -> np.ndarray:
    """An Arrow text column as an object array, each distinct value one shared Python string."""
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column)
    uniques = np.empty(len(encoded.dictionary) + 1, dtype=object)
    uniques[:-1] = encoded.dictionary.to_numpy(zero_copy_only=False)
    uniques[-1] = ""  # nulls (blank cells)
    codes = encoded.indices.fill_null(len(uniques) - 1).to_numpy(zero_copy_only=False)
    return uniques[codes]
