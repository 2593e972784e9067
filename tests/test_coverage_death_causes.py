"""Coverage reads a deaths list's 注销原因 as C02 does (h436): must-drop, must-lower and must-keep cases."""

from __future__ import annotations

import pytest

from helpers import context, household, make_id
from test_l01 import mon

HEAD, SON = make_id("19700101", 31), make_id("19980101", 51)
ROSTER = household("张在册", make_id("19600101", 11))
OTHERS = [make_id(f"19{30 + k}0202", 61 + 2 * k) for k in range(8)]


def deaths(son_cause: str, other_causes: list[str]) -> list[dict]:
    """A 户口注销 list of 公安 (注销日期, no 死亡日期), the son on it with ``son_cause``."""
    rows = [{"name": "王儿", "id": SON, "cause": son_cause, "cancelled": "2026-03-01"}]
    return rows + [{"name": f"亡者{k}", "id": pid, "cause": c, "cancelled": "2026-02-01"}
                   for k, (pid, c) in enumerate(zip(OTHERS, other_causes))]


def run(son_cause: str, other_causes: list[str]):
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS, unread_deaths_said

    load_all()
    lists = {"monitoring": mon("王户主", HEAD, [("王儿", "长子", SON)], income="4000"),
             "disabled": [{"name": "王儿", "cert": f"{SON}41"}], "deaths": deaths(son_cause, other_causes)}
    ctx = context(ROSTER, lists, headers={"deaths": {"cause": "注销原因", "cancelled": "注销日期"}})
    found = LEADS["L02"](ctx)
    unread_deaths_said(ctx, found)
    return [(ld.person["name"], ld.priority, ld.evidence) for ld in found]


MOSTLY_1 = ["1"] * 6 + ["3"]


@pytest.mark.parametrize("son, others, expected, said", [
    # must drop: code 1, GA/T 2000.25's death code, held by two thirds of the list (h427's reading): dead
    ("1", MOSTLY_1, [], ""),
    # must drop: a cause in words
    ("死亡", ["死亡"] * 7, [], ""),
    # must lower (was dropped as dead): code 3 in a list mostly 1 — not the death code, unread
    ("3", MOSTLY_1, [("王儿", "低")], "注销原因“3”，看不出是否死亡"),
    # must lower (was dropped): code 1 where it is no bulk code (half 1, half 3): unread, as C02 reads it (低)
    ("1", ["1", "3"] * 3 + ["3"], [("王儿", "低")], "注销原因“1”，看不出是否死亡"),
    # must lower (was dropped): the cause says another reason (迁出): not a death, the registration cancelled
    ("迁出", ["死亡"] * 7, [("王儿", "低")], "注销原因“迁出”，不是死亡"),
])
def test_a_deaths_lists_cause_decides_whether_the_lead_is_dropped(son, others, expected, said):
    got = run(son, others)
    assert [(n, p) for n, p, _ in got] == expected
    for *_, evidence in got:
        assert said in evidence and "户口已注销" in evidence and "优先级降为低" in evidence, evidence


def test_c02_and_coverage_share_one_reading():
    # the audit's C02 reads the same row the same way: code 1 of a mostly-1 list a death, code 3 not sure
    from rostercheck.rules._coverage import read_death

    for son, others, dead in (("1", MOSTLY_1, True), ("3", MOSTLY_1, False), ("1", ["1", "3"] * 3 + ["3"], False)):
        ctx = context(ROSTER, {"deaths": deaths(son, others)},
                      headers={"deaths": {"cause": "注销原因", "cancelled": "注销日期"}})
        row = ctx.lists["deaths"].to_dict("records")[0]
        assert read_death(ctx)(row) is dead
