"""A neural offline NER backend: char-CNN + corpus word vectors + the CRF's sparse signals, BiLSTM, CRF layer.

The model file (``ner-neural.npz`` in ``extract/data``) holds the network weights (word vectors as
int8), its vocabularies and settings; the word clusters, corpus lexicon and gazetteer digests are
the same files the CRF backend reads, from the model's folder. Tagging needs numpy and numba only;
torch is imported for training, never when this module is imported or a model is loaded.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import BackendUnavailable
from ..normalize import match_key
from .base import SentenceTagger
from .decode import viterbi_batch
from .features import (
    CLUSTER_FILE,
    DATA_DIR,
    GAZETTEER_FILE,
    LEXICON_FILE,
    Featurizer,
    _shape,
    gaz_digest,
    split_clitics,
)

MODEL_FILE = "ner-neural.npz"
FORMAT = "aqwal-ner-neural/2"
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
PAD, UNK = 0, 1
WORD_BLOCK = 16  # words whose input gates are computed together at inference (see NeuralTagger._cache_words)

# Network settings; a training run may override any of them (they are saved with the model).
DEFAULTS: dict[str, Any] = {
    "char_dim": 32, "char_filters": 100, "char_width": 3, "max_chars": 16,
    "word_dim": 50, "word_min_count": 2,
    "cat_dim": 12, "cluster_dim": 16,
    "hidden": 96, "layers": 1, "dropout": 0.5,
    "use_vectors": True, "use_stem_vector": True, "use_words": True, "use_chars": True, "use_cats": True,
}
# Categorical per-token features (names of the columns of ``Encoder.token``'s cats, then the span mark).
CATS = ("c0", "c1", "c2", "fq", "fk", "ar", "sh", "gw", "pro", "al", "ln", "gs")


class Encoder:
    """Turns token strings into the integer inputs of the network; vocabularies come from training data."""

    def __init__(self, featurizer: Featurizer, vec_words: Sequence[str], words: Sequence[str],
                 chars: Sequence[str], cat_vocabs: dict[str, Sequence[str]], cfg: dict[str, Any]) -> None:
        self.featurizer = featurizer
        self.cfg = {**DEFAULTS, **cfg}
        self.vec_words = [str(w) for w in vec_words]
        self.vec_index = {w: i + 2 for i, w in enumerate(self.vec_words)}
        self.words = list(words)
        self.word_index = {w: i + 2 for i, w in enumerate(self.words)}
        self.chars = list(chars)
        self.char_index = {c: i + 2 for i, c in enumerate(self.chars)}
        self.cat_vocabs = {k: list(v) for k, v in cat_vocabs.items()}
        self.cat_index = {k: {s: i + 2 for i, s in enumerate(v)} for k, v in self.cat_vocabs.items()}
        self.tag_index = {t: i for i, t in enumerate(TAGS)}
        self._cache: dict[str, tuple[Any, ...]] = {}

    # -- building from data --
    @classmethod
    def build(cls, sentences: Sequence[tuple[list[str], list[str]]], resources: Path, vec_words: Sequence[str],
              cfg: dict[str, Any]) -> Encoder:
        cfg = {**DEFAULTS, **cfg}
        enc = cls(Featurizer.from_dir(resources), vec_words, [], [], {k: [] for k in CATS}, cfg)
        words: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        cats: dict[str, Counter[str]] = {k: Counter() for k in CATS}
        for tokens, _ in sentences:
            raw = [enc._raw(t) for t in tokens]
            marks = enc.gaz_spans([(r["key"], r["stem0"]) for r in raw])
            for r, mark in zip(raw, marks, strict=True):
                words[r["key"]] += 1
                chars.update(r["chars"])
                for k, v in r["cats"].items():
                    cats[k][v] += 1
                cats["gs"][mark] += 1
        enc = cls(enc.featurizer, vec_words, sorted(w for w, n in words.items() if n >= cfg["word_min_count"]),
                  sorted(chars), {k: sorted(c) for k, c in cats.items()}, cfg)
        return enc

    def _raw(self, token: str) -> dict[str, Any]:
        """The string-valued features of one token."""
        f = self.featurizer
        key = match_key(token) or token
        pro, stem0, stem1 = split_clitics(key, f.lexicon)
        clusters = f.clusters.get(key) or f.clusters.get(stem0) or f.clusters.get(stem1) or ("none",) * 3
        types: set[str] = set()
        if f.gazetteer:
            for form in {key, stem0, stem1}:
                types.update(f.gazetteer.get(gaz_digest(form), ()))
        freq, art = f.lexicon.get(stem1, ("0", "u"))
        fk = f.lexicon.get(key, ("0", "u"))[0]
        cats = {"c0": clusters[0], "c1": clusters[min(1, len(clusters) - 1)], "c2": clusters[-1],
                "fq": freq, "fk": fk, "ar": art, "sh": _shape(token), "gw": "|".join(sorted(types)),
                "pro": pro, "al": "1" if stem1 != stem0 else "0", "ln": str(min(len(key), 10))}
        return {"key": key, "stem0": stem0, "stem1": stem1, "cats": cats,
                "chars": list(key[:self.cfg["max_chars"]])}

    def gaz_spans(self, stems: Sequence[tuple[str, str]]) -> list[str]:
        """The CRF featurizer's BIO gazetteer marks (longest multi-word matches)."""
        return self.featurizer._gaz_spans(stems)

    # -- encoding --
    def token(self, token: str) -> tuple[Any, ...]:
        """``(vec_id, stem_vec_id, word_id, char_ids, cat_ids, key, stem0)`` of one token (cached)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        r = self._raw(token)
        vi = self.vec_index
        vec = vi.get(r["key"]) or vi.get(r["stem0"]) or vi.get(r["stem1"]) or UNK
        svec = vi.get(r["stem1"]) or vi.get(r["stem0"]) or UNK
        word = self.word_index.get(r["key"], UNK)
        chars = [self.char_index.get(c, UNK) for c in r["chars"]] or [UNK]
        cats = [self.cat_index[k].get(r["cats"][k], UNK) for k in CATS[:-1]]
        out = (vec, svec, word, chars, cats, r["key"], r["stem0"])
        if len(self._cache) < 500_000:
            self._cache[token] = out
        return out

    def encode_sentence(self, tokens: Sequence[str]) -> list[tuple[Any, ...]]:
        toks = [self.token(t) for t in tokens]
        marks = self.gaz_spans([(t[5], t[6]) for t in toks])
        gs = self.cat_index["gs"]
        return [(*t[:4], [*t[4], gs.get(m, UNK)]) for t, m in zip(toks, marks, strict=True)]

    def arrays(self, sentences: Sequence[Sequence[tuple[Any, ...]]], *, word_dropout: float = 0.0,
               vec_dropout: float = 0.0, rng: Any = None, full_width: bool = False) -> dict[str, Any]:
        """Padded numpy arrays for a batch of encoded sentences (optionally hiding some word identities). A
        token's category ids may leave out the span mark (as :meth:`token` gives them): its column is then
        padding. Characters are padded to the batch's longest word, or with ``full_width`` to the longest a
        word may have (``max_chars``): the character CNN's maximum also runs over the padding, so only then
        is a word's vector the same whatever words share its batch."""
        import numpy as np

        b, t = len(sentences), max(len(s) for s in sentences)
        ids = np.zeros((b, t, 3), dtype=np.int64)  # vector, stem vector, word
        width = max(len(tok[3]) for s in sentences for tok in s)
        chars = np.zeros((b, t, max(width, self.cfg["max_chars"]) if full_width else width), dtype=np.int64)
        cats = np.zeros((b, t, len(CATS)), dtype=np.int64)
        drop = rng is not None and (word_dropout > 0 or vec_dropout > 0)
        for row, sent in enumerate(sentences):
            n = len(sent)
            ids[row, :n] = [tok[:3] for tok in sent]
            if drop:  # the draws in the order training has always made them: words, then vectors
                ids[row, :n, 2] = [UNK if rng.random() < word_dropout else tok[2] for tok in sent]
                ids[row, :n, 0] = [UNK if rng.random() < vec_dropout else tok[0] for tok in sent]
            cats[row, :n, :len(sent[0][4])] = [tok[4] for tok in sent]
            for col, tok in enumerate(sent):
                chars[row, col, :len(tok[3])] = tok[3]
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        mask = np.arange(t)[None, :] < lengths[:, None]
        return {"vec": ids[:, :, 0], "svec": ids[:, :, 1], "word": ids[:, :, 2], "chars": chars, "cats": cats,
                "lengths": lengths, "mask": mask}

    def collate(self, sentences: Sequence[Sequence[tuple[Any, ...]]], *, word_dropout: float = 0.0,
                vec_dropout: float = 0.0, rng: Any = None, full_width: bool = False) -> dict[str, Any]:
        """:meth:`arrays` as torch tensors, the network's input."""
        import torch

        arrays = self.arrays(sentences, word_dropout=word_dropout, vec_dropout=vec_dropout, rng=rng,
                             full_width=full_width)
        return {k: torch.from_numpy(v) for k, v in arrays.items()}

    # -- saving and loading --
    def save(self, path: Path, net: Any, cfg: dict[str, Any]) -> None:
        """Write the network's weights (large ones as float16, word vectors as int8 with a scale per row),
        vocabularies and settings to ``path``, with the resource files beside it."""
        import torch

        state = {}
        for k, v in net.state_dict().items():
            if k == "vectors.weight":
                scale = v.abs().amax(dim=1).clamp(min=1e-8) / 127.0
                state["vectors.q"] = torch.round(v / scale[:, None]).to(torch.int8).numpy()
                state["vectors.scale"] = scale.to(torch.float16).numpy()
            elif v.is_floating_point() and v.numel() > 1000:
                state[k] = v.detach().to(torch.float16).numpy()  # half the size on disk; float32 again when loaded
            else:
                state[k] = v.detach().numpy().copy()
        meta = {"format": FORMAT, "config": {**DEFAULTS, **cfg}, "tags": list(TAGS),
                "resources": resource_digest(self.featurizer), "vec_words": self.vec_words, "words": self.words,
                "chars": self.chars, "cat_vocabs": self.cat_vocabs}
        write_model(path, meta, state)
        for name in (CLUSTER_FILE, GAZETTEER_FILE, LEXICON_FILE):
            shipped, target = DATA_DIR / name, path.parent / name
            if not target.exists() and shipped.is_file():
                shutil.copyfile(shipped, target)


