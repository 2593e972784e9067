"""L03 可能符合特困条件: must-flag and must-not-flag cases."""

from __future__ import annotations

import pytest

from helpers import AS_OF, context, household, leads, make_id
from test_l01 import mon

OLD = make_id("19500101", 32, "430522")      # 76, female
SON = make_id("19780101", 51, "430522")      # 48
WIFE65 = make_id("19610101", 62, "430522")   # 65
WIFE75 = make_id("19510101", 64, "430522")   # 75
KID = make_id("20150101", 71, "430522")      # 11
ROSTER = household("张在册", make_id("19800101", 11))


NEIGHBOUR, NEIGHBOUR_FATHER = make_id("19850101", 81, "430523"), make_id("19550101", 83, "430523")


def reg(*rows) -> list[dict]:
    """Registry rows: (户号, name, id, relation[, father_id, mother_id]); with parent columns, a neighbour's row fills them."""
    out = []
    if any(len(r) > 4 for r in rows):
        out.append({"household_no": "8", "name": "邻居", "id": NEIGHBOUR, "relation": "户主", "father_id": NEIGHBOUR_FATHER,
                    "mother_id": ""})
    for hh, name, pid, rel, *parents in rows:
        row = {"household_no": hh, "name": name, "id": pid, "relation": rel}
        if parents:
            row["father_id"], row["mother_id"] = parents
        out.append(row)
    return out


ALONE = ("1", "王老人", OLD, "户主", "", "")


@pytest.mark.parametrize("registry, extra, expected", [
    # must flag: 76, alone, the registry shows parent columns and no child anywhere -> 中
    (reg(ALONE), {}, [("王老人", "中")]),
    # must flag at 低: the registry cannot show children living elsewhere (no parent columns, no supporters list)
    (reg(ALONE[:4]), {}, [("王老人", "低")]),
    # must not flag: her son lives in another household of the registry (母亲身份证号)
    (reg(ALONE, ("2", "王儿", SON, "户主", "", OLD)), {}, []),
    # must not flag: the supporters list names her son
    (reg(ALONE[:4]), {"supporters": [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王儿", "id": SON,
                                       "relation": "子"}]}, []),
    # must flag: the son elsewhere is dead
    (reg(ALONE, ("2", "王儿", SON, "户主", "", OLD)), {"deaths": [{"name": "王儿", "id": SON, "date": "2025-01-01"}]},
     [("王老人", "中")]),
    # must flag: the exit list says the son elsewhere left 低保 because he died (as good as a death record)
    (reg(ALONE, ("2", "王儿", SON, "户主", "", OLD)),
     {"exits": [{"head_name": "王儿", "head_id": SON, "date": "2026-01-01", "reason": "病故"}]}, [("王老人", "中")]),
    # must not flag: an able spouse (65) in the same household
    (reg(("1", "王老人", OLD, "户主", "", ""), ("1", "李老伴", WIFE65, "妻", "", "")), {}, [("李老伴", "中")]),
    # must flag: the spouse is 75 (no ability to support, 特困人员认定办法 第八条) — both are leads
    (reg(("1", "王老人", OLD, "户主", "", ""), ("1", "李老伴", WIFE75, "妻", "", "")), {},
     [("李老伴", "中"), ("王老人", "中")]),
])
def test_l03_uncovered_elderly(registry, extra, expected):
    people = [(r["name"], r["relation"], r["id"]) for r in registry if r["household_no"] == "1" and r["id"] != OLD]
    lists = {"monitoring": mon("王老人", OLD, people, income="8000"), "registry": registry, **extra}
    assert leads(context(ROSTER, lists), "L03") == expected


@pytest.mark.parametrize("husband", [make_id("19810101", 102, "430522"), make_id("19810101", 212, "430522")])
def test_l03_a_spouse_id_typed_as_a_number_is_nobodys(husband):
    # the registry's 配偶身份证号 stored as a number: its cut form (…1000) is no ID to count an able spouse by, even where
    # it passes the check character (the first husband's does: he was an able supporter found, and she no lead)
    registry = reg(ALONE)
    registry[-1]["spouse_id"] = float(husband[:15] + "000")
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": registry}
    assert leads(context(ROSTER, lists), "L03") == [("王老人", "中")]


