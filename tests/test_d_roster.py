"""D01–D03: duplicate enrolment, shared accounts, invalid IDs."""

import datetime as dt

import pytest
import pandas as pd
from helpers import context, flagged, flagged_names, household, make_id

from rostercheck.audit import run_checks

A = make_id("19500101", 111)
B = make_id("19600202", 121)
C = make_id("19700303", 131)
E = make_id("19800505", 151)


def test_same_person_in_two_households_flagged():
    rows = household("张三", A, [("李梅", "配偶", B)]) + household("王五", C, [("李梅", "配偶", B)])
    assert flagged_names(context(rows), "D01") == {"李梅"}


def test_the_other_enrolment_names_its_township_when_it_is_another():
    # held-out 261: a D01 in another township gave that roster's file, row and head, not where it is
    rows = (household("张三", A, [("李梅", "配偶", B)]) + household("王五", C, [("李梅", "配偶", B)])
            + household("赵六", E, [("李梅", "配偶", B)], township="石桥镇", village="南村"))
    ctx = context(rows)
    said = {ctx.members.at[f.member, "head_name"]: f.evidence for f in run_checks(ctx, ["D01"])[0]}
    assert "（户主 王五）" in said["张三"] and "（石桥镇南村，户主 赵六）" in said["张三"]  # (the same township: unsaid)
    assert "（城关镇东村，户主 张三）" in said["赵六"] and "（城关镇东村，户主 王五）" in said["赵六"]


def test_person_in_dibao_and_tekun_flagged():
    dibao = household("张三", A)
    tekun = [{"township": "城关镇", "village": "东村", "name": "张三", "id": A}]
    ctx = context(dibao, extra_rosters=[(tekun, "清河县特困人员供养名册")])
    assert set(ctx.members["programme"]) == {"低保", "特困"}
    assert flagged(ctx, "D01") == [("张三", "高")]


def test_distinct_people_not_duplicates():
    rows = household("张三", A, [("李梅", "配偶", B)]) + household("张三", C)
    assert flagged(context(rows), "D01") == []


# D01 through a former ID (held-out 342): a person enrolled once under her old ID, once under her new one
B_OLD = make_id("19600220", 121)  # 李梅's ID before 公安 corrected her birth date


def _d01(ctx):
    return sorted((ctx.members.at[f.member, "name"], ctx.members.at[f.member, "head_name"], f.confidence, f.key)
                  for f in run_checks(ctx, ["D01"])[0])


def test_a_person_enrolled_under_her_former_id_and_her_new_is_d01_high():
    rows = household("张三", A, [("李梅", "配偶", B)]) + household("李梅", B_OLD)
    rows[1]["former_id"] = B_OLD
    ctx = context(rows)
    assert _d01(ctx) == [("李梅", "张三", "高", "原身份证号一致"), ("李梅", "李梅", "高", "原身份证号一致")]
    said = {ctx.members.at[f.member, "head_name"]: f.evidence for f in run_checks(ctx, ["D01"])[0]}
    assert said["张三"].startswith("原身份证号一致：本行的原身份证号是另一处登记的身份证号") and "（户主 李梅）" in said["张三"]


def test_dibao_under_the_old_id_and_tekun_under_the_new_is_d01_high():
    tekun = [{"township": "城关镇", "village": "东村", "name": "李梅", "id": B, "former_id": B_OLD}]
    ctx = context(household("李梅", B_OLD), extra_rosters=[(tekun, "清河县特困人员供养名册")])
    found = run_checks(ctx, ["D01"])[0]
    assert [f.confidence for f in found] == ["高", "高"] and all("低保与特困重复" in f.evidence for f in found)


def test_a_former_id_that_is_another_persons_id_is_low_at_most():
    # the 原身份证号 column may hold another person's ID (held-out 209): a lead, never 高 or 中
    rows = household("张三", A, [("李梅", "配偶", B)]) + household("王五", C)
    rows[1]["former_id"] = C
    assert [(n, c) for n, _, c, _ in _d01(context(rows))] == [("李梅", "低"), ("王五", "低")]


def test_a_former_id_of_another_generation_beside_the_same_name_is_low_at_most():
    # held-out 343: 李梅's 原身份证号 holds another 李梅's ID, born 40 years later: not hers (ids.former_apart)
    other = make_id("20000220", 122)
    rows = household("张三", A, [("李梅", "配偶", B)]) + household("李梅", other)
    rows[1]["former_id"] = other
    found = _d01(context(rows))
    assert [(n, c) for n, _, c, _ in found] == [("李梅", "低"), ("李梅", "低")]


@pytest.mark.parametrize("former", ["", "无", B_OLD[:6] + "********" + B_OLD[-4:],
                                    B_OLD[:17] + ("1" if B_OLD[17] != "1" else "2"), B_OLD[:10] + "13" + B_OLD[12:]])
def test_a_blank_masked_or_damaged_former_id_makes_no_d01(former):
    rows = household("张三", A, [("李梅", "配偶", B)]) + household("李梅", B_OLD)
    rows[1]["former_id"] = former
    assert _d01(context(rows)) == []


def test_a_former_id_equal_to_the_rows_own_id_is_no_second_enrolment():
    rows = household("张三", A, [("李梅", "配偶", B)])
    rows[1]["former_id"] = B
    assert _d01(context(rows)) == []


def test_shared_bank_account_flags_each_household():
    rows = (household("张三", A, bank_account="6228480012345678901")
            + household("王五", C, bank_account="6228 4800 1234 5678 901")
            + household("赵六", E, bank_account="6228480099999999999"))
    assert flagged_names(context(rows), "D02") == {"张三", "王五"}


def test_an_account_stored_as_a_number_is_compared_on_its_first_15_digits_never_at_high():
    # a number keeps 15 digits: beside the same account written whole, 中; two numbers alone cannot say, 低;
    # two different accounts both stored as numbers were one account at 高 before (held-out 62)
    whole = household("张三", A, bank_account="6217001234567891")
    number = household("王五", C, bank_account=6217001234567891.0)
    assert flagged(context(whole + number), "D02") == [("张三", "中"), ("王五", "中")]
    other = household("赵六", E, bank_account=6217001234567893.0)
    assert flagged(context(number + other), "D02") == [("王五", "低"), ("赵六", "低")]
    from types import SimpleNamespace

    from rostercheck.notices import number_typed_ids

    inputs = SimpleNamespace(members=context(number + other).members, lists={}, labels={})
    assert any("2 户的银行账号以数字格式存储" in w for w in number_typed_ids(inputs))


def test_one_household_listing_its_account_on_every_row_is_fine():
    rows = household("张三", A, [("李梅", "配偶", B)], bank_account="6228480012345678901")
    assert flagged(context(rows), "D02") == []


def test_residents_of_an_institution_sharing_its_account_are_not_flagged():
    # 集中供养: the money goes to the care home's account, shared by its residents
    for mode in ("集中供养", "机构供养", "县敬老院"):
        rows = (household("张三", A, bank_account="6228480012345678901", support_mode=mode)
                + household("王五", C, bank_account="6228480012345678901", support_mode=mode))
        assert flagged(context(rows), "D02") == [], mode
    rows = (household("张三", A, bank_account="6228480012345678901", support_mode="分散供养")
            + household("王五", C, bank_account="6228480012345678901", support_mode="2"))
    assert flagged_names(context(rows), "D02") == {"张三", "王五"}


