"""Command line: parse options, call the library, render, set the exit code — nothing else."""

from __future__ import annotations

import contextlib

import datetime as dt
import os
import re
import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated, Callable, List, Optional

import typer
from rich.markup import escape

from . import __version__, console
from .errors import ExitCode, RostercheckError, UsageError, os_reason
from .parallel import ChildError

# Typer's help frame in Chinese. Its panel titles and marks are module constants read each time help is drawn
# (tests/test_cli.py holds the help free of Typer's English, so a Typer that renames them is noticed).
_FRAME = {"ARGUMENTS_PANEL_TITLE": "参数", "OPTIONS_PANEL_TITLE": "选项", "COMMANDS_PANEL_TITLE": "命令",
          "REQUIRED_LONG_STRING": "[必填]", "DEFAULT_STRING": "[默认：{}]", "ENVVAR_STRING": "[环境变量：{}]",
          "DEPRECATED_STRING": "（已停用）", "ERRORS_PANEL_TITLE": "错误", "ABORTED_TEXT": "已中止。",
          "RICH_HELP": "运行 [blue]'{command_path} {help_option}'[/] 查看用法。"}
_USAGE_WORDS = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
# Each argument by what the user gives (the usage line, the help and Click's "Missing argument" name it so)
# and what it may be.
_ARGUMENT_SHOWN = {"rosters": ("花名册", "<文件或文件夹>"), "previous": ("上期问题清单", "<文件>"),
                   "applications": ("新申请名册", "<文件或文件夹>"), "code": ("类别代码", "<代码>")}
_OPTION_SHOWN = {Path: "<文件>", str: "<文字>", int: "<整数>", float: "<数字>"}


def _chinese_frame() -> None:
    from typer import rich_utils

    for name, text in _FRAME.items():
        setattr(rich_utils, name, text)


def _show_in_chinese(param) -> None:
    """What a parameter takes, named in Chinese in the help (Typer shows Python's type names: <bool>, <list[Path]>)."""
    if param.metavar is not None:
        return
    if param.param_type_name == "argument":
        param.metavar, kind = _ARGUMENT_SHOWN.get(param.name, ("参数", "<值>"))
        param.display_type_rich = lambda ctx, kind=kind: kind  # the type column, beside the name
    elif getattr(param, "is_flag", False):
        param.metavar = ""  # a switch takes no value
    else:
        annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        inner = (getattr(annotation, "__args__", None) or (annotation,))[0]
        param.metavar = _OPTION_SHOWN.get(inner, "<值>")


