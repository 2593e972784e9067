"""screen on a system's exports (held-out 238): a 家庭信息 + 家庭成员 pair in a folder, a household table read heads only,
and a status column whose header carries its code legend."""

import datetime as dt

import pytest
from helpers import make_id

from rostercheck.classify import gather
from rostercheck.screen import screen

AS_OF = dt.date(2026, 9, 30)
HEAD, WIFE, SON = make_id("19700101", 11), make_id("19720101", 22), make_id("19950101", 31)
HEAD2 = make_id("19650101", 13)


def _household_file(folder, size: int = 2):
    (folder / "新申请家庭信息.csv").write_text(
        "家庭编号,户主,户主身份证号,乡镇,村,家庭人口,申请类别,审批状态\n"
        f"JT001,张大山,{HEAD},城关镇,东村,{size},低保,待审批\n"
        f"JT002,李小河,{HEAD2},城关镇,西村,1,低保,待审批\n", encoding="utf-8")


def _member_file(folder, keys=("JT001", "JT001", "JT002"), heads=(HEAD, WIFE, HEAD2)):
    names = ("张大山", "王秀英", "李小河")
    relations = ("户主", "配偶", "户主")
    rows = "".join(f"{k},{n},{r},{i},{'男' if r == '户主' else '女'}\n" for k, n, r, i in zip(keys, names, relations, heads))
    (folder / "新申请家庭成员.csv").write_text("家庭编号,姓名,与户主关系,身份证号,性别\n" + rows, encoding="utf-8")


def _deaths(folder):
    (folder / "死亡人员名单.csv").write_text(f"姓名,身份证号,死亡日期\n王秀英,{WIFE},2026-03-01\n", encoding="utf-8")
    return folder / "死亡人员名单.csv"


def test_a_member_table_beside_a_household_table_in_a_folder_is_read_with_it(tmp_path):
    # held-out 238 (a2–a5): the members' file was skipped ("表头中没有…"), every family read 一户一行 and its members unchecked
    apps = tmp_path / "apps"
    apps.mkdir()
    _household_file(apps)
    _member_file(apps)
    got = gather([apps], applications=True)
    assert sorted(p.name for p in got.rosters) == ["新申请家庭信息.csv", "新申请家庭成员.csv"]
    (member,) = [p for p in got.placements if p.path.name == "新申请家庭成员.csv"]
    assert member.kind == "roster" and "新申请家庭信息.csv" in member.why and member.rows == 3
    result = screen(got.rosters, {"deaths": _deaths(tmp_path)}, AS_OF)
    verdicts = result.verdicts.set_index("户主姓名")
    assert verdicts.loc["张大山", "结论"] == "有疑点" and verdicts.loc["张大山", "家庭人口"] == 2
    assert "王秀英" in verdicts.loc["张大山", "疑点摘要"]
    assert verdicts.loc["李小河", "结论"] == "无疑点"


def test_a_member_table_of_other_families_is_not_joined(tmp_path):
    # numbers alike, people not: the households' heads are no members of the other table (a registry's 户号 1, 2 …)
    apps = tmp_path / "apps"
    apps.mkdir()
    _household_file(apps)
    _member_file(apps, heads=(make_id("19800101", 51), make_id("19820101", 62), make_id("19830101", 73)))
    got = gather([apps], applications=True)
    assert [p.name for p in got.rosters] == ["新申请家庭信息.csv"]
    assert any("新申请家庭成员.csv" in w for w in got.warnings)


def test_a_household_table_read_heads_only_says_its_unlisted_members(tmp_path):
    # held-out 238: 家庭人口 2–5, heads only checked, the families 无疑点 with 家庭人口 1 and not a word
    _household_file(tmp_path, size=3)
    result = screen([tmp_path / "新申请家庭信息.csv"], {"deaths": _deaths(tmp_path)}, AS_OF)
    (said,) = [w for w in result.warnings if "户主以外的家庭成员没有列出" in w]
    assert "其中 1 户的“家庭人口”大于 1" in said and "家庭成员表" in said
    verdicts = result.verdicts.set_index("户主姓名")
    assert verdicts.loc["张大山", "结论"] == "无疑点"  # nothing found of the listed (README: 无疑点 speaks of the lists given)
    assert verdicts.loc["张大山", "待核线索"].startswith("家庭人口 3 人，申请名单只列出 1 人，其余成员未核对")
    assert verdicts.loc["李小河", "待核线索"] == ""


