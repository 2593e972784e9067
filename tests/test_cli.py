"""The console entry point: Chinese help and usage errors, documented exit statuses, no tracebacks."""

from __future__ import annotations

from pathlib import Path
import os
import re
import subprocess
import sys

import pytest


def run(*args: str, columns: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns)} if columns else None
    return subprocess.run([sys.executable, "-m", "rostercheck", *args], capture_output=True, text=True, timeout=120,
                          env=env)


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["nosuch"], 2, "没有“nosuch”这个命令"),
        (["audit", "x.xlsx"], 2, "缺少必需的选项 --out"),
        (["audit", "--out", "o"], 2, "缺少花名册文件"),
        (["explain"], 2, "缺少类别代码，如 rostercheck explain C01"),
        (["audit", "x.xlsx", "--out", "o", "--bogus"], 2, "没有 --bogus 这个选项"),
        # what a clerk types (held-out 202): a mistyped option gets the close ones and the command's own help; dashes
        # and spaces of a Chinese input method; one dash
        (["audit", "x.xlsx", "--out", "o", "--deth", "d.csv"], 2, "是不是 --deaths"),
        (["audit", "x.xlsx", "--out", "o", "--cadre", "c.xls"], 2, "是不是 --cadres？运行 rostercheck audit --help"),
        (["audit", "x.xlsx", "--out", "o", "\uff0d\uff0ddeaths", "d.csv"], 2, "短横线是中文标点"),
        (["audit", "x.xlsx", "--out", "o", "\u2014\u2014deaths", "d.csv"], 2, "写成 --deaths"),
        (["audit", "x.xlsx", "--out", "o", "--deaths\u3000d.csv"], 2, "中文全角空格"),
        (["audit", "x.xlsx", "--out", "o", "-deaths", "d.csv"], 2, "请写成 --deaths"),
        (["audit", "--staff"], 2, "--staff 后面需要"),
        (["audit", "x.xlsx", "--out", "o", "--as-of"], 2, "--as-of 后面需要写日期"),
        (["audit", "missing.xlsx", "--out", "o"], 3, "文件不存在"),
        (["audit", "missing.xlsx", "--out", "o", "--as-of", "明天"], 2, "--as-of"),
        # a month without its day would quietly be its first (held-out 61)
        (["audit", "missing.xlsx", "--out", "o", "--as-of", "2026年9月"], 2, "没有写明是哪一天"),
        (["audit", "missing.xlsx", "--out", "o", "--as-of", ""], 2, "--as-of 后面没有写日期"),  # an empty batch variable
        (["audit", "x.xlsx", "--lists", "没有这个文件夹", "--out", "o"], 3, "文件夹不存在"),
        # held-out 292: coverage said a risk list was missing (rc 2) of a mistyped roster path
        (["coverage", "没有这个花名册.xlsx", "--out", "o"], 3, "文件不存在"),
        # a list given twice: refused, never the last file kept without a word
        (["audit", "x.xlsx", "--out", "o", "--deaths", "a.csv", "--deaths", "b.csv"], 2,
         "--deaths 给了 2 个文件（a.csv、b.csv）；每类名单只能用一个文件"),
        # (--monitoring is repeatable: a 低保边缘 list beside the 防返贫 one, h398)
        (["coverage", "x.xlsx", "--out", "o", "--disabled", "a.xlsx", "--disabled", "b.xlsx"], 2,
         "--disabled 给了 2 个文件"),
        (["screen", "x.xlsx", "--out", "o", "--staff", "a.xlsx", "--staff", "b.xlsx"], 2, "--staff 给了 2 个文件"),
        # the same file twice is that file (held-out 156: "请把它们合并成一个文件" of a file and itself)
        (["audit", "missing.xlsx", "--out", "o", "--deaths", "a.csv", "--deaths", "./a.csv"], 3, "文件不存在"),
        # an option of one value given twice: Click kept the last one without a word (held-out 75)
        (["audit", "x.xlsx", "--out", "o", "--config", "a.toml", "--config", "b.toml"], 2, "--config 写了不止一次"),
        (["review", "p.csv", "x.xlsx", "--out", "o", "--out=p"], 2, "--out 写了不止一次"),
        # an empty batch variable: --out "" wrote into the current folder
        (["audit", "x.xlsx", "--out", ""], 2, "--out 后面没有写内容"),
        (["audit", "x.xlsx", "--out="], 2, "--out 后面没有写内容"),
        # held-out 341: the same empty variable in a list's option, --lists, --payments or a file argument read the
        # current folder ('' → '.'): --lists "" took whatever lists lay there and ran to exit 0
        (["audit", "x.xlsx", "--out", "o", "--lists", ""], 2, "--lists 后面没有写内容"),
        (["audit", "x.xlsx", "--out", "o", "--deaths", ""], 2, "--deaths 后面没有写内容"),
        (["audit", "x.xlsx", "--out", "o", "--payments", " "], 2, "--payments 后面没有写内容"),
        (["screen", "x.xlsx", "--out", "o", "--enrolled", ""], 2, "--enrolled 后面没有写内容"),
        (["coverage", "x.xlsx", "--out", "o", "--monitoring="], 2, "--monitoring 后面没有写内容"),
        (["audit", "", "--out", "o"], 2, "要写花名册文件的地方有一个是空的"),
        (["audit", "x.xlsx", "--mask", "", "--out", "o"], 2, "要写花名册文件的地方有一个是空的"),
        (["review", "p.csv", "", "--out", "o"], 2, "有一个是空的"),
        (["screen", "", "--out", "o"], 2, "要写新申请名册文件的地方有一个是空的"),
        (["explain", ""], 2, "没有类别代码"),
        # digits that are no date: a mistyped 2026930 was an Excel serial (year 7449); a year far off
        (["audit", "missing.xlsx", "--out", "o", "--as-of", "2026930"], 2, "无法识别"),
        (["audit", "missing.xlsx", "--out", "o", "--as-of", "46295"], 2, "无法识别"),
        (["audit", "missing.xlsx", "--out", "o", "--as-of", "1899-12-31"], 2, "年份不在 2000–2100 年之间"),
        (["audit", "missing.xlsx", "--out", "o", "--as-of", "2026/9/31"], 2, "不存在：2026 年 9 月没有 31 日"),  # (held-out 156)
        (["audit", "missing.xlsx", "--out", "o", "--as-of", "2026-02-30"], 2, "不存在：2026 年 2 月没有 30 日"),
    ],
)
def test_usage_errors_are_one_chinese_line(tmp_path, args, code, words):
    result = subprocess.run([sys.executable, "-m", "rostercheck", *args], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == code
    assert words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("text, day", [
    ("2026年第三季度", "2026-09-30"), ("2026年三季度", "2026-09-30"), ("2026Q3", "2026-09-30"), ("2026-q3", "2026-09-30"),
    ("2026年第一季度", "2026-03-31"), ("2026年第2季度", "2026-06-30"), ("2025Q4", "2025-12-31"),
    ("2026年9月", None), ("2026Q5", None), ("2026年第五季度", None), ("2026", None),
])
def test_as_of_a_quarter_is_its_last_day(text, day):
    # quarterly rectification is named by its quarter; refusing "2026年第三季度" sent users back to the manual (h392)
    from rostercheck.cli import _quarter_end
    assert (_quarter_end(text).isoformat() if _quarter_end(text) else None) == day


def test_as_of_a_quarter_runs_and_says_the_day(tmp_path):
    result = run("audit", str(tmp_path / "missing.xlsx"), "--as-of", "2026年第三季度", "--out", str(tmp_path / "o"))
    assert "2026-09-30" in result.stderr and "无法识别" not in result.stderr


def test_a_path_with_spaces_not_in_quotes_is_said(tmp_path):
    # held-out 202: "文件“青石县”：文件不存在" for a folder named with a space, given without quotes
    (tmp_path / "青石县 2026年 第三季度").mkdir()
    result = run("audit", str(tmp_path / "青石县"), "2026年", "第三季度", "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "英文双引号" in result.stderr and "第三季度\"" in result.stderr


def test_help_is_chinese():
    result = run("--help")
    assert result.returncode == 0
    assert "显示本帮助并退出" in result.stdout and "Show this message" not in result.stdout


@pytest.mark.parametrize("command", [[], ["audit"], ["review"], ["screen"], ["coverage"], ["checks"], ["explain"]])
def test_help_frame_is_chinese(command):
    # Typer's own frame: the usage line, panel titles, required marks and Python type names.
    result = run(*command, "--help")
    assert result.returncode == 0 and "用法：rostercheck" in result.stdout
    english = re.findall(r"Usage|Options|Arguments|Commands|\[required\]|\[default|<bool>|<str>|<path>|list\[|"
                         r"\[OPTIONS\]|COMMAND|\{rosters|\{applications|\{code|\{previous", result.stdout)
    assert english == []


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("rostercheck ")


def test_debug_shows_the_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "rostercheck", "audit", "missing.xlsx", "--out", "o", "--debug"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 3 and "Traceback" in result.stderr


@pytest.mark.parametrize("code", ["C03", "C09", "F05", "L03"])
def test_explain_reads_at_80_columns(code):
    # Every line fits; a list item's continuation stays under its text; no line starts with a closing mark.
    from rich.cells import cell_len

    result = subprocess.run([sys.executable, "-m", "rostercheck", "explain", code], capture_output=True, text=True,
                            timeout=120, env={**__import__("os").environ, "COLUMNS": "80"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert not [line for line in lines if line.strip()[:1] in tuple("。，、；：）")]
    items = [k for k, line in enumerate(lines) if line.startswith("  1. ")]
    if items:  # the item's next line, when it continues the item, is indented under its text
        follow = lines[items[0] + 1]
        assert follow.startswith("     ") or follow.startswith("  2. ")


def test_the_report_paths_line_is_not_wrapped_at_80_columns(tmp_path):
    # A worker copies the path from the last line: it must come whole, even in a long folder name with brackets.
    out = tmp_path / "第三季度专项整治 [2026] 城关镇和河口乡的核查结果输出文件夹"
    roster = Path(__file__).parents[1] / "samples" / "county" / "低保花名册_第三季度.xlsx"
    result = subprocess.run([sys.executable, "-m", "rostercheck", "audit", str(roster), "--as-of", "2026-09-30",
                             "--out", str(out)], capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "COLUMNS": "80"})
    assert result.returncode == 0
    assert f"{out / 'findings.csv'}" in result.stdout.splitlines()[-1]
    # no ledgers at all: the money sieve is one notice, not one line per F code
    assert result.stderr.count("资金核查（F01–F07）未进行") == 1 and "F01 未检查" not in result.stderr


def test_a_refused_run_leaves_no_empty_output_folder(tmp_path):
    # The output folder is made before the lists are read; a list that cannot be read ends the run (exit 3).
    roster = Path(__file__).resolve().parents[1] / "samples" / "county" / "特困人员名册.csv"
    broken = tmp_path / "死亡人员名单.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    kept = tmp_path / "已有文件夹"
    kept.mkdir()
    for out in (tmp_path / "新建" / "报告", kept):
        result = subprocess.run([sys.executable, "-m", "rostercheck", "audit", str(roster), "--deaths", str(broken),
                                 "--out", str(out)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 3 and "死亡人员名单" in result.stderr
    assert not (tmp_path / "新建").exists()
    assert kept.is_dir()  # a folder that was there before is never removed


@pytest.mark.parametrize("code", ["C02", "C03", "C07", "C10", "F05", "L03"])
def test_explain_prints_the_parameters_as_toml_to_copy(code):
    # Folded at 80 columns, what is on the screen from "[C03]" on is still TOML holding exactly the defaults.
    import tomllib

    from rich.cells import cell_len

    from rostercheck.policy import load_defaults

    result = subprocess.run([sys.executable, "-m", "rostercheck", "explain", code], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    shown = tomllib.loads("\n".join(lines[lines.index(f"[{code}]"):]))
    specs, common = load_defaults()
    used: dict = {}  # and the values of other sections it uses (C03: the 保障标准 of [common])
    for name in specs[code].uses_params:
        section, key = name.split(".")
        used.setdefault(section, {})[key] = (common if section == "common" else specs[section].params)[key]
    assert shown == {code: specs[code].params, **used}
    assert not any(line.rstrip().endswith("“") or line.lstrip("# ").startswith(("，", "。")) for line in lines)


def test_explain_and_checks_show_the_values_a_configuration_sets(tmp_path):
    # what a bureau's --config puts in force, with the default beside a changed value, and a check it turns off
    import tomllib

    from rostercheck.policy import load_policy

    config = tmp_path / "本县.toml"
    config.write_text("[C04]\nmin_homes = 3\n[C08]\nenabled = false\n", encoding="utf-8")
    result = run("explain", "C04", "--config", str(config), columns=200)
    assert result.returncode == 0 and "min_homes = 3  # 本地配置；默认 2" in result.stdout
    assert "本地配置 本县.toml 中的值已代入" in result.stdout and "合计有 3 套及以上住宅" in result.stdout
    lines = result.stdout.splitlines()
    assert tomllib.loads("\n".join(lines[lines.index("[C04]"):])) == {"C04": load_policy(config)[0]["C04"].params}
    listed = run("checks", "--config", str(config), columns=200)
    assert listed.returncode == 0 and "3套及以上住房" in listed.stdout and "（本地配置已停用）" in listed.stdout
    config.write_text("[C04]\nmin_home = 3\n", encoding="utf-8")  # a mistake is the same error as for audit
    wrong = run("explain", "C04", "--config", str(config), columns=200)
    assert wrong.returncode != 0 and "是否要写 min_homes" in wrong.stderr and "Traceback" not in wrong.stderr


def test_explain_says_the_values_in_force_in_its_text_and_the_shared_ones_it_uses(tmp_path):
    # held-out 240: ages 65/60 configured, C08's text still said 未满60周岁 … 未满55周岁; a county's 保障标准 was never
    # shown by explain C06
    config = tmp_path / "本县.toml"
    config.write_text("[C08]\nmale_max_age = 65\nfemale_max_age = 60\n[common]\nurban_standard = 760\n", encoding="utf-8")
    c08 = run("explain", "C08", "--config", str(config), columns=200)
    assert c08.returncode == 0 and "男年满 16 周岁未满 65 周岁，女年满 16 周岁未满 60 周岁" in c08.stdout
    c06 = run("explain", "C06", "--config", str(config), columns=200)
    assert c06.returncode == 0 and "连同节名 [C06]、[common] 复制" in c06.stdout
    assert "urban_standard = 760  # 本地配置；默认 716" in c06.stdout and "rural_standard = 516\n" in c06.stdout
    f01 = run("explain", "F01", columns=200)  # no parameters of its own: the shared one it uses
    assert f01.returncode == 0 and '[common]\n# 停发规则' in f01.stdout and 'money_stop_rule = "次月"' in f01.stdout


def test_a_count_of_zero_is_a_config_error_not_a_crash(tmp_path):
    # held-out 240: [C04] min_homes = 0 with --properties ended in exit 70 (IndexError in C04)
    config = tmp_path / "本县.toml"
    config.write_text("[C04]\nmin_homes = 0\n", encoding="utf-8")
    county = Path(__file__).resolve().parents[1] / "samples" / "county"
    result = subprocess.run([sys.executable, "-m", "rostercheck", "audit", str(county / "低保花名册_第三季度.xlsx"),
                             "--properties", str(county / "不动产登记信息.xlsx"), "--config", str(config),
                             "--as-of", "2026-09-30", "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 4, result.stderr
    assert "[C04] min_homes：应为正整数，实际为 0" in result.stderr and "内部错误" not in result.stderr


def test_explain_never_cuts_an_option_or_parameter_name_at_80_columns():
    result = subprocess.run([sys.executable, "-m", "rostercheck", "explain", "L04"], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert any("--subsidies" in line for line in lines) and any("recent_months" in line for line in lines)


def test_reports_an_earlier_run_left_in_the_output_folder_are_pointed_out(tmp_path):
    roster = Path(__file__).resolve().parents[1] / "samples" / "county" / "特困人员名册.csv"
    out = tmp_path / "结果"
    (out / "乡镇").mkdir(parents=True)
    (out / "乡镇" / "旧乡.xlsx").write_bytes(b"")  # a township of an earlier run
    result = subprocess.run([sys.executable, "-m", "rostercheck", "audit", str(roster), "--out", str(out)],
                            capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0 and "以前运行留下的 1 个报告文件（如 旧乡.xlsx）" in result.stderr + result.stdout


def test_a_lists_option_naming_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "d.csv").write_text("姓名,身份证号\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "rostercheck", "audit", "x.xlsx", "--lists", "d.csv", "--out", "o"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 2 and "--lists 要写文件夹" in result.stderr and "Traceback" not in result.stderr


def test_a_roster_that_cannot_be_opened_is_an_input_error_in_chinese(tmp_path, monkeypatch, capsys):
    # held by another program or without read permission: Click said "path … is not readable" in English (held-out 90)
    from rostercheck import cli

    roster = tmp_path / "锁定.xlsx"
    roster.write_bytes(b"PK")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if str(p).endswith("锁定.xlsx") else real(p, mode))
    monkeypatch.setattr(cli, "_leave", lambda code: (_ for _ in ()).throw(SystemExit(code)))
    monkeypatch.setattr(sys, "argv", ["rostercheck", "audit", str(roster), "--out", str(tmp_path / "o")])
    with pytest.raises(SystemExit) as leave:
        cli.main()
    said = capsys.readouterr().err
    assert leave.value.code == 3 and "无法打开" in said and "readable" not in said


def test_a_file_name_too_long_for_the_system_is_an_input_error(tmp_path):
    # 96 Chinese characters are more than the 255 bytes a file name may have (held-out 90: an internal error)
    res = run("audit", str(tmp_path / ("很长的文件名" * 16 + ".xlsx")), "--out", str(tmp_path / "o"))
    assert res.returncode == 3 and "路径太长" in res.stderr and "内部错误" not in res.stderr


# Ctrl+C lands at a fixed point of the start-up: an import hook sends SIGINT when the named module is first imported.
# (A timed signal raced the start-up: on a fast machine `checks` had finished before it and exited 0.)
_INTERRUPT_AT_IMPORT = """
import os, runpy, signal, sys
_AT = sys.argv[1]
# (as a console delivers it: a test run started in the background by a shell without job control inherits SIGINT
# ignored, and Python then installs no handler)
signal.signal(signal.SIGINT, signal.default_int_handler)
class _Hit:
    def find_spec(self, name, path=None, target=None):
        if name == _AT:
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, _Hit())
sys.argv = ["rostercheck", "checks"]
runpy.run_module("rostercheck", run_name="__main__")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
@pytest.mark.parametrize("module", ["pandas", "typer"])  # the package's own import, then the CLI's
def test_ctrl_c_while_starting_gives_no_traceback(module) -> None:
    """Ctrl+C during the imports (pandas, Typer: most of a second) ends with one Chinese line and exit 130."""
    res = subprocess.run([sys.executable, "-c", _INTERRUPT_AT_IMPORT, module], capture_output=True, text=True,
                         encoding="utf-8", errors="replace", timeout=120)
    assert "Traceback" not in res.stderr and "KeyboardInterrupt" not in res.stderr, res.stderr
    assert res.returncode == 130 and "已中断" in res.stderr, (res.returncode, res.stderr)
    assert res.stdout == ""  # interrupted before the checks were listed


def test_the_file_table_keeps_file_names_whole_at_80_columns(tmp_path):
    # '低保花名册_第三季度.xlsx' was cut '…第三季度.xl' | 'sx' at 80 columns; the table still fits
    from rich.cells import cell_len

    county = Path(__file__).parents[1] / "samples" / "county"
    result = subprocess.run([sys.executable, "-m", "rostercheck", "audit", str(county), "--as-of", "2026-09-30",
                             "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("输入文件识别结果", 1)[1].splitlines()[1:]
    table = lines[:next(k for k, line in enumerate(lines) if line.startswith("└"))]
    assert max(cell_len(line) for line in table) <= 80
    assert any("│ 低保花名册_第三季度.xlsx │" in line for line in table), "\n".join(table)
    assert any("约 4155" in line for line in table)  # a count whole (held-out 136: '270' over '7')


@pytest.mark.parametrize("title, today, said", [
    ("2026年第三季度城乡低保花名册", "2026-12-04", "请加 --as-of 2026-09-30"),  # a Q3 roster audited in December
    ("2026年第三季度城乡低保花名册", "2026-08-15", None),  # still that quarter
    ("2025年12月低保花名册", "2026-01-05", "请加 --as-of 2025-12-31"),
    ("城乡低保花名册", "2026-12-04", None),  # no period written: nothing to say
])
def test_a_roster_of_an_earlier_period_without_as_of_is_said(title, today, said):
    import datetime as dt
    from types import SimpleNamespace

    from rostercheck import cli

    table = SimpleNamespace(kind="roster", title=title, path=Path("花名册.xlsx"), sheets=["Sheet1"])
    text = "".join(cli._older_roster(SimpleNamespace(inputs=SimpleNamespace(tables=[table])), dt.date.fromisoformat(today)))
    assert (said in text) if said else "--as-of" not in text


def test_a_list_not_given_is_named_with_its_option():
    # held-out 202: "C03 未检查：未提供所需名单：养老金发放名单" told a clerk what was missing, not how to give it
    from rostercheck.io.columns import lists_named

    assert lists_named(["pensions", "cadre_relatives"]) == "养老金发放名单（--pensions）、近亲属备案表（--cadre-relatives）"
    shown = run("checks").stdout
    assert "--pensions" in shown and "coverage" in shown


def test_an_out_named_as_a_file_is_refused(tmp_path):
    # held-out 202: --out 第三季度问题清单.xlsx quietly made a folder of that name
    roster = Path(__file__).resolve().parents[1] / "samples" / "county" / "特困人员名册.csv"
    result = run("audit", str(roster), "--as-of", "2026-09-30", "--out", str(tmp_path / "第三季度问题清单.xlsx"))
    assert result.returncode != 0 and "像是文件名" in result.stderr and not (tmp_path / "第三季度问题清单.xlsx").exists()


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_the_checks_table_breaks_titles_as_chinese_text_breaks(columns):
    # at 80 columns rich folded C08's title after its opening bracket: '法定就业年龄内有劳动能力（' over '需核实是否拒绝劳动）'
    shown = run("checks", columns=columns).stdout
    cells = [cell.strip() for line in shown.splitlines() for cell in line.split("│")[1:-1]]
    assert not [c for c in cells if c.endswith(("（", "“"))] and not [c for c in cells if c.startswith(("）", "，", "。"))]
    assert all(len(line) <= columns for line in shown.splitlines())
    assert "--cadre-relatives" in shown and "C08" in shown


@pytest.mark.parametrize("columns", [70, 80])
def test_help_lines_break_as_chinese_text_breaks(columns):
    # held-out 341: at 80 columns rich broke descriptions only at spaces — '，长表或' alone on a line before a wide gap
    # (the run after a space folded onto a line of its own) — and began lines with '）' or '。'
    for command in ["", "audit", "review", "screen", "coverage"]:
        lines = run(*([command] if command else []), "--help", columns=columns).stdout.splitlines()
        starts = [line for line in lines if re.search(r"│\s{4,}[。，、；：？！）》」』”’…]", line)]
        assert not starts, (command, starts)
        gaps = [line for line, below in zip(lines, lines[1:]) if re.match(r"^│.*\S\s{10,}│$", line)
                and re.match(r"^│\s{11,}[^\s\[*-]", below)]
        assert not gaps, (command, gaps)
