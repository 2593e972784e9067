"""Payment ledgers (资金发放明细): several files, long or wide, into one frame of payments.

A ledger comes as one row per payment (资金项目, 所属月份, 发放金额, 发放状态 …) or one row per payee with
an amount column per month (1月…12月, 2025年7月 …); a month's file may carry the month only in its sheet
name, title or file name. Every shape becomes one row per (payee, item, month) with the file, sheet and
row it came from, so that evidence can point at the cell a township worker will look up.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from .. import parallel
from ..errors import InputFileError, LimitExceededError
from ..model import object_array, plain_text
from ..normalize import ids
from ..normalize.codes import LEGEND_RUN
from ..normalize.names import person_name
from ..normalize.values import (BACK_PAY_WORDS, SHORT_MONTH_YEAR, YUAN_PER, account_losses, back_pay_months,
                                bare_month_span, cn_amounts, cn_numerals, count, date, digits, item_month, masked_account,
                                masked_digits, money, month, month_span, text, texts, unit_label, yuan_per_unit)
from .columns import (COLLECTOR, ID_WORDS, KIND_LABELS, MONTH_FOR, PERIOD_WORDS, TWIN, assign, candidates, drop_ties, item_columns, month_columns,
                      month_of_label, quarter_columns)
from .limits import Limits
from .read import TEXT, Grid, _distinct_categories, read_grids, sniff_format, table_page
from .table import (LEDGER_AMOUNTS, Layout, RawFile, Table, bind_unnamed_codes, block_title, columns_frame, data_frame, find_layout,
                    header_repeats, id_like_cell, read_file, record_columns, record_notes, record_state, sheets_together,
                    sub_title)
from .table import _TOTAL as _TOTAL_CELL

KIND = "payments"
_MONTH_ANYWHERE = re.compile(r"(?P<y>20\d{2})\s*(?:年|[-./])\s*(?P<m>0?[1-9]|1[0-2])(?:月|(?!\d))|(?P<m2>(?<!\d)(?:0?[1-9]|1[0-2]))\s*月")
_YEAR = re.compile(r"(20\d{2})\s*年?")
_MONTH_NAMES = (re.compile(r"(20\d{2})\s*年\s*(0?[1-9]|1[0-2])\s*月"), re.compile(r"(20\d{2})[-./_](0?[1-9]|1[0-2])(?!\d)"),
                re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])(?!\d)"))
_DAY = re.compile(r"20\d{2}\s*(?:年\s*(?:0?[1-9]|1[0-2])\s*月|[-./](?:0?[1-9]|1[0-2])[-./])\s*\d{1,2}(?!\d)\s*[日号]?"
                  r"|(?<!\d)20\d{2}(?:0[1-9]|1[0-2])\d{2}(?!\d)")  # a day
_SPAN = re.compile(r"(?:月|日|\d)\s*(?:至|到|~|～|—+|－|-)\s*(?:20\d{2}|((?:0?[1-9]|1[0-2])\s*月))")
# the month an item is for ('2026年1月低保金'), not a day ('2026年1月5日发放')
_ITEM_MONTH = re.compile(r"(20\d{2})\s*年\s*(0?[1-9]|1[0-2])\s*月(?!\s*\d{1,2}\s*[日号])")
COLUMNS = ["_file", "_sheet", "_row", "_col", "id", "id_status", "id_reliable", "id_raw", "id_text", "birth", "name",
           "name_key", "head_id", "head_id_status", "head_id_reliable", "head_name", "head_name_key", "bank_account", "account_cut",
           "account_masked", "holder", "holder_key", "link_key", "item",
           "month", "month_source", "paid_date", "amount", "due", "status", "remark", "programme", "township", "village",
           "county", "covered_size", "parts"]

# … and these, when a ledger has a 原身份证号 column (the payee's; 户主原身份证号, the head's: held-out 342, 353)
FORMER_COLUMNS = ["former_id", "former_id_status", "head_former_id", "head_former_id_status"]
# … and these when it has a 代领人身份证号 column (the proxy's ID: F07's officials by ID; never the payee's)
PROXY_COLUMNS = ["proxy_id", "proxy_id_status", "proxy_id_old", "proxy_name", "proxy_name_key",
                 "guardian_name", "guardian_name_key", "trustee_name", "trustee_name_key"]  # (a 监护人's, 委托人's name: F07)


def month_named(*sources: str) -> str:
    """Return the 'YYYY-MM' a sheet name, title or file name names ('2025年7月', '202507', '2025-07'), else ''.

    Args:
        sources: texts, most specific first.
    Returns:
        The month or ''.
    """
    for source in sources:
        s = str(source or "")
        days = _months_in(" ".join(_DAY.findall(s)))
        # a day named beside the month ('制表日期：2025-08-03') is not the month paid for; a span of months
        # ('2025-10-01 至 2026-03-31', '202510-202603') is none of them
        span = _SPAN.search(s)
        named = _months_in(_DAY.sub(" ", s)) or days if span is None else set() if span.group(1) else days | _months_in(s)
        if len(named) == 1:
            return named.pop()
    return ""


def _months_in(text: str) -> set[str]:
    """The 'YYYY-MM' months a text names (a compact day '20250803' names its month)."""
    named = {f"{y}-{int(m):02d}" for pattern in _MONTH_NAMES for y, m in pattern.findall(text)}
    return named | {f"{d[:4]}-{d[4:6]}" for d in re.findall(r"(?<!\d)20\d{2}(?:0[1-9]|1[0-2])\d{2}(?!\d)", text)}


# a sheet named by the result of the payments it lists (a bank's 回盘 workbook: 成功明细 | 失败明细)
_RESULT_SHEET = re.compile(r"(?:代发|发放|转账|交易|支付|扣款|入账)?(成功|失败|退回|退票)(?:的)?(?:明细|清单|记录|数据|名单|笔数)?")


def _month_sheet(name: str) -> str:
    """A sheet named by its month in Chinese numerals with digits ('一月' → '1月', '2026年十二月' → '2026年12月',
    '二〇二六年三月份'), any other name as it is (held-out 409: the sheets 一月 … 三月 of a book with no month column
    were "看不出发放的是哪个月" and a quarter went unread; '一月发放' → '1月发放'; a name like '统一月报' keeps its words)."""
    if name and (lead := _PROGRAMME_LEAD.match(name)):  # '低保一月发放', '2026年特困3月' (h418)
        bare = (lead.group(1) or "") + name[lead.end():]
        shown = _month_sheet(bare)
        return shown if _NUMERAL_SHEET.fullmatch(shown) else name
    shown = cn_numerals(name) if name and re.search("[〇零○一二三四五六七八九十]", name) else name
    return shown if shown is not name and _NUMERAL_SHEET.fullmatch(shown) else name


# a programme's words before a sheet's month ('低保一月发放', '特困二月发放表', '2026年低保3月'; held-out 418: "看不出发放的
# 是哪个月", or the file name's quarter taken for each sheet): the year kept, the words dropped
_PROGRAMME_LEAD = re.compile(r"\s*(20\d{2}\s*年)?度?\s*(?:城市|农村|城乡)?(?:最低生活保障|低保|特困人员|特困|分散供养|集中供养)"
                             r"(?:供养)?(?:金|资金|对象)?\s*(?=[0-9〇零○一二三四五六七八九十])")


# … a month, then perhaps words naming no other month ('一月发放', '一月份发放明细'; held-out 414: "看不出发放的是哪个月",
# the half year unread), never a span ('一至三月', '一月至三月汇总')
_NUMERAL_SHEET = re.compile(r"\s*(?:\d{4}\s*年\s*)?(?:0?[1-9]|1[0-2])\s*月份?\s*(?:[^\d\s至到、,，~～\u301c–－—-][^\d月]*)?")


def _bare_month(*sources: str) -> str:
    """'07' for a source naming a month without its year ('7月', '7月份'), else ''."""
    for source in sources:
        m = re.search(r"(?<!\d)(0?[1-9]|1[0-2])\s*月", str(source or ""))
        if m and not re.search(r"20\d{2}", str(source)):
            return f"{int(m.group(1)):02d}"
    return ""


def _year_named(*sources: str) -> str:
    """The year a title, sheet or file name names ('2026年度…'); a whole date is when the table was made, not its year
    ('制表日期：2027年1月6日' above a sheet of 2026's months: held-out 142)."""
    for source in sources:
        m = _YEAR.search(_DAY.sub(" ", str(source or "")))
        if m:
            return m.group(1)
    return ""


# a span of months in a title or file name (2025年10月至2026年9月, 2025-10-01 至 2026-09-30, 202510-202609)
_SPAN_NAMED = re.compile(r"(20\d{2})\s*[年.\-/]?\s*(\d{1,2})\s*月?(?:[.\-/]\d{1,2}|\s*\d{1,2}\s*日)?\s*(?:至|到|~|～|—+|－|-)"
                         r"\s*(20\d{2})\s*[年.\-/]?\s*(\d{1,2})")


def _year_of(*sources: str) -> str | tuple[str, str]:
    """The year a sheet's bare months (7月) belong to: a span of months its title, sheet or file name gives (first,
    last 'YYYY-MM': a year from October to September runs over two years), else the year named, else ''."""
    for source in sources:
        m = _SPAN_NAMED.search(str(source or ""))
        if m:
            first, last = (int(m.group(1)), int(m.group(2))), (int(m.group(3)), int(m.group(4)))
            if 1 <= first[1] <= 12 and 1 <= last[1] <= 12 and first < last:
                return f"{first[0]:04d}-{first[1]:02d}", f"{last[0]:04d}-{last[1]:02d}"
    return _year_named(*sources)


def _book_year(titles: list[str]) -> str | tuple[str, str]:
    """The one year (or span of months) a workbook's sheet titles name, else '': the year of its month sheets that
    name none (held-out 387: a 汇总 sheet titled '2025年度…台账' above sheets 1月…12月 with no title; January–June
    were read as 2026's, the months of the year ending at the review date)."""
    named = {y for y in (_year_of(t) for t in titles if t) if y}
    return named.pop() if len(named) == 1 else ""


def _calendar_book(sheets, path: Path, as_of: dt.date) -> tuple[str, str]:
    """The one year of a workbook whose sheets are bare months (1月…12月) in calendar order and name no year anywhere
    (sheet, title, file name), and a note saying so once, when its filled months lie on both sides of the review
    date's month: months after it cannot be of the review date's year, and sheets in order from January are of one
    year, so the whole book is of the year before (held-out 393: a calendar-2025 book read January–June as 2026's,
    with a notice per sheet). Else ('', ''): a book whose filled months all fall by the review month stays read as
    before (its year by the other ledgers or the review date), a book in any other order (7月…12月, 1月…6月: a year
    over two) is split as before, and a sheet with its own month column or payment dates is read by them."""
    months, filled = [], []
    for grid, layout in sheets:
        if not names_payees(layout.mapping):
            continue
        sheet = _month_sheet(grid.sheet)
        mm = _bare_month(sheet)
        if (not mm or month_named(sheet, layout.title, path.stem) or _year_of(sheet, layout.title, path.stem)
                or "month" in layout.mapping or "paid_date" in layout.mapping):
            return "", ""
        months.append(int(mm))
        if grid.height > layout.start:
            filled.append(int(mm))
    if len(months) < 2 or any(b <= a for a, b in zip(months, months[1:])) or not filled:
        return "", ""
    if not (min(filled) <= as_of.month < max(filled)):
        return "", ""
    year = as_of.year - 1
    return str(year), (f"工作表“{months[0]}月”至“{months[-1]}月”的表名、标题、文件名都没有写年份；这些表在同一工作簿中按 1 月至 12 月"
                       f"的顺序排列，是同一年的发放，其中 {as_of.month + 1} 月以后的月份不会晚于核查基准日（{as_of:%Y-%m-%d}），"
                       f"全部按 {year} 年计；如不是，请在文件名中写明年份（如“{year}年发放台账”）后重新运行")


def _with_year(mm: str, year: str | tuple[str, str], as_of: dt.date, known: tuple = ()) -> tuple[str, str]:
    """A month without a year, and how its year was taken when the sheet did not say it: in the span named
    (:func:`_year_of`), else of the year named; else in the span of months the run knows of (``known``: the other
    ledgers' names, then the roster's period; held-out 170: '12月' beside the ledgers of 2025年10月 to 2026年2月 was
    December of the review date's year) when it fits one year only; else the year ending at the review date.

    Returns:
        ('YYYY-MM', '' when the sheet gave the year, else how it was taken: '按花名册的期间（2025-10至2025-12）').
    """
    if isinstance(year, tuple):
        first, last = year
        year = next((str(y) for y in range(int(first[:4]), int(last[:4]) + 1) if first <= f"{y}-{mm}" <= last), "")
    if year:
        return f"{year}-{mm}", ""
    for what, first, last in known:
        fits = [y for y in range(int(first[:4]), int(last[:4]) + 1) if first <= f"{y}-{mm}" <= last]
        if len(fits) == 1:
            return f"{fits[0]}-{mm}", f"按{what}（{first}至{last}）"
    y = as_of.year if int(mm) <= as_of.month else as_of.year - 1
    return f"{y}-{mm}", "按核查基准日前一年内"


def _quarter_span(months: str, year: str | tuple[str, str], as_of: dt.date, known: tuple = ()) -> str:
    """A quarter column's months ('07-09') as a span cell ('2026-07至2026-09'), its year taken as a month's is
    (:func:`_with_year`, by the quarter's first month)."""
    first, last = months.split("-")
    period = [k for k in known if k[0] == "花名册的期间"]
    if not year and period and not any(f <= f"{y}-{first}" <= l for _, f, l in known for y in range(int(f[:4]), int(l[:4]) + 1)):
        # a year-less book's quarters are of the roster's year (h383: counted back from a review date in January, its
        # 一季度 was the coming year's while its 四季度 was the roster's)
        year = period[0][2][:4]
    start = _with_year(first, year, as_of, known)[0]
    return f"{start}至{start[:4]}-{last}"


def known_months(ledgers: list[Path], period: tuple[str, ...] = ()) -> tuple[tuple[str, str, str], ...]:
    """The spans of months a run knows of, for the year of a month written without one (:func:`_with_year`): from the
    first to the last month the ledgers' file names name, then the roster's period.

    Args:
        ledgers: the ledger files.
        period: the roster's months ('YYYY-MM', from its file name), or ().
    Returns:
        (what, first 'YYYY-MM', last) spans, in the order they are tried.
    """
    named = set()
    for path in ledgers:
        span = _year_of(path.stem)
        named |= set(span) if isinstance(span, tuple) else {month_named(path.stem)} - {""}
    spans = [("同时提供的其他发放明细的月份", min(named), max(named))] if named else []
    return tuple(spans + ([("花名册的期间", period[0], period[-1])] if period else []))


def _grid_rows(grid, cells: "_Distinct") -> "callable":
    """Build a sheet's frame for a layout: column by column when the grid holds Arrow columns, else row by row."""

    def build(layout: Layout) -> pd.DataFrame:
        first = grid.first_row + layout.start
        if grid.columns is None:
            data = grid.data_rows(layout.start)
            return data_frame(data, range(first, first + len(data)), layout, grid.sheet)
        height = max(0, grid.height - layout.start)
        width = grid.columns.num_columns
        columns = {c: (cells.coded(f, grid.columns.column(c).slice(layout.start)) if c < width
                       else np.full(height, "", dtype=object)) for c, f in _named_columns(layout).items()}
        return columns_frame(columns, np.arange(first, first + height), lambda at: grid.data_rows(layout.start, at),
                             layout, grid.sheet, cells.id_like)

    return build


def _named_columns(layout: Layout) -> dict[int, str]:
    """Each mapped column once, with the field whose distinct cells it shares (a wide ledger's months all '_m', their
    statuses 'status')."""
    named: dict[int, str] = {}
    for f, c in layout.mapping.items():
        if TWIN not in f:  # (a ledger's codes are read as codes)
            named.setdefault(c, "_m" if f.startswith("_m") else "status" if f.startswith(_STATUS_OF) else f)
    return named


# The field of a wide ledger's month status, followed by the month's amount column ('_status_of7': column 7's status)
_STATUS_OF = "_status_of"


def _month_statuses(labels: list[str], wide: dict[int, tuple[str, str, str]]) -> dict[int, int]:
    """Each month's own status column of a wide ledger (held-out 215: a month merged over 金额 | 状态, three times; only
    the first 状态 was read, a September 未发放 taken as paid): the status columns, two at least, each the month's its
    label names, else the one after its month's amount column and before the next month's.

    Args:
        labels: the header labels.
        wide: the month amount columns (:func:`month_columns`).
    Returns:
        amount column → its month's status column; {} when the statuses do not pair one to one with months.
    """
    shown = sorted({c for _, _, f, c in candidates(labels, KIND) if f == "status" and c not in wide})
    paired = {}  # (year, month) -> its status column
    for c in shown:
        # a status whose (glued) label names its month is that month's, wherever it stands in the month's group
        # (h451: 发放状态 | 应发 | 实发 under each month: the first status had no month before it, so none was read, and
        # a failed month's 实发 was paid)
        named = month_of_label(labels[c])
        owners = [m for m, (year, mm, _) in wide.items()
                  if named and mm == named[1] and (not named[0] or not year or year == named[0])]
        owner = owners[0] if len(owners) == 1 else max((m for m in wide if m < c), default=None)
        if owner is None or wide[owner][:2] in paired:
            return {}
        paired[wide[owner][:2]] = c
    # (a month over its items, 低保金 | 物价补贴 | 状态: the status is each item's)
    return {c: paired[v[:2]] for c, v in wide.items() if v[:2] in paired} if len(paired) >= 2 else {}


class _Distinct:
    """The distinct cells of each field across the ledger files read together, each converted once.

    A city's year of ledgers repeats each payee's cells every month: file by file, each column is encoded by
    pyarrow and only the texts no earlier file had become Python cells (as :func:`io.read._python_cells` gives
    them; a blank cell is ''). A field's categories only grow, so an earlier file's codes stay valid under the
    later categories, and :func:`_union` joins such columns by their codes alone.
    """

    def __init__(self) -> None:
        self.fields: dict[str, tuple] = {}  # field -> (its distinct texts as Arrow, their CategoricalDtype)
        self.judged: dict[str, np.ndarray] = {}  # field -> id_like_cell of its first categories

    def id_like(self, column: pd.Categorical) -> np.ndarray | None:
        """:func:`io.table.id_like_cell` of each category of a column coded here (None for another column): only the
        categories no earlier file had are judged (columns_frame would judge every category of every file)."""
        field = next((f for f, (_, dtype) in self.fields.items() if dtype is column.dtype), None)
        if field is None:
            return None
        flags, categories = self.judged.get(field, np.zeros(0, dtype=bool)), column.dtype.categories
        if len(flags) < len(categories):
            new = [id_like_cell(c) for c in categories[len(flags):].tolist()]
            flags = self.judged[field] = np.concatenate([flags, np.array(new, dtype=bool)])
        return flags

    def coded(self, field: str, column) -> pd.Categorical:
        """An Arrow text column as cells, coded with the field's categories."""
        import pyarrow as pa
        import pyarrow.compute as pc

        from .read import _python_cells

        column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        if pa.types.is_null(column.type):
            column = pa.nulls(len(column), type=pa.string())
        column = column.fill_null("")
        known, dtype = self.fields.get(field, (pa.array([], type=column.type), None))
        column = column.cast(known.type) if column.type != known.type else column  # string / large_string
        # one hash pass: the known texts (distinct) keep their codes, a text no earlier file had takes the next code,
        # in the order of its first row
        coded = pc.dictionary_encode(pa.concat_arrays([known, column]))
        texts = coded.dictionary.slice(len(known))
        if dtype is None or len(texts):
            cells = object_array(_python_cells(texts) if len(texts) else [])
            earlier = np.asarray(dtype.categories, dtype=object) if dtype is not None else np.array([], dtype=object)
            dtype = pd.CategoricalDtype(pd.Index(np.concatenate([earlier, cells]), dtype=object))
            self.fields[field] = coded.dictionary, dtype
        codes = coded.indices.slice(len(known)).to_numpy(zero_copy_only=False).astype(np.int32)
        return pd.Categorical.from_codes(codes, dtype=dtype)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """pd.concat of raw ledger frames, keeping a column coded when every frame has it coded (else as objects)."""
    if len(frames) == 1:
        return frames[0]
    coded = [c for c in frames[0].columns
             if all(c in f.columns and isinstance(f[c].dtype, pd.CategoricalDtype) for f in frames)]
    order = list(dict.fromkeys(c for f in frames for c in f.columns))
    out = pd.concat([f.drop(columns=coded) for f in frames], ignore_index=True)
    for c in coded:
        out[c] = pd.Series(_union([f[c].array for f in frames]), index=out.index)
    return out[order]


def _union(parts: list[pd.Categorical]) -> pd.Categorical:
    """Categoricals joined end to end, their categories merged as objects (a cell's code −1, missing, kept)."""
    widest = max(parts, key=lambda p: len(p.categories)).categories
    if all(p.categories is widest or p.categories.equals(widest[:len(p.categories)]) for p in parts):
        # categories grown file by file (_Distinct): every part's codes are valid under the widest
        return pd.Categorical.from_codes(np.concatenate([p.codes for p in parts]), dtype=pd.CategoricalDtype(widest))
    same, categories = pd.factorize(np.concatenate([np.asarray(p.categories, dtype=object) for p in parts]))
    codes, at = [], 0
    for p in parts:
        codes.append(np.append(same[at:at + len(p.categories)], -1)[p.codes])
        at += len(p.categories)
    return pd.Categorical.from_codes(np.concatenate(codes), categories=pd.Index(categories, dtype=object))


def _text_sheet(path: Path, limits: Limits | None, cells: _Distinct):
    """A CSV/TXT ledger read column-wise (pyarrow.csv): (head grid, layout, frame builder, the rows below the header at
    some positions), or None to read it row by row.

    The header is found in the first rows as for any list; the rows below it are parsed as text columns.
    Anything the column-wise reader would count differently from the row reader (blank lines, rows of
    another width, quotes in the lines above the header) sends the file to the row reader.
    """
    import csv
    import io

    import pyarrow as pa

    from .read import HEAD_ROWS, Grid, arrow_text, text_of, utf8_head

    limits = limits or Limits.from_env()
    notes: list[str] = []
    # a UTF-8 file's bytes go to pyarrow as they are (no decoding of the whole file, no encoding back)
    utf8 = utf8_head(path, limits, HEAD_ROWS)
    if utf8 is not None:
        head_text, delimiter, text = utf8
    else:
        text, delimiter = text_of(path, limits, notes)
        head_text = text
    lines = head_text.split("\n", HEAD_ROWS)
    head_text = "\n".join(lines[:HEAD_ROWS])
    grid = Grid(path, "", list(csv.reader(io.StringIO(head_text, newline=""), delimiter=delimiter)), 1, notes=notes)
    layout = find_layout(grid, KIND)
    if layout is None or layout.start >= HEAD_ROWS or '"' in "\n".join(lines[:layout.start]):
        return None
    width = max([len(layout.labels), *(len(r) for r in grid.rows)])
    table = None
    for _ in range(2):
        at = 0
        for _ in range(layout.start):
            at = text.find("\n" if isinstance(text, str) else b"\n", at) + 1
            if at == 0:
                return None  # lines ended by '\r' alone
        table = arrow_text(text[at:], delimiter, width, quoted=True, threads=True)
        if table is not None or isinstance(text, str):
            break
        text, delimiter = text_of(path, limits, grid.notes)  # no UTF-8 below the head: decoded as any text table
        if "\n".join(text.split("\n", HEAD_ROWS)[:HEAD_ROWS]) != head_text:
            return None  # (decoded otherwise than its head was: the row reader, from that text)
    if table is None:
        return None
    if table.num_rows + layout.start > limits.max_rows:
        from ..errors import LimitExceededError

        raise LimitExceededError(path, limits.too_many_rows())
    first = 1 + layout.start

    def row_at(positions) -> list[list]:
        part = table.take(pa.array(np.asarray(positions, dtype=np.int64)))
        return [list(r) for r in zip(*(part.column(i).to_pylist() for i in range(width)))]

    def build(lay: Layout) -> pd.DataFrame:
        columns = {c: cells.coded(f, table.column(c)) for c, f in _named_columns(lay).items() if c < width}
        return columns_frame(columns, np.arange(first, first + table.num_rows), row_at, lay, "", cells.id_like)

    return grid, layout, build, row_at


def _sheet_frame(grid, layout: Layout, path: Path, as_of: dt.date, cells: _Distinct, build=None,
                 known: tuple = (), rows_at=None, book_year: str | tuple[str, str] = "",
                 side: list[str] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Turn one sheet into payment rows (long, or wide melted), with the month each row is for (a month without its
    year: see :func:`_with_year`); ``build`` and ``rows_at`` (the rows below the header at some positions) for a text
    file read column-wise, else from the grid; ``book_year``: the year the workbook's titles name (:func:`_book_year`)
    for a sheet whose own title, name and file name name none; ``side`` gets a wide sheet's columns of other items
    beside its months (上半年物价补贴), which are not read."""
    notes: list[str] = []
    batch: list[str] = []  # a batch column not read as the month (第12批), said when the month is then taken from the dates
    parent_year = _year_of(layout.title, _month_sheet(grid.sheet), path.stem) or book_year
    wide = month_columns(layout.labels, _year_named(*(l for l in layout.labels if _MONTH_ANYWHERE.search(l) is None)))
    # 一季度 | 二季度 …: each cell pays its quarter's three months at once (spread by normalise_payments, as a 所属期 of
    # 2026年7-9月 is)
    quarters = {} if wide else quarter_columns(layout.labels)
    wide = wide or quarters
    if wide and not quarters:
        wide, said = _months_headed_twice(wide, layout.labels, parent_year, grid.sheet)
        notes += said
    statuses = _month_statuses(layout.labels, wide)
    mapping = {f: c for f, c in layout.mapping.items() if c not in wide and c not in statuses.values()}
    if ("name" in mapping and "holder" not in mapping and "id" not in mapping and {"head_id", "head_name"} <= set(mapping)
            and mapping["name"] < len(layout.labels) and re.fullmatch(COLLECTOR, layout.labels[mapping["name"]])):
        # a household's row (户主姓名, 户主身份证号) naming its 领款人: who took the money, as beside a 姓名 (held-out 387: a
        # stranger taking a household's money into its registered account went unseen, F07 missed)
        mapping["holder"] = mapping.pop("name")
    if wide and "amount" in layout.mapping and layout.mapping["amount"] in wide:
        mapping.pop("amount", None)
    # a household's row naming its head (户主姓名) and listing its members with their IDs in one cell (家庭成员 张三(4305…)、
    # 李四(4305…)) but no ID column: the head's ID is the one beside his name there (h438: the rows were linked by the
    # account alone, a stranger's 户名 on the household's account only 低)
    listed = next((c for c, label in enumerate(layout.labels) if c not in mapping.values() and _MEMBERS_CELL.fullmatch(label)),
                  None) if "head_name" in mapping and "head_id" not in mapping and "id" not in mapping else None
    if listed is not None:
        mapping[_LISTED_MEMBERS] = listed
    relation = next((c for c, label in enumerate(layout.labels) if c not in mapping.values()
                     and _RELATION_LABEL.fullmatch(label or "")), None) if "head_name" not in mapping else None
    if relation is not None and not wide:
        mapping[_RELATION] = relation
    # no amount column, no month columns: a column per item (低保金 | 物价补贴 | 合计), each row paying several
    items = {} if wide or "amount" in mapping else item_columns(layout.labels, set(mapping.values()))
    # a 补发金额 column beside the amount: the back pay of the months the remark names (held-out 123)
    back = [] if wide or items or "amount" not in mapping else [
        c for c, label in enumerate(layout.labels) if _BACK_PAY_COLUMN.fullmatch(label) and c not in mapping.values()]
    if back:
        mapping["back_pay"] = back[0]
    # '其中：物价补贴' beside the amount: the part of each row's amount that is that other item (h477)
    inner = {} if wide or items or "amount" not in mapping else _inner_items(layout.labels, set(mapping.values()))
    for c in inner:
        mapping[f"{_INNER}{c}"] = c
    # a statement's 借方 (支出) as the amount beside its 贷方 (收入): the money that came back, as negative amounts (h477)
    credit = _credit_column(layout.labels, mapping) if not wide and not items else None
    if credit is not None:
        mapping[_CREDIT] = credit
    more = _remark_cells(layout.labels, mapping, wide or items)
    # 所属期间 over 起 | 止 (a finance office's quarter row: 2025.10 | 2025.12): the two cells are one span of months
    if (end := None if wide or items else _period_end(layout.labels, mapping)) is not None:
        mapping[_PERIOD_END] = end
    if wide and side is not None:
        side.extend(item_columns(layout.labels, {*mapping.values(), *wide, *statuses.values(), *more}).values())
    # a row's total beside its months (全年合计): no payment, but compared with the months it sums (h466: unsaid)
    total = next((c for c, label in enumerate(layout.labels) if c not in mapping.values() and c not in wide
                  and c not in statuses.values() and c not in more and _ROW_TOTAL.fullmatch(label or "")),
                 None) if wide else None
    # … and a 13月 column beside the months (read for the total only: h464's 13月 book, its 全年合计 with the 13th month
    # in it, was said not to add up)
    thirteenth = [c for c, label in enumerate(layout.labels) if c not in mapping.values() and c not in wide
                  and _THIRTEENTH.match(label or "")] if total is not None else []
    drop_ties(layout.warnings, [layout.said(c) for c in range(len(layout.labels))],
              [*wide, *statuses.values(), *more, *([end] if end is not None else []),
               *([total] if total is not None else [])])  # (the layout is read once more for its warnings)
    # a system's record-status columns (删除标志, 有效标志, 记录状态 …): a row marked deleted or void is no payment
    records = [c for c, _sense in record_columns(layout)]
    layout = Layout(layout.start, layout.labels, {**mapping, **{f"_m{c}": c for c in (wide or items)},
                                                  **{f"{_RECORD}{c}": c for c in records},
                                                  **({_ROW_TOTAL_FIELD: total} if total is not None else {}),
                                                  **{f"{_THIRTEENTH_FIELD}{c}": c for c in thirteenth},
                                                  **{f"{_STATUS_OF}{c}": s for c, s in statuses.items()},
                                                  **{f"{_MORE_REMARK}{c}": c for c in more}},
                    layout.title, layout.warnings, written=layout.written, legends=layout.legends, footer=layout.footer)
    frame = (build or _grid_rows(grid, cells))(layout)
    if records and not frame.empty:
        frame, said = _records_live(frame, records, layout)
        notes += said
    if frame.empty:
        return frame, notes
    if _LISTED_MEMBERS in frame.columns:
        frame, said = _head_ids_listed(frame, cells, layout.labels[listed], grid.sheet)
        notes += said
    if more:
        frame = _remarks_joined(frame, more)
    if _PERIOD_END in frame.columns:
        named = _span_named(grid, layout, path)
        frame, said = _period_joined(frame, layout.labels[mapping["month"]], layout.labels[end], grid.sheet, named)
        notes += said
    if units := sorted({per for f, (_, per) in layout.readings().items() if f.startswith(LEDGER_AMOUNTS) and per != 1.0}):
        # (said once for the sheet's month or item columns: the field-by-field note would name each of 12 months)
        named = "、".join(next(u for u, v in YUAN_PER.items() if v == per) for per in units)
        notes.append(f"{f'工作表“{grid.sheet}”' if grid.sheet else ''}各{'月份' if wide else '资金项目'}的金额列以{named}为单位"
                     f"（表头或标题所写），已折算为元")
    if items:
        written = _amounts_written(frame, items, layout.labels)
        frame = _melted(frame, {c: ("", "", item) for c, item in items.items()}, layout.labels, None)
        if frame.empty:
            frame.attrs["amounts_unread"] = written  # (rows whose amounts are words: said, not "只有表头")
            return frame, notes
    if "direction" in frame.columns:
        frame, said = _directed(frame, layout.said(layout.mapping["direction"]), grid.sheet)
        notes += said
    if _CREDIT in frame.columns:
        frame, said = _credited(frame, layout.said(layout.mapping[_CREDIT]), grid.sheet)
        notes += said
    if not wide and not items:
        frame, said = _outflows_as_paid(frame, " ".join(str(v or "") for v in (path.stem, grid.sheet, layout.title)))
        notes += said
    n = len(frame)
    frame["_file"], frame["_sheet"] = _same(n, str(path)), _same(n, frame["_sheet"].iloc[0])
    if named_item := item_named(grid.sheet, layout.title, path.stem):
        # a sheet '低保金' or titled '…2025年低保金发放花名册' pays that item: every row of a sheet without an item column,
        # the rows whose item is blank (held-out 203: 高龄津贴 books were taken as the benefit)
        frame["item"] = _same(n, named_item) if "item" not in frame.columns else _blank_filled(frame["item"], named_item)
    if wide:
        if _ROW_TOTAL_FIELD in frame.columns:
            notes += _totals_off(frame, wide, layout.said(total), grid.sheet)
        frame = _melted(frame, wide, layout.labels, (lambda year, mm: _quarter_span(mm, year or parent_year, as_of, known))
                        if quarters else lambda year, mm: _with_year(mm, year or parent_year, as_of, known)[0])
        if step := _amount_step(frame, layout):  # (a wide book in 万元: its month columns' unit)
            frame["amount_step"] = _same(len(frame), step)
        if not quarters:
            frame, moved = _month_back_pay(frame)
            if statuses:
                frame, also = _status_back_pay(frame)
                if also:
                    notes.append(f"{f'工作表“{grid.sheet}”' if grid.sheet else '表中'}有 {also} 个月的发放状态写明该月实发含另一个月的"
                                 "补发（如“已发放（含补发4月）”）：补发的月份按所补的月份计，该月按前后月份的金额计")
            if moved:
                notes.append(f"{f'工作表“{grid.sheet}”' if grid.sheet else '表中'}有 {moved} 行备注写明某月的金额含（或就是）另一个月的"
                             "补发（如“3月含2月补发”）：补发的一个月按所补的月份计")
        if quarters:
            frame, moved = _quarter_back_pay(frame)
            if moved:
                notes.append(f"{f'工作表“{grid.sheet}”' if grid.sheet else '表中'}有 {moved} 行备注写明补发某月（如“含3月补发”），"
                             "且只有一个季度的金额比其他季度多出一个月：该月的补发按这个季度计，其余为该季度 3 个月的发放")
            years = sorted({str(m)[:4] for m in pd.unique(frame["month"].astype(str))})
            if len(years) > 1 and not parent_year and not any(y for y, _, _ in quarters.values()):
                # (no year anywhere and no roster period to follow: counted back from the review date, said — h383)
                notes.append(f"{f'工作表“{grid.sheet}”' if grid.sheet else '表中'}的季度列、表名、标题和文件名都没有写年份，"
                             f"各季度按核查基准日前一年内计，跨了 {years[0]} 年和 {years[-1]} 年；如都是同一年的，请在文件名中写明年份"
                             "（如“2026年低保金发放表”）或在花名册文件名中写明期间后重新运行")
            shown = "、".join(f"“{layout.labels[c]}”" for c in quarters)
            half = next(iter(quarters.values()))[1] in ("01-06", "07-12")
            notes.append(f"{f'工作表“{grid.sheet}”' if grid.sheet else '表中'}的{shown}列是各{'半年' if half else '季度'}的发放金额，"
                         f"每格按该{'半年' if half else '季度'} {6 if half else 3} 个月一次发放计（金额平均分到各月）")
        return frame, notes
    if not items:
        frame["_col"] = _same(n, "")
    if step := _amount_step(frame, layout):  # (a column per item in 万元 too: their unit)
        frame["amount_step"] = _same(n, step)
    if back:
        frame, said = _back_pay_apart(frame, layout.labels[back[0]], grid.sheet)
        notes += said
        n = len(frame)
    if inner:
        frame, said = _inner_apart(frame, inner, layout.said(layout.mapping["amount"]), grid.sheet,
                                   bool(layout.readings().get("amount", ({}, 1.0))[1] != 1.0))
        notes += said
        n = len(frame)
    frame, said = _listed_members_apart(frame, grid.sheet, _under_merged_amounts(grid, layout))
    notes += said
    n = len(frame)
    if (result := _RESULT_SHEET.fullmatch(str(grid.sheet or "").strip())) and (
            "status" not in frame.columns or _all_blank(frame["status"])):
        # a bank's result workbook: a sheet of the payments that went through (成功明细), one of those that did not
        # (失败明细), no status column: the sheet's name is each row's result (held-out 409: the failures undid nothing
        # and the book, beside the send file it answers, paid every row again)
        frame["status"] = _same(n, result.group(1))
    issue_months = False
    if "month" in frame.columns and _BATCH_LABEL.search(label := layout.labels[layout.mapping["month"]]
                                                         if layout.mapping["month"] < len(layout.labels) else ""):
        issued = _issues_as_months(frame)
        if issued is not None:
            frame["month"], issue_months = issued, True
            notes.append(f"{f'工作表“{grid.sheet}”' if grid.sheet else '表中'}的“{label}”列每年第 1–12 期与发放日期相符（各期都在该月"
                         f"或其后 {ISSUE_LAG} 个月内发放），第 N 期按该年 N 月的发放读")
        elif batch := _no_periods(frame, label, grid.sheet):
            frame = frame.drop(columns="month")  # (said below when nothing else names the month)
        elif said := _dotted_under_span(frame, grid, layout, path, label):
            frame = frame.drop(columns="month")  # (the sheet's span then read as before d63421e5, said by it)
            notes += said
    if "month" in frame.columns and "year" not in frame.columns and _all_blank(frame["month"]):
        frame = frame.drop(columns="month")  # a month column left blank is none: the sheet's name, title or dates tell
    if "month" in frame.columns:
        # 所属月份 says the month a payment is for; 发放月份 when it was made (back pay named in a remark is for another)
        label = layout.labels[layout.mapping["month"]] if layout.mapping["month"] < len(layout.labels) else ""
        frame["month_source"] = _same(n, "列" if re.search(MONTH_FOR, label) or issue_months else "发放列")
        if "year" not in frame.columns:
            frame["month"], said = _dated_bare_months(frame["month"], parent_year, as_of, known, label, grid.sheet)
            notes += said
            notes += _blank_months_named(frame, _sheet_month(grid, layout, path, parent_year, as_of, known=known)[0],
                                         parent_year if isinstance(parent_year, tuple) else None, grid.sheet)
            notes += _months_unread(frame["month"], label, grid.sheet)
        else:  # (a bare month or span is of the 年度 column's year: normalise_payments)
            notes += _months_unread(frame["month"], label, grid.sheet, bare=True)
        return frame, notes
    sheet = f"工作表“{grid.sheet}”" if grid.sheet else ""  # (a CSV has no sheet)
    stacked = _block_months(frame, grid, layout, rows_at or (lambda at: grid.data_rows(layout.start, at)))
    if stacked is not None:
        frame, months = stacked
        frame["month"], frame["month_source"] = pd.Series(months, index=frame.index, dtype=object), _same(len(frame), "表名")
        shown = sorted(set(months))
        notes.append(f"{sheet}由 {len(shown)} 个月的明细上下相接而成，各段按其上方标题写明的月份计（{shown[0]}至{shown[-1]}）")
        return frame, notes
    named, guessed = _sheet_month(grid, layout, path, parent_year, as_of,
                                  frame["paid_date"].tolist() if "paid_date" in frame.columns else None, known)
    notes += [guessed] if guessed else []
    span, said, several, noted = ((), "", None, None) if named else _sheet_span(frame, grid, layout, path, parent_year, as_of,
                                                                                known)
    notes += [said] if said else []
    if span:
        frame["month"] = _same(n, f"{span[0]}至{span[-1]}")  # (read as the span's months: normalise_payments spreads it)
        frame["month_source"] = _same(n, "表名")
        if (noted != None).any():  # noqa: E711 (a payee's extra row of the month its remark names)
            at = np.flatnonzero(noted != None)  # noqa: E711
            months = frame["month"].to_numpy(dtype=object).copy()
            months[at] = noted[at]
            frame["month"] = pd.Series(months, index=frame.index, dtype=object)
        if several.any():
            months, sources = frame["month"].to_numpy(dtype=object).copy(), np.asarray(frame["month_source"], dtype=object).copy()
            dated = (frame["paid_date"].to_numpy(dtype=object)[several] if "paid_date" in frame.columns
                     else np.full(int(several.sum()), None, dtype=object))
            months[several] = [month(v) for v in dated]
            sources[several] = "发放日期" if "paid_date" in frame.columns else ""
            frame["month"], frame["month_source"] = pd.Series(months, index=frame.index), pd.Categorical(sources)
    elif named:
        frame["month"] = _same(n, named)
        frame["month_source"] = _same(n, "表名")
    elif "paid_date" in frame.columns:
        frame["month"] = pd.Series([month(v) for v in frame["paid_date"].tolist()], index=frame.index, dtype=object)
        frame["month_source"] = _same(n, "发放日期")
        notes += batch
        notes.append(f"{sheet}没有所属月份列，按发放日期所在月份计（摘要、资金项目中写明“X年X月”或备注中写明“补发X月”的按该月计）")
    else:
        frame["month"] = _same(n, "")
        frame["month_source"] = _same(n, "")
        notes += batch
        # months its 摘要 or 资金项目 name ('2026年08月特困供养金') are read from them (normalise_payments; held-out
        # 155: a bank file said "这些行未参与核查" of rows that were)
        period = next((m.group(0) for source in (grid.sheet, layout.title, path.stem)
                       if (m := _PERIOD_NUMBER.search(str(source or "")))), "")
        # (a 第N期 names the batch, not its month: the 3rd batch of a year may be a 补发 batch of February — h476)
        why = (f"表名、标题、文件名中的“{period}”是发放期次，不按月份推断；请在表中加上所属月份或发放日期后重新运行" if period
               else "")
        notes.append(f"{sheet}没有所属月份列和发放日期，按摘要、资金项目中写明的“X年X月”计，未写明月份的行未参与核查"
                     + (f"（{why}）" if why else "") if _names_months(frame) else
                     f"{sheet}看不出发放的是哪个月（无所属月份列，" + (why if why else "表名、标题、文件名也未写明")
                     + "），这些行未参与核查")
    return frame, notes


# A batch's number in a file's name or title ('2026年第3期低保资金发放表', '第12批'): no month
_PERIOD_NUMBER = re.compile(r"第\s*[0-9一二三四五六七八九十]{1,3}\s*[期批]")


# The cells a row pays by or says something of its payment in: a row with all of them blank pays nothing and tells of
# no payment that failed
_PAYMENT_CELLS = ("amount", "due", "deduction", "back_pay", "bank_account", "holder", "status", "fail_reason", "remark", "paid_date")


# A ledger's column listing a household's members with their IDs in one cell, and one member written there
_MEMBERS_CELL = re.compile(r"(家庭|共同生活的?(家庭)?)成员(情况|名单|信息)?((及|和|、)(姓名)?(及|和|、)?(公民)?身份证号?码?)?")
_CELL_MEMBER = re.compile(r"([\u4e00-\u9fff·\u2022\u30fb][\u4e00-\u9fff·\u2022\u30fb ]{1,8}?)\s*[（(]\s*(\d{17}[\dXx]|\d{15})\s*[)）]")
_LISTED_MEMBERS = "_listed_members"
# a 与户主关系 column of a 发放花名册 with no 户主姓名 column: the head's row pays, his members' rows below it are blank (h482)
_RELATION = "_relation"
_RELATION_LABEL = re.compile(r"(?:与户主|与申请人|家庭)?关系")
_HEAD_RELATION = re.compile(r"户主|本人|申请人|0?[12]")


def _records_live(frame: pd.DataFrame, records: list[int], layout: Layout) -> tuple[pd.DataFrame, list[str]]:
    """A sheet's payment rows without those its record-status columns mark deleted or void (``io.table.record_state``,
    as for the other tables), and the notices (``io.table.record_notes``)."""
    live, found = record_state(layout, lambda col: frame[f"{_RECORD}{col}"].tolist(), len(frame))
    frame = frame.drop(columns=[f"{_RECORD}{col}" for col in records])
    return (frame if live is None else frame[live].reset_index(drop=True)), record_notes(found)


def _head_ids_listed(frame: pd.DataFrame, cells: _Distinct, label: str, sheet: str) -> tuple[pd.DataFrame, list[str]]:
    """The head's ID of each row whose 家庭成员 cell writes one member of the head's name (户主姓名) with an ID, as
    head_id (a row whose cell names him never, or twice, gets none); the members column dropped.

    Args:
        frame: the sheet's rows (``head_name`` and the members column coded by ``cells``).
        cells: the ledgers' distinct cells (head_id coded with them).
        label: the members column's header.
        sheet: the sheet's name.
    Returns:
        (the rows, the note saying so when some row got an ID).
    """
    import pyarrow as pa

    parsed: dict[str, dict[str, str]] = {}
    found = []
    for listed, head in zip(frame[_LISTED_MEMBERS].tolist(), frame["head_name"].tolist()):
        listed, head = ("" if v is None or v != v else v for v in (listed, head))
        if listed not in parsed:
            named: dict[str, str] = {}
            for name, pid in _CELL_MEMBER.findall(str(listed or "")):
                key = person_name(name)
                named[key] = "" if key in named and named[key] != pid else pid
            parsed[listed] = named
        found.append(parsed[listed].get(person_name(str(head or "")), "") if head else "")
    frame = frame.drop(columns=_LISTED_MEMBERS)
    if not any(found):
        return frame, []
    frame["head_id"] = cells.coded("head_id", pa.array(found, type=pa.string()))
    where = f"工作表“{sheet}”" if sheet else ""
    # (one note for a book's month sheets: io.table.sheets_together joins those going on with a quoted column)
    return frame, [f"{where}“{label}”列中与户主姓名相同的成员的身份证号作为户主身份证号（表中没有户主身份证号列）"]


def _amount_step(frame: pd.DataFrame, layout: Layout) -> float | None:
    """The yuan an amount of the sheet is exact to, when its amounts are written in a larger unit (万元) with too few
    decimals to give the fen (held-out 354: 万元 to 4 decimals are exact only to 1 元; a household paid as one row
    per member summed each member's rounding), else None: the fewest decimals, in the sheet's own unit, that write
    every amount of it.

    Args:
        frame: the sheet's rows (amounts already in yuan).
        layout: its layout (the unit its header or title names).
    Returns:
        The step in yuan (1.0 for 万元 to 4 decimals), or None for amounts exact to the fen.
    """
    read = layout.readings()
    per = max([read.get("amount", ({}, 1.0))[1], *(p for f, (_, p) in read.items() if f.startswith(LEDGER_AMOUNTS))])
    if per <= 1 or "amount" not in frame.columns:
        return None
    values = np.array([abs(v) for v in pd.unique(frame["amount"].to_numpy(dtype=object))
                       if isinstance(v, float) and v == v and v], dtype=float) / per  # (in the sheet's unit again)
    for decimals in range(7):
        scaled = values * 10 ** decimals
        if len(values) and np.all(np.abs(scaled - np.round(scaled)) < 1e-6):
            step = per / 10 ** decimals
            return step if step > 0.01 + 1e-9 else None
    return None


def _under_merged_amounts(grid, layout: Layout) -> set[int]:
    """The sheet rows below the first of each amount cell merged down over several data rows (a household's 发放金额
    merged over its members' rows): filled from the merge, they repeat the one amount paid (held-out 339: each member's
    row paid the household's amount again, F05 多发 at 高 for every household)."""
    col = layout.mapping.get("amount")
    if col is None or not grid.merged:
        return set()
    return {grid.first_row + r for (r0, c0), (r1, c1) in grid.merged if c0 <= col <= c1 and r1 > r0 >= layout.start
            for r in range(r0 + 1, r1 + 1)}


def _listed_members_apart(frame: pd.DataFrame, sheet: str,
                          merged: set[int] = frozenset()) -> tuple[pd.DataFrame, list[str]]:
    """Drop a block layout's member rows: rows of a long sheet with a 户主姓名 column whose every payment cell is blank
    and whose 户主姓名 is blank or the head's of the paying row above them. Such a 发放表 lists each household's members
    under its head's row, which carries the account and the household's amount (held-out 339: the members' rows, read
    as their own payments of nothing, made the household one paid per person, a moved-out member's share never owed).
    A row of its own month and 保障人数 with no amount, in a sheet naming no heads, stays a row paying nothing."""
    relations = frame.pop(_RELATION).tolist() if _RELATION in frame.columns else None
    if "amount" not in frame.columns or frame.empty:
        return frame, []
    under = np.isin(frame["_row"].to_numpy(), list(merged)) if merged else np.zeros(len(frame), dtype=bool)
    if "head_name" not in frame.columns:
        if relations is not None:
            under |= _members_by_relation(frame, relations)
        return _dropped(frame, under, sheet)
    blank = _amount_blank(frame)
    if not blank.any() or blank.all():
        return _dropped(frame, under, sheet)
    rows = _unpaid(frame, np.flatnonzero(blank))
    heads = [str(v).strip() if v is not None and v == v else "" for v in frame["head_name"].tolist()]
    paying = np.flatnonzero(~blank)
    above = np.searchsorted(paying, rows) - 1  # the last paying row above each
    listed = [r for r, a in zip(rows.tolist(), above.tolist()) if a >= 0 and heads[r] in ("", heads[paying[a]])]
    under[listed] = True
    return _dropped(frame, under, sheet)


def _amount_blank(frame: pd.DataFrame) -> np.ndarray:
    """Per row: whether its amount cell is blank."""
    amounts = frame["amount"]
    return amounts.isna().to_numpy(dtype=bool) | (amounts.to_numpy(dtype=object) == "")


def _unpaid(frame: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """The rows among ``rows`` whose every payment cell (:data:`_PAYMENT_CELLS`) is blank (the cells looked at in those
    rows alone: a city's ledgers pay on every row)."""
    for name in _PAYMENT_CELLS:
        if name in frame.columns and len(rows):
            cells = frame[name].to_numpy(dtype=object)[rows]
            rows = rows[[v is None or v != v or not str(v).strip() for v in cells.tolist()]]
    return rows


def _members_by_relation(frame: pd.DataFrame, relations: list) -> np.ndarray:
    """Per row: a member listed under her head's row in a 发放花名册 naming no 户主姓名 — every payment cell blank, a
    与户主关系 of a member (配偶, 子, 孙女 …, not 户主/本人), below a paying row or another such row. The head's row pays
    the household (h482: the members' rows, read as their own payments of nothing, made the household one paid per
    person: the head's death recovered in full, a wife's death and a son's move out of the county never owed)."""
    blank = np.zeros(len(frame), dtype=bool)
    blank[_unpaid(frame, np.flatnonzero(_amount_blank(frame)))] = True
    out = np.zeros(len(frame), dtype=bool)
    after_paying = False
    for r, (empty, rel) in enumerate(zip(blank.tolist(), relations)):
        rel = "" if rel is None or rel != rel else str(rel).strip()
        member = empty and bool(rel) and not _HEAD_RELATION.fullmatch(rel)
        out[r] = member and after_paying
        after_paying = out[r] or not empty
    return out


def _dropped(frame: pd.DataFrame, listed: np.ndarray, sheet: str) -> tuple[pd.DataFrame, list[str]]:
    """The frame without the rows ``listed`` (a household's members under its head's row), and the note saying so."""
    if not listed.any():
        return frame, []
    where = f"工作表“{sheet}”" if sheet else ""
    return frame[~listed].reset_index(drop=True), [
        f"{where}有 {int(listed.sum())} 行是户主行下列出的家庭成员（发放金额空白，或与户主行合并为一格），不是另外的发放记录，"
        "按户主行的发放计"]


_BACK_PAY_COLUMN = re.compile(r"补发(?:金额|额|数|资金)?(?:\(元\))?")

# The rows above a stacked sheet's repeated header looked at for its block's sub-title
_SUB_TITLE_ROWS = 2


def _block_months(frame: pd.DataFrame, grid, layout: Layout, rows_at) -> tuple[pd.DataFrame, np.ndarray] | None:
    """A sheet of months stacked one under another (held-out 215: twelve blocks, each a sub-title '2026年7月低保金发放明细',
    the header again, its rows and a 小计, under a title naming the year's span): each row's month is its block's, named
    by the sub-title the block starts with — the rows just above a repeat of the header, or a row of that one text
    (the header not repeated); the first block's is the one just above the header. The sub-titles are no payments.

    Args:
        frame: the sheet's rows (``_row`` the spreadsheet row of each).
        grid: the sheet (its first rows hold the first block's header and what is above it).
        layout: the layout the rows were read with.
        rows_at: the rows below the header at some positions (relative to ``layout.start``).
    Returns:
        (the rows without the sub-titles, each row's month), or None when no block below the first has a sub-title naming
        one month, or the first block's names none (a printed page's header: the sheet's own month holds).
    """
    if len(frame) < 2 or "amount" not in frame.columns:
        return None
    at = np.asarray(frame["_row"], dtype=np.int64) - (grid.first_row + layout.start)
    seen = np.zeros(int(at.max()) + 1, dtype=bool)
    seen[at] = True
    gaps = np.flatnonzero(~seen[int(at.min()):]) + int(at.min())  # (the few rows left out: blanks, totals, headers)
    gap_rows = rows_at(gaps) if len(gaps) else []
    heads = [int(p) for p, repeats in zip(gaps, header_repeats(gap_rows, layout)) if repeats]
    starts: dict[int, str] = {}  # the first row of a block's sub-title -> the month it names
    titles: list[int] = []  # the sub-titles' rows
    above = [[q for q in range(p - 1, p - 1 - _SUB_TITLE_ROWS, -1) if q >= 0] for p in heads]
    got = rows_at(np.array([q for qs in above for q in qs], dtype=np.int64))
    for p, qs in zip(heads, above):
        if titled := sub_title(got[:len(qs)], layout):
            starts[p - len(titled)] = month_named(*titled)
            titles += range(p - len(titled), p)
        got = got[len(qs):]
    # a row kept as a payment without an amount, of one text naming a month: a block's sub-title over no repeated header
    codes, cells = _distinct(frame["amount"]) or (None, None)
    if codes is not None:
        bare = np.flatnonzero(np.array([not text(c) for c in cells], dtype=bool)[codes])
        for p, row in zip(at[bare].tolist(), rows_at(at[bare]) if len(bare) else []):
            shown = {t for t in (text(c) for c in row) if t}
            if len(shown) == 1 and (named := month_named(*shown)):
                starts.setdefault(p, named)
                titles.append(p)
    for p, row in zip(gaps.tolist(), gap_rows):  # … and such a sub-title the reader left out (``table.block_title``)
        if (shown := block_title([text(c) for c in row])) and (named := month_named(shown)):
            starts.setdefault(p, named)
    if not starts:
        return None
    if (at < min(starts)).any():
        starts[-1] = month_named(*sub_title(grid.rows[:layout.start][::-1], layout))
    if not all(starts.values()):
        return None
    bounds = np.array(sorted(starts), dtype=np.int64)
    keep = ~np.isin(at, titles)  # (a sub-title is read as a payment without an ID: left out)
    block = np.searchsorted(bounds, at[keep], side="right") - 1
    return frame[keep].reset_index(drop=True), np.array([starts[b] for b in bounds.tolist()], dtype=object)[block]


def _back_pay_apart(frame: pd.DataFrame, label: str, sheet: str) -> tuple[pd.DataFrame, list[str]]:
    """A sheet paying its month's amount (实发金额) and, beside it, back pay (补发金额) for the months the row's remark
    names (补发3-4月): the back pay a row of its own, for those months; the row's own amount stays its month (the
    remark is the back pay's). Back pay whose months no remark names is left out, said.

    Returns:
        (the rows, the notes).
    """
    from ..reference import by_value

    cells = frame["back_pay"].to_numpy(dtype=object)
    frame = frame.drop(columns="back_pay")
    paid = np.array([v not in (None, 0.0) for v in by_value(cells.tolist(), money)], dtype=bool)
    if not paid.any():
        return frame, []
    rows = np.flatnonzero(paid)  # (few: only the rows paying back pay are read as text)
    said = [" ".join(text(frame[c].iat[r]) for c in ("item", "remark") if c in frame.columns) for r in rows.tolist()]
    named = np.zeros(len(frame), dtype=bool)
    named[rows] = [bool(back_pay_months(t, "9999-12")) for t in said]
    part = frame[named].copy()
    part["amount"] = cells[named]
    part["_col"] = _same(len(part), label)
    if "remark" in frame.columns:  # the remark names the back pay's months, not the row's own
        frame["remark"] = frame["remark"].astype(object).where(~paid, None)
    notes = ([f"工作表“{sheet}”有 {int((paid & ~named).sum())} 行“{label}”的备注未写明补发的是哪几个月，这些补发未参与核查"]
             if (paid & ~named).any() else [])
    return _concat([frame, part]).reset_index(drop=True), notes


_INNER = "_inner_"
# '其中：物价补贴', '其中物价补贴（元）', '其中:一次性生活补贴': a part of the row's amount that is another item; or the
# benefit itself (其中：低保金: the row's benefit is that part, the rest of the amount other money no item names, h482)
_INNER_LABEL = re.compile(r"^其中\s*[:：]?\s*([\u4e00-\u9fff]{2,14}?)\s*(?:金额|额|数)?\s*(?:[（(]元[)）])?$")
_INNER_BENEFIT = re.compile(r"低保|特困|供养|保障金|生活费|基本生活")


def _yuan(cells: list, blank: float = np.nan) -> np.ndarray:
    """Cells of money as yuan (:func:`normalize.values.money`, each distinct cell read once), ``blank`` where none is
    read."""
    from ..reference import by_value

    return np.array([blank if v is None or v != v else v for v in by_value(cells, money)], dtype=float)


def _inner_items(labels: list[str], taken: set[int]) -> dict[int, str]:
    """Columns '其中：<item>' beside a sheet's amount column → the item each names (the part of the amount that is it)."""
    out = {}
    for c, label in enumerate(labels):
        found = _INNER_LABEL.match(str(label or "").strip())
        if c not in taken and found:
            out[c] = found.group(1)
    return out


def _inner_benefit(frame: pd.DataFrame, cells: np.ndarray, item: str, label: str, where: str
                   ) -> tuple[pd.DataFrame, list[str]]:
    """A row's amount (发放金额) of which a '其中：低保金' cell gives the benefit's part: the row pays that part as the
    benefit (its 资金项目 when it names none), and the rest of the amount, which no column names, is left out as other
    money (物价补贴 paid with the benefit, h482: read whole as the benefit, January's and February's price subsidy made
    every household 多发 F05 and went into the recoveries). A row whose part is blank is read as before (all of it one
    item); a part larger than the amount is not taken, said.

    Returns:
        (the rows, the notes).
    """
    totals, values = _yuan(frame["amount"].tolist()), _yuan(cells.tolist())
    take = (values > 0) & (totals == totals)
    fits = take & (values <= totals + 0.005)
    over = int((take & ~fits).sum())
    notes = [f"{where}有 {over} 行“其中：{item}”的金额大于“{label}”，未从中分出，请核实"] if over else []
    # (a part under half the amount is no benefit's part of it: what else would the rest be — h477's 40 of 338)
    small = fits & (values < totals / 2)
    if small.any():
        notes.append(f"{where}有 {int(small.sum())} 行“其中：{item}”不到“{label}”的一半，不像是其中的保障金，这些行的"
                     f"“其中：{item}”未读取，按整行金额计")
        fits &= ~small
    if not fits.any():
        return frame, notes
    rest = np.where(fits, np.round(totals - values, 2), 0.0)
    frame = frame.copy()
    amounts = frame["amount"].astype(object).to_numpy().copy()
    amounts[fits] = values[fits].tolist()
    frame["amount"] = amounts
    if "item" not in frame.columns:
        frame["item"] = _same(len(frame), "")
    items = frame["item"].astype(object).to_numpy().copy()
    blank = fits & np.fromiter((v is None or v != v or not str(v).strip() for v in items.tolist()), dtype=bool,
                               count=len(items))
    items[blank] = item
    frame["item"] = pd.Categorical(items)
    cols = frame["_col"].astype(object).to_numpy().copy() if "_col" in frame.columns else np.full(len(frame), "", dtype=object)
    cols[fits] = f"其中：{item}"
    frame["_col"] = pd.Categorical(cols)
    more = rest > 0.005
    if more.any():
        notes.append(f"{where}有 {int(more.sum())} 行“{label}”大于“其中：{item}”（共多 {rest[more].sum():,.2f} 元）：按“其中：{item}”"
                     f"核对保障金，其余部分表中没有写明是什么资金，按其他资金计，未核对")
    return frame, notes


def _inner_apart(frame: pd.DataFrame, inner: dict[int, str], label: str, sheet: str,
                 in_units: bool) -> tuple[pd.DataFrame, list[str]]:
    """A row's amount (发放金额) of which a '其中：物价补贴' cell gives a part: that part a row of its own, of that item,
    the row's amount less it (h477: 发放金额 with August's and September's 40 of 物价补贴 in it, read whole as the
    benefit, made every later month look cut and shrank each member's share F01–F03 recover). A part naming the benefit
    (其中：低保金), a sheet whose amounts are in another unit, or a part the amount cannot hold is not split, said.

    Returns:
        (the rows, the notes).
    """
    fields = [f"{_INNER}{c}" for c in inner]
    cells = {c: frame.pop(f).to_numpy(dtype=object) for c, f in zip(inner, fields) if f in frame.columns}
    where = f"工作表“{sheet}”" if sheet else "表中"
    apart = {c: item for c, item in inner.items() if c in cells and not _INNER_BENEFIT.search(item)}
    own = [(c, item) for c, item in inner.items() if c in cells and c not in apart]
    notes = [f"{where}有 {len(own)} 个“其中”列都写的是保障金（{'、'.join(item for _, item in own)}），未读取"] if len(own) > 1 else []
    if not apart and len(own) != 1:
        return frame, notes
    if in_units:
        return frame, notes + [f"{where}的“{label}”列不以元为单位，其“其中”列未从中分出，未读取"]
    if len(own) == 1:  # the benefit's own part: the row's benefit is it, what else the amount holds is other money
        frame, said = _inner_benefit(frame, cells[own[0][0]], own[0][1], label, where)
        notes += said
        if not apart:
            return frame, notes
    if "item" not in frame.columns:
        frame = frame.assign(item=_same(len(frame), ""))
    before = _yuan(frame["amount"].tolist())
    totals = before.copy()
    parts, over, split = [], 0, 0
    amounts = frame["amount"].astype(object).to_numpy().copy()
    for c, item in apart.items():
        values = _yuan(cells[c].tolist())
        take = (values > 0) & (totals == totals)
        fits = take & (values <= totals + 0.005)
        over += int((take & ~fits).sum())
        if not fits.any():
            continue
        part = frame[fits].copy()
        part["amount"] = values[fits].tolist()
        part["item"] = _same(len(part), item)
        part["_col"] = _same(len(part), f"其中：{item}")
        for col in ("due", "deduction"):
            if col in part.columns:
                part[col] = None
        parts.append(part)
        totals = np.where(fits, np.round(totals - values, 2), totals)
        split += int(fits.sum())
    changed = (totals != before) & (totals == totals)
    amounts[changed] = totals[changed].tolist()
    frame = frame.copy()
    frame["amount"] = amounts
    if split:
        notes.append(f"{where}有 {split} 行的“{label}”含“其中”列所写的{'、'.join(sorted(set(apart.values())))}：已从中分出，"
                     "按其他资金计，不计入保障金")
    if over:
        notes.append(f"{where}有 {over} 行“其中”列的金额大于“{label}”，未从中分出，请核实")
    return (_concat([frame, *parts]).reset_index(drop=True) if parts else frame), notes


def _sheet_month(grid, layout, path: Path, parent_year, as_of: dt.date, paid: list | None = None,
                 known: tuple = ()) -> tuple[str, str]:
    """The month a sheet's name, title or file name says ('2025年5月', or '5月' in a workbook of 2025), else '', and a
    note when its year was not said: a bare '1月' is of the year its rows' 发放日期 give (paid that month or after),
    else of the year ending at the review date — said either way (held-out 142: a January 2027 file, no year anywhere,
    was January 2026 without a word)."""
    sheet = _month_sheet(grid.sheet)
    named = month_named(sheet, layout.title, path.stem)
    sheet_mm = "" if month_named(sheet) else _bare_month(sheet)
    if named and sheet_mm and named[5:] != sheet_mm:
        # a sheet '7月' under a title naming only the day it was made ('制表日期：2025年8月3日'): July — the month a
        # file name or title names beside it if that is July, else of the year the table was made or the one before
        # (held-out 387: every sheet was read as the next month, December as January and dropped as a copy of January's)
        plain = [s for s in (layout.title, path.stem) if _months_in(_DAY.sub(" ", str(s or "")))]
        other = month_named(*plain) if plain else ""
        if other[5:] == sheet_mm:
            return other, ""
        if not plain:
            if parent_year:
                return _with_year(sheet_mm, parent_year, as_of)[0], ""
            return f"{int(named[:4]) - (sheet_mm > named[5:])}-{sheet_mm}", ""
    if named:
        return named, ""
    mm = _bare_month(sheet, layout.title, path.stem)
    if not mm and (folder := folder_month(path)):
        return folder, ""
    if not mm or parent_year:
        return (_with_year(mm, parent_year, as_of)[0] if mm else ""), ""
    said = f"工作表“{grid.sheet}”的表名、标题、文件名只写了 {int(mm)} 月，没有写年份"
    seen = Counter(m for m in (month(v) for v in paid or ()) if m)
    if seen:
        top = seen.most_common(1)[0][0]
        year = int(top[:4]) if mm <= top[5:] else int(top[:4]) - 1
        return f"{year}-{mm}", f"{said}，按发放日期（{top}）计为 {year}-{mm}"
    guess, how = _with_year(mm, "", as_of, known)
    return guess, (f"{said}，{how}计为 {guess}；如不是，请在文件名中写明年份（如“{as_of.year + 1}年{int(mm)}月"
                   "发放明细”）后重新运行")


# a column of batches, issues or periods (发放批次, 期次, 发放期数, 所属季度): a period column only when its cells are
_BATCH_LABEL = re.compile(PERIOD_WORDS)


def _period_cell(cell) -> bool:
    """Whether a cell of a batch column names a month or a span of months ('2026年第一季度', '一季度', '2026年1-3月',
    '7月-9月', '2026年7月'), not a batch number ('第3批', 12)."""
    shown = text(cell)
    if not shown:
        return True
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        # (12 is the twelfth batch, 202607 a month; 2025.1 January or October: a month, _blank_months_named tells which)
        return bool(month(cell) or _DOTTED_ONE.fullmatch(shown))
    return bool(month(cell) and not re.search(r"批|期(?!间)|次", shown) or month_span(shown) or bare_month_span(shown)
                or _bare_month(cn_numerals(shown)) and re.fullmatch(r"\s*\d{1,2}\s*月份?\s*", cn_numerals(shown)))


# '2026年第3期' in a 补贴期次 column (a 惠民惠农"一卡通" export numbering a monthly benefit's issues by month)
_YEAR_ISSUE = re.compile(r"\s*((?:19|20)\d{2})\s*年\s*第\s*(\d{1,2})\s*期\s*")
# An issue number is the month it pays when every issue (1–12) went out in its month or within this many months
# after it, and at least ISSUE_SHARE of them in their month or the next
ISSUE_LAG, ISSUE_SHARE = 3, 0.8


def _issues_as_months(frame: pd.DataFrame) -> pd.Series | None:
    """The months a 补贴期次 column's 'YYYY年第N期' cells name, when the file shows they are months: N is 1–12 in every
    such cell, no issue was paid before its month N nor more than :data:`ISSUE_LAG` months after it, and at least
    :data:`ISSUE_SHARE` of them in month N or the next (a batch count drifts from the months: a thirteenth batch, two
    batches in a month, and is left a batch). The column's other cells must be periods already ('2026年第1季度');
    None when the cells or the payment dates do not show it (then :func:`_no_periods` reads the column as batches).
    (h496: a 一卡通 paid on the 5th of the next month, its 期次 read as batches and the month from the 发放日期, had
    every month one late: deaths at a month's end F01 高, back pay F04 高, changed amounts F05 高.)"""
    if "paid_date" not in frame.columns:
        return None
    coded = _distinct(frame["month"])
    if coded is None:
        return None
    codes, cells = coded
    named = {}
    for k, c in enumerate(cells):
        m = _YEAR_ISSUE.fullmatch(text(c)) if isinstance(c, str) else None
        if m:
            if not 1 <= int(m.group(2)) <= 12:
                return None
            named[k] = f"{m.group(1)}-{int(m.group(2)):02d}"
        elif text(c) and not _period_cell(c):
            return None
    if not named:
        return None
    rows = np.flatnonzero(np.isin(codes, list(named)))
    paid = _distinct(frame["paid_date"].iloc[rows])
    if paid is None:
        return None

    def index(m: str) -> float:  # a month as a count of months (NaN for none), for the lags
        return int(m[:4]) * 12 + int(m[5:7]) if m else np.nan

    issue_at = np.full(len(cells), np.nan)
    issue_at[list(named)] = [index(m) for m in named.values()]
    paid_at = np.array([index(month(c)) for c in paid[1]], dtype=float)  # (each distinct 发放日期 once)
    lags = paid_at[paid[0]] - issue_at[codes[rows]]
    lags = lags[~np.isnan(lags)]
    if not len(lags) or len(lags) < 0.9 * len(rows) or lags.min() < 0 or lags.max() > ISSUE_LAG:
        return None
    if (lags <= 1).sum() < ISSUE_SHARE * len(lags):
        return None
    values = np.array(frame["month"].to_numpy(dtype=object), dtype=object, copy=True)
    for k, label in named.items():
        values[codes == k] = label
    return pd.Series(values, index=frame.index, dtype=object)


def _no_periods(frame: pd.DataFrame, label: str, sheet: str) -> list[str]:
    """A note when a batch or period column (:data:`_BATCH_LABEL`) is no month column, else []: its filled cells are
    not all periods ('第12批', '2026年第3批'; each distinct cell judged once: a batch number is never a month, 第12批 is
    no December), or one span is written on many payees' several rows of an item (a 保障期间 of a year beside monthly
    rows is no lump for the span)."""
    where = f"工作表“{sheet}”的" if sheet else ""
    coded = _distinct(frame["month"])
    if coded is None:
        return [f"{where}“{label}”列不是月份，未按月份读"]
    codes, cells = coded
    counts = np.bincount(codes[codes >= 0], minlength=len(cells))
    odd = [k for k, c in enumerate(cells) if counts[k] and not _period_cell(c)]
    if odd:
        shown = "、".join(f"“{text(cells[k])}”" for k in odd[:3])
        return [f"{where}“{label}”列写的是发放批次（{shown}{'等' if len(odd) > 3 else ''}），"
                "不是月份，未按月份读（所属月份按表中其他列、表名、标题、文件名或发放日期计）"]
    spanned = np.array([bool(month_span(text(c)) or bare_month_span(text(c))) for c in cells], dtype=bool)[codes]
    if spanned.any() and (_several(frame, codes) & spanned).sum() > 0.1 * spanned.sum():
        return [f"{where}“{label}”列的同一期间（如“{text(cells[codes[np.flatnonzero(spanned)[0]]])}”）写在同一领取人同一项目的多行上，"
                "看不出是各月分别发放还是一次发放整个期间，未按月份读（所属月份按表名、标题、文件名或发放日期计）"]
    return []


def _dotted_under_span(frame: pd.DataFrame, grid, layout, path: Path, label: str) -> list[str]:
    """A note when a period column (所属期间) holds nothing but numbers YYYY.1 (January, or 2025.10 with its 0 dropped)
    and the sheet's name, title or file name names a span of months beginning with one of the two: the column is then
    no month column and the span is the sheet's, as before such numbers counted as periods (held-out 443's shape: a
    2025年第四季度 book's 所属期间 2025.1 left every row unread); else []."""
    coded = _distinct(frame["month"])
    if coded is None:
        return []
    codes, cells = coded
    counts = np.bincount(codes[codes >= 0], minlength=len(cells))
    filled = [c for k, c in enumerate(cells) if counts[k] and text(c)]
    if not filled or not all(isinstance(c, float) and _DOTTED_ONE.fullmatch(text(c)) for c in filled):
        return []
    span = _span_named(grid, layout, path)
    years = {_dotted_year(_DOTTED_ONE.fullmatch(text(c)).group(1)) for c in filled}
    if len(span) < 2 or len(years) != 1 or span[0] not in {f"{y}-01" for y in years} | {f"{y}-10" for y in years}:
        return []
    where = f"工作表“{grid.sheet}”的" if grid.sheet else ""
    return [f"{where}“{label}”列只写了“{text(filled[0])}”（可能是 1 月，也可能是数字格式去掉了末尾 0 的 {text(filled[0])}0），"
            f"表名、标题或文件名写的是 {span[0]}至{span[-1]}，按该期间计"]


# a quarter written 2026Q3 inside an item or remark ('低保金2026Q3')
_QUARTER_CODE = re.compile(r"20\d{2}\s*[Qq]\s*[1-4](?!\d)")
# a span of months without its year inside an item or remark ('三季度低保金', '低保金（7-9月）', '低保金Q3'), numerals as
# digits; never a day's month ('7月9日') nor a month of a year written beside it (month_span reads those)
_BARE_SPAN_IN = re.compile(r"(?<![\d年.\-/])(\d{1,2})\s*月?\s*(?:[-~～至到]|—+)\s*(\d{1,2})\s*月(?!\s*\d)"
                           r"|(?<!\d)(?:第\s*)?([1-4])\s*季度?|(?<![\dA-Za-z])[Qq]\s*([1-4])(?!\d)")


def _bare_span_near(note: str, month_of_row: str) -> tuple[str, ...] | None:
    """The months a span without its year in an item or remark names, in the year putting it nearest the row's month
    (the sheet's, or its payment date's: a first quarter paid in December is the coming year's), else None."""
    found = _BARE_SPAN_IN.findall(cn_numerals(unicodedata.normalize("NFKC", note)))
    spans = set()
    for a, b, q, qq in found:
        first, last = (int(a), int(b)) if a else (3 * int(q or qq) - 2, 3 * int(q or qq))
        if 1 <= first <= 12 and 1 <= last <= 12 and first != last:
            spans.add((first, last))
    if len(spans) != 1:
        return None
    first, last = spans.pop()
    at = int(month_of_row[:4]) * 12 + int(month_of_row[5:7]) - 1
    length = (last - first) % 12 + 1

    def distance(year: int) -> int:
        start = year * 12 + first - 1
        return 0 if start <= at < start + length else min(abs(at - start), abs(at - start - length + 1))

    year = min((int(month_of_row[:4]) + d for d in (-1, 0, 1)), key=distance)
    start = year * 12 + first - 1
    return tuple(f"{(start + k) // 12:04d}-{(start + k) % 12 + 1:02d}" for k in range(length))


# the words naming a span of months in an item ('2026年7-9月', '2026年第三季度', '2026Q3', '三季度', '7-9月', with brackets)
_SPAN_WORDS = re.compile(r"[（(]?\s*(?:20\d{2}\s*年?\s*(?:第\s*)?[1-4一二三四]\s*季度?|20\d{2}\s*[Qq]\s*[1-4]"
                         r"|20\d{2}\s*[年.\-/]\s*\d{1,2}\s*月?\s*(?:[-~～至到]|—+)\s*(?:20\d{2}\s*[年.\-/]\s*)?\d{1,2}\s*月?"
                         r"|(?<![\d年.\-/])\d{1,2}\s*月?\s*(?:[-~～至到]|—+)\s*\d{1,2}\s*月(?!\s*\d)"
                         r"|(?<![\d一二三四五六七八九十])(?:第\s*)?[1-4一二三四]\s*季度|(?<![\dA-Za-z])[Qq]\s*[1-4](?!\d))\s*(?:份|的)?\s*[）)]?")


def _without_span(item):
    """An item's words without the span of months it names ('三季度低保金' → '低保金'), else the item as it is."""
    if not isinstance(item, str) or not ("月" in item or "季" in item or "Q" in item.upper()):
        return item
    rest = _SPAN_WORDS.sub("", item).strip()
    return rest if rest and rest != item and not _SPAN_WORDS.search(rest) else item


def _all_blank(column: pd.Series) -> bool:
    """Whether every cell of a column is blank (each distinct cell judged once)."""
    coded = _distinct(column)
    if coded is None:
        return False
    codes, cells = coded
    used = np.bincount(codes[codes >= 0], minlength=len(cells)) > 0
    return not any(text(c) for c, u in zip(cells, used.tolist()) if u)


def _several(frame: pd.DataFrame, also: np.ndarray | None = None) -> np.ndarray:
    """Rows of a payee (all that names her: two households' heads may share a name) paid an item more than once in the
    sheet (``also``: codes of one more column the rows must share)."""
    payee = [f for f in ("id", "head_id", "name", "holder", "bank_account") if f in frame.columns]
    if not payee:
        return np.zeros(len(frame), dtype=bool)
    keys = pd.DataFrame({f: frame[f].astype(object).to_numpy() for f in (*payee, "item") if f in frame.columns})
    if also is not None:
        keys["_also"] = also
    return keys.groupby(list(keys.columns), dropna=False, sort=False)[keys.columns[0]].transform("size").to_numpy() > 1


def _span_named(grid, layout, path: Path) -> tuple[str, ...]:
    """The span of months the first of a sheet's name, its title and its file name naming one names, else ()."""
    return next((found for source in (grid.sheet, layout.title, path.stem) if (found := _span_in(source))), ())


def _span_in(source: object) -> tuple[str, ...]:
    """The span of months a sheet name, title or file name names ('2026年第一季度', '2025年7-9月'), else ()."""
    return month_span(cn_numerals(unicodedata.normalize("NFKC", str(source or ""))).replace(" ", ""))


def _sheet_span(frame: pd.DataFrame, grid, layout, path: Path, parent_year, as_of: dt.date,
                known: tuple = ()) -> tuple[tuple[str, ...], str, np.ndarray]:
    """The months a sheet without a month column pays at once, when its name, title or file name names a span of
    months ('2026Q3', '三季度' in a workbook of 2026, '2026年第一季度', '2026年7-9月') and its rows are one payment
    each for the span: its 发放日期 (if any) in one month, and each payee paid for an item once (mostly). A quarter's
    file of monthly rows (payment dates over its months, a payee paid each month) keeps the month of the payment
    date; one that cannot be told is said, its rows left out as before.

    Returns:
        (the span's 'YYYY-MM' months or (), a note, the rows of a payee paid an item more than once in the sheet:
        not the span's, each of its payment date's month when it has one, else unread).
    """
    span: tuple[str, ...] = ()
    for source in (grid.sheet, layout.title, path.stem):
        if found := _span_in(source):
            span = found
            break
        if (bare := bare_month_span(source)) and bare[0] < bare[1]:
            first = _with_year(f"{bare[0]:02d}", parent_year, as_of, known)
            if first[1]:  # no year named: not guessed for a span (said as a sheet naming no month)
                return (), "", np.zeros(len(frame), dtype=bool), None
            year = first[0][:4]
            span = tuple(f"{year}-{m:02d}" for m in range(bare[0], bare[1] + 1))
            break
    none = np.zeros(len(frame), dtype=bool)
    if not span or len(span) > 3:  # (a quarter at most: a half-year or a year named is the file's period, not a lump)
        return (), "", none, None
    where = f"工作表“{grid.sheet}”" if grid.sheet else "表"
    # a payee's extra row whose remark names its one month ('7月重复发放', '含8月补发', '补发6月') is that month's, not
    # the span's: the payee's other row is still the quarter's lump (h377: a quarter's sheet with such rows was unread)
    noted = _remark_months(frame, span[-1])
    twice = _several(frame)
    noted[~twice] = None  # (a payee's only row is the span's, its remark read as ever: normalise_payments)
    # a payee's extra row remarked 补发 (重发 …) naming no month beside his quarter's row is paid in the span too: its
    # months cannot be told, the money can (h383: such rows left the whole quarter's sheet unread, '不少领取人同一项目
    # 有多行'); F05 sets it against an earlier lump's shortfall. Two such rows of one payee stay unread.
    back = twice & (noted == None) & _paid_again(frame)  # noqa: E711
    several = np.zeros(len(frame), dtype=bool)  # rows of a payee paid an item more than once in the sheet
    plain = (noted == None) & ~back  # noqa: E711
    several[plain] = _several(frame[plain])
    several[back] = _several(frame[back])
    back &= ~several
    if several.mean() > 0.1:
        return (), (f"{where}的表名、标题或文件名写的是 {span[0]}至{span[-1]}，但不少领取人同一项目有多行，看不出各行是哪个月的，"
                    "这些行按发放日期计（无发放日期的未参与核查）"), several, None
    if "paid_date" in frame.columns:  # (the payees paid once: several rows are months whenever they were paid)
        paid = Counter(m for m in (month(v) for v in frame["paid_date"].to_numpy(dtype=object)[~several]) if m)
        if paid and paid.most_common(1)[0][1] < 0.9 * sum(paid.values()):
            return (), "", none, None  # monthly rows over the span: each by its payment date
    said = (f"{where}没有所属月份列，表名、标题或文件名写的是 {span[0]}至{span[-1]}，每行按这 {len(span)} 个月一次发放计"
            "（金额平均分到各月）")
    if back.any():
        said += f"；其中 {int(back.sum())} 行备注为补发（或重发）但未写补发哪个月，也按这 {len(span)} 个月计"
    if several.any():
        said += (f"；其中 {int(several.sum())} 行的领取人同一项目有多行，看不出各是哪个月的，"
                 + ("按发放日期计" if "paid_date" in frame.columns else "未参与核查"))
    return span, said, several, noted


_ONE_MONTH = re.compile(r"(?:(20\d{2})\s*年\s*)?(1[0-2]|0?[1-9])\s*月(?!\s*(?:[-~至到、,—]|份?\s*[-~至到、,—]))")


_PAID_AGAIN = re.compile(r"补发|重发|重复|再次发放|重新发放|多发")
_ONLY_MONTH = re.compile(r"\s*(?:20\d{2}\s*年\s*)?(?:1[0-2]|0?[1-9])\s*月份?\s*")


def _quarter_back_pay(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """A wide book's row of quarter (half-year) cells whose remark names one month's back pay ('含3月补发', '其中补发3月')
    and whose cells are one amount but for one cell a month's more (3 × 1,020 three times, 4 × 1,020 once): that cell
    holds the month's back pay, read as the span's own months and the named month apart (h383: the back pay was spread
    over the quarter, F01 recovered a third of it again, F05 a 中 on the months). Any other row is left as it was.

    Returns:
        (the frame, the rows whose back pay was set apart).
    """
    if "remark" not in frame.columns or "_row" not in frame.columns or not len(frame):
        return frame, 0
    spans = frame["month"].astype(str).to_numpy()
    noted = _remark_months(frame, max(s.rsplit("至", 1)[-1] for s in spans))
    at = np.flatnonzero(noted != None)  # noqa: E711
    if not len(at):
        return frame, 0
    amounts = np.array([money(v) if money(v) is not None else np.nan for v in frame["amount"].to_numpy(dtype=object)[at]],
                       dtype=float)
    keys = [tuple(frame[c].iloc[r] for c in ("_file", "_sheet", "_row") if c in frame.columns) for r in at.tolist()]
    groups: dict[tuple, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        groups[key].append(k)
    changed, extra = {}, []
    for ks in groups.values():
        values = amounts[ks]
        if len(ks) < 3 or np.isnan(values).any():
            continue
        usual, count = Counter(np.round(values, 2).tolist()).most_common(1)[0]
        parts = [len(_span_months(spans[at[k]])) for k in ks]
        more = [k for k, v, p in zip(ks, values, parts) if p > 1 and abs(v - usual * (p + 1) / p) <= 0.5]
        if count < 2 or len(more) != 1 or usual <= 0:
            continue
        k = more[0]
        r, p = int(at[k]), parts[ks.index(k)]
        if noted[r] in _span_months(spans[r]):
            continue  # (back pay of a month of its own span: nothing to set apart)
        changed[r] = usual
        extra.append((r, noted[r], usual / p))
    if not changed:
        return frame, 0
    return _back_pay_rows(frame, changed, extra), len(extra)


# A remark column merged over the cells beside it (备注 | 备注, the second cell's header under the merge): one remark
_MORE_REMARK = "_remark_"
_RECORD = "_record_"  # (a record-status column's cells: _records_live)


def _remark_cells(labels: list[str], mapping: dict[str, int], amounts) -> list[int]:
    """The columns right after the remark's that repeat its label and are read as nothing else (a 备注 merged over two
    cells: '3月' | '含2月补发', held-out 387)."""
    if "remark" not in mapping:
        return []
    c, taken, out = mapping["remark"], {*mapping.values(), *amounts}, []
    while c + 1 + len(out) < len(labels) and labels[c + 1 + len(out)] == labels[c] and c + 1 + len(out) not in taken:
        out.append(c + 1 + len(out))
    return out


_PERIOD_END = "_period_end"
# the start and the end of one period in two columns under one label (所属期间 | 起 | 止 read as 所属期间起, 所属期间止)
_START_END = (re.compile(r"(.*?)(?:起|起始|开始|自|从)(?:月份?|年月|日期|时间)?"),
              re.compile(r"(.*?)(?:止|截止|终止|结束|至|到)(?:月份?|年月|日期|时间)?"))


def _period_end(labels: list[str], mapping: dict[str, int]) -> int | None:
    """The column ending the period whose start the month column is (所属期间起 | 所属期间止, the same words before 起
    and 止), when no other field took it; else None."""
    if "month" not in mapping or mapping["month"] >= len(labels):
        return None
    start = _START_END[0].fullmatch(labels[mapping["month"]])
    if not start or not start.group(1):
        return None
    taken = set(mapping.values())
    return next((c for c, label in enumerate(labels) if c not in taken and (end := _START_END[1].fullmatch(label))
                 and end.group(1) == start.group(1)), None)


def _period_joined(frame: pd.DataFrame, first: str, last: str, sheet: str,
                   named: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[str]]:
    """The month column as the span from its own cell to the end column's (2025.10 | 2025.12 → 2025-10至2025-12), each
    distinct pair judged once; a row whose end is blank, unread or the start's month keeps its start. Said when some
    row spans months.

    A start written YYYY.1 (:data:`_DOTTED_ONE`: January, or October whose 0 a number format dropped) is the one of the
    two the span ``named`` by the sheet's name, title or file name begins with, or the only one not after the end
    (held-out 443: the number 2025.1 | 2025.12 in 2025年第四季度低保资金发放表.xls left the quarter's 89 rows unread)."""
    parts = [frame[n].astype(object).to_numpy() for n in ("month", _PERIOD_END)]
    codes, uniques = pd.factorize(pd.MultiIndex.from_arrays([np.where(pd.isna(p), "", p) for p in parts]))
    joined, spans, dotted = [], 0, set()
    for a, b in uniques:
        ma, mb = month(a), month(b)
        if mb and (m := _DOTTED_ONE.fullmatch(text(a))):
            year = _dotted_year(m.group(1))
            fits = [x for x in (f"{year}-01", f"{year}-10") if x <= mb]
            fit = [x for x in fits if named and x == named[0]] or (fits if len(fits) == 1 and not ma else [])
            if len(fit) == 1 and fit[0] != ma:
                ma = fit[0]
                why = (f"表名、标题或文件名写的是 {named[0]}至{named[-1]}" if named and ma == named[0]
                       else f"所属期间止为 {mb}，10 月不会在它之后")
                dotted.add(f"“{text(a)}”至“{text(b)}”{why}，按 {ma}至{mb} 计")
        if ma and mb and mb > ma:
            joined.append(f"{ma}至{mb}")
            spans += 1
        else:
            joined.append(a)
    frame = frame.drop(columns=_PERIOD_END)
    frame["month"] = np.array(joined, dtype=object)[codes] if len(uniques) else frame["month"]
    said = [f"{f'工作表“{sheet}”' if sheet else '表中'}“{first}”和“{last}”两列是一段所属期间的起止月份，"
            "一行写了几个月的（如 2025.10 至 2025.12），按这几个月一次发放计（金额平均分到各月）"] if spans else []
    if dotted:
        said.append(f"{f'工作表“{sheet}”' if sheet else '表中'}“{first}”列的月份写作“年.1”（可能是 1 月，也可能是数字格式去掉了末尾 0 的"
                    f" 10 月）：{'；'.join(sorted(dotted))}")
    return frame, said


_CREDIT = "_credit"
_DEBIT_LABEL = re.compile(r"^(借方(发生)?(额|金额)?|支出(金额|额)?)(（元）|\(元\))?$")
_CREDIT_LABEL = re.compile(r"^(贷方(发生)?(额|金额)?|收入(金额|额)?)(（元）|\(元\))?$")


def _credit_column(labels: list[str], mapping: dict[str, int]) -> int | None:
    """The 贷方发生额 (收入金额) column of a statement whose amount is its 借方发生额 (支出金额), else None."""
    at = mapping.get("amount")
    if at is None or at >= len(labels) or not _DEBIT_LABEL.match(str(labels[at] or "").strip()):
        return None
    taken = set(mapping.values())
    return next((c for c, label in enumerate(labels) if c not in taken and _CREDIT_LABEL.match(str(label or "").strip())),
                None)


def _credited(frame: pd.DataFrame, label: str, sheet: str) -> tuple[pd.DataFrame, list[str]]:
    """A statement's rows with a 贷方 amount and no 借方 one: money that came back (a return, a reversal), read as a
    negative amount that undoes the payment it answers (h477: unread, a returned payment stayed paid — F06 missed — and
    a duplicate reversed stayed a duplicate, F04 中)."""
    credit, debit = _yuan(frame.pop(_CREDIT).tolist(), 0.0), _yuan(frame["amount"].tolist(), 0.0)
    back = (credit > 0) & (debit == 0)
    if back.any():
        back &= _answering(frame, credit, debit)
    if not back.any():
        return frame, []
    amounts = frame["amount"].astype(object).to_numpy().copy()
    amounts[back] = (-credit[back]).tolist()
    frame = frame.copy()
    frame["amount"] = amounts
    where = f"工作表“{sheet}”" if sheet else "表中"
    return frame, [f"{where}有 {int(back.sum())} 行只有“{label}”（收入），是退回或冲正到账的资金，按负数计，与其所退的发放相抵"]


def _answering(frame: pd.DataFrame, back: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Per row, whether money that came in (``back``, > 0) answers a payment: into an account the sheet paid that
    amount (``out``), or named a return or reversal (退回, 冲正 …); the account's funding (财政拨款 from the treasury,
    held-out 145) is no payment, and undoes none."""
    accounts = (frame["bank_account"].map(lambda v: re.sub(r"\s", "", text(v) or "")).tolist()
                if "bank_account" in frame.columns else [""] * len(frame))
    paid = {(a, round(d, 2)) for a, d in zip(accounts, out.tolist()) if a and d > 0}
    words = [" ".join(text(frame[c].iat[r]) or "" for c in ("item", "remark") if c in frame.columns)
             for r in range(len(frame))]
    return np.array([c > 0 and ((a, round(c, 2)) in paid or bool(_UNDOING.search(w)))
                     for a, c, w in zip(accounts, back.tolist(), words)], dtype=bool)


_OUT_WORDS = frozenset(("借", "借方", "支", "支出", "出", "转出", "付", "付出", "D", "DR", "DEBIT"))
_IN_WORDS = frozenset(("贷", "贷方", "收", "收入", "入", "转入", "C", "CR", "CREDIT"))


def _directed(frame: pd.DataFrame, label: str, sheet: str) -> tuple[pd.DataFrame, list[str]]:
    """A statement's rows with a 借贷标志 (收支标志) beside positive amounts: those that came back (贷, 收入) are the
    money returned, their amounts made negative (a 退回 or 冲正 that undoes the payment it answers); those that went out
    (借, 支出) are payments. A column whose cells are not all one of those words is not read, said.

    Returns:
        (the rows, the notes).
    """
    cells = frame["direction"].to_numpy(dtype=object)
    frame = frame.drop(columns="direction")
    words = [unicodedata.normalize("NFKC", text(v) or "").strip().upper() for v in cells.tolist()]
    where = f"工作表“{sheet}”" if sheet else "表中"
    unread = sorted({w for w in words if w and w not in _OUT_WORDS and w not in _IN_WORDS})
    if unread:
        return frame, [f"{where}“{label}”列有看不懂的值（如“{unread[0]}”），未按借贷方向读取，各行金额均按发放计，请核实"]
    came = np.array([w in _IN_WORDS for w in words], dtype=bool)
    if not came.any():
        return frame, []
    amounts = frame["amount"].astype(object).to_numpy().copy()
    values = np.abs(_yuan(amounts.tolist(), 0.0))
    back = came & _answering(frame, np.where(came, values, 0.0), np.where(came, 0.0, values))
    amounts[back] = (-values[back]).tolist()
    amounts[came & ~back] = None  # (money in that answers no payment: the account's funding, no payment at all)
    frame = frame.copy()
    frame["amount"] = amounts
    notes = [f"{where}有 {int(back.sum())} 行“{label}”为贷（收入），是退回或冲正到账的资金，按负数计，与其所退的发放相抵"] if back.any() else []
    if (came & ~back).any():
        notes.append(f"{where}有 {int((came & ~back).sum())} 行“{label}”为贷（收入）但不是退回的发放（如拨入资金），不作为发放")
    return frame, notes


# words of undoing or recovering: a sheet of such rows is reversals, whatever its signs
_UNDOING = re.compile(r"冲正|冲销|撤销|退回|退票|退汇|追回|追缴|收回|退缴|缴回|扣回")
OUTFLOW_SHARE = 0.9  # of a sheet's amounts negative: the payer's statement (借方 outflows), not reversals
OUTFLOW_ROWS = 5


def _outflows_as_paid(frame: pd.DataFrame, named: str) -> tuple[pd.DataFrame, list[str]]:
    """A payer's account statement (the bureau's 专户流水: 交易金额 -1,280.00 for each payout) as payments: when at least
    :data:`OUTFLOW_SHARE` of the sheet's amounts (:data:`OUTFLOW_ROWS` or more) are negative, every sign is turned
    (an outflow paid, an inflow money coming back), said. Not a sheet whose file, name or title, or most of whose rows'
    items, remarks or statuses, speak of undoing (冲正, 退回, 追回 …): those are reversals (h443: 84 households F05 中
    "少发" the whole of each payment)."""
    if "amount" not in frame.columns or not len(frame) or _UNDOING.search(named):
        return frame, []
    column = frame["amount"]
    if isinstance(column.dtype, pd.CategoricalDtype):  # (each distinct cell judged once: a city's year is millions of rows)
        codes, distinct = np.asarray(column.cat.codes), column.cat.categories.to_numpy(dtype=object)
    else:
        codes, distinct = pd.factorize(column.astype(object), use_na_sentinel=True)
        distinct = np.asarray(distinct, dtype=object)
    typed = [money(c) for c in distinct.tolist()]
    sign = np.array([0 if v is None or v == 0 else (-1 if v < 0 else 1) for v in typed] + [0], dtype=np.int8)
    per_row = sign[np.where(codes < 0, len(typed), codes)]
    filled, negative = int(np.count_nonzero(per_row)), int(np.count_nonzero(per_row < 0))
    if filled < OUTFLOW_ROWS or negative < OUTFLOW_SHARE * filled:
        return frame, []
    undoing = np.zeros(len(frame), dtype=bool)
    for col in ("item", "remark", "status"):
        if col in frame.columns:
            words = frame[col].astype(object).to_numpy()
            said = {w: bool(_UNDOING.search(str(w))) for w in pd.unique(words).tolist() if isinstance(w, str)}
            undoing |= np.array([said.get(w, False) if isinstance(w, str) else False for w in words.tolist()], dtype=bool)
    if undoing[per_row != 0].sum() * 2 >= filled:
        return frame, []
    turned = np.array([-v if v is not None else c for v, c in zip(typed, distinct.tolist())] + [None], dtype=object)
    frame = frame.copy()
    frame["amount"] = turned[np.where(codes < 0, len(typed), codes)]
    return frame, [f"金额 {negative} 行为负数（付款账户的流水，支出记为负数），按发放计；正数的行（款项退回）按退回计"]


def _remarks_joined(frame: pd.DataFrame, more: list[int]) -> pd.DataFrame:
    """The remark with the cells of its merged neighbours after it, each distinct combination joined once."""
    names = ["remark", *(f"{_MORE_REMARK}{c}" for c in more)]
    parts = [frame[n].astype(object).to_numpy() for n in names]
    codes, uniques = pd.factorize(pd.MultiIndex.from_arrays([np.where(pd.isna(p), "", p) for p in parts]))
    joined = np.array(["".join(str(v) for v in u if v not in (None, "")) for u in uniques], dtype=object)
    frame = frame.drop(columns=names[1:])
    frame["remark"] = pd.Categorical.from_codes(codes, categories=pd.Index(pd.unique(joined), dtype=object)) \
        if len(set(joined.tolist())) == len(joined) else joined[codes]
    return frame


# A remark naming the month back paid: '补发2月', '含2月补发', '2月份补发'; the month its cell is, if it names one more
_BACK_PAID = (re.compile(r"补发\s*(?:(20\d{2})\s*年\s*)?(1[0-2]|0?[1-9])\s*月(?!\s*(?:[-~至到、,—]|份?\s*[-~至到、,—]))"),
              re.compile(r"(?:(20\d{2})\s*年\s*)?(1[0-2]|0?[1-9])\s*月份?(?:的)?(?:[\u4e00-\u9fff]{0,6}?金)?\s*补发"))


# a span of months back paid in one cell ('含1-2月补发', '补发1-2月', '1、2月补发'): the first and last month
_BACK_SPAN = (re.compile(r"补发\s*(1[0-2]|0?[1-9])\s*月?\s*(?:[-~至到、,]|—+)\s*(1[0-2]|0?[1-9])\s*月(?!\s*(?:[-~至到、,—]))"),
              re.compile(r"(?<![\d年])(1[0-2]|0?[1-9])\s*月?\s*(?:[-~至到、,]|—+)\s*(1[0-2]|0?[1-9])\s*月份?(?:的)?"
                         r"(?:[\u4e00-\u9fff]{0,6}?金)?\s*补发"))


def _back_paid(text: str) -> tuple[int | None, tuple[int, ...]] | None:
    """(the month whose cell holds it, or None; the months back paid: one, or a span of up to three within a year,
    '含1-2月补发', h393) a remark names, else None."""
    text = unicodedata.normalize("NFKC", text)
    if "补发" not in text or len(re.findall("补发", text)) > 1:
        return None
    clauses = [c for c in re.split(r"[;。；]", text) if c.strip()]
    if len(clauses) > 1:
        # a remark of several clauses, one of them the back pay ('4月失败(账户冻结);6月含4月补发', h451): that clause
        # alone says it (the others name the months they are about)
        return _back_paid(next(c for c in clauses if "补发" in c))
    span = _BACK_SPAN[0].search(text) or _BACK_SPAN[1].search(text)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        rest = text[:span.start()] + " " + text[span.end():]
        others = _ONE_MONTH.findall(rest)
        if not first < last <= first + 2 or len(others) > 1 or re.search(r"\d\s*月?\s*[-~至到、,—]", rest):
            return None
        return (int(others[0][1]) if others else None), tuple(range(first, last + 1))
    found = _BACK_PAID[0].search(text) or _BACK_PAID[1].search(text)
    if not found:
        return None
    rest = text[:found.start()] + " " + text[found.end():]
    others = _ONE_MONTH.findall(rest)
    if len(others) > 1 or re.search(r"\d\s*月?\s*[-~至到、,—]", text):
        return None
    return (int(others[0][1]) if others else None), (int(found.group(2)),)


def _month_back_pay(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """A wide book's row of month cells (1月…12月) whose remark names one month's back pay in one cell ('3月含2月补发',
    '3月' | '补发2月' over a merged 备注): the cell it names, else the one cell a month over the row's usual amount, holds
    that month's payment; a cell of two months is the two, a named cell of one month when the month back paid has no
    cell of its own is that month's (held-out 387: February's duplicate in March was F05 高 多发 and March's cell that
    was February's back pay F01 高 of a man who died in February). A span of months back paid ('3月' | '含1-2月补发')
    is each of them: a cell of three months is the three (held-out 393: January and February paid again in March were
    F05 高 多发, not F04; frozen and paid back in March, F06 中 for both). Any other row is left as it was.

    Returns:
        (the frame, the rows whose back pay was set apart).
    """
    if "remark" not in frame.columns or "_row" not in frame.columns or not len(frame):
        return frame, 0
    cells = frame["remark"].astype(object).to_numpy()
    said = {cell: _back_paid(str(cell)) for cell in pd.unique(cells).tolist() if cell and "补发" in str(cell)}
    said = {cell: v for cell, v in said.items() if v}
    at = np.flatnonzero(np.isin(cells, list(said))) if said else np.zeros(0, dtype=np.intp)
    if not len(at):
        return frame, 0
    months = frame["month"].astype(str).to_numpy()
    amounts = np.array([money(v) if money(v) is not None else np.nan for v in frame["amount"].to_numpy(dtype=object)[at]],
                       dtype=float)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for k, r in enumerate(at.tolist()):
        groups[tuple(frame[c].iloc[r] for c in ("_file", "_sheet", "_row") if c in frame.columns)].append(k)
    changed, moved, extra = {}, {}, []
    for ks in groups.values():
        values = amounts[ks]
        named, back = said[cells[at[ks[0]]]]
        if np.isnan(values).any():
            continue
        counted = Counter(np.round(values, 2).tolist()).most_common(2)
        usual, count = counted[0]
        own = {months[at[k]][5:7]: k for k in ks}
        times = len(back) + 1  # (the cell's own month and those back paid)
        tied = count < 2 or len(counted) > 1 and counted[1][1] == count
        if tied and named is not None and (cell := own.get(f"{named:02d}")) is not None:
            # a quarter's row has three cells at most, one of them the month back paid left blank: the named cell
            # that is another cell's amount times the months it pays is enough (h451: '6月含4月补发', May 1,080 and
            # June 2,160, was F05 高 多发 and April F06 中)
            fits = {v for k, v in zip(ks, values) if k != cell and v > 0 and abs(amounts[cell] - times * v) <= 0.5}
            if len(fits) == 1:
                usual, tied = fits.pop(), False
        if tied or usual <= 0:
            continue
        if named is not None:
            cell = own.get(f"{named:02d}")
        else:
            doubled = [k for k, v in zip(ks, values) if abs(v - times * usual) <= 0.5]
            cell = doubled[0] if len(doubled) == 1 else None
        if cell is None:
            continue
        r = int(at[cell])
        year, mm = int(months[r][:4]), int(months[r][5:7])
        paid = [f"{year - (b > mm):04d}-{b:02d}" for b in back]
        if months[r] in paid:
            continue
        if abs(amounts[cell] - times * usual) <= 0.5:
            changed[r] = usual
            extra += [(r, m, usual) for m in paid]
        elif (named is not None and abs(amounts[cell] - len(back) * usual) <= 0.5
              and not any(f"{b:02d}" in own for b in back)):
            # (the named cell is the months back paid alone: its own month unpaid)
            moved[r] = paid[0]
            changed[r] = usual
            extra += [(r, m, usual) for m in paid[1:]]
    if not changed and not moved:
        return frame, 0
    return _back_pay_rows(frame, changed, extra, moved), len(changed) + len(moved)


def _status_back_pay(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """A wide book whose months each have their own status cell (:func:`_month_statuses`), one of which says its 实发
    holds another month's back pay ('已发放（含补发4月）', 2,640 beside the row's usual 1,320): that cell is its own
    month's usual amount (its nearest month cells') and the months it names, each that amount (h451: June's cell
    paying April again after April failed was F05 高 多发 1,320 and April F06 中, and a member's share after her death
    counted June twice). A cell that is not that amount times the months it pays is left as it was.

    Returns:
        (the frame, the cells whose back pay was set apart).
    """
    if "status" not in frame.columns or not len(frame):
        return frame, 0
    cells = frame["status"].astype(object).to_numpy()
    said = {cell: v for cell in pd.unique(cells).tolist() if cell and "补发" in str(cell) and (v := _back_paid(str(cell)))}
    at = np.flatnonzero(np.isin(cells, list(said))) if said else np.zeros(0, dtype=np.intp)
    if not len(at):
        return frame, 0
    keys = [c for c in ("_file", "_sheet", "_row") if c in frame.columns]
    if "_row" not in keys:
        return frame, 0
    rows_of: dict[tuple, list[int]] = defaultdict(list)
    for r, key in enumerate(zip(*(frame[c].tolist() for c in keys))):
        rows_of[key].append(r)
    months = frame["month"].astype(str).to_numpy()
    amounts = frame["amount"].to_numpy(dtype=object)
    changed, extra = {}, []
    for r in at.tolist():
        named, back = said[cells[r]]
        if named is not None and f"{named:02d}" != months[r][5:7]:
            continue  # (the status names another month's cell: not this one)
        if (value := money(amounts[r])) is None:
            continue
        # the row's usual amount: its month cells' nearest before and after this one (a raise between makes the
        # row's commonest amount no guide: five months at the old amount, five at the new)
        cells_of = sorted((months[k], money(amounts[k])) for k in rows_of[tuple(frame[c].iloc[r] for c in keys)]
                          if k != r and money(amounts[k]) is not None)
        near = [v for m, v in cells_of if m < months[r]][-1:] + [v for m, v in cells_of if m > months[r]][:1]
        usual = next((v for v in near if v > 0 and abs(value - (len(back) + 1) * v) <= 0.5), None)
        year, mm = int(months[r][:4]), int(months[r][5:7])
        paid = [f"{year - (b > mm):04d}-{b:02d}" for b in back]
        if usual is None or months[r] in paid:
            continue
        changed[r] = usual
        extra += [(r, m, usual) for m in paid]
    if not changed:
        return frame, 0
    return _back_pay_rows(frame, changed, extra), len(changed)


def _back_pay_rows(frame: pd.DataFrame, changed: dict[int, float], extra: list[tuple[int, str, float]],
                   moved: dict[int, str] | None = None) -> pd.DataFrame:
    """Raw rows with back pay set apart: each changed row paying its own month's amount (and each moved one the month
    it names), and one copy of a row per month it paid back, with that month and amount (``extra``: row, month, amount)."""
    frame = frame.copy()
    values = frame["amount"].to_numpy(dtype=object).copy()
    for r, v in changed.items():
        values[r] = v
    frame["amount"] = values
    if moved:
        labels = frame["month"].to_numpy(dtype=object).copy()
        for r, m in moved.items():
            labels[r] = m
        frame["month"] = labels
    if not extra:
        return frame
    rows = frame.iloc[[r for r, _, _ in extra]].copy()
    rows["month"], rows["amount"] = [m for _, m, _ in extra], [v for _, _, v in extra]
    return pd.concat([frame, rows], ignore_index=True)


def _span_months(span: str) -> list[str]:
    """'2026-04至2026-06' → its months; a month alone → [it]."""
    if "至" not in span:
        return [span]
    first, last = span.split("至")
    out, y, m = [], int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last and len(out) < 12:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _paid_again(frame: pd.DataFrame) -> np.ndarray:
    """Per row: its remark names a payment made again (补发, 重发, 重复 …), each distinct remark judged once."""
    if "remark" not in frame.columns or not len(frame):
        return np.zeros(len(frame), dtype=bool)
    cells = frame["remark"].astype(object).to_numpy()
    again = {c for c in set(cells.tolist()) if c and _PAID_AGAIN.search(unicodedata.normalize("NFKC", str(c)))}
    return np.fromiter((c in again for c in cells), dtype=bool, count=len(cells))


def _remark_months(frame: pd.DataFrame, last: str) -> np.ndarray:
    """Each row's one month its remark names as paid again ('7月重复发放', '含8月补发', '补发2025年12月') or alone
    ('2025年11月'), a month without its year the latest not after ``last``; None where the remark names no such month or
    several."""
    out = np.full(len(frame), None, dtype=object)
    if "remark" not in frame.columns or not len(frame):
        return out
    cells = frame["remark"].astype(object).to_numpy()
    for cell in set(cells.tolist()):
        text = unicodedata.normalize("NFKC", str(cell)) if cell else ""
        # (of a payment, or the month alone ('2025年11月'): '8月新增', '9月起停发', '7月死亡' date no payment; nor does a
        # day: '重新发放（2026年1月8日）' is when the failed quarter was paid again, not January's money, h443)
        found = _ONE_MONTH.findall(_DAY.sub(" ", text)) if _PAID_AGAIN.search(text) or _ONLY_MONTH.fullmatch(text) else []
        if len(found) != 1:
            continue
        year, mm = found[0]
        mm = int(mm)
        year = int(year) if year else int(last[:4]) - (mm > int(last[5:7]))
        out[cells == cell] = f"{year:04d}-{mm:02d}"
    return out


def _months_unread(column: pd.Series, label: str, sheet: str, bare: bool = False) -> list[str]:
    """Say the month column's filled cells no month or span of months is read from (held-out 154: '第三季度' without a
    year, '202607-202609' were left out unsaid); ``bare``: beside a 年度 column, whose year a bare month ('7', '7月')
    or span ('7-9月', '三季度') takes (held-out 368: '第12批' under 月份 was left out unsaid)."""
    coded = _distinct(column)
    if coded is None:
        return []
    codes, cells = coded
    counts = np.bincount(codes[codes >= 0], minlength=len(cells))  # (a reader's categories may hold cells of other files)
    unread = [k for k, c in enumerate(cells) if counts[k] and text(c) and not month(c) and not month_span(text(c))
              and not (bare and (bare_month_span(text(c)) or _bare_month(text(c) + ("月" if text(c).isdigit() else ""))))]
    if not unread:
        return []
    shown = "、".join(f"“{text(cells[k])}”{int(counts[k])} 行" for k in sorted(unread, key=lambda k: -counts[k])[:3])
    where = f"工作表“{sheet}”的" if sheet else ""
    # the number 2026.1: January or 2026.10, and the sheet names neither (:func:`_blank_months_named`)
    dotted = next((text(cells[k]) for k in unread
                   if isinstance(cells[k], float) and _DOTTED_ONE.fullmatch(text(cells[k]))), "")
    why = f"（数字“{dotted}”可能是 1 月，也可能是去掉了末尾 0 的 {dotted}0）" if dotted else ""
    return [f"{where}“{label}”列有 {int(counts[unread].sum())} 行的月份未能识别（{shown}）{why}，这些行未参与核查（这些户也不列为应发未发）；"
            "请写成 2026-07、2026年7-9月 或 2026年第三季度 这样的格式"]


def _blank_months_named(frame: pd.DataFrame, named: str, span: tuple[str, str] | None, sheet: str) -> list[str]:
    """Rows whose month cell is blank, in a sheet with a month column, take the month the sheet names, as a sheet
    without the column does (their source then '表名': a 补发3月 remark still says which month they are for).

    A cell 'YYYY.1' is January, or October whose 0 a number format dropped (YYYY.10): it is the one of the two the
    sheet's name, title or file name names (held-out 132: 2025.1 under October read as January; held-out 170: the number
    2026.1 under January, no month by itself, left 342 payments out), or the only one in the span of months they name
    (2025年10-12月); the notes returned say so. Neither named: the number stays unread, said (:func:`_months_unread`)."""
    dated = "paid_date" in frame.columns
    coded = _distinct(frame["month"]) if named or span or dated else None
    if coded is None:
        return []
    codes, cells = coded
    shown = texts(list(cells))
    blank = np.flatnonzero(np.array([not t for t in shown], dtype=bool)[codes]) if named else np.zeros(0, dtype=np.intp)
    dotted, by_date = {}, {}  # cell code -> the month the sheet (the rows' payment dates) give it
    written = {month(c) for c, t in zip(cells, shown) if not _DOTTED_ONE.fullmatch(t)}  # (2025.10 as text: October)
    for k, (cell, t) in enumerate(zip(cells, shown)):
        if m := _DOTTED_ONE.fullmatch(t):
            year = _dotted_year(m.group(1))
            fits = [x for x in (f"{year}-01", f"{year}-10")
                    if x == named or span and span[0] <= x <= span[1]]
            paid = ([date(v) for v in frame["paid_date"].to_numpy(dtype=object)[codes == k]]
                    if not named and not span and dated else [])
            if paid and all(d is not None and d < dt.date(int(year), 9, 1) for d in paid):
                # no month named: paid before September of that year, it cannot be October's (a month is not paid
                # that far ahead), so it is January's (held-out 332: 所属期 26.1 paid 2026-02-05 was left out)
                fits, by_date[k] = [f"{year}-01"], max(paid)
            elif paid and f"{year}-10" not in written and all(
                    d is not None and dt.date(int(year), 10, 1) <= d < dt.date(int(year) + 1, 2, 1) for d in paid):
                # … paid from October to January, October's: an .xlsx read as text, or a CSV, gives the number 2025.10
                # as '2025.1', which read January — the household's October 应发未发, its January paid twice — unless
                # the column writes October out elsewhere (then it is text, and January's back pay)
                fits, by_date[k] = [f"{year}-10"], min(paid)
            if len(fits) == 1 and month(cell) != fits[0]:
                dotted[k] = fits[0]
    if not len(blank) and not dotted:
        return []
    months, sources = frame["month"].to_numpy(dtype=object).copy(), np.asarray(frame["month_source"], dtype=object).copy()
    months[blank], sources[blank] = named, "表名"
    where = f"{int(named[:4])} 年 {int(named[5:])} 月" if named else f"{span[0]}至{span[1]}" if span else ""
    notes = []
    for k, fixed in dotted.items():
        rows = np.flatnonzero(codes == k)
        months[rows] = fixed
        said = (f"发放日期最晚为 {by_date[k]:%Y-%m-%d}（10 月的保障金不会提前这么久发放）" if k in by_date and fixed.endswith("-01")
                else f"发放日期最早为 {by_date[k]:%Y-%m-%d}（1 月的保障金一般不会迟至这时才发放）" if k in by_date
                else f"表名、标题或文件名写的是 {where}")
        notes.append(f"{f'工作表“{sheet}”' if sheet else ''}有 {len(rows)} 行的所属月份写作“{shown[k]}”（可能是 1 月，也可能是数字格式"
                     f"去掉了末尾 0 的 {shown[k]}0），{said}，按 {fixed} 计")
    frame["month"], frame["month_source"] = pd.Series(months, index=frame.index), pd.Categorical(sources)
    return notes


# a month written YYYY.1: January, or October shown without the 0 of YYYY.10
# (or YY.1, of 20YY: 所属期 26.1, held-out 332; not 12.1, which is 12月1日 as much: held-out 336)
_DOTTED_ONE = re.compile(rf"((?:19|20|21)\d{{2}}|{SHORT_MONTH_YEAR})\.1")


def _dotted_year(year: str) -> str:
    """The year of a YYYY.1 or YY.1 month cell: '2026', or '26' → '2026'."""
    return year if len(year) == 4 else f"20{year}"


# A month header no calendar has ('2026年13月', '0月'), beside a wide sheet's months
_NO_MONTH_HEAD = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:0|1[3-9]|[2-9]\d)\s*月")


def _months_headed_twice(wide: dict[int, tuple[str, str, str]], labels: list[str], parent_year: str, sheet: str
                         ) -> tuple[dict[int, tuple[str, str, str]], list[str]]:
    """A wide sheet's month columns with a month (and item) headed twice left out after the first, and what to say of
    them and of headers naming no month ('2026年13月'): a header typed wrong, never a month paid twice (h471: two
    '2026年8月' columns, September's mislabelled, were 153 重复发放 F04 at 高; a '2026年13月' column went unread unsaid).

    Args:
        wide: column → (year or '', 'MM', item) as :func:`columns.month_columns` reads the header.
        labels: the header labels.
        parent_year: the year the sheet's title or name gives months without one.
        sheet: the sheet's name.
    Returns:
        (the month columns kept, notes).
    """
    where = f"工作表“{sheet}”" if sheet else "表中"
    first: dict[tuple[str, str, str], int] = {}
    twice = []
    for col, (year, mm, item) in sorted(wide.items()):
        key = (year or parent_year, mm, item)
        if key in first:
            twice.append(col)
        else:
            first[key] = col
    notes = []
    if twice:
        shown = "、".join(f"“{labels[c]}”" for c in twice[:3]) + ("等" if len(twice) > 3 else "")
        notes.append(f"{where}的表头中 {shown} 与前面的月份列是同一个月，只读取前面的一列、这{len(twice)}列未读取（不按重复发放计）；"
                     "如是另一个月份的表头写错，请改正后重新运行")
    odd = [c for c, label in enumerate(labels) if c not in wide and _NO_MONTH_HEAD.match(label or "")]
    if odd:
        notes.append(f"{where}的表头 {'、'.join(f'“{labels[c]}”' for c in odd[:3])} 不是有效的月份，该列未读取；如是某月的发放，"
                     "请改正表头后重新运行")
    return ({c: v for c, v in wide.items() if c not in twice} if twice else wide), notes


def _amounts_written(frame: pd.DataFrame, items: dict[int, str], labels: list[str]) -> str:
    """What a sheet's amount columns hold when none of it is an amount (''  when they are blank): the label, the rows
    written and an example ('“发放金额”列 18 行写的是“见附件”等'), for the reader told why the sheet paid nothing."""
    written = {c: [v for v in frame[f"_m{c}"].tolist() if str(v if v is not None else "").strip()] for c in items}
    if not any(written.values()):
        return ""
    col = max(written, key=lambda c: len(written[c]))
    label = labels[col] if col < len(labels) else ""
    return f"“{label}”列 {len(written[col])} 行写的是“{str(written[col][0]).strip()[:20]}”等，不是金额"


# A wide ledger's row total beside its month columns (全年合计, 合计, 总计金额（元）); its field (read, never a payment:
# :func:`_melted` leaves every ``_m`` column but the months out)
_ROW_TOTAL = re.compile(r"(全年|年度|全年度|本年|本年度|累计|全年发放|发放)?(合计|总计|小计|总额)(金额)?(（元）|\(元\))?")
_ROW_TOTAL_FIELD = "_m_total"
_THIRTEENTH_FIELD = "_m_13th"  # (a 13月 column's cells, compared with the total: never a payment)


def _totals_off(frame: pd.DataFrame, wide: dict, label: str, sheet: str) -> list[str]:
    """The notice on a wide ledger's rows whose total (全年合计) is not the sum of their months' amounts: the months are
    read, the total is not (h466: a 全年合计 100 元 above its months was ignored unsaid).

    Args:
        frame: the sheet's rows before melting (``_m<col>`` month cells, the total's field).
        wide: the month columns.
        label: the total column's header as said.
        sheet: the sheet's name.
    Returns:
        One notice, or none when every total written adds up.
    """
    totals = frame[_ROW_TOTAL_FIELD].tolist()
    parts = [frame[f"_m{c}"].tolist() for c in wide]
    # (a total counting the 13月 column's amount too adds up: that column is said unread on its own)
    extra = [frame[f].tolist() for f in frame.columns if f.startswith(_THIRTEENTH_FIELD)]
    off = []
    for k, written in enumerate(totals):
        said = money(written)
        if said is None:
            continue
        summed = sum(v for v in (money(p[k]) for p in parts) if v is not None)
        more = sum(v for v in (money(p[k]) for p in extra) if v is not None)
        if abs(summed - said) > 0.005 and abs(summed + more - said) > 0.005:
            off.append((k, said, summed))
    if not off:
        return []
    k, said, summed = off[0]
    who = next((str(frame[f].iat[k]) for f in ("head_name", "name", "holder") if f in frame.columns
                and str(frame[f].iat[k] or "").strip()), "")
    row = f"第 {int(frame['_row'].iat[k])} 行" if "_row" in frame.columns else ""
    return [f"{f'工作表“{sheet}”' if sheet else '表中'}有 {len(off)} 行的“{label}”与该行各月金额之和不符（如{row}"
            f"{who}：“{label}” {said:,.2f}，各月合计 {summed:,.2f}）：按各月金额读取、核查，“{label}”列未读取；"
            "请核对这些行是否有某月漏填、错填或另有补发"]


def _melted(frame: pd.DataFrame, columns: dict[int, tuple[str, str, str]], labels: list[str], dated) -> pd.DataFrame:
    """One row per amount column (``_m<col>``) and row: the column's item when it names one, its month when ``dated``
    is given (year, 'MM' → 'YYYY-MM'); blank and zero amounts left out."""
    from ..reference import by_value

    n, parts = len(frame), []
    base = [c for c in frame.columns if not c.startswith(("_m", _STATUS_OF))]
    for col, (year, mm, item) in columns.items():
        part = frame[base].copy()
        part["amount"] = frame[f"_m{col}"].to_numpy()
        if f"{_STATUS_OF}{col}" in frame.columns:  # the month's own status (:func:`_month_statuses`)
            part["status"] = frame[f"{_STATUS_OF}{col}"]
        if item:  # the column names the item ('7月物价补贴', '物价补贴')
            part["item"] = _same(n, item)
        if dated is not None:
            part["month"] = _same(n, dated(year, mm))
            part["month_source"] = _same(n, "列")
        part["_col"] = _same(n, labels[col] if col < len(labels) else "")
        parts.append(part)
    out = _concat(parts)
    out = out[[v not in (None, 0.0) for v in by_value(out["amount"].tolist(), money)]]
    return out.reset_index(drop=True)


# An item a sheet is named after ('低保金', '特困供养金', '物价补贴') or its title (file name) names before
# 发放/花名册/明细/表; an age it starts with is its own ('80岁以上老人补贴', held-out 203: it was '岁以上老人补贴')
_SHEET_ITEM = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:金|补贴|补助|资金|费|补差|差额)$")  # (提标补差: held-out 109)
# (a period before the item is none of it: '2025年第四季度低保资金发放表', '上半年低保资金', held-out 316)
_TITLE_ITEM = re.compile(r"(?:^|[^\u4e00-\u9fff]|年度|年|月份|月|季度)((?:\d+岁)?(?![年月份度]|第[一二三四1-4]季度|[上下]半年)"
                         r"[\u4e00-\u9fff]{2,10}?(?:金|补贴|津贴|补助|资金|费))(?:发放|花名册|明细|清册|表)")
# a caption naming the sheet's item above its header ('资金项目：城乡低保金', '补贴项目：特困供养金'; held-out 316)
_CAPTION_ITEM = re.compile(r"(?:资金|发放|补贴|补助|救助)?项目(?:名称)?\s*[:：]\s*([\u4e00-\u9fff]{2,12}?"
                           r"(?:金|补贴|津贴|补助|资金|费|补差))(?![\u4e00-\u9fff])")
_TEKUN_WORDS, _DIBAO_WORDS = re.compile(r"特困|供养|五保"), re.compile(r"低保|最低生活")


def programme_named(value: str) -> str:
    """The programme a text names: '特困', '低保', or '' (none, or both: '低保特困资金')."""
    tekun, dibao = _TEKUN_WORDS.search(value), _DIBAO_WORDS.search(value)
    return "特困" if tekun and not dibao else "低保" if dibao and not tekun else ""


def _names_both(value: str) -> bool:
    """Whether a text names both programmes ('低保特困资金')."""
    return bool(_TEKUN_WORDS.search(value) and _DIBAO_WORDS.search(value))


def item_named(sheet: str, title: str, file: str = "") -> str:
    """The item a sheet pays when its name, a caption above its header (资金项目：城乡低保金), its title or its file name
    says (for a sheet without an item column, or its rows with the item blank), else ''.

    A name or title naming both programmes ('低保特困资金') says no item.

    Args:
        sheet: the sheet's name.
        title: the text above its header.
        file: the file's name without its suffix ('优抚金发放明细_2026年': a CSV has no title).
    Returns:
        The item, e.g. '低保金'.
    """
    for said, pattern in ((sheet.strip(), _SHEET_ITEM.fullmatch), (title, _CAPTION_ITEM.search), (title, _TITLE_ITEM.search),
                          (file, _TITLE_ITEM.search)):
        if said and not _names_both(said) and (m := pattern(said)):
            return _PLACE_PREFIX.sub("", m.group(1) if m.groups() else m.group(0))
    return ""


_PLACE_PREFIX = re.compile(r"^(?!城市|城区|市区)[\u4e00-\u9fff]{1,8}?(?:省|市|县|旗|区|镇|街道)(?=[\u4e00-\u9fff]{2})")


def _dated_bare_months(column: pd.Series, year: str | tuple[str, str], as_of: dt.date, known: tuple = (),
                       label: str = "", sheet: str = "") -> tuple[pd.Series, list[str]]:
    """A month column's cells naming a month or a span of months without its year ('7月', '七月份', '7-9月', '第三季度')
    with the year the sheet, title or file names, else as :func:`_with_year` takes it, said; other cells as they are
    (each distinct cell judged once).

    Returns:
        (the column, the notes saying each year the sheet did not give).
    """
    coded = _distinct(column)
    if coded is None:  # an unhashable cell: no month column to date
        return column, []
    codes, cells = coded
    fixed, guessed = [], {}  # how a year was taken -> [(the cell, its month)]
    for cell in cells:
        shown = text(cell)
        if span := bare_month_span(shown):  # '7-9月', '第三季度': the span in that year (held-out 154: '7-9月' was 9月)
            first, how = _with_year(f"{span[0]:02d}", year, as_of, known)
            y = int(first[:4]) + (span[1] < span[0])
            fixed.append(f"{first[:4]}年{span[0]}月至{y}年{span[1]}月")
        elif mm := "" if month(cell) else _bare_month(cn_numerals(shown)):
            first, how = _with_year(mm, year, as_of, known)
            fixed.append(first)
        else:
            fixed.append(cell)
            continue
        if how:
            guessed.setdefault(how, []).append((shown, first + ("起" if span else "")))
    where = f"工作表“{sheet}”的" if sheet else ""
    notes = [f"{where}“{label}”列写的{'、'.join(f'“{c}”' for c, _ in found[:4])}{'等' if len(found) > 4 else ''}"
             f"没有写年份，{how}计为 {'、'.join(m for _, m in found[:4])}；如不是，请在该列写明年份后重新运行"
             for how, found in guessed.items()]
    if fixed == cells:
        return column, notes
    return pd.Series(object_array(fixed)[codes], index=column.index), notes  # code -1: the last cell, a missing one


def _blank_filled(column: pd.Series, value: str) -> pd.Series:
    """A text column with its blank cells (and missing ones) reading ``value``, each distinct cell judged once."""
    coded = _distinct(column)
    if coded is None:
        return column
    codes, cells = coded
    blank = np.array([not text(c).strip() for c in cells], dtype=bool)[codes]
    if not blank.any():
        return column
    return pd.Series(np.where(blank, value, column.to_numpy(dtype=object)), index=column.index, dtype=object)


def _same(n: int, value) -> pd.Categorical:
    """A column of n equal cells, coded (see :class:`_Distinct`)."""
    return pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), dtype=pd.CategoricalDtype(pd.Index([value], dtype=object)))


def read_ledger(path: Path | str, as_of: dt.date, limits: Limits | None = None,
                cells: _Distinct | None = None, known: tuple = (), legends: str = "",
                batches: dict | None = None) -> tuple[Table, pd.DataFrame]:
    """Read one ledger file (any number of sheets) into raw payment rows.

    Args:
        path: the file.
        as_of: the review date (the year of month columns that name no year).
        limits: safety bounds.
        cells: the distinct cells of the files read before it, shared (see :class:`_Distinct`).
        known: the spans of months the run knows of (:func:`known_months`).
        legends: a code table's text given beside the ledgers (:func:`code_tables`), for the codes no page of the
            file explains.
        batches: the batches of batch files given beside the ledgers (:func:`batch_tables`), or None.
    Returns:
        (a Table describing the file for the run manifest, the raw rows).
    Raises:
        InputFileError: when no sheet has a payee ID column and an amount.
    """
    path, cells = Path(path), cells or _Distinct()
    fast = (_text_sheet(path, limits, cells) if sniff_format(path) == TEXT and path.suffix.lower() not in (".xlsx", ".xlsm")
            and not table_page(path) else None)
    if fast is not None and batches and _batch_column(fast[1]) is not None and not {"month", "item"} <= set(fast[1].mapping):
        fast = None  # (rows to be given their batch's columns: read whole, as a grid, not column by column)
    if fast is not None and (_share_slots(fast[1]) or _yuan_jiao_fen(fast[1])):
        fast = None  # (members' shares unfolded, or 元 | 角 | 分 joined, as a grid: not read column by column)
    if fast is not None:
        raw = RawFile(path, KIND, [fast[:2]], fast[0].notes)
    else:
        raw: RawFile = read_file(path, KIND, limits)
    frames, warnings, headers, titles, sheets, unused, institutions = [], list(raw.notes), {}, [], [], [], 0
    blank: list[str] = []  # sheets with a header and no rows
    side: list[str] = []  # a wide sheet's items beside its months, not read
    residents: dict[str, str] = {}  # a care homes' residents list (名单) beside their lumps: ID → home
    summaries: list[str] = []  # sheets summing the others, naming no payee
    framed: list[tuple[str, str]] = []  # each of frames' sheet and title
    build, rows_at = fast[2:] if fast is not None else (None, None)
    book_year = _book_year([layout.title for _grid, layout in raw.sheets])
    if not book_year:
        book_year, said = _calendar_book(raw.sheets, path, as_of)
        warnings += [said] if said else []
    # a sheet of people's own payments (an ID or a name): a care homes' 拨付汇总 beside it is a summary of its rows
    # (… not a residents list without amounts, 名单: 供养机构 | 姓名 | 身份证号, read by _care_residents; h465)
    persons = any(_names_people(layout.mapping) and not _residents_only(grid, layout) for grid, layout in raw.sheets)
    sheets_read, said = _batches_joined(raw.sheets, batches)
    warnings += said
    sheets_read, origins, said = _amounts_joined(sheets_read)
    warnings += said
    sheets_read, origins, said = _shares_unfolded(sheets_read, origins)
    warnings += said
    for grid, layout in sheets_read:
        if legends and not layout.legends:  # (a code table beside the files: its legends for this file's codes)
            layout.legends = legends
            bind_unnamed_codes(layout, KIND)
            layout.warnings.extend(n.replace("工作簿的说明页", "代码表文件") for n in layout.readings_said()
                                   if n not in layout.warnings)
        if _names_people(layout.mapping) and "holder" in layout.mapping and _HOME_COLUMN.fullmatch(
                layout.labels[layout.mapping["holder"]]):
            # (a residents' sheet's 供养机构 says where she lives, not who holds the account: no holder, as before h433)
            layout = replace(layout, mapping={f: c for f, c in layout.mapping.items() if f != "holder"})
        if names_payees(layout.mapping) and "bank_account" not in layout.mapping and (payer := next(
                (label for label in layout.labels if _PAYER_ACCOUNT.search(label or "")), "")):
            # (h458: a bank return with the bureau's 付款账号 and no payee account: the month's accounts unchecked, unsaid)
            warnings.append((f"工作表“{grid.sheet}”" if grid.sheet else "") + f"只有付款方的“{payer}”，没有收款人的账号列："
                            "这些发放的收款账号未核对（F07 发放账户不是本户的，这部分未核查）")
        if (serials := _card_serials(grid, layout)):
            # (h465: an 一卡通 export's 社会保障卡号 as the card's own 9-character number, A12345678, was read as every
            # payee's bank account: 120 households "发放账号不在花名册中" at 中, the masked IDs tied to no one)
            layout = replace(layout, mapping={f: c for f, c in layout.mapping.items() if f != "bank_account"})
            warnings.append((f"工作表“{grid.sheet}”" if grid.sheet else "") + f"的“{serials}”列是社会保障卡的卡号（9 位，"
                            "字母开头），不是银行账号：未作为发放账号读取，这些发放的账户未核对（F07 发放账户不是本户的，这部分未核查）")
        homes = care_homes_table(layout.labels) and not _names_people(layout.mapping)
        if homes and not persons and (paid_to := _homes_as_payees(layout)) is not None:
            layout = paid_to  # (h433) each home's lump read as a payment to the home, rule by rule like any row
        elif homes and persons and names_payees(layout.mapping) and _INSTITUTION_LABEL.search(
                layout.labels[layout.mapping["holder"]] if "holder" in layout.mapping else ""):
            layout = replace(layout, mapping={f: c for f, c in layout.mapping.items() if f != "holder"})
        if not names_payees(layout.mapping):
            if care_homes_table(layout.labels):  # 集中供养经费拨付表: sums per care home
                frames.append(_sheet_frame(grid, layout, path, as_of, cells, build, known)[0].iloc[:0])
                framed.append(("", ""))  # (no rows: never a summary to leave out, but keeps framed beside frames)
                institutions += 1
                warnings.append((f"工作表“{grid.sheet}”" if grid.sheet else "") + "是按供养机构拨付的汇总（没有个人的身份证号、"
                                "姓名），不逐人核查；机构集中供养人员的资金以机构拨付为准")
                continue
            if grid.sheet and len(raw.sheets) > 1 and _SUMMARY.search(grid.sheet) and "name" not in layout.mapping:
                summaries.append(grid.sheet)  # (a workbook's 汇总 by township: no one's payment to read)
                continue
            if not {"name", "id"} & set(layout.mapping) and _SUMMARY.search(f"{path.stem} {grid.sheet or ''} {layout.title}"):
                # (h496: a township summary in 万元 was "找不到身份证号列…如被部分隐去", as if its IDs were masked)
                unused.append((grid.sheet, SUMMARY_ONLY))
                continue
            unused.append((grid.sheet, "身份证号列（或其中不是完整的身份证号，如被部分隐去）"))
            continue
        if "id" not in layout.mapping and "head_id" not in layout.mapping and not homes:  # a bank's 代发 file: 账号 and 户名 only
            layout.warnings.append(NO_ID_COLUMN)
        # (a sheet given its batches' columns is a grid of its own: a text file's column reader knows only the file's)
        joined = not any(grid is g for g, _ in raw.sheets)
        frame, notes = _sheet_frame(grid, layout, path, as_of, cells, None if joined else build, known,
                                    None if joined else rows_at, book_year, side)
        if id(grid) in origins and len(frame):  # (a member's share keeps the household row's number: evidence names it)
            frame["_row"] = origins[id(grid)][np.asarray(frame["_row"], dtype=np.int64)]
        if thirteenth := [layout.said(c) for c, label in enumerate(layout.labels) if _THIRTEENTH.match(label or "")]:
            # (held-out h459 and h458: a year book's 13月 beside 1月…12月, a year-end grant or an adjustment, was left
            # out unsaid)
            warnings.append((f"工作表“{grid.sheet}”" if grid.sheet else "") + f"的“{'”“'.join(thirteenth)}”列不是某个月份"
                            "（一年只有 12 个月，常用于年终一次性补贴或调整），其中的金额未读取、未参与核查；如是某月的补发，"
                            "请改写为该月的列或另列所属月份后重新运行")
        if NO_ID_COLUMN in layout.warnings and "head_id" in frame.columns:  # (the head's ID from the 家庭成员 cell)
            layout.warnings.remove(NO_ID_COLUMN)
        if frame.empty and (written := frame.attrs.get("amounts_unread")):
            unused.append((grid.sheet, f"可识别的发放金额（{written}）"))  # (h431: said as "只有表头、没有发放数据行")
            continue
        if "amount" not in frame.columns and (listed := _care_residents(grid, layout)):
            # (h465: a 集中供养 拨付表's 名单 sheet — 供养机构 | 姓名 | 身份证号 — was "找不到发放金额列" while the roster named
            # no home: a resident's death went unchecked in her home's lumps)
            residents.update(listed)
            warnings.append((f"工作表“{grid.sheet}”" if grid.sheet else "") + f"是供养机构的人员名单（{len(listed)} 人，"
                            "没有发放金额）：只用于确定花名册未写明供养机构的集中供养人员在哪个机构")
            continue
        if "amount" not in frame.columns:
            if frame.empty and grid.sheet:  # a year's book whose later months are still blank: no rows, not no column
                blank.append(grid.sheet)  # (held-out 387: 1月…6月 "找不到发放金额列" beside 低保金 | 物价补贴 | 合计)
                continue
            unused.append((grid.sheet, "发放金额列（或“1月、2月…”这样的各月金额列）"))
            continue
        frames.append(frame)
        framed.append((grid.sheet, layout.title))
        warnings.extend(notes + [(f"工作表“{grid.sheet}”" if grid.sheet else "") + w for w in layout.warnings])
        headers = headers or layout.headers
        titles.append(layout.title)
        sheets.append(grid.sheet)
    if not frames:  # (every sheet blank and no column of the amount: as before, the file is no ledger read)
        unused += [(sheet, "发放金额列（或“1月、2月…”这样的各月金额列）") for sheet in blank]
        unused += [(sheet, "身份证号列（或其中不是完整的身份证号，如被部分隐去）") for sheet in summaries]
        blank = []
    if not frames:
        missing = "、".join(dict.fromkeys(what for _, what in unused)) or "身份证号列和发放金额列"
        raise InputFileError(path, f"无法识别为{KIND_LABELS[KIND]}：找不到{missing}。请确认文件内容和 --payments 选项是否对应。")
    warnings = _guessed_years_together(sheets_together(warnings))
    warnings += [f"工作表“{sheet}”找不到{what}，未读取；其中的发放未参与核查" for sheet, what in unused if sheet]
    if blank:
        warnings.append("工作表" + "".join(f"“{sheet}”" for sheet in blank) + "只有表头、没有发放数据行")
    if summaries and frames:
        warnings.append("工作表" + "".join(f"“{sheet}”" for sheet in summaries) + "是汇总表（没有逐人的身份证号、姓名），"
                        "不逐人核查")
    # (each frame's own sheet and title: a care homes' sheet adds a frame and no sheet, and zip() beside the shorter
    # sheets list once dropped the residents' sheet after it — held-out 424's 拨付汇总 | 供养人员明细)
    frames, said = _summaries_apart(frames, [sheet for sheet, _ in framed], [title for _, title in framed])
    warnings += said
    frame = _concat(frames)
    sources = set(pd.unique(np.asarray(frame["month_source"], dtype=object))) if len(frame) else set()
    if sources == {""} and not _names_months(frame):
        _refuse_roster(path, [layout.labels for _grid, layout in raw.sheets])
    elif sources == {"表名"} and _roll_for_a_span(path, titles, frame):
        _refuse_roster(path, [layout.labels for _grid, layout in raw.sheets], named=True)
    if frame.empty and len(frames) > institutions:  # (a care homes' sheet has said why its rows are not read)
        warnings.append("只有表头、没有发放数据行，未参与核查")
    table = Table(KIND, path, frame.iloc[:0], headers, " ".join(t for t in titles if t), sheets, warnings, len(frame),
                  care_home_sheets=institutions, side_items=list(dict.fromkeys(side)), care_residents=residents)
    return table, frame


# A social security card's own number (社会保障卡卡号: a letter, then eight digits or a letter and seven), not an account
_CARD_SERIAL = re.compile(r"[A-Za-z][A-Za-z0-9]\d{7}")


def _card_serials(grid, layout) -> str:
    """The label of a sheet's account column when it holds social security cards' own numbers (A12345678) rather than
    bank accounts — nine of ten of its first 200 filled cells — else ''."""
    col = layout.mapping.get("bank_account")
    if col is None or not re.search(r"社保卡|社会保障卡", layout.labels[col] or ""):
        return ""
    cells = [str(c).strip() for c in grid.cells(col, layout.start)[:200] if str(c or "").strip()]
    if not cells or sum(bool(_CARD_SERIAL.fullmatch(c)) for c in cells) < 0.9 * len(cells):
        return ""
    return layout.said(col)


def _residents_only(grid, layout) -> bool:
    """Whether a sheet is a care homes' residents list and nothing more: no amount column, no month columns, and
    residents :func:`_care_residents` reads."""
    return ("amount" not in layout.mapping and not month_columns(layout.labels)
            and bool(_care_residents(grid, layout)))


def _care_residents(grid, layout) -> dict[str, str]:
    """A sheet's care-home residents (供养机构 beside a whole, valid 身份证号 on each row): ID → the home's name, else {}.

    Args:
        grid: the sheet.
        layout: its layout.
    Returns:
        The residents by ID (a row without a home or a valid ID left out).
    """
    homes = [c for c, label in enumerate(layout.labels) if _HOME_COLUMN.fullmatch(str(label or "").strip())]
    if len(homes) != 1 or "id" not in layout.mapping:
        return {}
    out = {}
    for home, cell in zip(grid.cells(homes[0], layout.start), grid.cells(layout.mapping["id"], layout.start)):
        info = ids.id_number(cell)
        if info.status == ids.VALID and str(home or "").strip():
            out[info.value] = str(home).strip()
    return out


# The payer's account (付款账号, 付方账号, 转出账号: the bureau's, io.columns._PAYER), never the payee's
_PAYER_ACCOUNT = re.compile(r"^(付款|付方|转出|出款)(人|方|单位)?(账号|帐号|账户|帐户|卡号)$")


# A batch's number (批次号): a 发放批次 sheet says each batch's 资金项目, 所属月份 and 发放日期 once, its 发放明细 sheet
# names only the batch on each payment
_BATCH_NO_LABEL = re.compile(r"^(发放|代发|拨付|支付)?批次(号|编号|代码|码)$|^批次$|^批号$")
_BATCH_FIELDS = ("month", "item", "paid_date")


def _batch_column(layout: Layout) -> int | None:
    """The column of a sheet's batch numbers (批次号), or None."""
    found = [c for c, label in enumerate(layout.labels) if _BATCH_NO_LABEL.search(label or "")]
    return found[0] if len(found) == 1 else None


