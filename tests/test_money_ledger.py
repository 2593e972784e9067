"""The ledger's vectorised helpers (rules._money) against plain loops."""

import gc
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rostercheck.roster import is_covered
from rostercheck.rules._money import _covered, pair_numbers

FLAGS = st.sampled_from(["", "是", "否", "0", "1", None, "N"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["h1", "h2", "h3", "h10"]), FLAGS), max_size=30))
def test_covered_members_by_household_as_a_loop_gives_them(rows):
    members = pd.DataFrame({"household": [h for h, _ in rows], "covered": [f for _, f in rows]}, dtype=object)
    expected = defaultdict(list)
    for j, (h, flag) in enumerate(rows):
        if is_covered(flag):
            expected[h].append(j)
    got = _covered(members)
    assert got == dict(expected) and list(got) == list(expected)  # same households, same order


@pytest.mark.parametrize("enabled", [True, False])
def test_covered_lists_are_made_without_a_collection(enabled):
    # A city's 80,000 households' lists set off collections as they were made (0.16-0.19 s of CPU against 0.09-0.10):
    # none runs while they are, and the collector is left as it was found.
    members = pd.DataFrame({"household": [f"h{k // 2}" for k in range(20_000)], "covered": "是"}, dtype=object)
    runs = []

    def seen(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    gc.callbacks.append(seen)
    try:
        got = _covered(members)
        after = gc.isenabled()
    finally:
        gc.callbacks.remove(seen)
        (gc.enable if was else gc.disable)()
    assert runs == [] and after is enabled
    assert len(got) == 10_000 and got["h0"] == [0, 1] and got["h9999"] == [19_998, 19_999]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5000), st.integers(1, 60), st.lists(st.tuples(st.integers(0, 4999), st.integers(-1, 59)),
                                                             min_size=1, max_size=300))
def test_pair_numbers_number_equal_pairs_alike_in_both_ways(households, months, rows):
    """Small ledgers take the (household, month) arithmetic itself; large spans of codes are factorized."""
    h = np.array([a % households for a, _ in rows], dtype=np.int64)
    m = np.array([min(b, months - 1) for _, b in rows], dtype=np.int64)
    codes = {"h": h, "h_values": np.arange(households), "m": m, "m_values": np.arange(months),
             "pair": h * (months + 1) + m}
    pair, pairs = pair_numbers(codes)
    assert pair.min() >= 0 and pair.max() < len(pairs) and (pairs[pair] == codes["pair"]).all()
    keys = list(zip(h.tolist(), m.tolist()))
    for i in range(len(keys)):
        for j in range(i + 1, min(len(keys), i + 20)):
            assert (pair[i] == pair[j]) == (keys[i] == keys[j])


def test_the_audit_says_which_items_were_taken_as_the_benefit_and_which_set_aside():
    # held-out 203: a county's whole payments folder (低保, 特困 beside 高龄津贴, 孤儿基本生活费, 临时救助金 …) and no word
    # of what was taken as the benefit: 高龄津贴 books had been, unsaid
    from money import household, make_id, money_context, months, pay

    from rostercheck.rules._money import ledger

    a, b = make_id("19800101", 111), make_id("19400202", 122)
    rows = [pay(a, "王五", m, 516, item=item, _file=f"{item}_{m}.xlsx") for m in months("2026-07", "2026-09")
            for item in ("城乡低保金", "高龄津贴")]
    rows += [pay(b, "李四", "2026-07", 800, item="临时救助金", _file="社会救助_202607.xlsx"),
             pay(b, "李四", "2026-08", 516, item="", _file="发放明细_202608.xlsx")]
    ctx = money_context(household("王五", a, benefit=516), rows)
    files = [r.pop("_file") for r in rows]
    ctx.lists["payments"]["_file"] = files
    ledger(ctx)
    assert ctx.cache["money:items"] == [
        "资金发放明细（8 个文件）按保障金核对的项目：城乡低保金 3 个文件、未写资金项目 1 个文件；其他资金（不核对）：高龄津贴 3 个文件、临时救助金 1 个文件"]


