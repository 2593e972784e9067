"""review and screen on a system-export county (h460: 汶上县 370830, 家庭信息 + 家庭成员信息 joined by 家庭编号, codes
explained in a folder's 数据字典.xlsx, township returns retyped and re-coded, coded applications with 代办人 columns)."""

from __future__ import annotations

import pytest
from helpers import make_id, workbook

from rostercheck.classify import classify_file

HEAD = make_id("19600101", 111, "370830")
HH = ["家庭编号", "所属乡镇", "所属村（社区）", "户主姓名", "户主身份证号", "保障类别", "家庭人口", "月保障金"]
MEM = ["家庭编号", "成员姓名", "证件类型", "证件号码", "性别", "与户主关系"]
DICTIONARY = [("保障类别", "01", "城市低保"), ("保障类别", "02", "农村低保"), ("性别", "1", "男"), ("性别", "2", "女"),
              ("与户主关系", "02", "户主"), ("与户主关系", "10", "配偶")]


# A folder's 数据字典 is said to be the rosters' code table whatever its last row names (h460: its last row, 证件类型 | 1 |
# 居民身份证, names a roster column, and the file was said to be a roster "只有表头、没有数据行（空白模板？）" in the audit's,
# review's and screen's file tables while its codes were read for the roster beside it)
@pytest.mark.parametrize("last_rows", [
    [("证件类型", "1", "居民身份证")],                                  # must be said to be a code table (was 空白模板)
    [("证件类型", "1", "居民身份证"), ("审批状态", "1", "待审核")],    # said so before too
    [],
])
def test_a_folders_dictionary_naming_a_roster_column_is_said_to_be_its_code_table(tmp_path, last_rows):
    workbook(tmp_path / "汶上县救助对象信息_2026年9月.xlsx",
             [("家庭信息", HH, [["WS0001", "370830100", "370830100200", "张三", HEAD, "02", 1, 516]]),
              ("家庭成员信息", MEM, [["WS0001", "张三", "1", HEAD, "1", "02"]])])
    path = workbook(tmp_path / "数据字典.xlsx", [("数据字典", ["字段名称", "代码", "代码名称"], DICTIONARY + last_rows)])
    place = classify_file(path)
    assert place.kind is None and place.code_table, place.why
    assert "代码说明表" in place.why and "空白模板" not in place.why


# An ID the county's list kept as a number whose 15th digit, rounded half up, carried into the birth date (…19620202|96…
# kept as …19620203|0000) is found by the name and the digits less the carry (h460: 4 of 162 earlier findings — a
# dead wife still enrolled, a 保障人口 left at 3 after her row was deleted — were 已整改 "本期花名册中也找不到")
WIFE = make_id("19620202", 962, "370830")      # 15th digit 9, 16th 6: rounds up into the date
SON = make_id("19900303", 131, "370830")
OTHER = make_id("19620203", 21, "370830")      # born the day the carry names
ROSTER = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "家庭人口", "保障人口"]


def _carried(pid: str) -> str:
    return str(int(round(int(pid[:16]) / 10)) * 1000)  # 15 digits rounded half up, then Excel's zeros


def _review_of(tmp_path, prev_rows, roster_rows):
    import datetime as dt

    import pandas as pd

    from rostercheck.review import review

    base = {"类别名称": "死亡", "置信度": "高", "乡镇": "南站镇", "村": "东村", "与户主关系": "配偶", "保障类别": "低保",
            "依据": "《死亡人员名单（死亡.xlsx）》第 3 行：死亡日期 2026-03-01；身份证号一致"}
    pd.DataFrame([{**base, **r} for r in prev_rows]).to_csv(tmp_path / "findings.csv", index=False, encoding="utf-8-sig")
    others = [["南站镇", "西村", f"王{i}", pid, f"王{i}", "户主", pid, 1, 1]  # (households whose 保障人口 fits their rows)
              for i, pid in enumerate(make_id(f"1970010{i}", 11, "370830") for i in range(1, 6))]
    roster = workbook(tmp_path / "汶上县2026年第三季度农村低保花名册.xlsx", [("Sheet1", ROSTER, roster_rows + others)])
    rows = review(tmp_path / "findings.csv", [roster], dt.date(2026, 9, 30)).rows
    return {(r["姓名"]): (r["整改状态"], r["说明"]) for _, r in rows.iterrows()}


