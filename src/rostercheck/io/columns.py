"""Column recognition: Chinese header aliases per list kind, and content for unknown headers.

Headers are matched as patterns on the normalised label (spaces and marks removed, two-row headers
joined parent + child), so '户主信息/身份证号码' and '户主证件号' both become ``head_id``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..normalize.codes import LEGEND_RUN, system_column
from ..normalize.values import cn_numerals

ID_WORDS = r"(身份证|证件号|证件号码|公民身份号码|身份号码|社会保障号|社保号|身份证明号码|身份证明|证照号码|证件编号)"
NAME_WORDS = r"(姓名|名字|^名称$)"
# A header over a cell listing a household's members with their IDs (家庭成员及身份证号, 家庭成员、关系及身份证号): the
# members of one household, not one person's ID (as io.ledgers._MEMBERS_CELL reads it)
_MEMBERS_LISTED = r"成员(情况|名单|信息)?[、及和与]"
# An account column's header naming the account before a change (原账号, 变更前账号, 旧卡号)
_FORMER_ACCOUNT = r"^原|[（(]原|旧|变更前|曾用|作废|历史"
_COUNTY_WORDS = r"^县\(市、?区\)$|^县市区$|^县区$|^区县$|^所属县(市)?区?$|^县\(区\)$|^县\(市\)$"
_REGION_CODE = r"(行政)?区划代码|区划编码|行政区划|所属区划"
# A second look at a decision (复核, 复议, 复审, 复查, 重新审核): its result and date columns (the rejected list)
RE_EXAMINED = r"(复核|复议|复审|复查|重新审[核批议]|再次审[核批])"
# A wage list's column of the pay itself, not a contribution base (缴费基数, which may be a floor above a low wage)
NET_PAY_WORDS = r"实发(工资|金额)|实领工资|实际工资|税后工资"
PAY_WORDS = NET_PAY_WORDS + r"|应发工资|工资收入"


# Words that make a header about somebody else than the row's own person (户主姓名, 经办人身份证号 …).
# A spec whose own pattern names them (head_id's 户主…, cadre_relatives' 干部…) consumes them first.
# Other people who act for or stand beside the row's person (代理人, 家属, 丧属 who reports a death, 受益人, 见证人 …):
# such a word anywhere after the person's own word makes the column theirs (车主代理人身份证号, 参保人配偶姓名: held-out 209).
AGENTS = (r"配偶|经办|联系人|代理|代办|监护|委托|受托|填报|填表|审核|审批|录入|操作员|亲属|家属|丧属|担保|紧急|代领|联络员|"
          r"申报人|报告人|办理人|经手人|受益人|见证人|驾驶人|帮教|包保|使用人|使用者|承租人|租用人|"
          # (h440: a 防返贫 export's 帮扶责任人身份证号 before 户主身份证号 was read as the household's member, the cadre's
          # ID covering or lowering 27 of 43 leads)
          r"帮扶|责任人|网格员|包联|结对")
QUALIFIERS = (AGENTS + r"|户主|父亲|母亲|子女|干部|赡养|抚养|扶养|义务人|申请人|法定代表|法人|负责人|投资人|经营者|所有人|车主|"
              r"权利人|产权人|收款人|领款人|开户人|领取人|财务|办税|监事|登记人|随迁|随同迁移")
# Each list kind's own words for the person a row is about (逝者姓名, 参保人身份证号, 机动车所有人): a name or ID column
# saying so is preferred to one that does not, whatever other person an unlisted word of a rival names (held-out 209).
SUBJECTS = {
    "deaths": r"逝者|死者|亡者|死亡人员|死亡人|注销人员|殁者",
    "wages": r"参保人|职工|缴费人|参保人员|被保险人",
    "pensions": r"参保人|离退休人员|退休人员|待遇领取人员|被保险人|享受人",
    "staff": r"职工|本人|在职人员|工作人员|在编人员",
    "cadres": r"干部",
    "prisoners": r"罪犯|服刑人员|在押人员|服刑人|被执行人",
    "migrations": r"迁移人|迁出人|迁移人员|迁出人员|本人",
    "vehicles": r"所有人|车主",
    "properties": r"权利人|产权人|所有权人",
    "businesses": r"法定代表人|法人|经营者|负责人|投资人",
    "registry": r"本人|成员",
    "roster": r"成员|保障对象|供养对象|救助对象|本人",
}
SUBJECT_BONUS = 0.3  # candidates(): what a list's own person word adds to a name or ID column's fit
# An ID column's header naming a former number (旧, 原, 曾用, 作废, 变更前, 15位): the person's current ID column wins over
# it however short its label (held-out 209: 原身份证号 filled with valid IDs of others beat 迁移人身份证号)
# (原 right before the ID words is a former ID wherever it stands: 申请人原身份证号, 成员原身份证号码, held-out 344 — read
# as the 户主身份证号, the applicant's current ID was lost and the household screened under another person's number)
FORMER_ID = re.compile(r"旧|^原|[（(]原|原(?=" + ID_WORDS + r")|曾用|作废|变更前|历史|15位|十五位")
FORMER_ID_PENALTY = 0.5
# … and the column itself: the row's own person's former ID (原身份证号, 原证件号码, 曾用身份证号码, 身份证号（旧）: an ID 公安
# corrected, a 15-digit 一代证 upgraded, a wrong birth date put right) is a second key of the row (match.former_links):
# a death listed under the new ID beside the roster's old one was missed (held-out 337). Its weight is below the ID's
# fit on the same label (1 + share - FORMER_ID_PENALTY): a list whose only ID column is headed 原身份证号 still reads it
# as the ID, as before; and below 0, no evidence of a kind in classify.
FORMER_ID_FIELD = "former_id"
# … and a roster's column of the household head's (the applicant's) former ID, written on each of its rows
HEAD_FORMER_ID_FIELD = "head_former_id"
PROXY_ID_FIELD = "proxy_id"  # a payment ledger's 代领人身份证号
# … and a supporters list's dependent's (被赡养人原身份证号), beside the supporter's own (赡养人原身份证号, FORMER_ID_FIELD)
DEPENDENT_FORMER_ID_FIELD = "dependent_former_id"
_FORMER_ID_WORDS = r"(旧|^原|[（(]原|原(?=" + ID_WORDS + r")|曾用|作废|变更前|历史|15位|十五位)"
_IDENT = r"姓名|名字|身份|证件|号码|编号|证号"
QUALIFIED_PENALTY = 0.1  # FieldSpec.fit's: a label qualified by another person's role, though allowed, fits less
# A township column as lists head it: 乡镇, 街道, 乡(镇), 镇(街道), a bare 镇 or 乡
# A payment's status (发放状态, 交易结果, 是否成功): the benefit ledgers' and the 两项补贴 list's
# The side money leaves from in a bank's 代发回单 (付款账号 | 付款户名 before 收款账号 | 收款户名: the bureau's own
# account, the same on every row): never the payee's account or holder (h455: the tie went to the first column, the
# bureau's account read as every household's, 121 F07 中 "户名 郁南县民政局 不是该户家庭成员")
_PAYER = r"付款|付方|转出|出款"
PAYMENT_STATUS = (r"(发放|交易|入账|到账|处理|代发|支付)(状态|结果|情况|标志|标识)|^状态$|^结果$|是否成功|成功标志"
                  # (held-out 339: 是否到账 of 是/否 unread, its 否 rows paid)
                  r"|是否(发放|到账|入账|支付|代发|转账)")
TOWNSHIP_WORDS = r"乡镇|街道|^镇$|^乡$|镇\(街|乡\(镇|镇\(乡|^镇街|^(所在|所属)(镇|乡)$"
# The people a business row is about, each qualifying the other's header ('经营者/法定代表人', '法定代表人(经营者)')
_BUSINESS_PEOPLE = r"法定代表人?|法人|负责人|经营者|投资人|出资人"
# A ledger's month column that says which month a payment is for (所属月份), not when it was made (发放月份); a 提标补差
# batch's 补差期间 (2026年7月-9月) names the months it makes up for, paid in a later month (held-out 322: read as its
# file's 10月 and left out as the next period's)
# a column of batches, issues, quarters or periods (发放批次, 期次, 发放期数, 所属季度, 补助期间, 发放周期): the month column
# only when its cells are months or spans (io.ledgers._no_periods)
PERIOD_WORDS = r"批次|期次|期数|^发放期$|季度|(补助|享受|保障|发放|所属|资金|补贴)(期间|时期|时段|周期)|^时段$|^周期$|^起止月份$"
MONTH_FOR = (r"所属(月份|期|年月|期间|月)|费款所属|属期|(补助|补贴)(月份|年月)|享受(月份|年月)|(补差|补发|差额)(月份|年月|期间|起止月份)"
             # a ledger with both 应发月份 and 实发月份 (h491): the month the payment was due for
             r"|^应(发|付|领)(月份|年月|期)$")
# A column about the party before a change (原权利人证件号码, 原车主姓名, 变更前法定代表人, 转让方) is no column of the
# person the row is about now, for any field: a seller's ID read as the owner's makes her the owner.
_FORMER = re.compile(r"(?:原|前|旧|变更前|转让前)[之的/]?(?:权利人|产权人|所有人|所有权人|车主|法定代表人|法人|经营者|负责人|投资人|"
                     r"户主|持有人|登记人|业主)|转让方|出让方|转让人|出卖人|卖方|抵押权人")


def names_someone_else(label: str) -> bool:
    """Whether a header label is about another person than the row's own (经办人身份证号, 原权利人证件号码 …)."""
    return bool(re.search(QUALIFIERS, label) or _FORMER.search(label))


# Fields by the kind of value they hold: parsed as such in reference lists, and their columns' first cells
# must read as such for a header to be taken (io/table._ContentCheck).
# A second end date of a list's rows (注销日期 beside 吊销日期), folded into ``end`` by reference.normalise
END_2 = "end_2"
PAROLED = "paroled"  # a prisoners list's 假释日期 / 暂予监外执行日期: out of prison from that day (reference._paroled_folded)
DATE_FIELDS = ("date", "start", "end", END_2, "released", PAROLED, "off_post", "birth", "approved", "changed", "cancelled", "logged", "resumed", "in_date",
               "died", "cremated", "born", "moved_on", "reviewed")
BIRTH_FIELDS = ("birth", "born")  # (a system's placeholder dates differ: 1970-01-01 is a real birthday, no event's)
MONEY_FIELDS = ("amount", "wage", "benefit", "benefit_own", "benefit_total", "area")
ID_FIELDS = ("id", "head_id", "cadre_id", "dependent_id")
# Fields holding money, read in yuan: a header or title naming another unit (分, 角, 万元) has them converted where the
# sheet is read (io/table._frame; held-out 210: a pension in 分 read as yuan)
YUAN_FIELDS = ("amount", "wage", "benefit", "benefit_own", "benefit_total", "benefit_after", "declared_income", "income_month",
               "income_year", "income_total", "living_amount", "care_amount")
# Fields whose cells are never codes a legend explains (people, places, dates, amounts, numbers): a legend-like run in
# their header or title decodes nothing there
_NEVER_CODED = frozenset((*ID_FIELDS, *DATE_FIELDS, *MONEY_FIELDS, *YUAN_FIELDS, "month", "phone", "phone2",
                          "bank_account", "cert", "household_no", "household_no_also", "region_code", "employees", "household_size",
                          "covered_size", "address", "location", "dest", "dest_code", "subscribed"))


# A roster sheet's second household number, tied with the one read (申请编号 | 家庭编号 of an application export, each row
# one household under both): kept for joining a household sheet to a member sheet that writes only the other
# (io.system_layout.join_households)
HOUSEHOLD_NO_ALSO = "household_no_also"


def coded_field(fld: str) -> bool:
    """Whether a field's cells may be codes its header or title explains (状态, 类型, 类别 …; see normalize.codes.legend)."""
    return not (fld.startswith("_") or fld in _NEVER_CODED or fld.endswith(("_id", "name")))


# Other people a row names besides its own person (a business's 经营者, 投资人; a home's 共有人; a move's 随迁人, who
# moved out with the mover: h488): the row is theirs too
# (reference._second_persons), so the filters keep a row any of them makes worth keeping (person_id_columns).
SECOND_PERSONS = ("operator", "investor", "co_owner", "follower")


def person_id_columns(mapping: dict[str, int]) -> list[int]:
    """The columns of a layout holding the IDs of a row's people (``id``, then the second persons')."""
    return [mapping[f] for f in ("id", *(p + "_id" for p in SECOND_PERSONS)) if f in mapping]


# The second persons whose name cell may write their IDs beside the names when no ID column of theirs is given (a
# real-estate export's 共有人 '张三(6110…)；李四(6110…)', reference._ids_in_name_cells). Not a business's 股东 or 经营者:
# a 股东 cell read so would make a shareholder a C05 lead, which the issue counts as another person's column (h437).
PEOPLE_CELLS = ("co_owner",)


def people_cell_columns(mapping: dict[str, int]) -> list[int]:
    """The columns of a layout naming a :data:`PEOPLE_CELLS` person with no ID column of their own: the filters keep a row
    for an ID written there (h437)."""
    return [mapping[p + "_name"] for p in PEOPLE_CELLS if p + "_name" in mapping and p + "_id" not in mapping]


def former_id_column(mapping: dict[str, int]) -> int | None:
    """The column of a layout holding its person's former ID (原身份证号), or None: the filters keep a row for a person
    of interest's whole ID there too (``bulk.KeySet.keeps_former``; held-out 337), not for a blank or a word (无)."""
    return mapping.get(FORMER_ID_FIELD)


_WHEN = r"日期|时间|年月"
# What a header may not add to a field's own words, per field (…原因 is not a date, 迁入日期 is not a place,
# 单位编号 is not the employer). Fields not listed only refuse the person qualifiers above.
_ATTRIBUTE_REJECTS = {
    **dict.fromkeys((*ID_FIELDS, FORMER_ID_FIELD, HEAD_FORMER_ID_FIELD, DEPENDENT_FORMER_ID_FIELD), r"地址|住址|有效期|类型|类别|种类|机关|日期|时间|姓名"),
    **dict.fromkeys(("name", "head_name", "cadre_name", "dependent_name"),
                    r"拼音|电话|地址|住址|单位|日期|时间|身份|证件|号码|编号|类别|类型|代码"),
    **dict.fromkeys(DATE_FIELDS,
                    _IDENT + r"|原因|事由|说明|备注|情况|地点|地址|住址|机关|单位|派出所|类别|类型|方式|状态|金额|人数|代码"),
    **dict.fromkeys((*MONEY_FIELDS, "declared_income"),
                    _IDENT + "|" + _WHEN + r"|状态|类型|类别|项目|人数|月份|方式|账号|代码"),
    "month": _IDENT + r"|金额|工资|人数|状态|基数",
    "paid_date": _IDENT + r"|金额|人数|状态|原因",
    "item": _IDENT + "|" + _WHEN + r"|金额|状态",
    **dict.fromkeys(("status", "serving", "cause", "reason", "dest", "move_type", "relation"), _IDENT + "|" + _WHEN),
    **dict.fromkeys(("vehicle_type", "use", "insurance", "entity_type", "usage", "category", "post", "unit",
                     "employer", "entity", "programme", "household_size", "covered_size", "employees"),
                    _IDENT + "|" + _WHEN),
    **dict.fromkeys(("phone", "phone2", "bank_account"), _WHEN + r"|户名|开户行|名称|姓名"),
}
_UNITS = re.compile(r"[(（][^()（）]{0,6}[)）]")  # '(元)', '（人）', '(元/月)': a unit, not a qualifier
# … unless it names another person or an earlier state: 出生年月（户主）, 联系电话（村干部）, 工作单位（配偶）, 户籍地址（原）
# are the head's, the cadre's, the spouse's, the old one, never the row's own (h483: the head's birth month read as every
# member's, a cadre list's 联系电话（联系人） as the cadre's second phone). A list's own person word in brackets
# (法定代表人(经营者), 身份证明号码（所有人）) is the row's own person and still dropped as a note: here any kind's
# but 干部 (a roster's 联系电话（干部） is a cadre's), in :func:`_candidates` the kind's own (a cadre list's 联系电话（村干部）).
_OWN_PERSON = "|".join(sorted({w for words in SUBJECTS.values() for w in words.split("|")} - {"干部"}, key=len, reverse=True))
# An earlier state or period in brackets (户籍地址（原）, 缴费工资（上期）, 经营者（变更前）): a column of the past, read for no
# field but an ID (身份证号（旧）, the former ID: its own specs and FORMER_ID_PENALTY)
# One list of the words of an earlier state or period (h487: three overlapping copies made one): EARLIER_WORDS (上期,
# 变更前, 调整前, 过户前 …; 原 only where it starts a label or stands alone in brackets), bracketed as _PAST_NOTE,
# leading a label's words outside its alias as EARLIER, and in own_person_dropped's brackets.
EARLIER_WORDS = r"上月|上期|上年|去年|往年|上季度?|前期|(?:变更|调整|过户|转让)前|旧|历史|曾用"
_PAST_NOTE = re.compile(r"[(（【\[]\s*(?:原|" + EARLIER_WORDS + r")\s*[)）】\]]")


# A trailing bracketed person word (身份证号（户主）, 姓名【被赡养人】, 死亡日期[配偶]) is read as the same word before the
# field's (户主身份证号, 被赡养人姓名, 配偶死亡日期), which every spec already knows: the head's, the dependent's, another's;
# so is one in mid-label (身份证号（户主）码, 出生（户主）日期 → 户主身份证号码, 户主出生日期: h488, a spouse's ID so written
# was read for no field, four C01 of 本人及配偶 missed)
_TRAILING_PERSON = re.compile(r"^(.+?)\s*[(（【\[]\s*([^()（）【】\[\]]{1,8}?)\s*[)）】\]]\s*(码|号码?|日期|时间|年月|姓名|名称)?$")


def _person_first(label: str) -> str:
    """Return the label with a bracketed person word, trailing or in mid-label, moved before it ('身份证号(户主)' →
    '户主身份证号', '身份证号（配偶）码' → '配偶身份证号码'), else the label (units, format notes and the list's own
    person words stay where they are)."""
    found = _TRAILING_PERSON.match(label)
    if found is None:
        return label
    inner = found.group(2)
    if not re.search(QUALIFIERS, inner) or re.fullmatch(_OWN_PERSON, inner):
        return label
    if found.group(3) and re.search(QUALIFIERS, found.group(1)):  # (法定代表人(经营者)姓名: one person's other name)
        return label
    return inner + found.group(1) + (found.group(3) or "")


def _unit_or_qualifier(bracketed: re.Match) -> str:
    """Return '' for a bracketed unit or note, the brackets kept for another person's role or an earlier state."""
    inner = bracketed.group()[1:-1].strip()
    if _PAST_NOTE.fullmatch(bracketed.group()):
        return bracketed.group()
    if re.search(QUALIFIERS, inner) and not re.fullmatch(_OWN_PERSON, inner):
        return bracketed.group()
    return ""


