"""Benchmark an offline NER model on a CoNLL test file: F1, tagging speed, size on disk, peak memory."""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEFAULT_TEST = REPO.parent / "shared/data/ner/anercorp-camel/ANERCorp_CamelLab_test.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_TEST, help="CoNLL test file")
    parser.add_argument("--backend", choices=("builtin", "neural"), default="neural",
                        help="builtin (the CRF) or neural (the BiLSTM-CRF, the default backend)")
    parser.add_argument("--model", type=Path, default=None,
                        help="model file instead of the shipped one: a CRF or a neural model (.npz)")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes (best is reported)")
    parser.add_argument("--per-text", type=int, default=20,
                        help="also score texts of this many consecutive sentences with the pipeline's entity stage "
                             "(ANERcorp articles average about 15 sentences; 0: skip)")
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from extract.errors import BackendUnavailable
    from extract.model import Token
    from extract.ner import crf, load_model_file, neural
    from extract.ner.evaluate import evaluate_backend, lines_to_text, read_conll, tokens_to_text
    from extract.ner.features import CLUSTER_FILE, GAZETTEER_FILE, LEXICON_FILE

    module = crf if args.backend == "builtin" else neural
    model_path = args.model or module.DATA_DIR / module.MODEL_FILE

    if not args.gold.is_file():
        print(f"bench/ner.py: {args.gold}: no such file", file=sys.stderr)
        return 1
    sentences = read_conll(args.gold)
    n_tokens = sum(len(w) for w, _ in sentences)

    # the first load, untraced (tracing slows allocation several times), is the one a user waits for;
    # the Python heap is then traced over a second load (torch and the shared lexicon already in memory)
    try:
        t0 = time.perf_counter()
        tagger = load_model_file(model_path)
        load_s = time.perf_counter() - t0
    except BackendUnavailable as err:
        print(f"bench/ner.py: {err}", file=sys.stderr)
        return 1
    tracemalloc.start()
    load_model_file(model_path)
    _, load_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    scores = evaluate_backend(tagger, sentences)
    text_scores = evaluate_backend(tagger, sentences, per_text=args.per_text) if args.per_text > 0 else None

    # Speed, with a fresh feature cache each pass so repeated words do not flatter the figure: each
    # sentence as a text of its own, and texts of --per-text sentences a line each, the way an
    # article's sentences are tagged (a batch; the tags are the same either way).
    def best_seconds(texts: list[tuple[str, tuple[Token, ...]]]) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            tagger.clear_caches()
            t0 = time.perf_counter()
            for text, tokens in texts:
                tagger(text, tokens)
            best = min(best, time.perf_counter() - t0)
        return best

    n = args.per_text
    best_alone = best_seconds([tokens_to_text(w) for w, _ in sentences])
    best_texts = best_seconds([lines_to_text([w for w, _ in sentences[at:at + n]])
                               for at in range(0, len(sentences), n)]) if n > 1 else None

    names = (model_path.name, CLUSTER_FILE, LEXICON_FILE, GAZETTEER_FILE)  # the model and the resources it reads
    files = sorted(p for p in (model_path.parent / name for name in names) if p.is_file())
    size = sum(p.stat().st_size for p in files)
    peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"gold file      : {args.gold} ({len(sentences):,} sentences, {n_tokens:,} tokens)")
    print(f"model          : {model_path}")
    tables = [("each sentence alone (the tagger)", scores)]
    if text_scores is not None:
        tables.append((f"texts of {args.per_text} sentences (tagger + the pipeline's entity stage)", text_scores))
    for title, table in tables:
        print(title)
        print(f"  {'type':<8} {'P':>7} {'R':>7} {'F1':>7} {'support':>8}")
        for kind, s in table.items():
            print(f"  {kind:<8} {s.precision:7.4f} {s.recall:7.4f} {s.f1:7.4f} {s.support:8d}")
    print(f"micro F1       : {scores['micro'].f1:.4f} each sentence alone"
          + (f", {text_scores['micro'].f1:.4f} in texts of {args.per_text} sentences" if text_scores else ""))
    print(f"tagging speed  : {n_tokens / best_alone:,.0f} tokens/s each sentence alone"
          + (f", {n_tokens / best_texts:,.0f} tokens/s in texts of {n} sentences" if best_texts else "")
          + f" (one core, best of {args.repeat}, after load)")
    print(f"load time      : {load_s:.2f} s")
    parts = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f}" for p in files)
    print(f"size on disk   : {size / 1e6:.2f} MB ({parts})")
    print(f"peak memory    : {peak_rss_kb / 1024:.0f} MB RSS (process); "
          f"{load_peak / 1e6:.1f} MB Python heap while loading the model again")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
