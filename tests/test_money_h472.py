"""h472: four money-sieve precision left-overs — name-only payees, a failure before an unread month, files of
failures only, F04 on unfolded share rows."""

import datetime as dt

import pytest
from money import findings, household, make_id, money, money_context, months, pay

A = make_id("19590317", 721, "430524")
B = make_id("19600101", 112, "430524")
OTHER = make_id("19700505", 151, "430524")
OWN, OTHERS, NEW = "6230908313369065099", "6230900000000001", "6230909370574545381"


def roster(accounts: bool = True):
    return (household("钟国辉", A, [("李梅", "配偶", B)], benefit=840, township="金石桥镇", village="石桥村",
                      **({"bank_account": OWN} if accounts else {}))
            + household("王五", OTHER, benefit=516, township="金石桥镇", village="石桥村",
                        **({"bank_account": OTHERS} if accounts else {})))


def bank_file(name="钟国辉", account=NEW, id_cell="", span=("2026-07", "2026-09"), **extra):
    """A bank's 代发 rows: 姓名, 账号, 户名 (no ID column unless ``id_cell``), 王五 paid by his own account."""
    rows = [pay("", "王五", m, 516, bank_account=OTHERS, holder="王五") for m in months(*span)]
    return rows + [pay(id_cell, name, m, 840, bank_account=account, holder=name, **extra) for m in months(*span)]


# 1. a name alone: F03 and F06 are 低 leads without money, said so

NAME_ONLY = [
    # (case, roster rows, ledger rows, F03, F06)
    ("no ID, an account the roster does not know", roster(), bank_file(),
     [("钟国辉", "低", None, None)], [("钟国辉", "低", None, None)]),
    ("no ID, no account", roster(), bank_file(account=""),
     [("钟国辉", "低", None, None)], [("钟国辉", "低", None, None)]),
    # (nobody linked: no month the ledgers cover for F06; every payee a 低 lead, where each was F03 中 with money)
    ("no ID, a roster giving no accounts", roster(accounts=False), bank_file(),
     [("王五", "低", None, None), ("钟国辉", "低", None, None)], []),
]

SECOND_KEY = [
    # must stay as they were: an ID of the row's own; the account the roster registers for the household
    ("an ID on no roster", roster(), bank_file(id_cell=make_id("19590317", 733, "430524")),
     [("钟国辉", "中", 2520.0, None)], [("钟国辉", "中", None, 840.0)]),
    ("the roster's own account", roster(), bank_file(account=OWN), [], []),
    ("the roster's own account, a roster holding the head's ID", roster(), bank_file(account=OWN, id_cell=A), [], []),
]


@pytest.mark.parametrize("case, roster_rows, rows, f03, f06", NAME_ONLY + SECOND_KEY, ids=[c[0] for c in NAME_ONLY + SECOND_KEY])
def test_a_name_alone_makes_only_low_leads(case, roster_rows, rows, f03, f06):
    ctx = money_context(roster_rows, rows)
    assert money(ctx, "F03") == f03
    assert money(ctx, "F06") == f06
    for f in findings(ctx, "F03") + findings(ctx, "F06"):
        assert ("仅按姓名对应" in f.evidence) == (f.confidence == "低")


def test_months_unpaid_beside_months_paid_to_a_namesake_are_owed_and_the_others_said():
    # the namesake paid in September only: July and August stay 应发未发 中 (no payment of any name), September is said
    rows = [pay("", "王五", m, 516, bank_account=OTHERS, holder="王五") for m in months("2026-07", "2026-09")]
    rows.append(pay("", "钟国辉", "2026-09", 840, bank_account=NEW, holder="钟国辉"))
    ctx = money_context([dict(r, approved="2026-01-10") for r in roster()], rows)
    (f06,) = findings(ctx, "F06")
    assert (f06.confidence, f06.repay) == ("中", 1680.0)
    assert "2026-07至2026-08" in f06.months or "2026-07、2026-08" in f06.months
    assert "另资金发放明细中2026-09（1个月）有与该户成员同名的领取人 钟国辉" in f06.evidence and "这些月份未计入" in f06.evidence


# 2. a failure in the last month read, the next month's file not read: not re-paid cannot be told

C = make_id("19620202", 311, "430524")


def failed_in(failed: str, last: str, first: str = "2026-07"):
    """Monthly files from ``first`` to ``last``; 钟国辉's payment of ``failed`` fails (王五 paid every month)."""
    rows = [pay(OTHER, "王五", m, 516, _file=f"{m}.xlsx") for m in months(first, last)]
    return rows + [pay(C, "钟国辉", m, 840, status="失败" if m == failed else "成功", _file=f"{m}.xlsx")
                   for m in months(first, last)]


