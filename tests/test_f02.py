"""F02: payments for months wholly in custody, or after a move out of the county."""

import pytest
from helpers import flagged
from money import findings, household, make_id, money, money_context, months, pay

A = make_id("19800101", 111)
B = make_id("19820202", 122)
C = make_id("19700303", 131)


def roster():
    return (household("张三", A, benefit=516, township="城关镇")
            + household("王五", C, [("王芳", "配偶", B)], benefit=1032, township="河口乡"))


def ledger():
    return ([pay(A, "张三", m, 516) for m in months("2025-10", "2026-09")]
            + [pay(C, "王五", m, 1032) for m in months("2025-10", "2026-09")])


def test_months_wholly_in_custody_recovered():
    ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2026-03-10", "end": "2028-03-09"}]})
    # April–September are whole months in custody (March is not)
    assert money(ctx, "F02") == [("张三", "高", 516.0 * 6, None)]


def test_a_move_says_the_stop_rule_and_custody_its_whole_months():
    # h330: the rule a move out counts by is said; custody counts whole months in custody, whatever the rule
    ctx = money_context(roster(), ledger(), {"migrations": [{"name": "张三", "id": A, "date": "2026-06-10", "dest": "广东省深圳市"}]})
    (f,) = findings(ctx, "F02")
    assert "按次月停发计，2026-07 起不应发放。" in f.evidence
    ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2026-03-10", "end": "2028-03-09"}]})
    (f,) = findings(ctx, "F02")
    assert "2026-04 至 2028-02 整月在押不应发放" in f.evidence and "停发计" not in f.evidence


def test_released_prisoner_only_the_months_inside():
    ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2025-11-20", "end": "2026-02-28"}]})
    assert money(ctx, "F02") == [("张三", "高", 516.0 * 3, None)]  # December–February (held until 28 February)
    ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2026-06-05",
                                                            "end": "2026-06-30"}]})
    assert money(ctx, "F02") == []


def test_released_status_without_a_release_date_counts_to_the_sentences_end():
    # 状态 释放 and no 释放日期 column: a sentence that ended before the review date ran to its end …
    ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2025-11-20", "end": "2026-02-28",
                                                            "status": "刑满释放"}]})
    assert money(ctx, "F02") == [("张三", "高", 516.0 * 3, None)]
    # … one that ends later tells no release day: nothing is claimed
    ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2025-11-20", "end": "2027-02-28",
                                                            "status": "释放"}]})
    assert money(ctx, "F02") == []


def test_move_out_of_county_recovers_from_next_month_and_shares_for_a_member():
    ctx = money_context(roster(), ledger(), {"migrations": [{"name": "王芳", "id": B, "date": "2026-06-15", "dest": "广东省深圳市"}]})
    assert money(ctx, "F02") == [("王芳", "中", 516.0 * 3, None)]


def test_a_whole_household_moved_out_is_not_said_to_keep_its_other_members():
    # held-out 106: both members moved out, each share recovered, but each evidence said "其余成员仍在保"; held-out 308:
    # a household moved member by member is one finding of the whole payment about its head, 高, not shares at 中
    moves = [{"name": n, "id": i, "date": "2026-06-15", "dest": "广东省深圳市"} for n, i in (("王五", C), ("王芳", B))]
    got = findings(money_context(roster(), ledger(), {"migrations": moves}), "F02")
    assert [(f.confidence, f.recover) for f in got] == [("高", 1032.0 * 3)]
    assert "同户其他保障对象也均不应发放：王芳" in got[0].evidence and "其余成员仍在保" not in got[0].evidence
    one = findings(money_context(roster(), ledger(), {"migrations": moves[1:]}), "F02")
    assert ["其余成员仍在保" in f.evidence for f in one] == [True]


def test_moves_inside_the_county_or_for_study_not_flagged():
    for dest, reason in (("清河县城关镇", ""), ("湖南省长沙市", "升学")):
        ctx = money_context(roster(), ledger(), {"migrations": [{"name": "王芳", "id": B, "date": "2026-06-15", "dest": dest,
                                                                 "reason": reason}]})
        assert money(ctx, "F02") == [], dest


