"""Reference lists from other departments, normalised into typed columns."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections import Counter

import numpy as np
import pandas as pd

from .io.columns import (BIRTH_FIELDS, BURIAL_DATE, DATE_FIELDS, DEPENDENT_FORMER_ID_FIELD, END_2, FIELD_NAMES, FORMER_ID_FIELD, MONEY_FIELDS,
                         HUKOU_CANCELLED, PAROLED, PAY_WORDS,
                         PEOPLE_CELLS, SECOND_PERSONS, SUPPORTER_SLOT, SYSTEM_LABELS, WAGE_MONTH, yearly_amount)
from .io.ledgers import factorized
from .io.table import Table
from .model import object_array, plain_text
from .normalize import codes, ids
from .normalize.names import person_name
from .normalize.values import (count, date, digits, digits_lost, masked_digits, money, month, month_span, number_words, text,
                               texts, unit_named, written_text)

_DIGIT_FIELDS = {"phone", "phone2", "bank_account"}
_ID_FIELDS = {"id": "", "cadre_id": "cadre_", "dependent_id": "dependent_", "head_id": "head_", "father_id": "father_",
              "mother_id": "mother_", "spouse_id": "spouse_", FORMER_ID_FIELD: "former_",
              DEPENDENT_FORMER_ID_FIELD: "dependent_former_"}
_NAME_FIELDS = {"name": "name_key", "cadre_name": "cadre_name_key", "dependent_name": "dependent_name_key",
                "spouse_name": "spouse_name_key"}


# Free-text cells quoted in evidence, kept as written beside their folded text (``<field>_written``): the folded text is
# what the words are matched against, the clerk's own is what a lead quotes (held-out 235: an exit list's
# 全户户籍迁出本县（迁往…） quoted with half-width brackets)
_WRITTEN = {"exits": ("reason",), "rejected": ("reason",)}
# Cells whose header a lead names (``<field>_label``): 风险消除时间, 家庭年人均纯收入 as the list heads them, not the
# fields' own names
_HEADED = {"monitoring": ("risk_date", "income_month", "income_year", "income_total"), "deaths": ("cremated", "date", "logged")}


# The columns some lists head as a yes/no question (是否在任, 风险是否消除), by list kind
_YES_NO_QUESTIONS = {"staff": "status", "cadres": "status", "monitoring": "risk"}
# … asked as 是否…, or named the flag of an elimination (风险消除标识, 消除标志: 1 eliminated — held-out 366: 风险消除标识 0/1
# was unread, every open household's lead capped at 中); a bare 风险标识 or 监测状态标识 says no which (1 may be 监测中)
_YES_NO_HEADER = re.compile(r"是否|(消除|解除).{0,2}标[识志记](?:[（(]|$)"
                            # … or headed by the statement itself, ticked (风险已消除 √, 已消除风险 ×; held-out 457: a tick
                            # under 风险已消除 was a code no word reads, the household open at 中)
                            r"|^(?:风险)?已?(?:消除|解除)(?:风险)?(?:[（(][^)）]*[)）])?$")


def _null_dates_blank(table: Table, out: pd.DataFrame, col: str, cells) -> None:
    """Blank the dates a system writes for no date (1900-01-01, 0000-00-00 …: :func:`codes.null_date`), said.

    Held-out 478: a prison system's export wrote 出监日期 1900-01-01 for everyone still held; read as a release in
    1900, four prisoners in custody were no C02, unsaid.
    """
    birth = col in BIRTH_FIELDS
    hit = by_value(cells, lambda c: codes.null_date(c, birth))  # (per distinct cell: a city's lists are long)
    if not any(hit):
        return
    shown = [str(t) for t, h in zip(out[col + "_text"].tolist(), hit) if h]
    written = "、".join(f"“{t}”" for t in list(dict.fromkeys(shown))[:3])
    out[col] = [None if h else d for d, h in zip(out[col].tolist(), hit)]
    out[col + "_text"] = ["" if h else t for t, h in zip(out[col + "_text"].tolist(), hit)]
    table.warnings.append(f"“{table.headers.get(col, FIELD_NAMES.get(col, col))}”列有 {sum(hit)} 行写的是 {written}："
                          "信息系统以此表示未填写，按未填写读取")


def normalise(table: Table) -> pd.DataFrame:
    """Return a reference table with typed columns.

    For each ID field ``X_id`` the frame gains ``X_id`` (normalised), ``X_id_status``, ``X_id_reliable``
    and ``X_birth``; names gain a ``*_key``; dates, amounts, counts and digits are parsed; the rest is text.

    Args:
        table: a reference table.
    Returns:
        The normalised frame (``_row`` keeps the spreadsheet row).
    """
    f = _co_owners(_second_persons(_ids_in_name_cells(_supporter_rows(table.frame))))
    if table.kind == "vehicles":
        f = _vehicles_apart(table, f)
    out = pd.DataFrame({"_row": f["_row"].astype(int).to_numpy(), "_sheet": f["_sheet"].to_numpy()})
    for col in f.columns:
        if col in ("_row", "_sheet", "_title"):
            continue
        coded = isinstance(f[col].dtype, pd.CategoricalDtype)  # as read from Arrow: by_value takes its categories
        values = f[col] if coded else cells(f, col)
        if col in _ID_FIELDS:
            prefix = _ID_FIELDS[col]
            out[col], out[prefix + "id_status"], out[prefix + "id_reliable"], out[prefix + "birth"] = ids.id_numbers(
                values.tolist() if coded else values)
            _zeros_of_numbers(out, col, prefix)
            out[prefix + "id_raw"] = by_value(values, texts, many=True)
            out[prefix + "id_text"] = by_value_array(values, lambda v: type(v) is str).astype(bool)  # (see io.ledgers)
        elif col in _NAME_FIELDS:
            out[col] = by_value(values, texts, many=True)
            out[_NAME_FIELDS[col]] = by_value(values, person_name)
        elif col in DATE_FIELDS:
            out[col] = by_value(values, date)
            out[col + "_text"] = by_value(values, texts, many=True)
            _null_dates_blank(table, out, col, values)
        elif col == "month":
            out[col] = by_value(values, month if table.kind != "subsidies" else _paid_through_of(table))
        elif col in MONEY_FIELDS:
            out[col] = by_value(values, money)
        elif col == "employees":
            out[col] = by_value(values, count)  # (in words too: '两人', h464)
            unread = [text(v).strip() for v, n in zip(values, out[col].tolist())
                      if (n is None or n != n) and text(v).strip() not in ("", "nan", "None")]
            if unread:  # ('-2', '若干': no count, the business then taken as employing no one — said, h464)
                examples = "、".join(f"“{v}”" for v in list(dict.fromkeys(unread))[:3])
                table.warnings.append(f"“{table.headers.get(col, '从业人数')}”列有 {len(unread)} 行无法识别（如{examples}），"
                                      "这些行按未登记人数计（不视为雇工），请核实")
            if hired_only(table.headers.get(col, "")):  # 雇工人数 1: the owner and one hired, 从业人数 2 (h461)
                out["employees_hired"] = out[col]
                out[col] = [n + 1 if n is not None and n == n else n for n in out[col].tolist()]
        elif col in _DIGIT_FIELDS:
            out[col] = by_value(values, digits)
            if col != "bank_account":  # the words beside a phone number (村委会0916-…): whose it is, for RQ3
                out[col + "_words"] = by_value(values, lambda v: number_words(v) or "")
            if col == "bank_account":  # an account a number format cut to 15 digits (RQ3 compares those only)
                # … or masked (6215****0931): no account to compare at all, said as masked (held-out 149)
                hidden = by_value(values, lambda v: masked_digits(text(v)))
                out["account_cut"] = [c and not h for c, h in zip(by_value(values, digits_lost), hidden)]
                out["account_masked"] = hidden
                out[col] = ["" if h else a for a, h in zip(out[col].tolist(), hidden)]
        else:
            out[col] = by_value(values, texts, many=True)
        if col in _WRITTEN.get(table.kind, ()):
            out[col + "_written"] = by_value(values, written_text)
        if col in _HEADED.get(table.kind, ()):
            out[col + "_label"] = table.headers.get(col, "")
    if table.kind == "monitoring":
        _bare_income_monthly(table, out)
    if table.kind == "wages":
        out = _dated_wage_months(table, out)
    if table.kind == "subsidies":
        out = _melt_subsidies(table, out)
    out = _melt_wages(out)
    if table.kind in ("wages", "pensions", "subsidies") and "month" not in out.columns:
        periods = {sh: _period_of_sheet(str(sh)) for sh in out["_sheet"].unique()}
        periods = _dated_sheets(periods, f"{table.title} {table.path.stem}")
        if len(periods) > 1 and all(periods.values()):  # one sheet per month (2026年7月, 8月 …)
            out["month"] = [periods[sh] for sh in out["_sheet"]]
    if "wage_base" in out.columns and "wage" in out.columns:
        _blank_wages_from_base(table, out)
    if "amount_year" in out.columns and "amount" in out.columns:
        _blank_amounts_from_year(out)
    for fld in ("amount", "wage"):
        if fld in out.columns:
            _to_monthly(table, out, fld)
    if table.kind in FEN_LIST_KINDS:
        for fld in ("amount", "wage"):
            if fld in out.columns:
                _amounts_in_fen(table, out, fld)
    if "plate_kind" in out.columns:  # no 车辆类型 written: the plate's kind says it (GA 36: 07 普通摩托车, 14 拖拉机)
        kinds = codes.table("plate_kind")["codes"]
        named = by_value(out["plate_kind"].tolist(), lambda v: _plate_kind(str(v or "").strip(), kinds))
        typed = out["vehicle_type"].tolist() if "vehicle_type" in out.columns else [""] * len(out)
        # … a plate kind beside a blank 车辆类型 cell names no type (02 小型汽车 is any small vehicle): not stated (held-out
        # 169); a list with no 车辆类型 column says its vehicles by their plate kinds (README), as before
        out["type_from_plate"] = [not str(t or "").strip() and bool(k) and "vehicle_type" in out.columns
                                  for t, k in zip(typed, named)]
        out["vehicle_type"] = [t if str(t or "").strip() else k for t, k in zip(typed, named)]
    if "household_no" in out.columns:
        out["household_no_text"] = out["household_no"]  # as written (0102005), for the evidence (held-out 181)
        out["household_no"] = [household_key(v) for v in out["household_no"]]
        if table.kind == "registry":
            _households_of_counties(out)
        if table.kind == "registry" and any(c in out.columns for c in ("status", *_GONE_ON)):
            _gone_from_household(table, out)
    if "range" in out.columns:
        _split_range(table, out)
    if table.kind == "prisoners" and "term" in out.columns and "start" in out.columns:
        _ends_from_terms(table, out)
    _own_dates(table, out)
    if PAROLED in out.columns:
        _paroled_folded(out)
    if table.kind == "pensions" and "amount" in out.columns:  # named in C03's evidence (held-out 272: 补发金额 read
        # as the monthly pension, said nowhere but run.json)
        out["amount_label"] = table.header_said("amount")
        if "amount_from_year" in out.columns:  # (the yearly column a blank monthly cell was read from, said as such)
            out["amount_label"] = [table.header_said("amount_year") if y else table.header_said("amount")
                                   for y in out["amount_from_year"].tolist()]
    if "subscribed" in out.columns:  # 认缴出资额（万元）: the amount's unit is in its header (held-out 169)
        out["subscribed_unit"] = "万元" if "万元" in table.headers.get("subscribed", "") else ""
    pay = table.headers.get("wage", "") if table.kind == "wages" else ""
    # the pay itself (实发工资), or an amount named otherwise than a wage or base (a tax export's 收入额, held-out 229: said
    # to be 缴费工资), named so in C06's evidence
    if pay and (re.search(PAY_WORDS, pay) or not re.search(r"工资|基数", pay)):
        out["wage_label"] = pay
    flag = _YES_NO_QUESTIONS.get(table.kind)
    if flag in out.columns and _YES_NO_HEADER.search(table.headers.get(flag, "")):
        # a 是否在任 (风险是否消除) column's flags (1/0, Y/N, √/×) are its 是/否 answers (held-out 105: 0 read as in post,
        # a C01 高; held-out 108: 1 read as a risk not eliminated)
        out[flag] = by_value(out[flag], lambda v: v if (yes := codes.yes_no(v)) is None else "是" if yes else "否")
    if table.kind == "exits":
        out = _exits_as_stopped(table, out)
    if table.kind == "deaths":  # a date under 死亡日期 (not 注销日期) says the person died, whatever the coded cause
        label = table.headers.get("date", "")
        named = SYSTEM_LABELS.get(label.upper(), label)
        out["death_dated"] = bool(re.search(r"死亡|去世|殁", named))  # SWRQ: 死亡日期
        # what the date is called in evidence: 注销日期 is no 死亡日期 (held-out 258: "死亡日期 2025-04-01" of a 注销日期)
        out["date_label"] = "死亡日期" if out["death_dated"].any() or not named else named
        # a 殡葬 export's 火化日期 read as the date, the list having no 死亡日期: the day the death is no later than, not
        # the death's (c02_status.death_bound; held-out 246); so is a 注销户口日期 (h488)
        out["date_buried"] = not re.search(r"死亡|去世|殁", named) and bool(re.search(
            BURIAL_DATE + "|" + HUKOU_CANCELLED, named))
    for fld in (FORMER_ID_FIELD, DEPENDENT_FORMER_ID_FIELD):  # its header as written, for the link's key (match.former_links)
        if fld in out.columns:
            out[fld + "_label"] = table.header_said(fld, FIELD_NAMES[fld])
    if "id" not in out.columns:
        out["id"] = ""
        out["id_status"] = ids.MISSING
        out["id_reliable"] = 0
        out["id_raw"] = ""
        out["birth"] = None
    if "name" not in out.columns:
        out["name"] = ""
        out["name_key"] = ""
    return plain_text(out)


# An exit row's 审批结果 that approved nothing (不同意, 不予, 退回修改, 驳回 …): the household was not stopped
_NOT_APPROVED = re.compile(r"不同意|不予|不批准|未批准|未通过|不通过|驳回|退回|否决|撤回|撤销|作废|待审|审核中|审批中|未审"
                           r"|暂缓|暂不|继续(享受|保障|发放|纳入)|维持原"  # (a free-text 审批意见: held-out h459)
                           r"|^否$"  # (a bare 否 beside 是: h458, read as approved unsaid)
                           # (h464: 未同意 read by its 同意; a benefit resumed or its amount changed is no exit)
                           r"|未同意|没有同意|恢复|调整(?:保障|低保|供养)?(?:金额|标准|档次|类别|人数)")
# An opinion not yet final, even in a bracketed remark (同意停保（待县级审批）, 拟同意停保: h464, 高 stops)
_PENDING = re.compile(r"待[^，,。；;]{0,4}?(?:审批|审核|批准|核准|复核|研究|确认|审定)|拟同意|拟停|拟退出|拟取消")
# An exit row's 审批结果 that approved it (同意, 批准, 审批通过 …), and a remark in brackets after a verdict
_APPROVED = re.compile(r"同意|批准|核准|准予|通过|已审批|已审核|审核完成|办结|已办理|完成|生效|是")
_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
# A month the list says payment stops from (停发月份 2026年4月: April is the first month not paid), unlike a date the
# household left on (停保日期), after which the next month stops (次月停发)
_DAY_IN_TEXT = re.compile(r"\d\s*[日号]|\d{2}(?:\d{2})?\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}|\d{8}|^\s*\d{5}(?:\.\d*)?\s*$")
_STOP_FROM_LABEL = re.compile(r"^(停发|停止发放|停止保障|停保)(起始)?(月份|年月)$|^(起始)?停发(月份|年月)$|^停发起始(月份|年月)$")


def _exits_as_stopped(table: Table, out: pd.DataFrame) -> pd.DataFrame:
    """Return an exits list's rows that stopped someone, each dated by the day it left on.

    Rows whose 审批结果 says the exit was not approved are left out, said in the table's warnings. A date read
    from a 停发月份 column written as a month alone (2026年4月, or a date cell on the 1st) names the first month not
    paid: it becomes the last day of the month before, so that 次月停发 stops the month the list names (h455: every
    recovery a month short).

    Args:
        table: the exits table (its headers and warnings).
        out: its typed frame.
    Returns:
        The frame without the rows not approved.
    """
    if "outcome" in out.columns:
        # a bracketed remark is no verdict: 同意（已退回原籍） approved (h458: read as 退回, the stop lost, F03 missed)
        said_as = [_BRACKETED.sub("", str(v or "")).strip() for v in out["outcome"].tolist()]
        refused = np.array([bool(_NOT_APPROVED.search(v) or _PENDING.search(str(raw or "")))
                            for v, raw in zip(said_as, out["outcome"].tolist())], dtype=bool)
        unread = sorted({v for v, no in zip(said_as, refused.tolist()) if v and not no and not _APPROVED.search(v)})
        if unread:  # (h458: 审批结果 coded 0/1/2 with no legend: every row stopped, unsaid)
            count = sum(v in unread for v in said_as)
            table.warnings.append(f"{count} 行的{table.header_said('outcome', '审批结果')}为“{'、'.join(unread[:5])}”"
                                  + ("等" if len(unread) > 5 else "") + "，看不出是否批准，按已停保（退出）计；"
                                  "如其中有未批准的，请改写为“同意”“不同意”（或附代码说明）后重新运行")
        # a blank verdict among written approvals is an exit not yet decided (h466: an approval export's blank 审批意见
        # stopped the household at 高, F03 recovering months it was rightly paid); among refusals alone it stays a stop
        blank = np.array([not v for v in said_as], dtype=bool) & ~refused
        if blank.any() and any(v and not no and _APPROVED.search(v) for v, no in zip(said_as, refused.tolist())):
            out = out.assign(outcome_blank=blank)
            table.warnings.append(f"{int(blank.sum())} 行的{table.header_said('outcome', '审批结果')}未填（同一列其他行写明了"
                                  "“同意”等），看不出是否已批准停保：这些行停保后仍发放的只列为“低”置信度线索，请核实审批结果")
        if refused.any():
            said = "、".join(sorted({str(v) for v in out.loc[refused, "outcome"].tolist()}))
            table.warnings.append(f"{int(refused.sum())} 行的{table.header_said('outcome', '审批结果')}"
                                  f"为“{said}”（未批准停保），不作为停保（退出）")
            out = out.loc[~refused].reset_index(drop=True)
    if "date" not in out.columns and len(out):  # (h458: an approval export without its 停保日期 was used for nothing, unsaid)
        table.warnings.append("没有停保（退出）日期列（如“停保日期”“停发月份”），看不出各行从何时停保：用到停保日期的核查"
                              "（如停保后仍发放 F03）这部分未核查；请补上该列后重新运行")
    if "resumed" in out.columns and "date" in out.columns:
        out = _resumptions_joined(table, out)
    if "date" in out.columns and _STOP_FROM_LABEL.search(table.headers.get("date", "")):
        days, written = out["date"].tolist(), out["date_text"].tolist() if "date_text" in out.columns else []
        moved: set[int] = set()
        for k, (day, text) in enumerate(zip(days, written or [""] * len(days))):
            # (a month alone, or a date cell on the 1st: a 月份 column formatted yyyy年m月 holds the month's first day)
            if isinstance(day, dt.date) and (day.day == 1 or isinstance(text, str) and text.strip()
                                             and not _DAY_IN_TEXT.search(text)):
                days[k] = day.replace(day=1) - dt.timedelta(days=1)
                moved.add(k)
        if moved:
            out["date"] = days
            out["date_text"] = [f"{days[k].year}年{days[k].month}月" if k in moved else t
                                for k, t in enumerate(out["date_text"].tolist())]
    return out


def _resumptions_joined(table: Table, out: pd.DataFrame) -> pd.DataFrame:
    """Return an exits list whose resumption rows (恢复: no stop date, a 恢复发放月份) are joined to the same person's
    latest exit before them as its resumption date, and left out as rows.

    h455: an approval export listing 停保 (停发月份 2026年3月) and, on another row, 恢复 (恢复发放月份 2026年6月) recovered
    every month from March to September (the 恢复 row itself read as an exit with no date).

    Args:
        table: the exits table (its warnings).
        out: its typed frame.
    Returns:
        The frame without the resumption rows, their dates on the exits they end.
    """
    dates, back = out["date"].tolist(), out["resumed"].tolist()
    key = ([i if s == ids.VALID else "" for i, s in zip(out["id"].tolist(), out["id_status"].tolist())]
           if "id" in out.columns else [""] * len(out))
    if "head_id" in out.columns:
        key = [k or (h if s == ids.VALID else "") for k, h, s in
               zip(key, out["head_id"].tolist(), out["head_id_status"].tolist())]
    alone = [k for k, (d, b) in enumerate(zip(dates, back)) if not isinstance(d, dt.date) and isinstance(b, dt.date)]
    joined = []
    for k in alone:
        before = [j for j, d in enumerate(dates) if key[k] and key[j] == key[k] and isinstance(d, dt.date)
                  and d < back[k] and not isinstance(back[j], dt.date)]
        if before:
            j = max(before, key=lambda j: dates[j])
            back[j] = back[k]
            joined.append(k)
    stray = [k for k in alone if k not in joined]
    if stray:  # (h458: a 恢复 row before its stop, or of someone never stopped, stayed an exit with no date, unsaid)
        table.warnings.append(f"{len(stray)} 行是恢复发放（{table.header_said('resumed', '恢复日期')}），但名单中没有同一人在此之前的"
                              "停保行（或恢复早于停保），不作为停保（退出）读取，请核实")
    if not joined and not stray:
        return out
    out = out.copy()
    out["resumed"] = back
    if joined:
        table.warnings.append(f"{len(joined)} 行是恢复发放（{table.header_said('resumed', '恢复日期')}），已与同一人此前的停保行合并："
                              "停保至恢复前一个月")
    return out.drop(index=out.index[joined + stray]).reset_index(drop=True)


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TERM_PART = r"([0-9]+|[零〇一二两三四五六七八九十]+)"
_TERM_YEARS, _TERM_MONTHS = re.compile(_TERM_PART + r"\s*年"), re.compile(_TERM_PART + r"\s*个?月")


def _cn_number(text: str) -> int:
    """'二' → 2, '十二' → 12, '二十' → 20, '12' → 12."""
    if text.isdigit():
        return int(text)
    tens, _, ones = text.partition("十")
    if "十" not in text:
        return sum(_CN_DIGITS.get(c, 0) * 10 ** k for k, c in enumerate(reversed(text)))
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


# A 刑期 header naming the unit its bare numbers count in: 刑期（月）, 刑期(个月), 刑期（年）, 刑期（单位：月）
_TERM_UNIT = re.compile(r"[(（]\s*(?:单位\s*[:：]?\s*)?(个?月|年)\s*[)）]")
# a cell that is a bare number (6, 18, 2.5, 24.0): a count of the header's unit, or nothing where the header names none
_BARE_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)?)\s*")


def term_unit(label: str) -> int:
    """The months one unit of a 刑期 column's bare numbers is by its header ('刑期（月）' 1, '刑期（年）' 12), 0 when the
    header names no unit (h461: '刑期（月）' with 6, 24, 8 was read as no term, the start alone then C02 高)."""
    found = _TERM_UNIT.search(unicodedata.normalize("NFKC", str(label or "")).replace("(", "（").replace(")", "）"))
    return 0 if found is None else (12 if found.group(1) == "年" else 1)


def term_months(term: str, unit: int = 0) -> int | None:
    """The months a 刑期 text sentences to ('有期徒刑二年' 24, '三年六个月' 42, '1年6个月' 18; a bare 18 under a header
    naming its ``unit`` in months, 1 or 12), None when it names none (无期, 死缓, blank, a bare number without a unit) or
    names a non-custodial sentence (缓刑, 管制: no custody)."""
    text = unicodedata.normalize("NFKC", str(term or ""))
    if not text or re.search(r"缓刑|管制|无期|死刑|死缓", text):
        return None
    if (bare := _BARE_NUMBER.fullmatch(text)) is not None:
        return round(float(bare.group(1)) * unit) or None if unit else None
    years, months = _TERM_YEARS.search(text), _TERM_MONTHS.search(text)
    total = (_cn_number(years.group(1)) * 12 if years else 0) + (_cn_number(months.group(1)) if months else 0)
    return total or None


def _ends_from_terms(table, out: pd.DataFrame) -> None:
    """A prisoners list giving 入监日期 and a 刑期 ('有期徒刑二年'; 18 under 刑期（月）) but no 刑期止日: the end the term
    gives (the day before the anniversary), said in end_text (held-out 145: released in 2024, C02 高 "在服刑期内" in
    2026). A term written as a bare number under a header naming no unit gives no end: ``term_unread`` on the row (C02
    at most 中, said) and one warning (h461)."""
    ends = out["end"].tolist() if "end" in out.columns else [None] * len(out)
    texts_ = out["end_text"].tolist() if "end_text" in out.columns else [""] * len(out)
    label = table.headers.get("term", "刑期")
    unit = term_unit(label)
    unread, odd = [False] * len(out), [False] * len(out)
    for k, (start, term, end) in enumerate(zip(out["start"].tolist(), out["term"].tolist(), ends)):
        if isinstance(end, dt.date) or not isinstance(start, dt.date):
            continue
        if (n := term_months(term, unit)) is None:
            written = unicodedata.normalize("NFKC", str(term or "")).strip()
            unread[k] = bool(written) and written.lower() != "nan" and term_months(written, 1) is not None
            # a term written that sentences to nothing readable ('-6', '0', '待定'): no end, and no sentence for life
            # either (h464: read as no term, the start alone then C02 高 "在服刑期内")
            odd[k] = (not unread[k] and bool(written) and written.lower() != "nan"
                      and not re.search(r"缓刑|管制|无期|死刑|死缓", written))
            continue
        y, m = divmod(start.month - 1 + n, 12)
        day = min(start.day, calendar.monthrange(start.year + y, m + 1)[1])
        ends[k] = dt.date(start.year + y, m + 1, day) - dt.timedelta(days=1)
        texts_[k] = f"{ends[k].isoformat()}（按刑期“{str(term).strip()}{_unit_said(label, term)}”推算）"
    out["end"], out["end_text"] = pd.Series(ends, index=out.index, dtype=object), texts_
    out["term_unread"] = unread
    out["term_odd"] = odd
    if any(odd):
        examples = "、".join(f"“{v}”" for v in dict.fromkeys(str(t).strip() for t, o in zip(out["term"].tolist(), odd) if o))
        table.warnings.append(f"“{label}”列有 {sum(odd)} 行的刑期无法识别（如{examples[:40]}），无法推算刑期止日；"
                              "这些人只按入监日期判断，服刑问题置信度最高为“中”，请核实")
    if any(unread):
        table.warnings.append(f"“{label}”列有 {sum(unread)} 行只写数字、表头未写单位（月或年），无法推算刑期止日；"
                              "这些人只按入监日期判断，服刑问题置信度最高为“中”。如是月数，请把表头改为“刑期（月）”后重新运行")


def _unit_said(label: str, term: object) -> str:
    """'个月'/'年' after a bare number whose unit only its header names (the evidence then says 18个月), else ''."""
    if _BARE_NUMBER.fullmatch(unicodedata.normalize("NFKC", str(term or ""))) is None:
        return ""
    return "年" if term_unit(label) == 12 else "个月"


_RANGE_SPLIT = re.compile(r"\s*(?:--|—+|－|~|～|至|到|-)\s*(?=\d{4})")


# A header naming the months its amount sums ('2025年1-9月发放金额', '1至9月工资合计', '2024年10月-2025年9月合计')
_MONTHS_SUMMED = re.compile(r"(?<!\d)(\d{1,2})\s*月?\s*(?:份)?\s*[-—~～至到]\s*(?:20\d{2}\s*年)?\s*(\d{1,2})\s*月")


def months_summed(label: str) -> int:
    """How many months a header's amount sums when it names a span of them (2 to 12), else 0 (h419: a 1-9月 total
    read as one month's).

    Args:
        label: the header.
    Returns:
        The number of months, or 0.
    """
    m = _MONTHS_SUMMED.search(unicodedata.normalize("NFKC", label or ""))
    if not m or not (1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 12):
        return 0
    n = (int(m.group(2)) - int(m.group(1))) % 12 + 1
    return n if n >= 2 else 0


def _to_monthly(table: Table, out: pd.DataFrame, fld: str) -> None:
    """Turn yearly, quarterly or several months' amounts into monthly ones, reading the period from the header."""
    label = table.headers.get(fld, "")
    if table.kind in ("pensions", "wages", "subsidies") and (summed := months_summed(label)):
        divisor, unit = summed, f"{summed} 个月合计"
    elif "季" in label:
        divisor, unit = 3, "季度"
    elif yearly_amount(label):
        divisor, unit = 12, "年度"
    else:
        return
    out[fld] = [v / divisor if isinstance(v, float) else v for v in out[fld]]
    out[f"{fld}_divisor"] = divisor  # (the evidence says the sum as written and its division: held-out 312)
    table.warnings.append(f"“{label}”按{unit}金额折算为月金额（÷{divisor}）")


