"""Table-driven tests of ID normalisation (GB 11643-1999)."""

import datetime as dt

import pytest

from rostercheck.normalize import ids

VALID = "11010519491231002X"  # the standard's own example
MALE = "430521198001011237"


@pytest.mark.parametrize(
    "raw, value, status",
    [
        (VALID, VALID, ids.VALID),
        ("11010519491231002x", VALID, ids.VALID),  # lower-case x
        # held-out 212: the check character X typed as a look-alike (the times sign, ✕ ✖ ╳, Cyrillic and Greek x, either
        # case) is the same ID; only there: one inside the digits leaves the ID damaged
        *[(f"11010519491231002{x}", VALID, ids.VALID) for x in "\u00d7\u2715\u2716\u2573\u0445\u0425\u03c7\u03a7"],
        (" 110105 19491231002\u00d7 ", VALID, ids.VALID),
        ("110105194912310\u00d72X", "110105194912310\u00d72X", ids.FORMAT),
        ("11010519491231003\u00d7", "11010519491231003X", ids.CHECK),  # X where another check character belongs
        (" 110105 1949 1231 002X ", VALID, ids.VALID),  # spaces
        ("１１０１０５１９４９１２３１００２Ｘ", VALID, ids.VALID),  # full-width
        ("'11010519491231002X", VALID, ids.VALID),  # Excel text apostrophe
        # held-out 245: a text marker before the ID is no part of it, whatever follows (a 15-digit 一代证, a number's
        # scientific text) and in all its forms: curly apostrophes, a prime, a full-width one, a CSV's ="…"
        *[(f"{m}{raw}", value, status) for m in ("'", "‘", "’", "′", "＇", "`") for raw, value, status in (
            (VALID, VALID, ids.VALID), ("110105491231002", "11010519491231002X", ids.VALID),
            ("110105194912310021", "110105194912310021", ids.CHECK),
            ("4.30521198001011E+17", "430521198001011000", ids.NUMERIC), ("", "", ids.MISSING))],
        ('="11010519491231002X"', VALID, ids.VALID), ('= "110105491231002"', "11010519491231002X", ids.VALID),
        ('＝“110105194912310021”', "110105194912310021", ids.CHECK), ('=""', "", ids.MISSING),
        ("110105194\u200b91231002X", VALID, ids.VALID),  # a zero-width space inside, pasted from a web page (held-out 185)
        ("\ufeff11010519491231002X\u2060", VALID, ids.VALID),  # a BOM and a word joiner
        ("110105491231002", "11010519491231002X", ids.VALID),  # 15 → 18
        (110105491231002, "11010519491231002X", ids.VALID),  # 15 digits typed as a number: nothing lost
        ("110105194912310021", "110105194912310021", ids.CHECK),  # wrong check character
        ("110105194902300028", "110105194902300028", ids.DATE),  # 30 February
        ("4.30521198001011E+17", "430521198001011000", ids.NUMERIC),  # scientific text
        (4.30521198001011e17, "430521198001011000", ids.NUMERIC),  # number cell
        ("430521198001011000", "430521198001011000", ids.NUMERIC),  # zeros where digits were lost
        # a double written out whole by another program (…140032, not …000): its tail is noise too (held-out 77)
        ("430524200004140032", "430524200004140032", ids.NUMERIC),
        # … but an ID typed as text with one digit wrong that merely is a double too (one in 64): mistyped (held-out 117)
        ("430524197003151808", "430524197003151808", ids.CHECK),
        ("430524200004140033", "430524200004140033", ids.CHECK),  # one more: no double, a mistyped ID
        ("43052119800101", "43052119800101", ids.FORMAT),
        ("43052119800101123", "43052119800101123", ids.SHORT),  # the last character (the check) lost
        ("43052119801301123", "43052119801301123", ids.FORMAT),  # 17 digits without a real birth date
        # an 18-character ID cut after 15 or 16 (a system field of the old width): no 一代证 (month 19), a birth date kept
        ("430521198001011", "430521198001011", ids.SHORT), ("4305211980010112", "4305211980010112", ids.SHORT),
        ("430521199913011", ids.upgrade15("430521199913011"), ids.DATE),  # neither: month 99 or 13
        # both readings possible (a child born 2005 cut short, or an 一代证 of 1920): the 一代证 is read, as the standard says
        ("430521200501150", ids.upgrade15("430521200501150"), ids.VALID),
        ("", "", ids.MISSING),
        (None, "", ids.MISSING),
        ("无", "", ids.MISSING),
        # held-out 335: words for no ID yet are blank as "无" is, not an ID of the wrong length
        ("待办", "", ids.MISSING), ("户口未落", "", ids.MISSING), ("暂无", "", ids.MISSING), ("未办证", "", ids.MISSING),
        ("不详", "", ids.MISSING), ("没有", "", ids.MISSING), ("张三", "张三", ids.FORMAT), ("刘未来", "刘未来", ids.FORMAT),
        ("ABCDEFGHIJKLMNOPQR", "ABCDEFGHIJKLMNOPQR", ids.FORMAT),
        # held-out 124: a name and the ID in one cell (51 rows left unread): the one ID it holds, judged as any
        ("张三 11010519491231002X", VALID, ids.VALID), ("11010519491231002X（张三）", VALID, ids.VALID),
        ("张三 110105194912310021", "110105194912310021", ids.CHECK),
        ("张三 11010519491231002", "张三11010519491231002", ids.FORMAT),  # no whole ID in it
        (f"{VALID} {VALID}", VALID + VALID, ids.FORMAT),  # two: whose?
    ],
)
def test_id_number(raw, value, status):
    info = ids.id_number(raw)
    assert (info.value, info.status) == (value, status)


