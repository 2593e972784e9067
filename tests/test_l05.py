"""L05 退出或未获批家庭需复查: must-flag and must-not-flag cases."""

from __future__ import annotations

import pytest

from helpers import context, household, leads, make_id
from test_l01 import mon

HEAD, SON = make_id("19700101", 31), make_id("19980101", 51)
ROSTER = household("张在册", make_id("19600101", 11))


def exit_row(when="2026-03-01", pid=HEAD, name="王退出", reason="收入超标"):
    return {"head_name": name, "head_id": pid, "date": when, "reason": reason, "township": "城关镇", "village": "东村"}


@pytest.mark.parametrize("kind, row, monitoring, disabled, expected", [
    # must flag: removed in March, now on the monitoring list with 250 元/月 -> 高
    ("exits", exit_row(), mon("王退出", HEAD, income="3000"), None, [("王退出", "高")]),
    # must flag: refused, now a member is newly level-1 disabled (certificate after the refusal) -> 中
    ("rejected", exit_row(), None, [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}], [("王退出", "中")]),
    # must not flag: removed 18 months ago
    ("exits", exit_row("2025-03-01"), mon("王退出", HEAD, income="3000"), None, []),
    # must not flag: the disability was known when the household was removed
    ("exits", exit_row(), None, [{"name": "王儿", "cert": f"{SON}41", "date": "2019-06-01"}], []),
    # must not flag: income now above the standard
    ("exits", exit_row(), mon("王退出", HEAD, income="8000"), None, []),
    # must not flag: re-enrolled (the head is on the roster again)
    ("exits", exit_row(pid=make_id("19600101", 11), name="张在册"),
     mon("张在册", make_id("19600101", 11), income="3000"), None, []),
])
def test_l05_cases(kind, row, monitoring, disabled, expected):
    registry = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    lists = {kind: [row], "registry": registry}
    if monitoring:
        lists["monitoring"] = monitoring
    if disabled:
        lists["disabled"] = disabled
    assert leads(context(ROSTER, lists), "L05") == expected


def test_l05_undated_row_is_low_priority():
    from rostercheck.rules._coverage import LEADS

    lists = {"exits": [exit_row(when="")], "monitoring": mon("王退出", HEAD, income="3000")}
    assert leads(context(ROSTER, lists), "L05") == [("王退出", "低")]
    (lead,) = LEADS["L05"](context(ROSTER, lists))
    assert "：退出（日期未填，原因：收入超标）；此后：" in lead.evidence


def test_l05_household_of_the_dead_is_no_lead():
    lists = {"exits": [exit_row(reason="死亡")], "monitoring": mon("王退出", HEAD, income="3000"),
             "deaths": [{"name": "王退出", "id": HEAD, "date": "2026-02-20"}]}
    assert leads(context(ROSTER, lists), "L05") == []


