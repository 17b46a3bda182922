"""The data model: frozen records whose spans are character offsets into the raw article text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PERS", "LOC", "ORG", "MISC"]
SpeakerType = Literal["PERS", "ORG", "UNNAMED"]
QuoteKind = Literal["direct", "indirect"]
CueKind = Literal["verb", "participle", "nominal", "relay", "colon"]
Gender = Literal["m", "f", "pl", "any"]

ENTITY_TYPES: tuple[EntityType, ...] = ("PERS", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the raw text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. ``id`` is what the output calls ``source`` (the path as given)."""

    id: str
    text: str
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    index: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    # Indices into Analysis.tokens: tokens[token_start:token_end] lie in this sentence.
    token_start: int = 0
    token_end: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity as written (``text``, with its offsets) and by ``name``: the same words, except
    that a preposition ل merged with the article (للأمم المتحدة) gives the article back (الأمم المتحدة)."""

    start: int
    end: int
    text: str
    type: EntityType
    backend: str = ""
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.text)


@dataclass(frozen=True, slots=True)
class Cue:
    """The speech verb or attribution word that introduces a statement."""

    start: int
    end: int
    text: str
    lemma: str
    kind: CueKind
    gender: Gender = "any"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved source: its fullest name in the article, every form seen, and its type."""

    name: str
    type: SpeakerType
    forms: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    latin: str = ""
    id: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    content: Span
    kind: QuoteKind
    cue: Cue | None
    mention: Span | None
    speaker: Speaker | None
    rule: str
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = field(default=())
