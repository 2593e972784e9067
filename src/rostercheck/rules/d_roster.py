"""D01–D03: roster integrity — duplicate enrolment, shared bank accounts, invalid ID numbers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

from ..kinship import family_said
from ..match import FORMER_KEY, other_name, repaired_key
from ..model import APPLYING, HIGH, LOW, MEDIUM, Context, Finding
from ..namematch import NameMatchParams
from ..normalize import ids
from ..normalize.codes import UNKNOWN
from ..normalize.values import carried, is_error_value
from ..regions import town_and_village
from ..roster import TEKUN, covered_flags, enrolment_household, roster_place
from . import rule
from ._household import in_institution, support_modes

ROSTER = "花名册"


_PLACE_CELLS = ("file", "programme", "sheet_shown", "row")  # what roster.roster_place reads of a member row


def enrolment_place(members, j: int, apart_from: int | None = None) -> str:
    """Where a member is enrolled, for evidence: '低保《花名册.xlsx》第 3 行（户主 张三）', with the township and village
    when they are not those of member ``apart_from`` ('（石桥镇南村，户主 张三）'; held-out 261: a D01 in another
    township gave the file and the row only)."""
    # (the cells read one by one: a whole row of the members, ``members.loc[j]``, costs ~0.1 ms; D01 and D02 ask
    # for a few thousand)
    place = ""
    if apart_from is not None and "township" in members.columns:
        town, village = (str(members.at[j, c] or "") if c in members.columns else "" for c in ("township", "village"))
        if town and town != str(members.at[apart_from, "township"] or ""):
            place = f"{town_and_village(town, village)}，"
    return f"{roster_place({c: members.at[j, c] for c in _PLACE_CELLS})}（{place}户主 {members.at[j, 'head_name']}）"


def _enrolment(members, j: int) -> str:
    """An enrolment's identity for a finding's facts: programme and household head (never the file or row).

    Facts (suppression): D01 is decided by the set of enrolments, D02 by the account and the households
    sharing it, D03 by the ID as written and what is wrong with it.
    """
    return f"{members.at[j, 'programme']}/{members.at[j, 'head_id'] or members.at[j, 'head_name']}"


def head_rows(members) -> dict[str, int]:
    """Return household key → the member row that stands for the household (the head, else the first).

    Args:
        members: the member frame.
    Returns:
        The mapping.
    """
    if members.empty:
        return {}
    # Two columns only: copying the whole member frame costs gigabytes at province scale.
    ranked = pd.DataFrame({"household": members["household"].to_numpy(),
                           "_o": (members["id"] != members["head_id"]).astype(int).to_numpy()}, index=members.index)
    first = ranked.sort_values(["_o"], kind="stable").drop_duplicates("household")
    return dict(zip(first["household"].tolist(), first.index.tolist()))


def household_heads(ctx: Context) -> dict[str, int]:
    """:func:`head_rows` of the context's members, worked out once per run (D02 and RQ3 use it)."""
    if "head_rows" not in ctx.cache:
        ctx.cache["head_rows"] = head_rows(ctx.members)
    return ctx.cache["head_rows"]


