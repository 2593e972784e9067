"""The filtered lists' one-ID-column read of big workbooks (io.sparse) gives what the whole read gives."""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rostercheck import bulk
from rostercheck.errors import InputFileError
from rostercheck.io import sparse
from rostercheck.io.table import read_file, to_table
from rostercheck.normalize import ids

from helpers import make_id

KEPT = [make_id(f"19{50 + k:02d}0101", 100 + k) for k in range(6)]  # people of interest
OTHERS = [make_id(f"19{50 + k:02d}0202", 300 + k) for k in range(30)]  # clean IDs no one has


def _keys() -> bulk.KeySet:
    keys = bulk.KeySet()
    values, statuses, reliable, _ = ids.id_numbers(KEPT)
    keys.add(values, statuses, reliable)
    return keys


@pytest.fixture(autouse=True)
def small_sheets(monkeypatch):
    monkeypatch.setattr(sparse, "MIN_XML_BYTES", 0)  # every sheet is big enough


def _write(path, rows, how: str, start_col: int = 0) -> None:
    """Rows of cells into a one-sheet workbook: xlsxwriter's shared or inline strings, or openpyxl."""
    if how == "openpyxl":
        book = openpyxl.Workbook()
        sheet = book.active
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1 + start_col):
                if value is not None:
                    sheet.cell(r, c, value)
        book.save(path)
        return
    book = xlsxwriter.Workbook(path, {"constant_memory": how == "inline"})
    sheet = book.add_worksheet("养老金")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c + start_col, value)
    book.close()


def _both(path, kind: str = "pensions"):
    """(the sparse read's table and grid type, the whole read's table), both filtered by the key set."""
    keys = _keys()
    raw = read_file(path, kind, sparse=True)
    grid = type(raw.sheets[0][0]).__name__ if raw.sheets else ""
    return to_table(raw, keys.keeps), grid, to_table(read_file(path, kind), keys.keeps)


def _same(a, b) -> None:
    pd.testing.assert_frame_equal(a.frame.reset_index(drop=True), b.frame.reset_index(drop=True))
    assert (a.row_count, a.rows, a.headers, a.title, a.warnings) == (b.row_count, b.rows, b.headers, b.title, b.warnings)


HEADER = ["姓名", "社会保障号码", "险种", "月发放金额", "发放状态"]


@pytest.mark.parametrize("how", ["shared", "inline", "openpyxl"])
def test_only_the_rows_that_can_link_are_read_and_they_are_the_whole_reads(tmp_path, how):
    rows = [["城乡居民养老保险发放名单"], HEADER]
    for k in range(40):
        pid = KEPT[k % len(KEPT)] if k % 7 == 0 else OTHERS[k % len(OTHERS)]
        rows.append([f"张{k}", pid, "城乡居民基本养老保险", 150 + k, "正常发放"])
    rows.append(["王五", "43052119800101123", "城乡居民基本养老保险", 150, "正常发放"])  # 17 characters: kept
    rows.append(["李四", None, "城乡居民基本养老保险", 150, "正常发放"])  # no ID: kept
    rows.append([None] * 5)
    rows.append(["合计", None, None, 9999, None])
    path = tmp_path / "pensions.xlsx"
    _write(path, rows, how)
    got, grid, whole = _both(path)
    assert grid == "SparseGrid"
    _same(got, whole)
    assert set(got.frame["id"].dropna()) >= set(KEPT) and not set(got.frame["id"].dropna()) & set(OTHERS)


@pytest.mark.parametrize("how", ["shared", "inline"])
def test_kept_rows_are_found_from_their_id_cells_places(tmp_path, how):
    rows = [HEADER] + [[f"张{k}", (KEPT + OTHERS)[k % 36], "险种", 100 + k, "正常"] for k in range(60)]
    path = tmp_path / "pensions.xlsx"
    _write(path, rows, how)
    grid = read_file(path, "pensions", sparse=True).sheets[0][0]
    grid.index(1)
    numbers = grid._numbers[5::7]
    at = np.searchsorted(grid._numbers, numbers)
    windows, cells = grid._places[0][at].tolist(), grid._places[1][at].tolist()
    assert all(grid._xml.windows[w][c:c + 7] == b'<c r="B' for w, c in zip(windows, cells))  # each ID cell's place
    found = grid._elements(numbers, at)
    grid._places = None  # each found by its number
    assert found == grid._elements(numbers, at) and all(e.startswith(b'<row r="%d"' % n) for e, n in zip(found, numbers))


