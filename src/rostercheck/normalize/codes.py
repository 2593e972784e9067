"""Coded values of the systems' exports read as what they mean, from the code tables in ``checks/codes/``.

Each table is one TOML file naming its standard (GB/T 4761 family relations, GB/T 2261.1 sex, GA 24
vehicle type, use and status). Decoders are pure functions of one cell: they return a :class:`Decoded`
whose ``klass`` is a canonical class, ``''`` for a blank cell and :data:`UNKNOWN` for a value that is
neither a code of the table nor a known spelling — callers treat that conservatively and report it once
per column (see ``rules/_vocab.py``); nothing here guesses.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .values import date, is_error_value, text

UNKNOWN = "?"
HEAD = "head"
_SEPARATORS = re.compile(r"[\s()（）\[\]【】/、\-—_,，·.:：;；|]+")
_BRACKETED = re.compile(r"[(（\[【].*?[)）\]】]")
# '10', '10-配偶', '10 配偶', '10：配偶' (a code first), or '配偶(10)' (a code last).
_CODE_FIRST = re.compile(r"^(\d{1,2})(?:\s*[-－—:：.、·\s]?\s*(\D.*))?$")  # '10-配偶', '10 配偶', '10配偶'

_CODE_LAST = re.compile(r"^(.*?)\s*[(（](\d{1,2})[)）]$")
_LETTER_FIRST = re.compile(r"^([A-Z])(?:\s*[-－—:：.、·\s(（]\s*(.*?)[)）]?)?$")
_LETTER_LAST = re.compile(r"^(.*?)\s*[(（]([A-Z])[)）]$")
_STATUS_LETTERS = re.compile(r"^([A-Z](?:[\s,，、/+]*[A-Z]){0,7})(?:$|[\s\-－—:：(（]+(.*?)[)）]?$)")
_STATUS_LAST = re.compile(r"^(.*?)\s*[(（]([A-Z]{1,8})[)）]$")
_VEHICLE_CODE = re.compile(r"(?<![A-Z0-9])([A-Z][0-9][0-9A-Z])(?![A-Z0-9])")


@dataclass(frozen=True)
class Decoded:
    """One cell read through a code table.

    Attributes:
        text: the cell as given (clean text).
        code: the code found in the cell ('' when it held words only).
        name: what the code means ('' when the cell held words only or the code is unknown).
        klass: the canonical class; '' for a blank cell, UNKNOWN when the value was not recognised.
    """

    text: str
    code: str = ""
    name: str = ""
    klass: str = ""

    @property
    def meaning(self) -> str:
        """Return what the cell means: the code's name ('20' → '子'), else the words as given."""
        return self.name or self.text

    @property
    def shown(self) -> str:
        """Return the value as the list gives it, with the meaning after a bare code: 'K33（小型轿车）'."""
        if self.code and self.name and self.name not in self.text:
            return f"{self.text}（{self.name}）"
        return self.text

    @property
    def worded(self) -> str:
        """Return the meaning with a bare code after it, for a sentence ('…的父亲（51）'); words as given: '父亲'."""
        if self.code and self.name and self.name not in self.text:
            return f"{self.name}（{self.text}）"
        return self.text