@pytest.mark.parametrize("raw, kept", [(MALE[:17], 17), (MALE[:16], 16), (MALE[:15], 15), (int(MALE[:15]), 15)])
def test_an_id_cut_short_keeps_the_digits_it_has(raw, kept):
    info = ids.id_number(raw)
    assert (info.status, info.reliable, info.value) == (ids.SHORT, kept, MALE[:kept]) and not info.ok
    assert ids.birth_date(info.value) == dt.date(1980, 1, 1)
    assert ids.status_label(info.status, info.reliable) == (
        "少一位（末位校验码缺失）" if kept == 17 else
        "只有 15 位（且不是有效的 15 位旧身份证号，后 3 位缺失）" if kept == 15 else "只有 16 位（后 2 位缺失）")


def test_numeric_ids_keep_only_fifteen_reliable_digits():
    info = ids.id_number(float(MALE))
    assert info.status == ids.NUMERIC and info.reliable == 15 and info.value[:15] == MALE[:15]
    assert not info.ok


def _carry_id(born: str, seq: str) -> str:
    return "621124" + born + seq + ids.check_char("621124" + born + seq)


# (the true ID, the birth date a number cell of it gives): a number keeps 15 digits, the 15th rounded half up, and a 9
# there carries into the date (held-out 439)
NUMBER_BIRTHS = [
    (_carry_id("19830228", "958"), dt.date(1983, 2, 28)),  # …0229|0: no such day, the date before the carry
    (_carry_id("19831231", "961"), dt.date(1983, 12, 31)),  # …1232|0
    (_carry_id("19830215", "912"), dt.date(1983, 2, 15)),  # no carry: …0215|9
    (_carry_id("19830215", "934"), dt.date(1983, 2, 15)),  # rounded down: its own date
    (_carry_id("19830227", "958"), dt.date(1983, 2, 28)),  # a carry to a real day cannot be told from that day
]


