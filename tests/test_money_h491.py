"""h491: an eighth blind held-out money round (安远县) — a 金民工程-style export with 家庭编号 beside a blank or masked ID,
a ledger with both 应发月份 and 实发月份, a folder tree 资金/2026年/07月/某镇.xlsx, an account opened under a member's
曾用名, and a 特困 person's 照料护理费 paid after her death."""

import datetime as dt

import openpyxl
import pytest
from money import make_id

AS_OF = dt.date(2026, 9, 30)
HEAD, WIFE, SON = make_id("19560312", 331, "360726"), make_id("19580101", 442, "360726"), make_id("19820101", 551, "360726")
SOLE = make_id("19600312", 351, "360726")
TK = make_id("19400505", 462, "360726")
ACCOUNT, ACCOUNT2, ACCOUNT3 = "6214760000000000011", "6214760000000000029", "6214760000000000037"
ROSTER_HEAD = "乡镇,村,家庭编号,户主姓名,户主身份证号码,姓名,曾用名,与户主关系,身份证号码,保障人口,月保障金额,银行账号,审批日期\n"
A = ("36072610000001", "王国华", [("王国华", "", "户主", HEAD), ("李淑芬", "李春花", "配偶", WIFE), ("王建", "", "子", SON)],
     1500, ACCOUNT)
B = ("36072610000002", "钟福生", [("钟福生", "", "户主", SOLE)], 480, ACCOUNT2)


def roster(*households) -> str:
    """A 低保 roster CSV with 家庭编号 and 曾用名: (number, head, [(name, former name, relation, id)], amount, account)."""
    lines = [ROSTER_HEAD]
    for no, head, members, amount, account in households:
        head_id = members[0][3]
        lines += [f"欣山镇,莲塘村,{no},{head},{head_id},{name},{former},{rel},{pid},{len(members)},{amount},{account},2023-01-01\n"
                  for name, former, rel, pid in members]
    return "".join(lines)


def audit(tmp_path, roster_text, ledgers, lists=None, payments=None, rosters=None, as_of=AS_OF):
    """Audit with ledger files (name → text, or a folder given as ``payments``); the F findings as sorted
    (code, confidence, name, 应追回, 应补发), and the frame."""
    from rostercheck.audit import audit as run

    (tmp_path / "低保花名册.csv").write_text(roster_text, encoding="utf-8")
    paths = []
    for name, body in ledgers.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        paths.append(tmp_path / name)
    given = {}
    for kind, (name, body) in (lists or {}).items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        given[kind] = tmp_path / name
    result = run([tmp_path / "低保花名册.csv", *(rosters or [])], given, as_of, payments=payments or paths)
    f = result.findings
    f = f[f["类别代码"].astype(str).str.startswith("F")]
    flat = sorted((c, conf, name, recover if recover == recover else None, repay if repay == repay else None)
                  for c, conf, name, recover, repay in f[["类别代码", "置信度", "姓名", "应追回金额", "应补发金额"]].itertuples(index=False))
    return flat, f


def deaths(*rows) -> tuple[str, str]:
    return ("死亡人员名单.csv", "姓名,公民身份号码,死亡日期\n" + "".join(f"{n},{pid},{day}\n" for n, pid, day in rows))


# 1. a ledger with both 应发月份 (the month the payment is for) and 实发月份 (when it went out): the 应发月份 decides;
# back pay in June for April and May, before a death on 2026-05-20, is no payment after it (must-not-flag), July and
# August paid after it are (must-flag, 480 × 2). Main read neither column: no month, nothing checked.

LONG_HEAD = "家庭编号,姓名,身份证号,资金名称,应发月份,实发月份,发放金额,收款人,收款账号,发放状态\n"


def long_rows(rows) -> str:
    """(number, name, id, item, due month, paid month, amount, holder, account, status) rows under LONG_HEAD."""
    return LONG_HEAD + "".join(",".join(f'"{c}"' if "," in str(c) else str(c) for c in r) + "\n" for r in rows)


@pytest.mark.parametrize("paid_after", [[], ["2026-07", "2026-08"]], ids=["back pay only", "paid after death"])
def test_due_month_decides_beside_paid_month(tmp_path, paid_after):
    no, name, pid = B[0], "钟福生", SOLE
    rows = [(no, name, pid, "城乡低保金", m, m, "￥480.00", name, ACCOUNT2, "成功") for m in ("2026-01", "2026-02", "2026-03")]
    rows += [(no, name, pid, "城乡低保金", m, "2026-06", "￥480.00", name, ACCOUNT2, "成功") for m in ("2026-04", "2026-05")]
    rows += [(no, name, pid, "城乡低保金", m, m, "￥480.00", name, ACCOUNT2, "成功") for m in paid_after]
    flat, _ = audit(tmp_path, roster(B), {"欣山镇救助资金发放明细.csv": long_rows(rows)},
                    {"deaths": deaths((name, pid, "2026-05-20"))})
    f01 = [x for x in flat if x[0] == "F01"]
    assert f01 == ([("F01", "高", name, 960.0, None)] if paid_after else [])
    assert [x for x in flat if x[0] == "F04"] == []


