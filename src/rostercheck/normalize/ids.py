"""Resident ID numbers (GB 11643-1999): normalisation, validation, birth date, sex, age, masking.

Every function here is pure. An ID comes out as a :class:`IdInfo` whose ``status`` says how far it
can be trusted; only ``VALID`` IDs may ever be joined as exact keys.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_MAP = "10X98765432"

# Status codes; the Chinese labels are what users read in evidence and D03 findings.
VALID = "valid"
CHECK = "check"  # check character wrong: usually one mistyped digit
DATE = "date"  # birth date impossible
NUMERIC = "numeric"  # stored as a number: digits beyond the 15th are lost
SHORT = "short"  # 15–17 digits with a real birth date (not a 15-digit 一代证): the last characters lost (17: the check)
FORMAT = "format"  # wrong length or characters
MISSING = "missing"
# A masked 18-character ID showing region and birth date (42112319670804****): read as FORMAT; only matching takes it so
# (match._as_masked, reliable = the leading digits shown), never a frame's status
MASKED = "masked"

STATUS_LABELS = {
    VALID: "有效",
    CHECK: "校验位错误（疑似录错一位）",
    DATE: "出生日期无效",
    NUMERIC: "以数字格式存储，后几位已丢失",
    SHORT: "少一位（末位校验码缺失）",
    FORMAT: "位数或字符不符",
    MISSING: "为空",
    MASKED: "被遮挡（脱敏）",
}

# The leading digits a masked ID must show to be compared at all: region and the whole birth date (domain guide: name +
# the digits that survive is real but weaker evidence; a region alone, 4211**********4439, names nobody)
MASK_SHOWN_MIN = 14

# An ID cut short keeps at least region, birth date and one digit of the sequence (a cut 15-digit text is no 一代证:
# upgrade15 gives an impossible date), and says so (status SHORT, reliable = the digits kept).
MIN_CUT = 15

# Excel keeps 15 significant digits of a number.
EXCEL_DIGITS = 15
# An ID typed as a number keeps those 15, the last one rounded: the leading digits that survive (region + birth date)
# and, with the name, identify the person.
SURVIVING = EXCEL_DIGITS - 1

# invisible format characters too (a zero-width space inside a pasted ID: held-out 185, its death missed)
_SEPARATORS = re.compile(r"[\s\-_'’‘\"“”`.,，。\u00ad\u200b-\u200f\u2060\ufeff]")
# A text marker in front of an ID, no part of it (held-out 245: D03's fingerprint and 依据 changed with it): the apostrophe
# Excel users type to keep a number as text (some CSVs carry it; its curly forms, a prime, a backquote), and a CSV
# export's ="…" that keeps Excel from reading the digits as a number
_APOSTROPHES = "'‘’′`"
_TEXT_FORMULA = re.compile(r"=\s*[\"“”](.*)[\"“”]", re.S)
_SCIENTIFIC = re.compile(r"^(\d)(?:\.(\d+))?E\+?(\d+)$")
# a number in a program's shortest exponent form: a lower-case e (Python, pandas, R), or an E with no sign (Java)
_SHORTEST_FORM = re.compile(r"\de[+]?\d+\s*$|\dE\d+\s*$")
# What is typed for the check character X from an input method's symbol table or another alphabet (the times sign,
# the multiplication X's and a box-drawing cross, the Cyrillic and the Greek capital) after 17 digits: the same ID, as a lower-case x is (held-out 212: the
# times sign read as a damaged ID, a death missed)
X_LOOKALIKES = "\u00d7\u2715\u2716\u2573\u0425\u03a7"
# A cell without a digit saying that there is no ID yet (a newborn's 户口未落, 待办, 暂无, 未办证, 不详): blank, as "无" is
# (held-out 335: "待办" and "户口未落" were D03 高 "位数或字符不符" while "无" was 低 "为空", and flag_missing kept them)
# (words for the lack, not any character of them: a name typed into the column, 刘未来, stays a wrong ID)
_NO_ID_YET = re.compile(r"待办|待补|待定|暂无|未办|未落|未上户|未登记|未申领|没有|不详|缺失|无证|无户口|无身份证")


@dataclass(frozen=True)
class IdInfo:
    """A normalised ID number and how far it can be trusted.

    Attributes:
        value: the normalised text (18 characters when the shape allows it, else the cleaned text).
        status: one of VALID, CHECK, DATE, NUMERIC, SHORT, FORMAT, MISSING.
        reliable: how many leading characters are trustworthy (18 for a valid ID, 15 for a number, 15–17 for an ID
            cut short: the characters it kept).
    """

    value: str
    status: str
    reliable: int

    @property
    def ok(self) -> bool:
        """Whether the ID may be used as an exact key."""
        return self.status == VALID


def check_char(first17: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character for 17 digits.

    Args:
        first17: the first 17 digits.
    Returns:
        '0'–'9' or 'X'.
    """
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return CHECK_MAP[total % 11]