def test_a_second_persons_id_column_is_read_whole_and_keeps_its_rows(tmp_path):
    rows = [["主体名称", "法定代表人", "法定代表人证件号码", "投资人", "投资人证件号码", "从业人数", "登记状态"]]
    for k in range(40):  # every legal representative a stranger; some investors people of interest
        rows.append([f"合作社{k}", f"李{k}", OTHERS[k % len(OTHERS)], f"张{k}",
                     KEPT[k % len(KEPT)] if k % 5 == 0 else OTHERS[(k + 1) % len(OTHERS)], 6, "存续"])
    path = tmp_path / "businesses.xlsx"
    _write(path, rows, "inline")
    got, _, whole = _both(path, "businesses")
    _same(got, whole)
    assert got.frame["_row"].tolist() == [2 + k for k in range(0, 40, 5)]


def test_a_sheet_starting_right_of_column_a_and_a_row_further_left(tmp_path):
    rows = [HEADER] + [[f"张{k}", (KEPT + OTHERS)[k], "企业职工基本养老保险", 100, "正常"] for k in range(20)]
    path = tmp_path / "right.xlsx"
    _write(path, rows, "shared", start_col=2)
    got, grid, whole = _both(path)
    assert grid == "SparseGrid"
    _same(got, whole)
    book = openpyxl.load_workbook(path)
    book.active.cell(15, 1, "备注")  # a cell left of every other, on a row the filter drops
    book.save(path)
    got, _, whole = _both(path)
    _same(got, whole)


def test_rich_text_shared_strings_travel_with_their_rows(tmp_path):
    # the kept rows' shared strings, rich text among them, are copied into the small workbook as written
    path = tmp_path / "rich.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet, bold = book.add_worksheet("养老金"), book.add_format({"bold": True})
    sheet.write_row(0, 0, HEADER)
    for r, pid in enumerate(KEPT + OTHERS, 1):
        if r % 4 == 0:
            sheet.write_rich_string(r, 0, bold, "张", f"三{r}")
            sheet.write_rich_string(r, 1, bold, pid[:6], pid[6:])  # an ID in two runs: its row is kept
        else:
            sheet.write_row(r, 0, [f"李{r}", pid])
        sheet.write_row(r, 2, ["企业职工基本养老保险", 100 + r, "正常发放"])
    book.close()
    got, grid, whole = _both(path)
    assert grid == "SparseGrid"
    _same(got, whole)
    assert "张三4" in set(got.frame["name"])


def test_more_than_one_sheet_is_read_whole(tmp_path):
    path = tmp_path / "two.xlsx"
    book = xlsxwriter.Workbook(path)
    for name in ("一月", "二月"):
        sheet = book.add_worksheet(name)
        for r, row in enumerate([HEADER] + [[f"张{k}", (KEPT + OTHERS)[k], "险种", 100, "正常"] for k in range(10)]):
            sheet.write_row(r, 0, row)
    book.close()
    got, grid, whole = _both(path)
    assert grid == "Grid"
    _same(got, whole)


def test_small_sheets_are_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(sparse, "MIN_XML_BYTES", 1 << 30)
    path = tmp_path / "small.xlsx"
    _write(path, [HEADER] + [[f"张{k}", OTHERS[k], "险种", 100, "正常"] for k in range(10)], "shared")
    got, grid, whole = _both(path)
    assert grid == "Grid"
    _same(got, whole)


_CELL = st.one_of(
    st.sampled_from(KEPT + OTHERS[:8]),  # clean IDs, kept or not
    st.sampled_from(["", " ", "合计", "社会保障号码", "43052119800101123X", "4305211980010112x", "身份证号码"]),
    st.integers(0, 10**12), st.floats(0, 1e6, allow_nan=False), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=6), st.none())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(st.lists(_CELL, min_size=0, max_size=7), min_size=0, max_size=40),
       how=st.sampled_from(["shared", "inline", "openpyxl"]), start_col=st.integers(0, 2),
       title=st.booleans())
def test_any_sheet_reads_as_the_whole_read_does(tmp_path_factory, body, how, start_col, title):
    rows = ([["发放名单"]] if title else []) + [HEADER] + body
    path = tmp_path_factory.mktemp("sparse") / "list.xlsx"
    dated = [[dt.datetime.combine(v, dt.time()) if isinstance(v, dt.date) else v for v in row] for row in rows]
    _write(path, dated, how, start_col)
    keys = _keys()

    def read(sparse_read: bool):
        try:
            return to_table(read_file(path, "pensions", sparse=sparse_read), keys.keeps)
        except InputFileError as exc:  # a sheet the whole read refuses is refused alike
            return str(exc)

    got, whole = read(True), read(False)
    if isinstance(whole, str):
        assert got == whole
    else:
        _same(got, whole)


