"""C07: a legal supporter (赡养人/抚养人/扶养人) of a member has the means but the member is on benefits."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

import pandas as pd

from ..match import link_lists
from ..model import HIGH, LOW, MEDIUM, Context, Finding
from ..normalize import codes, ids
from ..reference import by_value_array
from ..roster import DIBAO, TEKUN, is_covered
from . import fact_text, link_fact, links, rule, values
from ._econ import (
    BULK_CODE_READ, BUSINESS_DATES, HELD_KINDS, VEHICLE_DATES, Hit, bulk_business_note, business_running, cell, copy_gone, dated,
    ended_yet_active, exact_rows, few_months, former_rows, money_text, why_not_held,
    self_paid, standard_text, vehicle_counts, vehicle_meaning, staff_shown, vehicle_shown, vehicle_type_stated, wage_of, wage_rows, wage_sheet,
)
from ._coverage import disability_of
from ._household import households, standard_for
from ._per_person import SHOWN_ITEMS
from .c01_staff import (CATEGORY_UNREAD, STATUS_LEAN_END, STATUS_UNREAD_END, category_unread, has_left, in_post,
                        status_unread)
from .c02_status import in_custody, says_died

_STAFF = {"unit": "工作单位", "category": "人员类别", "post": "职务"}
_VEHICLE = {"plate": "号牌号码", "plate_kind": "号牌种类", "vehicle_type": "车辆类型", "status": "机动车状态"}
_UNREAD_TYPE = "（车辆类型未注明或无法识别，可能是摩托车等豁免车型）"
_UNREAD_CATEGORY = CATEGORY_UNREAD.rsplit("，", 1)[-1] + "）"  # (the end of a staff reason whose 人员类别 no table reads)
_FEW_MONTHS = "置信度至多为“中”）"  # (the end of a wage's reason in a few of the list's months: :func:`few_months`)
_BY_BULK = "按在业计）"  # (the end of a business's reason whose 登记状态 is only the list's bulk code: bulk_business_note)
_CONTRADICTED = "只作待核线索，请核实）"  # (the end of a vehicle's or business's reason whose status an earlier end date
# contradicts: :func:`_econ.ended_yet_active`, a 低 lead as in C04 and C05, held-out 230)
_BUSINESS = {"entity": "主体名称", "entity_type": "主体类型", "status": "登记状态", "employees": "从业人数"}


@rule("C07")
def check(ctx: Context) -> list[Finding]:
    """Flag members whose supporter is on the staff list, owns a vehicle, runs a business or earns well.

    The dependent is found by the supporters list's dependent ID; the supporter's own ID is joined to
    the other lists by exact valid ID only, so a namesake is never taken for the supporter.

    Args:
        ctx: the audit context.
    Returns:
        One finding per (member, supporter) with every reason found.
    """
    if not ctx.has("supporters"):
        return []
    params = ctx.specs["C07"].params
    ref = ctx.lists["supporters"]
    label = ctx.labels["supporters"]
    household_of = {j: idxs for idxs in households(ctx).values() for j in idxs}
    enrolled = _unable(ctx, params)
    gone = _gone(ctx, params)
    out: list[Finding] = []
    for m, r, conf, key in links(ctx, "supporters", "dependent_id", "dependent_name_key").itertuples(index=False):
        row = ref.loc[r]
        sid = row.get("id")
        # the supporter's ID the supporters list itself damaged (typed as a number, cut): his rows on the
        # other lists only beside his name (:func:`damaged_rows`), never by the damaged number as if exact (h452)
        worn_sid = row.get("id_status") in _DAMAGED
        if (row.get("id_status") != ids.VALID and not worn_sid) or not sid:
            continue
        idxs = household_of[m]
        if sid in set(ctx.members.loc[idxs, "id"]) or (worn_sid and _member_like(ctx, idxs, row)):
            continue  # a supporter living in the same household is counted by C03/C06, not here
        if not legal_supporter(cell(ref, r, "relation"), params):
            continue  # a son-in-law or a brother owes an adult elder no support (民法典第1067条): his means are not hers
        if sid in enrolled or sid in gone or (worn_sid and _member_like(ctx, None, row, enrolled)):
            continue  # 特困 himself, a 低保 recipient of 60 or more (认定办法 第八条), dead or in custody: unable to support
        born = row.get("birth") if worn_sid else ids.birth_date(sid)
        if isinstance(born, dt.date) and ids.age_on(born, ctx.as_of) < int(params.get("min_supporter_age", 18)):
            continue  # a minor owes no support (a grandson of 15 named on the list: his car is his parents' matter)
        # … and his rows under his former ID (赡养人原身份证号), or whose 原身份证号 is his ID (held-out 350)
        former = str(row.get("former_id") or "") if row.get("former_id_status") == ids.VALID else ""
        extra = {kind: {} if worn_sid else former_rows(ctx, kind, sid, former, str(row.get("name_key") or ""))
                 for kind in ("staff", "vehicles", "businesses", "wages")}
        found = [] if worn_sid else _reasons(ctx, params, sid, idxs, lambda kind: exact_rows(ctx, kind, sid)
                                             + [r for r, why in extra[kind].items() if not why])
        # his rows under an ID a list damaged (typed as a number, one digit off) beside his name: 中 at most (h444)
        damaged = {kind: damaged_rows(ctx, kind, r) for kind in ("staff", "vehicles", "businesses", "wages")}
        worn = _reasons(ctx, params, sid, idxs, lambda kind: list(damaged[kind])) if any(damaged.values()) else []
        if worn:
            used = {k for rows in damaged.values() for k in rows.values()}
            said = f"（赡养人按姓名比对，该名单的身份证号受损：{'；'.join(sorted(used))}）"
            found += [(text + said, fact) for text, fact in worn]
        weak = _reasons(ctx, params, sid, idxs, lambda kind: [r for r, why in extra[kind].items() if why])
        if weak:  # a former ID beside another name, or of another sex or generation: someone else's, maybe (only 低)
            whys = "；".join(dict.fromkeys(why for rows in extra.values() for why in rows.values() if why))
            found += [(f"{text}（按原身份证号比对，但{whys}，原身份证号一栏可能填的是他人的身份证号，只作待核线索，请核实）", fact)
                      for text, fact in weak]
        if not found:
            continue
        by_former = any(extra.values())
        reasons = [text for text, _ in found]
        # only a vehicle of a type not written or read, or wages in a few of the list's months ([C06]
        # min_months_share_for_high)
        # (or a post whose 人员状态 code differs from the list's bulk: perhaps retired, h389)
        by_name = {t for t, _ in found[len(found) - len(worn):]} if worn else set()  # (the damaged-ID reasons, last)
        if all(text.endswith((_CONTRADICTED, STATUS_UNREAD_END)) for text in reasons) or len(weak) == len(found):
            conf = LOW
        elif all(text.endswith((_UNREAD_TYPE, _FEW_MONTHS, _CONTRADICTED, _UNREAD_CATEGORY, _BY_BULK, STATUS_LEAN_END))
                 or text in by_name for text in reasons):
            conf = MEDIUM if conf == HIGH else conf
        note = str(cell(ref, r, "remark") or "").strip()
        missing = any(w in note for w in params["missing_words"])
        if missing:  # the list notes him as missing: no court declaration (宣告失踪), but the visit must see to it
            conf = MEDIUM if conf == HIGH else conf
        relation = codes.relation(cell(ref, r, "relation")).meaning  # a GB/T 4761 code ('20') as what it means ('子')
        relation = re.sub(_SEVERAL, "、", relation.strip())
        who = f"{row['name'] or '赡养人'}" + (f"（与被赡养人关系：{relation}）" if relation else "")
        # (a 15-digit ID of before 1999 made 18 digits has one answer: exact, said as made)
        old = len(re.sub(r"\D", "", str(cell(ref, r, "id_raw") or ""))) == 15
        evidence = (f"《{label}》第 {int(row['_row'])} 行：{ctx.members.at[m, 'name']} 的赡养（抚养、扶养）人 {who}"
                    f"有赡养能力——{_listed(reasons)}"
                    + (f"（名单备注“{note}”，仅是备注而非宣告失踪，请核实其下落）" if missing else "")
                    + f"；被赡养人{key}，赡养人"
                    + ("按姓名和受损身份证号残存的各位比对" if worn and len(worn) == len(found) else
                       "按身份证号" + ("比对（名单上是 15 位旧号码，升为 18 位后一致）" if old else "完全一致比对")
                       + ("，部分名单按姓名和受损身份证号残存的各位比对" if worn else ""))
                    + ("，并按原身份证号比对（赡养人的原身份证号与其他名单的身份证号一致，或其他名单的原身份证号与赡养人的身份证号"
                       "一致，且姓名相同）" if by_former and len(weak) < len(found) else ""))
        facts = (("list", "supporters"), link_fact(conf), ("supporter", sid)) + tuple(f for _, f in found)
        out.append(Finding("C07", int(m), evidence, conf, label, str(int(row["_row"])), key, facts))
    return out


# A reason's opening words by the kind of record it names (:func:`_reasons`), and its measure word
_RECORDS = (("名下有车辆，", "辆"), ("经营在业市场主体，", "个"))


def _listed(reasons: list[str]) -> str:
    """The reasons as the evidence shows them: of one kind of record, the first few (SHOWN_ITEMS) and 等 N 辆 (h473: a
    supporter given 50 cars was one C07 whose evidence named 50 rows; every reason still decides its confidence).

    Args:
        reasons: the reasons' texts, in order.
    Returns:
        The text.
    """
    out, seen = [], {}
    for text in reasons:
        opening = next(((w, unit) for w, unit in _RECORDS if text.startswith(w)), None)
        if opening is not None:
            seen[opening] = seen.get(opening, 0) + 1
            if seen[opening] > SHOWN_ITEMS:
                continue
        out.append(text)
    more = [f"{w.rstrip('，')}共 {n} {unit}，以上只列出前 {SHOWN_ITEMS} {unit}" for (w, unit), n in seen.items()
            if n > SHOWN_ITEMS]
    return "；".join(out + more)


def damaged_rows(ctx: Context, kind: str, r: int) -> dict[int, str]:
    """The rows of a list a supporters-list row's supporter has under an ID the list damaged (typed as a number, one
    digit off, cut: :func:`match.link_lists`, which asks his name too), with the key saying how; his exact rows are
    :func:`exact_rows`'. Held-out h444: supporters on the staff list, owning a car or earning well were never found
    when those lists typed their IDs as numbers.

    Args:
        ctx: the audit context.
        kind: the list kind (staff, vehicles, businesses, wages).
        r: the supporters-list row.
    Returns:
        List row → key, for links below 高.
    """
    if not ctx.has(kind):
        return {}
    cache = f"c07-damaged:{kind}"
    if cache not in ctx.cache:
        got: dict[int, dict[int, str]] = {}
        ref = ctx.lists[kind]
        # (a list whose IDs are all valid or blank has none to repair: the big lists of a city skip the join)
        worn = ref[~ref["id_status"].isin((ids.VALID, ids.MISSING))] if "id_status" in ref.columns else ref.iloc[:0]
        sup = ctx.lists["supporters"]
        found = link_lists(sup, worn, sides=("赡养义务人名单", "名单"))
        # … and a supporter whose ID the supporters list damaged, against the whole list (h452: a 民政 export whose IDs
        # Excel kept as numbers: a 公务员 son, a daughter's car and a son's business were never looked for)
        torn = sup[sup["id_status"].isin(_DAMAGED)] if "id_status" in sup.columns else sup.iloc[:0]
        if len(torn):
            found = pd.concat([found, link_lists(torn, ref, sides=("赡养义务人名单", "名单"))], ignore_index=True)
        for m, rr, conf, key in found.itertuples(index=False):
            if conf != HIGH:
                got.setdefault(int(m), {})[int(rr)] = str(key)
        ctx.cache[cache] = got
    rows = ctx.cache[cache].get(int(r), {})
    if kind not in HELD_KINDS:
        return rows
    ref = ctx.lists[kind]  # (as :func:`exact_rows`: a car registered after the review date, or gone before it)
    return {x: k for x, k in rows.items() if not why_not_held(ref.loc[x], ctx.as_of)}


# the supporters list's own damaged IDs whose surviving digits still name a person beside his name: a number, cut (a
# check that fails may be any digit mistyped: not joined, test_supporter_with_damaged_id_is_not_joined_on_name)
_DAMAGED = (ids.NUMERIC, ids.SHORT)


def _member_like(ctx: Context, idxs: list[int] | None, row: Mapping, among: set[str] | None = None) -> bool:
    """Whether a supporter whose ID the list damaged is, by name and the birth date his ID keeps, a member of the
    dependent's household (``idxs``), or (``among``) a roster member whose valid ID is in that set (特困, old 低保)."""
    m = ctx.members if idxs is None else ctx.members.loc[idxs]
    if among is not None:
        m = m[m["id"].isin(among)]
    born = row.get("birth")
    same = (m["name_key"] == row.get("name_key")) & (m["birth"] == born if isinstance(born, dt.date) else True)
    return bool(same.any())