@rule("D01")
def duplicates(ctx: Context) -> list[Finding]:
    """Flag a valid ID that appears in more than one roster row (two households, or 低保 and 特困).

    Args:
        ctx: the audit context.
    Returns:
        One finding per row of each duplicated ID.
    """
    mem = ctx.members
    covered = covered_flags(mem)
    valid = mem[(mem["id_status"] == ids.VALID) & covered]  # a member who receives nothing enjoys nothing twice
    dup = valid[valid.duplicated("id", keep=False)]
    out = []
    for _, group in dup.groupby("id", sort=False):
        one_household = group["household"].nunique() < 2 and group["programme"].nunique() < 2 and group["township"].nunique() < 2
        if one_household and not group.duplicated(["file", "sheet"]).any():
            continue  # the same household listed twice (e.g. a household file and a member file): not a second enrolment
        # (a head enrolled in two townships has one household key, his ID, and is enrolled twice; two rows of one
        # sheet are two enrolments: a 特困 roster pays each row)
        names = sorted(set(group["name"].tolist()))
        named_apart = group["name_key"].nunique() > 1  # one ID, two names: one of them may be mistyped
        for j in group.index:
            others = "；".join(enrolment_place(mem, k, j) for k in group.index if k != j)
            both = ("低保与特困重复" if group["programme"].nunique() > 1
                    else "同一人在同一户中登记了不止一行" if one_household else "同一人在多处登记")
            evidence = f"身份证号一致，{both}：另见 {others}"
            conf = MEDIUM if named_apart else HIGH
            if named_apart:
                evidence += f"（姓名不同：{'、'.join(names)}，也可能是其中一人的身份证号录入错误）"
            elif (since := _tekun_this_month(ctx, group)):
                conf = LOW
                evidence += f"（特困认定日期 {since}，在核查基准日当月：低保转特困，低保应自次月停发，请核实是否已办理）"
            out.append(Finding("D01", j, evidence, conf, ROSTER, str(mem.at[j, "row"]), "身份证号一致",
                               (("list", "roster"), ("at", _enrolment(mem, j)),
                                *(("enrolment", _enrolment(mem, k)) for k in group.index))))
    return (out + _number_typed_duplicates(mem, covered) + _mistyped_duplicates(mem, covered)
            + _former_id_duplicates(mem, covered, NameMatchParams.from_common(ctx.common)))


def _tekun_this_month(ctx: Context, group: pd.DataFrame) -> str:
    """The 特困 认定日期 of a person on a 低保 and a 特困 roster, when it falls in the review date's month or later
    (低保转特困 this month: the 低保 stops from the next, 次月停发; held-out 153 at 高), else ''."""
    if group["programme"].nunique() < 2 or "approved" not in group.columns:
        return ""
    days = [d for d, p in zip(group["approved"].tolist(), group["programme"].tolist()) if p == TEKUN and isinstance(d, dt.date)]
    first = ctx.as_of.replace(day=1)
    return min(days).isoformat() if days and min(days) >= first else ""


def _mistyped_duplicates(mem: pd.DataFrame, covered: np.ndarray) -> list[Finding]:
    """An ID with one digit mistyped (its check digit wrong) or its last character lost (17 digits) in one enrolment,
    and the same person's ID in another (written whole or mistyped alike): the same name and the IDs' agreement
    (:func:`match.repaired_key`: the same birth date and one digit apart, or the first 17 digits) make them one person,
    at 中."""
    damaged = covered & mem["id_status"].isin([ids.CHECK, ids.SHORT]).to_numpy() & (mem["name_key"] != "").to_numpy()
    if not damaged.any():
        return []
    usable = covered & mem["id_status"].isin([ids.VALID, ids.CHECK, ids.SHORT]).to_numpy() & (mem["name_key"] != "").to_numpy()
    names = set(mem.loc[damaged, "name_key"].tolist())
    pool = mem[usable & mem["name_key"].isin(names).to_numpy()]
    reliable = pd.to_numeric(pool["id_reliable"], errors="coerce").fillna(0).astype(int) if "id_reliable" in pool else None
    out = []
    for _, group in pool.groupby("name_key", sort=False):
        rows = group.index.tolist()
        pairs = {}  # a damaged row → (the other rows it is one person with, the key)
        for j in rows:
            if group.at[j, "id_status"] == ids.VALID:
                continue
            for k in rows:
                if k == j or all(mem.at[j, c] == mem.at[k, c] for c in ("household", "programme", "township")):
                    continue  # one enrolment (a household file and a member file)
                key = repaired_key(mem.at[j, "id"], mem.at[j, "id_status"], int(reliable[j]) if reliable is not None else 18,
                                   mem.at[k, "id"], mem.at[k, "id_status"], int(reliable[k]) if reliable is not None else 18)
                if key:
                    pairs.setdefault(j, ([], key))[0].append(k)
                    pairs.setdefault(k, ([], key))[0].append(j)
        for j, (others, key) in pairs.items():
            places = "；".join(enrolment_place(mem, k) for k in others)
            out.append(Finding("D01", j, f"{key}，疑似同一人在多处登记：另见 {places}", MEDIUM, ROSTER, str(mem.at[j, "row"]),
                               "姓名+身份证号（一方受损）", (("list", "roster"), ("at", _enrolment(mem, j)),
                                                           *(("enrolment", _enrolment(mem, k)) for k in [j, *others]))))
    return out