# A monitoring list's per-person income headed with no period (人均收入, 人均纯收入) is a year's, as the 防返贫 system's
# 人均纯收入 is — unless its figures are a month's: a year's income per person of a monitored household is some thousands
# of yuan (the 2025 monitoring line is near 7,800 元/年; 1,500 元/年 is 125 元/月), a month's rarely above 1,500 (held-out
# 422: 人均收入（元） of 700 and 980 a month read as 58 and 82 元/月, a household above the standard a 高 L01 lead).
BARE_INCOME_MONTHLY = 1_500
BARE_INCOME_MIN_AMOUNTS = 3  # (fewer: no figure to judge a column's period by)


def _bare_income_monthly(table: Table, out: pd.DataFrame) -> None:
    """Read a monitoring sheet's 人均收入 column named with no period as monthly when its median says so, in a notice
    (per sheet: a workbook's 补充名单 may give a month's figures under a bare label beside a sheet's 家庭年人均纯收入)."""
    if "income_year" not in out.columns:
        return
    values = np.asarray(pd.to_numeric(out["income_year"], errors="coerce"), dtype=float)
    sheets = out["_sheet"].astype(str).to_numpy()
    for sheet in dict.fromkeys(sheets.tolist()):
        own = table.sheet_headers.get(sheet)
        label = (own or {}).get("income_year", ("",))[0] if own is not None else table.headers.get("income_year", "")
        said = (own or {}).get("income_year", ("", ""))[1] if own is not None else table.header_said("income_year")
        month = "income_month" in (own if own is not None else table.headers)
        if not label or month or re.search(r"年|月|季", label):
            continue
        here = sheets == sheet
        given = values[here & (values > 0)]
        if len(given) < BARE_INCOME_MIN_AMOUNTS or np.median(given) > BARE_INCOME_MONTHLY:
            continue
        if "income_month" not in out.columns:
            out["income_month"], out["income_month_label"] = None, ""
        out["income_month"] = out["income_month"].astype(object)
        out.loc[here, "income_month"] = out.loc[here, "income_year"]
        out.loc[here, "income_year"] = None
        out.loc[here, "income_month_label"] = label
        where = f"工作表“{sheet}”" if sheet and len(set(sheets.tolist())) > 1 else ""
        table.warnings.append(f"{where}“{said or label}”没有写明是年收入还是月收入，其中的金额多数在 {BARE_INCOME_MONTHLY:,} 元以下"
                              f"（中位数 {np.median(given):,.0f} 元），不像全年人均收入，已按月人均收入读取；如是全年收入，"
                              f"请在表头写明（如“年人均纯收入（元）”）后重新运行")


