"""C01: members on the staff or cadre list."""

import pytest
from helpers import context, flagged, flagged_names, household, make_id

from rostercheck.io.columns import assign_columns
from rostercheck.normalize import ids
from rostercheck.audit import run_checks

HEAD = make_id("19700101", 111)
WIFE = make_id("19720202", 122)
SON = make_id("20000303", 131)


def roster():
    return household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子女", SON)])


def test_member_on_staff_list_is_flagged_high():
    ctx = context(roster(), {"staff": [{"name": "李梅", "id": WIFE, "unit": "县财政局", "category": "公务员"}]})
    assert flagged(ctx, "C01") == [("李梅", "高")]


def test_a_staff_category_code_is_shown_with_its_meaning():
    ctx = context(roster(), {"staff": [{"name": "李梅", "id": WIFE, "unit": "县财政局", "category": "17"}]})
    found = run_checks(ctx, ["C01"])[0]
    assert "人员类别 17（职员）" in found[0].evidence


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


@pytest.mark.parametrize("category, flagged_as", [("退休", []), ("退（离）休人员", []), ("离休干部", []), ("80", []),
                                                ("080", []), ("在职", [("张三", "高")]), ("1980级", [("张三", "高")]),
                                                # a public-welfare job placing the poor is no staff post (held-out 190)
                                                ("公益性岗位", []), ("遗属", []),  # (遗属补助 is C03's: held-out 193)
                                                # a category naming a departure (held-out 345's 4 离职), not a negation
                                                ("离职", []), ("已调出", []), ("非在编", [("张三", "高")])])
def test_retired_staff_excluded_by_default(category, flagged_as):
    # GB/T 2261.4 个人身份 80 is 退（离）休人员: a code is the whole cell
    ctx = context(roster(), {"staff": [{"name": "张三", "id": HEAD, "unit": "县一中", "category": category}]})
    assert flagged(ctx, "C01") == flagged_as


@pytest.mark.parametrize("kind, status, flagged_as", [
    ("staff", "辞职", []), ("staff", "已调出", []), ("staff", "解聘", []), ("cadres", "已离任", []), ("cadres", "免职", []),
    ("staff", "在职", [("李梅", "高")]), ("staff", "", [("李梅", "高")]), ("cadres", "在任", [("李梅", "高")]),
    # a code the words do not read: compared (and warned), a lead only on a list of one (h395: nothing tells what it is)
    ("staff", "2", [("李梅", "低")]),
    # held-out 100: negated in-post words were read as 在职 (C01 高, "人员状态 不在职"); a 是否在任 column's 是/否
    ("staff", "不在职", []), ("staff", "非在编", []), ("staff", "已不在岗", []), ("cadres", "否", []),
    ("cadres", "是", [("李梅", "高")]),
])
def test_a_row_the_list_says_has_left_the_post_is_not_flagged(kind, status, flagged_as):
    from rostercheck.rules._vocab import value_warnings

    row = {"name": "李梅", "id": WIFE, "unit": "县财政局", "village": "东村", "post": "会计", "status": status}
    ctx = context(roster(), {kind: [row]})
    assert flagged(ctx, "C01") == flagged_as
    if flagged_as and status:  # (a 是否在任 column's 是 said as such, held-out 193: "人员状态 是")
        said = f"是否在任 {status}" if status == "是" else f"人员状态 {status}"
        assert said in run_checks(ctx, ["C01"])[0][0].evidence
    assert bool([w for w in value_warnings(ctx) if "人员状态" in w and "left_words" in w]) == (status == "2")


# h389: a list whose 人员状态 is bare codes with no legend ("1" for most, "2" for a few): the bulk's code is compared as ever,
# another code is a 低 lead saying so (a retired official, a former 村委会主任 were C01 高); no bulk, words, or a code the
# words read: as before.
OTHERS = [make_id(f"19{60 + i}0101", 211 + 2 * i) for i in range(5)]