def test_l03_an_exit_for_death_of_somebody_on_a_roster_now_is_a_members_death():
    # '死亡减员' on the row of a head whose household is still enrolled: he is alive, and supports his mother
    registry = reg(ALONE, ("2", "王儿", SON, "户主", "", OLD))
    exits = [{"head_name": "王儿", "head_id": SON, "date": "2026-01-01", "reason": "死亡减员"}]
    lists = {"monitoring": mon("王老人", OLD, income="8000"), "registry": registry, "exits": exits}
    assert leads(context(ROSTER + household("王儿", SON), lists), "L03") == []
    assert leads(context(ROSTER, lists), "L03") == [("王老人", "中")]


def test_l03_a_minor_the_monitoring_list_leaves_out_but_the_registry_puts_in_the_household():
    # the list names only the grandmother (75); the registry has her grandson of 11 with both parents dead
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    father, mother = make_id("19800101", 53, "430522"), make_id("19820101", 64, "430522")
    alone = reg(("1", "王奶奶", WIFE75, "户主", "", ""), ("1", "王孙", KID, "孙子", father, mother))
    dead = [{"name": "王爸", "id": father, "date": "2024-05-01"}, {"name": "王妈", "id": mother, "date": "2023-02-01"}]
    lists = {"monitoring": mon("王奶奶", WIFE75, income="8000"), "registry": alone, "deaths": dead}
    found = {x.person["name"]: x for x in LEADS["L03"](context(ROSTER, lists))}
    assert set(found) == {"王奶奶", "王孙"}
    kid = found["王孙"]
    assert kid.confidence == "中" and kid.person["head_name"] == "王奶奶" and "监测名单未列本人" in kid.evidence
    # who was looked at and why none can support him: each parent by the tie and name (held-out 120: "父母4305…已死亡")
    assert "父亲王爸（430522********" in kid.evidence and "母亲王妈（430522********" in kid.evidence
    assert kid.evidence.count("已死亡") >= 2


def test_l03_minor_with_grandmother_only_but_not_with_parents():
    alone = reg(("1", "王奶奶", WIFE75, "户主", "", ""), ("1", "王孙", KID, "孙子", "", ""))
    lists = {"monitoring": mon("王奶奶", WIFE75, [("王孙", "孙子", KID)], income="8000"), "registry": alone}
    assert leads(context(ROSTER, lists), "L03") == [("王奶奶", "中"), ("王孙", "中")]
    with_father = reg(("1", "王爸", SON, "户主", "", ""), ("1", "王孙", KID, "子", "", ""))
    lists = {"monitoring": mon("王爸", SON, [("王孙", "子", KID)], income="8000"), "registry": with_father}
    assert leads(context(ROSTER, lists), "L03") == []


def test_l03_dibao_member_alone_is_a_transfer_lead():
    roster = household("王老人", OLD)
    lists = {"registry": reg(ALONE), "monitoring": mon("某某", make_id("19800101", 91), income="9000")}
    assert leads(context(roster, lists), "L03") == [("王老人", "中")]
    # with a wife of 55 in the same roster household: supported, no lead
    roster = household("王老人", OLD, [("李老伴", "妻", make_id("19710101", 62, "430522"))])
    assert "王老人" not in {n for n, _ in leads(context(roster, lists), "L03")}
    # a wife of 65 on 低保 with him is a 低保 recipient aged 60 or more: unable to support him (held-out 55)
    roster = household("王老人", OLD, [("李老伴", "妻", WIFE65)])
    assert "王老人" in {n for n, _ in leads(context(roster, lists), "L03")}
    # the evidence: the roster row as D01 names it, the wife's relation in words (a code 10 is 配偶: held-out 206)
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    roster[1]["relation"] = "10"
    (lead,) = [x for x in LEADS["L03"](context(roster, lists)) if x.person["name"] == "王老人"]
    assert lead.evidence.startswith("低保《") and "李老伴（配偶）" in lead.evidence and lead.source.startswith("花名册（")


