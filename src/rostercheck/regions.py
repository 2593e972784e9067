"""Places written as GB/T 2260 region codes: the county's own code, and whether a coded place lies in it.

Six-digit GB/T 2260 codes name a province (``410000``), a prefecture (``411000``) or a county-level unit
(``411022``); the statistics bureau's 统计用区划代码 add three digits for a township and three more for a
village (``411022100``, ``411022100201``). A place inside the county has a code that starts with the
county's six digits. Digits are read as a region code only in cells that hold a place (a destination, a
区划 column) and only at the start of the cell, so a postcode or house number further on is never one.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .policy import checks_dir

# GB/T 2260 province-level prefixes (the first two digits of every valid region code).
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
# A code at the start of a place cell: 6 to 12 digits ('411022', '411022 某某县', '[411022100]…', '4110221').
_LEADING = re.compile(r"^[\[【(（]?(\d{6,12})(?!\d)")
# A code inside a title or file name: exactly 6, 9 or 12 digits (never part of a date or a phone number).
_IN_TEXT = re.compile(r"(?<!\d)(\d{6}|\d{9}|\d{12})(?!\d)")
_SEPARATORS = re.compile(r"[\s,，、;；/]+")
# Share of the members' valid IDs that must carry a name-derived code's prefecture digits.
ID_SHARE_FOR_NAME = 0.2
COUNTY_TABLE = "gbt2260_counties.csv"


def region_code(raw: object) -> str:
    """Return the region code a place cell starts with ('' when the cell does not start with one).

    Args:
        raw: a place cell (text or number).
    Returns:
        The digits (6 to 12), or '' when there are none or the first two are no province code.
    """
    if raw is None or isinstance(raw, bool):
        return ""
    if isinstance(raw, float):
        if raw != raw or not raw.is_integer():
            return ""
        raw = int(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    m = _LEADING.match(text)
    if not m or m.group(1)[:2] not in PROVINCES:
        return ""
    return m.group(1)


def township_village(raw: object) -> tuple[str, str]:
    """The township's and the village's codes (统计用区划代码: nine and twelve digits) a place cell's region code gives,
    '' for each it does not reach ('431122101203' → ('431122101', '431122101203')).

    Args:
        raw: a place cell (text or number).
    Returns:
        (township code, village code).
    """
    code = region_code(raw)
    return (code[:9] if len(code) >= 9 else "", code if len(code) == 12 else "")


def town_and_village(town: object, village: object) -> str:
    """A township and village written together for evidence ('石桥镇南村'); a village's 12-digit code shown where
    no name was given already holds its township's code, so the two are not run together ('431124203210', not
    '431124203431124203210': held-out 375)."""
    town, village = str(town or ""), str(village or "")
    if town.isdigit() and village.isdigit() and village.startswith(town):
        return village
    return town + village


def is_county_level(code: str) -> bool:
    """Return whether a code's first six digits name a county-level unit (not a prefecture or province).

    Args:
        code: a region code (6 to 12 digits).
    Returns:
        True for e.g. '411022' or '411022100000', False for '411000' or '410000'.
    """
    return len(code) >= 6 and code[:2] in PROVINCES and code[4:6] != "00"


def place_text(raw: object) -> str:
    """Return a place cell without the region code it starts with ('411022 某某县' → '某某县').

    Args:
        raw: a place cell.
    Returns:
        The text after the code (the whole text when there is no code).
    """
    text = unicodedata.normalize("NFKC", str(raw or "")).strip()
    m = _LEADING.match(text)
    if not m or m.group(1)[:2] not in PROVINCES:
        return text
    return text[m.end():].lstrip("]】)）-—_:：· \t")


def inside(code: str, counties: tuple[str, ...], carried: frozenset[str] | None = None) -> bool | None:
    """Say whether a coded place lies in the county (None when the code is too coarse to tell).

    Args:
        code: the place's region code (6 to 12 digits).
        counties: the county's six-digit codes (several when the county was recoded).
        carried: the six-digit codes many members' IDs start with (None: not known).
    Returns:
        True inside; False for another county (of the same city or not) or another prefecture/province;
        None for the county's own prefecture or province (the code does not say which county), and for a code of its
        prefecture the current table lacks that the members' IDs carry (the county's code before a 区划调整).
    """
    c6 = code[:6]
    if not counties:
        return None
    if c6 in counties:
        return True
    if is_county_level(c6):
        # a code of our prefecture the current table lacks is an abolished one (held-out 199): 410224 开封县, now 410212
        # 祥符区, may be the county itself, its people's IDs carrying it; 410211 金明区, merged into 龙亭区, carried by
        # none of them, is another county's
        former = not current_code(c6) and any(c[:4] == c6[:4] for c in counties)
        return None if former and (carried is None or c6 in carried) else False
    if c6[2:6] == "0000":  # a province
        return None if any(c[:2] == c6[:2] for c in counties) else False
    return None if any(c[:4] == c6[:4] for c in counties) else False


def parse_codes(value: object) -> tuple[str, ...]:
    """Return the six-digit county codes of a configured value ('411022', '411022,411003').

    Args:
        value: the configured text.
    Returns:
        The codes (only valid county-level ones), in the order given.
    """
    out = []
    for part in _SEPARATORS.split(unicodedata.normalize("NFKC", str(value or "")).strip()):
        if part.isdigit() and len(part) in (6, 9, 12) and is_county_level(part) and part[:6] not in out:
            out.append(part[:6])
    return tuple(out)


def bad_codes(value: object) -> list[str]:
    """Return the parts of a configured county_code that are not county-level region codes.

    Args:
        value: the configured text.
    Returns:
        The offending parts (empty when all are valid).
    """
    parts = [p for p in _SEPARATORS.split(unicodedata.normalize("NFKC", str(value or "")).strip()) if p]
    return [p for p in parts if not (p.isdigit() and len(p) in (6, 9, 12) and is_county_level(p))]


def county_of_cells(cells: Iterable[object], share: float = 0.0) -> tuple[str, list[str]]:
    """Return the county part a roster's 区划代码 cells share, and the counties they name.

    Args:
        cells: the roster's region-code cells (codes of 6, 9 or 12 digits; place names are skipped).
        share: the part of the coded cells the most common county must hold (a city's roster spans several).
    Returns:
        (the six-digit county code, '' when none holds ``share`` of the cells; every county named, most first).
    """
    found: Counter = Counter()
    for value, n in Counter(v for v in cells if v).items():  # each distinct cell parsed once
        code = region_code(value)
        if is_county_level(code):
            found[code[:6]] += n
    if not found:
        return "", []
    (top, n), counties = found.most_common(1)[0], [c for c, _ in found.most_common()]
    return (top if n >= share * sum(found.values()) else ""), counties


def coded_places(townships: list[object], villages: list[object]) -> list[str]:
    """Return each member's place as a region code when a roster writes its 村 (else 乡镇) as a 统计用区划代码 of the
    county's level or below, '' for a place in words: a system export with codes and no names in those columns and no
    行政区划代码 column still names its county (held-out 439: moves to another county of the city were only 低).

    Args:
        townships: the members' 乡镇 cells.
        villages: the members' 村 cells (same length).
    Returns:
        One code or '' per member.
    """
    memo: dict[tuple, str] = {}
    out = []
    for pair in zip(townships, villages):
        if pair not in memo:
            codes = [c for c in (region_code(v) for v in reversed(pair)) if is_county_level(c)]
            memo[pair] = codes[0] if codes else ""
        out.append(memo[pair])
    return out


def place_names(cells: list[object]) -> list[object]:
    """Return the non-blank cells of a 行政区划 column that hold a place name rather than a code.

    Args:
        cells: the column's cells.
    Returns:
        The name cells, in order (repeats kept: they weigh in the county-name count).
    """
    coded = {v: bool(region_code(v)) for v in set(cells) if v}
    if all(coded.values()):
        return []
    return [v for v in cells if v and not coded[v]]


# A code table's row naming a township or village by its 统计用区划代码 ('行政区划 431124100 某某镇', '431124100201 | 某村',
# '431124100201 | 某某镇 | 某村'): nine or twelve digits (a number cell's '.0' dropped), then one or two names; a name ends
# as a township's (9 digits, or 12 ending 000) or a village's (12 digits) name does; a 6-digit county code or a lost
# code (4.31124E+11) names nothing
_HAN_NAME = r"[\u4e00-\u9fff]{1,20}(?:[（(][\u4e00-\u9fff]{1,8}[）)])?"
_CODE_NAME = re.compile(rf"(?<![\d.])(\d{{9}}|\d{{12}})(?:\.0+)?(?![\d.])[\s:：|\-－—=、]*({_HAN_NAME})"
                        rf"(?:[\s|/、，,]+({_HAN_NAME}))?(?![\u4e00-\u9fff])")
_TOWNSHIP_ENDS = re.compile(r"(?:镇|乡|街道|街道办事处|办事处|苏木|[农林牧渔]场|管委会|管理委员会|开发区|园区)(?:[（(].*[）)])?$")
_VILLAGE_ENDS = re.compile(r"(?:村|社区|居委会|村委会|委员会|嘎查|[农林牧渔]场|分场|队|组)(?:[（(].*[）)])?$")
def code_place_names(text: str) -> dict[str, str]:
    """The townships and villages a code table names by their 统计用区划代码 (a roster workbook's 代码说明 page with
    行政区划 | 431124100 | 某某镇 rows, a 区划代码 | 区划名称 file, a 村代码 | 乡镇 | 村 file; held-out 369): 9-digit township
    code (a 12-digit one ending 000 is its township's) or 12-digit village code → name. A name must end as a place of
    its level does (a village's code never names a township: 431124100 and 431124100201 are told apart by their
    length); a village's code followed by its township and then its name names both; a county written before the name
    is left out; a code two rows name differently names nothing.

    Args:
        text: the table's text, a row per line (``io.table.legend_text``).
    Returns:
        Code → name.
    """
    found: dict[str, set[str]] = {}

    def add(code: str, name: str) -> None:
        # (a GB/T 2260 county's name written first, and what comes before it: 湖南省永州市道县道江镇 is 道江镇)
        county = next((whole for _, whole in _table_names(name)), "")
        own = name[name.index(county) + len(county):] if county and county in name else name
        found.setdefault(code, set()).add(own if len(own) >= 2 and (_TOWNSHIP_ENDS if len(code) == 9 else
                                                                     _VILLAGE_ENDS).search(own) else name)

    for m in _CODE_NAME.finditer(text or ""):
        code, first, second = m.group(1), m.group(2), m.group(3) or ""
        if code[:2] not in PROVINCES:
            continue
        if len(code) == 9 or code.endswith("000"):
            if _TOWNSHIP_ENDS.search(first):
                add(code[:9], first)
        elif _VILLAGE_ENDS.search(first) and not _TOWNSHIP_ENDS.search(first):
            add(code, first)
        elif _TOWNSHIP_ENDS.search(first) and second and _VILLAGE_ENDS.search(second):
            add(code, second)
            add(code[:9], first)
    return {code: next(iter(names)) for code, names in found.items() if len(names) == 1}


def county_in_text(texts: Iterable[str]) -> str:
    """Return the first county-level code written in a title or file name ('411022某某县低保花名册').

    Args:
        texts: titles and file names, most trusted first.
    Returns:
        The six-digit code, or ''.
    """
    for source in texts:
        for m in _IN_TEXT.finditer(unicodedata.normalize("NFKC", source or "")):
            if is_county_level(m.group(1)):
                return m.group(1)[:6]
    return ""


@lru_cache(maxsize=1)
def _county_table() -> dict[str, list[tuple[str, str, str]]]:
    """Name → [(code, prefecture, province)] from ``checks/codes/gbt2260_counties.csv``."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    path = checks_dir() / "codes" / COUNTY_TABLE
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.DictReader(line for line in fh if not line.startswith("#"))
            for row in rows:
                table.setdefault(row["name"], []).append((row["code"], row["city"], row["province"]))
    except OSError:
        return {}
    return table


# A county's name not in the GB/T 2260 table (a renamed or made-up county): 2–6 characters and 县/自治县/旗 or 区,
# starting where the text starts, after a character that is not Chinese, after a province's, prefecture's or
# league's name ('河北省邢台市清河县' gives 清河县, never 省邢台市清河县) or a date ('2026年第三季度白石县'), and
# crossing no other level's name.
_NAME_CHAR = r"(?:(?![省市州盟区县旗乡镇村年月日第季度期])[\u4e00-\u9fff])"
_COUNTY_NAME = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[省市州盟区年月度]))"
                          rf"({_NAME_CHAR}{{2,6}}?(?:自治县|县|旗)|{_NAME_CHAR}{{2,6}}?(?<!自治)(?<!地)区)")
