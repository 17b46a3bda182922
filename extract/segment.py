"""Paragraphs and sentences as spans of the raw text, and the article body's end.

Sentences never split inside a pair of quotation marks, and paragraphs that repeat an earlier
paragraph (an article that repeats its lead) are reported so later stages can skip them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .cues import boilerplate_lines
from .model import Sentence, Token
from .normalize import is_arabic_letter, match_key

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
SENTENCE_END = frozenset({".", "!", "?", "؟", "…", "!!"})


def body_end(text: str) -> int:
    """Where the article body ends: at the first line that is page furniture (مقالات ذات صلة …)."""
    markers = boilerplate_lines()
    for m in _LINE.finditer(text):
        if match_key(m.group()) in markers:
            return m.start()
    return len(text)


def paragraphs(text: str, *, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)`` spans with surrounding white space trimmed."""
    limit = len(text) if end is None else end
    spans = []
    for m in _LINE.finditer(text, 0, limit):
        raw = m.group()
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        spans.append((m.start() + lead, m.end() - trail))
    return spans


def repeated_paragraphs(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of paragraphs whose words repeat an earlier paragraph exactly (punctuation aside)."""
    seen: set[str] = set()
    repeated = set()
    for i, (start, end) in enumerate(spans):
        key = match_key(text[start:end])
        if key in seen and len(key.split()) >= 4:
            repeated.add(i)
        seen.add(key)
    return repeated


def split_sentences(
    text: str,
    tokens: Sequence[Token],
    paragraph_spans: Sequence[tuple[int, int]],
    protected: Sequence[tuple[int, int]] = (),
) -> tuple[Sentence, ...]:
    """Sentences inside each paragraph, ending after . ! ? ؟ unless inside a protected span.

    Args:
        text: the raw article text.
        tokens: the article's tokens, in order.
        paragraph_spans: from :func:`paragraphs`.
        protected: character spans (quotations) that a sentence boundary may not fall inside.
    """
    starts = [t.start for t in tokens]
    guarded = sorted(protected)

    def inside_protected(pos: int) -> bool:
        return any(a < pos < b for a, b in guarded)

    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraph_spans):
        first = bisect_left(starts, p_start)
        last = bisect_left(starts, p_end)
        s_first = first
        i = first
        while i < last:
            if tokens[i].text in SENTENCE_END:
                j = i
                while j + 1 < last and tokens[j + 1].text in SENTENCE_END:
                    j += 1
                # «بي.بي.سي»، «3.5»: a period with no space after it ends no sentence
                if j + 1 < last and _spaced_after(text, tokens, j) and not inside_protected(tokens[j].end):
                    sentences.append(_sentence(text, tokens, s_first, j + 1, p_index))
                    s_first = j + 1
                i = j + 1
                continue
            i += 1
        if s_first < last:
            sentences.append(_sentence(text, tokens, s_first, last, p_index))
    return tuple(sentences)


def _spaced_after(text: str, tokens: Sequence[Token], j: int) -> bool:
    """«بي.بي.سي»، «3.5»: a period with no space after it ends no sentence; nor does the period of a
    one-letter abbreviation (د. محمد، م. خالد، أ.د. سعيد: doctor, engineer, professor)."""
    end = tokens[j].end
    if is_abbreviation_period(tokens, j):
        return False
    return end >= len(text) or text[end].isspace() or tokens[j + 1].text in "\"'«»“”"


def is_abbreviation_period(tokens: Sequence[Token], j: int) -> bool:
    """A period glued to a one-letter Arabic word before it (د. أ. م.): an abbreviated title."""
    return tokens[j].text == "." and j > 0 and is_arabic_letter(tokens[j - 1].text) \
        and tokens[j - 1].end == tokens[j].start


def _sentence(text: str, tokens: Sequence[Token], first: int, last: int, paragraph: int) -> Sentence:
    start, end = tokens[first].start, tokens[last - 1].end
    return Sentence(start, end, text[start:end], paragraph, first, last)