def _former_id_duplicates(mem: pd.DataFrame, covered: np.ndarray, names: NameMatchParams) -> list[Finding]:
    """A person enrolled under her old ID and again under her new: one row's 原身份证号 (a roster's column) is another
    row's ID (held-out 342). Beside the same name as sure as one ID (高, the key saying the former ID agreed); beside
    another name 低 (a 原身份证号 column may hold other people's IDs, held-out 209). Only a valid former ID other than
    the row's own counts: a blank, 无, masked or damaged one links nobody; one enrolment (a household file and a member
    file) is none."""
    if "former_id" not in mem.columns:
        return []
    olds = np.flatnonzero(covered & (mem["former_id_status"] == ids.VALID).to_numpy()
                          & (mem["former_id"] != mem["id"]).to_numpy())
    if not len(olds):
        return []
    current = covered & (mem["id_status"] == ids.VALID).to_numpy()
    wanted = set(mem["former_id"].to_numpy(dtype=object)[olds].tolist())
    by_id: dict[str, list[int]] = {}
    for k in np.flatnonzero(current & mem["id"].isin(wanted).to_numpy()).tolist():
        by_id.setdefault(mem["id"].iat[k], []).append(k)
    labels, name_keys = mem.index, mem["name_key"].to_numpy(dtype=object)
    # (the row with the former ID, the row under it as its ID, one household's two rows of one sheet)
    pairs: dict[frozenset, tuple[int, int, bool]] = {}
    for j in olds.tolist():
        for k in by_id.get(mem["former_id"].iat[j], []):
            a, b = labels[j], labels[k]
            one = all(mem.at[a, c] == mem.at[b, c] for c in ("household", "programme", "township"))
            if k != j and not (one and any(mem.at[a, c] != mem.at[b, c] for c in ("file", "sheet"))):
                pairs.setdefault(frozenset((j, k)), (j, k, one))  # (a household file and a member file: one enrolment)
    out = []
    for j, k, one in pairs.values():
        a, b = labels[j], labels[k]
        same = bool(name_keys[j]) and bool(name_keys[k]) and not other_name(name_keys[j], name_keys[k], names)
        # … and a former ID that can be her own: the same sex, a birth date close (ids.former_apart, held-out 343)
        odd = ids.former_apart(str(mem.at[a, "id"]) if mem.at[a, "id_status"] == ids.VALID else "",
                               str(mem.at[a, "former_id"]), names.former_birth_gap)
        both = ("低保与特困重复" if mem.at[a, "programme"] != mem.at[b, "programme"]
                else "同一人在同一户中登记了不止一行" if one else "同一人在多处登记")
        names_apart = "" if same else f"姓名不同：{mem.at[a, 'name']}、{mem.at[b, 'name']}，"
        apart = (f"（{names_apart}{odd + '，' if odd else ''}原身份证号一栏可能填的是他人的身份证号，请核对是否同一人）"
                 if odd or not same else "")
        key = FORMER_KEY + ("" if same else "，但姓名不一致") + (f"，但{odd}" if odd else "")
        same = same and not odd
        for this, that, said in ((a, b, "本行的原身份证号是另一处登记的身份证号"), (b, a, "另一处登记的原身份证号是本行的身份证号")):
            evidence = f"{FORMER_KEY}：{said}（身份证号曾变更），{both}：另见 {enrolment_place(mem, that, this)}{apart}"
            out.append(Finding("D01", this, evidence, HIGH if same else LOW, ROSTER, str(mem.at[this, "row"]), key,
                               (("list", "roster"), ("at", _enrolment(mem, this)),
                                *(("enrolment", _enrolment(mem, x)) for x in (a, b)))))
    return out