@pytest.mark.parametrize("kind, others, status, flagged_as", [
    ("staff", ["1", "1", "1", "1"], "2", [("李梅", "低")]),
    ("cadres", ["1", "1", "1", "1"], "2", [("李梅", "低")]),
    ("staff", ["1", "1", "1", "1"], "1", [("李梅", "高")]),
    # h395: a list without a bulk (under five statuses, or no code of two thirds) was read as ever, its "2" C01 高: the
    # code more than half of its statuses hold (two at least) is 中 at most, any other 低
    ("staff", ["1", "2", "3", "1"], "2", [("李梅", "低")]),  # no code holds more than half
    ("staff", ["1", "2", "3", "1"], "1", [("李梅", "中")]),  # 3 of 5 more than half: the lean
    ("staff", ["1", "1", "1"], "2", [("李梅", "低")]),  # too few for a bulk: "1" the lean
    ("staff", ["1", "1"], "1", [("李梅", "中")]),
    ("cadres", ["1", "1", "2"], "1", [("李梅", "中")]),
    ("cadres", ["1"], "2", [("李梅", "低")]),  # a "1" and a "2": nothing tells which is which
    ("cadres", ["1"], "1", [("李梅", "中")]),  # two of two
    ("cadres", ["2"], "1", [("李梅", "低")]),
    ("cadres", [], "1", [("李梅", "低")]),  # a list of one
    ("staff", ["1", "1", "2", "2"], "1", [("李梅", "中")]),  # 3 of 5: more than half, not two thirds
    ("staff", ["1", "1", "2", "2", "3"], "1", [("李梅", "低")]),  # 3 of 6: not more than half
    ("staff", ["1", "1", "1", "2", "2"], "1", [("李梅", "高")]),  # 4 of 6: two thirds, the bulk
    ("staff", ["在职", "在职"], "在职", [("李梅", "高")]),  # words, as ever
    ("staff", ["在职", "在职", "在职", "在职"], "2", [("李梅", "低")]),  # a code beside words (h395: was 高)
    ("staff", ["1", "1", "1", "1"], "借调", [("李梅", "高")]),  # a word no setting reads: as before
])
def test_a_status_code_other_than_the_lists_bulk_is_a_lead(kind, others, status, flagged_as):
    rows = [{"name": f"王{i}", "id": OTHERS[i], "unit": "县一中", "village": "东村", "post": "会计", "status": s}
            for i, s in enumerate(others)]
    row = {"name": "李梅", "id": WIFE, "unit": "县财政局", "village": "东村", "post": "会计", "status": status}
    ctx = context(roster(), {kind: rows + [row]})
    assert flagged(ctx, "C01") == flagged_as
    said = run_checks(ctx, ["C01"])[0][0].evidence
    if flagged_as == [("李梅", "低")] and others == ["1", "1", "1", "1"]:
        assert "人员状态“2”是代码、含义不明，与名单中多数人的“1”不同" in said
    elif flagged_as != [("李梅", "高")]:  # (the list's statuses counted, quoted)
        assert f"人员状态“{status}”是代码、含义不明；名单共 {len(others) + 1} 人填有人员状态" in said


@pytest.mark.parametrize("header, status, flagged_as", [
    ("是否在任", "0", []), ("是否在任", "1", [("李梅", "高")]), ("是否在职", "N", []), ("是否在任", "×", []),
    ("人员状态", "0", [("李梅", "低")]),  # a status code, not a 是/否 flag: compared (and warned), a list of one: a lead
])
def test_a_yes_no_column_of_flags_says_whether_the_person_holds_the_post(header, status, flagged_as):
    # held-out 105: 是否在任 = 0 was read as 在职 (C01 高)
    row = {"name": "李梅", "id": WIFE, "unit": "东村村委会", "village": "东村", "post": "会计", "status": status}
    ctx = context(roster(), {"cadres": [row]}, headers={"cadres": {"status": header}})
    assert flagged(ctx, "C01") == flagged_as


@pytest.mark.parametrize("end, flagged_as", [("2018-12-31", []), ("2026年6月30日", []), ("2026-12-31", [("李梅", "高")]),
                                              ("", [("李梅", "高")]), ("至今", [("李梅", "高")])])
def test_a_cadre_whose_term_ended_before_the_review_date_is_not_flagged(end, flagged_as):
    # held-out 152: a system export's 任职结束日期, no status column: a cadre gone since 2018 was C01 高
    row = {"name": "李梅", "id": WIFE, "village": "东村", "post": "村委会主任", "end": end}
    assert flagged(context(roster(), {"cadres": [row]}), "C01") == flagged_as
    filing = [{"cadre_name": "李梅", "cadre_id": WIFE, "name": "赵老根", "id": STAFF_FATHER, "relation": "父亲"}]
    filed = context(family_roster(), {"cadres": [row], "cadre_relatives": filing})
    assert flagged(filed, "C01") == ([("赵老根", "高")] if flagged_as else [])  # nor his filed relatives


