"""screen: which applications it takes — the status column under a system's headers, and the status words."""

import datetime as dt

import pytest
from helpers import make_id

from rostercheck.screen import screen

AS_OF = dt.date(2026, 11, 30)
HEADER = "乡镇,村,申请编号,户主姓名,户主身份证号,姓名,身份证号,与户主关系,申请类别,{status}\n"


def _screened(tmp_path, status_header: str, families: list[tuple[str, str]], extra: str = "", extra_cells=None,
              config=None):
    """Screen one application file (one person per family, name → status cell); return (heads screened, warnings)."""
    rows = []
    for k, (name, status) in enumerate(families):
        pid = make_id(f"19{60 + k}0101", 11 + 2 * k)
        more = f",{extra_cells[k]}" if extra_cells else ""
        rows.append(f"城关镇,东村,SQ{k:03d},{name},{pid},{name},{pid},户主,低保,{status}{more}\n")
    header = HEADER.format(status=status_header).rstrip("\n") + (f",{extra}" if extra else "") + "\n"
    (tmp_path / "申请.csv").write_text(header + "".join(rows), encoding="utf-8")
    result = screen([tmp_path / "申请.csv"], {}, AS_OF, config=config)
    return set(result.verdicts["户主姓名"]), result.warnings


@pytest.mark.parametrize("header", ["办理状态", "审核状态", "申请状态", "业务状态", "办理结果", "流程状态", "状态", "审批状态", "审批结果"])
def test_the_status_column_is_read_under_a_systems_other_headers(tmp_path, header):
    # held-out 236: under 办理状态 (and six other headers) the status was ignored: 易志武 (不予批准) was checked and
    # listed 有疑点 (C03 高)
    screened, warnings = _screened(tmp_path, header, [("张待审", "乡镇审核中"), ("易志武", "不予批准"), ("李已批", "已批准")])
    assert screened == {"张待审"}
    (left,) = [w for w in warnings if "未核对、不列入核对结论" in w]
    assert "易志武（不予批准）" in left and "李已批（已批准）" in left


@pytest.mark.parametrize("decoy, value", [("婚姻状态", "否"), ("健康状态", "不健康"), ("就业状态", "否"), ("残疾状态", "否"),
                                          ("户籍状态", "已迁出"), ("状态", "正常")])
def test_a_persons_own_status_is_not_the_applications(tmp_path, decoy, value):
    # 否 and 不 are refusal words: a person's 就业状态 "否" read as the application's would leave the family unchecked
    pid = make_id("19700101", 11)
    (tmp_path / "申请.csv").write_text(f"乡镇,村,户主姓名,户主身份证号,姓名,身份证号,与户主关系,{decoy}\n"
                                      f"城关镇,东村,张三,{pid},张三,{pid},户主,{value}\n", encoding="utf-8")
    result = screen([tmp_path / "申请.csv"], {}, AS_OF)
    assert list(result.verdicts["户主姓名"]) == ["张三"]
    assert not [w for w in result.warnings if "未核对" in w]


def test_a_bare_status_column_of_member_states_is_not_read_and_said(tmp_path):
    screened, warnings = _screened(tmp_path, "状态", [("张三", "正常"), ("李四", "正常"), ("王五", "已批准")])
    assert screened == {"张三", "李四", "王五"}
    assert any("“状态”列" in w and "不像申请的审批状态" in w and "“正常”" in w for w in warnings)


def test_a_named_status_column_wins_over_a_bare_one(tmp_path):
    # 办理状态 is the application's; the bare 状态 beside it (a member's 正常) is not read
    screened, _ = _screened(tmp_path, "办理状态", [("张待审", "待审核"), ("易志武", "不予批准")], extra="状态",
                            extra_cells=["正常", "正常"])
    assert screened == {"张待审"}


def test_a_bare_pass_in_a_township_review_column_is_no_approval(tmp_path):
    # 审核状态 通过 is the township's 审核 passed, a step before the county's 审批 (乡镇审核通过 is pending)
    screened, _ = _screened(tmp_path, "审核状态", [("张通过", "通过"), ("李同意", "同意"), ("王已批", "审批通过"),
                                                 ("赵不通过", "不通过")])
    assert screened == {"张通过", "李同意"}


def test_common_system_status_words_are_read(tmp_path):
    # held-out 236: 已审批, 已撤回, 申请人撤回 and 已办结 were unread and those families checked as pending (7 有疑点)
    families = [("张待审", "县级审批中"), ("孙补充", "退回补充材料"), ("姜成", "已审批"), ("孔新武", "已撤回"), ("董振涛", "申请人撤回"),
                ("周撤销", "撤销申请"), ("吴终止", "终止办理"), ("谢永", "已办结"), ("易志武", "不予批准")]
    screened, warnings = _screened(tmp_path, "审批状态", families)
    assert screened == {"张待审", "孙补充"}
    (left,) = [w for w in warnings if "未核对、不列入核对结论" in w]
    assert "已批准 1 户" in left and "不予批准 1 户" in left and "已撤回 4 户" in left and "已办结（未写明结果） 1 户" in left
    assert "孔新武（已撤回）" in left and "董振涛（申请人撤回）" in left and "谢永（已办结）" in left
    (closed,) = [w for w in warnings if "没有写明批准还是不予批准" in w]
    assert "“已办结”" in closed and "closed_words" in closed
    assert not [w for w in warnings if "无法识别" in w]


def test_an_unread_status_notice_names_every_word_list(tmp_path):
    # the notice suggested refused_words for every decided value: a withdrawal put there is said as 不予批准
    # (a word no list holds; a bare code such as Z9 is for [L05] status_codes, held-out 380)
    _, warnings = _screened(tmp_path, "审批状态", [("张三", "已转办")])
    (unread,) = [w for w in warnings if "无法识别" in w]
    assert all(k in unread for k in ("approved_words", "refused_words", "withdrawn_words", "closed_words"))



@pytest.mark.parametrize("codes, screened", [
    # held-out 380: a system's 申请状态 only 1/2/3, no legend anywhere: every family screened (none left out on a guess),
    # the notice asks for the codes' meaning in [L05] status_codes, not among the words
    (None, {"张一", "李二", "王三", "赵零三"}),
    # the table given: its 已批准 family left out, whole-cell codes only (03 is 3); a code the table lacks is screened
    ('{ "1" = "待审核", "2" = "审批中", "3" = "已批准" }', {"张一", "李二"}),
])
def test_bare_status_codes_are_read_only_through_the_configured_table(tmp_path, codes, screened):
    config = None
    if codes:
        config = tmp_path / "本地配置.toml"
        config.write_text(f"[L05]\nstatus_codes = {codes}\n", encoding="utf-8")
    got, warnings = _screened(tmp_path, "申请状态", [("张一", "1"), ("李二", "2"), ("王三", "3"), ("赵零三", "03")],
                              config=config)
    assert got == screened
    notice = [w for w in warnings if "无法识别的值" in w]
    if codes:
        assert not notice
        (left,) = [w for w in warnings if "未核对、不列入核对结论" in w]
        assert "王三（3=已批准）" in left and "赵零三（03=已批准）" in left
    else:
        assert len(notice) == 1 and "status_codes" in notice[0] and "approved_words" not in notice[0]