_TRAILING_UNIT = re.compile(r"\s*[(（]\s*(?:万?元(?:/[人户月年])?|人|户|个|月|㎡|m2|平方米|亩|%)\s*[)）]\s*$")
# A trailing note in brackets that says how to fill the column, never whose or what it is: what it leaves out
# (雇工人数（不含经营者）, 月发放金额（元/月，不含补发）), a date's or number's format (任职时间（年-月-日）,
# 身份证号（18位，文本格式）). Matched without it (h461: the three columns above went unread, C03 and C05 missed, and
# 不含经营者 took the column for the 经营者's name)
# (what a column leaves out only, or that it counts the person himself: a 含补发 changes what the amount is)
_FILL_NOTE = re.compile(r"\s*[(（]\s*(?:(?:不含|不包括)[^()（）]*|(?:含|包括)[^()（）]*本人[^()（）]*"
                        r"|(?:格式\s*[:：]?\s*)?(?:[年月日]\s*[-/.]?\s*){2,3}|(?:格式\s*[:：]?\s*)?[yY]{2,4}[-/.]?[mM]{1,2}[-/.]?(?:[dD]{1,2})?"
                        r"|\d+\s*位[^()（）]*|文本格式"
                        r"|万?元(?:/[人户月年季])?\s*[，,；;]\s*(?:不含|不包括)[^()（）]*)\s*[)）]\s*$")


@dataclass(frozen=True)
class FieldSpec:
    """How to recognise one canonical field from a header label.

    Attributes:
        field: the canonical field name.
        pattern: a regular expression searched in the label.
        exclude: a pattern that disqualifies a label (None for none).
        weight: how specific the alias is: 2 names the field outright (死亡日期, 保障类型), 1 is the usual
            alias, 0 a positional fallback (the first unqualified ID column left over is the cadre's).
        allow: qualifiers (see :data:`QUALIFIERS`) this field accepts in a header, e.g. 户主 for a roster's
            household-level phone or account.
    """

    field: str
    pattern: str
    exclude: str | None = None
    weight: int = 1
    allow: str | None = None
    # label → fit, remembered: a folder's classification asks it of the same labels for every kind and row
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)  # (dataclasses.field)

    def fit(self, label: str) -> float | None:
        """Return how well a label names this field (higher is more specific), or None when it does not (see
        :meth:`judge`)."""
        try:
            return self.memo[label]
        except KeyError:
            if len(self.memo) > _MEMO_MAX:
                self.memo.clear()
            found = self.memo[label] = self.judge(label)
            return found

    def judge(self, label: str) -> float | None:
        """Return how well a label names this field (higher is more specific), or None when it does not.

        The words of the label outside the matched alias decide: a qualifier naming another person
        (户主…, 经办人…) or an attribute foreign to the field (…原因 for a date) disqualifies the label.

        Args:
            label: the normalised header label.
        Returns:
            weight + the share of the label the alias covers, or None.
        """
        # a legend's words are its codes' meanings, never the header's: matched without them (held-out 282: '补贴类别（1困难
        # 残疾人生活补贴 2重度残疾人护理补贴）' was read as the 生活补贴 amount, every row counted as 生活补贴)
        label = re.sub(LEGEND_RUN, "", label) if label and re.search(LEGEND_RUN, label) else label
        label = bare if label and (bare := _FILL_NOTE.sub("", label)) else label
        label = _person_first(label) if label else label
        if not label or _FORMER.search(label) or (self.exclude and re.search(self.exclude, label)):
            return None
        m = re.search(self.pattern, label)
        if m is None and (bare := _TRAILING_UNIT.sub("", label)) != label:  # '补贴金额（元）' is 补贴金额
            label, m = bare, re.search(self.pattern, bare)
        if m is None:
            return None
        rest = _UNITS.sub(_unit_or_qualifier, label[: m.start()] + " " + label[m.end():])
        # an earlier state or period beside the alias, bracketed or not (原状态 beside 机动车状态, 调整前月养老金 beside
        # 月发放金额, 变更前状态): another time's value, read for no field but an ID (h487: a vehicle list's 原状态 was read
        # as the status, a pension list's 调整前月养老金 as the amount; before, only the roster, staff, registry and wage
        # specs excluded EARLIER). A spec whose own alias names the earlier state (原判刑期止日) is not refused here.
        if self.field not in ID_FIELDS and (_PAST_NOTE.search(rest) or re.search(EARLIER, rest.strip())):
            return None
        # a legend's words are its codes' meanings, not the header's qualifiers: '审批状态（0待审核 1已批准 2不予批准）'
        # names no 审核 agent (held-out 238: the status column was left unread, refused families screened)
        rest = re.sub(LEGEND_RUN, " ", rest)
        # (an agent word inside the alias, after its person's word, is the agent's: (所有人|车主).*身份证 must not take
        # 车主代理人身份证号; one in brackets or after a slash is the same person's other name, 干部(经办人员)信息姓名)
        qualifiers = re.findall(QUALIFIERS, rest) + re.findall(r"(?<=[^(/、])(?:" + AGENTS + ")", m.group())
        if any(not (self.allow and re.fullmatch(self.allow, q)) for q in qualifiers):
            return None
        rejects = _ATTRIBUTE_REJECTS.get(self.field)
        if rejects and re.search(rejects, rest):
            return None
        # a qualifier allowed (联系人电话 in a roster) still names another person than the row's: its own column, where
        # there is one, wins (held-out 134: 联系人信息联系电话 beat 供养对象信息联系电话 by being shorter)
        former = FORMER_ID_PENALTY if self.field in ID_FIELDS and FORMER_ID.search(label) else 0
        return self.weight + (m.end() - m.start()) / len(label) - QUALIFIED_PENALTY * len(qualifiers) - former


_MEMO_MAX = 1 << 16  # labels a FieldSpec remembers (the first rows of every sheet read)


_DEPENDENT = r"被(赡养|抚养|扶养|供养|监护)人|受助人|保障对象|低保对象|特困(人员|对象)|救助对象|供养对象|赡养对象|老人"
_CADRE = r"干部|备案人|村官|党员干部|本人"
_FILER = r"工作人员|经办人"
_COLLECTOR = COLLECTOR = r"^(收款人|领款人|领取人)(姓名|名称)?$"

_HOUSEHOLD = r"户主|申请人|联系人"
# A roster's date since which a household is paid (享受起始年月), and the approval's (批准日期): the start where both are
# given, the approval where the start is blank (approved_also)
_START_WORDS = r"(保障起始|享受起始|起始享受|起保|供养起始)(日期|时间|年月)"
_APPROVAL_WORDS = r"(审批|批准|核准|认定|纳入|纳入(特困)?供养|享受|救助开始|开始享受|开始救助|保障开始)(日期|时间|年月)"
# The 城乡类别 a benefit is granted under (城市/农村: the standard a household is measured against), and a person's 户口
# (户口性质 农业/非农业, 户籍性质, 户口类型): another thing, a column of it only a stand-in where no 城乡类别 column is
AREA_WORDS = r"城乡类别|城乡属性|城乡|城市/农村|城市农村"
HUKOU_WORDS = r"户口性质|户籍性质|户口类型|户籍类型|户口类别|户籍类别"
_NOT_PROGRAMME = r"城乡|城市|农村|城镇|残疾|施保"  # 保障类别(城市/农村) is the area type; 分类施保类别 a sub-class  # a roster's household-level columns may be written as the head's

# An application's status under a system's other headers than 审批状态 (screen): 办理状态, 审核状态, 申请状态, 业务状态,
# 流程状态, 办理结果; and the bare 状态 an export may give it (:data:`BARE_STATUS`)
APPLICATION_STATUS = r"(办理|审核|申请|业务|流程)(状态|进度)|办理(结果|情况)"
BARE_STATUS = r"^状态(?=$|[(（])"
_STATUS_NOT = r"日期|时间|年月|原因|说明|备注|意见"

# What a status change date names (状态变更日期, 停保日期, 死亡日期 …): no change of the amount itself
_STATUS_WHEN = r"状态|停保|终止|减员|退出|注销|死亡|迁出|分户"
# An amount of other months than the one paid or declared, or of no month: a running total, an account's balance, back
# pay, last month's or year's (held-out 272: a pension list's 补发金额 and 累计领取金额 taken for the monthly pension,
# a roster's 上年人均收入 for its 家庭月收入: 68 false C03 households at 高)
NOT_THIS_MONTH = r"累计|余额|补发|补扣|扣款|上月|上期|上年|去年|往年|历年|全年|年度|一次性"
# A year's amount named only as such (全年发放金额, 年发放额, 年度合计, 2025年全年, 全年缴费工资): a pension, wage or subsidy
# list's amount when no monthly column names it, divided by 12 (reference._to_monthly); weight 0, so a monthly column
# beside it is still the amount (the yearly one is amount_year, _yearly_beside_monthly). NOT_THIS_MONTH keeps it from the
# monthly aliases (h419: lists giving only 全年发放金额 or 年度合计 were read as no pension or wage, C03/C06 missed).
YEARLY_AMOUNT = (r"^(?:20\d{2}\s*年)?\s*(?:全年|年度|年)(?:发放|领取|实发|应发|养老金|待遇|缴费)?"
                 r"(?:金额|额|合计|总额|总计|工资收入|收入|工资|养老金|待遇)$|^(?:20\d{2}\s*年)?\s*全年$")
# A value of an earlier period or state (上期缴费工资, 原保障人数, 变更前家庭人口): not this period's (h483: a wage list's
# 上期缴费工资 was read before its 缴费工资（元）)
EARLIER = EARLIER_WORDS + r"|^\s*原"
# An amount before or after a change is not the roster's amount column itself (调整前月保障金, 变更后月保障金)
_CHANGE_SIDE = r"(变更|调整|提标|核定)(前|后)|^原|上期|上月|上年|去年|累计"

# (the spec of FORMER_ID_FIELD: 原身份证号, 曾用身份证号码, 身份证号（旧）; the roster's and the person lists')
_FORMER_ID = FieldSpec(FORMER_ID_FIELD, _FORMER_ID_WORDS + ".*" + ID_WORDS + "|" + ID_WORDS + r".*[（(](旧|原|曾用)", weight=-0.5)
# (the household head's, HEAD_FORMER_ID_FIELD: a roster's 申请人原身份证号, a household ledger's 户主原身份证号)
_HEAD_FORMER_ID = FieldSpec(HEAD_FORMER_ID_FIELD, r"(户主|申请人).*" + _FORMER_ID_WORDS + ".*" + ID_WORDS + r"|(户主|申请人).*"
                            + ID_WORDS + r".*[（(](旧|原|曾用)", r"关系", weight=-0.5)

ROSTER = [
    FieldSpec("programme", r"保障类[型别]|救助类[型别]|保障对象类[型别]|救助对象类[型别]|低保特困", _NOT_PROGRAMME, weight=2),
    FieldSpec("programme", r"^(保障|救助|对象|人员|保障对象)?(类型|类别|性质)$", _NOT_PROGRAMME),
    FieldSpec("programme", r"申请类[型别]", _NOT_PROGRAMME),  # an application export's (screen): 低保/特困
    # a township's 受理台账 (h430: 申请事项 低保/特困/低保边缘 unread, the 特困 applicant never S01, a 低边 family S02)
    FieldSpec("programme", r"^申请(救助)?(事项|项目|种类)$", _NOT_PROGRAMME),
    FieldSpec("township", TOWNSHIP_WORDS, r"村|地址|住址|民政|代码|编码", allow=_HOUSEHOLD),
    FieldSpec("county", _COUNTY_WORDS, allow=_HOUSEHOLD),
    FieldSpec("village", r"村|社区|^居委会$", r"村民小组|^组$|地址|住址|干部|与户主|关系|代码|编码", allow=_HOUSEHOLD),
    # a system export's place given as codes only (乡镇代码, 村（社区）代码: held-out 210, every 特困 member under 未填乡镇):
    # below a name column, whose code twin it then is; the codes are named as other rows name them (roster._places_unified)
    FieldSpec("township", r"(乡镇|街道|^镇|^乡).*(代码|编码)", r"村|社区", weight=0),
    FieldSpec("village", r"(村|社区|居委会).*(代码|编码)", r"村民小组|^组", weight=0),
    # (an application export joins its household and member sheets by the application's number)
    FieldSpec("household_no", r"户编号|^户号$|家庭编号|户主编号|^户码$|家庭档案号|户档案号|家庭ID|^家庭号$|申请编号|^申请号$|申请单号"),
    FieldSpec("head_id", r"(户主|申请人).*" + ID_WORDS + r"|^户主证件", r"关系|" + _FORMER_ID_WORDS),
    # the applicant's (户主's) own former ID on each of the household's rows (申请人原身份证号, 户主原身份证号): the head's row's
    # former ID only (roster.people_keys; held-out 345: a car under the applicant's old ID was missed), not the members'
    _HEAD_FORMER_ID,
    FieldSpec("head_name", r"(户主|申请人).*(姓名|名字)|^户主$|^户主名|^申请人$", r"关系"),
    FieldSpec("household_size", r"家庭人口|家庭人数|户人口|户内人口|家庭成员数|共同生活.*人数|^人口数?$|总人口", r"保障|" + EARLIER),
    FieldSpec("covered_size", r"保障人口|保障人数|享受人数|救助人口", EARLIER),
    # a bare 人数 on a family's row is its 家庭人口 (h410: an application batch's 人数, the members it lists fewer, never
    # said), below any named size (weight -1: never a rival of one)
    FieldSpec("household_size", r"^人数$", weight=-1),
    # the benefit's 城乡类别 named outright before a person's 户口性质 (农业/非农业), which is read only where no 城乡 column
    # is (held-out 242: 户口性质 1/2 left of 城乡类别 1/2 was read through the 城乡类别's area_codes, every household
    # against the other standard)
    FieldSpec("area_type", AREA_WORDS, allow=_HOUSEHOLD, weight=2),
    FieldSpec("area_type", HUKOU_WORDS + r"|^属性$", allow=_HOUSEHOLD),
    # 特困 rosters name the person's amount 基本生活标准/基本生活费 (beside 照料护理标准, which is not the benefit): it
    # wins over a 供养标准 beside it, the total with the 照料护理标准, read as benefit_total (F05 compares whichever
    # of the two the ledgers pay; held-out 194: they paid the total)
    # each member's own monthly amount beside the household's (个人月补助金额 beside 家庭月保障金): a member who leaves
    # takes her own amount with her (F01–F03, held-out 225); a roster giving only this column reads it as the benefit
    FieldSpec("benefit_own", r"^(个人|成员|本人)月?(补助|保障|补差|救助|低保)(金额?|标准)", _CHANGE_SIDE, weight=2),
    FieldSpec("benefit", r"基本生活(标准|费|金)|生活费标准", _CHANGE_SIDE, weight=2, allow=_HOUSEHOLD),
    FieldSpec("benefit", r"月保障金|保障金额?|救助金额?|供养(金|标准)|月补(助|差)|发放金额|月发放|补助金额|保障标准|月人均补差"
              r"|补差金额|享受金额", _CHANGE_SIDE, allow=_HOUSEHOLD),
    FieldSpec("benefit_total", r"供养(金|标准)", _CHANGE_SIDE, allow=_HOUSEHOLD),
    # the amount since the change date beside the amount before it (变更后月保障金 beside 月保障金: held-out 151)
    FieldSpec("benefit_after", r"(变更|调整|提标|核定)后.*(保障金|保障标准|供养(金|标准)|救助金|补助|补差|金额|标准|生活费)", weight=2,
              allow=_HOUSEHOLD),
    FieldSpec("bank_account", r"银行账号|银行卡号|账号|卡号|存折|一卡通|一折通|帐号|社保卡号|账户|帐户", r"身份|户名|开户行|银行名称",
              allow=_HOUSEHOLD),
    FieldSpec("phone", r"电话|手机|联系方式", allow=_HOUSEHOLD),
    FieldSpec("region_code", _REGION_CODE),
    FieldSpec("covered", r"是否保障对象|是否享受|保障对象标志|是否纳入保障|^保障对象$"),
    # whether the person lives with the family (an application's export lists relatives who do not: a brother, an adult
    # child living apart, as 是否共同生活 否/0); such a row is no member (h460)
    FieldSpec("cohabiting", r"^是否(为)?共同生活(的)?(家庭)?(成员|人员)?$|^是否(为)?(共同生活)?家庭成员$|^是否同住$"
                            r"|^共同生活(标志|标识)$"),
    # a system export's status of each member (household), 正常/已死亡/已分户/已停保 …: rows of members who left are history
    # (a legend in the header may name 分户: '人员状态（1正常 2死亡 4分户）', held-out 176)
    FieldSpec("member_status", r"成员状态|人员状态|在保状态|供养状态|享受状态|^保障状态|人员保障状态|成员保障状态",
              r"日期|时间|原因|说明|^家庭|^户"),
    FieldSpec("household_status", r"家庭状态|救助状态|^户状态|家庭保障状态|户保障状态", r"日期|时间|原因|说明"),
    # the date a member (household) left, beside a status column of codes (保障状态 1/2 and 停保日期, held-out 399: three
    # stopped households' members C01 高); no evidence of a roster (an exit list's key column: weight 0)
    FieldSpec("stopped_on", r"(停保|退出|终止|停发|退保)(日期|时间|年月)", r"恢复|原因", weight=0, allow=_HOUSEHOLD),
    # an application's decision (screen: 待审批 / 已批准 / 不予批准); a 审核 or 评议 result is none yet
    FieldSpec("outcome", r"(审批|审定)(结果|状态|结论|情况|进度)|是否(批准|审批通过)"),  # (审批情况: held-out 122)
    # a system's other names for the application's status (held-out 236: 办理状态 was ignored, a refused family checked):
    # read, but no evidence of a roster (weight 0: 业务状态, 流程状态 name other lists' columns too); 审批状态 beside
    # them wins. Not 婚姻/健康/就业/残疾/户籍状态: the person's, not the application's
    FieldSpec("outcome", APPLICATION_STATUS, _STATUS_NOT, weight=0),
    # a bare 状态, below any named status column (a negative weight: never a rival of one, no evidence of a roster);
    # read as the status only where its values are application statuses (``screen.pending_applications``)
    FieldSpec("outcome", BARE_STATUS, _STATUS_NOT, weight=-1),
    FieldSpec("address", r"住址|地址|居住地|家庭住所", EARLIER, allow=_HOUSEHOLD),
    # a month's income before a year's (家庭月收入 beside 家庭年收入); none of another time (上年人均收入)
    FieldSpec("declared_income", r"月(人均)?收入|月均收入", r"支出|" + NOT_THIS_MONTH, weight=2, allow=_HOUSEHOLD),
    FieldSpec("declared_income", r"(月|年)?收入|人均收入", r"支出|上月|上期|上年|去年|往年|历年|累计", allow=_HOUSEHOLD),
    FieldSpec("relation", r"与户主关系|户主关系|家庭关系|^关系$|^与户主的关系$|成员关系|称谓|与申请人关系|与申请人的关系", EARLIER),
    FieldSpec("id", ID_WORDS, None),
    _FORMER_ID,
    FieldSpec("name", r"姓名|名字|^(家庭)?成员$|成员名|^姓名$", None),
    # a 家庭成员 cell whose header says what each member is written with (家庭成员（关系 姓名 身份证号）, 家庭成员情况
    # (姓名、身份证号)): the members listed in one cell, no ID column of its own
    FieldSpec("name", r"^(家庭|共同生活)?成员(情况|信息|名单)?[（(][^()（）]*[)）]$", weight=2),
    # (h410: 家庭成员情况 or 家庭成员名单 with no such note, its members never read, a dead mother never found)
    FieldSpec("name", r"^(家庭|共同生活)成员(情况|名单)$"),
    # (h430: a 乡镇受理登记表's 家庭成员及身份证号 / 家庭成员、关系及身份证号 cell was never read: an applicant's dead spouse and
    # a son's car unseen; a joining word is needed: 家庭成员身份证号 is a member-row roster's ID column)
    FieldSpec("name", r"^(家庭|共同生活的?(家庭)?)成员(姓名)?(及|和|与|、)((与户主的?|与申请人的?)?关系|姓名)?(及|和|与|、)?"
                      r"(公民)?身份(证|证号|证号码|证件号码?)$", weight=2),
    FieldSpec("sex", r"性别"),
    FieldSpec("birth", r"出生(日期|年月)"),
    # the roster's own 年龄: read only to doubt a member's ID that disagrees with it (audit.id_doubted); weight 0: no
    # evidence of a roster in classify (a cadre or supporter list has one too)
    FieldSpec("written_age", r"^(实际|当前|现)?(年龄|周岁)(\s*[（(]\s*周?岁\s*[)）])?$", weight=0),
    # The date since which the roster's amount applies: a change (变更/调整) names it best, else the approval.
    # since when the household is enrolled (F06), and since when its amount applies when it was changed (F05)
    FieldSpec("approved", _START_WORDS, weight=2, allow=_HOUSEHOLD),
    # (特困 rosters: 纳入供养时间, 纳入特困供养日期, held-out 204)
    FieldSpec("approved", _APPROVAL_WORDS, allow=_HOUSEHOLD),
    FieldSpec("changed", r"(金额|标准|保障金|补助|补差)?(变更|调整|核定|生效)(日期|时间|年月)", _STATUS_WHEN, weight=2,
              allow=_HOUSEHOLD),
    # when a member's (household's) 成员状态 changed: a departed member's, the household's amount since (F05)
    # (not 停保日期, 死亡日期 …: the columns of an exit or a death list, which must not look like a roster's)
    FieldSpec("status_date", r"状态.{0,4}(日期|时间|年月)|(分户|减员)(日期|时间|年月)", weight=2),
    FieldSpec("labour", r"劳动(能力|力)"),
    FieldSpec("health", r"健康|身体(状况|情况|状态)"),  # (身体状况: held-out 127, C08 silently found nobody)
    # a one-row-per-household roster's head's own (户主劳动能力 | 户主健康状况 beside a 家庭成员 cell): the head's row's
    # labour and health only, never the members' (io.table._head_own; h420: refused for its 户主, no head checked by C08)
    FieldSpec("head_labour", r"^户主的?劳动(能力|力)(状况|情况)?$", allow=_HOUSEHOLD),
    FieldSpec("head_health", r"^户主的?(健康|身体)(状况|情况|状态)?$", allow=_HOUSEHOLD),
    FieldSpec("disability", r"残疾(等级|级别)", weight=2),
    FieldSpec("disability", r"残疾"),
    FieldSpec("school", r"在校|就学|学生|上学|就读"),
    # the kind of the member's document (证件类型: 居民身份证, 残疾人证 …): a 残疾人证号 in the ID column is the ID and two
    # digits (roster.card_ids)
    FieldSpec("cert_type", r"^(证件|身份证件|证照)(类[型别]|种类|名称)$"),
    # the member's guardian the roster records (监护人姓名 | 监护人身份证号 on a 特困 book: an orphan, an adult without
    # civil capacity): a payee of that ID is paid for the ward, a holder of that name is no stranger (F03, F06, F07;
    # h465: a 特困 orphan's guardian was 不在册 中 and the orphan 应发未发 for the whole year)
    FieldSpec("guardian_id", r"^监护人(的)?(" + ID_WORDS + r")", weight=0, allow=r"监护"),
    FieldSpec("guardian_name", r"^监护人(的)?(姓名|名字)?$", weight=0, allow=r"监护"),
    # the member's former name (曾用名, a system export's column beside 姓名): an account opened under it is hers (F07;
    # h491: 户名 李春花 beside 李淑芬's 曾用名 李春花 was "不是该户家庭成员" 中)
    FieldSpec("former_name", r"^曾用名$|^曾用姓名$"),
    FieldSpec("support_mode", r"供养方式|供养形式|集中|分散"),
    FieldSpec("care_home", r"供养(服务)?机构|入住机构|供养单位|(敬老院|福利院|养老院|供养中心)(名称)?$"),
    # the account's holder (户名, 开户人): read for D02 to say a shared account is a care home's (weight 0: a ledger's
    # column too, no evidence of a roster)
    FieldSpec("holder", r"户名|账户名|帐户名|(账|帐)户姓名|开户人|开户名|持卡人|存折户名|卡主", r"身份|证件|号码|账号|帐号",
              weight=0, allow=_HOUSEHOLD),
    FieldSpec("self_care", r"自理"),
    FieldSpec("remark", r"^备注$|说明"),
    FieldSpec("declared_assets", r"财产|资产|车辆情况|房产情况|住房情况"),
]

