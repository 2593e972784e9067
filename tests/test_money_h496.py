"""h496: a ninth blind held-out money round (永顺县) — a finance office's send lists (所属月份, no status) beside the bank's
代发 results (no ID, no month: 交易状态 and the account), with a 补发 batch for earlier months; a quarterly 低保 ledger whose
所属期 lists the months a row pays ('2026年8月、9月')."""

import datetime as dt

import pytest
from money import make_id

AS_OF = dt.date(2026, 9, 30)
C = "433127"
A_ID, B_ID, D_ID = make_id("19560312", 331, C), make_id("19600101", 441, C), make_id("19501010", 551, C)
ACC = {A_ID: "6217000000000000011", B_ID: "6217000000000000029", D_ID: "6217000000000000037"}
NAME = {A_ID: "彭国华", B_ID: "向秀英", D_ID: "田明清"}
AMOUNT = {A_ID: 480, B_ID: 650, D_ID: 1100}


def roster() -> str:
    lines = ["乡镇,村,户主姓名,户主身份证号,成员姓名,成员身份证号,与户主关系,保障人口,月保障金,审批日期,银行账号\n"]
    lines += [f"灵溪镇,司城村,{NAME[p]},{p},{NAME[p]},{p},户主,1,{AMOUNT[p]},2020-01-01,{ACC[p]}\n" for p in NAME]
    return "".join(lines)


def write_batch(folder, batch: str, rows: list[tuple[str, str]]) -> None:
    """A send list (所属月份, no status) and the bank's result for it (no ID, no month), ``rows``: (person, month)."""
    send = ["姓名,身份证号,资金项目,所属月份,金额（元）,账号,户名\n"]
    send += [f"{NAME[p]},{p},低保金,{m[:4]}年{int(m[5:])}月,{AMOUNT[p]:.2f},{ACC[p]},{NAME[p]}\n" for p, m in rows]
    (folder / f"社会救助资金发放清单_批次{batch}.csv").write_text("".join(send), encoding="utf-8")
    back = ["批次号,交易流水号,收款人户名,收款账号,交易金额,交易状态,失败原因\n"]
    back += [f"{batch},{batch}{k:06d},{NAME[p]},{ACC[p]},{AMOUNT[p]:.2f},成功,\n" for k, (p, m) in enumerate(rows)]
    (folder / f"代发回盘_{batch}.csv").write_text("".join(back), encoding="utf-8")


def audit(tmp_path, batches: dict, deaths: list[tuple[str, str]] = ()):
    from rostercheck.audit import audit as run

    (tmp_path / "低保花名册.csv").write_text(roster(), encoding="utf-8")
    folder = tmp_path / "发放"
    folder.mkdir()
    for batch, rows in batches.items():
        write_batch(folder, batch, rows)
    given = {}
    if deaths:
        (tmp_path / "死亡人员名单.csv").write_text("姓名,身份证号,死亡日期\n" + "".join(f"{NAME[p]},{p},{d}\n" for p, d in deaths),
                                               encoding="utf-8")
        given["deaths"] = tmp_path / "死亡人员名单.csv"
    result = run([tmp_path / "低保花名册.csv"], given, AS_OF, payments=[folder])
    f = result.findings
    f = f[f["类别代码"].astype(str).str.startswith("F")]
    return sorted((c, n, a if a == a else None) for c, n, a in f[["类别代码", "姓名", "应追回金额"]].itertuples(index=False))


MONTHS = [f"2026-{m:02d}" for m in range(4, 10)]


def monthly(skip: dict) -> dict:
    """A batch per month (dated the 10th) paying everyone but the months ``skip`` leaves out for a person."""
    return {f"{m.replace('-', '')}10": [(p, m) for p in NAME if m not in skip.get(p, ())] for m in MONTHS}


