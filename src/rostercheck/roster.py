"""Households and members from roster tables (one row per member, or one row per person as in 特困)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from .errors import InputFileError
from .io.columns import BARE_STATUS, FORMER_ID_FIELD, HEAD_FORMER_ID_FIELD, HUKOU_WORDS
from .io.read import file_name
from .io.system_layout import digits_kept
from .io.table import HEALTH_GAP, ROSTER_GAPS, Table
from .model import object_array, plain_text
from .namematch import homophone_key
from .normalize import codes, ids
from .normalize.names import person_name
from .normalize.values import (account_losses, cn_numerals, count, date, day_or_month, digits, masked_digits, money,
                               month_span, numbers_words, text, texts, yuan_per_unit)
from .reference import by_value, by_value_array, cells, distinct

DIBAO, TEKUN = "低保", "特困"
HOUSEHOLD_FIELDS = ("township", "village", "head_name", "head_id", "household_no", "household_size", "covered_size",
                    "area_type", "bank_account", "phone", "address", "programme", "region_code", "approved", "changed", "outcome")
_PLACE = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))([\u4e00-\u9fff]{1,8}?(?:村|社区|居委会))?")
# The last character of a province, prefecture, county or district name (省, 自治区, 市, 州, 盟, 县, 区, 旗 …): a run of such
# names leads an address or a title.
_ADMIN_ENDS = frozenset("省市州盟县区旗")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TOWNSHIP_SHEET = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:镇|乡|街道|街道办事处)$")
# A sheet per village ('梅塘村', '城关镇东风社区', '城关镇-梅塘村'); not '农村' or '低保农村' (a programme's sheet).
_VILLAGE_SHEET = re.compile(r"^(?:([\u4e00-\u9fff]{1,8}?(?:镇|乡|街道))[-_·\s]?)?((?![\u4e00-\u9fff]*农村$)[\u4e00-\u9fff]{2,10}(?:村|社区|居委会))$")


def programme_named(words: str) -> str:
    """The programme some words (a roster's titles and file name) name: '特困' for a 特困 word, else '低保'."""
    return _programme_value(words, DIBAO)


def programme_of(table: Table) -> str:
    """Return the programme of a roster file from its sheet, title line or file name, else its 特困 columns (default 低保).

    Args:
        table: the roster table.
    Returns:
        '低保' or '特困'.
    """
    named = _programme_by_name(table)
    if named:
        return named
    # no name says: a 特困 roster's own columns do (供养方式, 月供养标准, 生活自理能力), a 低保 roster has none of them
    labels = " ".join(str(v) for v in table.headers.values())
    if "support_mode" in table.headers or "供养" in labels or "自理能力" in labels:
        return TEKUN
    return DIBAO


def _programme_by_name(table: Table) -> str:
    """The programme a roster file's sheet, title line or file name names, else ''."""
    sheet = table.sheets[0] if len(table.sheets) == 1 else ""
    # an application form's label cells above its member table (申请类别 | 特困), read into the title (held-out 158)
    labelled = _LABELLED_PROGRAMME.search(table.title or "")
    if labelled:
        return _programme_value(labelled.group(1), DIBAO)
    for source in (sheet, table.title, table.path.stem):
        tekun = _TEKUN_WORDS.search(source) is not None
        dibao = "低保" in source or "最低生活" in source
        if tekun and dibao:  # '最低生活保障、特困人员救助供养申请表' names both: it says neither (held-out 158)
            continue
        if tekun:
            return TEKUN
        if dibao:
            return DIBAO
    return ""


def _programme_stated_in_rows(programme: np.ndarray) -> bool:
    """Whether some row's programme cell names 低保 or 特困 (then each such row is read by its cell, not the file's)."""
    return any("低保" in v or _TEKUN_WORDS.search(v) for v in set(map(text, programme.tolist())))


def _codes_by_support_mode(programme: np.ndarray, support_mode: np.ndarray, coded: Counter) -> dict[str, str]:
    """Unexplained programme codes (``coded``: a 保障类别 of 01/03 and no legend) told apart by the roster's 供养方式, a
    column only 特困 people fill: a code whose rows all give one is 特困's, a code whose rows all leave it blank 低保's —
    only when the file holds both and every code is wholly one or the other (h456's left-over: a roster named for
    neither, with 保障类别 codes unread and a 供养方式 column, made all its 低保 families 特困, compared with the 特困
    standard).

    Args:
        programme: each row's programme cell.
        support_mode: each row's 供养方式 cell ('' when blank).
        coded: the unexplained codes (value → rows).
    Returns:
        code → '低保' or '特困', or {} when the column does not tell them apart.
    """
    filled: dict[str, set[bool]] = defaultdict(set)
    for code, mode in zip(map(text, programme.tolist()), support_mode.tolist()):
        if code in coded:
            filled[code].add(bool(text(mode)))
    if not filled or any(len(seen) != 1 for seen in filled.values()):
        return {}
    told = {code: TEKUN if True in seen else DIBAO for code, seen in filled.items()}
    return told if set(told.values()) == {TEKUN, DIBAO} else {}


# 特困's words in a name or a cell; 财政供养 (the staff list's name: 财政供养人员名单) is no 特困供养 (held-out 213)
_TEKUN_WORDS = re.compile(r"特困|五保|(?<!财政)供养")
_LABELLED_PROGRAMME = re.compile(r"(?:申请|保障|救助|对象)(?:类别|类型|事项)\s*[:：]?\s*(低保|特困|最低生活保障|特困人员救助供养|特困供养)")


def programme_stated(table: Table) -> bool:
    """Whether a roster file says each family's programme itself: a 申请类别 (保障类别) column, or an application form's
    label cells (申请类别 | 特困) read into its title."""
    return "programme" in table.headers or _LABELLED_PROGRAMME.search(table.title or "") is not None


# How a roster's notice of rows for other aid begins (screen says its own: it leaves such applications out)
OTHER_AID_SAID = "保障类别写的是临时救助等其他救助"
# A programme cell naming other aid, neither 低保 nor 特困 (a 社会救助 system's 申请类型 3 临时救助, its legend read)
_OTHER_AID = re.compile(r"^(?!.*(低保|特困|最低生活保障|供养|五保)).*(临时|急难|受灾|灾害|医疗|教育|就业|住房)救助", re.S)


def _programme_value(raw: str, default: str) -> str:
    if _TEKUN_WORDS.search(raw):
        return TEKUN
    if "低保" in raw:
        return DIBAO
    return default


# Two files of one programme sharing at least this many people, and this share of the smaller file's, are one roster
# twice (last quarter's beside this one's, or a township's file beside the county's): never two rosters whose
# common people are duplicate enrolments (D01 finds those one by one).
SAME_ROSTER_PEOPLE, SAME_ROSTER_SHARE = 10, 0.5
# … or all of a file's people, three at least, on another: a village's small roster inside its township's whole one
# (h384: 8 people, under SAME_ROSTER_PEOPLE, were read twice and all D01 高); duplicate enrolments are persons, not files
SAME_ROSTER_WHOLE = 3
# A file name saying it is the final or corrected version of a roster sent twice (村_最终版.xlsx beside 村.xlsx)
_FINAL = re.compile(r"最终|终版|定稿|修改后|修订|更正|final", re.I)
# … read alone, the other left out, also when a correction removed or added a few people: when each file's people are at
# least this share on the other (a township's roster named 最终版 beside the county's whole one is no correction of it)
CORRECTED_SHARE = 0.9
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_QUARTER_ONLY = re.compile(r"([1-4])\s*季度")
_YEAR_MONTH = re.compile(r"(?<!\d)(20\d{2})\s*[年.\-_]?\s*(0?[1-9]|1[0-2])\s*月|(?<!\d)(20\d{2})(0[1-9]|1[0-2])(?!\d)")


def period_of(table: Table) -> str:
    """The last month ('YYYY-MM') of the period a roster's title, file name or sheet names ('2026年第三季度',
    '2026Q3', '2026年9月', '202609'; a quarter without its year takes a year written elsewhere), else ''."""
    return period_named(" ".join([table.title, table.path.stem, *table.sheets]))


def period_named(words: str) -> str:
    """:func:`period_of` of some words (a file's titles and name, as the folder's files are placed before they are read).

    Args:
        words: the words.
    Returns:
        'YYYY-MM', or ''.
    """
    text = cn_numerals(unicodedata.normalize("NFKC", words))
    if span := month_span(text):
        return span[-1]
    if m := _YEAR_MONTH.search(text):
        return f"{m.group(1) or m.group(3)}-{int(m.group(2) or m.group(4)):02d}"
    quarter, year = _QUARTER_ONLY.search(text), _YEAR.search(text)
    return f"{year.group(1)}-{3 * int(quarter.group(1)):02d}" if quarter and year else ""


def _people(table: Table) -> set[str]:
    """The 18-digit ID cells of a roster table as written (numbers as their digits), for telling copies apart."""
    if "id" not in table.frame.columns:
        return set()
    out = set()
    for v in table.frame["id"].tolist():
        s = str(int(v)) if isinstance(v, (int, float)) and v == v and float(v).is_integer() else str(v).strip().upper()
        if len(s) == 18:
            out.add(s)
    return out


# A 申请编号 as a kind: its letters as written, every digit 9 ('YD202600017' → 'YD999999999'); '' for a short serial
# (1, 12, 001), no system's number. Numbers of two kinds (a county's summary table numbering QX…, the townships'
# system YD…) are not comparable: that family's rows stay one application sent twice
def number_kind(no: str) -> str:
    """A 申请编号's kind (see above).

    Args:
        no: the number as text.
    Returns:
        The kind, or ''.
    """
    return "" if len(no) < 6 else re.sub(r"\d", "9", no.upper())


def _application_numbers(tables: list[Table]) -> set[str]:
    """The 申请编号 of a file's tables (a household-number column headed 申请编号, 申请号 …), as text; empty for a file
    without one (a roster's 户编号 is no application's number)."""
    out: set[str] = set()
    for t in tables:
        if "household_no" in t.frame.columns and "申请" in t.headers.get("household_no", ""):
            out |= {s for s in by_value(t.frame["household_no"].tolist(), text) if s}
    return out


def _entered_again(a: list[Table], b: list[Table]) -> bool:
    """Whether two application files of the same people are the same batch entered again under new 申请编号 of one kind
    (none shared): each family's two applications, a 重复申请 screen says (``applications.applications_apart``),
    not one file saved twice (held-out 390: a township's batch re-entered, read once, every family 无疑点)."""
    nos_a, nos_b = _application_numbers(a), _application_numbers(b)
    if not nos_a or not nos_b or nos_a & nos_b:
        return False
    kinds = {number_kind(n) for n in nos_a | nos_b}
    return len(kinds) == 1 and "" not in kinds


def other_periods(tables: list[Table]) -> list[Table]:
    """Leave out a roster file that is another period's copy of one given with it (most of its people on both).

    A file whose title or name names an earlier period than the other's is left out, with a warning on the one
    kept; when the periods cannot be told apart, or are the same, neither can be chosen.

    Args:
        tables: the roster tables read (one or more per file).
    Returns:
        The tables kept.
    Raises:
        InputFileError: two files share most people and neither is of an earlier period.
    """
    files: dict[Path, list[Table]] = {}
    for t in tables:
        files.setdefault(t.path, []).append(t)
    if len(files) < 2:
        return tables
    programme = {path: programme_of(ts[0]) for path, ts in files.items()}
    people: dict[Path, set[str]] = {}  # each file's IDs, read only for files sharing a programme with another

    def ids_of(path: Path) -> set[str]:
        if path not in people:
            people[path] = set().union(*map(_people, files[path]))
        return people[path]

    dropped: set[Path] = set()
    clashes: list[tuple[Path, Path, int, str]] = []
    paths = list(files)
    for i, a in enumerate(paths):
        for b in paths[i + 1:]:
            if a in dropped or b in dropped or programme[a] != programme[b]:
                continue
            ids_a, ids_b = ids_of(a), ids_of(b)
            if ids_a and ids_a == ids_b and _entered_again(files[a], files[b]):
                files[a][0].warnings.append(f"“{b.name}”与本文件的人员完全相同，但申请编号都不同：像是同一批申请又录入了一次，"
                                            "两份都读取，同一家庭的两个申请编号按重复申请核对")
                continue  # (both read: each family's numbers are two applications)
            if ids_a and ids_a == ids_b and sum(t.rows for t in files[a]) == sum(t.rows for t in files[b]):
                final = {f for f in (a, b) if _FINAL.search(f.stem)}
                # (村_最终版.xlsx beside 村.xlsx: the final one read, whatever it corrected: h384)
                keep, drop = (b, a) if final == {b} else (a, b)
                dropped.add(drop)  # the same roster saved again (another encoding, another format): read once
                files[keep][0].left_out[str(drop)] = f"与“{keep.name}”的人员完全相同（同一份花名册另存了一份），未读取"
                files[keep][0].warnings.append(f"“{drop.name}”与本文件的人员完全相同（同一份花名册另存了一份，如另一种编码或"
                                               f"格式{'，本文件名写明是最终版本' if final == {keep} else ''}），"
                                               "只读取本文件")
                continue
            shared = len(ids_a & ids_b)
            whole = shared == min(len(ids_a), len(ids_b)) >= SAME_ROSTER_WHOLE  # a small village's every person
            if not whole and (shared < SAME_ROSTER_PEOPLE or shared < SAME_ROSTER_SHARE * min(len(ids_a), len(ids_b))):
                continue
            per_a, per_b = period_of(files[a][0]), period_of(files[b][0])
            share = f"{shared / min(len(ids_a), len(ids_b)):.0%}"
            final = [f for f in (a, b) if _FINAL.search(f.stem)]
            if ((not per_a or not per_b or per_a == per_b) and len(final) == 1
                    and shared >= CORRECTED_SHARE * max(len(ids_a), len(ids_b))):
                # (附件2（更正）.xlsx beside 附件2.xls, a family taken off and an amount changed: both read, the run
                # stopped as "two versions of one roster"; the corrected one is read: h401)
                keep = final[0]
                drop = b if keep == a else a
                dropped.add(drop)
                files[keep][0].left_out[str(drop)] = f"“{keep.name}”的文件名写明是更正（最终）版本，未读取"
                files[keep][0].warnings.append(
                    f"“{drop.name}”与本文件有 {shared} 人相同（{len(ids_of(drop))} 人中），本文件名写明是更正（最终）版本，"
                    f"只读取本文件；如应读取“{drop.name}”，请只给出那一份")
                continue
            if not per_a or not per_b or per_a == per_b:
                clashes.append((a, b, shared, share))  # every pair said at once (h384: 3 townships' rosters, 3 runs)
                continue
            old, new = (a, b) if per_a < per_b else (b, a)
            dropped.add(old)
            files[new][0].left_out[str(old)] = (f"是“{new.name}”较早一期的版本（与本期有 {shared} 人相同，占 {share}），"
                                                "未读取")
            files[new][0].warnings.append(
                f"另一份“{old.name}”是本花名册较早一期的版本（与本期有 {shared} 人相同，占 {share}），未读取；"
                "核查上期问题的整改情况请用 review 命令（回头看）")
    if clashes:
        raise _versions_error(clashes)
    return [t for t in tables if t.path not in dropped]


_CLASHES_SHOWN = 5  # pairs (or files holding several others) named in the error; the rest counted


def _keep_one(files: list[Path]) -> str:
    """What to do to read one roster of files sharing their people: files in one folder are moved out of it (its
    sub-folders are not read), files in different folders — a township's sub-folder given beside the county's folder —
    are left out of the command, or the folder holding the unwanted one is (h401: "移到子文件夹中" was said of a file
    already in the sub-folder given)."""
    folders = list(dict.fromkeys(f.parent for f in files))
    if len(folders) == 1:
        return ("请只读取本期的一份花名册：写在命令中的文件，从命令中删去不要的；放在所写文件夹中的，把不要的移出该文件夹"
                f"“{folders[0]}”（如移到它的子文件夹中，子文件夹不会读取）；")
    shown = "、".join(f"“{d}”" for d in sorted(folders, key=lambda d: (-len(d.parts), str(d)))[:3])
    nested = any(d != e and d.is_relative_to(e) for d in folders for e in folders)
    return (f"{'这两份' if len(set(files)) == 2 else '这些'}花名册在不同的文件夹中（{shown}{' 等' if len(folders) > 3 else ''}）："
            "请只读取本期的一份，从命令中删去不要的花名册，或删去存放它的文件夹"
            + ("（命令中写了一个文件夹，又写了它的子文件夹时，只写其中一个）" if nested else "") + "；")


def _versions_error(clashes: list[tuple[Path, Path, int, str]]) -> InputFileError:
    """The error for roster files sharing most of their people, every pair said at once: a file sharing them with two or
    more others is named once as what it likely is, one holding the others' people (a township's whole roster sent beside
    its villages' files, h384: 3 such townships stopped the run three times, one pair named each time).

    Args:
        clashes: (file, other file, people on both, share of the smaller file) for each pair, in the order found.
    Returns:
        The error, on the file of the most pairs.
    """
    count: dict[Path, int] = {}
    for a, b, _, _ in clashes:
        count[a], count[b] = count.get(a, 0) + 1, count.get(b, 0) + 1
    hubs = [f for f in sorted(count, key=lambda f: -count[f]) if count[f] >= 2]
    a, b, shared, share = clashes[0]
    if not hubs and len(clashes) == 1:
        return InputFileError(b, f"与“{a.name}”有 {shared} 人相同（占较小一份的 {share}），像是同一份花名册的两个版本，"
                                 "或其中一份包含另一份；两份都读会使这些人都成为“重复享受”。" + _keep_one([a, b])
                                 + "确为两份不同的花名册时请分开核查。")
    said = []
    for hub in hubs[:_CLASHES_SHOWN]:
        others = [y if x == hub else x for x, y, _, _ in clashes if hub in (x, y)]
        shown = "、".join(f"“{o.name}”" for o in others[:3]) + (f" 等 {len(others)} 份" if len(others) > 3 else "")
        said.append(f"“{hub}”与{shown}的人员大多相同，像是包含这些花名册的一份（如全乡镇的花名册）")
    pairs = [(x, y, n, sh) for x, y, n, sh in clashes if x not in hubs and y not in hubs]
    said += [f"“{y}”与“{x.name}”有 {n} 人相同（占较小一份的 {sh}）" for x, y, n, sh in pairs[:_CLASHES_SHOWN]]
    more = len(hubs[_CLASHES_SHOWN:]) + len(pairs[_CLASHES_SHOWN:])
    return InputFileError(hubs[0] if hubs else b,
                          f"有 {len(clashes)} 对花名册的人员大多相同：{'；'.join(said)}{f'；另有 {more} 处' if more else ''}。"
                          "两份都读会使这些人都成为“重复享受”。同一批人" + _keep_one([x for c in clashes for x in c[:2]])
                          + "确为不同的花名册时请分开核查。")


# A 供养机构 cell naming no institution
_NO_CARE_HOME = re.compile(r"[无否/／\\—－\-－0]*|无机构|不适用|分散(供养)?|居家|在家")
UNREAD_AREA = "不详"  # a 城乡类别 cell written in a way (a code) not read here: not guessed from the village's name


def _area_value(raw: str) -> str:
    """城市/农村 from a 城乡类别 cell: its words (a code the configuration names is its words by now), a statistics
    office's 城乡分类代码; UNREAD_AREA for another code, '' for a blank."""
    if "非农" in raw or "城" in raw or "市" in raw:  # 非农业户口 is urban
        return "城市"
    if "农" in raw or "村" in raw:
        return "农村"
    classes = codes.table("urban_rural")["codes"]  # the statistics office's 城乡分类代码 (220 村庄) …
    coded = classes.get(text(raw)) or next((c for c in classes.values() if c["name"] == text(raw)), None)
    # … or its name, as a workbook's 代码说明 page gives it (held-out 268: 210 = 乡中心区, 384 rows unread)
    return coded["area"] if coded else (UNREAD_AREA if text(raw) else "")


def _area_disagrees(table: Table, area: np.ndarray, programme: np.ndarray, households: list, rows) -> None:
    """Say the households whose 城乡类别 cell and 保障类别 cell (城市低保/农村低保) name different 城乡; the 城乡类别 is read.

    Args:
        table: the roster table (its warnings are added to).
        area: each row's 城市/农村 from its 城乡类别 cell.
        programme: each row's programme cell (its words by now: 农村低保).
        households: each row's household.
        rows: each row's sheet row number.
    """
    named = by_value_array(programme, _area_named)
    both = np.flatnonzero((named != "") & np.isin(area, ("城市", "农村")) & (area != named))
    if not len(both):
        return
    first, label, named_by = int(both[0]), table.headers["area_type"], table.headers.get("programme", "保障类别")
    homes = len({households[k] for k in both})
    table.warnings.append(f"“{label}”列与“{named_by}”列所写的城乡不一致的有 {homes} 户（如第 {int(np.asarray(rows)[first])} 行："
                          f"{label} {area[first]}，{named_by} {programme[first]}），已按“{label}”列选用城市或农村低保标准；"
                          "请核实这些户的城乡类别")


def _area_named(*sources: str) -> str:
    """城市/农村 named unambiguously by the first source that names one (城市低保花名册 …), else ''."""
    for source in sources:
        has_city, has_rural = "城市" in source or "城镇" in source, "农村" in source
        if has_city != has_rural:
            return "城市" if has_city else "农村"
    return ""


def build_members(tables: list[Table], as_of: dt.date, keys: pd.DataFrame | None = None,
                  roster_codes: Mapping[str, Mapping[str, str]] | None = None) -> pd.DataFrame:
    """Build the member frame from roster tables.

    Household-level cells left blank on a member's continuation rows are carried down from the
    household's first row; the household head is the row whose relation is 户主 when no head column
    exists; a 特困 file without head columns makes every person their own household.

    Args:
        tables: roster tables.
        as_of: the review date (for ages).
        keys: the tables' :func:`people_keys`, when already worked out (its name keys are added when left out).
        roster_codes: what these rosters' coded cells mean (field → code → words, :func:`policy.roster_codes`).
    Returns:
        One row per member with normalised columns (see the module's ``COLUMNS``).
    """
    keys = people_keys(tables) if keys is None else keys
    if "name_key" not in keys.columns:  # (left for now by the loading: the key set needs only the IDs)
        keys["name_key"] = [k for t in tables for k in _name_keys(t.frame)]
    frames, start = [], 0
    for i, t in enumerate(tables):
        for k, (part, rows) in enumerate(_sheets_of(t)):
            frames.append(_members_of(part, f"{i}.{k}", as_of, keys.iloc[start + rows].reset_index(drop=True),
                                      len(t.sheets) > 1, roster_codes))
        start += len(t.frame)
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    members = pd.concat(frames, ignore_index=True)
    frames.clear()  # (each file's members, copied into the whole: not kept through the steps below)
    if "former_id" in members.columns:  # (a sheet of no member gave none of the former ID's columns)
        members = members.fillna({"former_id": "", "former_id_status": ids.MISSING, "former_id_reliable": 0,
                                  "former_id_raw": ""})
    members = _counties_of_files(_programmes_apart(plain_text(members)), tables)
    _edge_and_enrolled(members, tables)
    named_by_table = _places_named(members, tables)
    _places_unified(members, tables)
    _townships_said(members, tables, named_by_table)
    return members


def _edge_and_enrolled(members: pd.DataFrame, tables: list[Table]) -> None:
    """Say the 低保边缘 (低边) people left out of the audit who are members of a 低保 or 特困 family on the rosters too.

    A 低保边缘家庭 is by definition one that gets no 低保 (nor 特困): one person in both is counted in two families, one of
    the two records wrong (he left one of them, 分户, or the family moved from one programme to the other). It is no
    重复享受 (D01: the 低边 family draws no benefit), so a notice names them for checking, not a finding (held-out 373:
    nothing was said)."""
    for t in tables:
        if not t.edge:
            continue
        on = members[members["id"].isin(list(t.edge))]
        if on.empty:
            continue
        shown = []
        for pid, name, file, row, prog in on[["id", "name", "file", "row", "programme"]].drop_duplicates("id").head(3).itertuples(index=False):
            _, own_row, _ = t.edge[pid]
            shown.append(f"第 {own_row} 行 {name}（{ids.mask_id(pid)}），另见{prog}《{Path(file).name}》第 {row} 行")
        t.warnings.append(f"有 {on['id'].nunique()} 名低保边缘（低边）人员同时是低保、特困家庭的成员（{'；'.join(shown)}"
                          f"{'等' if on['id'].nunique() > 3 else ''}）：低保边缘家庭与低保、特困家庭互斥，同一人不应同时列在两类家庭中，"
                          "请核实其属于哪一户（是否已分户、是否已转为低保），并更正其中一份名册。")


def as_roster_names(members: pd.DataFrame) -> Callable[[str], str]:
    """How another file's spelling of a township (城关镇人民政府, 城关) is named as the roster names it (城关镇), by their
    keys (``regions.township_key``; a stem two townships share goes to the one with more members); a name the roster
    has no township for stays as written, and so does every name in a city's run (its townships are named with their
    counties; a list's bare 城关镇 may be any county's)."""
    from .regions import township_key

    towns: dict[str, str] = {}
    if len(members) and len(counties(members)) < 2:
        for town in members["township"].value_counts().index.tolist():
            towns.setdefault(township_key(town), town)
    return lambda name: towns.get(township_key(name), name) if isinstance(name, str) and name else name


# What the notice on a roster without a township column says to do when its townships are shown by code
NAME_CODES_HOW = ("需要乡镇名称的，请在花名册中加上乡镇列，或在花名册工作簿中加一张“代码说明”页、或在花名册所在的文件夹中放一份"
                  "区划代码表（如“行政区划代码表.xlsx”），列出各区划代码和名称（如“431124100 | 某某镇”“431124100201 | 某某村”），"
                  "然后重新运行")


def place_names_of(tables: list[Table]) -> dict[str, str]:
    """The townships and villages the tables' code pages and code table files name by 区划代码 (``Table.place_names``):
    one table naming a code names it for every roster of the run (a code is one place nationwide); a code two tables
    name differently names nothing."""
    found: dict[str, set[str]] = {}
    for t in tables:
        for code, name in t.place_names.items():
            found.setdefault(code, set()).add(name)
    return {code: next(iter(names)) for code, names in found.items() if len(names) == 1}


def names_by_code(members: pd.DataFrame) -> dict[str, str]:
    """The names a roster's rows give their 12-digit 行政区划代码 beside it (乡镇 and 村 written in words): 9-digit township
    and 12-digit village code → the name most rows give it."""
    from .regions import township_village

    if members.empty or not {"region_code", "township", "village"} <= set(members.columns):
        return {}
    at, cells_ = distinct(members["region_code"])  # each distinct cell once
    villages = [township_village(v)[1] for v in cells_]
    village, township = object_array(villages)[at], object_array([v[:9] for v in villages])[at]
    has = village != ""
    out: dict[str, str] = {}
    for fld, code in (("village", village[has]), ("township", township[has])):
        names = members[fld].to_numpy()[has]
        named = pd.DataFrame({"code": code, "name": names})
        # (astype(bool): a roster without codes leaves no rows, and an empty object-dtype mask would select columns)
        named = named[by_value_array(names, lambda v: isinstance(v, str) and v.strip() != "" and not v.isdigit()).astype(bool)]
        top = named.value_counts().reset_index().drop_duplicates("code")
        out.update(zip(top["code"], top["name"]))
    return out


def name_coded_places(members: pd.DataFrame, tables: list[Table], names: Mapping[str, str], where: str) -> None:
    """Townships and villages still shown by code named as another input names them (``screen``: the enrolled roster's
    code page or rows naming the codes an application form gives only; held-out 369), the tables' notices saying so."""
    named_by = _places_named(members, tables, {**names, **place_names_of(tables)}, where)
    for t in tables:
        if str(t.path) in named_by:
            shown = [town for town in pd.unique(members.loc[members["file"] == str(t.path), "township"]) if town]
            t.warnings[:] = [f"未找到乡镇列：乡镇、村按行政区划代码列出，名称按{where}中的区划代码和名称显示，如"
                             f"{'、'.join(shown[:3])}{'等' if len(shown) > 3 else ''}"
                             if w.startswith("未找到乡镇列：乡镇按行政区划代码") and "显示为代码" in w
                             and not any(str(x).isdigit() for x in shown) else w for w in t.warnings]


def _places_named(members: pd.DataFrame, tables: list[Table], names: Mapping[str, str] | None = None,
                  where_said: str = "") -> dict[str, str]:
    """Townships and villages shown by their 区划代码 (a system export with no place names, ``_places_coded``) as the
    names the run's code pages or code table files give those codes (held-out 369: every township of a roster whose
    own 代码说明 page named them shown as 431124100). Returns each file whose places were so named → where the names
    were said (for its notice)."""
    names = place_names_of(tables) if names is None else names
    if members.empty or not names:
        return {}
    hit = np.zeros(len(members), dtype=bool)
    blank = ~members["region_code"].astype(bool).to_numpy() if "region_code" in members.columns else None
    for fld in ("township", "village"):
        cells_ = members[fld]
        shown = cells_.map(names)  # (a dict lookup per cell, vectorised; the keys are codes: a name is never looked up)
        if fld == "township":  # a township's 12-digit code (620723100000) is its 9-digit one padded (h456: shown as codes)
            padded = shown.isna() & cells_.astype(str).str.fullmatch(r"\d{9}000")
            if padded.any():
                shown[padded] = cells_[padded].astype(str).str[:9].map(names)
        at = shown.notna().to_numpy()
        if at.any():
            if blank is not None:  # the code named stays the member's 区划代码: the county is found by it (h456: a CSV
                # roster's 12-digit 所属乡镇 named by its 数据字典 left the county unknown, a move to 620702 only 低)
                members.loc[at & blank, "region_code"] = cells_[at & blank]
            members.loc[at, fld] = shown[at]
            hit |= at
    where = {str(t.path): t.place_names_from for t in tables if t.place_names}
    files = pd.unique(members.loc[hit, "file"]) if hit.any() else []
    return {path: where.get(path) or where_said or next(iter(where.values()), "") for path in files}


def _places_unified(members: pd.DataFrame, tables: list[Table]) -> None:
    """One name per township however the files write it (城关, 城关镇人民政府, its 9-digit code: ``townships_unified``),
    and a village's 12-digit code as the name the members who have both give it; said once per file changed."""
    from .regions import township_village, townships_unified

    if members.empty:
        return
    at, cells_ = distinct(members["region_code"])  # each distinct cell once
    places = [township_village(v) for v in cells_]
    for k, fld in enumerate(("township", "village")):
        code = object_array([p[k] for p in places])[at]
        has = code != ""  # (most rosters have no 行政区划代码: no rows to count)
        named = pd.DataFrame({"code": code[has], "name": members[fld].to_numpy()[has]})
        named = named[(named["name"] != "") & ~named["name"].str.isdigit()]
        pairs = named.value_counts().reset_index()  # (most frequent first)
        top = pairs.drop_duplicates("code")  # each code's most frequent name
        coded = dict(zip(top["code"], top["name"]))
        if fld == "village":
            # (a village's name is its township's: 新村 of two townships is two villages, and so two codes)
            change = {c: coded[c] for c in pd.unique(members[fld]) if c in coded}
        else:
            own = pairs.drop_duplicates("name")  # each name's most frequent code
            where, written = distinct(members[fld])  # (counted in numpy, in the order first written)
            counts = Counter(dict(zip(written, np.bincount(where, minlength=len(written)).tolist())))
            change = townships_unified(counts, coded, len(counties(members)) < 2,
                                       dict(zip(own["name"], own["code"])))
        if not change:
            continue
        hit = members[fld].isin(list(change)).to_numpy()
        for path in pd.unique(members.loc[hit, "file"]):
            t = next((t for t in tables if str(t.path) == path), None)
            written = set(members.loc[hit & (members["file"] == path).to_numpy(), fld])
            shown = sorted({(a, b) for a, b in change.items() if a in written})
            if t is not None:
                what = '乡镇' if fld == 'township' else '村（社区）'
                # (codes named by the rows that give both, held-out 399: not "written differently")
                t.warnings.append((f"{what}代码按花名册中写明了名称的行显示为名称：" if all(a.isdigit() for a, _b in shown)
                                   else f"{what}的写法不一，已按同一个计：")
                                  + "；".join(f"“{a}”按“{b}”" for a, b in shown[:6]) + ("等" if len(shown) > 6 else ""))
        members[fld] = members[fld].map(lambda v: change.get(v, v))


def _townships_said(members: pd.DataFrame, tables: list[Table], named_by: dict[str, str] | None = None) -> None:
    """A roster without a 乡镇 column says what its townships were taken from its sheets, addresses, title or file name
    came to: the townships found, or how many members were left without one (listed under （未填乡镇）). One whose 乡镇
    column holds codes no other row names (乡镇代码, held-out 210) says that its townships are shown as codes."""
    for t in tables:
        label = t.headers.get("township", "")
        if re.search(r"代码|编码", label):
            towns = members.loc[members["file"] == str(t.path), "township"]
            digits_ = [town for town in pd.unique(towns) if str(town).isdigit()]
            if digits_:
                t.warnings.append(f"乡镇按“{label}”列的代码列出，如{'、'.join(digits_[:3])}{'等' if len(digits_) > 3 else ''}，"
                                  "其他花名册写明了名称的代码按名称显示，其余报告中显示为代码；" + NAME_CODES_HOW)
        if ROSTER_GAPS["township"] not in t.warnings:
            continue
        towns = members.loc[members["file"] == str(t.path), "township"]
        blank = int((towns == "").sum())
        found = [town for town in pd.unique(towns) if town]
        named = "、".join(found[:3]) + ("等" if len(found) > 3 else "")
        digits_ = [town for town in found if str(town).isdigit()]  # from a 行政区划代码 column (held-out 138)
        by_code = "region_code" in t.headers and len(digits_) < len(found)  # some of its codes named by other rows (171)
        where = (named_by or {}).get(str(t.path))
        t.warnings[t.warnings.index(ROSTER_GAPS["township"])] = (
            f"未找到乡镇列，有 {blank} 人从工作表名称、家庭住址或标题、文件名都推断不出乡镇，问题清单中列在“（未填乡镇）”下"
            f"{'（其余为' + named + '）' if named else ''}；请在花名册中加上乡镇列后重新运行" if blank else
            f"未找到乡镇列：乡镇、村按行政区划代码列出，名称按{where}中的区划代码和名称显示，如{named}"
            + (f"；{'、'.join(digits_[:3])}{'等' if len(digits_) > 3 else ''}在其中没有名称，显示为代码；{NAME_CODES_HOW}"
               if digits_ else "") if where else
            (f"未找到乡镇列：乡镇、村按“{t.header_said('region_code')}”列的区划代码列出，名称按花名册中写明了名称的行显示，"
             f"如{named}" if _codes_only(members.loc[members["file"] == str(t.path), "region_code"]) else
             f"未找到乡镇列：乡镇按“{t.header_said('region_code')}”列中写的乡镇名称列出，如{named}")
            if "region_code" in t.headers and found and not digits_ else
            f"未找到乡镇列：乡镇按行政区划代码的前 9 位（乡镇级代码）列出，如{named}，报告中的乡镇显示为代码；"
            + NAME_CODES_HOW if found and len(digits_) == len(found) else
            "未找到乡镇列：乡镇按行政区划代码的前 9 位（乡镇级代码）列出，其他花名册行写明了名称的代码按名称显示"
            + (f"，其余显示为代码（如{'、'.join(digits_[:3])}）；{NAME_CODES_HOW}" if digits_ else "")
            if by_code else
            f"未找到单独的乡镇列：乡镇按“乡镇/村”合写的列、工作表名称、家庭住址或标题、文件名推断为{named}")


def _codes_only(cells: pd.Series) -> bool:
    """Whether a roster's 行政区划 cells are all bare region codes (none names a place in words)."""
    _at, shown = distinct(cells)
    said = [text(v) for v in shown if text(v)]
    return bool(said) and all(v.isdigit() for v in said)


def _counties_of_files(members: pd.DataFrame, tables: list[Table]) -> pd.DataFrame:
    """A city's run of one roster file per county (or a city roster beside a county's own file): the members of a
    file without a 县（市、区） column are of the county its title or file name names, and every township is said with
    its county (光山县城关镇, 商城县城关镇) — as a city roster's county column makes them. One county: unchanged."""
    from .regions import county_name_in

    named = {str(t.path): county_name_in(t.title) or county_name_in(t.path.stem) for t in tables}
    blank = (members["county"] == "").to_numpy()
    filled = members["file"].map(named).fillna("").to_numpy(dtype=object)
    counties = set(members.loc[~blank, "county"]) | set(filled[blank].tolist())
    if len(counties - {""}) < 2:
        return members
    county = np.where(blank, filled, members["county"].to_numpy(dtype=object))
    town = members["township"].to_numpy(dtype=object)
    bare = np.array([bool(c) and bool(t) and not t.startswith(c) for c, t in zip(county.tolist(), town.tolist())], dtype=bool)
    return members.assign(county=county, township=np.where(bare, county + town, town))


def on_sheet(sheet: str) -> str:
    """'工作表“家庭成员”' before a roster row's number when its workbook has several sheets (``sheet_shown``), else ''."""
    return f"工作表“{sheet}”" if sheet else ""


def file_on_sheet(name: str, sheet: str) -> str:
    """A roster file named with its sheet where its workbook has several: 'x.xlsx（工作表“家庭成员”）' (``sheet``:
    ``sheet_shown``, '' for a one-sheet file)."""
    return name + (f"（{on_sheet(sheet)}）" if sheet else "")


def roster_place(member) -> str:
    """Where a member is on the rosters: '特困《特困人员名册.csv》第 18 行', '低保《x.xlsx》工作表“家庭成员”第 9 行'
    (``member``: a member row, a mapping of the members' columns)."""
    return f"{member['programme']}{row_place(member)}"


def row_place(member) -> str:
    """A member's row in its file: '《x.xlsx》工作表“家庭成员”第 9 行' (``member``: a member row, a mapping of the members'
    columns; an application batch's too)."""
    name = file_name(member["file"])
    return f"《{name}》{on_sheet(member['sheet_shown'])}第 {member['row']} 行"


def enrolment_household(key: str) -> str:
    """The household a second enrolment kept apart belongs with ('特困:<ID>' → '<ID>', see :func:`_programmes_apart`)."""
    programme, sep, rest = str(key).partition(":")
    return rest if sep and programme in (DIBAO, TEKUN) else str(key)


def enrolment_households(keys: list) -> list[str]:
    """:func:`enrolment_household` of many household keys: a text naming no second enrolment (no ':', most keys)
    is its own household, without a call."""
    return [h if type(h) is str and ":" not in h else enrolment_household(h) for h in keys]


def _programmes_apart(members: pd.DataFrame) -> pd.DataFrame:
    """A 特困 person on the 特困 roster whose ID heads a household on the 低保 roster names a household of her own there
    (both keyed by the head's ID): her 特困 enrolment is kept apart, as '特困:<ID>' (D01 says she is on both)."""
    dibao, household = (members["programme"] == DIBAO).to_numpy(), members["household"]
    # (the 低保 households among the others' few: looked up in those, not both sides hashed whole)
    keyed = household.to_numpy(dtype=object)[dibao]
    both = pd.unique(keyed[pd.Series(keyed, copy=False).isin(pd.unique(household.to_numpy(dtype=object)[~dibao]))
                           .to_numpy()])
    if len(both):  # households on both programmes (few): are they from two sources?
        some = members[household.isin(both)]
        sources = some["file"].astype(str) + "|" + some["sheet"].astype(str)
        spread = some.assign(_s=sources).groupby("household")[["_s", "programme"]].nunique()
        both = spread.index[(spread["_s"] > 1) & (spread["programme"] > 1)]
    if len(both):
        rows = members["household"].isin(both) & (members["programme"] != DIBAO)
        members.loc[rows, "household"] = members.loc[rows, "programme"] + ":" + members.loc[rows, "household"]
    return members


def people_keys(tables: list[Table], names: bool = True) -> pd.DataFrame:
    """The members' ID, birth and name-key columns, one row per roster row, without building the members.

    The key set of the people of interest (:func:`bulk.key_set`) and the registry's namesake counts need only
    these; the loading sends them to the second process before the members are built (:func:`build_members`
    takes them as they are).

    Args:
        tables: roster tables.
        names: with the name keys (the key set needs only the IDs; :func:`build_members` adds what is left out).
    Returns:
        Columns id, id_status, id_reliable, birth and (``names``) name_key; and :data:`FORMER_COLUMNS` when a roster
        has a 原身份证号 column.
    """
    parts = []
    # a 原身份证号 column in any roster: each part has the former ID's columns (blank where a roster has none)
    former = any(FORMER_ID_FIELD in t.frame.columns or HEAD_FORMER_ID_FIELD in t.frame.columns for t in tables)
    for t in tables:
        f = t.frame
        raw = cells(f, "id") if "id" in f.columns else [None] * len(f)
        if "cert_type" in f.columns:
            raw = card_ids(raw, cells(f, "cert_type"))
        values, statuses, reliable, births = ids.id_numbers(raw)
        if reliable:  # (the int64 column pandas would infer from the ints, without inferring it: 15 ms a city)
            reliable = np.fromiter(reliable, dtype=np.int64, count=len(reliable))
        part = pd.DataFrame({"id": values, "id_status": statuses, "id_reliable": reliable, "birth": births})
        if names:
            part["name_key"] = _name_keys(f)
        if former:
            raw = cells(f, FORMER_ID_FIELD) if FORMER_ID_FIELD in f.columns else [None] * len(f)
            if HEAD_FORMER_ID_FIELD in f.columns:
                raw = _with_heads_former_ids(f, raw, values)
            values, statuses, reliable, _ = ids.id_numbers(raw)
            part["former_id"], part["former_id_status"] = values, statuses
            part["former_id_reliable"] = np.asarray(reliable, dtype=np.int64) if len(reliable) else 0
            part["former_id_raw"] = by_value_array(raw, texts, many=True) if len(raw) else ""
        parts.append(part)
    columns = KEY_COLUMNS if names else KEY_COLUMNS[:-1]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


FORMER_COLUMNS = ["former_id", "former_id_status", "former_id_reliable", "former_id_raw"]

# A second-generation 残疾人证号: the holder's 18-character ID, the category digit (1–7) and the level digit (1–4), and
# in some provinces' numbers two characters more (the 22-character 证号 _coverage.certificate_tail reads; h458: D03 高
# on three 特困 members listed so, a death missed)
_CARD_NUMBER = re.compile(r"(\d{17}[\dX])[1-7][1-4](?:[0-9A-Z]{2})?")


def card_ids(raw: list, kinds: list) -> list:
    """The ID cells of a roster whose 证件类型 column says which document each number is: a 残疾人证 number (the ID and
    two digits, or four characters) under 残疾人证 or a blank type gives its first 18 characters, the holder's ID; every other cell is left as it is (h456: two members
    listed by their 残疾人证 were D03 高 "位数或字符不符", one's death missed).

    Args:
        raw: the ID column's cells.
        kinds: the 证件类型 cells, decoded.
    Returns:
        The cells, a 残疾人证 number replaced by its ID.
    """
    out = list(raw)
    for k, (cell, kind) in enumerate(zip(raw, kinds)):
        # (a 证件类型 left blank names no other document: a card number there is read as under 残疾人证 — h458: D03 高
        # and a death missed; a number under 居民身份证 or 护照 stays as written)
        if cell is None or "残疾" not in text(kind) and text(kind).strip():
            continue
        m = _CARD_NUMBER.fullmatch(re.sub(r"\s", "", text(cell)).upper())
        if m and ids.id_number(m.group(1)).status == ids.VALID:
            out[k] = m.group(1)
    return out


def _with_heads_former_ids(f: pd.DataFrame, raw: list, own_ids: list) -> list:
    """A roster's former IDs with its household head's (申请人原身份证号, 户主原身份证号: written on each of the household's
    rows) given to the head's row alone, where that row has no former ID of its own: the row whose 与户主关系 is the
    head's (本人, 户主), or whose ID is the household's 户主身份证号. Read as every member's former ID, the applicant's old
    number would be a second key of each of them (held-out 345: a car under the applicant's old ID was missed).

    Args:
        f: the roster table's frame.
        raw: the rows' own former ID cells.
        own_ids: the rows' IDs as :func:`ids.id_numbers` read them.
    Returns:
        The former ID cells, the head's row's filled.
    """
    heads = cells(f, HEAD_FORMER_ID_FIELD)
    relations = cells(f, "relation") if "relation" in f.columns else [None] * len(f)
    head_ids = ids.id_numbers(cells(f, "head_id"))[0] if "head_id" in f.columns else [None] * len(f)
    out = list(raw)
    for k, (cell, rel, own, head) in enumerate(zip(heads, relations, own_ids, head_ids)):
        if text(cell) and not text(out[k]) and (codes.is_head(rel) or (bool(own) and own == head)):
            out[k] = cell
    return out


def _name_keys(f: pd.DataFrame) -> list:
    """A roster table's name keys (:func:`names.person_name`), one per row ('' without a name column)."""
    if "name" not in f.columns:
        return [""] * len(f)
    return by_value(f["name"], lambda cells: [person_name(t) for t in texts(cells)], many=True)


KEY_COLUMNS = ["id", "id_status", "id_reliable", "birth", "name_key"]


def left_keys(tables: list[Table]) -> pd.DataFrame:
    """The ID columns of the members the rosters' own 成员状态 says left a household that goes on (``Table.left``, once
    the members are built): people of interest too, their deaths and moves tell what their households were still
    paid for them (F01, F02)."""
    return pd.DataFrame([r for t in tables for records in t.left.values() for r in records],
                        columns=["id", "id_status", "id_reliable"])


COLUMNS = [
    "file", "sheet", "row", "programme", "county", "township", "village", "household", "head_name", "head_id",
    "household_size", "covered_size", "area_type", "benefit", "benefit_own", "benefit_total", "bank_account", "phone", "address", "name", "name_key",
    "relation", "id_raw", "id", "id_status", "id_reliable", "birth", "sex", "age", "labour", "health",
    "disability", "school", "support_mode", "declared_income", "declared_assets", "region_code", "covered",
    "approved", "changed", "account_cut", "account_masked", "sheet_shown", "outcome", "household_no", "phone_words",
    "holder", "household_sheet", "household_row", "household_file", "benefit_gap", "household_cut", "household_unordered",
    "status_unsure", "cert_type", "guardian_id", "guardian_name", "birth_written", "age_written", "former_head",
    "former_name",
]
def counties(members: pd.DataFrame) -> set[str]:
    """The counties a roster's members are of (by a 县（市、区） column, a file's title or a 行政区划代码); several in a city's
    run, none when nothing names one."""
    return set(members["county"].tolist()) - {""} if "county" in members.columns else set()


def is_covered(flag: object) -> bool:
    """Return whether a member receives the benefit: False only when 是否保障对象 says no (否, 0, N …).

    System exports list every household member and flag who is covered; the others count for the
    household's size and income but enjoy nothing themselves (no D01 duplicate, no C08 lead).

    Args:
        flag: the member's 是否保障对象 cell ('' when the roster has no such column).
    Returns:
        True unless the cell says no.
    """
    return codes.yes_no(flag) is not False


def covered_flags(members: pd.DataFrame) -> np.ndarray:
    """:func:`is_covered` of each member, judged once per distinct 是否保障对象 cell (a city has a few distinct cells
    and 200,000 members)."""
    flags, distinct = pd.factorize(members["covered"].to_numpy(dtype=object), use_na_sentinel=False)
    return np.array([is_covered(v) for v in distinct], dtype=bool)[flags]


def _whole_id(cell: object) -> str:
    """A cell's ID when it is whole and passes its check, else ''."""
    info = ids.id_number(cell)
    return info.value if info.status == ids.VALID else ""


def _column(frame: pd.DataFrame, field: str, blank: object = None) -> np.ndarray:
    """Return a field as text with blanks as ``blank`` (None: for carrying down), all ``blank`` when the frame has
    no such column; account and phone numbers as their digits (blank only where the text is)."""
    if field not in frame.columns:
        return np.full(len(frame), blank, dtype=object)
    return by_value_array(frame[field], _converter(field, blank), many=True)


def _converter(field: str, blank: object = None) -> Callable[[list], list]:
    """What :func:`_column` makes of a field's (distinct) cells."""
    if field in _DIGIT_FIELDS:
        def convert(cells: list) -> list:  # (most cells are digits already: themselves, without a call)
            # (an account a bank masked, 6217****1234, is none to compare: held-out 146)
            return [c if type(c) is str and c.isdigit() and c.isascii() else
                    (digits(t) if (t := text(c)) and not masked_digits(t) else blank) for c in cells]
    elif blank is None:
        def convert(cells: list) -> list:
            return [t or None for t in texts(cells)]
    else:
        convert = texts
    return convert


_DIGIT_FIELDS = ("bank_account", "phone")


def _carried(values: np.ndarray, starts: np.ndarray | None, blank: object = "", first: np.ndarray | None = None
             ) -> np.ndarray:
    """Carry cells down over the blank (None) cells below them, never past a row where ``starts`` is set (a
    household's first row); cells left blank become ``blank``. A household's grouped forward fill, in numpy.
    ``first``: :func:`_first_rows` of ``starts``, when made already (the fields of one sheet share it)."""
    at = np.arange(len(values))
    last = np.maximum.accumulate(np.where(pd.notna(values), at, -1))  # the last filled row so far
    first = _first_rows(starts) if first is None else first
    out = values[np.maximum(last, 0)]
    out[last < first] = blank
    return out


def _first_rows(starts: np.ndarray) -> np.ndarray:
    """Each row's household's first row (``starts`` set there), for :func:`_carried`."""
    return np.maximum.accumulate(np.where(starts, np.arange(len(starts)), 0))


def _starts(values: np.ndarray) -> np.ndarray:
    """Where a (carried) column's value differs from the row above's, or is blank (the first row always)."""
    starts = pd.isna(values)
    starts[0] = True
    starts[1:] |= values[1:] != values[:-1]
    return starts


def _numbered(f: pd.DataFrame, field: str, column: Callable[[str], np.ndarray]) -> tuple[np.ndarray, int]:
    """A field's texts as :func:`_column` gives them (blanks None), numbered: one number per text (below the count
    returned, not all of them used), -1 for a blank. The distinct cells' texts are numbered, then spread over the rows
    (a roster's 180,000 head IDs are 60,000 cells)."""
    if field not in f.columns:
        return np.full(len(f), -1, dtype=np.intp), 0
    try:
        at, cells_ = distinct(f[field])
    except TypeError:  # an unhashable cell: the rows' texts numbered
        numbers, texts_ = pd.factorize(column(field))
        return numbers, len(texts_)
    numbers, texts_ = pd.factorize(object_array(_converter(field)(list(cells_))))
    return numbers[at], len(texts_)


def _household_starts(f: pd.DataFrame, column: Callable[[str], np.ndarray]) -> np.ndarray:
    """Where households start: where the head or the 家庭编号 changes, at a 户主 row, or at every row."""
    n = len(f)
    if "head_id" in f.columns or "head_name" in f.columns:
        # Each (head ID, head name) pair as a number; a row naming neither continues the household above.
        head_id, _ = _numbered(f, "head_id", column)
        head_name, names = _numbered(f, "head_name", column)
        key = pd.Series(head_id.astype(np.int64) * (names + 1) + head_name, dtype=float)
        key = key.where((head_id >= 0) | (head_name >= 0)).ffill().fillna(-np.inf)
        starts = (key != key.shift()).to_numpy()
    elif "relation" in f.columns:
        starts = np.asarray(by_value(_column(f, "relation", ""), codes.is_head), dtype=bool)
        starts[:1] = True
    else:
        starts = np.ones(n, dtype=bool)
    if "household_no" in f.columns:  # a system export's 家庭编号 separates households whatever else repeats
        no = _carried(column("household_no"), np.arange(n) == 0)
        starts = starts | _starts(no)
    return starts


def _households_together(f: pd.DataFrame) -> np.ndarray | None:
    """The order that brings each household's rows together in a roster re-sorted by name or ID, where the 家庭编号
    (户编号) is the only link between a household's rows (held-out 370: a system export sorted by name, every
    household's rows apart, each member read as a household of its own: 99 D02 at 高 for each family's one account,
    no household-level check), or None when each household's rows are together already (the usual export).

    The households come in the order each first appears, the head first, the other rows in their order. Only a roster whose
    与户主关系 names at most one head per 家庭编号 (with its township and village) is regrouped: numbers that restart
    (户编号 1, 2, 3 in each 组) are no household's key, and a roster with a blank 家庭编号 cell (a merged cell over a
    household's rows) is in household order.
    """
    if "household_no" not in f.columns or "relation" not in f.columns or len(f) < 3:
        return None
    no = _column(f, "household_no")
    if pd.isna(no).any():
        return None
    key = no.astype(str)
    for fld in ("township", "village"):
        if fld in f.columns:
            key = key + "|" + _column(f, fld, "").astype(str)
    number, households = pd.factorize(key)
    if int(_starts(number).sum()) == len(households):
        return None
    heads = np.asarray(by_value(_column(f, "relation", ""), codes.is_head), dtype=bool)
    if (np.bincount(number[heads], minlength=len(households)) > 1).any():
        return None
    return np.lexsort((~heads, number))  # (the head first: a 户主 row starts a household)


def _cut_out_of_order(f: pd.DataFrame, column: Callable[[str], np.ndarray]) -> np.ndarray | None:
    """The rows of a one-sheet roster sorted by name or ID whose 家庭编号, stored as a number, lost digits and now names
    several households (several 户主 rows under one number), where no 户主 column says whose they are: which household
    such a row belongs to cannot be told (a name-sorted export read each head with the rows below it: two D02 高 on one
    family's account, a C02 shown under another family's head). None when there are none.

    A roster in household order (each head followed by the family) is read by its order, as the usual export is.
    """
    if ("household_no" not in f.columns or "relation" not in f.columns or "head_id" in f.columns
            or "head_name" in f.columns or len(f) < 4):
        return None
    lost = by_value_array(f["household_no"], lambda v: digits_kept(v) is not None).astype(bool)
    if not lost.any():
        return None
    number, _ = pd.factorize(pd.Series(column("household_no")).astype(str))
    heads = np.asarray(by_value(_column(f, "relation", ""), codes.is_head), dtype=bool)
    shared = np.bincount(number[heads & lost], minlength=number.max() + 1) > 1
    cut = lost & shared[number]
    if not cut.any() or not _sorted_by_person(column):
        return None
    return cut


# The share of adjacent rows in order for a roster to be taken as sorted by name or by ID (a roster in household order
# has each head beside her family, whose names and IDs follow no order)
SORTED_SHARE = 0.9


def _sorted_by_person(column: Callable[[str], np.ndarray]) -> bool:
    """Whether the rows are sorted by name (as characters, or by pinyin as Excel and WPS sort Chinese) or by ID."""
    names = [person_name(v) for v in column("name").tolist()]
    sorts = [names, [homophone_key(n) for n in names], [text(v) for v in column("id").tolist()]]
    for keys in sorts:
        pairs = [(a, b) for a, b in zip(keys, keys[1:]) if a and b]
        if len(pairs) >= 3 and sum(a <= b for a, b in pairs) >= SORTED_SHARE * len(pairs):
            return True
    return False


def _sheets_of(table: Table) -> list[tuple[Table, np.ndarray]]:
    """Split a roster read from several sheets, or several tables of a sheet, into one table per sheet or table (each
    its own title and programme), each with the positions of its rows in the table.

    Households never span sheets, and a workbook may hold 低保 on one sheet and 特困 on another, or on one sheet, each
    table under its own title (held-out 213; the tables of a sheet told apart by their titles).
    """
    f = table.frame
    if "_sheet" not in f.columns or (f["_sheet"].nunique() <= 1 and ("_title" not in f.columns or f["_title"].nunique() <= 1)):
        return [(table, np.arange(len(f)))]
    parts = []
    titles = f["_title"] if "_title" in f.columns else pd.Series("", index=f.index)
    for sheet, titled in pd.MultiIndex.from_arrays([f["_sheet"], titles]).unique():
        rows = np.flatnonzero(((f["_sheet"] == sheet) & (titles == titled)).to_numpy())
        part = f.iloc[rows]
        part = part.loc[:, part.notna().any() | part.columns.str.startswith("_")]  # another sheet's columns
        title = str(part["_title"].iloc[0]) if "_title" in part.columns and len(part) else table.title
        parts.append((replace(table, frame=part, title=title, sheets=[sheet]), rows))
    return parts


def _members_of(table: Table, file_no: str, as_of: dt.date, keys: pd.DataFrame, several: bool,
                roster_codes: Mapping[str, Mapping[str, str]] | None = None) -> pd.DataFrame:
    """The members of one roster sheet (``several``: its workbook has more than one sheet, 家庭信息 + 家庭成员 or a
    sheet per township: the sheet is shown where a row is named, ``sheet_shown``)."""
    f = table.frame.reset_index(drop=True)
    if f.empty:
        return pd.DataFrame(columns=COLUMNS)
    for fld, local in (roster_codes or {}).items():  # a code the configuration names reads as its words
        if local and fld in f.columns:
            f[fld] = by_value_array(f[fld], lambda v, local=local: local.get(text(v), v))
    order = _households_together(f)
    if order is not None:
        f, keys = f.iloc[order].reset_index(drop=True), keys.iloc[order].reset_index(drop=True)
    n, has_relation = len(f), "relation" in f.columns
    cache: dict[str, np.ndarray] = {}

    def column(fld: str) -> np.ndarray:  # each field's text worked out once (blanks None)
        if fld not in cache:
            cache[fld] = _column(f, fld)
        return cache[fld]

    starts = _household_starts(f, column)
    group, first = np.cumsum(starts), _first_rows(starts)
    out: dict[str, object] = {"row": f["_row"].astype(int), "sheet": f["_sheet"]}
    # (a head a system export lists only on its household sheet is that sheet's row, _row_sheet)
    at = f["_row_sheet"].where(f["_row_sheet"].notna(), f["_sheet"]) if "_row_sheet" in f.columns else f["_sheet"]
    out["sheet_shown"] = at if several else ""
    # a system export's household sheet and row (家庭信息 row 20 for members on 家庭成员 rows 51-54): where the household
    # itself is written ('' and None elsewhere)
    listed = f["_hh_row"].notna() if "_hh_row" in f.columns else pd.Series(False, index=f.index)
    out["household_sheet"] = f["_hh_sheet"].where(listed, "") if listed.any() else ""
    out["household_row"] = object_array([int(r) if ok else None for r, ok in zip(f["_hh_row"], listed)]) if listed.any() \
        else None
    # … in a file of its own beside the members' (申请家庭信息.xlsx beside 申请家庭成员.xlsx, held-out 303)
    out["household_file"] = f["_hh_file"].where(listed & f["_hh_file"].notna(), "") if "_hh_file" in f.columns else ""
    # … or none, its 家庭编号 cut by a number format meeting several (io.system_layout._lost_digits)
    out["household_cut"] = (f["_hh_cut"].where(f["_hh_cut"].notna(), False).astype(bool).to_numpy()
                            if "_hh_cut" in f.columns else np.zeros(n, dtype=bool))
    # … or known only by the row order of a sheet sorted by name, under such a number (audit.ORDER_SAID)
    out["household_unordered"] = np.zeros(n, dtype=bool)
    if (cut := _cut_out_of_order(f, column)) is not None:
        out["household_unordered"] = cut
        table.warnings.append(
            f"“{table.sheet_header(f['_sheet'].iloc[0], 'household_no', written=True) or '家庭编号'}”列以数字格式存储、"
            f"丢失了超过 15 位的部分，几户共用一个编号，而花名册按姓名或身份证号排序、未按家庭排列：{int(cut.sum())} 人属于哪一户"
            "无法确定：不列户主，涉及家庭的问题置信度列为“低”。请从系统重新导出（家庭编号设为文本格式），或加上“户主身份证号”列后重新运行。")
    # Household-level cells blank on continuation rows (merged cells without merge information): carry down.
    for fld in HOUSEHOLD_FIELDS:
        if fld not in ("township", "village"):  # (a field with no column is blank on every row, nothing to carry)
            out[fld] = (_carried(column(fld) if fld != "head_id" else _head_ids(f), starts, first=first) if fld in f.columns
                        else np.full(n, "", dtype=object))
    if "approved_also" in f.columns:  # (a 批准日期 beside the 享受起始年月 that took the field: where that is blank)
        out["approved"] = np.where(out["approved"] == "", _carried(column("approved_also"), starts, first=first),
                                   out["approved"])
    # Township/village cells merged over many households: carry down, the village only within its township.
    town = _carried(column("township"), np.arange(n) == 0, blank=None)
    out["village"] = _carried(column("village"), _starts(town))
    town[pd.isna(town)] = ""
    if "_hh_row" in f.columns and not listed.all():  # a system export's member of no household on its household sheet
        # (said by io.system_layout.join_households): its place is unknown, not the row above's (held-out 390)
        unknown = ~listed.to_numpy()
        town[unknown & pd.isna(column("township"))] = ""  # (a member sheet's own 乡镇 cell stays)
        out["village"] = np.where(unknown & pd.isna(column("village")), "", out["village"])
    out["county"] = ""
    if "county" in f.columns or "region_code" in f.columns:
        # a city's roster with a 县（市、区） column, or a system export's 行政区划代码 (its first six digits, held-out
        # 141): each member's county, by its GB/T 2260 name
        from .regions import county_name_in, county_name_of, region_code

        # (a 县（市、区） cell may hold the county's GB/T 2260 code itself, 411521: held-out 179)
        named = (lambda v: county_name_in(text(v)) or county_name_of(region_code(v)[:6]) or None) if "county" in f.columns \
            else (lambda v: county_name_of(region_code(v)[:6]) or None)
        county = _carried(by_value_array(f["county" if "county" in f.columns else "region_code"], named),
                          np.arange(n) == 0, blank=None)
        county[pd.isna(county)] = ""
        if "county" not in f.columns:  # a few codes of another county are typing slips, not a city's roster
            counts = Counter(county.tolist())
            county[np.isin(county, [c for c, k in counts.items() if k < max(10, 0.01 * n)])] = ""
        out["county"] = county
        if len(set(county.tolist()) - {""}) > 1:  # same-named townships of two counties (长乐乡) are two townships
            # (a cell that names its county already, 罗山县城关镇, is not named twice: held-out 179)
            town = np.array([c + t if c and t and not t.startswith(c) else t for c, t in zip(county.tolist(), town.tolist())],
                            dtype=object)
    out["township"] = town
    # an account cell that lost digits to a number format, carried down as the account is (D02 compares no more)
    if "bank_account" in f.columns:
        loss = by_value_array(f["bank_account"], account_losses, many=True)
        cut = (loss == "cut").astype(object)
        cut[pd.isna(column("bank_account"))] = None
        out["account_cut"] = _carried(cut, starts, blank=False, first=first).astype(bool)
        out["account_masked"] = _carried((loss == "masked").astype(object), starts, blank=False, first=first).astype(bool)  # (text only)
    else:
        out["account_cut"] = out["account_masked"] = np.zeros(n, dtype=bool)
    # whose the account is as the roster writes it: its 户名 (开户人) column, else the words beside the number
    # (6228…（城关镇敬老院）); D02 says a shared account a care home's (held-out 340)
    holder = column("holder") if "holder" in f.columns else np.full(n, None, dtype=object)
    if "bank_account" in f.columns:
        words = by_value_array(f["bank_account"], numbers_words, many=True)
        holder = np.where(pd.isna(holder), np.where(words == "", None, words), holder)
    out["holder"] = _carried(holder, starts, first=first)
    # the words a phone cell writes beside its number (村委会0916-5221001): whose number it is, for RQ3 (held-out 181)
    out["phone_words"] = (_carried(by_value_array(f["phone"], numbers_words, many=True), starts, first=first)
                          if "phone" in f.columns
                          else np.full(n, "", dtype=object))
    for fld in KEY_COLUMNS:
        out[fld] = keys[fld].to_numpy()
    out["id_raw"] = by_value_array(f["id"], texts, many=True) if "id" in f.columns else ""
    # the roster's own 出生日期 and 年龄, read only to doubt an ID that disagrees with them (audit.id_doubted)
    # (a system's "no date", 1900-01-01 or 0000-00-00, is none: h478 had 230 IDs doubted by it)
    out["birth_written"] = (by_value_array(f["birth"], _birth_written) if "birth" in f.columns
                            else np.full(n, "", dtype=object))
    out["age_written"] = (by_value(f["written_age"], _written_age) if "written_age" in f.columns
                          else np.full(n, None, dtype=object))
    for fld in ("name", "relation", "sex", "labour", "health", "disability", "school", "support_mode", "declared_assets",
                "covered", "cert_type", "guardian_name", "former_name"):
        out[fld] = _column(f, fld, blank="")
    # the guardian's ID only when whole and valid: a payee is taken for the ward by it alone (never a damaged one)
    out["guardian_id"] = (by_value_array(f["guardian_id"], _whole_id) if "guardian_id" in f.columns
                          else np.full(n, "", dtype=object))
    if "care_home" in f.columns:  # a 供养机构 named: cared for in it (集中供养), whatever 供养方式's code says
        home = _column(f, "care_home", blank="")
        named = by_value_array(home, lambda v: bool(v) and not _NO_CARE_HOME.fullmatch(v)).astype(bool)
        out["support_mode"] = object_array([f"集中供养（{h}）" if n else m
                                            for h, n, m in zip(home.tolist(), named.tolist(), list(out["support_mode"]))])
    for fld in ("declared_income", "benefit", "benefit_own", "benefit_total"):
        # (no column: an object array of None, the column pandas would infer from a list of them, without the inferring)
        out[fld] = by_value(f[fld], money) if fld in f.columns else np.full(n, None, dtype=object)
    if "benefit" not in f.columns:  # each member's own amount only: the household's is their sum (F05)
        out["benefit"] = out["benefit_own"]
    if "benefit_after" in f.columns:  # 变更后月保障金: the household's amount since its change date, where filled
        out["benefit"] = [b if a is None or a != a else a for a, b in zip(by_value(f["benefit_after"], money), out["benefit"])]
    out["benefit_gap"] = _amount_gaps(table, f, out["benefit"])
    # Household head: from the head columns, else from the member whose relation is 户主 (or the person).
    heads = (np.flatnonzero(by_value_array(f["relation"], lambda cells: [codes.is_head(t) for t in texts(cells)],
                                           many=True).astype(bool)) if has_relation else np.arange(n))  # (out["relation"]'s)
    heads = heads[np.unique(group[heads], return_index=True)[1]]  # each household's first head row
    head_of = np.full(group[-1] + 1, -1)
    head_of[group[heads]] = heads
    head_of = head_of[group]
    for fld, src in (("head_id", "id"), ("head_name", "name")):
        take = (out[fld] == "") & (head_of >= 0)
        out[fld][take] = out[src][head_of[take]]
    # a 户主身份证号 a number format cut (430524195209201000) beside the head's own row's whole ID: the whole one (held-out
    # 276: the damaged one shown beside the whole one, a D01 fingerprint changed with the column's format)
    own = np.where(head_of >= 0, out["id"][np.maximum(head_of, 0)], "")
    cut = (head_of >= 0) & (own != out["head_id"]) & (out["id_status"][np.maximum(head_of, 0)] == ids.VALID)
    if cut.any():
        cut[cut] = [h[:15] == o[:15] and len(h) == 18 and h[15:] == "000" for h, o in zip(out["head_id"][cut], own[cut])]
        out["head_id"][cut] = own[cut]
    # The head's ID names the household, unless too little of it survived to tell heads apart ('4.30523E+17' typed as
    # text leaves 430523000000000000 for every such head, no birth year): then the household is its rows.
    # (each distinct head ID judged once; the few households named by their rows get their names row by row)
    named = by_value_array(out["head_id"], lambda hid: hid[6:8] in ("18", "19", "20")).astype(bool)
    out["household"] = household = out["head_id"].copy()
    if not named.all():
        household[~named] = [f"{file_no}#{g}" for g in group[~named].tolist()]
    households = household.tolist()
    # history rows of members (households) the roster says have left
    stopped = _stop_dates(f, column)
    dated = _dated_before(stopped, as_of)
    gone, why, status_label, out["status_unsure"] = _gone(table, f, column, starts, several, dated)
    _stopped_by_date(table, f, as_of, dated, gone, why)
    by_remark = _remark_deaths(table, f, column, as_of, gone, why)
    # the former head a remark names (原户主张三于2025年10月死亡，户主变更为李四): the ledgers may still pay under him (F01)
    out["former_head"] = (by_value_array(column("remark"), former_head_named) if "remark" in f.columns
                          else np.full(n, "", dtype=object))
    out["file"] = str(table.path)
    default_prog = programme_of(table)
    if (default_prog == TEKUN and not _programme_by_name(table) and "support_mode" in table.headers
            and not any(map(text, out["support_mode"].tolist())) and not _programme_stated_in_rows(out["programme"])):
        # 特困 by a header alone, its column empty: said (a 低保 export carrying an unused 供养方式 column is otherwise
        # read as 特困 unsaid, every family compared with the 特困 standard)
        table.warnings.append(f"文件名、标题都没有写明是低保还是特困，因有“{table.header_said('support_mode', '供养方式')}”列按特困花名册"
                              "核查（与特困供养标准比较），但该列全部为空：如是低保花名册，请在文件名中写明“低保”"
                              "（如“低保花名册.xlsx”）后重新运行。")
    # a programme written as a bare number (a system's 申请类别 2): no standard says which, taken as the file's, said
    coded = codes.unknown_counts(out["programme"], lambda v: codes.UNKNOWN if re.fullmatch(r"\d{1,3}", text(v)) else "")
    told = (_codes_by_support_mode(out["programme"], out["support_mode"], coded)
            if coded and not _programme_by_name(table) else {})
    if told:  # (the codes still unexplained: said, and the column counted as unread)
        out["programme"] = by_value_array(out["programme"], lambda v: told.get(text(v), v))
        table.warnings.append(
            f"“{table.header_said('programme', '保障类别')}”列的代码没有说明含义，按本文件“供养方式”是否填写区分："
            + "；".join(f"代码 {'、'.join(sorted(k for k, p in told.items() if p == prog))} 的各行"
                       f"{'都填写了供养方式，按特困' if prog == TEKUN else '都没有填写供养方式，按低保'}计" for prog in (DIBAO, TEKUN))
            + "。请向报送单位核实各代码的含义，或在配置文件 [common] programme_codes 中写明后重新运行。")
        table.unread_fields.add("programme")
    elif coded:
        # a meaning guessed wrong turns 低保 members into 特困 ones: asked of the exporter, and three codes or more are
        # not the two programmes (held-out 210: 保障类别 1/2/3 were 分类施保 classes)
        hint = ("请向报送单位问明各代码的含义：确是低保、特困的，请改为“低保”“特困”，或在配置文件 [common] programme_codes 中写明（如 { \"1\" = \"低保\", "
                "\"2\" = \"特困\" }）后重新运行（特困对象与特困供养标准比较）；不要凭猜测填写。" if len(coded) <= 2 else
                f"该列有 {len(coded)} 种代码，多于低保、特困两类，可能是分类施保等其他类别：请向报送单位问明含义，"
                "不要凭猜测写入 [common] programme_codes（写错会把低保对象按特困核查；低保边缘家庭的代码可写为“低保边缘”，"
                "不参与核查）。")
        table.warnings.append(codes.unknown_warning(table.header_said("programme", "保障类别"), coded,
                                                    f"按本文件的{default_prog}计（与{default_prog}标准比较）", hint))
        table.unread_fields.add("programme")
    other = by_value_array(out["programme"], lambda v: _OTHER_AID.search(text(v)) is not None).astype(bool)
    if other.any():
        rows, sheets = out["row"].to_numpy()[other], np.asarray(out["sheet"], dtype=object)[other]
        said = np.asarray(out["programme"], dtype=object)[other]
        table.other_aid.update({(str(sh), int(r)): text(v) for sh, r, v in zip(sheets, rows, said)})
        shown = "、".join(f"“{v}”" for v in pd.unique(pd.Series(said, dtype=object).map(text))[:3])
        table.warnings.append(f"{OTHER_AID_SAID}（{shown}，{int(other.sum())} 行），不是低保、特困，按本文件的{default_prog}计；"
                              "这些人不应列在低保、特困花名册中，请核实")
    edge = _edge_rows(table, out["programme"], households, several)
    if edge.any():
        _edge_people(table, edge, out)
    if len(edge) and edge.all():  # a 低保边缘 list: none of its people checked, so no check's missing column is said (h384)
        table.warnings = [w for w in table.warnings if w not in ROSTER_GAPS.values() and w != HEALTH_GAP]
    out["programme"] = by_value_array(out["programme"], lambda v: _programme_value(v, default_prog))
    # a household size not written (nor 0 or less) is the household's rows still enrolled, counted in numpy; an
    # int64 array, as pandas makes of the Python ints (a list of 200,000 ints is inferred cell by cell)
    at, cells_ = distinct(out["household_size"])
    size = np.array([_positive_count(c) or 0 for c in cells_], dtype=np.int64)[at]
    unsaid = size == 0
    if unsaid.any():
        home, _ = pd.factorize(household)
        size[unsaid] = np.bincount(home[~(gone | edge)], minlength=len(household))[home[unsaid]]
    out["household_size"] = size
    out["covered_size"] = by_value(out["covered_size"], _positive_count)  # 保障人口
    _sizes_unlisted(table, out, household, unsaid, gone | edge, group)
    _amounts_in_fen(table, f, out, household, size)
    if "declared_income" in f.columns:  # (else None for every row, as it stays)
        out["declared_income"] = _monthly_household_income(out, table.headers.get("declared_income", ""))
    sheets = f["_sheet"].to_numpy(dtype=object)
    source_area = {sh: _area_named(str(sh), table.title, table.path.stem) for sh in pd.unique(sheets)}
    # The first of: the 城乡类别 cell, the programme cell, the sheet, title or file name, the village's name (each
    # judged once per distinct cell). A 城乡类别 cell not read here gives way to a programme cell, sheet, title or file
    # name that names 城市/农村, never to a guess from the village's name; a 户口性质 cell (no 城乡类别 column) to a
    # programme cell that names one.
    area = by_value_array(out["area_type"], _area_value)
    programme_cells = _column(f, "programme", "")
    programme_area = by_value_array(programme_cells, _area_named)
    area_label = table.headers.get("area_type", "")
    if re.search(HUKOU_WORDS, area_label):  # a person's 户口性质, read for want of a 城乡类别 column: a 农村低保 says more
        area[programme_area != ""] = programme_area[programme_area != ""]
    elif area_label:
        _area_disagrees(table, area, programme_cells, households, out["row"])
    for found in (programme_area, by_value_array(sheets, source_area.get)):
        take = ((area == "") | (area == UNREAD_AREA)) & (found != "")
        area[take] = found[take]
    blank = area == ""
    area[blank] = by_value_array(out["village"], _guess_area)[blank]
    unread = area == UNREAD_AREA
    if unread.any():
        found = codes.unknown_counts(out["area_type"][unread], lambda v: codes.UNKNOWN)
        table.warnings.append(codes.unknown_warning("城乡类别", found, "不按村名推断，按未注明城乡类别计（需与低保标准比较时按较高的城市标准，不会因此多列问题）",
                                                    "请改为“城市”“农村”，或在配置文件 [common] area_codes 中写明各代码的含义"
                                                    "（如 { \"1\" = \"城市\", \"2\" = \"农村\" }）后重新运行。"))
    out["area_type"] = area
    for fld in ("approved", "changed"):
        # (a sheet without the column: blank on every row, no date; None for each as above)
        raw, out[fld] = out[fld], by_value(out[fld], _date_given) if fld in f.columns else np.full(n, None, dtype=object)
        _dates_not_read(table, fld, raw, out[fld], starts)
    if gone.any():
        when = by_value(column("status_date"), _date_given) if "status_date" in f.columns else stopped or [None] * n
        remarked = "status_date" not in f.columns and "remark" in f.columns and _remark_dates(column("remark"), gone, when)
        for j, day in by_remark.items():  # (a death only its remark tells: dated by it)
            if not isinstance(when[j], dt.date):
                when[j] = day
        if "status_date" in f.columns or remarked or by_remark:
            out["changed"] = _changed_by_departures(out["changed"], households, gone, when)
        _departures(table, households, gone, why, when, out, status_label, {j: "备注" for j in by_remark})
    _amounts_not_given(table, out["benefit"], group)
    _report_unknown(table, out)
    sexes = by_value_array(out["sex"], codes.sex_text)  # GB/T 2261.1 codes and spellings; 0/9 unstated
    status = out["id_status"]
    unsaid = ~sexes.astype(bool) & ((status == ids.VALID) | (status == ids.NUMERIC) | (status == ids.SHORT))
    of_id = ids.sexes(out["id"][unsaid].tolist())  # (the ID's; '' where it names none)
    of_id[pd.isna(of_id)] = ""
    sexes[unsaid] = of_id
    out["sex"] = sexes
    out["age"] = _ages(out["birth"], as_of)
    # Object arrays become object columns as they are (pandas would infer its string dtype for text, which
    # plain_text turns back), and are not copied: a copy of each and then of all of them in one block (pandas'
    # default) was two more copies of a province's members at once (+2.5 GB of 7.2 GB, 2.7 s).
    frame = pd.DataFrame({fld: pd.Series(v, dtype=object, copy=False) if isinstance(v, np.ndarray) and v.dtype == object
                          else v for fld, v in out.items()}, columns=COLUMNS, copy=False)
    _fill_places_from_address(frame)
    for fld, pattern in (("township", _LABELLED_TOWNSHIP), ("village", _LABELLED_VILLAGE)):
        # an application form's label cells above its member table (乡镇（街道） | 天堂镇, held-out 158)
        if fld not in table.headers and (frame[fld] == "").any() and (m := pattern.search(table.title or "")):
            frame.loc[frame[fld] == "", fld] = m.group(1)
            if fld == "township" and ROSTER_GAPS["township"] in table.warnings:
                # the form says its township: no gap to warn of, nor a guess from addresses or the file name to
                # name (held-out 319: every form was said to have its township inferred)
                table.warnings.remove(ROSTER_GAPS["township"])
    if "township" not in f.columns and "_block" in f.columns and (frame["township"] == "").any():
        _townships_of_blocks(table, frame, f["_block"], several)
    if "township" not in table.headers and (frame["township"] == "").any():
        # a township's own form names it in its title or file name only ('光山县十里镇2026年9月新申请家庭汇总表')
        named = _township_named(table.title, table.path.stem)
        frame.loc[frame["township"] == "", "township"] = named
    _places_coded(frame, "region_code" in f.columns)
    for fld in FORMER_COLUMNS if "former_id" in keys.columns else ():  # (a roster's 原身份证号: see people_keys)
        frame[fld] = keys[fld].to_numpy()
    gone |= edge
    return frame[~gone].reset_index(drop=True) if gone.any() else frame


# What the audit does with 低边 rows, as its notice says (coverage and review say what they do instead)
EDGE_LEFT_OUT = "不参与核查（C01–C10、人情保、重复享受），也不计入家庭人口。需核查低保边缘家庭的，请另行比对。"
EDGE_UNCOVERED = "不算已纳入保障：监测对象等名单中的低保边缘家庭照常列为漏保线索。"
EDGE_NOT_ENROLLED = "不算在册：上期问题所涉的人或户现只列为低保边缘的，按已退出计为已整改，说明中写明。"


def _edge_named(table: Table) -> bool:
    """Whether the first of a roster's sheet, title and file name that names a programme names 低保边缘 alone (a
    '低保及低保边缘' title names both: not alone)."""
    sheet = table.sheets[0] if len(table.sheets) == 1 else ""
    for source in (sheet, table.title or "", table.path.stem):
        rest = _EDGE.sub("", source)
        names_other = "低保" in rest or "最低生活" in rest or _TEKUN_WORDS.search(rest) is not None
        if _EDGE.search(source):
            return not names_other
        if names_other:
            return False
    return False


# A 低保边缘家庭's programme cell (救助类别 低保边缘, 低边, 低保边缘户): no 低保 or 特困 recipient
_EDGE = re.compile(r"低保边缘|低边|边缘(?:家庭|户|对象|人口)")


def edge_said(words: str) -> bool:
    """Whether a programme cell (or a title) names 低保边缘家庭 (低边).

    Args:
        words: the cell or title.
    Returns:
        True when it does.
    """
    return bool(_EDGE.search(words))


def _edge_rows(table: Table, programme: np.ndarray, households: list, several: bool) -> np.ndarray:
    """Per row: whether its 保障类别 (救助类别, 保障类型) cell names 低保边缘家庭 (低边), said in a notice.

    One sheet of a 社会救助 system's export may hold 低保, 特困 and 低保边缘 households (held-out 370). A 低保边缘
    family is no 低保 or 特困 recipient (it gets 专项救助 only): the ten categories, 人情保 and 重复享受 are about
    people who 享受低保 or 特困供养, so its members are left out of the roster like its history rows (a 低边 family's
    car was C04 高, a 低边 member on the staff list C01 高)."""
    edge = by_value_array(programme, lambda v: bool(_EDGE.search(text(v)))).astype(bool)
    if not edge.any() and len(edge) and _edge_named(table) and not any(text(v) for v in pd.unique(pd.Series(programme, dtype=object))):
        # a file only its name or title calls a 低保边缘 list, no programme written in it (held-out 373: read as 低保,
        # a 低边 member on the staff list C01 高, one dead C02 高, one also in a 低保 family D01 高)
        table.warnings.append(
            f"{'工作表名称' if _EDGE.search(table.sheets[0] if len(table.sheets) == 1 else '') else '标题或文件名'}"
            f"写明是低保边缘家庭名单、表中没有保障类别列：其中 {len(edge)} 人（{len(set(households))} 户）按低保边缘（低边）读取，"
            f"不是低保、特困对象，{EDGE_LEFT_OUT}确是低保、特困花名册的，请加一列“保障类别”后重新运行。")
        return np.ones(len(edge), dtype=bool)
    if edge.any():
        where = f"工作表“{table.frame['_sheet'].iloc[0]}”" if several and "_sheet" in table.frame.columns else ""
        label = table.header_said("programme", "保障类别")
        table.warnings.append(
            f"{where}有 {int(edge.sum())} 人（{len({h for h, e in zip(households, edge.tolist()) if e})} 户）的“{label}”为低保边缘"
            f"（低边）：低保边缘家庭不是低保、特困对象，{EDGE_LEFT_OUT}")
    return edge


def _edge_people(table: Table, edge: np.ndarray, out: dict) -> None:
    """Record the 低边 rows left out (``Table.edge``) by their members' and heads' valid IDs (the rows are few)."""
    rows, at = np.asarray(out["row"]).astype(int), np.flatnonzero(edge).tolist()
    for fld in ("id", "head_id"):  # (a head by his own row first)
        for j in at:
            key = out[fld][j]
            if key and ids.id_number(key).status == ids.VALID:
                table.edge.setdefault(key, (text(out["programme"][j]), int(rows[j]), table.path.name))


# A 成员状态 (家庭状态) that says the member (household) has left the programme: the export keeps the row as history
# (停供: a 特困 system's 停止供养, held-out 408)
_GONE = re.compile(r"死亡|已故|去世|迁出|转出|分户|停保|停供|停发|终止|注销|退出|取消|减员|销户|清退|退保|不再享受|停止")
# … of whom: died (F01's, as the deaths list's), moved (F02's when out of the county, as the migrations list's)
DIED = re.compile(r"死亡|已故|去世")
MOVED = re.compile(r"迁出|转出")


def died_on_roster(left: dict[str, list[dict]], departed: dict[str, tuple]) -> bool:
    """Whether the rosters' own history rows (``Table.left``, ``Table.departed``) say someone died.

    Args:
        left: household → records of members who left it.
        departed: ID → the record of a household that left.
    Returns:
        True when a status word of them names a death.
    """
    return any(DIED.search(rec["word"]) for records in left.values() for rec in records) or any(
        DIED.search(record[0]) for record in departed.values())

# … not a step still to come or under way (死亡待核实, 拟停保, 待停保, 停保审核中), nor a household that goes on (户主死亡
# （本户继续享受）): those members are still enrolled (held-out 174: five real C02 dropped with them)
_PENDING = r"待|拟|审核|审批中|核实|核查|申请|公示|继续|仍"
_NOT_GONE = re.compile(r"^(未|非|无|没有|不(?!再))|" + _PENDING)
# … a status that says the member is enrolled (正常, 在保, 享受中, 新增, 暂停 …; any other word is said as not read)
_ENROLLED = re.compile(r"正常|在保|在供|享受|新增|新纳入|暂停|缓发|有效|在册|在户|保障中|供养中|救助中|在享|是$|^有$")
# a code and its word in a cell ('1-正常', '3死亡'; a bare code its header's or title's legend explains is read as its word
# where the sheet is read: io/table._frame)
_CODE_WORD = re.compile(r"(\d{1,2})\s*[-－—=:：.、]?\s*([\u4e00-\u9fff]{1,8})")


def _departures(table: Table, households: list[str], gone: np.ndarray, why: np.ndarray, when: list, out: dict,
                label: str = "成员状态", labels: dict[int, str] | None = None) -> None:
    """Record what the export's history rows say left: the households every row of which has left (a 特困 person is
    one), by their members' and heads' valid IDs — their payments after the status's date are to be recovered (F03), as
    an exit list's (``table.departed``); and the members who left a household that goes on, by household — the
    household's payments still made for one who died or moved out are her share (F01, F02: ``table.left``)."""
    left = set(households) - {h for h, g in zip(households, gone.tolist()) if not g}
    rows = out["row"].tolist() if hasattr(out["row"], "tolist") else list(out["row"])

    def cell(fld: str, j: int) -> object:  # (a field no column gave is one value for every row)
        v = out[fld]
        return v.iloc[j] if isinstance(v, pd.Series) else v[j] if isinstance(v, np.ndarray) else v

    for j in np.flatnonzero(gone).tolist():
        day = when[j] if isinstance(when[j], dt.date) else None
        if households[j] not in left:
            table.left.setdefault(households[j], []).append({
                "word": why[j], "label": (labels or {}).get(j, label), "date": day, "_row": int(rows[j]),
                "_sheet": str(cell("sheet_shown", j) or ""), "file": table.path.name,
                **{k: cell(k, j) for k in ("id", "id_raw", "id_status", "id_reliable", "name", "name_key", "head_name",
                                           "township", "village")}})
            continue
        record = (why[j], day, int(rows[j]), table.path.name, str(out["township"][j] or ""), str(out["village"][j] or ""),
                  str(cell("sheet_shown", j) or ""))
        for key in (out["id"][j], out["head_id"][j]):
            if key and ids.id_number(key).status == ids.VALID:
                table.departed.setdefault(key, record)


def _status_word(value: object) -> str:
    """What a member's (household's) status cell says: the word that says the member has left ('已停保', '注销'), ''
    when enrolled (正常, 在保, a step still to come …) or blank, '?' for a value no word reads (a bare code)."""
    if value is None:
        return ""
    t = text(value)
    t = _CODE_WORD.sub(lambda m: m.group(2), t, count=1) if re.match(r"\d{1,2}\s*\D", t) else t
    if re.fullmatch(r"\d{1,3}", t) or (t and not _GONE.search(t) and not _ENROLLED.search(t)
                                       and not re.search(_PENDING, t)):
        return "?"
    found = _GONE.search(t) if t and not _NOT_GONE.search(t) else None
    return t if found else ""


def _status_columns(table: Table, f: pd.DataFrame, column: Callable[[str], np.ndarray]) -> list[tuple[str, bool, str]]:
    """A roster sheet's status columns: (field, whether the household's, its header as written).

    A 成员状态 (人员状态) or 家庭状态 (户状态) column the sheet has, on whichever sheet (a workbook's ``headers`` are its
    first sheet's: held-out 254, one village's 人员状态 on its own sheet was not read, its 注销 and 已退出 members C02 and
    C01 高). A bare 状态 column (read for an application's status elsewhere, ``io.columns.BARE_STATUS``) where no named
    one is, when its cells are a roster's statuses: some say the member left (已停保, 注销) and at least half are read
    so or as enrolled (正常, 在保, 新增) — an application list's 待审批, 已批准 are none (held-out 254: 状态 已停保 on a
    village's sheet and in a township's .xls, five members at 高)."""
    sheet = f["_sheet"].iloc[0] if "_sheet" in f.columns and len(f) else ""
    found = [(fld, fld == "household_status", table.sheet_header(sheet, fld, written=True) or FIELD_SAID[fld])
             for fld in ("member_status", "household_status") if fld in f.columns]
    label = table.sheet_header(sheet, "outcome")
    if "member_status" in f.columns or "outcome" not in f.columns or not re.search(BARE_STATUS, label):
        return found
    cells = [t for t in texts(column("outcome").tolist()) if t]
    words = [_status_word(t) for t in cells]
    gone = sum(w not in ("", "?") for w in words)
    read = gone + sum(w == "" and bool(_ENROLLED.search(t)) for t, w in zip(cells, words))
    if gone and read >= BARE_STATUS_SHARE * len(cells):
        found.insert(0, ("outcome", False, table.sheet_header(sheet, "outcome", written=True)))
    return found


# The share of a bare 状态 column's filled cells that must read as a roster's statuses (a member who left or one
# enrolled) for the column to be taken as the members' status (as ``applications.STATUS_SHARE`` takes one as an
# application's)
BARE_STATUS_SHARE = 0.5
FIELD_SAID = {"member_status": "成员状态", "household_status": "家庭状态"}


# The share of a status column's filled cells its most common unexplained code must hold for the other unexplained
# codes to be a minority that may say the member left (人员状态 1 on 228 rows, 2 on 8, 3 on 2: held-out 408)
STATUS_MAJORITY = 0.5


# 是否共同生活 written out rather than as 是/否 (不同住, 未共同生活), or 否 with a remark in brackets (否（在外务工）):
# h464, each checked as a member of the family and the form said to hold a code
_APART_WORDS = re.compile(r"^(?:不|未|非|没有)(?:共同生活|同住|在一起生活|一起生活)$|^分开居住$|^不在一起$")
_REMARK = re.compile(r"\s*[（(【\[][^）)】\]]*[）)】\]]\s*$")


def living_with(cell: object) -> bool | None:
    """Whether a 是否共同生活 cell says the person lives with the family: its 是/否 (1/0, ✓/×), a 否 or 是 with a remark in
    brackets after it, or words saying apart ('不同住'); None when it says neither."""
    said = codes.yes_no(cell)
    if said is not None:
        return said
    written = _REMARK.sub("", text(cell)).strip()
    if _APART_WORDS.match(written):
        return False
    return codes.yes_no(written) if written and written != text(cell).strip() else None


def _gone(table: Table, f: pd.DataFrame, column: Callable[[str], np.ndarray], starts: np.ndarray,
          several: bool = False, dated: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, str, np.ndarray]:
    """Per row: whether the roster's own 成员状态 (人员状态, 供养状态, a bare 状态 …) or its household's 家庭状态 (救助状态,
    户状态) says the member has left the programme (已死亡, 已迁出, 已分户, 已停保, 终止 …). Such rows are the roster's
    history, not recipients: they are left out of the roster (no check, no household size), said in a notice (held-out
    167: an 已分户 son's car was C04 高, 36 such rows at 高). A code the header or title explains is read by its word
    ('人员状态：1正常 2停保'); a code nothing explains is not read (the member counts as enrolled), said — of the rows
    ``dated`` does not mark (a 停保日期 on or before the review date makes those history: :func:`_stopped_by_date`).
    Whatever the roster's shape: a system export's member sheet, a one-table roster, a village's sheet of a workbook,
    an .xls, a CSV (:func:`_status_columns`).

    A code nothing explains that most rows do not hold (人员状态 2 beside a column of 1) may say the member left: such a
    member's findings are 低 (``audit.unsure_status``; held-out 408: 停保 members audited at 高 where no legend was
    given), the code said per row.

    Returns:
        (the rows gone, the status word that says so per row, the member status column's label, per row the unexplained
        minority status as said — '“人员状态”为“2”' — or '').
    """
    gone = np.zeros(len(starts), dtype=bool)
    unsure = np.full(len(starts), "", dtype=object)
    why = np.full(len(starts), "", dtype=object)  # the status that says so, as read ('已停保', '本户停保')
    said: Counter = Counter()
    found = _status_columns(table, f, column)
    undated = (~dated if dated is not None else np.ones(len(starts), dtype=bool)).tolist()
    where = ""
    if several and "_sheet" in f.columns and len(f) and str(f["_sheet"].iloc[0]):
        where = f"工作表“{f['_sheet'].iloc[0]}”"
    for fld, household, label in found:
        cells = column(fld)
        if household:
            cells = _carried(cells, starts)
        words = by_value_array(cells, _status_word)
        unread = Counter(text(v) for v, w, u in zip(cells.tolist(), words.tolist(), undated) if w == "?" and u)
        hit = (words != "") & (words != "?")
        said.update(f"{'本户' if household else ''}{w}" for w in words[hit & ~gone].tolist())
        why[hit & ~gone] = words[hit & ~gone]
        gone |= hit
        minority = 0
        if unread:
            (common, held), = unread.most_common(1)
            filled = int(sum(1 for v in cells.tolist() if text(v)))
            if held >= STATUS_MAJORITY * filled:
                texts_ = by_value_array(cells, text)
                rare = (words == "?") & (texts_ != common) & (unsure == "") & np.asarray(undated, dtype=bool)
                unsure[rare] = [f"“{label}”为“{t}”" for t in texts_[rare].tolist()]
                minority = int(rare.sum())
        if unread:  # (a word no list reads, 无效, is said as a code is: held-out 173)
            table.warnings.append(
                f"{where}“{label}”列有代码或写法未能识别（{'、'.join(f'“{k}”{v} 行' for k, v in unread.most_common(5))}），这些人按仍在保障中核查"
                + (f"（其中写法与多数人不同的 {minority} 人可能已停保或死亡，其问题的置信度降为“低”）" if minority else "") + "；"
                f"如是代码，请在表头或标题中写明各代码的含义（如“{label}：1正常 2停保 3死亡”），或在配置文件 [common] "
                f"{'household' if household else 'member'}_status_codes 中写明（如 {{ \"1\" = \"正常\", \"3\" = \"死亡\" }}）；"
                "已不在保障中的，请改写为“已停保”“已死亡”等后重新运行。")
    if gone.any():
        labels = "或".join(f"“{label}”" for _, _, label in found)
        table.warnings.append(
            f"{where}有 {int(gone.sum())} 人的{labels}"
            f"表明已不在保障中（{'、'.join(f'{w} {k} 人' for w, k in said.most_common())}），是花名册保留的历史记录："
            "不参与核查，也不计入家庭人口（写“正常”“在保”“新增”等的照常核查）。")
    sheet = f["_sheet"].iloc[0] if "_sheet" in f.columns and len(f) else ""
    # a member a form's 健康状况 (劳动能力) cell says is dead, whole ('已故'): one the family kept on its form, no member
    # (held-out 311: an application's grandfather "已故" counted in 家庭人口, C02 高 from the deaths list, a C06 missed)
    for fld in ("health", "labour"):
        if fld not in f.columns:
            continue
        dead = by_value_array(column(fld), lambda v: bool(_DEAD_CELL.fullmatch(text(v)))).astype(bool) & ~gone
        if dead.any():
            label = table.sheet_header(sheet, fld, written=True) or {"health": "健康状况", "labour": "劳动能力"}[fld]
            why[dead] = "已故"
            gone |= dead
            names = "、".join(t for v in column("name")[dead][:3].tolist() if (t := text(v))) if "name" in f.columns else ""
            table.warnings.append(f"{where}有 {int(dead.sum())} 人的“{label}”写明已故" + (f"（如 {names}）" if names else "")
                                  + "，是表中保留的已故成员：不参与核查，也不计入家庭人口。")
    if "cohabiting" in f.columns:
        # a relative the form lists who does not live with the family (是否共同生活 否/0): no member of it (h460: a
        # brother living apart, a civil servant, made the family 有疑点 at C01 高, and was counted in its size)
        cells = column("cohabiting")
        apart = by_value_array(cells, lambda v: living_with(v) is False).astype(bool) & ~gone
        if apart.any():
            label = table.sheet_header(sheet, "cohabiting", written=True) or "是否共同生活"
            why[apart] = "非共同生活"
            gone |= apart
            names = "、".join(t for v in column("name")[apart][:3].tolist() if (t := text(v))) if "name" in f.columns else ""
            table.warnings.append(f"{where}有 {int(apart.sum())} 人的“{label}”为“否”" + (f"（如 {names}）" if names else "")
                                  + "，不是共同生活的家庭成员：不作为家庭成员核查，也不计入家庭人口。")
        unread = Counter(t for v in cells.tolist() if (t := text(v)) and living_with(v) is None)
        if unread:
            label = table.sheet_header(sheet, "cohabiting", written=True) or "是否共同生活"
            table.warnings.append(f"{where}“{label}”列有写法未能识别（{'、'.join(f'“{k}”{n} 行' for k, n in unread.most_common(5))}），"
                                  "这些人按共同生活的家庭成员核查；如是代码，请在表头中写明含义（如“是否共同生活（1是 0否）”）后重新运行。")
    member = next((fld for fld, household, _ in found if not household), "member_status")
    unsure[gone] = ""
    return gone, why, table.sheet_header(sheet, member) or FIELD_SAID["member_status"], unsure


def _stop_dates(f: pd.DataFrame, column: Callable[[str], np.ndarray]) -> list | None:
    """The roster's own 停保日期 (退出日期, 终止日期) per row, as read (None without the column)."""
    return by_value(column("stopped_on"), _date_given) if "stopped_on" in f.columns else None


def _date_given(raw: object) -> dt.date | None:
    """A cell's date, None for a system's "no date" (1900-01-01, 0000-00-00: :func:`codes.null_date`)."""
    return None if codes.null_date(raw) else date(raw)


def _birth_written(raw: object) -> str:
    """A roster's 出生日期 as written (:func:`day_or_month`), '' for a system's "no date"."""
    return "" if codes.null_date(raw, birth=True) else day_or_month(raw)


def _dated_before(when: list | None, as_of: dt.date) -> np.ndarray | None:
    """Per row: whether its 停保日期 is on or before the review date (None without the column)."""
    if when is None:
        return None
    return np.fromiter((isinstance(d, dt.date) and d <= as_of for d in when), dtype=bool, count=len(when))


def _stopped_by_date(table: Table, f: pd.DataFrame, as_of: dt.date, dated: np.ndarray | None,
                     gone: np.ndarray, why: np.ndarray) -> None:
    """Rows whose own 停保日期 (``dated``: on or before the review date) are history rows too, whatever their status
    cell says (a code nothing explains: held-out 399, 保障状态 1/2 beside 停保日期, three stopped households' members
    C01 高); ``gone`` and ``why`` are updated, said once."""
    if dated is None:
        return
    hit = dated & ~gone
    if hit.any():
        gone |= hit
        why[hit] = "已停保"
        label = table.sheet_header(f["_sheet"].iloc[0] if "_sheet" in f.columns and len(f) else "", "stopped_on",
                                   written=True) or "停保日期"
        table.warnings.append(f"有 {int(hit.sum())} 人的“{label}”在核查基准日 {as_of.isoformat()} 或之前，已不在保障中，"
                              "是花名册保留的历史记录：不参与核查，也不计入家庭人口。")


# A member cell that says the member is dead, and nothing else ('已故', '死亡', '已去世')
_DEAD_CELL = re.compile(r"(已|本人)?(故|死亡|去世|病故|亡故|过世|身故|逝世)")


# a remark dating a member's departure ('2026年1月12日死亡', '2026.1.12病故', '2026年1月迁出'): the date, or the month
# (11月 is November, not January followed by a stray 1: h476)
_REMARK_DATE = re.compile(r"(20\d{2})\s*[年.\-/]\s*(1[0-2]|0?[1-9])(?!\d)\s*(?:[月.\-/]\s*(?:([12]\d|3[01]|0?[1-9])(?!\d)\s*[日号]?)?)?")
# a death's words in a remark (:func:`remark_death_day`), and a departure's (the deaths' and the others')
_REMARK_DIED = re.compile(r"死亡|去世|病故|亡故|过世|身故|逝世|已故")
_REMARK_LEFT = re.compile(_REMARK_DIED.pattern + r"|迁出|迁往|减员|服刑|收监|入狱|停保|退出|注销")


# a remark that names a death as the member's own ('2026年3月死亡停发', '2026.3.5病故'): not another person's (配偶2026年
# 3月死亡, on the head's row), not a step to come (死亡待核实), not denied (未死亡)
_REMARK_OTHER = re.compile(r"配偶|妻|丈夫|老伴|父|母|爸|妈|爷|奶|公公|婆婆|岳|儿|子|女|孙|兄|弟|姐|妹|户主|家属|亲属|其")
_REMARK_DOUBT = re.compile(_PENDING + r"|未|非|不是|误|疑|错|\?|？|可能|听说|据说")


def remark_death_day(note: object) -> dt.date | None:
    """The day a remark says its own person died ('2026年3月死亡停发' → 2026-03-01, '2026.3.5病故'), or None: no death
    word, no date or several, another person's (配偶2026年3月死亡), or a doubt (死亡待核实).

    Args:
        note: a 备注 cell.
    Returns:
        The date (a month alone: its first day), or None.
    """
    note = text(note)
    if not note or not _REMARK_DIED.search(note) or _REMARK_OTHER.search(note) or _REMARK_DOUBT.search(note):
        return None
    dates = {(y, int(m), int(d or 1)) for y, m, d in _REMARK_DATE.findall(note)}
    if len(dates) != 1:
        return None
    y, m, d = next(iter(dates))
    try:
        return dt.date(int(y), m, d)
    except ValueError:
        return None


_FORMER_HEAD = re.compile(r"原户主(?:姓名)?[：:\s]*([\u4e00-\u9fff·•・]{2,5}?)"
                          r"(?=于|已|在|因|死亡|去世|病故|亡故|离世|迁出|[0-9０-９]|[，,。；;（(\s]|$)")


def former_head_named(note: object) -> str:
    """The name key of the former head a roster remark names ('原户主郭淑斌于2025年10月死亡，户主变更为刘玉明' → 郭淑斌),
    else ''.

    Args:
        note: the remark cell.
    Returns:
        The name key, or ''.
    """
    found = _FORMER_HEAD.search(text(note) or "")
    return person_name(found.group(1)) if found else ""


def _remark_deaths(table: Table, f: pd.DataFrame, column: Callable[[str], np.ndarray], as_of: dt.date,
                   gone: np.ndarray, why: np.ndarray) -> dict[int, dt.date]:
    """Members whose own 备注 says they died, with one date on or before the review date, on a roster whose status
    columns (none, or blank for them) say nothing: history rows as a 成员状态 of 死亡 makes them (h476: a member kept on
    the roster with '2026年3月死亡停发' and no deaths list, her household paid in full through September, F01 unfound).
    Remarks naming a death that are not read so (another person's, two dates, no date, a doubt) are said, never guessed.
    ``gone`` and ``why`` are updated in place.

    Args:
        table: the roster table (its warnings).
        f: the sheet's rows.
        column: the sheet's column by field.
        as_of: the review date.
        gone: per row, whether the member has left (updated).
        why: per row, the word that says so (updated).
    Returns:
        Row → the date of death the remark gives (a month alone: its first day).
    """
    if "remark" not in f.columns:
        return {}
    statuses = [column(fld) for fld in ("member_status", "household_status") if fld in f.columns]
    remarks = column("remark")
    found: dict[int, dt.date] = {}
    unread: list[str] = []
    for j in np.flatnonzero(~gone).tolist():
        note = text(remarks[j])
        if not note or not _REMARK_DIED.search(note):
            continue
        if any(text(s[j]) for s in statuses):  # (a status written beside it decides)
            continue
        day = remark_death_day(note)
        if day is None or day > as_of:
            unread.append(note)
            continue
        found[j] = day
    if found:
        hit = np.zeros(len(gone), dtype=bool)
        hit[list(found)] = True
        gone |= hit
        for j in found:
            note = text(remarks[j])
            why[j] = note if DIED.search(note) else f"死亡（{note}）"
        example = text(remarks[next(iter(found))])
        table.warnings.append(
            f"有 {len(found)} 人的“备注”写明本人已死亡及日期（如“{example}”），花名册没有写明其成员状态：按已死亡计，"
            "是花名册保留的历史记录，不参与核查，也不计入家庭人口；其家庭此后仍按原金额发放的，按其份额核对应追回金额（F01）。"
            "请核实后在花名册中删除该成员或写明成员状态。")
    if unread:
        table.warnings.append(
            f"有 {len(unread)} 人的“备注”提到死亡（如“{unread[0]}”），但写的可能是其他人、没有写明日期或写了几个日期、"
            "待核实或在核查基准日以后：未按死亡计，这些人照常核查；如本人确已死亡，请在花名册中写明成员状态和死亡日期，或给出死亡人员名单（--deaths）。")
    return found


def _remark_dates(remarks: np.ndarray, gone: np.ndarray, when: list) -> bool:
    """Date a departed member by her row's 备注 when the roster has no 状态变更日期 column and the row no other date
    ('死亡' in 人员状态, '2026年1月12日死亡' in 备注; held-out 418: "没有填写日期", F01 unchecked and the month of death
    paid in full read as F05). Only a remark naming a departure, and one date in it (a month alone is its first day:
    次月停发 goes by the month). ``when`` is filled in place; returns whether any row was dated so."""
    dated = False
    for j in np.flatnonzero(gone).tolist():
        if isinstance(when[j], dt.date):
            continue
        note = text(remarks[j])
        found = _REMARK_DATE.findall(note) if note and _REMARK_LEFT.search(note) else []
        if len({(y, int(m), int(d or 1)) for y, m, d in found}) != 1:
            continue
        y, m, d = found[0]
        try:
            when[j] = dt.date(int(y), int(m), int(d or 1))
        except ValueError:
            continue
        dated = True
    return dated


def _changed_by_departures(changed: list, households: list[str], gone: np.ndarray, when: list) -> list:
    """A household some of whose members left (history rows dated by 状态变更日期): its amount is the one since the
    month after the latest departure, not since its approval (held-out 176: a household of three paid 1,200 until a
    member died was 'overpaid' 400 a month since 2021 against today's 800 for two)."""
    latest: dict[str, dt.date] = {}
    for h, d in zip((h for h, g in zip(households, gone.tolist()) if g), (d for d, g in zip(when, gone.tolist()) if g)):
        if isinstance(d, dt.date):  # the new amount from the month after the change (次月; held-out 167: a son who
            # split off in March, the household paid its old amount for March, was 'overpaid' that month at 高)
            d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
            if h not in latest or d > latest[h]:
                latest[h] = d
    return [latest[h] if h in latest and (not isinstance(c, dt.date) or latest[h] > c) else c
            for c, h in zip(changed, households)]


def _townships_of_blocks(table: Table, frame: pd.DataFrame, blocks: pd.Series, several: bool) -> None:
    """A sheet of townships' blocks stacked under one header, no township column, each block under a title naming its
    township ('龙塘镇2026年第三季度农村低保花名册', ``io.table._with_blocks``): each row's township is its block's, said
    (held-out 254: all 241 rows of three townships under （未填乡镇）). A block whose title names none stays as it was."""
    named = by_value_array(blocks.to_numpy(dtype=object), lambda t: _township_named(text(t)))
    take = (frame["township"] == "").to_numpy() & (named != "")
    if not take.any():
        return
    frame.loc[take, "township"] = named[take]
    counts = Counter(named[take].tolist())
    sheet = frame["sheet"].iloc[0] if several and len(frame) else ""
    table.warnings.append(
        f"{'工作表“' + str(sheet) + '”' if sheet else ''}没有乡镇列，分为 {len(counts)} 块、每块标题写明了乡镇："
        f"按标题计入（{'、'.join(f'{t} {k} 人' for t, k in counts.items())}）；如不对，请在花名册中加上乡镇列后重新运行。")


def _places_coded(frame: pd.DataFrame, region_codes: bool = True) -> None:
    """A row with no township (village) named but a 12-digit 行政区划代码: its first nine digits are its township, the
    twelve its village (统计用区划代码), shown as the codes (held-out 105: a system export with no place names).

    A township column of village codes (乡镇代码 360732100201, held-out 210) is read so too; a township's own code written
    with twelve digits (411725107000) stays as written. (``region_codes``: the sheet has a 行政区划代码 column; without one
    every row's is blank.)"""
    from .regions import place_text, township_village

    def village_of(cell) -> str:
        code = township_village(cell)[1] if text(cell).isdigit() else ""
        return "" if code.endswith("000") else code

    village = by_value_array(frame["township"], village_of)
    if (at := village != "").any():
        frame.loc[at, "township"] = [c[:9] for c in village[at].tolist()]
        at &= (frame["village"] == "").to_numpy()
        frame.loc[at, "village"] = village[at]
    # … and a village column of 12-digit codes beside no township (an application export's 村代码 alone, h408: every
    # family under （未填乡镇）): its first nine digits are the township
    village = by_value_array(frame["village"], village_of)
    if (at := (village != "") & (frame["township"] == "").to_numpy()).any():
        frame.loc[at, "township"] = [c[:9] for c in village[at].tolist()]
    if not region_codes:
        return
    at, cells_ = distinct(frame["region_code"])  # each distinct cell once
    places = [township_village(v) for v in cells_]
    # … or a 行政区划 cell naming them in words (伞陂镇, 潢川县伞陂镇: held-out 190, every member under （未填乡镇）;
    # 甘肃省定西市通渭县马营镇东坪村: held-out 399, every village blank)
    # (a cell giving both, '621121101202 …马营镇东坪村' (io.table._place_with_code), is shown by its names)
    words = [("", "") if text(v).isdigit() else _places_in_words(place_text(v)) for v in cells_]
    for k, fld in enumerate(("township", "village")):
        codes_ = object_array([p[k] for p in places])
        said = object_array([w[k] for w in words])
        codes_ = np.where(said != "", said, codes_)
        codes_ = codes_[at]
        take = (frame[fld] == "").to_numpy() & (codes_ != "")
        if take.any():
            frame.loc[take, fld] = codes_[take]


def _places_in_words(raw: str) -> tuple[str, str]:
    """The township and the village a place cell names in words after its province, prefecture and county
    ('甘肃省定西市通渭县马营镇东坪村' → ('马营镇', '东坪村')); '' for each it does not name."""
    town = _township_named(raw)
    m = _place_after_admin(unicodedata.normalize("NFKC", str(raw or "")).strip()) if town else None
    return town, (m.group(2) or "") if m and m.group(1) == town else ""


def _township_named(*texts: str) -> str:
    """The township a title or file name begins with, after its province, city and county ('' for none): never a word
    such as 城乡 or 各乡镇 (a county's 城乡低保花名册)."""
    for raw in texts:
        cell = unicodedata.normalize("NFKC", str(raw or "")).strip()
        m = _place_after_admin(cell)
        if m and not _NO_TOWNSHIP.search(m.group(1)):
            # '…河凤桥镇、达权店镇、汪岗镇低保对象名册' names several: none of them is every member's (held-out 171)
            return "" if _PLACE.match(cell, m.end(1) + 1) and cell[m.end(1):m.end(1) + 1] in "、,，和及与/" else m.group(1)
    return ""


def _place_after_admin(text: str, search: bool = False) -> re.Match | None:
    """The township (and village) a text names right after its province, prefecture and county names: after the
    longest run of such names that leaves one (蕲春县蕲州镇 is 蕲州镇, not a prefecture 蕲春县蕲州 and then nothing;
    新市镇 and 古县乡 are townships), else (``search``) the first one after them anywhere."""
    cuts, todo = {0}, [0]  # where such a run may end (杭州|市 or 杭州市: both tried)
    while todo:
        at = todo.pop()
        for end in range(at + 2, min(len(text), at + 11) + 1):  # a name of 2 to 11 characters
            if not _HAN.match(text, end - 1):
                break
            if text[end - 1] in _ADMIN_ENDS and end not in cuts:
                cuts.add(end)
                todo.append(end)
    for cut in sorted(cuts, reverse=True):
        if m := _PLACE.match(text, cut):
            return m
    return _PLACE.search(text, max(cuts)) if search else None


# (a township written with its office, 城关镇人民政府/东村, is the township)
_TOWNSHIP_VILLAGE = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:镇|乡|街道))(?:人民政府|政府|办事处)?[\s/\\\-－—_·|]*"
                               r"([\u4e00-\u9fff]{1,10}(?:村|社区|居委会))")