@pytest.mark.parametrize("kind, start, flagged_as", [
    ("cadres", "2026.10.15", []), ("cadres", 46328, []), ("staff", "2026年11月1日", []),
    ("cadres", "2026/8/1", [("李梅", "高")]), ("staff", "2016-04-16", [("李梅", "高")]), ("staff", "", [("李梅", "高")])])
def test_a_post_begun_after_the_review_date_is_not_held_on_it(kind, start, flagged_as):
    # held-out 223: 任职日期 2026.10.15 (and an Excel serial 46328 = 2026-11-02, 入职日期 2026年11月1日) were C01 高
    row = {"name": "李梅", "id": WIFE, "unit": "县水务局", "category": "公务员", "village": "东村", "post": "村委委员",
           "start": start}
    ctx = context(roster(), {kind: [row]})
    assert flagged(ctx, "C01") == flagged_as
    assert ("核查基准日时尚未任职，未计入" in "".join(ctx.cache.get(f"{kind}:later", []))) == (not flagged_as)
    filing = [{"cadre_name": "李梅", "cadre_id": WIFE, "name": "赵老根", "id": STAFF_FATHER, "relation": "父亲"}]
    if kind == "cadres":  # nor his filed relatives
        filed = context(family_roster(), {"cadres": [row], "cadre_relatives": filing})
        assert flagged(filed, "C01") == ([("赵老根", "高")] if flagged_as else [])


@pytest.mark.parametrize("kind, labels", [
    ("cadres", ["姓名", "身份证号", "乡镇", "村（社区）", "职务", "任职日期", "离任日期"]),
    ("staff", ["姓名", "身份证号", "工作单位", "人员类别", "入职日期", "离职日期"]),
    ("staff", ["单位名称", "姓名", "身份证号码", "编制类型", "参加工作时间", "减员时间"]),
    ("staff", ["单位名称", "姓名", "身份证号码", "聘用日期"])])
def test_a_lists_start_of_the_post_is_read(kind, labels):
    # held-out 223: 任职日期 and 入职日期 were left unread beside 离任日期 and 离职日期
    mapping = assign_columns(labels, kind).mapping
    assert labels[mapping["start"]] in ("任职日期", "入职日期", "参加工作时间", "聘用日期")
    assert "end" not in mapping or labels[mapping["end"]] in ("离任日期", "离职日期", "减员时间")


@pytest.mark.parametrize("kind, row, shown", [
    ("cadres", {"start": "2026/8/1"}, "任职日期 2026-08-01"),
    ("staff", {"start": "2016-04-16", "end": "2027-01-01"}, "入职日期 2016-04-16，离职日期 2027-01-01")])
def test_c01_evidence_shows_the_dates_of_the_post(kind, row, shown):
    # held-out 223: the dates the tool relied on were not in the 依据 (C02's show theirs)
    base = {"name": "李梅", "id": WIFE, "unit": "县水务局", "category": "公务员", "village": "东村", "post": "村委委员"}
    found = run_checks(context(roster(), {kind: [{**base, **row}]}), ["C01"])[0]
    assert shown in found[0].evidence


@pytest.mark.parametrize("kind, status, end, flagged_as", [
    ("cadres", "离任", "2026-10-20", [("李梅", "高")]), ("staff", "辞职", "2026-10-10", [("李梅", "高")]),
    ("cadres", "离任", "2026-09-01", []), ("staff", "辞职", "2026-06-10", []), ("staff", "辞职", "", []),
])
def test_a_left_status_beside_a_leaving_date_after_the_review_date_is_still_in_post(kind, status, end, flagged_as):
    # held-out 228: a list exported after the quarter, 任职状态 离任 with 离任日期 2026-10-20 (人员状态 辞职, 离职日期
    # 2026-10-10) found nothing: the status word overrode the row's own date of the change
    row = {"name": "李梅", "id": WIFE, "unit": "县水务局", "category": "事业", "village": "东村", "post": "村委委员",
           "status": status, "end": end}
    ctx = context(roster(), {kind: [row]})
    assert flagged(ctx, "C01") == flagged_as  # (the exact ID's 高 kept: status and date agree, the date says when)
    found = run_checks(ctx, ["C01"])[0]
    if flagged_as:
        assert f"人员状态 {status}，但{'离任日期' if kind == 'cadres' else '离职日期'} {end} 在核查基准日之后：核查基准日时仍在任" \
            in found[0].evidence


