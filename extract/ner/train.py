"""Train the built-in CRF NER model, and build its word-cluster and gazetteer resources."""

from __future__ import annotations

import gzip
import json
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..normalize import match_key
from .bio import bio_spans
from .crf import pack_crfsuite_model
from .evaluate import Scores, Sentence, read_conll, score
from .features import (
    CLUSTER_FILE,
    GAZ_MAX_WORDS,
    GAZETTEER_FILE,
    LEXICON_FILE,
    PREFIX_KIND,
    Featurizer,
    gaz_digest,
    iter_gazetteer_entries,
)

Log = Callable[[str], None]

# Features that name the word itself (form, stems, word bigrams), hidden by identity dropout.
_IDENTITY = ("w=", "s0=", "s1=", "bw=", "fw=")


def _quiet(_: str) -> None:
    pass


def read_corpora(files: Iterable[Path | str]) -> list[Sentence]:
    """All sentences of several CoNLL files, tags mapped onto PERS/LOC/ORG/MISC."""
    sentences: list[Sentence] = []
    for f in files:
        sentences.extend(read_conll(f))
    return sentences


def retokenize(sentence: Sentence) -> Sentence | None:
    """The sentence re-split the way aqwal tokenizes text (punctuation apart), or None if nothing changes.

    A split token's tag goes to its word pieces (B- to the first, I- after); punctuation pieces at
    the edges of an entity token become O.
    """
    from camel_tools.tokenizers.word import simple_word_tokenize

    words, tags = sentence
    new_words: list[str] = []
    new_tags: list[str] = []
    changed = False
    for word, tag in zip(words, tags, strict=True):
        pieces = simple_word_tokenize(word) or [word]
        if len(pieces) == 1:
            new_words.append(word)
            new_tags.append(tag)
            continue
        changed = True
        wordy = [i for i, p in enumerate(pieces) if any(ch.isalnum() for ch in p)]
        first, last = (wordy[0], wordy[-1]) if wordy else (0, -1)
        for i, piece in enumerate(pieces):
            new_words.append(piece)
            if tag == "O" or not first <= i <= last:
                new_tags.append("O")
            else:
                new_tags.append(tag if i == first else "I-" + tag[2:])
    return (new_words, new_tags) if changed else None


def conll_gazetteer_entries(files: Iterable[Path | str]) -> Iterable[tuple[str, str]]:
    """``(type, normalized phrase)`` of the entities in other annotated corpora, as an extra name list.

    Types are prefixed ``x`` (whole names) and ``t`` (single words of multi-word names) so the
    model weighs them apart from ANERGazet.
    """
    for words, tags in read_corpora(files):
        for first, last, kind in bio_spans(tags):
            keys = [k for k in (match_key(w) for w in words[first:last]) if k]
            if not keys or len(keys) > GAZ_MAX_WORDS:
                continue
            yield "x" + kind, " ".join(keys)
            if len(keys) > 1:
                for key in keys:
                    if len(key) > 2:
                        yield "t" + kind, key


def compile_gazetteer(source_dir: Path | None, out_path: Path, extra_conll: Sequence[Path | str] = ()) -> int:
    """Write gazetteer entries as ``TYPE<TAB>digest`` lines (features only: no entry text is shipped).

    Entries come from ANERGazet (``source_dir``) and, optionally, from the entities of other
    annotated corpora (``extra_conll``, e.g. WikiANN).
    """
    entries = set(iter_gazetteer_entries(source_dir)) if source_dir is not None else set()
    entries.update(conll_gazetteer_entries(extra_conll))
    prefixes = {(PREFIX_KIND, " ".join(words[:k])) for _, key in entries if len(words := key.split()) > 1
                for k in range(1, len(words))}
    rows = sorted({(kind, gaz_digest(key)) for kind, key in entries | prefixes})
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as fh:
        fh.write("# name lists as blake2b-48 digests of extract.normalize.match_key forms (+: prefix of a longer "
                 "entry): ANERGazet "
                 "(Benajiba et al. 2007)" + (" and entities of " + ", ".join(Path(f).name for f in extra_conll)
                                             if extra_conll else "") + "\n")
        for kind, digest in rows:
            fh.write(f"{kind}\t{digest}\n")
    return len(rows)


