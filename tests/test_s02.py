"""S02: an applicant family whose own declared income per person is above its standard — screen only.

h423: a 社会救助信息系统 export declaring 家庭年收入 48,000 元 for three (1,333 元 a person a month against the rural
516) was 无疑点: no check compared an application's declared income with the standard, only C03 with a pension.
"""

import datetime as dt

import pytest
from helpers import make_id

from rostercheck.screen import screen

AS_OF = dt.date(2026, 9, 30)


def _screen(tmp_path, income_header, income, size=3, category="低保", village="长铺村"):
    """Screen one family of ``size`` (the head and others, incomes written on the head's row); return (S02 findings as
    (name, confidence), the verdict)."""
    head = make_id("19500315", 71, "430524")  # (60 and over: no S01 for a 特困 applicant)
    others = [make_id(f"19{82 + k}0601", 82 + 2 * k, "430524") for k in range(size - 1)]
    rows = [f"桃洪镇,{village},王大明,{head},王大明,户主,{head},{size},{category},{income}\n"]
    rows += [f"桃洪镇,{village},王大明,{head},成员{k},子,{pid},{size},{category},{income}\n" for k, pid in enumerate(others)]
    header = f"乡镇,村,户主姓名,户主身份证号,成员姓名,与户主关系,成员身份证号,家庭人口,申请类别,{income_header}\n"
    (tmp_path / "新申请家庭.csv").write_text(header + "".join(rows), encoding="utf-8")
    result = screen([tmp_path / "新申请家庭.csv"], {}, AS_OF)
    f = result.findings
    s02 = [(n, c) for n, code, c in zip(f["姓名"], f["类别代码"], f["置信度"]) if code == "S02"]
    return s02, result.verdicts["结论"].tolist()


# Errors: must flag, at 中 (counted in the verdict)
@pytest.mark.parametrize("income_header, income, size, category, village", [
    ("家庭年收入（元）", 48000, 3, "低保", "长铺村"),      # 1,333 a person a month, rural 516
    ("家庭月收入", 2400, 3, "低保", "城西社区"),           # 800, urban 716
    ("人均月收入", 900, 2, "低保", "长铺村"),
    ("家庭月收入", 1700, 1, "特困", "长铺村"),             # 特困 1,576
])
def test_declared_income_above_the_standard_is_a_doubt(tmp_path, income_header, income, size, category, village):
    s02, verdicts = _screen(tmp_path, income_header, income, size, category, village)
    assert s02 == [("王大明", "中")] and verdicts == ["有疑点"]


# OK: must not flag
@pytest.mark.parametrize("income_header, income, size, category, village", [
    ("家庭年收入（元）", 12000, 3, "低保", "长铺村"),      # 333 a month a person: the year divided by 12
    ("家庭月收入", 1500, 3, "低保", "长铺村"),             # 500 < 516
    ("家庭月收入", 2100, 3, "低保", "城西社区"),           # 700 < 716 (urban)
    ("家庭月收入", 1500, 1, "特困", "长铺村"),             # 1,500 < 1,576
    ("家庭月收入", "", 3, "低保", "长铺村"),               # nothing declared
])
def test_declared_income_within_the_standard_is_no_doubt(tmp_path, income_header, income, size, category, village):
    s02, verdicts = _screen(tmp_path, income_header, income, size, category, village)
    assert s02 == [] and verdicts == ["无疑点"]
