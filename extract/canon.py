"""Speakers across a run of articles: one id and one canonical name per person or organization.

The Arabic press spells one foreigner many ways (سيرجي/سيرغي لافروف، ستافان/ستيفان/ستفيان دي ميستورا)
and often cites the surname alone. :class:`SpeakerIndex` clusters the speakers of a stream of
analyses: names are compared word by word from the surname back, each word by its normalized key,
its consonant skeleton (foreign letters folded) and edit distance; two different first names mean
two people. A surname seen alone joins the only person known by that surname, and stays apart when
two are. Unnamed and title-only sources («مسؤول أميركي»، «رئيس المجلس المحلي») are never merged
across articles: nothing says they are the same person, but they still get ids.

Ids are handed out as speakers arrive and never change during a run. The name given to a
speaker in :meth:`SpeakerIndex.add` is the canonical name *at that time*; a later article may
reveal a fuller or more frequent spelling, which :meth:`SpeakerIndex.speakers` (the final table)
reflects.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from . import cues
from .model import Analysis, Quote, Speaker, SpeakerType
from .names import clitic_bases, glue_particles, same_name_word, skeleton, unparticle
from .normalize import has_arabic, match_key
from .romanize import (
    arabic_key,
    arabic_name_words,
    keys_match,
    latin_key,
    latin_name,
    latin_name_words,
    latin_words,
    table,
)

_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")


@cache
def _descriptors() -> frozenset[str]:
    words: set[str] = set(cues.name_descriptors())
    for lexicon in (cues.titles(), cues.organizations(), cues.unnamed_heads(), cues.nationalities(),
                    cues.media_nouns()):
        for key in lexicon:
            words.add(key)
            words.add(key[2:] if key.startswith("ال") else "ال" + key)
    return frozenset(words) | table().places


def _is_descriptor(key: str) -> bool:
    if key in _descriptors():
        return True
    return any(base in _descriptors() for base in clitic_bases(key))  # لسورية، للأمم


def clean_name(text: str, type: SpeakerType = "PERS") -> str:
    """A speaker name without leading titles, places and punctuation: the words that name the source.

    «لسورية ستافان دي ميستورا» → «ستافان دي ميستورا»; a title-only name gives "".
    """
    words = [w for w in (_EDGE_PUNCT.sub("", w) for w in text.split()) if w]
    if type == "ORG":
        while words and match_key(words[0]) in {"هذه", "هذا", "تلك", "ذلك"}:
            words = words[1:]
        return " ".join(words)
    while words and _is_descriptor(match_key(words[0])):
        words = words[1:]
    return " ".join(words)


def _title_only(sp: Speaker) -> bool:
    """A person known only by a title chain («رئيس المجلس المحلي»): the name is a whole mention that opens
    with a title. When the article names the person, the name is the name part of a mention instead."""
    if sp.type != "PERS" or not sp.name.split():
        return False
    first = match_key(_EDGE_PUNCT.sub("", sp.name.split()[0]))
    return _is_descriptor(first) and any(m.text == sp.name for m in sp.mentions)


def _keys(text: str) -> tuple[str, ...]:
    return glue_particles(match_key(text).split())


def _tail_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Aligned from the surname back, every word present in both is one spelling of the same word."""
    if not a or not b:
        return False
    return all(same_name_word(x, y) for x, y in zip(reversed(a), reversed(b)))


def _org_word(a: str, b: str) -> bool:
    """Organization words are Arabic words, not transliterations: only spelling variants of one key
    (الأمريكية/الأميركية) count, so that وزير is not وزارة."""
    if a == b:
        return True
    sa = skeleton(a)
    return len(sa) >= 4 and sa == skeleton(b)