def codes_dir() -> Path:
    """Return the folder of the code tables (the packaged copy, else the source tree's).

    Returns:
        The folder.
    """
    from ..policy import checks_dir

    return checks_dir() / "codes"


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """Return one code table (``checks/codes/<name>.toml``) as read from its TOML file.

    Args:
        name: the table's file stem, e.g. 'relation'.
    Returns:
        The parsed TOML (name, source, codes …).
    """
    with (codes_dir() / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


# A date written as zeros (0000-00-00, 00000000, 0000-00-00 00:00:00.0): a database's "no date"
_ZERO_DATE = re.compile(r"^0{4}[-/.年]?0{1,2}[-/.月]?0{1,2}日?(?:[ T]0{1,2}:0{2}(?::0{2}(?:\.0+)?)?)?$")


@lru_cache(maxsize=None)
def _null_dates(birth: bool) -> frozenset[dt.date]:
    """The placeholder dates of ``checks/codes/null_dates.toml``: ``dates``, and ``event_dates`` unless of a birth."""
    spec = table("null_dates")
    return frozenset(dt.date.fromisoformat(d) for d in [*spec["dates"], *([] if birth else spec["event_dates"])])


@lru_cache(maxsize=None)
def _system_columns() -> re.Pattern:
    """The headers of ``checks/codes/system_columns.toml``, as one pattern matched against a whole header."""
    return re.compile("|".join(f"(?:{p})" for p in table("system_columns")["patterns"]))


def system_column(label: str) -> bool:
    """Whether a header names a system's record bookkeeping (同步状态, 删除标志, 版本号 …), never a list's field.

    Args:
        label: the normalised header label.
    Returns:
        True for such a column (``checks/codes/system_columns.toml``).
    """
    if not label:
        return False
    bare = _bare_label(label)
    return bool(_system_columns().fullmatch(bare)) or bool(record_column(label))


@lru_cache(maxsize=None)
def _record_status() -> tuple[dict[str, re.Pattern], dict[str, frozenset[str]]]:
    """The headers and values of ``checks/codes/record_status.toml``: patterns per sense, value words per meaning."""
    spec = table("record_status")
    heads = {sense: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE) for sense, pats in spec["headers"].items()}
    words = {k: frozenset(unicodedata.normalize("NFKC", v).strip().lower() for v in vals)
             for k, vals in spec["values"].items()}
    return heads, words


def _bare_label(label: str) -> str:
    """A header without spaces and what follows a bracket ('删除标志（1是0否）' → '删除标志')."""
    return re.sub(r"[\s()（）\[\]【】].*$", "", unicodedata.normalize("NFKC", label).strip()) or label


def record_column(label: str) -> str:
    """Whether a header says if its row is still a live record in the system that exported it, and how.

    Args:
        label: the normalised header label.
    Returns:
        'deleted_flag' (是/1 = deleted: 删除标志, 是否删除, 作废标志), 'valid_flag' (是/1 = valid: 有效标志, 有效标识),
        'state' (words: 记录状态, 数据状态), or '' for any other header (``checks/codes/record_status.toml``).
    """
    if not label:
        return ""
    bare = _bare_label(str(label))
    heads, _words = _record_status()
    return next((sense for sense, pattern in heads.items() if pattern.fullmatch(bare)), "")


_RECORD_PARTS = re.compile(r"[-|:：/\s_.、]+")


def record_live(value: object, sense: str) -> bool | None:
    """Whether a cell of a record-status column (:func:`record_column`) keeps its row as a live record.

    Args:
        value: the cell.
        sense: the column's sense, from :func:`record_column`.
    Returns:
        True for a live record (a blank cell too), False for one deleted or void, None when the value says neither.
    """
    cell = unicodedata.normalize("NFKC", text(value)).strip().lower()
    if cell in ("", "nan", "none", "null"):
        return True
    _heads, words = _record_status()
    if re.fullmatch(r"\d+\.0+", cell):
        cell = cell.split(".")[0]  # (a flag typed as a number, 1.0)
    seen = set()
    for part in [cell, *(p for p in _RECORD_PARTS.split(cell) if p and p != cell)]:
        if part in words["deleted"]:
            seen.add(False)
        elif part in words["live"]:
            seen.add(True)
        elif sense != "state" and part in words["yes"]:
            seen.add(sense == "valid_flag")
        elif sense != "state" and part in words["no"]:
            seen.add(sense != "valid_flag")
    return seen.pop() if len(seen) == 1 else None


