"""h423: a 社会救助信息系统 export of new applications whose title and file name say neither 申请 nor 低保/特困,
found as applications by its columns; and, in a folder holding it beside the quarter's rosters, those rosters taken as
the enrolled ones, not screened as applicants."""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from rostercheck.classify import classify_file, gather
from rostercheck.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from helpers import AS_OF, COUNTY, make_id  # noqa: E402

HOUSEHOLD = ["申请编号", "乡镇（街道）", "村（社区）", "申请人姓名", "申请人身份证号", "家庭人口", "申请类别", "申请日期",
             "受理日期", "审批状态"]
MEMBERS = ["申请编号", "成员姓名", "身份证号码", "与申请人关系", "性别", "劳动能力"]


def _tekun_person() -> tuple[str, str]:
    """A name and ID on the sample county's 特困 roster (GBK CSV)."""
    with open(COUNTY / "特困人员名册.csv", encoding="gb18030") as f:
        rows = list(csv.reader(f))
    head = next(k for k, r in enumerate(rows) if "身份证号" in r)
    row = rows[head + 1]
    return row[rows[head].index("姓名")], row[rows[head].index("身份证号")]


def _export(path: Path, title: str, heads: list[tuple[str, str, str]], household=HOUSEHOLD, benefit: bool = False) -> Path:
    """An application export: household sheet and members sheet joined by 申请编号; heads = (name, id, category)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([title])
    sheet.append(household + (["月保障金"] if benefit else []))
    numbered = "申请编号" in household
    for k, (name, pid, cat) in enumerate(heads):
        cells = ["城关镇", "东街社区", name, pid, 1, cat, "2026-09-01", "2026-09-05", "待审核"]
        sheet.append([f"SQ2026{k:04d}"] * numbered + cells[:len(household) - numbered] + ([300] if benefit else []))
    members = book.create_sheet("Sheet2")
    members.append(["成员信息"])
    # (an enrolled roster's members sheet says 家庭编号 and 与户主关系)
    members.append(MEMBERS if numbered else ["家庭编号", *MEMBERS[1:3], "与户主关系", *MEMBERS[4:]])
    for k, (name, pid, _cat) in enumerate(heads):
        members.append([f"SQ2026{k:04d}", name, pid, "02", "1", "有劳动能力"])
    book.save(path)
    return path


_HEADS = [("赵建国", make_id("19500312", 131), "特困"), ("钱志红", make_id("19800521", 242), "低保"),
          ("孙德福", make_id("19600101", 353), "低保")]


@pytest.mark.parametrize("household, benefit, applying", [
    # must read as applications: 申请编号, 申请人姓名, 申请类别, 受理日期 — though title and name say neither
    (HOUSEHOLD, False, True),
    (["申请编号", "乡镇（街道）", "村（社区）", "申请人姓名", "申请人身份证号", "家庭人口"], False, True),
    # must not: an enrolled roster exported with its 申请日期 and a 保障金 it is paid
    (["乡镇（街道）", "村（社区）", "户主姓名", "户主身份证号", "家庭人口", "保障类别", "申请日期", "受理日期"], True, False),
    # must not: one application-like label alone
    (["乡镇（街道）", "村（社区）", "户主姓名", "户主身份证号", "家庭人口", "保障类别", "申请日期"], False, False),
])
def test_an_application_export_is_known_by_its_columns(tmp_path, household, benefit, applying):
    path = _export(tmp_path / "数据导出_20261015.xlsx", "家庭信息", _HEADS, household, benefit)
    place = classify_file(path)
    assert (place.kind, place.applying) == ("roster", applying)


def _folder(tmp_path: Path, batch_name: str, title: str) -> Path:
    folder = tmp_path / "2026年第三季度"
    folder.mkdir()
    name, pid = _tekun_person()
    _export(folder / batch_name, title, [*_HEADS, (name, pid, "特困")])
    for roster in ("低保花名册_第三季度.xlsx", "特困人员名册.csv"):
        shutil.copy(COUNTY / roster, folder / roster)
    shutil.copy(COUNTY / "死亡人员名单.csv", folder / "死亡人员名单.csv")
    return folder


@pytest.mark.parametrize("batch_name, title", [("数据导出_20261015.xlsx", "家庭信息"), ("新申请家庭.xlsx", "新申请家庭信息")])
def test_rosters_beside_an_application_batch_are_the_enrolled(tmp_path, batch_name, title):
    # h423: the quarter's 低保花名册 and 特困人员名册 in the batch's folder were screened as applicants (100 families for
    # 37) and an applicant already 特困 was 无疑点; now they are the enrolled rosters and that applicant is 有疑点 (D01)
    folder = _folder(tmp_path, batch_name, title)
    got = gather([folder], applications=True, enrolled=True)
    assert [p.name for p in got.rosters] == [batch_name]
    assert sorted(p.name for p in got.enrolled) == ["低保花名册_第三季度.xlsx", "特困人员名册.csv"]
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["screen", str(folder), "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with open(out / "screening.csv", encoding="utf-8-sig") as f:
        verdicts = {r["户主身份证号"]: r["结论"] for r in csv.DictReader(f)}
    assert verdicts[_tekun_person()[1]] == "有疑点"
    assert [verdicts[pid] for _n, pid, _c in _HEADS] == ["无疑点"] * 3  # must not: clean applicants
    assert len(verdicts) == 4


def test_township_batches_without_roster_words_stay_applications(tmp_path):
    # must not: a second township's batch named by its township alone (no 花名册 in its name or title) is an application
    folder = tmp_path / "新申请"
    folder.mkdir()
    _export(folder / "新申请家庭.xlsx", "新申请家庭信息", _HEADS[:2])
    _export(folder / "城关镇.xlsx", "城关镇", _HEADS[2:], ["乡镇（街道）", "村（社区）", "户主姓名", "户主身份证号",
                                                          "家庭人口", "保障类别"])
    got = gather([folder], applications=True, enrolled=True)
    assert sorted(p.name for p in got.rosters) == ["城关镇.xlsx", "新申请家庭.xlsx"] and not got.enrolled
