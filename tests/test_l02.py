"""L02 重残重病成员可单人户施保: must-flag and must-not-flag cases."""

from __future__ import annotations

import pytest

from helpers import context, household, leads, make_id
from test_l01 import mon

HEAD, SON = make_id("19700101", 31), make_id("19980101", 51)
ROSTER = household("张在册", make_id("19600101", 11))


def cert(pid: str, category: int, level: int) -> str:
    return f"{pid}{category}{level}"


@pytest.mark.parametrize("income, disabled, illness, expected", [
    # must flag: level 2 physical, income below the standard -> 高
    ("4800", [{"name": "王儿", "cert": cert(SON, 4, 2)}], [], [("王儿", "高")]),
    # must flag: income between the standard (516) and 1.5 × (774): 7,200 / 12 = 600 -> 中
    ("7200", [{"name": "王儿", "cert": cert(SON, 1, 1)}], [], [("王儿", "中")]),
    # must flag: level 3 intellectual (configurable) from the columns, ID column given
    ("7200", [{"name": "王儿", "id": SON, "disability_type": "智力", "disability_level": "三级"}], [], [("王儿", "中")]),
    # must flag: on the illness list, income below the standard -> 高
    ("4800", [], [{"name": "王儿", "id": SON, "disease": "尿毒症", "self_paid": "32000"}], [("王儿", "高")]),
    # level 3 intellectual is severe (severe_levels_mental): below the standard it is 高 like levels 1–2
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "智力", "disability_level": "三级"}], [], [("王儿", "高")]),
    # must flag at 低: income not given
    ("", [{"name": "王儿", "cert": cert(SON, 4, 1)}], [], [("王儿", "低")]),
    # held-out 263: one 残疾类别等级 column of codes (41: category 4, level 1, as a certificate's tail) was read as the
    # category alone, "等级未填"
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "41"}], [], [("王儿", "高")]),
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "43"}], [], []),
    # must not flag: level 3 physical disability
    ("4800", [{"name": "王儿", "cert": cert(SON, 4, 3)}], [], []),
    # held-out 457: 残疾程度 in words (GB/T 26341: 重度 is level 1–2, 中度 3, 轻度 4) gave no level at all
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "肢体", "disability_level": "重度"}], [], [("王儿", "高")]),
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "智力", "disability_level": "中度"}], [], [("王儿", "高")]),
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "肢体", "disability_level": "中度"}], [], []),
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "肢体", "disability_level": "轻度"}], [], []),
    # held-out 457: one 残疾类别及等级 column in words (肢体二级) gave the category and no level
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "肢体二级"}], [], [("王儿", "高")]),
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "智力残疾三级"}], [], [("王儿", "高")]),
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "肢体三级"}], [], []),
    ("4800", [{"name": "王儿", "id": SON, "disability_type": "肢体残疾（重度）"}], [], [("王儿", "高")]),
    # held-out 457: a 22-character certificate (a 2-character 补发 suffix) with no category or level column: the digits
    # after the ID still give them, whatever the suffix says
    ("4800", [{"name": "王儿", "cert": cert(SON, 5, 1) + "02"}], [], [("王儿", "高")]),
    ("4800", [{"name": "王儿", "cert": cert(SON, 4, 3) + "12"}], [], []),
    ("4800", [{"name": "王儿", "cert": cert(SON, 4, 3) + "11"}], [], []),
    # must not flag: income above 1.5 × the standard (9,600 / 12 = 800 > 774)
    ("9600", [{"name": "王儿", "cert": cert(SON, 4, 1)}], [], []),
])
def test_l02_cases(income, disabled, illness, expected):
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income=income)}
    if disabled:
        lists["disabled"] = disabled
    if illness:
        lists["illness"] = illness
    assert leads(context(ROSTER, lists), "L02") == expected


def test_l02_not_when_risk_eliminated():
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4000", risk="已消除"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 1)}]}
    assert leads(context(ROSTER, lists), "L02") == []


def test_l02_not_when_a_member_is_covered():
    covered = household("王户主", HEAD)
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4000"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 1)}]}
    assert leads(context(covered, lists), "L02") == []


def test_l02_member_found_through_the_registry_household():
    # The disabled son is not on the monitoring list, but shares the head's 户号.
    registry = [{"household_no": "7", "name": "王户主", "id": HEAD, "relation": "户主"},
                {"household_no": "7", "name": "王儿", "id": SON, "relation": "长子"}]
    lists = {"monitoring": mon("王户主", HEAD, income="4000"), "registry": registry,
             "disabled": [{"name": "王儿", "cert": cert(SON, 6, 2)}]}
    assert leads(context(ROSTER, lists), "L02") == [("王儿", "高")]
    # priority 高, but the kinship is the registry's, not the monitoring list's: 置信度 中 (held-out 55)
    from rostercheck.rules._coverage import LEADS

    found = LEADS["L02"](context(ROSTER, lists))
    assert [x.confidence for x in found] == ["中"] and "按户籍同户号" in found[0].evidence
    lists["monitoring"] = mon("王户主", HEAD, [("王儿", "长子", SON)], income="4000")  # listed: 高
    assert [x.confidence for x in LEADS["L02"](context(ROSTER, lists))] == ["高"]


