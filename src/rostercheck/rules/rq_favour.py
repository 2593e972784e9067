"""RQ1–RQ3: favouritism (人情保 / 关系保) — relatives and contacts of village cadres and social-assistance staff.

RQ1 lists filed relatives (备案) who receive benefits, for strict review; RQ2 finds unfiled ones through
the registry (same 户号 as a cadre); RQ3 finds households whose contact phone or bank account is a
cadre's. Sharing a surname and a village is never evidence: every link here is an ID, a registry
household, a declared filing, or a phone/account number. Facts (suppression): the cadre (ID, else
name) and the tie (filed relation, registry relation, or the shared phone/account number).
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .. import namematch as nm
from ..kinship import (CHILD, GRANDCHILD, GRANDPARENT, HEAD, PARENT, SIBLING, SPOUSE, filing_cadres, filing_links,
                       member_values, official_households, records, registry_kin, role)
from ..match import weakest
from ..model import HIGH, LOW, MEDIUM, Context, Finding
from ..normalize.codes import relation as decoded_relation
from ..normalize.values import carried
from ..reference import by_value_array
from . import dead_on_lists, link_fact, person_identity, registry_homes, rule, where
from .c01_staff import filed_cadres_left, has_left, status_doubt
from .d_roster import household_heads


def _cadre_text(post: object, name: object) -> str:
    return " ".join(str(x) for x in (post, name) if x is not None and x == x and str(x))


@rule("RQ1")
def filed(ctx: Context) -> list[Finding]:
    """Flag members declared on the filing table as a cadre's or worker's relative.

    Args:
        ctx: the audit context.
    Returns:
        One finding per (member, filing row).
    """
    if not ctx.has("cadre_relatives"):
        return []
    found = filing_links(ctx)
    fils = records(ctx.lists["cadre_relatives"], found["r"])
    posts = filing_cadres(ctx)["post"].to_dict()
    left = filed_cadres_left(ctx)  # the cadre list says he no longer holds the post: a 低 lead (held-out 152)
    out = []
    for m, f, conf, key in found.itertuples(index=False):
        row = fils[f]
        relation = str(row.get("relation", "") or "") or "近亲属"
        cadre = _cadre_text(posts.get(f), row.get("cadre_name", ""))
        gone = ""
        if f in left:
            conf, gone = LOW, "（村(居)干部名单显示该干部已离任，仅供参考）"
        evidence = (f"{where(ctx, 'cadre_relatives', row)}：已备案为 {cadre} 的{decoded_relation(relation).worded}（备案姓名 {row['name']}）{gone}，"
                    f"列入重点审查；{key}")
        out.append(Finding("RQ1", m, evidence, conf, ctx.labels["cadre_relatives"], str(int(row["_row"])), key,
                           (("list", "cadre_relatives"), link_fact(conf), ("cadre", person_identity(row, "cadre_")),
                            ("relation", relation))))
    return out


def _filed_index(ctx: Context) -> tuple[dict[tuple, list[int]], dict[int, str]]:
    fil = ctx.lists["cadre_relatives"]
    info = filing_cadres(ctx)
    n = len(fil)
    names = fil["cadre_name_key"].tolist() if "cadre_name_key" in fil.columns else [""] * n
    cids = fil["cadre_id"].tolist() if "cadre_id" in fil.columns else [""] * n
    valid = (fil["cadre_id_status"] == "valid").tolist() if "cadre_id_status" in fil.columns else [False] * n
    index: dict[tuple, list[int]] = {}
    for f, nk, cid, ok, row in zip(fil.index, names, cids, valid, info["cadre_row"].tolist()):
        for k in (("name", nk), ("id", cid if ok else ""), ("row", row)):
            if k[1] is not None and k[1] != "":
                index.setdefault(k, []).append(f)
    return index, dict(zip(fil.index, fil["name_key"].tolist()))


def _is_filed(cadre: tuple, member_key: str, m: int, index: dict, relatives: dict, linked: set) -> bool:
    o, name_key, cadre_id = cadre
    rows = set(index.get(("row", o), [])) | set(index.get(("name", name_key), [])) | set(index.get(("id", cadre_id), []))
    for f in rows:
        filed = relatives[f]
        if (m, f) in linked or (member_key and filed and (filed == member_key or nm.homophone_key(filed) == nm.homophone_key(member_key))):
            return True
    return False


@rule("RQ2")
def unfiled(ctx: Context) -> list[Finding]:
    """Flag members registered in the same 户 as a cadre who are not on the filing table.

    Args:
        ctx: the audit context.
    Returns:
        One finding per (member, cadre).
    """
    if not (ctx.has("cadres") and ctx.has("registry")):
        return []
    kin = registry_kin(ctx, "cadres")
    # the same 户号, or another one the registry's 父亲/母亲/配偶公民身份号码 columns tie to the cadre by ID for a near
    # relative (held-out 448: a 村主任's adult son and a 书记's sister in 户 of their own, unfiled, were in no finding;
    # a parent or spouse apart was C01 only, never said unfiled)
    apart = kin["apart"].astype(bool)
    kin = kin[~apart | kin["kin"].isin(_NEAR)]
    if kin.empty:
        return []
    has_filing = ctx.has("cadre_relatives")
    index, relatives = _filed_index(ctx) if has_filing else ({}, {})
    linked = set(zip(*[filing_links(ctx)[c] for c in ("m", "r")])) if has_filing else set()
    homes = official_households(ctx, "cadres")
    cads, regs = records(ctx.lists["cadres"], kin["o"]), records(ctx.lists["registry"], [*kin["r"], *kin["ro"]])
    out = []
    cols = kin[["o", "m", "kin", "label", "household_no", "r", "confidence", "key", "ro", "said", "apart"]].itertuples(
        index=False)
    for (o, m, k, label, no, r, conf, key, ro, written, away), hh, name_key in zip(
            cols, member_values(ctx, kin["m"], "household"), member_values(ctx, kin["m"], "name_key")):
        if hh in homes.get(o, ()):
            continue  # the cadre is in this household: C01 already says so
        row = cads[o]
        if has_left(row, ctx):
            continue  # the list says he no longer holds the post (离任, 辞职 …: [C01] left_words), as C01 reads it
        cadre_keys = (o, row["name_key"], row["id"] if row["id_status"] == "valid" else "")
        if has_filing and _is_filed(cadre_keys, name_key, m, index, relatives, linked):
            continue  # filed: RQ1 lists it
        status = "未备案" if has_filing else "未提供近亲属备案表，无法确认是否备案"
        # (a near relative as the registry writes the tie where the cadre is the 户主, ``registry_kin``; the fact keeps
        # the kinship's word, as saved 核实无问题 lists hold it)
        kin_fact, said = label, written
        if k not in _NEAR:  # a cousin, a nephew, an in-law: no 近亲属 (民法典 第1045条), a 低 lead naming what the 户 says
            conf = LOW
            mine = regs[r].get("relation", "")
            told = decoded_relation(mine).meaning
            # (the fact keeps the member's own registered relation, as it always had: saved 核实无问题 lists still hold)
            kin_fact = f"{label}，户籍登记为户主的{told}" if told else label
            ties = registered_ties(mine, row["name"], regs[ro].get("relation", "") if ro == ro else "")
            said = f"{label}，{ties}" if ties else label
        cadre = _cadre_text(row.get("post", ""), row["name"])
        village = f"{row['village']} " if row.get("village") else ""
        doubt, cap = status_doubt(ctx, "cadres", row)
        if doubt:  # (perhaps no longer in the post, as C01 reads it: h389, h395)
            conf, status = weakest(conf, cap), f"{status}（{doubt}）"
        if away:  # (another 户号: the tie is the registry's stated one, named in ``key``)
            evidence = (f"是 {village}{cadre} 的{said}（户籍登记，不同户：保障对象户号 {no}），{status}；"
                        f"{where(ctx, 'registry', regs[r])}，{where(ctx, 'cadres', row)}；{key}")
            keyed = f"户籍登记亲属（户号 {no}）"
        else:
            evidence = (f"与 {village}{cadre} 同户（户号 {no}，关系：{said}），{status}；"
                        f"{where(ctx, 'registry', regs[r])}，{where(ctx, 'cadres', row)}；{key}")
            keyed = f"户籍同户（户号 {no}）"
        out.append(Finding("RQ2", m, evidence, conf, ctx.labels["registry"], str(int(regs[r]["_row"])),
                           keyed, (("list", "registry"), link_fact(conf), ("cadre", person_identity(row)),
                                   ("kin", kin_fact), ("filed", "no" if has_filing else "unknown"))))
    return out


def registered_ties(member_relation: object, cadre_name: str, cadre_relation: object) -> str:
    """How the registry writes a member and a cadre of one 户 who are no 近亲属 of each other: each by the relation to
    the 户主 registered (its meaning for a code), the 户主 named as such (held-out 247: "户籍登记为户主的户主" for an
    applicant who is the 户主, the cadre his 儿媳).

    Args:
        member_relation: the member's 与户主关系 cell in the registry.
        cadre_name: the cadre's name.
        cadre_relation: the cadre's 与户主关系 cell in the registry ('' when unknown).
    Returns:
        e.g. "户籍登记为户主，姚秀为户主的儿媳", "户籍登记为户主王建国的侄子", "户籍登记为户主的孙子，姚秀为户主的儿媳";
        '' when neither relation is written.
    """
    mine, theirs = decoded_relation(member_relation).meaning, decoded_relation(cadre_relation).meaning
    me_head, they_head = bool(mine) and role(member_relation) == HEAD, bool(theirs) and role(cadre_relation) == HEAD
    if me_head:
        return (f"户籍登记为户主，{cadre_name}也登记为户主" if they_head
                else f"户籍登记为户主，{cadre_name}为户主的{theirs}" if theirs else "户籍登记为户主")
    if they_head:
        return f"户籍登记为户主{cadre_name}的{mine}" if mine else f"{cadre_name}户籍登记为户主"
    if mine and theirs:
        return f"户籍登记为户主的{mine}，{cadre_name}为户主的{theirs}"
    return f"户籍登记为户主的{mine}" if mine else f"{cadre_name}户籍登记为户主的{theirs}" if theirs else ""


_ONE_NUMBER = 11  # a mobile number's digits: a cell no longer holds one number only
# 近亲属 (民法典 第1045条): spouse, parents, children, siblings, grandparents, grandchildren
_NEAR = (SPOUSE, PARENT, CHILD, SIBLING, GRANDPARENT, GRANDCHILD)


def _phone_keys(value: str) -> list[str]:
    # Cells like '13800001111/13900002222' or '0739-8200012、13800001111' arrive as one digit run:
    # take the number as written, without a +86/0086 prefix, and every mobile number inside it.
    if len(value) <= _ONE_NUMBER:
        return [value]  # nothing to strip or split (most cells)
    keys = {value}
    for prefix in ("0086", "86"):
        if value.startswith(prefix) and len(value) - len(prefix) == _ONE_NUMBER:
            keys.add(value[len(prefix):])
    keys.update(re.findall(r"1[3-9]\d{9}", value))
    return sorted(keys)


def _office_numbers(words: list[str], *columns: tuple[pd.DataFrame, str]) -> set[str]:
    """The phone numbers (their keys) some cell of the given (frame, column)s writes beside an office's name ("村委会",
    [RQ3] office_phone_words; the cell's words are ``<column>_words``, see ``values.number_words``)."""
    found: set[str] = set()
    pattern = re.compile("|".join(map(re.escape, words))) if words else None
    for frame, col in columns:
        if pattern is None or f"{col}_words" not in frame.columns:
            continue
        # (each distinct cell searched once: a city's 200,000 members write a few thousand)
        said = by_value_array(frame[f"{col}_words"].tolist(), lambda w: bool(pattern.search("" if pd.isna(w) else str(w))))
        for v in frame.loc[said.astype(bool), col].astype(str).unique():
            found.update(_phone_keys(v))
    return found


