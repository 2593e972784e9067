"""From raw grids to a table of canonical fields: header row, two-row headers, merged cells, totals."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputFileError
from ..normalize import codes, ids
from ..normalize.values import YUAN_PER, count, date, digits, header_label, money, text, written_text, yuan_per_unit
from .columns import (_RELATION_SLOT, HOUSEHOLD_NO_ALSO, FAMILY_KINDS, SEVERAL_SLOT, BIRTH_FIELDS, DATE_FIELDS, FIELD_LABELS, FORMER_ID, ID_FIELDS, ID_WORDS, KIND_LABELS, MEMBER_SLOT, MONEY_FIELDS,
                      PROXY_ID_FIELD, QUALIFIERS, REQUIRED,
                      REQUIRED_DEFAULT, ROSTER_WORDS, SIGNATURE_FIELDS, SIGNATURE_WORDS, TIE, TWIN, YUAN_FIELDS, assign,
                      assign_columns, candidates, coded_field, former_id_column, specs_for, unread_dates, names_someone_else,
                      option_of, people_cell_columns, person_id_columns, score)
from .limits import Limits
from .field_names import field_names, relabel
from .read import Grid, _cells_coded, is_xlsx, read_grids, skipped_note
from .sparse import SparseGrid
from .system_layout import household_file, join_households, member_file

HEADER_SCAN_ROWS = 30
# … and how far down it is looked for when the first rows hold none: below a long 填表说明 block (held-out 213: 38 rows)
HEADER_SCAN_FAR = 100
_ID_LIKE = (ids.VALID, ids.CHECK, ids.NUMERIC, ids.DATE)
# (a bank's count line under its 代发 rows: 共36笔, 总笔数：36)
_TOTAL = re.compile(r"^(合\s*计|小\s*计|总\s*计|累\s*计|总计|本页合计|全.{0,4}合计|共\s*[\d,]+\s*[笔条]\s*$|总笔数)")
_SUBTOTAL = re.compile(r"(合|小|总)\s*计")
# A note or a signature line under a table ('注：…', '备注：…', '填表人：…'); a note is also read for its legend
# (_footer_text)
_FOOTER = re.compile(r"^(?:(?:注|说明|备注|附注|填表说明)\s*[:：\d一、.]|填表人|审核人|制表|负责人[:：]|填报日期|单位负责人"
                     r"|经办人[:：]|(?:代码|编码|字典|数据字典)(?:说明|对照表?|表)?\s*[:：]?$)")
# a signature line's every cell: 审核人： / 制表人：张三 / 制表日期：2027年1月4日 / 单位（盖章）
# (an application form's 申请人签字： | 日期： under its member table, held-out 365: read as a member without an ID)
_SIGNATURE = re.compile(r"^(填表|审核|审批|复核|制表|填报|负责人|单位负责人|经办人|分管领导|主管领导|单位[(（]?盖章|盖章|签字|日期"
                        r"|[\u4e00-\u9fff]{1,4}人\s*[:：]"  # (any signer's label: 导出人：, 录入人：, 统计人：; held-out 382)
                        # (an office's head or the line to call, with a colon: 民政所所长：, 分管领导：, 联系电话：; h391)
                        r"|[\u4e00-\u9fff]{0,6}(所长|站长|主任|书记|局长|股长|科长|领导)\s*[:：]|(联系|办公)?电话\s*[:：]"
                        r"|(申请人|本人|户主|家庭成员)(本人)?(签字|签名|签章|手印)"
                        # (a signer's label without its colon, then the name or number: '申请人 张三', '录入人李四',
                        # '联系电话 0797-5321234', '所长 王五'; h398: read as members of the last household)
                        r"|(申请|录入|导出|统计|填表|制表|审核|复核|核查|调查|报送|经办)人\s*[\u4e00-\u9fff·•]{2,5}$"
                        r"|[\u4e00-\u9fff]{0,6}(所长|站长|主任|书记|局长|股长|科长|领导)\s+[\u4e00-\u9fff·•]{2,5}$"
                        r"|(联系|办公)?电话\s*[\d\-－()（） ]{7,}$"
                        r"|[^()（）]{0,10}[(（](签字|签名|签章|盖章|手印)[)）])")

# A template's example cell (XX镇, ××村, 某某, 示例, 例：张三), and the most example rows a template shows (a file with
# more rows is data, whatever they say)
EXAMPLE_CELL = re.compile(r"^(?:[XxＸｘ×＊*]{2,}|某某)[\u4e00-\u9fff]{0,3}$|示例|样例|举例|^例[:：]")
EXAMPLE_ROWS = 5


def examples_only(frame: pd.DataFrame) -> bool:
    """Whether a table's few rows are all a template's example rows, each holding an example cell ('XX镇 | XX村 | 张三').

    Args:
        frame: a table's rows (its field columns; ``_row``, ``_sheet`` … are not looked at).
    Returns:
        True when it has one to :data:`EXAMPLE_ROWS` rows and every one holds an example cell.
    """
    if not 0 < len(frame) <= EXAMPLE_ROWS:
        return False
    cells = frame[[c for c in frame.columns if not str(c).startswith("_")]].astype(object)
    return all(any(isinstance(v, str) and EXAMPLE_CELL.search(v.strip()) for v in row)
               for row in cells.itertuples(index=False))


@dataclass
class Table:
    """A list read from one file, with canonical field columns.

    Attributes:
        kind: 'roster' or a reference kind.
        path: the file.
        frame: one row per data row; columns are canonical fields plus ``_row`` (spreadsheet row) and
            ``_sheet``; cell values keep the type the file gave them.
        headers: field → the header label it was recognised from (comparable form: NFKC, no spaces).
        title: text found above the header (title and unit lines).
        written: field → its header as the file writes it, for notices (:meth:`header_said`).
        sheets: the sheet names read.
        warnings: things the user should know (Chinese).
    """

    kind: str
    path: Path
    frame: pd.DataFrame
    headers: dict[str, str] = field(default_factory=dict)
    title: str = ""
    sheets: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    row_count: int | None = None
    # a roster file whose only rows were a template's example rows (:func:`examples_only`), left unread
    template: bool = False
    # the fields written as codes no configuration reads (programme: every row taken as the file's); shared with the
    # copies of the table made per sheet
    unread_fields: set = field(default_factory=set)
    # a roster's households (特困 people) its own 家庭状态/成员状态 says have left, by their IDs: (the status as written,
    # its date or None, the spreadsheet row, the file's name, its township and village) — their payments after it are
    # F03's (``roster._gone``)
    departed: dict = field(default_factory=dict)
    # the members its 成员状态 says left a household that goes on (已死亡, 已迁出 …), by household: the status row's cells
    # (word, label, date, _row, _sheet, file, id, name …) — the household's payments still made for them are F01/F02's
    left: dict = field(default_factory=dict)
    # the 低保边缘 (低边) rows of a shared sheet, left out of the roster (``roster._edge_rows``), by their valid member and
    # head IDs: (the 保障类别 cell as written, the spreadsheet row, the file's name) — review says a household now 低边
    # is there as such, not "已不在新花名册中" (held-out 375)
    edge: dict = field(default_factory=dict)
    # a monthed list filtered to the people of interest (:data:`MONTHED_KINDS`): the whole file's rows per (month cell,
    # 缴费类型 cell) as read, before the filter — the list's months are the file's, not those of the rows kept (held-out
    # 239: months with only people on no roster left out of every wage average's divisor); None when read whole
    months: list[tuple[object, object, int]] | None = None
    # a filtered list whose 状态 column (a deaths list's 注销原因, :func:`counted_field`) the checks read by its bulk code
    # (:data:`STATUS_COUNTED`): the whole file's
    # status cells as text → rows, before the filter — a code's meaning is the file's, not that of the few rows kept
    # (held-out 399: 200 pensions "1", the members' 5 rows "1" ×3, "2", "3": no bulk, every C03 低); None when read whole
    statuses: Counter | None = None
    # a filtered pension or wage list (:data:`AMOUNT_SAMPLED`): its amount column's first cells over the whole file, before
    # the filter — the column's unit (元 or 分, reference._amounts_in_fen) is the file's, not the few rows kept (h419: a
    # wage list's 4 members' yearly wages in 分 were too few to judge, C06 高 at 50,000 元 a month); None when read whole
    amount_sample: dict[str, list] | None = None
    written: dict[str, str] = field(default_factory=dict)
    # the fields read blank because their cells are formulas the file holds no value of (said in ``warnings``): a
    # check comparing such a field (F05's 月保障金) says which households it could not compare, and why
    unsaved: set[str] = field(default_factory=set)
    # a roster's each sheet's fields: field → (its label, comparable; its header as written). A roster's ``headers``
    # stay its first sheet's, so a column only a later sheet has (one village's 人员状态) is found here
    # (:meth:`sheet_header`)
    sheet_headers: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    # a ledger's sheets set apart as sums per care home (集中供养经费拨付表, no person's rows): a file of nothing else has
    # no rows and is still no empty list (held-out 322: said to have a header only, and F01–F07 partly unchecked)
    care_home_sheets: int = 0
    # roster files left out in favour of this one (an earlier period's copy, the same roster saved again): path → why,
    # so that what a folder's file was taken as (run.json) says it was not read (held-out 325)
    left_out: dict[str, str] = field(default_factory=dict)
    # a roster's rows whose 保障类别/申请类别 names other aid, neither 低保 nor 特困 (临时救助, 医疗救助 …): (sheet, row) →
    # the words; shared with the copies of the table made per sheet. screen leaves such applications out (held-out 372)
    other_aid: dict = field(default_factory=dict)
    # the townships and villages its workbook's notes pages (代码说明) or its code table files name by 区划代码: code →
    # name (``regions.code_place_names``), and where they were said ('工作簿的说明页', '代码表文件《…》')
    place_names: dict[str, str] = field(default_factory=dict)
    place_names_from: str = ""
    # a wide ledger's columns of other money beside its month columns (上半年物价补贴, 一次性补贴): the items, not read as
    # payments, named among the other money not compared (held-out 393: left out unsaid)
    side_items: list[str] = field(default_factory=list)
    # a payments workbook's list of the care homes' residents (名单: 供养机构 | 姓名 | 身份证号, no amount): ID → home
    care_residents: dict[str, str] = field(default_factory=dict)

    def sheet_header(self, sheet: object, fld: str, written: bool = False) -> str:
        """A field's header on one sheet (as written with ``written``), else the table's; '' when neither has one."""
        own = self.sheet_headers.get(str(sheet), {}).get(fld)
        if own:
            return own[1 if written else 0]
        return self.header_said(fld) if written else self.headers.get(fld, "")

    def header_said(self, fld: str, default: str = "") -> str:
        """A field's header as the file writes it, for quoting in notices ('申请状态（1待审核 2审批中）', not the comparable
        '申请状态(1待审核2审批中)'); ``default`` when the table has no such column."""
        return self.written.get(fld) or self.headers.get(fld, default)

    @property
    def rows(self) -> int:
        """The number of data rows read (kept when the raw frame was dropped after normalising)."""
        return self.row_count if self.row_count is not None else len(self.frame)

    def drop_cells(self) -> None:
        """Forget the raw cells once they have been turned into members or a normalised list (the row count stays)."""
        self.row_count = self.rows
        self.frame = self.frame.iloc[:0]

    @property
    def label(self) -> str:
        """The Chinese name of the list kind plus the file name, for evidence texts; the file name alone when it names
        the kind already (《死亡人员名单（三季度）.xlsx》, not 《死亡人员名单（死亡人员名单（三季度）.xlsx）》)."""
        kind = KIND_LABELS.get(self.kind, self.kind)
        return self.path.name if kind in self.path.stem else f"{kind}（{self.path.name}）"


def fill_merged(grid: Grid) -> None:
    """Copy each merged range's top-left value into every cell of the range (in place).

    Merged ranges never overlap in a valid workbook, so filling more cells than the grid holds means
    a damaged or hostile file: it is refused rather than left to run for hours.

    Args:
        grid: the grid to fill.
    Raises:
        InputFileError: when the merged ranges overlap far beyond the grid's size.
    """
    height = len(grid.rows)
    budget = 2 * sum(len(row) for row in grid.rows) + 1000
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 < height and r1 >= r0 and c1 >= c0:
            budget -= (min(r1, height - 1) - r0 + 1) * (c1 - c0 + 1)
        if budget < 0:
            raise InputFileError(grid.path, f"工作表“{grid.sheet}”的合并单元格相互重叠、数量异常，文件可能已损坏，请用 Excel/WPS 打开后另存再试。")
        if r0 >= height:
            continue
        r1 = min(r1, height - 1)
        row0 = grid.rows[r0]
        if c0 >= len(row0):
            continue
        value = row0[c0]
        for r in range(r0, r1 + 1):
            row = grid.rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value


def _labels(row: list) -> list[str]:
    return [_label(c) for c in row]


@lru_cache(maxsize=1 << 16, typed=True)  # (typed: 1, 1.0 and True are three cells)
def _label(cell) -> str:
    """:func:`header_label` remembered (a folder's classification reads the same first rows once per kind)."""
    return header_label(cell)


# What a person's own columns say about that person, which a group naming another person (申报人信息, 经办人信息) written
# once over no merge spans; any other column after them (工作单位, 死亡日期) is the row's own again
_PERSON_ATTRIBUTE = re.compile(f"姓名|名字|名称|{ID_WORDS}|号码|电话|手机|联系方式|关系|称谓|性别|民族|年龄|出生|住址|地址|账号|户名|开户")


def _combine(top: list[str], bottom: list[str], merged: bool = False) -> list[str]:
    """A two-row header's labels glued (group + column), a top cell written once carried over the blank top cells right
    of it, unless the top row merges its groups (``merged``): there a cell not merged is one column's group alone
    (held-out 407: 紧急联系人信息 merged over 姓名 | 身份证号, then 经办人信息 over one 身份证号, then the staff member's own
    工作单位 | 姓名 | 身份证号 under blank cells, read as the 经办人's: the list refused for want of its own ID column).
    Carried, a group ends at a column it already has (a second 姓名) and, naming another person, at a column that is
    no attribute of a person (申报人信息 over 姓名 | 身份证号 | 联系电话 written once, then the deceased's 姓名 | 身份证号 |
    死亡日期 under blank cells in a CSV export)."""
    width = max(len(top), len(bottom))
    top = top + [""] * (width - len(top))
    bottom = bottom + [""] * (width - len(bottom))
    out, parent, under, whole = [], "", set(), False
    for k, (t, b) in enumerate(zip(top, bottom)):
        if t:
            # (a label over a blank cell, 个人社保编号 written in the top row alone, is its column's own, no group)
            parent, under = (t, set()) if b else ("", set())
            whole = bool(b) and _household_group(t, b, top[k + 1:])
        elif not b:
            parent = ""
        elif parent and (b in under or (names_someone_else(parent) and not whole and not _PERSON_ATTRIBUTE.search(b))):
            parent = ""
        under.add(b)
        if not b:
            out.append(t)
        elif t == b:
            out.append(t)
            parent = ""  # (a cell merged over both rows, 个人社保编号, is a column of its own, no group over those after it)
        elif t:
            out.append(t + b)
        elif parent and not merged:
            out.append(parent + b)  # a parent cell spanning several children without merge info
        else:
            out.append(b)
    return out


# A group naming the household's own head (申请人信息, 户主信息), not another person
_HEAD_GROUP = re.compile(r"申请人|户主")


def _household_group(group: str, first: str, later: list[str]) -> bool:
    """Whether a group written once over a household's particulars runs on to the next group written: one naming the
    household's head (申请人信息) whose first column is none of a person's (申请编号), another group after it (h454: an
    申请审批系统's GBK CSV, 申请人信息 over 申请编号 | 行政区划代码 | 乡镇 | 村 | 姓名 | 身份证号 …, then 家庭成员信息 over
    the members' 姓名 | 身份证号: the group ended at 行政区划代码, the applicant's bare 姓名 read as every member's)."""
    return bool(_HEAD_GROUP.search(group)) and not _PERSON_ATTRIBUTE.search(first) and any(later)


def find_header(grid: Grid, kind: str) -> tuple[int, int, list[str]] | None:
    """Find the header in the first rows: its first row, its height (1 or 2) and its labels.

    Args:
        grid: the filled grid.
        kind: the list kind.
    Returns:
        (row index, height, labels), or None when no row names at least two known fields.
    """
    found = _header_within(grid, kind, HEADER_SCAN_ROWS)
    # further down only when the first rows hold no header: a later table's header (a 汇总 under the roster) never
    # outbids one near the top
    if found is None and len(grid.rows) > HEADER_SCAN_ROWS:
        found = _header_within(grid, kind, _past_filled(grid.rows, HEADER_SCAN_FAR))
    return found


def _past_filled(rows: list, n: int) -> int:
    """How many of the rows it takes to hold ``n`` rows with a cell filled (all of them when fewer): blank lines
    (a CSV's empty lines, an emptied block of a sheet) do not count toward how far a header is looked for."""
    seen = 0
    for r, row in enumerate(rows):
        seen += any(text(c) for c in row)
        if seen >= n:
            return r + 1
    return len(rows)


def _header_within(grid: Grid, kind: str, rows: int) -> tuple[int, int, list[str]] | None:
    """:func:`find_header` among the grid's first ``rows`` rows."""
    best: tuple[int, int, int, list[str]] | None = None
    limit = min(len(grid.rows), rows)
    # Rows whose cells, two at least, are filled down from the row above by a merged range: the lower row of a
    # two-row header (held-out 133: 代理人信息 over 姓名 | 身份证号 | 银行账号, the household's own columns merged over
    # both rows), never a header alone, where the agent's 银行账号 would be the household's.
    lower: dict[int, int] = {}
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)  # row → its cells merged across columns
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 < r1 and r0 + 1 < limit:
            lower[r0 + 1] = lower.get(r0 + 1, 0) + c1 - c0 + 1
        elif r0 == r1 and c0 < c1 and r0 + 1 < limit:
            spans[r0].append((c0, c1))
    above: list[str] = []
    fields: dict[str, bool] = {}  # label → whether it names a field of the kind (labels repeat from row to row)

    def field(label: str) -> bool:
        if label not in fields:
            fields[label] = score([label], kind) >= 1
        return fields[label]

    for r in range(limit):
        labels = _labels(grid.rows[r])
        if _label_value_row(grid.rows[r], labels, field, kind):
            above = []  # a form's label cells with their values: never a header, nor part of one (held-out 365)
            continue
        # … or whose blanks sit under fields the row above names (a CSV's 乡镇 | 村 written only in the top row, over
        # no merge, beside 代理人信息 over 姓名 | 身份证号: held-out 134)
        under = sum(1 for c, t in enumerate(above) if t and not (c < len(labels) and labels[c]) and field(t))
        # … or that the row above groups under another person's role (代理人信息 over 姓名 | 身份证号, not merged)
        grouped = any(_GROUP.fullmatch(t) and _someone_elses_group(t, lambda x: _fit(x, kind)) for t in above if t)
        # … or that merges an approved amount over its parts, each with a sub-heading of its own (供养标准(元/月) over
        # 基本生活标准 | 照料护理标准, held-out 200: read alone, both were 供养标准 and the 合计 beside them the 基本生活标准;
        # a month merged over its items is no such amount)
        parts = r + 1 < len(grid.rows) and any(
            _fit(labels[c0], kind)[1] in ("benefit", "benefit_total")
            and len({x for x in _labels(grid.rows[r + 1][c0:c1 + 1]) if x and x != labels[c0]}) >= 2 for c0, c1 in spans[r])
        s1 = score(labels, kind) if lower.get(r, 0) < 2 and under < 2 and not grouped and not parts else 0
        above = labels
        cands = [(s1, 1, labels)]
        if (r + 1 < len(grid.rows) and _IDENTIFIERS.fullmatch(" ".join(x for x in labels if x) or "-")
                and not any(ids.id_number(c).ok for c in grid.rows[r + 1])):  # (a data row is no header, whatever it scores)
            # a system's field identifiers (XM GMSFHM SWRQ) over a row of Chinese labels: one header, read by the labels
            below = _labels(grid.rows[r + 1])
            s2 = score(below, kind)
            if s2 >= 2:
                cands = [(max(s1, s2), 2, [b or t for t, b in zip(labels, below)] + below[len(labels):])]
        if len(cands) == 1 and r + 1 < len(grid.rows):
            below = _labels(grid.rows[r + 1])
            top_cells = {x for x in labels if x}
            # A title line alone in the top row is not a parent header (two distinct cells at least), nor is a caption
            # line of 'key：value' cells ('资金项目：城乡低保金 … 单位：元', held-out 316: glued over 乡镇 it made
            # '资金项目城乡低保金乡镇' the item column, each payment's item a township, a finance office's quarterly
            # ledgers read as other money).
            if (len(top_cells) >= 2 and sum(1 for x in below if x) >= 2 and not _data_row(grid.rows[r + 1])
                    and not caption_line(grid.rows[r])
                    and not _label_value_row(grid.rows[r + 1], below, field, kind)
                    and not _holds_a_count(grid.rows[r], kind)):
                combined = _combine(labels, below, merged=bool(spans[r]))
                judged = score(below, kind) >= 2
                sharper = _sharper(combined, below, kind) if judged else below
                if parts:  # each sub-heading decides its column (照料护理标准 is no 供养标准 total)
                    cands.append((score(sharper, kind), 2, sharper))
                else:
                    cands.append((score(combined, kind), 2, combined))
                    # a group row naming whose columns they are, read where it says more; or one whose words only hide
                    # the labels under it (干部信息 over 乡镇 | 职务 | 联系电话: no field takes 干部信息职务), the labels
                    # read alone being barred by another group beside it naming someone else (配偶信息, 录入信息; h456:
                    # a cadre list's 职务 and 联系电话 unread, RQ3 missed)
                    if sharper != combined and (sharper != below or judged):
                        cands.append((score(sharper, kind) + 0.5, 2, sharper))
        below_labels = _labels(grid.rows[r + 1]) if r + 1 < len(grid.rows) else []
        top_at = (lambda c: labels[c] if c < len(labels) else "")  # noqa: E731
        if lower.get(r + 1, 0) >= 2 or any(
                b and not top_at(c) and field(b) and top_at(c - 1) and below_labels[c - 1]
                for c, b in enumerate(below_labels) if c):
            # cells of this row merged down into the next (the other party's 姓名 | 身份证号 each over both rows beside
            # 迁移人员 merged over its own 姓名 | 身份证号), or a group's labels under it written once (a CSV's 迁移人员 | ''
            # over 姓名 | 身份证号: a field's label under a blank cell right of a label over one of its own; not a form's
            # 日期： under nothing, test_screen_shapes): the header is both rows, read so where it names as many fields (h437: the top row alone,
            # 迁移人员 | 迁移人员, named as many with the other party's bare 姓名 | 身份证号, and won by coming first: the
            # 迁入地户主's columns read as the mover's)
            cands = [(s + (MERGED_DOWN_BONUS if h == 2 else 0), h, labs) for s, h, labs in cands]
        for s, h, labs in cands:
            if s >= 2 and (best is None or s > best[0]):
                best = (s, r, h, labs)
    if best is None:
        return None
    return best[1], best[2], best[3]


MERGED_DOWN_BONUS = 0.25  # _header_within: below the 0.5 a group row naming whose columns they are adds (sharper)


# A value cell right of a label in a form's label row: digits alone, seven or more (a phone number; a count is a number)
_FORM_VALUE = re.compile(r"\d[\d\s\-]{6,}")


# An ID as a form may write it: whole, one digit off, an impossible date, typed as a number, cut short (a phone number
# is none)
_ID_SHAPED = (ids.VALID, ids.CHECK, ids.DATE, ids.NUMERIC, ids.SHORT)


def _label_value_row(cells: list, labels: list[str], field, kind: str) -> bool:
    """Whether a row is an application form's label cells, each followed by its value (申请人 | 张三 | 身份证号码 | 4305…;
    乡镇（街道） | 石门乡 | 家庭人口 | 3 | 联系电话 | 1350…), not a header: it holds an ID (whole, damaged or masked),
    or a label of the kind followed by a number or a digit string (家庭住址 | 龙渡村5组 | 家庭人口 | 3). Held-out 365: a
    short form's two label rows
    over a narrower member table (姓名 | 与申请人关系 | 身份证号码) outscored it as a two-row header, and the workbook was
    taken for a cadre list, its ten families unscreened.

    Args:
        cells: the row's cells as read.
        labels: their header labels.
        field: whether a label names a field of the kind.
        kind: the list kind (a ledger's or a monthly list's header may name its months by numbers: no values looked at).
    Returns:
        Whether the row is label cells with values.
    """
    if any(ids.masked(c) is not None or ids.id_number(c).status in _ID_SHAPED for c in cells if text(c)) or _data_row(cells):
        return any(labels)  # (an ID beside labels: an applicant's, a label row's; a data row is no header either)
    if kind in ("payments", *MONTHED_KINDS):
        return False
    # (a value in words may look like a label itself — 龙渡村 names a village column as much as 村 — so only a number
    # tells: no header writes a count or a phone number right of a label it names a column by)
    filled = [(c, labels[c]) for c, v in enumerate(cells) if text(v)]
    return any(label and field(label) and (
        (isinstance(cells[c], (int, float)) and not isinstance(cells[c], bool)) or _FORM_VALUE.fullmatch(text(cells[c])))
        for (_, label), (c, _value) in zip(filled, filled[1:]))


