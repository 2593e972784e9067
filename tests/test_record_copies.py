"""Two rows of one vehicle or business that disagree (h442): a list joined from two extracts keeps a car's 正常 row
beside its later 注销 row, a company's 存续 row beside its 注销 row. Both cannot be right: the finding resting on the
row in use is a 低 lead naming the other row (C04, C05, and the C09/C10 signals), never 高.
"""

import pytest

from helpers import context, flagged, household, make_id
from rostercheck.audit import run_checks

HEAD = make_id("19700101", 111)
OTHER = make_id("19650505", 151)


def roster(**extra):
    return household("张三", HEAD, [], **extra)


def car(status="正常", plate="湘E·12345", pid=HEAD, name="张三", **extra):
    return {"plate": plate, "vehicle_type": "小型轿车", "use": "非营运", "name": name, "id": pid, "status": status, **extra}


def company(status="存续", entity="清河县鑫旺建材有限公司", **extra):
    return {"entity": entity, "entity_type": "有限责任公司", "name": "张三", "id": HEAD, "employees": 6,
            "status": status, **extra}


# (vehicle rows, C04 expected); the review date is 2026-09-30
VEHICLES = [
    # a 低 lead: the same plate (written with or without the dot) deregistered or transferred by the review date
    ([car(), car(status="注销", end="2025-10-12")], [("张三", "低")]),
    ([car(), car(status="E", plate="湘E12345")], [("张三", "低")]),
    ([car(), car(status="", plate="湘E 12345", remark="已过户")], [("张三", "低")]),
    # must flag 高: another plate gone, the same plate gone only after the review date, another owner's old row
    ([car(), car(status="注销", plate="湘E·67890")], [("张三", "高")]),
    ([car(), car(status="注销", end="2026-11-02")], [("张三", "高")]),
    ([car(), car(status="转出", pid=OTHER, name="李四")], [("张三", "高")]),
]


@pytest.mark.parametrize("rows, expected", VEHICLES)
def test_a_car_row_beside_a_row_saying_it_gone(rows, expected):
    assert flagged(context(roster(), {"vehicles": rows}), "C04") == expected


BUSINESSES = [
    ([company(), company(status="注销", end="2024-06-30")], [("张三", "低")]),
    ([company(), company(status="吊销")], [("张三", "低")]),
    # must flag 高: another business closed
    ([company(), company(status="注销", entity="清河县张三副食店")], [("张三", "高")]),
    # … or one of the same name the list tells apart: registered again (another 成立日期), other 从业人数 (the bench
    # city's 某某商行 rows, one closed and one running for one person, had become 低)
    ([company(start="2023-03-01"), company(status="注销", start="2015-05-20")], [("张三", "高")]),
    ([company(), company(status="注销", employees=3)], [("张三", "高")]),
]


@pytest.mark.parametrize("rows, expected", BUSINESSES)
def test_a_business_row_beside_a_row_saying_it_closed(rows, expected):
    assert flagged(context(roster(), {"businesses": rows}), "C05") == expected


def test_the_evidence_names_the_other_row():
    ctx = context(roster(), {"vehicles": [car(), car(status="注销", end="2025-10-12")]})
    (f,) = run_checks(ctx, ["C04"])[0]
    assert "同一号牌 湘E·12345在第 3 行为机动车状态 注销（注销日期 2025-10-12）" in f.evidence
    assert "两行必有一误" in f.evidence


def test_c09_and_c10_signals_of_such_rows_are_low():
    lists = {"vehicles": [car(), car(status="注销", end="2025-10-12")],
             "businesses": [company(), company(status="注销", end="2024-06-30")]}
    ctx = context(roster(property_declared="无"), lists)
    assert {c for _, c in flagged(ctx, "C10")} <= {"低"}
    plain = context(roster(property_declared="无"), {"vehicles": [car()], "businesses": [company()]})
    assert flagged(plain, "C10") == [("张三", "中")]


# C01: the person's row in post beside his row of the same post saying he left (staff: the unit; cadres: village, post)
STAFF_ROW = {"name": "张三", "id": HEAD, "unit": "清河县第一中学", "category": "事业", "status": "在职"}
CADRE_ROW = {"name": "张三", "id": HEAD, "township": "城关镇", "village": "东村", "post": "村委会委员", "status": "在任"}
POSTS = [
    # a 低 lead: left the same post by the review date, or undated
    ("staff", [STAFF_ROW, dict(STAFF_ROW, status="离职", end="2026-03-31")], [("张三", "低")]),
    ("cadres", [CADRE_ROW, dict(CADRE_ROW, post="村委委员", status="离任", end="2025-12-31")], [("张三", "低")]),
    ("cadres", [CADRE_ROW, dict(CADRE_ROW, status="离任")], [("张三", "低")]),
    # 高: left another post (moved, promoted), or leaves only after the review date
    ("staff", [STAFF_ROW, dict(STAFF_ROW, unit="清河县第二中学", status="调出", end="2025-08-31")], [("张三", "高")]),
    ("cadres", [dict(CADRE_ROW, post="村党支部书记"), dict(CADRE_ROW, status="离任", end="2025-12-31")], [("张三", "高")]),
    ("staff", [STAFF_ROW, dict(STAFF_ROW, status="离职", end="2026-11-30")], [("张三", "高")]),
]


@pytest.mark.parametrize("kind, rows, expected", POSTS)
def test_a_row_in_post_beside_a_row_of_the_same_post_saying_he_left(kind, rows, expected):
    assert flagged(context(roster(), {kind: rows}), "C01") == expected


# C04: a second home's 现势 row beside the same home's row saying it sold or transferred
def home(location, status="现势"):
    return {"name": "张三", "id": HEAD, "usage": "住宅", "location": location, "area": 90, "status": status}


HOMES = [
    ([home("东村 1 号"), home("人民路 8 号"), home("人民路 8 号", "已转移")], [("张三", "低")]),
    ([home("东村 1 号"), home("人民路 8 号"), home("人民路 8 号", "历史")], [("张三", "低")]),
    # 高: the row gone is of a third home; two current homes remain
    ([home("东村 1 号"), home("人民路 8 号"), home("新华路 3 号", "已转移")], [("张三", "高")]),
]


@pytest.mark.parametrize("rows, expected", HOMES)
def test_a_home_beside_a_row_of_it_saying_it_gone(rows, expected):
    ctx = context(roster(property_declared="无"), {"properties": rows})
    assert flagged(ctx, "C04") == expected
    assert {c for _, c in flagged(ctx, "C09")} <= ({"低"} if expected == [("张三", "低")] else {"中"})
