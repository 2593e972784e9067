"""Builders for the money checks' tests: a context with payments, and flat (code, who, recover, repay) results."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from helpers import AS_OF, context, household, make_id  # noqa: F401 - re-exported for the test modules

from rostercheck.audit import run_checks
from rostercheck.io.ledgers import normalise_payments


def pay(person_id: str, name: str, month: str, amount: float, item: str = "低保金", status: str = "成功", **extra) -> dict:
    """One ledger row (long shape)."""
    return {"id": person_id, "name": name, "month": month, "amount": amount, "item": item, "status": status, **extra}


def months(first: str, last: str) -> list[str]:
    """'YYYY-MM' months from first to last."""
    out, y, m = [], int(first[:4]), int(first[5:])
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def money_context(roster_rows: list[dict], payments: list[dict], lists: dict | None = None, as_of: dt.date = AS_OF,
                  **kw):
    """A check context with a payments ledger (rows numbered from 2, one file unless a row names its ``_file``)."""
    ctx = context(roster_rows, lists, as_of, **kw)
    frame = pd.DataFrame(payments, dtype=object)
    frame["_row"] = list(range(2, 2 + len(payments)))
    frame["_sheet"] = frame["_sheet"].fillna("") if "_sheet" in frame.columns else ""  # (or its sheet)
    # (a row may name its own file: a bank's return file beside the finance office's ledger)
    frame["_file"] = frame["_file"].fillna("发放明细.xlsx") if "_file" in frame.columns else "发放明细.xlsx"
    frame["_col"] = ""
    # (a row may say its month came from elsewhere: month_source="表名", the file's month)
    frame["month_source"] = frame["month_source"].fillna("列") if "month_source" in frame.columns else "列"
    ctx.lists["payments"] = normalise_payments(frame)
    ctx.labels["payments"] = "资金发放明细"
    return ctx


def money(ctx, code: str) -> list[tuple[str, str, float | None, float | None]]:
    """Run one check: sorted (name, confidence, 应追回, 应补发) per finding."""
    findings, _ = run_checks(ctx, [code])
    out = []
    for f in findings:
        name = f.subject["name"] or f.subject["head_name"] if f.subject else ctx.members.at[f.member, "name"]
        out.append((name, f.confidence, f.recover, f.repay))
    return sorted(out, key=str)


def findings(ctx, code: str):
    """Run one check and return its findings."""
    return run_checks(ctx, [code])[0]