_NO_TOWNSHIP = re.compile(r"城乡|乡镇|[各全本]乡|[各全本]镇")  # words of a county's own title, no township's name
# A form's place label cells as its title holds them: '乡镇(街道) 天堂镇 村(社区) 大洞村'
_LABELLED_TOWNSHIP = re.compile(r"(?:乡镇|乡（镇）|乡\(镇\))(?:[（(]街道[)）])?\s*[:：]?\s*([\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|街办))(?![\u4e00-\u9fff]*[镇乡])")
# (a label cell 村 alone, 乡镇 | 河口乡 | 村 | 下湾村, is a label too: held-out 319 left every such form's 村 blank)
_LABELLED_VILLAGE = re.compile(r"(?:村[（(](?:社区|居)[)）]|(?:^|(?<=\s))(?:所在)?村(?:名称)?(?=\s|[:：]))\s*[:：]?\s*"
                               r"([\u4e00-\u9fff]{1,10}?(?:村|社区|居委会))")


def _dates_not_read(table: Table, fld: str, raw, parsed, starts: np.ndarray) -> None:
    """Say how many households' 批准日期 (变更日期) were written but not read (26.7.14, 2026-02-30, 不详): the money
    checks take them as undated (held-out 135: silent)."""
    if fld not in table.headers:
        return
    found = Counter(t for t, p, first in zip(texts(list(raw)), parsed, np.asarray(starts, dtype=bool).tolist())
                    if first and t and not isinstance(p, dt.date))
    if found:
        table.warnings.append(f"“{table.header_said(fld)}”列有 {sum(found.values())} 户的日期未能识别或未写明"
                              f"（{codes.counted(found, '户')}），按未填处理（有资金发放明细时，这些户的应发未发、发放金额"
                              "只核对花名册所属月份或季度）；请写成 2026-07-01 这样的格式。")


