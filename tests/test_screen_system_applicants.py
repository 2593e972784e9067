"""screen on a provincial system's application export whose member rows leave the applicant out (h440)."""
import datetime as dt

import openpyxl
import pandas as pd
import pytest
from filebuild import write_list
from helpers import make_id

from rostercheck.io.system_layout import applicants_added
from rostercheck.screen import screen

SUN, SUN_W = make_id("19580101", 211, "430522"), make_id("19600101", 222, "430522")
CHU, CHU_W = make_id("19570101", 291, "430522"), make_id("19590101", 282, "430522")
ZHENG, ZHENG_S = make_id("19550101", 261, "430522"), make_id("19900101", 271, "430522")
FENG, FENG_STAFF = make_id("19520101", 231, "430522"), make_id("19850505", 991, "430521")
AGENT = make_id("19700101", 311, "430522")  # an agent who is on the staff list and owns a car: no member
HEADER = ["申请编号", "行政区划代码", "申请类别", "申请人姓名", "申请人身份证号", "代理人姓名", "代理人身份证号",
          "成员姓名", "与申请人关系", "性别", "成员身份证号", "家庭人口"]


def _apps(path, head_label="申请人身份证号"):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "申请家庭成员"
    ws.append([head_label if h == "申请人身份证号" else h for h in HEADER])
    rows = [("SQ202600001", "孙一", SUN, [("钱芳", "10", "2", SUN_W)]),  # the applicant is on the staff list
            ("SQ202600002", "褚七", CHU, [("何丽", "10", "2", CHU_W)]),  # the applicant owns a car
            ("SQ202600003", "郑四", ZHENG, [("郑小四", "20", "1", ZHENG_S)]),  # a motorcycle only
            ("SQ202600004", "冯五", FENG, [("", "", "", "")])]  # one person, a blank member row; a namesake on staff
    for no, name, pid, members in rows:
        for m in members:
            ws.append([no, "430522100001", "1", name, pid, "王代理", AGENT, *m, str(len(members) + 1)])
    book.save(path)


def _lists(tmp_path):
    write_list(tmp_path / "staff.xlsx", "staff", [["县水利局", "孙一", SUN, "公务员"], ["县公安局", "冯五", FENG_STAFF, "公务员"],
                                                  ["县财政局", "王代理", AGENT, "公务员"]])
    write_list(tmp_path / "vehicles.xlsx", "vehicles", [["湘N12345", "普通二轮摩托车", "郑四", ZHENG, "正常"],
                                                       ["湘N88888", "小型轿车", "褚七", CHU, "正常"],
                                                       ["湘N66666", "小型轿车", "王代理", AGENT, "正常"]])
    return {"staff": tmp_path / "staff.xlsx", "vehicles": tmp_path / "vehicles.xlsx"}


def test_applicants_left_out_of_the_member_rows_are_checked(tmp_path):
    # h440 (J): the applicant's car (C04) and business (C05) were never checked: 8/10 held families found → 10/10
    _apps(tmp_path / "apps.xlsx")
    result = screen([tmp_path / "apps.xlsx"], _lists(tmp_path), dt.date(2026, 9, 30))
    verdicts = dict(zip(result.verdicts["户主姓名"], result.verdicts["结论"]))
    assert verdicts == {"孙一": "有疑点", "褚七": "有疑点", "郑四": "无疑点", "冯五": "无疑点"}
    found = result.findings
    assert sorted(zip(found["类别代码"], found["姓名"])) == [("C01", "孙一"), ("C04", "褚七")]
    assert AGENT not in set(found["身份证号"])  # (the agent, on both lists, is no member)
    assert any("没有申请人本人" in w and "补入申请人" in w for w in result.warnings)


def test_a_rosters_head_left_out_of_its_member_rows_is_not_added(tmp_path):
    # must not: a roster's 户主 need not be a recipient (单人户施保): the same table headed 户主身份证号 is left as it is
    _apps(tmp_path / "apps.xlsx", head_label="户主身份证号")
    result = screen([tmp_path / "apps.xlsx"], _lists(tmp_path), dt.date(2026, 9, 30))
    assert "孙一" not in set(result.findings["姓名"]) and "褚七" not in set(result.findings["姓名"])
    assert not any("补入申请人" in w for w in result.warnings)


@pytest.mark.parametrize("label, members, added, order", [
    # must add: the applicant before the family's first row
    ("申请人身份证号", [("钱芳", SUN_W, "配偶")], 1, [SUN, SUN_W]),
    ("申请人证件号码", [("钱芳", SUN_W, "配偶"), ("孙小", ZHENG_S, "子")], 1, [SUN, SUN_W, ZHENG_S]),
    # a blank member row takes the applicant
    ("申请人身份证号", [("", "", "")], 1, [SUN]),
    # must not: listed by ID, by name with another ID spelling, or by a relation naming the applicant
    ("申请人身份证号", [("孙一", SUN, "本人"), ("钱芳", SUN_W, "配偶")], 0, [SUN, SUN_W]),
    ("申请人身份证号", [("孙一", SUN[:-1] + ("1" if SUN[-1] != "1" else "2"), "户主"), ("钱芳", SUN_W, "配偶")], 0, None),
    ("申请人身份证号", [("孙 一", "", "配偶")], 0, None),
    # not an application's column: a roster's 户主, an agent's
    ("户主身份证号", [("钱芳", SUN_W, "配偶")], 0, [SUN_W]),
    ("代理人身份证号", [("钱芳", SUN_W, "配偶")], 0, [SUN_W]),
])
def test_an_application_family_gets_its_applicant_once(label, members, added, order):
    frame = pd.DataFrame([{"household_no": "SQ1", "head_name": "孙一", "head_id": SUN, "name": n, "id": i, "relation": r,
                           "declared_income": "300", "labour": "丧失劳动能力", "_row": 2 + k, "_sheet": "申请家庭成员"}
                          for k, (n, i, r) in enumerate(members)]).astype("category")
    out, n = applicants_added(frame, {"head_id": label})
    assert n == added
    if order is not None:
        assert [str(x) for x in out["id"]] == order
    if added:
        head = out[out["id"] == SUN].iloc[0]
        assert head["relation"] == "户主" and head["declared_income"] == "300" and head["_row"] == 2
        # a member's own cells are not the applicant's (a blank member row keeps its own: the one person's)
        assert pd.isna(head["labour"]) if members[0][1] else head["labour"] == "丧失劳动能力"
