"""The sample county as the systems export it (samples/county-coded) and with decoy columns: same findings as worded.

Every planted case is found and no trap (the coded-only ones included) is flagged on the coded county; the
audit, the look-back and the screening give the same results on the worded, the coded and the decoy forms
(compared as (code, member ID, confidence) sets: files and rows differ).
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from rostercheck.cli import app
from rostercheck.review import review
from rostercheck.screen import screen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "samples"))
from score import score  # noqa: E402
from helpers import COUNTY, COUNTY_LISTS, COUNTY_ROSTERS  # noqa: E402
import coded  # noqa: E402
import decoy  # noqa: E402
import generate  # noqa: E402

CODED = ROOT / "samples" / "county-coded"
AS_OF = dt.date(2026, 9, 30)


def _audit(folder: Path, rosters: list[str], lists: dict[str, str], out: Path) -> Path:
    args = ["audit", *[str(folder / r) for r in rosters]]
    for kind, name in lists.items():
        args += ["--" + kind.replace("_", "-"), str(folder / name)]
    result = CliRunner().invoke(app, [*args, "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "findings.csv"


def _findings(path: Path) -> set[tuple[str, str, str]]:
    frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig").fillna("")
    return set(zip(frame["类别代码"], frame["身份证号"].str.lstrip("'"), frame["置信度"]))


@pytest.fixture(scope="module")
def worded(tmp_path_factory):
    return _audit(COUNTY, COUNTY_ROSTERS, COUNTY_LISTS, tmp_path_factory.mktemp("worded"))


@pytest.fixture(scope="module")
def coded_findings(tmp_path_factory):
    return _audit(CODED, coded.CODED_ROSTERS, coded.CODED_LISTS, tmp_path_factory.mktemp("coded"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The generator run afresh: worded, coded and decoy forms (about 8 s)."""
    base = tmp_path_factory.mktemp("generated")
    assert generate.main(["--out", str(base / "county"), "--forms", "worded,coded,decoy"]) == 0
    return base


@pytest.fixture(scope="module")
def scored(coded_findings):
    return score(coded_findings, CODED / "truth.csv")


def _codes():
    with (CODED / "truth.csv").open(encoding="utf-8-sig") as fh:
        return sorted({row["code"] for row in csv.DictReader(fh)})


@pytest.mark.parametrize("code", _codes())
def test_every_planted_case_found_in_the_coded_county(scored, code):
    assert scored["per_code"][code]["missed"] == []


@pytest.mark.parametrize("code", _codes())
def test_no_trap_flagged_in_the_coded_county(scored, code):
    assert scored["per_code"][code]["traps_flagged"] == []


def test_coded_precision(scored):
    assert scored["precision"] >= 0.95, scored["false_strong"]


def test_coded_only_traps_are_planted():
    with (CODED / "truth.csv").open(encoding="utf-8-sig") as fh:
        notes = [row for row in csv.DictReader(fh) if row["note"].startswith("coded:")]
    assert {r["code"] for r in notes} == {"C02", "C04"} and all(r["expect"] == "trap" for r in notes)
    assert len(notes) >= 5


def test_coded_county_gives_the_same_findings_as_the_worded_one(worded, coded_findings):
    a, b = _findings(worded), _findings(coded_findings)
    assert a == b, (sorted(a - b), sorted(b - a))


def test_a_non_commercial_car_is_reported_as_a_car_not_as_commercial(coded_findings):
    frame = pd.read_csv(coded_findings, dtype=str, encoding="utf-8-sig").fillna("")
    cars = frame[(frame["类别代码"] == "C04") & frame["依据"].str.contains("非营运")]
    assert len(cars) >= 2
    assert not cars["依据"].str.contains("经营性").any(), cars["依据"].tolist()


def test_decoy_columns_give_the_same_findings(generated, worded, tmp_path):
    folder = generated / "county-decoy"
    found = _audit(folder, decoy.DECOY_ROSTERS, decoy.DECOY_LISTS, tmp_path / "decoy")
    a, b = _findings(worded), _findings(found)
    assert a == b, (sorted(a - b), sorted(b - a))


def test_committed_samples_are_what_the_generator_writes(generated):
    for name, committed in (("county", COUNTY), ("county-coded", CODED)):
        fresh = generated / name
        # county/漏保/ is written by samples/coverage_lists.py (tests/test_coverage.py holds it to its generator).
        files = sorted(p.relative_to(committed) for p in committed.rglob("*")
                       if p.is_file() and p.relative_to(committed).parts[0] != "漏保")
        assert files == sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
        changed = [str(f) for f in files if (committed / f).read_bytes() != (fresh / f).read_bytes()]
        assert changed == [], f"regenerate with: python samples/generate.py ({changed})"


def _review_statuses(findings: Path, roster: Path) -> set[tuple[str, str, str]]:
    rows = review(findings, [roster], dt.date(2026, 12, 31)).rows
    return set(zip(rows["类别代码"], rows["身份证号"].astype(str).str.lstrip("'"), rows["整改状态"]))


def test_review_gives_the_same_verdicts_on_both_forms(worded, coded_findings):
    a = _review_statuses(worded, COUNTY / "下季度" / "低保花名册_第四季度.xlsx")
    b = _review_statuses(coded_findings, CODED / "下季度" / "清河县低保对象信息_2026年12月.xlsx")
    assert a and a == b, (sorted(a - b), sorted(b - a))


def _verdicts(folder: Path, applications: str, rosters: list[str], lists: dict[str, str]) -> dict[str, str]:
    result = screen([folder / applications], {k: folder / v for k, v in lists.items()}, AS_OF,
                    enrolled=[folder / r for r in rosters])
    return dict(zip(result.verdicts["户主身份证号"].astype(str).str.lstrip("'"), result.verdicts["结论"]))


def test_screen_gives_the_same_verdicts_on_both_forms():
    a = _verdicts(COUNTY, "新申请/新申请家庭.xlsx", COUNTY_ROSTERS, COUNTY_LISTS)
    b = _verdicts(CODED, "新申请/新申请家庭信息.xlsx", coded.CODED_ROSTERS, coded.CODED_LISTS)
    with (CODED / "truth_screen.csv").open(encoding="utf-8-sig") as fh:
        truth = {row["head_id"]: row["verdict"] for row in csv.DictReader(fh)}
    assert a == b
    assert b == truth