# A monthly pension or wage (yuan) most people on a department's list are far below: a list's monthly amount column with
# no unit named anywhere, every amount whole, and its lower quartile this or more is in 分 (a 人社 export: 月发放金额
# 150000 for 1,500 元, 缴费工资 350000; held-out 414: a 100 元 residents' pension read as 10,000 元 flagged C03 高). A
# quartile, not the median: a real wage list in yuan with many 12,000–30,000 元 managers keeps its ordinary wages
# below it; in 分 even a residents' basic pension (100 元 and more) is 10,000 or more. Same figure as roster.FEN_PER_PERSON.
FEN_LIST_MONTH = 10_000
FEN_LIST_KINDS = ("pensions", "wages")
FEN_LIST_MIN_AMOUNTS = 5  # (fewer: a few retirees' real high pensions, not a list's unit)


def _amounts_in_fen(table: Table, out: pd.DataFrame, fld: str) -> None:
    """Read a pension or wage list's amount column in 分 (÷100) when :data:`FEN_LIST_MONTH` says it is, said in a notice
    (at least :data:`FEN_LIST_MIN_AMOUNTS` amounts given). A yearly or quarterly column (÷ 12 or 3 already,
    ``<fld>_divisor``; a blank month's yearly cell, ``amount_divisor``) is judged by its months' shares and its amounts as
    written (h419: 年发放额 360000 for 3,600 元 was 30,000 元 a month, a C03 高)."""
    label = table.headers.get(fld, "")
    if not label or unit_named(label, table.title):
        return
    per = out.get(f"{fld}_divisor", out.get("amount_divisor") if fld == "amount" else None)
    per = np.ones(len(out)) if per is None else np.asarray(pd.to_numeric(per, errors="coerce"), dtype=float)
    if "amount_year" in table.headers and fld == "amount" and unit_named(table.headers["amount_year"], table.title):
        return  # (the yearly column beside it names its unit: 元 both, most likely)
    amounts = np.asarray(pd.to_numeric(out[fld], errors="coerce"), dtype=float)
    keep = amounts > 0
    given, written = amounts[keep], np.round(amounts[keep] * per[keep], 6)
    sample = (table.amount_sample or {}).get(fld)
    if sample is not None:  # a filtered list: judged by the file's own amounts, not the few rows kept
        whole = np.asarray([v for v in by_value(sample, money) if v is not None and v > 0], dtype=float)
        column = float(per[0]) if f"{fld}_divisor" in out.columns and len(per) else 1.0  # (the column's own period)
        given, written = whole / column, whole
    if len(given) < FEN_LIST_MIN_AMOUNTS or np.quantile(given, 0.25) < FEN_LIST_MONTH or (written != np.round(written)).any():
        return
    out[fld] = [v / 100 if isinstance(v, float) and v == v else v for v in out[fld].tolist()]
    table.warnings.append(f"“{table.header_said(fld)}”列没有写明金额单位，按元计多数人每月 {np.quantile(given, 0.25):,.0f} 元以上"
                          f"（中位数 {np.median(given):,.0f} 元），不合常理，已按以分为单位读取（÷100）；如不是以分为单位，请核实后"
                          f"在表头写明单位（如“{table.header_said(fld)}（元）”）重新运行")


