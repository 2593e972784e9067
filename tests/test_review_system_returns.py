"""review on problem lists townships return from their own system (h440): the system's columns first, 整改状态 as codes."""
import openpyxl
import pandas as pd
import pytest
from filebuild import LI, ZHANG, county_q3, write_roster
from test_review import _audit, runner

from rostercheck.cli import app
from rostercheck.io.ledger import read_previous

_SYSTEM = ["系统序号", "行政区划代码", "任务编号", "核查人员", "核查人员身份证号"]
_CHECKER = "430525198805123418"


@pytest.mark.parametrize("under, column, read", [
    # must read: the legend typed under the table lands in the system's first column, which the ledger does not carry
    ("注：整改状态 1-已整改 2-整改中 3-不属实", 0, ["已整改", "不属实"]),
    ("整改状态代码：1已整改，2整改中，3不属实", 0, ["已整改", "不属实"]),
    ("注：整改状态 1-已整改 2-整改中 3-不属实", 2, ["已整改", "不属实"]),
    # a carried column (村) held it before as well
    ("注：整改状态 1-已整改 2-整改中 3-不属实", 6, ["已整改", "不属实"]),
    # must not read: a line that is no legend leaves the codes unread (and said)
    ("填报人：周立军  填报日期：2026年10月8日", 0, ["1", "3"]),
    ("注：1-男 2-女", 0, ["1", "3"]),
])
def test_a_legend_under_a_system_export_in_a_column_of_its_own_is_read(tmp_path, under, column, read):
    # h440: a township system's return (系统序号 … 核查人员身份证号 before the audit's columns) with 整改状态 1/2/3 and
    # '注：整改状态 1-已整改 2-整改中 3-不属实' typed under the table in 系统序号: the row was dropped as blank before its
    # text was read, so every 3 (不属实) stayed a code, counted as nothing written (76/86 statuses right → 86/86)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "整改台账"
    ws.append(_SYSTEM + ["村", "类别代码", "姓名", "身份证号", "整改状态"])
    ws.append(["ZG000001", "430525100", "RW2026Q3-01", "周立军", _CHECKER, "东门社区", "C02", "张三", ZHANG, 1])
    ws.append(["ZG000002", "430525100", "RW2026Q3-01", "周立军", _CHECKER, "东门社区", "C04", "李四", LI, 3])
    ws.append([])
    line = [""] * 10
    line[column] = under
    ws.append(line)
    book.save(tmp_path / "城关镇_整改台账.xlsx")
    prev = read_previous(tmp_path / "城关镇_整改台账.xlsx")
    said = " ".join(prev.attrs["notes"])
    assert list(prev["整改状态"]) == read and list(prev["姓名"]) == ["张三", "李四"]
    assert ("按工作簿中的说明读取" in said) == (read[0] == "已整改")
    assert ("未找到这些代码的含义" in said) == (read[0] == "1")


def test_a_legend_under_a_system_csv_return_is_read(tmp_path):
    # h440 (RH): the same return as a GBK CSV, the legend on the line after the table
    path = tmp_path / "城关镇_整改台账.csv"
    path.write_bytes((",".join(_SYSTEM + ["类别代码", "姓名", "身份证号", "整改状态"]) + "\n"
                      f"ZG000001,430525100,RW2026Q3-01,周立军,{_CHECKER},C02,张三,{ZHANG},2\n"
                      f"ZG000002,430525100,RW2026Q3-01,周立军,{_CHECKER},C04,李四,{LI},3\n"
                      "\n注：整改状态 1-已整改 2-整改中 3-不属实\n").encode("gbk"))
    prev = read_previous(path)
    assert list(prev["整改状态"]) == ["整改中", "不属实"]


@pytest.mark.parametrize("header, returned", [
    # must be a return: the audit's 类别名称 kept, its 类别代码 dropped, 户主姓名 beside (h440: read as the roster)
    (_SYSTEM + ["村", "类别名称", "姓名", "身份证号", "户主姓名", "户主身份证号", "问题描述", "核实情况", "整改状态"], True),
    (["类别名称", "户主姓名", "姓名", "身份证号", "整改状态（1已整改 2整改中 3不属实）"], True),
    # must not: a roster with a remark column, and a roster with no township's column at all
    (["户主姓名", "姓名", "身份证号", "保障类别", "月保障金", "整改情况"], False),
    (["户主姓名", "姓名", "身份证号", "类别名称", "月保障金"], False),
])
def test_a_system_return_without_its_category_codes_is_a_return(tmp_path, header, returned):
    from rostercheck.classify import is_returned_list

    path = tmp_path / "t.csv"
    path.write_text(",".join(header) + "\n" + ",".join("x" for _ in header) + "\n", encoding="utf-8")
    assert is_returned_list(path) is returned


def test_returns_without_category_codes_are_all_read_as_returns_not_as_this_quarters_roster(tmp_path):
    # h440 (RI): six townships' system returns keeping 类别名称 and 户主姓名, no 类别代码 nor 证据指纹, given alone before
    # the roster: the first was the problem list, the other five this quarter's rosters (their people 仍在新花名册中)
    out = _audit(tmp_path, county_q3())
    rows = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    towns = sorted(set(rows["乡镇"]))
    assert len(towns) == 2
    for town in towns:
        part = rows[rows["乡镇"] == town]
        pd.DataFrame({"系统序号": [f"ZG{i:06d}" for i in range(len(part))], "核查人员身份证号": _CHECKER,
                      "类别名称": part["类别名称"], "姓名": part["姓名"], "身份证号": part["身份证号"],
                      "户主姓名": part["户主姓名"], "户主身份证号": part["户主身份证号"], "问题描述": part["依据"],
                      "整改状态（1已整改 2整改中 3不属实）": "3"}).to_excel(tmp_path / f"{town}_整改台账.xlsx", index=False)
    q4 = write_roster(tmp_path / "q4.xlsx", county_q3(), "清河县2026年第四季度农村低保花名册")
    res = runner.invoke(app, ["review", *(str(tmp_path / f"{t}_整改台账.xlsx") for t in towns), str(q4),
                                 "--as-of", "2026-12-31", "--out", str(tmp_path / "rv")])
    assert res.exit_code == 0, res.output
    reviewed = pd.read_csv(tmp_path / "rv" / "review.csv", dtype=str, encoding="utf-8-sig")
    assert len(reviewed) == len(rows) and set(reviewed["乡镇"]) == set(towns)
    assert set(reviewed["整改状态"]) == {"核实无问题"}  # all still enrolled, every township said 3 不属实