@pytest.mark.parametrize("reason, registry, expected", [
    # the exit list says the one-person household's member died: as good as a death record, no lead
    ("死亡", False, []),
    ("病故", False, []),
    # his son lives on in the registry household: not all dead, still a lead, for the son (no lead names the dead)
    ("死亡", True, [("王儿", "高")]),
    # a death that is somebody else's (the row's person is alive)
    ("配偶死亡后收入超标", False, [("王退出", "高")]),
    # the whole household moved out of the county: 低, the evidence saying so
    ("全户户籍迁出本县（迁往广东省东莞市）", False, [("王退出", "低")]),
    # a move inside the county is no move out of it
    ("县内迁移", False, [("王退出", "高")]),
    # a 市辖区 is a county-level unit: 区内迁移 is a move inside it too (held-out 199); 开发区内 is no move at all
    ("区内迁出", False, [("王退出", "高")]),
    ("户口迁往本区城关镇", False, [("王退出", "高")]),
    # a move to study is no move away; one for work after graduating is (C02's reading: held-out 329)
    ("户籍迁出本县（升学）", False, [("王退出", "高")]),
    ("大学毕业就业户籍迁出本县", False, [("王退出", "低")]),
])
def test_l05_the_exit_reason_death_or_move_out(reason, registry, expected):
    lists = {"exits": [exit_row(reason=reason)], "monitoring": mon("王退出", HEAD, income="3000")}
    if registry:
        lists["registry"] = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                             {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    assert leads(context(ROSTER, lists), "L05") == expected


def test_l05_an_exit_for_a_move_out_says_so():
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    lists = {"exits": [exit_row(reason="全户户籍迁出本县（迁往广东省东莞市）")], "monitoring": mon("王退出", HEAD, income="3000")}
    (found,) = LEADS["L05"](context(ROSTER, lists))
    # a move asks whether the household came back (held-out 99: an L01 asked whether its income was more than declared)
    assert "王退出 退出原因“全户户籍迁出本县" in found.evidence and "本户可能已不在本县，请核实是否已迁回" in found.evidence
    assert "收入可能不止申报数" not in found.evidence
    # the reason as the clerk wrote it, full-width brackets kept (held-out 235: “…本县(迁往广东省东莞市)”)
    assert "（原因：全户户籍迁出本县（迁往广东省东莞市））" in found.evidence
    assert found.figures["退出原因"] == "全户户籍迁出本县（迁往广东省东莞市）"


def test_l05_refused_for_a_car_still_registered_is_only_a_low_lead():
    # refused for a car, then a member newly disabled: with the car still on the vehicle register, 低 (as L01)
    disabled = [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}]
    car = {"name": "王退出", "id": HEAD, "plate": "豫P12345", "vehicle_type": "小型轿车", "use": "非营运", "status": "正常"}
    lists = {"rejected": [exit_row(reason="家庭拥有小汽车")], "disabled": disabled, "vehicles": [car],
             "registry": [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                          {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]}
    assert leads(context(ROSTER, lists), "L05") == [("王退出", "低")]
    lists["vehicles"] = [{**car, "status": "注销"}]  # the car is gone: the change is worth a visit
    assert leads(context(ROSTER, lists), "L05") == [("王退出", "中")]


def test_l05_a_head_id_stored_as_a_number_links_by_name_and_its_first_digits():
    # refused; the list's 户主身份证号 cell is a number (digits lost): the registry's one 王退出 of those first digits
    lists = {"rejected": [exit_row(pid=float(HEAD))], "disabled": [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}],
             "registry": [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                          {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]}
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    found = LEADS["L05"](context(ROSTER, lists))
    assert [(x.person["name"], x.person["id"], x.confidence) for x in found] == [("王退出", HEAD, "中")]
    lists["registry"][0]["name"] = "王别人"  # nobody of that name: no guess
    assert leads(context(ROSTER, lists), "L05") == []


def test_l05_confidence_is_medium_when_the_change_is_a_registry_relatives():
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    registry = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    son = [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}]  # the exit row names the head only
    found = LEADS["L05"](context(ROSTER, {"exits": [exit_row()], "disabled": son, "registry": registry}))
    assert [x.confidence for x in found] == ["中"] and "按户籍同户号" in found[0].evidence
    head = [{"name": "王退出", "cert": f"{HEAD}41", "date": "2026-06-01"}]
    found = LEADS["L05"](context(ROSTER, {"exits": [exit_row()], "disabled": head, "registry": registry}))
    assert [x.confidence for x in found] == ["高"]


@pytest.mark.parametrize("outcome, expected", [
    ("不予批准", [("王退出", "中")]),
    ("未通过", [("王退出", "中")]),
    ("", [("王退出", "中")]),
    ("3", [("王退出", "中")]),  # a code the words do not read: a refusal, as the list says (warned)
    ("批准", []),  # a decision list mixing approved applications: those are no refusals
    ("同意纳入", []),
    ("审批通过", []),
    ("待审批", []),  # not decided yet: no refusal either
    ("拟批准", []),
    ("退回补充材料", []),  # steps before the decision (held-out 87): neither refused nor approved
    ("乡镇审核通过", []),
    ("民主评议通过", []),
    ("退回", [("王退出", "中")]),  # sent back for good
    # withdrawn or closed without a result (held-out 236, read for screen): no approval, kept as before (said unread)
    ("申请人撤回", [("王退出", "中")]),
    ("已办结", [("王退出", "中")]),
    ("已审批", []),  # an approval's status word (held-out 236)
])
def test_l05_a_decision_lists_approved_rows_are_no_refusals(outcome, expected):
    disabled = [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}]
    registry = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    lists = {"rejected": [{**exit_row(), "outcome": outcome}], "disabled": disabled, "registry": registry}
    assert leads(context(ROSTER, lists), "L05") == expected


def test_l05_coverage_says_what_it_made_of_the_outcomes(tmp_path):
    from rostercheck.coverage import _decision_notes
    from rostercheck.rules._coverage import decisions

    rows = [{**exit_row(pid=make_id("19700101", 31 + 2 * i), name=f"王{i}"), "outcome": o}
            for i, o in enumerate(["批准", "不予批准", "2", "2", "同意"])]
    ctx = context(ROSTER, {"rejected": rows})
    assert decisions(ctx) == ({0, 4}, {"2": 2}, {})
    notes = _decision_notes(ctx)
    assert "2 行审批结果为批准" in notes[0] and "“2”2 行" in notes[1]


