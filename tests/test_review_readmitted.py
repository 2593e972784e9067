"""review: a person the township stopped and this quarter's roster approved anew after the earlier list (h445)."""
import csv
import datetime as dt

import openpyxl
import pytest

from rostercheck.review import review


def _id(birth: str, seq: int) -> str:
    s17 = f"411330{birth}{seq:03d}"
    return s17 + "10X98765432"[sum(int(a) * w for a, w in zip(s17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
                               % 11]


HEADS = [_id(f"19{50 + k}0{k % 9 + 1}1{k % 9}", 11 + 2 * k) for k in range(10)]
PRISON = ("《服刑人员名单.xls》工作表“Sheet1”第 2 行：邓功成，入监日期 2025-11-03，刑期止日 2026-10-15；身份证号一致")
DEATH = "《死亡人员名单.csv》第 64 行：邓功成，死亡日期 2026-08-23；身份证号一致"
STAFF = "《财政供养人员名单.xlsx》工作表“Sheet”第 57 行：邓功成，工作单位 桐柏县教育局，人员类别 事业；身份证号一致"


def _roster(path, approved: str, every: bool = False):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "城乡类别", "月保障金", "审批日期"])
    for k, head in enumerate(HEADS):
        name = "邓功成" if k == 0 else f"李{'一二三四五六七八九十'[k]}明"
        day = approved if k == 0 or every else f"202{k % 5}-0{k % 9 + 1}-15"
        ws.append(["固县镇", "固县村", name, head, name, "户主", head, "农村", 516, day])
    book.save(path)
    return path


def _previous(tmp_path, code, evidence, said):
    path = tmp_path / "q3" / "findings.csv"
    path.parent.mkdir()
    cols = ["类别代码", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系", "保障类别", "依据",
            "整改状态", "证据指纹"]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        w.writerow([code, "高", "固县镇", "固县村", "邓功成", HEADS[0], "邓功成", HEADS[0], "户主", "低保", evidence, said,
                    "EV-0123456789abcdef"])
    return path


@pytest.mark.parametrize("code, evidence, said, approved, status", [
    # must not flag: stopped, released 2026-10-15, approved again 2026-11-20
    ("C02", PRISON, "已停发", "2026-11-20", "已整改"),
    ("C02", PRISON, "已清退", "2026/12/1", "已整改"),
    # must flag: a staff member "cleared" and approved again (h445: 已分户 into a household of her own): nothing shows the
    # cause gone
    ("C01", STAFF, "已清退", "2026-11-20", "未整改"),
    # must flag: approved while the sentence still ran
    ("C02", PRISON, "已停发", "2026-10-10", "未整改"),
    # must flag: the approval date is the old one
    ("C02", PRISON, "已停发", "2024-05-01", "未整改"),
    # must flag: the township said nothing of stopping
    ("C02", PRISON, "", "2026-11-20", "未整改"),
    ("C02", PRISON, "正在整改", "2026-11-20", "未整改"),
    # must flag: a dead person is never admitted again
    ("C02", DEATH, "已停发", "2026-11-20", "未整改"),
    # must flag: approved after the review date (a typing error, or not this quarter's roster)
    ("C02", PRISON, "已停发", "2027-01-05", "未整改"),
])
def test_a_person_stopped_and_approved_again_after_the_earlier_list_is_put_right(tmp_path, code, evidence, said,
                                                                                  approved, status):
    # h445: 邓功成, in custody at the Q3 audit (刑期止日 2026-10-15), was stopped (已停发), released and approved again on
    # 2026-11-20: the look-back said 未整改 "乡镇填报“已停发”，但仍在册"
    prev = _previous(tmp_path, code, evidence, said)
    res = review(prev, [_roster(tmp_path / "q4.xlsx", approved)], dt.date(2026, 12, 31))
    row = res.rows.iloc[0]
    assert row["整改状态"] == status, row["说明"]
    assert ("重新审批纳入" in row["说明"]) == (status == "已整改")


@pytest.mark.parametrize("every, status", [
    (False, "已整改"),
    # must flag: every household's approval date is after the sentence's end (re-dated at a yearly re-check)
    (True, "未整改"),
])
def test_approval_dates_count_only_when_they_can_tell_a_new_approval(tmp_path, every, status):
    prev = _previous(tmp_path, "C02", PRISON, "已停发")
    res = review(prev, [_roster(tmp_path / "q4.xlsx", "2026-11-20", every)], dt.date(2026, 12, 31))
    assert res.rows.iloc[0]["整改状态"] == status