class _ChineseHelp:
    """Mixin: the help in Chinese — Click's --help option, the usage line, what each parameter takes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            _show_in_chinese(param)

    def get_help_option(self, ctx):  # noqa: D102 - Click API
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
            option.metavar = ""
        return option

    def collect_usage_pieces(self, ctx):  # noqa: D102 - Click API
        return [_USAGE_WORDS.get(piece, piece) for piece in super().collect_usage_pieces(ctx)]

    def format_usage(self, ctx, formatter):  # noqa: D102 - Click API
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")


class _Group(_ChineseHelp, typer.core.TyperGroup):
    pass


class _Command(_ChineseHelp, typer.core.TyperCommand):
    def parse_args(self, ctx, args):  # noqa: D102 - Click API
        _refuse_repeated(self, args)
        return super().parse_args(ctx, args)


def _refuse_repeated(command, args: list[str]) -> None:
    """An option of one value written twice (--config a --config b) is a usage error: Click would quietly keep the
    last one; so is any option or argument given an empty value. Repeatable options (--payments) and the lists'
    (refused with their files, :func:`_one_file`) may be written twice."""
    valued = {name: p for p in command.params if getattr(p, "opts", None) and not getattr(p, "is_flag", False)
              and getattr(p, "param_type_name", "") == "option" for name in p.opts if name.startswith("--")}
    single = {name for name, p in valued.items() if not getattr(p, "multiple", False)}
    paths = [_ARGUMENT_SHOWN[p.name][0] for p in command.params if getattr(p, "param_type_name", "") == "argument"
             and "文件" in _ARGUMENT_SHOWN.get(p.name, ("", ""))[1]]
    options = {name for p in command.params if getattr(p, "param_type_name", "") == "option"
               for name in (*p.opts, *getattr(p, "secondary_opts", ())) if name.startswith("--")} | {"--help"}
    seen: dict[str, int] = {}
    taken = False  # this token is the value of the option before it
    for arg, value in zip(args, [*args[1:], None]):
        if taken:
            taken = False
            continue
        name = arg.split("=", 1)[0]
        if arg == "--" or arg.startswith("-") and name not in valued:
            continue  # a switch, or an unknown option (Click names it)
        if name in valued:
            seen[name] = seen.get(name, 0) + 1
            taken = "=" not in arg
            empty = arg.endswith("=") if "=" in arg else value is not None and not value.strip()
            if "=" not in arg and value is not None and value.split("=", 1)[0] in options:
                # its value left out: Click takes the next option for it, then says that one is missing (h453:
                # 'coverage … --monitoring --out 结果' was told '缺少必需的选项 --out')
                what = {"--as-of": "日期，如 2026-09-30", "--out": "文件夹的名称", "--lists": "文件夹的名称"}.get(name, "文件")
                raise _click_exceptions().UsageError(f"选项 {name} 后面需要写{what}，但紧跟着的是另一个选项 {value}；"
                                                     f"请在 {name} 后面写上{what.split('，')[0]}")
            if empty and name != "--as-of":  # (--as-of says what a date looks like)
                # an empty variable in a batch file: --out "" would write into the current folder, --lists ""
                # or --deaths "" would read it (held-out 341)
                raise _click_exceptions().UsageError(f"{name} 后面没有写内容（是不是批处理文件里的变量为空？）")
        elif not arg.strip() and paths:
            # a file argument left empty is read as the current folder: '' audited whatever lay there (held-out 341)
            raise _click_exceptions().UsageError(f"命令中要写{paths[0]}文件的地方有一个是空的（是不是批处理文件里的变量为空？）；"
                                                 "空的文件名会被当作当前文件夹读取，因此不运行")
    twice = [name for name, n in seen.items() if n > 1 and name in single]
    if twice:
        raise _click_exceptions().UsageError(f"选项 {'、'.join(twice)} 写了不止一次；每个选项只能写一次"
                                             "（否则只会用最后一个），请删去多余的")


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="低保、特困花名册比对核查工具：与财政供养、死亡、服刑、户籍迁出等名单比对，输出问题清单和整改台账。",
)
_DEBUG = {"on": False}
_chinese_frame()
console.fold_help()  # long Chinese option descriptions wrap instead of being cut at 80 columns

# One declaration of every reference-list option, shared by audit and screen.
REFERENCE_OPTIONS = {
    "staff": ("--staff", "财政供养人员名单（公务员、参公、事业单位、国企职工）"),
    "cadres": ("--cadres", "村(居)干部及经办人员名单（含职务、村、联系电话）"),
    "cadre_relatives": ("--cadre-relatives", "干部及经办人员近亲属备案表"),
    "registry": ("--registry", "户籍人口信息（户号、与户主关系）"),
    "deaths": ("--deaths", "死亡人员（户籍注销）名单"),
    "prisoners": ("--prisoners", "服刑人员名单"),
    "migrations": ("--migrations", "户籍迁出名单"),
    "pensions": ("--pensions", "养老金（退休金、遗属补助）发放名单"),
    "vehicles": ("--vehicles", "机动车登记信息"),
    "properties": ("--properties", "不动产登记信息"),
    "businesses": ("--businesses", "市场主体（工商）登记信息"),
    "wages": ("--wages", "社保缴费工资名单"),
    "supporters": ("--supporters", "赡养（抚养、扶养）义务人名单"),
    "exits": ("--exits", "停保（退出）名单：停保日期、原因（资金核查 F03 等使用）"),
}


# The lists screen reads: not the 停保（退出）名单, which only the money sieve uses and screen has no option for (h495: a
# folder's 户籍注销 list with 注销原因 1-死亡 was as like a 停保名单, and screen stopped asking for a --exits it lacks)
SCREEN_LISTS = tuple(k for k in REFERENCE_OPTIONS if k != "exits")


def _ref(kind: str):
    flag, text = REFERENCE_OPTIONS[kind]
    return _list_option(flag, text, "比对名单")


def _list_option(flag: str, text: str, panel: str):
    """A list's option: one file. Declared repeatable so that a file given twice is refused (:func:`_one_file`)
    instead of Click keeping the last one without a word."""
    return Annotated[Optional[List[Path]], typer.Option(flag, help=text, rich_help_panel=panel, show_default=False)]


def _one_file(flag: str, given: Optional[List[Path]]) -> Optional[Path]:
    """The file given to a list option (None when none); the same option given several files is a usage error."""
    if not given:
        return None
    given = list({Path(p).resolve(): Path(p) for p in given}.values())  # the same file twice is that file (held-out 156)
    if len(given) > 1:
        names = "、".join(Path(p).name for p in given)
        raise _click_exceptions().UsageError(f"{flag} 给了 {len(given)} 个文件（{names}）；每类名单只能用一个文件，"
                                             "请把它们合并成一个文件（可以放在同一个工作簿的不同工作表中）后再给出")
    return Path(given[0])


Staff, Cadres, CadreRelatives, Registry = _ref("staff"), _ref("cadres"), _ref("cadre_relatives"), _ref("registry")
Deaths, Prisoners, Migrations, Pensions = _ref("deaths"), _ref("prisoners"), _ref("migrations"), _ref("pensions")
Vehicles, Properties, Businesses = _ref("vehicles"), _ref("properties"), _ref("businesses")
Wages, Supporters, Exits = _ref("wages"), _ref("supporters"), _ref("exits")
Payments = Annotated[Optional[List[Path]], typer.Option(
    "--payments", help="资金发放明细（一折通/社保卡发放明细，长表或 1月至12月宽表）：可写多次，每月一个文件或一个年度工作簿，"
    "用于资金核查 F01–F07。", rich_help_panel="比对名单", show_default=False,
    metavar="<文件或文件夹>")]
ReviewPayments = Annotated[Optional[List[Path]], typer.Option(
    "--payments", help="本季度（回头看所在季度）的资金发放明细：可写多次，也可写文件夹。上期问题乡镇填报已整改（已停发、已清退等），"
    "而本季度明细中该人（该户）在应停发的月份以后仍成功领取保障金（低保金、特困供养金；不含物价补贴等其他资金、发放失败和补发以前月份的）"
    "的，改判为未整改，说明中写明月份、金额和明细中的行。", rich_help_panel="资金发放明细", show_default=False,
    metavar="<文件或文件夹>")]
ReviewExits = Annotated[Optional[List[Path]], typer.Option(
    "--exits", help="本季度的停保（退出）名单（与 --payments 一起使用）：名单写明的停保日期优先于按乡镇填报推定的停发月份。",
    rich_help_panel="资金发放明细", show_default=False)]
AsOf = Annotated[Optional[str], typer.Option("--as-of", help="核查基准日期，如 2026-09-30（写 2026年第三季度 的按季度最后一天）；默认今天。", show_default=False,
                                             metavar="<日期>")]
Config = Annotated[Optional[Path], typer.Option("--config", help="本地政策配置文件（TOML），覆盖默认标准和参数。",
                                               show_default=False)]
# Earlier versions chose between two engines; there is one read path now. Still accepted (and ignored) so
# that bureaus' saved command lines keep working.
Engine = Annotated[Optional[str], typer.Option("--engine", hidden=True, help="已不再需要，保留只为兼容旧的命令行。")]
Debug = Annotated[bool, typer.Option("--debug", help="出错时显示详细的技术信息（程序出错的位置，供技术人员排查）。")]
Out = Annotated[Path, typer.Option("--out", help="报告输出文件夹。", show_default=False, metavar="<文件夹>")]
Mask = Annotated[bool, typer.Option("--mask", help="同时输出公示版（文件名以“公示_”开头）：身份证号只保留前6位和后4位，"
                                    "银行账号、电话脱敏，不含出生日期、年龄、健康、残疾、劳动能力、来源名单及依据、建议等文字列。")]
ByTownship = Annotated[bool, typer.Option("--by-township", help="另外按乡镇拆分：在输出文件夹的“乡镇”子文件夹中为每个乡镇"
                                           "生成一个工作簿（以乡镇命名，只含本乡镇的记录和汇总），可直接下发。")]
ListsDir = Annotated[Optional[List[Path]], typer.Option("--lists", help="存放比对名单的文件夹（可重复）：按表头内容自动识别每个文件是哪类名单；"
                                                       "明确写出的选项（如 --deaths）优先。", rich_help_panel="比对名单",
                                                       show_default=False, metavar="<文件夹>")]
Suppress = Annotated[Optional[Path], typer.Option("--suppress", help="核实无问题清单（review 生成的 核实无问题清单.csv）："
                                                  "其中依据未变化的问题不再列出。", show_default=False)]


def reference_lists(values: dict, options: dict = REFERENCE_OPTIONS) -> dict[str, Path]:
    """Return kind → path for the list options that were given.

    Args:
        values: the command's keyword arguments (e.g. ``locals()``).
        options: kind → (flag, help) of the options to look at (the reference lists', or coverage's own).
    Returns:
        The lists given.
    """
    given = {k: _one_file(flag, values.get(k)) for k, (flag, _) in options.items()}
    return {k: path for k, path in given.items() if path is not None}


def _taken_as(got, result) -> list[dict]:
    """What each file of a folder was taken as, for run.json, with the rows read where the table showed an estimate."""
    read = {(str(t.path), t.kind): t.rows for t in result.inputs.tables}
    left = {path: why for t in result.inputs.tables for path, why in t.left_out.items()}
    for p in got.placements:  # a roster found to be another's earlier period only once read (held-out 325)
        if p.kind == "roster" and str(p.path) in left:
            p.unused(left[str(p.path)])
    return [p.record(read) for p in got.placements]


def _command_line(command: str) -> list[str]:
    """The command line after the program's name (``audit 2026年第三季度 --out 结果``) when it is this command's, else
    the command's name alone (the program run from another one, a test's runner)."""
    args = sys.argv[1:]
    return args if args and args[0] == command else [command]


def _gather(paths: list[Path], lists: dict[str, Path], dirs: Optional[List[Path]] = None, take_lists: bool = True,
            what: str = "花名册", wanted: tuple[str, ...] = (*REFERENCE_OPTIONS, "payments"), enrolled: bool = False,
            previous: bool = False, applications: bool = False, payments: Optional[List[Path]] = None,
            takes: tuple[str, ...] = (), command: str = "audit"):
    """Resolve folders into rosters and lists (see :func:`rostercheck.classify.gather`) and show what each file was taken as;
    ``wanted``: the list kinds the command reads (a kind only another command reads rivals none of them); ``takes``: the
    command's folder options (--lists, --payments), written in the command (``command``: its name) a folder nothing was
    read from is told to run instead."""
    from .classify import gather, watching
    from .errors import InputFileError

    with console.recognising() as step, watching(step):
        got = gather(list(paths), lists, list(dirs or []), take_lists, wanted, enrolled, previous, applications, payments)
    # a mistyped file says so before what the command misses (held-out 292: coverage said a risk list was missing, rc 2)
    missing = next((Path(p) for p in [*paths, *lists.values()] if not Path(p).exists()), None)
    if missing is not None:
        raise InputFileError(missing, "文件不存在，请检查路径是否正确。")
    if got.from_folders:
        console.placements_table(got.placements)
        for w in got.warnings:
            console.warn(w)
    idle = got.idle_error(what, _command_line(command), takes)
    if idle is not None:  # a folder given that nothing was read from stops, whatever else was given (held-out 245)
        raise idle
    if not got.rosters:
        from .errors import InputFolderError

        folders = "、".join(str(p) for p in paths)
        raise InputFolderError(folders, f"这个文件夹中没有按表头内容识别为{what}的文件。请直接写出{what}文件（.xlsx/.xls/.csv）。")
    return got


_QUARTER = re.compile(r"(\d{4})\s*(?:年\s*(?:第\s*)?([1-4一二三四])\s*季度?|年?\s*[-/]?\s*[Qq]\s*([1-4])|年\s*第\s*([1-4一二三四])\s*季)")


def _quarter_end(text: str) -> dt.date | None:
    """The last day of a quarter written as 2026年第三季度, 2026年三季度, 2026Q3 or 2026-Q3, else None.

    Args:
        text: the --as-of text, stripped.

    Returns:
        The quarter's last day, or None when the text names no quarter.
    """
    found = _QUARTER.fullmatch(text)
    if not found:
        return None
    mark = found.group(2) or found.group(3) or found.group(4)
    q = "1234".index(mark) + 1 if mark in "1234" else "一二三四".index(mark) + 1
    last = dt.date(int(found.group(1)), 3 * q, 1) + dt.timedelta(days=31)
    return last.replace(day=1) - dt.timedelta(days=1)


def _date(value: Optional[str]) -> dt.date:
    if value is None:
        return dt.date.today()
    if not value.strip():  # --as-of "" (an empty variable in a batch file) is no date, not today
        raise UsageError("--as-of 后面没有写日期，请写成 2026-09-30 这样的格式（不写 --as-of 则按今天核查）。")
    from .normalize.values import date

    bare = value.strip()
    quarter = _quarter_end(bare)
    if quarter is not None:
        # "2026年第三季度" / "2026Q3": the quarterly review runs as of the quarter's last day, said so it can be checked
        console.warn(f"--as-of“{value}”按该季度最后一天 {quarter.isoformat()} 核查。")
        bare = value = quarter.isoformat()
    yyyymm = re.fullmatch(r"(19|20)\d{2}(0[1-9]|1[0-2])", bare)
    # digits alone are 20260930 (or a month, 202609, said below), never an Excel serial number (2026930 mistyped)
    parsed = None if bare.isdigit() and len(bare) != 8 and not yyyymm else date(value)
    if parsed is None:
        # a day the month does not have ('2026-09-31', '2026/2/30'): said, not "无法识别" (held-out 156)
        ymd = re.fullmatch(r"\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*[日号]?\s*", value)
        if ymd and 1 <= int(ymd.group(2)) <= 12 and 28 <= int(ymd.group(3)) <= 31:
            raise UsageError(f"--as-of 日期“{value}”不存在：{int(ymd.group(1))} 年 {int(ymd.group(2))} 月没有 {int(ymd.group(3))} 日。")
        raise UsageError(f"--as-of 日期“{value}”无法识别，请写成 2026-09-30 这样的格式。")
    if not 2000 <= parsed.year <= 2100:
        raise UsageError(f"--as-of 日期“{value}”（{parsed.isoformat()}）的年份不在 2000–2100 年之间，请核对。")
    if not re.search(r"\d{1,2}\s*[日号]?\s*$", value.strip()) or re.fullmatch(r"\s*(\d{4}\s*[年.\-/]\s*\d{1,2}\s*月?|\d{6})\s*", value):
        # a month without its day ('2026年9月', '2026.9') would quietly be its first day
        raise UsageError(f"--as-of 日期“{value}”没有写明是哪一天，请写成 2026-09-30 这样的格式。")
    if parsed > dt.date.today():
        console.warn(f"核查基准日 {parsed.isoformat()} 晚于今天：年龄、在押、死亡等按该日判断，请确认日期没有写错。")
    return parsed


# The last command's result stays referenced until the next one: freeing a city's millions of cells one
# by one takes about 0.2 s, and the process ends right after the command (see main) without freeing them.
_RETAINED: dict[str, object] = {}


def run(fn: Callable[[], int]) -> None:
    """Run a command body, turning library errors into one Chinese line and an exit code.

    Args:
        fn: the body; returns the exit code.
    """
    try:
        try:
            from .parallel import check_environment

            check_environment()
            code = fn()
        except BaseException:  # no empty output folder is left behind by a refused or failed run
            from .io.report import discard_created_dirs

            discard_created_dirs()
            raise
    except RostercheckError as exc:
        if _DEBUG["on"]:
            traceback.print_exc()
        console.error(str(exc))
        raise typer.Exit(int(exc.exit_code))
    except KeyboardInterrupt as exc:
        console.error("已中断，未写完的报告已丢弃。")
        raise typer.Exit(_interrupted_code(exc))
    except MemoryError:
        console.error("内存不足，无法完成。请分批核查，或在内存更大的电脑上运行。")
        raise typer.Exit(int(ExitCode.INPUT))
    except OSError as exc:  # a path the system refuses before any file is opened (a name too long): an input's
        if _DEBUG["on"]:
            traceback.print_exc()
        where = f"“{Path(exc.filename).name}”" if exc.filename else ""
        console.error(f"无法使用文件{where}：{os_reason(exc)}。请检查路径，必要时把文件改成较短的名称、放到较浅的文件夹后重试。")
        raise typer.Exit(int(ExitCode.INPUT))
    except Exception as exc:  # a bug: say so plainly, traceback only with --debug
        if _DEBUG["on"]:
            traceback.print_exc()
            if trace := getattr(exc, "child_trace", ""):  # (raised in the forked copy: where it happened there)
                print(trace, file=sys.stderr)
        console.error(f"程序内部错误（{exc.kind if isinstance(exc, ChildError) else type(exc).__name__}）。请加 --debug 重新运行，并把输出发给技术支持。")
        raise typer.Exit(int(ExitCode.INTERNAL))
    raise typer.Exit(code)


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="出错时显示详细的技术信息（程序出错的位置，供技术人员排查）。"),
    version: bool = typer.Option(False, "--version", help="显示版本号。"),
) -> None:
    """低保、特困花名册比对核查工具。"""
    _DEBUG["on"] = debug
    if version:
        console.out.print(f"rostercheck {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        console.out.print(ctx.get_help())
        raise typer.Exit(int(ExitCode.USAGE))


@app.command("audit", cls=_Command)
def audit_cmd(
    rosters: List[Path] = typer.Argument(..., help="花名册文件（低保和/或特困），可写多个；也可写存放本季度花名册和各类名单的文件夹，"
                                         "按表头内容自动识别。", show_default=False),
    staff: Staff = None, cadres: Cadres = None, cadre_relatives: CadreRelatives = None, registry: Registry = None,
    deaths: Deaths = None, prisoners: Prisoners = None, migrations: Migrations = None, pensions: Pensions = None,
    vehicles: Vehicles = None, properties: Properties = None, businesses: Businesses = None, wages: Wages = None,
    supporters: Supporters = None, as_of: AsOf = None, config: Config = None, out: Out = ..., debug: Debug = False,
    suppress: Suppress = None, mask: Mask = False, engine: Engine = None, by_township: ByTownship = False,
    exits: Exits = None, payments: Payments = None, lists_dir: ListsDir = None,
) -> None:
    """季度专项治理核查：比对花名册与各部门名单，输出问题清单。"""
    lists = reference_lists(locals())

    _DEBUG["on"] = _DEBUG["on"] or debug

    def body() -> int:
        from .audit import audit
        from .io.problem_list import write_audit_reports
        from .io.report import prepare_out_dir, protect_inputs

        when = _date(as_of)
        got = _gather(rosters, lists, lists_dir, payments=payments, takes=("--lists", "--payments"))
        ledgers = [*(payments or []), *got.payments]  # ledgers found in a folder too
        _refuse_same_file(got.rosters, ledgers, "花名册", "--payments 资金发放明细",
                          "花名册的每一户会被当作每月都已按月保障金发放，得出并不存在的死亡后发放、应追回金额。资金发放明细"
                          "请用银行或财政的发放文件")
        prepare_out_dir(out)
        with console.loading() as progress:
            result = audit(got.rosters, got.lists, when, config, progress=progress, suppress=suppress,
                           payments=ledgers, unread=got.unread)
        _RETAINED["result"] = result
        # (the notices printed here are the reports' too: 读取提示, run.json)
        if as_of is None:  # first: it changes every title (held-out 202: the 15th notice, after 14 "未检查")
            result.warnings = [*_older_roster(result, when), *result.warnings]
        if not ledgers and got.lists.get("exits"):  # (held-out 392: given, read, and left unused without a word)
            result.warnings.append(f"停保（退出）名单“{Path(got.lists['exits']).name}”只用于资金核查（F03），本次未提供"
                                   "资金发放明细（--payments），未使用")
        _warn_all(result)
        _kept_with(result, got)
        options = {"rosters": [str(r) for r in got.rosters], "lists": {k: str(v) for k, v in got.lists.items()},
                   "as_of": when.isoformat(), "config": str(config) if config else None, "out": str(out),
                   "suppress": str(suppress) if suppress else None, "mask": mask, "by_township": by_township,
                   "payments": [str(p) for p in ledgers],
                   "arguments": [str(r) for r in rosters], "lists_dirs": [str(d) for d in lists_dir or []],
                   "taken_as": _taken_as(got, result)}
        protect_inputs(_given(options))
        paths = write_audit_reports(result, out, options, mask=mask, by_township=by_township)
        titles = {c: s.title for c, s in result.specs.items()}
        console.out.print(f"花名册共 {len(result.inputs.members)} 人、{result.inputs.members['household'].nunique()} 户；"
                          f"核查基准日 {when.isoformat()}")
        console.summary_table(result.findings, titles, leads_apart=True)
        console.money_totals(result.findings, result.partial, result.stop_rule)
        console.sample_rows(result.findings)
        if suppress:
            console.out.print(f"按核实无问题清单暂不列出 {result.suppressed} 条（依据未变化）。")
        console.out.print(f"共 {len(result.findings)} 条问题，报告已写入：{paths['workbook']}、{paths['findings']}", **console.PATHS)
        _print_public(paths, options)
        return int(ExitCode.OK)

    run(body)


def _older_roster(result, today: dt.date) -> list[str]:
    """The notice (a list of one, or none) when the rosters' own period (their title or name: '2026年第三季度') ended
    before today's quarter began and no --as-of was given: the review date is then today, and every report's title
    names today's quarter."""
    from .io.problem_list import period
    from .roster import period_of

    last = max((period_of(t) for t in result.inputs.tables if t.kind == "roster"), default="")
    if not last or last >= f"{today.year}-{(today.month - 1) // 3 * 3 + 1:02d}":
        return []
    year, month = map(int, last.split("-"))
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return [f"花名册标题（或文件名）所写时期截至 {year} 年 {month} 月，本次未写 --as-of：已按今天（{today.isoformat()}）"
            f"核查，报告标题为{period(today)}。如要按花名册所属时期核查，请加 --as-of {end.isoformat()}。"]