def test_l05_a_withdrawn_application_is_said_withdrawn_not_unread():
    # held-out 271: "审批结果有无法识别的值（“申请人撤回”3 行）" though withdrawn_words has 撤回; the lead said "未获批"
    from rostercheck.coverage import _decision_notes

    disabled = [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}]
    registry = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    ctx = context(ROSTER, {"rejected": [{**exit_row(), "outcome": "申请人撤回"}], "disabled": disabled, "registry": registry})
    notes = _decision_notes(ctx)
    assert len(notes) == 1 and "1 行已撤回" in notes[0] and "无法识别" not in notes[0]
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    (lead,) = LEADS["L05"](ctx)
    assert "2026-03-01 已撤回（" in lead.evidence and "未获批" not in lead.evidence.split("》")[1]


@pytest.mark.parametrize("reason, low", [("户口迁往清河县城关镇", False), ("迁往城关镇", False), ("迁往城关镇东风社区", False),
                                          ("迁往江苏省苏州市城关镇", True), ("全户迁出本县", True)])
def test_l05_an_exit_to_a_place_of_the_county_itself_is_no_move_out(reason, low):
    # 迁往 + a township or the county's own name: a move inside the county (held-out 88)
    ctx = context(ROSTER, {"exits": [exit_row(reason=reason)], "monitoring": mon("王退出", HEAD, income="3000")})
    found = leads(ctx, "L05")
    assert found and all((p == "低") is low for _, p in found), found


def test_l05_a_household_whose_head_died_is_a_lead_for_the_survivor():
    # the exit list names the head, dead (退出原因 死亡); his widow is on the monitoring list (held-out 88)
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    wife = make_id("19600101", 22)
    lists = {"exits": [exit_row(reason="死亡")], "monitoring": mon("刘桂英", wife, income="3000"),
             "registry": [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                          {"household_no": "5", "name": "刘桂英", "id": wife, "relation": "妻"}]}
    (found,) = LEADS["L05"](context(ROSTER, lists))
    assert (found.person["name"], found.person["id"]) == ("刘桂英", wife) and "原户主王退出已死亡" in found.evidence


def test_l05_a_survivor_named_by_a_list_without_places_takes_the_exit_rows():
    # held-out 161: the head died, his widow newly 肢体一级 on a disability list naming no township: the lead was
    # listed under （未填乡镇） although the exit row names 城关镇 东村
    from rostercheck.rules import load_all
    from rostercheck.rules._coverage import LEADS

    load_all()
    wife = make_id("19600101", 22)
    lists = {"exits": [exit_row(reason="户主死亡，家庭人口变化后收入超标")], "deaths": [{"name": "王退出", "id": HEAD,
                                                                                  "date": "2026-02-01"}],
             "disabled": [{"name": "刘桂英", "cert": f"{wife}41", "date": "2026-06-15"}],
             "registry": [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                          {"household_no": "5", "name": "刘桂英", "id": wife, "relation": "妻"}]}
    (found,) = LEADS["L05"](context(ROSTER, lists))
    assert found.person["name"] == "刘桂英" and (found.person["township"], found.person["village"]) == ("城关镇", "东村")


@pytest.mark.parametrize("header", ["待遇开始日期", "待遇享受开始时间", "鉴定日期", "开始日期", "登记日期", "认定日期", "确诊时间"])
def test_l05_an_illness_lists_date_headers_are_read(header):
    # (held-out 206) a 医保 门诊慢特病 export dates its records by 待遇开始日期: unread, an illness since before the exit
    # was taken as new
    from rostercheck.io.columns import assign

    assert assign(["序号", "姓名", "身份证号", "病种名称", header, "结束日期"], "illness").get("date") == 4


@pytest.mark.parametrize("since, expected", [("2025-09-01", []), ("2026-06-01", [("王退出", "中")])])
def test_l05_an_illness_since_before_the_exit_is_no_change_and_its_date_is_said(since, expected):
    registry = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    lists = {"exits": [exit_row()], "registry": registry, "illness": [{"name": "王儿", "id": SON, "disease": "尿毒症", "date": since}]}
    ctx = context(ROSTER, lists)
    assert leads(ctx, "L05") == expected
    if expected:  # the illness's date said, as a disability's is (held-out 206)
        from rostercheck.rules._coverage import LEADS

        assert f"病种“尿毒症”（{since} 起）" in LEADS["L05"](ctx)[0].evidence


