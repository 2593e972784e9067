"""A quarter's folder as input: each file taken as a roster or a list kind from its headers alone.

Every file directly inside a folder (sub-folders are not entered: a quarter's folder often keeps last
quarter's or the applicants' files in one) is peeked at — its first rows only for text and Parquet,
its sheets' first rows for workbooks (a big sheet's XML cut after them, after the safety scan) — and its
header is read as each kind in turn (:func:`io.table.find_layout`). A kind is a candidate when the file has the kind's required columns and
shows something of the kind: a column of its own (``io.columns.SIGNATURE_FIELDS``, or for rosters the
benefit columns of :data:`ROSTER_FIELDS`) or a word in the title or file name (``SIGNATURE_WORDS``),
exactly what ``io.table`` demands before it accepts a list under an option. Candidates are scored by
the columns they explain, each column weighted by how few kinds it could belong to (乡镇 fits five kinds,
死亡日期 one); a word in the title or file name adds a little. The best candidate is taken when it leads
clearly; a close second is an error asking for the explicit option; a file with no candidate is
listed and skipped. New kinds in ``io.columns.REFERENCE`` join automatically.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import EncryptedFileError, InputFileError, InputFolderError, RostercheckError, UsageError
from .io.columns import (MEMBER_SLOT, KIND_LABELS, REFERENCE, REQUIRED, REQUIRED_DEFAULT, ROSTER, ROSTER_WORDS, SIGNATURE_FIELDS,
                         SIGNATURE_WORDS, SUPPORTER_SLOT, SYSTEM_LABELS, WAGE_MONTH, month_columns, option_of,
                         quarter_columns, specs_for)
from .io.ledger import ledger_labels
from .io.ledgers import CODE_TABLE_NAME
from .io.field_names import coded_header, dictionary_of, field_names, relabel
from .io.read import (PARQUET, TEXT, Grid, copy_of, file_name, fixed_width, is_xlsx, parquet_rows, read_grids, sniff_delimiter, sniff_format,
                      table_page, table_text)
from .io.system_layout import household_file, member_file
from .io.table import (EXAMPLE_CELL, EXAMPLE_ROWS, HEADER_SCAN_ROWS, OWN_REPORT_LABELS, OWN_REPORT_NEEDED, Layout,
                       count_data_rows, find_layout, load_table, members_listed, place_code_table)
from .normalize import ids
from .normalize.codes import LEGEND_RUN
from .normalize.values import header_label, text

# Columns only a benefit roster has (its programme, benefit, care and means); a roster without one of
# them, or a roster word in its title or file name, is not a roster candidate (the registry has
# 户号/户主/与户主关系 too).
# (家庭人口: a household's size beside its members is the social-assistance file's own; held-out 358: a township's member
# list with 乡镇, 村, 户主姓名, 家庭人口 and no programme word was taken as a cadre list and skipped)
ROSTER_FIELDS = ("programme", "benefit", "benefit_own", "covered_size", "support_mode", "area_type", "labour", "health",
                 "disability", "self_care", "school", "covered", "declared_income", "declared_assets", "household_size")
# Fields any list may have (a person's own identity, contact and notes): they say nothing about the kind.
COMMON_FIELDS = ("id", "name", "birth", "sex", "remark", "phone", "phone2", "address", "bank_account")
WORD_BONUS = 1.0  # a kind's word in the title or file name: as much as one column only it has
CLEAR_LEAD = 1.25  # the best kind must score this many times the second, else the file is ambiguous
# A kind scoring at least this share of the kind a file was taken as, by columns of its own, is what the file may be
# instead: said when the file is not used as its kind (Placement.others)
ALSO_SHARE = 0.5
# A column no list of the kind has: a 户籍注销 export's 死亡日期 beside its 注销日期/注销原因 makes it no exit list
# (and a 两项补贴 payment list's 发放金额/发放年月 beside its 残疾等级, 残疾人证号 make it no 残联 disability list)
# (and a pension list's 险种 or 养老金/养老保险 column beside its 开户人, 银行卡号, 发放状态 makes it no benefit ledger: held-out 209)
_NEVER = {"exits": re.compile(r"死亡(日期|时间)"), "disabled": re.compile(r"发放(金额|年月|月份|日期|标准)|补贴(类别|金额|项目)"),
          "payments": re.compile(r"险种|养老(金|保险)")}
# Words no list of the kind has in its title or file name: the 残联's 两项补贴 (困难残疾人生活补贴, 重度残疾人护理补贴) are no
# 低保/特困 money, though their lists' 补贴类别, 发放月份, 发放金额 are a ledger's columns too (a name that also says
# 低保 or 特困 may pay both)
_NEVER_NAMED = {"payments": re.compile(r"^(?!.*(低保|特困|供养|五保)).*(两项补贴|残疾人[\u4e00-\u9fff]{0,6}补[贴助]"
                                       # … nor are 人社's wages a ledger, its months' columns a wide ledger's (h367)
                                       r"|(社保|社会保险)缴费|缴费(工资|基数))", re.S),
                # … nor is a 医疗救助 list a roster of people covered, nor a list of applications refused (held-out 271:
                # 近一年低保特困申请未获批家庭名单, its 申请编号, 家庭人口 and 审批结果 a roster's, made the refused covered)
                "roster": re.compile(r"^(?!.*(低保|特困|最低生活保障|供养|五保)).*医疗救助|未获批|未纳入"
                                     r"|(不予批准|不予救助|未通过|未批准|驳回|否决)的?(家庭|人员|申请|名单|对象)", re.S)}
# Other aid no command compares (临时救助, 受灾救助 …): one-off, its 救助对象 and 救助金额 a roster's columns, its 救助事由 an
# exit's or a refusal's reason (held-out 263: a 临时救助 list in the quarter's folder was read as 低保 members, three
# uncovered families' leads lost); a file so named is none of the kinds, unless it names 低保 or 特困 too
_OTHER_AID = re.compile(r"^(?!.*(低保|特困|最低生活保障|供养|五保)).*(临时|受灾|灾害|教育|就业|住房)救助", re.S)
# Lists of events whose date column is filled on every row (see _mostly_dated)
_DATED = {"deaths": "date", "migrations": "date"}
# A column a kind reads that shows the kind only when blank on most rows: a registry's 死亡日期 (SWRQ) dates its few dead,
# filled on most rows it is a deaths list's (_mostly_dated); it does not count as a kind the label fits (_column_kinds)
_SPARSE = {"registry": ("died",)}
SHOWN = 4  # header labels named as the reason, the most telling first
PEEK_BYTES = 1 << 18  # text files: the header and the first rows are in the first 256 KB
PEEK_ROWS = HEADER_SCAN_ROWS + 40
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".csv", ".txt", ".tsv", ".parquet")
# Files this tool writes (reports, ledgers, public copies), never inputs.
OWN_OUTPUTS = re.compile(r"^(公示_)?(findings\.csv|问题清单\.xlsx|run\.json|review\.csv|回头看问题清单\.xlsx|screening\.csv|"
                         r"新申请核对结果\.xlsx|核实无问题清单\.csv)$")
_TEMP = re.compile(r"^(~\$|\.~|\.)")  # Excel/WPS lock files (~$x.xlsx), our temporary files, hidden files
_REMARK = re.compile(r"备注|说明|附注|其他|其它")  # any list has one (a pension list reads its 备注 for 补发 …)
# The clerk who keyed the record (经办人, 经办人身份证号): a routine column of any system export, no sign of a kind; a
# cadre list's made it a 近亲属备案表 as much (held-out 228)
_CLERK = re.compile(r"^经办人")
# The columns one of which a file of the kind shows, else it is none: a filing table names the relatives (亲属姓名, 与干部
# 关系), whatever else it holds (held-out 228)
_MUST_SHOW = {"cadre_relatives": ("relation", "id", "name")}


@dataclass
class Placement:
    """What one file was taken as.

    Attributes:
        path: the file.
        kind: 'roster', a reference kind, or None when the file is skipped.
        why: the deciding headers (or words), or why the file was skipped (Chinese).
        rows: data rows below the header (of every sheet the loader reads), None when not read.
        estimated: ``rows`` is an estimate (a large text file, from its first lines and its size; a big worksheet, from
            its first rows and its last row's number).
        by: 'content' (recognised here), 'option' (given explicitly), 'skipped', 'lists' (a sub-folder also given
            as ``--lists``: its files are placed on their own), or 'parent' (a sub-folder holding folders the command
            gives: :func:`_parent_why`).
    """

    path: Path
    kind: str | None
    why: str
    rows: int | None = None
    by: str = "content"
    estimated: bool = False
    also: tuple["Placement", ...] = ()  # a workbook whose sheets are lists of other kinds: one placement per kind
    seen: str | None = None  # a file skipped although recognised: the kind it looks like
    own: bool = False  # one of this tool's reports (a problem list a township filled in): review reads it, PREVIOUS
    unreadable: InputFileError | None = None  # why a file skipped could not be read (raised for a roster by name)
    applying: bool = False  # a roster whose title or name says it lists applicants (新申请家庭): screen's, no one else's
    others: tuple[str, ...] = ()  # other kinds the file looks like, by columns of its own (ALSO_SHARE), best first
    named: str = ""  # a roster's titles and file name, as placed (its period and programme: :func:`_earlier_periods`)
    pending: str = ""  # what reading a roster will decide of it, shown in the table (an earlier period of another's)
    code_table: bool = False  # a code table read with the list it is named after (io.table.companion_code_files)
    # a file of a kind's header and no data rows (or only a template's example rows): no one is left out by skipping it
    blank: bool = False
    edge: bool = False  # a 低保边缘家庭 list taken as a list of families at risk (:func:`_edge_list`)

    @property
    def label(self) -> str:
        """The Chinese name of what the file was taken as."""
        if self.kind == PREVIOUS:
            return "上期问题清单"
        if self.by == "lists":
            return "名单文件夹"
        if self.by == "parent":
            return "上级文件夹"
        if self.kind:
            return KIND_LABELS.get(self.kind, self.kind)
        if self.code_table:
            return "代码说明表（随名单读取）"
        return f"{KIND_LABELS.get(self.seen, self.seen)}（未使用）" if self.seen else "未识别，已跳过"

    def unused(self, why: str) -> None:
        """Skip a file recognised as its kind (another file of the kind is used, or the command does not read it)."""
        self.seen, self.kind, self.by, self.why = self.kind, None, "skipped", why

    def record(self, read: dict[tuple[str, str], int] | None = None) -> dict:
        """The placement as data for run.json; ``read``: (file, kind) → data rows read, which replace an estimate (a
        workbook of two lists, 公安's deaths and moves sheets, has each its own: held-out 314 gave both the second's)."""
        rows = (read or {}).get((str(self.path), self.kind), self.rows) if self.kind else self.rows
        return {"path": str(self.path), "kind": self.kind, "taken_as": self.label, "why": self.why,
                "rows": rows, "by": self.by}


# What review takes a problem list found in a folder as (Placement.kind).
PREVIOUS = "previous"


_IDLE_SHOWN = 10  # sub-folders named in the error for a folder nothing was read from (a county's 85 villages: h384)


@dataclass
class Gathered:
    """Rosters and lists gathered from files and folders.

    Attributes:
        rosters: roster files, in the order given/found.
        lists: reference kind → file.
        placements: one per file considered (folders' files and explicit files).
        warnings: files skipped and why (Chinese).
        payments: payment ledgers found (any number: one per month, or a yearly workbook).
        enrolled: rosters found in ``--lists`` folders, when the command compares with enrolled rosters (screen).
        previous: this tool's problem lists found in the folders, when the command reads them (review: the
            townships' returned workbooks).
        idle: folders given as arguments that nothing was read from, each with its sub-folders that hold a roster
            (:meth:`idle_error`).
        unread: list kind → the files of the folders that could not be read whose names name that kind, of the kinds
            the command reads and no other file gives (a check lacking one says it was given, not 未提供: h325).
    """

    rosters: list[Path] = field(default_factory=list)
    lists: dict[str, Path] = field(default_factory=dict)
    payments: list[Path] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    enrolled: list[Path] = field(default_factory=list)
    previous: list[Path] = field(default_factory=list)
    idle: list[tuple[Path, list[Path]]] = field(default_factory=list)
    unread: dict[str, list[Path]] = field(default_factory=dict)
    # list kind → further files of that kind read beside ``lists``' (a 低保边缘家庭 list beside the 防返贫 list)
    more: dict[str, list[Path]] = field(default_factory=dict)
    # a folder whose sub-folders hold rosters of a programme no roster read gives: (folder, programme, those rosters)
    below: list[tuple[Path, str, list[Path]]] = field(default_factory=list)
    # a folder holding folders the command gives → rosters below it in none of them (_rosters_left_out)
    left_out: list[tuple[Path, list[Path]]] = field(default_factory=list)
    # an idle folder → its other sub-folders, each with what its files were taken as: 'lists' (reference lists, perhaps
    # ledgers too), 'payments' (ledgers only, perhaps a 停保名单 read beside them) or '' (none of them): _idle_aside
    aside: dict[Path, list[tuple[Path, str]]] = field(default_factory=dict)
    # a folder that gave rosters only, with its sub-folders that hold lists or ledgers (as ``aside``): _lists_aside
    lists_aside: list[tuple[Path, list[tuple[Path, str]]]] = field(default_factory=list)
    # screen: a folder that gave lists and no application while its sub-folders hold the batch (申请/) and, perhaps, the
    # enrolled rosters (花名册/): (folder, the batch's sub-folders, the rosters' sub-folders): _applications_below
    applications_below: list[tuple[Path, list[Path], list[Path]]] = field(default_factory=list)
    # an idle folder → its sub-folders whose rosters all name an earlier period than the others' (left out of the
    # command)
    earlier: dict[Path, list[Path]] = field(default_factory=dict)

    @property
    def from_folders(self) -> bool:
        """Whether any file was recognised by content (a folder was given)."""
        return any(p.by != "option" for p in self.placements)

    def idle_error(self, what: str = "花名册", argv: list[str] | None = None,
                   takes: Collection[str] = ()) -> InputFileError | None:
        """The error for a folder given as an argument that nothing was read from, whatever else was given (held-out
        245: a folder of townships' sub-folders beside a 特困 roster was skipped, the run exit 0 on that roster alone).

        Args:
            what: what the folder was to hold (花名册, 新申请家庭名册).
            argv: the command line after the program's name (``audit 2026年第三季度 --out 结果``), to write the command
                to run instead; None: the command is written as ``rostercheck 命令 …`` with the folders only.
            takes: the folder options the command has (``--lists``, ``--payments``): sub-folders of lists or ledgers
                (``Gathered.aside``) are written with them, else as folders like the rosters'.
        Returns:
            The error naming the sub-folders that hold rosters (and lists and ledgers) and the whole command to give
            them with, or None when every folder gave something.
        """
        if not self.idle:
            return self._below_error() or self._aside_error(argv, takes) or self._applications_error(argv, takes)
        folder, below = self.idle[0]
        if not below:
            return InputFolderError(folder, f"这个文件夹中没有按表头内容识别为{what}的文件，也没有读取其中任何名单。"
                                          f"请直接写出{what}文件（.xlsx/.xls/.csv），或检查文件夹是否写对。")
        # named by their path below the folder: two townships' villages of one name were one bare 松杏村 each (h384)
        names = [str(p.relative_to(folder)) if p.is_relative_to(folder) else p.name for p in below]
        listed = "、".join(names[:_IDLE_SHOWN]) + (f" 等 {len(names)} 个文件夹" if len(names) > _IDLE_SHOWN else "")
        if len(names) > _IDLE_SHOWN:
            shown = " ".join(f"“{p}”" for p in below[:3]) + " …"
            return InputFolderError(folder, f"这个文件夹中没有直接存放的{what}，{what}在子文件夹 {listed} "
                                          f"中；子文件夹不会自动读取（以免混进上季度等文件）。请把要核查的子文件夹逐个写在命令中，"
                                          f"代替这个文件夹（如 {shown}），不该核查的子文件夹不要写；文件夹很多时，也可以把这些"
                                          f"{what}文件复制到一个文件夹中直接存放（文件名相同的改名），再写这一个文件夹。")
        # (h401: a quarter's folder of 花名册/, 部门数据/, 资金/ named the roster folders only; a worker who ran what it
        # said ran without any list or ledger)
        aside = self.aside.get(folder, [])
        lists = [d for d, k in aside if k == "lists"]
        ledgers = [d for d, k in aside if k == "payments"]
        other = [d for d, k in aside if not k]
        earlier = self.earlier.get(folder, [])
        said = "".join(f"；{label}在子文件夹 {'、'.join(d.name for d in dirs)} 中" for label, dirs in
                       (("比对名单", lists), ("资金发放明细", ledgers)) if dirs)
        command = _idle_command(folder, below, lists, ledgers, argv, takes)
        many = len(below) > 1
        return InputFolderError(folder, f"这个文件夹中没有直接存放的{what}，{what}在子文件夹 {listed} 中{said}；子文件夹"
                                      "不会自动读取（以免混进上季度等文件）。请改用下面的命令，把这些子文件夹写在命令中代替这个"
                                      f"文件夹：{command}"
                                      + (f" （其中不该核查的{what}文件夹，如上季度的，请从命令中删去）" if many else "")
                                      + (f" （子文件夹 {'、'.join(d.name for d in other)} 中没有识别出本命令要读取的"
                                         "文件，未写入命令）" if other else "")
                                      + (f" （子文件夹 {'、'.join(d.name for d in earlier)} 中的{what}写明的所属期早于本期（或与写入命令的相同），"
                                         "按上期文件处理，未写入命令；确是本期要核查的，请加到命令中）" if earlier else ""))


    def _aside_error(self, argv: list[str] | None, takes: Collection[str]) -> InputFileError | None:
        """The error for a folder that gave rosters and nothing else while its sub-folders hold this quarter's lists or
        ledgers (h420: 花名册 beside 部门数据/ and 资金发放/ ran with the rosters alone, exit 1, every C, F and RQ check
        未提供 but for a notice per sub-folder), with the command that gives them by --lists/--payments."""
        if not self.lists_aside:
            return None
        folder, aside = self.lists_aside[0]
        lists = [d for d, k in aside if k == "lists"]
        ledgers = [d for d, k in aside if k == "payments"]
        said = "、".join(f"{label}在子文件夹 {'、'.join(d.name for d in dirs)} 中" for label, dirs in
                        (("比对名单", lists), ("资金发放明细", ledgers)) if dirs)
        command = _idle_command(folder, [folder], lists, ledgers, argv, takes)
        return InputFolderError(folder, f"这个文件夹中直接存放的只有花名册，没有比对名单；{said}。子文件夹不会自动读取（以免"
                                        "混进上季度等文件），不读取它们，需要比对名单（或发放明细）的各项核查都无法进行。请改用"
                                        f"下面的命令，把这些子文件夹写在命令中：{command} （其中不是本期的子文件夹请从命令中删去）")

    def _applications_error(self, argv: list[str] | None, takes: Collection[str]) -> InputFileError | None:
        """The error for a quarter's folder given to screen whose lists lie loose at its top while the batch and the
        enrolled rosters are in sub-folders (申请/, 花名册/): it read the lists and no application, and said only that
        no batch was found (h430), with the command that gives the batch's folder and the others by --lists."""
        if not self.applications_below:
            return None
        folder, batch, rolls = self.applications_below[0]
        said = f"新申请家庭名册在子文件夹 {'、'.join(d.name for d in batch)} 中"
        if rolls:
            said += f"，在册花名册在子文件夹 {'、'.join(d.name for d in rolls)} 中"
        command = _idle_command(folder, batch, [folder, *rolls], [], argv, takes, repeatable=("--lists",))
        return InputFolderError(folder, f"这个文件夹中直接存放的是比对名单，没有新申请家庭名册；{said}。子文件夹不会自动读取"
                                        "（以免混进上季度等文件）。请改用下面的命令，把申请名册所在的子文件夹写在命令中，"
                                        f"这个文件夹{'和在册花名册所在的子文件夹' if rolls else ''}用 --lists 给出：{command}"
                                        + (" （其中不是本期新申请的文件夹请从命令中删去）" if len(batch) > 1 else ""))

    def _below_error(self) -> InputFileError | None:
        """The error for a folder that gave rosters of one programme while its sub-folders hold the other's (h356: the
        townships' 低保 rosters in 乡镇报送/城关镇/… beside the 特困 roster: audited the 特困 roster alone, exit 0)."""
        if not self.below and self.left_out:
            parent, found = self.left_out[0]
            dirs = list(dict.fromkeys(p.parent for p in found))
            shown = " ".join(f"“{d}”" for d in dirs[:3]) + (" …" if len(dirs) > 3 else "")
            return InputFolderError(parent, f"命令中写了这个文件夹下的部分子文件夹，另有 {len(found)} 个花名册所在的文件夹没有写（如 "
                                            f"{found[0].relative_to(parent)}），这些对象不会被核查。请把它们的文件夹也写在命令中（如 "
                                            f"{shown}）；它们不是本期要核查的，请移出该文件夹。")
        if not self.below:
            return None
        folder, programme, found = self.below[0]
        read = "、".join(p.name for p in self.rosters) or "无"
        dirs = list(dict.fromkeys(p.parent for p in found))
        shown = " ".join(f"“{d}”" for d in dirs[:3]) + (" …" if len(dirs) > 3 else "")
        return InputFolderError(folder, f"文件夹中直接存放的花名册（{read}）没有{programme}花名册，而子文件夹中有 {len(found)} 个"
                                        f"{programme}花名册（如 {found[0].relative_to(folder)}）；子文件夹不会自动读取，只核查直接存放的"
                                        f"花名册会漏掉这些{programme}对象。请把存放它们的子文件夹逐个写在命令中（如 {shown}），"
                                        f"或把它们移到该文件夹中直接存放；它们不是本期要核查的，请移出该文件夹。")


@dataclass
class _Score:
    kind: str
    score: float
    evidence: list[str]  # the most telling header labels (and the word) that decided
    # the sheets read as the kind: (rows below the header, layout, rows of a big sheet past those peeked at)
    sheets: list[tuple[list, Layout, int]]
    own: bool = True  # a column only this kind has (not just a word in the title or file name)
    named: str = ""  # the titles above the headers and the file name, as the kind's words were looked for in them
    by_name: bool = False  # the kind's word is in the file name only, not in a title: the clerk's words, not the sender's
    labels: frozenset = frozenset()  # every header label counted for the kind (but a field of _SPARSE)

    @cached_property
    def rows(self) -> int:
        """Data rows below the header of the sheets the loader reads as the kind; counted only when asked for (a folder's
        classification asked every kind of every file: a third of its time on a 36,000-row wage list, held-out 224)."""
        return sum(count_data_rows(rows, layout) + past for rows, layout, past in self.sheets)


def kinds() -> list[str]:
    """Every kind a file can be taken as: 'roster', then the reference kinds of ``io.columns``.

    Returns:
        The kinds.
    """
    return ["roster", *REFERENCE]


def peek(path: Path) -> tuple[list[Grid], int | None]:
    """Read a file's first rows: every sheet of a workbook, the head of a text or Parquet file.

    Args:
        path: the file.
    Returns:
        (grids, the estimated line count of a text file longer than its head, else None: a text file that fits in
        :data:`PEEK_BYTES` comes whole).
    Raises:
        InputFileError: when the file cannot be read.
    """
    fmt = sniff_format(path)
    if fmt == PARQUET:
        return [_named_by_dictionary(Grid(path, "", parquet_rows(path, PEEK_ROWS), 1, [], PARQUET))], None
    if fmt != TEXT or table_page(path):
        # workbooks: the safety checks first, then every visible sheet (a big one cut after its first rows); a web
        # page's tables whole (a system's export under an .xls name)
        grids = read_grids(path, head=PEEK_ROWS)
        if any(coded_header(g) for g in grids):  # a header of field codes, named by a data dictionary (held-out 381)
            names = dictionary_of(path, head=PEEK_ROWS)
            for grid in grids:
                relabel(grid, names)
        return grids, None
    with path.open("rb") as fh:
        data = fh.read(PEEK_BYTES)
        size = path.stat().st_size
    if size > len(data):
        cut = data.rfind(b"\n")
        if cut <= 0:  # not one line end in the first 256 KB: no table's first rows (held-out 341: a 50 MB line)
            raise InputFileError(path, f"第 1 行过长（前 {PEEK_BYTES // 1024} KB 中没有换行）：表格的一行不会这么长，"
                                       "可能是导出时损坏或缺少换行；请用 Excel/WPS 打开检查后另存为 .xlsx 或 .csv 再试，"
                                       "或从原系统重新导出。")
        data = data[: cut + 1]
    content = table_text(data, path)
    lines = content.splitlines()
    whole = size <= len(data)
    delimiter = sniff_delimiter(lines[:50])
    if (aligned := fixed_width(content, lines[:50], delimiter)) is not None:  # a bank's fixed-width text (h443)
        lines, delimiter = aligned.splitlines(), "\t"
    reader = csv.reader(io.StringIO("\n".join(lines if whole else lines[:PEEK_ROWS]), newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputFileError(path, "CSV 格式有误（引号不配对或含有非法字符），请用 Excel/WPS 打开后另存为 .csv 再试。") from exc
    estimate = None if whole else int(len(lines) * size / max(len(data), 1))
    return [_named_by_dictionary(Grid(path, "", rows, 1, [], TEXT))], estimate


def _named_by_dictionary(grid: Grid) -> Grid:
    """A CSV or Parquet list's first rows, a header of field codes read through the dictionary file named after it
    (h391: a folder's coded deaths list was skipped as no list; a workbook's own dictionary is read in :func:`peek`)."""
    if coded_header(grid):
        from .io.table import companion_code_files, companion_grids

        relabel(grid, field_names(companion_grids(companion_code_files(grid.path), None, PEEK_ROWS)))
    return grid


def _column_kinds(label: str, cache: dict[str, int]) -> int:
    """How many kinds have a field (not a positional fallback) that this label names.

    Common fields count: 经办人姓名 is the cadre list's own name as much as the filing table's cadre.
    """
    if label not in cache:
        cache[label] = sum(1 for k in kinds() if any(
            s.weight > 0 and s.fit(label) is not None and s.field not in _SPARSE.get(k, ()) for s in specs_for(k)))
    return cache[label]


def _own_fields(kind: str) -> tuple[str, ...]:
    return ROSTER_FIELDS if kind == "roster" else SIGNATURE_FIELDS.get(kind, ())


def _words(kind: str) -> str:
    return ROSTER_WORDS if kind == "roster" else SIGNATURE_WORDS.get(kind, r"(?!)")


def score_kinds(path: Path, grids: list[Grid]) -> list[_Score]:
    """Score every kind a file could be (candidates only), best first.

    Args:
        path: the file.
        grids: its sheets' first rows (see :func:`peek`).
    Returns:
        The candidates with their scores and the header labels that decided.
    """
    cache: dict[str, int] = {}
    found = []
    for kind in kinds():
        total, evidence, own, required_ok, sheets, titles, shown, counted = 0.0, [], False, False, [], [], set(), set()
        specs = specs_for(kind)
        for grid in grids:
            sample = Grid(grid.path, grid.sheet, [list(r) for r in grid.rows[:PEEK_ROWS]], grid.first_row,
                          list(grid.merged), grid.fmt)
            layout = find_layout(sample, kind)
            if layout is None:
                continue
            title = _title_words(layout.title)
            titles.append(title)
            if kind in _NEVER and any(_NEVER[kind].search(label) for label in layout.labels):
                continue
            if (kind in _DATED and not _mostly_dated(grid.rows[layout.start:], layout.mapping.get(_DATED[kind]))
                    and not re.search(_words(kind), f"{title} {path.stem}")):
                continue  # a registry or roster export with a 死亡日期 column blank on most rows: no list of deaths
            # (a roster's household table exported apart from its members' names no member ID: io.table.household_files_joined)
            if ((all(f in layout.mapping for f in REQUIRED.get(kind, REQUIRED_DEFAULT))
                 or (kind == "roster" and (household_file([layout.mapping]) or members_listed(grid.rows[layout.start:],
                                                                                              layout.mapping)
                                           # (members in columns beside the head's, 配偶身份证号: held-out 373)
                                           or any(f.startswith(MEMBER_SLOT) and f.endswith(":id") for f in layout.mapping))))
                    and (kind != "payments" or _payees(layout))):
                required_ok = True
                # the loader reads every such sheet; the rows of a big sheet past those peeked at counted as data
                sheets.append((grid.rows[layout.start:], layout, max(grid.height - len(grid.rows), 0)))
            for fld, col in layout.mapping.items():
                label = layout.labels[col] if col < len(layout.labels) else ""
                label = SYSTEM_LABELS.get(label.upper(), label)  # SWRQ is 死亡日期's evidence
                if _CLERK.match(label) or not any(
                        s.field == fld and s.weight > 0 and s.fit(label) is not None for s in specs):
                    continue  # found by content or by a positional fallback, or the clerk's: no evidence of the kind
                if fld in _SPARSE.get(kind, ()) and _mostly_dated(grid.rows[layout.start:], col):
                    continue
                shown.add(fld)
                if fld in COMMON_FIELDS or _REMARK.fullmatch(label):
                    continue  # a person's own ID, name … or a bare 备注: any list has them
                weight = 1 / max(_column_kinds(label, cache), 1)
                total += weight
                evidence.append((weight, label))
                if fld not in _SPARSE.get(kind, ()):  # (a registry's few 死亡日期 are no registry column a deaths list lacks)
                    counted.add(label)
                own = own or fld in _own_fields(kind)
            if kind == "payments":  # a wide ledger: one amount column per month (1月 … 12月, 2025年7月 …) or quarter
                months = month_columns(layout.labels)
                quarters = {} if months else quarter_columns(layout.labels)  # (一季度 …, 1-3月 …: h377, taken as pensions)
                if months or quarters:
                    total += 1.0
                    own = True
                    evidence.append((1.0, f"{len(months)} 个月份金额列" if months else f"{len(quarters)} 个{'半年' if len(quarters) == 2 and set(quarters.values()) >= {('', '07-12', '')} else '季度'}金额列"))
            if kind == "wages":  # a wage per month (1月 … 12月, 2026年7月 …): as a wide ledger's months (h367)
                wide = [f for f in layout.mapping if f.startswith(WAGE_MONTH)]
                if wide:
                    total += 1.0
                    own = True
                    evidence.append((1.0, f"{len(wide)} 个月份工资列"))
        named = " ".join([*titles, path.stem])
        if (not required_ok or (kind in _NEVER_NAMED and _NEVER_NAMED[kind].search(named)) or _OTHER_AID.search(named)
                or (kind in _MUST_SHOW and not shown & set(_MUST_SHOW[kind]))):
            continue
        word = re.search(_words(kind), named)
        if not own and word is None:
            continue
        labels = list(dict.fromkeys(label for _, label in sorted(evidence, key=lambda e: -e[0])))[:SHOWN]
        by_name = word is not None and re.search(_words(kind), " ".join(titles)) is None
        if word is not None:
            total += WORD_BONUS
            labels.append(f"文件名中的“{word.group()}”字样" if by_name else f"“{word.group()}”字样")
        found.append(_Score(kind, total, labels, sheets, own, named, by_name, frozenset(counted)))
    found.sort(key=lambda s: -s.score)
    return found


def _title_words(title: str) -> str:
    """The text above a header as a kind's words are looked for in it: a code legend's meanings left out ('RYZT 1-正常
    2-死亡注销 3-迁出注销' over a 常住人口 export says what its status codes mean, not that it lists deaths or moves:
    held-out 246, the registry was taken as a second deaths list)."""
    return re.sub(LEGEND_RUN, " ", unicodedata.normalize("NFKC", title)) if title else title


def _mostly_dated(rows: list[list], col: int | None) -> bool:
    """Whether the event date column is filled on half the rows peeked at or more (every row of a deaths or moves
    list has its date; a registry export's 死亡日期 is blank but for a few)."""
    if col is None:
        return True
    filled = [bool(str(r[col] if col < len(r) and r[col] is not None else "").strip()) for r in rows if any(
        str(c or "").strip() for c in r)]
    return len(filled) < 4 or sum(filled) * 2 >= len(filled)


def _payees(layout) -> bool:
    """Whether a sheet a ledger's columns fit is one :func:`io.ledgers.read_ledger` reads: it names who is paid, or is a
    care homes' transfer table. A money summary of townships (户数, 人数, 发放金额, held-out 101) is no ledger, and a
    folder's file of it is passed over as unrecognised."""
    from .io.ledgers import care_homes_table, names_payees

    return names_payees(layout.mapping) or care_homes_table(layout.labels)


def _unsaved_said(path: Path, grids) -> str:
    """Why a workbook's columns may not have been recognised: cells that are formulas the file holds no value of (read
    blank; held-out 168: a 特困 roster whose IDs are VLOOKUPs nobody saved, skipped as unrecognised)."""
    if not is_xlsx(path):
        return ""
    from .io.limits import unsaved_formulas

    count = sum(sum(unsaved_formulas(path, g.sheet).values()) for g in grids)
    return (f"（文件中有 {count} 个公式单元格没有保存计算结果，读出为空，可能因此认不出；请用 Excel 或 WPS 打开该文件、保存后重新运行）"
            if count else "")


def _flag(kind: str) -> str:
    return "花名册（直接写在命令中）" if kind == "roster" else option_of(kind)


_WATCHERS: list = []  # callbacks told of each file about to be recognised (:func:`watching`)


@contextmanager
def watching(step) -> Iterator[None]:
    """Tell ``step(path)`` of each file :func:`classify_file` looks at while inside (the CLI's progress line).

    Args:
        step: the callback.
    """
    _WATCHERS.append(step)
    try:
        yield
    finally:
        _WATCHERS.remove(step)


def classify_file(path: Path, explicit: Iterable[str] = (), wanted: Collection[str] | None = None) -> Placement:
    """Take one file as a roster or a list kind from its headers (see the module docstring).

    Args:
        path: the file.
        explicit: the kinds given by their options (a file that could be either of two such kinds is skipped).
        wanted: the kinds the command reads (None: all); a kind it does not read rivals none of them.
    Returns:
        The placement (kind None when no kind fits).
    Raises:
        UsageError: when two kinds fit about equally well (the user must give the file explicitly).
    """
    path = Path(path)
    for step in _WATCHERS:
        step(path)
    try:
        grids, estimate = peek(path)
    except InputFileError as exc:
        return Placement(path, None, f"无法读取：{exc.message}", None, "skipped", unreadable=exc)
    if _own(grids):
        return Placement(path, None, "本工具生成的报告（按表头判断，文件已改名）", None, "skipped", own=True)
    returned = _retyped_return(grids)  # (review reads one found in a folder as one written out: held-out 196)
    if returned or _rectification_ledger(grids):
        return Placement(path, None, "像乡镇填报的整改台账（有“整改措施”“整改情况”等列），不是名单；上期问题的整改情况请用 review 命令核对",
                         None, "skipped", own=returned)
    scores = score_kinds(path, grids)
    if scores and not any(c.own for c in scores) and _code_table(path, grids):
        lists = _lists_explained(path)
        if lists:  # a list's own dictionary (防返贫监测对象_数据字典.xlsx), liked for its name alone (held-out 382)
            return Placement(path, None, f"是代码说明表：用于读取{''.join(f'《{p.name}》' for p in lists)}中的代码列，"
                                         "不作为名单读取", None, "skipped", code_table=True)
        if _rosters_explained(path):
            # (h460: the folder's 数据字典 whose last row, 证件类型 | 1 | 居民身份证, names a roster column was said to be
            # a roster "只有表头、没有数据行（空白模板？）" while its codes were read for the rosters beside it)
            said = _ROSTERS_CODE_TABLE_SAID
            if place_code_table(path):
                said += "；其中的区划代码用于显示花名册中只写了代码的乡镇、村的名称"
            return Placement(path, None, said, None, "skipped", code_table=True)
    if not scores:
        tops = (str(c) for g in grids for row in g.rows[:3] for c in row if c is not None)  # (titles, headers)
        aid = _OTHER_AID.search(" ".join([*tops, path.stem]))
        if aid is None and _code_table(path, grids):  # (held-out 314: said as any file of no list's columns)
            places = bool(place_code_table(path))
            lists = _lists_explained(path)
            rosters = _rosters_explained(path) if not lists else False
            if places and not rosters:  # (held-out 369: said to be for payment ledgers only, its names unread)
                return Placement(path, None, "是区划代码表：花名册中只写了区划代码的乡镇、村按其中的名称显示，不作为名单读取",
                                 None, "skipped", code_table=True)
            said = (f"是代码说明表：用于读取{''.join(f'《{p.name}》' for p in lists)}中的代码列，不作为名单读取" if lists
                    else _ROSTERS_CODE_TABLE_SAID if rosters else _CODE_TABLE_SAID)
            if places:  # (a system's 数据字典 of its rosters naming the townships by code too: h456)
                said += "；其中的区划代码用于显示花名册中只写了代码的乡镇、村的名称"
            return Placement(path, None, said, None, "skipped", code_table=bool(lists) or rosters)
        return Placement(path, None, f"是{aid.group(2)}救助的名单，不是本工具比对的名单" if aid else
                         "表头中没有花名册或任何一类名单应有的列" + _unsaved_said(path, grids), None, "skipped")
    # Columns decide; a word in the title or file name only assists: a kind with a column of its own goes first,
    # and a kind named by a word alone does not rival it.
    best = next((c for c in scores if c.own), scores[0])
    scores, renamed = _name_contradicted(scores, best)
    best = next((c for c in scores if c.own), scores[0]) if scores else best
    if not best.rows or _examples_only(best):
        example = "和填表示例行（如“XX镇”“示例”）" if best.rows else ""
        return Placement(path, None, f"像{KIND_LABELS[best.kind]}，但只有表头{example}、没有数据行（空白模板？）；"
                                     f"如确为本期名单，请用 {_flag(best.kind)} 明确指定", None, "skipped", seen=best.kind,
                         blank=True)
    rivals = [c for c in scores if c is not best and (c.own or not best.own)]
    if wanted is not None and best.kind not in wanted and (applying := _applications_asked(best, rivals, wanted)):
        best, rivals = applying, [c for c in rivals if c is not applying]
    if wanted is not None and best.kind not in wanted:
        close = [c for c in rivals if c.kind in wanted and c.score * CLEAR_LEAD > best.score]
        other = f"；如是{KIND_LABELS[close[0].kind]}，请用 {_flag(close[0].kind)} 指定" if close else ""
        return Placement(path, None, f"像{KIND_LABELS[best.kind]}（本命令不使用这类名单）{other}", None, "skipped",
                         seen=best.kind)
    if wanted is not None:
        rivals = [c for c in rivals if c.kind in wanted]
    if (rivals and rivals[0].score * CLEAR_LEAD > best.score and {best.kind, rivals[0].kind} == {"roster", "payments"}
            and _lists_relations(grids)):
        # a roster titled 发放花名册 with 金额 and 卡号 columns: its members' 与户主关系 says it is no ledger (held-out 166)
        best = next(c for c in (best, rivals[0]) if c.kind == "roster")
        rivals = [c for c in rivals if c.kind != "payments" and c is not best]
    if (rivals and rivals[0].score * CLEAR_LEAD > best.score and {best.kind, rivals[0].kind} == {"roster", "payments"}
            and _pays_by_month(grids)):
        # a care homes' 集中供养资金拨付表 (供养机构, 基本生活费 beside 资金项目, 所属月份): the month each row is paid for
        # says it is a ledger, no roster (held-out 424: the folder's command left the ledgers out)
        best = next(c for c in (best, rivals[0]) if c.kind == "payments")
        rivals = [c for c in rivals if c.kind != "roster" and c is not best]
    edge = False
    if rivals and rivals[0].score * CLEAR_LEAD > best.score and {best.kind, rivals[0].kind} == {"roster", "monitoring"}:
        edge = _edge_list(next(c for c in (best, rivals[0]) if c.kind == "roster"))
        if edge:  # a 低保边缘家庭 list: families at risk, none enrolled (held-out 390: coverage stopped on it)
            best = next(c for c in (best, rivals[0]) if c.kind == "monitoring")
            rivals = [c for c in rivals if c.kind != "roster" and c is not best]
    monitored_edge = best.kind == "monitoring" and not edge  # (a 低保边缘 list with no roster rival close: h398)
    if monitored_edge:
        as_roster = next((c for c in scores if c.kind == "roster"), None)
        edge = _edge_list(as_roster) if as_roster is not None and as_roster.sheets else _edge_named(path)
    if rivals and rivals[0].score * CLEAR_LEAD > best.score and (moves := _cancellations(best, rivals[0])):
        best, rivals = moves, [c for c in rivals if c is not moves]  # (its deaths read by their cause: h389)
    if rivals and rivals[0].score * CLEAR_LEAD > best.score:
        second = rivals[0]
        split = _by_sheet(path, grids, wanted, rivals=(best.kind, second.kind))
        if split is not None:  # (公安: 户籍迁出 and 服刑在押 on two sheets, the workbook as a whole like both: held-out 232)
            return split
        if {best.kind, second.kind} <= set(explicit):
            return Placement(path, None, f"既像{KIND_LABELS[best.kind]}又像{KIND_LABELS[second.kind]}，"
                                         f"这两类都已由 {_flag(best.kind)}、{_flag(second.kind)} 指定", None, "skipped")
        raise UsageError(
            f"文件“{path}”既像{KIND_LABELS[best.kind]}（依据：{'、'.join(best.evidence)}），"
            f"又像{KIND_LABELS[second.kind]}（依据：{'、'.join(second.evidence)}），无法自动判断。"
            f"请用 {_flag(best.kind)} 或 {_flag(second.kind)} 明确指定该文件（或把它移出文件夹）。")
    rows, estimated = best.rows, estimate is not None or any(g.height > len(g.rows) for g in grids)
    if estimate is not None:  # a long text file: the lines past its head
        rows = best.rows + estimate - len(grids[0].rows)
    split = _by_sheet(path, grids, wanted) if best.kind != "roster" else None
    if split is not None:  # a workbook of several lists (公安: 死亡注销 and 迁出): each sheet its kind
        return split
    applying = best.kind == "roster" and (bool(_APPLYING.search(best.named)) or _applying_columns(best))
    others = tuple(c.kind for c in scores if c is not best and c.own and c.score >= best.score * ALSO_SHARE)
    why = "、".join(dict.fromkeys(best.evidence)) + renamed + (
        ("（低保边缘家庭名单）" if monitored_edge else EDGE_WHY) if edge else "")
    return Placement(path, best.kind, why, rows, estimated=estimated, applying=applying, others=others,
                     named=best.named if best.kind == "roster" else "", edge=edge)


# Said of a 低保边缘家庭 list taken as a list of families at risk (``--monitoring``), not as a roster
EDGE_WHY = "（保障类别都是低保边缘：低保边缘家庭名单，按困难家庭名单读取，不是花名册）"


def _edge_named(path: Path) -> bool:
    """Whether a list's file name names 低保边缘家庭 (its sheets scored as no roster: no 保障类别 cell to read)."""
    from .roster import edge_said

    return edge_said(path.stem)


def _edge_list(roster: _Score) -> bool:
    """Whether a file a roster's columns fit lists 低保边缘 families only: its 保障类别 (救助类别) cells all say 低保边缘
    (低边), or, none written, its title or name does. Such families receive no 低保 or 特困 (the audit leaves their rows
    out), and coverage sieves them as it does monitoring households: a lead when their income is below the standard, a
    severely disabled member enrolled alone (单人户施保).

    Args:
        roster: the file scored as a roster.
    Returns:
        True for a 低保边缘 list.
    """
    from .roster import edge_said

    cells = {text(row[layout.mapping["programme"]]) for rows, layout, _ in roster.sheets if "programme" in layout.mapping
             for row in rows if layout.mapping["programme"] < len(row)} - {""}
    return all(edge_said(c) for c in cells) if cells else edge_said(roster.named)


# A template's example row: a placeholder place or name (XX镇, ××村, 某某村) or a cell saying it is an example (示例, 样例)


def _examples_only(best: _Score) -> bool:
    """Whether a file's few data rows are all a template's example rows (held-out 384: a county's blank roster template
    with its row 'XX镇 | XX村 | 张三 | 431128199001011234' sent with the villages' files was read, D03 高 on 张三).

    Args:
        best: the kind the file is taken as, with its sheets.
    Returns:
        True when there are at most :data:`EXAMPLE_ROWS` data rows and every one holds an example cell.
    """
    if best.rows > EXAMPLE_ROWS:
        return False
    examples = sum(1 for rows, layout, past in best.sheets if not past for row in rows
                   if any(isinstance(c, str) and EXAMPLE_CELL.search(c.strip()) for c in row)
                   and count_data_rows([row], layout))  # (a note below the table saying 示例 is no data row)
    return examples >= best.rows


def _applications_asked(best: _Score, rivals: list[_Score], wanted: Collection[str]) -> _Score | None:
    """The roster reading of a batch of new applications that looks like a refused-applications list (申请人,
    申请日期, 办理状态 with a few 已否决 among 已受理, 审核中) for a command that wants rosters and no refused list (screen):
    its titles or name say it lists applicants (新申请, 待审批) and nothing says refused (h410: a folder's 新申请家庭汇总表
    was skipped as 未获批申请名单, the screen stopped with nothing to read); None otherwise."""
    if best.kind != "rejected" or "roster" not in wanted:
        return None
    # (any roster reading: a batch titled without 低保 scores lower as one; its decided families are left out by their
    # status all the same, ``applications.pending_applications``)
    roster = next((c for c in rivals if c.kind == "roster"), None)
    if roster is None or not _APPLYING.search(roster.named) or _REFUSED_NAMED.search(roster.named):
        return None
    return roster


# a title or file name saying its applicants were refused or left (未获批申请名单, 不予批准家庭, 退出名单)
_REFUSED_NAMED = re.compile(r"未获批|未获|不予|未通过|不通过|驳回|否决|未批准|退出|停保|取消")


def _name_contradicted(scores: list[_Score], best: _Score) -> tuple[list[_Score], str]:
    """The candidates with the file name's words left out when the header contradicts the name: the kind the name
    alone put first is led clearly by another kind's columns (h356: the cadres list saved as 财政供养人员名单.xls was
    taken as the staff list by its name, its 职务/乡镇/村 a cadre list's; RQ lost, C07 from cadres). A clerk names files;
    the header is what the sending department wrote.

    Returns:
        (the candidates, best first, each scored without a word found in the file name only — those only the name made
        candidates dropped; and the note for the placement), or the candidates unchanged and ''.
    """
    if not best.by_name:
        return scores, ""
    columns = {id(c): c.score - (WORD_BONUS if c.by_name else 0.0) for c in scores}  # titles keep their words
    lead = max((c for c in scores if c.own), key=lambda c: columns[id(c)], default=best)
    # (a column of the name's kind the leading kind has not, 死亡日期 in a registry-like file named 死亡人员名单, is the
    # header agreeing with the name)
    if lead is best or columns[id(lead)] <= columns[id(best)] * CLEAR_LEAD or not best.labels <= lead.labels:
        return scores, ""
    out = []
    for c in scores:
        if not c.by_name:
            out.append(c)
        elif c.own:  # its columns stay; the name's word goes
            out.append(_Score(c.kind, columns[id(c)], [e for e in c.evidence if not e.startswith("文件名中")], c.sheets,
                              c.own, c.named, False, c.labels))
    out.sort(key=lambda s: -s.score)
    return out, f"（文件名像{KIND_LABELS.get(best.kind, best.kind)}，但表头是{KIND_LABELS.get(lead.kind, lead.kind)}的列，按表头识别）"


def _cancellations(best: _Score, second: _Score) -> _Score | None:
    """The moves reading of a 户口注销 export of deaths and moves alike (注销类别 死亡 / 迁出 beside 迁往地区划代码), as like a
    deaths list as a moves list: as the moves its deaths are read by their cause (C02 ``_cancelled_for_death``) and its
    moves by their destination, while as the deaths its moves would be left out (h389: the folder stopped, "无法自动判断").
    None for other rivals, or a file without both a cause and a destination on every sheet."""
    moves = next((c for c in (best, second) if c.kind == "migrations"), None)
    if {best.kind, second.kind} != {"deaths", "migrations"} or not moves.sheets:
        return None
    full = all("cause" in layout.mapping and ({"dest", "dest_code"} & set(layout.mapping))
               for _, layout, _ in moves.sheets)
    return moves if full else None


def _by_sheet(path: Path, grids: list[Grid], wanted: Collection[str] | None,
              rivals: tuple[str, str] | None = None) -> Placement | None:
    """A workbook whose sheets are lists of different kinds placed once per kind (its sheets of that kind), else None.

    Args:
        path: the workbook.
        grids: its sheets' first rows.
        wanted: the kinds the command reads (None: all).
        rivals: the two kinds the workbook as a whole looks like about equally (None: it clearly is one). Then each
            of them must be some sheet's clear kind and no sheet may look like either without being clearly one kind:
            a sheet that is itself both stays the user's to name.
    Returns:
        The placement of the first kind, the others in ``also``; None when the sheets are not lists of several kinds.
    """
    if len(grids) < 2 or (rivals is not None and "roster" in rivals):
        return None
    sheets = _sheet_kinds(path, grids, wanted)
    joined = _members_of_monitoring(path, grids, sheets)
    if joined != sheets and set(joined.values()) == {"monitoring"}:
        evidence = score_kinds(path, [g for g in grids if g.sheet in joined])[0].evidence
        return Placement(path, "monitoring", f"工作表“{'”“'.join(joined)}”：{'、'.join(evidence)}（家庭成员工作表按户编号与监测户对应）")
    sheets = joined
    if len(set(sheets.values())) < 2:
        return None
    if rivals is not None:
        if not set(rivals) <= set(sheets.values()):
            return None
        for grid in grids:
            if grid.sheet not in sheets and any(c.kind in rivals for c in score_kinds(path, [grid]) if c.rows):
                return None
    by_kind: dict[str, list[str]] = {}
    for sheet, kind in sheets.items():
        by_kind.setdefault(kind, []).append(sheet)
    placed = []
    for kind, names in by_kind.items():
        evidence = score_kinds(path, [g for g in grids if g.sheet in names])[0].evidence
        placed.append(Placement(path, kind, f"工作表“{'”“'.join(names)}”：{'、'.join(evidence)}"))
    return Placement(path, placed[0].kind, placed[0].why, also=tuple(placed[1:]))


def _household_numbers(path: Path, grid: Grid, kind: str) -> set[str]:
    """The 户编号 (户号) cells of a sheet's first rows, read as the kind reads them."""
    score = next((c for c in score_kinds(path, [grid]) if c.kind == kind), None)
    out: set[str] = set()
    for rows, layout, _ in score.sheets if score is not None else ():
        col = layout.mapping.get("household_no")
        if col is not None:
            out |= {str(r[col]).strip() for r in rows if col < len(r) and r[col] is not None and str(r[col]).strip()}
    return out


def _members_of_monitoring(path: Path, grids: list[Grid], sheets: dict[str, str]) -> dict[str, str]:
    """Sheets read as a registry by their own columns (户编号, 成员姓名, 证件号码, 与户主关系) whose household numbers are
    mostly those of the workbook's monitoring sheets: a 防返贫 export's 家庭成员 sheet beside its 监测户 sheet, part of the
    monitoring list (held-out 422: a folder run stopped on two registries, the real one and this sheet)."""
    mon = [g for g in grids if sheets.get(g.sheet) == "monitoring"]
    reg = [g for g in grids if sheets.get(g.sheet) == "registry"]
    if not mon or not reg:
        return sheets
    numbers = set().union(*(_household_numbers(path, g, "monitoring") for g in mon))
    out = dict(sheets)
    for g in reg:
        own = _household_numbers(path, g, "registry")
        if own and 2 * len(own & numbers) >= len(own):
            out[g.sheet] = "monitoring"
    return out


def _lists_relations(grids: list[Grid]) -> bool:
    """Whether a file's header (as a roster reads it) has a 与户主关系 column: a roster's, never a payment ledger's."""
    for grid in grids:
        sample = Grid(grid.path, grid.sheet, [list(r) for r in grid.rows[:PEEK_ROWS]], grid.first_row, list(grid.merged),
                      grid.fmt)
        layout = find_layout(sample, "roster")
        if layout is not None and "relation" in layout.mapping:
            return True
    return False


# The label of a ledger's month a payment is for (所属月份, 所属期, 发放月份, 拨付年月): no roster column
_PAID_MONTH = re.compile(r"所属|(?:发放|拨付)(?:月份|年月)")


def _pays_by_month(grids: list[Grid]) -> bool:
    """Whether a sheet's header (as a ledger reads it) has the month a payment is for beside its 资金项目 or 发放状态
    and no 与户主关系: a payment ledger's, never a roster's."""
    for grid in grids:
        sample = Grid(grid.path, grid.sheet, [list(r) for r in grid.rows[:PEEK_ROWS]], grid.first_row, list(grid.merged),
                      grid.fmt)
        layout = find_layout(sample, "payments")
        if (layout is None or "month" not in layout.mapping or not _PAID_MONTH.search(layout.labels[layout.mapping["month"]])
                or not {"item", "status"} & set(layout.mapping)):
            continue
        roster = find_layout(sample, "roster")
        if roster is None or "relation" not in roster.mapping:
            return True
    return False


# A roster's title or file name saying it lists applicants, not people enrolled (2025年9月新申请家庭名册)
_APPLYING = re.compile(r"新申请|申请家庭|申请(?:人员|对象)?名[单册]|待审批|拟纳入|拟批准")


# Header labels only an application has (申请编号, 申请类别, 受理日期 …): a system export of new applications says so by its
# columns when its title and file name say nothing (h423: 数据导出_20261015.xlsx, titled 家庭信息)
_APPLYING_LABEL = re.compile(r"^(申请编号|申请(业务)?号|申请人(姓名|身份证号码?)|申请(类别|类型|救助类别|救助类型)|申请日期|申请时间"
                             r"|受理日期|受理时间)$")


def _applying_columns(score: _Score) -> bool:
    """Whether a roster's headers are an application's: two labels or more of :data:`_APPLYING_LABEL` and no benefit
    column (an enrolled roster exported from the system may keep its 申请日期, but it pays a 保障金)."""
    labels = {re.sub(r"[（(][^()（）]*[)）]|\s", "", str(label)) for _rows, layout, _past in score.sheets
              for label in layout.labels}
    said = {label for label in labels if _APPLYING_LABEL.match(label)}
    paid = any(f in layout.mapping for _rows, layout, _past in score.sheets for f in ("benefit", "benefit_total"))
    return len(said) >= 2 and not paid


def _sheet_kinds(path: Path, grids: list[Grid], wanted: Collection[str] | None) -> dict[str, str]:
    """Sheet → the list kind it clearly is by its own columns (sheets of no clear kind left out; no rosters)."""
    out = {}
    for grid in grids:
        scores = [c for c in score_kinds(path, [grid]) if c.own and c.rows and c.kind != "roster"
                  and (wanted is None or c.kind in wanted)]
        if scores and (len(scores) == 1 or scores[1].score * CLEAR_LEAD <= scores[0].score):
            out[grid.sheet] = scores[0].kind
    return out


# A roster's household and benefit columns: a sheet with none of them is no roster (is_returned_list)
_ROSTER_OWN = [spec for spec in ROSTER if spec.field in ("head_id", "head_name", "programme", "benefit")]


def is_returned_list(path: Path) -> bool:
    """Whether a file is a problem list a township returned: this tool's report by its header, or a sheet it retyped
    (:func:`_retyped_return`)."""
    try:
        grids, _ = peek(Path(path))
    except InputFileError:
        return False
    return _own(grids) or _retyped_return(grids)


def _retyped_return(grids: list[Grid]) -> bool:
    """Whether a sheet has 姓名, 身份证号 and a township's 整改状态 or 核实情况 (整改情况 …) but none of a roster's household
    or benefit columns (held-out 196: 姓名/身份证号/整改情况 was taken as this quarter's roster, its people 仍在新花名册中;
    a CSV of 类别代码 … 整改状态 was taken as a pension list, or refused as written in the wrong order, by where it was)."""
    for row in (row for g in grids for row in g.rows[:HEADER_SCAN_ROWS]):
        # a bare 状态 is a list's own status (a prisoners list's 在押), no 整改状态 (held-out 198: skipped as a ledger)
        labels = [x for x in ledger_labels([c for c in row if header_label(c) != "状态"]) if x]
        # (a 问题类别 column makes it a problem list whatever household columns it keeps: held-out 302's 户主姓名 had a
        # township's ledger skipped, "请用 review 命令核对", by review itself)
        # (h388: a ledger whose only filled column is 整改措施 was read as this quarter's roster)
        # (h440: a system's return keeping the audit's 类别名称 but not its 类别代码, with 户主姓名 beside it, was read as
        # this quarter's roster, its people 仍在新花名册中)
        if ({"姓名", "身份证号"} <= set(labels) and {"整改状态", "核实情况", "整改措施"} & set(labels)
                and ({"类别代码", "类别名称"} & set(labels)
                     or not any(spec.fit(x) for x in labels for spec in _ROSTER_OWN))):
            return True
    return False


# A category code beside a confidence: this tool's findings, however few columns a copy keeps (the 公示 copy keeps two
# of OWN_REPORT_LABELS; held-out 202: renamed, it was refused as both a roster and a pension list)
_OWN_PAIR = frozenset(("类别代码", "置信度"))


def _own(grids: list[Grid]) -> bool:
    return any(len(OWN_REPORT_LABELS & labels) >= OWN_REPORT_NEEDED or _OWN_PAIR <= labels
               for g in grids for labels in ({text(c) for c in row} for row in g.rows[:HEADER_SCAN_ROWS]))


# A header cell of a rectification ledger a township made itself (整改措施, 整改结果, 核实情况, 问题类型, 销号日期)
_LEDGER_LABEL = re.compile(r"整改|销号|核实情况|核查情况|^问题(类型|类别|描述|性质|摘要)$|^存在问题|^问题$")


def _rectification_ledger(grids: list[Grid]) -> bool:
    """Whether a workbook is a rectification ledger (整改台账) a township typed itself: two or more header cells of
    one (held-out 180: taken as a cadre list by 乡镇、村, its people C01 at 高; as a migration list by 问题类型)."""
    return any(sum(bool(_LEDGER_LABEL.search(text(c))) for c in row) >= 2
               for g in grids for row in g.rows[:HEADER_SCAN_ROWS])


def _names_roster(path: Path) -> bool:
    """Whether a file name names a 低保/特困 roster: 名册 and a roster word besides it (特困人员名册, 低保花名册; not
    村干部花名册, nor 低保金发放明细)."""
    stem = Path(path).stem
    return "名册" in stem and re.search(ROSTER_WORDS, stem.replace("花名册", "")) is not None


def _skip_reason(path: Path) -> str | None:
    name = path.name
    if path.is_dir():
        if (path / "run.json").is_file():  # (held-out 202: told to read the last run's reports with --lists)
            return "本工具以前输出报告的文件夹，未读取"
        # (said of any sub-folder not looked into: it may hold rosters as well as lists, h367)
        return ("子文件夹，未读取；其中的花名册要核查的，请把该文件夹写在命令中；比对名单可用 --lists、资金发放明细可用 --payments "
                "指定该子文件夹")
    if _TEMP.match(name):
        return "临时文件或隐藏文件"
    if OWN_OUTPUTS.match(name):
        return "本工具生成的报告"
    if path.suffix.lower() == ".zip" and _renamed_workbook(path):
        return "是改了扩展名的 Excel 工作簿（.xlsx），未读取；请把文件扩展名改回 .xlsx 后重新运行"
    if path.suffix.lower() in (".zip", ".rar", ".7z"):
        inside = [name for name, _, _ in _zip_tables(path)]
        held = (f"（内有 {len(inside)} 个表格文件：{'、'.join(inside[:3])}{' 等' if len(inside) > 3 else ''}）"
                if inside else "")
        return f"压缩包{held}，未读取；请先解压，再把解压出的文件放进文件夹或直接写出"
    if path.suffix.lower() not in TABLE_SUFFIXES:
        return "不是表格文件（只读 .xlsx .xls .csv .txt .parquet）"
    return None


def _zip_tables(path: Path) -> list[tuple[str, int, int]]:
    """The table files a .zip holds, as (name, size, CRC-32) from its directory, nothing unpacked: names saved without
    the UTF-8 flag (zipfile reads them as cp437) are UTF-8 when they decode as such (Info-ZIP on Linux, macOS: h449,
    '低保花名册_第二季度.xlsx' was said as '浣庝繚鑺卞悕鍐宊…' and not taken for a roster), else GBK (Chinese Windows).
    [] for a damaged archive."""
    from .io.limits import check_entry_count

    if path.suffix.lower() != ".zip":
        return []
    try:
        check_entry_count(path)
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (RostercheckError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return []
    out = []
    for info in infos:
        name = info.filename
        if not info.flag_bits & 0x800:
            name = _unflagged_name(name)
        base = file_name(name)
        if not info.is_dir() and Path(base).suffix.lower() in TABLE_SUFFIXES and not _TEMP.match(base):
            out.append((base, info.file_size, info.CRC))
    return out


def _unflagged_name(name: str) -> str:
    """A .zip member's name saved without the UTF-8 flag, from zipfile's cp437 reading: its bytes as UTF-8 when they
    are valid UTF-8 (GBK names of Chinese characters almost never are), else as GBK; as read when neither fits."""
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def _zipped_earlier(got: Gathered, place: Placement, zipped: list[str]) -> bool:
    """Whether every roster a .zip holds names a period (its own name's, with the archive's year when it has none:
    '2026年第二季度.zip' holding '低保花名册_第二季度.xlsx'; else the archive's) before the latest period of the rosters read from the same folder: last quarter's
    archive kept in this quarter's folder, said as such and skipped, as a sub-folder of earlier rosters is (h449: the
    folder run stopped on it); updates the placement's reason and its warning.

    Args:
        got: the placements so far.
        place: the archive's placement (skipped).
        zipped: the rosters it holds (:func:`_zipped_rosters`).
    Returns:
        Whether it is taken as last quarter's.
    """
    from .roster import period_named

    folder = place.path.parent
    periods = [period_named(p.named or p.path.stem) for p in got.placements
               if p.kind == "roster" and p.path.parent == folder]
    latest = max(periods, default="")
    year = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", place.path.stem)
    named = [period_named(Path(n).stem) or (year and period_named(f"{year.group()}年{Path(n).stem}"))
             or period_named(place.path.stem) for n in zipped]
    if not latest or not all(named) or not all(n < latest for n in named):
        return False
    said = f"{place.path.name}：{place.why.rstrip('。')}，已跳过"
    place.why = (f"压缩包，未读取；其中的花名册（{'、'.join(zipped)}）写明的所属期早于本期花名册，按上期文件处理；"
                 "确是本期要核查的，请先解压，把其中的花名册放进文件夹（或写在命令中）后重新运行")
    got.warnings = [f"{place.path.name}：{place.why}，已跳过" if w == said else w for w in got.warnings]
    return True


def _zipped_rosters(path: Path) -> list[str]:
    """The files named as rosters (:func:`_names_roster`) inside a .zip in a folder that rosters come from, other than
    those a file beside the archive holds byte for byte (same size and CRC-32: the township's files both zipped and
    unpacked): left unread, the run would look complete without them (h401)."""
    import zlib

    named = [(n, size, crc) for n, size, crc in _zip_tables(path) if _names_roster(Path(n))]
    if not named:
        return []
    sizes = {size for _, size, _ in named}
    beside = set()
    for other in path.parent.iterdir():
        try:
            if other.is_file() and other.stat().st_size in sizes:
                beside.add((other.stat().st_size, zlib.crc32(other.read_bytes())))
        except OSError:
            continue
    return [n for n, size, crc in named if (size, crc) not in beside]


def _renamed_workbook(path: Path) -> bool:
    """Whether a .zip holds a workbook's own parts: an .xlsx renamed (held-out 202: skipped as an archive to unpack)."""
    from .io.limits import check_entry_count

    try:
        check_entry_count(path)
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (InputFileError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False  # a damaged or hostile archive is an archive all the same
    return {"[Content_Types].xml", "xl/workbook.xml"} <= names


def classify_folder(folder: Path, exclude: set[Path] = frozenset(), explicit: Iterable[str] = (),
                    wanted: Collection[str] | None = None) -> list[Placement]:
    """Classify every file directly inside a folder.

    Args:
        folder: the folder.
        exclude: resolved paths already given explicitly (not classified again).
        explicit: the kinds given by their options (see :func:`classify_file`).
        wanted: the kinds the command reads (see :func:`classify_file`).
    Returns:
        One placement per entry, in name order (skipped entries with kind None).
    Raises:
        UsageError: when a file could be two kinds.
    """
    out = []
    for path in sorted(Path(folder).iterdir(), key=lambda p: p.name):
        if path.resolve() in exclude:
            continue
        reason = _skip_reason(path)
        if reason:
            if not _TEMP.match(path.name):  # sub-folders are named too: a department's files may be in one
                out.append(Placement(path, None, reason, None, "skipped"))
            continue
        place = classify_file(path, explicit, wanted)
        out += [place, *place.also]
    _members_joined(out)
    return out


_NO_COLUMNS = "表头中没有花名册或任何一类名单应有的列"
_CODE_TABLE_SAID = "是代码说明表：只用于资金发放明细；其他名单的代码请写进该名单的表头（如“状态（1正常 3终止）”）或配置文件"


def _lists_explained(path: Path) -> list[Path]:
    """The files beside a code table that it is named after (io.table.companion_code_files), which read it with them (h362:
    户籍迁出信息_代码表.csv was said to serve ledgers only while its list's 迁移原因 codes went unread)."""
    from .io.table import companion_code_files

    try:
        return sorted(p for p in path.parent.iterdir() if path in companion_code_files(p))
    except OSError:
        return []


_ROSTERS_CODE_TABLE_SAID = ("是代码说明表：用于读取本文件夹中花名册（申请名单）的代码列（花名册自身的表头、说明页没有说明的列），"
                            "不作为名单读取")


def _rosters_explained(path: Path) -> bool:
    """Whether a code table is named as one of its folder's rosters (io.table.folder_code_tables; held-out 408)."""
    from .io.table import _TABLE_SUFFIXES, is_folder_code_table

    try:
        beside = [p for p in path.parent.iterdir() if p.suffix.lower() in _TABLE_SUFFIXES]
    except OSError:
        return False
    return is_folder_code_table(path, beside)


def _code_table(path: Path, grids) -> bool:
    """Whether a file is a code table: named so (代码表, 代码说明, 字典), or a header of 代码 beside 含义 (名称, 说明)."""
    if CODE_TABLE_NAME.search(path.stem):  # (as a ledgers' folder names its code tables: io.ledgers.code_tables)
        return True
    return any({"代码", "编码"} & set(labels) and {"含义", "名称", "说明", "代码含义", "代码名称"} & set(labels)
               for g in grids for labels in ({text(c) for c in row} for row in g.rows[:HEADER_SCAN_ROWS]))


def _members_joined(placements: list[Placement]) -> None:
    """A members' table a folder holds beside a roster's household table (新申请家庭信息 + 新申请家庭成员: 家庭编号, 姓名,
    与户主关系, 身份证号, no benefit column or roster word of its own) taken as a roster, to be read with that household
    table as when both are given (:func:`io.table.household_files_joined`; held-out 238: the members were skipped and
    every family read 一户一行, its head only). Content decides: the two tables share family numbers, and a shared
    family's head in the household table is one of its members in the other."""
    households = []
    for place in placements:
        if place.kind == "roster" and not place.also:
            heads = _household_heads(place.path)
            if heads:
                households.append((place, heads))
    if not households:
        return
    for place in placements:
        if place.kind is not None or place.by != "skipped" or not place.why.startswith(_NO_COLUMNS):
            continue
        try:
            grids, estimate = peek(place.path)
        except InputFileError:
            continue
        members, sheets = _member_rows(grids)
        match = next((hh for hh, heads in households if _same_families(heads, members)), None)
        if match is None:
            continue
        by = "、".join(dict.fromkeys(layout.labels[layout.mapping[f]] for _rows, layout, _past in sheets
                                     for f in ("household_no", "relation") if layout.mapping[f] < len(layout.labels)))
        rows = sum(count_data_rows(r, layout) + past for r, layout, past in sheets)
        if estimate is not None:
            rows += estimate - len(grids[0].rows)
        place.kind, place.by, place.rows = "roster", "content", rows
        place.estimated = estimate is not None or any(g.height > len(g.rows) for g in grids)
        place.why = f"{by}：是《{match.path.name}》各户的家庭成员表（家庭编号相同），与其合并读取"
        place.applying = match.applying or bool(_APPLYING.search(place.path.stem))


def _roster_sheets(grids: list[Grid]) -> list[tuple[list, Layout, int]]:
    out = []
    for grid in grids:
        sample = Grid(grid.path, grid.sheet, [list(r) for r in grid.rows[:PEEK_ROWS]], grid.first_row, list(grid.merged),
                      grid.fmt)
        layout = find_layout(sample, "roster")
        if layout is not None:
            out.append((grid.rows[layout.start:], layout, max(grid.height - len(grid.rows), 0)))
    return out


def _cell(row: list, col: int | None) -> str:
    return text(row[col]) if col is not None and col < len(row) and row[col] is not None else ""


def _household_heads(path: Path) -> dict[str, tuple[str, str]]:
    """Family number → (head's ID, head's name) in the rows peeked at of a roster file holding households only
    ({} for any other file)."""
    try:
        sheets = _roster_sheets(peek(path)[0])
    except InputFileError:
        return {}
    if not sheets or not household_file([layout.mapping for _r, layout, _p in sheets]):
        return {}
    heads = {}
    for rows, layout, _past in sheets:
        at = layout.mapping
        id_col, name_col = at.get("head_id", at.get("id")), at.get("head_name", at.get("name"))
        for row in rows:
            key = _cell(row, at["household_no"])
            if key:
                heads.setdefault(key, (ids.id_number(_cell(row, id_col)).value if id_col is not None else "",
                                       _cell(row, name_col)))
    return heads


def _member_rows(grids: list[Grid]) -> tuple[dict[str, list[tuple[str, str]]], list]:
    """Family number → its members' (ID, name) in the rows peeked at, from the sheets that list members by family number
    with their relation to the head; and those sheets."""
    sheets = [s for s in _roster_sheets(grids) if member_file([s[1].mapping]) and "relation" in s[1].mapping]
    members: dict[str, list[tuple[str, str]]] = {}
    for rows, layout, _past in sheets:
        at = layout.mapping
        for row in rows:
            key = _cell(row, at["household_no"])
            if key:
                members.setdefault(key, []).append((ids.id_number(_cell(row, at["id"])).value, _cell(row, at.get("name"))))
    return members, sheets


def _same_families(heads: dict[str, tuple[str, str]], members: dict[str, list[tuple[str, str]]]) -> bool:
    """Whether a members' table is a household table's other half: families of both numbers whose head (by ID, else by
    name) is among the members, at least one, and half of the families both list (a registry's 户号 1, 2, 3 … beside a
    household table's numbers shares numbers, not people)."""
    shared = [k for k in members if k in heads]
    found = 0
    for key in shared:
        head_id, head_name = heads[key]
        found += any((head_id and head_id == mid) or (not head_id and head_name and head_name == name)
                     for mid, name in members[key])
    return found >= 1 and found * 2 >= len(shared)


def gather(paths: list[Path], lists: dict[str, Path] | None = None, list_dirs: list[Path] | None = None,
           take_lists: bool = True, wanted: Collection[str] | None = None, enrolled: bool = False,
           previous: bool = False, applications: bool = False, payments: list[Path] | None = None) -> Gathered:
    """Turn the command's files and folders into rosters and lists; explicit options always win.

    Args:
        paths: the positional arguments: roster files, or folders holding rosters and lists.
        lists: kind → file given by explicit options.
        list_dirs: folders holding lists only (``--lists``).
        take_lists: whether lists found in the folders are used (False for commands that read only
            rosters, e.g. review).
        wanted: the list kinds the command reads (None: all); rosters are always read.
        enrolled: a roster in a ``--lists`` folder is one of the enrolled rosters (``Gathered.enrolled``), not skipped.
        previous: this tool's problem lists in the folders are earlier problem lists (``Gathered.previous``), not
            skipped.
        applications: the command reads applicants (screen); elsewhere a roster that says it lists applicants is
            skipped (held-out 125: audited as enrolled, 7 false findings).
        payments: ledger files and folders given by ``--payments``: named as such, not as a sub-folder left unread
            (held-out 136).
    Returns:
        The rosters, lists and placements.
    Raises:
        UsageError: when a file could be two kinds, or two files of a folder are the same list kind.
        InputFileError: when a file named as a roster (:func:`_names_roster`) cannot be read, or any workbook has an
            opening password (other unreadable files are skipped).
    """
    explicit = dict(lists or {})
    got = Gathered(lists=dict(explicit))
    given = {Path(p).resolve() for p in [*explicit.values(), *(p for p in paths if not Path(p).is_dir())]}
    # a folder given as an argument inside another given folder (screen's applicants inside the --lists folder) is
    # read as given, not named as a sub-folder left unread (held-out 125)
    given |= {Path(p).resolve() for p in paths if Path(p).is_dir()}
    found: dict[str, list[Path]] = {}
    superseded: list[tuple[Placement, int]] = []  # files of a kind given by its option, skipped (with their notice)
    zips: list[tuple[Placement, list[str]]] = []  # archives holding rosters (a stop unless last quarter's)
    folders = [(Path(p), True) for p in paths if Path(p).is_dir()] + [(Path(d), False) for d in list_dirs or []]
    as_lists = {Path(d).resolve() for d in list_dirs or []}
    for p in paths:
        if not Path(p).is_dir():
            got.rosters.append(Path(p))
            got.placements.append(Placement(Path(p), "roster", "写在命令中", None, "option"))
    for kind, p in explicit.items():
        got.placements.append(Placement(Path(p), kind, f"由 {_flag(kind)} 指定", None, "option"))
    for p in payments or []:
        given.add(Path(p).resolve())
        got.placements.append(Placement(Path(p), "payments", "由 --payments 指定" + ("（其中的发放明细逐个读取）"
                                                                                if Path(p).is_dir() else ""), None, "option"))
    # folders given by the command (positional, --lists, --payments): a sub-folder holding one is their parent
    inside = [Path(p).resolve() for p in [*paths, *(list_dirs or []), *(payments or [])] if Path(p).is_dir()]
    for folder, rosters_too in folders:
        if not folder.exists():
            raise InputFileError(folder, "文件夹不存在，请检查路径。")  # a missing input, as a missing file (exit 3)
        if not folder.is_dir():  # (only --lists folders get here as files)
            raise UsageError(f"--lists 要写文件夹，“{folder.name}”是一个文件；单个名单请用它的选项写出（如 --deaths 文件）。")
        for place in classify_folder(folder, given, explicit, None if wanted is None else {"roster", *wanted}):
            given.add(place.path.resolve())
            if place.kind is None and place.path.resolve() in as_lists:  # read through --lists: no "skipped" note
                place.by, place.why = "lists", "子文件夹，已通过 --lists 读取（其中的文件分别列出）"
                got.placements.append(place)
                continue
            if isinstance(place.unreadable, EncryptedFileError):  # (held-out 202: skipped, then its list 未提供)
                raise EncryptedFileError(place.path, _LOCKED)
            if place.unreadable is not None and isinstance(place.unreadable.__cause__, PermissionError):
                # (h401: a list open in Excel/WPS, or on a share without rights, was skipped and its checks said
                # 未提供: what it holds is unknown, so the run would look complete without it)
                raise InputFileError(place.path, _DENIED)
            if place.unreadable is not None and (rosters_too or enrolled) and _names_roster(place.path):
                raise place.unreadable  # a roster left out would make the run look complete without it
            if (place.kind is None and (rosters_too or enrolled) and _names_roster(place.path)
                    and (place.path.suffix.lower() in (".rar", ".7z")
                         or (place.path.suffix.lower() == ".zip" and _zip_tables(place.path)
                             and not _zipped_rosters(place.path)))):
                # (h411: said "找不到表头" as if it were a workbook; a .rar/.7z cannot be listed without unpacking)
                inside = [n for n, _, _ in _zip_tables(place.path)]
                held = f"其中有 {'、'.join(inside[:3])}{' 等' if len(inside) > 3 else ''}" if inside else "不解压无法查看其中的文件"
                raise InputFileError(place.path, f"是压缩包（{place.path.suffix.lower()}），文件名写的是花名册，未读取（{held}）；"
                                                 "跳过它核查就不完整。请先解压，把其中的花名册放进文件夹（或写在命令中）后重新"
                                                 "运行；不是本期要用的，请把压缩包移出文件夹。")
            if (place.kind is None and not place.own and not place.code_table and not place.blank
                    and (rosters_too or enrolled) and _names_roster(place.path)):
                # (h384: a village's blank 低保花名册（模板）.xlsx among 240 files stopped the county's run)
                _roster_unread(place)  # (held-out 202: a roster without its ID column was skipped, the run exit 0)
            if (place.kind is None and (rosters_too or enrolled) and place.path.suffix.lower() == ".zip"
                    and (zipped := _zipped_rosters(place.path))):
                zips.append((place, zipped))  # stops the run unless last quarter's (:func:`_zipped_earlier`)
            if place.kind is None and place.by == "skipped" and (inner := _given_inside(place.path, inside)):
                place.by, place.why = "parent", _parent_why(place.path, inner)
                got.placements.append(place)
                continue
            if place.own and previous:
                place.kind, place.by, place.why = PREVIOUS, "content", "乡镇填报后退回的问题清单（按表头判断）"
                got.previous.append(place.path)
            elif place.kind is None:
                got.warnings.append(f"{place.path.name}：{place.why.rstrip('。')}，已跳过")
            elif place.kind == "roster" and place.applying and not (applications and rosters_too) and (rosters_too or enrolled):
                place.unused("标题或文件名是新申请家庭名单，不是在册花名册（审批前核对请用 screen 命令）")
                got.warnings.append(f"{place.path.name}：{place.why}，已跳过")
            elif place.kind == "roster" and not rosters_too and enrolled:
                place.why = f"{place.why}；作为现有在册花名册比对（同 --enrolled）"
                got.enrolled.append(place.path)
            elif place.kind == "roster" and not rosters_too:
                place.unused("是花名册；--lists 文件夹只读比对名单")
                got.warnings.append(f"{place.path.name}：{place.why.rstrip('。')}，已跳过")
            elif place.kind == "roster":
                got.rosters.append(place.path)
            elif not take_lists:
                place.unused(f"是{place.label}；本命令只读花名册")
            elif place.kind in explicit:
                place.unused(f"是{place.label}，但已由 {_flag(place.kind)} 指定了 {Path(explicit[place.kind]).name}")
                got.warnings.append(f"{place.path.name}：{place.why.rstrip('。')}，已跳过")
                superseded.append((place, len(got.warnings) - 1))
            else:
                found.setdefault(place.kind, []).append(place.path)
            got.placements.append(place)
    for place, zipped in zips:
        if not _zipped_earlier(got, place, zipped):
            raise InputFileError(place.path, f"压缩包中有花名册（{'、'.join(zipped)}），未读取；跳过它核查就不完整。"
                                             "请先解压，把其中的花名册放进文件夹（或写在命令中）后重新运行；不是本期要用的，"
                                             "请把压缩包移出文件夹。")
    if applications and enrolled:
        _rolls_beside_applications(got)
    _exits_beside_ledgers(got, payments, given, explicit, found, wanted if take_lists else ())
    copies = _one_copy_each(got, found)
    _may_be_other(got, superseded, found, explicit, wanted)
    _earlier_periods(got)
    read = {Path(p).resolve() for p in [*got.rosters, *got.previous, *got.enrolled, *explicit.values(), *(payments or []),
                                        *paths, *(f for files in found.values() for f in files)]}
    _open_in_excel(got, read)
    # (a township's folder given beside the county's holding a copy of a roster read there was "no roster here": h401)
    read |= {p.resolve() for p in copies}
    _rosters_left_out(got, inside, explicit, None if wanted is None else {"roster", *wanted}, applications)
    for folder in dict.fromkeys(Path(p) for p in paths if Path(p).is_dir()):
        if not any(p.parent == folder.resolve() for p in read):
            wanted_here = None if wanted is None else {"roster", *wanted}
            below = _rosters_below(got, folder, explicit, wanted_here, applications)
            enrolled_dirs = _enrolled_below(got, folder, below, explicit, wanted_here) if applications else []
            got.idle.append((folder, [d for d in below if d not in enrolled_dirs]))
            if got.idle[-1][1] and take_lists:  # (review reads rosters only)
                got.aside[folder] = ([(d, "lists") for d in enrolled_dirs]
                                     + _idle_aside(got, folder, below, explicit, wanted_here))
        else:
            _programmes_below(got, folder, explicit, None if wanted is None else {"roster", *wanted}, applications)
            if applications and take_lists:
                _applications_below(got, folder, explicit, None if wanted is None else {"roster", *wanted}, enrolled)
            if take_lists and not applications and not (set(explicit) - {"exits"} or list_dirs
                                                        or set(found) - {"roster", "payments", "exits"}):
                _lists_aside(got, folder, explicit, None if wanted is None else {"roster", *wanted}, bool(payments))
    got.payments = found.pop("payments", [])  # ledgers come one per month: any number of them
    for kind, files in found.items():
        if len(files) > 1:
            files = found[kind] = _one_list_each(got, kind, files)
        if len(files) > 1:
            files = found[kind] = _several_lists(got, kind, files)
        if len(files) > 1:
            names = "、".join(f.name for f in files)
            also = [f"{place.path.name}也像{KIND_LABELS[alt]}（{_flag(alt)}）" for f in files
                    for place in got.placements if place.path == f and place.kind == kind
                    for alt in _missing_kinds(place, found, explicit, wanted)[:1]]
            raise UsageError(f"有 {len(files)} 个文件都像是{KIND_LABELS[kind]}：{names}。每类名单只能用一个文件，"
                             f"请用 {_flag(kind)} 指定要用的那个（或把它们合并成一个文件）；其中如有别类名单，请用那一类的选项指定它"
                             + (f"（{'；'.join(also)}）" if also else "") + "。")
        got.lists[kind] = files[0]
    # the lists in the kinds' order, found or given (the notices on each list come in this order: held-out 224, a
    # folder's came in file-name order)
    got.lists = {kind: got.lists[kind] for kind in sorted(got.lists, key=kinds().index)}
    got.unread = _unread_by_name(got, wanted)
    return got


def _open_in_excel(got: Gathered, read: set[Path]) -> None:
    """Say of each workbook read that Excel or WPS holds open (its lock file ~$name beside it; Word-style ~$ + the name
    without its first two characters too) that what is read is what was last saved (h367: the lock file was skipped
    without a word, a clerk's unsaved corrections silently not checked)."""
    for parent in dict.fromkeys(p.parent for p in read if p.is_file()):
        try:
            locks = [e.name[2:] for e in os.scandir(parent) if e.name.startswith("~$") and e.is_file()]
        except OSError:
            continue
        if not locks:
            continue
        for path in sorted((p for p in read if p.parent == parent and p.is_file()), key=lambda p: p.name):
            lock = next((k for k in locks if path.name == k or (len(path.name) > len(k) + 1 and path.name[2:] == k)), None)
            if lock is not None:
                got.warnings.append(f"{path.name}：正在 Excel/WPS 中打开（旁边有锁定文件 ~${lock}），读取的是最后一次保存的"
                                    "内容；打开后改过而未保存的，请保存并关闭后重新运行")


def _unread_by_name(got: Gathered, wanted: Collection[str] | None) -> dict[str, list[Path]]:
    """Kind → the files skipped as unreadable whose names carry that kind's words (村干部名单.xls: cadres), of the list
    kinds the command reads and no file gives (``Gathered.unread``). A name is no content: said as what the name says."""
    out: dict[str, list[Path]] = {}
    for place in got.placements:
        if place.unreadable is None:
            continue
        for kind in kinds():
            if (kind in ("roster", "payments") or kind in got.lists or (wanted is not None and kind not in wanted)
                    or not re.search(_words(kind), place.path.stem)):
                continue
            out.setdefault(kind, []).append(place.path)
    return out


def _earlier_periods(got: Gathered) -> None:
    """Say in the table which roster found in a folder names an earlier period than another of its programme
    (``Placement.pending``): read, it is left out when most of its people are the other's (``roster.other_periods``,
    last quarter's roster beside this one's), which only reading can tell (h325: the table showed it as 花名册, the
    notice after it said 未读取)."""
    from .roster import period_named, programme_named

    rosters = {Path(p).resolve() for p in got.rosters}
    places = [p for p in got.placements if p.kind == "roster" and p.path.resolve() in rosters]
    named = {id(p): (period_named(p.named or p.path.stem), programme_named(p.named or p.path.stem)) for p in places}
    for place in places:
        period, programme = named[id(place)]
        later = [(named[id(p)][0], p) for p in places if p is not place and named[id(p)][1] == programme
                 and period and named[id(p)][0] > period]
        if later and place.by == "content":
            when, newer = max(later, key=lambda x: x[0])
            place.pending = f"所属期 {period}，早于《{newer.path.name}》（{when}）：读取时如与其人员大多相同，即为其上期版本，不使用"


def _missing_kinds(place: Placement, found: dict[str, list[Path]], explicit: dict,
                   wanted: Collection[str] | None) -> list[str]:
    """The other list kinds a file looks like (``Placement.others``) that the command reads and no file gives."""
    return [k for k in place.others if k not in ("roster", "payments") and k not in explicit and k not in found
            and (wanted is None or k in wanted)]


def _may_be_other(got: Gathered, superseded: list[tuple[Placement, int]], found: dict[str, list[Path]], explicit: dict,
                  wanted: Collection[str] | None) -> None:
    """Say of a file skipped because its kind was given by its option that it looks like another kind the command reads
    and no file gives, and how to give it as that (held-out 246: a 常住人口 export skipped as a second deaths list, RQ2
    then 未检查 for want of a registry, and nothing said)."""
    for place, at in superseded:
        alt = _missing_kinds(place, found, explicit, wanted)
        if not alt:
            continue
        label = KIND_LABELS[alt[0]]
        place.why += f"；它也像{label}，本次没有{label}，如它就是{label}，请用 {_flag(alt[0])} 指定"
        got.warnings[at] = f"{place.path.name}：{place.why}，已跳过"


# A workbook with an opening password is some list or roster the clerk meant to give (nothing else in a quarter's folder
# is locked): skipped, the checks reading it would run as if it were not given, so the run stops as for one given by name
_DENIED = ("没有权限读取（文件可能正在 Excel/WPS 中打开，或没有读取权限）；跳过它核查就不完整。请关闭该文件（或复制一份到"
           "文件夹中代替它）后重新运行；它不是本期要用的文件的，请移出文件夹。")
_LOCKED = ("工作簿设置了打开密码（已加密），无法读取；跳过它核查就不完整。请在 Excel/WPS 中输入密码打开，另存为不加密的文件后"
           "重新运行；它不是本期要用的文件的，请移出文件夹。")


def _roster_unread(place: Placement) -> None:
    """Stop on a file named as a 低保/特困 roster whose columns no kind fits: read as a roster, it says what it lacks
    (as when it is given in the command); left out, the run would look complete without its people."""
    load_table(place.path, "roster")
    raise InputFileError(place.path, f"文件名是花名册，但{place.why}；漏读它核查就不完整。请检查表头（如“姓名”“身份证号”）"
                                     "后重新运行；它确实不是花名册的，请移出文件夹。")


def _rosters_left_out(got: Gathered, inside: list[Path], explicit: dict, wanted: Collection[str] | None,
                      applications: bool) -> None:
    """Record the rosters below a parent folder (:func:`_parent_why`) outside the folders the command gives
    (``Gathered.left_out``): 乡镇报送/城关镇 and 乡镇报送/河口乡 given, 乡镇报送/上店镇's roster forgotten, the run would
    check two townships and say nothing of the third (h367). Rosters naming an earlier period than those read are
    last quarter's; files the same as a roster read are its copies."""
    from .roster import period_named

    if applications:
        return
    rosters = {Path(r).resolve() for r in got.rosters}
    mine = [p for p in got.placements if p.kind == "roster" and p.path.resolve() in rosters]
    latest = max((period_named(p.named or p.path.stem) for p in mine), default="")
    for place in (p for p in got.placements if p.by == "parent"):
        found = [p for p in _rosters_in(place.path, explicit, wanted, applications, set(inside))
                 if not _earlier(p, latest) and p.path.resolve() not in rosters]
        seen: dict = {}
        for r in rosters:
            copy_of(r, seen)
        found = [p for p in found if copy_of(p.path, seen) is None]
        if found:
            got.left_out.append((place.path, [p.path for p in found]))


def _given_inside(sub: Path, inside: list[Path]) -> list[Path]:
    """The folders given by the command that lie below a sub-folder (乡镇报送 of 乡镇报送/城关镇, 乡镇报送/河口乡)."""
    top = sub.resolve()
    return [d for d in inside if top in d.parents]


def _parent_why(sub: Path, inner: list[Path]) -> str:
    """What a sub-folder whose own sub-folders the command gives is (h367: it was said to hold lists for --lists, and a
    folder holding no roster beside them was read as a sub-folder left unread)."""
    top = sub.resolve()
    names = [str(Path(sub.name, d.relative_to(top))) for d in inner]
    shown = "、".join(names[:3]) + (f" 等 {len(names)} 个文件夹" if len(names) > 3 else "")
    return f"子文件夹，不直接读取；其中的 {shown} 已写在命令中，另行读取（见下）"


_SHELL_PLAIN = re.compile(r"[\w./\\:+=,@%-]+")  # a word a shell (bash, cmd, PowerShell) takes as it is


def _shell_word(word: str) -> str:
    """A word of a command as it is typed: in double quotes when it has spaces or other characters a shell reads."""
    return word if _SHELL_PLAIN.fullmatch(word) else '"' + word.replace('"', '\\"') + '"'


def _idle_command(folder: Path, rosters: list[Path], lists: list[Path], ledgers: list[Path], argv: list[str] | None,
                  takes: Collection[str], repeatable: Collection[str] = ()) -> str:
    """The command to run instead of one naming a folder nothing was read from: the folder's word replaced by its
    roster sub-folders, its lists' and ledgers' sub-folders added with ``--lists``/``--payments`` (when the command has
    them and the command line does not give them already, or the flag is ``repeatable`` (screen's --lists, whose
    folders must never be read as applications); else as folders beside the rosters', which read lists and ledgers
    too), every other word as typed."""
    def word(p: Path) -> str:
        return _shell_word(str(p))

    given = list(argv or [])
    at = next((k for k, w in enumerate(given) if k and not w.startswith("-") and _same_dir(w, folder)), None)
    head = ["rostercheck", *(given[:1] or ["audit"])]
    rest = given[1:] if at is None else given[1:at] + ["\0"] + given[at + 1:]
    folders = [word(p) for p in rosters]
    options = []
    for flag, dirs in (("--lists", lists), ("--payments", ledgers)):
        if flag in takes and (flag not in given or flag in repeatable):
            options += [f"{flag} {word(d)}" for d in dirs if not (flag in given and _gives(given, flag, d))]
        else:
            folders += [word(d) for d in dirs]
    if "\0" not in rest:
        rest = ["\0"]
    out = []
    for w in rest:
        out += folders if w == "\0" else [_shell_word(w)]
    # the options after the folders, before the command's own (--out …)
    k = next((i for i, w in enumerate(out) if w.startswith("-")), len(out))
    return " ".join([*head, *out[:k], *options, *out[k:]])


def _gives(given: list[str], flag: str, folder: Path) -> bool:
    """Whether the command line already gives ``folder`` after ``flag``."""
    return any(w == flag and k + 1 < len(given) and _same_dir(given[k + 1], folder) for k, w in enumerate(given))


def _same_dir(word: str, folder: Path) -> bool:
    try:
        return Path(word).resolve() == Path(folder).resolve()
    except (OSError, ValueError):
        return False


def _lists_aside(got: Gathered, folder: Path, explicit: dict, wanted: Collection[str] | None, ledgers: bool) -> None:
    """Record a folder that gave rosters and no reference list when its sub-folders hold lists (or, with no ledger given
    (``ledgers``), ledgers) the command reads (``Gathered.lists_aside``, told by ``_aside_error``); sub-folders of
    rosters are ``_programmes_below``'s, a sub-folder the command gives is read as given."""
    whys, warnings = {id(p): p.why for p in got.placements}, list(got.warnings)
    aside = _idle_aside(got, folder, got.rosters, explicit, wanted)
    for place in got.placements:  # a sub-folder of neither keeps what was said of it (last quarter's rosters: h367)
        if any(place.path == d and not k for d, k in aside):
            place.why = whys.get(id(place), place.why)
    got.warnings[:] = [w if not any(w.startswith(f"{d.name}：") and not k for d, k in aside) else old
                       for w, old in zip(got.warnings, warnings)]
    aside = [(d, k) for d, k in aside if k == "lists" or (k and not ledgers)]
    if aside:
        got.lists_aside.append((folder, aside))


def _idle_aside(got: Gathered, folder: Path, rosters: list[Path], explicit: dict,
                wanted: Collection[str] | None) -> list[tuple[Path, str]]:
    """The sub-folders of a folder nothing was read from that hold no roster, each with what its files were taken as by
    their headers (never by the folder's name): 'lists' when any is a reference list the command reads (ledgers there
    are read too), 'payments' when all are ledgers, perhaps with a stop-payment list whose name says so (read beside
    them: :func:`_exits_beside_ledgers`), '' when none is either (said, so nothing is dropped without a word)."""
    out = []
    holding = {p.resolve() for r in rosters for p in (r, *r.parents)}
    exits = re.compile(_words("exits"))
    for place in got.placements:
        sub = place.path
        if (place.kind is not None or sub.parent != folder or not sub.is_dir() or sub.resolve() in holding
                or (sub / "run.json").is_file() or sub in got.earlier.get(folder, ())):
            continue
        try:
            found = [p for p in classify_folder(sub, set(), explicit, wanted) if p.kind not in (None, "roster")]
        except RostercheckError:
            found = []
        ledgers = [p for p in found if p.kind == "payments"]
        others = [p for p in found if p.kind != "payments"]
        files = len({p.path for p in found})
        if ledgers and all(p.kind == "exits" and exits.search(p.path.stem) for p in others):
            out.append((sub, "payments"))
            what = f"其中有 {len({p.path for p in ledgers})} 个资金发放明细" + ("和停保名单" if others else "")
        else:
            out.append((sub, "lists" if found else ""))
            what = f"其中有 {files} 个比对名单" if found else "其中没有识别出本命令要读取的文件"
        # the sub-folder's row and notice say what it holds, not the generic advice (h406)
        said = f"{sub.name}：{place.why.rstrip('。')}，已跳过"
        place.why = f"子文件夹，未读取；{what}（按表头判断）" + ("，写法见最后的命令" if found else "")
        at = next((k for k, w in enumerate(got.warnings) if w == said), None)
        if at is not None:
            got.warnings[at] = f"{sub.name}：{place.why}，已跳过"
    return out


def _rosters_below(got: Gathered, folder: Path, explicit: dict, wanted: Collection[str] | None,
                   applications: bool) -> list[Path]:
    """The folders below a folder nothing was read from that hold a file taken as a roster (or named as one), each
    sub-folder's placement saying so instead of pointing at --lists, which skips rosters (held-out 245; h356: the
    townships' rosters one level deeper, 乡镇报送/城关镇/…, are found too, and the folders holding them named). Only such a
    folder's sub-folders are looked into here: otherwise they are last quarter's or the applicants' files, never read."""
    from .roster import period_named

    out = []
    below = _rosters_below_each(got, folder, explicit, wanted, applications)
    latest = max((period_named(p.named or p.path.stem) for _, found in below for p in found), default="")
    raw = _rosters_in_sub_folders(got, folder, explicit, wanted, applications, latest, below)
    current = [(place, [p for p in found if not _earlier(p, latest)]) for place, found in raw]
    # a roster found twice byte for byte (a copy in the departments' folder) names one folder, the one whose file name
    # does not say it is a copy (h401: 部门数据 was to be given as a roster folder for the copy it held)
    every = sorted((p for _, found in current for p in found), key=lambda p: len(_COPY_WORDS.findall(p.path.stem)))
    seen: dict = {}
    copies = {p.path for p in every if copy_of(p.path, seen) is not None}
    for _, found in current:
        out += [d for d in dict.fromkeys(p.path.parent for p in found if p.path not in copies) if d not in out]
    # sub-folders of last quarter's rosters (and copies of this quarter's) only: named as such in the error, not as
    # holding nothing (h411); a folder of lists holding a copy of a roster (h401) is none
    got.earlier[folder] = []
    for (place, found), (_, every_one) in zip(current, raw):
        if len(found) < len(every_one) and all(p.path in copies for p in found):
            got.earlier[folder].append(place.path)
            said = f"{place.path.name}：{place.why.rstrip('。')}，已跳过"
            place.why = ("子文件夹，未读取；其中的花名册写明的所属期早于本期（或与其他子文件夹中的相同），按上期文件处理；"
                         "确是本期要核查的，请把这个文件夹写在命令中")
            at = next((k for k, w in enumerate(got.warnings) if w == said), None)
            if at is not None:
                got.warnings[at] = f"{place.path.name}：{place.why}，已跳过"
    return out


def _applications_below(got: Gathered, folder: Path, explicit: dict, wanted: Collection[str] | None,
                        enrolled: bool) -> None:
    """For screen, record a folder given as applications that gave lists and no roster while its sub-folders hold
    rosters (``Gathered.applications_below``, told by ``Gathered._applications_error``): the sub-folders saying they
    hold applications (申请/, or a batch whose title says so) are the batch, the others the enrolled rosters (given with
    --lists when no --enrolled is given, ``enrolled``); when none says so, nothing is recorded (the stop stays the
    generic one: the batch is missing)."""
    if any(Path(r).resolve().parent == folder.resolve() for r in got.rosters):
        return
    below = _rosters_below(got, folder, explicit, wanted, True)
    if not below:
        return
    rolls = _enrolled_below(got, folder, below, explicit, wanted)
    batch = [d for d in below if d not in rolls]
    if not rolls and not all(_APPLIED.search(str(d.relative_to(folder)) if d.is_relative_to(folder) else d.name)
                             or any(p.applying for p in _rosters_in(d, explicit, wanted, True)) for d in batch):
        return  # (rosters below and no batch: never the enrolled rosters written as applications, h411's 790 families)
    got.applications_below.append((folder, batch, rolls if enrolled else []))


def _enrolled_below(got: Gathered, folder: Path, below: list[Path], explicit: dict,
                    wanted: Collection[str] | None) -> list[Path]:
    """For screen, the sub-folders of an idle folder whose rosters are the enrolled ones, beside a sub-folder of
    applications: a folder whose name or some roster's title or file name says 申请 (新申请家庭名册/, 申请人员/) holds the
    applications, the others the current rosters, given with ``--lists`` (its rosters then the enrolled: h411, the
    command written had given 部门数据/ as applications, 790 families screened instead of 40). Their placements say so.
    None when no folder says it holds applications, or every one does."""
    found = {d: [p for p in _rosters_in(d, explicit, wanted, True)] for d in below}
    applying = {d for d, places in found.items()
                if _APPLIED.search(str(d.relative_to(folder)) if d.is_relative_to(folder) else d.name)
                or any(p.applying for p in places)}
    if not applying or len(applying) == len(below):
        return []
    enrolled = [d for d in below if d not in applying]
    for place in got.placements:
        if place.path in enrolled:
            said = f"{place.path.name}：{place.why.rstrip('。')}，已跳过"
            names = "、".join(p.path.name for p in found[place.path][:3]) + (" 等" if len(found[place.path]) > 3 else "")
            place.why = (f"子文件夹，未读取；其中有 {len(found[place.path])} 个花名册（{names}），不像新申请名单，是在册"
                         "对象花名册：用 --lists 给出时作为在册名单比对申请人，写法见最后的命令")
            at = next((k for k, w in enumerate(got.warnings) if w == said), None)
            if at is not None:
                got.warnings[at] = f"{place.path.name}：{place.why}，已跳过"
    return enrolled


_APPLIED = re.compile(r"申请|待审批|拟纳入")  # a folder of applications (新申请家庭名册/, 申请人员/, 待审批家庭/)


_ROLL_NAMED = re.compile(r"花名册|名册|在册|在保")


def _rolls_beside_applications(got: Gathered) -> None:
    """For screen with no ``--enrolled``: in a folder holding both a batch of applications (by its title, name or
    columns) and rosters whose title or name says they are rosters (低保花名册, 特困人员名册) and nothing of applying,
    those rosters are the enrolled ones, compared with the applicants, not screened as applicants (h423: the quarter's
    rosters beside the batch were screened, 100 families for 37, and an applicant already 特困 was found 无疑点).
    Explicit files are left as given."""
    found = [p for p in got.placements if p.kind == "roster" and p.by != "option" and p.path in got.rosters]
    if not any(p.applying for p in found):
        return
    rolls = [p for p in found if not p.applying and _ROLL_NAMED.search(p.named or p.path.stem)
             and not _APPLYING.search(p.named or p.path.stem)]
    for place in rolls:
        got.rosters.remove(place.path)
        got.enrolled.append(place.path)
        place.why = f"{place.why}；与新申请名单同在一个文件夹，标题或文件名是花名册，作为现有在册花名册比对（同 --enrolled）"


def _earlier(place: Placement, latest: str) -> bool:
    """Whether a roster's titles or name name a period before ``latest`` (last quarter's, beside this one's)."""
    from .roster import period_named

    period = period_named(place.named or place.path.stem)
    return bool(latest and period and period < latest)


def _rosters_in_sub_folders(got: Gathered, folder: Path, explicit: dict, wanted: Collection[str] | None,
                            applications: bool, latest: str = "",
                            known: list[tuple[Placement, list[Placement]]] | None = None
                            ) -> list[tuple[Placement, list[Placement]]]:
    """Each sub-folder of a folder (its placement, skipped) with the rosters found below it (:func:`_rosters_in`), its
    placement and warning saying it holds rosters: how many and which (h367: one township's file of several was named),
    and, when all of them name a period before ``latest``, that they are taken as last quarter's.

    Args:
        got: the placements so far.
        folder: the folder given.
        explicit: the kinds given by their options.
        wanted: the kinds the command reads.
        applications: whether the command reads applicants.
        latest: the latest period ('YYYY-MM') of the rosters read or found, '' when unknown.
        known: the sub-folders and their rosters already found (not looked into again).
    Returns:
        (sub-folder placement, rosters found below it) for each sub-folder holding rosters.
    """
    out = []
    for place, found in known if known is not None else _rosters_below_each(got, folder, explicit, wanted, applications):
        sub = place.path
        said = f"{sub.name}：{place.why.rstrip('。')}，已跳过"
        names = [str(p.path.relative_to(sub)) for p in found]
        shown = "、".join(names[:3]) + (" 等" if len(names) > 3 else "")
        if all(_earlier(p, latest) for p in found):
            place.why = (f"子文件夹，未读取；其中的 {len(found)} 个花名册（{shown}）写明的所属期早于本期花名册，按上期文件处理；"
                         "确是本期要核查的，请把存放它们的文件夹写在命令中")
        else:
            what = "新申请家庭名册" if applications else "花名册"  # (screen's applications: h406 left them 花名册)
            place.why = (f"子文件夹，未读取；其中有 {len(found)} 个{what}（{shown}），要核查的请把存放它们的文件夹写在"
                         "命令中")
        # one warning each: three townships' 不用 folders were all said to hold the first one's roster, by one bare name
        # (h384); a name other folders share is said with its parent's
        shared = sum(1 for p in got.placements if p.path.name == sub.name and p.path != sub and p.path.is_dir())
        at = next((k for k, w in enumerate(got.warnings) if w == said), None)
        if at is not None:
            got.warnings[at] = f"{Path(sub.parent.name, sub.name) if shared else sub.name}：{place.why}，已跳过"
        out.append((place, found))
    return out


def _rosters_below_each(got: Gathered, folder: Path, explicit: dict, wanted: Collection[str] | None,
                        applications: bool) -> list[tuple[Placement, list[Placement]]]:
    """Each skipped sub-folder of a folder with the rosters found below it (:func:`_rosters_in`), when there are any."""
    from .roster import period_named

    out = []
    for place in got.placements:
        sub = place.path
        if (place.kind is not None or place.by == "parent" or sub.parent != folder or not sub.is_dir()
                or (sub / "run.json").is_file()):
            continue
        if found := _rosters_in(sub, explicit, wanted, applications):
            for roster in found:  # a roster naming no period takes its folder's (2026年第二季度/低保花名册.xlsx: h411)
                if not period_named(roster.named or roster.path.stem):
                    roster.named = f"{roster.named or roster.path.stem} {roster.path.parent.relative_to(folder)}"
            out.append((place, found))
    return out


_BELOW_DEPTH = 3  # 乡镇报送/城关镇/花名册.xlsx is two levels below the folder given; one more is allowed
_BELOW_FILES = 200  # files looked at below one sub-folder (a folder of a year's ledgers is no township's rosters)


def _rosters_in(sub: Path, explicit: dict, wanted: Collection[str] | None, applications: bool,
                skip: Collection[Path] = ()) -> list[Placement]:
    """The files below a sub-folder (and its own sub-folders, :data:`_BELOW_DEPTH` levels; no report folder, none of
    ``skip``, resolved folders the command gives) taken as rosters, or named as rosters and unreadable; applicants'
    rosters only when the command reads applicants."""
    out, looked = [], 0
    for here, dirs, files in os.walk(sub):
        depth = len(Path(here).relative_to(sub).parts) + 1
        dirs[:] = sorted(d for d in dirs if depth < _BELOW_DEPTH and not _TEMP.match(d)
                         and not (Path(here) / d / "run.json").is_file() and (Path(here) / d).resolve() not in skip)
        for path in sorted((Path(here) / f for f in files), key=lambda p: p.name):
            if _skip_reason(path) is not None:
                continue
            looked += 1
            if looked > _BELOW_FILES:
                return out
            try:
                found = classify_file(path, explicit, wanted)
            except RostercheckError:
                found = Placement(path, None, "", unreadable=InputFileError(path, ""))
            if (found.kind == "roster" and (applications or not found.applying)) or (
                    found.unreadable is not None and _names_roster(path)):
                out.append(found)
    return out


def _programmes_below(got: Gathered, folder: Path, explicit: dict, wanted: Collection[str] | None,
                      applications: bool) -> None:
    """Record a folder that gave rosters whose sub-folders hold rosters of the other programme (``Gathered.below``):
    read, the run would check one programme and say nothing of the other's people. Sub-folders are looked into only
    when a programme is missing; rosters naming an earlier period than those read are last quarter's, left alone."""
    from .roster import period_named, programme_named

    if applications:  # applicants of one programme are a whole batch
        return
    rosters = {Path(r).resolve() for r in got.rosters}
    mine = [p for p in got.placements if p.kind == "roster" and p.path.resolve() in rosters]
    have = {programme_named(p.named or p.path.stem) for p in mine}
    if have >= {"低保", "特困"}:
        return
    below = _rosters_below_each(got, folder, explicit, wanted, applications)
    # the latest period named by the rosters read, else by those found below (a 特困 roster naming none beside this
    # quarter's townships' files and last quarter's: h367)
    latest = (max((period_named(p.named or p.path.stem) for p in mine), default="")
              or max((period_named(p.named or p.path.stem) for _, f in below for p in f), default=""))
    missing: dict[str, list[Path]] = {}
    for _place, found in _rosters_in_sub_folders(got, folder, explicit, wanted, applications, latest, below):
        for p in found:
            programme, period = programme_named(p.named or p.path.stem), period_named(p.named or p.path.stem)
            if programme not in have and not (latest and period and period < latest):
                missing.setdefault(programme, []).append(p.path)
    for programme, paths in missing.items():
        got.below.append((folder, programme, paths))


_COPY_WORDS = re.compile(r"备份|副本|复制|拷贝|copy|\(\d+\)|（\d+）", re.I)


def _exits_beside_ledgers(got: Gathered, payments: list[Path] | None, given: set[Path], explicit: dict,
                          found: dict[str, list[Path]], wanted: Collection[str] | None) -> None:
    """A 停保（退出）名单 kept in the --payments folder beside the monthly ledgers is read as the exits list (h401: the
    ledger reader passed it over as "no ledger" and F03 was said unchecked for want of --exits). Only files whose
    name says 停保/退出 (the kind's words) are looked at, so a year of ledgers is not classified file by file; the
    file is then taken by its headers like any list found in a folder."""
    if "exits" in explicit or (wanted is not None and "exits" not in wanted):
        return
    words = re.compile(_words("exits"))
    for folder in (Path(p) for p in payments or [] if Path(p).is_dir()):
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            if path.resolve() in given or _skip_reason(path) or not words.search(path.stem):
                continue
            place = classify_file(path, explicit, {"exits", "payments"})
            if place.kind != "exits":
                continue
            given.add(path.resolve())
            place.why = f"{place.why}（在 --payments 文件夹中，作为停保（退出）名单读取）"
            found.setdefault("exits", []).append(path)
            got.placements.append(place)


def exits_beside_ledgers(payments: list[Path], given: Collection[Path] = ()) -> list[Placement]:
    """The 停保（退出）名单 a --payments folder holds beside its ledgers, read as audit reads it (review, which takes no
    other list: h462).

    Args:
        payments: the --payments files and folders.
        given: the files given otherwise (rosters, earlier lists): never taken.
    Returns:
        One placement per file taken as an exits list (none, one, or several the command must refuse).
    """
    got, found = Gathered(), {}
    _exits_beside_ledgers(got, payments, {Path(p).resolve() for p in given}, {}, found, None)
    return got.placements


def _one_copy_each(got: Gathered, found: dict[str, list[Path]]) -> list[Path]:
    """Rosters and lists found in folders that are the same file byte for byte (a backup copy beside it): one is read —
    the one whose name does not say it is a copy — and the others are skipped, in the table and run.json as well (a
    list's copy stopped every folder command as "two files of one kind": held-out 125). Returns the files skipped:
    a folder holding only such a copy (a township's folder given beside the county's) is no folder nothing was read
    from."""
    taken = {p for files in found.values() for p in files} | set(got.rosters)
    dropped: list[Path] = []
    seen: dict = {}
    groups: dict[int, list[Placement]] = {}
    done: set[Path] = set()  # (a workbook of two lists is placed once per sheet: one file)
    for place in (p for p in got.placements if p.kind is not None and p.by == "content" and p.path in taken):
        if place.path in done:
            continue
        done.add(place.path)
        known = len(seen)
        k = copy_of(place.path, seen)  # only files of the same size are read and hashed
        if k is not None:
            groups[k].append(place)
        elif len(seen) > known:
            groups[known] = [place]
    for same in (g for g in groups.values() if len(g) > 1):
        # the name saying least that it is a copy ('工作表 (3).xlsx' before '工作表 (3) - 副本.xlsx'), then one Excel
        # opens (h449: of 财政供养人员名单.xlsx and its copy saved as .et by WPS, the .et was said to be the one read)
        keep = min(same, key=lambda p: (len(_COPY_WORDS.findall(p.path.stem)), p.path.suffix.lower() == ".et",
                                        same.index(p)))
        for place in same:
            if place is not keep:
                label = "花名册" if place.kind == "roster" else place.label
                (got.rosters if place.kind == "roster" else found[place.kind]).remove(place.path)
                place.unused(f"与 {keep.path.name} 内容完全相同（同一份{label}复制了两份），只读取 {keep.path.name}")
                got.warnings.append(f"{place.path.name}：{place.why}")
                dropped.append(place.path)
    return dropped


def _one_list_each(got: Gathered, kind: str, files: list[Path]) -> list[Path]:
    """Files of one list kind found in folders that hold the same rows (a list delivered twice: the .xlsx and the CSV
    exported from it, h356): one is read — the first whose name does not say it is a copy, a workbook before text — and
    the others are skipped with a notice. Files that differ in any row or value stay, and the run stops asking which."""
    def rank(path: Path) -> tuple:
        return len(_COPY_WORDS.findall(path.stem)), path.suffix.lower() in (".csv", ".txt", ".tsv"), files.index(path)

    keys = {}
    for path in files:
        try:
            keys[path] = _rows_key(load_table(path, kind))
        except RostercheckError:
            keys[path] = None
    kept = []
    for path in sorted(files, key=rank):
        same = next((k for k in kept if keys[path] is not None and keys[k] == keys[path]), None)
        if same is None:
            kept.append(path)
            continue
        for place in got.placements:
            if place.path == path and place.kind == kind:
                place.unused(f"与 {same.name} 的每一行都相同（同一份{place.label}的两种格式或两份副本），只读取 {same.name}")
                got.warnings.append(f"{path.name}：{place.why}")
    return _corrected_version(got, kind, [p for p in files if p in kept], keys)


def _corrected_version(got: Gathered, kind: str, files: list[Path], keys: dict) -> list[Path]:
    """A list sent again corrected (导出数据.csv, then 死亡注销人员名单（更正）.et): when exactly one file's name says it is
    the corrected or final version and at least half of every other file's rows are rows of it, that one is read and
    the others are skipped with a notice naming it (h401: the folder run stopped as "two files of one kind"). Without
    such a name, or with lists that mostly differ, the run still stops and asks which."""
    from .roster import _FINAL

    final = [p for p in files if _FINAL.search(p.stem)]
    if len(files) < 2 or len(final) != 1 or keys.get(final[0]) is None:
        return files
    keep = final[0]
    columns, rows = keys[keep]
    have = set(rows)
    shares = {}
    for path in files:
        if path == keep:
            continue
        if keys.get(path) is None or keys[path][0] != columns or not keys[path][1]:
            return files
        same = sum(row in have for row in keys[path][1])
        if same * 2 < len(keys[path][1]):
            return files
        shares[path] = (same, len(keys[path][1]))
    for place in got.placements:
        if place.path in shares and place.kind == kind:
            same, total = shares[place.path]
            place.unused(f"{keep.name} 的文件名写明是更正（最终）版本，本文件 {total} 行中 {same} 行与它相同，视为同一份"
                         f"{place.label}的早先版本，只读取 {keep.name}；如应读取本文件，请用 {_flag(kind)} 指定")
            got.warnings.append(f"{place.path.name}：{place.why}")
    return [keep]


def _several_lists(got: Gathered, kind: str, files: list[Path]) -> list[Path]:
    """Several files of a kind coverage reads more than one of (``coverage.SEVERAL_FILES``: monitoring) are all read,
    each lead naming its file: the first 防返贫监测对象 list as the kind's list, the others and the 低保边缘家庭 lists
    (:func:`_edge_list`) after it (``Gathered.more``). Two towns' 防返贫 files had stopped the run, and beside two such
    files the 低保边缘 lists were set aside (h398, h411); of files dated to different years only the latest year's are
    read (``coverage._latest_year``, said there)."""
    from .coverage import SEVERAL_FILES

    if kind not in SEVERAL_FILES:
        return files
    edge = {p.path for p in got.placements if p.kind == kind and p.edge and p.path in files}
    order = [f for f in files if f not in edge] + [f for f in files if f in edge]
    if len(order) - len(edge) > 1 and (same := _versions(kind, order[:len(order) - len(edge)])):
        return same  # (the run stops asking which, as before)
    got.more[kind] = order[1:]
    return order[:1]


VERSION_SHARE = 0.5  # two lists of one year sharing this share of the smaller's people are versions of one list


def _versions(kind: str, files: list[Path]) -> list[Path]:
    """Two files of one year (``coverage.list_year``; last year's is left out when read) of which the smaller's people
    (IDs as written) are mostly the other's: two versions of one list, not two towns' files; reading both would take a
    household's old row beside its new one. Returns those two (the run stops asking which), else []."""
    from .coverage import list_year

    people, years = {}, {}
    for path in files:
        try:
            table = load_table(path, kind)
        except RostercheckError:
            return []
        years[path] = list_year(f"{table.title} {path.stem} {' '.join(table.sheets)}")
        people[path] = {text(v) for fld in ("id", "head_id") if fld in table.frame.columns
                        for v in table.frame[fld].tolist()} - {""}
    latest = max(years.values())
    current = [p for p in files if years[p] in ("", latest)]
    for k, a in enumerate(current):
        for b in current[k + 1:]:
            small = min(len(people[a]), len(people[b]))
            if small and len(people[a] & people[b]) >= VERSION_SHARE * small:
                return [a, b]
    return []


def _rows_key(table) -> tuple:
    """A list's rows as comparable values: every recognised column, dates as dates (2025/3/27 in the CSV, a date cell in
    the workbook), numbers without a trailing .0, IDs as read (one typed as a number in one copy makes them differ)."""
    from .normalize.values import date

    def value(raw) -> str:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        said = text(raw).replace(" ", "")
        when = date(raw) if said and not said.isdigit() else None
        return when.isoformat() if when else said

    # (a wide list's month and slot fields count: two years' wages, 1月 … 12月 each, were one list twice: h367)
    columns = sorted(c for c in table.frame.columns
                     if not str(c).startswith("_") or str(c).startswith((WAGE_MONTH, SUPPORTER_SLOT)))
    return tuple(columns), tuple(tuple(value(v) for v in row) for row in table.frame[columns].itertuples(index=False))


__all__ = ["Gathered", "Placement", "classify_file", "classify_folder", "gather", "kinds", "peek", "score_kinds"]
