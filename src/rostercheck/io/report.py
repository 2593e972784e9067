"""Writing reports atomically: findings.csv, 问题清单.xlsx, run.json.

Every file is written to a temporary name in the output folder and renamed into place, so an interrupted
run never leaves a report that looks complete; a command's reports are put in place together, all or none
(:func:`report_set`). Text that Excel or WPS would take for a formula is written as text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import json
import math
import os
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from ..errors import OutputError, os_reason
from ..normalize.ids import redact

LEDGER_COLUMNS = ["核实情况", "整改措施", "责任人", "整改时限", "整改状态"]
# The mark of a column a township inserted into its ledger (carried by review under its own header; public copies
# leave such columns out: nobody knows what they hold).
TOWNSHIP_ADDED = "（乡镇添加）"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_LINE = re.compile("\n[" + "".join(map(re.escape, _FORMULA_START)) + "]")  # a line that starts as one does
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
    try:
        exists, is_dir = out.exists(), out.is_dir()
    except OSError as exc:  # (held-out 392: a name too long was said '无法使用文件', exit 3, as if an input were wrong)
        raise OutputError(f"无法使用输出文件夹“{out}”（{os_reason(exc)}）。请换一个名称较短、位置较浅的输出文件夹"
                          "（--out），如“桌面”或“文档”中的文件夹，后重新运行。") from exc
    if exists and not is_dir:
        raise OutputError(f"输出位置“{out}”是一个已存在的文件，不是文件夹。请用 --out 指定一个文件夹。")
    if not exists and out.suffix.lower() in (".xlsx", ".xls", ".csv", ".json", ".pdf", ".txt"):
        # (held-out 202: --out 第三季度问题清单.xlsx made a folder of that name)
        raise OutputError(f"--out 要写一个文件夹的名称（报告都写进这个文件夹），“{out.name}”像是文件名；"
                          f"请改为如 --out {out.with_suffix('').name}。")
    new = [p for p in (out, *out.parents) if not p.exists()]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        # (held-out 341: a folder without write permission was said '没有权限（文件可能正在 Excel/WPS 中打开）')
        where = "所在的文件夹没有写入权限" if isinstance(exc, PermissionError) else os_reason(exc)
        raise OutputError(f"无法创建输出文件夹“{out}”（{where}）。请换一个输出文件夹（--out），"
                          "如“桌面”或“文档”中的文件夹，或检查路径后重新运行。") from exc
    _CREATED.extend(new)
    # a folder that takes no file is said before the run, not after it (held-out 341: a read-only --out was
    # refused only when the reports were written, minutes into a city's audit)
    try:
        fd, probe = tempfile.mkstemp(prefix=".~rostercheck", suffix=".tmp", dir=out)
    except OSError as exc:
        raise OutputError(f"无法在输出文件夹“{out}”中写入报告（{_reason(exc)}）。"
                          "请换一个输出文件夹（--out），或检查该文件夹的写入权限后重新运行。") from exc
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return out


_CREATED: list[Path] = []  # folders prepare_out_dir made in this process, deepest first


def discard_created_dirs() -> None:
    """Remove the folders :func:`prepare_out_dir` made that are still empty (a run refused after making them
    leaves no empty output folder behind); a folder with anything in it stays."""
    while _CREATED:
        with contextlib.suppress(OSError):  # not empty, or already gone
            _CREATED.pop(0).rmdir()


_STAGED: list[tuple[Path, Path]] | None = None  # the open report_set's (temporary file, target) pairs


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it to ``target`` only if the block succeeds (inside a
    :func:`report_set`, at the set's end).

    Any OSError creating, writing or renaming the file (a read-only folder, a full disk, a report open in
    Excel/WPS) becomes an :class:`OutputError` naming the folder or the file.

    Args:
        target: the final path.
    Yields:
        The temporary path to write.
    """
    target = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~" + target.stem, suffix=target.suffix + ".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"无法在输出文件夹“{target.parent}”中写入报告（{_reason(exc)}）。"
                          "请换一个输出文件夹（--out），或检查该文件夹的写入权限后重新运行。") from exc
    os.close(fd)
    with contextlib.suppress(OSError):  # mkstemp's 0600 would keep the report from colleagues on a shared folder
        os.chmod(tmp, 0o666 & ~_UMASK)
    try:
        yield Path(tmp)
        if _STAGED is None:
            _refuse_inputs([target])
            os.replace(tmp, target)
        else:
            _STAGED.append((Path(tmp), target))
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _write_error(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_INPUTS: dict[tuple, Path] = {}  # the files this run read, by :func:`_file_key`: a report never replaces one


def _file_key(path, st: os.stat_result) -> tuple:
    """A file's identity however it is named: (device, inode); where the file system gives no inode (0: some network
    shares and FAT drives on Windows), its resolved, case-folded path, so that files do not all look alike."""
    if st.st_ino:
        return st.st_dev, st.st_ino
    return ("path", os.path.normcase(os.path.realpath(path)))


def protect_inputs(paths) -> None:
    """Name the files this run read, so that no report replaces one of them (held-out 392: review of last quarter's
    回头看问题清单.xlsx with --out its own folder wrote the new one over it, the townships' entries lost).

    Args:
        paths: the input paths (folders and paths that do not exist are ignored).
    """
    _INPUTS.clear()
    for path in paths:
        with contextlib.suppress(OSError, ValueError):
            st = os.stat(path)
            if not os.path.isdir(path):
                _INPUTS[_file_key(path, st)] = Path(path)


def _refuse_inputs(targets, temporary=()) -> None:
    """Raise before anything is replaced when a target is one of the run's inputs (the same file, however named)."""
    for target in targets:
        try:
            st = os.stat(target)
        except OSError:
            continue
        if _file_key(target, st) in _INPUTS:
            _delete(temporary)
            raise OutputError(f"本次要写出的报告“{target}”就是本次读取的输入文件，写出会覆盖它。请换一个输出文件夹（--out）"
                              "后重新运行（本次报告均未写出，输入文件保持不变）。")
    for target in targets:
        read_there = _read_beside(target) if Path(target).name == MANIFEST and os.path.isfile(target) else None
        if read_there:
            # h397: review --out the audit's folder replaced that audit's run.json, the only record of which lists,
            # options and date made the findings.csv the review had just read from there
            _delete(temporary)
            raise OutputError(f"输出文件夹“{Path(target).parent}”中的 {MANIFEST} 是上次运行的记录，本次读取的“{read_there.name}”"
                              f"就是那次的报告；写出会覆盖那次的 {MANIFEST}（用了哪些名单、参数和日期）。请换一个输出文件夹（--out）"
                              "后重新运行（本次报告均未写出，该文件夹保持不变）。")


MANIFEST = "run.json"


def refuse_replacing_record(out: Path, inputs, reports=()) -> None:
    """Before a run's work, refuse an --out holding one of ``inputs`` under the name of one of its ``reports``, or whose
    run.json records the earlier run whose report this run reads (h397: the look-back of a city ran its minutes only to
    be refused when writing)."""
    protect_inputs(inputs)
    _refuse_inputs([Path(out) / name for name in (*reports, MANIFEST)])


def _read_beside(target) -> Path | None:
    """A report of an earlier run that this run read from the folder of ``target``, if any (the rosters a user keeps in
    the --out folder are no report: that earlier run.json records nothing they depend on)."""
    from ..classify import OWN_OUTPUTS

    here = os.path.normcase(os.path.realpath(Path(target).parent))
    return next((p for p in _INPUTS.values() if os.path.normcase(os.path.realpath(Path(p).parent)) == here
                 and OWN_OUTPUTS.match(Path(p).name)), None)


def _umask() -> int:
    """This process's umask (read by setting it, then setting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


@contextlib.contextmanager
def report_set() -> Iterator[list[tuple[Path, Path]]]:
    """Put every report written inside the block (through :func:`atomic_path`) in place together, at its end.

    All or nothing, as far as the file system allows: the reports are written to temporary files first; at the
    end, a target that is a folder refuses the whole set; then every existing target is moved aside (on Windows a
    report open in Excel/WPS cannot be moved, so the set fails before anything is replaced), the new files are
    renamed into place and the old ones deleted. A failure on the way puts the old files back and deletes the new
    ones; an error inside the block deletes the temporary files. Only a crash during those renames can leave an
    old report aside (as .~名称….old) or a mixed set.

    A set opened inside another hands its files to the outer one. A forked process writing reports (``parallel``)
    opens its own set around its work and sends the pairs it yields back, for the parent to :func:`adopt`.

    Yields:
        The (temporary file, target) pairs staged inside the block.
    """
    global _STAGED
    outer, staged = _STAGED, []
    _STAGED = staged
    try:
        yield staged
    except BaseException:
        _delete(tmp for tmp, _ in staged)
        raise
    finally:
        _STAGED = outer
    if outer is not None:
        outer.extend(pair for pair in staged if pair not in outer)
    else:
        _replace_all(staged)


def written_together(write):
    """Decorate a function that writes a command's reports: they are put in place together (:func:`report_set`).

    Args:
        write: the function.
    Returns:
        The function, running inside a :func:`report_set`.
    """
    @functools.wraps(write)
    def together(*args, **kwargs):
        with report_set():
            return write(*args, **kwargs)

    return together


def adopt(staged: list[tuple[Path, Path]]) -> None:
    """Add files staged by another process's :func:`report_set` to this process's open set.

    Args:
        staged: the (temporary file, target) pairs (those already held are ignored).
    """
    if _STAGED is None:
        raise RuntimeError("adopt() outside report_set()")
    _STAGED.extend(pair for pair in staged if pair not in _STAGED)


def _delete(paths) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _replace_all(staged: list[tuple[Path, Path]]) -> None:
    """Rename the staged files to their targets, all or none (see :func:`report_set`)."""
    _refuse_inputs([target for _, target in staged], [tmp for tmp, _ in staged])
    for _, target in staged:
        if target.is_dir():
            _delete(tmp for tmp, _ in staged)
            raise OutputError(f"无法写入“{target}”：该位置是一个同名的文件夹。请移走或改名该文件夹后重新运行"
                              "（本次报告均未写出，原有报告保持不变）。")
    aside: list[tuple[Path, Path]] = []  # (target, its old file moved aside)
    placed: list[Path] = []
    try:
        for tmp, target in staged:
            if os.path.lexists(target):
                old = Path(f"{tmp}.old")
                os.replace(target, old)
                aside.append((target, old))
        for tmp, target in staged:
            os.replace(tmp, target)
            placed.append(target)
    except OSError as exc:
        _delete(set(placed) - {moved for moved, _ in aside})  # new files where there was none
        for moved, old in aside:
            with contextlib.suppress(OSError):
                os.replace(old, moved)
        _delete(tmp for tmp, _ in staged)
        raise _write_error(target, exc, whole_set=True) from exc
    _delete(old for _, old in aside)


def _reason(exc: OSError) -> str:
    """An OSError's cause in words a clerk reads."""
    return "没有写入权限" if isinstance(exc, PermissionError) else os_reason(exc)


def _write_error(target: Path, exc: OSError, whole_set: bool = False) -> OutputError:
    """The error for a report that could not be written or put in place (``whole_set``: by :func:`report_set`)."""
    kept = "（本次报告均未写出，原有报告保持不变）" if whole_set else "（本次报告未写完整，已丢弃）"
    if isinstance(exc, PermissionError):  # Windows: the report is open in Excel/WPS (or the folder is read-only)
        return OutputError(f"无法写入“{target}”：该文件正在被 Excel/WPS 等程序打开，或没有写入权限。"
                           f"请关闭该文件后重新运行，或换一个输出文件夹{kept}。")
    return OutputError(f"无法写入“{target}”（{_reason(exc)}）。如文件正在 Excel/WPS 中打开，请先关闭；"
                       f"或换一个输出文件夹后重新运行{kept}。")


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
    safe = frame[cols].astype(object).where(frame[cols].notna(), "").apply(_safe_column) if len(frame) else frame[cols]
    with atomic_path(target) as tmp:
        safe.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def _safe_column(column: pd.Series) -> pd.Series:
    """:func:`safe_text` of a column's cells; a column of texts none of which starts as a formula does is kept as it is,
    any other mapped (which also makes a column of 0 and 0.0 one of floats, as the CSV has always written it)."""
    try:
        joined = "\n" + "\n".join(column.tolist())  # (a text that does not start a line starts no text)
    except TypeError:  # not texts only
        return column.map(safe_text)
    return column.map(safe_text) if _FORMULA_LINE.search(joined) else column


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
_XML_SPECIAL_CHAR = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ESCAPED = re.compile(r"(_x[0-9a-fA-F]{4}_)")


def _escapes(text: str) -> bool:
    """Whether xlsxwriter escapes anything in a text: a special character, or what reads as an escape ('_x0041_').
    (Two searches, each a fast scan, take a third of the time of one search for either.)"""
    return bool(_XML_SPECIAL_CHAR.search(text) or _ESCAPED.search(text))
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
_ROWS_PER_CHUNK = 5_000


def _inline_text(value: str) -> str:
    """The tail of an inline-string cell element, escaped as xlsxwriter escapes it in constant-memory mode."""
    if len(value) > 16_383:  # Excel's cell limit is 32,767 UTF-16 units
        value = value.encode("utf-16-le")[:2 * 32_767].decode("utf-16-le", "ignore")
    if _escapes(value):
        value = _escaped(value)
    return _text_element(value)


def _escaped(value: str) -> str:
    """A text escaped as xlsxwriter escapes it (a text :func:`_escapes` says nothing of stays as it is); no escape spans a
    line break or makes one."""
    value = _ESCAPED.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    value = value.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_element(value: str) -> str:
    """The tail of an inline-string cell element holding text already escaped: its space kept when at an edge
    (xlsxwriter looks for a white space first or last by a regular expression; ``str.isspace`` says the same of every
    character, tests/test_report.py)."""
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f' t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _inline_texts(texts: list[str]) -> list[str]:
    """:func:`_inline_text` of each of many texts, escaped all together: one search over them all tells whether any
    needs escaping (most columns hold none), and the escapes of texts joined by line breaks are the texts' escapes
    joined by line breaks (a text holding one, or one to be cut, is looked at alone)."""
    joined = "\n".join(texts)
    if len(joined) > 16_383 and max(map(len, texts)) > 16_383 or joined.count("\n") >= len(texts):
        return [_inline_text(t) for t in texts]
    if _escapes(joined):
        texts = _escaped(joined).split("\n")
    return [_text_element(t) for t in texts]


def _blank(value: object) -> bool:
    """A value that leaves its cell empty: None, NA, NaN, ±inf or ''."""
    return value is None or value is pd.NA or value is pd.NaT or value == "" or (
        isinstance(value, float) and not math.isfinite(value))


def _cell_tails(values: list) -> list[str | None]:
    """Each value's cell element after its attributes (None for a blank), each distinct text escaped once."""
    texts = list({v for v in values if type(v) is str})
    if len(texts) == len(values) and "" not in texts:  # every value a text of its own (IDs, 依据): in their order
        return _inline_texts(values)
    tails: dict[str, str | None] = dict(zip(texts, _inline_texts(texts)))
    tails[""] = None
    return [tails[v] if type(v) is str else _other_tail(v) for v in values]


def _other_tail(value: object) -> str | None:
    """:func:`_cell_tails` of a value that is not a ``str``: None for a blank, a number, else its text."""
    if _blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"><v>{value:.16G}</v></c>"
    return _inline_text(str(value))


# Sheet layout: a title row above the header; the header row repeats on every printed page.
# Columns that trace a row back to its sources (the 依据 says the same in words): kept on the sheet for filtering
# and for review to read back, placed after the columns to fill in and left out of the print area.
TRACE_COLUMNS = frozenset(("匹配键", "来源名单", "来源行", "花名册文件", "花名册行", "证据指纹", "申请文件", "申请行"))
# Columns of fractions shown as percentages (the cells stay numbers Excel and WPS can sort and sum).
PERCENT_COLUMNS = frozenset(("整改率",))
# Columns of yuan shown as amounts ('13,417.50', as 依据 writes them), the cells still numbers: the money checks'
# 应追回金额/应补发金额 and their 合计（元）, coverage's 人均月收入/保障标准; never a summary's column of a category,
# which counts people ('F05 发放金额与核定金额不符', 'C06 务工收入超过保障标准').
AMOUNT_COLUMNS = re.compile(r"^(?![A-Z]{1,2}\d{2}\b).*(?:金额|（元）)|^人均月收入$|^保障标准$")
AMOUNT_FORMAT = "#,##0.00"
# Headers printed with their unit (h391: a category sheet's 应追回金额 column printed without （元）, beside 资金核查's
# 应追回合计（元）); the CSV keeps the plain names, and review reads either (io.ledger.ledger_labels)
# (coverage's 人均月收入/保障标准 too, headed in yuan as the audit sheets' amounts are: h391 left them bare)
UNIT_HEADERS = {"应追回金额": "应追回金额（元）", "应补发金额": "应补发金额（元）", "人均月收入": "人均月收入（元）",
                "保障标准": "保障标准（元）"}
# A sheet of at most this many columns and none to fill in by hand (核查范围) widens its wrapped texts into the page
# width its columns leave free (h391: 核查范围's 核查情况 at 40 units on a page a quarter empty, 24 rows on two pages)
NARROW_COLUMNS = 4


def amount_column(name: str, column: pd.Series | list) -> bool:
    """Whether a column holds amounts of yuan (by its header) and numbers only, so it is shown as #,##0.00.

    Args:
        name: the header.
        column: the values (a list is looked at only when the header names amounts).
    Returns:
        Whether it gets the amount format.
    """
    return bool(AMOUNT_COLUMNS.search(str(name))) and numbers_only(
        column if isinstance(column, pd.Series) else pd.Series(column, dtype=object))


def numbers_only(column: pd.Series) -> bool:
    """Whether a column holds numbers only (blanks aside): counts, amounts. Such a column is not formatted as text
    ("@"), so that a number typed into it later is still a number."""
    if column.dtype.kind in "iuf":
        return True
    return column.dtype == object and pd.api.types.infer_dtype(column.replace("", None), skipna=True) in (
        "integer", "floating", "mixed-integer-float")
TITLE_ROW, HEADER_ROW = 0, 1  # 0-based sheet rows (HEADER_ROW + 1 is the header's row number in Excel)
FIRST_DATA_ROW = HEADER_ROW + 1
# Columns never wrapped (IDs, accounts, phones, plates, codes, fingerprints, dates): shown whole, as text.
NO_WRAP = re.compile(r"身份证|证件|身份号码|社会保障号|账号|账户|卡号|电话|手机|号牌|车牌|指纹|代码|日期")
AUTO_WIDTH_CAP = 24  # widest column chosen from its content; longer texts wrap
AUTO_WIDTH_SAMPLE = 2_000  # rows looked at to choose a width
# Columns sized from their content up to a cap of their own: a township's name on one line when short, the longest
# (城南新区东湖街道办事处) on two, never four in a column as narrow as a short name; a relation's code and meaning
# ('02（户主）', '04（孙子女）') on one line.
WIDTH_CAPS = {"乡镇": 13, "与户主关系": 14}


def display_width(text: str) -> int:
    """Columns of a fixed-width font a text takes (CJK and full-width characters count two).

    Args:
        text: the text.
    Returns:
        Its width.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@functools.cache
def _wide_bmp() -> np.ndarray:
    """For each character of the Basic Multilingual Plane, whether it is wide (East Asian width W or F)."""
    return np.array([unicodedata.east_asian_width(chr(c)) in "WF" for c in range(0x10000)], dtype=bool)


def display_widths(texts: list[str]) -> np.ndarray:
    """:func:`display_width` of many texts at once (every character looked up in one table pass).

    Args:
        texts: the texts.
    Returns:
        Their widths, in order.
    """
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    wide = _wide_bmp()[np.minimum(codes, 0xFFFF)]
    for k in np.flatnonzero(codes > 0xFFFF):  # beyond the BMP (rare): one lookup each
        wide[k] = unicodedata.east_asian_width(chr(codes[k])) in "WF"
    seen = np.concatenate(([0], np.cumsum(wide, dtype=np.int64)))
    ends = np.cumsum(lengths)
    return lengths + seen[ends] - seen[ends - lengths]


def column_layout(name: str, values: list, widths: dict[str, int] | None = None) -> tuple[int, bool]:
    """Choose a column's width (Excel units, about one digit each) and whether its texts wrap.

    A width given in ``widths`` wins; otherwise the width fits the longest of the first rows' values, at
    most :data:`AUTO_WIDTH_CAP`, the header wrapping onto two lines if needed. IDs, accounts and other
    :data:`NO_WRAP` columns are never wrapped and always wide enough; other columns wrap when a value is
    longer than the width.

    Args:
        name: the header.
        values: the column's values (only the first :data:`AUTO_WIDTH_SAMPLE` are looked at).
        widths: column → width chosen by the report.
    Returns:
        (width, wrap).
    """
    texts = _texts(values)
    if name in PERCENT_COLUMNS:  # shown as '100.0%', not as the stored 1 (a column sized for '1' shows ###)
        texts = ["100.0%"] if texts else []
    amount = amount_column(name, values)  # as the cells' format is chosen (Workbook.table)
    if amount:  # sized for '13,417.50' as shown, not the stored 13417.5 (a number wider than its column shows ###)
        texts = [f"{v:,.2f}" for v in values[:AUTO_WIDTH_SAMPLE] if not _blank(v)]
    longest = int(display_widths(texts).max()) if texts else 0
    header = min(max(math.ceil(display_width(str(name)) / 3) + 2, 5), 10)  # a header wraps onto up to 3 lines
    whole = bool(NO_WRAP.search(str(name))) or amount
    given = (widths or {}).get(name)
    if given:
        width = max(given, longest + 1) if whole else given
    elif whole:
        width = max(longest + 1, header)
    else:
        width = min(max(longest + 1, header), WIDTH_CAPS.get(name, AUTO_WIDTH_CAP))
    return min(width, 80), not whole and longest + 1 > width


def _texts(values: list) -> list[str]:
    """The distinct texts of a column's first :data:`AUTO_WIDTH_SAMPLE` values (blanks left out), in no set order."""
    head = values[:AUTO_WIDTH_SAMPLE]
    texts = {v for v in head if type(v) is str}  # (a text is blank only when it is '')
    texts.discard("")
    return list(texts.union(str(v) for v in head if type(v) is not str and not _blank(v)))


# What a row of column widths may take on an A4 landscape page at 100 % (297 mm less two 0.3" margins: 1,065 px at
# 96 dpi), with room for fonts wider than Calibri's 7-pixel digits.
PAGE_WIDTH_PX = 1_000


def column_px(width: float) -> int:
    """The pixels a column of ``width`` units takes (as xlsxwriter stores it: 7 per unit and 5 of padding)."""
    return int(width * 7 + 0.5) + 5


def sheet_layout(names: list[str], frame: pd.DataFrame, widths: dict[str, int] | None, printed: int,
                 fill_page: bool = False) -> list[tuple[int, bool]]:
    """Each column's (width, wrap) on a sheet: :func:`column_layout`'s, a column outside the print area never wrapped
    (its texts would make the printed rows tall: held-out 236's 公示 核对结论 rows three lines high for the unprinted
    申请文件).

    Args:
        names: the sheet's columns in order (data, blank columns to fill in, then the unprinted ones).
        frame: the rows (a name not in it is a blank column).
        widths: column → width chosen by the report.
        printed: the last printed column (0-based).
        fill_page: widen the printed wrapped columns, up to their longest text, into the page width the printed
            columns leave free (a public copy: the widths were chosen beside the 依据 and 建议 it leaves out; held-out
            236's 公示 疑点明细 printed 类别名称 on eight lines, four rows a page).
    Returns:
        One (width, wrap) per column.
    """
    cols = set(public_columns(frame))
    values = {name: frame[name].tolist() if name in cols else [] for name in names}
    layout = [column_layout(str(name), values[name], widths) for name in names]
    layout = [(width, wrap and k <= printed) for k, (width, wrap) in enumerate(layout)]
    if not fill_page:
        return _narrowed(layout, [values[name] for name in names], printed)
    free = (PAGE_WIDTH_PX - sum(column_px(w) for w, _ in layout[:printed + 1])) // 7
    longest = {k: int(display_widths(_texts(values[names[k]])).max()) for k in range(printed + 1) if layout[k][1]}
    wanted = {k: max(min(n + 1, 80) - layout[k][0], 0) for k, n in longest.items()}
    total = sum(wanted.values())
    if free <= 0 or not total:
        return layout
    for k, n in wanted.items():
        width = layout[k][0] + (n if total <= free else n * free // total)
        layout[k] = (width, longest[k] + 1 > width)
    return layout


# The smallest scale a sheet fitted to the page width may print at (11-point text at 55 %: 6 pt). Past it, long texts
# that wrap anyway (依据, 说明, 乡镇填报状态: three lines or more) are narrowed, down to NARROW_FLOOR, so the page's
# text grows and those rows grow taller (h385: the look-back's detail printed at 4.6 pt on a township's A4 page).
MIN_PRINT_SCALE = 0.55
NARROW_FLOOR = 16  # eight characters a line: narrower, a long text becomes a column of slivers


def _narrowed(layout: list[tuple[int, bool]], values: list[list], printed: int) -> list[tuple[int, bool]]:
    """A sheet's layout with its printed long texts narrowed when the printed columns are too wide for
    :data:`MIN_PRINT_SCALE` (each wrapped column whose longest text takes three lines or more gives up its width over
    :data:`NARROW_FLOOR` in proportion, as far as needed).

    Args:
        layout: (width, wrap) per column.
        values: each column's values.
        printed: the last printed column (0-based).
    Returns:
        The layout, the same when the printed columns fit the scale.
    """
    over = (sum(column_px(w) for w, _ in layout[:printed + 1]) - PAGE_WIDTH_PX / MIN_PRINT_SCALE) / 7
    if over <= 0:
        return layout
    spare = {}
    for k, (width, wrap) in enumerate(layout[:printed + 1]):
        if wrap and width > NARROW_FLOOR:
            texts = _texts(values[k])
            if texts and max(lines_needed(t, width) for t in texts) >= 3:
                spare[k] = width - NARROW_FLOOR
    total = sum(spare.values())
    if not total:
        return layout
    layout = list(layout)
    for k, n in spare.items():
        layout[k] = (layout[k][0] - (n if total <= over else math.ceil(n * over / total)), True)
    return layout


LINE_HEIGHT = 16.5  # points a wrapped line of 11-point text takes (CJK fonts are taller than Latin ones)


def lines_needed(text: str, width: int) -> int:
    """How many lines a wrapped text takes in a column ``width`` units wide (a generous estimate).

    Args:
        text: the text.
        width: the column's width.
    Returns:
        The number of lines (at least 1).
    """
    usable = max(width - 1.5, 1)
    total = 0
    for part in text.split("\n"):
        utf8 = len(part.encode("utf-8", "surrogatepass"))
        total += max(1, math.ceil((len(part) + (utf8 - len(part)) // 2) / usable))  # CJK: 3 bytes, 2 units
    return total


# Pixels at 96 dpi of an 11-point character (bold): a Chinese one is an em (14.7 px), a Latin one at most 8; a cell keeps
# a few pixels of padding on each side
WIDE_PX, NARROW_PX, HEADER_PADDING_PX = 15, 8, 8


def header_lines(text: str, width: int) -> int:
    """How many lines a header takes in a column ``width`` units wide, wrapped as Excel and WPS wrap it: a Chinese
    character is never split over two lines, so a line of a narrow column holds fewer units than :func:`lines_needed`
    counts (h449: the 汇总's 'C08 法定就业年龄内有劳动能力（需核实是否拒绝劳动）' at width 10, four characters a line,
    takes seven lines; the header row was made six high and its last line cut off).

    Args:
        text: the header.
        width: the column's width.
    Returns:
        The number of lines (at least :func:`lines_needed`'s).
    """
    usable = column_px(width) - HEADER_PADDING_PX
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for ch in part:
            size = WIDE_PX if unicodedata.east_asian_width(ch) in "WF" else NARROW_PX
            if used and used + size > usable:
                lines, used = lines + 1, 0
            used += size
        total += lines
    return max(total, lines_needed(text, width))


def row_heights(columns: list[list], widths: list[int]) -> list[int | None]:
    """Each row's height in points when a wrapped cell needs more than one line (None: the default height).

    Args:
        columns: the wrapped columns' values, one list per column.
        widths: those columns' widths.
    Returns:
        One height (or None) per row, in points, a whole number of pixels as xlsxwriter stores it.
    """
    rows = len(columns[0]) if columns else 0
    lines = [1] * rows
    for values, width in zip(columns, widths):
        seen: dict[str, int] = {}
        for r, v in enumerate(values):
            if type(v) is str and v:
                n = seen.get(v)
                if n is None:
                    n = seen[v] = lines_needed(v, width)
                if n > lines[r]:
                    lines[r] = n
    return [int(LINE_HEIGHT * n * 4 / 3 + 0.5) * 0.75 if n > 1 else None for n in lines]  # whole pixels


def lines_of(frame: pd.DataFrame, wrapped: dict[str, int], rows: int) -> int:
    """How many lines a sheet's first ``rows`` rows print on (a row of wrapped texts takes several): with the rows, what
    decides whether a narrow sheet is fitted to one page (:func:`page_setup`; held-out 247: a 核对说明 of 20 rows, each
    category's advice on several lines, printed at half size to stay on one page). Only a sheet of at most
    :data:`ONE_PAGE_ROWS` rows is looked at (more rows are more than a page anyway).

    Args:
        frame: the rows.
        wrapped: the wrapped columns' widths.
        rows: the rows written.
    Returns:
        The lines (``rows`` itself for a longer sheet or one without wrapped columns).
    """
    if rows > ONE_PAGE_ROWS or not wrapped:
        return rows
    part = frame.iloc[:rows]
    heights = row_heights([part[c].tolist() for c in wrapped], list(wrapped.values()))
    return sum(round(h / LINE_HEIGHT) if h else 1 for h in heights)


def _escape_hf(text: str) -> str:
    """Text for an Excel page header/footer ('&' doubled, at most 80 characters)."""
    text = text if len(text) <= 80 else text[:79] + "…"
    return text.replace("&", "&&")


# A sheet of at most this many rows prints on one page (核查范围's categories, a 汇总: held-out 162, its last two rows on
# a second page) while its rows of wrapped texts take at most ONE_PAGE_LINES lines (:func:`lines_of`): a page a little
# smaller beats one of two rows, a sheet at half size does not (held-out 247: a 核对说明 of 20 rows on 66 lines).
ONE_PAGE_ROWS = 32
ONE_PAGE_LINES = 48


def page_setup(ws, title: str, made: dt.date, last_col: int, rows: int | None = None, lines: int | None = None) -> None:
    """Print setup shared by every sheet the tool writes.

    A4 landscape, every column on the page width (as many pages down as needed; a sheet of at most
    :data:`ONE_PAGE_ROWS` rows and :data:`ONE_PAGE_LINES` lines on one page), the header row repeated on each page, gridlines printed, the sheet's title
    in the page header and 第 N 页 共 M 页 with the date the report was made in the footer.

    Args:
        ws: the xlsxwriter worksheet.
        title: the sheet's title (the text of its title row).
        made: the date the report was made.
        last_col: the last column (0-based).
        rows: its data rows (None: not known).
        lines: the lines they print on (:func:`lines_of`; None: one a row).
    """
    ws.set_paper(9)  # A4
    ws.set_landscape()
    one_page = rows is not None and rows <= ONE_PAGE_ROWS and (lines is None or lines <= ONE_PAGE_LINES)
    ws.fit_to_pages(1, 1 if one_page else 0)
    ws.repeat_rows(HEADER_ROW)
    ws.hide_gridlines(0)
    ws.set_margins(left=0.3, right=0.3, top=0.6, bottom=0.6)
    # '&8' sets the size; a title that starts with digits ('2026年…') would run on into it, so the default font is
    # named in between.
    ws.set_header(f'&L&8&"-,Regular"{_escape_hf(title)}', {"margin": 0.25})
    ws.set_footer(f"&L&8制表日期：{made.isoformat()}&R&8第 &P 页 共 &N 页", {"margin": 0.25})


# A frame's attrs key for a text its sheet's title row carries below the title (the advice every row shares).
SHEET_NOTE = "sheet_note"


def title_row(ws, title: str, style, column_widths: list[int], note: str = "", note_style=None) -> None:
    """Write the title row: merged across the table, wrapped, as high as its lines need.

    Args:
        ws: the xlsxwriter worksheet.
        title: the text.
        style: its format (bold, large, wrapped).
        column_widths: the table's column widths.
        note: a text under the title (:data:`SHEET_NOTE`), in ``note_style`` (the body's size, not bold: h385's
            资金核查 printed its stop rule as six lines of 14-point bold over a table of six columns).
        note_style: the note's font (a format of its own; None: the note is written in the title's style).
    """
    room = max(sum(column_widths), 1)
    lines = sum(max(1, math.ceil(display_width(part) * 14 / 11 / room)) for part in title.split("\n"))
    below = sum(max(1, math.ceil(display_width(part) / room)) for part in note.split("\n")) if note else 0
    rich = bool(note and note_style is not None)
    if note and not rich:
        lines, below, title = lines + math.ceil(below * 14 / 11), 0, f"{title}\n{note}"
    ws.set_row(TITLE_ROW, 20 * lines + LINE_HEIGHT * below)
    if len(column_widths) > 1:
        ws.merge_range(TITLE_ROW, 0, TITLE_ROW, len(column_widths) - 1, "" if rich else title, style)
    if rich:
        ws.write_rich_string(TITLE_ROW, 0, style, title, note_style, f"\n{note}", style)
    elif len(column_widths) <= 1:
        ws.write_string(TITLE_ROW, 0, title, style)


@dataclass
class Chart:
    """A native bar chart under a sheet's table: one bar per row, one stacked series per column.

    Attributes:
        title: the chart's title.
        categories: the column naming each bar (e.g. 乡镇).
        series: the columns stacked in each bar (e.g. each category's count).
        rows: how many of the first rows get a bar (e.g. all but the 合计 row).
    """

    title: str
    categories: str
    series: list[str]
    rows: int


# A frame's attrs key for columns its sheet keeps but does not print, beside the trace columns (the look-back's 依据:
# held-out 192, 22 columns printed at 4.6 pt)
UNPRINTED = "unprinted"


def placed(cols: list[str], extra: list[str], unprinted: Collection[str] = ()) -> tuple[list[str], int]:
    """A sheet's columns in order: the data, the blank columns to fill in, then the trace columns (TRACE_COLUMNS) and
    the ``unprinted`` ones.

    Args:
        cols: the data columns.
        extra: the blank columns (none of them a data column).
        unprinted: more data columns left out of the print area.
    Returns:
        (the columns, the last one printed, 0-based: the trace columns are left out of the print area).
    """
    trace = [c for c in cols if c in TRACE_COLUMNS or c in unprinted]
    order = [c for c in cols if c not in trace] + extra + trace
    return order, len(order) - len(trace) - 1


class _Body:
    """A sheet's data rows, turned into <row> elements when the file is assembled (see Workbook)."""

    def __init__(self, frame: pd.DataFrame, cols: list[str], styles: list[int], wrapped: dict[str, int],
                 positions: list[int]):
        self.frame, self.cols, self.styles, self.wrapped = frame, cols, styles, wrapped
        self.positions = positions  # each column's place on the sheet (0-based)
        self.rows = min(len(frame), EXCEL_ROWS - FIRST_DATA_ROW)

    def last_row(self) -> int:
        """The last sheet row (1-based) holding a cell (the header's when no data row does)."""
        last = 0  # data rows up to here hold a cell
        for c in self.cols:
            values = self.frame[c].iloc[last:self.rows].tolist()
            for k in range(len(values) - 1, -1, -1):  # usually stops at once
                if not _blank(values[k]):
                    last += k + 1
                    break
            if last == self.rows:
                break
        return last + FIRST_DATA_ROW

    def chunks(self) -> Iterator[bytes]:
        """The <row> elements, encoded, a few thousand rows at a time."""
        from xlsxwriter.utility import xl_col_to_name

        letters = [xl_col_to_name(c) for c in self.positions]
        for lo in range(0, self.rows, _ROWS_PER_CHUNK):
            part = self.frame.iloc[lo:min(lo + _ROWS_PER_CHUNK, self.rows)]
            numbers = [str(r) for r in range(lo + FIRST_DATA_ROW + 1, lo + FIRST_DATA_ROW + 1 + len(part))]
            # column by column: each cell's element ('' for a blank), joined row by row below
            columns = [[f'<c r="{x}{r}" s="{s}"{t}' if t else "" for r, t in zip(numbers, _cell_tails(part[c].tolist()))]
                       for c, x, s in zip(self.cols, letters, self.styles)]
            heights = row_heights([part[c].tolist() for c in self.wrapped], list(self.wrapped.values()))
            out = []
            for r, cells, ht in zip(numbers, zip(*columns), heights or [None] * len(part)):
                cells = "".join(cells)
                if cells:
                    size = f' ht="{ht:.16G}" customHeight="1"' if ht else ""
                    out.append(f'<row r="{r}"{size}>{cells}</row>')
            yield "".join(out).encode()


class Workbook:
    """Print-ready sheets of frames: a title row, a formatted header, frozen panes and filters, every cell
    text or a number.

    xlsxwriter writes the package: styles, title and header rows, column widths, panes, filters, page
    setup, charts. Writing every data cell through it costs about 8 µs a cell (1.7 s for a city's 12,000
    findings), so the data rows are serialised here instead, column by column, exactly as its
    constant-memory mode writes them (inline strings, the column's style), and spliced into each sheet
    part when the file is assembled. A test holds the result byte-identical to writing every cell
    through xlsxwriter.

    Args:
        path: the file.
        heading: what the report is, for each sheet's title row ('清河县 2026年第三季度 …问题清单').
        made: the date the report was made (page footers); today by default.
        fill_page: widen wrapped columns into the page width the printed columns leave free (:func:`sheet_layout`).
    """

    def __init__(self, path: Path, heading: str = "", made: dt.date | None = None, fill_page: bool = False):
        import xlsxwriter

        self._path = Path(path)
        self._heading = heading
        self._made = made or dt.date.today()
        self._fill_page = fill_page
        self._buffer = io.BytesIO()
        self._book = xlsxwriter.Workbook(self._buffer, {"strings_to_formulas": False, "strings_to_urls": False,
                                                        "strings_to_numbers": False, "constant_memory": True})
        self._head = self._book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                            "valign": "vcenter"})
        self._fill = self._book.add_format({"bold": True, "bg_color": "#FFF2CC", "border": 1, "text_wrap": True,
                                            "valign": "vcenter"})
        self._text = self._book.add_format({"num_format": "@", "valign": "top"})
        self._wrap = self._book.add_format({"num_format": "@", "valign": "top", "text_wrap": True})
        self._percent = self._book.add_format({"num_format": "0.0%", "valign": "top"})
        self._title = self._book.add_format({"bold": True, "font_size": 14, "text_wrap": True, "valign": "vcenter"})
        self._note = self._book.add_format({"font_size": 11})  # a title's note (a font within the title's cell)
        self._number = self._book.add_format({"valign": "top"})
        self._amount = self._book.add_format({"num_format": AMOUNT_FORMAT, "valign": "top"})
        for style in (self._head, self._fill, self._text, self._wrap, self._percent, self._title,
                      self._number, self._amount):  # fixed style numbers
            style._get_xf_index()
        self._used: set[str] = set()
        self._bodies: dict[str, _Body] = {}

    def title_of(self, sheet: str) -> str:
        """The text of a sheet's title row: the report's heading and the sheet's own name."""
        return f"{self._heading} — {sheet}" if self._heading else sheet

    def table(self, title: str, frame: pd.DataFrame, extra: list[str] | None = None,
              widths: dict[str, int] | None = None, chart: Chart | None = None) -> None:
        """Add a sheet holding a frame, with optional blank columns to fill in.

        Args:
            title: the sheet name (and, after the heading, its title row).
            frame: the rows (internal '_' columns are left out).
            extra: blank columns appended (e.g. the ledger columns).
            widths: column → width.
            chart: a bar chart drawn under the table.
        """
        ws = self._book.add_worksheet(sheet_name(title, self._used))
        cols = public_columns(frame)
        extra = [c for c in (extra or []) if c not in cols]
        order, printed = placed(cols, extra, frame.attrs.get(UNPRINTED, ()))
        last_col = len(order) - 1
        heading = self.title_of(title)
        layout = sheet_layout(order, frame, widths, printed, self._fill_page or (len(order) <= NARROW_COLUMNS and not extra))
        # what every row of the sheet would repeat (建议) is said once, under the title (SHEET_NOTE)
        note = frame.attrs.get(SHEET_NOTE, "")
        title_row(ws, heading, self._title, [w for w, _ in layout[:printed + 1]], note, self._note)
        header = max(header_lines(UNIT_HEADERS.get(name, str(name)), width) for name, (width, _) in zip(order, layout))
        if header > 1:
            ws.set_row(HEADER_ROW, LINE_HEIGHT * header)
        styles = {}
        for c, (name, (width, wrap)) in enumerate(zip(order, layout)):
            ws.write_string(HEADER_ROW, c, UNIT_HEADERS.get(name, str(name)), self._fill if name in extra else self._head)
            style = (self._percent if name in PERCENT_COLUMNS
                     else self._amount if name in cols and amount_column(name, frame[name])
                     else self._number if name in cols and numbers_only(frame[name])
                     else self._wrap if wrap else self._text)
            ws.set_column(c, c, width, style)
            styles[name] = style._get_xf_index()
        ws.freeze_panes(FIRST_DATA_ROW, 0)
        rows = min(len(frame), EXCEL_ROWS - FIRST_DATA_ROW)
        ws.autofilter(HEADER_ROW, 0, HEADER_ROW + max(rows, 1), last_col)
        # (a narrow table — 核查范围, or one with no blank columns to fill in whose printed columns take less than the
        # page width at 100 % — or a table with its chart — 汇总 — of a few rows on one page: held-out 192's chart ran
        # onto a second page, its last bar alone under the repeated header; h355: the look-back's 整改率（按类别） of 24
        # categories printed its last 8 on a page of their own. A sheet to fill in by hand is not made smaller.)
        charted = chart is not None and chart.rows and chart.series
        wrapped = {name: width for name, (width, wrap) in zip(order, layout) if wrap and name in cols}
        narrow = (len(order) <= 4 or charted
                  or not extra and sum(column_px(width) for width, _ in layout[:printed + 1]) <= PAGE_WIDTH_PX)
        page_setup(ws, heading, self._made, printed, rows if narrow else None, lines_of(frame, wrapped, rows) if narrow else None)
        if printed < last_col:
            ws.print_area(0, 0, FIRST_DATA_ROW + max(rows, 1) - 1, printed)
        if charted:
            add_chart(self._book, ws, chart, frame, HEADER_ROW + rows + 2, [w for w, _ in layout])
        part = f"xl/worksheets/sheet{len(self._book.worksheets())}.xml"
        self._bodies[part] = _Body(frame, cols, [styles[c] for c in cols], wrapped, [order.index(c) for c in cols])

    def pending(self) -> list[str]:
        """The sheet parts whose data rows are still to be serialised (:meth:`render`), the most cells first."""
        return sorted(self._bodies, key=lambda part: -self._bodies[part].rows * len(self._bodies[part].cols))

    def render(self, part: str) -> bytes:
        """A sheet part's data rows as they go into the file (another process may render them, see :meth:`close`)."""
        return b"".join(self._bodies[part].chunks())

    def close(self, rendered: dict[str, bytes] | None = None) -> None:
        """Finish the file: xlsxwriter's package with every sheet's data rows spliced in.

        Args:
            rendered: sheet part → its data rows as :meth:`render` gives them, for the parts already rendered.
        """
        rendered = rendered or {}
        self._book.close()
        with zipfile.ZipFile(self._buffer) as zin, zipfile.ZipFile(self._path, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                body = self._bodies.get(info.filename)
                target = zipfile.ZipInfo(info.filename, info.date_time)
                target.compress_type = zipfile.ZIP_DEFLATED
                # Level 1: a third of the default level's time (on the path of a city's report), a few % bigger.
                setattr(target, "compress_level" if hasattr(target, "compress_level") else "_compresslevel", 1)
                if body is None:
                    zout.writestr(target, data)
                    continue
                head, end, tail = data.partition(b"</sheetData>")
                last = body.last_row()
                if last > HEADER_ROW + 1:
                    head = _DIMENSION.sub(_dimension(head, last), head, count=1)
                with zout.open(target, "w", force_zip64=body.rows * len(body.cols) > 5_000_000) as fh:
                    fh.write(head)
                    for chunk in [rendered[info.filename]] if info.filename in rendered else body.chunks():
                        fh.write(chunk)
                    fh.write(end + tail)


# The chart's fills, told apart on a black-and-white printer too (held-out 68: ED7D31, 5B9BD5 and 70AD47 printed as
# one grey, and every series from the ninth on had the same hatch): solid colours whose grey levels (luma
# 0.299R + 0.587G + 0.114B: 110, 189, 29, 150, 232, 71) lie at least 39 apart, neighbours further; then black-on-white
# patterns, a different one for each series.
CHART_SOLIDS = ("#4472C4", "#FFC000", "#0B1F3F", "#ED7D31", "#DEEBF7", "#375623")
CHART_PATTERNS = ("wide_upward_diagonal", "large_check", "dark_vertical", "small_confetti", "wide_downward_diagonal",
                  "horizontal_brick", "dotted_diamond", "zigzag", "large_grid", "dark_horizontal", "wave", "plaid",
                  "divot", "shingle", "weave", "sphere", "dashed_horizontal", "solid_diamond", "trellis",
                  "diagonal_brick")


def chart_fill(k: int) -> dict:
    """The fill of a chart's series: :data:`CHART_SOLIDS` first, then :data:`CHART_PATTERNS` (cycling after both).

    Args:
        k: the series' place (0-based).
    Returns:
        xlsxwriter's fill or pattern property.
    """
    k %= len(CHART_SOLIDS) + len(CHART_PATTERNS)
    if k < len(CHART_SOLIDS):
        return {"fill": {"color": CHART_SOLIDS[k]}}
    return {"pattern": {"pattern": CHART_PATTERNS[k - len(CHART_SOLIDS)], "fg_color": "#000000", "bg_color": "#FFFFFF"}}


def count_unit(largest: float) -> int:
    """The step between a count axis's gridlines: 1, 2, 5, 10, 20, 50 … , the smallest giving at most ten steps
    (left to Excel and LibreOffice, one bar of 1 was scaled 0, 0.5, 1 …: half a person).

    Args:
        largest: the longest bar.
    Returns:
        The step, a whole number.
    """
    if not math.isfinite(largest):
        return 1
    scale = 1
    while True:
        for unit in (scale, 2 * scale, 5 * scale):
            if largest / unit <= 10:
                return unit
        scale *= 10


def add_chart(book, ws, chart: Chart, frame: pd.DataFrame, first_row: int, column_widths: list[int]) -> None:
    """Draw a stacked bar chart under a table (native Excel chart: Excel and WPS draw it without macros).

    Args:
        book: the xlsxwriter workbook.
        ws: its worksheet holding the table.
        chart: what to draw.
        frame: the table.
        first_row: the sheet row (0-based) the chart's top-left corner sits in.
        column_widths: the table's column widths (the chart is as wide as the table, within limits).
    """
    drawn = book.add_chart({"type": "bar", "subtype": "stacked"})
    cols = public_columns(frame)
    at = cols.index(chart.categories)
    top, bottom = FIRST_DATA_ROW, FIRST_DATA_ROW + chart.rows - 1
    for k, name in enumerate(chart.series):
        c = cols.index(name)
        drawn.add_series({"name": [ws.name, HEADER_ROW, c], "categories": [ws.name, top, at, bottom, at],
                          "values": [ws.name, top, c, bottom, c], "gap": 60, "border": {"color": "#404040"},
                          **chart_fill(k)})
    drawn.set_title({"name": chart.title, "name_font": {"size": 12}})
    drawn.set_y_axis({"reverse": True})  # the bar chart's category axis: first row on top, as in the table
    bars = frame[chart.series].iloc[:chart.rows].apply(pd.to_numeric, errors="coerce").sum(axis=1)
    drawn.set_x_axis({"major_gridlines": {"visible": True}, "min": 0,
                      "major_unit": count_unit(float(bars.max()) if len(bars) else 0.0)})
    drawn.set_legend({"position": "bottom", "font": {"size": 8}})
    table_px = sum(int(w * 7 + 5) for w in column_widths)
    width = int(min(max(table_px - 8, 480), 2000))
    height = int(min(max(180 + 26 * chart.rows + 18 * ((len(chart.series) + 3) // 4), 320), 1400))
    drawn.set_size({"width": width, "height": height})
    ws.insert_chart(first_row, 0, drawn, {"x_offset": 4, "y_offset": 4})


def _dimension(head: bytes, last_row: int) -> bytes:
    """The <dimension> element covering the header's columns down to ``last_row`` (1-based sheet row)."""
    found = _DIMENSION.search(head)
    ref = found.group().split(b'"')[1].decode() if found else "A1"
    first, _, last = ref.partition(":")
    last_col = (last or first).rstrip("0123456789")
    return f'<dimension ref="{first}:{last_col}{last_row}"/>'.encode()


Sheet = tuple  # (title, frame, extra blank columns) or (title, frame, extra, Chart)


def write_workbook(target: Path, sheets: list[Sheet], widths: dict[str, int] | None = None, heading: str = "",
                   made: dt.date | None = None, fill_page: bool = False) -> None:
    """Write several frames as sheets of one print-ready workbook, atomically.

    Args:
        target: the .xlsx file.
        sheets: (sheet title, frame, extra blank columns[, Chart]) in order.
        widths: column → width.
        heading: what the report is (each sheet's title row starts with it).
        made: the date the report was made (page footers).
        fill_page: widen wrapped columns into the page width the printed columns leave free (public copies, which
            leave out the columns ``widths`` was chosen beside: :func:`sheet_layout`).
    """
    with workbook(target, sheets, widths, heading, made, fill_page=fill_page):
        pass


@contextlib.contextmanager
def workbook(target: Path, sheets: list[Sheet], widths: dict[str, int] | None = None, heading: str = "",
             made: dt.date | None = None, rendered: dict[str, bytes] | None = None,
             fill_page: bool = False) -> Iterator[Workbook]:
    """:func:`write_workbook`, giving the caller the laid-out :class:`Workbook` before the file is assembled:
    what it puts into ``rendered`` meanwhile (sheet part → :meth:`Workbook.render`, e.g. from another process) is
    spliced in as it is, the rest rendered at the end.
    """
    rendered = {} if rendered is None else rendered
    with atomic_path(target) as tmp:
        book = Workbook(tmp, heading, made, fill_page)
        for title, frame, extra, *chart in sheets:
            book.table(title, frame, extra, widths, chart[0] if chart else None)
        yield book
        book.close(rendered)


def township_name(value: object) -> str:
    """A township's name as a file name (characters Windows forbids removed; blank → 未填乡镇).

    Args:
        value: the 乡镇 cell.
    Returns:
        The file stem.
    """
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "", str(value or "")).strip(" .")
    return name[:60] or "未填乡镇"


TOWNSHIP_FOLDER = "乡镇"


_OTHER_HEAD = re.compile(r"（户主 ([^（）]+)）")  # how D01, D02 and F07 name other households ('（户主 甲、乙）')


def roster_townships(members: pd.DataFrame | None) -> list[str]:
    """The townships the rosters name (blank left out): under --by-township each gets its workbook, one with no row
    saying so (held-out 266: a township with no finding got none and was missing from the county's 汇总)."""
    if members is None or "township" not in members.columns:
        return []
    return [t for t in pd.unique(members["township"].to_numpy(dtype=object)).tolist() if isinstance(t, str) and t.strip()]


def heads_by_township(members: pd.DataFrame) -> dict[str, set[str]]:
    """Household head's name → the townships where a household has that head (for :func:`own_township_only`)."""
    out: dict[str, set[str]] = {}
    for name, town in zip(members["head_name"].tolist(), members["township"].tolist()):
        out.setdefault(str(name), set()).add(str(town))
    return out


def own_township_only(rows: pd.DataFrame, heads: dict[str, set[str]]) -> pd.DataFrame:
    """One township's rows with the heads of other townships' households left unnamed in 依据 (a township has no
    business seeing another township's recipients; the county's list names them).

    Args:
        rows: one township's rows (column 乡镇 the same on every row).
        heads: :func:`heads_by_township`.
    Returns:
        The rows (a copy when a text changed).
    """
    if rows.empty or "依据" not in rows.columns:
        return rows
    town = str(rows["乡镇"].iat[0])

    def unnamed(m: re.Match) -> str:
        names = m.group(1).split("、")
        mine = [n for n in names if town in heads.get(n, {town})]
        if len(mine) == len(names):
            return m.group(0)
        others = "户主为其他乡镇人员，由民政部门统一协调核实"  # a city's run: perhaps another county's
        return f"（户主 {'、'.join(mine)}；另 {len(names) - len(mine)} 户{others}）" if mine else f"（{others}）"

    texts = [_OTHER_HEAD.sub(unnamed, t) if isinstance(t, str) else t for t in rows["依据"].tolist()]
    return rows.assign(依据=texts) if texts != rows["依据"].tolist() else rows


def write_township_workbooks(out: Path, frames: dict[str, pd.DataFrame], build, column: str = "乡镇",
                             widths: dict[str, int] | None = None, heading: str = "", made: dt.date | None = None,
                             public=False, members: pd.DataFrame | None = None, report: str = "",
                             also: Iterable[str] = ()) -> dict[str, Path]:
    """Write one workbook per township into ``out/乡镇/``, each holding only that township's rows.

    Generic over reports: ``frames`` are the report's row frames (findings, review rows, verdicts …),
    ``build`` turns one township's share of them into the workbook's sheets (its own summary included),
    exactly as the county-wide workbook is built from all rows.

    Args:
        out: the output folder.
        frames: name → frame; frames holding ``column`` are split by it, others are passed whole.
        build: ``build(frames, township) -> sheets`` as for :func:`write_workbook`.
        column: the township column.
        widths: column → width.
        heading: the report's heading; each township's name is added to it.
        made: the date the report was made.
        public: also write the 公示_ copy of each township's workbook (``io.public``); a function instead of True
            builds that copy's sheets as ``build`` builds the workbook's, ``public(frames, township)``: from the rows,
            sheets and columns that may be public (a summary counting only the rows it lists).
        members: the members whose households the rows' 依据 may name: given, a township's 依据 leaves another
            township's household heads unnamed (:func:`own_township_only`).
        report: the report's name, after the township's in each file's name ('城关镇_问题清单.xlsx'): a township sent
            the files of several runs tells them apart.
        also: townships that get a workbook even without rows (the audit's townships whose every finding the
            核实无问题清单 held back: their 核查范围 says so, held-out 227).
    Returns:
        township → path of its workbook (public copies under 'public_' + township).
    """
    from ..order import natural_sorted

    folder = prepare_out_dir(Path(out) / TOWNSHIP_FOLDER)
    heads = heads_by_township(members) if members is not None else None
    listed = {v for f in frames.values() if column in f.columns for v in f[column].tolist()}
    names = {township_name(t) for t in listed}  # (a township with rows, spelled otherwise in ``also``: one workbook)
    towns = natural_sorted({*listed, *(t for t in also if t in listed or township_name(t) not in names)})
    written: dict[str, Path] = {}
    used: set[str] = set()
    for town in towns:
        name = township_name(town) + (f"_{report}" if report else "")
        while name.lower() in used:  # two spellings that clean up to the same file name
            name += "_"
        used.add(name.lower())
        part = {k: (f[f[column] == town] if column in f.columns else f) for k, f in frames.items()}
        if heads is not None:
            part = {k: (own_township_only(f, heads) if column in f.columns else f) for k, f in part.items()}
        sheets = build(part, str(town))
        label = str(town) if str(town).strip() else "（未填乡镇）"
        title = f"{heading} {label}".strip()
        written[str(town)] = folder / f"{name}.xlsx"
        write_workbook(written[str(town)], sheets, widths, title, made)
        if public:
            from .public import PREFIX, write_public_workbook

            written["public_" + str(town)] = folder / f"{PREFIX}{name}.xlsx"
            shown = public(part, str(town)) if callable(public) else sheets  # a report's own choice of what may be public
            write_public_workbook(written["public_" + str(town)], shown, widths, title, made)
    return written


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file.

    Args:
        path: the file.
    Returns:
        The hex digest.
    """
    digest, buffer = hashlib.sha256(), bytearray(1 << 20)
    view = memoryview(buffer)
    with Path(path).open("rb", buffering=0) as fh:
        while size := fh.readinto(buffer):  # (into one buffer: no new bytes object for every MB read)
            digest.update(view[:size])
    return digest.hexdigest()


def write_json(data: dict, target: Path) -> None:
    """Write a JSON document atomically (UTF-8, readable).

    Args:
        data: the document.
        target: the file.
    """
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")


def write_manifest(data: dict, target: Path) -> None:
    """Write a run's manifest (run.json) as :func:`write_json` does, every text in it masked as the console masks
    it (``normalize.ids.redact``: warnings quote cells, and a cell may hold an ID); file digests are kept.

    Args:
        data: the manifest.
        target: the file.
    """
    config = (data.get("options") or {}).get("config")
    if config and Path(config).is_file():  # which policy values the run used
        data = {**data, "config": {"path": str(config), "sha256": sha256(Path(config))}}
    write_json(_redacted(data), target)


def _redacted(value: object, key: str = "") -> object:
    """``value`` with every string in it (keys included) masked, except SHA-256 digests."""
    if isinstance(value, str):
        return value if key == "sha256" else redact(value)
    if isinstance(value, dict):
        return {_redacted(str(k)): _redacted(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redacted(v) for v in value]
    if isinstance(value, Path):
        return redact(str(value))
    return value