def _warn_all(result) -> None:
    """Print a result's warnings and the checks skipped (screen's result lists no money checks: nothing is paid to an
    applicant)."""
    from .io.problem_list import run_notices

    for w in run_notices(result):
        console.warn(w)


def _kept_with(result, got) -> None:
    """Put the folder's notices (files skipped and why, printed as the files were placed) before the run's own, so
    that the reports' notices (读取提示, run.json) say them too; after :func:`_warn_all`, which printed the run's."""
    if got.from_folders:  # (as _gather printed them)
        result.warnings = [*got.warnings, *result.warnings]


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths are one file, or two copies of the same bytes."""
    try:
        if os.path.samefile(a, b):
            return True
        if os.path.getsize(a) != os.path.getsize(b):
            return False
        return Path(a).read_bytes() == Path(b).read_bytes()
    except OSError:
        return False


def _refuse_same_file(these, those, this: str, that: str, why: str) -> None:
    """Refuse a file given both as ``this`` and as ``that`` (held-out 392: the applications given again as --enrolled
    made every applicant a doubt, '已在册', without a word)."""
    for a in these:
        for b in those:
            if Path(a).is_file() and Path(b).is_file() and _same_file(Path(a), Path(b)):
                same = f"“{Path(a).name}”" + ("" if Path(a).name == Path(b).name else f"和“{Path(b).name}”（内容相同）")
                raise UsageError(f"{same}同时作为{this}和 {that}给出：{why}。")


_ROLL_WORDS = re.compile(r"花名册|在册|在保")
_APPLYING_WORDS = re.compile(r"申请|新增|拟|待审|审批|新纳入")


def _enrolled_as_applications(result, applications) -> None:
    """Warn of an applications file whose name and title both speak of a roster of those already enrolled, none of an
    application (held-out 392: the quarter's 低保花名册 given to screen, every enrolled household judged 无疑点)."""
    given = {Path(a).resolve() for a in applications}
    for table in getattr(result.inputs, "tables", []):
        named = f"{Path(table.path).stem} {table.title or ''}"
        if Path(table.path).resolve() in given and _ROLL_WORDS.search(named) and not _APPLYING_WORDS.search(named):
            result.warnings.append(f"{Path(table.path).name}：文件名或标题写的是花名册，没有“申请”等字样，不像新申请名单；本次按新申请逐户核对。"
                                   "如要核查在册对象，请用 rostercheck audit；如要把它作为在册名单比对申请人，请用 --enrolled 给出")
            console.warn(result.warnings[-1])


def _given(options: dict) -> set[Path]:
    """Every file path among a run's options (the inputs it read), resolved."""
    found: set[Path] = set()
    for value in options.values():
        for one in value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]:
            if isinstance(one, str) and one:
                with contextlib.suppress(OSError, ValueError):
                    found.add(Path(one).resolve())
    return found