def _holds_a_count(cells: list, kind: str) -> bool:
    """Whether a row holds a number cell, so that it is no group row over a header (a form's 家庭住址 | 龙渡村5组 | 家庭人口 |
    3 | 村（社区） | 龙渡村 glued over its member table made a cadre list of 村 columns, held-out 365); a ledger's or a
    monthly list's top row may hold years or months as numbers."""
    return kind not in ("payments", *MONTHED_KINDS) and any(
        isinstance(c, (int, float)) and not isinstance(c, bool) for c in cells)


# A caption cell above a table: a short key, a colon, its value ('资金项目：城乡低保金', '填报单位：XX民政局',
# '批次号：20260415001'); a bracket before the colon makes it a header's unit ('收入情况（单位：元）')
# (the key may end in a bracketed alternative: 村（社区）：梅塘村, 乡镇（街道）：石门乡 — held-out 358's form line, else taken
# for a two-row header's groups over the member table)
_CAPTION = re.compile(r"[^:：()（）\[\]【】]{1,12}(?:[(（][^:：()（）]{1,6}[)）])?[:：]\s*\S.*")


def caption_line(row: list) -> bool:
    """Whether a row above a header holds captions only: each filled cell a 'key：value' caption
    (:data:`_CAPTION`) or a unit (单位：元, (元)), one caption at least. Such a row says something about the whole
    sheet, never which columns a header's cells group."""
    filled = [t for t in (text(c) for c in row) if t]
    return (any(_CAPTION.fullmatch(t) for t in filled)
            and all(_CAPTION.fullmatch(t) or _UNIT.fullmatch(t) for t in filled))


# A run of digits no header label holds: an ID, a 残疾人证号 (ID + 2 digits), an account, a 12-digit region code.
_LONG_NUMBER = re.compile(r"\d{12,}")


def _data_row(cells: list) -> bool:
    """Whether a row below a header candidate is data, not a second header row: it holds an ID, or a number of 12
    digits or more (held-out 138: a 残疾人证号 52262819370722227X22 is no ID, and the first row of a disability list
    glued to the labels above, under a 监护人信息 group, made the guardian's 身份证号 the disabled person's)."""
    return any(ids.id_number(c).ok or (isinstance(c, (int, float)) and not isinstance(c, bool) and abs(c) >= 1e11)
               or (isinstance(c, str) and _LONG_NUMBER.search(c)) for c in cells)


def _fit(label: str, kind: str) -> tuple[float, str]:
    """How well a header label names a field of the kind, and which: (-1.0, '') for none."""
    return max(((f, spec.field) for spec in specs_for(kind) if (f := spec.fit(label)) is not None), default=(-1.0, ""))


def _sharper(combined: list[str], below: list[str], kind: str) -> list[str]:
    """A two-row header's labels, each the glued one (group + column: '近亲属信息姓名') where it names a field of the kind
    more specifically than the column's own label ('姓名', which names the cadre's name as well), else the column's own
    ('近亲属信息与干部关系' names nothing: '与干部关系'); a column whose own label names no field keeps it (the row below a
    header may be data)."""
    def best(label: str) -> tuple[float, str]:
        return _fit(label, kind)

    out = []
    pairs = list(zip(combined, below + [""] * (len(combined) - len(below))))
    # 姓名 under 干部信息 and under 经办人信息: the group tells; so too where the other 姓名 is a top-row label over a blank
    # cell, its column's own (a CSV's 姓名 | 身份证号 | 迁移人员 over ,, 姓名 | 身份证号: h437, the mover read as 姓名 and tied)
    owns = [b or c for c, b in pairs]
    repeated = {x for x in owns if x and owns.count(x) > 1}
    # Two groups a name field takes as the row's person (a cadre list's 干部信息 and 经办人信息): the one it fits less
    # is another person's, the form's filler (held-out 137)
    groups = {c[: -len(b)] for c, b in pairs if b and c != b and c.endswith(b)}
    named = {g: best(g + "姓名") for g in groups if names_someone_else(g)}
    top = {f: max(fit for fit, ff in named.values() if ff == f) for _, f in named.values() if f}
    lesser = {g for g, (fit, f) in named.items() if f and fit < top[f]}
    for c, b in pairs:
        own, field = best(b) if b else (-1.0, "")
        group = c[: -len(b)] if b and c.endswith(b) else ""
        glued, glued_field = best(c) if c != b else (-1.0, "")
        # a column's own label naming its field outright (被赡养人身份证号) keeps it against a glued label that a group's
        # words turn into another field's (赡养关系 + 被赡养人身份证号 read as the supporter's 赡养…身份证号: h444, the
        # dependent's column lost and the list refused)
        outright = own >= OUTRIGHT_FIT and glued_field != field
        # a group naming whose column it is (户主信息 over 姓名) decides a tie between the glued label's field and the
        # column's own (h447: 户主信息姓名 and 姓名 fit equally, the head's name was read as the leaver's)
        says_more = glued > own or (glued == own and glued_field != field)
        if not b or (c != b and own >= 0 and says_more and not outright) or (b in repeated and c != b and glued >= 0):
            out.append(c)
        elif field in _PERSON_FIELDS and (group in lesser or _someone_elses_group(group, best)):
            # a group naming another person than the row's (代理人信息, 联系人信息, 申报人信息 over 姓名 | 身份证号 | 银行账号,
            # held-out 134): its person columns are that person's, named as such, never the row's own bare 姓名
            out.append(c)
        else:
            out.append(b)
    return out


# A label's fit from an alias of weight 2 covering at least half of it: the label names its field outright
OUTRIGHT_FIT = 2.5


# A row's person columns, which a group naming someone else takes (a 乡镇 column after it is the row's own)
_PERSON_FIELDS = frozenset(("name", "id", "phone", "phone2", "bank_account", "holder", "relation", "address"))
_GROUP = re.compile(r"[\u4e00-\u9fff()（）]{2,10}(信息|情况)")


def _someone_elses_group(group: str, best) -> bool:
    """Whether a two-row header's group label (代理人信息, 联系人信息) names another person than the row's: a role no
    name or ID field of the kind takes as the row's own (干部信息 is a cadre list's own, 户主信息 a roster's)."""
    return (bool(group) and names_someone_else(group)
            and all(fit < 0 or field in _OTHER_PERSONS_FIELDS for fit, field in (best(group + "姓名"), best(group + "身份证号"))))


# Fields that are another person's by their own words (a ledger's 代领人身份证号, 代领人姓名, 监护人姓名, 委托人姓名): a group
# they fit is still someone else's (代理人信息 over 姓名 | 身份证号 | 银行账号: its 银行账号 had become the payee's once
# 代理人身份证号 was read, h404, and again once h450 read 代理人信息姓名 as the 代领人's name)
_OTHER_PERSONS_FIELDS = frozenset((PROXY_ID_FIELD, "proxy_name", "guardian_name", "trustee_name"))


_IDENTIFIERS = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?: [A-Za-z][A-Za-z0-9_]*)+")


def _is_total_or_footer(values: list[str]) -> bool:
    # a note merged across the table's width reaches here as the same text in every cell (held-out 379: '说明：…经办人：
    # 张三（4331…）' in the ID column too was a member, C01 高 against the staff list): judged once
    filled = list(dict.fromkeys(v for v in values if v))
    if not filled:
        return True
    head = "".join(filled[:3])
    if any(_TOTAL.match(v) or (len(v) <= 20 and _SUBTOTAL.search(v)) for v in filled[:4]):
        return True  # '合计', and township subtotals such as '城关镇小计'（only rows without an ID get here）
    return (len(filled) <= 2 and (bool(_FOOTER.match(head)) or _legend_line(filled[0]))) or \
        all(_SIGNATURE.match(v) for v in filled)


# A line of a code legend under a table, after a 代码说明： line ('1. 在押状态：1-在押，2-刑满释放，3-暂予监外执行'):
# a field's name and a colon, then two codes at least (h493: a province's GBK CSV, which has no 说明 page, lists its
# codes so under its data; the lines were read as members without an ID, 20 D03 低, and the codes went unread)
_LEGEND_LINE = re.compile(r"(?:[（(]?[\d一二三四五六七八九十]{1,2}[)）.．、]\s*)?[\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,15}\s*[:：]")


def _legend_line(cell: str) -> bool:
    """Whether a row's first cell is one field's code legend written as a line of notes (:data:`_LEGEND_LINE`)."""
    found = _LEGEND_LINE.match(cell)
    return bool(found) and len(codes.legend(cell[found.end():].strip())) >= 2


def _content_id_column(rows: list[list], used: set[int], labels: list[str], decoys: list[int] | None = None) -> int | None:
    """Return the first unassigned column whose filled cells are mostly ID numbers, unless its header says whose it
    is (经办人身份证号, 原权利人证件号: somebody else's ID is never the row's own). Mostly 18 digits is not enough: at
    least half (``_WHOLE_SHARE``) should be whole IDs (or IDs typed as numbers); a column of 18-digit numbers that are
    not (a 医保个人编号 whose birth dates and check characters fail, h415: every row's ID said wrong) is still the one
    returned (its rows link to nobody, as before) and is put in ``decoys``, for the notice."""
    if not rows:
        return None
    width = max(len(r) for r in rows)
    sample = rows[:200]
    card: int | None = None  # a 社会保障卡号 column of valid IDs: read where no other column holds whole IDs (h436)
    for col in range(width):
        label = labels[col] if col < len(labels) else ""
        if col in used or names_someone_else(label):
            continue
        cells = [r[col] for r in sample if col < len(r) and r[col] not in ("", None)]
        if len(cells) < 2:
            continue
        status = [ids.id_number(c).status for c in cells]
        if (_CARD_LABEL.search(label) and card is None
                and sum(1 for st in status if st == ids.VALID) >= _CARD_ID_SHARE * len(cells)):
            card = col  # (a column of IDs after it is the ID column; else this one)
            continue
        if sum(1 for st in status if st in _ID_LIKE) >= 0.6 * len(cells):
            if sum(1 for st in status if st in (ids.VALID, ids.NUMERIC)) < _WHOLE_SHARE * len(cells):
                if card is None:
                    card = _card_id_column(sample, used, labels, col + 1)
                if card is not None:
                    return card  # (an 18-digit 医保个人编号 before the card column holding the IDs: the IDs win)
                if decoys is not None:
                    decoys.append(col)
            return col
    return card


def _card_id_column(sample: list[list], used: set[int], labels: list[str], start: int) -> int | None:
    """The first column from ``start`` on headed as a social security card (``_CARD_LABEL``) whose filled cells are
    almost all valid IDs (``_CARD_ID_SHARE``), else None."""
    for col in range(start, len(labels)):
        if col in used or not _CARD_LABEL.search(labels[col]) or names_someone_else(labels[col]):
            continue
        cells = [r[col] for r in sample if col < len(r) and r[col] not in ("", None)]
        if len(cells) >= 2 and sum(1 for c in cells if ids.id_number(c).status == ids.VALID) >= _CARD_ID_SHARE * len(cells):
            return col
    return None


# The share of a content-judged ID column's cells that must be whole IDs (h415)
_WHOLE_SHARE = 0.5
# A 社会保障卡号 / 社保卡号 column: some systems put the 18-digit ID there, but a real card number is a 9-character card
# number (A12345678) or a bank card's: such a column wins over another ID-shaped column (an 18-digit 医保个人编号) only
# when its filled cells are almost all valid IDs (check characters right) and no column holds whole IDs (h429's
# left-over, h436); otherwise it is judged by its content as any unnamed column (a mix of IDs and card numbers: its IDs)
_CARD_LABEL = re.compile(r"社会保障卡|社保卡")
_CARD_ID_SHARE = 0.9


CONTENT_SAMPLE = 200


def _id_ish(cell: object) -> bool:
    """Whether a cell could be an ID number, even a damaged one (14 digits or more)."""
    return len(digits(cell)) >= 14


class _ContentCheck:
    """Whether a column's first cells can be the field its header suggests (dates, amounts, IDs).

    A column with fewer than three filled cells in the sample is given the benefit of the doubt (an ID column left wholly
    blank below three or more rows is not). Totals and footers
    ('合计' under 身份证号) are not data and are left out of the sample, as :class:`_RowFilter` leaves them out of the rows.
    """

    def __init__(self, rows: list[list], kind: str = ""):
        self.rows = [row for row in rows[:CONTENT_SAMPLE] if not _is_total_or_footer([text(c) for c in row])]
        self.memo: dict[tuple[str, int], bool] = {}
        # a bank's ledger may mask its payees' IDs (4105**********0028): the column is still theirs (linked by account);
        # so may a list (a 司法 list of 4305**********1234: refused as having no 身份证号 column, held-out 305), its
        # rows then said unmatched and its check partly done
        self.masked_ids = kind != "roster"

    def filled(self, col: int) -> int:
        """How many of the sample's rows have a cell in a column."""
        return sum(1 for row in self.rows if col < len(row) and text(row[col]))

    def valid_ids(self, col: int) -> int:
        """How many of the sample's cells in a column are valid IDs as they stand (a number cell is not: its last
        digits are lost)."""
        return sum(1 for row in self.rows if col < len(row) and ids.id_number(row[col]).status == ids.VALID)

    def __call__(self, fld: str, col: int) -> bool:
        key = (fld, col)
        if key not in self.memo:
            self.memo[key] = self._check(fld, col)
        return self.memo[key]

    def _check(self, fld: str, col: int) -> bool:
        if fld in DATE_FIELDS:
            test, share = (lambda c: date(c) is not None), 0.5
        elif fld in MONEY_FIELDS:
            test, share = (lambda c: money(c) is not None), 0.5
        elif fld in ID_FIELDS:
            test, share = (lambda c: _id_ish(c) or (self.masked_ids and ids.masked(c) is not None)), 0.2
        else:
            return True
        cells = [row[col] for row in self.rows if col < len(row) and text(row[col])]
        if fld in DATE_FIELDS:  # a system's "no date" (0000-00-00, 1900-01-01) is a blank cell (h478)
            cells = [c for c in cells if not codes.null_date(c, birth=fld in BIRTH_FIELDS)]
        if not cells and fld == "id" and len(self.rows) >= 3:
            return False  # an empty column (财务负责人身份证号 left blank) is nobody's ID; a real one may follow
        if len(cells) < 3:
            return True
        if fld == "id" and not self.masked_ids and len(cells) >= REPEATED_ID_ROWS and len({text(c) for c in cells}) == 1:
            return False  # one ID on every row is no column of the members' own (h431: a 身份证号 column repeating one
            # person's beside 成员身份证号码 gave every member that ID: 10 D01 and the deaths unmatched)
        return sum(1 for c in cells if test(c)) >= share * len(cells)


# A roster's rows sampled that all show one ID: the column is someone's (the head's, the filler's), not each member's.
REPEATED_ID_ROWS = 5


_UNIT_NAMES = {per: unit for unit, per in YUAN_PER.items() if unit != "万"}  # (万 is said as 万元)
# The fields of a ledger's amount columns, one per month or item (io.ledgers: '_m<col>' for 1月…12月 or 低保金 | 物价补贴):
# amounts like ``amount``, in the unit their header or title names (a wide book '（单位：万元）' was read as yuan: every
# 特困 person 0.12 元 a month, F05 少发 at 高)
LEDGER_AMOUNTS = "_m"


@dataclass
class Layout:
    """Where a grid's header is and which column holds which field.

    Attributes:
        start: index (in the grid's rows) of the first data row.
        labels: the header labels.
        mapping: field → column index.
        title: text found above the header.
        warnings: things the user should know (Chinese).
        written: each column's header as the file writes it (:func:`written_labels`), for notices.
    """

    start: int
    labels: list[str]
    mapping: dict[str, int]
    title: str
    warnings: list[str]
    tie: str = ""  # the warning of a tie between ID columns of two people no header decided (columns.TIE)
    written: list[str] = field(default_factory=list)
    # the workbook's notes pages (填表说明, 代码说明) as :func:`legend_text` gives them: the legends no header or title gives
    legends: str = ""
    footer: str = ""  # the notes written under the table (:func:`_footer_text`)
    # the legends of code table files named after the file (:func:`companion_code_files`), and those files' names
    file_legends: str = ""
    legend_files: str = ""

    def said(self, col: int) -> str:
        """A column's header as the file writes it (its comparable label where that is unknown)."""
        if col < len(self.written) and self.written[col]:
            return self.written[col]
        return self.labels[col] if col < len(self.labels) else f"第{col + 1}列"

    @property
    def headers_said(self) -> dict[str, str]:
        """Field → its header as the file writes it, for notices."""
        return {fld: self.said(col) for fld, col in self.mapping.items()}

    @property
    def headers(self) -> dict[str, str]:
        """Field → the header label it was recognised from."""
        return {fld: (self.labels[col] if col < len(self.labels) else f"第{col + 1}列") for fld, col in self.mapping.items()}

    def readings(self) -> dict[str, tuple[dict[str, str], float]]:
        """Field → (the meanings its header or the title give its codes, yuan per unit of its amounts), for the fields
        read otherwise than as written: a coded column explained ('迁移类型（1迁入 2迁出）', a title '待遇状态：1正常 2暂停'),
        an amount in another unit than yuan ('月发放金额（分）', a title '金额单位：分'; held-out 210)."""
        out = {}
        for fld, label in self.headers.items():
            meanings = (self._explained(label, self.title) or self._explained(label, self.footer)
                        or self._noted(label)) if coded_field(fld) else {}
            per = yuan_per_unit(label, self.title) if fld in YUAN_FIELDS or fld.startswith(LEDGER_AMOUNTS) else 1.0
            if meanings or per != 1.0:
                out[fld] = (meanings, per)
        return out

    def _noted(self, label: str, legends: str | None = None) -> dict[str, str]:
        """The meanings the workbook's notes pages (or ``legends``; by default those, then the code table files named
        after the file) give a column's codes: by its label, or by the label after a two-row header's group cell."""
        if legends is None:
            return self._noted(label, self.legends) or self._noted(label, self.file_legends)
        return self._explained(label, legends)

    def _explained(self, label: str, said: str) -> dict[str, str]:
        """The meanings a text (the title, the notes under the table, a notes page) gives a column's codes: by its
        label, or by the label after a two-row header's group cell (h454: a GBK CSV writing 家庭成员信息 once over
        劳动能力, its title's '劳动能力：1有劳动能力 2丧失劳动能力' unread, every member's 1/2 not recognised)."""
        found = codes.legend(label, said)
        if not found and said:
            groups = _group_prefixes(self.labels)
            found = next((got for g in groups if label.startswith(g) and len(label) - len(g) >= 4
                          and (got := codes.legend(label[len(g):], said))), {})
        return found

    def readings_said(self) -> list[str]:
        """The notices saying how :meth:`readings` reads the columns (Chinese)."""
        said = []
        for fld, (meanings, per) in self.readings().items():
            label = self.headers_said[fld]  # (as the file writes it: held-out 243 quoted '申请状态(1待审核2审批中…)')
            if meanings:
                where = ("表头或标题" if self._explained(self.headers[fld], self.title) else
                         "表格下方的注" if self._explained(self.headers[fld], self.footer) else
                         "工作簿的说明页" if self._noted(self.headers[fld], self.legends) else
                         f"代码表文件{self.legend_files}")
                said.append(f"“{label}”列的代码按{where}中的说明读取（{'、'.join(c + w for c, w in meanings.items())}）")
            if per != 1.0:
                said.append(f"“{label}”列的金额以{_UNIT_NAMES[per]}为单位，已折算为元"
                            f"（{'÷' + format(1 / per, 'g') if per < 1 else '×' + format(per, 'g')}）")
        return said


def _group_prefixes(labels: list[str]) -> list[str]:
    """The group cells of a two-row header the labels begin with ('成员信息' of 成员信息人员状态, 成员信息性别 …): the
    prefixes of two characters or more that three labels or more share, longest first (a column named by four
    characters or more after it: a bare 状态 or 类别 is no column of its own). A code sheet names the column
    by its own row ('人员状态 | 1 | 在保'; h362: a roster's 城乡类别, 救助类别 and 人员状态 explained only there were
    unread under their groups' names)."""
    counts: Counter[str] = Counter(lab[:k] for lab in dict.fromkeys(labels) for k in range(2, len(lab) - 1))
    return sorted((p for p, n in counts.items() if n >= 3), key=len, reverse=True)


# A code table file named after the list it explains: 户籍迁出信息_代码表.csv beside 户籍迁出信息.csv (h362)
_COMPANION = re.compile(r"[\s_\-—－()（）【】\[\]]*(?:数据)?(?:代码|编码)?(?:表|说明|字典|集)?[\s)）】\]]*")
_TABLE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".tsv", ".et")


def companion_code_files(path: Path) -> list[Path]:
    """The code tables beside a file that are named after it (its name, then 代码表, 代码说明, 编码表, 数据字典 …:
    户籍迁出信息_代码表.csv for 户籍迁出信息.csv): a system exports such a table with the list, and it explains that list's
    coded columns by their names (字段 | 代码 | 含义). A folder's code table named after no file explains none of them (which
    list's 状态 it gives is unknown).

    Args:
        path: the list's (or roster's) file.
    Returns:
        Those files, sorted by name.
    """
    return sorted(p for p in _tables_beside(path) if companion_of(p, path.stem))


def _tables_beside(path: Path) -> list[Path]:
    """The table files (xlsx, xls, csv …) in a file's folder but itself (none when the folder cannot be listed)."""
    try:
        return [p for p in path.parent.iterdir() if p.suffix.lower() in _TABLE_SUFFIXES and p != path]
    except OSError:
        return []


# A code table a system exports beside its rosters and named after none of them (代码说明.xlsx, 数据字典.csv,
# 低保系统代码表.xlsx): its name, perhaps after the system's or programme's, and nothing naming another list
_FOLDER_TABLE = re.compile(r"(?:[\u4e00-\u9fff]{0,10}?(?:低保|特困|救助|花名册|名册|系统|对象|供养))?[\s_\-—－]*"
                           r"(?:数据字典|字典|代码说明|代码表|编码表|代码对照表|代码字典)[\s_\-—－()（）\d]*")


def folder_code_tables(path: Path) -> list[Path]:
    """The code tables beside a roster named after no file of its folder (:data:`_FOLDER_TABLE`; a file another file is
    named before is that file's, :func:`companion_code_files`): a provincial system's export of its rosters with one
    代码说明 for all (held-out 408: the 人员状态 2 停保 of a roster explained only there were audited, 9 findings 高).
    A roster reads them after its own legends, for the columns nothing else explains, said.

    Args:
        path: the roster's (or application list's) file.
    Returns:
        Those files, sorted by name.
    """
    beside = _tables_beside(path)
    return sorted(p for p in beside if is_folder_code_table(p, beside + [path]))


def _fitting_legends(text_: str, layout: Layout, grid: Grid) -> str:
    """The legends of a folder's code table (:func:`folder_code_tables`) for a sheet's coded columns that nothing of
    their own explains and whose cells are all that table's codes (a column of '1|有劳动能力' is another system's, whose
    1 the table may give another meaning: h408), one line per column for :meth:`Layout.readings`."""
    own = layout.readings()
    lines = []
    for fld, label in layout.headers.items():
        if fld in own or not coded_field(fld):
            continue
        run = layout._noted(label, text_)  # (under a two-row header's group cell too: '成员信息人员状态', held-out 439)
        if run and _all_codes(grid, layout, layout.mapping[fld], run):
            lines.append(f"{label}：{' '.join(code + word for code, word in run.items())}")
    return "。\n".join(lines)


def is_folder_code_table(path: Path, beside: list[Path]) -> bool:
    """Whether a file is named as a code table of the rosters of its folder (see :func:`folder_code_tables`)."""
    return (bool(_FOLDER_TABLE.fullmatch(path.stem))
            and not any(companion_of(path, p.stem) for p in beside if p != path))


def file_legends(path: Path, layout: Layout, limits: Limits | None = None) -> None:
    """Give a layout the legends of the code table files named after its file (:func:`companion_code_files`), said in its
    warnings (for a file read without :func:`read_file`: a big CSV streamed by DuckDB)."""
    companions = companion_code_files(path)
    if companions:
        from .ledgers import code_tables

        layout.file_legends, companions = code_tables(companions, limits)
        layout.legend_files = "".join(f"《{p.name}》" for p in companions)
        layout.warnings.extend(n for n in layout.readings_said() if n not in layout.warnings)


def companion_of(code_file: Path, stem: str) -> bool:
    """Whether a file is a code table named after a file of the given stem (see :func:`companion_code_files`)."""
    rest = code_file.stem[len(stem):] if code_file.stem.startswith(stem) and stem else ""
    return bool(rest) and bool(re.search(r"代码|编码|字典", rest)) and bool(_COMPANION.fullmatch(rest))


# A file named as a table of region codes and their places (行政区划代码表.csv, 区划代码对照.xlsx, 乡镇村代码表.xls)
_PLACE_TABLE_NAME = re.compile(r"(?:区划|行政区|乡镇.{0,2}村|村.{0,2}(?:社区)?)(?:.{0,4})(?:代码|编码|字典|对照)")

# … and not as a list (低保花名册（含区划代码）.xlsx is a roster), nor bigger than a province's table would be
_NOT_PLACE_TABLE = re.compile(r"花名册|名册|名单|台账|明细|信息|人员|对象|家庭|申请|发放|清单")
_PLACE_TABLE_BYTES = 20 << 20


