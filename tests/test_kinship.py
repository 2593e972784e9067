"""Kinship: roles from 与户主关系, pairwise relations inside a 户, registry and filing links."""

import pytest

from helpers import AS_OF, context, household, make_id
from rostercheck import kinship as k

CADRE = make_id("19750101", 111)
WIFE = make_id("19770202", 122)
FATHER = make_id("19480303", 131)
MOTHER = make_id("19500404", 142)
SON = make_id("20150505", 151)
BROTHER = make_id("19780606", 161)


@pytest.mark.parametrize("text, role", [
    ("户主", k.HEAD), ("本人", k.HEAD), ("配偶", k.SPOUSE), ("妻子", k.SPOUSE), ("之夫", k.SPOUSE),
    ("长子", k.CHILD), ("次女", k.CHILD), ("子女", k.CHILD), ("儿子", k.CHILD),
    ("父亲", k.PARENT), ("母亲", k.PARENT), ("父母", k.PARENT),
    ("孙子", k.GRANDCHILD), ("外孙女", k.GRANDCHILD), ("祖父", k.GRANDPARENT),
    ("女婿", k.CHILD_IN_LAW), ("儿媳", k.CHILD_IN_LAW), ("岳母", k.PARENT_IN_LAW), ("婆婆", k.PARENT_IN_LAW),
    ("弟弟", k.SIBLING), ("兄弟姐妹", k.SIBLING), ("", k.OTHER), ("侄子", k.OTHER), ("外甥女", k.OTHER), ("堂兄", k.OTHER), ("其他", k.OTHER),
])
def test_role(text, role):
    assert k.role(text) == role


@pytest.mark.parametrize("a, b, kin", [
    (k.HEAD, k.SPOUSE, k.SPOUSE), (k.SPOUSE, k.HEAD, k.SPOUSE),
    (k.HEAD, k.CHILD, k.CHILD), (k.CHILD, k.HEAD, k.PARENT),
    (k.HEAD, k.PARENT, k.PARENT), (k.PARENT, k.HEAD, k.CHILD),
    (k.SPOUSE, k.CHILD, k.CHILD), (k.CHILD, k.SPOUSE, k.PARENT),
    (k.PARENT, k.PARENT, k.SPOUSE), (k.CHILD, k.CHILD, k.SIBLING),
    (k.SPOUSE, k.PARENT_IN_LAW, k.PARENT), (k.PARENT, k.CHILD, k.GRANDCHILD),
    (k.SPOUSE, k.PARENT, k.OTHER), (k.CHILD_IN_LAW, k.GRANDCHILD, k.OTHER),
])
def test_pair_kin(a, b, kin):
    assert k.pair_kin(a, b) == kin


def test_kin_label_by_sex():
    assert (k.kin_label(k.PARENT, "男"), k.kin_label(k.PARENT, "女"), k.kin_label(k.PARENT)) == ("父亲", "母亲", "父母")
    assert k.kin_label(k.OTHER, "男") == "同户亲属"


def _registry():
    rows = [("王建国", "户主", CADRE), ("刘芳", "配偶", WIFE), ("王老汉", "父亲", FATHER), ("李秀英", "母亲", MOTHER),
            ("王小宝", "子女", SON)]
    out = [{"household_no": "1001", "name": n, "relation": r, "id": i, "address": "城关镇东村"} for n, r, i in rows]
    out.append({"household_no": "1002", "name": "王建军", "relation": "户主", "id": BROTHER, "address": "城关镇东村"})
    return out


def _ctx():
    roster = (household("王老汉", FATHER, [("李秀英", "配偶", MOTHER)], village="东村")
              + household("王小宝", SON, village="东村") + household("王建军", BROTHER, village="东村"))
    cadres = [{"name": "王建国", "id": CADRE, "village": "东村", "post": "村委会主任"}]
    return context(roster, {"registry": _registry(), "cadres": cadres})


def test_registry_kin_derives_relations_to_the_cadre():
    ctx = _ctx()
    kin = k.registry_kin(ctx, "cadres")
    got = sorted((ctx.members.at[m, "name"], label, conf) for m, label, conf in zip(kin["m"], kin["label"], kin["confidence"]))
    assert got == [("李秀英", "母亲", "中"), ("王小宝", "儿子", "中"), ("王老汉", "父亲", "中")]


def test_brother_in_another_registry_household_is_no_kin():
    ctx = _ctx()
    kin = k.registry_kin(ctx, "cadres")
    assert "王建军" not in {ctx.members.at[m, "name"] for m in kin["m"]}


def test_registry_kin_needs_household_numbers():
    reg = [{**r, "household_no": ""} for r in _registry()]
    roster = household("王老汉", FATHER, village="东村")
    ctx = context(roster, {"registry": reg, "cadres": [{"name": "王建国", "id": CADRE, "village": "东村"}]})
    assert k.registry_kin(ctx, "cadres").empty


