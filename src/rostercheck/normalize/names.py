"""Chinese person names: spaces, full-width forms, middle dots, traditional characters, pinyin keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOTS = re.compile(r"[·•・‧∙⋅･.。．﹒⸱•]")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_BRACKETS = re.compile(r"[（(【\[].*?[）)】\]]")

_converter = None


def _t2s(text: str) -> str:
    global _converter
    if _converter is None:
        from opencc import OpenCC

        _converter = OpenCC("t2s")
    return _converter.convert(text)


def _has_non_ascii(text: str) -> bool:
    return any(ord(c) > 127 for c in text)


@lru_cache(maxsize=200_000)
def person_name(raw: object) -> str:
    """Return the comparable form of a name.

    Full-width forms folded (NFKC), inner spaces removed, every middle-dot variant turned into '·',
    bracketed remarks such as '（已故）' dropped, traditional characters turned into simplified ones.

    Args:
        raw: the cell value.
    Returns:
        The normalised name ('' for blanks).
    """
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", str(raw))
    text = _BRACKETS.sub("", text)
    text = _SPACES.sub("", text)
    text = _DOTS.sub("·", text).strip("·")
    if text.lower() in ("nan", "none"):
        return ""
    if _has_non_ascii(text):
        text = _t2s(text)
    return text


@lru_cache(maxsize=200_000)
def pinyin_key(name: str) -> str:
    """Return a toneless pinyin key of a normalised name, so homophones compare equal.

    Args:
        name: a normalised name.
    Returns:
        Space-separated syllables.
    """
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(name.replace("·", "")))


def surname(name: str) -> str:
    """Return the (single-character) surname of a normalised Han name.

    Args:
        name: a normalised name.
    Returns:
        The first character, or '' for blanks.
    """
    return name[:1]