def _household(wife_listed=True, size=3, wife_name="李梅", wife_id=WIFE):
    rows = [["南站镇", "东村", "张三", HEAD, "张三", "户主", HEAD, size, size],
            ["南站镇", "东村", "张三", HEAD, "张军", "子", SON, size, size]]
    if wife_listed:
        rows.insert(1, ["南站镇", "东村", "张三", HEAD, wife_name, "配偶", wife_id, size, size])
    return rows


@pytest.mark.parametrize("roster_rows, prev_id, expected, said", [
    (_household(), _carried(WIFE), "未整改", "按姓名和身份证号前几位找到"),                 # must stay open (was 已整改)
    (_household(wife_listed=False, size=2), _carried(WIFE), "已整改", "已不在新花名册中"),  # gone: rectified
    (_household(wife_name="李梅", wife_id=OTHER), _carried(OTHER), "未整改", "前几位找到"),  # no carry: as before
    (_household(wife_name="王芳"), _carried(WIFE), "已整改", "已不在新花名册中"),            # another name: never her
])
def test_an_id_whose_rounding_carried_into_the_birth_date_is_still_found(tmp_path, roster_rows, prev_id, expected, said):
    assert _carried(WIFE)[:14] != WIFE[:14]
    got = _review_of(tmp_path, [{"类别代码": "C02", "姓名": "李梅", "身份证号": prev_id, "户主姓名": "张三",
                                 "户主身份证号": HEAD}], roster_rows)
    assert got["李梅"][0] == expected and said in got["李梅"][1], got


@pytest.mark.parametrize("size, expected", [(3, "未整改"), (2, "已整改")])
def test_a_deleted_members_household_still_counting_her_is_found_by_a_head_id_kept_as_a_number(tmp_path, size, expected):
    # her row deleted and the household still 保障人口 3 (must stay open), or cut to 2 (rectified); the head's ID in the
    # county's list kept as a number (h460: 已整改 when the head's ID was not whole)
    head_cut = _carried(HEAD)
    got = _review_of(tmp_path, [{"类别代码": "C02", "姓名": "李梅", "身份证号": _carried(WIFE), "户主姓名": "张三",
                                 "户主身份证号": head_cut}], _household(wife_listed=False, size=size))
    assert got["李梅"][0] == expected, got
    assert ("保障人口仍写 3 人" in got["李梅"][1]) == (expected == "未整改")


# A relative an application lists who does not live with the family (是否共同生活 否/0) is no member of it: not checked,
# not counted, said (h460: a brother living apart, a civil servant, made two families 有疑点 at C01 高)
APPLICANT, BROTHER = make_id("19800101", 111, "370830"), make_id("19780202", 131, "370830")
APPLY = ["申请编号", "乡镇（街道）", "村（社区）", "申请人姓名", "申请人身份证号", "申请类别", "代办人姓名", "代办人身份证号",
         "成员姓名", "成员身份证号", "与申请人关系", "是否共同生活", "家庭人口"]


def _screened(tmp_path, flag):
    import datetime as dt

    from rostercheck.screen import screen

    rows = [["SQ01", "南站镇", "东村", "李强", APPLICANT, "农村低保", "", "", "李强", APPLICANT, "本人", "是", 1],
            ["SQ01", "南站镇", "东村", "李强", APPLICANT, "农村低保", "", "", "李刚", BROTHER, "兄弟姐妹", flag, 1]]
    apps = workbook(tmp_path / "低保申请家庭成员信息.xlsx", [("Sheet1", APPLY, rows)])
    staff = workbook(tmp_path / "财政供养人员.xlsx", [("Sheet1", ["工作单位", "姓名", "身份证号", "人员类别"],
                                                      [["汶上县人社局", "李刚", BROTHER, "公务员"]])])
    return screen([apps], {"staff": staff}, dt.date(2026, 9, 30))