def _print_public(paths: dict[str, Path], options: dict | None = None) -> None:
    """Name the public copies and the townships' workbooks written besides the main reports, and the reports an
    earlier run left in the same folder (an old township's workbook beside this run's would mislead) — but not
    this run's own inputs there (held-out 392: review --out the previous list's folder was told to delete the very
    问题清单.xlsx the townships had filled in)."""
    from .classify import OWN_OUTPUTS
    from .io.report import TOWNSHIP_FOLDER

    written = {Path(p).resolve() for p in paths.values()} | _given(options or {})
    out = Path(next(iter(paths.values()))).parent
    folders = [out, out / TOWNSHIP_FOLDER]
    stale = sorted(p for d in folders if d.is_dir() for p in d.iterdir() if p.is_file() and p.resolve() not in written
                   and (OWN_OUTPUTS.match(p.name) or (d.name == TOWNSHIP_FOLDER and p.suffix == ".xlsx")
                        or p.name.removeprefix("公示_").startswith("漏保线索")))
    if stale:
        console.warn(f"输出文件夹中还有以前运行留下的 {len(stale)} 个报告文件（如 {stale[0].name}），不是本次的结果，"
                     "请删除，或每次使用新的输出文件夹")
    public = [str(p) for k, p in paths.items() if k.startswith("public_")]
    if public:
        console.out.print("公示版已写入：" + "、".join(public), **console.PATHS)
    towns = [p for k, p in paths.items() if k.startswith("township_") and not p.name.startswith("公示_")]
    if towns:
        console.out.print(f"各乡镇工作簿（{len(towns)} 个，可直接下发）已写入：{towns[0].parent}", **console.PATHS)


