"""Coverage leads (漏保线索): households or people who may qualify and are on no roster (L01–L05).

Each lead rests on list rows linked by ID (never a name alone), names those rows and the figures, and
carries a priority. Leads are registered in ``_coverage.LEADS`` and run only by ``rostercheck coverage``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..model import HIGH, LOW, MEDIUM, Context
from ..roster import roster_place
from ..normalize import codes, ids
from ..normalize.codes import counted
from ..normalize.values import date as date_of, money as amount_of, text
from ..match import EXACT_KEY, link_lists
from ..regions import town_and_village
from . import list_label, where
from ._econ import weakest
from ._household import standard_for
from ._money import failed_status, is_code, month_add
from ._money import params as money_params
from .c07_supporters import legal_supporter, supporter_means
from ._coverage import (BARE_CODE, BY_BIRTH, BY_MASK, MASKED_DEATH_LOWERED, MASKED_DEATH_NOTED, PID_BY, Household, Lead, _cached, cell, covered_rows, custody_of, dead_ids, dead_rows, decisions,
                        disability_of, disabled_by_id, edge_said, exit_moves, former_pairs, frame, household_covered, household_key, households,
                        identity, illness_by_id, lead, level_said, resolved_said, link_confidence, list_columns, masked_deaths_among, monitoring_of, params, person, place, registry_fellows, registry_heads,
                        re_examined, risk_cell_date, risk_unread, roster_heads, roster_member, row_of, rows, severe, tekun_ids, unable_by, written,
                        yuan)


def _standard(ctx: Context, area: str) -> float:
    return ctx.standard(area)


def _income_text(income: float, standard: float, area: str) -> str:
    return f"家庭人均月收入 {yuan(income)} 元，低于{area or '本地'}低保标准 {yuan(standard)} 元"


_INCOMES = ("income_month", "income_year", "income_total")  # (as monthly_income reads them, first given first)


def _incomes_read(ctx: Context) -> list[str]:
    """The monitoring list's income columns (月人均收入, 年人均收入, 家庭年收入) it has at all."""
    return [f for f in _INCOMES if f in ctx.lists["monitoring"].columns]


def _income_unknown(ctx: Context, hh: Household) -> str:
    """'家庭年人均纯收入未填': a monitoring household whose income cells are all blank (or no amount), as the evidence says
    it, naming each column by the header it was read from and quoting what stands there that is no amount."""
    from ..io.columns import FIELD_NAMES

    recs, said = rows(ctx, "monitoring"), []
    for fld in _incomes_read(ctx):
        label = next((cell(recs[r], f"{fld}_label") for r in hh.rows if cell(recs[r], f"{fld}_label")), FIELD_NAMES[fld])
        given = next((cell(recs[r], fld) for r in hh.rows if cell(recs[r], fld)), "")
        said.append(f"“{label}”" + (f"填“{given}”，不是金额" if given else "未填"))
    return "、".join(dict.fromkeys(said))


def _income_of(hh: Household, std: float) -> tuple[float | None, list[tuple[int, float]]]:
    """The income per person L01 judges a household on several monitoring files by, and the files' (row, income)
    that differ from it (the cited one first, its row '' when it is the household's own first income): the first file's
    income, or, when it is at or above the standard, the first file's below it (a 防返贫 list's 450 元 beside a 低保边缘
    list's 620 元 is a lead whichever file comes first: held-out 411)."""
    given = [(r, x) for r, x in hh.list_incomes]
    if not given or hh.income is None:
        return hh.income, []
    income = hh.income
    if income >= std:
        income = next((x for _, x in given if x < std), income)
    cited = next(((r, x) for r, x in given if x == income), None)
    others = [(r, x) for r, x in given if abs(x - income) >= 0.005]
    if not others:
        return income, []
    first = ("" if cited is None or cited == given[0] else cited[0], income)
    return income, [first, *others]


def _closed_later_text(ctx: Context, hh, row: dict) -> str:
    """What a lead says of a monitoring household the list reads as eliminated on a date after the review date (the
    status as ``row``, one of its rows, gives it)."""
    recs = rows(ctx, "monitoring")
    risk = cell(row, "risk")
    label = next((cell(recs[r], "risk_date_label") for r in hh.rows if cell(recs[r], "risk_date_label")), "风险消除日期")
    if date_of(risk) is not None and risk_cell_date(risk, params(ctx, "L01")) and not cell(row, "risk_date"):
        # the date is the status cell itself (held-out 457)
        return (f"风险状态一栏填的是日期 {hh.closed_later.isoformat()}（按风险消除日期读），在核查基准日之后，"
                "核查基准日时风险尚未消除（是否已消除待核实）")
    kind = cell(row, "monitor_type")
    if not risk and not (kind and any(len(w) > 1 and w in kind for w in params(ctx, "L01")["risk_closed_words"])):
        # (a date alone, no status saying eliminated: h429)
        return (f"名单未写风险是否消除，只填了{label} {hh.closed_later.isoformat()}，在核查基准日之后，"
                "核查基准日时风险尚未消除（是否已消除待核实）")
    return ((f"风险状态“{risk}”" if risk else "名单记为风险已消除") + f"，但{label} {hh.closed_later.isoformat()} "
            "在核查基准日之后，核查基准日时风险尚未消除（待核实）")


@lead("L01")
def low_income_monitored(ctx: Context) -> list[Lead]:
    """Monitoring households, risk not eliminated, income per person below the standard, no member on a roster; a
    household whose income is not given, or whose risk the list says eliminated only after the review date, at 低."""
    p = params(ctx, "L01")
    out, unpriced = [], []
    dead = dead_rows(ctx, "monitoring")
    priced = bool(_incomes_read(ctx)) if ctx.has("monitoring") else False  # (no income column at all: said, no lead)
    for hh in households(ctx).values():
        later = hh.closed_later  # eliminated after the review date: not yet on it, a lead to confirm (held-out 235)
        if hh.covered or not (hh.open or later):
            continue
        area = hh.area or ctx.common.get("default_area", "")
        std = _standard(ctx, area)
        if hh.income is None and not priced:
            continue
        income, differ = _income_of(hh, std)
        if income is not None and income >= std:
            continue
        alive = [r for r in hh.rows if r not in dead]
        recs = rows(ctx, "monitoring")
        gone = dead_ids(ctx)
        kin = None  # a list naming only its dead head: a living member the registry gives his household (held-out 108)
        if not alive:
            # (not in a 户号 the registry gives two 户主: two households under one number, or a clash of numbers)
            kin = next((found for pid in hh.pids if pid not in gone and pid != hh.head.get("head_pid")
                        if (found := row_of(ctx, pid, ("registry",))) and not codes.is_head(cell(found, "relation"))
                        and len(registry_heads(ctx).get(cell(found, "household_no"), ())) == 1), None)
            if kin is None:
                continue
        # a member in prison on the review date is no member to enrol now; all of them: no household (held-out 221)
        jailed = custody_of(ctx) if p["custody_excludes"] else {}
        held = [pid for pid in hh.pids if pid not in gone and pid in jailed]
        if held and not any(pid not in gone and pid not in jailed for pid in hh.pids):
            continue
        head = hh.head if not alive or hh.head.get("_row") in {recs[r]["_row"] for r in alive} else recs[alive[0]]
        if differ and differ[0][0] != "":  # the income read is another file's: its row is the one cited
            head = recs[differ[0][0]]
        far = income is not None and income <= std * p["far_below_share"]
        # (a dead member's severity raises nothing, held-out 120; nor one in prison's)
        heavy = [pid for pid in hh.pids if pid not in gone and pid not in jailed and _severe_or_ill(ctx, pid)]
        late_head = hh.head.get("head_pid") if kin is None and hh.head.get("head_pid") in gone else None
        unread = risk_unread(head, p)  # a code no word reads: counted open, never 高 (held-out 108)
        priority = MEDIUM if unread else HIGH if far or heavy else MEDIUM
        means = _means(ctx, hh.pids, std, subject=hh.head.get("head_pid") or "")
        # an income not given, a risk eliminated after the review date: the list leaves it open, the visit says
        if hh.unsure or means.lowers or income is None or later:
            priority = LOW
        if income is None:
            unpriced.append(hh.key)
        # another file's income at or above the standard: the lists disagree, the visit decides (held-out 411)
        above = [(r, x) for r, x in differ[1:] if x >= std]
        if above and priority == HIGH:
            priority = MEDIUM
        if hh.resolved and priority == HIGH:  # a masked ID the registry resolved: no exact ID, 中 at most (h429)
            priority = MEDIUM
        row = head
        risk = cell(row, "risk")
        if later:
            risk_text = _closed_later_text(ctx, hh, row) + "，"
        elif unread:
            risk_text = f"风险状态“{risk}”未能识别，按未消除计，"
        elif "risk" not in list_columns(ctx, "monitoring", row):
            # (no risk column, as a 低保边缘家庭 list: nothing to say of it, held-out 390)
            risk_text = ""
        else:
            risk_text = f"风险未消除{'' if risk == '' else '（原表填“' + risk + '”）'}，"
        money_text = (_income_text(income, std, area) if income is not None else
                      f"{_income_unknown(ctx, hh)}，无法判断是否低于{area or '本地'}低保标准 {yuan(std)} 元，入户时核实收入")
        namesakes = _masked_namesakes(ctx, hh) if hh.unsure else ""
        kind_text = (f"监测类型“{_monitor_type(cell(row, 'monitor_type')) or '未填'}”，" if "monitor_type" in list_columns(ctx, "monitoring", row)
                     else "")
        evidence = (f"{where(ctx, 'monitoring', row)}：" + kind_text + risk_text + money_text
                    + (f"（不高于标准的 {p['far_below_share']:.0%}，优先级高）" if far and priority == HIGH else "") + "；"
                    + (f"{_none_enrolled(len(hh.pids) or len(hh.rows), len(set(hh.pids) & gone))}{edge_said(ctx, hh.pids)}"
                       if not namesakes
                       else "低保、特困花名册中没有身份证号与本户成员相同的人")
                    + (f"（户主 {cell(hh.head, 'head_name') or cell(hh.head, 'name')} 已去世）" if late_head else "")
                    + ("；户内有重度残疾或重病成员" if heavy else "")
                    + (f"；其中{'、'.join(_named(ctx, x) for x in held)}在押服刑（{ctx.labels['prisoners']}），"
                       "核实家庭人口时不计" if held else "")
                    + (_unsure_said(ctx, hh) + "，是否已在册无法按身份证号确认" + namesakes if hh.unsure else "")
                    + "".join(resolved_said(ctx, recs[r]) for r in hh.resolved)
                    + (f"；户主 {cell(row, 'head_name') or cell(row, 'name')} 已去世，线索列其同户的 {cell(kin, 'name')}"
                       f"（{where(ctx, 'registry', kin)}）" if kin is not None else "")
                    + _means_said(means, "收入可能不止申报数，请核实")
                    + "".join(f"；另{where(ctx, 'monitoring', recs[r])}写家庭人均月收入 {yuan(x)} 元"
                              + ("，不低于标准，两份名单的收入不一致，入户时核实" if x >= std else "")
                              for r, x in differ[1:]))
        who = person(kin, kin, place(ctx, row, kin)) if kin is not None else person(row, hh.head, place(ctx, row, hh.head))
        out.append(Lead("L01", priority, link_confidence(row), who, evidence,
                        list_label(ctx, "monitoring", row), str(row.get("_row", "")),
                        "成员身份证号" if hh.pids else "户主身份证号" if hh.head.get("head_pid") else "姓名+村",
                        {"人均月收入": yuan(income), "保障标准": yuan(std), "城乡类别": area,
                         "监测类型": _monitor_type(cell(row, "monitor_type"))}, hh.key))
    ctx.cache["cov:l01-unpriced"] = unpriced
    return out


