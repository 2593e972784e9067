"""A quarter's folder as input: each file taken as the right kind from its headers, explicit options winning."""

from __future__ import annotations

import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from rostercheck.classify import classify_file, classify_folder, gather, kinds
from rostercheck.cli import app
from rostercheck.errors import InputFileError, UsageError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples"))
from helpers import COUNTY, COUNTY_LISTS, COUNTY_ROSTERS  # noqa: E402
import coded  # noqa: E402

CODED = ROOT / "samples" / "county-coded"
AS_OF = "2026-09-30"


def _expected(rosters: list[str], lists: dict[str, str]) -> dict[str, str]:
    return {**{r: "roster" for r in rosters}, **{name: kind for kind, name in lists.items()}}


def _taken(folder: Path) -> dict[str, str | None]:
    return {p.path.name: p.kind for p in classify_folder(folder)}


@pytest.mark.parametrize("folder, rosters, lists", [
    (COUNTY, COUNTY_ROSTERS, COUNTY_LISTS),
    (CODED, coded.CODED_ROSTERS, coded.CODED_LISTS),
], ids=["worded", "coded"])
def test_every_sample_file_is_taken_as_its_kind(folder, rosters, lists):
    taken = _taken(folder)
    expected = _expected(rosters, lists)
    if (folder / "停保名单.xlsx").exists():  # the money sieve's exit list (--exits)
        expected["停保名单.xlsx"] = "exits"
    assert {n: k for n, k in taken.items() if k} == expected
    # truth files are tables of no kind, and sub-folders are not entered: both listed and skipped
    assert {n for n, k in taken.items() if k is None} == ({p.name for p in folder.glob("truth*.csv")}
                                                          | {p.name for p in folder.iterdir() if p.is_dir()})


@pytest.mark.parametrize("folder, rosters, lists", [
    (COUNTY, COUNTY_ROSTERS, COUNTY_LISTS),
    (CODED, coded.CODED_ROSTERS, coded.CODED_LISTS),
], ids=["worded", "coded"])
def test_file_names_are_not_needed(tmp_path, folder, rosters, lists):
    """Renamed to neutral names, every file is still taken as its kind from its columns."""
    names = {}
    for i, (name, kind) in enumerate(sorted(_expected(rosters, lists).items())):
        target = tmp_path / f"file{i:02d}{Path(name).suffix}"
        shutil.copy(folder / name, target)
        names[target.name] = kind
    assert _taken(tmp_path) == names


@pytest.fixture(scope="module")
def decoy_folder(tmp_path_factory):
    """The sample county with clerk, contact and other-attribute columns before the real ones."""
    import generate

    base = tmp_path_factory.mktemp("generated")
    assert generate.main(["--out", str(base / "county"), "--forms", "worded,decoy"]) == 0
    return base / "county-decoy"


def test_decoy_columns_do_not_mislead(decoy_folder):
    import decoy

    taken = _taken(decoy_folder)
    assert {n: k for n, k in taken.items() if k} == _expected(decoy.DECOY_ROSTERS, decoy.DECOY_LISTS)


@pytest.mark.parametrize("name, header, row", [
    ("低保资金统计表.xlsx", ["乡镇", "户数", "人数", "发放金额"], ["城关镇", 24, 60, 30000]),
    ("城关镇9月发放清册.xlsx", ["村", "户主姓名", "保障人口", "发放金额", "领取人签字"], ["东村", "张三", 3, 1032, ""]),
    ("低保资金拨付表.xlsx", ["乡镇", "拨付月份", "拨付金额(元)"], ["城关镇", "2026年9月", 30000]),
])
def test_a_money_summary_naming_no_payee_is_no_payment_ledger(tmp_path, name, header, row):
    # held-out 101: taken for a ledger in a folder, then refused (exit 3: no ID column), which stopped the whole run
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["2026年第三季度低保资金" + name[:-5]])
    ws.append(header)
    ws.append(row)
    book.save(tmp_path / name)
    assert classify_file(tmp_path / name).kind is None


def test_a_filing_table_under_a_two_row_header_is_the_filing_table(tmp_path):
    # held-out 111: 干部（经办人员）信息 and 近亲属信息 over 姓名/身份证号 each: read by the lower row alone, the file was a
    # second cadre list (职务), the folder refused, and --cadres left RQ1 unchecked
    import openpyxl

    from rostercheck.io.table import load_table

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["内乡县低保经办人员和村（居）干部近亲属享受低保备案登记表"])
    ws.append(["序号", "干部（经办人员）信息", None, None, None, "近亲属信息", None, None, None])
    ws.merge_cells("B2:E2")
    ws.merge_cells("F2:I2")
    ws.append([None, "姓名", "身份证号", "村（社区）", "职务", "姓名", "身份证号", "与干部关系", "享受类别"])
    ws.append([1, "王五", _IDS[1], "张湾村", "村委会主任", "张三丰", _IDS[0], "父亲", "低保"])
    book.save(tmp_path / "备案表.xlsx")
    assert classify_file(tmp_path / "备案表.xlsx").kind == "cadre_relatives"
    table = load_table(tmp_path / "备案表.xlsx", "cadre_relatives")
    row = table.frame.iloc[0]
    assert (row["cadre_name"], row["cadre_id"], row["name"], row["id"], row["relation"]) == ("王五", _IDS[1], "张三丰", _IDS[0], "父亲")


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8-sig")
    return path


_IDS = ["430527195003041234", "430527196101011235", "43052719720203123X"]


def test_a_file_that_could_be_two_kinds_is_an_error_naming_both_options(tmp_path):
    path = _csv(tmp_path / "data.csv", ["姓名", "身份证号", "死亡日期", "号牌号码"],
                [["张三", i, "2026-01-02", "湘A12345"] for i in _IDS])
    with pytest.raises(UsageError) as err:
        classify_file(path)
    assert "--deaths" in str(err.value) and "--vehicles" in str(err.value)
    # the explicit option wins: the file is not classified at all
    got = gather([tmp_path], {"deaths": path})
    assert got.lists == {"deaths": path} and not got.rosters


# h389: a 户口注销 export of deaths and moves alike (注销类别 beside 迁往地区划代码 and 迁移原因) was as like a deaths list as a
# moves list and stopped the folder; it is the moves (whose deaths are read by their cause). Without a destination or a
# cause it is as before.
@pytest.mark.parametrize("name, header, kind", [
    ("户口注销迁出信息.csv", ["姓名", "公民身份号码", "注销类别", "注销日期", "迁往地区划代码", "迁移原因"], "migrations"),
    ("户口注销迁出信息.csv", ["姓名", "公民身份号码", "注销原因", "注销日期", "迁往地", "迁移原因"], "migrations"),
    ("户口注销信息.csv", ["姓名", "公民身份号码", "注销原因", "注销日期"], "deaths"),
])
def test_a_cancellations_export_of_deaths_and_moves_is_the_moves(tmp_path, name, header, kind):
    rows = [["张三", _IDS[0], "1", "20260705", "", ""], ["李四", _IDS[1], "2", "20260412", "440306", "2"],
            ["王五", _IDS[2], "2", "20260503", "522627", "3"]]
    path = _csv(tmp_path / name, header, [r[:len(header)] for r in rows])
    assert classify_file(path).kind == kind


def test_an_ambiguous_file_whose_two_kinds_are_both_given_is_skipped(tmp_path):
    _csv(tmp_path / "data.csv", ["姓名", "身份证号", "死亡日期", "号牌号码"],
         [["张三", i, "2026-01-02", "湘A12345"] for i in _IDS])
    deaths = _csv(tmp_path.parent / "deaths_given.csv", ["姓名", "身份证号", "死亡日期"], [["张三", _IDS[0], "2026-01-02"]])
    cars = _csv(tmp_path.parent / "cars_given.csv", ["姓名", "身份证号", "号牌号码"], [["张三", _IDS[0], "湘A1"]])
    got = gather([tmp_path], {"deaths": deaths, "vehicles": cars})
    assert got.lists == {"deaths": deaths, "vehicles": cars}
    assert any("data.csv" in w and "--deaths" in w for w in got.warnings)


def test_a_kind_the_command_does_not_read_rivals_none_it_reads(tmp_path):
    # a pension list with 发放年月 also looks like coverage's 两项补贴 list, which audit and screen never read
    path = _csv(tmp_path / "人社局比对数据.csv", ["姓名", "社会保障号码", "险种", "月发放金额", "发放状态", "发放年月"],
                [["张三", i, "企业职工基本养老保险", "2450", "正常发放", "202609"] for i in _IDS])
    with pytest.raises(UsageError):
        gather([tmp_path])
    audit_kinds = ("staff", "cadres", "deaths", "pensions", "vehicles", "payments")
    assert gather([tmp_path], wanted=audit_kinds).lists == {"pensions": path}
    # a list only another command reads is left out, saying so
    got = gather([tmp_path], wanted=("staff", "deaths"))
    assert not got.lists and any("人社局比对数据.csv" in w and "本命令不使用" in w for w in got.warnings)


_EDGE_HEADER = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "成员身份证号", "与户主关系", "家庭人口", "救助类别",
                "家庭月人均收入"]


@pytest.mark.parametrize("name, programmes, monitoring_too, taken", [
    # held-out 390: a 低保边缘家庭 list looked as much a roster as a monitoring list, and coverage stopped on the folder
    ("低保边缘家庭名单", ("低保边缘", "低保边缘", "低边"), False, "monitoring"),
    # h398: beside the proper one, both read (it had been set aside, its families never sieved)
    ("低保边缘家庭名单", ("低保边缘", "低保边缘", "低保边缘"), True, "monitoring list beside"),
    ("城乡低保花名册", ("低保", "低保边缘", "低保"), False, "roster"),  # a roster holding some 低边 rows stays a roster
])
def test_a_low_income_edge_list_in_a_coverage_folder(tmp_path, name, programmes, monitoring_too, taken):
    from rostercheck.cli import COVERAGE_OPTIONS, REFERENCE_OPTIONS

    heads = ["430527195003041234", "430527196101011235", "43052719720203123X"]
    edge = _csv(tmp_path / f"{name}.csv", _EDGE_HEADER,
                [["城关镇", "东村", f"户{k}", h, f"户{k}", h, "户主", "1", p, "380"] for k, (h, p) in enumerate(zip(heads, programmes))])
    _csv(tmp_path / "低保花名册.csv", ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "成员身份证号", "与户主关系", "保障类别",
                                   "月保障金"], [["城关镇", "西村", "王五", "430527198001011238", "王五", "430527198001011238",
                                                "户主", "低保", "500"]])
    proper = _csv(tmp_path / "防返贫监测对象.csv", ["户主姓名", "户主身份证号", "成员姓名", "成员身份证号", "与户主关系", "家庭人口数",
                                              "监测类型", "家庭年人均纯收入", "风险是否消除"],
                  [["李六", "430527196505051233", "李六", "430527196505051233", "户主", "1", "边缘易致贫户", "4000", "否"]]
                  ) if monitoring_too else None
    got = gather([tmp_path], wanted=(*REFERENCE_OPTIONS, *COVERAGE_OPTIONS))
    if taken == "monitoring":
        assert got.lists.get("monitoring") == edge and edge not in got.rosters
        assert "低保边缘家庭名单" in next(p.why for p in got.placements if p.path == edge)
    elif taken == "roster":
        assert edge in got.rosters and "monitoring" not in got.lists
    else:
        assert got.lists.get("monitoring") == proper and edge not in got.rosters
        assert got.more == {"monitoring": [edge]} and not any("低保边缘家庭名单.csv：" in w for w in got.warnings)


@pytest.mark.parametrize("title, kind", [("泾县近一年低保特困申请审批结果（未纳入）家庭名单", "rejected"),
                                         ("泾县低保特困申请审批结果表", "roster")])  # (applications: screen's)
def test_a_list_of_applications_refused_is_no_roster(tmp_path, title, kind):
    # held-out 271: its 申请编号, 家庭人口, 审批结果 and 申请类别 a roster's, the refused families were read as covered (L05
    # unchecked, their L01 leads lost, three L04 高 leads saying they were enrolled)
    path = tmp_path / "申请名单.csv"
    path.write_text(title + "\n审批结果：1-批准 2-不予批准 3-申请人撤回\n" + "\n".join(",".join(r) for r in [
        ["序号", "乡镇", "村", "申请编号", "户主姓名", "户主身份证号", "家庭人口", "申请类别", "审批日期", "审批结果", "不予批准原因"],
        *[[str(k), "云岭镇", "中村村", f"SQ{k:04d}", "丁英", i, "3", "低保", "20260310", "2", "收入超标"]
          for k, i in enumerate(_IDS)]]) + "\n", encoding="utf-8-sig")
    assert classify_file(path).kind == kind


def test_a_list_of_village_committee_members_and_village_workers_is_a_cadre_list(tmp_path):
    # held-out 307: "…村（社区）“两委”成员及村务工作人员花名册" (乡镇, 村（社区）, 职务) was "既像村(居)干部名单…又像财政供养
    # 人员名单（依据：职务、“工作人员”字样）", exit 2 in folder mode
    path = tmp_path / "村干部名单.csv"
    path.write_text("岷县村（社区）“两委”成员及村务工作人员花名册\n" + "\n".join(",".join(r) for r in [
        ["序号", "乡镇", "村（社区）", "姓名", "身份证号", "职务", "联系电话"],
        *[[str(k), "岷阳镇", "东村", "张三", i, "村文书", "13800001111"] for k, i in enumerate(_IDS)]]) + "\n",
        encoding="utf-8-sig")
    assert classify_file(path).kind == "cadres"


def test_a_title_word_does_not_rival_columns(tmp_path):
    # 户口注销 in a death list's title with a 派出所 column is no registry (that needs its 户号 column) …
    deaths = tmp_path / "户籍变动.csv"
    deaths.write_text("2026年1-9月户口注销人员信息\n" + "\n".join(",".join(r) for r in [
        ["所属派出所", "姓名", "公民身份号码", "死亡日期", "注销原因"],
        *[["城关派出所", "张三", i, "2026-01-02", "死亡"] for i in _IDS]]) + "\n", encoding="utf-8-sig")
    assert classify_file(deaths).kind == "deaths"
    # … and 干部 in the title of a filing table about cadres' relatives does not make it a cadre list
    filing = tmp_path / "附件5.csv"
    filing.write_text("村干部及经办人员近亲属备案表\n" + "\n".join(",".join(r) for r in [
        ["备案人姓名", "备案人身份证号", "工作单位及职务", "近亲属姓名", "近亲属身份证号", "与备案人关系"],
        *[["李四", _IDS[0], "东村主任", "张三", i, "子女"] for i in _IDS[1:]]]) + "\n", encoding="utf-8-sig")
    assert classify_file(filing).kind == "cadre_relatives"


@pytest.mark.parametrize("name, header, row, kind", [
    ("村（社区）干部信息.csv", ["经办人", "经办人身份证号", "乡镇代码", "村代码", "姓名", "身份证号", "职务", "任职日期", "离任日期"],
     ["王会计", _IDS[0], "431121001", "431121001001", "张三", "{id}", "村委委员", "2021-01-10", ""], "cadres"),
    ("干部信息.csv", ["经办人", "经办人身份证号", "乡镇", "姓名", "身份证号", "职务", "任职日期"],
     ["王会计", _IDS[0], "城关镇", "张三", "{id}", "村委委员", "2021-01-10"], "cadres"),
    # a filing table with the clerk's columns too is still one: it names the relatives and their tie
    ("附件5.csv", ["经办人", "经办人身份证号", "干部姓名", "干部身份证号", "职务", "亲属姓名", "亲属身份证号", "与干部关系"],
     ["王会计", _IDS[0], "李四", _IDS[0], "村委会主任", "张三", "{id}", "子女"], "cadre_relatives"),
])
def test_a_clerks_columns_are_no_sign_of_a_filing_table(tmp_path, name, header, row, kind):
    # held-out 228: a cadre list's routine 经办人/经办人身份证号 columns (the clerk who keyed the record) made it look like a
    # 近亲属备案表 as much as a cadre list, and folder mode stopped
    path = _csv(tmp_path / name, header, [[c.replace("{id}", i) for c in row] for i in _IDS])
    placed = classify_file(path)
    assert placed.kind == kind
    assert kind != "cadres" or "任职日期" in placed.why


