"""Public copies (公示版): no full ID, bank account or phone; sensitive columns left out; internal files unchanged."""

import re

import openpyxl
import pandas as pd
import pytest
from helpers import HEADER_ROW
from filebuild import LI, WANG, ZHANG_SON, all_text, county_q3, write_list, write_roster
from typer.testing import CliRunner

from rostercheck.cli import app
from rostercheck.io.public import DROP_COLUMNS, mask_text, public_frame

runner = CliRunner()


def _secrets() -> set[str]:
    rows = county_q3()
    return {r[3] for r in rows} | {r[6] for r in rows} | {r[9] for r in rows} | {r[10] for r in rows}


def _shared_account_roster(tmp_path):
    rows = county_q3()
    shared = rows[0][9]
    rows = [r[:9] + [shared] + r[10:] if r[2] == "李四" else r for r in rows]  # D02: the account is in the evidence
    write_roster(tmp_path / "roster.xlsx", rows)
    write_list(tmp_path / "staff.xlsx", "staff", [["县教育局", "张小明", ZHANG_SON, "事业"], ["县财政局", "李四", LI, "公务员"]])
    write_list(tmp_path / "deaths.xlsx", "deaths", [["王五", WANG, "2026-08-01"]])
    return ["--staff", str(tmp_path / "staff.xlsx"), "--deaths", str(tmp_path / "deaths.xlsx")]


def _headers(path):
    """The header row of a CSV file, or of every sheet of a workbook."""
    if path.suffix == ".csv":
        return [path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")]
    book = openpyxl.load_workbook(path, read_only=True)
    return [[str(c) for c in next(ws.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True), ()) if c is not None]
            for ws in book.worksheets]


def _assert_public(folder, expected):
    public = sorted(folder.glob("公示_*"))
    assert [p.name for p in public] == sorted(expected)
    secrets = _secrets()
    for path in public:
        content = all_text(path)
        leaked = [s for s in secrets if s and s in content]
        assert not leaked, (path.name, leaked)
        assert not re.search(r"(?<!\d)\d{11,19}(?!\d)", content), path.name
        headers = _headers(path)
        assert any(c.endswith("姓名") for h in headers for c in h), (path.name, headers)  # rows about people were read
        for header in headers:
            assert not {"健康状况", "劳动能力", "出生日期", "年龄", "依据", "证据指纹"} & set(header), (path.name, header)
    return public


def test_audit_mask_writes_public_copies_without_full_numbers(tmp_path):
    lists = _shared_account_roster(tmp_path)
    res = runner.invoke(app, ["audit", str(tmp_path / "roster.xlsx"), *lists, "--as-of", "2026-09-30", "--mask",
                              "--out", str(tmp_path / "a")])
    assert res.exit_code == 0, res.output
    _assert_public(tmp_path / "a", ["公示_findings.csv", "公示_问题清单.xlsx"])
    public = pd.read_csv(tmp_path / "a" / "公示_findings.csv", dtype=str, encoding="utf-8-sig")
    assert "430521********1313" in set(public["身份证号"])
    assert not set(public.columns) & set(DROP_COLUMNS)
    internal = all_text(tmp_path / "a" / "findings.csv")
    assert ZHANG_SON in internal and "依据" in internal.splitlines()[0]  # the internal report is unchanged
    assert "公示版已写入" in res.output
    # the printed public copy says it is one (held-out 192: its title was the internal one's)
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "a" / "公示_问题清单.xlsx")
    assert all("（公示版）" in str(ws["A1"].value) for ws in book.worksheets)


def test_review_and_screen_mask(tmp_path):
    lists = _shared_account_roster(tmp_path)
    runner.invoke(app, ["audit", str(tmp_path / "roster.xlsx"), *lists, "--out", str(tmp_path / "a")])
    res = runner.invoke(app, ["review", str(tmp_path / "a" / "问题清单.xlsx"), str(tmp_path / "roster.xlsx"), "--mask",
                              "--out", str(tmp_path / "r")])
    assert res.exit_code == 0, res.output
    _assert_public(tmp_path / "r", ["公示_review.csv", "公示_回头看问题清单.xlsx"])
    res = runner.invoke(app, ["screen", str(tmp_path / "roster.xlsx"), *lists, "--mask", "--out", str(tmp_path / "s")])
    assert res.exit_code == 0, res.output
    _assert_public(tmp_path / "s", ["公示_findings.csv", "公示_screening.csv", "公示_新申请核对结果.xlsx"])


@pytest.mark.parametrize("raw, masked", [
    ("身份证 430521199003031313 已核实", "身份证 430521********1313 已核实"),
    ("电话13812345678", "电话138****5678"),
    ("账号 6228480012345678901", "账号 622************8901"),
    ("身份证号码43052119900303131X", "身份证号码430521********131X"),
    ("2026-10-31 前完成", "2026-10-31 前完成"),
    (12, 12),
])
def test_mask_text(raw, masked):
    assert mask_text(raw) == masked