FAILED_MONTHS = [
    # (case, failed month, last month read, confidence, said: next month unread, said: paid on both sides)
    ("August failed, September's file not read", "2026-08", "2026-08", "中", True, False),
    ("August failed, September read and paid", "2026-08", "2026-09", "高", False, False),
    ("September failed, the review month: October is after the review date", "2026-09", "2026-09", "高", False, False),
]


@pytest.mark.parametrize("case, failed, last, conf, unread, both", FAILED_MONTHS, ids=[c[0] for c in FAILED_MONTHS])
def test_a_failure_before_a_month_no_file_read_covers_is_at_most_medium(case, failed, last, conf, unread, both):
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516), failed_in(failed, last))
    (f06,) = findings(ctx, "F06")
    assert (f06.confidence, f06.repay, f06.months) == (conf, 840.0, f"{failed}（1个月）")
    assert ("的发放明细没有读入（未提供或未能读取）" in f06.evidence) == unread
    assert ("未重发" in f06.evidence) == (not unread)
    assert ("前后月份均有成功发放" in f06.evidence) == both


def test_a_failure_between_two_months_paid_is_said_so_and_stays_high():
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516),
                        failed_in("2026-05", "2026-09", first="2026-04"))
    (f06,) = findings(ctx, "F06")
    assert (f06.confidence, f06.months) == ("高", "2026-05（1个月）")
    assert "2026-05（1个月）前后月份均有成功发放" in f06.evidence


# 3. a file whose every row failed is said once, as a whole; the findings are those of its rows

def _paid_and_returned(returned_status: str, returned_file: str = "退回清单.xlsx"):
    """July–September paid to both households in the finance office's file; a second file of August rows."""
    rows = [pay(OTHER, "王五", m, 516) for m in months("2026-07", "2026-09")]
    rows += [pay(C, "钟国辉", m, 840) for m in months("2026-07", "2026-09")]
    return rows + [pay(C, "钟国辉", "2026-08", 840, status=returned_status, _file=returned_file),
                   pay(OTHER, "王五", "2026-08", 516, status=returned_status, _file=returned_file)]


ALL_FAILED = [
    # (case, the second file's status, said)
    ("every row ×", "×", True),
    ("every row 退回", "退回", True),
    ("every row 失败", "失败", True),
    ("every row 成功", "成功", False),  # (must not say: its rows paid, F04's case)
]


@pytest.mark.parametrize("case, status, said", ALL_FAILED, ids=[c[0] for c in ALL_FAILED])
def test_a_file_of_failures_only_is_said_once(case, status, said):
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516), _paid_and_returned(status))
    findings(ctx, "F06")
    notes = [n for n in ctx.cache["money:unidentified"] if "全部为失败/退回" in n]
    if said:
        assert notes == [f"《退回清单.xlsx》共 2 行发放记录，全部为失败/退回（发放状态为“{status}”）：这些行都按未发放成功核查。"
                         "如是银行的失败（退回）清单，属正常；否则请核对该文件的发放状态列是否读错（如把其他列当作了发放状态）"]
    else:
        assert notes == []


def test_a_file_with_one_row_paid_is_not_said():
    rows = _paid_and_returned("失败")
    rows.append(pay(C, "钟国辉", "2026-06", 840, _file="退回清单.xlsx"))
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516), rows)
    findings(ctx, "F06")
    assert not [n for n in ctx.cache["money:unidentified"] if "全部为失败/退回" in n]


# 4. a household's row of member shares paid twice in a month: one F04 for the household, the total unchanged

HEAD, WIFE, SON = make_id("19700101", 111), make_id("19720202", 122), make_id("20000303", 131)
SHARES = ["序号", "户主姓名", "户主身份证号", "一折通账号", "户名", "成员1姓名", "成员1身份证号", "成员1金额", "成员2姓名",
          "成员2身份证号", "成员2金额", "成员3姓名", "成员3身份证号", "成员3金额", "发放金额合计", "发放状态"]


