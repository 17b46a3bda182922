"""The built-in offline NER backend: a crfsuite model shipped in ``extract/data``.

crfsuite trains the model; tagging reads its weights into arrays and scores whole texts at once:
a token's own features and what it says about its neighbours are summed once per word form into
label scores and cached, so a repeated word costs one lookup; the features that depend on the
neighbours (bigrams, sentence edges, gazetteer spans) are looked up per position; and all the
sentences of a text are decoded in one batch. The tags are those crfsuite's own tagger gives.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import BackendUnavailable
from ..model import Entity, Token
from .bio import tags_to_entities
from .decode import viterbi_batch
from .features import _CACHE_WORDS, DATA_DIR, Featurizer, RecentCache, sentence_ranges

MODEL_FILE = "ner-crf.model"
_DISTANCES = (-2, -1, 1, 2)  # the neighbours a token describes, as in Featurizer.sentence


class CrfTagger:
    """Tags token sequences with a crfsuite model; resources (clusters, gazetteer) sit beside the model."""

    def __init__(self, model_path: Path, featurizer: Featurizer | None = None, name: str = "builtin") -> None:
        import numpy as np

        self.name = name
        self.model_path = model_path
        self.featurizer = featurizer if featurizer is not None else Featurizer.from_dir(model_path.parent)
        self.labels, self._rows, self._weights, self._trans = read_weights(model_path)
        self._edge = np.zeros(len(self.labels))  # crfsuite scores no start or end transitions
        self._cache: RecentCache[str, Any] = RecentCache(_CACHE_WORDS)

    def clear_caches(self) -> None:
        """Forget the per-word scores and the featurizer's caches (for fair timing)."""
        self._cache.clear()
        self.featurizer.clear_caches()

    def _word_scores(self, token: str, word: tuple[list[str], dict[str, str]]) -> Any:
        """Label scores ``(5, labels)`` of the token's own features, then of what it says about the word
        at distance -2, -1, +1, +2 (cached: most tokens repeat)."""
        import numpy as np

        hit = self._cache.get(token)
        if hit is None:
            rows, neighbour = self._rows, self.featurizer._neighbour
            feats, ctx = word
            groups = [("b", *feats), *(neighbour(token, ctx, d) for d in _DISTANCES)]
            flat: list[int] = []
            starts: list[int] = []
            for group in groups:
                starts.append(len(flat))
                flat.append(0)  # the zero row: no group is empty
                flat.extend(rows[a] for a in group if a in rows)
            hit = np.add.reduceat(self._weights[flat], starts, axis=0)
            self._cache.put(token, hit)
        return hit

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags per sentence of token strings, all sentences scored and decoded together."""
        import numpy as np

        lengths = [len(s) for s in sentences]
        if not any(lengths):
            return [[] for _ in sentences]
        featurizer, rows = self.featurizer, self._rows
        per_token = []
        flat: list[int] = []  # rows of the features that depend on the neighbours: bigrams, edges, span marks
        starts: list[int] = []
        for tokens in sentences:
            words, marks = featurizer.words(tokens)
            n = len(tokens)
            per_token.extend(self._word_scores(t, w) for t, w in zip(tokens, words, strict=True))
            pairs = [featurizer.pair(words[i][1], words[i + 1][1]) for i in range(n - 1)]
            for i in range(n):
                starts.append(len(flat))
                flat.append(0)
                if i > 0:
                    flat.extend(rows[a] for a in pairs[i - 1][0] if a in rows)
                if i + 1 < n:
                    flat.extend(rows[a] for a in pairs[i][1] if a in rows)
                if i < 2 or i + 2 >= n or marks[i - 1] or marks[i] or marks[i + 1]:  # else edges() is empty
                    flat.extend(rows[a] for a in featurizer.edges(i, marks) if a in rows)
        words_scores = np.stack(per_token)  # (tokens, 5, labels)
        scores = np.add.reduceat(self._weights[flat], starts, axis=0) + words_scores[:, 0]
        # what the word at i + d says about position i, within the same sentence only
        sentence = np.repeat(np.arange(len(lengths)), lengths)
        for k, d in enumerate(_DISTANCES, 1):
            if d < 0:
                scores[-d:] += words_scores[:d, k] * (sentence[-d:] == sentence[:d])[:, None]
            else:
                scores[:-d] += words_scores[d:, k] * (sentence[:-d] == sentence[d:])[:, None]
        em = np.zeros((len(sentences), max(lengths), len(self.labels)))
        pos = 0
        for row, n in enumerate(lengths):
            em[row, :n] = scores[pos:pos + n]
            pos += n
        out: list[list[str]] = []
        for n, path in zip(lengths, viterbi_batch(em, lengths, self._trans, self._edge, self._edge), strict=True):
            out.append([self.labels[k] for k in path] if n else [])
        return out

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """BIO tags for one sentence of token strings."""
        return self.tag_sentences([words])[0] if words else []

    def tag(self, text: str, tokens: Sequence[Token]) -> list[str]:
        """BIO tags for a whole text, tagged sentence by sentence (split at . ! ? ؟ and newlines)."""
        words = [t.text for t in tokens]
        gaps = [""] + [text[tokens[i - 1].end:tokens[i].start] for i in range(1, len(tokens))]
        tags: list[str] = []
        for sentence_tags in self.tag_sentences([words[a:b] for a, b in sentence_ranges(words, gaps)]):
            tags.extend(sentence_tags)
        return tags

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        if not tokens:
            return ()
        return tags_to_entities(text, tokens, self.tag(text, tokens), self.name)


def read_weights(path: Path) -> tuple[tuple[str, ...], dict[str, int], Any, Any]:
    """A crfsuite model's weights, from crfsuite's text dump of it: the labels (in the model's order),
    each attribute's row, the state weights ``(1 + attributes, labels)`` with row 0 all zero, and the
    transition weights ``(labels, labels)`` (``[i, j]``: label i followed by label j)."""
    import numpy as np
    import pycrfsuite

    tagger: Any = pycrfsuite.Tagger()
    tagger.open(str(path))
    header: dict[str, str] = {}
    labels: list[str] = []
    column: dict[str, int] = {}
    rows: dict[str, int] = {}
    weights: Any = None
    trans: Any = None
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "model.txt"
        tagger.dump(str(dump))
        tagger.close()
        section = ""
        with dump.open(encoding="utf-8") as lines:  # streamed: the dump of a large model is tens of MB
            for line in lines:
                line = line.rstrip("\n")
                if line.endswith(" = {"):
                    section = line[:-4]
                    if section in ("TRANSITIONS", "STATE_FEATURES") and weights is None:
                        column = {label: k for k, label in enumerate(labels)}
                        weights = np.zeros((int(header["num_attrs"]) + 1, len(labels)))
                        trans = np.zeros((len(labels), len(labels)))
                elif line == "}":
                    section = ""
                elif section == "STATE_FEATURES":
                    # "(0) attribute --> label: weight"; an attribute may hold anything but a newline
                    pair, weight = line.split(") ", 1)[1].rsplit(": ", 1)
                    attribute, label = pair.rsplit(" --> ", 1)
                    row = rows.get(attribute)
                    if row is None:
                        row = rows[attribute] = len(rows) + 1
                    weights[row, column[label]] = float(weight)
                elif section == "TRANSITIONS":
                    pair, weight = line.split(") ", 1)[1].rsplit(": ", 1)
                    before, after = pair.rsplit(" --> ", 1)
                    trans[column[before], column[after]] = float(weight)
                elif section == "LABELS":
                    labels.append(line.split(": ", 1)[1])
                elif section == "FILEHEADER":
                    key, _, value = line.strip().partition(": ")
                    header[key] = value
    if weights is None:  # a model without features
        weights, trans = np.zeros((1, len(labels))), np.zeros((len(labels), len(labels)))
    return tuple(labels), rows, weights[:len(rows) + 1], trans


def load_model(path: Path | str, name: str = "builtin") -> CrfTagger:
    """Load a model trained by :func:`extract.ner.train.train` (resources are read from its folder)."""
    path = Path(path)
    if not path.is_file():
        raise BackendUnavailable(f"NER model not found: {path} (rebuild it with `aqwal train-ner`)")
    return CrfTagger(path, name=name)


@cache
def load_builtin() -> CrfTagger:
    """The shipped model, loaded once per process."""
    return load_model(DATA_DIR / MODEL_FILE)
