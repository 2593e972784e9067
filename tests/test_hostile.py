"""Hostile files: refused (or read) within fixed limits, never killing the process.

Each file is built by hand in tmp_path and given to the real command line in a child process, because
the failure mode being guarded against (python-calamine allocating a huge grid) is a SIGABRT.
"""

import zipfile

import pytest

from badfiles import (LAUGHS, NS, ROWS, SST, WB, assert_refused, lie_about_size, patch_xls_record, roster_csv,
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
    assert_refused(audit(path, tmp_path, env={"ROSTERCHECK_MAX_ROWS": "3"}), INPUT, "r.csv", "安全上限")


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
