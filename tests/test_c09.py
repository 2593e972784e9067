"""C09: income or assets found by matching that the roster says the household does not have."""

from helpers import context, flagged, household, make_id

HEAD = make_id("19550101", 111)
WIFE = make_id("19570202", 122)
PENSION = [{"name": "张三", "id": HEAD, "insurance": "企业职工基本养老保险", "amount": 900, "status": "正常发放"}]
CAR = [{"name": "李梅", "id": WIFE, "vehicle_type": "小型轿车", "status": "正常"}]


def roster(**extra):
    return household("张三", HEAD, [("李梅", "配偶", WIFE)], **extra)


# must flag
def test_income_declared_as_zero_is_a_medium_lead():
    assert flagged(context(roster(declared_income=0), {"pensions": PENSION}), "C09") == [("张三", "中")]


def test_the_income_found_names_the_rows_it_came_from():
    # held-out 110: pension and wage signals named no list or row
    from rostercheck.audit import run_checks

    wages = [{"name": "李梅", "id": WIFE, "employer": "宏达公司", "wage": 2000, "month": m} for m in ("2026-08", "2026-09")]
    ctx = context(roster(declared_income=0), {"pensions": PENSION, "wages": wages})
    (found,) = run_checks(ctx, ["C09"])[0]
    assert "900.00 元/月（《养老金发放名单（pensions.xlsx）》第 2 行）" in found.evidence
    assert "《社保缴费工资名单（wages.xlsx）》第 2、3 行）" in found.evidence


def test_an_application_is_said_to_declare_it_not_a_roster():
    # h327: screening's C09/C10 said 花名册申报… of an application (its 匹配键 too)
    from rostercheck.audit import run_checks
    from rostercheck.model import APPLYING

    ctx = context(roster(declared_income=0), {"pensions": PENSION})
    (found,) = run_checks(ctx, ["C09"])[0]
    assert found.evidence.startswith("花名册申报家庭收入 0 元") and found.key == "花名册申报信息与各部门名单比对"
    ctx = context(roster(declared_income=0), {"pensions": PENSION})
    ctx.cache[APPLYING] = True
    (found,) = run_checks(ctx, ["C09"])[0]
    assert found.evidence.startswith("申请名单申报家庭收入 0 元") and found.key == "申请名单申报信息与各部门名单比对"
    assert found.source == "申请名单"


def test_income_left_blank_is_a_low_lead():
    rows = roster(declared_income=0)
    for r in rows:
        r["declared_income"] = ""
    rows.extend(household("王五", make_id("19600303", 131), declared_income=400))  # the column exists in the file
    assert flagged(context(rows, {"pensions": PENSION}), "C09") == [("张三", "低")]


def test_assets_declared_as_none_while_a_car_is_found():
    assert flagged(context(roster(declared_assets="无"), {"vehicles": CAR}), "C09") == [("李梅", "中")]


# must not flag
def test_declared_income_or_no_income_column_is_not_flagged():
    assert flagged(context(roster(declared_income=900), {"pensions": PENSION}), "C09") == []
    assert flagged(context(roster(), {"pensions": PENSION}), "C09") == []


def test_small_residents_pension_is_not_a_lead():
    small = [{**PENSION[0], "insurance": "城乡居民基本养老保险", "amount": 160}]
    assert flagged(context(roster(declared_income=0), {"pensions": small}), "C09") == []


def test_two_small_residents_pensions_are_not_added_up():
    # held-out 246: 160 + 147 元 of 城乡居民基础养老金, a couple's, was a C09 中 (307 ≥ 300) beside a declared 0; each
    # member's own income is judged, as C10 does
    from rostercheck.audit import run_checks

    small = [{**PENSION[0], "insurance": "城乡居民基本养老保险", "amount": 160},
             {**PENSION[0], "name": "李梅", "id": WIFE, "insurance": "城乡居民基本养老保险", "amount": 147}]
    assert flagged(context(roster(declared_income=0), {"pensions": small}), "C09") == []
    # must flag: one member's own pension (or pension and wage) reaching the minimum; the other's small one not counted
    ctx = context(roster(declared_income=0), {"pensions": [PENSION[0], small[1]]})
    (found,) = run_checks(ctx, ["C09"])[0]
    assert found.confidence == "中" and "收入合计 900.00 元/月" in found.evidence and "147" not in found.evidence
    wages = [{"name": "李梅", "id": WIFE, "employer": "宏达公司", "wage": 200, "month": "2026-09"}]
    assert flagged(context(roster(declared_income=0), {"pensions": small, "wages": wages}), "C09") == [("李梅", "中")]


