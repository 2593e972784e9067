"""What the money checks could not look at, said in 核查范围: payments under a 资金项目 no word or code reads, and
households whose roster gives no approved amount.

A system's ledger may give only a 资金项目代码 ("01"); with no ``money_benefit_codes`` configured its rows are read as
other money, and a notice says so. A household paid for a month only under such an item is then neither 应发未发
(F06 leaves the month alone: the benefit is unknown, not missing) nor compared with its approved amount (F05), nor
counted after a death or an exit (F01–F03), nor looked at for a payee to be changed (F07). Each of those checks then
said "已核查，未发现问题" of a township paid so all year (held-out 240: 九公桥镇's 46 households): here the households
each check left so are counted, and ``audit.partly_checked`` says them beside the check (核查范围, the console,
run.json). A roster whose 月保障金 is a formula the file holds no value of (held-out 245), blank, or words (待定) gives
F05 nothing to compare a household's payments with: those households are said the same way (``amounts_not_given``).
Each note is counted by township too (``PARTLY_BY_TOWN``): a township's workbook says its own households.

The checks that judge payees on no roster too say them the same way (held-out 252: 刘梅香, off the 特困 roster since
her 终止供养, was paid June under 项目代码 02, unread: F03 counted three months of four and said nothing), and F04 says a
month paid the benefit and under an unread item as well (钟爱琴: June under 01, then "补发6月" in August — a duplicate
if 01 is the benefit, which only the configuration can say).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from ..model import Context
from . import PARTLY, PARTLY_BY_TOWN, PARTLY_TOWNS
from ._money import Ledger, _payee_place, _place_named, _township_named, named_item

# An item cell that is a code (01, 0101, A3), not words: the keys to set are the codes'.
_CODE = re.compile(r"[0-9A-Za-z]+")


def unread_pairs(led: Ledger, paid) -> set[tuple[str, str]]:
    """The (household, month) pairs of the roster paid successfully under an unread item and with no benefit payment
    (``paid``: pairs with one) that month.

    Args:
        led: the ledger.
        paid: the (household, month) pairs with a successful benefit payment (``f_amounts._paid_pairs``).
    Returns:
        The pairs.
    """
    if "unread_pairs" not in led.memo:
        months = led.cols["month"]
        rows = np.flatnonzero(led.memo.get("unread_item", np.zeros(0, dtype=bool))).tolist()
        led.memo["unread_pairs"] = {(led.household[r], months[r]) for r in rows
                                    if months[r] and (led.household[r], months[r]) not in paid}
    return led.memo["unread_pairs"]


def unread_rows(led: Ledger) -> np.ndarray:
    """Per row: paid successfully under an item no word or code reads, whether its payee is on a roster
    (``memo['unread_item']``) or on none (the checks judging payees on no roster, F01–F04, look at those too).

    Args:
        led: the ledger.
    Returns:
        A boolean per row.
    """
    if "unread_rows" not in led.memo:
        on_roster = led.memo.get("unread_item", np.zeros(len(led.frame), dtype=bool))
        codes, distinct = led.factorized("item")
        unread = np.array([not named_item(str(v or "").strip(), led.params) for v in distinct.tolist()] + [False], dtype=bool)
        off = led.array("ok") & unread[codes] & ~led.array("benefit") & (led.array("member") < 0)
        led.memo["unread_rows"] = on_roster | off
    return led.memo["unread_rows"]


def say(ctx: Context, led: Ledger, code: str, households: set[str], tail: str = "只有这样发放的月份") -> None:
    """Note (``ctx.cache[PARTLY + code]``) that a check left some households unchecked for months paid only under
    unread items: how many, in which townships, the items, and the configuration keys that read them.

    Args:
        ctx: the audit context.
        led: the ledger.
        code: the check's code.
        households: the households it left so (a payee on no roster is its ledger household).
        tail: what the households are (after their count).
    """
    if not households:
        return
    items = _items(led, households)
    shown = "、".join(f"“{i}”" for i in items[:3]) + ("等" if len(items) > 3 else "")
    codes = all(_CODE.fullmatch(i) for i in items)
    keys = ("money_benefit_codes 或 money_other_codes" if codes
            else "money_benefit_items 或 money_other_items" if not any(_CODE.fullmatch(i) for i in items)
            else "money_benefit_codes、money_benefit_items 或 money_other_codes、money_other_items")
    note(ctx, code, households, f"资金项目{'代码' if codes else ''}{shown}未能识别、无法判断是否为保障金（可在配置文件 [common] 的"
                                f" {keys} 中写明）", tail, led)


def note(ctx: Context, code: str, households: set[str], why: str, tail: str = "", led: Ledger | None = None) -> None:
    """Note that a check left some roster households unchecked, and why: "<why>：N 户（<the townships, most first>）
    <tail>" for the county (``PARTLY + code``, said by ``audit.partly_checked``), "<why>：n 户<tail>" for each township
    (``PARTLY_BY_TOWN + code``: its workbook's 核查范围 gives its own count, not the county's), and the townships
    (``PARTLY_TOWNS + code``: each gets its workbook under --by-township).

    Args:
        ctx: the audit context.
        code: the check's code.
        households: the households it left so (a payee on no roster is its ledger household).
        why: what it could not look at, and why.
        tail: what the households are (after their count).
        led: the ledger, placing a payee on no roster by its rows (else under 未填乡镇).
    """
    if not households:
        return
    towns = Counter(_townships(ctx, households, led))
    ctx.cache[PARTLY_TOWNS + code] = sorted(set(ctx.cache.get(PARTLY_TOWNS + code, ())) | set(towns))
    ranked = sorted(towns.items(), key=lambda kv: (-kv[1], kv[0]))  # (ties by name: a set of households has no order)
    where = "、".join(f"{t or '未填乡镇'} {n} 户" for t, n in ranked[:3]) + (f"等 {len(ranked)} 个乡镇" if len(ranked) > 3 else "")
    county = f"{why}：{len(households)} 户（{where}）{tail}"
    notes = ctx.cache.setdefault(PARTLY + code, [])
    if county not in notes:
        notes.append(county)
    ctx.cache.setdefault(PARTLY_BY_TOWN + code, {})[county] = {t: f"{why}：{n} 户{tail}" for t, n in ranked}


# Why a roster row gives no approved amount (``roster._amount_gaps``), most telling first
_GAP_ORDER = ("text", "zero", "formula", "none", "blank")
_AMOUNT = "核定金额（月保障金、供养标准）"


def amount_gap(ctx: Context, led: Ledger, household: str) -> tuple[str, list[str]]:
    """Why the roster gives no approved amount of a household: the most telling of its covered members' reasons
    (``roster._amount_gaps``: 'text', 'zero', 'formula', 'none', else 'blank'), and the words written instead.

    Args:
        ctx: the audit context.
        led: the ledger (its roster households' covered members).
        household: the roster household.
    Returns:
        (reason, words).
    """
    gaps = ctx.value if "benefit_gap" in ctx.members.columns else None
    said = [str(gaps(j, "benefit_gap") or "") for j in led.covered.get(household, ())] if gaps else []
    kinds = {g.split(":", 1)[0] for g in said}
    return next((k for k in _GAP_ORDER if k in kinds), "blank"), [g.split(":", 1)[1] for g in said if g.startswith("text:")]


def gap_words(reason: str, words: list[str], label: str = _AMOUNT) -> str:
    """What a roster's missing amount is, after "花名册": "的核定金额是公式，文件中没有保存计算结果" …

    Args:
        reason: :func:`amount_gap`'s reason.
        words: the words written instead of an amount.
        label: how the amount is named.
    Returns:
        The words.
    """
    shown = list(dict.fromkeys(words))
    quoted = "、".join(f"“{w}”" for w in shown[:2]) + ("等" if len(shown) > 2 else "")
    return {"formula": f"的{label}是公式，文件中没有保存计算结果",
            "none": f"没有{label}列",
            "zero": f"的{label}为 0",
            "text": f"的{label}写的不是金额（{quoted}）"}.get(reason, f"未填{label}")


def amounts_not_given(ctx: Context, led: Ledger, code: str, households: set[str]) -> None:
    """Note that a check compared no payment of some roster households with their approved amount because their roster
    gives none (held-out 245: a 月保障金 column of formulas without values, the planted 180 元 少发 missed and F05
    "已核查，未发现问题"): one note per reason, the roster files named.

    Args:
        ctx: the audit context.
        led: the ledger (its roster households' covered members, whose rows give the amount).
        code: the check's code (F05).
        households: the roster households paid for a month it compares, without an approved amount.
    """
    by_reason: dict[str, set[str]] = defaultdict(set)
    named: dict[str, dict[str, None]] = defaultdict(dict)  # reason → the files, in order
    words: dict[str, list[str]] = defaultdict(list)  # reason → the words written instead of an amount (待定)
    for h in sorted(households):
        reason, said = amount_gap(ctx, led, h)
        by_reason[reason].add(h)
        words[reason] += said
        rows = led.covered.get(h, ())
        if rows and "file" in ctx.members.columns:
            named[reason][Path(str(ctx.value(rows[0], "file"))).name] = None
    for reason in _GAP_ORDER:
        if reason not in by_reason:
            continue
        shown = list(named[reason])
        where = "花名册" + "、".join(f"《{f}》" for f in shown[:2]) + ("等" if len(shown) > 2 else "")
        advice = "（请用 Excel 或 WPS 打开该文件，保存后重新运行）" if reason == "formula" else ""
        note(ctx, code, by_reason[reason], where + gap_words(reason, words[reason]) + advice, "的发放金额未与核定金额比对")


def _townships(ctx: Context, households: set[str], led: Ledger | None = None) -> list[str]:
    """Each household's township, as the roster names it; a payee on no roster's as her ledger rows do (as her
    findings are placed: the row's, another of her rows', a file named after a township)."""
    first = ctx.members.drop_duplicates("household").set_index("household")["township"]
    off = [h for h in households if h not in first.index]
    rows: dict[str, int] = {}
    if off and led is not None:
        codes = led.memo["codes"]
        at = {h: k for k, h in enumerate(codes["h_values"].tolist()) if h in set(off)}
        found = np.flatnonzero(np.isin(codes["h"], list(at.values())))
        for r in found.tolist():
            rows.setdefault(led.household[r], r)
    return [str(first.get(h, "") or "") if h in first.index else _ledger_township(ctx, led, rows[h]) if h in rows else ""
            for h in households]


def _ledger_township(ctx: Context, led: Ledger, r: int) -> str:
    """The township a payee on no roster is placed in by her ledger rows (``_money.finding``'s order)."""
    town = led.cols["township"][r] or (_payee_place(led, r)[0] if not led.cols["village"][r] else "")
    return _place_named(ctx, led, town or _township_named(ctx, led, r), "township")


def _items(led: Ledger, households: set[str]) -> list[str]:
    """The unread items paid to those households, the most rows first."""
    rows = np.flatnonzero(unread_rows(led)).tolist()
    counts = Counter(re.sub(r"\s", "", str(led.cols.cell("item", r) or "")) for r in rows if led.household[r] in households)
    return [i for i, _ in counts.most_common() if i]