def test_move_judged_as_c02_judges_it(tmp_path):
    cfg = tmp_path / "rostercheck.toml"
    cfg.write_text('[common]\ncounty_code = "130534"\n', encoding="utf-8")
    move = {"name": "王芳", "id": B, "date": "2026-06-15", "dest": ""}
    # a separate 迁往地区划代码 column outside the county is a move out, as C02 reads it …
    ctx = money_context(roster(), ledger(), {"migrations": [{**move, "dest_code": "440304"}]}, config=cfg)
    assert money(ctx, "F02") == [("王芳", "中", 516.0 * 3, None)]
    # … one inside the county is not
    ctx = money_context(roster(), ledger(), {"migrations": [{**move, "dest_code": "130534"}]}, config=cfg)
    assert money(ctx, "F02") == []
    # a coded 迁移原因 may be 升学 or 参军: only a 低 lead, saying why
    ctx = money_context(roster(), ledger(), {"migrations": [{**move, "dest": "广东省深圳市", "reason": "02"}]})
    [f] = findings(ctx, "F02")
    assert f.confidence == "低" and "迁移原因是代码" in f.evidence
    # … unless the configuration's code table says what it means
    named = tmp_path / "codes.toml"
    named.write_text('[C02]\nreason_codes = { "02" = "婚迁", "05" = "升学" }\n', encoding="utf-8")
    ctx = money_context(roster(), ledger(), {"migrations": [{**move, "dest": "广东省深圳市", "reason": "02"}]}, config=named)
    [f] = findings(ctx, "F02")
    assert f.confidence == "中" and "迁移原因是代码" not in f.evidence  # (her share of the household's payment)
    ctx = money_context(roster(), ledger(), {"migrations": [{**move, "dest": "广东省深圳市", "reason": "05"}]}, config=named)
    assert findings(ctx, "F02") == []


def test_a_term_end_not_read_counts_custody_to_date_at_medium_and_says_so():
    # held-out 132: 刑期止日 27.3.4 or 不详: custody counted to date, said, never at 高
    for end, said in (("27.3.34", "刑期止日“27.3.34”无法识别"), ("不详", "刑期止日写为“不详”")):
        ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2026-03-10", "end": end}]})
        assert money(ctx, "F02") == [("张三", "中", 516.0 * 6, None)]
        assert f"{said}，按至今在押计" in findings(ctx, "F02")[0].evidence
    ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2026-03-10", "end": "无期"}]})
    assert money(ctx, "F02") == [("张三", "高", 516.0 * 6, None)]  # a life sentence is no date not read


def test_a_suspended_sentence_is_no_custody_and_a_term_in_words_ends_it():
    # held-out 145: "有期徒刑一年，缓刑二年" was F02 "2026-07 起整月在押" (1,560 元 to recover)
    lists = {"prisoners": [{"name": "张三", "id": A, "start": "2026-03-10", "term": "有期徒刑一年，缓刑二年"}]}
    assert money(money_context(roster(), ledger(), lists), "F02") == []
    lists = {"prisoners": [{"name": "张三", "id": A, "start": "2026-03-10", "term": "有期徒刑三个月"}]}  # to 2026-06-09
    assert money(money_context(roster(), ledger(), lists), "F02") == [("张三", "高", 516.0 * 2, None)]


def test_a_member_the_rosters_own_status_says_moved_out_of_the_county_is_her_households_share():
    # held-out 176: 崔玉怡 已迁出 (status row dated 07-25; moved to 浙江 on 05-08 by the migrations list), June and July paid
    # the old 1,140 for three, the roster's 760 for the two left from August: nothing found (she was no member any more)
    son = make_id("20000910", 151)
    rows = [{**r, "member_status": "已迁出" if r["id"] == son else "正常", "status_date": "2026-07-25" if r["id"] == son else ""}
            for r in household("王五", C, [("王芳", "配偶", B), ("王军", "子", son)], benefit=760, township="河口乡",
                               covered_size=2, changed="2026-08-01")]
    paid = [pay(C, "王五", m, 1140 if m < "2026-08" else 760) for m in months("2026-01", "2026-09")]
    status = {"member_status": "成员状态", "status_date": "状态变更日期"}
    for dest, recover in (("浙江省义乌市", 380.0 * 2), ("清河县城关镇", None)):  # a move inside the county: no F02
        moves = {"migrations": [{"name": "王军", "id": son, "date": "2026-05-08", "dest": dest}]}
        ctx = money_context(rows, paid, moves, roster_headers=status)
        assert money(ctx, "F02") == ([("王军", "中", recover, None)] if recover else []), dest
        assert money(ctx, "F05") == []
    (f,) = findings(money_context(rows, paid, {"migrations": [{"name": "王军", "id": son, "date": "2026-05-08",
                                                               "dest": "浙江省义乌市"}]}, roster_headers=status), "F02")
    assert f.months == "2026-06至2026-07（2个月）" and "成员状态“已迁出”" in f.evidence and "迁往 浙江省义乌市" in f.evidence
    # 已迁出 on the roster alone does not say out of the county
    assert money(money_context(rows, paid, {"migrations": [{"name": "钱七", "id": A, "date": "2026-01-08", "dest": "清河县"}]},
                               roster_headers=status), "F02") == []


