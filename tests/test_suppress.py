"""Remembered verifications: a finding marked 核实无问题 is held back until its evidence changes."""

import datetime as dt
import json

import openpyxl
import pandas as pd
import pytest
from filebuild import LI, ZHANG_SON, county_q3, write_list, write_roster
from typer.testing import CliRunner

from rostercheck import suppress
from rostercheck.cli import app

runner = CliRunner()


def _audit(tmp_path, staff_rows, out, suppress_file=None, staff_name="staff.xlsx"):
    staff = write_list(tmp_path / staff_name, "staff", staff_rows)
    args = ["audit", str(tmp_path / "roster.xlsx"), "--staff", str(staff), "--as-of", "2026-09-30", "--out",
            str(tmp_path / out)]
    if suppress_file:
        args += ["--suppress", str(suppress_file)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    findings = pd.read_csv(tmp_path / out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    return res, findings, json.loads((tmp_path / out / "run.json").read_text(encoding="utf-8"))


def _verify(ledger, name, text):
    book = openpyxl.load_workbook(ledger)
    for ws in book.worksheets:
        head = {c.value: c.column for c in ws[1]}
        for r in range(2, ws.max_row + 1):
            if "姓名" in head and ws.cell(r, head["姓名"]).value == name:
                ws.cell(r, head["核实情况"], text)
    book.save(ledger)


STAFF = [["县教育局", "张小明", ZHANG_SON, "事业"], ["县财政局", "李四", LI, "公务员"]]


def test_verified_finding_held_back_until_evidence_changes(tmp_path):
    write_roster(tmp_path / "roster.xlsx", county_q3())
    _, first, _ = _audit(tmp_path, STAFF, "q3")
    assert sorted(first["姓名"]) == ["张小明", "李四"]
    _verify(tmp_path / "q3" / "问题清单.xlsx", "张小明", "经核实为同名不同人，核实无问题")
    res = runner.invoke(app, ["review", str(tmp_path / "q3" / "问题清单.xlsx"), str(tmp_path / "roster.xlsx"),
                              "--as-of", "2026-12-31", "--out", str(tmp_path / "rv")])
    assert res.exit_code == 0, res.output
    sup = tmp_path / "rv" / suppress.FILE_NAME
    entries = pd.read_csv(sup, dtype=str, encoding="utf-8-sig").fillna("")
    assert list(entries.columns) == suppress.COLUMNS
    assert list(entries["姓名"]) == ["张小明"] and entries["依据指纹"].iat[0].startswith("FP-")

    # Next quarter: the list is re-sent under another name with the rows in another order — same evidence.
    res, again, run = _audit(tmp_path, [STAFF[1], ["县政府办", "王小二", "430521199901011234", "事业"], STAFF[0]],
                             "q4", sup, "staff_q4.xlsx")
    assert list(again["姓名"]) == ["李四"]
    assert run["suppressed"] == 1
    assert "暂不列出 1 条" in res.output

    # The evidence changes (another employer): the finding is raised again.
    changed = [["县人民医院", "张小明", ZHANG_SON, "事业"], STAFF[1]]
    res, back, run = _audit(tmp_path, changed, "q1", sup, "staff_q1.xlsx")
    assert sorted(back["姓名"]) == ["张小明", "李四"]
    assert run["suppressed"] == 0


def test_fingerprint_ignores_file_sheet_and_row_but_not_values():
    a = "《财政供养人员名单（staff.xlsx）》工作表“Sheet”第 3 行：张小明，工作单位 县教育局；身份证号一致"
    b = "《财政供养人员名单（2026四季度 staff.xls）》第 17 行：张小明，工作单位 县教育局；身份证号一致"
    c = "《财政供养人员名单（staff.xlsx）》第 3 行：张小明，工作单位 县人民医院；身份证号一致"
    assert suppress.fingerprint("C01", a) == suppress.fingerprint("C01", b)
    assert suppress.fingerprint("C01", a) != suppress.fingerprint("C01", c)
    assert suppress.fingerprint("C01", a) != suppress.fingerprint("C04", a)


@pytest.mark.parametrize("texts, verified", [
    (("同名不同人", ""), True), (("", "核实无问题"), True), (("车辆已过户给他人",), True), (("情况不属实",), True),
    (("情况属实", "已整改"), False), (("户口已注销，已停发",), False), (("", ""), False),
])
def test_verified_words(texts, verified):
    assert suppress.is_verified(*texts) is verified


def test_suppression_file_survives_excel_numbers(tmp_path):
    findings = pd.DataFrame({"类别代码": ["C01"], "身份证号": [ZHANG_SON], "姓名": ["张小明"], "依据": ["甲"]})
    entries = suppress.entries_from(findings.assign(核实情况="同名不同人"), dt.date(2026, 12, 31))
    book = openpyxl.Workbook()
    book.active.append(suppress.COLUMNS)
    row = entries.iloc[0].to_dict()
    row["身份证号"] = float(ZHANG_SON)  # saved from Excel: the ID became a number
    book.active.append([row[c] for c in suppress.COLUMNS])
    book.save(tmp_path / "sup.xlsx")
    kept, held = suppress.apply(findings, suppress.read(tmp_path / "sup.xlsx"))
    assert (len(kept), held) == (0, 1)


def test_wrong_suppression_file_is_an_input_error(tmp_path):
    write_roster(tmp_path / "roster.xlsx", county_q3())
    bogus = write_list(tmp_path / "bogus.xlsx", "deaths", [["张三", ZHANG_SON, "2026-01-01"]])
    res = runner.invoke(app, ["audit", str(tmp_path / "roster.xlsx"), "--suppress", str(bogus), "--out",
                              str(tmp_path / "o")])
    assert res.exit_code == 3
    assert "核实无问题清单" in res.output
