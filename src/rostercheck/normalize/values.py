"""Dates, money, phones, accounts and header labels as they appear in bureau files."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal

# Excel's day zero for serial dates (the 1900 leap-year bug included).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MONTH_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)
# 8-digit dates and 12/14-digit timestamps stored as numbers.
_DIGIT_DATES = ((19000101, 21001231), (190001010000, 210012312359), (19000101000000, 21001231235959))
# Numbers that are a year alone rather than an Excel serial (serial 2025 would be 1905-07-17).
_YEAR_ALONE = (1900, 2100)
_DATE_SPACES = re.compile(r"\s*([-/.年月日])\s*")
# A system timestamp written as digits: 20250930120000 (yyyyMMddHHmmss) or 202509301200.
_TIMESTAMP = re.compile(r"^(\d{8})(?:\d{4}|\d{6})$")
# 25.12.31, 26-1-1, 25/11/20: a two-digit year first, as Chinese dates are written (held-out 170: a migration list's
# dates so written were all unread and the column dropped unsaid); one separator throughout, a 4-digit part is no year
_SHORT_YEAR = re.compile(r"^(\d{2})([-/.])(\d{1,2})\2(\d{1,2})$")
# 30/9/2025 or 9/30/2025 (US-locale CSV): read only when one part cannot be a month.
_SLASH_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def date(raw: object) -> dt.date | None:
    """Return a date from a cell: date objects, Excel serials, and many textual forms.

    Accepts ``2025-03-05``, ``2025/3/5``, ``2025.03.05``, ``20250305`` (text or number),
    ``2025年3月5日`` (spaces allowed), ``25.3.5``/``25-3-5``/``25/3/5`` (20YY, not after next year),
    ``2025-03``/``202503``/``2025年3月`` (the first of the month),
    timestamps (``2025-03-05 10:00``, ``20250305100000``), ``5/30/2025`` when only one of day/month
    order is valid, and Excel serial numbers. A year alone (2025) is not a date.

    Args:
        raw: the cell value.
    Returns:
        The date, or None when the cell is blank or unreadable.
    """
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if isinstance(raw, float) and (math.isnan(raw) or math.isinf(raw)):
            return None
        if any(lo <= raw <= hi for lo, hi in _DIGIT_DATES):
            return date(str(int(raw)))  # 20250930, or a 12/14-digit timestamp 20250930120000
        if 190001 <= raw <= 210012 and float(raw).is_integer() and 1 <= int(raw) % 100 <= 12:
            return dt.date(int(raw) // 100, int(raw) % 100, 1)  # 202509: a month, not an Excel serial
        if _YEAR_ALONE[0] <= raw <= _YEAR_ALONE[1]:
            return None  # a year alone (2025) says no day; as a serial it would be a day in 1905
        if 1 <= raw < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=int(raw))
        return None
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if not text:
        return None
    text = _DATE_SPACES.sub(r"\1", text)  # '2025 年 9 月 30 日', '2025 - 09 - 30'
    text = text.split(" ")[0].split("T")[0]
    m = _TIMESTAMP.match(text)
    if m:
        text = m.group(1)
    m = _SLASH_DMY.match(text)
    if m:
        return _day_month_year(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _SHORT_YEAR.match(text)
    if m:
        return _short_year_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    for pattern in _MONTH_PATTERNS:
        m = pattern.match(text)
        if m and 1 <= int(m.group(2)) <= 12:
            return dt.date(int(m.group(1)), int(m.group(2)), 1)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return date(float(text))
    return None


_MONTH_ONLY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$|^(\d{4})(\d{2})$")


def month_only(raw: object) -> bool:
    """Whether a date cell's text names a month without its day (1959-11, 1959年11月, 195911), which :func:`date` reads
    as the first of the month.

    Args:
        raw: the cell's text (or value).
    Returns:
        True for a month alone.
    """
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return raw == raw and 190001 <= raw <= 210012 and float(raw).is_integer()
    return bool(_MONTH_ONLY.match(unicodedata.normalize("NFKC", str(raw or "")).strip()))


# The day the run audits (--as-of, :func:`set_reference_day`): a month with a two-digit year after the year following it
# is no month a ledger pays ('85年7月', 45.3), judged against that day rather than the day the tool runs, so the same
# files give the same findings whenever they are audited (held-out 364). Unset (a library call): today.
_REFERENCE: list[dt.date] = []


def set_reference_day(day: dt.date | None) -> None:
    """Set (or, with None, clear) the day the run audits, for the months :func:`month` reads (worker processes get it
    from ``parallel.pool``)."""
    _REFERENCE[:] = [day] if day else []


def reference_day() -> dt.date | None:
    """The day set by :func:`set_reference_day`, or None."""
    return _REFERENCE[0] if _REFERENCE else None


def _latest_year() -> int:
    """The last year a ledger's month may be in: the year after the audited day's (today's when none is set)."""
    return (_REFERENCE[0] if _REFERENCE else dt.date.today()).year + 1


def _short_year_date(yy: int, mon: int, day: int) -> dt.date | None:
    """The date of 'YY.M.D' in this century, or None when it is no date or lies after next year (a police or civil
    affairs list dates what has happened: 35.1.1 is no 2035, and 1935 cannot be told from it either)."""
    try:
        found = dt.date(2000 + yy, mon, day)
    except ValueError:
        return None
    return found if found.year <= dt.date.today().year + 1 else None


def _day_month_year(a: int, b: int, year: int) -> dt.date | None:
    """Return the date of 'a/b/year' when only one reading is a valid date (else None: ambiguous)."""
    readings = set()
    for day, mon in ((a, b), (b, a)):
        try:
            readings.add(dt.date(year, mon, day))
        except ValueError:
            pass
    return readings.pop() if len(readings) == 1 else None


def month(raw: object) -> str:
    """Return a 'YYYY-MM' label for a month cell ('2026-07', '2026年7月', '202607', a date, the number 2025.12).

    No month before 1990 is read (held-out 336: 所属月份 7.5 and 45 were Excel serials, 1900-01 and 1900-02, and the
    household's July, paid under that cell, was F06 应发未发 "1900-01 有发放记录"): 低保 began in 1993, so a number
    that is a day of the 1900s as a serial is no month a payment or a wage is for, and an earlier month written out
    is a slip. Nor is a two-digit year whose first part can be a month (10.2, 12.1: 10月2日 as a hand-kept sheet
    writes a day, as much as 2010-02), or that lies after next year (45.3): unread, the ledger says so
    (io.ledgers._months_unread), never a wrong month.

    Args:
        raw: the cell value.
    Returns:
        'YYYY-MM', or '' when unreadable.
    """
    found = _month(raw)
    return found if found >= _FIRST_MONTH else ""


_MONTH_THEN_YEAR = re.compile(r"(0?[1-9]|1[0-2])\s*[/-]\s*((?:19|20)\d{2})")
# the first month a payment or wage can be for (低保 began in Shanghai in 1993; Excel serial 32874 is 1990-01-01)
_FIRST_MONTH = "1990-01"


def _month(raw: object) -> str:
    """:func:`month`'s reading before its floor of 1990."""
    if isinstance(raw, (int, float, str)) and not isinstance(raw, bool):
        digits6 = str(int(raw)) if isinstance(raw, (int, float)) and raw == raw and float(raw).is_integer() else str(raw).strip()
        if re.fullmatch(r"(19|20|21)\d{2}(0[1-9]|1[0-2])", digits6):  # 202609 is a month, not an Excel serial
            return f"{digits6[:4]}-{digits6[4:]}"
    if isinstance(raw, float) and (m := _NUMBER_MONTH.fullmatch(repr(raw))):
        # a month typed as a number (2025.12, 2026.2): Excel shows 2026.10 as 2026.1, so a fraction of .1 is January or
        # October and no month here (the sheet's name may tell: io.ledgers); other fractions name one month each
        return "" if m.group(2) == "1" else f"{m.group(1)}-{int(m.group(2)):02d}"
    # the same with a two-digit year (所属期 25.12, 26.1: held-out 332 read them as Excel serials, all 1900-01);
    # as a number 26.1 is January or October, as text it is what the clerk wrote
    short = repr(raw) if isinstance(raw, float) else unicodedata.normalize("NFKC", raw).strip() if isinstance(raw, str) else ""
    if m := _SHORT_NUMBER_MONTH.fullmatch(short):
        if 2000 + int(m.group(1)) > _latest_year():
            return ""  # 45.3: no ledger pays a month that far ahead (nor is it a serial of 1900)
        return "" if isinstance(raw, float) and m.group(2) == "1" else f"20{m.group(1)}-{int(m.group(2)):02d}"
    if isinstance(raw, str) and (m := _MONTH_THEN_YEAR.fullmatch(unicodedata.normalize("NFKC", raw).strip())):
        # a bank's MM/YYYY ('03/2026', '3-2026': h466's 代发 file, its 所属月份 unread): the year last, four digits
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    if isinstance(raw, str) and (m := _CN_MONTH.fullmatch(cn_numerals(raw.strip()))):
        if len(m.group(1)) == 2 and 2000 + int(m.group(1)) > _latest_year():
            return ""  # '85年7月' is no 2085-07 (a birth month, or a slip): a two-digit year as 25.12's rule above
        return f"{2000 + int(m.group(1)) if len(m.group(1)) == 2 else int(m.group(1)):04d}-{int(m.group(2)):02d}"
    d = date(raw)
    return f"{d.year:04d}-{d.month:02d}" if d else ""


# a number YYYY.M or YYYY.MM whose fraction can be a month (2026.1, 2026.01, 2025.12; 2025.10 shows as 2025.1)
_NUMBER_MONTH = re.compile(r"((?:19|20|21)\d{2})\.(0[1-9]|[1-9]|1[12])")
# YY.M or YY.MM with a year of 2013–2049 (25.12, 26.1, 26.01), never an Excel serial in a month cell; a first part of
# 1–12 is a month too (10.2: 10月2日 or 2010-02), no year (held-out 336)
SHORT_MONTH_YEAR = r"1[3-9]|[2-4]\d"
_SHORT_NUMBER_MONTH = re.compile(rf"({SHORT_MONTH_YEAR})\.(0[1-9]|[1-9]|1[012])")
# '2026年7月', '26年7月', '2026年7月份' once numerals are digits ('二〇二六年七月' → '2026年7月')
_CN_MONTH = re.compile(r"((?:19|20|21)?\d{2})\s*年\s*(0?[1-9]|1[0-2])\s*月份?")
_CN_NUMERALS = {c: str(k) for k, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}


def cn_numerals(text: str) -> str:
    """Chinese numerals in a year or month written as digits: '二〇二六年十一月' → '2026年11月', '七月份' → '7月份'."""
    if not re.search("[〇零○Ｏ一二三四五六七八九十]", text):
        return text
    text = re.sub("十([一二])?(?=月)", lambda m: "1" + (_CN_NUMERALS[m.group(1)] if m.group(1) else "0"), text)
    return "".join(_CN_NUMERALS.get(c, c) for c in text)


# An amount in Chinese numerals: 大写 (壹仟叁佰元整, as receipts write it) or 小写 with place units (一千元); digits
# alone ('一部分', '二〇二六') are an amount only before 元
_CN_DIGIT_VALUES = {c: int(v) for c, v in _CN_NUMERALS.items()} | dict(zip("壹贰叁肆伍陆柒捌玖两", [*range(1, 10), 2]))
_CN_PLACES = dict(zip("十拾百佰千仟", (10, 10, 100, 100, 1000, 1000)))
_CN_AMOUNT = re.compile(r"([〇零○一二三四五六七八九壹贰叁肆伍陆柒捌玖两十拾百佰千仟万]+)(?=(元|圆|块)?)")
_CN_JIAO_FEN = re.compile(r"(\d+)元([0-9])角(?:([0-9])分)?")
# Digits in 万 (ten thousand), as clerks write large sums: '1.2万元', '1.074万', '1万2000元', '1万2千元' (held-out 328:
# '已追回1.2万元' was read as 1.20 元)
_WAN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*万(?:\s*(\d{1,4})(?=\s*(?:元|圆|块))|\s*(\d)\s*千)?")


# Digits in 千 or 百 before 元 ('1千元', '1.2千元', '1千2百元', '5百元'; h421: '已追回1千元' was 11,000 元, the run 千 read as
# 1000 after the 1, and '1.2千元' 1.21 元)
_THOUSANDS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([千仟百佰])(?:\s*(\d)\s*[百佰])?(?=\s*(?:元|圆|块))")


def _thousands_digits(m: re.Match) -> str:
    """'1.2千' → '1200', '1千2百' → '1200', '5百' → '500'."""
    place = 1000 if m.group(2) in "千仟" else 100
    value = Decimal(m.group(1)) * place + (Decimal(m.group(3)) * 100 if m.group(3) and place == 1000 else 0)
    return format(value.normalize(), "f")


def _wan_digits(m: re.Match) -> str:
    """'1.2万' → '12000', '1万2000' → '12000', '1万2千' → '12000'."""
    value = Decimal(m.group(1)) * 10000 + Decimal(m.group(2) or 0) + Decimal(m.group(3) or 0) * 1000
    return format(value.normalize(), "f")


def _cn_integer(run: str) -> int | None:
    """'贰仟伍佰' → 2500, '三千零五十' → 3050, '十五' → 15; None when the run is no amount (digits without places)."""
    total = section = 0
    digit = None
    for ch in run:
        if ch in "〇零○":
            continue  # a place skipped: 三千零五十
        if ch in _CN_DIGIT_VALUES:
            if digit is not None:
                return None  # '二〇二六', '一二': digits side by side are no amount
            digit = _CN_DIGIT_VALUES[ch]
        elif ch in _CN_PLACES:
            section += (1 if digit is None else digit) * _CN_PLACES[ch]
            digit = None
        else:  # 万
            total, section, digit = (total + section + (digit or 0)) * 10000, 0, None
    return total + section + (digit or 0)


def cn_amounts(text: str) -> str:
    """Amounts in Chinese numerals written as digits: '已追回贰仟伍佰元整' → '已追回2500元整', '一千元' → '1000元',
    '伍佰元伍角' → '500.5元', digits in 万 too ('1.2万元' → '12000元'); other Chinese numerals ('一部分', '十月') are left.

    Args:
        text: a township's text.
    Returns:
        The text.
    """
    def digits_of(m: re.Match) -> str:
        run = m.group(1)
        big = re.search("[壹贰叁肆伍陆柒捌玖拾佰仟]", run)  # 大写 numerals are money wherever they stand
        places = len(run) > 1 and re.search("[十百千万]", run) and run[0] not in "百千万"
        value = _cn_integer(run) if (m.group(2) or big or places) and run[0] != "万" else None  # ('1.2万元')
        return m.group(0) if value is None else str(value)
    if not re.search("[〇零○一二三四五六七八九壹贰叁肆伍陆柒捌玖两十拾百佰千仟万]", text):
        # (h388: '已追回1237元5角' was 1,237 元)
        return _CN_JIAO_FEN.sub(lambda m: f"{m.group(1)}.{m.group(2)}{m.group(3) or ''}元", text)
    text = _THOUSANDS.sub(_thousands_digits, _WAN.sub(_wan_digits, text))
    text = _CN_AMOUNT.sub(digits_of, text)
    return _CN_JIAO_FEN.sub(lambda m: f"{m.group(1)}.{m.group(2)}{m.group(3) or ''}元", text)


_QUARTER = re.compile(r"(\d{4})\s*年?\s*(?:第\s*)?([1-4一二三四])\s*季(?:度)?|(\d{4})\s*[Qq]\s*([1-4])")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}
# '2025年4-6月', '2025年4月-6月', '2025.7-9月', '2025年7月至9月' (a 月 or 至/到 makes it a span: 2025-07-09 is a date)
_SPAN = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*(?:月\s*[-—~～至到]|[-—~～]|至|到)\s*(\d{1,2})\s*月"
                   r"|(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?\s*(?:至|到)\s*(\d{1,2})\s*月?$")