def _keyed(held: pd.DataFrame, keys) -> pd.DataFrame:
    """(household, v) rows with each v replaced by its keys in order (what explode gives, without its cost), without
    duplicates (``held`` has none); a cell of at most ``_ONE_NUMBER`` digits is its own only key, and the key function
    is not called for it. When every cell is its own only key (accounts; most phones), the rows are ``held``'s."""
    households, values = held["household"].tolist(), list(map(str, held["v"].tolist()))
    split = {k: keys(v) for k, v in enumerate(values) if len(v) > _ONE_NUMBER}
    if all(found == [values[k]] for k, found in split.items()):
        return pd.DataFrame({"household": households, "v": values}, dtype=object)
    pairs = [(hh, key) for k, (hh, v) in enumerate(zip(households, values)) for key in split.get(k, (v,))]
    return pd.DataFrame(pairs or None, columns=["household", "v"]).drop_duplicates()


_ROUNDED_KEY = "银行账号前15位一致（第15位差1，数字格式的进位）"


def _carried(side: pd.DataFrame, whole: pd.Series) -> pd.DataFrame:
    """The rows of accounts written whole that a number format rounding half up shows one more in their 15th digit
    (keyed by those 15 digits; ``up``)."""
    k = whole.map(carried)
    return side.assign(k=k.to_numpy(), up=True)[(~side["cut"] & (k != "")).to_numpy()]


