"""A registry of several counties (h442): 户号 are numbered by each police station, so two counties' lists repeat them.

Two 户主 of one 户号 whose addresses name different counties head two households: a staff member or cadre of the
other county is no kin of the recipients (C01 and RQ2 had them 中). One 户主 with a member whose address names another
county (working away) stays one household.
"""

import pytest

from helpers import context, flagged, household, make_id

HEAD = make_id("19800101", 111, region="430524")        # the recipient, 隆回县
SON = make_id("20140505", 131, region="430524")         # 12: a minor child
OTHER_HEAD = make_id("19790303", 151, region="430525")  # 洞口县, same 户号
NURSE = make_id("19810202", 162, region="430525")       # 洞口县 staff, 配偶 of the other head
CADRE = make_id("19780404", 171, region="430525")       # 洞口县 cadre, 兄弟 of the other head
STAFF = [{"name": "欧文", "id": NURSE, "unit": "洞口县人民医院", "category": "事业"}]
CADRES = [{"name": "陈明", "id": CADRE, "township": "高沙镇", "village": "高沙村", "post": "村主任"}]


def roster():
    return household("曾亮", HEAD, [("曾小亮", "子", SON)], village="东村")


def registry(other_address="湖南省邵阳市洞口县高沙镇高沙村", other_head=True, ours="隆回县桃洪镇东村"):
    rows = [("000100089", "曾亮", "户主", HEAD, ours), ("000100089", "曾小亮", "子", SON, ours)]
    if other_head:
        rows.append(("000100089", "欧强", "户主", OTHER_HEAD, other_address))
    rows += [("000100089", "欧文", "配偶", NURSE, other_address), ("000100089", "陈明", "兄弟", CADRE, other_address)]
    return [{"household_no": h, "name": n, "relation": r, "id": i, "address": a} for h, n, r, i, a in rows]


# (registry rows, C01 expected, RQ2 expected)
CASES = [
    # must not flag: the other county's household under the same 户号
    (registry(), [], []),
    (registry(other_address="洞口县高沙镇"), [], []),
    # must flag: one county (the same 户号 is one household), written with or without the province
    (registry(other_address="隆回县桃洪镇东村"), [("曾亮", "中"), ("曾小亮", "中")], [("曾亮", "中"), ("曾小亮", "低")]),
    (registry(other_address="湖南省邵阳市隆回县桃洪镇东村"), [("曾亮", "中"), ("曾小亮", "中")], [("曾亮", "中"), ("曾小亮", "低")]),
    # must flag: one 户主 only, a member living in another county (the 户 is one)
    (registry(other_head=False), [("曾亮", "中"), ("曾小亮", "中")], [("曾亮", "中"), ("曾小亮", "低")]),
]


@pytest.mark.parametrize("rows, c01, rq2", CASES)
def test_households_of_two_counties_under_one_number(rows, c01, rq2):
    ctx = context(roster(), {"staff": STAFF, "cadres": CADRES, "registry": rows, "cadre_relatives": []})
    assert flagged(ctx, "C01") == c01
    assert flagged(ctx, "RQ2") == rq2


def test_the_evidence_shows_the_number_as_written():
    ctx = context(roster(), {"staff": STAFF, "registry": registry(other_address="隆回县桃洪镇东村")})
    from rostercheck.audit import run_checks

    findings, _ = run_checks(ctx, ["C01"])
    assert findings and all("户号 000100089" in f.evidence and "@" not in f.evidence for f in findings)