def write_model(path: Path, meta: dict[str, Any], state: dict[str, Any]) -> None:
    """A model file: ``meta`` (settings and vocabularies) as JSON, and each weight array of ``state``."""
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        meta_bytes = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        np.savez(fh, meta=meta_bytes, **{f"state.{k}": v for k, v in state.items()})
    tmp.replace(path)


def read_model(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The settings and vocabularies, and the weights as float32 arrays (word vectors scaled back), of a
    model file written by :func:`write_model`.

    Raises:
        BackendUnavailable: the file is not such a model.
    """
    import numpy as np

    refused = BackendUnavailable(f"{path}: not an aqwal neural NER model")
    try:
        archive = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        raise refused from None
    if not isinstance(archive, np.lib.npyio.NpzFile):  # a lone array (.npy)
        raise refused
    try:
        with archive:
            meta = json.loads(archive["meta"].tobytes().decode("utf-8"))
            if not isinstance(meta, dict) or meta.get("format") != FORMAT \
                    or not {"config", "vec_words", "words", "chars", "cat_vocabs"} <= meta.keys():
                raise ValueError("format")
            state = {k.removeprefix("state."): archive[k] for k in archive.files if k.startswith("state.")}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # UnicodeDecodeError is a ValueError
        raise refused from None
    if "vectors.q" in state:
        q, scale = state.pop("vectors.q"), state.pop("vectors.scale")
        state["vectors.weight"] = q.astype(np.float32) * scale.astype(np.float32)[:, None]
    return meta, {k: v.astype(np.float32) if v.dtype.kind == "f" else v for k, v in state.items()}


def is_model_file(path: Path) -> bool:
    """Whether ``path`` is a file :func:`read_model` would read (a zip archive holding a ``meta`` entry)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "meta.npy" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def resource_digest(featurizer: Featurizer) -> str:
    """A digest of the cluster, lexicon and gazetteer tables the model's inputs are numbered from."""
    import hashlib

    h = hashlib.blake2b(digest_size=8)
    for table in (featurizer.clusters, featurizer.lexicon):
        for k in sorted(table):
            h.update(f"{k}\t{table[k]}\n".encode())
    for k in sorted(featurizer.gazetteer):
        h.update(f"{k}\t{sorted(featurizer.gazetteer[k])}\n".encode())
    return h.hexdigest()


@cache
def _torch_classes() -> Any:
    """The network class, defined on first use so that importing this module never imports torch."""
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self, sizes: dict[str, Any], cfg: dict[str, Any]) -> None:
            super().__init__()
            self.cfg = cfg
            dim = 0
            if cfg["use_vectors"] and sizes["vectors"] > 2:
                self.vectors = nn.Embedding(sizes["vectors"], sizes["vector_dims"], padding_idx=PAD)
                self.vectors.weight.requires_grad = False
                dim += sizes["vector_dims"] * (2 if cfg["use_stem_vector"] else 1)
            else:
                self.vectors = None
            if cfg["use_words"]:
                self.words = nn.Embedding(sizes["words"], cfg["word_dim"], padding_idx=PAD)
                dim += cfg["word_dim"]
            if cfg["use_chars"]:
                self.chars = nn.Embedding(sizes["chars"], cfg["char_dim"], padding_idx=PAD)
                self.char_conv = nn.Conv1d(cfg["char_dim"], cfg["char_filters"], cfg["char_width"],
                                           padding=cfg["char_width"] // 2)
                dim += cfg["char_filters"]
            if cfg["use_cats"]:
                self.cats = nn.ModuleList()
                for name, n in zip(CATS, sizes["cats"], strict=True):
                    d = cfg["cluster_dim"] if name.startswith("c") else cfg["cat_dim"]
                    self.cats.append(nn.Embedding(n, d, padding_idx=PAD))
                    dim += d
            self.drop = nn.Dropout(cfg["dropout"])
            self.lstm = nn.LSTM(dim, cfg["hidden"], num_layers=cfg["layers"], bidirectional=True, batch_first=True)
            self.out = nn.Linear(2 * cfg["hidden"], len(TAGS))
            k = len(TAGS)
            self.trans = nn.Parameter(torch.zeros(k, k))
            self.start = nn.Parameter(torch.zeros(k))
            self.end = nn.Parameter(torch.zeros(k))

        def emissions(self, x: dict[str, Any]) -> Any:
            return self.recur(self.inputs(x), x["lengths"], bool(x.get("sorted", False)))

        def inputs(self, x: dict[str, Any]) -> Any:
            """The per-token input vectors ``(B, T, D)``; the span mark's embedding fills the last dims."""
            parts = []
            if self.vectors is not None:
                if self.cfg["use_stem_vector"]:
                    both = self.vectors(torch.stack((x["vec"], x["svec"]), dim=-1))
                    parts.append(both.flatten(start_dim=2))
                else:
                    parts.append(self.vectors(x["vec"]))
            if self.cfg["use_words"]:
                parts.append(self.words(x["word"]))
            if self.cfg["use_chars"]:
                b, t, lc = x["chars"].shape
                c = self.chars(x["chars"].view(b * t, lc))
                c = torch.relu(self.char_conv(c.transpose(1, 2))).amax(dim=2)
                parts.append(c.view(b, t, -1))
            if self.cfg["use_cats"]:
                for i, emb in enumerate(self.cats):
                    parts.append(emb(x["cats"][:, :, i]))
            return torch.cat(parts, dim=-1)

        def recur(self, h: Any, lengths: Any, is_sorted: bool = False) -> Any:
            """Emission scores ``(B, T, tags)`` from input vectors."""
            if self.training:
                h = self.drop(h)
            if h.shape[0] == 1 or bool((lengths == h.shape[1]).all()):
                out, _ = self.lstm(h)  # no padding: no packing needed
            else:
                packed = nn.utils.rnn.pack_padded_sequence(h, lengths, batch_first=True, enforce_sorted=is_sorted)
                out, _ = self.lstm(packed)
                out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=h.shape[1])
            return self.out(self.drop(out) if self.training else out)

        def loss(self, x: dict[str, Any], gold: Any) -> Any:
            """Mean CRF negative log-likelihood of the gold tag sequences."""
            em = self.emissions(x)
            mask = x["mask"]
            b, t, _ = em.shape
            ar = torch.arange(b)
            # gold path score
            s = self.start[gold[:, 0]] + em[ar, 0, gold[:, 0]]
            for i in range(1, t):
                step = self.trans[gold[:, i - 1], gold[:, i]] + em[ar, i, gold[:, i]]
                s = s + step * mask[:, i]
            last = gold[ar, x["lengths"] - 1]
            s = s + self.end[last]
            # partition
            alpha = self.start[None, :] + em[:, 0]
            for i in range(1, t):
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None] + em[:, i, None, :], dim=1)
                alpha = torch.where(mask[:, i, None], nxt, alpha)
            z = torch.logsumexp(alpha + self.end[None, :], dim=1)
            return (z - s).sum() / b

    return Tagger


