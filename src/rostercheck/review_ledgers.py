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
:mod:`rostercheck.review_events`.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from .model import Finding
from .normalize import ids
from .review_events import FILE_NAMES, MEMBER_EVENTS, STOPPED_BY, as_read, dated, event_lists, whole_household

CHECKS = ["F01", "F02", "F03"]


def review_months(frame: pd.DataFrame, as_of: dt.date, reported: dict[str, set[str]] | None = None
                  ) -> tuple[pd.DataFrame, dict[str, set[str]]]:
    """The ledger rows the earlier list could not have looked at: those for months of the review date's quarter, and
    those made in it (发放日期 in or after the quarter) for an earlier month — back pay, a late batch — which the earlier
    audit's ledgers, ending before they were made, did not hold. A late row for a month the earlier list already
    reported of its payee or household (``reported``) is left out, so that no payment is counted twice.

    Args:
        frame: the normalised payments (``month``: 'YYYY-MM'; ``paid_date`` when the ledger has a 发放日期).
        as_of: the review date.
        reported: an ID (a person's or a head's) → the months the earlier findings reported paid (:func:`reported_months`).
    Returns:
        (the rows kept — the frame itself when all are; ID → the late months left out as already reported).
    """
    start = dt.date.fromisoformat(_quarter_start(as_of) + "-01")
    month = frame["month"].astype(str)
    kept = (month >= f"{start:%Y-%m}").to_numpy().copy()
    left: dict[str, set[str]] = {}
    if not kept.all() and "paid_date" in frame.columns:
        earlier = np.flatnonzero(~kept & (month.to_numpy() > "0000"))
        codes, days = pd.factorize(frame["paid_date"].iloc[earlier], use_na_sentinel=True)
        made = pd.to_datetime(pd.Series(days, dtype=object), errors="coerce") >= pd.Timestamp(start)
        late = earlier[(codes >= 0) & made.to_numpy(dtype=bool)[codes]] if len(days) else earlier[:0]
        people = [frame[c].to_numpy(dtype=object) if c in frame.columns else None for c in ("id", "head_id")]
        for r in late:
            m = month.iat[r]
            seen = [k for k in (_text(col[r]) for col in people if col is not None)
                    if k and m in (reported or {}).get(k, ())]
            for k in seen:
                left.setdefault(k, set()).add(m)
            kept[r] = not seen
    return (frame if kept.all() else frame.loc[kept].reset_index(drop=True)), left


def _text(cell: object) -> str:
    """A cell as text ('' for a blank or missing one)."""
    return "" if cell is None or (isinstance(cell, float) and cell != cell) else str(cell)


_RUN = re.compile(r"(\d{4}-\d{2})(?:至(\d{4}-\d{2}))?")


def months_in(text: str) -> set[str]:
    """The months a 涉及月份 text names ('2026-08至2026-10（3个月）、2026-12' → four months)."""
    from .rules._money import month_add

    months: set[str] = set()
    for a, b in (m.groups() for m in _RUN.finditer(text)):
        months.add(a)
        while b and a < b and len(months) < 600:
            a = month_add(a, 1)
            months.add(a)
    return months


