"""The order townships, villages and categories are listed in: natural order (第2街道 before 第10街道).

Places are compared piece by piece: runs of digits (ASCII or full-width) and runs of Chinese numerals
(二、十二、一百零五) compare by their value, other text by its pinyin (菜园镇, 城关镇, 任固镇, 五陵镇, as Excel and WPS
sort Chinese), then by character. Blank places and the 合计 row sort last.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

import pandas as pd

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_PIECES = re.compile(r"[0-9０-９]+|[零〇一二两三四五六七八九十百千]+")
# Rows that close a table, whatever they are called; they stay at the end.
TRAILING = ("合计", "总计", "（未填乡镇）", "（未填）", "")


def chinese_number(text: str) -> int | None:
    """Return the value of a Chinese numeral ('十二' 12, '一百零五' 105, '二〇二五' 2025), None if it is not one.

    Args:
        text: the numeral.
    Returns:
        Its value.
    """
    if not text:
        return None
    if all(c in _DIGITS for c in text):  # digit by digit: 二〇二五
        return int("".join(str(_DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[c]
            digit = None
        else:
            return None
    return total + (digit or 0)


def natural_key(value: object) -> tuple:
    """Sort key putting 第2街道 before 第10街道 and 二组 before 十组; blanks and totals last.

    Args:
        value: a place name (any cell).
    Returns:
        A key comparable with every other key this function returns.
    """
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()
    if text in TRAILING:
        return (1, TRAILING.index(text), ())
    parts: list[tuple[int, object]] = []
    pos = 0
    for m in _PIECES.finditer(text):
        if m.start() > pos:
            parts.append((1, _Spoken(text[pos:m.start()])))
        piece = m.group()
        if piece[0] in "0123456789０１２３４５６７８９":
            number = int(piece.translate(_FULL_WIDTH))
        else:  # 第二组, 十组 count; 五陵镇, 三里村 are names (said as they are spelt)
            after = text[m.end():m.end() + 1]
            counted = text[m.start() - 1:m.start()] == "第" or after in _COUNTED or not after
            number = chinese_number(piece) if counted else None
        parts.append((0, number) if number is not None else (1, _Spoken(piece)))
        pos = m.end()
    if pos < len(text):
        parts.append((1, _Spoken(text[pos:])))
    return (0, 0, tuple(parts))


class _Spoken:
    """A piece of text ordered by (its pinyin with tones, the text). The pinyin is looked up only to order two different
    pieces: places mostly differ by number alone (第5街道, 第537社区), and loading pypinyin's phrases costs ~0.25 s."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Spoken) and self.text == other.text

    def __lt__(self, other: "_Spoken") -> bool:
        return self.text != other.text and (_reading(self.text), self.text) < (_reading(other.text), other.text)


@functools.lru_cache(maxsize=4096)
def _reading(text: str) -> str:
    """A piece of text's pinyin with tones, one reading per character."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text, style=Style.TONE3, errors="default"))


# What a Chinese numeral counts when it comes before one of these: 二组, 三队, 五社, 十二号, 一区, 六村.
_COUNTED = set("组队社号区片村屯排栋楼单")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def natural_sorted(values: Iterable[object]) -> list:
    """Return distinct values in natural order.

    Args:
        values: place names.
    Returns:
        Each distinct value once, in natural order.
    """
    return sorted(set(values), key=natural_key)


def natural_rank(column: pd.Series) -> pd.Series:
    """Return each cell's position in natural order (for ``DataFrame.sort_values(key=...)``).

    Args:
        column: place names.
    Returns:
        Integer ranks aligned with the column.
    """
    order = {v: i for i, v in enumerate(natural_sorted(column.tolist()))}
    return column.map(order)
