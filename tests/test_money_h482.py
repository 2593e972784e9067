"""h482: a sixth blind held-out money round (岢岚县) — 发放花名册 listing members under the head's row by 与户主关系,
`发放金额 | 其中：低保金`, item codes DB/QT explained on a 说明 sheet, 账户姓名, a household's exit named under 户主姓名, and
monthly workbooks split into `其中` item columns with their returns on a sheet of their own."""

import datetime as dt

import pytest
from money import make_id
from openpyxl import Workbook

from rostercheck.normalize import codes

HEAD, WIFE, SON = make_id("19560312", 331, "140929"), make_id("19580101", 442, "140929"), make_id("19900505", 551, "140929")
OTHER, STRANGER = make_id("19600312", 351, "140929"), make_id("19620101", 463, "140929")
ACCOUNT, ACCOUNT2, ACCOUNT3 = "6229761731877752367", "6229761583191938778", "6229761165832691249"
ROSTER_HEAD = "乡镇,村,户主姓名,成员姓名,与户主关系,身份证号码,保障人口,月保障金,银行账号,纳入时间\n"


def roster(*households):
    """A 低保 roster CSV: each household (head, [(name, relation, id)], amount, account)."""
    lines = [ROSTER_HEAD]
    for head, members, amount, account in households:
        lines += [f"三井镇,吴家庄村,{head},{name},{rel},{pid},{len(members)},{amount},{account},2015-09-01\n"
                  for name, rel, pid in members]
    return "".join(lines)


A = ("贾娟文", [("贾娟文", "户主", HEAD), ("李秀英", "配偶", WIFE), ("贾强", "子", SON)], 1200, ACCOUNT)
B = ("任双强", [("任双强", "户主", OTHER)], 516, ACCOUNT2)
C = ("高娟", [("高娟", "户主", make_id("19591008", 682, "140929"))], 516, "6229761000000000011")
D = ("康强", [("康强", "户主", make_id("19660521", 853, "140929"))], 516, "6229761000000000029")


