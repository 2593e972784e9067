"""Name matching for lists without usable ID numbers, always together with other evidence.

Modelled on splink's comparison library: each named comparison (``NameComparison``, ``ExactMatch``,
``DateMatch``, ``FlagComparison``) looks at candidate pairs and gives every pair a level with a weight,
an "agreed" text and a "disagreed" text; a pair that contradicts (other birth date, other village,
an age that cannot fit the declared relation) is rejected outright. The weights add up to a score and
the thresholds turn the score into 中 or 低 — a name alone never reaches either threshold.

Common names (many namesakes in the county) weigh less than rare ones: the name comparison uses a
term-frequency adjustment in the spirit of splink's ``tf_adjustment_column``.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz.distance import JaroWinkler

from .model import LOW, MEDIUM
from functools import lru_cache


_PLACE_SUFFIX = re.compile(r"(社区居民委员会|社区居委会|居民委员会|村民委员会|村委会|居委会|委员会|村委|居委|社区)$")
_TOWNSHIP_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,8}?(镇|乡|街道|街道办事处|办事处)(?=[\u4e00-\u9fff]{2,})")


@dataclass(frozen=True)
class NameMatchParams:
    """Weights and thresholds of the name-matching engine (``[common]`` keys prefixed ``name_``).

    Attributes:
        similar_threshold: Jaro-Winkler similarity (characters) at or above which names count as similar.
        similar_min_length: both names need at least this many characters to count as similar (a character
            dropped from a 3-character name usually gives another person: 王莲怡/王莲).
        common_count: namesakes in the county at or above which a name counts as common.
        weight_exact: weight of identical normalised names (rare name).
        weight_exact_common: weight of identical normalised names (common name).
        weight_homophone: weight of names with the same pinyin but other characters.
        weight_similar: weight of similar names (typing or transliteration variants).
        weight_village: weight of the same village (or community).
        weight_birth: weight of the same birth date (e.g. from the surviving digits of an ID).
        weight_age_fits: weight of ages that fit the declared relation (parent older, child younger …).
        medium_at: score at or above which a match is reported at 中.
        low_at: score at or above which a match is reported at 低.
        generation_gap: years a parent is at least older than a child (ages that fit a declared relation).
        former_birth_gap: the most years a birth date put right by 公安 moves: a former ID (原身份证号) born
            further from the current ID, or of the other sex, is another person's (:func:`ids.former_apart`).
    """

    similar_threshold: float = 0.85
    similar_min_length: int = 4
    common_count: int = 3
    weight_exact: float = 3
    weight_exact_common: float = 2
    weight_homophone: float = 2
    weight_similar: float = 1
    weight_village: float = 2
    weight_birth: float = 3
    weight_age_fits: float = 1
    medium_at: float = 5
    low_at: float = 4
    generation_gap: int = 15
    former_birth_gap: int = 5

    @classmethod
    def from_common(cls, common: dict[str, Any]) -> "NameMatchParams":
        """Build the parameters from the shared policy values, keeping defaults for absent keys.

        Args:
            common: the ``[common]`` policy values (keys ``name_similar_threshold`` …).
        Returns:
            The parameters.
        """
        values = {f.name: common["name_" + f.name] for f in fields(cls) if "name_" + f.name in common}
        return cls(**values)


@lru_cache(maxsize=1)
def _readings() -> dict[int, str] | None:
    """pypinyin's table of each character's readings (``pypinyin.pinyin_dict``: code point → 'wáng,wàng'), loaded on
    its own: importing pypinyin also loads its phrase tables and patterns (~0.5 s a process), which a single
    character never uses. None when the table cannot be loaded so (:func:`_char_pinyin` then asks pypinyin)."""
    try:
        spec = importlib.util.find_spec("pypinyin")
        path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.py"
        loader = importlib.util.spec_from_file_location("_rostercheck_pinyin_dict", path)
        module = importlib.util.module_from_spec(loader)
        loader.loader.exec_module(module)
        return module.pinyin_dict
    except Exception:  # noqa: BLE001 - any other layout of the package: pypinyin itself
        return None


def _toneless(reading: str) -> str:
    """A reading without its tone marks, ü as v: what pypinyin's NORMAL style gives ('lǘ' → 'lv')."""
    parts = unicodedata.normalize("NFD", reading)
    kept = "".join(c for c in parts if ord(c) == 0x308 or not unicodedata.combining(c))  # (U+0308: the ü kept)
    return unicodedata.normalize("NFC", kept).replace("ü", "v")


