"""Payment ledgers and exit lists that put other people's columns before the payee's (h450): a bank clerk's, a 代领人's
and the payee's 姓名 | 身份证号 written with the same bare headers, an old 账号 before the current one, a 家庭成员及身份证号
cell, 代领人信息 | 姓名 under a group, an account held by the 代领人 the ledger names, an exit list's 申请人 before the
person leaving."""

import openpyxl
import pytest
from money import findings, household, make_id, money_context, months, pay

from rostercheck.io.columns import assign_columns
from rostercheck.io.read import XLSX, Grid
from rostercheck.io.table import find_layout

CLERKS = [("文员甲", make_id("19850101", 11)), ("文员乙", make_id("19860202", 21))]
PAYEES = [(f"户主{k}", make_id(f"195{k % 10}0{k % 9 + 1}1{k % 9}", 100 + 2 * k)) for k in range(12)]
AGENT = ("代领人", make_id("19750505", 301))


def _grid(header, rows):
    return Grid(path="明细.xlsx", sheet="Sheet1", rows=[header, *rows], first_row=1, merged=[], fmt=XLSX)


def _ledger_rows(old_account=lambda k: ""):
    rows = []
    for k, (name, pid) in enumerate(PAYEES):
        clerk = CLERKS[k % 2]
        agent = AGENT if k in (3, 7) else ("", "")
        rows.append([*clerk, *agent, name, pid, "低保金", "2026-07", 500, name, old_account(k), f"62170000000000{k:05d}"])
    return rows


BARE = ["姓名", "身份证号", "姓名", "身份证号", "姓名", "身份证号", "资金项目", "所属月份", "金额", "户名", "账号", "账号"]


def test_repeated_bare_headers_read_the_payees_columns():
    # must read the third pair (one ID per row) and the filled 账号: the clerk's two IDs on every row and the 代领人's on
    # two rows are other people's (h450: the clerk's column read, every payee 不在册 and "paid" 27 times a month)
    layout = find_layout(_grid(BARE, _ledger_rows(lambda k: "6217999900000000001" if k == 5 else "")), "payments")
    assert (layout.mapping["name"], layout.mapping["id"], layout.mapping["bank_account"]) == (4, 5, 11)
    assert layout.tie == ""
    assert any("已按第 6 列读取名单上本人的身份证号" in w for w in layout.warnings)
    assert not any("都像是身份证号列" in w for w in layout.warnings)


def test_repeated_bare_headers_first_when_it_is_the_payees():
    # must not move: the payee's pair first, a 代领人's (two rows) after it
    header = ["姓名", "身份证号", "姓名", "身份证号", "资金项目", "所属月份", "金额"]
    rows = [[name, pid, *(AGENT if k in (3, 7) else ("", "")), "低保金", "2026-07", 500]
            for k, (name, pid) in enumerate(PAYEES)]
    layout = find_layout(_grid(header, rows), "payments")
    assert (layout.mapping["name"], layout.mapping["id"]) == (0, 1)


def test_repeated_bare_headers_as_many_ids_each_stay_tied():
    # must not decide: an exit list's 申请人 and the person leaving, one ID per row each — nothing in the cells says
    # whose is whose, the tie stays (said, and the list's links held to 低)
    header = ["姓名", "身份证号", "姓名", "身份证号", "停保日期", "停保原因"]
    rows = [[*PAYEES[k], *PAYEES[k + 6], "2026-06-15", "收入超标"] for k in range(6)]
    layout = find_layout(_grid(header, rows), "exits")
    assert layout.mapping["id"] == 1 and layout.tie


