"""Print-ready reports: one workbook per township, pages when rendered, natural order, 80-column console."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest
from helpers import COUNTY, COUNTY_LISTS, COUNTY_ROSTERS, HEADER_ROW

from rostercheck.io.ledger import read_previous
from rostercheck.io.problem_list import summary
from rostercheck.order import chinese_number, natural_sorted

ROOT = COUNTY.parents[1]
MAX_PAGES = 30  # the sample county's 问题清单.xlsx on A4 (it printed on 134 pages before page setup)


def _cli(*args, columns: int = 80) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "rostercheck", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """The sample county audited once with --by-township, console at 80 columns."""
    out = tmp_path_factory.mktemp("county")
    lists = [a for kind, name in COUNTY_LISTS.items() for a in ("--" + kind.replace("_", "-"), COUNTY / name)]
    proc = _cli("audit", *[COUNTY / r for r in COUNTY_ROSTERS], *lists, "--as-of", "2026-09-30", "--out", out,
                "--by-township")
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


def _rows(path) -> dict[str, pd.DataFrame]:
    """Each sheet of a workbook as a frame read below its title row."""
    book = openpyxl.load_workbook(path)
    out = {}
    for ws in book.worksheets:
        values = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
        out[ws.title] = pd.DataFrame(values[1:], columns=values[0])
    return out


def test_each_township_gets_a_workbook_with_only_its_rows(county):
    out, _ = county
    findings = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    towns = sorted(set(findings["乡镇"]))
    books = sorted((out / "乡镇").glob("*.xlsx"))
    assert [b.stem for b in books] == [f"{t}_问题清单" for t in sorted(towns)]  # named for the report too
    total = 0
    for book in books:
        sheets = _rows(book)
        assert list(sheets)[0] == "汇总"
        assert list(sheets["汇总"]["乡镇"]) == [book.stem.removesuffix("_问题清单"), "合计"]  # its own summary only
        assert list(sheets)[-1] == "核查范围" and "列出" in " ".join(sheets["核查范围"]["核查情况"])  # what was checked
        for title, frame in list(sheets.items())[1:-1]:
            assert set(frame["乡镇"]) == {book.stem.removesuffix("_问题清单")}, (book.name, title)  # every row is this township's
            total += len(frame)
        ws = openpyxl.load_workbook(book)["汇总"]
        assert book.stem.removesuffix("_问题清单") in ws["A1"].value and ws.print_title_rows == "$2:$2"
    assert total == len(findings)


def test_review_reads_a_township_workbook_the_township_edited(county, tmp_path):
    out, _ = county
    town = next((out / "乡镇").glob("*.xlsx"))
    book = openpyxl.load_workbook(town)
    ws = book.worksheets[1]
    ws.insert_cols(1)  # what townships do: a 序号 column, a note typed in the title row, the ledger filled in
    ws.cell(HEADER_ROW, 1, "序号")
    ws.cell(1, 1, "（已核实，退回民政局）")
    head = {c.value: c.column for c in ws[HEADER_ROW]}
    ws.cell(HEADER_ROW + 1, head["核实情况"], "情况属实")
    ws.cell(HEADER_ROW + 1, head["整改状态"], "已整改")
    book.move_sheet("汇总", offset=len(book.sheetnames))
    book.save(tmp_path / "edited.xlsx")
    previous = read_previous(tmp_path / "edited.xlsx")
    findings = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    assert len(previous) == int((findings["乡镇"] == town.stem.removesuffix("_问题清单")).sum())
    assert set(previous["乡镇"]) == {town.stem.removesuffix("_问题清单")}
    assert (previous["核实情况"] == "情况属实").sum() == 1 and (previous["整改状态"] == "已整改").sum() == 1


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_problem_list_prints_on_few_a4_pages_with_title_header_and_footer(county, tmp_path):
    out, _ = county
    shutil.copy(out / "问题清单.xlsx", tmp_path / "list.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "list.xlsx")], capture_output=True, timeout=240, check=True)
    info = subprocess.run(["pdfinfo", str(tmp_path / "list.pdf")], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert pages <= MAX_PAGES
    width, height = (float(x) for x in size.split()[2:5:2])
    assert width > height and abs(width - 842) < 3 and abs(height - 595) < 3  # A4 landscape, in points
    sheets = len(openpyxl.load_workbook(out / "问题清单.xlsx").sheetnames)
    assert pages >= sheets
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "list.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    page_texts = text.split("\f")[:pages]
    for n, page in enumerate(page_texts, start=1):
        assert f"第 {n} 页 共 {pages} 页" in page
        assert "低保特困专项治理问题清单" in page
    assert "读取提示" in page_texts[-1] and "隐藏的工作表" in page_texts[-1]  # the run's notices, printed last
    # category sheets: the header on every page, the last column (整改状态) on it too
    for page in (p for p in page_texts[1:] if "核查范围" not in p and "读取提示" not in p):
        assert "身份证号" in page and "整改状态" in page
        assert "证据指纹" not in page and "EV-" not in page and "花名册行" not in page  # trace columns: on the sheet only


def test_category_sheets_print_what_a_township_reads_and_fills_in(county):
    out, _ = county
    book = openpyxl.load_workbook(out / "问题清单.xlsx")
    ws = book.worksheets[1]
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[-6:] == ["匹配键", "来源名单", "来源行", "花名册文件", "花名册行", "证据指纹"]  # last, for filtering
    last = header.index("整改状态")
    assert last == len(header) - 7 and "涉及月份" not in header  # no money columns on a sheet without amounts
    from openpyxl.utils import get_column_letter

    assert ws.print_area.endswith(f"$A$1:${get_column_letter(last + 1)}${ws.max_row}")


def test_help_wraps_whole_descriptions_at_80_columns():
    proc = _cli("audit", "--help")
    assert proc.returncode == 0
    assert "…" not in proc.stdout
    flat = "".join(line.strip("│ ").replace(" ", "") for line in proc.stdout.splitlines())
    assert "不含出生日期、年龄、健康、残疾、劳动能力、来源名单及依据、建议等文字列" in flat  # --mask's whole description
    assert "--by-township" in proc.stdout
    assert all(len(line) <= 80 for line in proc.stdout.splitlines())


def test_console_summary_shows_every_code_and_township_whole_at_80_columns(county):
    out, stdout = county
    findings = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    table = stdout.split("问题示例")[0]
    for code in set(findings["类别代码"]):
        assert f" {code} " in table or f"┃ {code} " in table or f"{code} " in table.splitlines()[0], code
    for town in set(findings["乡镇"]):
        assert town in table
    from rich.cells import cell_len

    assert all(cell_len(line) <= 80 for line in table.splitlines())


def test_console_summary_many_townships_splits_into_tables_that_fit(capsys, monkeypatch):
    from rostercheck import console

    towns = [f"第{n}街道办事处" for n in range(1, 15)]
    codes = ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "D01", "D02", "D03", "RQ1", "RQ2"]
    rows = [{"类别代码": c, "乡镇": t, "_member": f"{c}{t}"} for t in towns for c in codes]
    monkeypatch.setattr(console, "out", console.Console(width=80, highlight=False))
    console.summary_table(pd.DataFrame(rows), {c: "名称" * 10 for c in codes})
    shown = capsys.readouterr().out
    from rich.cells import cell_len

    assert all(cell_len(line) <= 80 for line in shown.splitlines())
    assert all(f" {c} " in shown for c in codes) and all(t in shown for t in towns)
    assert shown.index("第2街道办事处") < shown.index("第10街道办事处")


@pytest.mark.parametrize("towns", [1, 3, 5])
def test_console_summary_shows_category_names_whole_or_below_never_cut(capsys, monkeypatch, towns):
    from rostercheck import console

    titles = {"C01": "财政供养人员或村(居)干部享受低保", "C08": "法定就业年龄内有劳动能力（需核实是否拒绝劳动）"}
    rows = [{"类别代码": c, "乡镇": f"第{n}镇", "_member": f"{c}{n}"} for n in range(towns) for c in titles]
    monkeypatch.setattr(console, "out", console.Console(width=80, highlight=False))
    console.summary_table(pd.DataFrame(rows), titles)
    shown = capsys.readouterr().out
    assert "…" not in shown and all(t in shown for t in titles.values())


def test_natural_order():
    assert natural_sorted(["第10街道", "第2街道", "第1街道", "合计"]) == ["第1街道", "第2街道", "第10街道", "合计"]
    assert natural_sorted(["十二组", "二组", "一组"]) == ["一组", "二组", "十二组"]
    assert natural_sorted(["城关镇", "", "柳林镇"]) == ["城关镇", "柳林镇", ""]
    # Chinese names by their pinyin, as Excel and WPS sort them (held-out 74 got code-point order); a numeral
    # starting a name is part of the name (五陵镇 is wǔ, not 5), one counting a group is a number
    assert natural_sorted(["五陵镇", "任固镇", "城关镇", "宜沟镇", "菜园镇"]) == ["菜园镇", "城关镇", "任固镇", "五陵镇", "宜沟镇"]
    assert natural_sorted(["三里村", "二组", "张庄村", "第3街道"]) == ["二组", "第3街道", "三里村", "张庄村"]
    assert [chinese_number(x) for x in ("十", "二十一", "一百零五", "二〇二五", "镇")] == [10, 21, 105, 2025, None]


def test_summary_sheet_lists_townships_in_natural_order():
    findings = pd.DataFrame({"类别代码": ["C01", "C02", "C01"], "乡镇": ["第10街道", "第2街道", "第1街道"],
                             "_member": [1, 2, 3], "_household": [1, 2, 3]})
    assert list(summary(findings, {"C01": "甲", "C02": "乙"})["乡镇"]) == ["第1街道", "第2街道", "第10街道", "合计"]


def test_a_townships_workbook_does_not_name_another_townships_households():
    import pandas as pd

    from rostercheck.io.report import heads_by_township, own_township_only

    members = pd.DataFrame({"head_name": ["余霞敏", "周杰", "王兰"], "township": ["石桥镇", "城关镇", "石桥镇"]})
    rows = pd.DataFrame({"乡镇": ["石桥镇"], "依据": ["同时是 3 户的发放账号：另见 低保《a.xlsx》第 5 行（户主 周杰）；"
                                                   "低保《a.xlsx》第 9 行（户主 王兰）"]})
    text = own_township_only(rows, heads_by_township(members))["依据"].iat[0]
    assert "周杰" not in text and "户主为其他乡镇人员" in text and "（户主 王兰）" in text  # her own township's stays
    assert "县局" not in text  # a city's run of several counties: the other township may be another county's (held-out 179)
    # F07 lists the households sharing an account in one bracket: only the other township's head goes
    rows = pd.DataFrame({"乡镇": ["石桥镇"], "依据": ["同一账号 6228****1234 收取 2 户的资金（户主 王兰、周杰），如 第 3 行"]})
    text = own_township_only(rows, heads_by_township(members))["依据"].iat[0]
    assert "周杰" not in text and "（户主 王兰；另 1 户户主为其他乡镇人员" in text


@pytest.mark.parametrize("report_widths", ["problem_list.WIDTHS", "screen_report.SCREEN_WIDTHS",
                                           "coverage_report.COVERAGE_WIDTHS"])
def test_name_columns_hold_four_characters_and_their_header_on_one_line(tmp_path, report_widths):
    # held-out 68: at width 7 '欧阳振华' printed as 欧阳振/华 and the header 户主姓名 wrapped (review uses WIDTHS)
    import importlib

    from openpyxl.utils import get_column_letter

    from rostercheck.io import report

    module, name = report_widths.split(".")
    widths = getattr(importlib.import_module(f"rostercheck.io.{module}"), name)
    frame = pd.DataFrame({"户主姓名": ["欧阳振华", "张三"], "户主身份证号": ["430521198001011234"] * 2,
                          "姓名": ["欧阳振华", "阿依古丽·买买提"]})
    report.write_workbook(tmp_path / "x.xlsx", [("表", frame, None)], widths)
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["表"]
    for c, col in enumerate(frame.columns, start=1):
        if "姓名" in col:
            width = ws.column_dimensions[get_column_letter(c)].width
            assert report.lines_needed("欧阳振华", width) == 1 and report.lines_needed(col, width) == 1, (col, width)


def test_township_column_is_sized_from_the_townships_present():
    # held-out 68: 城南新区东湖街道办事处 took four lines in the 7-wide 乡镇 column of 汇总, 资金核查 and 整改率（按乡镇）
    from rostercheck.io.problem_list import WIDTHS
    from rostercheck.io.report import column_layout, lines_needed

    long, short = "城南新区东湖街道办事处", "雷池镇"
    width, _ = column_layout("乡镇", [long, short, "合计"], WIDTHS)
    assert lines_needed(long, width) <= 2 and width <= 16
    narrow, wrapped = column_layout("乡镇", [short, "合计"], WIDTHS)
    assert not wrapped and narrow < width  # on one line, and no wide empty column for short names


@pytest.mark.parametrize("width", [80, 100, 120])
def test_console_sample_rows_keep_ids_and_townships_whole(capsys, monkeypatch, width):
    # held-out 68 at 80 columns: '340827******…' and '城南新区东湖…' (README: 乡镇名始终完整显示)
    from rich.cells import cell_len

    from rostercheck import console
    from rostercheck.normalize.ids import mask_id

    pid = "340827197010105863"
    rows = pd.DataFrame({"类别代码": ["C01", "D02"], "乡镇": ["城南新区东湖街道办事处", "雷池镇"],
                         "村": ["东湖社区居民委员会", "雷池村"], "姓名": ["欧阳振华", "阿依古丽·买买提"],
                         "身份证号": [pid, pid], "置信度": ["高", "中"]})
    monkeypatch.setattr(console, "out", console.Console(width=width, highlight=False))
    console.sample_rows(rows)
    shown = capsys.readouterr().out
    assert "…" not in shown and all(cell_len(line) <= width for line in shown.splitlines())
    assert mask_id(pid) in shown and "城南新区东湖街道办事处" in shown
    flat = "".join(line.replace("│", "").replace(" ", "") for line in shown.splitlines())
    assert "姓名" in shown and "欧阳" in flat
    if width >= 120:
        assert "东湖社区居民委员会" in shown and "欧阳振华" in shown


@pytest.mark.parametrize("relations", [["02（户主）", "10（配偶）"], ["04（孙子女）", "02（户主）"], ["户主", "子"]])
def test_relation_column_holds_a_code_and_its_meaning_on_one_line(relations):
    # held-out 68: '02（户主）' wrapped to 02（户/主） in the 6-wide 与户主关系 column
    from rostercheck.io.problem_list import WIDTHS
    from rostercheck.io.report import column_layout, display_width

    width, wrapped = column_layout("与户主关系", relations, WIDTHS)
    assert not wrapped and width > max(display_width(r) for r in relations)


def test_console_summary_counts_each_lead_when_rows_name_no_member(capsys, monkeypatch):
    # coverage's L03 lists two people of one household as two leads: the console said one (held-out 76)
    from rostercheck import console

    rows = [{"类别代码": "L03", "乡镇": "城关镇", "_household": "H1"}, {"类别代码": "L03", "乡镇": "城关镇", "_household": "H1"},
            {"类别代码": "L01", "乡镇": "城关镇", "_household": "H1"}]
    monkeypatch.setattr(console, "out", console.Console(width=120, highlight=False))
    console.summary_table(pd.DataFrame(rows), {"L01": "甲", "L03": "乙"})
    shown = capsys.readouterr().out
    assert [line.split("│")[-2].strip() for line in shown.splitlines() if line.startswith("│ L0")] == ["1", "2"]


def test_every_summary_lists_townships_in_the_same_order():
    # 资金核查 and the coverage sheets kept pandas' code-point order beside pinyin everywhere else (held-out 76)
    from rostercheck.io.coverage_report import summary as lead_summary
    from rostercheck.io.problem_list import money_summary

    towns = ["紫水街道", "十里镇", "槐店乡"]
    pinyin = ["槐店乡", "十里镇", "紫水街道"]
    leads = pd.DataFrame({"乡镇": towns, "线索代码": ["L01"] * 3, "优先级": ["高"] * 3})
    assert lead_summary(leads, {"L01": "甲"})["乡镇"].tolist() == pinyin + ["合计"]
    money = pd.DataFrame({"类别代码": ["F01"] * 3, "乡镇": towns, "_household": ["a", "b", "c"],
                          "应追回金额": [100.0, 200.0, 300.0], "应补发金额": [None] * 3})
    assert money_summary(money)["乡镇"].tolist() == pinyin + ["合计"]


@pytest.mark.parametrize("report_widths", ["problem_list.WIDTHS", "screen_report.SCREEN_WIDTHS",
                                           "coverage_report.COVERAGE_WIDTHS"])
def test_village_column_holds_four_characters_on_one_line(report_widths):
    # h355: at width 8 东门社区 wrapped, each such row of screen's 核对结论 printed two lines high (26 households a page)
    import importlib

    from rostercheck.io.report import column_layout

    module, name = report_widths.split(".")
    widths = getattr(importlib.import_module(f"rostercheck.io.{module}"), name)
    assert column_layout("村", ["东门社区", "新华社区", "雷池村"], widths) == (widths["村"], False)


def test_months_column_breaks_between_the_months_and_their_count():
    # h355: at width 12 '2026-07至2026-09（3个月）' printed as 2026-07至 / 2026-09（3个 / 月）
    from rostercheck.io.problem_list import WIDTHS
    from rostercheck.io.report import display_width, lines_needed

    width = WIDTHS["涉及月份"]
    assert lines_needed("2026-07至2026-09（3个月）", width) == 2 and lines_needed("2026-09（1个月）", width) <= 2
    # a width unit is a digit's width (padding aside): the months whole on one line with a unit to spare for 至
    assert display_width("2026-07至2026-09") + 1 <= width


def _fit(ws) -> tuple[bool, int]:
    """(fit to page, pages tall: 0 as many as needed) of an openpyxl sheet as xlsxwriter wrote it (1 left out)."""
    tall = ws.page_setup.fitToHeight
    return bool(ws.sheet_properties.pageSetUpPr.fitToPage), 1 if tall is None else int(tall)


def test_a_few_rows_narrower_than_the_page_print_on_one_page(tmp_path):
    # h355: the look-back's 整改率（按类别）, 24 categories in 8 columns, printed its last 8 rows on a second page; its
    # 名称 (24 wide) took two or three lines a category
    from rostercheck.io import report
    from rostercheck.io.problem_list import WIDTHS
    from rostercheck.policy import load_defaults

    titles = {code: spec.title for code, spec in load_defaults()[0].items()}
    codes = sorted(titles)[:24]
    rates = pd.DataFrame({"类别代码": codes + ["合计"], "名称": [titles[c] for c in codes] + [""],
                          **{c: [3] * 25 for c in ("问题数", "已整改", "未整改", "核实无问题", "应整改数")},
                          "整改率": [0.5] * 25})
    wide = pd.DataFrame({c: ["一段较长的依据文字"] * 10 for c in ("依据", "说明", "核实情况", "整改措施", "备注", "情况")})
    tall = rates.loc[rates.index.repeat(2)]  # 50 rows: more than a page
    report.write_workbook(tmp_path / "x.xlsx", [("整改率（按类别）", rates, None), ("宽表", wide, None),
                                                ("长表", tall, None)], {**WIDTHS, **{c: 30 for c in wide}})
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    ws = book["整改率（按类别）"]
    name = ws.cell(HEADER_ROW, 2).column_letter
    assert ws.cell(HEADER_ROW, 2).value == "名称"
    assert max(report.lines_needed(t, ws.column_dimensions[name].width) for t in titles.values()) <= 2
    assert _fit(ws) == (True, 1)
    assert _fit(book["宽表"]) == (True, 0) and _fit(book["长表"]) == (True, 0)  # wider than the page; more rows than a page


@pytest.mark.parametrize("width", [60, 80])
def test_console_totals_never_cut_a_number_from_its_word(capsys, monkeypatch, width):
    # h355 at 80 columns: '…其中 2' / '人另有高/中置信度问题…' (rich breaks only at spaces, the line half empty)
    import re

    from rich.cells import cell_len

    from rostercheck import console

    monkeypatch.setattr(console, "out", console.Console(width=width, highlight=False))
    said = ("另有低置信度线索（未计入上表，待核实）：D03 6 人，其中 2 人另有高/中置信度问题、已在上表中，汇总页“低置信度线索（人）”"
            "只计其余 4 人；资金（按乡镇填报，涉及 7 户）：应追回 6,277.50 元，乡镇填报已追回 0.00 元，仍差 6,277.50 元。")
    console.say(said)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == said.replace(" ", "")
    for line, after in zip(lines, lines[1:]):
        assert cell_len(line) >= width - 12, line  # filled up to the next word ('6,277.50 元' is 11 wide)
        assert not re.search(r"\d[\d,.]*$", line), line  # a number neither cut nor left without its word
        assert not re.match(r"[。，、；：）”%]", after), after


@pytest.mark.parametrize("said, last", [
    # h385 at 80 columns: '…（6 户）；按次月停' / '发计' rather than '…按次月停发' / '计'
    ("资金核查：应追回 17,876.67 元（11 户），应补发 10,125.00 元（6 户）；按次月停发计", "发计"),
    ("资金核查：应追回 17,876.67 元（11 户），应补发 10,125.00 元（6 户）；按次月停发计。", "发计。"),
    ("资金核查：应追回 17,876.67 元（11 户），应补发 10,125.00 元（6 户）；按次月停发。", "停发。"),  # 发。 alone too
    ("资金核查：应追回 17,876.67 元（11 户），应补发 10,125.00 元（6 户）；按次月停发计的", "计的"),  # two: kept
    ("资金核查：应追回 17,876.67 元（11 户），应补发 10,125.00 元（6 户）；按次月停发 9", "9"),  # after a space: the break stays there
])
def test_console_never_leaves_one_character_alone_on_the_last_line(capsys, monkeypatch, said, last):
    from rich.cells import cell_len

    from rostercheck import console

    monkeypatch.setattr(console, "out", console.Console(width=80, highlight=False))
    console.say(said)
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == last and all(cell_len(line) <= 80 for line in lines)
    assert "".join(lines).replace(" ", "") == said.replace(" ", "")


def test_coverage_notes_print_across_the_page():
    # h355: 漏保线索's 说明 took a quarter of the page, each paragraph eight lines in a 24-wide 内容 (核对说明 is 80 wide)
    from rostercheck.io.coverage_report import COVERAGE_WIDTHS
    from rostercheck.io.report import column_layout, lines_needed
    from rostercheck.io.screen_report import SCREEN_WIDTHS

    said = ("名单上的人与花名册、其他名单上的人是同一人的把握：高＝身份证号一致；中＝身份证号受损但姓名、出生日期一致；"
            "低＝只能部分比对。与优先级是两回事：优先级说先走访谁，置信度说是不是这个人。")
    width, _ = column_layout("内容", [said], COVERAGE_WIDTHS)
    assert width == SCREEN_WIDTHS["内容"] and lines_needed(said, width) <= 3


def test_console_sample_rows_cut_a_cell_of_pages(capsys, monkeypatch):
    # h431: a row whose 姓名 came from a remark of a million characters printed 21,000 folded lines
    from rostercheck import console

    rows = pd.DataFrame({"类别代码": ["D01"], "乡镇": ["雷池镇"], "村": ["雷池村"], "姓名": ["备注" + "很长" * 100_000],
                         "身份证号": ["340827197010105863"], "置信度": ["中"]})
    monkeypatch.setattr(console, "out", console.Console(width=100, highlight=False))
    console.sample_rows(rows)
    shown = capsys.readouterr().out
    assert len(shown.splitlines()) < 20 and "…" in shown and "雷池镇" in shown


def test_placements_table_folds_reasons_between_characters_not_at_spaces(capsys, monkeypatch):
    # h449: at 80 columns rich broke the 依据 cells only at spaces ('其中有' / '2' / '个比对名单（按表头判断）' on three
    # lines) and cut a file name inside its extension ('…比对资料.z' over 'ip')
    from pathlib import Path

    from rich.cells import cell_len

    from rostercheck import console
    from rostercheck.classify import Placement

    places = [Placement(Path("2026年第二季度比对资料.zip"), None,
                        "压缩包（内有 1 个表格文件：低保花名册_第二季度.xlsx），未读取；请先解压，再把解压出的文件放进文件夹或直接写出"),
              Placement(Path("人社局"), None, "子文件夹，未读取；其中有 2 个比对名单（按表头判断），写法见最后的命令"),
              Placement(Path("死亡人员名单.csv"), "deaths", "死亡日期、文件名中的“死亡”字样", 208)]
    monkeypatch.setattr(console, "out", console.Console(width=80, highlight=False))
    console.placements_table(places)
    shown = capsys.readouterr().out
    assert all(cell_len(line) <= 80 for line in shown.splitlines())
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in shown.splitlines() if line.startswith("│")]
    assert not any(c.isdigit() for row in cells for c in row[:3])  # no number alone on a line of a text cell
    assert "2 个比对名单" in shown and "│ .zip " in shown and "1 个表格" in shown


def test_summary_says_why_its_total_is_less_than_its_townships_added_up():
    # h449: one person enrolled in 白沙乡 and 石桥镇 (D01) is a row of each township and one person of the county: the
    # 汇总 printed 问题人数 6+20+9+12+15+11 = 73 over a 合计 of 72 and said nothing
    from rostercheck.io.report import SHEET_NOTE

    rows = pd.DataFrame({"类别代码": ["D01", "D01", "C02"], "乡镇": ["白沙乡", "石桥镇", "石桥镇"],
                         "_member": [1, 2, 3], "_household": [10, 20, 30], "置信度": ["高", "高", "高"],
                         "身份证号": ["430526195001011234", "430526195001011234", "430526195001021230"]})
    table = summary(rows, {"D01": "重复享受", "C02": "死亡"})
    assert list(table["问题人数（高/中）"]) == [1, 2, 2]
    note = table.attrs[SHEET_NOTE]
    assert "各乡镇相加为 3 人，合计为 2 人" in note and "涉及户数" not in note
    alone = summary(rows.iloc[1:], {"D01": "重复享受", "C02": "死亡"})
    assert SHEET_NOTE not in alone.attrs  # (a total that adds up says nothing)


def test_header_row_is_high_enough_for_a_long_category_title_in_a_narrow_column(tmp_path):
    # h449: the 汇总's 'C08 法定就业年龄内有劳动能力（需核实是否拒绝劳动）' at width 10 wraps four characters a line in Excel
    # (a character is never split), seven lines; the header row was made six lines high and its last line cut off
    from rostercheck.io import report

    title = "C08 法定就业年龄内有劳动能力（需核实是否拒绝劳动）"
    assert report.lines_needed(title, 10) == 6 and report.header_lines(title, 10) == 7
    assert report.header_lines("类别代码", 5) <= report.lines_needed("类别代码", 5)  # (never more than needed)
    frame = pd.DataFrame({"乡镇": ["城关镇", "合计"], title: [1, 1]})
    report.write_workbook(tmp_path / "x.xlsx", [("汇总", frame, None)], widths={title: 10})
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["汇总"]
    assert ws.row_dimensions[HEADER_ROW].height >= 7 * report.LINE_HEIGHT