def test_the_items_notice_says_a_raise_paid_apart_is_compared_with_the_benefit():
    # held-out 279: "其他资金（不核对）：提标补差 1 个文件" while F05 adds it to the month it makes up
    from money import household, make_id, money_context, months, pay

    from rostercheck.rules._money import ledger

    a = make_id("19800101", 111)
    rows = [pay(a, "王五", m, 516, _file=f"{m}.xlsx") for m in months("2026-07", "2026-08")]
    rows.append(pay(a, "王五", "2026-08", 30, item="提标补差", _file="2026-08.xlsx"))
    ctx = money_context(household("王五", a, benefit=546), rows)
    ledger(ctx)
    assert ctx.cache["money:items"] == ["资金发放明细（2 个文件）按保障金核对的项目：低保金 2 个文件；补差（计入所补月份的保障金"
                                        "核对）：提标补差 1 个文件；其他资金（不核对）：无"], ctx.cache["money:items"]


def test_the_items_notice_counts_what_it_does_not_name():
    # held-out 226: "低保金 6 个文件、特困供养金 6 个文件、未写资金项目 4 个文件等 4 项" named three of four items and left the
    # fourth unsaid: the items past the third are counted, with their files
    from money import household, make_id, money_context, months, pay

    from rostercheck.rules._money import ledger

    a = make_id("19800101", 111)
    items = ["低保金"] * 3 + ["特困供养金"] * 3 + [""] * 2 + ["城市低保金", "农村低保金"]
    rows = [pay(a, "王五", m, 516, item=item, _file=f"{m}.xlsx") for m, item in zip(months("2025-10", "2026-07"), items)]
    ctx = money_context(household("王五", a, benefit=516), rows)
    ledger(ctx)
    assert ctx.cache["money:items"] == ["资金发放明细（10 个文件）按保障金核对的项目：低保金 3 个文件、特困供养金 3 个文件、"
                                        "未写资金项目 2 个文件，另有 2 项共 2 个文件（其中低保金、城市低保金、农村低保金按同一项保障金"
                                        "核对）；其他资金（不核对）：无"]


def test_the_items_of_one_workbook_are_named_with_its_one_file():
    # held-out 231: "低保金 1 个文件、特困供养金 1 个文件、最低生活保障金 1 个文件；其他资金（不核对）：春节一次性生活补贴 1 个
    # 文件…" of one workbook read as six files: the files are said once, and the items without counts
    from money import household, make_id, money_context, months, pay

    from rostercheck.rules._money import ledger

    a = make_id("19800101", 111)
    items = ["低保金", "特困供养金", "最低生活保障金", "春节一次性生活补贴", "物价补贴", "高龄津贴", "取暖补贴"]
    rows = [pay(a, "王五", m, 516, item=item, _file="资金发放明细_2026年度.xlsx")
            for m, item in zip(months("2026-01", "2026-07"), items)]
    ctx = money_context(household("王五", a, benefit=516), rows)
    ledger(ctx)
    assert ctx.cache["money:items"] == ["资金发放明细（1 个文件）按保障金核对的项目：低保金、特困供养金、最低生活保障金"
                                        "（其中低保金、最低生活保障金按同一项保障金核对）；"
                                        "其他资金（不核对）：春节一次性生活补贴、物价补贴、高龄津贴、取暖补贴"]


def test_one_item_past_those_shown_is_named_not_counted():
    # held-out 244: "低保金 12 个文件、特困供养金 2 个文件、低保金追回 1 个文件，另有 1 项共 1 个文件" left the one item
    # unsaid: counting it took as many words as naming it
    from money import household, make_id, money_context, months, pay

    from rostercheck.rules._money import ledger

    a = make_id("19800101", 111)
    items = ["低保金"] * 3 + ["特困供养金"] * 2 + ["五保供养金", "集中供养特困人员供养金"]
    rows = [pay(a, "王五", m, 516, item=item, _file=f"{m}.xlsx") for m, item in zip(months("2026-01", "2026-07"), items)]
    ctx = money_context(household("王五", a, benefit=516), rows)
    ledger(ctx)
    said = ctx.cache["money:items"][0]
    assert said.startswith("资金发放明细（7 个文件）按保障金核对的项目：低保金 3 个文件、特困供养金 2 个文件、五保供养金 1 个文件、"
                           "集中供养特困人员供养金 1 个文件（") and "另有" not in said