def income_gaps(ctx: Context) -> list[str]:
    """What L01 made of monitoring rows without an income: a notice counting them and the leads they gave (held-out 235:
    two households with a blank 家庭年人均纯收入 left out without a word), or that the list gives no income at all."""
    if not ctx.has("monitoring") or not len(ctx.lists["monitoring"]):
        return []
    label = ctx.labels["monitoring"]
    if not _incomes_read(ctx):
        return [f"{label}没有家庭收入列（年人均纯收入、月人均收入或家庭年收入）：L01 无法比较收入，未产生线索；"
                "请在名单中加上收入列后重新运行。"]
    blank = [hh for hh in households(ctx).values() if hh.income is None]
    if not blank:
        return []
    lines = sum(len(hh.rows) for hh in blank)  # (a household's income is any of its rows': each row is blank)
    listed = len(ctx.cache.get("cov:l01-unpriced", ()))
    names = "、".join(dict.fromkeys(cell(hh.head, "head_name") or cell(hh.head, "name") for hh in blank[:3]))
    return [f"{label}中有 {lines} 行（{len(blank)} 户，如 {names}）家庭收入未填或不是金额：其中 {listed} 户风险未消除、"
            f"本户无人在低保或特困花名册中，已列为 L01“低”线索（入户时核实收入）"
            + (f"，其余 {len(blank) - listed} 户已纳入保障、风险已消除或已去世等，未列" if listed < len(blank) else "")
            + "；请让报送单位补填收入。"]


class Means(NamedTuple):
    """What :func:`_means` found: ``found`` and ``moved`` make a lead 低; ``partly`` is only said."""

    found: list[str]
    moved: list[str]
    partly: list[str]

    @property
    def lowers(self) -> bool:
        """Whether the lead is 低 for them."""
        return bool(self.found or self.moved)


def _means(ctx: Context, pids: list[str], standard: float, subject: str = "") -> Means:
    """What the audit's lists say of a household's members (the same tests as C01, C02, C04, C05, C06): a car, a
    business in operation, a place on the public payroll, wages that alone lift every known member above the
    standard; and, apart, a move out of the county (by the move list, or the exit list's 退出原因); each by an exact
    ID. A lead with any of them is 低 — but a move on the move list only when every known living member moved, or
    ``subject`` did (the household's head; the person of a lead about one member): a daughter married out of the
    county leaves her parents' household here (h446: such a household was L01 低 "可能已不在本县"); the others' moves
    are said (``partly``).

    Args:
        ctx: the run's context.
        pids: the household's known members (or the one person).
        standard: the line wages are compared with, per known member.
        subject: the household's head, or the person the lead is about when it is about one member.

    Returns:
        The means, the moves out of the county and the moves of only some members, as texts for the evidence
        (:func:`_means_said`).
    """
    from ._econ import BULK_CODE_READ, bulk_business_note, business_running, vehicle_counts

    wanted, out = set(pids), []
    for kind, says in (("vehicles", lambda row: vehicle_counts(row, ctx.specs["C04"].params, ctx.as_of) and "名下有车辆"),
                       # (in operation by the list's bulk code only, as C05 reads it: said, h395)
                       ("businesses", lambda row: (running := business_running(ctx, row)) and "经营在业市场主体"
                        + (f"（{bulk_business_note(ctx)}）" if running == BULK_CODE_READ else "")),
                       ("staff", lambda row: "在财政供养人员名单中")):
        if not ctx.has(kind) or "id" not in ctx.lists[kind].columns:
            continue
        ref = ctx.lists[kind]
        for r in ref.index[ref["id"].isin(wanted) & (ref["id_status"] == ids.VALID)].tolist():
            text = says(ref.loc[r])
            if text:
                out.append(f"{where(ctx, kind, ref.loc[r])}：{ref.at[r, 'name']} {text}")
    listed = _moved_out(ctx, wanted) if ctx.has("migrations") else []
    gone = dead_ids(ctx)
    left = {pid for pid, _ in listed}
    whole = left >= {pid for pid in wanted if pid not in gone} or subject in left
    moved = [text for _, text in listed] if whole else []
    partly = [] if whole else [text for _, text in listed]
    moved += _registry_moves(ctx, wanted)
    moved += [f"{where(ctx, kind, row)}：{cell(row, 'name') or cell(row, 'head_name')} "
              f"{'退出原因' if kind == 'exits' else '未获批原因'}“{written(row, 'reason')}”（户籍已迁出本县）"
              for pid, (row, _, kind) in exit_moves(ctx).items() if pid in wanted]
    if ctx.has("wages") and "wage" in ctx.lists["wages"].columns:
        ref = ctx.lists["wages"]
        part = ref[ref["id"].isin(wanted) & (ref["id_status"] == ids.VALID)]
        for pid, paid in part.groupby("id")["wage"]:
            average = float(pd.to_numeric(paid, errors="coerce").mean())
            if average > standard * max(len(wanted), 1):  # alone above the standard for every known member
                out.append(f"{ctx.labels['wages']}：{part.loc[part['id'] == pid, 'name'].iat[0]} 缴费工资月均 {yuan(average)} 元")
    return Means(out, moved, partly)


def _means_said(found: Means, ask: str) -> str:
    """What :func:`_means` found, as the evidence says it: the means with what ``ask`` asks; a move out of the county asks
    whether the household is still here (held-out 99: it asked whether the income was more than declared); some
    members' moves ask who still lives in the household."""
    means, moved, partly = found
    return ((f"；但{'；'.join(means)}，{ask}" if means else "")
            + (f"；但{'；'.join(moved)}，本户可能已不在本县，请核实是否已迁回" if moved else "")
            + (f"；其中{'；'.join(partly)}，其余成员仍在本县，入户时核实家庭人口（已迁出的不计）" if partly else ""))


def _moved_out(ctx: Context, wanted: set) -> list[tuple[str, str]]:
    """Members who moved out of the county by the review date (as C02 judges the move list), as (ID, text)."""
    from .c02_status import move_judged

    ref, out = ctx.lists["migrations"], []
    for r in ref.index[ref["id"].isin(wanted) & (ref["id_status"] == ids.VALID)].tolist():
        row = ref.loc[r]
        judged = move_judged(ctx, row, ctx.specs["C02"].params)
        if judged is not None and judged[0] is False:
            out.append((row["id"], f"{where(ctx, 'migrations', row)}：{row['name']} 已迁出本县（迁往 {judged[1] or '未填'}）"))
    return out


