"""Townships and villages as files write them: one township however it is spelt, a 乡镇/村 column holding both."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import make_id

from rostercheck.io.table import load_table
from rostercheck.regions import township_stem, townships_unified
from rostercheck.roster import build_members


@pytest.mark.parametrize("name, stem", [
    ("城关镇", "城关"), ("城关镇人民政府", "城关"), ("城关", "城关"), ("赤城街道办事处", "赤城"), ("河凤桥乡", "河凤桥"),
    ("愉群翁回族乡", "愉群翁回族"), ("城关镇\u3000", "城关"), ("东乡", "东乡"), ("411524100", "411524100"), ("", ""),
])
def test_township_stem(name, stem):
    assert township_stem(name) == stem


@pytest.mark.parametrize("names, coded, expected", [
    # held-out 171: one township written four ways was four townships (four workbooks)
    (["城关镇"] * 5 + ["城关"] * 2 + ["城关镇人民政府", "411524100"], {"411524100": "城关镇人民政府"},
     {"城关": "城关镇", "城关镇人民政府": "城关镇", "411524100": "城关镇"}),
    (["赤城街道", "赤城街道办事处"], {}, {"赤城街道办事处": "赤城街道"}),
    (["鄢岗", "鄢岗镇人民政府"], {}, {"鄢岗": "鄢岗镇", "鄢岗镇人民政府": "鄢岗镇"}),
    # 撤乡建镇: the 乡 and the 镇 of one name are one township, named as most rows name it
    (["河凤桥乡", "河凤桥镇", "河凤桥镇"], {}, {"河凤桥乡": "河凤桥镇"}),
    # a bare stem two townships share, a code nothing names, and different townships: as written
    (["新集", "新集乡", "新集镇", "新集镇"], {}, {"新集乡": "新集镇"}),
    (["411524104", "城关镇", "东岳镇"], {}, {}),
    # a 街道 and a 镇 of one name are two places (城关街道 cut from 城关镇); a bare 城关 beside both is neither
    (["城关镇", "城关街道", "城关街道办事处", "城关"], {}, {"城关街道办事处": "城关街道"}),
    (["赤城", "赤城街道"], {}, {"赤城": "赤城街道"}),
    # one spelling alone stays as written (held-out 291: 锦和街道办事处 renamed, "写法不一" said of files that agreed)
    (["锦和街道办事处", "道口镇", "锦和街道办事处"], {}, {}), (["城关镇人民政府"], {}, {}),
])
def test_townships_unified(names, coded, expected):
    assert townships_unified(names, coded) == expected


def test_a_township_after_its_countys_name_and_a_bare_stem_its_code_names():
    # held-out 175: 潢川县春申街道 beside 春申街道 was a township of its own (its workbook); held-out 174: 城关 beside 城关镇
    # and 城关街道, its rows coded 411526100 (城关镇's)
    names = ["春申街道", "潢川县春申街道", "城关镇", "城关街道", "城关"]
    coded = {"411526100": "城关镇", "411526001": "城关街道"}
    assert townships_unified(names, coded, name_codes={"城关": "411526100"}) == {"潢川县春申街道": "春申街道", "城关": "城关镇"}
    # a city's run names townships with their counties on purpose; a bare stem without a code stays as written
    assert townships_unified(names, coded, one_county=False) == {}


A, B, C = make_id("19600101", 111, "411524"), make_id("19700202", 122, "411524"), make_id("19800303", 133, "411524")


def _roster(path, title, header, rows):
    path.write_text("\n".join(([title] if title else []) + [header] + rows) + "\n", encoding="utf-8")
    return load_table(path, "roster")


def test_a_column_holding_township_and_village_is_read_as_both(tmp_path):
    # 乡镇（街道）/村（社区） in one column (held-out 171: read as the village, every member under the title's first
    # township, which named three)
    table = _roster(tmp_path / "名册.csv", "商城县河凤桥镇、达权店镇、汪岗镇低保对象名册", "乡镇（街道）/村（社区）,姓名,身份证号,与户主关系",
                    [f"河凤桥乡/桥口村,张三,{A},户主", f"汪岗镇新村,李四,{B},户主", f"达权店镇人民政府/达权店村,王五,{C},户主"])
    members = build_members([table], dt.date(2026, 9, 30))
    assert list(zip(members["township"], members["village"])) == [
        ("河凤桥乡", "桥口村"), ("汪岗镇", "新村"), ("达权店镇", "达权店村")]


def test_a_title_naming_several_townships_names_none_of_them(tmp_path):
    table = _roster(tmp_path / "名册.csv", "商城县河凤桥镇、达权店镇、汪岗镇低保对象名册", "村,姓名,身份证号,与户主关系",
                    [f"桥口村,张三,{A},户主"])
    assert build_members([table], dt.date(2026, 9, 30))["township"].tolist() == [""]
    table = _roster(tmp_path / "名册2.csv", "商城县河凤桥镇低保对象名册", "村,姓名,身份证号,与户主关系", [f"桥口村,张三,{A},户主"])
    assert build_members([table], dt.date(2026, 9, 30))["township"].tolist() == ["河凤桥镇"]


def test_townships_spelt_differently_and_by_code_are_one_and_said(tmp_path):
    one = _roster(tmp_path / "低保.csv", "", "乡镇,村,行政区划代码,姓名,身份证号,与户主关系",
                  [f"城关镇人民政府,东街社区,411524100001,张三,{A},户主", f"城关,东街社区,411524100001,李四,{B},户主"])
    two = _roster(tmp_path / "特困.csv", "", "行政区划代码,姓名,身份证号,与户主关系", [f"411524100001,王五,{C},户主"])
    members = build_members([one, two], dt.date(2026, 9, 30))
    assert members["township"].tolist() == ["城关镇"] * 3
    assert members["village"].tolist() == ["东街社区"] * 3
    assert any("写法不一" in w for w in one.warnings) and any("“411524100”按“城关镇”" in w for w in two.warnings)


@pytest.mark.parametrize("county_cells", [("罗山县", "光山县"), ("411521", "411522"), ("411521罗山县", "光山县")])
def test_a_city_roster_names_each_township_with_its_county_once(tmp_path, county_cells):
    # held-out 179: a 县（市、区） cell holding the county's code (411521) left that county's townships bare (城关镇
    # beside 新县城关镇 in the workbooks); a township cell naming its county already was named twice (罗山县罗山县城关镇)
    a, b = make_id("19600101", 111, "411521"), make_id("19700202", 122, "411522")
    table = _roster(tmp_path / "信阳市低保花名册.csv", "", "县（市、区）,乡镇,村,姓名,身份证号,与户主关系",
                    [f"{county_cells[0]},罗山县城关镇,东村,张三,{a},户主", f"{county_cells[1]},城关镇,西村,李四,{b},户主"])
    members = build_members([table], dt.date(2026, 9, 30))
    assert members["township"].tolist() == ["罗山县城关镇", "光山县城关镇"]
