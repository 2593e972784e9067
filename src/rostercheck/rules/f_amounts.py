"""F04–F06: duplicate payments, amounts that differ from the approved amount, months not paid.

Amounts are compared per household and per month the payment is for (所属月份): a failed or returned
payment (发放状态 失败/退回) counts as not paid, so a failed payment re-paid later is one payment; other
items (物价补贴, 护理补贴, one-off grants) are never compared with the benefit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from itertools import chain

import numpy as np
import pandas as pd

from ..model import HIGH, LOW, MEDIUM, Context, Finding, object_array
from ..normalize import ids
from . import rule
from ._household import in_institution
from ._money import (STOP_NEXT, Ledger, benefit_with_other, blind_months, care_home_rows, file_name, finding, generic_rows, is_code, ledger, link_text, month_add, month_of, months_text, numbered, pair_numbers,
                     payee_name, roster_months, weakest, yuan, explained_deductions)
from ._money_namesakes import head_namesakes, name_only_months, place_namesakes
from ._money_unread import amount_gap, amounts_not_given, gap_words, note, say as say_unread, unread_pairs, unread_rows


def _accounts_said(led: Ledger, rows: list[int]) -> list[str]:
    """The accounts a duplicate's payments went into, when more than one (held-out 301: his own account and the care
    home's, unsaid): '发放账号：6228****0569（户名 朱秀）、6228****3742（户名 李敏）'."""
    if "bank_account" not in led.frame.columns:
        return []
    seen = dict.fromkeys((str(led.cols.cell("bank_account", r) or ""), str(led.cols.cell("holder", r) or "")) for r in rows)
    if len({a for a, _ in seen}) < 2:
        return []
    return ["发放账号：" + "、".join((a or "未写账号") + (f"（户名 {h}）" if h else "") for a, h in seen)]


def _item_key(led: Ledger, r: int) -> str:
    """The item as duplicates are judged: the benefit is one item whatever its spelling (低保金（补发）…); a 提标补差
    of a month of its own is another (the raise paid twice); so is a 特困 照料护理费 a county counts as the benefit
    (held-out 301: with 护理 taken out of money_other_items, 基本生活费 and 照料护理费 of one month were F04)."""
    if led.array("adjust")[r]:
        return "adjust:" + led.programme[r]
    return ("benefit:care:" if _CARE.search(str(led.cols.cell("item", r))) else "benefit:") + led.programme[r]


_CARE = re.compile(r"照料|护理")
PROCESS = "money"  # (F01–F06 in one process: f_stop.PROCESS)


@rule("F04")
def check_f04(ctx: Context) -> list[Finding]:
    """The same person or household paid twice for the same item and month (failed payments do not count)."""
    return _duplicates(ctx)[0] + _lump_code(ctx, "F04")


def _lump_code(ctx: Context, code: str) -> list[Finding]:
    """A code's findings from care homes' monthly lumps (``_money_care_homes``: F04 a resident paid in person and in
    the lump, F06 a dated admission the lump never took in)."""
    from . import _money_care_homes as care_homes

    led = ledger(ctx)
    return list(care_homes.lump_findings(ctx, led, amount_tolerance(ctx))[0].get(code, []))


def _duplicates(ctx: Context) -> tuple[list[Finding], set[tuple[str, str]]]:
    if "money:dup" in ctx.cache:
        return ctx.cache["money:dup"]
    led = ledger(ctx)
    from ._money_recoveries import _label
    from .f_stop import _stopped

    _stopped(ctx)  # (the ledger's own corrections of a month, memo['corrections'], once F01–F03 took theirs)
    corrections = led.memo.get("corrections", {})
    groups: dict[tuple, list[int]] = defaultdict(list)
    month_of_row = led.cols["month"]
    for r in _same_item_twice(led).tolist():
        groups[(led.payee[r], _item_key(led, r), month_of_row[r])].append(r)
    by_unit: dict[tuple, list[list[int]]] = defaultdict(list)
    months_hit = set()  # (household, month) explained here: F05 leaves them
    carried = _carried(ctx, led)
    months_hit |= {(led.household[rows[0]], later) for (_, _, later), (_, rows) in carried.items()}  # (re-paid there)
    months_hit |= {(h, later) for (h, _), later in _paid_twice_after_gap(ctx, led).items()}
    for (payee, item, month), rows in groups.items():
        if (payee, item, month) in carried:  # one of them re-paid an earlier failed month: the rest may still be extra
            months_hit.add((led.household[rows[0]], month))
            rows = rows[:-1]
        # (a care fee is no part of the roster's amount: in parts only when two of it are two payments alike)
        parts = _in_parts(ctx, led, rows) if item.startswith("benefit:") and not item.startswith("benefit:care:") else None
        if len(rows) < 2 or (parts if parts is not None else not _alike(led, rows)):
            continue
        if parts is not None and (_lump_short(ctx, led, rows) or _unmonthed_back_pay(led, rows)):
            continue  # (F05 weighs the lump's months together)
        if _failed_and_repaid(led, rows):
            months_hit.add((led.household[rows[0]], month))  # no duplicate, and no 多发 either
        else:
            by_unit[(led.household[rows[0]], payee, item.replace("benefit:care:", "benefit:"))].append(rows)  # (one row)
    out = []
    expected, bound = household_amounts(ctx, led), implausible_times(ctx)
    for household, payee, item, shares in _share_households(led, by_unit):
        months, lines, total, odd = [], [], 0.0, []
        approved, others = expected.get(household, (0.0, []))
        sets = [[r for part in parts for r in part] for parts in shares]  # (each month's rows, every payee's)
        for parts in sorted(shares, key=lambda parts: (month_of_row[parts[0][0]], parts[0][0])):  # (month by month, h301)
            rows = [r for part in parts for r in part]
            amounts = [float(led.cols["amount"][r]) for r in rows]
            # (a household's rows of member shares paid again: each member's share once too many, h472)
            extra = sum(sum(a) - max(a) for a in ([float(led.cols["amount"][r]) for r in part] for part in parts))
            month = month_of_row[rows[0]]
            months_hit.add((household, month))
            if item.startswith("benefit:") and approved and max(amounts) > bound * max(approved, *others):
                # each payment many times the approved amount (h466: 65000 typed for 650, twice, was F04 高 66,000 元 to
                # recover): a typing error likelier than money paid, as F05 and F01–F03 read it; listed, not counted
                odd.append(month)
                months.append(month)
                lines.append(f"{month} {led.item(rows[0])} 发放 {len(parts[0])} 次（" + _times_text(led, parts)
                             + f"），金额超过核定金额 {yuan(max(approved, *others))}的 {bound:g} 倍，多为发放明细录入错误，"
                             "未计入应追回，请核实实际发放金额和是否重复发放")
                continue
            # the ledger's own 扣回 of the month's over-payment (held-out 364: a duplicate taken back in the next file
            # stood as F04 高 for the whole amount); a month taken back in full is no finding (said in the notice)
            fixed = corrections.get((household, month), []) if item.startswith("benefit:") else []
            back = min(extra, sum(take for _, take in fixed))
            if extra - back <= 0.005:
                continue
            total += extra - back
            months.append(month)
            lines.append(f"{month} {led.item(rows[0])} 发放 {len(parts[0])} 次（" + _times_text(led, parts)
                         + f"），多发 {yuan(extra)}"
                         + (f"，其中 {yuan(back)}已由{'、'.join(f'{led.where(r)}“{_label(led, r)}”' for r, _ in fixed)}抵减，"
                            f"尚差 {yuan(extra - back)}" if back else ""))
        if not months:
            continue
        r0 = next(rows[0] for rows in sets if month_of_row[rows[0]] not in odd) if len(odd) < len(sets) else sets[0][0]
        m = led.member[r0] if payee is not None else _head(ctx, led, household, r0)
        cell = led.cols.cell  # (a few rows: their cells, not the columns' lists)
        valid = cell("id_status", r0) == ids.VALID or cell("head_id_status", r0) == ids.VALID
        # (each payment's link: one linked by name and account alone, a care home's row with no ID, is no surer;
        # held-out 301)
        conf = weakest(HIGH if valid else MEDIUM, *(led.conf[r] for rows in sets for r in rows if led.member[r] >= 0))
        # a re-payment remark (重发) that no record of a return bears out: the first may have come back unrecorded
        remarked = [r for rows in sets for r in rows if r in led.memo.get("repaid_unsure", ())]
        generic = generic_rows(led)
        if all(generic[rows].all() and len({round(float(led.cols["amount"][r]), 2) for r in rows}) > 1
               for parts in shares for rows in parts):  # (a household's member shares differ: each member's own rows)
            # amounts unlike under the bank's or department's word alone (民政资金): one may be other money (a one-off
            # grant), not the benefit paid again
            conf = weakest(conf, MEDIUM)
            lines.append("各笔金额不同，资金项目只写了“" + "、".join(sorted({led.item(r) for rows in sets for r in rows}))
                         + "”，未写明是保障金，其中一笔可能是一次性补贴等其他资金，请核实")
        if remarked:
            conf = weakest(conf, MEDIUM)
            lines.append("、".join(f"{led.where(r)}备注“{led.cols['remark'][r]}”" for r in remarked)
                         + "，但没有记录显示前一笔发放失败或被退回，请核实前一笔是否退回")
        who = (cell("name", r0) or cell("head_name", r0) or (ctx.value(m, "name") if m >= 0 else "")
               or cell("holder", r0))
        if payee is None:  # (one finding for the household's share rows: its head, its members counted)
            who = f"{cell('head_name', r0) or (ctx.value(m, 'name') if m >= 0 else who)}户（{len(shares[0])} 名成员各自的份额）"
        lines += _accounts_said(led, [r for rows in sets for r in rows])
        evidence = (f"重复发放：{who} 同一资金项目、同一所属月份发放成功两次以上。{'；'.join(lines)}。"
                    + (f"应追回合计 {yuan(total)}" if len(odd) < len(months) else "金额存疑，未计应追回金额"))
        if len(odd) == len(months):  # (only implausible months: a lead, no money; F05.toml)
            conf = LOW
        facts = (("payee", payee), ("item", item)) if payee is not None else (("household", household), ("item", item))
        key = "同一领取人、资金项目、所属月份" if payee is not None else "同一户、资金项目、所属月份（各成员份额所在的同一行）"
        former = [r for rows in sets for r in rows if r in (led.memo.get("former_id") or {})]
        if former:  # a row under the payee's former ID (原身份证号) is hers: said how (held-out 342)
            key += f"；发放明细：{link_text(led, former)}"
        out.append(finding(ctx, led, "F04", r0, m, evidence, conf, key, months,
                           total if len(odd) < len(months) else None, None, facts))
    say_unread(ctx, led, "F04", _unread_twice(led))
    say_unread(ctx, led, "F04", _unread_beside(ctx, led), "同一月份另有保障金发放（如这也是保障金，即为重复发放）")
    ctx.cache["money:dup"] = (out, months_hit)
    return ctx.cache["money:dup"]


def _share_households(led: Ledger, by_unit: dict[tuple, list[list[int]]]) -> list[tuple]:
    """The F04 units as (household, payee, item, month sets): each month set one list of rows per payee. Payees of one
    household and item paid twice in the very same spreadsheet rows (a household's row of member shares, 成员N金额,
    unfolded into one payment per member: h459, h466) are one unit, payee None: one finding for the household's
    duplicate, not one per member (h470: the total was right, the findings one per member)."""
    cell = led.cols.cell

    def spots(rows: list[int]) -> tuple:
        return tuple(sorted((str(cell("_file", r)), str(cell("_sheet", r)), str(cell("_row", r))) for r in rows))

    by_rows: dict[tuple, list[tuple]] = defaultdict(list)
    for (household, payee, item), sets in by_unit.items():
        signature = tuple(sorted((led.cols["month"][rows[0]], spots(rows)) for rows in sets))
        by_rows[(household, item, signature)].append((payee, sets))
    out = []
    for (household, item, _), units in by_rows.items():
        if len(units) == 1:
            payee, sets = units[0]
            out.append((household, payee, item, [[rows] for rows in sets]))
            continue
        months: dict[str, list[list[int]]] = defaultdict(list)
        for _, sets in units:
            for rows in sets:
                months[led.cols["month"][rows[0]]].append(rows)
        out.append((household, None, item, list(months.values())))
    return out


def _times_text(led: Ledger, parts: list[list[int]]) -> str:
    """'800.00 元，《x.xlsx》第 6 行、800.00 元，《x.xlsx》第 10 行': each payment of a month F04 found twice, a household's
    member shares (``parts``, one list per payee) added up per spreadsheet row."""
    if len(parts) == 1:
        return "、".join(f"{yuan(led.cols['amount'][r])}，{led.where(r)}" for r in parts[0])
    by_row: dict[str, float] = {}
    for part in parts:
        for r in part:
            by_row[led.where(r)] = by_row.get(led.where(r), 0.0) + float(led.cols["amount"][r])
    return f"全户 {len(parts)} 名成员的份额，每次合计：" + "、".join(f"{yuan(total)}，{where}" for where, total in by_row.items())


def _paid_twice_after_gap(ctx: Context, led: Ledger) -> dict[tuple[str, str], str]:
    """(household, month) → the next month, of a month paid nothing between two paid ones, the later paid twice the
    earlier's sum (one row or more): the month re-paid with the next (held-out 306: a wide sheet's March blank, April
    2 × 670 and its 备注 "3月账户冻结未发，4月补发3月", was F06 中 680), neither unpaid (F06) nor paid twice (F04/F05:
    ``_duplicates`` counts the later month explained); said in the notice ``money:carried``. Judged over every
    household's months at once."""
    if "gaps" in led.memo:
        return led.memo["gaps"]
    led.memo["gaps"] = out = {}
    codes = led.memo["codes"]
    _, pairs, totals = _pair_totals(led, led.array("ok") & led.array("benefit") & led.array("dated"))
    if not len(pairs):
        return out
    width = len(codes["m_values"]) + 1
    at, month = pairs // width, pairs % width
    ordinal = np.array([(int(m[:4]) * 12 + int(m[5:7])) if re.fullmatch(r"\d{4}-\d{2}", str(m)) else -10 ** 6
                        for m in codes["m_values"].tolist()] + [-10 ** 6], dtype=np.int64)[month]
    order = np.lexsort((ordinal, at))
    at, ordinal, totals = at[order], ordinal[order], totals[order]
    tol = amount_tolerance(ctx)
    same = at[1:] == at[:-1]
    gap = same & (ordinal[1:] - ordinal[:-1] == 2) & (ordinal[:-1] > 0)
    twice = gap & (np.abs(totals[1:] - 2 * totals[:-1]) <= tol) & (totals[:-1] > 0)

    def shown(o: int) -> str:
        return f"{(o - 1) // 12:04d}-{(o - 1) % 12 + 1:02d}"

    for k in np.flatnonzero(twice).tolist():
        out[(codes["h_values"][at[k]], shown(int(ordinal[k]) + 1))] = shown(int(ordinal[k]) + 2)
    if out:
        named = {h: led.cols["name"][r] or led.cols["head_name"][r] for h, r in _first_rows_of(led, {h for h, _ in out}).items()}
        said = "、".join(f"{named.get(h) or h}（{m} 未发，{later} 发放两倍金额）" for (h, m), later in list(out.items())[:10])
        ctx.cache.setdefault("money:carried", []).append(
            f"资金发放明细：{len(out)} 户某月没有发放记录、下一个月发放了前一个月两倍的金额，按下月补发了该月计，不列为应发未发，"
            f"也不列为多发，请核对：{said}" + (f" 等 {len(out)} 户" if len(out) > 10 else ""))
    return out


def _first_rows_of(led: Ledger, households: set) -> dict:
    """Household → its first ledger row, for the households given (a few: a notice's names)."""
    return {led.household[r]: r for r in reversed(np.flatnonzero(led.of_households(households)).tolist())}


def _carried(ctx: Context, led: Ledger) -> dict[tuple[str, str, str], tuple[str, list[int]]]:
    """(payee, item key, month) paid twice alike → (the earlier month re-paid, its failed rows): a month whose benefit
    payment failed (came back) with nothing paid for it, and the next month the payee is paid pays that amount twice.

    The bank re-sends a failed row in its next batch, under that batch's month (held-out 226: February 账户冻结, March
    paid twice without a remark, was F06 高 for February and F04 高 for March: a village worker sent to claw back and to
    pay again). Neither is a finding; the households are named in a notice (``money:carried``) for the clerk to check.
    """
    if "carried" in led.memo:
        return led.memo["carried"]
    amounts = led.frame["amount"].to_numpy(dtype=float, na_value=np.nan)
    benefit = led.array("benefit") & led.array("dated") & (amounts > 0)
    ok = led.array("ok")
    failed = np.flatnonzero(benefit & ~ok)
    payees = led.memo["codes"]["payee"]
    month = led.cols["month"]
    paid: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # (payee, programme) → month → rows
    for r in np.flatnonzero(benefit & ok & np.isin(payees, payees[failed])).tolist():
        paid[(led.payee[r], led.programme[r])][month[r]].append(r)
    tried: dict[tuple, list[int]] = defaultdict(list)
    for r in failed.tolist():
        tried[(led.payee[r], led.programme[r], month[r])].append(r)
    out: dict[tuple[str, str, str], tuple[str, list[int]]] = {}
    for (payee, programme, m), rows in sorted(tried.items()):
        by_month = paid.get((payee, programme), {})
        later = min((n for n in by_month if n > m), default=None)
        if m in by_month or later is None:
            continue
        alike = {round(float(amounts[r]), 2) for r in rows}
        # … or one row of twice the amount, as a wide sheet's month cell holds it (held-out 293: March 失败, April 2,800
        # of 1,400: F05 高 多发 1,400 and F06 高 March)
        # (the same amount twice: a 基本生活费 and a 照料护理费 of the month are no pair, held-out 301)
        counts = Counter(round(float(amounts[r]), 2) for r in by_month[later])
        if (any(counts[a] >= 2 for a in alike)
                or any(abs(float(amounts[r]) - 2 * a) <= 1 for r in by_month[later] for a in alike)):
            out[(payee, "benefit:" + programme, later)] = (m, rows)
    led.memo["carried"] = out
    if out:
        said = "、".join(f"{led.cols['name'][rows[0]] or led.cols['head_name'][rows[0]] or led.cols['holder'][rows[0]]}"
                        f"（{m} 失败，{later} 发放两笔或两倍金额）" for (_, _, later), (m, rows) in out.items())
        ctx.cache["money:carried"] = [
            f"资金发放明细：{len(out)} 户某月的保障金发放失败（退回）、该户下一次发放的月份同一金额发放了两笔（或一笔两倍的金额），按银行把失败的一笔在"
            f"下一批重发计，不列为应发未发，也不列为重复发放，请核对：{said}"]
    return out


