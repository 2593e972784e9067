"""Lists whose systems put other people's columns before the real ones (h437, issue 14): a bare 姓名 | 身份证号 of a
declarant or agent before the columns naming the list's own person, and a 共有人 cell writing each co-owner's ID beside
the name."""

import csv
import datetime as dt

import openpyxl
import pytest
from helpers import make_id

from rostercheck.audit import audit
from rostercheck.io.columns import assign_columns

AS_OF = dt.date(2026, 9, 30)


# A bare name or ID column says nobody in particular; one naming the list's own person (死亡人员, 参保人, 罪犯 …) is that
# person's, wherever the bare one stands and however much shorter it is (h437: a 户口注销 export's 姓名 | 身份证号 of the
# declarant before 死亡人员姓名 | 死亡人员身份证号码 made three declarants dead and missed the dead).
@pytest.mark.parametrize("kind, labels, name, id_", [
    # must read the subject's columns
    ("deaths", ["序号", "姓名", "身份证号", "联系电话", "死亡人员姓名", "死亡人员身份证号码", "死亡日期", "注销原因"], 4, 5),
    ("deaths", ["姓名", "身份证号码", "死者姓名", "死者身份证号", "死亡日期"], 2, 3),
    ("pensions", ["姓名", "身份证号", "参保人姓名", "参保人社会保障号码", "险种", "月发放金额", "发放状态"], 2, 3),
    ("prisoners", ["姓名", "公民身份号码", "罪犯姓名", "罪犯身份证号", "入监日期", "刑期止日"], 2, 3),
    ("migrations", ["姓名", "身份证号", "迁移人姓名", "迁移人身份证号", "迁出日期", "迁往地"], 2, 3),
    ("wages", ["姓名", "身份证号", "参保人姓名", "参保人身份证号", "缴费工资", "月份"], 2, 3),
    # must keep the bare columns where nothing else names a person (or only the name does)
    ("deaths", ["姓名", "身份证号", "死亡日期", "死亡原因"], 0, 1),
    ("deaths", ["死者姓名", "身份证号", "死亡日期"], 0, 1),
    ("pensions", ["参保人姓名", "身份证号", "月发放金额"], 0, 1),
])
def test_the_lists_own_person_is_read_before_a_bare_column(kind, labels, name, id_):
    mapping = assign_columns(labels, kind).mapping
    assert (mapping.get("name"), mapping.get("id")) == (name, id_)


HEAD, WIFE = make_id("19560101", 111, "611021"), make_id("19580202", 122, "611021")
OTHER, OTHER_WIFE = make_id("19600303", 131, "611021"), make_id("19620404", 142, "611021")
LONE = make_id("19500505", 151, "611021")
STRANGER, STRANGER2 = make_id("19700606", 161, "411302"), make_id("19300707", 171, "611021")
ROSTER_HEADER = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "家庭人口"]


def _roster(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["洛南县2026年第三季度农村低保花名册"])
    ws.append(ROSTER_HEADER)
    for row in (["石门镇", "石门村", "张三", HEAD, "张三", "户主", HEAD, "农村", 2],
                ["石门镇", "石门村", "张三", HEAD, "李梅", "配偶", WIFE, "农村", 2],
                ["石门镇", "寺底村", "王五", OTHER, "王五", "户主", OTHER, "农村", 2],
                ["石门镇", "寺底村", "王五", OTHER, "赵芳", "配偶", OTHER_WIFE, "农村", 2],
                ["保安镇", "保安村", "孙七", LONE, "孙七", "户主", LONE, "农村", 1]):
        ws.append(row)
    book.save(path)
    return path


def _csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _flagged(tmp_path, lists, code):
    found = audit([_roster(tmp_path / "低保花名册.xlsx")], lists, AS_OF, codes=[code]).findings
    found = found[found["类别代码"] == code]
    return sorted(zip(found["身份证号"], found["置信度"]))