# A list's own 出生日期 column (``born``; ``birth`` is the one its ID gives): read only to doubt a link its ID makes
# (match._born_apart; held-out 249: an old ID upgraded to a member's beside another name and another 出生日期). Weight 0:
# no evidence of a kind in classify
_BORN = FieldSpec("born", r"出生(日期|年月)", weight=0)
_COMMON = [FieldSpec("id", ID_WORDS), FieldSpec("name", NAME_WORDS), _BORN]
# A pension list's word for its own person (待遇领取人, 领取人), which names another person elsewhere (a ledger's payee)
_PENSIONER = r"(待遇)?领取人"
# Head-level columns of lists that also carry the member's own (registry exports, payment ledgers).
_HEAD = [FieldSpec("head_id", r"户主.*" + ID_WORDS, _FORMER_ID_WORDS), FieldSpec("head_name", r"户主.*(姓名|名字)|^户主$")]

# A staff or cadre list's column saying whether the person still holds the post (在职, 在岗 / 辞职, 调出, 免职).
_IN_POST_STATUS = r"人员状态|在职状态|在岗状态|任职状态|在职情况|^状态$|^在职$|是否在(?:任|职|岗|编)"

# A staff or cadre list's date the person left the post (任职结束日期, 离任时间; 编办/财政's 减员时间: held-out 198;
# 人社's 调出日期: h484; 实名制 exports' 出编时间, 离编日期: h493), and what a post column is not
_POST_END = (r"(任职|任期|聘任|聘期|在职|在任|工作)(结束|截止|截至|届满|终止|止)|(离任|卸任|离职|免职|解聘|辞退|调离|调出|辞职|退休|减员|出编|离编)(日期|时间|年月)"
             r"|^(结束|截止|终止)(日期|时间)$")
_POST_NOT = r"日期|时间|年月|年限|期限|起止|开始|结束|状态"
# … or the date the person went off the post without leaving the staff for certain (离岗日期, 离岗时间)
OFF_POST = "off_post"
_OFF_POST = r"离岗(日期|时间|年月)"
# … and the date the person took it (任职日期, 入职日期, 参加工作时间, 聘用日期): after the review date, not yet in the post
# on it (held-out 223: 任职日期 2026.10.15 was C01 高 on 2026-09-30)
_POST_START = r"(任职|入职|聘用|聘任|任命|录用|到岗|参加工作|进编|入编)(开始|起始)?(日期|时间|年月)$"
# … or both in one cell: 任职起止时间 '2018.01—2025.06', '2021.01-至今' (h461: unread, three cadres who left before the
# quarter C01 高; reference._split_range splits it where no start or end column is beside it)
_POST_RANGE = r"(任职|任期|聘任|聘期|在职|在任|工作)(起止|起讫)|^任期$|^(起止|起讫)(日期|时间|年月)?$"

# A prisoners list's way of serving the term (执行方式: 监禁 / 暂予监外执行 / 社区矫正)
_SERVING = r"执行(类别|方式|种类|类型)|矫正类[别型]|服刑类[别型]|监管类[别型]"


def _held_dates(registered: str) -> list[FieldSpec]:
    """A vehicle's, home's or business's own dates: registered (初次登记日期, 登簿日期, 成立日期) and deregistered or
    transferred away (注销（吊销）日期, 转出日期; not 转移登记日期, the day the owner got it) — held-out 198: counted
    as of a review date before the one and after the other (rules._econ.not_held)."""
    ended = r"(注销|吊销|撤销|转出|报废|灭失).{0,6}(日期|时间)|^转移(日期|时间)$"
    # several such columns (注销日期 beside 吊销日期, 报废日期): each read, the earliest date ends the record (held-out
    # 223: 吊销日期 2025.11.30 was left unread beside 注销日期, 报废日期 not read at all; reference.normalise folds them)
    return [FieldSpec("start", registered, r"注销|吊销|撤销|转移|转出|变更|报废|灭失", weight=2),
            FieldSpec("end", ended, weight=2), FieldSpec(END_2, ended, weight=2)]


# A death's own date, and a day the death is no later than: the body's cremation or burial (a 殡葬 export's 火化日期)
DEATH_DATE = r"(死亡|去世|殁)(日期|时间|年月)"
BURIAL_DATE = r"(火化|殡葬|安葬|下葬|埋葬|出殡)(日期|时间|年月)"
# The day the person's 户口 was cancelled (注销户口日期, 户口注销日期): after the death, often by months, never its day
# (h488: a deaths list dated only so was read as dying that day, "死亡日期 … 晚于登记日期" at 中)
HUKOU_CANCELLED = r"(户口|户籍)注销(日期|时间|年月)|注销(户口|户籍)(日期|时间|年月)"

# A part of the monthly pension, never the amount paid (its total is: 基础养老金 + 个人账户养老金 + 过渡性养老金 …)
PENSION_PARTS = r"基础|个人账户|过渡性|调节金|统筹|职业年金|补充"

# A staff or cadre export's columns of the person's spouse (配偶身份证号, 配偶姓名): a tie the employer declares (C01,
# held-out 246); the name only shows and checks the ID, it never links anyone by itself. Weight 0: read where a file is
# taken as such a list, never evidence that it is one (classify: the registry's 配偶公民身份号码 keeps its weight there)
_SPOUSE = [FieldSpec("spouse_id", r"配偶.*" + ID_WORDS, weight=0), FieldSpec("spouse_name", r"配偶.*(姓名|名字)", weight=0)]

