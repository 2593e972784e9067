"""coverage on monitoring lists exported by the 防返贫 system with other people's ID columns before the household's (h440)."""
import csv

import openpyxl
import pytest
from helpers import AS_OF, COUNTY, COUNTY_ROSTERS
from typer.testing import CliRunner

from rostercheck.cli import app

LEADS_DIR = COUNTY / "漏保"


def _enrolled_ids(n: int) -> list[str]:
    with open(COUNTY / "特困人员名册.csv", encoding="gbk") as f:
        rows = list(csv.reader(f))[2:]
    return [r[4] for r in rows if len(r) > 4 and len(r[4]) == 18][:n]


@pytest.mark.parametrize("decoy", ["帮扶责任人身份证号", "网格员身份证号", "结对帮扶人身份证号"])
def test_a_household_row_monitoring_list_is_not_read_by_its_cadres_ids(tmp_path, decoy):
    # h440 (CH): the household rows of a 防返贫 export, 帮扶责任人 | 帮扶责任人身份证号 before 户主姓名 | 户主身份证号: the cadre's
    # ID was read as the household's member, so a household whose cadre is enrolled somewhere looked covered (16/43 planted
    # leads found, every L01 lost → 43/43)
    sheet = openpyxl.load_workbook(LEADS_DIR / "防返贫监测对象.xlsx").active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    header, body = rows[0], [r for r in rows[1:] if r[7] == "户主"]
    keep = ["户主姓名", "户主证件号码", "家庭人口数", "监测对象类别", "家庭年人均纯收入（元）", "风险是否消除", "风险消除时间"]
    cadres = _enrolled_ids(len(body))
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "乡镇(街道)", "行政村", "帮扶责任人", decoy, *keep])
    for k, r in enumerate(body):
        ws.append([k + 1, r[1], r[2], "周立军", cadres[k % len(cadres)], *(r[header.index(c)] for c in keep)])
    book.save(tmp_path / "防返贫监测对象.xlsx")
    res = CliRunner().invoke(app, ["coverage", *[str(COUNTY / r) for r in COUNTY_ROSTERS],
                                   "--monitoring", str(tmp_path / "防返贫监测对象.xlsx"),
                                   "--registry", str(LEADS_DIR / "户籍人口.csv"), "--as-of", AS_OF.isoformat(),
                                   "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    with open(tmp_path / "out" / "漏保线索.csv", encoding="utf-8-sig") as f:
        found = {r["户主身份证号"] for r in csv.DictReader(f) if r["线索代码"] == "L01"}
    with open(LEADS_DIR / "truth_coverage.csv", encoding="utf-8") as f:
        planted = {r["head_id"] for r in csv.DictReader(f) if r["code"] == "L01" and r["expect"] == "flag"}
    assert planted <= found
    assert not found & set(cadres)  # (no cadre is a lead's head)