def test_l03_explanation_states_which_priority_a_transfer_lead_takes():
    # held-out 234: the explanation said both "否则（无法排除在外居住的子女）为低" and "低保转特困为中"; the code makes a
    # 低保 member 低 where nothing can show children living elsewhere (邓明伟, 龚文, 姚平): the text says so, plainly
    from rostercheck.policy import load_defaults

    lists = {"monitoring": mon("某某", make_id("19800101", 91), income="9000")}
    assert leads(context(household("王老人", OLD), {**lists, "registry": reg(ALONE)}), "L03") == [("王老人", "中")]
    assert leads(context(household("王老人", OLD), {**lists, "registry": reg(ALONE[:4])}), "L03") == [("王老人", "低")]
    text = "".join(load_defaults()[0]["L03"].explanation.split())
    unseen, seen = text.split("能排除时")
    assert "无法排除，一律为“低”，低保转特困也是“低”" in unseen and "低保转特困为“中”" not in unseen
    assert "低保转特困为“中”" in seen


@pytest.mark.parametrize("programme_rows, deaths, registry", [
    # already on the 特困 roster
    ("特困", [], reg(ALONE)),
    # dead
    ("", [{"name": "王老人", "id": OLD, "date": "2026-02-01"}], reg(ALONE)),
    # not in the registry: nothing says who the relatives are
    ("", [], reg(("9", "别人", SON, "户主", "", ""))),
])
def test_l03_must_not_flag(programme_rows, deaths, registry):
    lists = {"monitoring": mon("王老人", OLD, income="8000"), "registry": registry}
    if deaths:
        lists["deaths"] = deaths
    extra = [(household("王老人", OLD, programme="特困"), "清河县特困人员名册")] if programme_rows else None
    assert leads(context(ROSTER, lists, extra_rosters=extra), "L03") == []


def test_l03_severe_disabled_adult_supported_by_parents():
    registry = reg(("1", "王爸", WIFE65, "户主", "", ""), ("1", "王儿", SON, "子", "", ""))
    lists = {"disabled": [{"name": "王儿", "cert": f"{SON}52"}], "registry": registry}
    assert leads(context(ROSTER, lists), "L03") == []
    lists["registry"] = reg(("1", "王儿", SON, "户主", "", ""))
    assert leads(context(ROSTER, lists), "L03") == [("王儿", "中")]


def test_l03_dibao_elder_whose_son_in_the_household_is_severely_disabled_is_a_transfer_lead():
    # her only supporter, on the roster with her, is 多重残疾二级: he supports nobody
    roster = household("王儿", SON, [("王老人", "母亲", OLD)], disability="")
    roster[0]["disability"] = "多重残疾二级"
    lists = {"registry": reg(("1", "王儿", SON, "户主", "", ""), ("1", "王老人", OLD, "母亲", "", "")),
             "monitoring": mon("某某", make_id("19800101", 91), income="9000")}
    assert "王老人" in {n for n, _ in leads(context(roster, lists), "L03")}


@pytest.mark.parametrize("relation, expected", [
    ("子", []), ("长子", []), ("", []),
    ("女婿", [("王老人", "中")]), ("儿媳", [("王老人", "中")]), ("弟弟", [("王老人", "中")]),  # (held-out 201)
])
def test_l03_a_supporter_who_owes_no_support_is_none(relation, expected):
    # held-out 201: a younger brother on the supporters list took the lead away from an elder with no legal supporter
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王儿", "id": SON, "relation": relation}]
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE), "supporters": sup}
    assert leads(context(ROSTER, lists), "L03") == expected


def test_l03_names_a_listed_supporter_by_the_lists_relation():
    # held-out 201: the supporters list's 关系 (长子, 次子 …) was said as 儿子 whatever the list wrote
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王儿", "id": SON, "relation": "次子"}]
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE), "supporters": sup,
             "deaths": [{"name": "王儿", "id": SON, "date": "2025-01-01"}]}
    (lead,) = LEADS["L03"](context(ROSTER, lists))
    assert "次子" in lead.evidence and "儿子" not in lead.evidence


