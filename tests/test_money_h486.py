"""h486: a seventh blind held-out money round (泾川县) — bank 代发 files naming each account holder's own ID (交易流水号,
交易时间, 户名, 证件号码, 摘要 `7月低保`, 交易状态), and the look-back reading F07 against the quarter's ledgers."""

import datetime as dt

import pandas as pd
import pytest
from money import make_id

HEAD, WIFE = make_id("19560312", 331, "620821"), make_id("19580101", 442, "620821")
OTHER = make_id("19600312", 351, "620821")
STRANGER, CADRE = make_id("19700101", 463, "620821"), make_id("19750505", 571, "620821")
ACCOUNT, ACCOUNT2, ACCOUNT3 = "6229761731877752367", "6229761583191938778", "6229761165832691249"
ROSTER_HEAD = "乡镇,村,户主姓名,成员姓名,与户主关系,身份证号码,保障人口,月保障金,银行账号\n"
BANK_HEAD = "交易流水号,交易时间,收款账号,户名,证件号码,交易金额,摘要,交易状态\n"
AS_OF = dt.date(2026, 9, 30)


def roster(*households):
    """A 低保 roster CSV: each household (head, [(name, relation, id)], amount, account)."""
    lines = [ROSTER_HEAD]
    for head, members, amount, account in households:
        lines += [f"玉都镇,太平村,{head},{name},{rel},{pid},{len(members)},{amount},{account}\n" for name, rel, pid in members]
    return "".join(lines)


def bank(rows):
    """A bank's 代发 result CSV: (account, 户名, 证件号码, amount, month number) per row, all 成功."""
    lines = [BANK_HEAD]
    for k, (account, holder, pid, amount, month) in enumerate(rows):
        lines.append(f"JC2026{month:02d}05{k:04d},2026-{month:02d}-05 10:22:{k % 60:02d},{account},{holder},{pid},"
                     f"{amount:.2f},{month}月低保,成功\n")
    return "".join(lines)


A = ("贾娟文", [("贾娟文", "户主", HEAD), ("李秀英", "配偶", WIFE)], 820, ACCOUNT)
B = ("任双强", [("任双强", "户主", OTHER)], 516, ACCOUNT)  # registered on A's account
C = ("高娟", [("高娟", "户主", make_id("19591008", 682, "620821"))], 516, ACCOUNT2)


def audit(tmp_path, roster_text, ledger_text, lists=None):
    """Audit with one bank file; the F findings as sorted (code, confidence, name, 应追回, 应补发), and the frame."""
    from rostercheck.audit import audit as run

    (tmp_path / "低保花名册.csv").write_text(roster_text, encoding="utf-8")
    (tmp_path / "代发明细.csv").write_text(ledger_text, encoding="utf-8")
    given = {}
    for kind, (name, body) in (lists or {}).items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        given[kind] = tmp_path / name
    result = run([tmp_path / "低保花名册.csv"], given, AS_OF, payments=[tmp_path / "代发明细.csv"])
    f = result.findings
    f = f[f["类别代码"].astype(str).str.startswith("F")]
    flat = sorted((c, conf, name, recover if recover == recover else None, repay if repay == repay else None)
                  for c, conf, name, recover, repay in f[["类别代码", "置信度", "姓名", "应追回金额", "应补发金额"]].itertuples(index=False))
    return flat, f


# 1. a household paid into another household's account (the roster registers it for both), the bank file naming the
# holder's own ID on both rows: the amount that is the other household's approved amount is that household's — no
# 重复发放 of the holder's, no 应发未发 of the other; the shared account is said (F07) for both

def test_shared_account_under_the_holders_id_is_paid_by_amount(tmp_path):
    rows = [(ACCOUNT, "贾娟文", HEAD, 820, m) for m in (7, 8, 9)] + [(ACCOUNT, "贾娟文", HEAD, 516, m) for m in (7, 8, 9)]
    rows += [(ACCOUNT2, "高娟", C[1][0][2], 516, m) for m in (7, 8, 9)]
    flat, _ = audit(tmp_path, roster(A, B, C), bank(rows))
    assert [x for x in flat if x[0] in ("F04", "F05", "F06")] == []
    assert {(c, name) for c, _, name, _, _ in flat if c == "F07"} == {("F07", "贾娟文"), ("F07", "任双强")}


# … but a second row of the holder's own amount is still his household's 重复发放 (must-flag)
def test_second_row_of_the_holders_own_amount_is_still_a_duplicate(tmp_path):
    rows = [(ACCOUNT, "贾娟文", HEAD, 820, m) for m in (7, 8, 9)] + [(ACCOUNT, "贾娟文", HEAD, 820, 8)]
    rows += [(ACCOUNT, "贾娟文", HEAD, 516, m) for m in (7, 8, 9)]
    flat, _ = audit(tmp_path, roster(A, B), bank(rows))
    assert ("F04", "高", "贾娟文", 820.0, None) in flat
    assert [x for x in flat if x[0] == "F06"] == []


# 2. a cadre's account (the cadre list carries 银行账号) paid under the cadre's own ID for a household he is no member
# of: the household's money in his account, 高 — as when the row names the household's ID

CADRES = ("村干部名单.csv", f"姓名,身份证号,乡镇,村,职务,银行账号\n白珍秀,{CADRE},玉都镇,太平村,村文书,{ACCOUNT3}\n")


