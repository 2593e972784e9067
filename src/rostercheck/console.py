"""Console rendering: progress while loading, summary tables, error panels. IDs are always masked."""

from __future__ import annotations

import re
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Iterator, Mapping

import pandas as pd
from rich.console import Console
from rich.cells import cell_len
from rich.markup import escape
from rich.table import Table

from .normalize.ids import redact

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)
# A line naming the reports' paths is printed as it is: not wrapped at the terminal's width (a copied path stays
# whole) and never read as markup (a folder named [2026] …).
PATHS = {"soft_wrap": True, "markup": False}


def tolerate_narrow_encodings() -> None:
    """Print a '?' for characters the console cannot show instead of failing (a GBK code page and a rare name).

    Windows consoles and redirected output often use GBK (code page 936), which lacks some characters of
    names and file names (GB 18030 rarities): such a character must never stop a run.
    """
    import sys

    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding and not encoding.startswith("utf"):
            with suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(errors="replace")


def one_line(message: str) -> str:
    """Return a message as one line with IDs and accounts masked, safe to print as rich markup.

    Args:
        message: the message.
    Returns:
        The masked, escaped, single-line text.
    """
    return escape(" ".join(redact(str(message)).split()))


def error(message: str) -> None:
    """Print a one-line Chinese error on stderr (IDs masked), never wrapped, so scripts can grep it.

    Args:
        message: the message.
    """
    err.print(f"[bold red]错误：[/bold red]{one_line(message)}", soft_wrap=True)


def warn(message: str) -> None:
    """Print a warning on stderr (IDs masked).

    Args:
        message: the message.
    """
    err.print(f"[yellow]提示：[/yellow]{one_line(message)}", soft_wrap=True)


@contextmanager
def loading() -> Iterator:
    """Show a progress line while files are read; yields the callback for ``loading.load_inputs``.

    Yields:
        callback(label, path).
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if not err.is_terminal:  # scripts and logs get only the result and one-line messages
        yield lambda label, path: None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                  transient=False) as progress:
        task = progress.add_task("准备读取…", total=None)
        count = {"n": 0}

        def step(label: str, path: Path) -> None:
            count["n"] += 1
            progress.update(task, description=one_line(f"正在读取第 {count['n']} 个文件：{label} {Path(path).name}"))

        yield step
        progress.update(task, description=f"已读取 {count['n']} 个文件")


@contextmanager
def recognising() -> Iterator:
    """Show a progress line while a folder's files are recognised (a county's 240 village files took 20 s with the
    screen blank: h384); yields the callback for ``classify.watching``.

    Yields:
        callback(path).
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if not err.is_terminal:
        yield lambda path: None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                  transient=True) as progress:
        task = progress.add_task("正在识别文件…", total=None)
        count = {"n": 0}

        def step(path: Path) -> None:
            count["n"] += 1
            progress.update(task, description=one_line(f"正在识别第 {count['n']} 个文件：{Path(path).name}"))

        yield step


def fold_help() -> None:
    """Make Typer's rich help wrap long descriptions instead of cutting them with '…'.

    Chinese text has no spaces for rich to break at, so a description wider than its column was cut;
    folded text breaks between characters, and every option's whole description shows at 80 columns.
    """
    from rich.text import Text
    from typer import rich_utils

    make = getattr(rich_utils, "_make_rich_text", None)
    if make is None or getattr(make, "folds", False):
        return

    def folded(*args, **kwargs):
        text = make(*args, **kwargs)
        if isinstance(text, Text):
            text.overflow = "fold"
            if type(text) is Text:
                text.__class__ = _help_text_class()
        return text

    folded.folds = True
    rich_utils._make_rich_text = folded