def test_a_support_mode_code_no_standard_gives_is_no_institution_and_is_said():
    # held-out 115: 供养方式 1 was taken for 集中 (the system's 1 was 分散): its 特困 person's account shared with a 低保
    # household was no D02, and three 集中 residents (2) sharing the home's account were D02 高. No code is guessed now.
    from rostercheck.rules._vocab import value_warnings

    rows = (household("张三", A, bank_account="6228480012345678901", support_mode="1")
            + household("王五", C, bank_account="6228480012345678901", support_mode="1"))
    ctx = context(rows)
    assert flagged_names(ctx, "D02") == {"张三", "王五"}
    assert [w for w in value_warnings(ctx) if "供养方式" in w and "institution_modes" in w]


@pytest.mark.parametrize("home, flagged_too", [("梅江镇敬老院", False), ("县社会福利中心", False), ("无", True), ("", True)])
def test_a_care_home_the_roster_names_is_an_institution_whatever_the_code(home, flagged_too):
    # held-out 118: 供养方式 1/2 (codes), 供养机构 梅江镇敬老院 beside them: 63 D02 高 on the homes' accounts
    rows = (household("张三", A, bank_account="6228480012345678901", support_mode="1", care_home=home)
            + household("王五", C, bank_account="6228480012345678901", support_mode="1", care_home=home))
    assert flagged_names(context(rows), "D02") == ({"张三", "王五"} if flagged_too else set())


def test_once_the_configuration_names_the_institutions_code_the_others_are_not_asked_about(tmp_path):
    # held-out 118: institution_modes = ["1"] — the notice still asked which of 2's rows were 集中
    from rostercheck.rules._vocab import value_warnings

    config = tmp_path / "本县.toml"
    config.write_text('[D02]\ninstitution_modes = ["1"]\n', encoding="utf-8")
    rows = (household("张三", A, bank_account="6228480012345678901", support_mode="2")
            + household("王五", C, bank_account="6228480012345678901", support_mode="2"))
    ctx = context(rows, config=config)
    assert flagged_names(ctx, "D02") == {"张三", "王五"}
    assert not [w for w in value_warnings(ctx) if "供养方式" in w]


def test_a_configured_code_with_its_leading_zero_reads_the_same_cell(tmp_path):
    config = tmp_path / "本县.toml"  # a county writing its 供养方式 code as the system does
    config.write_text('[D02]\ninstitution_modes = ["01"]\n', encoding="utf-8")
    rows = (household("张三", A, bank_account="6228480012345678901", support_mode="01")
            + household("王五", C, bank_account="6228480012345678901", support_mode="1"))
    assert flagged(context(rows, config=config), "D02") == []


def test_another_household_paid_into_an_institutions_account_is_flagged_alone():
    account = "6228480012345678901"
    rows = (household("张三", A, bank_account=account, support_mode="集中供养")
            + household("王五", C, bank_account=account, support_mode="集中供养")
            + household("刘丽娥", E, bank_account=account))  # a 低保 household at home, paid into the care home's account
    ctx = context(rows)
    assert flagged(ctx, "D02") == [("刘丽娥", "高")]
    assert "其中 2 户是集中供养对象" in run_checks(ctx, ["D02"])[0][0].evidence


@pytest.mark.parametrize("holder, account", [
    ("城关镇敬老院", "6228480012345678901"),  # a 户名 column
    (None, "6228480012345678901（城关镇敬老院）"),  # the home written beside the number
])
def test_a_shared_account_the_roster_gives_a_care_homes_holder_is_said_to_be_the_homes(holder, account):
    # held-out 340 (h333): two 特困 persons (供养方式 "2", no setting reads it) paid into the care home's account, its 户名
    # 城关镇敬老院 on the roster: D02 高 twice, the evidence silent on whose the account is
    extra = {"holder": holder} if holder else {}
    tekun = [{"township": "城关镇", "village": "东村", "name": f"特困{k}", "id": i, "support_mode": "2",
              "bank_account": account, **extra} for k, i in enumerate((B, C))]
    dibao = household("刘丽娥", E, bank_account="6228480012345678901", holder="刘丽娥")
    ctx = context(dibao, extra_rosters=[(tekun, "清河县特困人员供养名册")])
    found, _ = run_checks(ctx, ["D02"])
    said = {ctx.members.at[f.member, "name"]: (f.confidence, f.evidence) for f in found}
    assert set(said) == {"特困0", "特困1", "刘丽娥"} and {c for c, _ in said.values()} == {"高"}  # (F07 keeps 中 alike)
    assert all("（花名册所写户名“城关镇敬老院”，是供养机构的账户）同时是 3 户" in e for _, e in said.values())
    assert "该户的供养方式写作“2”，未按集中供养识别：如在该机构集中供养，请在配置文件 [D02] institution_modes" in said["特困0"][1]
    assert "该户不是集中供养的特困人员，请核实该户的资金为何打入供养机构的账户" in said["刘丽娥"][1]


def test_a_care_homes_account_shared_with_its_residents_names_it_and_persons_holders_say_nothing():
    account = "6228480012345678901"
    rows = (household("张三", A, bank_account=account, support_mode="集中供养", holder="县社会福利院")
            + household("刘丽娥", E, bank_account=account, holder="县社会福利院"))
    found, _ = run_checks(context(rows), ["D02"])
    assert [f.confidence for f in found] == ["高"]
    assert "（花名册所写户名“县社会福利院”，是供养机构的账户）" in found[0].evidence
    assert "其中 1 户是集中供养对象，该账号是供养机构的账号" in found[0].evidence
    rows = (household("张三", A, bank_account=account, holder="张三")
            + household("王五", C, bank_account=account, holder="张三"))
    assert all("供养机构" not in f.evidence for f in run_checks(context(rows), ["D02"])[0])


def test_short_accounts_ignored():
    rows = household("张三", A, bank_account="123") + household("王五", C, bank_account="123")
    assert flagged(context(rows), "D02") == []


def test_invalid_ids():
    bad_check = A[:17] + ("0" if A[17] != "0" else "1")
    bad_date = "430521198702310018"
    rows = household("张三", bad_check, [("李梅", "配偶", bad_date), ("王小", "子女", B)])
    assert flagged(context(rows), "D03") == [("张三", "高"), ("李梅", "高")]


@pytest.mark.parametrize("setting, shown", [("", [("李梅", "低"), ("王小", "高"), ("赵丽", "高")]),
                                             ("[D03]\nflag_missing = false\n", [("王小", "高"), ("赵丽", "高")])])
