"""The bundled sample county: every planted case is found, no trap is flagged (CLI end to end)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from rostercheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from score import score  # noqa: E402
from helpers import COUNTY, COUNTY_LISTS, COUNTY_ROSTERS, HEADER_ROW, county_inputs  # noqa: E402

LISTS = {"--" + kind.replace("_", "-"): name for kind, name in COUNTY_LISTS.items()}


def audit_args(out: Path) -> list[str]:
    """The demo audit's arguments (the README's command)."""
    args = ["audit", *[str(COUNTY / r) for r in COUNTY_ROSTERS]]
    for flag, name in LISTS.items():
        args += [flag, str(COUNTY / name)]
    return args + ["--as-of", "2026-09-30", "--out", str(out)]


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    out = tmp_path_factory.mktemp("county")
    before = {p: p.read_bytes() for p in COUNTY.rglob("*") if p.is_file()}
    result = CliRunner().invoke(app, audit_args(out))
    assert result.exit_code == 0, result.output
    after = {p: p.read_bytes() for p in COUNTY.rglob("*") if p.is_file()}
    assert before == after, "inputs must never be modified"
    return out, result.output


@pytest.fixture(scope="module")
def scored(audited):
    out, _ = audited
    return score(out / "findings.csv", COUNTY / "truth.csv")


def _codes():
    with (COUNTY / "truth.csv").open(encoding="utf-8-sig") as fh:
        return sorted({row["code"] for row in csv.DictReader(fh)})


@pytest.mark.parametrize("code", _codes())
def test_every_planted_case_found(scored, code):
    assert scored["per_code"][code]["missed"] == []


@pytest.mark.parametrize("code", _codes())
def test_no_trap_flagged(scored, code):
    assert scored["per_code"][code]["traps_flagged"] == []


# What bench/score.py measures on the sample county: 74 (household, code) pairs at 高/中, every one planted.
STRONG_PLANTED = 74


def test_precision_at_high_and_medium(scored):
    assert scored["false_strong"] == [] and scored["precision"] == 1.0, scored["false_strong"]
    assert scored["correct_strong"] >= STRONG_PLANTED


def test_every_finding_has_a_structured_evidence_fingerprint(audited):
    out, _ = audited
    findings = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    assert findings["证据指纹"].str.fullmatch(r"EV-[0-9a-f]{16}").all(), findings[findings["证据指纹"] == ""]["类别代码"]
    # One fingerprint per finding about a person (two findings that share one would be suppressed together).
    keyed = findings.drop_duplicates(["类别代码", "身份证号", "依据"])
    assert not keyed.duplicated(["类别代码", "身份证号", "证据指纹"]).any()


def test_reports_written(audited):
    out, output = audited
    assert {p.name for p in out.iterdir()} >= {"findings.csv", "问题清单.xlsx", "run.json"}
    assert (out / "findings.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert len(run["inputs"]) == len(COUNTY_ROSTERS) + len(LISTS)
    assert all(len(i["sha256"]) == 64 and i["rows"] > 0 for i in run["inputs"])
    assert sum(run["counts"].values()) > 0
    # (held-out 222) the people counted at 高/中, the 低 leads apart (the sample's six 低 D03 rows), as the 汇总 says
    people = run["people"]
    assert people["问题人数（高/中）"] > 0 and people["低置信度线索（人）"] > 0


def test_the_workbooks_notices_are_the_consoles(audited):
    # The 读取提示 sheet says it holds what the screen said: the money sieve not run and D02 checked in part were said
    # on the screen (and in 核查范围) only
    import openpyxl

    out, output = audited
    said = [line.split("：", 1)[1].strip() for line in output.splitlines() if line.startswith("提示：")]
    book = openpyxl.load_workbook(out / "问题清单.xlsx", read_only=True)
    listed = [row[0] for row in book["读取提示"].iter_rows(min_row=3, values_only=True) if row and row[0]]
    assert said and [s.split("：", 1)[0] for s in said] == [s.split("：", 1)[0] for s in listed]
    assert any("资金核查（F01–F07）未进行" in s for s in listed) and any("D02 部分未检查" in s for s in listed)


def test_console_never_shows_a_full_id(audited):
    import re

    _, output = audited
    assert not re.search(r"\d{17}[\dX]", output)


def test_workbook_has_summary_ledger_columns_and_text_ids(audited):
    import openpyxl

    out, _ = audited
    book = openpyxl.load_workbook(out / "问题清单.xlsx")
    assert book.sheetnames[0] == "汇总"
    sheet = book[book.sheetnames[1]]
    header = [c.value for c in sheet[HEADER_ROW]]
    at = header.index("核实情况")  # the columns to fill in, then the trace columns (not printed)
    assert header[at:at + 5] == ["核实情况", "整改措施", "责任人", "整改时限", "整改状态"]
    assert header[at + 5:] == ["匹配键", "来源名单", "来源行", "花名册文件", "花名册行", "证据指纹"]
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref
    id_col = header.index("身份证号") + 1
    assert all(sheet.cell(r, id_col).data_type == "s" for r in range(HEADER_ROW + 1, sheet.max_row + 1))


def test_two_processes_give_identical_findings(monkeypatch):
    """ROSTERCHECK_WORKERS=2 reads the lists and (on Linux) runs the economic checks in second processes."""
    import datetime as dt

    from rostercheck.audit import audit

    rosters, lists = county_inputs()
    results = []
    for workers in ("1", "2"):
        monkeypatch.setenv("ROSTERCHECK_WORKERS", workers)
        results.append(audit(rosters, lists, dt.date(2026, 9, 30)))
    one, two = (r.findings.drop(columns=["_member"]) for r in results)
    assert one.equals(two)
    assert [t.rows for t in results[0].inputs.tables] == [t.rows for t in results[1].inputs.tables]