def _help_text_class():
    """A rich Text that wraps as :func:`paragraphs` does (held-out 341): rich broke a description only at spaces and
    folded a run too long for what was left of the line onto a line of its own, leaving a line of '，长表或' and a
    wide gap, and began lines with '）' or '。' (the help at 80 columns)."""
    global _HelpText
    if _HelpText is None:
        from rich.containers import Lines
        from rich.text import Text

        class HelpText(Text):
            __slots__ = ()  # the same layout as Text: a Text made by Typer becomes one in place

            def wrap(self, console, width, *, justify=None, overflow=None, tab_size=8, no_wrap=None):
                if no_wrap or width < 4:
                    return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size,
                                        no_wrap=no_wrap)
                lines = Lines()
                for line in self.split(allow_blank=True):
                    plain = line.plain
                    offsets, at = [], 0
                    for k, piece in enumerate(_fold(re.findall(r"[A-Za-z0-9_.\-]{2,}|.", plain), width)):
                        while k and at < len(plain) and plain[at] == " ":
                            at += 1  # the space where the line breaks
                        if not plain.startswith(piece, at):
                            return super().wrap(console, width, justify=justify, overflow=overflow,
                                                tab_size=tab_size, no_wrap=no_wrap)
                        if k:
                            offsets.append(at)
                        at += len(piece)
                    parts = line.divide(offsets)
                    for part in parts:
                        part.rstrip()
                        part.truncate(width, overflow="fold")
                    lines.extend(parts)
                return lines

        _HelpText = HelpText
    return _HelpText


_HelpText = None


def paragraphs(text: str) -> None:
    """Print text line by line, each folded to the terminal's width with its own indentation kept on every line it
    takes (a list item's continuation under its text, not at the left margin). Chinese text has no spaces to break
    at and a space beside a number is no better place, so lines break where the width ends.

    Args:
        text: the text (markup is not interpreted).
    """
    from rich.text import Text

    for indent, hang, body in _reflowed(text):
        # an option or a parameter name (--subsidies, recent_months, common.toml) is never cut in two
        pieces = _fold(re.findall(r"[A-Za-z0-9_.\-]{2,}|.", body[hang:]), max(out.width - indent - hang, 10))
        for k, piece in enumerate(pieces):
            out.print(Text(" " * indent + (body[:hang] if k == 0 else " " * hang) + piece), no_wrap=True, crop=False)


def say(text: str) -> None:
    """Print a line of prose (a run's totals) folded to the terminal's width: lines break between Chinese characters,
    never inside a number or an amount (6,277.50), nor between a number and the word after it (rich broke only at
    spaces: '未整改' / '67 个', '其中 2' / '人另有…' at 80 columns, h355).

    Args:
        text: the text (markup is not interpreted).
    """
    from rich.text import Text

    for piece in _fold(_SAID.findall(text), max(out.width, 20)):
        out.print(Text(piece), no_wrap=True, crop=False)


# A number with its separators, a percent sign and the word after it ('6,277.50 元', '39.6%', '2 人'); a name or an option.
_SAID = re.compile(r"\d[\d,.]*%?(?: ?[^\x00-\x7f])?|[A-Za-z0-9_.\-]{2,}|.")
_ITEM = re.compile(r"(?:\d+[.、]|[-\u2022·])\s*")
_NO_LINE_START = "。，、；：？！）》」』”’…"
_NO_LINE_END = "“‘（《「『"


def toml_lines(lines: list[str]) -> None:
    """Print TOML lines folded to the terminal's width so that what is copied from the screen is still TOML: a
    comment's continuation is a comment, an array breaks after a comma with its continuation indented.

    Args:
        lines: the lines (markup is not interpreted).
    """
    from rich.text import Text

    for line in lines:
        comment = line.lstrip().startswith("#")
        # an array breaks after its commas; a comment anywhere but inside a word or number
        parts = re.findall(r"[\w.\[\]-]+|.", line, re.A) if comment else re.split(r"(?<=, )", line)
        for piece in _fold(parts, max(out.width, 40), "# " if comment else "    ", kinsoku=comment):
            out.print(Text(piece), no_wrap=True, crop=False)


