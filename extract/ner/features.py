"""Token features for the built-in CRF tagger: forms, clitic-stripped stems, affixes, clusters, gazetteers."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from ..model import Token
from ..normalize import is_arabic_letter, match_key

# Proclitic chains (conjunction, preposition, article) tried longest first. A stem must keep
# three letters so that short words (ولد, بلد) are not cut into nonsense.
_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")
_ARTICLE = "ال"
_MIN_STEM = 3
_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile(r"\d")
_PUNCT_ONLY = re.compile(r"^[^\w]+$")
K = TypeVar("K")
V = TypeVar("V")
_SENTENCE_END = frozenset({".", "!", "?", "؟", "...", "…"})

GAZ_MAX_WORDS = 5
PREFIX_KIND = "+"
CLUSTER_FILE = "ner-clusters.tsv"
GAZETTEER_FILE = "ner-gazetteer.tsv"
LEXICON_FILE = "ner-lexicon.tsv"


def split_clitics(key: str, vocab: dict[str, tuple[str, str]] | None = None) -> tuple[str, str, str]:
    """``(proclitics, stem_with_article, stem_without_article)`` of a normalized word.

    ``لل`` (ل + ال with the alef dropped) is restored to ``ال``. With a corpus ``vocab`` a
    proclitic is stripped only when what remains is itself a corpus word (so لافروف keeps its ل);
    without one, only when three letters remain.
    """
    if vocab:
        return _split_with_vocab(key, vocab)
    rest, pro = key, ""
    if len(rest) > _MIN_STEM and rest[0] in _CONJ:
        pro, rest = rest[0], rest[1:]
    if len(rest) > _MIN_STEM + 1 and rest.startswith("لل"):
        pro, rest = pro + "ل", "ا" + rest[1:]
    elif len(rest) > _MIN_STEM and rest[0] in _PREP:
        pro, rest = pro + rest[0], rest[1:]
    with_al = rest
    if rest.startswith(_ARTICLE) and len(rest) - 2 >= _MIN_STEM - 1:
        rest = rest[2:]
    return pro, with_al, rest


_PROCLITICS = sorted({c + p for c in ("", *_CONJ) for p in ("", *_PREP)} - {""}, key=len, reverse=True)


def _split_with_vocab(key: str, vocab: dict[str, tuple[str, str]]) -> tuple[str, str, str]:
    pro, rest = "", key
    if len(key) > 2:
        for cand in _PROCLITICS:  # longest first
            if not key.startswith(cand) or len(key) - len(cand) < 2:
                continue
            remainder = key[len(cand):]
            if cand.endswith("ل") and remainder.startswith("ل") and len(remainder) > 2:
                restored = "ا" + remainder  # لل + noun = ل + ال + noun
                if restored in vocab:
                    pro, rest = cand, restored
                    break
            if remainder in vocab and len(remainder) >= 3 and (
                    key not in vocab or int(vocab[remainder][0]) >= int(vocab[key][0]) + (0 if cand == "و" else 2)):
                # a corpus word that is itself common (كيري, كما) keeps its first letter
                pro, rest = cand, remainder
                break
    bare = rest
    if rest.startswith(_ARTICLE) and len(rest) > 3 and (rest[2:] in vocab or not vocab):
        bare = rest[2:]
    return pro, rest, bare


@lru_cache(maxsize=65536)
def gaz_digest(phrase_key: str) -> str:
    """A short stable digest of a normalized phrase: the gazetteer ships as digests, not as text."""
    return hashlib.blake2b(phrase_key.encode("utf-8"), digest_size=6).hexdigest()


def _shape(token: str) -> str:
    if _PUNCT_ONLY.match(token):
        return "P"
    if _DIGIT.search(token):
        return "D" if not _ARABIC.search(token) else "AD"
    if _LATIN.search(token):
        return "L"
    return "A"


class RecentCache(Generic[K, V]):
    """A bounded memo that keeps what is in use: entries go into a young table; when it holds ``size``
    entries it becomes the old table and the previous old one is dropped; a hit in the old table moves
    the entry back to the young one. Frequent words stay, memory stays flat over any number of texts."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._young: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        value = self._young.get(key)
        if value is None:
            value = self._old.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: K, value: V) -> None:
        if len(self._young) >= self.size:
            self._old, self._young = self._young, {}
        self._young[key] = value

    def clear(self) -> None:
        self._young.clear()
        self._old.clear()

    def __len__(self) -> int:
        return len(self._young) + len(self._old)