def _three_generations(children=("长子",)):
    grandpa, son, wife, grandson = make_id("19500101", 311), make_id("19780202", 321), make_id("19800303", 322), make_id("20150404", 331)
    rows = [("王爷爷", "户主", grandpa), ("王建国", children[0], son), ("张丽", "儿媳", wife), ("王小孙", "孙子", grandson)]
    rows += [(f"王{i}", c, make_id("19820505", 341 + 2 * i)) for i, c in enumerate(children[1:])]
    reg = [{"household_no": "5001", "name": n, "relation": r, "id": i} for n, r, i in rows]
    roster = household("王小孙", grandson, village="东村") + household("张丽", wife, village="东村")
    return context(roster, {"registry": reg, "cadres": [{"name": "王建国", "id": son, "village": "东村"}]})


def test_only_child_is_the_parent_of_the_grandchild_and_the_spouse_of_the_child_in_law():
    ctx = _three_generations()
    kin = k.registry_kin(ctx, "cadres")
    got = sorted((ctx.members.at[m, "name"], label) for m, label in zip(kin["m"], kin["label"]))
    assert got == [("张丽", "妻子"), ("王小孙", "儿子")]
    assert all("推断" in x for x in kin["key"])


def test_with_two_children_the_grandchild_parent_stays_unknown():
    ctx = _three_generations(("长子", "次子"))
    kin = k.registry_kin(ctx, "cadres")
    assert sorted(kin["label"]) == ["同户亲属", "同户亲属"]


# Coded relations (GB/T 4761-2008) and head spellings: read the same in the registry, the roster and role()
@pytest.mark.parametrize("cell, role", [
    ("02", k.HEAD), ("2", k.HEAD), ("01", k.HEAD), ("户主(本人)", k.HEAD), ("本人（户主）", k.HEAD), ("户主本人", k.HEAD),
    ("10", k.SPOUSE), ("12", k.SPOUSE), ("10-配偶", k.SPOUSE), ("配偶(10)", k.SPOUSE), ("20", k.CHILD), ("22", k.CHILD),
    ("30", k.CHILD), ("28", k.CHILD_IN_LAW), ("38", k.CHILD_IN_LAW), ("41", k.GRANDCHILD), ("51", k.PARENT),
    ("52", k.PARENT), ("55", k.PARENT_IN_LAW), ("61", k.GRANDPARENT), ("71", k.SIBLING), ("93", k.OTHER),
    ("99", k.NON_RELATIVE), ("04", k.OTHER), ("甲乙", k.OTHER),
])
def test_coded_role(cell, role):
    assert k.role(cell) == role


def test_registry_with_coded_relations_gives_the_same_kin():
    coded = {"户主": "02", "配偶": "10", "父亲": "51", "母亲": "52", "子女": "20"}
    reg = [{**r, "relation": coded[r["relation"]]} for r in _registry()]
    roster = (household("王老汉", FATHER, [("李秀英", "配偶", MOTHER)], village="东村")
              + household("王小宝", SON, village="东村") + household("王建军", BROTHER, village="东村"))
    ctx = context(roster, {"registry": reg, "cadres": [{"name": "王建国", "id": CADRE, "village": "东村",
                                                        "post": "村委会主任"}]})
    kin = k.registry_kin(ctx, "cadres")
    got = sorted((ctx.members.at[m, "name"], label) for m, label in zip(kin["m"], kin["label"]))
    assert got == [("李秀英", "母亲"), ("王小宝", "儿子"), ("王老汉", "父亲")]


@pytest.mark.parametrize("head", ["户主", "户主(本人)", "本人（户主）", "户主本人", "02", "2", "01"])
def test_roster_without_head_columns_finds_the_head_in_every_spelling(head):
    rows = [{"township": "城关镇", "village": "东村", "name": "张三", "relation": head, "id": CADRE},
            {"township": "城关镇", "village": "东村", "name": "李梅", "relation": "10", "id": WIFE},
            {"township": "城关镇", "village": "东村", "name": "王五", "relation": head, "id": FATHER},
            {"township": "城关镇", "village": "东村", "name": "王小宝", "relation": "子", "id": SON}]
    members = context(rows).members
    assert members["head_id"].tolist() == [CADRE, CADRE, FATHER, FATHER]
    assert members["household"].nunique() == 2


def test_unknown_relations_and_sexes_in_a_roster_are_reported_once_per_column():
    from helpers import table
    from rostercheck.roster import build_members

    rows = [{"name": "张三", "relation": "户主", "id": CADRE, "sex": "1"},
            {"name": "李梅", "relation": "甲", "id": WIFE, "sex": "X"},
            {"name": "王五", "relation": "甲", "id": SON, "sex": "X"}]
    t = table("roster", rows, "roster.xlsx")
    build_members([t], AS_OF)
    assert len(t.warnings) == 2
    assert any("“与户主关系”列有 2 行" in w and "“甲”2 行" in w for w in t.warnings)
    assert any("“性别”列有 2 行" in w for w in t.warnings)