def test_a_citys_roster_judges_each_members_move_against_her_own_county_as_c02_does():
    # held-out 197: a city's run of three counties: moves inside one's own county F02 (中), moves to another county of
    # the city missed — the events were judged against one county
    people = [make_id("19500101", n, c) for n, c in ((121, "430523"), (131, "430524"))]
    rows = [{"county": c, "township": "长乐乡", "village": "东村", "name": n, "id": i, "relation": "户主", "head_name": n,
             "head_id": i, "benefit": 516} for (n, c), i in zip((("王五", "邵阳县"), ("赵六", "隆回县")), people)]
    paid = [pay(i, n, m, 516) for n, i in zip(("王五", "赵六"), people) for m in months("2026-01", "2026-09")]
    moves = {"migrations": [
        {"name": "王五", "id": people[0], "date": "2026-06-01", "dest": "430523102", "reason": "投靠"},  # inside 邵阳县
        {"name": "赵六", "id": people[1], "date": "2026-06-01", "dest": "430523", "reason": "投靠"}]}  # to 邵阳县
    ctx = money_context(rows, paid, moves, roster_title="邵阳市2026年第三季度低保花名册")
    assert flagged(ctx, "C02") == [("赵六", "高")]
    assert money(ctx, "F02") == [("赵六", "高", 516.0 * 3, None)]


def test_a_move_in_is_none_and_a_move_out_the_person_came_back_from_recovers_the_months_out():
    # (held-out 198) the list holds 迁入 rows too: a 迁入 is no move out, and a move out followed by the person's 迁入 on
    # or before the review date ended with her back — (held-out 239) the months out until the return are still owed
    out = {"name": "王芳", "id": B, "date": "2026-03-15", "dest": "广东省深圳市", "move_type": "迁出"}
    back = {**out, "date": "2026-06-12", "move_type": "迁入", "reason": "迁回原籍"}
    assert money(money_context(roster(), ledger(), {"migrations": [back]}), "F02") == []
    assert money(money_context(roster(), ledger(), {"migrations": [out, back]}), "F02") == [("王芳", "中", 516.0 * 3, None)]
    late = {**back, "date": "2026-10-12"}  # back after the review date: still out on it
    assert money(money_context(roster(), ledger(), {"migrations": [out, late]}), "F02") == [("王芳", "中", 516.0 * 6, None)]


def test_a_jailed_members_own_amount_with_the_raise_paid_back_is_recovered():
    # (held-out 225) 何淑兰 (her own 680 of the household's 1,880; 650 of 1,790 before the July raise) was recovered as
    # the amount ÷ 3 (5,520 for 6,030); 戴新's 30 of July's 提标补差 paid in August was left with the head
    own = {C: 600, B: 680}
    rost = household("张三", A, benefit=516, benefit_own=516) + [
        {**r, "benefit_own": own[r["id"]], "benefit": 1280 if r["id"] == C else None}
        for r in household("王五", C, [("王芳", "配偶", B)], township="河口乡")]
    rows = [pay(A, "张三", m, 516) for m in months("2026-01", "2026-09")]
    rows += [pay(C, "王五", m, 1220 if m < "2026-08" else 1280) for m in months("2026-01", "2026-09")]
    rows.append(pay(C, "王五", "2026-07", 60, "提标补差", paid_date="2026-08-10"))
    ctx = money_context(rost, rows, {"prisoners": [{"name": "王芳", "id": B, "start": "2026-03-04", "end": "2029-03-01"}]},
                        roster_headers={"benefit_own": "个人月补助金额", "benefit": "家庭月保障金"})
    # April–July 650 each (her 680 less her half of the 60 not yet raised), July's 补差 30, August–September 680
    assert money(ctx, "F02") == [("王芳", "中", 650.0 * 4 + 30 + 680 * 2, None)]
    assert "个人月补助金额" in findings(ctx, "F02")[0].evidence