REFERENCE: dict[str, list[FieldSpec]] = {
    "staff": [
        FieldSpec("unit", r"工作单位|单位名称|^单位$|所在单位|任职单位|企业名称|所在企业", EARLIER),  # (a 国资 list: held-out 193)
        FieldSpec("category", r"人员类别|人员身份|身份类别|编制|人员性质|^类别$|^身份$"),
        FieldSpec("post", r"职务|岗位|职位", _POST_NOT),
        FieldSpec("bank_account", r"银行账号|银行卡号|账号|卡号|帐号|工资卡"),  # F07: benefits paid into a staff account
        FieldSpec("status", _IN_POST_STATUS),  # 在职 / 辞职, 调出: a row the list itself says has left (C01 left_words)
        FieldSpec("end", _POST_END, weight=2),  # 离职日期 before the review date: no longer holds the post
        # 离岗日期 (h493: unread, a member off his post since February C01 高): off the post, not always off the staff
        # (离岗退养, 离岗创业 keep the establishment and the pay), so C01 at most [C01] off_post_confidence
        FieldSpec(OFF_POST, _OFF_POST, weight=2),
        FieldSpec("start", _POST_START, weight=2),
        FieldSpec("range", _POST_RANGE, weight=2),
        *_SPOUSE,
        *_COMMON,
        _FORMER_ID,
    ],
    "cadres": [
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区", r"干部|组$"),
        FieldSpec("region_code", _REGION_CODE),  # (beside 乡镇 and 村 in words: names a roster's codes, held-out 369)
        FieldSpec("post", r"职务|岗位|职位|任职", _POST_NOT),
        # the cadre's own numbers, not the village committee's office phone (RQ3 would tie every caller to him)
        FieldSpec("phone", r"电话|手机|联系方式", r"办公|单位|村委|居委|值班|座机|固定"),
        FieldSpec("phone2", r"电话|手机|联系方式", r"办公|单位|村委|居委|值班|座机|固定"),  # a second number
        FieldSpec("bank_account", r"银行账号|银行卡号|账号|卡号|帐号|工资卡"),
        FieldSpec("status", _IN_POST_STATUS),
        # 任职结束日期 (a system export's 任职起止日期 has no status): before the review date, no longer in the post
        FieldSpec("end", _POST_END, weight=2),
        FieldSpec("start", _POST_START, weight=2),
        FieldSpec("range", _POST_RANGE, weight=2),
        # The list's own people may be named as such: 干部姓名, 经办人员身份证号; beside a 干部 group, a 经办人 group
        # fills in the form (held-out 137: 经办人信息 first was read as the cadres').
        FieldSpec("id", ID_WORDS, allow=r"干部"),
        FieldSpec("name", NAME_WORDS, allow=r"干部"),
        FieldSpec("id", ID_WORDS, allow=r"经办", weight=0.5),
        FieldSpec("name", NAME_WORDS, allow=r"经办", weight=0.5),
        _BORN,
        *_SPOUSE,
        _FORMER_ID,
    ],
    "cadre_relatives": [
        FieldSpec("cadre_id", "(" + _CADRE + ").*" + ID_WORDS, weight=2),
        FieldSpec("cadre_name", "(" + _CADRE + ").*(姓名|名字)|^(" + _CADRE + ")$", weight=2),
        # The filing's own person may be an 经办人员 (staff handling the benefit), but beside a 干部 column an 经办人
        # is the clerk who took the filing: such columns name the cadre only where no 干部 column does.
        FieldSpec("cadre_id", "(" + _FILER + ").*" + ID_WORDS),
        FieldSpec("cadre_name", "(" + _FILER + ").*(姓名|名字)|^(" + _FILER + ")$"),
        FieldSpec("cadre_post", "(" + _CADRE + ").*(职务|岗位)|^职务$"),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区", r"干部"),
        FieldSpec("id", r"(亲属|家属|对象).*" + ID_WORDS, weight=2),
        FieldSpec("name", r"(亲属|家属|对象).*(姓名|名字)|^(近亲属|亲属|家属)$", weight=2),
        # the relative's own former ID (亲属原身份证号; held-out 350): a bare 原身份证号 may be the cadre's, and is not read
        FieldSpec(FORMER_ID_FIELD, r"(亲属|家属|对象).*" + _FORMER_ID_WORDS + ".*" + ID_WORDS
                  + r"|(亲属|家属|对象).*" + ID_WORDS + r".*[（(](旧|原|曾用)", weight=-0.5),
        FieldSpec("relation", r"与.{1,6}?关系|关系|称谓"),
        # Unqualified columns: the first ID/name left over belongs to the cadre when the relative's are qualified.
        FieldSpec("cadre_id", ID_WORDS, weight=0),
        FieldSpec("cadre_name", r"姓名", weight=0),
        FieldSpec("id", ID_WORDS, weight=0),
        FieldSpec("name", r"姓名", weight=0),
    ],
    "registry": [
        FieldSpec("household_no", r"户号|户编号|户籍编号|户口编号"),
        FieldSpec("relation", r"与.{1,6}?关系|关系|称谓", EARLIER),
        FieldSpec("address", r"住址|地址", EARLIER),
        FieldSpec("township", TOWNSHIP_WORDS + r"|派出所"),
        FieldSpec("village", r"村|社区|居委"),
        # 常住人口 exports name each person's parents and spouse: ties across households (coverage L03).
        FieldSpec("father_id", r"父亲?.*" + ID_WORDS, weight=2),
        FieldSpec("mother_id", r"母亲?.*" + ID_WORDS, weight=2),
        FieldSpec("spouse_id", r"配偶.*" + ID_WORDS, weight=2),
        # 人员状态 正常/迁出/死亡: a row of someone gone from the 户号 is its history, no member of it (held-out 181)
        FieldSpec("status", r"^(人员|人口|户口|户籍)?状态$|人员状况"),
        # SWRQ/死亡日期 beside a 人员状态 死亡注销: when the death was (C02; one after the review date is no death of this
        # review: held-out 246, SWRQ 20261010 was C02 中 "未写死亡日期")
        FieldSpec("died", DEATH_DATE, weight=2),
        # 户籍状态 with its dates beside it (held-out 380): 迁出日期 and 注销日期 (a row whose status is blank or unread
        # but dated so is gone from the 户号 all the same), 迁入日期 (a return after the move: here again), 迁往地 (a move
        # inside the county leaves the person in it: coverage), 注销原因 (死亡 or 迁出). Weight 0: read where present,
        # never evidence that a file is a registry (a folder's files keep their kinds)
        FieldSpec("moved_on", r"迁出(日期|时间|年月)", weight=0),
        FieldSpec("in_date", r"(迁入|迁回|回迁)(日期|时间|年月)", weight=0),
        FieldSpec("cancelled", r"注销(日期|时间|年月)", weight=0),
        FieldSpec("dest_code", r"(迁往|迁至|去向).*(区划|代码|编码|省市县|省市区)", weight=0),
        FieldSpec("dest", r"迁往|迁至|去向", r"代码|编码|省市县|省市区", weight=0),
        FieldSpec("cause", r"注销(原因|类[别型])|变动原因", weight=0),
        # the move's own reason beside it (迁移原因 升学: a move to study is no move out, as on a moves list; h452: a
        # student's 注销 for 迁出 to 南昌 was C02 中 by the registry alone)
        FieldSpec("reason", r"迁移原因|迁出原因|迁移事由", weight=0),
        # a 公安 export naming each person's village by its 12-digit 区划代码 only: coverage names a list's coded places
        # by the roster's words for the people the code holds (held-out 390); weight 0, no evidence of the kind
        FieldSpec("region_code", _REGION_CODE, weight=0),
        *_HEAD,
        *_COMMON,
        # the person's 原身份证号: a roster or an official list may still hold it (held-out 350: a staff member's mother on
        # the roster under her old ID, the registry under her new, was no kin of his)
        _FORMER_ID,
    ],
    "deaths": [
        # a bare 逝者 / 死者 heading the names (a 殡葬 export): the person the row is about
        FieldSpec("name", r"^(逝者|死者|亡者|死亡人员|死亡人|殁者)$", weight=2),
        FieldSpec("date", DEATH_DATE, weight=3),  # the death itself before its registration
        FieldSpec("date", r"(注销(户口|户籍)?|火化)(日期|时间|年月)", weight=2),
        # (not a registration's: 死亡登记日期 is no death's date; nor another person's whose word the leading .* would
        # swallow: 配偶死亡日期, 死亡日期（配偶）, h483)
        FieldSpec("date", r"^(?!.*登记).*(死亡|注销|殁|火化|去世)|^日期$", r"(?:" + AGENTS + r").*(死亡|注销|殁|火化|去世)"),
        # 注销日期 beside a 死亡日期 (which takes the date first): no death after it, where the death date is blank
        # (held-out 228)
        FieldSpec("cancelled", r"注销(户口|户籍)?(日期|时间|年月)"),
        # … and so is the day the death was registered (登记日期, 死亡登记日期: held-out 284, a blank 死亡日期 beside 登记日期
        # 2026-10-15 was C02 高); weight 0: read in a deaths list, never evidence that a file is one
        FieldSpec("logged", r"登记(日期|时间|年月)", weight=0),
        # … and so is a 火化日期 (殡葬, 安葬): held-out 246, a blank 死亡日期 beside 火化日期 2026-10-05 was C02 高
        FieldSpec("cremated", BURIAL_DATE, weight=2),
        # the cause in words before a 注销类别 (often just 注销, 死亡注销) beside it
        # (a move's 迁移原因 is no death's cause: a 户口注销 export of deaths and moves was as like a deaths list as a moves
        # list by it, h389)
        FieldSpec("cause", r"原因|注销情形", r"迁移|迁出|迁入|迁往", weight=2),
        FieldSpec("cause", r"注销类[别型]|变动类[别型]"),
        # the registry's own word for the person (人员状态 正常/死亡/注销): a person the list says is alive is no death
        FieldSpec("status", r"(人员|人口|户口|户籍)?状态"),
        *_COMMON,
        _FORMER_ID,
    ],
    "prisoners": [
        FieldSpec("range", r"刑期起止|刑期起讫|起止|起讫|刑期起至|服刑期间", weight=2),
        # the day the person entered prison before the sentence's start (held-out 118: 刑期起日 beside 入监日期; custody
        # before the trial counts towards the sentence, so its start may be months earlier)
        # (羁押场所 is a place: held-out 201; 入所 a 看守所's 收押, as its 出所 is the release)
        FieldSpec("start", r"入监|入狱|入所|收监|收押|羁押(?!场所|地点|单位|机关)", weight=2),
        FieldSpec("start", r"服刑(开始|起)|刑期(起|开始)|^起始"),
        # the judgement's day only where the list has no day of entering prison (held-out 94: it was read before it)
        FieldSpec("start", r"判决日期", weight=0),
        FieldSpec("end", r"刑期(止|至|截止|结束|届满)|刑满|^止|届满", r"(减刑|变更|调整|裁定)后|^原"),
        # the end a 减刑 (sentence reduction) set beside the one the judgement set, where filled: the earlier of the two
        # ends the custody (held-out 280: 刑期止日 2027-12-31 beside 减刑后刑期止日 2026-06-30, C02 高 "在服刑期内" of a man
        # out before the review date; reference.normalise folds it into the end)
        FieldSpec(END_2, r"(减刑|变更|调整|裁定)后.*(刑期)?(止|至|截止|结束|届满)|现刑期(止|至|截止)", weight=2),
        # the judged end written as the original one (原判刑期止日, 原刑期止日) is the end where no plain 刑期止日 is beside
        # it (held-out 381: 原判刑期止日 | 减刑后刑期止日 read neither end, two men out before the review date C02 高)
        FieldSpec("end", r"^原(判|判决|判处)?(刑期)?.*(止|至|截止|结束|届满)", weight=0.5),
        # The day actually released (parole, early release): blank while the person is still held.
        # A 看守所's or 监所's export names it 出所日期 (离所, 出监): held-out 242, 出所 2026-05-20 unread, F02 for Jul–Sep
        FieldSpec("released", r"(释放|出狱|出监|离监|(?<!派)出所|离所)(日期|时间)?|实际释放"),
        # the day of parole or of serving outside prison (假释日期, 暂予监外执行日期) beside 释放日期: out of custody from
        # then too (C02 released_words say 假释 in a status); folded into ``released``, the earlier day (h487: 假释日期
        # unread, two parolees C02 高 "在服刑期内")
        FieldSpec(PAROLED, r"(假释|监外执行|社区矫正)(开始|起始)?(日期|时间)", weight=2),
        # (执行类别: 在押 / 社区矫正 / 暂予监外执行 — held-out 118: unread, two people under 社区矫正 were C02 高)
        FieldSpec("status", r"状态|在押"),
        # the way of serving ranks below a 状态 beside it (held-out 198: 执行方式 监禁 read, 状态 在押 not, a tie told),
        # and is read as such then: 暂予监外执行 there is no custody where the 状态 is blank (C02 served_outside)
        FieldSpec("status", _SERVING, weight=0.9),
        FieldSpec("serving", _SERVING, weight=0.5),
        # (刑期（月）, 刑期(个月), 刑期（年）: bare numbers counted in that unit — h461; reference.term_unit)
        FieldSpec("term", r"^刑期\s*(?:[(（]\s*(?:单位\s*[:：]?\s*)?(?:个?月|年)\s*[)）])?$|刑种"),
        *_COMMON,
        _FORMER_ID,
    ],
    "migrations": [
        FieldSpec("date", r"(迁出|迁移|变动)(日期|时间)|^日期$", weight=2),
        # a list of moves both ways with a date column each (迁出日期 | 迁入日期): a 迁入 row's date is its 迁入日期
        # (held-out 239: 迁入 2026-10-20 under 迁入日期 was no return, the 迁出 in May stayed C02 高)
        FieldSpec("in_date", r"(迁入|迁回|回迁|落户)(日期|时间)", weight=2),
        # The population system's place column (迁往地省市县（区）) holds a region code, or the place's name.
        FieldSpec("dest_code", r"(迁往|迁入|去向|迁至|目的地).*(区划|代码|编码|省市县|省市区)", weight=2),
        FieldSpec("dest", r"迁往|迁入|去向|迁至|迁移去向|目的地|现住址"),
        # (a deaths list's 注销原因/死亡原因, a vehicle list's 车辆类型 are no move's)
        FieldSpec("reason", r"原因|事由", r"注销|死亡|死因|病"),
        FieldSpec("move_type", r"迁移类型|迁出类型|类型|县内|县外|范围", r"车|号牌|燃料|险种|主体|用途|注销"),
        # A 公安 户口注销 export given as the moves (注销类别 1 死亡 / 2 迁出 …, dated by its 注销日期): a row cancelled for a
        # death is a death (C02), one for another reason a move as its 迁往地 says (h389: the deaths in it were 低 "迁往地不详",
        # the date unread). Weight 0: read in a moves list, never evidence that a file is one (a deaths list has them too).
        FieldSpec("cause", r"注销(原因|类[别型]|情形)", weight=0),
        FieldSpec("date", r"注销(日期|时间)", weight=0),
        # the person's own 人员状态 in a 公安 人口信息 export given as the moves (h452: its living rows, 正常, were 311 C02
        # leads "迁往地不详"): a person the list says is registered here has not moved out. Weight 0, as above
        FieldSpec("status", r"^(人员|人口|户口|户籍)状态$", weight=0),
        # the people who moved with the mover (随迁人姓名 | 随迁人身份证号, often several in one cell '张三、李四'): moved
        # out too, the row is each's (SECOND_PERSONS; h488: five 随迁 members out of the county were no C02)
        FieldSpec("follower_id", r"(随迁|随同迁移|同迁).*" + ID_WORDS, weight=2),
        FieldSpec("follower_name", r"^(随迁|随同迁移|同迁)(人|人员|成员|家属)?(信息)?(姓名|名字)?$"),
        *_COMMON,
        _FORMER_ID,
    ],
    "pensions": [
        FieldSpec("insurance", r"险种", weight=2),
        FieldSpec("insurance", r"养老(金|保险)?类型|待遇类型|待遇项目|类别|项目"),
        # the month's total beside its parts (基础养老金 + 个人账户养老金 = 月发放合计): the total
        FieldSpec("amount", r"(发放|养老金|待遇|月)(金额)?合计|合计(金额)?$|发放总额", r"年|状态|人数|日期|" + NOT_THIS_MONTH,
                  weight=2),
        # this month's amount named so, beside amounts of other months (held-out 272: 补发金额, 累计领取金额 before it)
        FieldSpec("amount", r"(本月|当月|本期)(发放|实发|应发|领取|待遇)?(金额|养老金|额)", NOT_THIS_MONTH, weight=2),
        FieldSpec("amount", r"金额|月养老金|养老金$|实发|应发|待遇|发放额|月领取|养老金额|标准",
                  r"状态|类型|类别|项目|人数|月份|日期|" + PENSION_PARTS + "|" + NOT_THIS_MONTH),
        FieldSpec("amount", YEARLY_AMOUNT, weight=0),
        # (待遇类型 is the insurance where no 险种 column says it; beside one, it says 丧葬补助金, 补发 …)
        FieldSpec("pay_kind", r"发放类型|支付类型|业务类型|发放方式|发放项目|^备注$|待遇类型|待遇类别|待遇项目"),
        # a 备注 beside a 待遇类别 that took pay_kind: its 一次性补发 still says a row is no monthly pension (held-out 321)
        FieldSpec("remark", r"^备注$", weight=0),
        # (人社's 发放标志 1/2/3 is the status too, held-out 258: left unread, a stopped pension was C03 高)
        FieldSpec("status", r"状态|(发放|支付|待遇)(标志|标识)"),
        # when the pension began and stopped (待遇开始年月, 待遇终止年月) are no month paid (held-out 198: the start was
        # shown as one, the stop not read: a pension stopped before the review date was C03 高)
        FieldSpec("start", r"(开始|起始|首次)(领取|发放)?(年月|日期|时间|月份)?|开始领取|^起领", weight=2),
        FieldSpec("end", r"(终止|停发|停止发放|停领|截止)(年月|日期|时间|月份)?", weight=2),
        FieldSpec("month", r"月份|期间|所属期|年月", r"开始|起始|首次|起领|终止|停发|停止|停领|截止"),
        # the 待遇领取人 is the pensioner, not another person (h456: 领取人信息 over 姓名 | 社会保障号码 made both another's,
        # the list refused for the 经办人's ID column)
        FieldSpec("id", ID_WORDS, allow=_PENSIONER), FieldSpec("name", NAME_WORDS, allow=_PENSIONER), _BORN,
        _FORMER_ID,
    ],
    "vehicles": [
        FieldSpec("plate", r"号牌号码|车牌|号牌", r"种类|类型"),
        FieldSpec("vehicle_type", r"车辆类型|车型|车辆种类|^类型$"),
        FieldSpec("plate_kind", r"号牌种类|号牌类型|号牌类别|号码种类"),
        FieldSpec("use", r"使用性质|营运|用途"),
        FieldSpec("status", r"状态"),
        FieldSpec("disabled_flag", r"残疾人专用|残疾人车|是否残疾"),
        *_held_dates(r"初次登记|^登记(日期|时间)|注册(日期|时间)"),
        FieldSpec("remark", r"^备注|说明"),
        FieldSpec("id", r"(所有人|车主).*" + ID_WORDS, weight=2),
        FieldSpec("name", r"所有人|车主|^姓名$|机动车所有人", r"住址|地址|电话|联系"),
        FieldSpec("id", ID_WORDS),
        _FORMER_ID,
    ],
    "properties": [
        FieldSpec("location", r"坐落|地址|位置|房屋地址"),
        FieldSpec("usage", r"规划用途|用途|房屋性质|性质", r"^使用性质$|车|营运|共有"),  # (a vehicle's 使用性质 is no home's)
        FieldSpec("area", r"建筑面积|房屋面积|套内", weight=2),  # the home's, before a 宗地面积 of its land
        FieldSpec("area", r"面积"),
        FieldSpec("property_type", r"不动产类型|房地类型|单元类型"),  # 土地 / 房屋 / 房地一体
        FieldSpec("right_type", r"权利类型|权利种类"),  # 宅基地使用权 / 宅基地使用权/房屋所有权
        FieldSpec("cert", r"不动产权|产权证|权证|证书号|证号", r"身份|证件号码|证明号码"),
        FieldSpec("property_unit", r"不动产单元号|不动产单元代码|^单元号$"),
        # any …状态 of the right itself (产权状态, 房屋状态, 不动产状态, 登簿状态: held-out 416, a deregistered second home
        # was read as a home); a restriction's own flag (抵押状态 …) is no state of the right
        FieldSpec("status", r"登记状态|权属状态|权利状态|状态$", r"抵押|查封|冻结|异议|限制|预告|预售|共有|交易|审核|办理"),
        FieldSpec("registration", r"登记类[型别]|登记种类|业务类[型别]"),  # 首次登记 / 转移登记 / 注销登记
        *_held_dates(r"登簿|^登记(日期|时间)|发证(日期|时间)"),
        # one row per owner: 共有情况 (单独所有 / 共同共有 / 按份共有（占30%）) and 份额 say whether the home is shared
        FieldSpec("tenure", r"共有(情况|方式|类型|性质|形式)|所有方式|持有方式"),
        FieldSpec("share", r"份额|权利比例|共有比例|持有比例|占有比例|产权比例", r"面积"),
        FieldSpec("id", r"(权利人|产权人).*" + ID_WORDS, weight=2),
        # (a two-row header's 权利人信息 over 姓名（名称）, beside 义务人信息 and 共有人信息 over theirs: held-out 118)
        FieldSpec("name", r"(权利人|产权人|所有人).*(姓名|名称)", weight=2),
        FieldSpec("name", r"权利人|产权人|所有人|姓名", r"住址|地址|电话|联系|共有"),
        # a 共有人 beside the 权利人 owns the home too (SECOND_PERSONS): the row is each's
        FieldSpec("co_owner_id", r"共有人.*" + ID_WORDS, weight=2),
        FieldSpec("co_owner_name", r"^共有人(信息)?(姓名|名称)?$"),
        FieldSpec("id", ID_WORDS, r"共有"),
        _FORMER_ID,
    ],
    "businesses": [
        FieldSpec("entity", r"主体名称|企业名称|字号|商号|^名称$|单位名称"),
        FieldSpec("entity_type", r"主体类型|企业类型|市场主体类型|组织形式|^类型$"),
        FieldSpec("employees", r"从业人数|雇工|员工(人)?数|职工人数|从业人员|雇用人数|雇员"),
        FieldSpec("status", r"登记状态|经营状态|状态"),
        FieldSpec("premises", r"经营场所|经营地址|住所|场所"),
        # (a header naming two of the business's people, '经营者/法定代表人', is theirs: _BUSINESS_PEOPLE)
        FieldSpec("id", r"(法定代表人?|法人|负责人).*" + ID_WORDS, weight=2, allow=_BUSINESS_PEOPLE),
        FieldSpec("name", r"法定代表人|法人|负责人|姓名", r"住址|地址|电话|联系", allow=_BUSINESS_PEOPLE),
        # a 个体工商户's 经营者 or an 投资人 (股东) beside a company's 法定代表人: the row is each's (SECOND_PERSONS)
        FieldSpec("operator_id", r"经营者.*" + ID_WORDS, weight=2),
        FieldSpec("operator_name", r"经营者", r"住址|地址|电话|联系|身份|证件|号码"),
        FieldSpec("investor_id", r"(投资人|出资人|股东).*" + ID_WORDS, weight=2),
        FieldSpec("investor_name", r"投资人|出资人|股东", r"住址|地址|电话|联系|身份|证件|号码|金额|比例|方式|日期|类型|人数"),
        FieldSpec("subscribed", r"认缴出资|认缴资本|认缴额", r"日期|时间|方式|比例"),  # the 投资人's (C05 evidence)
        *_held_dates(r"成立(日期|时间)|开业(日期|时间)|注册(日期|时间)|^登记(日期|时间)"),
        FieldSpec("id", ID_WORDS),
        _FORMER_ID,
    ],
    "wages": [
        FieldSpec("employer", r"缴费单位|工作单位|用人单位|参保单位|单位名称|^单位$", EARLIER),
        # the person's own base before the employer's: 个人缴费基数 wins over 单位缴费基数 wherever each stands
        # the pay itself (实发工资) before any contribution base, which may be a floor above a low wage (held-out 105)
        # … and the pay received (实发工资) before the pay due (应发工资) wherever each stands ([C06] explanation; held-out
        # 229: the first of the two was read, with a tie notice)
        FieldSpec("wage", NET_PAY_WORDS, EARLIER, weight=3.5),
        FieldSpec("wage", PAY_WORDS, EARLIER, weight=3),
        # the wage declared (缴费工资) before the base it is raised or capped to (held-out 118: 缴费基数 3600 beside
        # 缴费工资 1500, a C06 中 from the floor)
        FieldSpec("wage", r"缴费工资", EARLIER, weight=2.5),
        FieldSpec("wage", r"(个人|本人)(缴费)?(工资|基数)", EARLIER, weight=2),
        FieldSpec("wage", r"缴费基数|工资|收入|基数", EARLIER),
        FieldSpec("wage", YEARLY_AMOUNT, weight=0),  # (年度合计, 2025年全年: a year's wages, ÷ 12)
        # the month named with what it is of (工资月份, 工资所属期, 缴费月份, 费款所属期), its own words (工资, 缴费) no
        # attribute foreign to a month (held-out 229: 工资月份 left a quarter's rows summed as one month)
        FieldSpec("month", r"(工资|缴费|费款)(所属)?(月份|所属期|年月|期间|期)", weight=2),
        FieldSpec("month", r"月份|所属期|费款所属|缴费年月|年月|期间"),
        # a tax export's 所得项目 (工资、薪金所得, 利息、股息、红利所得): only work's income is a wage ([C06] income_item_words)
        FieldSpec("income_item", r"所得项目|所得类型|所得品目|收入类型"),
        # an annual base table (年度缴费基数核定表): one row per person and year, its base a month's (held-out 205)
        FieldSpec("year", r"^(缴费|核定|参保)?(年度|年份)$"),
        # 缴费类型 正常缴费 / 补缴: a back contribution is no month's wage (held-out 127)
        FieldSpec("pay_type", r"缴费(类型|性质|方式|类别)|征收(类型|方式)|^(业务|费款)类型$"),
        *_COMMON,
        _FORMER_ID,
    ],
    # 停保/退出名单 (and refused applications): who left the programme, when and why.
    "exits": [
        FieldSpec("date", r"(停保|退出|终止|停发|注销|取消|停止|减员|退保)(日期|时间|年月|月份)", weight=2),
        FieldSpec("date", r"^日期$|审批(日期|时间)|批准(日期|时间)|变更(日期|时间)"),  # (变更类型 停保, 变更日期)
        FieldSpec("reason", r"原因|事由|理由|退出情形|停保情形"),
        # a suspension lifted (暂停 5-12, 恢复 8-05): the months from then on are paid rightly (held-out 288: F03 高 for
        # every month after the 恢复日期); weight 0, no evidence that a file is an exits list
        FieldSpec("resumed", r"(恢复|复保|重新纳入|恢复发放|恢复保障)(日期|时间|年月|月份)", weight=0),
        # an approval export's 审批结果 (同意 / 不同意 / 退回修改): a row not approved stopped nothing (h455: an exit
        # application refused, the household paid on rightly, F03 高 for three months); weight 0, no evidence of a kind
        # (审批意见 written out, 同意停保 / 退回重新核实 / 不同意: held-out h459, every refused row stopped the household)
        FieldSpec("outcome", r"(审批|审核|审定|评议)(结果|结论|状态|意见)", weight=0),
        # (the programme the person was in is the one left: 原保障类别, 保障类别（原） — h488: the bracketed one was refused
        # as an earlier state and unread)
        FieldSpec("programme", r"(保障|救助|人员)类[别型](\s*[(（]\s*原\s*[)）])?|原保障|^类别$", r"人口|人数|金额|标准"),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区|居委"),
        FieldSpec("region_code", _REGION_CODE),  # (a system export naming its places by code: held-out 138)
        FieldSpec("county", _COUNTY_WORDS),  # (a city's lists: held-out 147)
        # the account the benefit was paid into (原发放账号): a bank's return file naming no ID is linked through it
        FieldSpec("bank_account", r"账号|帐号|卡号|一折通|一卡通|存折|社保卡|社会保障卡|银行账户|发放账户", r"身份|户名|开户行|银行名称"),
        FieldSpec("name", r"^(停保|退出|减员|清退|停发|注销)(人员|对象|成员)$"),  # (停保人员 beside 停保人员身份证号)
        *_HEAD,
        *_COMMON,
    ],
    # 资金发放明细 (payment ledgers): one row per payment, or one row per payee with month columns
    # (1月…12月, 2025年7月 …, found and melted by io/ledgers.py, not by these specs).
    "payments": [
        # (a contribution's 费款所属期, 个人缴费金额 are the wage list's: a ledger pays money out)
        FieldSpec("month", MONTH_FOR, r"费款|缴费", weight=2),
        # (a bank's return file: 代发月份 2025年9月, held-out 285)
        FieldSpec("month", r"(发放|代发|拨付|支付)(月份|年月|期)|^月份$|^年月$|^期别$|^期间$|业务期|^月度$|^月份"),
        # a batch or issue column (发放批次, 期次, 发放期数) says the period when its cells are months or spans
        # (2026年第一季度, 一季度, 2026年1-3月), and nothing when they are batch numbers (第12批 is no December):
        # io.ledgers._batch_numbers drops it then
        FieldSpec("month", PERIOD_WORDS, r"号$|编号|代码|金额|合计|小计|人数|天数|标准", weight=0),
        # … and 实发月份 beside it the month the money went out (h491: both unread, no month, nothing checked)
        FieldSpec("paid_date", r"(发放|支付|入账|到账|交易|代发|拨付|划拨|记账)(日期|时间)|^日期$|^实(发|付)(月份|年月|日期|时间)$"),
        # What went out (实发) before what was due (应发) when a ledger has both.
        FieldSpec("amount", r"(发放|实发|入账|交易|到账|代发|支付)(金额|额|数)|^实发$|^发放数?$", r"缴费|缴纳", weight=3),
        # (an illness list's 年度个人自付金额 is what the patient paid, no payment: h494, a 医保 大病 export taken as a ledger)
        FieldSpec("amount", r"(应发|补助|救助|保障|补贴|资金)(金额|额|数)|^金额|金额$", r"缴费|缴纳|基数|工资|贷方|收入|自付|自费|个人负担",
                  weight=2),
        # a finance office's quarterly book: one amount column headed by its quarter (第三季度, 2026年第三季度发放金额)
        # beside a 所属期 of 2026年7-9月 (h426: "找不到发放金额列"); two or more quarters are quarter_columns' wide book
        FieldSpec("amount", r"^(20\d{2}年度?)?第?[一二三四1-4]季度(发放|实发|资金)?(金额|额|数)?$", weight=1),
        # … and beside it what was due (应发金额): a failed or returned row's sum where nothing went out (实发 0)
        FieldSpec("due", r"^应(发|付|领)(金额|额|数)?$", weight=0.5),
        # … and what was deducted from it on the payee's behalf (代扣医保、扣回多发: 应发 − 扣款 = 实发), read only to
        # compare 应发 with the approved amount (h476: 25 months 少发 by a 医保 deduction were F05 高)
        FieldSpec("deduction", r"^(扣款|扣除|扣减|代扣|扣缴|扣回)(款项?|费用?)?(金额|额|数)?$|^代扣代缴(金额|额)?$", weight=0.5),
        # a 流水 of the payout account: what went out is its 借方 (支出); 贷方 is money coming in (held-out 145)
        FieldSpec("amount", r"^借方(发生)?(额|金额)?$|^支出(金额|额)?$|^发生额$", weight=2),
        # (项目代码, 资金编码 alone: the item as a code, read through money_benefit_codes / money_other_codes)
        FieldSpec("item", r"资金(项目|名称|代码|编码)|(发放|补助|救助|补贴|款项|支出|代发|拨付)(项目|名称)|"
                          r"^项目(名称|代码|编码|编号)?$|^款项$", weight=2),
        # a bank's 摘要 names the item when nothing else does; beside a 资金项目 column it is a remark (补发2026年3月); a
        # return file's 原摘要 is the returned payment's (held-out 226: read as no item); so is a 代发回盘's bare 附言
        # ('2026年5月一次性临时价格补贴': read as a remark, the grant was the benefit paid twice, F04 中; held-out 387)
        FieldSpec("item", r"^(交易|原)?摘要$|^交易(说明|附言)$|^(原)?附言(信息)?$"),
        FieldSpec("remark", r"^(交易|原)?摘要$|^交易(说明|附言)$|^(原)?附言(信息)?$", weight=0),  # (交易说明: held-out 140)
        # a kind of money (资金类别), not of person: 救助类别/保障类别 is the programme (城市低保, 特困 …)
        FieldSpec("item", r"资金类[别型]|(发放|补助|补贴|款项|支出)类[别型]"),
        # a bank return's 处理状态 (已处理 on every row, failed ones too) beside its 交易结果 says the batch was processed,
        # not whether the row paid: the 结果 column wins, 处理状态 is read when it is the only one (h455: the tie went to
        # the first column, every failed row "paid", F06 missed)
        FieldSpec("status", PAYMENT_STATUS, r"^处理(状态|情况|标志|标识)$"),
        FieldSpec("status", r"^处理(状态|情况|标志|标识)$", weight=0),
        # a bank file's reason for a payment that failed (失败原因 账户冻结): filled in, the row did not pay
        FieldSpec("fail_reason", r"(失败|退回|退票|退汇|错误|拒绝|不成功)(原因|说明|信息|描述)"),
        # 收款人/领取人(姓名) is the payee (a bank's 代发 file names the payee as its account holder): the payee's name,
        # not a holder to compare with the household (收款人户名, 账户名, 持卡人 … are).
        # (a bank return's 收款人名称 is its 户名: the bank knows the account's holder, h455: unread, no F07 for a
        # household paid into a stranger's account)
        # (账户姓名: h482, a quarter's 发放明细 whose 户名 went unread and two strangers' accounts unseen, F07 missed)
        FieldSpec("holder", r"户名|账户名|帐户名|(账|帐)户姓名|开户人|开户名|持卡人|存折户名|卡主|^收款(人|方)(名称|全称)$|^收方名称$",
                  r"身份|证件|号码|账号|帐号|" + _PAYER, allow=r"收款人|领款人|开户人|领取人|代领", weight=2),
        # (an account before a change, 原账号/变更前账号 beside 银行账号, is not the one paid: h450, 原账号 fitting better than
        # 银行账号 by its share of the label, five households' closed village account read as one shared, F07 中 ×5) …
        FieldSpec("bank_account", r"账号|帐号|卡号|一折通|一卡通|存折|社保卡|社会保障卡|银行账户|收款账户",
                  r"身份|户名|开户行|银行名称|账户名|帐户名|" + _PAYER + "|" + _FORMER_ACCOUNT,
                  allow=r"收款人|领款人|开户人|领取人|户主"),
        # … unless it is the only account column (a bank's return file's 原账号, the returned payment's account)
        FieldSpec("bank_account", "(" + _FORMER_ACCOUNT + r").*(账号|帐号|卡号)", r"身份|户名|开户行|银行名称", weight=0),
        # a care homes' 拨付汇总 (供养机构 | 基本生活费 | 照料护理费 | 拨付金额合计 | 收款账号 | 收款单位): the home the lump is
        # paid to holds the account (h433: the sheet went unread, "找不到身份证号列和发放金额列"; a workbook with a
        # residents' sheet beside it still leaves the summary out, io.ledgers.read_ledger)
        FieldSpec("holder", r"^收款(单位|机构)(名称|全称)?$"),
        # … or only its 供养机构 column beside the 收款账号 (a person's own 户名/账户名称 wins where a sheet has both)
        FieldSpec("holder", r"^(集中)?供养(服务)?机构(名称)?$", weight=0.5),
        FieldSpec("programme", r"保障类[别型]|救助类[别型]|人员类[别型]|对象类[别型]|^类别$", _NOT_PROGRAMME),
        FieldSpec("covered_size", r"保障人口|保障人数|享受人数|救助人口|享受人口|发放人数"),
        # a system export's 家庭编号 (金民工程) beside a blank or masked ID: the roster's household of that number (h491)
        FieldSpec("household_no", r"家庭编号|^户编号$|家庭档案号|^家庭ID$|^家庭号$", weight=0.5),
        # a statement's 借贷标志 beside positive amounts: 借 went out, 贷 came back (a return, a reversal; h477: read as
        # paid, a failed payment returned was a second payment, F04 高, and no F06)
        FieldSpec("direction", r"^借贷(标志|标识|方向|方)?$|^借\s*/\s*贷$|^收支(标志|标识|方向|类型)$|^资金方向$"),
        FieldSpec("remark", r"^备注|说明|附言"),
        # a bank's 用途 (代发用途 低保金 / 物价补贴) names the item when nothing else does, as its 摘要 (held-out 126: read
        # as the remark, every 物价补贴 row was the benefit: 95 F04 高)
        FieldSpec("item", r"^(代发|资金|款项|发放|交易)?用途$"),
        FieldSpec("remark", r"用途", weight=0),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("county", _COUNTY_WORDS),  # (a city's ledgers: whose 城关镇 a payee on no roster is of, held-out 197)
        FieldSpec("village", r"村|社区|居委", r"村民小组|^组$"),
        # (a 一卡通 platform export: 补贴年度 beside 补贴月份 7, held-out 400)
        FieldSpec("year", r"^年度$|^年份$|^(发放|补贴|补助|所属)年度$|^(补贴|补助|所属)年份$"),
        *_HEAD,
        # a 代领人身份证号 (the proxy collecting for the payee: an agent's ID, never the payee's): F07 asks whether he is a
        # cadre or staff member by his ID (held-out 404: read as nothing, a cadre collecting on the household's own
        # account was 中 by his name alone, or not flagged when 户名 was the head's)
        FieldSpec(PROXY_ID_FIELD, r"(代领|代理|代办|受托)人?.*" + ID_WORDS, r"地址|住址|有效期|类型|类别|日期|时间|姓名",
                  allow=r"代领|代理|代办|受托", weight=2),
        # … and his name (代领人姓名, or 代领人 alone): with a damaged 代领人身份证号 (a wrong check digit), the name and the
        # digits that survive still point at an official, at 中 (held-out 418: the name column unread, no lead)
        # (代领人信息 | 姓名 under a two-row group reads 代领人信息姓名: h450, his name unread where he held the account)
        FieldSpec("proxy_name", r"^(代领|代理|代办|受托)人?(信息)?(姓名|名字)?$|^(代领|代理|代办|受托)人?(信息)?(姓名|名字)",
                  r"身份证|证件|号码|电话|手机|关系|地址|住址|账号|卡号|日期|时间", allow=r"代领|代理|代办|受托", weight=2),
        # … and a 监护人's or 委托人's/受托人's name (监护人 | 监护人身份证号 before a 特困 person's own columns): who the ledger
        # says collects or cares for the payee, no payee (受托人 is proxy_name's) (h450: each such holder was F07 中 "不是该户家庭成员")
        FieldSpec("guardian_name", r"^监护人?(信息)?(姓名|名字)?$|^监护人?(信息)?(姓名|名字)",
                  r"身份证|证件|号码|电话|手机|关系|地址|住址|账号|卡号|日期|时间", allow=r"监护", weight=2),
        FieldSpec("trustee_name", r"^委托人?(信息)?(姓名|名字)?$|^委托人?(信息)?(姓名|名字)",
                  r"身份证|证件|号码|电话|手机|关系|地址|住址|账号|卡号|日期|时间", allow=r"委托", weight=2),
        # the person paid for (保障对象身份证号, 身份证号) before a 收款人身份证号 beside it (who took the money, the head
        # for his household: held-out 104), which is read when it is the only ID column (a bank's 代发 file)
        # (a 家庭成员及身份证号 cell lists the household's members with their IDs, as a household book writes them: no
        # payee's ID, io.ledgers reads the head's from it; h450: taken as the ID, every row's payee was "张三(3604…)、李四…"
        # on no roster and a shared account's rows linked to neither household)
        FieldSpec("id", ID_WORDS, _MEMBERS_LISTED),
        FieldSpec("id", ID_WORDS, _MEMBERS_LISTED, allow=r"收款人|领款人|领取人", weight=0),
        # the payee's former ID (原身份证号): a payee whose ID changed, linked to the member under it (held-out 342)
        _FORMER_ID,
        # … and the head's (户主原身份证号) in a household ledger paying him: its rows linked to his household under it
        # (held-out 353: a head on the roster under his old ID was "领取人不在花名册中", F07)
        _HEAD_FORMER_ID,
        # the person paid for (保障对象姓名; a 一卡通 platform's 补贴对象姓名) before a 收款人姓名 or 领款人姓名 beside it, which
        # is who took the money (the holder; held-out 299: 领款人 read as the payee, every F07 missed)
        FieldSpec("name", r"(保障|救助|供养|低保|特困|补贴|补助|受助|享受)(对象|人员)(姓名|名字)?$", weight=2),
        FieldSpec("name", NAME_WORDS + r"|^(保障|救助|供养)?对象$", allow=r"收款人|领款人|领取人"),
        # 收款人/领款人 alone is the payee's name; beside a 姓名 column, it is who took the money (the holder, F07).
        FieldSpec("name", _COLLECTOR, weight=0),
        FieldSpec("holder", _COLLECTOR, weight=0),
    ],
    "supporters": [
        FieldSpec("dependent_id", "(" + _DEPENDENT + ").*" + ID_WORDS, weight=2),
        FieldSpec("dependent_name", "(" + _DEPENDENT + ").*(姓名|名字)|^(" + _DEPENDENT + ")$", weight=2),
        # each person's own former ID (被赡养人原身份证号, 赡养人原身份证号; held-out 350): the dependent's links her to a roster
        # holding the old ID, the supporter's finds his wages, car or post filed under it
        FieldSpec(DEPENDENT_FORMER_ID_FIELD, "(" + _DEPENDENT + ").*" + _FORMER_ID_WORDS + ".*" + ID_WORDS
                  + "|(" + _DEPENDENT + ").*" + ID_WORDS + r".*[（(](旧|原|曾用)", weight=-0.5),
        FieldSpec(FORMER_ID_FIELD, r"(赡养|抚养|扶养|义务|子女).*" + _FORMER_ID_WORDS + ".*" + ID_WORDS
                  + r"|(赡养|抚养|扶养|义务|子女).*" + ID_WORDS + r".*[（(](旧|原|曾用)", r"被", weight=-0.5),
        FieldSpec("id", r"(赡养|抚养|扶养|义务|子女).*" + ID_WORDS, weight=2),
        FieldSpec("name", r"(赡养|抚养|扶养|义务)人?.*(姓名|名字)|^(赡养|抚养|扶养)?义务人$|^(赡养|抚养|扶养)人$|子女姓名", weight=2),
        FieldSpec("relation", r"与.{1,6}?关系|关系"),
        FieldSpec("unit", r"单位"),
        FieldSpec("remark", r"^备注|说明|现状|状况"),  # 失踪、服刑 … written beside a supporter (C07)
        # Unqualified columns: the first ID/name left over is the dependent's (they usually come first).
        FieldSpec("dependent_id", ID_WORDS, weight=0),
        FieldSpec("dependent_name", r"姓名", weight=0),
        FieldSpec("id", ID_WORDS, weight=0),
        FieldSpec("name", r"姓名", weight=0),
    ],
    # 防返贫监测对象 / 脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户 (one row per member or per household).
    "monitoring": [
        FieldSpec("monitor_type", r"监测(对象)?类[型别]|对象类[型别]|户类型|农户类型|识别类型|^类型$|^类别$|人口类型", weight=2),
        FieldSpec("risk", r"风险.{0,3}(消除|解除)|(消除|解除)风险|风险状态|是否.{0,2}(消除|解除)|监测状态|风险情况|^状态$",
                  r"日期|时间|年月", weight=2),
        FieldSpec("risk_date", r"(风险)?.{0,2}(消除|解除)(日期|时间|年月)", weight=2),
        FieldSpec("income_month", r"月人均|人均月|月收入", r"支出", weight=2),
        # (this year's, never last year's: held-out 280, 上年人均纯收入 read beside 家庭年人均纯收入, three leads lost and three
        # traps listed)
        FieldSpec("income_year", r"年人均|人均(纯)?收入|人均可支配", r"支出|月|上年|去年|往年|上期"),
        FieldSpec("income_total", r"(家庭)?(全年|年度?)?(总|纯)收入|家庭收入|年收入", r"人均|支出|月|上年|去年|往年|上期"),
        FieldSpec("on_benefit", r"是否(享受|纳入)?(低保|特困|兜底)|享受(低保|特困|政策)|兜底保障"),
        FieldSpec("household_size", r"家庭人口|家庭人数|户人口|人口数|家庭成员数"),
        FieldSpec("relation", r"与.{1,6}?关系|关系"),
        FieldSpec("area_type", AREA_WORDS, weight=2),
        FieldSpec("area_type", HUKOU_WORDS),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区|居委", r"组$|村民小组"),
        FieldSpec("region_code", _REGION_CODE),  # (a system export naming its places by code: held-out 138)
        FieldSpec("county", _COUNTY_WORDS),  # (a city's lists: held-out 147)
        FieldSpec("household_no", r"户编号|^户号$|家庭编号|^户码$|家庭档案号|户档案号|家庭ID|^家庭号$|监测户编号"),
        # (家庭成员证件号码 is the member's own, never the household's: h447, a 家庭成员信息 group glued over 证件号码 read as
        # the head's ID, each member a household of her own)
        FieldSpec("head_id", r"(户主|家庭(?!.*成员)).*" + ID_WORDS, _FORMER_ID_WORDS, weight=2),
        FieldSpec("head_name", r"户主.*(姓名|名字)|^户主$", weight=2),
        FieldSpec("id", r"(成员|人员|本人).*" + ID_WORDS, weight=2),
        FieldSpec("name", r"(成员|人员).*(姓名|名字)|^成员$", weight=2),
        *_COMMON,
        _FORMER_ID,  # (the member's 原身份证号: the rosters may still hold it, held-out 350)
    ],
    # 残疾人信息 (残联): 残疾人证号 = the ID + category digit + level digit.
    "disabled": [
        FieldSpec("cert", r"残疾(人)?证(号|号码|编号)?|持证号|证书编号|^证号$", r"日期|时间|发证|有效", weight=2),
        FieldSpec("disability_type", r"残疾(类别|类型|种类)|^类别$|^类型$"),
        FieldSpec("disability_level", r"残疾(等级|级别|程度)|^等级$|^级别$"),
        FieldSpec("date", r"(发证|办证|评定|鉴定|持证|首次)(日期|时间)|^日期$"),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区|居委", r"组$"),
        FieldSpec("region_code", _REGION_CODE),  # (the place of a list naming no township: held-out 108)
        FieldSpec("county", _COUNTY_WORDS),  # (a city's lists: held-out 147)
        _FORMER_ID,  # (the person's 原身份证号: the rosters may still hold it, held-out 344)
        *_COMMON,
    ],
    # 重病/大病/慢性病 (医保).
    "illness": [
        FieldSpec("disease", r"病种|疾病|病名|诊断|大病|重病|慢性病|慢特病|特殊病", r"日期|时间|费用|金额"),
        FieldSpec("self_paid", r"自付|个人负担|自费|个人支付|自负", r"比例"),
        # when the illness was known (L05): a 医保 门诊慢特病 export dates its records by 待遇(享受)开始日期, 鉴定日期,
        # or a bare 开始日期 / 登记日期 (generic words, read as this date in this list only: held-out 206)
        FieldSpec("date", r"(认定|备案|就诊|住院|确诊|入院|鉴定|登记)(日期|时间)|待遇.{0,4}(开始|起始)(日期|时间)"
                          r"|^(开始|起始)(日期|时间)$|^日期$"),
        FieldSpec("year", r"年度|结算年份|^年份$"),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区|居委", r"组$"),
        FieldSpec("region_code", _REGION_CODE),  # (a system export naming its places by code: held-out 138)
        FieldSpec("county", _COUNTY_WORDS),  # (a city's lists: held-out 147)
        *_COMMON,
    ],
    # 两项补贴发放名单 (困难残疾人生活补贴, 重度残疾人护理补贴), long (one item column) or wide (one column each).
    "subsidies": [
        # the 残联 system's export names the person by the 20-digit 残疾人证号 only (the ID + category + level)
        FieldSpec("cert", r"残疾(人)?证(号|号码|编号)?|持证号|证书编号|^证号$", r"日期|时间|发证|有效", weight=2),
        FieldSpec("living_amount", r"生活补(贴|助)", weight=2),
        FieldSpec("care_amount", r"护理补(贴|助)", weight=2),
        FieldSpec("item", r"补贴(类[别型]|项目|名称|种类)|资金项目|发放项目|项目(名称)?$|^类[别型]$|^险种$", r"金额|标准"),
        FieldSpec("amount", r"金额|发放额|实发|应发|补贴标准|^标准$|月补贴"),
        FieldSpec("amount", YEARLY_AMOUNT, weight=0),
        FieldSpec("month", r"月份|所属期|年月|发放期"),
        # 发放状态 失败/退回 (账户冻结): the row did not pay (L04, held-out 206)
        # a bank return's 处理状态 (已处理 on every row, failed ones too) beside its 交易结果 says the batch was processed,
        # not whether the row paid: the 结果 column wins, 处理状态 is read when it is the only one (h455: the tie went to
        # the first column, every failed row "paid", F06 missed)
        FieldSpec("status", PAYMENT_STATUS, r"^处理(状态|情况|标志|标识)$"),
        FieldSpec("status", r"^处理(状态|情况|标志|标识)$", weight=0),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区|居委", r"组$"),
        FieldSpec("region_code", _REGION_CODE),  # (a system export naming its places by code: held-out 138)
        FieldSpec("county", _COUNTY_WORDS),  # (a city's lists: held-out 147)
        *_COMMON,
    ],
    # 未获批申请 (applications refused).
    "rejected": [
        # the date of the refusal; the application's date only when the list has no other
        FieldSpec("date", r"(不予批准|不予|审批|审核|决定|批准|办结|否决|驳回|拒绝)(日期|时间)", weight=2),
        FieldSpec("date", r"申请(日期|时间)|^日期$"),
        FieldSpec("reason", r"原因|事由|理由|不予.*(依据|说明)|审批意见"),
        # a list of decisions, not only refusals: each row's outcome (批准 rows are left out, L05 approved_words)
        FieldSpec("outcome", r"(审批|审核|审定|办理|处理|评议)(结果|状态|结论)|^结果$|是否(批准|通过|同意)", weight=2),
        # a refusal re-examined (复核, 复议): its outcome there wins over the first one (h494: 复核结果 批准 was a L05 lead)
        FieldSpec("review_outcome", RE_EXAMINED + r"(结果|结论|意见|状态|情况)", weight=2),
        FieldSpec("reviewed", RE_EXAMINED + r"(日期|时间)"),
        FieldSpec("programme", r"申请类[别型]|保障类[别型]|救助类[别型]|^类别$|^申请(救助)?(事项|项目|种类)$"),
        FieldSpec("township", TOWNSHIP_WORDS),
        FieldSpec("village", r"村|社区|居委"),
        FieldSpec("region_code", _REGION_CODE),  # (a system export naming its places by code: held-out 138)
        FieldSpec("county", _COUNTY_WORDS),  # (a city's lists: held-out 147)
        FieldSpec("head_id", r"(户主|申请人).*" + ID_WORDS, _FORMER_ID_WORDS, weight=2),
        FieldSpec("head_name", r"(户主|申请人).*(姓名|名字)|^户主$|^申请人$", weight=2),
        *_COMMON,
    ],
}

