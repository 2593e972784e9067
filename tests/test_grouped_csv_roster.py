"""A roster or application list whose group row is written once (a CSV) reads as the same list with its groups merged
(.xlsx): a group naming the household's head over its household's particulars runs to the next group (h454)."""
from pathlib import Path

import pytest
from helpers import groups_merged, make_id

from rostercheck.io.read import Grid
from rostercheck.io.table import find_layout

CLERK = make_id("19850312", 17, "340828")


def _rows(template: list, households: int = 6) -> list[list]:
    """Each household's head row and wife row after the template's (a household's cells repeated on its members' rows, as
    a system exports them): 'HN' and 'H' the head's name and ID, 'N' and 'W' the member's, 'R' the relation."""
    rows = []
    for k in range(households):
        head, wife = make_id(f"19{60 + k}0101", 11 + 2 * k, "340828"), make_id(f"19{62 + k}0101", 22 + 2 * k, "340828")
        for member, name, relation in ((head, f"张{k}", "户主"), (wife, f"李{k}", "配偶")):
            rows.append([{"H": head, "HN": f"张{k}", "W": member, "N": name, "R": relation, "#": f"H{k}"}.get(c, c)
                         for c in template])
    return rows


@pytest.mark.parametrize("merge", [True, False])
@pytest.mark.parametrize("top, below, row, want", [
    # must read the head's and the member's own: 户主信息 over 户编号 first, then the head's bare 姓名 | 身份证号
    (["户主信息", "", "", "", "", "", "成员信息", "", ""],
     ["户编号", "乡镇", "村", "姓名", "身份证号", "家庭人口", "姓名", "与户主关系", "身份证号"],
     ["#", "五河镇", "中山村", "HN", "H", 2, "N", "R", "W"], {"head_id": 4, "id": 8, "name": 6}),
    # … and an application's 申请人信息 over 申请编号 first
    (["经办信息", "", "申请人信息", "", "", "", "", "家庭成员信息", "", ""],
     ["姓名", "身份证号", "申请编号", "乡镇", "姓名", "身份证号", "家庭人口", "姓名", "与申请人关系", "身份证号"],
     ["汪建华", CLERK, "#", "五河镇", "HN", "H", 2, "N", "R", "W"],
     {"household_no": 2, "head_id": 5, "id": 9, "name": 7}),
    # must not change: a head's group whose first column is the head's own ends at the household's particulars, the
    # member's bare columns after it, under no group, are hers
    (["户主信息", "", "", "", "", ""], ["户主姓名", "户主身份证号", "家庭人口", "姓名", "与户主关系", "身份证号"],
     ["HN", "H", 2, "N", "R", "W"], {"head_id": 1, "id": 5, "name": 3}),
])
def test_a_head_group_written_once_reads_as_merged(merge, top, below, row, want):
    rows = [["岳西县2026年第三季度低保对象信息"], list(top), list(below), *_rows(row)]  # (copies: a merged read fills them)
    layout = find_layout(Grid(Path("低保花名册.csv"), "", rows, merged=groups_merged(top) if merge else []), "roster")
    assert {f: layout.mapping.get(f) for f in want} == want