@app.command("review", cls=_Command)
def review_cmd(
    previous: Path = typer.Argument(..., help="上期问题清单：findings.csv 或乡镇填报后的 问题清单.xlsx。", show_default=False),
    rosters: List[Path] = typer.Argument(..., help="本期花名册（低保和/或特困），可写多个；也可写文件夹，按表头内容识别其中的花名册。"
                                              "其他乡镇退回的问题清单也可写在这里（或放在所写的文件夹中），一并作为上期问题清单读取。",
                                         show_default=False),
    as_of: AsOf = None, config: Config = None, out: Out = ..., debug: Debug = False, mask: Mask = False,
    by_township: ByTownship = False,
    suppress: Annotated[Optional[Path], typer.Option("--suppress", help="上次的核实无问题清单，其中条目并入本次生成的清单。",
                                                     show_default=False)] = None,
    payments: ReviewPayments = None, exits: ReviewExits = None,
) -> None:
    """回头看：对照本期花名册，判断上期问题是否已整改，输出整改率和未整改清单。"""

    _DEBUG["on"] = _DEBUG["on"] or debug

    def body() -> int:
        from .io.review_report import (REVIEW_REPORTS, money_review, rates, review_ledgers_line, verified_money,
                                       write_review_reports)
        from .io.report import prepare_out_dir, protect_inputs, refuse_replacing_record
        from .review import VERIFIED, review

        from .classify import is_returned_list

        when = _date(as_of)
        # every township's returned workbook may be given: those after the first are problem lists, not rosters
        returned = [p for p in rosters if Path(p).is_file() and is_returned_list(Path(p))]
        if returned and Path(previous).is_file() and not is_returned_list(Path(previous)):
            raise UsageError(f"顺序写反了：“{Path(returned[0]).name}”是问题清单，“{Path(previous).name}”不是。"
                             "上期问题清单要写在最前面，本期花名册写在它后面：rostercheck review 上期问题清单 本期花名册 --out 文件夹")
        if len(returned) == len(rosters):
            raise UsageError("没有本期花名册：所给文件都是问题清单。请在上期问题清单之后写出本期花名册。")
        got = _gather([p for p in rosters if p not in returned], {}, take_lists=False, previous=True,
                      command="review")
        returned += [p for p in got.previous if Path(p).resolve() != Path(previous).resolve()]  # returned into a folder
        from .suppress import FILE_NAME

        if suppress is not None and (Path(out) / FILE_NAME).resolve() == Path(suppress).resolve():
            raise UsageError(f"--suppress 给的“{Path(suppress).name}”就在输出文件夹中，本次会写出新的同名文件而把它覆盖；"
                             "请换一个输出文件夹（--out），或先把它复制到别处再给出。")
        prepare_out_dir(out)
        refuse_replacing_record(out, [previous, *returned, *([suppress] if suppress else [])], REVIEW_REPORTS)
        leaving = _one_file("--exits", exits)
        ledgers = list(payments or [])
        if ledgers and leaving is None:  # (a 停保名单 kept in the --payments folder, as audit reads it)
            from .classify import exits_beside_ledgers

            beside = exits_beside_ledgers(ledgers, [previous, *rosters])
            leaving = _one_file("--exits", [p.path for p in beside])
            for p in beside:
                console.warn(f"{Path(p.path).name}：{p.why}")
        _refuse_same_file(got.rosters, ledgers, "本期花名册", "--payments 资金发放明细",
                          "花名册的每一户会被当作每月都已按月保障金发放。资金发放明细请用银行或财政的发放文件")
        with console.loading() as progress:
            result = review([previous, *returned], got.rosters, when, suppress, config, progress=progress,
                            payments=ledgers, exits=leaving)
        _RETAINED["result"] = result
        _warn_all(result)
        _kept_with(result, got)
        options = {"previous": str(previous), "more_previous": [str(p) for p in returned],
                   "rosters": [str(r) for r in got.rosters], "as_of": when.isoformat(),
                   "arguments": [str(r) for r in rosters], "taken_as": _taken_as(got, result),
                   "config": str(config) if config else None, "suppress": str(suppress) if suppress else None,
                   "out": str(out), "mask": mask, "by_township": by_township}
        if ledgers:  # (only then: a run without them records what it always did)
            options.update({"payments": [str(p) for p in ledgers], "exits": str(leaving) if leaving else None})
        protect_inputs(_given(options))
        paths = write_review_reports(result, out, options, mask=mask, by_township=by_township)
        status = result.rows["整改状态"].value_counts()
        # as the workbook's 整改率 sheet counts them: a household category's rows of one household are one problem
        total = rates(result.rows, "乡镇", by_household=result.by_household).iloc[-1]
        once = (f"（按户的类别同一户计一次；共 {len(result.rows)} 条记录）" if int(total["问题数"]) != len(result.rows) else "")
        rate = f"，整改率 {total['整改率']:.1%}" if total["整改率"] is not None and total["整改率"] == total["整改率"] else ""
        console.say(f"上期问题 {int(total['问题数'])} 个{once}：已整改 {int(total['已整改'])} 个，未整改 {int(total['未整改'])} 个，"
                    f"核实无问题 {int(total['核实无问题'])} 个{rate}。")
        money = money_review(result.rows, result.reported)
        if money is not None:  # as the townships reported it: the review quarter's ledgers are not read
            m = money.iloc[-1]
            # (the total row says which townships' unknown amounts it leaves out: held-out 216)
            console.say(f"资金（按乡镇填报，涉及 {m['涉及户数']} 户）{str(m['乡镇'])[2:]}：应追回 {m['应追回金额（元）']:,.2f} 元，"
                        f"乡镇填报已追回 {m['乡镇填报已追回（元）']:,.2f} 元，仍差 {m['仍未追回（元）']:,.2f} 元；"
                        f"应补发 {m['应补发金额（元）']:,.2f} 元，乡镇填报已补发 {m['乡镇填报已补发（元）']:,.2f} 元，"
                        f"仍差 {m['仍未补发（元）']:,.2f} 元"
                        + ("。" if not (left := verified_money(result.rows))[0] else
                           f"；另有核实无问题 {left[0]} 条 {left[1]:,.2f} 元未计入。"))
        if result.ledgers is not None:
            console.say(review_ledgers_line(result.ledgers))
        # the verified list holds every finding a township verified (those since rectified too) and the carried ones
        kept, verified = len(result.suppressions), int(status.get(VERIFIED, 0))
        others = f"，其中 {kept - verified} 条已不在册或是以前记入的" if kept > verified else ""
        console.out.print(f"报告已写入：{paths['workbook']}、{paths['review']}、{paths['suppress']}"
                          f"（核实无问题清单共 {kept} 条{others}，供下次 audit --suppress 使用）", **console.PATHS)
        _print_public(paths, options)
        return int(ExitCode.OK)

    run(body)