# 2. a 金民工程 export whose rows give no whole ID (blank, or masked) and a masked account, but the 家庭编号 the roster
# carries: the household's rows are its payments (a month it was not paid is 应发未发, with the amount), and a row of a
# household off the roster (its own 家庭编号) hides no month of the roster's households. A row whose 家庭编号 is the
# household's but whose name is no member's stays unlinked (must-not-link: never the number alone).

def test_household_number_links_rows_without_an_id(tmp_path):
    masked = ACCOUNT[:4] + "*" * 11 + ACCOUNT[-4:]
    rows = [(A[0], "王国华", "", "城乡低保金", m, m, "1,500.00元", "王国华", masked, "成功")
            for m in ("2026-07", "2026-09")]
    rows.append((A[0], "王国华", HEAD[:6] + "********" + HEAD[-4:], "城乡低保金", "2026-06", "2026-06", "1,500.00元",
                 "王国华", masked, "成功"))
    # August: paid to an exited household (its own number, off the roster), masked too
    rows.append(("36072610000099", "赖金水", "", "城乡低保金", "2026-08", "2026-08", "600.00元", "赖金水", "6214****9999",
                 "成功"))
    rows += [(B[0], "钟福生", SOLE, "城乡低保金", m, m, "480.00元", "钟福生", ACCOUNT2, "成功")
             for m in ("2026-06", "2026-07", "2026-08", "2026-09")]
    flat, _ = audit(tmp_path, roster(A, B), {"发放明细.csv": long_rows(rows)})
    f06 = [x for x in flat if x[0] == "F06"]
    assert [(c, name, repay) for c, _, name, _, repay in f06] == [("F06", "王国华", 1500.0)]


def test_household_number_alone_links_nobody(tmp_path):
    from rostercheck.rules._money import _numbered_payees
    import numpy as np
    import pandas as pd

    members = pd.DataFrame({"household_no": [A[0], A[0]], "household": ["h1", "h1"], "name_key": ["王国华", "李淑芬"],
                            "id": [HEAD, WIFE]})
    f = pd.DataFrame({"household_no": [A[0], A[0], A[0], "x"], "link_key": ["王国华", "张三", "李淑芬", "王国华"],
                      "id_raw": ["", "", "110101********0000", ""], "id": ["", "", "", ""]})
    member_at, conf_at = np.full(4, -1), np.zeros(4, dtype=object)
    linked = _numbered_payees(f, members, member_at, conf_at)
    # the head by number and name; a stranger's name, a masked ID showing other digits, another number: nobody
    assert linked == {0} and member_at.tolist() == [0, -1, -1, -1]


# 3. a folder tree given as --payments: 资金/2026年/07月/欣山镇.xlsx, one file per township per month, the month only in
# the folders' names. Main: "文件夹中没有发放明细文件".

def _township_book(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "家庭编号", "姓名", "身份证号码", "资金类别", "发放金额", "账户名称", "银行账号", "发放状态"])
    for k, r in enumerate(rows, 1):
        ws.append([k, *r])
    wb.save(path)


def test_nested_month_folders(tmp_path):
    top = tmp_path / "资金"
    for month in ("06", "07", "08", "09"):
        _township_book(top / "2026年" / f"{month}月" / "欣山镇.xlsx",
                       [(B[0], "钟福生", SOLE, "低保金", "￥480", "钟福生", ACCOUNT2, "成功")])
    flat, _ = audit(tmp_path, roster(B), {}, {"deaths": deaths(("钟福生", SOLE, "2026-06-10"))}, payments=[top])
    assert [x for x in flat if x[0] == "F01"] == [("F01", "高", "钟福生", 1440.0, None)]


def test_subfolders_of_a_folder_of_ledgers_are_left_out(tmp_path):
    """A folder holding ledgers keeps its subfolders out: a 备份 copy of an earlier version (paying July twice) would
    be read beside them, or before them when its name sorts first."""
    from rostercheck.io.ledgers import ledger_files

    top = tmp_path / "资金"
    _township_book(top / "2026年07月.xlsx", [(B[0], "钟福生", SOLE, "低保金", "480", "钟福生", ACCOUNT2, "成功")])
    _township_book(top / "备份" / "2026年07月.xlsx", [(B[0], "钟福生", SOLE, "低保金", "480", "钟福生", ACCOUNT2, "成功")] * 2)
    (top / "代码说明.xlsx").write_bytes((top / "2026年07月.xlsx").read_bytes())
    assert [p.relative_to(top).as_posix() for p in ledger_files([top])] == ["2026年07月.xlsx", "代码说明.xlsx"]
    (top / "2026年07月.xlsx").unlink()  # (code tables alone: the subfolders' files)
    assert [p.relative_to(top).as_posix() for p in ledger_files([top])] == ["代码说明.xlsx", "备份/2026年07月.xlsx"]