def test_l05_an_illness_list_without_a_readable_date_is_said(tmp_path):
    # (held-out 206) nothing told the user an illness list's dates were not read: every illness counted as new
    from rostercheck.coverage import illness_dates_note

    registry = [{"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    undated = context(ROSTER, {"exits": [exit_row()], "registry": registry,
                               "illness": [{"name": "王儿", "id": SON, "disease": "尿毒症"}]})
    assert any("日期" in w for w in illness_dates_note(undated))
    dated = context(ROSTER, {"exits": [exit_row()], "illness": [{"name": "王儿", "id": SON, "disease": "尿毒症", "date": "2025-09-01"}]},
                    headers={"illness": {"date": "待遇开始日期"}})
    assert illness_dates_note(dated) == []


@pytest.mark.parametrize("lists, said", [
    # must say: a 残联 export without 发证日期 beside an exit list (h440: its disability taken as new, a 中 lead, unsaid)
    ({"exits": [exit_row()], "disabled": [{"name": "王儿", "cert": f"{SON}41"}]}, ["残疾人"]),
    ({"exits": [exit_row()], "disabled": [{"name": "王儿", "cert": f"{SON}41"}],
      "illness": [{"name": "王儿", "id": SON, "disease": "尿毒症"}]}, ["重病", "残疾人"]),
    # must not: dated, or no exit or refusal list to weigh the date against
    ({"exits": [exit_row()], "disabled": [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}]}, []),
    ({"disabled": [{"name": "王儿", "cert": f"{SON}41"}]}, []),
])
def test_l05_a_disabled_list_without_a_readable_date_is_said(lists, said):
    from rostercheck.coverage import illness_dates_note

    headers = {"disabled": {"date": "发证日期"}} if any("date" in r for r in lists["disabled"]) else None
    notes = illness_dates_note(context(ROSTER, lists, **({"headers": headers} if headers else {})))
    assert [next(k for k in ("重病", "残疾人") if k in n) for n in notes] == said
    assert all("发证日期" in n for n in notes if "残疾人" in n)


def test_l05_a_risk_eliminated_after_the_review_date_is_a_low_reason():
    # held-out 235: the monitoring household's risk eliminated only after the review date still counts, at 低 alone
    from rostercheck.rules._coverage import LEADS

    lists = {"exits": [exit_row()], "monitoring": mon("王退出", HEAD, income="3000", risk="已消除", risk_date="2026-11-15")}
    (lead,) = LEADS["L05"](context(ROSTER, lists))
    assert lead.priority == "低" and "2026-11-15 在核查基准日之后，核查基准日时风险尚未消除" in lead.evidence
    lists["monitoring"][0]["risk_date"] = "2026-09-01"
    assert leads(context(ROSTER, lists), "L05") == []


@pytest.mark.parametrize("kind, word", [("exits", "退出"), ("rejected", "未获批")])
def test_l05_date_and_word_set_apart(kind, word):
    # held-out 243: "2026-02-10未获批" ran the date into the word; the other evidence writes "2024-05-01 办证"
    from rostercheck.rules._coverage import LEADS

    lists = {kind: [exit_row(when="2026-02-10")], "monitoring": mon("王退出", HEAD, income="3000")}
    (lead,) = LEADS["L05"](context(ROSTER, lists))
    assert f"：2026-02-10 {word}（原因：收入超标）；此后：" in lead.evidence


@pytest.mark.parametrize("when, expected", [
    ("2025-09-30", [("王退出", "高")]),  # 12 calendar months before the review date: inside the window
    ("2025-09-29", []),  # a day earlier (held-out 256: 30.5-day months let it in)
    ("2026-09-30", [("王退出", "高")]),  # on the review date
])
def test_l05_the_window_is_calendar_months_before_the_review_date(when, expected):
    lists = {"exits": [exit_row(when)], "monitoring": mon("王退出", HEAD, income="3000")}
    assert leads(context(ROSTER, lists), "L05") == expected


def _masked(pid: str) -> str:
    return pid[:4] + "*" * 10 + pid[-4:]


OTHER_TAIL = SON[:-4] + ("0000" if SON[-4:] != "0000" else "1111")


