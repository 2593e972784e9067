"""Hostile files: refused (or read) within fixed limits, never killing the process.

Each file is built by hand in tmp_path and given to the real command line in a child process, because
the failure mode being guarded against (python-calamine allocating a huge grid) is a SIGABRT.
"""

import re
import zipfile
import zlib

import pytest

from badfiles import (ID, LAUGHS, NS, ROWS, SST, WB, WB_RELS, assert_refused, lie_about_size, patch_xls_record, roster_csv,
                      run_cli, sheet_xml, xls, xlsx)
from rostercheck.errors import ExitCode, InputFileError, LimitExceededError
from rostercheck.io import limits as limits_mod
from rostercheck.io.limits import Limits, check_zip_workbook
from rostercheck.io.table import load_table

INPUT = int(ExitCode.INPUT)


def audit(path, tmp_path, **kw):
    return run_cli("audit", path, "--out", tmp_path / "out", **kw)


def far(cell: str, row: str, extra: str = "") -> str:
    return sheet_xml(ROWS + f'<row r="{row}">{extra}<c r="{cell}"><v>1</v></c></row>', "A1:XFD1048576")


FAR_SHEETS = {
    "xfd1048576": far("XFD1048576", "1048576"),
    "lower-case": far("xfd1048576", "1048576").replace('r="xfd', "r='xfd").replace('1048576"><v>', "1048576'><v>"),
    "eight-digit-row": far("A99999999", "99999999"),
    "two-letters-and-far-row": sheet_xml(ROWS + '<row r="3"><c r="ZZ3"><v>1</v></c></row>'
                                         '<row r="999999"><c r="Z999999"><v>1</v></c></row>'),
    "namespace-prefix": ('<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/'
                         '2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row '
                         'r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'),
    "cells-without-r": sheet_xml(ROWS + '<row r="1048576">' + "<c><v>1</v></c>" * 200 + "</row>"),
}


@pytest.mark.parametrize("name", sorted(FAR_SHEETS))
def test_far_cell_refused_not_aborted(tmp_path, name):
    path = xlsx(tmp_path / f"{name}.xlsx", FAR_SHEETS[name])
    proc = audit(path, tmp_path)
    assert proc.returncode >= 0, "killed by a signal"
    assert_refused(proc, INPUT, path.name, "范围过大")


def test_far_cell_in_a_sheet_stored_elsewhere_refused(tmp_path):
    # the workbook's relationships name the worksheet part; it need not live under xl/worksheets/
    rels = WB_RELS.replace('Target="worksheets/sheet1.xml"', 'Target="data/sheet1.xml"')
    path = xlsx(tmp_path / "elsewhere.xlsx", parts={"xl/_rels/workbook.xml.rels": rels,
                                                     "xl/data/sheet1.xml": FAR_SHEETS["xfd1048576"]})
    with pytest.raises(LimitExceededError, match="范围过大"):
        check_zip_workbook(path, Limits())


def test_a_far_column_in_a_short_sheet_is_read_and_a_long_one_refused_with_its_real_rows(tmp_path):
    # XFD1 in a sheet of 2 rows: 2 × 16,384 cells, nowhere near the limit (the rows are counted, not guessed)
    note = '<c r="XFD1" t="inlineStr"><is><t>备注</t></is></c></row>'
    short = xlsx(tmp_path / "short.xlsx", sheet_xml(ROWS.replace("</row>", note, 1)))
    assert check_zip_workbook(short, Limits()).sheets == (("花名册", True),)
    assert load_table(short, "roster").frame["name"].tolist() == ["张三"]
    long = xlsx(tmp_path / "long.xlsx", sheet_xml(ROWS + '<row r="3000"><c r="XFD3000"><v>1</v></c></row>'))
    with pytest.raises(LimitExceededError, match="到第 3000 行、第 16384 列"):  # 49 million cells
        check_zip_workbook(long, Limits())


def test_lying_dimension_alone_is_harmless(tmp_path):
    path = xlsx(tmp_path / "dimension.xlsx", sheet_xml(dimension="A1:XFD1048576"))
    table = load_table(path, "roster")
    assert table.frame["name"].tolist() == ["张三"]


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/workbook.xml"])
def test_billion_laughs_refused(tmp_path, part):
    body = {"xl/sharedStrings.xml": f"<sst {NS}><si><t>&lol9;</t></si></sst>",
            "xl/workbook.xml": WB.format(name="&lol9;").split("?>", 1)[1]}[part]
    path = xlsx(tmp_path / "laughs.xlsx", parts={part: LAUGHS + body})
    assert_refused(audit(path, tmp_path), INPUT, "laughs.xlsx", "XML 实体")