_YEAR_NAMED = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def _one_year_named(named: str) -> str:
    """The one year a title and file name name ('2026年社保缴费工资'), '' when they name none or several."""
    years = set(_YEAR_NAMED.findall(named))
    return next(iter(years)) if len(years) == 1 else ""


def _dated_sheets(periods: dict, named: str) -> dict:
    """Sheets named by a bare month ('7月') given the year the title or file name says: the month of the span it names
    ('2025年10月-2026年9月': 7月 is 2026-07), else of the one year it names."""
    if not any(str(p).endswith("月") for p in periods.values()):
        return periods
    span = {m[5:]: m for m in (month_span(named) or ())}
    year = _YEAR_NAMED.search(named)
    by_month = {mm: span.get(mm) or (f"{year.group(1)}-{mm}" if year else "") for mm in (f"{k:02d}" for k in range(1, 13))}
    return {sh: (by_month[p[:2]] if str(p).endswith("月") else p) for sh, p in periods.items()}


def _period_of_sheet(name: str) -> str:
    """'2026-07' for a sheet named like a month ('2026年7月', '202607'), '07月' for '7月', else ''."""
    found = month(name)
    if found:
        return found
    m = re.fullmatch(r"\s*(\d{1,2})\s*月(份)?\s*", name)
    return f"{int(m.group(1)):02d}月" if m and 1 <= int(m.group(1)) <= 12 else ""


def _own_dates(table: Table, out: pd.DataFrame) -> None:
    """A row's own start and end dates each named by the header it was read from (``start_label``, ``end_label``: 任职日期,
    吊销日期), for the evidence; a second end column (注销日期 beside 吊销日期, io.columns.END_2) folded into ``end``, the
    earliest date ending the record, its label the column it came from, or both labels where neither has a date (held-out
    223: 吊销日期 2025.11.30 beside a blank 注销日期 was not read)."""
    if END_2 in out.columns and "end" not in out.columns:  # a reduced end with no judged one beside it is the end
        out["end"] = out.pop(END_2)
        if END_2 + "_text" in out.columns:
            out["end_text"] = out.pop(END_2 + "_text")
        out["end_label"] = table.headers.get(END_2, "")
    elif END_2 in out.columns and "end" in out.columns:
        labels = (table.headers.get("end", ""), table.headers.get(END_2, ""))
        folded = [min(((d, k) for k, d in enumerate(pair) if isinstance(d, dt.date)), default=(None, -1))
                  for pair in zip(out["end"].tolist(), out[END_2].tolist())]
        texts_ = list(zip(out["end_text"].tolist(), out[END_2 + "_text"].tolist()))
        out["end"] = pd.Series([d for d, _ in folded], index=out.index, dtype=object)
        out["end_text"] = [t[k] if k >= 0 else next((x for x in t if isinstance(x, str) and x.strip()), t[0])
                           for (_, k), t in zip(folded, texts_)]
        out["end_label"] = [labels[k] if k >= 0 else "、".join(x for x in labels if x) for _, k in folded]
        del out[END_2], out[END_2 + "_text"]
    elif "end" in out.columns:
        out["end_label"] = table.headers.get("end", "")
    if "start" in out.columns:
        out["start_label"] = table.headers.get("start", "")