def _number_typed_duplicates(mem: pd.DataFrame, covered: np.ndarray) -> list[Finding]:
    """An ID stored as a number (its last digits lost) in one enrolment and written whole (or stored so too) in another:
    the same name and the digits that survive (:func:`match.repaired_key`: the first 15, the 15th allowed its rounding)
    make them one person, at 中 (a damaged ID is never an exact match). Rows are blocked on name + the first 14."""
    numeric = np.flatnonzero(covered & (mem["id_status"] == ids.NUMERIC).to_numpy())
    if not len(numeric):
        return []
    # (blocked on the birth month: a 15th digit rounded up may carry into the day, …179|83 kept as …180, h402)
    keys = pd.Series([f"{k}|{i[:12]}" for k, i in zip(mem["name_key"].tolist(), mem["id"].tolist())], index=mem.index)
    candidates = covered & mem["id_status"].isin([ids.VALID, ids.NUMERIC]).to_numpy() & (mem["name_key"] != "").to_numpy()
    reliable = pd.to_numeric(mem["id_reliable"], errors="coerce").fillna(0).astype(int)
    out = []
    for _, group in keys[candidates].groupby(keys[candidates], sort=False):
        rows = group.index.tolist()
        if len(rows) < 2 or not mem.loc[rows, "id_status"].eq(ids.NUMERIC).any():
            continue
        for j in rows:
            agree = {}  # the other rows the same person's, by what their IDs agree on
            for k in rows:
                if k == j or (mem.at[j, "id_status"] != ids.NUMERIC and mem.at[k, "id_status"] != ids.NUMERIC):
                    continue  # (two IDs written whole are two people here)
                key = repaired_key(mem.at[j, "id"], mem.at[j, "id_status"], int(reliable[j]),
                                   mem.at[k, "id"], mem.at[k, "id_status"], int(reliable[k]))
                if key:
                    agree[k] = key
            if not agree:
                continue
            together = [j, *agree]
            if all(mem.loc[together, c].nunique() < 2 for c in ("household", "programme", "township")):
                continue  # one enrolment (a household file and a member file)
            others = "；".join(enrolment_place(mem, k) for k in agree)
            key = next(iter(agree.values()))
            out.append(Finding("D01", j, f"{key}，疑似同一人在多处登记：另见 {others}", MEDIUM, ROSTER, str(mem.at[j, "row"]),
                               "姓名+身份证号（以数字格式存储，后几位已丢失）",
                               (("list", "roster"), ("at", _enrolment(mem, j)), *(("enrolment", _enrolment(mem, k)) for k in together))))
    return out


# How many other households a D02 finding names before it says how many there are.
OTHERS_NAMED = 10


CUT = "~"  # an account key cut to the 15 digits a number format keeps


