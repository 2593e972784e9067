"""C08: working-age, able-bodied members — leads at 中 at most."""

from pathlib import Path

import pytest
from helpers import AS_OF, context, flagged, household, make_id

ABLE = {"labour": "有劳动能力", "health": "健康", "school": "非在校", "disability": ""}


def born(age: int, month_day: str = "0101") -> str:
    return f"{AS_OF.year - age}{month_day}"


def person(age, sex, **cells):
    seq = 111 if sex == "男" else 122
    rows = household("刘洋", make_id(born(age), seq))
    rows[0].update({**ABLE, "sex": sex, **cells})
    return rows


@pytest.mark.parametrize("age,sex", [(35, "男"), (45, "女"), (58, "男"), (22, "女"), (19, "男"), (16, "女"), (59, "男"),
                                     (54, "女")])
def test_able_bodied_working_age_member_is_a_medium_lead(age, sex):
    assert flagged(context(person(age, sex)), "C08") == [("刘洋", "中")]


def test_the_evidence_names_the_roster_file():
    # held-out 99: four application files were read and the evidence said only "花名册第 18 行"
    from rostercheck.audit import run_checks

    ctx = context(person(35, "男"))
    (found,) = run_checks(ctx, ["C08"])[0]
    assert found.evidence.startswith(f"花名册《{ctx.members.at[0, 'file']}》第 ")


@pytest.mark.parametrize("labour", ["具备劳动能力", "一般劳动力", "全劳力", "是", "有"])
def test_other_spellings_of_able_are_read(labour):
    assert flagged(context(person(40, "男", labour=labour)), "C08") == [("刘洋", "中")]


@pytest.mark.parametrize("age,sex,cells", [
    (20, "男", {"school": "在校"}), (20, "女", {"school": "大学在读"}),
    (40, "男", {"health": "残疾", "disability": "四级"}), (40, "男", {"disability": "肢体三级"}),
    (61, "男", {}), (60, "男", {}), (57, "女", {}), (55, "女", {}), (15, "男", {}),
    (40, "女", {"labour": "部分丧失劳动能力"}), (40, "女", {"labour": "无劳动能力"}), (40, "女", {"labour": ""}),
    (40, "男", {"health": "患病"}), (40, "男", {"health": "不健康"}), (40, "男", {"health": ""}),
    (40, "男", {"labour": "否"}), (40, "男", {"labour": "弱劳力"}),
    (40, "男", {"covered": "否"}), (40, "女", {"covered": "0"}),  # a household member who receives nothing
])
def test_students_disabled_ill_and_out_of_age_are_not_flagged(age, sex, cells):
    assert flagged(context(person(age, sex, **cells)), "C08") == []


@pytest.mark.parametrize("term, flags", [
    ({"start": "2025-03-01", "end": "2028-02-28"}, False),  # in prison on the review date: no lead (held-out 216)
    ({"start": "2023-03-01", "end": "2025-02-28"}, True),  # released before it: a lead as any
])
def test_member_in_custody_is_no_lead_for_refusing_to_work(term, flags):
    rows = person(35, "男")
    prisoner = [{"name": "刘洋", "id": rows[0]["id"], **term}]
    assert flagged(context(rows, {"prisoners": prisoner}), "C08") == ([("刘洋", "中")] if flags else [])


@pytest.mark.parametrize("death, cut, flags", [
    ({"date": "2026-05-01"}, False, False),  # C02 高: a dead member is no lead for refusing to work (held-out 247)
    ({"date": "2026-05-01"}, True, False),  # C02 中: the roster's ID cut by a number format, matched by name and digits
    ({"date": ""}, False, False),  # on the deaths list, no date: C02 高
    ({"date": "2026-12-02"}, False, True),  # died after the review date: alive on it, a lead as any
    ({"date": "2026-05-01", "cause": "迁出注销"}, False, True),  # cancelled for another reason: no death
    ({"date": "", "cause": "07"}, False, True),  # a cause no word reads (C02 低): a lead still
])
def test_a_member_c02_finds_dead_is_no_lead(death, cut, flags):
    rows = person(35, "男")
    dead = [{"name": "刘洋", "id": rows[0]["id"], **death}]
    if cut:
        rows[0]["id"] = float(rows[0]["id"][:15] + "000")
    assert flagged(context(rows, {"deaths": dead}), "C08") == ([("刘洋", "中")] if flags else [])