KIND_LABELS = {
    "roster": "花名册",
    "staff": "财政供养人员名单",
    "cadres": "村(居)干部名单",
    "cadre_relatives": "近亲属备案表",
    "registry": "户籍人口信息",
    "deaths": "死亡人员名单",
    "prisoners": "服刑人员名单",
    "migrations": "户籍迁出名单",
    "pensions": "养老金发放名单",
    "vehicles": "机动车登记信息",
    "properties": "不动产登记信息",
    "businesses": "市场主体登记信息",
    "wages": "社保缴费工资名单",
    "supporters": "赡养义务人名单",
    "exits": "停保（退出）名单",
    "payments": "资金发放明细",
    "monitoring": "防返贫监测对象名单",
    "disabled": "残疾人信息",
    "illness": "重病（大病、慢性病）名单",
    "subsidies": "残疾人两项补贴发放名单",
    "rejected": "未获批申请名单",
}

def option_of(kind: str) -> str:
    """The command-line option a list kind is given by (--cadre-relatives)."""
    return "--" + kind.replace("_", "-")


def lists_named(kinds) -> str:
    """Some list kinds as a user is told to give them: each name with its option (held-out 202: a clerk told a list was
    missing was not told how to give it)."""
    return "、".join(f"{KIND_LABELS[k]}（{option_of(k)}）" for k in kinds)