# The roster's amount columns, in the order a household's approved amount is read from them (f_amounts.household_amounts)
_AMOUNT_FIELDS = ("benefit", "benefit_own", "benefit_total")


def _amount_gaps(table: Table, f: pd.DataFrame, amounts: list) -> np.ndarray:
    """Per row: why it gives no approved amount (月保障金, 供养标准), '' where it gives one — 'none' (the sheet has no
    amount column), 'formula' (a formula the file holds no value of, ``Table.unsaved``), 'blank', 'zero' (0 or less),
    or 'text:' + the words written instead (待定). F05 says the households it compared nothing of so, and why
    (``rules._money_unread.amounts_not_given``; held-out 245: a 月保障金 column of formulas, F05 "未发现问题").

    Args:
        table: the roster sheet.
        f: its frame.
        amounts: each row's amount as read (``benefit``, 变更后月保障金 where filled).
    Returns:
        The reasons, an object array.
    """
    n = len(f)
    fld = next((x for x in _AMOUNT_FIELDS if x in f.columns or x in table.unsaved), None)
    if fld is None or fld not in f.columns:  # (a sheet's column of formulas, all blank, is dropped from a sheet's part)
        return np.full(n, "formula" if fld else "none", dtype=object)
    blank = "formula" if fld in table.unsaved else "blank"

    def why(cell: object) -> str:
        said = text(cell)
        amount = money(cell) if said else None
        return (blank if not said else "text:" + said[:20] if amount is None else "" if amount > 0 else "zero")

    out = by_value_array(f[fld], why)
    out[np.asarray(amounts, dtype=float) > 0] = ""  # (a 变更后月保障金 filled; amounts are floats or None, NaN never > 0)
    return out


