"""Meta-tests over the registry: every code has a TOML, a module, a test module and a README line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rostercheck.cli import app
from rostercheck.policy import load_defaults
from rostercheck.rules import load_all

ROOT = Path(__file__).resolve().parents[1]
SPECS, COMMON = load_defaults()
HEADINGS = ("什么情况会被标记", "为什么", "入户核实什么")


def test_every_rule_has_a_spec_and_every_spec_a_rule():
    assert set(load_all()) == set(SPECS)


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
    tests = {p.name for p in (ROOT / "tests").glob("test_*.py")}
    family = {"D01": "test_d_roster.py", "D02": "test_d_roster.py", "D03": "test_d_roster.py"}
    assert family.get(code, f"test_{code.lower()}.py") in tests or any(code.lower()[:2] in t for t in tests)


def test_standards_have_documented_defaults():
    assert (COMMON["urban_standard"], COMMON["rural_standard"], COMMON["tekun_standard"]) == (716, 516, 1576)


def test_every_command_has_chinese_help():
    runner = CliRunner()
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    commands = [name for name in ("audit", "checks", "explain", "review", "screen") if f" {name} " in top.output]
    assert "audit" in commands
    for name in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and any("\u4e00" <= ch <= "\u9fff" for ch in result.output)


def test_explain_prints_the_explanation():
    result = CliRunner().invoke(app, ["explain", "C02"])
    assert result.exit_code == 0 and "服刑" in result.output


def test_explain_unknown_code_is_a_usage_error():
    result = CliRunner().invoke(app, ["explain", "Z99"])
    assert result.exit_code == 2 and "Z99" in result.output
