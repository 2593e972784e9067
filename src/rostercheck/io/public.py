"""Public copies of the reports (公示版): masked IDs, accounts and phones; sensitive columns left out.

The one fixed pattern, documented for users: an ID number keeps its first 6 and last 4 characters
(the region code and the tail), the birth date in between is replaced by '*'
(``430521********123X``); bank accounts keep the first 3 and last 4 digits and phones the first 3
and last 4 (``138****5678``). Columns a public list must not carry are left out, and every other text
cell has ID-, account- and phone-like numbers masked, however they are spaced, dashed or starred, so free text typed by
a township cannot leak one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..normalize.ids import CHECK, DATE, VALID, id_number, mask_id
from ..normalize.values import digits
from .report import SHEET_NOTE, TOWNSHIP_ADDED, public_columns, write_csv, write_workbook

PREFIX = "公示_"
# Health, disability, labour capacity, birth date and age are sensitive personal information (PIPL art. 28);
# free-text columns may carry any of them, so they stay in the internal reports only.
DROP_COLUMNS = ("出生日期", "年龄", "健康状况", "残疾等级", "残疾类别", "残疾情况", "劳动能力", "自理能力", "在校情况",
                "家庭住址", "住址", "依据", "核实情况", "整改措施", "疑点摘要", "待核线索", "匹配键", "来源行",
                "花名册文件", "花名册行", "说明", "证据指纹", "来源名单", "建议", "申请文件", "申请行",
                "责任人", "整改时限", "乡镇填报状态")
# 责任人, 整改时限 and 乡镇填报状态 are what a township typed into its ledger, as 核实情况 and 整改措施 are: held-out 253's
# 乡镇填报状态 read '核实无问题，患尿毒症，肢体残疾二级' and its 责任人 a phone. A look-back's 公示 says who, where, what and
# the 整改状态 the review itself settled (已整改/未整改/核实无问题), nothing a township wrote.
# 申请文件/申请行 trace an application to the township's file as 花名册文件/花名册行 trace a recipient: for the desk.
# 来源名单 says as much as the columns above (服刑人员名单, 重病名单, 残疾人信息); 建议 is for the desk, not the notice board.
# 证据指纹 is a hash over the person's ID and the evidence (plates, properties …): short and built from
# guessable values, so it is kept out of public copies too.
# Categories whose very title states a person's health, disability or labour capacity (C08 有劳动能力, L02 重残重病, L04
# 两项补贴, S01 不符合无劳动能力条件: held-out 247 found it on a 公示): a public copy never lists them, whatever columns
# it leaves out.
PRIVATE_CODES = ("C08", "L02", "L04", "S01")
_ID_COLUMN = re.compile(r"身份证|证件号|身份号码|社会保障号")
_PLACE_COLUMNS = ("乡镇", "村")
_PLACE_CODE = re.compile(r"\d{6}(?:\d{3}(?:\d{3})?)?")
_ACCOUNT_COLUMN = re.compile(r"账号|账户|卡号")
_PHONE_COLUMN = re.compile(r"电话|手机|联系方式")
# Inside free text a township types a number as it reads it out: '139-0739-1234', '6217 9950 0001 1112 222',
# '430523 1930 0311 2020', in full-width digits, or half starred by hand (held-out 253: all three reached a 公示 whole).
# A number is groups of digits (stars too: a hand-starred ID is still one) joined by short gaps of spaces or dashes;
# a date written with dashes in it is kept, as are amounts (1,234.50: commas and dots join nothing) and short numbers.
_DIGITS = "0-9\uff10-\uff19"  # (full-width ０-９ too)
_STARS = "*\uff0a\ufe61"
_DASHES = "\\-\u2010-\u2015\u2212\uff0d"  # - ‐ ‑ ‒ – — ― − －
_X = "Xx\uff38\uff58"
_DIGIT = f"[{_DIGITS}{_STARS}]"
_GROUP = re.compile(f"{_DIGIT}+|[{_X}]")
_GAP = f"[ \t\u00a0\u3000{_DASHES}]"
# Fewer digits than this is a count, a house number, a year or a month: left as typed (IDs, accounts, phones, landlines
# with their area code have more).
_MIN_DIGITS = 7
# A number does not begin with the day of a date or the minutes of a time ('1953.1.11', '00:47') unless as many digits
# as a number has follow ('：43 0521…', an ID cut after a colon: found by test_mask's hypothesis run), nor end with a year
# or a day written in words, the year of a date written with dots or the hour of a time ('2026年', '2018.3.3',
# '10:30'): such a piece belongs to a date beside the number.
_NUMBER_IN_TEXT = re.compile(f"(?<!{_DIGIT})(?:(?<![:：.．/／])|(?={_DIGIT}{{3}})|(?=(?:{_DIGIT}{_GAP}{{0,3}}){{{_MIN_DIGITS}}}))"
                             f"{_DIGIT}+(?:{_GAP}{{1,3}}{_DIGIT}+)*"
                             f"(?:[{_X}](?![A-Za-z])|(?![年月日号时分秒点]|{_DIGIT})(?:(?<={_DIGIT}{{3}})|(?![:：.．/／]))"
                             f"(?!(?<={_GAP}(?:19|20)[{_DIGITS}]{{2}})[.．/／][{_DIGITS}]))")
_ONE_DASH = re.compile(f"[{_DASHES}]")
_ASCII = str.maketrans("\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff0a\ufe61\uff38\uff58",
                       "0123456789**Xx")
# Groups each as long as a mobile number are numbers of their own, masked each apart (shorter ones are one cut up:
# '62179950 00011112222' masked apart would show 14 of its 19 digits).
_WHOLE_NUMBER = 11


def public_rows(frame: pd.DataFrame, column: str = "类别代码") -> pd.DataFrame:
    """The rows a public copy may list: none of a category in :data:`PRIVATE_CODES` (its sheets, summaries and rates
    are then built from these rows, so they do not count them either).

    Args:
        frame: findings, review rows or leads.
        column: the column holding the category code ('线索代码' for leads).
    Returns:
        Those rows.
    """
    return frame[~frame[column].isin(PRIVATE_CODES)] if column in frame.columns else frame


def mask_text(value: object) -> object:
    """Return a cell with every ID-, account- and phone-like number masked, however it is spaced (non-text kept).

    Args:
        value: the cell.
    Returns:
        The masked cell.
    """
    if not isinstance(value, str):
        return value
    return _NUMBER_IN_TEXT.sub(lambda m: _mask_written(m.group(0)), value)


def _mask_written(text: str) -> str:
    """A number as written (groups and the gaps between them) masked where it is long enough to name someone."""
    spans = [m.span() for m in _GROUP.finditer(text)]
    chars = [text[a:b].translate(_ASCII) for a, b in spans]
    whole = "".join(chars)
    if chars[-1] in ("X", "x") and len(whole) != 18:  # an X after a number that is no ID: a word's
        return _mask_written(text[:spans[-1][0]]) + text[spans[-1][0]:]
    dates, i = [], 0
    while i < len(spans):
        n = _date_at(text, spans, chars, i)
        if n:
            dates.append((spans[i][0], spans[i + n - 1][1], n))
        i += n or 1
    between = [text[a:b] for a, b in zip([0, *(end for _, end, _ in dates)], [*(start for start, _, _ in dates), len(text)])]
    beside = [_digit_count(part) for part in between if _digit_count(part)]
    # a date with a few digits beside it (a year and month with any), as many in all as a phone has, is a number cut
    # where it looks like a date ('430523 1930-03-11 2020', '13279 - 2006-1 4')
    if beside and _digit_count(whole) >= _WHOLE_NUMBER and (min(beside) < _MIN_DIGITS or any(n == 2 for *_, n in dates)):
        return _mask_number(whole)
    kept = [text[a:b] for a, b, _ in dates]
    return "".join(_mask_groups(part) + date for part, date in zip(between, [*kept, ""]))


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _mask_groups(text: str) -> str:
    """Groups and gaps with no date among them, masked as one number (each group apart when each is a whole number: two
    phones side by side); the gaps around them kept."""
    found = list(_GROUP.finditer(text))
    chars = [m.group(0).translate(_ASCII) for m in found]
    if _digit_count("".join(chars)) < _MIN_DIGITS:
        return text
    if len(chars) > 1 and all(len(run) >= _WHOLE_NUMBER for run in chars):
        return _GROUP.sub(lambda m: _mask_number(m.group(0).translate(_ASCII)), text)
    first, last = found[0].start(), found[-1].end()
    return text[:first] + _mask_number("".join(chars)) + text[last:]


def _id_like(run: str) -> bool:
    """Whether a number (its gaps left out) is an ID: 15 or 18 characters, a real one or one starred by hand."""
    if len(run) not in (15, 18):
        return False
    if "*" in run:
        return _digit_count(run) >= _MIN_DIGITS
    return id_number(run).status in (VALID, CHECK, DATE)


def _date_at(text: str, spans: list[tuple[int, int]], chars: list[str], i: int) -> int:
    """How many groups from the i-th make a date written with single dashes, both alike (2026-09-30: 3, 2026-09: 2),
    set apart from any other groups by more than a dash, else 0."""
    def dash(k: int) -> bool:  # groups k and k+1 one dash apart
        return k + 1 < len(spans) and bool(_ONE_DASH.fullmatch(text[spans[k][1]:spans[k + 1][0]]))

    def part(k: int, top: int) -> bool:
        return k < len(chars) and re.fullmatch(r"\d{1,2}", chars[k]) is not None and 1 <= int(chars[k]) <= top

    if not (re.fullmatch(r"(19|20)\d\d", chars[i]) and dash(i) and part(i + 1, 12)) or (i and dash(i - 1)):
        return 0
    same = dash(i + 1) and text[spans[i][1]:spans[i + 1][0]] == text[spans[i + 1][1]:spans[i + 2][0]]
    n = 3 if same and part(i + 2, 31) else 2
    # dashed on to more digits it is a number cut into groups, not a date ('1991-2-12-3456' is a phone)
    return 0 if dash(i + n - 1) else n


def _mask_number(run: str) -> str:
    """A number's digits masked: an ID as :func:`mask_id` masks one, anything else 3 + 4 shown."""
    return mask_id(run) if _id_like(run) else _mask_run(run)