@pytest.mark.parametrize("flag, verdict, said", [
    ("否", "无疑点", "不是共同生活的家庭成员"),   # must not flag (was 有疑点, C01 高)
    ("0", "无疑点", "不是共同生活的家庭成员"),    # must not flag
    ("是", "有疑点", ""),                          # must flag: he lives with the family
    ("1", "有疑点", ""),                           # must flag
    ("待定", "有疑点", "未能识别"),                # unread: checked as a member, said
    # 否 with a remark, or words saying apart, are 否 (h464: checked as a member, the form said to hold a code)
    ("否（在外务工）", "无疑点", "不是共同生活的家庭成员"),
    ("不同住", "无疑点", "不是共同生活的家庭成员"),
    ("未共同生活", "无疑点", "不是共同生活的家庭成员"),
    ("是（长期同住）", "有疑点", ""),
    ("是否", "有疑点", "未能识别"),                # must stay: the header's words copied into the cell say neither
    ("2", "有疑点", "未能识别"),                   # must stay: a code no header explains
])
def test_a_relative_listed_as_not_living_with_the_family_is_no_member(tmp_path, flag, verdict, said):
    result = _screened(tmp_path, flag)
    assert result.verdicts["结论"].tolist() == [verdict], result.verdicts.to_dict("records")
    notes = " ".join(result.warnings)
    assert (said in notes) if said else "是否共同生活" not in notes, notes


# A township's retyped ledger (no 证据指纹) naming its township and villages in words beside the county's findings.csv
# of a system export, which gives them as 统计用区划代码, is put on the county's findings (h460: 寅寺镇's 17 rows placed
# none, each finding counted twice and 370830103 said unreturned; its D01 row, whose 问题描述 names no list, said added by
# the township, then said deleted)
def _county_and_return(tmp_path, extra_rows=()):
    import pandas as pd

    staff = make_id("19700404", 441, "370830")
    base = {"置信度": "高", "乡镇": "370830103", "村": "370830103200", "户主姓名": "张三", "户主身份证号": HEAD,
            "保障类别": "低保", "类别名称": ""}
    county = [
        {**base, "类别代码": "C02", "姓名": "李梅", "身份证号": WIFE, "与户主关系": "配偶",
         "依据": "《死亡人员名单（死亡.xlsx）》第 3 行：李梅，死亡日期 2026-03-01；身份证号一致", "证据指纹": "EV-0000000000000001"},
        {**base, "类别代码": "C01", "姓名": "张三", "身份证号": HEAD, "与户主关系": "户主",
         "依据": "《财政供养人员名单（财政.xlsx）》第 2 行：张三；身份证号一致", "证据指纹": "EV-0000000000000002"},
        {**base, "类别代码": "C04", "姓名": "张三", "身份证号": HEAD, "与户主关系": "户主",
         "依据": "《机动车登记信息（车.xlsx）》第 4 行：小型轿车；身份证号一致", "证据指纹": "EV-0000000000000003"},
        {**base, "类别代码": "C01", "姓名": "王五", "身份证号": staff, "户主姓名": "王五", "户主身份证号": staff,
         "与户主关系": "户主", "依据": "《财政供养人员名单（财政.xlsx）》第 3 行：王五；身份证号一致", "证据指纹": "EV-0000000000000004"},
        {**base, "类别代码": "D01", "姓名": "张军", "身份证号": SON, "与户主关系": "子",
         "依据": "身份证号一致，低保与特困重复：另见 特困《特困.xlsx》第 9 行", "证据指纹": "EV-0000000000000005"},
    ]
    pd.DataFrame(county).to_csv(tmp_path / "findings.csv", index=False, encoding="utf-8-sig")
    header = ["序号", "乡镇", "村", "姓名", "身份证号", "问题类别", "问题描述", "核实情况", "整改结果"]
    rows = [[n + 1, "寅寺镇", "寅寺东村", f["姓名"], f["身份证号"], f["类别代码"],
             "低保与特困重复享受" if f["类别代码"] == "D01" else f["依据"][:24], "已入户核实", "已整改"]
            for n, f in enumerate(county)] + [list(r) for r in extra_rows]
    ret = workbook(tmp_path / "寅寺镇整改台账.xlsx", [("整改台账", header, rows)])
    roster = workbook(tmp_path / "汶上县2026年第三季度农村低保花名册.xlsx", [("Sheet1", ROSTER, [
        ["370830103", "370830103200", "张三", HEAD, "张三", "户主", HEAD, 2, 2],
        ["370830103", "370830103200", "张三", HEAD, "张军", "子", SON, 2, 2],
        ["370830103", "370830103200", "王五", staff, "王五", "户主", staff, 1, 1]])])
    return tmp_path / "findings.csv", ret, roster