# Each case: the months left out of the monthly batches, the back-pay batches {batch: [(person, month)]}, deaths, and the
# F findings expected. On main the back-pay batch's result (dated in its own month, no month column) paired with no send
# list and counted as that month's second payment.
CASES = {
    # April and May paid in a June 补发 batch: neither a duplicate of June (F04) nor unpaid (F06)
    "back pay in June for April and May": ({A_ID: ("2026-04", "2026-05")}, {"20260618": [(A_ID, "2026-04"), (A_ID, "2026-05")]},
                                           [], []),
    # died 2026-07-12 (July is due); June's money paid late in August is no payment after the death
    "June back-paid in August after a July death": (
        {D_ID: ("2026-06", "2026-08", "2026-09")}, {"20260815": [(D_ID, "2026-06")]}, [(D_ID, "2026-07-12")], []),
    # the plant stays: August paid after a July death, beside the back pay
    "August paid after a July death": (
        {D_ID: ("2026-06", "2026-09")}, {"20260815": [(D_ID, "2026-06")]}, [(D_ID, "2026-07-12")],
        [("F01", "田明清", 1100.0)]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_back_pay_batch_result(tmp_path, case):
    skip, extra, dead, expected = CASES[case]
    batches = monthly(skip)
    batches.update(extra)
    assert audit(tmp_path, batches, dead) == expected


@pytest.mark.parametrize("cell, months", [
    ("2026年8月、9月", ("2026-08", "2026-09")),
    ("2026年8、9月", ("2026-08", "2026-09")),
    ("2026年1月,2月,3月", ("2026-01", "2026-02", "2026-03")),
    ("2026年7月、8月份", ("2026-07", "2026-08")),
    ("2026年1月、3月", None),  # (February left out: no span)
    ("2026年8月", None),  # (one month)
])
def test_listed_months(cell, months):
    from rostercheck.normalize.values import month_span

    assert month_span(cell) == months


def test_quarter_row_listing_its_months(tmp_path):
    """A quarterly ledger: July failed on its own row, August and September paid on one row '2026年8月、9月' — July is
    unpaid (F06, 650), the other two months are paid. On main the row was unread and the household left unchecked."""
    from rostercheck.audit import audit as run

    (tmp_path / "低保花名册.csv").write_text(roster(), encoding="utf-8")
    rows = ["户主姓名,户主身份证号,资金项目,所属期,月数,发放金额,账号,户名,发放结果\n"]
    for p in NAME:
        if p == B_ID:
            rows += [f"{NAME[p]},{p},低保金,2026年7月,1,650.00,{ACC[p]},{NAME[p]},失败\n",
                     f"{NAME[p]},{p},低保金,2026年8月、9月,2,1300.00,{ACC[p]},{NAME[p]},成功\n"]
        else:
            rows.append(f"{NAME[p]},{p},低保金,2026年第三季度,3,{3 * AMOUNT[p]:.2f},{ACC[p]},{NAME[p]},成功\n")
    (tmp_path / "低保金发放表_2026年第三季度.csv").write_text("".join(rows), encoding="utf-8")
    result = run([tmp_path / "低保花名册.csv"], {}, AS_OF, payments=[tmp_path / "低保金发放表_2026年第三季度.csv"])
    f = result.findings
    f = f[f["类别代码"].astype(str).str.startswith("F")]
    assert sorted(f[["类别代码", "姓名", "应补发金额"]].itertuples(index=False, name=None)) == [("F06", "向秀英", 650.0)]


# review --payments: the audit's own F02 evidence dates the custody (h496: '释放日期' unread and a custody with no end
# were undated — a released prisoner's review-month payment 未整改, a prisoner still inside counted for that month only)
@pytest.mark.parametrize("evidence, event, months", [
    ("《服刑人员名单.xlsx》工作表“Sheet1”第 3 行：符强芳，入监日期 2025-11-03，释放日期 2026-03-28（整月在押的月份不应发放）；"
     "2025-12 至 2026-02 整月在押不应发放。",
     ("prisoners", {"入监日期": "2025-11-03", "刑期止日期": "2026-03-28"}), ("2025-12", "2026-02")),
    ("《服刑人员名单.xlsx》工作表“Sheet1”第 5 行：符永，入监日期 2026-04-30（整月在押的月份不应发放）；2026-05 起整月在押不应发放。",
     ("prisoners", {"入监日期": "2026-04-30", "刑期止日期": ""}), ("2026-05", "9999-12")),
    # must stay: a sentence's end as before
    ("乙，入监日期 2026-01-15，刑期止日 2027-07-14，核查日期 2026-09-30 在服刑期内",
     ("prisoners", {"入监日期": "2026-01-15", "刑期止日期": "2027-07-14"}), ("2026-02", "2027-06")),
    # must stay undated: an 入监日期 named in other words than F02's own (no custody counted from it)
    ("《财政供养人员名单.xlsx》第 5 行：丁，县财政局，公务员；身份证号一致", None, None),
])
def test_review_reads_the_custody_f02_wrote(evidence, event, months):
    import pandas as pd

    from rostercheck.review_events import dated, event_months

    f = pd.Series({"依据": evidence})
    assert dated(f) == (event, "")
    assert event_months(f, "次月") == months


def _card_export(tmp_path, rows) -> list:
    """A 惠民惠农"一卡通" export: 补贴项目名称, 补贴期次 'YYYY年第N期', 发放日期 (no month column); rows: (person, issue, paid)."""
    lines = ["补贴项目代码,补贴项目名称,补贴期次,姓名,身份证号,一卡通账号,开户人姓名,金额（分）,发放状态,发放日期\n"]
    lines += [f"1020101,低保金,{issue},{NAME[p]},{p},{ACC[p]},{NAME[p]},{AMOUNT[p] * 100},成功,{paid}\n" for p, issue, paid in rows]
    (tmp_path / "一卡通发放明细.csv").write_text("".join(lines), encoding="utf-8")
    return [tmp_path / "一卡通发放明细.csv"]


def _issue_rows(last_of: dict, lag: int = 1) -> list:
    """Issues 2026年第1期 … for each person up to the month ``last_of`` gives, each paid on the 5th ``lag`` months later."""
    rows = []
    for p, last in last_of.items():
        for n in range(1, last + 1):
            y, m = (2026, n + lag) if n + lag <= 12 else (2027, n + lag - 12)
            rows.append((p, f"2026年第{n}期", f"{y}{m:02d}05"))
    return rows


@pytest.mark.parametrize("last_of, dead, expected", [
    # paid on the 5th of the next month: 第5期 (paid June 5) is May's, due after a death on May 29 (main: read as June,
    # F01 高); 第6期 is June's, paid after it
    ({A_ID: 9, D_ID: 5}, [(D_ID, "2026-05-29")], []),
    ({A_ID: 9, D_ID: 6}, [(D_ID, "2026-05-29")], [("F01", "田明清", 1100.0)]),
])
def test_card_issue_numbers_are_months(tmp_path, last_of, dead, expected):
    from rostercheck.audit import audit as run

    (tmp_path / "低保花名册.csv").write_text(roster(), encoding="utf-8")
    (tmp_path / "死亡人员名单.csv").write_text("姓名,身份证号,死亡日期\n" + "".join(f"{NAME[p]},{p},{d}\n" for p, d in dead),
                                         encoding="utf-8")
    rows = _issue_rows({**{p: 9 for p in NAME}, **last_of})
    result = run([tmp_path / "低保花名册.csv"], {"deaths": tmp_path / "死亡人员名单.csv"}, AS_OF,
                 payments=_card_export(tmp_path, rows))
    f = result.findings
    f = f[f["类别代码"].astype(str).str.startswith("F")]
    assert sorted((c, n, a if a == a else None) for c, n, a in f[["类别代码", "姓名", "应追回金额"]].itertuples(index=False)) == expected


@pytest.mark.parametrize("issues, months", [
    # every issue in its month or the next: months
    ([("2026年第3期", "20260405"), ("2026年第4期", "20260505"), ("2026年第1季度", "20260328")], ["2026-03", "2026-04", "2026年第1季度"]),
    # must stay batches: a thirteenth issue, an issue paid before its month, or one paid half a year late
    ([("2026年第13期", "20261220"), ("2026年第3期", "20260305")], None),
    ([("2026年第5期", "20260405"), ("2026年第6期", "20260605")], None),
    ([("2026年第2期", "20260805"), ("2026年第3期", "20260405")], None),
    # must stay batches: cells that are no period
    ([("第3批", "20260305"), ("2026年第3期", "20260305")], None),
])
def test_issue_numbers_read_as_months_only_when_the_dates_agree(issues, months):
    import pandas as pd

    from rostercheck.io.ledgers import _issues_as_months

    frame = pd.DataFrame({"month": [i for i, _ in issues], "paid_date": [d for _, d in issues]})
    got = _issues_as_months(frame)
    assert (None if got is None else got.tolist()) == months


RELEASE = ("《服刑人员名单.xlsx》工作表“Sheet1”第 2 行：邓功成，入监日期 2025-11-03，释放日期 2026-10-15，状态 刑满释放；"
           "身份证号一致")


@pytest.mark.parametrize("code, evidence, approved, status", [
    # the evidence dates the custody's end by its 释放日期 (a list of releases), not a 刑期止日: stopped, released
    # 2026-10-15, approved again 2026-11-20 (h496: the release unread, 未整改 "仍在册")
    ("C02", RELEASE, "2026-11-20", "已整改"),
    # must flag: approved while still inside
    ("C02", RELEASE, "2026-10-10", "未整改"),
])
def test_released_and_approved_again(tmp_path, code, evidence, approved, status):
    from test_review_readmitted import _previous, _roster

    from rostercheck.review import review

    res = review(_previous(tmp_path, code, evidence, "已停发"), [_roster(tmp_path / "q4.xlsx", approved)], dt.date(2026, 12, 31))
    row = res.rows.iloc[0]
    assert row["整改状态"] == status, row["说明"]
    if status == "已整改":  # the note names the date it read as the evidence names it
        assert "释放日期 2026-10-15 之后" in row["说明"] and "刑期止日" not in row["说明"], row["说明"]


@pytest.mark.parametrize("name, header, rows, summary", [
    # a township summary naming no one is said to be one (h496: "找不到身份证号列（…如被部分隐去）", as if masked)
    ("各乡镇低保资金发放汇总表.csv", "乡镇,户数,人数,发放金额（万元）", ["灵溪镇,120,260,12.48", "泽家镇,98,201,9.65"], True),
    # must not: a file naming no summary that lacks the IDs is said to lack them
    ("低保金发放明细.csv", "乡镇,户数,发放金额", ["灵溪镇,120,57600"], False),
])
def test_a_summary_naming_no_one_is_said_to_be_a_summary(tmp_path, name, header, rows, summary):
    from rostercheck.errors import InputFileError
    from rostercheck.io.ledgers import read_ledger

    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        read_ledger(path, AS_OF)
    assert ("不是逐人发放明细" in str(err.value)) is summary, str(err.value)
