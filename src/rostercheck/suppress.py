"""Remembered verifications: findings a township checked and found not to be a problem (核实无问题).

The suppression file (``核实无问题清单.csv``, UTF-8 with BOM, one row per verified finding) is written by
``review`` and read by ``audit --suppress``. A later finding is held back only when its category, the
person and the evidence fingerprint are all the same; a new list row about the person or a changed
value (another car, a new employer) gives a new fingerprint and the finding is raised again. The
fingerprint ignores file names, sheet names and row numbers, so next quarter's re-exported lists do
not bring verified cases back by themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path

import pandas as pd

from .errors import InputFileError
from .io.read import read_grids
from .io.report import write_csv
from .normalize import ids
from .normalize.names import person_name
from .normalize.values import header_label, text

FILE_NAME = "核实无问题清单.csv"
COLUMNS = ["类别代码", "身份证号", "姓名", "乡镇", "村", "来源名单", "依据", "依据指纹", "核实情况", "核实日期"]
# What townships write when a finding was checked and is not a problem. Kept narrow on purpose: a
# confirmation such as "户口已注销" must not silence a finding.
VERIFIED_WORDS = ("核实无问题", "经核实无问题", "无问题", "同名不同人", "同名同姓", "非本人", "不是本人", "车辆已过户",
                  "已过户", "不属实", "误报", "误判", "信息有误", "不符合事实")
# An ID typed as a number keeps 15 significant digits, the last one rounded: region + birth date survive.
SURVIVING = 14
_EXT = r"\.(?:xlsx|xlsm|xls|csv|tsv|txt|et)"
# After NFKC: a label's "(file name)", a "《file name》", then any bare file name left.
_FILE_NAME = re.compile(rf"\([^()]*?{_EXT}\)|(?<=《)[^《》]*?{_EXT}(?=》)|[^《》()\"“”:;,、\s]+{_EXT}", re.I)
_SHEET = re.compile(r"工作表“[^”]*”")
_ROW = re.compile(r"第\s*\d+\s*行")
_SPACE = re.compile(r"\s+")


def is_verified(*texts: object) -> bool:
    """Return whether any of the township's texts says the finding was verified as not a problem.

    Args:
        texts: 核实情况, 整改状态 … cells.
    Returns:
        True when one of :data:`VERIFIED_WORDS` appears.
    """
    joined = "".join(unicodedata.normalize("NFKC", text(t)) for t in texts)
    return any(w in joined for w in VERIFIED_WORDS)


def fingerprint(code: str, evidence: object) -> str:
    """Return the fingerprint of a finding's evidence (file names, sheets and row numbers ignored).

    Args:
        code: the category code.
        evidence: the 依据 text.
    Returns:
        'FP-' and 16 hex digits (a letter first, so spreadsheet programs keep it as text).
    """
    norm = unicodedata.normalize("NFKC", text(evidence))
    norm = _ROW.sub("第行", _SHEET.sub("", _FILE_NAME.sub("", norm)))
    norm = _SPACE.sub("", norm)
    return "FP-" + hashlib.sha256(f"{code.strip().upper()}|{norm}".encode("utf-8")).hexdigest()[:16]


def entries_from(findings: pd.DataFrame, verified_on: dt.date) -> pd.DataFrame:
    """Return suppression entries for the rows of a reviewed ledger marked 核实无问题.

    Args:
        findings: earlier findings with the ledger columns (核实情况, 整改状态 …).
        verified_on: the date recorded as 核实日期.
    Returns:
        A frame with :data:`COLUMNS`.
    """
    rows = []
    for _, f in findings.iterrows():
        if not is_verified(f.get("核实情况", ""), f.get("整改状态", "")):
            continue
        rows.append({
            "类别代码": text(f.get("类别代码")), "身份证号": text(f.get("身份证号")), "姓名": text(f.get("姓名")),
            "乡镇": text(f.get("乡镇")), "村": text(f.get("村")), "来源名单": text(f.get("来源名单")),
            "依据": text(f.get("依据")), "依据指纹": fingerprint(text(f.get("类别代码")), f.get("依据")),
            "核实情况": text(f.get("核实情况")) or text(f.get("整改状态")), "核实日期": verified_on.isoformat(),
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def merge(*frames: pd.DataFrame) -> pd.DataFrame:
    """Merge suppression entries, keeping the earliest entry of each (code, person, fingerprint).

    Args:
        frames: suppression frames, oldest first.
    Returns:
        The merged frame.
    """
    parts = [f for f in frames if f is not None and len(f)]
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    both = pd.concat(parts, ignore_index=True)
    key = [f"{c}|{ids.id_number(i).value}|{p}" for c, i, p in zip(both["类别代码"], both["身份证号"], both["依据指纹"])]
    return both.loc[~pd.Series(key).duplicated().to_numpy(), COLUMNS].reset_index(drop=True)


def write(entries: pd.DataFrame, target: Path) -> None:
    """Write the suppression file (UTF-8 with BOM, formula-safe, atomic).

    Args:
        entries: the entries.
        target: the file.
    """
    write_csv(entries[COLUMNS] if len(entries) else pd.DataFrame(columns=COLUMNS), target)


def read(path: Path) -> pd.DataFrame:
    """Read a suppression file (also after it was opened and saved in Excel or WPS).

    Args:
        path: the file.
    Returns:
        A frame with :data:`COLUMNS` (text).
    Raises:
        InputFileError: when the file lacks 类别代码, 身份证号 or 依据指纹.
    """
    grids = read_grids(Path(path))
    for grid in grids:
        for r, row in enumerate(grid.rows[:10]):
            labels = [header_label(c) for c in row]
            if not {"类别代码", "身份证号", "依据指纹"} <= set(labels):
                continue
            pos = {label: labels.index(label) for label in COLUMNS if label in labels}
            data = [{c: (row2[i] if i < len(row2) else "") for c, i in pos.items()} for row2 in grid.rows[r + 1:]]
            frame = pd.DataFrame(data, columns=COLUMNS, dtype=object).fillna("")
            frame["身份证号"] = [ids.id_number(v).value if v not in ("", None) else "" for v in frame["身份证号"]]
            for col in COLUMNS:
                if col != "身份证号":
                    frame[col] = [text(v) for v in frame[col]]
            return frame[frame["类别代码"] != ""].reset_index(drop=True)
    raise InputFileError(path, "不是核实无问题清单：找不到“类别代码”“身份证号”“依据指纹”列。请使用 review 命令生成的文件。")


def apply(findings: pd.DataFrame, entries: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Hold back findings whose category, person and evidence fingerprint match a suppression entry.

    An ID that Excel turned into a number still matches on region + birth date plus the name.

    Args:
        findings: the audit's findings frame.
        entries: the suppression entries.
    Returns:
        (findings kept, how many were held back).
    """
    if findings.empty or entries.empty:
        return findings, 0
    exact, partial = set(), set()
    for code, pid, name, fp in zip(entries["类别代码"], entries["身份证号"], entries["姓名"], entries["依据指纹"]):
        info = ids.id_number(pid)
        if info.status == ids.NUMERIC:
            partial.add((code, info.value[:SURVIVING], person_name(name), fp))
        else:
            exact.add((code, info.value, fp))
    keep = []
    for code, pid, name, evidence in zip(findings["类别代码"], findings["身份证号"], findings["姓名"], findings["依据"]):
        fp = fingerprint(code, evidence)
        value = ids.id_number(pid).value
        held = (code, value, fp) in exact or (code, value[:SURVIVING], person_name(name), fp) in partial
        keep.append(not held)
    mask = pd.Series(keep, index=findings.index)
    return findings[mask].reset_index(drop=True), int((~mask).sum())