def _paroled_folded(out: pd.DataFrame) -> None:
    """Fold a 假释日期 (or 暂予监外执行日期) column into ``released``: the earlier filled day of the two is the day the person
    left custody, its text the one shown (h487: parolees under 刑期止日 2027 were C02 高 with 假释日期 2026-04 unread)."""
    paroled = out.pop(PAROLED).tolist()
    paroled_text = out.pop(PAROLED + "_text").tolist() if PAROLED + "_text" in out.columns else paroled
    if "released" not in out.columns:
        out["released"] = pd.Series(paroled, index=out.index, dtype=object)
        out["released_text"] = paroled_text
        return
    released = out["released"].tolist()
    texts = out["released_text"].tolist() if "released_text" in out.columns else released
    earlier = [isinstance(p, dt.date) and not (isinstance(r, dt.date) and r <= p) for r, p in zip(released, paroled)]
    out["released"] = pd.Series([p if e else r for e, r, p in zip(earlier, released, paroled)], index=out.index, dtype=object)
    out["released_text"] = [p if e else t for e, t, p in zip(earlier, texts, paroled_text)]


# a span still running: '2021.01—至今', '2021.01-', '2021年1月至今' (a post held on the review date: no end)
_OPEN_END = re.compile(r"\s*(?:--|—+|－|~|～|至|到|-)?\s*(?:至今|今|现在|目前|现任)\s*$|\s*(?:--|—+|－|~|～|至|到|-)\s*$")


_SPAN_REMARK = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def _split_range(table, out: pd.DataFrame) -> None:
    """Split a '2025.03.10-2028.03.09' column (刑期起止, 任职起止时间) into start and end where those are missing; a span
    still running ('2021.01—至今') has a start and no end; of several spans ('2018.1-2021.1；2021.1-至今') the last.
    Cells giving no date at all ('第十一届') are counted in one warning."""
    starts, ends, chained, reversed_ = [], [], 0, 0
    for text_value in out["range"].tolist():
        written = "" if text_value is None or text_value != text_value else str(text_value)
        spans = [p for p in re.split(r"\s*[；;、\n]\s*", written) if re.search(r"\d", p)]
        written = spans[-1] if len(spans) > 1 else written
        # (a remark after the span, '2018.01—2025.06（换届离任）', dates nothing: h461)
        parts = _RANGE_SPLIT.split(_OPEN_END.sub("", _SPAN_REMARK.sub("", written)))
        if len(parts) > 2:
            # '2021-01-01至2024-01-01至2026-12-31': spans chained (re-appointed), the last decides as of several spans
            # (h464: the end read as 2024-01-01, the date() of '2024-01-01至2026-12-31', a post held unsaid dropped)
            parts, chained = parts[-2:], chained + 1
        first, last = (date(parts[0]), date(parts[1])) if len(parts) == 2 else (None, None)
        if first is not None and last is not None and last < first:
            # '2026-06-01至2021-01-01': written the wrong way round, read in order, said (h464: ended before it began)
            parts, reversed_ = [parts[1], parts[0]], reversed_ + 1
        starts.append(parts[0] if parts and parts[0] else "")
        ends.append(parts[1] if len(parts) > 1 else "")
    label = table.headers.get("range", "起止时间")
    if chained:
        table.warnings.append(f"“{label}”列有 {chained} 行写了三个或更多日期，按最后一段（最后两个日期）读取，请核实")
    if reversed_:
        table.warnings.append(f"“{label}”列有 {reversed_} 行的止日早于起日，已按先后顺序读取（早的为起、晚的为止），请核实")
    for fld, values in (("start", starts), ("end", ends)):
        if fld not in out.columns or not out[fld].notna().any():
            out[fld] = by_value(values, date)
            out[fld + "_text"] = values
    undated = [str(v).strip() for v, a, b in zip(out["range"].tolist(), starts, ends)
               if v is not None and v == v and str(v).strip() and date(a) is None and date(b) is None]
    if undated and table.kind in ("staff", "cadres"):  # (h461: said, as the column unread was before)
        examples = "、".join(f"“{v}”" for v in list(dict.fromkeys(undated))[:3])
        table.warnings.append(f"“{table.headers.get('range', '任职起止时间')}”列有 {len(undated)} 行未能识别出日期（如{examples}），"
                              "这些人按仍在职在任计，请核实")


# Amounts a row names once for everyone it names (not a home's area: each co-owner's share of the home is C04's)
def _blank_wages_from_base(table, out: pd.DataFrame) -> None:
    """A wage row whose 实发工资 is blank and whose 缴费基数 is not: the base stands for the pay (``explain C06``: 只有缴费基数
    时按缴费基数计算), marked ``wage_from_base`` (C06 at 中 for it: a base may be above the pay) and said (held-out 312:
    three months of base 2,200 and no 实发 dropped unsaid, a C06 and a C09 missed)."""
    wages, bases = out["wage"].tolist(), by_value(out["wage_base"].tolist(), money)
    based = [(w is None or w != w) and b is not None for w, b in zip(wages, bases)]  # (the pay parsed, the base not yet)
    out["wage_from_base"] = based
    if any(based):
        out["wage"] = [b if f else w for w, b, f in zip(wages, bases, based)]
        table.warnings.append(f"有 {sum(based)} 行的“{table.headers.get('wage', '实发工资')}”空白，按该行的"
                              f"“{table.headers.get('wage_base', '缴费基数')}”计（可能高于实际工资，C06 置信度最高为“中”）")


def _blank_amounts_from_year(out: pd.DataFrame) -> None:
    """A pension row whose monthly amount is blank and whose yearly one (年发放金额, ``amount_year``) is not: a month's
    share of the year, with ``amount_divisor`` 12 on that row so the evidence says the sum as written and its division
    (held-out 321: 城乡居民 rows giving 年发放金额 7,200 only were read as no pension)."""
    amounts, years = out["amount"].tolist(), by_value(out["amount_year"].tolist(), money)
    from_year = [(a is None or a != a) and y is not None for a, y in zip(amounts, years)]
    out["amount_from_year"] = from_year
    out["amount"] = [y / 12 if f else a for a, y, f in zip(amounts, years, from_year)]
    out["amount_divisor"] = [12 if f else 1 for f in from_year]
    del out["amount_year"]


_SHARED_MONEY = ("amount", "wage", "benefit")


# A vehicles list one row per owner: 号牌号码（多辆用；分隔） '皖H12345；皖H6789A', 车辆类型 'K33；M22', 机动车状态 'E；A'
_SEVERAL = re.compile(r"\s*[；;、，,\n]\s*")
_SEVERAL_HINT = re.compile(r"[；;、，,\n]")
# the cells that are one vehicle's own, paired by position with the plates
_PER_VEHICLE = ("plate", "vehicle_type", "plate_kind", "use", "status", "disabled_flag", "start", "end", END_2)


# A business list's head count of the hired only (雇工人数, 雇用人数, 雇员数), not of everyone at work (从业人数, which
# counts the 经营者 himself: [C05] min_employees) nor one saying it counts the owner (雇工人数（含经营者）)
_HIRED_ONLY = re.compile(r"雇工|雇用|雇佣|雇请|雇员")
_WITH_OWNER = re.compile(r"从业|(?<!不)含|(?<!不)包括|连同")


def hired_only(label: str) -> bool:
    """Whether a businesses list's head-count header counts the hired only ('雇工人数'), the owner not among them."""
    return bool(_HIRED_ONLY.search(label or "")) and not _WITH_OWNER.search(label or "")


def _vehicles_apart(table, f: pd.DataFrame) -> pd.DataFrame:
    """A vehicles row naming several plates in one cell becomes one row per plate (the same row number), each with the
    type, use, status and dates in the same place of their cells, or the one value a cell gives for all (h461: 'K33；M22'
    with 'E；A' was read as one car in use, C04 中, and 'M22；K33' as a motorcycle, the car missed). A row whose cells give
    another number of values cannot be paired: left out and said, never guessed (a copy; the table's frame is left as
    read).

    Args:
        table: the vehicles list (its warnings get the notice).
        f: its raw cells.
    Returns:
        The cells, one row per vehicle.
    """
    if "plate" not in f.columns or not len(f):
        return f
    plates = cells(f, "plate")
    several = [r for r, v in enumerate(plates)
               if type(v) is str and _SEVERAL_HINT.search(v) is not None and len(_split_several(v)) > 1]
    if not several:
        return f
    columns = [c for c in _PER_VEHICLE if c in f.columns]
    f = f.astype({c: object for c in columns})
    parts, unpaired = {}, []
    for r in several:
        count = len(_split_several(plates[r]))
        split = {c: _split_several(f[c].iat[r]) for c in columns}
        if any(len(v) not in (0, 1, count) for v in split.values()):
            unpaired.append(r)
            continue
        parts[r] = (count, {c: values for c, values in split.items() if len(values) == count})
    if unpaired:
        table.warnings.append(
            f"有 {len(unpaired)} 行的“{table.headers.get('plate', '号牌号码')}”写了多辆车，但车辆类型、使用性质或状态的个数与号牌"
            f"个数不一致，无法逐辆对应（第 {'、'.join(str(int(f['_row'].iat[r])) for r in unpaired[:5])} 行"
            f"{' 等' if len(unpaired) > 5 else ''}），这些行未作比对，请按号牌逐辆核实")
    if len(several) > len(unpaired):
        table.warnings.append(f"有 {len(several) - len(unpaired)} 行的“{table.headers.get('plate', '号牌号码')}”写了多辆车，"
                              "已按号牌与车辆类型、使用性质、状态的先后顺序逐辆读取")
    # (the rows in their order, each row of several vehicles repeated once per vehicle, an unpaired one left out)
    left_out = set(unpaired)
    order = [r for r in range(len(f)) if r not in left_out for _ in range(parts[r][0] if r in parts else 1)]
    out = f.iloc[order].reset_index(drop=True)
    at = 0
    for r in range(len(f)):
        if r in left_out:
            continue
        if r in parts:
            count, values = parts[r]
            for c, cell in values.items():
                out.loc[at:at + count - 1, c] = cell
            at += count
        else:
            at += 1
    return out