def place_code_table(path: Path, limits: Limits | None = None) -> dict[str, str]:
    """The townships and villages a file named as a region code table names by code (``regions.code_place_names``;
    {} for a file named otherwise, unreadable, or naming none). A code is one place nationwide: such a table beside the
    rosters, or given among them, names the places any roster gives by code only (held-out 369)."""
    from ..regions import code_place_names

    stem = Path(path).stem
    # … or a system's code table for its rosters (数据字典.xlsx, 代码说明.xlsx), read for their codes already, whose
    # 所属乡镇 | 620723100000 | 沙河镇 rows name the places (h456: every township shown as its 12-digit code)
    if (Path(path).suffix.lower() not in _TABLE_SUFFIXES or not (
            _PLACE_TABLE_NAME.search(stem) and not _NOT_PLACE_TABLE.search(stem) or _FOLDER_TABLE.fullmatch(stem))):
        return {}
    try:
        if Path(path).stat().st_size > _PLACE_TABLE_BYTES:
            return {}
    except OSError:
        return {}
    try:
        return code_place_names(legend_text(read_grids(Path(path), limits, note_sheets=True)))
    except InputFileError:
        return {}


def place_code_files(folder: Path, limits: Limits | None = None, known=()) -> dict[Path, dict[str, str]]:
    """The region code tables in a folder (:func:`place_code_table`) → the places each names; those ``known`` (read
    already) are left out."""
    try:
        files = sorted(p for p in Path(folder).iterdir()
                       if p.is_file() and not p.name.startswith("~$") and p not in known)
    except OSError:
        return {}
    return {p: names for p in files if (names := place_code_table(p, limits))}


_SHEET_NOTE = re.compile(r"^工作表“([^”]*)”(“.*|没有所属月份列，.*|各(?:月份|资金项目)的金额列以.*)$")


def sheets_together(notes: list[str]) -> list[str]:
    """Notes that differ only in the sheet they begin with ('工作表“1月”“发放结果”列的代码…', '工作表“2月”…'), said once
    for all those sheets ('工作表“1月”“2月”“3月”“发放结果”列的代码…'), where the first of them stood (held-out 299: 18
    lines for two columns of nine monthly sheets). Only notes going on with a quoted column are joined, and those saying
    a sheet has no month column and is paid for the span its title names (h426: a quarter's book, one such line per
    township's sheet) or that its months' (items') amounts are in a unit converted to yuan (h451: 16 lines for a book
    of a sheet per township per quarter headed 单位：分); and notes saying the same of some rows of several sheets, the
    rows added up ('工作表“岚漪镇”“三井镇”共有 72 行是户主行下列出的家庭成员…'; h482: one line per township's sheet)."""
    notes = _said_once(notes, _SHEET_ROWS_NOTE, 3,
                       lambda rest, alike: _sheets_named(alike) + f"共有 {sum(int(m.group(2)) for m in alike)} 行{rest}")
    return _said_once(notes, _SHEET_NOTE, 2,
                      lambda rest, alike: _sheets_named(alike) + ("的" if rest.startswith("“") else "") + rest)


_SHEET_ROWS_NOTE = re.compile(r"^工作表“([^”]*)”有 (\d+) 行(.+)$")


def _said_once(notes: list[str], pattern: re.Pattern, rest: int, join) -> list[str]:
    """Notes ``pattern`` matches with the same group ``rest``, two or more, said once where the first of them stood:
    ``join(rest, their matches)``; the other notes as they are."""
    alike: dict[str, list[re.Match]] = {}
    for note in notes:
        if m := pattern.match(note):
            alike.setdefault(m.group(rest), []).append(m)
    out, done = [], set()
    for note in notes:
        m = pattern.match(note)
        if not m or len(alike[m.group(rest)]) < 2:
            out.append(note)
        elif m.group(rest) not in done:
            done.add(m.group(rest))
            out.append(join(m.group(rest), alike[m.group(rest)]))
    return out


def _sheets_named(alike: list[re.Match]) -> str:
    """'工作表“1月”“2月”' for notes whose first group is the sheet."""
    return "工作表" + "".join(f"“{s}”" for s in dict.fromkeys(m.group(1) for m in alike))


_ROWS_COUNT = re.compile(r"有 (\d+) 行")