@pytest.mark.parametrize("header", ["减员时间", "减员日期", "减员年月"])
def test_a_staff_lists_reduction_date_is_the_end_of_the_post(header):
    # held-out 198: 编办/财政 lists write 减员时间 (减员原因 beside it, often blank); unread, three gone were C01 高
    from rostercheck.io.columns import assign_columns

    labels = ["单位名称", "姓名", "身份证号码", "编制类型", "进编时间", header, "减员原因"]
    assert labels[assign_columns(labels, "staff").mapping["end"]] == header


@pytest.mark.parametrize("post, flagged_as", [("原村委会主任", []), ("前任党支部书记", []), ("村委会主任", [("李梅", "高")])])
def test_a_post_the_list_writes_as_held_before_is_no_post(post, flagged_as):
    # held-out 193: 职务 '原村委会主任' with no end date or status: C01 高
    row = {"name": "李梅", "id": WIFE, "village": "东村", "post": post}
    assert flagged(context(roster(), {"cadres": [row]}), "C01") == flagged_as


def test_a_staff_member_who_left_flags_no_relative_either():
    staff = [{**STAFF_LIST[0], "status": "辞职"}]
    assert flagged(context(family_roster(), {"staff": staff, "registry": staff_registry()}), "C01") == []


# --- close family of staff and cadres in another household (registry, filing table) -------------

STAFF = make_id("19750101", 211)
STAFF_WIFE = make_id("19760202", 222)
STAFF_FATHER = make_id("19480303", 231)
STAFF_SON = make_id("20120505", 251)      # 14 on the review date
STAFF_DAUGHTER = make_id("20000606", 262)  # 26: an adult child
STAFF_BROTHER = make_id("19780707", 271)
STAFF_LIST = [{"name": "赵明", "id": STAFF, "unit": "县财政局", "category": "公务员"}]


def staff_registry():
    rows = [("赵明", "户主", STAFF), ("孙丽", "配偶", STAFF_WIFE), ("赵老根", "父亲", STAFF_FATHER),
            ("赵小明", "长子", STAFF_SON), ("赵小红", "长女", STAFF_DAUGHTER), ("赵亮", "弟弟", STAFF_BROTHER)]
    return [{"household_no": "3001", "name": n, "relation": r, "id": i} for n, r, i in rows]


def family_roster():
    # Each relative heads a 低保 household of their own, apart from the staff member.
    return (household("赵老根", STAFF_FATHER, village="南村") + household("赵小明", STAFF_SON, village="南村")
            + household("赵小红", STAFF_DAUGHTER, village="南村") + household("赵亮", STAFF_BROTHER, village="南村")
            + household("孙丽", STAFF_WIFE, village="南村"))


@pytest.mark.parametrize("staff_enjoys, said", [(True, "在花名册另一户享受"), (False, "本人在花名册享受")])
def test_a_relatives_household_is_another_only_when_the_official_enjoys_one(staff_enjoys, said):
    # held-out 278: the staff member on no roster (or 停保 in his father's household) made the father's "另一户"
    roster = family_roster() + (household("赵明", STAFF, village="北村") if staff_enjoys else [])
    findings, _ = run_checks(context(roster, {"staff": STAFF_LIST, "registry": staff_registry()}), ["C01"])
    (father,) = [f for f in findings if "的父亲" in f.evidence]
    assert said in father.evidence and ("另一户" in father.evidence) == staff_enjoys


def test_staff_parent_spouse_and_minor_child_via_registry_are_medium():
    ctx = context(family_roster(), {"staff": STAFF_LIST, "registry": staff_registry()})
    assert flagged(ctx, "C01") == [("孙丽", "中"), ("赵小明", "中"), ("赵老根", "中")]


def test_registry_family_evidence_names_staff_household_and_relation():
    ctx = context(family_roster(), {"staff": STAFF_LIST, "registry": staff_registry()})
    findings, _ = run_checks(ctx, ["C01"])
    text = {ctx.members.at[f.member, "name"]: f.evidence for f in findings}["赵老根"]
    assert "财政供养人员 赵明" in text and "户号 3001" in text and "关系：父亲" in text
    # (held-out 224) "与其同户 … 在另一户享受保障": the registry's household told apart from the roster's
    assert "与其户籍同户（户口簿户号 3001，关系：父亲）" in text and "本人在花名册享受" in text
    assert "与其同户" not in text and "，在另一户" not in text


def test_adult_child_and_sibling_are_not_c01():
    ctx = context(family_roster(), {"staff": STAFF_LIST, "registry": staff_registry()})
    assert not {"赵小红", "赵亮"} & flagged_names(ctx, "C01", ("高", "中", "低"))


