"""A 公安 人口信息 export given as the deaths list, the moves list and the registry at once (h452: 宁都县 360730, one
population export with 人员状态 正常/注销 and coded 注销原因 死亡/迁出/服兵役 instead of a deaths list)."""

import pytest
from helpers import context, flagged, household, make_id

from rostercheck.audit import run_checks

OWN, OTHER = "360730", "360722"
MOTHER, SON = make_id("19520304", 122, OWN), make_id("19800506", 131, OWN)
A, B = make_id("19500101", 111, OWN), make_id("19600202", 122, OWN)


def coded(rows: list[dict]) -> list[dict]:
    """Roster rows with the system's 行政区划代码 (the county's code known)."""
    return [dict(r, region_code=OWN + "101201") for r in rows]


def person(name: str, id_: str, status: str = "正常", cause: str = "", date: str = "", dest: str = "",
           reason: str = "", household_no: str = "3607301001", relation: str = "02") -> dict:
    """One row of the population export: everyone, living or cancelled."""
    return {"household_no": household_no, "name": name, "id": id_, "relation": relation, "status": status,
            "cause": cause, "date": date, "cancelled": date, "dest_code": dest, "reason": reason}


def as_deaths(rows: list[dict]) -> list[dict]:
    return [{k: r[k] for k in ("name", "id", "status", "cause", "date")} for r in rows]


def as_moves(rows: list[dict]) -> list[dict]:
    return [{k: r[k] for k in ("name", "id", "status", "cause", "date", "dest_code", "reason")} for r in rows]


def as_registry(rows: list[dict]) -> list[dict]:
    return [{k: r[k] for k in ("household_no", "name", "id", "relation", "status", "cause", "cancelled", "dest_code",
                               "reason")} for r in rows]


# The official's own row in the export given as the deaths list: a living one (正常) leaves his mother his kin (C01 中,
# RQ2 中 for a cadre); a death by the review date ends it. h452: every row of the export was a death to the officials'
# check, the staff member's parents and the cadre's mother missed.
@pytest.mark.parametrize("kind, code, status, cause, expected", [
    # must flag: the official alive in the export
    ("staff", "C01", "正常", "", [("李秀英", "中")]),
    ("cadres", "RQ2", "正常", "", [("李秀英", "中")]),
    ("staff", "C01", "注销", "迁出", [("李秀英", "中")]),  # (moved: still her son)
    # must not flag: the official dead by the review date
    ("staff", "C01", "注销", "死亡", []),
    ("cadres", "RQ2", "注销", "死亡", []),
])
def test_a_living_officials_row_in_the_deaths_list_is_no_death(kind, code, status, cause, expected):
    export = [person("李秀英", MOTHER, relation="02"),
              person("王建国", SON, status=status, cause=cause, date="20260315" if cause else "", relation="20")]
    official = {"name": "王建国", "id": SON, "unit": "县水利局", "category": "公务员", "township": "青塘镇",
                "village": "青塘村", "post": "村委委员"}
    ctx = context(household("李秀英", MOTHER, village="青塘村", township="青塘镇"),
                  {kind: [official], "registry": as_registry(export), "deaths": as_deaths(export)})
    assert flagged(ctx, code) == expected


# The registry's 人员状态 注销 beside its 注销原因 (and 迁移原因): a cancellation for a move is no death, and a move is
# judged as a moves list's. h452: a move inside the county and a move to study were C02 中 "请核实是否已死亡".
@pytest.mark.parametrize("cause, dest, reason, expected", [
    # must flag
    ("死亡", "", "", [("李梅", "中")]),
    ("迁出", "440303", "投靠", [("李梅", "中")]),  # (out of the county: the registry's move, 中 at most)
    ("注销", "", "", [("李梅", "中")]),  # (no reason given: maybe a death, said)
    # must not flag
    ("迁出", OWN + "103", "投靠", []),  # a move inside the county
    ("迁出", "360102", "升学", []),  # a move to study
])
def test_a_registry_cancellation_for_a_move_is_no_death(cause, dest, reason, expected):
    export = [person("张三", A), person("李梅", B, status="注销", cause=cause, date="20260420", dest=dest, reason=reason,
                                        relation="10")]
    ctx = context(coded(household("张三", A, [("李梅", "配偶", B)])), {"registry": as_registry(export)})
    assert [(n, c) for n, c in flagged(ctx, "C02") if c != "低"] == expected


# The export given as the moves list: its living rows are nobody's move; a cancellation for military service is none.
# h452: 311 of 318 members were C02 leads "迁往地不详", a conscript one too.
@pytest.mark.parametrize("status, cause, dest, reason, expected", [
    # must flag
    ("注销", "迁出", "440303", "投靠", [("李梅", "高")]),
    ("注销", "迁出", OTHER, "务工", [("李梅", "高")]),
    ("", "", "440303", "", [("李梅", "高")]),  # (a plain moves list: no status column filled)
    # must not flag, at any confidence
    ("正常", "", "", "", []),
    ("在册", "", "", "", []),
    ("注销", "服兵役", "", "", []),
    ("注销", "迁出", "", "参军", []),
])
def test_a_population_export_as_the_moves_list(status, cause, dest, reason, expected):
    export = [person("张三", A), person("李梅", B, status=status, cause=cause, date="20260420" if cause or dest else "",
                                        dest=dest, reason=reason, relation="10")]
    ctx = context(coded(household("张三", A, [("李梅", "配偶", B)])), {"migrations": as_moves(export)})
    assert flagged(ctx, "C02") == expected


