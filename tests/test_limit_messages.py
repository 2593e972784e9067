"""A sheet past a safety bound is named as the user knows it, with the bound and the variable that raises it (h453).

Before, a real 1,294-row roster under ROSTERCHECK_MAX_ROWS=100 was refused as '工作表部件“sheet2.xml”的范围过大 …
请删除表格远处的空白或无关单元格' (a part name no clerk knows, and advice that cannot help a sheet that is all data);
an .xls was told only to be saved as .xlsx.
"""
from pathlib import Path

import openpyxl
import pytest

from badfiles import xls
from rostercheck.errors import ConfigError, LimitExceededError
from rostercheck.io.limits import Limits, check_zip_workbook
from rostercheck.io.ole import check_ole_workbook


def _book(path: Path, rows: int, cols: int) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    sheet = book.create_sheet("花名册")
    for r in range(rows):
        sheet.append([f"r{r}c{c}" for c in range(cols)])
    book.save(path)
    return path


@pytest.mark.parametrize("limits, said, variable", [
    (Limits(max_rows=100), "超过每个工作表 100 行的安全上限", "ROSTERCHECK_MAX_ROWS"),
    (Limits(max_cells=1000), "超过每个工作表 1000 个单元格（行数 × 列数）的安全上限", "ROSTERCHECK_MAX_CELLS"),
])
def test_an_xlsx_sheet_past_a_bound_is_named_by_its_tab(tmp_path, limits, said, variable):
    path = _book(tmp_path / "低保花名册.xlsx", 300, 30)  # (past Z: the scan's column bound is the sheet's own)
    with pytest.raises(LimitExceededError) as refused:
        check_zip_workbook(path, limits)
    text = str(refused.value)
    assert "工作表“花名册”的范围过大（到第 300 行、第 30 列）" in text and said in text and variable in text, text
    assert "sheet2.xml" not in text


def test_an_xlsx_sheet_within_the_bounds_is_not_refused(tmp_path):
    check_zip_workbook(_book(tmp_path / "低保花名册.xlsx", 300, 30), Limits(max_rows=400, max_cells=10_000))


def test_an_xls_sheet_past_the_row_bound_names_the_variable(tmp_path):
    path = xls(tmp_path / "低保花名册.xls", [[f"r{r}", "x"] for r in range(300)])
    with pytest.raises(LimitExceededError) as refused:
        check_ole_workbook(path, max_cells=10_000_000, max_rows=100)
    text = str(refused.value)
    assert "范围过大" in text and "ROSTERCHECK_MAX_ROWS" in text and "拆成几个文件" in text, text


@pytest.mark.parametrize("name, raw, said", [
    ("ROSTERCHECK_MAX_CELLS", "1e3", "应为正整数"),
    ("ROSTERCHECK_MAX_ROWS", "0", "应为正整数"),
    ("ROSTERCHECK_MAX_FILE_MB", "-1", "应为正数"),
])
def test_a_limit_variable_of_the_wrong_kind_says_what_it_takes(monkeypatch, name, raw, said):
    monkeypatch.setenv(name, raw)
    with pytest.raises(ConfigError, match=said):
        Limits.from_env()


@pytest.mark.parametrize("name, raw, refused", [
    ("ROSTERCHECK_WORKERS", "abc", True),
    ("ROSTERCHECK_WORKERS", "0", True),
    ("ROSTERCHECK_WORKERS", "-1", True),
    ("ROSTERCHECK_WORKERS", "2.5", True),
    ("ROSTERCHECK_WORKERS", "1", False),
    ("ROSTERCHECK_WORKERS", " 2 ", False),
    ("ROSTERCHECK_WORKERS", "", False),
    ("ROSTERCHECK_START_METHOD", "thread", True),
    ("ROSTERCHECK_START_METHOD", "Spawn", False),
])
def test_a_process_variable_of_the_wrong_kind_is_refused_not_ignored(monkeypatch, name, raw, refused):
    # h453's left-over: ROSTERCHECK_WORKERS=abc or a start method this system lacks was ignored unsaid
    from rostercheck.parallel import check_environment

    monkeypatch.setenv(name, raw)
    if refused:
        with pytest.raises(ConfigError, match=f"{name}=“{raw.strip()}”无效"):
            check_environment()
    else:
        check_environment()


def test_the_command_line_refuses_a_wrong_worker_count_with_the_config_exit_code(tmp_path, monkeypatch):
    from badfiles import roster_csv, run_cli

    monkeypatch.setenv("ROSTERCHECK_WORKERS", "two")
    proc = run_cli("audit", roster_csv(tmp_path / "r.csv"), "--out", tmp_path / "o")
    assert proc.returncode == 4 and "ROSTERCHECK_WORKERS=“two”无效" in proc.stderr, proc.stderr
    assert not (tmp_path / "o").exists()