def test_family_in_the_staff_members_own_household_flags_only_the_staff_member():
    rows = household("赵明", STAFF, [("孙丽", "配偶", STAFF_WIFE), ("赵小明", "子女", STAFF_SON)], village="南村")
    ctx = context(rows, {"staff": STAFF_LIST, "registry": staff_registry()})
    assert flagged(ctx, "C01") == [("赵明", "高")]


def test_retired_staff_family_is_not_c01():
    retired = [{**STAFF_LIST[0], "category": "退休"}]
    ctx = context(family_roster(), {"staff": retired, "registry": staff_registry()})
    assert flagged(ctx, "C01") == []


def test_registry_member_id_typed_as_number_still_links_at_medium():
    reg = staff_registry()
    reg[2]["id"] = float(STAFF_FATHER[:15] + "000")
    ctx = context(family_roster(), {"staff": STAFF_LIST, "registry": reg})
    assert ("赵老根", "中") in flagged(ctx, "C01")


def test_filed_spouse_with_id_in_another_household_is_high():
    filing = [{"cadre_name": "赵明", "cadre_id": STAFF, "name": "孙丽", "id": STAFF_WIFE, "relation": "妻子"}]
    ctx = context(family_roster(), {"cadre_relatives": filing})
    assert flagged(ctx, "C01") == [("孙丽", "高")]


def test_a_filed_relative_the_registry_also_shows_is_one_finding():
    # 孙丽 is filed as 赵明's wife and the registry puts her in his household: once, at 高, both sources named
    filing = [{"cadre_name": "赵明", "cadre_id": STAFF, "name": "孙丽", "id": STAFF_WIFE, "relation": "妻子"}]
    ctx = context(family_roster(), {"staff": STAFF_LIST, "registry": staff_registry(), "cadre_relatives": filing})
    assert flagged(ctx, "C01") == [("孙丽", "高"), ("赵小明", "中"), ("赵老根", "中")]
    findings, _ = run_checks(ctx, ["C01"])
    [wife] = [f for f in findings if ctx.members.at[f.member, "name"] == "孙丽"]
    # (held-out 224: the registry's household, apart from the roster's 另一户)
    assert "已备案为" in wife.evidence and "户籍信息亦显示与其户籍同户" in wife.evidence
    assert "本人在花名册享受" in wife.evidence


# --- the staff or cadre list's own 配偶身份证号 column (held-out 246) ---------------------------------------

@pytest.mark.parametrize("kind, labels", [
    ("staff", ["序号", "单位名称", "姓名", "身份证号", "人员身份", "在职状态", "配偶姓名", "配偶身份证号"]),
    ("cadres", ["乡镇", "村", "姓名", "身份证号", "职务", "配偶姓名", "配偶身份证号", "联系电话"])])
def test_a_spouse_column_is_read_as_the_spouse_not_the_person(kind, labels):
    mapping = assign_columns(labels, kind).mapping
    assert labels[mapping["id"]] == "身份证号" and labels[mapping["name"]] == "姓名"
    assert labels[mapping["spouse_id"]] == "配偶身份证号" and labels[mapping["spouse_name"]] == "配偶姓名"


@pytest.mark.parametrize("kind", ["staff", "cadres"])
def test_the_spouse_a_staff_or_cadre_list_declares_is_c01_at_medium(kind):
    # held-out 246: 孔芳萍's ID only in the 财政 export's 配偶身份证号 column, her husband in post: no finding
    official = [{**STAFF_LIST[0], "spouse_name": "孙丽", "spouse_id": STAFF_WIFE}]
    ctx = context(family_roster(), {kind: official})
    assert flagged(ctx, "C01") == [("孙丽", "中")]
    [found] = run_checks(ctx, ["C01"])[0]
    assert "赵明" in found.evidence and "的妻子：该名单登记的配偶身份证号（配偶姓名 孙丽）即保障对象的身份证号" in found.evidence
    assert found.source_row == "2" and "本人在花名册享受" in found.evidence
    # the spouse's ID with a digit lost to a number format, her name and birth agreeing: 中 still, said
    damaged = [{**official[0], "spouse_id": float(STAFF_WIFE[:15] + "000")}]
    assert flagged(context(family_roster(), {kind: damaged}), "C01") == [("孙丽", "中")]


