"""Safety limits on what a single input file may cost, and the pre-read checks that enforce them."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import LimitExceededError


@dataclass(frozen=True)
class Limits:
    """Bounds on one input file; the defaults are documented in the README (安全限制).

    Attributes:
        max_file_mb: largest file accepted, in MB.
        max_uncompressed_mb: largest total uncompressed size of a workbook's parts, in MB.
        max_ratio: largest compression ratio of a workbook part above 10 MB uncompressed.
        max_rows: most data rows read from one sheet or text file.
        max_cells: largest sheet extent (rows × columns) a workbook may claim.
    """

    max_file_mb: float = 2048
    max_uncompressed_mb: float = 4096
    max_ratio: float = 200
    max_rows: int = 6_000_000
    max_cells: int = 60_000_000


# A cell reference whose column has three letters, or two letters with a six-digit row: the only
# shapes that can make a sheet's extent huge. Matching is rare in real rosters, so the scan is cheap.
_FAR_REF = re.compile(rb'\sr="(?:[A-Z]{3}[0-9]|[A-Z]{2}[0-9]{6})')
_CELL_REF = re.compile(rb'<c[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})"')
_CHUNK = 8 << 20


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def check_zip_workbook(path: Path, limits: Limits) -> None:
    """Refuse a zipped workbook (.xlsx/.xlsm) that would cost too much to open.

    Checks the declared sizes and compression ratios, then streams each worksheet part to count its
    real uncompressed size and to find the farthest cell it names.

    Args:
        path: the workbook.
        limits: the bounds.
    Raises:
        LimitExceededError: when a bound is exceeded.
    """
    cap = limits.max_uncompressed_mb * 1024 * 1024
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:  # pragma: no cover - format sniffing catches most
        from ..errors import InputFileError

        raise InputFileError(path, "不是有效的 Excel 文件（文件已损坏或不完整），请用 Excel/WPS 打开后另存为 .xlsx 再试。") from exc
    with zf:
        infos = zf.infolist()
        if sum(i.file_size for i in infos) > cap:
            raise LimitExceededError(path, f"解压后超过 {limits.max_uncompressed_mb:.0f} MB 的安全上限，疑似“压缩炸弹”，已拒绝读取。")
        for info in infos:
            if info.file_size > 10 << 20 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise LimitExceededError(path, "压缩比异常（疑似“压缩炸弹”），已拒绝读取。")
        total = 0
        for info in infos:
            if not info.filename.startswith("xl/worksheets/") or not info.filename.endswith(".xml"):
                continue
            total = _scan_sheet(zf, info, path, limits, total, cap)


def _scan_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, limits: Limits, total: int, cap: float) -> int:
    tail = b""
    far = False
    with zf.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                raise LimitExceededError(path, f"解压后超过 {limits.max_uncompressed_mb:.0f} MB 的安全上限，疑似“压缩炸弹”，已拒绝读取。")
            window = tail + chunk
            if not far and _FAR_REF.search(window):
                far = True
            tail = window[-64:]
    if far:
        _check_extent(zf, info, path, limits)
    return total


def _check_extent(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, limits: Limits) -> None:
    max_row = max_col = 0
    min_row = min_col = 1 << 30
    with zf.open(info) as stream:
        tail = b""
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            window = tail + chunk
            cut = window.rfind(b"<")
            body, tail = window[:cut], window[cut:]
            for m in _CELL_REF.finditer(body):
                col, row = _col_number(m.group(1)), int(m.group(2))
                max_col, min_col = max(max_col, col), min(min_col, col)
                max_row, min_row = max(max_row, row), min(min_row, row)
    if max_row and (max_row - min_row + 1) * (max_col - min_col + 1) > limits.max_cells:
        raise LimitExceededError(
            path,
            f"工作表“{info.filename.rsplit('/', 1)[-1]}”的范围过大（到第 {max_row} 行、第 {max_col} 列），"
            "超过安全上限，已拒绝读取。请删除表格远处的空白或无关单元格后另存再试。",
        )
