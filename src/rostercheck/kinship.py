"""Family ties between officials (staff, cadres) and roster members: the registry and the filing table.

Two sources:
- the registry (户籍人口): people of the same 户号 and their relation to each other, derived from each
  person's relation to the 户主 (户主↔配偶 = spouse, 户主↔子女 = parent/child, 配偶↔子女 = parent/child,
  户主↔父母 = child/parent, 父亲↔母亲 = spouse …);
- the filing table (近亲属备案表): relatives declared by cadres and social-assistance workers, often
  without the relative's ID — those are found by the registry household of the cadre, else by the name
  engine inside the cadre's village.
Everything here returns frames of links; the checks (C01, RQ1–RQ3) turn them into findings.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from . import namematch as nm
from .match import (EXACT_KEY, FORMER_KEY, LINK_COLUMNS, NAME_APART_KEY, former_list_links, link_by_name, link_lists, surviving_birth,
                    weakest)
from .model import HIGH, LOW, MEDIUM, Context
from .normalize import codes, ids
from .roster import enrolment_household, enrolment_households
from .rules import links

HEAD, SPOUSE, CHILD, PARENT, SIBLING = "head", "spouse", "child", "parent", "sibling"
GRANDCHILD, GRANDPARENT, CHILD_IN_LAW, PARENT_IN_LAW, OTHER = "grandchild", "grandparent", "child_in_law", "parent_in_law", "other"
NON_RELATIVE = "non_relative"  # 非亲属 (99), a lodger or a nanny: kin of nobody in the 户
CLOSE = (SPOUSE, PARENT, CHILD)

# What person B is to person A, from (A's role, B's role) relative to the same 户主.
_PAIRS = {
    (HEAD, SPOUSE): SPOUSE, (SPOUSE, HEAD): SPOUSE,
    (HEAD, CHILD): CHILD, (CHILD, HEAD): PARENT,
    (HEAD, PARENT): PARENT, (PARENT, HEAD): CHILD,
    (SPOUSE, CHILD): CHILD, (CHILD, SPOUSE): PARENT,
    (SPOUSE, PARENT_IN_LAW): PARENT, (PARENT_IN_LAW, SPOUSE): CHILD,
    (PARENT, PARENT): SPOUSE, (PARENT_IN_LAW, PARENT_IN_LAW): SPOUSE,
    (CHILD, CHILD): SIBLING, (HEAD, SIBLING): SIBLING, (SIBLING, HEAD): SIBLING,
    (PARENT, SIBLING): CHILD, (SIBLING, PARENT): PARENT,
    (HEAD, GRANDCHILD): GRANDCHILD, (GRANDCHILD, HEAD): GRANDPARENT,
    (SPOUSE, GRANDCHILD): GRANDCHILD, (GRANDCHILD, SPOUSE): GRANDPARENT,
    (HEAD, GRANDPARENT): GRANDPARENT, (GRANDPARENT, HEAD): GRANDCHILD,
    (PARENT, CHILD): GRANDCHILD, (CHILD, PARENT): GRANDPARENT,
}
_LABELS = {
    SPOUSE: ("丈夫", "妻子", "配偶"), PARENT: ("父亲", "母亲", "父母"), CHILD: ("儿子", "女儿", "子女"),
    SIBLING: ("兄弟", "姐妹", "兄弟姐妹"), GRANDPARENT: ("祖父/外祖父", "祖母/外祖母", "祖父母"),
    GRANDCHILD: ("孙子/外孙子", "孙女/外孙女", "孙子女"),
}
KIN_COLUMNS = ["o", "m", "kin", "label", "household_no", "r", "confidence", "key", "apart", "ro", "said"]
# The registry's own columns naming a person's parents and spouse by ID (常住人口 exports), and what the named is
_NAMED = (("father_id", PARENT, "父亲公民身份号码"), ("mother_id", PARENT, "母亲公民身份号码"),
          ("spouse_id", SPOUSE, "配偶公民身份号码"))


def role(relation: object) -> str:
    """Return the kinship role of a relation cell ('长子'/'22' → child, '之妻' → spouse, '岳母' → parent-in-law).

    Args:
        relation: the 与户主关系 (or declared relation) text.
    Returns:
        One of the role constants; OTHER when unknown.
    """
    # GB/T 4761 codes ('10', '20-子') and spellings ('户主(本人)', '之妻'): checks/codes/relation.toml.
    found = codes.relation_role(relation)
    return found if found and found != codes.UNKNOWN else OTHER


def pair_kin(role_a: str, role_b: str) -> str:
    """Return what person B is to person A when both are in one 户 with the given roles.

    Args:
        role_a: A's role relative to the 户主.
        role_b: B's role relative to the 户主.
    Returns:
        SPOUSE, PARENT, CHILD, SIBLING, GRANDPARENT, GRANDCHILD or OTHER (同户亲属).
    """
    return _PAIRS.get((role_a, role_b), OTHER)


def kin_label(kin: str, sex: str = "") -> str:
    """Return the Chinese word for a kinship, by the relative's sex when known.

    Args:
        kin: a kinship constant.
        sex: '男', '女' or ''.
    Returns:
        e.g. '父亲'; '同户亲属' for OTHER.
    """
    if kin not in _LABELS:
        return "同户亲属"
    male, female, either = _LABELS[kin]
    return male if sex == "男" else female if sex == "女" else either


def written_relation(cell: object) -> str:
    """A 与户主关系 cell as the evidence quotes it: its words (长子, 之妻, 女婿), a GB/T 4761 code as what it means
    ('22' → 长子); '' for a blank cell."""
    return codes.relation(cell).meaning


def relative_of(name: str, relation: str) -> str:
    """'王建国的长子'; '王建国之子' for a relation written with its own 之 (之子, 之妻)."""
    return f"{name}{relation}" if relation.startswith("之") else f"{name}的{relation}"


def _reg_ok(ctx: Context) -> bool:
    reg = ctx.lists.get("registry")
    return reg is not None and "household_no" in reg.columns and (reg["household_no"] != "").any()


def official_links(ctx: Context, kind: str) -> pd.DataFrame:
    """Return (and remember) links between an official list (staff, cadres) and the registry.

    Args:
        ctx: the audit context.
        kind: 'staff' or 'cadres'.
    Returns:
        Columns m (official row), r (registry row), confidence, key.
    """
    key = f"kin:official:{kind}"
    if key not in ctx.cache:
        ok = ctx.has(kind) and _reg_ok(ctx)
        found = link_lists(ctx.lists[kind], ctx.lists["registry"]) if ok else pd.DataFrame(columns=LINK_COLUMNS)
        # … and through a former ID on either side (原身份证号: the list still under the old ID, or the registry; held-out 350)
        ctx.cache[key] = former_list_links(found, ctx.lists[kind], ctx.lists["registry"],
                                           nm.NameMatchParams.from_common(ctx.common)) if ok else found
    return ctx.cache[key]


def registry_kin(ctx: Context, kind: str) -> pd.DataFrame:
    """Return roster members who share a registry 户号 with someone on an official list, and how related.

    Args:
        ctx: the audit context.
        kind: 'staff' or 'cadres'.
    Returns:
        Columns o (official row), m (member), kin, label (the member's relation to the official, by the kinship and
        the member's sex), household_no, r (the member's registry row), confidence (中 at best), key, apart (another
        户号), ro (the official's registry row) and said (the relation for the evidence: as the registry writes the
        member's where the official is its 户主, else the label).
    """
    key = f"kin:registry:{kind}"
    if key in ctx.cache:
        return ctx.cache[key]
    out = pd.DataFrame(columns=KIN_COLUMNS)
    ol = official_links(ctx, kind)
    who = "干部" if kind == "cadres" else "财政供养人员"
    if len(ol):
        reg = ctx.lists["registry"]
        hh = reg["household_no"].astype(str).str.strip()
        shown = _as_written(reg, hh)
        roles = roles_of(reg)
        a = ol.rename(columns={"m": "o", "r": "ro", "confidence": "co", "key": "ko"})
        a["household_no"] = hh.loc[a["ro"]].to_numpy()
        a = a[a["household_no"] != ""]
        homes = pd.DataFrame({"rb": reg.index, "household_no": hh.to_numpy()})
        pairs = a.merge(homes, on="household_no")
        pairs = pairs[pairs["rb"] != pairs["ro"]]
        ra, rb = roles.loc[pairs["ro"]].to_numpy(dtype=object), roles.loc[pairs["rb"]].to_numpy(dtype=object)
        related = (ra != NON_RELATIVE) & (rb != NON_RELATIVE)
        pairs, ra, rb = pairs[related], ra[related].tolist(), rb[related].tolist()
        pairs["kin"] = [pair_kin(x, y) for x, y in zip(ra, rb)]
        pairs["inferred"] = _infer_generations(pairs, ra, rb, roles, hh)
        pairs = _named_ties(reg, a, pairs, hh, roles, who)
        if "left" in reg.columns:  # (the registry's 人员状态: ``reference._gone_from_household``)
            la, lb = reg["left"].loc[pairs["ro"]].to_numpy(), reg["left"].loc[pairs["rb"]].to_numpy()
            by_marriage = pairs["kin"].isin((SPOUSE, CHILD_IN_LAW, PARENT_IN_LAW)).to_numpy()
            pairs = pairs[(la != "dead") & (lb != "dead") & ~(by_marriage & ((la == "moved") | (lb == "moved")))]
        ml = links(ctx, "registry").rename(columns={"r": "rb", "confidence": "cm", "key": "km"})
        pairs = pairs.merge(ml, on="rb")
        off = ctx.lists[kind]
        mem = ctx.members
        pairs = pairs[mem.loc[pairs["m"], "id"].to_numpy() != off.loc[pairs["o"], "id"].to_numpy()]
        if len(pairs):
            sex = [s or (ids.sex(i) or "") for s, i in zip(mem.loc[pairs["m"], "sex"].tolist(), reg.loc[pairs["rb"], "id"].tolist())]
            labels = [kin_label(k, s) for k, s in zip(pairs["kin"], sex)]
            # the official the 户主: the member's 与户主关系 is the tie itself, quoted as written (长子, 之妻, 女婿), not
            # one made of the kinship and the ID's sex (held-out 340: 子婿 said 儿子, 长子 儿子, 之妻 妻子)
            head = roles.loc[pairs["ro"]].to_numpy(dtype=object) == HEAD
            rel = reg["relation"] if "relation" in reg.columns else pd.Series("", index=reg.index)
            written = [written_relation(x) if h and not via and not i else ""
                       for x, h, via, i in zip(rel.loc[pairs["rb"]].tolist(), head.tolist(), pairs["via"].tolist(),
                                               pairs["inferred"].tolist())]
            out = pd.DataFrame({
                "o": pairs["o"].to_numpy(), "m": pairs["m"].to_numpy(), "kin": pairs["kin"].to_numpy(),
                "label": labels,
                "household_no": shown.loc[pairs["rb"]].to_numpy(), "r": pairs["rb"].to_numpy(),
                "confidence": [weakest(MEDIUM, x, y) for x, y in zip(pairs["co"], pairs["cm"])],
                # whose ID matched how, named (a damaged ID is the official's or the member's, never "本人")
                "key": [("" if apart else "户籍信息同户") + ("，" if via and not apart else "") + via
                        + f"（{who}与户籍：{x}；保障对象与户籍：{y}）"
                        + ("；户内只有一名子女（及其配偶），按此推断父母子女关系" if i else "")
                        for x, y, i, via, apart in zip(pairs["ko"], pairs["km"], pairs["inferred"], pairs["via"],
                                                       pairs["apart"])],
                "apart": pairs["apart"].to_numpy(dtype=bool), "ro": pairs["ro"].to_numpy(),
                "said": [w or x for w, x in zip(written, labels)],
            })
    ctx.cache[key] = out
    return out


def declared_spouses(ctx: Context, kind: str) -> pd.DataFrame:
    """Return the roster members an official list's own 配偶身份证号 column names (a staff export's, held-out 246): by
    the ID as any list is linked (exact, else repaired with the 配偶姓名 and birth agreeing), never by a name alone.

    Args:
        ctx: the audit context.
        kind: 'staff' or 'cadres'.
    Returns:
        Columns o (official row), m (member), confidence (the link's) and key.
    """
    key = f"kin:spouse:{kind}"
    if key not in ctx.cache:
        off = ctx.lists[kind]
        found = pd.DataFrame(columns=LINK_COLUMNS)
        if "spouse_id" in off.columns:
            found = links(ctx, kind, "spouse_id", "spouse_name_key")
        found = found.rename(columns={"r": "o"})[["o", "m", "confidence", "key"]]
        if len(found):  # (his own ID typed in the column: no spouse)
            own = off.loc[found["o"], "id"].astype(str).to_numpy()
            found = found[ctx.members.loc[found["m"], "id"].astype(str).to_numpy() != own].reset_index(drop=True)
        ctx.cache[key] = found
    return ctx.cache[key]


def _named_ties(reg: pd.DataFrame, officials: pd.DataFrame, pairs: pd.DataFrame, hh: pd.Series, roles: pd.Series,
                who: str) -> pd.DataFrame:
    """The household pairs with the ties the registry's 父亲/母亲/配偶公民身份号码 columns state, by ID, between an
    official's row and any row: they name a parent, a spouse or a child in another 户号 too (held-out 181: a 协理员's
    mother in her own 户 missed), and say what a 38 儿媳 is when the 户主 has two sons (his wife, not 同户亲属).

    A stated tie wins over what the relations to the 户主 give. A spouse is one while neither's present row (not 迁出 nor
    dead) names another: a wife divorced whose old row in his 户 (or his row's 配偶 column) still names her, while her
    row in her new husband's 户 names him, is his wife no more. Columns: those of ``pairs`` with ``via`` (the column's
    words for the evidence) and ``apart`` (another 户号).
    """
    pairs = pairs.assign(via="", apart=False)
    cols = [(c, k, h) for c, k, h in _NAMED if c in reg.columns]
    if not cols:
        return pairs
    pid = reg["id"].where(reg["id_status"] == ids.VALID, "").astype(str)
    ros = officials["ro"].unique().tolist()
    own = pid.loc[ros]
    found = []  # (ro, rb, kin, via)
    for col, kin, heading in cols:
        named = reg[col].where(reg[col + "_status"] == ids.VALID, "").astype(str)
        theirs = named.loc[ros]
        # (only the rows of the people the officials' rows name, and the rows naming an official: a province's registry)
        rows_of = _rows_by(reg.index[pid.isin(set(theirs.tolist()) - {""})], pid)
        naming = _rows_by(reg.index[named.isin(set(own.tolist()) - {""})], named)
        for ro, them, me in zip(ros, theirs.tolist(), own.tolist()):
            for rb in rows_of.get(them, []) if them else []:  # the official's row names the relative
                found.append((ro, rb, kin, f"{who}户籍登记的{heading}即保障对象的身份证号"))
            for rb in naming.get(me, []) if me else []:  # the relative's row names the official
                found.append((ro, rb, CHILD if kin == PARENT else SPOUSE, f"保障对象户籍登记的{heading}即{who}的身份证号"))
        if kin == PARENT:  # two rows naming one parent: brother and sister (half ones too; held-out 448, a 户 apart)
            sharing = _rows_by(reg.index[named.isin(set(theirs.tolist()) - {""})], named)
            for ro, them in zip(ros, theirs.tolist()):
                for rb in sharing.get(them, []) if them else []:
                    found.append((ro, rb, SIBLING, f"保障对象与{who}户籍登记的{heading}相同"))
    found += _two_generations(reg, pid, ros, own, [(c, h) for c, k, h in cols if k == PARENT], who)
    found = [(ro, rb, k, v) for ro, rb, k, v in found if ro != rb and pid.at[ro] != pid.at[rb]]
    stated = pd.DataFrame(found, columns=["ro", "rb", "kin", "via"]).drop_duplicates(["ro", "rb"])
    stated = officials.merge(stated, on="ro").drop_duplicates(["o", "rb"])
    stated = stated.assign(household_no=hh.loc[stated["rb"]].to_numpy(), inferred=False)
    both = pairs.merge(stated[["o", "rb", "kin", "via"]], on=["o", "rb"], how="left", suffixes=("", "_stated"))
    told = both["kin_stated"].notna().to_numpy()
    both.loc[told, "kin"], both.loc[told, "via"] = both.loc[told, "kin_stated"], both.loc[told, "via_stated"]
    both.loc[told, "inferred"] = False
    new = stated[~stated.set_index(["o", "rb"]).index.isin(pairs.set_index(["o", "rb"]).index)]
    new = new.assign(apart=hh.loc[new["rb"]].to_numpy() != hh.loc[new["ro"]].to_numpy())
    out = pd.concat([both.drop(columns=["kin_stated", "via_stated"]), new[both.columns.drop(["kin_stated", "via_stated"])]],
                    ignore_index=True)
    spouse = (out["kin"] == SPOUSE).to_numpy()
    if "spouse_id" in reg.columns and spouse.any():  # whom each person's present rows name as spouse
        a, b = pid.loc[out["ro"]].tolist(), pid.loc[out["rb"]].tolist()
        here = (reg["left"] == "") if "left" in reg.columns else True
        rows = reg.index[here & (reg["spouse_id_status"] == ids.VALID) & pid.isin((set(a) | set(b)) - {""})]
        spouses: dict[str, set] = {}
        for x, y in zip(pid.loc[rows].tolist(), reg.loc[rows, "spouse_id"].tolist()):
            spouses.setdefault(x, set()).add(y)
        for x, y in _registered_couples(reg, pid, hh, roles, (set(a) | set(b)) - {""}):
            spouses.setdefault(x, set()).add(y)
        stale = [k and not (spouses.get(x, {y}) <= {y} and spouses.get(y, {x}) <= {x}) for k, x, y in zip(spouse, a, b)]
        out = out[~np.array(stale, dtype=bool)]
    return out


def _registered_couples(reg: pd.DataFrame, pid: pd.Series, hh: pd.Series, roles: pd.Series,
                        people: set[str]) -> list[tuple[str, str]]:
    """(ID, spouse's ID) both ways for the 户主 and the 配偶 (妻, 夫) present in one 户号, for the given people: a present
    registration that names another spouse than a stale 配偶 column does (held-out 186: a cadre's ex-wife whose own
    column still named him, he 户主 with a 12 妻 registered beside him, was flagged his wife where the columns were blank)."""
    here = (reg["left"] == "") if "left" in reg.columns else pd.Series(True, index=reg.index)
    valid = pid != ""
    heads = reg.index[here & valid & (roles == HEAD)]
    wives = reg.index[here & valid & (roles == SPOUSE)]
    head_of = dict(zip(hh.loc[heads].tolist(), pid.loc[heads].tolist()))
    out = []
    for w_hh, w_id in zip(hh.loc[wives].tolist(), pid.loc[wives].tolist()):
        h_id = head_of.get(w_hh)
        if h_id and (h_id in people or w_id in people):
            out += [(h_id, w_id), (w_id, h_id)]
    return out


def _as_written(reg: pd.DataFrame, hh: pd.Series) -> pd.Series:
    """The registry's 户号 as its file wrote it (0102005), for the evidence; ``hh`` (grouped by
    ``reference.household_key``) when the registry gave none."""
    return reg["household_no_text"] if "household_no_text" in reg.columns else hh


def _two_generations(reg: pd.DataFrame, pid: pd.Series, ros: list, own: pd.Series, parents: list[tuple[str, str]],
                     who: str) -> list[tuple]:
    """The grandparents and grandchildren (近亲属 too) the registry's 父亲/母亲公民身份号码 columns state through a
    parent's or a child's own row, by exact IDs at both steps: (official's row, relative's row, kin, the columns' words).
    A step whose middle row is not in the registry is not taken (h448 left them: a cadre's grandson in his son's 户号
    was no RQ2 where only the ID columns tied them).

    Args:
        reg: the registry.
        pid: each row's valid ID ('' else).
        ros: the officials' rows.
        own: their IDs (by row).
        parents: the registry's parent columns present, with their headings.
        who: the official's word (干部, 财政供养人员).
    Returns:
        The ties found.
    """
    if not parents:
        return []
    named = {c: reg[c].where(reg[c + "_status"] == ids.VALID, "").astype(str) for c, _ in parents}

    def parents_of(rows) -> dict:  # row -> its parents' IDs
        return {r: {named[c].at[r] for c in named} - {""} for r in rows}

    def middle(r) -> str:  # the row a tie runs through, named for the visit
        name = str(reg.at[r, "name"]).strip() if "name" in reg.columns else ""
        return f"（{name + '，' if name else ''}户号 {str(reg.at[r, 'household_no']).strip()}）"

    def named_by(wanted: set) -> dict[str, list]:  # ID -> the rows naming it as father or mother
        out: dict[str, list] = {}
        for c in named:
            for v, rows in _rows_by(reg.index[named[c].isin(wanted)], named[c]).items():
                out.setdefault(v, []).extend(rows)
        return out

    found = []
    up = parents_of(ros)  # the official's parents, their rows, their parents
    rows_of = _rows_by(reg.index[pid.isin(set().union(*up.values()))], pid)
    above = parents_of([r for ps in up.values() for p in ps for r in rows_of.get(p, [])])
    grand = _rows_by(reg.index[pid.isin(set().union(set(), *above.values()))], pid)
    for ro in ros:
        for p in up[ro]:
            for pr in rows_of.get(p, []):
                for g in above.get(pr, ()):
                    found += [(ro, rb, GRANDPARENT, f"{who}户籍登记的父亲或母亲{middle(pr)}，其户籍登记的父亲或母亲即保障对象")
                              for rb in grand.get(g, [])]
    mine = {me for me in own.tolist() if me}  # down: the rows naming the official, the rows naming those
    children = named_by(mine)
    child_ids = {pid.at[r]: r for rows in children.values() for r in rows if pid.at[r]}
    below = named_by(set(child_ids))
    for ro, me in zip(ros, own.tolist()):
        for c in children.get(me, []) if me else []:
            found += [(ro, rb, GRANDCHILD, f"保障对象户籍登记的父亲或母亲{middle(c)}，其户籍登记的父亲或母亲即{who}")
                      for rb in below.get(pid.at[c], []) if pid.at[c]]
    return found


def _rows_by(rows, values: pd.Series) -> dict[str, list]:
    """Registry rows grouped by a column's value (an ID): value → its rows."""
    out: dict[str, list] = {}
    for r, v in zip(rows, values.loc[rows].tolist()):
        out.setdefault(v, []).append(r)
    return out


def records(frame: pd.DataFrame, index) -> dict:
    """Return some rows of a frame as plain dicts (fast row access for evidence texts in loops).

    Args:
        frame: the frame (unique index).
        index: the row labels wanted (repeats allowed).
    Returns:
        label → {column: value}.
    """
    wanted = list(dict.fromkeys(list(index)))
    return frame.loc[wanted].to_dict("index") if wanted else {}


def member_values(ctx: Context, index, column: str) -> list:
    """Return one member column for a sequence of member indexes.

    Args:
        ctx: the audit context.
        index: member indexes.
        column: the column.
    Returns:
        The values, in order.
    """
    return ctx.members[column].take(ctx.members.index.get_indexer(list(index))).tolist()


def roles_of(reg: pd.DataFrame) -> pd.Series:
    """Return each registry row's role relative to its 户主 (computed once per distinct relation text).

    Args:
        reg: the normalised registry frame.
    Returns:
        A Series of role constants indexed like the registry.
    """
    rel = reg["relation"].astype(object).fillna("") if "relation" in reg.columns else pd.Series("", index=reg.index)
    roles = rel.map({x: role(x) for x in set(rel.tolist())}).astype(object)
    return _collective_strangers(reg, rel, roles)


def _collective_strangers(reg: pd.DataFrame, rel: pd.Series, roles: pd.Series) -> pd.Series:
    """The roles with the people of a 集体户 (a 户号 whose rows' relation or address says 集体户: a village office, a school, a
    care home) made non-relatives where nothing says otherwise: a blank relation, or one of several rows each written 户主
    (held-out 448: a 网格员 and two recipients of a school's 集体户, relations blank, were RQ2 低 "同户亲属"). Kin words
    written inside one (之妻, 长子) stay as written."""
    if "household_no" not in reg.columns:
        return roles
    hh = reg["household_no"].astype(str).str.strip()
    said = rel.astype(str).str.contains("集体", regex=False)
    if "address" in reg.columns:
        said |= reg["address"].astype(str).str.contains("集体户", regex=False)
    said &= hh != ""
    if not said.any():
        return roles
    inside = hh.isin(set(hh[said]))
    heads = inside & (roles == HEAD)
    several = heads & hh.map(hh[heads].value_counts()).fillna(0).gt(1)
    blank = inside & (rel.astype(str).str.strip() == "")
    return roles.where(~(several | blank), NON_RELATIVE)


_ONE_COUPLE = {
    (CHILD, GRANDCHILD): CHILD, (GRANDCHILD, CHILD): PARENT,
    (CHILD_IN_LAW, GRANDCHILD): CHILD, (GRANDCHILD, CHILD_IN_LAW): PARENT,
    (CHILD, CHILD_IN_LAW): SPOUSE, (CHILD_IN_LAW, CHILD): SPOUSE,
}


def _infer_generations(pairs: pd.DataFrame, ra: list, rb: list, roles: pd.Series, hh: pd.Series) -> list[bool]:
    """Resolve 子女/儿媳/孙子 pairs in a 户 with one adult child (and at most one child-in-law), in place.

    A typical rural 户: 户主, 配偶, 长子, 儿媳, 孙子 — the grandchild is the only child's child. With two or
    more children the parents of a grandchild are unknown and the pair stays 同户亲属.
    """
    todo = [i for i, (x, y) in enumerate(zip(ra, rb)) if (x, y) in _ONE_COUPLE]
    inferred = [False] * len(pairs)
    if not todo:
        return inferred
    frame = pd.DataFrame({"household_no": hh.to_numpy(), "role": roles.to_numpy()})
    counts = frame[frame["role"].isin((CHILD, CHILD_IN_LAW))].groupby(["household_no", "role"]).size()
    kin = pairs["kin"].tolist()
    for i, no in zip(todo, pairs["household_no"].take(todo).tolist()):
        if counts.get((no, CHILD), 0) == 1 and counts.get((no, CHILD_IN_LAW), 0) <= 1:
            kin[i], inferred[i] = _ONE_COUPLE[(ra[i], rb[i])], True
    pairs["kin"] = kin
    return inferred


def official_households(ctx: Context, kind: str, id_col: str = "id", name_col: str = "name_key") -> dict[int, set]:
    """Return official row → the roster households the official is a member of.

    Args:
        ctx: the audit context.
        kind: the list kind holding the official.
        id_col: the official's ID column in that list.
        name_col: the official's name-key column.
    Returns:
        The mapping (officials not on the roster are absent).
    """
    out: dict[int, set] = {}
    found = links(ctx, kind, id_col, name_col)
    for o, hh in zip(found["r"].tolist(), ctx.members.loc[found["m"], "household"].tolist()):
        out.setdefault(o, set()).add(hh)
    return out


def filing_cadres(ctx: Context) -> pd.DataFrame:
    """Return, per filing row, the cadre's village, birth date and post (from the row, else the cadre list).

    Args:
        ctx: the audit context.
    Returns:
        A frame indexed like the filing table with columns village, cadre_birth, post.
    """
    key = "kin:filing_cadres"
    if key in ctx.cache:
        return ctx.cache[key]
    fil = ctx.lists["cadre_relatives"]
    col = lambda c: fil[c] if c in fil.columns else pd.Series("", index=fil.index)  # noqa: E731
    out = pd.DataFrame({"village": col("village"), "cadre_birth": fil.get("cadre_birth", pd.Series(None, index=fil.index)),
                        "post": col("cadre_post"), "cadre_row": pd.Series(None, index=fil.index, dtype=object),
                        "township": col("township")}, dtype=object)
    if ctx.has("cadres") and "cadre_name_key" in fil.columns:
        cad = ctx.lists["cadres"]
        found = link_lists(fil, cad, "cadre_id", "id", "cadre_name_key", "name_key").drop_duplicates("m")
        by_id = dict(zip(found["m"].tolist(), found["r"].tolist()))
        names = cad[cad["name_key"] != ""].groupby("name_key").groups
        valid = (fil["cadre_id_status"] == ids.VALID).tolist() if "cadre_id_status" in fil.columns else [False] * len(fil)
        cols = {c: cad[c].tolist() if c in cad.columns else [""] * len(cad) for c in ("village", "post", "birth", "township")}
        pos = {c: i for i, c in enumerate(cad.index)}
        rows = {c: out[c].tolist() for c in ("village", "post", "cadre_birth", "cadre_row", "township")}
        for j, (f, nk) in enumerate(zip(fil.index, fil["cadre_name_key"].tolist())):
            c = by_id.get(f)
            if c is None and nk in names and len(names[nk]) == 1 and not valid[j]:
                c = names[nk][0]  # only to find the cadre's village: the filing itself names the cadre
            if c is None:
                continue
            rows["cadre_row"][j] = c
            for fld, src in (("village", "village"), ("post", "post"), ("cadre_birth", "birth"), ("township", "township")):
                if not _given(rows[fld][j]) and _given(cols[src][pos[c]]):
                    rows[fld][j] = cols[src][pos[c]]
        out = pd.DataFrame(rows, index=fil.index, dtype=object)
    ctx.cache[key] = out
    return out


def _given(v) -> bool:
    return v is not None and v is not pd.NA and v == v and v != ""


def _age_fits(kin: str, member_birth, cadre_birth, gap: int):
    if member_birth is None or cadre_birth is None or member_birth != member_birth or cadre_birth != cadre_birth:
        return None
    years = (cadre_birth - member_birth).days / 365.25  # positive: the relative is older than the cadre
    rules = {PARENT: years >= gap, CHILD: years <= -gap, GRANDPARENT: years >= 2 * gap,
             GRANDCHILD: years <= -2 * gap, SPOUSE: abs(years) <= 20, SIBLING: abs(years) <= 25}
    return rules.get(kin)


def filing_links(ctx: Context) -> pd.DataFrame:
    """Return (and remember) links between filing-table rows and roster members.

    By the relative's ID (exact, or damaged with name and birth agreeing); for rows without a usable
    ID, by the cadre's registry household (a member of it with the filed name), else by the name engine
    inside the cadre's village with the relation's ages as further evidence.

    Args:
        ctx: the audit context.
    Returns:
        Columns m, r (filing row), confidence, key.
    """
    key = "kin:filing"
    if key in ctx.cache:
        return ctx.cache[key]
    fil = ctx.lists["cadre_relatives"]
    by_id = _filed_apart(ctx, links(ctx, "cadre_relatives"))
    parts = [by_id]
    unlinked = fil[~fil.index.isin(by_id["r"])]
    # (only a registry with a 原身份证号 column bridges what the filing's own links do not: a city's has none)
    if _reg_ok(ctx) and "former_id" in ctx.lists["registry"].columns and (unlinked["id_status"] == ids.VALID).any():
        parts.append(_via_registry_ids(ctx, unlinked[unlinked["id_status"] == ids.VALID]))
    todo = unlinked[unlinked["id_status"] != ids.VALID]
    if len(todo) and _reg_ok(ctx) and "cadre_id" in fil.columns:
        via = _via_registry(ctx, todo)
        parts.append(via)
        todo = todo[~todo.index.isin(via["r"])]
    if len(todo):
        parts.append(_via_names(ctx, todo))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else by_id
    order = out["confidence"].map({HIGH: 0, MEDIUM: 1}).fillna(2)
    out = out.assign(_o=order).sort_values("_o").drop_duplicates(["m", "r"]).drop(columns="_o").reset_index(drop=True)
    ctx.cache[key] = out
    return out


# The sex a filed relation names (its words, or a GB/T 4761 code's meaning); a relation of either sex (子女, 兄弟姐妹, 配偶,
# 女婿 read by its characters) names none
_FEMALE_RELATIONS = frozenset(
    "母亲 母 妈妈 继母 养母 妻 妻子 之妻 老婆 女 女儿 之女 长女 次女 三女 四女 五女 独生女 养女 继女 养女或继女 其他女儿 姐 姐姐 妹 妹妹 "
    "姐妹 儿媳 媳妇 婆婆 岳母 祖母 外祖母 奶奶 外婆 孙女 外孙女 嫂 嫂子 弟媳 姑 姑母 姨 姨母 婶 婶母".split())
_MALE_RELATIONS = frozenset(
    "父亲 父 爸爸 继父 养父 丈夫 夫 之夫 老公 子 儿子 之子 长子 次子 三子 四子 五子 独生子 养子 继子 养子或继子 其他儿子 兄 哥 哥哥 弟 "
    "弟弟 兄弟 女婿 公公 岳父 祖父 外祖父 爷爷 外公 孙子 外孙子 叔 叔叔 伯 伯父 舅 舅舅 姐夫 妹夫".split())


def relation_sex(relation: object) -> str:
    """The sex a filed or registered relation names ('姐妹' → '女', '22' → '男'); '' when it names none (子女, 配偶).

    Args:
        relation: the relation cell.
    Returns:
        '男', '女' or ''.
    """
    word = written_relation(relation).strip()
    return "女" if word in _FEMALE_RELATIONS else "男" if word in _MALE_RELATIONS else ""


def _filed_apart(ctx: Context, by_id: pd.DataFrame) -> pd.DataFrame:
    """The filing's links by an exact ID beside another name (``match.link``: 中, "请核对是否同一人"), lowered to 低 where
    the filed relation's sex or age does not fit the person whose ID it is: the filing's ID is then another person's, its
    name and relation the relative's (held-out 448: 杨翠翠 filed as a 村主任's 姐妹 with the ID of 崔海涛, a man of 55, RQ1 中).

    Args:
        ctx: the audit context.
        by_id: the filing's links by ID (m, r, confidence, key).
    Returns:
        The links, those so contradicted at 低, the key saying what does not fit.
    """
    apart = by_id["key"].astype(str).str.startswith(NAME_APART_KEY) & (by_id["confidence"] != LOW)
    if not apart.any():
        return by_id
    fil, mem = ctx.lists["cadre_relatives"], ctx.members
    gap = nm.NameMatchParams.from_common(ctx.common).generation_gap
    births = filing_cadres(ctx)["cadre_birth"]
    rel = fil["relation"] if "relation" in fil.columns else pd.Series("", index=fil.index)
    out = by_id.copy()
    for i in np.flatnonzero(apart.to_numpy()):
        m, r = out.at[i, "m"], out.at[i, "r"]
        relation = rel.at[r]
        said, theirs = relation_sex(relation), ids.sex(str(mem.at[m, "id"])) or ""
        why = []
        if said and theirs and said != theirs:
            why.append(f"备案关系（{written_relation(relation)}）与该身份证号的性别（{theirs}）不符")
        if _age_fits(role(relation), mem.at[m, "birth"], births.get(r), gap) is False:
            why.append(f"备案关系（{written_relation(relation)}）与该身份证号的年龄不符")
        if why:
            out.at[i, "confidence"] = LOW
            out.at[i, "key"] = f"{out.at[i, 'key']}；{'，'.join(why)}，备案的身份证号可能是他人的"
    return out


def _via_registry_ids(ctx: Context, todo: pd.DataFrame) -> pd.DataFrame:
    """Filing rows whose valid relative's ID no member has, linked through the registry where a former ID (原身份证号)
    bridges the two: filed under his old ID, on the roster under the new one without a 原身份证号 of its own, the
    registry giving both (held-out 350, 353: a cadre's filed brother missed by RQ1). Each step is a link of equal valid
    IDs (the filing row to a registry row: its ID or 原身份证号 to the other's; that row to a member, :func:`links`), one
    of them through a former ID; the link is the weaker of the two (低 beside another name, or a former ID that cannot
    be the person's: :func:`match.former_list_links`).

    Args:
        ctx: the audit context (with a registry and its ``former_id``).
        todo: the filing rows to link (valid ``id``, linked to no member by it).
    Returns:
        Columns m, r (filing row), confidence, key.
    """
    reg = ctx.lists["registry"]
    exact = link_lists(todo, reg)
    steps = former_list_links(exact[exact["key"] == EXACT_KEY], todo, reg, nm.NameMatchParams.from_common(ctx.common))
    ml = links(ctx, "registry").rename(columns={"m": "mm", "r": "rb", "confidence": "cm", "key": "km"})
    pairs = steps.merge(ml, left_on="r", right_on="rb")
    # (both steps on current IDs would be the filing's own link: at least one goes through a former ID)
    through = pairs["key"].astype(str).str.startswith(FORMER_KEY) | pairs["km"].astype(str).str.startswith(FORMER_KEY)
    pairs = pairs[through]
    if pairs.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    former = reg["former_id"]
    rows = []
    for f, rb, mm, c1, k1, c2, k2 in zip(pairs["m"], pairs["rb"], pairs["mm"], pairs["confidence"], pairs["key"],
                                         pairs["cm"], pairs["km"]):
        if k1 == EXACT_KEY:
            said = "备案身份证号与户籍身份证号一致"
        elif former.get(rb) == todo.at[f, "id"]:
            said = "备案身份证号是户籍登记的原身份证号（身份证号曾变更）" + k1[len(FORMER_KEY):]
        else:
            said = "备案表的亲属原身份证号与户籍身份证号一致（身份证号曾变更）" + k1[len(FORMER_KEY):]
        said = (f"备案身份证号与花名册不同，经户籍人口名单第 {int(reg.at[rb, '_row'])} 行“{reg.at[rb, 'name']}”对上："
                f"{said}；户籍与花名册{k2}")
        conf = weakest(c1, c2)
        rows.append((mm, f, conf, said + ("，请核对是否同一人" if conf == LOW else "")))
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def _via_registry(ctx: Context, todo: pd.DataFrame) -> pd.DataFrame:
    reg = ctx.lists["registry"]
    cad = link_lists(todo, reg, "cadre_id", "id", "cadre_name_key", "name_key")
    if cad.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    hh = reg["household_no"].astype(str).str.strip()
    cad["household_no"] = hh.loc[cad["r"]].to_numpy()
    cad["shown"] = _as_written(reg, hh).loc[cad["r"]].to_numpy()
    homes = pd.DataFrame({"rb": reg.index, "household_no": hh.to_numpy(), "nk": reg["name_key"].to_numpy()})
    pairs = cad[cad["household_no"] != ""].merge(homes, on="household_no")
    filed = todo.loc[pairs["m"], "name_key"].to_numpy()
    same = [a == b or (a and b and nm.homophone_key(a) == nm.homophone_key(b)) for a, b in zip(filed, pairs["nk"])]
    pairs = pairs[same]
    ml = links(ctx, "registry").rename(columns={"m": "mm", "r": "rb", "confidence": "cm", "key": "km"})
    pairs = pairs.merge(ml, on="rb")
    # a masked filed ID (430523********1234) is held to the digits it shows, as on the name path (held-out 317):
    # here the cadre's 户 and the name make the link, so digits that differ are said and make it 低, never passed
    # over (held-out 340: 7085 filed, the registry's 1319, at 中 "未填可用的亲属身份证号")
    raw = todo.get("id_raw", pd.Series("", index=todo.index))
    reg_ids = (reg["id"].where(reg["id_status"] == ids.VALID, "") if "id_status" in reg.columns
               else pd.Series("", index=reg.index))
    member_ids = ctx.members["id"].where(ctx.members["id_status"] == ids.VALID, "")
    rows = []
    for mm, f, c1, c2, h, rb, k2 in zip(pairs["mm"], pairs["m"], pairs["confidence"], pairs["cm"], pairs["shown"],
                                        pairs["rb"], pairs["km"]):
        conf, shown = weakest(MEDIUM, c1, c2), _shown(raw.get(f))
        pid = reg_ids.get(rb) or member_ids.get(mm, "")
        fits = _shown_fits(shown, pid)
        said = (f"备案表的亲属身份证号被遮挡（{str(raw.get(f)).strip()}）" if shown else "备案表未填可用的亲属身份证号")
        said += f"；干部户籍同户（户号 {h}）中有同名成员“{reg.at[rb, 'name']}”，按其户籍身份证号匹配（{k2}）"
        if fits:
            said += f"；备案身份证号露出的前 {len(shown[0])} 位、后 {len(shown[1])} 位与其一致"
        elif fits is False:
            conf = LOW
            said += (f"；但备案身份证号露出的各位与其户籍身份证号不符（户籍为 {_as_mask(pid, shown)}），可能是备案时填错，"
                     "也可能不是同一人，请核对备案表")
        rows.append((mm, f, conf, said))
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def _as_mask(pid: str, shown: tuple[str, str]) -> str:
    """An 18-character ID masked as a filed one is (:func:`_shown`: its leading and trailing digits shown), to set
    beside it in evidence."""
    lead, tail = len(shown[0]), len(shown[1])
    return pid[:lead] + "*" * (18 - lead - tail) + (pid[18 - tail:] if tail else "")


def _via_names(ctx: Context, todo: pd.DataFrame) -> pd.DataFrame:
    params = nm.NameMatchParams.from_common(ctx.common)
    info = filing_cadres(ctx).loc[todo.index]
    rows = pd.DataFrame({"name_key": todo["name_key"], "village": info["village"],
                         "birth": [surviving_birth(x) for x in todo.get("id_raw", pd.Series("", index=todo.index))]},
                        index=todo.index)
    kin = {f: role(x) for f, x in zip(todo.index, todo.get("relation", pd.Series("", index=todo.index)))}
    births = info["cadre_birth"].to_dict()
    # a masked ID (430524********7085) is no usable ID, but the digits it shows can still say it is another person
    shown = {f: _shown(x) for f, x in zip(todo.index, todo.get("id_raw", pd.Series("", index=todo.index)))}
    member_ids = ctx.members["id"].where(ctx.members["id_status"] == ids.VALID, "")

    def annotate(pairs: pd.DataFrame) -> pd.DataFrame:
        pairs["age_fits"] = [_age_fits(kin[r], b, births.get(r), params.generation_gap)
                             for r, b in zip(pairs["r"], pairs["birth_r"])]
        pairs["shown_fits"] = [_shown_fits(shown.get(r), member_ids.get(m, "")) for r, m in zip(pairs["r"], pairs["m"])]
        return pairs

    fits = nm.FlagComparison("age_fits", params.weight_age_fits, "年龄与备案关系相符", "年龄与备案关系不符",
                             "未核对年龄与关系")
    digits = nm.FlagComparison("shown_fits", 0, "", "备案身份证号露出的各位与本人不符")
    counts = name_population(ctx)
    found = _same_county(ctx, link_by_name(ctx.members, rows, params, counts, annotate=annotate, extra=(fits, digits)),
                         info)
    found["key"] = [k + (f"；备案身份证号被遮挡，露出的前 {len(t[0])} 位、后 {len(t[1])} 位一致"
                         if (t := shown.get(r)) and _shown_fits(t, member_ids.get(m, "")) else "")
                    for k, r, m in zip(found["key"], found["r"], found["m"])]
    found = _same_township(ctx, found, info)
    # a common name (the county's namesakes) is 低 however much else agrees (RQ1.toml; held-out 152: 王芳 at 中); so
    # is another name that only sounds or looks alike, unless the surviving ID digits give the same birth date: 中 is
    # for the same rare name (RQ1.toml; held-out 172: 刘侠 filed, 刘霞 in the village at 中 on homophone + village + age)
    filed = rows.loc[found["r"]]
    own = ctx.members.loc[found["m"], ["name_key", "birth"]]
    common = np.array([counts.get(nk, 1) >= params.common_count for nk in filed["name_key"].tolist()], dtype=bool)
    alike = filed["name_key"].to_numpy(dtype=object) != own["name_key"].to_numpy(dtype=object)
    born = zip(filed["birth"].tolist(), own["birth"].tolist())
    dated = np.array([b is not None and b == b and b == c for b, c in born], dtype=bool)
    low = common | (alike & ~dated)
    if low.any():
        found.loc[low, "confidence"] = LOW
    return found


def _shown(cell: object) -> tuple[str, str] | None:
    """The digits a masked filed ID shows (:func:`ids.masked`), its trailing ones as they stand in an 18-character ID
    (a 15-character one ends before the check character), or None."""
    found = ids.masked(cell)
    if found is None:
        return None
    lead, tail = found
    if len(unicodedata.normalize("NFKC", str(cell)).strip().replace(" ", "")) == 15:
        lead = lead[:6] + ("19" + lead[6:] if len(lead) > 6 else "")
        tail = tail + "?" if tail else ""
    return lead, tail


def _shown_fits(shown: tuple[str, str] | None, member_id: str) -> bool | None:
    """Whether the digits a masked filed ID shows (:func:`_shown`: leading, trailing) are those of a member's valid
    ID: False rules the member out, None when nothing can be compared (no mask, or no valid ID of the member)."""
    if not shown or not member_id or len(member_id) != 18:
        return None
    lead, tail = shown
    end = member_id[len(member_id) - len(tail):] if tail else ""
    return member_id.startswith(lead) and all(a in ("?", b) for a, b in zip(tail, end))


def _same_township(ctx: Context, found: pd.DataFrame, info: pd.DataFrame) -> pd.DataFrame:
    """A name matched in the cadre's village only where the member lives in the cadre's township, when both are named
    (held-out 171: 新村 and 东街社区 of two townships were one village, four relatives at 中 in another township)."""
    from .regions import township_key

    if found.empty:
        return found
    theirs = [township_key(t) if _given(t) else "" for t in info.loc[found["r"], "township"].tolist()]
    ours = [township_key(t) for t in ctx.members.loc[found["m"], "township"].tolist()]
    # (a city's run names the members' townships with their county: 光山县城关镇 is the cadre's 城关镇)
    keep = [not a or not b or a.isdigit() or b.isdigit() or a.endswith(b) or b.endswith(a) for a, b in zip(theirs, ours)]
    return found[keep].reset_index(drop=True)


def _same_county(ctx: Context, found: pd.DataFrame, info: pd.DataFrame) -> pd.DataFrame:
    """A city's run (members of several counties): a name matched in the cadre's village only where the member is of
    the cadre's county, known by the cadre's ID (on the filing row, else the cadre list's) naming one of the roster's
    counties. Each county has its 城关镇 and 东关社区 (held-out 141: a 光山县 cadre's wife matched in 罗山县)."""
    from .roster import counties as counties_of

    counties = counties_of(ctx.members)
    if len(counties) < 2 or found.empty:
        return found
    from .regions import county_name_of

    fil = ctx.lists["cadre_relatives"]
    cadres = ctx.lists.get("cadres")
    own = fil["cadre_id"].where(fil["cadre_id_status"] == ids.VALID, "") if "cadre_id_status" in fil.columns else \
        pd.Series("", index=fil.index)

    def county_of(r) -> str:
        pid = own.get(r, "")
        row = info.at[r, "cadre_row"] if "cadre_row" in info.columns and r in info.index else None
        if not pid and row is not None and row == row and cadres is not None and "id" in cadres.columns:
            pid = cadres.at[row, "id"] if cadres.at[row, "id_status"] == ids.VALID else ""
        return county_name_of(str(pid)[:6]) if pid else ""

    theirs = [county_of(r) for r in found["r"].tolist()]
    ours = ctx.members.loc[found["m"], "county"].tolist()
    keep = [not c or c not in counties or c == m for c, m in zip(theirs, ours)]
    return found[keep].reset_index(drop=True)


def name_population(ctx: Context) -> dict[str, int]:
    """Return (and remember) namesake counts over the roster and the registry (the county's people).

    Args:
        ctx: the audit context.
    Returns:
        name key → number of people.
    """
    if "kin:names" not in ctx.cache:
        ctx.cache["kin:names"] = nm.name_counts(ctx.members, ctx.lists.get("registry"))
    return ctx.cache["kin:names"]


# The words [common] shared_account_kin takes, and the kinships each names (a tie read either way: his wife is her
# husband, a mother's son has her for mother)
FAMILY_WORDS = {"配偶": (SPOUSE,), "父母子女": (PARENT, CHILD), "兄弟姐妹": (SIBLING,), "祖孙": (GRANDPARENT, GRANDCHILD)}


def household_ties(ctx: Context) -> dict[frozenset, str]:
    """Pairs of roster households that are one registered family by a tie [common] shared_account_kin names (配偶,
    父母子女 by default) → the tie in words, for evidence: a shared account between them is explainable (held-out 252: a
    wife on the 特困 roster paid into the account of her husband, heading his own 低保 household, the registry giving
    both one 户号 as 户主 and 配偶, was D02 高 and F07 中 twice).

    Two sources: the registry (two members of the households, each linked by an exact ID, present in one 户号 in such a
    tie to each other: "户籍信息同户（户号 0022）：肖新波是曾金莲的丈夫"), and the rosters' own 与户主关系 (one household listing as
    its head's spouse, parent or child a person enrolled in the other: "花名册中肖新波登记为户主曾金莲的丈夫"). Households are
    keyed by their unit (:func:`roster.enrolment_household`).

    Args:
        ctx: the audit context.
    Returns:
        frozenset of two households → the tie.
    """
    key = "kin:household_ties"
    if key not in ctx.cache:
        allowed = {k for word in ctx.common.get("shared_account_kin", []) for k in FAMILY_WORDS.get(word, ())}
        out: dict[frozenset, str] = {}
        if allowed:
            _roster_ties(ctx, allowed, out)
            _registry_ties(ctx, allowed, out)
        ctx.cache[key] = out
    return ctx.cache[key]


def family_said(ctx: Context, households) -> str:
    """The ties that make some households one registered family (:func:`household_ties`, each household reached from
    the first through them), joined with '；'; '' when they are not all one family.

    Args:
        ctx: the audit context.
        households: the households (roster keys; a ledger household on no roster is in no family).
    Returns:
        The ties in words, or ''.
    """
    units = list(dict.fromkeys(enrolment_household(h) for h in households))
    ties = household_ties(ctx) if len(units) > 1 else {}
    if not ties:
        return ""
    reached, said, todo = {units[0]}, [], [units[0]]
    while todo:
        a = todo.pop(0)
        for b in units:
            if b not in reached and (tie := ties.get(frozenset((a, b)))):
                reached.add(b)
                said.append(tie)
                todo.append(b)
    return "；".join(said) if len(reached) == len(units) else ""


def member_sex(ctx: Context, m: int) -> str:
    """A member's sex: the roster's (男, 女), else her ID's ('' when neither says)."""
    said = str(ctx.members.at[m, "sex"] or "") if "sex" in ctx.members.columns else ""
    return said if said in ("男", "女") else ids.sex(str(ctx.members.at[m, "id"] or "")) or ""


def _roster_ties(ctx: Context, allowed: set[str], out: dict[frozenset, str]) -> None:
    """Ties the rosters state: a person one household lists as its head's spouse (parent, child …) and enrolled in
    another household too."""
    mem = ctx.members
    if "relation" not in mem.columns:
        return
    valid = (mem["id_status"] == ids.VALID).to_numpy() if "id_status" in mem.columns else (mem["id"] != "").to_numpy()
    people = pd.DataFrame({"id": mem["id"].to_numpy(dtype=object), "unit": enrolment_households(mem["household"].tolist()),
                           "j": mem.index})[valid]
    people = people[people.groupby("id")["unit"].transform("nunique") >= 2]
    for _, group in people.groupby("id", sort=False):
        units = list(dict.fromkeys(group["unit"].tolist()))
        for j, unit in zip(group["j"].tolist(), group["unit"].tolist()):
            kin = pair_kin(HEAD, role(mem.at[j, "relation"]))
            if kin not in allowed:
                continue
            head = str(mem.at[j, "head_name"] or "") if "head_name" in mem.columns else ""
            for other in units:
                if other != unit:
                    # (what the roster registers, as written: 配偶, 之妻; held-out 340)
                    out.setdefault(frozenset((unit, other)), f"花名册中{mem.at[j, 'name']}登记为"
                                   + relative_of(f"户主{head}", written_relation(mem.at[j, "relation"])))


def _registry_ties(ctx: Context, allowed: set[str], out: dict[frozenset, str]) -> None:
    """Ties the registry states: members of two households, each linked by an exact ID, present in one 户号 and related
    (by their relations to its 户主) as ``allowed`` says."""
    if not _reg_ok(ctx):
        return
    reg = ctx.lists["registry"]
    found = links(ctx, "registry")
    found = found[found["confidence"] == HIGH]
    if found.empty:
        return
    mem = ctx.members
    hh = reg["household_no"].astype(str).str.strip()
    pairs = pd.DataFrame({"m": found["m"].to_numpy(), "r": found["r"].to_numpy()})
    pairs["unit"] = enrolment_households(mem.loc[pairs["m"], "household"].tolist())
    pairs["no"] = hh.loc[pairs["r"]].to_numpy()
    here = (reg.loc[pairs["r"], "left"].to_numpy() == "") if "left" in reg.columns else True  # (not dead nor moved out)
    pairs = pairs[(pairs["no"] != "") & here]
    pairs = pairs[pairs.groupby("no")["unit"].transform("nunique") >= 2]
    if pairs.empty:
        return
    shown = _as_written(reg, hh)
    relation = reg["relation"] if "relation" in reg.columns else pd.Series("", index=reg.index)
    for no, group in pairs.groupby("no", sort=False):
        rows = list(zip(group["m"].tolist(), group["r"].tolist(), group["unit"].tolist()))
        for i, (ma, ra, ua) in enumerate(rows):
            for mb, rb, ub in rows[i + 1:]:
                kin = pair_kin(role(relation.at[ra]), role(relation.at[rb]))
                if ua != ub and kin in allowed and frozenset((ua, ub)) not in out:
                    # one of the two the 户主: the other's 与户主关系 quoted as written (held-out 340), else the kinship
                    said_a, said_b = written_relation(relation.at[ra]), written_relation(relation.at[rb])
                    if role(relation.at[ra]) == HEAD and said_b:
                        tie = f"{mem.at[mb, 'name']}是{relative_of(mem.at[ma, 'name'], said_b)}"
                    elif role(relation.at[rb]) == HEAD and said_a:
                        tie = f"{mem.at[ma, 'name']}是{relative_of(mem.at[mb, 'name'], said_a)}"
                    else:
                        tie = f"{mem.at[mb, 'name']}是{mem.at[ma, 'name']}的{kin_label(kin, member_sex(ctx, mb))}"
                    out[frozenset((ua, ub))] = f"户籍信息同户（户号 {shown.at[rb]}）：{tie}"
