"""Status columns of bare codes no setting reads, judged by their share of the list (h389, h395): the business list's
bulk code read alike by every check, the whole list counted before the filter, small lists' codes never 高 (C01's in
test_c01)."""

from collections import Counter

import numpy as np
import pytest
from helpers import context, flagged, household, make_id

from rostercheck.audit import partly_checked, run_checks
from rostercheck.io.table import read_file, to_table
from rostercheck.rules._econ import LIST_STATUSES

HEAD = make_id("19700101", 111)
WIFE = make_id("19720202", 122)
GRANNY = make_id("19450101", 122)
SON = make_id("19750505", 131)
OTHERS = [make_id(f"19{60 + i}0101", 711 + 2 * i) for i in range(6)]
BULK = ["1"] * 5  # the list's other rows: "1" is two thirds and more of it (its businesses in operation)


def others(codes):
    return [{"name": f"王{i}", "id": OTHERS[i], "entity": f"王{i}商店", "entity_type": "个体工商户", "employees": 1,
             "status": c} for i, c in enumerate(codes)]


def business(status, employees=1, pid=HEAD, name="张三", premises=""):
    return {"name": name, "id": pid, "entity": f"{name}便利店", "entity_type": "个体工商户", "employees": employees,
            "premises": premises, "status": status}


# h395: only C05 read the business list's bulk code; a shop (C04), a supporter's business (C07), C09's and C10's
# business signal and coverage's means took a business coded "1" for closed. Each now reads it as C05 does: in operation,
# said so; another code of the list (3: 注销?) as before, no business.
def _c04(status):
    return flagged(context(household("张三", HEAD), {"businesses": others(BULK) + [business(status, premises="人民路 3 号门面")]}),
                   "C04")


def _c07(status):
    sup = [{"dependent_name": "王秀英", "dependent_id": GRANNY, "name": "李强", "id": SON, "relation": "儿子"}]
    lists = {"supporters": sup, "businesses": others(BULK) + [business(status, employees=5, pid=SON, name="李强")]}
    return flagged(context(household("王秀英", GRANNY), lists), "C07")


def _c09(status):
    roster = household("张三", HEAD, [("李梅", "配偶", WIFE)], declared_assets="无")
    return flagged(context(roster, {"businesses": others(BULK) + [business(status)]}), "C09")


def _c10(status):
    car = [{"name": "张三", "id": HEAD, "vehicle_type": "小型轿车", "status": "正常"}]
    return flagged(context(household("张三", HEAD, [("李梅", "配偶", WIFE)]),
                           {"vehicles": car, "businesses": others(BULK) + [business(status)]}), "C10")


@pytest.mark.parametrize("check, status, expected", [
    (_c04, "1", [("张三", "中")]), (_c04, "3", []),
    (_c07, "1", [("王秀英", "中")]), (_c07, "3", []),
    (_c09, "1", [("张三", "中")]), (_c09, "3", []),
    (_c10, "1", [("张三", "中")]), (_c10, "3", []),
])
def test_every_check_reads_the_business_lists_bulk_code_as_c05_does(check, status, expected):
    assert check(status) == expected


def test_a_shop_by_the_bulk_code_says_how_it_was_read():
    ctx = context(household("张三", HEAD), {"businesses": others(BULK) + [business("1", premises="人民路 3 号门面")]})
    (finding,) = run_checks(ctx, ["C04"])[0]
    assert "登记状态“1”未能识别，名单中多数记录是这一代码，按在业计" in finding.evidence


@pytest.mark.parametrize("status, expected", [("1", "低"), ("3", "中")])
def test_coverage_counts_a_business_of_the_bulk_code_among_a_persons_means(status, expected):
    from test_l03 import ALONE, OLD, ROSTER, reg
    from test_l01 import mon

    lists = {"registry": reg(ALONE), "supporters": [], "monitoring": mon("王老人", OLD, [], income="8000"),
             "businesses": others(BULK) + [business(status, pid=OLD, name="王老人")]}
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    (lead,) = LEADS["L03"](context(ROSTER, lists))
    assert lead.priority == expected


def test_the_bulk_is_judged_over_the_whole_list_counted_before_the_filter():
    # h395: a filtered business list kept the members' rows, half of them closed ("3"): 6 of 12 kept rows held "1",
    # 19 of 26 in the file; no bulk was found and a business of 6 employees coded "1" was no C05
    rows = [business("1", employees=6), {**others(["3"])[0]}]
    ctx = context(household("张三", HEAD), {"businesses": rows})
    assert flagged(ctx, "C05") == []
    ctx = context(household("张三", HEAD), {"businesses": rows})
    ctx.cache[LIST_STATUSES] = {"businesses": Counter({"1": 19, "3": 5, "2": 2})}  # (Table.statuses, held-out 399)
    assert flagged(ctx, "C05") == [("张三", "中")]


