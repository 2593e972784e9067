"""A care homes' 拨付汇总 with no residents' sheet beside it (h433, issue 15): 供养机构 | 基本生活费 | 照料护理费 |
拨付金额合计 | 收款账号 | 收款单位, one row per home per month, read as payments to each home (基本生活费 the benefit,
照料护理费 other money, 拨付金额合计 and the 合计 row no payment), so h432 checks the lump resident by resident; beside
a residents' sheet the summary stays unread (h424), and F04/F07 do not take the home's rows for a member's."""

import datetime as dt

import openpyxl
from money import findings, make_id, money, months
from helpers import context

from rostercheck.io.ledgers import load_ledgers

AS_OF = dt.date(2026, 9, 30)
TEKUN = "罗甸县2026年第三季度特困人员名册"
HOME, OTHER = "罗甸县龙坪镇敬老院", "罗甸县边阳镇敬老院"
ACCOUNT, OTHER_ACCOUNT = "6228480310000001111", "6228480310000002222"
# (name, ID, 基本生活标准, 照料护理标准, approved)
RESIDENTS = [("郭德明", make_id("19360211", 105, "522728"), 1700, 300, "2018-01-15"),
             ("王秀英", make_id("19370312", 107, "522728"), 1576, 100, "2019-02-15"),
             ("李长生", make_id("19380413", 109, "522728"), 1576, 600, "2020-03-15")]
OTHERS = [("赵开富", make_id("19350110", 111, "522728"), 1576, 100, "2018-04-15"),
          ("陈兰芳", make_id("19390514", 113, "522728"), 1700, 300, "2021-05-15")]
DEAD = {"deaths": [{"name": "郭德明", "id": RESIDENTS[0][1], "date": "2026-05-12"}]}
HEADER = ["供养机构", "供养人数", "基本生活费", "照料护理费", "拨付金额合计", "收款账号", "收款单位"]


def roster():
    return [{"township": home[5:8], "village": "敬老院", "name": n, "id": i, "support_mode": "集中供养", "care_home": home,
             "benefit": s, "approved": a, "bank_account": account, "holder": home}
            for home, account, people in ((HOME, ACCOUNT, RESIDENTS), (OTHER, OTHER_ACCOUNT, OTHERS))
            for n, i, s, _, a in people]


def row(home, account, people, month, kept=(), cut=()):
    """A home's summary row: the standards of its residents due, those in ``kept`` never cut, those in ``cut`` cut
    from June."""
    due = [p for p in people if not (p[0] in cut and month >= "2026-06")]
    base, care = sum(p[2] for p in due), sum(p[3] for p in due if p[0] not in kept or month < "2026-06")
    return [home, len(due), base, care, base + care, account, home]


