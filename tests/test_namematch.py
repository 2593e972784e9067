"""The name engine: named comparisons, common-name adjustment, thresholds, blocking, ties."""

import datetime as dt

import pandas as pd
import pytest

from helpers import context, household, make_id
from rostercheck import namematch as nm
from rostercheck.match import link_by_name, surviving_birth, weakest
from rostercheck.normalize.names import person_name

P = nm.NameMatchParams()


@pytest.mark.parametrize("raw, key", [
    ("东村", "东村"), ("东村村委会", "东村"), ("东村村民委员会", "东村"), ("城关镇东村", "东村"),
    ("东村村", "东村"), ("幸福社区居委会", "幸福"), ("幸福社区", "幸福"), ("幸福居委会", "幸福"), (" 东 村 ", "东村"), ("", ""), (None, ""),
])
def test_place_key(raw, key):
    assert nm.place_key(raw) == key


def _levels(a, b, counts=None):
    pairs = pd.DataFrame({"name_l": [person_name(a)], "name_r": [person_name(b)]})
    lv = nm.NameComparison(P, counts or {}).compare(pairs)
    return lv.weight[0], lv.agreed[0], bool(lv.reject[0])


@pytest.mark.parametrize("a, b, weight, word, reject", [
    ("王老汉", "王老汉", 3, "姓名一致", False),
    ("陳小東", "陈小东", 3, "姓名一致", False),            # traditional → simplified
    ("王 老汉", "王老汉", 3, "姓名一致", False),            # inner space
    ("买买提•艾力", "买买提·艾力", 3, "姓名一致", False),   # middle-dot variants
    ("王小明", "王晓明", 2, "姓名同音", False),             # homophone
    ("阿依古丽·买买提", "阿依古丽买买提", 3, "姓名一致", False),  # minority name written without its dot
    ("努尔艾力·吐尔逊", "努尔艾力·吐尔孙", 1, "姓名相近", False),  # transliteration variant of a long name
    ("李建国", "李建军", 0, "", True),                      # siblings share characters: not similar enough
    ("王莲怡", "王莲", 0, "", True),                        # a character dropped from a short name: another person
    ("王伟", "李伟", 0, "", True),                          # other surname
])
def test_name_comparison_levels(a, b, weight, word, reject):
    w, agreed, rej = _levels(a, b)
    assert (w, rej) == (weight, reject)
    assert agreed.startswith(word)


def test_common_name_weighs_less_and_says_so():
    pairs = pd.DataFrame({"name_l": ["张伟"], "name_r": ["张伟"]})
    lv = nm.NameComparison(P, {"张伟": 7}).compare(pairs)
    assert lv.weight[0] == P.weight_exact_common
    assert "县内 7 人同名" in lv.disagreed[0]


def test_name_counts_count_people_once_across_lists():
    a = pd.DataFrame({"name_key": ["张伟", "张伟", "李梅"], "id": ["1", "2", ""], "id_status": ["valid", "valid", "missing"]})
    b = pd.DataFrame({"name_key": ["张伟", "李梅"], "id": ["1", ""], "id_status": ["valid", "missing"]})
    assert nm.name_counts(a, b) == {"张伟": 2, "李梅": 2}


def test_params_from_common_configuration():
    p = nm.NameMatchParams.from_common({"name_medium_at": 6, "name_similar_threshold": 0.9, "urban_standard": 716})
    assert (p.medium_at, p.similar_threshold, p.low_at) == (6, 0.9, 4)


def test_date_match_rejects_other_birth_and_reports_unknown():
    pairs = pd.DataFrame({"a": [dt.date(1950, 1, 1), dt.date(1950, 1, 1), None],
                          "b": [dt.date(1950, 1, 1), dt.date(1951, 1, 1), dt.date(1950, 1, 1)]})
    lv = nm.DateMatch("a", "b", 3, "出生日期").compare(pairs)
    assert list(lv.weight) == [3, 0, 0]
    assert list(lv.reject) == [False, True, False]
    assert lv.disagreed[2] == "未核对出生日期"


@pytest.mark.parametrize("raw, born", [
    ("430521480303131", dt.date(1948, 3, 3)),          # old 15-digit ID (yymmdd)
    ("4305211948030313", dt.date(1948, 3, 3)),         # two digits dropped at the end
    ("43052119480303???", dt.date(1948, 3, 3)),
    ("4305211948", None),
    ("", None),
])
def test_surviving_birth(raw, born):
    assert surviving_birth(raw) == born


def test_weakest():
    assert weakest("高", "中") == "中" and weakest("高", "高") == "高" and weakest("中", "低", "高") == "低"


# --- link_by_name: thresholds and blocking -----------------------------------------------------

def _members(*rows):
    out = []
    for name, village, birth, seq in rows:
        out += household(name, make_id(birth, seq), village=village)
    return context(out).members


def _link(members, name, village="", birth=None, counts=None, params=P):
    ref = pd.DataFrame({"name_key": [person_name(name)], "village": [village], "birth": [birth]}, index=[7])
    got = link_by_name(members, ref, params, counts or {})
    return sorted((members.at[m, "village"], c) for m, c in zip(got["m"], got["confidence"]))


def test_rare_name_same_village_is_medium_other_village_nothing():
    mem = _members(("王老汉", "东村", "19480303", 131), ("王老汉", "西村", "19500101", 133))
    assert _link(mem, "王老汉", "东村") == [("东村", "中")]


def test_name_without_village_or_birth_is_never_linked():
    mem = _members(("王老汉", "东村", "19480303", 131))
    assert _link(mem, "王老汉") == []


def test_common_name_same_village_is_low():
    mem = _members(("张伟", "东村", "19600101", 201))
    assert _link(mem, "张伟", "东村", counts={"张伟": 9}) == [("东村", "低")]


def test_birth_block_finds_member_anywhere_and_rejects_other_birth():
    mem = _members(("王老汉", "东村", "19480303", 131), ("王老汉", "西村", "19500101", 133))
    assert _link(mem, "王老汉", birth=dt.date(1948, 3, 3)) == [("东村", "中")]
    assert _link(mem, "王老汉", "西村", birth=dt.date(1948, 3, 3)) == []


def test_thresholds_are_configuration():
    mem = _members(("王老汉", "东村", "19480303", 131))
    strict = nm.NameMatchParams(medium_at=6, low_at=6)
    assert _link(mem, "王老汉", "东村", params=strict) == []