def birth_date(value: str) -> dt.date | None:
    """Return the birth date encoded in a normalised 18-character ID, or None if impossible.

    Args:
        value: an 18-character ID (the check character is not looked at).
    Returns:
        The date, or None when it is not a real date between 1890 and 2100.
    """
    if len(value) < 14 or not value[6:14].isdigit():
        return None
    y, m, d = int(value[6:10]), int(value[10:12]), int(value[12:14])
    if not 1890 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _carried_number(value: str) -> bool:
    """Whether 18 characters with no real birth date are a number written out whole whose rounded 15th digit carried
    into the date (…19830229|0000 of …19830228|958X, or the double's own digits …19830229|0048): digits past the 15th
    that are a number's (zeros, :func:`written_double`), a 15th digit of 0, and the 15 digits less one give a real
    date (:func:`numeric_birth`)."""
    return (value.isdigit() and (value.endswith("000") or written_double(value))
            and numeric_birth(value) is not None)


def numeric_birth(value: str) -> dt.date | None:
    """Return the birth date of an ID typed as a number: its own, else the date before a carry — a number format rounds
    the 15th digit half up, and a 9 there rounds into the date (…19830228|958… kept as …19830229|0: no such day;
    held-out 439), so when the 15 digits kept end in 0 and give no date, the 15 digits less one give the true one.

    Args:
        value: the normalised ID (:func:`id_number`'s value of a number cell: 15 digits kept, then zeros).
    Returns:
        The date, or None when neither reading is a real date.
    """
    born = birth_date(value)
    if born is not None or len(value) < EXCEL_DIGITS or value[EXCEL_DIGITS - 1] != "0" or not value[:EXCEL_DIGITS].isdigit():
        return born
    return birth_date(before_carry(value))


def before_carry(value: str) -> str:
    """The 15 digits a number-typed ID kept, less one: what they were before a number format rounded the 15th digit half
    up into the 14th (…19830229|0 of …19830228|958X). ``value`` begins with 15 digits, not all zeros."""
    return str(int(value[:EXCEL_DIGITS]) - 1).zfill(EXCEL_DIGITS)


def former_apart(current: str, former: str, years: int) -> str:
    """Why a valid former ID (原身份证号) cannot be the same person's as her valid current one, or '' when it can.

    An ID changes with a new region code, a 15-digit 一代证 upgraded or a birth date put right: the sex (the sequence
    digit's parity) stays, and a corrected birth date moves by months or a few years, not a generation. A 原身份证号
    cell holding someone else's ID (the informant's, the seller's: held-out 343) is mostly of another sex or age.

    Args:
        current: the person's current 18-character ID.
        former: the 18-character ID given as her former one.
        years: the most years a corrected birth date moves (``[common] name_former_birth_gap``).
    Returns:
        '' when they can be one person's (or either cannot be read); else the reason, in Chinese.
    """
    if len(current) != 18 or len(former) != 18:
        return ""
    a, b = sex(current), sex(former)
    if a and b and a != b:
        return f"原身份证号与现身份证号性别不同（{b}、{a}）"
    born, before = birth_date(current), birth_date(former)
    if born and before and abs((born - before).days) > years * 365.25:
        return f"原身份证号与现身份证号出生日期相差 {abs(born.year - before.year)} 年（{before:%Y-%m-%d}、{born:%Y-%m-%d}）"
    return ""


def sex(value: str) -> str | None:
    """Return '男' or '女' from the sequence digit of an 18-character ID, or None.

    Args:
        value: an 18-character ID.
    Returns:
        '男' for odd, '女' for even, None when unreadable.
    """
    return _sex_of(value[16]) if len(value) >= 17 else None


def _sex_of(digit: str) -> str | None:
    """The sex an ID's sequence digit (its 17th character) says: '男' for odd, '女' for even, None for no digit."""
    if not digit.isdigit():
        return None
    return "男" if int(digit) % 2 else "女"


