"""BIO tag sequences to entity spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from ..model import ENTITY_TYPES, Entity, EntityType, Token

_TYPE_ALIASES: dict[str, EntityType] = {"PER": "PERS", "PERSON": "PERS", "GPE": "LOC", "LOCATION": "LOC",
                                        "ORGANIZATION": "ORG"}


def entity_type(label: str) -> EntityType | None:
    label = label.upper()
    label = _TYPE_ALIASES.get(label, label)  # type: ignore[assignment]
    return label if label in ENTITY_TYPES else None  # type: ignore[return-value]


def bio_spans(tags: Iterable[str]) -> list[tuple[int, int, EntityType]]:
    """Token ranges ``(first, last_exclusive, type)`` of a BIO sequence.

    A stray ``I-`` (after ``O`` or after another type) starts an entity, as conlleval and
    seqeval's default mode do.
    """
    spans: list[tuple[int, int, EntityType]] = []
    start: int | None = None
    current: EntityType | None = None
    i = -1
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        kind = entity_type(label) if label else None
        if prefix in ("B", "I") and kind is not None:
            if prefix == "B" or current != kind:
                if current is not None and start is not None:
                    spans.append((start, i, current))
                start, current = i, kind
            continue
        if current is not None and start is not None:
            spans.append((start, i, current))
        start, current = None, None
    if current is not None and start is not None:
        spans.append((start, i + 1, current))
    return spans


def tags_to_entities(text: str, tokens: Sequence[Token], tags: Sequence[str], backend: str) -> tuple[Entity, ...]:
    """Entities with character offsets into ``text`` from one BIO tag per token."""
    entities = []
    for first, last, kind in bio_spans(tags):
        start, end = tokens[first].start, tokens[last - 1].end
        entities.append(Entity(start, end, text[start:end], kind, backend))
    return tuple(entities)


def whole_token_tags(tokens: Sequence[Token], entities: Sequence[Entity]) -> list[str]:
    """BIO tags over whole tokens; an entity covers every token it overlaps, and the first one wins."""
    tags = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for ent in entities:
        first = bisect_right(starts, ent.start) - 1
        last = bisect_left(starts, ent.end) - 1
        if first < 0 or last < first or any(tag != "O" for tag in tags[first:last + 1]):
            continue
        tags[first] = f"B-{ent.type}"
        for k in range(first + 1, last + 1):
            tags[k] = f"I-{ent.type}"
    return tags
