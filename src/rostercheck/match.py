"""Joining roster members to reference rows, with graded evidence.

Comparisons, strongest first:
- ``ExactId``: both IDs valid and equal (置信度 高).
- ``RepairedId``: one side damaged (typed as a number, its last character lost, or one mistyped digit); the surviving digits
  agree, the names agree and the birth dates agree (置信度 中). The same damaged ID on both sides (a typo
  copied from one system into the other) with the same name is 中 too; a damaged ID that fits several people's IDs
  equally is 低 for each; an ID missing only its check character beside a homophone or a part of the name is 低.
  Never on a name alone.
- ``MaskedId``: a list's ID masked after region and birth date (42112319670804****), the same name, one roster member
  of that name, region and birth date: name + the digits that survive (置信度 低; several such members: none).
- ``OneTypoApart``: the list's ID invalid (check character, birth date) and one mistyped digit or adjacent swap from
  a member's ID with the identical name, the birth dates apart; unique both ways (置信度 低).
- ``link_by_name``: no usable ID on the list's side; the name engine (:mod:`rostercheck.namematch`)
  compares names only inside a small block (same village, or same birth date from the surviving ID
  digits) and adds up named comparisons (置信度 中 or 低, saying what agreed and what did not).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

import numpy as np
import pandas as pd
from rapidfuzz.distance import JaroWinkler

from . import namematch as nm
from .model import HIGH, LOW, MEDIUM
from .normalize import ids
from .normalize.values import carried, month_only, rounded_up, shown_as_double

_DAMAGED = (ids.CHECK, ids.NUMERIC, ids.SHORT, ids.MASKED)
_CUT = (ids.NUMERIC, ids.SHORT, ids.MASKED)  # IDs whose leading digits survive: blocked on the region
LINK_COLUMNS = ["m", "r", "confidence", "key"]
EXACT_KEY = "身份证号一致"  # the key of an exact link (two equal valid IDs)
ROSTER_AND_LIST = ("花名册", "名单")  # what a member-to-list key calls the two files when it says whose ID is damaged
NAME_APART_KEY = "身份证号一致，但姓名不一致"  # how the key of an exact link beside another name starts


def _other_name(a: str, b: str, names: nm.NameMatchParams) -> bool:
    """Whether two name keys (both given) name two people: not the same or one cut short, not homophones (王晓明/王小明),
    and not a long name's near spelling (欧阳明辉/欧阳明晖). Siblings share all but one character (龙明甲/龙明辉: held-out 124, a
    sibling's ID typed for him was 高 "身份证号一致")."""
    if not a or not b or _name_part(a, b) or _homophones(a, b):
        return False
    return not (min(len(a), len(b)) >= names.similar_min_length
                and JaroWinkler.normalized_similarity(a, b) >= names.similar_threshold)


def other_name(a: str, b: str, names: nm.NameMatchParams | None = None) -> bool:
    """Whether two name keys (both given) name two people, as an exact ID's link judges them (:func:`_other_name`).

    Args:
        a, b: name keys.
        names: the name-matching policy (the defaults when None).
    Returns:
        True for two people; False for one (or a blank).
    """
    return _other_name(a, b, names or nm.NameMatchParams())


def _name_part(a: str, b: str) -> bool:
    """Whether one name key is a part of the other (马敏 for 马敏珍: a list that cut the name short; 吐尔洪 for
    吐尔洪·艾合买提: the given part of a transliterated name only)."""
    return a in b or b in a


def _homophones(a: str, b: str) -> bool:
    """Whether two name keys of one length sound the same (王晓明/王小明; 阿不都/阿布都 of a transliterated name)."""
    return len(a) == len(b) and nm.homophone_key(a) == nm.homophone_key(b)


_STAND_IN = re.compile(r"\?|[A-Za-z]+")  # what a list writes for a character it could not export: '?', or its pinyin
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _stand_in(a: str, b: str) -> bool:
    """Whether one name key is the other with one Chinese character written as '?' or in Latin letters, in its place,
    the others equal (李? or 李wan for 李 + U+2C1D5: a rare character a system or a GBK file could not hold). Only
    beside an exact ID: a stand-in says nothing about who the person is."""
    for x, y in ((a, b), (b, a)):
        lost = list(_STAND_IN.finditer(x))
        if len(lost) != 1:
            continue
        head, tail = x[: lost[0].start()], x[lost[0].end():]
        if ((head or tail) and len(y) == len(head) + 1 + len(tail) and y.startswith(head) and y.endswith(tail)
                and _CJK.fullmatch(y[len(head)])):
            return True
    return False


def link(members: pd.DataFrame, ref: pd.DataFrame, id_col: str = "id", name_col: str = "name_key",
         names: nm.NameMatchParams | None = None, masked_tail: bool = False) -> pd.DataFrame:
    """Return the (member, reference row) pairs that denote the same person.

    Args:
        members: the member frame (columns id, id_status, id_reliable, name_key, birth).
        ref: a normalised reference frame.
        id_col: the reference column holding the ID (``id``, ``cadre_id``, ``dependent_id``).
        name_col: the reference column holding the name key.
        names: the name-matching policy ([common] name_similar_threshold, name_similar_min_length: when two long
            names are one spelt apart); the defaults when None.
        masked_tail: whether the list's IDs masked to region and trailing digits (410326********0354, no birth date:
            :func:`ids.masked_compared`) are compared too, by name and every digit shown, 低 at most (a department list of
            the audit: held-out 413); the coverage lists' are said beside the namesakes instead (l_coverage).
    Returns:
        A frame with columns m (member index), r (reference index), confidence and key (Chinese text
        saying which key agreed). An exact ID beside another person's name (马敏珍 on the roster, 赵大宝 on the list:
        rows shifted in the list, or a wrong ID typed; 龙明甲 beside 龙明辉: a sibling's) is 中, the key saying so; a name
        with a '?' or pinyin for a character its file could not hold (:func:`_stand_in`) stays 高, the key saying so.
    """
    found = link_lists(members, ref, "id", id_col, "name_key", name_col, sides=ROSTER_AND_LIST,
                       masked="tail" if masked_tail else True)
    if name_col not in ref.columns:
        return found
    found = _one_typo_apart(found, members, ref, id_col, name_col)
    if found.empty:
        return found
    exact = (found["confidence"] == HIGH).to_numpy()
    theirs = ref.loc[found["r"][exact], name_col].tolist()  # (labels: a list may be filtered)
    ours = members.loc[found["m"][exact], "name_key"].tolist()
    names = names or nm.NameMatchParams()
    apart = [_other_name(str(a), str(b), names) for a, b in zip(ours, theirs)]
    # a list row whose ID two roster rows carry (a head's copied onto his child) and whose name is one of theirs is that
    # one's: none of the other's (held-out 305: the living child "身份证号一致，但姓名不一致" C02 中 beside his dead father)
    rows_exact = found["r"].to_numpy()[exact].tolist()
    named = {r for r, a in zip(rows_exact, apart) if not a}
    if any(a and r in named for r, a in zip(rows_exact, apart)):
        keep = np.ones(len(found), dtype=bool)
        keep[np.flatnonzero(exact)[[a and r in named for r, a in zip(rows_exact, apart)]]] = False
        found = found[keep].reset_index(drop=True)
        exact = (found["confidence"] == HIGH).to_numpy()
        theirs = ref.loc[found["r"][exact], name_col].tolist()
        ours = members.loc[found["m"][exact], "name_key"].tolist()
        apart = [_other_name(str(a), str(b), names) for a, b in zip(ours, theirs)]
    if any(apart):
        at = np.flatnonzero(exact)[np.asarray(apart, dtype=bool)]
        lost = np.asarray([_stand_in(str(ours[k]), str(theirs[k])) for k in np.flatnonzero(apart)], dtype=bool)
        shown = "name" if "name" in ref.columns and name_col == "name_key" else name_col
        found = found.copy()
        found.loc[at[~lost], "confidence"] = MEDIUM
        found.loc[at[~lost], "key"] = [f"{NAME_APART_KEY}（名单上为“{ref.at[r, shown]}”），请核对是否同一人"
                                       for r in found.loc[at[~lost], "r"].tolist()]
        found.loc[at[lost], "key"] = [f"{EXACT_KEY}；姓名只差一个无法导出的生僻字（名单上为“{ref.at[r, shown]}”）"
                                      for r in found.loc[at[lost], "r"].tolist()]
    return _as_written(_born_apart(_old_forms(found, members, ref, id_col), members, ref, id_col), members, ref, name_col)


