"""Small input files on disk for the workflow tests (review, screen, suppression, public copies)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from helpers import make_id

ROSTER_HEADER = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "家庭人口",
                 "银行账号", "联系电话", "健康状况", "劳动能力"]
LIST_HEADERS = {
    "staff": ["工作单位", "姓名", "身份证号", "人员类别"],
    "deaths": ["姓名", "身份证号", "死亡日期"],
    "vehicles": ["号牌号码", "车辆类型", "所有人", "身份证明号码", "机动车状态"],
}

# Households: (township, village, head name, head id, [(name, relation, id)], account, phone)
ZHANG, ZHANG_WIFE, ZHANG_SON = make_id("19600101", 111), make_id("19620202", 122), make_id("19900303", 131)
LI, LI_WIFE = make_id("19550505", 151), make_id("19560606", 162)
WANG = make_id("19450707", 171)
ZHAO, ZHAO_SON = make_id("19700808", 181), make_id("19950909", 191)


def household(township, village, head, head_id, members=(), account="", phone="", health="良好", labour="无劳动能力"):
    """Return roster rows (lists in ROSTER_HEADER order) for one household."""
    people = [(head, "户主", head_id)] + list(members)
    return [[township, village, head, head_id, name, rel, pid, "农村", len(people), account, phone, health, labour]
            for name, rel, pid in people]


def county_q3() -> list[list]:
    """Four households in two townships: 张 (3 people), 李 (2), 王 (1), 赵 (2)."""
    return (household("城关镇", "东村", "张三", ZHANG, [("李梅", "配偶", ZHANG_WIFE), ("张小明", "子女", ZHANG_SON)],
                      "6228480012345678901", "13812345678")
            + household("城关镇", "西村", "李四", LI, [("刘芳", "配偶", LI_WIFE)], "6228480098765432101", "13987654321")
            + household("河口乡", "南村", "王五", WANG, [], "6228480011112222333", "13700001111")
            + household("河口乡", "北村", "赵六", ZHAO, [("赵小六", "子女", ZHAO_SON)], "6228480044445555666",
                        "13655556666"))


def write_roster(path: Path, rows: list[list], title: str = "清河县2026年第三季度农村低保花名册") -> Path:
    """Write a roster workbook with a title row and one row per member."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "花名册"
    ws.append([title])
    ws.append(ROSTER_HEADER)
    for row in rows:
        ws.append([str(v) if isinstance(v, str) else v for v in row])
    book.save(path)
    return path


def write_list(path: Path, kind: str, rows: list[list]) -> Path:
    """Write a reference list workbook of a kind in LIST_HEADERS."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(LIST_HEADERS[kind])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def all_text(path: Path) -> str:
    """Return every cell of a workbook, or a text file's content, as one string."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        return "\n".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
                         if c is not None)
    return path.read_text(encoding="utf-8-sig")


def write_sheets(path: Path, sheets: list[tuple[str, list[list]]]) -> Path:
    """A workbook of the given sheets, each (name, rows) written as they are."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path