_SEVERAL = r"\s*[\n\r,，/;；、]+\s*"  # several supporters' relations in one cell ('儿子\n女儿', '女婿、女儿')


def legal_supporter(relation: object, params: dict) -> bool:
    """Return whether a supporters list's 关系 cell names a legal supporter (C07 legal_roles); a blank relation, or one
    not read, is taken as one (as before: the home visit checks it), and a cell naming several counts when any is one.

    Args:
        relation: the 关系 cell (words or a GB/T 4761 code).
        params: C07's parameters.
    Returns:
        True when the supporter counts as a legal supporter.
    """
    roles = {codes.relation_role(part) for part in re.split(_SEVERAL, str(relation or "").strip())}
    return bool(roles & {"", codes.UNKNOWN, *params["legal_roles"]})


def _unable(ctx: Context, params: dict) -> set[str]:
    """IDs of roster members who cannot be anyone's supporter: 特困 persons (unable_if_tekun) and 低保 recipients aged
    unable_dibao_age or more, or disabled at one of unable_dibao_severe_levels."""
    m = ctx.members
    if "enrolled_members" in ctx.cache:  # screen: the applicants, and the rosters given with --enrolled
        m = pd.concat([m, ctx.cache["enrolled_members"]], ignore_index=True)
    tekun = (m["programme"] == TEKUN) & bool(params.get("unable_if_tekun", True))
    old = (m["programme"] == DIBAO) & (pd.to_numeric(m["age"], errors="coerce") >= float(params.get("unable_dibao_age", 60)))
    # … and 低保 recipients severely disabled (第八条's 重度残疾人 with low income: 低保 says the income; held-out 310: a
    # 一级肢体残疾 低保 daughter C07 高 for her mother for a shop of no staff)
    levels = set(params.get("unable_dibao_severe_levels", []))
    if levels and "disability" in m.columns:  # (the cell read as L03 and S01 read it: _coverage.disability_of)
        severe = by_value_array(m["disability"].to_numpy(dtype=object), lambda v: (
            disability_of({"disability_type": str(v or ""), "disability_level": str(v or "")})[1] in levels))
        old = old | ((m["programme"] == DIBAO) & severe.astype(bool))
    # a member the roster says is no 保障对象 (是否保障对象 否) is in a 低保 household but no recipient himself
    covered = m["covered"].map(is_covered) if "covered" in m.columns else True
    return set(m.loc[(tekun | old) & covered & (m["id"] != ""), "id"].tolist())