def test_custody_beginning_after_the_review_date_is_no_custody_of_this_review():
    # held-out 239: 入监 2026-10-05 with --as-of 2026-09-30 (a prisoners list exported later, a ledger running on) was
    # F02 高 for the months after it, while C02 in the same run rightly did not count her in custody
    rows = [pay(A, "张三", m, 516) for m in months("2026-07", "2026-12")]
    ctx = money_context(roster(), rows, {"prisoners": [{"name": "张三", "id": A, "start": "2026-10-05",
                                                        "end": "2028-03-09"}]})
    assert money(ctx, "F02") == []


def test_a_custody_status_not_read_caps_f02_at_c02s_confidence():
    # held-out 242: 羁押状态 1 (a code no word list reads), no sentence end: C02 中 "请核实是否在押", F02 高 1,260 元 on
    # the same row; the money finding is never surer than the custody it rests on
    for status, conf in (("1", "中"), ("待核实", "中"), ("在押", "高"), ("", "高")):
        ctx = money_context(roster(), ledger(), {"prisoners": [{"name": "张三", "id": A, "start": "2026-06-15",
                                                                "status": status}]})
        assert flagged(ctx, "C02") == [("张三", conf)], status
        assert money(ctx, "F02") == [("张三", conf, 516.0 * 3, None)], status
        said = "状态“1”未能识别，请核实是否在押" in findings(ctx, "F02")[0].evidence
        assert said == (status == "1"), status


@pytest.mark.parametrize("merged", [False, True])
def test_a_block_ledgers_member_rows_under_the_head_row_pay_nothing_of_their_own(tmp_path, merged):
    # held-out 339: a 发放表 whose head row carries 户主, the account and the household's amount, its members listed
    # below with blank account and amount cells (乡镇/村 merged, 小计 per village, 合计). The members' rows were read as
    # their own payments of nothing: the household "paid per person", a member's share never owed (F02 of a member
    # moved out of the county, F01 of one dead, both unflagged). With the household's cells merged over the members'
    # rows, each member's row paid the household's amount again (F05 多发 at 高 for every household)
    import datetime as dt

    import xlsxwriter

    from rostercheck.audit import audit

    head, wife, son = make_id("19700101", 111), make_id("19720202", 122), make_id("20000303", 131)
    wb = xlsxwriter.Workbook(str(tmp_path / "低保花名册.xlsx"))
    ws = wb.add_worksheet()
    for i, row in enumerate([["乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障人口", "月保障金"],
                             *[["城关镇", "东村", "王五", head, n, x, r, 3, 1548]
                               for n, x, r in (("王五", head, "户主"), ("李梅", wife, "配偶"), ("王小", son, "子女"))]]):
        ws.write_row(i, 0, row)
    wb.close()
    wb = xlsxwriter.Workbook(str(tmp_path / "户籍迁出名单.xlsx"))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["姓名", "身份证号", "迁出日期", "迁往地", "迁移原因"])
    ws.write_row(1, 0, ["王小", son, "2026-05-20", "浙江省杭州市萧山区", "务工"])
    wb.close()
    wb = xlsxwriter.Workbook(str(tmp_path / "低保金发放表_第三季度.xlsx"))
    for m in ("07", "08", "09"):
        ws = wb.add_worksheet(f"Sheet{m}")
        ws.write_row(0, 0, ["乡镇", "村", "户主姓名", "家庭成员", "与户主关系", "身份证号", "保障人数", "发放金额", "银行账号", "所属月份"])
        ws.write_row(1, 0, ["城关镇", "东村", "王五", "王五", "户主", head, 3, "1,548.00", "6217000011112222333", f"2026年{m}月份"])
        ws.write_row(2, 3, ["李梅", "配偶", wife])
        ws.write_row(3, 3, ["王小", "子女", son])
        ws.merge_range(1, 0, 3, 0, "城关镇")
        ws.merge_range(1, 1, 3, 1, "东村")
        if merged:  # the household's cells merged over its members' rows: its amount paid once
            for c, v in ((2, "王五"), (6, 3), (7, "1,548.00"), (8, "6217000011112222333"), (9, f"2026年{m}月份")):
                ws.merge_range(1, c, 3, c, v)
        ws.write_row(4, 0, ["", "小计", "", "", "", "", "", "1,548.00"])
        ws.write_row(5, 0, ["合计", "", "", "", "", "", "", "1,548.00"])
    wb.close()
    result = audit([tmp_path / "低保花名册.xlsx"], {"migrations": tmp_path / "户籍迁出名单.xlsx"}, dt.date(2026, 9, 30),
                   payments=[tmp_path / "低保金发放表_第三季度.xlsx"], codes=["F02", "F04", "F05", "F06"])
    got = [(f["类别代码"], f["姓名"], f["应追回金额"]) for _, f in result.findings.iterrows()]
    assert got == [("F02", "王小", 1548.0)]


