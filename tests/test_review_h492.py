"""review (回头看) of the non-money findings on a blind round's township returns (h492, 武宁县): an ID a WPS copy cut to
15 digits, a household a system export keeps with 保障金额 0, and 整改措施 written as codes under a legend row.
"""

import openpyxl
import pandas as pd
import pytest
from helpers import make_id

from rostercheck.io.ledger import read_previous
from rostercheck.review import _decide, _Roster

HEAD = make_id("19600322", 161, "360423")    # 韦琴, head of her household, still enrolled
WIFE = make_id("19620101", 222, "360423")
OTHER = make_id("19700505", 313, "360423")   # 罗强, another household


def _roster(amounts=(1032.0, 1032.0, 516.0), others=0) -> _Roster:
    """A new roster: 韦琴's household (two rows), 罗强's, and ``others`` more households paid 516 元."""
    rows = [{"id": HEAD, "head_id": HEAD, "name_key": "韦琴", "head_name": "韦琴", "household": "h1", "benefit": amounts[0]},
            {"id": WIFE, "head_id": HEAD, "name_key": "周芳", "head_name": "韦琴", "household": "h1", "benefit": amounts[1]},
            {"id": OTHER, "head_id": OTHER, "name_key": "罗强", "head_name": "罗强", "household": "h2", "benefit": amounts[2]}]
    for k in range(others):
        pid = make_id("19750101", 401 + 2 * k, "360423")
        rows.append({"id": pid, "head_id": pid, "name_key": f"某{k}", "head_name": f"某{k}", "household": f"o{k}",
                     "benefit": 516.0})
    frame = pd.DataFrame(rows)
    frame["file"], frame["programme"], frame["sheet_shown"], frame["row"] = "q4.xlsx", "低保", "", range(2, 2 + len(rows))
    frame["township"], frame["village"] = "新宁镇", "石门村"
    return _Roster(frame)


def _finding(code, pid, head="", name="韦琴", head_name="韦琴", claimed="", measure="", owed=None):
    return pd.Series({"类别代码": code, "类别名称": "", "身份证号": pid, "姓名": name, "户主身份证号": head, "户主姓名": head_name,
                      "乡镇": "新宁镇", "村": "石门村", "依据": "", "整改状态": claimed, "核实情况": "", "整改措施": measure,
                      "应追回金额": owed, "应补发金额": None})


# --- an ID a township's copy cut to its first 15–17 digits -------------------------------------------------------------

@pytest.mark.parametrize("code, level, said, head, status", [
    # must find her still enrolled (no 户主身份证号 in the return: a WPS copy with 户主姓名 only)
    ("C01", "member", HEAD[:15], "", "未整改"),
    ("C04", "household", HEAD[:15], "", "未整改"),
    ("C01", "member", HEAD[:17], "", "未整改"),
    ("C01", "member", WIFE[:15], "", "未整改"),
    # the head's ID cut too
    ("C04", "household", HEAD[:15], HEAD[:15], "未整改"),
    # must not: a cut ID of someone of another birth date, or a namesake's digits, is nobody still enrolled
    ("C01", "member", make_id("19600323", 161, "360423")[:15], "", "已整改"),
])
def test_an_id_cut_to_15_digits_finds_the_person_by_name_and_the_digits_kept(code, level, said, head, status):
    name = "周芳" if said.startswith(WIFE[:14]) else "韦琴"
    row = _decide(_finding(code, said, head, name=name, claimed="已整改"), level, False, set(), _roster(), "")
    assert row["整改状态"] == status, row["说明"]
    if status == "未整改":
        assert "只有" in row["说明"] and "后几位缺失" in row["说明"], row["说明"]
        assert row["身份证号"] in (HEAD, WIFE)  # the whole ID the roster gives is written back


# --- a household the new roster keeps with a monthly amount of 0 ------------------------------------------------------

