"""Word tokens with character offsets, from camel-tools' ``simple_word_tokenize``."""

from __future__ import annotations

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
        tokens.append(Token(offset + found, offset + cursor, word, len(tokens)))
    return tuple(tokens)


def _hashtag_mark(text: str, start: int, end: int) -> bool:
    """# before a word and _ between words (رئيس #بوينغ، #توظيف_السعوديين) only mark a hashtag: dropping
    them leaves the words to be read as words."""
    mark = text[start:end]
    word_after = end < len(text) and text[end].isalnum()
    if mark == "#":
        return word_after
    return mark == "_" and word_after and start > 0 and text[start - 1].isalnum()


def reindex(tokens: Sequence[Token]) -> tuple[Token, ...]:
    return tuple(Token(t.start, t.end, t.text, i) for i, t in enumerate(tokens))