# Areas named with 区 that are no county: a 社区, the statistics office's urban-rural classes (111 主城区, 121 镇中心区:
# a title's legend, held-out 214 made 主城区 a second district), a county's own 城区, development and other zones
_NOT_COUNTY = re.compile(r"(?:社|城|中心|结合|开发|园|景|小|街|片|辖|管理|试验|实验|示范|保税|自贸|功能|合作|旅游|高新|工业|校|营)区$")
_NAME_ENDS = "县旗区市"
# A character that may stand before a county's name within it (镇宁县, 江宁县), not where a text's other words end it
_IN_NAME = re.compile(r"(?![省市州盟区县旗年月日度期第季])[\u4e00-\u9fff]")
_LONGEST_NAME = 12


@lru_cache(maxsize=1)
def _county_names() -> frozenset[str]:
    """The GB/T 2260 county-level names a text may name its county by: counties and banners (滑县, 清河县,
    长阳土家族自治县), districts and county-level cities of three characters or more (城区, 郊区 are words too)."""
    return frozenset(n for n in _county_table() if n.endswith(("县", "旗")) or (n.endswith(("区", "市")) and len(n) >= 3))


def county_name_in(text: str) -> str:
    """Return the county a title, file name or address names ('' when none).

    A GB/T 2260 county's name found in the text wins (the first place one ends, the longest there: 滑县 in
    '2026年第三季度滑县低保花名册', 长阳土家族自治县 in '湖北省宜昌市长阳土家族自治县'); else a name shaped like one
    (see ``_COUNTY_NAME``: a renamed or made-up county).

    Args:
        text: the text.
    Returns:
        The name, e.g. '清河县'.
    """
    text = unicodedata.normalize("NFKC", text or "")
    for _, whole in _table_names(text):
        return whole
    return next((m.group(1) for m in _COUNTY_NAME.finditer(text) if not _NOT_COUNTY.search(m.group(1))), "")


