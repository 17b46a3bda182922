"""JSON-safe records of an Analysis (what ``--format jsonl`` prints), and flat rows for CSV."""

from __future__ import annotations

from typing import Any

from .model import Analysis, Entity, Quote, Speaker


def speaker_record(speaker: Speaker | None, quote: Quote | None = None) -> dict[str, Any] | None:
    if speaker is None:
        return None
    mention = quote.mention if quote is not None else None
    return {
        "text": mention.text if mention is not None else speaker.name,
        "canonical": speaker.name,
        "type": speaker.type,
        "latin": speaker.latin or None,
        "id": speaker.id or None,
        "forms": list(speaker.forms),
        "start": mention.start if mention is not None else None,
        "end": mention.end if mention is not None else None,
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    cue = quote.cue
    return {
        "text": quote.content.text,
        "start": quote.content.start,
        "end": quote.content.end,
        "kind": quote.kind,
        "cue": cue.text if cue is not None else None,
        "cue_lemma": cue.lemma if cue is not None else None,
        "cue_start": cue.start if cue is not None else None,
        "cue_end": cue.end if cue is not None else None,
        "speaker": speaker_record(quote.speaker, quote),
        "rule": quote.rule,
        "confidence": quote.confidence,
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    """An entity by its name; ``start``/``end`` locate it as written, and ``written`` gives that form
    when it is not the name (للأمم المتحدة, whose name is الأمم المتحدة)."""
    record: dict[str, Any] = {"text": entity.name, "type": entity.type, "start": entity.start, "end": entity.end}
    if entity.name != entity.text:
        record["written"] = entity.text
    return record


def to_record(analysis: Analysis, *, include_text: bool = False) -> dict[str, Any]:
    """One article's result as the JSON object the CLI prints (and ``score.py`` reads)."""
    article = analysis.article
    record: dict[str, Any] = {"source": article.id}
    record.update(dict(article.meta))
    record["quotes"] = [quote_record(q) for q in analysis.quotes]
    record["entities"] = [entity_record(e) for e in analysis.entities]
    record["speakers"] = [
        {"name": s.name, "type": s.type, "latin": s.latin or None, "id": s.id or None, "forms": list(s.forms)}
        for s in analysis.speakers
    ]
    if include_text:
        record["text"] = article.text
    return record


QUOTE_COLUMNS = ("source", "speaker", "canonical", "speaker_type", "cue", "kind", "text", "start", "end", "rule",
                 "confidence")


def quote_rows(analysis: Analysis) -> list[list[Any]]:
    """One CSV row per quote, the article first."""
    rows = []
    for q in analysis.quotes:
        sp = speaker_record(q.speaker, q)
        rows.append([
            analysis.article.id,
            sp["text"] if sp else "",
            sp["canonical"] if sp else "",
            sp["type"] if sp else "",
            q.cue.text if q.cue else "",
            q.kind,
            q.content.text,
            q.content.start,
            q.content.end,
            q.rule,
            q.confidence,
        ])
    return rows
