"""C04: a car or commercial vehicle, a shop or commercial unit, or two or more homes in the household."""

from __future__ import annotations

import re

from ..model import LOW, MEDIUM, Context, Finding
from ..normalize.codes import UNKNOWN
from . import link_fact, record_facts, rule, values, where
from ._econ import (
    BARE_CODE, BULK_CODE_READ, BUSINESS_DATES, BUSINESS_LABELS, Hit, bulk_business_note, bulk_code,
    business_running, business_ended_later, dated, employs_others,
    ended_yet_active, gone_copy, gone_home_text, gone_homes, has_any, hits, held_by_others, home_groups, home_key, homestead_only, linked_rows, property_confidence, property_kind, property_meaning,
    property_shown, property_status,
    shared_text, text_of, vehicle_confidence, vehicle_ended_later, vehicle_meaning, vehicle_shown, vehicle_use,
    vehicles_counted, weakest, VEHICLE_DATES,
)
from ._household import head_of, households
from ._per_person import one_per_person, record_identity

_VEHICLE = {"plate": "号牌号码", "plate_kind": "号牌种类", "vehicle_type": "车辆类型", "use": "使用性质", "status": "机动车状态"}
_PROPERTY = {"held_as": "登记为", "tenure": "共有情况", "share": "份额", "location": "坐落", "usage": "用途",
             "area": "面积(㎡)", "cert": "不动产权证号", "status": "权利状态", "registration": "登记类型"}
# A row's own dates as a list without headers names them (shown: the review date was judged by them, held-out 223)
_DATES = {"vehicles": VEHICLE_DATES, "properties": ("登记日期", "注销日期"), "businesses": BUSINESS_DATES}
# Facts (suppression): a vehicle is its plate, type and use; a property its location (else certificate)
# and usage (codes as their meanings, _econ.vehicle_meaning and property_meaning); two homes the set of homes; a shop its business name and type. Areas and statuses are not.


