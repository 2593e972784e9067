"""Check logic, one module per check family, registered by code.

A rule takes the :class:`~rostercheck.model.Context` and returns findings; it never raises for a data
problem. The declarative half of each rule (title, 政策依据, parameters, explanation) is in ``checks/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Callable

import pandas as pd

from ..match import link
from ..model import Context, Finding

Rule = Callable[[Context], list[Finding]]
RULES: dict[str, Rule] = {}


def rule(code: str) -> Callable[[Rule], Rule]:
    """Register a function as the logic of a check code.

    Args:
        code: the category code.
    Returns:
        The decorator.
    """

    def register(fn: Rule) -> Rule:
        RULES[code] = fn
        return fn

    return register


def links(ctx: Context, kind: str, id_col: str = "id", name_col: str = "name_key") -> pd.DataFrame:
    """Return (and remember) the links between roster members and a reference list.

    Args:
        ctx: the audit context.
        kind: the reference kind.
        id_col: the ID column of the list.
        name_col: the name-key column of the list.
    Returns:
        The frame of :func:`rostercheck.match.link` ('m', 'r', 'confidence', 'key').
    """
    key = f"link:{kind}:{id_col}"
    if key not in ctx.cache:
        ctx.cache[key] = link(ctx.members, ctx.lists[kind], id_col, name_col)
    return ctx.cache[key]


def where(ctx: Context, kind: str, row: Mapping) -> str:
    """Return '《list label》第 N 行' for evidence texts.

    Args:
        ctx: the audit context.
        kind: the reference kind.
        row: the reference row (a dict from ``_econ.linked_rows``, or a pandas row).
    Returns:
        The location text.
    """
    sheet = f"工作表“{row['_sheet']}”" if row.get("_sheet") else ""
    return f"《{ctx.labels[kind]}》{sheet}第 {int(row['_row'])} 行"


def values(row: Mapping, fields: dict[str, str]) -> str:
    """Return '标签 值，标签 值' for the non-blank fields of a reference row.

    Args:
        row: the reference row (a dict from ``_econ.linked_rows``, or a pandas row).
        fields: field → Chinese label.
    Returns:
        The text.
    """
    parts = []
    for fld, label in fields.items():
        v = row.get(fld)
        if v is None or (isinstance(v, float) and v != v) or v == "":
            continue
        if isinstance(v, float):
            v = f"{v:,.2f}"
        parts.append(f"{label} {v}")
    return "，".join(parts)


def load_all() -> dict[str, Rule]:
    """Import every rule module in this package so that all codes are registered.

    Returns:
        code → rule.
    """
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return RULES
