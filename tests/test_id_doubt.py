"""A roster's own 出生日期 or 年龄 contradicting a member's valid ID (h473): a mistyped ID (what was found by it then
concerns someone else) or a wrong column. Those findings are 中 at most, noted, and counted in one notice
(audit.id_doubted, roster.id_doubts)."""

import datetime as dt

import pytest
from helpers import AS_OF, context, household, make_id, table

from rostercheck.audit import build_context, run_checks
from rostercheck.loading import LoadedInputs
from rostercheck.policy import load_policy, roster_codes
from rostercheck.reference import normalise
from rostercheck.roster import build_members

HEAD = make_id("19700101", 111)  # 56 on AS_OF (2026-09-30)
OTHER = make_id("19650505", 131)
CAR = {"plate": "湘E12345", "vehicle_type": "小型轿车", "use": "非营运", "name": "张三", "id": HEAD, "status": "正常"}
NOTE = "请先核对身份证号"


def c04(extra: dict, config=None):
    ctx = context(household("张三", HEAD, **extra), {"vehicles": [CAR]}, config=config)
    findings, _ = run_checks(ctx, ["C04"])
    return [(f.confidence, NOTE in f.evidence) for f in findings]


CASES = [
    # must cap at 中: the written birth date or age disagrees with the ID's
    ({"birth": "1972-03-05"}, "中", "出生日期不符：花名册为 1972-03-05，身份证号为 1970-01-01"),
    ({"birth": "1970年2月"}, "中", "花名册为 1970-02，身份证号为 1970-01"),  # a month: to the month
    ({"birth": dt.datetime(1971, 1, 1)}, "中", "花名册为 1971-01-01"),
    ({"written_age": 40}, "中", "年龄不符：花名册为 40 岁，按身份证号为 56 岁"),
    ({"written_age": "59岁"}, "中", "花名册为 59 岁"),  # 3 years: beyond the tolerance of 2
    ({"birth": "不详", "written_age": 30}, "中", "花名册为 30 岁"),  # an unread date: the age decides
    # must not lower: agreeing, within the tolerance, not written, not read
    ({}, "高", ""),
    ({"birth": "1970-01-01"}, "高", ""),
    ({"birth": "1970年1月"}, "高", ""),
    ({"birth": "19700101"}, "高", ""),
    ({"birth": 25569}, "高", ""),  # an Excel serial of 1970-01-01
    ({"written_age": 56}, "高", ""),
    ({"written_age": "54"}, "高", ""),  # 2 years: a stale 年龄
    ({"written_age": 58}, "高", ""),
    ({"written_age": "不详"}, "高", ""),
    ({"written_age": ""}, "高", ""),
    ({"birth": "不详"}, "高", ""),
    ({"birth": "70.1"}, "高", ""),  # no four-digit year
    ({"birth": "1970.1"}, "高", ""),  # January, or October once a number
    ({"birth": "2031-01-01"}, "高", ""),  # no one's birth
    ({"birth": "1970-01-01", "written_age": 50}, "高", ""),  # the written birth date agrees: a stale age says nothing
    ({"birth": "1970-02-08（农历）"}, "高", ""),  # a lunar birth date is weeks from the ID's solar one (h475)
    ({"birth": "阴历1970年2月8日"}, "高", ""),
    ({"birth": "1972-02-08（公历）"}, "中", "花名册为 1972-02-08"),
]


@pytest.mark.parametrize("extra, confidence, said", CASES)
def test_findings_by_an_id_the_roster_contradicts_are_low_and_said(extra, confidence, said):
    ctx = context(household("张三", HEAD, **extra), {"vehicles": [CAR]})
    findings, _ = run_checks(ctx, ["C04"])
    assert [f.confidence for f in findings] == [confidence]
    assert (said in findings[0].evidence and NOTE in findings[0].evidence) if said else NOTE not in findings[0].evidence