def test_blank_ids_are_flagged_unless_the_county_says_not(tmp_path, setting, shown):
    config = tmp_path / "本县.toml"
    config.write_text(setting, encoding="utf-8")
    future = make_id("20270315", 482)  # (the rows walked are picked out first: a valid ID among them too)
    bad_check = "'" + A[:17] + ("0" if A[17] != "0" else "1")  # (with a text marker, quoted without it)
    rows = (household("张三", A, [("李梅", "配偶", ""), ("王小", "子女", bad_check)])
            + household("王五", C, [("赵丽", "子女", future), ("钱七", "配偶", B)]))
    assert flagged(context(rows, config=config), "D03") == shown


@pytest.mark.parametrize("cell", [A[:4] + "*" * 10 + A[-4:], A[:6] + "*" * 8 + A[-4:], A[:14] + "****"])
def test_a_masked_id_is_said_as_masked_at_medium_with_what_to_get(cell):
    # (held-out 365) 4305**********1234 copied from a 公示 list was D03 高 "位数或字符不符": not a mistyped number but
    # none to check anything with; 中 (a masked ID is never exact), the finding saying to get the whole number
    ctx = context(household("孙德福", cell, [("周玉梅", "配偶", B)]))
    (found,) = run_checks(ctx, ["D03"])[0]
    assert (ctx.members.at[found.member, "name"], found.confidence) == ("孙德福", "中")
    assert f"身份证号“{cell}”被遮挡（脱敏），只露出部分数字，不能用于与任何名单比对" in found.evidence
    assert "填写完整的身份证号后重新核对" in found.evidence
    assert dict(found.facts)["status"] == "format"  # (the evidence fingerprint unchanged)


def test_an_id_born_after_the_review_date_is_invalid_though_its_check_character_fits():
    future = make_id("20270315", 482)  # AS_OF is 2026-09-30
    ctx = context(household("孙德福", A, [("周玉梅", "配偶", future)]))
    assert flagged(ctx, "D03") == [("周玉梅", "高")]
    assert "出生日期 2027-03-15 还没有到" in run_checks(ctx, ["D03"])[0][0].evidence


def test_a_baby_born_after_the_review_date_on_a_roster_exported_since_is_no_invalid_id():
    import datetime as dt

    from helpers import AS_OF

    baby = make_id((AS_OF + dt.timedelta(days=5)).strftime("%Y%m%d"), 482)  # before today, after the review date
    assert flagged(context(household("孙德福", A, [("孙小", "子", baby)])), "D03") == []


@pytest.mark.parametrize("cell, said", [("无", "身份证号“无”为空"), ("待办", "身份证号未填写（单元格中写的是“待办”）"),
                                        ("户口未落", "身份证号未填写（单元格中写的是“户口未落”）")])
def test_a_word_for_no_id_yet_is_a_blank_id(tmp_path, cell, said):
    # held-out 335: "待办", "户口未落" were D03 高 "位数或字符不符" while "无" was 低, and flag_missing kept them
    ctx = context(household("孙德福", A, [("孙小", "子", cell)]))
    assert flagged(ctx, "D03") == [("孙小", "低")]
    assert said in run_checks(ctx, ["D03"])[0][0].evidence
    config = tmp_path / "本县.toml"
    config.write_text("[D03]\nflag_missing = false\n", encoding="utf-8")
    assert flagged(context(household("孙德福", A, [("孙小", "子", cell)]), config=config), "D03") == []


def test_id_typed_as_number_is_d03_low():
    rows = household("张三", A, [("李梅", "配偶", float(B[:15] + "000"))])
    assert flagged(context(rows), "D03") == [("李梅", "低")]


# (true birth date and sequence, expected D03, words the evidence must hold): a number cell keeps 15 digits, the 15th
# rounded half up, and a 9 there may carry into the date (held-out 439: D03 中 "只剩前几位（不含完整的出生日期）")
CARRIED_NUMBERS = [
    ("19830228", 958, "低", "进位前为 1983-02-28"),  # …0229: the day after 28 February 1983 does not exist
    ("19831231", 961, "低", "进位前为 1983-12-31"),
    ("19830215", 912, "低", "以数字格式存储"),  # no carry: its own date, said as any number cell is
]


@pytest.mark.parametrize("born, seq, conf, said", CARRIED_NUMBERS)
def test_a_number_whose_rounding_carried_into_the_date_is_a_damaged_number_not_a_lost_one(born, seq, conf, said):
    pid = make_id(born, seq, "621124")
    ctx = context(household("张三", A, [("李梅", "配偶", float(f"{int(pid):.14e}"))]))
    assert flagged(ctx, "D03") == [("李梅", conf)]
    [found] = run_checks(ctx, ["D03"])[0]
    assert said in found.evidence and "不含完整的出生日期" not in found.evidence
    assert ctx.members.loc[ctx.members["name"] == "李梅", "birth"].iloc[0] == dt.date(int(born[:4]), int(born[4:6]), int(born[6:]))


def test_a_carried_number_written_out_as_text_is_d03_low_not_a_wrong_date():
    # a CSV's cell of an Excel number: '621124198302290000' (…0228|958X rounded up into the date): 低, not 高 出生日期
    pid = make_id("19830228", 958, "621124")
    for cell in (str(int(pid[:15]) + 1) + "000", f"{int(float(f'{int(pid):.14e}')):d}"):  # Excel's, the double's own
        ctx = context(household("张三", A, [("李梅", "配偶", cell)]))
        assert flagged(ctx, "D03") == [("李梅", "低")]
        assert "进位前为 1983-02-28" in run_checks(ctx, ["D03"])[0][0].evidence


def test_same_household_in_a_household_file_and_a_member_file_is_not_d01():
    heads = [{"township": "城关镇", "village": "东村", "head_name": "张三", "head_id": A, "name": "张三", "id": A,
              "relation": "户主"}]
    members = household("张三", A, [("李梅", "配偶", B)])
    ctx = context(heads, extra_rosters=[(members, "清河县低保家庭成员名册")])
    assert flagged(ctx, "D01") == []


def test_one_person_on_two_rows_of_one_sheet_is_enrolled_twice():
    # a 特困 roster pays each row: the same person on two rows is paid twice (held-out 81); a member listed twice in
    # her household counts twice in its 保障人口
    tekun = [{"township": "城关镇", "village": "东村", "name": "邢两行", "id": C}] * 2
    ctx = context(household("张三", A), extra_rosters=[(tekun, "清河县特困人员供养名册")])
    found = run_checks(ctx, ["D01"])[0]
    assert flagged(ctx, "D01") == [("邢两行", "高")] and len(found) == 2  # one row per enrolment
    assert "同一人在同一户中登记了不止一行" in found[0].evidence
    rows = household("张三", A, [("李梅", "配偶", B), ("李梅", "配偶", B)])
    assert flagged(context(rows), "D01") == [("李梅", "高")]


def test_a_member_flagged_not_covered_is_no_duplicate():
    # A system export lists every household member; 是否保障对象=否 means the person receives nothing here.
    rows = household("张一", A, [("李二", "配偶", B)]) + household("王三", C, [("李二", "子女", B)])
    rows[1]["covered"] = "否"
    assert flagged(context(rows), "D01") == []
    rows[1]["covered"] = "是"
    assert flagged_names(context(rows), "D01") == {"李二"}