@pytest.mark.parametrize("parts,month", [(("2026年", "03月"), "2026-03"), (("2026", "3月"), "2026-03"),
                                         (("资金", "2026年3月"), "2026-03"), (("资金", "202603"), "2026-03"),
                                         (("2026年", "第一季度"), ""), (("资金", "03月"), "")])
def test_folder_month(tmp_path, parts, month):
    from rostercheck.io.ledgers import folder_month

    assert folder_month(tmp_path.joinpath(*parts, "欣山镇.xlsx")) == month


# 4. an account opened under a member's 曾用名 (the roster's column) is hers (must-not-flag); a stranger's is F07 (a lead
# on the household's registered account)

@pytest.mark.parametrize("holder,flagged", [("李春花", False), ("廖建平", True)], ids=["former name", "stranger"])
def test_holder_under_former_name(tmp_path, holder, flagged):
    rows = [(A[0], "王国华", HEAD, "城乡低保金", m, m, "1500", holder, ACCOUNT, "成功") for m in ("2026-07", "2026-08", "2026-09")]
    flat, _ = audit(tmp_path, roster(A), {"发放明细.csv": long_rows(rows)})
    assert [c for c, *_ in flat if c == "F07"] == (["F07"] if flagged else [])


# 5. a 特困 person's 照料护理费 (money_recovered_items) paid after her death is recovered with her 基本生活费; the
# price subsidy beside them is not, and the care money is never compared with the approved amount (no F05)

TK_ROSTER = ("乡镇,村,姓名,身份证号码,供养方式,基本生活标准（元/月）,照料护理标准（元/月）,银行账号,审批日期\n"
             f"欣山镇,莲塘村,谢玉凤,{TK},分散,1105,660,{ACCOUNT3},2020-01-01\n")


def test_care_money_recovered_after_death(tmp_path):
    rows = []
    for m in ("2026-06", "2026-07", "2026-08", "2026-09"):
        rows += [("", "谢玉凤", TK, "特困供养基本生活费", m, m, "1105", "谢玉凤", ACCOUNT3, "成功"),
                 ("", "谢玉凤", TK, "特困供养照料护理费", m, m, "660", "谢玉凤", ACCOUNT3, "成功")]
    rows.append(("", "谢玉凤", TK, "价格临时补贴", "2026-08", "2026-08", "50", "谢玉凤", ACCOUNT3, "成功"))
    (tmp_path / "特困人员名册.csv").write_text(TK_ROSTER, encoding="utf-8")
    flat, f = audit(tmp_path, roster(B), {"发放明细.csv": long_rows(rows)}, {"deaths": deaths(("谢玉凤", TK, "2026-06-15"))},
                    rosters=[tmp_path / "特困人员名册.csv"])
    tk = [x for x in flat if x[2] == "谢玉凤"]
    assert tk == [("F01", "高", "谢玉凤", 3 * (1105 + 660), None)]
    assert "照料护理费 660.00 元" in f.loc[f["姓名"] == "谢玉凤", "依据"].iloc[0]


# 6. a status 暂停 (暂停发放: suspended) with the amount still written is no payment: the month is 应发未发 (main read
# 暂停 as no word it knew and counted the row paid)

@pytest.mark.parametrize("status,owed", [("暂停", 480.0), ("停发", 480.0), ("成功", None)])
def test_suspended_row_is_not_paid(tmp_path, status, owed):
    rows = [(B[0], "钟福生", SOLE, "城乡低保金", m, m, "480", "钟福生", ACCOUNT2, "成功") for m in ("2026-06", "2026-07", "2026-09")]
    rows.append((B[0], "钟福生", SOLE, "城乡低保金", "2026-08", "2026-08", "480", "钟福生", ACCOUNT2, status))
    flat, _ = audit(tmp_path, roster(B), {"发放明细.csv": long_rows(rows)})
    assert [(c, repay) for c, _, _, _, repay in flat if c == "F06"] == ([("F06", owed)] if owed else [])


# 7. a code table whose meaning begins 年终 (302 年终一次性生活补贴) is read, and so are the codes after it (main: the run
# broke there, 303 and 304 unread); a year or a month is still no code