def test_the_age_tolerance_is_configuration(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[common]\nroster_age_tolerance = 5\n", encoding="utf-8")
    assert c04({"written_age": 60}) == [("中", True)]
    assert c04({"written_age": 60}, config) == [("高", False)]
    assert c04({"written_age": 62}, config) == [("中", True)]


def test_only_the_doubted_members_findings_by_her_id_are_lowered():
    # the wife's row agrees; the head's shared account (D02, by the account) does not rest on his ID
    wife = make_id("19720202", 122)
    rows = (household("张三", HEAD, [("李梅", "配偶", wife)], bank_account="6228480012345678901")
            + household("王五", OTHER, bank_account="6228480012345678901"))
    rows[0]["birth"], rows[1]["birth"] = "1975-06-01", "1972-02-02"
    cars = [CAR, {**CAR, "plate": "湘E54321", "name": "李梅", "id": wife}]
    ctx = context(rows, {"vehicles": cars})
    findings, _ = run_checks(ctx, ["C04", "D02"])
    got = sorted((f.code, ctx.members.at[f.member, "name"], f.confidence) for f in findings)
    assert got == [("C04", "张三", "中"), ("C04", "李梅", "高"), ("D02", "张三", "高"), ("D02", "王五", "高")]


def test_a_fifteen_digit_id_is_not_judged():
    # an old 15-digit ID's date is the upgrade's (19 inserted): not compared
    old = "430521700101111"
    ctx = context(household("张三", old, birth="1972-03-05"), {"vehicles": [{**CAR, "id": old}]})
    findings, _ = run_checks(ctx, ["C04"])
    assert findings and not any(NOTE in f.evidence for f in findings)


def _notices(rows):
    rosters = [table("roster", rows, "低保花名册.xlsx", "清河县2026年第三季度城乡低保花名册")]
    members = build_members(rosters, AS_OF, roster_codes=roster_codes(load_policy(None)[1]))
    _, warnings = build_context(LoadedInputs(rosters, members, {"vehicles": normalise(table("vehicles", [CAR]))},
                                             {"vehicles": "机动车登记信息"}), AS_OF)
    return [w for w in warnings if NOTE in w]


def test_one_notice_counts_the_doubted_members():
    rows = household("张三", HEAD, [("李梅", "配偶", make_id("19720202", 122))], written_age=30)
    notices = _notices(rows)
    assert len(notices) == 1 and "花名册中有 2 人" in notices[0] and "roster_age_tolerance" in notices[0]
    assert _notices(household("张三", HEAD, written_age=55)) == []
    assert _notices(household("张三", HEAD)) == []


# h475: a value that is another member's (the head's cell merged or copied over the household's rows), and a column
# that disagrees with most of a roster's IDs (another person's, a placeholder, another format), doubt no one
CHILD = make_id("20000303", 132)  # 26 on AS_OF
CHILD_CAR = {**CAR, "plate": "湘E54321", "name": "张小明", "id": CHILD}
HOUSEHOLD_CASES = [
    # must not lower: the child's row repeats the head's own agreeing value
    ({"birth": "1970-01-01"}, {"birth": "1970-01-01"}, "高"),
    ({"written_age": 56}, {"written_age": 56}, "高"),
    ({"written_age": 55}, {"written_age": 55}, "高"),  # the head's within the tolerance
    # must cap at 中: the child's own value disagrees; or the head's repeated value agrees with no one's ID
    ({"birth": "1970-01-01"}, {"birth": "1990-05-05"}, "中"),
    ({"written_age": 56}, {"written_age": 40}, "中"),
    ({"birth": "1975-06-01"}, {"birth": "1975-06-01"}, "中"),
    ({"written_age": 45}, {"written_age": 45}, "中"),
]


@pytest.mark.parametrize("head, child, confidence", HOUSEHOLD_CASES)
def test_a_value_that_is_another_members_own_doubts_no_one(head, child, confidence):
    rows = household("张三", HEAD, [("张小明", "子", CHILD)])
    rows[0].update(head)
    rows[1].update(child)
    findings, _ = run_checks(context(rows, {"vehicles": [CHILD_CAR]}), ["C04"])
    assert [f.confidence for f in findings] == [confidence]


@pytest.mark.parametrize("ages, confidence", [
    ((56, 56, 56), "高"),  # one value throughout the household, the head's: a household-level cell
    ((56, 56, 26), "中"),  # the wife's 56 beside the head's is her own (the child's differs): her ID says 30
])
def test_an_equal_value_beside_others_that_differ_is_the_members_own(ages, confidence):
    wife = make_id("19960404", 142)  # 30 on AS_OF
    rows = household("张三", HEAD, [("李梅", "配偶", wife), ("张小明", "子", CHILD)])
    for row, age in zip(rows, ages):
        row["written_age"] = age
    cars = [{**CAR, "plate": "湘E54321", "name": "李梅", "id": wife}]
    findings, _ = run_checks(context(rows, {"vehicles": cars}), ["C04"])
    assert [f.confidence for f in findings] == [confidence]


def _county(births: list[str]) -> list[dict]:
    rows = []
    for k, birth in enumerate(births):
        head_id = HEAD if k == 0 else make_id(f"196{k}0{k}1{k}", 141 + 2 * k)
        rows += household("张三" if k == 0 else f"王{k}", head_id, birth=birth)
    return rows


COLUMN_CASES = [
    # must not lower: the column disagrees with more than half of five or more IDs (one placeholder date throughout)
    (["1990-01-01"] * 6, "高", True),
    (["1990-01-01"] * 5, "高", True),
    (["1990-01-01"] * 4 + ["1961-01-11", "1962-02-12"], "高", True),
    # must cap at 中: a few rows disagree, or the roster is too small to judge its column
    (["1990-01-01", "1961-01-11", "1962-02-12", "1963-03-13", "1964-04-14", "1965-05-15"], "中", False),
    (["1990-01-01"] * 3 + ["1963-03-13", "1964-04-14", "1965-05-15"], "中", False),  # half, not more
    (["1990-01-01"] * 4, "中", False),
]


@pytest.mark.parametrize("births, confidence, dismissed", COLUMN_CASES)
def test_a_column_disagreeing_with_most_ids_doubts_no_one(births, confidence, dismissed):
    rows = _county(births)
    findings, _ = run_checks(context(rows, {"vehicles": [CAR]}), ["C04"])
    assert [f.confidence for f in findings] == [confidence]
    said = [w for w in _warnings(rows) if "未据此怀疑身份证号" in w]
    assert bool(said) == dismissed
    assert not said or ("出生日期列" in said[0] and "低保花名册.xlsx" in said[0])


def _warnings(rows):
    rosters = [table("roster", rows, "低保花名册.xlsx", "清河县2026年第三季度城乡低保花名册")]
    members = build_members(rosters, AS_OF, roster_codes=roster_codes(load_policy(None)[1]))
    _, warnings = build_context(LoadedInputs(rosters, members, {}, {}), AS_OF)
    return warnings


def test_coverage_says_a_doubted_id_without_claiming_its_leads_lowered(tmp_path):
    # coverage's leads are not lowered (audit.id_doubted runs on the checks' findings): its notice must not say they are
    from rostercheck.coverage import coverage

    roster = tmp_path / "低保花名册.csv"
    roster.write_text("乡镇,村,户主姓名,户主身份证号,家庭人口,成员姓名,与户主关系,成员身份证号码,年龄\n"
                      f"城关镇,东村,张三,{HEAD},1,张三,户主,{HEAD},30\n", encoding="utf-8")
    monitoring = tmp_path / "防返贫监测对象.csv"
    monitoring.write_text(f"乡镇,村,姓名,身份证号,风险是否消除\n城关镇,东村,李四,{OTHER},否\n", encoding="utf-8")
    said = [w for w in coverage([roster], {"monitoring": monitoring}, AS_OF).warnings if NOTE in w]
    assert len(said) == 1 and "花名册中有 1 人" in said[0] and "列为“低”" not in said[0]