# One death the export gives to both lists: one finding, the deaths list's; the moves list alone still gives it.
@pytest.mark.parametrize("lists, sources", [
    (("deaths", "migrations"), ["deaths"]),
    (("migrations",), ["migrations"]),
    (("deaths",), ["deaths"]),
])
def test_a_death_in_both_lists_is_one_finding(lists, sources):
    export = [person("张三", A), person("李梅", B, status="注销", cause="死亡", date="20260512", relation="10")]
    shaped = {"deaths": as_deaths(export), "migrations": as_moves(export)}
    ctx = context(coded(household("张三", A, [("李梅", "配偶", B)])), {k: shaped[k] for k in lists})
    found = [f for f in run_checks(ctx, ["C02"])[0] if f.code == "C02"]
    assert [(ctx.members.at[f.member, "name"], f.confidence) for f in found] == [("李梅", "高")]
    assert [f.source.split("（")[1].split(".")[0] for f in found] == sources


def as_number(pid: str) -> float:
    """An ID as Excel keeps it typed as a number: 15 significant digits."""
    return float(f"{int(pid[:17]):.14e}") * 10


# Namesakes born the same day in one population export whose IDs Excel kept as numbers: one alive, one dead, the same
# 15 digits. h452: 袁建 was C02 中 "姓名一致" by the dead one's row while the living row fitted him as well.
TWIN = make_id("19600202", 132, OWN)  # (李梅 is …122x: both …0202 1 as 15 digits)


@pytest.mark.parametrize("rows, expected, said", [
    # must flag at 中: only the dead row fits (the living namesake born otherwise)
    ([("李梅", as_number(B), "注销", "死亡")], [("李梅", "中")], ""),
    # must flag at 高: the exact ID is the dead row's, whatever else the list holds
    ([("李梅", B, "注销", "死亡"), ("李梅", TWIN, "正常", "")], [("李梅", "高")], ""),
    # must not flag at 高/中: the same cut ID fits a living row too — a lead naming it
    ([("李梅", as_number(B), "正常", ""), ("李梅", as_number(TWIN), "注销", "死亡")], [("李梅", "低")], "也与本人相符，人员状态 正常"),
])
def test_a_cut_id_fitting_a_living_row_too_is_only_a_lead(rows, expected, said):
    assert as_number(B) == as_number(TWIN) and B != TWIN
    export = [person(n, i, status=s, cause=c, date="20260402" if c else "", relation="10") for n, i, s, c in rows]
    for lists in (("deaths",), ("deaths", "migrations"), ("migrations",)):
        shaped = {"deaths": as_deaths(export), "migrations": as_moves(export)}
        ctx = context(coded(household("张三", A, [("李梅", "配偶", B)])), {k: shaped[k] for k in lists})
        assert flagged(ctx, "C02") == expected, lists
        if said:
            assert said in next(f.evidence for f in run_checks(ctx, ["C02"])[0] if f.code == "C02")


# The export given as the deaths list alone: its 迁出 rows are no deaths, and no move is judged — said, not silent.
@pytest.mark.parametrize("lists, said", [
    (("deaths",), True),
    (("deaths", "migrations"), False),
    (("deaths", "registry"), False),
])
def test_moves_in_a_deaths_list_given_alone_are_said(lists, said):
    export = [person("张三", A), person("李梅", B, status="注销", cause="迁出", date="20260420", dest="440303",
                                        relation="10")]
    shaped = {"deaths": as_deaths(export), "migrations": as_moves(export), "registry": as_registry(export)}
    ctx = context(coded(household("张三", A, [("李梅", "配偶", B)])), {k: shaped[k] for k in lists})
    run_checks(ctx, ["C02"])
    assert ("c02:moves_in_deaths" in ctx.cache) == said
    if said:
        assert "1 名保障对象的注销原因为迁出等" in ctx.cache["c02:moves_in_deaths"][0]


@pytest.mark.parametrize("status, said", [("注销", False), ("已注销", False), ("3", True), ("待定", True)])
def test_a_bare_cancelled_status_is_no_unread_value(status, said):
    # (its 注销原因 decides, as C02 reads it: "注销" is not said unread, a code still is)
    from rostercheck.rules._vocab import value_warnings

    export = [person("李梅", B, status=status, cause="死亡", date="20260402", relation="10")]
    ctx = context(coded(household("张三", A, [("李梅", "配偶", B)])), {"deaths": as_deaths(export)})
    assert any("人员状态" in w for w in value_warnings(ctx)) == said
    if not said:
        assert flagged(ctx, "C02") == [("李梅", "高")]
