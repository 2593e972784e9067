"""A care home paid one lump a month, checked resident by resident (h432, issue 15): F01–F03 for a resident's share
the lump kept paying, at 中, never 高; the lump cut rightly, an admission raising it, 护理补贴 beside it, and a lump
the roster does not account for are no finding."""

from money import findings, make_id, money, money_context, months, pay

TEKUN = "惠水县2026年第三季度特困人员名册"
HOME = "城关镇敬老院"
ACCOUNT = "6228480012345678001"
# (name, ID, standard, approved)
RESIDENTS = [("朱长生", make_id("19400101", 111, "522731"), 1700, "2018-03-01"),
             ("王桂英", make_id("19410202", 122, "522731"), 1576, "2019-04-01"),
             ("李德明", make_id("19420303", 133, "522731"), 1576, "2020-05-01"),
             ("张秀兰", make_id("19430404", 144, "522731"), 1820, "2021-06-01")]
NEW = ("刘凤英", make_id("19440505", 164, "522731"), 1820, "2026-07-06")  # admitted in July
DEAD = {"deaths": [{"name": "朱长生", "id": RESIDENTS[0][1], "date": "2026-05-14"}]}


def roster(residents=RESIDENTS, home=HOME):
    return [{"township": "城关镇", "village": "敬老院", "name": n, "id": i, "support_mode": "集中供养", "care_home": home,
             "benefit": s, "approved": a} for n, i, s, a in residents]


def lump(amounts: dict[str, float], item="特困供养金", payee=HOME):
    return [pay("", payee, m, a, item, bank_account=ACCOUNT) for m, a in amounts.items()]


def full(month: str, cut: str = "", admitted: bool = True) -> float:
    """The residents' standards due for a month: 朱长生 left out from ``cut``, 刘凤英 in from July when admitted."""
    total = sum(s for n, _, s, _ in RESIDENTS if not (cut and n == "朱长生" and month >= cut))
    return total + (NEW[2] if admitted and month >= "2026-07" else 0)


def context(amounts, lists=DEAD, residents=RESIDENTS + [NEW], extra=()):
    rows = [pay(make_id("19500101", 211, "522731"), "周九", m, 1576, "特困供养金") for m in months("2026-01", "2026-09")]
    tekun = roster(residents) + [{"township": "城关镇", "village": "东村", "name": "周九",
                                  "id": make_id("19500101", 211, "522731"), "support_mode": "分散供养", "benefit": 1576,
                                  "approved": "2019-01-01"}]
    return money_context(tekun, rows + lump(amounts) + list(extra), lists, roster_title=TEKUN)


# Errors (must flag)

def test_a_dead_residents_share_kept_in_the_lump_is_owed_back_at_medium():
    ctx = context({m: full(m) for m in months("2026-01", "2026-09")})  # the lump never cut after the May death
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]
    (f,) = findings(ctx, "F01")
    assert f.months == "2026-06至2026-09（4个月）"
    assert HOME in f.evidence and "1,700.00 元" in f.evidence and "推算" in f.evidence
    assert ("home", HOME) in f.facts
    money(ctx, "F03")
    (said,) = ctx.cache["money:care_homes"]
    assert "逐人核对" in said and HOME in said


def test_an_exit_kept_in_the_lump_is_f03():
    exits = {"exits": [{"name": "王桂英", "id": RESIDENTS[1][1], "date": "2026-07-20", "reason": "自愿退出"}]}
    ctx = context({m: full(m) for m in months("2026-01", "2026-09")}, exits)
    assert money(ctx, "F03") == [("王桂英", "中", 1576 * 2, None)]


def test_the_lump_under_a_longer_name_of_the_home_is_the_same_home():
    ctx = money_context(roster(RESIDENTS + [NEW]),
                        lump({m: full(m) for m in months("2026-01", "2026-09")}, payee="惠水县" + HOME), DEAD,
                        roster_title=TEKUN)
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]


# OK (must not flag)

def test_a_lump_cut_after_the_death_is_no_finding():
    ctx = context({m: full(m, cut="2026-06") for m in months("2026-01", "2026-09")})
    assert money(ctx, "F01") == []
    assert money(ctx, "F05") == [] and money(ctx, "F06") == []


