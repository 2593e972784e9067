"""An option written without its value, or a switch written with one, is said in Chinese naming it (h453)."""
import os
import subprocess
import sys

import pytest

from badfiles import assert_refused, roster_csv, run_cli
from rostercheck.errors import ExitCode

USAGE = int(ExitCode.USAGE)


@pytest.mark.parametrize("command, words", [
    # must say: the value left out — Click took the next option for it and said *that* one was missing
    (["coverage", "{roster}", "--monitoring", "--out", "{out}"], ["--monitoring 后面需要写文件", "--out"]),
    (["audit", "{roster}", "--config", "--out", "{out}"], ["--config 后面需要写文件"]),
    (["audit", "{roster}", "--as-of", "--mask", "--out", "{out}"], ["--as-of 后面需要写日期", "--mask"]),
    (["audit", "{roster}", "--out", "--by-township"], ["--out 后面需要写文件夹的名称"]),
    # must say: a switch given a value, in Click's English before
    (["audit", "{roster}", "--mask=no", "--out", "{out}"], ["--mask 后面不用写值"]),
    (["review", "{roster}", "{roster}", "--by-township=yes", "--out", "{out}"], ["--by-township 后面不用写值"]),
    (["audit", "{roster}", "--out"], ["--out 后面需要写文件夹的名称"]),
])
def test_an_option_without_its_value_is_named(tmp_path, command, words):
    roster = roster_csv(tmp_path / "r.csv")
    args = [a.format(roster=roster, out=tmp_path / "out") for a in command]
    # (in tmp_path: without the fix '--out --by-township' writes a folder named '--by-township' where it runs)
    proc = subprocess.run([sys.executable, "-c", "from rostercheck.cli import main; main()", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"})
    line = assert_refused(proc, USAGE, *words)
    assert "Option" not in line and "缺少必需的选项" not in line
    assert not (tmp_path / "out").exists()


def test_a_path_that_only_looks_like_an_option_is_still_a_value(tmp_path):
    # must not refuse: a value starting with dashes that is no option of the command stays the value
    roster = roster_csv(tmp_path / "r.csv")
    proc = run_cli("audit", roster, "--as-of", "2026-09-30", "--out", tmp_path / "--结果")
    assert proc.returncode == 0, proc.stderr
