"""The interface every NER backend implements, and the text-level plumbing the sentence taggers share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..model import Entity, Token
from .bio import tags_to_entities
from .features import text_sentence_ranges


class NerBackend(Protocol):
    """Tags the tokens of one text and returns entity spans into that text."""

    name: str

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]: ...


class SentenceTagger:
    """A backend built on ``tag_sentences`` (BIO tags for lists of token strings): tags a text
    sentence by sentence (split at . ! ? ؟ and newlines) and turns the tags into entities."""

    name: str

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        raise NotImplementedError

    def clear_caches(self) -> None:
        """Forget whatever per-word results the tagger keeps (for fair timing)."""

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """BIO tags for one sentence of token strings."""
        return self.tag_sentences([words])[0] if words else []

    def tag(self, text: str, tokens: Sequence[Token]) -> list[str]:
        """BIO tags for a whole text, one per token."""
        words = [t.text for t in tokens]
        tags: list[str] = []
        for sentence_tags in self.tag_sentences([words[a:b] for a, b in text_sentence_ranges(text, tokens)]):
            tags.extend(sentence_tags)
        return tags

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        if not tokens:
            return ()
        return tags_to_entities(text, tokens, self.tag(text, tokens), self.name)