def test_an_admission_raising_the_lump_is_no_finding():
    someone = {"deaths": [{"name": "吴有才", "id": make_id("19300101", 311, "522731"), "date": "2026-02-02"}]}
    ctx = context({m: full(m) for m in months("2026-01", "2026-09")}, someone)
    assert all(money(ctx, code) == [] for code in ("F01", "F03", "F04", "F05", "F06"))


def test_care_subsidy_rows_beside_the_lump_are_other_money():
    care = lump({m: 300 * 5 for m in months("2026-01", "2026-09")}, item="护理补贴")
    ctx = context({m: full(m, cut="2026-06") for m in months("2026-01", "2026-09")}, extra=care)
    assert money(ctx, "F01") == [] and money(ctx, "F05") == []


def test_a_lump_the_roster_never_accounts_for_is_not_split():
    # a resident the roster does not list (1,700 a month, like 朱长生's) in the lump all year: after the death the
    # surplus equals 朱长生's standard, but no month ever was the roster's residents' sum
    ctx = context({m: full(m, cut="2026-06") + 1700 for m in months("2026-01", "2026-09")})
    assert money(ctx, "F01") == []
    money(ctx, "F03")
    assert any("读入但不逐人核查" in s and HOME in s for s in ctx.cache["money:care_homes"])


def test_residents_of_another_home_are_not_counted_in_the_lump():
    other = money_context(roster(RESIDENTS + [NEW], home="石桥镇敬老院"),
                          lump({m: full(m) for m in months("2026-01", "2026-09")}), DEAD, roster_title=TEKUN)
    assert money(other, "F01") == []
    bare = money_context(roster(RESIDENTS + [NEW], home="敬老院"),  # (a bare 敬老院 names no one home)
                         lump({m: full(m) for m in months("2026-01", "2026-09")}), DEAD, roster_title=TEKUN)
    assert money(bare, "F01") == []


def test_residents_told_by_the_homes_account_when_the_roster_names_no_home():
    # no 供养机构 column: 供养方式 集中供养 and the home's account as the resident's (银行账号)
    rows = [{**r, "bank_account": ACCOUNT} for r in roster(RESIDENTS + [NEW])]
    for r in rows:
        del r["care_home"]
    ctx = money_context(rows, lump({m: full(m) for m in months("2026-01", "2026-09")}), DEAD, roster_title=TEKUN)
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]
    # 分散供养 on the home's account is no resident of its lump (F07's lead): the lump is then never accounted for
    for r in rows:
        r["support_mode"] = "分散供养"
    ctx = money_context(rows, lump({m: full(m) for m in months("2026-01", "2026-09")}), DEAD, roster_title=TEKUN)
    assert money(ctx, "F01") == []


def test_a_lump_of_the_standards_with_care_is_read_by_the_rosters_totals():
    # the roster gives 基本生活标准 (benefit) and 供养标准 with 照料护理 (benefit_total); the home is paid the totals
    rows = [{**r, "benefit_total": r["benefit"] + 300} for r in roster(RESIDENTS + [NEW])]
    paid = {m: full(m) + 300 * (5 if m >= "2026-07" else 4) for m in months("2026-01", "2026-09")}
    ctx = money_context(rows, lump(paid), DEAD, roster_title=TEKUN)
    assert money(ctx, "F01") == [("朱长生", "中", 2000 * 4, None)]


def test_an_admission_the_roster_gives_no_date_is_read_from_the_lumps_rise():
    # no 审批日期: the lump short of 刘凤英's standard until July, when it rose by it; 朱长生's share kept after May
    rows = [{k: v for k, v in r.items() if k != "approved"} for r in roster(RESIDENTS + [NEW])]
    ctx = money_context(rows, lump({m: full(m) for m in months("2026-01", "2026-09")}), DEAD, roster_title=TEKUN)
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]
    (f,) = findings(ctx, "F01")
    # (张秀兰 has the same standard: either may have come, said so)
    assert "张秀兰、刘凤英的审批（入住）日期" in f.evidence and "按其中一人 2026-07 起入住计" in f.evidence
    # cut rightly after the death: nothing
    ctx = money_context(rows, lump({m: full(m, cut="2026-06") for m in months("2026-01", "2026-09")}), DEAD,
                        roster_title=TEKUN)
    assert money(ctx, "F01") == []