def zip_bomb(path, declared=None):
    big = " " * (24 << 20)
    xlsx(path, parts={"xl/sharedStrings.xml": SST.replace("</sst>", f"<si><t>{big}</t></si></sst>")})
    if declared:
        lie_about_size(path, "xl/sharedStrings.xml", declared)
    return path


def test_zip_bomb_ratio_refused(tmp_path):
    path = zip_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 200_000
    assert_refused(audit(path, tmp_path), INPUT, "bomb.xlsx", "压缩炸弹")


def test_zip_bomb_lying_about_its_size_refused(tmp_path):
    path = zip_bomb(tmp_path / "liar.xlsx", declared=4000)
    assert_refused(audit(path, tmp_path), INPUT, "liar.xlsx", "损坏")


def test_uncompressed_cap_is_configurable(tmp_path):
    path = xlsx(tmp_path / "ok.xlsx")
    proc = audit(path, tmp_path, env={"ROSTERCHECK_MAX_UNCOMPRESSED_MB": "0.001"})
    assert_refused(proc, INPUT, "ok.xlsx", "解压后超过")


def test_bad_limit_setting_is_a_config_error(tmp_path):
    proc = audit(roster_csv(tmp_path / "r.csv"), tmp_path, env={"ROSTERCHECK_MAX_ROWS": "lots"})
    assert_refused(proc, int(ExitCode.CONFIG), "ROSTERCHECK_MAX_ROWS")


def test_text_cell_limit(tmp_path):
    path = roster_csv(tmp_path / "r.csv")
    assert_refused(audit(path, tmp_path, env={"ROSTERCHECK_MAX_CELLS": "5"}), INPUT, "r.csv", "安全上限")


def test_row_limit(tmp_path):
    path = roster_csv(tmp_path / "r.csv", ["1", "2", "3", "4"])
    assert_refused(audit(path, tmp_path, env={"ROSTERCHECK_MAX_ROWS": "3"}), INPUT, "r.csv", "安全上限",
                   "ROSTERCHECK_MAX_ROWS")


def test_xls_forged_dimensions_refused(tmp_path):
    path = xls(tmp_path / "dims.xls", [["姓名", "身份证号"], ["张三", "x"]])
    patch_xls_record(path, 0x0200, 14, (0).to_bytes(4, "little") + (0xFFFFFFFF).to_bytes(4, "little")
                     + (0).to_bytes(2, "little") + (0xFFFF).to_bytes(2, "little"))
    proc = audit(path, tmp_path)
    assert proc.returncode >= 0
    assert_refused(proc, INPUT, "dims.xls", "范围过大")


def test_xls_forged_cell_address_refused(tmp_path):
    path = xls(tmp_path / "cell.xls", [["姓名", "身份证号"], ["张三", "x"]])
    patch_xls_record(path, 0x00FD, 10, b"\xff\xff\xff\xff")  # first LABELSST cell moved to (65535, 65535)
    assert_refused(audit(path, tmp_path), INPUT, "cell.xls", "范围过大")


def test_overlapping_merges_refused(tmp_path):
    merges = "".join('<mergeCell ref="A1:B2"/>' for _ in range(3000))
    body = sheet_xml().replace("</sheetData>", f"</sheetData><mergeCells count=\"3000\">{merges}</mergeCells>")
    path = xlsx(tmp_path / "merges.xlsx", body)
    assert_refused(audit(path, tmp_path), INPUT, "merges.xlsx", "合并单元格")


def test_too_many_zip_entries_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits_mod, "_MAX_ENTRIES", 20)
    path = xlsx(tmp_path / "many.xlsx", parts={f"xl/media/x{i}.bin": "x" for i in range(30)})
    with pytest.raises(LimitExceededError, match="部件数量"):
        check_zip_workbook(path, Limits())


@pytest.mark.parametrize("names, word", [
    ({"xl/workbook.bin": "x"}, ".xlsb"),
    ({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}, ".ods"),
    ({"word/document.xml": "<x/>"}, "Word"),
    ({"readme.txt": "hello"}, "压缩包"),
])
def test_other_zip_files_refused(tmp_path, names, word):
    path = tmp_path / "thing.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for k, v in names.items():
            z.writestr(k, v)
    with pytest.raises(InputFileError, match=word.replace(".", r"\.")):
        load_table(path, "roster")