FORMER_KEY = "原身份证号一致"  # how the key of a link through a former ID (:func:`former_links`) starts


def former_links(found: pd.DataFrame, members: pd.DataFrame, ref: pd.DataFrame, id_col: str = "id",
                 name_col: str = "name_key", names: nm.NameMatchParams | None = None) -> pd.DataFrame:
    """Add the links a former ID makes: a list row's 原身份证号 (曾用身份证号码, 身份证号（旧）…) equal to a member's ID, and a
    member's 原身份证号 (the roster's column) equal to a row's ID (held-out 337: a death listed under the new ID, the
    roster holding the old one, was missed). An ID corrected by 公安, a 15-digit 一代证 upgraded, a birth date put
    right: the person is the same, so an equal valid ID beside the same name is as sure as the current ID's link
    (高), the key saying which column agreed. Only equal valid IDs link (never a damaged former ID, never a name):
    beside another name the link is 低, not the 中 of a current ID, as an upgraded 15-digit ID beside another name is
    (:data:`OLD_FORM_UNCHECKED`): a 原身份证号 column may hold other people's IDs (held-out 209), and a former ID is
    checked by no system any more. Pairs the current IDs link already are left as they are.

    Args:
        found: the links of the current IDs (:func:`link`).
        members: the member frame (``former_id``, ``former_id_status``, ``former_id_raw`` when a roster has a
            原身份证号 column).
        ref: a normalised reference frame (the same columns when the list has one; ``former_id_label``, its header).
        id_col, name_col, names: as :func:`link`; a list's other person (``dependent_id``: a supporters list's
            被赡养人) has her own former ID column (``dependent_former_id``, held-out 350), the list's ``former_id``
            being its row's own person's (the supporter's).
    Returns:
        ``found`` with the former IDs' links after its own.
    """
    prefix = id_col[: -len("id")]
    if name_col != prefix + "name_key":
        return found
    added = []
    if prefix + "former_id" in ref.columns:
        said_as = prefix + "former_id_label"
        label = ref[said_as].iat[0] if said_as in ref.columns and len(ref) else "原身份证号"
        theirs = _as_former(ref, prefix)
        if theirs is not None:
            said = f"{FORMER_KEY}：名单“{label}”列与花名册上的身份证号一致（名单现身份证号与花名册不同，身份证号曾变更）"
            added.append(_former_found(link(members, theirs, id_col, name_col, names=names), said, theirs, "r", names))
    if "former_id" in members.columns:
        ours = _as_former(members)
        if ours is not None:
            said = f"{FORMER_KEY}：花名册上的原身份证号与名单身份证号一致（花名册现身份证号与名单不同，身份证号曾变更）"
            added.append(_former_found(link(ours, ref, id_col, name_col, names=names), said, ours, "m", names))
    return _links_added(found, added)


def _as_former(frame: pd.DataFrame, prefix: str = "") -> pd.DataFrame | None:
    """The rows of a frame with a valid former ID other than their ID, that ID in the ID's columns (their labels
    kept); None for none. ``prefix`` names the person (``dependent_``: ``dependent_former_id`` in ``dependent_id``)."""
    p, f = prefix, prefix + "former_"
    if f + "id" not in frame.columns or p + "id" not in frame.columns:
        return None
    at = (frame[f + "id_status"] == ids.VALID) & (frame[f + "id"] != frame[p + "id"])
    if not at.any():
        return None
    part = frame.loc[at].copy()
    # (to judge the pair: _former_found)
    part["current_id"], part["former_value"] = part[p + "id"].where(part[p + "id_status"] == ids.VALID, ""), part[f + "id"]
    part[p + "id"], part[p + "id_status"] = part[f + "id"], ids.VALID
    part[p + "id_reliable"] = part[f + "id_reliable"] if f + "id_reliable" in part.columns else 18
    part[p + "id_raw"] = part[f + "id_raw"] if f + "id_raw" in part.columns else part[f + "id"]
    part[p + "birth"] = [ids.birth_date(str(v)) for v in part[f + "id"].tolist()]
    return part


def former_list_links(found: pd.DataFrame, left: pd.DataFrame, right: pd.DataFrame,
                      names: nm.NameMatchParams | None = None) -> pd.DataFrame:
    """Add to the links of two lists (:func:`link_lists`, on their own ``id``) those a former ID makes: one side's
    原身份证号 equal to the other's valid ID (held-out 350: a staff list still under a man's old ID, the registry under
    his new one beside his 原身份证号, was no kin of his wife's). As :func:`former_links`: equal valid IDs only, 高
    beside the same name, 低 beside another or where the former ID cannot be the person's (:func:`ids.former_apart`).

    Args:
        found: the links of the current IDs.
        left, right: normalised frames (``former_id`` when they have a 原身份证号 column).
        names: the name-matching policy.
    Returns:
        ``found`` with the former IDs' links after its own (m: left row, r: right row).
    """
    names = names or nm.NameMatchParams()
    added = []
    for side, at in ((left, "m"), (right, "r")):
        former = _as_former(side) if "former_id" in side.columns else None
        if former is None:
            continue
        got = link_lists(former, right) if at == "m" else link_lists(left, former)
        got = got[got["key"] == EXACT_KEY]
        if got.empty:
            continue
        got = got.copy()
        other = right if at == "m" else left
        other_at = "r" if at == "m" else "m"
        ours = former.loc[got[at], "name_key"].astype(str).tolist() if "name_key" in former.columns else []
        theirs = other.loc[got[other_at], "name_key"].astype(str).tolist() if "name_key" in other.columns else []
        apart = [not a or not b or _other_name(a, b, names) for a, b in zip(ours, theirs)] or [True] * len(got)
        why = [ids.former_apart(str(former.at[i, "current_id"]), str(former.at[i, "former_value"]), names.former_birth_gap)
               for i in got[at].tolist()]
        got["confidence"] = [LOW if a or w else HIGH for a, w in zip(apart, why)]
        got["key"] = [FORMER_KEY + ("，但姓名不一致" if a else "") + (f"；但{w}" if w else "") for a, w in zip(apart, why)]
        added.append(got)
    return _links_added(found, added)