@lru_cache(maxsize=50_000)
def _char_pinyin(char: str) -> str:
    """A character's first reading, toneless (``pypinyin.lazy_pinyin(char)[0]``); any other character as it is."""
    table = _readings()
    if table is None:
        from pypinyin import lazy_pinyin

        return lazy_pinyin(char)[0]
    reading = table.get(ord(char))
    return _toneless(reading.split(",")[0]) if reading else char


@lru_cache(maxsize=500_000)
def homophone_key(name: str) -> str:
    """Return a toneless pinyin key of a normalised name, one syllable per character (homophones agree).

    Computed per character and cached, so a county's names cost a few thousand look-ups, not one
    pypinyin call per name; a polyphonic character always gets the same reading on both sides.

    Args:
        name: a normalised name.
    Returns:
        Space-separated syllables ('' for blanks).
    """
    return " ".join(_char_pinyin(c) for c in name if c != "·")


def place_key(raw: object) -> str:
    """Return a comparable village/community name ('东村村委会', '城关镇东村' → '东村'; '幸福社区居委会' → '幸福').

    Args:
        raw: the cell value.
    Returns:
        The key ('' for blanks).
    """
    text = re.sub(r"\s+", "", str(raw or ""))
    if text.lower() in ("nan", "none"):
        return ""
    text = _PLACE_SUFFIX.sub("", text)
    text = _TOWNSHIP_PREFIX.sub("", text)
    if text.endswith("村村"):
        text = text[:-1]
    return text


def name_counts(*frames: pd.DataFrame) -> dict[str, int]:
    """Return how many distinct people carry each normalised name across lists (namesake counts).

    People with a valid ID are counted once across the frames; rows without one count as one each.

    Args:
        frames: frames with columns name_key, id and id_status.
    Returns:
        name key → number of people.
    """
    parts = [f[["name_key", "id", "id_status"]] for f in frames if f is not None and len(f)]
    if not parts:
        return {}
    both = pd.concat(parts, ignore_index=True)
    both = both[both["name_key"] != ""]
    valid = both[both["id_status"] == "valid"].drop_duplicates("id")
    other = both[both["id_status"] != "valid"]
    return pd.concat([valid, other])["name_key"].value_counts().to_dict()


@dataclass
class Levels:
    """What one comparison said about each candidate pair.

    Attributes:
        weight: weight per pair (0 when the comparison could not be made).
        agreed: Chinese text per pair for what agreed ('' for nothing).
        disagreed: Chinese text per pair for what did not agree or could not be checked.
        reject: pairs that contradict and can never match.
    """

    weight: np.ndarray
    agreed: np.ndarray
    disagreed: np.ndarray
    reject: np.ndarray


def _levels(n: int) -> Levels:
    return Levels(np.zeros(n), np.full(n, "", dtype=object), np.full(n, "", dtype=object), np.zeros(n, dtype=bool))