def _registry_moves(ctx: Context, wanted: set) -> list[str]:
    """Members the registry's 人员状态 says moved out (迁出), when no known member is still in the registry (every row of
    theirs moved or dead): the household left. One member's old 迁出 row (a daughter married away) says nothing of the
    rest, and a move within the county leaves the person a row under the new 户号 (held-out 366: a household all 迁出
    was an L01 中)."""
    if not ctx.has("registry") or "left" not in ctx.lists["registry"].columns:
        return []
    reg = ctx.lists["registry"]
    mine = reg[reg["id"].isin(wanted) & (reg["id_status"] == ids.VALID)]
    if mine.empty:
        return []
    left = mine["left"].copy()
    for r in mine.index[left != ""]:  # (a household's few rows)
        if _still_here(ctx, mine.loc[r]):
            left[r] = ""
    usual = _usual_status_code(ctx)
    if usual and "status" in mine.columns and (left == "").all():
        # every known member under a rarer code of a 人员状态 nothing explains: likely gone (h494: households dead or
        # moved out by codes 2, 3 beside 1,060 rows of 1 were L01 高)
        codes_ = [cell(mine.loc[r], "status") for r in mine.index]
        if all(c and c != usual and BARE_CODE.fullmatch(c) for c in codes_):
            return [f"{where(ctx, 'registry', mine.loc[r])}：{mine.at[r, 'name']} 人员状态为代码“{c}”（名单未说明代码含义，"
                    f"其中多数人为“{usual}”），可能已迁出或死亡" for r, c in zip(mine.index, codes_)]
    if (left == "").any() or not (left == "moved").any():
        return []
    return [f"{where(ctx, 'registry', mine.loc[r])}：{mine.at[r, 'name']} {_gone_said(mine.loc[r])}"
            for r in mine.index[left == "moved"]]


def _usual_status_code(ctx: Context) -> str:
    """The code most of a registry's 人员状态 cells hold (``[L01] usual_status_share`` of them or more) when the column is
    codes that nothing explains (two or more, none read as a death or a move): the present members'; '' otherwise."""
    from ..reference import gone_from_household

    def make() -> str:
        reg = ctx.lists["registry"]
        if "status" not in reg.columns:
            return ""
        return _usual_code([text(v) for v in reg["status"].tolist()], params(ctx, "L01")["usual_status_share"],
                           lambda c: not gone_from_household(c))

    return _cached(ctx, "cov:usual-status", make)


def _still_here(ctx: Context, row: pd.Series) -> bool:
    """Whether a registry row marked gone (``left``) leaves its person in the county on the review date all the same:
    dated (迁出日期, 注销日期) after the review date, or a move whose 迁往地 is inside the county (C02's judgement of a move
    list's row; held-out 380: a household moved to another township of the county, and one leaving in November, were
    L01 低 "可能已不在本县")."""
    from .c02_status import move_judged

    day = cell_date(row, "moved_on") or cell_date(row, "cancelled")
    if day is not None and day > ctx.as_of:
        return True
    if row.get("left") != "moved" or not (cell(row, "dest") or cell(row, "dest_code")):
        return False
    judged = move_judged(ctx, {"id": row.get("id"), "date": day, "dest": cell(row, "dest"),
                               "dest_code": cell(row, "dest_code")}, ctx.specs["C02"].params)
    return judged is not None and judged[0] is True


def _gone_said(row: pd.Series) -> str:
    """A registry row's leaving as the evidence says it: its 人员状态 as written, else its dates; the destination."""
    status = cell(row, "status")
    said = f"人员状态“{status}”" if status else ""
    for fld, label in (("moved_on", "迁出日期"), ("cancelled", "注销日期")):
        if cell_date(row, fld) is not None:
            said += f"{'，' if said else ''}{label} {cell_date(row, fld).isoformat()}"
    dest = " ".join(x for x in (cell(row, "dest_code"), cell(row, "dest")) if x)
    if dest:
        said += f"，迁往“{dest}”"
    return f"{said}（户籍已迁出）"


def cell_date(row: pd.Series, fld: str) -> dt.date | None:
    """A parsed date cell of a row, else None."""
    d = row.get(fld)
    return d if isinstance(d, dt.date) else None


def _severe_or_ill(ctx: Context, pid: str) -> bool:
    p = params(ctx, "L02")
    d = disabled_by_id(ctx).get(pid)
    ill = illness_by_id(ctx)
    # (an ill person found by name + birth date only raises no household's lead: h429)
    return bool((d and severe(d[1], d[2], p)) or (pid in ill and rows(ctx, "illness")[ill[pid]].get(PID_BY) != BY_BIRTH))


@lead("L02")
def severe_member(ctx: Context) -> list[Lead]:
    """A severely disabled or seriously ill member of a low-income monitoring household that no roster covers."""
    p = params(ctx, "L02")
    out = []
    dead = dead_ids(ctx)
    jailed = custody_of(ctx) if p["custody_excludes"] else {}  # in prison: nobody to enrol now, as L01 (held-out 221)
    members = monitoring_of(ctx)
    dis = disabled_by_id(ctx)
    ill = illness_by_id(ctx)
    for pid in sorted(set(dis) | set(ill)):
        hh = members.get(pid)
        # (eliminated only after the review date: not yet on it, a 低 lead as L01's)
        if hh is None or hh.covered or not (hh.open or hh.closed_later) or pid in dead or pid in jailed:
            continue
        area = hh.area or ctx.common.get("default_area", "")
        std = _standard(ctx, area)
        line = std * p["low_income_multiple"]
        income, differ = _income_of(hh, std)  # (two monitoring files' incomes: as L01, held-out 411)
        if income is not None and income >= line:
            continue
        reasons, figures, hits = [], {}, []
        level = None
        if pid in dis:
            r, cat, level = dis[pid]
            if severe(cat, level, p):
                row = rows(ctx, "disabled")[r]
                hits.append(("disabled", row))
                reasons.append(f"{where(ctx, 'disabled', row)}：{cat or '类别未填'}残疾 {level_said(row, level)}")
                figures.update({"残疾类别": cat, "残疾等级": str(level)})
            else:
                level = None
        if pid in ill:
            row = rows(ctx, "illness")[ill[pid]]
            hits.append(("illness", row))
            paid = cell(row, "self_paid")
            reasons.append(f"{where(ctx, 'illness', row)}：病种“{cell(row, 'disease') or '未填'}”" + (f"，个人自付 {paid} 元" if paid else ""))
            figures["病种"] = cell(row, "disease")
        if not hits:
            continue
        kind, row = hits[0]
        if income is None:
            priority = LOW
            money_text = "监测名单未填家庭收入"
        else:
            priority = HIGH if income < std and (level is not None or kind == "illness") else MEDIUM  # severe
            money_text = f"家庭人均月收入 {yuan(income)} 元，低于低收入线 {yuan(line)} 元（{area or '本地'}低保标准 {yuan(std)} 元 × {p['low_income_multiple']}）"
        if priority == HIGH and any(x >= std for _, x in differ[1:]):
            priority = MEDIUM  # another file's income at or above the standard: the visit decides
        # the household's means on the audit's lists (a brother on the public payroll, wages above the line for every
        # known member, a car, a move out of the county) contradict the low income the lead rests on, as they do its
        # L01 (h446: a 肢体一级 member whose brother is a 公务员 was L02 高 while the household's L01 was 低)
        means = _means(ctx, list(dict.fromkeys([pid, *hh.pids])), line, subject=pid)
        if hh.unsure or hh.closed_later or row.get(PID_BY) == BY_BIRTH or means.lowers:  # (name + birth: h429)
            priority = LOW
        elif hh.resolved and priority == HIGH:
            priority = MEDIUM
        recs = rows(ctx, "monitoring")
        head = recs[differ[0][0]] if differ and differ[0][0] != "" else hh.head
        listed = {recs[r]["pid"] for r in hh.rows} | {recs[r]["head_pid"] for r in hh.rows}
        through = "" if pid in listed else "（按户籍同户号，监测名单未列本人）"  # a kinship inferred: 中 at most
        # 农村低收入家中的重病患者不能单人户施保，若符合条件，应整户施保 (seed 004; held-out 292): an illness alone, no
        # severe disability, in a household not said to be urban
        whole = level is None and kind == "illness" and "城" not in str(area or "")
        evidence = (f"{'；'.join(reasons)}；本人属{where(ctx, 'monitoring', head)}所在监测户{through}（{_closed_later_text(ctx, hh, head) if hh.closed_later else '风险未消除'}），{money_text}；"
                    + ("本户成员均不在低保、特困花名册中" + edge_said(ctx, [pid, *hh.pids])
                       + ("；农村低收入家庭中的重病患者不能单人户施保，如符合条件应整户施保" if whole else "，可考虑单人户施保"))
                    + _means_said(means, "家庭收入可能高于低收入线，请核实")
                    + "".join(f"；另{where(ctx, 'monitoring', recs[r])}写家庭人均月收入 {yuan(x)} 元"
                              + ("，不低于低保标准，两份名单的收入不一致，入户时核实" if x >= std else "")
                              for r, x in differ[1:])
                    + "".join(resolved_said(ctx, x) for x in (row, *(recs[r] for r in hh.resolved))))
        sure = weakest([link_confidence(row), MEDIUM]) if through else link_confidence(row)
        out.append(Lead("L02", priority, sure, identity(ctx, row), evidence,
                        list_label(ctx, kind, row), str(row.get("_row", "")),
                        "身份证号一致" if row.get("id_status") == ids.VALID else "姓名+出生日期（名单无身份证号）"
                        if row.get(PID_BY) == BY_BIRTH else f"姓名+身份证号前{ids.SURVIVING}位（以数字格式存储）",
                        {"人均月收入": yuan(income), "保障标准": yuan(std), "城乡类别": area,
                         "监测类型": _monitor_type(cell(head, "monitor_type")), **figures}, hh.key))
    return out