def null_date(value: object, birth: bool = False) -> bool:
    """Whether a cell is the date an information system writes where none was entered: one of
    ``checks/codes/null_dates.toml`` (1900-01-01, Excel's serial 1 …; the Unix epoch 1970-01-01 except as a birth
    date, which real people have) or a date of zeros (0000-00-00).

    Args:
        value: the cell.
        birth: whether it is a date of birth.
    Returns:
        True for such a placeholder.
    """
    if value is None or isinstance(value, bool) or is_error_value(value):
        return False
    if isinstance(value, (int, float)) and value == 0:
        return True  # Excel's serial 0 (shown 1900-01-00)
    if isinstance(value, str):
        t = unicodedata.normalize("NFKC", value).strip()
        if not t:
            return False
        if _ZERO_DATE.match(t):
            return True
        value = t
    try:
        d = date(value)
    except (TypeError, ValueError):
        return False
    return d is not None and d in _null_dates(birth)


def classify(value: object, classes: Sequence[tuple[str, Iterable[str]]]) -> str:
    """Return the first class any of whose words occurs in a cell; '' for blank, UNKNOWN for no word.

    Classes are tried in order, so a class of negations listed first wins ('非营运' before '营运',
    '暂停发放' before '发放').

    Args:
        value: the cell.
        classes: (class, words) pairs in order of precedence.
    Returns:
        The class.
    """
    s = text(value)
    if not s:
        return ""
    for klass, words in classes:
        if any(w and has_word(s, w) for w in words):
            return klass
    return UNKNOWN


def has_word(cell: str, word: str) -> bool:
    """Whether a cell holds a configured word: a word of digits is a code, matched against the whole cell
    (:func:`same_code`: a status code 1 is not 11, held-out 278), any other word wherever it occurs.

    Args:
        cell: the cell's text, stripped.
        word: the configured word or code.
    """
    return same_code(cell, word) if word.isdigit() else word in cell


def same_code(cell: str, code: str) -> bool:
    """Whether a whole cell is a code: the same text, or both digits and equal once leading zeros are dropped (a
    number cell loses 0101's zero, a system writes 1 for 01).

    Args:
        cell: the cell's text, stripped.
        code: a configured code.
    """
    return cell == code or (cell.isdigit() and code.isdigit() and cell.lstrip("0") == code.lstrip("0"))


# A code and its meaning as a legend writes them ('1迁入', '1-迁入', '1=迁入', '1:正常', '1.存续', '1 生活补贴'): a code of one
# to three digits, never the tail of a longer number or word ('110企业职工' is 110's; K33 is no code of one)
# (a code of up to 4 digits: a 一卡通 system's 补贴项目 0101, held-out 277; never a year, a month or a day)
# … or one capital letter, as a provincial system writes 人员状态 A 在供, B 停供, C 死亡 (held-out 408: a 特困 roster's
# letters, explained in its 代码说明 file, were unread and its stopped and dead people audited as enrolled: C01, C02 高)
# … or two or three, a system's abbreviations of its items, written apart from their meaning (DB=低保金, TK-特困供养金, or
# a code table's rows: h482, unread, every row of a ledger coded so was other money and the year's F01–F06 went
# unseen); never run into a word ('KA轿车': GA 24.4's types are K33 …)
# (a code of up to three digits may be followed by a meaning beginning 年终: '302年终一次性生活补贴' is no year 302, h491 —
# the run broke there, and the codes after it, 303 取暖补贴 and 304 春节慰问金, went unread)
_LEGEND_CODE = (r"(?<![0-9A-Za-z])(?:\d{1,3}(?![0-9]|\s*(?:年(?!终)|[月日号]))|\d{4}(?![0-9]|\s*[年月日号])|[A-Z](?![0-9A-Za-z])"
                r"|[A-Z]{2,3}(?=\s*[-－—=:：.．、]\s*[\u4e00-\u9fff]))")