def test_public_frame_masks_by_column_and_drops_sensitive_columns():
    frame = pd.DataFrame({"姓名": ["张三"], "身份证号": ["43052119900303131x"], "银行账号": ["6228 4800 1234 5678 901"],
                          "联系电话": ["138-1234-5678"], "健康状况": ["良好"], "年龄": [36], "_member": [0]})
    out = public_frame(frame)
    assert out.to_dict("records") == [{"姓名": "张三", "身份证号": "430521********131x", "银行账号": "622************8901",
                                       "联系电话": "138****5678"}]


def test_a_persons_rows_alike_once_their_details_are_dropped_are_one_public_row():
    # one man's four homes (C04): the 依据 telling them apart is not public, four identical lines are noise
    frame = pd.DataFrame({"类别代码": ["C04"] * 4, "姓名": ["欧阳振华"] * 4, "身份证号": ["43052119900303131x"] * 4,
                          "依据": ["住房一", "住房二", "门市", "车辆"]})
    assert len(public_frame(frame)) == 1


def test_counts_in_columns_named_after_ids_or_accounts_stay_numbers():
    # a summary sheet's columns are named after the codes: 'D03 身份证号错误', 'D02 多户共用一个银行账号'
    frame = pd.DataFrame({"乡镇": ["城关镇", "合计"], "D03 身份证号错误": [3, 3], "D02 多户共用一个银行账号": [0, 0]})
    assert public_frame(frame).to_dict("list") == frame.to_dict("list")


def test_run_json_masks_the_ids_a_warning_quotes(tmp_path):
    from helpers import make_id

    write_roster(tmp_path / "roster.xlsx", county_q3())
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号", "入监日期", "刑期止日", "状态"])
    others = [make_id(f"1984071{k}", 200 + k) for k in range(3)]  # a status column holding IDs: quoted in a warning
    for name, pid, other in [("王五", WANG, others[0]), ("李四", LI, others[1]), ("路人", make_id("19900101", 301), others[2])]:
        book.active.append([name, pid, "2025-01-01", "2027-12-31", other])
    book.save(tmp_path / "prisoners.xlsx")
    out = tmp_path / "out"
    result = runner.invoke(app, ["audit", str(tmp_path / "roster.xlsx"), "--prisoners", str(tmp_path / "prisoners.xlsx"),
                                 "--as-of", "2026-09-30", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "run.json").read_text(encoding="utf-8")
    assert "状态" in text and others[0][:6] + "********" + others[0][-4:] in text  # the warning is there, masked
    assert not re.findall(r"\d{17}[\dX]", text)


def test_the_manifest_writer_masks_every_text_but_file_digests(tmp_path):
    from rostercheck.io import coverage_report, problem_list, report, review_report, screen_report

    digest = "1" * 64
    report.write_manifest({"warnings": ["“430521198001011236”"], "inputs": [{"sha256": digest, "path": "a.xlsx"}],
                           "options": {"why": {"430521198001011236": "6228480012345678901"}}}, tmp_path / "run.json")
    text = (tmp_path / "run.json").read_text(encoding="utf-8")
    assert digest in text and "430521********1236" in text
    assert not re.findall(r"\d{15}", text.replace(digest, ""))  # neither the ID nor the account
    assert all(not hasattr(m, "write_json") for m in (problem_list, review_report, screen_report, coverage_report))


def test_audit_public_copies_leave_out_the_labour_capacity_leads(tmp_path):
    # held-out 236: screen's and coverage's 公示 leave out the categories whose title states health or labour capacity;
    # audit's listed C08 (法定就业年龄内有劳动能力) by name in 公示_问题清单 and 公示_findings.csv, its townships' copies too
    rows = [r[:11] + ["健康", "普通劳动力"] if r[4] == "张小明" else r for r in county_q3()]
    write_roster(tmp_path / "roster.xlsx", rows)
    res = runner.invoke(app, ["audit", str(tmp_path / "roster.xlsx"), "--as-of", "2026-09-30", "--mask", "--by-township",
                              "--out", str(tmp_path / "a")])
    assert res.exit_code == 0, res.output
    internal = pd.read_csv(tmp_path / "a" / "findings.csv", dtype=str, encoding="utf-8-sig")
    assert "C08" in set(internal["类别代码"])  # (the desk's list keeps the lead)
    public = pd.read_csv(tmp_path / "a" / "公示_findings.csv", dtype=str, encoding="utf-8-sig")
    assert "C08" not in set(public["类别代码"])
    for path in [tmp_path / "a" / "公示_问题清单.xlsx", *(tmp_path / "a" / "乡镇").glob("公示_*.xlsx")]:
        assert not any(name.startswith("C08") for name in openpyxl.load_workbook(path).sheetnames), path.name
    assert any(name.startswith("C08") for name in openpyxl.load_workbook(tmp_path / "a" / "问题清单.xlsx").sheetnames)
