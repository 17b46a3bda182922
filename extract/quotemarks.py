"""Pairing quotation marks inside a paragraph: « », “ ” in either direction, " and ' by position.

Unbalanced or stray marks are left unpaired; they never make an article fail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Token

_GUILLEMET_OPEN = "«"
_GUILLEMET_CLOSE = "»"
# Marks that pair by order, per family: RTL copy turns “…” into ”…“ or ”…”, so the glyph's
# nominal direction is not trusted.
_FAMILIES: dict[str, str] = {
    "“": "curly", "”": "curly", "„": "curly", "‟": "curly", "″": "curly",
    '"': "straight",
    "'": "single", "‘": "single", "’": "single",
}
QUOTE_MARKS = frozenset(_FAMILIES) | {_GUILLEMET_OPEN, _GUILLEMET_CLOSE}


@dataclass(frozen=True, slots=True)
class QuotePair:
    """Token indices of an opening and a closing mark."""

    open: int
    close: int

    def contains(self, index: int) -> bool:
        return self.open < index < self.close


def _can_open(text: str, tokens: Sequence[Token], i: int) -> bool:
    after = text[tokens[i].end : tokens[i].end + 1]
    return bool(after) and not after.isspace()


def _can_close(text: str, tokens: Sequence[Token], i: int) -> bool:
    start = tokens[i].start
    before = text[start - 1 : start] if start else ""
    return bool(before) and not before.isspace()


def _pair_by_order(text: str, tokens: Sequence[Token], marks: list[int]) -> list[QuotePair]:
    pairs: list[QuotePair] = []
    pending: int | None = None
    for i in marks:
        opens, closes = _can_open(text, tokens, i), _can_close(text, tokens, i)
        if pending is not None and (closes or not opens):
            if i > pending + 1:
                pairs.append(QuotePair(pending, i))
            pending = None
        elif opens:
            pending = i
    return pairs


def _pair_guillemets(tokens: Sequence[Token], marks: list[int]) -> list[QuotePair]:
    texts = [tokens[i].text for i in marks]
    opener, closer = _GUILLEMET_OPEN, _GUILLEMET_CLOSE
    if texts and texts[0] == _GUILLEMET_CLOSE and texts.count(_GUILLEMET_CLOSE) >= texts.count(_GUILLEMET_OPEN):
        opener, closer = closer, opener  # reversed »…« typed as seen on screen
    stack: list[int] = []
    pairs = []
    for i in marks:
        if tokens[i].text == opener:
            stack.append(i)
        elif tokens[i].text == closer and stack:
            start = stack.pop()
            if i > start + 1:
                pairs.append(QuotePair(start, i))
    return pairs


def pair_quotes(text: str, tokens: Sequence[Token], first: int, last: int) -> list[QuotePair]:
    """Quotation-mark pairs among ``tokens[first:last]`` (one paragraph), outermost kept on crossings.

    Returns:
        Pairs sorted by opening index; nested pairs are kept, crossing pairs are dropped.
    """
    guillemets: list[int] = []
    families: dict[str, list[int]] = {}
    for i in range(first, last):
        mark = tokens[i].text
        if mark in (_GUILLEMET_OPEN, _GUILLEMET_CLOSE):
            guillemets.append(i)
        elif mark in _FAMILIES:
            if _FAMILIES[mark] == "single" and not _single_is_mark(text, tokens, i):
                continue
            families.setdefault(_FAMILIES[mark], []).append(i)
    pairs = _pair_guillemets(tokens, guillemets)
    for marks in families.values():
        pairs.extend(_pair_by_order(text, tokens, marks))
    pairs.sort(key=lambda p: (p.open, -p.close))
    kept: list[QuotePair] = []
    for pair in pairs:
        if any(k.open < pair.open < k.close < pair.close or pair.open < k.open < pair.close < k.close for k in kept):
            continue
        kept.append(pair)
    return kept


def _single_is_mark(text: str, tokens: Sequence[Token], i: int) -> bool:
    """An apostrophe between two letters (Latin names: O'Brien) is not a quotation mark."""
    start, end = tokens[i].start, tokens[i].end
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalpha() and after.isalpha() and before.isascii() and after.isascii())
