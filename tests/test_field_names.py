"""Headers written as field codes, read through the workbook's data dictionary (io.field_names; held-out 381)."""

import openpyxl
import pandas as pd
import pytest

from helpers import make_id
from rostercheck.errors import InputFileError
from rostercheck.io.table import load_table

DECOY, OWN = make_id("19700101", 111), make_id("19600101", 121)


def book(path, header, rows, dictionary=None, sheet="数据字典", dictionary_header=("字段代码", "字段名称")):
    wb = openpyxl.Workbook()
    wb.active.title = "导出数据"
    wb.active.append(header)
    for r in rows:
        wb.active.append(r)
    if dictionary is not None:
        d = wb.create_sheet(sheet)
        d.append(list(dictionary_header))
        for code, name in dictionary:
            d.append([code, name])
    wb.save(path)
    return path


# (kind, coded header, the dictionary, the row, field → value read)
CASES = [
    # the personnel sets' A0101 / A0184, a contact's ID (Z0184) before the cadre's own
    ("cadres", ["Z0101", "Z0184", "A0101", "A0184", "A0215"],
     [("Z0101", "联系人姓名"), ("Z0184", "联系人身份证号"), ("A0101", "姓名"), ("A0184", "公民身份号码"), ("A0215", "职务")],
     ["李联系", DECOY, "张三", OWN, "村主任"], {"id": OWN, "name": "张三"}),
    # the social-insurance AAC/AAE codes, a payee's ID and an account balance before the pensioner's ID and pension
    ("pensions", ["AAE135", "AIC090", "AAC003", "AAC002", "AIC166", "AAE116"],
     [("AAE135", "代发人身份证号"), ("AIC090", "个人账户累计储存额"), ("AAC003", "姓名"), ("AAC002", "社会保障号码"),
      ("AIC166", "月养老金"), ("AAE116", "发放状态")],
     [DECOY, "86000", "张三", OWN, "3200", "正常"], {"id": OWN, "name": "张三"}),
    # a guardian's ID (Z0302) before the person's (A0184), codes written in lower case
    ("roster", ["b0201", "z0301", "z0302", "a0101", "a0184"],
     [("B0201", "乡镇"), ("Z0301", "监护人姓名"), ("Z0302", "监护人身份证号"), ("A0101", "姓名"), ("A0184", "公民身份号码")],
     ["城关镇", "李监护", DECOY, "张三", OWN], {"id": OWN, "name": "张三"}),
]


@pytest.mark.parametrize("kind, header, dictionary, row, expected", CASES, ids=[c[0] for c in CASES])
def test_a_header_of_field_codes_is_read_through_the_data_dictionary(tmp_path, kind, header, dictionary, row, expected):
    table = load_table(book(tmp_path / "导出.xlsx", header, [row], dictionary), kind)
    frame = table.frame
    for fld, value in expected.items():
        assert frame[fld].tolist() == [value], fld
    assert any("数据字典" in n and "字段代码" in n for n in table.warnings)
    assert not any("未作为数据读取" in n for n in table.warnings)


def test_a_dictionary_of_more_columns_in_another_order(tmp_path):
    # 序号 | 中文名称 | 字段名 | 数据类型 | 长度: the name before its code, a type (VARCHAR2) after it
    path = tmp_path / "导出.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["AAE135", "AAC003", "AAC002", "AIC166"])
    wb.active.append([DECOY, "张三", OWN, "3200"])
    d = wb.create_sheet("字段说明")
    d.append(["序号", "中文名称", "字段名", "数据类型", "长度"])
    for k, (name, code) in enumerate([("代发人身份证号", "AAE135"), ("姓名", "AAC003"), ("社会保障号码", "AAC002"),
                                      ("月养老金", "AIC166")], 1):
        d.append([k, name, code, "VARCHAR2", 18])
    wb.save(path)
    frame = load_table(path, "pensions").frame
    assert frame["id"].tolist() == [OWN] and frame["name"].tolist() == ["张三"]


def test_without_the_dictionary_a_header_of_codes_is_refused(tmp_path):
    header, dictionary, row = CASES[0][1:4]
    with pytest.raises(InputFileError):
        load_table(book(tmp_path / "导出.xlsx", header, [row]), "cadres")


def test_a_value_code_table_names_no_column(tmp_path):
    # a 代码 | 名称 table of vehicle types (K33 小型轿车) speaks of no fields: a header of its codes stays unread
    header = ["K33", "H31", "M21"]
    path = book(tmp_path / "车.xlsx", header, [["张三", OWN, "K33"]], [("K33", "姓名"), ("H31", "身份证号"), ("M21", "车辆类型")],
                sheet="代码表", dictionary_header=("代码", "名称"))
    with pytest.raises(InputFileError):
        load_table(path, "vehicles")


def test_a_data_row_holding_a_few_codes_is_no_header(tmp_path):
    # the dictionary's codes met in a data row among words are values, never renamed
    header = ["姓名", "身份证号", "车辆类型", "使用性质", "号牌号码", "机动车状态"]
    path = book(tmp_path / "车.xlsx", header, [["张三", OWN, "K33", "A", "湘A12345", "A"]],
                [("K33", "小型轿车"), ("A", "非营运"), ("XM", "姓名")], sheet="字段及代码说明")
    frame = load_table(path, "vehicles").frame
    assert frame["vehicle_type"].tolist() == ["K33"] and frame["name"].tolist() == ["张三"]