def _suffix_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Organizations: the shorter name (two words or more, or both one word) ends the longer one."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short or (len(short) == 1 and len(long_) > 1):
        return False
    return all(_org_word(x, y) for x, y in zip(reversed(short), reversed(long_)))


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One quote of a canonical speaker, as the ``speakers`` command lists it."""

    text: str
    source: str
    cue: str | None
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    """A row of the final speaker table."""

    id: str
    name: str
    type: SpeakerType
    latin: str
    spellings: tuple[str, ...]  # the name as written, most frequent first
    forms: tuple[str, ...]  # every mention seen (titles included)
    quotes: int
    articles: tuple[str, ...]
    quote_refs: tuple[QuoteRef, ...] = ()


@dataclass
class _Cluster:
    id: str
    type: SpeakerType
    named: bool
    order: int
    names: list[tuple[str, ...]] = field(default_factory=list)  # distinct glued keys
    spellings: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, int] = field(default_factory=dict)
    forms: dict[str, None] = field(default_factory=dict)
    quotes: int = 0
    articles: dict[str, None] = field(default_factory=dict)
    refs: list[QuoteRef] = field(default_factory=list)
    ambiguous: bool = False  # a surname shared by two known people
    # the canonical spelling, kept up to date as spellings come in (only the one just added can overtake
    # it, since counts only grow), and the latin form of the last canonical name asked for
    _best: str = ""
    _latin: tuple[str, str] = ("", "")

    @property
    def full(self) -> bool:
        return any(len(n) >= 2 for n in self.names)

    def surname(self) -> str:
        return self.names[0][-1] if self.names else ""

    def add_spelling(self, text: str, count: int) -> tuple[str, ...] | None:
        """Count a spelling; returns its keys when they are a name the cluster did not have yet."""
        keys = _keys(text)
        new = bool(keys) and keys not in self.names
        if new:
            self.names.append(keys)
        self.first_seen.setdefault(text, len(self.first_seen))
        self.spellings[text] += count
        if not self._best or self._rank(text) > self._rank(self._best):
            self._best = text
        return keys if new else None

    def _rank(self, spelling: str) -> tuple[int, int, int]:
        return len(_keys(spelling)), self.spellings[spelling], -self.first_seen[spelling]

    def canonical(self) -> str:
        """The fullest spelling, then the most frequent, then the first seen."""
        return self._best or next(iter(self.forms), "")

    def latin(self) -> str:
        if not self.named or self.type == "UNNAMED":
            return ""
        name = self.canonical()
        if self._latin[0] != name:
            self._latin = (name, latin_name(name, self.type))
        return self._latin[1]


class SpeakerIndex:
    """Canonical speakers over a run: feed analyses with :meth:`add`, read the table with :meth:`speakers`.

    Example::

        index = SpeakerIndex()
        for article in articles:
            print(to_record(index.add(analyze(article))))
        for row in index.speakers():
            print(row.name, row.latin, row.quotes)
    """

    def __init__(self, *, keep_quotes: bool = True) -> None:
        """``keep_quotes=False`` is for streaming runs that never ask for the table: quotes and unnamed
        sources are not kept, only what later articles may match."""
        self._clusters: list[_Cluster] = []
        self._keep_quotes = keep_quotes
        # last name word -> clusters that may match it: a run of thousands of speakers compares each new
        # mention with a handful of candidates, not with everyone seen so far
        self._blocks: dict[str, set[int]] = {}
        self._count = 0

    def add(self, analysis: Analysis) -> Analysis:
        """Place the analysis' speakers and return it with speakers carrying id, canonical name and latin."""
        source = analysis.article.id
        placed: dict[int, tuple[Speaker, _Cluster]] = {}
        originals = list(analysis.speakers) + [q.speaker for q in analysis.quotes if q.speaker is not None]
        for sp in originals:
            if id(sp) not in placed:
                placed[id(sp)] = (sp, self._place(sp, source))
        for q in analysis.quotes:
            if q.speaker is None:
                continue
            c = placed[id(q.speaker)][1]
            c.quotes += 1
            if self._keep_quotes:
                c.refs.append(QuoteRef(q.content.text, source, q.cue.text if q.cue else None, q.kind,
                                       q.content.start, q.content.end))
        renamed = {key: self._renamed(sp, c) for key, (sp, c) in placed.items()}
        quotes = tuple(
            q if q.speaker is None else replace(q, speaker=renamed[id(q.speaker)]) for q in analysis.quotes
        )
        speakers = tuple(renamed[id(sp)] for sp in analysis.speakers)
        return replace(analysis, quotes=quotes, speakers=speakers)

    def speakers(self) -> list[SpeakerEntry]:
        """The final table, most quoted first; names are the final cluster state."""
        rows = sorted(self._clusters, key=lambda c: (-c.quotes, -len(c.articles), c.order))
        return [
            SpeakerEntry(
                id=c.id, name=c.canonical(), type=c.type, latin=c.latin(),
                spellings=tuple(sorted(c.spellings, key=lambda s: (-c.spellings[s], c.first_seen[s]))),
                forms=tuple(c.forms), quotes=c.quotes, articles=tuple(c.articles), quote_refs=tuple(c.refs),
            )
            for c in rows
        ]

    # -- placement ---------------------------------------------------------------------------------------

    def _renamed(self, sp: Speaker, c: _Cluster) -> Speaker:
        name = c.canonical() if c.named else sp.name
        forms = sp.forms if name == sp.name or sp.name in sp.forms else (*sp.forms, sp.name)
        return replace(sp, id=c.id, name=name, latin=c.latin(), forms=tuple(forms))

    def _new(self, type: SpeakerType, named: bool) -> _Cluster:
        self._count += 1
        c = _Cluster(id=f"S{self._count}", type=type, named=named, order=len(self._clusters))
        if named or self._keep_quotes:
            # an unnamed source is never matched again: without a final table to fill (a streaming run),
            # it is not kept, so that memory stays flat however many articles go through
            self._clusters.append(c)
        return c

    def _place(self, sp: Speaker, source: str) -> _Cluster:
        clean = clean_name(sp.name, sp.type) if sp.type != "UNNAMED" and not _title_only(sp) else ""
        keys = _keys(clean)
        if not keys:
            c = self._new(sp.type, named=False)  # unnamed or title-only: this article only
        elif sp.type == "ORG":
            c = self._find_org(keys) or self._new("ORG", named=True)
        else:
            c, keys, clean = self._find_person(keys, clean)
        if clean:
            new_name = c.add_spelling(clean, max(1, len(sp.mentions)))
            if c.named and new_name:
                for block in _blocks(new_name[-1], c.type):
                    self._blocks.setdefault(block, set()).add(c.order)
        for form in (*sp.forms, sp.name):
            c.forms.setdefault(form, None)
        c.articles.setdefault(source, None)
        return c

    def _candidates(self, word: str, type: SpeakerType) -> list[_Cluster]:
        """The named clusters of this type with a name ending in a word that may match ``word``, oldest first."""
        found: set[int] = set()
        for block in _blocks(word, type):
            found |= self._blocks.get(block, set())
        return [c for c in (self._clusters[i] for i in sorted(found)) if c.type == type and c.named]

    def _find_org(self, keys: tuple[str, ...]) -> _Cluster | None:
        for c in self._candidates(keys[-1], "ORG"):
            if any(_suffix_match(keys, n) for n in c.names):
                return c
        return None

    def _compatible(self, keys: tuple[str, ...], c: _Cluster) -> bool:
        """Matches one of the cluster's names, and contradicts none of its full names."""
        if not any(_tail_match(keys, n) for n in c.names):
            return False
        return len(keys) < 2 or all(_tail_match(keys, n) for n in c.names if len(n) >= 2)

    def _find_person(self, keys: tuple[str, ...], clean: str) -> tuple[_Cluster, tuple[str, ...], str]:
        found = self._choose(keys, self._candidates(keys[-1], "PERS"))
        if found is None:
            for base in clitic_bases(keys[0]):  # للافروف → لافروف, when that is a known name
                alt = (*glue_particles([base]), *keys[1:])
                found = self._choose(alt, self._candidates(alt[-1], "PERS"))
                if found is not None:
                    return found, alt, " ".join([base, *clean.split()[1:]])
        return (found or self._new("PERS", named=True)), keys, clean

    def _choose(self, keys: tuple[str, ...], people: list[_Cluster]) -> _Cluster | None:
        matches = [c for c in people if self._compatible(keys, c)]
        full = [c for c in matches if c.full]
        if len(keys) == 1:
            if len(full) == 1:
                return full[0]
            if len(full) > 1:  # two people share the surname: keep it apart, undecided
                apart = [c for c in matches if not c.full]
                if apart:
                    apart[0].ambiguous = True
                    return apart[0]
                c = self._new("PERS", named=True)
                c.ambiguous = True
                return c
            return matches[0] if matches else None
        if full:
            return max(full, key=lambda c: sum(1 for n in c.names if n == keys))
        # a surname-only cluster becomes this person's, unless that surname is known to be shared
        sharing = [c for c in people if c.full and c.surname() and same_name_word(c.surname(), keys[-1])]
        for c in matches:
            if not c.ambiguous and not sharing:
                return c
        return None


