"""Columns of other people and other periods are never the row's own (h483's blind round, 于都县 in six header styles).

A bracketed person word (出生年月（户主）, 联系电话（联系人）) names another person exactly as a prefix does (户主出生年月);
a bracketed or prefixed earlier state (户籍地址（原）, 上期缴费工资, 原保障人数, 变更前之户主身份证号) is no current value;
a unit or format note in brackets (出生日期（年月日）, 身份证号（18位）, 保障金额（元）) and the list's own person in brackets
(法定代表人(经营者), a cadre list's 联系电话（村干部）) are still the row's own.
"""

import pytest

from rostercheck.io.columns import assign
from rostercheck.normalize.values import header_label


def mapping(kind, headers):
    labels = [header_label(h) for h in headers]
    return {f: headers[c] for f, c in assign(labels, kind).items()}


ROSTER = ["姓名", "身份证号", "与户主关系"]


# (kind, headers, field, the header it must be read from — None: the field is left unread)
@pytest.mark.parametrize("kind, headers, field, expected", [
    # another person's column in brackets, no column of the row's own beside it: left unread
    ("roster", ROSTER + ["出生年月（户主）"], "birth", None),
    ("roster", ROSTER + ["出生年月(户主)"], "birth", None),
    ("roster", ROSTER + ["联系电话（村干部）"], "phone", None),
    ("roster", ROSTER + ["联系电话（干部）"], "phone", None),
    ("roster", ROSTER + ["户籍地址（原）"], "address", None),
    ("deaths", ["姓名", "身份证号", "死亡日期（配偶）"], "date", None),
    ("staff", ["姓名", "身份证号", "工作单位（原）"], "unit", None),
    ("cadres", ["姓名", "公民身份号码", "联系电话（联系人）", "联系电话"], "phone2", None),
    # an earlier period's or state's value
    ("wages", ["姓名", "身份证号", "上期缴费工资", "缴费工资（元）", "缴费月份"], "wage", "缴费工资（元）"),
    ("wages", ["姓名", "身份证号", "上期缴费工资", "缴费月份"], "wage", None),
    ("wages", ["姓名", "身份证号", "缴费工资（上期）", "缴费月份"], "wage", None),
    ("roster", ROSTER + ["原保障人数"], "covered_size", None),
    ("roster", ROSTER + ["变更前家庭人口"], "household_size", None),
    ("roster", ROSTER + ["户籍地址【原】"], "address", None),
    ("roster", ROSTER + ["原家庭住址"], "address", None),
    ("roster", ["姓名", "身份证号", "原与户主关系"], "relation", None),
    ("roster", ["姓名", "身份证号", "与户主关系（原）"], "relation", None),
    ("staff", ["姓名", "身份证号", "原工作单位"], "unit", None),
    ("staff", ["姓名", "身份证号", "工作单位[原]"], "unit", None),
    ("wages", ["姓名", "身份证号", "原工作单位", "缴费工资"], "employer", None),
    ("wages", ["姓名", "身份证号", "缴费工资【上期】"], "wage", None),
    ("registry", ["户号", "姓名", "身份证号", "与户主关系", "原住址", "住址"], "address", "住址"),
    # the head before a change, whatever joins the words (之, /): neither the head's nor a member's former ID
    ("roster", ROSTER + ["变更前之户主身份证号"], "former_id", None),
    ("roster", ROSTER + ["变更前之户主身份证号"], "head_former_id", None),
    ("roster", ROSTER + ["原/户主身份证号"], "former_id", None),
    ("vehicles", ["原/所有人身份证明号码", "所有人", "身份证明号码", "号牌号码"], "id", "身份证明号码"),
    ("properties", ["证件号码（原权利人）", "权利人", "证件号码", "坐落"], "id", "证件号码"),
    # the row's own, with a unit, a format note or the list's own person in brackets: still read
    ("roster", ROSTER + ["出生日期（年月日）"], "birth", "出生日期（年月日）"),
    ("roster", ["姓名", "身份证号（18位）", "与户主关系"], "id", "身份证号（18位）"),
    ("roster", ROSTER + ["保障金额（元）"], "benefit", "保障金额（元）"),
    ("deaths", ["姓名", "身份证号", "死亡日期（yyyy-mm-dd）"], "date", "死亡日期（yyyy-mm-dd）"),
    ("cadres", ["姓名", "公民身份号码", "联系电话(村干部)"], "phone", "联系电话(村干部)"),
    ("businesses", ["主体名称", "法定代表人(经营者)", "证件号码"], "name", "法定代表人(经营者)"),
    ("roster", ROSTER + ["联系电话（户主）"], "phone", "联系电话（户主）"),
    # a prefixed agent at the label's start is as much another person's as one after the field's own words
    ("deaths", ["姓名", "身份证号", "配偶死亡日期"], "date", None),
])
def test_decoy_column(kind, headers, field, expected):
    assert mapping(kind, headers).get(field) == expected


# A trailing bracketed person word reads as the same word before the field: the head's, the dependent's, the cadre's.
@pytest.mark.parametrize("kind, headers, expected", [
    ("roster", ["乡镇", "村", "姓名（户主）", "身份证号（户主）", "家庭人口", "月保障金（元）"],
     {"head_name": "姓名（户主）", "head_id": "身份证号（户主）"}),
    ("roster", ["姓名（户主）", "身份证号（户主）", "成员姓名", "成员身份证号", "与户主关系"],
     {"head_name": "姓名（户主）", "head_id": "身份证号（户主）", "name": "成员姓名", "id": "成员身份证号"}),
    ("registry", ["户号", "姓名（户主）", "身份证号（户主）", "姓名", "身份证号", "与户主关系"],
     {"head_name": "姓名（户主）", "head_id": "身份证号（户主）", "name": "姓名", "id": "身份证号"}),
    ("supporters", ["姓名（被赡养人）", "身份证号（被赡养人）", "赡养人姓名", "赡养人身份证号", "关系"],
     {"dependent_name": "姓名（被赡养人）", "dependent_id": "身份证号（被赡养人）", "name": "赡养人姓名",
      "id": "赡养人身份证号"}),
    ("cadre_relatives", ["姓名（干部）", "身份证号（干部）", "姓名（亲属）", "身份证号（亲属）", "关系"],
     {"cadre_name": "姓名（干部）", "cadre_id": "身份证号（干部）", "name": "姓名（亲属）", "id": "身份证号（亲属）"}),
    ("deaths", ["姓名（申报人）", "身份证号（申报人）", "姓名（死者）", "身份证号（死者）", "死亡日期"],
     {"name": "姓名（死者）", "id": "身份证号（死者）", "date": "死亡日期"}),
])
def test_bracketed_person_is_a_prefix(kind, headers, expected):
    got = mapping(kind, headers)
    assert {f: got.get(f) for f in expected} == expected