def test_a_renamed_report_and_a_blank_template_are_skipped(tmp_path):
    # last quarter's findings.csv under another name is no pension list (类别代码 as 险种, 应追回金额 as the amount)
    _csv(tmp_path / "疑点数据.csv", ["类别代码", "类别名称", "置信度", "姓名", "身份证号", "依据", "匹配键", "来源名单", "应追回金额"],
         [["F01", "死亡后仍发放", "高", "张三", i, "…", "身份证号一致", "养老金发放名单", "4728"] for i in _IDS])
    _csv(tmp_path / "附件2.csv", ["乡镇", "村", "姓名", "身份证号", "职务"], [])
    taken = {p.path.name: (p.kind, p.why) for p in classify_folder(tmp_path)}
    assert taken["疑点数据.csv"][0] is None and "报告" in taken["疑点数据.csv"][1]
    assert taken["附件2.csv"][0] is None and "只有表头" in taken["附件2.csv"][1]


_ROSTER_HEADER = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "保障人口", "城乡类别", "月保障金"]


@pytest.mark.parametrize("rows, skipped", [
    # held-out 384: a county's template with its example row sent beside the villages' rosters: read, D03 高 on 张三
    ([["XX镇", "XX村", "张三", "431128199001011234", "张三", "户主", "431128199001011234", "1", "农村", "400"]], True),
    ([["××乡", "××村", "张三", _IDS[0], "张三", "户主", _IDS[0], "1", "农村", "400"],
      ["××乡", "××村", "张三", _IDS[0], "李四", "配偶", _IDS[1], "1", "农村", "400"]], True),
    ([["城关镇", "东门村", "张三（示例）", _IDS[0], "张三（示例）", "户主", _IDS[0], "1", "农村", "400"]], True),
    # a village's one real household is data; so is a row beside an example, or a note below saying 示例
    ([["城关镇", "东门村", "张三", _IDS[0], "张三", "户主", _IDS[0], "1", "农村", "400"]], False),
    ([["XX镇", "XX村", "张三", _IDS[0], "张三", "户主", _IDS[0], "1", "农村", "400"],
      ["城关镇", "东门村", "李四", _IDS[1], "李四", "户主", _IDS[1], "1", "农村", "400"]], False),
    ([["城关镇", "东门村", "张三", _IDS[0], "张三", "户主", _IDS[0], "1", "农村", "400"],
      ["注：示例行请删除", "", "", "", "", "", "", "", "", ""]], False),
])
def test_a_template_holding_only_its_example_rows_is_skipped(tmp_path, rows, skipped):
    placed = classify_file(_csv(tmp_path / "低保花名册.csv", _ROSTER_HEADER, rows))
    assert (placed.kind is None) == skipped, placed.why
    assert not skipped or "填表示例" in placed.why


@pytest.mark.parametrize("template_rows", [
    [],
    [["XX镇", "XX村", "张三", "431128199001011234", "张三", "户主", "431128199001011234", "1", "农村", "400"]],
])
def test_a_blank_roster_template_in_a_folder_does_not_stop_the_run(tmp_path, template_rows):
    # h384: a village's blank 低保花名册（模板）.xlsx among a county's 240 files stopped the run (exit 3, "漏读它核查就不完整"):
    # it holds no one, so skipping it leaves no one out
    roster = _csv(tmp_path / "东门村低保花名册.csv", _ROSTER_HEADER,
                  [["城关镇", "东门村", "张三", i, "张三", "户主", i, "1", "农村", "400"] for i in _IDS])
    _csv(tmp_path / "低保花名册（模板）.csv", _ROSTER_HEADER, template_rows)
    got = gather([tmp_path])
    assert got.rosters == [roster]
    assert any("模板" in w for w in got.warnings)


def test_each_file_recognised_is_told_to_the_watcher(tmp_path):
    # h384: a county's 240 files were recognised for 20 s with the screen blank; the CLI's progress line watches
    from rostercheck.classify import watching

    for k in range(3):
        _csv(tmp_path / f"{k}村低保花名册.csv", _ROSTER_HEADER,
             [["城关镇", f"{k}村", "张三", i, "张三", "户主", i, "1", "农村", "400"] for i in _IDS])
    seen = []
    with watching(seen.append):
        got = gather([tmp_path])
    assert len(got.rosters) == 3 and sorted(p.name for p in seen) == sorted(p.name for p in got.rosters)
    gather([tmp_path])
    assert len(seen) == 3  # told only while watching


def test_sub_folders_of_one_name_in_two_folders_are_each_said_with_their_own_rosters(tmp_path):
    # h384: three townships' 不用 folders (each holding its own whole roster) were all said to hold 城关镇's, by one bare
    # name '不用'
    folders = []
    for town in ("城关镇", "河口乡"):
        folder = tmp_path / town
        (folder / "不用").mkdir(parents=True)
        for name, sub in (("东门村低保花名册.csv", folder), (f"{town}低保花名册（全镇）.csv", folder / "不用")):
            _csv(sub / name, _ROSTER_HEADER, [[town, "东门村", "张三", i, "张三", "户主", i, "1", "农村", "400"] for i in _IDS])
        folders.append(folder)
    said = [w for w in gather(folders).warnings if "不用" in w]
    assert len(said) == 2
    for town in ("城关镇", "河口乡"):
        assert any(w.startswith(f"{Path(town, '不用')}：") and f"{town}低保花名册（全镇）.csv" in w for w in said), said


def test_must_not_take_a_registry_for_a_roster(tmp_path):
    """户号, 户主, 与户主关系 are in both; without benefit columns or a roster word the file is the registry."""
    path = _csv(tmp_path / "人口信息.csv", ["户号", "户主姓名", "姓名", "公民身份号码", "与户主关系", "住址"],
                [["001", "张三", "张三", i, "户主", "某村"] for i in _IDS])
    assert classify_file(path).kind == "registry"


@pytest.mark.parametrize("name, dated, kind", [("导出数据.csv", 1, "registry"), ("导出数据.csv", 6, "deaths"),
                                              ("死亡人员名单.csv", 1, "deaths")])
def test_a_registry_export_with_a_death_date_column_blank_on_most_rows_is_the_registry(tmp_path, name, dated, kind):
    # a registry with 死亡日期 filled for a few was a deaths list, rivalling the real one (two deaths lists: exit 2); a
    # file named for deaths with few dates stays one
    from helpers import make_id

    ids = [make_id("19500101", 111 + 2 * k) for k in range(6)]
    path = _csv(tmp_path / name, ["户号", "姓名", "公民身份号码", "与户主关系", "住址", "死亡日期"],
                [["001", "张三", i, "户主", "某村", "2026-03-02" if k < dated else ""] for k, i in enumerate(ids)])
    assert classify_file(path).kind == kind


def test_a_roster_is_recognised_by_its_benefit_columns(tmp_path):
    path = _csv(tmp_path / "2026年9月.csv", ["乡镇", "村", "户主姓名", "姓名", "身份证号", "与户主关系", "保障类型", "月保障金"],
                [["城关镇", "东村", "张三", "张三", i, "户主", "低保", "600"] for i in _IDS])
    place = classify_file(path)
    assert place.kind == "roster" and "保障类型" in place.why and place.rows == 3


@pytest.mark.parametrize("cells, kind", [
    ([f"李四(配偶){_IDS[1]};张小（子女）{_IDS[2]}", ""], "roster"),
    (["李四(配偶);张小（子女）", ""], None),  # members named without their IDs: nobody to check but the head
])
def test_a_roster_of_a_row_per_family_with_its_members_in_one_cell_is_a_roster(tmp_path, cells, kind):
    # held-out 370: 户主身份证号 | 家庭成员 '李四(配偶)430521…;…' was skipped in a folder ('表头中没有花名册…应有的列')
    path = _csv(tmp_path / "城关镇低保户.csv", ["乡镇", "户主姓名", "户主身份证号", "保障人口", "家庭成员", "月保障金"],
                [["城关镇", "张三", _IDS[0], "3", cells[0], "1500"], ["城关镇", "王五", _IDS[2][:6] + "19700101" + "0000", "1",
                                                                   cells[1], "600"]])
    assert classify_file(path).kind == kind


def test_a_roster_of_a_row_per_family_with_its_members_in_relation_columns_is_a_roster(tmp_path):
    # held-out 373: 户主身份证号 | 配偶身份证号 | 子女1身份证号 … stopped a folder's run ('表头中没有花名册…应有的列')
    path = _csv(tmp_path / "低保家庭花名册.csv", ["乡镇", "户主姓名", "户主身份证号", "配偶姓名", "配偶身份证号", "子女1姓名",
                                                  "子女1身份证号", "家庭人口", "月保障金"],
                [["城关镇", "张三", _IDS[0], "李四", _IDS[1], "张小", _IDS[2], "3", "1500"]])
    assert classify_file(path).kind == "roster"


def test_the_row_count_leaves_out_totals_and_blank_rows(tmp_path):
    path = _csv(tmp_path / "花名册.csv", ["乡镇", "村", "户主姓名", "姓名", "身份证号", "与户主关系", "保障类型", "月保障金"],
                [*[["城关镇", "东村", "张三", "张三", i, "户主", "低保", "600"] for i in _IDS],
                 [",,,,,,,"], ["合计", "", "", "", "", "", "", "1800"], ["制表人：李四", "", "", "", "", "", "", ""]])
    assert classify_file(path).rows == 3


def test_a_staff_list_with_a_remarks_column_is_a_staff_list(tmp_path):
    # 备注 says nothing of the kind (a pension list reads its 备注 for 补发): held-out 59 stopped on it
    path = _csv(tmp_path / "新建 Microsoft Excel 工作表.csv", ["序号", "工作单位", "姓名", "身份证号", "人员类别", "备注"],
                [[str(k), "县教育局", "张三", i, "事业", ""] for k, i in enumerate(_IDS)])
    assert classify_file(path).kind == "staff"


def test_a_statistics_table_under_a_dated_title_is_no_payment_ledger(tmp_path):
    # the title merged over four columns is one label, not four months' amounts
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["2026年9月各乡镇低保对象统计"])
    ws.merge_cells("A1:D1")
    ws.append(["乡镇", "户数", "人数", "月保障金合计"])
    for town in ("城关镇", "菜园镇", "任固镇"):
        ws.append([town, 108, 285, 70264])
    book.save(tmp_path / "各乡镇低保户数统计表.xlsx")
    assert classify_file(tmp_path / "各乡镇低保户数统计表.xlsx").kind is None


def test_a_workbook_of_two_lists_is_taken_as_each(tmp_path):
    # 公安's reply: 死亡注销 and 迁出 on two sheets (held-out 59: taken as migrations only, the deaths sheet dropped)
    import openpyxl

    book = openpyxl.Workbook()
    dead = book.active
    dead.title = "死亡注销"
    dead.append(["姓名", "公民身份号码", "死亡日期", "注销原因"])
    moved = book.create_sheet("迁出")
    moved.append(["姓名", "公民身份号码", "迁出日期", "迁往地", "迁移原因"])
    for i in _IDS:
        dead.append(["张三", i, "2026-07-03", "死亡"])
        moved.append(["李四", i, "2026-05-01", "浙江省杭州市", "务工"])
    book.save(tmp_path / "县公安局反馈.xlsx")
    got = gather([tmp_path])
    assert got.lists == {"deaths": tmp_path / "县公安局反馈.xlsx", "migrations": tmp_path / "县公安局反馈.xlsx"}
    assert sorted(p.why.split("：")[0] for p in got.placements) == ["工作表“死亡注销”", "工作表“迁出”"]


def _police_book(path: Path, *sheets: str, ambiguous: bool = False) -> Path:
    """公安's reply as one workbook: the named sheets of 死亡注销, 户籍迁出 and 服刑在押 (ambiguous: one more sheet whose
    columns are a move's and a custody's both)."""
    import openpyxl

    columns = {"死亡注销": ["姓名", "身份证号", "性别", "死亡日期", "死亡原因", "注销日期"],
               "户籍迁出": ["姓名", "身份证号", "迁出日期", "迁往地", "迁移原因"],
               "服刑在押": ["姓名", "身份证号", "罪名", "入监日期", "刑期止日", "服刑场所"],
               "其他": ["姓名", "身份证号", "迁出日期", "迁往地", "入监日期", "刑期止日"]}
    rows = {"死亡注销": ["张三", "女", "2026-05-13", "自然死亡", ""], "户籍迁出": ["李四", "2026-01-08", "江苏省苏州市", "购房"],
            "服刑在押": ["王五", "诈骗罪", "2024-07-19", "2030-03-15", "周口监狱"],
            "其他": ["赵六", "2026-01-08", "江苏省苏州市", "2024-07-19", "2030-03-15"]}
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in [*sheets, *(["其他"] if ambiguous else [])]:
        ws = book.create_sheet(name)
        ws.append(columns[name])
        for i in _IDS:
            ws.append([rows[name][0], i, *rows[name][1:]])
    book.save(path)
    return path


@pytest.mark.parametrize("sheets", [("户籍迁出", "服刑在押"), ("死亡注销", "户籍迁出", "服刑在押")],
                         ids=["moves-custody", "deaths-moves-custody"])
def test_a_workbook_of_moves_and_custody_is_taken_as_each_of_its_sheets(tmp_path, sheets):
    # held-out 232: the whole workbook looks like both lists; its sheets each clearly one (read so when named explicitly)
    book = _police_book(tmp_path / "公安反馈.xlsx", *sheets)
    got = gather([tmp_path])
    kinds_ = {"死亡注销": "deaths", "户籍迁出": "migrations", "服刑在押": "prisoners"}
    assert got.lists == {kinds_[s]: book for s in sheets}
    assert sorted(p.why.split("：")[0] for p in got.placements) == sorted(f"工作表“{s}”" for s in sheets)


def test_a_workbook_with_a_sheet_that_is_both_lists_is_still_refused(tmp_path):
    # (a sheet of its own with a move's and a custody's columns: which list it is, only the user knows)
    _police_book(tmp_path / "公安反馈.xlsx", "户籍迁出", "服刑在押", ambiguous=True)
    with pytest.raises(UsageError, match="无法自动判断"):
        gather([tmp_path])


def test_exits_are_not_a_roster(tmp_path):
    path = _csv(tmp_path / "名单.csv", ["乡镇", "户主姓名", "姓名", "身份证号", "保障类别", "停保日期", "停保原因"],
                [["城关镇", "张三", "张三", i, "低保", "2026-03-01", "收入超标"] for i in _IDS])
    assert classify_file(path).kind == "exits"


def test_a_registry_cancellation_export_with_death_dates_is_a_deaths_list(tmp_path):
    """公安's 死亡注销 export: 注销日期/注销原因 as an exit list has them, but a 死亡日期 column no exit list has."""
    path = _csv(tmp_path / "死亡注销人员.csv", ["序号", "申报人身份证号", "户主身份证号", "姓名", "公民身份号码", "注销原因",
                                             "死亡日期", "注销日期", "注销派出所"],
                [[str(k), i, i, "张三", i, "01-死亡", "2026/5/29", "2026/6/9", "城关派出所"] for k, i in enumerate(_IDS)])
    assert classify_file(path).kind == "deaths"