@pytest.mark.parametrize("amounts, others, code, level, pid, status", [
    # must: written 0 on each of the household's rows — no longer paid
    ((0.0, 0.0, 516.0), 5, "C04", "household", HEAD, "已整改"),
    ((0.0, 0.0, 516.0), 5, "C01", "member", WIFE, "已整改"),
    # must not: an amount, one member's 0 beside another's amount, a blank amount, or a roster mostly at 0
    ((1032.0, 1032.0, 516.0), 5, "C04", "household", HEAD, "未整改"),
    ((0.0, 516.0, 516.0), 5, "C04", "household", HEAD, "未整改"),
    ((None, None, 516.0), 5, "C04", "household", HEAD, "未整改"),
    ((0.0, 0.0, 0.0), 0, "C04", "household", HEAD, "未整改"),
])
def test_a_household_kept_with_no_benefit_is_put_right(amounts, others, code, level, pid, status):
    head = HEAD
    f = _finding(code, pid, head, name="周芳" if pid == WIFE else "韦琴", claimed="已停发保障金")
    row = _decide(f, level, False, set(), _roster(amounts, others), "")
    assert row["整改状态"] == status, row["说明"]
    assert ("月保障金为 0" in row["说明"]) == (status == "已整改"), row["说明"]


def test_money_findings_are_not_put_right_by_an_amount_of_0():
    f = _finding("F01", HEAD, HEAD, claimed="", owed=1032.0)
    row = _decide(f, "household", False, set(), _roster((0.0, 0.0, 516.0), 5), "")
    assert row["整改状态"] == "未整改", row["说明"]


# --- 整改措施 written as codes under a legend row ------------------------------------------------------------------------

@pytest.mark.parametrize("legend, measures, read", [
    # must read: a legend row under the header, in its 序号 column
    ("整改措施：1.停发清退  2.减员  3.核实无问题，无需整改", ["1", "3", ""], ["停发清退", "核实无问题", ""]),
    ("整改措施代码：1=停发清退 2=减员 3=核实无问题", ["2", "3", "1"], ["减员", "核实无问题", "停发清退"]),
    # must not: codes no legend names stay as written; words stay words
    ("", ["1", "3", ""], ["1", "3", ""]),
    ("整改措施：1.停发清退  2.减员  3.核实无问题", ["已停发", "核实无问题", ""], ["已停发", "核实无问题", ""]),
])
def test_measures_written_as_codes_are_read_through_the_legend(tmp_path, legend, measures, read):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["新宁镇2026年第三季度低保特困专项治理问题整改台账"])
    ws.append(["序号", "村（社区）", "姓名", "身份证号", "户主姓名", "问题类型", "核查结论", "整改措施"])
    if legend:
        ws.append([legend])
    for k, (m, pid) in enumerate(zip(measures, (HEAD, WIFE, OTHER)), start=1):
        ws.append([k, "石门村", ["韦琴", "周芳", "罗强"][k - 1], pid, "韦琴", "财政供养人员或村(居)干部享受低保", "", m])
    book.save(tmp_path / "新宁镇_整改台账.xlsx")
    prev = read_previous(tmp_path / "新宁镇_整改台账.xlsx")
    assert list(prev["整改措施"]) == read
    if legend and "3" in measures:
        row = _decide(prev.iloc[measures.index("3")].copy(), "member", False, set(), _roster(), "")
        # still enrolled, the township's verdict only in 整改措施: pointed to 整改状态 (the h195 design)
        assert row["整改状态"] == "未整改" and "整改措施中写的是核实无问题" in row["说明"], row["说明"]


# --- an exits list given without --payments ------------------------------------------------------------------------------