@pytest.mark.parametrize("labels, field, col", [
    # must not be the payee's ID: a household book's cell listing its members with their IDs
    (["户主", "户主证件号码", "家庭成员及身份证号", "发放金额"], "id", None),
    (["户主姓名", "户主身份证号", "家庭成员、关系及身份证号", "发放金额"], "id", None),
    # must stay the payee's ID
    (["姓名", "身份证号", "发放金额"], "id", 1),
    (["成员姓名", "成员身份证号", "发放金额"], "id", 1),
    # a 代领人 named under a two-row group (代领人信息 | 姓名, 身份证号)
    (["代领人信息姓名", "代领人信息身份证号", "保障对象信息姓名", "保障对象信息身份证号", "金额"], "proxy_name", 0),
    (["代领人信息姓名", "代领人信息身份证号", "保障对象信息姓名", "保障对象信息身份证号", "金额"], "name", 2),
    (["代领人", "代领人证件号码", "户主", "户主证件号码", "金额"], "proxy_name", 0),
    (["监护人", "监护人身份证号", "委托人", "委托人身份证号", "姓名", "身份证号", "金额"], "guardian_name", 0),
    (["监护人", "监护人身份证号", "委托人", "委托人身份证号", "姓名", "身份证号", "金额"], "trustee_name", 2),
    (["监护人信息姓名", "监护人信息身份证号", "供养对象信息姓名", "供养对象信息身份证号", "金额"], "name", 2),
    # the account paid, not the one before a change, however much of its label 账号 covers
    (["户主", "身份证号", "银行账号", "原账号", "金额"], "bank_account", 2),
    (["户主", "身份证号", "变更前账号", "一折通账号", "金额"], "bank_account", 3),
    # must stay read: the only account column (a bank's return file's 原账号)
    (["姓名", "身份证号", "原账号", "金额"], "bank_account", 2),
])
def test_ledger_columns_of_other_people(labels, field, col):
    assert assign_columns(labels, "payments").mapping.get(field) == col


A = make_id("19400101", 111)
B = make_id("19420202", 122)
C = make_id("19700303", 131)


def _roster():
    return (household("王老汉", A, benefit=500, bank_account="6228480012345678")
            + household("李四", C, benefit=700, bank_account="6228480099999999"))


def _rows(holder, proxy_name, named_as="proxy_name"):
    # (an account the roster does not register: the household's own under a name no roster holds is 低 anyway)
    rows = [pay(A, "王老汉", m, 500, holder=holder, bank_account="6228480055555555", **{named_as: proxy_name})
            for m in months("2026-07", "2026-09")]
    return rows + [pay(C, "李四", m, 700, holder="李四", bank_account="6228480099999999") for m in months("2026-07", "2026-09")]


@pytest.mark.parametrize("holder, proxy, named_as, confidence, said", [
    # must be a lead only (低): the account is held by the 代领人 the ledger itself names on those rows (a son) …
    ("王小明", "王小明", "proxy_name", "低", True),
    ("王 小明", "王小明", "proxy_name", "低", True),
    # … or by the 监护人 or 委托人 it names, or by one its remark names as collecting
    ("王小明", "王小明", "guardian_name", "低", True),
    ("王小明", "王小明", "trustee_name", "低", True),
    ("王小明", "委托人王小明", "remark", "低", True),
    ("王小明", "王小明代领", "remark", "低", True),
    # must stay 中: a stranger holds the account, the ledger names another 代领人, or none; a remark naming him without
    # a word of collecting
    ("赵大勇", "王小明", "proxy_name", "中", False),
    ("赵大勇", "", "proxy_name", "中", False),
    ("赵大勇", "王小明", "guardian_name", "中", False),
    ("赵大勇", "赵大勇", "remark", "中", False),
])
def test_an_account_held_by_the_named_proxy_is_a_lead(holder, proxy, named_as, confidence, said):
    got = findings(money_context(_roster(), _rows(holder, proxy, named_as)), "F07")
    assert [(f.confidence, "代领人" in f.evidence) for f in got] == [(confidence, said)]


def _exits(path, header):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    ws.append(["李四", C, "王老汉", A, "2026-06-15", "收入超标"])
    wb.save(path)
    return path


@pytest.mark.parametrize("header, confidence", [
    # must be 低: two bare 姓名 | 身份证号 pairs, the 申请人's first — which is the leaver's nothing tells
    (["姓名", "身份证号", "姓名", "身份证号", "停保日期", "停保原因"], "低"),
    # must stay 高: the 申请人's columns say whose they are
    (["申请人", "申请人身份证号", "姓名", "身份证号", "停保日期", "停保原因"], "高"),
])
def test_an_exit_list_whose_id_columns_tie_stops_only_at_low(tmp_path, header, confidence):
    rows = [pay(A, "王老汉", m, 500) for m in months("2026-04", "2026-09")]
    rows += [pay(C, "李四", m, 700) for m in months("2026-04", "2026-09")]
    path = _exits(tmp_path / "停保名单.xlsx", header)
    got = findings(money_context(_roster(), rows, files={"exits": path}), "F03")
    # read as the tie reads it, the first pair (李四, the applicant) is the one stopped: only 低
    who = "李四" if confidence == "低" else "王老汉"
    assert [(f.confidence) for f in got] == [confidence]
    assert who in got[0].evidence
