"""Throughput of aqwal on many articles: tokenizer alone vs the full CLI at --jobs 1 and 2, memory, start-up time."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

AQWAL = Path(sys.executable).with_name("aqwal")
# Runs a command and prints the peak RSS (KiB) of its largest process, the command's workers included.
PEAK = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def corpus(path: Path | None, n: int) -> list[str]:
    """``n`` article texts: from a gzipped JSON Lines file's ``text`` field, else the seeds repeated."""
    if path is None:
        seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
        return list(islice(cycle(seeds), n))

    def texts() -> Iterator[str]:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    yield text

    return list(islice(texts(), n))


def tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    parents[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(kids)
        frontier.extend(kids)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            pass
    return total


def run_cli(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS of the largest process and peak RSS summed over the process tree (KiB)."""
    peak_tree = 0
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PEAK, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.wait(0.05):
            if os.path.isdir("/proc"):
                peak_tree = max(peak_tree, tree_rss_kib(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"aqwal failed ({proc.returncode}): {err.strip()}")
    return seconds, int(out.strip() or 0), peak_tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--articles", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="gzipped JSON Lines with a text field (e.g. ../shared/data/corpus/news.jsonl.gz); "
                             "default: the seeds repeated")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (default 1 2)")
    parser.add_argument("--startup-runs", type=int, default=7, help="aqwal --help runs for the start-up median")
    parser.add_argument("--ner", default=None, help="aqwal's --ner (default: aqwal's own default, the neural tagger)")
    args = parser.parse_args(argv)

    texts = corpus(args.corpus, args.articles)
    ner = ["--ner", args.ner] if args.ner else []
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} articles, {chars / 1e6:.2f} M characters "
          f"({args.corpus or 'seeds/ repeated'}); {os.cpu_count()} CPUs; NER: {args.ner or 'the default'}")

    from camel_tools.tokenizers.word import simple_word_tokenize

    started = time.perf_counter()
    tokens = sum(len(simple_word_tokenize(t)) for t in texts)
    seconds = time.perf_counter() - started
    tok_rate = tokens / seconds
    print(f"(a) simple_word_tokenize alone:  {len(texts) / seconds:9.0f} articles/s  {tokens / seconds:11.0f} tokens/s"
          f"  ({tokens} tokens, {seconds:.2f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        with open(feed, "w", encoding="utf-8") as out:
            for i, text in enumerate(texts):
                out.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
        # start-up: the same command on one short article (imports, model load, output set-up)
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"id": "0", "text": "قال الوزير إن الاجتماع انتهى."}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
        startup_s = min(run_cli([str(AQWAL), "extract", str(one), "-f", "jsonl", "-q", *ner])[0] for _ in range(3))
        print(f"    aqwal extract start-up (one short article): {startup_s:.2f} s")
        walls: dict[int, float] = {}
        for jobs in args.jobs:
            seconds, peak, tree = run_cli([str(AQWAL), "extract", str(feed), "-f", "jsonl", "-q", "--jobs", str(jobs),
                                           *ner])
            walls[jobs] = seconds
            print(f"(b) aqwal extract --jobs {jobs}:      {len(texts) / seconds:9.0f} articles/s  "
                  f"{tokens / seconds:11.0f} tokens/s  ({seconds:.2f} s wall, start-up included; peak RSS "
                  f"{peak / 1024:.0f} MiB largest process, {tree / 1024:.0f} MiB all processes)")
            print(f"    {seconds / (tokens / tok_rate):.1f}x the tokenizer's time; without start-up "
                  f"{tokens / max(seconds - startup_s, 1e-9):,.0f} tokens/s")
        if 1 in walls and len(walls) > 1:
            for jobs, seconds in walls.items():
                if jobs > 1:
                    print(f"    --jobs {jobs} vs --jobs 1: {walls[1] / seconds:.2f}x wall, "
                          f"{(walls[1] - startup_s) / max(seconds - startup_s, 1e-9):.2f}x without start-up")

    startup = []
    for _ in range(args.startup_runs):
        started = time.perf_counter()
        subprocess.run([str(AQWAL), "--help"], stdout=subprocess.DEVNULL, check=True)
        startup.append(time.perf_counter() - started)
    print(f"aqwal --help start-up: median {statistics.median(startup) * 1000:.0f} ms over {len(startup)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