@pytest.mark.parametrize("row, code, level, pid, status", [
    # must: the household stopped in the review quarter, its head's row (or the head only)
    (["韦琴", HEAD, "韦琴", HEAD, "2026-11-20"], "C04", "household", HEAD, "已整改"),
    (["韦琴", HEAD, "", "", "2026-11-20"], "C01", "member", WIFE, "已整改"),
    # must: a member's 减员 puts her own finding right …
    (["韦琴", HEAD, "周芳", WIFE, "2026-10-08"], "C01", "member", WIFE, "已整改"),
    # … must not: nor the household's (a car, a shop stay the household's), nor another member's
    (["韦琴", HEAD, "周芳", WIFE, "2026-10-08"], "C04", "household", HEAD, "未整改"),
    (["韦琴", HEAD, "周芳", WIFE, "2026-10-08"], "C01", "member", HEAD, "未整改"),
    # must not: a stop before the quarter (the earlier list saw it), after the review date, or undated; another household
    (["韦琴", HEAD, "韦琴", HEAD, "2026-09-20"], "C04", "household", HEAD, "未整改"),
    (["韦琴", HEAD, "韦琴", HEAD, "2027-01-05"], "C04", "household", HEAD, "未整改"),
    (["韦琴", HEAD, "韦琴", HEAD, ""], "C04", "household", HEAD, "未整改"),
    (["罗强", OTHER, "罗强", OTHER, "2026-11-20"], "C04", "household", HEAD, "未整改"),
])
def test_an_exits_list_puts_right_what_it_stopped_in_the_quarter(tmp_path, row, code, level, pid, status):
    import datetime as dt

    from rostercheck.review_exits import stopped

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["户主姓名", "户主身份证号", "姓名", "身份证号", "停保日期", "停保原因"])
    ws.append(row + ["家庭经济状况好转"])
    ws.append(["某甲", make_id("19550101", 911, "360423"), "某甲", make_id("19550101", 911, "360423"), "2026-12-01", "死亡"])
    book.save(tmp_path / "停保名单.xlsx")
    roster = _roster()
    roster.quit_people, roster.quit_households, said = stopped(tmp_path / "停保名单.xlsx", dt.date(2026, 12, 31))
    f = _finding(code, pid, HEAD, name="周芳" if pid == WIFE else "韦琴", claimed="已停保")
    got = _decide(f, level, False, set(), roster, "")
    assert got["整改状态"] == status, got["说明"]
    assert ("停保（退出）名单《停保名单.xlsx》" in got["说明"] and "第 2 行" in got["说明"]) == (status == "已整改"), got["说明"]
    assert any("之后" in s for s in said) == (row[4] == "2027-01-05")


# --- 已清退 dated after the review date ------------------------------------------------------------------------------

@pytest.mark.parametrize("column, written, said", [
    # must say: the township's own completion column dates the 清退 after the review date
    ("整改完成时间（乡镇添加）", "2027.1.15", True),
    ("整改完成时间（乡镇添加）", "2027年1月", True),
    ("清退日期（乡镇添加）", "20270110", True),
    # must not: a day by the review date, a day with no year, a deadline (整改时限), a column of other words
    ("整改完成时间（乡镇添加）", "2026.12.20", False),
    ("整改完成时间（乡镇添加）", "10月8日", False),
    ("整改时限", "2027-01-31", False),
    ("入户核实人（乡镇添加）", "2027.1.15", False),
])
def test_a_clearing_dated_after_the_review_date_is_said(column, written, said):
    import datetime as dt

    f = _finding("C01", HEAD, HEAD, claimed="已清退")
    f = pd.concat([f, pd.Series({column: written})]) if column not in f.index else f.copy()
    f[column] = written
    row = _decide(f, "member", False, set(), _roster(), "", dt.date(2026, 12, 31))
    assert row["整改状态"] == "未整改", row["说明"]
    assert ("在核查基准日 2026-12-31 之后" in row["说明"]) == said, row["说明"]


# --- a member's row deleted, 保障人口 left as it was, the return naming the head only by name ----------------------------

GONE_SON = make_id("19900101", 515, "360423")


