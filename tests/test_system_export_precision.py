"""A fresh system export's lists read as their own people (h444: 平江县 430626, two-row headers whose group cell names the
list's relation, with 经办人/录入人/审核人 columns first)."""

from pathlib import Path

import pytest
from helpers import make_id

from rostercheck.io.read import Grid
from rostercheck.io.table import find_layout

DEP, SUP, CLERK = make_id("19500505", 151, "430626"), make_id("19800606", 161, "430626"), make_id("19880101", 171, "430626")


# A group cell naming the relation (赡养关系) over 被赡养人身份证号 glued into 赡养关系被赡养人身份证号 read as the
# supporter's ID (赡养…身份证号): the dependent's column was lost and the list refused, with 经办人 columns beside it (h444).
@pytest.mark.parametrize("group, clerks, dep_name, dep_id, name, id_", [
    # must read the dependent's and the supporter's own columns
    ("赡养关系", ["经办人", "经办人身份证号", "录入人", "审核人"], 5, 6, 7, 8),
    ("赡养关系", ["经办人", "录入人"], 3, 4, 5, 6),
    ("赡养信息", ["经办人", "经办人身份证号"], 3, 4, 5, 6),
    ("赡养义务人信息", ["经办人", "经办人身份证号"], 3, 4, 5, 6),
    ("抚养关系", ["审核人"], 2, 3, 4, 5),
])
def test_a_relation_group_keeps_each_persons_columns(group, clerks, dep_name, dep_id, name, id_):
    top = ["序号"] + ["经办信息"] * len(clerks) + [group] + [""] * 4
    below = ["序号"] + clerks + ["被赡养人姓名", "被赡养人身份证号", "赡养人姓名", "赡养人身份证号", "关系"]
    clerk_cells = [{"经办人": "邵信春", "录入人": "蒋英杰", "审核人": "蒋英杰"}.get(c, CLERK) for c in clerks]
    rows = [["平江县特困人员赡养义务人信息"], top, below,
            [1] + clerk_cells + ["卢超", DEP, "阎松艳", SUP, "子女"]]
    layout = find_layout(Grid(Path("赡养义务人信息.csv"), "", rows), "supporters")
    m = layout.mapping
    assert (m.get("dependent_name"), m.get("dependent_id"), m.get("name"), m.get("id")) == (dep_name, dep_id, name, id_)
