"""The look-back's payment ledgers: an earlier finding reported done whose person or household the review quarter's
ledgers still pay is not rectified.

The review reads no deaths, custody or moves list: each earlier finding's own evidence dates its event (死亡日期,
入监日期 and 刑期止日, 迁出日期, 停保（退出）日期). Those events, and for the findings that carry no date (a staff
member's household cleared out, a car owner's …) an exit from the review date's month, are written as small lists
(:func:`event_lists`) and read through the audit's own path beside the ledgers, so that F01–F03 apply the stop rule
(次月停发), the benefit items, failed rows, back pay and a member's share exactly as the audit does
(:func:`still_paid_rows` runs them on a context of this quarter's rosters, the ledgers for the review date's quarter
and those lists); :func:`still_paid` maps their findings back to the earlier findings by the synthetic list's row (or,
for a real ``--exits`` list, by the person's or household's ID). A member whose household stays enrolled is no longer
on the roster for F01–F03 to see: the household's payments after her stop are compared with the amount the earlier
F01/F02 evidence shows paid before it (:func:`review_shares.households_paid_whole`). The events are read and written by
:mod:`rostercheck.review_events`; the rows looked at are the quarter's and those made in it for earlier months
(:mod:`rostercheck.review_late`); the stop month a township wrote is read against the ledgers
(:mod:`rostercheck.review_stops`), and so are the recoveries it reports (:mod:`rostercheck.review_recovered`).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pandas as pd

from .model import Finding
from .normalize import ids
from .review_events import FILE_NAMES, MEMBER_EVENTS, STOPPED_BY, add_note, as_read, dated, event_lists, whole_household
from .review_late import months_in, months_of, quarter_payments, quarter_start, said_twice

CHECKS = ["F01", "F02", "F03"]


_PAID = re.compile(r"仍发放\s*(.*)$")


def _paid_said(f: Finding) -> str:
    """The months, items, amounts and ledger rows a stop finding's evidence lists."""
    m = _PAID.search(f.evidence)
    return m.group(1).rstrip("。") if m else f.evidence


def still_paid(findings: list[Finding], members: pd.DataFrame, origin: dict[tuple[str, int], list[int]],
               prev: pd.DataFrame, real_exits: str = "") -> dict[int, list[Finding]]:
    """Map the F01–F03 findings of the review's context to the earlier findings they show still paid.

    Args:
        findings: the F01–F03 findings.
        members: the review context's members (a finding's person and household).
        origin: (kind, row) → position in ``prev`` of the synthetic lists' rows (:func:`event_lists`).
        prev: the earlier findings.
        real_exits: the label of a real exits list given (``--exits``), '' when none: its findings are mapped by ID.
    Returns:
        Position in ``prev`` → the findings showing it paid on.
    """
    out: dict[int, list[Finding]] = {}
    person_of = {}
    for at, (_, f) in enumerate(prev.iterrows()):
        for col in ("身份证号", "户主身份证号"):
            info = ids.id_number(f.get(col, ""))
            if info.status == ids.VALID:
                person_of.setdefault((col, info.value), []).append(at)
    for found in findings:
        kind = dict(found.facts).get("event", "")
        synthetic = any(name in found.source for name in FILE_NAMES.values())
        if synthetic:
            try:
                row = int(found.source_row)
            except ValueError:
                continue
            for at in origin.get((kind, row), ()):
                out.setdefault(at, []).append(found)
        elif real_exits and found.source and real_exits in found.source:
            if found.member >= 0:
                pid, hid = members.at[found.member, "id"], members.at[found.member, "head_id"]
            else:  # (a payee on no roster: the ledger's person columns)
                pid, hid = (str((found.subject or {}).get(k) or "") for k in ("id", "head_id"))
            for at in {*person_of.get(("身份证号", pid), ()), *person_of.get(("户主身份证号", hid), ())}:
                if str(prev.iloc[at].get("类别代码", "")) in STOPPED_BY:
                    out.setdefault(at, []).append(found)
    return out


