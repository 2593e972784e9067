"""Builders for in-memory rosters, lists and contexts used by the check tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from rostercheck.audit import build_context, run_checks
from rostercheck.loading import LoadedInputs
from rostercheck.io.columns import KIND_LABELS
from rostercheck.io.table import Table, load_table
from rostercheck.normalize.ids import check_char
from rostercheck.policy import load_policy, roster_codes
from rostercheck.reference import normalise
from rostercheck.roster import build_members

AS_OF = dt.date(2026, 9, 30)

# The bundled sample county (samples/generate.py): the README demo's files, list kind → file name.
COUNTY = Path(__file__).resolve().parents[1] / "samples" / "county"
COUNTY_LISTS = {
    "staff": "财政供养人员名单.xlsx", "cadres": "村干部名单.xls", "cadre_relatives": "近亲属备案表.xlsx",
    "registry": "户籍人口.csv", "deaths": "死亡人员名单.csv", "prisoners": "服刑人员名单.xls",
    "migrations": "户籍迁出名单.txt", "pensions": "养老金发放名单.xlsx", "vehicles": "机动车登记信息.csv",
    "properties": "不动产登记信息.xlsx", "businesses": "市场主体登记信息.csv", "wages": "社保缴费工资.xlsx",
    "supporters": "赡养义务人信息.xls",
}
COUNTY_ROSTERS = ["低保花名册_第三季度.xlsx", "低保花名册_河口乡.xls", "特困人员名册.csv"]


def county_inputs() -> tuple[list[Path], dict[str, Path]]:
    """The sample county's roster paths and list kind → path, for library calls."""
    return [COUNTY / r for r in COUNTY_ROSTERS], {k: COUNTY / name for k, name in COUNTY_LISTS.items()}


def workbook(path: Path, sheets: list[tuple[str, list, list[list]]]) -> Path:
    """Write an .xlsx of sheets, each (name, header, rows), its text cells as text and its numbers as numbers (a system
    export's codes 01, 02 stay text)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    for name, header, rows in sheets:
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, header)
        for i, row in enumerate(rows, 1):
            for j, v in enumerate(row):
                sheet.write_string(i, j, v) if isinstance(v, str) else sheet.write_number(i, j, v)
    book.close()
    return path


def groups_merged(top: list[str]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """A two-row header's group cells (``top``, the grid's row 1 under a title line) merged across the blanks right of
    them, as (first, last) cells for a Grid's merges."""
    spans, c = [], 0
    while c < len(top):
        k = c
        while k + 1 < len(top) and top[k + 1] == "":
            k += 1
        if top[c] and k > c:
            spans.append(((1, c), (1, k)))
        c = k + 1
    return spans


def make_id(birth: str = "19800101", seq: int = 123, region: str = "430521") -> str:
    """Return a valid 18-character ID for a birth date (YYYYMMDD) and sequence (odd = male)."""
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + check_char(first17)


def table(kind: str, rows: list[dict], name: str = "list.xlsx", title: str = "", headers: dict | None = None) -> Table:
    """Return a Table of canonical fields as if read from a file (rows numbered from 2; headers: field → the label
    it was read from)."""
    frame = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame({"id": []}, dtype=object)
    frame["_row"] = list(range(2, 2 + len(rows)))
    frame["_sheet"] = ""
    return Table(kind, Path(name), frame, headers or {}, title)


def household(head: str, head_id: str, members: list[tuple[str, str, str]] | None = None, **extra) -> list[dict]:
    """Return roster rows for one household: the head plus (name, relation, id) members.

    Household-level fields (township, village, area_type, household_size, bank_account …) go in extra.
    """
    base = {"township": "城关镇", "village": "东村", "area_type": "农村", "head_name": head, "head_id": head_id}
    base.update(extra)
    rows = [{**base, "name": head, "relation": "户主", "id": head_id}]
    for name, relation, mid in members or []:
        rows.append({**base, "name": name, "relation": relation, "id": mid})
    if "household_size" not in extra:
        for r in rows:
            r["household_size"] = len(rows)
    return rows


def context(roster_rows: list[dict], lists: dict[str, list[dict]] | None = None, as_of: dt.date = AS_OF,
            config: Path | None = None, roster_title: str = "清河县2026年第三季度城乡低保花名册",
            extra_rosters: list[tuple[list[dict], str]] | None = None, headers: dict[str, dict] | None = None,
            roster_headers: dict | None = None, files: dict[str, Path] | None = None):
    """Return a check Context built the same way the audit builds it (headers: list kind → field → label; roster_headers:
    the first roster's, e.g. its 成员状态 column's; files: list kind → a file read as the audit reads it)."""
    rosters = [table("roster", roster_rows, "低保花名册.xlsx", roster_title, roster_headers)]
    for rows, title in extra_rosters or []:
        rosters.append(table("roster", rows, f"{title}.xlsx", title))
    members = build_members(rosters, as_of, roster_codes=roster_codes(load_policy(config)[1]))
    refs, labels = {}, {}
    for kind, rows in (lists or {}).items():
        t = table(kind, rows, f"{kind}.xlsx", headers=(headers or {}).get(kind))
        refs[kind] = normalise(t)
        labels[kind] = f"{KIND_LABELS[kind]}（{kind}.xlsx）"
    for kind, path in (files or {}).items():
        refs[kind] = normalise(load_table(path, kind))
        labels[kind] = f"{KIND_LABELS[kind]}（{path.name}）"
    ctx, _ = build_context(LoadedInputs(rosters, members, refs, labels), as_of, config)
    return ctx


def flagged(ctx, code: str) -> list[tuple[str, str]]:
    """Run one check and return sorted (member name, confidence) pairs it flagged."""
    findings, _ = run_checks(ctx, [code])
    return sorted({(ctx.members.at[f.member, "name"], f.confidence) for f in findings if f.code == code})


def flagged_names(ctx, code: str, confidences: tuple[str, ...] = ("高", "中")) -> set[str]:
    """Return the names of members flagged by a check at the given confidences."""
    return {name for name, conf in flagged(ctx, code) if conf in confidences}


# Workbooks the tool writes have a title row above the header (io.report.HEADER_ROW is 0-based).
HEADER_ROW = 2


def leads(ctx, code: str) -> list[tuple[str, str]]:
    """Run one coverage lead (L01…) and return sorted (person name, priority) pairs."""
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    return sorted({(ld.person["name"], ld.priority) for ld in LEADS[code](ctx)})


def lead_names(ctx, code: str, priorities: tuple[str, ...] = ("高", "中", "低")) -> set[str]:
    """Return the names a coverage lead names at the given priorities."""
    return {name for name, p in leads(ctx, code) if p in priorities}