def test_declared_assets_that_say_something_or_exempt_vehicles():
    moto = [{**CAR[0], "vehicle_type": "普通二轮摩托车"}]
    assert flagged(context(roster(declared_assets="有小汽车一辆"), {"vehicles": CAR}), "C09") == []
    assert flagged(context(roster(declared_assets="无"), {"vehicles": moto}), "C09") == []
    assert flagged(context(roster(declared_assets="无车无房"), {"vehicles": CAR}), "C09") == [("李梅", "中")]


def test_a_signal_matched_through_a_damaged_id_lowers_the_lead_and_says_so():
    from rostercheck.audit import run_checks

    damaged = [{**CAR[0], "id": float(WIFE[:15] + "000")}]  # the owner ID typed as a number: matched at 中
    ctx = context(roster(declared_assets="无"), {"vehicles": damaged})
    assert flagged(ctx, "C09") == [("李梅", "低")]
    assert "按姓名" in run_checks(ctx, ["C09"])[0][0].evidence
    pension = [{**PENSION[0], "id": float(HEAD[:15] + "000")}]
    assert flagged(context(roster(declared_income=0), {"pensions": pension}), "C09") == [("张三", "低")]


def test_the_wage_found_names_the_months_it_averages_in_c09_and_c10():
    # held-out 205: "工资月均 625.00 元" with no months: a job left nine months ago read as a current wage
    from rostercheck.audit import run_checks

    wages = [{"name": "李梅", "id": WIFE, "employer": "宏达公司", "wage": 2000, "month": m} for m in ("2026-08", "2026-09")]
    ctx = context(roster(declared_income=0), {"pensions": PENSION, "wages": wages})
    for code in ("C09", "C10"):
        (found,) = run_checks(ctx, [code])[0]
        assert "工资月均 2,000.00 元（2026-08、2026-09，共 2 个月；《社保缴费工资名单（wages.xlsx）》第 2、3 行）" in found.evidence


def test_a_pension_stopped_after_the_review_date_by_its_own_end_date_is_income_said_so():
    # held-out 239: 终止 beside 待遇终止年月 202607 was no pension as of 2026-03-31 (C03 and C09/C10 read the same rows)
    from rostercheck.audit import run_checks

    stopped = [{**PENSION[0], "status": "终止", "end": "2026-12"}]
    (found,) = run_checks(context(roster(declared_income=0), {"pensions": stopped}), ["C09"])[0]
    assert "900.00 元/月（发放状态 终止，但待遇终止年月 2026-12-01 在核查基准日之后：核查基准日时仍在领取）" in found.evidence
    assert flagged(context(roster(declared_income=0), {"pensions": [{**stopped[0], "end": "2026-06"}]}), "C09") == []


def test_the_evidence_states_the_income_line_in_force(tmp_path):
    # held-out 251: the amount found was given, not the line a member's own income had to reach
    from rostercheck.audit import run_checks

    (found,) = run_checks(context(roster(declared_income=0), {"pensions": PENSION}), ["C09"])[0]
    assert "收入合计 900.00 元/月（成员本人每月达到 300 元的计入）" in found.evidence
    config = tmp_path / "c.toml"
    config.write_text("[C09]\nmin_monthly_income = 250.5\n", encoding="utf-8")
    (found,) = run_checks(context(roster(declared_income=0), {"pensions": PENSION}, config=config), ["C09"])[0]
    assert "（成员本人每月达到 250.50 元的计入）" in found.evidence
