"""Word tokens with character offsets, from camel-tools' ``simple_word_tokenize``."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .model import Token


def _camel_tokenize(text: str) -> list[str]:
    from camel_tools.tokenizers.word import simple_word_tokenize

    return simple_word_tokenize(text)


def tokenize(text: str, *, offset: int = 0) -> tuple[Token, ...]:
    """Tokenize ``text`` and recover each token's offsets by scanning forward.

    Args:
        text: the raw text.
        offset: added to every offset (to tokenize a slice of a larger text).

    Returns:
        Tokens in order, not overlapping, with ``text[t.start - offset:t.end - offset] == t.text``.
    """
    tokens: list[Token] = []
    cursor = 0
    for word in _camel_tokenize(text):
        found = text.find(word, cursor)
        if found < 0:  # the tokenizer changed the text (it should not); skip rather than lie
            continue
        cursor = found + len(word)
        if _hashtag_mark(text, found, cursor):
            continue
        if word[0] in _FORMAT_MARKS or word[-1] in _FORMAT_MARKS:
            found, cursor = _without_format_marks(text, found, cursor)
            if found == cursor:
                continue
            word = text[found:cursor]
        tokens.append(Token(offset + found, offset + cursor, word, len(tokens)))
    return tuple(tokens)


def _without_format_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the invisible format characters at its edges (the right-to-left and
    left-to-right marks, a byte-order mark) that web text leaves on words: «عبدالعزيز\u200f» is
    عبدالعزيز. A span of nothing else becomes empty."""
    while start < end and text[start] in _FORMAT_MARKS:
        start += 1
    while end > start and text[end - 1] in _FORMAT_MARKS:
        end -= 1
    return start, end


# The invisible format characters (Unicode category Cf) of the Basic Multilingual Plane; a set lookup
# per token edge, as every token is checked
_FORMAT_MARKS = frozenset(chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf")


def _hashtag_mark(text: str, start: int, end: int) -> bool:
    """# before a word and _ between words (رئيس #بوينغ، #توظيف_السعوديين) only mark a hashtag: dropping
    them leaves the words to be read as words."""
    mark = text[start:end]
    word_after = end < len(text) and text[end].isalnum()
    if mark == "#":
        return word_after
    return mark == "_" and word_after and start > 0 and text[start - 1].isalnum()


def name_hyphen(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a hyphen written without spaces between a word and the word it joins to it
    (سي-يون، جان-كلود), as inside a name; a score (6-0) is no such pair."""
    return 0 < i < len(tokens) - 1 and tokens[i].text in "-‐" and tokens[i].start == tokens[i - 1].end \
        and tokens[i + 1].start == tokens[i].end and tokens[i + 1].text[:1].isalpha()


def reindex(tokens: Sequence[Token]) -> tuple[Token, ...]:
    return tuple(Token(t.start, t.end, t.text, i) for i, t in enumerate(tokens))
