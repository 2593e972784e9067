"""Payments under a 资金项目 no word or code reads: what the checks of the benefit could not look at, said in 核查范围.

A system's ledger may give only a 资金项目代码 ("01"); with no ``money_benefit_codes`` configured its rows are read as
other money, and a notice says so. A household paid for a month only under such an item is then neither 应发未发
(F06 leaves the month alone: the benefit is unknown, not missing) nor compared with its approved amount (F05), nor
counted after a death or an exit (F01–F03). Each of those checks then said "已核查，未发现问题" of a township paid
so all year (held-out 240: 九公桥镇's 46 households): here the households each check left so are counted, and
``audit.partly_checked`` says them beside the check (核查范围, the console, run.json).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from ..model import Context
from . import PARTLY, PARTLY_TOWNS
from ._money import Ledger

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


def say(ctx: Context, led: Ledger, code: str, households: set[str]) -> None:
    """Note (``ctx.cache[PARTLY + code]``) that a check left some households unchecked for months paid only under
    unread items: how many, in which townships, the items, and the configuration keys that read them.

    Args:
        ctx: the audit context.
        led: the ledger.
        code: the check's code.
        households: the roster households it left so.
    """
    if not households:
        return
    towns = Counter(_townships(ctx, households))
    ctx.cache[PARTLY_TOWNS + code] = sorted(towns)
    ranked = towns.most_common()
    where = "、".join(f"{t or '未填乡镇'} {n} 户" for t, n in ranked[:3]) + (f"等 {len(ranked)} 个乡镇" if len(ranked) > 3 else "")
    items = _items(led, households)
    shown = "、".join(f"“{i}”" for i in items[:3]) + ("等" if len(items) > 3 else "")
    codes = all(_CODE.fullmatch(i) for i in items)
    keys = ("money_benefit_codes 或 money_other_codes" if codes
            else "money_benefit_items 或 money_other_items" if not any(_CODE.fullmatch(i) for i in items)
            else "money_benefit_codes、money_benefit_items 或 money_other_codes、money_other_items")
    ctx.cache[PARTLY + code] = [f"资金项目{'代码' if codes else ''}{shown}未能识别、无法判断是否为保障金（可在配置文件 [common] 的"
                                f" {keys} 中写明）：{len(households)} 户（{where}）只有这样发放的月份"]


def _townships(ctx: Context, households: set[str]) -> list[str]:
    """Each household's township, as the roster names it."""
    first = ctx.members.drop_duplicates("household").set_index("household")["township"]
    return [str(first.get(h, "") or "") for h in households]


def _items(led: Ledger, households: set[str]) -> list[str]:
    """The unread items paid to those households, the most rows first."""
    rows = np.flatnonzero(led.memo.get("unread_item", np.zeros(0, dtype=bool))).tolist()
    counts = Counter(re.sub(r"\s", "", str(led.cols.cell("item", r) or "")) for r in rows if led.household[r] in households)
    return [i for i, _ in counts.most_common() if i]