@pytest.mark.parametrize("name, rows, read", [
    # must read: a system's 代码说明 beside its CSV returns, or one named after the return
    ("代码说明.csv", [["字段", "代码", "含义"], ["整改状态", "1", "已整改"], ["整改状态", "2", "整改中"],
                     ["整改状态", "3", "不属实"]], ["整改中", "不属实"]),
    ("城关镇_整改台账_代码表.csv", [["字段", "代码", "含义"], ["整改状态", "1", "已整改"], ["整改状态", "2", "整改中"],
                              ["整改状态", "3", "不属实"]], ["整改中", "不属实"]),
    # must not: a legend of another column, or a file not named as a code table
    ("代码说明.csv", [["字段", "代码", "含义"], ["人员状态", "1", "正常"], ["人员状态", "2", "停保"],
                     ["人员状态", "3", "死亡"]], ["2", "3"]),
    ("河口乡_整改台账.csv", [["字段", "代码", "含义"], ["整改状态", "1", "已整改"], ["整改状态", "2", "整改中"],
                        ["整改状态", "3", "不属实"]], ["2", "3"]),
])
def test_a_csv_returns_codes_are_read_by_the_code_table_beside_it(tmp_path, name, rows, read):
    # h440 (RJ): six townships' GBK CSV returns, 整改状态 1/2/3, the system's 代码说明.csv beside them: the codes were said
    # unread and every 3 (不属实) counted as nothing written (76/86 statuses → 86/86)
    path = tmp_path / "城关镇_整改台账.csv"
    path.write_bytes((",".join(_SYSTEM + ["类别代码", "姓名", "身份证号", "整改状态"]) + "\n"
                      f"ZG000001,430525100,RW2026Q3-01,周立军,{_CHECKER},C02,张三,{ZHANG},2\n"
                      f"ZG000002,430525100,RW2026Q3-01,周立军,{_CHECKER},C04,李四,{LI},3\n").encode("gbk"))
    (tmp_path / name).write_bytes("\n".join(",".join(r) for r in rows).encode("gbk"))
    prev = read_previous(path)
    said = " ".join(prev.attrs["notes"])
    assert list(prev["整改状态"]) == read
    assert (f"按代码表文件《{name}》读取" in said) == (read[0] == "整改中")


@pytest.mark.parametrize("own, head, read", [
    # must read: a system's spellings of the IDs (h440 RK: refused, "不是问题清单", the review stopped)
    ("证件号码", "户主证件号码", True),
    ("公民身份证号", "户主公民身份号码", True),
    ("身份证件号码", "户主身份证件号码", True),
    # must not: the checker's 证件号码 is no person's of the list
    ("核查人员证件号码", "户主证件号码", False),
])
def test_a_system_returns_id_spellings_are_its_ids(tmp_path, own, head, read):
    path = tmp_path / "城关镇_整改台账.csv"
    path.write_text(",".join(["系统序号", "类别代码", "姓名", own, "户主姓名", head, "整改状态"]) + "\n"
                    f"ZG000001,C02,张三,{ZHANG},张三,{ZHANG},已整改\n", encoding="utf-8")
    if read:
        prev = read_previous(path)
        assert list(prev["身份证号"]) == [ZHANG] and list(prev["户主身份证号"]) == [ZHANG]
    else:
        prev = read_previous(path)  # read by 户主身份证号 + 姓名; the checker's column carried as the township's own
        assert list(prev["身份证号"]) == [""] and list(prev["户主身份证号"]) == [ZHANG]


@pytest.mark.parametrize("header, cells, read, carried", [
    # must read: the system's code column of the status, its legend in the header (h440: carried as the township's own
    # column, every row taken as unfilled)
    (["整改状态代码（1已整改 2整改中 3不属实）"], [["1"], ["3"]], ["已整改", "不属实"], []),
    (["整改结果代码（1已整改 2整改中 3不属实）"], [["1"], ["3"]], ["已整改", "不属实"], []),
    # must not: beside a 整改状态 in words, the code column is the township's own and the words are the status
    (["整改状态代码", "整改状态"], [["1", "整改中"], ["3", "不属实"]], ["整改中", "不属实"], ["整改状态代码（乡镇添加）"]),
])
def test_a_status_code_column_is_the_status_unless_its_words_stand_beside_it(tmp_path, header, cells, read, carried):
    path = tmp_path / "城关镇_整改台账.csv"
    path.write_text(",".join(["系统序号", "类别代码", "姓名", "身份证号", *header]) + "\n"
                    + "".join(f"ZG{k},C0{k + 2},{name},{pid},{','.join(c)}\n"
                              for k, (name, pid, c) in enumerate([("张三", ZHANG, cells[0]), ("李四", LI, cells[1])])),
                    encoding="utf-8")
    prev = read_previous(path)
    assert list(prev["整改状态"]) == read
    assert [c for c in prev.columns if c.endswith("（乡镇添加）") and c != "系统序号（乡镇添加）"] == carried
