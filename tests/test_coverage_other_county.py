"""coverage: a list of people at risk from another county is refused, not read as every household left out (h453)."""
import datetime as dt

import openpyxl
import pytest

from rostercheck.coverage import coverage
from rostercheck.errors import InputFileError


def _id(region: str, birth: str, seq: int) -> str:
    s17 = f"{region}{birth}{seq:03d}"
    return s17 + "10X98765432"[sum(int(a) * w for a, w in zip(s17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
                               % 11]


ENROLLED = [(_id("430525", f"196{k}0{k + 1}1{k}", 101 + 2 * k), f"李{'一二三四五六'[k]}明") for k in range(6)]


def _roster(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "月保障金"])
    for pid, name in ENROLLED:
        ws.append(["城关镇", "东门社区", name, pid, name, "户主", pid, 516])
    book.save(path)
    return path


def _monitoring(path, region, town, enrolled=0):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇(街道)", "行政村", "户主姓名", "户主证件号码", "成员姓名", "成员证件号码", "与户主关系", "家庭人口数", "监测对象类别",
               "家庭年人均纯收入（元）", "风险是否消除"])
    people = ENROLLED[:enrolled] + [(_id(region, f"197{k}0{k + 1}2{k}", 301 + 2 * k), f"王{'一二三四五六'[k]}芳")
                                    for k in range(6 - enrolled)]
    for pid, name in people:
        ws.append([town, "某村", name, pid, name, "户主", pid, 1, "突发严重困难户", 3000, "未消除"])
    book.save(path)
    return path


@pytest.mark.parametrize("region, town, enrolled, refused", [
    # must refuse: a neighbouring county's list: none on the roster, no region or township in common
    ("411330", "桐柏镇", 0, True),
    ("411330", "", 0, True),
    # must not refuse: this county's list, nobody on it enrolled (the leads are the point)
    ("430525", "城关镇", 0, False),
    ("430525", "桐柏镇", 0, False),
    # must not refuse: IDs of another region, but a township of this roster (people born elsewhere)
    ("411330", "城关镇", 0, False),
    # must not refuse: some of them enrolled here
    ("411330", "桐柏镇", 2, False),
])
def test_a_monitoring_list_of_another_county_is_refused(tmp_path, region, town, enrolled, refused):
    roster = _roster(tmp_path / "低保花名册.xlsx")
    lists = {"monitoring": _monitoring(tmp_path / "防返贫监测对象.xlsx", region, town, enrolled)}
    if refused:
        with pytest.raises(InputFileError, match="不像是同一个县"):
            coverage([roster], lists, dt.date(2026, 9, 30))
    else:
        result = coverage([roster], lists, dt.date(2026, 9, 30))
        assert len(result.leads) > 0  # (the unenrolled households are leads)