def _table_names(text: str) -> Iterable[tuple[str, str]]:
    """(GB/T 2260 county name, the name as the text writes it) for each county name in a text, in order: the longest
    name ending at a place, with the characters before it that belong to it."""
    names = _county_names()
    for j, ch in enumerate(text):
        if ch in _NAME_ENDS:
            for k in range(min(_LONGEST_NAME, j + 1), 1, -1):
                if text[j - k + 1:j + 1] in names:
                    # the end of a longer name is no county of its own: 江宁县 and 威宁县 are not 宁县 (held-out 191:
                    # every title of a county whose short name the table lacks was cut so)
                    start = j - k + 1
                    # ... but a province or prefecture named without 省/自治区/地区 before it is none of it (held-out
                    # 211: '新疆昌吉市', '新疆喀什疏勒县' named no county)
                    while (start > 0 and j + 1 - start < 8 and _IN_NAME.match(text[start - 1])
                           and not _after_short_name(text, start)):
                        start -= 1
                    yield text[j - k + 1:j + 1], text[start:j + 1]
                    break


def _after_short_name(text: str, at: int) -> bool:
    """Whether the text before position ``at`` ends with a province's or prefecture's name without its 省/市/自治区/地区
    (新疆, 四川, 内蒙古, 喀什), of two characters or more."""
    shorts, longest = _short_names()
    return any(text[at - n:at] in shorts for n in range(2, min(longest, at) + 1))


