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
F01/F02 evidence shows paid before it (:func:`_households_paid_whole`).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from .model import Finding
from .normalize import ids

# Categories whose rectification is the benefit stopped for the person (or household): paid on after a claimed
# 已整改 is no rectification. Leads (C08, RQ) and roster faults (D01–D03) are put right without stopping anything;
# F04–F07 by money recovered, paid or an account changed, which a ledger of later months does not show.
STOPPED_BY = ("C01", "C02", "C03", "C04", "C05", "C06", "C07", "C09", "C10", "F01", "F02", "F03")
CHECKS = ["F01", "F02", "F03"]
# The synthetic lists' file names: they name the earlier problem list as the source of each event
FILE_NAMES = {"deaths": "上期问题清单_死亡.csv", "prisoners": "上期问题清单_服刑.csv",
              "migrations": "上期问题清单_迁出.csv", "exits": "上期问题清单_停保.csv"}
# a day as the audit writes it (2026-08-10), or as a retyped or edited list may (2026/8/10, 2026.8.10, 2026年8月10日)
_DAY = r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})日?"
_DEATH = re.compile(r"死亡日期\s*" + _DAY)
_CANCELLED = re.compile(r"(?:注销|火化)日期\s*" + _DAY)
_CUSTODY = re.compile(r"入监日期\s*" + _DAY)
_SENTENCE_END = re.compile(r"刑期止日期?\s*" + _DAY)
_MOVED = re.compile(r"迁出日期\s*" + _DAY)
_DEST = re.compile(r"迁往地?\s*([^，,；;。（(]+)")
_EXITED = re.compile(r"停保（退出）日期\s*" + _DAY)
# '已将张三减员', '已从该户减员': the person taken off the household, the household left on the benefit
_MEMBER_ONLY = re.compile(r"(?<![拟将待未])已(?:(?:将|把)[^，,。；;\d]{0,10}?)?(?:从[^，,。；;]{0,10}?)?(?:做|作)?减员")
WHOLE_REASON = "上期问题整户清退（乡镇填报已整改）"
MEMBER_REASON = "上期问题成员减员（乡镇填报已整改）"