def overturn_note(found: list[Finding], claimed: str, via_head: bool = False, written: str | None = None,
                  quarter: str = "") -> str:
    """The 说明 of an earlier finding the ledgers show still paid after it was reported done.

    Args:
        found: the F findings showing it paid.
        claimed: what the township reported ('' for nothing).
        via_head: the finding's person is a member, the household found by its head's ID only (never 高).
        written: the month the township wrote it stopped from, named (said contradicted when a month paid is not before
            it), or None.
        quarter: the review quarter's first month: months paid before it were paid in the quarter (said).
    Returns:
        The note.
    """
    parts = []
    for f in found:
        sure = "中" if via_head and f.confidence == "高" else f.confidence
        key = f"户主{f.key or '身份证号一致'}（按该户）" if via_head else (f.key or "身份证号")
        parts.append(f"{_paid_said(f)}（按{key}对应，置信度{sure}）")
    paid = sorted({m for f in found for m in months_in(f.months)})
    said = f"乡镇填报“{claimed}”" if claimed else ""
    if written:
        said += f"（写明 {written} 起停发）"
    more = ""
    if written and [m for m in paid if m >= written]:
        more += f"，其中 {min(m for m in paid if m >= written)} 起的发放与乡镇填报的停发月份不符"
    if quarter and [m for m in paid if m < quarter]:
        from .rules._money import months_text

        more += (f"，其中 {months_text([m for m in paid if m < quarter])} 的发放是本季度内发放的以前月份（补发或延迟发放），"
                 "上期核查时尚未发放")
    return ((said + "，" if said else "") + f"但{OVERTURNED}：" + "；".join(parts) + more + "。按未整改计，请核实是否已停发并追回")


# Rows of the synthetic exits joined to a real --exits list are numbered from here (their findings told apart by it)
SYNTH_ROWS = 1_000_000
# A phrase every overturned verdict's 说明 holds (counted per township for the money sheet's note)
OVERTURNED = "本季度资金发放明细显示应停发后仍在发放保障金"