# (a word may hold a bracketed part: GB/T 2261.4's '80退（离）休人员', '出国（境）定居'; held-out 298 read '退' and C01 flagged a
# retiree at 高)
_LEGEND_SEP = r"\s*[-－—=:：.．、]?\s*"
_LEGEND_WORD = r"[\u4e00-\u9fff]{1,12}(?:[(（][\u4e00-\u9fff]{1,6}[)）][\u4e00-\u9fff]{0,12})?"
_LEGEND_PAIR = re.compile(f"({_LEGEND_CODE}){_LEGEND_SEP}({_LEGEND_WORD})")
# … two or more in a row, apart by spaces, commas, slashes, semicolons or bars ('1迁入 2迁出', '1-迁入，2-迁出', '1=迁入;2=迁出',
# a system's '1-在押|2-刑满释放': h493)
_LEGEND_RUN = (f"{_LEGEND_CODE}{_LEGEND_SEP}{_LEGEND_WORD}"
               f"(?:[\\s,，、/／;；|｜]*{_LEGEND_CODE}{_LEGEND_SEP}{_LEGEND_WORD})+")
LEGEND_RUN = _LEGEND_RUN  # (io.columns: a header's legend words are the codes' meanings, not qualifiers of the header)
# What may stand between a column's name and its legend in a title ('供养状态：1在供', '险种代码说明：110…', '（补贴类型 1…')
# (… or '整改状态栏填代码：1已整改 2整改中': held-out 289)
_LEGEND_LEAD = r"(?:代码|编码|说明|含义|栏|列|填写|填报|填|[\s:：(（\[【=])*"


def legend(label: str, title: str = "") -> dict[str, str]:
    """Return the meanings a coded column's header or the title rows above it give its codes: '迁移类型（1迁入 2迁出）',
    or a title '待遇状态：1正常 2暂停 3终止' naming the column before them (a title naming several columns' legends gives
    each column only the run after its own name). Two codes at least make a legend ('1-4级' is none).

    Args:
        label: the column's header label.
        title: the text of the rows above the header ('' for none).
    Returns:
        code → its word ({} when nothing explains the column's codes, or the legend gives a code two meanings).
    """
    run = re.search(_LEGEND_RUN, label)
    found = run.group(0) if run else ""
    name = re.split(r"[(（\[【]", label[: run.start()] if run else label)[0].strip()
    if not found and name and title:
        # (a column headed '补贴项目代码' is explained by a code table of its field, '补贴项目：0101…': h425)
        for said in dict.fromkeys((name, re.sub(r"(?<=..)(代码|编码)$", "", name))):
            after = re.search(re.escape(said) + _LEGEND_LEAD + f"({_LEGEND_RUN})", unicodedata.normalize("NFKC", title))
            found = after.group(1) if after else ""
            if found:
                break
    meanings: dict[str, str] = {}
    for code, word in _LEGEND_PAIR.findall(found):
        if meanings.setdefault(code, word) != word:
            return {}  # one code, two meanings: no legend to trust
    return meanings


def by_legend(value: object, meanings: dict[str, str]) -> object:
    """Return the word a legend (:func:`legend`) gives a cell that is wholly one of its codes (with or without leading
    zeros: a number cell loses 01's zero), else the cell as it is.

    Args:
        value: the cell.
        meanings: code → word.
    Returns:
        The word, or the cell.
    """
    cell = text(value)
    return next((word for code, word in meanings.items() if same_code(cell, code)), value) if cell else value


def unknown_counts(values: Iterable[object], decide) -> Counter[str]:
    """Return value → rows for the non-blank values a classifier calls UNKNOWN (each distinct value decided once).

    Args:
        values: the column's cells.
        decide: cell → class.
    Returns:
        The counts (empty when every value was recognised).
    """
    return Counter({v: n for v, n in _text_counts(values).items() if v and decide(v) == UNKNOWN and not is_error_value(v)})