def _blocks(word: str, type: SpeakerType) -> set[str]:
    """Keys under which a last name word is filed: two words that :func:`same_name_word` (people) or
    :func:`_org_word` (organizations) accept share at least one (their skeletons, or for people one
    consonant deleted from a skeleton of four or more, which covers one edit)."""
    out = {"=" + word}
    for w in {word, unparticle(word)} if type == "PERS" else {word}:
        sk = skeleton(w)
        out.add(sk)
        if type == "PERS" and len(sk) >= 4:
            out.update(sk[:i] + sk[i + 1 :] for i in range(len(sk)))
    return out


def canonicalize(analyses: Iterable[Analysis]) -> tuple[list[Analysis], list[SpeakerEntry]]:
    """All at once: the analyses with canonical speakers, and the final speaker table."""
    index = SpeakerIndex()
    out = [index.add(a) for a in analyses]
    return out, index.speakers()


# --- --speaker queries -----------------------------------------------------------------------------------


def _name_candidates(speaker: Speaker) -> list[str]:
    """The speaker's names to match a query against: canonical name and every form, cleaned."""
    out: dict[str, None] = {}
    for text in (speaker.name, *speaker.forms):
        clean = clean_name(text, speaker.type) if speaker.type != "UNNAMED" else text
        if clean:
            out.setdefault(clean, None)
    return list(out)