class NameComparison:
    """Exact name, else same pinyin (homophone), else Jaro-Winkler at a threshold; else reject."""

    def __init__(self, params: NameMatchParams, counts: dict[str, int], left: str = "name_l", right: str = "name_r"):
        """Set up the comparison.

        Args:
            params: the engine parameters.
            counts: namesake counts (see :func:`name_counts`).
            left: column of the first name key.
            right: column of the second name key.
        """
        self.p, self.counts, self.left, self.right = params, counts, left, right

    def compare(self, pairs: pd.DataFrame) -> Levels:
        """Compare the names of candidate pairs.

        Args:
            pairs: candidate pairs with the two name columns.
        Returns:
            The levels.
        """
        a, b = pairs[self.left].to_numpy(dtype=object), pairs[self.right].to_numpy(dtype=object)
        out = _levels(len(pairs))
        uniq = set(a.tolist()) | set(b.tolist())
        bare = {x: x.replace("·", "") for x in uniq}
        sa, sb = np.array([bare[x] for x in a], dtype=object), np.array([bare[x] for x in b], dtype=object)
        la, lb = np.array([len(x) for x in sa]), np.array([len(x) for x in sb])
        given = (la > 0) & (lb > 0)
        exact = given & (sa == sb)
        # Homophones have as many characters on both sides: only those pairs need a pinyin key.
        maybe = np.flatnonzero(given & ~exact & (la == lb))
        homo = np.zeros(len(a), dtype=bool)
        homo[maybe] = [homophone_key(sa[i]) == homophone_key(sb[i]) for i in maybe]
        sim = np.zeros(len(a))
        long = np.flatnonzero(given & ~exact & ~homo & (np.minimum(la, lb) >= self.p.similar_min_length))
        sim[long] = [JaroWinkler.normalized_similarity(a[i], b[i]) for i in long]
        similar = sim >= self.p.similar_threshold
        count = np.array([self.counts.get(x, 1) for x in a])
        common = count >= self.p.common_count
        out.weight = np.select([exact & ~common, exact & common, homo, similar],
                               [self.p.weight_exact, self.p.weight_exact_common, self.p.weight_homophone,
                                self.p.weight_similar], 0.0)
        for i in np.flatnonzero(exact | homo | similar):
            if exact[i]:
                out.agreed[i] = "姓名一致"
                if common[i]:
                    out.disagreed[i] = f"“{a[i]}”为常见姓名（县内 {count[i]} 人同名）"
            elif homo[i]:
                out.agreed[i] = f"姓名同音（{a[i]}/{b[i]}）"
                out.disagreed[i] = "姓名用字不同"
            else:
                out.agreed[i] = f"姓名相近（{a[i]}/{b[i]}，相似度 {sim[i]:.2f}）"
                out.disagreed[i] = "姓名不完全一致"
        out.reject = ~(exact | homo | similar)
        return out


class ExactMatch:
    """Two text columns equal (e.g. village keys); blank on either side means 'not checked'."""

    def __init__(self, left: str, right: str, weight: float, label: str, reject_on_differ: bool = True):
        """Set up the comparison.

        Args:
            left: column on the first side.
            right: column on the second side.
            weight: weight when equal.
            label: Chinese name of the thing compared (e.g. '村').
            reject_on_differ: whether a difference rules the pair out.
        """
        self.left, self.right, self.weight, self.label, self.reject_on_differ = left, right, weight, label, reject_on_differ

    def compare(self, pairs: pd.DataFrame) -> Levels:
        """Compare the two columns of candidate pairs.

        Args:
            pairs: candidate pairs.
        Returns:
            The levels.
        """
        a, b = pairs[self.left].fillna("").to_numpy(dtype=object), pairs[self.right].fillna("").to_numpy(dtype=object)
        out = _levels(len(pairs))
        known = (a != "") & (b != "")
        same = known & (a == b)
        out.weight = np.where(same, self.weight, 0.0)
        for i in range(len(a)):
            if same[i]:
                out.agreed[i] = f"同{self.label}（{a[i]}）"
            elif known[i]:
                out.disagreed[i] = f"{self.label}不同（{a[i]}/{b[i]}）"
            else:
                out.disagreed[i] = f"未核对{self.label}"
        out.reject = known & ~same if self.reject_on_differ else np.zeros(len(a), dtype=bool)
        return out


