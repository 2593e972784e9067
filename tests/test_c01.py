"""C01: members on the staff or cadre list."""

from helpers import context, flagged, flagged_names, household, make_id

HEAD = make_id("19700101", 111)
WIFE = make_id("19720202", 122)
SON = make_id("20000303", 131)


def roster():
    return household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子女", SON)])


def test_member_on_staff_list_is_flagged_high():
    ctx = context(roster(), {"staff": [{"name": "李梅", "id": WIFE, "unit": "县财政局", "category": "公务员"}]})
    assert flagged(ctx, "C01") == [("李梅", "高")]


def test_member_on_cadre_list_is_flagged():
    ctx = context(roster(), {"cadres": [{"name": "张三", "id": HEAD, "village": "东村", "post": "村委会主任"}]})
    assert flagged_names(ctx, "C01") == {"张三"}


def test_namesake_with_other_id_is_not_flagged():
    other = make_id("19650505", 121)
    ctx = context(roster(), {"staff": [{"name": "李梅", "id": other, "unit": "县教育局", "category": "事业"}]})
    assert flagged(ctx, "C01") == []


def test_staff_id_with_one_mistyped_digit_matches_at_medium():
    typo = WIFE[:15] + ("0" if WIFE[15] != "0" else "1") + WIFE[16:]
    ctx = context(roster(), {"staff": [{"name": "李梅", "id": typo, "unit": "县财政局", "category": "公务员"}]})
    assert flagged(ctx, "C01") == [("李梅", "中")]


def test_mistyped_id_with_other_name_is_not_flagged():
    typo = WIFE[:15] + ("0" if WIFE[15] != "0" else "1") + WIFE[16:]
    ctx = context(roster(), {"staff": [{"name": "王芳", "id": typo, "unit": "县财政局", "category": "公务员"}]})
    assert flagged(ctx, "C01") == []


def test_roster_id_typed_as_number_matches_at_medium_only():
    rows = roster()
    rows[2]["id"] = float(SON[:15] + "000")
    ctx = context(rows, {"staff": [{"name": "张小", "id": SON, "unit": "县国资公司", "category": "国企"}]})
    assert flagged(ctx, "C01") == [("张小", "中")]


def test_retired_staff_excluded_by_default():
    ctx = context(roster(), {"staff": [{"name": "张三", "id": HEAD, "unit": "县一中", "category": "退休"}]})
    assert flagged(ctx, "C01") == []