def test_a_retyped_return_naming_its_township_in_words_is_put_on_the_county_codes_findings(tmp_path):
    import datetime as dt

    from rostercheck.review import review

    added = [6, "寅寺镇", "寅寺东村", "刘六", make_id("19660606", 661, "370830"), "C04", "群众反映家有小汽车", "已入户核实",
             "已整改"]
    county, ret, roster = _county_and_return(tmp_path, [added])
    result = review([county, ret], [roster], dt.date(2026, 9, 30))
    rows = result.rows
    assert len(rows) == 5, rows[["类别代码", "姓名", "乡镇", "乡镇填报状态"]].to_dict("records")  # (was 10: each twice)
    assert (rows["乡镇填报状态"] == "已整改").all()          # every row's return read
    notes = " ".join(result.warnings)
    assert "张军" not in notes or "自行添加" not in notes.split("张军")[0][-200:], notes  # the D01 is the county's
    assert "刘六" in notes and "自行添加" in notes           # a row no list holds is still the township's own
    assert "没有退回" not in notes, notes


def test_a_retyped_returns_roster_category_row_naming_no_list_is_no_row_the_township_added(tmp_path):
    # given alone: its D01 row's 问题描述 "低保与特困重复享受" names no list, as no D01 (D02, D03, C08: the roster is their
    # source) needs to — kept (h460: said added by the township and left out); a C04 naming no list is still the
    # township's own
    import datetime as dt

    from rostercheck.review import review

    added = [6, "寅寺镇", "寅寺东村", "刘六", make_id("19660606", 661, "370830"), "C04", "群众反映家有小汽车", "已入户核实",
             "已整改"]
    _county, ret, roster = _county_and_return(tmp_path, [added])
    result = review([ret], [roster], dt.date(2026, 9, 30))
    assert sorted(result.rows["类别代码"]) == ["C01", "C01", "C02", "C04", "D01"], result.rows[["类别代码", "姓名"]]
    notes = " ".join(result.warnings)
    assert "刘六" in notes and "张军" not in notes, notes


# A comparison platform's 疑点核查处理表 returned by a township: 行政区划代码 of the village (12 digits) beside the county's
# 9-digit township codes, 疑点类型 in words, 核查结论 and 处理结果 as codes its headers explain (h460: every row placed
# none and read by its words as a finding of its own; 核查结论 2 不属实 left as "2", the car 未整改; a person's D01 in
# another township given this one's status, that township said to have deleted its other rows)
PLATFORM = ["序号", "行政区划代码", "对象姓名", "证件号码", "疑点类型", "核查结论（1属实 2不属实）",
            "处理结果（1已清退 2已整改 3无需处理）"]


def _platform_review(tmp_path, rows):
    import datetime as dt

    import pandas as pd

    from rostercheck.review import review

    dup = make_id("19500505", 551, "370830")
    base = {"置信度": "高", "乡镇": "370830101", "村": "370830101202", "户主姓名": "张三", "户主身份证号": HEAD,
            "保障类别": "低保", "类别名称": "", "与户主关系": "户主", "姓名": "张三", "身份证号": HEAD}
    county = [
        {**base, "类别代码": "C04", "依据": "《机动车登记信息（车.xlsx）》第 4 行：小型轿车；身份证号一致", "证据指纹": "EV-1"},
        {**base, "类别代码": "C08", "置信度": "中", "依据": "花名册第 3 行：有劳动能力", "证据指纹": "EV-2"},
        {**base, "类别代码": "D01", "姓名": "周七", "身份证号": dup, "与户主关系": "父母",
         "依据": "身份证号一致，低保与特困重复：另见 特困《特困.xlsx》第 9 行", "证据指纹": "EV-3"},
        {**base, "类别代码": "D01", "乡镇": "370830103", "村": "370830103200", "户主姓名": "周七", "户主身份证号": dup,
         "姓名": "周七", "身份证号": dup, "保障类别": "特困",
         "依据": "身份证号一致，低保与特困重复：另见 低保《低保.xlsx》第 3 行", "证据指纹": "EV-4"},
        {**base, "类别代码": "C01", "乡镇": "370830103", "村": "370830103200", "户主姓名": "周七", "户主身份证号": dup,
         "姓名": "周七", "身份证号": dup, "保障类别": "特困", "依据": "《财政供养人员名单（财政.xlsx）》第 2 行", "证据指纹": "EV-5"},
    ]
    pd.DataFrame(county).to_csv(tmp_path / "findings.csv", index=False, encoding="utf-8-sig")
    ret = workbook(tmp_path / "南旺镇疑点核查处理表.xlsx", [("疑点核查", PLATFORM, rows)])
    roster = workbook(tmp_path / "汶上县2026年第三季度农村低保花名册.xlsx", [("Sheet1", ROSTER, [
        ["370830101", "370830101202", "张三", HEAD, "张三", "户主", HEAD, 2, 2],
        ["370830101", "370830101202", "张三", HEAD, "周七", "父母", dup, 2, 2]])])
    result = review([tmp_path / "findings.csv", ret], [roster], dt.date(2026, 9, 30))
    got = {(r["类别代码"], r["乡镇"]): (r["整改状态"], r["乡镇填报状态"]) for _, r in result.rows.iterrows()}
    return got, " ".join(result.warnings)