def _batch_sheets(sheets: list) -> list:
    """A workbook's batch sheets (发放批次: a 批次号 column beside a month, item or payment date, no payee)."""
    return [(g, lay) for g, lay in sheets if not names_payees(lay.mapping) and _batch_column(lay) is not None
            and set(_BATCH_FIELDS) & set(lay.mapping)]


def _batch_rows(batches: list, where: str) -> dict:
    """The batches of some batch sheets: {'of': 批次号 → {field: cell}, 'said': field → header, 'where': the sheets named
    for notes} (picklable: a second process's files take it too)."""
    said: dict[str, str] = {}
    of: dict[str, dict[str, object]] = {}
    clash: dict[str, list[str]] = {}
    for g, lay in batches:
        col = _batch_column(lay)
        for row in g.data_rows(lay.start):
            key = text(row[col] if col < len(row) else "").strip()
            if not key:
                continue
            batch = {f: row[c] if c < len(row) else "" for f in _BATCH_FIELDS if (c := lay.mapping.get(f)) is not None}
            if key not in of:
                of[key] = batch
            else:
                _batch_clash(clash, key, of[key], batch)
        said.update({f: lay.said(c) for f in _BATCH_FIELDS if (c := lay.mapping.get(f)) is not None})
    return {"of": of, "said": said, "where": where, "clash": clash}