def review_months(frame: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The ledger rows for months of the review date's quarter (the months the earlier list did not look at).

    Args:
        frame: the normalised payments (``month``: 'YYYY-MM').
        as_of: the review date.
    Returns:
        The rows kept (the frame itself when all are).
    """
    first = f"{as_of.year:04d}-{(as_of.month - 1) // 3 * 3 + 1:02d}"
    month = frame["month"].astype(str)
    kept = (month >= first).to_numpy()
    return frame if kept.all() else frame.loc[kept].reset_index(drop=True)


def stop_day(as_of: dt.date, rule: str) -> dt.date:
    """The exit date of a finding the township reports done without a date: the review date's month is then the first
    not to be paid (the township reports before the review; under 次月停发 an exit in the month before)."""
    first = as_of.replace(day=1)
    return first - dt.timedelta(days=1) if rule == "次月" else first


def _as_read(raw: object) -> str:
    """An earlier list's ID as the synthetic list writes it: one that may have lost its last digits to a number format
    (…000, passing its check by chance) written as the number it was, so that it links only with the name and birth
    date (中), never as an exact ID."""
    text = str(raw or "").strip()
    info = ids.id_number(text)
    if info.status == ids.VALID and info.value.endswith("000"):
        return f"{int(info.value[:15]) / 1e14:.14f}E+17"
    return text


def _iso(day: str) -> str | None:
    """A day the evidence wrote as an ISO date, or None when it is no date of the calendar (2026-13-01, 2026-02-30)."""
    parts = [int(x) for x in re.findall(r"\d+", day)]
    try:
        return dt.date(*parts[:3]).isoformat()
    except (TypeError, ValueError):
        return None


def _event(f: pd.Series) -> tuple[str, dict] | None:
    """The dated event an earlier finding's evidence gives (kind, list cells), or None."""
    return _dated(f)[0]


def _dated(f: pd.Series) -> tuple[tuple[str, dict] | None, str]:
    """The dated event an earlier finding's evidence gives, and what the review must say of its dates ('' if nothing).

    A date that is no day of the calendar is no date: the event is undated (the review date's month, as for a finding
    without one), said. Several different days of one kind (two 死亡日期) are not guessed between silently: the latest
    is taken — the fewest months counted as unpayable, so a mistyped earlier day never overturns a rectification — said.
    A custody whose end is before its start is undated, said.
    """
    said = str(f.get("依据", "") or "")

    def days(*patterns: re.Pattern) -> tuple[list[str], list[str]]:
        raw = [m.group(1) for p in patterns for m in p.finditer(said)]
        return raw, sorted({d for d in map(_iso, raw) if d})

    def chosen(label: str, raw: list[str], valid: list[str]) -> tuple[str | None, str]:
        if not valid:
            return None, f"依据中的{label}“{raw[0]}”不是有效日期，按未写日期处理（核查基准日所在月起不应发放）"
        if len(valid) > 1:
            return valid[-1], f"依据中有 {len(valid)} 个不同的{label}（{'、'.join(valid)}），按较晚的 {valid[-1]} 核对发放"
        return valid[0], ""

    raw, valid = days(_DEATH)
    label = "死亡日期"
    if not raw:  # (注销 or 火化 follows the death: its day only when the evidence gives no death's)
        (raw, valid), label = days(_CANCELLED), "注销（火化）日期"
    if raw:
        day, note = chosen(label, raw, valid)
        return (("deaths", {"死亡日期": day}) if day else None), note
    (start_raw, start), (end_raw, end) = days(_CUSTODY), days(_SENTENCE_END)
    if start_raw and end_raw:
        if not start or not end:
            bad = start_raw[0] if not start else end_raw[0]
            return None, f"依据中的入监日期或刑期止日“{bad}”不是有效日期，按未写日期处理（核查基准日所在月起不应发放）"
        if end[-1] < start[0]:
            return None, (f"依据中的刑期止日 {end[-1]} 早于入监日期 {start[0]}，按未写日期处理（核查基准日所在月起不应发放）")
        return ("prisoners", {"入监日期": start[0], "刑期止日期": end[-1]}), ""
    if m := _MOVED.search(said):
        raw, valid = days(_MOVED)
        day, note = chosen("迁出日期", raw, valid)
        if not day:
            return None, note
        dest = _DEST.search(said[m.end():])
        return ("migrations", {"迁出日期": day, "迁往地": dest.group(1).strip() if dest else "县外"}), note
    return None, ""


def _whole(f: pd.Series, level: str, enrolled: set[str]) -> bool:
    """Whether the township's stop ends the household's benefit (cleared out), not one member's: a household category,
    or the person the head, or the household gone from this quarter's roster (``enrolled``: its heads' IDs) — unless
    the return says the person was taken off the household (减员). A household still enrolled lost a member only."""
    texts = "".join(str(f.get(c, "") or "") for c in ("整改状态", "核实情况", "整改措施"))
    if _MEMBER_ONLY.search(texts):
        return False
    head = ids.id_number(f.get("户主身份证号", ""))
    return (level == "household" or str(f.get("身份证号", "")) == str(f.get("户主身份证号", ""))
            or not (head.status == ids.VALID and head.value in enrolled))


def event_lists(prev: pd.DataFrame, levels: dict[str, str], as_of: dt.date, rule: str, folder: Path,
                skip: set[int] = frozenset(), enrolled: set[str] = frozenset(), said: list[str] | None = None
                ) -> tuple[dict[str, Path], dict[tuple[str, int], list[int]]]:
    """Write the events of the earlier findings (positions in ``prev``) as lists the audit reads.

    Args:
        prev: the earlier findings, one per row (review's ``prev``).
        levels: category code → 'member' or 'household'.
        as_of: the review date.
        rule: the stop rule ('次月' or '当月').
        folder: where to write them (a temporary folder).
        skip: positions not to write (verified as no problem).
        enrolled: the IDs of this quarter's roster, heads' and members' (a household whose head is still enrolled lost a
            member, no more).
        said: where to add what the evidence's dates leave to say (no real date, several); names, never IDs.
    Returns:
        (kind → file written, (kind, the row's number in its file) → the positions in ``prev`` of its findings).
    """
    rows: dict[str, list[dict]] = {k: [] for k in FILE_NAMES}
    origin: dict[tuple[str, int], list[int]] = {}
    # one row per event: a person's C02 and F01 written twice would be two rows of one death, and each payment is
    # claimed by one event only (the first covering its month)
    seen: dict[tuple, int] = {}
    undated = stop_day(as_of, rule).isoformat()
    for at, (_, f) in enumerate(prev.iterrows()):
        code = str(f.get("类别代码", ""))
        if code not in STOPPED_BY or at in skip:
            continue
        person = {"姓名": f.get("姓名", ""), "身份证号": _as_read(f.get("身份证号", "")), "保障类别": f.get("保障类别", "")}
        event, note = _dated(f) if code != "F03" else (None, "")
        if note and said is not None:
            said.append(f"上期问题清单中{f.get('姓名', '')}的问题：{note}")
        if event is not None:
            kind, cells = event
        else:
            exited = _EXITED.search(str(f.get("依据", "") or "")) if code == "F03" else None
            exited_day = _iso(exited.group(1)) if exited else None
            whole = _whole(f, levels.get(code, "member"), enrolled) or (exited is not None and "整户" in str(f.get("依据", "")))
            kind, cells = "exits", {"户主姓名": f.get("户主姓名", ""), "户主身份证号": _as_read(f.get("户主身份证号", "")),
                                    "停保日期": exited_day or undated,
                                    "停保原因": WHOLE_REASON if whole else MEMBER_REASON,
                                    "保障类别": f.get("保障类别", "")}
            if whole:
                cells.update({"姓名": "", "身份证号": ""})
            else:
                cells.update({"姓名": f.get("姓名", ""), "身份证号": _as_read(f.get("身份证号", ""))})
        record = cells if kind == "exits" else {**person, **cells}
        key = (kind, *(str(v) for v in record.values()))
        if key not in seen:
            rows[kind].append(record)
            seen[key] = len(rows[kind]) + 1  # (row 1 is the header)
        origin.setdefault((kind, seen[key]), []).append(at)
    written = {}
    for kind, records in rows.items():
        if not records:
            continue
        path = folder / FILE_NAMES[kind]
        columns = list(dict.fromkeys(k for r in records for k in r))
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            w = csv.DictWriter(out, columns)
            w.writeheader()
            for r in records:
                w.writerow({k: str(v or "") for k, v in r.items()})
        written[kind] = path
    return written, origin


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


def overturn_note(found: list[Finding], claimed: str, via_head: bool = False) -> str:
    """The 说明 of an earlier finding the ledgers show still paid after it was reported done (``via_head``: the finding's
    person is a member, the household found by its head's ID only: never 高)."""
    parts = []
    for f in found:
        sure = "中" if via_head and f.confidence == "高" else f.confidence
        key = f"户主{f.key or '身份证号一致'}（按该户）" if via_head else (f.key or "身份证号")
        parts.append(f"{_paid_said(f)}（按{key}对应，置信度{sure}）")
    said = f"乡镇填报“{claimed}”，" if claimed else ""
    return (f"{said}但{OVERTURNED}：" + "；".join(parts) + "。按未整改计，请核实是否已停发并追回")


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
    from .loading import _load_reference, add_payments, load_inputs, start_payments
    from .policy import roster_codes
    from .review import _CLAIMED_DONE, _READMITTED, _VERIFIED_ROW, DONE, OPEN

    rule = str(ctx.common.get("money_stop_rule", "次月"))
    skip = {i for i, r in enumerate(rows) if r.get(_VERIFIED_ROW)}
    levels = {c: s.level for c, s in specs.items()}
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="rostercheck-review-") as tmp:
        # (a head now listed in another household — merged, 并户 — is no household gone: only a member's exit)
        enrolled = {h for col in ("head_id", "id") for h in ctx.members[col].astype(str) if h}
        dates_said: list[str] = []
        lists, origin = event_lists(prev, levels, as_of, rule, Path(tmp), skip, enrolled, dates_said)
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
            _, more = _load_reference("exits", synthetic_exits, limits, False)
            origin = {(k, r + SYNTH_ROWS if k == "exits" else r): at for (k, r), at in origin.items()}
            inputs.lists["exits"] = _joined_exits(inputs.lists["exits"], more)
    given_months = _months_of(inputs.lists["payments"])
    inputs.lists["payments"] = review_months(inputs.lists["payments"], as_of)
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
        via_head = (str(earlier.get("类别代码", "")) not in _MEMBER_EVENT
                    and str(earlier.get("身份证号", "")) != str(earlier.get("户主身份证号", "")))
        note = overturn_note(sure or fs, claimed, via_head)
        if row["整改状态"] == DONE and sure:
            row["整改状态"] = OPEN
            row["说明"] = "；".join(x for x in (row["说明"], note) if x)
            by_code[str(prev.iloc[at]["类别代码"])] = by_code.get(str(prev.iloc[at]["类别代码"]), 0) + 1
        else:  # (still open, or only a weak link: said, the verdict left as it was)
            row["说明"] = "；".join(x for x in (row["说明"], note.replace("。按未整改计，", "。" if sure else "。置信度低，未据此改变判断，")) if x)
    by_code_more = _households_paid_whole(prev, rows, mctx, found, rule)
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
        by_id_only = _dated(earlier)[0] is None or not _whole(earlier, levels.get(str(earlier.get("类别代码", "")),
                                                                                  "member"), enrolled)
        if by_id_only and any(c for c in cells) and not any(
                ids.id_number(c).status == ids.VALID and not _as_read(c).endswith("E+17") for c in cells if c):
            row["说明"] = "；".join(x for x in (row["说明"], CUT_IDS_UNCHECKED) if x)
    for row in rows:  # (the ledgers were read, for payments going on; recoveries and back pay are in none of them)
        row["说明"] = row["说明"].replace(_UNCHECKED, _CHECKED_ONLY_PAID)
    months = _months_of(inputs.lists["payments"])
    tables = [t for t in inputs.tables if t.kind == "payments" or (exits is not None and t.kind == "exits"
                                                                    and Path(t.path) == Path(exits))]
    warnings += [f"{t.path.name}：{w}" for t in tables for w in t.warnings]
    return ({"overturned": sum(by_code.values()), "by_code": dict(sorted(by_code.items())), "stop_rule": rule,
             "months": months, "tables": tables}, warnings)