@pytest.mark.parametrize("kind", ["家庭拥有机动车", ""])   # the 疑点类型 in words, or no such column's word at all
def test_a_platforms_coded_return_is_read_by_its_headers_and_its_township(tmp_path, kind):
    dup = make_id("19500505", 551, "370830")
    rows = [[1, "370830101202", "张三", HEAD, kind, "2", "3"],                   # the car: 不属实, 无需处理
            [2, "370830101202", "周七", dup, kind and "低保特困重复享受", "1", "1"]]  # D01 here: 属实, 已清退
    if not kind:
        rows = rows[1:]
    got, notes = _platform_review(tmp_path, rows)
    if kind:
        assert got[("C04", "370830101")][0] == "核实无问题", got        # must (was 未整改, 核查结论 "2" unread)
        assert got[("C08", "370830101")][1] == "", got                 # the car's row is no verdict on the C08
    assert got[("D01", "370830101")][1] == "已清退", got
    assert got[("D01", "370830103")][1] == "", got                     # must not: another township's D01
    assert "370830103退回" not in notes, notes                         # that township returned nothing


# A prisoner stopped, released and approved again, whose ID the county's list kept as a number: found by name and the
# digits kept (中), not 已整改 on that, but the new approval after the sentence's end is said (h460: only "乡镇填报已整改，
# 但仍在册" — the township not told why it was not counted)
@pytest.mark.parametrize("cut, expected, said", [
    (False, "已整改", "按已整改计"),                   # the whole ID: re-admitted, rectified (as before)
    (True, "未整改", "如确为同一人，应按已整改计"),     # must say the re-approval (was silent)
])
def test_a_readmitted_prisoner_found_by_a_cut_id_is_open_and_said(tmp_path, cut, expected, said):
    import datetime as dt

    import pandas as pd

    from rostercheck.review import review

    prev = [{"类别代码": "C02", "类别名称": "服刑", "置信度": "高", "乡镇": "寅寺镇", "村": "东村", "户主姓名": "张三",
             "户主身份证号": _carried(HEAD) if cut else HEAD, "姓名": "张三", "身份证号": _carried(HEAD) if cut else HEAD,
             "与户主关系": "户主", "保障类别": "低保", "整改状态": "已停发",
             "依据": "《服刑人员名单（服刑.xlsx）》第 2 行：入监日期 2025-03-01，刑期止日 2026-07-20；身份证号一致"}]
    pd.DataFrame(prev).to_csv(tmp_path / "findings.csv", index=False, encoding="utf-8-sig")
    header = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "审批日期"]
    others = [["寅寺镇", "西村", f"王{i}", pid, f"王{i}", "户主", pid, "2024-03-01"]
              for i, pid in enumerate(make_id(f"1970010{i}", 11, "370830") for i in range(1, 6))]
    roster = workbook(tmp_path / "汶上县2026年第三季度农村低保花名册.xlsx", [("Sheet1", header, [
        ["寅寺镇", "东村", "张三", HEAD, "张三", "户主", HEAD, "2026-08-05"], *others])])
    rows = review(tmp_path / "findings.csv", [roster], dt.date(2026, 9, 30)).rows
    assert rows["整改状态"].tolist() == [expected] and said in rows["说明"].iat[0], rows["说明"].iat[0]