@rule("C04")
def check(ctx: Context) -> list[Finding]:
    """Flag vehicles, commercial property, shops (individual businesses with premises) and ≥2 homes.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    params = ctx.specs["C04"].params
    out = _vehicles(ctx, params) + _properties(ctx, params)
    if params["individual_shop_counts"]:
        out += _shops(ctx, params)
    return out


def _vehicles(ctx: Context, params: dict) -> list[Finding]:
    ref, counts = linked_rows(ctx, "vehicles"), vehicles_counted(ctx)
    out: list[tuple[Finding, str]] = []
    for m, rows in hits(ctx, "vehicles").items():
        for h in rows:
            row = ref[h.r]
            if not counts(row):
                continue
            what = "经营性机动车辆" if vehicle_use(row.get("use"), params) == "commercial" else "机动车"
            typ = ("（车辆类型未注明，按号牌种类认定，请核实车型）" if row.get("type_from_plate")
                   else "" if str(row.get("vehicle_type") or "").strip() else "（车辆类型未注明）")
            shown = values(vehicle_shown(row), dated(_VEHICLE, row, *_DATES["vehicles"]))
            later = vehicle_ended_later(row, params, ctx.as_of) or ended_yet_active(row, ctx.as_of)
            shown += f"（{later}）" if later else ""
            copy = gone_copy(ctx, "vehicles", m, row)
            shown += f"；{copy}" if copy else ""
            evidence = f"{where(ctx, 'vehicles', row)}：{row['name']} 名下{what}{typ}，{shown}；{h.key}"
            conf = vehicle_confidence(row, h.confidence, params)
            conf = weakest([conf, LOW]) if copy else conf
            out.append((Finding("C04", m, evidence, _lead_if_ended(row, ctx, conf), ctx.labels["vehicles"],
                                str(int(row["_row"])), h.key,
                                record_facts("vehicles", vehicle_meaning(row), ("plate", "vehicle_type", "use"),
                                             h.confidence)),
                        record_identity(row, "plate")))
    return one_per_person(out, "名下机动车", "辆", "号牌号码")


def _properties(ctx: Context, params: dict) -> list[Finding]:
    if not ctx.has("properties"):
        return []
    ref = linked_rows(ctx, "properties")
    found = hits(ctx, "properties")
    linked = {ctx.value(m, "household") for m in found}  # (the households with a row of the list)
    out: list[tuple[Finding, str | None]] = []
    for hh, idxs in households(ctx).items():
        if hh not in linked:
            continue
        owned: list = []
        for m in idxs:
            for h in found.get(m, []):
                row = ref[h.r]
                kind = property_kind(row, params)
                if kind == "commercial":
                    # a 商住 unit is often a city household's only home (held-out 214: one such flat was 门市 at 高)
                    mixed = has_any(text_of(row, "usage"), params["mixed_use_words"])
                    evidence = (f"{where(ctx, 'properties', row)}：{row['name']} 名下商业用房（门市），"
                                f"{_property_text(row)}；{h.key}"
                                + ("；用途为商住两用，请入户核实是否自住" if mixed else ""))
                    contradicted = ended_yet_active(row, ctx.as_of)
                    evidence += f"（{contradicted}）" if contradicted else ""
                    confidence = _lead_if_ended(row, ctx, property_confidence(row, h.confidence, params))
                    if odd := _odd_status(ctx, row, params):
                        evidence, confidence = evidence + f"（{odd}）", LOW
                    out.append((Finding("C04", m, evidence, weakest([confidence, MEDIUM]) if mixed else confidence,
                                          ctx.labels["properties"],
                                          str(int(row["_row"])), h.key,
                                          record_facts("properties", property_meaning(row), ("usage",), h.confidence)
                                          + (("property", home_key(row, h.r)),)),
                                  record_identity(row, "location", "cert")))
                elif kind == "home":
                    owned.append((row, h.r, (m, h)))
        if len(owned) < int(params["min_homes"]):
            continue  # (fewer rows than homes wanted: no grouping makes more homes of them)
        # (a home the household holds as 权利人 is read from that row, not from a member's 共有人 row of it)
        groups = home_groups(sorted(owned, key=lambda item: bool(text_of(item[0], "held_as"))))
        homes = {k: group[0] for k, group in groups.items()}
        if len(homes) < int(params["min_homes"]):
            continue
        owners = [m for m, _ in homes.values()]
        head = head_of(ctx, idxs)
        who = head if head in owners else owners[0]
        listed = "；".join(f"第 {int(ref[h.r]['_row'])} 行 {ref[h.r]['name']}，{_property_text(ref[h.r])}"
                          for _, h in homes.values())
        keys = "、".join(dict.fromkeys(h.key for _, h in homes.values()))
        evidence = (f"《{ctx.labels['properties']}》中家庭成员名下住房 {len(homes)} 套（达到 {int(params['min_homes'])} 套即标记）："
                    f"{listed}；{keys}")
        rows = "、".join(str(int(ref[h.r]["_row"])) for _, h in homes.values())
        conf = weakest([property_confidence(ref[h.r], h.confidence, params) for _, h in homes.values()])
        ids = {str(ctx.value(m, "id")) for m in idxs} | {text_of(ref[h.r], "id") for g in groups.values()
                                                            for _, h in g}
        shares = {k: why for k, g in groups.items() if (why := _held_with_others(ctx, g, ref, ids, params)) is not None}
        if shares and len(homes) - len(shares) < int(params["min_homes"]):
            # a share in someone else's home (按份共有) counted as a whole home: not sure (held-out 133; held-out 169:
            # also when each owner has a row of his own saying 共有 or a 份额, or another ID holds the same home)
            conf = weakest([conf, MEDIUM])
            said = "；".join(f"第 {int(ref[homes[k][1].r]['_row'])} 行{why}" for k, why in shares.items())
            evidence += f"（其中 {len(shares)} 套只登记为共有人，产权份额需核实：{said}）"
        gone = gone_homes(ctx, idxs)
        copies = {h.r: gone[k] for _, h in homes.values() if (k := home_key(ref[h.r], h.r)) in gone}
        if copies and len(homes) - len(copies) < int(params["min_homes"]):
            conf = weakest([conf, LOW])
            evidence += "（" + "；".join(gone_home_text(ref[r], g) for r, g in copies.items()) + "）"
        ended = [h for _, h in homes.values() if ended_yet_active(ref[h.r], ctx.as_of)]
        if ended and len(homes) - len(ended) < int(params["min_homes"]):
            conf = weakest([conf, LOW])  # a home the registry dates as gone before the review date (held-out 230)
            evidence += "（" + "；".join(f"第 {int(ref[h.r]['_row'])} 行{ended_yet_active(ref[h.r], ctx.as_of)}" for h in ended) + "）"
        odd = {h.r: why for _, h in homes.values() if (why := _odd_status(ctx, ref[h.r], params))}
        if odd and len(homes) - len(odd) < int(params["min_homes"]):
            conf = weakest([conf, LOW])  # a home of a status code unlike the list's bulk: perhaps sold or cancelled (h389)
            evidence += "（" + "；".join(f"第 {int(ref[r]['_row'])} 行{why}" for r, why in odd.items()) + "）"
        plots = sum(1 for _, h in homes.values() if homestead_only(ref[h.r], params))
        if plots and len(homes) - plots < int(params["min_homes"]):
            # 用途 宅基地 with no 房屋 said: perhaps the plot another of the homes stands on (held-out 160: 高)
            conf = weakest([conf, MEDIUM])
            evidence += f"（其中 {plots} 条用途为宅基地、未写明有房屋，可能是另一套住房所在宅基地的登记，请核实是否为同一处）"
        out.append((Finding("C04", who, evidence, conf,
                            ctx.labels["properties"], rows, keys,
                            (("list", "properties"), link_fact(weakest([h.confidence for _, h in homes.values()])),
                             *(("home", k) for k in homes))), None))
    return one_per_person(out, "名下商业用房（门市）", "处", "坐落")


def _odd_status(ctx: Context, row: dict, params: dict) -> str:
    """The note for a property whose 权利状态 is a bare code no word reads while most of the list's rows hold another such
    code (:func:`_econ.bulk_code`: the list's current rights, 现势): perhaps a 历史 (sold) or 注销 one, so it decides no
    finding above 低 (h389: 1 现势 2 历史 3 注销 without a legend, a home and a sold one were two homes at 中); ''
    otherwise."""
    status = text_of(row, "status")
    if not BARE_CODE.fullmatch(status) or property_status(row, params) != UNKNOWN:
        return ""
    bulk = bulk_code(ctx, "properties", "status", lambda value: property_status({"status": value}, params))
    if not bulk or status == bulk:
        return ""
    return f"权利状态“{status}”是代码、含义不明，与名单中多数记录的“{bulk}”不同，可能已转移或注销，请核实"


def _lead_if_ended(row: dict, ctx: Context, confidence: str) -> str:
    """A row whose status says held while its own end date is before the review date is a 低 lead (_econ.ended_yet_active)."""
    return weakest([confidence, LOW]) if ended_yet_active(row, ctx.as_of) else confidence


def _property_text(row: dict) -> str:
    """A properties row's fields and dates for the evidence."""
    return values(property_shown(row), dated(_PROPERTY, row, *_DATES["properties"]))


def _held_with_others(ctx: Context, group: list[tuple[int, Hit]], ref: dict, ids: set[str],
                      params: dict) -> str | None:
    """How a household holds one home with people outside it: '' when its rows say so (登记为 共有人, 共有情况 共有,
    份额 30%, all shown in the evidence already), a note when another ID holds the same home; None when the household
    holds it alone, or two of its members together.

    Args:
        ctx: the audit context.
        group: (member, hit) of the household's rows of the home.
        ref: the linked properties rows.
        ids: the household members' IDs and those of its rows.
        params: the [C04] parameters.
    """
    rows = [ref[h.r] for _, h in group]
    if any(held_by_others(ctx, row, h.r, ids) for row, (_, h) in zip(rows, group)):
        return "，同一不动产另登记有家庭成员以外的权利人"
    if len({m for m, _ in group}) >= 2:
        return None
    return "" if any(text_of(row, "held_as") or shared_text(row, params) for row in rows) else None


def _shops(ctx: Context, params: dict) -> list[Finding]:
    if not ctx.has("businesses"):
        return []
    ref = linked_rows(ctx, "businesses")
    biz = ctx.specs["C05"].params
    out: list[tuple[Finding, str]] = []
    for m, rows in hits(ctx, "businesses").items():
        for h in rows:
            row = ref[h.r]
            running = business_running(ctx, row)
            if not (running and has_any(row.get("entity_type"), params["individual_business_types"])
                    and _has_premises(row, params) and not employs_others(row, biz)):
                continue
            later = business_ended_later(row, biz, ctx.as_of) or ended_yet_active(row, ctx.as_of)
            by_bulk = running == BULK_CODE_READ  # (a code most of the list's rows hold: at most 中, as C05's, h395)
            later = bulk_business_note(ctx) if by_bulk else later
            evidence = (f"{where(ctx, 'businesses', row)}：{row['name']} 经营有经营场所的个体工商户（门市；{_no_staff(row, biz)}），"
                        f"{values(row, dated(BUSINESS_LABELS, row, *_DATES['businesses']))}"
                        f"{f'（{later}）' if later else ''}；{h.key}")
            conf = _lead_if_ended(row, ctx, h.confidence)
            conf = weakest([conf, MEDIUM]) if by_bulk else conf
            out.append((Finding("C04", m, evidence, conf, ctx.labels["businesses"],
                                str(int(row["_row"])),
                                h.key, record_facts("businesses", row, ("entity", "entity_type"), h.confidence)),
                        record_identity(row, "entity")))
    return one_per_person(out, "经营有经营场所的个体工商户（门市）", "户", "")


def _no_staff(row: dict, params: dict) -> str:
    """Why a business is a shop and not C05's: its 从业人数 is below the [C05] line (or not given), said with the line.

    Args:
        row: a businesses row.
        params: the [C05] parameters.
    """
    n = row.get("employees")
    line = int(params["min_employees"])
    if n is None or n != n:
        return f"名单未登记从业人数，按无雇工计（从业人数含经营者本人达到 {line} 人才视为雇工）"
    return f"从业人数含经营者本人未达到 {line} 人，不视为雇工"


def _has_premises(row: dict, params: dict) -> bool:
    """Whether a business row names a place of business: '无' or '/' under 经营场所 names none (held-out 169)."""
    place = re.sub(r"\s", "", text_of(row, "premises"))
    return bool(place) and place not in params["no_premises"]