def _cut_accounts(hits: pd.DataFrame, held: pd.DataFrame, owners: pd.DataFrame, mem: pd.DataFrame,
                  cad: pd.DataFrame) -> pd.DataFrame:
    """RQ3's account hits where a number format cut an account to 15 digits (``account_cut``, roster or cadre list): a
    cut account is compared on its first 15 digits, at 中 beside an account written whole, at 低 when both are cut; its
    exact equality with another (the cut digits, zeros) says nothing more."""
    cut_households = set(mem.loc[mem["account_cut"].astype(bool), "household"]) if "account_cut" in mem.columns else set()
    cut_cadres = set(cad.index[cad["account_cut"].astype(bool)]) if "account_cut" in cad.columns else set()
    if not cut_households and not cut_cadres:
        return hits
    whole = hits[~(hits["household"].isin(cut_households) | hits["o"].isin(cut_cadres))]
    left = held.assign(k=held["v"].str[:15], cut=held["household"].isin(cut_households), up=False)
    right = owners.assign(k=owners["v"].str[:15], cut=owners["o"].isin(cut_cadres), up=False).drop(columns="v")
    # a number format rounds the 15th digit half up: a whole account also meets a cut one showing one more (held-out 128)
    # (from a 16th digit of 5 or more: values.carried)
    left = pd.concat([left, _carried(left, held["v"])], ignore_index=True)
    right = pd.concat([right, _carried(right, owners["v"])], ignore_index=True)
    near = left.merge(right, on="k", suffixes=("", "_o"))
    near = near[near["cut"] | near["cut_o"]].sort_values(["up", "up_o"], kind="stable").drop_duplicates(["household", "o"])
    key = np.where(near["up"] | near["up_o"], _ROUNDED_KEY, "银行账号前15位一致")
    near = near.assign(v=near["k"], conf=np.where(near["cut"] & near["cut_o"], LOW, MEDIUM), key=key)
    return pd.concat([whole, near[["household", "v", "o", "conf", "key"]]], ignore_index=True)