def _gone(ctx: Context, params: dict) -> set[str]:
    """IDs of people the deaths list says died by the review date (unable_if_dead) or the prisoners list says are in
    custody on it (unable_if_in_custody): such a supporter supports nobody, whatever he owns. Exact valid IDs only."""
    c02 = ctx.specs["C02"].params
    dead = _rows_saying(ctx, "deaths", lambda row: _died(row, ctx.as_of, c02)) if params.get("unable_if_dead", True) else set()
    return dead | (custody_ids(ctx) if params.get("unable_if_in_custody", True) else set())


def custody_ids(ctx: Context) -> set[str]:
    """Return the IDs the prisoners list says are in custody on the review date (exact valid IDs only): a supporter
    unable to support (特困人员认定办法 第八条), for C07 (coverage's L03 links the list's damaged IDs too:
    ``_coverage.custody_of``).

    Args:
        ctx: the audit (or coverage) context.
    Returns:
        The IDs; empty without a prisoners list.
    """
    if "custody-ids" not in ctx.cache:
        c02 = ctx.specs["C02"].params
        ctx.cache["custody-ids"] = _rows_saying(ctx, "prisoners", lambda row: in_custody(row, ctx.as_of, c02))
    return ctx.cache["custody-ids"]


def _rows_saying(ctx: Context, kind: str, says) -> set[str]:
    """The valid IDs of a list's rows a test holds for."""
    if not ctx.has(kind):
        return set()
    ref = ctx.lists[kind]
    valid = ref[ref["id_status"] == ids.VALID]
    cols = list(valid.columns)
    return {row["id"] for row in (dict(zip(cols, r)) for r in valid.itertuples(index=False)) if says(row)}