def _coded(tmp_path, header: str, codes: list[str]):
    rows = "".join(f"城关镇,东村,SQ{k},申请{k},{make_id('19700101', 11 + 2 * k)},户主,低保,{c}\n" for k, c in enumerate(codes))
    (tmp_path / "申请.csv").write_text(f"乡镇,村,申请编号,姓名,身份证号,与户主关系,申请类别,{header}\n" + rows,
                                      encoding="utf-8")
    return screen([tmp_path / "申请.csv"], {}, AS_OF)


def test_a_status_header_with_its_code_legend_is_read(tmp_path):
    # held-out 238 (c1): '审批状态（0待审核 1已批准 2不予批准）' was unread (its 审核 taken for a clerk's qualifier): the approved
    # and refused families were checked, with no notice at all
    result = _coded(tmp_path, "审批状态（0待审核 1已批准 2不予批准）", ["0", "1", "2"])
    assert list(result.verdicts["户主姓名"]) == ["申请0"]
    (left,) = [w for w in result.warnings if "未核对、不列入核对结论" in w]
    assert "已批准 1 户" in left and "不予批准 1 户" in left


def test_a_code_the_legend_does_not_give_is_said(tmp_path):
    result = _coded(tmp_path, "审核状态（0待审核 1已批准 2不予批准）", ["0", "3"])
    assert set(result.verdicts["户主姓名"]) == {"申请0", "申请1"}
    assert any("无法识别" in w and "“3”" in w for w in result.warnings)


def test_the_legend_notice_quotes_the_status_header_as_written(tmp_path):
    # held-out 243: the notice read “申请状态(1待审核2审批中3已批准4不予批准)”列…, the file 申请状态（1待审核 2审批中 3已批准 4不予批准）
    header = "申请状态（1待审核 2审批中 3已批准 4不予批准）"
    result = _coded(tmp_path, header, ["1", "2", "3"])
    (said,) = [w for w in result.warnings if "按表头或标题中的说明读取" in w]
    assert f"“{header}”列的代码按表头或标题中的说明读取（1待审核、2审批中、3已批准、4不予批准）" in said


@pytest.mark.parametrize("number, screened", [("申请编号", ["张大山"]), ("家庭编号", ["张大山", "钱多多"])])
def test_a_member_of_an_application_the_household_sheet_lacks_is_no_application(tmp_path, number, screened):
    # held-out 390: the 申请信息 sheet exported pending applications only, the 家庭成员 sheet every one: a member whose
    # 申请编号 is in no application row became an application of its own (C01 高), placed in the row above's township
    import openpyxl

    staff = make_id("19850101", 91)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "申请信息"
    for row in ([number, "申请人姓名", "申请人身份证号", "乡镇", "村", "家庭人口", "申请类别"],
                ["SQ202601", "张大山", HEAD, "城关镇", "东村", 2, "低保"]):
        sheet.append(row)
    members = book.create_sheet("家庭成员")
    for row in ([number, "姓名", "身份证号", "与申请人关系"], ["SQ202601", "王秀英", WIFE, "配偶"],
                ["SQ202699", "钱多多", staff, "配偶"]):
        members.append(row)
    book.save(tmp_path / "新申请.xlsx")
    (tmp_path / "staff.csv").write_text(f"姓名,身份证号,工作单位\n钱多多,{staff},县财政局\n", encoding="utf-8")
    result = screen([tmp_path / "新申请.xlsx"], {"staff": tmp_path / "staff.csv"}, AS_OF)
    assert sorted(result.verdicts["户主姓名"]) == sorted(screened)
    said = [w for w in result.warnings if "找不到" in w]
    assert len(said) == 1 and (("没有读取" in said[0]) == (number == "申请编号")), said
