"""The sample county's year of ledgers (samples/payments.py): every planted money case found, no trap,
and the amounts to recover and to repay equal the truth to the yuan."""

import csv
from collections import defaultdict

import pytest
from helpers import AS_OF, COUNTY, county_inputs

from rostercheck.audit import audit

LEDGERS = sorted((COUNTY / "资金发放").iterdir())


@pytest.fixture(scope="module")
def result():
    rosters, lists = county_inputs()
    lists = {k: v for k, v in lists.items() if k in ("deaths", "prisoners", "migrations", "cadres", "staff")}
    lists["exits"] = COUNTY / "停保名单.xlsx"
    return audit(rosters, lists, AS_OF, payments=LEDGERS, codes=["F01", "F02", "F03", "F04", "F05", "F06", "F07"])


def truth():
    return list(csv.DictReader(open(COUNTY / "truth_payments.csv", encoding="utf-8")))


def found(result) -> dict[tuple[str, str], dict]:
    """(code, head ID) → summed amounts and confidences of the findings."""
    out = defaultdict(lambda: {"recover": 0.0, "repay": 0.0, "conf": set()})
    for _, row in result.findings.iterrows():
        key = (row["类别代码"], row["户主身份证号"])
        out[key]["recover"] += float(row["应追回金额"] or 0) if row["应追回金额"] == row["应追回金额"] else 0.0
        out[key]["repay"] += float(row["应补发金额"] or 0) if row["应补发金额"] == row["应补发金额"] else 0.0
        out[key]["conf"].add(row["置信度"])
    return out


def test_every_planted_case_found_with_its_amount_to_the_yuan(result):
    got = found(result)
    want = defaultdict(lambda: {"recover": 0.0, "repay": 0.0})
    for t in truth():
        if t["expect"] == "flag":
            want[(t["code"], t["head_id"])]["recover"] += float(t["recover"] or 0)
            want[(t["code"], t["head_id"])]["repay"] += float(t["repay"] or 0)
    missing = [k for k in want if k not in got]
    assert not missing
    wrong = {k: (got[k]["recover"], got[k]["repay"], v) for k, v in want.items()
             if abs(got[k]["recover"] - v["recover"]) > 1 or abs(got[k]["repay"] - v["repay"]) > 1}
    assert not wrong


def test_no_trap_and_nothing_unplanted_flagged(result):
    flags = {(t["code"], t["head_id"]) for t in truth() if t["expect"] == "flag"}
    traps = {(t["code"], t["head_id"]) for t in truth() if t["expect"] == "trap"}
    got = set(found(result))
    assert not (got & traps)
    assert got <= flags


def test_totals_to_the_yuan(result):
    rows = truth()
    recover = sum(float(t["recover"] or 0) for t in rows if t["expect"] == "flag")
    repay = sum(float(t["repay"] or 0) for t in rows if t["expect"] == "flag")
    f = result.findings
    assert round(f["应追回金额"].fillna(0).astype(float).sum(), 2) == round(recover, 2)
    assert round(f["应补发金额"].fillna(0).astype(float).sum(), 2) == round(repay, 2)


def test_cli_writes_money_columns_sheet_and_totals(tmp_path):
    import json
    import subprocess
    import sys

    import pandas as pd
    from python_calamine import CalamineWorkbook

    rosters, lists = county_inputs()
    args = [sys.executable, "-m", "rostercheck", "audit", *map(str, rosters), "--deaths", str(lists["deaths"]),
            "--exits", str(COUNTY / "停保名单.xlsx"), "--as-of", "2026-09-30", "--out", str(tmp_path / "out")]
    for p in LEDGERS:
        args += ["--payments", str(p)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, env={**__import__("os").environ,
                                                                                    "PYTHONPATH": "src"})
    assert done.returncode == 0, done.stderr
    assert "资金核查：应追回" in done.stdout and "；按次月停发计" in done.stdout  # h330: the stop rule said
    findings = pd.read_csv(tmp_path / "out" / "findings.csv", dtype=str, keep_default_na=False)
    assert list(findings.columns[-3:]) == ["涉及月份", "应追回金额", "应补发金额"]
    f01 = findings[findings["类别代码"] == "F01"]
    assert len(f01) and all("个月" in m for m in f01["涉及月份"])
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    total = round(pd.to_numeric(findings["应追回金额"], errors="coerce").sum(), 2)
    assert run["money"]["recover"] == total > 0 and run["money"]["stop_rule"] == "次月停发"
    book = CalamineWorkbook.from_path(str(tmp_path / "out" / "问题清单.xlsx"))
    assert "资金核查" in book.sheet_names
    sheet = book.get_sheet_by_name("资金核查").to_python()
    assert "\n停发规则：按次月停发计（" in sheet[0][0]  # under the sheet's title
    assert sheet[-1][0] == "合计" and round(float(sheet[-1][3]), 2) == total
    f01 = next(n for n in book.sheet_names if n.startswith("F01"))
    header = book.get_sheet_by_name(f01).to_python()[1]
    assert header.index("应补发金额（元）") < header.index("核实情况") < header.index("证据指纹")  # printed; trace last
    c02 = next(n for n in book.sheet_names if n.startswith("C02"))
    assert "应追回金额" not in book.get_sheet_by_name(c02).to_python()[1]