@app.command("screen", cls=_Command)
def screen_cmd(
    applications: List[Path] = typer.Argument(..., help="新申请家庭名册（格式同花名册），可写多个；也可写文件夹，按表头内容识别。"
                                              "有审批状态列（审批状态、办理状态、审核状态、申请状态、业务状态、流程状态、办理结果，"
                                              "或内容是审批状态的“状态”列）的：已批准（已审批）、不予批准、已撤回（申请人撤回、"
                                              "撤销申请、终止办理）、已办结的申请不核对，并提示是哪几户；待审核、审批中、公示中、"
                                              "退回补充材料等照常核对（词语见配置 [L05]）；状态只写代码（1、2、3）又无说明的，照常核对并提示，"
                                              "代码含义可写进配置 [L05] status_codes。", show_default=False),
    enrolled: Annotated[Optional[List[Path]], typer.Option("--enrolled", help="现有在册花名册（可重复）；申请人已在册的列为疑点。",
                                                           show_default=False)] = None,
    staff: Staff = None, cadres: Cadres = None, cadre_relatives: CadreRelatives = None, registry: Registry = None,
    deaths: Deaths = None, prisoners: Prisoners = None, migrations: Migrations = None, pensions: Pensions = None,
    vehicles: Vehicles = None, properties: Properties = None, businesses: Businesses = None, wages: Wages = None,
    supporters: Supporters = None, as_of: AsOf = None, config: Config = None, out: Out = ..., debug: Debug = False,
    mask: Mask = False, by_township: ByTownship = False, lists_dir: ListsDir = None,
) -> None:
    """新申请家庭批量核对（凡进必核）：逐户给出“无疑点/有疑点”结论，供审批会议使用。"""
    lists = reference_lists(locals())

    _DEBUG["on"] = _DEBUG["on"] or debug

    def body() -> int:
        from .io.report import prepare_out_dir, protect_inputs
        from .io.screen_report import write_screen_reports
        from .screen import screen

        when = _date(as_of)
        # without --enrolled, the rosters in a --lists folder are the enrolled ones (an applicant on them is a doubt)
        got = _gather(applications, lists, lists_dir, what="新申请家庭名册", wanted=SCREEN_LISTS,
                      enrolled=not enrolled, applications=True, takes=("--lists",), command="screen")
        on_roll = list(enrolled or []) or got.enrolled
        _refuse_same_file(got.rosters, on_roll, "新申请家庭名册", "--enrolled 在册花名册",
                          "每户都会因“已在册”被列为有疑点。在册花名册请另给出本期的低保、特困花名册")
        prepare_out_dir(out)
        with console.loading() as progress:
            result = screen(got.rosters, got.lists, when, on_roll, config, progress=progress, unread=got.unread)
        _RETAINED["result"] = result
        _warn_all(result)
        _enrolled_as_applications(result, got.rosters)
        _kept_with(result, got)
        options = {"applications": [str(a) for a in got.rosters], "enrolled": [str(e) for e in on_roll],
                   "lists": {k: str(v) for k, v in got.lists.items()}, "as_of": when.isoformat(),
                   "arguments": [str(a) for a in applications], "lists_dirs": [str(d) for d in lists_dir or []],
                   "taken_as": _taken_as(got, result),
                   "config": str(config) if config else None, "out": str(out), "mask": mask, "by_township": by_township}
        protect_inputs(_given(options))
        paths = write_screen_reports(result, out, options, when, mask=mask, by_township=by_township)
        doubt = int((result.verdicts["结论"] == "有疑点").sum())
        console.out.print(f"申请家庭 {len(result.verdicts)} 户：有疑点 {doubt} 户，无疑点 {len(result.verdicts) - doubt} 户")
        console.out.print(f"报告已写入：{paths['workbook']}、{paths['screening']}、{paths['findings']}", **console.PATHS)
        _print_public(paths, options)
        return int(ExitCode.OK)

    run(body)


# The coverage command's lists of people at risk (漏保线索), besides the audit's lists.
COVERAGE_OPTIONS = {
    "monitoring": ("--monitoring", "防返贫监测对象名单（脱贫不稳定户、边缘易致贫户、突发严重困难户）"),
    "disabled": ("--disabled", "残疾人信息（残联：残疾人证号、残疾类别、残疾等级）"),
    "illness": ("--illness", "重病（大病、慢性病）名单（医保）"),
    "subsidies": ("--subsidies", "残疾人两项补贴发放名单（困难残疾人生活补贴、重度残疾人护理补贴）"),
    "exits": ("--exits", "近一年停保（退出）名单"),
    "rejected": ("--rejected", "近一年申请未获批名单"),
}


