"""Windows pitfalls, with the means available on Linux: no fork, a report open in Excel, odd paths, GBK consoles."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from rostercheck import parallel
from rostercheck.cli import app
from rostercheck.errors import OutputError
from rostercheck.io import report

ROOT = Path(__file__).resolve().parents[1]
from helpers import COUNTY, COUNTY_LISTS, COUNTY_ROSTERS  # noqa: E402
from test_samples import audit_args  # noqa: E402

AS_OF = "2026-09-30"


def _findings(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, encoding="utf-8-sig").fillna("")


def _cli(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    return subprocess.run([sys.executable, "-m", "rostercheck", *args], cwd=cwd, env=environ,
                          capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The README's explicit audit in this process, one worker."""
    out = tmp_path_factory.mktemp("reference")
    os.environ.pop(parallel.START_METHOD_ENV, None)
    result = CliRunner().invoke(app, audit_args(out), env={"ROSTERCHECK_WORKERS": "1"})
    assert result.exit_code == 0, result.output
    return _findings(out / "findings.csv")


def test_spawn_forced_starts_workers_afresh(monkeypatch):
    monkeypatch.setenv(parallel.START_METHOD_ENV, "spawn")
    assert parallel.start_method() == "spawn"
    with parallel.pool(1) as pool:
        assert pool.submit(os.getpid).result() != os.getpid()
    monkeypatch.setenv(parallel.START_METHOD_ENV, "")
    assert parallel.start_method() is None


def test_parallel_audit_under_spawn_gives_the_same_findings(reference, tmp_path):
    """Two processes started the Windows way (spawn): loading in a worker, checks here."""
    out = tmp_path / "spawn"
    done = _cli(audit_args(out), tmp_path, ROSTERCHECK_WORKERS="2", ROSTERCHECK_START_METHOD="spawn")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    pd.testing.assert_frame_equal(reference, _findings(out / "findings.csv"))


def test_paths_with_spaces_and_chinese_under_a_gbk_console(reference, tmp_path):
    """A quarter's folder under '清河县 民政局/2026年 第三季度', output to '核查 结果', console in GBK."""
    folder = tmp_path / "清河县 民政局" / "2026年 第三季度"
    folder.mkdir(parents=True)
    for name in [*COUNTY_ROSTERS, *COUNTY_LISTS.values()]:
        shutil.copy(COUNTY / name, folder / name.replace("_", " "))
    out = tmp_path / "核查 结果"
    done = _cli(["audit", str(folder), "--as-of", AS_OF, "--out", str(out), "--mask"], tmp_path,
                PYTHONIOENCODING="gbk", ROSTERCHECK_WORKERS="1")
    stderr = done.stderr.decode("gbk")
    assert done.returncode == 0, stderr
    assert "Error" not in stderr and "Traceback" not in stderr
    stdout = done.stdout.decode("gbk")  # every byte printed is GBK
    assert "输入文件识别结果" in stdout and "共 " in stdout
    got = _findings(out / "findings.csv")
    assert sorted(got.columns) == sorted(reference.columns)
    key = ["类别代码", "身份证号", "置信度"]  # evidence texts name the renamed files
    assert len(got) == len(reference)
    assert set(map(tuple, got[key].values)) == set(map(tuple, reference[key].values))
    assert (out / "公示_问题清单.xlsx").exists()


def test_a_name_gbk_cannot_encode_is_printed_as_a_question_mark(tmp_path):
    roster = tmp_path / "低保花名册 䶮.csv"  # 䶮 (U+4DAE) is in GB 18030 but not in GBK
    roster.write_text("乡镇,村,户主姓名,姓名,身份证号,与户主关系,保障类型,月保障金\n"
                      "城关镇,东村,王䶮,王䶮,430527195003041236,户主,低保,600\n", encoding="utf-8-sig")
    done = _cli(["audit", str(roster), "--as-of", AS_OF, "--out", str(tmp_path / "out")], tmp_path,
                PYTHONIOENCODING="gbk")
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert b"Traceback" not in done.stderr and "UnicodeEncodeError" not in done.stderr.decode("gbk", "replace")