def test_l03_names_a_registry_relative_of_the_head_by_the_registrys_relation():
    # held-out 340: the registry's 与户主关系 (长子) was said as 儿子, made of the relative's sex; the supporters list's
    # own 关系 had been quoted since held-out 201
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"),
             "registry": reg(ALONE, ("1", "王儿", SON, "长子", "", "")),
             "deaths": [{"name": "王儿", "id": SON, "date": "2025-01-01"}]}
    (lead,) = LEADS["L03"](context(ROSTER, lists))
    assert "长子王儿（430522********" in lead.evidence and "儿子" not in lead.evidence


@pytest.mark.parametrize("status, start, expected", [
    ("在押", "2024-11-20", [("王老人", "中")]),  # her only son is in prison: unable (特困人员认定办法 第八条)
    ("刑满释放", "2020-01-01", []),  # out again: able
    ("在押", "2026-12-01", []),  # not yet in custody on the review date
])
def test_l03_a_supporter_in_custody_is_unable(status, start, expected):
    # held-out 201: coverage ignored --prisoners, so an only son in prison till 2029 kept the lead away
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王儿", "id": SON, "relation": "儿子"}]
    prison = [{"name": "王儿", "id": SON, "status": status, "start": start, "end": "2029-11-19"}]
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE), "supporters": sup,
             "prisoners": prison}
    assert leads(context(ROSTER, lists), "L03") == expected


def test_coverage_reads_the_prisoners_list(tmp_path):
    # held-out 201: "漏保排查不使用服刑人员名单…已忽略"
    import openpyxl
    from filebuild import household as file_household, write_roster
    from rostercheck.coverage import coverage

    roster = write_roster(tmp_path / "低保花名册.xlsx", file_household("城关镇", "东村", "王老人", OLD))
    lists = {}
    for kind, header, rows in (
            ("registry", ["户号", "姓名", "身份证号", "与户主关系", "父亲身份证号", "母亲身份证号"],
             [["1", "王老人", OLD, "户主", "", ""]]),
            ("supporters", ["被赡养人姓名", "被赡养人身份证号", "赡养人姓名", "赡养人身份证号", "关系"],
             [["王老人", OLD, "王儿", SON, "儿子"]]),
            ("prisoners", ["姓名", "身份证号", "入监日期", "刑期止日", "羁押场所"], [["王儿", SON, "2024-11-20", "2029-11-19", "赣州监狱"]]),
            ("monitoring", ["户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "家庭人均纯收入", "风险是否消除"],
             [["某某", make_id("19800101", 91), "某某", make_id("19800101", 91), "户主", "9000", "否"]])):
        book = openpyxl.Workbook()
        book.active.append(header)
        for row in rows:
            book.active.append(row)
        book.save(tmp_path / f"{kind}.xlsx")
        lists[kind] = tmp_path / f"{kind}.xlsx"
    result = coverage([roster], lists, AS_OF)
    assert not any("已忽略" in w for w in result.warnings)
    found = result.leads
    assert found.loc[found["线索代码"] == "L03", "姓名"].tolist() == ["王老人"]


OLD_SON = make_id("19540101", 51, "430522")  # 72: aged 70 or more
CAR = [{"name": "王儿", "id": OLD_SON, "vehicle_type": "小型轿车", "status": "正常"}]
WAGES = [{"name": "王儿", "id": OLD_SON, "wage": 6000, "month": m} for m in ("2026-07", "2026-08", "2026-09")]


@pytest.mark.parametrize("means, expected", [
    ({}, [("王老人", "中")]),  # 72, nothing in his name: unable (特困人员认定办法 第八条)
    ({"vehicles": CAR}, []),  # 72 with a car: not of low income and little property, able as C07 counts him
    ({"wages": WAGES}, []),
    ({"staff": [{"name": "王儿", "id": OLD_SON, "unit": "县一中", "category": "事业"}]}, []),
])
def test_l03_a_supporter_of_70_with_means_is_able(means, expected):
    # held-out 201: a son of 71 with a car (of 72 with wages of 6,000) was taken as unable: an L03 lead C07 contradicts
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王儿", "id": OLD_SON, "relation": "儿子"}]
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE), "supporters": sup, **means}
    assert leads(context(ROSTER, lists), "L03") == expected
    # … and the same for a 低保 member (低保转特困)
    lists = {"registry": reg(ALONE), "supporters": sup, **means}
    assert leads(context(household("王老人", OLD), lists), "L03") == expected