def test_a_residents_own_care_subsidy_rows_leave_the_lump_checked_and_her_own_benefit_rows_do_not():
    paid = lump({m: full(m) for m in months("2026-01", "2026-09")})
    own = [pay(RESIDENTS[2][1], "李德明", m, 100, "护理补贴") for m in months("2026-01", "2026-09")]
    ctx = money_context(roster(RESIDENTS + [NEW]), paid + own, DEAD, roster_title=TEKUN)
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]
    # paid her 供养金 on her own rows too, while the lump holds her standard: paid twice (F04 at 中, h441), and the
    # dead resident's share is still told apart
    own = [pay(RESIDENTS[2][1], "李德明", m, 1576, "特困供养金") for m in months("2026-01", "2026-09")]
    ctx = money_context(roster(RESIDENTS + [NEW]), paid + own, DEAD, roster_title=TEKUN)
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]
    assert money(ctx, "F04") == [("李德明", "中", 1576 * 9, None)]


# h441: the money left over around care homes (issue 15)

def _own(who, first, last, amount=None):
    return [pay(who[1], who[0], m, who[2] if amount is None else amount, "特困供养金") for m in months(first, last)]


def test_a_resident_paid_in_person_and_inside_the_lump_is_f04_at_medium():
    # 李德明 paid in person all year; the lump holds her standard from April on (admitted, her own rows never stopped)
    li = RESIDENTS[2]
    paid = lump({m: full(m, cut="2026-06") - (li[2] if m < "2026-04" else 0) for m in months("2026-01", "2026-09")})
    ctx = money_context(roster(RESIDENTS + [NEW]), paid + _own(li, "2026-01", "2026-09"), DEAD, roster_title=TEKUN)
    assert money(ctx, "F04") == [("李德明", "中", 1576 * 6, None)]
    (f,) = findings(ctx, "F04")
    assert f.months == "2026-04至2026-09（6个月）" and HOME in f.evidence and "推算" in f.evidence
    assert money(ctx, "F01") == [] and money(ctx, "F06") == []


def test_moving_from_dispersed_to_the_home_mid_year_is_no_finding():
    # paid in person to March, in the lump from April: never both in one month
    li = RESIDENTS[2]
    paid = lump({m: full(m, cut="2026-06") - (li[2] if m < "2026-04" else 0) for m in months("2026-01", "2026-09")})
    ctx = money_context(roster(RESIDENTS + [NEW]), paid + _own(li, "2026-01", "2026-03"), DEAD, roster_title=TEKUN)
    assert all(money(ctx, code) == [] for code in ("F01", "F03", "F04", "F05", "F06"))


def test_a_summary_beside_most_residents_own_rows_is_not_paid_twice():
    # (h433) the home's 拨付汇总 beside every resident's own rows: the same money told twice, no F04
    paid = lump({m: full(m, cut="2026-06") for m in months("2026-01", "2026-09")})
    own = [r for who in RESIDENTS[1:] for r in _own(who, "2026-01", "2026-09")]
    ctx = money_context(roster(RESIDENTS + [NEW]), paid + own, DEAD, roster_title=TEKUN)
    assert money(ctx, "F04") == []


def test_a_dated_admission_the_lump_never_took_in_is_f06_at_medium():
    # 刘凤英 approved 2026-07-06; the lump never rose
    ctx = context({m: full(m, cut="2026-06", admitted=False) for m in months("2026-01", "2026-09")})
    assert money(ctx, "F06") == [("刘凤英", "中", None, 1820 * 3)]
    (f,) = findings(ctx, "F06")
    assert f.months == "2026-07至2026-09（3个月）" and "少了其供养标准" in f.evidence
    assert money(ctx, "F01") == [] and money(ctx, "F04") == []


