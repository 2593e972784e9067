"""review: a township's retyped return, given alone, with one person's D01 as a 低保 row and a 特困 row (h445)."""
import datetime as dt

import openpyxl
import pytest

from rostercheck.review import review

CHEN = "411330196008272174"
WIFE = "411330196205143520"


def _return(path, rows):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["固县镇2026年第三季度问题整改台账"])
    ws.append(["序号", "乡镇", "村", "姓名", "身份证号", "保障类别", "问题类别", "整改情况", "整改结果", "整改完成时间"])
    for k, r in enumerate(rows, 1):
        ws.append([k, "固县镇", "固县村", *r])
    book.save(path)
    return path


def _rosters(tmp_path, tekun: bool):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "月保障金"])
    ws.append(["固县镇", "固县村", "陈辰弘", CHEN, "陈辰弘", "户主", CHEN, "农村", 516])
    ws.append(["固县镇", "固县村", "陈辰弘", CHEN, "王秀兰", "配偶", WIFE, "农村", 516])
    book.save(tmp_path / "低保花名册.xlsx")
    paths = [tmp_path / "低保花名册.xlsx"]
    if tekun:
        (tmp_path / "特困人员名册.csv").write_text(
            "乡镇,村,姓名,身份证号,供养方式,月供养标准\n" + (f"固县镇,固县村,陈辰弘,{CHEN},分散,1576\n"), encoding="utf-8")
        paths.append(tmp_path / "特困人员名册.csv")
    return paths


@pytest.mark.parametrize("first, second, statuses", [
    # must stay two findings: the 低保 row and the 特困 row of one person's D01, filled alike but for their dates
    (["陈辰弘", CHEN, "低保", "D01", "已清退低保，保留特困", "已整改", "11月28日"],
     ["陈辰弘", CHEN, "特困", "D01", "已清退低保，保留特困", "已整改", "11月20日"], ["未整改", "未整改"]),
    (["陈辰弘", CHEN, "低保", "D01", "正在整改", "整改中", ""],
     ["陈辰弘", CHEN, "特困", "重复享受（同一人多户或低保与特困重复）", "正在整改", "整改中", ""], ["未整改", "未整改"]),
])
def test_one_persons_d01_of_two_programmes_in_a_retyped_return_is_two_findings(tmp_path, first, second, statuses):
    path = _return(tmp_path / "固县镇整改台账.xlsx", [first, second])
    res = review([path], _rosters(tmp_path, tekun=True), dt.date(2026, 12, 31))
    assert sorted(res.rows["保障类别"]) == ["低保", "特困"]
    assert list(res.rows["整改状态"]) == statuses
    assert not any("填写的不一样" in w for w in res.warnings)


def test_a_d01_row_typed_twice_is_still_one_finding(tmp_path):
    # must not split: the same 低保 row of the D01 typed twice is one finding (said twice)
    row = ["陈辰弘", CHEN, "低保", "D01", "已清退低保，保留特困", "已整改", "11月28日"]
    path = _return(tmp_path / "固县镇整改台账.xlsx", [row, row])
    res = review([path], _rosters(tmp_path, tekun=False), dt.date(2026, 12, 31))
    assert len(res.rows) == 1