@pytest.mark.parametrize("means, expected", [
    ({}, "中"),
    ({"vehicles": [{"name": "王老人", "id": OLD, "vehicle_type": "小型轿车", "status": "正常"}]}, "低"),
    ({"vehicles": [{"name": "王老人", "id": OLD, "vehicle_type": "普通二轮摩托车", "status": "正常"}]}, "中"),  # exempt (C04)
    ({"businesses": [{"name": "王老人", "id": OLD, "entity": "王记小卖部", "entity_type": "个体工商户", "status": "存续"}]},
     "低"),
])
def test_l03_a_person_with_a_car_or_a_business_is_low(means, expected):
    # held-out 201: a 低保 member of 61 with a K33 (C04) and one running a shop (C05) were L03 中, as if without income
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    lists = {"registry": reg(ALONE), "supporters": [], **means}
    for ctx in (context(household("王老人", OLD), lists),  # 低保转特困 …
                context(ROSTER, {**lists, "monitoring": mon("王老人", OLD, [], income="8000")})):  # … and not enrolled
        (lead,) = LEADS["L03"](ctx)
        assert lead.priority == expected
        assert ("名下有车辆" in lead.evidence or "经营在业市场主体" in lead.evidence) == (expected == "低")


def test_l03_names_each_unable_supporter_once_and_the_relation_in_words():
    # (held-out 206) "配偶卢芳（…7203）年满 60 周岁的低保对象…、同户卢芳（10（配偶））…": the wife said twice, once by a code
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    husband = make_id("19630101", 55, "430522")
    roster = household("石老汉", husband, [("卢芳", "10", WIFE65)])
    lists = {"registry": reg(("1", "石老汉", husband, "户主", "", ""), ("1", "卢芳", WIFE65, "配偶", "", "")),
             "monitoring": mon("某某", make_id("19800101", 91), income="9000")}
    (lead,) = [ld for ld in LEADS["L03"](context(roster, lists)) if ld.person["name"] == "石老汉"]
    assert lead.evidence.count("卢芳") == 1 and "10（" not in lead.evidence
    # a roster member the registry does not tie to him is still said, by the relation's words
    lists["registry"] = reg(("1", "石老汉", husband, "户主", "", ""))
    (lead,) = [ld for ld in LEADS["L03"](context(roster, lists)) if ld.person["name"] == "石老汉"]
    assert "同户卢芳（配偶）" in lead.evidence


def test_l03_names_a_supporter_in_custody_by_the_prisoners_lists_name():
    # (held-out 206) "母亲411325********2023在押服刑": the registry lacks her, the prisoners list names her
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "id": SON, "relation": "儿子"}]
    prison = [{"name": "王狱儿", "id": SON, "status": "在押", "start": "2024-11-20", "end": "2029-11-19"}]
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE), "supporters": sup,
             "prisoners": prison}
    (lead,) = LEADS["L03"](context(ROSTER, lists))
    assert "王狱儿" in lead.evidence and "在押服刑" in lead.evidence


def test_l03_names_a_supporter_of_70_by_the_supporters_lists_name():
    # (held-out 331) "儿子410523********0034年满 70 周岁": the registry lacks him, the supporters list names him
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王老儿", "id": OLD_SON, "relation": "儿子"}]
    for ctx in (context(household("王老人", OLD), {"registry": reg(ALONE), "supporters": sup}),
                context(ROSTER, {"registry": reg(ALONE), "supporters": sup,
                                 "monitoring": mon("王老人", OLD, [], income="8000")})):
        (lead,) = LEADS["L03"](ctx)
        assert "儿子王老儿（" in lead.evidence and "年满 70 周岁" in lead.evidence


@pytest.mark.parametrize("relation", ["女婿", "弟弟"])
def test_l03_says_why_a_listed_supporter_owes_no_support(relation):
    # (held-out 206) the only supporter listed, a son-in-law, dropped unsaid: the clerk saw "no legal supporter" beside him
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王婿", "id": SON, "relation": relation}]
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE), "supporters": sup}
    (lead,) = LEADS["L03"](context(ROSTER, lists))
    assert f"{relation}王婿（430522********0514）不是法定义务人" in lead.evidence