def error_counts(values: Iterable[object]) -> Counter[str]:
    """Return error value → rows for a column's cells that hold a spreadsheet's error value (#N/A, #REF!): said apart
    from unread words (no spelling to add to a configuration; held-out 189 was told to add '#REF!' to death_words)."""
    return Counter({v: n for v, n in _text_counts(values).items() if is_error_value(v)})


def written_counts(values: Iterable[object]) -> Counter[str]:
    """Return value → rows for a column's non-blank cells."""
    return Counter({v: n for v, n in _text_counts(values).items() if v})


def _text_counts(values: Iterable[object]) -> Counter[str]:
    """A column's cells as text → rows (non-blank and blank alike)."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    counts: Counter[str] = Counter()
    for raw, n in series.value_counts(dropna=True).items():  # counted in C: a city's column in a few ms
        if n:  # a coded column counts its unused categories too
            counts[text(raw)] += int(n)
    return counts


def counted(found: Counter[str], unit: str = "行") -> str:
    """The commonest values with their counts, for a warning: '“不详”3 行、“26.8.15”1 行' (and '等 7 种写法' past five)."""
    shown = "、".join(f"“{v}”{n} {unit}" for v, n in found.most_common(5))
    return shown + (f"等 {len(found)} 种写法" if len(found) > 5 else "")


def unknown_warning(column: str, found: Counter[str], consequence: str, hint: str = "") -> str:
    """Return the warning about a column's unrecognised values: the count and the commonest values.

    Args:
        column: the column's Chinese label.
        found: value → number of rows.
        consequence: what the check did with such a value (Chinese, after '已').
        hint: where a user adds a local spelling (Chinese); a default when ''.
    Returns:
        The warning text.
    """
    return (f"“{column}”列有 {sum(found.values())} 行的值未能识别（{counted(found)}），已{consequence}；"
            + (hint or "请核对该列，或改用标准代码、标准写法。"))


# ----------------------------------------------------------------------------- 与户主关系 (GB/T 4761-2008)
@lru_cache(maxsize=None)
def _relation_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((w["role"], re.compile(w["pattern"])) for w in table("relation")["words"])


@lru_cache(maxsize=None)
def _head_pattern() -> re.Pattern[str]:
    words = sorted(table("relation")["head_words"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")+")


def _relation_role_of_words(s: str) -> str:
    bare = _SEPARATORS.sub("", s)
    outside = _SEPARATORS.sub("", _BRACKETED.sub("", s))  # '户主(本人)' → '户主', '妻(户主之妻)' → '妻'
    head = _head_pattern()
    if head.fullmatch(bare) or (outside and head.fullmatch(outside)):
        return HEAD
    for candidate in (outside, bare):
        if not candidate:
            continue
        for role, pattern in _relation_words():
            if pattern.search(candidate):
                return role
    return UNKNOWN


@lru_cache(maxsize=4096)
def relation(value: object) -> Decoded:
    """Return a 与户主关系 cell decoded: GB/T 4761 codes ('02', '2', '10-配偶', '配偶(10)') or words.

    Bare numbers are read as codes: call this only on a relation column.

    Args:
        value: the cell.
    Returns:
        The decoded value; klass is the role ('head', 'spouse', 'child' …), '' or UNKNOWN.
    """
    s = text(value)
    if not s:
        return Decoded("")
    words, code = s, ""
    m = _CODE_FIRST.match(s)
    if m:
        code, words = m.group(1), m.group(2) or ""
    else:
        m = _CODE_LAST.match(s)
        if m:
            words, code = m.group(1), m.group(2)
    if code:
        code = code.zfill(2)
        entry = table("relation")["codes"].get(code)
        if entry:
            return Decoded(s, code, entry["name"], entry["role"])
        if not words.strip():
            return Decoded(s, code, "", UNKNOWN)
    return Decoded(s, "", "", _relation_role_of_words(words))


def relation_role(value: object) -> str:
    """Return the role of a 与户主关系 cell ('head', 'spouse', 'child' …, '' blank, UNKNOWN).

    Args:
        value: the cell.
    Returns:
        The role.
    """
    return relation(value).klass


def is_head(value: object) -> bool:
    """Return whether a 与户主关系 cell names the household head (户主, 本人, 户主(本人), 02, 01 …).

    Args:
        value: the cell.
    Returns:
        True for the head.
    """
    return relation(value).klass == HEAD


# ----------------------------------------------------------------------------- 性别 (GB/T 2261.1)
@lru_cache(maxsize=None)
def _sex_words() -> dict[str, str]:
    return {w.upper(): sex for sex, words in table("sex")["words"].items() for w in words}


@lru_cache(maxsize=1024)
def sex(value: object) -> Decoded:
    """Return a 性别 cell decoded: 1 男, 2 女, 0/9 not stated (GB/T 2261.1), 男性/女性/M/F.

    Args:
        value: the cell.
    Returns:
        The decoded value; klass '男', '女', '' (blank or not stated) or UNKNOWN.
    """
    s = text(value)
    if not s:
        return Decoded("")
    m = _CODE_FIRST.match(s) or None
    code, words = (m.group(1), m.group(2) or "") if m else ("", s)
    if code:
        entry = table("sex")["codes"].get(code)
        if entry:
            return Decoded(s, code, entry["name"], entry["sex"])
    key = _SEPARATORS.sub("", words).upper()
    return Decoded(s, "", "", _sex_words().get(key, UNKNOWN))


def sex_text(value: object) -> str:
    """Return '男', '女' or '' (blank, not stated or unrecognised) for a 性别 cell.

    Args:
        value: the cell.
    Returns:
        The sex.
    """
    k = sex(value).klass
    return k if k in ("男", "女") else ""


# ----------------------------------------------------------------------------- vehicles (GA 24)
@lru_cache(maxsize=4096)
def vehicle_type(value: object) -> Decoded:
    """Return a 车辆类型 cell decoded: a GA 24.4 code (K33 → 小型轿车) or its class by prefix (H5x → 低速货车).

    Args:
        value: the cell.
    Returns:
        The decoded value; klass is the class prefix ('K', 'H', 'H5', 'M' …), '' for words without a
        code (the caller reads the words), UNKNOWN for a code of no known class.
    """
    s = text(value)
    if not s:
        return Decoded("")
    m = _VEHICLE_CODE.search(s.upper())
    if not m:
        return Decoded(s)
    code = m.group(1)
    t = table("vehicle_type")
    prefix = next((p for p in sorted(t["classes"], key=len, reverse=True) if code.startswith(p)), "")
    if not prefix:
        return Decoded(s, code, "", UNKNOWN)
    return Decoded(s, code, t["codes"].get(code, t["classes"][prefix]), prefix)


def _letter_code(s: str) -> tuple[str, str]:
    """Return (letter, words) of 'A', 'A-非营运', 'A 非营运', '非营运(A)'; ('', s) when no letter code."""
    u = s.upper() if s.isascii() else s
    m = _LETTER_FIRST.match(u)
    if m:
        return m.group(1), m.group(2) or ""
    m = _LETTER_LAST.match(u)
    if m:
        return m.group(2), m.group(1)
    return "", s


@lru_cache(maxsize=1024)
def vehicle_use(value: object) -> Decoded:
    """Return a 使用性质 cell decoded: a GA 24 letter (A 非营运, D 出租客运 …) or words.

    Args:
        value: the cell.
    Returns:
        The decoded value; klass 'commercial', 'non_commercial' or 'other' for a known letter, UNKNOWN for
        an unknown letter, '' for words (the caller classifies words with its policy vocabulary).
    """
    s = text(value)
    if not s:
        return Decoded("")
    letter, _ = _letter_code(s)
    if not letter:
        return Decoded(s)
    entry = table("vehicle_use")["codes"].get(letter)
    return Decoded(s, letter, entry["name"], entry["class"]) if entry else Decoded(s, letter, "", UNKNOWN)


@lru_cache(maxsize=1024)
def insurance(value: object) -> Decoded:
    """Return a pension list's 险种 cell decoded: a social-insurance system's code ('110' 企业职工基本养老保险) or words.

    Args:
        value: the cell.
    Returns:
        The decoded value (shown as '110（企业职工基本养老保险）'; a code the table lacks, or words, as given).
    """
    return _numeric_code(value, "insurance")


@lru_cache(maxsize=1024)
def person_status(value: object) -> Decoded:
    """Return a staff list's 人员类别 cell decoded: a GB/T 2261.4 code ('17' 职员, '80' 退（离）休人员) or words.

    Args:
        value: the cell.
    Returns:
        The decoded value (shown as '17（职员）'; a code the table lacks, or words, as given).
    """
    return _numeric_code(value, "person_status")


def _numeric_code(value: object, name: str) -> Decoded:
    """A cell that is a whole numeric code of table ``name`` decoded (only shown with its meaning), else as given."""
    s = text(value)
    entry = table(name)["codes"].get(s) if s.isdigit() else None
    return Decoded(s, s, entry["name"], "") if entry else Decoded(s)


@lru_cache(maxsize=1024)
def property_use(value: object) -> Decoded:
    """Return a 房屋用途 cell decoded: a GB/T 17986.1 code ('11' 成套住宅, '31' 商业服务) or words.

    Args:
        value: the cell.
    Returns:
        The decoded value (its ``name`` the code's meaning); klass UNKNOWN for a code the table lacks, '' otherwise
        (the caller classifies the words, or the code's name, with its policy vocabulary).
    """
    s = text(value)
    if not s.isdigit():
        return Decoded(s)
    entry = table("property_use")["codes"].get(s)
    return Decoded(s, s, entry["name"], "") if entry else Decoded(s, s, "", UNKNOWN)


@lru_cache(maxsize=1024)
def vehicle_status(value: object) -> Decoded:
    """Return a 机动车状态 cell decoded: GA 24 letters, one or several ('E', 'GQ', 'G,Q', 'E 注销'), or words.

    Args:
        value: the cell.
    Returns:
        The decoded value; code holds the letters, name their meanings joined by '、'; klass 'inactive' when
        any letter is inactive, UNKNOWN when any letter is unknown, else 'active'; '' for words (the
        caller classifies words with its policy vocabulary).
    """
    s = text(value)
    if not s:
        return Decoded("")
    u = s.upper() if s.isascii() else s
    m = _STATUS_LETTERS.match(u)
    letters = re.sub(r"[^A-Z]", "", m.group(1)) if m else ""
    if not letters:
        m2 = _STATUS_LAST.match(u)
        letters = m2.group(2) if m2 else ""
    if not letters:
        return Decoded(s)
    known = table("vehicle_status")["codes"]
    names = [known[c]["name"] for c in letters if c in known]
    classes = {known[c]["class"] if c in known else UNKNOWN for c in letters}
    klass = "inactive" if "inactive" in classes else UNKNOWN if UNKNOWN in classes else "active"
    return Decoded(s, letters, "、".join(names), klass)


# ----------------------------------------------------------------------------- 是/否 flags
@lru_cache(maxsize=256)
def yes_no(value: object) -> bool | None:
    """Return True/False for a yes/no flag cell (是/否, 1/0, Y/N, √/×), None for blank or anything else.

    Args:
        value: the cell.
    Returns:
        The flag.
    """
    s = _SEPARATORS.sub("", text(value)).upper()
    if not s:
        return None
    t = table("yes_no")
    if s in {w.upper() for w in t["yes"]}:
        return True
    if s in {w.upper() for w in t["no"]}:
        return False
    return None