def sexes(values: list[str]):
    """:func:`sex` of many IDs, worked out once per distinct 17th character.

    Args:
        values: the IDs.
    Returns:
        An object array: '男', '女' or None for each.
    """
    import numpy as np
    import pandas as pd

    digit, found = pd.factorize(np.array([v[16:17] for v in values], dtype=object))
    return np.array([_sex_of(d) for d in found], dtype=object)[digit]


def age_on(born: dt.date, on: dt.date) -> int:
    """Return the age in whole years on a date.

    Args:
        born: the birth date.
        on: the reference date.
    Returns:
        Completed years.
    """
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def status_label(status: str, reliable: int) -> str:
    """An ID's status in words (:data:`STATUS_LABELS`); an ID cut before its 17th character says how many it kept."""
    if status == SHORT and reliable < 17:
        kept = "且不是有效的 15 位旧身份证号，" if reliable == 15 else ""
        return f"只有 {reliable} 位（{kept}后 {18 - reliable} 位缺失）"
    return STATUS_LABELS[status]


def upgrade15(value: str) -> str:
    """Upgrade a 15-digit ID to 18 characters (insert '19', append the check character).

    Args:
        value: 15 digits.
    Returns:
        The 18-character ID.
    """
    first17 = value[:6] + "19" + value[6:]
    return first17 + check_char(first17)


def _numeric_digits(number: float | int) -> str:
    """Return the digits of an ID typed as a number."""
    if isinstance(number, float):
        if number != number or number in (float("inf"), float("-inf")):
            return ""
        if abs(number) >= 1e15:
            # A double holds ~15.9 significant digits. Excel stores a typed number with 15, which the
            # nearest 15-digit decimal recovers exactly (a double may sit just below it: no truncation).
            # Numbers written with all 18 digits by other programs can come out ±1 in the 15th digit;
            # matching allows for that (match.repaired_key).
            mantissa, _, exponent = f"{abs(number):.{EXCEL_DIGITS - 1}e}".partition("e")
            digits = mantissa.replace(".", "")
            return digits + "0" * (int(exponent) + 1 - len(digits))
        return str(int(round(number)))
    if abs(number) >= 10**EXCEL_DIGITS and float(number) == number:
        return _numeric_digits(float(number))  # a double turned into an int: its tail digits are noise
    return str(int(number))


def written_double(value: str) -> bool:
    """Whether 18 digits are a number that went through a double and was written out whole: Excel's own loss leaves
    zeros after the 15th digit (…000), another program's leaves the double's exact value (…140032, a multiple of
    64 at this size) — either way the digits past the 15th are noise, and a failing check character says so. The double
    is the one nearest the 15 digits kept: an ID mistyped in one digit that merely happens to be a double (one in 64 at
    this size) is no number (held-out 117)."""
    if not value.isdigit():
        return False
    n = int(value)
    return int(float(value)) == n and int(float(f"{n:.{EXCEL_DIGITS - 1}e}")) == n


def unmarked(text: str) -> str:
    """An ID cell's text without the text marker written before it ('410326… and ="410326…" are 410326…).

    Args:
        text: the cell's text.
    Returns:
        The text, stripped, without a leading apostrophe (:data:`_APOSTROPHES`) or a ="…" wrapper; else as given.
    """
    text = text.strip()
    formula = _TEXT_FORMULA.fullmatch(text)
    if formula:
        return formula.group(1).strip()
    return text[1:].strip() if text[:1] in _APOSTROPHES else text


def _classify18(value: str) -> IdInfo:
    if not (value[:17].isdigit() and (value[17].isdigit() or value[17] == "X")):
        return IdInfo(value, FORMAT, 0)
    if birth_date(value) is None:
        if _carried_number(value):
            return IdInfo(value, NUMERIC, EXCEL_DIGITS)
        return IdInfo(value, DATE, 6)
    if check_char(value[:17]) != value[17]:
        if value.endswith("000") or written_double(value):
            return IdInfo(value, NUMERIC, EXCEL_DIGITS)
        return IdInfo(value, CHECK, 14)
    return IdInfo(value, VALID, 18)