def test_xlsm_macros_are_never_run(tmp_path):
    marker = tmp_path / "pwned"
    vba = f"Sub Auto_Open()\n Open \"{marker}\" For Output As #1\nEnd Sub".encode()
    path = xlsx(tmp_path / "macro.xlsm", parts={"xl/vbaProject.bin": vba})
    table = load_table(path, "roster")
    assert table.frame["name"].tolist() == ["张三"]
    assert not marker.exists()


# The scan's one-pass RE2 prefilter (limits._prefilter) must match a window exactly when one of the `re`
# patterns it stands for does, or a far cell, a cell without r, merged cells or a long number would slip by.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    b"<c", b":c", b"<c r=", b" r=", b"r =", b"='", b'="', b"A", b"ZZ", b"xfd", b"1", b"1234567", b"12345678901234",
    b"v>", b"<v>", b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b">", b"/", b"-", b".", b"E+13", b"e19", b"E12",
    b"mergeCell", b"merge", b"<row r=\"", b"\xe4\xb8\xad", b"\x80", b"\xff", b"s", b"t=\"s\"",
])
_SCAN_PATTERNS = [limits_mod._SUSPECT, limits_mod._NO_REF_CELL, limits_mod._NO_REF_CELL_NS, limits_mod._BIG_NUMBER]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.binary(max_size=4)), max_size=24))
def test_scan_prefilter_matches_exactly_where_the_patterns_do(pieces):
    window = b"".join(pieces)
    expected = b"mergeCell" in window or any(p.search(window) for p in _SCAN_PATTERNS)
    assert limits_mod._any_match(limits_mod._as_arrow(window), limits_mod._prefilter(False, False)) == expected
    # Once cells without r and typed cells are known, only the extent is looked for.
    assert limits_mod._any_match(limits_mod._as_arrow(window), limits_mod._prefilter(True, True)) == bool(limits_mod._SUSPECT.search(window))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([b't="e"', b"t='e'", b't="e\'', b"t=", b'"e"', b"autoFilter", b"autofilter",
                                           b"auto", b"Filter", b"hidden", b"hidde", b"n", b"\xe4\xb8\xad", b"\xff"]),
                          st.binary(max_size=3)), max_size=16))
def test_scan_literals_are_found_as_bytes_contain_them(pieces):
    # The error-cell and filter flags are looked for by RE2 (faster than `in` on a big sheet): the same answer.
    window = b"".join(pieces)
    data = limits_mod._as_arrow(window)
    assert limits_mod._any_match(data, limits_mod._RE2_ERROR) == bool(re.search(rb"""t=["']e["']""", window))
    assert limits_mod._any_match(data, ("autoFilter",)) == (b"autoFilter" in window)
    assert limits_mod._any_match(data, ("hidden",)) == (b"hidden" in window)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([b't="e"', b"t='e'", b't="e\'', b"t=", b'"e"', b"e", b'"', b"'", b'e"', b"t",
                                           b"=", b' t="e" ', b"true\"", b"\xe4\xb8\xad", b"\xff"]),
                          st.binary(max_size=3)), max_size=16))
def test_scan_error_flag_is_the_error_pattern_found(pieces):
    # The error-cell pattern is looked for only in a window holding its tail (e" or e'): the flag is still exactly
    # whether the pattern occurs in the window.
    window = b"".join(pieces)
    scan = limits_mod._PartScan()
    scan.feed(window)
    found = bool(re.search(rb"""t=["']e["']""", window))
    assert scan.errors == found
    assert found <= limits_mod._any_match(limits_mod._as_arrow(window), limits_mod._RE2_ERROR_TAIL)


@pytest.mark.parametrize("window, errors", [
    (b'<row r="1"><c r="A1" t="e"><v>#N/A</v></c></row>', True),  # must flag
    (b"<row r='1'><c r='A1' t='e'><v>#REF!</v></c></row>", True),
    (b'<sheetView hidden="true"/><c r="A1" t="e"><v>#N/A</v></c>', True),
    (b'<row r="1" hidden="true"><c r="A1" t="s"><v>0</v></c></row>', False),  # must not flag: e" of true" alone
    (b'<row r="1"><c r="A1" t="str"><v>e</v></c></row>', False),
    (b'<row r="1"><c r="A1" t="inlineStr"><is><t>t=e</t></is></c></row>', False),
])
def test_scan_error_flag(window, errors):
    scan = limits_mod._PartScan()
    scan.feed(window)
    assert scan.errors is errors