def _months_of(payments: pd.DataFrame) -> list[str]:
    """The distinct months ('YYYY-MM') some payments are for, in order."""
    return sorted({m for m in pd.unique(payments["month"].astype(str)).tolist() if m not in ("", "nan")})


CUT_IDS_UNCHECKED = "原清单的身份证号以数字格式存储、后几位已丢失，本季度资金发放明细中该户的发放无法按户主身份证号找到，未核对是否仍在发放，请按姓名核对"
_UNCHECKED = "（本次未核对发放明细，请以发放、追回记录核实"
_CHECKED_ONLY_PAID = "（本季度发放明细只用于核对应停发后是否仍在发放，追回、补发未与发放明细核对，请以发放、追回记录核实"


_SHARE_OF = re.compile(r"(?:每月 )?([\d,]+(?:\.\d+)?) 元（应追回份额")
_MEMBER_EVENT = ("C02", "F01", "F02")


def _earlier_amount(prev: pd.DataFrame, pid: str) -> float | None:
    """The household's monthly payment an earlier F01/F02 finding of the person shows (the amount her share was taken
    from, paid to the head for the household), or None."""
    said = [float(m.replace(",", "")) for _, f in prev.iterrows() if str(f.get("身份证号", "")) == pid
            and str(f.get("类别代码", "")) in ("F01", "F02") for m in _SHARE_OF.findall(str(f.get("依据", "")))]
    return max(said) if said else None


