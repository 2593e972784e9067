"""Reference lists from other departments, normalised into typed columns."""

from __future__ import annotations

import pandas as pd

from .io.table import Table
from .normalize import ids
from .normalize.names import person_name
from .normalize.values import count, date, digits, money, month, text

_DATE_FIELDS = {"date", "start", "end"}
_MONEY_FIELDS = {"amount", "wage", "area"}
_DIGIT_FIELDS = {"phone", "bank_account"}
_ID_FIELDS = {"id": "", "cadre_id": "cadre_", "dependent_id": "dependent_"}
_NAME_FIELDS = {"name": "name_key", "cadre_name": "cadre_name_key", "dependent_name": "dependent_name_key"}


def normalise(table: Table) -> pd.DataFrame:
    """Return a reference table with typed columns.

    For each ID field ``X_id`` the frame gains ``X_id`` (normalised), ``X_id_status``, ``X_id_reliable``
    and ``X_birth``; names gain a ``*_key``; dates, amounts, counts and digits are parsed; the rest is text.

    Args:
        table: a reference table.
    Returns:
        The normalised frame (``_row`` keeps the spreadsheet row).
    """
    f = table.frame
    out = pd.DataFrame({"_row": f["_row"].astype(int).to_numpy(), "_sheet": f["_sheet"].to_numpy()})
    for col in f.columns:
        if col in ("_row", "_sheet"):
            continue
        values = [None if (isinstance(v, float) and v != v) else v for v in f[col].tolist()]
        if col in _ID_FIELDS:
            prefix = _ID_FIELDS[col]
            infos = _id_infos(values)
            out[col] = [x.value for x in infos]
            out[prefix + "id_status"] = [x.status for x in infos]
            out[prefix + "id_reliable"] = [x.reliable for x in infos]
            out[prefix + "id_raw"] = [text(v) for v in values]
            out[prefix + "birth"] = [ids.birth_date(x.value) if x.status in (ids.VALID, ids.CHECK, ids.NUMERIC) else None
                                     for x in infos]
        elif col in _NAME_FIELDS:
            out[col] = [text(v) for v in values]
            out[_NAME_FIELDS[col]] = [person_name(v) for v in values]
        elif col in _DATE_FIELDS:
            out[col] = [date(v) for v in values]
            out[col + "_text"] = [text(v) for v in values]
        elif col == "month":
            out[col] = [month(v) for v in values]
        elif col in _MONEY_FIELDS:
            out[col] = [money(v) for v in values]
        elif col == "employees":
            out[col] = [count(v) for v in values]
        elif col in _DIGIT_FIELDS:
            out[col] = [digits(v) for v in values]
        else:
            out[col] = [text(v) for v in values]
    if "id" not in out.columns:
        out["id"] = ""
        out["id_status"] = ids.MISSING
        out["id_reliable"] = 0
        out["id_raw"] = ""
        out["birth"] = None
    if "name" not in out.columns:
        out["name"] = ""
        out["name_key"] = ""
    return out


def _id_infos(values: list) -> list[ids.IdInfo]:
    cache: dict[object, ids.IdInfo] = {}
    out = []
    for v in values:
        key = (type(v), v)
        info = cache.get(key)
        if info is None:
            info = cache[key] = ids.id_number(v)
        out.append(info)
    return out