def _risk(kind: str):
    flag, text = COVERAGE_OPTIONS[kind]
    if kind == "monitoring":  # (the one list option that may be written twice: coverage.SEVERAL_FILES)
        text += "；另有低保边缘家庭名单的，可再写一次 --monitoring 给出，两份名单都读取"
    return _list_option(flag, text, "漏保排查名单")


@app.command("coverage", cls=_Command)
def coverage_cmd(
    rosters: List[Path] = typer.Argument(..., help="现有低保、特困花名册（户内任一成员在册即视为已保障），可写多个；"
                                         "也可以写本季度的文件夹（按表头内容识别其中的花名册和各类名单）。", show_default=False),
    monitoring: _risk("monitoring") = None, disabled: _risk("disabled") = None, illness: _risk("illness") = None,
    subsidies: _risk("subsidies") = None, exits: _risk("exits") = None, rejected: _risk("rejected") = None,
    registry: Registry = None, supporters: Supporters = None, deaths: Deaths = None,
    staff: Staff = None, cadres: Cadres = None, cadre_relatives: CadreRelatives = None, prisoners: Prisoners = None,
    migrations: Migrations = None, pensions: Pensions = None, vehicles: Vehicles = None, properties: Properties = None,
    businesses: Businesses = None, wages: Wages = None,
    as_of: AsOf = None, config: Config = None, out: Out = ..., debug: Debug = False, mask: Mask = False,
    by_township: ByTownship = False,
) -> None:
    """漏保排查（应保尽保）：从监测对象、重残重病、退出和未获批家庭中找出可能符合条件而未纳入的人，输出走访线索。"""
    values = locals()
    # --monitoring may be written more than once: a 低保边缘家庭 list beside the 防返贫 list, each lead naming its file
    watched = list({Path(p).resolve(): Path(p) for p in values.get("monitoring") or []}.values())
    values["monitoring"] = watched[:1]
    lists = {**reference_lists(values, COVERAGE_OPTIONS), **reference_lists(values)}

    _DEBUG["on"] = _DEBUG["on"] or debug

    def body() -> int:
        from .coverage import coverage
        from .io.coverage_report import write_coverage_reports
        from .io.report import prepare_out_dir, protect_inputs

        when = _date(as_of)
        got = _gather(rosters, lists, wanted=(*REFERENCE_OPTIONS, *COVERAGE_OPTIONS), command="coverage")
        prepare_out_dir(out)
        with console.loading() as progress:
            more = {**got.more, **({"monitoring": watched[1:]} if len(watched) > 1 else {})}
            result = coverage(got.rosters, got.lists, when, config, progress=progress, unread=got.unread, more=more)
        _RETAINED["result"] = result
        _warn_all(result)
        _kept_with(result, got)
        options = {"rosters": [str(r) for r in got.rosters], "lists": {k: str(v) for k, v in got.lists.items()},
                   "more_lists": [str(p) for paths in more.values() for p in paths],
                   "as_of": when.isoformat(), "config": str(config) if config else None, "out": str(out), "mask": mask,
                   "by_township": by_township, "arguments": [str(r) for r in rosters], "taken_as": _taken_as(got, result)}
        protect_inputs(_given(options))
        paths = write_coverage_reports(result, out, options, when, mask=mask, by_township=by_township)
        titles = {c: s.title for c, s in result.specs.items()}
        # each lead counted (one per household for household codes, per person for L02-L04), as 汇总 counts them
        leads = result.leads.rename(columns={"线索代码": "类别代码"}).drop(columns="_member", errors="ignore")
        console.out.print(f"花名册共 {len(result.inputs.members)} 人；核查基准日 {when.isoformat()}")
        console.summary_table(leads, titles, title="漏保线索汇总（户/人）", none="未发现漏保线索。")
        console.out.print(f"共 {len(result.leads)} 条漏保线索，报告已写入：{paths['workbook']}、{paths['leads']}", **console.PATHS)
        _print_public(paths, options)
        return int(ExitCode.OK)

    run(body)


@app.command("checks", cls=_Command)
def checks_cmd(config: Config = None) -> None:
    """列出所有检查类别代码、名称及所需名单。"""

    def body() -> int:
        from .io.columns import KIND_LABELS, option_of
        from .policy import load_policy

        specs, _, warnings = load_policy(config)  # (a configuration's titles: C04's homes counted)
        for w in warnings:
            console.warn(w)

        def named(k: str) -> str:  # (held-out 202: the lists were named, not how to give them)
            return f"{KIND_LABELS.get(k, k)} {option_of(k)}"

        rows = []
        for code in sorted(specs):
            s = specs[code]
            needs = [named(k) for k in s.needs] or ["仅花名册"]  # one a line: no line starts with 、
            if s.needs_also:
                also = [named(k) for k in s.needs_also]
                needs += ["以及" + also[0]] if len(also) == 1 else ["以及下列之一：", *also]
            off = "" if s.params.get("enabled", True) else "（本地配置已停用）"
            rows.append((code, s.title + off, needs, "按户" if s.level == "household" else "按人"))
        console.checks_table(rows)
        return 0

    run(body)


@app.command("explain", cls=_Command)
def explain_cmd(code: str = typer.Argument(..., help="类别代码，如 C03。"), config: Config = None) -> None:
    """显示某一类别的政策依据、判定规则和入户核实要点。"""

    def body() -> int:
        from .policy import load_policy, params_text, uses_text

        specs, common, warnings = load_policy(config)
        for w in warnings:
            console.warn(w)
        spec = specs.get(code.upper())
        if spec is None:
            raise UsageError(f"没有类别代码“{code}”。可用：{'、'.join(sorted(specs))}。")
        off = "" if spec.params.get("enabled", True) else "（本地配置已停用）"
        console.out.print(f"[bold]{spec.code} {escape(spec.title)}{off}[/bold]\n")
        console.paragraphs(f"政策依据：{spec.basis}\n\n{spec.explanation}\n\n建议：{spec.advice}")
        # its own parameters, then the shared ones it uses (held-out 240: C06 never said the 保障标准 in force)
        lines = [f"[{spec.code}]", *params_text(spec.code, spec.params if config else None)] if spec.params else []
        lines += uses_text(spec, specs, common, in_force=config is not None)[0 if lines else 1:]
        if lines:
            names = escape("、".join(line for line in lines if line.startswith("[")))
            shown = (f"本地配置 {config.name} 中的值已代入" if config else "默认值") + \
                f"；要修改，把需要的行连同节名 {names} 复制到 --config 文件中再改"
            console.out.print(f"\n参数（{shown}）：")
            console.toml_lines(lines)
        return 0

    run(body)