def test_a_lump_rising_the_month_of_a_dated_admission_or_short_of_an_old_resident_is_no_f06():
    ctx = context({m: full(m, cut="2026-06") for m in months("2026-01", "2026-09")})
    assert money(ctx, "F06") == []
    # short of 1,576 from August: 王桂英 or 李德明 (long admitted, one standard): whose share cannot be told, no F06
    ctx = context({m: full(m, cut="2026-06") - (1576 if m >= "2026-08" else 0) for m in months("2026-01", "2026-09")})
    assert money(ctx, "F06") == []


def test_two_equal_residents_gone_and_one_share_kept_owe_one_standard():
    # 王桂英 and 李德明 (1,576 each) both die in May; the lump is cut by one standard only from June
    dead = {"deaths": [{"name": "王桂英", "id": RESIDENTS[1][1], "date": "2026-05-03"},
                       {"name": "李德明", "id": RESIDENTS[2][1], "date": "2026-05-20"}]}
    ctx = context({m: full(m) - (1576 if m >= "2026-06" else 0) for m in months("2026-01", "2026-09")}, dead)
    assert money(ctx, "F01") == [("王桂英", "中", 1576 * 4, None)]
    (f,) = findings(ctx, "F01")
    assert "李德明" in f.evidence and "无法确定" in f.evidence
    # cut by both: nothing
    ctx = context({m: full(m) - (3152 if m >= "2026-06" else 0) for m in months("2026-01", "2026-09")}, dead)
    assert money(ctx, "F01") == []


def test_one_dead_and_one_left_of_one_standard_one_share_kept_is_low():
    # 王桂英 dead, 李德明 left the programme, both in May; one standard kept: the money is told, not whose (nor the code)
    lists = {"deaths": [{"name": "王桂英", "id": RESIDENTS[1][1], "date": "2026-05-03"}],
             "exits": [{"name": "李德明", "id": RESIDENTS[2][1], "date": "2026-05-20", "reason": "自愿退出"}]}
    ctx = context({m: full(m) - (1576 if m >= "2026-06" else 0) for m in months("2026-01", "2026-09")}, lists)
    assert money(ctx, "F01") == [("王桂英", "低", 1576 * 4, None)] and money(ctx, "F03") == []
    (f,) = findings(ctx, "F01")
    assert "李德明" in f.evidence and "类别不能确定" in f.evidence


def test_two_residents_gone_of_unequal_standards_one_share_kept_is_not_guessed():
    # 朱长生 (1,700) dead, 张秀兰 (1,820) left: a surplus of 1,700 is his alone, one of 1,576 matches neither
    exits = {**DEAD, "exits": [{"name": "张秀兰", "id": RESIDENTS[3][1], "date": "2026-05-31", "reason": "自愿退出"}]}
    ctx = context({m: full(m) - (1820 if m >= "2026-06" else 0) for m in months("2026-01", "2026-09")}, exits)
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)] and money(ctx, "F03") == []


def test_a_home_written_in_brackets_by_the_roster_itself_is_read():
    # 供养方式 '集中供养（城关镇敬老院）' with no 供养机构 column (the text normaliser makes the brackets ASCII)
    rows = [{**r, "support_mode": f"集中供养（{HOME}）"} for r in roster(RESIDENTS + [NEW])]
    for r in rows:
        del r["care_home"]
    ctx = money_context(rows, lump({m: full(m) for m in months("2026-01", "2026-09")}), DEAD, roster_title=TEKUN)
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]


def _mostly_in_homes(extra_rows=(), mover=False):
    """A 特困 roster of five residents in the home (one lump a month) and three 分散 persons paid in person; 周九's July
    came back and was not re-paid. ``mover``: 李德明 paid in person to March, in the lump from April."""
    dispersed = [("周九", make_id("19500101", 211, "522731")), ("吴十", make_id("19510101", 221, "522731")),
                 ("郑一", make_id("19520101", 231, "522731"))]
    rows = [pay(i, n, m, 1576, "特困供养金", status="退回" if (n, m) == ("周九", "2026-07") else "成功")
            for n, i in dispersed for m in months("2026-01", "2026-09")]
    li = RESIDENTS[2]
    amounts = {m: full(m, cut="2026-06") - (li[2] if mover and m < "2026-04" else 0) for m in months("2026-01", "2026-09")}
    if mover:
        rows += _own(li, "2026-01", "2026-03")
    tekun = roster(RESIDENTS + [NEW]) + [{"township": "城关镇", "village": "东村", "name": n, "id": i,
                                          "support_mode": "分散供养", "benefit": 1576, "approved": "2019-01-01"}
                                         for n, i in dispersed]
    return money_context(tekun, rows + lump(amounts) + list(extra_rows), DEAD, roster_title=TEKUN)


