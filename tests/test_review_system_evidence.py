"""review: a 整改系统's return — coded 整改结果 with a legend sheet, a two-row grouped header, the audit's 依据 retyped
as 问题描述 or left out (h454)."""
import csv
import datetime as dt

import openpyxl
import pytest

from rostercheck.review import review


def _id(birth: str, seq: int) -> str:
    s17 = f"340828{birth}{seq:03d}"
    return s17 + "10X98765432"[sum(int(a) * w for a, w in zip(s17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
                               % 11]


HEADS = [_id(f"19{50 + k}0{k % 9 + 1}1{k % 9}", 11 + 2 * k) for k in range(10)]
PRISON = "《服刑人员名单.xlsx》工作表“Sheet1”第 2 行：程勇红，入监日期 2025-03-01，刑期止日 2026-08-15，核查日期 2026-06-30 在服刑期内；身份证号一致"
STAFF = "《财政供养人员名单.xlsx》工作表“Sheet1”第 7 行：程勇红，工作单位 岳西县水利局，人员类别 事业；身份证号一致"
FINDING = ["类别代码", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障类别", "依据",
           "证据指纹"]


def _roster(path):
    """This quarter's roster: 程勇红's household approved on 2026-09-05, after the sentence's end, the others long ago."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "月保障金", "审批日期"])
    for k, head in enumerate(HEADS):
        name = "程勇红" if k == 0 else f"李{'一二三四五六七八九十'[k]}明"
        ws.append(["五河镇", "中山村", name, head, name, "户主", head, "农村", 516, "20260905" if k == 0 else f"202{k % 5}0{k % 9 + 1}15"])
    book.save(path)
    return path


def _county_list(tmp_path, code, evidence):
    path = tmp_path / "q2" / "findings.csv"
    path.parent.mkdir(exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(FINDING)
        w.writerow([code, "高", "五河镇", "中山村", "程勇红", HEADS[0], "程勇红", HEADS[0], "户主", "低保", evidence,
                    "EV-0123456789abcdef"])
        # (a county's list names several townships: another's finding, its township's return not given)
        w.writerow(["C04", "高", "天堂镇", "城中社区", "李二明", HEADS[1], "李二明", HEADS[1], "户主", "低保",
                    "《机动车登记信息.xlsx》工作表“Sheet1”第 3 行：皖H12345，K33（小型轿车）；身份证号一致", "EV-fedcba9876543210"])
    return path


def _system_return(tmp_path, code, described, result):
    """The township's return as its 整改系统 exports it: a title, 问题信息 | 整改情况 over the labels, 整改结果 coded and
    explained on a 代码说明 sheet; the problem's description in 问题描述 (or no such column when ``described`` is None)."""
    facts = ["问题编号", "类别代码", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号"]
    facts += ["问题描述"] if described is not None else []
    facts += ["证据指纹"]  # (the system keeps the audit's own column)
    done = ["整改结果", "核实情况", "整改措施", "整改时限"]
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "整改台账"
    ws.append(["岳西县2026年第二季度问题整改台账（整改系统导出）"])
    ws.append(["序号", "问题信息"] + [None] * (len(facts) - 1) + ["整改情况"] + [None] * (len(done) - 1))
    ws.append(["序号"] + facts + done)
    row = ["ZG2026Q20012", code, "五河镇", "中山村", "程勇红", HEADS[0], "程勇红", HEADS[0]]
    row += [described] if described is not None else []
    row += ["EV-0123456789abcdef"]
    ws.append([1] + row + [result, "已入户核实", "已按规定停发并办理" if result == "1" else "", "20260915"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(facts) + len(done) + 1)
    ws.merge_cells(start_row=2, start_column=2, end_row=2, end_column=len(facts) + 1)
    ws.merge_cells(start_row=2, start_column=len(facts) + 2, end_row=2, end_column=len(facts) + len(done) + 1)
    legend = book.create_sheet("代码说明")
    for r in (["字段", "代码", "含义"], ["整改结果", "1", "已整改"], ["整改结果", "2", "未整改"], ["整改结果", "3", "核实无问题"],
              ["整改结果", "4", "整改中"]):
        legend.append(r)
    path = tmp_path / "五河镇_整改台账.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("code, county, described, result, status", [
    # must not flag: stopped (code 1), released 2026-08-15 and approved again 2026-09-05 — the sentence's end read from
    # the return's 问题描述 given alone …
    ("C02", None, PRISON, "1", "已整改"),
    # … and from the county's findings.csv given beside a return that has no description of its own
    ("C02", PRISON, None, "1", "已整改"),
    ("C02", PRISON, PRISON, "1", "已整改"),
    # must flag: the return alone says nothing of a sentence: nothing shows the cause gone
    ("C02", None, None, "1", "未整改"),
    # must flag: the township says it is not put right (code 2)
    ("C02", None, PRISON, "2", "未整改"),
    ("C02", PRISON, None, "2", "未整改"),
    # must flag: a staff member approved again is no released prisoner
    ("C01", None, STAFF, "1", "未整改"),
    ("C01", STAFF, None, "1", "未整改"),
])
def test_a_system_return_reads_the_evidence_of_a_prisoner_approved_again(tmp_path, code, county, described, result,
                                                                           status):
    # h454: a 整改系统's return (问题描述, not 依据) — alone, or beside the county's findings.csv — left a prisoner stopped,
    # released on 2026-08-15 and approved again on 2026-09-05 未整改 "乡镇填报“已整改”，但仍在册"
    ret = _system_return(tmp_path, code, described, result)
    previous = [_county_list(tmp_path, code, county), ret] if county else ret
    res = review(previous, [_roster(tmp_path / "q3.xlsx")], dt.date(2026, 9, 30))
    row = res.rows[res.rows["姓名"] == "程勇红"].iloc[0]
    assert row["整改状态"] == status, row["说明"]
    assert ("重新审批纳入" in row["说明"]) == (status == "已整改")