def test_the_unread_codes_notice_gives_the_whole_lists_counts_the_bulk_was_judged_by():
    from rostercheck.rules._vocab import value_warnings

    ctx = context(household("张三", HEAD), {"businesses": [business("1", employees=6), {**others(["3"])[0]}]})
    ctx.cache[LIST_STATUSES] = {"businesses": Counter({"1": 19, "3": 5, "2": 2})}
    (said,) = [w for w in value_warnings(ctx) if "登记状态" in w]
    assert "有 2 行的值未能识别" in said and "名单中多数记录的代码按全表 26 行判断（“1”19 行、“3”5 行、“2”2 行）" in said


def test_a_filtered_list_counts_its_status_column_over_every_row(tmp_path):
    path = tmp_path / "市场主体登记信息.csv"
    lines = ["姓名,身份证号,主体名称,从业人数,登记状态"] + [f"王{i},{OTHERS[i % 6]},王{i}商店,1,{'3' if i < 2 else '1'}"
                                                     for i in range(10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = to_table(read_file(path, "businesses"), lambda cells: np.arange(len(cells)) < 3)
    assert len(table.frame) == 3 and table.row_count == 10
    assert table.statuses == Counter({"1": 8, "3": 2})
    assert to_table(read_file(path, "businesses")).statuses is None  # (read whole: its rows are the list)


def test_a_streamed_list_counts_its_status_column_over_every_row(tmp_path, monkeypatch):
    path = tmp_path / "市场主体登记信息.csv"
    lines = ["姓名,身份证号,主体名称,从业人数,登记状态"] + [f"王{i},{OTHERS[i % 6]},王{i}商店,1,{'3' if i < 2 else '1'}"
                                                     for i in range(10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = _streamed(path, "businesses", monkeypatch)
    assert len(table.frame) == 2 and table.statuses == Counter({"1": 8, "3": 2})


def _streamed(path, kind, monkeypatch):
    """The list streamed (as a big one is), keeping the rows of the first of OTHERS."""
    from rostercheck import bulk

    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    keys = bulk.KeySet()
    keys.add(np.array([OTHERS[0]], dtype=object), np.array(["valid"], dtype=object), np.array([True]))
    with bulk.Streamer(keys) as streamer:
        return streamer.load(path, kind)


def test_the_partly_checked_note_leaves_out_the_rows_read_by_the_bulk_code():
    # h395: "C05 部分未检查 … 有 7 行的值未能识别" counted the six rows read as in operation
    ctx = context(household("张三", HEAD), {"businesses": others(BULK) + [business("1", employees=6)] + others(["3"])})
    said = partly_checked(ctx, {}, ["C05"]).get("C05", "")
    assert "有 1 行的值未能识别" in said


def _deaths_file(tmp_path):
    path = tmp_path / "户口注销人员.csv"
    lines = ["姓名,公民身份号码,注销日期,注销原因"] + [f"王{i},{OTHERS[i % 6]},20260305,{'05' if i < 2 else '01'}"
                                                     for i in range(10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_filtered_deaths_list_counts_its_cause_column_over_every_row(tmp_path):
    # h427: the members' few rows kept say nothing of the list's usual 注销原因 code; the file's rows do
    path = _deaths_file(tmp_path)
    table = to_table(read_file(path, "deaths"), lambda cells: np.arange(len(cells)) < 3)
    assert len(table.frame) == 3 and table.statuses == Counter({"01": 8, "05": 2})
    assert to_table(read_file(path, "deaths")).statuses is None


def test_a_streamed_deaths_list_counts_its_cause_column_over_every_row(tmp_path, monkeypatch):
    table = _streamed(_deaths_file(tmp_path), "deaths", monkeypatch)
    assert len(table.frame) == 2 and table.statuses == Counter({"01": 8, "05": 2})


@pytest.mark.parametrize("whole, expected", [(Counter({"1": 19, "5": 2}), [("张三", "中")]),  # must flag
                                             (Counter({"1": 3, "3": 18}), [("张三", "低")]),  # must not: mostly 迁出
                                             (None, [("张三", "低")])])  # must not: the two rows kept say nothing
def test_the_deaths_bulk_code_is_judged_over_the_whole_list(whole, expected):
    rows = [{"name": "张三", "id": HEAD, "date": "2026-03-05", "cause": "1"},
            {"name": "王二", "id": OTHERS[0], "date": "2026-03-05", "cause": "3"}]
    ctx = context(household("张三", HEAD), {"deaths": rows}, headers={"deaths": {"date": "注销日期", "cause": "注销原因"}})
    if whole is not None:
        ctx.cache[LIST_STATUSES] = {"deaths": whole}
    assert flagged(ctx, "C02") == expected