def test_l02_dead_member_is_no_lead():
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4000"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 1)}],
             "deaths": [{"name": "王儿", "id": SON, "date": "2026-01-05"}]}
    assert leads(context(ROSTER, lists), "L02") == []


def test_l02_a_member_the_registry_or_a_roster_records_as_dead_is_no_lead():
    # held-out 182: dead (户籍 人员状态 死亡, or a 特困 roster's own 已死亡 row) without a deaths list: leads at 中
    import datetime as dt

    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4000"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 1)}],
             "registry": [{"household_no": "9", "name": "王户主", "id": HEAD, "relation": "户主", "status": "正常"},
                          {"household_no": "9", "name": "王儿", "id": SON, "relation": "子", "status": "死亡"}]}
    assert leads(context(ROSTER, lists), "L02") == []
    lists["registry"][1]["status"] = "正常"
    assert len(leads(context(ROSTER, lists), "L02")) == 1
    ctx = context(ROSTER, lists)
    ctx.departed = {SON: ("已死亡", dt.date(2026, 5, 20), 7, "特困人员信息.xlsx")}
    assert leads(ctx, "L02") == []


def test_l02_illness_row_with_an_id_stored_as_a_number_links_by_name_and_first_digits():
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4800"),
             "illness": [{"name": "王儿", "id": float(SON[:15] + "000"), "disease": "尿毒症"}]}
    from rostercheck.rules.l_coverage import severe_member

    (lead,) = severe_member(context(ROSTER, lists))
    assert (lead.priority, lead.confidence) == ("高", "中") and "前14位" in lead.key  # a damaged ID is never 高


def test_l02_takes_the_village_from_the_head_when_the_disability_row_names_only_its_township():
    from rostercheck.rules._coverage import LEADS

    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4800", village="北村"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 2), "township": "城关镇"}]}
    [found] = LEADS["L02"](context(ROSTER, lists))
    assert (found.person["township"], found.person["village"]) == ("城关镇", "北村")


def test_l02_a_death_listed_by_an_id_stored_as_a_number_is_no_lead():
    # (held-out 221) a deaths list whose IDs were all numbers excluded the dead from L01 (name + first digits) but not
    # from L02: a man dead since March was a lead for 单人户施保
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4800"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 1)}],
             "deaths": [{"name": "王儿", "id": float(SON[:15] + "000"), "date": "2026-03-02"}]}
    assert leads(context(ROSTER, lists), "L02") == []


@pytest.mark.parametrize("jailed, start, end, expected", [
    # (held-out 221) the disabled son is in prison on the review date: nobody to enrol now (was a 高 lead), as L01
    (SON, "2025-11-01", "2029-10-31", []),
    # his ID stored as a number on the prisoners list: linked by name + first digits, as L01 links it
    (float(SON[:15] + "000"), "2025-11-01", "2029-10-31", []),
    # out of prison before the review date: the lead it was
    (SON, "2020-11-01", "2025-10-31", [("王儿", "高")]),
])
def test_l02_a_person_in_custody_is_no_one_to_enrol(jailed, start, end, expected):
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4800"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 2)}],
             "prisoners": [{"name": "王儿", "id": jailed, "start": start, "end": end}]}
    assert leads(context(ROSTER, lists), "L02") == expected


def test_l02_a_risk_eliminated_after_the_review_date_is_a_low_lead():
    # held-out 235: L01 read 已消除 with a later 风险消除时间 as not yet eliminated, L02 as eliminated: no lead
    from rostercheck.rules._coverage import LEADS

    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4000", risk="已消除",
                               risk_date="2026-11-15"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 1)}]}
    (lead,) = LEADS["L02"](context(ROSTER, lists))
    assert (lead.priority, lead.person["name"]) == ("低", "王儿")
    assert "2026-11-15 在核查基准日之后，核查基准日时风险尚未消除（待核实）" in lead.evidence
    lists["monitoring"][0]["risk_date"] = "2026-09-01"  # eliminated before the review date: none
    assert leads(context(ROSTER, lists), "L02") == []


@pytest.mark.parametrize("disabled, whole", [([], True), ([{"name": "王儿", "cert": cert(SON, 4, 2)}], False)])
def test_l02_a_seriously_ill_member_of_a_rural_household_is_for_the_whole_household(disabled, whole):
    # seed 004: 农村低收入家中的重病患者不能单人户施保，若符合条件，应整户施保 (held-out 292: "可考虑单人户施保")
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4800"),
             "illness": [{"name": "王儿", "id": SON, "disease": "尿毒症"}]}
    if disabled:
        lists["disabled"] = disabled
    (lead,) = LEADS["L02"](context(ROSTER, lists))
    assert ("不能单人户施保，如符合条件应整户施保" in lead.evidence) == whole
    assert ("可考虑单人户施保" in lead.evidence) == (not whole)


