"""Households of the roster for the economic checks: members, head, size, standard, declared income."""

from __future__ import annotations

import numpy as np

from ..model import Context
from ..normalize.codes import classify, same_code
from ..roster import TEKUN, UNREAD_AREA


def households(ctx: Context) -> dict[str, list[int]]:
    """Return household key → member indices, in roster order (computed once per audit).

    Args:
        ctx: the audit context.
    Returns:
        The mapping.
    """
    if "households" not in ctx.cache:
        out: dict[str, list[int]] = {}
        for j, hh in zip(ctx.members.index.tolist(), ctx.members["household"].tolist()):
            out.setdefault(hh, []).append(j)
        ctx.cache["households"] = out
    return ctx.cache["households"]


def head_of(ctx: Context, idxs: list[int]) -> int:
    """Return the member that stands for a household (the head, else the first member).

    Args:
        ctx: the audit context.
        idxs: the household's member indices.
    Returns:
        A member index.
    """
    for j in idxs:
        if ctx.value(j, "id") and ctx.value(j, "id") == ctx.value(j, "head_id"):
            return j
    return idxs[0]


def size_of(ctx: Context, idxs: list[int]) -> int:
    """Return the household size: the roster's 家庭人口, else the number of members listed.

    Args:
        ctx: the audit context.
        idxs: the household's member indices.
    Returns:
        At least 1.
    """
    value = ctx.value(idxs[0], "household_size")
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = len(idxs)
    return max(n, 1)


def standard_for(ctx: Context, idxs: list[int], higher_when_unread: bool = False) -> tuple[float, str]:
    """Return the standard a household is measured against, and its label for evidence texts.

    特困 persons are measured against the 特困供养标准; everyone else against the 低保 standard of the
    household's 城乡类别 (the configured default when the roster does not say).

    Args:
        ctx: the audit context.
        idxs: the household's member indices.
        higher_when_unread: a 城乡类别 cell the roster wrote in a way not read here (a code) means the higher of the
            two standards (a household above both is above its own, whichever it is), not the default.
    Returns:
        (yuan per person per month, e.g. '农村标准').
    """
    if all(ctx.value(j, "programme") == TEKUN for j in idxs):
        return float(ctx.common["tekun_standard"]), "特困供养标准"
    area = ctx.value(idxs[0], "area_type")
    if area in ("城市", "农村"):
        return ctx.standard(area), f"{area}标准"
    if area == UNREAD_AREA and higher_when_unread:
        higher = max(("城市", "农村"), key=ctx.standard)
        return ctx.standard(higher), f"{higher}标准（花名册的城乡类别看不懂，按较高的{higher}标准）"
    default = ctx.common.get("default_area", "农村")
    return ctx.standard(default), f"{default}标准（花名册未注明城乡类别，按{default}）"


def declared_income(ctx: Context, idxs: list[int], annual: bool = False) -> float | None:
    """Return a household's declared monthly income from the roster (None when nothing is written).

    A value repeated on every member row is a household cell (merged or carried down) and counts once;
    different values are per-member incomes and are added up.

    Args:
        ctx: the audit context.
        idxs: the household's member indices.
        annual: whether the roster's income column is yearly (divided by 12).
    Returns:
        Yuan per month, or None.
    """
    if "declared_by_member" not in ctx.cache:
        column = ctx.members["declared_income"]
        filled = np.flatnonzero(column.notna().to_numpy())  # (most rosters declare no income: the cells written only)
        ctx.cache["declared_by_member"] = {j: float(v) for j, v in zip(column.index[filled].tolist(),
                                                                       column.to_numpy()[filled].tolist())
                                           if v is not None and v == v}
    declared = ctx.cache["declared_by_member"]
    values = [declared[j] for j in idxs if j in declared]
    if not values:
        return None
    total = values[0] if len(set(values)) == 1 else sum(values)
    return total / 12 if annual else total


def roster_declares_income(ctx: Context, idxs: list[int]) -> bool:
    """Return whether the household's roster file has a declared-income column at all.

    Args:
        ctx: the audit context.
        idxs: the household's member indices.
    Returns:
        True when some row of that file has a declared income.
    """
    key = "declaring-files"
    if key not in ctx.cache:
        mem = ctx.members
        ctx.cache[key] = set(mem.loc[mem["declared_income"].notna(), "file"].tolist())
    return ctx.value(idxs[0], "file") in ctx.cache[key]


def institution_mode(cell: str, modes: list[str]) -> bool:
    """Whether a 供养方式 cell says 集中供养: it holds one of the words of ``modes``, or is one of its codes (leading
    zeros aside)."""
    return any(same_code(cell, w) if w.isdigit() else w in cell for w in modes)


def support_modes(ctx: Context):
    """A reader of 供养方式 cells: 'institution' (集中: [D02] institution_modes), 'home' (分散, 居家 …; with codes
    configured for 集中, every other code), '' (blank) or ``codes.UNKNOWN`` (a code no setting says)."""
    modes = list(ctx.specs["D02"].params.get("institution_modes", []))
    named = any(w.isdigit() for w in modes)

    def mode(v) -> str:
        cell = str(v).strip()
        if institution_mode(cell, modes):
            return "institution"
        if named and cell.isdigit():  # the configuration names 集中's codes: every other code is 分散 (held-out 118)
            return "home"
        return classify(v, (("home", ("分散", "居家", "在家", "亲属")),))

    return mode


def in_institution(ctx: Context, modes: list[str]) -> set[str]:
    """The households all of whose members are cared for in an institution (集中供养: 供养方式 holds one of the
    words of ``modes``, or is one of its codes); their money goes to the institution's account, shared by its residents.

    Args:
        ctx: the audit context.
        modes: the words of 供养方式 that mean an institution (``institution_modes``).
    Returns:
        The households.
    """
    mem = ctx.members
    if not modes or "support_mode" not in mem.columns:
        return set()
    import numpy as np
    import pandas as pd

    of, distinct = pd.factorize(mem["support_mode"].to_numpy(dtype=object), use_na_sentinel=False)
    cells = [str(v or "").strip() for v in distinct]
    inside = np.array([institution_mode(c, modes) for c in cells], dtype=bool)
    if not inside.any():
        return set()
    home, households = pd.factorize(mem["household"].to_numpy(dtype=object))
    every = np.bincount(home, weights=inside[of], minlength=len(households)) == np.bincount(home, minlength=len(households))
    return set(households[every].tolist())