def build_network(encoder: Encoder, cfg: dict[str, Any], vectors: Any = None) -> Any:
    """A fresh network for ``encoder``'s vocabularies (``vectors``: pretrained rows for ``encoder.vec_words``)."""
    import torch

    cfg = {**DEFAULTS, **cfg}
    dims = int(vectors.shape[1]) if vectors is not None else int(cfg.get("vector_dims", 0))
    cfg["vector_dims"] = dims
    sizes = {"vectors": len(encoder.vec_words) + 2, "vector_dims": dims, "words": len(encoder.words) + 2,
             "chars": len(encoder.chars) + 2, "cats": [len(encoder.cat_vocabs[k]) + 2 for k in CATS]}
    net = _torch_classes()(sizes, cfg)
    if vectors is not None and net.vectors is not None:
        with torch.no_grad():
            net.vectors.weight.zero_()
            net.vectors.weight[2:] = torch.as_tensor(vectors)
    encoder.cfg.update(cfg)
    return net


def decode_batch(net: Any, encoder: Encoder, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for several sentences of token strings, in one pass of the network."""
    import torch

    out: list[list[str]] = [[] for _ in sentences]
    todo = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: -len(sentences[i]))
    if not todo:
        return out
    with torch.inference_mode():
        x = encoder.collate([encoder.encode_sentence(sentences[i]) for i in todo], full_width=True)  # as the tagger
        x["sorted"] = True
        em = net.emissions(x).numpy()
        trans, start, end = net.trans.detach().numpy(), net.start.detach().numpy(), net.end.detach().numpy()
    paths = viterbi_batch(em, [len(sentences[i]) for i in todo], trans, start, end)
    for i, path in zip(todo, paths, strict=True):
        out[i] = [TAGS[k] for k in path]
    return out


class NeuralTagger(SentenceTagger):
    """The neural backend: tags a text sentence by sentence, in numpy and compiled loops (no torch).

    The network's per-word part (embeddings, character CNN, the LSTM's input product) runs once per new
    word, in blocks of ``WORD_BLOCK`` words; each sentence's recurrence and decoding run in loops
    compiled with numba (:mod:`extract.ner.kernels`). Entities cover whole tokens, as ANERcorp's gold
    does; the pipeline cuts proclitics off names.
    """

    def __init__(self, model_path: Path, name: str = "neural", check_resources: bool = True) -> None:
        meta, state = read_model(model_path)
        self._kernels = _load_kernels()
        cfg = {**DEFAULTS, **meta["config"]}
        self.name = name
        self.model_path = model_path
        self.cfg = cfg
        self.encoder = Encoder(Featurizer.from_dir(model_path.parent), meta["vec_words"], meta["words"],
                               meta["chars"], meta["cat_vocabs"], cfg)
        self.featurizer = self.encoder.featurizer
        if check_resources and meta.get("resources") != resource_digest(self.featurizer):
            raise BackendUnavailable(f"{model_path}: the ner-clusters/lexicon/gazetteer files beside it are not the "
                                     "ones it was trained with; retrain it with python -m extract.ner.train_neural")
        self.state = state
        self.max_cached_tokens = 20_000
        self._reps: dict[str, Any] = {}
        try:
            self._prepare(state, cfg)
        except (KeyError, ValueError, IndexError) as exc:  # a file of the right kind with other contents
            raise BackendUnavailable(f"{model_path}: not an aqwal neural NER model (its weights do not fit: "
                                     f"{type(exc).__name__} {exc})") from None
        self.tag_sentences([["."]])  # the kernels' first call reads them from numba's cache (or compiles them)
        self.clear_caches()

    def _prepare(self, state: dict[str, Any], cfg: dict[str, Any]) -> None:
        """The network's weights as the arrays inference uses."""
        import numpy as np

        self._trans, self._start, self._end = state["trans"], state["start"], state["end"]
        # The per-word part of the network, as arrays: the same sums as the torch module's.
        if cfg["use_chars"]:
            conv = state["char_conv.weight"]  # (filters, char dims, width): flattened in the windows' order
            self._conv_weight = np.ascontiguousarray(conv.reshape(conv.shape[0], -1).T)
        if cfg["use_cats"]:  # one block table: a token's categories are summed rows
            tables = [state[f"cats.{i}.weight"] for i in range(len(CATS))]
            self._cat_table = np.zeros((sum(t.shape[0] for t in tables), sum(t.shape[1] for t in tables)),
                                       dtype=np.float32)
            self._cat_offsets = np.cumsum([0] + [t.shape[0] for t in tables[:-1]])
            row = col = 0
            for t in tables:
                self._cat_table[row:row + t.shape[0], col:col + t.shape[1]] = t
                row, col = row + t.shape[0], col + t.shape[1]
        # The LSTM, per layer: input weights (D, 8H) and both biases for the two directions, then each
        # direction's hidden weights transposed. A token's first-layer input gates depend on the token
        # alone but for its gazetteer span mark, which only adds its embedding's gates: the word's gates
        # are cached, the mark's looked up in a small table.
        self._layers = []
        for layer in range(cfg["layers"]):
            names = [f"lstm.{{}}_l{layer}{sfx}" for sfx in ("", "_reverse")]
            w_ih = np.ascontiguousarray(np.concatenate([state[n.format("weight_ih")] for n in names]).T)
            bias = np.concatenate([state[n.format("bias_ih")] + state[n.format("bias_hh")] for n in names])
            hidden = np.ascontiguousarray(np.stack([state[n.format("weight_hh")].T for n in names]))
            self._layers.append((w_ih, bias, hidden))
        # The categories' embeddings are the inputs' last columns: their rows' products with the input weights
        # are looked up and summed instead of multiplied for each word.
        self._word_weights = self._layers[0][0]
        self._cat_gates = self._gs_gates = None
        if cfg["use_cats"]:
            cat_dims = self._cat_table.shape[1]
            self._word_weights = np.ascontiguousarray(self._layers[0][0][:-cat_dims])
            self._cat_gates = self._cat_table @ self._layers[0][0][-cat_dims:]
            self._gs_gates = self._cat_gates[self._cat_offsets[-1]:]  # the span marks' rows
        self._out_weight = np.ascontiguousarray(state["out.weight"].T)
        self._out_bias = state["out.bias"]

    def network(self) -> Any:
        """The model as the torch module training uses (imports torch), for checks: it shares the tagger's
        arrays, so it is read-only (training it would leave the tagger's derived tables stale)."""
        import torch

        net = build_network(self.encoder, self.cfg)
        net.load_state_dict({k: torch.from_numpy(v) for k, v in self.state.items()}, assign=True)
        return net.eval().requires_grad_(False)

    def _input_gates(self, x: dict[str, Any]) -> Any:
        """The first LSTM layer's input gates ``(words, 8H)`` (``W_ih x + b_ih + b_hh``, both directions)
        of one row of :meth:`Encoder.arrays`."""
        gates = self._inputs(x) @ self._word_weights + self._layers[0][1]
        if self._cat_gates is not None:
            gates += self._cat_gates[x["cats"][0] + self._cat_offsets].sum(axis=1)
        return gates

    def _inputs(self, x: dict[str, Any]) -> Any:
        """The input vectors ``(words, D)`` of one row of :meth:`Encoder.arrays` but for the categories'
        embeddings (the last columns): the torch module's ``inputs``, in numpy."""
        import numpy as np
        from numpy.lib.stride_tricks import sliding_window_view

        cfg, state = self.cfg, self.state
        parts = []
        if cfg["use_vectors"] and "vectors.weight" in state:
            parts.append(state["vectors.weight"][x["vec"][0]])
            if cfg["use_stem_vector"]:
                parts.append(state["vectors.weight"][x["svec"][0]])
        if cfg["use_words"]:
            parts.append(state["words.weight"][x["word"][0]])
        if cfg["use_chars"]:
            chars = state["chars.weight"][x["chars"][0]]  # (words, chars, dims)
            n, length, dims = chars.shape
            width = int(self._conv_weight.shape[0] // dims)
            pad = width // 2
            padded = np.zeros((n, length + 2 * pad, dims), dtype=np.float32)
            padded[:, pad:pad + length] = chars
            windows = sliding_window_view(padded, width, axis=1)  # (words, positions, dims, width)
            positions = windows.shape[1]
            conv = windows.reshape(n * positions, -1) @ self._conv_weight + state["char_conv.bias"]
            parts.append(np.maximum(conv, 0).reshape(n, positions, -1).max(axis=1))
        if not parts:  # a model of categories alone
            return np.zeros((len(x["vec"][0]), 0), dtype=np.float32)
        return np.concatenate(parts, axis=1)

    def clear_caches(self) -> None:
        """Empty the per-token caches (for fair timing)."""
        self.encoder._cache.clear()
        self._reps.clear()
        self.featurizer.clear_caches()

    def _cache_words(self, sentences: Sequence[Sequence[str]]) -> None:
        """Compute the first-layer input gates of the words not yet cached, in blocks of ``WORD_BLOCK``.

        A word's gates must not depend on the words computed with it, or a text's tags would depend on what
        was tagged before it (and on ``--jobs``): every word's characters are padded to the full width, and
        the products run on blocks of one shape (the last one filled up with copies of a word), since BLAS
        rounds differently for one row than for several."""
        reps = self._reps
        new = list(dict.fromkeys(t for s in sentences for t in s if t not in reps))
        if not new:
            return
        if len(reps) + len(new) > self.max_cached_tokens:
            reps.clear()  # start afresh: every token of these sentences is computed again
            new = list(dict.fromkeys(t for s in sentences for t in s))
        enc = self.encoder
        for at in range(0, len(new), WORD_BLOCK):
            block = new[at:at + WORD_BLOCK]
            tokens = [enc.token(w) for w in block]
            tokens += tokens[:1] * (WORD_BLOCK - len(tokens))
            gates = self._input_gates(enc.arrays([tokens], full_width=True))  # span marks: padding
            for t, row in zip(block, gates, strict=False):
                reps[t] = row

    def _sentence_emissions(self, words: Sequence[str]) -> Any:
        """Emission scores ``(T, tags)`` of one non-empty sentence whose words are cached."""
        import numpy as np

        enc, reps = self.encoder, self._reps
        gates = np.stack([reps[w] for w in words])
        if self._gs_gates is not None:
            toks = [enc.token(w) for w in words]
            gs_index = enc.cat_index["gs"]
            marks = [gs_index.get(m, UNK) for m in enc.gaz_spans([(tok[5], tok[6]) for tok in toks])]
            gates += self._gs_gates[marks]
        steps = len(words)
        h = self._kernels.bilstm_layer(gates.reshape(steps, 2, -1), self._layers[0][2])
        for w_ih, bias, hidden in self._layers[1:]:
            h = self._kernels.bilstm_layer((h @ w_ih + bias).reshape(steps, 2, -1), hidden)
        return h @ self._out_weight + self._out_bias

    def emissions(self, sentences: Sequence[Sequence[str]]) -> Any:
        """Emission scores ``(sentences, longest, tags)`` of non-empty sentences, in the order given,
        padded with zeros."""
        import numpy as np

        self._cache_words(sentences)
        out = np.zeros((len(sentences), max(map(len, sentences)), len(TAGS)), dtype=np.float32)
        for row, words in enumerate(sentences):
            out[row, :len(words)] = self._sentence_emissions(words)
        return out

    def transitions(self) -> tuple[Any, Any, Any]:
        """The CRF layer's tag-to-tag, start and end scores."""
        return self._trans, self._start, self._end

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags per sentence (the new words of all of them computed in one batch)."""
        self._cache_words(sentences)
        out: list[list[str]] = []
        for words in sentences:
            if not words:
                out.append([])
                continue
            path = self._kernels.viterbi(self._sentence_emissions(words), self._trans, self._start, self._end)
            out.append([TAGS[k] for k in path])
        return out


def _load_kernels() -> Any:
    """The compiled inner loops (:mod:`extract.ner.kernels`), or why they cannot load."""
    try:
        from . import kernels
    except ImportError as exc:
        raise BackendUnavailable(f"the neural NER backend needs numba ({exc}); reinstall aqwal (`pip install -e .`) "
                                 "or use `--ner builtin`") from exc
    except RuntimeError as exc:  # numba found no writable place for its compiled-code cache
        raise BackendUnavailable(f"the neural NER backend could not set up numba ({exc}); set NUMBA_CACHE_DIR to a "
                                 "writable folder, or use `--ner builtin`") from exc
    return kernels


def load_model(path: Path | str, name: str = "neural", check_resources: bool = True) -> NeuralTagger:
    """Load a model written by :mod:`extract.ner.train_neural` (resources are read from its folder)."""
    path = Path(path)
    if not path.is_file():
        raise BackendUnavailable(f"neural NER model not found: {path} (train it with python -m "
                                 "extract.ner.train_neural)")
    return NeuralTagger(path, name=name, check_resources=check_resources)


@cache
def load_neural() -> NeuralTagger:
    """The shipped neural model, loaded once per process. Its resource files ship with it, so their
    digest (a third of a second at every start) is checked by the tests instead of at each load."""
    return load_model(DATA_DIR / MODEL_FILE, check_resources=False)