def test_a_dictionary_in_a_file_named_after_the_list(tmp_path):
    # a system exports the dictionary beside the list (村干部名单_数据字典.xlsx): it names the list's coded header; a file
    # named after no list names none
    kind, header, dictionary, row, expected = CASES[0]
    path = book(tmp_path / "村干部名单.xlsx", header, [row])
    book(tmp_path / "村干部名单_数据字典.xlsx", ["字段", "字段名称"], dictionary)
    table = load_table(path, kind)
    assert table.frame["id"].tolist() == [OWN]
    assert any("《村干部名单_数据字典.xlsx》" in n for n in table.warnings)
    (tmp_path / "其他").mkdir()
    other = book(tmp_path / "其他" / "干部.xlsx", header, [row])
    book(tmp_path / "其他" / "数据字典.xlsx", ["字段", "字段名称"], dictionary)
    with pytest.raises(InputFileError):
        load_table(other, kind)


@pytest.mark.parametrize("beside", [False, True])
def test_a_folders_coded_list_is_taken_as_its_kind(tmp_path, beside):
    # a folder's classification reads the dictionary too (in the workbook, or in a file named after it)
    from rostercheck.classify import classify_file

    kind, header, dictionary, row, _expected = CASES[1]
    rows = [row, [make_id("19500101", 131), "1200", "李四", make_id("19500101", 141), "2100", "正常"]]
    if beside:
        path = book(tmp_path / "养老金发放.xlsx", header, rows)
        book(tmp_path / "养老金发放_数据字典.xlsx", ["字段代码", "中文名称"], dictionary)
    else:
        path = book(tmp_path / "养老金发放.xlsx", header, rows, dictionary)
    assert classify_file(path).kind == kind


def test_a_csv_list_and_its_csv_dictionary(tmp_path):
    kind, header, dictionary, row, _expected = CASES[1]
    (tmp_path / "养老金发放.csv").write_text("\n".join(",".join(r) for r in [header, row]) + "\n", encoding="gbk")
    (tmp_path / "养老金发放_数据字典.csv").write_text(
        "\n".join(",".join(r) for r in [("字段代码", "中文名称"), *dictionary]) + "\n", encoding="gbk")
    table = load_table(tmp_path / "养老金发放.csv", kind)
    assert table.frame["id"].tolist() == [OWN]
    assert any("（《养老金发放_数据字典.csv》）" in n for n in table.warnings)


def test_a_folders_list_dictionary_named_after_it_is_no_list(tmp_path):
    # held-out 382: 防返贫监测对象_数据字典.xlsx, liked for its file name alone, was a second monitoring list (the run
    # stopped: two files of one kind), and 特困人员名册_数据字典.xlsx a roster (or, unread, a roster left out)
    from rostercheck.classify import classify_file

    kind, header, dictionary, row, _expected = CASES[1]
    for stem in ("防返贫监测对象", "特困人员名册"):
        book(tmp_path / f"{stem}.xlsx", header, [row])
        place = classify_file(book(tmp_path / f"{stem}_数据字典.xlsx", ["字段代码", "中文名称"], dictionary))
        assert place.kind is None and place.code_table, stem
        assert f"《{stem}.xlsx》" in place.why


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_streamed_list_and_its_csv_dictionary(tmp_path, monkeypatch, suffix):
    # h391: a deaths list of 16 MB or more (read by DuckDB, never through read_file) with a header of AAC codes and
    # 死亡人员名单_数据字典.csv beside it stopped the run ("找不到表头"); filtered and whole, it reads as a small one does
    # (a Parquet file's columns still queried by their stored names)
    from rostercheck import bulk

    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    path = tmp_path / f"死亡人员名单{suffix}"
    if suffix == ".csv":
        path.write_text(f"AAE135,AAC003,AAC002,AAE138\n{DECOY},张三,{OWN},2026-05-01\n", encoding="utf-8")
    else:
        pd.DataFrame({"AAE135": [DECOY], "AAC003": ["张三"], "AAC002": [OWN], "AAE138": ["2026-05-01"]}).to_parquet(path)
    (tmp_path / "死亡人员名单_数据字典.csv").write_text(
        "字段代码,字段名称\nAAE135,代办人身份证号\nAAC003,姓名\nAAC002,公民身份号码\nAAE138,死亡日期\n", encoding="utf-8")
    assert bulk.streams(path)
    keys = bulk.key_set([pd.DataFrame({"id": [OWN], "id_status": ["valid"], "id_reliable": [True], "name_key": ["张三"]})])
    with bulk.Streamer(keys) as streamer:
        tables = [streamer.load(path, "deaths"), bulk.load_whole(path, "deaths")]
    for table in tables:
        assert table.frame["id"].tolist() == [OWN] and table.frame["name"].tolist() == ["张三"]
        assert any("（《死亡人员名单_数据字典.csv》）" in n for n in table.warnings)


@pytest.mark.parametrize("big", [False, True, "parquet"])
def test_a_folders_coded_csv_list_is_taken_as_its_kind(tmp_path, monkeypatch, big):
    # h391: a folder's CSV list with a header of codes and its CSV dictionary beside it was "表头中没有…应有的列", skipped
    # (the peek at a text file read no dictionary), whole or cut to its first rows
    from rostercheck import classify

    if big:
        monkeypatch.setattr(classify, "PEEK_BYTES", 200)
    kind, header, dictionary, row, _expected = CASES[1]
    rows = [header, row] + [[make_id("19500101", 131), "1200", "李四", make_id("19500101", 141 + k), "2100", "正常"]
                            for k in range(20)]
    (tmp_path / "养老金发放.csv").write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    (tmp_path / "养老金发放_数据字典.csv").write_text(
        "\n".join(",".join(r) for r in [("字段代码", "中文名称"), *dictionary]) + "\n", encoding="utf-8")
    if big == "parquet":
        pd.DataFrame(rows[1:], columns=header).to_parquet(tmp_path / "养老金发放.parquet")
        (tmp_path / "养老金发放.csv").unlink()
    assert classify.classify_file(next(tmp_path.glob("养老金发放.[cp]*"))).kind == kind