@dataclass
class Featurizer:
    """Turns a sentence of token strings into crfsuite attribute lists.

    ``clusters`` maps a normalized word to cluster ids at several granularities;
    ``gazetteer`` maps the digest of a normalized phrase to its types.
    """

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[str, frozenset[str]] = field(default_factory=dict)
    # normalized word -> (log2 corpus frequency, article-ratio bucket)
    lexicon: dict[str, tuple[str, str]] = field(default_factory=dict)
    _word_cache: RecentCache[str, tuple[list[str], dict[str, str]]] = field(
        default_factory=lambda: RecentCache(_CACHE_WORDS), repr=False)
    _neighbour_cache: RecentCache[tuple[str, int], list[str]] = field(
        default_factory=lambda: RecentCache(2 * _CACHE_WORDS), repr=False)
    # digests of the proper prefixes of multi-word entries (kind "+"): lets span matching stop early
    _prefixes: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        self._prefixes = frozenset(d for d, kinds in self.gazetteer.items() if PREFIX_KIND in kinds)
        self.gazetteer = {d: kinds - {PREFIX_KIND} for d, kinds in self.gazetteer.items() if kinds != {PREFIX_KIND}}

    @classmethod
    def from_dir(cls, directory: Path) -> Featurizer:
        """Load whichever resource files exist in ``directory`` (a missing one disables its features)."""
        return cls(clusters=load_clusters(directory / CLUSTER_FILE),
                   gazetteer=shipped_gazetteer() if directory.resolve() == DATA_DIR
                   else load_gazetteer(directory / GAZETTEER_FILE),
                   lexicon=shipped_lexicon() if directory.resolve() == DATA_DIR
                   else load_lexicon(directory / LEXICON_FILE))

    # -- word-level features, cached by the raw token string (most tokens repeat) --
    def _word(self, token: str) -> tuple[list[str], dict[str, str]]:
        cached = self._word_cache.get(token)
        if cached is not None:
            return cached
        key = match_key(token) or token
        pro, stem0, stem1 = split_clitics(key, self.lexicon)
        shape = _shape(token)
        feats = [f"w={key}", f"sh={shape}", f"len={min(len(key), 8)}"]
        if pro:
            feats.append(f"pro={pro}")
            feats.append(f"s0={stem0}")
        if stem1 != stem0:
            feats.append("al")
        feats.append(f"s1={stem1}")
        for n in (1, 2, 3):
            if len(stem1) > n:
                feats.append(f"p{n}={stem1[:n]}")
                feats.append(f"x{n}={stem1[-n:]}")
        if token != key and shape != "P":
            # punctuation glued to the token in pre-tokenized corpora
            if not token[-1].isalnum():
                feats.append(f"tp={token[-1]}")
            if not token[0].isalnum():
                feats.append(f"lp={token[0]}")
        clusters = self.clusters.get(key) or self.clusters.get(stem0) or self.clusters.get(stem1)
        ctx: dict[str, str] = {"w": key, "s": stem1, "s0": stem0}
        if clusters:
            for level, cid in enumerate(clusters):
                feats.append(f"c{level}={cid}")
            ctx["c"] = clusters[min(1, len(clusters) - 1)]
        else:
            feats.append("c=none")
            ctx["c"] = "none"
        if self.lexicon:
            # how often the bare stem takes the article, and how common it is: names are rare-ish and article-less
            freq, al = self.lexicon.get(stem1, ("0", "u"))
            feats.append(f"al={al}")
            feats.append(f"fq={freq}")
            feats.append(f"alfq={al}|{freq}")
            ctx["a"] = f"{al}|{freq}"
        if self.gazetteer:
            types: set[str] = set()
            for form in {key, stem0, stem1}:
                types.update(self.gazetteer.get(gaz_digest(form), ()))
            for kind in sorted(types):
                feats.append(f"gw={kind}")
            ctx["g"] = "|".join(sorted(types))
        self._word_cache.put(token, (feats, ctx))
        return feats, ctx

    def clear_caches(self) -> None:
        self._word_cache.clear()
        self._neighbour_cache.clear()

    def _neighbour(self, token: str, c: dict[str, str], d: int) -> list[str]:
        """:meth:`neighbour_features`, cached by token and distance (the same strings recur)."""
        cached = self._neighbour_cache.get((token, d))
        if cached is None:
            cached = self.neighbour_features(c, d)
            self._neighbour_cache.put((token, d), cached)
        return cached

    @staticmethod
    def neighbour_features(c: dict[str, str], d: int) -> list[str]:
        """What a token (its context summary ``c``) says about the word ``d`` places away."""
        out = [f"{d}w={c['w']}", f"{d}c={c['c']}"]
        if abs(d) == 1:
            out.append(f"{d}s={c['s']}")
            if c.get("g"):
                out.append(f"{d}g={c['g']}")
            if "a" in c:
                out.append(f"{d}a={c['a']}")
        return out

    def _gaz_spans(self, stems: Sequence[tuple[str, str]]) -> list[str]:
        """BIO gazetteer marks from multi-word matches (longest first) over (key, stripped) forms."""
        n = len(stems)
        marks = [""] * n
        if not self.gazetteer:
            return marks
        if self._prefixes:
            return self._gaz_spans_by_prefix(stems, marks)
        i = 0
        while i < n:
            matched = 0
            for length in range(min(GAZ_MAX_WORDS, n - i), 1, -1):
                rest = " ".join(stems[j][0] for j in range(i + 1, i + length))
                for first in {stems[i][0], stems[i][1]}:
                    types = self.gazetteer.get(gaz_digest(f"{first} {rest}"))
                    if types:
                        kind = "|".join(sorted(types))
                        marks[i] = f"B-{kind}"
                        for j in range(i + 1, i + length):
                            marks[j] = f"I-{kind}"
                        matched = length
                        break
                if matched:
                    break
            i += matched or 1
        return marks

    def _gaz_spans_by_prefix(self, stems: Sequence[tuple[str, str]], marks: list[str]) -> list[str]:
        """Same marks as the exhaustive search, extending a phrase only while it is a known prefix."""
        n = len(stems)
        i = 0
        while i < n:
            best, best_kind = 0, ""
            for first in {stems[i][0], stems[i][1]}:
                phrase = first
                if gaz_digest(phrase) not in self._prefixes:
                    continue
                for j in range(i + 1, min(i + GAZ_MAX_WORDS, n)):
                    phrase = f"{phrase} {stems[j][0]}"
                    digest = gaz_digest(phrase)
                    types = self.gazetteer.get(digest)
                    if types and j - i + 1 > best:
                        best, best_kind = j - i + 1, "|".join(sorted(types))
                    if digest not in self._prefixes:
                        break
            if best:
                marks[i] = f"B-{best_kind}"
                for j in range(i + 1, i + best):
                    marks[j] = f"I-{best_kind}"
            i += best or 1
        return marks

    def words(self, tokens: Sequence[str]) -> tuple[list[tuple[list[str], dict[str, str]]], list[str]]:
        """Each token's own features and context summary, and the gazetteer span marks of the sentence."""
        words = [self._word(t) for t in tokens]
        return words, self._gaz_spans([(w[1]["w"], w[1]["s0"]) for w in words])

    @staticmethod
    def edges(i: int, marks: Sequence[str]) -> list[str]:
        """Features of position ``i`` from where it stands: its gazetteer span mark and its neighbours'
        (±1), and the sentence's edges within two places."""
        n = len(marks)
        f = [f"gs={marks[i]}"] if marks[i] else []
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < n:
                f.append(f"{d}w=<s>" if d < 0 else f"{d}w=</s>")
            elif abs(d) == 1 and marks[j]:
                f.append(f"{d}gs={marks[j]}")
        return f

    @staticmethod
    def pair(left: dict[str, str], right: dict[str, str]) -> tuple[list[str], list[str]]:
        """Word and cluster bigram features of two adjacent tokens: the right one's, then the left one's."""
        words, clusters = f"{left['w']}|{right['w']}", f"{left['c']}|{right['c']}"
        return [f"bw={words}", f"bc={clusters}"], [f"fw={words}", f"fc={clusters}"]

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Attribute lists, one per token, for one sentence: the token's own features (with the bias
        ``b``), what its neighbours (±2) say, its place (span marks, edges) and its bigrams."""
        words, marks = self.words(tokens)
        n = len(words)
        out: list[list[str]] = []
        for i, (feats, _) in enumerate(words):
            f = ["b", *feats]
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    f.extend(self._neighbour(tokens[j], words[j][1], d))
            f.extend(self.edges(i, marks))
            if i > 0:
                f.extend(self.pair(words[i - 1][1], words[i][1])[0])
            if i + 1 < n:
                f.extend(self.pair(words[i][1], words[i + 1][1])[1])
            out.append(f)
        return out


def text_sentence_ranges(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """:func:`sentence_ranges` of a text's tokens, a line break in the text between two tokens ending a sentence."""
    gaps = [""] + [text[tokens[i - 1].end:tokens[i].start] for i in range(1, len(tokens))]
    return sentence_ranges([t.text for t in tokens], gaps)


