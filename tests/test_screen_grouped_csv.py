"""screen: an 申请审批系统's GBK CSV — 经办信息 | 申请人信息 | 家庭成员信息 written once over the labels (full, or bare
姓名 | 身份证号 under each), the codes explained in the title (h454)."""
import datetime as dt

import openpyxl
import pytest
from helpers import make_id

from rostercheck.screen import screen

CLERK = make_id("19850312", 17)
TITLE = ("岳西县2026年第三季度低保新申请家庭信息（申请类别：1城市低保 2农村低保 3特困供养；性别：1男 2女；"
         "与申请人关系：02户主 10配偶 20子 30女；劳动能力：1有劳动能力 2丧失劳动能力）")
GROUPS = ["经办信息", "", "", "申请人信息", "", "", "", "", "", "", "", "家庭成员信息", "", "", "", ""]
FULL = ["经办人", "经办人身份证号", "受理日期", "申请编号", "行政区划代码", "乡镇（街道）", "村（社区）", "申请人姓名", "申请人身份证号",
        "申请类别", "家庭人口", "成员姓名", "性别", "与申请人关系", "成员身份证号", "劳动能力"]
BARE = ["姓名", "身份证号", "受理日期", "申请编号", "行政区划代码", "乡镇（街道）", "村（社区）", "姓名", "身份证号", "申请类别",
        "家庭人口", "姓名", "性别", "与申请人关系", "身份证号", "劳动能力"]
HEAD, WIFE = make_id("19680304", 31), make_id("19700506", 42)
UNABLE, OLD = make_id("19810303", 33), make_id("19500505", 35)


def _batch(path, labels):
    rows = [[TITLE] + [""] * (len(labels) - 1), GROUPS, labels]
    for number, town, name, pid, programme, members in [
            ("SQ202600041", "340828102", "储文明", HEAD, "2", [("储文明", "1", "02", HEAD, "1"), ("刘娟英", "2", "10", WIFE, "1")]),
            ("SQ202600047", "340828103", "方海海", UNABLE, "3", [("方海海", "1", "02", UNABLE, "2")]),
            ("SQ202600045", "340828103", "江德福", OLD, "2", [("江德福", "1", "02", OLD, "2")])]:
        for member in members:
            rows.append(["汪建华", CLERK, "20260810", number, town, "五河镇", "中山村", name, pid, programme, str(len(members)),
                         *member])
    path.write_bytes("\r\n".join(",".join(r) for r in rows).encode("gbk"))
    return path


def _lists(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["工作单位", "姓名", "身份证号码", "人员类别"])
    book.active.append(["岳西县五河镇人民政府", "汪建华", CLERK, "公务员"])
    book.save(tmp_path / "staff.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号", "死亡日期", "注销原因"])
    book.active.append(["刘娟英", WIFE, "20260705", "死亡"])
    book.save(tmp_path / "deaths.xlsx")
    return {"staff": tmp_path / "staff.xlsx", "deaths": tmp_path / "deaths.xlsx"}


@pytest.mark.parametrize("labels", [FULL, BARE])
def test_an_applicants_group_written_once_keeps_its_columns_apart_from_the_members(tmp_path, labels):
    # h454: 申请人信息 written once ended at 行政区划代码 (no attribute of a person): under full labels 申请编号 was lost
    # (申请人信息申请编号, the verdicts without it); under bare ones the applicant's 姓名 was every member's, the dead wife
    # 刘娟英 matched by ID beside the name 储文明, 中
    result = screen([_batch(tmp_path / "新申请家庭_批次3.csv", labels)], _lists(tmp_path), dt.date(2026, 9, 30))
    v = result.verdicts
    assert sorted(zip(v["申请编号"], v["户主身份证号"], v["家庭人口"], v["结论"])) == [
        ("SQ202600041", HEAD, 2, "有疑点"), ("SQ202600045", OLD, 1, "无疑点"), ("SQ202600047", UNABLE, 1, "无疑点")]
    f = result.findings
    # must flag: the wife, dead before the as-of date, by her own name and ID
    assert list(zip(*[f.loc[f["类别代码"] == "C02", c] for c in ("姓名", "身份证号", "置信度")])) == [("刘娟英", WIFE, "高")]
    # must not flag: the clerk on the staff list is no applicant; the unable 特困 applicant is a lead only
    assert CLERK not in set(f["身份证号"])
    assert list(zip(f.loc[f["类别代码"] == "S01", "身份证号"], f.loc[f["类别代码"] == "S01", "置信度"])) == [(UNABLE, "低")]