def test_an_id_stored_as_a_number_in_one_enrolment_is_a_medium_duplicate_of_the_whole_id():
    dibao = household("张三", A)
    tekun = [{"township": "城关镇", "village": "东村", "name": "张三", "id": float(A[:15] + "000")}]
    ctx = context(dibao, extra_rosters=[(tekun, "清河县特困人员供养名册")])
    assert flagged(ctx, "D01") == [("张三", "中")]
    other = [{"township": "城关镇", "village": "东村", "name": "张四", "id": float(A[:15] + "000")}]  # another name
    assert flagged(context(dibao, extra_rosters=[(other, "清河县特困人员供养名册")]), "D01") == []
    # held-out 111: the 15th digit survives a number format (rounded at most by one): 4 against 1 are two people
    far = [{**tekun[0], "id": float(A[:14] + str((int(A[14]) + 3) % 10) + "000")}]
    assert flagged(context(dibao, extra_rosters=[(far, "清河县特困人员供养名册")]), "D01") == []
    (found,) = [f for f in run_checks(ctx, ["D01"])[0] if ctx.value(f.member, "id") == A]
    assert "前 15 位（含出生日期）一致，疑似同一人在多处登记" in found.evidence


def _mistyped(pid: str, at: int = 15) -> str:
    """The ID with one digit changed (its check digit then fails)."""
    return pid[:at] + str((int(pid[at]) + 3) % 10) + pid[at + 1:]


@pytest.mark.parametrize("damaged", ["17 digits", "one digit mistyped", "the same mistyped ID"])
def test_a_damaged_id_in_one_township_is_a_medium_duplicate_of_the_same_person_in_another(damaged):
    # held-out 98: 毛长海 with 17 digits in 黄岗镇 and whole in 城关镇, 蔡春花 one digit apart in two townships: D03 only
    from rostercheck.normalize.ids import id_number

    wrong = {"17 digits": A[:17], "one digit mistyped": _mistyped(A), "the same mistyped ID": _mistyped(A)}[damaged]
    first = _mistyped(A) if damaged == "the same mistyped ID" else A
    assert id_number(wrong).status in ("short", "check")
    rows = household("张三", first) + household("张三", wrong, township="河口乡", village="南村")
    ctx = context(rows)
    found, _ = run_checks(ctx, ["D01"])
    assert sorted((f.member, f.confidence) for f in found) == [(0, "中"), (1, "中")]  # both enrolments
    if damaged == "17 digits":  # and the run says so apart (README), as it says IDs stored as numbers
        from types import SimpleNamespace

        from rostercheck.notices import number_typed_ids

        said = number_typed_ids(SimpleNamespace(members=ctx.members, lists={}, labels={}))
        assert any(w.startswith("花名册中有 1 个身份证号只有 17 位") for w in said), said
    assert all("疑似同一人在多处登记：另见" in f.evidence for f in found)
    # another name, or another birth date (one digit apart in the date): no one
    assert flagged(context(household("张三", A) + household("张四", wrong, township="河口乡")), "D01") == []
    apart = A[:10] + str((int(A[10]) + 1) % 10) + A[11:]  # a month digit: the birth dates differ
    if damaged == "one digit mistyped":
        assert flagged(context(household("张三", A) + household("张三", apart[:17] + "0", township="河口乡")), "D01") == []


def test_an_id_cut_after_15_characters_is_invalid_and_said_apart():
    from types import SimpleNamespace

    from rostercheck.notices import number_typed_ids

    ctx = context(household("张三", A[:15]))
    found, _ = run_checks(ctx, ["D03"])
    assert [(f.confidence, f.evidence.split("身份证号", 1)[1]) for f in found] == [
        ("高", f"“{A[:15]}”只有 15 位（且不是有效的 15 位旧身份证号，后 3 位缺失）")]
    said = number_typed_ids(SimpleNamespace(members=ctx.members, lists={}, labels={}))
    assert any(w.startswith("花名册中有 1 个身份证号只有 15 或 16 位") and "姓名+现有各位" in w for w in said), said


def test_a_head_enrolled_in_two_townships_is_a_duplicate():
    rows = household("张三", A) + household("张三", A, township="河口乡", village="南村")
    assert flagged(context(rows), "D01") == [("张三", "高")]



def test_one_id_under_two_names_is_a_medium_duplicate_that_may_be_a_typo():
    rows = household("张三", A) + household("王五", C, [("李四", "配偶", A)])
    ctx = context(rows)
    assert flagged(ctx, "D01") == [("张三", "中"), ("李四", "中")] or flagged(ctx, "D01") == [("李四", "中"), ("张三", "中")]
    from rostercheck.audit import run_checks

    assert all("可能是其中一人的身份证号录入错误" in f.evidence for f in run_checks(ctx, ["D01"])[0])


def test_heads_whose_ids_lost_all_but_the_region_are_separate_households():
    # '4.30523E+17' typed as text leaves 430523000000000000 for every such head: three households, not one
    rows = (household("郭涛明", "4.30523E+17", bank_account="6228480012341234", village="石门村")
            + household("肖艳玉", "4.30523E+17", bank_account="6228480012341234", village="龙井村")
            + household("张勇", "4.30523E+17", bank_account="6228480099990000", village="枫树村"))
    ctx = context(rows)
    assert ctx.members["household"].nunique() == 3
    assert flagged(ctx, "D02") == [("肖艳玉", "高"), ("郭涛明", "高")]


def test_a_tekun_person_heading_a_dibao_household_shares_no_account_with_herself():
    # her 特困 enrolment and the 低保 household she heads are paid into her one account: D01 says she is on both
    # rosters, D02 (other households, 户主不同) has nothing to say; a third household in the account still is one
    dibao = household("张三", A, [("李梅", "配偶", B)], bank_account="6228480012345678901")
    tekun = [{"township": "城关镇", "village": "东村", "name": "张三", "id": A, "bank_account": "6228480012345678901"}]
    ctx = context(dibao, extra_rosters=[(tekun, "清河县特困人员供养名册")])
    assert flagged(ctx, "D02") == [] and flagged(ctx, "D01") == [("张三", "高")]
    third = household("王五", C, bank_account="6228480012345678901")
    assert flagged_names(context(dibao + third, extra_rosters=[(tekun, "清河县特困人员供养名册")]), "D02") == {"张三", "王五"}


def test_d03_names_the_roster_file_of_the_row():
    rows = household("张三", A[:17] + ("0" if A[17] != "0" else "1"))
    findings, _ = run_checks(context(rows), ["D03"])
    assert findings and "《" in findings[0].evidence and "》第" in findings[0].evidence  # several roster files a county gives


@pytest.mark.parametrize("written", ["3.41222E+17", "341222620231123"])
def test_an_id_whose_digits_the_reading_made_up_is_shown_as_written(written):
    # 3.41222E+17 keeps six digits (not 341222000000000000); a 15-digit ID with an impossible date is no 18-digit one
    from rostercheck.audit import findings_frame

    ctx = context(household("俞数字", written))
    frame = findings_frame(ctx, run_checks(ctx, ["D03"])[0])
    assert list(frame["身份证号"]) == [written]