def test_a_declared_spouse_is_not_c01_by_a_name_alone_nor_when_the_official_left():
    # must not flag: 配偶姓名 alone (no ID, or another's ID), a retired or departed official, his own household
    for row in ({"spouse_name": "孙丽"}, {"spouse_name": "孙丽", "spouse_id": ""},
                {"spouse_name": "孙丽", "spouse_id": make_id("19800808", 282)},
                {"spouse_id": STAFF_WIFE, "category": "退休"}, {"spouse_id": STAFF_WIFE, "status": "辞职"},
                {"spouse_id": STAFF}):
        ctx = context(family_roster(), {"staff": [{**STAFF_LIST[0], **row}]})
        assert flagged(ctx, "C01") == [], row
    rows = household("赵明", STAFF, [("孙丽", "配偶", STAFF_WIFE)], village="南村")
    ctx = context(rows, {"staff": [{**STAFF_LIST[0], "spouse_id": STAFF_WIFE}]})
    assert flagged(ctx, "C01") == [("赵明", "高")]


def test_a_declared_spouse_the_registry_also_shows_is_one_finding():
    official = [{**STAFF_LIST[0], "spouse_name": "孙丽", "spouse_id": STAFF_WIFE}]
    ctx = context(family_roster(), {"staff": official, "registry": staff_registry()})
    assert flagged(ctx, "C01") == [("孙丽", "中"), ("赵小明", "中"), ("赵老根", "中")]
    [wife] = [f for f in run_checks(ctx, ["C01"])[0] if ctx.members.at[f.member, "name"] == "孙丽"]
    assert "与其户籍同户" in wife.evidence and "第 2 行亦登记其为配偶" in wife.evidence
    # … and a cadre's filed wife whom his list declares: the filing's, at 高
    filing = [{"cadre_name": "赵明", "cadre_id": STAFF, "name": "孙丽", "id": STAFF_WIFE, "relation": "妻子"}]
    ctx = context(family_roster(), {"cadres": official, "cadre_relatives": filing})
    [wife] = run_checks(ctx, ["C01"])[0]
    assert wife.confidence == "高" and "已备案为" in wife.evidence and "亦登记其为该干部的配偶" in wife.evidence


def test_a_filed_relation_code_reads_as_its_meaning_first():
    # held-out 242: "已备案为 党支部书记 杜春林 的51（父亲）"; words stay as written
    for relation, said in (("10", "的配偶（10）"), ("妻子", "的妻子，")):
        filing = [{"cadre_name": "赵明", "cadre_id": STAFF, "name": "孙丽", "id": STAFF_WIFE, "relation": relation}]
        findings, _ = run_checks(context(family_roster(), {"cadre_relatives": filing}), ["C01"])
        assert [said in f.evidence for f in findings] == [True], relation


def test_filed_sibling_is_not_c01():
    filing = [{"cadre_name": "赵明", "cadre_id": STAFF, "name": "赵亮", "id": STAFF_BROTHER, "relation": "弟弟"}]
    ctx = context(family_roster(), {"cadre_relatives": filing})
    assert flagged(ctx, "C01") == []


def test_staff_minor_child_registered_as_grandchild_of_the_head_is_c01():
    grandma, grandson = make_id("19480808", 382), make_id("20160909", 391)
    reg = [{"household_no": "3100", "name": n, "relation": r, "id": i}
           for n, r, i in (("钱奶奶", "户主", grandma), ("赵明", "长子", STAFF), ("赵小孙", "孙子", grandson))]
    ctx = context(household("赵小孙", grandson, village="南村"), {"staff": STAFF_LIST, "registry": reg})
    assert flagged(ctx, "C01") == [("赵小孙", "中")]


def test_staff_id_stored_as_a_full_double_matches_despite_rounding():
    """A program that writes all 18 digits as a number rounds the 15th digit, sometimes into the birth date."""
    person = make_id("19630125", 993)  # 4.30526196301259930e17 rounds to ...1260000: the carry reaches the birth date
    assert ids.id_number(float(person)).value[:15] != person[:15]
    ctx = context(household("李国德", person), {"staff": [{"name": "李国德", "id": float(person), "unit": "县水利局",
                                                          "category": "事业"}]})
    assert flagged(ctx, "C01") == [("李国德", "中")]


