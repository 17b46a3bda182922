"""Silver training data: a tagger's entities on unlabelled news, written as CoNLL.

The gold corpus has a few thousand names; the news corpus has far more, in the contexts where aqwal
meets them. Training the fast CRF on slower taggers' output over news articles (next to the gold
data) teaches it names and contexts the gold corpus lacks ("uptraining"). The teacher is the neural
tagger, decoded together with fine-tuned multilingual-e5-small when ``--e5`` is given (the shipped CRF's
silver data). Each article is tagged as a whole and goes through the pipeline's entity stage (one name,
one type per article), and an entity is written on the whole tokens it covers, as the gold corpora tag
them.

Usage (from the repository root; the taggers must be the ones trained on all of the gold data), as the
shipped model's data was made, in two halves side by side::

    python -m extract.ner.silver --corpus ../shared/data/corpus/news.jsonl.gz --e5 /tmp/e5-ner.pt \\
        --tokens 600000 --every 18 --offset 0 --out /tmp/silver.0.conll   # and --offset 9
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..entities import propagate_entities
from ..tokenize import tokenize
from .base import NerBackend
from .bio import whole_token_tags
from .features import text_sentence_ranges

Sentence = tuple[list[str], list[str]]
MAX_SENTENCE_TOKENS = 150  # longer "sentences" are lists and tables: not worth learning from


def tag_article(text: str, tagger: NerBackend) -> list[Sentence]:
    """One article's sentences with the tagger's tags, after the entity stage."""
    tokens = tokenize(text)
    if not tokens:
        return []
    tags = whole_token_tags(tokens, propagate_entities(text, tokens, tagger(text, tokens)))
    words = [t.text for t in tokens]
    return [(words[a:b], tags[a:b]) for a, b in text_sentence_ranges(text, tokens) if 0 < b - a <= MAX_SENTENCE_TOKENS]


def news_texts(corpus: Path, every: int = 1, offset: int = 0) -> Iterator[str]:
    """The ``text`` field of every ``every``-th line of a gzipped JSON Lines corpus, from line ``offset``."""
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i % every == offset % every:
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    yield text


def silver(texts: Iterator[str], tagger: NerBackend, *, tokens: int, min_tokens: int = 20,
           max_tokens: int = 3000) -> Iterator[Sentence]:
    """Tagged sentences of whole articles until ``tokens`` article tokens have been used; articles
    shorter than ``min_tokens`` (captions) or longer than ``max_tokens`` (dumps) are skipped."""
    used = 0
    for text in texts:
        sentences = tag_article(text, tagger)
        size = sum(len(words) for words, _ in sentences)
        if not min_tokens <= size <= max_tokens:
            continue
        yield from sentences
        used += size
        if used >= tokens:
            return


def write_conll(sentences: Iterator[Sentence], out: TextIO) -> int:
    """``TOKEN TAG`` lines, a blank line after each sentence; returns the number of tokens written."""
    count = 0
    for words, tags in sentences:
        out.writelines(f"{w} {t}\n" for w, t in zip(words, tags, strict=True))
        out.write("\n")
        count += len(words)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="gzipped JSON Lines news corpus (text field)")
    parser.add_argument("--out", type=Path, required=True, help="CoNLL file to write")
    parser.add_argument("--tokens", type=int, default=1_200_000, help="article tokens to tag (default 1.2 M)")
    parser.add_argument("--every", type=int, default=9, help="take every N-th article (default 9: spread over "
                                                              "the corpus)")
    parser.add_argument("--offset", type=int, default=0, help="start at this article (to split a run into "
                                                                 "parts: --every 18 --offset 0, then 9)")
    parser.add_argument("--model", type=Path, default=None, help="neural model (default: the shipped one)")
    parser.add_argument("--e5", type=Path, default=None, help="a fine-tuned e5 model (extract.ner.e5_teacher) "
                                                              "decoded together with the neural tagger")
    parser.add_argument("--e5-weight", type=float, default=0.5, help="share of e5's log-probabilities added to "
                                                                     "the neural tagger's scores (default 0.5)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"silver: {args.corpus}: no such file", file=sys.stderr)
        return 1
    from .neural import load_model, load_neural

    tagger: NerBackend = load_model(args.model) if args.model else load_neural()
    if args.e5:
        from .e5_teacher import E5Tagger, JointTagger

        tagger = JointTagger(tagger, E5Tagger(args.e5), args.e5_weight)
    texts = news_texts(args.corpus, args.every, args.offset)
    with open(args.out, "w", encoding="utf-8") as out:
        written = write_conll(silver(texts, tagger, tokens=args.tokens), out)
    print(f"silver: {written:,} tokens -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