@pytest.mark.parametrize("name, kind", [("户口注销人员信息_公安.csv", "deaths"), ("户籍注销人员.csv", "deaths"),
                                        ("注销低保人员名单.csv", "exits")])
def test_a_cancellation_list_without_a_death_date_is_taken_by_what_its_name_cancels(tmp_path, name, kind):
    """held-out 258: 公安's 户口注销 export (注销原因 codes, 注销日期, no 死亡日期) stopped the folder audit as deaths or exits;
    户口/户籍注销 cancels a registration (a deaths list), 注销低保 the benefit (an exit list)."""
    path = _csv(tmp_path / name, ["序号", "申报人姓名", "申报人公民身份号码", "姓名", "公民身份号码", "性别", "注销原因", "注销日期"],
                [[str(k), "李四", i, "张三", i, "2", "1", "20250213"] for k, i in enumerate(_IDS)])
    assert classify_file(path).kind == kind


@pytest.mark.parametrize("name", ["临时救助对象名单.csv", "2026年受灾救助发放表.csv"])
def test_a_list_of_other_aid_is_none_of_the_lists_and_no_roster(tmp_path, name):
    # held-out 263: a 临时救助 list (救助对象, 救助金额, 乡镇, 村, 救助事由) in the quarter's folder was read as a 低保 roster,
    # its three families then "enrolled" and their leads lost; named otherwise, as an exit or a refusal list
    path = _csv(tmp_path / name, ["乡镇", "村", "救助对象", "身份证号", "救助事由", "救助金额", "救助日期"],
                [["城关镇", "东村", "张三", i, "因病", "1500", "2026-05-01"] for i in _IDS])
    found = classify_file(path)
    assert found.kind is None and "救助的名单，不是本工具比对的名单" in found.why


def test_unknown_temporary_and_own_files_are_skipped(tmp_path):
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / "死亡.csv")
    (tmp_path / "~$死亡.xlsx").write_bytes(b"lock")
    (tmp_path / "说明.docx").write_bytes(b"PK\x03\x04")
    _csv(tmp_path / "findings.csv", ["类别代码", "姓名", "身份证号"], [["C01", "张三", _IDS[0]]])
    _csv(tmp_path / "统计.csv", ["月份", "人数"], [["1", "2"], ["2", "3"]])
    (tmp_path / "上季度").mkdir()
    (tmp_path / "公安反馈.zip").write_bytes(b"PK\x03\x04")
    taken = {p.path.name: (p.kind, p.why) for p in classify_folder(tmp_path)}
    # lock files unlisted; a sub-folder and an archive listed with what to do about them
    assert set(taken) == {"死亡.csv", "说明.docx", "findings.csv", "统计.csv", "上季度", "公安反馈.zip"}
    assert taken["死亡.csv"][0] == "deaths"
    assert all(taken[n][0] is None for n in ("说明.docx", "findings.csv", "统计.csv", "上季度", "公安反馈.zip"))
    assert "报告" in taken["findings.csv"][1] and "--lists" in taken["上季度"][1] and "解压" in taken["公安反馈.zip"][1]
    got = gather([tmp_path])
    assert not got.rosters and got.lists == {"deaths": tmp_path / "死亡.csv"}
    assert len(got.warnings) == 5


def test_two_files_of_one_kind_ask_for_the_option(tmp_path):
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / "死亡1.csv")
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / "死亡2.csv")
    with open(tmp_path / "死亡2.csv", "ab") as f:  # another list of the kind, not a copy of the first (a row more: a
        f.write("张三,430527195003041234,2026/1/2\r\n".encode("gbk"))  # blank line only is the same list, h356)
    with pytest.raises(UsageError, match="--deaths"):
        gather([tmp_path])
    got = gather([tmp_path], {"deaths": tmp_path / "死亡1.csv"})  # the explicit one, the other skipped
    assert got.lists == {"deaths": tmp_path / "死亡1.csv"}
    assert any("死亡2.csv" in w for w in got.warnings)


# —— a 公安 常住人口 export (户号, 与户主关系, 人员状态 and a 死亡日期 filled for its few dead) beside a 殡葬 export (held-out
# 246: the registry was a second deaths list, exit 2; named with --deaths, the registry was skipped unsaid) ——

_CODED_REGISTRY = ["GMSFHM", "XM", "XB", "CSRQ", "HH", "YHZGX", "RYZT", "QCRQ", "SWRQ", "ZZ", "DJRXM", "DJRGMSFHM"]
_WORDED_REGISTRY = ["公民身份号码", "姓名", "性别", "出生日期", "户号", "与户主关系", "人员状态", "迁出日期", "死亡日期", "住址",
                    "登记人姓名", "登记人公民身份号码"]


def _registry_book(path: Path, header: list[str], legend: str, title: str = "常住人口信息查询（某县公安局）") -> Path:
    """A registry export: a title, a legend of its status codes naming 死亡注销 and 迁出注销, one in eight people dead."""
    import openpyxl

    from helpers import make_id

    book = openpyxl.Workbook()
    ws = book.active
    ws.append([title])
    ws.append([legend])
    ws.append(header)
    for k in range(16):
        dead = k % 8 == 3
        ws.append([make_id("19500101", 111 + 2 * k), f"张{k}", "1", "19500101", f"4116230000{k // 4:02d}",
                   "02" if k % 4 else "01", "2" if dead else "1", None, "20260615" if dead else None, "某县某镇某村",
                   "王五", make_id("19800101", 311)])
    book.save(path)
    return path


def _funeral_book(path: Path) -> Path:
    import openpyxl

    from helpers import make_id

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["某县殡仪馆火化信息登记表"])
    ws.append(["序号", "火化证编号", "逝者姓名", "逝者身份证号", "死亡日期", "火化日期", "死亡原因", "家属姓名", "家属身份证号"])
    for k in range(6):
        ws.append([k + 1, f"HH{k}", f"李{k}", make_id("19400101", 511 + 2 * k), "20260620" if k else None, "20260623",
                   "病故", "李某", make_id("19700101", 711)])
    book.save(path)
    return path


@pytest.mark.parametrize("header, legend", [
    (_CODED_REGISTRY, "说明：XB 1-男 2-女；RYZT 1-正常 2-死亡注销 3-迁出注销；日期格式YYYYMMDD"),
    (_WORDED_REGISTRY, "人员状态：1正常 2死亡注销 3迁出注销"),
    (_WORDED_REGISTRY, ""),
], ids=["field-codes", "worded", "no-legend"])
def test_a_registry_export_with_a_death_date_and_a_status_legend_is_the_registry(tmp_path, header, legend):
    # the legend's 死亡注销/迁出注销 name the status codes' meanings, not the file's kind; SWRQ blank but for the dead
    path = _registry_book(tmp_path / "常住人口信息导出.xlsx", header, legend)
    place = classify_file(path)
    assert place.kind == "registry", place.why
    _funeral_book(tmp_path / "殡葬火化信息导出.xlsx")
    got = gather([tmp_path])
    assert got.lists == {"registry": path, "deaths": tmp_path / "殡葬火化信息导出.xlsx"}


def test_a_registry_export_whose_death_dates_fill_every_row_is_a_deaths_list(tmp_path):
    # … and the 死亡日期 filled on most rows is a deaths list's, whatever else the file holds (a 死亡注销 export)
    import openpyxl

    path = _registry_book(tmp_path / "导出.xlsx", _WORDED_REGISTRY, "", "数据导出")
    book = openpyxl.load_workbook(path)
    for row in book.active.iter_rows(min_row=4):
        row[6].value, row[8].value = "2", "20260615"
    book.save(path)
    assert classify_file(path).kind == "deaths"


def test_a_file_skipped_for_its_kinds_option_says_the_other_kind_it_may_be(tmp_path):
    # a file taken as a deaths list that looks like a registry too, skipped as --deaths names another file: the registry
    # nobody gives is named, with its option (held-out 246: RQ2 then 未检查 for want of a registry, nothing said)
    from helpers import make_id

    ids = [make_id("19500101", 111 + 2 * k) for k in range(6)]
    other = _csv(tmp_path / "导出数据.csv", ["户号", "姓名", "公民身份号码", "与户主关系", "人员状态", "死亡日期"],
                 [["001", "张三", i, "户主", "死亡", "2026-03-02"] for i in ids])
    funeral = _funeral_book(tmp_path / "殡葬.xlsx")
    assert classify_file(other).kind == "deaths" and "registry" in classify_file(other).others
    got = gather([tmp_path], {"deaths": funeral})
    place = next(p for p in got.placements if p.path == other)
    assert place.kind is None and place.seen == "deaths"
    assert "它也像户籍人口信息，本次没有户籍人口信息，如它就是户籍人口信息，请用 --registry 指定" in place.why
    assert any(w.startswith("导出数据.csv：") and "--registry" in w for w in got.warnings)
    # the registry given: nothing to add
    got = gather([tmp_path], {"deaths": funeral, "registry": other})
    assert not any("--registry" in w for w in got.warnings)
    # two files taken as deaths lists: the stop names the one that may be the registry
    with pytest.raises(UsageError, match="导出数据.csv也像户籍人口信息（--registry）"):
        gather([tmp_path])


def test_lists_folder_skips_rosters_and_review_skips_lists():
    got = gather([COUNTY / "下季度"], list_dirs=[COUNTY])
    assert got.rosters == [COUNTY / "下季度" / "低保花名册_第四季度.xlsx"]
    assert got.lists == {**{k: COUNTY / n for k, n in COUNTY_LISTS.items()}, "exits": COUNTY / "停保名单.xlsx"}
    assert sum("--lists" in w and "子文件夹" not in w for w in got.warnings) == len(COUNTY_ROSTERS)
    review = gather([COUNTY], take_lists=False)
    assert sorted(review.rosters) == sorted(COUNTY / r for r in COUNTY_ROSTERS) and not review.lists


def test_a_sub_folder_also_given_as_lists_is_said_to_be_read(tmp_path):
    # `audit 三季度 --lists 三季度/名单`: the sub-folder is read through --lists, not "skipped" (held-out 86)
    (tmp_path / "名单").mkdir()
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / "名单" / "死亡人员名单.csv")
    shutil.copy(COUNTY / "低保花名册_第三季度.xlsx", tmp_path / "低保花名册.xlsx")
    got = gather([tmp_path], list_dirs=[tmp_path / "名单"])
    assert got.lists == {"deaths": tmp_path / "名单" / "死亡人员名单.csv"}
    (folder,) = [p for p in got.placements if p.path == tmp_path / "名单"]
    assert folder.label == "名单文件夹" and "已通过 --lists 读取" in folder.why
    assert not [w for w in got.warnings if "名单" in w and "跳过" in w]
    alone = gather([tmp_path])  # not given as --lists: the sub-folder is named and skipped, as before
    assert any("子文件夹，未读取" in w for w in alone.warnings)
    # the last run's --out inside the folder is said as such, not as a folder of lists to give (held-out 202)
    (tmp_path / "核查结果").mkdir()
    (tmp_path / "核查结果" / "run.json").write_text("{}", encoding="utf-8")
    said = [w for w in gather([tmp_path]).warnings if w.startswith("核查结果")]
    assert said == ["核查结果：本工具以前输出报告的文件夹，未读取，已跳过"]


def test_every_kind_of_io_columns_is_a_candidate():
    from rostercheck.io.columns import REFERENCE

    assert kinds() == ["roster", *REFERENCE]


def _findings(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, encoding="utf-8-sig").fillna("")


def test_folder_audit_gives_the_readme_commands_findings(tmp_path):
    from test_samples import audit_args

    explicit = CliRunner().invoke(app, audit_args(tmp_path / "explicit"))
    assert explicit.exit_code == 0, explicit.output
    folder = CliRunner().invoke(app, ["audit", str(COUNTY), "--as-of", AS_OF, "--out", str(tmp_path / "folder")])
    assert folder.exit_code == 0, folder.output
    assert "输入文件识别结果" in folder.output and "truth.csv" in folder.output
    pd.testing.assert_frame_equal(_findings(tmp_path / "explicit" / "findings.csv"),
                                  _findings(tmp_path / "folder" / "findings.csv"))
    run = json.loads((tmp_path / "folder" / "run.json").read_text(encoding="utf-8"))
    taken = {Path(r["path"]).name: r["kind"] for r in run["options"]["taken_as"]}
    assert {n: k for n, k in taken.items() if k} == {**_expected(COUNTY_ROSTERS, COUNTY_LISTS), "停保名单.xlsx": "exits"}
    assert run["options"]["lists"] == {**{k: str(COUNTY / n) for k, n in COUNTY_LISTS.items()},
                                       "exits": str(COUNTY / "停保名单.xlsx")}
    # the files skipped are said in the printed notices and run.json too, not on the screen alone
    skipped = "truth.csv：表头中没有花名册或任何一类名单应有的列，已跳过"
    notices = pd.read_excel(tmp_path / "folder" / "问题清单.xlsx", sheet_name="读取提示", header=None, engine="openpyxl")
    assert skipped in notices[0].tolist() and skipped in run["warnings"]
    explicit_run = json.loads((tmp_path / "explicit" / "run.json").read_text(encoding="utf-8"))
    assert not [w for w in explicit_run["warnings"] if "已跳过" in w and "truth" in w]