@rule("D02")
def shared_accounts(ctx: Context) -> list[Finding]:
    """Flag households whose bank account is also another household's.

    Args:
        ctx: the audit context.
    Returns:
        One finding per household sharing an account.
    """
    mem = ctx.members
    min_digits = int(ctx.specs["D02"].params["min_account_digits"])
    heads = household_heads(ctx)
    rows = mem.loc[list(heads.values()), ["bank_account", "household"]]
    rows = rows[rows["bank_account"].str.len() >= min_digits]
    # An account a number format cut to 15 digits is compared on those 15 (an account written whole that keeps them
    # joins it); two cut ones cannot say they are one account: 低; a cut one beside a whole one: 中.
    cut = (mem["account_cut"].reindex(rows.index).fillna(False).astype(bool) if "account_cut" in mem.columns
           else pd.Series(False, index=rows.index))
    if cut.any():
        kept = set(rows.loc[cut, "bank_account"].str[:15])
        prefix = rows["bank_account"].str[:15]
        # (a number format rounds the 15th digit half up: a whole account's 15 digits, or one more, held-out 128)
        up = rows["bank_account"].map(carried).where(~cut & ~prefix.isin(kept), prefix)
        joins = cut | prefix.isin(kept) | up.isin(kept)
        rows = rows.assign(bank_account=rows["bank_account"].where(~joins, up.where(up.isin(kept), prefix) + CUT))
    # an institution's residents (集中供养) are paid into its account, which they all share; another household paid
    # into it is listed all the same
    institution = rows["household"].isin(in_institution(ctx, ctx.specs["D02"].params.get("institution_modes", [])))
    # a 特困 person heading a 低保 household is one household with her own 特困 enrolment (D01 lists her twice); a
    # household a page break cut in two (第1页 / 第2页 of one file: its cells repeated, no 户主 row on the second page)
    # is one household too (held-out 166: D02 高 "2 户共用")
    rows = rows.assign(_unit=rows["household"].map(enrolment_household))
    shared = (rows.groupby("bank_account", sort=False)["_unit"].transform("nunique") >= 2).to_numpy()
    if shared.any():  # (only the accounts shared at all are looked at again)
        rows.loc[shared, "_unit"] = _paged_households(mem, rows[shared]).to_numpy()
    households = rows.groupby("bank_account", sort=False)["_unit"].transform("nunique")
    rows, institution = rows[households >= 2], institution[households >= 2]
    out = []
    mode = support_modes(ctx)
    for account, group in rows.groupby("bank_account", sort=False):
        cared = int(institution[group.index].sum())
        conf, key = HIGH, "银行账号一致"
        if account.endswith(CUT):
            whole = sorted({a for a, c in zip(mem.loc[group.index, "bank_account"], cut.reindex(group.index)) if not c})
            conf, key = (MEDIUM, "银行账号前15位一致") if whole else (LOW, "银行账号前15位一致")
        unread = _unread_care(mem, group.index, mode) if not cared else ""
        if unread:
            conf = LOW
        # the roster's 户名 of the account a care home's (held-out 340): said, the confidence kept as F07 keeps it
        homes = _care_homes(ctx, mem, group.index)
        # one registered family (a husband's 低保 household and his wife's 特困 enrolment, one 户号): explainable, 低
        # ([common] shared_account_kin; held-out 252) — not on a care home's account (F07 alike)
        family = family_said(ctx, group["household"].tolist()) if not cared and not homes else ""
        if family:
            conf = LOW
        for j in group.index[~institution[group.index].to_numpy()]:
            listed = [k for k in group.index if k != j]
            others = "；".join(enrolment_place(mem, k) for k in listed[:OTHERS_NAMED]) + (
                f" 等 {len(listed)} 户" if len(listed) > OTHERS_NAMED else "")
            shown = (account if not account.endswith(CUT) else f"{whole[0]}（另有以数字格式存储、后几位已丢失的，按前 15 位比对）"
                     if whole else f"{account[:-1]}…（以数字格式存储，后几位已丢失，只比对了前 15 位）")
            evidence = (f"银行账号 {shown}" + (f"（花名册所写户名“{homes}”，是供养机构的账户）" if homes else " ")
                        + f"同时是 {group['_unit'].nunique()} 户"
                        f"{'申请时填报的账号' if ctx.cache.get(APPLYING) else '的发放账号'}：另见 {others}")
            if cared:
                evidence += (f"（其中 {cared} 户是集中供养对象，该账号{'是' if homes else '应是'}供养机构的账号，"
                             "本户的资金不应进入）")
            elif unread:
                evidence += (f"（这些特困人员的供养方式{unread}：如是集中供养，该账号应是供养机构的账号，"
                             + ("请在花名册中写明供养方式后重新运行）" if unread == "未填写" else
                                "请在配置文件 [D02] institution_modes 中写明集中供养的代码后重新运行）"))
            elif homes:
                evidence += _home_said(mem, j, mode)
            if family:
                evidence += f"（{family}，各户是同一户籍家庭的亲属，共用账号多为家庭内部代领，请核实资金是否由各户本人支取）"
            out.append(Finding("D02", j, evidence, conf, ROSTER, str(mem.at[j, "row"]), key,
                               (("list", "roster"), ("account", account),
                                *(("household", _enrolment(mem, k)) for k in group.index))))
    return out