def test_a_clerks_family_is_c01_unless_the_county_leaves_clerks_to_rq(tmp_path):
    # by default everyone on the cadre list counts, a 民政协理员 too; a county may leave clerks' families to RQ's filing rules
    cfg = tmp_path / "rostercheck.toml"
    cfg.write_text('[C01]\nnot_cadre_posts = ["协理员", "经办"]\n', encoding="utf-8")
    family = [("孙丽", "中"), ("赵小明", "中"), ("赵老根", "中")]
    for post, config, expected in (("民政协理员", None, family), ("民政协理员", cfg, []), ("村委会主任", cfg, family)):
        cadres = [{"name": "赵明", "id": STAFF, "post": post, "township": "城关镇", "village": "南村"}]
        ctx = context(family_roster(), {"cadres": cadres, "registry": staff_registry()}, config=config)
        assert flagged(ctx, "C01") == expected, (post, config)
        filing = [{"cadre_name": "赵明", "cadre_id": STAFF, "cadre_post": post, "name": "孙丽", "id": STAFF_WIFE,
                   "relation": "妻子"}]
        assert bool(flagged(context(family_roster(), {"cadre_relatives": filing}, config=config), "C01")) == bool(expected)
    # the clerk herself on the roster is flagged either way
    cadres = [{"name": "赵明", "id": STAFF, "post": "民政协理员", "township": "城关镇", "village": "南村"}]
    assert flagged(context(household("赵明", STAFF), {"cadres": cadres}, config=cfg), "C01") == [("赵明", "高")]


def test_a_household_number_is_shown_as_written():
    # held-out 181: 户号 0102005 was shown as 102005 (the key households are grouped by)
    reg = [{**r, "household_no": "0" + r["household_no"]} for r in staff_registry()]
    ctx = context(family_roster(), {"staff": STAFF_LIST, "registry": reg})
    findings, _ = run_checks(ctx, ["C01"])
    assert all("户号 03001" in f.evidence for f in findings) and findings


def test_a_staff_list_whose_ids_kept_few_digits_is_said_partly_checked():
    # held-out 185: a staff list re-saved as CSV (137 of 156 IDs 4.10523E+17): 核查范围 said "C01 列出 2 人" as if checked
    from rostercheck.audit import partly_checked

    rows = [{"name": "李梅", "id": "4.30521E+17", "unit": "县财政局", "category": "公务员"},
            {"name": "王五", "id": make_id("19650505", 121), "unit": "县财政局", "category": "公务员"}]
    ctx = context(roster(), {"staff": rows})
    assert flagged(ctx, "C01") == []
    assert "中有 1 个身份证号以科学计数法保存、只剩前几位，这些人未能比对" in partly_checked(ctx, {}, ["C01"]).get("C01", "")
    clean = context(roster(), {"staff": rows[1:]})
    assert "科学计数法" not in partly_checked(clean, {}, ["C01"]).get("C01", "")


def test_ids_saved_in_scientific_notation_are_said_with_their_rows_as_written():
    # held-out 185: every notice said "如 3.41222E+17", another county's code, and named no row
    from types import SimpleNamespace

    from rostercheck.notices import number_typed_ids

    rows = [{"name": "王五", "id": make_id("19650505", 121), "unit": "县财政局", "category": "公务员"},
            {"name": "李梅", "id": "4.30521E+17", "unit": "县财政局", "category": "公务员"}]
    ctx = context(roster(), {"staff": rows})
    said = "".join(number_typed_ids(SimpleNamespace(members=ctx.members, lists=ctx.lists, labels=ctx.labels, tables=[])))
    assert "其中 1 个以科学计数法保存（如第 3 行“4.30521E+17”）" in said and "3.41222E+17" not in said


@pytest.mark.parametrize("category, config, expected", [
    ("公务员", None, "高"), ("17", None, "高"),  # words, or a GB/T 2261.4 code: read
    ("04", None, "中"),  # a bureau's own code no table reads (held-out 296: 04 退休 was C01 高): whether in post, unknown
    ("04", '[C01]\nexclude_categories = ["退休", "04"]\n', None),  # configured: not counted
])
def test_a_staff_category_code_no_table_reads_is_at_most_medium(tmp_path, category, config, expected):
    path = None
    if config:
        path = tmp_path / "c.toml"
        path.write_text(config, encoding="utf-8")
    ctx = context(household("赵明", STAFF), {"staff": [{**STAFF_LIST[0], "category": category}]}, config=path)
    found = run_checks(ctx, ["C01"])[0]
    assert [f.confidence for f in found] == ([expected] if expected else [])
    assert ("人员类别“04”是代码、含义不明" in found[0].evidence) == (expected == "中") if found else True