def still_paid_rows(prev: pd.DataFrame, rows: list[dict], rosters: list[Path], payments: list[Path],
                    exits: Path | None, specs: dict, ctx, as_of: dt.date, config: Path | None, limits, progress
                    ) -> tuple[dict, list[str]]:
    """Read the review quarter's ledgers as the audit does, run F01–F03 on the events of the earlier findings, and
    turn the 已整改 rows (``rows``, parallel to ``prev``; changed in place) whose person or household is still paid
    after the stop into 未整改.

    Args:
        prev: the earlier findings.
        rows: review rows as :func:`review._decide` made them.
        rosters: this quarter's roster files.
        payments: the ledgers (files or folders as given).
        exits: a real 停保（退出）名单, or None.
        specs: code → CheckSpec.
        ctx: the review's context (its policy values).
        as_of: the review date.
        config: the user configuration.
        limits: safety bounds.
        progress: progress callback.
    Returns:
        ({'overturned', 'by_code', 'stop_rule', 'months' (of the quarter), 'late_months' (earlier months paid in it),
        'recovery_unseen' (recoveries reported, not seen in the ledgers), 'tables', 'accounts_kept' (F07 rows reported
        done whose household is still paid into the account named: :mod:`rostercheck.review_accounts`; only when
        some)}, warnings).
    """
    from .audit import AFTER_CHECKS, build_context, run_checks
    from .io.ledgers import raw_payee_keys
    from .loading import add_payments, load_inputs, load_reference, start_payments
    from .policy import roster_codes
    from .review import _CLAIMED_DONE, _READMITTED, _REPORTED, _VERIFIED_ROW, DONE, OPEN
    from .review_accounts import accounts_kept
    from .review_recovered import recoveries_said, repayments_said
    from .review_shares import households_paid_whole
    from .review_stops import stops_said, written_stops
    from .rules._money import params

    rule = str(ctx.common.get("money_stop_rule", "次月"))
    skip = {i for i, r in enumerate(rows) if r.get(_VERIFIED_ROW)}
    levels = {c: s.level for c, s in specs.items()}
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="rostercheck-review-") as tmp:
        # (a head now listed in another household — merged, 并户 — is no household gone: only a member's exit)
        enrolled = {h for col in ("head_id", "id") for h in ctx.members[col].astype(str) if h}
        dates_said: list[str] = []
        stops, unclear = written_stops(prev, as_of, skip)
        lists, origin = event_lists(prev, levels, as_of, rule, Path(tmp), skip, enrolled, dates_said, stops)
        warnings += list(dict.fromkeys(dates_said))
        synthetic_exits = lists.pop("exits", None) if exits is not None else None
        if exits is not None:
            lists["exits"] = Path(exits)
        reading = start_payments(list(payments), as_of, limits, progress, given=[*rosters, *lists.values()],
                                 rosters=rosters)

        def payees() -> list[pd.DataFrame]:
            return raw_payee_keys(reading.raw())

        try:
            inputs = load_inputs(rosters, lists, as_of, limits, None, people=payees, roster_codes=roster_codes(ctx.common))
        finally:
            reading.close()
        warnings += add_payments(inputs, reading.finish())
        if synthetic_exits is not None:
            _, more = load_reference("exits", synthetic_exits, limits)
            origin = {(k, r + SYNTH_ROWS if k == "exits" else r): at for (k, r), at in origin.items()}
            inputs.lists["exits"] = _joined_exits(inputs.lists["exits"], more)
    every_row = inputs.lists["payments"]
    inputs.lists["payments"], twice, late, more = quarter_payments(every_row, prev, as_of, params(ctx))
    warnings += more
    mctx, _ = build_context(inputs, as_of, config)
    findings, _skipped = run_checks(mctx, CHECKS)
    # what reading and linking the ledgers said (the items unread, status codes, rows of no one …), as the audit says it;
    # not the synthetic lists' own notices (their rows come from the earlier list)
    warnings += [w for key in AFTER_CHECKS if key.startswith("money:") for w in mctx.cache.get(key, [])
                 if not any(name in w for name in FILE_NAMES.values())]
    real = inputs.labels.get("exits", "") if exits is not None else ""
    found = still_paid(findings, mctx.members, origin, prev, real)
    by_code: dict[str, int] = {}
    for at, fs in sorted(found.items()):
        row = rows[at]
        if row.get(_READMITTED) or row.get(_VERIFIED_ROW):
            continue
        sure = [f for f in fs if f.confidence in ("高", "中")]
        claimed = str(row.get("乡镇填报状态") or "")
        if row["整改状态"] != DONE and not _CLAIMED_DONE.search(claimed):
            continue  # (still enrolled and never said stopped: being paid is no news)
        earlier = prev.iloc[at]
        via_head = (str(earlier.get("类别代码", "")) not in MEMBER_EVENTS
                    and str(earlier.get("身份证号", "")) != str(earlier.get("户主身份证号", "")))
        note = overturn_note(sure or fs, claimed, via_head, stops.get(at), quarter_start(as_of))
        if row["整改状态"] == DONE and sure:
            row["整改状态"] = OPEN
            add_note(row, note)
            by_code[str(prev.iloc[at]["类别代码"])] = by_code.get(str(prev.iloc[at]["类别代码"]), 0) + 1
        else:  # (still open, or only a weak link: said, the verdict left as it was)
            add_note(row, note.replace("。按未整改计，", "。" if sure else "。置信度低，未据此改变判断，"))
    kept = accounts_kept(prev, rows, mctx, skip)  # (F07: still paid into the account named, h486)
    by_code_more = households_paid_whole(prev, rows, mctx, found, rule)
    for code, n in by_code_more.items():
        by_code[code] = by_code.get(code, 0) + n
    for at, row in enumerate(rows):
        # an earlier row reported done whose IDs a number format cut: the ledgers' rows could not be taken for its
        # person or household by ID, and a household's stop is looked for by its head's ID only (h464: three flips of
        # the county lost unsaid when the earlier list's IDs were kept as numbers; only the roster's search was said)
        earlier = prev.iloc[at]
        if (row["整改状态"] != DONE or at in found or at in skip or OVERTURNED in row["说明"]
                or str(earlier.get("类别代码", "")) not in STOPPED_BY):
            continue
        cells = [str(earlier.get(c, "") or "").strip() for c in ("身份证号", "户主身份证号")]
        # (a dated death, custody or move of a person is linked by the name and the digits that survive, as the audit
        # links a cut ID; a stop with no date, and a member of a household still enrolled, by the head's ID alone)
        level = levels.get(str(earlier.get("类别代码", "")), "member")
        by_id_only = dated(earlier)[0] is None or not whole_household(earlier, level, enrolled)
        if by_id_only and any(c for c in cells) and not any(
                ids.id_number(c).status == ids.VALID and not as_read(c).endswith("E+17") for c in cells if c):
            add_note(row, CUT_IDS_UNCHECKED)
    for row in rows:  # (the ledgers were read, for payments going on; recoveries and back pay are in none of them)
        row["说明"] = row["说明"].replace(_UNCHECKED, _CHECKED_ONLY_PAID)
    months = [m for m in months_of(inputs.lists["payments"]) if m >= quarter_start(as_of)]
    # (a member off the roster whose household stays is no payee of her own: none paid to her confirms nothing)
    whole = {at: m for at, m in stops.items()
             if whole_household(prev.iloc[at], levels.get(str(prev.iloc[at].get("类别代码", "")), "member"), enrolled)}
    stops_said(prev, rows, whole, unclear, found, months_of(inputs.lists["payments"]), rule)
    said_twice(prev, rows, twice)
    unseen = recoveries_said(prev, rows, every_row, _REPORTED, params(mctx))
    unpaid = repayments_said(prev, rows, every_row, _REPORTED, params(mctx))
    tables = [t for t in inputs.tables if t.kind == "payments" or (exits is not None and t.kind == "exits"
                                                                    and Path(t.path) == Path(exits))]
    warnings += [f"{t.path.name}：{w}" for t in tables for w in t.warnings]
    return ({"overturned": sum(by_code.values()), "by_code": dict(sorted(by_code.items())), "stop_rule": rule,
             "months": months, "late_months": late, "recovery_unseen": unseen, "repaid_unseen": unpaid, "tables": tables,
             **({"accounts_kept": kept} if kept else {})}, warnings)


