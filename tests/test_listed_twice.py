"""A record a reference list gives twice (h442): one wage, one problem.

Lists joined from two extracts repeat rows. A repeated wage row is one wage (C06 summed two and flagged a 1,000 wage
in a household of three); a repeated staff row, death or car is one problem (listed once, its evidence naming the
other row), while two different records of one person stay two findings.
"""

import pytest

from helpers import context, flagged, household, make_id
from rostercheck.audit import findings_frame, run_checks

HEAD = make_id("19750101", 111)
WIFE = make_id("19770202", 122)
KID = make_id("20120505", 131)
MONTHS = ("2026-07", "2026-08", "2026-09")


def family(**extra):
    return household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子女", KID)], **extra)


def wage_rows(amount, unit="清河县宏达建材有限公司", pid=HEAD, name="张三"):
    return [{"name": name, "id": pid, "employer": unit, "wage": amount, "month": m} for m in MONTHS]


# C06: (wage rows, confidence flagged or None); 1,000 ÷ 3 = 333 < 516, 2,000 ÷ 3 = 667 > 516
WAGES = [
    # must not flag: one job's rows exported twice
    (wage_rows(1000) * 2, None),
    # must flag: two employers paying 1,000 each in the same months
    (wage_rows(1000) + wage_rows(1000, unit="清河县第二砖厂"), "高"),
    # must flag: the same employer paying different amounts (a second payment, not a copy)
    (wage_rows(1000) + wage_rows(1100), "高"),
    # must flag: a wage above the standard listed twice is still above it
    (wage_rows(2000) * 2, "高"),
]


@pytest.mark.parametrize("rows, conf", WAGES)
def test_wage_rows_exported_twice_count_once(rows, conf):
    got = flagged(context(family(), {"wages": rows}), "C06")
    assert got == ([("张三", conf)] if conf else [])


def test_the_copies_left_out_are_said():
    ctx = context(family(), {"wages": wage_rows(2000) * 2})
    findings, _ = run_checks(ctx, ["C06"])
    assert "月均 2,000.00 元" in findings[0].evidence
    assert any("重复记录" in line for line in ctx.cache.get("wages:left", []))


def frame(lists, code):
    ctx = context(family(), lists)
    return findings_frame(ctx, run_checks(ctx, [code])[0])


STAFF = {"name": "张三", "id": HEAD, "unit": "清河县第一中学", "category": "事业"}
CAR = {"name": "张三", "id": HEAD, "plate": "湘E·12345", "vehicle_type": "小型轿车", "use": "非营运", "status": "正常"}
DEATH = {"name": "李梅", "id": WIFE, "death_date": "2026-05-03"}

# (code, list kind, rows, findings expected)
COPIES = [
    # must flag once: the same record twice
    ("C01", "staff", [STAFF, dict(STAFF)], 1),
    ("C01", "staff", [dict(STAFF, id=float(HEAD[:15] + "000")), STAFF], 1),  # a copy whose ID was typed as a number
    ("C04", "vehicles", [CAR, dict(CAR)], 1),
    ("C02", "deaths", [DEATH, dict(DEATH, death_date="20260503")], 1),
    # must flag twice: two records of one person (two employers)
    ("C01", "staff", [STAFF, dict(STAFF, unit="清河县自来水公司", category="国企")], 2),
]


def test_two_cars_of_one_person_are_one_finding_naming_both():
    # (h442 had them two findings; h473: one person's cars are one C04 naming the plates, tests/test_c04.py)
    got = frame({"vehicles": [CAR, dict(CAR, plate="湘E·67890")]}, "C04")
    assert len(got) == 1 and got["来源行"].iat[0] == "2、3" and got["置信度"].iat[0] == "高"
    assert "机动车共 2 辆（号牌号码 湘E·12345、湘E·67890）" in got["依据"].iat[0]


@pytest.mark.parametrize("code, kind, rows, n", COPIES)
def test_a_record_listed_twice_is_one_finding(code, kind, rows, n):
    got = frame({kind: rows}, code)
    assert len(got) == n
    assert set(got["置信度"]) == {"高"}
    if n == 1:
        assert got["来源行"].iat[0] == "2、3"
        assert got["依据"].iat[0].endswith("行是同一条记录，重复列出，只列一次）")


# C02: one person dead in two rows of the deaths list whose dates disagree (two extracts a day apart: h444 made two C02 高
# of one death); (rows, findings, confidence, date kept)
DIED = dict(DEATH, date="2026-05-03")
DEATHS_DISAGREEING = [
    # must flag once: one death, two dates, the earlier kept
    ([DIED, dict(DIED, date="2026-05-04")], 1, "高", "2026-05-03"),
    ([dict(DIED, date="2026-05-04"), DIED], 1, "高", "2026-05-03"),
    # must flag once: a row dated after the review date beside one before it is the earlier death
    ([dict(DIED, date="2026-11-02"), DIED], 1, "高", "2026-05-03"),
    # must flag once, as the listed copy: the same record twice
    ([DIED, dict(DIED)], 1, "高", "2026-05-03"),
]


@pytest.mark.parametrize("rows, n, conf, day", DEATHS_DISAGREEING)
def test_one_death_in_rows_that_disagree_is_one_finding(rows, n, conf, day):
    got = frame({"deaths": rows}, "C02")
    assert len(got) == n
    assert list(got["置信度"]) == [conf]
    assert f"死亡日期 {day}" in got["依据"].iat[0]
    if len({r["date"] for r in rows if r["date"] <= "2026-09-30"}) > 1:
        assert "另有此人" in got["依据"].iat[0] and got["来源行"].iat[0] == "2、3"


def test_a_death_found_is_not_also_said_to_be_after_the_review_date():
    ctx = context(family(), {"deaths": [dict(DIED, date="2026-11-02"), DIED]})
    run_checks(ctx, ["C02"])
    assert "deaths:later" not in ctx.cache
    ctx = context(family(), {"deaths": [dict(DIED, date="2026-11-02")]})
    run_checks(ctx, ["C02"])
    assert "deaths:later" in ctx.cache


def test_two_deaths_of_two_members_stay_two():
    got = frame({"deaths": [DEATH, {"name": "张三", "id": HEAD, "date": "2026-04-01"}]}, "C02")
    assert sorted(got["姓名"]) == ["张三", "李梅"]


def test_one_move_out_in_rows_that_disagree_is_one_finding():
    # the same two-extract join on the migrations list: one person out in March by one row, in June by the other, was
    # two C02 高; one finding now, the other row named. Two members' moves stay two.
    moved = {"name": "李梅", "id": WIFE, "date": "2026-03-10", "dest": "广东省深圳市"}
    got = frame({"migrations": [moved, dict(moved, date="2026-06-15")]}, "C02")
    assert list(got["置信度"]) == ["高"] and got["来源行"].iat[0] == "2、3"
    assert "另有此人：第 3 行迁出日期 2026-06-15，与本行不一致" in got["依据"].iat[0]
    got = frame({"migrations": [moved, {"name": "张三", "id": HEAD, "date": "2026-06-15", "dest": "广东省深圳市"}]}, "C02")
    assert sorted(got["姓名"]) == ["张三", "李梅"]