# A monthly amount a person no programme pays (yuan): a roster's amount column whose amounts come to this or more a
# person, whole numbers all, with no unit in its header or title, is in 分 (a provincial system's export; held-out
# 408: 保障金额 71600 and 月供养金 157600 were read as yuan, F05 高 for every household paid)
FEN_PER_PERSON = 10_000


def _amounts_in_fen(table: Table, f: pd.DataFrame, out: dict, household: np.ndarray, size: np.ndarray) -> None:
    """Read a roster's amount columns in 分 when no header or title names their unit and each person's monthly amount
    would otherwise be :data:`FEN_PER_PERSON` yuan or more (the median over the households, or the members for a
    member's own amount), every amount a whole number; said.

    Args:
        table: the roster sheet (its headers, title, warnings).
        f: its frame.
        out: the member columns being built (benefit, benefit_own, benefit_total; rewritten in yuan).
        household: each row's household.
        size: each row's household size.
    """
    shared = "benefit" not in f.columns  # (out["benefit"] is the members' own amounts then)
    for fld in ("benefit", "benefit_own", "benefit_total"):
        label = table.headers.get(fld, "")
        if (fld not in f.columns or not label or yuan_per_unit(label, table.title) != 1.0 or "元" in label
                or ("年" in label and "月" not in label)):  # (a year's amount, 全年保障金额: no month's)
            continue
        amounts = np.array([np.nan if v is None else v for v in out[fld]], dtype=float)
        if fld == "benefit":  # the household's amount, on one row or on each: each person's share
            home, _ = pd.factorize(household)
            most = np.full(int(home.max()) + 1 if len(home) else 0, np.nan)
            np.fmax.at(most, home, amounts)
            first = np.unique(home, return_index=True)[1]
            each = most[home[first]] / np.maximum(size[first], 1)
            paid = most[home[first]]
        else:
            each = paid = amounts
        given = paid > 0
        if not given.any() or np.median(each[given]) < FEN_PER_PERSON or (paid[given] != np.round(paid[given])).any():
            continue
        out[fld] = np.array([None if v != v else round(v / 100, 2) for v in amounts.tolist()], dtype=object)
        if fld == "benefit_own" and shared:
            out["benefit"] = out[fld]
        table.warnings.append(f"“{table.header_said(fld)}”列没有写明金额单位，按元计每人每月约 {np.median(each[given]):,.0f} 元，"
                              "远高于保障标准，已按以分为单位读取（÷100）；如不是以分为单位，请核实后在表头写明单位（如“月保障金（元）”）"
                              "重新运行")