def _coded_staff_list(path, status_column):
    """A 财政供养人员名单 whose 人员类别 holds codes 1–4, explained only by a second sheet '代码 | 含义' naming no column."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "人员名单"
    sheet.append(["序号", "工作单位", "姓名", "身份证号", "人员类别"] + (["人员状态"] if status_column else []))
    people = [("张三", HEAD, "1", "在职", "1"), ("李梅", WIFE, "2", "退休", "2"), ("张小", SON, "4", "离职", "2")]
    for k, (name, pid, category, word, code) in enumerate(people):
        status = {"words": [word], "codes": [code]}.get(status_column, [])
        sheet.append([k + 1, "县林业局", name, pid, category, *status])
    codes = book.create_sheet("代码说明")
    for row in (["代码", "含义"], ["1", "在编在岗"], ["2", "退休"], ["3", "临时聘用"], ["4", "离职"]):
        codes.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("status_column, expected", [
    (None, [("张三", "高")]),  # must flag 在编在岗 at 高; must not flag 2 退休 (exclude_categories) nor 4 离职
    ("words", [("张三", "高")]),  # a 人员状态 of words (在职) cannot take the codes: the table is the 人员类别's
    # must not bind: two coded columns could take the table, which one it explains is unknown (every match 中, noted;
    # h395: the 人员状态 "1" beside two "2" of a list of three 低, the lean "2" 中 at most)
    ("codes", [("张三", "低"), ("李梅", "中"), ("张小", "中")]),
])
def test_a_staff_lists_code_sheet_naming_no_column_reads_its_category_codes(tmp_path, status_column, expected):
    # held-out 345: a 代码说明 sheet '代码 | 含义' (1 在编在岗 2 退休 3 临时聘用 4 离职) was not used: every match C01 中, the
    # retired person among them, with a note to configure [C01] exclude_categories
    path = _coded_staff_list(tmp_path / "财政供养人员名单.xlsx", status_column)
    ctx = context(roster(), files={"staff": path})
    assert flagged(ctx, "C01") == sorted(expected)
    found = run_checks(ctx, ["C01"])[0]
    assert all(("含义不明" in f.evidence) == (status_column == "codes") for f in found)
    if status_column != "codes":
        assert "人员类别 在编在岗" in found[0].evidence


@pytest.mark.parametrize("statuses, expected", [
    # held-out 408: 人员状态 codes nothing explains (1 on most rows, 2 停保 on a few): the 2 was audited at 高
    (("1", "1", "1", "2"), [("李梅", "高"), ("赵小明", "低")]),
    # … a code most rows hold, or words, are read as before
    (("1", "1", "1", "1"), [("李梅", "高"), ("赵小明", "高")]),
    (("2", "2", "2", "1"), [("李梅", "高"), ("赵小明", "低")]),
    (("正常", "正常", "正常", "正常"), [("李梅", "高"), ("赵小明", "高")]),
    # no code holds half the rows: none is a minority that may say the member left
    (("1", "2", "3", "4"), [("李梅", "高"), ("赵小明", "高")]),
])
def test_a_minority_status_code_nothing_explains_leaves_its_members_findings_low(statuses, expected):
    from helpers import make_id

    son, other = make_id("19950101", 131), make_id("19600101", 151)
    rows = (household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小军", "子", make_id("20000101", 171))])
            + household("赵大", other, [("赵小明", "子", son)]))
    for r, s in zip(rows, [*statuses[:3], statuses[2], statuses[3]]):  # (赵小明, the last row, holds the fourth)
        r["member_status"] = s
    ctx = context(rows, {"staff": [{"name": "李梅", "id": WIFE, "unit": "县财政局", "category": "公务员"},
                                   {"name": "赵小明", "id": son, "unit": "县水利局", "category": "事业"}]},
                  roster_headers={"member_status": "人员状态"})
    assert flagged(ctx, "C01") == expected


# A cadre list read for name and ID only (nothing else of the row shown): no empty part in the evidence (h456: "马生海，；"
# and "村(居)干部 马生海（，《…》第 9 行）")
@pytest.mark.parametrize("cadre", [{"name": "赵明", "id": STAFF}, {"name": "赵明", "id": STAFF, "post": "村委会主任"}])
def test_a_cadre_row_without_other_values_gives_evidence_without_an_empty_part(cadre):
    roster = family_roster() + household("赵明", STAFF, village="北村")
    findings, _ = run_checks(context(roster, {"cadres": [cadre], "registry": staff_registry()}), ["C01"])
    assert findings and all("（，" not in f.evidence and "，；" not in f.evidence for f in findings)
    assert any("的父亲" in f.evidence for f in findings) and any(f.evidence.startswith("《") for f in findings)