def id_number(raw: object) -> IdInfo:
    """Normalise one ID cell as read from a file.

    Handles spaces and separators, full-width digits, lower-case x (and :data:`X_LOOKALIKES`), 15-digit IDs, numbers
    (int/float cells), scientific notation text, a trailing '.0', and a text marker before the ID (:func:`unmarked`).

    Args:
        raw: the cell value (str, int, float or None).
    Returns:
        An :class:`IdInfo`; never raises.
    """
    if raw is None:
        return IdInfo("", MISSING, 0)
    if isinstance(raw, bool):
        return IdInfo(str(raw), FORMAT, 0)
    if isinstance(raw, (int, float)):
        digits = _numeric_digits(raw)
        if not digits:
            return IdInfo("", MISSING, 0)
        if len(digits) <= EXCEL_DIGITS:
            info = id_number(digits)
            return info
        return IdInfo(digits[:18], NUMERIC, EXCEL_DIGITS)
    return _text_id(raw if type(raw) is str else str(raw))


@lru_cache(maxsize=1 << 16)
def _text_id(raw: str) -> IdInfo:
    """:func:`id_number` of a text cell (remembered: recognising a folder's files judges the same cells once per list
    kind)."""
    text = unmarked(unicodedata.normalize("NFKC", raw)).upper()
    if text in ("", "NAN", "NONE", "NULL", "无", "-", "/"):
        return IdInfo("", MISSING, 0)
    if _NO_ID_YET.search(text) and not any(c.isdigit() for c in text):
        return IdInfo("", MISSING, 0)
    sci = _SCIENTIFIC.match(text.replace(" ", ""))
    if sci:
        mantissa = sci.group(1) + (sci.group(2) or "")
        exponent = int(sci.group(3))
        if exponent + 1 >= len(mantissa) and exponent < 30:
            digits = mantissa + "0" * (exponent + 1 - len(mantissa))
            if len(digits) <= EXCEL_DIGITS:
                return id_number(digits)
            # Excel writes the digits it shows (4.30525E+17: six survive); Python, pandas, R (4.3052519651113e+17) and
            # Java (…E17) write a double's shortest form, whose dropped end is zeros of the double Excel kept (h447)
            shortest = _SHORTEST_FORM.search(raw) is not None
            return IdInfo(digits[:18], NUMERIC, EXCEL_DIGITS if shortest else min(len(mantissa), EXCEL_DIGITS))
    text = _bare(text)
    if len(text) == 18 and text[17] in X_LOOKALIKES and text[:17].isdigit():
        text = text[:17] + "X"
    if len(text) == 15 and text.isdigit():
        upgraded = upgrade15(text)
        if birth_date(upgraded) is not None:
            return IdInfo(upgraded, VALID, 18)
        if birth_date(text) is None:
            return IdInfo(upgraded, DATE, 6)
        # no 一代证 (its date is impossible), but an 18-character ID cut after 15 (a system field of the old width):
        # region, birth date and a digit survive
    if len(text) == 18:
        return _classify18(text)
    if MIN_CUT <= len(text) <= 17 and text.isdigit() and birth_date(text) is not None:
        return IdInfo(text, SHORT, len(text))
    embedded = EMBEDDED.findall(text)  # '陈春军 431122198106178474', 'ID:…（户主）': the one ID the cell holds
    if len(embedded) == 1 and EMBEDDED.sub("", text).strip():
        return _classify18(embedded[0])
    return IdInfo(text, FORMAT, 0)


def old_digits(raw: object) -> str:
    """The 15 digits of an ID cell holding a 15-digit 一代证 number (as text or as a number), else ''.

    Args:
        raw: the cell.
    Returns:
        The 15 digits as the cell holds them, or ''.
    """
    if isinstance(raw, bool):
        return ""
    if isinstance(raw, (int, float)):
        digits = _numeric_digits(raw)
        return digits if len(digits) == 15 else ""
    text = _bare(unmarked(unicodedata.normalize("NFKC", str(raw or ""))))
    return text if len(text) == 15 and text.isdigit() else ""


def old_digits_each(cells: list) -> list[str]:
    """:func:`old_digits` of each cell; a text of ASCII letters and digits only (or none) is told by its length and
    digits, for NFKC, :func:`unmarked` and :func:`_bare` leave it as it is (a roster's 200,000 18-character IDs,
    without a call each: cheaper than finding the distinct cells first).

    Args:
        cells: the cells.
    Returns:
        The 15 digits each cell holds as a 一代证 number, or ''.
    """
    return [(c if len(c) == 15 and c.isdigit() else "") if type(c) is str and c.isascii() and (c.isalnum() or not c)
            else old_digits(c) for c in cells]


def _bare(text: str) -> str:
    """An ID cell's text without a number's trailing '.0' and without separators (spaces, dashes, quotes, dots)."""
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return _SEPARATORS.sub("", text)


