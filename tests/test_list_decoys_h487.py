"""Columns of another time beside a department list's own (h487's blind round, 石城县 360735 in five header styles).

An earlier state or period written before a list field's alias (原状态 beside 机动车状态, 调整前月养老金 beside 月发放金额,
变更前状态) is another time's value on every list, not only on the roster, staff, registry and wage lists (before h487 a
vehicle list's 原状态 was read as the vehicle's status and a pension list's 调整前月养老金 as the monthly pension). A
prisoners list's 假释日期 is the day the person left custody, as 释放日期 is (two parolees were C02 高 "在服刑期内").
"""

import datetime as dt

import pytest

from rostercheck.io.columns import assign
from rostercheck.io.table import load_table
from rostercheck.normalize.values import header_label
from rostercheck.reference import normalise


def mapping(kind, headers):
    labels = [header_label(h) for h in headers]
    return {f: headers[c] for f, c in assign(labels, kind).items()}


VEHICLE = ["号牌号码", "车辆类型", "使用性质", "所有人", "身份证明号码"]
PENSION = ["姓名", "社会保障号码", "险种"]


# (kind, headers, field, the header it must be read from — None: the field is left unread)
@pytest.mark.parametrize("kind, headers, field, expected", [
    # an earlier state before the row's own, after it, or alone
    ("vehicles", VEHICLE + ["原状态", "机动车状态"], "status", "机动车状态"),
    ("vehicles", VEHICLE + ["机动车状态", "原状态"], "status", "机动车状态"),
    ("vehicles", VEHICLE + ["变更前状态", "机动车状态"], "status", "机动车状态"),
    ("vehicles", VEHICLE + ["过户前状态", "机动车状态"], "status", "机动车状态"),
    ("vehicles", VEHICLE + ["原状态"], "status", None),
    ("pensions", PENSION + ["调整前月养老金", "月发放金额", "待遇状态"], "amount", "月发放金额"),
    ("pensions", PENSION + ["上年度养老金", "调整前月养老金", "月发放金额"], "amount", "月发放金额"),
    ("pensions", PENSION + ["调整前月养老金", "月养老金"], "amount", "月养老金"),
    ("pensions", PENSION + ["月发放金额", "原待遇状态", "待遇状态"], "status", "待遇状态"),
    ("businesses", ["主体名称", "法定代表人", "证件号码", "原登记状态", "登记状态"], "status", "登记状态"),
    ("businesses", ["主体名称", "法定代表人", "证件号码", "变更前从业人数", "从业人数"], "employees", "从业人数"),
    ("properties", ["权利人", "证件号码", "坐落", "原规划用途", "规划用途"], "usage", "规划用途"),
    ("migrations", ["姓名", "身份证号", "迁出日期", "原迁往地", "迁往地"], "dest", "迁往地"),
    ("cadres", ["姓名", "公民身份号码", "原职务", "职务"], "post", "职务"),
    # two header rows, the state or use's two halves under one group (机动车状态: 原状态 | 现状态): each read by its own
    # label, the earlier one refused rather than taken as the first of a tie
    ("vehicles", VEHICLE + ["原状态", "现状态"], "status", "现状态"),
    ("pensions", PENSION + ["月发放金额", "原状态", "现状态"], "status", "现状态"),
    ("properties", ["权利人", "证件号码", "坐落", "原用途", "现用途"], "usage", "现用途"),
    ("businesses", ["主体名称", "法定代表人", "证件号码", "从业人数", "原状态", "现状态"], "status", "现状态"),
    # what stayed as it was: a spec whose own alias is the earlier one (原判刑期止日 beside 减刑后刑期止日 is folded with
    # it), the roster's 原因/原籍 left to their own specs, and an earlier state's ID column (the former ID)
    ("prisoners", ["姓名", "公民身份号码", "入监日期", "原判刑期止日", "减刑后刑期止日"], "end_2", "减刑后刑期止日"),
    ("vehicles", VEHICLE + ["机动车状态"], "status", "机动车状态"),
    ("pensions", PENSION + ["月发放金额"], "amount", "月发放金额"),
    # the day of parole, beside or without a 释放日期
    ("prisoners", ["姓名", "公民身份号码", "入监日期", "刑期止日", "释放日期", "假释日期"], "paroled", "假释日期"),
    ("prisoners", ["姓名", "公民身份号码", "入监日期", "刑期止日", "释放日期", "假释日期"], "released", "释放日期"),
    ("prisoners", ["姓名", "公民身份号码", "入监日期", "刑期止日", "暂予监外执行日期"], "paroled", "暂予监外执行日期"),
])
def test_earlier_state_column(kind, headers, field, expected):
    assert mapping(kind, headers).get(field) == expected


@pytest.mark.parametrize("released, paroled, expected", [
    ("", "2026-04-01", dt.date(2026, 4, 1)),          # paroled, no release day: out since the parole
    ("2026-02-10", "", dt.date(2026, 2, 10)),
    ("2026-08-01", "2026-04-01", dt.date(2026, 4, 1)),  # the earlier of the two
    ("2026-04-01", "2026-08-01", dt.date(2026, 4, 1)),
    ("", "", None),
])
def test_parole_day_is_the_release(tmp_path, released, paroled, expected):
    path = tmp_path / "服刑人员名单.csv"
    path.write_text("姓名,公民身份号码,入监日期,刑期止日,释放日期,假释日期\n"
                    f"王五,360735198001010011,2023-05-01,2027-08-01,{released},{paroled}\n", encoding="utf-8")
    out = normalise(load_table(path, "prisoners"))
    assert "paroled" not in out.columns
    got = out["released"].iloc[0]
    assert (got if isinstance(got, dt.date) else None) == expected


def test_parole_alone_is_the_release(tmp_path):
    path = tmp_path / "服刑人员名单.csv"
    path.write_text("姓名,公民身份号码,入监日期,刑期止日,假释日期\n王五,360735198001010011,2023-05-01,2027-08-01,2026-04-01\n",
                    encoding="utf-8")
    out = normalise(load_table(path, "prisoners"))
    assert out["released"].iloc[0] == dt.date(2026, 4, 1)
