"""证据指纹 of one finding read from a list in words and from the same list in its system's codes.

A county verifies a finding (核实无问题) and the next quarter a department exports its list in codes (险种 110, 用途
31, 车辆类型 K33) where it gave words before: the finding must stay held back (held-out 232: C03, C04 and C10 came
back). The fingerprints of the word form are pinned: a change there would bring back every finding of every county's
saved 核实无问题清单.
"""

import pytest
from helpers import context, household, make_id
from rostercheck.audit import run_checks
from rostercheck.suppress import evidence_fingerprint

HEAD = make_id("19550101", 111)
WIFE = make_id("19570202", 122)


def roster(**extra):
    return household("张三", HEAD, [("李梅", "配偶", WIFE)], **extra)


def pension(insurance, pid=HEAD, name="张三", amount=2800):
    return {"name": name, "id": pid, "insurance": insurance, "amount": amount, "status": "正常发放"}


def shop(usage):
    return {"name": "张三", "id": HEAD, "usage": usage, "location": "城关镇步行街 1 号门面", "status": "现势"}


def car(vtype, use="非营运"):
    return {"name": "张三", "id": HEAD, "plate": "湘E12345", "vehicle_type": vtype, "use": use, "status": "正常"}


def fingerprints(ctx, code):
    findings, _ = run_checks(ctx, [code])
    return sorted((f.code, ctx.members.at[f.member, "name"],
                   evidence_fingerprint(f.code, str(ctx.members.at[f.member, "id"]), f.facts))
                  for f in findings if f.code == code)


def worded_and_coded(words: dict, codes: dict, code: str, **household_extra):
    """The fingerprints of one county with its lists in words and in codes."""
    return (fingerprints(context(roster(**household_extra), words), code),
            fingerprints(context(roster(**household_extra), codes), code))


# the word form's fingerprints as every release before this one wrote them (kept: saved lists hold them)
CASES = {
    "C03 pension kind": (
        {"pensions": [pension("企业职工基本养老保险"), pension("城乡居民基本养老保险", WIFE, "李梅", 200)]},
        {"pensions": [pension("110"), pension("170", WIFE, "李梅", 200)]},
        "C03", {},
        [("C03", "张三", "EV-b5b81949cc6d8b09"), ("C03", "李梅", "EV-dfe349d49596b3f2")]),
    "C04 property use and vehicle": (
        {"properties": [shop("商业服务")], "vehicles": [car("小型轿车")]},
        {"properties": [shop("31")], "vehicles": [car("K33", "A")]}, "C04", {},
        [("C04", "张三", "EV-61ebe2b95d626e89"), ("C04", "张三", "EV-d2a79b8cbf5d7573")]),
    "C10 vehicle, shop and pension": (
        {"vehicles": [car("小型轿车")], "properties": [shop("商业服务")], "pensions": [pension("机关事业单位养老保险")]},
        {"vehicles": [car("K33", "A")], "properties": [shop("31")], "pensions": [pension("120")]},
        "C10", {},
        [("C10", "张三", "EV-c4ae8e2fdf1d34d3")]),
    "C09 pension and car": (
        {"vehicles": [car("小型轿车")], "pensions": [pension("企业职工基本养老保险", amount=900)]},
        {"vehicles": [car("K33", "A")], "pensions": [pension("110", amount=900)]},
        "C09", {"declared_income": 0, "declared_assets": "无"},
        [("C09", "张三", "EV-62a54471525b0dd5"), ("C09", "张三", "EV-c555cb7b0a7e6011")]),
}


@pytest.mark.parametrize("case", CASES)
def test_a_list_in_codes_gives_the_fingerprint_of_the_same_list_in_words(case):
    words, codes, code, extra, _ = CASES[case]
    worded, coded = worded_and_coded(words, codes, code, **extra)
    assert worded and coded == worded


@pytest.mark.parametrize("case", CASES)
def test_the_fingerprints_of_the_word_form_are_those_of_earlier_releases(case):
    words, _, code, extra, pinned = CASES[case]
    assert fingerprints(context(roster(**extra), words), code) == pinned


def test_a_code_the_table_lacks_or_another_value_still_gives_another_fingerprint():
    # (only a code the table knows is read as its meaning: 39 is no 商业服务, nor is 商业服务 a 住宅)
    base = fingerprints(context(roster(), {"pensions": [pension("110")]}), "C03")
    assert fingerprints(context(roster(), {"pensions": [pension("120")]}), "C03") != base
    assert fingerprints(context(roster(), {"pensions": [pension("999")]}), "C03") != base


def test_a_code_written_with_its_words_keeps_the_fingerprint_it_gave():
    # (only a bare code is read as its meaning: 'K33 小型轿车' in C10 is as earlier releases fingerprinted it)
    lists = {"vehicles": [car("K33 小型轿车")], "properties": [shop("商业服务")], "pensions": [pension("机关事业单位养老保险")]}
    assert fingerprints(context(roster(), lists), "C10") == [("C10", "张三", "EV-e63fd4191af4f40e")]