def test_a_namesake_on_the_deaths_list_leaves_the_lead():
    rows = person(35, "男")
    other = [{"name": "刘洋", "id": make_id(born(36), 131), "date": "2026-05-01"}]
    assert flagged(context(rows, {"deaths": other}), "C08") == [("刘洋", "中")]


@pytest.mark.parametrize("status, deaths, flags, died", [
    ("死亡", True, False, ""),  # C02 中 (the registry's 人员状态): no lead
    ("正常", True, True, ""),
    ("死亡", False, False, ""),  # the registry alone lets C02 run (held-out 307): C02 中, no lead
    ("死亡", True, True, "2026-12-02"),  # its 死亡日期 after the review date: alive on it, no C02, a lead as any
])
def test_a_member_the_registry_records_dead_is_no_lead(status, deaths, flags, died):
    rows = person(35, "男")
    registry = [{"household_no": "1001", "name": "刘洋", "relation": "户主", "id": rows[0]["id"], "status": status,
                 **({"died": died} if died else {})}]
    lists = {"registry": registry, **({"deaths": [{"name": "王五", "id": make_id(born(70), 151)}]} if deaths else {})}
    ctx = context(rows, lists)
    assert flagged(ctx, "C08") == ([("刘洋", "中")] if flags else [])
    assert flagged(ctx, "C02") == ([] if status == "正常" or died else [("刘洋", "中")])


def test_a_member_the_rosters_own_status_says_died_is_no_lead():
    rows = household("刘洋", make_id(born(60), 111), [("刘军", "子", make_id(born(35), 131))])
    for r in rows:
        r.update(ABLE, sex="男")
    rows[1]["member_status"] = "已死亡"
    ctx = context(rows, roster_headers={"member_status": "成员状态"})
    assert flagged(ctx, "C08") == []


def test_member_with_wages_is_working_and_not_flagged():
    rows = person(35, "男")
    wage = [{"name": "刘洋", "id": rows[0]["id"], "wage": 1500, "month": "2026-09"}]
    assert flagged(context(rows, {"wages": wage}), "C08") == []


@pytest.mark.parametrize("kind, row, flags", [
    ("staff", {"unit": "县第一中学", "category": "事业编"}, False),  # employed: C01 says so, not idle
    ("cadres", {"village": "东村", "post": "村委会委员"}, False),
    ("staff", {"unit": "县第一中学", "category": "事业编", "status": "已辞职"}, True),  # no longer employed
    ("cadres", {"village": "东村", "post": "村委会委员", "start": "2026.10.15"}, True),  # not yet (held-out 223)
])
def test_member_on_the_staff_or_cadre_list_is_working(kind, row, flags):
    # held-out 204: 戴兰立, on the staff list (C01 高, 事业编), was also C08 "需核实是否无正当理由拒绝劳动"
    rows = person(35, "男")
    found = flagged(context(rows, {kind: [{"name": "刘洋", "id": rows[0]["id"], **row}]}), "C08")
    assert found == ([("刘洋", "中")] if flags else [])