def workbook(path, sheets):
    """An xlsx of sheets: name → rows (the first row a title when it is one cell)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)


def run(tmp_path, roster_text, ledgers, lists=None, as_of=dt.date(2026, 4, 30)):
    """Audit the roster with the ledgers (name → CSV text, or name → sheets for an xlsx) and lists (kind → (name,
    CSV text or sheets)); the F findings as sorted (code, confidence, name, 应追回, 应补发)."""
    from rostercheck.audit import audit

    (tmp_path / "低保花名册.csv").write_text(roster_text, encoding="utf-8")
    folder = tmp_path / "资金发放"
    folder.mkdir()
    for name, body in ledgers.items():
        if isinstance(body, str):
            (folder / name).write_text(body, encoding="utf-8")
        else:
            workbook(folder / name, body)
    given = {}
    for kind, (name, body) in (lists or {}).items():
        if isinstance(body, str):
            (tmp_path / name).write_text(body, encoding="utf-8")
        else:
            workbook(tmp_path / name, body)
        given[kind] = tmp_path / name
    result = audit([tmp_path / "低保花名册.csv"], given, as_of, payments=sorted(folder.iterdir()))
    f = result.findings
    f = f[f["类别代码"].astype(str).str.startswith("F")]
    return sorted((c, conf, name, recover if recover == recover else None, repay if repay == repay else None)
                  for c, conf, name, recover, repay in f[["类别代码", "置信度", "姓名", "应追回金额", "应补发金额"]].itertuples(index=False))


# 1. monthly workbooks whose amounts are split into item columns (发放总额 | 其中：低保金 | 其中：物价补贴), the bank's
# returns on a sheet of their own, and a month returned then paid again (补发) in the next month's workbook

SPLIT_HEAD = ("户主姓名", "户主身份证号", "保障人口", "资金项目", "所属年月", "发放总额", "其中：低保金", "其中：物价补贴", "收款账号",
              "收款人", "备注")


def split_book(rows, returns=()):
    return {"低保": [("岢岚县城乡低保资金发放表",), SPLIT_HEAD, *rows],
            "退回明细": [("姓名", "身份证号", "所属年月", "退回金额", "退回原因"), *returns]}


def test_back_pay_in_a_workbook_split_into_item_columns_is_no_second_view_of_its_month(tmp_path):
    def row(who, month, remark=""):
        head, members, amount, account = who
        return (head, members[0][2], len(members), "低保金", month, amount + 30, amount, 30, account, head, remark)

    ledgers = {"2026年3月低保资金发放表.xlsx": split_book([row(h, "2026年3月") for h in (A, B, C, D)],
                                                    [("贾娟文", HEAD, "2026年3月", 1200, "账户已销户")]),
               "2026年4月低保资金发放表.xlsx": split_book([row(h, "2026年4月") for h in (A, B, C, D)]
                                                    + [row(A, "2026年3月", "补发")])}
    # must not flag: main took April's 补发 of March (every row of the book has a column of its own) for April's view
    # of March paid again, left it out, and March stood unpaid (F06 高 1,200)
    assert run(tmp_path, roster(A, B, C, D), ledgers) == []


@pytest.mark.parametrize("returned, expected", [
    # must flag: the bank returned the row's whole transfer (1,200 of benefit and 30 of subsidy) and March was not paid
    # again (main: the return matched no one payment, undid nothing, and March stood paid)
    (1230, [("F06", "高", "贾娟文", None, 1200.0)]),
    (1200, [("F06", "高", "贾娟文", None, 1200.0)]),  # (the benefit alone came back: as before)
    (999, []),  # must not flag: a return of no payment of the row's undoes none
])
def test_a_return_of_a_whole_line_split_into_item_columns(tmp_path, returned, expected):
    def row(who, month):
        head, members, amount, account = who
        return (head, members[0][2], len(members), "低保金", month, amount + 30, amount, 30, account, head, "")

    ledgers = {"2026年3月低保资金发放表.xlsx": split_book([row(h, "2026年3月") for h in (A, B, C, D)],
                                                    [("贾娟文", HEAD, "2026年3月", returned, "账户已销户")]),
               "2026年4月低保资金发放表.xlsx": split_book([row(h, "2026年4月") for h in (A, B, C, D)])}
    assert run(tmp_path, roster(A, B, C, D), ledgers) == expected


# 2. a payee on no roster (dead, paid to his month of death): February's payment came back (a 退回明细 sheet naming no
# item) and was paid again in August

def test_a_returns_sheet_undoes_the_payment_of_a_payee_on_no_roster(tmp_path):
    dead = ("贾红梅", [("贾红梅", "户主", STRANGER)], 400, ACCOUNT3)

    def row(who, month, remark=""):
        head, members, amount, account = who
        return (head, members[0][2], len(members), "低保金", month, amount, amount, None, account, head, remark)

    # (the workbooks named for both programmes: only the sheet 低保 names the rows' programme, the returns' none)
    ledgers = {"2026年2月低保特困资金发放表.xlsx": split_book([row(B, "2026年2月"), row(dead, "2026年2月")],
                                                      [("贾红梅", STRANGER, "2026年2月", 400, "账户已销户")]),
               "2026年8月低保特困资金发放表.xlsx": split_book([row(B, "2026年8月"), row(dead, "2026年2月", "补发")])}
    found = run(tmp_path, roster(B), ledgers, as_of=dt.date(2026, 9, 30))
    # must not flag: main read the return (no item, no roster) as undoing nothing, February paid twice (F04 高 400)
    assert [f for f in found if f[0] == "F04"] == []


# 3. an exit list of households (户主姓名, no member's name) whose household no roster lists: its reason is the household's

EXITS_HEAD = "乡镇,村,户主姓名,身份证号,保障类别,保障人口,停保日期,停保原因\n"


def long_ledger(rows):
    return "姓名,身份证号,保障人数,资金项目,所属月份,发放金额,银行账号,发放状态\n" + "".join(
        f"{name},{pid},{size},低保金,{month},{amount},{account},成功\n" for name, pid, size, month, amount, account in rows)


@pytest.mark.parametrize("reason", ["迁出", "收入超标"])
def test_a_households_exit_named_by_its_head_stops_the_whole_household(tmp_path, reason):
    gone = [("白福花", STRANGER, 2, f"2026-{m:02d}", 1032, ACCOUNT3) for m in range(1, 7)]
    kept = [("任双强", OTHER, 1, f"2026-{m:02d}", 516, ACCOUNT2) for m in range(1, 7)]
    exits = EXITS_HEAD + f"神堂坪乡,神堂坪村,白福花,{STRANGER},低保,2,2026年1月,{reason}\n"
    found = run(tmp_path, roster(B), {"低保金发放明细.csv": long_ledger(gone + kept)},
                {"exits": ("停保名单.csv", exits)}, as_of=dt.date(2026, 6, 30))
    # must flag, whole: main recovered half (the head's share, 中) when the reason was 迁出
    assert found == [("F03", "高", "白福花", 1032.0 * 5, None)]


def test_a_roster_heads_exit_for_a_members_reason_is_still_his_share(tmp_path):
    paid = [("贾娟文", HEAD, 3, f"2026-{m:02d}", 1200, ACCOUNT) for m in range(1, 5)]
    exits = EXITS_HEAD + f"三井镇,吴家庄村,贾娟文,{HEAD},低保,3,2026年2月,迁出\n"
    found = run(tmp_path, roster(A), {"低保金发放明细.csv": long_ledger(paid)}, {"exits": ("停保名单.csv", exits)})
    # must flag his share only (the household is on the roster, the others stay): unchanged from main
    assert [(c, conf, recover) for c, conf, _, recover, _ in found] == [("F03", "中", 800.0)]


# 4. a 发放花名册 naming no 户主姓名: the head's row pays the household, his members listed below with 与户主关系 and
# blank amounts

def roll(months_):
    """One workbook a month, titled with it: a sheet per township, each household's members below its head's row."""
    head, members, amount, account = A
    books = {}
    for month in months_:
        rows = [(f"岢岚县{month[:4]}年{int(month[4:])}月城乡最低生活保障金发放花名册",),
                ("序号", "村（社区）", "姓名", "身份证号码", "与户主关系", "保障人数", "资金项目", "所属月份", "发放金额", "一卡通账号",
                 "开户人姓名", "发放状态"),
                (1, "吴家庄村", head, HEAD, "户主", 3, "低保金", month, amount, account, head, "成功")]
        rows += [(None, None, name, pid, rel, None, None, None, None, None, None, None) for name, rel, pid in members[1:]]
        rows.append((2, "吴家庄村", B[0], OTHER, "户主", 1, "低保金", month, 516, ACCOUNT2, B[0], "成功"))
        books[f"低保金发放花名册_{month[:4]}年{int(month[4:])}月.xlsx"] = {"王家岔乡": rows}
    return books


@pytest.mark.parametrize("died, expected", [
    # must flag: the wife's share (1,200 ÷ 3) for February and March (main: no finding, her rows paid nothing)
    ((WIFE, "李秀英", "20260120"), [("F01", "中", "李秀英", 800.0, None)]),
    # must not flag: nobody died, the members' blank rows are no payments (nor months 应发未发)
    (None, []),
])
def test_a_roll_listing_members_under_the_heads_row_pays_the_household(tmp_path, died, expected):
    lists = {"deaths": ("死亡人员名单.csv", "姓名,身份证号,死亡日期\n" + (f"{died[1]},{died[0]},{died[2]}\n" if died else
                                                                   f"王某,{make_id('19400101', 111, '140929')},20260101\n"))}
    found = run(tmp_path, roster(A, B), roll(["202601", "202602", "202603"]), lists, as_of=dt.date(2026, 3, 31))
    assert found == expected


# 5. 账户姓名: the account's holder

@pytest.mark.parametrize("holder, expected", [
    # must flag: a stranger's name on the roster's own account, a lead (main: the column unread, nothing)
    ("吕明梅", [("F07", "低", "贾娟文", None, None)]),
    ("李秀英", []),  # must not flag: the wife's
])
def test_an_accounts_holder_written_as_account_name(tmp_path, holder, expected):
    ledger = "姓名,身份证号,所属月份,发放金额,银行账号,账户姓名\n" + "".join(
        f"贾娟文,{HEAD},2026-{m:02d},1200,{ACCOUNT},{holder}\n" for m in range(1, 4))
    found = run(tmp_path, roster(A), {"低保金发放明细.csv": ledger}, as_of=dt.date(2026, 3, 31))
    assert found == expected


# 6. item codes of capital letters (DB, QT) explained on a 说明 sheet titled 项目代码说明

@pytest.mark.parametrize("label, title, expected", [
    ("项目", "项目：DB=城乡低保金 TK-特困供养金 QT：其他补贴", {"DB": "城乡低保金", "TK": "特困供养金", "QT": "其他补贴"}),
    ("项目(DB-低保金,TK-特困供养金)", "", {"DB": "低保金", "TK": "特困供养金"}),
    ("车辆类型", "车辆类型：KA轿车 HB货车", {}),  # (letters run into words: no codes)
    ("人员状态", "人员状态：A在供 B停供 C死亡", {"A": "在供", "B": "停供", "C": "死亡"}),
    ("状态", "状态：1正常 2暂停", {"1": "正常", "2": "暂停"}),
    ("项目", "依据 GB/T 2261 填写", {}),
])
def test_legend_codes(label, title, expected):
    assert codes.legend(label, title) == expected


@pytest.mark.parametrize("paid, expected", [
    (600, [("F05", "高", "任双强", 252.0, None)]),  # must flag: 84 over for three months (main: DB unread, no F05)
    (516, []),  # must not flag
])
def test_items_coded_by_letters_explained_on_a_notes_sheet(tmp_path, paid, expected):
    rows = [("户主姓名", "身份证号", "项目", "所属月份", "发放金额", "状态")]
    rows += [("任双强", OTHER, "DB", f"2026.0{m}", paid, "成功") for m in (1, 2, 3)]
    rows += [("任双强", OTHER, "QT", "2026.01", 200, "成功")]
    ledgers = {"2026年一季度低保资金发放明细.xlsx": {"发放明细": rows, "说明": [("项目代码说明",), ("DB", "城乡低保金"),
                                                                     ("QT", "其他补贴（春节一次性生活补贴等）")]}}
    found = run(tmp_path, roster(B), ledgers, as_of=dt.date(2026, 3, 31))
    assert [(c, conf, name, r, p) for c, conf, name, r, p in found if c == "F05"] == expected


# 7. 发放金额 | 其中：低保金: the benefit is its part, the rest (物价补贴 paid with it, unnamed) other money

@pytest.mark.parametrize("march, expected", [
    (516, []),  # must not flag: January's and February's 30 of price subsidy (main: F05 多发 60 高)
    (600, [("F05", "高", "任双强", 84.0, None)]),  # must flag: March's benefit itself 84 over
])
def test_the_benefits_own_part_of_the_amount(tmp_path, march, expected):
    ledger = "户主姓名,身份证号,所属月份,发放金额,其中：低保金,银行账号\n" + "".join(
        f"任双强,{OTHER},2026-{m:02d},{total},{own},{ACCOUNT2}\n" for m, total, own in ((1, 546, 516), (2, 546, 516),
                                                                                  (3, march, march)))
    found = run(tmp_path, roster(B), {"低保金发放明细.csv": ledger}, as_of=dt.date(2026, 3, 31))
    assert found == expected
