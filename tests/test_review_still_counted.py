"""review: a member's row deleted while her household's 保障人口 (so its benefit) stays as it was (h445)."""
import csv
import datetime as dt

import openpyxl
import pytest

from rostercheck.review import review


def _id(birth: str, seq: int) -> str:
    s17 = f"411330{birth}{seq:03d}"
    return s17 + "10X98765432"[sum(int(a) * w for a, w in zip(s17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
                               % 11]


HEAD, DEAD = _id("19771111", 41), _id("19471009", 550)
OTHERS = [(_id(f"19{55 + k}0{k % 9 + 1}1{k % 9}", 101 + 2 * k), _id(f"19{56 + k}0{k % 9 + 1}2{k % 9}", 202 + 2 * k))
          for k in range(8)]
DEATH = "《死亡人员名单.csv》第 37 行：萧中超，死亡日期 2026-06-06；身份证号一致"
CAR = "《机动车登记信息.csv》第 12 行：邱心霞，号牌号码 豫R12345，小型轿车，正常；身份证号一致"


def _roster(path, written, stale=False, column="保障人口", dead_listed=False):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇", "村", "户主姓名", "户主身份证号", column, "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "月保障金"])
    ws.append(["毛集镇", "铁山村", "邱心霞", HEAD, written, "邱心霞", "户主", HEAD, "农村", 516])
    if dead_listed:
        ws.append(["毛集镇", "铁山村", "邱心霞", HEAD, written, "萧中超", "配偶", DEAD, "农村", 516])
    for k, (head, wife) in enumerate(OTHERS):
        size = 3 if stale else 2
        name = f"李{'一二三四五六七八'[k]}明"
        ws.append(["毛集镇", "铁山村", name, head, size, name, "户主", head, "农村", 1032])
        ws.append(["毛集镇", "铁山村", name, head, size, f"王{'一二三四五六七八'[k]}芳", "配偶", wife, "农村", 1032])
    book.save(path)
    return path


def _previous(tmp_path, code="C02", evidence=DEATH, person=("萧中超", DEAD, "配偶"), said="已整改"):
    path = tmp_path / "findings.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["类别代码", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障类别", "依据",
                    "整改状态", "证据指纹"])
        w.writerow([code, "高", "毛集镇", "铁山村", "邱心霞", HEAD, person[0], person[1], person[2], "低保", evidence, said,
                    "EV-0123456789abcdef"])
    return path


@pytest.mark.parametrize("written, stale, column, status", [
    # must flag: her row deleted, the household still written as 2 covered people (paid for her)
    (2, False, "保障人口", "未整改"),
    (2, False, "保障人数", "未整改"),
    # must not flag: the household's 保障人口 put down to the one it lists
    (1, False, "保障人口", "已整改"),
    # must not flag: 家庭人口 counts people not covered too (no 保障人口 written)
    (2, False, "家庭人口", "已整改"),
    # must not flag: a roster whose 保障人口 is more than its rows for most households says nothing by it
    (2, True, "保障人口", "已整改"),
    # must not flag: no 保障人口 written for the household
    ("", False, "保障人口", "已整改"),
])
def test_a_member_deleted_while_her_household_still_counts_her_is_open(tmp_path, written, stale, column, status):
    res = review(_previous(tmp_path), [_roster(tmp_path / "q4.xlsx", written, stale, column)], dt.date(2026, 12, 31))
    row = res.rows.iloc[0]
    assert row["整改状态"] == status, row["说明"]
    assert ("保障人口仍写" in row["说明"]) == (status == "未整改")


@pytest.mark.parametrize("code, evidence, person, status", [
    # must not flag: a household's own finding (a car) is judged by the household, which is still enrolled
    ("C04", CAR, ("邱心霞", HEAD, "户主"), "未整改"),
    # must not flag: the head's own finding (her household is hers: nothing said of a member's row)
    ("C02", DEATH.replace("萧中超", "邱心霞"), ("邱心霞", HEAD, "户主"), "未整改"),
])
def test_only_a_members_own_finding_is_read_so(tmp_path, code, evidence, person, status):
    res = review(_previous(tmp_path, code, evidence, person), [_roster(tmp_path / "q4.xlsx", 2)], dt.date(2026, 12, 31))
    row = res.rows.iloc[0]
    assert row["整改状态"] == status
    assert "保障人口仍写" not in row["说明"]