@lru_cache(maxsize=1)
def _short_names() -> tuple[frozenset[str], int]:
    """The provinces' and prefectures' names without their suffix (:func:`_places`), and the longest one's length."""
    shorts = frozenset(n for n in (_SUFFIX.sub("", name) for name, _ in _places()) if len(n) >= 2)
    return shorts, max(map(len, shorts), default=0)


def current_county_in(text: str, ours: Iterable[str] = ()) -> bool:
    """Whether a text names a current GB/T 2260 county other than ``ours`` (杞县, 鼓楼区; not 开封县, abolished, nor 江宁县
    whose end 宁县 is one)."""
    own = set(ours)
    return any(name == whole and name not in own
               for name, whole in _table_names(unicodedata.normalize("NFKC", text or "")))


_SUFFIX = re.compile(r"(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区|自治州|地区|盟|自治县|县|区|旗)$")


@lru_cache(maxsize=1)
def _bare_names() -> dict[str, str]:
    """Name without its suffix → six-digit code, of the table's provinces, prefectures and counties, where one place
    only has the short name (深圳 → 440300, 广东 → 440000); short names of one character are none."""
    found: dict[str, set[str]] = {}
    for name, code in _places():
        found.setdefault(_SUFFIX.sub("", name), set()).add(code.ljust(6, "0"))
    for name, rows in _county_table().items():
        for code, _, _ in rows:
            found.setdefault(_SUFFIX.sub("", name), set()).add(code)
    return {n: codes.pop() for n, codes in found.items() if len(n) >= 2 and len(codes) == 1}