def test_a_declarant_before_the_dead_is_not_the_dead(tmp_path):
    # h437: the wife (a member) died, reported by her husband; 王五 (a member) reported his father's death (his father
    # on no roster): the bare 姓名 | 身份证号 are the declarant's
    deaths = _csv(tmp_path / "户口注销人员.csv", [
        ["序号", "姓名", "身份证号", "联系电话", "死亡人员姓名", "死亡人员身份证号码", "死亡日期", "注销原因"],
        [1, "张三", HEAD, "13900000001", "李梅", WIFE, "2026-05-03", "死亡"],
        [2, "王五", OTHER, "13900000002", "王老汉", STRANGER2, "2026-04-10", "死亡"]])
    assert _flagged(tmp_path, {"deaths": deaths}, "C02") == [(WIFE, "高")]


def _properties(path, rows):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["不动产登记信息"])
    ws.append(["原权利人", "原权利人证件号", "权利人", "证件号码", "共有情况", "共有人", "坐落", "规划用途", "面积"])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


# h437: a real-estate export's 共有人 cell writing each co-owner with the ID ('苏英(4113…)；王五(6110…)'), with no 共有人
# ID column: a member co-owning a stranger's flat besides the home of her own holds two homes (C04, 中 as a co-owner's
# share: explain C04); the cell was never read as IDs, and the filter dropped the stranger's row before it could be.
@pytest.mark.parametrize("cell, expected", [
    # must flag: the member's ID in the cell, in brackets, full-width brackets, after a label, or bare
    (f"苏英({STRANGER})；王五({OTHER})", [(OTHER, "中")]),
    (f"苏英（{STRANGER}）、王五（{OTHER}）", [(OTHER, "中")]),
    (f"王五 身份证号：{OTHER}", [(OTHER, "中")]),
    # must not flag: the member named without an ID (never on a name alone), another person's ID beside his name
    ("苏英；王五", []),
    (f"苏英({STRANGER})；王五({STRANGER2})", []),
])
def test_a_co_owner_written_with_an_id_in_the_cell_holds_the_home(tmp_path, cell, expected):
    props = _properties(tmp_path / "不动产登记信息.xlsx", [
        ["", "", "王五", OTHER, "单独所有", "", "洛南县石门镇寺底村8号", "住宅", 110],
        ["", "", "苏英", STRANGER, "共同共有", cell, "洛南县城关镇新区79号楼", "住宅", 89],
        *[["", "", f"路人{k}", make_id("19800101", 201 + 2 * k, "611002"), "单独所有", "", f"洛南县城关镇{k}号", "住宅", 90]
          for k in range(8)]])
    assert _flagged(tmp_path, {"properties": props}, "C04") == expected


def test_an_owner_listed_among_his_own_co_owners_holds_one_home(tmp_path):
    # must not flag: 孙七 the 权利人, his 共有人 cell naming himself and a stranger: one home, not two
    props = _properties(tmp_path / "不动产登记信息.xlsx", [
        ["", "", "孙七", LONE, "共同共有", f"孙七({LONE})；苏英({STRANGER})", "洛南县保安镇保安村3号", "住宅", 120],
        ["孙七", LONE, "苏英", STRANGER, "单独所有", "", "洛南县城关镇南街45号", "住宅", 80]])
    assert _flagged(tmp_path, {"properties": props}, "C04") == []


def test_a_shareholder_written_with_an_id_in_the_cell_is_no_business_run(tmp_path):
    # must not flag: 王五 (a member) named with his ID in a company's 股东 cell, its 法定代表人 a stranger — the 股东 cell is
    # another person's column as the issue lists them; only the 共有人 cell is read for IDs
    biz = _csv(tmp_path / "市场主体登记信息.csv", [
        ["主体名称", "主体类型", "股东", "法定代表人", "证件号码", "从业人数", "登记状态"],
        ["商洛恒达商贸有限公司", "有限责任公司", f"苏英({STRANGER})、王五({OTHER})", "刘强", STRANGER2, 12, "存续"]])
    assert _flagged(tmp_path, {"businesses": biz}, "C05") == []