def sentence_ranges(tokens: Sequence[str], gaps: Sequence[str] | None = None) -> list[tuple[int, int]]:
    """Split a token sequence after sentence-final punctuation, and where the gap before a token has a newline."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate(tokens):
        if gaps is not None and i > start and "\n" in gaps[i]:
            ranges.append((start, i))
            start = i
        if tok in _SENTENCE_END and not (tok == "." and gaps is not None and i > 0 and gaps[i] == ""
                                         and is_arabic_letter(tokens[i - 1])):
            ranges.append((start, i + 1))  # (but not after «د.», «م.»: an abbreviated title before a name)
            start = i + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """``word<TAB>id0<TAB>id1...`` lines; a missing file gives no clusters."""
    clusters: dict[str, tuple[str, ...]] = {}
    if not path.is_file():
        return clusters
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                clusters[parts[0]] = tuple(parts[1:])
    return clusters


DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # the shipped models and their resources
_CACHE_WORDS = 20_000  # distinct tokens whose features are kept, per generation of a RecentCache


@cache
def shipped_lexicon() -> dict[str, tuple[str, str]]:
    """The corpus lexicon shipped in ``extract/data`` (loaded once, shared by the CRF and the pipeline)."""
    return load_lexicon(DATA_DIR / LEXICON_FILE)


@cache
def shipped_gazetteer() -> dict[str, frozenset[str]]:
    """The gazetteer digests shipped in ``extract/data`` (loaded once, shared by the CRF and the pipeline)."""
    return load_gazetteer(DATA_DIR / GAZETTEER_FILE)


def proclitic_length(word: str, lexicon: dict[str, tuple[str, str]], *, person: bool = False) -> int:
    """Characters of ``word`` (as written) that are a proclitic before a name: 1 in بألمانيا, 0 in لافروف.

    The corpus lexicon decides, as in the features: a proclitic is cut only when what remains is a corpus
    word at least as common. «لل» is never cut (its ال lost the alef: no substring is the name), and a
    person's name loses only و/ف (بريتا، لمى begin with ب/ل far more often than they follow them).
    """
    key = match_key(word)
    clitics, rest, _ = split_clitics(key, lexicon)
    if not clitics or rest != key[len(clitics):] or (person and clitics not in ("و", "ف")):
        return 0
    cut, letters = 0, 0
    while letters < len(clitics) and cut < len(word):  # the clitic's letters as written (diacritics too)
        if match_key(word[cut]):
            letters += 1
        cut += 1
    while cut < len(word) and not match_key(word[cut]):
        cut += 1
    return cut if cut < len(word) else 0


def load_lexicon(path: Path) -> dict[str, tuple[str, str]]:
    """``word<TAB>log2_freq<TAB>article_bucket`` lines; a missing file gives no lexicon."""
    table: dict[str, tuple[str, str]] = {}
    if not path.is_file():
        return table
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and not line.startswith("#"):
                table[parts[0]] = (parts[1], parts[2])
    return table


def load_gazetteer(path: Path) -> dict[str, frozenset[str]]:
    """``TYPE<TAB>digest`` lines; a missing file gives no gazetteer."""
    table: dict[str, set[str]] = {}
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            kind, digest = line.rstrip("\n").split("\t")[:2]
            table.setdefault(digest, set()).add(kind)
    return {k: frozenset(v) for k, v in table.items()}


def iter_gazetteer_entries(directory: Path) -> Iterable[tuple[str, str]]:
    """``(type, normalized phrase)`` from the ANERGazet files, skipping its separator lines."""
    files = {"LOC": "AlignedLocGazetteer.txt", "ORG": "AlignedOrgGazetteer.txt", "PERS": "AlignedPersGazetteer.txt"}
    for kind, name in files.items():
        path = directory / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            key = match_key(line)
            if key and not set(line.strip()) <= set("=*"):
                yield kind, key