def _amounts_not_given(table: Table, amounts: list, group: np.ndarray) -> None:
    """Say how many households have no 月保障金 (供养标准) on any row while others have one: F05 compares none of theirs
    (held-out 135: silent)."""
    if "benefit" not in table.headers or not len(group):
        return
    given = np.zeros(int(group.max()) + 1, dtype=bool)
    given[group[~np.isnan(np.asarray(amounts, dtype=float))]] = True  # (None and NaN alike: not given)
    present = np.unique(group)
    blank = int((~given[present]).sum())
    if blank and given.any():
        table.warnings.append(f"“{table.header_said('benefit')}”列有 {blank} 户未填，有资金发放明细时这些户不核对发放金额"
                              "（F05）；请补填核定的金额。")


def _report_unknown(table: Table, out: pd.DataFrame) -> None:
    """Add one warning per roster column whose values a code table does not know (relation, sex), with counts."""
    for fld, label, decode, consequence in (
            ("relation", "与户主关系", codes.relation, "不作为户主，也不用于推断亲属关系"),
            ("sex", "性别", codes.sex, "按身份证号推断性别")):
        found = codes.unknown_counts(out[fld], lambda v, decode=decode: decode(v).klass)
        if found:
            table.warnings.append(codes.unknown_warning(label, found, consequence))