def _died(row: dict, as_of: dt.date, params: dict) -> bool:
    died = row.get("date")
    return says_died(row, params) is True and not (isinstance(died, dt.date) and died > as_of)


def supporter_means(ctx: Context, sid: str, idxs: list[int]) -> list[str]:
    """Return what C07 takes as a supporter's means (staff list, a vehicle, a business, high wages), as evidence texts:
    a supporter of 70 or more with any is not of low income and little property (特困人员认定办法 第八条), for L03.

    Args:
        ctx: the audit (or coverage) context.
        sid: the supporter's valid ID.
        idxs: the dependent's roster household (its standard measures the wages; none: the 特困供养标准).
    Returns:
        The texts; empty when nothing shows means.
    """
    return [text for text, _ in _reasons(ctx, ctx.specs["C07"].params, sid, idxs)]


def _reasons(ctx: Context, params: dict, sid: str, idxs: list[int],
             rows_of: Callable[[str], list[int]] | None = None) -> list[tuple[str, tuple[str, str]]]:
    """The supporter's means: (evidence text, fact) pairs; ``rows_of`` gives his rows of a list (default: those under
    his ID, :func:`exact_rows`).

    Facts (suppression): the supporter's employer, each vehicle's plate and type, each business's name,
    the employers behind high wages; wage amounts are left out.
    """
    rows_of = rows_of or (lambda kind: exact_rows(ctx, kind, sid))
    reasons = []
    if params["use_staff"]:
        for r in rows_of("staff"):
            row = ctx.lists["staff"].loc[r]
            # (C01's test of the post held on the review date: left, or not yet begun; an excluded 人员类别, 退休: held-out
            # 296, a retired supporter C07 高 with 04 configured for C01)
            if has_left(row, ctx) or not in_post(ctx, "staff", row):
                continue
            code, doubt = category_unread(row), status_unread(ctx, "staff", row)
            reasons.append((f"在《{ctx.labels['staff']}》第 {int(row['_row'])} 行（{values(staff_shown(row), _STAFF)}）"
                            + (f"（{CATEGORY_UNREAD.format(code)}）" if code else "") + (f"（{doubt}）" if doubt else ""),
                            ("staff_unit", fact_text(row.get("unit")))))
    if params["use_vehicles"]:
        for r in rows_of("vehicles"):
            row = ctx.lists["vehicles"].loc[r]
            if vehicle_counts(row, ctx.specs["C04"].params, ctx.as_of):
                unread = "" if vehicle_type_stated(row, ctx.specs["C04"].params) else _UNREAD_TYPE
                # (its dates as C04 shows them: the review date was judged by them, held-out 223)
                shown = values(vehicle_shown(row), dated(_VEHICLE, row, *VEHICLE_DATES))
                contradicted = ended_yet_active(row, ctx.as_of) or copy_said(ctx, "vehicles", row, rows_of("vehicles"))
                unread = f"（{contradicted}）" if contradicted else unread
                reasons.append((f"名下有车辆，《{ctx.labels['vehicles']}》第 {int(row['_row'])} 行（{shown}）{unread}",
                                ("vehicle", f"{fact_text(row.get('plate'))}/{fact_text(vehicle_meaning(row)['vehicle_type'])}")))
    if params["use_businesses"]:
        for r in rows_of("businesses"):
            row = ctx.lists["businesses"].loc[r]
            if running := business_running(ctx, row):
                contradicted = ended_yet_active(row, ctx.as_of) or copy_said(ctx, "businesses", row, rows_of("businesses"))
                # (a business in operation by the list's bulk code only, as C05 reads it: at most 中, h395)
                contradicted = bulk_business_note(ctx) if running == BULK_CODE_READ else contradicted
                reasons.append((f"经营在业市场主体，《{ctx.labels['businesses']}》第 {int(row['_row'])} 行"
                                f"（{values(row, dated(_BUSINESS, row, *BUSINESS_DATES))}）"
                                + (f"（{contradicted}）" if contradicted else ""),
                                ("business", fact_text(row.get("entity")))))
    if params["use_wages"] and ctx.has("wages"):
        reasons += _wage_reason(ctx, params, rows_of("wages"), idxs)
    return reasons