def _event_months(f: pd.Series, rule: str) -> tuple[str, str] | None:
    """(first, last) 'YYYY-MM' months a member's event stops her share ('9999-12' for no end), or None."""
    from .rules._money import month_add, month_of

    event = _event(f)
    if event is None:
        return None
    kind, cells = event
    day = dt.date.fromisoformat(cells.get("死亡日期") or cells.get("迁出日期") or cells.get("入监日期"))
    first = month_add(month_of(day), 1) if rule == "次月" else month_of(day)
    last = "9999-12"
    if kind == "prisoners":
        last = month_add(month_of(dt.date.fromisoformat(cells["刑期止日期"])), -1)
    return first, last


def _households_paid_whole(prev: pd.DataFrame, rows: list[dict], mctx, found: dict, rule: str) -> dict[str, int]:
    """A member's death, custody or move out reported done (她已减员) while her household stays enrolled: the household
    paid to the head in the review quarter after her stop as much as before (the amount an earlier F01/F02 finding
    shows) was not adjusted — 未整改 (置信度中: the household found by its head's ID, the amount compared); paid less is
    left as it is; no earlier amount to compare is said in 说明, the verdict left as it was. Returns code → flipped."""
    from .review import _READMITTED, _VERIFIED_ROW, DONE, OPEN
    from .rules._money import ledger, months_text, yuan

    led = None
    flipped: dict[str, int] = {}
    members = mctx.members
    heads = {h: j for j, h in zip(members.index, members["head_id"].astype(str)) if h}
    for at, (_, f) in enumerate(prev.iterrows()):
        row = rows[at]
        code = str(f.get("类别代码", ""))
        pid, hid = str(f.get("身份证号", "")), str(f.get("户主身份证号", ""))
        if (code not in _MEMBER_EVENT or at in found or row["整改状态"] != DONE or row.get(_READMITTED)
                or row.get(_VERIFIED_ROW) or not pid or pid == hid or hid not in heads
                or ids.id_number(hid).status != ids.VALID):
            continue
        span = _event_months(f, rule)
        if span is None:
            continue
        if led is None:
            led = ledger(mctx)
            household = np.asarray(led.household, dtype=object)
            usable = led.array("ok") & led.array("benefit")
            month = np.asarray(led.cols["month"], dtype=str)
            amount = pd.to_numeric(led.frame["amount"], errors="coerce").to_numpy(dtype=float)
        home = members.at[heads[hid], "household"]
        at_rows = np.flatnonzero(usable & (household == home) & (month >= span[0]) & (month <= span[1]))
        if not len(at_rows):
            continue
        per: dict[str, float] = {}
        for r in at_rows:
            per[month[r]] = per.get(month[r], 0.0) + float(amount[r])
        before = _earlier_amount(prev, pid)
        paid = "、".join(f"{m} {yuan(v)}" for m, v in sorted(per.items()))
        where = led.where(int(at_rows[0])) + (f" 等 {len(at_rows)} 行" if len(at_rows) > 1 else "")
        approved = pd.to_numeric(pd.Series([members.at[heads[hid], "benefit"] if "benefit" in members.columns else None]),
                                 errors="coerce").iloc[0]
        # a roster approving more than before (a raise, 提标) may pay a household of one fewer as much: not sure
        raised = before is not None and approved == approved and approved > before + 0.5
        if before is not None and max(per.values()) + 0.005 >= before and not raised:
            row["整改状态"] = OPEN
            claimed = str(row.get("乡镇填报状态") or "")
            row["说明"] = "；".join(x for x in (row["说明"], (
                (f"乡镇填报“{claimed}”，但" if claimed else "但") + f"{OVERTURNED}：该户（按户主身份证号找到，置信度中）"
                f"{months_text(list(per))}仍按户发放给户主（{paid}，{where}），不少于{f.get('姓名', '')}减员前每月 {yuan(before)}"
                "（上期依据），保障金未按减员调整。按未整改计，请核实是否已调整保障金并追回其份额")) if x)
            flipped[code] = flipped.get(code, 0) + 1
        elif before is None or (raised and max(per.values()) + 0.005 >= before):
            why = ("上期依据中没有减员前的发放金额" if before is None else
                   f"本期花名册该户的核定金额（{yuan(approved)}）高于减员前每月 {yuan(before)}（可能已提标）")
            row["说明"] = "；".join(x for x in (row["说明"], (
                f"本季度资金发放明细中该户在{f.get('姓名', '')}应停发以后仍按户发放给户主（{paid}，{where}），{why}，"
                "无法判断是否已按减员调整保障金，请核实")) if x)
    return flipped


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


__all__ = ["OVERTURNED", "still_paid_rows", "CHECKS", "FILE_NAMES", "STOPPED_BY", "event_lists", "overturn_note", "review_months", "still_paid",
           "stop_day"]