@pytest.mark.parametrize("cell, kept", [
    (f"苏英({STRANGER})；王五({OTHER})", True),  # must keep: the member's ID written in the cell
    (f"苏英({STRANGER})；王五", False),  # must drop: his name alone
])
def test_a_streamed_list_keeps_a_row_for_an_id_in_its_co_owner_cell(tmp_path, monkeypatch, cell, kept):
    # h437: a big CSV properties list read through DuckDB keeps only rows for people of interest; a 共有人 cell's ID
    # is one (bulk._written_ids_sql), as io.table keeps it in memory
    import numpy as np

    from rostercheck import bulk
    from rostercheck.reference import normalise

    path = _csv(tmp_path / "不动产登记信息.csv", [
        ["权利人", "证件号码", "共有情况", "共有人", "坐落", "规划用途"],
        ["苏英", STRANGER, "共同共有", cell, "洛南县城关镇新区79号楼", "住宅"],
        ["路人", STRANGER2, "单独所有", "", "洛南县城关镇3号", "住宅"]])
    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    keys = bulk.KeySet()
    keys.add(np.array([OTHER], dtype=object), np.array(["valid"], dtype=object), np.array([True]))
    with bulk.Streamer(keys) as streamer:
        frame = normalise(streamer.load(path, "properties"))
    assert (OTHER in set(frame["id"])) == kept


