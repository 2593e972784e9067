"""review: a 整改系统's return naming its people by the group row — 户主信息 | 问题对象 (or 经办信息 first) each over bare
姓名 | 身份证号 — as .xlsx with merged groups or as a GBK CSV writing each group once (h454)."""
import csv
import datetime as dt

import openpyxl
import pytest

from rostercheck.review import review


def _id(birth: str, seq: int) -> str:
    s17 = f"340828{birth}{seq:03d}"
    return s17 + "10X98765432"[sum(int(a) * w for a, w in zip(s17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
                               % 11]


HEADS = [_id(f"19{50 + k}0{k % 9 + 1}1{k % 9}", 11 + 2 * k) for k in range(6)]
WIVES = [_id(f"19{60 + k}0{k % 9 + 1}2{k % 9}", 22 + 2 * k) for k in range(6)]
HEAD_NAMES = ["程华德", "李二明", "李三明", "李四明", "李五明", "李六明"]
WIFE_NAMES = ["林华英", "王二芳", "王三芳", "王四芳", "王五芳", "王六芳"]
EVIDENCE = "《死亡人员名单.xlsx》工作表“Sheet1”第 5 行：林华英，死亡日期 2026-04-12；身份证号一致"
CLERK = ("王经办", _id("19850312", 17))
TITLE = "岳西县2026年第二季度问题整改台账（整改系统导出）"


def _roster(path, wife_listed: bool):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "月保障金"])
    for k, head in enumerate(HEADS):
        ws.append(["五河镇", "中山村", HEAD_NAMES[k], head, HEAD_NAMES[k], "户主", head, "农村", 1032])
        if k or wife_listed:
            ws.append(["五河镇", "中山村", HEAD_NAMES[k], head, WIFE_NAMES[k], "配偶", WIVES[k], "农村", 1032])
    book.save(path)
    return path


def _return(tmp_path, shape: str):
    """The township's return: 户主信息 and 问题对象 over bare 姓名 | 身份证号 ('head'), or 经办信息 over the clerk's bare
    姓名 | 身份证号 before the finding's own ('clerk'); merged (.xlsx) or each group written once (.csv)."""
    clerk = shape.startswith("clerk")
    if clerk:
        groups = ["序号", "经办信息", "", "问题信息", "", "", "", "", "", "", "", "整改情况", ""]
        labels = ["序号", "姓名", "身份证号", "类别代码", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "问题描述",
                  "整改结果", "核实情况"]
        row = [1, *CLERK, "C02", "五河镇", "中山村", HEAD_NAMES[0], HEADS[0], WIFE_NAMES[0], WIVES[0], EVIDENCE, "已整改",
               "已入户核实"]
        spans = [(2, 3), (4, 11), (12, 13)]
    else:
        groups = ["序号", "问题信息", "", "", "户主信息", "", "问题对象", "", "问题信息", "整改情况", ""]
        labels = ["序号", "类别代码", "乡镇", "村", "姓名", "身份证号", "姓名", "身份证号", "问题描述", "整改结果", "核实情况"]
        row = [1, "C02", "五河镇", "中山村", HEAD_NAMES[0], HEADS[0], WIFE_NAMES[0], WIVES[0], EVIDENCE, "已整改", "已入户核实"]
        spans = [(2, 4), (5, 6), (7, 8), (10, 11)]
    if shape.endswith("csv"):
        path = tmp_path / "五河镇_整改台账.csv"
        with open(path, "w", encoding="gbk", newline="") as f:
            csv.writer(f).writerows([[TITLE], ["" if g == "序号" else g for g in groups], labels, row])
        return path
    book = openpyxl.Workbook()
    ws = book.active
    for r in ([TITLE], [g or None for g in groups], labels, row):
        ws.append(r)
    ws.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    for a, b in spans:
        ws.merge_cells(start_row=2, start_column=a, end_row=2, end_column=b)
    path = tmp_path / "五河镇_整改台账.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("shape", ["head-xlsx", "head-csv", "clerk-xlsx", "clerk-csv"])
@pytest.mark.parametrize("wife_listed, status", [
    # must not flag: the dead wife's row is gone, her husband (the head) stays
    (False, "已整改"),
    # must flag: she is still listed
    (True, "未整改"),
])
def test_a_return_names_the_finding_by_its_person_not_the_head_or_the_clerk(tmp_path, shape, wife_listed, status):
    # h454: the first 姓名 | 身份证号 — the head's under 户主信息, or the clerk's under 经办信息 — were read as the finding's
    # person: the wife's C02 judged by her husband, still enrolled, 未整改
    res = review(_return(tmp_path, shape), [_roster(tmp_path / "q3.xlsx", wife_listed)], dt.date(2026, 9, 30))
    assert len(res.rows) == 1
    row = res.rows.iloc[0]
    assert (row["姓名"], row["身份证号"], row["户主姓名"], row["户主身份证号"]) == (WIFE_NAMES[0], WIVES[0], HEAD_NAMES[0],
                                                                                HEADS[0])
    assert row["整改状态"] == status, row["说明"]
