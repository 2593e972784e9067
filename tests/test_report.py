"""The xlsx writer: data rows serialised in bulk must be exactly what xlsxwriter writes cell by cell."""

from __future__ import annotations

import math
import zipfile

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from rostercheck.io import report
from rostercheck.io.report import Workbook, public_columns, sheet_name


def _cell_by_cell(path, sheets, widths=None):
    """The reference: every cell written through xlsxwriter's own API, in constant-memory mode."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False, "constant_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"})
    fill = book.add_format({"bold": True, "bg_color": "#FFF2CC", "border": 1})
    text = book.add_format({"num_format": "@"})
    for style in (head, fill, text):
        style._get_xf_index()
    used: set[str] = set()
    for title, frame, extra in sheets:
        ws = book.add_worksheet(sheet_name(title, used))
        cols = public_columns(frame)
        extra = [c for c in (extra or []) if c not in cols]
        for c, name in enumerate(cols + extra):
            ws.write_string(0, c, str(name), fill if name in extra else head)
            ws.set_column(c, c, (widths or {}).get(name) or min(max(len(str(name)) * 2 + 2, 10), 60), text)
        for r, row in enumerate(frame[cols].itertuples(index=False), start=1):
            for c, value in enumerate(row):
                if value is None or value is pd.NA or value == "" or (isinstance(value, float) and not math.isfinite(value)):
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, str(value))
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(frame), 1), len(cols) + len(extra) - 1)
    book.close()


def _bulk(path, sheets, widths=None):
    book = Workbook(path)
    for title, frame, extra in sheets:
        book.table(title, frame, extra, widths)
    book.close()


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist() if not name.startswith("docProps/core")}


def _same_as_cell_by_cell(tmp_path, sheets, widths=None):
    _cell_by_cell(tmp_path / "ref.xlsx", sheets, widths)
    _bulk(tmp_path / "bulk.xlsx", sheets, widths)
    ref, bulk = _parts(tmp_path / "ref.xlsx"), _parts(tmp_path / "bulk.xlsx")
    assert sorted(bulk) == sorted(ref)
    for name in ref:
        assert bulk[name] == ref[name], name


AWKWARD = ["张三", "430521198001011234", "a & b < c > d", 'quote "x"', " leading", "trailing ", "tab\tinside",
           "line\nbreak", "cr\rhere", "bell\x07", "_x0041_ literal", "\ufffe", "=SUM(A1)", "+86 138", "-", "@x",
           "x" * 40_000, "𠀀" * 20_000, "0001", "1.5e3"]


def test_awkward_texts_numbers_and_blanks_are_written_as_xlsxwriter_writes_them(tmp_path):
    frame = pd.DataFrame({
        "姓名": AWKWARD,
        "数": [1, 2.5, -3, 10 ** 17, 0.1, None, float("nan"), float("inf"), "", pd.NA, True, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        "_internal": ["不写出"] * len(AWKWARD),
    }, dtype=object)
    summary = pd.DataFrame({"乡镇": ["城关镇", "合计"], "问题人数": [3, 3]})
    _same_as_cell_by_cell(tmp_path, [("汇总", summary, None), ("C01 财政供养", frame, report.LEDGER_COLUMNS),
                                     ("空表", frame.iloc[:0], report.LEDGER_COLUMNS)], {"姓名": 30})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers(-10 ** 6, 10 ** 6),
                                   st.floats(allow_nan=False, allow_infinity=False, width=32)),
                         min_size=3, max_size=3), min_size=1, max_size=8))
def test_any_cells_are_written_as_xlsxwriter_writes_them(tmp_path_factory, rows):
    rows = [[v for v in row] for row in rows if not any(isinstance(v, str) and v.startswith("<r>") for v in row)]
    frame = pd.DataFrame(rows or [[None, None, None]], columns=["甲", "乙", "丙"], dtype=object)
    _same_as_cell_by_cell(tmp_path_factory.mktemp("x"), [("表", frame, None)])


def test_rows_beyond_excels_last_row_are_not_written(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "EXCEL_ROWS", 4)
    frame = pd.DataFrame({"姓名": list("甲乙丙丁戊")})
    _bulk(tmp_path / "x.xlsx", [("表", frame, None)])
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    assert [c.value for c in ws["A"]] == ["姓名", "甲", "乙", "丙"]
    assert ws.auto_filter.ref == "A1:A4"


def test_values_read_back_as_text_with_ids_intact(tmp_path):
    frame = pd.DataFrame({"身份证号": ["430521198001011234", "43052119800101123X"], "来源行": [12, 3_000_000]})
    _bulk(tmp_path / "x.xlsx", [("C02 死亡", frame, ["核实情况"])], {"身份证号": 22})
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["C02 死亡"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["身份证号", "来源行", "核实情况"], ["430521198001011234", 12, None], ["43052119800101123X", 3_000_000, None]]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:C3"


def test_only_the_finished_workbook_is_left_in_the_folder(tmp_path):
    report.write_workbook(tmp_path / "问题清单.xlsx", [("表", pd.DataFrame({"a": ["1"]}), None)])
    assert [p.name for p in tmp_path.iterdir()] == ["问题清单.xlsx"]
