"""A minimal, bounded reader of OLE compound files (.xls) and a pre-read scan of their BIFF records.

python-calamine trusts the DIMENSIONS record of an .xls sheet and allocates the whole grid it claims,
so a forged record aborts the process (SIGABRT, not catchable). This module finds the workbook stream
without trusting the file and checks every sheet's claimed and real extent before calamine sees it.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ..errors import EncryptedFileError, InputFileError, LimitExceededError

_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_MAX_CHAIN = 1 << 22  # sectors followed in one chain: 2 GB at 512-byte sectors
_ENCRYPTED_NAMES = {"encryptedpackage", "encryptioninfo"}
_BROKEN = "不是有效的 Excel 文件（文件已损坏、不完整或扩展名不符），请用 Excel/WPS 打开后另存为 .xlsx 再试。"
ENCRYPTED = "工作簿设置了打开密码（已加密），无法读取。请在 Excel/WPS 中输入密码打开，另存为不加密的文件后再试。"

# BIFF record types that carry (row, column) of a cell at payload offsets 0 and 2.
_CELL_RECORDS = {0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00BD, 0x00BE, 0x00D6, 0x0406}
_DIMENSIONS, _FILEPASS, _BOF = 0x0200, 0x002F, 0x0809


class _Ole:
    """Sector chains and directory entries of a compound file held in memory."""

    def __init__(self, data: bytes, path: Path):
        self.data, self.path = data, path
        if len(data) < 512 or not data.startswith(_MAGIC):
            raise InputFileError(path, _BROKEN)
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise InputFileError(path, _BROKEN)
        self.size = 1 << shift
        n_fat, first_dir, _, self.mini_cutoff, first_minifat, n_minifat, first_difat, n_difat = struct.unpack_from(
            "<IIIIIIII", data, 44)
        difat = list(struct.unpack_from("<109I", data, 76))
        sector = first_difat
        for _ in range(min(n_difat, _MAX_CHAIN)):
            if sector >= _END:
                break
            block = self._sector(sector)
            entries = struct.unpack_from(f"<{self.size // 4}I", block)
            difat.extend(entries[:-1])
            sector = entries[-1]
        fat_sectors = [s for s in difat if s < _END][:n_fat]
        fat = bytearray()
        for s in fat_sectors:
            fat += self._sector(s)
        self.fat = struct.unpack(f"<{len(fat) // 4}I", bytes(fat))
        self.entries = self._directory(first_dir)
        root = self.entries[0] if self.entries else None
        self.mini_stream = self.chain(root[2], root[3]) if root and root[3] else b""
        self.minifat = self._table(first_minifat) if n_minifat else ()

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * self.size
        if number >= _END or start + self.size > len(self.data):
            raise InputFileError(self.path, _BROKEN)
        return self.data[start : start + self.size]

    def _table(self, first: int) -> tuple[int, ...]:
        raw = self.chain(first, None)
        return struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4])

    def chain(self, first: int, size: int | None) -> bytes:
        """Return the bytes of a regular-sector chain, cut to ``size`` when given."""
        out, sector, seen = [], first, 0
        while sector < _END:
            seen += 1
            if seen > _MAX_CHAIN or sector >= len(self.fat):
                raise InputFileError(self.path, _BROKEN)
            out.append(self._sector(sector))
            if size is not None and seen * self.size >= size:
                break
            sector = self.fat[sector]
        data = b"".join(out)
        return data[:size] if size is not None else data

    def _mini_chain(self, first: int, size: int) -> bytes:
        out, sector, seen = [], first, 0
        while sector < _END and seen * 64 < size:
            seen += 1
            if seen > _MAX_CHAIN or sector >= len(self.minifat):
                raise InputFileError(self.path, _BROKEN)
            out.append(self.mini_stream[sector * 64 : sector * 64 + 64])
            sector = self.minifat[sector]
        return b"".join(out)[:size]

    def _directory(self, first: int) -> list[tuple[str, int, int, int]]:
        raw = self.chain(first, None)
        entries = []
        for off in range(0, len(raw) - 127, 128):
            name_len = struct.unpack_from("<H", raw, off + 64)[0]
            kind = raw[off + 66]
            start, size = struct.unpack_from("<IQ", raw, off + 116)
            if self.size == 512:
                size &= 0xFFFFFFFF
            name = raw[off : off + max(0, min(name_len, 64) - 2)].decode("utf-16-le", errors="replace")
            entries.append((name, kind, start, size))
        return entries

    def stream(self, name: str) -> bytes | None:
        """Return a stream by (case-insensitive) name, or None when absent."""
        for entry_name, kind, start, size in self.entries[1:]:
            if kind == 2 and entry_name.lower() == name.lower():
                if size > len(self.data) * 2 + (1 << 20):
                    raise InputFileError(self.path, _BROKEN)
                if size < self.mini_cutoff:
                    return self._mini_chain(start, size)
                return self.chain(start, size)
        return None

    def names(self) -> set[str]:
        """Return the lower-case names of every directory entry."""
        return {e[0].lower() for e in self.entries}


def check_ole_workbook(path: Path, max_cells: int, max_rows: int) -> None:
    """Refuse an OLE file that is encrypted, not a workbook, or whose sheets claim too large an extent.

    Args:
        path: the .xls (or encrypted .xlsx) file.
        max_cells: largest rows × columns a sheet may claim or fill.
        max_rows: most rows a sheet may hold.
    Raises:
        EncryptedFileError: encrypted file.
        InputFileError: broken file.
        LimitExceededError: a sheet's extent exceeds the bounds.
    """
    data = Path(path).read_bytes()
    try:
        ole = _Ole(data, path)
    except (struct.error, IndexError, ValueError, OverflowError, MemoryError) as exc:
        raise InputFileError(path, _BROKEN) from exc
    if ole.names() & _ENCRYPTED_NAMES:
        raise EncryptedFileError(path, ENCRYPTED)
    stream = ole.stream("Workbook") or ole.stream("Book")
    if stream is None:
        raise InputFileError(path, "不是 Excel 工作簿（可能是 Word 文档或其他 Office 文件），请确认选对了文件。")
    _scan_biff(stream, path, max_cells, max_rows)


def _scan_biff(stream: bytes, path: Path, max_cells: int, max_rows: int) -> None:
    """Walk BIFF records: FILEPASS means encrypted; DIMENSIONS and cells bound each sheet."""
    pos, end, sheet = 0, len(stream) - 4, -1
    max_row = max_col = 0
    unpack = struct.unpack_from
    cells = _CELL_RECORDS
    while pos <= end:
        rtype, length = unpack("<HH", stream, pos)
        body = pos + 4
        if rtype in cells:
            if length >= 4:
                row, col = unpack("<HH", stream, body)
                if row > max_row:
                    max_row = row
                if col > max_col:
                    max_col = col
        elif rtype == _BOF:
            _bound(path, sheet, max_row + 1, max_col + 1, max_cells, max_rows)
            sheet, max_row, max_col = sheet + 1, 0, 0
        elif rtype == _DIMENSIONS and length >= 14:
            first_row, last_row, first_col, last_col = unpack("<IIHH", stream, body)
            _bound(path, sheet, last_row - min(first_row, last_row), last_col - min(first_col, last_col),
                   max_cells, max_rows)
        elif rtype == _DIMENSIONS and length >= 10:
            first_row, last_row, first_col, last_col = unpack("<HHHH", stream, body)
            _bound(path, sheet, last_row - min(first_row, last_row), last_col - min(first_col, last_col),
                   max_cells, max_rows)
        elif rtype == _FILEPASS:
            raise EncryptedFileError(path, ENCRYPTED)
        pos = body + length
    _bound(path, sheet, max_row + 1, max_col + 1, max_cells, max_rows)


def _bound(path: Path, sheet: int, rows: int, cols: int, max_cells: int, max_rows: int) -> None:
    if rows > max_rows or rows * cols > max_cells:
        from .limits import Limits, extent_refusal

        raise LimitExceededError(path, extent_refusal(
            f"第 {max(sheet, 1)} 个工作表声明", rows, cols, rows > max_rows, Limits(max_rows=max_rows, max_cells=max_cells),
            "表格远处有误填的单元格、或文件中记录的范围有误的，请用 Excel/WPS 打开、删除多余的单元格后另存为 .xlsx 再试"))