CUT_IDS_UNCHECKED = "原清单的身份证号以数字格式存储、后几位已丢失，本季度资金发放明细中该户的发放无法按户主身份证号找到，未核对是否仍在发放，请按姓名核对"
_UNCHECKED = "（本次未核对发放明细，请以发放、追回记录核实"
_CHECKED_ONLY_PAID = ("（本季度发放明细用于核对应停发后是否仍在发放，填报的追回只与明细中的追回记录（负数金额、追回退回项目）比对，"
                      "补发只与明细中相应月份的发放比对，请以发放、追回记录核实")


def _joined_exits(real: pd.DataFrame, synthetic: pd.DataFrame) -> pd.DataFrame:
    """A real exits list with the synthetic rows of people and households it does not name (their rows renumbered
    from :data:`SYNTH_ROWS`)."""
    named = {v for col in ("id", "head_id") if col in real.columns for v in real[col].astype(str) if v}
    keep = ~(synthetic.get("id", pd.Series("", index=synthetic.index)).astype(str).isin(named - {""})
             | synthetic.get("head_id", pd.Series("", index=synthetic.index)).astype(str).isin(named - {""}))
    more = synthetic.loc[keep.to_numpy()].copy()
    more["_row"] = more["_row"].astype(int) + SYNTH_ROWS
    joined = pd.concat([real, more], ignore_index=True)
    for col in joined.columns:
        if joined[col].dtype == object:
            joined[col] = joined[col].where(joined[col].notna(), "")
    return joined


__all__ = ["CHECKS", "CUT_IDS_UNCHECKED", "OVERTURNED", "SYNTH_ROWS", "overturn_note", "still_paid",
           "still_paid_rows"]