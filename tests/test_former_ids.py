"""People whose ID number changed: a list's or the roster's 原身份证号 links its row to the member (held-out 337).

An ID corrected by 公安, a 15-digit 一代证 upgraded, a wrong birth date put right: the list names the person under the
new ID and keeps the old one in a 原身份证号 (原证件号码, 曾用身份证号码, 旧身份证号) column, the roster still holding the
old one — or the other way round. The old ID beside the same name is as sure as the current one (高, the key saying
原身份证号); beside another name it is 低; a damaged, masked or blank old ID links nobody.
"""

from __future__ import annotations

import csv

import openpyxl
import pandas as pd
import pytest
from helpers import AS_OF, context, household, make_id

from rostercheck import bulk
from rostercheck.audit import audit, run_checks
from rostercheck.io.columns import assign

A = make_id("19500101", 111)
B = make_id("19600202", 122)  # 李梅's ID on the roster: the old one on the lists
B_NEW = make_id("19600302", 122)  # … her birth date corrected by 公安: the lists' current ID
C = make_id("19700303", 131)
STRANGER = make_id("19810101", 357)
C_OLD = make_id("19700313", 133)  # 张小's before his was corrected
B_OLD = make_id("19600220", 124)  # 李梅's ID before 公安 corrected her birth date (the roster's 原身份证号)


def roster(**extra):
    return household("张三", A, [("李梅", "配偶", B), ("张小", "子女", C)], **extra)


def _found(ctx, code):
    return [(ctx.members.at[f.member, "name"], f.confidence, f.key) for f in run_checks(ctx, [code])[0] if f.code == code]


# The columns --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, headers, former", [
    ("deaths", ["姓名", "身份证号码", "原身份证号", "死亡日期"], "原身份证号"),
    ("prisoners", ["姓名", "身份证号", "原证件号码", "入监日期", "刑期止日"], "原证件号码"),
    ("staff", ["工作单位", "姓名", "身份证号码", "曾用身份证号码", "人员类别"], "曾用身份证号码"),
    ("pensions", ["姓名", "社会保障号码", "旧身份证号", "险种", "月发放金额"], "旧身份证号"),
    ("vehicles", ["号牌号码", "车辆类型", "所有人", "身份证明号码", "原身份证明号码", "机动车状态"], "原身份证明号码"),
    ("migrations", ["户号", "迁移人姓名", "原身份证号", "迁移人身份证号", "迁出日期", "迁往地"], "原身份证号"),
    ("roster", ["户主姓名", "户主身份证号", "成员姓名", "成员身份证号码", "原身份证号"], "原身份证号"),
    ("roster", ["成员姓名", "身份证号（旧）", "身份证号"], "身份证号（旧）"),
])
def test_a_former_id_column_is_read_beside_the_persons_current_one(kind, headers, former):
    got = assign(headers, kind)
    assert headers[got["former_id"]] == former and headers[got["id"]] != former


@pytest.mark.parametrize("kind, headers, head_id, former", [
    # held-out 344: an application export's 申请人原身份证号 was read as the 户主身份证号, the applicant's current ID lost
    ("roster", ["户主姓名", "户主身份证号", "成员姓名", "成员身份证号码", "申请人原身份证号"], "户主身份证号", None),
    ("roster", ["申请人原身份证号", "户主姓名", "户主身份证号", "成员姓名", "成员身份证号码"], "户主身份证号", None),
    ("roster", ["户主姓名", "户主身份证号", "户主原身份证号", "成员姓名", "成员身份证号码"], "户主身份证号", None),
    ("roster", ["户主姓名", "户主身份证号", "成员姓名", "成员原身份证号码", "成员身份证号码"], "户主身份证号", "成员原身份证号码"),
    ("monitoring", ["户主姓名", "户主身份证号", "户主原身份证号", "成员姓名", "成员身份证号"], "户主身份证号", None),
])
def test_a_qualified_former_id_is_never_the_heads_or_the_persons_id(kind, headers, head_id, former):
    got = assign(headers, kind)
    assert headers[got["head_id"]] == head_id
    assert "原" not in headers[got["id"]]
    assert (headers[got["former_id"]] if "former_id" in got else None) == former


