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


A, B = make_id("19700101", 31, "433122"), make_id("19720101", 42, "433122")
ENROLLED = make_id("19600101", 11, "433122")


@pytest.mark.parametrize("roster, row, township", [
    # a 防返贫 export naming its village in words beside its 12-digit 行政区划代码, with no 乡镇 column: the township is
    # the name the roster gives that code's township (h494: every L01 lead under （未填乡镇）)
    (household("张在册", ENROLLED, township="白沙镇", village="兴沙社区", region_code="433122100002"),
     {"village": "岩门溪村", "region_code": "433122100003"}, "白沙镇"),
    # no code: the one township the roster puts a village of that name in
    (household("张在册", ENROLLED, township="浦市镇", village="铁坡村"), {"village": "铁坡村"}, "浦市镇"),
    # two townships with a village of that name: not guessed
    (household("张在册", ENROLLED, township="浦市镇", village="新村")
     + household("李在册", make_id("19610101", 13, "433122"), township="合水镇", village="新村"),
     {"village": "新村"}, ""),
    # a township the list writes stays as written
    (household("张在册", ENROLLED, township="浦市镇", village="铁坡村"), {"village": "铁坡村", "township": "武溪镇"}, "武溪镇"),
])
def test_a_lead_of_a_list_naming_its_village_but_no_township_takes_the_villages_township(roster, row, township):
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    rows = [{**r, "township": row.get("township", ""), **row} for r in mon("王低收", A, [("赵低收", "妻", B)], income="3000")]
    ctx = context(roster, {"monitoring": rows})
    load_all()
    assert [(ld.person["township"], ld.person["village"]) for ld in LEADS["L01"](ctx)] == [(township, row["village"])]


@pytest.mark.parametrize("statuses, said", [
    # a 公安 export's 人员状态 in codes with no 代码说明: the deaths and moves in it are unread, and that is said (h494:
    # households dead or moved out by the codes were L01 高, unsaid)
    (["1", "1", "2", "3"], True),
    (["10", "10", "20"], True),
    (["1", "1", "1"], False),  # one code on every row: nothing tells anyone apart
    (["正常", "死亡", "迁出"], False),  # words are read
])
def test_a_registry_status_in_unexplained_codes_is_said(tmp_path, statuses, said):
    from helpers import load_table, normalise

    path = workbook(tmp_path / "户籍.xlsx", [("常住人口", ["户号", "姓名", "公民身份号码", "与户主关系", "人员状态"],
                                             [[str(k), f"王{k}", make_id("19700101", 31 + 2 * k), "户主", s]
                                              for k, s in enumerate(statuses)])])
    table = load_table(path, "registry")
    normalise(table)
    assert any("人员状态" in w and "未能识别" in w for w in table.warnings) == said


@pytest.mark.parametrize("statuses, said", [
    (["1", "1", "2"], True),  # a 发放状态 of two codes, no 代码说明: failures unseen (h494)
    (["1", "1", "1"], False),
    (["成功", "失败", "成功"], False),
    (["S", "F", "S"], False),  # codes common.toml reads
])
def test_a_subsidy_status_in_unexplained_codes_is_said(statuses, said):
    from rostercheck.rules.l_coverage import subsidy_gaps

    disabled = [{"name": f"王{k}", "cert": make_id("19700101", 31 + 2 * k) + "43"} for k in range(len(statuses))]
    subsidies = [{"name": f"王{k}", "id": make_id("19700101", 31 + 2 * k), "item": item, "amount": "100", "status": s}
                 for k, s in enumerate(statuses) for item in ("困难残疾人生活补贴", "重度残疾人护理补贴")]
    ctx = context(ROSTER, {"disabled": disabled, "subsidies": subsidies})
    assert any("发放状态写成代码" in w for w in subsidy_gaps(ctx)) == said