@pytest.mark.parametrize("row, code, expected", [
    # held-out 393: a death or a move out of the county only the household registry records: F01/F02 at 中, her share
    ({"status": "死亡", "died": "2026-06-15"}, "F01", [("王芳", "中", 516.0 * 3, None)]),
    ({"status": "迁出", "moved_on": "2026-06-10", "dest": "广东省深圳市宝安区"}, "F02", [("王芳", "中", 516.0 * 3, None)]),
    ({"status": "", "moved_on": "2026-06-10", "dest": "广东省深圳市宝安区"}, "F02", [("王芳", "中", 516.0 * 3, None)]),
    # none: a status without its date, a death dated only by a 注销日期 after the review date, a move inside the
    # county, a move back by the review date, one after it, a person still registered under another 户号
    ({"status": "死亡"}, "F01", []),
    ({"status": "死亡", "cancelled": "2026-10-20"}, "F01", []),
    ({"status": "死亡", "died": "2026-10-10"}, "F01", []),
    ({"status": "迁出"}, "F02", []),
    ({"status": "迁出", "moved_on": "2026-06-10", "dest": "清河县河口乡西村"}, "F02", []),
    # a move out of the county and back by the review date (迁出日期, then 迁入日期): the months away, to the month back,
    # as a migrations list's (held-out 396: none, where C02 rightly says none)
    ({"status": "迁出", "moved_on": "2026-03-10", "dest": "广东省深圳市", "in_date": "2026-05-02"}, "F02",
     [("王芳", "中", 516.0 * 2, None)]),
    ({"status": "正常", "moved_on": "2026-03-10", "dest": "广东省深圳市", "in_date": "2026-05-02"}, "F02",
     [("王芳", "中", 516.0 * 2, None)]),
    ({"status": "", "moved_on": "2026-03-10", "dest": "广东省深圳市", "in_date": "2026-05-02"}, "F02",
     [("王芳", "中", 516.0 * 2, None)]),
    ({"status": "正常", "moved_on": "2026-03-10", "dest": "广东省深圳市", "in_date": "2026-03-28"}, "F02", []),  # back that month
    ({"status": "正常", "moved_on": "2026-03-10", "dest": "清河县河口乡西村", "in_date": "2026-05-02"}, "F02", []),  # in the county
    ({"status": "正常", "moved_on": "2026-03-10", "dest": "广东省深圳市", "in_date": "2026-11-02"}, "F02", []),  # back after it
    ({"status": "正常", "moved_on": "2026-03-10", "dest": "广东省深圳市"}, "F02", []),  # a 迁出日期 under 正常: as written
    # … as two rows: the old row 迁出, a new one under another 户号 dated 迁入 (none if back before it or inside the county)
    ({"status": "迁出", "moved_on": "2026-03-10", "dest": "广东省深圳市", "again": {"in_date": "2026-05-02"}}, "F02",
     [("王芳", "中", 516.0 * 2, None)]),
    ({"status": "迁出", "moved_on": "2026-03-10", "dest": "广东省深圳市", "again": {"in_date": "2026-02-02"}}, "F02", []),
    ({"status": "迁出", "moved_on": "2026-03-10", "dest": "清河县河口乡西村", "again": {"in_date": "2026-05-02"}}, "F02", []),
    ({"status": "迁出", "moved_on": "2026-11-02", "dest": "广东省深圳市"}, "F02", []),
    ({"status": "迁出", "moved_on": "2026-06-10", "dest": "广东省深圳市", "again": True}, "F02", []),
])
def test_a_death_or_move_only_the_registry_records(row, code, expected):
    row = dict(row)
    again = row.pop("again", False)
    registry = [{"household_no": "0002", "name": "王芳", "relation": "配偶", "id": B, **row}]
    if again:  # (her row under a new 户号, still there: a move inside the county; or back, with its 迁入日期)
        registry.append({"household_no": "0009", "name": "王芳", "relation": "户主", "id": B, "status": "正常",
                         **(again if isinstance(again, dict) else {})})
    ctx = money_context(roster(), ledger(), {"deaths": [], "migrations": [], "registry": registry})
    assert money(ctx, code) == expected