@rule("RQ3")
def contacts(ctx: Context) -> list[Finding]:
    """Flag households whose contact phone or bank account is on the cadre list.

    Args:
        ctx: the audit context.
    Returns:
        One finding per (household, cadre, field).
    """
    if not ctx.has("cadres"):
        return []
    params = ctx.specs["RQ3"].params
    # (the lists a cadre's death is read from, has_left, reached before any work: while a second process still reads
    # them, run_ready_checks leaves RQ3 at once, model.Pending, instead of after most of it)
    dead_on_lists(ctx)
    cad, mem = ctx.lists["cadres"], ctx.members
    homes = official_households(ctx, "cadres")
    heads = household_heads(ctx)
    checks = (("phone", "联系电话", int(params["min_phone_digits"]), MEDIUM),
              ("bank_account", "银行账号", int(params["min_account_digits"]), HIGH))
    out = []
    for field, label, min_len, conf in checks:
        if field not in cad.columns:
            continue
        keys = _phone_keys if field == "phone" else (lambda v: [v])
        columns = [c for c in (field, "phone2" if field == "phone" else "") if c in cad.columns]
        owners = pd.concat([pd.DataFrame({"o": cad.index, "v": [keys(str(v or "")) for v in cad[c].tolist()]})
                            for c in columns]).explode("v")
        if owners.empty:  # a cadre list of its header only (explode leaves no text column to measure)
            continue
        owners = owners[owners["v"].str.len() >= min_len]
        if field == "phone":  # a fill-in (13800000000, 00000000000) is nobody's phone (held-out 181: 4 households at 中)
            filler = re.compile(r"(\d)\1{%d,}" % (int(params["placeholder_repeat_digits"]) - 1))
            owners = owners[np.array([not filler.search(str(v)) for v in owners["v"].tolist()], dtype=bool)]
            # … nor is a number some cell writes as an office's (村委会0916-5221001), wherever else it is written bare
            # (held-out 181: one cadre's row and two households gave the 村委会 landline without the words, RQ3 at 中)
            office = _office_numbers(params["office_phone_words"], (mem, "phone"), (cad, "phone"), (cad, "phone2"))
            owners = owners[~owners["v"].isin(office)]
        # a number the list gives several of its people (an office phone, a committee's account) is none of theirs
        people = cad["id"].where(cad["id"].astype(str) != "", cad["name"]) if "id" in cad.columns else cad["name"]
        owners["who"] = people.reindex(owners["o"]).to_numpy()
        owners = owners[owners.groupby("v")["who"].transform("nunique") < 2].drop(columns="who")
        held = pd.DataFrame({"household": mem["household"].to_numpy(), "v": mem[field].to_numpy(dtype=object)})
        held = held[held["v"].str.len() >= min_len].drop_duplicates()
        held = _keyed(held, keys)
        if owners.empty or held.empty:
            continue
        # (the rows whose number the list has, found first: a merge of the members' 200,000 keys factorised them all)
        hits = (held[held["v"].isin(owners["v"])].merge(owners, on="v").drop_duplicates(["household", "o"])
                .assign(conf=conf, key=f"{label}一致"))
        if field == "bank_account":
            hits = _cut_accounts(hits, held, owners, mem, cad)
        cads = records(cad, hits["o"])
        fellows = _registry_fellows(ctx, hits)
        for hh, v, o, sure, key in hits[["household", "v", "o", "conf", "key"]].itertuples(index=False):
            if hh in homes.get(o, ()):
                continue  # the cadre's own household: C01
            if (o, hh) in fellows:
                continue  # a cadre registered in the household's 户号: its own number, the tie RQ1/RQ2's (held-out 307)
            row = cads[o]
            if has_left(row, ctx):
                continue  # no longer in the post (as RQ2, C01)
            cadre = _cadre_text(row.get("post", ""), row["name"])
            if key == f"{label}一致":
                evidence = f"本户{label} {v} 与 {where(ctx, 'cadres', row)} {cadre} 的{label}一致（不是本户成员）"
            else:  # an account cut to 15 digits by a number format (_cut_accounts)
                rounded = "（数字格式把第 15 位进了一位）" if key == _ROUNDED_KEY else ""
                evidence = (f"本户{label}与 {where(ctx, 'cadres', row)} {cadre} 的{label}前 15 位（{v}）一致{rounded}（不是本户成员；"
                            "有一方以数字格式存储，后几位已丢失，无法确认是同一账号）")
            doubt, cap = status_doubt(ctx, "cadres", row)
            if doubt:  # (perhaps no longer in the post, as C01 reads it: h389, h395)
                evidence, sure = f"{evidence}（{doubt}）", weakest(sure, cap)
            out.append(Finding("RQ3", heads[hh], evidence, weakest(sure), ctx.labels["cadres"],
                               str(int(row["_row"])), key,
                               (("list", "cadres"), ("cadre", person_identity(row)), (field, v))))
    return out


