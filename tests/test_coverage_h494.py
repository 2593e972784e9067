"""Coverage (漏保) on a blind held-out county's system exports (h494, 泸溪县): must-flag / must-not-flag cases."""

from __future__ import annotations

import pytest

from helpers import context, household, leads, make_id, workbook
from test_l01 import mon

HEAD, SON = make_id("19700101", 31), make_id("19980101", 51)
ROSTER = household("张在册", make_id("19600101", 11))
REGISTRY = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
            {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
ILLNESS = [{"name": "王儿", "id": SON, "disease": "尿毒症透析"}]


@pytest.mark.parametrize("header, outcome, review, expected", [
    # a refusal re-examined and approved (复核结果 批准) is no refusal any more: the family was let in (h494: L05 中)
    ("复核结果", "不予批准", "批准", []),
    ("复核结论", "不予批准", "复核通过", []),
    ("复议结果", "不予批准", "同意纳入", []),
    ("复查意见", "不予批准", "待审批", []),  # re-examination under way: not a refusal either
    # a refusal upheld, or no re-examination, stays a lead
    ("复核结果", "不予批准", "维持不予批准", [("王退出", "中")]),
    ("复核结果", "不予批准", "", [("王退出", "中")]),
    # coded through the workbook's 代码说明 sheet (1 批准, 2 不予批准)
    ("复核结果", "2", "1", []),
    ("复核结果", "2", "2", [("王退出", "中")]),
])
def test_a_refusal_approved_on_re_examination_is_no_lead(tmp_path, header, outcome, review, expected):
    path = workbook(tmp_path / "未获批.xlsx", [
        ("Sheet1", ["申请人姓名", "申请人身份证号", "审批日期", "审批结果", "不予批准原因", header, "复核日期"],
         [["王退出", HEAD, "2026-05-12", outcome, "家庭收入超标", review, "2026-06-20" if review else ""]]),
        ("代码说明", ["字段", "代码", "含义"], [["审批结果", "1", "批准"], ["审批结果", "2", "不予批准"],
                                         [header, "1", "批准"], [header, "2", "不予批准"]]),
    ])
    ctx = context(ROSTER, {"illness": ILLNESS, "registry": REGISTRY}, files={"rejected": path})
    assert leads(ctx, "L05") == expected