def _fold(tokens: list[str], room: int, lead: str = "", kinsoku: bool = True) -> list[str]:
    """The tokens joined into lines of at most ``room`` cells (a token wider than that alone on its line), each line
    after the first starting with ``lead``. A space where a line breaks is dropped; with ``kinsoku``, 。，） never
    start a line and “（ never end one (the token before goes down with them)."""
    lines, piece, used = [], [], 0
    for token in tokens:
        width = cell_len(token)
        if piece and used + width > room:
            carried = []
            if kinsoku and (token in _NO_LINE_START or piece[-1] in _NO_LINE_END):
                k = 1  # the token before goes down too, and so on while the break would still fall badly
                while k < min(len(piece) - 1, 8) and (piece[-k] in _NO_LINE_START or piece[-k - 1] in _NO_LINE_END):
                    k += 1
                carried = piece[-k:] if len(piece) > k else []
            lines.append(piece[:len(piece) - len(carried)])
            piece = [lead, *carried] if lead else carried
            used = cell_len("".join(piece))
            if token == " ":
                continue
        piece.append(token)
        used += width
    lines.append(piece)
    _no_widow(lines, lead, kinsoku)
    return ["".join(line).rstrip() for line in lines[:-1]] + ["".join(lines[-1])]


def _no_widow(lines: list[list[str]], lead: str, kinsoku: bool) -> None:
    """With ``kinsoku``, a last line of one Chinese character alone, or with its 。） (h385: '…；按次月停发' / '计' at 80
    columns), takes the character before it down too (and a 。，） that would then start the line, with the one before
    it)."""
    last = [t for t in lines[-1] if t != lead] if len(lines) > 1 else []
    words = last[:next((k for k in range(len(last), 0, -1) if last[k - 1] not in _NO_LINE_START), 0)]
    if not kinsoku or len(words) != 1 or cell_len(words[0]) > 2 or not words[0].strip():
        return
    prev = lines[-2]
    k = 1
    while k < len(prev) - 1 and k < 8 and prev[-k] in _NO_LINE_START:
        k += 1
    if len(prev) - k < 2 or prev[-k - 1] in _NO_LINE_END or prev[-k] == " ":
        return
    lines[-2], lines[-1] = prev[:-k], ([lead] if lead else []) + prev[-k:] + last


def _reflowed(text: str) -> list[tuple[int, int, str]]:
    """(indent, width of a list marker, text) per paragraph line: a line hard-wrapped in the source (indented to
    the text of the line above, which is no heading) joins that line."""
    out: list[tuple[int, int, str]] = []
    for line in text.split("\n"):
        body = line.strip(" ")
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(body)
        if (body and not item and out and out[-1][2] and not out[-1][2].endswith("：") and indent > 0
                and indent == out[-1][0] + out[-1][1]):
            prev = out[-1][2]
            gap = " " if prev[-1:].isascii() and body[:1].isascii() and prev[-1:].isalnum() and body[:1].isalnum() else ""
            out[-1] = (out[-1][0], out[-1][1], prev + gap + body)
            continue
        out.append((indent, len(item.group()) if item else 0, body))
    return out


def _columns_width(widths: list[int]) -> int:
    """Terminal columns a rich table with heavy borders takes: each cell padded by 1 and bordered."""
    return 1 + sum(w + 3 for w in widths)


def _legend(codes: list[str], titles: dict[str, str]) -> None:
    """Print each code with its whole name, one a line (a name wider than the terminal folds)."""
    for code in codes:
        out.print(f"{code} {escape(titles.get(code, ''))}", overflow="fold")


