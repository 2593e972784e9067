"""Two-row headers whose group cells name whose columns they are (户主信息, 家庭成员信息 over bare 姓名 | 证件号码), read
as the list's own fields (h447: a sweep re-exporting every input kind under grouped headers)."""

from pathlib import Path

import pytest
from helpers import groups_merged, make_id

from rostercheck.io.read import Grid
from rostercheck.io.table import find_layout

HEAD, MEMBER = make_id("19700101", 151, "430526"), make_id("19720202", 162, "430526")
LEAVER = make_id("19990303", 171, "430526")


def _layout(kind: str, name: str, top: list[str], below: list[str], row: list, merge: bool = True):
    rows = [["清河县2026年名单"], top, below, row]
    return find_layout(Grid(Path(name), "", rows, merged=groups_merged(top) if merge else []), kind)


# A monitoring list's 户主信息 | 家庭成员信息 groups over bare 姓名 | 证件号码: the glued 家庭成员信息证件号码 fitted the
# household's ID (家庭…证件号码), every member a household of her own and 26 false L01 leads in a 40-household county.
@pytest.mark.parametrize("top, below, head_id, id_", [
    # must read the head's and the member's own columns
    (["序号", "户主信息", "", "家庭成员信息", "", ""], ["", "姓名", "证件号码", "姓名", "证件号码", "与户主关系"], 2, 4),
    (["序号", "户主信息", "", "家庭成员信息", "", ""], ["", "姓名", "身份证号", "姓名", "身份证号", "与户主关系"], 2, 4),
    (["序号", "户主信息", "", "家庭成员信息", "", ""], ["", "户主姓名", "户主证件号码", "成员姓名", "成员证件号码", "与户主关系"],
     2, 4),
    # a single-row label naming the member's ID under the household's word is hers too
    (["序号", "户主姓名", "户主证件号码", "家庭成员姓名", "家庭成员身份证号码", "与户主关系"], None, 2, 4),
])
def test_a_monitoring_members_id_under_the_family_word_is_hers(top, below, head_id, id_):
    row = [1, "冯波晨", HEAD, "彭珍玲", MEMBER, "妻"]
    if below is None:
        layout = find_layout(Grid(Path("防返贫监测对象.xlsx"), "", [["清河县防返贫监测对象"], top, row]), "monitoring")
    else:
        layout = _layout("monitoring", "防返贫监测对象.xlsx", top, below, row)
    m = layout.mapping
    assert (m.get("head_id"), m.get("id")) == (head_id, id_)


# A 户主信息 group over the head's bare 姓名 | 身份证号 in an exits list: 户主信息姓名 and 姓名 fitted equally and the
# column's own word won, the head's name read as the leaver's (the L05 lead lost the person it was about).
@pytest.mark.parametrize("kind, top, below, row, want", [
    # must read the head's name as the head's
    ("exits", ["户主信息", "", "停保信息", "", ""], ["姓名", "身份证号", "停保日期", "停保原因", "原保障类别"],
     ["袁俊建", HEAD, "2026-01-25", "收入超标", "农村低保"], {"head_name": 0, "head_id": 1, "name": None}),
    ("exits", ["户主信息", "", "停保人员信息", "", "停保信息"], ["姓名", "身份证号", "姓名", "身份证号", "停保日期"],
     ["袁俊建", HEAD, "袁小", LEAVER, "2026-01-25"], {"head_name": 0, "head_id": 1, "name": 2, "id": 3}),
    # must not: a group naming the row's own person keeps the bare 姓名 the row's (人员信息 over 姓名 | 身份证号)
    ("deaths", ["人员信息", "", "死亡信息"], ["姓名", "身份证号码", "死亡日期"], ["孙英春", MEMBER, "2025-03-27"],
     {"name": 0, "id": 1}),
    ("exits", ["停保人员信息", "", "停保信息"], ["姓名", "身份证号", "停保日期"], ["袁小", LEAVER, "2026-01-25"],
     {"name": 0, "id": 1, "head_name": None}),
])
def test_a_heads_group_over_a_bare_name_names_the_head(kind, top, below, row, want):
    layout = _layout(kind, "名单.xlsx", top, below, row)
    assert {f: layout.mapping.get(f) for f in want} == want