@pytest.mark.parametrize("pid, born", NUMBER_BIRTHS)
def test_a_number_cells_birth_date_is_read_before_a_carry(pid, born):
    info = ids.id_number(float(f"{int(pid):.14e}"))
    assert info.status == ids.NUMERIC
    assert ids.numeric_birth(info.value) == born
    assert ids.id_numbers([float(f"{int(pid):.14e}")])[3] == [born]


# (text of 18 characters, status, birth date): a number written out whole as text (a CSV's cell of Excel's "0"
# format) whose carry made the date impossible is a number, as one without a carry is — not a wrong date (held-out 439)
WHOLE_NUMBER_TEXTS = [
    ("621124198302290000", ids.NUMERIC, dt.date(1983, 2, 28)),
    ("621124198312320000", ids.NUMERIC, dt.date(1983, 12, 31)),
    ("621124198302159000", ids.NUMERIC, dt.date(1983, 2, 15)),
    ("621124198302290048", ids.NUMERIC, dt.date(1983, 2, 28)),  # the double's own digits, written out by a program
    # must-not: a day two past the month's end, a sequence digit after the carry, a real ID's wrong date
    ("621124198302300000", ids.DATE, None),
    ("621124198302290001", ids.DATE, None),
    ("621124198302290102", ids.DATE, None),
]


@pytest.mark.parametrize("text, status, born", WHOLE_NUMBER_TEXTS)
def test_a_whole_number_text_whose_carry_broke_the_date_is_a_number(text, status, born):
    info = ids.id_number(text)
    assert (info.status, info.reliable) == ((status, ids.EXCEL_DIGITS) if status == ids.NUMERIC else (status, 6))
    assert ids.id_numbers([text, VALID])[1][0] == status and ids.id_numbers([text, VALID])[3][0] == born


@pytest.mark.parametrize("value", ["621124198302300000", "621124198302291000", "6211241983022"])
def test_no_birth_date_is_made_up_for_a_number_without_a_carry(value):
    # must-not: a 15th digit other than 0 (no carry happened), a day two past the month's end, a cut-short value
    assert ids.numeric_birth(value) is None


@pytest.mark.parametrize("value, born, sex", [(VALID, dt.date(1949, 12, 31), "女"), (MALE, dt.date(1980, 1, 1), "男")])
def test_birth_and_sex(value, born, sex):
    assert ids.birth_date(value) == born
    assert ids.sex(value) == sex


@pytest.mark.parametrize(
    "born, on, age",
    [(dt.date(1980, 1, 1), dt.date(2026, 9, 30), 46), (dt.date(1966, 10, 1), dt.date(2026, 9, 30), 59),
     (dt.date(1966, 9, 30), dt.date(2026, 9, 30), 60), (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17)],
)
def test_age_on(born, on, age):
    assert ids.age_on(born, on) == age


@pytest.mark.parametrize(
    "a, b, pos",
    [(MALE, MALE[:5] + "9" + MALE[6:], 6), (MALE, MALE, None), (MALE, MALE[:3] + MALE[4] + MALE[3] + MALE[5:], None if MALE[3] == MALE[4] else 4),
     (MALE, "430521198001011299", None)],
)
def test_single_digit_apart(a, b, pos):
    assert ids.single_digit_apart(a, b) == pos


@pytest.mark.parametrize("value, masked", [(VALID, "110105********002X"), ("", ""), ("123", "***")])
def test_mask_id(value, masked):
    assert ids.mask_id(value) == masked


def test_every_character_nfkc_makes_an_asterisk_is_a_mask_mark():
    """ids.masked passes over a cell without a mask mark unnormalised: no other character may become one."""
    import sys
    import unicodedata

    asterisks = {chr(i) for i in range(sys.maxunicode + 1)
                 if not 0xD800 <= i <= 0xDFFF and "*" in unicodedata.normalize("NFKC", chr(i))}
    assert asterisks == set(ids.MASK_MARKS)
    assert ids.masked("4105﹡﹡﹡﹡﹡﹡﹡﹡﹡﹡0028") == ("4105", "0028") and ids.masked("410523194901010028") is None