# ---- L03 特困 eligibility -------------------------------------------------------------------------

def _registry_ties(ctx: Context) -> dict[str, list[tuple[str, str]]]:
    """Return valid ID → [(relative's ID, kin)] from the registry: same 户号 by relation, and parent/spouse ID columns."""
    key = "cov:ties"
    if key in ctx.cache:
        return ctx.cache[key]
    from ..kinship import CHILD, HEAD, PARENT, SPOUSE, pair_kin, role

    ties: dict[str, list[tuple[str, str]]] = {}
    listed: dict[tuple[str, str], str] = {}  # (dependent, supporter) → the supporters list's 关系
    unowed: dict[str, list[str]] = {}  # dependent → the listed supporters who owe no support ('女婿王某（…）')
    registered: dict[tuple[str, str], str] = {}  # (户主, relative in his 户) → the registry's 与户主关系

    def add(a: str, b: str, kin: str) -> None:
        if a and b and a != b:
            ties.setdefault(a, []).append((b, kin))

    if ctx.has("registry"):
        reg = ctx.lists["registry"]
        pid = [v if s == ids.VALID else "" for v, s in zip(reg["id"], reg["id_status"])]
        rel = reg["relation"].tolist() if "relation" in reg.columns else [""] * len(reg)
        hh = reg["household_no"].tolist() if "household_no" in reg.columns else [""] * len(reg)
        groups: dict[str, list[int]] = {}
        for i, h in enumerate(hh):
            if str(h or "").strip():
                groups.setdefault(str(h).strip(), []).append(i)
        known = {x: role(x) for x in set(rel)}
        roles = [known[x] for x in rel]
        # Only people who can be a lead need their relatives (old, minor or on the disability list).
        p = params(ctx, "L03")
        year = ctx.as_of.year
        disabled = set(disabled_by_id(ctx))
        m = ctx.members
        disabled |= set(m.loc[m["disability"].astype(str).str.strip() != "", "id"])
        wanted = [bool(x) and (year - int(x[6:10]) >= p["elderly_age"] - 1 or year - int(x[6:10]) <= p["minor_age"] + 1
                               or x in disabled) for x in pid]
        for members in groups.values():
            for a in members:
                if not wanted[a]:
                    continue
                for b in members:
                    if a != b:
                        kin = pair_kin(roles[a], roles[b])
                        if kin in (SPOUSE, PARENT, CHILD):
                            add(pid[a], pid[b], kin)
                            # the 户主's relative named as the registry writes him (长子, 之妻), not by his sex (held-out 340)
                            if roles[a] == HEAD and pid[b] and codes.relation(rel[b]).meaning:
                                registered[(pid[a], pid[b])] = codes.relation(rel[b]).meaning
        for col, kin_of_row in (("father_id", PARENT), ("mother_id", PARENT), ("spouse_id", SPOUSE)):
            if col not in reg.columns:
                continue
            for me, other, s in zip(pid, reg[col].tolist(), reg[col + "_status"].tolist()):
                if me and s == ids.VALID:
                    add(me, other, kin_of_row)
                    add(other, me, CHILD if kin_of_row == PARENT else SPOUSE)
    if ctx.has("supporters"):
        sup = ctx.lists["supporters"]
        if "dependent_id" in sup.columns:
            legal = params(ctx, "C07")
            for d, ds, s, ss, r, n in zip(sup["dependent_id"], sup["dependent_id_status"], sup["id"], sup["id_status"],
                                           sup["relation"] if "relation" in sup.columns else [""] * len(sup),
                                           sup["name"] if "name" in sup.columns else [""] * len(sup)):
                # a son-in-law or a brother on the list owes no support (C07 legal_roles): he supports nobody here,
                # and the lead says so (held-out 206: the only supporter listed, dropped unsaid)
                if ds == ids.VALID and not legal_supporter(r, legal):
                    who = str(n or "").strip() + (f"（{ids.mask_id(s)}）" if ss == ids.VALID else "")
                    unowed.setdefault(d, []).append(f"{codes.relation(r).meaning}{who}不是法定义务人")
                if ds == ids.VALID and ss == ids.VALID and legal_supporter(r, legal):
                    kin = SPOUSE if re.search(r"配偶|夫|妻", str(r or "")) else CHILD
                    add(d, s, kin)
                    if codes.relation(r).meaning:  # the evidence names him as the list does (长子, 父亲), not by his sex
                        listed[(d, s)] = codes.relation(r).meaning
    ctx.cache[key] = ties
    ctx.cache["cov:listed-relations"] = {**registered, **listed}  # (the supporters list's word first, as before)
    ctx.cache["cov:unowed"] = unowed
    return ties


# what a lead's evidence says when no list can show relatives living elsewhere (_cross_household)
_NO_KIN = "；户籍信息的父母/配偶身份证号列没有或为空，也没有赡养义务人名单，无法排除在外居住的子女"
# Given a supporters list and no registry, a person the list does not name: nothing says whether relatives exist, a
# 低 lead (held-out 457: all seven planted L03 leads were dropped unsaid, as if the registry had no row of them)
_UNLISTED = "；未提供户籍人口信息，赡养义务人名单中没有本人，是否有配偶、成年子女等法定义务人不明，请入户核实"


def _cross_household(ctx: Context) -> bool:
    """Return whether the inputs can show relatives living in other households (parent columns or supporters)."""
    reg = ctx.lists.get("registry")
    cols = reg is not None and any(c in reg.columns and (reg[c].astype(str).str.strip() != "").any()
                                   for c in ("father_id", "mother_id", "spouse_id"))
    return bool(cols) or ctx.has("supporters")


def _age(pid: str, as_of: dt.date) -> int | None:
    born = ids.birth_date(pid) if pid else None
    return ids.age_on(born, as_of) if born else None


def _able_supporters(ctx: Context, pid: str, age: int | None, severe_self: bool,
                     ruled_out: list[str] | None = None, household: list[int] = ()) -> list[str]:
    """Return the text of each legal supporter found who is able to support (alive, not 特困, not old, not severe);
    ``ruled_out`` collects the others, each with why; ``household`` is the person's roster household (its standard
    measures an old supporter's wages)."""
    from ..kinship import CHILD, PARENT

    p = params(ctx, "L03")
    dead, tekun = dead_ids(ctx), tekun_ids(ctx)
    heads = roster_heads(ctx)
    dis = disabled_by_id(ctx)
    found = []
    ties = _registry_ties(ctx).get(pid, [])
    if ruled_out is not None:
        ruled_out.extend(ctx.cache["cov:unowed"].get(pid, []))
    for other, kin in dict.fromkeys(ties):
        a = _age(other, ctx.as_of)
        if kin == CHILD and a is not None and a < p["adult_age"]:
            continue
        if kin == PARENT and not ((age is not None and age < p["minor_age"]) or severe_self):
            continue
        word = (ctx.cache["cov:listed-relations"].get((pid, other)) or _kin_word(kin, other)) + _named(ctx, other)
        why = ("已死亡" if other in dead else _in_custody(ctx, other) or (
               "本人是特困人员" if other in tekun
               # 70 or more AND of low income and little property (第八条): one C07 finds means for is able
               else f"年满 {p['supporter_unable_age']} 周岁" if a is not None and a >= p["supporter_unable_age"]
               and not supporter_means(ctx, other, list(household))
               else f"年满 {p['elderly_age']} 周岁的低保对象" if a is not None and a >= p["elderly_age"] and other in heads
               else "重度残疾" if _severe(ctx, other, dis.get(other), p) else ""))
        if why:
            if ruled_out is not None:
                ruled_out.append(f"{word}{why}")
            continue
        found.append(word)
    return found