def test_a_dispersed_persons_returned_month_is_unpaid_when_most_of_the_programme_lives_in_homes():
    # (h441: five of eight 特困 persons have no rows of their own; the programme's months were never "covered")
    assert money(_mostly_in_homes(), "F06") == [("周九", "高", None, 1576)]


def test_a_resident_paid_in_person_before_moving_in_is_not_unpaid_after():
    assert money(_mostly_in_homes(mover=True), "F06") == [("周九", "高", None, 1576)]
    assert money(_mostly_in_homes(mover=True), "F04") == []


def test_a_lump_taking_a_dated_admission_in_a_month_late_is_no_f06():
    # 刘凤英 approved 2026-07-06, the home took her in from August: not "never added"
    ctx = context({m: full(m, cut="2026-06", admitted=m >= "2026-08") for m in months("2026-01", "2026-09")})
    assert money(ctx, "F06") == []


def test_a_home_with_other_months_the_roster_cannot_account_for_gives_low():
    # March's lump 500 above every reading of the roster: the shares inferred from the other months are 低, said
    ctx = context({m: full(m) + (500 if m == "2026-03" else 0) for m in months("2026-01", "2026-09")})
    assert money(ctx, "F01") == [("朱长生", "低", 1700 * 4, None)]
    (f,) = findings(ctx, "F01")
    assert "2026-03" in f.evidence and "对不上" in f.evidence


def test_one_moved_from_the_home_to_dispersed_is_not_unpaid_before_and_the_home_still_reads():
    # 孙七 (roster: 分散供养 now) was in the home's lump to July; paid in person from August, when the lump fell by 1,576
    sun = ("孙七", make_id("19450606", 171, "522731"), 1576, "2018-01-01")
    zhou = ("周九", make_id("19500101", 211, "522731"), 1576, "2019-01-01")  # paid in person every month
    rows = roster(RESIDENTS + [NEW]) + [{"township": "城关镇", "village": "西村", "name": n, "id": i,
                                          "support_mode": "分散供养", "benefit": s, "approved": a} for n, i, s, a in (sun, zhou)]
    every = _own(zhou, "2026-01", "2026-09")
    paid = lump({m: full(m) + (1576 if m < "2026-08" else 0) for m in months("2026-01", "2026-09")})
    ctx = money_context(rows, paid + every + _own(sun, "2026-08", "2026-09"), DEAD, roster_title=TEKUN)
    assert money(ctx, "F06") == [] and money(ctx, "F04") == []
    assert money(ctx, "F01") == [("朱长生", "中", 1700 * 4, None)]
    # paid in person from August with no fall of the lump then: her months before are unpaid as before
    paid = lump({m: full(m) for m in months("2026-01", "2026-09")})
    ctx = money_context(rows, paid + every + _own(sun, "2026-08", "2026-09"), DEAD, roster_title=TEKUN)
    assert [(n, c) for n, c, _, _ in money(ctx, "F06")] == [("孙七", "中")]


def test_a_month_missing_from_a_residents_own_rows_beside_a_summary_is_still_unpaid():
    # (h433's shape: every resident paid on rows of her own, the home's 拨付汇总 beside them) 李德明's May is missing
    paid = lump({m: full(m, cut="2026-06") for m in months("2026-01", "2026-09")})
    own = [r for who in RESIDENTS + [NEW] for r in _own(who, "2026-01" if who != NEW else "2026-07", "2026-09")
           if not (who[0] == "李德明" and r["month"] == "2026-05") and not (who[0] == "朱长生" and r["month"] >= "2026-06")]
    ctx = money_context(roster(RESIDENTS + [NEW]), paid + own, DEAD, roster_title=TEKUN)
    assert [(n, r) for n, _, _, r in money(ctx, "F06")] == [("李德明", 1576)]
    assert money(ctx, "F04") == []