def _user_facing_strings(path: Path):
    """String constants of a module, docstrings left out (except the CLI's, which are its help texts)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    if path.name != "cli.py":
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


# Patterns that read input (the middle dots names are written with in any script), never printed.
_INPUT_PATTERNS = {"normalize/names.py": "•‧∙⋅･⸱・\u02d1", "normalize/ids.py": "\u2715\u2716",  # what users type, read
                   "io/public.py": "\u2212\u00a0",  # (the minus and no-break space a number is typed with)
                   "io/ledgers.py": "\u2212\u00a5",  # (the minus and yen sign of an amount cell: held-out 339)
                   "io/ledger.py": "\u00a5\u2611\u2612\u2713\u2714\u25a3\u2610\u25a2",  # (￥500 recovered: h357, h359;
                   # the check boxes of a township's form, ☑已整改 □未整改: h428)
                   "review.py": "\u00a5",
                   "io/table.py": "•・▶►",  # (a name's middle dot in a 家庭成员 cell: h358; a 数据字典's bullets: h493)
                   "roster.py": "•・"}  # (… and in a remark naming the former head, 原户主X: h477)


def test_no_printed_text_has_a_character_gbk_lacks():
    bad = []
    for path in sorted((ROOT / "src" / "rostercheck").rglob("*.py")):
        rel = path.relative_to(ROOT / "src" / "rostercheck").as_posix()
        for line, value in _user_facing_strings(path):
            for ch in value:
                if ch in _INPUT_PATTERNS.get(rel, "") or unicodedata.category(ch).startswith("C"):
                    continue  # BOMs and noncharacters are processing constants, not text
                try:
                    ch.encode("gbk")
                except UnicodeEncodeError:
                    bad.append(f"{rel}:{line} {ch!r}")
    for path in sorted((ROOT / "checks").glob("*.toml")):  # titles, explanations and advice are printed
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            bad += [f"checks/{path.name}:{n} {ch!r}" for ch in text if ch not in text.encode("gbk", "ignore").decode("gbk")]
    assert not bad, bad


def test_a_report_open_in_excel_gives_one_line_naming_it_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "问题清单.xlsx"
    target.write_bytes(b"the old report")
    real = os.replace

    def locked(src, dst):
        if Path(dst).name == target.name:
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(report.os, "replace", locked)
    with pytest.raises(OutputError) as err:
        report.write_json({"a": 1}, target)
    message = str(err.value)
    assert str(target) in message and "关闭" in message and "\n" not in message
    assert err.value.exit_code == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["问题清单.xlsx"]  # no temporary file left
    assert target.read_bytes() == b"the old report"


def test_the_cli_exits_5_when_the_workbook_is_locked(tmp_path, monkeypatch):
    real = os.replace

    def locked(src, dst):
        if Path(dst).name == "问题清单.xlsx":
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(report.os, "replace", locked)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(_tiny_roster(tmp_path)), "--as-of", AS_OF, "--out", str(out)])
    assert result.exit_code == 5, result.output
    assert "问题清单.xlsx" in result.output and "关闭" in result.output
    assert not out.exists()  # no report was put in place, and the folder made for them is removed


def _tiny_roster(folder: Path) -> Path:
    roster = folder / "花名册.csv"
    roster.write_text("乡镇,村,户主姓名,姓名,身份证号,与户主关系,保障类型,月保障金\n"
                      "城关镇,东村,张三,张三,430527195003041236,户主,低保,600\n", encoding="utf-8-sig")
    return roster


def test_a_read_only_output_folder_exits_5_naming_the_folder(tmp_path, monkeypatch):
    out = tmp_path / "只读"
    out.mkdir()
    real = report.tempfile.mkstemp

    def read_only(*args, dir=None, **kwargs):  # tests run as root, whom a chmod 555 folder does not stop
        if dir is not None and Path(dir) == out:
            raise PermissionError(13, "Permission denied", str(Path(dir) / "x.tmp"))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(report.tempfile, "mkstemp", read_only)
    result = CliRunner().invoke(app, ["audit", str(_tiny_roster(tmp_path)), "--as-of", AS_OF, "--out", str(out)])
    assert result.exit_code == 5, result.output
    assert str(out) in result.output and "权限" in result.output and "输出文件夹" in result.output
    assert "内部错误" not in result.output and not list(out.iterdir())


def test_a_read_only_output_folder_is_refused_before_the_run(tmp_path, monkeypatch):
    # held-out 341: an existing read-only --out was refused only when the reports were written, after the whole run
    import rostercheck.audit

    out = tmp_path / "只读"
    out.mkdir()
    real = report.tempfile.mkstemp

    def read_only(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == out:
            raise PermissionError(13, "Permission denied", str(Path(dir) / "x.tmp"))
        return real(*args, dir=dir, **kwargs)

    def never(*args, **kwargs):
        raise AssertionError("the audit ran before the output folder was tried")

    monkeypatch.setattr(report.tempfile, "mkstemp", read_only)
    monkeypatch.setattr(rostercheck.audit, "audit", never)
    result = CliRunner().invoke(app, ["audit", str(_tiny_roster(tmp_path)), "--as-of", AS_OF, "--out", str(out)])
    assert result.exit_code == 5, result.output
    assert "没有写入权限" in result.output and str(out) in result.output and not list(out.iterdir())


def test_an_output_folder_that_cannot_be_made_says_why_without_excel(tmp_path, monkeypatch):
    # held-out 341: --out under a folder without write permission said '没有权限（文件可能正在 Excel/WPS 中打开）'
    # of a folder that was never a file
    real = Path.mkdir

    def refused(self, *args, **kwargs):
        if self.name == "结果":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refused)
    with pytest.raises(OutputError) as got:
        report.prepare_out_dir(tmp_path / "只读" / "结果")
    message = str(got.value)
    assert "没有写入权限" in message and "Excel" not in message and "--out" in message, message


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_report_that_cannot_be_replaced_leaves_the_previous_set_whole(tmp_path, monkeypatch, workers):
    monkeypatch.setenv("ROSTERCHECK_WORKERS", workers)
    monkeypatch.setattr(parallel, "BIG_FINDINGS", 0)  # with two workers, a forked copy writes findings.csv/run.json
    out = tmp_path / "out"
    out.mkdir()
    (out / "findings.csv").write_text("the previous run", encoding="utf-8")
    (out / "run.json").write_text("{}", encoding="utf-8")
    (out / "问题清单.xlsx").mkdir()  # stands for a file Excel holds open
    result = CliRunner().invoke(app, ["audit", str(_tiny_roster(tmp_path)), "--as-of", AS_OF, "--out", str(out)])
    assert result.exit_code == 5, result.output
    assert "问题清单.xlsx" in result.output and "原有报告保持不变" in result.output
    assert (out / "findings.csv").read_text(encoding="utf-8") == "the previous run"
    assert (out / "run.json").read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in out.iterdir()) == ["findings.csv", "run.json", "问题清单.xlsx"]


@pytest.mark.parametrize("stage", ["moving the old file aside", "putting the new file in place"])
def test_a_locked_report_leaves_every_report_of_the_set_as_it_was(tmp_path, monkeypatch, stage):
    names = ["findings.csv", "问题清单.xlsx", "run.json"]
    for name in names:
        (tmp_path / name).write_text(f"old {name}", encoding="utf-8")
    locked = tmp_path / "run.json"
    real = os.replace

    def replace(src, dst):
        fails = Path(src) == locked if stage.startswith("moving") else Path(dst) == locked and str(src).endswith(".tmp")
        if fails:
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(report.os, "replace", replace)
    with pytest.raises(OutputError) as err, report.report_set():
        report.write_csv(pd.DataFrame({"a": [1]}), tmp_path / "findings.csv")
        report.write_json({"a": 1}, tmp_path / "问题清单.xlsx")
        report.write_json({"a": 1}, locked)
    assert str(locked) in str(err.value) and "关闭" in str(err.value) and err.value.exit_code == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    assert all((tmp_path / name).read_text(encoding="utf-8") == f"old {name}" for name in names)


def test_a_report_set_replaces_every_report_and_leaves_nothing_else(tmp_path):
    (tmp_path / "run.json").write_text("old", encoding="utf-8")
    with report.report_set():
        report.write_json({"a": 1}, tmp_path / "run.json")
        report.write_csv(pd.DataFrame({"a": [1]}), tmp_path / "findings.csv")
        assert (tmp_path / "run.json").read_text(encoding="utf-8") == "old"  # nothing replaced before the end
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.csv", "run.json"]
    assert '"a": 1' in (tmp_path / "run.json").read_text(encoding="utf-8")