_USAGE_MESSAGES = (
    (re.compile(r"Missing option '([^']+)'"), "缺少必需的选项 {0}。"),
    (re.compile(r"Missing argument '([^']+)'"), "缺少{0}。"),
    (re.compile(r"No such command '([^']+)'"), "没有“{0}”这个命令。可用：audit、review、screen、coverage、checks、explain。"),
    (re.compile(r"No such option: (\S+)"), "没有 {0} 这个选项。"),
    (re.compile(r"Option '(--as-of)' requires an argument"), "选项 {0} 后面需要写日期，如 2026-09-30。"),  # (held-out 156)
    (re.compile(r"Option '(--out|--lists)' requires an argument"), "选项 {0} 后面需要写文件夹的名称。"),
    (re.compile(r"Option '([^']+)' requires an argument"), "选项 {0} 后面需要写文件或数值。"),
    # (h453: '--mask=no' was said in Click's English)
    (re.compile(r"Option '([^']+)' does not take a value"), "选项 {0} 后面不用写值（写上这个选项就表示要），请去掉“=”和它后面的内容。"),
    (re.compile(r"Got unexpected extra argument"), "多写了参数，请检查命令。"),
)


# A missing argument by what it is (Click names it by what the help shows, `_ARGUMENT_SHOWN`)
_ARGUMENTS = {"花名册": "花名册文件（或存放花名册和名单的文件夹）", "上期问题清单": "上期的问题清单（findings.csv 或乡镇填写后的问题清单.xlsx）",
              "新申请名册": "新申请名单文件", "类别代码": "类别代码，如 rostercheck explain C01"}


_UNREADABLE = re.compile(r"[Pp]ath '([^']+)' is not readable")


def _usage_message(text: str) -> str:
    for pattern, chinese in _USAGE_MESSAGES:
        m = pattern.search(text)
        if m:
            return chinese.format(*(_ARGUMENTS.get(g.strip("."), g) for g in m.groups()))
    if re.search(r"[\u4e00-\u9fff]", text):  # already ours, in Chinese
        return text.rstrip("。") + "。"
    return f"命令用法有误（{text}）。"


def _suggested(exc) -> str:
    """The options Click found close to a mistyped one (--deth: --deaths), said in Chinese (held-out 202)."""
    close = [p for p in getattr(exc, "possibilities", None) or [] if p.startswith("--")][:3]
    if not close:
        return ""
    return f"是不是 {close[0]}" + (f"（或 {'、'.join(close[1:])}）" if close[1:] else "") + "？"


# Dashes a Chinese input method types for '-' (full-width, em and en dashes, minus), and its full-width space
_WRONG_DASH = re.compile(r"^[\uff0d\u2014\u2013\u2012\u2212\u2010\u2015]{1,2}(?=[A-Za-z])")
_SINGLE_DASH = re.compile(r"^-[a-z][a-z-]+$")


def _typed_wrong(args: list[str]) -> str:
    """What a command line typed with a Chinese input method got wrong (held-out 202): an option's dashes or a space
    that are Chinese punctuation, an option with one dash, a path with spaces not in quotes ('' when none)."""
    for k, arg in enumerate(args):
        if _WRONG_DASH.match(arg):
            fixed = _WRONG_DASH.sub("--", arg)
            return f"“{arg}”前面的短横线是中文标点，请切换到英文输入法，写成 {fixed}（两个英文短横线）。"
        if "\u3000" in arg:
            return (f"“{arg}”中有中文全角空格，请切换到英文输入法，用英文空格分隔选项和文件"
                    f"（如 {arg.replace(chr(0x3000), ' ')}）。")
        if _SINGLE_DASH.match(arg):
            return f"选项要以两个英文短横线开头：“{arg}”请写成 -{arg}。"
        if arg.startswith("-") or _exists(arg):
            continue
        for j in range(k + 1, min(k + 5, len(args))):  # 'D:\\2026年 第三季度\\花名册.xlsx' split at its spaces
            if args[j].startswith("-"):
                break
            joined = " ".join(args[k:j + 1])
            if _exists(joined):
                return f"路径中有空格时，请用英文双引号把整个路径括起来，如 \"{joined}\"。"
    return ""


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except OSError:  # a name too long for the system: said where it is read
        return False


def _click_exceptions():
    """Click's exceptions module: the one Typer vendors (Typer ≥ 0.22), else Click's own."""
    try:
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - older Typer with Click installed
        from click import exceptions
    return exceptions


class Terminated(KeyboardInterrupt):
    """A stop asked by a signal other than Ctrl-C (SIGTERM: a scheduler's stop, ``kill``; SIGBREAK; SIGHUP)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupted_code(exc: BaseException | None) -> int:
    """The exit status of a run stopped by Ctrl-C (130) or by another signal (128 + its number: SIGTERM 143)."""
    while exc is not None and not isinstance(exc, Terminated):  # (Click wraps an interrupt in Abort)
        exc = exc.__cause__ or exc.__context__
    return 128 + exc.signum if exc is not None else 130


def _stop_on_signals() -> None:
    """End a run stopped by SIGTERM (SIGBREAK, SIGHUP) as Ctrl-C ends it: staged reports and an output folder this
    run created are removed, said in Chinese (h453: a SIGTERM while writing left up to 17 hidden ``.~…tmp`` files
    holding full ID numbers, and an empty output folder, with no word). A forked copy keeps the default (it dies)."""
    main_pid = os.getpid()

    def stop(signum, _frame):
        if os.getpid() != main_pid:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGBREAK", "SIGHUP"):
        if hasattr(signal, name):
            with contextlib.suppress(ValueError, OSError):  # (not the main thread: an embedding program's own)
                signal.signal(getattr(signal, name), stop)


def main() -> None:
    """Console-script entry point: Click's own help and usage messages in Chinese."""
    click_exceptions = _click_exceptions()
    from .parallel import apply_start_method

    apply_start_method()
    _stop_on_signals()
    console.tolerate_narrow_encodings()
    command = typer.main.get_command(app)
    mistake = _typed_wrong(sys.argv[1:])
    if mistake:
        console.error(mistake)
        _leave(int(ExitCode.USAGE))
    try:
        code = command.main(prog_name="rostercheck", standalone_mode=False)
    except click_exceptions.UsageError as exc:
        unreadable = _UNREADABLE.search(exc.format_message())
        if unreadable:  # a file that exists but cannot be opened (no permission, held by another program): an input's
            console.error(f"文件“{unreadable.group(1)}”无法打开（没有读取权限，或正被其他程序独占打开），请关闭占用它的程序或"
                          "复制一份后重试。")
            _leave(int(ExitCode.INPUT))
        if exc.format_message():  # empty for a bare `rostercheck`, whose help was just shown
            where = exc.ctx.command_path if exc.ctx is not None else "rostercheck"
            console.error(_usage_message(exc.format_message()) + _suggested(exc) + f"运行 {where} --help 查看用法。")
        _leave(int(ExitCode.USAGE))
    except (typer.Abort, KeyboardInterrupt) as exc:
        console.error("已中断，没有写出报告。")
        _leave(_interrupted_code(exc))
    _leave(code if isinstance(code, int) else 0)


def _leave(code: int) -> None:
    """End the process without the interpreter's teardown, which frees a city's millions of objects one by one
    (0.4–0.7 s of a run); every report is written and closed by now, and only the console streams need flushing."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed or broken pipe: nothing more to say there
            pass
    os._exit(code)