def lacking_said(kinds, unread: Mapping[str, Sequence] | None = None, lead: str = "未提供所需名单：") -> str:
    """What a check lacks: ``lead`` and the kinds not given (:func:`lists_named`), and of each kind a file of a folder
    named but could not be read (``unread``: kind → those files, ``classify.Gathered.unread``) that it was given and not
    read (h325: "未提供所需名单" of a cadre list the folder held as an Excel 2003 XML file).

    Args:
        kinds: the list kinds lacking.
        unread: kind → the unreadable files whose names name that kind.
        lead: the words before the kinds not given ('未提供所需名单：', or '未提供' inside a sentence).
    Returns:
        The text.
    """
    unread = unread or {}
    missing = [k for k in kinds if not unread.get(k)]
    parts = [lead + lists_named(missing)] if missing else []
    parts += [f"{'、'.join(f'《{Path(p).name}》' for p in unread[k])}（按文件名应是{KIND_LABELS[k]}）已给出，但无法读取（见读取提示）"
              for k in kinds if unread.get(k)]
    return "；".join(parts)


# The fields a list of each kind cannot do without (the ID may be replaced by name + birth later).
REQUIRED = {
    "roster": ("id",),
    "cadre_relatives": ("name",),
    "supporters": ("dependent_id",),
    "payments": (),  # the payee's own ID or the head's: checked by io/ledgers.py
    "disabled": ("name",),  # the ID may come from the 20-character 残疾人证号 (coverage.py)
    "subsidies": ("name",),  # the same
    # Household-level lists may carry only the head's ID (户主身份证号); coverage.py warns when neither is there.
    "exits": (),
    "monitoring": (),
    "rejected": (),
}
REQUIRED_DEFAULT = ("id",)
# The kinds whose rows may be a family each, its members beside the head in slots (成员1身份证号, 配偶身份证号, 父母 '张三4331…，
# 李四4331…'): unfolded into a row per person. Coverage's household lists are such too (held-out 382: a monitored family's
# spouse enrolled in a 特困 roster was an L01 高 lead, its 父母 column taken for the ID column by content)
FAMILY_KINDS = ("roster", "monitoring", "exits", "rejected")

# What makes a file recognisably a list of its kind: one of its own columns, or a word in its title or
# file name. Without either, a file given under the wrong option (vehicles as --deaths) is refused.
SIGNATURE_FIELDS = {
    "staff": ("unit", "category", "post"),
    "cadres": ("post", "village", "township"),
    "cadre_relatives": ("cadre_name", "cadre_id"),
    "registry": ("household_no",),
    "deaths": ("date",),
    "prisoners": ("start", "end", "term"),
    "migrations": ("dest", "reason", "move_type"),
    "pensions": ("amount", "insurance"),
    "vehicles": ("plate", "vehicle_type"),
    "properties": ("location", "usage", "cert"),
    "businesses": ("entity", "entity_type", "employees"),
    "wages": ("wage",),
    "supporters": ("dependent_id", "dependent_name"),
    "exits": ("reason",),
    "payments": ("amount", "item", "month", "bank_account", "paid_date"),
    "monitoring": ("monitor_type", "risk", "risk_date", "income_year", "income_month", "income_total"),
    "disabled": ("cert", "disability_type", "disability_level"),
    "illness": ("disease", "self_paid"),
    "subsidies": ("item", "living_amount", "care_amount"),
    "rejected": ("reason", "outcome"),
}
# A roster's words in its title or file name (财政供养 is the staff list: '供养' alone is not a roster word).
ROSTER_WORDS = r"低保|特困|花名册|最低生活保障|保障对象|救助对象|(分散|集中)供养|五保"
SIGNATURE_WORDS = {
    # (村务工作人员 are a village's: "“两委”成员及村务工作人员花名册" is a cadre list, held-out 307)
    "staff": r"财政供养|公务员|事业单位|机关|在职|编制|职工|(?<!村务)(?<!村级)(?<!社区)工作人员",
    # … not in the title of a filing table about their relatives (村干部近亲属备案表)
    "cadres": r"(?:干部|村委|两委|支书|书记|主任|经办)(?![^\s，。]*?(?:亲属|备案))",
    "cadre_relatives": r"近亲属|备案|亲属",
    # (家庭人口, 保障人口 are a roster's or an application form's label cells, held-out 365: a short 申请审批表 was as much a
    # registry)
    "registry": r"户籍|户口|(?<!家庭)(?<!保障)人口",
    "deaths": r"死亡|殡葬|火化|注销(?!低保|特困|保障|供养|待遇)|去世|亡故",
    "prisoners": r"服刑|在押|监狱|罪犯|刑",
    "migrations": r"迁出|迁移|迁往|户籍变动",
    "pensions": r"养老|退休|遗属|待遇",
    "vehicles": r"机动车|车辆|车管",
    "properties": r"不动产|房产|房屋|产权",
    "businesses": r"市场主体|工商|企业|个体|营业执照",
    "wages": r"工资|缴费|社保",
    "supporters": r"赡养|抚养|扶养|义务人",
    # (户口注销, 户籍注销: the police's cancelled registrations, a deaths list, held-out 258; 注销低保 an exit, no death)
    "exits": r"停保|退出|终止|清退|(?<!户口)(?<!户籍)注销|停发",
    "payments": r"发放|明细|资金|一折通|一卡通|代发|补助|救助金|低保金|供养金",
    "monitoring": r"监测|防返贫|返贫|致贫|脱贫|边缘|困难户",
    "disabled": r"残疾|残联",
    "illness": r"病|医保|医疗",
    "subsidies": r"补贴|两项|护理|生活补",
    "rejected": r"未获批|不予|未通过|拒|驳回|未批准|否决",
}

FIELD_LABELS = {
    "id": "身份证号",
    "name": "姓名", "former_name": "曾用名",
    "head_id": "户主身份证号",
    "dependent_id": "被赡养人身份证号",
}
# Chinese names of fields, for messages about the columns chosen.
FIELD_NAMES = {
    **FIELD_LABELS, "head_name": "户主姓名", "cadre_id": "干部身份证号", "cadre_name": "干部姓名",
    "dependent_name": "被赡养人姓名", "date": "日期", "start": "起始日期", "end": "截止日期", "off_post": "离岗日期", "released": "释放日期", "in_date": "迁入日期", "moved_on": "迁出日期", "birth": "出生日期", "born": "出生日期",
    END_2: "截止日期", PAROLED: "假释日期", "died": "死亡日期", "cremated": "火化日期",
    "approved": "审批日期", "changed": "变更日期", "cancelled": "注销日期", "logged": "登记日期", "resumed": "恢复日期", "relation": "与户主关系", "township": "乡镇", "village": "村(社区)", "programme": "保障类别",
    "household_no": "户编号", "status": "状态", "registration": "登记类型", "amount": "金额", "due": "应发金额", "deduction": "扣款金额", "wage": "工资", "month": "月份", "item": "资金项目",
    "income_item": "所得项目", "written_age": "年龄",
    "holder": "户名", "paid_date": "发放日期", "remark": "备注", "covered_size": "保障人口", "year": "年度",
    "benefit": "保障金额", "benefit_own": "个人月补助金额", "benefit_total": "供养标准合计", "benefit_after": "变更后保障金额", "bank_account": "银行账号", "phone": "联系电话", "address": "住址",
    "vehicle_type": "车辆类型", "use": "使用性质", "plate": "号牌号码", "usage": "用途", "cause": "原因",
    "reason": "原因", "outcome": "审批结果", "review_outcome": "复核结果", "reviewed": "复核日期", "dest": "迁往地", "employer": "单位", "unit": "单位", "category": "人员类别",
    "entity": "主体名称", "entity_type": "主体类型", "employees": "从业人数", "insurance": "险种",
    "labour": "劳动能力", "health": "健康状况", "head_labour": "户主劳动能力", "head_health": "户主健康状况", "disability": "残疾情况", "school": "在校情况", "sex": "性别",
    "area": "面积", "area_type": "城乡类别", "cadre_post": "干部职务", "care_amount": "护理补贴金额", "cert": "残疾人证号", "cert_type": "证件类型", "guardian_id": "监护人身份证号",
    "covered": "是否保障对象", "cohabiting": "是否共同生活", "member_status": "成员状态", "household_status": "家庭状态",
    "status_date": "状态变更日期", "stopped_on": "停保日期", "declared_assets": "申报财产", "declared_income": "申报收入", "dest_code": "迁往地区划代码",
    "disability_level": "残疾等级", "disability_type": "残疾类别", "disabled_flag": "是否残疾人专用车", "disease": "病种",
    "fail_reason": "失败原因", "father_id": "父亲身份证号", "mother_id": "母亲身份证号", "spouse_id": "配偶身份证号", PROXY_ID_FIELD: "代领人身份证号", "proxy_name": "代领人姓名", "guardian_name": "监护人姓名", "trustee_name": "委托人姓名", FORMER_ID_FIELD: "原身份证号", HEAD_FORMER_ID_FIELD: "户主原身份证号", DEPENDENT_FORMER_ID_FIELD: "被赡养人原身份证号", "spouse_name": "配偶姓名",
    "household_size": "家庭人口", "county": "县（市、区）", "income_month": "月人均收入", "income_total": "家庭年收入", "income_year": "年人均收入",
    "investor_id": "投资人身份证号", "investor_name": "投资人", "operator_id": "经营者身份证号", "operator_name": "经营者",
    "co_owner_id": "共有人身份证号", "co_owner_name": "共有人", "follower_id": "随迁人身份证号", "follower_name": "随迁人", "tenure": "共有情况", "share": "份额",
    "subscribed": "认缴出资额",
    "living_amount": "生活补贴金额", "location": "坐落", "monitor_type": "监测类型", "move_type": "迁移类型",
    "on_benefit": "是否享受低保特困", "pay_kind": "发放类型", "phone2": "联系电话", "post": "职务", "premises": "经营场所",
    "plate_kind": "号牌种类", "property_type": "不动产类型", "property_unit": "不动产单元号", "right_type": "权利类型", "range": "起止期间", "region_code": "行政区划代码", "risk": "风险状态",
    "risk_date": "风险消除日期", "self_care": "自理能力", "self_paid": "个人自付", "support_mode": "供养方式", "care_home": "供养机构", "back_pay": "补发金额", "direction": "借贷标志", "pay_type": "缴费类型", "term": "刑期", "serving": "执行方式",
}


# A date of the export or of the paperwork, not of the person (数据提取日期, 录入时间, 出生日期, 审批日期): unread unsaid
_PAPER_DATE = re.compile(r"提取|导出|录入|更新|修改|填报|填表|打印|制表|统计|生成|创建|上报|报送|采集|入库|同步|出生|操作|审核|审批|"
                         r"经办|签字|签名|备案|有效期|截止统计")
# The lists whose checks judge a person by dates, with the headers they read them under (unread_dates)
_DATE_NAMES = {"staff": "入职日期、离职日期", "cadres": "任职日期、离任日期", "deaths": "死亡日期",
               "prisoners": "入监日期、刑期止日、释放日期", "migrations": "迁出日期、迁入日期", "pensions": "开始领取年月、终止年月",
               "vehicles": "初次登记日期、注销日期", "properties": "登记日期、注销日期", "businesses": "成立日期、注销日期",
               "exits": "停保日期", "disabled": "发证日期", "illness": "认定日期", "rejected": "审批日期",
               "registry": "死亡日期"}
# … of a list read for other things than its dates, the date columns said unread are only those naming such an event (a
# registry's 迁入日期, 登记日期 are its history, no check's)
_DATES_SAID = {"registry": re.compile(r"死亡|去世|殁|注销|火化")}


def unread_dates(labels: list[str], kind: str, mapping: Mapping[str, int], shown: list[str] | None = None) -> list[str]:
    """Say the columns of a list whose checks read dates that a header names a date of (出所日期) but no field is read from.

    A column some field of the kind fits (判决日期 beside 入监日期, left for the better one) is known, and not said.

    Args:
        labels: normalised header labels, one per column.
        kind: the list kind (one of :data:`_DATE_NAMES`; others, a roster's, are not said here).
        mapping: field → column, as read.
        shown: the headers as the file writes them, for the notice (else the labels).
    Returns:
        One notice per such column (Chinese).
    """
    if kind not in _DATE_NAMES:
        return []
    known = {c for *_, c in candidates(labels, kind)} | set(mapping.values())
    shown = shown or labels
    # a field code stands for its name (SWRQ 死亡日期): quoted as written, with the name it stands for
    meant = [SYSTEM_LABELS.get(label.upper(), label) for label in labels]
    shown = [f"{shown[c] or label}（{meant[c]}）" if meant[c] != label else shown[c] for c, label in enumerate(labels)]
    labels = meant
    return [f"第 {col + 1} 列“{shown[col] or label}”像是日期列，但本工具不认得，未读取；如它是核查要用的日期（{_DATE_NAMES[kind]}），"
            f"请把表头改为这样的名称后重新运行（否则只按其他列判断，可能误列或漏列）"
            for col, label in enumerate(labels) if col not in known and re.search(r"日期|时间", label)
            and not _PAPER_DATE.search(label) and not names_someone_else(label)
            and (kind not in _DATES_SAID or _DATES_SAID[kind].search(label))]


# Fields read but deciding nothing (a monitoring list's 是否享受低保 / 是否享受特困: coverage asks the rosters): two
# columns of one are no tie worth a word to the user.
_NOT_DECIDING = frozenset({"on_benefit"})