def reported_months(prev: pd.DataFrame) -> dict[str, set[str]]:
    """The months each person's or household's earlier money findings (F01–F03) reported paid after the stop.

    Args:
        prev: the earlier findings (``涉及月份`` '2026-08至2026-09（2个月）', and the months listed after 仍发放 in 依据).
    Returns:
        A valid ID (the finding's person and her head) → those months.
    """
    out: dict[str, set[str]] = {}
    for _, f in _rows_of(prev, ("F01", "F02", "F03")):
        said = str(f.get("依据", "") or "")
        months = months_in(str(f.get("涉及月份", "") or "")) | months_in(said[said.index("仍发放"):] if "仍发放" in said else "")
        for col in ("身份证号", "户主身份证号"):
            info = ids.id_number(f.get(col, ""))
            if months and info.status == ids.VALID:
                out.setdefault(info.value, set()).update(months)
    return out


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
        ({'overturned', 'by_code', 'stop_rule', 'months', 'tables'}, warnings).
    """
    from .audit import AFTER_CHECKS, build_context, run_checks
    from .io.ledgers import raw_payee_keys
    from .loading import add_payments, load_inputs, load_reference, start_payments
    from .policy import roster_codes
    from .review import _CLAIMED_DONE, _READMITTED, _REPORTED, _VERIFIED_ROW, DONE, OPEN
    from .review_recovered import recoveries_said, recovering
    from .review_shares import households_paid_whole
    from .review_stops import stops_said, written_stops

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
    given_months = _months_of(inputs.lists["payments"])
    every_row = inputs.lists["payments"]
    reported = reported_months(prev)
    inputs.lists["payments"], twice = review_months(inputs.lists["payments"], as_of, reported)
    back = recovering(inputs.lists["payments"])
    if back.any():  # (money moved back is no payment after the stop: compared with the recoveries reported, below)
        inputs.lists["payments"] = inputs.lists["payments"].loc[~back].reset_index(drop=True)
        warnings.append(f"资金发放明细中有 {int(back.sum())} 行追回、退回记录（负数金额或追回、退回等项目），不作为发放核对，"
                        "只与乡镇填报的已追回金额比对")
    late = _months_of(inputs.lists["payments"].loc[inputs.lists["payments"]["month"].astype(str) < _quarter_start(as_of)])
    if late:
        from .rules._money import months_text

        warnings.append(f"资金发放明细中有所属月份早于本季度、发放日期在本季度内的发放（补发或延迟发放，所属月份 {months_text(late)}），"
                        "上期核查时尚未发放，本次一并核对是否应停发后仍在发放（上期已列入涉及月份的不重复计）")
    if not len(inputs.lists["payments"]):
        from .rules._money import months_text

        warnings.append(f"所给资金发放明细中没有核查基准日所在季度的所属月份（明细的月份为 {months_text(given_months) or '无'}），"
                        "未能核对上期问题应停发后是否仍在发放；请给出本季度的发放明细")
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
        note = overturn_note(sure or fs, claimed, via_head, stops.get(at), _quarter_start(as_of))
        if row["整改状态"] == DONE and sure:
            row["整改状态"] = OPEN
            row["说明"] = "；".join(x for x in (row["说明"], note) if x)
            by_code[str(prev.iloc[at]["类别代码"])] = by_code.get(str(prev.iloc[at]["类别代码"]), 0) + 1
        else:  # (still open, or only a weak link: said, the verdict left as it was)
            row["说明"] = "；".join(x for x in (row["说明"], note.replace("。按未整改计，", "。" if sure else "。置信度低，未据此改变判断，")) if x)
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
            row["说明"] = "；".join(x for x in (row["说明"], CUT_IDS_UNCHECKED) if x)
    for row in rows:  # (the ledgers were read, for payments going on; recoveries and back pay are in none of them)
        row["说明"] = row["说明"].replace(_UNCHECKED, _CHECKED_ONLY_PAID)
    months = [m for m in _months_of(inputs.lists["payments"]) if m >= _quarter_start(as_of)]
    # (a member off the roster whose household stays is no payee of her own: none paid to her confirms nothing)
    member_only = {at for at in stops if not whole_household(prev.iloc[at], levels.get(str(prev.iloc[at].get("类别代码", "")),
                                                                                        "member"), enrolled)}
    stops_said(prev, rows, {at: m for at, m in stops.items() if at not in member_only}, unclear, found,
               _months_of(inputs.lists["payments"]), rule)
    _said_twice(prev, rows, twice)
    unseen = recoveries_said(prev, rows, every_row, _REPORTED)
    tables = [t for t in inputs.tables if t.kind == "payments" or (exits is not None and t.kind == "exits"
                                                                    and Path(t.path) == Path(exits))]
    warnings += [f"{t.path.name}：{w}" for t in tables for w in t.warnings]
    return ({"overturned": sum(by_code.values()), "by_code": dict(sorted(by_code.items())), "stop_rule": rule,
             "months": months, "late_months": late, "recovery_unseen": unseen, "tables": tables}, warnings)


def _rows_of(prev: pd.DataFrame, codes: tuple[str, ...]):
    """(position, row) of the earlier findings of these categories (the others never walked)."""
    if "类别代码" not in prev.columns:
        return
    for at in np.flatnonzero(prev["类别代码"].astype(str).isin(codes).to_numpy(dtype=bool)):
        yield int(at), prev.iloc[at]


def _quarter_start(as_of: dt.date) -> str:
    """The first month ('YYYY-MM') of the review date's quarter."""
    return f"{as_of.year:04d}-{(as_of.month - 1) // 3 * 3 + 1:02d}"


def _said_twice(prev: pd.DataFrame, rows: list[dict], twice: dict[str, set[str]]) -> None:
    """Say on each earlier money finding which late payments (made in the review quarter for a month it already
    reported) were not counted again: the same payment, or a second one for that month, the ledgers cannot tell."""
    if not twice:
        return
    from .rules._money import months_text

    for at, f in _rows_of(prev, ("F01", "F02", "F03")):
        keys = {info.value for col in ("身份证号", "户主身份证号")
                if (info := ids.id_number(f.get(col, ""))).status == ids.VALID}
        left = sorted({m for k in keys for m in twice.get(k, ())})
        if left:
            rows[at]["说明"] = "；".join(x for x in (rows[at]["说明"], (
                f"本季度发放明细中有所属月份 {months_text(left)} 的发放（发放日期在本季度内），该月上期已列入涉及月份，未重复计；"
                "如为同一月份再次发放，请核实并追回")) if x)


def _months_of(payments: pd.DataFrame) -> list[str]:
    """The distinct months ('YYYY-MM') some payments are for, in order."""
    return sorted({m for m in pd.unique(payments["month"].astype(str)).tolist() if m not in ("", "nan")})


CUT_IDS_UNCHECKED = "原清单的身份证号以数字格式存储、后几位已丢失，本季度资金发放明细中该户的发放无法按户主身份证号找到，未核对是否仍在发放，请按姓名核对"
_UNCHECKED = "（本次未核对发放明细，请以发放、追回记录核实"
_CHECKED_ONLY_PAID = ("（本季度发放明细用于核对应停发后是否仍在发放，填报的追回只与明细中的追回记录（负数金额、追回退回项目）比对，"
                      "补发未核对，请以发放、追回记录核实")


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


__all__ = ["CHECKS", "CUT_IDS_UNCHECKED", "OVERTURNED", "SYNTH_ROWS", "overturn_note", "review_months", "still_paid",
           "still_paid_rows"]