def summary_table(findings: pd.DataFrame, titles: dict[str, str],
                  title: str = "核查结果汇总（人数；重复在册的按两条计）", none: str = "未发现问题。",
                  leads_apart: bool = False) -> None:
    """Print counts of flagged roster rows (distinct ``_member``s, as the 汇总 sheet counts them: a person on two
    rosters is two, held-out 204; rows when there is no such column) by category × township, fitted to the terminal's
    width.

    Categories down and townships across when that fits (with the categories' names when they fit whole,
    else listed below); otherwise townships down and category codes across, split into as many tables as the
    width needs, the codes' names listed above. Codes and township names are always shown whole;
    townships in natural order (第2街道 before 第10街道), categories in code order.

    Args:
        findings: the findings frame.
        titles: code → title.
        title: the table caption.
        none: what is said when there is nothing to count.
        leads_apart: count the 高/中 findings only, the people only 低 leads name said below (as the 汇总 sheet does:
            :func:`io.problem_list.firm_and_leads`).
    """
    leads, people, counted = findings.iloc[:0], 0, 0
    if leads_apart:
        from .io.problem_list import firm_and_leads, lead_people

        people, counted = lead_people(findings)
        findings, leads = firm_and_leads(findings)
        # what it counts whether or not there are leads (held-out 227: "（人数" without them read as every person)
        title = title.replace("（人数", "（高/中置信度人数")
        if len(leads):
            none = "未发现高/中置信度问题。"
    _counts(findings, titles, title, none)
    if len(leads):
        per_code = leads.drop_duplicates(["类别代码", "_member"]).groupby("类别代码").size()
        said = "、".join(f"{c} {n} 人" for c, n in per_code.items())
        # the categories' counts against the 汇总 sheet's, which counts a person once and not when a 高/中 finding names
        # her (held-out 250: "D03 59 人" here, 57 there, nothing saying why)
        if people != per_code.sum():
            said += f"，共 {people} 人"
        if counted:
            said += f"，其中 {counted} 人另有高/中置信度问题、已在上表中，汇总页“低置信度线索（人）”只计其余 {people - counted} 人"
        say(f"另有低置信度线索（未计入上表，待核实）：{said}")


def _counts(findings: pd.DataFrame, titles: dict[str, str], title: str, none: str) -> None:
    """:func:`summary_table`'s table of the findings given."""
    from .order import natural_sorted

    if findings.empty:
        out.print(f"[green]{none}[/green]")
        return
    # a person flagged twice in a category counts once; rows without members (leads) count each
    distinct = findings.drop_duplicates(["类别代码", "_member"]) if "_member" in findings.columns else findings
    codes = sorted(distinct["类别代码"].unique())
    towns = natural_sorted(distinct["乡镇"].unique())
    counts = distinct.groupby(["类别代码", "乡镇"]).size()
    cell = counts.to_dict()  # (code, township) → count, looked up for every cell of the table
    names = [t or "（未填乡镇）" for t in towns]
    width = out.width
    number = len(str(len(distinct)))
    code_w = max(max(cell_len(c) for c in codes), cell_len("类别"))
    town_ws = [max(cell_len(n), number) for n in names]
    across = [code_w] + town_ws + [max(cell_len("合计"), number)]
    room = width - _columns_width(across) - 3
    if room >= 0:  # categories down, townships across
        table = Table(title=title)
        table.add_column("类别", no_wrap=True)
        longest = max(cell_len(titles.get(c, "")) for c in codes)
        named = room >= longest  # every name whole, else none (a cut name beside the legend says it twice)
        if named:
            table.add_column("名称", no_wrap=True)
        for name in names:
            table.add_column(name, justify="right", no_wrap=True)
        table.add_column("合计", justify="right", style="bold", no_wrap=True)
        for code in codes:
            row = [str(cell.get((code, t), 0)) for t in towns]
            name = [titles.get(code, "")] if named else []
            table.add_row(code, *name, *row, str(int(counts.get(code, pd.Series(dtype=int)).sum())))
        out.print(table)
        if not named:
            _legend(codes, titles)
        return
    # townships down, category codes across, in as many tables as the width needs
    _legend(codes, titles)
    town_w = max(town_ws + [cell_len("乡镇")])
    per_code = [max(cell_len(c), number) for c in codes]
    groups: list[list[int]] = [[]]
    for k, w in enumerate(per_code):
        if groups[-1] and _columns_width([town_w] + [per_code[j] for j in groups[-1]] + [w]) > width:
            groups.append([])
        groups[-1].append(k)
    for n, group in enumerate(groups):
        table = Table(title=title if n == 0 else None)
        table.add_column("乡镇", no_wrap=True)
        for k in group:
            table.add_column(codes[k], justify="right", no_wrap=True)
        for town, name in zip(towns, names):
            table.add_row(name, *[str(cell.get((codes[k], town), 0)) for k in group])
        out.print(table)


