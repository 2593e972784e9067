"""L04 两项补贴未落实: must-flag and must-not-flag cases."""

from __future__ import annotations

import pytest

from helpers import context, household, leads, make_id

HEAD, SON = make_id("19600101", 11), make_id("19900101", 31)
OUTSIDER = make_id("19850101", 51)
ROSTER = household("张户主", HEAD, [("张儿", "子", SON)])


FILLER = [{"name": "某人", "id": make_id("19700101", 99), "item": "重度残疾人护理补贴", "amount": "100"},
          {"name": "某甲", "id": make_id("19710101", 97), "item": "困难残疾人生活补贴", "amount": "80"}]


def run(disabled, subsidies, filler=True, **more):
    """Run L04; the payment list also pays both subsidies to other people unless filler is False."""
    lists = {"disabled": disabled, "subsidies": subsidies + (FILLER if filler else []), **more}
    return leads(context(ROSTER, lists), "L04")


@pytest.mark.parametrize("disabled, subsidies, expected", [
    # must flag: a 低保 member, level 3, no living subsidy -> 高
    ([{"name": "张儿", "cert": f"{SON}43"}], [], [("张儿", "高")]),
    # must flag: a 低保 member, level 1, only the living subsidy paid (no care subsidy)
    ([{"name": "张儿", "cert": f"{SON}41"}], [{"name": "张儿", "id": SON, "item": "困难残疾人生活补贴", "amount": "80"}],
     [("张儿", "高")]),
    # must flag: outside the rosters, level 2, no care subsidy -> 中
    ([{"name": "李外", "cert": f"{OUTSIDER}12"}], [], [("李外", "中")]),
    # must not flag: paid under other spellings of the names
    ([{"name": "张儿", "cert": f"{SON}41"}], [{"name": "张儿", "id": SON, "item": "残疾人生活补助", "amount": "80"},
                                             {"name": "张儿", "id": SON, "item": "重残护理补助金", "amount": "100"}], []),
    # must not flag: wide form, one column per subsidy
    ([{"name": "张儿", "cert": f"{SON}41"}], [{"name": "张儿", "id": SON, "living_amount": "80", "care_amount": "100"}], []),
    # must not flag: outside the rosters, level 3 (no subsidy due)
    ([{"name": "李外", "cert": f"{OUTSIDER}43"}], [], []),
    # must not flag: a payment whose item is not named counts as paid
    ([{"name": "张儿", "cert": f"{SON}41"}], [{"name": "张儿", "id": SON, "amount": "180"}], []),
    # must not flag: the short names of notices and bank files (困残补贴, 重残补贴)
    ([{"name": "张儿", "cert": f"{SON}41"}], [{"name": "张儿", "id": SON, "item": "困残补贴", "amount": "80"},
                                             {"name": "张儿", "id": SON, "item": "重残补贴", "amount": "100"}], []),
    # a payment under a name not recognised may be the subsidy: a lead at 低 only
    ([{"name": "张儿", "cert": f"{SON}43"}], [{"name": "张儿", "id": SON, "item": "残联专项资金", "amount": "80"}],
     [("张儿", "低")]),
])
def test_l04_cases(disabled, subsidies, expected):
    assert run(disabled, subsidies) == expected


def test_l04_dead_person_is_no_lead():
    deaths = [{"name": "李外", "id": OUTSIDER, "date": "2026-01-01"}]
    assert run([{"name": "李外", "cert": f"{OUTSIDER}12"}], [], deaths=deaths) == []


def test_l04_namesake_without_id_is_not_a_payment():
    # A payment to a namesake without an ID is no evidence the subsidy reached this person.
    subsidies = [{"name": "李外", "id": "", "item": "重度残疾人护理补贴", "amount": "100"}]
    assert run([{"name": "李外", "cert": f"{OUTSIDER}12"}], subsidies) == [("李外", "中")]


def test_l04_a_care_only_list_says_nothing_about_the_living_subsidy():
    # Only 护理补贴 is paid in this list: a level-3 低保 member is not a lead (nothing to compare with).
    assert run([{"name": "张儿", "cert": f"{SON}43"}], FILLER[:1], filler=False) == []
    assert run([{"name": "张儿", "cert": f"{SON}43"}], FILLER, filler=False) == [("张儿", "高")]