def _split_several(value: object) -> list[str]:
    """A cell's values separated by ；;、，, or line breaks ('K33；M22' → ['K33', 'M22']), [] for a blank cell."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [v for v in _SEVERAL.split(unicodedata.normalize("NFKC", str(value)).strip()) if v]


def _co_owners(f: pd.DataFrame) -> pd.DataFrame:
    """Rows naming several people in one cell (共有人 '张三、李四' with IDs 'id1、id2') become one row per ID, each
    with the name in the same place when the names are as many, each said held as 共有人 (a copy; the table's frame is
    left as read)."""
    if "id" not in f.columns or not len(f):
        return f
    column = f["id"]
    values = column.cat.categories if isinstance(column.dtype, pd.CategoricalDtype) else column
    long = values.astype(str).str.len().to_numpy() >= 36  # two IDs and more: each distinct long cell looked at
    if not long.any():
        return f
    if isinstance(column.dtype, pd.CategoricalDtype):
        several = np.append([len(ids.ID_TOKEN.findall(str(v))) >= 2 if k else False for v, k in zip(values, long)], False)
        rows = np.flatnonzero(several[column.cat.codes.to_numpy()])
    else:
        rows = np.array([r for r in np.flatnonzero(long).tolist() if len(ids.ID_TOKEN.findall(str(column.iat[r]))) >= 2],
                        dtype=np.int64)
    if not len(rows):
        return f
    parts, order = [], []
    names = cells(f, "name") if "name" in f.columns else [None] * len(f)
    for r in rows.tolist():
        tokens = ids.ID_TOKEN.findall(f["id"].iloc[r])
        split = [n for n in re.split(r"[、,，;；/\s]+", str(names[r] or "")) if n]
        each = split if len(split) == len(tokens) else [names[r]] * len(tokens)
        part = f.iloc[[r] * len(tokens)].astype(object)
        part["id"] = tokens
        if "name" in f.columns:
            part["name"] = each
        # each holds it with the others (a home two 权利人 share: a share, as a 共有人's, held-out 150)
        held = part["held_as"].tolist() if "held_as" in part.columns else [None] * len(tokens)
        part["held_as"] = [h if isinstance(h, str) and h else "共有人" for h in held]
        if FORMER_ID_FIELD in part.columns:  # (one 原身份证号 beside several IDs: whose is not said)
            part[FORMER_ID_FIELD] = None
        for col in _SHARED_MONEY:  # one amount for the row (a couple's pension 4,200): each person's share of it, so a
            if col in part.columns:  # household holding both counts it once (held-out 185: 8,706 for 4,506) …
                part[col] = _amounts_of(part[col].iat[0], len(tokens))
        parts.append(part)
        order += [r] * len(tokens)
    kept = np.setdiff1d(np.arange(len(f)), rows)
    out = pd.concat([f.iloc[kept].astype(object)] + parts, ignore_index=True)
    return out.iloc[np.argsort(np.concatenate([kept, np.array(order)]), kind="stable")].reset_index(drop=True)


def _amounts_of(cell: object, people: int) -> list:
    """Each person's amount of a row naming several: one amount per person when the cell writes as many ('1200、300', in
    the names' order; held-out 189: each got half of the first), else each's share of the one written."""
    written = re.findall(r"\d[\d,，]*(?:\.\d+)?", str(cell)) if isinstance(cell, str) else []
    if len(written) == people > 1:
        return [money(w) for w in written]
    whole = money(cell)
    return [whole / people if whole is not None else cell] * people


# What a cell naming people with their IDs writes around the IDs ('张三（身份证号：6110…）；李四 6110…')
_ID_LABEL_WORDS = re.compile(r"公民身份号码|身份证明号码|身份证号码?|证件号码?|证号|号码")
_NAME_SEPARATORS = re.compile(r"[、,，;；/|\s()（）:：\[\]【】]+")


def _ids_in_name_cells(f: pd.DataFrame) -> pd.DataFrame:
    """A 共有人 column (:data:`io.columns.PEOPLE_CELLS`) with no ID column of its own whose cells write each person's
    ID beside the name ('张三(6110…)；李四(6110…)', a real-estate export's 共有人 cell): the IDs become that person's ID
    column and the names its name column, the row's own person left out (h437: a member co-owning a stranger's flat
    through such a cell was never linked, a C04 missed). A copy; the table's frame is left as read."""
    present = [p for p in PEOPLE_CELLS if p + "_name" in f.columns and p + "_id" not in f.columns]
    if not present:
        return f
    f = f.copy()
    own_ids = [_plain(v) for v in cells(f, "id")] if "id" in f.columns else [""] * len(f)
    for p in present:
        written = cells(f, p + "_name")
        people, names = [None] * len(f), list(written)
        for i, cell in enumerate(written):
            tokens = ids.ID_TOKEN.findall(str(cell)) if isinstance(cell, str) else []
            if not tokens:
                continue
            words = [n for n in _NAME_SEPARATORS.split(_ID_LABEL_WORDS.sub(" ", ids.ID_TOKEN.sub(" ", cell))) if n]
            pairs = list(zip(tokens, words if len(words) == len(tokens) else [None] * len(tokens)))
            pairs = [(t, n) for t, n in pairs if _plain(t) != own_ids[i]]  # (the 权利人 listed among the 共有人 too)
            people[i] = "、".join(t for t, _ in pairs) or None
            named = [n for _, n in pairs]
            names[i] = "、".join(named) if named and all(named) else None
        if any(people):
            f[p + "_id"] = pd.Series(people, index=f.index, dtype=object)
            f[p + "_name"] = pd.Series(names, index=f.index, dtype=object)
    return f


def _second_persons(f: pd.DataFrame) -> pd.DataFrame:
    """A business list naming a 经营者 (a 个体工商户's) or a 投资人 beside the 法定代表人 (a company's): a row naming
    another person besides (another ID, or another name where the IDs do not say they are one) is each's, the other's as
    a second row with the same row number; else the cells one column leaves blank come from the other (a copy; the
    table's frame is left as read)."""
    present = [p for p in SECOND_PERSONS if p + "_id" in f.columns or p + "_name" in f.columns]
    if not present:
        return f
    f = f.copy()
    seconds = []
    for p in present:
        mine, theirs = ([cells(f, c) if c in f.columns else [None] * len(f) for c in (pre + "id", pre + "name")]
                        for pre in ("", p + "_"))
        ids_, names, second, theirs_only = [], [], [], []
        for i, (a, an, b, bn) in enumerate(zip(*mine, *theirs)):
            one_id = not _blank(a) and _plain(a) == _plain(b)  # the IDs say the two columns are one person
            if _differ(a, b) or (_differ(an, bn) and not one_id):
                second.append(i)  # two people: the row is the 法定代表人's, a second row the other's
            else:  # one person, written partly in each (经营者 beside a bare 证件号码)
                if p == "investor" and _blank(a) and _blank(an) and not (_blank(b) and _blank(bn)):
                    theirs_only.append(i)  # named as 投资人 only: no 法定代表人 (held-out 169)
                a, an = (b if _blank(a) else a), (bn if _blank(an) else an)
            ids_.append(a)
            names.append(an)
        f["id"] = pd.Series(ids_, index=f.index, dtype=object)
        f["name"] = pd.Series(names, index=f.index, dtype=object)
        if theirs_only:
            held = f["held_as"].astype(object).tolist() if "held_as" in f.columns else [None] * len(f)
            for i in theirs_only:
                held[i] = FIELD_NAMES.get(p + "_name", "")
            f["held_as"] = pd.Series(held, index=f.index, dtype=object)
        if second:
            part = f.iloc[second].astype(object)
            part["id"], part["name"] = [theirs[0][i] for i in second], [theirs[1][i] for i in second]
            part["held_as"] = FIELD_NAMES.get(p + "_name", "")  # the evidence says the row is his as 共有人, 经营者 …
            part["held_beside"] = [names[i] for i in second]  # … beside whom (C05: 法定代表人 X, held-out 169)
            if FORMER_ID_FIELD in part.columns:  # (the row's 原身份证号 is its 法定代表人's, not the other's)
                part[FORMER_ID_FIELD] = None
            seconds.append(part)
        f = f.drop(columns=[c for c in (p + "_id", p + "_name") if c in f.columns])
    if not seconds:
        return f
    return pd.concat([f.astype(object), *seconds]).sort_values("_row", kind="stable").reset_index(drop=True)


def _differ(one: object, other: object) -> bool:
    """Whether two cells of one row are both filled and name different things."""
    return not _blank(one) and not _blank(other) and _plain(one) != _plain(other)


def _blank(value: object) -> bool:
    return not str(value if value is not None else "").strip()


def _plain(value: object) -> str:
    """An ID cell as compared between two columns of one row (blanks and case aside)."""
    return re.sub(r"\s", "", str(value)).upper()


def _supporter_rows(f: pd.DataFrame) -> pd.DataFrame:
    """A wide supporters list (numbered slots per supporter, :data:`io.columns.SUPPORTER_SLOT`) as one row per supporter,
    each with the dependent's columns and the sheet's row number; an empty slot is no supporter."""
    slotted = [c for c in f.columns if c.startswith(SUPPORTER_SLOT)]
    if not slotted:
        return f
    base = f.drop(columns=slotted).astype(object)
    parts = []
    for n in dict.fromkeys(c.split(":")[1] for c in slotted):
        part = base.copy()
        for c in slotted:
            if c.split(":")[1] == n:
                part[c.split(":")[2]] = f[c].astype(object)
        filled = [[not _blank(v) for v in cells(part, c)] if c in part.columns else [False] * len(part) for c in ("id", "name")]
        parts.append(part[[a or b for a, b in zip(*filled)]])
    return pd.concat(parts).sort_values("_row", kind="stable").reset_index(drop=True)