def test_an_ambiguous_file_in_the_folder_stops_the_cli_with_a_usage_error(tmp_path):
    shutil.copy(COUNTY / COUNTY_ROSTERS[2], tmp_path / COUNTY_ROSTERS[2])
    _csv(tmp_path / "data.csv", ["姓名", "身份证号", "死亡日期", "号牌号码"], [["张三", i, "2026-01-02", "湘A1"] for i in _IDS])
    result = CliRunner().invoke(app, ["audit", str(tmp_path), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "--deaths" in result.output


def test_payment_ledgers_long_and_wide_are_taken_as_payments_and_may_be_many():
    ledgers = COUNTY / "资金发放"
    placed = classify_folder(ledgers)
    assert placed and all(p.kind == "payments" for p in placed)
    got = gather([COUNTY / COUNTY_ROSTERS[0]], {}, [ledgers])
    assert sorted(got.payments) == sorted(p.path for p in placed) and "payments" not in got.lists


@pytest.mark.parametrize("quarters", [["1-3月", "4-6月", "7-9月", "10-12月"], ["一季度", "二季度", "三季度", "四季度"]])
def test_a_wide_ledger_of_quarter_columns_is_a_payment_ledger(tmp_path, quarters):
    # h377: a 特困 book of 1-3月 | 4-6月 … | 合计 was taken as a pension list in a folder
    rows = [[str(k), "张三", i, "3630", "3630", "3630", "3630", "14520"] for k, i in enumerate(_IDS)]
    path = _csv(tmp_path / "2026年特困供养金发放表.csv", ["序号", "姓名", "身份证号", *quarters, "合计"], rows)
    assert classify_file(path).kind == "payments"


def test_a_pension_list_is_not_taken_for_a_payment_ledger():
    assert classify_file(COUNTY / COUNTY_LISTS["pensions"]).kind == "pensions"


# held-out 209: a pension list with a bank account and its holder (开户人) stopped a folder's run as ambiguous with a
# payment ledger; its 险种 column (or 养老 in its headers) says it is pensions, whatever its file name
@pytest.mark.parametrize("kind_column, kind_value", [("险种", "城乡居民基本养老保险"), ("养老金类型", "企业职工基本养老保险")])
def test_a_pension_list_with_its_bank_account_is_a_pension_list(tmp_path, kind_column, kind_value):
    header = ["序号", "银行卡号", "开户人", "姓名", "社会保障号码", kind_column, "发放年月", "月发放金额", "发放状态"]
    rows = [[str(k), "6228480012345678901", "张三", "张三", i, kind_value, "202609", "168.5", "正常"] for k, i in enumerate(_IDS)]
    assert classify_file(_csv(tmp_path / "待遇发放.csv", header, rows)).kind == "pensions"


def test_a_cancellation_export_headed_by_field_identifiers_is_a_deaths_list(tmp_path):
    """The same export with the population system's identifiers only (SWRQ is 死亡日期), under a name saying 注销."""
    path = _csv(tmp_path / "SWZX_死亡注销.csv", ["XH", "XM", "GMSFHM", "XB", "SWRQ", "ZXRQ", "ZXYY"],
                [[str(k), "张三", i, "1", "2026-05-29", "2026-06-09", "1"] for k, i in enumerate(_IDS)])
    assert classify_file(path).kind == "deaths"


def test_a_contribution_export_is_a_wage_list_not_a_payment_ledger(tmp_path):
    path = _csv(tmp_path / "社会保险缴费明细.csv", ["姓名", "公民身份号码", "缴费单位名称", "费款所属期", "缴费工资", "个人缴费金额",
                                                "单位缴费金额", "到账时间"],
                [["张三", i, "某公司", "202607", "3000", "240", "480", "2026-07-15"] for i in _IDS])
    assert classify_file(path).kind == "wages"


def test_a_backup_copy_of_a_roster_is_skipped_and_the_original_read(tmp_path):
    # byte for byte the same file under a copy's name, sorted first: the original is read, the copy said unused
    src = ROOT / "samples" / "county" / "特困人员名册.csv"
    shutil.copy(src, tmp_path / "特困人员名册.csv")
    shutil.copy(src, tmp_path / "a特困名册（备份）.csv")
    got = gather([tmp_path])
    assert got.rosters == [tmp_path / "特困人员名册.csv"]
    copy = next(p for p in got.placements if p.path.name.startswith("a"))
    assert copy.kind is None and copy.label == "花名册（未使用）" and "内容完全相同" in copy.why
    assert copy.record()["taken_as"] == "花名册（未使用）"


def test_a_copy_of_a_list_is_skipped_and_the_original_read(tmp_path):
    # held-out 125: '附件1 - 副本.xlsx' beside '附件1.xlsx' stopped every folder command ("2 个文件都像是财政供养人员名单")
    county = ROOT / "samples" / "county"
    shutil.copy(county / "特困人员名册.csv", tmp_path / "特困人员名册.csv")
    shutil.copy(county / "财政供养人员名单.xlsx", tmp_path / "附件1.xlsx")
    shutil.copy(county / "财政供养人员名单.xlsx", tmp_path / "附件1 - 副本.xlsx")
    got = gather([tmp_path])
    assert got.lists["staff"] == tmp_path / "附件1.xlsx"
    copy = next(p for p in got.placements if "副本" in p.path.name)
    assert copy.label == "财政供养人员名单（未使用）" and "同一份财政供养人员名单复制了两份" in copy.why


def test_of_a_list_and_its_copy_saved_as_et_the_one_excel_opens_is_read(tmp_path):
    # h449: 财政供养人员名单.xlsx beside the same bytes as 财政供养人员名单.et: the .et (sorted first) was said to be read,
    # a file the clerk's Excel cannot open
    county = ROOT / "samples" / "county"
    shutil.copy(county / "特困人员名册.csv", tmp_path / "特困人员名册.csv")
    shutil.copy(county / "财政供养人员名单.xlsx", tmp_path / "财政供养人员名单.xlsx")
    shutil.copy(county / "财政供养人员名单.xlsx", tmp_path / "财政供养人员名单.et")
    got = gather([tmp_path])
    assert got.lists["staff"] == tmp_path / "财政供养人员名单.xlsx"
    copy = next(p for p in got.placements if p.path.suffix == ".et")
    assert copy.label == "财政供养人员名单（未使用）" and "只读取 财政供养人员名单.xlsx" in copy.why


def test_an_applicants_file_in_a_quarters_folder_is_no_roster_to_audit(tmp_path):
    # held-out 125: '2025年9月新申请家庭.xlsx' (新申请家庭名册, 申请类别, 审批状态 待审批) was audited as enrolled: C01, D01
    # and F06 "应发未发" for applicants
    county = ROOT / "samples" / "county"
    shutil.copy(county / "特困人员名册.csv", tmp_path / "特困人员名册.csv")
    applicants = next((county / "新申请").iterdir())
    shutil.copy(applicants, tmp_path / f"2026年9月新申请家庭{applicants.suffix}")
    got = gather([tmp_path])
    assert got.rosters == [tmp_path / "特困人员名册.csv"]
    assert any("新申请家庭名单" in w and "screen" in w for w in got.warnings)
    assert [p.name for p in gather([tmp_path], applications=True).rosters] == sorted(
        p.name for p in tmp_path.iterdir())  # screen's applicants folder: read


def test_of_two_copies_named_as_copies_the_one_saying_it_least_is_read(tmp_path):
    # held-out 111: '新建 Microsoft Excel 工作表 (3).xlsx' and its '… (3) - 副本.xlsx': both names have a copy's
    # '(3)'; the 副本 sorted first and was read, so every finding named the copy
    src = ROOT / "samples" / "county" / "特困人员名册.csv"
    shutil.copy(src, tmp_path / "新建 工作表 (3).csv")
    shutil.copy(src, tmp_path / "新建 工作表 (3) - 副本.csv")
    assert gather([tmp_path]).rosters == [tmp_path / "新建 工作表 (3).csv"]


def test_a_long_text_files_row_count_is_shown_as_an_estimate_and_recorded_as_read(tmp_path):
    header = ["乡镇", "村", "户主姓名", "姓名", "身份证号", "与户主关系", "保障类型", "月保障金", "备注"]
    rows = [["城关镇", "东村", "张三", "张三", _IDS[n % 3], "户主", "低保", "600", "说明" * (n % 40)] for n in range(6000)]
    path = _csv(tmp_path / "花名册.csv", header, rows)  # lines of different lengths: the size misjudges them
    place = classify_file(path)
    assert place.estimated and place.rows != len(rows)
    assert place.record({(str(path), "roster"): len(rows)})["rows"] == len(rows)
    short = classify_file(_csv(tmp_path / "短.csv", header, [*rows[:300], ["合计", "", "", "", "", "", "", "", ""]]))
    assert not short.estimated and short.rows == 300


def _html_roster(path: Path) -> Path:
    """A roster a system exported as an Excel 2003 XML spreadsheet under an .xls name, cut short (the export stopped
    half-way: refused; a whole one is read, tests/test_xml2003.py)."""
    cells = [["乡镇", "村", "姓名", "公民身份号码", "供养方式", "生活自理能力", "月供养标准"],
             *[["城关镇", "东村", "张三", i, "分散", "完全自理", "1576"] for i in _IDS]]
    body = "".join("<Row>" + "".join(f'<Cell><Data ss:Type="String">{c}</Data></Cell>' for c in row) + "</Row>"
                   for row in cells)
    path.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1">'
                    f"<Table>{body}", encoding="utf-8")
    return path


HTML_SAYS = "Excel 2003 XML 表格，但文件不完整或已损坏"


@pytest.mark.parametrize("name, content, stops, says", [
    # must stop: a file named as a roster that cannot be read leaves the audit incomplete
    ("特困人员名册（系统导出）.xls", "html", True, HTML_SAYS),
    ("2026年三季度低保花名册.xlsx", b"", True, "文件是空的"),
    # skipped with the real reason: not named as a 低保/特困 roster
    ("系统导出.xls", "html", False, HTML_SAYS),
    ("村干部花名册.xls", "html", False, HTML_SAYS),
    ("低保金发放明细.xls", "html", False, HTML_SAYS),
])
def test_an_unreadable_file_gives_its_reason_and_a_roster_by_name_stops_the_run(tmp_path, name, content, stops, says):
    shutil.copy(COUNTY / COUNTY_ROSTERS[2], tmp_path / COUNTY_ROSTERS[2])
    path = _html_roster(tmp_path / name) if content == "html" else tmp_path / name
    if content != "html":
        path.write_bytes(content)
    place = next(p for p in classify_folder(tmp_path) if p.path == path)
    assert place.kind is None and says in place.why
    if stops:
        with pytest.raises(InputFileError, match=says):
            gather([tmp_path])
    else:
        assert gather([tmp_path]).rosters == [tmp_path / COUNTY_ROSTERS[2]]
    # a --lists folder reads no rosters: one that cannot be read is skipped there too
    assert gather([tmp_path / COUNTY_ROSTERS[2]], list_dirs=[tmp_path]).rosters == [tmp_path / COUNTY_ROSTERS[2]]


def test_an_unreadable_roster_in_the_folder_stops_the_cli_with_the_explicit_message(tmp_path):
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], tmp_path / COUNTY_ROSTERS[0])
    html = _html_roster(tmp_path / "特困人员名册（系统导出）.xls")
    folder = CliRunner().invoke(app, ["audit", str(tmp_path), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    explicit = CliRunner().invoke(app, ["audit", str(html), "--as-of", AS_OF, "--out", str(tmp_path / "out2")])
    assert folder.exit_code == explicit.exit_code == 3
    assert HTML_SAYS in folder.output and "另存为 .xlsx" in folder.output
    assert folder.output.split("：", 1)[1] == explicit.output.split("：", 1)[1]


def _township_roster(path: Path, sheets: dict[str, int]) -> Path:
    """A roster workbook of one sheet per township (title, unit line, header, members, 合计), and a notes sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for town, count in sheets.items():
        ws = book.create_sheet(town)
        ws.append([f"某县2026年第三季度城乡低保对象花名册（{town}）"])
        ws.append([f"填报单位：{town}人民政府（盖章）", "", "", "", "", "", "单位：元、人"])
        ws.append(["序号", "村", "户主姓名", "姓名", "身份证号", "与户主关系", "月保障金(元)"])
        for n in range(count):
            ws.append([n + 1, "东村", "张三", "张三", _IDS[n % 3], "户主", 600])
        ws.append(["合计", "", "", "", "", "", 600 * count])
    book.create_sheet("填表说明").append(["1. 本表按户填写。"])
    book.save(path)
    return path


def _business_list(path: Path, sheets: dict[str, int]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, count in sheets.items():
        ws = book.create_sheet(name)
        ws.append(["主体名称", "主体类型", "经营者", "证件号码", "从业人数", "登记状态"])
        for n in range(count):
            ws.append([f"{name}{n}号", name, "张三", _IDS[n % 3], 2, "存续"])
    book.save(path)
    return path


@pytest.mark.parametrize("name, build, sheets", [
    ("低保花名册.xlsx", _township_roster, {"桃洪镇": 41, "六都寨镇": 35, "荷香桥镇": 47}),
    ("工商登记_导出.xlsx", _business_list, {"企业": 17, "个体工商户": 17}),
    ("低保花名册_一个乡.xlsx", _township_roster, {"桃洪镇": 41}),
])
def test_the_row_count_is_of_every_sheet_read(tmp_path, name, build, sheets):
    # held-out 72: a three-sheet roster showed 47 rows (its longest sheet) where 123 were read
    path = build(tmp_path / name, sheets)
    place = classify_file(path)
    assert place.kind and (place.rows, place.estimated) == (sum(sheets.values()), False)
    if place.kind == "roster":  # the count shown before reading is the count read (run.json)
        result = CliRunner().invoke(app, ["audit", str(tmp_path), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
        run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
        assert [r["rows"] for r in run["options"]["taken_as"]] == [place.rows]


def _money_list(path: Path, title: str, header: list[str], rows: list[list]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


_SUBSIDY_ITEMS = ("困难残疾人生活补助", "重度残疾人护理补贴")
_LEDGER_ITEMS = ("低保金", "特困供养金")


@pytest.mark.parametrize("name, title, header, items, kind", [
    # must be the subsidies list (coverage's --subsidies): its columns are a ledger's too, its name is not
    ("两项补贴发放名单（2026年7-9月）.xlsx", "2026年第三季度残疾人两项补贴发放名单",
     ["姓名", "身份证号", "补贴类别", "发放月份", "发放金额"], _SUBSIDY_ITEMS, "subsidies"),
    ("发放名单.xlsx", "2026年第三季度困难残疾人生活补贴和重度残疾人护理补贴发放名单",
     ["姓名", "身份证号", "补贴类别", "发放月份", "发放金额"], _SUBSIDY_ITEMS, "subsidies"),
    # must stay payments: a 低保/特困 ledger with the same kind of columns
    ("2026年7-9月资金发放明细.xlsx", "2026年第三季度低保、特困资金发放明细",
     ["姓名", "身份证号", "资金项目", "所属月份", "发放金额", "账号"], _LEDGER_ITEMS, "payments"),
    ("发放明细.xlsx", "2026年第三季度发放明细",
     ["姓名", "身份证号", "资金项目", "所属月份", "发放金额", "账号"], _LEDGER_ITEMS, "payments"),
])
def test_a_disability_subsidies_list_is_no_payment_ledger(tmp_path, name, title, header, items, kind):
    from rostercheck.cli import REFERENCE_OPTIONS

    rows = [["张三", i, items[n % 2], f"2026-0{7 + n % 3}", 80 + 20 * (n % 2), "6228480012345678901"][:len(header)]
            for n, i in enumerate(_IDS * 3)]
    path = _money_list(tmp_path / name, title, header, rows)
    assert classify_file(path).kind == kind
    audit = gather([tmp_path], wanted=(*REFERENCE_OPTIONS, "payments"))  # what audit reads
    if kind == "payments":
        assert audit.payments == [path]
    else:  # listed and skipped, saying which list it looks like
        assert not audit.payments and not audit.lists
        assert audit.warnings == [f"{name}：像残疾人两项补贴发放名单（本命令不使用这类名单），已跳过"]


def test_the_applicants_folder_inside_the_lists_folder_is_not_called_unread():
    # held-out 125: "新申请：子文件夹，未读取；其中的名单请用 --lists 指定" for the very folder given as the applicants
    got = gather([COUNTY / "新申请"], list_dirs=[COUNTY], applications=True, enrolled=True)
    assert not any(p.path.name == "新申请" for p in got.placements)
    assert not any("新申请：" in w for w in got.warnings)


def test_a_ledger_folder_given_by_payments_is_named_as_read_not_as_a_sub_folder_left_unread(tmp_path):
    # held-out 136: 资金发放 | 未识别，已跳过 | 子文件夹，未读取；其中的名单请用 --lists … though --payments read it
    folder = tmp_path / "county"
    shutil.copytree(COUNTY, folder, ignore=shutil.ignore_patterns("下季度", "新申请", "漏保"))
    got = gather([folder], payments=[folder / "资金发放"])
    place = next(p for p in got.placements if p.path.name == "资金发放")
    assert (place.kind, place.by) == ("payments", "option") and "--payments" in place.why
    assert not [w for w in got.warnings if "资金发放" in w], got.warnings


def test_a_roster_titled_as_a_payment_roll_with_amounts_and_cards_is_a_roster(tmp_path):
    # held-out 166: '白沙乡2026年9月城乡低保发放花名册' (金额, 卡号, 关系 …) was as much a ledger as a roster: the folder run
    # stopped; a ledger lists no 与户主关系
    import openpyxl

    from helpers import make_id

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["白沙乡2026年9月城乡低保发放花名册"])
    ws.append(["村名", "户主", "成员", "身份证", "关系", "类别", "人数", "金额", "卡号"])
    for k in range(6):
        ws.append(["东村", "张三", f"张{k}", make_id("19700101", 111 + 2 * k), "户主" if k == 0 else "子女", "A类", 6, 1200,
                   "6217000011112222"])
    wb.save(tmp_path / "白沙乡.xlsx")
    assert classify_file(tmp_path / "白沙乡.xlsx").kind == "roster"


def _care_home_book(path: Path, detail_header: list[str] | None) -> Path:
    import openpyxl

    from helpers import make_id

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "拨付汇总"
    ws.append(["惠水县2026年5月集中供养特困人员资金拨付汇总表"])
    ws.append(["供养机构", "所属月份", "供养人数", "基本生活费", "照料护理费", "拨付金额合计", "收款账号", "收款单位"])
    ws.append(["和平镇敬老院", "2026-05", 3, 4728, 1080, 5808, "6230521000000000099", "和平镇敬老院"])
    if detail_header is not None:
        det = wb.create_sheet("供养人员明细")
        det.append(["惠水县2026年5月集中供养特困人员资金拨付明细"])
        det.append(detail_header)
        for k in range(3):
            row = {"供养机构": "和平镇敬老院", "姓名": f"张{k}", "身份证号": make_id("19400101", 111 + 2 * k),
                   "资金项目": "特困人员基本生活费", "所属月份": "2026-05", "金额": 1576, "拨付账号": "6230521000000000099",
                   "账户名称": "和平镇敬老院", "状态": "成功", "供养方式": "集中供养", "生活自理能力": "全自理",
                   "基本生活费": 1576}
            det.append([row[h] for h in detail_header])
    wb.save(path)
    return path


@pytest.mark.parametrize("detail_header, kind", [
    # held-out 424: a care homes' 拨付表 with its residents' sheet (供养机构, 基本生活费 in the summary) was as much a roster
    # as a ledger: the folder's command left --payments out; the month each row is paid for says ledger
    (["供养机构", "姓名", "身份证号", "资金项目", "所属月份", "金额", "拨付账号", "账户名称", "状态"], "payments"),
    # must stay a roster: a 特困 roster naming its care home, with no month a payment is for
    (["供养机构", "姓名", "身份证号", "供养方式", "生活自理能力", "基本生活费"], "roster"),
])
def test_a_care_homes_payment_book_with_its_residents_is_a_ledger(tmp_path, detail_header, kind):
    path = _care_home_book(tmp_path / "集中供养资金拨付表_2026年5月.xlsx", detail_header)
    assert classify_file(path).kind == kind


@pytest.mark.parametrize("header", [
    "序号,乡镇,村,姓名,身份证号码,存在问题,整改情况,整改时间",
    "序号,乡镇,村,户主姓名,姓名,身份证号,问题类型,核实情况,整改措施,整改结果,整改完成日期,责任人",
    "序号,乡镇,姓名,身份证号,问题类别,整改状态,销号日期",
])
def test_a_rectification_ledger_a_township_typed_itself_is_no_list(tmp_path, header):
    # held-out 180: taken as a cadre list by its 乡镇、村 (its people C01 at 高), as a migration list by 问题类型, or as a
    # pension list by 问题类别、整改状态
    from helpers import make_id

    path = tmp_path / "城关镇第二季度整改台账.csv"
    cells = {"序号": "1", "乡镇": "城关镇", "村": "东村", "户主姓名": "张三", "姓名": "张三", "身份证号码": make_id("19600101", 111),
             "身份证号": make_id("19600101", 111)}
    path.write_text(header + "\n" + ",".join(cells.get(h, "已整改") for h in header.split(",")) + "\n", encoding="utf-8")
    placed = classify_file(path)
    assert placed.kind is None and "整改台账" in placed.why


@pytest.mark.parametrize("header, returned", [
    (["姓名", "身份证号", "整改情况"], True),  # retyped by a township (held-out 196: taken as the roster)
    (["类别代码", "乡镇", "姓名", "身份证号", "核实情况", "整改状态"], True),  # a CSV return (held-out 196)
    (["户主姓名", "姓名", "身份证号", "保障类别", "月保障金", "整改情况"], False),  # a roster with a remark column
    (["姓名", "身份证号", "保障类别", "备注"], False),
    # h388: a township's own headers — 对象姓名/成员姓名, 户主, 村别, only 整改措施 filled — were read as the roster
    (["序号", "村别", "户主姓名", "对象姓名", "公民身份号码", "问题类别", "整改情况", "责任人"], True),
    (["序号", "村", "户主", "成员姓名", "身份证号", "问题类别", "核实情况", "整改结果"], True),
    (["身份证号", "姓名", "户主", "村", "问题类别", "整改措施", "整改时间"], True),
    # a prisoners list: a bare 状态 (在押) is no 整改状态 (held-out 198: skipped as a township's ledger)
    (["姓名", "身份证号码", "罪名", "刑期", "刑期起日", "刑期止日", "执行方式", "状态"], False),
])
def test_a_returned_list_is_told_by_its_status_column_and_no_roster_column(tmp_path, header, returned):
    from rostercheck.classify import is_returned_list

    path = tmp_path / "t.csv"
    path.write_text(",".join(header) + "\n" + ",".join("x" for _ in header) + "\n", encoding="utf-8")
    assert is_returned_list(path) is returned


def test_a_roster_by_name_without_its_id_column_stops_the_folder_run_as_given_in_the_command(tmp_path):
    # held-out 202: a 低保 roster without its ID column was skipped ("表头中没有花名册或任何一类名单应有的列"), the run
    # went on with the 特困 roster alone and exit 0
    shutil.copy(COUNTY / COUNTY_ROSTERS[2], tmp_path / COUNTY_ROSTERS[2])
    pd.DataFrame({"乡镇": ["城关镇"] * 3, "村": ["东村"] * 3, "户主姓名": ["张三"] * 3, "姓名": ["张三", "李四", "王五"],
                  "与户主关系": ["户主", "妻", "子"], "保障类别": ["农村低保"] * 3, "月保障金": [900] * 3}).to_excel(
        tmp_path / "青石县低保花名册（2026年第三季度）.xlsx", index=False)
    folder = CliRunner().invoke(app, ["audit", str(tmp_path), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert folder.exit_code == 3 and "身份证号" in folder.output
    # a file that names no roster is still skipped with a notice
    (tmp_path / "青石县低保花名册（2026年第三季度）.xlsx").rename(tmp_path / "统计表.xlsx")
    assert CliRunner().invoke(app, ["audit", str(tmp_path), "--as-of", AS_OF, "--out", str(tmp_path / "out")]).exit_code == 0


def test_a_renamed_public_copy_of_the_problem_list_is_this_tools_report(tmp_path):
    # held-out 202: 公示_问题清单.xlsx renamed 青石县公示名单.xlsx keeps two of the report's own columns; it was refused
    # as both a roster and a pension list
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["青石县 2026年第三季度 低保特困专项治理问题清单（公示版） — C02 死亡、服刑或户籍迁出本县"])
    book.active.append(["类别代码", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障类别"])
    book.active.append(["C02", "高", "城关镇", "东街社区", "曾红梅", "430726********1976", "曾红梅", "430726********1976", "户主", "低保"])
    book.save(tmp_path / "青石县公示名单.xlsx")
    place = classify_file(tmp_path / "青石县公示名单.xlsx")
    assert place.kind is None and place.own


def test_a_password_protected_workbook_in_the_folder_stops_the_run_as_given_in_the_command(tmp_path):
    # held-out 202: an encrypted 财政供养人员名单.xlsx in the folder was "skipped", then C01 said the staff list was
    # 未提供 although the clerk gave it; as when it is given in the command, the run stops naming it (exit 3)
    # (the encrypted workbook is built by hand, badfiles.encrypted_xlsx: no msoffcrypto needed, h435)
    from badfiles import encrypted_xlsx

    shutil.copy(COUNTY / COUNTY_ROSTERS[2], tmp_path / COUNTY_ROSTERS[2])
    encrypted_xlsx(tmp_path / "财政供养人员名单.xlsx")
    for args in ([str(tmp_path)], [str(tmp_path / COUNTY_ROSTERS[2]), "--lists", str(tmp_path)]):
        run = CliRunner().invoke(app, ["audit", *args, "--as-of", AS_OF, "--out", str(tmp_path / "out")])
        said = " ".join(run.output.split())
        assert run.exit_code == 3, run.output
        assert "财政供养人员名单.xlsx" in said and "密码" in said and "另存为不加密的文件" in said and "未提供" not in said


def test_a_workbook_renamed_zip_in_the_folder_is_said_to_be_a_workbook(tmp_path):
    # held-out 202: an .xlsx renamed .zip was skipped as an archive ("请先解压"): the clerk is told to rename it back
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / "死亡.csv")
    shutil.copy(COUNTY / "财政供养人员名单.xlsx", tmp_path / "财政供养人员名单.zip")
    with zipfile.ZipFile(tmp_path / "公安反馈.zip", "w") as z:  # a real archive (of a csv) stays one
        z.writestr("迁出.csv", "姓名,身份证号\n")
    taken = {p.path.name: (p.kind, p.why) for p in classify_folder(tmp_path)}
    assert taken["财政供养人员名单.zip"][0] is None and "解压" not in taken["财政供养人员名单.zip"][1]
    assert "改回 .xlsx" in taken["财政供养人员名单.zip"][1] and "解压" in taken["公安反馈.zip"][1]
    got = gather([tmp_path])
    assert any(w.startswith("财政供养人员名单.zip：") and "改回 .xlsx" in w for w in got.warnings)


def _big_deaths_xlsx(path: Path, rows: int, prolog: str = "") -> Path:
    from badfiles import NS, xlsx

    from helpers import make_id

    def cells(r: int, values: list[str]) -> str:
        return f'<row r="{r}">' + "".join(f'<c r="{"ABC"[i]}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
                                          for i, v in enumerate(values)) + "</row>"
    data = "".join(cells(r, [f"张{r}", make_id("19500101", r), "20260101"]) for r in range(2, rows + 2))
    sheet = (prolog or '<?xml version="1.0" encoding="UTF-8"?>') + (f'<worksheet {NS}><dimension ref="A1:C{rows + 1}"/>'
             f'<sheetData>{cells(1, ["姓名", "身份证号", "死亡日期"])}{data}</sheetData></worksheet>')
    return xlsx(path, sheet, name="死亡注销")


def test_a_big_workbook_is_classified_from_its_first_rows(tmp_path, monkeypatch):
    # held-out 212: a folder's 150,000-row deaths workbook was read whole (and its rows counted for every kind) only to
    # be told apart by its header: 10.95 s against 2.88 s given by --deaths. Its sheet is cut after the rows peeked at.
    from rostercheck.classify import PEEK_ROWS, peek
    from rostercheck.io import read

    monkeypatch.setattr(read, "HEAD_XML_BYTES", 1000)  # the test's small sheet counts as big
    path = _big_deaths_xlsx(tmp_path / "死亡注销人员.xlsx", 500)
    grid = peek(path)[0][0]
    assert (len(grid.rows), grid.height) == (PEEK_ROWS, 501)
    place = classify_file(path)
    assert (place.kind, place.rows, place.estimated) == ("deaths", 500, True)


def test_a_hostile_big_workbook_is_still_refused_when_peeked_at(tmp_path, monkeypatch):
    # held-out 212: the first-rows read comes after the same safety scan as the whole read
    from badfiles import LAUGHS

    from rostercheck.io import read

    monkeypatch.setattr(read, "HEAD_XML_BYTES", 1000, raising=False)
    place = classify_file(_big_deaths_xlsx(tmp_path / "死亡注销人员.xlsx", 500, LAUGHS))
    assert place.kind is None and place.unreadable is not None and "实体" in place.unreadable.message


def test_lists_come_in_the_kinds_order_found_or_given():
    """(held-out 224) A folder's lists in file-name order made their notices come in another order than with options."""
    found = gather([COUNTY]).lists
    assert list(found) == sorted(found, key=kinds().index)
    assert list(gather([COUNTY], {"registry": found["registry"]}).lists) == list(found)


def _townships(root: Path) -> Path:
    """A folder that holds nothing but one sub-folder per township, each with its roster (held-out 245)."""
    folder = root / "按乡镇"
    for town, roster in (("城关镇", COUNTY_ROSTERS[0]), ("河口乡", COUNTY_ROSTERS[1])):
        (folder / town).mkdir(parents=True)
        shutil.copy(COUNTY / roster, folder / town / roster)
    return folder


def test_a_folder_nothing_is_read_from_stops_whatever_else_is_given(tmp_path):
    # held-out 245: `audit 按乡镇 特困人员名册.xlsx …` ran on the 特困 roster alone, exit 0, the townships' sub-folders
    # skipped with a hint to use --lists (which skips rosters)
    folder = _townships(tmp_path)
    got = gather([folder, COUNTY / COUNTY_ROSTERS[2]], {"deaths": COUNTY / COUNTY_LISTS["deaths"]})
    assert got.idle == [(folder, [folder / "城关镇", folder / "河口乡"])]
    err = got.idle_error()
    assert isinstance(err, InputFileError) and "城关镇、河口乡" in err.message and str(folder / "城关镇") in err.message
    subs = [p for p in got.placements if p.path.parent == folder]
    assert all("写在命令中" in p.why and "--lists" not in p.why for p in subs)
    assert not [w for w in got.warnings if "--lists" in w]
    result = CliRunner().invoke(app, ["audit", str(folder), str(COUNTY / COUNTY_ROSTERS[2]), "--deaths",
                                      str(COUNTY / COUNTY_LISTS["deaths"]), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert result.exit_code == 3 and "城关镇、河口乡" in result.output and not (tmp_path / "out").exists()
    alone = CliRunner().invoke(app, ["audit", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert alone.exit_code == 3 and "城关镇、河口乡" in alone.output
    # the sub-folders given instead are read: both rosters
    assert sorted(gather([folder / "城关镇", folder / "河口乡"]).rosters) == sorted(
        [folder / "城关镇" / COUNTY_ROSTERS[0], folder / "河口乡" / COUNTY_ROSTERS[1]])


def test_a_folder_of_unrecognised_files_beside_a_roster_stops(tmp_path):
    (tmp_path / "名单").mkdir()
    (tmp_path / "名单" / "说明.csv").write_text("说明\n请于月底前报送\n", encoding="utf-8")
    got = gather([tmp_path / "名单", COUNTY / COUNTY_ROSTERS[2]])
    assert got.idle == [(tmp_path / "名单", [])] and "没有按表头内容识别为花名册" in got.idle_error().message


def test_a_folder_that_gives_a_roster_or_a_list_is_not_idle_and_its_sub_folders_stay_unread(tmp_path):
    # a quarter's folder keeps last quarter's roster in a sub-folder: never read, no stop
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], tmp_path / COUNTY_ROSTERS[0])
    (tmp_path / "上季度").mkdir()
    shutil.copy(COUNTY / COUNTY_ROSTERS[1], tmp_path / "上季度" / COUNTY_ROSTERS[1])
    got = gather([tmp_path])
    assert got.rosters == [tmp_path / COUNTY_ROSTERS[0]] and not got.idle and got.idle_error() is None
    # a folder of lists only beside a roster file gives its lists, as before
    lists = tmp_path.parent / "lists_only"
    lists.mkdir()
    shutil.copy(COUNTY / COUNTY_LISTS["deaths"], lists / COUNTY_LISTS["deaths"])
    got = gather([lists, COUNTY / COUNTY_ROSTERS[2]])
    assert got.lists == {"deaths": lists / COUNTY_LISTS["deaths"]} and not got.idle
    # a folder given beside its own sub-folder is read through that sub-folder
    towns = _townships(tmp_path.parent / "towns")
    got = gather([towns, towns / "城关镇", towns / "河口乡"])
    assert not got.idle and len(got.rosters) == 2


@pytest.mark.parametrize("name", ["代码表.csv", "附件9.csv"])
def test_a_code_table_in_a_folder_is_said_to_be_one(tmp_path, name):
    # held-out 314: a folder's 代码表 (字段 | 代码 | 含义) skipped as "表头中没有花名册或任何一类名单应有的列", the clerk then
    # told to ask the senders what the codes mean
    path = tmp_path / name
    path.write_text("字段,代码,含义\n迁移原因,21,升学\n迁移原因,22,务工\n发放状态,1,正常\n发放状态,3,终止\n", encoding="utf-8")
    place = classify_file(path)
    assert place.kind is None and place.why.startswith("是代码说明表")


def test_a_code_table_named_after_a_list_beside_it_is_said_to_explain_that_list(tmp_path):
    # h362: 户籍迁出信息_代码表.csv was said to serve payment ledgers only, while it is now read with 户籍迁出信息.csv
    from helpers import make_id

    (tmp_path / "户籍迁出信息.csv").write_text(f"姓名,身份证号,迁出日期,迁往地,迁移原因\n李梅,{make_id()},20260506,440305,1\n",
                                          encoding="utf-8")
    code = tmp_path / "户籍迁出信息_代码表.csv"
    code.write_text("代码类型,代码,含义\n迁移原因,1,务工\n迁移原因,2,升学\n", encoding="utf-8")
    place = classify_file(code)
    assert place.kind is None and "用于读取《户籍迁出信息.csv》中的代码列" in place.why and place.label == "代码说明表（随名单读取）"


def test_a_workbook_of_two_lists_records_each_lists_own_rows(tmp_path):
    # held-out 314: run.json's taken_as gave 公安反馈.xlsx's 死亡注销 sheet the 迁出 sheet's 43 rows (62 read)
    book = _police_book(tmp_path / "公安反馈.xlsx", "死亡注销", "户籍迁出")
    got = gather([tmp_path])
    read = {(str(book), "deaths"): 62, (str(book), "migrations"): 43}
    assert {p.kind: p.record(read)["rows"] for p in got.placements} == {"deaths": 62, "migrations": 43}


def test_last_quarters_roster_left_in_the_folder_is_not_taken_as_a_roster_in_run_json(tmp_path):
    # held-out 325: '2026年第二季度低保花名册（漳江镇）.xlsx' beside this quarter's was left out once read ("较早一期 …
    # 未读取"), yet run.json's taken_as still said 花名册 with its rows
    from test_load import PEOPLE, _roster_csv
    from rostercheck.roster import SAME_ROSTER_PEOPLE

    folder = tmp_path / "2026Q3"
    folder.mkdir()
    now = _roster_csv(folder / "低保花名册_第三季度.csv", PEOPLE[:SAME_ROSTER_PEOPLE + 2], "清河县2026年第三季度低保花名册")
    before = _roster_csv(folder / "2026年第二季度低保花名册.csv", PEOPLE, "清河县2026年第二季度低保花名册")
    result = CliRunner().invoke(app, ["audit", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    taken = {Path(r["path"]).name: r for r in run["options"]["taken_as"]}
    assert taken[now.name]["kind"] == "roster"
    old = taken[before.name]
    assert old["kind"] is None and old["taken_as"] == "花名册（未使用）" and old["by"] == "skipped"
    assert "较早一期" in old["why"] and now.name in old["why"]


@pytest.mark.parametrize("same_people", [True, False])
def test_the_placement_table_says_an_earlier_periods_roster_may_be_left_out(tmp_path, same_people):
    # h325: the table printed before reading showed last quarter's roster as 花名册, the notice after it said 未读取
    from test_load import PEOPLE, _roster_csv
    from rostercheck.roster import SAME_ROSTER_PEOPLE

    folder = tmp_path / "2026Q3"
    folder.mkdir()
    now = _roster_csv(folder / "低保花名册_第三季度.csv", PEOPLE[:SAME_ROSTER_PEOPLE + 2], "清河县2026年第三季度低保花名册")
    before = _roster_csv(folder / "2026年第二季度低保花名册.csv",
                         PEOPLE if same_people else PEOPLE[SAME_ROSTER_PEOPLE + 2:], "清河县2026年第二季度低保花名册")
    got = gather([folder])
    place = {p.path.name: p for p in got.placements}
    assert place[now.name].pending == ""
    assert place[before.name].pending.startswith(f"所属期 2026-06，早于《{now.name}》（2026-09）：读取时如与其人员大多相同")
    result = CliRunner().invoke(app, ["audit", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    table = result.output.split("提示")[0]
    row = next(line for line in table.splitlines() if before.name in line)
    assert "花名册（上期？）" in row and f"2026-06，早于《{now.name}》（2026-09）：读取时如与其人员大多相同" in table
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    taken = {Path(r["path"]).name: r for r in run["options"]["taken_as"]}
    # what reading decided: left out (most people the same) or read (another roster)
    assert taken[before.name]["taken_as"] == ("花名册（未使用）" if same_people else "花名册")


def test_a_check_lacking_a_list_the_folder_held_unreadable_says_it_was_given(tmp_path):
    # h325: a cadre list exported as an Excel 2003 XML spreadsheet was skipped as unreadable, and RQ3 said
    # "未提供所需名单：村(居)干部名单（--cadres）"
    from test_load import PEOPLE, _roster_csv

    folder = tmp_path / "2026Q3"
    folder.mkdir()
    _roster_csv(folder / "低保花名册_第三季度.csv", PEOPLE, "清河县2026年第三季度低保花名册")
    _html_roster(folder / "村干部名单.xls")
    got = gather([folder])
    assert got.unread == {"cadres": [folder / "村干部名单.xls"]}
    result = CliRunner().invoke(app, ["audit", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    skipped = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["skipped_checks"]
    assert skipped["RQ3"] == "《村干部名单.xls》（按文件名应是村(居)干部名单）已给出，但无法读取（见读取提示）"
    assert skipped["RQ1"] == "未提供所需名单：近亲属备案表（--cadre-relatives）"  # (nothing so named: not given)
    assert skipped["C01"].startswith("未提供所需名单：财政供养人员名单（--staff）") and "《村干部名单.xls》" in skipped["C01"]


@pytest.mark.parametrize("name, title, header, row, kind", [
    # the cadre list saved as 财政供养人员名单: its 职务, 乡镇, 村 a cadre list's, the name's word no match for them
    ("财政供养人员名单.csv", "", ["乡镇", "村", "姓名", "身份证号", "职务", "联系电话"],
     ["城关镇", "东门社区", "张三", "{id}", "村委会主任", "13800001111"], "cadres"),
    # the staff list saved as 村干部名单, its title the sender's: still the staff list
    ("村干部名单.csv", "清河县财政供养人员名单（2026年9月）", ["工作单位", "姓名", "身份证号码", "人员类别"],
     ["清河县第一中学", "张三", "{id}", "事业"], "staff"),
])
def test_a_file_name_does_not_outweigh_a_header_that_contradicts_it(tmp_path, name, title, header, row, kind):
    # h356: the cadre list in a folder under the staff list's name was taken as the staff list by the name's word
    # (财政供养 1.0 + 职务 0.33 over the cadre list's 职务, 乡镇, 村 0.52): RQ lost, C07 raised from cadres
    path = tmp_path / name
    path.write_text((title + "\n" if title else "") + "\n".join(",".join(r) for r in [
        header, *[[c.replace("{id}", i) for c in row] for i in _IDS]]) + "\n", encoding="utf-8-sig")
    place = classify_file(path)
    assert place.kind == kind
    assert ("按表头识别" in place.why) == (kind == "cadres")


def test_a_folder_of_townships_and_villages_names_the_folders_by_their_path(tmp_path):
    # h384: a county of 15 townships x 15 villages: the error named 85 bare village names, two 松杏村 of two townships
    # indistinguishable; now each by its path below the folder given, the first ten, the rest counted
    import os

    folder = tmp_path / "全县"
    towns = [f"{k:02d}镇" for k in range(1, 8)]
    for town in towns:
        for village in ("东门村", "西门村"):
            (folder / town / village).mkdir(parents=True)
            _csv(folder / town / village / f"{village}低保花名册.csv", _ROSTER_HEADER,
                 [[town, village, "张三", i, "张三", "户主", i, "1", "农村", "400"] for i in _IDS])
    err = gather([folder]).idle_error()
    assert isinstance(err, InputFileError)
    assert f"01镇{os.sep}东门村、01镇{os.sep}西门村、02镇{os.sep}东门村" in err.message
    assert "等 14 个文件夹" in err.message and "复制到一个文件夹" in err.message


def test_rosters_of_a_programme_only_a_sub_folder_holds_stop_the_run(tmp_path):
    # h356: the townships' 低保 rosters in 乡镇报送/城关镇/… beside the 特困 roster and the lists: audited the 特困 roster
    # alone (150 people, 1 finding for 86), exit 0, the sub-folder said to hold lists for --lists
    folder = tmp_path / "第三季度"
    (folder / "乡镇报送" / "城关镇").mkdir(parents=True)
    (folder / "乡镇报送" / "河口乡").mkdir()
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], folder / "乡镇报送" / "城关镇" / "花名册.xlsx")
    shutil.copy(COUNTY / COUNTY_ROSTERS[1], folder / "乡镇报送" / "河口乡" / "附件1.xls")
    shutil.copy(COUNTY / COUNTY_ROSTERS[2], folder / COUNTY_ROSTERS[2])
    shutil.copy(COUNTY / COUNTY_LISTS["deaths"], folder / COUNTY_LISTS["deaths"])
    got = gather([folder])
    err = got.idle_error()
    assert isinstance(err, InputFileError) and "低保" in err.message
    assert str(folder / "乡镇报送" / "城关镇") in err.message and str(folder / "乡镇报送" / "河口乡") in err.message
    sub = next(p for p in got.placements if p.path == folder / "乡镇报送")
    assert "个花名册" in sub.why and "--lists" not in sub.why
    result = CliRunner().invoke(app, ["audit", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert result.exit_code == 3 and not (tmp_path / "out").exists()
    # the folders holding them given too: every roster read, no stop
    got = gather([folder, folder / "乡镇报送" / "城关镇", folder / "乡镇报送" / "河口乡"])
    assert got.idle_error() is None and len(got.rosters) == 3
    # a folder with nothing directly in it names the folders two levels down that hold rosters
    (folder / COUNTY_ROSTERS[2]).unlink()
    (folder / COUNTY_LISTS["deaths"]).unlink()
    got = gather([folder])
    assert got.idle == [(folder, [folder / "乡镇报送" / "城关镇", folder / "乡镇报送" / "河口乡"])]


def test_a_list_delivered_twice_as_a_workbook_and_its_csv_export_is_read_once(tmp_path):
    # h356: 死亡人员名单.xlsx beside the 死亡人员名单.csv exported from it stopped the folder run as two deaths lists
    import datetime as dt

    import openpyxl

    rows = [["张三", i, dt.date(2026, 1, k + 2)] for k, i in enumerate(_IDS)]
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号码", "死亡日期"])
    for r in rows:
        book.active.append(r)
    book.save(tmp_path / "死亡人员名单.xlsx")
    _csv(tmp_path / "死亡人员名单.csv", ["姓名", "身份证号码", "死亡日期"], [[n, i, f"{d.year}/{d.month}/{d.day}"] for n, i, d in rows])
    got = gather([tmp_path])
    assert got.lists == {"deaths": tmp_path / "死亡人员名单.xlsx"}
    assert any(w.startswith("死亡人员名单.csv：") and "只读取 死亡人员名单.xlsx" in w for w in got.warnings)
    # a row that differs (a corrected date) is another list: the run asks which
    _csv(tmp_path / "死亡人员名单.csv", ["姓名", "身份证号码", "死亡日期"], [[n, i, "2026/3/1"] for n, i, _d in rows])
    with pytest.raises(UsageError):
        gather([tmp_path])


def test_a_parent_of_folders_given_and_last_quarter_s_folder_are_said_as_such(tmp_path):
    # h367: with 乡镇报送/城关镇 and 乡镇报送/河口乡 given, 乡镇报送 was said to hold lists for --lists; 上季度's several
    # townships' rosters were named by one file ("如 …") and the user told to give the folder holding it
    folder = tmp_path / "第四季度"
    for sub in ("乡镇报送/城关镇", "乡镇报送/河口乡", "上季度"):
        (folder / sub).mkdir(parents=True)
    shutil.copy(COUNTY / "下季度" / "低保花名册_第四季度.xlsx", folder / "乡镇报送" / "城关镇" / "花名册.xlsx")
    shutil.copy(COUNTY / COUNTY_ROSTERS[2], folder / COUNTY_ROSTERS[2])
    for town in ("城关镇", "河口乡"):
        shutil.copy(COUNTY / COUNTY_ROSTERS[0], folder / "上季度" / f"{town}第三季度低保花名册.xlsx")
    got = gather([folder])
    last = next(p for p in got.placements if p.path == folder / "上季度")
    assert "2 个花名册" in last.why and "城关镇第三季度" in last.why and "河口乡第三季度" in last.why
    assert "上期" in last.why and "--lists" not in last.why
    assert all(folder / "上季度" not in paths[0].parents for _f, _prog, paths in got.below)
    shutil.copy(COUNTY / COUNTY_ROSTERS[1], folder / "乡镇报送" / "河口乡" / "附件1.xls")
    got = gather([folder, folder / "乡镇报送" / "城关镇", folder / "乡镇报送" / "河口乡"])
    parent = next(p for p in got.placements if p.path == folder / "乡镇报送")
    assert parent.label == "上级文件夹" and "--lists" not in parent.why
    assert "乡镇报送/城关镇" in parent.why.replace("\\", "/") and "乡镇报送/河口乡" in parent.why.replace("\\", "/")
    assert not any(w.startswith("乡镇报送：") for w in got.warnings) and got.idle_error() is None
    # one township's folder forgotten: the run stops naming it (its people would go unchecked, nothing said)
    got = gather([folder, folder / "乡镇报送" / "城关镇"])
    err = got.idle_error()
    assert isinstance(err, InputFileError) and str(folder / "乡镇报送" / "河口乡") in err.message
    # … a copy of a roster read is no township forgotten
    (folder / "乡镇报送" / "河口乡" / "附件1.xls").unlink()
    shutil.copy(folder / "乡镇报送" / "城关镇" / "花名册.xlsx", folder / "乡镇报送" / "河口乡" / "花名册 - 副本.xlsx")
    assert gather([folder, folder / "乡镇报送" / "城关镇"]).idle_error() is None


@pytest.mark.parametrize("name, title, months", [
    ("2026年社保缴费工资.xlsx", "2026年度社保缴费工资明细", [f"{k}月" for k in range(1, 13)]),
    ("第三季度缴费工资.xlsx", "第三季度社保缴费工资", ["2026年7月", "2026年8月", "2026年9月"]),
    ("附件3.xlsx", "2026年第三季度缴费工资", ["7月", "8月", "9月"]),
])
def test_a_wage_list_with_a_column_per_month_is_a_wage_list_not_a_ledger(tmp_path, name, title, months):
    # h367: the month columns made a 人社 wage list a payment ledger (资金发放明细, its "明细" word besides): C06 said
    # 未提供 社保缴费工资名单 though it was in the folder, and the wages were checked as benefit payments
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append([title])
    ws.append(["姓名", "身份证号", "缴费单位", *months])
    for k, i in enumerate(_IDS):
        ws.append([f"张{k}", i, "县建筑公司", *[3000 + k] * len(months)])
    book.save(tmp_path / name)
    place = classify_file(tmp_path / name)
    assert place.kind == "wages" and "月份工资列" in place.why


def test_two_years_of_a_wide_wage_list_are_two_lists_not_one_copy(tmp_path):
    # h367: the rows compared without the month columns: a 2025 and a 2026 list of the same people were "the same list"
    import openpyxl

    for year, wage in (("2025", 1000), ("2026", 3000)):
        book = openpyxl.Workbook()
        ws = book.active
        ws.append(["姓名", "身份证号", "缴费单位", *[f"{year}年{k}月" for k in range(7, 10)]])
        for k, i in enumerate(_IDS):
            ws.append([f"张{k}", i, "县建筑公司", wage, wage, wage])
        book.save(tmp_path / f"{year}年社保缴费工资.xlsx")
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], tmp_path / COUNTY_ROSTERS[0])
    with pytest.raises(UsageError, match="社保缴费工资"):
        gather([tmp_path])


def test_a_workbook_open_in_excel_is_said_to_be_read_as_last_saved(tmp_path):
    # h367: the ~$ lock file beside a list was skipped without a word: a clerk's unsaved corrections went unchecked
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], tmp_path / COUNTY_ROSTERS[0])
    shutil.copy(COUNTY / COUNTY_LISTS["staff"], tmp_path / COUNTY_LISTS["staff"])
    (tmp_path / ("~$" + COUNTY_LISTS["staff"])).write_bytes(b"\x05clerk" + b"\x00" * 150)
    got = gather([tmp_path])
    said = [w for w in got.warnings if "锁定文件" in w]
    assert len(said) == 1 and said[0].startswith(COUNTY_LISTS["staff"]) and "最后一次保存" in said[0]
    # Word-style: ~$ in place of the name's first two characters
    (tmp_path / ("~$" + COUNTY_LISTS["staff"])).unlink()
    (tmp_path / ("~$" + COUNTY_LISTS["staff"][2:])).write_bytes(b"\x05clerk" + b"\x00" * 150)
    assert any("锁定文件" in w for w in gather([tmp_path]).warnings)


# —— h401: a county worker's folder of files named by their senders ——

def _deaths_rows(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


@pytest.mark.parametrize("early, corrected, kept", [
    # the corrected one named so and holding the early one's rows (and more): it is read, the early one said unused
    ("导出数据20260915.csv", "死亡注销人员名单（更正）.csv", "死亡注销人员名单（更正）.csv"),
    ("死亡名单.csv", "死亡名单_最终版.csv", "死亡名单_最终版.csv"),
    # no name saying which is the later: the run stops and asks, as before
    ("导出数据1.csv", "导出数据2.csv", None),
])
def test_a_list_sent_again_corrected_is_read_once(tmp_path, early, corrected, kept):
    lines = _deaths_rows(COUNTY / "死亡人员名单.csv")
    (tmp_path / early).write_bytes(b"\n".join(lines[:-4] + [b""]))  # the early version lacks the last rows
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / corrected)
    if kept is None:
        with pytest.raises(UsageError, match="--deaths"):
            gather([tmp_path])
        return
    got = gather([tmp_path])
    assert got.lists == {"deaths": tmp_path / kept}
    place = next(p for p in got.placements if p.path.name == early)
    assert place.label == "死亡人员名单（未使用）" and kept in place.why and "--deaths" in place.why


def test_a_corrected_list_sharing_few_rows_with_the_other_still_asks(tmp_path):
    # a name saying 更正 is not enough: the other file must be (mostly) rows of it
    lines = _deaths_rows(COUNTY / "死亡人员名单.csv")
    (tmp_path / "死亡名单.csv").write_bytes(b"\n".join(lines[:3] + [b""]))
    (tmp_path / "死亡名单（更正）.csv").write_bytes(b"\n".join(lines[:1] + lines[10:] + [b""]))
    with pytest.raises(UsageError, match="--deaths"):
        gather([tmp_path])


def test_an_exits_list_kept_in_the_payments_folder_is_the_exits_list(tmp_path):
    # h401: 停保名单.xlsx beside the monthly ledgers was passed over as "no ledger", F03 said unchecked for want of --exits
    ledgers = tmp_path / "资金"
    shutil.copytree(COUNTY / "资金发放", ledgers)
    shutil.copy(COUNTY / "停保名单.xlsx", ledgers / "停保名单.xlsx")
    shutil.copy(COUNTY / "特困人员名册.csv", tmp_path / "特困人员名册.csv")
    got = gather([tmp_path / "特困人员名册.csv"], payments=[ledgers])
    assert got.lists == {"exits": ledgers / "停保名单.xlsx"}
    got = gather([tmp_path / "特困人员名册.csv"], {"exits": COUNTY / "停保名单.xlsx"}, payments=[ledgers])
    assert got.lists == {"exits": COUNTY / "停保名单.xlsx"}  # the option wins


def test_a_township_folder_holding_a_copy_of_a_roster_read_beside_it_is_no_empty_folder(tmp_path):
    # h401: 花名册\河口乡 given beside 花名册, its roster a copy of one read there: "没有识别为花名册的文件" (exit 3)
    (tmp_path / "河口乡").mkdir()
    shutil.copy(COUNTY / "低保花名册_河口乡.xls", tmp_path / "附件2.xls")
    shutil.copy(COUNTY / "低保花名册_河口乡.xls", tmp_path / "河口乡" / "河口乡低保花名册.xls")
    got = gather([tmp_path, tmp_path / "河口乡"])
    assert got.rosters == [tmp_path / "附件2.xls"] and not got.idle


def test_a_file_that_cannot_be_opened_for_want_of_rights_stops_a_folder_run(tmp_path, monkeypatch):
    # h401: a list open in Excel/WPS (a CSV is held exclusively) was skipped and its checks said 未提供
    shutil.copy(COUNTY / "特困人员名册.csv", tmp_path / "特困人员名册.csv")
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / "导出数据.csv")
    real = Path.open

    def denied(self, *args, **kwargs):
        if self.name == "导出数据.csv":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputFileError, match="关闭该文件") as err:
        gather([tmp_path])
    assert "导出数据.csv" in str(err.value)


@pytest.mark.parametrize("unpacked_beside, stops", [(False, True), (True, False)])
def test_a_zip_holding_a_roster_stops_a_folder_run_unless_its_roster_is_beside_it(tmp_path, unpacked_beside, stops):
    # h401: 河口乡报送.zip (the township's roster) was said "压缩包，未读取" and the county audited without it
    shutil.copy(COUNTY / "特困人员名册.csv", tmp_path / "特困人员名册.csv")
    with zipfile.ZipFile(tmp_path / "河口乡报送.zip", "w") as zf:
        zf.write(COUNTY / "低保花名册_河口乡.xls", "河口乡/河口乡低保花名册.xls")
        zf.writestr("河口乡/说明.docx", b"PK")
    if unpacked_beside:
        shutil.copy(COUNTY / "低保花名册_河口乡.xls", tmp_path / "附件2.xls")
    if stops:
        with pytest.raises(InputFileError, match="河口乡低保花名册.xls"):
            gather([tmp_path])
        got = gather([tmp_path / "特困人员名册.csv"], list_dirs=[tmp_path])  # a lists folder: said, not stopped
    else:
        got = gather([tmp_path])
    place = next(p for p in got.placements if p.path.name == "河口乡报送.zip")
    assert place.kind is None and "1 个表格文件：河口乡低保花名册.xls" in place.why and "解压" in place.why


def _zip_without_utf8_flag(target: Path, source: Path, name_bytes: bytes) -> None:
    """A .zip holding ``source`` under a name saved as raw bytes, the UTF-8 flag off (as Info-ZIP on Linux, macOS or
    Chinese Windows save it): written under an ASCII stand-in of the same length, then the bytes put in its place."""
    stand_in = b"N" * len(name_bytes)
    with zipfile.ZipFile(target, "w") as zf:
        zf.write(source, stand_in.decode("ascii"))
    data = target.read_bytes()
    assert data.count(stand_in) == 2  # the local header and the central directory
    target.write_bytes(data.replace(stand_in, name_bytes))


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_zip_member_name_without_the_utf8_flag_is_read_in_its_own_encoding(tmp_path, encoding):
    # h449: a zip made on Linux/macOS (UTF-8 names, no flag) was said as '压缩包（内有 1 个表格文件：浣庝繚鑺卞悕鍐宊…）'
    # and its roster not seen, so the folder run went on without it
    shutil.copy(COUNTY / "特困人员名册.csv", tmp_path / "特困人员名册.csv")
    _zip_without_utf8_flag(tmp_path / "上报材料.zip", COUNTY / "低保花名册_河口乡.xls",
                           "低保花名册_河口乡.xls".encode(encoding))
    with pytest.raises(InputFileError, match="低保花名册_河口乡.xls"):
        gather([tmp_path])
    got = gather([tmp_path / "特困人员名册.csv"], list_dirs=[tmp_path])
    place = next(p for p in got.placements if p.path.name == "上报材料.zip")
    assert "1 个表格文件：低保花名册_河口乡.xls" in place.why


@pytest.mark.parametrize("member, stops", [("低保花名册_第二季度.xlsx", False), ("低保花名册_第三季度.xlsx", True),
                                           ("低保花名册.xlsx", False), ("2026年9月低保花名册.xlsx", True)])
def test_last_quarters_zip_in_the_folder_is_said_and_skipped_not_a_stop(tmp_path, member, stops):
    # h449: a clerk keeps last quarter's archive (2026年第二季度.zip) in this quarter's folder: the run stopped on it as
    # on a township's roster left zipped, where a sub-folder of last quarter's rosters is taken as such
    shutil.copy(COUNTY / "低保花名册_第三季度.xlsx", tmp_path / "低保花名册_第三季度.xlsx")
    with zipfile.ZipFile(tmp_path / "2026年第二季度.zip", "w") as zf:
        zf.write(COUNTY / "下季度" / "低保花名册_第四季度.xlsx", member)
    if stops:
        with pytest.raises(InputFileError, match="压缩包中有花名册"):
            gather([tmp_path])
        return
    got = gather([tmp_path])
    place = next(p for p in got.placements if p.path.name == "2026年第二季度.zip")
    assert place.kind is None and "按上期文件处理" in place.why
    assert any(w.startswith("2026年第二季度.zip：") and "按上期文件处理" in w for w in got.warnings)
    assert [Path(p).name for p in got.rosters] == ["低保花名册_第三季度.xlsx"]


def test_a_roster_folder_named_once_when_a_copy_of_its_roster_sits_in_the_lists_folder(tmp_path):
    # h401: 2026年第三季度/花名册 and 2026年第三季度/部门数据 (holding '附件1（1）.xlsx', a copy of the roster): the stop
    # told the clerk to give 部门数据 as a roster folder too
    (tmp_path / "花名册").mkdir()
    (tmp_path / "部门数据").mkdir()
    shutil.copy(COUNTY / "低保花名册_河口乡.xls", tmp_path / "花名册" / "附件1.xls")
    shutil.copy(COUNTY / "低保花名册_河口乡.xls", tmp_path / "部门数据" / "附件1（1）.xls")
    shutil.copy(COUNTY / "死亡人员名单.csv", tmp_path / "部门数据" / "导出数据.csv")
    got = gather([tmp_path])
    err = got.idle_error(takes=("--lists", "--payments"))
    assert err is not None and "花名册在子文件夹 花名册 中" in err.message
    # (h406: named for its lists, with --lists, never as a roster folder)
    assert "比对名单在子文件夹 部门数据 中" in err.message and f"--lists {tmp_path / '部门数据'}" in err.message
    assert err.message.count("部门数据") == 2


def _quarter(tmp_path: Path, layout: dict[str, list[tuple[str, str]]]) -> Path:
    """A quarter's folder holding sub-folders only: sub-folder → (sample file below samples/county, name given)."""
    folder = tmp_path / "2026年第三季度"
    for sub, files in layout.items():
        (folder / sub).mkdir(parents=True)
        for source, name in files:
            if source:
                shutil.copy(COUNTY / source, folder / sub / name)
            else:
                (folder / sub / name).write_text("本季度材料说明", encoding="utf-8")
    return folder


_ROSTERS = [(r, r) for r in COUNTY_ROSTERS]
_LEDGERS = [("资金发放/低保金发放明细_2026年4月.xlsx", "低保金发放明细_2026年4月.xlsx"),
            ("资金发放/低保金发放明细_2026年5月.xlsx", "低保金发放明细_2026年5月.xlsx")]


@pytest.mark.parametrize("layout, lists, ledgers, unknown", [
    # h401's quarter: rosters, the departments' lists, the ledgers with the 停保名单 beside them
    ({"花名册": _ROSTERS, "部门数据": [(COUNTY_LISTS["deaths"], "导出数据.csv"), (COUNTY_LISTS["staff"], "附件2.xlsx")],
      "资金": [*_LEDGERS, ("停保名单.xlsx", "停保名单.xlsx")]}, ["部门数据"], ["资金"], []),
    # by content, never by the folder's name: a money-named folder of a pension list is lists, a neutral one of a ledger
    # is ledgers, a 部门数据 of notes only is neither (named, not dropped without a word)
    ({"花名册": _ROSTERS, "养老资金": [(COUNTY_LISTS["pensions"], "养老金发放名单.xlsx")], "其他": _LEDGERS[:1],
      "部门数据": [("", "说明.txt")]}, ["养老资金"], ["其他"], ["部门数据"]),
    # ledgers beside a list that is no stop-payment list: the folder is read as lists (its ledgers are read there too)
    ({"花名册": _ROSTERS, "资金": [*_LEDGERS, (COUNTY_LISTS["deaths"], "死亡人员名单.csv")]}, ["资金"], [], []),
])
def test_a_quarter_of_sub_folders_is_told_the_whole_command(tmp_path, monkeypatch, layout, lists, ledgers, unknown):
    # h401/h406: `audit 2026年第三季度 --out 结果` over 花名册/, 部门数据/, 资金/ stopped naming the roster folder only;
    # a worker who ran what it said ran without any list or ledger. The stop now writes the command to run: the roster
    # folders, each sub-folder of lists with --lists and of ledgers with --payments (by their files' headers), the
    # command's other words as typed
    folder = _quarter(tmp_path, layout)
    args = ["audit", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")]
    monkeypatch.setattr(sys, "argv", ["rostercheck", *args])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 3 and not (tmp_path / "out").exists()
    said = " ".join(result.output.split())
    command = re.search(r"rostercheck audit (\S+(?: \S+)*?) --out \S+", said)
    assert command is not None, said
    words = command.group(0).split()
    assert words[words.index("--as-of") + 1] == AS_OF and words[-2:] == ["--out", str(tmp_path / "out")]
    assert str(folder / "花名册") in words and str(folder) not in words
    for flag, dirs in (("--lists", lists), ("--payments", ledgers)):
        assert [words[k + 1] for k, w in enumerate(words) if w == flag] == [str(folder / d) for d in dirs]
    for sub in unknown:
        assert f"子文件夹 {sub} 中没有识别出本命令要读取的文件" in said and str(folder / sub) not in words
    # each sub-folder's notice says what it holds, not "the rosters in it …" (a ledger folder holds none)
    for sub in [*lists, *ledgers]:
        assert re.search(f"提示：{sub}：子文件夹，未读取；其中有 \\d+ 个(比对名单|资金发放明细)", said), said
    if layout.get("资金") and ledgers:  # the command as written reads every list and ledger
        run = CliRunner().invoke(app, words[1:])
        assert run.exit_code == 0, run.output
        taken = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["options"]
        assert set(taken["lists"]) == {"deaths", "staff", "exits"} and taken["payments"] == [str(folder / "资金")]


def test_a_quarter_of_sub_folders_without_the_command_line_still_names_the_options(tmp_path):
    # the command line unknown (a library call): `rostercheck audit` with the folders; a command without --lists and
    # --payments (coverage) gives those sub-folders as folders, which are read for lists and ledgers too
    folder = _quarter(tmp_path, {"花名册": _ROSTERS[:1], "部门数据": [(COUNTY_LISTS["deaths"], "导出数据.csv")],
                                 "资金": _LEDGERS[:1]})
    got = gather([folder])
    err = got.idle_error(takes=("--lists", "--payments"))
    assert (f"rostercheck audit {folder / '花名册'} --lists {folder / '部门数据'} --payments {folder / '资金'}"
            in err.message)
    err = got.idle_error(argv=["coverage", str(folder), "--out", "结果"])
    assert f"rostercheck coverage {folder / '花名册'} {folder / '部门数据'} {folder / '资金'} --out 结果" in err.message
    # a path with a space is quoted as a shell reads it
    spaced = tmp_path / "第三 季度"
    folder.rename(spaced)
    err = gather([spaced]).idle_error(takes=("--lists",))
    assert f'"{spaced / "部门数据"}"' in err.message and f'--lists "{spaced / "部门数据"}"' in err.message


@pytest.mark.parametrize("given, says, never", [
    # the county's folder and the township's sub-folder both given: leave one out of the command, not "move it to a
    # sub-folder" (it already sits in one)
    (["花名册", "花名册/城关镇"], ["不同的文件夹中", "从命令中删去", "又写了它的子文件夹时，只写其中一个"], ["移到"]),
    (["花名册/低保花名册_第三季度.xlsx", "花名册/城关镇/城关镇.xlsx"], ["不同的文件夹中", "从命令中删去"], ["移到"]),
    # both in the folder given: move one out of it
    (["同一文件夹"], ["移出该文件夹", "同一文件夹"], ["不同的文件夹中"]),
])
def test_a_roster_inside_another_is_refused_with_what_to_do(tmp_path, given, says, never):
    # h401/h406: a village's roster in 花名册/城关镇 given beside the county's 花名册 was refused with "其他的移到子文件夹中"
    import openpyxl

    (tmp_path / "花名册" / "城关镇").mkdir(parents=True)
    (tmp_path / "同一文件夹").mkdir()
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], tmp_path / "花名册" / COUNTY_ROSTERS[0])
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], tmp_path / "同一文件夹" / COUNTY_ROSTERS[0])
    import openpyxl

    book = openpyxl.load_workbook(COUNTY / COUNTY_ROSTERS[0])
    sheet = book.active
    top = next(r for r in range(1, 8) if any("身份证" in str(c.value or "") for c in sheet[r]))
    sheet.delete_rows(top + 1 + (sheet.max_row - top) // 3, sheet.max_row)  # the first third of the county's people
    book.save(tmp_path / "花名册" / "城关镇" / "城关镇.xlsx")
    book.save(tmp_path / "同一文件夹" / "城关镇.xlsx")
    result = CliRunner().invoke(app, ["audit", *(str(tmp_path / g) for g in given), "--as-of", AS_OF,
                                      "--out", str(tmp_path / "out")])
    said = " ".join(result.output.split())
    assert result.exit_code == 3 and "同一份花名册的两个版本" in said, said
    assert all(s in said for s in says) and not any(n in said for n in never), said


@pytest.mark.parametrize("applicants", ["新申请家庭名册", "申请人员"])
def test_screen_s_quarter_gives_the_enrolled_rosters_folder_with_lists(tmp_path, monkeypatch, applicants):
    # h411: `screen 2026年第三季度` over 申请人员/ and 部门数据/ (the current rosters and the lists) wrote both folders as
    # applications: following it screened the county's 790 enrolled families instead of the 40 applying. The rosters'
    # folder is now given with --lists (its rosters the enrolled ones), and the applicants' folder is said to hold
    # 新申请家庭名册, not 花名册
    folder = _quarter(tmp_path, {applicants: [("新申请/新申请家庭.xlsx", "新申请家庭.xlsx")],
                                 "部门数据": [*_ROSTERS, (COUNTY_LISTS["deaths"], "死亡人员名单.csv")]})
    args = ["screen", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")]
    monkeypatch.setattr(sys, "argv", ["rostercheck", *args])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 3 and not (tmp_path / "out").exists()
    said = " ".join(result.output.split()).replace(" ", "")
    assert f"rostercheckscreen{folder / applicants}--lists{folder / '部门数据'}--as-of" in said, said
    assert f"提示：{applicants}：子文件夹，未读取；其中有1个新申请家庭名册（新申请家庭.xlsx）" in said, said
    assert "不像新申请名单，是在册对象花名册：用--lists给出时作为在册名单比对申请人" in said, said


@pytest.mark.parametrize("named_by", ["title", "folder"])
def test_last_quarters_roster_folder_is_said_as_such_in_the_command_s_stop(tmp_path, named_by):
    # h411: 上季度/ beside 花名册/ was left out of the command rightly, but said to hold "nothing this command reads"
    # (its 低保 roster naming 第二季度); and where only the folders name the quarters (2026年第二季度/低保花名册.xlsx
    # beside 2026年第三季度/低保花名册.xlsx) both were written into the command
    import openpyxl

    now, before = ("花名册", "上季度") if named_by == "title" else ("2026年第三季度花名册", "2026年第二季度花名册")
    folder = _quarter(tmp_path, {now: [], before: [], "部门数据": [(COUNTY_LISTS["deaths"], "导出数据.csv")]})
    for sub, quarter in ((now, "第三季度"), (before, "第二季度")):
        book = openpyxl.load_workbook(COUNTY / COUNTY_ROSTERS[0])
        sheet = next(ws for ws in book.worksheets if ws.sheet_state == "visible" and ws.max_row > 100)
        title = str(sheet.cell(1, 1).value)
        sheet.cell(1, 1).value = (title.replace("第三季度", quarter) if named_by == "title"
                                  else title.replace("2026年第三季度", ""))
        book.save(folder / sub / (f"低保花名册_{quarter}.xlsx" if named_by == "title" else "低保花名册.xlsx"))
    err = gather([folder]).idle_error(argv=["coverage", str(folder), "--out", "结果"])
    assert f"rostercheck coverage {folder / now} {folder / '部门数据'} --out 结果" in err.message, err.message
    assert f"子文件夹 {before} 中的花名册写明的所属期早于本期" in err.message and "中没有识别出" not in err.message


@pytest.mark.parametrize("name, stops", [("河东乡低保花名册.rar", True), ("特困人员名册.7z", True), ("照片.rar", False)])
def test_an_archive_named_as_a_roster_stops_the_folder_run_saying_it_is_an_archive(tmp_path, name, stops):
    # h411: a .rar named as a roster stopped with "找不到表头（如“姓名”“身份证号”）" as though it were a workbook
    shutil.copy(COUNTY / COUNTY_ROSTERS[0], tmp_path / COUNTY_ROSTERS[0])
    (tmp_path / name).write_bytes(b"Rar!\x1a\x07\x00 not unpacked")
    if not stops:
        got = gather([tmp_path])
        assert any(w.startswith(f"{name}：压缩包") for w in got.warnings)
        return
    with pytest.raises(InputFileError) as err:
        gather([tmp_path])
    assert "是压缩包" in err.value.message and "请先解压" in err.value.message and "表头" not in err.value.message


@pytest.mark.parametrize("top, below, given, stops", [
    # must stop: the rosters directly in the folder, the departments' lists and the ledgers in sub-folders (h420:
    # ran on the rosters alone, exit 0, every C, F and RQ check 未提供 but for a notice per sub-folder)
    (_ROSTERS[:1], {"部门数据": [(COUNTY_LISTS["deaths"], "导出数据.csv")], "资金": _LEDGERS[:1]}, [], True),
    (_ROSTERS[:1], {"资金发放": _LEDGERS}, [], True),
    # … and with the ledgers given by --payments, the lists still unread: --lists added, --payments kept as typed
    (_ROSTERS[:1], {"部门数据": [(COUNTY_LISTS["deaths"], "导出数据.csv")], "资金发放": _LEDGERS}, ["--payments", "资金发放"],
     True),
    # must not stop: a list read beside the rosters (the sample county's own folder, 资金发放/ below it), a list given
    # by its option or a --lists folder, or a sub-folder of last quarter's rosters only
    ([*_ROSTERS[:1], (COUNTY_LISTS["deaths"], COUNTY_LISTS["deaths"])], {"资金发放": _LEDGERS}, [], False),
    (_ROSTERS[:1], {"部门数据": [(COUNTY_LISTS["deaths"], "导出数据.csv")]}, ["--staff", COUNTY_LISTS["staff"]], False),
    (_ROSTERS[:1], {"部门数据": [(COUNTY_LISTS["deaths"], "导出数据.csv")]}, ["--lists", "部门数据"], False),
    (_ROSTERS[:1], {"上季度": _ROSTERS[1:2]}, [], False),
])
def test_rosters_beside_sub_folders_of_lists_are_told_the_command(tmp_path, monkeypatch, top, below, given, stops):
    folder = tmp_path / "独山县"
    folder.mkdir()
    for source, name in top:
        shutil.copy(COUNTY / source, folder / name)
    for sub, files in below.items():
        (folder / sub).mkdir()
        for source, name in files:
            shutil.copy(COUNTY / source, folder / sub / name)
    given = [str(folder / w) if w in ("部门数据", "资金发放") else str(COUNTY / w) if w.endswith((".xlsx", ".csv")) else w
             for w in given]
    args = ["audit", str(folder), *given, "--as-of", AS_OF, "--out", str(tmp_path / "out")]
    monkeypatch.setattr(sys, "argv", ["rostercheck", *args])
    result = CliRunner().invoke(app, args)
    said = " ".join(result.output.split())
    if not stops:
        assert result.exit_code in (0, 1) and "直接存放的只有花名册" not in said, said
        return
    assert result.exit_code == 3 and not (tmp_path / "out").exists(), said
    command = re.search(r"rostercheck audit (\S+(?: \S+)*?) --out \S+", said)
    assert command is not None, said
    words = command.group(0).split()
    assert words[2] == str(folder)  # the rosters' folder stays in the command
    lists = [d for d in below if d == "部门数据"]
    ledgers = [d for d in below if d != "部门数据"]
    for flag, dirs in (("--lists", lists), ("--payments", ledgers)):
        assert [words[k + 1] for k, w in enumerate(words) if w == flag] == [str(folder / d) for d in dirs]
    run = CliRunner().invoke(app, words[1:])  # the command as written reads them
    assert run.exit_code in (0, 1), run.output
    taken = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["options"]
    assert taken["payments"] == [str(folder / d) for d in ledgers]
    assert ("deaths" in taken["lists"]) == bool(lists)


def _monitoring_export(path: Path, member_numbers: list[str]) -> Path:
    """A 防返贫 system export: a 监测户 sheet (户编号, head, income, risk) and a 家庭成员 sheet (户编号 and own IDs only)."""
    import openpyxl

    from helpers import make_id

    book = openpyxl.Workbook()
    heads = book.active
    heads.title = "监测户"
    heads.append(["户编号", "乡镇", "村", "户主姓名", "户主身份证号", "监测对象类别", "风险消除状态", "家庭年人均纯收入（元）"])
    members = book.create_sheet("家庭成员")
    members.append(["户编号", "成员姓名", "证件号码", "与户主关系"])
    for k in range(6):
        no = f"43112610{k:04d}"
        heads.append([no, "天堂镇", "大元村", f"王户{k}", make_id("19700101", 11 + 2 * k), "边缘易致贫户", "风险未消除", 4800])
        members.append([member_numbers[k], f"赵员{k}", make_id("19720101", 12 + 2 * k), "配偶"])
    book.save(path)
    return path


@pytest.mark.parametrize("same_numbers, expected", [
    # must join: the members sheet numbers its rows as the 监测户 sheet does -> one monitoring list, the registry file kept
    (True, {"monitoring": "防返贫监测对象.xlsx", "registry": "户籍人口.csv"}),
    # must not join: other household numbers (a registry sheet of its own) -> still two registries, refused
    (False, None),
])
def test_a_monitoring_exports_members_sheet_is_no_registry(tmp_path, same_numbers, expected):
    # held-out 422: the 家庭成员 sheet (户编号, 成员姓名, 证件号码, 与户主关系) was taken as a registry beside the real one
    from helpers import make_id

    numbers = [f"43112610{k:04d}" for k in range(6)] if same_numbers else [f"8800{k:04d}" for k in range(6)]
    _monitoring_export(tmp_path / "防返贫监测对象.xlsx", numbers)
    _csv(tmp_path / "户籍人口.csv", ["户号", "姓名", "公民身份号码", "与户主关系", "住址"],
         [["900001", "李甲", make_id("19600101", 31), "户主", "天堂镇大元村"]])
    if expected is None:
        with pytest.raises(UsageError):
            gather([tmp_path])
        return
    got = gather([tmp_path])
    assert {k: p.name for k, p in got.lists.items()} == expected


def _loose_quarter(tmp_path: Path) -> Path:
    """A quarter's folder with the departments' lists loose at its top, the batch in 申请/ and the rosters in 花名册/."""
    folder = _quarter(tmp_path, {"申请": [("新申请/新申请家庭.xlsx", "新申请家庭.xlsx")], "花名册": _ROSTERS})
    for kind in ("deaths", "staff", "vehicles"):
        shutil.copy(COUNTY / COUNTY_LISTS[kind], folder / Path(COUNTY_LISTS[kind]).name)
    return folder


@pytest.mark.parametrize("extra, lists", [
    ([], ["", "花名册"]),  # the lists' folder itself and the enrolled rosters' sub-folder, each by --lists
    (["--lists", "{folder}"], ["花名册"]),  # the folder given by --lists already: not written twice
    (["--enrolled", "{roster}"], [""]),  # the enrolled rosters given: their sub-folder is not written
])
def test_screen_s_quarter_with_lists_loose_and_the_batch_below_says_the_command(tmp_path, monkeypatch, extra, lists):
    # h430: lists at the quarter folder's top, the batch in 申请/ and the rosters in 花名册/: the lists were read, no
    # batch, and the stop said only "没有按表头内容识别为新申请家庭名册的文件" with no command to run
    folder = _loose_quarter(tmp_path)
    extra = [w.format(folder=folder, roster=folder / "花名册" / COUNTY_ROSTERS[0]) for w in extra]
    args = ["screen", str(folder), *extra, "--as-of", AS_OF, "--out", str(tmp_path / "out")]
    monkeypatch.setattr(sys, "argv", ["rostercheck", *args])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 3 and not (tmp_path / "out").exists()
    said = " ".join(result.output.split()).replace(" ", "")
    given = "".join(f"--lists{folder / sub if sub else folder}" for sub in lists)
    assert f"rostercheckscreen{folder / '申请'}{given}{''.join(extra)}--as-of" in said, said
    assert "新申请家庭名册在子文件夹申请中" in said, said
    if "--enrolled" not in extra:  # the command as said runs: the 40 applying families, the rosters enrolled
        run = [folder / "申请", *(w for sub in lists for w in ("--lists", folder / sub if sub else folder))]
        done = CliRunner().invoke(app, ["screen", *map(str, run), "--as-of", AS_OF, "--out", str(tmp_path / "run")])
        assert done.exit_code == 0 and "申请家庭 40 户" in done.output, done.output


def test_screen_s_quarter_with_the_batch_loose_runs_as_before(tmp_path):
    # must not stop: the batch lies beside the lists, the rosters' sub-folder is left unread as before
    folder = _loose_quarter(tmp_path)
    shutil.move(folder / "申请" / "新申请家庭.xlsx", folder / "新申请家庭.xlsx")
    result = CliRunner().invoke(app, ["screen", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0 and "申请家庭 40 户" in result.output, result.output


def test_screen_s_quarter_with_lists_loose_and_rosters_only_below_names_no_rosters_as_applications(tmp_path):
    # must not: with no sub-folder of applications, the enrolled rosters' folder is never written as the batch (h430)
    folder = _loose_quarter(tmp_path)
    shutil.rmtree(folder / "申请")
    result = CliRunner().invoke(app, ["screen", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out")])
    said = " ".join(result.output.split()).replace(" ", "")
    assert result.exit_code == 3 and "没有按表头内容识别为新申请家庭名册的文件" in said, said
    assert f"rostercheckscreen{folder / '花名册'}" not in said, said