@pytest.mark.parametrize("extra, expected", [
    # alone, the lead she is ...
    ({}, [("王老人", "中")]),
    # ... till she died: the deaths list gives her ID as a number (its last digits lost), linked by name + first digits
    ({"deaths": [{"name": "王老人", "id": float(OLD[:15] + "000"), "date": "2026-04-12"}]}, []),
    # her only son, found through the registry's 母亲身份证号, is in prison: the prisoners list gives his ID as a number
    ({"prisoners": [{"name": "王儿", "id": float(SON[:15] + "000"), "start": "2024-05-10", "end": "2031-05-09"}]},
     [("王老人", "中")]),
    # (and out of prison before the review date he is able again)
    ({"prisoners": [{"name": "王儿", "id": float(SON[:15] + "000"), "start": "2020-05-10", "end": "2025-05-09"}]}, []),
])
def test_l03_deaths_and_prisoners_listed_by_ids_stored_as_numbers(extra, expected):
    # (held-out 221) such lists were used by L01 only: two dead men were L03 leads, a mother whose only son is in
    # prison until 2031 lost hers
    son = [("2", "王儿", SON, "户主", "", OLD)] if "prisoners" in extra else []
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE, *son), **extra}
    assert leads(context(ROSTER, lists), "L03") == expected


@pytest.mark.parametrize("roster, start, expected", [
    # (held-out 221) she is herself in prison on the review date: nobody to enrol now (was a 中 lead), as L01
    (ROSTER, "2024-11-20", []),
    # … nor to move from 低保 to 特困 (低保转特困)
    (household("王老人", OLD), "2024-11-20", []),
    # not yet in custody on the review date: the lead it was
    (ROSTER, "2026-12-01", [("王老人", "中")]),
])
def test_l03_a_person_in_custody_is_no_one_to_enrol(roster, start, expected):
    lists = {"monitoring": mon("王老人", OLD, [], income="8000"), "registry": reg(ALONE),
             "prisoners": [{"name": "王老人", "id": OLD, "status": "在押", "start": start, "end": "2029-11-19"}]}
    assert leads(context(roster, lists), "L03") == expected


def test_l03_a_risk_eliminated_after_the_review_date_is_a_low_lead():
    # held-out 235: as L01, a household the list marks eliminated on a date after the review date is still a lead, 低
    from rostercheck.rules._coverage import LEADS

    lists = {"monitoring": mon("王老人", OLD, [], income="8000", risk="已消除", risk_date="2026-11-15"),
             "registry": reg(ALONE)}
    (lead,) = LEADS["L03"](context(ROSTER, lists))
    assert lead.priority == "低" and "2026-11-15 在核查基准日之后" in lead.evidence
    lists["monitoring"][0]["risk_date"] = "2026-09-01"
    assert leads(context(ROSTER, lists), "L03") == []


def test_l03_a_disabled_list_person_is_placed_by_the_exits_list():
    # held-out 243: a lead from the disability list (no place of its own) is placed as L02 and L04 place it: here the
    # 停保 list names her household; with no list placing her it stays blank (郭辉伟, 彭福涛)
    from test_l04 import placed

    exits = [{"head_name": "王老人", "head_id": OLD, "date": "2025-03-01", "reason": "收入超标", "township": "西镇",
              "village": "南村"}]
    lists = {"disabled": [{"name": "王老人", "cert": f"{OLD}44"}], "registry": reg(ALONE)}
    assert placed(context(ROSTER, lists), "L03", OLD) == ("", "", "王老人", OLD)
    assert placed(context(ROSTER, {**lists, "exits": exits}), "L03", OLD) == ("西镇", "南村", "王老人", OLD)