def test_a_cut_account_whose_15th_digit_was_rounded_up_is_shared_with_the_whole_one():
    # held-out 128: 毛雪洁's account written whole, another household's stored as a number rounded up: one household left out
    rows = (household("张三", A, bank_account="6228480012345678901")
            + household("王五", C, bank_account=float("6228480012345680000")))
    assert flagged(context(rows), "D02") == [("张三", "中"), ("王五", "中")]
    far = household("张三", A, bank_account="6228480012345678901") + household("王五", C, bank_account=float("6228480012345690000"))
    assert flagged(context(far), "D02") == []
    # … one more only from a 16th digit of 5 or more (held-out 287): …5674901 shows …567, as a cut one does
    low = household("张三", A, bank_account="6228480012345674901") + household("王五", C, bank_account=float("6228480012345680000"))
    assert flagged(context(low), "D02") == []


def test_a_shared_account_of_applicants_is_the_account_they_gave_not_a_payment_account():
    # held-out 133: screen said 发放账号 of families not yet paid anything
    from rostercheck.model import APPLYING

    rows = household("张三", A, bank_account="6228480012345678901") + household("王五", C, bank_account="6228480012345678901")
    ctx = context(rows)
    assert "户的发放账号" in run_checks(ctx, ["D02"])[0][0].evidence
    ctx = context(rows)
    ctx.cache[APPLYING] = True
    evidence = run_checks(ctx, ["D02"])[0][0].evidence
    assert "户申请时填报的账号" in evidence and "发放" not in evidence


def test_the_number_typed_id_notice_names_the_roster_files_when_there_are_several(tmp_path):
    # held-out 136: one township's file of five held the number-typed ID; the notice said only 花名册（工作表“家庭成员”）
    from rostercheck.notices import number_typed_ids
    from rostercheck.loading import load_inputs
    from helpers import AS_OF
    from filebuild import household as fb_household, write_roster

    write_roster(tmp_path / "城关镇.xlsx", fb_household("城关镇", "东村", "张三", float(A[:15] + "000"), []))
    write_roster(tmp_path / "河口乡.xlsx", fb_household("河口乡", "南村", "王五", C, []))
    said = number_typed_ids(load_inputs([tmp_path / "城关镇.xlsx", tmp_path / "河口乡.xlsx"], {}, AS_OF))
    assert any(w.startswith("花名册（城关镇.xlsx") and "1 个身份证号以数字格式存储" in w for w in said), said


@pytest.mark.parametrize("people, mode, expected", [
    (3, "2", "低"), (2, "2", "高"), (3, "分散供养", "高"), (3, "", "低"), (2, "", "高"), (3, None, "低"),
])
def test_tekun_persons_sharing_an_account_under_a_support_mode_code_no_setting_reads_are_low(people, mode, expected):
    # held-out 153: 84 residents of three care homes, 供养方式 "2" (集中, unconfigured): D02 高 on each; three or more
    # 特困 persons under codes no setting reads may well share their home's account. Held-out 399: so too when no
    # 供养方式 is given at all (a family export holding its 特困 people as one-person families: 4 residents 高); None: no
    # such column
    ids_ = [make_id(f"19{40 + k}0101", 211 + 2 * k) for k in range(people)]
    tekun = [{"township": "城关镇", "village": "东村", "name": f"特困{k}", "id": i, "bank_account": "6228480012345678901",
              **({} if mode is None else {"support_mode": mode})} for k, i in enumerate(ids_)]
    ctx = context(household("张三", A), extra_rosters=[(tekun, "清河县特困人员供养名册")])
    found, _ = run_checks(ctx, ["D02"])
    assert {f.confidence for f in found} == {expected} and len(found) == people
    fix = "请在配置文件 [D02] institution_modes 中写明" if mode else "请在花名册中写明供养方式"
    assert (fix in found[0].evidence) == (expected == "低"), found[0].evidence


@pytest.mark.parametrize("approved, expected", [("2026-09-20", "低"), ("2026-08-31", "高"), (None, "高")])
def test_a_dibao_member_made_tekun_in_the_review_dates_month_is_a_low_duplicate(approved, expected):
    # held-out 153: 特困 认定 2026-09-20, still on September's 低保 roster: 低保 stops from the next month (次月停发)
    dibao = household("张三", A)
    tekun = [{"township": "城关镇", "village": "东村", "name": "张三", "id": A, "approved": approved}]
    ctx = context(dibao, extra_rosters=[(tekun, "清河县特困人员供养名册")])
    assert flagged(ctx, "D01") == [("张三", expected)]
    if expected == "低":
        assert "低保转特困，低保应自次月停发" in run_checks(ctx, ["D01"])[0][0].evidence


@pytest.mark.parametrize("born, old", [("19710101", False), ("19170101", True)])
def test_a_failed_check_never_says_the_last_character_alone_is_wrong(born, old):
    # held-out 159: "（按前 17 位应为 4）" of an ID whose year was swapped (1971 → 1917) would make the man 109
    good = make_id(born, 111)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    ctx = context(household("张三", bad))
    [found] = run_checks(ctx, ["D03"])[0]
    assert "可能是任一位录错或相邻两位颠倒" in found.evidence and f"若只是末位录错，按前 17 位末位应为 {good[17]}" in found.evidence
    assert ("出生年份也可能录错" in found.evidence) == old


def test_a_household_a_page_break_cut_in_two_shares_no_account_with_itself():
    # held-out 166: a household continued on the next sheet (its cells repeated, no 户主 row there): D02 高 "2 户共用"
    account = "6217562300000000162"
    first = household("梁子涵", A, [("方金凤", "子女", B)], bank_account=account, village="郝庄村")
    rest = [{**first[1], "name": "郝淑珍", "id": C, "relation": "孙女", "head_id": "", "sheet": "第2页"}]
    ctx = context(first + rest)
    assert flagged(ctx, "D02") == []
    other = household("王五", E, bank_account=account, village="郝庄村")  # another household on it still is
    assert flagged_names(context(first + rest + other), "D02") >= {"王五"}


def test_a_roster_without_accounts_has_d02_said_as_not_checked():
    # held-out 177: no 银行账号 column, the console said D02 could not run and 核查范围 said "已核查，未发现问题"
    rows = household("张三", make_id("19600101", 111)) + household("李四", make_id("19610202", 122))
    for r in rows:
        r.pop("bank_account", None)
    findings, why = run_checks(context(rows), ["D02"])
    assert not findings and why["D02"] == "花名册没有“银行账号”列（或该列全部为空）"


def test_two_ids_in_one_roster_cell_are_said_as_two():
    # held-out 185: a couple's 'id;id' in one member's cell said only "位数或字符不符"
    ctx = context(household("孙德福", A, [("周玉梅", "配偶", f"{B};{A}")]))
    assert flagged(ctx, "D03") == [("周玉梅", "高")]
    assert "一个单元格中写了 2 个身份证号" in run_checks(ctx, ["D03"])[0][0].evidence