_CROSS = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?\s*[-—~～至到]\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?$"
                    # '202607-202609' (a year and month in six digits each) …
                    r"|^((?:19|20)\d{2})(0[1-9]|1[0-2])\s*[-—~～至到]\s*((?:19|20)\d{2})(0[1-9]|1[0-2])$"
                    # … and '2026.7-9' (a dot, then a dash: no date is written so)
                    r"|^((?:19|20)\d{2})\.(\d{1,2})\s*[-—~～]\s*()(\d{1,2})$")


# '2026年8月、9月', '2026年8、9月', '2026年1月,2月,3月': months listed one by one in one year (a row paying a part of a
# quarter in a quarterly ledger: h496, the row for the two months left after a failed one was unread)
_LISTED = re.compile(r"(\d{4})\s*年\s*((?:\d{1,2}\s*月?\s*[、,，和及]\s*)+\d{1,2})\s*月份?")


def _listed_months(s: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first and last month of a cell listing consecutive months of one year ('2026年8月、9月'), else None."""
    m = _LISTED.fullmatch(s)
    if not m:
        return None
    listed = [int(x) for x in re.findall(r"\d{1,2}", m.group(2))]
    if any(b != a + 1 for a, b in zip(listed, listed[1:])):  # (months left out between: no span)
        return None
    year = int(m.group(1))
    return (year, listed[0]), (year, listed[-1])


def month_span(raw: object) -> tuple[str, ...] | None:
    """Return the months a cell names when it names several ('2025年7-9月', '2025年第3季度', '2025Q3',
    '2025-07至2025-09'), else None (one month, a date or nothing).

    Args:
        raw: the cell value.
    Returns:
        'YYYY-MM' labels in order (2 to 12 of them), or None.
    """
    if not isinstance(raw, str):
        return None
    s = unicodedata.normalize("NFKC", raw).strip()
    first = last = None
    if m := _QUARTER.search(s):
        year = int(m.group(1) or m.group(3))
        q = _CN_DIGIT.get(m.group(2) or "", 0) or int(m.group(2) or m.group(4))
        first, last = (year, 3 * q - 2), (year, 3 * q)
    elif m := _CROSS.search(s):
        g = [x for x in m.groups() if x is not None]  # the alternative that matched: (year, month, year or '', month)
        first = (int(g[0]), int(g[1]))
        last = (int(g[2]) if g[2] else first[0], int(g[3]))
    elif m := _SPAN.search(s):
        year, a, b = (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m.group(1) else (
            int(m.group(4)), int(m.group(5)), int(m.group(6)))
        first, last = (year, a), (year, b)
    elif listed := _listed_months(s):
        first, last = listed
    if not first or not (1 <= first[1] <= 12 and 1 <= last[1] <= 12):
        return None
    count = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if not 2 <= count <= 12:
        return None
    return tuple(f"{first[0] + (first[1] - 1 + k) // 12:04d}-{(first[1] - 1 + k) % 12 + 1:02d}" for k in range(count))


# a span of months without its year ('7-9月', '7月至9月', '第三季度', '3季度', 'Q3'), once numerals are digits
_BARE_SPAN = re.compile(r"^(\d{1,2})\s*月?\s*(?:[-~至到]|—+)\s*(\d{1,2})\s*月份?$|^(?:第\s*)?([1-4])\s*季度?$|^[Qq]\s*([1-4])$")


def bare_month_span(raw: object) -> tuple[int, int] | None:
    """Return the first and last month (1–12) a cell names as a span without its year ('7-9月', '7月-9月', '第三季度',
    '三季度', 'Q3'), else None (the year then comes from the sheet, title or file name).

    Args:
        raw: the cell value.
    Returns:
        (first, last), last before first for a span over the new year ('11-1月'), or None.
    """
    if not isinstance(raw, str):
        return None
    s = cn_numerals(unicodedata.normalize("NFKC", raw).strip())
    m = _BARE_SPAN.match(s)
    if not m:
        return None
    if m.group(1):
        first, last = int(m.group(1)), int(m.group(2))
        return (first, last) if 1 <= first <= 12 and 1 <= last <= 12 and first != last else None
    q = int(m.group(3) or m.group(4))
    return 3 * q - 2, 3 * q


# A bank's 摘要 (or a 用途, 备注) naming the item and the month it is for around one month, without a day: '低保金202607',
# '补发低保金202606', '冲正 低保金2026-08', '2026年7月低保金', '低保金(2026.07)'; the words name an item when they hold
# an item's ending word (金, 补贴 …), so '2026年7月死亡' or a day '20260705' name no month a payment is for
# … or with the year in two digits before 年 ('26年7月低保金', '26年5月低保金补发': a bank's 用途; h455: read as no month,
# back pay for May booked to the file's July beside July's own payment, F04 高)
_ITEM_AND_MONTH = re.compile(r"(?P<before>[^\d]*?)[\s（(]*(?:(?P<year>20\d{2})(?:\s*年\s*(?P<m>0?[1-9]|1[0-2])\s*月份?"
                             r"|[-./]?(?P<mm>0[1-9]|1[0-2])|[-./](?P<m1>[1-9]))"
                             r"|(?P<yy>[12]\d)\s*年\s*(?P<m2>0?[1-9]|1[0-2])\s*月份?)[\s）)]*(?P<after>[^\d]*)")
_ITEM_WORD = re.compile(r"金|补贴|津贴|补助|资金|费|补差|差额")
_ITEM_ASIDE = re.compile(r"\s*\([^()]*(?:含|其中|补发|重发|合并)[^()]*\)\s*$")


def item_month(raw: object) -> tuple[str, str] | None:
    """Return the month a payment's 摘要 says it is for, and the item's words without it: '补发低保金202606' →
    ('2026-06', '低保金') (back pay of the item: the month says which), '冲正 低保金202608' → ('2026-08', '冲正 低保金').

    Args:
        raw: the cell value (an item, 摘要, 用途 or remark).
    Returns:
        ('YYYY-MM', the item), or None when the cell is not an item's words beside one month.
    """
    if not isinstance(raw, str):
        return None
    # an aside after the words is the remark's ('2025年12月低保金(含11月补发)': back pay beside the month, held-out 409)
    if not (m := _ITEM_AND_MONTH.fullmatch(_ITEM_ASIDE.sub("", unicodedata.normalize("NFKC", raw).strip()))):
        return None
    words = f"{m['before'].strip()}{m['after'].strip()}"
    if not _ITEM_WORD.search(words):
        return None
    item = re.sub(r"^补发\s*", "", words)
    year = m["year"] or f"20{m['yy']}"
    return f"{year}-{int(m['m'] or m['mm'] or m['m1'] or m['m2']):02d}", item


# back pay named in an item or remark: 补发6月, 补发2025年12月, 补发3-5月, 补发3月至5月, 补发3、4、5月, 补发2025年11月至2026年1月;
# a re-payment names its month alike (重发2月, 退回重发3月, 重新发放4月: held-out 226, booked to its file's month)
BACK_PAY_WORDS = ("补发", "重发", "重新发放", "再次发放")
_BACK_MONTH = r"(?:20\d{2}\s*年\s*)?(?:1[0-2]|0?[1-9])"
# a span's dash as typed (5-6月, 5～6月 with a full-width tilde, 5〜6月, 5–6月, 5－6月) and a list's comma (5、6月, 5，6月);
# after a 月 none is needed (补发5月6月: held-out 409, read as May alone, the double amount one month's)
_BACK_DASH = r"[-~～\u301c–－至到]|—+"  # (U+301C 〜, a wave dash GBK lacks, as an escape)
_BACK_SEP = rf"\s*(?:月\s*(?:{_BACK_DASH}|[、,，])?|(?:{_BACK_DASH}|[、,，]))\s*"
_BACK_PAY = re.compile(rf"(?:{'|'.join(BACK_PAY_WORDS)})\s*({_BACK_MONTH}(?:{_BACK_SEP}{_BACK_MONTH})*)\s*月")
_BACK_PART = re.compile(rf"(?:(20\d{{2}})\s*年\s*)?(1[0-2]|0?[1-9])\s*月?\s*({_BACK_DASH})?")
# … or the months first, the word after ('9月退回重发', '7月提标补差', '3-5月补发'; held-out 274: on a sheet without 所属月份
# the re-payment stayed October's, September F06 高, and July's raise was August's)
_BACK_PAY_AFTER = re.compile(rf"(?<![\d年])({_BACK_MONTH}(?:{_BACK_SEP}{_BACK_MONTH})*)\s*月份?\s*(?:的)?"
                             rf"\s*(?:退回|提标|低保金?|特困供养金|保障金)?\s*(?:{'|'.join(BACK_PAY_WORDS)}|补差)")


# months of back pay written as numbers ('补发2026.05-2026.06', '补发202605-202606', '补发2026/5') or in Chinese numerals
# ('补发五、六月', '补发十一至十二月'): rewritten as '2026年5月', '5、6月' before reading (held-out 414: each read as no
# back pay, the row booked to the month paid)
_BACK_NUMBERED = re.compile(r"(?<![\d.])(20\d{2})(?:\s*[.．/／-]\s*(1[0-2]|0?[1-9])|(0[1-9]|1[0-2]))(?![\d月年])"
                            r"(?!\s*[.．/／-]\s*\d{1,2}(?!\d))")  # (not a day's date: 补发2026-05-20 is when, not for when)
_BACK_TENS = re.compile(r"十([一二])?(?=\s*(?:月|[、,，~～\u301c–－至到-]))")


def _back_pay_text(note: str) -> str:
    """A note's months as back_pay_months reads them: numbered months and Chinese numerals as '2026年5月', '5、6月'."""
    if re.search("[〇零○一二三四五六七八九十]", note):
        note = _BACK_TENS.sub(lambda m: "1" + (_CN_NUMERALS[m.group(1)] if m.group(1) else "0"), note)
        note = "".join(_CN_NUMERALS.get(c, c) for c in note)
    return _BACK_NUMBERED.sub(lambda m: f"{m.group(1)}年{int(m.group(2) or m.group(3))}月", note) if "20" in note else note


def back_pay_stripped(text: str) -> str:
    """Return an item's words without the back pay it names ('补发7月民政资金' → '民政资金', '民政资金（7月补发）' →
    '民政资金（）').

    Args:
        text: the item, as text.
    Returns:
        The text with each back-pay phrase (补发6月, 3-5月补发 …) taken out.
    """
    text = _back_pay_text(text)
    return _BACK_PAY_AFTER.sub("", _BACK_PAY.sub("", text))


def back_pay_months(note: str, paid: str) -> tuple[str, ...]:
    """Return the months back pay (or a re-payment: '重发2月', '退回重发3月') named in an item or remark is for ('补发6月',
    '补发3-5月', '补发3、4、5月', '补发2025年11月至2026年1月'); a month written without its year is the latest such month not after the next one
    named (the last: not after the month paid).

    Args:
        note: the item and remark, as text.
        paid: the 'YYYY-MM' the row is otherwise booked to.
    Returns:
        'YYYY-MM' labels in order (1 to 12 of them), or () when the note names no back pay or not one month span.
    """
    named = any(w in note for w in (*BACK_PAY_WORDS, "补差"))
    note = _back_pay_text(note) if named else note
    found = (_BACK_PAY.search(note) or _BACK_PAY_AFTER.search(note)) if named else None
    if not found or not paid:
        return ()
    parts = [[int(y) if y else None, int(m), bool(sep)] for y, m, sep in _BACK_PART.findall(found.group(1))]
    year = None
    for part, before in zip(parts, [None, *parts]):  # a year written holds for the months after it (11、12、1月 runs on)
        year = part[0] or (year + (part[1] < before[1]) if year else None)
        part[0] = year
    after = (int(paid[:4]), int(paid[5:7]))
    for part in reversed(parts):  # months before any year written: the latest not after the month named next
        part[0] = part[0] or (after[0] if part[1] <= after[1] else after[0] - 1)
        after = (part[0], part[1])
    index = [y * 12 + m - 1 for y, m, _ in parts]
    months = [index[0]]
    for k in range(1, len(parts)):
        months += range(index[k - 1] + 1, index[k] + 1) if parts[k - 1][2] else [index[k]]
    if len(months) > 12 or months != sorted(set(months)):
        return ()
    return tuple(f"{k // 12:04d}-{k % 12 + 1:02d}" for k in months)


_E_AMOUNT = re.compile(r"[-+]?\d+(?:\.\d*)?[eE][-+]?\d+")


def money(raw: object) -> float | None:
    """Return an amount in yuan from a cell ('2,800.00', '2800元', '￥1,200', 1200, '1.2万').

    Args:
        raw: the cell value.
    Returns:
        The amount, or None when blank or unreadable.
    """
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return None if isinstance(raw, float) and math.isnan(raw) else float(raw)
    text = unicodedata.normalize("NFKC", str(raw)).replace(",", "").replace(" ", "")
    if "万" in text:  # '1.488万', '2万元', '1万2000元' (held-out 457: a 家庭年纯收入 of 1.488万 was read as 1.49 元, L01 高)
        text = _WAN.sub(_wan_digits, text)
    # A number in E notation as text ('1.5E+03', a CSV written from a number cell): its value, not its mantissa (h497:
    # '1e9' 分 was read as 1 分, F05 高 for the other 5,849.91 元)
    if e := _E_AMOUNT.fullmatch(text):
        value = float(e.group(0))
        return value if math.isfinite(value) else None
    # The first number in the cell: '2800元/月', '￥1,200', '2800.00元（月）'; a sign before the currency sign is the
    # amount's (a bank's reversal '-￥1,130.00', held-out 215: it was read as 1,130.00 paid)
    m = re.search(r"([-+]?)\u00a5?(\d+(?:\.\d+)?)", text)  # (\u00a5: NFKC's yuan sign)
    if not m or re.search(r"\d[-/年]\d", text):
        return None  # no number, or a date
    return float(m.group(1) + m.group(2))


# The unit an amount's header names in brackets ('月发放金额（分）', '金额(元/人·月)', '（单位：分）') or its sheet's title
# rows name for the sheet ('金额单位：分', '单位：万元'), as yuan per unit: a system export may keep money in fen (held-out
# 210: a 156 元 pension in 分 was read as 15,600 元/月, C03 高)
# (h458: '金额(万)' and '单位：万' name 万元 too — read as yuan, 0.123 for 1,230 元, F01 amounts wrong at exit 0)
YUAN_PER = {"万元": 10000.0, "万": 10000.0, "元": 1.0, "角": 0.1, "分": 0.01}
_UNIT_OF_LABEL = re.compile(r"[(（\[【]\s*(?:(?:金额)?单位[:：]?\s*)?(万元|万|元|角|分)\s*(?:/[^)）\]】]*)?[)）\]】]"
                            r"|单位[:：]?\s*(万元|万|元|角|分)(?![\u4e00-\u9fff])")
_UNIT_OF_TITLE = re.compile(r"单位\s*[:：]?\s*(万元|万|元|角|分)(?![\u4e00-\u9fff])")


def yuan_per_unit(label: str, title: str = "") -> float:
    """Return how many yuan one unit of an amount column is: its header's own unit, else its title rows', else 1.

    Args:
        label: the column's header label.
        title: the text of the rows above the header.
    Returns:
        100 分 a yuan: 0.01; 万元: 10000; 元 or no unit named: 1.
    """
    own = _UNIT_OF_LABEL.search(label)
    named = own or _UNIT_OF_TITLE.search(unicodedata.normalize("NFKC", title or ""))
    return YUAN_PER[next(u for u in named.groups() if u)] if named else 1.0


def unit_label(label: str) -> bool:
    """Whether an amount column's own header names its unit in brackets or after 单位 ('成员2金额（角）')."""
    return _UNIT_OF_LABEL.search(label or "") is not None


def unit_named(label: str, title: str = "") -> bool:
    """Whether an amount column's header or title rows name its unit at all (元 included: '月发放金额（元）', '单位：元'),
    or its header says yuan in another way ('金额元', '工资(元/月)')."""
    return ("元" in label or _UNIT_OF_LABEL.search(label) is not None
            or _UNIT_OF_TITLE.search(unicodedata.normalize("NFKC", title or "")) is not None)


# A birth month written without its day: '1970年1月', '1970-01', '1970/1', '1970.01', '197001'
_BIRTH_MONTH = re.compile(r"((?:18|19|20)\d{2})\s*(年|[-/.])\s*(\d{1,2})\s*月?(?:份)?|((?:18|19|20)\d{2})()(0[1-9]|1[0-2])")
_YEAR_WRITTEN = re.compile(r"(?:18|19|20)\d{2}")
_LUNAR = re.compile(r"农历|阴历|旧历")


def day_or_month(raw: object) -> str:
    """Return a date as written, to the day ('YYYY-MM-DD') or to the month when the cell gives no day ('YYYY-MM').

    A text with no four-digit year ('70.1', '不详'), a year and month that read either way (1970.1 and '1970.1':
    January, or October shown without its 0) and a date said to be lunar ('1970-03-05（农历）': an ID carries the
    solar date, weeks apart) are not read.

    Args:
        raw: the cell value (a roster's 出生日期).
    Returns:
        The date or month, '' when not read.
    """
    if raw is None or isinstance(raw, bool):
        return ""
    if isinstance(raw, float):
        if raw != raw or (1800 < raw < 2100 and raw != int(raw)):
            return ""
        raw = int(raw) if raw == int(raw) else raw
    if isinstance(raw, int) and 180001 <= raw <= 210012:
        raw = str(raw)
    if isinstance(raw, str):
        t = unicodedata.normalize("NFKC", raw).strip()
        if _LUNAR.search(t):
            return ""
        if m := _BIRTH_MONTH.fullmatch(t):
            year, sep, mon = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
            if sep == "." and mon == "1":
                return ""  # ('1970.1': January, or 1970.10 once a number, October)
            return f"{int(year):04d}-{int(mon):02d}" if 1 <= int(mon) <= 12 else ""
        if not _YEAR_WRITTEN.search(t):
            return ""
    d = date(raw)
    return d.isoformat() if d else ""


# A count in Chinese numerals filling the cell: '两人', '十二名', '三个', '一百零五' (h464: a 从业人数 '两人' was no count)
_CN_COUNT = re.compile(r"\s*([零〇○一二两三四五六七八九十百]{1,4})\s*(?:人|名|个)?\s*")


def count(raw: object) -> int | None:
    """Return a whole number (people, employees) from a cell ('3', '3人', 3.0, '两人', '十二名').

    Args:
        raw: the cell value.
    Returns:
        The number, or None.
    """
    value = money(raw if not isinstance(raw, str) else raw.replace("人", ""))
    if value is None and isinstance(raw, str) and (words := _CN_COUNT.fullmatch(raw)):
        value = _cn_integer(words.group(1))  # (None for numerals side by side, '一二')
    if value is None or value < 0 or value > 10_000_000:
        return None
    return int(round(value))


def digits(raw: object) -> str:
    """Return only the digits of an account or phone number ('6228 4801-23', 6.22848e18 → digits).

    Args:
        raw: the cell value.
    Returns:
        The digit string ('' when blank).
    """
    if raw is None or isinstance(raw, bool):
        return ""
    if isinstance(raw, float):
        if math.isnan(raw) or math.isinf(raw):
            return ""
        return f"{raw:.15g}" if abs(raw) < 1e15 else _excel_integer(raw)
    if isinstance(raw, int):
        return str(raw)
    if type(raw) is str and raw.isascii() and raw.isdigit():
        return raw
    text = unicodedata.normalize("NFKC", str(raw))
    return re.sub(r"\D", "", text)


def number_words(raw: object) -> str | None:
    """Return the words a phone cell writes beside its number ('村委会0916-5221001' → '村委会'; '13954914560（代）' → '代').

    Args:
        raw: the cell value.
    Returns:
        The words ('' for a number alone), None for a blank cell (carried down as the number is).
    """
    if raw is None or isinstance(raw, (int, float, bool)):
        return None if raw is None or raw != raw else ""
    if isinstance(raw, str) and raw.isdigit():  # most cells: a number alone (a city's roster has hundreds of thousands)
        return ""
    t = unicodedata.normalize("NFKC", str(raw)).strip()
    return re.sub(r"[\d\s+\-()/,.、;:]", "", t) if t else None


def numbers_words(values: list) -> list:
    """:func:`number_words` of many cells (a column's distinct cells): a cell of digits alone, most of a phone column's,
    without a call.

    Args:
        values: the cells.
    Returns:
        Their words.
    """
    return ["" if type(v) is str and v.isdigit() else number_words(v) for v in values]


_SCIENTIFIC = re.compile(r"^\s*\d(?:\.\d+)?[eE]\+?(1[5-9]|[2-9]\d)\s*$")


def digits_lost(raw: object) -> bool:
    """Return whether an account cell lost digits: to a number format, a number of 16 digits or more (Excel keeps 15),
    or its scientific notation written out as text ('6.21700123456789E+15'); or to a bank's mask (6217****5678, held-out
    140: two households' masked accounts alike were one account shared).

    Args:
        raw: the cell value.
    Returns:
        True when the cell's digits are not all the account's.
    """
    if isinstance(raw, float):
        return abs(raw) >= 1e15
    return isinstance(raw, str) and bool(_SCIENTIFIC.match(raw) or masked_digits(raw))


def account_losses(values: list) -> list[str]:
    """How each of many account cells (a column's distinct cells) lost digits: 'masked' by a bank (:func:`masked_digits`),
    'cut' by a number format (:func:`digits_lost`, not masked), '' for none; a cell of digits alone, most of them, without
    a call.

    Args:
        values: the cells.
    Returns:
        'masked', 'cut' or '' per cell.
    """
    return ["" if type(v) is str and v.isdigit() else "masked" if masked_digits(v) else "cut" if digits_lost(v) else ""
            for v in values]


_MASK = re.compile(r"\d\s*[*＊]")


def masked_digits(raw: object) -> bool:
    """Whether an account or ID cell was masked (some digits shown as *: 6217****5678, 4105**********1234)."""
    return isinstance(raw, str) and ("*" in raw or "＊" in raw) and bool(_MASK.search(raw))


def masked_account(raw: object) -> str:
    """A masked account as one text, its shown digits where they stand ('6217 99** **** 5678' → '621799********5678');
    '' for a cell that is not masked."""
    if not masked_digits(raw):
        return ""
    return re.sub(r"[^0-9*]", "", unicodedata.normalize("NFKC", str(raw)).replace("＊", "*"))


def rounded_up(kept: str) -> str:
    """The digits a number format shows for an account or ID whose kept digits are these when it rounds the last one
    up (15 significant digits, half up: …193|7772 shows …194): one more, as many digits ('' for no digits).

    Args:
        kept: the leading digits written whole ('621744358606193').
    Returns:
        Those digits plus one ('621744358606194').
    """
    return str(int(kept) + 1).zfill(len(kept)) if kept.isdigit() else ""


def carried(whole: str) -> str:
    """The 15 digits a number format rounding half up shows for an account or ID written whole when they are not its
    own first 15: one more, from a 16th digit of 5 or more; '' when it shows its own (or may only have cut them).

    Args:
        whole: the digits written whole ('6217443586061937772').
    Returns:
        '621744358606194', or '' (…1934…: it shows …193, as a cut one does; held-out 287).
    """
    return rounded_up(whole[:15]) if whole[15:16].isdigit() and whole[15] >= "5" else ""


def shown_as_double(whole: str) -> set[str]:
    """The 15 digits a number format may show for an ID or account written whole once a program stored it as a double:
    the nearest double rounded half up to 15 digits, or that double written with 16 significant digits first (xlsxwriter,
    pandas' ``to_excel``) and read back: …166495 is written 4.228221970061665E+17 and shown …167, one more than its own
    16th digit gives (held-out 448); empty for a cell that is not digits only.

    Args:
        whole: the digits written whole ('422822197006166495').
    Returns:
        e.g. {'422822197006166', '422822197006167'}.
    """
    if not (whole.isdigit() and len(whole) >= 16):
        return set()
    near = float(whole)
    return {_excel_integer(near)[:15], _excel_integer(float(f"{near:.16g}"))[:15]}


def _excel_integer(raw: float) -> str:
    """A big whole number as Excel shows it: 15 significant digits, then zeros (an ID or account typed as a number,
    4.30521196001010e17 → '430521196001010000', not the float's own 430521196001009984)."""
    return str(int(Decimal(f"{raw:.15g}")))


def text(raw: object) -> str:
    """Return a cell as clean text (NFKC, trimmed; numbers without a trailing '.0').

    Args:
        raw: the cell value.
    Returns:
        The text ('' for blanks).
    """
    if type(raw) is str and raw.isascii():
        return raw.strip()  # NFKC leaves ASCII as it is
    if raw is None:
        return ""
    if isinstance(raw, float):
        if math.isnan(raw):
            return ""
        if raw.is_integer():
            # Excel keeps 15 significant digits: print big numbers (IDs, accounts) the way Excel stored them.
            return _excel_integer(raw) if abs(raw) >= 1e15 else str(int(raw))
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()[:10]
    return _visible(unicodedata.normalize("NFKC", str(raw)).strip())


def written_text(raw: object) -> str:
    """Return a text cell as the clerk wrote it: trimmed, without invisible characters, but not NFKC-folded (full-width
    brackets and digits stay full-width), for quoting in evidence; anything else as :func:`text` gives it.

    Args:
        raw: the cell value.
    Returns:
        The text ('' for blanks).
    """
    return _visible(raw.strip()) if type(raw) is str else text(raw)


# Characters that show nothing (zero-width space, joiners, direction marks, soft hyphen, BOM): pasted from web pages into
# names and IDs, they make one name two in every report and search (held-out 189: 白\u200b勇文)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


# The text of a spreadsheet's error value (#N/A of a VLOOKUP that found nothing …), as the .xlsx reader gives it
_ERROR_VALUE = re.compile(r"#(?:N/A|REF!|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)")


def is_error_value(value: object) -> bool:
    """Whether a cell holds a spreadsheet's error value ('#N/A', '#REF!'): no word of anything."""
    return isinstance(value, str) and bool(_ERROR_VALUE.fullmatch(value.strip()))


def _visible(value: str) -> str:
    """A cell's text without invisible characters (looked for only in a text with something unprintable)."""
    return value if value.isprintable() else _INVISIBLE.sub("", value).strip()


def texts(values: list) -> list[str]:
    """:func:`text` of many cells (a column's distinct cells): a text cell without a Python call of its own.

    Args:
        values: the cells.
    Returns:
        Their texts.
    """
    nfkc, visible = unicodedata.normalize, _visible
    # (as text() takes them: ASCII as it is, trimmed; else NFKC, trimmed, and only an unprintable text searched for
    # invisible characters; no call of a function of ours for most cells: IDs, accounts and phones are ASCII)
    return [(v.strip() if v.isascii() else t if (t := nfkc("NFKC", v).strip()).isprintable() else visible(t))
            if type(v) is str else text(v) for v in values]


def header_label(raw: object) -> str:
    """Return a header cell in comparable form: NFKC, no whitespace, no '*' or ':' marks.

    Args:
        raw: the header cell.
    Returns:
        The label.
    """
    label = text(raw)
    # a month typed into a header cell becomes a date on its first day (2026年8月 → 2026-08-01, a reader may add
    # 00:00:00): the month is meant (held-out 132: a wide ledger's August column read as nothing)
    if first_day := _FIRST_DAY.fullmatch(label):
        return f"{first_day.group(1)}年{int(first_day.group(2))}月"
    return re.sub(r"[\s*:：\"'“”]", "", label)


_FIRST_DAY = re.compile(r"((?:19|20)\d{2})-(0[1-9]|1[0-2])-01(?:[ T]00:00(?::00)?)?")