def _batch_said(batch: dict) -> str:
    """A batch's month, item and payment date as written, for a note."""
    return "、".join(t for f in _BATCH_FIELDS if (t := text(batch.get(f, "")).strip()))


def _batch_clash(clash: dict[str, list[str]], key: str, first: dict, other: dict) -> None:
    """Note a batch number written again with another month, item or date (h458: a 批次号 listed twice, 2026-07 and
    2026-06, or in two batch files, took the first unsaid)."""
    if any(text(first.get(f, "")).strip() != text(other.get(f, "")).strip() for f in _BATCH_FIELDS
           if f in first and f in other):
        seen = clash.setdefault(key, [_batch_said(first)])
        if (said := _batch_said(other)) not in seen:
            seen.append(said)


def _batches_joined(sheets: list, beside: dict | None = None) -> tuple[list, list[str]]:
    """Return a workbook's sheets with each payment sheet naming only its batch (批次号) given the batch's month, item
    and payment date from the batch sheet beside it (发放批次: 批次号 | 资金项目 | 所属月份 | 发放日期, no payee), or from
    a batch file given beside the ledgers (``beside``, :func:`batch_tables`).

    h455: the details were read without a month ("看不出发放的是哪个月", a quarter's payments unread, F06 and F04 missed)
    and the batch sheet was "找不到身份证号列".

    Args:
        sheets: the file's (grid, layout) pairs.
        beside: the batches of batch files given beside this one, or None.
    Returns:
        (the pairs to read — the batch sheets left out, the payment sheets with the batch's columns added —, notes).
    """
    batches = _batch_sheets(sheets)
    details = [(g, lay) for g, lay in sheets if names_payees(lay.mapping) and _batch_column(lay) is not None
               and not {"month", "item"} <= set(lay.mapping)]
    if not details or not (batches or beside and beside["of"]):
        return sheets, []
    found_here = _batch_rows(batches, "工作表" + "".join(f"“{b.sheet}”" for b, _ in batches)) if batches else None
    table = found_here if found_here and found_here["of"] else beside
    if not table or not table["of"]:
        return sheets, []
    of, said = table["of"], table["said"]
    out, notes = [], []
    for g, lay in sheets:
        if any(g is b for b, _ in batches):
            continue
        if not any(g is d for d, _ in details):
            out.append((g, lay))
            continue
        col, added = _batch_column(lay), [f for f in _BATCH_FIELDS if f in said and f not in lay.mapping]
        rows = [list(r) for r in g.data_rows(0)]
        width = max((len(r) for r in rows), default=0)
        found, unknown = 0, []
        for k, row in enumerate(rows):
            row.extend([""] * (width - len(row)))
            if k == lay.start - 1:
                row.extend(said[f] for f in added)
            elif k < lay.start:
                row.extend("" for _ in added)
            else:
                batch = of.get(key := text(row[col]).strip(), {})
                found += bool(batch)
                if not batch and key and not _TOTAL_CELL.match(key):
                    unknown.append(key)
                elif batch and "month" in added and not text(batch.get("month", "")).strip():
                    unknown.append(key)  # (listed, its month left blank: as good as not listed for the month, h464)
                row.extend(batch.get(f, "") for f in added)
        joined = Grid(g.path, g.sheet, rows, g.first_row, list(g.merged), g.fmt, list(g.notes), g.note_sheet)
        layout = find_layout(joined, KIND)
        if layout is None or not found:
            out.append((g, lay))
            continue
        out.append((joined, layout))
        notes.append((f"工作表“{g.sheet}”" if g.sheet else "") + f"按{lay.said(col)}从{table['where']}取得"
                     + "、".join(said[f] for f in added) + f"（{found} 行）")
        if unknown:  # (h464: a batch the batch table does not list, its rows read with no month, "见读取提示" said nothing)
            examples = "、".join(f"“{v}”" for v in list(dict.fromkeys(unknown))[:3])
            notes.append((f"工作表“{g.sheet}”" if g.sheet else "") + f"有 {len(unknown)} 行的{lay.said(col)}（如{examples}）"
                         f"在{table['where']}中没有或未写所属月份，这些行取不到所属月份，按表名、标题、文件名或发放日期计"
                         "（都看不出月份的未参与核查）；请补全发放批次表后重新运行")
        used = {text(row[col]).strip() for row in rows[lay.start:]}
        notes.extend(f"{lay.said(col)}“{key}”在{table['where']}中写了不止一次，内容不同（" + "；".join(ways)
                     + f"），按第一次所写的“{ways[0]}”读取{('工作表“' + g.sheet + '”') if g.sheet else ''}中该批次的发放，请核实"
                     for key, ways in table.get("clash", {}).items() if key in used)
    return out, notes