def summary_book(path, kept=("郭德明",), cut=(), residents_sheet=False, summary=True, header=HEADER):
    """A year's 拨付汇总 book, a sheet per month (title, header, one row per home, a 合计 row)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for month in months("2026-01", "2026-09") if summary else ():
        ws = wb.create_sheet(f"{month[:4]}年{int(month[5:])}月")
        ws.append([f"罗甸县{month[:4]}年{int(month[5:])}月集中供养特困人员资金拨付汇总表"])
        ws.append(header)
        rows = [row(HOME, ACCOUNT, RESIDENTS, month, kept, cut), row(OTHER, OTHER_ACCOUNT, OTHERS, month)]
        for r in rows:
            ws.append(r[:len(header)])
        ws.append(["合计", sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows),
                   sum(r[4] for r in rows), "", ""])
    if residents_sheet:  # (h424's shape: the residents' own rows beside the summary)
        ws = wb.create_sheet("供养人员明细")
        ws.append(["供养机构", "姓名", "身份证号", "资金项目", "所属月份", "金额", "拨付账号", "账户名称", "状态"])
        for month in months("2026-01", "2026-09"):
            for n, i, s, _, _ in RESIDENTS:
                ws.append([HOME, n, i, "特困人员基本生活费", month, s, ACCOUNT, HOME, "成功"])
    wb.save(path)
    return path


def audit_context(path, lists=DEAD):
    _tables, frame, _notes = load_ledgers(path if isinstance(path, list) else [path], AS_OF)
    ctx = context(roster(), lists, AS_OF, roster_title=TEKUN)
    ctx.lists["payments"] = frame
    ctx.labels["payments"] = "资金发放明细"
    return ctx, frame


# Errors (must flag)

def test_the_summary_alone_is_read_as_each_homes_payments(tmp_path):
    _tables, frame, _notes = load_ledgers([summary_book(tmp_path / "集中供养资金拨付汇总.xlsx")], AS_OF)
    got = sorted({(h, i) for h, i in zip(frame["holder"], frame["item"])})
    assert got == sorted([(HOME, "基本生活费"), (HOME, "照料护理费"), (OTHER, "基本生活费"), (OTHER, "照料护理费")])
    may = frame[(frame["month"] == "2026-05") & (frame["holder"] == HOME)]
    assert sorted(may["amount"].tolist()) == [1000.0, 4852.0]  # (no 拨付金额合计, no 合计 row)
    assert set(frame["bank_account"]) == {ACCOUNT, OTHER_ACCOUNT}


def test_a_dead_residents_share_kept_in_the_summarys_lump_is_owed_back(tmp_path):
    ctx, _ = audit_context(summary_book(tmp_path / "集中供养资金拨付汇总.xlsx"))
    assert money(ctx, "F01") == [("郭德明", "中", 1700 * 4, None)]
    (f,) = findings(ctx, "F01")
    assert f.months == "2026-06至2026-09（4个月）" and HOME in f.evidence


def test_a_summary_naming_the_home_only_in_its_care_home_column_is_read_too(tmp_path):
    # 供养机构 | 供养人数 | 基本生活费 | 照料护理费 | 拨付金额合计 | 收款账号: no 收款单位, the month from the sheet's name
    ctx, frame = audit_context(summary_book(tmp_path / "集中供养资金拨付汇总.xlsx", header=HEADER[:-1]))
    assert set(frame["holder"]) == {HOME, OTHER}
    assert money(ctx, "F01") == [("郭德明", "中", 1700 * 4, None)]


# OK (must not flag)

def test_a_lump_cut_after_the_death_is_no_finding(tmp_path):
    ctx, _ = audit_context(summary_book(tmp_path / "集中供养资金拨付汇总.xlsx", kept=(), cut=("郭德明",)))
    assert all(money(ctx, code) == [] for code in ("F01", "F03", "F04", "F05", "F06"))


def test_the_homes_account_is_no_members_and_its_two_items_are_no_duplicate(tmp_path):
    # the roster gives the residents the home's account (户名 the home): F07 is no lead, 照料护理费 beside 基本生活费 no F04
    ctx, _ = audit_context(summary_book(tmp_path / "集中供养资金拨付汇总.xlsx"))
    assert money(ctx, "F07") == [] and money(ctx, "F04") == []


def test_beside_a_residents_sheet_the_summary_stays_unread(tmp_path):
    _tables, frame, notes = load_ledgers([summary_book(tmp_path / "拨付表.xlsx", residents_sheet=True)], AS_OF)
    assert set(frame["item"]) == {"特困人员基本生活费"} and set(frame["name"]) == {n for n, *_ in RESIDENTS}


def test_a_summary_file_beside_the_residents_own_files_adds_no_second_claim(tmp_path):
    # the residents' own rows (the dead one's paid on) give F01 高 once; the summary's lump is then not split, said
    ctx, _ = audit_context([summary_book(tmp_path / "集中供养资金拨付汇总.xlsx"),
                            summary_book(tmp_path / "集中供养人员拨付明细.xlsx", residents_sheet=True, summary=False)])
    assert money(ctx, "F01") == [("郭德明", "高", 1700 * 4, None)]
    assert money(ctx, "F03") == [] and money(ctx, "F04") == [] and money(ctx, "F07") == []
    assert any("另有本人的发放明细" in s and HOME in s for s in ctx.cache["money:care_homes"])


def test_a_residents_care_home_column_is_not_their_accounts_holder(tmp_path):
    # 供养机构 | 姓名 | 身份证号 | … with no 户名: where she lives, not who holds the account (no F07 holder to compare)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["供养机构", "姓名", "身份证号", "资金项目", "所属月份", "金额", "账号"])
    ws.append([HOME, "王秀英", RESIDENTS[1][1], "特困人员基本生活费", "2026-05", 1576, ACCOUNT])
    wb.save(tmp_path / "集中供养人员发放明细_2026年5月.xlsx")
    _tables, frame, _notes = load_ledgers([tmp_path / "集中供养人员发放明细_2026年5月.xlsx"], AS_OF)
    assert "holder" not in frame.columns or set(frame["holder"]) <= {""}