def _latin_tail(query: list[str], name: list[str]) -> bool:
    if not query or not name:
        return False
    return all(keys_match(latin_key(q), arabic_key(a)) for q, a in zip(reversed(query), reversed(name)))


def _latin_joined(query: str, name: str, *, whole: bool = False) -> bool:
    """«de Mistura» = «ديميستورا», «Ki-moon» = «كي مون»: the query's letters against the name's last words."""
    q = latin_key("".join(latin_words(query)))
    words = match_key(name).split()
    starts = range(1) if whole else range(len(words))
    return any(keys_match(q, arabic_key("".join(words[i:]))) for i in starts)


def speaker_matches(speaker: Speaker, query: str) -> bool:
    """Whether a ``--speaker`` query (Arabic or Latin script) names this speaker.

    Arabic: the query's words match the speaker's name from the surname back («لافروف», «سيرغي
    لافروف», «للافروف»), or appear as a phrase in one of its forms («وزير الخارجية الروسي»).
    Latin: the query's words end the speaker's Latin name («Lavrov», «de Mistura»), or sound like
    its Arabic name word for word from the surname back (consonant classes: v=ف, g=ج/غ/ق …).
    A query ending in «a» never matches a name ending in a consonant (Lavrova ≠ لافروف).
    """
    query = query.strip()
    if not query:
        return False
    names = _name_candidates(speaker)
    if has_arabic(query):
        q = _keys(query)
        if not q:
            return False
        variants = [q] + [(*glue_particles([b]), *q[1:]) for b in clitic_bases(q[0])]
        for name in names:
            n = _keys(name)
            if speaker.type == "ORG":  # an organization's name must end with the whole query
                if any(len(v) <= len(n) and _suffix_match(v, n) for v in variants):
                    return True
            elif any(_tail_match(v, n) for v in variants):
                return True
        flat = match_key(query).split()
        if len(flat) < 2:  # one word must be the name's last one, not any word of a title or organization
            return False
        return any(_contains(match_key(f).split(), flat) for f in (speaker.name, *speaker.forms))
    q_words = latin_name_words(query)
    latin = speaker.latin or (latin_name(names[0], speaker.type) if names and speaker.type != "UNNAMED" else "")
    if q_words and latin:
        l_words = latin_name_words(latin)
        if len(q_words) <= len(l_words) and l_words[len(l_words) - len(q_words):] == q_words:
            return True
    if speaker.type == "UNNAMED":
        return False
    for name in names:
        words = arabic_name_words(name)
        if speaker.type == "ORG" and len(q_words) != len(words):
            continue  # «Assad» is not «جيش نظام الأسد»
        if _latin_tail(q_words, words) or _latin_joined(query, name, whole=speaker.type == "ORG"):
            return True
    return False


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def filter_quotes(analysis: Analysis, queries: Iterable[str]) -> Analysis:
    """The analysis with only the quotes whose speaker matches one of the queries (all when none given)."""
    qs = [q for q in queries if q.strip()]
    if not qs:
        return analysis
    memo: dict[int, bool] = {}

    def keep(q: Quote) -> bool:
        if q.speaker is None:
            return False
        if id(q.speaker) not in memo:
            memo[id(q.speaker)] = any(speaker_matches(q.speaker, s) for s in qs)
        return memo[id(q.speaker)]

    return replace(analysis, quotes=tuple(q for q in analysis.quotes if keep(q)))