def _in_custody(ctx: Context, pid: str) -> str:
    """'在押服刑' when the prisoners list says the supporter is in custody on the review date (supporter_unable_in_custody),
    with the key when his ID there was stored as a number, else ''."""
    key = custody_of(ctx).get(pid) if params(ctx, "L03")["supporter_unable_in_custody"] else None
    return "" if key is None else "在押服刑" + ("" if key == EXACT_KEY else f"（服刑人员名单：{key}）")


def _kin_word(kin: str, pid: str) -> str:
    """父亲/母亲, 儿子/女儿, 配偶 by the tie and the relative's ID (its 17th digit: odd for men); 父母/子女 without it."""
    from ..kinship import CHILD, PARENT

    sex = ids.sex(pid) if len(pid) == 18 else ""
    if kin == PARENT:
        return {"男": "父亲", "女": "母亲"}.get(sex, "父母")
    if kin == CHILD:
        return {"男": "儿子", "女": "女儿"}.get(sex, "子女")
    return "配偶"


def _named(ctx: Context, pid: str) -> str:
    """A relative found through the registry, for the evidence: name (the registry's, else the deaths list's, the
    prisoners list's or the supporters list's: a prisoner or a son of 72 the registry lacks, held-out 206 and 331) and
    masked ID ('张三（430521********1234）')."""
    def make() -> dict[str, str]:
        named: dict[str, str] = {}
        for kind in ("supporters", "prisoners", "deaths", "registry"):  # (the registry's name wins)
            ref = frame(ctx, kind) if ctx.has(kind) else None
            if ref is not None and "name" in ref.columns and "pid" in ref.columns:
                named.update((k, v) for k, v in zip(ref["pid"].tolist(), ref["name"].tolist()) if k and str(v or "").strip())
        return named

    names = _cached(ctx, "coverage:registry_names", make)
    name = str(names.get(pid) or "").strip()
    return f"{name}（{ids.mask_id(pid)}）" if name else ids.mask_id(pid)


def _severe(ctx: Context, pid: str, listed, p: dict) -> bool:
    """Whether a person is severely disabled: by the disability list (category, level), else by any roster row of his
    (残疾情况 一级, 二级 …, roster_severe_pattern)."""
    if listed and severe(listed[1], listed[2], p):
        return True
    key = "cov:roster-disability"
    if key not in ctx.cache:
        m = ctx.members
        ctx.cache[key] = {i: str(d) for i, d in zip(m["id"].tolist(), m["disability"].tolist()) if i and d}
    return bool(pid) and bool(re.search(p["roster_severe_pattern"], ctx.cache[key].get(pid, "")))


def _criteria(ctx: Context, pid: str, age: int | None, roster_disability: str = "") -> list[str]:
    p = params(ctx, "L03")
    out = []
    if age is not None and age >= p["elderly_age"]:
        out.append(f"年满 {p['elderly_age']} 周岁（{age} 岁）")
    if age is not None and age < p["minor_age"]:
        out.append(f"未满 {p['minor_age']} 周岁（{age} 岁）")
    d = disabled_by_id(ctx).get(pid)
    by = unable_by(d, roster_disability, p)
    if by == "list":
        out.append(f"{d[1] or ''}残疾 {d[2]} 级")
    elif by == "roster":
        out.append(f"花名册残疾情况“{roster_disability}”")
    return out


# what an L03 lead asks when the person has means of his own (:func:`_means`)
_OWN_MEANS = "不一定符合特困“无生活来源”条件，请核实"


@lead("L03")
def tekun_eligible(ctx: Context) -> list[Lead]:
    """People who may meet the 特困 conditions: old, minor or severely disabled with no able legal supporter."""
    if not ctx.has("registry") and not ctx.has("supporters"):
        return []
    out = []
    dead, tekun = dead_ids(ctx), tekun_ids(ctx)
    # in prison on the review date: nobody to enrol or move to 特困 now, as L01 (held-out 221)
    jailed = custody_of(ctx) if params(ctx, "L03")["custody_excludes"] else {}
    by_id, _, _ = _registry_index(ctx)
    strong = _cross_household(ctx)
    seen: set[str] = set()
    # (a) uncovered people on the monitoring (risk open) or disability lists
    # (a') last, a monitored household's people the list leaves out but the registry puts in it (kin_only)
    for kind, kin_only in (("monitoring", False), ("disabled", False), ("monitoring", True)):
        if not ctx.has(kind) or (kin_only and not ctx.has("registry")):
            continue
        covered = covered_rows(ctx, kind)
        mon = monitoring_of(ctx)
        candidates = list(rows(ctx, kind).items())
        if kin_only:
            listed = {row["pid"] for row in rows(ctx, kind).values()}
            candidates = [(r, row) for r, row in rows(ctx, "registry").items()
                          if row["pid"] and row["pid"] not in listed and row["pid"] in mon]
        for r, row in candidates:
            pid = row["pid"]
            if not pid or pid in seen or pid in dead or pid in jailed or pid in tekun or (not kin_only and r in covered):
                continue
            hh = mon.get(pid)
            later = kind == "monitoring" and hh is not None and hh.closed_later  # as L01: a 低 lead
            if kind == "monitoring" and (hh is None or not (hh.open or later)):
                continue
            if (hh and hh.covered) or household_covered(ctx, [pid, row.get("head_pid", "")]):
                continue
            unknown = pid not in by_id and pid not in _registry_ties(ctx)
            if unknown and (ctx.has("registry") or (hh is not None and len(hh.pids) > 1)):
                continue  # nothing tells who the person's relatives are (or the list's household has some: not read)
            age = _age(pid, ctx.as_of)
            crit = _criteria(ctx, pid, age)
            sev, ruled = any("残疾" in c for c in crit), []
            if not crit or _able_supporters(ctx, pid, age, sev, ruled):
                continue
            seen.add(pid)
            priority = (HIGH if len(crit) > 1 else MEDIUM) if strong else LOW
            means = _means(ctx, [pid], _standard(ctx, (hh.area if hh else "") or ctx.common.get("default_area", "")))
            if means.lowers or later or unknown:
                priority = LOW  # a car or a business of his own: perhaps not without a living (无生活来源), as L01 says
            found_at = (f"{where(ctx, 'registry', row)}（与{where(ctx, 'monitoring', hh.head)}同一户籍户，监测名单未列本人）"
                        if kin_only else where(ctx, kind, row))
            evidence = (f"{found_at}：{'、'.join(crit)}；户籍信息" + ("及赡养义务人名单" if ctx.has("supporters") else "")
                        + "中未见有履行能力的法定义务人（配偶、成年子女" + ("、父母" if (age is not None and age < 18) or sev else "")
                        + "，已故、特困、年老或重度残疾的不计" + (f"：{'、'.join(ruled)}" if ruled else "")
                        + "）；本人及同户成员不在低保、特困花名册中" + edge_said(ctx, [pid, *(hh.pids if hh else ())])
                        + ("" if strong else _NO_KIN) + (_UNLISTED if unknown else "") + _means_said(means, _OWN_MEANS)
                        + (f"；{_closed_later_text(ctx, hh, hh.head)}" if later else ""))
            sure = weakest([link_confidence(row), MEDIUM]) if kin_only else link_confidence(row)
            out.append(Lead("L03", priority, sure, identity(ctx, row), evidence,
                            list_label(ctx, "registry" if kin_only else kind, row), str(row.get("_row", "")), "身份证号一致",
                            {"年龄": "" if age is None else str(age), "特困条件": "、".join(crit), "现保障类别": ""},
                            pid))
    # (b) 低保 members who may be 特困 (低保转特困)
    m = ctx.members
    for j, (pid, prog, st, dis_text) in enumerate(zip(m["id"], m["programme"], m["id_status"], m["disability"])):
        if st != ids.VALID or prog == "特困" or pid in seen or pid in dead or pid in jailed or pid in tekun:
            continue
        unknown = pid not in by_id and pid not in _registry_ties(ctx)
        if unknown and ctx.has("registry"):
            continue
        age = _age(pid, ctx.as_of)
        crit = _criteria(ctx, pid, age, str(dis_text or ""))
        if not crit:
            continue
        sev, ruled = any("残疾" in c for c in crit), []
        if _able_supporters(ctx, pid, age, sev, ruled, [j]) or _roster_supporters(ctx, j, age, sev, ruled):
            continue
        seen.add(pid)
        means = _means(ctx, [pid], standard_for(ctx, [j], higher_when_unread=True)[0])
        v = ctx.value
        evidence = (f"{roster_place(ctx.members.loc[j])}：{'、'.join(crit)}；户籍信息、花名册同户成员"
                    + ("及赡养义务人名单" if ctx.has("supporters") else "") + "中未见有履行能力的法定义务人"
                    + (f"（{'、'.join(dict.fromkeys(ruled))}）" if ruled else "") + "；"
                    "特困供养标准高于低保，建议按特困人员认定条件复核（低保转特困）"
                    + ("" if strong else _NO_KIN) + (_UNLISTED if unknown else "") + _means_said(means, _OWN_MEANS))
        out.append(Lead("L03", MEDIUM if strong and not means.lowers and not unknown else LOW, HIGH,
                        {"township": v(j, "township"), "village": v(j, "village"), "head_name": v(j, "head_name"),
                         "head_id": v(j, "head_id"), "name": v(j, "name"), "id": pid}, evidence,
                        f"花名册（{Path(str(v(j, 'file'))).name}）", str(v(j, "row")), "身份证号一致",
                        {"年龄": "" if age is None else str(age), "特困条件": "、".join(crit), "现保障类别": "低保"},
                        str(v(j, "household"))))
    return out


