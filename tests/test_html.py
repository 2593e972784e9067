"""Web pages saved as "Excel" files (a system's export: an HTML <table> under an .xls name) read as tables."""

from pathlib import Path

import pytest
from helpers import make_id

from rostercheck.errors import InputFileError, LimitExceededError
from rostercheck.io.html import is_table_page, table_rows
from rostercheck.io.limits import Limits
from rostercheck.io.read import read_grids

CADRE = make_id("19750101", 111)


@pytest.mark.parametrize("page, rows, merged", [
    # a title spanning the table, a township cell spanning two rows (merged as a worksheet's cells are)
    ("<table><tr><td colspan=3>名单</td></tr><tr><th>姓名</th><th>乡镇</th><th>职务</th></tr>"
     "<tr><td>张三</td><td rowspan=2>城关镇</td><td>主任</td></tr><tr><td>李四</td><td>支书</td></tr></table>",
     [["名单", "", ""], ["姓名", "乡镇", "职务"], ["张三", "城关镇", "主任"], ["李四", "", "支书"]],
     [((0, 0), (0, 2)), ((2, 1), (3, 1))]),
    # entities, non-breaking spaces, a line break inside a cell, a short row, tags inside a cell, no closing tags
    ("<TABLE><TR><TD>李&nbsp;四<TD>城关镇<br>东村<TR><TD><b>王五</b></TABLE>",
     [["李 四", "城关镇\n东村"], ["王五", ""]], []),
    # a script and a style say nothing; a table inside a cell is that cell's text
    ("<style>td{x:1}</style><table><tr><td>甲<table><tr><td>乙</td></tr></table></td><td>丙</td></tr></table>"
     "<script>var a='<td>x</td>';</script>",
     [["甲乙", "丙"]], []),
])
def test_a_pages_table_is_read_as_rows_with_its_spans_merged(page, rows, merged):
    assert table_rows(page, Path("p.xls"), Limits()) == [(rows, merged)]


@pytest.mark.parametrize("head, page", [
    ("<html><body><table><tr><td>1</td></tr></table>", True),
    ('<meta http-equiv="Content-Type" content="text/html"><table border=1>', True),
    ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Table>', False),
    ("姓名,身份证号\n张三,<td>\n", False),  # a CSV that mentions a tag holds no table
    ("<html><body>没有表格</body></html>", False),
])
def test_a_web_page_with_a_table_is_told_from_xml_and_text(head, page):
    assert is_table_page(head) == page


def test_a_page_beyond_the_limits_or_without_a_table_row_is_refused():
    rows = "".join(f"<tr><td>{k}</td></tr>" for k in range(20))
    with pytest.raises(LimitExceededError):
        table_rows(f"<table>{rows}</table>", Path("p.xls"), Limits(max_rows=10))
    spans = "".join("<tr><td rowspan=1000 colspan=1000>x</td></tr>" for _ in range(100))  # 100 M cells claimed
    with pytest.raises(LimitExceededError, match="单元格"):
        table_rows(f"<table>{spans}</table>", Path("p.xls"), Limits())
    with pytest.raises(InputFileError, match="没有表格数据"):
        table_rows("<table><tr></tr></table>", Path("p.xls"), Limits())


def test_a_cadre_list_exported_as_a_web_page_is_read_and_linked(tmp_path):
    # held-out 325: 附件1.xls, the cadre list a system exported as a web page (GBK), refused "请另存为 .xlsx": every
    # C01 and RQ3 case of it missed
    from helpers import context, flagged, household

    page = ('<html><head><meta charset="gbk"></head><body><table border=1><tr><td colspan=4>村(居)干部名单</td></tr>'
            "<tr><th>姓名</th><th>身份证号</th><th>乡镇</th><th>职务</th></tr>"
            f"<tr><td>王建国</td><td>{CADRE}</td><td>城关镇</td><td>村委会主任</td></tr></table></body></html>")
    path = tmp_path / "附件1.xls"
    path.write_bytes(page.encode("gbk"))
    (grid,) = read_grids(path)
    assert grid.rows[2] == ["王建国", CADRE, "城关镇", "村委会主任"]
    assert any("网页（HTML）格式的表格" in n for n in grid.notes)
    ctx = context(household("王建国", CADRE, village="东村"), files={"cadres": path})
    assert flagged(ctx, "C01") == [("王建国", "高")]
