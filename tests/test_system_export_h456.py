"""A fourth precision audit of a system export (h456: 临泽县 620723, 家庭信息 + 家庭成员信息 joined by 家庭编号 with a
人员类别 column on the member sheet, a 证件类型 column with 残疾人证 rows, grouped two-row list headers)."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import make_id, workbook

from rostercheck.io.table import load_table
from rostercheck.roster import build_members, card_ids

HEAD_A, SON_A = make_id("19600101", 111, "620723"), make_id("20060303", 333, "620723")
HEAD_B, WIFE_B = make_id("19700404", 441, "620723"), make_id("19720505", 552, "620723")
HH = ["家庭编号", "户主姓名", "户主证件号码", "所属乡镇", "保障类别", "供养方式", "保障人口", "保障金额"]
MEM = ["家庭编号", "成员姓名", "证件类型", "证件号码", "性别", "与户主关系", "人员类别", "劳动能力", "健康状况"]


def _members(tmp_path, household_rows, member_rows, member_header=MEM):
    path = workbook(tmp_path / "临泽县救助对象.xlsx", [("家庭信息", HH, household_rows),
                                                    ("家庭成员信息", member_header, member_rows)])
    return build_members([load_table(path, "roster")], dt.date(2026, 6, 30)).set_index("id")


# The member sheet's 人员类别 (老年人, 在校学生 …: who the member is) is no programme: the household sheet's 保障类别 decides,
# and a 供养方式 column beside it (blank for 低保 families) makes no 低保 family 特困 (h456: all 122 低保 families were 特困,
# compared with the 特困 standard, C06 missed)
@pytest.mark.parametrize("category_label, programme_a, expected_a", [
    ("人员类别", "城市低保", "低保"),    # must read 低保 from the household sheet
    ("人员类别", "特困供养", "特困"),    # must read 特困 from the household sheet
    ("保障类别", "城市低保", "特困"),    # a member sheet's own 保障类别 still wins (its cell says 特困)
])
def test_the_household_sheets_programme_wins_over_a_member_sheets_person_category(tmp_path, category_label, programme_a,
                                                                                   expected_a):
    header = [category_label if h == "人员类别" else h for h in MEM]
    cat = "特困" if category_label == "保障类别" else "老年人"
    m = _members(tmp_path,
                 [["F0001", "张三", HEAD_A, "620723100000", programme_a, "", 2, 1432],
                  ["F0002", "李四", HEAD_B, "620723101000", "农村低保", "", 2, 1032]],
                 [["F0001", "张三", "居民身份证", HEAD_A, "男", "户主", cat, "丧失劳动能力", "患病"],
                  ["F0001", "张军", "居民身份证", SON_A, "男", "子", cat if category_label == "保障类别" else "在校学生",
                   "有劳动能力", "健康"],
                  ["F0002", "李四", "居民身份证", HEAD_B, "男", "户主", "农村劳动力", "有劳动能力", "患病"],
                  ["F0002", "王芳", "居民身份证", WIFE_B, "女", "配偶", "农村劳动力", "有劳动能力", "健康"]],
                 member_header=header)
    assert m.loc[HEAD_A, "programme"] == m.loc[SON_A, "programme"] == expected_a
    assert m.loc[HEAD_B, "programme"] == m.loc[WIFE_B, "programme"] == ("特困" if category_label == "保障类别" else "低保")


def test_a_person_category_saying_student_is_the_members_school(tmp_path):
    # 人员类别 在校学生: C08's 在校情况 (h456: 29 students of 18–20 were 中 leads "在校情况未填"); 农村劳动力 says nothing
    m = _members(tmp_path,
                 [["F0001", "张三", HEAD_A, "620723100000", "农村低保", "", 2, 1032],
                  ["F0002", "李四", HEAD_B, "620723101000", "农村低保", "", 2, 1032]],
                 [["F0001", "张三", "居民身份证", HEAD_A, "男", "户主", "老年人", "丧失劳动能力", "患病"],
                  ["F0001", "张军", "居民身份证", SON_A, "男", "子", "在校学生", "有劳动能力", "健康"],
                  ["F0002", "李四", "居民身份证", HEAD_B, "男", "户主", "农村劳动力", "有劳动能力", "患病"],
                  ["F0002", "王芳", "居民身份证", WIFE_B, "女", "配偶", "农村劳动力", "有劳动能力", "健康"]])
    assert m.loc[SON_A, "school"] == "在校学生"
    assert not m.loc[WIFE_B, "school"] and not m.loc[HEAD_A, "school"]


# A 残疾人证号 (the ID, the category digit 1–7, the level digit 1–4) given under 证件类型 残疾人证 is its holder's ID
@pytest.mark.parametrize("cell, kind, expected", [
    (HEAD_A + "41", "残疾人证", HEAD_A),            # must: the ID inside the card number
    (HEAD_A + " 41", "残疾人证", HEAD_A),           # must: a space before the two digits
    (HEAD_A + "41", "居民身份证", HEAD_A + "41"),   # must not: another document type says nothing of the two digits
    (HEAD_A + "81", "残疾人证", HEAD_A + "81"),     # must not: no category 8
    (HEAD_A[:-1] + "0" + "41", "残疾人证", HEAD_A[:-1] + "041"),  # must not: the ID inside fails its check
    (None, "残疾人证", None),
    # h458: must read the 22-character number (two characters more), and a card number whose 证件类型 is blank
    (HEAD_A + "4102", "残疾人证", HEAD_A), (HEAD_A + "41", "", HEAD_A), (HEAD_A + "41", None, HEAD_A),
    # must not: a number under another document type, a card number with a stray character, one character more
    (HEAD_A + "4102", "护照", HEAD_A + "4102"), (HEAD_A + "41#2", "残疾人证", HEAD_A + "41#2"),
    (HEAD_A + "410", "残疾人证", HEAD_A + "410"),
])
def test_a_disability_card_number_gives_its_holders_id(cell, kind, expected):
    if expected and expected != HEAD_A and HEAD_A[-1] == "0":
        pytest.skip("the check character happens to be 0")
    assert card_ids([cell], [kind]) == [expected]


def test_a_member_listed_by_his_disability_card_is_no_invalid_id(tmp_path):
    m = _members(tmp_path,
                 [["F0001", "张三", HEAD_A, "620723100000", "农村低保", "", 2, 1032]],
                 [["F0001", "张三", "01", HEAD_A, "1", "02", "老年人", "丧失劳动能力", "患病"],
                  ["F0001", "张军", "残疾人证", SON_A + "42", "1", "20", "其他", "丧失劳动能力", "残疾"]])
    assert m.loc[SON_A, "id_status"] == "valid"


CADRE, SPOUSE, CLERK = make_id("19700101", 111, "620723"), make_id("19720202", 222, "620723"), make_id("19880808", 333, "620723")


# A cadre list's own group (干部信息) over bare 乡镇 | 职务 | 联系电话, beside groups naming other people (配偶信息, 紧急联系人,
# 录入信息): the labels under 干部信息 are the cadre's (h456: only 姓名 | 身份证号 were read, RQ3 missed the cadre's phone)
@pytest.mark.parametrize("groups, own", [
    # must read the cadre's township, post and phone
    ([("干部信息", 6), ("配偶信息", 2), ("紧急联系人", 2), ("录入信息", 2)], True),
    ([("干部信息", 6), ("录入信息", 2)], True),
    ([("基本信息", 6), ("配偶信息", 2), ("录入信息", 2)], True),
])
def test_a_cadre_groups_bare_labels_are_the_cadres(groups, own):
    from pathlib import Path

    from helpers import groups_merged

    from rostercheck.io.read import Grid
    from rostercheck.io.table import find_layout
    top = ["序号"]
    for g, span in groups:
        top += [g] + [""] * (span - 1)
    below = ["序号", "乡镇", "村(社区)", "姓名", "身份证号", "职务", "联系电话", "配偶姓名", "配偶身份证号", "紧急联系人",
             "紧急联系人电话", "录入人", "录入人身份证号"][:len(top)]
    data = [1, "沙河镇", "一村", "马生海", CADRE, "村委会主任", "13812345678", "郭华", SPOUSE, "马丽", "13900000000",
            "刘晓燕", CLERK][:len(top)]
    if len(top) == 9:  # 干部信息 | 录入信息 only
        below = below[:7] + ["录入人", "录入人身份证号"]
        data = data[:7] + ["刘晓燕", CLERK]
    rows = [["临泽县村(社区)干部花名册"], top, below, data]
    m = find_layout(Grid(Path("村干部花名册.xls"), "", rows, merged=groups_merged(top)), "cadres").mapping
    assert (m.get("name"), m.get("id"), m.get("township"), m.get("post"), m.get("phone")) == (3, 4, 1, 5, 6)
    assert m.get("id") != len(below) - 1  # never the 录入人's ID


PENSIONER = make_id("19560303", 151, "620723")


# A 人社 export's 待遇领取人 is the pensioner: 领取人信息 over 姓名 | 社会保障号码 (or 领取人姓名 | 领取人身份证号) with 经办人
# columns first (h456: both read as another person's, the list refused for the clerk's ID column); a 代领人 stays another's
@pytest.mark.parametrize("top, below, name, id_", [
    # must read the pensioner's columns
    (["经办信息", "", "领取人信息", "", "", ""], ["经办人", "经办人身份证号", "姓名", "社会保障号码", "险种", "月发放金额"], 2, 3),
    (["经办信息", "", "待遇领取人信息", "", "", ""], ["经办人", "经办人身份证号", "姓名", "身份证号", "险种", "月发放金额"], 2, 3),
    ([], ["经办人", "经办人身份证号", "领取人姓名", "领取人身份证号", "险种", "月发放金额"], 2, 3),
    # must not take a 代领人's columns for the pensioner's
    ([], ["代领人姓名", "代领人身份证号", "姓名", "社会保障号码", "险种", "月发放金额"], 2, 3),
])
def test_a_pension_lists_recipient_is_its_own_person(top, below, name, id_):
    from pathlib import Path

    from helpers import groups_merged

    from rostercheck.io.read import Grid
    from rostercheck.io.table import find_layout
    data = ["张海建", CLERK, "孙永强", PENSIONER, "企业职工基本养老保险", 2650]
    rows = [["临泽县养老保险待遇发放明细"], *([top] if top else []), below, data]
    layout = find_layout(Grid(Path("养老金发放明细.xlsx"), "", rows, merged=groups_merged(top) if top else []), "pensions")
    assert (layout.mapping.get("name"), layout.mapping.get("id")) == (name, id_)


def _export_files(folder, places=()):
    """家庭信息.xlsx, 家庭成员信息.xlsx and 数据字典.xlsx as a provincial system writes them (``places``: 所属乡镇 rows)."""
    folder.mkdir(exist_ok=True)
    for name, header, rows in (
            ("家庭信息", HH, [["F0001", "张三", HEAD_A, "620723100000", "02", "", 2, 1032]]),
            ("家庭成员信息", MEM, [["F0001", "张三", "01", HEAD_A, "1", "02", "01", "3", "2"],
                                  ["F0001", "张军", "01", SON_A, "1", "20", "06", "1", "1"]]),
            ("数据字典", ["字段名称", "代码", "代码名称"], [["保障类别", "01", "城市低保"], ["保障类别", "02", "农村低保"],
                                                          ["保障类别", "03", "特困供养"], ["人员类别", "01", "老年人"],
                                                          ["人员类别", "06", "在校学生"], ["与户主关系", "02", "户主"],
                                                          ["与户主关系", "20", "子"], ["证件类型", "01", "居民身份证"],
                                                          *places])):
        workbook(folder / f"{name}.xlsx", [(name, header, rows)])
    return [folder / "家庭信息.xlsx", folder / "家庭成员信息.xlsx", folder / "数据字典.xlsx"]


def test_a_folders_code_table_named_among_its_rosters_is_read_as_their_legend(tmp_path):
    # `rostercheck audit 家庭信息.xlsx 家庭成员信息.xlsx 数据字典.xlsx` (h456: refused, rc 3: the dictionary read as a roster
    # "没有可用的身份证号")
    from rostercheck.loading import load_inputs
    files = _export_files(tmp_path / "花名册")
    inputs = load_inputs(files, {}, dt.date(2026, 6, 30))
    assert len(inputs.tables) == 1 and any("数据字典.xlsx：是代码说明表" in w for w in inputs.tables[0].warnings)
    m = inputs.members.set_index("id")
    assert len(m) == 2 and m.loc[SON_A, "school"] == "在校学生" and m.loc[HEAD_A, "programme"] == "低保"


def test_a_code_table_is_taken_from_the_rosters_only_beside_another_roster_of_its_folder(tmp_path):
    from rostercheck.loading import _legends_of_rosters_beside
    files = _export_files(tmp_path / "花名册")
    # must not: a code table given alone, or beside no roster of its folder, is still what the user named
    assert not _legends_of_rosters_beside(files[2], [files[2]])
    assert not _legends_of_rosters_beside(files[2], [files[2], tmp_path / "其他" / "家庭信息.xlsx"])
    assert _legends_of_rosters_beside(files[2], files)


# A system's 数据字典 beside its rosters naming the townships (所属乡镇 | 620723100000 | 沙河镇), the roster writing the
# 12-digit code only: the township is shown by its name (h456: every township of the problem list was a 12-digit code)
@pytest.mark.parametrize("places, shown", [
    ([["所属乡镇", "620723100000", "沙河镇"], ["所属乡镇", "620723101000", "新华镇"]], "沙河镇"),  # must name it
    ([["所属乡镇", "620723101000", "新华镇"]], "620723100000"),  # must not: another township's code names nothing here
])
def test_a_folder_dictionary_names_townships_given_by_12_digit_codes(tmp_path, places, shown):
    from rostercheck.loading import load_inputs
    files = _export_files(tmp_path / "花名册", places)
    inputs = load_inputs(files[:2], {}, dt.date(2026, 6, 30))
    assert set(inputs.members["township"]) == {shown}


def test_a_township_code_named_by_the_dictionary_still_gives_the_county(tmp_path):
    # the code a name replaces stays the member's 区划代码: a roster without a title (a CSV) finds its county by it, and a
    # move to 620702 (another county of the city) is 迁出本县 (h456: county unknown, the move only 低)
    from rostercheck import regions
    from rostercheck.loading import load_inputs
    files = _export_files(tmp_path / "花名册", [["所属乡镇", "620723100000", "沙河镇"]])
    members = load_inputs(files[:2], {}, dt.date(2026, 6, 30)).members
    assert set(members["township"]) == {"沙河镇"}
    assert regions.county_of_cells(members["region_code"].tolist(), 0.0)[0] == "620723"


# A list whose own person's ID column is not read, beside another person's (报告人身份证号, 经办人身份证号): refused naming
# that column as another's, not as "no usable ID in it" (h456: a pension list refused so for its 经办人身份证号 full of IDs)
def test_a_list_without_its_own_persons_id_names_the_others_column_as_anothers(tmp_path):
    from rostercheck.errors import InputFileError
    path = tmp_path / "死亡人员名单.csv"
    path.write_text(f"姓名,死亡日期,报告人,报告人身份证号\n张三,2026-03-01,李四,{CLERK}\n", encoding="utf-8")
    with pytest.raises(InputFileError) as refused:
        load_table(path, "deaths")
    assert "“报告人身份证号”是其他人" in str(refused.value) and "列中没有可用的身份证号" not in str(refused.value)
    # must not: with the person's own ID column beside it, the list is read by that column
    path.write_text(f"姓名,身份证号,死亡日期,报告人,报告人身份证号\n张三,{PENSIONER},2026-03-01,李四,{CLERK}\n", encoding="utf-8")
    assert load_table(path, "deaths").frame["id"].tolist() == [PENSIONER]


# h456's left-over: 保障类别 codes without a legend in a roster named for neither programme, beside a 供养方式 column
# only 特困 people fill, made every family 特困 (compared with the 特困 standard); the column tells the codes apart when
# each code's rows all fill it or all leave it blank
ROSTER = ["户主姓名", "姓名", "身份证号", "与户主关系", "保障类别", "供养方式", "月保障金"]
DIBAO_1, DIBAO_2, TEKUN_1 = make_id("19650101", 611, "620723"), make_id("19660202", 622, "620723"), make_id("19400303", 633, "620723")


def _coded_roster(tmp_path, rows, name="救助对象名册.xlsx"):
    path = workbook(tmp_path / name, [("名册", ROSTER, rows)])
    return load_table(path, "roster"), path


@pytest.mark.parametrize("rows, name, expected", [
    # must tell apart: 01 rows leave 供养方式 blank (低保), 03 rows fill it (特困)
    ([["王一", "王一", DIBAO_1, "户主", "01", "", 860], ["李二", "李二", DIBAO_2, "户主", "01", "", 620],
      ["张三", "张三", TEKUN_1, "户主", "03", "分散供养", 1576]], "救助对象名册.xlsx", ("低保", "低保", "特困")),
    # must not: a code's rows both fill and leave it blank (the column tells nothing): the file's default, 特困
    ([["王一", "王一", DIBAO_1, "户主", "01", "", 860], ["李二", "李二", DIBAO_2, "户主", "01", "集中供养", 620],
      ["张三", "张三", TEKUN_1, "户主", "03", "分散供养", 1576]], "救助对象名册.xlsx", ("特困", "特困", "特困")),
    # must not: the file's name says 特困 (every row is the name's, whatever its code)
    ([["王一", "王一", DIBAO_1, "户主", "01", "", 860], ["李二", "李二", DIBAO_2, "户主", "01", "", 620],
      ["张三", "张三", TEKUN_1, "户主", "03", "分散供养", 1576]], "特困人员名册.xlsx", ("特困", "特困", "特困")),
])
def test_unexplained_programme_codes_are_told_apart_by_the_support_mode_column(tmp_path, rows, name, expected):
    table, _ = _coded_roster(tmp_path, rows, name)
    members = build_members([table], dt.date(2026, 6, 30)).set_index("id")
    assert tuple(members.loc[i, "programme"] for i in (DIBAO_1, DIBAO_2, TEKUN_1)) == expected
    told = [w for w in table.warnings if "按本文件“供养方式”是否填写区分" in w]
    if expected == ("低保", "低保", "特困"):
        assert told and "代码 01 的各行都没有填写供养方式，按低保计" in told[0] and "代码 03" in told[0], table.warnings
        assert "programme" in table.unread_fields
    else:
        assert not told, table.warnings


@pytest.mark.parametrize("modes, name, said", [
    (("", ""), "救助对象名册.xlsx", True),            # 特困 by an empty 供养方式 column alone: said
    (("", "分散供养"), "救助对象名册.xlsx", False),   # a row fills it: a 特困 roster by its data
    (("", ""), "特困人员名册.xlsx", False),           # the name says 特困
])
def test_a_roster_taken_as_tekun_by_an_empty_support_mode_column_alone_says_so(tmp_path, modes, name, said):
    rows = [["王一", "王一", DIBAO_1, "户主", "", modes[0], 860], ["李二", "李二", DIBAO_2, "户主", "", modes[1], 620]]
    table, _ = _coded_roster(tmp_path, rows, name)
    members = build_members([table], dt.date(2026, 6, 30))
    assert set(members["programme"]) == {"特困"}  # (what it is read as does not change: only said)
    assert any("但该列全部为空" in w for w in table.warnings) == said, table.warnings