def _links_added(found: pd.DataFrame, added: list[pd.DataFrame]) -> pd.DataFrame:
    """``found`` with the links of ``added`` after its own, each (m, r) pair once and none ``found`` has already."""
    added = [a for a in added if not a.empty]
    if not added:
        return found
    more = pd.concat(added, ignore_index=True).drop_duplicates(["m", "r"])
    if len(found):
        more = more[~pd.MultiIndex.from_arrays([more["m"], more["r"]]).isin(
            pd.MultiIndex.from_arrays([found["m"], found["r"]]))]
    return pd.concat([found, more], ignore_index=True) if len(more) else found


def _former_found(got: pd.DataFrame, said: str, side: pd.DataFrame, at: str,
                  names: nm.NameMatchParams | None = None) -> pd.DataFrame:
    """The equal-ID links of :func:`link` on a frame's former IDs, keyed as such (``said`` in place of "身份证号一致"),
    those beside another name lowered to 低 (see :func:`former_links`), and so those whose former ID cannot be the
    same person's as her current one (another sex, a birth date a generation away: :func:`ids.former_apart`) — a
    deaths list's 原身份证号 holding the informant's ID, a vehicle's the seller's (held-out 343), beside the same name.
    ``side`` is the frame of :func:`_as_former` (``current_id``), ``at`` its index column in ``got`` ("r" or "m")."""
    if got.empty:
        return got
    hits, apart = name_apart(got["key"].astype(str))
    got = got[hits.to_numpy()].copy()
    apart = apart.to_numpy()[hits.to_numpy()]
    keys = got["key"].astype(str).tolist()
    got["key"] = [said + k[len(EXACT_KEY):] if k.startswith(EXACT_KEY) else f"{said}；{k}" for k in keys]
    got.loc[apart, "confidence"] = LOW
    years = (names or nm.NameMatchParams()).former_birth_gap
    why = [ids.former_apart(str(side.at[i, "current_id"]), str(side.at[i, "former_value"]), years) for i in got[at].tolist()]
    odd = np.fromiter((bool(w) for w in why), dtype=bool, count=len(why))
    if odd.any():
        got.loc[odd, "confidence"] = LOW
        got.loc[odd, "key"] = [f"{k}；但{w}，原身份证号一栏可能填的是他人的身份证号，请核对是否同一人"
                               for k, w in zip(got.loc[odd, "key"].tolist(), [w for w in why if w])]
    return got.reset_index(drop=True)


def _one_typo_apart(found: pd.DataFrame, members: pd.DataFrame, ref: pd.DataFrame, id_col: str,
                    name_col: str) -> pd.DataFrame:
    """Add 低 links for list IDs that are invalid (wrong check character, impossible birth date) and one mistyped digit
    or one adjacent swap from a member's valid ID with the identical name, the birth dates apart (held-out 212: a
    typo in the birth digits linked nobody). Only when the correction is unique both ways: no other member fits the
    row, no other row fits the member, and neither is linked already; a birth date kept equal stays the 中 of
    :func:`repaired_key`."""
    status = id_col[: -len("id")] + "id_status"
    if status not in ref.columns or name_col not in ref.columns or "id_status" not in members.columns:
        return found
    bad = ref[ref[status].isin((ids.CHECK, ids.DATE)) & (ref[name_col] != "")]
    if bad.empty:
        return found
    fine = members[(members["id_status"] == ids.VALID) & members["name_key"].isin(set(bad[name_col]))]
    pairs = _typo_candidates(pd.DataFrame({"m": fine.index, "nk": fine["name_key"].to_numpy(), "a": fine["id"].to_numpy()}),
                             pd.DataFrame({"r": bad.index, "nk": bad[name_col].to_numpy(), "b": bad[id_col].to_numpy()}))
    fits = [(m, r, a, b) for m, r, a, b in zip(pairs.m, pairs.r, pairs.a, pairs.b)
            if ids.single_digit_apart(str(a), str(b)) is not None]
    if not fits:
        return found
    linked_m, linked_r = set(found["m"]), set(found["r"])
    per_m = pd.Series([m for m, *_ in fits]).value_counts()
    per_r = pd.Series([r for _, r, *_ in fits]).value_counts()
    rows = [(m, r, LOW, _typo_key(str(a), str(b))) for m, r, a, b in fits
            if per_m[m] == 1 and per_r[r] == 1 and m not in linked_m and r not in linked_r
            and ids.birth_date(str(a)) != ids.birth_date(str(b))]
    return pd.concat([found, pd.DataFrame(rows, columns=LINK_COLUMNS)], ignore_index=True) if rows else found


# The parts of an 18-character ID two IDs one typo apart (a digit, or two adjacent ones swapped) agree on, at least one
# of them whole: the ID without its region, without its birth digits, without its last six, or without the two places
# where those parts meet (a swap across them); as (first, last) position ranges kept, end exclusive
_TYPO_BLOCKS = (((6, 18),), ((0, 6), (12, 18)), ((0, 12),), ((0, 5), (7, 18)), ((0, 11), (13, 18)))


