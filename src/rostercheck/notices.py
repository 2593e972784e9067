"""The audit's notices on ID cells the clerk should correct: IDs stored as numbers (digits lost, scientific notation),
cut short or still 15-digit, masked bank accounts, filing and list IDs that cannot be used; each said once, with
where the cells are (files, sheets, rows) and never a whole ID."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from .loading import LoadedInputs
from .normalize import ids
from .order import natural_key
from .reference import by_value_array, numbers_as_ids, source_cells
from .rules._money import blind_rows

def _text_zeros(ref: pd.DataFrame, prefix: str, rows: np.ndarray) -> np.ndarray:
    """Per row of a list, of ``rows``: its ``<prefix>id`` cell was text of digits ending in 000 (never a number in this
    file: it may have been one before it was written as text, or be a real ID's zeros). Only those rows' cells are
    looked at (a city's lists: 70,000 distinct ID cells, mostly none damaged)."""
    zeros = np.zeros(len(ref), dtype=bool)
    if prefix + "id_text" not in ref.columns or not rows.any():
        return zeros
    raw = ref[prefix + "id_raw"] if prefix + "id_raw" in ref.columns else ref[prefix + "id"]
    at = np.flatnonzero(rows & ref[prefix + "id_text"].to_numpy(dtype=bool))
    zeros[at] = [isinstance(v, str) and v.isdigit() and v.endswith("000") for v in raw.to_numpy(dtype=object)[at].tolist()]
    return zeros


def few_digits(frame: pd.DataFrame) -> np.ndarray:
    """Per row: an ID stored as a number that kept too few digits to compare (3.41222E+17: six)."""
    return ((frame["id_status"] == ids.NUMERIC)
            & (pd.to_numeric(frame["id_reliable"], errors="coerce").fillna(0) < ids.SURVIVING)).to_numpy(dtype=bool)


def _on_sheets(inputs: LoadedInputs, kind: str, frame: pd.DataFrame, rows, column: str) -> str:
    """'（工作表“龙布镇”、工作表“鹤子镇”）': the sheets some rows are on, when a file of that kind has several sheets ('' else),
    so that the clerk knows which township's file to have exported again."""
    if column not in frame.columns or not any(t.kind == kind and len(t.sheets) > 1 for t in getattr(inputs, "tables", ())):
        return ""
    on = pd.unique(frame[column].to_numpy(dtype=object)[np.asarray(rows, dtype=bool)]).tolist()
    return "（" + "、".join(f"工作表“{sheet}”" for sheet in on) + "）" if on and all(on) else ""


# Blanks and control characters: a cell of only these names no one (h453: a streamed CSV's NUL padding was a row "without
# a usable ID", its 4,096 NULs printed to the console as its name)
_UNPRINTED = re.compile(r"[\x00-\x20\x7f\u3000]+")


def _names_someone(ref: pd.DataFrame) -> np.ndarray:
    """Per row of a list: whether it has a name or an ID cell (a person's row, whatever its ID is worth)."""
    named = np.zeros(len(ref), dtype=bool)
    for col in ("name", "id_raw"):
        if col in ref.columns:
            named |= by_value_array(ref[col], lambda v: bool(_UNPRINTED.sub("", str(v))) if v is not None and v == v
                                    else False).astype(bool)
    return named


def _in_ledgers(ref: pd.DataFrame, rows) -> str:
    """'（发放明细_2026年8月.csv）': the ledger files some rows are in ('' for a list without files named per row)."""
    if "_file" not in ref.columns:
        return ""
    files = dict.fromkeys(Path(str(f)).name for f in ref["_file"].to_numpy(dtype=object)[np.asarray(rows, dtype=bool)])
    return "（" + "、".join(list(files)[:3]) + ("等" if len(files) > 3 else "") + "）" if files else ""


def _in_files(inputs: LoadedInputs, rows) -> str:
    """'（毛集镇….xlsx 工作表“家庭成员”、…）': the roster files (and sheets) some members are in, when several roster files
    were read ('' else): one township's file to have exported again (held-out 136)."""
    members = inputs.members
    if sum(1 for t in getattr(inputs, "tables", ()) if t.kind == "roster") < 2 or "file" not in members.columns:
        return ""
    at = np.asarray(rows, dtype=bool)
    sheets = members["sheet_shown"].to_numpy(dtype=object)[at] if "sheet_shown" in members.columns else [""] * int(at.sum())
    on = dict.fromkeys(Path(str(f)).name + (f" 工作表“{s}”" if s else "")
                       for f, s in zip(members["file"].to_numpy(dtype=object)[at], sheets))
    return "（" + "、".join(on) + "）"


# how many townships a notice names before "等" (the most people first)
_TOWNS_SHOWN = 3


def old_ids(members: pd.DataFrame, roster: str = "花名册", files: Callable[[np.ndarray], str] | None = None) -> list[str]:
    """The notice for roster members whose ID is still a 15-digit 一代证 number (matched as its 18-character upgrade,
    unsaid: held-out 249): how many, in which townships, one example masked.

    Args:
        members: the roster members (id_raw, id_status, township).
        roster: what the rosters are called (花名册, 申请名单, 在保花名册).
        files: the files (and sheets) some members are in, for a roster of several files ('' else).
    Returns:
        The notice, or none.
    """
    if "id_raw" not in members.columns or not len(members):
        return []
    valid = (members["id_status"] == ids.VALID).to_numpy()
    digits = np.asarray(ids.old_digits_each(members["id_raw"].tolist()), dtype=object)
    old = valid & (digits != "")
    if not old.any():
        return []
    towns = (members["township"].astype(object).map(lambda t: str(t or "").strip())[old].value_counts()
             if "township" in members.columns else pd.Series(dtype=int))
    ranked = sorted(towns.items(), key=lambda kv: (-kv[1], natural_key(kv[0])))  # (as _money_unread.amounts_not_given)
    where = ("、".join(f"{t or '未填乡镇'} {n} 人" for t, n in ranked[:_TOWNS_SHOWN])
             + (f"等 {len(ranked)} 个乡镇" if len(ranked) > _TOWNS_SHOWN else ""))
    example = ids.mask_id(str(digits[old][0]))
    return [f"{roster}{files(old) if files else ''}中有 {int(old.sum())} 人的身份证号仍是 15 位旧身份证号"
            f"（{where + '；' if where else ''}如 {example}），已按升位后的 18 位号码比对。请更新为18位身份证号。"]


def _scientific_rows(frame: pd.DataFrame, mask, row: str, raw: str = "id_raw", like: str = "4.10523E+17") -> str:
    """Where the first IDs (or accounts) saved in scientific notation are, as the file shows them ('如第 12 行
    “4.10523E+17”'; a few digits only, nothing to hide), for a clerk to find them (held-out 185: an example of another
    county's); rows alone where the cells as written are not kept (the roster's accounts)."""
    at = np.flatnonzero(np.asarray(mask, dtype=bool))[:3]
    cells = frame[raw].to_numpy(dtype=object)[at].tolist() if raw in frame.columns else ["E"] * len(at)
    rows = frame[row].to_numpy(dtype=object)[at].tolist() if row in frame.columns else [""] * len(cells)
    # (the roster's rows name their file when it has several: held-out 189's "第 8 行" was of one of four)
    files = (frame["file"].to_numpy(dtype=object)[at].tolist() if "file" in frame.columns
             and frame["file"].nunique() > 1 else [""] * len(cells))
    shown = [(f"《{f}》" if f else "") + (f"第 {r} 行" if r != "" else "") + (f"“{v}”" if raw in frame.columns else "")
             for f, r, v in zip(files, rows, cells) if "E" in str(v).upper()]
    shown = [s for s in shown if s]
    return "如" + "、".join(shown) + ("" if raw in frame.columns else f"，形如 {like}") if shown else f"形如 {like}"


def number_typed_ids(inputs: LoadedInputs, roster: str = "花名册") -> list[str]:
    """One warning for the roster and one per list whose IDs lost their last digits to a number format, and one
    per list whose IDs lost their last character.

    Args:
        inputs: the loaded rosters and lists.
        roster: what the rosters are called in the message (花名册, 申请名单).
    Returns:
        The warnings.
    """
    out = []
    numeric = inputs.members["id_status"] == ids.NUMERIC
    scientific = few_digits(inputs.members)
    few = int(scientific.sum())
    if numeric.any():
        out.append(f"{roster}{_in_files(inputs, numeric) or _on_sheets(inputs, 'roster', inputs.members, numeric, 'sheet_shown')}"
                   f"中有 {int(numeric.sum())} 个身份证号以数字格式存储"
                   "（后几位已丢失），这些人只按“姓名+前15位”以中等置信度比对"
                   + (f"；其中 {few} 个以科学计数法保存（{_scientific_rows(inputs.members, scientific, 'row')}），只剩前几位，"
                      "无法与名单比对" if few else "")
                   + "，请尽快更正。")
    for count, what, kept in _cut_ids(inputs.members):  # (README: IDs cut short are said apart)
        out.append(f"{roster}中有 {count} 个身份证号{what}，这些人只按“姓名+{kept}”以中等置信度比对，请核对后补全。")
    out.extend(old_ids(inputs.members, roster, lambda rows: _in_files(inputs, rows)))
    if "account_masked" in inputs.members.columns:
        hidden = inputs.members.loc[inputs.members["account_masked"].astype(bool), "household"].nunique()
        if hidden:  # (held-out 146: said to be stored as numbers, to be exported again as text)
            out.append(f"{roster}中有 {hidden} 户的银行账号被部分隐藏（如 6217****1234），这些账号不参与共用账号（D02）和干部账号（RQ3）"
                       "的比对；需要核对的，请从系统导出账号完整的名单。")
    if "account_cut" in inputs.members.columns:
        lost = inputs.members["account_cut"].to_numpy(dtype=bool)
        # (an account saved as '6.22848E+18' keeps a few digits, compared with none: said apart from the 15 kept)
        few, at = lost.copy(), np.flatnonzero(lost)
        few[at] = [len(str(a)) < 15 for a in inputs.members["bank_account"].to_numpy(dtype=object)[at].tolist()]
        cut = inputs.members.loc[lost & ~few, "household"].nunique()
        if cut:
            out.append(f"{roster}中有 {cut} 户的银行账号以数字格式存储（超过 15 位的后几位已丢失），共用账号（D02）只能按前 15 位比对，"
                       "置信度最高为“中”；请把账号列设为“文本”后重新导出。")
        if few.any():
            out.append(f"{roster}中有 {inputs.members.loc[few, 'household'].nunique()} 户的银行账号以科学计数法保存"
                       f"（{_scientific_rows(inputs.members, few, 'row', raw='', like='6.22848E+18')}），只剩前几位，"
                       "不参与共用账号（D02）和干部账号（RQ3）的比对；请把账号列设为“文本”后重新导出。")
    for kind, ref in inputs.lists.items():
        if "id_status" not in ref.columns or "id_raw" not in ref.columns:
            continue
        own = numbers_as_ids(ref)
        damaged = own.copy()
        zeros = _text_zeros(ref, "", own)
        blank = (by_value_array(ref["id_raw"], lambda v: v is None or v != v or not str(v).strip()).astype(bool)
                 if "head_id" in ref.columns else None)
        if blank is not None and blank.any():  # rows naming only the head (户主身份证号), whose ID is the row's (each
            # cell judged once)
            heads = blank & by_value_array(ref["head_id"], lambda h: h is not None and h == h
                                           and ids.id_number(str(h)).status == ids.NUMERIC).astype(bool)
            damaged |= heads
            zeros |= _text_zeros(ref, "head_", heads)
        sheets = _on_sheets(inputs, kind, ref, damaged, "_sheet")
        texts = source_cells(ref, zeros) if zeros.any() else 0
        rows, damaged = damaged, source_cells(ref, damaged) if damaged.any() else 0  # a ledger's row paying two items is one cell
        if damaged:
            # (3.41824E+17 keeps six digits: no name and prefix can link it, as for the roster above)
            scientific = (np.asarray(own, dtype=bool) & few_digits(ref) if "id_reliable" in ref.columns
                          else np.zeros(len(ref), dtype=bool))
            few = source_cells(ref, scientific) if scientific.any() else 0
            # text cells ending in 000 were numbers once at most: said as such (held-out 231: 16 text cells "以数字格式存储")
            said = ("以数字格式存储（" if not texts else "末几位为 0（疑似曾以数字格式存储，" if texts == damaged
                    else f"以数字格式存储或末几位为 0（其中 {texts} 个是文本格式，疑似曾以数字格式存储；")
            # (a year's ledger repeats each payee's ID monthly: the people said too, held-out 270's 419 were 47)
            at = np.asarray(rows, dtype=bool)
            cells = ref["id_raw"].to_numpy(dtype=object)[at]
            if "head_id" in ref.columns:  # (a row naming only the head: his)
                cells = np.where([c is None or c != c or not str(c).strip() for c in cells.tolist()],
                                 ref["head_id"].to_numpy(dtype=object)[at], cells)
            distinct = pd.unique(cells).size
            said = said.replace("（", f"（共 {distinct} 个不同的号码，", 1) if distinct < damaged else said
            out.append(f"{inputs.labels[kind]}{sheets}中有 {damaged} 个身份证号{said}后几位已丢失，只能按姓名+前几位以中等置信度比对"
                       + (f"；其中 {few} 个以科学计数法保存（{_scientific_rows(ref, scientific, '_row')}），只剩前几位，无法比对"
                          if few else "")
                       + ("）。请让报送单位从系统重新导出完整的身份证号。" if texts == damaged
                          else "）。请让报送单位把身份证号列设为“文本”后重新导出。"))
        hidden = ref["account_masked"].to_numpy(dtype=bool) if "account_masked" in ref.columns else np.zeros(len(ref), bool)
        if hidden.any():  # a bank's masked accounts (6217****5678, held-out 140), named by file (held-out 149)
            out.append(f"{inputs.labels[kind]}{_in_ledgers(ref, hidden)}中有 {source_cells(ref, hidden, 'bank_account')} 处银行账号"
                       "被部分隐藏（如 6217****5678），"
                       + ("这些账号不作为同一账号比对（F07 多户共用账号、干部或工作人员账号），只与户名、露出的几位一起对应领取人"
                          "（置信度最高为“中”）。需要核查账户的，请向银行索取账号完整的发放明细。" if kind == "payments" else
                          "这些账号不与花名册和发放明细的账号比对（RQ3、F07 干部或工作人员账号）；需要核对的，请报送单位提供账号完整的名单。"))
        if kind == "payments" and "id_raw" in ref.columns:  # masked IDs: how their rows were tied (held-out 149)
            # (in bulk: a city's year of ledgers holds 180,000 distinct whole IDs, no mask mark in them)
            masked_ids = by_value_array(ref["id_raw"], ids.masked_many, many=True) != None  # noqa: E711 (per cell)
            if masked_ids.any():
                example = ids.masked_example(ref["id_raw"].to_numpy(dtype=object)[np.flatnonzero(masked_ids)[0]])
                out.append(f"{inputs.labels[kind]}{_in_ledgers(ref, masked_ids)}中有 {source_cells(ref, masked_ids)} 行身份证号"
                           f"被部分隐藏（如 {example}），不当作身份证号：按同一账号、同一户名在其他月份的完整身份证号，或按"
                           "“账号 + 户名 + 露出的几位”对应到人，由这些行得出的问题最高为“中”。")
        cut = (source_cells(ref, ref["account_cut"].to_numpy(dtype=bool) & ~hidden, "bank_account")
               if "account_cut" in ref.columns else 0)
        if cut:  # (a ledger's)
            # (of those accounts: a bank's masked ones are said above; held-out 293 read "7 处…其中 14 行")
            blind = source_cells(ref, blind_rows(ref) & ~hidden, "bank_account") if kind == "payments" else 0
            compared = ("这些账号不作为同一账号比对（F07 多户共用账号、干部或工作人员账号）" if kind == "payments" else
                        "这些账号与花名册只按前 15 位比对（RQ3 置信度最高为“中”），不作为 F07 的干部或工作人员账号比对")
            out.append(f"{inputs.labels[kind]}中有 {cut} 处银行账号以数字格式存储（超过 15 位的后几位已丢失），{compared}"
                       + (f"；其中 {blind} 行没有身份证号，无法判断领取人是谁：这些行不列为不在册人员领取或重复发放，"
                          "其所属月份不核查应发未发" if blind else "")
                       + "。请让报送单位把账号列设为“文本”后重新导出。")
        # rows no ID links (never by the name alone): said, not dropped silently
        if kind in (*_PERSON_LISTS, *_OWNER_LISTS) and len(ref):
            none = (ref["id_status"].isin([ids.MISSING, ids.FORMAT, ids.DATE])).to_numpy()
            if kind in _OWNER_LISTS and none.any():  # a company's row (no ID, its credit code): no person unlinked
                none = none & by_value_array(ref["id_raw"], _person_id_shaped).astype(bool)
            if none.any():  # a row with neither a name nor an ID cell is no person (held-out 254: a staff list's
                # '单位：民权县教育体育局' over each unit's block was counted 6 times as a person without an ID)
                none = none & _names_someone(ref)
            if none.any():
                shown = "、".join(dict.fromkeys(_UNPRINTED.sub("", str(v))[:20] for v in ref.loc[none, "name"].tolist()[:3])
                                  ) if "name" in ref.columns else ""
                # an ID masked for privacy (6531**********0734, held-out 211) is no mistake to correct: the sender must
                # send the IDs whole
                hidden = [str(v) for v in ref.loc[none, "id_raw"].tolist() if ids.masked(v)] if "id_raw" in ref.columns else []
                # … those showing region and birth date are compared by name and those digits (match._as_masked)
                dated, linked, several = _masked_linked(inputs.members, ref, none, kind)
                # (a 15-character mask is compared on fewer trailing digits: h419, the notice said 末 4 位 of 410326******437)
                tail15 = (f"，15 位的号码末 {ids.MASK_FIFTEEN_TAIL_MIN} 位"
                          if any(ids.fifteen_masked(v) for v in hidden) else "")
                typos = _typo_linked(inputs.members, ref, none)
                rest = int(none.sum()) - dated - typos  # (masked rows are never an impossible birth date's)
                out.append(f"{inputs.labels[kind]}{_on_sheets(inputs, kind, ref, none, '_sheet')}中有 {int(none.sum())} 行没有可用的"
                           f"身份证号（空白、位数不对{'、出生日期不成立或被遮挡' if hidden else '或出生日期不成立'}"
                           f"{'，如 ' + shown if shown else ''}），"
                           + (f"其中 {len(hidden)} 行的身份证号被遮挡（脱敏，如 {ids.masked_example(hidden[0])}），" if hidden else "")
                           + (f"被遮挡的号码露出出生日期（或露出地区码和末 {ids.MASK_TAIL_MIN} 位{tail15}）的 {dated} 行按“姓名+露出的各位”"
                              f"比对，{f'其中 {linked} 行' if linked else '没有一行'}与花名册上唯一一人相符，列为低置信度线索"
                              + (f"，{several} 行与花名册上两名以上同名人员同样相符、无法确定是谁，不列" if several else
                                 "（同名且露出的各位也相同的有两人以上的，不列）")
                              + "；其余的人" if dated else "这些人")
                           + (f"{'' if dated else '中'}出生日期不成立、与花名册上唯一一名同名人员的身份证号只差一处的 {typos} 行"
                              "按疑似录入错误列为低置信度线索（依据中写明差在哪一位）" if typos else "")
                           + ("；其余的人" if typos and rest else "")
                           + ("无法与花名册比对（不按姓名单独比对）" if rest or not typos else "")
                           + "。请让报送单位补全身份证号"
                           + ("，被遮挡的请提供完整的身份证号。" if hidden else "。"))
        if kind == "cadre_relatives" and len(ref):
            out.extend(_unusable_filings(inputs, ref))
        for count, what, kept in _cut_ids(ref):
            out.append(f"{inputs.labels[kind]}中有 {count} 个身份证号{what[:-1]}，只按姓名+{kept}以中等置信度比对）"
                       + _seventeen_unused(inputs.members, ref) + "。请让报送单位核对后重新导出。")
    return out


# Lists of people each of whom has an ID (not of companies, vehicles' or homes' owners, relatives often left blank)
_PERSON_LISTS = ("deaths", "prisoners", "migrations", "staff", "cadres", "pensions", "wages")
# Lists of owners, people or companies: a person's ID made unusable there is said as on a list of people (held-out 212:
# a car owner's masked ID was dropped unsaid, the same row in a deaths or pensions list named)
_OWNER_LISTS = ("vehicles", "properties", "businesses")
_PERSON_ID = re.compile(r"\d{14,}[\dXx]?")


def _masked_linked(members: pd.DataFrame, ref: pd.DataFrame, none: np.ndarray, kind: str) -> tuple[int, int, int]:
    """How many of a list's rows without a usable ID are masked showing enough digits to be compared
    (:func:`ids.masked_compared`), how many of those the matcher tied to one roster member, and how many fit several
    members of their name equally (no lead: :func:`match._undecided`) (held-out 413: the notice said the rows were
    compared, never how many were found or left undecided).

    Args:
        members: the roster members.
        ref: the list.
        none: its rows without a usable ID.
        kind: the list's kind (only :data:`rules.MASKED_TAIL_LISTS` compare masks without a birth date).
    Returns:
        (rows compared, rows linked, rows fitting several members).
    """
    if "id_raw" not in ref.columns:
        return 0, 0, 0
    from .match import MASKED_KEY, link_lists
    from .rules import MASKED_TAIL_LISTS

    tail = kind in MASKED_TAIL_LISTS
    at = np.flatnonzero(none)
    shown = ids.masked_compared if tail else ids.masked_shown
    compared = at[by_value_array(ref["id_raw"].to_numpy(dtype=object)[at].tolist(), lambda v: shown(v) > 0).astype(bool)]
    if not len(compared) or "name_key" not in ref.columns or "id" not in ref.columns:
        return len(compared), 0, 0
    found = link_lists(members, ref.iloc[compared], sides=("花名册", "名单"), masked="tail" if tail else True)
    linked = set(found.loc[found["key"].str.contains(MASKED_KEY, regex=False), "r"].tolist())
    # the rows two or more namesakes fit (only namesakes are paired: a few rows)
    rows = pd.DataFrame({"r": ref.index[compared], "nk": ref["name_key"].to_numpy(dtype=object)[compared],
                         "raw": ref["id_raw"].to_numpy(dtype=object)[compared]})
    valid = (members["id_status"] == ids.VALID).to_numpy()
    people = pd.DataFrame({"nk": members["name_key"].to_numpy(dtype=object)[valid],
                           "pid": members["id"].to_numpy(dtype=object)[valid]})
    pairs = rows[~rows["r"].isin(linked) & (rows["nk"] != "")].merge(people, on="nk")
    fits = [ids.fits_mask(p, c) for p, c in zip(pairs["pid"].tolist(), pairs["raw"].tolist())]
    several = pairs[np.asarray(fits, dtype=bool)].drop_duplicates(["r", "pid"])["r"].value_counts() if len(pairs) else []
    return len(compared), len(linked), int((np.asarray(several) > 1).sum())


def _typo_linked(members: pd.DataFrame, ref: pd.DataFrame, none: np.ndarray) -> int:
    """How many of a list's rows without a usable ID (an impossible birth date) the matcher ties, as one mistyped digit
    or one swap, to the one member of their name (:func:`match._one_typo_apart`, 低) (held-out 417: the notice said
    "这些人无法与花名册比对" of 鄢少军, whose C02 and F01 were in the problem list as 低 leads). A member an exact ID of
    the list already links is no correction's target, as in the matcher; only the invalid rows are paired (a few)."""
    if "id_status" not in ref.columns or "name_key" not in ref.columns or "id" not in ref.columns \
            or "id_status" not in members.columns:
        return 0
    from .match import LINK_COLUMNS, _one_typo_apart

    status = ref["id_status"].to_numpy(dtype=object)
    dated = none & (status == ids.DATE)
    if not dated.any():
        return 0
    bad = ref[np.isin(status, [ids.CHECK, ids.DATE]) & (ref["name_key"].astype(str) != "").to_numpy()]
    valid = ref.loc[(status == ids.VALID), "id"]
    exact = members.index[members["id"].isin(set(valid.tolist())).to_numpy()] if len(valid) else members.index[:0]
    found = pd.DataFrame({"m": exact, "r": -1, "confidence": "", "key": ""}, columns=LINK_COLUMNS)
    linked = _one_typo_apart(found, members, bad, "id", "name_key")
    return int(linked["r"].isin(set(ref.index[dated])).sum())


def _unusable_filings(inputs: LoadedInputs, ref: pd.DataFrame) -> list[str]:
    """The notice for the filing rows (近亲属备案表) nothing ties to a person: no usable relative's ID, and no usable
    cadre's ID (no registry household to look in) or no relative's name (held-out 219: such rows were dropped unsaid).
    A blank relative's ID alone is common (the relative is found in the cadre's household or village) and not said."""
    unusable = [ids.MISSING, ids.FORMAT, ids.DATE]
    no_id = ref["id_status"].isin(unusable).to_numpy()
    no_cadre = (ref["cadre_id_status"].isin(unusable).to_numpy() if "cadre_id_status" in ref.columns
                else np.ones(len(ref), dtype=bool))
    no_name = (ref["name_key"].astype(str) == "").to_numpy() if "name_key" in ref.columns else np.ones(len(ref), dtype=bool)
    bad = no_id & (no_cadre | no_name)
    if not bad.any():
        return []
    numbers = [str(r) for r in ref.loc[bad, "_row"].tolist()] if "_row" in ref.columns else []
    shown = "第 " + "、".join(numbers[:10]) + " 行" + ("等" if len(numbers) > 10 else "") if numbers else ""
    return [f"{inputs.labels['cadre_relatives']}{_on_sheets(inputs, 'cadre_relatives', ref, bad, '_sheet')}中有 {int(bad.sum())} 行"
            f"{'（' + shown + '）' if shown else ''}没有可用的亲属身份证号，也没有可用的干部身份证号或亲属姓名（空白、位数不对或"
            "出生日期不成立），无法确定备案的是谁：这些备案只在能确定干部所在村时按姓名比对，否则未使用，"
            "其亲属可能被当作未备案（RQ2）或漏列重点审查（RQ1）。请让报送单位补全干部和亲属的身份证号。"]


def _person_id_shaped(cell: object) -> bool:
    """Whether an ID cell holds a person's ID, masked or damaged (371722********7070, 17 or 19 digits, an impossible
    birth date), not a company's credit code or a blank."""
    return ids.masked(cell) is not None or _PERSON_ID.fullmatch(ids.id_number(cell).value) is not None


def _cut_ids(frame: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(count, what, the digits compared) for a frame's IDs cut short (:data:`ids.SHORT`): those missing only the
    check character, and those cut after 15 or 16 digits (a 15-digit one is no 一代证: its date is impossible)."""
    short = (frame["id_status"] == ids.SHORT).to_numpy()
    if not short.any():
        return []
    kept = (pd.to_numeric(frame["id_reliable"], errors="coerce").fillna(17).to_numpy()[short]
            if "id_reliable" in frame.columns else np.full(int(short.sum()), 17))
    last, cut = int((kept >= 17).sum()), int((kept < 17).sum())
    return ([(last, "只有 17 位（末位校验码缺失）", "前17位")] if last else []) + (
        [(cut, "只有 15 或 16 位（不是有效的 15 位旧身份证号，后几位缺失）", "现有各位")] if cut else [])


def _seventeen_unused(members: pd.DataFrame, ref: pd.DataFrame) -> str:
    """What the notice of a list's 17-digit IDs adds for those that begin no roster ID while namesakes of their region
    and birth date are on the roster ('' for none): they were not used, and several namesakes fit (held-out 227: such an
    ID fitting two people born the same day was dropped while the notice said it was compared at 中)."""
    short = ((ref["id_status"] == ids.SHORT) & (pd.to_numeric(ref["id_reliable"], errors="coerce") == 17)).to_numpy()
    if not short.any() or "name_key" not in ref.columns or members.empty:
        return ""
    values, keys = ref.loc[short, "id"].astype(str), ref.loc[short, "name_key"]
    shown = ref.loc[short, "name"] if "name" in ref.columns else keys
    begun = set(members.loc[members["id"].astype(str).str[:17].isin(set(values)), "id"].astype(str).str[:17])
    named = members[members["name_key"].isin(set(keys) - {""})]  # (a province's roster: the namesakes only)
    people = named.groupby([named["name_key"], named["id"].astype(str).str[:14]])["id"].nunique()
    said = []
    for value, key, name in zip(values, keys, shown):
        fits = int(people.get((key, value[:14]), 0)) if key and value[:17] not in begun else 0
        if fits:
            said.append(f"{name}（{value}）的前14位（地区和出生日期）与花名册中 {fits} 名同名人员相同、前17位与"
                        + ("每人都不同，无法确定是谁" if fits > 1 else "其不同，无法确定是否同一人"))
    if not said:
        return ""
    return f"；其中 {'，'.join(said[:3])}{'等' if len(said) > 3 else ''}，未使用（可能不只缺末位校验码）"


__all__ = ["few_digits", "number_typed_ids", "old_ids"]