def bare_place(text: str) -> str:
    """The six-digit code of a place a text starts with by its name without 省/市/县 ('深圳宝安' → 440300; the longest
    such name), '' for none."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
    names = _bare_names()
    return next((names[text[:k]] for k in range(min(len(text), _LONGEST_NAME), 1, -1) if text[:k] in names), "")


def county_name(sources: list[str], addresses: list[str]) -> str:
    """Return the county named in roster titles and file names, else the one most member addresses name.

    Args:
        sources: roster titles and file names, most trusted first.
        addresses: member addresses (and 行政区划 cells holding names).
    Returns:
        e.g. '清河县' ('' when nothing names one).
    """
    for source in sources:
        name = county_name_in(source)
        if name:
            return name
    found: Counter = Counter()
    for address, n in Counter(a for a in addresses if a).items():  # each distinct address read once
        name = county_name_in(address)
        if name:
            found[name] += n
    return found.most_common(1)[0][0] if found else ""


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, str], ...]:
    """(name, code) of every province (two digits) and prefecture (four digits) of the GB/T 2260 table, longest first;
    a prefecture's name only where one prefecture has it (直辖市's 市辖区 and 县 are no names)."""
    provinces: dict[str, str] = {}
    cities: dict[str, set[str]] = {}
    for name, rows in _county_table().items():
        for code, city, province in rows:
            provinces[province] = code[:2]
            if city not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                cities.setdefault(city, set()).add(code[:4])
    named = [*provinces.items(), *((city, codes.pop()) for city, codes in cities.items() if len(codes) == 1)]
    return tuple(sorted(named, key=lambda kv: -len(kv[0])))


def home_region(member_ids: Iterable[str], share: float) -> tuple[str, str]:
    """The province and the prefecture (two and four digits) that at least ``share`` of the members' valid IDs begin
    with ('' for a level none reaches): where a roster's people are from when nothing names its county.

    Args:
        member_ids: the members' valid 18-character IDs.
        share: the part of them that must agree (0.8).
    """
    return home_region_of(Counter(i[:6] for i in member_ids if i), share)


def home_region_of(prefixes: Counter[str], share: float) -> tuple[str, str]:
    """:func:`home_region` from the members' valid IDs counted by their first six digits (an audit counts them once).

    Args:
        prefixes: the IDs' first six digits → how many IDs begin with them, in the order first seen.
        share: the part of them that must agree (0.8).
    """
    total = sum(n for p, n in prefixes.items() if p)
    out = []
    for width in (2, 4):
        counts: Counter[str] = Counter()
        for p, n in prefixes.items():  # (in the order first seen: of two equal counts, the first seen wins, as it did)
            if p:
                counts[p[:width]] += n
        code, n = (counts.most_common(1) or [("", 0)])[0]
        out.append(code if total and n >= share * total else "")
    return out[0], out[1]


def prefecture_named(name: str) -> bool:
    """Whether a name is a prefecture's or a province's (邵阳市, 湖南省) and no county's."""
    return bool(name) and name not in _county_names() and any(name == n for n, _ in _places())


def outside_home_code(code: str, home: tuple[str, str]) -> bool:
    """Whether a region code lies in another province or prefecture than ``home`` (:func:`home_region`)."""
    return bool((home[0] and code[:2] != home[0]) or (home[1] and code[2:4] != "00" and code[:4] != home[1]))