@pytest.mark.parametrize("deaths, expected, said", [
    # must lower to 低: the newly disabled son, the lead's only ground, may be the 王儿 a masked deaths row names
    ([{"name": "王儿", "id": _masked(SON), "date": "2026-07-10"}], [("王退出", "低")], "王儿：《"),
    # must not lower: the masked row shows other digits; names another person; dates a death after the review date
    ([{"name": "王儿", "id": _masked(OTHER_TAIL), "date": "2026-07-10"}], [("王退出", "中")], ""),
    ([{"name": "王二", "id": _masked(SON), "date": "2026-07-10"}], [("王退出", "中")], ""),
    ([{"name": "王儿", "id": _masked(SON), "date": "2026-12-01"}], [("王退出", "中")], ""),
    # must keep 中 and say: the head may be dead, the son (the ground) is not named
    ([{"name": "王退出", "id": _masked(HEAD), "date": "2026-07-10"}], [("王退出", "中")], "其中王退出：《"),
])
def test_l05_a_masked_death_of_the_person_the_lead_rests_on(deaths, expected, said):
    # h429: a refused family's newly disabled son, named on the deaths list as 4305**********1234, stayed an L05 中 lead
    from rostercheck.rules.l_coverage import removed_or_refused

    registry = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    lists = {"rejected": [exit_row()], "registry": registry, "deaths": deaths,
             "disabled": [{"name": "王儿", "cert": f"{SON}41", "date": "2026-06-01"}]}
    ctx = context(ROSTER, lists)
    assert leads(ctx, "L05") == expected
    (lead,) = removed_or_refused(ctx)
    assert (said in lead.evidence and "可能已去世" in lead.evidence) if said else "可能已去世" not in lead.evidence


def test_l05_a_lone_head_a_masked_deaths_row_may_name_is_low():
    # the income ground rests on every living member: all of them possibly dead, 低 (as L01's lead)
    lists = {"exits": [exit_row()], "monitoring": mon("王退出", HEAD, income="3000"),
             "deaths": [{"name": "王退出", "id": _masked(HEAD), "date": "2026-07-10"}]}
    assert leads(context(ROSTER, lists), "L05") == [("王退出", "低")]


@pytest.mark.parametrize("born, expected", [("1998-01-01", [("王退出", "低")]), ("1998-03-01", [])])
def test_l05_an_illness_found_by_name_and_birth_date_is_a_low_ground(born, expected):
    # h429: a 医保 list without IDs names the son by 姓名 and 出生日期: a ground, but 低
    registry = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    lists = {"rejected": [exit_row()], "registry": registry,
             "illness": [{"name": "王儿", "born": born, "disease": "尿毒症", "date": "2026-06-01"}]}
    assert leads(context(ROSTER, lists), "L05") == expected


@pytest.mark.parametrize("reason, expected", [
    # must lower to 低: refused because the family's 户籍 moved out of the county (L05 and L01 alike)
    ("户籍已迁出本县", "低"),
    ("全户户口迁往广东省东莞市", "低"),
    # must not lower: refused for income; a move inside the county; a move to study
    ("家庭人均收入超过低保标准", "高"),
    ("县内迁移", "高"),
    ("户籍迁出本县（升学）", "高"),
])
def test_l05_a_refusal_for_a_move_out_of_the_county_is_low(reason, expected):
    # h429: a family refused because it had moved away, now low income on the monitoring list, was an L05 and an L01 中
    from rostercheck.rules.l_coverage import removed_or_refused

    lists = {"rejected": [exit_row(reason=reason)], "monitoring": mon("王退出", HEAD, income="3000")}
    ctx = context(ROSTER, lists)
    assert leads(ctx, "L05") == [("王退出", expected)]
    assert leads(ctx, "L01") == [("王退出", expected)]
    said = "王退出 未获批原因“" in removed_or_refused(ctx)[0].evidence
    assert said is (expected == "低")


@pytest.mark.parametrize("reason, registry, expected", [
    # h446: refused because the applicant died (the monitoring list not updated since): no lead of any code for her
    ("申请人已死亡", False, []),
    ("申请期间本人病故", False, []),
    # her son lives on in the registry household: a lead for him
    ("申请人已死亡", True, [("王儿", "高")]),
    # somebody else's death: the applicant is alive
    ("配偶死亡后家庭收入超标", False, [("王退出", "高")]),
    ("家庭收入超过低保标准", False, [("王退出", "高")]),
])
def test_l05_a_refusal_for_the_applicants_death(reason, registry, expected):
    lists = {"rejected": [exit_row(reason=reason)], "monitoring": mon("王退出", HEAD, income="3000")}
    if registry:
        lists["registry"] = [{"household_no": "5", "name": "王退出", "id": HEAD, "relation": "户主"},
                             {"household_no": "5", "name": "王儿", "id": SON, "relation": "子"}]
    ctx = context(ROSTER, lists)
    assert leads(ctx, "L05") == expected
    assert leads(ctx, "L01") == ([("王退出", "高")] if "王退出" in {n for n, _ in expected} else [("王儿", "高")]
                                 if expected else [])
