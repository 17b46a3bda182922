"""Read CoNLL NER files and score entity spans the way seqeval's default (conlleval) mode does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import ENTITY_TYPES, Token
from .base import NerBackend
from .bio import bio_spans, entity_type, whole_token_tags


class ConllFormatError(ValueError):
    """A CoNLL file that cannot be read; the message names the line."""


@dataclass(frozen=True, slots=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "support": self.support,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


Sentence = tuple[list[str], list[str]]

# Tag spellings other corpora use, mapped onto ANERcorp's label set.
_TAG_MAP = {"IO": "O", "OO": "O", "I--ORG": "I-ORG", "B-ENGLISH": "B-MISC", "B-SPANISH": "B-MISC"}


def normalize_tag(tag: str) -> str:
    """Map a corpus tag onto ``O`` or ``B-/I-`` + PERS/LOC/ORG/MISC (PER→PERS, MIS*→MISC, GPE→LOC)."""
    tag = _TAG_MAP.get(tag, tag).strip()
    if tag.upper() == "O" or not tag:
        return "O"
    prefix, _, label = tag.partition("-")
    prefix = prefix.upper()
    if prefix not in ("B", "I") or not label:
        return "O"
    label = label.rstrip("`").upper()
    if label.startswith("MIS"):
        return f"{prefix}-MISC"
    kind = entity_type(label)
    return f"{prefix}-{kind}" if kind else "O"


def read_conll(path: Path | str, *, map_tags: bool = True) -> list[Sentence]:
    """Sentences of ``(tokens, tags)``; each line is ``TOKEN TAG`` or ``TOKEN<TAB>TAG`` split on the last whitespace.

    Raises:
        OSError: the file cannot be read.
        ConllFormatError: a non-blank line without a tag, or a file with no tokens.
    """
    path = Path(path)
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                    tokens, tags = [], []
                continue
            parts = line.rsplit(None, 1)
            if len(parts) != 2:
                raise ConllFormatError(f"line {lineno}: expected 'TOKEN TAG', got {line[:40]!r}")
            tokens.append(parts[0].strip())
            tags.append(normalize_tag(parts[1]) if map_tags else parts[1])
    if tokens:
        sentences.append((tokens, tags))
    if not sentences:
        raise ConllFormatError("no tokens found")
    return sentences


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Scores]:
    """Per-type and ``micro`` scores of predicted tag sequences against gold, sentence by sentence."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        for span in gs & ps:
            tp[span[2]] += 1
        for span in ps - gs:
            fp[span[2]] += 1
        for span in gs - ps:
            fn[span[2]] += 1
    result = {kind: Scores(tp[kind], fp[kind], fn[kind]) for kind in ENTITY_TYPES}
    result["micro"] = Scores(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return result


def tokens_to_text(words: Sequence[str]) -> tuple[str, tuple[Token, ...]]:
    """Join pre-tokenized words with single spaces and build Tokens with their offsets."""
    tokens = []
    pos = 0
    for i, word in enumerate(words):
        tokens.append(Token(pos, pos + len(word), word, i))
        pos += len(word) + 1
    return " ".join(words), tuple(tokens)


def lines_to_text(sentences: Sequence[Sequence[str]]) -> tuple[str, tuple[Token, ...]]:
    """Pre-tokenized sentences as one text, a line each, with Tokens and their offsets."""
    text, tokens = tokens_to_text([w for sentence in sentences for w in sentence])
    chars = list(text)
    first = 0
    for sentence in sentences[:-1]:
        first += len(sentence)
        if 0 < first < len(tokens):
            chars[tokens[first].start - 1] = "\n"  # the space before the next sentence's first token
    return "".join(chars), tokens


def tag_with_backend(backend: NerBackend, words: Sequence[str]) -> list[str]:
    """Run a backend over one pre-tokenized sentence and return one BIO tag per word."""
    text, tokens = tokens_to_text(words)
    tags = ["O"] * len(words)
    starts = {t.start: t.index for t in tokens}
    ends = {t.end: t.index for t in tokens}
    for ent in backend(text, tokens):
        first, last = starts.get(ent.start), ends.get(ent.end)
        if first is None or last is None or last < first:
            continue  # an entity that does not align to the gold tokens counts as missed
        tags[first] = f"B-{ent.type}"
        for k in range(first + 1, last + 1):
            tags[k] = f"I-{ent.type}"
    return tags


def evaluate_backend(backend: NerBackend, sentences: Sequence[Sentence], *, per_text: int = 0) -> dict[str, Scores]:
    """Score a backend on gold CoNLL sentences.

    With ``per_text`` 0, each sentence is tagged on its own: the tagger alone. With ``per_text`` N,
    runs of N consecutive sentences are joined into one text (a line each), tagged, and passed
    through the pipeline's entity stage (one name, one type per text), as an article is; an entity
    that starts inside a token (a proclitic cut off) is scored as the whole token, which is what
    CoNLL corpora tag.
    """
    if per_text <= 0:
        predicted = [tag_with_backend(backend, words) for words, _ in sentences]
    else:
        predicted = []
        for at in range(0, len(sentences), per_text):
            predicted.extend(tag_text_with_backend(backend, [words for words, _ in sentences[at:at + per_text]]))
    return score([tags for _, tags in sentences], predicted)


def tag_text_with_backend(backend: NerBackend, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags per sentence for sentences tagged together as one text (one line each), after the
    pipeline's entity stage; an entity's tokens are those it overlaps."""
    from ..entities import propagate_entities

    text, tokens = lines_to_text(sentences)
    tags = whole_token_tags(tokens, propagate_entities(text, tokens, backend(text, tokens) if tokens else ()))
    out, at = [], 0
    for sentence in sentences:
        out.append(tags[at:at + len(sentence)])
        at += len(sentence)
    return out