@pytest.mark.parametrize("kind, headers", [
    ("deaths", ["姓名", "原身份证号", "死亡日期"]),  # a list whose only ID column says 原: still the ID, as before
    ("migrations", ["姓名", "曾用身份证号码", "迁出日期"]),
    ("vehicles", ["所有人", "原所有人身份证明号码", "身份证明号码"]),  # a seller's ID: another person, no former ID
])
def test_no_former_id_where_the_column_is_the_id_or_another_persons(kind, headers):
    got = assign(headers, kind)
    assert "former_id" not in got and "id" in got


# Must flag ----------------------------------------------------------------------------------------------------------

def test_a_death_listed_under_the_new_id_beside_the_rosters_old_one_is_flagged_high():
    rows = [{"name": "李梅", "id": B_NEW, "former_id": B, "date": "2026-05-01"}]
    ctx = context(roster(), {"deaths": rows}, headers={"deaths": {"former_id": "原身份证号"}})
    [(name, confidence, key)] = _found(ctx, "C02")
    assert (name, confidence) == ("李梅", "高")
    assert key.startswith("原身份证号一致") and "名单“原身份证号”列" in key


def test_an_old_15_digit_id_whose_upgrade_is_the_rosters_is_flagged_high():
    rows = [{"name": "李梅", "id": B_NEW, "former_id": B[:6] + B[8:17], "date": "2026-05-01"}]
    [(name, confidence, key)] = _found(context(roster(), {"deaths": rows}), "C02")
    assert (name, confidence) == ("李梅", "高") and "15 位旧身份证号" in key and key.startswith("原身份证号一致")


@pytest.mark.parametrize("code, kind, row", [
    ("C02", "prisoners", {"name": "李梅", "id": B_NEW, "former_id": B, "start": "2025-01-01", "end": "2029-12-31"}),
    ("C01", "staff", {"name": "李梅", "id": B_NEW, "former_id": B, "unit": "清河县第一中学", "category": "事业"}),
    ("C04", "vehicles", {"name": "李梅", "id": B_NEW, "former_id": B, "plate": "湘E12345", "vehicle_type": "小型轿车",
                         "use": "非营运", "status": "正常"}),
])
def test_the_lists_that_stop_benefits_link_through_a_former_id(code, kind, row):
    found = _found(context(roster(), {kind: [row]}), code)
    assert [(n, c) for n, c, _ in found][:1] == [("李梅", "高")]
    assert found[0][2].startswith("原身份证号一致")


def test_a_rosters_former_id_links_a_death_listed_under_it():
    rows = roster()
    # 李梅 was 19600220… before 公安 corrected her birth date; the deaths list has that (an ID of her sex and near her
    # birth date: a former ID a generation away or of the other sex is another person's, held-out 343)
    rows[1]["former_id"] = B_OLD
    ctx = context(rows, {"deaths": [{"name": "李梅", "id": B_OLD, "date": "2026-05-01"}]})
    [(name, confidence, key)] = _found(ctx, "C02")
    assert (name, confidence) == ("李梅", "高") and key.startswith("原身份证号一致：花名册上的原身份证号")


def test_the_same_id_in_both_columns_is_one_finding_on_the_current_id():
    rows = [{"name": "李梅", "id": B, "former_id": B, "date": "2026-05-01"}]
    assert _found(context(roster(), {"deaths": rows}), "C02") == [("李梅", "高", "身份证号一致")]


# Must not flag ------------------------------------------------------------------------------------------------------