def _alike(led: Ledger, rows: list[int]) -> bool:
    """Whether a month's 提标补差 rows are one payment made twice: the same amount, over the same months (a raise paid
    in two steps, 30 then 10, is not a duplicate)."""
    parts = (lambda r: led.cols.cell("parts", r)) if "parts" in led.frame.columns else (lambda r: 1)
    return len({(round(float(led.cols["amount"][r]), 2), parts(r)) for r in rows}) == 1


def _failed_and_repaid(led: Ledger, rows: list[int]) -> bool:
    """Whether a month's rows differ in a status no word list reads (a system's codes 1, 2, 3): the pattern of a
    failed payment paid again, which cannot be told from a duplicate until the codes are configured."""
    unread = led.memo.get("unsure", ())
    return any(r in unread for r in rows) and len({led.cols["status"][r] for r in rows}) > 1


def _unmonthed_back_pay(led: Ledger, rows: list[int]) -> bool:
    """Whether one of a month's rows is a lump of several months remarked 补发 (back_pay_words, repaid_words) without
    naming its month (an undated quarter's sheet: '补发', '补发低保金'): the back pay of a month left out before, or of a
    month paid already — F05 weighs the months together, no duplicate of this one (h383)."""
    if "parts" not in led.frame.columns or "remark" not in led.frame.columns:
        return False
    words = tuple(led.params.get("back_pay_words", ())) + tuple(led.params.get("repaid_words", ()))
    for r in rows:
        remark = str(led.cols.cell("remark", r) or "")
        if int(led.cols.cell("parts", r)) > 1 and any(w in remark for w in words) and not _NAMES_MONTH.search(remark):
            return True
    return False


_NAMES_MONTH = re.compile(r"(?:1[0-2]|0?[1-9])\s*月|20\d{2}\s*[-./]?\s*(?:1[0-2]|0?[1-9])")


def _in_parts(ctx: Context, led: Ledger, rows: list[int]) -> bool:
    """Whether a payee's rows for one item and month are one month's benefit paid in parts (300 + 300 of an approved
    600): each less than the approved amount (the household's, or a member's share when members are paid one by
    one) and all of them together not more. A payment of the whole amount made twice is a duplicate."""
    h = led.household[rows[0]]
    approved = household_amounts(ctx, led).get(h)
    if approved is None:
        return False
    tol = float(ctx.specs["F05"].params["tolerance"])
    whole = max(approved[1]) / (1 if led.household_row[rows[0]] else max(len(led.covered.get(h, ())), 1))
    amounts = [float(led.cols["amount"][r]) for r in rows]
    return max(amounts) < whole - tol and sum(amounts) <= whole + tol


def _repeated(led: Ledger) -> np.ndarray:
    """The successful rows (positions in order) whose payee and month come again on another successful row, found
    once (F04's three searches ask).

    Only these can be duplicates; the item and the adjustment words are judged on them alone.
    """
    if "repeated" not in led.memo:
        sel = np.flatnonzero(led.array("ok") & led.array("dated"))
        if len(sel):
            payees = led.memo["codes"]["payee"][sel]
            numbers, keys = numbered(payees * (len(led.memo["codes"]["m_values"]) + 1) + led.memo["codes"]["m"][sel])
            sel = sel[np.bincount(numbers, minlength=len(keys))[numbers] > 1]
        led.memo["repeated"] = sel.astype(np.int64)
    return led.memo["repeated"]


def _same_item_twice(led: Ledger) -> np.ndarray:
    """The rows (in order) that may be a duplicate: successful rows, dated, of an amount, not pooled, of the benefit or
    of a 提标补差 whose month is its own (one of no month but its sheet's may make up any earlier month: held-out 264),
    whose payee, item as duplicates judge it (:func:`_item_key`: the programme, the benefit or its raise) and month
    come again on another such row; counted on codes. Other money (two 临时救助金 in a month, a 高龄津贴 beside the
    benefit) is another programme's, not this audit's (held-out 203: F04 高 on each). Held-out 279: July's 提标补差
    paid twice in August's sheet was F05 多发, not F04."""
    rows = _repeated(led)
    amounts = led.frame["amount"].to_numpy(dtype=float, na_value=np.nan)[rows]
    adjust = led.array("adjust")[rows]
    keep = (led.array("ok")[rows] & (amounts > 0)
            & ((led.array("benefit")[rows] & ~adjust) | (adjust & ~led.array("unplaced")[rows])))
    if led.memo["pooled"]:
        keep &= ~np.isin(rows, np.fromiter(led.memo["pooled"], dtype=np.int64))
    rows = rows[keep]
    if not len(rows):
        return rows
    which = led.programme_codes()[0][rows] * 2 + led.array("adjust")[rows]
    codes = led.memo["codes"]
    key = (codes["payee"][rows].astype(np.int64) * (int(which.max()) + 1) + which) * (len(codes["m_values"]) + 1) + codes["m"][rows]
    number, distinct = pd.factorize(key)
    return rows[np.bincount(number, minlength=len(distinct))[number] > 1]


def _unread_twice(led: Ledger) -> set[str]:
    """The households (a payee on no roster too) paid twice in a month under one unread item (two rows of 项目代码 01)
    with no benefit payment that month: perhaps a duplicate of the benefit, unchecked (``_money_unread``)."""
    unread = unread_rows(led)
    rows = _repeated(led)
    rows = rows[unread[rows]].tolist()
    if not rows:
        return set()
    paid = _paid_pairs(led)
    seen: dict[tuple, int] = defaultdict(int)
    for r in rows:
        seen[(led.payee[r], led.cols.cell("item", r), led.cols["month"][r])] += 1
    return {led.household[r] for r in rows if seen[(led.payee[r], led.cols.cell("item", r), led.cols["month"][r])] > 1
            and (led.household[r], led.cols["month"][r]) not in paid}


def _unread_beside(ctx: Context, led: Ledger) -> set[str]:
    """The households whose payee was paid the benefit for a month and, for the same month, under an unread item (of
    the same programme, or one not said): were the item the benefit, F04 would judge the two (held-out 252: 钟爱琴's
    June under 项目代码 01 and her "补发6月" as 低保金 in August, a duplicate found only with 01 configured). A month's
    rows that are one amount paid in parts (:func:`_in_parts`) are none."""
    unread = unread_rows(led)
    rows = _repeated(led)
    if not unread[rows].any():
        return set()
    codes = led.memo["codes"]  # (only the payee-months holding an unread row are looked at: a city's months repeat)
    key = codes["payee"][rows].astype(np.int64) * (len(codes["m_values"]) + 1) + codes["m"][rows]
    rows = rows[np.isin(key, key[unread[rows]])].tolist()
    amounts, months, pooled = led.cols["amount"], led.cols["month"], led.memo["pooled"]
    adjust, benefit = led.array("adjust"), led.array("benefit")
    by: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))  # (payee, month) → (benefit, unread)
    for r in rows:
        if amounts[r] > 0 and r not in pooled and not adjust[r] and (benefit[r] or unread[r]):
            by[(led.payee[r], months[r])][0 if benefit[r] else 1].append(r)
    out = set()
    for paid, other in by.values():
        for u in other:
            alike = [b for b in paid if not (led.programme[u] and led.programme[b] and led.programme[u] != led.programme[b])]
            if alike and not _in_parts(ctx, led, alike + [u]):
                out.add(led.household[u])
                break
    return out


def amount_tolerance(ctx: Context) -> float:
    """[F05] tolerance (元): how far a payment may be from the approved amount and still be it (1 when F05 is off)."""
    return float(ctx.specs["F05"].params["tolerance"]) if "F05" in ctx.specs else 1.0


def household_amounts(ctx: Context, led: Ledger) -> dict[str, tuple[float, list[float]]]:
    """Roster household → (approved monthly amount, the alternatives it may mean) from 月保障金/供养标准."""
    if "amounts" in led.memo:
        return led.memo["amounts"]
    out = _amounts_read(ctx, led, "benefit")
    led.memo["amount_label"] = {}  # household → the roster column compared, where its roster gives two
    totals = _amounts_read(ctx, led, "benefit_total")
    if totals:
        # A 特困 roster giving the 基本生活标准 and the total with the 照料护理标准 (供养标准): which one the ledgers pay
        # is one question per roster file, answered by their usual monthly payment (held-out 194: they paid the total,
        # earlier rounds the 基本生活费 and the 照料护理补贴 as two items)
        files, paid = ctx.members["file"].tolist(), _usual_paid(led)
        votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for h, (total, _) in totals.items():
            got, file = paid.get(h), files[led.covered[h][0]]
            if got is not None and h in out:
                votes[file][0] += abs(got - out[h][0]) <= 1
                votes[file][1] += abs(got - total) <= 1
        for h in totals:
            file = files[led.covered[h][0]]
            if h not in out or votes[file][1] > votes[file][0]:
                out[h] = totals[h]
                led.memo["amount_label"][h] = "供养标准"
            else:
                led.memo["amount_label"][h] = "基本生活标准"
    led.memo["amounts"] = out
    return out


def _amounts_read(ctx: Context, led: Ledger, column: str) -> dict[str, tuple[float, list[float]]]:
    """Roster household → (approved monthly amount, the alternatives it may mean) read from one roster amount column."""
    if column not in ctx.members.columns:
        return {}
    benefit = ctx.members[column].to_numpy(dtype=object)
    usable = _positive_floats(benefit)
    # Each household's usable amounts, counted and bounded in bulk: most households have one amount, or one
    # amount repeated; only households whose members' amounts differ are summed member by member.
    households, rows, of = _covered_rows(led)
    rows, of = rows[usable[rows]], of[usable[rows]]
    values = benefit[rows].astype(float)
    count = np.bincount(of, minlength=len(households))
    low, high = np.full(len(households), np.inf), np.full(len(households), -np.inf)
    np.minimum.at(low, of, values)
    np.maximum.at(high, of, values)
    own = (count > 0) & (low != high)  # each member's own amount
    # the household's amount repeated on every row (merged cells), or each member's equal amount
    repeated = np.flatnonzero((count > 1) & ~own)
    amounts = low.tolist()
    for k in np.flatnonzero(own).tolist():
        amounts[k] = sum(benefit[j] for j in led.covered[households[k]] if usable[j])
    pair = _AmountPairs()
    single = np.flatnonzero(own | (count == 1)).tolist()
    out = dict(zip([households[k] for k in single], map(pair, [amounts[k] for k in single])))
    # Which of the two a roster means is one question per roster file: the ledgers' usual monthly payment to its
    # households with several members answers it (a household then paid once per member is a finding).
    if len(repeated):
        paid = _usual_paid(led)
        named = [households[k] for k in repeated.tolist()]
        file, _ = pd.factorize(ctx.members["file"].to_numpy(dtype=object)[[led.covered[h][0] for h in named]])
        got = np.array([paid.get(h, np.nan) for h in named], dtype=float)  # (NaN: never paid, no vote)
        value, whole = low[repeated], low[repeated] * count[repeated]
        votes = [np.bincount(file, weights=np.abs(got - v) <= 1, minlength=file.max() + 1) for v in (value, whole)]
        chosen = np.where((votes[1] > votes[0])[file], whole, value).tolist()
        out.update(zip(named, map(pair, chosen)))
    return out


def _positive_floats(values: np.ndarray) -> np.ndarray:
    """Per cell of an object column: a float above zero (not None, NaN, text or an int), judged in bulk when every
    filled cell is a float (a roster's amount column as ``roster`` types it), else cell by cell."""
    if pd.api.types.infer_dtype(values, skipna=True) in ("floating", "empty"):
        try:
            return values.astype(float) > 0  # (None and NaN: NaN, above nothing)
        except (TypeError, ValueError):  # (pd.NA and the like, which ``infer_dtype`` skips)
            pass
    return np.fromiter((isinstance(v, float) and v == v and v > 0 for v in values), dtype=bool, count=len(values))


class _AmountPairs(dict):
    """Amount → the one ``(amount, [amount])`` value of every household approved that amount alone: a city's 100,000
    households share a few hundred amounts, and 200,000 tuples and lists made apart cost two of the cyclic garbage
    collector's full passes over the heap (0.18 s). Nothing mutates the pairs (they are read only)."""

    def __call__(self, amount: float) -> tuple[float, list[float]]:
        key = (type(amount), amount)  # (a numpy float and a float of one value stay apart: said as they were)
        made = self.get(key)
        if made is None:
            made = self[key] = (amount, [amount])
        return made


def _covered_rows(led: Ledger) -> tuple[list, np.ndarray, np.ndarray]:
    """The roster households (in order), their covered members' rows one after another, and each such row's household
    number: household sums and bounds in bulk (made once: F04–F06 ask four times)."""
    if "covered_rows" not in led.memo:
        households, sizes = list(led.covered), list(map(len, led.covered.values()))
        rows = np.fromiter(chain.from_iterable(led.covered.values()), dtype=np.int64, count=sum(sizes))
        led.memo["covered_rows"] = households, rows, np.repeat(np.arange(len(households)), sizes)
    return led.memo["covered_rows"]