@pytest.mark.parametrize("size, head_village, twin, status", [
    # must: her household found by its head's name in her village, 3 written, 2 listed
    (3, "石门村", False, "未整改"),
    # must not: the household's size put right; the head of that name in another village; two such heads in the village
    (2, "石门村", False, "已整改"),
    (3, "水口村", False, "已整改"),
    (3, "石门村", True, "已整改"),
])
def test_a_deleted_member_is_counted_by_the_head_named_in_the_return(size, head_village, twin, status):
    roster = _roster(others=5)
    m = roster.members
    m["covered_size"] = [size, size, 1] + [1] * 5
    m.loc[m["household"] == "h1", "village"] = head_village
    if twin:  # another household headed by a namesake in the same village
        pid = make_id("19500101", 717, "360423")
        extra = m.iloc[[2]].copy()
        extra[["id", "head_id", "name_key", "head_name", "household", "village", "covered_size"]] = \
            [pid, pid, "韦琴", "韦琴", "h9", head_village, 1]
        roster = _Roster(pd.concat([m, extra], ignore_index=True))
    else:
        roster = _Roster(m)
    f = _finding("C02", GONE_SON, "", name="韦强", claimed="已减员")
    row = _decide(f, "member", False, set(), roster, "")
    assert row["整改状态"] == status, row["说明"]
    assert ("按户主姓名和村找到" in row["说明"]) == (status == "未整改"), row["说明"]


# --- end to end: review() with --exits and no --payments; a roster keeping a household at 保障金额 0 ------------------------

def _q4_roster(path, amounts):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "保障金额"])
    heads = [HEAD] + [make_id("19750101", 401 + 2 * k, "360423") for k in range(7)]
    for k, (head, amount) in enumerate(zip(heads, amounts)):
        name = "韦琴" if k == 0 else f"罗{'一二三四五六七八'[k]}明"
        ws.append(["新宁镇", "石门村", name, head, name, "户主", head, "农村", amount])
    book.save(path)
    return path


def _q3_list(tmp_path):
    import csv

    path = tmp_path / "q3" / "findings.csv"
    path.parent.mkdir()
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["类别代码", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障类别", "依据",
                    "整改状态", "证据指纹"])
        w.writerow(["C05", "高", "新宁镇", "石门村", "韦琴", HEAD, "韦琴", HEAD, "户主", "低保",
                    "《市场主体登记信息.csv》第 3 行：韦琴 经营者，从业人数 6；身份证号一致", "已停保", "EV-0123456789abcdef"])
    return path


@pytest.mark.parametrize("amount, stop_day, status, said", [
    (516, "2026-11-20", "已整改", "停保（退出）名单"),
    (0, "", "已整改", "月保障金为 0"),
    (516, "", "未整改", ""),
    (516, "2026-06-20", "未整改", ""),  # (stopped before the earlier list: it saw her enrolled after that)
])
def test_review_puts_right_a_household_stopped_by_the_exits_list_or_kept_at_0(tmp_path, amount, stop_day, status, said):
    import datetime as dt

    from rostercheck.review import review

    roster = _q4_roster(tmp_path / "q4.xlsx", [amount] + [516] * 7)
    exits = None
    if stop_day:
        book = openpyxl.Workbook()
        book.active.append(["户主姓名", "户主身份证号", "停保日期", "停保原因"])
        book.active.append(["韦琴", HEAD, stop_day, "家庭经济状况好转"])
        exits = tmp_path / "停保名单.xlsx"
        book.save(exits)
    res = review(_q3_list(tmp_path), [roster], dt.date(2026, 12, 31), exits=exits)
    row = res.rows.iloc[0]
    assert row["整改状态"] == status, row["说明"]
    assert (said in row["说明"]) if said else ("停保（退出）名单" not in row["说明"] and "月保障金为 0" not in row["说明"])
    assert any("按已整改计" in w for w in res.warnings) == (said == "停保（退出）名单")