def _care_homes(ctx: Context, mem: pd.DataFrame, rows) -> str:
    """The care homes a shared account's holders are, as the roster writes them (户名, or words beside the number),
    a holder holding a word of ``[common] money_care_home_words`` (敬老院, 供养服务中心 …, the words F07 reads a ledger's
    payee by); '' for none."""
    words = [w for w in ctx.common.get("money_care_home_words", ()) if w]
    if not words or "holder" not in mem.columns:
        return ""
    held = dict.fromkeys(str(v or "").strip() for v in mem.loc[rows, "holder"].tolist())
    return "、".join(h for h in held if h and any(w in h for w in words))


def _home_said(mem: pd.DataFrame, j: int, mode) -> str:
    """Why a household none says is cared for in an institution is paid into a care home's account: the question for
    its door (F07's ``_unit_said`` alike)."""
    cell = str(mem.at[j, "support_mode"] or "").strip() if "support_mode" in mem.columns else ""
    if mem.at[j, "programme"] != TEKUN:
        return "（该户不是集中供养的特困人员，请核实该户的资金为何打入供养机构的账户、由谁支取）"
    said = f"写作“{cell}”" if cell else "未填写"
    fix = ("请更正花名册的供养方式" if not cell or mode(cell) != UNKNOWN
           else "请在配置文件 [D02] institution_modes 中写明集中供养的代码后重新运行")
    return (f"（该户的供养方式{said}，未按集中供养识别：如在该机构集中供养，{fix}；否则请核实该户的资金为何打入"
            "供养机构的账户、由谁支取）")


def _paged_households(mem: pd.DataFrame, rows: pd.DataFrame) -> pd.Series:
    """Each household's unit for D02, a household of one file named by its head's name and village alone (no 户主 row
    of its own: a page's continuation) taken as the one of that file, village, head name and account that has one."""
    units = rows["_unit"].copy()
    part = mem.loc[rows.index]
    headless = (part["head_id"].astype(str) == "").to_numpy()
    if not headless.any():
        return units
    key = list(zip(part["file"].tolist(), part["village"].tolist(), part["head_name"].tolist(), rows["bank_account"].tolist()))
    whole = {k: u for k, u, h in zip(key, units.tolist(), headless.tolist()) if not h and k[2]}
    for at, (k, h) in enumerate(zip(key, headless.tolist())):
        if h and k in whole:
            units.iat[at] = whole[k]
    return units


# From this many 特困 persons on one account, a 供养方式 code no setting reads may well be 集中供养 (its care home's
# account): 低, not 高 (held-out 153: 84 residents of three homes, code "2", at 高).
CARE_HOME_MIN = 3


def _unread_care(mem: pd.DataFrame, rows, mode) -> str:
    """What the 供养方式 cells of a shared account's households say, when they are all 特困 persons, at least
    :data:`CARE_HOME_MIN`, and no cell is read: '写作“1、2”，未能识别' (codes the configuration does not name), '未填写'
    (blank, or a roster without the column: held-out 399, a family export holding its 特困 people as one-person
    families, four residents of a home 高 "4 户共用"); else ''."""
    if len(rows) < CARE_HOME_MIN:
        return ""
    part = mem.loc[rows]
    if (part["programme"] != TEKUN).any():
        return ""
    cells = sorted({str(v or "").strip() for v in part["support_mode"].tolist()} - {""}) \
        if "support_mode" in mem.columns else []
    if any(mode(c) != UNKNOWN for c in cells):
        return ""
    return f"写作“{'、'.join(cells)}”，未能识别" if cells else "未填写"