def files_together(notes: list[tuple[str, str]]) -> list[str]:
    """Notes of files, (file name, note), saying the same of several files — word for word, or but for a count of rows
    ('…共有 234 行是…', '…共有 233 行是…') — said once for them all, where the first stood ('a.xlsx、b.xlsx 等 12 个文件：
    …共有 2800 行是…'; h482: a year's monthly books, the same line for each month); other notes as '<file>：<note>'."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, note in notes:
        groups.setdefault(_ROWS_COUNT.sub("有 # 行", note, count=1), []).append((name, note))
    out = []
    for said in groups.values():
        names = list(dict.fromkeys(name for name, _ in said))
        if len(names) < 2:
            out += [f"{name}：{note}" for name, note in said]
            continue
        note = said[0][1]
        if m := _ROWS_COUNT.search(note):
            total = sum(int(c.group(1)) for _, n in said if (c := _ROWS_COUNT.search(n)))
            note = note[:m.start()] + f"有 {total} 行" + note[m.end():]
        files = "、".join(names[:2]) + (f" 等 {len(names)} 个文件" if len(names) > 2 else "")
        out.append(f"{files}：{note}")
    return out


# A bare ID header ('身份证明号码', '证件号码') and a party's name column before it ('所有人', '抵押权人姓名')
_BARE_ID = re.compile(f"{ID_WORDS}(?:号码|号)?")
_ANY_ID = re.compile(f"{ID_WORDS}(?:号码|号|码)?")  # ('社会保障号码' too, for counting a header's ID columns)
_NAME_END = re.compile(r"(姓名|名称|名字)$")
_RELATION_LABEL = re.compile(r"关系|称谓")
# A person's attributes that stand between a party's name and its ID in a department list's header
_PARTY_ATTRIBUTE = re.compile(r"^(联系)?(电话|手机)(号码?)?$|^联系方式$|关系|称谓|^性别$|^民族$|^年龄$|^证件(类型|种类|名称)$")


# The department lists an audit reads, whose exports put other parties' columns (申报人, 联系人, 抵押权人, 联络员 …)
# before the row's own: there a bare ID header after a party's name column is that party's even when no other
# column repeats its words (held-out 407)
PARTY_LISTS = frozenset({"staff", "cadres", "cadre_relatives", "registry", "deaths", "prisoners", "migrations",
                         "pensions", "vehicles", "properties", "businesses", "wages", "supporters"})


def paired_ids(labels: list[str], kind: str = "") -> list[str]:
    """A header naming each party by a column of its name followed by a bare ID column, the ID header written again for
    each ('使用人 | 身份证明号码 | 驾驶人 | 身份证明号码 | 所有人 | 身份证明号码'): each ID column read as its party's
    ('所有人身份证明号码'), as a clerk reads the pairs (held-out 300: the 使用人's column taken for the owner's, every car
    a 低 lead). Only a repeated bare ID header is paired, and only with a column naming a person other than by 姓名 alone;
    in a department list (``PARTY_LISTS``) two ID headers of any words are enough ('联系人 | 身份证号 | 所有人 |
    身份证明号码', held-out 407: the 联系人's column read, or the list held to 低 for the tie), and the party's phone,
    relation, sex or ID type may stand between its name and its ID ('申报人 | 与死者关系 | 联系电话 | 身份证号').
    """
    bare = [bool(_BARE_ID.fullmatch(label)) for label in labels]
    counts = Counter(label for label, b in zip(labels, bare) if b)
    several = kind in PARTY_LISTS and sum(bool(_ANY_ID.fullmatch(label)) for label in labels) >= 2
    out = list(labels)
    for c in range(1, len(labels)):
        if not bare[c] or (counts[labels[c]] < 2 and not several) or bare[c - 1]:
            continue
        at = c - 1
        while several and at > 0 and _PARTY_ATTRIBUTE.search(labels[at]):
            at -= 1  # (申报人 | 与死者关系 | 联系电话 | 身份证号: the 申报人's, his phone and relation between)
        party = _NAME_END.sub("", labels[at])
        # (a relation column names no party: 成员姓名 | 与户主关系 | 身份证号 is the member's ID, held-out 392, where it
        # was read as the 户主's and the roster refused for a member ID column it had)
        if party and len(party) <= 8 and (re.search(QUALIFIERS, party) or party.endswith(("人", "者"))) \
                and not _RELATION_LABEL.search(party):
            out[c] = party + labels[c]
    return out


def party_names(labels: list[str], paired: list[str]) -> list[str]:
    """The labels :func:`paired_ids` paired, each party's name column headed by the party's word alone ('配偶 | 身份证号',
    '领取人 | 身份证号') read as that party's name ('配偶姓名', '领取人姓名'; h488: the spouse's and the pensioner's names
    were unread where the bare word names no field)."""
    out = list(paired)
    for c in range(1, len(labels)):
        if paired[c] == labels[c] or not paired[c].endswith(labels[c]):
            continue
        party = paired[c][: -len(labels[c])]
        at = max((a for a in range(c) if labels[a] == party), default=None)  # (its phone or relation may stand between)
        if at is not None:
            out[at] = party + "姓名"
    return out


def find_layout(grid: Grid, kind: str) -> Layout | None:
    """Fill merged cells, find the header and map columns to fields (by label, else by content).

    Args:
        grid: the grid (its first rows are enough).
        kind: the list kind.
    Returns:
        The layout, or None when no header is found.
    """
    fill_merged(grid)
    found = find_header(grid, kind)
    if found is None:
        return None
    r, h, labels = found
    labels = party_names(labels, paired_ids(labels, kind))
    written = written_labels(grid.rows[r : r + h], labels)
    quoted = lambda c: written[c] if c < len(written) and written[c] else labels[c] if c < len(labels) else ""  # noqa: E731
    content = _ContentCheck(grid.rows[r + h :], kind)
    # a header naming a date outright (迁出日期, 死亡日期) keeps its column however few of its cells are dates: the dates
    # not read are then said per list (held-out 170: a 迁出日期 column of 25.12.31 was dropped and nothing said)
    named = {(f, c) for _, pos, f, c in candidates(labels, kind)
             if f in DATE_FIELDS and specs_for(kind)[pos].weight >= 2}
    chosen = assign_columns(labels, kind, lambda f, c: (f, c) in named or content(f, c), written)
    others = _others_ids(content, labels, chosen.mapping) if kind == "roster" else None
    if others is not None:  # the column its header made the members' ID holds other people's (h435): not the ID
        content.memo[("id", others[0])] = False
        chosen = assign_columns(labels, kind, lambda f, c: (f, c) in named or content(f, c), written)
    mapping, warnings = chosen.mapping, chosen.warnings
    if others is not None and mapping.get("id") == others[1]:
        col, own, why = others
        warnings.append(f"第 {col + 1} 列“{quoted(col)}”中的身份证号{why}，不是各成员本人的，已按第 {own + 1} 列“{quoted(own)}”"
                        "读取成员身份证号；如该列确是成员本人的，请核对两列后重新导出")
    for fld, col, other, said in chosen.ties:
        # two household numbers (申请编号 | 家庭编号 of a system's export) that group the rows alike: either will do
        if fld == "household_no" and _same_grouping(content.rows, col, other):
            warnings.remove(said)
        if fld == "household_no" and kind == "roster":  # the other is kept: a member sheet may write only it (h495: an
            # application's 家庭 sheet with 申请编号 | 家庭编号, its 成员 sheet with 家庭编号 alone; every member joined none)
            mapping[HOUSEHOLD_NO_ALSO] = other
    _whole_ids(content, labels, kind, mapping, warnings, quoted)
    if kind in REPEATED_HEADER_KINDS:
        _repeated_headers(content, labels, mapping, warnings, quoted)
    # two ID columns of different people still tied (陪同人身份证号 | 当事人身份证号): the first is read, but whose column
    # it is nothing tells (held-out 209: decoys come first in exports); a copy of one column is no doubt
    tie = next((f"第 {col + 1} 列“{quoted(col)}”和第 {other + 1} 列“{quoted(other)}”都像是身份证号列而表头分不清哪一列是名单上本人的"
                for fld, col, other, said in chosen.ties if fld == "id" and kind != "roster" and said in warnings
                and mapping.get("id") == col and not _same_ids(content, col, other)), "")
    if "id" not in mapping and kind != "cadre_relatives":
        decoys: list[int] = []
        col = _content_id_column(grid.rows[r + h :], set(mapping.values()), labels, decoys)
        if col is not None:
            mapping["id"] = col
            # a header naming the ID whose cells failed the check (typed as '4.30523E+17'): the damage is warned about apart
            named = any(f == "id" and c == col for *_, f, c in candidates(labels, kind))
            if decoys and not named:
                warnings.append(f"表头中没有身份证号列：第 {col + 1} 列“{quoted(col)}”虽是 18 位数字，但大多不符合身份证号的出生日期"
                                "或校验位，是编号而不是身份证号，其中的人无法按身份证号比对；请让报送单位导出带“身份证号”列的名单")
            elif not named and col < len(labels) and _CARD_LABEL.search(labels[col]):
                warnings.append(f"第 {col + 1} 列“{quoted(col)}”中填的大多是身份证号（不是社会保障卡号），按身份证号列读取")
            elif not named:
                warnings.append(f"第 {col + 1} 列表头“{quoted(col)}”未能识别，按内容判断为身份证号列")
    warnings.extend(unread_dates(labels, kind, mapping, [quoted(c) for c in range(len(labels))]))
    if kind == "pensions":
        _latest_month_amount(labels, kind, mapping, warnings, content, quoted)
    title = _title_of(grid.rows[:r])
    under = _legend_rows(grid.rows[r + h : r + h + _LEGEND_ROWS], labels)
    layout = Layout(r + h, labels, mapping, title + ("。\n" + under if title and under else under), warnings, tie,
                    written, footer=_footer_text(grid, r + h))
    warnings.extend(layout.readings_said())
    return layout


# The rows right under a header looked at for a legend row (held-out 360)
_LEGEND_ROWS = 3
# A month a column's header names ('2026年09月待遇', '202609待遇', '2026-09')
_LABEL_MONTH = re.compile(r"(20\d{2})\s*(?:年|-|/|\.)?\s*(0?[1-9]|1[0-2])(?:月|(?!\d))")


def _legend_rows(rows: list[list], labels: list[str]) -> str:
    """The legend row(s) a system writes right under its header, each filled cell its column's codes ('1-存续 2-吊销
    3-注销' under 登记状态; held-out 360: every business of a market-regulation export was unread, a C05 missed), as
    title text naming each cell's column ('登记状态：1-存续 2-吊销 3-注销') for :func:`normalize.codes.legend`; '' for none.
    A row stops counting as a legend row at its first filled cell that is no legend of two codes or more."""
    lines = []
    for row in rows:
        cells = {c: t for c, t in ((c, text(v)) for c, v in enumerate(row)) if t}
        if not cells or not all(c < len(labels) and len(codes.legend(t)) >= 2 for c, t in cells.items()):
            break
        lines += [f"{labels[c]}：{t}" for c, t in cells.items()]
    return "。\n".join(lines)


def _latest_month_amount(labels: list[str], kind: str, mapping: dict[str, int], warnings: list[str], content,
                         quoted) -> None:
    """A pension list with one amount column per month ('2026年07月待遇' … '2026年09月待遇') reads the latest month
    that holds any amount, not the first (held-out 360: a pension stopped in August counted on July's amount); the
    tie warning between the month columns gives way to a notice naming the month read."""
    col = mapping.get("amount")
    if col is None or not _LABEL_MONTH.search(labels[col]):
        return
    used = set(mapping.values()) - {col}
    months = {}
    for _fit, _pos, fld, c in candidates(labels, kind):
        m = _LABEL_MONTH.search(labels[c]) if fld == "amount" and c not in used else None
        if m and content.filled(c):
            months[c] = (int(m.group(1)), int(m.group(2)))
    if len(months) < 2:
        return
    latest = max(months, key=lambda c: (months[c], c))
    mapping["amount"] = latest
    tie = re.compile(r"^第 \d+ 列“[^”]*”和第 \d+ 列“[^”]*”都像是.*列，已按")
    warnings[:] = [w for w in warnings if not (tie.match(w) and any(f"第 {c + 1} 列“" in w for c in months))]
    warnings.append(f"有 {len(months)} 个月的金额列，按有金额的最近一月第 {latest + 1} 列“{quoted(latest)}”读取在发金额")


# A note written under a table ('注：发放标志 1-成功 2-失败'), among its last rows
_NOTE_BELOW = re.compile(r"(?:注|说明|备注|附注|填表说明)\s*[:：\d一、.]")
FOOTER_ROWS = 15


def _footer_text(grid: Grid, start: int) -> str:
    """The notes under a sheet's table, among its last :data:`FOOTER_ROWS` rows, one per line, for
    :func:`normalize.codes.legend` (held-out 257: '注：发放标志 1-成功 2-失败' below the 合计 row was not read, the two
    failed payments counted as paid); '' for none, and for a big sheet read sparse (its rows are not all at hand)."""
    if isinstance(grid, SparseGrid):
        return ""
    rows = grid.data_rows(max(start, grid.height - FOOTER_ROWS))
    lines = [" ".join(cells) for cells in ([t for t in (text(c) for c in row) if t] for row in rows)
             if cells and (_NOTE_BELOW.match(cells[0]) or _legend_line(cells[0]))]
    return "。\n".join(lines)


def written_labels(rows: list[list], labels: list[str]) -> list[str]:
    """Each header label as the file writes it, for quoting in notices: the header cell (or a two-row header's cells,
    glued as :func:`_combine` glues them) whose comparable form is the label — full-width brackets and the spaces of a
    legend kept ('申请状态（1待审核 2审批中 3已批准 4不予批准）', held-out 243), a line break inside a cell dropped; ''
    where no cell gives the label (a month typed as a date, a system's identifier row read by its labels).

    Args:
        rows: the header's rows as read (merged cells filled).
        labels: the labels :func:`find_header` made of them.
    Returns:
        One text per label.
    """
    def as_written(cell: object) -> str:
        return re.sub(r"\s*[\r\n]+\s*", "", written_text(cell))

    out, parent = [], ""
    for col, label in enumerate(labels):
        cells = [as_written(row[col]) if col < len(row) else "" for row in rows]
        if len(cells) > 1 and cells[0]:
            parent = cells[0]
        options = [*cells, "".join(cells), *([parent + cells[-1]] if len(cells) > 1 else [])]
        out.append(next((x for x in options if x and header_label(x) == label), ""))
    return out


# Sample rows with a valid ID in both columns needed before a roster's ID column is judged someone else's (h435)
OTHERS_ID_ROWS = 4


def _others_ids(content: "_ContentCheck", labels: list[str], mapping: dict[str, int]) -> tuple[int, int, str] | None:
    """Whether the column a roster's header made the members' ID holds other people's IDs (代领人 or 监护人 typed under a
    bare 身份证号 beside 成员身份证号码, h435), another ID column holding the members' own: (that column, the other, why
    in words), else None.

    Only against a rival whose sample IDs are distinct (one per row), and no copy of the column: the column's IDs then
    each stand for several of the rival's people on at least half the rows (one agent for several households, one
    guardian for a household), or disagree with the roster's 出生日期 on at least half the rows where the rival agrees
    with it on 80 %. (One ID on every row is refused earlier, :data:`REPEATED_ID_ROWS`.)
    """
    col, birth = mapping.get("id"), mapping.get("birth")
    if col is None:
        return None
    rivals = [c for _, _, f, c in candidates(labels, "roster") if f == "id" and c != col and c not in mapping.values()
              and content("id", c) and not FORMER_ID.search(labels[c] if c < len(labels) else "")]
    for rival in rivals:
        pairs = []
        for row in content.rows:
            if max(col, rival) < len(row):
                x, y = ids.id_number(row[col]), ids.id_number(row[rival])
                if x.status == y.status == ids.VALID:
                    born = date(row[birth]) if birth is not None and birth < len(row) else None
                    pairs.append((x.value, y.value, born.strftime("%Y%m%d") if born else ""))
        if (len(pairs) < OTHERS_ID_ROWS or len({y for _, y, _ in pairs}) < 0.9 * len(pairs)
                or 2 * sum(x == y for x, y, _ in pairs) >= len(pairs)):
            continue
        people = defaultdict(set)
        for x, y, _ in pairs:
            people[x].add(y)
        if 2 * sum(len(people[x]) >= 2 for x, _, _ in pairs) >= len(pairs):
            return col, rival, "多是几个人共用的同一个号码（像是代领人、监护人等他人的身份证号）"
        dated = [(x[6:14] == b, y[6:14] == b) for x, y, b in pairs if b]
        if (len(dated) >= OTHERS_ID_ROWS and 2 * sum(not ok for ok, _ in dated) >= len(dated)
                and sum(ok for _, ok in dated) >= 0.8 * len(dated)):
            return col, rival, "大多与“出生日期”列不符（像是代领人、监护人等他人的身份证号）"
    return None


# The lists whose repeated bare headers (姓名 | 身份证号 written again for each party, no group above) are told apart by
# their cells (:func:`_repeated_headers`): a payment ledger's clerk, 代领人 and payee; an exit list's 申请人 and leaver
REPEATED_HEADER_KINDS = ("payments", "exits")
# How many more distinct IDs (or filled accounts) the column read instead must hold than the first one: twice as many
REPEATED_HEADER_MARGIN = 2


def _repeated_headers(content: "_ContentCheck", labels: list[str], mapping: dict[str, int], warnings: list[str],
                      quoted=None) -> None:
    """Read the person's own columns where a header writes the same bare label for several people ('姓名 | 身份证号 |
    姓名 | 身份证号 | 姓名 | 身份证号': a bank's clerk, the 代领人 and the payee, with no group row to say whose): the ID
    column of the most distinct valid IDs in the sample, when it has at least ``REPEATED_HEADER_MARGIN`` times as many
    as the first — a clerk's few IDs on every row and a 代领人's on some rows are other people's (h450: the clerk's column
    was read, every payee "不在册" and paid 27 times a month). The name column nearest before it with the name's label
    follows it. Of two 账号 columns alike (原账号 left unlabelled before the current one), the one filled on more rows is
    read, likewise. Columns as many IDs each (an exit list's 申请人 beside the leaver, both on every row) stay tied."""
    name = quoted or (lambda c: labels[c] if c < len(labels) else "")  # noqa: E731
    label = lambda c: labels[c] if c < len(labels) else ""  # noqa: E731

    def distinct(c: int) -> int:
        found = (ids.id_number(row[c]) for row in content.rows if c < len(row) and text(row[c]))
        return len({i.value for i in found if i.status == ids.VALID})

    def untie(col: int) -> None:  # (the warning of a tie at that column, now decided)
        warnings[:] = [w for w in warnings if not (f"第 {col + 1} 列“" in w and "都像是" in w)]

    def switch(fld: str, col: int, best: int, why: str) -> None:
        mapping[fld] = best
        untie(col)
        warnings.append(why)

    col = mapping.get("id")
    if col is not None:
        same = [c for c in range(len(labels)) if c != col and label(c) == label(col) and c not in mapping.values()
                and content("id", c)]
        counts = {c: distinct(c) for c in [col, *same]}
        best = max(counts, key=lambda c: (counts[c], -c))
        if same and best != col and counts[best] >= REPEATED_HEADER_MARGIN * max(counts[col], 1):
            others = "、".join(f"第 {c + 1} 列 {counts[c]} 个" for c in sorted(counts) if c != best)
            said = (f"表头“{name(col)}”有 {len(counts)} 列：第 {best + 1} 列的有效身份证号最多（前 {len(content.rows)} 行中 "
                    f"{counts[best]} 个不同的号码；{others}，像是经办人、代领人等他人的），已按第 {best + 1} 列读取名单上本人的身份证号")
            own = mapping.get("name")
            near = next((c for c in range(best - 1, -1, -1) if own is not None and label(c) == label(own)), None)
            if own is not None and own < col and near is not None and near not in mapping.values():
                untie(own)
                mapping["name"] = near
                said += f"，姓名按其前面的第 {near + 1} 列“{name(near)}”读取"
            switch("id", col, best, said + "；如不对，请把各列表头写明是谁的（如“经办人身份证号”）后重新运行")
    col = mapping.get("bank_account")
    if col is not None:
        same = [c for c in range(len(labels)) if c != col and label(c) == label(col) and c not in mapping.values()]
        if same:
            best = max([col, *same], key=lambda c: (content.filled(c), -c))
            if best != col and content.filled(best) >= REPEATED_HEADER_MARGIN * max(content.filled(col), 1):
                switch("bank_account", col, best,
                       f"表头“{name(col)}”有 {len(same) + 1} 列：第 {col + 1} 列多为空白（前 {len(content.rows)} 行中 "
                       f"{content.filled(col)} 行填写，像是原账号），已按填写较多的第 {best + 1} 列（{content.filled(best)} 行）"
                       "读取发放账号；如不对，请把原账号一列的表头改为“原账号”后重新运行")


def _same_ids(content: "_ContentCheck", a: int, b: int) -> bool:
    """Whether two ID columns hold one person's ID on most sample rows where both hold a valid one (a copy of the column)."""
    read = [(ids.id_number(row[a]), ids.id_number(row[b])) for row in content.rows if max(a, b) < len(row)]
    pairs = [x.value == y.value for x, y in read if x.status == y.status == ids.VALID]
    return 2 * sum(pairs) >= len(pairs)


def _title_of(rows: list[list]) -> str:
    """The rows above a header as one text, a cell repeating an earlier cell of its row (a title merged across the
    columns comes as its text in each) said once."""
    out = []
    for row in rows:
        texts = [text(c) for c in row]
        out += [t for k, t in enumerate(texts) if t and t not in texts[:k]]
    return " ".join(out)


def _same_grouping(rows: list[list], a: int, b: int) -> bool:
    """Whether two columns' cells pair one to one over the rows where both are filled (two such rows at least)."""
    there, back, n = {}, {}, 0
    for row in rows:
        x, y = (text(row[c]) if c < len(row) else "" for c in (a, b))
        if not x or not y:
            continue
        n += 1
        if there.setdefault(x, y) != y or back.setdefault(y, x) != x:
            return False
    return n >= 2


def _whole_ids(content: "_ContentCheck", labels: list[str], kind: str, mapping: dict[str, int], warnings: list[str],
               quoted=None) -> None:
    """Read the person's ID from the column that holds it whole: a roster with the ID twice ('身份证号' typed as numbers,
    4.1E+17 with its last digits lost, beside '身份证号码' as text) is read from the column of more valid IDs, whatever
    the headers' fit (said in a warning). Either column's damage is never an exact key; the better one is read."""
    col = mapping.get("id")
    if col is None:
        return
    taken = set(mapping.values())
    # (a rival naming somebody else than the column read, 收款人身份证号 beside 身份证号 typed as numbers, is another
    # person's ID, however many of its IDs are whole)
    whose = set(re.findall(QUALIFIERS, labels[col] if col < len(labels) else ""))
    # (nor is a column its header calls old, 身份证号（旧）/原身份证号(15位), often hidden: the person's former ID, however
    # many of the current column's IDs a number format damaged; held-out 168)
    old = lambda c: bool(FORMER_ID.search(labels[c] if c < len(labels) else ""))  # noqa: E731
    rivals = [c for _, _, f, c in candidates(labels, kind) if f == "id" and c not in taken and content("id", c)
              and set(re.findall(QUALIFIERS, labels[c] if c < len(labels) else "")) <= whose and old(c) <= old(col)]
    if not rivals:
        return
    valid = {c: content.valid_ids(c) for c in [col, *rivals]}
    best = max(rivals, key=lambda c: (valid[c], -c))
    if valid[best] > valid[col] and valid[best] >= 0.8 * content.filled(best):
        mapping["id"] = best
        name = quoted or (lambda c: labels[c] if c < len(labels) else "")  # (a header quoted as written)
        warnings[:] = [w for w in warnings if not (f"第 {col + 1} 列" in w and f"第 {best + 1} 列" in w)]
        warnings.append(f"第 {col + 1} 列“{name(col)}”和第 {best + 1} 列“{name(best)}”都像是身份证号列，第 {best + 1} 列的有效"
                        f"身份证号更多（{valid[best]} 个对 {valid[col]} 个，前 {CONTENT_SAMPLE} 行），已按第 {best + 1} 列读取")


# A text ID cell starting with this many digits is data without a closer look (a 合计 row's '6人' under 身份证号 is not).
_ID_START = 6


def _signed_with_an_id(row: list) -> bool:
    """Whether a row holding an ID is a signature line: its first filled cell a signer's label ('审核人：', '经办人：张三',
    '制表人'), never a 序号, a place or a name."""
    first = next((v for v in (text(c) for c in row) if v), "")
    return len(first) <= 12 and bool(_SIGNATURE.match(first) or _FOOTER.match(first)) and not first[:1].isdigit()


# How many of the last rows kept are looked at for signature lines holding an ID, and how far up a block of them that
# reaches those rows is followed (制表人, 审核人, 复核人, 负责人, 分管领导, 所长, 联系电话 …, each on its line)
_SIGNED_TAIL = 5
_SIGNED_BLOCK = 15


def _unsigned(kept: list[int], row_at) -> list[int]:
    """The kept rows' positions without the signature lines among the last of them (a signature line under the table
    with the signer's ID in the ID column, '审核人： | … | 张三 | 4331…', is no member; held-out 379: C01 高 on the
    township's own clerk, and a household one person too many), and those of the unbroken block of them above (h391:
    a block of seven, the first two C01 高). Only the table's last rows: a signature is signed under it, and a city's
    rows are not each looked at twice."""
    tail = kept[-_SIGNED_BLOCK:]
    marks = [_signed_with_an_id(row) for row in row_at(tail)]
    last = max(len(tail) - _SIGNED_TAIL, 0)
    if not any(marks[last:]):
        return kept
    first = marks.index(True, last)
    while first > 0 and marks[first - 1]:
        first -= 1
    signed = {k for k, mark in zip(tail[first:], marks[first:]) if mark}
    return [k for k in kept if k not in signed]


def _ids_written_kept(cells, keep) -> np.ndarray:
    """Which cells naming people with their IDs ('张三(6110…)；李四(6110…)') write an ID the filter ``keep`` keeps; a cell
    writing no ID keeps no row (the row's own ID column decides it)."""
    cells = cells.to_pylist() if hasattr(cells, "to_pylist") else list(cells)
    tokens = [ids.ID_TOKEN.findall(c) if isinstance(c, str) else [] for c in cells]
    flat = [t for ts in tokens for t in ts]
    out = np.zeros(len(cells), dtype=bool)
    if flat:
        kept, k = np.asarray(keep(flat), dtype=bool), 0
        for i, ts in enumerate(tokens):
            out[i] = bool(kept[k:k + len(ts)].any())
            k += len(ts)
    return out


def id_like_cell(cell: object) -> bool:
    """The common case: a row with an ID-like value (a number of 15+ digits, a text starting with six digits) in the ID
    column is data.

    Args:
        cell: the ID column's cell.
    Returns:
        Whether the row is data without a closer look.
    """
    return ((isinstance(cell, float) and cell >= 1e14)
            or (isinstance(cell, str) and len(cell) >= _ID_START and cell[:_ID_START].isdigit()))


class _RowFilter:
    """Decides which rows below a header are data (not totals, footers or repeated headers)."""

    def __init__(self, layout: Layout):
        mapping, labels = layout.mapping, layout.labels
        self.closed = False  # a form's next section began (家庭财产情况, 申请理由 …): no more rows without an ID
        self.title = ""  # the block title the last row looked at was (:func:`block_title`), '' for none
        self.id_col = mapping.get("id", mapping.get("head_id"))
        self.id_label = labels[self.id_col] if self.id_col is not None and self.id_col < len(labels) else None
        self.header_set = set(labels)
        self.mapped_cols = sorted(set(mapping.values()))

    def is_data(self, row: list) -> bool:
        """Whether a row is data.

        Args:
            row: the row's cells.
        Returns:
            False for totals, subtotals, footers, blank rows and repeated header rows.
        """
        cell = row[self.id_col] if self.id_col is not None and self.id_col < len(row) else None
        self.title = ""
        if id_like_cell(cell):
            return True
        if self._repeats_id_label(cell):
            return False  # a repeated header row (printed page headers)
        values = [text(c) for c in row]
        if self.closed or (first := next((v for v in values if v), "")) and _SECTION.match(first):
            # an application form's member table ends where its next section begins; what follows (机动车 | 无 |
            # 房产（套） | 1, 申请理由, 承诺, 签字) is no person (held-out 158: each read as a member with an invalid ID)
            self.closed = True
            return False
        if _is_total_or_footer(values) or _header_aside(values):
            return False
        if title := block_title(values):
            self.title = title
            return False  # a stacked sheet's block title (held-out 254: two D03 高, name = ID = '龙塘镇…花名册')
        return not self._named_as_header(values)

    def repeats_header(self, row: list) -> bool:
        """Whether a row repeats the header (a printed page's header, a stacked sheet's block)."""
        cell = row[self.id_col] if self.id_col is not None and self.id_col < len(row) else None
        return self._repeats_id_label(cell) or self._named_as_header([text(c) for c in row])

    def _repeats_id_label(self, cell: object) -> bool:
        return isinstance(cell, str) and bool(self.id_label) and header_label(cell) == self.id_label

    def _named_as_header(self, values: list[str]) -> bool:
        mapped_vals = [values[c] for c in self.mapped_cols if c < len(values)]
        return bool(mapped_vals) and (sum(1 for v in mapped_vals if v and header_label(v) in self.header_set)
                                      >= max(2, len(mapped_vals) // 2))


def block_title(values: list[str]) -> str:
    """The title a row below a header holds, '' for none: a title merged across the columns (the same text in
    :data:`TITLE_SPREAD` cells or more, nothing else), or one or two texts one of which reads as a list's title
    ('龙塘镇2026年第三季度农村低保花名册'), never with an ID-like cell. A stacked sheet puts one over each block, under
    the first block's header (held-out 254: each read as a member, name = ID = the title, D03 高).

    Args:
        values: the row's cells as text.
    Returns:
        The title's text.
    """
    filled = [v for v in values if v]
    shown = list(dict.fromkeys(filled))
    if not shown or len(shown) > SUB_TITLE_CELLS or any(_id_ish(v) for v in shown):
        return ""
    if len(shown) == 1 and len(filled) >= TITLE_SPREAD:
        return shown[0]
    return next((v for v in shown if _LIST_TITLE.search(v)), "")


# The cells a title merged across the columns fills at least (a person's row with two cells the same, 户主 张三 and
# 姓名 张三, and nothing else, is none)
TITLE_SPREAD = 3
# A list's title: it ends with what the list is (花名册, 名单, 台账, 明细表 …)
_LIST_TITLE = re.compile(r"(花名册|名册|名单|台账|清册|明细表?|汇总表|一览表|统计表|登记表|信息表)$")


# The heading of a form's section after its member table (家庭财产情况, 申请理由, 本人承诺, 村委会意见)
_SECTION = re.compile(r"^(家庭)?(财产|资产|收入|住房|车辆|经济)(状况|情况)|^申请(理由|事由|原因)|^(本人|申请人)?(承诺|声明)"
                      r"|^(村|社区|居委会|乡|镇|街道|县|民政).{0,8}(意见|审核|审批)|^(调查|评议|审核|审批|核查)(意见|情况|结论)")


_UNIT = re.compile(r"[（(]?(单位[:：])?(元|万元|人|户|个|辆|套|月|岁|年|㎡|m2|平方米|元/月|元/人·?月|元/户·?月|%)[)）]?")


def _header_aside(values: list[str]) -> bool:
    """Whether a row under a header belongs to it: the columns numbered (1 2 3 …) or the system's field codes (XM SFZH
    …), three cells or more, or the units (单位：人, (元) …), and nothing else (held-out 137: read as a person)."""
    filled = [v for v in values if v]
    if filled and all(_UNIT.fullmatch(v) for v in filled) and (len(filled) >= 2 or filled[0].startswith("单位")):
        return True
    if len(filled) < 3:
        return False
    if all(v.isdigit() and len(v) <= 3 for v in filled):
        numbers = [int(v) for v in filled]
        return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    return all(_FIELD_CODE.fullmatch(v) for v in filled)


_FIELD_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,29}")


def header_repeats(rows: list[list], layout: Layout) -> list[bool]:
    """Which of some rows below a header repeat it (the rows the loader leaves out as repeated headers).

    Args:
        rows: the rows.
        layout: the grid's layout.
    Returns:
        One flag per row.
    """
    rule = _RowFilter(layout)
    return [rule.repeats_header(row) for row in rows]


def sub_title(rows: list[list], layout: Layout) -> list[str]:
    """The sub-title just above a header, as a stacked sheet puts one over each block ('2026年7月低保金发放明细' over a
    repeat of the header): the texts of the rows above it, nearest first, up to a blank row, a total, another header
    or a row of more than :data:`SUB_TITLE_CELLS` texts or with an ID (a person's: a printed page's header follows
    one; the header's own upper rows, first, are passed over).

    Args:
        rows: the rows above the header, nearest first.
        layout: the grid's layout.
    Returns:
        Each sub-title row's text (its distinct cells), nearest first; [] for none.
    """
    rule, out = _RowFilter(layout), []
    for row in rows:
        values = [text(c) for c in row]
        header = rule.repeats_header(row)
        if header and not out:
            continue
        cell = row[rule.id_col] if rule.id_col is not None and rule.id_col < len(row) else None
        shown = list(dict.fromkeys(v for v in values if v))  # (a title merged across the columns: its text once)
        if header or id_like_cell(cell) or _is_total_or_footer(values) or len(shown) > SUB_TITLE_CELLS:
            break
        out.append(" ".join(shown))
    return out


# A sub-title's texts at most: '2026年7月低保金发放明细' and '单位：元' beside it (a person's row has more)
SUB_TITLE_CELLS = 2


def count_data_rows(rows: list[list], layout: Layout) -> int:
    """How many of the rows below a header the loader takes as data (totals, footers, blank and repeated header
    rows left out, as :func:`data_frame` leaves them out)."""
    rule = _RowFilter(layout)
    return len(_unsigned([k for k, row in enumerate(rows) if rule.is_data(row)], lambda at: [rows[k] for k in at]))


def data_frame(rows: list[list], numbers, layout: Layout, sheet: str, blocks: list | None = None) -> pd.DataFrame:
    """Turn data rows into a frame of field columns, leaving out totals, footers and repeated headers.

    Args:
        rows: the data rows (below the header).
        numbers: the spreadsheet row number of each.
        layout: the grid's layout.
        sheet: the sheet name.
        blocks: when given, receives (row number, title) of each block title left out (:func:`block_title`).
    Returns:
        The frame (fields, ``_row``, ``_sheet``, ``_title``).
    """
    rule = _RowFilter(layout)
    keep_rows, keep_idx = [], []
    for number, row in zip(numbers, rows):
        if rule.is_data(row):
            keep_rows.append(row)
            keep_idx.append(number)
        elif rule.title and blocks is not None:
            blocks.append((int(number), rule.title))
    if len(kept := _unsigned(list(range(len(keep_rows))), lambda at: [keep_rows[k] for k in at])) < len(keep_rows):
        keep_rows, keep_idx = [keep_rows[k] for k in kept], [keep_idx[k] for k in kept]
    columns = {fld: [row[col] if col < len(row) else "" for row in keep_rows] for fld, col in layout.mapping.items()}
    return _frame(columns, keep_idx, layout, sheet)


def columns_frame(columns: dict[int, np.ndarray], numbers: np.ndarray, row_at, layout: Layout, sheet: str,
                  id_like=None, blocks: list | None = None) -> pd.DataFrame:
    """:func:`data_frame` for data held column by column (text cells, '' for blanks).

    Args:
        columns: column index → cells, for at least the mapped columns.
        numbers: the spreadsheet row number of each row.
        row_at: returns the full row (every column) at some positions, for rows that need a closer look.
        layout: the layout.
        sheet: the sheet name.
        id_like: for a coded ID column, may give :func:`id_like_cell` of each of its categories (judged once over
            several files, ``io.ledgers``); None (or its None) to judge them here.
        blocks: as :func:`data_frame`'s.
    Returns:
        The frame, exactly as :func:`data_frame` gives it for the same rows.
    """
    rule = _RowFilter(layout)
    n = len(numbers)
    if rule.id_col is not None and rule.id_col in columns:
        column = columns[rule.id_col]
        coded = isinstance(column, pd.Categorical)  # judged once per distinct cell
        keep = id_like(column) if coded and id_like else None
        if keep is None:
            cells = pd.Series(np.asarray(column.categories, dtype=object) if coded else column, dtype=object)
            if pd.api.types.infer_dtype(cells, skipna=False) == "string":  # text cells: are the first characters digits
                keep = _id_starts(cells.tolist())
            else:
                keep = np.fromiter((id_like_cell(c) for c in cells), dtype=bool, count=len(cells))
        if coded:
            keep = keep[column.codes]
    else:
        keep = np.zeros(n, dtype=bool)
    doubtful = np.flatnonzero(~keep)
    if len(doubtful):
        for k, row in zip(doubtful.tolist(), row_at(doubtful)):
            keep[k] = rule.is_data(row)
            if rule.title and blocks is not None:
                blocks.append((int(numbers[k]), rule.title))
    tail = np.flatnonzero(keep)[-_SIGNED_BLOCK:]
    if len(tail):
        kept = _unsigned(tail.tolist(), lambda at: row_at(np.asarray(at, dtype=np.int64)))
        keep[[k for k in tail.tolist() if k not in kept]] = False
    blank = np.full(int(keep.sum()), "", dtype=object)
    cols = {fld: (columns[col][keep] if col in columns else blank) for fld, col in layout.mapping.items()}
    return _frame(cols, np.asarray(numbers, dtype=np.int64)[keep], layout, sheet)  # (an array: a list costs 0.3 µs a row)


def _in_wan(cell: object) -> bool:
    """Whether an amount cell names its own unit in yuan ('1.2万', '1230元', '￥1,230'): :func:`money` reads it in yuan,
    the column's unit is not applied again (a '（万元）' column holding '1.2万'; h458: one holding '1230元' was read as
    12,300,000 元, 46 million to recover at exit 0)."""
    return isinstance(cell, str) and bool(_OWN_UNIT.search(cell))


# a cell's own yuan unit: 万, 元 (not 万元's 元 alone: both mean yuan as money reads them), a yuan sign
_OWN_UNIT = re.compile(r"[万元\u00a5￥]")  # (\u00a5: the yuan sign)


def _frame(columns: dict, numbers: list[int] | np.ndarray, layout: Layout, sheet: str) -> pd.DataFrame:
    for fld, (meanings, per) in layout.readings().items():
        if fld in columns:  # codes as their legend says, amounts in yuan: once here, for every list, roster and ledger
            columns[fld] = _each_cell(columns[fld], (lambda v, m=meanings: codes.by_legend(v, m)) if meanings else
                                      (lambda v, p=per: v if (yuan := money(v)) is None else round(yuan * (1.0 if _in_wan(v) else p), 4)))
    if any(isinstance(v, pd.Categorical) for v in columns.values()):  # cells kept coded (io.ledgers)
        frame = pd.DataFrame({k: v if isinstance(v, pd.Categorical) else pd.Series(v, dtype=object)
                              for k, v in columns.items()})
    else:
        frame = pd.DataFrame(columns, dtype=object)
    frame["_row"] = numbers
    frame["_sheet"] = sheet
    frame["_title"] = layout.title
    return frame


def _each_cell(cells, fn) -> np.ndarray:
    """``fn`` of each cell of a column (a list, an object array or a Categorical: each distinct cell once), as objects."""
    if isinstance(cells, pd.Categorical):
        read = np.empty(len(cells.categories) + 1, dtype=object)
        read[:] = [fn(c) for c in cells.categories.tolist()] + [""]  # (code -1, a missing cell: blank)
        return read[cells.codes]
    memo: dict = {}
    out = np.empty(len(cells), dtype=object)
    for k, v in enumerate(cells):
        try:
            out[k] = memo[v] if v in memo else memo.setdefault(v, fn(v))
        except TypeError:  # an unhashable cell
            out[k] = fn(v)
    return out


@dataclass
class RawFile:
    """A file's sheets with their layouts, read but not yet turned into a table.

    Attributes:
        path: the file.
        kind: 'roster' or a reference kind.
        sheets: (grid, layout) for each sheet with a header.
        notes: file-level notes (hidden sheets skipped …).
    """

    path: Path
    kind: str
    sheets: list[tuple[Grid, Layout]]
    notes: list[str]


def _others_unlisted(frame: pd.DataFrame, layout: Layout) -> str:
    """What a table read one row per household, its head only, says of the people it does not list: the households whose
    家庭人口 (or 保障人口) is more than one (held-out 238: a system's 家庭信息 read without its 成员 file, every other
    member unchecked and the family 无疑点 without a word)."""
    for fld in ("household_size", "covered_size"):
        if fld in frame.columns:
            sizes = [count(v) for v in frame[fld].tolist()]
            more = sum(1 for n in sizes if n is not None and n > 1)
            if more:
                return (f"；其中 {more} 户的“{layout.headers_said[fld]}”大于 1，户主以外的家庭成员没有列出，对他们的核对（死亡、服刑、"
                        "车辆、财产、工商等）都没有做。请同时提供家庭成员表（如系统导出的“家庭成员”表：家庭编号、姓名、"
                        "与户主关系、身份证号），与本表一同写在命令中或放在同一文件夹")
    return ""


def household_files_joined(raws: list[RawFile]) -> list[RawFile]:
    """Roster files one of which holds only households (家庭信息: 家庭编号, 户主身份证号, 月保障金 …) and another their
    members by 家庭编号 (成员信息): the household file's sheets go with the members' file, joined there as a workbook's
    two sheets are (:func:`system_layout.join_households`; held-out 160: read as two versions of one roster, refused).

    Args:
        raws: the roster files as read.
    Returns:
        The files, each household file folded into the first members' file.
    """
    mappings = [[layout.mapping for _grid, layout in raw.sheets] for raw in raws]
    households = [k for k, m in enumerate(mappings) if household_file(m)]
    members = [k for k, m in enumerate(mappings) if k not in households and member_file(m)]
    if not households or not members:
        return raws
    numbers = {k: _household_numbers(raws[k]) for k in (*households, *members)} if len(members) > 1 else {}
    joins: dict[int, list[int]] = defaultdict(list)
    for k in households:
        joins[_members_file_of(raws, k, members, numbers)].append(k)
    out = []
    for k, raw in enumerate(raws):
        if k in households:
            continue
        if k in joins:
            raw = RawFile(raw.path, raw.kind, [*raw.sheets, *(s for h in joins[k] for s in raws[h].sheets)],
                          [*raw.notes, *(f"《{raws[h].path.name}》是家庭信息表（一户一行），已按家庭编号与本文件的成员合并读取"
                                         for h in joins[k])])
        out.append(raw)
    return out


def _household_numbers(raw: RawFile) -> set[str]:
    """A roster file's household numbers (家庭编号 cells, as text) over its sheets."""
    out: set[str] = set()
    for grid, layout in raw.sheets:
        # (a household sheet's second number too, 家庭编号 beside its 申请编号: the one its member file may write, h495)
        for col in (layout.mapping.get("household_no"), layout.mapping.get(HOUSEHOLD_NO_ALSO)):
            if col is not None:
                out.update(t for v in grid.data_columns([col], layout.start)[col] if (t := text(v)))
    return out


def _members_file_of(raws: list[RawFile], household: int, members: list[int], numbers: dict[int, set[str]]) -> int:
    """The members' file a household file goes with: of several (h427: a 低保 and a 特困 export, each as a 家庭信息 and a
    成员信息 CSV; the 特困 households went with the 低保 members, every 特困 head added to the 低保 roster and D01 高),
    the one sharing most of its household numbers, then the longest common start of the file names; else the first."""
    if len(members) == 1:
        return members[0]
    stem = raws[household].path.stem

    def shared(k: int) -> tuple[int, int]:
        other = raws[k].path.stem
        start = next((i for i, (a, b) in enumerate(zip(stem, other)) if a != b), min(len(stem), len(other)))
        return len(numbers[household] & numbers[k]), start

    return max(members, key=lambda k: (*shared(k), -members.index(k)))


def read_file(path: Path | str, kind: str, limits: Limits | None = None, sparse: bool = False) -> RawFile:
    """Read a file's sheets and find their headers (see :func:`load_table`).

    ``sparse``: the rows will be filtered by their ID (:func:`to_table` with ``keep``): see :mod:`io.sparse`.
    """
    path = Path(path)
    grids = read_grids(path, limits, note_sheets=True, columnar=True, sparse=sparse)
    notes = [n for g in grids for n in g.notes]
    legends, used = legend_text([g for g in grids if g.note_sheet]), False
    companions = companion_code_files(path)
    folder = folder_code_tables(path) if kind == "roster" else []
    # a header of field codes (A0184) named in the workbook's data dictionary, or in one named after the file
    # (村干部名单_数据字典.xlsx; held-out 381)
    dictionaries = [g for g in grids if g.note_sheet] + (companion_grids(companions, limits) if companions else [])
    names = field_names(dictionaries) if dictionaries else {}
    dictionary_sheets: set[str] = set()
    if names:
        said = [relabel(g, names) for g in grids if not g.note_sheet]
        notes += [n for n in said if n]
        dictionary_sheets = {d.sheet for _name, d in names.values() if d.path == path} if any(said) else set()
    if companions or folder:
        from .ledgers import code_tables

        legends_of_files, companions = code_tables(companions, limits) if companions else ("", [])
        folder_legends, folder = code_tables(folder, limits) if folder else ("", [])
    sheets = []
    for grid in grids:
        layout = find_layout(grid, kind)
        if grid.note_sheet:
            if grid.sheet in dictionary_sheets:
                continue  # said with the header it names
            if layout is None or not _holds_data(grid, layout, kind):
                notes.append(skipped_note(grid.sheet))
                continue
            layout.warnings.append("名称像说明页，但表头和内容是数据，已读取")
        if layout is not None:
            if isinstance(grid, SparseGrid):  # its ID column's text, read now
                grid.index(layout.mapping.get("id"))
            tables = _stacked_tables(grid, layout, kind)
            for part, read_by in tables:
                if companions:
                    read_by.file_legends = legends_of_files
                fitting = _fitting_legends(folder_legends, read_by, part) if folder else ""
                if companions or fitting:
                    read_by.file_legends = "。\n".join(t for t in (read_by.file_legends, fitting) if t)
                    read_by.legend_files = "".join(f"《{p.name}》" for p in [*companions, *(folder if fitting else [])])
                    if not legends:
                        read_by.warnings.extend(n for n in read_by.readings_said() if n not in read_by.warnings)
                if legends:
                    read_by.legends = legends
                    bind_unnamed_codes(read_by, kind, part)
                    more = [n for n in read_by.readings_said() if n not in read_by.warnings]
                    read_by.warnings.extend(more)
                    used = used or bool(more)
            if len(tables) > 1:
                starts = "，".join(f"第 {part.first_row} 行起为第{_ORDINALS[k] if k < len(_ORDINALS) else k + 2}个表格"
                                  for k, (part, _layout) in enumerate(tables[1:]))
                notes.append(f"{'工作表“' + grid.sheet + '”' if grid.sheet else '文件'}中有 {len(tables)} 个表格（{starts}），已分别读取")
            sheets += tables
    # (a notes page whose legends were read, or whose 区划代码 rows name the places a sheet gives by code, is no page
    # left unread: held-out 375, "其中的代码说明也未用上" beside "名称按工作簿的说明页…显示")
    places = not used and bool(legends) and any("region_code" in read_by.mapping for _part, read_by in sheets)
    if used or (places and _names_places(legends)):
        skipped = {skipped_note(g.sheet): g.sheet for g in grids if g.note_sheet}
        said = "其中的代码说明已用于读取代码列" if used else "其中的区划代码已用于显示乡镇、村的名称"
        notes = [f"工作表“{skipped[n]}”是说明页，不作为数据读取，{said}" if n in skipped else n for n in notes]
    sheets = _own_sheets(sheets, kind, notes)
    return RawFile(path, kind, sheets, notes)


def companion_grids(files: list[Path], limits: Limits | None, head: int | None = None) -> list[Grid]:
    """The sheets of the code table files named after a list (:func:`companion_code_files`), for their data dictionaries;
    an unreadable one gives none (it is said where its codes are read). ``head``: as :func:`io.read.read_grids`."""
    grids = []
    for path in files:
        try:
            grids += read_grids(path, limits, note_sheets=True, head=head)
        except InputFileError:
            continue
    return grids


def _names_places(legends: str) -> bool:
    from ..regions import code_place_names

    return bool(code_place_names(legends))


_ORDINALS = "二三四五六七八九"
# A code table's row on a notes page: the column it explains, a code, its meaning (人员状态 | 3 | 死亡)
# (a code of a code table's row: up to four digits, or one capital letter: 人员状态 | A | 在供, held-out 408)
_CODE_ROW = re.compile(r"\d{1,4}|[A-Z]{1,3}")  # (DB 低保金, TK 特困供养金: a system's letters, h482)


def _code_word(code: str, meaning: str) -> str:
    """A code table's row as a legend writes it: '1在供'; a code of letters apart from its word ('DB=城乡低保金':
    :mod:`normalize.codes` reads a run of capitals as a code only so)."""
    return code + ("=" if len(code) > 1 and code.isalpha() else "") + _meaning(meaning)


def _meaning(cell: str) -> str:
    """A code table's meaning as one word of a legend: its bracketed aside and its punctuation dropped (held-out 278:
    '存续（在营、开业、在册）' made the whole table unread, '出国（境）定居' ended the run and lost the codes after it, '吊销，
    未注销' was 吊销)."""
    return re.sub(r"[，,、；;：:\s]", "", re.sub(r"[（(][^）)]*[）)]", "", cell)) or cell


_MEANING_HEADERS = ("含义", "说明", "名称", "代码含义", "代码名称", "代码说明")
_BARE_CODE_HEADERS = ("代码", "编码", "代码值", "编码值", "代号")
# A row naming the field of the code table under it: the field's name, perhaps numbered and followed by 代码 (表) and
# an aside ('3. 劳动能力代码（LDNL）'); never a sentence. A system's 数据字典 may set it off by brackets or a bullet and end it
# with a colon ('【性别】', '■ 劳动能力：', '（二）健康状况代码': h493, a province's dictionary sheet of such blocks was
# read as naming no column, every coded column of its roster and lists unread)
# A database's field identifier (two letters first: 'K33 轿车' is a code row) may stand before or after the name ('XB 性别',
# '性别【XB】'), and a label before it all ('字段：性别', '代码类型：劳动能力').
_HEADING = re.compile(r"(?:[一二三四五六七八九十\d]{1,2}[、.．)）]\s*|[（(][一二三四五六七八九十\d]{1,2}[）)]\s*)?"
                      r"(?:[■□◆◇●○★☆▲△▶►※#＃*]\s*)?"
                      r"(?:(?:字段|字段名称|字段名|代码类型|字典类型|代码项|数据项|数据元)\s*[:：]\s*)?"
                      r"(?:[【\[〔《<＜]\s*)?(?:[A-Za-z]{2}[A-Za-z0-9_]{0,30}\s*(?:[】\]]\s*)?[-－:：]?\s*)?"
                      r"([\u4e00-\u9fff]{2,12}?)(?:代码表|代码说明|代码|编码表|编码说明|编码|字典)?"
                      r"(?:[（(][^）)]{0,12}[）)]|\s*[【\[][A-Za-z]{2}[A-Za-z0-9_]{0,30}[】\]]|\s+[A-Za-z]{2}[A-Za-z0-9_]{0,30})?"
                      r"(?:\s*[】\]〕》>＞])?\s*[:：]?")


def _block_heading(cell: str) -> str:
    """The field a one-cell row names as the heading of the code table under it ('' when it names none)."""
    found = _HEADING.fullmatch(cell)
    # (a page's own title, 代码说明, 数据字典, 代码对照表, names no field: its table stays unnamed, bind_unnamed_codes';
    # a note, 注意事项, neither — but 注销原因, 注册类型 are fields: h427, a 公安 export's 注销原因代码表 went unread)
    # (数据字典 leaves 数据 once its 字典 is taken as the suffix)
    return found.group(1) if found and not re.search(r"代码|编码|字典|说明|对照|备注|^注(?!销|册)|表$|^数据$",
                                                     found.group(1)) else ""


_DICTIONARY_TYPE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")
_DICTIONARY_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff（）()]{1,15}")


def _dictionary_field(first: str, second: str) -> str:
    """The field a system dictionary's row names by its type identifier and name, either way round ('XB' and '性别'),
    or ''."""
    for ident, name in ((first, second), (second, first)):
        if _DICTIONARY_TYPE.fullmatch(ident) and _DICTIONARY_NAME.fullmatch(name):
            return name
    return ""


def _wide_pairs(raw: list[str]) -> dict[int, str]:
    """A wide code table's header row, one code | name column pair per field side by side ('与户主关系代码 | 与户主关系名称
    | 性别代码 | 性别名称 …', a system's 代码表 sheet; h484: its codes were all left unread): the code columns → their
    fields, or {} for any other row (two pairs at least, and no cell outside the pairs)."""
    pairs, col = {}, 0
    while col < len(raw):
        if not raw[col]:
            col += 1
            continue
        if col + 1 < len(raw) and re.search(r"(代码|编码)$", raw[col]) and _named_meaning(raw[col], raw[col + 1]):
            pairs[col] = re.sub(r"(代码|编码)$", "", raw[col])
            col += 2
            continue
        return {}
    return pairs if len(pairs) >= 2 else {}


def _named_meaning(code_header: str, header: str) -> bool:
    """Whether a code table's second header names the meaning of its first by the same field ('补贴项目代码 | 补贴项目名称'
    of a 一卡通 export's legend; h425: its codes 0101/0301 were read as no item)."""
    stem = re.sub(r"(代码|编码)$", "", code_header)
    return bool(stem) and header.startswith(stem) and header[len(stem):] in _MEANING_HEADERS


def legend_text(grids: list[Grid]) -> str:
    """The text of a workbook's notes pages (填表说明, 代码说明) for :func:`normalize.codes.legend`: each row's cells on a
    line ('人员状态：1正常 2停保 3死亡'), and a code table's rows (字段 | 代码 | 含义) as one line per column explained
    (held-out 258 and 261: a roster's 人员状态 and an application's 申请状态 explained only there were left unread)."""
    lines, runs = [], defaultdict(list)
    for grid in grids:
        field = ""  # a two-column code table's field, named by its header ('整改结果代码 | 含义': held-out 269)
        heading = ""  # … or by a row of its own above it (a 字典 sheet's blocks: 劳动能力 / 代码 | 名称 / 1 | 丧失劳动能力)
        wide: dict[int, str] = {}  # a wide code table's code columns → their fields (性别代码 | 性别名称 | 劳动能力代码 | …)
        for row in grid.rows:
            raw = [text(c) for c in row]
            cells = [t for t in raw if t]
            if not cells:
                wide = {}
                continue
            if not wide:
                lines.append(" ".join(cells))
            if pairs := _wide_pairs(raw):
                wide = pairs
                continue
            if wide:  # (its rows only as runs: side by side, '有劳动能力 1 健康' read as a legend of 劳动能力)
                for col, name in wide.items():
                    code, word = raw[col] if col < len(raw) else "", raw[col + 1] if col + 1 < len(raw) else ""
                    if code and word and _CODE_ROW.fullmatch(code):
                        runs[name].append(_code_word(code, word))
                continue
            named, heading = heading, ""
            if len(cells) == 3 and _CODE_ROW.fullmatch(cells[1]):
                runs[cells[0]].append(_code_word(cells[1], cells[2]))
            elif len(cells) == 4 and _CODE_ROW.fullmatch(cells[2]) and (name := _dictionary_field(cells[0], cells[1])):
                # a system's dictionary (字典类型 | 字典名称 | 代码值 | 代码名称: XB | 性别 | 1 | 男; h484: unread)
                runs[name].append(_code_word(cells[2], cells[3]))
            elif len(cells) == 2 and (field or named) and _CODE_ROW.fullmatch(cells[0]):
                field = field or named
                runs[field].append(_code_word(cells[0], cells[1]))
            elif len(cells) == 2 and re.search(r"(代码|编码)$", cells[0]) and (
                    cells[1] in _MEANING_HEADERS or _named_meaning(cells[0], cells[1])):
                # ('代码 | 说明' names no column: bound to one by bind_unnamed_codes, where the list has one to take it)
                field = re.sub(r"(代码|编码)$", "", cells[0]) or named or UNNAMED_CODES
            elif (len(cells) == 2 and cells[0] in _BARE_CODE_HEADERS and cells[1] not in _MEANING_HEADERS
                  and (heading := _block_heading(cells[1])) == cells[1]):
                # a bare 代码 beside the column it explains, headed as the column is ('代码 | 资金类别' over 01 | 低保金:
                # h455, the items of a ledger written as codes were read as no item, a quarter's benefit "other money")
                field, heading = heading, ""
            elif len(cells) == 2 and cells[1] in _MEANING_HEADERS and (heading := _block_heading(cells[0])):
                # a header naming its column as the column is headed ('发放状态 | 说明' over 00 | 发放成功: h438, the
                # status codes of an item-wide ledger went unread, a failed month never re-paid counted as paid)
                field, heading = heading, ""
            else:
                field, heading = "", (_block_heading(cells[0]) if len(cells) == 1 else "")
    # (lines apart by a full stop: a legend's run of codes ends with its line, never takes the next line's number)
    return "。\n".join(lines + [f"{name}：{' '.join(run)}" for name, run in runs.items() if len(run) >= 2])


# The name legend_text gives a code table whose header names no column ('代码 | 说明'), and the fields such a table may
# explain in a list of each kind, where the kind has few coded columns a bank or system explains so: a bank's 代发
# return file's 处理结果 (00 交易成功, 14 账户已销户; held-out 316: its 代码说明 sheet was "未读取", two failed payments
# counted as paid); a staff list's 人员类别 or 人员状态 (held-out 345: 1 在编在岗, 2 退休 read nowhere, every match C01 中).
UNNAMED_CODES = "未写明列名的代码"
UNNAMED_CODES_FIELD = {"payments": ("status",), "staff": ("category", "status"), "pensions": ("status",),
                       "businesses": ("status",)}
# The data rows looked at for whether a column's cells are a code table's codes (:func:`bind_unnamed_codes`)
_CODES_SAMPLE = 500


def bind_unnamed_codes(layout: "Layout", kind: str, grid: "Grid | None" = None) -> None:
    """Give a code table naming no column (:data:`UNNAMED_CODES`) to the one column of the kind that such tables explain
    (:data:`UNNAMED_CODES_FIELD`) that could take it: the layout has it, nothing else explains it and (where the kind
    has several such columns, read from ``grid``) its cells are the table's codes. Two columns that could take it take
    none (which one the table explains is unknown). Its header's name is written before the table's codes in the
    layout's legends, where :meth:`Layout.readings` looks.

    Args:
        layout: the table's layout (its legends read).
        kind: the list kind.
        grid: the table's cells, looked at when the kind has several such columns (None: none is bound then).
    """
    if UNNAMED_CODES not in layout.legends:
        return
    read = layout.readings()
    fields = [f for f in UNNAMED_CODES_FIELD.get(kind, ()) if f in layout.mapping and f not in read]
    run = codes.legend(UNNAMED_CODES, layout.legends) if fields else {}
    if len(fields) > 1:
        fields = [f for f in fields if grid is not None and _all_codes(grid, layout, layout.mapping[f], run)]
    if len(fields) == 1 and run:
        label = layout.headers[fields[0]]
        layout.legends += f"。\n{label}：{' '.join(code + word for code, word in run.items())}"


def _all_codes(grid: "Grid", layout: "Layout", col: int, run: dict[str, str]) -> bool:
    """Whether a column's filled cells (of its first :data:`_CODES_SAMPLE` data rows) are all codes of a code table, and
    some are (a column of words, 在职, or an empty one is explained by no code table)."""
    rows = grid.data_rows(layout.start, np.arange(min(_CODES_SAMPLE, max(0, grid.height - layout.start))))
    cells = [t for t in (text(r[col]) if col < len(r) else "" for r in rows) if t]
    return bool(cells) and all(any(codes.same_code(c, code) for code in run) for c in cells)


def _stacked_tables(grid: Grid, layout: Layout, kind: str) -> list[tuple[Grid, Layout]]:
    """A sheet's tables, one under another, each under its own header (held-out 213: a 特困 table, its title and its
    header naming other columns at other places, under the 低保 table after a blank row, was read through the 低保
    header): each table as a grid of its own (its title rows with it), read by its own layout. A repeat of the header
    (a printed page's, a ledger's monthly block) is the same table.

    Args:
        grid: the sheet.
        layout: its layout (the first table's).
        kind: the list kind.
    Returns:
        (grid, layout) per table, [(grid, layout)] for a sheet of one table.
    """
    tables = []
    while (found := _next_table(grid, layout, kind)) is not None:
        begin, part, second = found
        tables.append((grid.part(0, begin), layout))
        grid, layout = part, second
    return [*tables, (grid, layout)]


def _next_table(grid: Grid, layout: Layout, kind: str) -> tuple[int, Grid, Layout] | None:
    """The first table below a sheet's first: (the row its title starts at, its grid, its layout), or None.

    Only the rows without an ID-like cell in the ID column are looked at (those the row filter looks at whole; a big
    list has few), and of them only those with a cell naming an ID, before a closer look.
    """
    rule, start = _RowFilter(layout), layout.start
    at = _without_id(grid, rule.id_col, start)
    # below the first table's first row with an ID (a row right under the header is its lower row: held-out 133)
    after = at != np.arange(len(at))
    at = at[int(after.argmax()) if after.any() else len(at):]
    for p, row in zip(at.tolist(), grid.data_rows(start, at) if len(at) else []):
        if not any(isinstance(c, str) and _ID_WORD.search(c) for c in row):
            continue
        best: dict[str, tuple[float, int]] = {}  # field → (fit, column) of the row's labels
        for fit, _pos, fld, col in candidates(_labels(row), kind):
            best[fld] = max(best.get(fld, (fit, col)), (fit, col))
        person = [f for f in best if f in ID_FIELDS or f == "name" or f.endswith("_name")]
        if not set(person) & set(ID_FIELDS) or set(person) <= set(ID_FIELDS):
            continue
        # a repeat of the header: its labels where the header has them, its ID and name where the header has them
        if rule.repeats_header(row) and all(layout.mapping.get(f) == best[f][1] for f in person):
            continue
        above = grid.data_rows(start, np.arange(max(0, p - _TITLE_ROWS), p)) if p else []
        titled = 0  # its title rows: the few short rows just above its header, up to a blank row
        for cells in reversed(above):
            shown = {t for t in (text(c) for c in cells) if t}
            if not shown or len(shown) > SUB_TITLE_CELLS or _data_row(cells) or _is_total_or_footer(list(shown)):
                break
            titled += 1
        begin = start + p - titled
        part = grid.part(begin, grid.height)
        second = find_layout(part, kind)
        if second is not None and titled < second.start <= titled + 2:  # (its header where it was found)
            return begin, part, second
    return None


# A cell naming a person's ID (身份证号, 公民身份号码, 证件号码, 社会保障号码): a second table's header has one
_ID_WORD = re.compile(r"身份|证件|证号|号码")
# The rows above a second table's header looked at for its title
_TITLE_ROWS = 3


def _without_id(grid: Grid, id_col: int | None, start: int) -> np.ndarray:
    """The positions (below ``start``) of the rows whose ID cell is not ID-like (:func:`id_like_cell`), read from the
    ID column alone (as Arrow text in bulk for a sheet read as columns)."""
    height = max(0, grid.height - start)
    if id_col is None:
        return np.arange(height)
    cells = grid.id_cells(id_col, start)
    if not hasattr(cells, "type"):  # Python cells
        return np.flatnonzero([not id_like_cell(c) for c in cells])
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_string(cells.type) or pa.types.is_large_string(cells.type):
        like = pc.fill_null(pc.and_(pc.greater_equal(pc.utf8_length(cells), _ID_START),  # (as :func:`columns_frame`)
                                    pc.utf8_is_digit(pc.utf8_slice_codeunits(cells, 0, _ID_START))), False)
        return np.flatnonzero(~np.asarray(like.to_numpy(zero_copy_only=False), dtype=bool))
    coded = _cells_coded(cells)  # numbers, dates: each distinct cell judged once
    like = np.fromiter((id_like_cell(c) for c in coded.categories), dtype=bool, count=len(coded.categories))
    return np.flatnonzero(~like[coded.codes])


def _own_sheets(sheets: list, kind: str, notes: list[str]) -> list:
    """A workbook of several lists (死亡 and 迁出 on two sheets): a sheet whose name names another list kind and not
    this one is left out, with a note; when every sheet would be, all are read."""
    if len(sheets) < 2 or (kind not in SIGNATURE_WORDS and kind != "roster"):
        return sheets

    def other(name: str) -> str:
        if kind == "roster":  # a system export's sheet of members or households stopped (停保人员, 停保家庭明细) is
            # their history, no enrolment (held-out 173: read as a second member sheet, every one of them enrolled)
            return "exits" if re.search(SIGNATURE_WORDS["exits"] + "|减员", name) and not _ENROLLED_SHEET.search(name) else ""
        if re.search(SIGNATURE_WORDS[kind], name):
            return ""
        # a ledger's sheet per item (照料护理费, 物价补贴) is no 两项补贴 list; the kind its name says most of ('户籍迁出'
        # is 户籍迁出名单, not 户籍人口信息: held-out 180; of two words as long, the later one, the list's own noun)
        found = [(len(m.group(0)), m.start(), k) for k, words in SIGNATURE_WORDS.items()
                 if k != kind and not (kind == "payments" and k == "subsidies") and (m := re.search(words, name))]
        return max(found)[2] if found else ""

    named = {id(grid): other(str(grid.sheet)) for grid, _ in sheets}
    kept = [(grid, layout) for grid, layout in sheets if not named[id(grid)]]
    if not kept:
        return sheets
    for grid, _ in sheets:
        if named[id(grid)]:
            where = "漏保排查（coverage）中" if named[id(grid)] in COVERAGE_ONLY else ""
            notes.append(f"工作表“{grid.sheet}”看名称是{KIND_LABELS[named[id(grid)]]}，未作为{KIND_LABELS[kind]}读取；"
                         f"如需核查，请{where}用 --{named[id(grid)].replace('_', '-')} 另行指定该文件")
    return kept


# A roster sheet's name that says it holds the enrolled (在保, 低保 …) even beside an exit word ('在保及停保人员')
_ENROLLED_SHEET = re.compile(r"在保|享受|低保|特困|供养|花名册|名册|家庭成员|家庭信息")
_SHEET_NOTED = re.compile(r"工作表“(.*)”看名称是")
_OTHER_KIND_NOTE = re.compile(r"如需核查，请(?:漏保排查（coverage）中)?用 --([a-z-]+) 另行指定该文件$")
# Lists only `coverage` reads: a note pointing to one says so (audit and screen have no such option).
COVERAGE_ONLY = ("monitoring", "disabled", "illness", "subsidies", "rejected")


def settle_sheet_notes(tables: list["Table"]) -> None:
    """Drop a table's note about a sheet left out as another list kind (:func:`_own_sheets`) when that kind is read
    from the same file (a folder's workbook of several lists is taken as each of them), or when another list of the run
    reads that very sheet (held-out 232: 死亡注销, read as the deaths, was said to look like an exit list for --exits)."""
    kinds: dict[Path, set[str]] = {}
    sheets: dict[Path, dict[str, set[str]]] = {}  # file → sheet → the kinds that read it
    for t in tables:
        where = Path(t.path).resolve()
        kinds.setdefault(where, set()).add(t.kind)
        for sheet in t.sheets:
            sheets.setdefault(where, {}).setdefault(str(sheet), set()).add(t.kind)
    for t in tables:
        where = Path(t.path).resolve()
        read, by_sheet = kinds.get(where, set()), sheets.get(where, {})

        def settled(note: str) -> bool:
            m = _OTHER_KIND_NOTE.search(note)
            if not m:
                return False
            named = _SHEET_NOTED.search(note)
            return m.group(1).replace("-", "_") in read or (
                named is not None and bool(by_sheet.get(named.group(1), set()) - {t.kind}))

        t.warnings[:] = [w for w in t.warnings if not settled(w)]


def _content(frame: pd.DataFrame) -> list[tuple]:
    """A sheet's rows as read, field by field and in order, without where they stand (row numbers, sheet name)."""
    fields = sorted(c for c in frame.columns if not str(c).startswith("_"))
    return sorted(zip(*(frame[c].map(text).tolist() for c in fields))) if fields else []


def _holds_data(grid: Grid, layout: Layout, kind: str) -> bool:
    """Whether a sheet named like a notes page has the kind's required columns and ID numbers below them."""
    if any(f not in layout.mapping for f in REQUIRED.get(kind, REQUIRED_DEFAULT)):
        return False
    col = layout.mapping.get("id", layout.mapping.get("head_id", layout.mapping.get("dependent_id")))
    rows = grid.rows[layout.start : layout.start + CONTENT_SAMPLE]
    return col is not None and any(col < len(row) and ids.id_number(row[col]).status in _ID_LIKE for row in rows)


# lists whose months are the list's own (a wage list's months divide every average, a pension list's latest month says
# who is still paid): their months are counted over the whole file when it is filtered (``Table.months``)
MONTHED_KINDS = ("wages", "pensions")


def month_cells(mapping: Mapping[str, int]) -> list[int]:
    """The columns whose cells :attr:`Table.months` counts rows by: the month column, then the 缴费类型 column if any
    (empty without a month column).

    Args:
        mapping: a layout's field → column.
    Returns:
        The column indexes.
    """
    if "month" not in mapping:
        return []
    return [mapping["month"], *([mapping["pay_type"]] if "pay_type" in mapping else [])]


def _month_rows(grid: Grid, layout: Layout, height: int) -> list[tuple[object, object, int]]:
    """A sheet's rows per (month cell, 缴费类型 cell), over every row (see :attr:`Table.months`)."""
    cols = month_cells(layout.mapping)
    if not cols or not height:
        return []
    cells = grid.data_columns(cols, layout.start)
    pairs = zip(list(cells[cols[0]]), list(cells[cols[1]]) if len(cols) > 1 else [""] * height)
    counted: dict[tuple[object, object], int] = defaultdict(int)
    for pair in pairs:
        counted[pair] += 1
    return [(m, p, n) for (m, p), n in counted.items()]


# The filtered lists whose status column's bulk code the checks read (rules._econ.BULK_READ's filtered kinds, and C04's
# properties: a home or shop of a code unlike the bulk is a lead, h389; h395: judged over a list's 3 rows kept)
STATUS_COUNTED = ("pensions", "businesses", "properties", "deaths")
# … and the column counted: a deaths list's 注销原因 (a code most of the list holds is its deaths, rules.c02_status)
COUNTED_FIELD = {"deaths": "cause"}


def counted_field(kind: str) -> str:
    """The field whose whole-file cells a filtered list of ``kind`` counts (:attr:`Table.statuses`)."""
    return COUNTED_FIELD.get(kind, "status")


_BARE_CODE = re.compile(r"[0-9A-Za-z]{1,4}")  # (rules._econ.BARE_CODE: the codes whose bulk is read)


def bare_codes(cells: pd.Series) -> bool:
    """Whether the status cells kept hold a bare code (1, 02, A …): only then does the whole file's bulk matter."""
    return any(_BARE_CODE.fullmatch(text(v)) for v in pd.unique(cells.astype(object)))


def _status_counts(grid: Grid, layout: Layout, kind: str) -> Counter:
    """A sheet's status (:func:`counted_field`) cells as text → rows, over every row (see :attr:`Table.statuses`)."""
    col = layout.mapping[counted_field(kind)]
    cells = grid.data_columns([col], layout.start)[col]
    return codes.written_counts(pd.Series(cells) if isinstance(cells, pd.Categorical)
                                else pd.Series(np.asarray(cells, dtype=object), dtype=object))


# The filtered lists whose amount column is sampled over the whole file (``Table.amount_sample``), and how many of its
# first rows (enough to tell a unit; bounded, as a city's list may have a million rows)
AMOUNT_SAMPLED = {"pensions": ("amount",), "wages": ("wage",)}
AMOUNT_SAMPLE_ROWS = 2000


def _amount_cells(grid: Grid, layout: Layout, kind: str, height: int) -> dict[str, list]:
    """A sheet's amount columns' first :data:`AMOUNT_SAMPLE_ROWS` cells (see :attr:`Table.amount_sample`)."""
    cols = {fld: layout.mapping[fld] for fld in AMOUNT_SAMPLED.get(kind, ()) if fld in layout.mapping}
    if not cols or not height:
        return {}
    cells = grid.data_columns(list(cols.values()), layout.start, np.arange(min(height, AMOUNT_SAMPLE_ROWS)))
    return {fld: list(cells[col]) for fld, col in cols.items()}


def record_rows(grid: Grid, layout: Layout) -> tuple[np.ndarray | None, list[tuple[str, int, list[str], int, list[str]]]]:
    """Which rows below a sheet's header a system still holds as live records, by its record-status columns (删除标志,
    是否删除, 有效标志, 记录状态, 数据状态 …: ``normalize.codes.record_column``); rows it marks deleted or void are no
    record of anyone (a deaths-list row 作废 is no death; a ledger row 已删除 is no payment).

    Args:
        grid: the sheet.
        layout: its header.
    Returns:
        (mask of live rows, or None without such a column or a row marked; per column: (its header as written, rows
        marked deleted, their values, rows whose value says neither, those values)).
    """
    def cells_of(col: int) -> list:
        cells = grid.id_cells(col, layout.start)
        return cells.to_pylist() if hasattr(cells, "to_pylist") else list(cells)

    return record_state(layout, cells_of, max(0, grid.height - layout.start))


def _kept_record_rows(grid: Grid, layout: Layout, at: np.ndarray) -> tuple[np.ndarray | None, list]:
    """:func:`record_rows` over the rows at positions ``at`` below the header only (a filtered list's kept rows):
    the mask is over those rows, the counts of the notices theirs."""
    cells = grid.data_columns([col for col, _sense in record_columns(layout)], layout.start, at) if len(at) else {}
    return record_state(layout, lambda col: list(cells[col]) if col in cells else [], len(at))


def record_values(layout: Layout, col: int, values: list) -> list:
    """A record-status column's cells, each code its legend explains (the header's '记录状态（1正常 2删除）', the title's,
    a notes page's) as its word: a flag whose legend inverts it ('删除标志（0是 1否）') is read by its legend."""
    label = layout.labels[col] if col < len(layout.labels) else ""
    meanings = (layout._explained(label, layout.title) or layout._explained(label, layout.footer)
                or layout._noted(label)) if label else {}
    return [codes.by_legend(v, meanings) for v in values] if meanings else values


def record_columns(layout: Layout) -> list[tuple[int, str]]:
    """A header's record-status columns and their senses (``normalize.codes.record_column``)."""
    return [(col, sense) for col, label in enumerate(layout.labels) if (sense := codes.record_column(label))]


def record_state(layout: Layout, cells_of, height: int) -> tuple[np.ndarray | None, list]:
    """:func:`record_rows` over any reader's cells: ``cells_of(col)`` gives a record-status column's cells (one per row,
    ``height`` rows)."""
    cols = record_columns(layout)
    if not cols:
        return None, []
    live = np.ones(height, dtype=bool)
    found = []
    for col, sense in cols:
        written = [text(v) for v in record_values(layout, col, cells_of(col))]
        meaning = {value: codes.record_live(value, sense) for value in set(written)}
        states = [meaning[w] for w in written]
        gone = np.fromiter((s is False for s in states), dtype=bool, count=len(states))
        unread = [w for w, s in zip(written, states) if s is None]
        live[:len(gone)] &= ~gone
        found.append((layout.said(col), int(gone.sum()), sorted({w for w, s in zip(written, states) if s is False}),
                      len(unread), sorted(set(unread))))
    return (live if not live.all() else None), found


# A record-status value that is a bare code (1, 2, 01, A): a legend can say what it means, a word (待审核) it cannot
_RECORD_CODE = re.compile(r"[0-9A-Za-z]{1,3}")


def record_notes(found: list[tuple[str, int, list[str], int, list[str]]], path: Path | None = None,
                 kept_only: bool = False) -> list[str]:
    """The notices of :func:`record_rows`' columns over a file's sheets, once per column: the rows left out as deleted or
    void, and the rows kept whose value says neither (for bare codes without a legend, also where to write one).

    Args:
        found: :func:`record_rows`' second part, for every sheet of one file.
        path: the file, for a list or roster (its code table file can explain the codes); None for a ledger.
        kept_only: whether the rows counted are a filtered list's kept rows only (those that may be a roster person's).
    Returns:
        The notices, in Chinese.
    """
    out: list[str] = []
    among = "可能与花名册人员有关的行中" if kept_only else ""
    for label in dict.fromkeys(f[0] for f in found):
        mine = [f for f in found if f[0] == label]
        gone, unread = sum(f[1] for f in mine), sum(f[3] for f in mine)
        if gone:
            said = "、".join(f"“{v}”" for v in dict.fromkeys(v for f in mine for v in f[2]))
            out.append(f"{among}有 {gone} 行标为已删除或作废（“{label}”为{said}），是系统中已不存在的记录，未读入")
        if unread:
            values = list(dict.fromkeys(v for f in mine for v in f[4]))
            said = "、".join(f"“{v}”" for v in values[:5])
            if all(_RECORD_CODE.fullmatch(v.strip()) for v in values):
                # (h490: '记录状态 1/2' without a legend; the legend's routes are record_values')
                bare = re.sub(r"[(（].*$", "", label).strip() or label
                example = f"“{bare}（{values[0]}正常 {values[-1] if len(values) > 1 else '2'}删除）”"
                where = (f"在表头中写明（如{example}）、在工作簿中加一页代码说明（{bare} | 代码 | 含义），"
                         f"或在名单旁放一个代码表文件《{Path(path).stem}_代码表.csv》（字段 | 代码 | 含义）"
                         if path is not None else f"在表头或标题中写明（如{example}）")
                out.append(f"{among}有 {unread} 行的“{label}”为代码{said}，名单没有说明这些代码的含义，看不出记录是否已删除或作废，"
                           f"仍按有效记录读取；请向报送单位问明代码的含义，{where}后重新运行")
            else:
                out.append(f"{among}有 {unread} 行的“{label}”为{said}，看不出记录是否已删除或作废，仍按有效记录读取；"
                           f"请核实，已删除或作废的请删去这些行后重新运行")
    return out


def _households_gone(grid: Grid, layout: Layout, col: int, live: np.ndarray) -> set[str]:
    """The household numbers (家庭编号) of a roster sheet whose every row is marked deleted or void."""
    cells = grid.id_cells(col, layout.start)
    numbers = [text(v).strip() for v in (cells.to_pylist() if hasattr(cells, "to_pylist") else list(cells))]
    kept = {n for n, k in zip(numbers, live) if k}
    return {n for n, k in zip(numbers, live) if not k and n} - kept


def _members_of_households_gone(parts: list, gone: dict[int, tuple[str, set[str]]]) -> tuple[list, list[str]]:
    """A system export's member rows whose household its household sheet marks deleted or void (h485: the members
    of a household taken off were read, their household's fields blank), left out and said. ``gone``: by the place of
    the household sheet in ``parts``, its name as said and its household numbers (h490: by place, not by sheet name,
    for a household file joined to its members' file may name its sheet as they do — two CSVs, two 'Sheet1's)."""
    out, said = [], []
    for k, (frame, layout, sheet) in enumerate(parts):
        others = set().union(*(numbers for at, (_where, numbers) in gone.items() if at != k))
        if others and "household_no" in frame.columns:
            drop = frame["household_no"].map(lambda v: text(v).strip()).isin(others).to_numpy()
            if drop.any():
                frame = frame[~drop].reset_index(drop=True)
                where = "、".join(w for at, (w, numbers) in gone.items() if at != k and numbers)
                said.append(f"{('工作表“' + sheet + '”') if sheet else ''}有 {int(drop.sum())} 名成员所在的家庭在{where}中"
                            "标为已删除或作废，这些成员未读入")
        out.append((frame, layout, sheet))
    return out, said


def to_table(raw: RawFile, keep=None, keep_former=None) -> Table:
    """Turn a read file into a table.

    Args:
        raw: the file as read.
        keep: optional: given a sheet's ID cells (one per row below the header; see :meth:`Grid.id_cells`),
            returns a boolean mask; rows outside it are left out but counted in ``row_count`` (the mask must keep every
            row that is not plainly data, which a mask over clean IDs does).
        keep_former: optional, with ``keep``: the same for a sheet's former-ID cells (原身份证号,
            ``bulk.KeySet.keeps_former``), keeping more rows (none without such a column).
    Returns:
        The table.
    """
    parts, dropped, months, statuses, sampled = [], {}, {}, {}, {}
    records: list = []
    kept_only = False  # a filtered sheet's record-status cells read for its kept rows only (_kept_record_rows)
    # a household sheet's households marked deleted whole, by the sheet's place in parts: (the sheet as said, numbers)
    gone_households: dict[int, tuple[str, set[str]]] = {}
    for grid, layout in raw.sheets:
        first, height = grid.first_row + layout.start, max(0, grid.height - layout.start)
        at = None
        if keep is not None and raw.kind in AMOUNT_SAMPLED:
            sampled[grid.sheet] = _amount_cells(grid, layout, raw.kind, height)
        if keep is not None and raw.kind in MONTHED_KINDS and month_cells(layout.mapping):
            months[grid.sheet] = _month_rows(grid, layout, height)
        if keep is not None and height and (id_cols := person_id_columns(layout.mapping)):
            kept = keep(grid.id_cells(id_cols[0], layout.start))
            for col in id_cols[1:]:  # a row naming a second person (a business's 投资人) is kept for either
                kept |= keep(grid.id_cells(col, layout.start))
            for col in people_cell_columns(layout.mapping):  # … and for an ID written in a 共有人 cell beside a name
                kept |= _ids_written_kept(grid.id_cells(col, layout.start), keep)
            if keep_former is not None and (col := former_id_column(layout.mapping)) is not None:
                kept |= keep_former(grid.id_cells(col, layout.start))  # … and for its person's former ID (原身份证号)
            at = np.flatnonzero(kept)
            dropped[grid.sheet] = height - len(at)
        if at is not None and record_columns(layout):
            # a filtered list: the record-status cells of the rows its key set keeps only (h490: a big workbook's
            # sparse read stays sparse; the rows the key set drops are no one's anyway, as bulk's streamed CSVs)
            kept_live, said = _kept_record_rows(grid, layout, at)
            live, kept_only = None, True
            if kept_live is not None:
                at = at[kept_live]
        else:
            live, said = record_rows(grid, layout) if height else (None, [])
        records += said
        if live is not None:  # rows the system marks deleted or void: no record (not counted in row_count either)
            at = np.flatnonzero(live) if at is None else at[live[at]]
            if raw.kind == "roster" and (col := layout.mapping.get("household_no")) is not None:
                where = (f"《{Path(grid.path).name}》" if Path(grid.path) != Path(raw.path) and not grid.sheet else
                         f"《{Path(grid.path).name}》工作表“{grid.sheet}”" if Path(grid.path) != Path(raw.path) else
                         f"“{grid.sheet}”")
                gone_households[len(parts)] = (where, _households_gone(grid, layout, col, live))
        blocks: list[tuple[int, str]] = []  # a roster's stacked blocks' titles (a township's block each)
        if grid.columns is not None:  # column by column: only rows without an ID-like cell are looked at whole
            frame = _columns_frame(grid, layout, first, height, at, blocks)
        else:
            data, numbers = (grid.data_rows(layout.start), range(first, first + height)) if at is None else \
                (grid.data_rows(layout.start, at), (first + at).tolist())
            frame = data_frame(data, numbers, layout, grid.sheet, blocks)
        if (at is not None and raw.kind in STATUS_COUNTED and (fld := counted_field(raw.kind)) in frame.columns
                and bare_codes(frame[fld])):
            statuses[grid.sheet] = _status_counts(grid, layout, raw.kind)  # (read again whole only then: 1 M rows 3 s)
        if blocks and raw.kind == "roster":
            frame = _with_blocks(frame, blocks, grid, layout)
        if raw.kind == "roster":
            frame = _members_in_one_cell(_with_form_applicant(frame, grid, layout))
        if Path(grid.path) != Path(raw.path):  # a household file read with its members' (household_files_joined)
            frame["_hh_file"] = str(grid.path)
        parts.append((frame, layout, grid.sheet))
    if any(numbers for _where, numbers in gone_households.values()):
        parts, said = _members_of_households_gone(parts, gone_households)
        records_said = [*record_notes(records, raw.path, kept_only), *said]
    else:
        records_said = record_notes(records, raw.path, kept_only)
    table = finish_table(raw.path, raw.kind, parts, [*raw.notes, *records_said])
    left_out = sum(n for sheet, n in dropped.items() if sheet in table.sheets)  # sheets the table kept
    if left_out:
        table.row_count = len(table.frame) + left_out
    if months and all(sheet in months for sheet in table.sheets):  # (a sheet without a month column: the rows kept)
        table.months = [r for sheet, rows in months.items() if sheet in table.sheets for r in rows]
    if statuses and all(sheet in statuses for sheet in table.sheets):
        table.statuses = sum((statuses[sheet] for sheet in table.sheets), Counter())
    if any(sampled.get(sheet) for sheet in table.sheets):
        table.amount_sample = {fld: [c for sheet in table.sheets for c in sampled.get(sheet, {}).get(fld, [])]
                               for fld in AMOUNT_SAMPLED[raw.kind]}
    return table


def _with_blocks(frame: pd.DataFrame, blocks: list[tuple[int, str]], grid: Grid, layout: Layout) -> pd.DataFrame:
    """A roster sheet of blocks stacked under one header, each under its own title ('龙塘镇2026年第三季度农村低保花名册'):
    each row's block title in ``_block`` (the first block's: the sub-title just above the header), for the roster to
    read the township a block's title names (``roster._members_of``; held-out 254: 241 rows of three townships' blocks
    all under （未填乡镇）)."""
    first = " ".join(reversed(sub_title(grid.rows[:layout.start][::-1], layout)))
    at = np.array([n for n, _ in blocks], dtype=np.int64)
    names = np.array([first, *(t for _, t in blocks)], dtype=object)
    return frame.assign(_block=names[np.searchsorted(at, np.asarray(frame["_row"], dtype=np.int64), side="right")])


def _columns_frame(grid: Grid, layout: Layout, first: int, height: int, at: np.ndarray | None,
                   blocks: list | None = None) -> pd.DataFrame:
    """:func:`data_frame` for a sheet read as columns: the mapped columns only, rows ``at`` (None: all)."""
    cols = sorted(set(layout.mapping.values()))
    cells = grid.data_columns(cols, layout.start, at)
    # Arrow columns come coded (io.read._cells_coded); lists as 1-D object arrays
    columns = {c: v if isinstance(v, pd.Categorical) else np.array(v, dtype=object) for c, v in cells.items()}
    positions = np.arange(height) if at is None else at

    def row_at(doubtful: np.ndarray) -> list[list]:
        return grid.data_rows(layout.start, positions[doubtful])

    return columns_frame(columns, first + positions, row_at, layout, grid.sheet, blocks=blocks)


def load_table(path: Path | str, kind: str, limits: Limits | None = None) -> Table:
    """Read a file as a list of the given kind.

    Args:
        path: the file.
        kind: 'roster' or a reference kind.
        limits: safety bounds.
    Returns:
        The table (possibly with zero rows when the file has only a header).
    Raises:
        InputFileError: when the file is unusable or lacks a required column.
    """
    return to_table(read_file(path, kind, limits))


# An application form's label cells above its member table naming the applicant: 申请人 | 张三 | 身份证号码 | 4305…
_APPLICANT_LABEL = re.compile(r"(申请人|户主)(姓名)?")  # (户主姓名 | 张三 on a form of the others: held-out 365)
_FORM_ID_LABEL = re.compile(r"(申请人)?(公民)?(身份证|身份证件|身份)号码?|(申请人)?证件号码?")


def _form_applicant(grid: Grid, layout: Layout) -> tuple[str, object, int] | None:
    """The applicant a form's label cells above its member table name: (name, ID cell as written, row number), or None
    (no such label pair: a list's title, a roster's unit line)."""
    name = number = None
    at = -1
    for r, row in enumerate(grid.rows[:layout.start]):
        cells = [(c, v) for c, v in enumerate(row) if text(v)]
        for k, (_c, v) in enumerate(cells[:-1]):
            label, value = _label(v), cells[k + 1][1]
            if name is None and _APPLICANT_LABEL.fullmatch(label) and not _label(value).startswith("申请"):
                name, at = text(value), r
            elif number is None and _FORM_ID_LABEL.fullmatch(label) and len(digits(text(value))) >= 6:
                number = value
    return (name, number, grid.first_row + at + 1) if name and number is not None else None


def _with_form_applicant(frame: pd.DataFrame, grid: Grid, layout: Layout) -> pd.DataFrame:
    """A form's member table with its applicant first, as 本人, where the table does not list him (a 申请审批表 naming the
    applicant in its label cells and only the others under 家庭成员情况; held-out 358: the first other member was read
    as the applicant, and a form of a one-person family was an empty sheet, left out as the same as another)."""
    if "head_id" in frame.columns or "head_name" in frame.columns or "id" not in frame.columns:
        return frame
    found = _form_applicant(grid, layout)
    if found is None:
        return frame
    name, number, row = found
    key = ids.id_number(number).value if text(number) else ""
    if any(ids.id_number(v).value == key for v in frame["id"].tolist() if text(v)) if key else False:
        return frame  # the applicant's own row is in the table (本人)
    first = {c: "" for c in frame.columns}
    first.update({"name": name, "id": number, "_row": row, "_sheet": grid.sheet, "_title": layout.title})
    if "relation" in frame.columns:
        first["relation"] = "本人"
    on_top = pd.DataFrame([first], columns=frame.columns).astype(object)
    return pd.concat([on_top, frame.astype(object)], ignore_index=True)


# One member written in a household row's 家庭成员 cell: 妻 王芳 4305…, 王芳（妻）4305…, 王芳 妻 4305… (an ID as the
# file has it: 15 or 18 characters, or masked)
_MEMBER_ID_PATTERN = r"(?P<id>[0-9]{6}[0-9*＊]{8,11}[0-9Xx*＊])"
_CELL_MEMBER = [re.compile(r"(?P<rel>[\u4e00-\u9fff]{1,4})[\s:：]+(?P<name>[\u4e00-\u9fff·•・]{2,8})[\s:：]*" + _MEMBER_ID_PATTERN),
                re.compile(r"(?P<name>[\u4e00-\u9fff·•・]{2,8})\s*[（(](?P<rel>[\u4e00-\u9fff]{1,4})[)）][\s:：]*" + _MEMBER_ID_PATTERN),
                re.compile(r"(?P<name>[\u4e00-\u9fff·•・]{2,8})\s+(?P<rel>[\u4e00-\u9fff]{1,4})[\s:：]+" + _MEMBER_ID_PATTERN),
                re.compile(r"(?P<name>[\u4e00-\u9fff·•・]{2,8})[\s:：]*" + _MEMBER_ID_PATTERN)]
_CELL_SPLIT = re.compile(r"[；;，,、\n/|]+")


def _members_in_one_cell(frame: pd.DataFrame) -> pd.DataFrame:
    """A one-row-per-household table whose ID column is its 家庭成员 cell (关系 姓名 身份证号 per member, several in one
    cell) as one row per member: the head's row from 户主姓名/户主身份证号, then one per member written in the cell
    (held-out 358: the cell was read as one member's ID, the head left unchecked and two IDs in a cell said invalid)."""
    if "head_id" not in frame.columns or "id" not in frame.columns or not len(frame):
        return frame
    def members(cell: str) -> list:
        return [next((m for r in _CELL_MEMBER if (m := r.fullmatch(part.strip()))), None)
                for part in _CELL_SPLIT.split(cell) if part.strip()]

    # (every cell must be so: the first filled one tells an ID column, a roster's 180,000 cells not parsed for nothing)
    first = next((c for c in frame["id"].tolist() if isinstance(c, str) and c.strip()), "")
    if any(m is None for m in members(first)):
        return frame
    cells = frame["id"].map(lambda v: v if isinstance(v, str) else "").tolist()
    parsed = [members(c) for c in cells]
    if not any(parsed) or any(m is None for p in parsed for m in p):
        return frame  # an ID column as rosters have it (or cells not all written member by member: left as written)
    rows = []
    for (_, row), members in zip(frame.iterrows(), parsed):
        head = row.to_dict()
        head.update(id=row["head_id"], **({"name": row.get("head_name", "")} if "head_name" in frame.columns else {}))
        if "relation" in frame.columns:
            head["relation"] = "户主"
        rows.append({**head, "relation": "户主"})
        for m in members:
            rows.append({**head, "name": m.group("name"), "id": m.group("id"),
                         "relation": m.groupdict().get("rel") or ""})
    return pd.DataFrame(rows).astype(object)


def _with_twins(frame: pd.DataFrame) -> pd.DataFrame:
    """A field read from its 名称 column, and from its code column (columns.TWIN) on the rows whose name is blank."""
    twins = [c for c in frame.columns if c.endswith(TWIN)]
    if not twins:
        return frame
    frame = frame.copy()
    for twin in twins:
        fld = twin[: -len(TWIN)]
        if fld == "region_code":
            frame[fld] = _place_with_code(frame[fld], frame[twin])
        blank = np.fromiter((not text(c) for c in frame[fld].tolist()), dtype=bool, count=len(frame))
        if blank.any():
            # a place: the name other rows give the same code (held-out 103: a township's name blank on some of its
            # rows), else the code itself, never the name of the row above (a blank place cell is carried down); other
            # fields keep the code (a reason's code is said as such, not as what another row calls it)
            named = ({text(k): v for k, v in zip(frame[twin].tolist(), frame[fld].tolist()) if text(v) and text(k)}
                     if fld in ("township", "village") else {})
            codes = frame[twin].astype(object)
            frame[fld] = frame[fld].astype(object).where(~blank, [named.get(text(k), k) for k in codes.tolist()])
    return frame.drop(columns=twins)


def _place_with_code(names: pd.Series, codes: pd.Series) -> pd.Series:
    """A 行政区划 column of place names beside its 行政区划代码 column, as one cell each ('621121101202 甘肃省…马营镇东坪村'):
    the names are shown, and the codes name the places another file gives only as codes (held-out 399: a 特困 export's
    townships shown as codes beside a family export naming them). A name cell that is itself a code stays as written."""
    from ..regions import region_code

    done: dict = {}  # (each distinct pair judged once: a city's roster holds a few thousand places)

    def joined(name: object, code: object) -> object:
        key = (name, code)
        if key not in done:
            said, coded = text(name), region_code(code)
            done[key] = f"{coded} {said}" if said and coded and not region_code(said) else name
        return done[key]

    return pd.Series([joined(n, c) for n, c in zip(names.tolist(), codes.tolist())], index=names.index, dtype=object)


def finish_table(path: Path, kind: str, parts: list[tuple[pd.DataFrame, Layout, str]], notes: list[str] = ()) -> Table:
    """Assemble a table from the frames of a file's sheets, keeping those that have the required fields.

    Args:
        path: the file.
        kind: 'roster' or a reference kind.
        parts: (frame, layout, sheet name) per sheet with a header.
        notes: file-level notes (hidden sheets skipped …).
    Returns:
        The table.
    Raises:
        InputFileError: when no sheet has a header with the required fields, or the list is of another kind.
    """
    given = [sheet for _frame, _layout, sheet in parts]
    # every sheet's title, a household sheet's read into its members' too (its 家庭状态 legend, held-out 173)
    all_titles = [layout.title for _frame, layout, _sheet in parts]
    if kind == "roster":  # a system export: household sheet + member sheet joined by 家庭编号
        parts, joined = join_households(parts, Layout)
        notes = [*notes, *joined]
    folded = set(given) - {sheet for _frame, _layout, sheet in parts}  # household sheets read into the members'
    frames, headers, written, titles, sheets, warnings = [], {}, {}, [], [], []
    sheet_headers: dict[str, dict[str, tuple[str, str]]] = {}
    missing_reason = id_column = ""
    others_ids: list[str] = []
    required = REQUIRED.get(kind, REQUIRED_DEFAULT)
    for frame, layout, sheet in parts:
        frame = _with_twins(frame)
        if kind in FAMILY_KINDS:
            frame = _members_unfolded(frame, layout, "花名册" if kind == "roster" else "名单")
        if kind == "roster" and "id" not in frame.columns and "head_id" in frame.columns:
            if _lists_members(frame):  # the head's ID is no member's: refuse rather than give it to every row
                unused = [(col, label) for col, label in enumerate(layout.labels)
                          if col not in layout.mapping.values() and _ID_LABEL.search(label)]
                found = (f"“{unused[0][1]}”列中没有可用的身份证号（整列空白或不像身份证号）" if unused
                         else "找不到成员身份证号列")
                advice = "请填好成员身份证号码列（一人一格，不要分成两列）后重新运行。"
                if unused and is_xlsx(path):
                    from .limits import unsaved_formulas

                    if unsaved_formulas(path, sheet)[unused[0][0]]:  # (h431: said blank, and the advice was to fill it)
                        found = f"“{unused[0][1]}”列是公式，文件中没有保存计算结果（程序生成后未在 Excel/WPS 中打开保存过），读出为空"
                        advice = "请用 Excel 或 WPS 打开该文件，保存后重新运行。"
                raise InputFileError(path, f"{('工作表“' + sheet + '”') if sheet else ''}列有家庭成员（成员姓名或与户主关系），"
                                           f"但{found}，无法逐人比对（不能把户主的身份证号当作每个成员的）。{advice}")
            # One row per household naming only its head (户主姓名, 户主身份证号, 家庭人口 …): each row is its head (a
            # 家庭成员 cell listing the others in words is no name of his).
            names = pd.Series(frame["name"] if "name" in frame.columns else "", index=frame.index, dtype=object).map(text)
            named = bool(((names != "") & ~_listed_names(names)).any())
            frame = _head_own(frame.assign(id=frame["head_id"], **({"name": frame["head_name"]} if not named
                                                                   and "head_name" in frame.columns else {})))
            layout.warnings.append("花名册没有成员身份证号列，每行按户主本人读取（一户一行）" + _others_unlisted(frame, layout))
        lacking = [f for f in required if f not in frame.columns]
        if lacking:
            missing_reason = "、".join(FIELD_LABELS.get(f, f) for f in lacking)
            # the header is there but no cell under it is an ID (blank, or a publicly posted copy's 430521********1234):
            # not '找不到…列，请确认表头含有该列' of a sheet whose header has it (held-out 341)
            blank_ids = [label for col, label in enumerate(layout.labels) if col not in layout.mapping.values()
                         and _ID_LABEL.search(str(label))] if lacking == ["id"] else []
            # a column of the row's own person first: another's (经办人身份证号) holds IDs, only not this person's (h456:
            # a pension list whose pensioner's columns went unread was refused as "“经办人身份证号”列中没有可用的身份证号")
            own = [label for label in blank_ids if not names_someone_else(str(label))]
            id_column = own[0] if own else ""
            others_ids = others_ids or ([] if own else blank_ids)
            continue
        # a print copy of the roster beside it (Sheet1, 打印版): read once (rows compared only between sheets of a length)
        first = next((sheets[k] for k, kept in enumerate(frames) if kind == "roster" and len(kept) == len(frame)
                      and _content(kept) == _content(frame)), None)
        if first is not None:
            notes = [*notes, f"工作表“{sheet}”与工作表“{first}”的内容完全相同（同一份花名册的两个版本），只读取“{first}”"]
            continue
        frames.append(frame.assign(**{TIE: layout.tie}) if layout.tie else frame)
        # the first sheet's labels, and those of a list's fields only a later sheet has (held-out 235: a 补报 sheet's
        # 风险消除时间 was no header the evidence could name); a roster's stay its first sheet's (a township the first
        # sheet has no column of is read from its title, roster.build_members)
        headers = headers or layout.headers if kind == "roster" else {**layout.headers, **headers}
        written = written or layout.headers_said if kind == "roster" else {**layout.headers_said, **written}
        if kind in ("roster", "monitoring"):  # (a monitoring sheet's own 人均收入 label: reference._bare_income_monthly)
            said = layout.headers_said
            sheet_headers[str(sheet)] = {fld: (label, said[fld]) for fld, label in layout.headers.items()}
        titles.append(layout.title)
        sheets.append(sheet)
        warnings.extend(f"{('工作表“' + sheet + '”') if sheet else ''}{w}" for w in layout.warnings)
    warnings = sheets_together(warnings)
    warnings.extend(notes)
    unsaved, unsaved_fields = _unsaved_formulas(path, parts, everything=not frames)
    warnings.extend(unsaved + _struck_through(path, parts))
    if not frames:
        what = KIND_LABELS.get(kind, kind)
        if id_column and not unsaved:
            raise InputFileError(path, f"作为{what}读取时，“{id_column}”列中没有可用的身份证号（整列空白，或已脱敏如 "
                                       "430521********1234，或不像身份证号），无法逐人比对。请使用未脱敏的原始文件"
                                       "（公示版不能用于核查），或填好身份证号后重新运行。")
        if missing_reason == FIELD_LABELS.get("id", "id") and others_ids:
            raise InputFileError(path, f"作为{what}读取时找不到名单所列人员本人的身份证号列："
                                       f"{'、'.join(f'“{x}”' for x in others_ids[:3])}是其他人（经办人、代理人等）的身份证号列，"
                                       "不能当作本人的。请确认名单有本人的身份证号列（如“身份证号”“公民身份号码”）且表头写明是本人的，或删去分组行后重新运行。")
        if missing_reason:
            raise InputFileError(path, f"作为{what}读取时找不到“{missing_reason}”列。" + (
                "".join(unsaved) if unsaved else "请确认表头含有该列（如“身份证号”“公民身份号码”），或确认文件是否放错了选项。"))
        hidden = "".join(n for n in notes if n.startswith("隐藏的工作表"))  # (h431: the data in a hidden sheet went unsaid)
        raise InputFileError(path, f"无法识别为{what}：前 {HEADER_SCAN_FAR} 行（空行不计）中找不到表头（如“姓名”“身份证号”）。"
                                   + (hidden or "请确认文件内容和选项是否对应。"))
    frame = _names_in_ids(_ids_in_names(pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]))
    title = " ".join(dict.fromkeys(t for t in [*titles, *all_titles] if t))
    labels = [layout.labels for _frame, layout, _sheet in parts]
    if any(len(OWN_REPORT_LABELS & set(header)) >= OWN_REPORT_NEEDED for header in labels):
        raise InputFileError(path, "这是本工具生成的报告（问题清单、findings.csv 等），不是花名册或名单；"
                                   "上期问题清单请用 review 命令读取。")
    _check_kind(path, kind, frame, title, labels)
    if kind == "roster":
        _check_not_masked(path, frame)
        _check_not_ledger(path, frame, title, parts)
        _check_roster(path, frame, title, parts)
        warnings.extend(msg for fld, msg in ROSTER_GAPS.items() if fld not in frame.columns)
        if "labour" in frame.columns and "health" not in frame.columns:  # C08 needs both: without it, nobody listed
            warnings.append(HEALTH_GAP)
    warnings.extend(msg for fld, msg in LIST_GAPS.get(kind, {}).items() if fld not in frame.columns)
    sheets = [sheet for sheet in given if sheet in folded or sheet in sheets]
    place_names, named_in = _place_names(parts)
    return Table(kind, path, frame, headers, title, sheets, warnings, written=written, unsaved=unsaved_fields,
                 sheet_headers=sheet_headers, place_names=place_names, place_names_from=named_in)