MASKED_CASES = [
    ("4105**********0028", ("4105", "0028")),  # a bank's: region head and four last
    ("421123********5847", ("421123", "5847")),
    ("4211231967****1234", ("4211231967", "1234")),
    # region + the whole birth date shown, the rest masked (held-out 249: counted as no usable ID, not as masked)
    ("42112319670804****", ("42112319670804", "")),
    ("421123196708****34", ("421123196708", "34")),
    ("42112319670804＊＊＊＊", ("42112319670804", "")),
    ("42112367080****", ("42112367080", "")),  # a 15-digit 一代证 with its date shown (yymmdd)
    ("421123197302******", ("421123197302", "")),
    # digits past the region that can begin no birth date: no ID (a masked bank account in an ID column)
    ("62284800123456****", None),
    ("42112319670231****", None),
    ("421123196713****11", None),
    ("42112367130****", None),
    ("421123188912****34", None),
    ("42112319670804***", None),  # 17 characters
    ("421123196708041234", None),
    # h419: masks written in letters, four or more in a run (a lone X is a check character)
    ("4211231967XXXX1234", ("4211231967", "1234")),
    ("4211231967xxxx035X", ("4211231967", "035X")),
    ("421123ＸＸＸＸＸＸＸＸ5847", ("421123", "5847")),
    ("42112319670804XXXX", ("42112319670804", "")),
    ("42112319670804123X", None),
    ("4211231967XXX01234", None),  # three letters: no mask (a mistyped ID)
    ("6228480012345XXXX6", None),  # no birth date can begin there
]


@pytest.mark.parametrize("cell, shown", MASKED_CASES)
def test_masked(cell, shown):
    assert ids.masked(cell) == shown


def test_masked_many_is_masked_of_each():
    # the bulk form passes cells over by a pattern: every case above, and cells of other types, give what masked gives
    cells = [c for c, _ in MASKED_CASES] + [None, "", 421123196708041234, 4.2e17, float("nan"), " 4211 2319 67XX XX1234 ",
             "4105﹡﹡﹡﹡﹡﹡﹡﹡﹡﹡0028", "4105＊＊＊＊＊＊＊＊＊＊0028"]
    assert ids.masked_many(cells) == [ids.masked(c) for c in cells]


@pytest.mark.parametrize("cell, shown", [
    # compared by name and the digits shown (held-out 413): region and birth date, or region and the last 4 or more
    ("42112319670804****", 14),
    ("421123********0354", 6),
    ("4211231967****035X", 10),
    ("421123*******10354", 6),
    # too little shown: the region alone, part of it, the region and fewer than 4 trailing characters
    ("421123************", 0),
    ("4211**********0354", 0),
    ("421123*********354", 0),
    ("421123196708041234", 0),
    # h419: letter masks as asterisks; 15 characters (an 18-digit ID written short, or an old ID's mask): region and 3
    # trailing digits or more
    ("4211231967XXXX035X", 10),
    ("421123xxxxxxxx0354", 6),
    ("421123******354", 6),
    ("421123*****0354", 6),
    ("42112367080****", 0),  # an old ID's region and part of its birth date: too little
    ("421123*******54", 0),
    ("421123*********", 0),
    ("4211231967XXXX35", 0),  # 16 characters
])
def test_masked_compared(cell, shown):
    assert ids.masked_compared(cell) == shown


@pytest.mark.parametrize("pid, cell, fits", [
    # h419: a 15-character mask read as the 18-digit ID written short (its last 3) or as an old ID's (its sequence)
    ("421123196708041234", "421123******234", True),
    ("421123196708041234", "421123******123", True),
    ("421123196708041234", "421123******124", False),
    ("421123196708041234", "4211231967XXXX1234", True),
    ("421123196708041234", "4211231968XXXX1234", False),
])
def test_fits_mask(pid, cell, fits):
    assert ids.fits_mask(pid, cell) is fits