def _registry_index(ctx: Context):
    from ._coverage import registry_households

    return registry_households(ctx)


def _roster_supporters(ctx: Context, j: int, age: int | None, severe_self: bool,
                       ruled_out: list[str] | None = None) -> bool:
    """Return whether the member's roster household has an able spouse, adult child (or parent, for a minor or a
    severely disabled person); ``ruled_out`` collects the others, each with why."""
    from ..kinship import CHILD, PARENT, SPOUSE, pair_kin, role

    p = params(ctx, "L03")
    hh = ctx.value(j, "household")
    key = "cov:roster-households"
    groups = ctx.cache.get(key)
    if groups is None:
        groups = ctx.cache[key] = {}
        for i, h in enumerate(ctx.members["household"].tolist()):
            groups.setdefault(h, []).append(i)
    me = role(ctx.value(j, "relation"))
    # the relatives the registry ties him to were judged and said already (_able_supporters): not said twice
    said = {other for other, _ in _registry_ties(ctx).get(ctx.value(j, "id"), [])}
    for k in groups.get(hh, []):
        if k == j:
            continue
        kin = pair_kin(me, role(ctx.value(k, "relation")))
        a = ctx.value(k, "age")
        a = None if a is None or a != a else int(a)
        if kin == SPOUSE or (kin == CHILD and (a is None or a >= p["adult_age"])) or (
                kin == PARENT and ((age is not None and age < p["minor_age"]) or severe_self)):
            other = ctx.value(k, "id")
            # on a roster: 特困 himself, or a 低保 recipient aged 60 or more; a severely disabled supporter supports nobody
            why = (f"年满 {p['supporter_unable_age']} 周岁" if a is not None and a >= p["supporter_unable_age"]
                   else "本人是特困人员" if ctx.value(k, "programme") == "特困"
                   else f"年满 {p['elderly_age']} 周岁的低保对象" if a is not None and a >= p["elderly_age"]
                   else "已死亡" if other in dead_ids(ctx)
                   else _in_custody(ctx, other)
                   or ("重度残疾" if _severe(ctx, other, disabled_by_id(ctx).get(other), p) else ""))
            if not why:
                return True
            if ruled_out is not None and other not in said:  # the relation in words ('10' is 配偶)
                ruled_out.append(f"同户{ctx.value(k, 'name')}（{codes.relation(ctx.value(k, 'relation')).meaning}）{why}")
    return False


def _monitor_type(value: str) -> str:
    """A 监测类型 cell as written, a system's code with its name ('3（突发严重困难户）')."""
    named = codes.table("monitor_type")["codes"].get(value.lstrip("0")) if value.isdigit() else None
    return f"{value}（{named}）" if named else value


# ---- L04 两项补贴 ------------------------------------------------------------------------------------

def _items_of(row: dict, p: dict, default: str) -> set[str]:
    """Return the subsidies one payment row stands for ('living', 'care', 'any', or 'other')."""
    items = set()
    text = cell(row, "item") + " " + cell(row, "_sheet")
    if re.search(p["living_pattern"], text):
        items.add("living")
    if re.search(p["care_pattern"], text):
        items.add("care")
    for col, name in (("living_amount", "living"), ("care_amount", "care")):
        amount = cell(row, col)
        if amount and amount not in ("0", "0.0", "0.00", "-", "否", "无"):
            items.add(name)
    if not items and not cell(row, "item") and "living_amount" not in row and "care_amount" not in row:
        items.add(default)
    if not items and _DIGIT_CODE.fullmatch(cell(row, "item")):  # an item code nothing explains: either subsidy, said
        items.add("any")  # (held-out 282: 33 false L04 leads "查到的发放项目：其他补贴" of people paid both)
    return items or {"other"}


_DIGIT_CODE = re.compile(r"\d{1,4}")


def _subsidy_items(ctx: Context) -> tuple[dict[int, set[str]], set[str], dict[int, dict[str, str]],
                                          dict[int, dict[str, str]]]:
    """See :func:`_subsidy_items_of` (worked out once: L04 and :func:`subsidy_gaps` both ask)."""
    return _cached(ctx, "cov:subsidy-items", lambda: _subsidy_items_of(ctx))


def _subsidy_items_of(ctx: Context) -> tuple[dict[int, set[str]], set[str], dict[int, dict[str, str]],
                                             dict[int, dict[str, str]]]:
    """Return (disability-list row → subsidies received, the subsidies the payment list covers at all,
    disability-list row → subsidy → the month it was last paid, for subsidies paid only before the recent months,
    disability-list row → subsidy → the 发放状态 of a payment that failed (失败, 退回: not received, held-out 206)).

    A list that only ever pays the care subsidy says nothing about the living subsidy (and vice versa);
    a payment whose item is not named (nor the list's title) counts as 'any'. When the list gives months, a
    subsidy counts as received when it was paid in the list's latest ``recent_months`` months (a subsidy that
    stopped is not being received; a list of one old month still counts whole).
    """
    p = params(ctx, "L04")
    sub = frame(ctx, "subsidies")
    label = ctx.labels.get("subsidies", "")
    default = ("care" if re.search(p["care_pattern"], label) and not re.search(p["living_pattern"], label)
               else "living" if re.search(p["living_pattern"], label) and not re.search(p["care_pattern"], label) else "any")
    recs = rows(ctx, "subsidies")
    kinds = {r: _items_of(row, p, default) for r, row in recs.items()}
    covers = set().union(*kinds.values()) if kinds else set()
    if "any" in covers or "other" in covers:
        covers |= {"living", "care"}
    months = {r: cell(row, "month") for r, row in recs.items()}
    dated = sorted(m for m in months.values() if _MONTH.fullmatch(m))
    since = month_add(dated[-1], 1 - int(p["recent_months"])) if dated else ""
    found = link_lists(frame(ctx, "disabled"), sub)
    found = pd.concat([found[["m", "r"]], former_pairs(ctx, frame(ctx, "disabled"), sub)], ignore_index=True)
    out: dict[int, set[str]] = {}
    stale: dict[int, dict[str, str]] = {}
    failed: dict[int, dict[str, str]] = {}
    money = money_params(ctx)
    usual = _usual_code([cell(row, "status") for row in recs.values()], p["usual_status_share"],
                        lambda c: not failed_status(c, money) and not is_code(c, money["paid_codes"]))
    for d, s in zip(found["m"], found["r"]):
        d, s = int(d), int(s)
        status = _not_paid(recs[s], p, money)
        code = cell(recs[s], "status")
        if not status and usual and code and code != usual:
            # a rarer code of a 发放状态 nothing explains, most rows holding one code: likely not paid (h494: codes 2 of
            # failed payments beside 96 rows of 1 read as paid, L04 missed); a lead on it alone is 中 (UNEXPLAINED)
            status = f"{code}{UNEXPLAINED}（其中多数为“{usual}”）"
        if status:
            for kind in kinds[s]:
                failed.setdefault(d, {})[kind] = status
            continue
        if since and _MONTH.fullmatch(months[s]) and months[s] < since:
            for kind in kinds[s]:
                stale.setdefault(d, {})[kind] = max(months[s], stale.get(d, {}).get(kind, ""))
            continue
        out.setdefault(d, set()).update(kinds[s])
    return out, covers, stale, failed


_MONTH = re.compile(r"\d{4}-\d{2}")
# said after a status code nothing explains, which L04 took as a payment that failed: such a lead is 中 at most
UNEXPLAINED = "（代码含义未说明）"


def _usual_code(cells: list[str], share: float, unread=lambda c: True) -> str:
    """The code most of a column's cells hold (``share`` of the written ones or more) when the column is codes that
    nothing explains (two or more, each ``unread``); '' otherwise."""
    found = Counter(c for c in cells if c)
    if len(found) < 2 or not all(BARE_CODE.fullmatch(c) and unread(c) for c in found):
        return ""
    code, n = found.most_common(1)[0]
    return code if n >= share * sum(found.values()) else ""


def _not_paid(row: dict, p: dict, money: dict) -> str:
    """What says a subsidy row paid nothing: its 发放状态 when failed (失败, 退回: common.toml money_failed_words) or
    stopped ([L04] stopped_words: 停发, 暂停; held-out 457: three months 停发 with 0 元 counted as received), or its
    one amount of 0 (said as such); '' for a payment."""
    status = cell(row, "status")
    if status and (failed_status(status, money) or any(w in status for w in p["stopped_words"])):
        return status
    if "living_amount" not in row and "care_amount" not in row and amount_of(cell(row, "amount")) == 0:
        return "发放金额为 0"
    return ""