def test_an_error_value_in_the_id_cell_is_said_as_one():
    # held-out 191: '#N/A' (a VLOOKUP that found nothing) said as an ID "位数或字符不符"
    ctx = context(household("孙德福", A, [("周玉梅", "配偶", "#N/A")]))
    assert flagged(ctx, "D03") == [("周玉梅", "高")]
    assert "身份证号单元格是公式错误值“#N/A”" in run_checks(ctx, ["D03"])[0][0].evidence


def test_a_second_roster_without_accounts_has_its_people_said_unchecked_for_d02():
    # held-out 202: the 特困 roster had no 银行账号, the 低保 one had; 核查范围 said D02 "已核查，未发现问题"
    from rostercheck.audit import partly_checked

    tekun = household("王五", make_id("19400303", 133))
    for r in tekun:
        r.pop("bank_account", None)
    ctx = context(household("张三", make_id("19600101", 111), bank_account="6217000011112222"),
                  extra_rosters=[(tekun, "清河县特困人员名册")])
    said = partly_checked(ctx, {}, ["D02", "C08"])
    assert said == {"D02": "《清河县特困人员名册.xlsx》没有“银行账号”列（或该列全部为空）：其中的 1 人"}
    # two such rosters (given in another order than their names'): said in the order of their names, each its count
    other = household("赵六", make_id("19500505", 155), [("钱七", "配偶", make_id("19520606", 166))])
    ctx = context(household("张三", make_id("19600101", 111), bank_account="6217000011112222"),
                  extra_rosters=[(tekun, "清河县特困人员名册"), (other, "城关镇低保花名册")])
    said = partly_checked(ctx, {}, ["D02"])
    assert said == {"D02": "《城关镇低保花名册.xlsx》没有“银行账号”列（或该列全部为空）：其中的 2 人；"
                           "《清河县特困人员名册.xlsx》没有“银行账号”列（或该列全部为空）：其中的 1 人"}


@pytest.mark.parametrize("marker", ["'", "’", "′", '="{}"'])
def test_a_text_marker_before_an_id_changes_neither_d03_nor_its_fingerprint(marker):
    # held-out 245: "'410326…" exported with Excel's apostrophe gave D03 another 证据指纹 (a verified D03 came back)
    # and quoted the apostrophe in its 依据
    from rostercheck.audit import findings_frame

    bad = A[:17] + ("0" if A[17] != "0" else "1")
    frames = []
    for cell in (bad, marker.format(bad) if "{}" in marker else marker + bad):
        ctx = context(household("张三", A, [("张小", "子", cell), ("张二", "女", B)]))
        frames.append(findings_frame(ctx, run_checks(ctx, ["D03"])[0]))
    plain, marked = frames
    assert list(marked["姓名"]) == ["张小"] and list(marked["置信度"]) == ["高"]
    assert list(marked["证据指纹"]) == list(plain["证据指纹"]) and list(marked["依据"]) == list(plain["依据"])
    assert f"“{bad}”" in marked["依据"].iloc[0]
    # with the marker before a valid ID there is no finding at all
    ctx = context(household("张三", A, [("张小", "子", marker.format(B) if "{}" in marker else marker + B)]))
    assert flagged(ctx, "D03") == []


def test_roster_members_still_holding_a_15_digit_old_id_are_told_by_township():
    # held-out 249: a roster's 一代证 was upgraded for matching and never said; a township is told whom to update
    from types import SimpleNamespace

    from rostercheck.notices import number_typed_ids

    ids_ = [make_id(f"19{40 + k}0101", 111 + 2 * k) for k in range(6)]
    olds = [p[:6] + p[8:17] for p in ids_]
    rows = (household("甲一", olds[0], township="城关镇") + household("甲二", float(olds[1]), township="城关镇")
            + household("乙一", olds[2], township="河口乡") + household("丙一", olds[3], township="东山镇")
            + household("丁一", olds[4], township="西山镇") + household("戊一", ids_[5], township="西山镇"))
    ctx = context(rows)
    said = [w for w in number_typed_ids(SimpleNamespace(members=ctx.members, lists={}, labels={})) if "旧身份证号" in w]
    assert said == [f"花名册中有 5 人的身份证号仍是 15 位旧身份证号（城关镇 2 人、东山镇 1 人、河口乡 1 人等 4 个乡镇；"
                    f"如 {olds[0][:6]}*****{olds[0][-4:]}），已按升位后的 18 位号码比对。请更新为18位身份证号。"], said
    assert not [w for w in number_typed_ids(SimpleNamespace(members=context(household("戊一", ids_[5])).members, lists={},
                                                            labels={})) if "旧身份证号" in w]


# ---- a shared account of one registered family (held-out 252) ----
WIFE = make_id("19620217", 122)
SHARED = "6230906798714334643"


def _couple(registry_no=("0022", "0022"), relations=("户主", "配偶"), third=False):
    """张三's 低保 household and his wife 李梅's 特困 enrolment paid into one account, with the registry ``registry_no``
    giving their 户号s and ``relations`` their relations to the 户主; ``third``: a stranger's household on it too."""
    dibao = household("张三", A, bank_account=SHARED) + (household("王五", C, bank_account=SHARED) if third else [])
    tekun = [{"township": "城关镇", "village": "东村", "name": "李梅", "id": WIFE, "bank_account": SHARED}]
    registry = [{"household_no": no, "name": n, "relation": r, "id": i}
                for no, n, r, i in zip(registry_no, ("张三", "李梅"), relations, (A, WIFE))]
    return context(dibao, {"registry": registry}, extra_rosters=[(tekun, "清河县特困人员供养名册")])


def test_a_shared_account_of_one_registered_family_is_low_and_says_the_tie():
    # held-out 252: a husband's 低保 household and his wife's 特困 enrolment (one 户号, 户主 and 配偶) on one account were
    # D02 高 twice, the registry given
    ctx = _couple()
    found, _ = run_checks(ctx, ["D02"])
    assert sorted((ctx.members.at[f.member, "name"], f.confidence) for f in found) == [("张三", "低"), ("李梅", "低")]
    # (the registry's 与户主关系 as written, 配偶: not 妻子 from her sex, held-out 340)
    assert all("户籍信息同户（户号 0022）：李梅是张三的配偶，各户是同一户籍家庭的亲属" in f.evidence for f in found)


@pytest.mark.parametrize("relations, said", [
    (("户主", "妻"), "李梅是张三的妻"), (("夫", "户主"), "张三是李梅的夫"), (("户主", "10"), "李梅是张三的配偶"),
])
def test_a_registered_familys_tie_quotes_the_registrys_relation_to_the_head(relations, said):
    # held-out 340: "李梅是张三的妻子" whatever the registry wrote (妻, 配偶): made of her sex; the 户主 second, his 夫
    # (the relation written) is said of him, not a 丈夫 made of his sex
    found, _ = run_checks(_couple(relations=relations), ["D02"])
    assert found and all(f"户籍信息同户（户号 0022）：{said}，" in f.evidence for f in found)