# An age an ID's birth date gives that is rare enough to say the year may be mistyped too (D03's evidence).
OLD_AGE = 100


# A 证件类型 naming a document that holds no resident ID number (GB/T 2261-style 证件类型 names: 护照, 港澳居民来往内地通行证,
# 台湾居民来往大陆通行证, 外国人永久居留身份证, 港澳台居民居住证, 军官证 …); 居民身份证, 户口簿, 残疾人证 carry the ID
def other_document(kind: object, words) -> str:
    """The 证件类型 as written when it names a document other than the resident ID card (a word of ``words``, the D03
    param other_document_words), else ''."""
    said = str(kind or "").strip()
    return said if said and any(w and w in said for w in words) and "居民身份证" not in said else ""


@rule("D03")
def invalid_ids(ctx: Context) -> list[Finding]:
    """Flag members whose ID fails its check character or birth date, is malformed, numeric or blank.

    Args:
        ctx: the audit context.
    Returns:
        The findings.
    """
    mem = ctx.members
    flag_missing = bool(ctx.specs["D03"].params["flag_missing"])
    documents = [str(w) for w in ctx.specs["D03"].params.get("other_document_words", ())]
    out = []
    # a birth date still to come (after the review date and today: a roster exported after the review date may list a
    # baby born since) although the check character fits
    unborn = max(ctx.as_of, dt.date.today())
    statuses, births = mem["id_status"].to_numpy(dtype=object), mem["birth"].to_numpy(dtype=object)
    valid = statuses == ids.VALID
    later = np.zeros(len(mem), dtype=bool)
    later[valid] = [isinstance(b, dt.date) and b > unborn for b in births[valid]]
    # only the rows to flag are walked (a city's roster: 200,000 valid IDs)
    at = np.flatnonzero(later | ~valid & ((statuses != ids.MISSING) | flag_missing))
    cells, reliable = mem["id_raw"].to_numpy(dtype=object)[at], mem["id_reliable"].to_numpy(dtype=object)[at]
    kinds = mem["cert_type"].to_numpy(dtype=object) if "cert_type" in mem.columns else None
    for k, j, status, cell, birth, kept in zip(at.tolist(), mem.index[at], statuses[at], cells, births[at], reliable):
        raw = ids.unmarked(str(cell))  # the ID as written, without an apostrophe typed to keep it as text
        if later[k]:
            evidence = f"{roster_place(mem.loc[j])}身份证号“{raw}”的出生日期 {birth.isoformat()} 还没有到"
            out.append(Finding("D03", j, evidence, HIGH, ROSTER, str(mem.at[j, "row"]), "身份证号校验",
                               (("list", "roster"), ("id_raw", str(raw)), ("status", "future_birth"))))
            continue
        # A number-typed ID is damaged storage, not a wrong number: a data-quality lead (低).
        conf = {ids.NUMERIC: LOW, ids.MISSING: LOW}.get(status, HIGH)
        evidence = f"{roster_place(mem.loc[j])}身份证号“{raw}”{ids.status_label(status, kept)}"
        document = other_document(kinds[k], documents) if kinds is not None else ""
        if document and status != ids.MISSING:
            # a member the roster lists by another document (护照, 港澳台居民居住证): no wrong ID number, but none to match
            # any department's list by — 低 (h456: a foreign spouse's passport number was D03 高 "位数或字符不符")
            out.append(Finding("D03", j, f"{roster_place(mem.loc[j])}证件类型为“{document}”，证件号码“{raw}”不是居民身份证号，"
                                         "无法与各部门名单按身份证号比对；如本人已取得居民身份证，请改填身份证号",
                               LOW, ROSTER, str(mem.at[j, "row"]), "身份证号校验",
                               (("list", "roster"), ("id_raw", str(raw)), ("status", "other_document"))))
            continue
        if status == ids.MISSING and raw.strip() and raw.strip() != "无":
            # a word for no ID yet (户口未落, 待办): said as written, not as a blank cell
            evidence = f"{roster_place(mem.loc[j])}身份证号未填写（单元格中写的是“{raw.strip()}”）"
        several = len(ids.EMBEDDED.findall(unicodedata.normalize("NFKC", str(raw)).upper())) if status == ids.FORMAT else 0
        if several > 1:  # a couple's two IDs in one cell (held-out 185: said as a wrong length only)
            evidence += f"：一个单元格中写了 {several} 个身份证号，每位成员应单独一行、各填本人的身份证号"
        elif is_error_value(raw):  # (held-out 191: '#N/A' said as an ID of the wrong length)
            evidence = (f"{roster_place(mem.loc[j])}身份证号单元格是公式错误值“{str(raw).strip()}”（如查找公式未找到），"
                        "不是身份证号，请填写本人的身份证号")
        elif status == ids.NUMERIC and (kept < ids.SURVIVING or birth is None):
            # a number that kept no birth date (3.41126E+17, or 341126000000000000): no name and prefix can link it to
            # anyone, as a masked one — 中, never cleared by screen (h402: such an applicant's family was 无疑点)
            conf = MEDIUM
            evidence = (f"{roster_place(mem.loc[j])}身份证号“{raw}”以数字格式存储，只剩前几位（不含完整的出生日期），"
                        "不能用于与任何名单比对；请查看身份证或户口簿原件，以文本格式填写完整的身份证号后重新核对")
        elif status == ids.NUMERIC and ids.birth_date(mem.at[j, "id"]) is None:
            # its 15th digit, a 9, rounded up into the date (ids.numeric_birth): the date before the carry is the true one
            evidence += f"（第 15 位进位后出生日期不存在，进位前为 {birth.isoformat()}）"
        elif status == ids.FORMAT and ids.masked(raw) is not None:
            # a masked ID (copied from a 公示 list or a bank's file): no wrong number but none at all — nothing can be
            # checked against any list, never cleared, and the finding says what to get, not that a digit is wrong;
            # 中 (domain guide: a masked ID is never exact), decisive in screen's verdict all the same
            conf = MEDIUM
            evidence = (f"{roster_place(mem.loc[j])}身份证号“{raw}”{ids.STATUS_LABELS[ids.MASKED]}，只露出部分数字，"
                        "不能用于与任何名单比对；请查看身份证或户口簿原件，填写完整的身份证号后重新核对")
        if status == ids.CHECK:
            # the check cannot say which digit is wrong (held-out 159: '应为 4' of an ID whose year was swapped would
            # have made a man of 109): any digit, or two swapped; the last one only perhaps
            evidence = (f"{roster_place(mem.loc[j])}身份证号“{raw}”校验不通过（可能是任一位录错或相邻两位颠倒，请对照户口簿核对；"
                        f"若只是末位录错，按前 17 位末位应为 {ids.check_char(mem.at[j, 'id'][:17])}）")
            born = ids.birth_date(mem.at[j, "id"])
            if born and ids.age_on(born, ctx.as_of) >= OLD_AGE:
                evidence += f"（按此号码出生于 {born.year} 年，核查时 {ids.age_on(born, ctx.as_of)} 岁，出生年份也可能录错）"
        out.append(Finding("D03", j, evidence, conf, ROSTER, str(mem.at[j, "row"]), "身份证号校验",
                           (("list", "roster"), ("id_raw", str(raw)), ("status", status))))
    return out