def _two_row_header(path, groups, rows):
    """A workbook whose header is two rows: a (None, [label]) column merged down over both, a (group, [labels]) group
    merged across over its own labels."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["名单"])
    top, sub, merges, c = [], [], [], 1
    for group, labels in groups:
        if group is None:
            for label in labels:
                top.append(label)
                sub.append(None)
                merges.append((2, c, 3, c))
                c += 1
        else:
            top += [group] + [None] * (len(labels) - 1)
            sub += labels
            merges.append((2, c, 2, c + len(labels) - 1))
            c += len(labels)
    ws.append(top)
    ws.append(sub)
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


# h437: the other party's 姓名 | 身份证号 each merged down over both header rows, before the list's own person's group merged
# across over its 姓名 | 身份证号: the top row alone named as many fields and came first, so the other party's bare columns
# were read as the row's person (the 迁入地户主 as the mover, the 单位经办人 as the insured …)
@pytest.mark.parametrize("kind, group, after", [
    ("migrations", "迁移人员", ["迁出日期", "迁往地"]),
    ("wages", "参保人员", ["缴费单位", "缴费工资", "月份"]),
    ("cadres", "干部信息", ["乡镇", "村", "职务"]),
    ("vehicles", "机动车所有人", ["号牌号码", "车辆类型", "机动车状态"]),
    ("businesses", "法定代表人", ["主体名称", "从业人数", "登记状态"]),
    ("properties", "权利人", ["坐落", "规划用途"]),
    ("prisoners", "服刑人员信息", ["入监日期", "刑期止日"]),
])
def test_a_group_over_the_lists_own_person_beside_bare_columns_merged_down(tmp_path, kind, group, after):
    from rostercheck.io.table import load_table

    values = {"迁出日期": "2026-05-01", "迁往地": "广东省深圳市", "缴费单位": "某公司", "缴费工资": 3600, "月份": "202605",
              "乡镇": "石门镇", "村": "石门村", "职务": "村委会委员", "号牌号码": "陕H12345", "车辆类型": "小型轿车",
              "机动车状态": "正常", "主体名称": "某经营部", "从业人数": 6, "登记状态": "存续", "坐落": "城关镇1号",
              "规划用途": "住宅", "入监日期": "2025-01-01", "刑期止日": "2028-01-01"}
    path = _two_row_header(tmp_path / "名单.xlsx", [(None, ["姓名", "身份证号"]), (group, ["姓名", "身份证号"]), (None, after)],
                           [["王五", OTHER, "李梅", WIFE, *(values[a] for a in after)]])
    frame = load_table(path, kind).frame
    assert (frame["name"].tolist(), frame["id"].tolist()) == (["李梅"], [WIFE])


def test_a_one_row_header_is_read_as_before(tmp_path):
    # must not change: a one-row header with no cell merged down (the bare columns the only person columns)
    path = tmp_path / "迁出.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["姓名", "身份证号", "迁出日期", "迁往地"])
    ws.append(["王五", OTHER, "2026-05-01", "广东省深圳市"])
    book.save(path)
    from rostercheck.io.table import load_table

    assert load_table(path, "migrations").frame["id"].tolist() == [OTHER]


def test_a_receiving_head_merged_down_before_the_mover_is_not_the_mover(tmp_path):
    # end to end: 李梅 (a member) moved out of the county; 王五 (a member) is only the 户主 of the household she moved to
    path = _two_row_header(tmp_path / "户籍迁出名单.xlsx",
                           [(None, ["姓名", "身份证号"]), ("迁移人员", ["姓名", "身份证号"]), (None, ["迁出日期", "迁往地", "迁移原因"])],
                           [["王五", OTHER, "李梅", WIFE, "2026-05-01", "广东省深圳市宝安区", "投靠"]])
    assert _flagged(tmp_path, {"migrations": path}, "C02") == [(WIFE, "高")]


# … and the same two header rows as a CSV writes them (no merges: the other party's 姓名 | 身份证号 in the top row over
# blank cells, the group written once over its 姓名 | 身份证号): the group's 姓名 was read bare, tied with the other's,
# and the top row alone won the tie (h437)
@pytest.mark.parametrize("kind, group, after", [
    ("migrations", "迁移人员", ["迁出日期", "迁往地"]),
    ("wages", "参保人员", ["缴费单位", "缴费工资", "月份"]),
    ("cadres", "干部信息", ["乡镇", "村", "职务"]),
    ("businesses", "法定代表人", ["主体名称", "从业人数", "登记状态"]),
    ("prisoners", "服刑人员信息", ["入监日期", "刑期止日"]),
])
def test_a_csv_group_over_the_lists_own_person_beside_bare_columns(tmp_path, kind, group, after):
    from rostercheck.io.table import load_table

    values = {"迁出日期": "2026-05-01", "迁往地": "广东省深圳市", "缴费单位": "某公司", "缴费工资": 3600, "月份": "202605",
              "乡镇": "石门镇", "村": "石门村", "职务": "村委会委员", "主体名称": "某经营部", "从业人数": 6, "登记状态": "存续",
              "入监日期": "2025-01-01", "刑期止日": "2028-01-01"}
    path = _csv(tmp_path / "名单.csv", [["姓名", "身份证号", group, "", *after],
                                      ["", "", "姓名", "身份证号", *([""] * len(after))],
                                      ["王五", OTHER, "李梅", WIFE, *(values[a] for a in after)]])
    table = load_table(path, kind)
    assert (table.frame["name"].tolist(), table.frame["id"].tolist()) == (["李梅"], [WIFE])


@pytest.mark.parametrize("kind, group, after", [
    ("cadres", "推荐人", ["乡镇", "村", "职务"]),
    ("deaths", "申报人信息", ["死亡日期"]),
    ("staff", "配偶", ["工作单位"]),
])
def test_a_csv_group_over_the_other_party_before_the_lists_own_bare_columns(tmp_path, kind, group, after):
    # the mirror shape (h437): the group written once over the other party's 姓名 | 身份证号, the list's own person's bare
    # labels in the top row over blanks; main read the cadre list's 推荐人 as the cadre
    from rostercheck.io.table import load_table

    values = {"乡镇": "石门镇", "村": "石门村", "职务": "村委会委员", "死亡日期": "2026-05-01", "工作单位": "县教育局"}
    path = _csv(tmp_path / "名单.csv", [[group, "", "姓名", "身份证号", *after],
                                      ["姓名", "身份证号", "", "", *([""] * len(after))],
                                      ["王五", OTHER, "李梅", WIFE, *(values[a] for a in after)]])
    frame = load_table(path, kind).frame
    assert (frame["name"].tolist(), frame["id"].tolist()) == (["李梅"], [WIFE])