def subsidy_gaps(ctx: Context) -> list[str]:
    """What L04 could not check because the payment list holds no row of one of the two subsidies (a warning each)."""
    _, covers, _, _ = _subsidy_items(ctx)
    label = ctx.labels["subsidies"]
    coded = sorted({cell(row, "item") for row in rows(ctx, "subsidies").values() if _DIGIT_CODE.fullmatch(cell(row, "item"))},
                   key=lambda c: (len(c), c))
    said = [f"{label}的补贴类别写成代码（{'、'.join(coded[:6])}{'等' if len(coded) > 6 else ''}），未能识别，这些发放按两项补贴均已"
            "发放计（L04 不因此列出线索）；请在表头写明代码含义（如“补贴类别（1困难残疾人生活补贴 2重度残疾人护理补贴）”）或改为文字后"
            "重新运行"] if coded else []
    # a 发放状态 of two codes or more no word or code list reads (1, 2 with no 代码说明): one of them is likely a failure,
    # counted as paid (h494: two enrolled people whose every payment failed were no L04 lead, unsaid)
    money = money_params(ctx)
    unread = Counter(s for row in rows(ctx, "subsidies").values() if _DIGIT_CODE.fullmatch(s := cell(row, "status"))
                     and not failed_status(s, money) and not is_code(s, money["paid_codes"]))
    usual = _usual_code(list(unread.elements()), params(ctx, "L04")["usual_status_share"])
    if len(unread) >= 2:
        said.append(f"{label}的发放状态写成代码（{counted(unread)}），未能识别，"
                    + (f"“{usual}”按发放成功计，其他代码按可能未发放成功计（由此列出的 L04 线索最高为“中”）"
                       if usual else "均按发放成功计：其中发放失败、退回的看不出，L04 不因此列出线索")
                    + "；请在表头写明代码含义（如“发放状态（1成功 2失败）”）或附代码说明页后重新运行")
    return said + [f"{label}中没有{name}的发放记录，L04 未核查{name}（名单应含此项的，请补齐后重新运行）"
                   for kind, name in (("living", "困难残疾人生活补贴"), ("care", "重度残疾人护理补贴")) if kind not in covers]


@lead("L04")
def subsidies_missing(ctx: Context) -> list[Lead]:
    """Disabled members of 低保/特困 households without the living subsidy; level 1–2 without the care subsidy."""
    if not (ctx.has("disabled") and ctx.has("subsidies")):
        return []
    p = params(ctx, "L04")
    dead = dead_rows(ctx, "disabled")
    covered = covered_rows(ctx, "disabled")
    got, covers, stale, failed = _subsidy_items(ctx)
    key = _subsidy_key(ctx)
    out = []
    for r, row in rows(ctx, "disabled").items():
        if r in dead or (not row["pid"] and row["id_status"] not in (ids.CHECK, ids.NUMERIC, ids.SHORT)):
            continue
        items = got.get(r, set())
        if "any" in items:
            continue
        cat, level = disability_of(row)
        prog = covered.get(r) or (household_covered(ctx, [row["pid"]]) if row["pid"] else "")
        missing, last = [], stale.get(r, {})

        def unpaid(kind: str, name: str) -> str:
            month = last.get(kind) or last.get("any")  # (an item not recognised is neither: held-out 120)
            said = failed.get(r, {}).get(kind) or failed.get(r, {}).get("any")  # (its failure said once, below)
            return (f"{name}最近一次发放为 {month}，此后未见{'成功' if said else ''}发放" if month
                    else f"未见{name}{'成功发放' if said else ''}")

        living = bool(prog) and "living" not in items and "living" in covers
        care = level in p["care_levels"] and "care" not in items and "care" in covers
        # whether a 特困 person also gets the living subsidy is the province's rule (国发〔2015〕52号 names 低保
        # families): a lead on it alone is 中 (held-out 292)
        doubtful = living and prog not in p["living_sure_programmes"]
        if living:
            missing.append(f"本人所在家庭享受{prog}，{unpaid('living', '困难残疾人生活补贴')}"
                           + (f"（{prog}人员能否同时享受困难残疾人生活补贴，各地规定不同，请按本地政策核实）"
                              if doubtful else ""))
        if care:
            missing.append(f"残疾等级 {level_said(row, level)}，{unpaid('care', '重度残疾人护理补贴')}")
        if not missing:
            continue
        priority = HIGH if prog and level is not None and (care or not doubtful) else MEDIUM
        bad = failed.get(r, {})
        if any(UNEXPLAINED in v for v in bad.values()):
            priority = MEDIUM
        if row["id_status"] != ids.VALID or "other" in items:  # a damaged ID, or a payment under a name not recognised
            priority = LOW
        paid = "、".join(sorted(_SUBSIDY_NAMES[i] for i in items)) or "无"
        # a failed or returned payment is no payment: what was found is what was paid, the failures said beside it
        # (held-out 235: "查到的发放项目：无" and then the failed records)
        evidence = (f"{where(ctx, 'disabled', row)}：{cat or '类别未填'}残疾 {level_said(row, level) if level else '等级未填'}；"
                    f"《{ctx.labels['subsidies']}》中按{key}查到的{'近期' if last else ''}{'成功' if bad else ''}发放项目：{paid}"
                    + (f"；另有{'、'.join(f'{_SUBSIDY_NAMES[k]}发放状态为“{v}”' for k, v in sorted(bad.items()))}的记录，"
                       "未发放成功" if bad else "")
                    + f"；{'；'.join(missing)}")
        # the household as the roster has it (head, village); enrolled only through the registry household: 中
        j, kin = roster_member(ctx, row["pid"]) if row["pid"] else (None, False)
        who = identity(ctx, row)  # (the roster's household first, then any list placing her: as L02, L03)
        through = kin and not covered.get(r)  # enrolled only through her registry household: a kinship inferred
        sure = weakest([link_confidence(row), MEDIUM]) if through else link_confidence(row)
        if through:
            evidence += f"（本人所在户籍户的{ctx.value(j, 'name')}在{prog}花名册中）"
        out.append(Lead("L04", priority, sure, who, evidence,
                        list_label(ctx, "disabled", row), str(row.get("_row", "")), "身份证号（残疾人证号前18位）",
                        {"残疾类别": cat, "残疾等级": "" if level is None else str(level), "现保障类别": prog,
                         "已发补贴": paid}, row["pid"] or f"{cell(row, 'name')}|{row.get('_row')}"))
    return out


_SUBSIDY_NAMES = {"living": "生活补贴", "care": "护理补贴", "other": "其他补贴", "any": "补贴"}


def _subsidy_key(ctx: Context) -> str:
    """What L04 looked the payment list's people up by, as its evidence says it: 身份证号, or 残疾人证号前18位 for a list
    giving only the 20-digit 残疾人证号 (held-out 235: such a list said "按身份证号查到"), or both where rows differ."""
    sub = frame(ctx, "subsidies")
    by_cert = sub["id_from_cert"] if "id_from_cert" in sub.columns else pd.Series(False, index=sub.index)
    own = (sub["id_status"] == ids.VALID) & ~by_cert.astype(bool)
    if by_cert.any():
        return "身份证号或残疾人证号前18位" if own.any() else "残疾人证号前18位"
    return "身份证号"


def _unsure_said(ctx: Context, hh: Household) -> str:
    """Why L01 cannot tell by ID whether a household is enrolled: each member whose listed ID is damaged or masked, as
    the list wrote it (held-out 320: a mistyped check character and a 6+4 masked ID were both said "名单没有本户成员的
    身份证号"), else that no member has an ID at all."""
    recs = rows(ctx, "monitoring")
    said = []
    for r in hh.rows:
        row, status = recs[r], recs[r]["id_status"]
        if status in (ids.VALID, ids.MISSING):
            continue
        label = ids.STATUS_LABELS[ids.MASKED] if ids.masked(cell(row, "id_raw")) else ids.STATUS_LABELS.get(status, "有误")
        said.append(f"{cell(row, 'name') or cell(row, 'head_name')}的身份证号{label}")
    if said:
        return "；名单上" + "、".join(dict.fromkeys(said))
    return "；部分成员身份证号有误" if hh.pids else "；名单没有本户成员的身份证号（按姓名+村列出）"


def _masked_namesakes(ctx: Context, hh: Household) -> str:
    """Roster members of the same name as a member whose listed ID is masked (360726********3186) and whose valid ID
    shows the same leading and trailing digits: such a mask shows no birth date, so they are no match, but the visit
    should know of them (held-out 320: an enrolled 低保 recipient's masked row was said to be on no roster)."""
    recs, m, found = rows(ctx, "monitoring"), ctx.members, []
    for r in hh.rows:
        shown = ids.masked(cell(recs[r], "id_raw"))
        key = recs[r].get("name_key") or ""
        if shown is None or not key or ids.masked_shown(cell(recs[r], "id_raw")):
            continue  # (a mask showing the birth date is linked by match.link already)
        for j in m.index[(m["name_key"] == key) & (m["id_status"] == ids.VALID)].tolist():
            pid = str(m.at[j, "id"])
            if ids.shows(pid, shown):
                v = ctx.value
                found.append(f"{v(j, 'name') or cell(recs[r], 'name')}（{v(j, 'programme') or '低保'}，"
                             f"{town_and_village(v(j, 'township'), v(j, 'village'))}，身份证号 {ids.mask_id(pid)}）")
    if not found:
        return ""
    return ("；花名册中有姓名相同、身份证号露出的几位也相同的" + "、".join(dict.fromkeys(found))
            + "，可能就是此人、已在册，请先核实")