def _id_digits(cells: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(positions of the cells that are 17 digits and a digit or X, their 18 characters as numbers 0-10: X is 10),
    vectorised over the cells' code points (a province's members: a Python loop per ID took seconds a list)."""
    codes = np.array(cells.to_numpy(dtype=object).tolist(), dtype="U19").view(np.uint32).reshape(len(cells), 19)
    digit = (codes[:, :18] >= 48) & (codes[:, :18] <= 57)  # (on the code points: any character, wide ones too)
    chars = codes[:, :18].astype(np.int16) - 48
    last = codes[:, 17]
    ok = (codes[:, 18] == 0) & digit[:, :17].all(axis=1) & (digit[:, 17] | (last == ord("X")) | (last == ord("x")))
    chars[:, 17][~digit[:, 17]] = 10  # (X or x where ok)
    return np.flatnonzero(ok), (chars if ok.all() else chars[ok])


def _block_keys(chars: np.ndarray, block: tuple) -> np.ndarray:
    """One :data:`_TYPO_BLOCKS` block of each ID as an int64 (base 11 digits: X is 10; 16 of them at most)."""
    key = np.zeros(len(chars), dtype=np.int64)
    for first, last in block:
        for k in range(first, last):
            key = key * 11 + chars[:, k].astype(np.int64)
    return key


_TYPO_CHUNK = 250_000  # member IDs encoded at a time (a province's millions at once were a gigabyte at the peak)


def _typo_candidates(ours: pd.DataFrame, theirs: pd.DataFrame) -> pd.DataFrame:
    """The (m, r) pairs of the same name key whose IDs (``a``, ``b``) agree on one of :data:`_TYPO_BLOCKS`: every pair
    one typo apart is among them, and few others (joining on the name alone made a province's common names millions of
    pairs, minutes of Python). The blocks are compared as integers, the names by their codes; ``ours`` (the members, the
    many) a chunk at a time."""
    at_b, cb = _id_digits(theirs["b"])
    theirs = theirs.iloc[at_b]
    names = pd.Index(pd.unique(theirs["nk"].to_numpy(dtype=object)))
    right = [pd.DataFrame({"j": np.arange(len(theirs)), "n": names.get_indexer(theirs["nk"]), "k": _block_keys(cb, block)})
             for block in _TYPO_BLOCKS]
    parts = []
    for start in range(0, len(ours) if len(theirs) else 0, _TYPO_CHUNK):
        chunk = ours.iloc[start:start + _TYPO_CHUNK]
        at_a, ca = _id_digits(chunk["a"])
        n = names.get_indexer(chunk["nk"].to_numpy(dtype=object)[at_a])
        for block, other in zip(_TYPO_BLOCKS, right):
            left = pd.DataFrame({"i": start + at_a, "n": n, "k": _block_keys(ca, block)})
            parts.append(left[left["n"] >= 0].merge(other, on=["n", "k"])[["i", "j"]])
    if not parts:
        return pd.DataFrame(columns=["m", "r", "a", "b"])
    pairs = pd.concat(parts, ignore_index=True).drop_duplicates()
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    return pd.DataFrame({"m": ours["m"].to_numpy()[i], "r": theirs["r"].to_numpy()[j], "a": ours["a"].to_numpy()[i],
                         "b": theirs["b"].to_numpy()[j]})


def _typo_key(a: str, b: str) -> str:
    """The key of a :func:`_one_typo_apart` link: which digits differ, the birth dates they give (a: the member's)."""
    pos = ids.single_digit_apart(a, b)
    apart = f"第 {pos}、{pos + 1} 位颠倒" if pos < len(a) and a[pos] != b[pos] else f"第 {pos} 位不同"
    listed = ids.birth_date(b)
    invalid, born = ("校验位不符", f"名单上为 {listed.isoformat()}") if listed else ("出生日期不成立", f"名单上为 {b[6:14]}")
    return (f"姓名一致；名单身份证号{invalid}，与花名册上的身份证号只差一处（{apart}），出生日期因此不同（{born}，"
            f"花名册上为 {ids.birth_date(a).isoformat()}）；只有此人相符，疑似录入错误，请核对是否同一人")


_OLD_FORM = {(True, False): "花名册上为 15 位旧身份证号，升为 18 位后与名单一致",
             (False, True): "名单上为 15 位旧身份证号，升为 18 位后与花名册一致"}


# … beside another name: weaker than an 18-character ID beside another name (中), for 15 digits have no check character
# to catch a mistyped one (held-out 249: 黄艳娟's old ID upgraded to 杨慧琴's was "身份证号一致，但姓名不一致" at 中)
OLD_FORM_UNCHECKED = "（15 位旧号没有校验位，不能排除录错）"


def _old_forms(found: pd.DataFrame, members: pd.DataFrame, ref: pd.DataFrame, id_col: str) -> pd.DataFrame:
    """An exact link through a 15-digit 一代证 on one side says so: the clerk finds those 15 digits in that file, not the
    18 they were read as. Beside another name (:data:`NAME_APART_KEY`) it is 低, and opens with the upgrade: "身份证号一致"
    reads as 18 characters equal, check character and all."""
    raw = id_col[: -len("id")] + "id_raw"
    if found.empty or "id_raw" not in members.columns or raw not in ref.columns:
        return found
    keys = found["key"].astype(str).tolist()
    at = np.flatnonzero([key == EXACT_KEY or key.startswith((EXACT_KEY + "，", EXACT_KEY + "；")) for key in keys])
    if not len(at):
        return found
    ours, theirs = (np.asarray(ids.old_digits_each(cells), dtype=object) != ""
                    for cells in (members.loc[found["m"].iloc[at], "id_raw"].tolist(), ref.loc[found["r"].iloc[at], raw].tolist()))
    one = ours != theirs  # (an old ID on one side only: the links walked, mostly none)
    said = []
    for k, side in zip(at[one].tolist(), zip(ours[one].tolist(), theirs[one].tolist())):
        key = keys[k]
        if key.startswith(NAME_APART_KEY):
            said.append((k, LOW, f"{_OLD_FORM[side]}{OLD_FORM_UNCHECKED}{key[len(EXACT_KEY):]}"))
        else:
            said.append((k, found["confidence"].iat[k], f"{EXACT_KEY}（{_OLD_FORM[side]}）{key[len(EXACT_KEY):]}"))
    if said:
        found = found.copy()
        rows = [k for k, *_ in said]
        found.loc[rows, "confidence"] = [c for _, c, _ in said]
        found.loc[rows, "key"] = [key for *_, key in said]
    return found


def name_apart(keys: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Which link keys are of two equal IDs (:data:`EXACT_KEY`, a 15-digit 一代证 upgraded included), and which of those
    are beside another name (:data:`NAME_APART_KEY`, or its old-ID form).

    Args:
        keys: link keys (text).
    Returns:
        (hits, apart): two boolean series.
    """
    old = tuple(_OLD_FORM.values())
    # each distinct key judged once (a list's links are mostly "身份证号一致": 30,000 keys, a handful of texts)
    codes, texts = pd.factorize(keys, use_na_sentinel=False)
    texts = pd.Series(texts, dtype=keys.dtype)
    apart = texts.str.startswith(NAME_APART_KEY) | (texts.str.startswith(old) & texts.str.contains("，但姓名不一致", regex=False))
    hits = texts.str.startswith(EXACT_KEY) | apart
    return (pd.Series(hits.to_numpy()[codes], index=keys.index, dtype=hits.dtype),
            pd.Series(apart.to_numpy()[codes], index=keys.index, dtype=apart.dtype))


def _born_apart(found: pd.DataFrame, members: pd.DataFrame, ref: pd.DataFrame, id_col: str) -> pd.DataFrame:
    """A link whose list row's own 出生日期 column (``born``) contradicts the birth date of the ID it was linked on: the
    list's ID is in doubt, so the link never gains by that column, and loses one step (中 → 低) unless it is an equal
    18-character ID beside the same name (a slip in the date column), 低 staying 低: the ID still agrees (held-out 249:
    an old ID upgraded to 杨慧琴's, beside 黄艳娟 and 出生日期 19591115). Said in the key either way. A 出生年月 of a month
    alone is compared by its month."""
    if found.empty or id_col != "id" or "born" not in ref.columns or "birth" not in members.columns:
        return found
    written = ref.loc[found["r"], "born"].tolist()
    if not any(isinstance(w, dt.date) for w in written):
        return found
    texts = ref.loc[found["r"], "born_text"].tolist() if "born_text" in ref.columns else [""] * len(written)
    births = members.loc[found["m"], "birth"].tolist()
    found = found.copy()
    for k, (w, text, b) in enumerate(zip(written, texts, births)):
        if not isinstance(w, dt.date) or not isinstance(b, dt.date):
            continue
        w, b = _date_of(w), _date_of(b)
        by_month = month_only(text)
        if (w.year, w.month) == (b.year, b.month) if by_month else w == b:
            continue
        shown = f"{w.year}-{w.month:02d}" if by_month else w.isoformat()
        key, conf = str(found["key"].iat[k]), found["confidence"].iat[k]
        if conf == MEDIUM:
            conf = LOW
        found.iat[k, found.columns.get_loc("confidence")] = conf
        found.iat[k, found.columns.get_loc("key")] = (f"{key}；名单的出生日期列为 {shown}，与身份证号上的出生日期 "
                                                      f"{b.isoformat()} 不符，名单的身份证号可能有误")
    return found


NAMES_AGREE = "姓名一致"


def _as_written(found: pd.DataFrame, members: pd.DataFrame, ref: pd.DataFrame, name_col: str) -> pd.DataFrame:
    """A key saying "姓名一致" of names that agree only once normalised (劉麗華 for 刘丽华, "梁 静敏" for 梁静敏: held-out 249)
    says how the list writes it: "姓名一致（名单上写作“劉麗華”）". Names written alike are left as they were."""
    if found.empty or name_col != "name_key" or "name" not in ref.columns or "name" not in members.columns:
        return found
    keys = found["key"].astype(str)
    at = np.flatnonzero(keys.str.startswith(NAMES_AGREE).to_numpy())
    if not len(at):
        return found
    theirs = ref.loc[found["r"].iloc[at], "name"].tolist()
    ours = members.loc[found["m"].iloc[at], "name"].tolist()
    said = [(k, f"{NAMES_AGREE}（名单上写作“{str(t).strip()}”）{keys.iat[k][len(NAMES_AGREE):]}")
            for k, t, o in zip(at.tolist(), theirs, ours) if _written(t) and _written(o) and _written(t) != _written(o)]
    if said:
        found = found.copy()
        found.loc[[k for k, _ in said], "key"] = [key for _, key in said]
    return found


def _written(name: object) -> str:
    """A name cell as written (its surrounding blanks dropped; '' for none)."""
    return "" if name is None or name != name else str(name).strip()


def _date_of(value: dt.date) -> dt.date:
    """A date (a datetime's day)."""
    return value.date() if isinstance(value, dt.datetime) else value


def link_lists(left: pd.DataFrame, right: pd.DataFrame, left_id: str = "id", right_id: str = "id",
               left_name: str = "name_key", right_name: str = "name_key",
               sides: tuple[str, str] | None = None, masked: bool | str = False) -> pd.DataFrame:
    """Return the (left row, right row) pairs of any two normalised frames that denote the same person.

    Args:
        left: a frame with ``<prefix>id``, ``<prefix>id_status``, ``<prefix>id_reliable`` and a name key.
        right: another such frame.
        left_id: the left ID column (``id``, ``cadre_id`` …).
        right_id: the right ID column.
        left_name: the left name-key column.
        right_name: the right name-key column.
        sides: what to call the left and the right file in a key saying whose ID is damaged (:func:`repaired_key`).
        masked: whether the right side's IDs masked after region and birth date are compared (:func:`_as_masked`: a
            roster member and a list row only); "tail": the right side's masked to region and trailing digits too
            (:func:`ids.masked_compared`).
    Returns:
        A frame with columns m (left index), r (right index), confidence and key.
    """
    lp, rp = left_id[: -len("id")], right_id[: -len("id")]
    if left_id not in left.columns or right_id not in right.columns or left.empty or right.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    lcols = (left_id, lp + "id_status", lp + "id_reliable", left_name)
    rcols = (right_id, rp + "id_status", rp + "id_reliable", right_name)
    # Only valid IDs join; the cells stay Python objects (no inference of a string dtype over every row).
    if len(left) > len(right):  # members against a short list: join only the IDs the list has (looked for first)
        b = _valid(right.index, right[rcols[0]], right[rcols[1]], "r")
        has = left[lcols[0]].isin(b.id.to_numpy()).to_numpy()
        a = _valid(left.index[has], left[lcols[0]][has], left[lcols[1]][has], "m")
    else:
        a = _valid(left.index, left[lcols[0]], left[lcols[1]], "m")
        b = _valid(right.index, right[rcols[0]], right[rcols[1]], "r")  # (no b.id.isin(a.id) first: the inner join
        # keeps the same pairs in the same order, and hashing both sides once more cost a city's payees 0.03-0.05 s)
    exact = a.merge(b, on="id")[["m", "r"]]
    exact = exact.assign(confidence=HIGH, key=EXACT_KEY)
    cut_left, cut_right = _as_cut(left, lp, lcols), _as_cut(right, rp, rcols)
    if masked:  # (either side: a list's masked row, or an applicant's ID copied from a 公示 list, held-out 365)
        cut_left, cut_right = _as_masked(cut_left, lp, lcols), _as_masked(cut_right, rp, rcols, masked == "tail")
    repaired = pd.concat([_repaired(cut_left, cut_right, lcols, rcols, sides), _same_undated(left, right, lcols, rcols),
                          _seventeen(cut_left, cut_right, lcols, rcols, sides)], ignore_index=True)
    out = pd.concat([exact, repaired], ignore_index=True) if len(repaired) else exact
    return out.drop_duplicates(["m", "r"]).reset_index(drop=True)


def _as_cut(frame: pd.DataFrame, prefix: str, cols: tuple) -> pd.DataFrame:
    """A frame whose IDs ending in 000 may be cut by a number format (``<prefix>id_cut``, :func:`reference.normalise`)
    with those taken as cut for the repaired links (the exact ones are made before)."""
    cut = frame.get(prefix + "id_cut")
    if cut is None or not cut.any():
        return frame
    cut = cut.to_numpy(dtype=bool)
    return frame.assign(**{cols[1]: np.where(cut, ids.NUMERIC, frame[cols[1]].to_numpy(dtype=object)),
                           cols[2]: np.where(cut, ids.EXCEL_DIGITS, frame[cols[2]].to_numpy(dtype=object))})


def _as_masked(frame: pd.DataFrame, prefix: str, cols: tuple, tail: bool = False) -> pd.DataFrame:
    """A frame whose IDs masked after region and birth date (42112319670804****, read as FORMAT) are taken as
    :data:`ids.MASKED` with the digits they show as reliable, for the repaired links only: name + the digits that
    survive, 低 at most (:func:`repaired_key`, :func:`_undecided`; held-out 249); with ``tail``, those masked to region
    and trailing digits as well (:func:`ids.masked_compared`, held-out 413)."""
    raw = frame.get(prefix + "id_raw")
    if raw is None or not len(frame):
        return frame
    at = np.flatnonzero(frame[cols[1]].to_numpy(dtype=object) == ids.FORMAT)
    if not len(at):
        return frame
    shown_by = ids.masked_compared if tail else ids.masked_shown
    shown = np.asarray([shown_by(v) for v in raw.to_numpy(dtype=object)[at].tolist()], dtype=object)
    at = at[shown > 0]
    if not len(at):
        return frame
    status, reliable = frame[cols[1]].to_numpy(dtype=object).copy(), frame[cols[2]].to_numpy(dtype=object).copy()
    status[at], reliable[at] = ids.MASKED, shown[shown > 0]
    return frame.assign(**{cols[1]: status, cols[2]: reliable})


SAME_UNDATED_KEY = "姓名一致；两边身份证号相同，但出生日期不成立（同一错误号码，不作为精确匹配）"


def _same_undated(left, right, lcols, rcols) -> pd.DataFrame:
    """Pairs whose IDs are the same 18 characters with an impossible birth date (one wrong number copied from one
    system into the other: held-out 136, a head paid under his own ID and called a payee on no roster) and whose names
    agree: 中, as the same mistyped check character is (:func:`repaired_key`)."""
    if lcols[3] not in left.columns or rcols[3] not in right.columns:
        return pd.DataFrame(columns=LINK_COLUMNS)
    sides = {}
    for frame, cols, label in sorted(((left, lcols, "m"), (right, rcols, "r")), key=lambda side: len(side[0])):
        bad = frame[cols[1]].to_numpy(dtype=object) == ids.DATE  # (the shorter frame first: mostly none there)
        if not bad.any():
            return pd.DataFrame(columns=LINK_COLUMNS)
        bad &= frame[cols[3]].to_numpy(dtype=object) != ""
        sides[label] = pd.DataFrame({label: frame.index[bad], "id": frame[cols[0]].to_numpy(dtype=object)[bad],
                                     "nk": frame[cols[3]].to_numpy(dtype=object)[bad]})
    found = sides["m"].merge(sides["r"], on=["id", "nk"])[["m", "r"]]
    return found.assign(confidence=MEDIUM, key=SAME_UNDATED_KEY)


SEVENTEEN_KEY = "{}少一位（末位校验码缺失），前 17 位（含出生日期）一致；姓名不完全一致（{}），请核对是否同一人"


def _seventeen(left, right, lcols, rcols, sides: tuple[str, str] | None = None) -> pd.DataFrame:
    """Pairs of an ID missing only its check character and a valid ID it begins whose names differ but may be one
    person's: a homophone spelling or a part of the other (held-out 211: 古丽努尔·阿布都热合曼 for 古丽努尔·阿不都热合曼,
    吐尔洪 for 吐尔洪·艾合买提, both unlinked): 低. Seventeen digits name one person (the 18th follows from them), but
    the names written differ; equal names are :func:`_repaired`'s (中), other names none."""
    if lcols[3] not in left.columns or rcols[3] not in right.columns:
        return pd.DataFrame(columns=LINK_COLUMNS)
    status = [frame[cols[1]].to_numpy(dtype=object) for frame, cols in ((left, lcols), (right, rcols))]
    short = [st == ids.SHORT for st in status]
    if not short[0].any() and not short[1].any():  # (mostly none: no frame of every valid ID built, no count compared)
        return pd.DataFrame(columns=LINK_COLUMNS)
    short = [cut & (frame[cols[2]].to_numpy(dtype=object) == 17)
             for cut, frame, cols in zip(short, (left, right), (lcols, rcols))]
    if not short[0].any() and not short[1].any():
        return pd.DataFrame(columns=LINK_COLUMNS)
    # the one valid ID each 17 digits begin (their check character follows from them): the valid side is searched for
    # those whole IDs only (a province's millions of IDs cut to 17 characters each made a second copy of them)
    wanted = [{k + ids.check_char(k) for k in (str(v)[:17] for v in frame[cols[0]].to_numpy(dtype=object)[cut])
               if k.isdigit()} for frame, cols, cut in zip((left, right), (lcols, rcols), short)]
    parts = []
    for frame, cols, label, st, cut, other in zip((left, right), (lcols, rcols), "mr", status, short, wanted[::-1]):
        names, values = frame[cols[3]].to_numpy(dtype=object), frame[cols[0]].to_numpy(dtype=object)
        found = (st == ids.VALID) & frame[cols[0]].isin(other).to_numpy() if other else np.zeros(len(frame), dtype=bool)
        parts.append({kind: pd.DataFrame({label: frame.index[rows], "k": [str(v)[:17] for v in values[rows]],
                                          "nk" + label: names[rows]})
                      for kind, rows in (("short", cut), ("valid", found))})
    whose = [_whose(*pair, ids.SHORT, sides) for pair in ((ids.SHORT, ids.VALID), (ids.VALID, ids.SHORT))]
    pairs = pd.concat([parts[0]["short"].merge(parts[1]["valid"], on="k").assign(who=whose[0]),
                       parts[0]["valid"].merge(parts[1]["short"], on="k").assign(who=whose[1])], ignore_index=True)
    rows = []
    for m, r, a, b, who in zip(pairs["m"], pairs["r"], pairs["nkm"], pairs["nkr"], pairs["who"]):
        if a and b and a != b:
            how = "读音相同、写法不同" if _homophones(a, b) else "一方只写了部分姓名" if _name_part(a, b) else ""
            if how:
                rows.append((m, r, LOW, SEVENTEEN_KEY.format(who, how)))
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def _valid(index: pd.Index, id_cells: pd.Series, status: pd.Series, name: str) -> pd.DataFrame:
    """The rows with a valid ID: their labels (column ``name``) and IDs (column ``id``, object dtype)."""
    ok = status.to_numpy(dtype=object) == ids.VALID
    return pd.DataFrame({name: index[ok], "id": pd.Series(id_cells.to_numpy(dtype=object)[ok], dtype=object)})


def _repaired(left, right, lcols, rcols, sides: tuple[str, str] | None = None) -> pd.DataFrame:
    """Pairs with at least one damaged ID that :func:`repaired_key` accepts (names agree).

    Candidates are blocked on what the rules require anyway, so no accepted pair is lost: an ID typed
    as a number must share its first 14 digits (or be one off in the 15th), so the region agrees; a
    mistyped digit must leave the birth date equal.
    """
    if lcols[3] not in left.columns or rcols[3] not in right.columns:
        return pd.DataFrame(columns=LINK_COLUMNS)
    m_dmg = left[lcols[1]].isin(_DAMAGED)
    r_dmg = right[rcols[1]].isin(_DAMAGED)
    if not m_dmg.any() and not r_dmg.any():
        return pd.DataFrame(columns=LINK_COLUMNS)
    mleft = pd.DataFrame({"m": left.index, "nk": left[lcols[3]], "mid": left[lcols[0]],
                          "mst": left[lcols[1]], "mrel": left[lcols[2]]})
    rright = pd.DataFrame({"r": right.index, "nk": right[rcols[3]], "rid": right[rcols[0]],
                           "rst": right[rcols[1]], "rrel": right[rcols[2]]})
    mleft = mleft[(mleft.nk != "") & mleft.mst.isin((ids.VALID, *_DAMAGED))]
    rright = rright[(rright.nk != "") & rright.rst.isin((ids.VALID, *_DAMAGED))]
    # Only damaged IDs and their namesakes on the other side can pair up.
    l_dmg, r_dmg = mleft.mst.isin(_DAMAGED), rright.rst.isin(_DAMAGED)
    mleft = mleft[l_dmg | mleft.nk.isin(set(rright.nk[r_dmg]))]
    rright = rright[r_dmg | rright.nk.isin(set(mleft.nk[l_dmg]))]
    for frame, col in ((mleft, "mid"), (rright, "rid")):
        values = frame[col].astype(str)
        frame["region"], frame["born"] = values.str[:6], values.str[6:14]
    ln, rn = mleft.mst.isin(_CUT), rright.rst.isin(_CUT)
    lc, rc = mleft.mst == ids.CHECK, rright.rst == ids.CHECK
    by_region = ["nk", "region"]
    by_birth = ["nk", "born"]
    parts = [
        mleft[ln].merge(rright, on=by_region),  # a number on the left
        mleft[~ln].merge(rright[rn], on=by_region),  # a number on the right only
        mleft[lc].merge(rright[~rn], on=by_birth),  # a mistyped digit, no number
        mleft[~ln & ~lc].merge(rright[rc], on=by_birth),
    ]
    cand = pd.concat(parts, ignore_index=True).drop_duplicates(["m", "r"]).sort_values(["m", "r"], kind="stable")
    rows = []
    for m, r, a, b, sa, sb, ra, rb in zip(cand.m, cand.r, cand.mid, cand.rid, cand.mst, cand.rst, cand.mrel, cand.rrel):
        key = repaired_key(a, sa, ra, b, sb, rb, sides)
        if key:  # (a masked ID: name and the digits it shows, 低 at most)
            rows.append((m, r, LOW if ids.MASKED in (sa, sb) else MEDIUM, key, a, b, sa in _DAMAGED, sb in _DAMAGED))
    return _undecided(rows)


def _undecided(rows: list[tuple]) -> pd.DataFrame:
    """The repaired links (m, r, confidence, key, left ID, right ID, left damaged, right damaged), those of a damaged ID
    that fits several people's IDs equally (two namesakes born the same day, one digit off from each: held-out 211, both
    were 中) lowered to 低, each naming the others' IDs: the damaged ID cannot say which one it is ([common]: several
    candidates equally good are 低). One person on two rosters has one ID: no doubt."""
    fits: dict[tuple[str, object], dict[str, None]] = {}  # (side, damaged row) -> the other side's IDs it fits
    for m, r, _, _, a, b, a_dmg, b_dmg in rows:
        if a_dmg:
            fits.setdefault(("m", m), {})[b] = None
        if b_dmg:
            fits.setdefault(("r", r), {})[a] = None
    out = []
    for m, r, confidence, key, a, b, a_dmg, b_dmg in rows:
        others = [i for side, row, theirs, dmg in (("m", m, b, a_dmg), ("r", r, a, b_dmg)) if dmg
                  for i in fits[(side, row)] if i != theirs]
        if others and MASKED_KEY in key:
            continue  # a masked ID fitting namesakes born the same day names none of them (said in the notice)
        if others:
            confidence, key = LOW, f"{key}；另有身份证号 {'、'.join(dict.fromkeys(others))} 的同名人员同样相符，无法确定是哪一人"
        out.append((m, r, confidence, key))
    return pd.DataFrame(out, columns=LINK_COLUMNS)


def _rounded(a: str, sa: str, b: str, sb: str) -> bool:
    """Whether one ID, kept as a number whose 15th digit was rounded half up, may be the other (:func:`rounded_up`):
    the other's first 15 digits one less, and its 16th digit, where it gives one, 5 or more (held-out 287: …231134
    linked to a namesake's …232E+17 at 中; only …2315 to …2324 round to it); two numbers may each be rounded, either
    way."""
    if sa == sb == ids.NUMERIC:
        return a[:15] == rounded_up(b[:15]) or b[:15] == rounded_up(a[:15])
    number, whole = (a, b) if sa == ids.NUMERIC else (b, a)
    if whole[15:16].isdigit() and number[:15] in shown_as_double(whole):
        return True  # (…6495 written as a double of 16 digits, …665E+17: shown …7, its own 16th digit 4; held-out 448)
    return number[:15] == (carried(whole) if whole[15:16].isdigit() else rounded_up(whole[:15]))


def _whose(sa: str, sb: str, status: str, sides: tuple[str, str] | None) -> str:
    """Whose ID a key's damage (``status``) is, as the key's subject: a clerk told only "身份证号以数字格式存储" after the
    list's row asked the list's office to export again while the roster's ID was the one to mend (held-out 222)."""
    if sides is None:
        return "身份证号"
    if sa in _DAMAGED and sb in _DAMAGED:
        return "两边的身份证号都" if sa == sb else f"两边的身份证号都受损，{sides[0 if sa == status else 1]}的"
    return f"{sides[0 if sa in _DAMAGED else 1]}的身份证号"


MASKED_KEY = "被遮挡（脱敏）"  # what a key of a masked ID (ids.MASKED) says of it


def masked_agreed(lead: int, tail: str) -> str:
    """Which digits of a masked ID agreed, as a key says it: '露出的前 14 位（地区码和出生日期）' or, without the birth date,
    '露出的前 6 位（地区码）和后 4 位（含校验码）' (held-out 413: a township worker checks these on the card).

    Args:
        lead: how many leading digits the mask shows.
        tail: the trailing characters it shows.
    Returns:
        The text.
    """
    what = "地区码和出生日期" if lead >= 14 else "地区码和出生年份" if lead >= 10 else "地区码" if lead == 6 else "地区码等"
    said = f"露出的前 {lead} 位（{what}）"
    return f"{said}和后 {len(tail)} 位（含校验码）" if tail else said


def repaired_key(a: str, sa: str, ra: int, b: str, sb: str, rb: int, sides: tuple[str, str] | None = None) -> str:
    """Say why two IDs, at least one damaged, denote the same person (names already agree), or ''. A masked ID
    (:data:`ids.MASKED`, a list's only) agrees by the leading digits it shows, region and birth date, with a valid ID;
    its link is 低 (:func:`_repaired`).

    Args:
        a: one normalised ID; sa its status; ra its reliable prefix length.
        b: the other ID; sb its status; rb its reliable prefix length.
        sides: what to call a's and b's file (花名册, 名单) to say whose ID is damaged; None: not said.
    Returns:
        The Chinese key text, or '' when the IDs do not agree well enough.
    """
    if ids.MASKED in (sa, sb):
        # (four marks or more after 14 digits or more: nothing shown after them)
        (shown, n), (whole, other) = ((a, int(ra)), (b, sb)) if sa == ids.MASKED else ((b, int(rb)), (a, sa))
        if other != ids.VALID or n < 6:
            return ""
        only = f"，{(sides or ROSTER_AND_LIST)[1 if sa == ids.MASKED else 0]}上只有此人相符"
        if ids.fifteen_masked(shown):  # (410326******437: region and the last digits, of an 18- or a 15-digit ID)
            lead, tail = ids.masked(shown)
            how = ids.shows_fifteen(whole, (lead, tail))
            if not how:
                return ""
            said = f"露出的前 {len(lead)} 位（{'地区码' if len(lead) == 6 else '地区码等'}）" + (
                f"和后 {len(tail)} 位" + ("（含校验码）" if how == "short" else "（按 15 位旧身份证号，为顺序码）") if tail else "")
            return f"姓名一致；{_whose(sa, sb, ids.MASKED, sides)}{MASKED_KEY}，只写了 15 位，{said}一致{only}"
        if whole[:n] != shown[:n]:
            return ""
        tail = (ids.masked(shown) or ("", ""))[1]
        if n < ids.MASK_SHOWN_MIN and (len(tail) < ids.MASK_TAIL_MIN or not whole.endswith(tail)):
            return ""  # (no birth date shown: region and the check character's digits, or nothing)
        # (the other file holds only this person of that name and those digits: _undecided drops the rest)
        return f"姓名一致；{_whose(sa, sb, ids.MASKED, sides)}{MASKED_KEY}，{masked_agreed(n, tail)}一致{only}"
    if ids.NUMERIC in (sa, sb):
        n = min(ra, rb)
        who = _whose(sa, sb, ids.NUMERIC, sides)
        if n >= 14 and a[:n] == b[:n]:
            return f"姓名一致；{who}以数字格式存储，后几位丢失，前 {n} 位（含出生日期）一致"
        # Some programs round the 15th digit instead of truncating it (half up: the number shows the true 15th digit
        # or one more, never one less — held-out 124: a namesake's …012 linked to …013): region and birth date agree.
        if n >= 15 and _rounded(a, sa, b, sb):
            return f"姓名一致；{who}以数字格式存储，后几位丢失，前 15 位只差末位进位（数字存储的舍入误差）"
        return ""
    if ids.SHORT in (sa, sb):
        n = min(ra, rb)
        if n >= ids.MIN_CUT and a[:n] == b[:n]:
            who = _whose(sa, sb, ids.SHORT, sides)
            if n == 17:
                return f"姓名一致；{who}少一位（末位校验码缺失），前 17 位（含出生日期）一致"
            return f"姓名一致；{who}只有 {n} 位（后 {18 - n} 位缺失），前 {n} 位（含出生日期）一致"
        return ""
    if ids.CHECK in (sa, sb):
        ba, bb = ids.birth_date(a), ids.birth_date(b)
        if ba is None or ba != bb:
            return ""
        if a == b:  # the same mistyped ID copied from one system into the other
            return "姓名一致；两边身份证号相同，但校验位不符（同一错误号码，不作为精确匹配）"
        pos = ids.single_digit_apart(a, b)
        if pos is None:
            return ""
        apart = f"第 {pos}、{pos + 1} 位颠倒" if pos < len(a) and a[pos] != b[pos] else f"第 {pos} 位不同"
        return f"姓名一致、出生日期一致；{_whose(sa, sb, ids.CHECK, sides)}校验位不符，{apart}（疑似录入错误）"
    return ""


def link_by_name(members: pd.DataFrame, ref: pd.DataFrame, params: nm.NameMatchParams, counts: dict[str, int],
                 village_col: str | None = "village", birth_col: str | None = "birth", name_col: str = "name_key",
                 annotate: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                 extra: tuple = ()) -> pd.DataFrame:
    """Link list rows that have no usable ID to members by name plus other evidence, never by name alone.

    Candidates come only from small blocks: members of the row's village, or members born on the
    row's birth date (from the surviving digits of a damaged ID). Each candidate pair is scored by
    named comparisons (name, village, birth date, plus ``extra``); ties between namesakes drop to 低.

    Args:
        members: the member frame (name_key, village, birth).
        ref: the list rows to link (index kept as ``r``).
        params: the engine's weights and thresholds.
        counts: namesake counts for the common-name adjustment.
        village_col: the ref column holding the village to block on (None for none).
        birth_col: the ref column holding a birth date to block on (None for none).
        name_col: the ref column holding the name key.
        annotate: adds columns to the candidate pairs (m, r, …) for the ``extra`` comparisons.
        extra: further comparisons (see :mod:`rostercheck.namematch`).
    Returns:
        A frame with columns m, r, confidence (中/低) and key (what agreed; what did not).
    """
    if ref.empty or members.empty or name_col not in ref.columns:
        return pd.DataFrame(columns=LINK_COLUMNS)
    mem = pd.DataFrame({"m": members.index, "name_r": members["name_key"].to_numpy(),
                        "village_r": [nm.place_key(v) for v in members["village"].tolist()],
                        "birth_r": members["birth"].to_numpy()})
    rows = pd.DataFrame({"r": ref.index, "name_l": ref[name_col].to_numpy()})
    rows["village_l"] = [nm.place_key(v) for v in ref[village_col].tolist()] if village_col in ref.columns else ""
    rows["birth_l"] = ref[birth_col].to_numpy() if birth_col in ref.columns else None
    rows = rows[rows["name_l"] != ""]
    blocks = []
    by_village = rows[rows["village_l"] != ""]
    if len(by_village):
        blocks.append(by_village.merge(mem[mem["village_r"] != ""], left_on="village_l", right_on="village_r"))
    by_birth = rows[rows["birth_l"].notna()]
    if len(by_birth):
        mb = mem[mem["birth_r"].notna()]
        blocks.append(by_birth.merge(mb, left_on=by_birth["birth_l"].astype(str), right_on=mb["birth_r"].astype(str)))
    if not blocks:
        return pd.DataFrame(columns=LINK_COLUMNS)
    pairs = pd.concat(blocks, ignore_index=True)[["r", "m", "name_l", "name_r", "village_l", "village_r",
                                                  "birth_l", "birth_r"]]
    pairs = pairs.drop_duplicates(["r", "m"]).reset_index(drop=True)
    names = nm.NameComparison(params, counts)
    pairs = pairs[~names.compare(pairs).reject].reset_index(drop=True)  # most block-mates have other names
    if annotate is not None:
        pairs = annotate(pairs)
    comparisons = [
        names,
        nm.ExactMatch("village_l", "village_r", params.weight_village, "村"),
        nm.DateMatch("birth_l", "birth_r", params.weight_birth, "出生日期"),
        *extra,
    ]
    best = nm.best_per_row(nm.score(pairs, comparisons, params))
    if best.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    return best[LINK_COLUMNS].reset_index(drop=True)


def surviving_birth(raw: object) -> object:
    """Return the birth date readable from the digits of a damaged ID (7th–14th), or None.

    Args:
        raw: the ID text as written in the list.
    Returns:
        The date, or None.
    """
    digits = "".join(c for c in str(raw or "") if c.isdigit())
    if len(digits) == 15:
        digits = digits[:6] + "19" + digits[6:]
    return ids.birth_date(digits) if len(digits) >= 14 else None


def weakest(*confidences: str) -> str:
    """Return the weakest of several confidences (a chain of links is as strong as its weakest link).

    Args:
        confidences: 高, 中 or 低 values.
    Returns:
        The weakest one.
    """
    order = {HIGH: 0, MEDIUM: 1, LOW: 2}
    return max(confidences, key=lambda c: order.get(c, 2))
