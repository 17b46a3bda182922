"""The public entry point: article text in, quotes with speakers and entities out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from . import cues
from .attribute import attribute
from .model import Analysis, Article, Cue, Entity, Quote, Span, Token
from .ner.base import NerBackend
from .normalize import match_key
from .quotemarks import QuotePair, pair_quotes
from .quotes import find_statements
from .segment import body_end, paragraphs, repeated_paragraphs, split_sentences
from .speakers import mention_span, resolve_speakers
from .tokenize import tokenize
from .view import TextView

_PROCLITICS = ("وب", "ول", "وك", "و", "ب", "ل", "ك", "ف")


def analyze(
    article: Article | str, *, ner: NerBackend | None = None, keep_unattributed: bool = False
) -> Analysis:
    """Find the statements, their speakers and the named entities of one article.

    Args:
        article: an Article, or raw text (its id is then empty).
        ner: the NER backend; the built-in one when None.
        keep_unattributed: also return statements whose speaker could not be found (speaker None);
            by default they are left out, since "who said what" without a who is rarely wanted.

    Returns:
        The Analysis; every span in it satisfies ``article.text[start:end] == text``.
    """
    if isinstance(article, str):
        article = Article("", article)
    if ner is None:
        from .ner import get_backend

        ner = get_backend("builtin")
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
    entities = propagate_entities(text, tokens, clean_entities(text, tokens, ner(text, tokens))) if tokens else ()
    view = TextView(text, tokens, sentences, pairs, entities)

    drafts = find_statements(view, repeated_paragraphs(text, para_spans))
    attributed = attribute(view, drafts)
    resolved, speakers = resolve_speakers(view, attributed, entities)
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


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def clean_entities(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Drop nationality adjectives and cut proclitics off names (بحلب → حلب، وأمريكا → أمريكا).

    Taggers label whole tokens, as their training corpora do; a name's proclitic is cut when the bare
    word appears on its own elsewhere in the article, is itself tagged, or is a corpus word at least as
    common as the whole token (so لافروف، كيري and لبنان keep their first letter).
    """
    from .ner.features import proclitic_length, shipped_lexicon

    lexicon = shipped_lexicon()
    nationalities = cues.nationalities()
    standalone = {match_key(t.text) for t in tokens}
    tagged = {match_key(e.text.split()[0]) for e in entities if e.text.split()}
    out: list[Entity] = []
    for e in entities:
        key = match_key(e.text)
        if key in nationalities and (key.startswith("ال") or e.type != "LOC"):
            continue  # الروسي، الأميركية; but «سورية» tagged as a place is the country
        words = e.text.split()
        cut = proclitic_length(words[0], lexicon, person=e.type == "PERS") if words else 0
        if not cut and words:
            first_key = match_key(words[0])
            for clitic in _PROCLITICS:
                bare = first_key[len(clitic) :]
                if first_key.startswith(clitic) and len(bare) >= 3 and (bare in standalone or bare in tagged):
                    cut = len(clitic)
                    break
        if cut:
            e = Entity(e.start + cut, e.end, text[e.start + cut : e.end], e.type, e.backend)
        if e.text.strip():
            out.append(e)
    return tuple(out)


_NAME_PARTICLES = frozenset("دي دو فون فان ابو ابن بن عبد ال".split())
_CLITIC_PREFIXES = ("وب", "ول", "و", "ب", "ل", "ف", "ك")


def propagate_entities(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """One name, one tag per article: other occurrences of a tagged name (and a person's surname
    alone, «لافروف» after «سيرجي لافروف») get the same type, clitics (ولافروف) cut off."""
    keys = [match_key(t.text) for t in tokens]
    starts = [t.start for t in tokens]
    covered = [False] * len(tokens)
    for e in entities:
        for i in range(max(0, bisect_right(starts, e.start) - 1), bisect_left(starts, e.end)):  # a cut clitic too
            covered[i] = True
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    for e in entities:
        words = tuple(match_key(e.text).split())
        if not words:
            continue
        if len(words) >= 2 or not words[0].startswith("ال"):
            votes.setdefault(words, {}).setdefault(e.type, 0)
            votes[words][e.type] += 1
        if e.type == "PERS" and len(words) >= 2:
            surname = words[-2:] if words[-2] in _NAME_PARTICLES else words[-1:]
            if len(surname[-1]) >= 3:
                votes.setdefault(surname, {}).setdefault("PERS", 0)
                votes[surname]["PERS"] += 1
    table = {w: max(t, key=t.get) for w, t in votes.items()}  # type: ignore[arg-type]
    lengths = sorted({len(w) for w in table}, reverse=True)
    firsts = {w[0] for w in table}
    added: list[Entity] = []
    i = 0
    while i < len(tokens):
        first = keys[i]
        if covered[i] or (first not in firsts and first[1:] not in firsts and first[2:] not in firsts):
            i += 1  # most tokens start no name: skip them fast
            continue
        cuts = [len(c) for c in _CLITIC_PREFIXES if first.startswith(c) and first[len(c) :] in firsts]
        hit = None
        for n in lengths:
            if i + n > len(tokens) or any(covered[i : i + n]):
                continue
            rest = tuple(keys[i + 1 : i + n])
            if (first,) + rest in table:
                hit = (n, 0)
                break
            cut = next((c for c in cuts if (first[c:],) + rest in table), None)
            if cut is not None:
                hit = (n, cut)
                break
        if hit is None:
            i += 1
            continue
        n, cut = hit
        start, end = tokens[i].start + cut, tokens[i + n - 1].end
        words = tuple(match_key(text[start:end]).split())
        added.append(Entity(start, end, text[start:end], table[words], "propagated"))  # type: ignore[arg-type]
        i += n
    return tuple(sorted(entities + tuple(added), key=lambda e: e.start))


__all__ = ["analyze", "clean_entities", "propagate_entities"]