@pytest.mark.parametrize("registry_no, relations, third", [
    (("0022", "0023"), ("户主", "户主"), False),  # two 户号: no registered family
    (("0022", "0022"), ("户主", "非亲属"), False),  # one 户号, a lodger
    (("0022", "0022"), ("户主", "兄弟姐妹"), False),  # a sister: not among the kinships shared_account_kin names
    (("0022", "0022"), ("户主", "配偶"), True),  # a third household on the account, of no family
])
def test_a_shared_account_of_households_not_one_family_stays_high(registry_no, relations, third):
    assert {c for _, c in flagged(_couple(registry_no, relations, third), "D02")} == {"高"}


def test_no_family_words_keep_a_familys_shared_account_high(tmp_path):
    ctx = _couple()
    ctx.common["shared_account_kin"] = []
    assert {c for _, c in flagged(ctx, "D02")} == {"高"}


def test_a_roster_listing_the_other_enrolment_as_the_heads_spouse_ties_them():
    # the 低保 roster lists his wife (not covered: she is 特困) as 配偶; no registry given
    dibao = household("张三", A, [("李梅", "配偶", WIFE)], bank_account=SHARED)
    dibao[1]["covered"] = "否"
    tekun = [{"township": "城关镇", "village": "东村", "name": "李梅", "id": WIFE, "bank_account": SHARED}]
    ctx = context(dibao, extra_rosters=[(tekun, "清河县特困人员供养名册")])
    found, _ = run_checks(ctx, ["D02"])
    assert [f.confidence for f in found] == ["低", "低"]
    assert all("花名册中李梅登记为户主张三的配偶" in f.evidence for f in found)  # (as written, held-out 340)


@pytest.mark.parametrize("accounts, said", [
    # an account typed as a number keeps 15 digits, compared on those; one saved as '6.22848E+18' keeps a few, compared
    # with none: said apart, with its rows (the notice counted both as "按前 15 位比对")
    ([6.22848123456789e18, "6228480012345678"], ["1 户的银行账号以数字格式存储（超过 15 位的后几位已丢失）"]),
    (["6.22848E+18", "6.22848E+18"], ["2 户的银行账号以科学计数法保存（如第 2 行、第 3 行，形如 6.22848E+18），只剩前几位，"
                                       "不参与共用账号（D02）和干部账号（RQ3）的比对"]),
    (["6228480012345678", "6228480099999999"], []),
])
def test_the_rosters_accounts_a_number_format_cut_are_said_by_what_is_left(accounts, said):
    from types import SimpleNamespace

    from rostercheck.notices import number_typed_ids

    rows = (household("张三", make_id("19800101", 111), bank_account=accounts[0])
            + household("李四", make_id("19700303", 131), bank_account=accounts[1]))
    ctx = context(rows)
    notices = [w for w in number_typed_ids(SimpleNamespace(members=ctx.members, lists=ctx.lists, labels=ctx.labels))
               if "银行账号" in w]
    assert len(notices) == len(said) and all(s in n for s, n in zip(said, notices)), notices
    assert flagged(ctx, "D02") == []


D = make_id("19750404", 141)


def _by_name(*families, by_name=True):
    """A system export's rows re-sorted by name: 家庭编号 the only link between a household's rows, no head column."""
    rows = []
    for no, account, people, programme in families:
        for name, relation, pid in people:
            rows.append({"township": "城关镇", "village": "东村", "household_no": no, "name": name, "relation": relation,
                         "id": pid, "bank_account": account, "programme": programme})
    return sorted(rows, key=lambda r: r["name"]) if by_name else rows


def test_a_roster_sorted_by_name_is_read_by_its_household_numbers():
    # held-out 370: each run of a household's rows was a household of its own: 99 D02 at 高 for each family's account
    rows = _by_name(("HH001", "6228480012345678901", [("张三", "户主", A), ("赵梅", "配偶", B), ("张小", "子女", C)], "低保"),
                    ("HH002", "6228480099999999999", [("王五", "户主", D), ("李花", "配偶", E)], "低保"))
    ctx = context(rows)
    assert flagged(ctx, "D02") == []
    homes = ctx.members.groupby("household")["name"].agg(set).tolist()
    assert sorted(homes, key=len) == [{"王五", "李花"}, {"张三", "赵梅", "张小"}]
    assert set(ctx.members.loc[ctx.members["name"] == "张小", "head_name"]) == {"张三"}


def test_household_numbers_that_restart_are_not_joined():
    # 户编号 1, 2, 1 with a head in each run: numbers restarting (per 组), no household's key
    rows = _by_name(("1", "6228480012345678901", [("张三", "户主", A), ("赵梅", "配偶", B)], "低保"),
                    ("2", "6228480099999999999", [("王五", "户主", D)], "低保"),
                    ("1", "6228480088888888888", [("钱七", "户主", E), ("孙九", "配偶", C)], "低保"), by_name=False)
    ctx = context(rows)
    assert ctx.members["household"].nunique() == 3


@pytest.mark.parametrize("programme", ["低保边缘", "低边", "低保边缘家庭", "城市低保边缘户"])
def test_a_dibao_edge_family_on_a_shared_sheet_is_not_audited(programme):
    # held-out 370: one sheet of 低保, 特困 and 低保边缘 households; a 低边 family is no 低保 recipient: its car was C04 高,
    # its member on the staff list C01 高, its dead member C02 高
    rows = (household("张三", A, [("赵梅", "配偶", B)], programme=programme)
            + household("王五", C, [("李花", "配偶", D)], programme="农村低保"))
    lists = {"vehicles": [{"name": n, "id": i, "vehicle_type": "小型轿车", "status": "正常"} for n, i in (("赵梅", B), ("李花", D))],
             "staff": [{"name": "张三", "id": A, "unit": "县医院", "category": "事业"}],
             "deaths": [{"name": "张三", "id": A, "date": "2026-03-01"}]}
    ctx = context(rows, lists)
    assert set(ctx.members["name"]) == {"王五", "李花"}
    assert flagged(ctx, "C04") == [("李花", "高")]
    assert flagged(ctx, "C01") == [] and flagged(ctx, "C02") == []
    from helpers import AS_OF, table

    from rostercheck.roster import build_members

    roster = table("roster", rows, "社会救助对象名册.xlsx")
    build_members([roster], AS_OF)
    assert any("2 人（1 户）" in w and "低保边缘" in w and "不参与核查" in w for w in roster.warnings)


def test_a_coded_dibao_edge_programme_named_in_the_configuration_is_not_audited(tmp_path):
    # 救助类别 3 = 低保边缘 in a system's codes: [common] programme_codes may say so (the configuration refused the word)
    config = tmp_path / "local.toml"
    config.write_text('[common]\nprogramme_codes = { "1" = "低保", "3" = "低保边缘" }\n', encoding="utf-8")
    rows = household("张三", A, [("赵梅", "配偶", B)], programme="3") + household("王五", C, programme="1")
    ctx = context(rows, {"vehicles": [{"name": "赵梅", "id": B, "vehicle_type": "小型轿车", "status": "正常"}]}, config=config)
    assert set(ctx.members["name"]) == {"王五"} and flagged(ctx, "C04") == []