def _corpus_sentences(corpus: Path, limit_words: int) -> Iterable[list[str]]:
    """Normalized word lists, one per line of article text, from a news.jsonl.gz file."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    total = 0
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            record = json.loads(line)
            for para in f"{record.get('title', '')}\n{record.get('text', '')}".split("\n"):
                words = [match_key(w) for w in simple_word_tokenize(para)]
                words = [w for w in words if w]
                if words:
                    total += len(words)
                    yield words
            if total >= limit_words:
                return


def build_clusters(sents: Sequence[list[str]], out_path: Path, *, vocab_size: int = 60_000, contexts: int = 3000,
                   dims: int = 120, ks: Sequence[int] = (64, 256, 1024), seed: int = 13, log: Log = _quiet) -> int:
    """Cluster words by their neighbours: PPMI over left/right context words, SVD, then k-means at several k.

    Writes ``word<TAB>id_k1<TAB>id_k2...`` (coarse to fine) and returns the number of words.
    Only word forms and cluster numbers are written, never corpus text.
    """
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    t0 = time.time()
    counts: Counter[str] = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= 5]
    index = {w: i for i, w in enumerate(vocab)}
    ctx_index = {w: i for i, w in enumerate(vocab[:contexts])}
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        ids = [index.get(w, -1) for w in s]
        cids = [ctx_index.get(w, -1) for w in s]
        for i, wid in enumerate(ids):
            if wid < 0:
                continue
            for d, off in ((-2, 0), (-1, 1), (1, 2), (2, 3)):
                j = i + d
                c = cids[j] if 0 <= j < len(s) else -1
                if c >= 0:
                    rows.append(wid)
                    cols.append(off * contexts + c)
    mat = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                            shape=(len(vocab), 4 * contexts))
    mat.sum_duplicates()
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel()
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** 0.75  # context smoothing as in word2vec
    col_sum = col_sum / col_sum.sum() * total
    coo = mat.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=mat.shape)
    vecs = TruncatedSVD(n_components=dims, random_state=seed).fit_transform(ppmi)
    vecs = normalize(vecs)
    log(f"clusters: PPMI-SVD {vecs.shape} in {time.time() - t0:.0f}s")
    labels = []
    for k in ks:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=200)
        labels.append(km.fit_predict(vecs))
        log(f"clusters: k={k} done in {time.time() - t0:.0f}s")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as fh:
        fh.write(f"# word clusters (PPMI-SVD {dims}d + k-means k={','.join(map(str, ks))}) "
                 "derived from ANT Corpus and SaudiNewsNet news text; no text is included\n")
        for i, w in enumerate(vocab):
            fh.write(w + "\t" + "\t".join(str(lab[i]) for lab in labels) + "\n")
    return len(vocab)


def build_lexicon(sents: Sequence[list[str]], out_path: Path, *, min_count: int = 3) -> int:
    """Per normalized word: its corpus frequency and how often it takes the article ال (names rarely do).

    Writes ``word<TAB>log2_frequency<TAB>article_bucket`` (0: under 2% .. 3: over 60%; ``-`` for words
    that start with ال) and returns the number of words. Only word statistics, never text.
    """
    counts: Counter[str] = Counter(w for s in sents for w in s)
    rows = []
    for word, n in counts.items():
        if n < min_count:
            continue
        if word.startswith("ال"):
            bucket = "-"
        else:
            ratio = counts.get("ال" + word, 0) / (n + counts.get("ال" + word, 0))
            bucket = "0" if ratio < 0.02 else "1" if ratio < 0.2 else "2" if ratio < 0.6 else "3"
        rows.append(f"{word}\t{min(n.bit_length(), 16)}\t{bucket}\n")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as fh:
        fh.write("# word, log2 frequency, article-ratio bucket; derived from ANT Corpus and SaudiNewsNet news "
                 "text (word statistics only)\n")
        fh.writelines(sorted(rows))
    return len(rows)


def build_corpus_resources(corpus: Path, out_dir: Path, *, limit_words: int = 12_000_000, log: Log = _quiet) -> None:
    """Read the unlabeled corpus once and write the cluster and lexicon files into ``out_dir``."""
    t0 = time.time()
    sents = list(_corpus_sentences(corpus, limit_words))
    log(f"corpus: {sum(map(len, sents)):,} words read in {time.time() - t0:.0f}s")
    n = build_lexicon(sents, out_dir / LEXICON_FILE)
    log(f"wrote {n:,} words to {out_dir / LEXICON_FILE}")
    n = build_clusters(sents, out_dir / CLUSTER_FILE, log=log)
    log(f"wrote {n:,} word clusters to {out_dir / CLUSTER_FILE}")


def _ensure_resources(out_dir: Path, corpus: Path | None, gazetteer_dir: Path | None, log: Log) -> None:
    """Build requested resources into ``out_dir``; otherwise reuse the shipped ones (copied beside the model)."""
    from .features import DATA_DIR

    out_dir.mkdir(parents=True, exist_ok=True)
    if corpus is not None:
        build_corpus_resources(corpus, out_dir, log=log)
    if gazetteer_dir is not None:
        n = compile_gazetteer(gazetteer_dir, out_dir / GAZETTEER_FILE)
        log(f"wrote {n:,} gazetteer digests to {out_dir / GAZETTEER_FILE}")
    for name in (CLUSTER_FILE, GAZETTEER_FILE, LEXICON_FILE):
        shipped, target = DATA_DIR / name, out_dir / name
        if not target.exists() and shipped.is_file() and shipped.resolve() != target.resolve():
            shutil.copyfile(shipped, target)


def train(train_files: Sequence[Path | str], dev_files: Sequence[Path | str], out_path: Path | str, *,
          corpus: Path | str | None = None, gazetteer_dir: Path | str | None = None,
          dev_fraction: float = 0.0, c1: float = 0.02, c2: float = 0.05, max_iterations: int = 250,
          min_freq: int = 1, augment_tokenization: bool = False, identity_dropout: float = 0.0, seed: int = 13,
          crfsuite_copy: Path | None = None, log: Log = _quiet) -> dict[str, Any]:
    """Train a CRF on CoNLL files and write it, packed, to ``out_path`` (clusters and gazetteer beside it).

    Args:
        train_files: CoNLL files to train on.
        dev_files: CoNLL files scored after training (never used for fitting).
        out_path: the model file; resource files are written to (or reused from) its folder.
        corpus: a news.jsonl.gz to build word clusters from (otherwise the shipped clusters are reused).
        gazetteer_dir: an ANERGazet folder to compile (otherwise the shipped digests are reused).
        dev_fraction: hold out this last fraction of the training sentences as extra dev data.
        identity_dropout: also train on a copy of the data in which this share of tokens lose their
            word-identity features (0 disables the copy).
        augment_tokenization: also train on a copy of each sentence re-split by aqwal's tokenizer
            (corpora glue punctuation to words; articles are tagged with it split off).
        crfsuite_copy: also keep crfsuite's own model file here (aqwal reads either).

    Returns:
        A summary: sentence counts, seconds, and dev scores when there is dev data.
    """
    import pycrfsuite

    out_path = Path(out_path)
    _ensure_resources(out_path.parent, Path(corpus) if corpus else None,
                      Path(gazetteer_dir) if gazetteer_dir else None, log)
    featurizer = Featurizer.from_dir(out_path.parent)
    sentences = read_corpora(train_files)
    dev = read_corpora(dev_files) if dev_files else []
    if dev_fraction > 0:
        cut = int(len(sentences) * (1 - dev_fraction))
        sentences, dev = sentences[:cut], sentences[cut:] + dev
    if augment_tokenization:
        sentences = sentences + [r for r in map(retokenize, sentences) if r is not None]
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(seed)
    for words, tags in sentences:
        feats = featurizer.sentence(words)
        trainer.append(feats, tags)
        if identity_dropout > 0:
            # a second copy with some words' identity hidden, so the model also learns to find
            # names from context, clusters and affixes (the unseen-name case at test time)
            trainer.append([[f for f in fs if not f.startswith(_IDENTITY)] if rng.random() < identity_dropout
                            else fs for fs in feats], tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True, "feature.minfreq": min_freq})
    log(f"training on {len(sentences):,} sentences ({sum(len(w) for w, _ in sentences):,} tokens)")
    raw = out_path.with_name(out_path.name + ".crfsuite.tmp")
    trainer.train(str(raw))
    pack_crfsuite_model(raw, out_path)
    if crfsuite_copy is not None:
        raw.replace(crfsuite_copy)
    else:
        raw.unlink()
    summary: dict[str, Any] = {"train_sentences": len(sentences), "seconds": round(time.time() - t0, 1),
                               "model": str(out_path), "model_bytes": out_path.stat().st_size}
    log(f"trained in {summary['seconds']}s -> {out_path} ({summary['model_bytes']:,} bytes)")
    if dev:
        scores = evaluate_model(out_path, dev, featurizer)
        summary["dev"] = {k: v.as_dict() for k, v in scores.items()}
        log("dev: " + "  ".join(f"{k} {v.f1:.4f}" for k, v in scores.items()))
    return summary


def evaluate_model(model_path: Path, sentences: Sequence[Sentence], featurizer: Featurizer | None = None
                   ) -> dict[str, Scores]:
    """Score a model file on gold sentences, tagging each gold sentence as a unit."""
    from .crf import CrfTagger

    tagger = CrfTagger(model_path, featurizer)
    return score([t for _, t in sentences], [tagger.tag_words(w) for w, _ in sentences])
