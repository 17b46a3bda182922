"""A read-only view of one article that the rule stages share: tokens, keys, entities, quote pairs."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import cues
from .model import Entity, EntityType, Sentence, Token
from .normalize import match_key, strip_diacritics
from .quotemarks import QUOTE_MARKS, QuotePair


@dataclass(frozen=True, slots=True)
class TokenEntity:
    """An entity as a token range ``[first, last)``."""

    first: int
    last: int
    type: EntityType
    skip: int = 0  # letters of the first token before the entity (a clitic: ل in لزاخاروفا)


@dataclass
class TextView:
    text: str
    tokens: Sequence[Token]
    sentences: Sequence[Sentence]
    pairs: Sequence[QuotePair]
    entities: Sequence[Entity] = ()
    keys: list[str] = field(init=False)
    entity_of: list[TokenEntity | None] = field(init=False)
    sentence_of: list[int] = field(init=False)
    pair_at_open: dict[int, QuotePair] = field(init=False)
    pair_at_close: dict[int, QuotePair] = field(init=False)
    person_words: frozenset[str] = field(init=False)
    surnames: frozenset[str] = field(init=False)  # last words of the article's multi-word personal names

    def __post_init__(self) -> None:
        self.keys = [_key(t.text) for t in self.tokens]
        self.entity_of = [None] * len(self.tokens)
        starts = [t.start for t in self.tokens]
        ends = [t.end for t in self.tokens]
        for e in self.entities:
            first = bisect_right(ends, e.start)
            last = bisect_left(starts, e.end)
            if first < last:
                span = TokenEntity(first, last, e.type, max(0, e.start - self.tokens[first].start))
                for i in range(first, last):
                    self.entity_of[i] = span
        self.sentence_of = [-1] * len(self.tokens)
        for s_index, s in enumerate(self.sentences):
            for i in range(s.token_start, s.token_end):
                self.sentence_of[i] = s_index
        names = [_name_keys(e.text) for e in self.entities if e.type == "PERS"]
        self.person_words = frozenset(w for words in names for w in words)
        self.surnames = frozenset(words[-1] for words in names if len(words) >= 2)
        self.pair_at_open = {p.open: p for p in self.pairs}
        self.pair_at_close = {p.close: p for p in self.pairs}

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def is_mark(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].text in QUOTE_MARKS

    def is_punct(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and not self.keys[i]

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        s = self.sentences[self.sentence_of[i]]
        return s.token_start, s.token_end

    def enclosing_pair(self, i: int) -> QuotePair | None:
        """The outermost quotation pair with token ``i`` strictly inside."""
        best = None
        for p in self.pairs:
            if p.open < i < p.close and (best is None or p.open < best.open):
                best = p
        return best

    def entity_starting(self, i: int) -> TokenEntity | None:
        e = self.entity_of[i] if 0 <= i < len(self.entity_of) else None
        return e if e is not None and e.first == i else None


def _name_keys(name: str) -> list[str]:
    """The keys of a name's words as its tokens are keyed (جان-كلود يونكر → جان، كلود، يونكر; a surname that is
    also a hamza-kept title, «عثمان الإمام», keeps its hamza)."""
    return [k for word in name.split() for k in _key(word).split()]


def _key(word: str) -> str:
    """A token's matching key; a title whose hamza tells it from a function word (إمام, not أمام) is keyed as
    written, after a clitic و/ف."""
    key = match_key(word)
    if cues.strip_conjunction(key) not in cues.hamza_title_keys() and key not in cues.hamza_title_keys():
        return key  # the common case: no word that normalizes like such a title
    bare = strip_diacritics(word)
    clitic = bare[:1] if bare[:1] in ("و", "ف") and len(bare) > 1 else ""
    if bare[len(clitic):] in cues.hamza_titles():
        return clitic + bare[len(clitic):]
    return key
