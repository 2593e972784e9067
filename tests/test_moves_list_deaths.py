"""A moves list's deaths (h395): a 户口注销 export given as the moves with only its 迁往地区划代码 is one, a row cancelled
for a death (注销原因, or a 迁移原因 that is wholly a death) is a death for C02, and for F01 with or without a deaths
list."""

import pytest
from helpers import context, flagged, household, make_id
from money import money, money_context, months, pay

from rostercheck.audit import partly_checked, run_checks
from rostercheck.io.table import load_table

HEAD = make_id("19700101", 111)


# h395: a 户籍迁出 export whose 迁移原因 says 死亡 lists the dead among its moves (it was C02 低 "迁往地不详", and no F01);
# a reason naming a death beside another cause (因病投靠子女) is a move, as before.
@pytest.mark.parametrize("reason, expected, said", [
    ("死亡", [("张三", "高")], "迁移原因 死亡，迁出日期 2026-06-10"),
    ("病故", [("张三", "高")], "迁移原因 病故"),
    ("因病投靠子女", [("张三", "低")], "迁往地不详"),
])
def test_a_move_whose_reason_is_a_death_is_a_death(reason, expected, said):
    ctx = context(household("张三", HEAD), {"migrations": [{"name": "张三", "id": HEAD, "date": "2026-06-10",
                                                            "reason": reason}]})
    assert flagged(ctx, "C02") == expected
    assert said in run_checks(ctx, ["C02"])[0][0].evidence


@pytest.mark.parametrize("row", [{"cause": "死亡", "date": "2026-05-14"}, {"reason": "死亡", "date": "2026-05-14"}])
def test_a_death_only_the_moves_list_records_stops_the_payments(row):
    # h395: a 特困 person cancelled for death in a 户口注销 export, paid July–September: no F01
    roster = household("赵六", HEAD, benefit=516, township="河口乡")
    ledger = [pay(HEAD, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    ctx = money_context(roster, ledger, {"migrations": [{"name": "赵六", "id": HEAD, **row}]})
    assert money(ctx, "F01") == [("赵六", "高", 2064.0, None)]
    said = partly_checked(ctx, {}, ["F01"])["F01"]  # (without a deaths list: checked by the moves list's, said)
    assert "只按户籍迁出名单（migrations.xlsx）写明的死亡核对" in said


def test_a_cancellation_export_with_only_its_destination_code_is_a_moves_list(tmp_path):
    # h395: 注销原因 | 注销日期 | 迁往地区划代码 given as --migrations was refused, "看不出是户籍迁出名单" (exit 3)
    path = tmp_path / "户口注销信息.csv"
    path.write_text(f"姓名,公民身份号码,注销原因,注销日期,迁往地区划代码\n张三,{HEAD},2,20260415,440303\n", encoding="utf-8")
    table = load_table(path, "migrations")
    assert list(table.frame["dest_code"]) == ["440303"]


def test_a_death_on_both_the_deaths_list_and_the_moves_list_is_recovered_once():
    roster = household("赵六", HEAD, benefit=516, township="河口乡")
    ledger = [pay(HEAD, "赵六", m, 516) for m in months("2026-01", "2026-09")]
    lists = {"deaths": [{"name": "赵六", "id": HEAD, "date": "2026-05-14"}],
             "migrations": [{"name": "赵六", "id": HEAD, "cause": "死亡", "date": "2026-05-20"}]}
    assert money(money_context(roster, ledger, lists), "F01") == [("赵六", "高", 2064.0, None)]