# A household's row paying each member a share of its own (成员1姓名 | 成员1身份证号 | 成员1金额 | 成员2姓名 …): the shares
# may differ (分类施保, or a 特困 member paid in the family's row beside 低保 ones), so each is a payment of its own
_SHARE_SLOT = re.compile(r"^(?:家庭)?成员([0-9一二三四五六七八九十]+)[-_：:（(]?")
_SHARE_FIELDS = (("id", ID_WORDS), ("name", r"^(姓名|名字)"), ("amount", r"金额|保障金|补助|补贴|发放|实发"))


def _share_slots(layout: Layout) -> dict[str, dict[str, int]]:
    """A ledger sheet's member share columns: slot → {'id', 'name', 'amount'} → column; empty unless two slots or more
    each have an ID and an amount column."""
    slots: dict[str, dict[str, int]] = {}
    for col, label in enumerate(layout.labels):
        m = _SHARE_SLOT.match(label or "")
        fld = next((f for f, words in _SHARE_FIELDS if m and re.search(words, label[m.end():])), None)
        if fld:
            slots.setdefault(m.group(1), {}).setdefault(fld, col)
    full = {n: cols for n, cols in slots.items() if {"id", "amount"} <= set(cols)}
    return full if len(full) >= 2 else {}


def _shares_unfolded(sheets: list, origins: dict[int, np.ndarray] | None = None) -> tuple[list, dict[int, np.ndarray], list[str]]:
    """Return a workbook's sheets with each household row of member shares (成员N姓名 | 成员N身份证号 | 成员N金额) unfolded
    into one payment per member with a share, the row's own total (发放金额合计) left out.

    Held-out h459: such a row was read as 成员1's payment of the household's total ("成员1身份证号和成员2身份证号都像是
    身份证号列，已按第 10 列读取"): a 特困 member paid 1,576 in her 低保 family's row was "应发未发" (F06 中), a member's
    death was recovered at the household's average share, not at her own.

    Args:
        sheets: the file's (grid, layout) pairs.
        origins: the row numbers of grids rewritten before (:func:`_amounts_joined`), composed with these.
    Returns:
        (the pairs to read, every rewritten grid's row numbers → the spreadsheet's (by ``id`` of the grid), notes).
    """
    out, origins, notes = [], dict(origins or {}), []
    for g, lay in sheets:
        slots = _share_slots(lay)
        if not slots:
            out.append((g, lay))
            continue
        in_slot = {c for cols in slots.values() for c in cols.values()}
        totals = {c for f, c in lay.mapping.items() if f in ("amount", "due") and c not in in_slot}
        width = max(len(lay.labels), max((len(r) for r in g.rows), default=0))
        # (a slot's other columns, 成员1与户主关系, go with it: never the head's)
        in_slot |= {c for c, label in enumerate(lay.labels) if _SHARE_SLOT.match(label or "")}
        base = [c for c in range(width) if c not in in_slot and c not in totals]
        rows = [list(r) + [""] * (width - len(r)) for r in g.data_rows(0)]
        said = [lay.said(c) for c in range(width)]
        header = lay.start - 1
        # a share column's own unit (成员1金额（元） | 成员2金额（角）): each share read in yuan (h466: 角 shares were "与全户
        # 合计不符", the sheet read by the household's total)
        units = {n: yuan_per_unit(lay.labels[cols["amount"]], lay.title) for n, cols in slots.items()}
        scaled = any(unit_label(lay.labels[cols["amount"]]) for cols in slots.values())
        per_total = {c: yuan_per_unit(lay.labels[c], lay.title) for c in totals}
        new_rows, numbers, off = [], [], 0
        for k, row in enumerate(rows):
            if k < header:
                if _title_line(row):
                    new_rows.append([row[c] for c in base] + ["", "", ""])
                else:
                    continue  # (an upper header row: its words are in the labels written below)
            elif k == header:
                new_rows.append([said[c] for c in base] + ["成员姓名", "成员身份证号",
                                                           "成员发放金额（元）" if scaled else "成员发放金额"])
            else:
                shares = [(row[cols["name"]] if "name" in cols else "", row[cols["id"]],
                           _in_yuan(row[cols["amount"]], units[n]) if scaled else row[cols["amount"]])
                          for n, cols in slots.items()]
                shares = [sh for sh in shares if text(sh[1]).strip() or text(sh[2]).strip()]
                off += _shares_off(shares, [_in_yuan(row[c], per_total[c]) if scaled else row[c] for c in sorted(totals)])
                for sh in shares or [("", "", "")]:  # (a row with no share, a 合计 row: kept, as it was)
                    new_rows.append([row[c] for c in base] + list(sh))
                    numbers.append((len(new_rows), g.first_row + k))
                continue
            numbers.append((len(new_rows), g.first_row + k))
        if off:  # (shares left blank, or not adding up to the row's total: which is paid cannot be told, said)
            notes.append((f"工作表“{g.sheet}”" if g.sheet else "") + f"一户一行、各成员金额分列，但有 {off} 行成员金额未填、"
                         "为负数或与全户合计不符，未按各成员金额逐人读取（按全户合计读取），请核实各成员的发放金额")
            out.append((g, lay))
            continue
        if (rewritten := _regridded(g, new_rows, numbers, origins, ("id", "amount"))) is None:
            out.append((g, lay))
            continue
        out.append(rewritten)
        notes.append((f"工作表“{g.sheet}”" if g.sheet else "") + f"一户一行、各成员金额分列（{'、'.join(slots)} 号成员），"
                     "已按各成员的金额逐人读取" + (f"，“{'、'.join(lay.said(c) for c in sorted(totals))}”列（全户合计）不再计入"
                                                   if totals else "")
                     + ("；成员金额列按表头所写单位（" + "、".join(dict.fromkeys(
                         next(u for u, v in YUAN_PER.items() if v == per) for per in units.values()))
                        + "）折算为元" if scaled and any(per != 1.0 for per in units.values()) else ""))
    return out, origins, notes