@pytest.mark.parametrize("row, code", [
    ({"status": "死亡", "died": "2026-06-15"}, "F01"),
    ({"status": "迁出", "moved_on": "2026-06-10", "dest": "广东省深圳市宝安区"}, "F02"),
    ({"status": "正常", "moved_on": "2026-03-10", "dest": "广东省深圳市", "in_date": "2026-05-02"}, "F02"),
])
def test_a_registry_event_names_the_registry_once(row, code):
    # held-out 396: '《户籍人口信息.xlsx》…：王芳，户籍人口信息中人员状态为“死亡”…（户籍登记，请核实）'
    registry = [{"household_no": "0002", "name": "王芳", "relation": "配偶", "id": B, **row}]
    (f,) = findings(money_context(roster(), ledger(), {"deaths": [], "migrations": [], "registry": registry}), code)
    said = f.evidence.split("；按")[0]
    assert "户籍人口信息中" not in said and said.count("户籍登记") == 1 and "“正常”" not in said


def test_a_death_on_the_deaths_list_and_in_the_registry_is_counted_once():
    registry = [{"household_no": "0002", "name": "王芳", "relation": "配偶", "id": B, "status": "死亡", "died": "2026-06-15"}]
    listed = {"deaths": [{"name": "王芳", "id": B, "date": "2026-06-15"}]}
    alone = money(money_context(roster(), ledger(), listed), "F01")
    assert money(money_context(roster(), ledger(), {**listed, "registry": registry}), "F01") == alone
    (f,) = findings(money_context(roster(), ledger(), {**listed, "registry": registry}), "F01")
    assert "户籍人口信息" not in f.evidence


@pytest.mark.parametrize("written, shown", [
    ("2026年6月", "迁出日期 2026-06（未写具体日期）"),  # h426: shown as 2026-06-01, a day nobody wrote
    ("2026-06-10", "迁出日期 2026-06-10"),
])
def test_a_move_dated_by_its_month_alone_is_shown_as_that_month(written, shown):
    ctx = money_context(roster(), ledger(), {"migrations": [{"name": "张三", "id": A, "date": written, "dest": "广东省深圳市"}]})
    [f] = findings(ctx, "F02")
    assert (f.recover, shown in f.evidence) == (516.0 * 3, True), f.evidence


def test_a_prisoner_listed_again_as_released_is_recovered_only_for_the_months_both_rows_agree():
    # The last note's left-over (h442 in C02): a list joined from two extracts keeps the 在押 row beside the 假释 row
    # dated 2026-07-15 (C02 低). Months to June both rows call custody (高); July–September only the older row does: not
    # claimed, the other row named (F02 was 高 for all twelve months).
    rows = [{"name": "张三", "id": A, "start": "2025-05-10", "end": "2028-05-09", "status": "在押"},
            {"name": "张三", "id": A, "start": "2025-05-10", "end": "2028-05-09", "released": "2026-07-15", "status": "假释"}]
    got = findings(money_context(roster(), ledger(), {"prisoners": rows}), "F02")
    assert [(f.confidence, f.recover) for f in got] == [("高", 516.0 * 9)]  # 2025-10 … 2026-06
    assert "同一人第 3 行状态 假释，释放日期 2026-07-15，两行必有一误" in got[0].evidence
    # a copy released before this row's 入监日期 is an earlier sentence's: the custody counts in full
    rows[1] = {**rows[1], "start": "2023-01-05", "end": "2025-01-04", "released": "2024-10-01"}
    got = findings(money_context(roster(), ledger(), {"prisoners": rows}), "F02")
    assert [(f.confidence, f.recover) for f in got] == [("高", 516.0 * 12)]


def test_a_move_the_list_dates_twice_is_recovered_only_for_the_months_both_rows_agree():
    # the same two-extract join on the migrations list: out in March by one row, in June by the other
    rows = [{"name": "张三", "id": A, "date": d, "dest": "广东省深圳市"} for d in ("2026-03-10", "2026-06-15")]
    got = findings(money_context(roster(), ledger(), {"migrations": rows}), "F02")
    assert [(f.confidence, f.recover) for f in got] == [("高", 516.0 * 3)]  # 2026-07 … 2026-09
    assert "同一人第 3 行迁出日期 2026-06-15，两行必有一误，按较晚的日期计" in got[0].evidence