def _place_names(parts: list) -> tuple[dict[str, str], str]:
    """The places a table's notes pages or code table files name by 区划代码 (``regions.code_place_names``), and where
    (for the notice saying the townships are shown by those names)."""
    from ..regions import code_place_names

    out: dict[str, str] = {}
    said = ""
    for _frame, layout, _sheet in parts:
        for legends, where in ((layout.legends, "工作簿的说明页"), (layout.file_legends, f"代码表文件{layout.legend_files}")):
            if legends and (names := code_place_names(legends)):
                said = said or where
                for code, name in names.items():
                    out.setdefault(code, name)
    return out, said


_ID_LABEL = re.compile(r"身份证|证件号|身份号码")


# The columns whose blankness is worth a look at the sheet's XML (IDs, names, amounts a formula often fills in)
_FORMULA_FIELDS = frozenset(("id", "head_id", "name", "head_name", "benefit", "benefit_own", "benefit_after", "amount", "wage",
                             "household_size", "covered_size", "declared_income", "date", "death_date"))


def _unsaved_formulas(path: Path, parts: list[tuple[pd.DataFrame, Layout, str]],
                      everything: bool) -> tuple[list[str], set[str]]:
    """Say the columns of an .xlsx sheet that came out blank because their cells are formulas the file holds no value
    of (a workbook a program wrote and nobody opened and saved in Excel/WPS; held-out 168: a 月保障金 column of formulas
    read as 未写, a 特困 roster's formula IDs as no ID column), and the fields read from them (``Table.unsaved``). Looked
    for only where a recognised column is mostly blank in its first rows (``everything``: in any column, the file being
    unusable)."""
    if not is_xlsx(path):
        return [], set()
    from .limits import unsaved_formulas

    out, fields = [], set()
    for frame, layout, sheet in parts:
        blank = {col for fld, col in layout.mapping.items() if fld in _FORMULA_FIELDS and fld in frame.columns
                 and 2 * sum(text(v) == "" for v in frame[fld].iloc[:1000].tolist()) > min(len(frame), 1000)}
        if not blank and not everything:
            continue
        found = unsaved_formulas(path, sheet)
        cols = [c for c in sorted(found) if (everything or c in blank) and c < len(layout.labels) and layout.labels[c]]
        fields |= {fld for fld, col in layout.mapping.items() if col in cols}
        if cols:
            out.append(f"{('工作表“' + sheet + '”的') if sheet else ''}"
                       f"{'、'.join('“' + layout.labels[c] + '”' for c in cols[:4])}列是公式，文件中没有保存计算结果（程序生成后未在 "
                       "Excel/WPS 中打开保存过），读出为空、未参与核查；请用 Excel 或 WPS 打开该文件，保存后重新运行。")
    return out, fields