def money_totals(findings: pd.DataFrame, partial: Mapping[str, str] = {}, stop_rule: str = "") -> None:
    """Print the money sieve's totals (应追回 / 应补发), when any F finding carries an amount; the F checks partly
    checked said beside them, a list not given or payments unread (h277: 0.00 over a year whose items no code read).

    Args:
        findings: the findings frame.
        partial: code → what a check could not look at (``AuditResult.partial``).
        stop_rule: the stop rule the amounts were counted by (``AuditResult.stop_rule``; '' says nothing).
    """
    from .io.problem_list import money_totals as totals

    t = totals(findings)
    if t["households"]:
        unread = [c for c in sorted(partial) if c in ("F01", "F02", "F03", "F04", "F05", "F06")]  # (F07: no amounts)
        say(f"资金核查：应追回 {t['recover']:,.2f} 元（{t['recover_households']} 户），"
            f"应补发 {t['repay']:,.2f} 元（{t['repay_households']} 户）"
            + (f"；{'、'.join(unread)} 部分未核查（见核查范围），金额只含已核查的部分" if unread else "")
            + (f"；按{stop_rule}停发计" if stop_rule else ""))


def sample_rows(findings: pd.DataFrame, n: int = 5) -> None:
    """Print a few findings with masked IDs, so the user sees what the report holds.

    The code, the township, the masked ID and the confidence are always shown whole (README: 乡镇名始终完整显示); the
    name and the village wrap in what width is left, the village left out first when there is too little.

    Args:
        findings: the findings frame.
        n: how many rows.
    """
    from .normalize.ids import mask_id

    if findings.empty:
        return
    head = findings.head(n)
    rows = [{"类别代码": str(r["类别代码"]), "乡镇": _clipped(str(r["乡镇"])), "村": _clipped(str(r["村"])),
             "姓名": _clipped(redact(str(r["姓名"]))),
             "身份证号": mask_id(str(r["身份证号"])), "置信度": str(r["置信度"])} for _, r in head.iterrows()]
    whole = ("类别代码", "乡镇", "身份证号", "置信度")
    room = out.width - _columns_width([max(cell_len(c), *(cell_len(r[c]) for r in rows)) for c in whole])
    folded = [c for k, c in enumerate(("姓名", "村")) if room >= (k + 1) * (_FOLDED_MIN + 3)]
    table = Table(title=f"问题示例（前 {len(rows)} 条，身份证号已脱敏）")
    columns = [c for c in ("类别代码", "乡镇", "村", "姓名", "身份证号", "置信度") if c in whole or c in folded]
    for col in columns:
        table.add_column(col, no_wrap=col in whole, overflow="ellipsis" if col in whole else "fold",
                         min_width=None if col in whole else _FOLDED_MIN)
    for row in rows:
        table.add_row(*(escape(row[c]) for c in columns))
    out.print(table)


_FOLDED_MIN = 4  # cells a folded column of names keeps: two Chinese characters a line
# The longest place or name a sample row shows: a column of remarks read as the names (h431: a 1,000,000-character
# cell) folded into 21,000 lines of console; real names and villages are far shorter (东湖社区居民委员会).
SHOWN_MAX = 24


def _clipped(value: str) -> str:
    """A sample row's cell cut to :data:`SHOWN_MAX` characters, '…' saying it was."""
    return value if len(value) <= SHOWN_MAX else value[:SHOWN_MAX - 1] + "…"
FILE_NAME_WIDTH = 24  # a file name's column keeps names whole up to this (a third of a wider terminal)


