"""Tests for silver training data: a tagger's output on unlabelled articles, as CoNLL the trainer reads."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import FakeNer

from extract.model import Entity
from extract.ner.bio import whole_token_tags
from extract.ner.evaluate import read_conll
from extract.ner.silver import main, news_texts, silver, tag_article, write_conll
from extract.tokenize import tokenize

ARTICLE = "قال سيرجي لافروف في موسكو إن الاجتماع انتهى. وأضاف لافروف أن وفدا سيزور بغداد قريبا"


def _corpus(tmp_path: Path, texts: list[str]) -> Path:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
    return path


def test_whole_token_tags_cover_the_tokens_an_entity_overlaps() -> None:
    text = "وصل الوفد بموسكو"
    tokens = tokenize(text)
    start = text.index("موسكو")
    assert whole_token_tags(tokens, [Entity(start, start + 5, "موسكو", "LOC")]) == ["O", "O", "B-LOC"]
    two = Entity(0, len(text), text, "ORG")
    assert whole_token_tags(tokens, [two, Entity(start, start + 5, "موسكو", "LOC")]) == ["B-ORG", "I-ORG", "I-ORG"]


def test_an_article_is_tagged_as_a_whole_and_split_into_sentences() -> None:
    tagger = FakeNer({"سيرجي لافروف": "PERS", "موسكو": "LOC", "بغداد": "LOC"})
    sentences = tag_article(ARTICLE, tagger)
    assert len(sentences) == 2
    first, second = sentences
    assert first[1][first[0].index("سيرجي"):first[0].index("سيرجي") + 2] == ["B-PERS", "I-PERS"]
    # the surname alone in the second sentence comes from the entity stage, not from the tagger
    assert second[1][second[0].index("لافروف")] == "B-PERS"
    assert second[1][second[0].index("بغداد")] == "B-LOC"


def test_silver_stops_at_the_token_budget_and_skips_short_articles(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["قصير جدا", ARTICLE, ARTICLE, ARTICLE])
    tagger = FakeNer({"موسكو": "LOC"})
    article_tokens = len(tokenize(ARTICLE))
    sentences = list(silver(news_texts(corpus), tagger, tokens=article_tokens + 1, min_tokens=5))
    assert sum(len(w) for w, _ in sentences) == 2 * article_tokens  # the budget is passed by whole articles
    assert list(news_texts(corpus, every=2)) == ["قصير جدا", ARTICLE]


def test_written_silver_reads_back_as_training_data(tmp_path: Path) -> None:
    out = tmp_path / "silver.conll"
    with open(out, "w", encoding="utf-8") as fh:
        written = write_conll(iter(tag_article(ARTICLE, FakeNer({"موسكو": "LOC"}))), fh)
    sentences = read_conll(out)
    assert sum(len(w) for w, _ in sentences) == written == len(tokenize(ARTICLE))
    assert any("B-LOC" in tags for _, tags in sentences)


def test_main_reports_a_missing_corpus(tmp_path: Path, capsys) -> None:
    assert main(["--corpus", str(tmp_path / "none.jsonl.gz"), "--out", str(tmp_path / "x.conll")]) == 1
    assert "none.jsonl.gz" in capsys.readouterr().err