def copy_said(ctx: Context, kind: str, row: Mapping, rows: list[int]) -> str:
    """What another of the supporter's rows of the same vehicle or business says when it has the record gone
    (:func:`_econ.copy_gone`), ending as a lead's reason does (:data:`_CONTRADICTED`); '' when none (the last note's
    left-over of h442: a car's 正常 row beside its 注销 row was C07 高)."""
    said = copy_gone(ctx, kind, row, [ctx.lists[kind].loc[r] for r in rows])
    return f"{said}；{_CONTRADICTED[:-1]}" if said else ""


def _wage_reason(ctx: Context, params: dict, found: list[int], idxs: list[int]) -> list[tuple[str, tuple[str, str]]]:
    ref = ctx.lists["wages"]
    if not found or "wage" not in ref.columns:
        return []
    # C06's wage of the supporter (its months, 补缴 and 退费 rows, an annual table's year), never one of C07's own
    rows = {r: ref.loc[r].to_dict() for r in found}
    wage = wage_of(ctx, [Hit(-1, r, HIGH, "") for r in found], rows, str(ref.at[found[0], "name"] or ""), "赡养人")
    if wage is None:
        return []
    average = wage.average
    standard, std_label = standard_for(ctx, idxs, higher_when_unread=True)  # as C03 and C06: never more flagged
    limit = standard * float(params["wage_multiple"])
    if average <= limit:
        return []
    employers = "、".join(sorted({cell(ref, r, "employer").strip() for r in wage.rows} - {""}))
    pay = cell(ref, wage.rows[0], "wage_label") or "缴费工资"
    few = few_months(ctx, set(wage.months))
    return [(f"《{ctx.labels['wages']}》{wage_sheet(ref, wage.rows)}第 {wage_rows(ref, wage.rows)} 行月均{pay} "
             f"{money_text(average)} 元（{wage.period}）"
             f" > {std_label} {standard_text(standard)} 元 × {params['wage_multiple']:g} = {money_text(limit)} 元"
             + (f"（赡养人{few}）" if few else "")
             + (f"（记录为{own}：按本人自选的缴费基数缴费，不是工资发放记录，{_FEW_MONTHS}"
                if (own := self_paid(ctx, ref, wage.rows)) and not few else ""), ("wage_employers", employers))]

