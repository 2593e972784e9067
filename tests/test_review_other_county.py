"""review: an earlier problem list of another county is refused, not read as every problem rectified (h453)."""
import csv
import datetime as dt

import openpyxl
import pytest

from rostercheck.errors import InputFileError
from rostercheck.review import review


def _id(region: str, birth: str, seq: int) -> str:
    s17 = f"{region}{birth}{seq:03d}"
    return s17 + "10X98765432"[sum(int(a) * w for a, w in zip(s17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
                               % 11]


HERE = [(_id("430525", f"196{k}0{k + 1}1{k}", 101 + 2 * k), f"李{'一二三四五六'[k]}明") for k in range(6)]
AWAY = [(_id("411330", f"197{k}0{k + 1}2{k}", 301 + 2 * k), f"王{'一二三四五六'[k]}芳") for k in range(6)]


def _roster(path, township=True):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append((["乡镇"] if township else []) + ["村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "月保障金"])
    for pid, name in HERE:
        ws.append((["城关镇"] if township else []) + ["东门社区", name, pid, name, "户主", pid, 516])
    book.save(path)
    return path


def _previous(path, people, town):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["类别代码", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障类别", "依据",
                    "整改状态", "证据指纹"])
        for k, (pid, name) in enumerate(people):
            w.writerow(["C02", "高", town, "某村", name, pid, name, pid, "户主", "低保",
                        f"《死亡人员名单.csv》第 {k + 2} 行：{name}，死亡日期 2026-06-06；身份证号一致", "", f"EV-{k:016x}"])
    return path


@pytest.mark.parametrize("people, town, township, refused", [
    # must refuse: none of its people on this roster, its townships none of this roster's
    (AWAY, "桐柏镇", True, True),
    # must refuse: no township written either side, and none of its IDs' regions is this roster's
    (AWAY, "", False, True),
    (AWAY, "", True, True),
    # must not refuse: this county's list whose every person has left the roster (its townships are this roster's)
    (AWAY, "城关镇", True, False),
    # must not refuse: this county's own people (some still enrolled)
    (HERE, "桐柏镇", True, False),
    # must not refuse: no township on the roster, but the IDs' regions are this county's (everyone rectified)
    ([(_id("430525", "19800101", 501 + 2 * k), n) for k, (_, n) in enumerate(AWAY)], "城关镇", False, False),
    # must not refuse: too few findings to tell a county by
    (AWAY[:2], "桐柏镇", True, False),
])
def test_a_problem_list_of_another_county_is_refused(tmp_path, people, town, township, refused):
    prev = _previous(tmp_path / "findings.csv", people, town)
    roster = _roster(tmp_path / "低保花名册.xlsx", township)
    if refused:
        with pytest.raises(InputFileError, match="不像是同一个县"):
            review(prev, [roster], dt.date(2026, 12, 31))
    else:
        result = review(prev, [roster], dt.date(2026, 12, 31))
        assert len(result.rows) == len(people)
