"""Places given only as 统计用区划代码 (9-digit township, 12-digit village) named as the run's inputs name them
(held-out 369): a code table file beside the rosters or given among them, a list carrying the codes beside names, the
enrolled roster's names for a screen's applications, a roster's code page for a coverage list's codes."""

import datetime as dt

import openpyxl
import pytest
from helpers import make_id

from rostercheck.audit import audit
from rostercheck.classify import gather
from rostercheck.coverage import coverage
from rostercheck.screen import screen

AS_OF = dt.date(2026, 9, 30)
A, B, C = make_id("19500101", 111), make_id("19600202", 121), make_id("19700303", 131)
TOWN, VILLAGE = "431124100", "431124100201"


def _roster(folder, name="低保对象信息导出.xlsx", code_page=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["行政区划代码", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "月保障金"])
    ws.append([VILLAGE, "张三", A, "张三", A, "户主", 420])
    ws.append(["431124101202", "李四", B, "李四", B, "户主", 420])
    if code_page:
        page = wb.create_sheet("代码说明")
        page.append(["代码类型", "代码", "名称"])
        for row in code_page:
            page.append(row)
        page.append(["与户主关系", "02", "户主"])
        page.append(["与户主关系", "10", "配偶"])
    wb.save(folder / name)
    return folder / name


def _deaths(folder):
    (folder / "死亡人员名单.csv").write_text(f"姓名,身份证号,死亡日期\n张三,{A},2026-03-01\n李四,{B},2026-03-02\n",
                                         encoding="utf-8")
    return folder / "死亡人员名单.csv"


def _code_table(path):
    path.write_text(f"区划代码,区划名称\n{TOWN},道江镇\n{VILLAGE},和平村\n431124101,白马渡镇\n431124101202,新民村\n"
                    "431125100,濂溪街道\n", encoding="utf-8")
    return path


def _places(findings):
    return sorted(set(zip(findings["乡镇"], findings["村"])))


NAMED = sorted([("道江镇", "和平村"), ("白马渡镇", "新民村")])
CODED = sorted([(TOWN, VILLAGE), ("431124101", "431124101202")])


@pytest.mark.parametrize("where,named", [("beside", True), ("given", True), ("other_folder", False), ("none", False)])
def test_a_region_code_table_names_a_rosters_coded_places(tmp_path, where, named):
    data = tmp_path / "data"
    data.mkdir()
    roster = _roster(data)
    rosters = [roster]
    if where == "beside":
        _code_table(data / "行政区划代码表.csv")
    elif where in ("given", "other_folder"):
        (tmp_path / "codes").mkdir()
        table = _code_table(tmp_path / "codes" / "行政区划代码表.csv")
        rosters += [table] if where == "given" else []
    result = audit(rosters, {"deaths": _deaths(tmp_path)}, AS_OF)
    assert _places(result.findings) == (NAMED if named else CODED)
    said = " ".join(result.warnings)
    if named:
        assert "名称按代码表文件《行政区划代码表.csv》中的区划代码和名称显示" in said, said
        assert ("是区划代码表（5 个代码），不作为花名册读取" in said) == (where == "given"), said
    else:  # shown by code, said once with how to give the names
        assert said.count("报告中的乡镇显示为代码") == 1 and "区划代码表" in said, said


def test_a_folders_region_code_table_is_said_to_name_the_places(tmp_path):
    _roster(tmp_path)
    _code_table(tmp_path / "行政区划代码表.csv")
    got = gather([tmp_path])
    (placed,) = [p for p in got.placements if p.path.name == "行政区划代码表.csv"]
    assert "区划代码表" in placed.why and "资金发放" not in placed.why, placed.why


def test_a_roster_named_after_codes_is_still_a_roster(tmp_path):
    # (a roster's file name may speak of its codes: it is no code table)
    roster = _roster(tmp_path, name="低保花名册（含区划代码）.xlsx")
    result = audit([roster], {"deaths": _deaths(tmp_path)}, AS_OF)
    assert len(result.findings) == 2


def test_a_list_giving_codes_beside_names_names_the_rosters_codes(tmp_path):
    roster = _roster(tmp_path)
    (tmp_path / "村干部名单.csv").write_text(
        "行政区划代码,乡镇,村,姓名,身份证号,职务\n"
        f"{VILLAGE},道江镇,和平村,王五,{C},村委委员\n431124101202,白马渡镇,新民村,赵六,{make_id('19800101', 51)},主任\n",
        encoding="utf-8")
    result = audit([roster], {"deaths": _deaths(tmp_path), "cadres": tmp_path / "村干部名单.csv"}, AS_OF)
    assert _places(result.findings[result.findings["类别代码"] == "C02"]) == NAMED
    assert any("村(居)干部名单" in w and "区划代码和名称显示" in w for w in result.warnings), result.warnings


def test_a_screens_applications_by_code_take_the_enrolled_rosters_names(tmp_path):
    enrolled = _roster(tmp_path, code_page=[["行政区划", TOWN, "道江镇"], ["行政区划", "431124100202", "新民村"]])
    (tmp_path / "新申请家庭名册.csv").write_text(
        "申请编号,行政区划代码,申请人姓名,申请人身份证号,成员姓名,与申请人关系,成员身份证号\n"
        f"SQ1,431124100202,王五,{C},王五,本人,{C}\n", encoding="utf-8")
    result = screen([tmp_path / "新申请家庭名册.csv"], {}, AS_OF, enrolled=[enrolled])
    assert result.verdicts[["乡镇", "村"]].values.tolist() == [["道江镇", "新民村"]]


def test_a_coverage_lists_village_code_takes_the_rosters_code_page_name(tmp_path):
    roster = _roster(tmp_path, code_page=[["行政区划", TOWN, "道江镇"], ["行政区划", "431124100204", "石马村"]])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["行政区划代码", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "监测对象类别", "风险消除情况",
               "家庭人口", "人均纯收入"])
    ws.append(["431124100204", "王五", C, "王五", C, "户主", "突发严重困难户", "风险未消除", 1, 3000])
    wb.save(tmp_path / "防返贫监测对象.xlsx")
    result = coverage([roster], {"monitoring": tmp_path / "防返贫监测对象.xlsx"}, AS_OF)
    assert result.leads[["乡镇", "村"]].values.tolist() == [["道江镇", "石马村"]]


def test_names_by_code_of_a_roster_without_codes_is_empty():
    """An enrolled roster naming its places in words, with no 行政区划代码 at all (most rosters), names no code; the empty
    name filter had selected no columns (KeyError 'code'), and every ``screen --enrolled`` crashed (held-out 365, 372)."""
    import pandas as pd

    from rostercheck.roster import names_by_code

    members = pd.DataFrame({"region_code": ["", ""], "township": ["石门乡", "石门乡"], "village": ["石门村", "东村"]})
    assert names_by_code(members) == {}
    coded = pd.DataFrame({"region_code": [VILLAGE, VILLAGE, ""], "township": ["某某镇"] * 3, "village": ["新村", "新村", "东村"]})
    assert names_by_code(coded) == {VILLAGE: "新村", TOWN: "某某镇"}