def _head_ids(f: pd.DataFrame) -> np.ndarray:
    """Return the normalised head IDs from the raw cells (numbers keep their 15 reliable digits; blanks None)."""
    if "head_id" not in f.columns:
        return np.full(len(f), None, dtype=object)
    raw = f["head_id"]  # a coded column ('' for blanks) as it is, else blanks as None
    if not isinstance(raw.dtype, pd.CategoricalDtype):
        raw = [None if (isinstance(v, float) and v != v) or v == "" else v for v in raw.tolist()]
    # a head's ID repeats on her members' rows: each distinct cell typed once
    return by_value_array(raw, lambda cells: [v or None for v in ids.id_numbers(cells)[0]], many=True)


# A written 出生日期 or 年龄 that disagrees with more than half of one roster's compared IDs, over at least this many rows,
# is no evidence against any of them: the column is someone else's, a placeholder or in another format (h475: a
# 出生日期 of 1990-01-01 on every row would have lowered every finding of the roster to 低)
DOUBT_COLUMN_ROWS = 5


def id_doubts(members: pd.DataFrame, as_of: dt.date, tolerance: int, dismissed: list[str] | None = None) -> np.ndarray:
    """Per member, why her valid 18-digit ID is doubted: the roster's own 出生日期 is another day (or month, when only a
    month is written), or its 年龄 is more than ``tolerance`` years from the ID's age on ``as_of`` (a roster's 年龄 may be
    a year stale); '' where they agree, are not written or not read. A 出生日期 that agrees outweighs a 年龄 that does not.
    Such a row usually holds a mistyped ID: what is found by it concerns someone else (audit.id_doubted). Not doubted:
    a household whose rows all hold one value agreeing with one member's ID (the head's cell merged over the household's
    rows, or copied down), and a roster file's column disagreeing with most of its IDs (``DOUBT_COLUMN_ROWS``).

    Args:
        members: the members (``birth_written``, ``age_written``).
        as_of: the review date.
        tolerance: the years a written 年龄 may differ by ([common] roster_age_tolerance).
        dismissed: when given, gets one sentence per roster column not used because it disagrees with most IDs.
    Returns:
        The notes, one per member.
    """
    out = np.full(len(members), "", dtype=object)
    if not len(members) or "birth_written" not in members.columns:
        return out
    written = members["birth_written"].to_numpy(dtype=object)
    ages = members["age_written"].to_numpy(dtype=object)
    has_birth = np.array([type(w) is str and w != "" for w in written.tolist()], dtype=bool)
    has_age = np.array([a is not None and a == a for a in ages.tolist()], dtype=bool)
    raw = members["id_raw"].to_numpy(dtype=object)
    whole = (members["id_status"].to_numpy(dtype=object) == ids.VALID) & (has_birth | has_age)
    births = members["birth"].to_numpy(dtype=object)
    by = np.full(len(members), "", dtype=object)  # which column judged the member: 出生日期 or 年龄
    for j in np.flatnonzero(whole).tolist():
        born = births[j]
        written_id = str(raw[j])
        if not isinstance(born, dt.date) or (len(written_id) != 18 and _id_length(written_id) != 18):
            continue  # (a 15-digit ID's date is the upgrade's; a damaged one is not judged here)
        said = written[j] if has_birth[j] and 1880 <= int(written[j][:4]) <= as_of.year else ""  # (else no one's birth)
        if said:
            by[j] = "出生日期"
            if born.isoformat()[:len(said)] != said:
                out[j] = f"身份证号与花名册出生日期不符：花名册为 {said}，身份证号为 {born.isoformat()[:len(said)]}，请先核对身份证号"
        elif has_age[j]:
            by[j] = "年龄"
            age = ids.age_on(born, as_of)
            if abs(int(ages[j]) - age) > tolerance:
                out[j] = f"身份证号与花名册年龄不符：花名册为 {int(ages[j])} 岁，按身份证号为 {age} 岁，请先核对身份证号"
    if (out != "").any():
        _others_values(members, out, by, written, ages)
        _columns_disagreeing(members, out, by, dismissed)
    return out