def _registry_fellows(ctx: Context, hits: pd.DataFrame) -> set[tuple]:
    """(cadre row, household) of the hits whose cadre the registry puts in the same 户号 as a member of the household:
    the household's phone or account is the family's own, and the tie is RQ1/RQ2's (held-out 307: a 村文书 son's
    landline "不是本户成员" RQ3 中 beside his parents' RQ1 高)."""
    if not ctx.has("registry") or "household_no" not in ctx.lists["registry"].columns or hits.empty:
        return set()
    cad, mem = ctx.lists["cadres"], ctx.members
    if "id" not in cad.columns:
        return set()
    members = mem.loc[mem["household"].isin(set(hits["household"])), ["household", "id"]]
    home = registry_homes(ctx)[0]
    homes_of: dict = defaultdict(set)
    for hh, pid in members.itertuples(index=False):
        if home.get(pid):
            homes_of[hh].add(home[pid])
    return {(o, hh) for o, hh in zip(hits["o"].tolist(), hits["household"].tolist())
            if home.get(cad.at[o, "id"]) and home[cad.at[o, "id"]] in homes_of.get(hh, ())}


def also_c01(findings: list[Finding]) -> list[Finding]:
    """An RQ1/RQ2 finding about a member whom C01 lists for the same official says so: one tie seen by two checks (an
    official's spouse, parent or minor child enjoying benefits, C01, who is also his relative filed or not, RQ) would
    otherwise read as two facts to visit for (held-out 236, 248: eleven people C01 中 and RQ2 中 from one 户号).

    Args:
        findings: every finding of the run, in code order.
    Returns:
        The findings, RQ1/RQ2 evidence so named pointing to C01.
    """
    from dataclasses import replace

    officials = {(f.member, value) for f in findings if f.code == "C01"
                 for name, value in f.facts if name in ("official", "cadre")}
    if not officials:
        return findings
    out = []
    for f in findings:
        cadre = next((value for name, value in f.facts if name == "cadre"), None)
        if f.code in ("RQ1", "RQ2") and cadre is not None and (f.member, cadre) in officials:
            f = replace(f, evidence=f"{f.evidence}；同一亲属关系已列为 C01（干部本人的配偶、父母或未成年子女），按 C01 一并核实处理")
        out.append(f)
    return out