def outside_home(place: str, home: tuple[str, str]) -> bool:
    """Whether a worded place names a province or a prefecture other than ``home`` (:func:`home_region`): the first such
    name in it decides ('广东省深圳市' against 湖南省 is outside; '湖南省长沙市' against 湖南省邵阳市 is outside too)."""
    text = unicodedata.normalize("NFKC", place or "")
    for name, code in _places():
        if name in text:
            level = home[0] if len(code) == 2 else home[1]
            if level and code != level:
                return True
    return False


def names_only_above(place: str, counties: tuple[str, ...]) -> bool:
    """Whether a worded place names nothing below the province and prefecture that hold the county (``counties``: its
    six-digit codes): '河南省信阳市' for a county of 信阳市 may be any of its counties, as the code 411500 may.

    Args:
        place: the place text.
        counties: the county's codes.
    Returns:
        True when only those names (and no other place) are in it.
    """
    text = unicodedata.normalize("NFKC", place or "")
    found = False
    for name, code in _places():
        if name in text:
            if not any(c.startswith(code) for c in counties):
                return False
            text, found = text.replace(name, ""), True
    return found and not re.search(r"[\u4e00-\u9fff]", re.sub(r"户籍|迁往|迁入|地址|[省市]内", "", text))


def current_code(code: str) -> bool:
    """Whether a six-digit county-level code is in the current GB/T 2260 table (True when the table is missing)."""
    return not _county_codes() or code[:6] in _county_codes()


def county_name_of(code: str) -> str:
    """Return the GB/T 2260 name of a six-digit county code ('' when the table does not have it)."""
    return _county_codes().get(code, "")


@lru_cache(maxsize=1)
def _county_codes() -> dict[str, str]:
    return {code: name for name, rows in _county_table().items() for code, _, _ in rows}


def county_named(name: str, context: str = "", id_prefixes: Counter | None = None) -> str:
    """Return the GB/T 2260 code of a county name when exactly one county fits, else ''.

    A name shared by several counties (鼓楼区) is narrowed by the prefecture or province named in the
    context (a title such as 河南省许昌市某某县…). The code is accepted only when at least
    ``ID_SHARE_FOR_NAME`` of the members' valid IDs carry its prefecture digits: a county name on a
    roster is usually its own, but a made-up or renamed county must not borrow a real county's code.

    Args:
        name: the county's name ('清河县').
        context: titles and file names that may name the prefecture or province.
        id_prefixes: counts of the members' valid IDs by their first four digits (None: none known).
    Returns:
        The six-digit code, or ''.
    """
    candidates = _county_table().get(name, [])
    if len(candidates) > 1 and context:
        named = [c for c in candidates if (c[1] not in ("市辖区", "县") and c[1] in context) or c[2] in context]
        candidates = named or candidates
    total = sum(id_prefixes.values()) if id_prefixes else 0
    if not total:
        return ""
    fits = [c for c in candidates if id_prefixes[c[0][:4]] >= ID_SHARE_FOR_NAME * total]
    return fits[0][0] if len(fits) == 1 else ""


SEVERAL = "花名册区划代码列含多个县区"


def find_county_code(configured: object, region_cells: Iterable[object], sources: list[str], county_name: str,
                     member_ids: Iterable[str], share: float = 0.0) -> tuple[str, str]:
    """Return the county's six-digit code and where it came from, trying the sources in order.

    Order: the configuration (``county_code``); the roster's 区划代码 column (the most common county
    part; without one, the codes its 乡镇 and 村 columns hold, :func:`coded_places`); a code in a roster title or file name; the county's name looked up in the GB/T 2260 table
    when exactly one county fits (see :func:`county_named`).

    Args:
        configured: ``county_code`` from the configuration ('' when not set).
        region_cells: the members' region-code cells.
        sources: roster titles and file names.
        county_name: the county's name, configured or detected ('' when unknown).
        member_ids: the members' valid 18-character IDs.
    Returns:
        (code, source in Chinese), or ('', '') when the county stays unknown.
    """
    codes = parse_codes(configured)
    if codes:
        return codes[0], "配置文件"
    code, counties = county_of_cells(region_cells, share)
    if code:
        return code, "花名册区划代码列"
    if len(counties) > 1:  # a city's roster: no one county is 本县, whatever its title or the addresses say
        return "", f"{SEVERAL}：{'、'.join(counties[:6])}{'等' if len(counties) > 6 else ''}"
    code = county_in_text(sources)
    if code:
        return code, "花名册标题或文件名"
    if county_name:
        prefixes = Counter(i[:4] for i in member_ids if i)
        code = county_named(county_name, " ".join(sources), prefixes)
        if code:
            return code, f"县名“{county_name}”"
    return "", ""


