"""The public entry point: article text in, quotes with speakers and entities out."""

from __future__ import annotations

from bisect import bisect_left

from .attribute import Attributed, attribute
from .entities import (
    clean_entities,
    complete_names,
    mark_outlets,
    name_entities,
    propagate_entities,
    speaker_organisations,
)
from .model import Analysis, Article, Cue, Quote, Span
from .ner.base import NerBackend
from .quotemarks import QuotePair, pair_quotes
from .quotes import find_statements, reportable
from .segment import body_end, paragraphs, repeated_paragraphs, split_sentences
from .speakers import mention_span, resolve_speakers
from .tokenize import tokenize
from .view import TextView


def analyze(
    article: Article | str, *, ner: NerBackend | None = None, keep_unattributed: bool = False
) -> Analysis:
    """Find the statements, their speakers and the named entities of one article.

    Args:
        article: an Article, or raw text (its id is then empty).
        ner: the NER backend; the default one (``extract.ner.DEFAULT_BACKEND``) when None.
        keep_unattributed: also return statements whose speaker could not be found (speaker None);
            by default they are left out, since "who said what" without a who is rarely wanted.

    Returns:
        The Analysis; every span in it satisfies ``article.text[start:end] == text``.
    """
    if isinstance(article, str):
        article = Article("", article)
    if ner is None:
        from .ner import get_backend

        ner = get_backend()
    text = article.text
    end = body_end(text)
    tokens = tokenize(text[:end])
    para_spans = paragraphs(text, end=end)
    starts = [t.start for t in tokens]
    pairs: list[QuotePair] = []
    for p_start, p_end in para_spans:
        pairs.extend(pair_quotes(text, tokens, bisect_left(starts, p_start), bisect_left(starts, p_end)))
    protected = [(tokens[p.open].start, tokens[p.close].end) for p in pairs]
    sentences = split_sentences(text, tokens, para_spans, protected)
    if tokens:
        tagged = mark_outlets(text, tokens, clean_entities(text, tokens, ner(text, tokens)))
        entities = name_entities(propagate_entities(text, tokens, complete_names(text, tokens, tagged)))
    else:
        entities = ()
    view = TextView(text, tokens, sentences, pairs, entities)

    drafts = find_statements(view, repeated_paragraphs(text, para_spans))
    attributed = [a for a in attribute(view, drafts) if reportable(view, a.draft)]
    resolved, speakers = resolve_speakers(view, attributed, entities)
    entities = speaker_organisations(text, tokens, entities, _organisation_names(attributed))
    quotes = []
    for item, speaker in zip(attributed, resolved):
        if speaker is None and not keep_unattributed:
            continue
        d = item.draft
        first, last = d.content
        content = _span(text, tokens[first].start, tokens[last - 1].end)
        cue = None
        if d.cue_span is not None:
            c0, c1 = d.cue_span
            cue = Cue(
                tokens[c0].start, tokens[c1 - 1].end, text[tokens[c0].start : tokens[c1 - 1].end],
                d.cue_lemma, d.cue_kind, d.gender,  # type: ignore[arg-type]
            )
        mention = mention_span(view, d.mention) if d.mention is not None else None
        confidence = d.confidence if speaker is not None else round(d.confidence * 0.5, 2)
        quotes.append(Quote(content, d.kind, cue, mention, speaker, d.rule, confidence))
    return Analysis(article, sentences, tokens, entities, tuple(quotes), tuple(speakers))


def _organisation_names(attributed: list[Attributed]) -> list[tuple[int, int, int]]:
    """The organisations named as speakers: token ranges of their names and the letters of a و/ف to cut
    (not a group such as فصائل المعارضة)."""
    names = []
    for a in attributed:
        m = a.draft.mention
        if m is not None and m.type == "ORG" and m.name is not None and m.gender != "pl":
            names.append((*m.name, m.skip if m.name[0] == m.first else 0))
    return names


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


__all__ = ["analyze", "clean_entities", "propagate_entities"]