_OTHERS = re.compile(QUALIFIERS)


def _id_and_rest(cell: object) -> tuple[str, str] | None:
    """A cell's one whole ID and the words beside it ('李梅（410…）' → ('410…', '李梅')), or None: no ID, several, or words
    saying it is another's ('何平 代领人 410…': QUALIFIERS)."""
    if not isinstance(cell, str) or len(ids.ID_TOKEN.findall(cell)) != 1 or _OTHERS.search(cell):
        return None
    return ids.ID_TOKEN.search(cell).group(0), ids.ID_TOKEN.sub(" ", cell).strip(" \n\r\t:：,，;；/（）()")


def _id_starts(texts: list[str]) -> np.ndarray:
    """Whether each text starts with ``_ID_START`` digits (``len(t) >= _ID_START and t[:_ID_START].isdigit()``): the
    texts cut to that many characters in numpy, whose str.isdigit is Python's for every code point."""
    head = np.array(texts, dtype=f"U{_ID_START}")
    return (np.char.str_len(head) == _ID_START) & np.char.isdigit(head)


def _blank_cells(cells: pd.Index) -> np.ndarray:
    """Whether each cell is blank as text (``not str(c).strip()``); texts are looked at only when their first character
    is whitespace or there is none (numpy's str.isspace is Python's, every code point)."""
    if pd.api.types.infer_dtype(cells, skipna=False) != "string":
        return np.fromiter((not str(c).strip() for c in cells), dtype=bool, count=len(cells))
    first = np.array(cells.tolist(), dtype="U1")
    maybe = np.flatnonzero((first == "") | np.char.isspace(first))
    blank = np.zeros(len(cells), dtype=bool)
    blank[maybe] = [not c.strip() for c in cells[maybe]]
    return blank