def configured_code_notes(configured: object, member_ids: list[str], least: int = 20) -> list[str]:
    """A warning when no member's ID starts with any configured county code (a mistyped county_code: moves inside
    the county would be read as moves out); said only for a roster of at least ``least`` valid IDs."""
    codes = parse_codes(configured)
    if not codes or len(member_ids) < least or any(i.startswith(codes) for i in member_ids):
        return []
    common = "、".join(c for c, _ in Counter(i[:6] for i in member_ids).most_common(3))
    return [f"配置文件 [common] county_code 为 {'、'.join(codes)}，但花名册中没有一人的身份证号以它开头（最多的是 {common}）；"
            "迁往地写成区划代码时据此判断是否县内，请核对这个代码。"]


def former_code_notes(counties: tuple[str, ...], member_ids: list[str], least: int = 20) -> list[str]:
    """A notice when most members' valid IDs start with a county code that is none of ``counties`` (the county's) and
    not in the current table: likely the county's code before a 区划调整 (held-out 199: 410224 开封县, now 410212 祥符区),
    whose codes in the move list cannot be placed. Said only for a roster of at least ``least`` valid IDs."""
    if not counties or len(member_ids) < least:
        return []
    top, n = Counter(i[:6] for i in member_ids).most_common(1)[0]
    if n * 2 <= len(member_ids) or top in counties or not is_county_level(top) or current_code(top):
        return []
    return [f"花名册中多数人（{n} 人）的身份证号以 {top} 开头，这个代码不在现行区划代码表中，可能是本县区划调整前的代码；"
            f"迁往地写成 {top} 开头代码的，无法判断是否在本县，只作为“低”置信度线索列出。如确是本县旧代码，可在配置文件 "
            f"[common] county_code 中一并填写（如 county_code = \"{','.join(counties)},{top}\"）。"]


def county_notes(code: str, source: str, dests: Iterable[object], name: str) -> list[str]:
    """Return what the user should know about the county, when judging the destinations depends on it.

    Args:
        code: the county's code ('' when unknown).
        source: where the code came from (see :func:`find_county_code`).
        dests: the migration list's destination cells (empty without the list).
        name: the county's name ('' when unknown).
    Returns:
        Warnings in Chinese (empty when no destination needs the county).
    """
    dests = {str(v or "").strip() for v in dests} - {""}
    if source.startswith(SEVERAL) and dests:
        return [f"{source}，无法确定以哪个县为本县：迁往外省、外市的仍按迁出本县计，迁往本市以内的只作为“低”置信度线索列出，"
                "请按各人所在县核实（一次只核查一个县的，可在配置文件 [common] 中填写该县的 county_name 或 county_code）。"]
    if not code and not name and dests:
        return ["未能确定本县（花名册标题和文件名中没有县名，也没有行政区划代码列）：迁往外省、外市的仍按迁出本县计，迁往本市"
                "（花名册多数人身份证号所属的地级市）以内或看不出在哪里的，只作为“低”置信度线索列出，请核实是否迁出本县"
                "（可在配置文件 [common] 中填写 county_name 或 county_code）。"]
    if not any(region_code(v) for v in dests):
        return []
    if not code:
        return ["户籍迁出名单的迁往地以行政区划代码填写，但未能确定本县的区划代码（可在配置文件 [common] 中填写 "
                "county_code，或在花名册中保留“行政区划代码”列）；这些迁出记录只作为“低”置信度线索列出，请核实是否迁出本县。"]
    if source.startswith("县名"):
        return [f"本县行政区划代码按{source}在 GB/T 2260 代码表中查得为 {code}，用于判断迁往地代码是否在本县；"
                "如不正确，请在配置文件 [common] 中填写 county_code。"]
    return []


# A township's government or office after its name (城关镇人民政府, 赤城街道办事处): the township itself
_OFFICE = re.compile(r"(?<=[镇乡])人民政府$|(?<=街道)办事处$|(?<=[镇乡])政府$")
_KIND = re.compile(r"(镇|乡|街道|苏木|民族乡)$")