@pytest.mark.parametrize("pid", [CADRE, C[1][0][2]], ids=["cadre's ID", "household's ID"])
def test_cadres_account_under_his_own_id(tmp_path, pid):
    household = ("高娟", C[1], 516, ACCOUNT3)
    rows = [(ACCOUNT3, "白珍秀", pid, 516, m) for m in (7, 8, 9)]
    flat, f = audit(tmp_path, roster(household), bank(rows), {"cadres": CADRES})
    assert [(c, conf, name) for c, conf, name, _, _ in flat if c == "F07"] == [("F07", "高", "高娟")]
    assert "村文书" in f.loc[f["类别代码"] == "F07", "依据"].iloc[0]


# 3. a payee on no roster, by his own ID, on a household's registered account: the "former head" lead (低) while no
# deaths list is given; a deaths list given and not naming him leaves a stranger's account (中, as the same holder
# named by 户名 alone is)

DEATHS = ("死亡人员名单.csv", f"姓名,身份证号,死亡日期\n某人,{make_id('19400101', 111, '620821')},2026-01-02\n")


@pytest.mark.parametrize("lists,conf", [({}, "低"), ({"deaths": DEATHS}, "中")], ids=["no deaths list", "deaths list"])
def test_stranger_by_own_id_on_registered_account(tmp_path, lists, conf):
    rows = [(ACCOUNT2, "于桂文", STRANGER, 516, m) for m in (7, 8, 9)]
    flat, f = audit(tmp_path, roster(C), bank(rows), lists)
    assert [(c, k, name) for c, k, name, _, _ in flat if c == "F07"] == [("F07", conf, "高娟")]
    assert [x for x in flat if x[0] in ("F03", "F06")] == []
    if conf == "中":
        assert "死亡人员名单中也没有" in f.loc[f["类别代码"] == "F07", "依据"].iloc[0]


# 4. the look-back: an F07 reported done (已变更发放账户) whose household the quarter's ledger still pays into the account
# the earlier evidence named is 未整改; one now paid into the head's own account stays 已整改

def test_review_f07_account_still_used(tmp_path):
    from rostercheck.review import review

    D = ("康强", [("康强", "户主", make_id("19660521", 853, "620821"))], 516, "6229761000000000029")
    earlier = tmp_path / "q2"
    earlier.mkdir()
    rows = [(ACCOUNT2, "于桂文", C[1][0][2], 516, m) for m in (4, 5, 6)]
    rows += [("6229761000000000029", "冯保", D[1][0][2], 516, m) for m in (4, 5, 6)]
    flat, f = audit(earlier, roster(C, D), bank(rows))
    assert [(c, name) for c, _, name, _, _ in flat if c == "F07"] == [("F07", "康强"), ("F07", "高娟")]
    prev = f.copy()
    prev["核实情况"], prev["整改状态"] = "已变更发放账户", "已整改"
    prev.to_csv(tmp_path / "上期问题清单.csv", index=False, encoding="utf-8-sig")
    (tmp_path / "本期花名册.csv").write_text(roster(C, D), encoding="utf-8")
    quarter = [(ACCOUNT2, "于桂文", C[1][0][2], 516, m) for m in (7, 8, 9)]  # still the stranger's
    quarter += [("6229761000000000037", "康强", D[1][0][2], 516, m) for m in (7, 8, 9)]  # changed to the head's own
    (tmp_path / "代发明细.csv").write_text(bank(quarter), encoding="utf-8")
    result = review(tmp_path / "上期问题清单.csv", [tmp_path / "本期花名册.csv"], AS_OF,
                    payments=[tmp_path / "代发明细.csv"])
    rows_ = pd.DataFrame(result.rows) if not isinstance(result.rows, pd.DataFrame) else result.rows
    got = {name: (status, note) for name, status, note in rows_[rows_["类别代码"] == "F07"][["姓名", "整改状态", "说明"]]
           .itertuples(index=False)}
    assert got["高娟"][0] == "未整改" and ACCOUNT2 in got["高娟"][1] and "仍打入上期所列账号" in got["高娟"][1]
    assert got["康强"][0] == "已整改"
    assert result.ledgers.get("accounts_kept") == 1


# 5. a bank file whose 摘要 names no month (代发低保金: the month is the 交易时间's) returning a payment by a negative row
# 摘要 "退回" alone, never paid again: the month is owed (F06), not "部分未检查" as paid under an unread item; and the
# bare 退回 is no item the notices call unread

def test_bare_return_row_leaves_the_month_owed(tmp_path):
    from rostercheck.audit import audit as run

    pid = C[1][0][2]
    lines = [BANK_HEAD]
    for k, (day, amount, memo) in enumerate([("2026-07-06", 516, "代发低保金"), ("2026-08-06", 516, "代发低保金"),
                                             ("2026-08-20", -516, "退回"), ("2026-09-06", 516, "代发低保金")]):
        lines.append(f"JC{k:06d},{day} 10:22:31,{ACCOUNT2},高娟,{pid},{amount:.2f},{memo},成功\n")
    (tmp_path / "低保花名册.csv").write_text(roster(C), encoding="utf-8")
    (tmp_path / "代发明细.csv").write_text("".join(lines), encoding="utf-8")
    result = run([tmp_path / "低保花名册.csv"], {}, AS_OF, payments=[tmp_path / "代发明细.csv"])
    f = result.findings
    f = f[f["类别代码"].astype(str).str.startswith("F")]
    assert [(c, conf, name, repay) for c, conf, name, repay in f[["类别代码", "置信度", "姓名", "应补发金额"]]
            .itertuples(index=False)] == [("F06", "高", "高娟", 516.0)]
    assert not [w for w in result.warnings if "退回" in w and "未能识别" in w]