@pytest.mark.parametrize("window, flags", [
    (b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>', (26, 0, False, False)),
    (b'<row r="1"><c r="AB1"><v>0</v></c></row>', (28, 0, False, False)),
    (b'<row r="1234567"><c r="A1234567"><v>0</v></c></row>', (26, 1234567, False, False)),
    (b'<row r="1"><c t="s"><v>0</v></c></row>', (26, 0, True, False)),
    (b'<row r="1"><x:c><x:v>0</x:v></x:c></row>', (26, 0, True, False)),
    (b'<row r="1"><c r="A1"><v>110105194912310021</v></c></row>', (26, 0, False, True)),
    (b'<row r="1"><c r="A1"><v>1.10105194912310E+17</v></c></row>', (26, 0, False, True)),
    (b'</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>', (26, 0, False, True)),
])
def test_scan_flags(window, flags):
    scan = limits_mod._PartScan()
    scan.feed(window)
    assert (scan.max_col, scan.max_row7, scan.no_ref_cells, scan.typed) == flags


def test_ledger_row_limit_names_the_variable(tmp_path):
    ledger = tmp_path / "发放明细.csv"
    ledger.write_text("姓名,身份证号,所属月份,发放金额\n" + "".join(f"张{i},{ID},2025-0{i + 1},500\n" for i in range(5)),
                      encoding="utf-8")
    proc = run_cli("audit", roster_csv(tmp_path / "r.csv"), "--payments", ledger, "--out", tmp_path / "out",
                   env={"ROSTERCHECK_MAX_ROWS": "3"})
    assert_refused(proc, INPUT, "发放明细.csv", "安全上限", "ROSTERCHECK_MAX_ROWS")


# The scan inflates deflated sheet parts itself (limits._chunks): the bytes must be zipfile's, in chunks of at most
# _CHUNK, and a part whose content is not the declared one (size or CRC) is refused as damaged, as zipfile would.
# It inflates with ISA-L when installed, else with zlib: both are held to this.
@pytest.fixture(params=["zlib", "isal"])
def inflater(request, monkeypatch):
    if request.param == "isal":
        isal_zlib = pytest.importorskip("isal.isal_zlib")
        monkeypatch.setattr(limits_mod, "_deflate", isal_zlib)
    else:
        monkeypatch.setattr(limits_mod, "_deflate", zlib)


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_scan_chunks_are_the_parts_bytes(tmp_path, monkeypatch, method, inflater):
    monkeypatch.setattr(limits_mod, "_CHUNK", 1 << 16)
    monkeypatch.setattr(limits_mod, "_INPUT", 1 << 10)  # inflating runs into the output bound many times
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{r * 7919}</t></is></c></row>' for r in range(1, 40_000))
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml(body))
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        chunks = list(limits_mod._chunks(z, info))
        assert b"".join(chunks) == z.read(info)
    assert len(chunks) > 10 and max(map(len, chunks)) <= 1 << 16


def _patch_crc(path, part):
    """Flip a bit of a part's declared CRC in both zip headers (its bytes stay as they are)."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(part)
    for at in (info.header_offset + 14, data.find(struct.pack("<I", info.CRC), data.find(b"PK\x01\x02"))):
        struct.pack_into("<I", data, at, info.CRC ^ 1)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("cut", ["garbled", "truncated"])
def test_sheet_whose_deflated_bytes_are_damaged_refused(tmp_path, inflater, cut):
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{r * 7919}</t></is></c></row>' for r in range(1, 5_000))
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml(body))
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    middle = start + info.compress_size // 2
    if cut == "garbled":
        data[middle:middle + 64] = b"\xff" * 64
    else:  # the deflate stream ends early; the archive's directory still declares the whole part
        data[middle:start + info.compress_size] = b"\0" * (start + info.compress_size - middle)
    path.write_bytes(bytes(data))
    with pytest.raises(InputFileError, match="损坏"):
        check_zip_workbook(path, Limits())


def test_sheet_whose_crc_is_wrong_refused_as_damaged(tmp_path, inflater):
    path = xlsx(tmp_path / "crc.xlsx")
    _patch_crc(path, "xl/worksheets/sheet1.xml")
    with pytest.raises(InputFileError, match="损坏"):
        check_zip_workbook(path, Limits())