# An 18-character ID inside a cell that holds other words too (a name beside it: held-out 124, 51 rows left unread)
EMBEDDED = re.compile(r"(?<![0-9A-Z])[1-9]\d{16}[0-9X](?![0-9A-Z])")
# … as a cell as written holds one or several ('张三、李四' beside 'id1、id2'; '李梅（410…）'): any case of the x
ID_TOKEN = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


# A masked ID: 2 to 14 leading digits shown (a bank's region only, or region + birth date: 42112319670804****: held-out
# 249, counted as no usable ID but not as masked), four or more marks, up to 8 trailing characters shown
_MASKED = re.compile(r"(\d{2,14})[*＊]{4,}(\d{0,7}[\dXx]?)")
# The characters NFKC turns into an asterisk (tests/test_ids.py checks every code point): a cell holding none of them
# is no masked ID, told without normalising it (a city's year of ledgers has 180,000 distinct ID cells)
MASK_MARKS = ("*", "＊", "﹡")
_MARKED = re.compile("[" + "".join(MASK_MARKS) + "]")
# A mask written in letters (4103261981XXXX6437, 4103261981xxxx6437: h419): four or more in a run, never a check
# character (one X, last); read as the same number of asterisks
_LETTER_MARKS = re.compile(r"[XxＸｘ]{4,}")
# what a cell must hold to be looked at by :func:`masked` (a mark, or two mask letters in a row: a superset)
_MAYBE_MASKED = "[" + "".join(MASK_MARKS) + "]|[XxＸｘ]{2}"


def masked(cell: object) -> tuple[str, str] | None:
    """The digits left visible in an ID a bank masked ('4105**********0028' → ('4105', '0028')), else None.

    Such a cell names nobody by itself: it can only confirm a person found another way (her account and name).

    Args:
        cell: the cell.
    Returns:
        (leading digits, trailing characters), or None when the cell is no masked 15- or 18-character ID (the digits
        shown past the region must be able to begin a birth date).
    """
    text = str(cell or "")
    if not _MARKED.search(text):
        up = text.upper()  # (substrings first: most cells are whole IDs, a city's year of ledgers 180,000 of them)
        if ("XX" not in up and "ＸＸ" not in up) or not _LETTER_MARKS.search(text):
            return None
        text = _LETTER_MARKS.sub(lambda run: "*" * len(run.group(0)), text)
    text = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    m = _MASKED.fullmatch(text)
    if not m or len(text) not in (15, 18) or not _birth_prefix(m.group(1)[6:], len(text) == 18):
        return None
    return m.group(1), m.group(2).upper()


