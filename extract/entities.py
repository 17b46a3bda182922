"""The entity stage after tagging: names cut free of their proclitics, and one name, one type per text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from . import cues
from .model import Entity, Token
from .normalize import match_key

_PROCLITICS = ("وب", "ول", "وك", "و", "ب", "ل", "ك", "ف")


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
        if len(words) >= 2 or not words[0].startswith("ال") or len(words[0]) >= 4:  # not الي (إلى)
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


__all__ = ["clean_entities", "propagate_entities"]
