"""Values the checks could not read: one warning per list column, with the count, instead of a guess.

Each entry names a list column, how the checks classify its values (the same predicates and policy words
the rules use) and what a rule does with a value it does not recognise (never a 高 finding on it).
The warnings reach the console with the tables' own warnings (``audit.audit``, ``screen.screen``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Callable, Sequence

from ..io.columns import FIELD_NAMES
from ..io.table import counted_field
from ..model import Context, Pending
from ..normalize import codes
from ..normalize.codes import UNKNOWN
from .c02_status import INDEFINITE
from ._household import support_modes
from ._econ import (BULK_READ, LIST_STATUSES, bulk_code, pension_status, property_status, status_class, tenure_class, vehicle_status,
                    vehicle_type_known, vehicle_use)

Classifier = Callable[[str], str]


def _relation(ctx: Context) -> Classifier:
    return codes.relation_role


def _labour(ctx: Context) -> Classifier:
    p = ctx.specs["C08"].params
    def labour(v) -> str:
        cell = str(v).strip()
        if cell in p["able_values"]:
            return "able"
        if cell in p.get("unable_values", ()):
            return "unable"
        return codes.classify(v, (("unable", p["unable_words"]), ("able", p["able_words"])))

    return labour


def _health(ctx: Context) -> Classifier:
    from .c08_labour import health_class

    p = ctx.specs["C08"].params
    return lambda v: health_class(str(v or ""), p)


def _school(ctx: Context) -> Classifier:
    from .c08_labour import school_class

    p = ctx.specs["C08"].params
    return lambda v: school_class(str(v or ""), p)


def _pension(ctx: Context) -> Classifier:
    p = ctx.specs["C03"].params
    return lambda v: pension_status({"status": v}, p)


def _vehicle_type(ctx: Context) -> Classifier:
    p = ctx.specs["C04"].params
    return lambda v: "" if vehicle_type_known(v, p) else UNKNOWN


def _vehicle_use(ctx: Context) -> Classifier:
    p = ctx.specs["C04"].params
    return lambda v: vehicle_use(v, p)


def _vehicle_status(ctx: Context) -> Classifier:
    p = ctx.specs["C04"].params
    return lambda v: vehicle_status(v, p)


def _disabled_flag(ctx: Context) -> Classifier:
    p = ctx.specs["C04"].params
    words = p["disabled_vehicle_words"]
    return lambda v: "" if codes.yes_no(v) is not None or codes.classify(v, (("yes", words),)) == "yes" else UNKNOWN


def _property(ctx: Context) -> Classifier:
    p = ctx.specs["C04"].params
    return lambda v: property_status({"status": v}, p)


def _tenure(ctx: Context) -> Classifier:
    p = ctx.specs["C04"].params
    return lambda v: tenure_class(v, p)


def _business(ctx: Context) -> Classifier:
    p = ctx.specs["C05"].params
    return lambda v: status_class(v, p["active_statuses"], p["closed_statuses"])


def _property_use(ctx: Context) -> Classifier:
    return lambda v: codes.property_use(v).klass


def _death_cause(ctx: Context) -> Classifier:
    from .c02_status import death_cause

    p = ctx.specs["C02"].params
    return lambda v: UNKNOWN if death_cause(str(v or "").strip(), p) is None else ""  # a blank cause is a death


def _move_reason(ctx: Context) -> Classifier:
    from .c02_status import coded_reason, move_reason

    p = ctx.specs["C02"].params
    return lambda v: UNKNOWN if coded_reason(move_reason({"reason": v}, p)) else ""


def _person_status(ctx: Context) -> Classifier:
    import re

    p = ctx.specs["C02"].params
    # (a bare 注销 leaves the death to the 注销原因 beside it, which C02 reads: h452, a 公安 人口信息 export's 注销 rows were
    # said to be unread "其余只作为低" while their 注销原因 死亡 made them deaths at 高)
    bare = re.compile(r"(已)?(注销|销户)(户口)?")
    return lambda v: "cancelled" if bare.fullmatch(str(v or "").strip()) else codes.classify(
        v, (("alive", p["alive_status_words"]), ("other", p["not_death_words"]), ("dead", p["death_words"])))


def _registry_status(ctx: Context) -> Classifier:
    import re

    from ..reference import gone_from_household

    # (迁入, 迁回, 出生: a person who came into the 户号 and is in it — held-out 380: 户籍状态 迁入 said unreadable)
    present = re.compile(r"正常|在册|在户|现住|常住|有效|户籍在|迁入|迁回|回迁|落户|出生|新生")
    return lambda v: "" if gone_from_household(str(v)) or present.search(str(v)) else UNKNOWN


def _custody(ctx: Context) -> Classifier:
    p = ctx.specs["C02"].params
    return lambda v: codes.classify(v, (("released", p["released_words"]), ("held", p["custody_words"])))


def _payment_status(ctx: Context) -> Classifier:
    from ._money import is_code

    p = ctx.common
    known = [c.upper() for c in p["money_failed_codes"] + p["money_paid_codes"]]
    return lambda v: "" if is_code(v, known) else codes.classify(
        v, (("failed", p["money_failed_words"]), ("paid", p["money_paid_words"])))


def _payment_item(ctx: Context) -> Classifier:
    from ._money import item_without_back_pay, named_item, params, undo_word_only

    p = params(ctx)
    # (an item that is only a word of recovering, a bare 冲正 or 扣回, is read: its row undoes a payment or is the
    # bureau's recovery, never other money; held-out 354)
    # … and so is a bare 退回 (money_returned_words): a bank's return of a payment (h486: "退回" 3 rows said unread, as
    # other money, beside the notice counting two of them as undoing their payments)
    recovering = {**p, "failed_words": (), "recovery_words": (*p.get("recovery_words", ()), *p.get("returned_words", ()))}
    # (a bare 生活补贴: read by the book it stands in, said by _money._programme_items_said)
    bare = {re.sub(r"\s", "", w) for w in p.get("programme_items", ())}
    return lambda v: "" if (named_item(str(v or "").strip(), p) or undo_word_only(str(v or ""), recovering)
                            or item_without_back_pay(re.sub(r"\s", "", str(v or ""))) in bare) else UNKNOWN


def _risk(ctx: Context) -> Classifier:
    from ._coverage import risk_unread

    if "L01" not in ctx.specs:
        return lambda v: ""
    p = ctx.specs["L01"].params
    return lambda v: UNKNOWN if risk_unread({"risk": v}, p) else ""


def _disability_level(ctx: Context) -> Classifier:
    from ._coverage import disability_of

    # (held-out 457: 残疾程度 重度/中度/轻度 read as no level, 16 leads lost unsaid)
    return lambda v: UNKNOWN if str(v or "").strip() and disability_of({"disability_level": v})[1] is None else ""


def _exit_reason(ctx: Context) -> Classifier:
    from .c02_status import coded_reason

    known = set(ctx.specs["L05"].params.get("reason_codes", {})) if "L05" in ctx.specs else set()
    return lambda v: UNKNOWN if coded_reason(str(v or "")) and not any(codes.same_code(str(v).strip(), k) for k in known) \
        else ""


def _in_post(ctx: Context) -> Classifier:
    from .c01_staff import post_status

    p = ctx.specs["C01"].params
    return lambda v: post_status(v, p)


# (list kind or 'roster', field, column label, classifier, what the checks did, where a user adds a spelling)
COLUMNS: list[tuple[str, str, str, Callable[[Context], Classifier], str, str]] = [
    ("roster", "support_mode", "供养方式", support_modes, "按分散供养计（与他户同一账号的照常列为共用账号，资金照常逐人核对）",
     "整格是代码的（如 1、2），请问明哪个是集中供养，写进配置文件 [D02]、[F06]、[F07] 的 institution_modes（如 [\"集中\", \"2\"]）后重新运行。"),
    ("roster", "labour", "劳动能力", _labour, "视为不能确认有劳动能力（C08 不标记）",
     "如是当地写法，请在配置文件 [C08] able_words 或 unable_words 中补充；整格是代码的（如 1、2），写入 able_values 或 unable_values。"),
    ("roster", "health", "健康状况", _health, "视为不能确认健康（C08 不标记）",
     "如是当地写法或代码，请在配置文件 [C08] healthy_words、unhealthy_words 或 healthy_codes、unhealthy_codes 中补充。"),
    ("roster", "school", "在校情况", _school, "视为不能确认不在校（C08 不标记）",
     "如是当地写法，请在配置文件 [C08] student_words 或 non_student_words 中补充。"),
    ("registry", "relation", "与户主关系", _relation, "视为其他亲属（不据此推断配偶、父母、子女关系）",
     "请核对该列，或改用 GB/T 4761 家庭关系代码、标准写法。"),
    # (held-out 186: 人员状态 1/3 read as present unsaid, a dead mother a staff member's kin)
    ("registry", "status", "人员状态", _registry_status, "按仍在户计（已死亡的仍作为亲属，已迁出的配偶仍作为配偶）",
     "请让报送单位改用文字（正常、死亡、迁出）导出，或问明代码含义后改写。"),
    ("pensions", "status", "发放状态", _pension,
     "按在发计入收入，但只在其他在发养老金不标记的户作为“低”置信度线索列出（C03；"
     "名单中三分之二以上记录是同一个代码的，该代码按在发计，置信度最高为“中”）",
     "如是当地写法，请在配置文件 [C03] paying_statuses 或 stopped_statuses 中补充。"),
    ("vehicles", "vehicle_type", "车辆类型", _vehicle_type, "按在用机动车计，置信度最高为“中”",
     "如是当地写法，请在配置文件 [C04] vehicle_type_words 或 exempt_vehicle_types 中补充。"),
    ("vehicles", "use", "使用性质", _vehicle_use, "不称为经营性车辆",
     "如是当地写法，请在配置文件 [C04] commercial_use_words 或 non_commercial_use_words 中补充。"),
    ("vehicles", "status", "机动车状态", _vehicle_status, "按仍拥有计，置信度最高为“中”",
     "如是当地写法，请在配置文件 [C04] active_vehicle_statuses 或 inactive_vehicle_statuses 中补充。"),
    ("vehicles", "disabled_flag", "是否残疾人专用车", _disabled_flag, "不按残疾人专用车豁免",
     "请填写“是”或“否”。"),
    ("properties", "status", "权利状态/登记状态", _property,
     "按仍拥有计，置信度最高为“中”；名单中三分之二以上记录是同一个代码的，其他代码的只作为“低”置信度线索",
     "如是当地写法，请在配置文件 [C04] current_property_statuses 或 inactive_property_statuses 中补充。"),
    # (held-out 246: 共有方式 1/2 shown as "共有情况 1", unsaid; registries' codes differ, none is read by default)
    ("properties", "tenure", "共有情况/共有方式", _tenure,
     "按未写明计（是否与他人共有仍按份额列、共有人登记和同一套房的其他权利人判断）",
     "如是代码，请向不动产登记机构问明代码含义，写进配置文件 [C04] sole_ownership_codes（单独所有）或 co_ownership_codes"
     "（共有）（如 sole_ownership_codes = [\"1\"]）后重新运行；如是当地写法，补充到 sole_ownership_words 或 co_ownership_words。"),
    ("deaths", "cause", "注销原因/死亡原因", _death_cause,
     "填有死亡日期的按死亡计；名单中三分之二以上记录是同一个代码、且是 GA/T 2000.25 的死亡代码（1）的，该代码按死亡计，"
     "置信度最高为“中”；其余按看不出是否死亡处理，只作为“低”置信度线索列出",
     "如是代码，请向报送单位问明代码含义，写进配置文件 [C02] cause_codes（如 cause_codes = { \"1\" = \"死亡\", \"2\" = \"迁出\" }）"
     "后重新运行；如是当地写法，请在 [C02] death_words 或 not_death_words 中补充。"),
    ("deaths", "status", "人员状态", _person_status, "填了死亡日期的按死亡计，其余只作为“低”置信度线索列出",
     "如是代码，请在配置文件 [C02] alive_status_words（健在）或 death_words（死亡）中补充。"),
    ("prisoners", "status", "服刑状态", _custody, "按刑期日期判断，置信度最高为“中”",
     "如是当地写法，请在配置文件 [C02] custody_words（在押）或 released_words（已不在监）中补充。"),
    # (held-out 304: 退出原因 2 (死亡) unread and unsaid, a dead woman an L04 lead)
    ("exits", "reason", "退出原因/停保原因", _exit_reason, "看不出是否死亡、户籍迁出（不据此认定已死亡、已迁出）",
     "如是代码，请向报送单位问明代码含义，写进配置文件 [L05] reason_codes（如 reason_codes = { \"2\" = \"死亡\" }）后重新运行。"),
    ("migrations", "reason", "迁移原因", _move_reason, "看不出是否升学、参军，迁出本县的只作为“低”置信度线索列出",
     "如是代码，请向报送单位问明代码含义，写进配置文件 [C02] reason_codes（如 reason_codes = { \"21\" = \"升学\" }）后重新运行。"),
    ("properties", "usage", "房屋用途", _property_use, "不按商业用房或住房计",
     "请核对该列，或改用 GB/T 17986.1 房屋用途代码、文字写法。"),
    ("payments", "status", "发放状态/发放结果", _payment_status, "按发放成功计",
     "如是当地写法，请在配置文件 [common] 的 money_failed_words（未发放成功）或 money_paid_words（发放成功）中补充；"
     "整格是代码的，补充到 money_failed_codes 或 money_paid_codes。"),
    ("payments", "item", "资金项目", _payment_item, "按其他资金计（不与保障金比对，也不计入停发后的追回金额）",
     "如是代码或当地写法，请在配置文件 [common] 的 money_benefit_codes、money_benefit_items（保障金）或 "
     "money_other_codes、money_other_items（其他资金）中补充。"),
    ("disabled", "disability_level", "残疾等级", _disability_level, "按等级不明计（不作为重度残疾：L02、L03 不据此列出，L04 不据此要求护理补贴）",
     "请改写为一级至四级（或 1–4），或给出含类别、等级两位数字的 20 位残疾人证号。"),
    ("monitoring", "risk", "风险是否消除", _risk, "按风险未消除计，但不据此列为“高”优先级",
     "如是代码，请在配置文件 [L01] risk_open_words（未消除）或 risk_closed_words（已消除）中补充。"),
    ("staff", "status", "人员状态", _in_post,
     "按在职计（三分之二以上的人是同一个代码时，该代码照常比对，其他代码的只列为“低”置信度线索；名单不足 5 人或没有这样的代码时，"
     "过半数人的代码最高为“中”，其他代码的为“低”）",
     "如是代码或当地写法，请在配置文件 [C01] left_words（已不在职）或 in_post_words（在职）中补充。"),
    ("cadres", "status", "人员状态", _in_post,
     "按在职计（三分之二以上的人是同一个代码时，该代码照常比对，其他代码的只列为“低”置信度线索；名单不足 5 人或没有这样的代码时，"
     "过半数人的代码最高为“中”，其他代码的为“低”）",
     "如是代码或当地写法，请在配置文件 [C01] left_words（已不在职）或 in_post_words（在职）中补充。"),
    ("businesses", "status", "登记状态", _business,
     "不按在业计（不作为在业的市场主体；名单中三分之二以上记录是同一个代码的，该代码按在业计（C04 门市、C05、C07、C08、C09、"
     "C10 和漏保线索同此），C04、C05、C07 置信度最高为“中”）",
     "如是当地写法，请在配置文件 [C05] active_statuses 或 closed_statuses 中补充。"),
]


# A list column another stands in for where it is missing (a business with no 登记状态 column whose 注销（吊销）日期 is
# blank is active: _econ.business_active), and that column as said
_STAND_IN = {"businesses.status": ("end", "注销（吊销）日期列")}


def none_read(ctx: Context, column: str) -> str:
    """Why a column a check decides by (``CheckSpec.needs_columns``: 'labour' of the roster, 'businesses.status' of a
    list) leaves it nothing to go by: every value written there is one the checks do not recognise (held-out 210: C05
    and C08 said "已核查，未发现问题" with 5 of 5 登记状态 and 927 of 927 劳动能力 codes unread), or a list has no such
    column nor one standing in for it (``_STAND_IN``; held-out 223); '' when some value is read, none is written, or the
    list is still being read.

    Args:
        ctx: the audit context.
        column: a roster field, or 'kind.field' of a list.
    Returns:
        '花名册“劳动能力”列的 927 个值都未能识别（见运行提示）', or ''.
    """
    kind, fld = column.split(".", 1) if "." in column else ("roster", column)
    entry = next((e for e in COLUMNS if e[:2] == (kind, fld)), None)
    try:
        frame = ctx.members if kind == "roster" else ctx.lists.get(kind)
    except Pending:  # (judged once the list has arrived: audit.run_checks asks again)
        return ""
    stand_in, said = _STAND_IN.get(column, ("", ""))
    if frame is not None and kind != "roster" and fld not in frame.columns and stand_in not in frame.columns:
        # a column missing is as unread as one of codes (held-out 223: no 登记状态 column, C05 said 未发现问题)
        return (f"《{ctx.labels.get(kind, kind)}》没有“{entry[2] if entry else FIELD_NAMES.get(fld, fld)}”列"
                + (f"，也没有{said}" if said else ""))
    counts = _unread_counts(ctx, column)
    if counts is None or not counts[1] or counts[2] < counts[1]:
        return ""
    if (kind, fld) in BULK_READ and bulk_code(ctx, kind, fld, entry[3](ctx)):
        return ""  # the code most rows hold is read as the usual state (h389)
    return f"{counts[0]}的 {counts[1]} 个值都未能识别（见运行提示）"


def some_unread(ctx: Context, column: str) -> str:
    """What a check deciding by a column (as :func:`none_read`) left unchecked when some of its values, not all, are
    unread: '花名册“劳动能力”列有 73 行的值未能识别' for 核查范围 (held-out 298: C08 said "已核查，未发现问题"
    with 73 of 581 values unread); '' when every value is read, or none.
    """
    counts = _unread_counts(ctx, column)
    if counts is None or not 0 < counts[2] < counts[1]:
        return ""
    return f"{counts[0]}有 {counts[2]} 行的值未能识别"


def _unread_counts(ctx: Context, column: str) -> tuple[str, int, int] | None:
    """(the column as said: '花名册“劳动能力”列', its values written, those unread) of a column :data:`COLUMNS` judges;
    None for another column or a frame without it (or still being read)."""
    kind, fld = column.split(".", 1) if "." in column else ("roster", column)
    entry = next((e for e in COLUMNS if e[:2] == (kind, fld)), None)
    try:
        frame = ctx.members if kind == "roster" else ctx.lists.get(kind)
    except Pending:
        return None
    if entry is None or frame is None or fld not in frame.columns:
        return None
    written = sum(codes.written_counts(frame[fld]).values())
    unknown = codes.unknown_counts(frame[fld], entry[3](ctx))
    if (kind, fld) in BULK_READ and (bulk := bulk_code(ctx, kind, fld, entry[3](ctx))):
        unknown.pop(bulk, None)  # (its rows are read as the list's usual state, h389; h395: still counted unread here)
    unread = sum((unknown + codes.error_counts(frame[fld])).values())
    where = "花名册" if kind == "roster" else f"《{ctx.labels.get(kind, kind)}》"
    return f"{where}“{entry[2]}”列", written, unread


# Event dates (kind, field, label, what a date not read does): said, as the values above are
_MONEY = "资金核查无法计算这些人{}后多发的月份"
DATE_COLUMNS: list[tuple[str, str, str, str]] = [
    ("deaths", "date", "死亡日期", "这些人的 C02 置信度降一级，" + _MONEY.format("死亡")),
    ("prisoners", "start", "入监日期", "只按其余日期和服刑状态判断（C02 最高为“中”），" + _MONEY.format("入监")),
    ("prisoners", "end", "刑期止日", "只按其余日期和服刑状态判断（C02 最高为“中”），资金核查按入监后一直在押计（最高为“中”）"),
    ("migrations", "date", "迁出日期", "这些人的 C02 置信度降一级，" + _MONEY.format("迁出")),
    ("exits", "date", "停保（退出）日期", _MONEY.format("停保")),
]


_PAST_ONLY = {"deaths": ("date",), "prisoners": ("start",), "migrations": ("date",)}


def value_warnings(ctx: Context, tables: Sequence = (), kinds: Sequence[str] | None = None) -> list[str]:
    """Return one Chinese warning per list column holding values the checks do not recognise, with counts.

    Args:
        ctx: the audit context.
        tables: the tables read (``io.table.Table``): a column is named by the header it was read from, as its file
            names it (“待遇状态代码”), rather than as the tool calls the field.
        kinds: only these lists' columns (None: every list's and the roster's).
    Returns:
        The warnings (empty when every value was recognised).
    """
    headers: dict[str, dict[str, list[str]]] = {}  # kind → field → the headers its files read it from
    for table in tables:
        for fld in table.headers:
            label = table.header_said(fld)  # (as the file writes it)
            named = headers.setdefault(table.kind, {}).setdefault(fld, [])
            if label not in named:
                named.append(label)
    out = []
    for kind, fld, label, consequence in DATE_COLUMNS:  # (first: a date not read changes what is found)
        frame = ctx.lists.get(kind)
        if kinds is not None and kind not in kinds or frame is None or f"{fld}_text" not in frame.columns:
            continue
        written = frame[f"{fld}_text"].astype(object).where(frame[f"{fld}_text"].notna(), "").astype(str).str.strip()
        unread = written[(written != "") & ~frame[fld].map(lambda v: isinstance(v, dt.date)).astype(bool)
                         & ~written.str.contains("|".join(INDEFINITE))]  # (无期, 死缓: a sentence, not a date)
        label = "”/“".join(headers.get(kind, {}).get(fld, [])) or label
        if fld in _PAST_ONLY.get(kind, ()):  # a death, an admission or a move to come: a typing error (held-out 132)
            later = frame[fld].map(lambda v: isinstance(v, dt.date) and v > dt.date.today()).astype(bool)
            if later.any():
                shown = "、".join(sorted({v.isoformat() for v in frame.loc[later, fld]})[:3])
                after = int(frame.loc[later, fld].map(lambda v: v > ctx.as_of).sum())
                # (a review date after today: the dates up to it are judged as on it, held-out 142)
                judged = ("这些行在核查基准日之后，不列为问题" if after == int(later.sum()) else
                          f"核查基准日 {ctx.as_of.isoformat()} 也晚于今天：其中基准日之前的 {int(later.sum()) - after} 行按已发生判断"
                          + (f"，之后的 {after} 行不列为问题" if after else ""))
                out.append(f"《{ctx.labels.get(kind, kind)}》“{label}”列有 {int(later.sum())} 行的日期晚于今天（{shown}），"
                           f"不可能已经发生，{judged}；请核对是否录错。")
        if len(unread):
            out.append(f"《{ctx.labels.get(kind, kind)}》“{label}”列有 {len(unread)} 行的日期未能识别或未写明"
                       f"（{codes.counted(Counter(unread.tolist()))}），"
                       f"{consequence}；请写成 2026-08-15 这样的格式（年份写全 4 位）。")
    for kind, fld, label, make, consequence, hint in COLUMNS:
        if kinds is not None and kind not in kinds:
            continue
        frame = ctx.members if kind == "roster" else ctx.lists.get(kind)
        if frame is None or fld not in frame.columns or not len(frame):
            continue
        found = codes.unknown_counts(frame[fld], make(ctx))
        label = "”/“".join(headers.get(kind, {}).get(fld, [])) or label  # (several ledger files: each header)
        where = "花名册" if kind == "roster" else f"《{ctx.labels.get(kind, kind)}》"
        whole = ctx.cache.get(LIST_STATUSES, {}).get(kind) if kind != "roster" and fld == counted_field(kind) else None
        if found and whole and sum(whole.values()) > sum(codes.written_counts(frame[fld]).values()):
            # (the rows counted are those kept, the people of interest's; the list's usual code is judged over all its
            # rows, bulk_code: h395, "“1”6 行、“3”4 行" beside a bulk of 19 of 26 read the other way)
            consequence += f"；名单中多数记录的代码按全表 {sum(whole.values())} 行判断（{codes.counted(whole)}）"
        if found:
            out.append(where + codes.unknown_warning(label, found, consequence, hint))
        errors = codes.error_counts(frame[fld])
        if errors:
            out.append(f"{where}“{label}”列有 {sum(errors.values())} 行是公式错误值（{codes.counted(errors)}），"
                       f"{consequence}；请在原表中更正后重新运行。")
    return out
