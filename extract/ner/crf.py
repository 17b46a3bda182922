"""The built-in offline NER backend: a CRF trained by crfsuite, shipped in ``extract/data``.

crfsuite trains the model; aqwal keeps only its weights, packed into a compressed numpy archive
(``ner-crf.npz``: labels, attribute strings, a dense weight table, transitions; a fifth of the size of
crfsuite's own file, which spends most of its bytes on hash tables). Tagging reads either format into
arrays and scores whole texts at once:
a token's own features and what it says about its neighbours are summed once per word form into
label scores and cached, so a repeated word costs one lookup; the features that depend on the
neighbours (bigrams, sentence edges, gazetteer spans) are looked up per position; and all the
sentences of a text are decoded in one batch. The tags are those crfsuite's own tagger gives.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import BackendUnavailable
from .base import SentenceTagger
from .decode import viterbi_batch
from .features import _CACHE_WORDS, DATA_DIR, Featurizer, RecentCache

MODEL_FILE = "ner-crf.npz"
PACKED_FORMAT = "aqwal-ner-crf/1"
_DISTANCES = (-2, -1, 1, 2)  # the neighbours a token describes, as in Featurizer.sentence


class CrfTagger(SentenceTagger):
    """Tags token sequences with a crfsuite model; resources (clusters, gazetteer) sit beside the model."""

    def __init__(self, model_path: Path, featurizer: Featurizer | None = None, name: str = "builtin") -> None:
        import numpy as np

        self.name = name
        self.model_path = model_path
        self.featurizer = featurizer if featurizer is not None else Featurizer.from_dir(model_path.parent)
        self.labels, self._rows, self._weights, self._trans = read_model(model_path)
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
            # the neighbour strings are not cached as well: the summed scores are what is kept
            rows, neighbour = self._rows, self.featurizer.neighbour_features
            feats, ctx = word
            groups = [("b", *feats), *(neighbour(ctx, d) for d in _DISTANCES)]
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


_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # crfsuite's CRF1d model file header
_RECORD = struct.Struct("<iI")  # a CQDB record: id, key size (the key follows, NUL-terminated)
_FEATURE = [("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")]
_STATE, _TRANSITION = 0, 1


def _cqdb_strings(data: bytes, start: int, count: int) -> list[str]:
    """The strings of ids 0 … count-1 in a constant quark database (crfsuite's string table) at ``start``."""
    chunk, _, _, _, bwd_size, bwd_offset = struct.unpack_from("<4sIIIII", data, start)
    if chunk != b"CQDB" or bwd_size < count:
        raise ValueError("bad string table")
    offsets = struct.unpack_from(f"<{count}I", data, start + bwd_offset)
    out = []
    for offset in offsets:
        _, size = _RECORD.unpack_from(data, start + offset)
        key = start + offset + _RECORD.size
        out.append(data[key:key + size - 1].decode("utf-8"))
    return out


def read_model(path: Path | str) -> tuple[tuple[str, ...], dict[str, int], Any, Any]:
    """A CRF's weights, from a packed model (``.npz``) or from crfsuite's own model file: the labels
    (in the model's order), each attribute's row, the state weights ``(1 + attributes, labels)`` with
    row 0 all zero, and the transition weights ``(labels, labels)`` (``[i, j]``: label i followed by j).

    Raises:
        BackendUnavailable: the file is neither a packed model nor a crfsuite CRF1d model.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise BackendUnavailable(f"{path}: {exc.strerror or exc}") from None
    if magic == b"lCRF":
        return read_weights(path)
    if magic == b"PK\x03\x04":
        return _read_packed(path)
    raise BackendUnavailable(f"{path}: not a CRF NER model (neither a packed .npz model nor a crfsuite model file)")


def write_packed(weights: tuple[tuple[str, ...], dict[str, int], Any, Any], out: Path) -> None:
    """Write weights as :func:`read_model` returns them into a packed model (a compressed ``.npz``)."""
    import numpy as np

    labels, rows, state, trans = weights
    attributes = sorted(rows, key=rows.__getitem__)
    if any("\0" in a for a in attributes):  # crfsuite's strings are NUL-terminated: cannot happen
        raise ValueError("an attribute contains NUL")
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("wb") as fh:
        np.savez_compressed(fh, format=np.array(PACKED_FORMAT), labels=np.array(labels),
                            attributes=np.frombuffer("\0".join(attributes).encode("utf-8"), dtype=np.uint8),
                            weights=state[[rows[a] for a in attributes]], transitions=trans)
    tmp.replace(out)


def pack_crfsuite_model(source: Path, out: Path) -> None:
    """Convert crfsuite's model file into a packed model with exactly the same weights."""
    write_packed(read_weights(source), out)


def _read_packed(path: Path) -> tuple[tuple[str, ...], dict[str, int], Any, Any]:
    import zipfile

    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as archive:
            if str(archive["format"]) != PACKED_FORMAT:
                raise ValueError(f"format {archive['format']} is not {PACKED_FORMAT}")
            labels = tuple(str(label) for label in archive["labels"])
            blob = archive["attributes"].tobytes().decode("utf-8")
            attributes = blob.split("\0") if blob else []
            state = archive["weights"]
            trans = archive["transitions"]
        if state.shape != (len(attributes), len(labels)) or trans.shape != (len(labels), len(labels)):
            raise ValueError("the weight tables do not match the labels and attributes")
    except (OSError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile, EOFError) as exc:
        raise BackendUnavailable(f"{path}: not a CRF NER model ({exc})") from None
    weights = np.zeros((len(attributes) + 1, len(labels)))
    weights[1:] = state
    return labels, {a: i for i, a in enumerate(attributes, 1)}, weights, np.asarray(trans, dtype=np.float64)


def read_weights(path: Path) -> tuple[tuple[str, ...], dict[str, int], Any, Any]:
    """A crfsuite model file's weights, as :func:`read_model` returns them.

    Raises:
        BackendUnavailable: the file is not a crfsuite CRF1d model this reader knows.
    """
    import numpy as np

    data = path.read_bytes()
    try:
        (magic, _, kind, _, _, num_labels, num_attrs, off_features, off_labels, off_attrs, _,
         _) = _HEADER.unpack_from(data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRF1d model")
        labels = tuple(_cqdb_strings(data, off_labels, num_labels))
        attributes = _cqdb_strings(data, off_attrs, num_attrs)
        chunk, _, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError("no feature table")
        features = np.frombuffer(data, dtype=np.dtype(_FEATURE), count=count, offset=off_features + 12)
        if not set(np.unique(features["type"]).tolist()) <= {_STATE, _TRANSITION}:
            raise ValueError("feature types other than state and transition")
        state = features[features["type"] == _STATE]
        weights = np.zeros((num_attrs + 1, num_labels))
        weights[state["src"].astype(np.int64) + 1, state["dst"]] = state["weight"]
        moves = features[features["type"] == _TRANSITION]
        trans = np.zeros((num_labels, num_labels))
        trans[moves["src"], moves["dst"]] = moves["weight"]
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise BackendUnavailable(f"{path}: not a CRF NER model (crfsuite file: {exc})") from None
    rows = {attribute: i for i, attribute in enumerate(attributes, 1)}
    return labels, rows, weights, trans


def load_model(path: Path | str, name: str = "builtin") -> CrfTagger:
    """Load a model trained by :func:`extract.ner.train.train`, packed or crfsuite's own file
    (resources are read from its folder)."""
    path = Path(path)
    if not path.is_file():
        raise BackendUnavailable(f"NER model not found: {path} (rebuild it with `aqwal train-ner`)")
    return CrfTagger(path, name=name)


@cache
def load_builtin() -> CrfTagger:
    """The shipped model, loaded once per process."""
    return load_model(DATA_DIR / MODEL_FILE)
