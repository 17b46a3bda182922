"""Train the neural NER tagger (char-CNN + word vectors + the CRF's sparse signals -> BiLSTM -> CRF).

Usage (from the repository root)::

    python -m extract.ner.train_neural \\
        --train ../shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt \\
        --corpus ../shared/data/corpus/news.jsonl.gz --out extract/data --dev-fraction 0.1

The shipped model was trained that way (defaults: BiLSTM 96 per direction, char-CNN 100 filters,
word dropout 0.25, up to 36 epochs; the epoch with the best micro F1 on the last 10 % of the
training file is kept; about 5 minutes on one core). Without ``--dev-fraction`` the last epoch is
written (``--swa-start N`` averages the weights from epoch N on instead).

Word vectors are PPMI-SVD vectors over positional ±2 contexts in the unlabelled news corpus (the
same kind of vectors the CRF's word clusters are cut from), stored as int8. The clusters, lexicon
and gazetteer digests are reused from ``--resources`` (the shipped ``extract/data`` by default).
Everything is seeded and runs on one thread.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .evaluate import Sentence, read_conll, score
from .neural import (
    DATA_DIR,
    MODEL_FILE,
    Encoder,
    build_network,
    decode_batch,
)

Log = Callable[[str], None]


def _print(msg: str) -> None:
    print(msg, flush=True)


# -- word vectors from the unlabelled corpus --------------------------------------------------

def corpus_ids(corpus: Path, limit_words: int, cache: Path | None = None) -> tuple[list[str], Any]:
    """The corpus as one int32 array of word ids (``-1`` between lines) and its vocabulary (by frequency)."""
    import numpy as np

    if cache is not None and cache.is_file():
        data = np.load(cache, allow_pickle=False)
        return [str(w) for w in data["vocab"]], data["ids"]
    from .train import _corpus_sentences

    counts: Counter[str] = Counter()
    sents = list(_corpus_sentences(corpus, limit_words))
    for s in sents:
        counts.update(s)
    vocab = [w for w, _ in counts.most_common()]
    index = {w: i for i, w in enumerate(vocab)}
    flat: list[int] = []
    for s in sents:
        flat.extend(index[w] for w in s)
        flat.append(-1)
    ids = np.asarray(flat, dtype=np.int32)
    if cache is not None:
        np.savez(cache, vocab=np.asarray(vocab), ids=ids)
    return vocab, ids


def build_vectors(vocab: Sequence[str], ids: Any, *, vocab_size: int = 100_000, min_count: int = 3,
                  contexts: int = 5000, dims: int = 100, seed: int = 13, log: Log = _print) -> tuple[list[str], Any]:
    """PPMI over left/right ±2 positional context words, then truncated SVD; rows L2-normalized."""
    import numpy as np
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    t0 = time.time()
    counts = np.bincount(ids[ids >= 0], minlength=len(vocab))
    n_words = int(min(vocab_size, int((counts >= min_count).sum())))
    rows_all, cols_all = [], []
    for k, d in enumerate((-2, -1, 1, 2)):
        if d < 0:
            w, c = ids[-d:], ids[:d]
        else:
            w, c = ids[:-d], ids[d:]
        # a context must not cross a line break (-1 marks one)
        if abs(d) == 2:
            mid = ids[1:-1]
            ok = mid >= 0
        else:
            ok = np.ones(len(w), dtype=bool)
        keep = ok & (w >= 0) & (w < n_words) & (c >= 0) & (c < contexts)
        rows_all.append(w[keep])
        cols_all.append(c[keep] + k * contexts)
    rows = np.concatenate(rows_all)
    cols = np.concatenate(cols_all)
    mat = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n_words, 4 * contexts))
    mat.sum_duplicates()
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel() + 1e-9
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total + 1e-9
    coo = mat.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=mat.shape)
    vecs = TruncatedSVD(n_components=dims, random_state=seed, n_iter=7).fit_transform(ppmi)
    vecs = normalize(vecs).astype(np.float32)
    log(f"vectors: PPMI-SVD {vecs.shape} in {time.time() - t0:.0f}s")
    return list(vocab[:n_words]), vecs


# -- training -----------------------------------------------------------------------------------

def _batches(n: int, lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar-length sentences, in random order."""
    order = sorted(range(n), key=lambda i: (lengths[i], rng.random()))
    batches = [order[i:i + batch_size] for i in range(0, n, batch_size)]
    rng.shuffle(batches)
    return batches