@pytest.mark.parametrize("cert, roster_cell, expected", [
    ("42", "二级", [("王儿", "中")]),  # 肢体二级: unable to work
    ("22", "二级", []),  # 听力二级 on the list, a bare 二级 on the roster (held-out 292: L03 中)
    ("12", "", []), ("11", "", [("王儿", "中")]),  # 视力: level 1 only
    (None, "听力二级", []), (None, "二级", [("王儿", "中")]),  # the roster alone: its category when written
])
def test_l03_a_disability_makes_a_working_age_person_unable_by_its_category_and_level(cert, roster_cell, expected):
    roster = household("王儿", SON, disability=roster_cell)
    lists = {"registry": reg(("1", "王儿", SON, "户主", "", ""))}
    if cert:
        lists["disabled"] = [{"name": "王儿", "cert": f"{SON}{cert}"}]
    assert leads(context(roster, lists), "L03") == expected


@pytest.mark.parametrize("shown, expected", [
    # must lower to 低: the deaths list's 王老人 shows this one's region and last four digits (birth masked)
    (OLD[:6] + "********" + OLD[-4:], [("王老人", "低")]),
    # must not lower: a namesake whose masked ID shows other digits
    ("430599********" + OLD[-4:], [("王老人", "中")]),
])
def test_l03_a_masked_death_of_the_same_name_and_digits_lowers_the_lead(shown, expected):
    # held-out 422: a dead lone elder on the deaths list under a masked ID was an L03 中 lead
    from test_l01 import _with_masked_deaths

    lists = {"monitoring": mon("王老人", OLD, income="3000"), "registry": reg(ALONE),
             "deaths": [{"name": "王老人", "id": shown, "date": "2026-03-01"}]}
    got, _ = _with_masked_deaths(context(ROSTER, lists), "L03")
    assert got == expected


@pytest.mark.parametrize("relation, expected", [
    # h446: a lone 76-year-old of a 集体户, a 低保 man under the same 户号 as 非亲属: not covered, no supporter
    ("非亲属", [("王老人", "中")]),
    # must not flag: her son on the roster covers her (and supports her)
    ("子", []),
])
def test_l03_a_non_relative_under_the_same_household_number(relation, expected):
    registry = reg(ALONE, ("1", "张在册", make_id("19800101", 11), relation, "", ""))
    lists = {"monitoring": mon("王老人", OLD, income="3000"), "registry": registry}
    assert leads(context(ROSTER, lists), "L03") == expected


OTHER_SUPPORTED = [{"dependent_name": "某老人", "dependent_id": make_id("19450101", 93, "430522"), "name": "某儿",
                    "id": make_id("19700101", 95, "430522"), "relation": "子"}]


def test_l03_a_supporters_list_without_a_registry_still_gives_the_unlisted_at_low():
    # (held-out 457) a supporters list given without a registry: everybody it does not name was dropped unsaid, as if
    # the registry had no row of them — now a 低 lead saying the relatives are unknown
    roster = household("王老人", OLD)
    lists = {"supporters": OTHER_SUPPORTED, "monitoring": mon("某某", make_id("19800101", 91), income="9000")}
    assert leads(context(roster, lists), "L03") == [("王老人", "低")]
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    (lead,) = LEADS["L03"](context(roster, lists))
    assert "未提供户籍人口信息，赡养义务人名单中没有本人" in lead.evidence
    # an uncovered elderly person alone on the monitoring list: the same
    lists = {"supporters": OTHER_SUPPORTED, "monitoring": mon("王老人", OLD, income="4800")}
    assert leads(context(ROSTER, lists), "L03") == [("王老人", "低")]
    # must not flag: the supporters list names her able son
    sup = [{"dependent_name": "王老人", "dependent_id": OLD, "name": "王儿", "id": SON, "relation": "子"}]
    assert leads(context(roster, {"supporters": sup}), "L03") == []
    # must not flag: a child in a monitoring household of several (its parents are there, the list's relations unread)
    lists = {"supporters": OTHER_SUPPORTED,
             "monitoring": mon("王父", make_id("19800101", 97, "430522"), [("王孩", "子", KID)], income="4800")}
    assert leads(context(ROSTER, lists), "L03") == []
    # with a registry that does not hold her: still nothing (the registry is the county's; she is not in it)
    lists = {"registry": reg(("5", "某人", SON, "户主")), "monitoring": mon("某某", make_id("19800101", 91), income="9000")}
    assert leads(context(roster, lists), "L03") == []