@pytest.mark.parametrize("amount", ["年度个人自付金额（元）", "个人自付金额", "个人自费金额", "个人负担金额"])
def test_a_medical_list_with_a_proxy_and_a_self_paid_amount_is_an_illness_list(tmp_path, amount):
    # h494: a 医保 大病 export (代办人姓名 | 代办人身份证号 before the patient's columns, 年度个人自付金额) was taken as a payment
    # ledger in a folder: its self-paid sum read as a paid amount, the 代办人 as a payee; L02 3/7, L05 6/8
    from rostercheck.classify import classify_file

    rows = [[str(k + 1), "周代办", make_id("19760101", 71), f"王{k}", make_id("19700101", 31 + 2 * k), "M01001", "恶性肿瘤",
             "23456.78"] for k in range(6)]
    path = workbook(tmp_path / "患者名单.xlsx", [("Sheet1", ["序号", "代办人姓名", "代办人身份证号", "参保人姓名", "公民身份号码",
                                                         "病种编码", "病种名称", amount], rows)])
    assert classify_file(path).kind == "illness"


@pytest.mark.parametrize("outcome, expected", [
    ("不予批准（复核后同意纳入）", []),  # the re-examination written in the outcome cell itself
    ("不予批准，经复议予以批准", []),
    ("不予批准（复核后维持原决定）", [("王退出", "中")]),
    ("不予批准（复核仍不予批准）", [("王退出", "中")]),
    ("不予批准", [("王退出", "中")]),
])
def test_a_refusal_whose_outcome_cell_says_it_was_approved_on_re_examination(outcome, expected):
    rows = [{"head_name": "王退出", "head_id": HEAD, "name": "王退出", "id": HEAD, "date": "2026-05-12", "outcome": outcome}]
    ctx = context(ROSTER, {"illness": ILLNESS, "registry": REGISTRY, "rejected": rows})
    assert leads(ctx, "L05") == expected


@pytest.mark.parametrize("theirs, others, expected", [
    # a 人员状态 in codes nothing explains, 1 on nearly every row: a household all under a rarer code is likely gone (低)
    ("3", "1", [("王低收", "低")]),
    ("2", "1", [("王低收", "低")]),
    ("1", "1", [("王低收", "高")]),  # the usual code: present
    ("迁出", "正常", [("王低收", "低")]),  # words, as before
    ("正常", "正常", [("王低收", "高")]),
])
def test_a_household_under_a_rare_unexplained_registry_status_code_is_low(theirs, others, expected):
    registry = [{"household_no": "9", "name": n, "id": i, "relation": r, "status": theirs}
                for n, r, i in (("王低收", "户主", A), ("赵低收", "妻", B))]
    registry += [{"household_no": str(100 + k), "name": f"李{k}", "id": make_id("19800101", 101 + 2 * k, "433122"),
                  "relation": "户主", "status": others} for k in range(30)]
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, [("赵低收", "妻", B)], income="3000"), "registry": registry})
    assert leads(ctx, "L01") == expected


def test_an_unexplained_registry_status_without_a_usual_code_lowers_nothing():
    registry = [{"household_no": "9", "name": n, "id": i, "relation": r, "status": "3"}
                for n, r, i in (("王低收", "户主", A), ("赵低收", "妻", B))]
    registry += [{"household_no": str(100 + k), "name": f"李{k}", "id": make_id("19800101", 101 + 2 * k, "433122"),
                  "relation": "户主", "status": "1" if k % 2 else "2"} for k in range(30)]
    ctx = context(ROSTER, {"monitoring": mon("王低收", A, [("赵低收", "妻", B)], income="3000"), "registry": registry})
    assert leads(ctx, "L01") == [("王低收", "高")]


@pytest.mark.parametrize("theirs, others, expected", [
    # a 发放状态 of codes nothing explains, 1 on nearly every row: an enrolled person paid only under a rarer code is a
    # lead, 中 at most (h494: failed payments coded 2 read as paid, L04 missed)
    ("2", "1", [("张在册", "中")]),
    ("1", "1", []),
    ("失败", "成功", [("张在册", "高")]),  # words, as before
    ("2", "2", []),
])
def test_a_subsidy_paid_only_under_a_rare_unexplained_status_code(theirs, others, expected):
    enrolled = make_id("19600101", 11)
    disabled = [{"name": "张在册", "cert": enrolled + "43"}]
    disabled += [{"name": f"李{k}", "cert": make_id("19800101", 101 + 2 * k) + "44"} for k in range(12)]
    subsidies = [{"name": d["name"], "id": d["cert"][:18], "item": "困难残疾人生活补贴", "amount": "100",
                  "status": theirs if k == 0 else others} for k, d in enumerate(disabled)]
    ctx = context(ROSTER, {"disabled": disabled, "subsidies": subsidies})
    assert leads(ctx, "L04") == expected