from hypothesis import given, settings
from hypothesis import strategies as st

_ID_STRINGS = st.one_of(
    st.text(alphabet="0123456789Xx ", min_size=0, max_size=20),
    st.from_regex(r"[1-6][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]", fullmatch=True),
)
_ID_TEXT = st.one_of(
    _ID_STRINGS,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=0, max_value=10**19),
    st.none(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ID_TEXT, max_size=20))
def test_vectorised_ids_agree_with_single(values):
    got = ids.id_numbers(values)
    for k, v in enumerate(values):
        info = ids.id_number(v)
        born = (ids.birth_date(info.value) if info.status in (ids.VALID, ids.CHECK, ids.SHORT) else
                ids.numeric_birth(info.value) if info.status == ids.NUMERIC else None)
        assert (got[0][k], got[1][k], got[2][k], got[3][k]) == (info.value, info.status, info.reliable, born)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.binary(min_size=18, max_size=18),
                          st.text(alphabet="0123456789X", min_size=18, max_size=18).map(str.encode)), max_size=20))
def test_code_checks_agree_with_the_check_character(rows):
    import numpy as np

    codes = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(-1, 18)
    shaped, check_ok = ids.code_checks(codes)
    for k, row in enumerate(rows):
        text = row.decode("latin-1")
        is_shaped = text[:17].isdigit() and text[:17].isascii() and (text[17] in "0123456789X")
        assert shaped[k] == is_shaped
        if is_shaped:
            assert check_ok[k] == (ids.check_char(text[:17]) == text[17])


@pytest.mark.parametrize("cell, old", [
    ("430523500101123", True), ("430523 500101123", True), ("４３０５２３５００１０１１２３", True),
    ("430523500101123.0", True),  # (a number's text: read as the 15 digits, as id_number reads it)
    (430523500101123.0, True), (430523500101123, True),
    ("430523195001011234", False), ("43052350010112", False), ("", False), (None, False), (True, False),
    ("'430523500101123", True), ("′430523500101123", True), ('="430523500101123"', True),  # a text marker (held-out 245)
])
def test_old_digits_tell_a_15_digit_cell(cell, old):
    assert bool(ids.old_digits(cell)) is old


_OLD_CELL = st.one_of(
    _ID_TEXT,
    st.from_regex(r"[1-6][0-9]{14}(\.0)?", fullmatch=True),
    st.text(alphabet="0123456789Xxab ='‘′`\"“.-_\u00d7\uff10\uff11\u200b\u3000", max_size=20),
    st.text(max_size=18),
    st.booleans(),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_OLD_CELL, max_size=20))
def test_old_digits_each_agrees_with_single(cells):
    assert ids.old_digits_each(cells) == [ids.old_digits(c) for c in cells]


@pytest.mark.parametrize("text, shown", [
    ("如 叶秀 13812345678", "如 叶秀 138****5678"),  # a phone in a name cell quoted by a notice (held-out 189)
    ("电话13812345678、15900001111", "电话138****5678、159****1111"),
    ("共 11 位，2026093012，13,812 元", "共 11 位，2026093012，13,812 元"),  # no phone
    ("12812345678", "12812345678"),  # no mobile prefix
])
def test_redact_masks_mobile_numbers(text, shown):
    assert ids.redact(text) == shown


@pytest.mark.parametrize("cell, bare", [
    ("'410326201603019960", "410326201603019960"), ("’410326201603019960", "410326201603019960"),
    ("′ 410326201603019960", "410326201603019960"), ('="410326201603019960"', "410326201603019960"),
    ('=“410326201603019960”', "410326201603019960"), (" '4103 2620 ", "4103 2620"), ("'", ""),
    ("410326201603019960", "410326201603019960"), ("4103'26", "4103'26"), ("=A1", "=A1"), ('"41032"', '"41032"'),
])
def test_unmarked_drops_only_a_leading_text_marker(cell, bare):
    assert ids.unmarked(cell) == bare


