"""Property-based tests: ID normalisation and the table reader hold up whatever they are given."""

import csv
import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rostercheck.console import redact
from rostercheck.errors import InputFileError
from rostercheck.io.table import Table, load_table
from rostercheck.normalize import ids, values

REGIONS = st.sampled_from(["110101", "430521", "510104", "652801"])
BIRTHS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31))
SEQ = st.integers(min_value=0, max_value=999)
ANY_CELL = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                     st.text(max_size=40), st.decimals(allow_nan=False).map(str))


@st.composite
def valid_ids(draw):
    first17 = f"{draw(REGIONS)}{draw(BIRTHS):%Y%m%d}{draw(SEQ):03d}"
    return first17 + ids.check_char(first17)


@given(ANY_CELL)
def test_id_number_never_raises(raw):
    info = ids.id_number(raw)
    assert info.status in ids.STATUS_LABELS
    assert 0 <= info.reliable <= 18
    assert info.ok == (info.status == ids.VALID)


@given(st.lists(st.one_of(ANY_CELL, st.dates(), st.text(alphabet="张三 　\u00a0ＡＢ１２x\x1c\u200b", max_size=8))))
def test_texts_is_text_of_each_cell(cells):
    assert values.texts(cells) == [values.text(c) for c in cells]


# phone and account cells: digits alone (ASCII, full-width, other scripts' digits), masks, number formats, words
NUMBER_CELL = st.one_of(ANY_CELL, st.text(alphabet="0123456789１２٣*＊ eE+.-()村委会代", max_size=22),
                        st.floats(min_value=1e14, max_value=1e20), st.integers(min_value=0, max_value=10**19).map(str))


@given(st.lists(NUMBER_CELL))
def test_numbers_words_is_number_words_of_each_cell(cells):
    assert values.numbers_words(cells) == [values.number_words(c) for c in cells]


@given(st.lists(NUMBER_CELL))
def test_account_losses_are_masked_and_digits_lost(cells):
    assert values.account_losses(cells) == ["masked" if values.masked_digits(c) else
                                            "cut" if values.digits_lost(c) else "" for c in cells]


@given(valid_ids(), st.sampled_from(["{}", " {} ", "{}\t"]), st.booleans(), st.booleans())
def test_valid_id_round_trips_through_damage(value, frame, full_width, lower):
    text = value.lower() if lower else value
    if full_width:
        text = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in text)
    info = ids.id_number(frame.format(text))
    assert (info.value, info.status, info.reliable) == (value, ids.VALID, 18)
    assert ids.id_number(info.value) == info


@given(valid_ids())
def test_fifteen_to_eighteen_and_back(value):
    if not value[6:8] == "19":
        return
    old = value[:6] + value[8:17]
    assert ids.upgrade15(old) == value
    assert ids.id_number(old).value == value and ids.id_number(old).ok
    assert ids.id_number(int(old)).value == value


@given(valid_ids())
def test_ids_typed_as_numbers_are_never_exact(value):
    if value.endswith("X"):
        return
    typed = float(value[:15] + "000")  # Excel keeps the first 15 digits of a typed number
    for raw in (typed, f"{typed:.14E}", int(typed)):
        info = ids.id_number(raw)
        assert not info.ok and info.reliable <= 15
        assert info.value[:15] == value[:15]


@given(valid_ids(), st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
def test_one_changed_digit_is_never_valid_as_is(value, pos, delta):
    if not value[pos].isdigit():
        return
    damaged = value[:pos] + str((int(value[pos]) + delta) % 10) + value[pos + 1 :]
    assert ids.id_number(damaged).status != ids.VALID


@given(valid_ids(), st.text(max_size=20), st.text(max_size=20))
def test_redact_hides_every_id(value, before, after):
    masked = redact(f"{before} {value} {after}")
    assert value not in masked
    assert ids.mask_id(value)[6:14] == "*" * 8


GRIDS = st.lists(st.lists(ANY_CELL, min_size=0, max_size=6), min_size=0, max_size=8)
HEADERS = st.sampled_from([[], ["姓名", "身份证号"], ["乡镇", "村", "姓名", "与户主关系", "身份证号"]])


def _cell_for_xlsx(value):
    if isinstance(value, str):
        return "".join(c for c in value if c in "\t\n\r" or ord(c) >= 32)[:30000] or None
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return str(value)
    return value


def _read(path: Path, kind: str):
    try:
        return load_table(path, kind)
    except InputFileError as exc:
        assert str(exc).startswith("文件“")
        return exc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADERS, GRIDS, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]), st.sampled_from(",\t"),
       st.sampled_from(["roster", "deaths", "staff"]))
def test_csv_grids_never_crash_the_reader(header, grid, encoding, delimiter, kind):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        with path.open("w", encoding=encoding, errors="replace", newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter)
            writer.writerows([header, *[["" if v is None else v for v in row] for row in grid]])
        got = _read(path, kind)
        assert isinstance(got, (Table, InputFileError))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADERS, GRIDS, st.sampled_from(["roster", "deaths", "staff"]), st.booleans())
def test_xlsx_grids_never_crash_the_reader(header, grid, kind, merge):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in [header, *grid]:
            ws.append([_cell_for_xlsx(v) for v in row])
        if merge and ws.max_row > 2:
            ws.merge_cells(start_row=2, start_column=1, end_row=ws.max_row, end_column=1)
        wb.save(path)
        got = _read(path, kind)
        assert isinstance(got, (Table, InputFileError))
        if isinstance(got, Table):
            assert len(got.frame) <= len(grid)


# Characters numpy and Python might judge apart (NUL, which numpy drops at the end of a text; Unicode digits and spaces)
_EDGE_TEXT = st.text(st.one_of(st.sampled_from(list(" \t\n\x00\u3000\x1c\x85\xa00123456789٣²a")), st.characters()), max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(_EDGE_TEXT, min_size=1, max_size=20, unique=True))
def test_id_starts_and_blank_cells_in_numpy_judge_as_python_does(texts):
    import pandas as pd

    from rostercheck.io.table import _ID_START, _blank_cells, _id_starts

    assert _id_starts(texts).tolist() == [len(t) >= _ID_START and t[:_ID_START].isdigit() for t in texts]
    assert _blank_cells(pd.Index(texts, dtype=object)).tolist() == [not t.strip() for t in texts]
    assert _blank_cells(pd.Index([*texts, 7], dtype=object)).tolist() == [not t.strip() for t in texts] + [False]