def test_bounds_and_confidence_are_configurable(tmp_path: Path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[C08]\nmale_max_age = 63\nconfidence = "低"\n', encoding="utf-8")
    assert flagged(context(person(61, "男"), config=cfg), "C08") == [("刘洋", "低")]


# Labour-ability vocabularies and coded sex
@pytest.mark.parametrize("labour", ["普通劳动力", "技能劳动力", "有劳动能力", "具有劳动能力", "普通劳动能力"])  # (held-out 298)
def test_able_labour_words(labour):
    assert flagged(context(person(35, "男", labour=labour)), "C08") == [("刘洋", "中")]


@pytest.mark.parametrize("labour", ["弱劳动力", "半劳动力", "丧失劳动力", "无劳动能力", "部分丧失劳动能力", "无劳动力",
                                    "完全丧失劳动能力"])
def test_weak_or_lost_labour_words(labour):
    assert flagged(context(person(35, "男", labour=labour)), "C08") == []


def test_unknown_labour_words_are_not_flagged_and_are_reported():
    from rostercheck.rules._vocab import value_warnings

    ctx = context(person(35, "男", labour="三类"))
    assert flagged(ctx, "C08") == []
    assert any("“劳动能力”列有 1 行" in w for w in value_warnings(ctx))


def test_a_county_names_its_labour_codes_whole_cell(tmp_path):
    # a system export's 劳动能力代码 1/2/3: 1 able (able_values), 2 and 3 not (unable_values): read, not reported
    from rostercheck.rules._vocab import value_warnings

    config = tmp_path / "本县.toml"
    config.write_text('[C08]\nable_values = ["1"]\nunable_values = ["2", "3"]\n', encoding="utf-8")
    for code, flags in (("1", True), ("2", False), ("3", False)):
        ctx = context(person(35, "男", labour=code), config=config)
        assert bool(flagged(ctx, "C08")) is flags and not [w for w in value_warnings(ctx) if "劳动能力" in w], code
    said = [w for w in value_warnings(context(person(35, "男", labour="2"))) if "劳动能力" in w]
    assert len(said) == 1 and "unable_values" in said[0]  # not configured: said, with where a code goes


@pytest.mark.parametrize("code, sex", [("1", "男"), ("2", "女"), ("男性", "男"), ("F", "女"), ("1-男", "男")])
def test_coded_sex_is_read(code, sex):
    rows = person(50, sex)
    rows[0]["sex"] = code
    ctx = context(rows)
    assert ctx.members.at[0, "sex"] == sex
    assert flagged(ctx, "C08") == [("刘洋", "中")]


def test_unstated_sex_code_falls_back_to_the_id():
    rows = person(57, "男")
    rows[0]["sex"] = "9"
    assert flagged(context(rows), "C08") == [("刘洋", "中")]


@pytest.mark.parametrize("cells,expected", [
    ({"school": "1"}, []), ({"school": "0"}, [("刘洋", "中")]), ({"school": "否"}, [("刘洋", "中")]),
    ({"school": "A"}, []),  # a code no table here reads: cannot say the member is not a student
    ({"health": "1"}, [("刘洋", "中")]), ({"health": "3"}, []), ({"health": "6"}, []), ({"health": "9"}, []),
])
def test_coded_school_and_health_cells(cells, expected):
    assert flagged(context(person(19, "男", **cells)), "C08") == expected


def test_unknown_school_and_health_codes_are_reported():
    from rostercheck.rules._vocab import value_warnings

    ctx = context(person(19, "男", school="A", health="9"))
    warnings = value_warnings(ctx)
    assert any("在校情况" in w and "“A”1 行" in w for w in warnings)
    assert any("健康状况" in w and "“9”1 行" in w for w in warnings)


def test_preschool_children_are_no_unread_school_value():
    # held-out 141: "在校情况 118 行的值未能识别（学龄前）" on a city's roster: 学龄前 is a roster's standard word
    from rostercheck.rules._vocab import value_warnings

    assert not [w for w in value_warnings(context(person(5, "男", school="学龄前"))) if "在校情况" in w]


def test_coded_cells_are_shown_with_what_they_were_read_to_mean():
    from rostercheck.rules import load_all

    ctx = context(person(40, "男", health="1", school="0", disability="0"))
    [found] = load_all()["C08"](ctx)
    assert "健康状况“1（健康）”" in found.evidence and "在校情况“0（否）”" in found.evidence
    assert "残疾“0（无）”" in found.evidence
    [found] = load_all()["C08"](context(person(40, "男")))  # words stay as written
    assert "健康状况“健康”" in found.evidence and "在校情况“非在校”" in found.evidence and "残疾“未登记”" in found.evidence


def test_a_roster_with_a_labour_column_and_no_health_column_says_c08_can_list_nobody(tmp_path):
    # held-out 127: the health column was headed 身体状况 (not read then): C08 found none of six, "已核查，未发现问题"
    from rostercheck.io.table import HEALTH_GAP, load_table

    path = tmp_path / "低保花名册.csv"
    path.write_text("乡镇,村,户主姓名,姓名,身份证号,与户主关系,劳动能力,备注\n"
                    f"城关镇,东村,张三,张三,{make_id('19800101', 11)},户主,有劳动能力,\n", encoding="utf-8")
    assert HEALTH_GAP in load_table(path, "roster").warnings
    path.write_text(path.read_text(encoding="utf-8").replace("劳动能力,备注", "劳动能力,身体状况").replace("有劳动能力,", "有劳动能力,健康"),
                    encoding="utf-8")
    assert HEALTH_GAP not in load_table(path, "roster").warnings


@pytest.mark.parametrize("labour, skipped", [(None, True), ("", True), ("有劳动能力", False), ("3", True)])
def test_a_roster_without_any_labour_cell_has_c08_said_as_not_checked(labour, skipped):
    # held-out 152: a roster without 劳动能力 had C08 "已核查，未发现问题" in 核查范围; held-out 210: so did one whose 927
    # 劳动能力 values were all codes not read ("3")
    from rostercheck.audit import run_checks

    rows = person(35, "男")
    if labour is None:
        del rows[0]["labour"]
    else:
        rows[0]["labour"] = labour
    findings, why = run_checks(context(rows), ["C08"])
    assert ("C08" in why) == skipped and bool(findings) != skipped
    if skipped:
        assert why["C08"] == ("花名册“劳动能力”列的 1 个值都未能识别（见运行提示）" if labour else
                              "花名册没有“劳动能力”列（或该列全部为空）")


def test_some_labour_values_unread_make_c08_partly_checked():
    # held-out 298: 73 of 581 劳动能力 values unread (普通劳动能力 then), 核查范围 "C08 已核查，未发现问题"
    from rostercheck.audit import _partial_parts

    rows = person(35, "男") + [{**person(40, "女")[0], "name": "王芳", "id": make_id(born(40), 122), "labour": "三类"}]
    ctx = context(rows)
    assert _partial_parts(ctx, {}, ["C08"])["C08"] == ["花名册“劳动能力”列有 1 行的值未能识别"]
    assert _partial_parts(context(person(35, "男")), {}, ["C08"])["C08"] == []


def test_the_evidence_states_the_working_age_as_the_policy_does(tmp_path):
    # held-out 251: "法定就业年龄 16–60 岁" did not say 60 is not reached
    from rostercheck.audit import run_checks

    (found,) = run_checks(context(person(46, "男")), ["C08"])[0]
    assert "46 岁（法定就业年龄为年满 16 周岁、未满 60 周岁）" in found.evidence
    config = tmp_path / "c.toml"
    config.write_text("[C08]\nfemale_max_age = 60\n", encoding="utf-8")
    (found,) = run_checks(context(person(57, "女"), config=config), ["C08"])[0]
    assert "57 岁（法定就业年龄为年满 16 周岁、未满 60 周岁）" in found.evidence


@pytest.mark.parametrize("age, title, flags", [
    # held-out 424: a 17-year-old orphan on the 特困 roster written 有劳动能力 was a 中 lead for refusing to work; minors
    # are unable to work by the 特困 rules (特困人员认定办法 第六条)
    (17, "惠水县2026年第三季度特困人员救助供养对象花名册", False),  # must not flag
    (16, "惠水县2026年第三季度特困人员救助供养对象花名册", False),
    (18, "惠水县2026年第三季度特困人员救助供养对象花名册", True),  # must flag: an adult 特困 person able to work
    (42, "惠水县2026年第三季度特困人员救助供养对象花名册", True),
    (17, "清河县2026年第三季度城乡低保花名册", True),  # must flag: a 低保 member of 17 keeps the working age of 16
])
def test_a_minor_on_the_tekun_roster_is_no_lead(age, title, flags):
    ctx = context(person(age, "男"), roster_title=title)
    assert flagged(ctx, "C08") == ([("刘洋", "中")] if flags else [])
