"""Chinese person names: spaces, full-width forms, middle dots, traditional characters, pinyin keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .values import is_error_value

_DOTS = re.compile(r"[·•・‧∙⋅･.。．﹒⸱•]")
# A hyphen or dash between two parts of a transliterated name, written for the middle dot (布合力其汗-吐尔逊, 依明—阿不都热合曼;
# also the modifier letter half triangular colon); between two Chinese characters only: no Han name holds one, and
# one alone or at an end is no separator
_DASHES = re.compile(r"(?<=[\u3400-\u9fff\U00020000-\U0003ffff])[-\u2010\u2011\u2013\u2014\u2015\u02d1]+"
                     r"(?=[\u3400-\u9fff\U00020000-\U0003ffff])")
_SPACES = re.compile(r"[\s\u3000\u00a0\u00ad\u200b-\u200f\u2060\ufeff]+")  # and invisible format characters
_BRACKETS = re.compile(r"[（(【\[].*?[）)】\]]")
# A bank's 户名 naming the member who collects for the household with a suffix ('肖冬霞代领', held-out 252), as a bracket
# does ('曾伟（代）'): cut only where a name of two characters or more is left (李代收, 王代领 stay: no one-character name),
# and a lone 代 never (李代, 张世代 are names)
_AGENT_SUFFIXES = ("代领", "代收", "代办")

_T2S: dict[int, str] | None = None


def _t2s_table() -> dict[int, str]:
    """Return the traditional → simplified character table from OpenCC's TSCharacters dictionary.

    Names need character-level conversion only (no phrases), and str.translate is ~100× faster than
    the phrase converter. A character the dictionary also lists as its own simplified form is a standard
    simplified character too (乾 of 乾坤 beside 干, 於 a surname beside 于; also 剋 夥 徵 薹 麽) and is kept:
    folding it turns one person's name into another's (held-out 172: 罗乾 "姓名一致" with 罗干).
    """
    global _T2S
    if _T2S is None:
        import opencc

        table: dict[int, str] = {}
        path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and len(parts[0]) == 1 and parts[1] and parts[0] not in parts[1].split(" "):
                table[ord(parts[0])] = parts[1].split(" ")[0]
        _T2S = table
    return _T2S


def _t2s(text: str) -> str:
    return text.translate(_t2s_table())


def _letters_only(text: str) -> bool:
    """Whether a text is letters alone, none of which a name loses in :func:`_cleaned` (the one letter that is a
    separator there, U+02D1, excepted; ``tests/test_names.py`` tries every code point)."""
    return text.isalpha() and "\u02d1" not in text


def _cleaned(text: str) -> str | None:
    """A name's text without bracketed remarks, spaces, middle dots and the dashes written for them (None: a
    spreadsheet's error value, #N/A, no name: held-out 191)."""
    if text.strip().startswith("#") and is_error_value(text):
        return None
    text = _BRACKETS.sub("", text)
    text = _SPACES.sub("", text)
    return _DASHES.sub("", _DOTS.sub("", text))


@lru_cache(maxsize=200_000)
def person_name(raw: object) -> str:
    """Return the comparable form of a name.

    Full-width forms folded (NFKC), inner spaces removed, the middle dot of a minority name dropped in every
    variant (a bank's 户名 or a department's list often leaves it out: '买买提艾力'), and a hyphen or dash written for it
    between two parts, '零' written for '〇',
    bracketed remarks such as '（已故）' dropped, traditional characters turned into simplified ones, and a suffix
    naming an agent who collects (代领, 代收, 代办: '肖冬霞代领') cut where two characters or more are left.

    Args:
        raw: the cell value.
    Returns:
        The normalised name ('' for blanks).
    """
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", str(raw))
    if not _letters_only(text):  # (most names are letters alone: nothing to cut or drop, no pattern tried)
        text = _cleaned(text)
        if text is None:
            return ""
    text = text.replace("零", "〇")
    if text.lower() in ("nan", "none"):
        return ""
    if not text.isascii():
        text = _t2s(text)
        if text.endswith(_AGENT_SUFFIXES) and len(text) >= 2 + 2:
            text = text[:-2]
    return text


def masked_name_fits(mask: str, name: str) -> bool:
    """Whether a name a bank masked ('柴*英', '万**', '刘*') may be this name key: the characters it shows stand where
    the name has them, as many characters in all (or a surname followed by stars alone, some banks' mask whatever the
    name's length). A mask showing nothing, or a key without a star, fits nothing.

    Args:
        mask: the masked name's key (stars kept by :func:`person_name`).
        name: a name key.
    Returns:
        True when the mask may hide that name.
    """
    if "*" not in mask or not name or "*" in name or not mask.strip("*"):
        return False
    if len(mask) == len(name) and all(m in ("*", c) for m, c in zip(mask, name)):
        return True
    return len(mask) >= 2 and mask[0] != "*" and set(mask[1:]) == {"*"} and name[0] == mask[0] and len(name) >= 2
