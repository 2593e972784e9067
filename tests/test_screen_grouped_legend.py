"""screen: an 申请审批系统's GBK CSV — 经办人 columns first, 申请人信息 | 家庭成员信息 written once over the labels, the
codes explained in the title (h454)."""
import datetime as dt

import openpyxl
import pytest

from rostercheck.screen import screen
from helpers import make_id

CLERK = make_id("19850312", 17)
TITLE = ("岳西县2026年第三季度低保新申请家庭信息（申请类别：1城市低保 2农村低保 3特困供养；性别：1男 2女；"
         "与申请人关系：02户主 10配偶 20子 30女；劳动能力：1有劳动能力 2丧失劳动能力）")
GROUPS = ["经办信息", "", "申请人信息", "", "", "", "", "", "", "家庭成员信息", "", "", "", ""]
LABELS = ["经办人", "经办人身份证号", "申请编号", "乡镇（街道）", "村（社区）", "申请人姓名", "申请人身份证号", "申请类别", "家庭人口",
          "成员姓名", "性别", "与申请人关系", "成员身份证号", "劳动能力"]


def _batch(path, grouped: bool, families):
    rows = [[TITLE] + [""] * (len(LABELS) - 1)] + ([GROUPS] if grouped else []) + [LABELS]
    for number, name, pid, programme, labour in families:
        rows.append(["汪建华", CLERK, number, "五河镇", "中山村", name, pid, programme, "1", name, "1", "02", pid, labour])
    path.write_bytes("\n".join(",".join(r) for r in rows).encode("gbk"))
    return path


def _staff(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["工作单位", "姓名", "身份证号码", "人员类别"])
    book.active.append(["岳西县五河镇人民政府", "汪建华", CLERK, "公务员"])
    book.save(tmp_path / "staff.xlsx")
    return tmp_path / "staff.xlsx"


@pytest.mark.parametrize("grouped", [True, False])
def test_the_titles_legend_reads_a_labour_code_under_a_group_written_once(tmp_path, grouped):
    # h454: in the GBK CSV the group 家庭成员信息 glued to 劳动能力 hid the column from its title's legend: a 45-year-old
    # 特困 applicant coded 2 (丧失劳动能力) was S01 "需核实劳动能力" at 中, 有疑点
    unable, able, old = make_id("19810303", 31), make_id("19810404", 33), make_id("19500505", 35)
    families = [("SQ202600047", "方海海", unable, "3", "2"),  # must not flag: unable, a lead only
                ("SQ202600046", "储文明", able, "3", "1"),  # must flag: able, of working age, applying for 特困
                ("SQ202600045", "江德福", old, "3", "1")]  # must not flag: 76, no ability needed
    path = _batch(tmp_path / "新申请家庭_批次3.csv", grouped, families)
    result = screen([path], {"staff": _staff(tmp_path)}, dt.date(2026, 9, 30))
    v = result.verdicts.sort_values("户主身份证号")
    assert sorted(zip(v["户主身份证号"], v["结论"])) == sorted([(unable, "无疑点"), (able, "有疑点"), (old, "无疑点")])
    s01 = result.findings[result.findings["类别代码"] == "S01"]
    assert sorted(zip(s01["身份证号"], s01["置信度"])) == sorted([(able, "中"), (unable, "低")])
    # the clerk on the staff list is no applicant
    assert CLERK not in set(result.findings["身份证号"])
    assert any("劳动能力" in w and "表头或标题中的说明" in w for w in result.warnings)