def evaluate(net: Any, encoder: Encoder, sentences: Sequence[Sentence], batch_size: int = 64) -> dict[str, Any]:
    import torch

    net.eval()
    predicted: list[list[str]] = []
    with torch.no_grad():
        for i in range(0, len(sentences), batch_size):
            chunk = [w for w, _ in sentences[i:i + batch_size]]
            predicted.extend(decode_batch(net, encoder, chunk))
    return score([t for _, t in sentences], predicted)


def train(train_files: Sequence[Path | str], out_dir: Path | str, *, corpus: Path | str | None = None,
          resources: Path | str | None = None, dev_fraction: float = 0.0, dev_files: Sequence[Path | str] = (),
          epochs: int = 36, batch_size: int = 16, lr: float = 2e-3, seed: int = 13,
          config: dict[str, Any] | None = None, word_dropout: float = 0.25, vec_dropout: float = 0.05,
          corpus_words: int = 12_000_000, vector_words: int = 100_000, vector_dims: int = 100,
          corpus_cache: Path | str | None = None, max_minutes: float = 18.0, patience: int = 10,
          keep_best: bool = True, swa_start: int = 0, dev_from: str = "end", log: Log = _print) -> dict[str, Any]:
    """Train a tagger and write ``ner-neural.npz`` into ``out_dir``.

    With dev data (``dev_fraction`` of the training file's end, or ``dev_files``) the epoch with the
    best dev micro F1 is kept (when ``keep_best``); without, the last epoch is written, or with
    ``swa_start`` the mean of the weights of the epochs from ``swa_start`` on (with dev data, that
    mean is scored after each epoch too and competes for "best").
    """
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    t_start = time.time()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    res_dir = Path(resources) if resources else DATA_DIR

    sentences: list[Sentence] = []
    for f in train_files:
        sentences.extend(read_conll(f))
    dev: list[Sentence] = []
    if dev_fraction > 0 and dev_from == "start":  # an alternative split, for cross-checks
        cut = int(len(sentences) * dev_fraction)
        dev, sentences = sentences[:cut], sentences[cut:]
    elif dev_fraction > 0:
        cut = int(len(sentences) * (1 - dev_fraction))
        sentences, dev = sentences[:cut], sentences[cut:]
    for f in dev_files:
        dev.extend(read_conll(f))

    vec_words: list[str] = []
    vecs = None
    if corpus:
        vocab, ids = corpus_ids(Path(corpus), corpus_words, Path(corpus_cache) if corpus_cache else None)
        log(f"corpus: {int((ids >= 0).sum()):,} words, {len(vocab):,} types ({time.time() - t_start:.0f}s)")
        vec_words, vecs = build_vectors(vocab, ids, vocab_size=vector_words, dims=vector_dims, seed=seed, log=log)

    cfg = dict(config or {})
    encoder = Encoder.build(sentences, res_dir, vec_words, cfg)
    net = build_network(encoder, cfg, vecs)
    log(f"network: {sum(p.numel() for p in net.parameters() if p.requires_grad):,} trainable parameters; "
        f"config {json.dumps(cfg, sort_keys=True)}")
    params = [p for p in net.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 / (1 + 0.05 * e))

    encoded = [encoder.encode_sentence(w) for w, _ in sentences]
    tag_ids = [[encoder.tag_index[t] for t in tags] for _, tags in sentences]
    lengths = [len(w) for w, _ in sentences]
    best_f1, best_state, best_epoch, history = -1.0, None, 0, []
    swa_state: dict[str, Any] | None = None
    swa_n = 0
    for epoch in range(1, epochs + 1):
        net.train()
        t0 = time.time()
        total = 0.0
        for batch in _batches(len(sentences), lengths, batch_size, rng):
            inputs = encoder.collate([encoded[i] for i in batch], word_dropout=word_dropout,
                                     vec_dropout=vec_dropout, rng=rng)
            gold = torch.zeros(inputs["mask"].shape, dtype=torch.long)
            for row, i in enumerate(batch):
                gold[row, :lengths[i]] = torch.tensor(tag_ids[i])
            loss = net.loss(inputs, gold)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += float(loss.detach())
        sched.step()
        entry: dict[str, Any] = {"epoch": epoch, "loss": round(total / len(sentences), 4),
                                 "seconds": round(time.time() - t0, 1)}
        if dev:
            scores = evaluate(net, encoder, dev)
            entry["dev"] = round(scores["micro"].f1, 4)
            entry.update({k: round(v.f1, 3) for k, v in scores.items() if k != "micro"})
            if scores["micro"].f1 > best_f1:
                best_f1, best_epoch = scores["micro"].f1, epoch
                best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        if swa_start and epoch >= swa_start:
            # running mean of the weights of the epochs since swa_start (a free ensemble of checkpoints)
            current = {k: v.detach().clone() for k, v in net.state_dict().items()}
            if swa_state is None:
                swa_state, swa_n = {k: v.clone() for k, v in current.items()}, 1
            else:
                swa_n += 1
                for k, v in current.items():
                    if v.is_floating_point():
                        swa_state[k] += (v - swa_state[k]) / swa_n
            if dev:
                net.load_state_dict(swa_state)
                swa_scores = evaluate(net, encoder, dev)
                entry["swa"] = round(swa_scores["micro"].f1, 4)
                if swa_scores["micro"].f1 > best_f1:
                    best_f1, best_epoch = swa_scores["micro"].f1, epoch
                    best_state = {k: v.clone() for k, v in swa_state.items()}
                net.load_state_dict(current)
        history.append(entry)
        log(json.dumps(entry))
        if dev and epoch - best_epoch >= patience:
            break
        if (time.time() - t_start) / 60 > max_minutes:
            log("time limit reached")
            break
    if keep_best and best_state is not None:
        net.load_state_dict(best_state)
    elif swa_state is not None:
        net.load_state_dict(swa_state)  # no dev data (or --last): the averaged weights
    path = out_dir / MODEL_FILE
    encoder.save(path, net, encoder.cfg)
    summary = {"model": str(path), "model_bytes": path.stat().st_size, "best_epoch": best_epoch,
               "best_dev": round(best_f1, 4) if dev else None, "epochs_run": len(history),
               "minutes": round((time.time() - t_start) / 60, 1), "history": history}
    if dev:
        final = evaluate(net, encoder, dev)
        summary["dev_scores"] = {k: v.as_dict() for k, v in final.items()}
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.ner.train_neural", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, nargs="+", required=True, help="CoNLL training file(s)")
    parser.add_argument("--corpus", type=Path, help="news.jsonl.gz for the word vectors (none: no vectors)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write ner-neural.npz into")
    parser.add_argument("--resources", type=Path, help="folder with ner-clusters/lexicon/gazetteer (default: shipped)")
    parser.add_argument("--dev-fraction", type=float, default=0.0, help="hold out the last fraction as dev")
    parser.add_argument("--dev-from", choices=("end", "start"), default="end",
                        help="take the dev fraction from the end (default) or the start of the file")
    parser.add_argument("--dev", type=Path, nargs="*", default=[], help="extra dev CoNLL file(s)")
    parser.add_argument("--epochs", type=int, default=36)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--patience", type=int, default=10)
    parser.add_argument("--max-minutes", type=float, default=18.0)
    parser.add_argument("--word-dropout", type=float, default=0.25)
    parser.add_argument("--vec-dropout", type=float, default=0.05)
    parser.add_argument("--corpus-words", type=int, default=12_000_000)
    parser.add_argument("--vector-words", type=int, default=100_000)
    parser.add_argument("--vector-dims", type=int, default=100)
    parser.add_argument("--corpus-cache", type=Path, help="cache the tokenized corpus here (.npz) between runs")
    parser.add_argument("--swa-start", type=int, default=0, help="average the weights from this epoch on (0: off)")
    parser.add_argument("--last", action="store_true", help="write the last epoch, not the best dev epoch")
    parser.add_argument("--config", default="{}", help="JSON network settings (see extract.ner.neural.DEFAULTS)")
    parser.add_argument("--summary", type=Path, help="write the training summary (JSON) here")
    args = parser.parse_args(argv)
    summary = train(args.train, args.out, corpus=args.corpus, resources=args.resources,
                    dev_fraction=args.dev_fraction, dev_files=args.dev, epochs=args.epochs,
                    batch_size=args.batch_size, lr=args.lr, seed=args.seed, config=json.loads(args.config),
                    word_dropout=args.word_dropout, vec_dropout=args.vec_dropout, corpus_words=args.corpus_words,
                    vector_words=args.vector_words, vector_dims=args.vector_dims, corpus_cache=args.corpus_cache,
                    max_minutes=args.max_minutes, patience=args.patience, keep_best=not args.last,
                    swa_start=args.swa_start, dev_from=args.dev_from)
    _print(f"wrote {summary['model']} ({summary['model_bytes']:,} bytes); best dev {summary['best_dev']} "
           f"at epoch {summary['best_epoch']}, {summary['minutes']} min")
    if args.summary:
        args.summary.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