CHECKS_CAPTION = ("所需名单后是给出该名单的选项；L 开头的类别由 coverage 命令（漏保排查）核查，S 开头的只由 screen 命令（新申请核对）"
                  "核查，其余由 audit 命令核查（screen 同样核查）")


def checks_table(rows: list[tuple[str, str, list[str], str]]) -> None:
    """Print the categories: code, title, the lists each needs (one a line) and whether it is judged by household.

    Args:
        rows: (code, title, lines naming the lists, 按户/按人) per category.
    """
    # The lists' column as wide as its longest line where that leaves the title 12 cells, and every cell folded as
    # prose is (h449's _cell_folded: at 80 columns a title broke after its opening bracket, '…能力（' over '需核实…')
    room = out.width - 13  # (each column's padding 2, the borders 5)
    code_w, level_w = cell_len("代码"), cell_len("判定层级")
    needs_w = min(max(cell_len(line) for row in rows for line in row[2]), max(room - code_w - level_w - 12, 8))
    title_w = max(room - code_w - level_w - needs_w, 8)
    table = Table(title="检查类别", caption=CHECKS_CAPTION, caption_justify="left")
    for col, width in (("代码", code_w), ("名称", title_w), ("所需名单", needs_w), ("判定层级", level_w)):
        table.add_column(col, overflow="fold", width=width)
    for code, title, needs, level in rows:
        table.add_row(code, _cell_folded(title, title_w), "\n".join(_cell_folded(line, needs_w) for line in needs), level)
    out.print(table)


def placements_table(placements: list) -> None:
    """Print what each input file was taken as: file, taken as, why (the deciding headers), rows.

    Args:
        placements: :class:`rostercheck.classify.Placement` objects.
    """
    table = Table(title="输入文件识别结果")
    # (a roster that reading may leave out, an earlier period of another's, said so: h325)
    rows = [(Path(p.path).name,
             f"[yellow]{p.label}（上期？）[/yellow]" if p.pending else p.label if p.kind else f"[yellow]{p.label}[/yellow]",
             redact(f"{p.why}；{p.pending}" if p.pending else p.why),
             "" if p.rows is None else f"约 {p.rows}" if p.estimated else str(p.rows)) for p in placements]
    # A file name kept whole where it fits (at 80 columns: '低保花名册_第三季度.xlsx', not '….xl' over 'sx') and the
    # counts whole ('2707', not '270' over '7'); 识别为 at most a fifth of the room; 依据 takes what is left, 20 cells
    # at least (each column's padding 2, the borders 5).
    room = out.width - 13
    rows_w = max([cell_len(r[3]) for r in rows] + [cell_len("行数")])
    file_w = min(max((cell_len(r[0]) for r in rows), default=4), max(FILE_NAME_WIDTH, room // 3))
    kind_w = min(max([cell_len(p.label) + (cell_len("（上期？）") if p.pending else 0) for p in placements]
                     + [cell_len("识别为")]), max(16, room // 5))
    short = max(0, 20 - (room - file_w - kind_w - rows_w))  # 依据's 20 cells taken from the two others, 12 each at least
    file_w, kind_w = max(12, file_w - (short + 1) // 2), max(12, kind_w - short // 2)
    why_w = max(room - file_w - kind_w - rows_w, 8)
    table.add_column("文件", overflow="fold", width=file_w)
    table.add_column("识别为", overflow="fold", width=kind_w)
    table.add_column("依据（表头）", overflow="fold", width=why_w)
    table.add_column("行数", overflow="fold", width=rows_w, no_wrap=True)
    for name, label, why, count in rows:
        table.add_row(_cell_folded(name, file_w), label, _cell_folded(why, why_w), count)
    out.print(table)


def _cell_folded(text: str, width: int) -> str:
    """A table cell's text folded to ``width`` as :func:`say` folds prose, markup escaped (h449: rich broke the 依据
    cells only at spaces, leaving '其中有' / '2' / '个比对名单…' on three lines, and '…比对资料.z' over 'ip', at 80
    columns)."""
    return "\n".join(escape(line) for line in _fold(_SAID.findall(text), width))