ILL = {"name": "王儿", "born": "1998-01-01", "disease": "尿毒症", "self_paid": "18600"}
NAMESAKE = {"household_no": "6", "name": "王儿", "id": make_id("19980101", 73), "relation": "户主", "village": "西村"}


@pytest.mark.parametrize("illness, registry, expected", [
    # must flag at 低: a 医保 export without IDs (医保个人编号, 姓名, 出生日期): the one 王儿 born 1998-01-01 known
    ([ILL], [], [("王儿", "低")]),
    # … its 医保个人编号 taken for the ID column (18 digits, no valid ID)
    ([{**ILL, "id": "430521000012345678"}], [], [("王儿", "低")]),
    # … 出生日期 written in words
    ([{**ILL, "born": "1998年01月01日"}], [], [("王儿", "低")]),
    # must not flag: another birth date; another name; no birth date (never by the name alone)
    ([{**ILL, "born": "1998-02-01"}], [], []),
    ([{**ILL, "name": "王二"}], [], []),
    ([{**ILL, "born": ""}], [], []),
    # must not flag: two people of that name and birth date are known (a namesake in another village)
    ([ILL], [NAMESAKE], []),
])
def test_l02_an_illness_list_without_ids_links_by_name_and_birth_date(illness, registry, expected):
    # h429: a 医保 大病 list naming people by 医保个人编号, 姓名 and 出生日期 only gave no lead at all
    from rostercheck.rules.l_coverage import severe_member

    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4800"), "illness": illness}
    if registry:
        lists["registry"] = registry
    ctx = context(ROSTER, lists)
    assert leads(ctx, "L02") == expected
    if expected:
        (lead,) = severe_member(ctx)
        assert lead.person["id"] == SON and lead.confidence == "低" and "按姓名+出生日期" in lead.evidence


def test_l02_an_illness_found_by_name_and_birth_date_raises_no_household_lead():
    # h429: the household's L01 lead is not raised to 高 by an ill member found by name and birth date only
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4800")}
    assert leads(context(ROSTER, {**lists, "illness": [{**ILL, "id": SON}]}), "L01") == [("王户主", "高")]
    assert leads(context(ROSTER, {**lists, "illness": [ILL]}), "L01") == [("王户主", "中")]


BROTHER = make_id("19960101", 71)


@pytest.mark.parametrize("kind, row, expected", [
    # h446: a brother on the public payroll, or with wages above the low-income line for every known member, contradicts
    # the household's low income: the L02 lead is 低, as the household's L01 (it was 高 beside an L01 低)
    ("staff", {"name": "王兄", "id": BROTHER, "unit": "县财政局", "category": "公务员"}, [("王儿", "低")]),
    ("wages", {"name": "王兄", "id": BROTHER, "employer": "某有色集团", "wage": 7800, "month": "202609"}, [("王儿", "低")]),
    # the disabled son's own move out makes it 低; his brother's alone is only said (the household is still here)
    ("migrations", {"name": "王儿", "id": SON, "date": "2026-03-01", "dest": "陕西省西安市未央区"}, [("王儿", "低")]),
    ("migrations", {"name": "王兄", "id": BROTHER, "date": "2026-03-01", "dest": "陕西省西安市未央区"}, [("王儿", "高")]),
    # must stay 高: wages that do not lift the household above the line (3 × 774 = 2,322), a namesake on the staff list
    ("wages", {"name": "王兄", "id": BROTHER, "employer": "某有色集团", "wage": 1800, "month": "202609"}, [("王儿", "高")]),
    ("staff", {"name": "王兄", "id": make_id("19960101", 73), "unit": "县财政局", "category": "公务员"}, [("王儿", "高")]),
])
def test_l02_household_means_on_audit_lists_make_it_low(kind, row, expected):
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON), ("王兄", "次子", BROTHER)], income="4000"),
             "disabled": [{"name": "王儿", "cert": cert(SON, 4, 1)}], kind: [row]}
    assert leads(context(ROSTER, lists), "L02") == expected
    if expected[0][1] == "低":
        from rostercheck.rules._coverage import LEADS

        assert row["name"] in LEADS["L02"](context(ROSTER, lists))[0].evidence


def test_an_unread_disability_level_is_said():
    # (held-out 457) a level no reading knows was a person with no level, lost from L02/L04 unsaid
    from rostercheck.rules._vocab import value_warnings

    disabled = [{"name": "王儿", "id": SON, "disability_type": "肢体", "disability_level": level}
                for level in ("待评定", "二级", "重度", "")]
    said = value_warnings(context(ROSTER, {"disabled": disabled}), kinds=("disabled",))
    assert len(said) == 1 and "“残疾等级”列有 1 行的值未能识别（“待评定”1 行）" in said[0]
