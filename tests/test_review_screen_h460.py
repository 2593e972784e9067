"""review and screen on a system-export county (h460: 汶上县 370830, 家庭信息 + 家庭成员信息 joined by 家庭编号, codes
explained in a folder's 数据字典.xlsx, township returns retyped and re-coded, coded applications with 代办人 columns)."""

from __future__ import annotations

import pytest
from helpers import make_id, workbook

from rostercheck.classify import classify_file

HEAD = make_id("19600101", 111, "370830")
HH = ["家庭编号", "所属乡镇", "所属村（社区）", "户主姓名", "户主身份证号", "保障类别", "家庭人口", "月保障金"]
MEM = ["家庭编号", "成员姓名", "证件类型", "证件号码", "性别", "与户主关系"]
DICTIONARY = [("保障类别", "01", "城市低保"), ("保障类别", "02", "农村低保"), ("性别", "1", "男"), ("性别", "2", "女"),
              ("与户主关系", "02", "户主"), ("与户主关系", "10", "配偶")]


# A folder's 数据字典 is said to be the rosters' code table whatever its last row names (h460: its last row, 证件类型 | 1 |
# 居民身份证, names a roster column, and the file was said to be a roster "只有表头、没有数据行（空白模板？）" in the audit's,
# review's and screen's file tables while its codes were read for the roster beside it)
@pytest.mark.parametrize("last_rows", [
    [("证件类型", "1", "居民身份证")],                                  # must be said to be a code table (was 空白模板)
    [("证件类型", "1", "居民身份证"), ("审批状态", "1", "待审核")],    # said so before too
    [],
])
def test_a_folders_dictionary_naming_a_roster_column_is_said_to_be_its_code_table(tmp_path, last_rows):
    workbook(tmp_path / "汶上县救助对象信息_2026年9月.xlsx",
             [("家庭信息", HH, [["WS0001", "370830100", "370830100200", "张三", HEAD, "02", 1, 516]]),
              ("家庭成员信息", MEM, [["WS0001", "张三", "1", HEAD, "1", "02"]])])
    path = workbook(tmp_path / "数据字典.xlsx", [("数据字典", ["字段名称", "代码", "代码名称"], DICTIONARY + last_rows)])
    place = classify_file(path)
    assert place.kind is None and place.code_table, place.why
    assert "代码说明表" in place.why and "空白模板" not in place.why
