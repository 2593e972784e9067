"""Reading an earlier problem list back: findings.csv, or a 问题清单.xlsx the townships filled in.

Townships edit the ledger in Excel or WPS: they type into the blank columns, sort, filter, insert
columns, re-order or rename sheets, add a notes sheet. Every sheet whose header names 身份证号 and 姓名
is read; the 汇总 sheet and notes are skipped; a sheet that lost its 类别代码 column takes the code from
its name (“C01 财政供养人员…”).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from pathlib import Path

import pandas as pd

from ..errors import InputFileError
from ..model import LOW
from ..normalize import codes, ids, values
from ..normalize.values import count, header_label, text
from ..policy import load_defaults
from .limits import Limits
from .problem_list import FINDING_COLUMNS, PEOPLE
from .read import read_grids, skipped_note
from .report import LEDGER_COLUMNS, TOWNSHIP_ADDED
from .columns import names_someone_else
from .table import fill_merged, legend_text

COLUMNS = FINDING_COLUMNS + LEDGER_COLUMNS
# A column a township inserted is carried into the look-back under its own header and TOWNSHIP_ADDED; the
# look-back's own columns and a row counter are not.
_NOT_CARRIED = {"序号", "编号", "说明", "乡镇填报状态"}
# a category code: C01, F07, … and the three of 人情保, RQ1–RQ3 (held-out 319: a 汇总 column 'RQ1 …' was no code, the
# township that deleted its only RQ1 row was never told)
_CODES = r"[A-Z]{1,2}\d{2}|RQ\d"
_CODE = re.compile(rf"^\s*({_CODES})\b")
_CELL_CODE = re.compile(rf"\s*({_CODES})(?![0-9A-Z])")  # a 类别代码 cell's code, its name after it or not
# Header spellings townships produce when they retype a header.
_ALIASES = {"身份证号码": "身份证号", "公民身份号码": "身份证号", "户主身份证号码": "户主身份证号", "类别": "类别代码",
            # (h440: a system's return naming the IDs 证件号码 | 户主证件号码 was refused as no problem list)
            "证件号码": "身份证号", "证件号": "身份证号", "身份证件号码": "身份证号", "公民身份证号": "身份证号",
            "公民身份证号码": "身份证号", "户主证件号码": "户主身份证号", "户主公民身份号码": "户主身份证号",
            "户主身份证件号码": "户主身份证号",
            # (h440: a system's 整改状态代码（1已整改 2整改中 3不属实） was carried as the township's column, every row unfilled)
            "整改状态代码": "整改状态", "整改状态编码": "整改状态", "整改结果代码": "整改状态", "整改结果编码": "整改状态",
            "问题类别": "类别代码", "问题类型": "类别代码", "疑点类型": "类别代码", "疑点类别": "类别代码", "代码": "类别代码", "状态": "整改状态", "是否整改": "整改状态", "整改情况": "整改状态",
            "核实结果": "核实情况", "核实结论": "核实情况",
            # (h421: a retyped return's 核查结论 | 备注 was no problem list at all, the run stopped "看起来是养老金发放名单";
            # 是否整改到位 beside 处理情况 holds the status, the account the other)
            "核查结论": "核实情况", "是否整改到位": "整改状态", "是否整改完成": "整改状态", "是否已整改": "整改状态", "整改期限": "整改时限", "责任人员": "责任人",
            # a system export naming the township only by its 统计用区划代码 (h378: read with no township at all; the
            # review names the code as this roster's people say, ``review._coded_towns``)
            # (h388: a township's own header — 对象姓名, 成员姓名 beside 户主, 户主 for its name, 村别/社区, 乡镇（街道） — made its
            # return no problem list, read as this quarter's roster, its people 仍在新花名册中)
            "对象姓名": "姓名", "成员姓名": "姓名", "户主": "户主姓名", "村别": "村", "社区": "村", "村(社区)": "村", "村(居)": "村",
            "乡镇(街道)": "乡镇",
            # (h408: a system's county list, 问题类别代码 | 问题依据, was refused as a list without its 类别代码)
            "问题类别代码": "类别代码", "问题类型代码": "类别代码", "问题代码": "类别代码", "类别编码": "类别代码",
            "问题依据": "依据", "核查依据": "依据", "比对依据": "依据",
            "行政区划代码": "乡镇", "区划代码": "乡镇", "乡镇代码": "乡镇", "乡镇区划代码": "乡镇", "乡镇(街道)代码": "乡镇"}


# What a township may rename 整改状态 to: the status unless the sheet keeps its 整改状态 too (held-out 107: read as a
# column of its own, the township's 已整改 and 已追回1576元 in it not read)
# (held-out 121: 处理结果, 完成情况 — a township's 已核实无问题 there was lost, the case raised again next quarter)
_STATUS_RENAMED = ("整改结果", "整改进度", "整改进展", "整改完成情况", "完成情况", "处理结果", "处理情况", "办理情况",
                   "办理结果", "落实情况", "整改落实情况",
                   # (h421: a return whose only column of its own was one of these was no problem list: the run stopped)
                   "整改落实结果", "整改销号情况", "销号情况", "是否销号", "是否完成整改", "整改是否到位", "处置情况", "处置结果",
                   "整改成效", "核实整改情况", "整改情况说明")

# every header a township gives its 整改状态
_STATUS_NAMES = tuple(x for x, label in _ALIASES.items() if label == "整改状态") + _STATUS_RENAMED

# What a township may rename 核实情况 to: its findings unless the sheet keeps its 核实情况 too (held-out 188: 入户核实情况
# carried as a column of its own, its 已停发 not read); names of who or when (入户核实人, 核实日期) are something else
_FOUND_RENAMED = ("入户核实情况", "核查情况", "核查结果", "入户核查情况", "调查核实情况", "走访核实情况", "核实情况说明",
                  "入户调查情况", "调查情况", "核实处理情况", "核查处理结果", "核查核实情况")


# A column of the ID's last digits only ('身份证号后四位', h388: the township's return was read as a roster and stopped the
# look-back): read as an ID masked but for them, matched as a public copy is (name, code, township and those digits)
_TAIL_ONLY = re.compile(r"^(?:公民)?身份证(?:号码?)?(?:的)?后\s*([4四])\s*位(?:数字?)?$")
_TAIL_MASK = "*" * 14


def _without_legend(label: str) -> str:
    """A header with its codes' legend in brackets ('整改结果（1已整改 2整改中 3核实无问题）') as the column it names (h397:
    carried as a column of the township's own, its 1/2/3 never read as the status); the legend is read from the header
    as written (:func:`_statuses_decoded`); so is one with the choices of its dropdown ('整改结果（已整改/未整改）')."""
    choices = re.fullmatch(r"(.+?)[(（\[【]([^()（）]+)[)）\]】]", label)
    if choices and len([c for c in re.split(r"[/／、|｜]", choices.group(2)) if c.strip()]) >= 2 \
            and all(re.fullmatch(r"[\u4e00-\u9fff]{1,8}", c.strip()) for c in re.split(r"[/／、|｜]", choices.group(2)) if c.strip()):
        return choices.group(1).strip()
    if not re.search(r"[(（\[【]", label) or not codes.legend(label):
        return label
    return re.split(r"[(（\[【]", label)[0].strip() or label


def ledger_labels(row: list) -> list[str]:
    """A header row's labels as a problem list's columns (the spellings and renamings townships type)."""
    raw = [_without_legend(header_label(c)) for c in row]
    raw = ["身份证号" if _TAIL_ONLY.match(x) and "身份证号" not in raw else x for x in raw]
    if "整改状态" not in raw and "整改情况" in raw and any(x in _STATUS_RENAMED for x in raw):
        # 整改情况 beside 整改结果: the account, the result the status (held-out 157: 整改结果 carried aside, its
        # 已整改 and 经核实不属实 not read); the account is the 核实情况 unless the sheet keeps that too
        raw[raw.index("整改情况")] = "核实情况" if "核实情况" not in raw else "整改情况" + header_label(TOWNSHIP_ADDED)
    # an alias standing beside the column it names is a column of its own (h357: 整改情况 beside 整改状态 was read as a
    # second 整改状态 and dropped, its '已追回部分300元' never read): carried as the township's, read as free text
    # (or beside another alias of it: 状态 and 整改情况)
    # (h378: a retyped 应追回金额（元） was carried as the township's own column, the amounts owed unknown)
    raw = [x[:-3] if x in ("应追回金额(元)", "应补发金额(元)", "应追回金额(分)", "应补发金额(分)") else x for x in raw]
    labels, taken = [], set(raw)
    for x in raw:
        label = _ALIASES.get(x, x)
        if label != x and label in taken:
            label = x + header_label(TOWNSHIP_ADDED)
        taken.add(label)
        labels.append(label)
    if "整改状态" not in labels and (renamed := next((x for x in labels if x in _STATUS_RENAMED), None)):
        labels[labels.index(renamed)] = "整改状态"
    if "核实情况" not in labels and (renamed := next((x for x in labels if x in _FOUND_RENAMED), None)):
        labels[labels.index(renamed)] = "核实情况"
    return labels


OWED = ("应追回金额", "应补发金额")


def _fen_as_yuan(cell: str) -> str:
    """An amount cell in 分 as yuan ('83200' → '832'); a cell that is no bare number as it is."""
    amount = values.money(cell) if re.fullmatch(r"\s*\d+(\.\d+)?\s*", cell or "") else None
    return f"{amount / 100:g}" if amount is not None else cell


def read_previous(path: Path | str, limits: Limits | None = None) -> pd.DataFrame:
    """Read the findings of an earlier audit with whatever the townships wrote into the ledger columns.

    Args:
        path: a findings.csv, 问题清单.xlsx or 回头看问题清单.xlsx.
        limits: safety bounds.
    Returns:
        One row per earlier finding, text columns :data:`COLUMNS`, the columns townships inserted (their header and
        :data:`TOWNSHIP_ADDED`), ``_sheet`` and ``_row``; ``attrs["masked"]`` one of its masked IDs when the file
        is a public copy (IDs masked), else ''; ``attrs["uncoded"]`` when no sheet has a 类别代码 (names, IDs and
        statuses a township retyped); ``attrs["amounts"]`` whether any sheet has 应追回金额 or 应补发金额;
        ``attrs["notes"]`` what reading the file said (rows a filter hid, sheets left unread), as a roster's.
    Raises:
        InputFileError: when no sheet looks like a problem list (no 类别代码 column or code-named sheet).
    """
    path = Path(path)
    parts, recognised, coded, titles, issued, firm, towns, amounts = [], False, False, [], {}, False, [], False
    grids = read_grids(path, limits, ledger=True, note_sheets=True)
    # a 说明 page, or lines typed under a table, may say what a coded 整改结果 means (held-out 269: 1/2/3 unread)
    said, status_labels = [legend_text([g for g in grids if g.note_sheet])], set()
    verified_labels: set[str] = set()
    measure_labels: set[str] = set()  # (h492: 整改措施 written 1/2/3 under a legend row, 3 核实无问题 never said)
    for grid in grids:
        if grid.note_sheet:
            continue
        fill_merged(grid)
        if not issued:
            issued, firm, towns = _issued(grid.rows)
        for r, row in enumerate(grid.rows[:10]):
            labels = ledger_labels(row)
            if "姓名" not in labels or ("身份证号" not in labels and "户主身份证号" not in labels):
                titles += [t for t in map(text, row) if t] if r == 0 else []
                # (a legend between the title and the header, "整改状态：1已整改 2整改中": held-out 302 said it unread)
                said.append(" ".join(t for t in map(text, row) if t))
                continue  # without the member's ID, review matches on 户主身份证号 + 姓名
            # a header of two rows (整改情况 spanning 是否整改 | 整改时间 | 追回金额): the lower row names those columns (h428:
            # read as the first finding, its 追回金额 never read)
            under = _sub_header(row, labels, grid.rows[r + 1] if r + 1 < len(grid.rows) else [])
            if under is not None:
                row, labels, r = under, ledger_labels(under), r + 1
            if r > 0:
                labels = _people_grouped(labels, grid.rows[r - 1])
            pos: dict[str, int] = {}
            for i, label in enumerate(labels):
                pos.setdefault(label, i)
            tail_only = "身份证号" in pos and bool(_TAIL_ONLY.match(header_label(row[pos["身份证号"]])))
            if "整改状态" in pos:  # (its header as written, which a legend names)
                status_labels.add(header_label(row[pos["整改状态"]]))
            if "核实情况" in pos:
                verified_labels.add(header_label(row[pos["核实情况"]]))
            if "整改措施" in pos:
                measure_labels.add(header_label(row[pos["整改措施"]]))
            sheet_code = _CODE.match(grid.sheet or "") or _code_of_title(grid.sheet or "")
            # a sheet a township retyped with the names, IDs and its 整改情况 only: its rows are read through the
            # internal list given beside it (review, held-out 196)
            uncoded = "类别代码" not in labels and "类别名称" not in labels and not sheet_code
            if uncoded and not {"整改状态", "核实情况"} & set(labels):
                continue
            recognised = True
            amounts = amounts or bool({"应追回金额", "应补发金额"} & set(labels))
            records = []
            added = {c.removesuffix(header_label(TOWNSHIP_ADDED)) + TOWNSHIP_ADDED: i for c, i in pos.items()
                     if c and c not in COLUMNS and c not in _NOT_CARRIED and not c.startswith("_")}
            # the amounts owed in 分 (a system's 应追回金额（分）; h408: read as yuan, or as nothing), as yuan
            fen = {labels[i] for i, c in enumerate(row) if i < len(labels) and labels[i] in OWED
                   and header_label(c).endswith("(分)")}
            for k, cells in enumerate(grid.rows[r + 1:], start=r + 1):
                rec = {c: (cells[i] if i < len(cells) else "") for c, i in pos.items() if c in COLUMNS}
                if not any(text(v) for v in rec.values()):
                    # a line typed under the table in a column the ledger does not carry ('注：整改状态 1-已整改 …' under
                    # a system's own 系统序号 column: h440, its legend unread and every 3 不属实 left unfilled)
                    said.append(" ".join(t for t in map(text, cells) if t))
                    continue
                rec = {c: _cell(c, v) for c, v in rec.items()}
                for c in fen:
                    rec[c] = _fen_as_yuan(rec[c])
                if tail_only and re.fullmatch(r"[0-9Xx]{4}", rec.get("身份证号", "")):
                    rec["身份证号"] = _TAIL_MASK + rec["身份证号"].upper()
                rec.update({c: _cell(c, cells[i]) if i < len(cells) else "" for c, i in added.items()})
                if not any(rec.get(c) for c in ("姓名", "身份证号", "户主身份证号")):
                    said.append(" ".join(t for t in map(text, cells) if t))
                    continue  # a line typed under the table (填报人：…, 备注：…): a finding names a person or household
                # a 问题类别 column holding the category's title, not its code (held-out 216: a retyped ledger)
                if rec.get("类别代码") and not _CODE.match(rec["类别代码"]) and (found := _code_of_title(rec["类别代码"])):
                    rec["类别名称"], rec["类别代码"] = rec.get("类别名称") or rec["类别代码"], found.group(1)
                if not rec.get("类别代码") and rec.get("类别名称"):
                    found = _code_of_title(rec["类别名称"])
                    rec["类别代码"] = found.group(1) if found else ""
                if not rec.get("类别代码") and sheet_code:
                    rec["类别代码"] = sheet_code.group(1)
                rec["_sheet"], rec["_row"] = grid.sheet, grid.first_row + k
                records.append(rec)
            if (records and not uncoded and not sheet_code and {"整改状态", "核实情况"} & set(labels)
                    and not any(r.get("类别代码") for r in records)):
                # a 类别代码 column (问题类别, 疑点类型 …) blank on every row names no category: the rows are the persons'
                # (h460: a platform's blank 疑点类型 dropped every row of the return unsaid)
                uncoded = True
            coded = coded or not uncoded
            if records:
                parts.append(pd.DataFrame(_status_beside(records)))
            break
    if not recognised:
        raise InputFileError(path, "不是问题清单：找不到含“类别代码”“姓名”“身份证号”列的工作表。请指定 audit 生成的 findings.csv 或问题清单.xlsx。")
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS + ["_sheet", "_row"])
    for col in COLUMNS:  # a column one sheet lacks is blank on its rows, never NaN (held-out 139: 'nan' fingerprints
        frame[col] = frame[col].fillna("") if col in frame.columns else ""  # made one finding of a sheet's rows)
    frame = frame[frame["类别代码"] != ""] if coded else frame
    masked = frame["身份证号"].astype(str).str.contains(r"\*{3}", regex=True)
    # a 公示 copy filled in: read against the roster every person would be 已整改 (不在新花名册中); review matches its
    # rows to an internal list given beside it, or refuses it (held-out 196)
    example = frame.loc[masked, "身份证号"].iloc[0] if len(frame) and masked.mean() >= 0.5 else ""
    # a category sheet says its name in its title and its advice under it, not on every row (problem_list.said_once)
    specs = _shipped()
    for col, attr in (("类别名称", "title"), ("建议", "advice")):
        blank = frame[col].astype(str).str.strip() == ""
        frame.loc[blank, col] = [getattr(specs[c], attr) if c in specs else "" for c in frame.loc[blank, "类别代码"]]
    added = [c for c in frame.columns if c.endswith(TOWNSHIP_ADDED)]
    frame[added] = frame[added].fillna("")
    frame = frame[COLUMNS + added + ["_sheet", "_row"]].reset_index(drop=True)
    frame.attrs["titles"] = list(dict.fromkeys(titles))  # the title rows' texts ('清河县 2026年第三季度 …问题清单 — C02 …')
    frame.attrs["issued"] = issued
    frame.attrs["issued_firm"] = firm  # its 汇总 counts people at 高/中 only (lists since held-out 222)
    frame.attrs["issued_towns"] = towns  # the townships its 汇总 has a row for (one: a township's own workbook)
    frame.attrs["masked"] = example  # a masked ID of a public copy ('' for an internal list)
    frame.attrs["uncoded"] = bool(len(frame)) and not coded  # rows without their 类别代码, matched by review
    frame.attrs["amounts"] = amounts  # whether it has the amount columns (a retyped ledger may not: held-out 216)
    # (held-out 234: a township's filter hid every other row, read and never said, as README promises of any input)
    notes = [n for g in grids for n in g.notes]
    decoded, read = _statuses_decoded(frame, status_labels, "。\n".join(t for t in said if t))
    if decoded and not read:  # a CSV return holds no 说明 page: its system's 代码说明 file beside it may (h440)
        decoded, read = _statuses_by_code_files(frame, status_labels, path, limits, decoded)
    if decoded:
        notes.append(decoded)
    notes += _findings_decoded(frame, verified_labels, "。\n".join(t for t in said if t))
    notes += _findings_decoded(frame, measure_labels, "。\n".join(t for t in said if t), "整改措施")
    if not read:  # (a page whose legend was read is no page unread)
        notes += [skipped_note(g.sheet) for g in grids if g.note_sheet]
    notes += _record_columns_added(frame, added)
    frame.attrs["notes"] = notes
    return frame


def _record_columns_added(frame: pd.DataFrame, added: list[str]) -> list[str]:
    """Say a record-status column a township added to its returned problem list (删除标志, 是否删除) that marks rows
    deleted: the list is the bureau's own document, not a system's export, so no problem leaves the look-back by it
    (h490 pinned that; unsaid, the township thought its rows gone)."""
    out = []
    for col in added:
        bare = col.removesuffix(TOWNSHIP_ADDED)
        sense = codes.record_column(bare)
        if not sense:
            continue
        gone = sum(1 for v in frame[col].tolist() if codes.record_live(v, sense) is False)
        if gone:
            out.append(f"问题清单中乡镇添加的“{bare}”列有 {gone} 行标为删除或作废：问题清单上的问题不能以此销号，这些行照常核对；"
                       "已整改的请在“整改状态”中填写")
    return out


_PERSON = ("姓名", "身份证号", "户主身份证号", "户主姓名")


def _people_grouped(labels: list[str], above: list) -> list[str]:
    """A header's labels with the people its group row names: where 姓名 (or 身份证号) comes twice or more, one under a
    group naming the head (户主信息) is 户主姓名, one under a group naming another person (经办人信息, 联系人) that
    person's column, carried as the township's; the group row's cells merged (filled) or written once over the blank
    cells right of them (h454: a 整改系统's 户主信息 | 问题对象 each over bare 姓名 | 身份证号 — the first pair, the head's,
    was read as the person's, eight findings judged by the head)."""
    groups, group = [], ""
    for i in range(len(labels)):
        group = (header_label(above[i]) if i < len(above) else "") or group
        groups.append(group)
    out = list(labels)
    for label in ("姓名", "身份证号"):
        at = [i for i, x in enumerate(out) if x == label]
        if len(at) < 2:
            continue
        for i in at:
            if "户主" in groups[i] and "户主" + label not in out:
                out[i] = "户主" + label
            elif "户主" not in groups[i] and names_someone_else(groups[i]):
                out[i] = groups[i] + label
    return out


def _sub_header(row: list, labels: list[str], below: list) -> list | None:
    """The header's cells with the row under it read in, when that row is the lower half of a two-row header.

    Args:
        row: the header row found (its merged cells filled).
        labels: its labels (:func:`ledger_labels`).
        below: the row under it.
    Returns:
        The header's cells, each the lower row's where it names a column of its own (not a copy of the cell above, a
        merged one filled), or None unless at least two of its cells name columns under labels spanning several; a
        finding is none: it names a person under 姓名 or an ID, holds a figure, or a cell of more than 12 characters.
    """
    out, named = list(row), 0
    tops = [header_label(c) for c in row]
    for i, cell in enumerate(below):
        label, top = header_label(cell), tops[i] if i < len(tops) else ""
        if not label or label == top:
            continue
        if (i < len(labels) and labels[i] in _PERSON) or re.search(r"\d", label) or len(label) > 12:
            return None
        # under a label spanning several columns (merged: repeated once filled; or blank beside it), never under a
        # column of its own: a hint typed under 整改状态 ('已整改/未整改') is no header
        spans = not top or (i > 0 and tops[i - 1] == top) or (i + 1 < len(tops) and tops[i + 1] in (top, ""))
        if not spans:
            return None
        out += [""] * (i + 1 - len(out))
        out[i], named = cell, named + 1
    return out if named >= 2 else None


def _status_beside(records: list[dict]) -> list[dict]:
    """A sheet's 整改状态 left blank on every row beside a column townships name it by (整改情况, 整改结果 …), carried as
    the township's own: that column holds the statuses (h410: '经核实不属实' in 整改情况 beside an untouched 整改状态 was
    never read as 核实无问题, the case 未整改); other sheets' rows are not looked at."""
    if any(text(r.get("整改状态", "")) for r in records):
        return records
    beside = next((c for c in (x + TOWNSHIP_ADDED for x in _STATUS_NAMES)
                   if any(text(r.get(c, "")) for r in records)), None)
    if beside is None:
        return records
    for r in records:  # (copied: the column stays the township's own, carried as h357 has it; an amount in both counts once)
        r["整改状态"] = r.get(beside, "")
    return records


def _statuses_decoded(frame: pd.DataFrame, labels: set[str], said: str) -> tuple[str, bool]:
    """Write a 整改状态 written as codes (1/2/3) as the words a legend gives them: a 说明 page's, the lines under a table,
    a title's (:func:`normalize.codes.legend`, under the column's header as written, or 整改状态). Returns the note saying
    so, or that codes were left unread ('' when the column holds no code), and whether every code was read."""
    if not len(frame):
        return "", False
    cells = frame["整改状态"].astype(str).str.strip()
    # a bare number on a row owing money is what the township says it recovered or paid, for review to read (h359:
    # '500' beside 1,800 元 owed was said to be an unknown code and the row taken as unfilled)
    amounts = status_amounts(frame)
    coded = sorted({c for c, a in zip(cells, amounts) if _STATUS_CODE.fullmatch(c) and not a}, key=lambda c: (len(c), c))
    filled = set(cells) - {""}
    flags = next((f for f in _FLAGS if filled and filled <= set(f)), None)
    if not coded and not flags:
        return "", False
    meanings = next((m for label in (*sorted(labels), "整改状态") if (m := codes.legend(label, said))), {})
    if flags and not meanings:
        # a column of 1 and 0 (是 and 否) only, with no legend, is a yes/no answer to 是否已整改 (h410: a township's
        # bare 1 for 已追回 was said to be an unknown code and the row taken as unfilled)
        frame["整改状态"] = [flags.get(c, c) for c in cells]
        shown = "、".join(f"{c}为{w}" for c, w in flags.items())
        return f"“整改状态”列只填写了{'、'.join(flags)}，按{shown}读取", True
    if not meanings:  # a legend naming no column ('注：1-已整改 2-整改中 3-核实无问题'): the one whose words are statuses
        runs = (codes.legend(run.group(0)) for run in re.finditer(codes.LEGEND_RUN, unicodedata.normalize("NFKC", said)))
        meanings = next((m for m in runs if m and all(_STATUS_WORDS.search(w) for w in m.values())), {})
    frame["整改状态"] = [codes.by_legend(c, meanings) if _STATUS_CODE.fullmatch(c) and not a else c
                      for c, a in zip(cells, amounts)]
    left = [c for c in coded if frame["整改状态"].eq(c).any()]
    shown = "、".join(f"{c}{meanings[c]}" for c in coded if c in meanings)
    if not left:
        return f"“整改状态”列的代码按工作簿中的说明读取（{shown}）", True
    return (f"“整改状态”列写成代码（{'、'.join(left)}），" + (f"其余按说明读取（{shown}），" if shown else "")
            + "未找到这些代码的含义，按未填写整改情况处理；请把代码改为文字（如“已清退”“核实无问题”“整改中”）后重新运行"), False


def _findings_decoded(frame: pd.DataFrame, labels: set[str], said: str, column: str = "核实情况") -> list[str]:
    """Write a 核实情况 (or 整改措施) written as codes as the words its legend gives them (a system's '核查结论（1属实
    2不属实）': h460, its 2 left as "2", the township's 不属实 never read as 核实无问题; a WPS copy's 整改措施 1/2/3 under a
    legend row '整改措施：1.停发清退 2.减员 3.核实无问题': h492); codes no legend explains are said, left as written.
    Returns the note ([] when the column holds no code)."""
    if not len(frame) or column not in frame.columns:
        return []
    cells = frame[column].astype(str).str.strip()
    coded = sorted({c for c in cells if _STATUS_CODE.fullmatch(c)}, key=lambda c: (len(c), c))
    if not coded:
        return []
    meanings = next((m for label in sorted(labels) if (m := codes.legend(label, said))), {})
    frame[column] = [codes.by_legend(c, meanings) if _STATUS_CODE.fullmatch(c) else c for c in cells]
    left = [c for c in coded if frame[column].eq(c).any()]
    shown = "、".join(f"{c}{meanings[c]}" for c in coded if c in meanings)
    if not left:
        return [f"“{column}”列的代码按工作簿中的说明读取（{shown}）"]
    return [f"“{column}”列写成代码（{'、'.join(left)}），" + (f"其余按说明读取（{shown}），" if shown else "")
            + ("未找到这些代码的含义，按原样读取（不作为核实结论）；请把代码改为文字（如“属实”“不属实”）后重新运行" if column == "核实情况"
               else "未找到这些代码的含义，按原样读取；请把代码改为文字（如“停发清退”“减员”）后重新运行")]


def _statuses_by_code_files(frame: pd.DataFrame, labels: set[str], path: Path, limits: Limits | None,
                            said: str) -> tuple[str, bool]:
    """Read the 整改状态 codes a return left unread by the code tables beside it: one named after it (城关镇_整改台账_代码表.csv)
    or after no file (代码说明.csv, 数据字典.xlsx: :func:`io.table.folder_code_tables`), as a roster's are read (h440: a
    township system's CSV return, 1/2/3 with 代码说明.csv beside it, its 3 不属实 left unfilled). Returns the note and
    whether every code was read; ``said`` (the note of the first reading) when no such table reads them."""
    from .ledgers import code_tables
    from .table import companion_code_files, folder_code_tables

    legends, files = code_tables([*companion_code_files(path), *folder_code_tables(path)], limits)
    if not legends:
        return said, False
    note, read = _statuses_decoded(frame, labels, legends)
    return note.replace("按工作簿中的说明读取", f"按代码表文件{''.join(f'《{p.name}》' for p in files)}读取"), read


# A 整改状态 cell holding a number alone that may be yuan (500, 1,440, ￥300.00: two digits or more, no leading 0)
_STATUS_NUMBER = re.compile(r"¥?\s*(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d+)(?:\.\d+)?")
# the categories whose findings owe money (F07, the account, owes none)
_OWING = re.compile(r"F0[1-6]")


def status_amounts(frame: pd.DataFrame) -> list[bool]:
    """Per row of a returned list, whether its 整改状态 is a bare number on a finding owing money (F01–F06): an amount the
    township says it recovered or paid, which review reads as one where it is no more than owed, never a status code.

    Args:
        frame: the rows (类别代码, 整改状态).
    Returns:
        One flag per row.
    """
    return [bool(_OWING.fullmatch(str(code).strip())) and status_number(c) is not None
            for code, c in zip(frame["类别代码"], frame["整改状态"])]


def status_number(cell: object) -> float | None:
    """The yuan a 整改状态 cell holding a bare number may be ('500', '1,440', '￥300.00'; :data:`_STATUS_NUMBER`), None for
    any other cell (words, '500元', a code such as 1 or 02)."""
    said = unicodedata.normalize("NFKC", str(cell if cell is not None else "")).strip()
    if not _STATUS_NUMBER.fullmatch(said):
        return None
    return float(said.lstrip("¥").strip().replace(",", ""))


# the words a legend of 整改状态 gives its codes (a run of codes naming no column is read as its legend only when each
# of its words is one of these)
_STATUS_WORDS = re.compile(r"整改|清退|停发|停保|追回|补发|核实|无问题|无误|属实|不属实|销号|完成|退出|办结")
# a 整改状态 column holding one of these pairs only: yes (已整改) or no
_FLAGS = ({"1": "已整改", "0": "未整改"}, {"是": "已整改", "否": "未整改"})
# a 整改状态 cell that is a bare code (1, 02, A): a system's or a clerk's shorthand
_STATUS_CODE = re.compile(r"[0-9]{1,3}|[A-Za-z]")


def _issued(rows: list[list]) -> tuple[dict[str, int], bool, list[str]]:
    """What a problem list's 汇总 sheet says it holds: category code → people (its 合计 row), whether it counts
    people at 高/中 only (its header says 问题人数（高/中）), and the townships it has a row for; ({}, False, []) for
    another sheet."""
    for r, row in enumerate(rows[:10]):
        labels = [text(c) for c in row]
        if not labels or labels[0] != "乡镇" or not any(_CODE.match(x) for x in labels[1:]):
            continue
        end = next((k for k, t in enumerate(rows[r + 1:], start=r + 1) if t and text(t[0]) == "合计"), None)
        if end is None:
            return {}, False, []
        total = rows[end]
        out = {}
        for label, cell in zip(labels[1:], total[1:]):
            code, n = _CODE.match(label), count(cell)
            if code and n is not None:
                out[code.group(1)] = int(n)
        towns = [t for t in (text(row[0]) for row in rows[r + 1:end] if row) if t]
        return out, text(PEOPLE) in labels, towns
    return {}, False, []


def unread_rows(frame: pd.DataFrame, issued: dict[str, int] | None = None, firm: bool | None = None, town: str = ""
                ) -> dict[str, tuple[int, int]]:
    """Categories whose rows read back hold fewer people than the list's 汇总 sheet says it was issued with (rows a
    township deleted): code → (issued, read). ``issued``: a 汇总 sheet's counts (default the frame's own), compared with
    the rows of ``frame`` (every list given: a township's return holds rows the county's list lacks); ``firm``: the
    counts are of people at 高/中 only (default the frame's own), so the 低 rows are not counted back either (held-out
    222: else a deleted 高 row hid behind the 低 leads); ``town``: the township a township's own workbook is of, whose
    summary counts only its rows (held-out 227: another township's rows of the category hid its deleted ones)."""
    if town:  # (a row without its 乡镇, as a retyped ledger may have, is taken as the township's)
        frame = frame[frame["乡镇"].astype(str).str.strip().isin({town, ""})]
    issued = (frame.attrs.get("issued") if issued is None else issued) or {}
    if frame.attrs.get("issued_firm", False) if firm is None else firm:
        frame = frame[frame["置信度"].astype(str).str.strip() != LOW]
    # the summary counts roster rows (a person enrolled twice, D01, twice): by the roster row where it was kept
    who = frame["身份证号"].where(frame["身份证号"] != "", frame["姓名"])
    # … and where a return lost those columns, by the household and programme the row names (h363: 柳林镇 and 石桥镇
    # deleted 花名册文件/花名册行, 王红's D01 in two households read as one person: "可能有行被删除" of rows all there)
    for col in ("户主身份证号", "保障类别"):
        if col in frame.columns:
            who = who + "|" + frame[col].fillna("").astype(str).str.strip()
    who = (frame["花名册文件"] + "|" + frame["花名册行"]).where(frame["花名册行"] != "", who)
    read = who.groupby(frame["类别代码"]).nunique().to_dict()
    return {c: (n, int(read.get(c, 0))) for c, n in issued.items() if read.get(c, 0) < n}


class _Code:
    """A tiny stand-in for a regex match holding a category code (group(1))."""

    def __init__(self, code: str):
        self._code = code

    def group(self, _index: int) -> str:
        return self._code


@functools.lru_cache(maxsize=1)
def _shipped() -> dict:
    """The shipped check specs (titles and advice), read once: looked up per file, sheet and row (read only)."""
    return load_defaults()[0]


def _code_of_title(text_value: str) -> _Code | None:
    """Return the category whose title a sheet name or 类别名称 cell names (the longest title that fits)."""
    wanted = _title_form(text_value)
    if not wanted:
        return None
    # both sides in one form: a 类别代码 cell is read NFKC-folded (停保(退出)后仍发放), F03's title is written with
    # full-width brackets (held-out 255: the title as the tool prints it matched no category)
    best = max(((len(title), code) for code, title in _shipped_titles() if title == wanted
                or (len(wanted) >= 6 and (title.startswith(wanted) or wanted in title))), default=None)
    return _Code(best[1]) if best else None


@functools.lru_cache(maxsize=1)
def _shipped_titles() -> tuple[tuple[str, str], ...]:
    """The shipped checks' titles, and those earlier releases gave them (a list written then), as (code, title) pairs
    in the form :func:`_code_of_title` compares them, folded once (it is asked per row)."""
    return tuple((code, _title_form(title)) for code, sp in _shipped().items() for title in (sp.title, *sp.former_titles))


def _title_form(raw: object) -> str:
    """A category title as titles are compared: NFKC-folded (full-width brackets half-width), without blanks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(raw or "")))


def _cell(column: str, value: object) -> str:
    if column in ("身份证号", "户主身份证号") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return ids.id_number(value).value  # typed as a number in Excel: keep the 15 digits that survive
    if column == "类别代码":  # 'D03 身份证号无效' as a township writes it: the code
        code = text(value).upper()
        found = _CELL_CODE.match(code)
        return found.group(1) if found else code
    if (column == "整改时限" or (column.endswith(TOWNSHIP_ADDED) and re.search("日期|时间|时限", column))) \
            and _SERIAL.fullmatch(text(value)) and (day := values.date(value)) is not None:
        return day.isoformat()  # (h397: a date cell WPS saved as its serial, 46372, shown as the number)
    if value is None or isinstance(value, (bool, int, float, dt.date)):
        return text(value)
    if column in _BOXED and _BOX.search(str(value)):
        return ticked(str(value))
    return str(value).strip()  # what the township typed, as typed (no width or punctuation folding)


# Check boxes a form prints before each choice ('☑已整改 □未整改'): ticked, and not (h428: both words read, the claim
# of 已整改 beside 未整改 taken as doubt — an F07 put right was 未整改 "未写金额")
_TICKS, _BLANKS = "☑☒✓✔√■▣", "□☐▢"
_BOX = re.compile(f"[☑☒■▣{_BLANKS}]")
_CHOICE = re.compile(f"([{_TICKS}{_BLANKS}])\\s*([^{_TICKS}{_BLANKS}]*)")
_CHOSEN = re.compile(f"([^{_TICKS}{_BLANKS}]*)([{_TICKS}{_BLANKS}])")
_BOXED = ("整改状态", "核实情况")


def ticked(cell: str) -> str:
    """The choices a cell of check boxes ticks ('☑已整改 □未整改', '已整改☑ 未整改□' → '已整改'; none ticked → '').

    Args:
        cell: the cell's text, holding at least one box (☑ □ ☐ ■ …).
    Returns:
        The text before the first box (a label: '是否整改：'), then each ticked choice, joined by '，'.
    """
    cell = cell.strip()
    if cell and cell[-1] in _TICKS + _BLANKS and cell[0] not in _TICKS + _BLANKS:  # each box after its words (已整改☑ 未整改□)
        return "，".join(w for words, mark in _CHOSEN.findall(cell) if mark in _TICKS and (w := words.strip(" \t,，、;；/")))
    lead = cell[:_CHOICE.search(cell).start()].strip() if _CHOICE.search(cell) else cell
    chosen = [words.strip(" \t,，、;；/") for mark, words in _CHOICE.findall(cell) if mark in _TICKS]
    said = "，".join(x for x in chosen if x)
    return lead + ("，" if lead and said and not lead.endswith((":", "：")) else "") + said


# An Excel serial day of 2000–2049 (a date cell saved as its number): a deadline the township typed
_SERIAL = re.compile(r"(?:3[6-9]|4\d|5[0-4])\d{3}(?:\.0+)?")