def _regridded(g, new_rows: list[list], numbers: list[tuple[int, int]], origins: dict[int, np.ndarray],
               needs: tuple[str, ...]) -> tuple | None:
    """A sheet rewritten as ``new_rows`` (members' shares unfolded, 元 | 角 | 分 joined) as a grid and its layout, its
    rows' numbers in the spreadsheet kept in ``origins`` (by ``id`` of the grid; ``numbers``: (new row, old row) pairs,
    composed with those of the grid it replaces); None when the rewritten sheet does not read with the ``needs`` fields.
    """
    grid = Grid(g.path, g.sheet, new_rows, 1, [], g.fmt, list(g.notes), g.note_sheet)
    layout = find_layout(grid, KIND)
    if layout is None or not set(needs) <= set(layout.mapping):
        return None
    at = np.zeros(len(new_rows) + 2, dtype=np.int64)
    before = origins.pop(id(g), None)  # (the grid it replaces is read no more)
    for new, old in numbers:
        at[new] = old if before is None else before[old]
    origins[id(grid)] = at
    return grid, layout


# a year book's 13th month (13月, 第十三月): no month of the year
_THIRTEENTH = re.compile(r"^(第)?(13|十三)(月|月份)")


def _title_line(row: list) -> bool:
    """Whether a row above a header is a title or unit line (one or two cells), not an upper header row."""
    return sum(bool(text(c).strip()) for c in row) <= 2


