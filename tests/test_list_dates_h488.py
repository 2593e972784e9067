"""The lists' dates and people h487's blind round left untried (h488's blind round, 修水县 360424 in four header styles).

A moves list's 随迁人 (name, ID; several in one cell) moved out with the mover: the row is each's, as a business row
is its 投资人's. A person word bracketed in mid-label (身份证号（配偶）码, 出生（户主）日期) is read as one trailing is
(配偶身份证号码). A deaths list's 注销户口日期 bounds the death (the 户口 is cancelled after it, often months after), as
a 火化日期 does; it is never the death's own day. An exits list's 保障类别（原） is the programme left, as 原保障类别 is.
A party's name column headed by the party's word alone before a bare ID ('配偶 | 身份证号') is that party's name.
"""

import datetime as dt

import pytest

from rostercheck.io.columns import assign
from rostercheck.io.table import load_table
from rostercheck.normalize.values import header_label
from rostercheck.reference import normalise
from rostercheck.rules.c02_status import death_bound, death_day


def mapping(kind, headers):
    labels = [header_label(h) for h in headers]
    return {f: headers[c] for f, c in assign(labels, kind).items()}


def read(tmp_path, kind, headers, *rows):
    path = tmp_path / f"{kind}.csv"
    path.write_text("\n".join(",".join(r) for r in [headers, *rows]) + "\n", encoding="gbk")
    return normalise(load_table(path, kind))


MOVER, WIFE, SON = "360424199001010015", "360424195203040026", "360424195506070033"
STAFF = ["工作单位", "姓名", "身份证号码"]
CADRE = ["姓名", "公民身份号码", "乡镇", "村", "职务"]


# (kind, headers, field, the header it must be read from — None: the field is left unread)
@pytest.mark.parametrize("kind, headers, field, expected", [
    # the people who moved with the mover, beside the 户主/申请人 who may not have moved
    ("migrations", ["姓名", "身份证号", "迁出日期", "迁往地", "随迁人姓名", "随迁人身份证号", "户主姓名", "户主身份证号"],
     "follower_id", "随迁人身份证号"),
    ("migrations", ["姓名", "身份证号", "迁出日期", "迁往地", "随迁人姓名", "随迁人身份证号"], "follower_name", "随迁人姓名"),
    ("migrations", ["随迁人员", "随迁人员身份证号码", "姓名", "身份证号", "迁出日期"], "follower_id", "随迁人员身份证号码"),
    ("migrations", ["随迁人姓名", "随迁人身份证号", "姓名", "身份证号", "迁出日期"], "id", "身份证号"),
    ("migrations", ["随迁人姓名", "随迁人身份证号", "姓名", "身份证号", "迁出日期"], "name", "姓名"),
    # a person word bracketed in mid-label, as one trailing
    ("staff", STAFF + ["姓名（配偶）", "身份证号（配偶）码"], "spouse_id", "身份证号（配偶）码"),
    ("staff", STAFF + ["姓名（配偶）", "身份证号（配偶）码"], "id", "身份证号码"),
    ("cadres", CADRE + ["姓名(配偶)", "身份证号(配偶)码"], "spouse_id", "身份证号(配偶)码"),
    ("migrations", ["户主姓名", "身份证号（户主）码", "出生（户主）日期", "姓名", "身份证号码", "迁出日期"], "id", "身份证号码"),
    ("migrations", ["户主姓名", "身份证号（户主）码", "出生（户主）日期", "姓名", "身份证号码", "迁出日期"], "birth", None),
    ("deaths", ["户主姓名", "身份证号（户主）码", "出生（户主）日期", "姓名", "身份证号码", "登记日期"], "id", "身份证号码"),
    # (one person's other name in brackets stays as written)
    ("businesses", ["主体名称", "法定代表人(经营者)姓名", "证件号码"], "name", "法定代表人(经营者)姓名"),
    # the programme an exit left, bracketed or not
    ("exits", ["姓名", "身份证号", "停保日期", "停保原因", "保障类别（原）"], "programme", "保障类别（原）"),
    ("exits", ["姓名", "身份证号", "停保日期", "停保原因", "原保障类别"], "programme", "原保障类别"),
    ("exits", ["姓名", "身份证号", "停保日期", "停保原因", "保障类别"], "programme", "保障类别"),
    # a cadre's term beside its end, or as one cell
    ("cadres", CADRE + ["任职日期", "离任日期"], "end", "离任日期"),
    ("cadres", CADRE + ["任职起止"], "range", "任职起止"),
])
def test_list_column(kind, headers, field, expected):
    assert mapping(kind, headers).get(field) == expected