def _mask_run(run: str) -> str:
    return run[:3] + "*" * (len(run) - 7) + run[-4:] if len(run) > 7 else run[:2] + "*" * (len(run) - 2)


def _mask_account(value: object) -> object:
    text = digits(value) if value not in (None, "") else ""
    return _mask_run(text) if text else ""


def public_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the public copy of a report frame.

    ID columns are masked with :func:`rostercheck.normalize.ids.mask_id`, account and phone columns
    with the 3+4 pattern, sensitive and free-text columns dropped, and every remaining text cell scrubbed; rows
    left alike are shown once.

    Args:
        frame: an internal report frame.
    Returns:
        A new frame safe for posting.
    """
    cols = [c for c in public_columns(frame) if str(c) not in DROP_COLUMNS and not str(c).endswith(TOWNSHIP_ADDED)]
    out = frame[cols].copy().astype(object)
    out.attrs.pop(SHEET_NOTE, None)  # 建议 is for the desk, not the notice board
    for col in cols:
        name = str(col)
        values = out[col].where(out[col].notna(), "")
        if all(_count(v) for v in values):  # counts (a summary's 'D03 身份证号错误' column): no number to hide
            continue
        if name in _PLACE_COLUMNS:  # a place written as its 统计用区划代码 (411725001) names nobody (held-out 303: 411**5001)
            out[col] = [v if _PLACE_CODE.fullmatch(str(v).strip()) else mask_text(v) for v in values]
        elif _ID_COLUMN.search(name):
            out[col] = [mask_id(str(v).strip()) if v != "" else "" for v in values]
        elif _ACCOUNT_COLUMN.search(name) or _PHONE_COLUMN.search(name):
            out[col] = [_mask_account(v) for v in values]
        else:
            out[col] = [mask_text(v) for v in values]
    # one person's several cars or homes are one line once the columns telling them apart are gone
    return out.drop_duplicates(ignore_index=True)


def _count(value: object) -> bool:
    """Whether a cell is a count or an amount, too short to be an ID, account or phone number (or blank)."""
    return value == "" or (isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 10 ** 6)


def public_sheets(sheets: list[tuple]) -> list[tuple]:
    """Return the public copies of workbook sheets (ledger blank columns are not carried; charts are).

    Args:
        sheets: (title, frame, extra columns[, chart]) as given to ``write_workbook``.
    Returns:
        The same sheets, each frame made public.
    """
    return [(title, public_frame(frame), None, *chart) for title, frame, _extra, *chart in sheets]


def public_heading(heading: str) -> str:
    """A public copy's title: the internal one's, said to be the 公示版 (held-out 192: the printed copies could not be
    told apart)."""
    return f"{heading}（公示版）" if heading else "公示版"


def write_public_workbook(target: Path, sheets: list[tuple], widths: dict[str, int] | None = None, heading: str = "",
                          made=None) -> None:
    """Write the 公示_ copy of a workbook: its sheets made public (:func:`public_sheets`), titled the 公示版, its wrapped
    columns widened into the page width that the columns left out free (held-out 236: the 疑点明细 without its 依据
    printed 类别名称 on eight lines in a column sized beside it, four rows a page).

    Args:
        target: the .xlsx file.
        sheets: the internal workbook's sheets (see ``io.report.write_workbook``).
        widths: column → width.
        heading: the internal workbook's heading.
        made: the date the report was made (page footers).
    """
    write_workbook(target, public_sheets(sheets), widths, public_heading(heading), made, fill_page=True)


def write_public_copies(out: Path, csv_files: dict[str, pd.DataFrame],
                        workbooks: dict[str, list[tuple[str, pd.DataFrame, list[str] | None]]],
                        widths: dict[str, int] | None = None, heading: str = "") -> dict[str, Path]:
    """Write 公示_ copies of CSV files and workbooks next to the internal ones.

    Args:
        out: the output folder.
        csv_files: internal file name → frame.
        workbooks: internal file name → sheets.
        widths: column → width for the workbooks.
        heading: the workbooks' heading (see ``io.report.Workbook``).
    Returns:
        internal file name → public copy's path.
    """
    written = {}
    for name, frame in csv_files.items():
        written[name] = Path(out) / (PREFIX + name)
        write_csv(public_frame(frame), written[name])
    for name, sheets in workbooks.items():
        written[name] = Path(out) / (PREFIX + name)
        write_public_workbook(written[name], sheets, widths, heading)
    return written
