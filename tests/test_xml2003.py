"""Excel 2003 XML spreadsheets (XML Spreadsheet 2003) and web pages under an .xls or .xlsx name: read as workbooks."""

import pytest

from badfiles import assert_refused, run_cli
from helpers import make_id
from rostercheck.errors import ExitCode, InputFileError
from rostercheck.io.read import read_grids

HEAD = make_id("19500807", 131)
WIFE = make_id("19520101", 142)
OTHER = make_id("19700101", 151)


def _cell(value, **attrs):
    extra = "".join(f' ss:{k}="{v}"' for k, v in attrs.items())
    kind = "DateTime" if str(value).endswith("T00:00:00.000") else "String"
    return f'<Cell{extra}><Data ss:Type="{kind}">{value}</Data></Cell>' if value != "" else f"<Cell{extra}/>"


def _book(path, sheets):
    """Write an XML spreadsheet: sheets as (name, hidden, [row XML strings])."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<?mso-application progid="Excel.Sheet"?>',
             '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"'
             ' xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
             ' xmlns:html="http://www.w3.org/TR/REC-html40">']
    for name, hidden, rows in sheets:
        parts.append(f'<Worksheet ss:Name="{name}"><Table>' + "".join(f"<Row>{r}</Row>" for r in rows) + "</Table>")
        if hidden:
            parts.append('<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>'
                         "</WorksheetOptions>")
        parts.append("</Worksheet>")
    parts.append("</Workbook>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _roster(path):
    # a title merged across, a two-row header (乡镇/村 merged down, 家庭成员 across), a cell placed by ss:Index
    rows = [_cell("清河县2026年第三季度农村低保对象花名册", MergeAcross=5),
            _cell("乡镇", MergeDown=1) + _cell("村", MergeDown=1) + _cell("户主姓名", MergeDown=1) + _cell("家庭成员", MergeAcross=2)
            + _cell("月保障金", MergeDown=1),
            _cell("成员姓名", Index=4) + _cell("与户主关系") + _cell("成员身份证号码"),
            _cell("城关镇") + _cell("西街社区") + _cell("张德明") + _cell("张德明") + _cell("户主") + _cell(HEAD) + _cell("1032"),
            _cell("城关镇") + _cell("西街社区") + _cell("张德明") + _cell("李秀英") + _cell("配偶") + _cell(WIFE),
            _cell("城关镇") + _cell("东街社区") + _cell("王五") + _cell("王五") + _cell("户主", Index=5) + _cell(OTHER) + _cell("516")]
    old = [_cell("乡镇") + _cell("姓名") + _cell("身份证号"), _cell("城关镇") + _cell("旧人") + _cell(make_id("19990101", 11))]
    return _book(path, [("旧数据", True, old), ("花名册", False, rows)])


def test_an_xml_spreadsheet_is_read_by_sheet_with_merges_indexes_and_hidden_sheets(tmp_path):
    # h431: a 系统导出 "xls" that is XML Spreadsheet 2003 was refused ("是网页（HTML）或 XML 格式")
    grids = read_grids(_roster(tmp_path / "低保花名册.xls"))
    assert [g.sheet for g in grids] == ["花名册"]
    grid = grids[0]
    assert grid.rows[1][:4] == ["乡镇", "村", "户主姓名", "家庭成员"] and grid.rows[2][3:6] == ["成员姓名", "与户主关系", "成员身份证号码"]
    assert grid.rows[5] == ["城关镇", "东街社区", "王五", "王五", "户主", OTHER, "516"]
    assert ((0, 0), (0, 5)) in grid.merged and ((1, 0), (2, 0)) in grid.merged and ((1, 3), (1, 5)) in grid.merged
    assert any("隐藏的工作表“旧数据”未读取" in n for n in grid.notes)
    assert any("Excel 2003 XML" in n for n in grid.notes)


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_an_xml_roster_and_deaths_list_give_the_findings_of_the_same_data(tmp_path, suffix):
    roster = _roster(tmp_path / f"低保花名册{suffix}")
    deaths = _book(tmp_path / "死亡人员名单.xls", [("Sheet1", False, [
        _cell("姓名") + _cell("身份证号") + _cell("死亡日期"),
        _cell("张德明") + _cell(HEAD) + _cell("2026-05-01T00:00:00.000")])])
    proc = run_cli("audit", roster, "--deaths", deaths, "--as-of", "2026-09-30", "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    found = (tmp_path / "out" / "findings.csv").read_text(encoding="utf-8-sig")
    assert f"C02,死亡、服刑或户籍迁出本县,高,城关镇,西街社区,张德明,{HEAD},张德明,{HEAD}" in found
    assert "死亡日期 2026-05-01" in found and found.count("\nC02,") == 1


def test_a_web_page_named_xlsx_is_read_as_one_named_xls(tmp_path):
    # h431: refused as "可能是改了扩展名的文本文件 … 或把扩展名改回 .csv"
    page = ("<html><body><table><tr><td>乡镇</td><td>村</td><td>姓名</td><td>与户主关系</td><td>身份证号</td></tr>"
            f"<tr><td>城关镇</td><td>东村</td><td>张德明</td><td>户主</td><td>{HEAD}</td></tr></table></body></html>")
    (tmp_path / "低保花名册.xlsx").write_text(page, encoding="utf-8")
    (tmp_path / "死亡.csv").write_text(f"姓名,身份证号,死亡日期\n张德明,{HEAD},2026-05-01\n", encoding="utf-8")
    proc = run_cli("audit", tmp_path / "低保花名册.xlsx", "--deaths", tmp_path / "死亡.csv", "--as-of", "2026-09-30",
                   "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert "\nC02," in (tmp_path / "out" / "findings.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("text, said", [
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
     '<Worksheet><Table><Row><Cell><Data ss:Type="String">&a;</Data></Cell></Row></Table></Worksheet></Workbook>', "DOCTYPE"),
    ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
     'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Row><Cell>', "不完整或已损坏"),
])
def test_an_xml_spreadsheet_with_a_dtd_or_cut_short_is_refused(tmp_path, text, said):
    (tmp_path / "花名册.xls").write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match=said):
        read_grids(tmp_path / "花名册.xls")
    assert_refused(run_cli("audit", tmp_path / "花名册.xls", "--out", tmp_path / "out"), int(ExitCode.INPUT), "花名册.xls", said)