def test_a_former_id_beside_another_name_is_only_low():
    # the 原身份证号 column may hold other people's IDs (held-out 209): a lead to check, never 高 or 中
    rows = [{"name": "王秀英", "id": STRANGER, "former_id": B, "date": "2026-05-01"}]
    found = _found(context(roster(), {"deaths": rows}), "C02")
    assert [(n, c) for n, c, _ in found] == [("李梅", "低")] and "姓名不一致" in found[0][2]


@pytest.mark.parametrize("row_id", [make_id("20101210", 104),  # a generation younger (the informant's child)
                                    make_id("19600302", 131)])  # a man's ID: 李梅's is a woman's
def test_a_former_id_that_cannot_be_the_persons_own_is_only_low_beside_the_same_name(row_id):
    # held-out 343: a deaths list's 原身份证号 cell holding another 李梅's ID (the informant typed into it): an ID
    # changes region, length or a birth date by a little, never sex or a generation; a lead to check, never 高 or 中
    rows = [{"name": "李梅", "id": row_id, "former_id": B, "date": "2026-05-01"}]
    found = _found(context(roster(), {"deaths": rows}), "C02")
    assert [(n, c) for n, c, _ in found] == [("李梅", "低")] and "可能填的是他人的身份证号" in found[0][2]


def test_a_rosters_former_id_of_another_sex_links_a_namesakes_death_only_low():
    rows = roster()
    rows[1]["former_id"] = STRANGER  # a man's ID in 李梅's 原身份证号: not hers
    ctx = context(rows, {"deaths": [{"name": "李梅", "id": STRANGER, "date": "2026-05-01"}]})
    assert [(n, c) for n, c, _ in _found(ctx, "C02")] == [("李梅", "低")]


@pytest.mark.parametrize("former", ["", "无", B[:6] + "********" + B[-4:], B[:17] + ("1" if B[17] != "1" else "2"),
                                    B[:10] + "13" + B[12:]])
def test_a_blank_masked_or_damaged_former_id_links_nobody(former):
    # (a wrong check character, an impossible birth date: never matched as exact, not on the name either)
    rows = [{"name": "李梅", "id": STRANGER, "former_id": former, "date": "2026-05-01"}]
    assert _found(context(roster(), {"deaths": rows}), "C02") == []


def test_a_released_prisoner_or_a_later_death_through_a_former_id_is_not_flagged():
    lists = {"prisoners": [{"name": "李梅", "id": B_NEW, "former_id": B, "start": "2023-01-01", "end": "2025-12-31"}],
             "deaths": [{"name": "张小", "id": make_id("19700403", 131), "former_id": C, "date": "2026-11-01"}]}
    assert _found(context(roster(), lists), "C02") == []


# Through the files and the filters ----------------------------------------------------------------------------------

def _county(tmp_path):
    """A roster with a 原身份证号 column, a deaths CSV and a prisoners workbook that name two members only by a
    former ID (and strangers besides, whom the filters drop)."""
    others = [make_id(f"19{40 + k:02d}0505", 201 + 2 * k) for k in range(30)]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["清河县2026年第三季度农村低保花名册"])
    sheet.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "原身份证号", "城乡类别"])
    for name, rel, pid, old in (("张三", "户主", A, ""), ("李梅", "配偶", B, "无"), ("张小", "子女", C, C_OLD)):
        sheet.append(["城关镇", "东村", "张三", A, name, rel, pid, old, "农村"])
    book.save(tmp_path / "低保花名册.xlsx")
    with (tmp_path / "死亡人员名单.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["姓名", "身份证号码", "原身份证号", "死亡日期"])
        out.writerows([[f"路人{k}", pid, "", "2026-03-01"] for k, pid in enumerate(others)])
        out.writerow(["李梅", B_NEW, B, "2026-05-01"])  # the list's old ID is the roster's
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "原证件号码", "入监日期", "刑期止日"])
    for k, pid in enumerate(others):
        sheet.append([f"路人{k}", pid, "", "2025-01-01", "2029-01-01"])
    sheet.append(["张小", C_OLD, "", "2025-01-01", "2029-01-01"])  # the roster's old ID is the list's
    book.save(tmp_path / "服刑人员名单.xlsx")
    return [tmp_path / "低保花名册.xlsx"], {"deaths": tmp_path / "死亡人员名单.csv", "prisoners": tmp_path / "服刑人员名单.xlsx"}


