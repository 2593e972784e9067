"""The look-back's payment ledgers, for accounts: an earlier F07 finding (a household paid into a stranger's or an
official's account) reported done whose household the review quarter's ledgers still pay into that same account is
not rectified.

The account is the one the earlier finding's evidence names as the stranger's or the official's (户名“…”不是该户家庭成员
…；账号 …, 发放账号 … 是…的账号, 发放到本户在花名册登记的账号 …). An account named only as shared by several households
(同一账号 … 收取 2 户的资金) is not looked at: it is one of those households' own, and stays so when the others' money
leaves it.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .normalize import ids
from .review_events import add_note

# the account an F07 evidence names as not the household's (a number format's cut account is no account to compare)
_NOT_OWN = re.compile(r"(?:户名“[^”]*”[^；。]*；账号|发放账号|登记的账号)\s*(\d{12,})(?!（以数字格式存储)")

# A phrase every verdict these ledgers overturn for an account holds (counted for the console's line)
KEPT = "本季度资金发放明细显示该户的保障金仍打入上期所列账号"


def accounts_kept(prev: pd.DataFrame, rows: list[dict], ctx, skip: set[int]) -> int:
    """Turn the 已整改 F07 rows (``rows``, parallel to ``prev``; changed in place) whose household the review quarter's
    ledgers still pay, for its benefit, into the account the earlier evidence named into 未整改.

    Args:
        prev: the earlier findings.
        rows: review rows as :func:`review._decide` made them.
        ctx: the review's money context (this quarter's rosters and ledgers).
        skip: positions of rows verified as no problem (never changed).
    Returns:
        How many rows were overturned.
    """
    from .review import DONE, OPEN
    from .rules._money import ledger, months_text, yuan

    wanted = [at for at, row in enumerate(rows) if at not in skip and row["整改状态"] == DONE
              and str(prev.iloc[at].get("类别代码", "")) == "F07"]
    if not wanted:
        return 0
    led = ledger(ctx)

    def cell(name: str, r: int) -> object:
        value = led.cols.cell(name, r) if name in led.frame.columns else ""
        return "" if value is None or value != value else value

    member = led.array("member")
    paid = np.flatnonzero(led.array("ok") & led.array("benefit")).tolist()
    heads = ctx.members["head_id"].to_numpy(dtype=object)
    own_ids = ctx.members["id"].to_numpy(dtype=object)
    by_person: dict[str, list[int]] = defaultdict(list)  # head's (or own) ID → the rows paying that household
    for r in paid:
        if member[r] >= 0:
            by_person[heads[member[r]] or own_ids[member[r]]].append(r)
        else:  # (a payee on no roster: his own or his head's ID)
            by_person[cell("head_id", r) or cell("id", r)].append(r)
    n = 0
    for at in wanted:
        earlier, row = prev.iloc[at], rows[at]
        accounts = set(_NOT_OWN.findall(str(earlier.get("依据", "") or "")))
        person = ""
        for col in ("户主身份证号", "身份证号"):
            info = ids.id_number(earlier.get(col, "") or "")
            if info.status == ids.VALID:
                person = info.value
                break
        hits = [r for r in by_person.get(person, ()) if cell("bank_account", r) in accounts] if accounts else []
        if not hits:
            continue
        months = sorted({cell("month", r) for r in hits} - {""})
        holders = "、".join(dict.fromkeys(cell("holder", r) for r in hits if cell("holder", r)))
        total = sum(a for r in hits if isinstance(a := cell("amount", r), float))
        claimed = str(row.get("乡镇填报状态") or "")
        row["整改状态"] = OPEN
        add_note(row, (f"乡镇填报“{claimed}”，但" if claimed else "但") + f"{KEPT} "
                 + "、".join(sorted({cell("bank_account", r) for r in hits}))
                 + (f"（户名 {holders}）" if holders else "") + f"：{months_text(months)}共 {len(hits)} 笔 {yuan(total)}，"
                 f"如 {led.where(hits[0])}。按未整改计，请核实发放账户是否已变更为本户成员的账户")
        n += 1
    return n


__all__ = ["KEPT", "accounts_kept"]