def _ids_in_names(frame: pd.DataFrame) -> pd.DataFrame:
    """A name cell holding the person's whole ID too ('钱娜桂\n410523…', '李梅（410…）') beside a blank ID cell: the ID
    goes to the ID column and the name keeps the rest, for a roster as for a list (held-out 185: a cadre missed while
    the notice showed her ID; held-out 189: rosters in four formats). Only the rows whose ID cell is blank are looked
    at; the frame is a copy when one changes."""
    if "id" not in frame.columns or "name" not in frame.columns or not len(frame):
        return frame
    col = frame["id"]
    if isinstance(col.dtype, pd.CategoricalDtype):
        at = col.cat.codes.to_numpy()
        blank = (at < 0) | np.append(_blank_cells(col.cat.categories), False)[at]
    else:
        values = col.to_numpy(dtype=object)
        blank = pd.isna(values) | np.array([isinstance(v, str) and not v.strip() for v in values], dtype=bool) \
            if col.dtype == object else pd.isna(values)
    rows = np.flatnonzero(blank)
    if not len(rows):
        return frame
    names = frame["name"].to_numpy(dtype=object)[rows]
    # (not another's: '何平 代领人 410…' names the agent's ID, held-out 189)
    found = [(r, split) for r, n in zip(rows.tolist(), names.tolist()) if (split := _id_and_rest(n))]
    if not found:
        return frame
    frame = frame.astype({"id": object, "name": object})
    at_id, at_name = frame.columns.get_loc("id"), frame.columns.get_loc("name")
    for r, (person_id, name) in found:
        frame.iat[r, at_id], frame.iat[r, at_name] = person_id, name
    return frame


def _names_in_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """An ID column whose cells give the name too ('尹秋 5115…', '张三（5115…）') in a table with no name column: the
    names come from it (held-out 191: a township's application list read without a single name, "未找到成员姓名列")."""
    if "id" not in frame.columns or "name" in frame.columns or not len(frame):
        return frame
    cells = frame["id"].astype(object).tolist()
    names = [split[1] if (split := _id_and_rest(c)) else "" for c in cells]
    named = sum(bool(re.fullmatch(r"[\u4e00-\u9fff·]{2,8}", n)) for n in names)
    if 2 * named < sum(isinstance(c, str) and bool(c.strip()) for c in cells):
        return frame  # (a name beside an ID now and then is a remark, not the column's content)
    return frame.assign(name=names)


def _struck_through(path: Path, parts: list[tuple[pd.DataFrame, Layout, str]]) -> list[str]:
    """Say the data rows of an .xlsx sheet struck through whole (``limits.struck_rows``): read as any other row — a
    strike is no deletion the file records — but a clerk may have meant one (held-out 185)."""
    if not is_xlsx(path):
        return []
    from .limits import struck_rows

    out = []
    for frame, _layout, sheet in parts:
        rows = set(struck_rows(path, sheet)) & set(frame["_row"].astype(int).tolist()) if "_row" in frame.columns else set()
        if rows:
            shown = "、".join(str(r) for r in sorted(rows)[:8]) + (" 等" if len(rows) > 8 else "")
            out.append(f"{('工作表“' + sheet + '”') if sheet else ''}第 {shown} 行（共 {len(rows)} 行）整行带删除线，仍按有效数据读取、"
                       "参与核查；如删除线表示这些行已作废，请删除这些行后重新运行。")
    return out


def _lists_members(frame: pd.DataFrame) -> bool:
    """Whether a roster without a member-ID column still lists members besides the heads: a 与户主关系 cell that
    names no head, or a member name that is not the row's 户主姓名."""
    if "relation" in frame.columns:
        relations = pd.Series(frame["relation"], dtype=object).map(text).unique()
        if any(r and not codes.is_head(r) for r in relations):
            return True
    if "name" in frame.columns and "head_name" in frame.columns:
        names = pd.Series(frame["name"], dtype=object).map(text)
        heads = pd.Series(frame["head_name"], dtype=object).map(text)
        return bool(((names != "") & (heads != "") & (names != heads) & ~_listed_names(names)).any())
    return False


_NAME_LIST = re.compile(r"[、，,;；（）()]")


# One member of a 家庭成员 cell: '李四(配偶)430521…', '李四（子女）：430521…', '李四 430521…'
# (or '李四 配偶 430521…': the relation between spaces, never the name)
# (a relation written straight after the name, '李四配偶4305…': only words of two characters or more, a name's own last
# character (张小女) being no relation; held-out 373: '李四配偶' read as the member's name)
_JOINED_RELATION = r"配偶|子女|妻子|丈夫|儿子|女儿|[长次三]子|[长次三]女|之子|之女|孙子女?|孙女|外孙子?女?|父亲|母亲|儿媳|女婿|户主|本人|兄弟|姐妹"
# (a relation written before the name, between spaces or before a colon: '妻 王芳 3411…', '长子：张伟 3411…')
_LEADING_RELATION = _JOINED_RELATION + r"|[妻夫子女父母兄弟姐妹孙媳婿]"
_LISTED_MEMBER = re.compile(r"(?:(?<![\u4e00-\u9fff])(?P<rel0>" + _LEADING_RELATION + r")(?:\s+|\s*[:：]\s*))?"
                            r"(?P<name>[\u4e00-\u9fff·•・]{2,8}?)\s*(?:[（(](?P<rel>[^()（）\d]{1,8})[)）]|[\s/:：-]+(?P<rel2>[\u4e00-\u9fff]{1,4})"
                            r"|(?P<rel3>" + _JOINED_RELATION + r"))?"
                            r"\s*[:：,，/-]?\s*(?P<id>(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)"
                            # (typed in groups, 430527 19530101 123X: h410, a dead father never checked)
                            r"|(?<!\d)\d{6} ?\d{8} ?\d{3}[\dXx](?![\dXx]))")


# An ID in a 家庭成员 cell, whole or typed in groups (430527 19530101 123X)
_CELL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)|(?<!\d)\d{6} ?\d{8} ?\d{3}[\dXx](?![\dXx])")
# … in brackets of its own after the name (张三(4305…))
_BRACKETED_ID = re.compile(r"\(\s*((?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)|(?<!\d)\d{6} ?\d{8} ?\d{3}[\dXx](?![\dXx]))\s*\)")
# What separates one member from the next in such a cell; what may sit between a member's ID and its name (a space, a
# colon, a dash) is no separator
_DAMAGED_ID = re.compile(r"(?<![\dXx])\d[\d ]{12,19}[\dXx](?![\dXx])")
_MEMBER_SEP = re.compile(r"[；;，,、|\r\n]+")
_CELL_NAME = re.compile(r"[\u4e00-\u9fff·•・]{2,8}")
_BRACKETED = re.compile(r"(?P<name>[\u4e00-\u9fff·•・]{2,8})\s*[（(](?P<rel>[^()（）\d]{1,8})[)）]")
_JOINED = re.compile(r"(?P<name>[\u4e00-\u9fff·•・]{2,8}?)(?P<rel>" + _JOINED_RELATION + r")")
_LEADING = re.compile(r"(?:" + _LEADING_RELATION + r")")


def _member_words(words: str) -> tuple[str, str] | None:
    """A member's name and relation from the words written beside its ID in a 家庭成员 cell ('王芳（妻）', '王芳 妻',
    '妻 王芳', '妻:王芳', '王芳配偶'), or None when they name nobody (a relation alone, no name)."""
    words = words.strip(" :：-/\t")
    if m := _BRACKETED.fullmatch(words):
        return m["name"], m["rel"]
    parts = [w for w in re.split(r"[\s/:：\-]+", words) if w]
    if len(parts) == 2 and _LEADING.fullmatch(parts[0]) and _CELL_NAME.fullmatch(parts[1]):
        return parts[1], parts[0]
    if len(parts) == 2 and _LEADING.fullmatch(parts[1]) and _CELL_NAME.fullmatch(parts[0]):
        return parts[0], parts[1]
    if len(parts) == 1 and (m := _JOINED.fullmatch(parts[0])):
        return m["name"], m["rel"]
    if len(parts) == 1 and _CELL_NAME.fullmatch(parts[0]) and not _LEADING.fullmatch(parts[0]):
        return parts[0], ""
    return None


# An ID's own label written before it in a 家庭成员 cell ('配偶：苏桂，身份证号：4113…'), with the separator before it: no
# one's name (h445: every member was read as '身份证号', her real name listed as a member without an ID)
_CELL_ID_LABEL = re.compile(r"[,;、]?\s*(?:公民身份号码|身份证明号码|身份证件号码|身份证号码|身份证号|身份证|证件号码|证件号)\s*(?:[:：]|为|是)?"
                       r"\s*(?=\d)")


# … and such a label with no ID after it ('身份证号：无'): no member either
_LABEL_ONLY = re.compile(r"\s*(?:公民身份号码|身份证明号码|身份证件号码|身份证号码|身份证号|身份证|证件号码|证件号)\s*(?:[:：]|为|是)?\s*"
                         r"(?:无|没有|暂无|空|未填|[/／\-－—_]*)\s*")


