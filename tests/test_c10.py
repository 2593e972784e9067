"""C10: several distinct asset or income signals in one household."""

from helpers import context, flagged, household, make_id
from rostercheck.audit import run_checks

HEAD = make_id("19700101", 111)
WIFE = make_id("19720202", 122)


def roster():
    return household("张三", HEAD, [("李梅", "配偶", WIFE)])


def car(vtype="小型轿车", status="正常"):
    return {"name": "张三", "id": HEAD, "vehicle_type": vtype, "status": status}


def prop(pid, usage, location):
    return {"name": "张三" if pid == HEAD else "李梅", "id": pid, "usage": usage, "location": location}


def company(status="存续"):
    return {"name": "张三", "id": HEAD, "entity": "宏盛建材有限责任公司", "entity_type": "有限责任公司",
            "employees": 6, "status": status}


# must flag
def test_car_shop_and_two_homes():
    lists = {"vehicles": [car()], "properties": [prop(HEAD, "门面房", "步行街 1 号"), prop(HEAD, "住宅", "花园 1 栋"),
                                                  prop(WIFE, "住宅", "东村 3 组")]}
    ctx = context(roster(), lists)
    assert flagged(ctx, "C10") == [("张三", "中")]
    text = run_checks(ctx, ["C10"])[0][0].evidence
    assert "3 类" in text and "住宅 2 套" in text


def test_truck_and_company():
    assert flagged(context(roster(), {"vehicles": [car("轻型普通货车")], "businesses": [company()]}), "C10") == [("张三", "中")]


def test_car_and_wages():
    wages = [{"name": "李梅", "id": WIFE, "wage": 2000, "month": "2026-09"}]
    assert flagged(context(roster(), {"vehicles": [car()], "wages": wages}), "C10") == [("张三", "中")]


# must not flag
def test_a_single_signal_is_not_enough():
    assert flagged(context(roster(), {"vehicles": [car()]}), "C10") == []
    assert flagged(context(roster(), {"businesses": [company()]}), "C10") == []


def test_harmless_things_are_not_signals():
    lists = {"vehicles": [car("普通二轮摩托车"), car("小型轿车", "报废")], "businesses": [company("注销")],
             "properties": [prop(HEAD, "住宅", "东村 3 组")],
             "pensions": [{"name": "张三", "id": HEAD, "insurance": "城乡居民基本养老保险", "amount": 160, "status": "正常"}]}
    assert flagged(context(roster(), lists), "C10") == []


def test_a_couples_two_basic_pensions_are_no_signal_added_up():
    # held-out 190: 158 + 168 元 of 城乡居民养老金 (each below 300) beside a second home: C10 中 for an old couple
    def basic(name, pid, amount):
        return {"name": name, "id": pid, "insurance": "城乡居民基本养老保险", "amount": amount, "status": "正常"}
    homes = [prop(HEAD, "住宅", "花园 1 栋"), prop(WIFE, "住宅", "东村 3 组")]
    lists = {"properties": homes, "pensions": [basic("张三", HEAD, 158), basic("李梅", WIFE, 168)]}
    assert flagged(context(roster(), lists), "C10") == []
    lists["pensions"][1]["amount"] = 1800  # one member's own pension above 300: a signal
    assert flagged(context(roster(), lists), "C10") == [("张三", "中")]


def test_two_cars_are_one_kind_of_signal():
    assert flagged(context(roster(), {"vehicles": [car(), car("小型普通客车")]}), "C10") == []


def test_coded_vehicle_and_property_are_shown_with_their_meanings():
    ctx = context(roster(), {"vehicles": [car("K33")], "properties": [prop(HEAD, "31", "步行街 1 号")]})
    assert flagged(ctx, "C10") == [("张三", "中")]
    text = run_checks(ctx, ["C10"])[0][0].evidence
    assert "名下K33（小型轿车）" in text and "名下31（商业服务）" in text


def test_a_signal_matched_through_a_damaged_id_lowers_the_lead_and_says_so():
    # the car's owner ID typed as a number (digits lost): C04 says 中, the lead drops to 低 (C10.toml 随之降级)
    damaged = {**car(), "id": float(HEAD[:15] + "000")}
    ctx = context(roster(), {"vehicles": [damaged], "businesses": [company()]})
    assert flagged(ctx, "C10") == [("张三", "低")]
    assert "按姓名" in run_checks(ctx, ["C10"])[0][0].evidence


def test_exact_signals_enough_on_their_own_keep_the_lead_beside_a_damaged_one():
    # h444: a shop and a business matched exactly beside a car under a number-typed ID — two exact kinds already meet
    # min_signals, so the lead stays 中; the car is still named as matched by name and the digits left
    damaged = {**car(), "id": float(HEAD[:15] + "000")}
    lists = {"vehicles": [damaged], "businesses": [company()], "properties": [prop(HEAD, "门面房", "步行街 1 号")]}
    ctx = context(roster(), lists)
    assert flagged(ctx, "C10") == [("张三", "中")]
    text = run_checks(ctx, ["C10"])[0][0].evidence
    assert "3 类" in text and "按姓名" in text
    # must stay 低: the damaged signal is one of the two that make the lead
    lists = {"vehicles": [damaged], "properties": [prop(HEAD, "门面房", "步行街 1 号")]}
    assert flagged(context(roster(), lists), "C10") == [("张三", "低")]


def test_a_home_held_in_part_is_said_so():
    # held-out 258: the second home was a 20% share (共有人), said by C04, not by the signals' 住宅 2 套
    shared = {**prop(WIFE, "住宅", "东村 3 组"), "share": "20%"}
    lists = {"vehicles": [car()], "properties": [prop(HEAD, "住宅", "花园 1 栋"), shared]}
    text = run_checks(context(roster(), lists), ["C10"])[0][0].evidence
    assert "住宅 2 套" in text and text.count("（份额 20%）") == 1


def test_the_evidence_states_the_lines_in_force(tmp_path):
    # held-out 251: an income signal's amount was given, not the line it had to reach
    pension = [{"name": "李梅", "id": WIFE, "insurance": "企业职工基本养老保险", "amount": 450, "status": "正常发放"}]
    lists = {"vehicles": [car()], "pensions": pension, "properties": [prop(HEAD, "住宅", "花园 1 栋"),
                                                                       prop(WIFE, "住宅", "东村 3 组")]}
    text = run_checks(context(roster(), lists), ["C10"])[0][0].evidence
    assert "同一家庭有 3 类收入或财产信号（达到 2 类即标记）" in text
    assert "养老金（成员本人每月达到 300 元计为信号）：李梅" in text and "住宅 2 套（达到 2 套）" in text
    assert "机动车：" in text  # an asset has no line of its own to state
    config = tmp_path / "c.toml"
    config.write_text("[C10]\nmin_monthly_income = 400\nmin_signals = 3\n[C04]\nmin_homes = 3\n", encoding="utf-8")
    text = run_checks(context(roster(), {**lists, "businesses": [company()]}, config=config), ["C10"])[0][0].evidence
    assert "（达到 3 类即标记）" in text and "（成员本人每月达到 400 元计为信号）" in text and "住宅" not in text
