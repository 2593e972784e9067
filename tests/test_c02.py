"""C02: dead, in custody on the review date, or moved out of the county."""

from helpers import context, flagged, flagged_names, household, make_id

A = make_id("19500101", 111)
B = make_id("19600202", 121)
C = make_id("19700303", 131)
D = make_id("20060404", 141)


def roster():
    return (household("张三", A, [("李梅", "配偶", B)], township="城关镇")
            + household("王五", C, [("王小", "子女", D)], township="河口乡", village="西村"))


def test_dead_member_flagged_high():
    ctx = context(roster(), {"deaths": [{"name": "李梅", "id": B, "date": "2026-05-01"}]})
    assert flagged(ctx, "C02") == [("李梅", "高")]


def test_death_after_review_date_not_flagged():
    ctx = context(roster(), {"deaths": [{"name": "李梅", "id": B, "date": "2026-11-01"}]})
    assert flagged(ctx, "C02") == []


def test_namesake_of_dead_person_not_flagged():
    ctx = context(roster(), {"deaths": [{"name": "李梅", "id": make_id("19450707", 122), "date": "2026-05-01"}]})
    assert flagged(ctx, "C02") == []


def test_dead_member_whose_roster_id_is_a_number_found_at_medium():
    rows = roster()
    rows[1]["id"] = float(B[:15] + "000")
    ctx = context(rows, {"deaths": [{"name": "李梅", "id": B, "date": "2026年5月1日"}]})
    assert flagged(ctx, "C02") == [("李梅", "中")]


def test_prisoner_in_custody_flagged_and_released_not():
    lists = {"prisoners": [
        {"name": "王五", "id": C, "start": "2025-01-01", "end": "2028-12-31"},
        {"name": "张三", "id": A, "start": "2020-01-01", "end": "2026-03-01"},
    ]}
    assert flagged_names(context(roster(), lists), "C02") == {"王五"}


def test_prisoner_with_life_sentence_flagged():
    lists = {"prisoners": [{"name": "王五", "id": C, "start": "2025-01-01", "end": "无期"}]}
    assert flagged_names(context(roster(), lists), "C02") == {"王五"}


def test_prisoner_entering_after_review_date_not_flagged():
    lists = {"prisoners": [{"name": "王五", "id": C, "start": "2026-10-15", "end": "2028-12-31"}]}
    assert flagged(context(roster(), lists), "C02") == []


def test_moves():
    lists = {"migrations": [
        {"name": "李梅", "id": B, "date": "2026-06-01", "dest": "广东省深圳市宝安区", "reason": "务工"},
        {"name": "王小", "id": D, "date": "2026-09-01", "dest": "湖南省长沙市岳麓区中南大学", "reason": "升学"},
        {"name": "王五", "id": C, "date": "2026-04-01", "dest": "清河县城关镇东村", "reason": "投靠亲属"},
        {"name": "张三", "id": A, "date": "2026-04-01", "dest": "城关镇南街社区", "reason": "购房"},
    ]}
    assert flagged(context(roster(), lists), "C02") == [("李梅", "高")]


def test_move_for_marriage_out_of_county_flagged():
    lists = {"migrations": [{"name": "王小", "id": D, "date": "2026-06-01", "dest": "河南省郑州市金水区", "reason": "婚嫁"}]}
    assert flagged_names(context(roster(), lists), "C02") == {"王小"}


def test_move_to_same_named_township_in_another_county_flagged():
    lists = {"migrations": [{"name": "李梅", "id": B, "date": "2026-06-01", "dest": "湖南省某某县城关镇", "reason": "投靠亲属"}]}
    assert flagged_names(context(roster(), lists), "C02") == {"李梅"}


def test_cross_county_move_type_wins_and_inside_type_excluded():
    lists = {"migrations": [
        {"name": "李梅", "id": B, "date": "2026-06-01", "dest": "城关镇", "move_type": "跨县迁出"},
        {"name": "王五", "id": C, "date": "2026-06-01", "dest": "", "move_type": "县内迁移"},
    ]}
    assert flagged_names(context(roster(), lists), "C02") == {"李梅"}


def test_unknown_destination_is_only_a_low_lead():
    lists = {"migrations": [{"name": "李梅", "id": B, "date": "2026-06-01", "dest": ""}]}
    assert flagged(context(roster(), lists), "C02") == [("李梅", "低")]


def test_county_found_from_addresses_when_no_title():
    rows = roster()
    for r in rows:
        r["address"] = "清河县城关镇东村"
    lists = {"migrations": [{"name": "李梅", "id": B, "date": "2026-06-01", "dest": "清河县石桥镇枫林村", "reason": "婚嫁"}]}
    assert flagged(context(rows, lists, roster_title=""), "C02") == []