@pytest.mark.parametrize("cell, shown", [
    ("430524********1234", "430524********1234"),  # as written: no more shown than mask_id shows
    ("4105**********0028", "4105**********0028"),
    ("4305241990******34", "430524**********34"),  # a birth year shown by the bank is not quoted
    ("4305241990****123X", "430524********123X"),
    ("430524 ******** 1234", "430524********1234"),
    ("430524199001011234", ""),  # no mask: no example
    ("", ""),
])
def test_masked_example(cell, shown):
    # held-out 252: the masked-ID notice's example is the data's own, never another county's literal
    assert ids.masked_example(cell) == shown


# (strings drawn as strings: filtering _ID_TEXT's other values out failed Hypothesis's filter_too_much check at times)
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ID_STRINGS, st.text(alphabet="0123456789X", max_size=19)), max_size=20))
def test_sexes_of_many_ids_agree_with_sex_of_each(values):
    assert ids.sexes(values).tolist() == [ids.sex(v) for v in values]


@pytest.mark.parametrize("pid, shown, fits", [
    ("430524198001011234", ("4305", "1234"), True),
    ("430524198001011234", ("430524", ""), True),
    ("430524198001011234", ("4305", "1235"), False),
    ("430524198001011234", ("4306", "1234"), False),
    ("43052480010123", ("4305", "0123"), False),  # (not an 18-character ID)
    (None, ("4305", "1234"), False),
    (float("nan"), ("4305", "1234"), False),
])
def test_an_id_shows_the_digits_a_mask_left(pid, shown, fits):
    assert ids.shows(pid, shown) is fits


@pytest.mark.parametrize("cell, may", [
    ("", True), (None, True), ("  ", True),  # a blank cell names no one else
    ("4305**********1234", True), ("4305********1234", False),  # (a mask shorter than an ID's shows nothing)
    ("4305**********1235", False),  # other digits: someone else
    ("430524198001011234", False), ("430524198001019999", False),  # a whole ID names her or another, not "maybe"
    ("不详", False),
])
def test_an_id_cell_may_name_a_person_found_another_way(cell, may):
    assert ids.may_be(cell, "430524198001011234") is may


@pytest.mark.parametrize("raw, reliable", [
    # Excel writes what it shows: the digits shown are all that survive
    ("4.30525196511130E+17", 15), ("4.30525E+17", 6), ("4.3052519651113E+17", 14),
    # h447's left-over: Python, pandas, R (e+) and Java (E without a sign) write a double's shortest form, which drops
    # the zeros at its end: the double Excel kept holds 15 digits (a member's C02 and D03 were lost at 14)
    ("4.3052519651113e+17", 15), ("4.3052519651113E17", 15), ("4.30525196511e+17", 15),
    # … and never more than Excel kept, whatever a program wrote out
    ("4.305251965111301e+17", 15),
])
def test_the_digits_a_number_written_in_exponent_form_keeps(raw, reliable):
    info = ids.id_number(raw)
    assert (info.status, info.reliable) == (ids.NUMERIC, reliable)


def test_a_deaths_row_in_a_programs_exponent_form_tells_namesakes_born_the_same_day_apart():
    # the 15th digit the shortest form leaves out (a zero) is what tells two 张三 born 1965-11-13 in one county apart:
    # at 14 digits both were 低 leads, at 15 the one whose ID it is is found (中: a number-typed ID)
    from helpers import context, flagged, household

    a, b = "430525196511130029", "430525196511132016"
    ctx = context(household("张三", a) + household("张三", b),
                  {"deaths": [{"name": "张三", "id": "4.3052519651113e+17", "date": "2026-05-03"}]})
    assert flagged(ctx, "C02") == [("张三", "中")]
    from rostercheck.audit import run_checks
    assert [ctx.members.at[f.member, "id"] for f in run_checks(ctx, ["C02"])[0]] == [a]
