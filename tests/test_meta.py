"""Meta-tests over the registry: every code has a TOML, a module, a test module and a README line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rostercheck.cli import app
from rostercheck.policy import load_defaults
from rostercheck.rules import load_all

ROOT = Path(__file__).resolve().parents[1]
SPECS, COMMON = load_defaults()
HEADINGS = ("什么情况会被标记", "为什么", "入户核实什么")


def test_every_rule_has_a_spec_and_every_spec_a_rule():
    from rostercheck.rules._coverage import LEADS

    audit_codes = set(load_all())
    assert audit_codes | set(LEADS) == set(SPECS)
    assert not audit_codes & set(LEADS)  # coverage leads are never run by the audit


@pytest.mark.parametrize("code", sorted(SPECS))
def test_explanation_has_its_headings(code):
    assert all(h in SPECS[code].explanation for h in HEADINGS)
    assert SPECS[code].basis and SPECS[code].advice and SPECS[code].level in ("member", "household")


@pytest.mark.parametrize("code", sorted(SPECS))
def test_readme_lists_every_code(code):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| {code} |" in readme


@pytest.mark.parametrize("code", sorted(SPECS))
def test_every_code_has_a_test_module(code):
    family = {"D": "test_d_roster.py", "R": "test_rq.py"}
    module = ROOT / "tests" / family.get(code[0], f"test_{code.lower()}.py")
    assert module.is_file(), module.name
    assert f'"{code}"' in module.read_text(encoding="utf-8"), f"{module.name} never names {code}"


def test_standards_have_documented_defaults():
    assert (COMMON["urban_standard"], COMMON["rural_standard"], COMMON["tekun_standard"]) == (716, 516, 1576)


def _chinese(text) -> bool:
    return bool(text) and any("\u4e00" <= ch <= "\u9fff" for ch in str(text))


def test_every_command_has_chinese_help():
    runner = CliRunner()
    group = typer.main.get_command(app)
    assert {"audit", "checks", "coverage", "explain", "review", "screen"} <= set(group.commands)
    for name, command in group.commands.items():
        # The command's own description and every argument and option, not the shared footer.
        assert _chinese(command.help), name
        for param in command.params:
            assert _chinese(getattr(param, "help", None)), (name, param.name)
        result = runner.invoke(app, [name, "--help"])
        shown = re.sub(r"[\s│╭╮╰╯─]", "", result.output)
        assert result.exit_code == 0 and re.sub(r"\s", "", command.help)[:8] in shown, name
    audit_help = re.sub(r"[\s│]", "", runner.invoke(app, ["audit", "--help"]).output)
    assert "核查基准日期" in audit_help and "报告输出文件夹" in audit_help


def test_explain_prints_the_explanation():
    result = CliRunner().invoke(app, ["explain", "C02"])
    assert result.exit_code == 0 and "服刑" in result.output


def test_explain_unknown_code_is_a_usage_error():
    result = CliRunner().invoke(app, ["explain", "Z99"])
    assert result.exit_code == 2 and "Z99" in result.output


def test_io_does_not_import_the_audit():
    # io/ reads and writes files; the audit builds on it, never the other way round.
    pattern = re.compile(r"^\s*(?:from\s+(?:\.\.|rostercheck\.)audit\b|from\s+\.\.\s+import\s+.*\baudit\b|"
                         r"import\s+rostercheck\.audit\b)", re.M)
    offenders = [p.name for p in (ROOT / "src" / "rostercheck" / "io").glob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert pattern.search("from ..audit import FINDING_COLUMNS\n")  # what io/ledger.py used to do


def _names_bound_twice(source: str) -> list[str]:
    """The names a module's top level binds more than once (a def, a class, an assignment)."""
    import ast
    from collections import Counter

    bound = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound[node.name] += 1
        elif isinstance(node, ast.Assign):
            bound.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            bound[node.target.id] += 1
    return sorted(n for n, k in bound.items() if k > 1 and n != "__all__")


def test_no_module_binds_a_top_level_name_twice():
    # A second `_MONTH_ONLY = …` far down values.py replaced the first for every function reading it at run time:
    # a list's 出生日期 19591115 became the month 1959-11 (C02's doubt of the list's ID said a month).
    offenders = {p.relative_to(ROOT).as_posix(): names for p in (ROOT / "src" / "rostercheck").rglob("*.py")
                 if (names := _names_bound_twice(p.read_text(encoding="utf-8")))}
    assert offenders == {}
    assert _names_bound_twice("_A = 1\ndef f():\n    return _A\n_A = 2\n") == ["_A"]