def _cell_people(cell: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The members a 家庭成员 cell lists, each its (name, relation, ID), and the words it names nobody's ID beside, as
    written. Anchored on the IDs: the words between two IDs are cut at the member separator, the part touching an ID
    (only a space or a colon between) being that ID's; words touching neither go by the cell's order — name before ID
    when the cell opens with words, ID before name when it opens with an ID (h415: '4305… 王芳（妻）；4305… 张伟（子）'
    read nobody, or paired a name with the next member's ID across a line break).

    Returns:
        The members with an ID (a name not read is ''), and the leftover words naming members without one.
    """
    cell = _CELL_ID_LABEL.sub(" ", unicodedata.normalize("NFKC", cell))
    # (an ID in brackets after its name, 张三(4305…)、李四(4305…), is written beside it: h438, the names were lost)
    cell = _BRACKETED_ID.sub(r" \1 ", cell)
    ids = list(_CELL_ID.finditer(cell))
    if not ids:
        return [], []
    cuts = [cell[:ids[0].start()]] + [cell[a.end():b.start()] for a, b in zip(ids, ids[1:])] + [cell[ids[-1].end():]]
    chunks = [[c.strip(" \t") for c in _MEMBER_SEP.split(cut) if c.strip(" \t:：-/")] for cut in cuts]
    # (a part with a number of its own, a cut or masked ID, is another member's: never words of the IDs beside it)
    loose = [c for part in chunks for c in part if re.search(r"\d{6}", c)]
    chunks = [[c for c in part if not re.search(r"\d{6}", c)] for part in chunks]
    id_first = not chunks[0] and bool(chunks[-1])
    before, after = [""] * len(ids), [""] * len(ids)
    for k, cut in enumerate(cuts):
        parts = list(chunks[k])
        if not parts:
            continue
        # (touching the ID before it: no separator between; touching the ID after it: none after the words)
        head_glued = k > 0 and not _MEMBER_SEP.match(cut.lstrip(" \t"))
        tail_glued = k < len(ids) and not _MEMBER_SEP.search(cut.rstrip(" \t")[-1:])
        if 0 < k < len(ids) and len(parts) == 1 and head_glued == tail_glued:  # (touching both or neither: the order)
            (after if id_first else before)[k - id_first] = parts.pop()
        if k > 0 and parts and (head_glued or id_first) and not (len(parts) == 1 and tail_glued and not head_glued):
            after[k - 1] = parts.pop(0)
        if parts and k < len(ids) and (tail_glued or not id_first):
            before[k] = parts.pop()
        loose += parts
    people = []
    for k, m in enumerate(ids):
        said, later = (_member_words(w) if w else None for w in (before[k], after[k]))
        if said and later and later != said:  # (a name on each side: the one after is another member's, with no ID)
            loose.append(after[k])
        people.append((*(said or later or ("", "")), m.group()))
    # (a member whose ID lost or gained a digit, '4305…123 孙亮（子）': still its person, to be D03 and never exact; a
    # part with a cut number is no one to name in the notice either — it would print it; a masked one is named as written)
    for words in loose:
        if (cut := _DAMAGED_ID.search(words)) and (said := _member_words(words[:cut.start()] + " " + words[cut.end():])):
            people.append((*said, re.sub(r"\s", "", cut.group())))
    return people, [w for w in loose if _CELL_NAME.search(w) and not _NOBODY.fullmatch(w) and not _LABEL_ONLY.fullmatch(w)
                    and (not re.search(r"\d{6}", w) or "*" in w)]


def _id_as_head(mapping: dict[str, int]) -> dict[str, int]:
    """A mapping whose bare ID column is the applicant's (申请人 | 身份证号 | 家庭成员 …): as the head's ID."""
    return {("head_id" if f == "id" else f): c for f, c in mapping.items()}


def members_listed(rows: list, mapping: dict[str, int]) -> bool:
    """Whether a roster's sheet (its rows below the header, as read) lists each family's members with their IDs in one
    cell beside the head's ID (户主身份证号 | 家庭成员 '李四(配偶)430521…'), no member ID column: a roster of its own,
    unfolded by :func:`_members_unfolded` (held-out 370: a folder skipped such a file, '表头中没有花名册…应有的列'); or
    in slots of several people beside the head's ID, each with its ID (户主身份证号 | 父母 '张三4331…，李四4331…' |
    配偶及子女 '王芳（妻）4331…'), unfolded by :func:`_several_people` (held-out 382: read when given, skipped in a
    folder)."""
    if "id" in mapping and "head_id" not in mapping and "head_name" in mapping:
        mapping = _id_as_head(mapping)
    if "id" in mapping or "head_id" not in mapping:
        return False
    cols = [c for f, c in mapping.items() if f == "name" or (f.startswith(MEMBER_SLOT) and f.endswith(":name"))]
    return any(_LISTED_MEMBER.search(unicodedata.normalize("NFKC", text(row[col]))) or any(
               name for name, _, _ in _cell_people(text(row[col]))[0]) for row in rows[:50] for col in cols if col < len(row))


def _members_unfolded(frame: pd.DataFrame, layout, what: str = "花名册") -> pd.DataFrame:
    """A roster with one row per family, its members beside the head in numbered columns (成员1姓名 | 成员1身份证号 |
    成员1与户主关系 …, ``columns.MEMBER_SLOT``) or in one 家庭成员 cell ('李四(配偶)430521…;李小明(子女)430521…'), as
    one row per person: the head's (户主, from the head's columns) and each member's, all on the family's row number
    (held-out 370: 成员1 was read as the row's one person, or the head alone, the other members never checked). A
    member the cell names without an ID is left as the notice on 一户一行 rosters says; the cell's own text stays the
    evidence of nobody."""
    slotted = [c for c in frame.columns if str(c).startswith(MEMBER_SLOT)]
    listed = None
    if not slotted and "id" in frame.columns and "head_name" in frame.columns and "head_id" not in frame.columns:
        # (申请人 | 身份证号 | 家庭成员 '妻 王芳 3411…；子 张伟 3411…', one row per applicant: the bare ID column is the
        # applicant's, h402 — read as the only person's, the members in the cell were never checked)
        as_head = frame.rename(columns={"id": "head_id"})
        unfolded = _members_unfolded(as_head, layout, what)
        return frame if unfolded is as_head else unfolded
    if not slotted:
        if "id" in frame.columns or "head_id" not in frame.columns or "name" not in frame.columns:
            return frame
        at, distinct_cells = pd.factorize(pd.Series(frame["name"], dtype=object).map(text))
        read = [_cell_people(c) if _NAME_LIST.search(c) or len(c) > 18 else ([], []) for c in distinct_cells.tolist()]
        found = [people for people, _ in read]
        if not any(found):
            return frame
        listed = [found[k] if k >= 0 else [] for k in at.tolist()]
        bare = [words for _, words in read]
        unread = [(k, bare[a]) for k in np.flatnonzero(np.array([bool(b) for b in bare] + [False])[at]).tolist()
                  for a in (at[k],)]
    base = frame.drop(columns=[c for c in slotted + ["name", "id", "relation", "sex"] if c in frame.columns]).astype(object)
    if slotted:  # (the single fields a member's columns gave are that member's, not the head's)
        frame = frame.drop(columns=[f for f in ("name", "id", "relation", "sex") if f in frame.columns and any(
            frame[f].equals(frame[c]) for c in slotted if str(c).endswith(":" + f))])
    head = _head_own(base.assign(id=frame["id"] if "id" in frame.columns else frame.get("head_id", ""),
                                 name=frame["head_name"] if "head_name" in frame.columns else frame.get("name", ""),
                                 relation=frame["relation"] if "relation" in frame.columns else "户主"))
    base = base.drop(columns=[c for c in HEAD_OWN.values() if c in base.columns])
    if "sex" in frame.columns:
        head["sex"] = frame["sex"]
    def written(cells) -> np.ndarray:  # (a slot's cells, vectorised: a city's 60,000 families × 6 slots)
        cells = pd.Series(cells, index=base.index, dtype=object)
        # (a slot filled with 无 or / says nobody: held-out 373, 10 members named 无 with no ID)
        said = cells.astype(str).str.strip()
        return (cells.notna() & (said.str.len() > 0) & ~said.str.fullmatch(_NOBODY)).to_numpy()

    parts, outside, several, silent, bracketed = [head[written(head["id"]) | written(head["name"])]], 0, 0, set(), 0
    if slotted:
        for n in dict.fromkeys(str(c).split(":")[1] for c in slotted):
            part = base.copy()
            for c in slotted:
                if str(c).split(":")[1] == n:
                    part[str(c).split(":")[2]] = frame[c].astype(object)
            keep = written(part["id"] if "id" in part.columns else None) | written(part["name"] if "name" in part.columns else None)
            if (rel := _RELATION_SLOT.match(n)) and "relation" not in part.columns:
                # a column named by the relation (配偶身份证号): the member's relation is the column's; one the row's
                # 备注 says is not in the family (配偶已分户，不在保) is left out, said (held-out 373)
                part["relation"] = rel.group(1)
                if "remark" in base.columns:
                    at, cells = pd.factorize(pd.Series(base["remark"], dtype=object).map(text))
                    apart = np.array([rel.group(1) in c and _NOT_IN_FAMILY.search(c) is not None for c in cells.tolist()] + [False])[at]
                    outside += int((keep & apart).sum())
                    keep &= ~apart
            if SEVERAL_SLOT.match(n):
                part, nameless = _several_people(part[keep])
                if part is None:  # (names only, no ID anywhere: whose they are is not said, as before — no member)
                    silent.add(n)
                    continue
                several += nameless
                bracketed += int((part["relation"] != rel.group(1)).sum()) if rel else 0
                parts.append(part)
                continue
            parts.append(part[keep])
        named = [n for n in dict.fromkeys(str(c).split(':')[1] for c in slotted) if n not in silent]
        layout.warnings.extend([] if not named else [f"{what}一户一行、成员分列（{'、'.join(named)} 号成员），已按户主和各成员逐人读取"
                               if not any(_RELATION_SLOT.match(n) for n in named) else
                               f"{what}一户一行、家庭成员按与户主关系分列（{'、'.join(named)}），已按户主和各成员逐人读取，关系按列名"
                               + (f"（其中 {bracketed} 人按姓名后括号中写明的关系）" if bracketed else "")
                               + (f"；其中 {outside} 人的“备注”写明不在本户（分户、不在保等），未作为本户成员核查" if outside else "")
                               + (f"；{several} 格写了几个人但姓名与身份证号对不上（个数不同或没有身份证号），其中的人未逐人核查，"
                                  "请一人一格或写成“姓名+身份证号”后重新运行" if several else "")])
    else:
        # (a cell that names the head too, 张三(户主)430521…: he is the head's row already)
        heads = [text(v).upper() for v in frame["head_id"].tolist()]
        rows = [(k, *m) for k, ms in enumerate(listed) for m in ms if m[2].upper() != heads[k]]
        part = base.iloc[[k for k, *_ in rows]].copy()
        part["name"], part["relation"], part["id"] = ([r[j] for r in rows] for j in (1, 2, 3))
        parts.append(part)
        layout.warnings.append(f"{what}一户一行、家庭成员写在一格中，已按户主和该格中写明身份证号的 {len(rows)} 名成员逐人读取"
                               + _without_id_said(frame, unread))
    return pd.concat(parts).sort_values("_row", kind="stable").reset_index(drop=True)


# a head's own columns on a one-row-per-household roster → the field they give his row (columns: head_labour …)
HEAD_OWN = {"labour": "head_labour", "health": "head_health"}


def _head_own(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows that are the heads' (one row per household): their 户主劳动能力/户主健康状况 as their labour and health
    where the row has none of its own; the head's columns dropped."""
    own = {fld: col for fld, col in HEAD_OWN.items() if col in frame.columns}
    if not own:
        return frame
    return frame.assign(**{fld: frame[col] for fld, col in own.items() if fld not in frame.columns}).drop(
        columns=list(own.values()))


def _named_without_id(cell: str) -> list[str]:
    """The members a 家庭成员 cell names with no ID ('母亲 李秀英' beside '妻 王芳 3411…'), as written."""
    return _cell_people(cell)[1]


def _without_id_said(frame: pd.DataFrame, unread: list[tuple[int, list[str]]]) -> str:
    """The clause saying which members a 家庭成员 cell names without an ID, none of them checked (h410: a mother and a
    daughter written by name only were dropped unsaid, the family 无疑点)."""
    if not unread:
        return ""
    heads = frame["head_name"].tolist() if "head_name" in frame.columns else [""] * len(frame)
    # (the applicant named in the cell too, '本人 孙伟', is the row's own head)
    unread = [(k, kept) for k, names in unread
              if (kept := [n for n in names if not (text(heads[k]) and text(heads[k]) in n)])]
    if not unread:
        return ""
    shown = "；".join(f"第 {frame['_row'].iat[k]} 行 {heads[k]}户：{'、'.join(names)}" for k, names in unread[:5])
    masked = "（或身份证号已脱敏、不全）" if any("*" in n for _, names in unread for n in names) else ""
    return (f"；其中 {sum(len(n) for _, n in unread)} 名成员只写了姓名、没有身份证号{masked}，未核对（{shown}"
            f"{'等' if len(unread) > 5 else ''}），请补充身份证号后重新运行")


_AN_ID = re.compile(r"(?<![\dXx])(?:\d{17}[\dXx]|\d{15})(?![\dXx])")
_NAME_SPLIT = re.compile(r"[\s、，,;；/|]+")
_LIST_SPLIT = re.compile(r"[、，,;；/|\r\n]+")
_LOOSE_MEMBER = re.compile(r"(?P<name>[\u4e00-\u9fff·•・]{2,8}?)\s*(?:[（(](?P<rel>[^()（）\d]{1,8})[)）])?\s*[:：]?\s*"
                           r"(?P<id>\d[\d\s]{12,20}[\dXx])")


_NAMED_RELATION = re.compile(r"(?P<name>[^()（）\d]+?)\s*[（(](?P<rel>[^()（）\d]{1,8})[)）]")


def _listed(cell: str, split: re.Pattern[str]) -> list[str]:
    return [w.strip() for w in split.split(cell) if w.strip() and not _NOBODY.fullmatch(w.strip())] if cell else []


def _several_people(part: pd.DataFrame) -> tuple[pd.DataFrame | None, int]:
    """A slot of several people (父母, 配偶及子女) as a row per person: names and IDs in two cells, each in the same
    order ('张三、李四' | '4331…、4331…'), or each ID after its name in one cell ('张三4331…，李四（母）4331…'), the
    relation written beside a name taken before the column's. Judged once per distinct pair of cells; a cell whose
    names and IDs do not pair (other counts, names only) gives nobody, counted (held-out 379: '4331…、4331…' was one
    member's ID, D03 高, and both parents went unchecked).

    Returns:
        The rows (None when no cell of the slot writes an ID: a column of names only), and how many filled cells gave
        nobody.
    """
    if not len(part):
        return None, 0
    ids = (pd.Series(part["id"], dtype=object) if "id" in part.columns else pd.Series("", index=part.index)).map(text)
    names = (pd.Series(part["name"], dtype=object) if "name" in part.columns else pd.Series("", index=part.index)).map(text)
    at, pairs = pd.factorize(names + "\x1f" + ids)
    found, nobody = [], []
    for pair in pairs.tolist():
        name, id_cell = (unicodedata.normalize("NFKC", t) for t in pair.split("\x1f"))
        written = _AN_ID.findall(id_cell)
        tokens = _listed(id_cell, _LIST_SPLIT)
        given = _listed(name, _LIST_SPLIT)
        if len(given) != len(tokens):  # ('张三 李四' between spaces; a name's own space '张 三' is kept when it pairs)
            given = _listed(name, _NAME_SPLIT)
        # (a name with its relation in brackets, '张三(配偶)、李四(长子)': the name, and the relation taken over the
        # column's; h391: the name was '李四(长子)' and the relation 配偶及子女)
        given = [(m["name"], m["rel"]) if (m := _NAMED_RELATION.fullmatch(g)) else (g, "") for g in given]
        if tokens and len(given) == len(tokens) and all(sum(ch.isdigit() for ch in t) >= 6 for t in tokens):
            # each as written, paired in order: a damaged one (17 digits, a space inside) is still its person (D03)
            people = [(g, rel, t) for (g, rel), t in zip(given, tokens)]
        elif written:
            people = [(*(given[k] if len(given) == len(written) else ("", "")), w) for k, w in enumerate(written)]
            # (names that do not pair with the IDs are left out, the IDs kept: an ID alone is a person)
        else:
            people = [(m["name"], m["rel0"] or m["rel"] or m["rel2"] or m["rel3"] or "", m["id"]) for m in _LISTED_MEMBER.finditer(name)]
            # (each of the cell's people a name and a number, one of them damaged — a digit left out, a space inside:
            # that one too is its person, to be D03, not dropped)
            loose = [_LOOSE_MEMBER.fullmatch(t) for t in _listed(name, _LIST_SPLIT)]
            if len(loose) > len(people) and all(loose):
                people = [(m["name"], m["rel"] or "", re.sub(r"\s", "", m["id"])) for m in loose]
        found.append(people)
        nobody.append(not people and bool(name or id_cell) and not _NOBODY.fullmatch(name or id_cell))
    if not any(found):
        return None, 0
    rows = [(k, *p) for k, c in enumerate(at.tolist()) for p in found[c]]
    out = part.iloc[[k for k, *_ in rows]].copy()
    out["name"] = [r[1] for r in rows]
    out["id"] = [r[3] for r in rows]
    if rows:
        out["relation"] = [r[2] or rel for r, rel in zip(rows, out["relation"].tolist())]
    return out, int(np.asarray(nobody, dtype=bool)[at].sum())


# A cell saying that a member's slot holds nobody (无, 暂无, /, -)
_NOBODY = re.compile(r"(?i)无|没有|暂无|空|[/／\\\-－—_]+|0|nan|none|null")


# A 备注 that says a member named beside the head is not in the family (配偶已分户, 另户单独施保, 不在保, 已离婚)
_NOT_IN_FAMILY = re.compile(r"分户|另户|另立户|单独(施保|立户)|不在保|未纳入|不享受|非本户|离婚|离异")


def _listed_names(names: pd.Series) -> pd.Series:
    """Cells naming several people in words ('李四(配偶)、李小明(子)', a household's 家庭成员 column): no member's name."""
    return names.str.contains(_NAME_LIST)


ROSTER_GAPS = {
    "name": "未找到成员姓名列：身份证号受损的人无法用“姓名+出生日期”比对，亲属关系也无法按姓名核对",
    "bank_account": "未找到银行账号列：D02（多户共用账号）和 RQ3 的账号比对无法进行",
    "township": "未找到乡镇列：乡镇将从工作表名称、家庭住址或标题、文件名推断",
}

HEALTH_GAP = ("有劳动能力列，但未找到健康状况列：C08（法定就业年龄内有劳动能力）要求健康状况为“健康”，"
              "本花名册的成员都不会被列出；健康状况在别的列中的，请把该列表头改为“健康状况”后重新运行")

# A list without the column a check computes with: said, so that nothing found is not read as nothing there.
LIST_GAPS = {
    "pensions": {"amount": "未找到养老金金额列（如“月养老金”“月发放合计”）：C03 无法计算养老金收入，不会标记；"
                           "只有基础养老金、个人账户养老金等分项的，请加一列月发放合计"},
    "businesses": {"employees": "未找到从业人数列：C05（雇用他人）无法判断"},
}

# What a roster or an application list has besides a person's identity: a household or a programme.
# Columns only a roster has (a list of another kind showing two of them is a roster given in the wrong place).
_ROSTER_MARKS = ("benefit", "household_size", "covered_size", "support_mode", "area_type", "programme")
# What only a roster has (its benefit, programme, and the labour and health of its members).
_BENEFIT_MARKS = ("benefit", "programme", "support_mode", "covered_size", "labour", "health")
# A list of people by household (the registry, a 户籍注销 export) has these too: together they count as one mark.
_HOUSEHOLD_MARKS = ("relation", "head_id", "head_name")
# A programme's name in a cell of a roster's programme column (财政供养 is the staff list's word, no 特困供养).
_PROGRAMME_CELL = re.compile(r"低保|特困|五保|最低生活|(?<!财政)供养")
_ROSTER_OWN = ("head_id", "head_name", "relation", "household_no", "household_size", "covered_size", "programme",
               "benefit", "area_type", "support_mode", "covered", "labour", "health", "disability", "school")


_MASKED = re.compile(r"\d{4,}\*{3,}")


def _check_not_masked(path: Path, frame: pd.DataFrame) -> None:
    """Refuse a roster whose ID numbers are mostly masked (a public copy: 430525********3975): nobody could be compared,
    and every member would be an invalid ID."""
    if "id" not in frame.columns or not len(frame):
        return
    cells = pd.Series(frame["id"]).iloc[:1000].astype(str)  # a public copy is masked throughout: its first rows say so
    masked = cells.str.contains(_MASKED)
    if masked.sum() >= max(1, len(cells) // 2):
        raise InputFileError(path, f"身份证号大多被部分隐去（如 {cells[masked].iloc[0]}，像是公示版），无法比对。"
                                   "请使用含完整身份证号的花名册（不是 公示_ 开头的文件）。")


_LEDGER_WORDS = re.compile(r"发放明细|发放表|发放清单|代发|一折通|资金发放|发放情况|回盘")


def _check_not_ledger(path: Path, frame: pd.DataFrame, title: str, parts: list) -> None:
    """Refuse a payment ledger given as a roster: named as one (发放明细, 代发, 一折通, never 花名册), with the month and the
    amount paid, and no relation to a household head (a roster of a month's payees, 低保金发放花名册, is a roster)."""
    named = f"{title} {path.stem}"
    if not _LEDGER_WORDS.search(named) or "名册" in named or "relation" in frame.columns:
        return
    for _frame, layout, _sheet in parts:
        paid = assign_columns(layout.labels, "payments").mapping
        if "amount" in paid and ("month" in paid or "paid_date" in paid):
            shown = "、".join(f"“{layout.labels[paid[f]]}”" for f in ("amount", "month", "paid_date") if f in paid)
            raise InputFileError(path, f"看起来是资金发放明细（有{shown}列），不是花名册。资金发放明细请用 --payments 给出"
                                       "（audit 命令），花名册请给出本期低保、特困花名册。")


def _monitoring_column(named: str, labels: list[str], used: set[int]) -> str:
    """The header of a monitoring list's own column (监测对象类别, 风险是否消除) no other reading takes, in a file whose title
    or name says 监测/防返贫, else ''."""
    if not re.search(SIGNATURE_WORDS["monitoring"], named):
        return ""
    other = assign_columns(labels, "monitoring").mapping
    return next((labels[other[f]] for f in ("monitor_type", "risk") if f in other and other[f] not in used), "")


def _check_roster(path: Path, frame: pd.DataFrame, title: str, parts: list) -> None:
    """Refuse a roster (or application list) that is plainly another list: no household or programme column, no
    roster word in its title or name, and a column only another kind has (a deaths list's 死亡日期); and a monitoring
    export, households and all, named as one and showing its own columns (held-out 108: read as a roster, every L01
    lead of the same file lost as "enrolled")."""
    named = f"{title} {path.stem}"
    if re.search(ROSTER_WORDS + "|申请|救助", named):
        return
    for _frame, layout, _sheet in parts:
        if (own := _monitoring_column(named, layout.labels, set(layout.mapping.values()))):
            raise InputFileError(path, f"看起来是{KIND_LABELS['monitoring']}（有“{own}”列），不是花名册。"
                                       "监测对象名单请用 --monitoring 给出（coverage 命令），花名册请给出本期低保、特困花名册。")
    # a programme column naming no programme (a staff list's 人员类别: 事业编制, 公务员; held-out 213) is the other list's
    programme = "programme" in frame.columns and bool(
        pd.Series(frame["programme"]).iloc[:1000].astype(str).str.contains(_PROGRAMME_CELL).any())
    if any(f in frame.columns and (f != "programme" or programme) for f in _ROSTER_OWN):
        return
    for _frame, layout, _sheet in parts:
        used = {col for f, col in layout.mapping.items() if f != "programme" or programme}
        found = []  # (how many of its own columns, kind, the first of them) for each kind the header shows
        for kind, fields in SIGNATURE_FIELDS.items():
            other = assign_columns(layout.labels, kind).mapping
            own = sorted({other[f] for f in fields if f in other and other[f] not in used})
            if own:
                found.append((len(own), kind, own[0]))
        if found:
            _n, kind, col = max(found, key=lambda t: t[0])
            raise InputFileError(path, f"看起来是{KIND_LABELS.get(kind, kind)}（有“{layout.labels[col]}”列），不是花名册或"
                                       "申请名单：表头中没有户主、与户主关系、保障类别等花名册应有的列。请确认是否放错了位置"
                                       f"（{KIND_LABELS.get(kind, kind)}用 {option_of(kind)} 给出）。")


# Header labels only this tool's reports carry (findings.csv, 问题清单, review, screening, 漏保线索): a file whose header
# has several of them is an earlier report, never a roster or a list (``classify`` skips such files in folders).
OWN_REPORT_LABELS = frozenset(("类别代码", "类别名称", "证据指纹", "匹配键", "来源名单", "来源行", "花名册文件", "花名册行",
                               "线索代码", "线索名称", "疑点摘要", "整改状态", "应追回金额", "应补发金额", "疑点数", "待核线索",
                               "申请文件", "申请行", "置信度"))
OWN_REPORT_NEEDED = 3
# a 户籍注销 export without dates still says why each person was cancelled; a 户口注销 export given as the moves with only
# 注销原因, 注销日期 and 迁往地区划代码 says where each went (h395: refused, exit 3, "看不出是户籍迁出名单")
_ALSO_OWN = {"deaths": ("cause",), "migrations": ("dest_code",)}
# Columns no other kind of list has: a list given under another kind's option that shows one of them is that kind.
_UNMISTAKABLE = {"registry": ("household_no",), "prisoners": ("term",), "migrations": ("dest", "move_type"),
                 "pensions": ("insurance",), "vehicles": ("plate", "vehicle_type"), "properties": ("cert", "location"),
                 "businesses": ("entity", "entity_type"), "supporters": ("dependent_id",),
                 "monitoring": ("monitor_type", "risk"), "illness": ("disease",), "deaths": ("date",)}


def _english(kind: str) -> str:
    """A kind's English word as a file name may hold it: 'staff', 'death', 'vehic', 'wage', 'relat' …"""
    return kind.split("_")[-1].rstrip("s")[:5]


def _check_kind(path: Path, kind: str, frame: pd.DataFrame, title: str, headers: list[list[str]]) -> None:
    """Refuse a reference list that shows nothing of its kind (no own column, no word in title or name), and one whose
    header (``headers``: each sheet's labels) is a roster's or shows another kind's own columns, whatever its name
    says (a registry renamed 死亡人员名单.csv would make every person dead)."""
    fields = SIGNATURE_FIELDS.get(kind)
    if not fields:
        return
    what = KIND_LABELS.get(kind, kind)
    present = [f for f in (*fields, *_ALSO_OWN.get(kind, ())) if f in frame.columns]
    named = re.search(SIGNATURE_WORDS[kind], f"{title} {path.stem}") or _english(kind) in path.stem.lower()
    assigned = [(labels, assign(labels, "roster"), assign(labels, kind)) for labels in headers]
    for labels, roster, mine in assigned:
        if any(mine.get(f) not in (None, *roster.values()) for f in present):
            break  # a column of its kind that is no roster column (a roster's 乡镇/村 pass for a cadre list's): no roster
        taken = set(mine.values())
        marks = [labels[roster[f]] for f in _ROSTER_MARKS if f in roster and roster[f] not in taken]
        marks += [labels[roster[f]] for f in _HOUSEHOLD_MARKS if f in roster and roster[f] not in taken][:1]
        # a registry or a refusal list has 家庭人口, 城乡类别 and 与户主关系 too: a column only a roster has says roster,
        # else the want of any column of the kind with no word of it in the title or file name
        benefit = any(f in roster and roster[f] not in taken for f in _BENEFIT_MARKS)
        if kind != "monitoring" and (own := _monitoring_column(f"{title} {path.stem}", labels, taken)):
            raise InputFileError(path, f"看起来是{KIND_LABELS['monitoring']}（有“{own}”列），不是{what}。"
                                       f"监测对象名单请用 --monitoring 指定，{what}请用对应的选项指定。")
        if len(marks) >= 2 and (benefit or not (present or named)):
            raise InputFileError(path, f"看起来是花名册（有“{marks[0]}”“{marks[1]}”等列），不是{what}。花名册请写在命令开头"
                                       f"（选项之前），{what}请用对应的选项指定。")
    if any(f in fields for f in present):
        return
    # (a column only of _ALSO_OWN — a 迁移原因 read as a death's cause — does not outweigh another kind's own column)
    for labels, roster, mine in assigned:
        # (a column the kind or a roster reads as something else — 申请类别, 城乡类别 — is no other list's 险种类别)
        known = set(mine.values()) | {roster[f] for f in (*_ROSTER_MARKS, *_BENEFIT_MARKS) if f in roster}
        other = next(((k, label) for k, own in _UNMISTAKABLE.items() if k != kind
                      for col, label in enumerate(labels) if col not in known
                      if any(spec.field in own and spec.weight > 0 and spec.fit(label) is not None
                             for spec in specs_for(k))), None)
        if other:
            raise InputFileError(path, f"看起来是{KIND_LABELS.get(other[0], other[0])}（有“{other[1]}”列），不是{what}："
                                       f"表头中没有{what}应有的列。请确认是否放错了选项"
                                       f"（{KIND_LABELS.get(other[0], other[0])}用 {option_of(other[0])} 给出）。")
    if present or named:
        return
    raise InputFileError(path, f"看不出是{what}：表头和标题中没有该类名单应有的列或字样。请确认是否放错了选项。")