@pytest.mark.parametrize("town,village,shown", [
    ("石桥镇", "南村", "（石桥镇南村，户主 张三）"),
    # held-out 375: places given only by code: the village's code holds its township's, not run together
    ("431124203", "431124203210", "（431124203210，户主 张三）"),
    ("431124203", "", "（431124203，户主 张三）"),
    ("431124203", "431124101201", "（431124203431124101201，户主 张三）"),  # (codes that disagree: both shown)
    ("石桥镇", "431124203210", "（石桥镇431124203210，户主 张三）"),
])
def test_an_enrolment_in_another_township_is_placed_once(town, village, shown):
    from rostercheck.rules.d_roster import enrolment_place

    members = pd.DataFrame({"file": ["a.xlsx", "b.xlsx"], "programme": ["低保", "低保"], "sheet_shown": ["", ""],
                            "row": [3, 5], "township": [town, "城关镇"], "village": [village, "东村"],
                            "head_name": ["张三", "李四"]})
    assert enrolment_place(members, 0, 1).endswith(shown), enrolment_place(members, 0, 1)


@pytest.mark.parametrize(("name", "title", "left_out"), [
    ("低保边缘家庭花名册.xlsx", "", True),
    ("花名册.xlsx", "某县2026年第三季度低保边缘家庭名册", True),
    ("低边户名单.xlsx", "", True),
    ("花名册.xlsx", "某县城乡低保及低保边缘家庭成员名册", False),  # (names both: the programme column would say)
    ("低保花名册.xlsx", "", False),
])
def test_a_file_only_its_name_calls_dibao_edge_is_not_audited(name, title, left_out):
    # held-out 373: a 低保边缘 file with no programme column was read as 低保 (its member on the staff list C01 高, its
    # dead member C02 高, its member also in a 低保 family D01 高)
    from helpers import AS_OF, table

    from rostercheck.roster import build_members

    roster = table("roster", household("张三", A, [("赵梅", "配偶", B)]), name, title)
    members = build_members([roster], AS_OF)
    members = members[0] if isinstance(members, tuple) else members
    assert (len(members) == 0) is left_out
    assert any("低保边缘" in w and "2 人（1 户）" in w and "不参与核查" in w for w in roster.warnings) is left_out


def test_a_dibao_edge_person_also_in_a_dibao_family_is_said():
    # held-out 373: a 低边 person (left out of the audit) also a member of a 低保 family: nothing was said; the two are
    # mutually exclusive, one record is wrong — a notice, no D01 (the 低边 family draws no benefit)
    from helpers import AS_OF, table

    from rostercheck.roster import build_members

    edge = table("roster", household("张三", A, [("赵梅", "配偶", B)], programme="低保边缘"), "名册.xlsx")
    dibao = table("roster", household("王五", C, [("赵梅", "女儿", B)], programme="低保"), "低保花名册.xlsx")
    members = build_members([edge, dibao], AS_OF)
    assert set(members["name"]) == {"王五", "赵梅"}
    (said,) = [w for w in edge.warnings if "同时是低保" in w]
    assert "1 名" in said and "第 3 行 赵梅" in said and "《低保花名册.xlsx》第 3 行" in said and B not in said
    assert not any("同时是低保" in w for w in dibao.warnings)
    alone = table("roster", household("张三", A, [("赵梅", "配偶", B)], programme="低保边缘"), "名册.xlsx")
    build_members([alone, table("roster", household("王五", C, programme="低保"), "低保花名册.xlsx")], AS_OF)
    assert not any("同时是低保" in w for w in alone.warnings)


@pytest.mark.parametrize("status, expected", [
    # held-out 408: a 低保 member's 人员状态 2 (停保, explained nowhere; most rows 1) moved to 特困: both sides of the
    # D01 were 高; each is 低 now, the 特困 side saying the other record's code
    ("2", {("张三", "低")}),
    ("1", {("张三", "高")}),
])
def test_a_duplicate_whose_other_record_has_a_minority_status_code_is_low(status, expected):
    dibao = (household("李四", C, [("张三", "兄弟姐妹", A)]) + household("王五", E) + household("赵六", B))
    for r in dibao:
        r["member_status"] = status if r["id"] == A else "1"
    tekun = [{"township": "城关镇", "village": "东村", "name": "张三", "id": A}]
    ctx = context(dibao, extra_rosters=[(tekun, "清河县特困人员供养名册")], roster_headers={"member_status": "人员状态"})
    findings, _ = run_checks(ctx, ["D01"])
    assert {(ctx.members.at[f.member, "name"], f.confidence) for f in findings} == expected
    assert len(findings) == 2


def test_two_people_whose_ids_excel_destroyed_alike_get_fingerprints_of_their_own():
    # The last note's left-over: 张小 and 张二, both 4.30521E+17 (a CSV saved by Excel), had one 证据指纹 — verifying one
    # (核实无问题清单) held the other back, and a look-back read the two as one finding. A person whose ID lost its digits
    # is told apart by her name too; a whole ID keeps the fingerprint it gave.
    from rostercheck import suppress
    from rostercheck.audit import findings_frame

    ctx = context(household("张三", A, [("张小", "子", "4.30521E+17"), ("张二", "女", "4.30521E+17")]))
    frame = findings_frame(ctx, run_checks(ctx, ["D03"])[0])
    assert sorted(frame["姓名"]) == ["张二", "张小"]
    assert frame["证据指纹"].nunique() == 2
    verified = frame[frame["姓名"] == "张小"][["类别代码", "姓名", "身份证号", "依据", "证据指纹"]].assign(
        依据指纹="", 核实情况="核实无问题", 核实日期="2026-10-01")
    kept, held, _ = suppress.apply(frame, verified)
    assert held == 1 and list(kept["姓名"]) == ["张二"]
    # an entry an earlier release wrote (its fingerprint without the name) still holds back her finding, not his
    from rostercheck.normalize import ids
    old = suppress.evidence_fingerprint("D03", ids.id_number("4.30521E+17").value, frame["_facts"].iloc[0])
    kept, held, _ = suppress.apply(frame, verified.assign(证据指纹=old))
    assert held == 1 and list(kept["姓名"]) == ["张二"]


# A member the roster lists by another document (证件类型 护照, 港澳台居民居住证 …) holds no resident ID number: no wrong
# number at 高, a 低 note that nothing can be matched by it (h456: a foreign spouse's passport number was D03 高)
@pytest.mark.parametrize("kind, number, shown", [
    ("护照", "E73977496", [("李梅", "低")]),                      # must not be 高
    ("港澳居民来往内地通行证", "H12345678", [("李梅", "低")]),
    ("居民身份证", "E73977496", [("李梅", "高")]),                # must: an ID card's number that is no ID
    ("", "E73977496", [("李梅", "高")]),
    ("外国人永久居留身份证", "", [("李梅", "低")]),                 # a blank number stays the blank-ID note
])
def test_a_member_listed_by_another_document_is_no_invalid_id(kind, number, shown):
    rows = household("张三", A, [("李梅", "配偶", number)])
    rows[1]["cert_type"] = kind
    found = flagged(context(rows), "D03")
    assert found == shown
    if kind and "身份证" not in kind:
        ctx = context(rows)
        assert "不是居民身份证号" in run_checks(ctx, ["D03"])[0][0].evidence