class DateMatch(ExactMatch):
    """Two date columns equal (birth dates); both known and different rules the pair out."""

    def compare(self, pairs: pd.DataFrame) -> Levels:
        """Compare the two date columns of candidate pairs.

        Args:
            pairs: candidate pairs.
        Returns:
            The levels.
        """
        conv = pairs[[self.left, self.right]].astype(object).where(pairs[[self.left, self.right]].notna(), None)
        texts = conv.apply(lambda col: col.map(lambda d: d.isoformat() if hasattr(d, "isoformat") else ""))
        return ExactMatch(self.left, self.right, self.weight, self.label, self.reject_on_differ).compare(texts)


class FlagComparison:
    """A precomputed True/False/None column (e.g. ages fit the declared relation)."""

    def __init__(self, column: str, weight: float, agreed: str, disagreed: str, unknown: str = ""):
        """Set up the comparison.

        Args:
            column: the column holding True, False or None.
            weight: weight when True.
            agreed: text when True.
            disagreed: text when False (the pair is then rejected).
            unknown: text when None.
        """
        self.column, self.weight, self.agreed, self.disagreed, self.unknown = column, weight, agreed, disagreed, unknown

    def compare(self, pairs: pd.DataFrame) -> Levels:
        """Read the flag of candidate pairs.

        Args:
            pairs: candidate pairs.
        Returns:
            The levels.
        """
        v = pairs[self.column].to_numpy(dtype=object)
        out = _levels(len(pairs))
        yes = np.array([x is True for x in v], dtype=bool)
        no = np.array([x is False for x in v], dtype=bool)
        out.weight = np.where(yes, self.weight, 0.0)
        out.agreed = np.where(yes, self.agreed, "").astype(object)
        out.disagreed = np.where(no, self.disagreed, np.where(yes, "", self.unknown)).astype(object)
        out.reject = no
        return out


def score(pairs: pd.DataFrame, comparisons: list, params: NameMatchParams) -> pd.DataFrame:
    """Score candidate pairs with named comparisons and keep those that reach 低 or 中.

    Args:
        pairs: candidate pairs (one row per pair).
        comparisons: objects with ``compare(pairs) -> Levels``; the first must be the name comparison.
        params: thresholds.
    Returns:
        The surviving pairs with added columns ``score``, ``confidence`` (中/低) and ``key`` (what agreed;
        what did not).
    """
    if pairs.empty:
        return pairs.assign(score=[], confidence=[], key=[])
    levels = [c.compare(pairs) for c in comparisons]
    total = np.sum([lv.weight for lv in levels], axis=0)
    reject = np.any([lv.reject for lv in levels], axis=0)
    keep = ~reject & (total >= params.low_at)
    out = pairs.loc[keep].copy()
    idx = np.flatnonzero(keep)
    out["score"] = total[idx]
    out["confidence"] = np.where(total[idx] >= params.medium_at, MEDIUM, LOW)
    keys = []
    for i in idx:
        agreed = "、".join(x for x in (lv.agreed[i] for lv in levels) if x)
        missing = "；".join(x for x in (lv.disagreed[i] for lv in levels) if x)
        keys.append(f"无可用身份证号，按姓名比对：{agreed}" + (f"；未一致或未核对：{missing}" if missing else ""))
    out["key"] = keys
    return out


def best_per_row(scored: pd.DataFrame, row: str = "r") -> pd.DataFrame:
    """Keep each list row's best-scoring candidates; ties (several namesakes) are lowered to 低.

    Args:
        scored: the output of :func:`score`.
        row: the column identifying the list row.
    Returns:
        The best candidates per row, each tie saying how many candidates were equally good.
    """
    if scored.empty:
        return scored
    top = scored.groupby(row)["score"].transform("max")
    best = scored[scored["score"] == top].copy()
    n = best.groupby(row)[row].transform("size")
    tie = n > 1
    best.loc[tie, "confidence"] = LOW
    best.loc[tie, "key"] = best.loc[tie, "key"] + "；另有 " + (n[tie] - 1).astype(str) + " 名同样符合的候选人，无法区分"
    return best