@pytest.mark.parametrize("streamed", [False, True])
def test_the_filters_keep_the_rows_a_former_id_links(tmp_path, monkeypatch, streamed):
    rosters, lists = _county(tmp_path)
    whole = audit(rosters, lists, AS_OF, codes=["C02"], whole=True)
    if streamed:  # the CSV streamed through DuckDB, as a province's is
        monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    got = audit(rosters, lists, AS_OF, codes=["C02"])
    assert len(got.inputs.lists["deaths"]) < len(whole.inputs.lists["deaths"])  # (the strangers dropped)
    assert sorted(zip(got.findings["姓名"], got.findings["置信度"])) == [("张小", "高"), ("李梅", "高")]
    assert got.findings["匹配键"].str.startswith("原身份证号一致").all()
    pd.testing.assert_frame_equal(whole.findings, got.findings)


def test_a_big_sheets_sparse_read_keeps_a_row_for_its_former_id(tmp_path, monkeypatch):
    from rostercheck.io import sparse
    from rostercheck.io.table import read_file, to_table
    from rostercheck.normalize import ids

    monkeypatch.setattr(sparse, "MIN_XML_BYTES", 0)  # every sheet is big enough
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "社会保障号码", "旧身份证号", "险种", "月发放金额", "发放状态"])
    for k in range(40):
        sheet.append([f"路人{k}", make_id(f"19{40 + k:02d}0606", 301 + 2 * k), B if k == 7 else "", "企业职工基本养老保险",
                      3000, "正常发放"])
    sheet.append(["李梅", B, "", "城乡居民基本养老保险", 180, "正常发放"])
    book.save(tmp_path / "养老金.xlsx")
    keys = bulk.KeySet()
    keys.add(*ids.id_numbers([B])[:3])
    got = to_table(read_file(tmp_path / "养老金.xlsx", "pensions", sparse=True), keys.keeps, keys.keeps_former)
    assert got.frame["_row"].tolist() == [9, 42]  # the row under its old ID, and the one under the roster's
    whole = to_table(read_file(tmp_path / "养老金.xlsx", "pensions"), keys.keeps, keys.keeps_former)
    pd.testing.assert_frame_equal(got.frame.reset_index(drop=True), whole.frame.reset_index(drop=True))


# The applicant's former ID on each of the household's rows (held-out 345) ------------------------------------------

A_OLD = make_id("19500301", 111)  # 张三's (the applicant's) ID before 公安 corrected his birth date


def _car(name, pid):
    return {"name": name, "id": pid, "plate": "湘E12345", "vehicle_type": "小型轿车", "use": "非营运", "status": "正常"}


def test_an_applicants_former_id_column_is_its_own():
    headers = ["申请编号", "申请人姓名", "申请人身份证号", "申请人原身份证号", "成员姓名", "与申请人关系", "成员身份证号"]
    got = assign(headers, "roster")
    assert headers[got["head_former_id"]] == "申请人原身份证号" and "former_id" not in got
    assert headers[got["head_id"]] == "申请人身份证号"


@pytest.mark.parametrize("relations", [("户主", "配偶", "子女"), ("本人", "妻", "子"), ("01", "10", "20"), ("", "", "")])
def test_a_car_under_the_applicants_former_id_is_flagged_high(relations):
    # must flag: 申请人原身份证号 on each row is 张三's (the head's row: by 与户主关系, or by his ID as the 户主身份证号)
    rows = roster(head_former_id=A_OLD)
    for row, rel in zip(rows, relations):
        row["relation"] = rel
    ctx = context(rows, {"vehicles": [_car("张三", A_OLD)]})
    [(name, confidence, key)] = _found(ctx, "C04")
    assert (name, confidence) == ("张三", "高") and key.startswith("原身份证号一致：花名册上的原身份证号")
    # must not: the members' rows (their IDs not the 户主身份证号) take no former ID of his
    assert ctx.members.set_index("name")["former_id"].to_dict() == {"张三": A_OLD, "李梅": "", "张小": ""}