def test_followers_moved_out_too(tmp_path):
    """Each 随迁人 of a row, one or several in a cell, is a row of the moves list; the 户主 beside them is none."""
    out = read(tmp_path, "migrations",
               ["姓名", "身份证号", "迁出日期", "迁往地", "随迁人姓名", "随迁人身份证号", "户主姓名", "户主身份证号"],
               ["匡明", MOVER, "2026-04-12", "广东省东莞市长安镇", "冷秀英、樊金根", f"{WIFE}、{SON}",
                "卢德", "360424196001010017"])
    assert sorted(out["id"]) == sorted([MOVER, WIFE, SON])
    assert dict(zip(out["id"], out["name"]))[SON] == "樊金根"
    assert all(d == dt.date(2026, 4, 12) for d in out["date"])


# (the deaths list's dates, the day the death is no later than and the header it is said by)
@pytest.mark.parametrize("headers, cells, bound, said", [
    (["注销户口日期"], ["2026-07-15"], dt.date(2026, 7, 15), "注销户口日期"),
    (["登记日期", "注销户口日期"], ["2026-03-20", "2026-07-15"], dt.date(2026, 3, 20), "登记日期"),
    (["户口注销日期", "登记日期"], ["2026-07-15", "2026-03-20"], dt.date(2026, 3, 20), "登记日期"),
    (["火化日期", "户口注销日期"], ["2026-03-13", "2026-07-15"], dt.date(2026, 3, 13), "火化日期"),
    (["登记日期", "火化日期", "注销户口日期"], ["2026-03-20", "2026-03-13", "2026-07-15"], dt.date(2026, 3, 13), "火化日期"),
])
def test_hukou_cancellation_bounds_the_death(tmp_path, headers, cells, bound, said):
    out = read(tmp_path, "deaths", ["姓名", "身份证号码", *headers], ["吴平", MOVER, *cells])
    row = out.iloc[0].to_dict()
    assert death_day(row) is None  # no date of the death itself
    day, label, _ = death_bound(row)
    assert (day, label) == (bound, said)


@pytest.mark.parametrize("headers, kind, field, value", [
    (["工作单位", "姓名", "身份证号", "配偶", "身份证号", "人员类别"], "staff", "spouse_name", "冷秀英"),
    (["姓名", "公民身份号码", "配偶", "公民身份号码", "乡镇", "村", "职务"], "cadres", "spouse_name", "冷秀英"),
    (["代领人", "身份证号", "领取人", "身份证号", "险种", "月发放金额"], "pensions", "name", "冷秀英"),
])
def test_bare_party_name_before_its_id(tmp_path, headers, kind, field, value):
    """A party's name under its bare word ('配偶', '领取人') before a bare ID label is that party's name."""
    cells = {"staff": ["修水县财政局", "匡明", MOVER, "冷秀英", WIFE, "公务员"],
             "cadres": ["匡明", MOVER, "冷秀英", WIFE, "义宁镇", "桃里村", "村支书"],
             "pensions": ["樊金根", SON, "冷秀英", WIFE, "企业职工基本养老保险", "2600"]}[kind]
    out = read(tmp_path, kind, headers, cells)
    assert out[field].iloc[0] == value


def test_a_follower_is_c02_and_said_to_have_moved_with_the_mover():
    """A roster member listed as the 随迁人 of a stranger's move out of the county is C02, the evidence naming the mover;
    the 户主 beside the move, who stayed, is none."""
    from helpers import context, flagged, household, make_id
    from rostercheck.audit import run_checks

    member, head = make_id("19520304", 222), make_id("19600101", 111)
    move = {"name": "匡明", "id": MOVER, "date": "2026-04-12", "dest": "广东省东莞市长安镇", "reason": "投亲",
            "follower_name": "张三", "follower_id": member, "head_name": "李四", "head_id": head}
    ctx = context(household("张三", member), {"migrations": [move]})
    assert flagged(ctx, "C02") == [("张三", "高")]
    assert "随迁人：随 匡明 一同迁出" in run_checks(ctx, ["C02"])[0][0].evidence
    assert flagged(context(household("李四", head), {"migrations": [move]}), "C02") == []


@pytest.mark.parametrize("labels, named", [
    (["工作单位", "姓名", "身份证号", "配偶", "身份证号"], ["工作单位", "姓名", "身份证号", "配偶姓名", "配偶身份证号"]),
    (["代领人", "身份证号", "领取人", "身份证号"], ["代领人姓名", "代领人身份证号", "领取人姓名", "领取人身份证号"]),
    (["申报人", "与死者关系", "身份证号", "姓名", "身份证号"], ["申报人姓名", "与死者关系", "申报人身份证号", "姓名", "身份证号"]),
    (["户主姓名", "身份证号", "姓名", "身份证号"], ["户主姓名", "户主身份证号", "姓名", "身份证号"]),  # (named already)
    (["所有人", "身份证明号码", "品牌"], ["所有人", "身份证明号码", "品牌"]),  # (one ID header: nothing paired)
])
def test_party_names(labels, named):
    from rostercheck.io.table import paired_ids, party_names

    assert party_names(labels, paired_ids(labels, "deaths")) == named