def _usual_paid(led: Ledger) -> dict[str, float]:
    """Roster household → the monthly benefit total it is most often paid (successful rows, by the month paid for)."""
    if "usual_paid" in led.memo:
        return led.memo["usual_paid"]
    codes = led.memo["codes"]
    _, pairs, totals = _pair_totals(led, led.array("ok") & led.array("benefit") & led.array("dated") & led.array("own_programme"))
    totals = np.round(totals, 2)
    width = len(codes["m_values"]) + 1
    counts = pd.DataFrame({"h": pairs // width, "a": totals}).value_counts(sort=False).reset_index(name="n")
    usual = counts.sort_values(["n", "a"], ascending=[False, True], kind="stable").drop_duplicates("h")
    led.memo["usual_paid"] = dict(zip(codes["h_values"][usual["h"].to_numpy()].tolist(), usual["a"].tolist()))
    return led.memo["usual_paid"]


def _pair_totals(led: Ledger, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For some rows (a mask or positions): each row's (household, month) pair number, the pairs (as
    ``codes['pair']`` values) and the amount paid for each pair (each summed in row order)."""
    numbers, pairs = pair_numbers(led.memo["codes"], rows)
    count = np.bincount(numbers, minlength=len(pairs))
    totals = np.bincount(numbers, weights=led.frame["amount"].to_numpy()[rows].astype(float), minlength=len(pairs))
    used = np.flatnonzero(count)
    rank = np.zeros(len(pairs), dtype=np.int64)
    rank[used] = np.arange(len(used))
    return rank[numbers], pairs[used], totals[used]


class _PairSet:
    """Some (household, month) pairs held as the ledger's pair numbers: ``(h, m) in pairs`` without a tuple
    for each of a city's millions of pairs."""

    def __init__(self, codes: dict, mask: np.ndarray) -> None:
        self.width = len(codes["m_values"]) + 1
        self.households = {h: k for k, h in enumerate(codes["h_values"].tolist())}
        self.months = {m: k for k, m in enumerate(codes["m_values"].tolist())}
        self.numbers = pd.unique(codes["pair"][mask])  # (the pairs as an array, for work in bulk)
        # one flag per possible pair number, looked up by position: a set of a city's 1.2 M numbers took 0.08 s to make
        # (as bytes: a byte is read as fast as a set is looked up, a numpy element three times slower)
        flags = np.zeros(len(codes["h_values"]) * self.width, dtype=np.uint8)
        flags[self.numbers[self.numbers >= 0]] = 1  # (a month not known, code -1, is no pair looked up)
        self.flags = bytearray(flags.tobytes())

    def __contains__(self, pair: tuple[str, str]) -> bool:
        h, m = self.households.get(pair[0]), self.months.get(pair[1])
        return h is not None and m is not None and self.flags[h * self.width + m] == 1


def _paid_pairs(led: Ledger) -> _PairSet:
    """The (household, month) pairs with a successful benefit payment; not a month whose benefit failed, or has no row,
    while only its 提标补差 went through (:func:`_raise_only_pairs`)."""
    if "paid_pairs" not in led.memo:
        mask = led.array("ok") & led.array("benefit") & led.array("dated") & led.array("own_programme")
        if failed := _raise_only_pairs(led):
            mask &= ~np.isin(led.memo["codes"]["pair"], np.fromiter(failed, dtype=np.int64, count=len(failed)))
        led.memo["paid_pairs"] = _PairSet(led.memo["codes"], mask)
    return led.memo["paid_pairs"]


def _raise_only_pairs(led: Ledger) -> dict[int, list[int]]:
    """The (household, month) pairs (as ``codes['pair']`` numbers) whose benefit was not paid while a 提标补差 of the
    month went through (→ its rows): the 补差 is other money, paid beside the benefit, and makes the month neither paid
    (F06 says it unpaid) nor an F05 少发. Two such months:

    - the benefit row failed (or came back) and was not paid again, the 补差 rows summing to less than what failed
      (held-out 336, an h322 leftover: August's 992 failed, its 低保提标补差 40 paid, was F05 高 "实发 40.00 元 … 少发
      992.00 元", the failure unsaid, and with the item 提标补差 F06 and F05 both asked 992); 补差 rows summing to the
      failed amount (within 1 元, as :func:`_usual_paid` matches) are the benefit paid again under a remark of 调整
      ('调整账户后重发'), not this;
    - no benefit row at all, paid or not, the 补差 less than the household is usually paid (held-out 349, an h336
      leftover: no August row but 提标补差 40, F05 高 "少发 992.00 元" beside F06 "应补发 1,032.00 元"; 低保提标补差, F05
      only)."""
    if "raise_only" in led.memo:
        return led.memo["raise_only"]
    out: dict[int, list[int]] = {}
    led.memo["raise_only"] = out
    ok, adjust, benefit, pair = led.array("ok"), led.array("adjust"), led.array("benefit"), led.memo["codes"]["pair"]
    if not adjust.any():
        return out
    ours = led.array("dated") & led.array("own_programme")
    cells = led.cols["amount"]

    def by_pair(rows) -> dict[int, list[int]]:
        grouped: dict[int, list[int]] = defaultdict(list)
        for r in rows:
            grouped[int(pair[r])].append(r)
        return grouped

    def summed(rows: list[int]) -> float:
        return sum(float(cells[r]) for r in rows)

    failed = np.flatnonzero(~ok & ours & benefit & ~adjust)
    if len(failed):
        paid = np.flatnonzero(ok & ours & (benefit | adjust) & np.isin(pair, np.unique(pair[failed])))  # (_paid_off's)
        again = set(pair[paid[~adjust[paid]]].tolist())  # paid again as the benefit
        raises = by_pair(r for r in paid[adjust[paid]].tolist() if pair[r] not in again)
        tried = by_pair(r for r in failed.tolist() if pair[r] in raises)
        out.update((p, rows) for p, rows in raises.items() if summed(rows) < _failed_due(led, tried[p]) - 1)
    raised = np.flatnonzero(ok & ours & adjust)
    raised = raised[~np.isin(pair[raised], pair[ours & benefit & ~adjust])]  # (a month with a benefit row of its own)
    if len(raised):
        usual, household = _usual_paid(led), led.household
        out.update((p, rows) for p, rows in by_pair(raised.tolist()).items()
                   if summed(rows) < usual.get(household[rows[0]], 0.0) - 1)
    return out


def _raise_only_months(led: Ledger) -> dict[tuple[str, str], list[int]]:
    """:func:`_raise_only_pairs` by (household, month)."""
    codes = led.memo["codes"]
    width = len(codes["m_values"]) + 1
    return {(codes["h_values"][p // width], codes["m_values"][p % width]): rows
            for p, rows in _raise_only_pairs(led).items()}


def _compared(paid: dict, unread: set) -> set[str]:
    """The households F05 looks at month by month: those with a month paid off their amounts (``paid``,
    :func:`_paid_off`) or paid only under an unread item (``unread``); another household's months are all within the
    tolerance, or unpaid (F06's), and say nothing."""
    return {h for h, _ in paid} | {h for h, _ in unread}


def _paid_throughout(ctx: Context, led: Ledger) -> np.ndarray:
    """Per ledger household (its code): paid the benefit (:func:`_paid_pairs`) for every month the ledgers cover of its
    programme (:func:`_covered_months`). F06 passes such a household unless a payment of it failed: the months it may
    be due are among those and its failed payments' months, so none of them is unpaid (a city's 80,000 households
    judged in bulk, not month by month). A household whose programme is missing is never passed."""
    paid, covered, prog_of = _paid_pairs(led), _covered_months(ctx, led), _programmes(ctx, led)
    values = led.memo["codes"]["h_values"].tolist()
    prog, progs = pd.factorize(np.array([prog_of.get(h, "") for h in values], dtype=object))
    due = np.zeros((len(progs) + 1, paid.width), dtype=bool)  # programme → the months covered (the last row: none)
    for k, p in enumerate(progs.tolist()):
        due[k, [paid.months[m] for m in covered.get(p, ())]] = True
    pairs = paid.numbers.astype(np.int64)
    household, month = pairs // paid.width, pairs % paid.width
    counted = due[prog[household], month]  # (a pair of a household whose programme is missing: the last row, none)
    got = np.bincount(household[counted], minlength=len(values))
    return (prog >= 0) & (got == due.sum(axis=1)[prog])


def _programmes(ctx: Context, led: Ledger) -> dict[str, str]:
    """Roster household → its programme (the last member's, as a dict of all members gives it)."""
    if "programmes" not in led.memo:
        led.memo["programmes"] = dict(zip(ctx.members["household"].tolist(), ctx.members["programme"].tolist()))
    return led.memo["programmes"]


def _paid_off(led: Ledger, expected: dict, months: list[str], tol: float) -> dict[tuple[str, str], list[int]]:
    """(household, month) → the successful benefit rows paid for it, for the months given, left out where the
    month's total is plainly within the tolerance of an approved amount (those are no F05 finding).

    Totals are summed in bulk with a margin of 1e-6 yuan; the pairs kept are judged again row by row.
    """
    mask = (led.array("ok") & (led.array("benefit") | led.array("adjust")) & led.array("own_programme")
            & led.frame["month"].isin(set(months)).to_numpy())
    sel = np.flatnonzero(mask)
    if not len(sel):
        return {}
    codes, pairs, totals = _pair_totals(led, sel)
    if len(deductions(led)) and (ded := deductions(led)[sel]).any():  # (what was due, where a deduction made on the payee's behalf explains 实发)
        totals = totals + np.bincount(codes, weights=ded, minlength=len(pairs))
    if corrected := _corrected_pairs(led):  # (the ledger's corrections of an over-payment, netted: a few pairs)
        at = pd.Index(pairs).get_indexer(np.fromiter(corrected, dtype=np.int64, count=len(corrected)))
        totals = totals.copy()
        totals[at[at >= 0]] -= np.fromiter(corrected.values(), dtype=float, count=len(corrected))[at >= 0]
    # a pair is suspect unless its total is within the tolerance of one of its household's approved alternatives
    alternatives, on_roster = _alternatives(led, expected)
    at = pairs // (len(led.memo["codes"]["m_values"]) + 1)
    tols = np.maximum(tol, np.bincount(codes, weights=led.array("amount_step")[sel] / 2, minlength=len(pairs)))
    near = np.abs(totals[:, None] - alternatives[at]) <= (tols - 1e-6)[:, None]  # NaN: never near
    suspect = on_roster[at] & ~near.any(axis=1)
    paid: dict[tuple[str, str], list[int]] = defaultdict(list)
    household, month_of_row = led.household, led.cols["month"]
    for r in sel[suspect[codes]].tolist():
        paid[(household[r], month_of_row[r])].append(r)
    return paid


def deductions(led: Ledger) -> np.ndarray:
    """Per row: the yuan a 扣款金额 column says was deducted from what was due on the payee's behalf (代扣医保, 扣回多发),
    where the row's 应发 less it is its 实发 to the fen; 0 elsewhere. F05 compares 应发 with the approved amount: a
    legitimate deduction is no under-payment (h476: 25 households 少发 30–120 元 by a 医保 deduction at 高). Empty when
    the ledger has no such column."""
    if "deductions" not in led.memo:
        led.memo["deductions"] = explained_deductions(led.frame)
    return led.memo["deductions"]


def _deducted_text(led: Ledger, r: int) -> str:
    """'，应发 688.00 元、扣款 60.00 元' for a row :func:`deductions` reads, else ''."""
    ded = float(deductions(led)[r]) if len(deductions(led)) else 0.0
    if not ded:
        return ""
    return f"，应发 {yuan(led.cols['amount'][r] + ded)}、扣款 {yuan(ded)}（按应发核对）"


def _with_other_apart(ctx: Context, led: Ledger, paid: dict[tuple[str, str], list[int]], expected: dict,
                      tol: float) -> dict[tuple[str, str], list[int]]:
    """``paid`` without the months paid more than approved under an item that says it includes other money
    ('特困供养金（含护理补贴）': how much of it is the benefit cannot be told), their households said partly unchecked;
    a month paid less is still compared (h466: F05 would be 多发 by the 护理补贴)."""
    p, items, amounts = led.params, led.cols["item"], led.cols["amount"]
    mixed = {i: benefit_with_other(i, p) for i in {items[r] for rows in paid.values() for r in rows}}
    apart = {key for key, rows in paid.items() if any(mixed[items[r]] for r in rows)
             and sum(amounts[r] for r in rows) > max(expected.get(key[0], (0.0, []))[0], *expected.get(key[0], (0.0, []))[1]) + tol}
    if not apart:
        return paid
    said = sorted({items[r] for key in apart for r in paid[key] if mixed[items[r]]})
    note(ctx, "F05", {h for h, _ in apart}, f"资金项目写明含其他资金（如“{said[0]}”），发放金额多于核定金额的部分分不清是否多发，"
         "这些月份未比对金额", "", led)
    return {key: rows for key, rows in paid.items() if key not in apart}


def _corrected_pairs(led: Ledger) -> dict[int, float]:
    """(household, month) pair number (``codes['pair']``) → the yuan the ledger's own corrections (冲正, 扣回 rows of
    that month, ``_money_recoveries._against_over_payments``) take off the month's over-payment."""
    pairs = led.memo.get("correction_pairs", {})
    return {pairs[key]: sum(take for _, take in rows) for key, rows in led.memo.get("corrections", {}).items()}


def _corrected_text(led: Ledger, rows: list[tuple[int, float]]) -> str:
    """'；抵减《…》第 29 行低保金（冲正） -100.00 元' for the corrections a month is compared net of, else ''."""
    from ._money_recoveries import _label

    return "".join(f"；抵减{led.where(r)}{_label(led, r)} {yuan(-take)}" for r, take in rows)


def _coarse_text(led: Ledger, rows: list[int], near: float, tol: float) -> str:
    """'；金额折算自万元等较大单位，每行只精确到 1 元，该月 4 行按误差 2 元容许' for a month whose rows (a sheet in 万元 to
    4 decimals) are exact to less than the tolerance allows for; without the last part when the tolerance covers them
    (the difference said may be up to half a yuan a row off: 730.50 written 0.0731); '' for rows exact to the fen."""
    steps = {float(s) for s in led.array("amount_step")[rows].tolist() if s}
    if not steps:
        return ""
    each = "、".join(f"{s:g}" for s in sorted(steps))
    return f"；金额折算自万元等较大单位，每行只精确到 {each} 元" + (f"，该月 {len(rows)} 行按误差 {near:g} 元容许" if near > tol else "")


def _alternatives(led: Ledger, expected: dict) -> tuple[np.ndarray, np.ndarray]:
    """Each ledger household's approved alternatives (``expected``'s, by the household codes), looked up once: a row
    per household, NaN where it has fewer (never near a total), and whether the household has any."""
    made = led.memo.get("alternatives")
    if made is None or made[0] is not expected:
        known = [expected.get(h) for h in led.memo["codes"]["h_values"].tolist()]
        widest = max((len(k[1]) for k in known if k is not None), default=0)
        alternatives = np.full((len(known), max(widest, 1)), np.nan)
        for k, approved in enumerate(known):
            if approved is not None:
                alternatives[k, : len(approved[1])] = approved[1]
        made = led.memo["alternatives"] = (expected, alternatives, np.array([k is not None for k in known], dtype=bool))
    return made[1], made[2]


def _rows(led: Ledger, mask) -> list[int]:
    """The rows (in order) where a mask holds and the month is known."""
    return np.flatnonzero(mask & led.array("dated")).tolist()


def _roster_pairs(led: Ledger) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (household, month) pairs of the dated benefit rows paid to roster households — paid, failed or
    returned — as household and month codes (``led.memo['codes']``); worked out once."""
    if "roster_pairs" not in led.memo:
        codes = led.memo["codes"]
        numbers, pairs = pair_numbers(codes, led.array("benefit") & led.array("dated") & led.of_households(led.covered))
        pairs = pairs[np.bincount(numbers, minlength=len(pairs)) > 0]
        width = len(codes["m_values"]) + 1
        led.memo["roster_pairs"] = pairs // width, pairs % width
    return led.memo["roster_pairs"]


def _covered_months(ctx: Context, led: Ledger) -> dict[str, set[str]]:
    """Programme → months the ledgers cover (at least half the programme's roster households have a row)."""
    if "covered_months" in led.memo:
        return led.memo["covered_months"]
    prog_of = _programmes(ctx, led)
    # residents of care homes never on the ledgers are paid in their home's lump (F06 leaves them out): not counted, or a
    # programme mostly in homes never covers a month and its few paid in person are never unpaid (h441: a 分散 person's
    # returned July, with 11 of 17 特困 persons in two homes)
    lumped = _cared_off_ledger(ctx, led)
    totals = defaultdict(int)
    for h in led.covered:
        if h not in lumped:
            totals[prog_of.get(h, "")] += 1
    codes = led.memo["codes"]
    household, month = _roster_pairs(led)
    width = len(codes["m_values"]) + 1
    # each (programme, month): how many households have such a pair, counted on codes (a programme missing: none)
    prog, progs = pd.factorize(np.array([prog_of.get(h, "") for h in codes["h_values"].tolist()], dtype=object))
    prog = prog[household]
    known = prog >= 0
    seen = np.bincount(prog[known].astype(np.int64) * width + month[known], minlength=len(progs) * width)
    out: dict[str, set[str]] = defaultdict(set)
    for k in np.flatnonzero(seen).tolist():
        p = progs[k // width]
        if totals[p] and seen[k] >= 0.5 * totals[p]:
            out[p].add(codes["m_values"][k % width])
    led.memo["covered_months"] = out
    return out


def _cared(ctx: Context, led: Ledger) -> set[str]:
    """The roster households cared for in an institution (集中供养, [F06] ``institution_modes``), worked out once."""
    if "cared" not in led.memo:
        led.memo["cared"] = (in_institution(ctx, ctx.specs["F06"].params.get("institution_modes", []))
                             if "F06" in ctx.specs else set())
    return led.memo["cared"]


def _cared_off_ledger(ctx: Context, led: Ledger) -> set[str]:
    """The roster households cared for in an institution (:func:`_cared`) with no ledger row of their own: paid through
    the home's lump."""
    if "cared_off_ledger" not in led.memo:
        cared = _cared(ctx, led)
        led.memo["cared_off_ledger"] = cared - set(led.memo["codes"]["h_values"].tolist()) if cared else set()
    return led.memo["cared_off_ledger"]


def _lump_months(ctx: Context, led: Ledger) -> set[tuple[str, str]]:
    """(household, month) of care-home residents (集中供养) paid in person some months, for the months a care home's lump
    was paid: her share may be in it (h441: moved from 分散 to 集中 in March, paid in person to February and in the
    home's lump after, was 应发未发 from March; a lump short of a dated admission is ``_money_care_homes``' F06)."""
    cared = _cared(ctx, led)
    if not cared:
        return set()
    care = care_home_rows(ctx, led)
    lumped = {led.cols["month"][r] for r in np.flatnonzero(care & led.array("ok") & led.array("benefit")).tolist()}
    if not lumped:
        return set()
    _lump_code(ctx, "F06")  # (the homes read: whose resident each is, and the homes whose lump sums residents' own rows)
    placed, itemised = led.memo.get("care_homes_placed", {}), led.memo.get("care_homes_itemised", set())
    # (a home whose lump only sums its residents' own rows — h433's 拨付汇总 — pays no one beside them)
    return {(h, m) for h in cared & set(led.covered) if placed.get(h) not in itemised for m in lumped}


def _towns_absent(ctx: Context, led: Ledger) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    """(programme, township, month) of the months the ledgers cover (:func:`_covered_months`) in which not one of a
    township's roster households of the programme has a benefit row, paid, failed or returned: the ledgers given hold no
    file of that township's for the month (a township paid by its own bank file or batch, that file left out), and its
    households are not said unpaid then (held-out 377's county_m: a year's book of three townships of five, the other
    two's 43 households F06 中 for every month). A township of fewer than [F06] blind_township_households households of
    the programme is judged household by household, as before. Also each roster household's township."""
    if "towns_absent" in led.memo:
        return led.memo["towns_absent"]
    least = int(ctx.specs["F06"].params.get("blind_township_households", 3))
    covered = _covered_months(ctx, led)
    town_of: dict[str, str] = {}
    absent: set[tuple[str, str, str]] = set()
    if "township" in ctx.members.columns and covered:
        towns, prog_of = ctx.members["township"].tolist(), _programmes(ctx, led)
        town_of = {h: str(towns[ms[0]] or "") for h, ms in led.covered.items() if ms}
        sizes = Counter((prog_of.get(h, ""), t) for h, t in town_of.items())
        codes = led.memo["codes"]
        months = codes["m_values"].tolist()
        # (programme, township) of each household code, then the distinct (that, month) of the pairs, on codes
        households = codes["h_values"].tolist()
        prog, progs = pd.factorize(object_array([prog_of.get(h, "") for h in households]))
        town, towns = pd.factorize(object_array([town_of.get(h, "") for h in households]))
        household, month = _roster_pairs(led)
        dated = month < len(months)
        width = len(months) + 1
        place = (prog.astype(np.int64) * len(towns) + town)[household[dated]]
        seen = {(progs[k // width // len(towns)], towns[k // width % len(towns)], months[k % width])
                for k in np.unique(place * width + month[dated]).tolist()}
        absent = {(prog, town, m) for (prog, town), n in sizes.items() if n >= least
                  for m in covered.get(prog, ()) if (prog, town, m) not in seen}
    led.memo["towns_absent"] = absent, town_of
    return absent, town_of


@rule("F05")
def check_f05(ctx: Context) -> list[Finding]:
    """The monthly benefit paid differs from the roster's approved amount beyond the tolerance."""
    led = ledger(ctx)
    tol = float(ctx.specs["F05"].params["tolerance"])
    from .f_stop import _stopped

    _stopped(ctx)
    dup_months = _duplicates(ctx)[1]
    expected = household_amounts(ctx, led)
    period = roster_months(ctx, led)
    starts = _approved_months(ctx, led, amount=True)
    changed = {h for h, fld in led.memo["approved:True:by"].items() if fld == "changed"}
    review_month = month_of(ctx.as_of)
    ledger_months = sorted(m for m in led.memo["codes"]["m_values"].tolist() if m and m <= review_month)
    paid = _paid_off(led, expected, sorted(set(period) | ({m for m in ledger_months if m >= min(starts.values())} if starts else set())), tol)
    paid = _with_other_apart(ctx, led, paid, expected, tol)
    covered = _covered_months(ctx, led)
    prog_of = _programmes(ctx, led)
    paid_pairs = _paid_pairs(led)
    adjust = led.array("adjust")
    raises = programme_raises(ctx, led)
    unread, unchecked = unread_pairs(led, paid_pairs), set()  # (households with such a month are said partly unchecked)
    before_raise: dict[tuple[str, str], set[str]] = {}  # (programme, the month of its raise) → households compared after it
    unpaid = _unpaid_raise(ctx, led, expected, paid, starts, period, ledger_months, tol)
    raise_only = _raise_only_months(led)  # months whose benefit failed, their 提标补差 paid: F06's
    placed: set[str] = set()  # households a 提标补差 of no month of its own made up earlier months of
    corrections = led.memo.get("corrections", {})  # (household, month) → its corrections (冲正, 扣回) netted
    steps = led.array("amount_step")
    deducted = deductions(led)
    asked = _compared(paid, unread)
    spread = "parts" in led.frame.columns
    monthly = _monthly_lumps(ctx, led, expected, tol) if spread else set()  # (quarter columns of monthly amounts)
    generic = generic_rows(led)
    times_bound = implausible_times(ctx)
    odd_households: set[str] = set()  # (households with a month paid implausibly more than approved: said, 低)
    recounted: set[str] = set()  # (households paid for another 保障人数 before a step: those months not compared, said)
    out = []
    for h, (amount, alternatives) in expected.items():
        if h not in asked:
            continue
        months, lines, over, under, rows_seen, totals, fine, over_rows = [], [], 0.0, 0.0, [], [], [], []
        odd: list[tuple[str, float, list[int]]] = []  # months paid implausibly much: a typing error, never money owed
        raised_over = False  # a raise paid back (提标补发) lifting a month above the amount now in force
        column = led.memo["amount_label"].get(h, "")  # the roster column compared, where its roster gives two
        # The roster's amount applies from its approval (change) date when the roster has one, else to its quarter; not
        # before a raise its whole programme got at once (the roster says today's amount only)
        raised = raises.get(prog_of.get(h, ""))
        compared = [m for m in ledger_months if m >= starts[h]] if h in starts else period
        if h in unpaid and raised is None:  # a raise the roster has and the months before its quarter were not paid
            before_raise.setdefault((prog_of.get(h, ""), period[0]), set()).add(h)
            compared = [m for m in compared if m >= period[0]]
        cut = raised is not None and bool(compared) and compared[0] < raised[0]
        if cut:  # (said in 核查范围 for every such household, not only in the findings there are: held-out 264)
            before_raise.setdefault((prog_of.get(h, ""), raised[0]), set()).add(h)
        slots, every = [], []  # (month, its rows) to compare; and of every month paid off the amount
        for month in ([m for m in compared if m >= raised[0]] if cut else compared):
            rows = paid.get((h, month), [])
            if rows:
                every.append((month, rows))
            if not rows or month not in covered.get(prog_of.get(h, ""), set()) or (h, month) in raise_only:
                if not rows and (h, month) in paid_pairs:
                    fine.append(month)  # paid, within the tolerance of the roster's amount
                elif not rows and (h, month) in unread:
                    unchecked.add(h)  # paid only under an item no word or code reads: not compared
                continue  # (a 提标补差 of a month whose benefit failed may still make up months before: every)
            if monthly and any(_column_of(led, r) in monthly for r in rows):
                continue  # (a column whose cells are each household's monthly amount, not the quarter's sum: said)
            if (h, month) not in dup_months and (h, month) not in led.claimed:
                slots.append((month, rows))  # (else explained by F01–F04: a member gone that month, theirs to judge)
        fixes = {month: corrections.get((h, month), []) for month, _ in every}  # (the month's corrections netted)
        netted = {month: -sum(take for _, take in rows) for month, rows in fixes.items() if rows}
        credit, moved = _placed_back_pay(led, every, slots, amount, tol, bool(compared) and compared[0] > ledger_months[0],
                                         netted)
        for month, rows in slots:
            exact = (float(sum(led.cols["amount"][r] for r in rows)) + credit.get(month, 0.0) + netted.get(month, 0.0)
                     + (float(deducted[rows].sum()) if len(deducted) else 0.0))
            total = round(exact, 2)
            near = max(tol, float(steps[rows].sum()) / 2)  # (rows in 万元 exact to the yuan: each may be half a yuan off)
            if amount > 0 and (total > times_bound * max(amount, *alternatives, 0.0) or total < -tol):
                # (a month whose payments net below zero — a lone 冲正 or a sign typed: h464, -516 was "少发 1,032.00 元",
                # 应补发 at 高 — is no amount paid either: a lead to check, no money)
                # a month paid many times the approved amount (held-out h459: '450万元', 65000 typed for 650): a typing
                # error in the ledger far likelier than money paid, never an amount to recover; a lead to check
                odd.append((month, total, rows))
                continue
            if (any(abs(total - a) <= near for a in alternatives)
                    or any(abs(total - a) <= near for a in _without_the_gone(ctx, led, h, month, amount))):
                fine.append(month)
                continue
            totals.append(total)
            diff = total - amount
            if spread and any(led.cols.cell("parts", r) > 1 for r in rows):
                diff = exact - amount  # (a lump's thirds unrounded: 4 × 1,340 over three months is 1,340.00 over, not 1,340.01)
            over += max(diff, 0.0)
            under += max(-diff, 0.0)
            if diff > tol:
                over_rows += rows
            raised_over |= diff > 0 and bool(adjust[rows].any())
            months.append(month)
            rows_seen += rows
            lines.append(f"{month} {'应发' if len(deducted) and deducted[rows].any() else '实发'} {yuan(total)}（" + "、".join(f"{led.item(r)} {yuan(led.cols['amount'][r])}{_deducted_text(led, r)}，{led.where(r)}"
                                                               for r in rows) + _credit_text(credit.get(month, 0.0))
                         + _corrected_text(led, fixes[month]) + _coarse_text(led, rows, near, tol)
                         + f"），核定 {column + ' ' if column else ''}{yuan(amount)}，"
                         + (f"多发 {yuan(diff)}" if diff > 0 else f"少发 {yuan(-diff)}"))
        if moved:
            placed.add(h)
        lumps = _lumps(led, rows_seen) if months else {}
        short_before = 0.0  # what lumps over the approval date pay short of its months from that date (h383)
        if lumps and h in starts and any(ms[0] < starts[h] for ms, _ in lumps.values()):
            short_before = sum(max(amount * sum(m >= starts[h] for m in ms) - float(led.cols["amount"][r]) * len(ms), 0.0)
                               for ms, r in lumps.values() if ms[0] < starts[h])
            # a quarter's lump over the approval (change) date: its months before that date were paid another amount
            # or none, so its equal parts are no month's amount (h377: a change from 405 to 505 on 08-01, 405 + 505 +
            # 505 paid for 7-9月, was 66.66 少发 at 高); the months after are compared as one sum, not as thirds
            months, lines, over, under, rows_seen, totals = _lumps_apart(led, lumps, starts[h], amount, tol, months, lines,
                                                                         totals, rows_seen)
        if odd:
            odd_households.add(h)
            odd_text = _implausible_text(led, odd, amount, column, times_bound)
        if not months:
            if odd:
                rows = [r for _, _, rs in odd for r in rs]
                out.append(finding(ctx, led, "F05", rows[0], _head(ctx, led, h, rows[0]),
                                   f"发放金额与花名册核定金额（{column or '月保障金/供养标准'} {yuan(amount)}）相差悬殊：{odd_text}",
                                   LOW, link_text(led, rows), [m for m, _, _ in odd], None, None,
                                   (("household", h), ("approved", f"{amount:.2f}"))))
            continue
        head = _head(ctx, led, h, rows_seen[0])
        conf = weakest(HIGH if not moved else MEDIUM, *(led.conf[r] for r in rows_seen))
        times, twice = _lump_times(led, lumps, amount, tol) if lumps else ("", False)
        if odd:  # (h471: read before it was set, an UnboundLocalError — exit 70 — for a household with months of both)
            times = odd_text + times
        if twice:  # a quarter's lump of more months' amount than it pays: a month paid twice, or another month's back pay
            conf = weakest(conf, MEDIUM)
        unmonthed = bool(lumps) and over > tol and any(_unmonthed_back_pay(led, [r]) for _, r in lumps.values())
        if unmonthed:
            # a 补发 lump naming no month: perhaps a month before the ledgers' (h377's 补发2025年12月), at most 中
            conf = weakest(conf, MEDIUM)
            times += "其中有备注为补发但未写补发哪个月的发放，如为所给发放明细以前月份的补发，则不属多发，请核实。"
        if over_rows and generic[over_rows].all():
            # paid more under the department's word alone (民政资金): perhaps the benefit with a subsidy in one transfer
            conf = weakest(conf, MEDIUM)
            times += ("多发月份的资金项目只写了“" + "、".join(sorted({led.item(r) for r in over_rows}))
                      + "”，未写明是保障金，多发部分可能是同笔发放的物价补贴等其他资金，请核实。")
        what = "、".join(x for x in (f"应追回 {yuan(over)}" if over else "", f"应补发 {yuan(under)}" if under else "") if x)
        # One amount paid every month up to a month from which the roster's is paid every month: the amount approved
        # before a change the roster dates nowhere (a standard raise, an annual review, a member added; held-out 194:
        # 455 households' October–December 少发 at 高 before a January 提标) — a lead to check, not money owed.
        # (an approval dated inside the ledgers' months dates the amount itself: a step after it is a real 少发)
        # A raise paid back on top never explains more than the raised standard now in force (held-out 200: 444 元
        # 提标补发 for January–June to 朱永福, paid the new standard in those months already, was such a lead).
        levels = _levels(totals, tol)
        # (of more than one payment: a quarter's lump is one, its months' equal parts no amount paid month after month)
        step = (not raised_over and h not in changed and (h not in starts or starts[h] <= ledger_months[0]) and len(fine) >= 2
                and max(months) < min(fine) and levels is not None and len({_payment(led, r) for r in rows_seen}) > 1)
        # … unless that amount is the one before the raise its whole programme got from a month before these: the raise
        # reached the household late, money owed, 中 (held-out 288: 曹满仓 paid 900 July–September, 990 from October,
        # the 低保 raise of 30 a person from July, a 低 lead)
        late = (step and cut and min(months) >= raised[0] and raised[3] > 0 and len(levels) == 1
                and abs(levels[0] - (amount - raised[3] * _persons(led, h))) <= tol)
        if late:
            step, conf = False, weakest(conf, MEDIUM)
            what += (f"（该类保障对象自 {raised[0]} 起统一提高标准，每人每月 {yuan(raised[3])}；该户 {months_text(months)}"
                     f"仍按提标前的 {yuan(levels[0])} 发放，{min(fine)} 起按核定金额发放）")
        # (or what a lump over the approval date paid short of its months since, made up by a 补发 naming no month:
        # approved 05-20, 4-6月 one month's amount, 补发 beside 7-9月; h383)
        if not step and lumps and (_made_up_later(months, totals, amount, tol)
                                   or (unmonthed and not under and abs(over - short_before) <= tol)):
            # a quarter's lump short by what a later payment pays over (一季度 two months' amount, 二季度 four, 备注
            # 含3月补发; h377): the months together paid as approved — the back pay of the month left out, a lead
            step, what = True, ""
            conf = LOW
            times += (f"{months[0]}至{months[-1]}合计实发与核定金额一致（前面少发、后面多发相同金额），可能是后一次发放补发了"
                      "前面少发的月份，请核实。")
        elif step and _recounted(led, h, months, fine):
            # the months before the step paid for the 保障人数 the ledger writes beside them, another than the roster's
            # now, and the months since for the roster's: the amount approved before a member left or joined, not the
            # roster's (h477: a member's death, the household paid for two from the next month, was an F05 低 lead)
            recounted.add(h)
            continue
        elif step:  # (its amounts said, not added to the money to recover or repay)
            conf, what = LOW, (f"如确属{'多发' if over else '少发'}，{what}（{min(fine)} 起每月实发与核定金额一致，此前各月为 "
                               f"{'、'.join(yuan(v) for v in levels)}：可能是调标、年度复核或增减员前的核定金额，花名册未写变更日期，"
                               "请核实）")
        # the months compared: from the approval (change) date, else the roster's quarter (held-out 135: a clerk saw
        # October–February paid less and wondered why they were not listed)
        day = led.memo["approved:True:day"].get(h)
        since = (f"变更日期 {day:%Y-%m-%d}，按{led.params.get('stop_rule', STOP_NEXT)}调整自 {starts[h]} 起核对"
                 if h in changed and month_of(day) != starts[h]
                 else f"自{'变更' if h in changed else '批准'}月份 {starts[h]} 起核对" if h in starts
                 else f"核对花名册所属期 {period[0]}" + (f"至{period[-1]}" if len(period) > 1 else ""))
        if cut:
            since += (f"；{raised[0]} 以前的月份不比对：该类保障对象有发放记录的 {raised[2]} 户中 {raised[1]} 户自 {raised[0]} 起"
                      "发放金额调整为花名册现核定金额，视为该月统一提高标准，此前按当时的标准发放")
        evidence = (f"发放金额与花名册核定金额（{column or '月保障金/供养标准'} {yuan(amount)}，{since}，误差容许 {tol:g} 元）不符："
                    f"{'；'.join(lines)}。" + (f"{_PLACED}，请核实。" if moved else "") + times +
                    f"{what}（物价补贴、护理补贴、一次性补贴等其他资金不计入）")
        facts = (("household", h), ("approved", f"{amount:.2f}"))
        out.append(finding(ctx, led, "F05", rows_seen[0], head, evidence, conf, link_text(led, rows_seen), months,
                           None if step else over or None, None if step else under or None, facts))
    say_unread(ctx, led, "F05", unchecked)
    note(ctx, "F05", recounted, "发放明细写明的保障人数与花名册现保障人口不同的月份（增减员前按当时人数发放），未与花名册现核定金额比对",
         "（这些月份以后按花名册保障人口和核定金额发放）", led)
    note(ctx, "F05", placed, _PLACED, "", led)
    note(ctx, "F05", odd_households, f"发放金额超过核定金额 {times_bound:g} 倍的月份，疑为录入错误（多打了零、单位写错等），未计入多发金额",
         "（已列为低置信度线索，请核对原始发放记录）", led)
    for (prog, month), households in sorted(before_raise.items()):
        note(ctx, "F05", households, f"{prog or '该类'}保障对象自 {month} 起统一提高标准，花名册的核定金额是提标后的",
             f"{month} 以前的月份未与核定金额比对", led)
    # a household the roster gives no approved amount of (blank, a formula without its value, words), paid for a month
    # compared: nothing to compare it with, said (held-out 245), never an amount made up
    amounts_not_given(ctx, led, "F05", {
        h for h in led.covered if h not in expected
        and any((h, m) in paid_pairs and m in covered.get(prog_of.get(h, ""), ())
                for m in ([m for m in ledger_months if m >= starts[h]] if h in starts else period))})
    return out


def implausible_times(ctx: Context) -> float:
    """How many times the approved monthly amount a month's payment may be before it is taken for a typing error
    (``[F05] implausible_times``)."""
    spec = ctx.specs.get("F05")
    return float(spec.params.get("implausible_times", 8)) if spec is not None else 8.0


def _implausible_text(led: Ledger, odd: list[tuple[str, float, list[int]]], amount: float, column: str,
                      bound: float) -> str:
    """The evidence of months paid implausibly more than the approved amount (more than ``bound`` times it).

    Args:
        led: the ledger.
        odd: (month, its total, its rows) of each such month.
        amount: the approved monthly amount.
        column: the roster column it comes from ('' for the usual).
        bound: the times of the approved amount above which a month's total is taken for a typing error.
    Returns:
        The text: each month's total and rows, why it is not counted, what to check.
    """
    said = "；".join(f"{m} 实发 {yuan(total)}（" + "、".join(f"{led.item(r)} {yuan(led.cols['amount'][r])}，{led.where(r)}"
                                                          for r in rows) + "）"
                    + (f"，是核定 {column + ' ' if column else ''}{yuan(amount)} 的 {total / amount:,.0f} 倍" if total > 0
                       else "，合计为负数（只有冲正、退回或金额符号写错）") for m, total, rows in odd)
    why = []
    if any(total > 0 for _, total, _ in odd):
        why.append(f"超过核定金额 {bound:g} 倍，疑为发放明细录入错误（多打了零、单位写错等），不计入多发金额")
    if any(total <= 0 for _, total, _ in odd):
        why.append("合计为负数的月份不是发放的金额，不计入少发金额")
    return f"{said}。{'；'.join(why)}；请核对原始发放记录或银行回单上的实际金额。"


def _column_of(led: Ledger, r: int) -> tuple:
    """The ledger column a row's amount was read from: its file, sheet and column."""
    return tuple(led.cols.cell(f, r) for f in ("_file", "_sheet", "_col"))


def monthly_cells(ctx: Context, led: Ledger) -> None:
    """Make each month of a column of quarters ('一季度', '1-3月') whose cells are the households' approved monthly
    amounts (:func:`_monthly_columns`) paid the cell, not a third of it: what F01–F03 recover from such a month is the
    month's amount (h383: a third of the truth). F05 leaves their months alone (said). Done once, on the linked ledger,
    before the events; ``led.memo['monthly_lumps']`` → (the columns, the households paid in them)."""
    if "monthly_lumps" in led.memo:
        return
    led.memo["monthly_lumps"] = set(), set()
    if "parts" not in led.frame.columns or "F05" not in ctx.specs:
        return
    expected = household_amounts(ctx, led)
    columns, households = _monthly_columns(ctx, led, expected, amount_tolerance(ctx))
    led.memo["monthly_lumps"] = columns, households
    if not columns:
        return
    f = led.frame
    keys = pd.MultiIndex.from_arrays([np.asarray(f[c], dtype=object) for c in ("_file", "_sheet", "_col")])
    rows = np.flatnonzero(keys.isin(list(columns)) & (np.asarray(f["parts"]) > 1))
    amount = f["amount"].to_numpy(dtype=float, na_value=np.nan, copy=True)
    amount[rows] = amount[rows] * np.asarray(f["parts"])[rows]
    parts = np.asarray(f["parts"]).copy()
    parts[rows] = 1
    f["amount"], f["parts"] = amount, parts
    for name in ("amount", "parts"):
        led.cols.pop(name, None)
        led.cols.coded.pop(name, None)
    led.memo.pop("amounts", None)  # (the usual monthly payment a roster's amounts were chosen by: read again)


def short_lumps(ctx: Context, led: Ledger) -> None:
    """A payment of several months at once (a quarter's cell, a half-year's) of the household's approved amount times
    the months of it the household was still owed — two at least, fewer than the span's, the others ruled out by its
    members' events (all dead, gone or exited: :func:`_still_enrolled`) — pays those months in full, not each
    month of the span a part (held-out 396: a 特困 person dead on 05-31 whose second quarter paid April and May was
    F01 高 for a third of June and F05 高 少发 for April–May). The months not owed are then neither paid nor the benefit.
    Any other short lump is left to F05 as before (a 少发: which month went unpaid cannot be told). Run with the events
    attached (:func:`_money.ledger`), each time they are: a payment already read so is not read again."""
    if "parts" not in led.frame.columns or "F05" not in ctx.specs or not led.events_member:
        return
    parts = np.asarray(led.frame["parts"]).astype(np.int64)
    at = np.flatnonzero((parts > 2) & led.array("ok") & led.array("benefit"))
    if not len(at):
        return
    expected = household_amounts(ctx, led)
    households = led.array("household")[at]
    approved = pd.Series(households).map({h: a for h, (a, _) in expected.items()}).to_numpy(dtype=float)
    lumps = led.frame["amount"].to_numpy(dtype=float)[at] * parts[at]
    with np.errstate(invalid="ignore", divide="ignore"):
        times = np.rint(lumps / approved)
    short = (approved > 0) & (times >= 2) & (times < parts[at]) & (np.abs(lumps - times * approved) <= amount_tolerance(ctx))
    if not short.any():
        return
    payments: dict[tuple, list[int]] = defaultdict(list)
    for r in at[short].tolist():
        payments[_payment(led, r)].append(r)
    apart: list[int] = []
    amount, kept_parts = led.frame["amount"].to_numpy(dtype=float, copy=True), parts.copy()
    for rows in payments.values():
        k, h = int(parts[rows[0]]), led.household[rows[0]]
        if len(rows) != k or h not in led.covered:
            continue
        months = [led.cols["month"][r] or "" for r in rows]
        owed = [r for r, m in zip(rows, months) if _still_enrolled(led, led.covered[h], m, led.programme[r])]
        j = int(round(amount[rows[0]] * k / expected[h][0]))
        if len(owed) != j:
            continue
        amount[owed], kept_parts[owed] = amount[rows[0]] * k / j, j
        apart += [r for r in rows if r not in owed]
    if not apart:
        return
    f = led.frame
    f["amount"], f["parts"] = amount, kept_parts.astype(np.asarray(f["parts"]).dtype)
    for name in ("amount", "parts"):
        led.cols.pop(name, None)
        led.cols.coded.pop(name, None)
    led.not_paid(apart)
    led.memo.pop("amounts", None)


def _monthly_lumps(ctx: Context, led: Ledger, expected: dict, tol: float) -> set[tuple]:
    """The columns of monthly amounts :func:`monthly_cells` found, said: their months are not compared."""
    if "monthly_lumps" not in led.memo:
        monthly_cells(ctx, led)
    out, households = led.memo["monthly_lumps"]
    if out:
        files: dict[str, list[str]] = defaultdict(list)
        for file, sheet, col in sorted(out):  # (a long sheet's 所属期 spans have no column of their own: its sheet)
            files[file_name(file)].append(
                f"“{col}”列" if col else f"工作表“{sheet}”" if sheet else "")
        note(ctx, "F05", households,
             "；".join(f"《{file}》{'、'.join(c for c in where if c)}" for file, where in files.items())
             + "中几个月一次发放的金额多数与各户月保障金相同，像是每月金额而不是几个月的合计，这些月份的发放金额未与核定金额比对",
             "（如确为几个月的合计，这些户少发了）", led)
    return out


def _monthly_columns(ctx: Context, led: Ledger, expected: dict, tol: float) -> tuple[set[tuple], set]:
    """The columns of quarters ('一季度', '1-3月') whose cells are the households' approved monthly amounts, not the
    quarter's sum: [F05] raise_share of the households paid in the column and raise_min_households at least (h377: a
    book giving each quarter's monthly amount read as lumps was 61 F05 少发 at 高); and the households paid in them.
    A lump of one month's amount for a few households is still a 少发."""
    parts = np.asarray(led.frame["parts"])
    at = np.flatnonzero((parts > 1) & led.array("ok") & led.array("benefit"))
    if not len(at):
        return set(), set()
    households = led.array("household")[at]
    approved = pd.Series(households).map({h: a for h, (a, _) in expected.items()}).to_numpy(dtype=float)
    lumps = led.frame["amount"].to_numpy(dtype=float)[at] * parts[at]
    keys = pd.MultiIndex.from_arrays([np.asarray(led.frame[c], dtype=object)[at] for c in ("_file", "_sheet", "_col")])
    frame = pd.DataFrame({"h": households, "one": np.abs(lumps - approved) <= tol, "known": ~np.isnan(approved)},
                         index=keys)
    frame = frame[frame["known"]].reset_index().drop_duplicates(["level_0", "level_1", "level_2", "h"])
    params = ctx.specs["F05"].params
    out = set()
    for key, group in frame.groupby(["level_0", "level_1", "level_2"], sort=False):
        if _programme_wide(int(group["one"].sum()), len(group), params):
            out.add(tuple(key))
    if not out:
        return out, set()
    return out, set(frame.loc[frame[["level_0", "level_1", "level_2"]].apply(tuple, axis=1).isin(out), "h"])


def _payment(led: Ledger, r: int) -> tuple:
    """The payment a row is part of: its file, sheet, row and column (a row paying several months is spread over
    adjacent rows, one per month, all of one payment)."""
    return tuple(led.cols.cell(f, r) for f in ("_file", "_sheet", "_row", "_col"))


def _lumps(led: Ledger, rows: list[int]) -> dict[tuple, tuple[list[str], int]]:
    """The payments of several months at once among ``rows`` (a quarter's lump): payment → (the months it pays, one of
    its rows), found
    among the rows next to each (:func:`io.ledgers._spread` puts a row's months side by side)."""
    if "parts" not in led.frame.columns:
        return {}
    out: dict[tuple, list[str]] = {}
    n = len(led.frame)
    for r in rows:
        parts = int(led.cols.cell("parts", r))
        if parts <= 1 or (key := _payment(led, r)) in out:
            continue
        near = [i for i in range(max(0, r - parts + 1), min(n, r + parts)) if _payment(led, i) == key]
        out[key] = (sorted({str(led.cols.cell("month", i)) for i in near}), r)
    return out


def _lumps_apart(led: Ledger, lumps: dict, start: str, amount: float, tol: float, months: list, lines: list, totals: list,
                 rows_seen: list) -> tuple:
    """Leave out of an F05 finding the months of lumps paying months before ``start`` too: such a lump's sum is for
    its months from ``start`` at the approved amount plus the months before at an amount the roster does not give.
    Returns the finding's months, lines, over, under, rows and totals without them (over and under recounted)."""
    straddling = {m for ms, _ in lumps.values() if ms[0] < start for m in ms}
    keep = [k for k, m in enumerate(months) if m not in straddling]
    months, lines, totals = [months[k] for k in keep], [lines[k] for k in keep], [totals[k] for k in keep]
    rows_seen = [r for r in rows_seen if str(led.cols.cell("month", r)) not in straddling]
    over = sum(max(t - amount, 0.0) for t in totals)
    under = sum(max(amount - t, 0.0) for t in totals)
    return months, lines, over, under, rows_seen, totals


def _made_up_later(months: list[str], totals: list[float], amount: float, tol: float) -> bool:
    """Whether the months' shortfalls are paid over later, to the yuan: the running difference from the approved
    amount never above the tolerance and back within it at the end (an earlier month's back pay in a later lump)."""
    running = 0.0
    for _month, total in sorted(zip(months, totals)):
        running += total - amount
        if running > tol:
            return False
    return abs(running) <= tol and any(t < amount - tol for t in totals)


def _lump_short(ctx: Context, led: Ledger, rows: list[int]) -> bool:
    """Whether a payee's rows of one month are a quarter's lump short by whole months and the month's back pay beside
    it (2 × the amount for 4-6月, 补发6月 paid later): the lump paid the other months, no duplicate of this one."""
    h = led.household[rows[0]]
    approved = household_amounts(ctx, led).get(h)
    if approved is None or "parts" not in led.frame.columns:
        return False
    tol = float(ctx.specs["F05"].params["tolerance"])
    whole = max(approved[1]) / (1 if led.household_row[rows[0]] else max(len(led.covered.get(h, ())), 1))
    lumps = _lumps(led, rows)
    if len(lumps) != 1 or whole <= 0:
        return False
    (ms, r), = lumps.values()
    total = float(led.cols["amount"][r]) * len(ms)
    paid_months = round(total / whole)
    others = sum(float(led.cols["amount"][o]) for o in rows if int(led.cols.cell("parts", o)) <= 1)
    return (0 < paid_months < len(ms) and abs(total - paid_months * whole) <= tol
            and others <= (len(ms) - paid_months) * whole + tol and others > tol)


def _lump_times(led: Ledger, lumps: dict, amount: float, tol: float) -> tuple[str, bool]:
    """Say the lumps whose sum is a whole number of months' approved amount other than the months they pay (4 × the
    amount for a quarter): a month paid twice, or another month's back pay the row does not name.

    Returns:
        (the text, whether a lump pays more months' amount than its months: unsure whose months, at most 中).
    """
    said, twice = [], False
    for ms, r in lumps.values():
        whole = float(led.cols.cell("amount", r)) * len(ms)
        k = round(whole / amount) if amount > 0 else 0
        if k and k != len(ms) and abs(whole - k * amount) <= tol:
            twice |= k > len(ms)
            said.append(f"{ms[0]}至{ms[-1]}一次发放 {yuan(whole)}，为核定金额的 {k} 倍（{len(ms)} 个月应发 {yuan(amount * len(ms))}），"
                        f"相当于{'多发' if k > len(ms) else '少发'} {abs(k - len(ms))} 个月："
                        + ("可能是某月重复发放，也可能含其他月份的补发，请核实" if k > len(ms) else
                           "可能有月份未发，或该月份另行补发，请核实"))
    return "".join(f"{x}。" for x in said), twice


def _without_the_gone(ctx: Context, led: Ledger, household: str, month: str, amount: float) -> list[float]:
    """The household's amount for a month some of its members' events rule out (a death, custody, an exit) while others
    remain: without their own amounts (个人月补助金额) where the roster gives them, else their shares of it; [] for none.
    A payment so cut is no 少发 (held-out 277: a member's own rows stopping the month after his death was F05 高 补发
    380 a month: the roster still listed him)."""
    members = led.covered.get(household, [])
    prog = _programmes(ctx, led).get(household, "")
    gone = [j for j in members if _ruled_out(led, j, month, prog)]
    if not gone or len(gone) == len(members):
        return []
    out = [amount * (len(members) - len(gone)) / len(members)]
    own = [ctx.members.at[j, "benefit_own"] for j in gone] if "benefit_own" in ctx.members.columns else []
    if own and all(isinstance(a, float) and a == a and a > 0 for a in own):
        out.append(amount - sum(own))
    return out


_PLACED = ("发放明细中的提标补差未写所属月份（或所写月份的保障金已足额发放），按补发该户以前月份的差额计"
           "（先补足比对期内此前少发的月份）")


def _placed_back_pay(led: Ledger, every: list[tuple[str, list[int]]], slots: list[tuple[str, list[int]]],
                     amount: float, tol: float, earlier: bool = False,
                     netted: dict[str, float] | None = None) -> tuple[dict[str, float], bool]:
    """A 提标补差 row of no month of its own (``unplaced``: its month is its sheet's or payment date's), or one of its
    own month whose benefit is paid in full without it, paying a month above the roster's amount makes up the months
    before it paid below (held-out 264: the July and August raise, 40 元 each, paid in September's sheet with 所属期
    blank, was F05 高 少发 80 and 多发 80 for 57 households; 290: the same with 所属期 2025-09).

    Args:
        led: the ledger.
        every: (month, its rows) of every month paid off the roster's amount, in order (the moved rows' months: one
            F01–F04 explain may still make up an earlier one).
        slots: those compared (made up), in order.
        amount: the roster's amount.
        tol: the tolerance.
        earlier: the ledgers pay months before those compared: what no compared month takes may be theirs, and is
            taken out of its month (held-out 279: a change dated in July, August compared, July's raise paid in
            August with 所属月份 blank was F05 高 多发 60) — not a row's part of a span of months its own cell or words
            name (补差期间 2026年7月-9月, 补发7-9月): those months are its, none before them (held-out 336, an h322
            leftover: 1,350 元 of 提标补差 for July–September paid in October to a household paid the full amount
            those months was taken out month by month whenever the ledgers also paid June, no F05 at all).
        netted: month → the ledger's corrections of it (negative), part of its total.
    Returns:
        (month → the sum added to (made up) or taken from (moved) its total, whether any was moved).
    """
    unplaced, adjust, cells = led.array("unplaced"), led.array("adjust"), led.cols["amount"]
    parts = led.cols["parts"] if "parts" in led.frame.columns else None
    credit: dict[str, float] = defaultdict(float)
    if not any(adjust[rows].any() for _, rows in every):
        return credit, False
    totals = {month: float(sum(cells[r] for r in rows)) + (netted or {}).get(month, 0.0) for month, rows in every}
    compared = {month for month, _ in slots}
    for month, rows in every:  # (a month not compared, a member gone in it: all its 补差 may be for months before)
        loose = sum(float(cells[r]) for r in rows if unplaced[r])
        # a 提标补差 whose month is its own, in a month its benefit already pays in full: a system stamps the batch's
        # month on the raise it pays back (held-out 290: 所属期 2025-09 beside September's new amount, 16 F05 高 少发 50
        # 50 and 多发 100)
        own = sum(float(cells[r]) for r in rows if adjust[r] and not unplaced[r])
        spanned = 0.0  # (of it, the parts of rows naming several months: never for months before those)
        if own and month in compared and totals[month] - own >= amount - tol:
            loose += own
            spanned = sum(float(cells[r]) for r in rows
                          if adjust[r] and not unplaced[r] and parts is not None and parts[r] > 1)
        movable = min(totals[month] - amount if month in compared else np.inf, loose)
        for before, _ in slots:
            short = amount - totals[before] - credit[before]
            if before >= month or movable <= tol or short <= tol:
                continue
            take = min(short, movable)
            credit[before] += take
            credit[month] -= take
            movable -= take
        if earlier and month in compared and (movable := min(movable, loose - spanned)) > tol:
            credit[month] -= movable
    return credit, any(abs(v) > 1e-6 for v in credit.values())


def _credit_text(credit: float) -> str:
    """'；含…抵补 X 元' or '；其中 X 元…' for a month a 提标补差 of no month made up or was moved from, else ''."""
    if credit > 1e-6:
        return f"；含以后月份的提标补差抵补 {yuan(credit)}"
    if credit < -1e-6:
        return f"；其中提标补差 {yuan(-credit)} 按补发以前月份计"
    return ""


def _unpaid_raise(ctx: Context, led: Ledger, expected: dict, paid: dict, starts: dict, period: list[str],
                  ledger_months: list[str], tol: float) -> set[str]:
    """The households of a programme most of whose households were paid, every month before the roster's quarter, the
    roster's amount less one same sum a person: a raise of the standard the roster already gives and the ledgers not
    yet (held-out 264: 171 households F05 高 for January–September, 100,640 元 of it for months before the July raise
    the bank had not paid). Their months before the quarter are not compared with today's amount (said in 核查范围); a
    household off by another sum is compared as before. At least [F05] raise_share of the programme's households with
    such months, and raise_min_households."""
    params = ctx.specs["F05"].params
    prog_of, cells = _programmes(ctx, led), led.cols["amount"]
    gaps: dict[str, dict[str, float]] = defaultdict(dict)  # programme → household → its gap a person, before the quarter
    judged: dict[str, int] = defaultdict(int)
    earlier, befores = [m for m in ledger_months if m < period[0]], {}  # (the months before, by a household's start)
    for h, (amount, _alternatives) in expected.items():
        start = starts.get(h, period[0])
        if (before := befores.get(start)) is None:
            before = befores[start] = [m for m in earlier if m >= start]
        if len(before) < 2:
            continue
        prog = prog_of.get(h, "")
        judged[prog] += 1
        totals = {round(sum(float(cells[r]) for r in paid[(h, m)]), 2) for m in before if (h, m) in paid}
        if len(totals) != 1 or any((h, m) not in paid for m in before):
            continue  # (paid the roster's amount some month before, or at several amounts)
        gap = (amount - totals.pop()) / _persons(led, h)
        if gap > tol:
            gaps[prog][h] = gap
    out: set[str] = set()
    for prog, found in gaps.items():
        common = float(np.median(list(found.values())))
        alike = {h for h, gap in found.items() if abs(gap - common) <= tol}
        if _programme_wide(len(alike), judged[prog], params):
            out |= alike
    return out


def programme_raises(ctx: Context, led: Ledger) -> dict[str, tuple[str, int, int, float]]:
    """:func:`_raise_months` over the roster's amounts and the [F05] tolerance, computed once per ledger (F05 and
    F01–F03 ask it)."""
    if "raises" not in led.memo:
        led.memo["raises"] = (_raise_months(ctx, led, household_amounts(ctx, led), amount_tolerance(ctx))
                              if "F05" in ctx.specs else {})
    return led.memo["raises"]


def raise_of(ctx: Context, led: Ledger, h: str) -> tuple[str, float] | None:
    """(the month, yuan a person) of the raise a roster household's programme got at once, at its own 城乡类别's rate
    where the households of that area gave one (``memo["raise_by_area"]``: urban and rural standards rise apart,
    held-out 306: an urban household's months before July priced at the rural 30 a person, not 40); None for none."""
    prog = _programmes(ctx, led).get(h, "")
    raised = programme_raises(ctx, led).get(prog)
    if raised is None:
        return None
    return raised[0], led.memo.get("raise_by_area", {}).get((prog, _areas(ctx, led).get(h, "")), raised[3])


def _areas(ctx: Context, led: Ledger) -> dict[str, str]:
    """Roster household → its 城乡类别 as written (the first member's that gives one; '' for none)."""
    if "areas" not in led.memo:
        areas: dict[str, str] = {}
        if "area_type" in ctx.members.columns:
            for h, a in zip(ctx.members["household"].tolist(), ctx.members["area_type"].tolist()):
                if a and isinstance(a, str) and h not in areas:
                    areas[h] = a.strip()
        led.memo["areas"] = areas
    return led.memo["areas"]


def raise_before(ctx: Context, led: Ledger, r: int) -> tuple[str, float]:
    """(the month its programme's raise was paid from, the raise per person) when ledger row ``r``'s month is before
    that raise, else ('', 0.0): the roster's amounts are today's, a month before the raise was due that much less a
    person.

    Args:
        ctx: the context.
        led: the ledger.
        r: a ledger row of a roster household.
    Returns:
        (month, yuan per person a month), or ('', 0.0).
    """
    raised = raise_of(ctx, led, led.household[r])
    month = led.cols["month"][r]
    if raised is None or not month or month >= raised[0] or not raised[1] > 0:
        return "", 0.0
    return raised


def _raise_months(ctx: Context, led: Ledger, expected: dict, tol: float) -> dict[str, tuple[str, int, int, float]]:
    """Programme → (month, households, households judged, raise per person) of a raise its households got at once: the
    month from which at least [F05] raise_share of its households paid two months or more (and raise_min_households)
    are paid the roster's amount every month, after a month that was not (a 提标补差 counted in the month it is for). The
    roster gives today's amount, undated: months before such a month were paid the standard then (held-out 225: the 特困
    standard raised from 1,576 to 1,650 in July, 20 people 低 少发 74 for January–June, two never raised 高 888 counting
    them). The raise per person is the median of those households' steps, each over its 保障人口 (a standard raised by
    so much a person: held-out 225b, a member gone before it was owed 1,548 − 1,092 of today's amount, not the month's
    516)."""
    params = ctx.specs["F05"].params
    codes = led.memo["codes"]
    _, pairs, totals = _pair_totals(led, led.array("ok") & (led.array("benefit") | led.array("adjust")) & led.array("dated")
                                    & led.array("own_programme"))
    width = len(codes["m_values"]) + 1
    # Each roster household's months paid, in order (the households in their first pair's order), and whether each
    # month's total fits one of its approved alternatives: judged in bulk, the few steps then one by one.
    alternatives, on_roster = _alternatives(led, expected)
    at, month = pairs // width, pairs % width
    keep = np.flatnonzero(on_roster[at])
    at, month, totals = at[keep], month[keep], totals[keep]
    fits = (np.abs(totals[:, None] - alternatives[at]) <= tol).any(axis=1)  # (NaN: fits nothing)
    rank = np.empty(len(codes["m_values"]), dtype=np.int64)
    rank[np.argsort(codes["m_values"], kind="stable")] = np.arange(len(codes["m_values"]))  # months as text sorts them
    household = pd.factorize(at)[0]
    order = np.lexsort((rank[month], household))
    at, month, totals, fits, household = at[order], month[order], totals[order], fits[order], household[order]
    first = np.flatnonzero(np.diff(household, prepend=-1))  # (each household's first position)
    count = np.diff(np.append(first, len(household)))
    # a household's month from which it is in line with the roster, not the month before: after its last misfit
    misfit = np.full(len(first), -1, dtype=np.int64)
    wrong = np.flatnonzero(~fits)
    np.maximum.at(misfit, household[wrong], wrong)
    stepped = np.flatnonzero((count >= 2) & (misfit >= 0) & (misfit + 1 < first + count))
    prog_of = _programmes(ctx, led)
    judged: dict[str, int] = defaultdict(int)
    for k in at[first[count >= 2]].tolist():
        judged[prog_of.get(codes["h_values"][k], "")] += 1
    # programme → month → each household's step there, a person (and its 城乡类别)
    steps: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    by_area: dict[tuple[str, str], list[float]] = defaultdict(list)
    areas = _areas(ctx, led)
    for p in (misfit[stepped] + 1).tolist():
        h = codes["h_values"][at[p]]
        step = (float(totals[p]) - float(totals[p - 1])) / _persons(led, h)
        steps[prog_of.get(h, "")][codes["m_values"][month[p]]].append(step)
        by_area[(prog_of.get(h, ""), codes["m_values"][month[p]], areas.get(h, ""))].append(step)
    out = {}
    led.memo["raise_by_area"] = {}
    for prog, counted in steps.items():
        month, per = max(counted.items(), key=lambda kv: (len(kv[1]), kv[0]))
        n = len(per)
        if _programme_wide(n, judged[prog], params):
            out[prog] = (month, n, judged[prog], float(np.median(per)))
            # each area's own rate where enough of its households stepped then (raise_min_households)
            led.memo["raise_by_area"].update({(p, a): float(np.median(v)) for (p, m, a), v in by_area.items()
                                              if p == prog and m == month and a and len(v) >= int(params["raise_min_households"])})
    return out


def _recounted(led: Ledger, h: str, months: list[str], fine: list[str]) -> bool:
    """Whether the ledger's own 保障人数 explains a household's step: each month paid off the roster's amount names a
    保障人数 other than the roster's 保障人口, and each month paid as approved names the roster's (a household ledger's
    per-row count, changed with a member's death or birth; months paid as approved in a file naming no count are not
    asked). False where the ledger or the roster names no count."""
    now = led.memo["covered_size"].get(h)
    if "covered_size" not in led.frame.columns or not isinstance(now, (int, float)) or now != now or now <= 0:
        return False
    wanted, off, on = set(months), set(), set()
    sizes: dict[str, set] = defaultdict(set)
    ok, benefit = led.array("ok"), led.array("benefit")
    for r in _household_rows_of(led, h).tolist():
        if not (ok[r] and benefit[r]):
            continue
        month, n = led.cols["month"][r], led.cols["covered_size"][r]
        if month in wanted or month in fine:
            sizes[month].add(n if isinstance(n, (int, float)) and n == n else None)
    for month, ns in sizes.items():
        if ns == {None} and month not in wanted:
            continue  # (a month paid as approved in a file naming no count: a bank's 代发 file)
        if None in ns or len(ns) != 1:
            return False
        (off if month in wanted else on).add(next(iter(ns)) == now)
    return off == {False} and on == {True} and wanted <= set(sizes)


def _household_rows_of(led: Ledger, h: str) -> np.ndarray:
    """The ledger's rows paid to a household, by its household codes sorted once (a city's year: no pass over its
    millions of rows per household asked)."""
    if "rows_by_household" not in led.memo:
        codes = led.memo["codes"]
        order = np.argsort(codes["h"], kind="stable")
        bounds = np.searchsorted(codes["h"][order], np.arange(len(codes["h_values"]) + 2))
        index = {v: k for k, v in enumerate(codes["h_values"].tolist())}
        led.memo["rows_by_household"] = (order, bounds, index)
    order, bounds, index = led.memo["rows_by_household"]
    k = index.get(h)
    return order[bounds[k]:bounds[k + 1]] if k is not None else np.zeros(0, dtype=np.intp)


def _persons(led: Ledger, h: str) -> int | float:
    """A household's 保障人口 as the ledger writes it, else its covered members on the roster (1 at least)."""
    persons = led.memo["covered_size"].get(h)
    return persons if isinstance(persons, (int, float)) and persons == persons and persons > 0 \
        else len(led.covered.get(h, ())) or 1


def _programme_wide(n: int, judged: int, params: dict) -> bool:
    """Whether ``n`` households of a programme's ``judged`` are enough for a change of its standard: [F05]
    raise_share of them, and raise_min_households."""
    return n >= int(params["raise_min_households"]) and n >= float(params["raise_share"]) * judged


def _levels(totals: list[float], tol: float) -> list[float] | None:
    """The amounts a run of months was paid at, when each held for two months or more before the next (a 提标 in
    January, then a member added in April: held-out 194), else None (amounts that come and go are no earlier approvals)."""
    levels: list[list[float]] = []
    for t in totals:
        if levels and abs(t - levels[-1][0]) <= tol:
            levels[-1].append(t)
        else:
            levels.append([t])
    return [run[0] for run in levels] if len(levels) <= 3 and all(len(run) >= 2 for run in levels) else None


def _state(led: Ledger, r: int) -> str:
    """A failed row's status in evidence: a payment cancelled by a negative row (冲正, 退回 written as a minus) says so,
    and one a failed row of another file (a bank's 退回明细) or a re-payment's remark says came back names that row."""
    status = led.cols.cell("status", r)
    if is_code(status, led.params.get("failed_codes", [])):
        status = f"{status}（未发放成功）"  # a system's code: 3, F
    by = led.memo.get("undone_by", {}).get(r)
    if by is not None and not led.cols["amount"][by] < 0:  # (a return, with its amount, 0 or blank beside 应发)
        said = (f"{led.where(by)}记为{_state(led, by)}" if not led.ok[by]
                else f"{led.where(by)}备注“{led.cols['remark'][by] or led.cols['item'][by]}”表明该笔已退回")
        return f"{status or '已发放'}，但{said}"
    if r in led.memo.get("reversed", ()):
        return (status or "冲正") if led.cols["amount"][r] < 0 else f"{status or '已发放'}，已被负数行冲回"
    return status


def _head(ctx: Context, led: Ledger, household: str, r: int | None) -> int:
    """The household head's member index (else the member a payment row ``r`` of the household is linked to, else its
    first covered member; -1 for none)."""
    members = led.covered.get(household, [])
    heads = [j for j in members if ctx.value(j, "id") and ctx.value(j, "id") == ctx.value(j, "head_id")]
    if heads:
        return heads[0]
    if r is not None and led.member[r] >= 0 and led.household[r] == household:
        return led.member[r]
    return members[0] if members else -1


@rule("F06")
def check_f06(ctx: Context) -> list[Finding]:
    """A household on the roster, enrolled for the month, with no successful payment for it (应发未发)."""
    led = ledger(ctx)
    expected = household_amounts(ctx, led)
    paid = _paid_pairs(led)
    raise_only = _raise_only_months(led)
    covered = _covered_months(ctx, led)
    prog_of = _programmes(ctx, led)
    starts = _approved_months(ctx, led)
    failed: dict[tuple[str, str], list[int]] = defaultdict(list)
    tried_in: dict[str, set[str]] = defaultdict(set)  # household → the months of its failed payments
    for r in _rows(led, ~led.array("ok") & led.array("benefit")):
        failed[(led.household[r], led.cols["month"][r])].append(r)
        tried_in[led.household[r]].add(led.cols["month"][r])
    period = roster_months(ctx, led)  # the roster's own months, F05's too
    review_month = period[-1]  # the roster's own month
    as_of_month = month_of(ctx.as_of)  # (the last month a failed payment could have been re-sent in, by the review date)
    # a row paid into an account several households share, whose payee cannot be told, may be any one's month; not a
    # row naming a valid ID of its own (held-out 200: a resident who left, paid into the care home's account, hid the
    # missing months of every resident paid one by one into it)
    maybe = {(h, led.cols["month"][r]) for r, hs in led.memo["pooled"].items()
             if led.ok[r] and led.benefit[r] and led.cols["id_status"][r] != ids.VALID for h in hs}
    blind = blind_months(led)  # months paid to payees who cannot be told (cut accounts, no IDs)
    # months paid under an item no word or code reads (said in the notices): perhaps the benefit (held-out 123: every
    # household paid under 项目名称 01 was "应发未发" until the codes were configured)
    maybe |= {(led.household[r], led.cols["month"][r]) for r in np.flatnonzero(led.memo["unread_item"]).tolist()}
    # months paid to a payee on no roster who bears the head's name in his village, into an account the roster does not
    # know: perhaps the household's (F07 says so, held-out 252: 5,040 元 owed beside the same 2,520 元 to recover, F03)
    maybe |= {(n.household, led.cols["month"][r]) for n in head_namesakes(ctx, led).values() for r in n.rows}
    # … and so are those paid to one with no ID and no account at all (h481: F03 says her, at 低, without money)
    maybe |= {(n.household, led.cols["month"][r]) for n in place_namesakes(ctx, led).values() for r in n.rows}
    maybe |= _paid_to_former(ctx, led)
    name_only = name_only_months(ctx, led)  # (h472: paid under a member's name alone; a lead, said below)
    lumps = _lump_code(ctx, "F06")  # (the lumps read: a 特困 person paid in person from mid-year may have been in a home's lump)
    maybe |= _lump_months(ctx, led) | led.memo.get("care_homes_maybe", set())
    maybe |= _paid_to_dead_former(ctx, led)
    # months with a row whose amount is written but unread ('待定', '见附表'): whether they were paid nobody can tell
    # (h471: 应发未发 at 高, the row's amount taken for 0)
    written = _amount_unread_pairs(led)
    maybe |= written
    # months paid to the person under another programme's benefit (held-out h459: a 特困 member's 1,576 in her 低保
    # family's row, 城乡低保金, was "应发未发" F06 中): paid, under the other's name; said, never owed again
    other_programme = {(led.household[r], led.cols["month"][r]) for r in np.flatnonzero(
        led.array("ok") & led.array("benefit") & led.array("dated") & ~led.array("own_programme")).tolist()}
    paid_as_other: set[str] = set()
    unread, unchecked = unread_pairs(led, paid), set()  # (households with such a month are said partly unchecked)
    # 集中供养: a care home's residents are paid through it; one never on the ledgers is no unpaid household
    cared = _cared_off_ledger(ctx, led)
    # a household paid under a month no cell reads (said in the notices: 所属期 '三季度款'): which months it was paid
    # for cannot be told, so none is said unpaid (held-out 154: 44 households "应发未发")
    undated = {led.household[r] for r in np.flatnonzero(led.array("ok") & led.array("benefit") & ~led.array("dated")).tolist()}
    enrolled_elsewhere = _enrolled_elsewhere(ctx)
    split = _paid_before_split(ctx, led, expected)
    split |= {(led.household[rows[0]], m) for m, rows in _carried(ctx, led).values()}  # re-paid in the next batch
    split |= set(_paid_twice_after_gap(ctx, led))
    batches = _failed_batches(led, paid)  # (h481) files every row of which failed, none seen re-sent
    # (h481) other money a remark names, paid alone in a month: said beside the month, no benefit paid
    extras: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in led.memo.get("remarked_alone", np.zeros(0, dtype=np.intp)).tolist():
        extras[(led.household[r], led.cols["month"][r])].append(r)
    out = []
    spans: dict[tuple, list[str]] = {}  # (programme, start) → the months its households are due, in order
    throughout, number = _paid_throughout(ctx, led), paid.households
    absent, town_of = _towns_absent(ctx, led)
    unlisted: set[str] = set()
    for h, members in led.covered.items():
        if h in cared or h in undated:
            continue
        # a month of the roster's paid only under an item no word or code reads: no month the ledgers cover, never asked
        # below, said (held-out 262: F06 had no 部分未检查 note where F01–F05 had one)
        if unread and any((h, m) in unread for m in period):
            unchecked.add(h)
        if h not in tried_in and (k := number.get(h)) is not None and throughout[k]:
            continue  # every month it may be due was paid
        # no approval date: the roster's own month, and the months of the roster's period between two paid to it
        # (enrolled throughout: held-out 204, a 特困 person missing from the August sheet only went unfound); months
        # before its first payment or after its last may be before it was enrolled or a stop, and are not said unpaid
        paid_in = [m for m in period if (h, m) in paid] if h not in starts else []
        start = starts.get(h) or (paid_in[0] if paid_in else None)
        # a month of the period before its first payment there, after one paid before the period, lies between two
        # payments as well (held-out 215: paid October to June and August to September, July went unfound)
        before = next((m for m in sorted(covered.get(prog_of.get(h, ""), ()), reverse=True)
                       if m < period[0] and (h, m) in paid), None) if paid_in and start > period[0] else None
        start = period[0] if before else start
        span = (prog_of.get(h, ""), start)
        if span not in spans:
            spans[span] = sorted(m for m in covered.get(span[0], set())
                                 if (m >= start and m <= review_month if start else m == review_month))
        due = [m for m in spans[span] if m <= paid_in[-1] or m == review_month] if paid_in else spans[span]
        # a month whose payment failed (or came back) with months paid before and after it: the household was due it,
        # whatever the roster's dates or period say (held-out 225: March came back, the roster's 变更日期 July)
        ever = sorted(m for m in covered.get(span[0], ()) if (h, m) in paid) if h in tried_in else []
        # … and so was a month of the roster's own period whose payment was sent and failed, before its first payment
        # (held-out 418: January failed in the county's 回盘, paid from February, was "not yet enrolled")
        between = sorted(m for m in tried_in.get(h, ()) if m not in due and (ever and ever[0] < m < ever[-1]
                                                                               or m in period and h not in starts))
        due = sorted(due + between) if between else due
        if unread and any((h, m) in unread for m in due):
            unchecked.add(h)
        months = [m for m in due if (h, m) not in paid and (h, m) not in maybe and (h, m) not in split
                  and (prog_of.get(h, ""), m) not in blind and ("", m) not in blind
                  and _still_enrolled(led, members, m, prog_of.get(h, ""))]
        if other_programme and any((h, m) in other_programme for m in months):
            paid_as_other.add(h)
            months = [m for m in months if (h, m) not in other_programme]
        if absent and (gone := [m for m in months if (prog_of.get(h, ""), town_of.get(h, ""), m) in absent]):
            unlisted.add(h)  # (its township's file of those months not given: said below, not unpaid)
            months = [m for m in months if m not in gone]
        # (h472) months a payee named like a member, with no ID, was paid: perhaps this household's, perhaps not
        named = [m for m in months if (h, m) in name_only] if name_only else []
        if named and len(named) < len(months):
            months = [m for m in months if m not in named]
        if not months:
            continue
        amount = expected.get(h, (None, []))[0]
        fails = [r for m in months for r in failed.get((h, m), [])]
        # every month's payment failed, the rows linked by ID (a bank file's rows linked by account: 中)
        conf = (weakest(HIGH, *(led.conf[r] for r in fails)) if fails and len({led.cols["month"][r] for r in fails}) == len(months)
                else MEDIUM)
        # (h472) a failed month whose next month, by the review date, no file read covers: re-sent then or not, nobody
        # can tell (a failure in August, September's file unreadable and skipped, was 高 "前后月份均有成功发放")
        unread_next = [m for m in months if failed.get((h, m)) and _next_unread(m, _months_read(led), absent,
                                                                                  prog_of.get(h, ""), town_of.get(h, ""),
                                                                                  as_of_month)]
        if unread_next:
            conf = weakest(conf, MEDIUM)
        # (h481) a month whose every failure is a row of a file that failed whole, none of whose payments is seen
        # re-sent in the files read: the batch re-sent in a file not given cannot be told from one never re-sent
        whole = sorted({led.cols["_file"][r] for m in months for r in failed.get((h, m), ())}) if batches else []
        whole = whole if whole and all(name in batches for name in whole) else []
        if whole:
            conf = weakest(conf, MEDIUM)
        # a month whose payment failed is owed what failed (the amount due then, before a later change), else the
        # roster's amount
        tried = {m: due for m in months if (due := _failed_due(led, failed.get((h, m), ()))) > 0}
        # a month before the raise its whole programme got is owed the standard then (held-out 288: 唐宇航's April and
        # May, before July's raise of 30 a person, owed 2 × 510 for 2 × 480)
        raised = raise_of(ctx, led, h) if amount else None
        then = amount - raised[1] * _persons(led, h) if raised and raised[1] > 0 else amount
        earlier = [m for m in months if m not in tried and raised and m < raised[0] and 0 < then < amount]
        # a month with no benefit row, only its 提标补差 paid, is owed the rest (held-out 349: 1,032 less the 40 paid)
        topped = {m: sum(float(led.cols["amount"][r]) for r in raise_only[(h, m)]) for m in months
                  if m not in tried and (h, m) in raise_only}
        # a month some members' events rule out (the head dead, the spouse left) is owed the rest's part only (held-out
        # 364: a widow's household, unpaid after the head's death, was owed the whole household's amount)
        rest = {m: cut[-1] for m in months if m not in tried and amount and m not in earlier
                and (cut := _without_the_gone(ctx, led, h, m, amount))}
        owed = (sum(tried.get(m, max(rest.get(m, then if m in earlier else amount or 0.0) - topped.get(m, 0.0), 0.0))
                    for m in months)
                if amount or len(tried) == len(months) else None)
        basis = ((["发放失败的金额"] if tried else [])
                 + ([f"核定金额 {yuan(amount)}/月"] if amount and len(tried) + len(earlier) + len(rest) < len(months) else [])
                 + ([f"{raised[0]} 统一提标前的 {yuan(then)}/月（{'、'.join(earlier)}）"] if earlier else [])
                 + ([f"核定金额除去已死亡、服刑、迁出或退出成员份额后的 {'、'.join(sorted({yuan(v) for v in rest.values()}))}/月"
                     f"（{months_text(sorted(rest))}）"] if rest else []))
        basis[-1:] = [basis[-1] + f"减去同月已发的提标补差 {yuan(sum(topped.values()))}"] if topped and basis else basis[-1:]
        undone = ("发放后冲回（负数行）" if any(r in led.memo.get("reversed", ()) and led.cols["amount"][r] < 0 for r in fails)
                  else "发放失败/退回")
        undone += "，已读入的发放明细中未见重发" if unread_next else "未重发"
        detail = (f"；{undone}：" + "；".join(f"{led.cols['month'][r]} {_failed_sum(led, r)[1]}（{_state(led, r)}），{led.where(r)}"
                                                      for r in fails)) if fails else "；资金发放明细中没有该户这些月份的发放记录"
        other = [r for m in months for r in extras.get((h, m), ())] if extras else []
        detail = "；资金发放明细中没有该户这些月份的保障金发放记录" if (topped or other) and not fails else detail
        beside = [r for m in months for r in raise_only.get((h, m), ())]
        if beside:  # (held-out 336: the 补差 paid that month is other money, said: the worker sees it was no benefit)
            detail += ("；同月已成功发放的提标补差：" + "；".join(
                f"{led.cols['month'][r]} {led.item(r)} {yuan(led.cols['amount'][r])}，{led.where(r)}" for r in beside)
                + "（不是该月的保障金，不计为已发）")
        if other:  # (h481: the worker at the door sees the row the household was paid, and why it is no benefit)
            detail += ("；同月已成功发放、备注写明是其他资金的：" + "；".join(
                f"{led.cols['month'][r]} {led.item(r)} {yuan(led.cols['amount'][r])}（备注“{led.cols.cell('remark', r)}”），"
                f"{led.where(r)}" for r in other) + "（金额少于该户平常每月的保障金，按其他资金计，不计为已发）")
        # (a roster dating other households' approvals, none read for this one: 不详, 26.7.14 or blank, held-out 135)
        # (the date as the roster writes it, and the month benefits start from it: held-out 306 read "审批日期 2026-05 起" of
        # a roster's 2026-04-20 under 次月)
        day = led.memo.get("approved:False:day", {}).get(h)
        said_day = (f"审批日期 {day.isoformat()}，{start} 起应发" if isinstance(day, dt.date) and month_of(day) != start
                    else f"审批日期 {start} 起")
        since = (said_day if starts.get(h)
                 else ("批准日期未填或未能识别，" if starts else "")
                 + (f"该户 {before} 有发放记录，花名册所属期内 {paid_in[0]} 起也有" if before
                    else f"花名册所属期内该户 {start} 起有发放记录") + "，核对其间及花名册所属月份"
                 if start else "批准日期未填或未能识别，只核对花名册所属月份" if starts else "花名册所属月份")
        # (only months lying between two months paid have paid months on both sides: h472, a failure in the last month
        # read was said so)
        inside = [m for m in between if ever and ever[0] < m < ever[-1]]
        since += f"；{months_text(inside)}前后月份均有成功发放" if inside else ""
        since += (f"；{months_text(rest)}是花名册所属期内发放失败的月份"
                  if (rest := [m for m in between if m not in inside]) else "")
        evidence = (f"应发未发：该户在花名册中（{since}），"
                    f"{months_text(months)}没有成功发放的保障金{detail}。"
                    + (f"按{'和'.join(basis)}，应补发 {yuan(owed)}" if owed else f"花名册{_no_amount(ctx, led, h)}，请核实应补发金额"))
        if not fails and (elsewhere := enrolled_elsewhere.get(h)):
            # every member also enrolled in another household of the other programme (D01): which enrolment stays is
            # to be settled first, no money owed yet (held-out 164: 4,728 元 "应补发" to a duplicate 特困 row)
            conf, owed = LOW, None
            evidence = (f"该户成员同时在{elsewhere}中享受保障（D01 重复享受），{months_text(months)}本户没有发放记录；"
                        "请先核实保留哪一种保障，不按应补发计")
        if owed and (died := _all_dead(led, members, months[-1])):
            # owed to no one left (held-out 267: 武凤莲, alone, dead 2025-07-15, July unpaid: 应补发 500 at 中, her death
            # unsaid): the month of a death is still due under 次月停发, whether it goes to her heirs is the bureau's call
            conf, owed = LOW, None
            evidence += (f"（如属应发）。该户保障对象均已死亡（{died}），死亡当月仍在保障期内；是否向其家属补发请核实，"
                         "不按应补发计")
        if unread_next:
            evidence += ("。" + "；".join(f"{month_add(m, 1)} 的发放明细没有读入（未提供或未能读取）" for m in unread_next)
                         + f"，{months_text(unread_next)}发放失败后是否已在下月重发无法判断，置信度列为中，请核对下月发放明细")
        if whole:
            evidence += ("。" + "、".join(f"《{file_name(name)}》的 {batches[name]} 行" for name in whole)
                         + "全部发放失败/退回，像是整批发放失败；读入的发放明细中未见其中任何一笔重发，重发的明细如未提供，"
                         "是否已重发无法判断，置信度列为中，请核对该批次的重发明细")
        if named:
            rows = sorted({r for m in named for r in name_only[(h, m)]}, key=lambda r: (led.cols["month"][r], r))
            said = (f"资金发放明细中{months_text(named)}有与该户成员同名的领取人 {payee_name(ctx, led, rows[0])}（发放明细未写身份证号）领取保障金："
                    + "；".join(f"{led.cols['month'][r]} {led.item(r)} {yuan(led.cols['amount'][r])}，{led.where(r)}" for r in rows)
                    + "。发放明细无身份证号，仅按姓名对应，不能确认是否就是该户的发放")
            if named == months:
                evidence = evidence.replace(f"，应补发 {yuan(owed)}", f"，如确未发放，应补发 {yuan(owed)}") if owed else evidence
                conf, owed = LOW, None
                evidence += f"。{said}：列为低置信度线索，不计入应补发；请核实该户这些月份是否已领取"
            else:
                evidence += f"。另{said}，这些月份未计入"
        head = _head(ctx, led, h, fails[0] if fails else None) if members else -1
        r0 = fails[0] if fails else 0
        facts = (("household", h),)
        # the failed payment's ledger row, else the roster (its row is the finding's 花名册行)
        fd = finding(ctx, led, "F06", r0, head, evidence, conf, "户主身份证号", months, None, owed, facts,
                     source="" if fails else "花名册")
        if not fails:
            fd.source_row = ""
        out.append(fd)
    say_unread(ctx, led, "F06", unchecked)
    note(ctx, "F06", {h for h, m in written if h in led.covered},
         f"发放明细中有发放金额写的不是金额（如{_amount_unread_example(led)}），无法判断这些月份是否已发放",
         "", led)
    # (h443: a finance office's quarter book whose 所属期间 no cell reads, and no title naming the quarter, left every
    # household it pays out of F06 unsaid: the bank's later months, one unpaid, were never looked at)
    note(ctx, "F06", {h for h in undated if h in led.covered and h not in cared},
         "有的发放记录看不出所属月份（见读取提示），哪些月份已发无法判断", "", led)
    note(ctx, "F06", unlisted, "资金发放明细中，这些户所在乡镇在明细覆盖的某些月份一条保障金发放记录（含失败、退回）都没有，"
         "像是该乡镇这些月份的发放文件没有给出，这些月份未核对是否应发未发", "（该乡镇另有发放明细的，请一并给出后重新运行）", led)
    note(ctx, "F06", paid_as_other, "有的月份按另一类保障金发放给本人（如特困人员在其家庭的低保金发放行中领取），这些月份不计为应发未发",
         "（请核实其保障类别和发放项目是否一致）", led)
    _thin_months_said(ctx, led, covered, prog_of, period, paid, cared | undated)
    return out + lumps


def _failed_batches(led: Ledger, paid) -> dict[str, int]:
    """The ledger files every row of which failed (``memo['all_failed_files']``, :func:`_money._all_failed_said`) that
    look like a batch failed whole (h481): no row of theirs undid a payment another file records (a bank's return list
    beside the finance office's ledger is not one), and none of their failed (household, month) pairs is paid in the
    files read (a re-send read would show) — file → its failed benefit rows counted.

    Args:
        led: the ledger.
        paid: the (household, month) pairs paid (:func:`_paid_pairs`).
    Returns:
        The file (as the ledger names it) → the number of its failed benefit rows.
    """
    names = set(led.memo.get("all_failed_files", ()))
    if not names:
        return {}
    codes, values = led.factorized("_file")
    wanted = [k for k, v in enumerate(values.tolist()) if v in names]
    rows = np.flatnonzero(np.isin(codes, wanted) & ~led.array("ok") & led.array("benefit"))
    undid = set(led.memo.get("undone_by", {}).values())
    by_file: dict[str, list[int]] = defaultdict(list)
    for r in rows.tolist():
        by_file[led.cols["_file"][r]].append(r)
    return {name: len(rs) for name, rs in by_file.items()
            if not any(r in undid for r in rs) and not any((led.household[r], led.cols["month"][r]) in paid for r in rs)}


def _next_unread(month: str, read: dict[str, set[str]], absent: set[tuple[str, str, str]], programme: str, town: str,
                 as_of_month: str) -> bool:
    """Whether the month after a failed ``month`` falls by the review date and no file read has a row of it for the
    household's programme (``read``: :func:`_months_read`), or its township's file of it is missing
    (:func:`_towns_absent`)."""
    nxt = month_add(month, 1)
    return nxt <= as_of_month and (nxt not in read.get(programme, ()) and nxt not in read.get("", ())
                                   or (programme, town, nxt) in absent)


def _months_read(led: Ledger) -> dict[str, set[str]]:
    """Programme ('' for rows naming none) → the months some ledger row (paid, failed, any item) is for."""
    if "months_read" not in led.memo:
        prog, progs = led.programme_codes()
        codes = led.memo["codes"]
        width = len(codes["m_values"]) + 1
        known = codes["m"] >= 0
        seen = np.flatnonzero(np.bincount(prog[known].astype(np.int64) * width + codes["m"][known],
                                          minlength=len(progs) * width))
        out: dict[str, set[str]] = defaultdict(set)
        for k in seen.tolist():
            if k % width < len(codes["m_values"]):
                out[str(progs[k // width])].add(str(codes["m_values"][k % width]))
        led.memo["months_read"] = out
    return led.memo["months_read"]


def _thin_months_said(ctx: Context, led: Ledger, covered: dict[str, set[str]], prog_of: dict[str, str],
                      period: list[str], paid, left_out: set[str]) -> None:
    """Note the households F06 left unchecked for a month of the roster's period that the ledgers pay for some of a
    programme's households but not half (:func:`_covered_months`): a ledger of a few townships or batches says nothing
    of the others (a hand-made file of 4 households beside a roster of 653 was F06 "已核查，未发现问题")."""
    by_prog: dict[str, list[str]] = defaultdict(list)
    for h in led.covered:
        if h not in left_out:
            by_prog[prog_of.get(h, "")].append(h)
    for prog, households in by_prog.items():
        thin = [m for m in period if m not in covered.get(prog, set()) and any((h, m) in paid for h in households)]
        if thin:
            unpaid = {h for h in households if any((h, m) not in paid for m in thin)}
            note(ctx, "F06", unpaid, f"资金发放明细在{months_text(thin)}只有不到一半的{prog or '在册'}保障对象有发放记录"
                 "（可能只给了部分乡镇或部分批次的明细），这些月份未核对是否应发未发", "没有发放记录", led)


def _paid_to_former(ctx: Context, led: Ledger) -> set[tuple[str, str]]:
    """The (household, month) pairs paid the benefit under a former member's ID: one the roster keeps as having left the
    household (``Context.left``: its head who died, the household now under the spouse) and lists nowhere as a member.
    The bank paid the household under him, into an account the roster no longer gives (held-out 288: 金桂芝's
    January–April paid under her husband's ID before his death on 04-12 were F06 中 2,040 "没有该户这些月份的发放记录")."""
    former = {rec["id"]: h for h, records in ctx.left.items() if h in led.covered
              for rec in records if rec.get("id_status") == ids.VALID and rec.get("id")}
    if not former:
        return set()
    rows = np.flatnonzero((led.array("member") < 0) & led.array("ok") & led.array("benefit") & led.array("dated"))
    own, head, month = led.cols["id"], led.cols["head_id"], led.cols["month"]
    return {(former[k], month[r]) for r in rows.tolist() for k in (own[r], head[r]) if k in former}


def _cells(led: Ledger, name: str, rows: list[int]) -> dict[int, object]:
    """Some rows' cells of a ledger column, as its list (``led.cols``) holds them, without making the list."""
    return dict(zip(rows, led.frame[name].iloc[rows].tolist()))


def _paid_to_dead_former(ctx: Context, led: Ledger) -> set[tuple[str, str]]:
    """The (household, month) pairs paid under a dead payee on no roster who was, by every sign short of an ID, the
    household's former head: the deaths list ends his payments (the month after his death), they stop before the
    household's own first payment, which comes by two months after that stop, in the same township and village
    (and programme); he fits one household only and it him only. A wide book's row for the dead head (1-5月) above the
    new head's (6-12月), the roster listing the new head alone (h425: 董振's January–May were F06 中 6,610
    "没有该户这些月份的发放记录"). Only F06 reads these: no month is paid twice on them, and none said unpaid."""
    if "village" not in led.frame.columns:
        return set()
    # (rows with an event only: a city's payees on no roster are many, their dead few)
    wanted = (led.array("member") < 0) & led.array("ok") & led.array("benefit") & led.array("dated")
    rows = sorted(r for r in led.events_row if wanted[r])
    # (the few rows' cells, as the columns' lists hold them: a list of a city's 2.4 M cells is 0.02 s a column)
    month, village = led.cols["month"], _cells(led, "village", rows)
    town = _cells(led, "township", rows) if "township" in led.frame.columns else defaultdict(str)
    dead: dict[str, dict] = {}  # payee household → its months, place, programme, first month after the death
    for r in rows:
        ends = [e.first for e in led.events_row[r] if e.code == "F01" and e.confidence == HIGH]
        if not ends:
            continue
        d = dead.setdefault(led.household[r], {"months": set(), "places": set(), "programmes": set(), "ends": set()})
        d["months"].add(month[r])
        d["places"].add((town[r], village[r]))
        d["programmes"].add(led.programme[r])
        d["ends"].update(ends)
    # (one place, one programme, one death, and a village written: a township alone is many households)
    dead = {p: d for p, d in dead.items() if len(d["places"]) == 1 and len(d["programmes"]) == 1 and len(d["ends"]) == 1
            and next(iter(d["places"]))[1]}
    if not dead:
        return set()
    # (a ledger naming no township, a wide book of one township's: its village, anywhere in the county)
    villages = {v for d in dead.values() for _t, v in d["places"]}
    members = ctx.members
    place_of = {h: (t, v) for h, t, v in zip(members["household"].tolist(), members["township"].tolist(),
                                            members["village"].tolist()) if v in villages and h in led.covered}
    households = set(place_of)
    if not households:
        return set()

    def same_place(h: str, place: tuple[str, str]) -> bool:
        return place_of[h][1] == place[1] and (not place[0] or place_of[h][0] == place[0])

    first: dict[str, str] = {}  # roster household → its first paid month, and its programme
    programme_of: dict[str, str] = {}
    for r in np.flatnonzero(led.of_households(households) & led.array("ok") & led.array("benefit")
                            & led.array("dated")).tolist():
        h = led.household[r]
        if h not in first or month[r] < first[h]:
            first[h] = month[r]
        programme_of.setdefault(h, led.programme[r])
    fits: dict[str, list[str]] = defaultdict(list)  # dead payee → the households he may have headed
    for p, d in dead.items():
        last, end = max(d["months"]), next(iter(d["ends"]))
        for h, start in first.items():
            if (same_place(h, next(iter(d["places"]))) and programme_of[h] in d["programmes"]
                    and last < start <= month_add(end, 2)):
                fits[p].append(h)
    taken = Counter(h for hs in fits.values() for h in hs)
    return {(hs[0], m) for p, hs in fits.items() if len(hs) == 1 and taken[hs[0]] == 1 for m in dead[p]["months"]}


def _no_amount(ctx: Context, led: Ledger, household: str) -> str:
    """Why F06 owes no amount of a household, after "花名册": its amount a formula without its value, 0 or words
    (held-out 245; ``_money_unread.amount_gap``), else "未写核定金额" (blank, no such column)."""
    reason, words = amount_gap(ctx, led, household)
    return gap_words(reason, words, "核定金额") if reason in ("formula", "zero", "text") else "未写核定金额"


def _paid_before_split(ctx: Context, led: Ledger, expected: dict) -> set[tuple[str, str]]:
    """(household, month) pairs paid through another household: every covered member of the household left that one
    (已分户: the roster's history rows, ``Context.left``) in that month or later, and its payment for the month was for
    them too — the ledger's 保障人数 more than it covers now, or more than its amount now (held-out 187: 吴秀 split off on
    2026-03-01, her own household approved that day and paid from April, her old household paid its old amount for
    March: F06 中 应补发 480 would have paid her March twice)."""
    left_at: dict[str, tuple[str, str]] = {}  # ID → (the household she left, the month she left it)
    for old, records in ctx.left.items():
        for rec in records:
            if rec["id_status"] == ids.VALID and isinstance(rec["date"], dt.date):
                left_at[rec["id"]] = (old, month_of(rec["date"]))
    if not left_at:
        return set()
    person, of = ctx.members["id"].tolist(), ctx.members["household"].tolist()
    until: dict[str, tuple[str, str]] = {}  # household → (the one its members left, the last month it paid for them)
    for h in {of[j] for j, i in enumerate(person) if i in left_at}:
        came = {left_at.get(person[j]) for j in led.covered.get(h, ())}
        if came and None not in came and len({old for old, _ in came}) == 1 and next(iter(came))[0] != h:
            until[h] = (next(iter(came))[0], min(month for _, month in came))
    if not until:
        return set()
    olds = {old for old, _ in until.values()}
    wanted = led.of_households(olds)
    # old household → month → [amount paid, the largest 保障人数 the ledger says it was for]
    paid: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    for r in np.flatnonzero(wanted & led.array("ok") & led.array("benefit") & led.array("dated")).tolist():
        slot, n = paid[led.household[r]][led.cols["month"][r]], led.cols["covered_size"][r]
        slot[0] += float(led.cols["amount"][r])
        if isinstance(n, (int, float)) and n == n:
            slot[1] = max(slot[1], n)
    tol = amount_tolerance(ctx)
    out = set()
    for h, (old, last) in until.items():
        now = led.memo["covered_size"].get(old)  # the roster's 保障人口, else the members it covers
        now = now if isinstance(now, (int, float)) and now == now else len(led.covered.get(old, ()))
        amount = expected.get(old, (None,))[0]
        out |= {(h, month) for month, (got, size) in paid.get(old, {}).items()
                if month <= last and (size > now or (amount is not None and got > amount + tol))}
    return out


def _in_several(person: np.ndarray, persons, programme: np.ndarray, programmes: int) -> set:
    """The persons (``persons``, numbered by ``person``: -1 none) enrolled under two programmes or more (``programme``:
    each enrolment's, -1 none), as ``groupby(person)[programme].nunique() > 1`` finds them; each person's programmes as
    flags (np.unique's two sorts of a city's 200,000 enrolments took 0.1 s)."""
    known = (person >= 0) & (programme >= 0)  # (a missing ID or programme: no group, no programme)
    enrolled = np.zeros((len(persons), programmes), dtype=bool)
    enrolled[person[known], programme[known]] = True
    return set(np.asarray(persons, dtype=object)[enrolled.sum(axis=1) > 1].tolist())


def _enrolled_elsewhere(ctx: Context) -> dict[str, str]:
    """Roster household → where else its covered members are enrolled, when every one of them is also covered in a
    household of the other programme ('低保《x.xlsx》第 12 行'): a 低保/特困 duplicate (D01)."""
    from ..roster import covered_flags
    from .d_roster import enrolment_place

    mem = ctx.members
    chosen = covered_flags(mem) & (mem["id_status"] == ids.VALID).to_numpy()
    # the IDs enrolled under two programmes or more (as groupby('id')['programme'].nunique() > 1 finds them, on codes)
    person, persons = pd.factorize(mem["id"].to_numpy(dtype=object)[chosen])
    programme, programmes = pd.factorize(mem["programme"].to_numpy(dtype=object)[chosen])
    twice = _in_several(person, persons, programme, len(programmes))
    if not twice:
        return {}
    # (three columns: copying every member column took longer than the rest)
    covered = mem.loc[chosen, ["id", "household", "programme"]]
    out = {}
    # (only the households holding such a person are looked at, and only their enrolments searched: a city has
    # 200,000 others)
    enrolled_twice = covered[covered["id"].isin(twice)]
    candidates = covered[covered["household"].isin(set(enrolled_twice["household"]))]
    for h, part in candidates.groupby("household"):
        if set(part["id"]) <= twice:
            other = enrolled_twice[enrolled_twice["id"].isin(part["id"]) & (enrolled_twice["household"] != h)]
            if len(other) and (other["programme"] != part["programme"].iloc[0]).all():
                out[h] = enrolment_place(mem, other.index[0])
    return out


def _failed_due(led: Ledger, rows) -> float:
    """What a month's failed payments of a household were for: each payee's largest failed amount (a payment tried
    twice is one), added up."""
    top: dict[str, float] = {}
    for r in rows:
        top[led.payee[r]] = max(top.get(led.payee[r], 0.0), _failed_sum(led, r)[0])
    return sum(top.values())


def _amount_unread_rows(led: Ledger) -> np.ndarray:
    """The rows whose amount cell is written but is no amount (:func:`io.ledgers._amount_unread`)."""
    if "amount_unread" not in led.frame.columns:
        return np.zeros(0, dtype=np.intp)
    return np.flatnonzero(led.frame["amount_unread"].fillna(False).to_numpy(dtype=bool))


def _amount_unread_pairs(led: Ledger) -> set[tuple[str, str]]:
    """The (household, month) pairs of the benefit's rows whose amount is written but unread."""
    benefit, months = led.array("benefit"), led.cols["month"]
    return {(led.household[r], months[r]) for r in _amount_unread_rows(led).tolist()
            if benefit[r] and led.household[r] and months[r]}


def _amount_unread_example(led: Ledger) -> str:
    """Where the first unread amount cell is ('《9月.xlsx》工作表“发放明细”第 12 行')."""
    rows = _amount_unread_rows(led)
    if not len(rows):
        return ""
    return led.where(int(rows[0]))


def _failed_sum(led: Ledger, r: int) -> tuple[float, str]:
    """A failed row's sum and its text: what it was to pay, or where it paid nothing (实发 0 or blank) beside the sum
    due (应发), that sum (held-out 257: '2026-10 0.00 元（）' for a payment the bank returned)."""
    amount, due = led.cols["amount"][r], led.cols.cell("due", r)
    amount = float(amount) if isinstance(amount, (int, float)) and amount == amount else 0.0
    if (part := led.memo.get("line_benefit", {}).get(r)) is not None:  # a whole line's return: its benefit part (h482)
        return part, f"{yuan(part)}（退回的 {yuan(amount)} 中保障金部分）"
    if not amount and isinstance(due, (int, float)) and due == due and due > 0:
        return float(due), f"应发 {yuan(due)}，实发 {yuan(amount)}"
    return amount, yuan(amount)


def _approved_months(ctx: Context, led: Ledger, amount: bool = False) -> dict[str, str]:
    """Roster household → the month it is enrolled since (its approval date; F06), or with ``amount`` the month its
    amount applies since (its change date, else its approval date; F05), for rosters with such columns."""
    key = f"approved:{amount}"
    if key not in led.memo:
        out: dict[str, str] = {}
        by: dict[str, str] = led.memo.setdefault(f"{key}:by", {})  # household → the field its month came from
        days: dict[str, dt.date] = led.memo.setdefault(f"{key}:day", {})  # household → that field's date
        households = _covered_rows(led)[0]
        for fld in (("approved", "changed") if amount else ("changed", "approved")):  # the later wins where both
            if fld not in ctx.members.columns:
                continue
            # (a household's amount applies since its latest change, a member's death then a baby's birth: held-out 313
            # compared May with today's amount for the baby of June; it is enrolled since its earliest approval)
            earliest = _earliest(ctx, led, fld, latest=fld == "changed")
            for k in np.flatnonzero(earliest < np.iinfo(np.int64).max).tolist():
                day = dt.date.fromordinal(int(earliest[k]))
                out[households[k]] = _first_month(day, led.params, amount and fld == "changed")
                by[households[k]] = fld
                days[households[k]] = day
        led.memo[key] = out
    return led.memo[key]


def _earliest(ctx: Context, led: Ledger, fld: str, latest: bool = False) -> np.ndarray:
    """Each roster household's (:func:`_covered_rows`) earliest (``latest``: latest) date of a member field among its
    covered members, as a day number (the largest int64: none), made once per field (F05 and F06 ask for both)."""
    key = f"{'latest' if latest else 'earliest'}:{fld}"
    if key not in led.memo:
        households, rows, of = _covered_rows(led)
        cells = ctx.members[fld].to_numpy(dtype=object)[rows].tolist()
        dated = np.fromiter((isinstance(c, dt.date) for c in cells), dtype=bool, count=len(cells))
        days = np.fromiter((c.toordinal() for c, d in zip(cells, dated.tolist()) if d), dtype=np.int64, count=int(dated.sum()))
        out = np.full(len(households), -1 if latest else np.iinfo(np.int64).max, dtype=np.int64)
        (np.maximum if latest else np.minimum).at(out, of[dated], days)
        if latest:
            out[out < 0] = np.iinfo(np.int64).max
        led.memo[key] = out
    return led.memo[key]


def _first_month(day: dt.date, p: dict, change: bool = False) -> str:
    """The first month paid under an approval on that day: its month, or with money_first_month 次月 the next (an
    approval on the 1st still its own). A change of an enrolled household's amount (变更日期: a member added or gone)
    takes effect as a stop does, under money_stop_rule (次月调整 by default; held-out 225: a member added in September,
    paid for from October, was 少发 for September at 高)."""
    rule = p.get("stop_rule", STOP_NEXT) == STOP_NEXT if change else p.get("first_month") == "次月"
    return month_add(month_of(day), 1) if rule and day.day > 1 else month_of(day)


def _all_dead(led: Ledger, members: list[int], month: str) -> str:
    """'武凤莲，死亡日期 2025-07-15' (each member's, joined) when every covered member of a household died by the month after
    ``month`` (a death event ruling that month out), else ''."""
    said = []
    for j in members:
        death = next((e for e in led.events_member.get(j, []) if e.code == "F01" and e.first <= month_add(month, 1)), None)
        if death is None:
            return ""
        said.append(f"{death.row.get('name') or ''}，{death.what}".lstrip("，"))
    return "、".join(said)


def _still_enrolled(led: Ledger, members: list[int], month: str, programme: str) -> bool:
    """Whether some covered member has no event ruling the month of the programme out (a household all dead or gone is
    owed nothing)."""
    return any(not _ruled_out(led, j, month, programme) for j in members)


def _ruled_out(led: Ledger, member: int, month: str, programme: str) -> bool:
    """Whether an event of the member's (a death, custody, a move, an exit) rules the month of the programme out."""
    return any(e.covers(month, programme) for e in led.events_member.get(member, []))