def specs_for(kind: str) -> list[FieldSpec]:
    """Return the field specs of a list kind ('roster' or a reference kind).

    Args:
        kind: the kind.
    Returns:
        The ordered specs.
    """
    return ROSTER if kind == "roster" else REFERENCE[kind]


@dataclass
class Assignment:
    """Which column holds which field, and what the user should know about the choice.

    Attributes:
        mapping: field → column index.
        warnings: true ties between two columns for one field, named in Chinese.
    """

    mapping: dict[str, int]
    warnings: list[str]
    ties: list[tuple[str, int, int, str]] = field(default_factory=list)  # (field, column read, rival, its warning)


# The public-security population systems' field identifiers (the pinyin initials of the data element names), which
# their exports often give as the only header row: read as the names they stand for. Others (操作人 …) stay unread.
SYSTEM_LABELS = {
    "GMSFHM": "公民身份号码", "SFZH": "身份证号", "SFZHM": "身份证号码", "ZJHM": "证件号码", "XM": "姓名", "XB": "性别",
    "CSRQ": "出生日期", "HH": "户号", "HZXM": "户主姓名", "HZGMSFHM": "户主公民身份号码", "HZSFZH": "户主身份证号",
    "YHZGX": "与户主关系", "SWRQ": "死亡日期", "ZXRQ": "注销日期", "ZXYY": "注销原因", "ZXLB": "注销类别",
    "QCRQ": "迁出日期", "QRRQ": "迁入日期", "QYRQ": "迁移日期", "QWDSSXQ": "迁往地省市县区", "QWDXZ": "迁往地详址", "QYYY": "迁移原因",
    "QCYY": "迁出原因", "ZZ": "住址", "XZZ": "现住址", "LXDH": "联系电话", "RKZT": "人口状态", "RYZT": "人员状态",
    # a person's parents and spouse (held-out 186: a registry headed so had its kin columns silently unread)
    "FQGMSFHM": "父亲公民身份号码", "MQGMSFHM": "母亲公民身份号码", "POGMSFHM": "配偶公民身份号码",
    "FQXM": "父亲姓名", "MQXM": "母亲姓名", "POXM": "配偶姓名",
}
# A bank's 代发 interface file's identifiers (held-out 466: XM | SFZH | ZH | HM | ZY | FFYF | JE | ZT was "找不到发放金额列"),
# read so in payment ledgers only: elsewhere ZT, HM, ZH may stand for other things (a vehicle list's coded 状态, 号码, 组号)
PAYMENT_LABELS = {
    "ZH": "账号", "YHZH": "银行账号", "KH": "卡号", "YHKH": "银行卡号", "HM": "户名", "ZHMC": "账户名称",
    "JE": "金额", "FFJE": "发放金额", "SFJE": "实发金额", "FFYF": "发放月份", "SSYF": "所属月份", "FFRQ": "发放日期",
    "ZT": "状态", "FFZT": "发放状态", "ZY": "摘要", "BZ": "备注", "ZJXM": "资金项目",
}
# … or in English (a bank's export for its own system: Name | ID No. | Account No. | Amount | Pay Month | Status; h466),
# each as header_label leaves it (no spaces) in capitals, with and without a full stop after No
_ENGLISH_LABELS = {
    "NAME": "姓名", "FULLNAME": "姓名", "CUSTOMERNAME": "姓名", "IDNO": "身份证号", "IDNUMBER": "身份证号", "IDCARDNO": "身份证号",
    "IDCARDNUMBER": "身份证号", "ACCOUNTNO": "账号", "ACCOUNTNUMBER": "账号", "CARDNO": "卡号", "BANKACCOUNT": "银行账号",
    "ACCOUNTNAME": "户名", "ACCOUNTHOLDER": "户名", "AMOUNT": "金额", "PAYAMOUNT": "发放金额", "PAYMONTH": "发放月份",
    "PAYDATE": "发放日期", "STATUS": "状态", "PAYSTATUS": "发放状态", "RESULT": "结果", "SUMMARY": "摘要", "REMARK": "备注",
    "REMARKS": "备注", "MEMO": "备注", "ITEM": "资金项目",
}
PAYMENT_LABELS.update(_ENGLISH_LABELS)
PAYMENT_LABELS.update({k + ".": v for k, v in _ENGLISH_LABELS.items() if k.endswith("NO")})


def own_person_dropped(label: str, kind: str) -> str:
    """The label without a bracketed note naming the list's own person (a cadre list's 联系电话（村干部）, a business
    list's 法定代表人(经营者)), which :meth:`FieldSpec.judge` would otherwise take for another person's role.

    Args:
        label: the normalised header label.
        kind: the list kind.
    Returns:
        The label, the note dropped where there is one.
    """
    subject = SUBJECTS.get(kind)
    if not subject or ("(" not in label and "（" not in label):
        return label

    def note(bracketed: re.Match) -> str:
        inner = bracketed.group()[1:-1]
        rest = re.sub(subject, "", inner)  # (原权利人 is the seller, 村干部 the cadre himself, 干部亲属 his relative)
        own = re.search(subject, inner) and not re.search(QUALIFIERS + r"|原|前|" + EARLIER_WORDS, rest)
        return "" if own else bracketed.group()
    return _UNITS.sub(note, label)


def system_label(label: str, kind: str) -> str:
    """The name a system's field identifier stands for (SWRQ 死亡日期; a bank's JE 金额 in a payment ledger only), else
    the label itself."""
    up = label.upper()
    return SYSTEM_LABELS.get(up) or (PAYMENT_LABELS.get(up) if kind == "payments" else None) or label


def candidates(labels: list[str], kind: str) -> list[tuple[float, int, str, int]]:
    """Return every (fit, spec position, field, column) where a header label names a field of the kind.

    Args:
        labels: normalised header labels, one per column.
        kind: the list kind.
    Returns:
        The candidates, best first.
    """
    return list(_candidates(tuple(labels), kind))


@lru_cache(maxsize=4096)
def _candidates(labels: tuple[str, ...], kind: str) -> tuple[tuple[float, int, str, int], ...]:
    """:func:`candidates`, remembered: a folder's files share their headers, and each header is tried for every kind
    (classify.score_kinds) and again when read."""
    found = []
    # a system's record bookkeeping (同步状态, 删除标志, 版本号) names no field of any list (h484: a 同步状态 of 1 beat the
    # longer 机动车状态 as the vehicle's status, deregistered cars read as owned; checks/codes/system_columns.toml)
    labels = ["" if system_column(label) else own_person_dropped(system_label(label, kind), kind) for label in labels]
    subject = SUBJECTS.get(kind)
    for pos, spec in enumerate(specs_for(kind)):
        for col, label in enumerate(labels):
            fit = spec.fit(label)
            if fit is not None:
                if subject and spec.field in ("id", "name") and re.search(subject, label):
                    fit += SUBJECT_BONUS
                found.append((fit, pos, spec.field, col))
    if subject and kind not in ("roster", "registry"):
        # a name or ID column naming the list's own person (死亡人员身份证号码, 参保人姓名) before a bare one beside it, whose
        # person the header does not say (h437: a 户口注销 export's 姓名 | 身份证号 of the declarant, shorter and so fitter,
        # before 死亡人员姓名 | 死亡人员身份证号码: three declarants flagged dead, the dead missed)
        for fld in ("id", "name"):
            own = [fit for fit, _, f, c in found if f == fld and re.search(subject, labels[c])]
            if own:
                found = [(min(fit, max(own) - SUBJECT_BONUS), pos, f, c)
                         if f == fld and not re.search(subject, labels[c]) else (fit, pos, f, c)
                         for fit, pos, f, c in found]
    if subject and kind not in ("roster", "registry"):  # the list's own person word alone ('参保人 | 身份证号', '罪犯', '迁移人') is that person's name column, as
        # '死者' is a death list's (held-out 407: with the other parties' columns before it, the pensioner's name unread)
        named = {c for _, _, f, c in found if f == "name"}
        found += [(1.0, len(specs_for(kind)), "name", col) for col, label in enumerate(labels)
                  if col not in named and label != "本人" and re.fullmatch(f"(?:{subject})", label)]
    # A system export's value as code and as name side by side ('劳动能力代码' beside '劳动能力名称', '车辆类型' holding
    # K33 beside '车辆类型名称', '退出原因代码' beside '退出原因'): the name is read, the code column ranks just below it.
    for k, (fit, pos, f, c) in enumerate(found):
        names = [fit2 for fit2, _, f2, c2 in found if f2 == f and c2 != c and _name_of(labels[c2], labels[c])]
        if names:
            found[k] = (min(fit, max(names) - 1e-6), pos, f, c)
    # equally fit, a header that is the field's own name (城乡类别, 释放日期) before one that is not, whatever their order
    # (not a person's ID or name: 身份证号 says no more than 公民身份号码 whose it is; io.table._whole_ids decides those)
    # … and then one naming no year before one naming a year, the later year first (held-out 292: '2025年家庭年人均纯收入'
    # was read beside '2026年家庭年人均纯收入' in a 2026 review, 5 L01 leads lost and 2 traps made leads)
    found.sort(key=lambda c: (-c[0], c[1], not _own_name(labels[c[3]], c[2]), _year_rank(labels[c[3]]), c[3]))
    return tuple(found)


def _year_rank(label: str) -> tuple[int, int]:
    """A header's place among equally fit ones by the year it names: none first, then the latest."""
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?=\s*年)", label)]
    return (1, -max(years)) if years else (0, 0)


def _own_name(label: str, fld: str) -> bool:
    """Whether a header is exactly the Chinese name of a field that is not a person's ID or name ('城乡类别')."""
    return label == FIELD_NAMES.get(fld) and fld not in ID_FIELDS and not fld.endswith("name")


_TWIN_WORDS = re.compile(r"名称|代码|编码|代号")
_CODE_WORDS = re.compile(r"代码|编码|代号")
# A mapping's key for a field's code column beside its 名称 column (field + TWIN): a system export leaves the name
# blank where its dictionary lacks the code, and the code is read there (io.table.finish_table).
TWIN = "~code"
# A list's column (io.table.finish_table) holding the warning of a tie between two ID columns of different people that no
# header decided: its findings are 低 (rules.links)
TIE = "_tie"


def _twins(a: str, b: str) -> bool:
    """Whether two labels are one value's code and name columns ('待遇状态代码' and '待遇状态名称')."""
    return _name_of(a, b) or _name_of(b, a)


def _name_of(name: str, code: str) -> bool:
    """Whether ``name`` is the name column of the value whose code column is ``code``: '待遇状态名称' of '待遇状态代码'
    or of '待遇状态' (a code under the plain label), '退出原因' of '退出原因代码'."""
    if name == code or _TWIN_WORDS.sub("", name) != _TWIN_WORDS.sub("", code) or "名称" in code:
        return False
    return "名称" in name or (not _CODE_WORDS.search(name) and bool(_CODE_WORDS.search(code)))


def assign(labels: list[str], kind: str) -> dict[str, int]:
    """Map canonical fields to column positions from header labels alone (see :func:`assign_columns`).

    Args:
        labels: normalised header labels, one per column.
        kind: the list kind.
    Returns:
        field → column index.
    """
    return assign_columns(labels, kind).mapping


def assign_columns(labels: list[str], kind: str, content_ok=None, written: list[str] | None = None) -> Assignment:
    """Map canonical fields to columns by specificity, not by order.

    Every (field, column) pair is scored (:meth:`FieldSpec.fit`); the best pairs are taken first, each
    field and each column once, so '死亡日期' wins the date over '死亡原因' wherever each stands, and a
    header qualified as someone else's ('户主姓名') never becomes the person's own name. When two
    columns fit a field equally well and the second is left unused, the tie is reported.

    Args:
        labels: normalised header labels, one per column.
        kind: the list kind.
        content_ok: optional (field, column) → whether the column's cells can be that field (a date
            column whose cells are not dates is not the date).
        written: the headers as the file writes them, one per column ('' where unknown), for the warnings' quotes.
    Returns:
        The assignment.
    """
    shown = [(written[c] if written and c < len(written) and written[c] else label) for c, label in enumerate(labels)]
    found = [c for c in candidates(labels, kind) if content_ok is None or content_ok(c[2], c[3])]
    mapping: dict[str, int] = {}
    fits: dict[str, float] = {}
    taken: set[int] = set()
    for fit, _, fld, col in found:
        if fld not in mapping and col not in taken:
            mapping[fld] = col
            fits[fld] = fit
            taken.add(col)
    for fld, col in list(mapping.items()):  # a name column's code twin, read on the rows whose name is blank
        twin = next((c for _, _, f, c in found if f == fld and c not in taken and _twins(labels[col], labels[c])), None)
        if twin is None and "名称" in labels[col]:  # ('乡镇(街道)代码' beside '乡镇(街道)名称': no candidate of its own)
            stem = _TWIN_WORDS.sub("", labels[col])
            twin = next((c for c, label in enumerate(labels) if c not in taken and _CODE_WORDS.search(label)
                         and _TWIN_WORDS.sub("", label) == stem), None)
        if twin is not None and _name_of(labels[col], labels[twin]):
            mapping[fld + TWIN] = twin
            taken.add(twin)
    warnings, ties = [], []
    for fld, col in mapping.items():
        if TWIN in fld or fits[fld] < 1 or fld in _NOT_DECIDING:
            continue  # positional fallbacks take the first column left over by design
        rivals = sorted({c for fit, _, f, c in found if f == fld and fit == fits[fld] and c not in taken
                         and not _twins(labels[col], labels[c])})  # a code column beside its 名称 is no rival
        if rivals:
            other = rivals[0]
            what = FIELD_NAMES.get(fld, fld)
            why = "表头正是该名称的" if _own_name(labels[col], fld) and labels[other] != labels[col] else ""
            warnings.append(f"第 {col + 1} 列“{shown[col]}”和第 {other + 1} 列“{shown[other]}”都像是{what}列，"
                            f"已按{why}第 {col + 1} 列读取；如不对，请删除或改名其中一列后重新运行")
            ties.append((fld, col, other, warnings[-1]))
    if kind == "businesses" and "id" not in mapping:  # only a 经营者 (or 投资人) named: the row is that person's
        for person in SECOND_PERSONS:
            if person + "_id" in mapping:
                mapping["id"] = mapping.pop(person + "_id")
                if person + "_name" in mapping and "name" not in mapping:
                    mapping["name"] = mapping.pop(person + "_name")
                break
    if kind == "roster" and "approved" in mapping and re.search(_START_WORDS, labels[mapping["approved"]]):
        # a 批准日期 beside the 享受起始年月 that took the field: the date where the start is blank (held-out 322: the
        # start filled for a newborn alone, every household's 批准日期 unread, a new household's first month unpaid unseen)
        also = [c for c, label in enumerate(labels) if c not in mapping.values() and re.search(_APPROVAL_WORDS, label)]
        if also:
            mapping["approved_also"] = also[0]
    if kind == "supporters":
        _supporter_slots(labels, mapping, warnings, shown)
    if kind in FAMILY_KINDS:
        _member_slots(labels, mapping, warnings, shown)
    if kind == "subsidies":
        _monthly_subsidies(labels, mapping, warnings, shown)
    if kind == "wages":
        _monthly_wages(labels, mapping, warnings, shown)
        if "wage" in mapping and re.search(PAY_WORDS, labels[mapping["wage"]]):
            bases = [c for c, label in enumerate(labels) if c not in mapping.values() and re.search(r"缴费(工资|基数)", label)]
            if bases:
                # (the base only where the pay is blank: held-out 312's rows of 缴费基数 2200 and no 实发 were dropped unsaid)
                mapping["wage_base"] = bases[0]
                warnings.append(f"有“{shown[mapping['wage']]}”列，按它计算月均工资（“{shown[bases[0]]}”是缴费基数，可能高于实际工资，"
                                "只在实发工资空白的行采用）")
    if kind == "pensions" and "amount" in mapping and yearly_amount(labels[mapping["amount"]]) and any(
            not item and c not in taken for c, (_, _, item) in month_columns(labels).items()):
        # a year's total beside a column per month (7月 … 9月, 年度合计): the latest month is the amount, as without it
        # (h419: the total of nine months ÷ 12 read as the monthly pension)
        taken.discard(mapping.pop("amount"))
    if kind == "pensions" and "amount" in mapping:
        _yearly_beside_monthly(labels, mapping, found, taken, warnings, ties, shown)
    if kind == "pensions" and "amount" not in mapping:  # one amount column per month (1月 … 9月): the latest month's
        months = {c: (y, mm) for c, (y, mm, item) in month_columns(labels).items() if not item and c not in taken}
        if months:
            col = max(months, key=lambda c: (months[c], c))
            mapping["amount"] = col
            warnings.append(f"没有月发放金额列，按最后一个月份列（第 {col + 1} 列“{shown[col]}”）的金额计")
    return Assignment(mapping, warnings, ties)


def yearly_amount(label: str) -> bool:
    """Whether an amount header names a year's amount ('年发放金额', '年度养老金'; reference._to_monthly divides it by 12)."""
    return "年" in label and "月" not in label and "季" not in label


def _yearly_beside_monthly(labels: list[str], mapping: dict[str, int], found: list, taken: set[int], warnings: list[str],
                           ties: list, shown: list[str]) -> None:
    """A pension list giving a 月发放金额 and a 年发放金额 column, each filled on some rows (城乡居民 paid by the year):
    the monthly column is the amount and the yearly one ``amount_year``, read (÷ 12) where the monthly cell is blank
    (held-out 321: the rows giving a yearly amount only were read as no pension, a C03 missed; whichever column came
    first was read for all rows and the other named a mere tie)."""
    amounts = [mapping["amount"]] + [c for _, _, f, c in found if f == "amount" and c not in taken]
    yearly = [c for c in amounts if yearly_amount(labels[c])]
    monthly = [c for c in amounts if c not in yearly]
    if not yearly or not monthly:
        return
    month_col, year_col = monthly[0], yearly[0]
    taken.discard(mapping["amount"])
    mapping["amount"], mapping["amount_year"] = month_col, year_col
    taken.update((month_col, year_col))
    pair = {month_col, year_col}
    for tie in [t for t in ties if t[0] == "amount" and {t[1], t[2]} == pair]:
        ties.remove(tie)
        warnings.remove(tie[3])
    warnings.append(f"第 {month_col + 1} 列“{shown[month_col]}”是月金额，第 {year_col + 1} 列“{shown[year_col]}”是年度金额："
                    f"按月金额计，月金额空白的行按年度金额折算为月金额（÷12）")


# A header naming one month's amount: '7月', '07月份', '2025年7月', '2025-07', '202507', '2025.7', '7月发放金额'.
_MONTH_HEAD = re.compile(r"^(?:(?P<y>20\d{2})\s*(?:年|[-./])?\s*)?(?P<m>0?[1-9]|1[0-2])\s*(?:月份?)?"
                         r"(?:发放|实发|应发|补助|救助)?(?:金额|额|数)?(?:\((?:万?元|分)\))?$")
