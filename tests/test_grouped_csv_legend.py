"""A GBK CSV system export writing its groups once (家庭信息 | 成员信息) and its codes' legend in the title: the coded
columns under a group are read by the title's legend (h454)."""
import csv
import datetime as dt

import pytest

from rostercheck.review import review


def _id(birth: str, seq: int) -> str:
    s17 = f"340828{birth}{seq:03d}"
    return s17 + "10X98765432"[sum(int(a) * w for a, w in zip(s17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
                               % 11]


HEADS = [_id(f"19{50 + k}0{k % 9 + 1}1{k % 9}", 11 + 2 * k) for k in range(8)]
WIFE = _id("19700828", 748)
TITLE = ("岳西县2026年第三季度城乡低保对象信息（性别：1男 2女；与户主关系：02户主 10配偶 20子 30女；人员状态：1正常 2停保 3死亡 4迁出；"
         "保障类别：1城市低保 2农村低保 3特困供养）")
GROUPS = ["家庭信息", "", "", "", "", "", "", "成员信息", "", "", "", ""]
LABELS = ["家庭编号", "乡镇（街道）", "村（社区）", "户主姓名", "户主身份证号", "保障类别", "保障人口", "成员姓名", "性别", "与户主关系",
          "身份证号码", "人员状态"]


def _roster(path, wife_status: str):
    rows = [[TITLE] + [""] * (len(LABELS) - 1), GROUPS, LABELS]
    for k, head in enumerate(HEADS):
        name = "程华德" if k == 0 else f"李{'一二三四五六七八'[k]}明"
        wife, wife_id = ("林华英", WIFE) if k == 0 else (f"王{'一二三四五六七八'[k]}芳", _id(f"19{60 + k}0{k % 9 + 1}1{k % 9}", 22 + 2 * k))
        covered = "1" if k == 0 and wife_status != "1" else "2"
        rows.append([f"YX{k:05d}", "五河镇", "中山村", name, head, "2", covered, name, "1", "02", head, "1"])
        rows.append([f"YX{k:05d}", "五河镇", "中山村", name, head, "2", covered, wife, "2", "10", wife_id,
                     wife_status if k == 0 else "1"])
    with open(path, "w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _previous(tmp_path):
    path = tmp_path / "q2" / "findings.csv"
    path.parent.mkdir()
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["类别代码", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障类别", "依据",
                    "整改状态"])
        w.writerow(["C02", "高", "五河镇", "中山村", "程华德", HEADS[0], "林华英", WIFE, "配偶", "低保",
                    "《死亡人员名单.xlsx》工作表“Sheet1”第 5 行：林华英，死亡日期 2026-04-12；身份证号一致", "已整改"])
    return path


@pytest.mark.parametrize("wife_status, status", [
    # must not flag: the system keeps the dead wife's row, 人员状态 3 (死亡) as the title explains it
    ("3", "已整改"),
    ("4", "已整改"),
    # must flag: still 1 (正常) in this quarter's export
    ("1", "未整改"),
])
def test_a_coded_status_under_a_group_written_once_is_read_by_the_titles_legend(tmp_path, wife_status, status):
    # h454: 成员信息 written once over 人员状态 glued the group to the label, the title's '人员状态：1正常 … 3死亡' did
    # not reach it: the dead wife's row kept with 3 was "代码含义不明", her C02 未整改
    res = review(_previous(tmp_path), [_roster(tmp_path / "岳西县低保对象信息_2026年9月.csv", wife_status)],
                 dt.date(2026, 9, 30))
    row = res.rows.iloc[0]
    assert row["整改状态"] == status, row["说明"]
    assert any("人员状态" in w and "表头或标题中的说明" in w for w in res.warnings)