# An amount written in three columns, 元 | 角 | 分 (under a merged 发放金额, or 金额（元） | 角 | 分)
_YUAN_LABEL = re.compile(r"^(.*?)[（(]?元[)）]?$")


def _yuan_jiao_fen(layout: Layout) -> tuple[int, int, int | None] | None:
    """The columns of an amount written as 元 | 角 | 分 side by side (the 分 may be missing), or None."""
    labels = layout.labels
    for c, label in enumerate(labels[:-1]):
        m = _YUAN_LABEL.match(label or "")
        stem = "(?:" + re.escape(m.group(1)) + ")?" if m else ""  # (角 | 分 written alone beside 金额（元）)
        if not m or not re.fullmatch(stem + r"[（(]?角[)）]?", labels[c + 1] or ""):
            continue
        fen = c + 2 if c + 2 < len(labels) and re.fullmatch(stem + r"[（(]?分[)）]?", labels[c + 2] or "") else None
        return c, c + 1, fen
    return None


def _in_yuan(raw: object, per: float) -> object:
    """A share cell in yuan (its column's unit ``per``), the cell as it was when blank or unreadable."""
    amount = money(raw)
    return raw if amount is None or per == 1.0 else round(amount * per, 2)


def _shares_off(shares: list[tuple], totals: list) -> bool:
    """Whether a household row's member shares cannot be read as its payments: a member with an ID and no readable
    amount, a share below zero (h464: -400 beside 800 + 800 added up to the 1,200 total and was read as a member's
    payment taken back), or shares whose sum is not the row's total (to the yuan)."""
    paid = [money(a) for _n, pid, a in shares if text(pid).strip()]
    if any(a is None or a < 0 for a in paid):
        return True
    total = next((t for t in (money(c) for c in totals if text(c).strip()) if t is not None), None)
    return bool(paid) and total is not None and abs(sum(paid) - total) > 1.0


def _amounts_joined(sheets: list) -> tuple[list, dict[int, np.ndarray], list[str]]:
    """Return a workbook's sheets with an amount written in 元 | 角 | 分 columns read as one amount in yuan.

    Held-out h459: a 特困 ledger's 发放金额 merged over 元 | 角 | 分 was read by its 元 column alone ("第 11 列“发放金额元”
    和第 12 列“发放金额角”都像是金额列，已按第 11 列读取"), every 角 and 分 lost.

    Args:
        sheets: the file's (grid, layout) pairs.
    Returns:
        (the pairs to read, the new grids' row numbers → the spreadsheet's (by ``id`` of the grid), notes).
    """
    out, origins, notes = [], {}, []
    for g, lay in sheets:
        cols = _yuan_jiao_fen(lay)
        if cols is None:
            out.append((g, lay))
            continue
        yuan_col, jiao_col, fen_col = cols
        gone = {jiao_col} | ({fen_col} if fen_col is not None else set())
        width = max(len(lay.labels), max((len(r) for r in g.rows), default=0))
        keep = [c for c in range(width) if c not in gone]
        rows = [list(r) + [""] * (width - len(r)) for r in g.data_rows(0)]
        header, new_rows, numbers, odd, fraction = lay.start - 1, [], [], 0, 0
        for k, row in enumerate(rows):
            if k < header and not _title_line(row):
                continue  # (the upper header row: 发放金额 over the three)
            if k == header:
                stem = _YUAN_LABEL.match(lay.labels[yuan_col]).group(1) or "金额"
                new_rows.append([f"{stem}（元）" if c == yuan_col else lay.said(c) for c in keep])
            elif k > header:
                parts = [row[c] if c is not None else "" for c in (yuan_col, jiao_col, fen_col)]
                read = [money(p) if text(p).strip() else 0.0 for p in parts]
                cell = row[yuan_col]
                if any(text(p).strip() for p in parts):
                    if None in read or any(v < 0 or v != int(v) for v in read[1:]) or any(v > 9 for v in read[1:]):
                        odd += 1  # (a 角 or 分 cell that is no single digit: the 元 cell alone, said)
                    elif read[0] != int(read[0]) and (read[1] or read[2]):
                        # a 元 cell with its own 角 and 分 (516.5) beside 5 角: which is the amount cannot be told (h464:
                        # 517.00 read, the 角 counted twice); the 元 cell alone, said
                        fraction += 1
                    else:
                        cell = round(read[0] + read[1] / 10 + read[2] / 100, 2)
                new_rows.append([cell if c == yuan_col else row[c] for c in keep])
            else:
                new_rows.append([row[c] for c in keep])
            numbers.append((len(new_rows), g.first_row + k))
        if (rewritten := _regridded(g, new_rows, numbers, origins, ("amount",))) is None:
            out.append((g, lay))
            continue
        out.append(rewritten)
        notes.append((f"工作表“{g.sheet}”的" if g.sheet else "") + f"金额分“{lay.said(yuan_col)}”“{lay.said(jiao_col)}”"
                     + (f"“{lay.said(fen_col)}”" if fen_col is not None else "") + "几列写，已合为一个金额（元）读取"
                     + (f"；其中 {odd} 行的角、分不是 0–9 的一位数，只按元读取，请核实" if odd else "")
                     + (f"；其中 {fraction} 行的元已带角、分（如 516.5）又另填了角、分，只按元读取，请核实" if fraction else ""))
    return out, origins, notes


# A file of a ledgers' folder named for its batches (发放批次.xlsx, 批次信息.csv) or as their summary (发放汇总.xlsx, 汇总表:
# held-out h459, a 批次号 | 资金项目 | 所属月份 table named 2026年4-6月发放汇总 was "找不到身份证号列", a quarter's details
# read with no month): read for the batches the detail files name by 批次号, no ledger itself (its content decides:
# a 批次号 beside a month, item or date and no payee)
BATCH_FILE_NAME = re.compile(r"批次|批号|汇总")


def batch_tables(files: list[Path], limits: Limits | None) -> tuple[dict | None, list[Path]]:
    """The batches of the batch files among some ledger files (named so, each sheet a 批次号 beside a month, item or
    payment date and no payee), joined, and those files (h455: a system's 发放批次.xlsx beside its 发放明细.xlsx was
    "找不到身份证号列", the details' quarter unread)."""
    tables, found = [], {"of": {}, "said": {}, "where": "", "clash": {}}
    for path in files:
        if not BATCH_FILE_NAME.search(path.stem):
            continue
        try:
            raw = read_file(path, KIND, limits)
        except InputFileError:
            continue
        if not raw.sheets or any(names_payees(lay.mapping) for _g, lay in raw.sheets):
            continue
        batches = _batch_sheets(raw.sheets)
        if not batches:
            continue
        part = _batch_rows(batches, f"《{path.name}》")
        if not part["of"]:
            continue
        for key in set(part["of"]) & set(found["of"]):  # (the first file's batch is read: said when they differ)
            _batch_clash(found["clash"], key, found["of"][key], part["of"][key])
        for key, ways in part["clash"].items():
            found["clash"].setdefault(key, ways)
        found["of"] = {**part["of"], **found["of"]}
        found["said"] = {**part["said"], **found["said"]}
        found["where"] = "、".join(w for w in (found["where"], part["where"]) if w)
        tables.append(path)
    return (found if tables else None), tables


# a bare month sheet's note on the year it was given (_sheet_month): the sheet, its month, how, the month read
_GUESSED_YEAR = re.compile(r"工作表“([^”]+)”的表名、标题、文件名只写了 (\d{1,2}) 月，没有写年份，(.+?)计为 (\d{4})-(\d{2})(?:；.*)?")


def _guessed_years_together(notes: list[str]) -> list[str]:
    """The notes of a workbook's bare month sheets (1月…6月) on how their year was taken, said once for the book where
    the first stood, each way with its months (held-out 396: a year book 1月…12月 naming no year, January–June filled,
    gave six notices that differed only in the month)."""
    found = {k: m for k, m in enumerate(_GUESSED_YEAR.fullmatch(n) for n in notes) if m}
    if len(found) < 2:
        return notes
    ways: dict[str, list] = {}
    for m in found.values():
        ways.setdefault(m.group(3), []).append(m)
    said = []
    for how, same in ways.items():
        months = sorted({f"{m.group(4)}-{m.group(5)}" for m in same})
        index = [int(m[:4]) * 12 + int(m[5:]) for m in months]
        run = len(months) > 3 and index[-1] - index[0] == len(months) - 1
        said.append(f"{how}计为 " + (f"{months[0]}至{months[-1]}（{len(months)} 个月）" if run else "、".join(months)))
    year = max(int(m.group(4)) for m in found.values()) + 1
    note = ("工作表" + "".join(f"“{m.group(1)}”" for m in found.values()) + "的表名、标题、文件名只写了月份，没有写年份，"
            + "；".join(said) + f"；如不是，请在文件名中写明年份（如“{year}年发放台账”）后重新运行")
    first = min(found)
    return [note if k == first else n for k, n in enumerate(notes) if k == first or k not in found]


# A sheet summing the workbook's other sheets (季度汇总, 合计表): its name or title says so
_SUMMARY = re.compile(r"汇总|合计|统计|总表|小计")
# what a sheet named a summary and naming no one lacks, said as what it is
SUMMARY_ONLY = "逐人的身份证号、姓名（像是按乡镇等合计的汇总表，不是逐人发放明细）"


def _summaries_apart(frames: list[pd.DataFrame], sheets: list[str], titles: list[str]) -> tuple[list[pd.DataFrame], list[str]]:
    """A workbook's summary sheet (季度汇总: a row per household, 7月/8月/9月) beside its months' own sheets is no second
    payment (held-out 155: 165 households 重复发放 at 高): left out, said, when each month it names has another sheet
    of the workbook (not named a summary) paying it."""
    if len(frames) < 2:
        return frames, []
    months = [{month(c) or c for c in pd.unique(np.asarray(f["month"], dtype=object)) if c} if "month" in f.columns else set()
              for f in frames]
    named = [bool(_SUMMARY.search(f"{sheet} {title}")) for sheet, title in zip(sheets, titles)]
    paid = set().union(*(m for m, n in zip(months, named) if not n))
    kept, said = [], []
    for frame, sheet, m, n in zip(frames, sheets, months, named):
        if n and m and m <= paid:
            span = f"{min(m)}至{max(m)}" if len(m) > 1 else min(m)
            said.append(f"工作表“{sheet}”是汇总表（{span} 各月已有明细工作表），未重复计入")
            continue
        kept.append(frame)
    return kept, said


# A roster's columns: with no month anywhere, a file showing two of them is a roster given as --payments.
_ROSTER_MARKS = ("benefit", "relation", "household_size", "support_mode", "area_type")


def _names_months(frame: pd.DataFrame) -> bool:
    """Whether some row's 资金项目 or 摘要/备注 names its month ('2026年7月低保金'), as :func:`normalise_payments` reads it."""
    for name in ("item", "remark"):
        if name in frame.columns:
            cells = pd.unique(np.asarray(frame[name], dtype=object))
            if any("年" in str(c) and _ITEM_MONTH.search(str(c)) or month_span(str(c)) or item_month(c) for c in cells if c):
                return True
    return False


# A roster's own words in its name or title, and the words of a payment table (a month's 发放花名册 is a ledger).
_ROLL_NAMED = re.compile(r"花名册|名册")
_PAID_NAMED = re.compile(r"发放|拨付|代发|明细|台账|资金|打卡|支付|发款|领取")


def _roll_for_a_span(path: Path, titles: list[str], frame: pd.DataFrame) -> bool:
    """Whether a file whose months come from its name or title alone is a roster of a period, not a payment table: the
    name or title says 花名册 and nothing of paying, and every row is of a span of months (a quarter's 花名册 given to
    --payments was read as every household paid its 月保障金 each month of the quarter: F01 高 and sums to recover)."""
    named = f"{path.stem} {' '.join(t for t in titles if t)}"
    if not _ROLL_NAMED.search(named) or _PAID_NAMED.search(named):
        return False
    return all("至" in str(m) for m in pd.unique(np.asarray(frame["month"], dtype=object)))


def _refuse_roster(path: Path, headers: list[list[str]], named: bool = False) -> None:
    """Refuse a file given as a ledger that names no month (or, ``named``, whose name or title says it is a 花名册 of a
    period) and shows a roster's columns (月保障金, 与户主关系 …)."""
    for labels in headers:
        roster = assign(labels, "roster")
        marks = [labels[roster[f]] for f in _ROSTER_MARKS if f in roster]
        if len(marks) >= 2 and named:
            raise InputFileError(path, f"看起来是花名册（文件名或标题写的是花名册，有“{marks[0]}”“{marks[1]}”等列，没有发放月份列），"
                                       "不是资金发放明细：按花名册读作发放，每户会被当作该时期每月都已发放。花名册请写在命令开头"
                                       "（选项之前）；资金发放明细请用银行或财政的发放文件（有所属月份、发放金额、发放结果等列）。")
        if len(marks) >= 2:
            raise InputFileError(path, f"看起来是花名册（有“{marks[0]}”“{marks[1]}”等列，没有发放月份），不是资金发放明细。"
                                       "花名册请写在命令开头（选项之前）；如果这是某月的发放表，请在文件名或表名中写明月份"
                                       "（如“2025年7月”）后再用 --payments 指定。")


# A column naming the care home a sum is paid to (机构名称, 供养机构, 收款单位): a ledger of institutions, not people.
_INSTITUTION_LABEL = re.compile(r"机构|敬老院|福利院|养老院|收款单位|单位名称")
# the care home column io.columns reads as a 拨付汇总's holder when it has no 收款单位 (h433)
_HOME_COLUMN = re.compile(r"(集中)?供养(服务)?机构(名称)?")


def names_payees(mapping: dict[str, int]) -> bool:
    """Whether a sheet's columns say who is paid: an ID (the payee's or the head's), or an account with its holder."""
    return "id" in mapping or "head_id" in mapping or ("bank_account" in mapping and ("holder" in mapping or "name" in mapping))


def _names_people(mapping: dict[str, int]) -> bool:
    """Whether a sheet's columns name the persons paid (an ID, the head's ID, or a name), not only an account's holder."""
    return "id" in mapping or "head_id" in mapping or "name" in mapping or "head_name" in mapping


def _homes_as_payees(layout: Layout) -> Layout | None:
    """A care homes' 拨付汇总 with no residents' sheet beside it (供养机构 | 基本生活费 | 照料护理费 | 拨付金额合计 | 收款账号 |
    收款单位) read as each home's payments: 收款单位, else the 供养机构 column, as the account's holder, its item columns
    melted as any such sheet's (基本生活费 the benefit, 照料护理费 other money, 拨付金额合计 no payment); None when no
    column names the home (h433: the sheet was dropped, so a dead resident's share in the lump went unseen).

    Args:
        layout: the sheet's layout (no ID or name column).
    Returns:
        The layout with the home as ``holder``, or None.
    """
    if "holder" in layout.mapping:
        return layout
    used = set(layout.mapping.values())
    col = next((c for c, label in enumerate(layout.labels) if c not in used and _INSTITUTION_LABEL.search(label)
                and not re.search(r"代码|编码|编号|类[别型]|人数|地址|电话|账号|帐号", label)), None)
    if col is None:
        return None
    return replace(layout, mapping={**layout.mapping, "holder": col})


def care_homes_table(labels: list[str]) -> bool:
    """Whether a sheet's header names the care home a sum is paid to (a 集中供养经费拨付表: read as no person's rows)."""
    return any(_INSTITUTION_LABEL.search(label) for label in labels)
_NO_REASON = frozenset(("无", "-", "/", "—", "0", "成功", "正常"))