def _others_values(members: pd.DataFrame, out: np.ndarray, by: np.ndarray, written: np.ndarray,
                   ages: np.ndarray) -> None:
    """Clear the doubts of households whose every written value is one and the same, agreeing with one member's own ID:
    a household-level cell (the head's 出生日期 or 年龄 merged over the household's rows, or copied down), not each
    member's. (One spouse's age written beside another's equal one is no such cell: the household's values differ.)"""
    household = members["household"].to_numpy(dtype=object)
    values: dict[tuple, set] = defaultdict(set)
    rows: dict[tuple, int] = defaultdict(int)
    agreeing: set[tuple] = set()
    for j in np.flatnonzero(by != "").tolist():
        key = (household[j], by[j])
        values[key].add(written[j] if by[j] == "出生日期" else int(ages[j]))
        rows[key] += 1
        if out[j] == "":
            agreeing.add(key)
    for j in np.flatnonzero(out != "").tolist():
        key = (household[j], by[j])
        if key in agreeing and rows[key] >= 2 and len(values[key]) == 1:
            out[j] = ""


def _columns_disagreeing(members: pd.DataFrame, out: np.ndarray, by: np.ndarray, dismissed: list[str] | None) -> None:
    """Clear the doubts of a roster file's column that disagrees with more than half of the IDs it was compared with
    (at least ``DOUBT_COLUMN_ROWS`` rows), saying so in ``dismissed``."""
    files = members["file"].to_numpy(dtype=object) if "file" in members.columns else np.full(len(out), "", dtype=object)
    for f in dict.fromkeys(files[out != ""].tolist()):
        for column in ("出生日期", "年龄"):
            compared = (files == f) & (by == column)
            n, k = int(compared.sum()), int((compared & (out != "")).sum())
            if n >= DOUBT_COLUMN_ROWS and 2 * k > n:
                out[compared] = ""
                if dismissed is not None:
                    dismissed.append(f"花名册“{Path(str(f)).name}”的{column}列与 {n} 人中 {k} 人的身份证号不符，"
                                     f"不像本人的{column}（可能是他人的、占位的或格式不同），未据此怀疑身份证号；"
                                     f"请核对该列与身份证号列哪一列有误")