def test_a_car_under_the_applicants_former_id_is_no_members():
    # must not flag the wife: the old ID is the applicant's, not hers (read as every member's, she was linked too)
    ctx = context(roster(head_former_id=A_OLD), {"vehicles": [_car("李梅", A_OLD)]})
    assert [(n, c) for n, c, _ in _found(ctx, "C04")] == [("张三", "低")]


def test_the_applicants_former_id_column_holding_another_names_id_is_only_low():
    # must not flag above 低: the column holds a stranger's ID (his car), whose name is not the applicant's
    ctx = context(roster(head_former_id=STRANGER), {"vehicles": [_car("王秀英", STRANGER)]})
    found = _found(ctx, "C04")
    assert [(n, c) for n, c, _ in found] == [("张三", "低")] and "姓名不一致" in found[0][2]


def test_a_members_own_former_id_is_kept_beside_the_applicants():
    rows = roster(head_former_id=A_OLD)
    rows[1]["former_id"] = B_OLD
    ctx = context(rows, {"vehicles": [_car("李梅", B_OLD), {**_car("张三", A_OLD), "plate": "湘E54321"}]})
    assert sorted((n, c) for n, c, _ in _found(ctx, "C04")) == [("张三", "高"), ("李梅", "高")]


def test_screen_finds_a_car_under_the_applicants_former_id(tmp_path):
    import datetime as dt

    from rostercheck.screen import screen

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["申请编号", "乡镇", "村", "申请人姓名", "申请人身份证号", "申请人原身份证号", "成员姓名", "与申请人关系",
                  "成员身份证号", "城乡类别"])
    for name, rel, pid in (("张三", "本人", A), ("李梅", "配偶", B), ("张小", "子", C)):
        sheet.append(["SQ001", "城关镇", "东村", "张三", A, A_OLD, name, rel, pid, "农村"])
    book.save(tmp_path / "新申请家庭.xlsx")
    with (tmp_path / "机动车.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["号牌号码", "车辆类型", "使用性质", "所有人", "身份证明号码", "机动车状态"])
        out.writerow(["湘E12345", "小型轿车", "非营运", "张三", A_OLD, "正常"])
    result = screen([tmp_path / "新申请家庭.xlsx"], {"vehicles": tmp_path / "机动车.csv"}, dt.date(2026, 9, 30))
    got = result.findings[result.findings["类别代码"] == "C04"]
    assert list(zip(got["姓名"], got["置信度"])) == [("张三", "高")]
    assert result.verdicts["结论"].tolist() == ["有疑点"]


# The paths that read no former ID before (held-out 350): registry kinship, the filing table, supporters, coverage ------

OFFICIAL = make_id("19750312", 213)
MOTHER = make_id("19520608", 224)  # the official's mother's current ID (the registry's)
MOTHER_OLD = make_id("19520608", 226, region="430527")  # … and her old one, the roster's
OFFICIAL_OLD = make_id("19750312", 215, region="430527")


@pytest.mark.parametrize("kind, headers, fields", [
    ("registry", ["户号", "姓名", "身份证号", "原身份证号", "与户主关系"], {"id": "身份证号", "former_id": "原身份证号"}),
    ("cadre_relatives", ["干部姓名", "干部身份证号", "亲属姓名", "亲属身份证号", "亲属原身份证号", "关系"],
     {"cadre_id": "干部身份证号", "id": "亲属身份证号", "former_id": "亲属原身份证号"}),
    # a filing's bare 原身份证号 or 干部原身份证号 may be the cadre's: no relative's former ID
    ("cadre_relatives", ["干部姓名", "干部身份证号", "干部原身份证号", "亲属姓名", "亲属身份证号", "关系"],
     {"cadre_id": "干部身份证号", "id": "亲属身份证号", "former_id": None}),
    ("supporters", ["被赡养人姓名", "被赡养人身份证号", "被赡养人原身份证号", "赡养人姓名", "赡养人身份证号", "赡养人原身份证号"],
     {"dependent_id": "被赡养人身份证号", "dependent_former_id": "被赡养人原身份证号", "id": "赡养人身份证号",
      "former_id": "赡养人原身份证号"}),
    ("monitoring", ["户主姓名", "户主证件号码", "成员姓名", "成员证件号码", "原身份证号", "家庭年人均纯收入（元）"],
     {"head_id": "户主证件号码", "id": "成员证件号码", "former_id": "原身份证号"}),
])
def test_the_kinship_supporters_and_coverage_lists_read_their_former_id_columns(kind, headers, fields):
    got = assign(headers, kind)
    assert {f: (headers[got[f]] if f in got else None) for f in fields} == fields


def _registry(rows):
    return [{"household_no": "3001", "name": n, "relation": r, "id": i, "former_id": f} for n, r, i, f in rows]


@pytest.mark.parametrize("code, kind, official_id, registry, flagged_as", [
    # the mother on the roster under her old ID, the registry under her new one beside it
    ("C01", "staff", OFFICIAL, [("赵明", "户主", OFFICIAL, ""), ("周桂兰", "母亲", MOTHER, MOTHER_OLD)], [("周桂兰", "中")]),
    ("RQ2", "cadres", OFFICIAL, [("赵明", "户主", OFFICIAL, ""), ("周桂兰", "母亲", MOTHER, MOTHER_OLD)], [("周桂兰", "中")]),
    # the staff list still under the official's old ID, the registry under his new one beside it
    ("C01", "staff", OFFICIAL_OLD, [("赵明", "户主", OFFICIAL, OFFICIAL_OLD), ("周桂兰", "母亲", MOTHER_OLD, "")],
     [("周桂兰", "中")]),
    # must not: the registry's 原身份证号 of the official's son holding an old man's ID (another generation, another name)
    ("C01", "staff", OFFICIAL, [("赵明", "户主", OFFICIAL, ""), ("赵磊", "长子", make_id("19990909", 231), MOTHER_OLD)], []),
    # … or a mistyped one (no valid ID: never exact)
    ("C01", "staff", OFFICIAL, [("赵明", "户主", OFFICIAL, ""), ("周桂兰", "母亲", MOTHER, MOTHER_OLD[:17] + "0"
                                                              if MOTHER_OLD[17] != "0" else MOTHER_OLD[:17] + "1")], []),
])
def test_registry_kinship_links_through_a_former_id(code, kind, official_id, registry, flagged_as):
    official = {"name": "赵明", "id": official_id, "unit": "县财政局", "category": "公务员", "village": "东村",
                "post": "村会计"}
    ctx = context(household("周桂兰", MOTHER_OLD), {kind: [official], "registry": _registry(registry)})
    assert [(n, c) for n, c, _ in _found(ctx, code) if c in ("高", "中")] == flagged_as


def test_a_relative_filed_with_a_former_id_column_is_rq1_high():
    filing = [{"cadre_name": "钱玉芬", "cadre_id": OFFICIAL, "name": "周桂兰", "id": MOTHER, "former_id": MOTHER_OLD,
               "relation": "父母"}]
    ctx = context(household("周桂兰", MOTHER_OLD), {"cadre_relatives": filing})
    [(name, confidence, key)] = _found(ctx, "RQ1")
    assert (name, confidence) == ("周桂兰", "高") and key.startswith("原身份证号一致")


GRANNY = make_id("19450303", 122)
GRANNY_OLD = make_id("19450303", 124, region="430528")
SON = make_id("19720210", 131)
SON_OLD = make_id("19720210", 133, region="430528")
WOMAN = make_id("19720315", 142)


def _supporter(**kw):
    return {"dependent_name": "吴秀英", "dependent_id": GRANNY, "name": "郑建华", "id": SON, "relation": "儿子", **kw}


def _wages(name, pid, **kw):
    return [{"name": name, "id": pid, "wage": 4200, "month": m, **kw} for m in ("2026-07", "2026-08", "2026-09")]


_STAFF = {"unit": "县一中", "category": "事业"}


@pytest.mark.parametrize("roster_id, row, lists, flagged_as", [
    # the supporter's wages under his old ID, his 赡养人原身份证号 saying so
    (GRANNY, _supporter(former_id=SON_OLD), {"wages": _wages("郑建华", SON_OLD)}, [("吴秀英", "高")]),
    # the supporters list under his old ID, the staff list under his new beside its 原身份证号
    (GRANNY, _supporter(id=SON_OLD), {"staff": [{"name": "郑建华", "id": SON, "former_id": SON_OLD, **_STAFF}]},
     [("吴秀英", "高")]),
    # the dependent on the roster under her old ID: the list's 被赡养人原身份证号, or the list under it
    (GRANNY_OLD, _supporter(dependent_former_id=GRANNY_OLD), {"staff": [{"name": "郑建华", "id": SON, **_STAFF}]},
     [("吴秀英", "高")]),
    # must not: the 赡养人原身份证号 holding a woman's ID (another person), or his namesake's beside another name
    (GRANNY, _supporter(former_id=WOMAN), {"staff": [{"name": "郑建华", "id": WOMAN, **_STAFF}]}, [("吴秀英", "低")]),
    (GRANNY, _supporter(former_id=SON_OLD), {"wages": _wages("吕大海", SON_OLD)}, [("吴秀英", "低")]),
    # … a masked former ID links nothing
    (GRANNY, _supporter(former_id=SON_OLD[:6] + "********" + SON_OLD[-4:]), {"wages": _wages("郑建华", SON_OLD)}, []),
])
def test_c07_links_a_supporter_and_a_dependent_through_former_ids(roster_id, row, lists, flagged_as):
    ctx = context(household("吴秀英", roster_id), {"supporters": [row], **lists})
    assert [(n, c) for n, c, _ in _found(ctx, "C07")] == flagged_as


def test_the_key_set_keeps_rows_under_a_whole_lists_former_ids():
    # a wages or registry row under a supporter's (a staff member's) old ID is kept by the filters (held-out 350)
    ctx = context(household("吴秀英", GRANNY), {"supporters": [_supporter(former_id=SON_OLD, dependent_former_id=GRANNY_OLD)]})
    keys = bulk.key_set([ctx.lists["supporters"]])
    assert keys.keeps([SON_OLD, GRANNY_OLD, STRANGER]).tolist() == [True, True, False]


# The former-ID leftovers of held-out 350 (held-out 353): the filing bridged by the registry, coverage's registry
# households, the key set ----------------------------------------------------------------------------------------------

YOUNG = make_id("19880606", 228)  # a 周桂兰 a generation younger than the filed one
MASKED_OLD = MOTHER_OLD[:6] + "********" + MOTHER_OLD[-4:]
DAMAGED_OLD = MOTHER_OLD[:17] + ("0" if MOTHER_OLD[17] != "0" else "1")


@pytest.mark.parametrize("filed_id, roster_id, registry, flagged_as", [
    # filed under her old ID, on the roster under her new one without a 原身份证号, the registry giving both (RQ1 missed)
    (MOTHER_OLD, MOTHER, [("周桂兰", "母亲", MOTHER, MOTHER_OLD)], [("周桂兰", "高")]),
    # filed under her new ID, on the roster under her old one, the registry giving both
    (MOTHER, MOTHER_OLD, [("周桂兰", "母亲", MOTHER, MOTHER_OLD)], [("周桂兰", "高")]),
    # must not above 低: the registry's 原身份证号 of a namesake a generation younger holds the filed ID …
    (MOTHER, YOUNG, [("周桂兰", "本人", YOUNG, MOTHER)], [("周桂兰", "低")]),
    # … or another name's (the registry row is 王秀英's)
    (MOTHER_OLD, MOTHER, [("王秀英", "母亲", MOTHER, MOTHER_OLD)], [("周桂兰", "低")]),
    # … and a masked or mistyped 原身份证号 bridges nothing
    (MOTHER_OLD, MOTHER, [("周桂兰", "母亲", MOTHER, MASKED_OLD)], []),
    (MOTHER_OLD, MOTHER, [("周桂兰", "母亲", MOTHER, DAMAGED_OLD)], []),
])
def test_rq1_links_a_filed_relative_through_the_registrys_former_id(filed_id, roster_id, registry, flagged_as):
    filing = [{"cadre_name": "赵明", "cadre_id": OFFICIAL, "name": "周桂兰", "id": filed_id, "relation": "父母"}]
    ctx = context(household("周桂兰", roster_id), {"cadre_relatives": filing,
                                                  "registry": _registry([("赵明", "户主", OFFICIAL, ""), *registry])})
    found = _found(ctx, "RQ1")
    assert [(n, c) for n, c, _ in found] == flagged_as
    assert all("经户籍人口名单第" in key for *_, key in found)


HUSBAND = make_id("19780505", 251)
WIFE = make_id("19800606", 262)
WIFE_OLD = make_id("19800606", 264, region="430527")


@pytest.mark.parametrize("roster_id, wife_former, covered", [
    # the wife on the roster under her old ID, the registry under her new one beside it: the family is enrolled
    (WIFE_OLD, WIFE_OLD, True),
    # must flag: the 原身份证号 holds a roster woman's ID a generation older, or is masked or mistyped
    (make_id("19480808", 262), make_id("19480808", 262), False),
    (WIFE_OLD, WIFE_OLD[:6] + "********" + WIFE_OLD[-4:], False),
    (WIFE_OLD, WIFE_OLD[:17] + ("0" if WIFE_OLD[17] != "0" else "1"), False),
])
def test_coverage_follows_the_registrys_former_id_to_the_roster(roster_id, wife_former, covered):
    from helpers import leads

    monitored = [{"head_name": "石明", "head_id": HUSBAND, "name": "石明", "id": HUSBAND, "relation": "户主",
                  "monitor_type": "突发严重困难户", "income_year": "3000", "risk": "未消除", "township": "城关镇", "village": "东村"}]
    registry = [{"household_no": "4001", "name": "石明", "relation": "户主", "id": HUSBAND, "former_id": ""},
                {"household_no": "4001", "name": "温小燕", "relation": "妻", "id": WIFE, "former_id": wife_former}]
    ctx = context(household("温小燕", roster_id), {"monitoring": monitored, "registry": registry})
    assert leads(ctx, "L01") == ([] if covered else [("石明", "高")])


def test_the_key_set_takes_only_the_valid_former_ids():
    # a former ID links only as an equal valid ID: a mistyped one keeps no row one digit from it (its repaired keys),
    # the roster's as the lists' (once: the roster's former IDs came twice, held-out 350)
    damaged = SON_OLD[:17] + ("0" if SON_OLD[17] != "0" else "1")
    ctx = context(household("吴秀英", GRANNY), {"supporters": [_supporter(former_id=damaged)]})
    assert bulk.key_set([ctx.lists["supporters"]]).keeps([SON_OLD]).tolist() == [False]
    rows = household("吴秀英", GRANNY, [("郑建华", "子", SON)])
    rows[1]["former_id"] = damaged
    members = context(rows).members
    assert bulk.key_set([members]).keeps([SON_OLD, SON]).tolist() == [False, True]
    rows[1]["former_id"] = SON_OLD
    assert bulk.key_set([context(rows).members]).keeps([SON_OLD]).tolist() == [True]