def _none_enrolled(n: int, dead: int) -> str:
    """'本户 3 名已知成员均不在…' ('…（其中 1 人已去世）…' when the deaths list names some), for one member
    '本户唯一已知成员不在…'."""
    if n == 1:
        return "本户唯一已知成员不在低保、特困花名册中"
    return f"本户 {n} 名已知成员{f'（其中 {dead} 人已去世）' if dead else ''}均不在低保、特困花名册中"


# ---- L05 退出或未获批家庭 ---------------------------------------------------------------------------

def _months_before(day: dt.date, n: int) -> dt.date:
    """The same day ``n`` calendar months earlier (the month's last day where it has fewer days): 2026-09-30 → 2025-09-30
    for 12 (held-out 256: 30.5-day months let an exit of 2025-09-29 in).

    Args:
        day: the review date.
        n: months.
    """
    months = day.year * 12 + day.month - 1 - n
    year, month = divmod(months, 12)
    first_next = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (first_next - dt.timedelta(days=1)).day))


@lead("L05")
def removed_or_refused(ctx: Context) -> list[Lead]:
    """Households removed or refused in the last months that now show low income or a new severe disability or illness."""
    p = params(ctx, "L05")
    since = _months_before(ctx.as_of, int(p["window_months"]))
    out = []
    mon = monitoring_of(ctx)
    dis = disabled_by_id(ctx)
    ill = illness_by_id(ctx)
    dead = dead_ids(ctx)
    l2 = params(ctx, "L02")
    for kind, word in (("exits", "退出"), ("rejected", "未获批")):
        if not ctx.has(kind):
            continue
        groups: dict[str, list[dict]] = {}
        approved, _, other = decisions(ctx) if kind == "rejected" else (set(), {}, {})
        approved = approved | re_examined(ctx) if kind == "rejected" else approved
        for r, row in rows(ctx, kind).items():
            if r not in approved:  # a decision list's 批准 rows (also on re-examination) are no refusals
                groups.setdefault(household_key(row), []).append({**row, "_decided": other.get(r, word)})
        for key, part in groups.items():
            when = next((row["date"] for row in part if isinstance(row.get("date"), dt.date)), None)
            if when is not None and not (since <= when <= ctx.as_of):
                continue
            pids = sorted({row["pid"] for row in part if row["pid"]} | {row["head_pid"] for row in part if row["head_pid"]})
            fellows = [x for pid in pids for x in registry_fellows(ctx, pid)]
            hh_mon = next((mon[x] for x in pids + fellows if x in mon), None)
            family = sorted(set(pids + fellows + (hh_mon.pids if hh_mon else [])))
            alive = [x for x in family if x not in dead]
            if not alive or household_covered(ctx, family):
                continue
            reasons, figures, priority = [], {}, MEDIUM
            direct = []  # per reason: about a person the exit row itself names (else a kinship the registry infers)
            grounds: list[set[str]] = []  # per reason: the people it rests on
            weak: list[dict] = []  # illness rows of reasons whose person was found by name + birth date only
            # (eliminated only after the review date: still a reason, 低 on its own, as L01's lead)
            unsure_risk = False
            if hh_mon and (hh_mon.open or hh_mon.closed_later) and hh_mon.income is not None:
                std = ctx.standard(hh_mon.area or ctx.common.get("default_area", ""))
                if hh_mon.income < std:
                    state = _closed_later_text(ctx, hh_mon, hh_mon.head) if hh_mon.closed_later else "风险未消除"
                    reasons.append(f"{where(ctx, 'monitoring', hh_mon.head)}：家庭人均月收入 {yuan(hh_mon.income)} 元，"
                                   f"低于低保标准 {yuan(std)} 元（{state}）")
                    direct.append(any(x in mon for x in pids))
                    grounds.append(set(alive))
                    figures.update({"人均月收入": yuan(hh_mon.income), "保障标准": yuan(std)})
                    unsure_risk = bool(hh_mon.closed_later)
                    if hh_mon.income <= std * params(ctx, "L01")["far_below_share"] and not unsure_risk:
                        priority = HIGH
            for x in alive:
                d = dis.get(x)
                if d and severe(d[1], d[2], l2):
                    drow = rows(ctx, "disabled")[d[0]]
                    dd = drow.get("date")
                    if isinstance(dd, dt.date) and when is not None and dd <= when:
                        continue  # known when the decision was taken
                    reasons.append(f"{where(ctx, 'disabled', drow)}：成员{cell(drow, 'name')} {d[1]}残疾 {d[2]} 级"
                                   + (f"（{dd.isoformat()} 办证）" if isinstance(dd, dt.date) else "")
                                   + ("" if x in pids else "（按户籍同户号）"))
                    direct.append(x in pids)
                    grounds.append({x})
                    figures.update({"残疾类别": d[1], "残疾等级": str(d[2])})
                if x in ill:
                    irow = rows(ctx, "illness")[ill[x]]
                    idate = irow.get("date")
                    if isinstance(idate, dt.date) and when is not None and idate <= when:
                        continue
                    reasons.append(f"{where(ctx, 'illness', irow)}：成员{cell(irow, 'name')} 病种“{cell(irow, 'disease')}”"
                                   + (f"（{idate.isoformat()} 起）" if isinstance(idate, dt.date) else "")
                                   + ("" if x in pids else "（按户籍同户号）"))
                    direct.append(x in pids)
                    grounds.append({x})
                    figures["病种"] = cell(irow, "disease")
                    if irow.get(PID_BY) == BY_BIRTH:  # (found by name + birth date only: a 低 reason, h429)
                        weak.append(irow)
            if not reasons:
                continue
            # a masked deaths row that may name the people a reason rests on (h429: a refused family's newly disabled
            # son, or its lone head, so named stayed 中): every reason so doubted is 低, some said
            doubted = masked_deaths_among(ctx, alive, cell(part[0], "head_name") or cell(part[0], "name"))
            doubt_all = bool(doubted) and all(g <= set(doubted) for g in grounds)
            # what the audit's lists say of the household (a car still registered …): as L01, the lead is 低
            means = _means(ctx, alive, ctx.standard((hh_mon.area if hh_mon else "") or ctx.common.get("default_area", "")),
                           subject=next((row["head_pid"] for row in part if row["head_pid"]), ""))
            if when is None or means.lowers or (unsure_risk and len(reasons) == 1) or doubt_all or len(weak) == len(reasons):
                priority = LOW
            head = next((row for row in part if row["pid"] and row["pid"] == row["head_pid"]), part[0])
            said = [*([] if when else ["日期未填"]), *([f"原因：{written(head, 'reason')}"] if cell(head, "reason") else [])]
            # (a date before a word is set apart by a space, as the other evidence writes it: '2026-02-10 未获批')
            evidence = (f"{where(ctx, kind, head)}：{when.isoformat() + ' ' if when else ''}{head['_decided']}"
                        + (f"（{'，'.join(said)}）" if said else "") + "；此后："
                        + "；".join(reasons) + "；本户现不在低保、特困花名册中" + edge_said(ctx, [r["pid"] for r in part])
                        + _means_said(means, f"请核实{word}原因是否仍然存在")
                        + "".join(resolved_said(ctx, x) for x in weak)
                        + (f"；{'' if doubt_all else '其中'}{'、'.join(doubted.values())}"
                           f"{MASKED_DEATH_LOWERED if doubt_all else MASKED_DEATH_NOTED}" if doubted else ""))
            # the household's change known only through a kinship the registry infers: 中 at most
            sure = link_confidence(head) if any(direct) else weakest([link_confidence(head), MEDIUM])
            who = person(head, head, place(ctx, head))
            if (head.get("pid") or head.get("head_pid")) in dead:  # the lead is for the living: a survivor the lists name
                survivor = next((row for x in alive if (row := row_of(ctx, x)) is not None), None)
                if survivor is not None:  # (her place: her own row's, else the exit row's, held-out 161: blank)
                    who = person(survivor, survivor, place(ctx, survivor, head))
                    evidence += f"（原户主{cell(head, 'head_name') or cell(head, 'name')}已死亡）"
            out.append(Lead("L05", priority, sure, who, evidence,
                            list_label(ctx, kind, head), str(head.get("_row", "")), "户主/本人身份证号",
                            {"退出或未获批日期": when.isoformat() if when else "", "退出原因": written(head, "reason"), **figures},
                            key))
    return out