def _id_length(written: str) -> int:
    """How many characters of an ID cell are its digits and X (' 430521 700101 111' → 15)."""
    return len(re.sub(r"[^0-9Xx]", "", unicodedata.normalize("NFKC", written)))


def _written_age(raw: object) -> int | None:
    """A roster's 年龄 cell as whole years ('56', '56岁', 56.0), None when it is none (blank, '不详', over 120)."""
    years = count(raw)
    return years if years is not None and years <= 120 else None


def _ages(births: np.ndarray, as_of: dt.date) -> np.ndarray | list:
    """Each member's age on ``as_of`` (None without a birth date), worked out once per distinct birth date, as the column
    pandas infers from those Python ints: int64, float64 with NaN for the missing ones, objects when none is known."""
    at, born = distinct(births)
    ages = [ids.age_on(b, as_of) if isinstance(b, dt.date) else None for b in born]
    if all(a is None for a in ages):
        return [None] * len(births)
    return np.array(ages, dtype=np.int64 if None not in ages else float)[at]


def _sizes_unlisted(table: Table, out: dict, household: np.ndarray, unsaid: np.ndarray, left: np.ndarray,
                    runs: np.ndarray | None = None) -> None:
    """Say the households whose written 家庭人口 is neither the number of people the roster lists for them nor their
    保障人口 (held-out 379: '4' over three rows, nothing said). A notice, not a finding: domain.md's roster faults are
    D01–D03, and the written size stays what per-person incomes are measured with (C03, C06) as before. Only in a
    roster listing most of its families whole: a roster of heads only (一户一行, members elsewhere) lists one person
    for every family by design.

    Args:
        table: the roster (its warnings get the notice).
        out: the member columns being built (household_size, covered_size, row, head_name, head_id).
        household: each row's household key.
        unsaid: the rows whose 家庭人口 was not written (counted from the rows instead).
        left: the rows left out of the household (低边, or gone by the roster's own status).
        runs: each row's run of household rows (consecutive rows of one head), when known: the common case, every
            size written being its run's rows, is told from them alone (no factorizing a city's 200,000 head IDs).
    """
    _covered_unlisted(table, out, household, left, runs)
    if not len(household) or unsaid.all():
        return
    if runs is not None and len(runs) == len(household):
        size, every = np.asarray(out["household_size"]), np.bincount(runs)
        staying = np.bincount(runs[~left], minlength=len(every)) if left.any() else every
        if ((size == every[runs]) | (size == staying[runs]) | unsaid).all():
            return
    home, _ = pd.factorize(household)
    everyone = np.bincount(home)
    staying = np.bincount(home[~left], minlength=len(everyone))
    first = np.unique(home, return_index=True)[1]
    written = ~unsaid[first] & (staying > 0)
    declared = np.asarray(out["household_size"])[first]
    covered = np.array([c or 0 for c in np.asarray(out["covered_size"], dtype=object)[first].tolist()], dtype=np.int64)
    fits = (declared == everyone) | (declared == staying) | (covered == everyone) | (covered == staying)
    odd = written & ~fits
    if not odd.any() or (written & fits).sum() <= odd.sum():
        return
    at = first[odd]
    shown = _sizes_shown(out, at, declared[odd], staying[odd])
    said = table.header_said("household_size", "家庭人口")
    note = (f"有 {int(odd.sum())} 户的“{said}”与花名册列出的成员人数不符（{'；'.join(shown)}"
                          f"{'等' if odd.sum() > 3 else ''}）：只有列出的成员参与比对，人均收入仍按“{said}”计算；"
                          "请核实是否漏列了成员或人数填错，补齐或更正后重新运行。")
    if note not in table.warnings:  # (a roster's members built twice, as a run with 15-digit IDs does, say it once)
        table.warnings.append(note)


def _sizes_shown(out: dict, at: np.ndarray, written: np.ndarray, listed: np.ndarray) -> list[str]:
    """The first three households of a size notice: row, head, masked ID, the size written and the members listed."""
    return [f"第 {row} 行 户主 {name}（{ids.mask_id(hid) if hid else '未填身份证号'}）写 {w} 人、列出 {n} 人"
            for row, name, hid, w, n in zip(np.asarray(out["row"])[at][:3].tolist(), np.asarray(out["head_name"])[at][:3].tolist(),
                                            np.asarray(out["head_id"])[at][:3].tolist(), written[:3].tolist(),
                                            listed[:3].tolist())]


def _covered_unlisted(table: Table, out: dict, household: np.ndarray, left: np.ndarray,
                      runs: np.ndarray | None = None) -> None:
    """Say the households whose written 保障人数 (保障人口) is more than the people the roster lists for them (h398: '4'
    over two rows, nothing said, as the 家庭人口 beside it fitted): covered people no check has seen. A notice, as
    :func:`_sizes_unlisted`'s: no D code (domain.md's D01–D03 are other faults); fewer is normal (members not covered).
    Only in a roster listing most of its families whole, as there.

    Args:
        table: the roster (its warnings get the notice).
        out: the member columns being built (covered_size, row, head_name, head_id).
        household: each row's household key.
        left: the rows left out of the household (低边, or gone by the roster's own status).
        runs: each row's run of household rows, when known (the common case told from them alone).
    """
    if not len(household) or "covered_size" not in out:
        return
    covered = pd.to_numeric(pd.Series(np.asarray(out["covered_size"], dtype=object)), errors="coerce").to_numpy()
    if np.isnan(covered).all():
        return
    if runs is not None and len(runs) == len(household):
        staying = np.bincount(runs[~left], minlength=int(runs.max()) + 1)
        if (np.nan_to_num(covered) <= staying[runs]).all():
            return
    home, _ = pd.factorize(household)
    staying = np.bincount(home[~left], minlength=int(home.max()) + 1)
    first = np.unique(home, return_index=True)[1]
    written = ~np.isnan(covered[first]) & (staying > 0)
    over = written & (np.nan_to_num(covered[first]) > staying)
    if not over.any() or (written & ~over).sum() <= over.sum():
        return
    at = first[over]
    shown = _sizes_shown(out, at, covered[at].astype(np.int64), staying[over])
    said = table.header_said("covered_size", "保障人数")
    note = (f"有 {int(over.sum())} 户的“{said}”多于花名册列出的成员（{'；'.join(shown)}{'等' if over.sum() > 3 else ''}）："
            "未列出的保障对象没有参与比对；请核实是否漏列了成员或人数填错，补齐或更正后重新运行。")
    if note not in table.warnings:
        table.warnings.append(note)


def _positive_count(raw: object) -> int | None:
    """A whole number above 0 (a household's size) from a cell (:func:`values.count`), else None."""
    value = count(raw)
    return value if value and value > 0 else None


def _monthly_household_income(out: dict, label: str) -> list:
    """Return declared income as the household's monthly total, reading the unit from the header.

    '家庭年收入' is divided by 12; '人均月收入' is multiplied by the household size.
    """
    values = out["declared_income"]
    factor_year = 12.0 if "年" in label else 1.0
    per_person = "人均" in label
    return [None if v is None or v != v else v / factor_year * (size if per_person else 1)
            for v, size in zip(values, out["household_size"].tolist())]


def _guess_area(village: str) -> str:
    if village.endswith(("社区", "居委会", "居委")) or "街道" in village:
        return "城市"
    if village.endswith("村"):
        return "农村"
    return ""


def _fill_places_from_address(out: pd.DataFrame) -> None:
    # A workbook with one sheet per township names the township in the sheet name.
    sheets = out["sheet"].unique()
    if named := [sh for sh in sheets if _TOWNSHIP_SHEET.match(str(sh))]:
        by_sheet = (out["township"] == "") & out["sheet"].isin(named)
        out.loc[by_sheet, "township"] = out.loc[by_sheet, "sheet"]
    # ... or one sheet per village (with its township, or not).
    places = dict(zip(sheets, (_VILLAGE_SHEET.match(str(sh)) for sh in sheets)))
    for sheet, m in places.items():
        if m:
            rows = out["sheet"] == sheet
            for fld, value in (("township", m.group(1)), ("village", m.group(2))):
                if value:
                    out.loc[rows & (out[fld] == ""), fld] = value
    # ... or one 乡镇（街道）/村（社区） column holding both ('河凤桥乡/桥口村', '汪岗镇新村', '城关镇-东街社区': held-out 171)
    both = (out["township"].to_numpy(dtype=object) == "") & (out["village"].to_numpy(dtype=object) != "")
    if both.any():
        split = {v: _TOWNSHIP_VILLAGE.fullmatch(unicodedata.normalize("NFKC", v).strip())
                 for v in pd.unique(out.loc[both, "village"])}
        # (most of them, or a village named 马乡东村 among plain ones is no township)
        for fld, k in (("township", 1), ("village", 2)) if 2 * sum(map(bool, split.values())) >= len(split) else ():
            parts = out.loc[both, "village"].map(lambda v, k=k: split[v].group(k) if split[v] else None)
            take = parts.notna()
            out.loc[take[take].index, fld] = parts[take]
    missing = (out["township"].to_numpy(dtype=object) == "") | (out["village"].to_numpy(dtype=object) == "")
    for j in out.index[missing & (out["address"].to_numpy(dtype=object) != "")]:
        m = _place_after_admin(out.at[j, "address"] or "", search=True)
        if m:
            if not out.at[j, "township"]:
                out.at[j, "township"] = m.group(1)
            if not out.at[j, "village"] and m.group(2):
                out.at[j, "village"] = m.group(2)