def normalise_payments(frame: pd.DataFrame) -> pd.DataFrame:
    """Type the raw payment rows: IDs, names, accounts, months, amounts (see :data:`COLUMNS`).

    Each distinct cell of a column is typed once (a city's year of ledgers repeats each payee's cells every
    month), and the text columns come out coded (pandas Categoricals whose categories are the typed values): no
    column of millions of Python references is built here, and :func:`factorized` numbers rows by the codes.

    Args:
        frame: raw rows of one or several ledgers.
    Returns:
        The normalised frame: an unreadable amount is NaN (the ledger counts the row as not paid); when no row has a
        readable amount, no row is kept.
    """
    frame = _amounts_with_words(frame)
    n = len(frame)
    memo: dict[str, tuple[np.ndarray, list] | None] = {}
    wide: dict[str, np.ndarray] = {}  # a coded column's codes as intp, made once for the callers that compute with them

    def judged(name: str, fn, many: bool = False, narrow: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(``fn`` of each distinct cell of a column, each row's code): a column the ledgers lack is judged once in all,
        a column with an unhashable cell cell by cell. ``many``: ``fn`` takes a list of cells. ``narrow``: the codes
        may stay as the reader keeps them (int8 for a few categories: only indexed with, never computed on), with no
        copy of millions of rows as intp."""
        each = fn if many else (lambda cells: [fn(v) for v in cells])
        if name not in frame.columns:
            return object_array(each([None])), np.zeros(n, dtype=np.int8 if narrow else np.intp)
        if name not in memo:
            memo[name] = _distinct(frame[name], narrow=True)
        if memo[name] is None:
            return object_array(each([_none(v) for v in frame[name].tolist()])), np.arange(n)
        codes, uniques = memo[name]
        if not narrow and codes.dtype != np.intp:
            if name not in wide:
                wide[name] = codes.astype(np.intp)
            codes = wide[name]
        return object_array(each(uniques)), codes

    def coded(name: str, fn, many: bool = False) -> pd.Categorical:
        return _coded(*judged(name, fn, many, narrow=True))

    def id_numbers(name: str, births: bool = True) -> tuple[pd.Categorical, pd.Categorical, pd.Series, pd.Series | None]:
        """:func:`ids.id_numbers` of each distinct cell: the ID, its status, reliable digits and birth date per row
        (None without ``births``)."""
        cells, codes = judged(name, _none, narrow=True)
        typed = _typed_ids(frame, name) or ids.id_numbers(cells.tolist())
        value, status, reliable, birth = (object_array(part) for part in typed)
        # a bank's masked ID (410523********1934) names nobody (held-out 140: two payees sharing one masked ID were one
        # payee paid twice): no ID, the raw cell kept for the digits it shows (_money._masked_payees)
        listed = cells.tolist()
        texts = "\0".join(c for c in listed if isinstance(c, str))
        if "*" in texts or "＊" in texts:  # (no mask mark in any cell: none masked, no cell looked at alone)
            value[np.asarray([masked_digits(c) for c in listed], dtype=bool)] = ""
        return (_coded(value, codes), _coded(status, codes), _inferred(reliable, codes),
                _inferred(birth, codes) if births else None)

    cols: dict[str, object] = {"_file": coded("_file", _blank_none), "_sheet": coded("_sheet", _blank_none),
                               "_row": frame["_row"].astype(int).to_numpy(), "_col": coded("_col", texts, True)}
    cols["id"], cols["id_status"], cols["id_reliable"], cols["birth"] = id_numbers("id")
    cols["id_raw"] = coded("id", texts, True)
    # whether the ID cell was text: an ID ending in 000 in a text cell may only have been a number once (held-out 231)
    typed, at = judged("id", lambda v: type(v) is str, narrow=True)
    cols["id_text"] = typed.astype(bool)[at]
    cols["head_id"], cols["head_id_status"], cols["head_id_reliable"], _ = id_numbers("head_id", births=False)
    for fld in ("former_id", "head_former_id", "proxy_id"):  # a 原身份证号 column, the payee's or the head's
        # (_money_former_ids); a 代领人身份证号 (f_account._officials)
        if fld in frame.columns:
            cols[fld], cols[fld + "_status"], _, _ = id_numbers(fld, births=False)
    if "proxy_id" in frame.columns:  # a 15-digit 一代证 has no check character: its upgrade is valid by construction, so a
        # mistyped digit goes unseen (f_account._official_proxies: a lead, never 高)
        old, at = judged("proxy_id", lambda v: bool(ids.old_digits(v)))
        cols["proxy_id_old"] = old.astype(bool)[at]
    if "amount_step" in frame.columns:  # amounts of a sheet in 万元 exact to the yuan only (_amount_step)
        steps, at = judged("amount_step", lambda v: float(v) if isinstance(v, (int, float)) and v == v else 0.0)
        cols["amount_step"] = steps.astype(float)[at]
    for fld in ("name", "head_name", "holder", "proxy_name", "guardian_name", "trustee_name"):  # (a name's key made from its text, each distinct cell's made once)
        if fld in ("proxy_name", "guardian_name", "trustee_name") and fld not in frame.columns:
            continue
        written, codes = judged(fld, texts, True, narrow=True)
        keys = object_array([person_name(t) for t in written.tolist()])
        cols[fld], cols[fld + "_key"] = _coded(written, codes), _coded(keys, codes)
    _name_damaged_payees(cols)
    # the name a row's payee is linked with: its own, else its account holder's, else the head's where the row is the
    # head's (a per-household ledger's 户主姓名 beside the row's ID and no 户主身份证号, or beside the head's ID alone; not a
    # member's row naming her head): held-out 316, a head whose roster ID a number format cut was "不在花名册中", the
    # quarterly files' 户主姓名 never compared; held-out 322, rows naming the head by name alone and rows by his ID were
    # two payees on no roster sharing one account (F07 中 ×2)
    keys = _or(cols["name_key"], cols["holder_key"])
    blank = np.flatnonzero(np.append(np.asarray(keys.categories, dtype=object) == "", True)[keys.codes])
    if len(blank):  # (only the rows naming neither: a city's ledgers, all named, pay for nothing here)
        own_id, head_id = _cells(cols["id"], blank), _cells(cols["head_id"], blank)
        head_only = (head_id == "") | (own_id == "") | (own_id == head_id)
        fill = np.full(len(blank), "", dtype=object)
        fill[head_only] = _cells(cols["head_name_key"], blank[head_only])
        cells = _cells(keys)
        cells[blank] = fill
        keys = _coded(cells, np.arange(len(cells)))
    cols["link_key"] = keys
    # an account a bank masked keeps its mask (6228****5678): its shown digits, where they stand, tell whose it may be;
    # one a number format cut to 15 digits (its zeros are no digits of it) or a bank masked is never compared as one
    # account (account_losses: digits_lost, and masked_digits of those, the masked said apart)
    accounts, codes = judged("bank_account", _accounts, True, narrow=True)
    cols["bank_account"] = _coded(object_array([a for a, _ in accounts.tolist()]), codes)
    losses = np.array([loss for _, loss in accounts.tolist()], dtype=object)
    cols["account_cut"], cols["account_masked"] = (losses != "")[codes], (losses == "masked")[codes]
    for fld in ("item", "status", "remark", "programme", "township", "village", "county"):
        cols[fld] = coded(fld, texts, True)
    if "fail_reason" in frame.columns:  # a reason for failing written in: the row failed, whatever its status says
        reasons = _cells(coded("fail_reason", texts, True))
        statuses = _cells(cols["status"])
        cols["status"] = pd.Categorical([f"{s or ''}（失败原因：{r}）" if r and r not in _NO_REASON else s
                                         for s, r in zip(statuses.tolist(), reasons.tolist())])
    cols["month_source"] = coded("month_source", lambda s: s or "")
    for fld, fn in (("amount", _amount), ("due", _amount), ("paid_date", date), ("covered_size", count)):
        cols[fld] = _inferred(*judged(fld, fn, narrow=True))
    if "deduction" in frame.columns:  # (a 扣款金额 column: F05 compares 应发 where 应发 − 扣款 = 实发)
        cols["deduction"] = _inferred(*judged("deduction", _amount, narrow=True))
    if "household_no" in frame.columns:  # a system export's 家庭编号 (金民工程): the roster's household when no ID links
        cols["household_no"] = coded("household_no", texts, True)  # (_money._numbered_payees; h491)
    unread, at = judged("amount", _amount_unread, narrow=True)
    if unread.any():  # (an amount written that no reading takes: no month unpaid, said by F06; h471)
        cols["amount_unread"] = pd.Series(np.where(at >= 0, unread.astype(bool)[np.maximum(at, 0)], False))
    mapped, codes = judged("month", month)
    months = None  # each row's month as a cell, made only when some row's month is not its cell's
    if "year" in frame.columns:  # 'year' + bare month cells ('7', '7月') in a long ledger
        years = _cells(judged("year", lambda v: _year_named(text(v))))
        # ('7-9月' is no September: a span, below)
        bare = _cells(judged("month", lambda v: "" if bare_month_span(text(v)) else
                             _bare_month(text(v) + ("月" if text(v).isdigit() else ""))))
        # a bare month is that month of the year column's year (never an Excel serial: month('7') is 1900-01)
        months = object_array([f"{y}-{b}" if y and b else m for m, y, b in zip(mapped[codes].tolist(), years, bare)])
    # When the month came from the sheet or the payment date: back pay named in the item or remark (补发6月), or the
    # month an item names (a bank file's 摘要 '2026年1月低保金', paid in February).
    # A month column's month gives way only to back pay its remark names for other months (所属期 2025年6月 beside
    # 补发3-5月: the batch's month, paying March to May).
    by_column = np.asarray(cols["month_source"] == "列")
    spans, span_codes = judged("month", month_span)  # a cell naming several months (所属期 2025年7-9月)
    if "year" in frame.columns:  # '7-9月', '三季度' beside 年度 2026: the span in that row's year (held-out 368: 7-9月 was
        # September at three times the amount)
        bare_spans, bare_codes = judged("month", lambda v: bare_month_span(text(v)))
        at = np.flatnonzero(np.fromiter((bool(b) for b in bare_spans.tolist()), dtype=bool, count=len(bare_spans))[bare_codes])
        if len(at):
            spans, span_codes = spans[span_codes], np.arange(n)
            for r, (first, last), y in zip(at.tolist(), bare_spans[bare_codes[at]].tolist(), np.asarray(years, dtype=object)[at].tolist()):
                if y:
                    spans[r] = tuple(f"{int(y) + (first - 1 + k) // 12:04d}-{(first - 1 + k) % 12 + 1:02d}"
                                     for k in range((last - first) % 12 + 1))
    if batched := _batch_spans(spans, span_codes, cols["paid_date"], cols["link_key"], cols["item"], cols["_file"]):
        # a span under which each payee is paid month by month: each row is its payment date's month (its remark's
        # back pay below); held-out 400: 所属期 '2026年第1季度' on each month's file made three files one repeated month
        spans, span_codes = spans[span_codes], np.arange(n)
        months = mapped[codes] if months is None else months
        for r, paid_month in batched.items():
            spans[r], months[r] = None, paid_month
    rows = np.flatnonzero(~by_column | _said(cols["remark"], BACK_PAY_WORDS) | _said(cols["item"], BACK_PAY_WORDS))
    if len(rows):  # a wide sheet's month cell is its column's month: the row's remark is no cell's (held-out 293: "4月补发3月"
        # beside 1月…12月 made every month's cell March's back pay, F04 高 12,600 and F06 15,400)
        headed = by_column[rows] & np.fromiter((bool(c) for c in _cells(cols["_col"], rows)), dtype=bool, count=len(rows))
        rows = rows[~headed]
    named_spans: dict[int, tuple[str, ...]] = {}  # rows whose item or remark names several months (2026年7-9月)
    both: list[tuple[int, str, str, bool]] = []  # rows paying a month back beside their own, perhaps (9月冻结，10月补发9月)
    worded: list[int] = []  # rows whose month their item or remark says, not the sheet or the payment date
    # the month written beside the item's words in a bank's 摘要 or a remark ('低保金202607', '补发低保金202606'): the
    # month it is for, not the file's (held-out 215: June's back pay paid in September was F04 高)
    beside = [_per_cell(cols[fld], item_month) for fld in ("item", "remark")]
    if len(rows):
        items = _cells(cols["item"], rows).tolist()
        notes = [f"{i} {r}" for i, r in zip(items, _cells(cols["remark"], rows))]
        said = [a or b for a, b in zip(*(_cells(b, rows).tolist() for b in beside))]
        for r, item, note, item_said in zip(rows.tolist(), items, notes, said):
            m = mapped[codes[r]] if months is None else months[r]
            ref = m  # (a sheet's span or a later payment dates its bare back pay: 补发2月 paid in March of a Q1 file)
            if not by_column[r] and m:
                ref = spans[span_codes[r]][-1] if spans[span_codes[r]] else m
                paid = cols["paid_date"].iat[r]
                if isinstance(paid, dt.date) and (month(paid) or "") > ref:
                    ref = month(paid)
            back = back_pay_months(note, ref)
            if by_column[r]:
                if spans[span_codes[r]]:  # the cell names its months itself (所属期 2025年3-5月)
                    continue
                paid = cols["paid_date"].iat[r]  # the year of '补发3-5月' as of the later of the month and the payment
                if isinstance(paid, dt.date) and (month(paid) or "") > m:
                    back = back_pay_months(note, month(paid))
                if back and m not in back:
                    months = mapped[codes] if months is None else months
                    months[r] = back[0]
                    if len(back) > 1:
                        named_spans[r] = back
                continue
            span = month_span(note) if "月" in note or "季" in note or _QUARTER_CODE.search(note) else None
            if not span and not back and m and ("月" in note or "季" in note or "Q" in note.upper()):
                span = _bare_span_near(note, ref)  # '三季度低保金', '低保金（7-9月）': the span nearest the row's month
            if span or len(back) > 1:
                named_spans[r] = span or back
                worded.append(r)
                continue
            if back:
                named = back[0]
                if m and back[0] != m:  # (a row naming only the month back paid: its own month too if twice the usual)
                    both.append((r, back[0], m, bool(_OWN_TOO.search(note.replace(f"{int(m[5:7])}月", "\0", 1)))))
            else:
                named = {f"{y}-{int(mm):02d}" for y, mm in _ITEM_MONTH.findall(item)} if "年" in item else ()
                named = named.pop() if len(named) == 1 else item_said[0] if item_said else None
            if named:
                worded.append(r)
            named = named or m
            if named != m:
                months = mapped[codes] if months is None else months
                months[r] = named
    item_said, item_codes = beside[0]
    if any(item_said[:-1]):  # the item is its words without the month ('低保金': one item however many months)
        cells = [*cols["item"].categories.tolist(), None]
        cols["item"] = _coded(object_array([said[1] if said else c for c, said in zip(cells, item_said.tolist())]),
                              item_codes)
    if both:  # (after the items lose their months: a payee's usual amount is its item's, '2025年12月低保金(含11月补发)' 低保金's)
        for r, span in _with_own_month(cols, both, mapped[codes] if months is None else months).items():
            named_spans[r] = span
    if "item" in frame.columns and len(cols["item"].categories):
        # … and without the span of months it names ('三季度低保金', '低保金2026Q1', '2026年7-9月低保金': 低保金, one item with
        # the monthly rows; held-out 368: a 补发2月 row beside '低保金2026Q1' was another item, its duplicate unseen)
        cells = cols["item"].categories.tolist()
        bare = [_without_span(c) for c in cells]
        if bare != cells:
            cols["item"] = _coded(object_array([*bare, None]), np.asarray(cols["item"].codes, dtype=np.intp))
    if worded:  # (so a 提标补差 row whose month is only its sheet's is told apart: f_amounts._placed_back_pay)
        sources = np.asarray(cols["month_source"], dtype=object)
        sources[worded] = "备注"
        cols["month_source"] = pd.Categorical(sources)
    out = pd.DataFrame(cols, copy=False)
    if "month" in frame.columns:  # a row for several months at once (所属期 2025年7-9月, 2025年第3季度): one per month
        if named_spans:  # … or a sheet's row whose remark names them
            spans = spans[span_codes]
            for r, span in named_spans.items():
                spans[r] = span
            span_codes = np.arange(len(spans))
        out, months = _spread(out, mapped, codes, months, spans, span_codes)
    if "parts" not in out.columns:
        out["parts"] = np.ones(len(out), dtype=np.int8)  # no row spread
    out["month"] = _coded(mapped, codes) if months is None else _coded(months, np.arange(len(months)))
    amounts = out["amount"]
    if amounts.dtype.kind != "f":
        out = out[np.array([isinstance(a, float) for a in amounts.tolist()], dtype=bool)].reset_index(drop=True)
    return plain_text(out[COLUMNS + [c for c in (*FORMER_COLUMNS, *PROXY_COLUMNS, "amount_step", "amount_unread",
                                                   "deduction", "household_no") if c in out.columns]])


# An amount cell that says nothing was paid ('-', '—', '/', '无', '未发', '停发' …): read as no payment, as a blank one
_NOTHING_PAID = re.compile(r"[-—–_/\\.。·×xX*0０\s]*|无|未发放?|停发|暂停(?:发放)?|不发|未领取?|未到账|未支付|取消|作废|空")
# An amount in Chinese numerals (大写 壹仟贰佰叁拾元, 小写 一千二百三十元): no ASCII digit, a numeral and a place or 元
_CN_AMOUNT_CELL = re.compile(r"^[^0-9]*[壹贰叁肆伍陆柒捌玖一二三四五六七八九两][^0-9]*[拾佰仟万十百千元圆块][^0-9]*$")


def _amount(raw: object) -> float | None:
    """A ledger's amount cell in yuan (:func:`money`), or one written in Chinese numerals ('壹仟贰佰叁拾元', '伍佰元整':
    h471, read as nothing paid — 应发未发 at 高 of a month paid)."""
    value = money(raw)
    if value is None and isinstance(raw, str) and _CN_AMOUNT_CELL.match(raw.strip()):
        value = money(cn_amounts(raw.strip()))
    return value


def _amount_unread(raw: object) -> bool:
    """Whether an amount cell is written but says no amount ('待定', '见附表', '壹仟贰佰叁拾圆零角' misread): not a month
    unpaid — nothing tells whether it was paid (h471: such rows were 应发未发 at 高)."""
    if raw is None or isinstance(raw, (bool, int, float)) or _amount(raw) is not None:
        return False
    cell = unicodedata.normalize("NFKC", str(raw)).strip()
    return bool(cell) and cell.lower() not in ("nan", "none", "null", "#n/a") and not _NOTHING_PAID.fullmatch(cell)


# An amount cell with words after it: '-1,548 扣回4-6月多发', '516（补发3月）' (the words not a date's 年, 月, 日)
_AMOUNT_THEN_WORDS = re.compile(r"\s*([-−+]?\s*[￥¥]?\s*[-−]?\d[\d,，]*(?:\.\d+)?)\s*元?(?:\s+|\s*[（(])"
                                r"(?![年月日号])([\u4e00-\u9fff].*?)[)）]?\s*$")


def _amounts_with_words(frame: pd.DataFrame) -> pd.DataFrame:
    """Read an amount cell written with words after it (a deduction '-1,548 扣回4-6月多发') as its number, the words joined
    to the row's 备注 (held-out 339: the month span made the cell a date to :func:`money`, the deduction was no row and
    the F01 it had recovered was listed in full). Other cells are left as they are."""
    if "amount" not in frame.columns or frame.empty:
        return frame
    distinct = _distinct(frame["amount"])
    if distinct is None:
        return frame
    codes, uniques = distinct
    split = {k: m for k, cell in enumerate(uniques)
             if isinstance(cell, str) and (m := _AMOUNT_THEN_WORDS.fullmatch(cell))}
    if not split:
        return frame
    rows = np.flatnonzero(np.isin(codes, list(split)))
    frame = frame.copy()
    amounts = frame["amount"].astype(object)
    remarks = (frame["remark"].astype(object) if "remark" in frame.columns
               else pd.Series("", index=frame.index, dtype=object))
    for r in rows.tolist():
        m = split[int(codes[r])]
        amounts.iat[r] = m.group(1).replace("−", "-").replace(" ", "")
        said = _none(remarks.iat[r])
        remarks.iat[r] = f"{said}；{m.group(2)}" if said and str(said).strip() else m.group(2)
    frame["amount"], frame["remark"] = amounts, remarks
    return frame


def _accounts(cells: list) -> list[tuple[str, str]]:
    """(The account as compared, how it lost digits: :func:`account_losses`) of each of a column's distinct cells: a
    masked account as :func:`masked_account` writes it, any other as its :func:`digits`."""
    return [(masked_account(v) if loss == "masked" else digits(v), loss) for v, loss in zip(cells, account_losses(cells))]


def _per_cell(column: pd.Categorical, fn) -> tuple[np.ndarray, np.ndarray]:
    """(``fn`` of each distinct cell of a coded text column, then of a missing cell; each row's code), as
    :func:`_cells` takes them."""
    return object_array([fn(c) for c in column.categories] + [fn(None)]), column.codes


def _said(column: pd.Categorical, words: tuple[str, ...]) -> np.ndarray:
    """Per row: whether a coded text column's cell holds one of some words (each distinct cell judged once)."""
    return np.append(np.array([any(w in str(c) for w in words) for c in column.categories], dtype=bool),
                     False)[column.codes]


def _blank_none(value):
    """A cell as it is, a missing one as ''."""
    return "" if value is None else value


def _coded(mapped: np.ndarray, codes: np.ndarray) -> pd.Categorical:
    """Rows' typed cells (``mapped[codes]``) as a Categorical whose categories are the distinct results (typing
    may merge distinct cells); a missing result (None) is a missing cell."""
    at, distinct = pd.factorize(mapped)
    if len(at) == len(distinct) and (at == np.arange(len(at))).all() and (not len(codes) or codes.min() >= 0):
        at = None  # every result distinct and no missing cell: the cells' own codes
    # (pd.factorize's distinct values are distinct and never missing: the dtype made without hashing them again)
    return pd.Categorical.from_codes(codes if at is None else at[codes],
                                     dtype=_distinct_categories(pd.Index(distinct, dtype=object)))


def _cells(column, rows: np.ndarray | None = None) -> np.ndarray:
    """Some rows' cells (all rows': None) as objects, of a Categorical (a missing cell is None) or of (distinct values,
    each row's code) as :func:`normalise_payments` judges them (code -1: the last value, a missing cell's)."""
    if isinstance(column, pd.Categorical):
        column = np.append(np.asarray(column.categories, dtype=object), None), column.codes
    values, codes = column
    return values[codes if rows is None else codes[rows]]


def _or(first: pd.Categorical, other: pd.Categorical) -> pd.Categorical:
    """Each row's cell of ``first``, or of ``other`` where that is blank."""
    blank = np.flatnonzero(np.append(np.asarray(first.categories, dtype=object) == "", True)[first.codes])
    if not len(blank):
        return first
    cells = _cells(first)
    cells[blank] = _cells(other, blank)
    return _coded(cells, np.arange(len(cells)))


def _name_damaged_payees(cols: dict) -> None:
    """A damaged ID links by name and its surviving digits: a payee named only as the household's head (户主姓名 beside
    the row's own ID, a per-household ledger) or only as the account's holder (a bank file's 户名) is so named."""
    status = cols["id_status"]
    damaged = ~np.isin(np.asarray(status.categories, dtype=object), [ids.VALID, ids.MISSING])
    rows = np.flatnonzero(np.append(damaged, False)[status.codes])
    if not len(rows):
        return
    head = _cells(cols["head_id"], rows)
    rows = rows[(head == "") | (head == _cells(cols["id"], rows))]  # not a member's row
    for source in ("head_name", "holder"):
        take = rows[(_cells(cols["name"], rows) == "") & (_cells(cols[source], rows) != "")]
        for suffix in ("", "_key") if len(take) else ():
            cells = _cells(cols["name" + suffix])
            cells[take] = _cells(cols[source + suffix], take)
            cols["name" + suffix] = _coded(cells, np.arange(len(cells)))


# a remark saying a row pays its own month too: '含9月补发' (the sum holds it), or its own month named as when the back
# pay was made ('9月冻结，10月补发9月'; the row's own month is written \0 here)
_OWN_TOO = re.compile(r"含|\0\s*(?:份)?\s*(?:一并|合并|同时)?\s*补发")


def _with_own_month(cols: dict, rows: list[tuple[int, str, str, bool]], months: np.ndarray) -> dict[int, tuple[str, str]]:
    """Row → (the month back paid, its own month) of the rows given (row, the month back paid, its own month, whether
    its remark says it pays its own month too) whose amount is twice the payee's usual one (the amount most of its
    other rows are paid): '9月冻结，10月补发9月' on October's row of twice the amount pays September and October
    (held-out 393: the row was read as September's whole, F05 高 多发 in September and F06 in October). A remark naming
    only the month back paid ('补发3月' on April's row of twice the amount) says the same when the payee has no other row
    of the item in the row's own month (held-out 396: March 多发 at 高 and April 应发未发). A row of one month's amount
    is the month back paid alone, as before."""
    amounts = np.asarray(cols["amount"], dtype=float)
    own, head = (np.where(np.append(np.asarray(cols[f].categories, dtype=object) != "", False)[cols[f].codes],
                          np.asarray(cols[f].codes, dtype=np.int64), -1) for f in ("id", "head_id"))  # ('' is no ID)
    key = np.where(own >= 0, own, np.where(head >= 0, -2 - head, np.iinfo(np.int64).min // 2))
    if isinstance(cols.get("item"), pd.Categorical):  # (the payee's usual amount of the row's item: not 物价补贴's)
        key = key * (len(cols["item"].categories) + 1) + np.asarray(cols["item"].codes, dtype=np.int64)
    rows = [(r, back, m, said) for r, back, m, said in rows if own[r] >= 0 or head[r] >= 0]
    wanted = {int(key[r]) for r, _, _, _ in rows}
    if not wanted:
        return {}
    skip = {r for r, _, _, _ in rows}
    usual: dict[int, Counter] = defaultdict(Counter)
    paid: set[tuple[int, str]] = set()  # (payee and item, month) of its other rows
    for r in np.flatnonzero(np.isin(key, list(wanted)) & np.isfinite(amounts)).tolist():
        if r not in skip:
            usual[int(key[r])][round(float(amounts[r]), 2)] += 1
            paid.add((int(key[r]), months[r]))
    out = {}
    for r, back, m, said in rows:
        ranked = usual.get(int(key[r]), Counter()).most_common(2)
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1] or ranked[0][0] <= 0:
            continue
        if not said and (int(key[r]), m) in paid:
            continue
        if abs(float(amounts[r]) - 2 * ranked[0][0]) <= 0.5:
            out[r] = tuple(sorted((back, m)))
    return out


def _batch_spans(spans: np.ndarray, span_codes: np.ndarray, paid: pd.Series, keys: pd.Categorical,
                 items: pd.Categorical, files: pd.Categorical) -> dict[int, str]:
    """Rows whose month cell names a span of months (所属期 '2026年第1季度', '202604-202606') that is only the batch's
    period: most payees under that span have rows paid in two or more of its months (a sum for the span is one row a
    payee). Each such row with a payment date inside the span is that date's month; a row without a payment date is
    the month its file's name names (一卡通资金发放清单_202602.xlsx).

    Returns:
        {row: its payment date's month} (empty when no span is so used).
    """
    lengths = np.array([len(s) if s else 0 for s in spans.tolist()] + [0], dtype=np.intp)
    at = np.flatnonzero(lengths[span_codes] > 1)
    if not len(at):
        return {}
    dates, distinct = pd.factorize(paid.iloc[at].to_numpy(dtype=object), use_na_sentinel=True)
    month_of = object_array([month(d) if isinstance(d, dt.date) else "" for d in distinct] + [""])
    paid_months = month_of[dates]
    undated = np.flatnonzero(paid_months == "")
    if len(undated):
        named = object_array([month_named(Path(str(f)).stem) for f in files.categories] + [""])
        paid_months[undated] = named[np.asarray(files.codes)[at[undated]]]
    row_spans = spans[span_codes[at]]
    inside = np.fromiter((bool(m) and m in s for m, s in zip(paid_months.tolist(), row_spans.tolist())), dtype=bool,
                         count=len(at))
    if not inside.any():
        return {}
    frame = pd.DataFrame({"span": span_codes[at], "key": np.asarray(keys.codes)[at], "item": np.asarray(items.codes)[at],
                          "paid": paid_months, "inside": inside})
    frame = frame[frame["key"] >= 0]
    per_payee = frame[frame["inside"]].groupby(["span", "key", "item"], sort=False)["paid"].nunique()
    monthly = (per_payee > 1).groupby(level="span").agg(["sum", "size"])
    batch = monthly.index[(monthly["sum"] >= 2) & (monthly["sum"] * 2 >= monthly["size"])]
    if not len(batch):
        return {}
    chosen = np.isin(span_codes[at], np.asarray(batch)) & inside
    return dict(zip(at[chosen].tolist(), paid_months[chosen].tolist()))


def _spread(out: pd.DataFrame, mapped: np.ndarray, codes: np.ndarray, months: np.ndarray | None,
            spans: np.ndarray, span_codes: np.ndarray) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Rows paying several months at once become one row per month, each with an equal part of the amount (the
    month a payment is for decides, and a quarter paid in one sum is three months' benefit).

    Returns:
        (the rows, each row's month as a cell, or None when no row was spread and ``months`` was None).
    """
    lengths = np.array([len(s) if s else 1 for s in spans.tolist()], dtype=np.intp)
    each = lengths[span_codes]
    if not len(each) or each.max() == 1:
        return out, months
    months = mapped[codes] if months is None else months
    rows = np.repeat(np.arange(len(out)), each)
    spread = out.iloc[rows].reset_index(drop=True)
    parts = np.repeat(each, each).astype(float)
    spread["parts"] = np.repeat(each, each).astype(np.int8)  # (the months its row's amount was split over, said)
    for fld in ("amount", "due", "deduction"):
        if fld not in spread.columns:
            continue
        amounts = spread[fld].to_numpy()
        spread[fld] = (amounts / parts if amounts.dtype.kind == "f"
                       else [a / k if isinstance(a, float) else a for a, k in zip(amounts.tolist(), parts.tolist())])
    spans = spans[span_codes]
    months = object_array([m for s, one in zip(spans.tolist(), months.tolist()) for m in (s or (one,))])
    return spread, months


def factorized(frame: pd.DataFrame, name: str) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` of a payments column (codes in order of first appearance, -1 for a missing cell, the
    distinct values), from a coded column's codes (:func:`normalise_payments`): no text hashed again.

    Args:
        frame: the payments (or rows of them).
        name: the column.
    Returns:
        (codes, distinct values), as ``pd.factorize(frame[name].to_numpy(dtype=object))`` gives them.
    """
    column = frame[name]
    if not isinstance(column.dtype, pd.CategoricalDtype):
        return pd.factorize(column.to_numpy(dtype=object))
    kept = column.cat.codes.to_numpy().astype(np.intp)
    n, size = len(kept), len(column.cat.categories)
    whole = not n or kept.min() >= 0  # no missing cell
    first = np.full(size, n, dtype=np.int64)  # each code's first row (n: none)
    if whole:
        first[kept[::-1]] = np.arange(n - 1, -1, -1)
    else:
        at = np.flatnonzero(kept >= 0)
        first[kept[at][::-1]] = at[::-1]
    order = np.flatnonzero(first < n)
    order = order[np.argsort(first[order], kind="stable")]  # the codes in order of first appearance
    if whole and (order == np.arange(len(order))).all():
        # the codes used are the first categories in order of first appearance (a month's files read in turn): each
        # code is its own rank, no array of every row's rank made
        return kept, np.asarray(column.cat.categories, dtype=object)[order]
    rank = np.full(size + 1, -1, dtype=np.intp)
    rank[order] = np.arange(len(order))
    return rank[kept], np.asarray(column.cat.categories, dtype=object)[order]  # kept -1: rank[-1], the extra -1


def cell_codes(frame: pd.DataFrame, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A payments column's cells as (each row's code, -1 for a missing cell; the distinct values), numbered in no
    particular order: a coded column's own codes and categories (a category may be no row's), else by
    ``pd.factorize`` (a column of numbers or flags on its own array, its values then as Python objects). For work
    that judges each distinct cell or groups equal cells; :func:`factorized` where the order of first appearance
    matters.

    Args:
        frame: the payments (or rows of them).
        name: the column.
    Returns:
        (codes, as narrow as the column keeps them: int8 for a few categories, so widen them before arithmetic;
        distinct values as objects).
    """
    column = frame[name]
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(), np.asarray(column.cat.categories, dtype=object)
    if column.dtype.kind in "biuf":  # (hashed as numbers: the same groups as the objects, a tenth of the time)
        codes, values = pd.factorize(column.to_numpy())
        return codes, values.astype(object)
    return pd.factorize(column.to_numpy(dtype=object))


def cells_at(frame: pd.DataFrame, name: str, rows: np.ndarray) -> np.ndarray:
    """Some rows' cells of a payments column as objects, as ``frame[name].to_numpy(dtype=object)[rows]`` gives them
    (a missing cell NaN), a coded column's taken from its categories: no object array of every row made for a few.

    Args:
        frame: the payments.
        name: the column.
        rows: positions.
    Returns:
        An object array, one cell per position.
    """
    column = frame[name]
    if isinstance(column.dtype, pd.CategoricalDtype):
        return np.append(column.cat.categories.to_numpy(dtype=object), np.nan)[column.cat.codes.to_numpy()[rows]]
    return column.to_numpy(dtype=object)[rows]


def same_cells(frame: pd.DataFrame, name: str, other: str | tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Per row: whether a payments column's cell equals another's as object cells compare (a missing cell equals
    nothing), from a coded column's codes: no text compared row by row.

    Args:
        frame: the payments.
        name: the column.
        other: another column, or (values, each row's position in them) for cells of another table (the name the
            roster gives each row's member).
    Returns:
        ``frame[name].to_numpy(dtype=object) == the other cells``.
    """
    column = frame[name]
    if isinstance(other, str):
        theirs = frame[other]
        if not (isinstance(column.dtype, pd.CategoricalDtype) and isinstance(theirs.dtype, pd.CategoricalDtype)):
            return column.to_numpy(dtype=object) == theirs.to_numpy(dtype=object)
        values, at = theirs.cat.categories, theirs.cat.codes.to_numpy()
    else:
        values, at = other
        if not isinstance(column.dtype, pd.CategoricalDtype):
            return column.to_numpy(dtype=object) == np.asarray(values, dtype=object)[at]
    # each of the other values as a code of this column (-1: none of its cells; the last for the other's code -1)
    mine = np.append(pd.Index(column.cat.categories).get_indexer(values), -1)[at]
    return (mine >= 0) & (mine == column.cat.codes.to_numpy())


def first_rows(codes: np.ndarray, size: int) -> np.ndarray:
    """Each code's first row, for codes numbered 0…size-1 that all occur (as :func:`pandas.factorize` numbers them)."""
    first = np.empty(size, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return first


def groups(frame: pd.DataFrame, cols: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The rows with the same cells in some columns, through :func:`cell_codes`.

    Args:
        frame: the payments.
        cols: the columns.
    Returns:
        (each row's group, numbered in order of first appearance; each group's first row).
    """
    key, width = None, 1  # width: the key's values are below it
    for c in cols:
        codes, uniques = cell_codes(frame, c)
        if key is None:  # (the first column's codes as they are: 0 * width + codes)
            key, lead = codes.astype(np.int64), codes
        else:
            if width * (len(uniques) + 2) >= 1 << 62:  # the next product could overflow: the key renumbered (same groups)
                key = pd.factorize(key)[0].astype(np.int64)
                width = int(key.max()) + 1 if len(key) else 1
            key *= len(uniques) + 1  # (in place: no new array of millions of rows per column)
            key += codes
        width *= len(uniques) + 1
    if key is None:
        key, lead = np.zeros(len(frame), dtype=np.int64), None
    group, distinct = _grouped(key, width, lead)
    return group, first_rows(group, len(distinct))


def _grouped(key: np.ndarray, width: int, lead: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(key)`` of :func:`groups`' key without hashing millions of rows where it can: keys of a small
    span numbered by where each first appears (:func:`first_seen`); else, where the first column's cell decides the
    others' (a payee's ID comes back every month with the same name and status), by that column's codes (``lead``),
    the rows that differ from their cell's first row labelled apart. (Only the codes matter to :func:`groups`: the
    distinct values given are as many as the keys'.)"""
    n = len(key)
    if not n:
        return pd.factorize(key)
    low = int(key.min())
    if width <= 4 * n + 1024:  # (a key is below width and above -width: codes of -1 for a missing cell)
        return first_seen(key - low, int(key.max()) - low + 1)
    if lead is None:
        return pd.factorize(key)
    label = lead.astype(np.int64)
    label += 1  # (a missing cell's -1 as 0)
    size = int(label.max()) + 1
    first = np.full(size, n, dtype=np.int64)
    first[label[::-1]] = np.arange(n - 1, -1, -1)
    # The key holds the first column's code as its leading part, so keys of different cells there differ: a row whose
    # key is not that of its cell's first row (a blank ID beside several names) is a key of its own, labelled apart.
    other = np.flatnonzero(key[first[label]] != key)
    if len(other) > n // 4:  # (most rows apart: hashing them all is cheaper)
        return pd.factorize(key)
    if len(other):
        label[other] = size + pd.factorize(key[other])[0]
    return first_seen(label, size + len(other))


def first_seen(keys: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` of integer keys from 0 to ``size`` - 1 (codes in order of first appearance, the keys they
    stand for), by where each key first appears: no hashing of millions of rows.

    Args:
        keys: integer keys (a negative key: pandas' own factorize, as it numbers it).
        size: more than the largest key.
    Returns:
        (each key's code, the distinct keys in order of first appearance), as ``pd.factorize(keys)`` gives them.
    """
    n = len(keys)
    if n and keys.min() < 0:  # (a member's household missing, numbered -1: a key as any other, as pandas numbers it)
        return pd.factorize(keys)
    first = np.full(size, n, dtype=np.int64)
    first[keys[::-1]] = np.arange(n - 1, -1, -1)
    order = np.flatnonzero(first < n)
    order = order[np.argsort(first[order], kind="stable")]
    rank = np.empty(size, dtype=np.intp)
    rank[order] = np.arange(len(order))
    return rank[keys], order.astype(keys.dtype)


def raw_payee_keys(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """The payee ID keys of raw ledger rows (own and head's ID, status, reliable digits), each distinct cell typed
    once as :func:`normalise_payments` types it: all :func:`bulk.key_set` reads of the payments, known before they
    are typed. (Rows :func:`_overlapping_files` drops later still give their keys: the lists keep a few more rows.)

    Args:
        frame: raw rows (:func:`read_ledger`).
    Returns:
        One frame of keys per ID column.
    """
    out = []
    for prefix in ("", "head_"):
        name = prefix + "id"
        if name not in frame.columns:
            continue
        coded = _distinct(frame[name])
        typed = ids.id_numbers(coded[1] if coded else [_none(v) for v in frame[name].tolist()])
        if isinstance(frame[name].dtype, pd.CategoricalDtype):  # (kept for normalise_payments: the same cells)
            _TYPED_IDS[name] = frame[name].cat.categories, typed
        value, status, reliable, _ = typed
        out.append(pd.DataFrame({name: value, name + "_status": status, name + "_reliable": reliable}, dtype=object))
    return out


# A raw ID column's distinct cells (the reader's categories) as ids.id_numbers typed them for raw_payee_keys: the
# rows are typed next (normalise_payments) from the same cells, each ID typed once (a city's 180,000: 0.12 s).
_TYPED_IDS: dict[str, tuple[pd.Index, tuple]] = {}


def _typed_ids(frame: pd.DataFrame, name: str) -> tuple | None:
    """``ids.id_numbers`` of a raw ID column's distinct cells (as :func:`_distinct` lists them) if
    :func:`raw_payee_keys` typed these cells, else None (taken once)."""
    kept = _TYPED_IDS.pop(name, None)
    if kept is None or name not in frame.columns or not isinstance(frame[name].dtype, pd.CategoricalDtype):
        return None
    return kept[1] if kept[0] is frame[name].cat.categories else None


def _distinct(column: pd.Series, narrow: bool = False) -> tuple[np.ndarray, list] | None:
    """A raw column as (each row's code, the distinct cells), NaN as None (a categorical's code −1, a missing cell,
    is the last cell, None); None for a column with an unhashable cell. ``narrow``: a coded column's codes as the
    reader keeps them (int8 …), not widened to intp (for indexing only)."""
    if isinstance(column.dtype, pd.CategoricalDtype):  # coded by the reader
        codes = column.cat.codes.to_numpy()
        return (codes if narrow else codes.astype(np.intp)), list(column.cat.categories) + [None]
    try:
        codes, uniques = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=False)
    except TypeError:
        return None
    return codes, [_none(u) for u in uniques]


def _inferred(mapped: np.ndarray, codes: np.ndarray) -> pd.Series:
    """``pd.Series(mapped[codes].tolist())``, the dtype inferred from the distinct values the rows use, not from
    millions of cells."""
    if not len(codes):
        return pd.Series(pd.Series(mapped[:0].tolist(), dtype=None).array)
    if codes.min() < 0:  # (no copy of the codes when no cell is missing)
        codes = np.where(codes < 0, len(mapped) - 1, codes.astype(np.intp))  # -1: the last value, a missing cell's
    used = np.flatnonzero(np.bincount(codes, minlength=len(mapped)))
    at = np.zeros(len(mapped), dtype=np.intp)
    at[used] = np.arange(len(used))
    typed = pd.Series(mapped[used].tolist(), dtype=None)
    # (the rows' Series given the dtype found: pandas would look at millions of cells again for strings, 0.02-0.06 s
    # for each column of objects)
    return pd.Series(typed.array.take(at[codes]), dtype=typed.dtype, copy=False)


def _none(value):
    """A missing cell (NaN) as None, as :func:`reference.cells` gives it."""
    return None if isinstance(value, float) and value != value else value


def load_ledgers(paths: list[Path], as_of: dt.date, limits: Limits | None = None,
                 progress=None, period: tuple[str, ...] = ()) -> tuple[list[Table], pd.DataFrame, list[str]]:
    """Read every ledger file given (--payments, repeatable) into one normalised payments frame.

    The same file given twice is read once; two files repeating each other's rows for a month (a monthly
    file and the yearly workbook that includes it) keep the first file's rows for that month, with a warning.

    Args:
        paths: the files (a folder stands for the ledger files in it).
        as_of: the review date.
        limits: safety bounds.
        progress: called with (label, path) before each file is read.
        period: the roster's months (the year of a month written without one, see :func:`known_months`).
    Returns:
        (one Table per file for the manifest, the payments, warnings).
    """
    reading = start_ledgers(paths, as_of, limits, progress, period=period)
    try:
        return reading.finish()
    finally:
        reading.close()


# The share of a city's year of ledgers read in the second process when this one reads the rest at once
# (:func:`start_ledgers` without ``ahead``; with it, the second process reads them all).
FAR_SHARE = 0.4


def start_ledgers(paths: list[Path], as_of: dt.date, limits: Limits | None = None, progress=None,
                  ahead: bool = False, given: Collection[Path] = (), period: tuple[str, ...] = ()) -> "LedgerReading":
    """Start reading the ledgers (:func:`load_ledgers`): a city's year goes (in part) to a second process at once.

    Args:
        paths, as_of, limits, progress, period: as :func:`load_ledgers`.
        ahead: this process has other work before it calls :meth:`LedgerReading.finish` (the rosters): the
            second process reads every file meanwhile.
        given: files given as rosters or lists, left out of a folder (see :func:`ledger_files`).
    Returns:
        The reading; :meth:`LedgerReading.finish` reads the rest and returns what :func:`load_ledgers` returns.
    """
    warnings, seen, files = [], set(), []
    named = {Path(p).resolve() for p in paths if not Path(p).is_dir()}
    for path in map(Path, ledger_files(paths, given)):
        if path.resolve() in seen:
            warnings.append(f"{path.name}：重复提供，只读取一次")
            continue
        seen.add(path.resolve())
        files.append(path)
    if not files:
        raise InputFileError(Path(paths[0]), "文件夹中没有发放明细文件（.xlsx、.xls、.csv、.txt），请检查 --payments 指定的位置。")
    # A city's year of ledgers: the second process reads files into raw rows, coded (see _Distinct), which cost
    # little to send back; this process types them all at once (normalise_payments), each distinct cell once.
    sizes = [p.stat().st_size if p.exists() else 0 for p in files]
    split = len(files)
    if len(files) > 1 and parallel.workers(sum(sizes) >= parallel.BIG_BYTES) > 1:
        split = 0 if ahead else next(k for k in range(1, len(files) + 1) if sum(sizes[:k]) >= (1 - FAR_SHARE) * sum(sizes))
    # A file found in a folder that is no ledger (a readme, a list of names) is passed over, said; one named is refused.
    found = {p for p in files if p.resolve() not in named}
    legends, tables = code_tables([p for p in files if p in found], limits)
    if tables:  # (read for the codes of the ledgers beside them, no ledger themselves)
        files = [p for p in files if p not in tables]
        split = min(split, len(files))
        warnings.append(f"{'、'.join(p.name for p in tables)}是代码表，其中的代码说明用于读取发放明细的代码列，本身不作为发放明细读取")
    batches, batch_files = batch_tables(files, limits)
    if batch_files:  # (read for the batches the detail files name, no ledgers themselves)
        files = [p for p in files if p not in batch_files]
        split = min(split, len(files))
        warnings.append(f"{'、'.join(p.name for p in batch_files)}是发放批次表，其中各批次的所属月份、资金项目用于读取按批次号"
                        "列出的发放明细，本身不作为发放明细读取")
    reading = LedgerReading(files[:split], files[split:], as_of, limits, progress, warnings, found)
    reading.legends = legends
    reading.batches = batches
    reading.known = known_months(files, period)
    reading.size = sum(sizes)
    if reading.far_files:
        reading.pool = parallel.pool(1)
        reading.far = reading.pool.submit(_read_raw, reading.far_files, as_of, limits, None, found, reading.known, legends,
                                          batches)
    return reading


class LedgerReading:
    """Ledgers being read (:func:`start_ledgers`): some files here, the rest in a second process."""

    def __init__(self, near: list[Path], far: list[Path], as_of: dt.date, limits: Limits | None, progress,
                 warnings: list[str], found: Collection[Path] = ()) -> None:
        self.near_files, self.far_files, self.found = near, far, found
        self.as_of, self.limits, self.progress, self.warnings = as_of, limits, progress, warnings
        self.pool = self.far = None
        self.tables, self.frame = [], None
        self.size = 0  # the files' bytes
        self.known = ()  # the spans of months the run knows of (known_months)
        self.legends = ""  # a code table's text given beside the ledgers (code_tables)
        self.batches = None  # the batches of batch files given beside the ledgers (batch_tables)

    def raw(self) -> pd.DataFrame:
        """Read this process's files and wait for the other's: the raw rows (kept for :meth:`finish`)."""
        if self.frame is None:
            tables, frames, passed = _read_raw(self.near_files, self.as_of, self.limits, self.progress, self.found,
                                              self.known, self.legends, self.batches)
            if self.far is not None:
                for path in self.far_files:
                    if self.progress:
                        self.progress(KIND_LABELS[KIND], path)
                more, rest, passed_there = self.far.result()
                tables, frames, passed = tables + more, frames + rest, passed + passed_there
            self.close()
            if not tables:  # every file of the folders passed over: the first one's reason
                raise passed[0]
            self.warnings += [f"{Path(err.path).name}：{err.message.split('。')[0]}，已跳过" for err in passed]
            self.tables, self.frame = tables, _concat(frames)
        return self.frame

    def finish(self) -> tuple[list[Table], pd.DataFrame, list[str]]:
        """Type the raw rows (:meth:`raw`) all at once (see :func:`load_ledgers`)."""
        frame, answered = _bank_results(normalise_payments(self.raw()))
        frame, lagged = paid_in_arrears(frame, self.as_of)
        if lagged:  # (its sheet's "按发放日期所在月份计" no longer holds)
            for table in self.tables:
                if Path(str(table.path)).name in lagged:
                    table.warnings = [w for w in table.warnings if "按发放日期所在月份计" not in w]
        frame, dropped = _overlapping_files(frame)
        dropped = list(lagged.values()) + dropped
        for table in self.tables:  # (a result file's rows are its send file's: how its own would be linked is moot)
            if answered and Path(str(table.path)).name in answered.values() and NO_ID_COLUMN in table.warnings:
                table.warnings = [w for w in table.warnings if w != NO_ID_COLUMN]
        dropped = list(answered) + dropped
        self.frame = None
        # (the money checks name them among the other money: rules._money._items_said)
        if side := {str(t.path): t.side_items for t in self.tables if t.side_items}:  # (no attrs to copy otherwise)
            frame.attrs["side_items"] = side
        if residents := {k: v for t in self.tables for k, v in t.care_residents.items()}:
            frame.attrs["care_residents"] = residents
        return self.tables, frame, self.warnings + dropped

    def close(self) -> None:
        """End the second process (once)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def _read_raw(files: list[Path], as_of: dt.date, limits: Limits | None, progress=None, found: Collection[Path] = (),
              known: tuple = (), legends: str = "",
              batches: dict | None = None) -> tuple[list[Table], list[pd.DataFrame], list[InputFileError]]:
    """Read some ledger files into raw rows (:func:`read_ledger`), joined into one frame (none for no files), and the
    errors of files ``found`` in a folder that are no ledger (passed over); also run in a second process."""
    tables, frames, passed, cells = [], [], [], _Distinct()
    for path in files:
        if progress:
            progress(KIND_LABELS[KIND], path)
        try:
            table, frame = read_ledger(path, as_of, limits, cells, known, legends, batches)
        except InputFileError as err:
            if path not in found or isinstance(err, LimitExceededError):
                raise
            passed.append(err)
            continue
        tables.append(table)
        frames.append(frame)
    return tables, [_concat(frames)] if frames else [], passed


_LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".tsv", ".et")
# A file of a ledgers' folder named as a code table (代码说明.csv, 代码表.xlsx, 数据字典)
CODE_TABLE_NAME = re.compile(r"代码|编码|字典")


def code_tables(files: list[Path], limits: Limits | None) -> tuple[str, list[Path]]:
    """The code tables among files found in a ledgers' folder (named so, their rows 字段 | 代码 | 含义 or 代码 | 含义 under
    a header naming the field), as one legend text (:func:`io.table.legend_text`), and those files (held-out 277: 代码说明.csv
    beside the monthly CSV ledgers was skipped as no ledger, the item codes 0101/0102 unread, F05 and F06 unchecked)."""
    from ..regions import code_place_names
    from .table import legend_text

    texts, tables = [], []
    for path in files:
        if not CODE_TABLE_NAME.search(path.stem):
            continue
        try:
            text_ = legend_text(read_grids(path, limits, note_sheets=True))
        except InputFileError:
            continue
        # (a code and its meaning twice at least: '字段：1含义 2含义'; or places by 区划代码, 431124100 | 某某镇: held-out 369)
        if re.search(LEGEND_RUN, text_) or code_place_names(text_):
            texts.append(text_)
            tables.append(path)
    return "。\n".join(texts), tables


def folder_month(path: Path) -> str:
    """The month the folder a ledger file lies in names ('2026年3月', '202603'), or a bare month folder ('03月') under a
    year's ('2026年'), else '' (a tree 资金/2026年/03月/欣山镇.xlsx whose files name only the township)."""
    parent = path.parent
    if re.search(r"[A-Za-z]", parent.name):  # (a folder a person names by month has no Latin letters: a program's
        return ""  # scratch folder, test_2025_1_0, names none)
    if named := month_named(parent.name):
        return named
    mm = re.fullmatch(r"(0?[1-9]|1[0-2])\s*月份?", parent.name.strip())
    year = re.fullmatch(r"(20\d{2})\s*年?度?", parent.parent.name.strip())
    return f"{year.group(1)}-{int(mm.group(1)):02d}" if mm and year else ""


def ledger_files(paths: list[Path], given: Collection[Path] = ()) -> list[Path]:
    """A folder given as --payments stands for the ledger files in it (sorted by name; Excel's ~$ lock files left out,
    and the files ``given`` as rosters or lists, which a quarter's folder may hold beside the ledgers); a folder holding
    none (code tables apart) stands for those of its subfolders, by path."""
    skip = {Path(p).resolve() for p in given}
    out = []
    for path in map(Path, paths):
        if path.is_dir():
            def found(files) -> list[Path]:
                return sorted((p for p in files if p.suffix.lower() in _LEDGER_SUFFIXES and not p.name.startswith("~$")
                               and p.is_file() and p.resolve() not in skip), key=lambda p: p.relative_to(path).parts)

            top = found(path.iterdir())
            # … or, when it holds none but code tables, the files in its subfolders: a year's tree 资金/2026年/03月/欣山镇.xlsx,
            # one file per township per month (h491: "文件夹中没有发放明细文件", the tree had to be given month by month).
            # A folder of ledgers keeps its subfolders out (a 备份 or 旧版 copy would be read beside, or before, them).
            out += top if any(not CODE_TABLE_NAME.search(p.stem) for p in top) else found(path.rglob("*"))
        else:
            out.append(path)
    return out


# A file named as the corrected re-issue of another (…_更正.xlsx, 修正版, 重报)
_CORRECTED = re.compile(r"更正|修正|订正|更新|重报|重新上报|调整后|最终版|终版")


# The share of a month's rows in two files that must pair up for one file to be the other's bank result (as
# _overlapping_files judges a copy): most of the result's rows, and at least half the send file's (a bank's list of
# failures alone is a few rows: _money._reversals reads it)
RESULT_SHARE, SENT_SHARE = 0.8, 0.5
# a send file's own status before the bank answers (its result file then says what became of each row)
SENT_STATUSES = frozenset({"", "待处理", "未处理", "处理中", "待发放", "待发", "待支付", "已提交", "提交", "待审核", "在途"})
# a bank's word for a payment that did not go through (the rules' money_failed_words decide what is paid; this only
# tells a 回盘 of failures alone)
_FAILED = re.compile(r"失败|退回|退票|退汇|未成功|不成功|未到账|未入账")
# a sent row a bank's 回盘 of failures alone does not list: it went through
IMPLIED_OK = "成功（据银行回盘）"
NO_ID_COLUMN = "没有身份证号列，按发放账号和户名与花名册中该账号的户及其成员对应（置信度最高为“中”）"


def _bank_results(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """A bank's result file (回盘: the rows of a send file, each with its 处理结果) beside the send file it answers, which
    has no status or only its own (待处理, 已提交: :data:`SENT_STATUSES`): each result goes onto its sent row, and the result's rows are dropped (held-out 409: the 回盘 naming
    no ID and no item was a second payment of every row, F04 ×140, and its 失败 rows undid nothing).

    Rows pair up by the payee columns both files fill (an ID or an account at least; the holder's or payee's name
    when both give it), the item when both give it, the amount and the month, one to one in file order; then a result
    row left over pairs with a sent row left over for an earlier month (back pay: the send file's 用途 names the month
    paid for, the result file only its own).

    A result pairing with no one send file well enough may answer several of its month (the county's 回盘 for every
    township's send file: held-out 418): its rows are paired with each send file in turn, and taken when most of them
    pair over two files at least, and most of those files' rows pair too unless the result lists failures alone (then
    the send files' other rows of its months went through: :data:`IMPLIED_OK`); the bank's 摘要 may then name the item
    otherwise than the send file (低保金, 农村低保金), so the item is set aside when it stops most rows pairing.

    Args:
        frame: the normalised payments (:func:`normalise_payments`).
    Returns:
        (the payments, notes for the user → the name of the result file each is about, when all its rows were paired).
    """
    if "status" not in frame.columns or not len(frame):
        return frame, {}
    status_codes, statuses = cell_codes(frame, "status")
    unsaid = np.append(np.asarray([str(v or "").strip() in SENT_STATUSES for v in statuses], dtype=bool), True)
    if not unsaid[status_codes].any() or unsaid[status_codes].all():  # (a city's year: every row has its status)
        return frame, {}
    blank = unsaid[status_codes]
    files, names = factorized(frame, "_file")
    size = np.bincount(files, minlength=len(names))
    unset = np.bincount(files, weights=blank, minlength=len(names))
    sent, told = np.flatnonzero(unset == size), np.flatnonzero((unset == 0) & (size > 0))
    if not len(sent) or not len(told):
        return frame, {}
    months, values = factorized(frame, "month")
    sent_set = set(sent.tolist())
    order = np.argsort(files, kind="stable")
    rows_of = np.split(order, np.cumsum(np.bincount(files, minlength=len(names)))[:-1])  # each file's rows, in order
    in_file = []  # each file's months; a send file's main months only (not those of a few back-pay rows)
    for f in range(len(names)):
        counts = np.bincount(months[rows_of[f]] + 1)
        main = counts >= SENT_SHARE * counts.max(initial=0) if f in sent_set else counts > 0
        in_file.append(set((np.flatnonzero(main) - 1).tolist()))
    failed = np.asarray([bool(_FAILED.search(str(v or ""))) for v in statuses], dtype=bool)

    def failed_only(rows: np.ndarray) -> bool:
        """Whether every row of a result file says the payment failed (a 回盘 of failures alone)."""
        codes = status_codes[rows]
        return bool(len(rows)) and bool((codes >= 0).all()) and bool(failed[codes].all())

    paired = np.zeros(len(frame), dtype=bool)
    memo: dict[str, np.ndarray] = {}
    onto, taken, notes, implied = [], [], {}, []

    def with_back_pay(s_rows: np.ndarray, r_rows: np.ndarray, s_got: np.ndarray, r_got: np.ndarray):
        """The pairs, with result rows left over paired to sent rows left over for an earlier month (back pay)."""
        mark = np.zeros(len(frame), dtype=bool)  # (boolean masks: np.setdiff1d hashes, slow here)
        mark[r_got] = True
        mark[s_got] = True
        left_r, left_s = r_rows[~mark[r_rows]], s_rows[~mark[s_rows]]
        if len(left_r) and len(left_s):
            later = _paired(frame, left_s, left_r, None, memo)
            if later is not None:  # (back pay only: the sent row's month before the result's)
                before = months[later[0]] >= 0
                before &= np.asarray([str(values[months[s]]) < str(values[months[r]]) if months[r] >= 0 else False
                                      for s, r in zip(later[0].tolist(), later[1].tolist())], dtype=bool)
                s_got, r_got = np.concatenate([s_got, later[0][before]]), np.concatenate([r_got, later[1][before]])
        return s_got, r_got

    def take(s_file: int, r_file: int, s_got: np.ndarray, r_got: np.ndarray, back_pay: bool = False) -> None:
        """A send file's rows ``s_got`` answered by a result file's ``r_got``: marked paired, kept, and said."""
        paired[s_got] = True
        onto.append(s_got)
        taken.append(r_got)
        r_name = Path(str(names[r_file])).name
        sent_said = f"《{Path(str(names[s_file])).name}》" + ("（补发以前月份）" if back_pay else "")
        notes[f"{r_name}：是{sent_said}的银行回盘（处理结果），{len(r_got)} 笔的处理结果已对应到该文件的发放记录，"
              "不另计发放"] = r_name if len(r_got) == len(rows_of[r_file]) else ""

    def back_pay_batches() -> None:
        """Pair a bank result the loop below left unpaired with a send file of back pay alone: every month the send
        file pays is before every month the result is read as (the result names only its own date; the send file's
        所属月份 the months paid for), none of the send file's rows is paired yet, and the rows pair without the month
        (h496: a 补发 batch's list for April and May beside its 回盘 dated June was no pair; the 回盘's rows were June's
        second and third payment, F04 中, and a June back-pay batch paid in August made an F01 after a July death)."""
        done = set()
        for rows in taken:
            done.update(np.unique(np.asarray(rows)).tolist())
        for r_file in told.tolist():
            r_rows = rows_of[r_file]
            if not len(r_rows) or np.isin(r_rows, list(done)).any():
                continue
            r_months = {str(values[m]) for m in in_file[r_file] if m >= 0}
            if not r_months:
                continue
            best = None
            for s_file in sent.tolist():
                s_rows = rows_of[s_file]
                s_months = {str(values[m]) for m in in_file[s_file] if m >= 0}
                if (not len(s_rows) or paired[s_rows].any() or not s_months or (months[s_rows] < 0).any()
                        or max(s_months) >= min(r_months)):
                    continue
                matched = _paired(frame, s_rows, r_rows, None, memo)
                if (matched is None or len(matched[0]) < RESULT_SHARE * len(r_rows)
                        or len(matched[0]) < SENT_SHARE * len(s_rows)):
                    continue
                if best is None or len(matched[0]) > len(best[1][0]):
                    best = (s_file, matched)
            if best is not None:
                take(best[0], r_file, *best[1], back_pay=True)

    for r_file in told.tolist():
        r_rows = rows_of[r_file]
        for s_file in sent.tolist():
            shared = in_file[r_file] & in_file[s_file]
            if not shared:
                continue
            s_rows = rows_of[s_file][~paired[rows_of[s_file]]]
            near = s_rows[np.isin(months[s_rows], list(shared))]
            matched = _paired(frame, near, r_rows, months, memo)
            if matched is None or len(matched[0]) < RESULT_SHARE * len(r_rows) or len(matched[0]) < SENT_SHARE * len(near):
                continue
            take(s_file, r_file, *with_back_pay(s_rows, r_rows, *matched))
            break
        else:
            # one county-wide result answering several send files of its month (one per township: held-out 418, the
            # 成功明细 | 失败明细 of the whole county paid every row twice, its 失败 rows undid nothing): its rows paired
            # with each send file's in turn; most of them must pair, and with two send files at least
            parts, rest, near_of = [], r_rows, {}
            for s_file in sent.tolist():
                shared = in_file[r_file] & in_file[s_file]
                if not shared or not len(rest):
                    continue
                s_rows = rows_of[s_file][~paired[rows_of[s_file]]]
                near = s_rows[np.isin(months[s_rows], list(shared))]
                near_of[s_file] = len(near)
                matched = _paired(frame, near, rest, months, memo)
                if matched is not None and len(matched[0]) < RESULT_SHARE * len(rest):
                    # the bank's 摘要 (低保金) beside the send file's 资金项目 (农村低保金): the item set aside
                    bare = _paired(frame, near, rest, months, memo, items=False)
                    matched = bare if bare is not None and len(bare[0]) > len(matched[0]) else matched
                if matched is None or not len(matched[0]):
                    continue
                parts.append((s_file, matched[0], matched[1]))
                rest = rest[~np.isin(rest, matched[1])]
            # (and most of the send files' rows, unless the result lists failures alone: a file of 成功 rows that pair
            # with a few sent rows is a re-payment, never their result)
            got = sum(len(r) for _, _, r in parts)
            if (len(parts) < 2 or got < RESULT_SHARE * len(r_rows)
                    or got < SENT_SHARE * sum(near_of.values()) and not failed_only(r_rows)):
                continue
            r_name, got = Path(str(names[r_file])).name, 0
            for s_file, s_got, r_got in parts:
                if failed_only(r_rows):  # a 回盘 of failures alone: the send files' other rows of its months went through
                    rows = rows_of[s_file][~paired[rows_of[s_file]]]
                    rows = rows[np.isin(months[rows], list(in_file[r_file] & in_file[s_file]))]
                    implied.append(rows[~np.isin(rows, s_got)])
                paired[s_got] = True
                onto.append(s_got)
                taken.append(r_got)
                got += len(r_got)
            sent_names = "》《".join(Path(str(names[f])).name for f, _, _ in parts)
            notes[f"{r_name}：是《{sent_names}》共 {len(parts)} 个文件的银行回盘（处理结果），{got} 笔的处理结果已对应到"
                  f"这些文件的发放记录，不另计发放"] = r_name if got == len(r_rows) else ""
    back_pay_batches()
    if not onto:
        return frame, {}
    s_idx, r_idx = np.concatenate(onto), np.concatenate(taken)
    if "parts" in frame.columns and len(s_idx):  # the other months of a sent row paying several: the same result
        split = frame["parts"].to_numpy(dtype=float, na_value=1.0) > 1
        if split[s_idx].any():
            source = files.astype(np.int64) * (int(frame["_row"].max()) + 1) + frame["_row"].to_numpy(dtype=np.int64)
            result_of = pd.Series(r_idx[split[s_idx]], index=source[s_idx[split[s_idx]]])
            result_of = result_of[~result_of.index.duplicated()]
            rest = np.flatnonzero(split & np.isin(source, result_of.index.to_numpy()))
            rest = rest[~np.isin(rest, s_idx)]
            s_idx, r_idx = np.concatenate([s_idx, rest]), np.concatenate([r_idx, result_of.loc[source[rest]].to_numpy()])
    column = frame["status"]
    through = np.concatenate(implied) if implied else np.zeros(0, dtype=np.int64)
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = column.cat.categories
        if len(through) and IMPLIED_OK not in categories:
            categories = categories.append(pd.Index([IMPLIED_OK]))
        codes = column.cat.codes.to_numpy().copy()
        codes[s_idx] = codes[r_idx]
        if len(through):
            codes[through] = categories.get_loc(IMPLIED_OK)
        frame["status"] = pd.Categorical.from_codes(codes, categories=categories)
    else:
        cells = column.to_numpy(dtype=object).copy()
        cells[s_idx] = cells[r_idx]
        cells[through] = IMPLIED_OK
        frame["status"] = cells
    keep = np.ones(len(frame), dtype=bool)
    keep[r_idx] = False
    return frame[keep].reset_index(drop=True), notes


def _paired(frame: pd.DataFrame, s_rows: np.ndarray, r_rows: np.ndarray, months: np.ndarray | None,
            memo: dict | None = None, items: bool = True) -> tuple[np.ndarray, np.ndarray] | None:
    """Rows of a send file and of its bank result paired one to one in file order (see :func:`_bank_results`), within
    a month when ``months`` (each row's month code) is given; None when the two fill no ID or account column alike.
    ``memo``: each column's filled cells, judged once per distinct cell for all the pairs of files tried; ``items``:
    whether the item must agree when both files name one."""
    if not len(s_rows) or not len(r_rows):
        return None
    memo = {} if memo is None else memo

    def filled(c: str) -> bool:
        if c not in frame.columns:
            return False
        if c not in memo:
            codes, cells = cell_codes(frame, c)
            memo[c] = np.append(np.asarray([str(v or "").strip() != "" for v in cells], dtype=bool), False)[codes]
        full = memo[c]
        return bool(full[s_rows].mean() >= 0.9 and full[r_rows].mean() >= 0.9)

    strong = [c for c in ("id", "bank_account") if filled(c)]
    if not strong:
        return None
    cols = strong + [c for c in ("holder_key", "name_key", "item") if filled(c) and (items or c != "item")] + ["_whole"]
    both = np.concatenate([s_rows, r_rows])
    sub = frame[[c for c in cols if c != "_whole"] + ["amount"] + (["parts"] if "parts" in frame.columns else [])].iloc[both]
    # a row's amount as sent: a row paying two months is two rows here (parts 2, each half: '12月低保金(含11月补发)')
    whole = sub["amount"].to_numpy(dtype=float, na_value=np.nan)
    if "parts" in sub.columns:
        whole = whole * sub["parts"].to_numpy(dtype=float, na_value=1.0)
    key = groups(sub.assign(_whole=np.round(whole, 1)), cols)[0].astype(np.int64)
    if months is not None:
        key = key * (int(months.max(initial=0)) + 2) + months[both] + 1
    ks, kr = pd.Series(key[:len(s_rows)]), pd.Series(key[len(s_rows):])
    left = pd.DataFrame({"k": ks, "o": ks.groupby(ks).cumcount(), "s": s_rows})
    right = pd.DataFrame({"k": kr, "o": kr.groupby(kr).cumcount(), "r": r_rows})
    joined = left.merge(right, on=["k", "o"])
    return joined["s"].to_numpy(), joined["r"].to_numpy()


# A payment date on or before this day of its month may pay the month before (paid_in_arrears)
ARREARS_DAY = 10
# … for at least this share of a file's rows dated so, and of its payees, at least this many met in other files
ARREARS_SHARE = 0.8
ARREARS_PAYEES = 3


def _month_shift(value: str, by: int) -> str:
    k = int(value[:4]) * 12 + int(value[5:7]) - 1 + by
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def paid_in_arrears(frame: pd.DataFrame, as_of: dt.date | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    """Read a file whose months come only from its payment dates as paying the month before each date, when it pays
    in arrears: a 社保卡 file paid on the 5th of the next month (h438: read by the date's month, every month was one
    late — the review month's payment, dated the month after, was left out, and a death on June 10 had June's money,
    paid July 5, at F01 高). Taken so only when at least :data:`ARREARS_SHARE` of its rows dated so are dated on or
    before day :data:`ARREARS_DAY`, and its payees' months in the other files (所属月份 or the sheet's month; at least
    :data:`ARREARS_PAYEES` payees met there) adjoin its months read a month earlier, without overlap, where read by the
    date they take one month twice, or leave one out while its last month is after the review month (a month left out
    and nothing after the review month may be a monthly file not given). Without such payees (the other files pay
    another programme), the file is read so when, by the date, its last month is after the review month and, a month
    earlier, its months are
    exactly the months the other files name (at least three: a year's ledgers, one a month late). A file paid early
    in the month for that month, or one nothing places, is read by the date as before.

    Args:
        frame: the typed payments (:func:`normalise_payments`).
        as_of: the review date (None: the second rule is not tried).
    Returns:
        (the payments, the files read so: file name → the notice saying it).
    """
    if "paid_date" not in frame.columns or not len(frame) or "_file" not in frame.columns:
        return frame, {}
    column = frame["month_source"]
    if isinstance(column.dtype, pd.CategoricalDtype) and "发放日期" not in set(column.cat.categories.tolist()):
        return frame, {}  # (a city's year of ledgers naming its months: no row looked at)
    sources = np.asarray(column, dtype=object)
    dated = sources == "发放日期"
    if not dated.any():
        return frame, {}
    files = np.asarray(frame["_file"], dtype=object)
    named = np.isin(sources, ("列", "表名"))
    if not named.any():
        return frame, {}
    months = np.asarray(frame["month"], dtype=object)
    # (a payee met by her ID or her name: a household book may give the head's ID only inside its 家庭成员 cell)
    tokens = [c for c in ("id", "head_id", "name_key", "head_name_key") if c in frame.columns]
    shifted_months, said = None, {}
    review = f"{as_of.year:04d}-{as_of.month:02d}" if as_of is not None else ""
    for f in pd.unique(files[dated]):
        own = files == f
        if (own & ~dated & (sources != "备注")).any():  # (some of its rows placed otherwise: not a dated file)
            continue
        rows = np.flatnonzero(own & dated)
        paid = frame["paid_date"].to_numpy(dtype=object)[rows]
        days = np.array([d.day for d in paid if isinstance(d, dt.date)])
        if not len(days) or (days <= ARREARS_DAY).mean() < ARREARS_SHARE:
            continue
        payees = {v for t in tokens for v in pd.unique(frame[t].iloc[rows]).tolist() if isinstance(v, str) and v}
        others = np.flatnonzero(~own & named)
        met = [frame[t].iloc[others].isin(payees).to_numpy() for t in tokens]
        hit = others[np.logical_or.reduce(met)] if met else others[:0]
        by_date = {m for m in months[rows].tolist() if m}
        if not by_date:
            continue
        earlier = {_month_shift(m, -1) for m in by_date}
        if len({v for t in tokens for v in pd.unique(frame[t].iloc[hit]).tolist() if isinstance(v, str)} & payees) >= (
                ARREARS_PAYEES):
            known = {m for m in months[hit].tolist() if m}

            def adjoins(own_months: set[str]) -> bool:
                return not (own_months & known) and (_month_shift(min(own_months), -1) in known
                                                     or _month_shift(max(own_months), 1) in known)

            if not known or not adjoins(earlier) or adjoins(by_date):
                continue
            if not (by_date & known) and not (as_of is not None and max(by_date) > review):
                continue  # (a month left out may be a monthly file not given: only a file running past the review month)
            why = ("这样正好接上其他明细中同一批领取人的月份，按发放日期所在月份计则重复一个月" if by_date & known else
                   "这样正好接上其他明细中同一批领取人的月份，按发放日期所在月份计则缺一个月、最后一个月在核查基准日之后")
        elif as_of is not None and len(by_date) >= 3 and max(by_date) > review and (
                earlier == {m for m in months[others].tolist() if m}):
            why = (f"这样与其他明细的月份（{min(earlier)}至{max(earlier)}）完全一致，按发放日期所在月份计则最后一个月"
                   "在核查基准日之后")
        else:
            continue
        if shifted_months is None:
            shifted_months = months.copy()
        shifted_months[rows] = [_month_shift(m, -1) if m else m for m in months[rows].tolist()]
        name = Path(str(f)).name
        first = min(by_date)
        said[name] = (f"{name}：没有所属月份列，发放日期 {ARREARS_SHARE:.0%} 以上在每月 1—{ARREARS_DAY} 日，按发放日期的上一个月计"
                      f"（如 {first} 初发放的按 {_month_shift(first, -1)} 计：{why}）；"
                      "如实际是当月发放当月的，请在明细中加上所属月份列后重新运行")
    if shifted_months is None:
        return frame, {}
    frame = frame.copy()
    frame["month"] = _coded(shifted_months, np.arange(len(shifted_months)))
    return frame, said


def _overlapping_files(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Drop a later file's month when most of its rows repeat an earlier file's rows for that month (the earlier file's
    when the later one is named as its correction)."""
    files, names = factorized(frame, "_file")
    if len(names) < 2:
        return frame, []
    months, values = factorized(frame, "month")
    pairs = pd.unique(files.astype(np.int64) * (len(values) + 1) + months)
    if len(pd.unique(pairs % (len(values) + 1))) == len(pairs):
        return frame, []  # no month in two files: nothing can repeat
    # a row's payee (its IDs, names and account: a bank's 代发 file names no ID, and two townships' files of a month
    # share amounts, never payees: held-out 106), item, month, amount and status (a failed row re-paid later is no
    # copy), as a number
    payee = [c for c in ("id", "head_id", "name", "head_name", "bank_account", "holder") if c in frame.columns]
    key = pd.Series(groups(frame, [*payee, "item", "month", "amount", "status"])[0])
    files = list(dict.fromkeys(frame["_file"].tolist()))
    drop = np.zeros(len(frame), dtype=bool)
    notes = []
    for month_value in sorted(set(frame["month"].tolist()) - {""}):
        in_month = frame["month"] == month_value
        earlier: list[tuple[str, set[int]]] = []  # each earlier file's rows of the month (another township's file is no copy)
        for f in files:
            rows = in_month & (frame["_file"] == f) & ~drop
            if not rows.any():
                continue
            keys = key[rows]
            for k, (first, prior) in enumerate(earlier):
                repeated = keys.isin(prior)
                # a copy of the month, not a few back-pay rows whose key equals an earlier failed row's
                if not (repeated.mean() >= 0.8 and repeated.sum() >= 0.5 * len(prior)):
                    continue
                # rows either copy has and the other lacks: a correction may add rows as well as change them
                # (held-out 326: 5 changed and 2 added rows were told as 5)
                later_only, first_only = int((~repeated).sum()), len(prior - set(keys.tolist()))
                if later_only == first_only:
                    differ = f"，两份有 {later_only} 行不同" if later_only else ""
                else:
                    differ = (f"，《{Path(f).name}》有 {later_only} 行、《{Path(first).name}》有 {first_only} 行"
                              "不在另一份中")
                if _CORRECTED.search(Path(f).stem) and not _CORRECTED.search(Path(first).stem):
                    # a re-issue named as the correction (…_更正) replaces the first copy (held-out 106)
                    drop |= (in_month & (frame["_file"] == first)).to_numpy()
                    earlier[k] = (f, set(keys.tolist()))
                    kept, other = f, first
                else:
                    drop |= rows.to_numpy()
                    kept, other = first, f
                notes.append(f"{Path(other).name}：{month_value} 的发放记录与《{Path(kept).name}》重复（同一个月的明细提供了两次{differ}），"
                             f"按一份计（以《{Path(kept).name}》为准）")
                break
            else:
                earlier.append((f, set(keys.tolist())))
    return frame[~drop].reset_index(drop=True), notes