def test_no_money_sheet_or_totals_without_amounts():
    import pandas as pd

    from rostercheck.io.problem_list import money_summary, money_totals

    plain = pd.DataFrame({"类别代码": ["C01", "C02"], "乡镇": ["城关镇", "河口乡"], "_household": ["a", "b"],
                          "应追回金额": [None, None], "应补发金额": [None, None]})
    assert money_summary(plain) is None and money_totals(plain)["households"] == 0
    plain.loc[1, "应补发金额"] = 516.0
    assert money_totals(plain)["repay"] == 516.0 and money_summary(plain)["应补发合计（元）"].tolist() == [516.0, 516.0]
    # a household whose only money finding carries no amount (F07's account) is one the sieve concerns too
    plain.loc[0, "类别代码"] = "F07"
    summary = money_summary(plain)
    assert summary["涉及户数"].tolist() == [1, 1, 2] and money_totals(plain)["households"] == 2


def test_the_money_sheet_says_the_stop_rule_it_was_counted_by():
    # h330: 次月停发 or 当月停发 was said nowhere but in the configuration's hash in run.json
    import pandas as pd

    from rostercheck.io.problem_list import audit_sheets
    from rostercheck.io.report import SHEET_NOTE

    rows = pd.DataFrame({"类别代码": ["F01"], "类别名称": ["死亡后仍发放"], "置信度": ["高"], "乡镇": ["城关镇"], "_household": ["a"], "_member": [0],
                         "应追回金额": [516.0], "应补发金额": [None]})
    money = dict((s[0], s[1]) for s in audit_sheets(rows, {"F01": "死亡后仍发放"}, stop_rule="当月"))["资金核查"]
    assert money.attrs[SHEET_NOTE].startswith("停发规则：按当月停发计（死亡、迁出本县、停保（退出）的，当月起不应发放；")
    money = dict((s[0], s[1]) for s in audit_sheets(rows, {"F01": "死亡后仍发放"}))["资金核查"]
    assert SHEET_NOTE not in money.attrs


def test_the_big_lists_keep_the_events_of_payees_on_no_roster(result):
    """Deaths and moves are filtered to the people of interest: the payees are among them."""
    import pandas as pd

    rosters, lists = county_inputs()
    lists = {k: v for k, v in lists.items() if k in ("deaths", "prisoners", "migrations", "cadres", "staff")}
    lists["exits"] = COUNTY / "停保名单.xlsx"
    whole = audit(rosters, lists, AS_OF, payments=LEDGERS, codes=["F01", "F02", "F03"], whole=True)
    filtered = result.findings[result.findings["类别代码"].isin(["F01", "F02", "F03"])].reset_index(drop=True)
    assert len(filtered) >= 10
    pd.testing.assert_frame_equal(filtered.astype(object).fillna(""), whole.findings.astype(object).fillna(""))


@pytest.mark.parametrize("partial, said", [({}, False), ({"F05": "…未能识别…", "C02": "未提供服刑人员名单"}, True)])
def test_the_consoles_money_totals_say_which_f_checks_left_payments_unread(capsys, monkeypatch, partial, said):
    # h277: "应追回 0.00 元" over a year of payments whose items no code read, said only in 核查范围
    import pandas as pd

    from rostercheck import console

    monkeypatch.setattr(console.out, "_width", 200)  # (the property's setter would be undone to a fixed width)
    found = pd.DataFrame({"类别代码": ["F07"], "乡镇": ["城关镇"], "_household": ["a"], "应追回金额": [None], "应补发金额": [None]})
    console.money_totals(found, partial, "当月")
    shown = "".join(capsys.readouterr().out.split())
    assert "资金核查：应追回0.00元" in shown and shown.endswith("；按当月停发计")
    assert ("F05部分未核查（见核查范围），金额只含已核查的部分" in shown) == said and "C02" not in shown