def test_shapes_of_id_cells():
    row = b'<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="4" t="s"><v>7</v></c><c r="BA2" t="s"><v>2</v></c></row>'
    kind, pattern = sparse._text_shape([row], b"B")
    assert kind == "shared" and pattern.startswith('^\\d+" s="\\d+" t="s">')
    assert sparse._text_shape([b'<row r="2"><c r="B2"><v>12</v></c></row>'], b"B") is None  # numbers: none
    assert sparse._renumber(row, 9).count(b'r="') == 4
    assert b'<c r="BA9"' in sparse._renumber(row, 9) and b'<row r="9"' in sparse._renumber(row, 9)


_XML_BIT = st.sampled_from([b'<row r="', b'<c r="', b'<row r="12"', b'<c r="AB7"', b'"', b"1", b"42", b"A", b"BA", b"z",
                             b" ", b">", b"<", b"</c>", b"</row>", b"<t>x</t>", b"\x00", "张".encode(), b"\xff"])


@settings(max_examples=300, deadline=None)
@given(elements=st.lists(st.lists(_XML_BIT, max_size=12).map(b"".join), max_size=6), first=st.integers(1, 10**7))
def test_rows_renumbered_in_bulk_as_each_alone(elements, first):
    assert sparse._renumbered(elements, first) == [sparse._renumber(e, first + k) for k, e in enumerate(elements)]


@pytest.mark.parametrize("how", ["shared", "openpyxl"])
def test_a_second_table_stacked_in_a_big_sheet_is_read_as_the_whole_read_reads_it(tmp_path, how):
    # held-out 213: a second table under its own header (other columns at other places) is read by its own layout,
    # from the sheet read whole, and the rows each keep their spreadsheet row number
    rows = [["城乡居民养老保险发放名单"], HEADER]
    rows += [[f"张{k}", (KEPT if k % 5 == 0 else OTHERS)[k % 6], "城乡居民基本养老保险", 150 + k, "正常发放"] for k in range(20)]
    rows += [[], ["机关事业单位养老保险发放名单"], ["序号", "险种", "公民身份号码", "姓名", "月发放金额"]]
    rows += [[k + 1, "机关事业单位养老保险", KEPT[k % 6], f"李{k}", 3000 + k] for k in range(6)]
    path = tmp_path / "养老金.xlsx"
    _write(path, rows, how)
    got, _grid, whole = _both(path)
    _same(got, whole)
    assert sorted(zip(got.frame["name"], got.frame["_row"])) == sorted(
        [(f"张{k}", 3 + k) for k in range(0, 20, 5)] + [(f"李{k}", 26 + k) for k in range(6)])
    assert any("中有 2 个表格（第 24 行起为第二个表格）" in w for w in got.warnings)


@pytest.mark.parametrize("how", ["shared", "inline"])
def test_a_record_status_column_keeps_the_read_sparse_and_drops_the_deleted_rows_after_it(tmp_path, how):
    # h490: a big deaths list with 删除标志 was read whole for that column (measured on a 90,000-row, 42 MB-XML list:
    # 5.7–5.9 s CPU and 318 MB against 4.2–5.0 s and 279 MB); the kept rows' flags only are read now
    rows = [["姓名", "身份证号", "死亡日期", "删除标志"]]
    for k in range(60):
        pid = KEPT[k % len(KEPT)] if k % 5 == 0 else OTHERS[k % len(OTHERS)]
        rows.append([f"张{k}", pid, "2026-05-01", "1" if k % 10 == 0 else "0"])   # half the kept rows deleted
    path = tmp_path / "deaths.xlsx"
    _write(path, rows, how)
    keys = _keys()
    raw = read_file(path, "deaths", sparse=True)
    grid = raw.sheets[0][0]
    got = to_table(raw, keys.keeps)
    assert type(grid).__name__ == "SparseGrid" and grid._whole is None   # (main: the sheet read whole)
    _same(got, to_table(read_file(path, "deaths"), keys.keeps))
    assert got.frame["_row"].tolist() == [2 + k for k in range(5, 60, 10)]
    assert any("可能与花名册人员有关的行中有 6 行标为已删除或作废（“删除标志”为“1”）" in w for w in got.warnings)