# A month's amount of one item: '7月低保金', '2025年7月物价补贴', '7月-护理补贴(元)'.
_MONTH_ITEM = re.compile(r"^(?:(?P<y>20\d{2})\s*(?:年|[-./])?\s*)?(?P<m>0?[1-9]|1[0-2])\s*月份?\s*[-_/·:：]?\s*"
                         r"(?P<item>[\u4e00-\u9fff]{2,12}?)\s*(?:金额|额|数)?(?:\((?:万?元|分)\))?$")
_NOT_ITEMS = {"合计", "小计", "总计", "累计", "人数", "户数", "备注", "日期", "时间", "状态"}
# a title's words, not a paid item; nor a month's own status or date beside its amount ('2026年6月发放状态' under a month
# merged over 应发 | 实发 | 发放状态, h451: read as a paid item, its status cells as amounts — '已发放（含补发4月）' paid 4 元)
_NOT_ITEM_ENDS = re.compile(r"(统计|汇总|报表|表|名单|名册|花名册|明细|情况|清单|状态|结果|原因|日期|时间)$")


# A column holding one item's amount ('低保金', '物价补贴', '护理补贴(元)', '基本生活费'): a ledger paying several items
# side by side in one row, without a single amount column.
_ITEM_AMOUNT = re.compile(r"^[\u4e00-\u9fff]{1,12}?(金|费|补贴|补助|津贴|补差)(金额|额|数)?$")
_NOT_ITEM_AMOUNT = re.compile(r"合计|小计|总计|累计|总额|汇总|押金|保证金|标准|基数|缴费")


def item_columns(labels: list[str], taken: set[int]) -> dict[int, str]:
    """Return the columns of a payment sheet without an amount column that each hold one item's amount.

    Args:
        labels: the normalised header labels.
        taken: the columns read as other fields.
    Returns:
        column → the item (the label without its unit), e.g. {7: '低保金', 8: '物价补贴'}.
    """
    found = {}
    for col, label in enumerate(labels):
        core = _TRAILING_UNIT.sub("", label).strip()
        if col not in taken and _ITEM_AMOUNT.match(core) and not _NOT_ITEM_AMOUNT.search(core):
            found[col] = core
    return found


WAGE_MONTH = "_wage:"  # field prefix of a wide wage list's month columns ('_wage:2025-07'), melted by reference.normalise
_PAID_PART = re.compile(r"实缴|缴纳|个人|单位缴|应缴|缴费额|金额")  # the contribution paid, not the wage it is taken on


def _monthly_wages(labels: list[str], mapping: dict[str, int], warnings: list[str], shown: list[str]) -> None:
    """A wage list with a column per month (2025年07月缴费基数 … 2025年09月缴费基数, each beside its 实缴金额): every
    month's wage column becomes a field of its own (``WAGE_MONTH`` + 'YYYY-MM'), the single wage column and the ties
    between the months' columns dropped. Months that name no year ('1月' … '12月', when no month names one) become
    'MM月' fields, dated by the title or file name (``reference._dated_wage_months``; h367: such a list's wages were
    not read, nothing said, and in a folder it was taken as a payment ledger)."""
    months: dict[str, int] = {}
    bare: dict[str, int] = {}
    for col, (year, mm, item) in month_columns(labels).items():
        if _PAID_PART.search(item):
            continue
        if year and f"{year}-{mm}" not in months:
            months[f"{year}-{mm}"] = col
        elif not year and f"{mm}月" not in bare:
            bare[f"{mm}月"] = col
    if len(months) < 2 and len(bare) >= 2 and not months:
        months = bare
    if len(months) < 2:
        return
    if mapping.get("wage") in months.values() or ("wage" in mapping and yearly_amount(labels[mapping["wage"]])):
        del mapping["wage"]  # (… or a year's total beside the months' columns, h419: read as one more month)
    mapping.update({WAGE_MONTH + m: col for m, col in months.items()})
    drop_ties(warnings, shown, months.values())


def _monthly_subsidies(labels: list[str], mapping: dict[str, int], warnings: list[str], shown: list[str]) -> None:
    """A 两项补贴 list with an amount column per month (1月 … 9月, or 2026年7月 …; one row per person and subsidy): every
    month's column becomes a field of its own (``WAGE_MONTH`` + 'YYYY-MM' or 'MM月'), melted into one row per month
    paid by ``reference`` (held-out 457: the months were unread, a 生活补贴 paid January to March counted as received in
    September). Columns naming an item after their month ('7月生活补贴') are left as they are."""
    months: dict[str, int] = {}
    for col, (year, mm, item) in month_columns(labels).items():
        if not item:
            months.setdefault(f"{year}-{mm}" if year else f"{mm}月", col)
    if len(months) < 2 or len({m.endswith("月") for m in months}) > 1:
        return
    if mapping.get("amount") in months.values():
        del mapping["amount"]
    mapping.update({WAGE_MONTH + m: col for m, col in months.items()})
    drop_ties(warnings, shown, months.values())


SUPPORTER_SLOT = "_slot:"  # field prefix of a wide supporters list's numbered columns ('_slot:2:id'), unpivoted by reference
_SLOT = re.compile(r"^(?:赡养|抚养|扶养|义务)人?([0-9一二三四五六七八九]+)")
_SLOT_FIELDS = (("id", ID_WORDS), ("name", r"姓名|名字"), ("relation", r"关系"), ("remark", r"现状|状况|备注|说明"))


def _numbered_slots(labels: list[str], slot: re.Pattern, fields: tuple, prefix: str) -> dict[str, int]:
    """The columns of numbered slots (赡养人1姓名, 成员2身份证号 …): ``prefix`` + 'N:field' → column, the first column of
    each; ``slot`` matches a label's slot and its number, ``fields`` (field, words) name what follows it."""
    slots: dict[str, int] = {}
    for col, label in enumerate(labels):
        m = slot.match(label)
        fld = next((f for f, words in fields if m and re.search(words, label[m.end():])), None)
        if fld:
            slots.setdefault(f"{prefix}{m.group(1)}:{fld}", col)
    return slots


def _supporter_slots(labels: list[str], mapping: dict[str, int], warnings: list[str], shown: list[str]) -> None:
    """A supporters list with one row per dependent and numbered columns per supporter (赡养人1姓名, 赡养人1身份证号,
    赡养人1关系, 赡养人1现状, 赡养人2姓名 …): every slot's columns become fields of their own (``SUPPORTER_SLOT`` +
    'N:field'), the single fields taken from slot 1 and the ties between the slots dropped; only with two slots or more."""
    slots = _numbered_slots(labels, _SLOT, _SLOT_FIELDS, SUPPORTER_SLOT)
    if len({key.split(":")[1] for key in slots}) < 2:
        return
    for fld, col in list(mapping.items()):
        if col in slots.values():
            del mapping[fld]
    mapping.update(slots)
    drop_ties(warnings, shown, slots.values())


MEMBER_SLOT = "_member:"  # field prefix of a one-row-per-family roster's numbered member columns ('_member:2:id')
_MEMBER_SLOT = re.compile(r"^(?:家庭)?成员([0-9一二三四五六七八九十]+)")
_MEMBER_FIELDS = (("id", ID_WORDS), ("name", r"姓名|名字"), ("relation", r"关系"), ("sex", r"性别"))


def _member_slots(labels: list[str], mapping: dict[str, int], warnings: list[str], shown: list[str]) -> None:
    """A roster with one row per family and numbered columns per member beside the head's (户主姓名, 户主身份证号,
    成员1姓名, 成员1身份证号, 成员1与户主关系, 成员2姓名 …): every slot's columns become fields of their own (``MEMBER_SLOT``
    + 'N:field', beside the single fields), unfolded by ``io.table`` into a row per member; only with two slots with an ID
    or more, and the head's own columns (held-out 370: 成员1's columns were read as the row's one person, the head and
    every other member never checked)."""
    slots = _numbered_slots(labels, _MEMBER_SLOT, _MEMBER_FIELDS, MEMBER_SLOT)
    if not slots and ("head_id" in mapping or "head_name" in mapping):
        slots = _relation_slots(labels, mapping)
        if not slots:
            return
    if sum(key.endswith(":id") or bool(SEVERAL_SLOT.match(key[len(MEMBER_SLOT):])) for key in slots) \
            < (1 if any(_RELATION_SLOT.match(k[len(MEMBER_SLOT):]) for k in slots) else 2) \
            or not ("head_id" in mapping or "head_name" in mapping):
        return
    # (a member's field the single fields took stays: what the file is is told by them, a roster by its ID and 与户主关系;
    # io.table reads the head from his own columns)
    mapping.update(slots)
    drop_ties(warnings, shown, slots.values())


# A one-row-per-family roster's columns named by a member's relation to the head (配偶姓名 | 配偶身份证号 | 子女1姓名 |
# 子女1身份证号 | 父亲身份证号 …): the slot is the relation, with its number; 父母 and 配偶及子女 name several people in
# one cell ('张三、李四' beside '4331…、4331…', or '张三4331…，李四4331…'), unfolded by ``io.table`` (held-out 379)
_SEVERAL_WORDS = r"父母|配偶(?:及|和|与|、|/)?子女"
_RELATION_SLOT = re.compile(r"^(" + _SEVERAL_WORDS + r"|配偶|妻子?|丈夫|子女|儿子|女儿|[长次三]子|[长次三]女|孙子女|孙子|孙女"
                            r"|父亲|母亲|儿媳|女婿)([0-9一二三四五六七八九十]*)")
SEVERAL_SLOT = re.compile(r"(?:" + _SEVERAL_WORDS + r")(?::|$)")


def _relation_slots(labels: list[str], mapping: dict[str, int]) -> dict[str, int]:
    """The slots of a roster whose members beside the head are named by their relation (配偶身份证号, 子女1身份证号,
    父亲姓名 …), only when the roster has no member ID column of its own (a row per member with a 配偶身份证号 beside
    is no such shape) and each slot's ID column is there (held-out 373: the spouse, children and parents never checked);
    a slot of several people (父母, 配偶及子女) may be its name column alone, its cells writing each one's ID after the
    name (held-out 379). A bare 身份证号 beside 户主姓名, with no member name or relation column, is the head's."""
    slots: dict[str, int] = {}
    for col, label in enumerate(labels):
        m = _RELATION_SLOT.match(label)
        fld = next((f for f, words in _MEMBER_FIELDS if m and len(label) - m.end() <= 6
                    and re.match(r"(?:的)?(?:" + words + r")", label[m.end():])), None)
        if m and not label[m.end():]:  # (a bare 配偶 | 配偶身份证号: the column holds the name)
            fld = "name"
        if fld in ("id", "name"):
            slots.setdefault(f"{MEMBER_SLOT}{m.group(1)}{m.group(2)}:{fld}", col)
    heads_id = "head_id" not in mapping and "head_name" in mapping and "name" not in mapping and "relation" not in mapping
    if "id" in mapping and mapping["id"] not in slots.values() and mapping["id"] != mapping.get("head_id") and not heads_id:
        return {}
    with_id = {k.split(":")[1] for k in slots if k.endswith(":id") or SEVERAL_SLOT.match(k.split(":")[1])}
    return {k: c for k, c in slots.items() if k.split(":")[1] in with_id}


def drop_ties(warnings: list[str], labels: list[str], columns) -> None:
    """Leave out the warnings that name some columns as rivals for one field (:func:`assign_columns`' ties) when
    those columns are read otherwise: month columns, one month each, are no rivals (``labels``: the headers as the
    warnings quote them, as written)."""
    shown = [f"“{labels[c]}”" for c in columns if c < len(labels)]
    warnings[:] = [w for w in warnings if not any(label in w for label in shown)]


def month_columns(labels: list[str], parent_year: str = "") -> dict[int, tuple[str, str, str]]:
    """Return the columns whose header names one month's amount: column → (year or '', 'MM', item or '').

    A month followed by an item ('7月低保金', '2025年7月物价补贴') names that item's amount for the month.

    Args:
        labels: the normalised header labels (a two-row header's parent joined in front).
        parent_year: a year named above the columns, if any.
    Returns:
        column → (year, month, item), only when at least two such columns exist (a wide ledger).
    """
    found = {}
    for col, label in enumerate(labels):
        # a month in Chinese numerals ('一月', '十二月份', under a merged '2026年'): a wide ledger's months as a finance
        # office writes them (held-out 351: '找不到发放金额列', the quarter's three months unread)
        label = _CN_MONTH_WORD.sub(lambda m: cn_numerals(m.group() + "月")[:-1], label)
        # … and its year too ('二〇二五年十月': h466's wide year sheet, "找不到发放金额列")
        label = _CN_YEAR_WORD.sub(lambda m: cn_numerals(m.group() + "年")[:-1], label)
        label = _SHORT_YEAR_MONTH.sub(r"20\1年\2", label)  # ('25年10月': h466 v3, "找不到发放金额列")
        core = re.sub(r"(资金|发放|实发|应发|补助|救助|低保|特困|供养|金额|明细|情况|元|[（）()]|\s)+(?=20\d{2}|\d{1,2}月)", "", label)
        m, item = _MONTH_HEAD.match(core), ""
        if m is None:
            m = _MONTH_ITEM.match(core)
            if m is None or m.group("item") in _NOT_ITEMS or _NOT_ITEM_ENDS.search(m.group("item")):
                continue
            item = m.group("item")
        elif not (("月" in core) or m.group("y")):
            continue
        found[col] = (m.group("y") or parent_year, f"{int(m.group('m')):02d}", item)
    # a month's amount due beside the amount paid ('7月应发' | '7月实发'): only the one paid is a payment (held-out
    # 123: both read as payments, every month paid twice — 204 F04 高)
    paid = {found[c] for c in found if not _DUE.search(labels[c])}
    found = {c: v for c, v in found.items() if not (_DUE.search(labels[c]) and v in paid)}
    # one label over several columns is a merged title ('2026年9月各乡镇低保对象统计'), not months
    return found if len({labels[c] for c in found}) >= 2 else {}


_DUE = re.compile(r"应发|应付|应领|应补|核定|标准")


def month_of_label(label: str) -> tuple[str, str] | None:
    """The (year or '', 'MM') a label begins with ('2025年10月发放状态', '10月状态': a month's own column of another
    kind than its amount), else None."""
    label = _CN_MONTH_WORD.sub(lambda m: cn_numerals(m.group() + "月")[:-1], label)
    core = re.sub(r"(资金|发放|实发|应发|补助|救助|低保|特困|供养|金额|明细|情况|元|[（）()]|\s)+(?=20\d{2}|\d{1,2}月)", "", label)
    m = _MONTH_HEAD.match(core) or _MONTH_ITEM.match(core)
    if m is None or not ("月" in core or m.group("y")):
        return None
    return m.group("y") or "", f"{int(m.group('m')):02d}"


def _span_heads(labels: list[str], pattern: re.Pattern) -> list[tuple[int, re.Match]]:
    """The columns whose label (blanks left out) ``pattern`` finds, with the match, unless the rest of the label names
    another item, a count or an amount due (a quarter's or half-year's 物价补贴 is no payment of the benefit)."""
    out = []
    for col, label in enumerate(labels):
        text = re.sub(r"\s", "", label)
        m = pattern.search(text)
        if m is not None and not _NOT_QUARTER_AMOUNT.search(text[:m.start()] + "|" + text[m.end():]):
            out.append((col, m))
    return out


def quarter_columns(labels: list[str]) -> dict[int, tuple[str, str, str]]:
    """Return the columns whose header names one quarter's amount: column → (year or '', 'MM-MM' (its first and last
    month), '').

    A wide ledger with one row per household and 一季度 | 二季度 | 三季度 | 四季度 (2026年第一季度 …, 1-3月 | 4-6月 …,
    under a merged 低保金发放金额) amount columns pays each quarter's three months at once (h377: such books were
    refused, "找不到发放金额列"). A quarter's other item (一季度物价补贴), count or amount due is none.

    Args:
        labels: the normalised header labels (a two-row header's parent joined in front).
    Returns:
        column → (year, 'MM-MM', ''), only when at least two distinct quarters are named (a wide ledger).
    """
    found = {}
    for col, m in _span_heads(labels, _QUARTER_HEAD):
        if m.group("a"):
            first, last = int(m.group("a")), int(m.group("b"))
            if first not in (1, 4, 7, 10) or last != first + 2:
                continue
            q = (first + 2) // 3
        else:
            q = m.group("q") or m.group("q2")
            q = "一二三四".find(q) + 1 if q in "一二三四" else int(q)
        found[col] = (m.group("y") or "", f"{3 * q - 2:02d}-{3 * q:02d}", "")
    if len({v for v in found.values()}) >= 2:
        return found
    # 上半年 | 下半年 (1-6月 | 7-12月): each cell pays its half-year's six months at once (h383: such books were
    # unread, "看不出发放的是哪个月"); 上半年物价补贴 is another item's
    found = {}
    for col, m in _span_heads(labels, _HALF_HEAD):
        if m.group("a"):
            first, last = int(m.group("a")), int(m.group("b"))
            if (first, last) not in ((1, 6), (7, 12)):
                continue
        first = 7 if m.group("h") == "下" or (m.group("a") and int(m.group("a")) == 7) else 1
        found[col] = (m.group("y") or "", f"{first:02d}-{first + 5:02d}", "")
    return found if len({v for v in found.values()}) >= 2 else {}


_QUARTER_HEAD = re.compile(r"(?<![\d一二三四])(?:(?P<y>20\d{2})年度?)?(?:第?(?P<q>[一二三四1-4])季度?(?![\d一二三四])|[Qq](?P<q2>[1-4])"
                           r"|(?P<a>1[0-2]|0?[1-9])月?[-—~～至到](?P<b>1[0-2]|0?[1-9])月)(?![\d份])")
_HALF_HEAD = re.compile(r"(?<![\d一二三四])(?:(?P<y>20\d{2})年度?)?(?:(?P<h>[上下])半年(?:度)?"
                        r"|(?P<a>0?[17])月?[-—~～至到](?P<b>0?6|12)月)(?![\d份])")
# (words beside a quarter that make its column another item's, a count, an amount due or a sum, not its payment)
_NOT_QUARTER_AMOUNT = re.compile(r"物价|价格|补贴|护理|一次性|临时|取暖|合计|小计|汇总|累计|人数|户数|人口|应发|应付|应领|应补|核定|"
                                 r"标准|日期|时间|状态|结果|账号|卡号|备注|批次|[上下]半年|增减|扣")
# a month's number in Chinese numerals right before 月 ('一月', '十一月', '十二月份'), never another word's numeral
_SHORT_YEAR_MONTH = re.compile(r"^(\d{2})年(\d{1,2}月)")
_CN_YEAR_WORD = re.compile(r"(?<![〇零○一二三四五六七八九十])[〇零○一二三四五六七八九]{4}(?=年)")
_CN_MONTH_WORD = re.compile(r"(?<![一二三四五六七八九十〇零])(?:十[一二]?|[一二三四五六七八九])(?=月)")


def score(labels: list[str], kind: str) -> int:
    """Return how many distinct fields a candidate header row names (its plausibility).

    Args:
        labels: normalised labels.
        kind: the list kind.
    Returns:
        The number of fields recognised, with the ID field counted twice; a payment ledger's distinct month
        columns count too (a month merged over 低保金 | 物价补贴 is two columns only with the row below joined).
    """
    mapping = assign(labels, kind)
    bonus = 1 if "id" in mapping or "head_id" in mapping else 0
    months = len(set(month_columns(labels).values())) if kind == "payments" else 0
    return len(mapping) + bonus + months