def masked_many(cells: list) -> list:
    """:func:`masked` of many cells (``reference.by_value_array(..., many=True)``): a text cell with no mask mark and no
    two mask letters in a row is passed over in bulk (pyarrow's RE2), not one by one (a city's year of ledgers holds
    180,000 whole IDs).

    Args:
        cells: the cells.
    Returns:
        masked(cell) for each cell.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    texts = [c if isinstance(c, str) else "*" for c in cells]  # (any other cell is looked at one by one)
    marked = pc.match_substring_regex(pa.array(texts, type=pa.large_string()), _MAYBE_MASKED)
    out: list = [None] * len(cells)
    for k in pc.indices_nonzero(marked).to_pylist():
        out[k] = masked(cells[k])
    return out


# A masked ID (or account) showing this many digits, leading and trailing together, is told for one person's beside
# her name (never by the digits alone); fewer are too common to tell anyone by
MIN_SHOWN = 8


def shows_enough(shown: tuple[str, str] | None) -> bool:
    """Whether a masked cell's shown digits (:func:`masked`: leading, trailing) are enough to tell a person by with her
    name (:data:`MIN_SHOWN`)."""
    return shown is not None and len(shown[0]) + len(shown[1]) >= MIN_SHOWN


def shows(pid: object, shown: tuple[str, str]) -> bool:
    """Whether an 18-character ID shows the digits a masked one leaves visible (:func:`masked`: leading, trailing).

    Args:
        pid: the ID (anything else is no match).
        shown: (leading digits, trailing characters).
    Returns:
        True when the ID begins and ends with them.
    """
    return isinstance(pid, str) and len(pid) == 18 and pid.startswith(shown[0]) and pid.endswith(shown[1])


def may_be(cell: object, pid: object) -> bool:
    """Whether a row's ID cell can name the person of ID ``pid`` found another way (her 家庭编号 and name): a blank
    cell can, a masked one when it shows her digits (:func:`masked`, :func:`shows`), any other cell names someone
    else."""
    if not str(cell or "").strip():
        return True
    shown = masked(cell)
    return shown is not None and shows(pid, shown)


def masked_shown(cell: object) -> int:
    """How many leading digits a masked 18-character ID shows when they hold region and birth date (at least
    :data:`MASK_SHOWN_MIN`), else 0.

    Args:
        cell: the cell.
    Returns:
        The number of leading digits shown, or 0.
    """
    shown = masked(cell)
    if shown is None or len(shown[0]) < MASK_SHOWN_MIN:
        return 0
    text = unicodedata.normalize("NFKC", str(cell)).strip().replace(" ", "")
    return len(shown[0]) if len(text) == 18 else 0


# The trailing characters a masked 18-character ID must show, beside its whole region code, to be compared without its
# birth date (410326********0354: the sequence's last two digits and the check character; held-out 413)
MASK_TAIL_MIN = 4


# The trailing characters a 15-character mask must show beside its whole region code (410326******437: an 18-digit ID
# written short, or an old 15-digit one's sequence; h419)
MASK_FIFTEEN_TAIL_MIN = 3


def masked_compared(cell: object) -> int:
    """How many leading digits a masked ID shows when it is compared with a roster member's ID by name and the digits
    shown: region and birth date (:func:`masked_shown`), or the whole region code and at least :data:`MASK_TAIL_MIN`
    trailing characters (410326********0354, 4103261965****0354); of a 15-character mask (:func:`shows_fifteen`), the
    whole region code and at least :data:`MASK_FIFTEEN_TAIL_MIN` trailing digits (410326******437); else 0.

    Args:
        cell: the cell.
    Returns:
        The number of leading digits shown, or 0.
    """
    n = masked_shown(cell)
    if n:
        return n
    shown = masked(cell)
    if shown is None or len(shown[0]) < 6:
        return 0
    text = unicodedata.normalize("NFKC", str(cell)).strip().replace(" ", "")
    if len(text) == 15:
        return len(shown[0]) if len(shown[1]) >= MASK_FIFTEEN_TAIL_MIN else 0
    return len(shown[0]) if len(text) == 18 and len(shown[1]) >= MASK_TAIL_MIN else 0


def fifteen_masked(cell: object) -> bool:
    """Whether a masked ID is written in 15 characters (410326******437).

    Args:
        cell: the cell.
    Returns:
        True for a 15-character mask :func:`masked` reads.
    """
    if masked(cell) is None:
        return False
    return len(unicodedata.normalize("NFKC", str(cell)).strip().replace(" ", "")) == 15


def fits_mask(pid: object, cell: object) -> bool:
    """Whether an 18-character ID shows every digit a masked cell leaves visible, a 15-character mask read either way
    (:func:`shows_fifteen`).

    Args:
        pid: the ID.
        cell: the masked cell.
    Returns:
        True when it does (False for a cell that is no mask).
    """
    shown = masked(cell)
    if shown is None:
        return False
    return bool(shows_fifteen(pid, shown)) if fifteen_masked(cell) else shows(pid, shown)


def shows_fifteen(pid: object, shown: tuple[str, str]) -> str:
    """How an 18-character ID shows what a 15-character mask leaves visible: 'old' as an old 15-digit ID's mask (its
    region, yymmdd and sequence: the ID without 19 and its check character), 'short' as the 18-digit ID written short
    (its leading and last digits), '' when neither.

    Args:
        pid: the ID (anything else is no match).
        shown: (leading digits, trailing characters) of the mask.
    Returns:
        'short', 'old' or ''.
    """
    if not isinstance(pid, str) or len(pid) != 18:
        return ""
    if shows(pid, shown):
        return "short"
    old = pid[:6] + pid[8:17]
    return "old" if old.startswith(shown[0]) and old.endswith(shown[1]) else ""


def _birth_prefix(shown: str, full: bool) -> bool:
    """Whether digits shown after the region can begin a birth date (YYYYMMDD of an 18-character ID from 1890 to 2100,
    YYMMDD of a 15-character one): a masked bank account in an ID column (62284800123456****) is no ID."""
    if not full:
        shown = "19" + shown if shown else ""
    year, month, day = shown[:4], shown[4:6], shown[6:8]
    if year and not any(str(y).startswith(year) for y in range(1890, 2101)):
        return False
    if month and not any(f"{m:02d}".startswith(month) for m in range(1, 13)):
        return False
    if len(day) == 2:
        return birth_date("0" * 6 + shown[:8]) is not None
    return not day or day in "0123" and not (day == "3" and month == "02")


def masked_example(cell: object) -> str:
    """A bank's masked ID as a notice may quote it: as written where it shows no more than :func:`mask_id` does (the first
    6 and last 4 characters), else with its other shown digits masked too ('430524********1234' stays;
    '43052419900101****' → '430524************'); '' for a cell that is no masked ID. The notice's example is the
    data's own, never another county's (held-out 252: "如 4105**********1234" beside 430524… IDs).

    Args:
        cell: the cell.
    Returns:
        The text.
    """
    shown = masked(cell)
    if shown is None:
        return ""
    size = len(unicodedata.normalize("NFKC", str(cell)).strip().replace(" ", ""))
    lead, trail = shown[0][:6], shown[1][-4:] if shown[1] else ""
    return lead + "*" * (size - len(lead) - len(trail)) + trail


def mask_id(value: str) -> str:
    """Mask an ID for display: the first 6 and last 4 characters kept, the birth date hidden.

    Args:
        value: any ID text.
    Returns:
        e.g. '430521********123X'; short values are fully masked.
    """
    if not value:
        return ""
    if len(value) < 12:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


_LONG_DIGITS = re.compile(r"\d{6}(?:\d{8}|\d{6})\d{3}[\dXx]|\d{15}|\d{16,19}")


def redact(text: str) -> str:
    """Mask every ID- or account-like digit run in a message (what the console prints, what run.json holds).

    Args:
        text: the message.
    Returns:
        The text with every run of 15 digits or more masked as :func:`mask_id` masks an ID (first 6 and last 4 kept),
        and every mobile phone number as :func:`mask_digits` masks one.
    """
    return _MOBILE.sub(lambda m: mask_digits(m.group(0)), _LONG_DIGITS.sub(lambda m: mask_id(m.group(0)), text))


# A mobile phone number (11 digits from 13…19) in a message: masked too (README: phones never shown whole; held-out 189,
# a name cell '叶秀 13812345678' quoted by a notice)
_MOBILE = re.compile(r"(?<![\d*])1[3-9]\d{9}(?![\d*])")


def mask_digits(value: str, keep_head: int = 3, keep_tail: int = 4) -> str:
    """Mask a bank account or phone number, keeping a few leading and trailing characters.

    Args:
        value: the text.
        keep_head: characters kept at the start.
        keep_tail: characters kept at the end.
    Returns:
        The masked text.
    """
    if not value:
        return ""
    if len(value) <= keep_head + keep_tail:
        return "*" * len(value)
    return value[:keep_head] + "*" * (len(value) - keep_head - keep_tail) + value[-keep_tail:]


def single_digit_apart(a: str, b: str) -> int | None:
    """Return the 1-based position where two 18-character IDs differ, if they differ in exactly one.

    An adjacent transposition counts too (position of its first character).

    Args:
        a: one ID.
        b: another ID.
    Returns:
        The position, or None when they are equal or further apart.
    """
    if len(a) != len(b):
        return None
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diffs) == 1:
        return diffs[0] + 1
    if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
        i = diffs[0]
        if a[i] == b[i + 1] and a[i + 1] == b[i]:
            return i + 1
    return None


def code_checks(codes):
    """For rows of 18 ID bytes (a check 'X' in upper case): whether each is 17 digits and a digit or X, and
    whether its check character is the one its first 17 digits give (GB 11643), vectorised.

    Args:
        codes: a uint8 array of shape (n, 18).
    Returns:
        (shaped, check_ok): two boolean arrays of length n (check_ok means nothing where not shaped).
    """
    import numpy as np

    digits, last = codes[:, :17] - np.uint8(48), codes[:, 17]  # bytes below '0' wrap round above 9
    shaped = (digits <= 9).all(axis=1) & ((last - np.uint8(48) <= 9) | (last == 88))
    total = np.zeros(len(codes), dtype=np.int32)  # column by column: no (n, 17) array of int64 (a third of the time)
    for k, weight in enumerate(WEIGHTS):
        total += digits[:, k] * np.int32(weight)
    return shaped, np.frombuffer(CHECK_MAP.encode(), dtype=np.uint8)[total % 11] == last


def id_numbers(values: list) -> tuple[list[str], list[str], list[int], list]:
    """Normalise many ID cells at once (vectorised for the common clean 18-character text).

    Gives the same answers as :func:`id_number` for every cell, plus the birth date.

    Args:
        values: cell values.
    Returns:
        (values, statuses, reliable prefix lengths, birth dates or None), one entry per cell.
    """
    import numpy as np

    n = len(values)
    is_shaped = [type(v) is str and len(v) == 18 and v.isascii() for v in values]
    shaped = list(compress(values, is_shaped))
    if not shaped:
        return _ids_each(values, range(n), [""] * n, [MISSING] * n, [0] * n, [None] * n)
    arr = np.frombuffer("".join(shaped).encode("ascii"), dtype=np.uint8).reshape(-1, 18)
    digits_ok, check_ok = code_checks(arr)
    d = arr[:, :17].astype(np.int64) - 48
    y = d[:, 6] * 1000 + d[:, 7] * 100 + d[:, 8] * 10 + d[:, 9]
    m = d[:, 10] * 10 + d[:, 11]
    day = d[:, 12] * 10 + d[:, 13]
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    mdays = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[np.clip(m, 0, 12)] + ((m == 2) & leap)
    date_ok = (y >= 1890) & (y <= 2100) & (m >= 1) & (m <= 12) & (day >= 1) & (day <= mdays)
    zeros = (arr[:, 15] == 48) & (arr[:, 16] == 48) & (arr[:, 17] == 48)
    births = np.full(len(shaped), np.datetime64("NaT"), dtype="datetime64[D]")
    ok = digits_ok & date_ok
    births[ok] = (
        (y[ok] - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (m[ok] - 1).astype("timedelta64[M]")
    ).astype("datetime64[D]") + (day[ok] - 1).astype("timedelta64[D]")
    # Each shaped ID of 18 digits (or 17 and X): a valid check character, an impossible birth date, a number written
    # through a double (…000, or the double's own digits), a wrong check character. Any other cell is read by id_number.
    kind = np.where(~date_ok, 1, np.where(check_ok, 0, np.where(zeros, 2, 3)))
    for k in np.flatnonzero(ok & ~check_ok & ~zeros).tolist():
        if written_double(shaped[k]):
            kind[k] = 2
    for k in np.flatnonzero(digits_ok & ~date_ok).tolist():  # (rare: a number's carry into the date)
        if _carried_number(shaped[k]):
            kind[k] = 2
            born = numeric_birth(shaped[k])
            births[k] = np.datetime64(born.isoformat(), "D")
    status = np.array([VALID, DATE, NUMERIC, CHECK], dtype=object)[kind]
    reliable = np.array([18, 6, EXCEL_DIGITS, 14])[kind]
    if len(shaped) == n and digits_ok.all():  # (the common case: every cell such an ID)
        return list(values), status.tolist(), reliable.tolist(), births.tolist()
    at = np.arange(n) if len(shaped) == n else np.flatnonzero(is_shaped)
    rest = np.ones(n, dtype=bool)
    rest[at[digits_ok]] = False

    def spread(part: np.ndarray, blank: object) -> list:
        out = np.empty(n, dtype=object)
        out.fill(blank)  # (np.full would copy a text blank into a new str per cell)
        out[at[digits_ok]] = part[digits_ok]
        return out.tolist()

    return _ids_each(values, np.flatnonzero(rest).tolist(), spread(np.array(shaped, dtype=object), ""),
                     spread(status, MISSING), spread(reliable, 0), spread(births.astype(object), None))


def _ids_each(values: list, at, out_v: list, out_s: list, out_r: list, out_b: list) -> tuple[list, list, list, list]:
    """:func:`id_numbers`' outputs with the cells at ``at`` read by :func:`id_number` (once per distinct cell)."""
    cache: dict = {}
    for i in at:
        v = values[i]
        key = (type(v), v)
        info = cache.get(key)
        if info is None:
            info = cache[key] = id_number(v)
        out_v[i], out_s[i], out_r[i] = info.value, info.status, info.reliable
        if info.status in (VALID, CHECK, SHORT):
            out_b[i] = birth_date(info.value)
        elif info.status == NUMERIC:
            out_b[i] = numeric_birth(info.value)
    return out_v, out_s, out_r, out_b


def one_apart(a: str, b: str) -> bool:
    """Whether two 18-character IDs differ in one character, or by two neighbours swapped (a corrected typing error)."""
    if len(a) != 18 or len(b) != 18 or a == b:
        return False
    apart = [k for k in range(18) if a[k] != b[k]]
    return len(apart) == 1 or (len(apart) == 2 and apart[1] == apart[0] + 1 and a[apart[0]] == b[apart[1]]
                                and a[apart[1]] == b[apart[0]])