# a span of months inside a title ('2025年10月-2026年9月缴费工资': month_span reads a cell that is the span alone)
_SPAN_NAMED = re.compile(r"20\d{2}\s*年\s*\d{1,2}\s*月?\s*[-—~～至到]\s*(?:20\d{2}\s*年)?\s*\d{1,2}\s*月")


def _dated_wage_months(table: Table, out: pd.DataFrame) -> pd.DataFrame:
    """Date a wide wage list's month columns that name no year ('_wage:07月', :func:`io.columns._monthly_wages`) by the
    year its title or file name names ('2026年社保缴费工资': 2026-07; a span '2025年10月-2026年9月' dates each month
    within it); with no year, or several, named, the columns are left unread and a notice says so (never a guessed
    year: the review window counts months, and a wage of last year's July is no wage of this quarter)."""
    bare = [c for c in out.columns if c.startswith(WAGE_MONTH) and c.endswith("月")]
    if not bare:
        return out
    named = f"{table.title} {table.path.stem}"
    spans = [month_span(m.group()) for m in _SPAN_NAMED.finditer(named)]
    span = {m[5:]: m for m in next((s for s in spans if s), ())}
    year = _one_year_named(named)
    dated = {c: span.get(c[len(WAGE_MONTH):-1]) or (f"{year}-{c[len(WAGE_MONTH):-1]}" if year else "") for c in bare}
    if all(dated.values()):
        return out.rename(columns={c: WAGE_MONTH + m for c, m in dated.items()})
    first, last = (table.headers.get(c, c[len(WAGE_MONTH):]) for c in (bare[0], bare[-1]))
    table.warnings.append(f"工资按月分列（“{first}”至“{last}”），但表头、标题和文件名都没有写明是哪一年的月份，这些工资未读取，"
                          "C06 等按工资的核查没有用到它们；请在标题或文件名中写明年份（如“2026年社保缴费工资”）后重新运行")
    return out.drop(columns=bare)


def _melt_subsidies(table: Table, out: pd.DataFrame) -> pd.DataFrame:
    """A 两项补贴 list with a column per month (:func:`io.columns._monthly_subsidies`) as one row per person, subsidy and
    month paid (an amount above 0); months naming no year take the one year the title or file name names, else they
    stay undated (each still a payment, not told apart by recency) and a notice says so."""
    wide = [c for c in out.columns if c.startswith(WAGE_MONTH)]
    if not wide:
        return out
    year = _one_year_named(f"{table.title} {table.path.stem}")
    if any(c.endswith("月") for c in wide) and not year:
        table.warnings.append("两项补贴按月分列，但标题和文件名没有写明（或写了不止一个）年份：各月的发放都按已发放计，L04 没有区分"
                              "近期是否停发；请在标题或文件名中写明年份（如“2026年两项补贴发放花名册”）后重新运行")
    return _melted(out, wide, "amount", lambda m: (f"{year}-{m[:-1]}" if year else "") if m.endswith("月") else m,
                   drop=("amount", "month"))


def _melt_wages(out: pd.DataFrame) -> pd.DataFrame:
    """A wide wage list (a wage column per month, :data:`io.columns.WAGE_MONTH`) as one row per person and month."""
    wide = [c for c in out.columns if c.startswith(WAGE_MONTH)]
    return _melted(out, wide, "wage", lambda m: m) if wide else out


def _melted(out: pd.DataFrame, wide: list[str], value: str, month_of, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    """A list's month columns (``wide``: :data:`io.columns.WAGE_MONTH` + the month's label) as one row per person and
    month with an amount above 0 (in column ``value``, the month ``month_of(label)``), rows in the list's order; the
    columns ``drop`` the rows had before are left out."""
    base = out.drop(columns=wide + [c for c in drop if c in out.columns])
    parts = []
    for col in wide:
        part = base.copy()
        part[value] = by_value(out[col].tolist(), money)
        part["month"] = month_of(col[len(WAGE_MONTH):])
        parts.append(part[[a is not None and a > 0 for a in part[value].tolist()]])
    return pd.concat(parts).sort_values("_row", kind="stable").reset_index(drop=True)


def cells(frame: pd.DataFrame, col: str) -> list:
    """Return a column's raw cells as a list, NaN as None.

    Args:
        frame: a frame of raw cells.
        col: the column.
    Returns:
        The cells.
    """
    return [None if (isinstance(v, float) and v != v) else v for v in frame[col].tolist()]


def _plate_kind(value: str, kinds: dict[str, str]) -> str:
    """A 号牌种类 cell as its name: a GA 36 code ('7', '07') as the table names it, words as written."""
    return kinds.get(value.zfill(2), value) if value.isdigit() else value


# A registry row's 人员状态 saying the person is no longer in the 户号 (moved out, dead, deregistered)


_DIED = re.compile(r"死亡|已故|去世|亡故|病故|逝世|身故|过世")
_MOVED = re.compile(r"迁出|迁往|转出")


def gone_from_household(status: str) -> str:
    """What a registry 人员状态 says of its person: 'dead' (死亡, 去世 …; 注销 or 销户 alone), 'moved' (迁出, 迁出注销: a
    move, not a death — held-out 186 lost a staff member's mother so), '' (present, or a word or code not read)."""
    if _DIED.search(status):
        return "dead"
    if _MOVED.search(status):
        return "moved"
    return "dead" if re.search(r"注销|销户", status) else ""


# a 人员状态 cell that is wholly a code ('1', '02', 'A'): a system's, read only through its legend
_STATUS_CODE = re.compile(r"[0-9A-Za-z]{1,4}")
# a 人员状态 that says only that the registration was cancelled, not why
_BARE_CANCEL = re.compile(r"(已)?(注销|销户)(户口)?")
# a 注销原因 naming a departure other than a death: a move, military service, settling abroad
_NOT_DEATH_CAUSE = re.compile(r"迁出|迁往|迁移|转出|参军|入伍|兵役|现役|出国|出境|定居|国籍")


def _cause_not_death(cause: str) -> bool:
    """Whether a registry row's 注销原因 names a reason for cancelling that is not a death."""
    return not _DIED.search(cause) and bool(_NOT_DEATH_CAUSE.search(cause))


# The registry's dates of leaving the 户号 (held-out 380): where a row's 户籍状态 is blank (or the list has none), a date
# under 迁出日期 or 注销日期 says the person left all the same
_GONE_ON = ("moved_on", "cancelled")


def _gone_from_household(table: Table, out: pd.DataFrame) -> None:
    """A registry row whose 人员状态 says its person left the 户号: ``left`` 'dead' (死亡, 注销: no living relative, no
    serving cadre) or 'moved' (迁出: a child who left is still a child, a spouse who left no spouse); said. Held-out
    181: a wife divorced and moved out in 2012 was a cadre's wife 'in his household' (C01, RQ2 at 中), a cadre dead in
    the registry tied his son to him (RQ2). Where the status cell is blank (or there is no status column), a 注销日期
    is a death (its 注销原因 saying 迁出: a move) and a 迁出日期 not followed by a later 迁入日期 a move (held-out 380: a
    household dated 迁出 under a blank 户籍状态 was an L01 高); a status written is never overruled by a date."""
    def left(v: object) -> str:
        return gone_from_household(text(v))

    status = out["status"] if "status" in out.columns else pd.Series("", index=out.index, dtype=object)
    out["left"] = by_value_array(status, left)
    blank = by_value_array(status, lambda v: not text(v).strip()).astype(bool)
    # (dates parsed once per distinct cell by the loop above: a date or None, compared here as whole columns)
    days = {c: pd.to_datetime(out[c], errors="coerce") if c in out.columns else pd.Series(pd.NaT, index=out.index)
            for c in (*_GONE_ON, "in_date")}
    dated = {c: days[c].notna().to_numpy() for c in days}
    cause = by_value_array(out["cause"], left) if "cause" in out.columns else np.full(len(out), "", dtype=object)
    cancelled = blank & dated["cancelled"]
    out.loc[cancelled, "left"] = np.where(cause[cancelled] == "moved", "moved", "dead")
    # a bare 注销 (销户) status whose 注销原因 names another reason than a death (迁出, 服兵役, 出国定居) is that reason's
    # departure, not a death (h452: a 公安 人口信息 export's 人员状态 注销 beside 注销原因 迁出 made a move inside the county
    # and a move to study C02 中 "请核实是否已死亡")
    if "cause" in out.columns:
        bare = by_value_array(status, lambda v: bool(_BARE_CANCEL.fullmatch(text(v).strip()))).astype(bool)
        other = by_value_array(out["cause"], lambda v: _cause_not_death(text(v))).astype(bool)
        out.loc[bare & other, "left"] = "moved"
    back = (days["in_date"] > days["moved_on"]).to_numpy()  # (NaT compares False)
    moved = blank & ~cancelled & dated["moved_on"] & ~back
    out.loc[moved, "left"] = "moved"
    if "status" in out.columns:
        # a 人员状态 of two codes or more with no 代码说明 (1, 2, 3): some are deaths or moves, all read as present (h494:
        # two households dead or moved out by the registry's codes were L01 高, unsaid)
        found = Counter({v: n for v, n in codes.written_counts(status).items()
                         if _STATUS_CODE.fullmatch(v) and not gone_from_household(v)})
        if len(found) >= 2:
            table.warnings.append(codes.unknown_warning(
                table.header_said("status", "人员状态"), found, "按仍在本户计（不据此认定已死亡、已迁出）",
                "如是代码，请在表头写明代码含义（如“人员状态（1正常 2死亡 3迁出）”）或附代码说明页后重新运行。"))
    if (out["left"] != "").any():
        said = (f"“{table.header_said('status', '人员状态')}”为迁出、死亡或注销等" if "status" in out.columns else "")
        dates = "、".join(f"“{table.header_said(c, FIELD_NAMES[c])}”" for c in _GONE_ON if c in out.columns)
        if dates and (cancelled.any() or moved.any()):
            said = f"{said}（{'该列' if said else ''}空白而填有{dates}的也算）" if said else f"填有{dates}"
        table.warnings.append(f"有 {int((out['left'] != '').sum())} 人的{said}："
                              "已死亡的不作为亲属，已迁出的配偶不作为配偶（父母子女等血亲关系仍按原户籍认定）")


# an address's part up to its county (湖南省邵阳市洞口县, 隆回县桃洪镇工业区): few distinct texts to look up
_TO_COUNTY = r"^(?P<county>.{0,20}(?:县|旗|区|市))"


def _households_of_counties(out: pd.DataFrame) -> None:
    """Tell apart the households of several counties under one 户号: 户号 are numbered by each police station, so a
    registry of several counties repeats them (h442: 洞口县's 户号 000100089 made a 洞口县 nurse the husband of a 隆回县
    recipient, C01 中). A 户号 whose 户主 rows' addresses name two or more counties is split by county; a row whose address
    names none stays under the bare 户号, beside neither. One 户主 and a member living in another county stay one household.

    Args:
        out: the normalised registry (household_no, address, relation), changed in place.
    """
    if "address" not in out.columns or "relation" not in out.columns or not len(out):
        return
    relation = out["relation"].astype(object)
    heads = relation.map({v: codes.is_head(v) for v in set(relation.tolist())}).astype(bool).to_numpy()
    nos = out["household_no"]
    counted = nos[heads].value_counts(sort=False)
    several = counted.index[counted.to_numpy() > 1]  # (a 户号 of two 户主: two households, or one written twice)
    if not len(several):
        return
    import pyarrow as pa
    import pyarrow.compute as pc
    from . import regions

    at = nos.isin(several).to_numpy()
    sub = out.loc[at]
    addresses = pa.array(["" if v is None else str(v) for v in sub["address"].tolist()], type=pa.string())
    parts = pc.extract_regex(addresses, _TO_COUNTY).field(0).to_pylist()  # ('' where none)
    named = {p: regions.county_name_in(p) for p in set(parts) if p}
    county = pd.Series([named.get(p, "") if p else "" for p in parts], index=sub.index, dtype=object)
    head_rows = pd.DataFrame({"no": sub["household_no"], "county": county})[heads[at] & (county != "").to_numpy()]
    counties = head_rows.groupby("no")["county"].nunique()
    split = set(counties.index[counties.to_numpy() > 1])
    if not split:
        return
    moved = sub["household_no"].isin(split) & (county != "")
    index = moved.index[moved.to_numpy()]
    out.loc[index, "household_no"] = out.loc[index, "household_no"] + "@" + county[index]


def household_key(value: str) -> str:
    """A 户号 as households are grouped by: '000100006' and 100006 are the same household.

    Args:
        value: the 户号 as text.
    Returns:
        The key.
    """
    return value.lstrip("0") or value if value.isdigit() else value


def by_value(values: list, fn, many: bool = False) -> list:
    """Apply a pure cell function once per distinct value (columns repeat values a lot).

    Args:
        values: the cells (a list, or a Series; a categorical one is taken by its categories, as read, see
            ``io.read._cells_coded``).
        fn: the function.
        many: ``fn`` takes a list of cells and returns a list of results (a vectorised function).
    Returns:
        fn(value) for each cell.
    """
    return by_value_array(values, fn, many).tolist()


def by_value_array(values: list, fn, many: bool = False) -> np.ndarray:
    """:func:`by_value` as a one-dimensional object array (for columns that stay arrays: no list in between).

    Args:
        values: the cells (see :func:`by_value`).
        fn: the function.
        many: ``fn`` takes a list of cells and returns a list of results.
    Returns:
        fn(value) for each cell.
    """
    if not len(values):
        return np.empty(0, dtype=object)
    try:
        codes, uniques = distinct(values)
    except TypeError:  # an unhashable cell: no caching
        values = values.tolist() if isinstance(values, pd.Series) else values
        return object_array(list(fn(list(values))) if many else [fn(v) for v in values])
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = fn(list(uniques)) if many else [fn(u) for u in uniques]
    return mapped[codes]


def distinct(values: list) -> tuple[np.ndarray, list]:
    """A column's distinct cells and where each cell is among them, for work done once per distinct cell that gives
    several results (:func:`by_value_array` gives one).

    Args:
        values: the cells (see :func:`by_value`).
    Returns:
        (each cell's position among the distinct cells, the distinct cells).
    Raises:
        TypeError: for an unhashable cell.
    """
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype) and values.cat.codes.min() >= 0:
        return values.cat.codes.to_numpy(), list(values.cat.categories)
    values = values.tolist() if isinstance(values, pd.Series) else values
    # (blanks as -1 first: pandas' use_na_sentinel=False makes a null mask of every cell before factorizing, ~40 % of
    # the time; the blanks are then one distinct NaN where the first of them is, as that would give them)
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    uniques, blank = list(uniques), codes < 0
    if blank.any():
        first = int(np.argmax(blank))
        k = int(codes[:first].max()) + 1 if first else 0
        codes = np.where(codes >= k, codes + 1, codes)
        codes[blank] = k
        uniques.insert(k, np.nan)
    return codes, uniques