def _share_book(path, twice: dict[str, int]):
    """A year book of one sheet a month, 张三's household (three shares) and 赵六 (one), each row ``twice[name]`` times
    in August."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    zhang = ["张三", HEAD, "6217000011112222", "张三", "张三", HEAD, 300, "李梅", WIFE, 300, "张小", SON, 200, 800, "成功"]
    zhao = ["赵六", OTHER, "6217000033334444", "赵六", "赵六", OTHER, 516, "", "", "", "", "", "", 516, "成功"]
    for m in ("7", "8", "9"):
        ws = wb.create_sheet(f"{m}月")
        ws.append([f"2026年{m}月城乡低保金发放表"])
        ws.append(SHARES)
        rows = [zhang] * (twice.get("张三", 1) if m == "8" else 1) + [zhao] * (twice.get("赵六", 1) if m == "8" else 1)
        for k, row in enumerate(rows, 1):
            ws.append([k, *row])
    wb.save(path)
    return path


def _share_context(tmp_path, twice):
    from rostercheck.io.ledgers import load_ledgers

    _, frame, _ = load_ledgers([_share_book(tmp_path / "2026年低保金发放表.xlsx", twice)], dt.date(2026, 9, 30))
    ctx = money_context(household("张三", HEAD, [("李梅", "配偶", WIFE), ("张小", "子", SON)], benefit=800)
                        + household("赵六", OTHER, benefit=516), [pay(OTHER, "赵六", "2026-07", 516)])
    ctx.lists["payments"] = frame
    return ctx


SHARE_DUPLICATES = [
    # (case, rows written twice in August, F04 (who, confidence, to recover))
    ("a household of three shares paid twice", {"张三": 2}, [("张三", "高", 800.0)]),
    ("a household of three shares paid three times", {"张三": 3}, [("张三", "高", 1600.0)]),
    # must stay: a one-share household's duplicate, and two households paid twice are two findings
    ("a one-share household paid twice", {"赵六": 2}, [("赵六", "高", 516.0)]),
    ("both paid twice", {"张三": 2, "赵六": 2}, [("张三", "高", 800.0), ("赵六", "高", 516.0)]),
    ("nobody paid twice", {}, []),
]


@pytest.mark.parametrize("case, twice, expected", SHARE_DUPLICATES, ids=[c[0] for c in SHARE_DUPLICATES])
def test_a_households_share_rows_paid_twice_are_one_finding(tmp_path, case, twice, expected):
    ctx = _share_context(tmp_path, twice)
    assert [(n, c, r) for n, c, r, _ in money(ctx, "F04")] == expected
    for f in findings(ctx, "F04"):
        if ctx.members.at[f.member, "name"] == "张三":
            assert f.evidence.startswith("重复发放：张三户（3 名成员各自的份额）")
            assert "全户 3 名成员的份额，每次合计：800.00 元，《2026年低保金发放表.xlsx》工作表“8月”第 3 行、800.00 元" in f.evidence


def test_members_paid_twice_in_rows_of_their_own_stay_one_finding_each():
    # must stay: a per-person ledger (each member's own row) paid twice is each member's duplicate
    rows = [pay(pid, name, m, 400, head_id=HEAD) for m in months("2026-07", "2026-09") for pid, name in ((HEAD, "张三"), (WIFE, "李梅"))]
    rows += [pay(pid, name, "2026-08", 400, head_id=HEAD) for pid, name in ((HEAD, "张三"), (WIFE, "李梅"))]
    ctx = money_context(household("张三", HEAD, [("李梅", "配偶", WIFE)], benefit=800), rows)
    assert [(n, c, r) for n, c, r, _ in money(ctx, "F04")] == [("张三", "高", 400.0), ("李梅", "高", 400.0)]


def test_a_next_month_read_for_a_few_households_only_is_read():
    # must stay 高: September's file was read (a re-send file of another household's), it holds no re-payment of August
    rows = failed_in("2026-08", "2026-08") + [pay(OTHER, "王五", "2026-09", 516, _file="重发.xlsx")]
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516)
                        + household("赵六", B, benefit=516), rows)
    (f06,) = [f for f in findings(ctx, "F06") if ctx.members.at[f.member, "name"] == "钟国辉"]
    assert (f06.confidence, f06.months) == ("高", "2026-08（1个月）")
    assert "没有读入" not in f06.evidence


def test_a_file_of_failures_with_a_code_table_under_them_is_said_and_one_with_a_row_paid_beside_is_not():
    # a bank's return file: its failures and, below them, lines of its code table naming no one (said); the same with
    # one row paid (not said)
    table = [{"id": "", "name": "", "month": "", "amount": None, "item": "", "status": "", "_file": "退回清单.xlsx",
              "remark": "E03 账户冻结"}]
    rows = _paid_and_returned("失败") + table
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516), rows)
    findings(ctx, "F06")
    (said,) = [n for n in ctx.cache["money:unidentified"] if "全部为失败/退回" in n]
    assert said.startswith("《退回清单.xlsx》共 2 行发放记录，全部为失败/退回（发放状态为“失败”）")
    ctx = money_context(household("钟国辉", C, benefit=840) + household("王五", OTHER, benefit=516),
                        rows + [pay(C, "钟国辉", "2026-06", 840, _file="退回清单.xlsx")])
    findings(ctx, "F06")
    assert not [n for n in ctx.cache["money:unidentified"] if "全部为失败/退回" in n]