@pytest.mark.parametrize("title,expected", [
    ("资金类别：101最低生活保障金 302年终一次性生活补贴 303取暖补贴 304春节慰问金",
     {"101": "最低生活保障金", "302": "年终一次性生活补贴", "303": "取暖补贴", "304": "春节慰问金"}),
    ("资金类别：2025年终一次性补贴 2026年春节慰问金", {}),
    ("资金类别：25年10月 26年1月", {}),
])
def test_legend_code_before_nianzhong(title, expected):
    from rostercheck.normalize.codes import legend

    assert legend("资金类别", title) == expected


# 8. the look-back: an 应发未发 (F06) the township reports paid (已补发) whose months no ledger of the quarter pays is said
# (a note, the verdict kept: back pay may come in a ledger not given); one paid back in the quarter (所属月份 the month
# owed) is not

@pytest.mark.parametrize("back_paid", [False, True], ids=["not seen", "paid back"])
def test_review_repayment_seen_in_ledgers(tmp_path, back_paid):
    import pandas as pd

    from rostercheck.review import review

    earlier = tmp_path / "q2"
    earlier.mkdir()
    no, name, pid = B[0], "钟福生", SOLE
    rows = [(no, name, pid, "城乡低保金", m, m, "480", name, ACCOUNT2, "成功") for m in ("2026-04", "2026-06")]
    rows += [(A[0], "王国华", HEAD, "城乡低保金", m, m, "1500", "王国华", ACCOUNT, "成功") for m in ("2026-04", "2026-05", "2026-06")]
    flat, f = audit(earlier, roster(A, B), {"发放明细.csv": long_rows(rows)}, as_of=dt.date(2026, 6, 30))
    assert [(c, repay) for c, _, _, _, repay in flat] == [("F06", 480.0)]
    prev = f.copy()
    prev["整改措施"], prev["整改状态"] = "已补发", "已整改"
    prev.to_csv(tmp_path / "上期问题清单.csv", index=False, encoding="utf-8-sig")
    (tmp_path / "本期花名册.csv").write_text(roster(A, B), encoding="utf-8")
    quarter = [(no, name, pid, "城乡低保金", m, m, "480", name, ACCOUNT2, "成功") for m in ("2026-07", "2026-08", "2026-09")]
    quarter += [(A[0], "王国华", HEAD, "城乡低保金", m, m, "1500", "王国华", ACCOUNT, "成功") for m in ("2026-07", "2026-08", "2026-09")]
    if back_paid:
        quarter.append((no, name, pid, "城乡低保金", "2026-05", "2026-07", "480", name, ACCOUNT2, "成功"))
    (tmp_path / "本季度发放明细.csv").write_text(long_rows(quarter), encoding="utf-8")
    result = review(tmp_path / "上期问题清单.csv", [tmp_path / "本期花名册.csv"], dt.date(2026, 9, 30),
                    payments=[tmp_path / "本季度发放明细.csv"])
    rows_ = pd.DataFrame(result.rows) if not isinstance(result.rows, pd.DataFrame) else result.rows
    status, note = rows_.loc[rows_["类别代码"] == "F06", ["整改状态", "说明"]].iloc[0]
    assert status == "已整改"
    assert ("补发尚未在发放明细中体现" in note) is (not back_paid)
    assert "2026-05" in note if not back_paid else True
    assert result.ledgers.get("repaid_unseen", 0) == (0 if back_paid else 1)


# 9. a household off the roster whose rows give its ID in some months and leave it blank in others, with no account
# column: the 家庭编号 and name tie the blank rows to the ID (one payee), so the exit list's F03 counts every month paid
# after the exit; a blank row under another name of that number borrows nothing

EXITS = ("停保名单.csv", f"家庭编号,户主姓名,户主身份证号码,停保日期,停保原因\n36072610000077,赖金水,{make_id('19500101', 771, '360726')},"
         "2026-01-10,家庭收入超标\n")


@pytest.mark.parametrize("blank_name,recover", [("赖金水", 3 * 600.0), ("赖金山", 600.0)], ids=["same name", "other name"])
def test_household_number_borrows_the_id(tmp_path, blank_name, recover):
    pid = make_id("19500101", 771, "360726")
    head = "家庭编号,姓名,身份证号,资金名称,应发月份,实发月份,发放金额,发放状态\n"
    lines = [f"36072610000077,赖金水,{pid},城乡低保金,2026-02,2026-02,600,成功\n"]
    lines += [f"36072610000077,{blank_name},,城乡低保金,{m},{m},600,成功\n" for m in ("2026-03", "2026-04")]
    lines += [f"{B[0]},钟福生,{SOLE},城乡低保金,{m},{m},480,成功\n" for m in ("2026-02", "2026-03", "2026-04")]
    flat, _ = audit(tmp_path, roster(B), {"发放明细.csv": head + "".join(lines)}, {"exits": EXITS})
    assert [(c, recover_) for c, _, name, recover_, _ in flat if c == "F03" and name == "赖金水"] == [("F03", recover)]