def township_stem(name: object) -> str:
    """A township's name without its office or kind ('城关镇人民政府', '城关镇', '城关' → '城关'; a 9-digit code, or a
    name whose stem would be one character, as it is): what two spellings of one township share.

    Args:
        name: a township cell.
    Returns:
        The stem ('' for blank).
    """
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name or "")))
    t = _OFFICE.sub("", t)
    stem = _KIND.sub("", t)
    return stem if len(stem) >= 2 else t


def township_key(name: object) -> str:
    """What two spellings of one township share: its stem, and whether it is a 街道 (城关街道 and 城关镇 are two places;
    城关镇人民政府, 城关镇 and 城关 one)."""
    t = _OFFICE.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name or ""))))
    return township_stem(t) + ("街道" if t.endswith("街道") else "")


# A county's (city's, district's) name before a township's: 潢川县春申街道 (a township of at least two characters follows)
_COUNTY_FIRST = re.compile(r"^[\u4e00-\u9fff]{1,10}?[县市区旗](?=[\u4e00-\u9fff]{2,}(?:镇|乡|街道|苏木)$)")


def townships_unified(names: Iterable[str], coded: dict[str, str] | None = None, one_county: bool = True,
                      name_codes: dict[str, str] | None = None) -> dict[str, str]:
    """The spellings of one township in a run, each mapped to one name (held-out 171: 城关, 城关镇, 城关镇人民政府 and
    411524100 were four townships, four workbooks).

    A name with its office (城关镇人民政府) is the township; a bare stem (城关) is the township of that stem when exactly
    one name has it; 乡 and 镇 of one stem (河凤桥乡 renamed 河凤桥镇, 撤乡建镇) are the name written more often; a
    9-digit code is the name ``coded`` gives it (the members whose 行政区划代码 and 乡镇 name both).

    In one county's run a township written after the county's name (潢川县春申街道) is the township (a city's run names
    its townships with their counties on purpose). A bare stem two townships share (城关 beside 城关镇 and 城关街道) is
    the one its rows' 行政区划代码 name (``name_codes``), else left as it is.

    Args:
        names: the townships as written, with repeats (how often decides between 乡 and 镇), or a Counter of them
            (in the order first written).
        coded: 9-digit code → township name.
        one_county: the run is of one county.
        name_codes: township as written → the 9-digit code most of its rows carry.
    Returns:
        name as written → unified name, for the names that change only.
    """
    counts = Counter({n: k for n, k in names.items() if n} if isinstance(names, Counter) else (n for n in names if n))
    proper = {n: _OFFICE.sub("", re.sub(r"\s+", "", n)) for n in counts}
    if one_county:
        proper = {n: _COUNTY_FIRST.sub("", p) for n, p in proper.items()}
    by_stem: dict[str, Counter] = {}
    for n, p in proper.items():
        if _KIND.search(p):  # (a 街道 and a 镇 of one name are two places: 城关街道 was cut from 城关镇; a 乡 became the 镇)
            by_stem.setdefault(township_key(p), Counter())[p] += counts[n]

    def unified(p: str) -> str:
        if _KIND.search(p):
            full = by_stem.get(township_key(p))
        else:  # a bare stem: the one township of that name, 乡/镇 or 街道
            named = [c for stem, c in by_stem.items() if stem.removesuffix("街道") == p]
            full = named[0] if len(named) == 1 and len(named[0]) == 1 else None
        return max(full, key=lambda k: (full[k], k.endswith("镇"))) if full else p

    out = {}
    for n, p in proper.items():
        target = unified(_OFFICE.sub("", (coded or {}).get(p, p))) if p.isdigit() else unified(p)
        if target == p and not _KIND.search(p) and (n in (name_codes or {})):  # (held-out 174: 城关 of 411526100)
            by_code = unified(_OFFICE.sub("", (coded or {}).get(name_codes[n], p)))
            target = by_code if township_stem(by_code) == p else target
        if target != n:
            out[n] = target
    # one spelling alone is left as written, a code's excepted (held-out 291: '锦和街道办事处', the only one in the files,
    # renamed '锦和街道' in every report with a notice that the files wrote it two ways)
    spellings = Counter(out.get(n, n) for n in counts)
    return {n: t for n, t in out.items() if spellings[t] > 1 or proper[n].isdigit()}
