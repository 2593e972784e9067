"""Recoveries in the payment ledgers: the bureau's own 追回 rows, never a payment.

The next quarter's audit reads ledgers that hold the money taken back from last quarter's findings (资金项目
"低保金追回", −3,096; a negative row remarked 追回, 追缴, 收回, 退缴; a 冲正 row that undoes no one payment:
``money_recovery_words``). Read as benefit payments they made a month's benefit negative (F05 少发 at 高: told to
pay back money just recovered, held-out 237) and were never set against what F01–F03 still owed (a death's
3,152 re-listed in full beside its own −3,152). Here such rows are set apart once per ledger (not paid, not the
benefit, listed apart in the items notice), then taken off the F01–F03 amounts of the same household (or person)
and programme, oldest wrongly paid months first; what places nowhere is said in a notice.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict

import numpy as np

from ..model import Context, Finding
from ._money import (Ledger, _items_said, _judged, failed_status, month_of, months_text, other_item, payee_name,
                     undoing_rows, yuan)

# A part of a yuan: what is left of a finding after its recoveries, below this, is nothing.
_CENT = 0.005


def _words(led: Ledger) -> tuple[str, ...]:
    return tuple(w for w in led.params.get("recovery_words", ()) if w)


def recovery_rows(led: Ledger) -> np.ndarray:
    """Per row: a recovery (``money_recovery_words`` in its 资金项目, any sign unless its item or remark says it is paid
    again; or in its 备注 or 发放状态 with a negative amount), not failed (its status read without those words: a 冲正 status is the recovery's own word, 冲正失败 is
    not), and not a reversal ``_money._reversals`` matched with the one payment it undoes.

    Args:
        led: the ledger (its reversals made).
    Returns:
        A boolean array over the ledger's rows.
    """
    f, words = led.frame, _words(led)
    n = len(f)
    if not words or not n:
        return np.zeros(n, dtype=bool)
    pattern = re.compile("|".join(map(re.escape, words)))
    amounts = f["amount"].to_numpy(dtype=float, na_value=np.nan)
    said = {}
    for column in ("item", "remark", "status"):
        said[column] = np.zeros(n, dtype=bool)
        if column in f.columns:
            codes, judged = _judged(f, column, lambda v: bool(pattern.search(str(v or ""))))
            said[column] = judged[codes]
    if not (said["item"].any() or said["remark"].any() or said["status"].any()):
        return np.zeros(n, dtype=bool)
    failed = np.zeros(n, dtype=bool)
    if "status" in f.columns:
        codes, judged = _judged(f, "status", lambda v: failed_status(pattern.sub("", str(v or "")), led.params))
        failed = judged[codes]
    # a positive row is a recovery by its item alone, and never one paid again ('追回后重发', 补发: repaid_words,
    # back_pay_words): a payment
    again = np.zeros(n, dtype=bool)
    paid_again = tuple(led.params.get("repaid_words", ())) + tuple(led.params.get("back_pay_words", ()))
    for column in ("item", "remark"):
        if column in f.columns and paid_again:
            codes, judged = _judged(f, column, lambda v: any(w in str(v or "") for w in paid_again))
            again |= judged[codes]
    out = ((said["item"] & ((amounts < 0) | ~again)) | ((said["remark"] | said["status"]) & (amounts < 0))) & ~failed
    out &= ~np.isnan(amounts) & (amounts != 0)
    out[sorted(led.memo.get("reversed", ()))] = False
    return out


def set_apart(ctx: Context, led: Ledger) -> None:
    """Set the ledger's recoveries apart: neither paid nor the benefit for F04–F07 (nor a failed payment for F06),
    kept in ``memo['recoveries']`` (rows, in row order) for F01–F03, and listed on their own in the items notice
    (``money:items``: 追回（不计为发放）).

    Args:
        ctx: the audit context.
        led: the ledger, just linked.
    """
    rows = np.flatnonzero(recovery_rows(led))
    led.memo["recoveries"] = rows.tolist()
    if not len(rows):
        return
    led.not_paid(rows.tolist())
    ctx.cache["money:items"] = _items_said(led.frame, led.array("benefit"), led.programme,
                                           apart={r: _label(led, r) for r in rows.tolist()}, adjust=led.array("adjust"),
                                           undoing=undoing_rows(led), side=led.memo.get("side_items"))


def _label(led: Ledger, r: int) -> str:
    """A recovery row as the items notice names it: its 资金项目, with the word that makes it a recovery when the
    item does not say it ('农村低保金（冲正）')."""
    pattern = re.compile("|".join(map(re.escape, _words(led))))
    item = re.sub(r"\s", "", str(led.cols.cell("item", r) or "")) or "未写资金项目"
    if pattern.search(item):
        return item
    for column in ("remark", "status"):
        if column in led.frame.columns and (found := pattern.search(str(led.cols.cell(column, r) or ""))):
            return f"{item}（{found.group(0)}）"
    return item


def _month(led: Ledger, r: int) -> str:
    """The latest month a recovery row gives (its 所属月份, its 发放日期's month), '' when it gives none."""
    months = [led.cols["month"][r] or ""]
    if "paid_date" in led.frame.columns and isinstance(day := led.cols["paid_date"][r], dt.date):
        months.append(month_of(day))
    return max(months)


def net(ctx: Context, led: Ledger, acc: dict) -> None:
    """Take the ledger's recoveries off the F01–F03 amounts in ``acc`` (``f_stop._stopped``'s slots).

    A recovery row counts for a slot of the same household and programme whose person it names (her own ID) or
    whose payments' payee it is (the head of a household paid for all), unless every month it gives is before the
    slot's first wrongly paid month (it recovers something earlier). Each row is spent on its slots' months oldest
    first. A slot so recovered in full leaves ``acc`` and is said in the notice ``money:recoveries``; one recovered in
    part keeps ``recovered`` ([(row, yuan)]) and ``owed`` (per payment, what is still owed) for :func:`said`.
    Recovery rows that place nowhere are said in the notice too.

    Args:
        ctx: the audit context.
        led: the ledger.
        acc: (code, household, person) → slot (rows, parts, event, member …), changed in place.
    """
    rows = led.memo.get("recoveries", [])
    ctx.cache["money:recoveries"] = []
    if not rows:
        return
    amounts, months = led.cols["amount"], led.cols["month"]
    by_household: dict[str, list[tuple]] = defaultdict(list)
    for key, slot in acc.items():
        slot["owed"] = list(slot["parts"])
        by_household[key[1]].append(key)
    left = {r: abs(float(amounts[r])) for r in rows}
    used: dict[tuple, list[tuple[int, float]]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (_month(led, r) or "9999-99", r)):
        entries = []  # (month, row, slot key, index in the slot) of the payments this recovery may be for
        for key in by_household.get(led.household[r], ()):
            slot = acc[key]
            if not _for_slot(led, r, slot):
                continue
            entries += [(months[p], p, key, k) for k, p in enumerate(slot["rows"])]
        for _, _, key, k in sorted(entries):
            if left[r] <= _CENT:
                break
            owed = acc[key]["owed"][k]
            take = min(owed, left[r])
            if take <= _CENT:
                continue
            acc[key]["owed"][k] = owed - take
            left[r] -= take
            if used[key] and used[key][-1][0] == r:
                used[key][-1] = (r, used[key][-1][1] + take)
            else:
                used[key].append((r, take))
    settled = []
    for key, spent in used.items():
        slot = acc[key]
        slot["recovered"] = spent
        if sum(slot["owed"]) <= _CENT:
            settled.append(_settled_text(ctx, led, key, slot))
            del acc[key]
    # what a row has left after F01–F03 corrects its month's over-payment (held-out 364: a 扣回 of a custody's share and
    # of May's 80 over, the share taken, May still F05 高 多发 80)
    netted = led.memo["corrections"] = _against_over_payments(ctx, led, {r: left[r] for r in rows if left[r] > _CENT})
    for pairs in netted.values():
        for r, take in pairs:
            left[r] -= take
    unplaced = [r for r in rows if left[r] >= abs(float(amounts[r])) - _CENT]
    ctx.cache["money:recoveries"] = _notices(ctx, led, settled, unplaced, left, netted)


def _against_over_payments(ctx: Context, led: Ledger, rows: dict[int, float]) -> dict[tuple[str, str], list[tuple[int, float]]]:
    """The recovery rows with yuan F01–F03 left them (``rows``: row → yuan left) that correct an over-payment of the
    month they are for (:func:`recovered_month`), of a roster household with an approved amount, for a month no
    F01–F03 finding counts (``led.claimed``: a 扣回 after a death is F01's, never an F05 少发) and not one whose benefit
    failed beside its 提标补差 (F06's, ``f_amounts._raise_only_pairs``). Each is set, oldest month first, against what
    the month's benefit (提标补差 included, a duplicate's too: F04 nets it) exceeds the approved amount by, never beyond
    it: a correction makes no 少发 (held-out 354: April paid 100 over, then "低保金（冲正）" −100 for April, was F05 高
    多发 101). A row whose month is only its file's or its payment date's (a 扣回 in October's 发放表) corrects its
    month only when no larger than the month's over-payment: a larger one is for something else (an earlier quarter's
    over-payment taken back in June is no correction of June; held-out 364: October 100 over and −100 in its own file
    was F05 高).

    Args:
        ctx: the audit context.
        led: the ledger.
        rows: the recovery rows F01–F03 left yuan of → those yuan.
    Returns:
        (household, month) → [(row, yuan set against the month)], for F04 and F05 (``memo['corrections']``;
        ``memo['correction_pairs']``: (household, month) → its pair number, ``codes['pair']``).
    """
    if not rows or "month_source" not in led.frame.columns:
        return {}
    from .f_amounts import _raise_only_pairs, amount_tolerance, household_amounts

    expected, amounts = household_amounts(ctx, led), led.cols["amount"]
    codes, own, claimed = led.memo["codes"], led.array("own_programme"), led.claimed
    width, at = len(codes["m_values"]) + 1, {m: k for k, m in enumerate(codes["m_values"].tolist()) if m}
    failed = _raise_only_pairs(led)
    targets: dict[int, tuple[str, int, bool]] = {}  # row → (month, pair number, month only its file's or date's)
    for r in rows:
        h = led.household[r]
        if not own[r] or h not in expected or _other_item(led, r):
            continue
        month, loose = recovered_month(led, r)
        if month not in at or (h, month) in claimed:
            continue
        pair = int(codes["h"][r]) * width + at[month]
        if pair not in failed:
            targets[r] = (month, pair, loose)
    if not targets:
        return {}
    wanted = np.fromiter({p for _, p, _ in targets.values()}, dtype=np.int64)
    paid = np.flatnonzero(led.array("ok") & (led.array("benefit") | led.array("adjust")) & own
                          & np.isin(codes["pair"], wanted))
    totals: dict[int, float] = defaultdict(float)
    for r in paid.tolist():
        totals[int(codes["pair"][r])] += float(amounts[r])
    tol = amount_tolerance(ctx)
    out: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    pairs = led.memo["correction_pairs"] = {}
    for r in sorted(targets, key=lambda r: (targets[r][0], r)):
        h, (month, p, loose) = led.household[r], targets[r]
        excess = totals[p] - expected[h][0]
        if excess <= tol or (loose and rows[r] > excess + tol):
            continue
        take = min(rows[r], excess)
        totals[p] -= take
        out[(h, month)].append((r, round(take, 2)))
        pairs[(h, month)] = p
    return dict(out)


def _other_item(led: Ledger, r: int) -> bool:
    """Whether a recovery row's item or remark names another item than the benefit ('冲正物价补贴'): it corrects that."""
    return any(other_item(str(led.cols.cell(c, r) or ""), led.params) for c in ("item", "remark") if c in led.frame.columns)


def recovered_month(led: Ledger, r: int) -> tuple[str, bool]:
    """The month a recovery row takes back, and whether only its file or payment date gives it: the one month its
    item or remark names beside a word of recovery ('扣回11月重复发放', '追回2026年5月多发', '5月多发扣回'; a month
    without its year is the latest not after the row's own), else its 所属月份 column's or its words' month, else its
    file's or payment date's (loose). ('', False) when it gives none."""
    own, source = led.cols["month"][r] or "", str(led.cols.cell("month_source", r) or "")
    named = set()
    words = "|".join(map(re.escape, _words(led)))
    if words:
        text = "".join(str(led.cols.cell(c, r) or "") for c in ("item", "remark") if c in led.frame.columns)
        pattern = re.compile(rf"(?:{words})[^\d，,；;。]{{0,6}}?(?:(20\d{{2}})\s*年\s*)?(1[0-2]|0?[1-9])\s*月(?![\d日])"
                             rf"|(?<![\d年])(?:(20\d{{2}})\s*年\s*)?(1[0-2]|0?[1-9])\s*月份?(?![\d日])[^\d，,；;。]{{0,6}}?(?:{words})")
        latest = _month(led, r)
        for m in pattern.finditer(unicodedata.normalize("NFKC", text)):
            year, mm = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
            if year:
                named.add(f"{year}-{int(mm):02d}")
            elif latest:
                y = int(latest[:4]) - (int(mm) > int(latest[5:7]))
                named.add(f"{y}-{int(mm):02d}")
    if len(named) == 1:
        return named.pop(), False
    if not own:
        return "", False
    return own, source not in ("列", "备注")


def _for_slot(led: Ledger, r: int, slot: dict) -> bool:
    """Whether recovery row ``r`` (of the slot's household) may be for the slot's payments: the same programme, the
    slot's person or its payments' payee, and a month (if it gives one) not before the first wrongly paid month."""
    paid = slot["rows"]
    programmes = {led.programme[p] for p in paid}
    if led.programme[r] and "" not in programmes and led.programme[r] not in programmes:
        return False
    m = slot["member"]
    if not ((m >= 0 and led.member[r] == m) or led.payee[r] in {led.payee[p] for p in paid}):
        return False
    month = _month(led, r)
    return not month or month >= min(led.cols["month"][p] for p in paid)


def _where_recovered(led: Ledger, spent: list[tuple[int, float]]) -> str:
    """'《x.xlsx》工作表“Sheet1”第 230 行追回 1,000.00 元、…'."""
    return "、".join(f"{led.where(r)}追回 {yuan(x)}" for r, x in spent)


def _settled_text(ctx: Context, led: Ledger, key: tuple, slot: dict) -> str:
    """'姚丽娟（F01，多发 3,152.00 元，已在《…》第 231 行追回 3,152.00 元）' for a slot recovered in full."""
    m = slot["member"]
    name = ctx.value(m, "name") if m >= 0 else (slot["event"].row.get("name") or payee_name(ctx, led, slot["rows"][0]))
    return f"{name}（{key[0]}，多发 {yuan(sum(slot['parts']))}，已在{_where_recovered(led, slot['recovered'])}）"


def _notices(ctx: Context, led: Ledger, settled: list[str], unplaced: list[int], left: dict[int, float],
             netted: dict[tuple[str, str], list[tuple[int, float]]]) -> list[str]:
    """The notices of the recoveries: those that settled a finding in full, those set against an over-payment of their
    month (F05 compares the month net of them), and those that place nowhere."""
    out = []
    if netted:
        said = "；".join(f"{payee_name(ctx, led, r)} {m} {_label(led, r)} {yuan(float(led.cols['amount'][r]))}"
                        + (f"（抵减 {yuan(take)}）" if take < abs(float(led.cols["amount"][r])) - _CENT else "")
                        + f"（{led.where(r)}）"
                        for (_, m), pairs in sorted(netted.items(), key=lambda kv: (kv[0][1], kv[1][0][0]))
                        for r, take in pairs)
        count = sum(len(pairs) for pairs in netted.values())
        out.append(f"资金发放明细中有 {count} 行追回（冲正）记录与其所属月份多发的保障金相抵，重复发放（F04）、发放金额与核定金额（F05）"
                   f"按相抵后的金额比对（相抵后一致的不列为问题）：{said}")
    if settled:
        out.append(f"资金发放明细中的追回记录已全额抵减 {len(settled)} 人（户）死亡、服刑、迁出或停保（退出）后多发的资金，不再列为问题"
                   f"（追回金额按先抵较早月份计，请核对追回款是否已实际收回）：{'；'.join(settled)}")
    if unplaced:
        said = "；".join(f"{payee_name(ctx, led, r)} {_label(led, r)} {yuan(float(led.cols['amount'][r]))}（{led.where(r)}）"
                        for r in unplaced[:10])
        more = f"等 {len(unplaced)} 行" if len(unplaced) > 10 else ""
        out.append(f"资金发放明细中有 {len(unplaced)} 行追回（冲正）记录未能对应到本次查出的死亡、服刑、迁出或停保（退出）后仍发放的问题"
                   f"（F01–F03），不计为发放，也未用于抵减：{said}{more}。请核对追回的是哪一笔多发的资金（如以前季度查出、"
                   "本次花名册已不含的人员，或重复发放、多发的追回）")
    over = [(r, x) for r, x in left.items() if _CENT < x and r not in unplaced]
    if over:
        out.append("资金发放明细中有追回记录的金额超出对应问题的应追回金额：" + "；".join(
            f"{payee_name(ctx, led, r)}（{led.where(r)}）超出 {yuan(x)}" for r, x in over) + "，请核对")
    return out


def said(led: Ledger, slot: dict, found: Finding) -> Finding:
    """A finding of a slot recovered in part: its 依据 says where and how much was recovered and what is still owed,
    its 应追回金额 is what is still owed, its 涉及月份 the months not yet recovered in full (its facts, the months
    wrongly paid, are kept: a verification holds for the same payments).

    Args:
        led: the ledger.
        slot: the slot :func:`net` recovered in part.
        found: the finding ``f_stop._emit`` made of it.
    Returns:
        The finding.
    """
    spent = slot.get("recovered")
    if not spent:
        return found
    owed = sum(slot["owed"])
    months = [led.cols["month"][p] for p, x in zip(slot["rows"], slot["owed"]) if x > _CENT]
    found.evidence += (f"。已在{_where_recovered(led, spent)}，尚差 {yuan(owed)}（追回金额按先抵较早月份计），"
                       f"尚未追回的月份 {months_text(months)}")
    found.recover = round(owed, 2)
    found.months = months_text(months)
    return found