def _zeros_of_numbers(out: pd.DataFrame, col: str, prefix: str) -> None:
    """In a column some of whose IDs a number format cut (…000 failing the check), an ID ending in 000 that happens to
    pass it may be cut alike (one in eleven does): marked ``<prefix>id_cut``, it links exactly to the same ID and, failing
    that, as a cut one would (:func:`match.link_lists`: 中 by name; held-out 159: a death list's …285000 of the roster's
    …285051, same name, unmatched). A text file keeps no cell type to tell them apart; a real ID may end in 000."""
    status = out[prefix + "id_status"].to_numpy(dtype=object)
    if not (status == ids.NUMERIC).any():
        return
    value = out[col].to_numpy(dtype=object)
    cut = (status == ids.VALID) & np.fromiter((isinstance(v, str) and v.endswith("000") for v in value), dtype=bool,
                                              count=len(value))
    if cut.any():
        out[prefix + "id_cut"] = cut


def head_ids(ref: pd.DataFrame) -> tuple[list, list, list, list]:
    """A normalised list's 户主 IDs as read, like :func:`ids.id_numbers` gives them (a number-typed cell is NUMERIC even
    where its zeros happen to pass the check character).

    Args:
        ref: a list :func:`normalise` gave, with a head_id column.
    Returns:
        (IDs, statuses, reliable prefix lengths, birth dates), one per row.
    """
    return tuple(ref[c].tolist() for c in ("head_id", "head_id_status", "head_id_reliable", "head_birth"))


def numbers_as_ids(ref: pd.DataFrame) -> np.ndarray:
    """Which rows' IDs of a list lost their last digits to a number format: stored as a number, or written in a
    number's scientific notation (1.23E+17). Each distinct status is compared once (a city's year of ledgers).

    Args:
        ref: a normalised list (columns id_status and id_raw).
    Returns:
        A boolean per row.
    """
    codes, statuses = factorized(ref, "id_status")
    statuses = np.asarray(statuses, dtype=object)
    out = np.isin(codes, np.flatnonzero(statuses == ids.NUMERIC))
    formats = np.flatnonzero(np.isin(codes, np.flatnonzero(statuses == ids.FORMAT)))
    out[formats] = ["E+" in str(v) for v in ref["id_raw"].to_numpy(dtype=object)[formats].tolist()]
    return out


def source_cells(ref: pd.DataFrame, rows: np.ndarray, column: str = "id_raw") -> int:
    """How many cells of their files some rows of a list were read from: a ledger's row paying several items or months
    (an amount column per item or month, back pay spread over its months) or a wage list's row of several months has
    one ID cell, a row naming two people (共有人, 经营者) two.

    Args:
        ref: a normalised list (``column``, and _file, _sheet and _row where it has them).
        rows: a boolean per row.
        column: the cells' column.
    Returns:
        The count.
    """
    where = [c for c in ("_file", "_sheet", "_row", column) if c in ref.columns]
    return len(ref.loc[rows, where].drop_duplicates()) if "_row" in where else int(rows.sum())


_BARE_MONTH = re.compile(r"\s*(\d{1,2})\s*月份?\s*")


def _paid_through_of(table: Table):
    """:func:`paid_through` for a subsidy list, a bare '9月' dated by the one year its title or file name names (held-out
    457: the months of a list headed 2026年 were no months, a subsidy stopped in March counted as received)."""
    year = _one_year_named(f"{table.title} {table.path.stem}")

    def read(raw: object) -> str:
        found = paid_through(raw)
        if found or not year or not isinstance(raw, str) or not (m := _BARE_MONTH.fullmatch(raw)):
            return found
        return f"{year}-{int(m.group(1)):02d}" if 1 <= int(m.group(1)) <= 12 else ""
    return read


def paid_through(raw: object) -> str:
    """The last month a subsidy payment row is for: its month, or the end of the span it names ('2026年第一季度' →
    '2026-03', '2026年4-6月' → '2026-06'; held-out 457: a quarter was no month, so a 生活补贴 stopped after March
    counted as received, and '4-6月' was read as April).

    Args:
        raw: the 发放月份/发放期间 cell.
    Returns:
        'YYYY-MM', or '' when unreadable.
    """
    span = month_span(raw)
    return span[-1] if span else month(raw)
