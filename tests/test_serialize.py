"""The JSON record of an analysis: the keys the CLI prints and score.py reads, JSON-safe, offsets valid."""

from __future__ import annotations

import json

import pytest

from extract import Article, analyze
from extract.serialize import QUOTE_COLUMNS, quote_rows, to_record

TEXT = (
    "لافروف: الغرب يحاول فرض إرادته على دمشق\n\n"
    "قال وزير الخارجية الروسي سيرجي لافروف اليوم الثلاثاء إن موسكو مستعدة لاستئناف المحادثات مع واشنطن.\n"
    "وأضاف: «لن نسمح بتقسيم سوريا».\n"
    "وبحسب المرصد السوري لحقوق الإنسان، قتل عشرة مدنيين في قصف على إدلب."
)


@pytest.fixture
def record(fake_ner) -> dict:
    return to_record(analyze(Article("articles/001.txt", TEXT), ner=fake_ner))


def test_top_level_keys(record: dict) -> None:
    assert record["source"] == "articles/001.txt"
    assert {"source", "quotes", "entities"} <= set(record)
    assert "text" not in record


def test_quote_keys_and_values(record: dict) -> None:
    assert len(record["quotes"]) == 4
    for q in record["quotes"]:
        assert {"text", "start", "end", "kind", "cue", "speaker"} <= set(q)
        assert q["kind"] in ("direct", "indirect")
        assert isinstance(q["start"], int) and isinstance(q["end"], int)
        assert {"text", "canonical"} <= set(q["speaker"])
    direct = [q for q in record["quotes"] if q["kind"] == "direct"]
    assert [(q["text"], q["cue"], q["speaker"]["canonical"]) for q in direct] == [
        ("لن نسمح بتقسيم سوريا", "وأضاف", "سيرجي لافروف")
    ]


def test_speaker_text_is_the_mention_and_canonical_the_fullest_name(record: dict) -> None:
    by_cue = {q["cue"]: q["speaker"] for q in record["quotes"]}
    assert by_cue["قال"]["text"] == "وزير الخارجية الروسي سيرجي لافروف"
    assert by_cue["قال"]["canonical"] == "سيرجي لافروف"
    assert by_cue[":"]["canonical"] == "سيرجي لافروف"  # the headline's surname joins the full name
    assert by_cue["وبحسب"]["canonical"] == "المرصد السوري لحقوق الإنسان"


def test_entity_keys(record: dict) -> None:
    assert record["entities"]
    for e in record["entities"]:
        assert set(e) >= {"text", "type", "start", "end"}
        assert e["type"] in ("PERS", "LOC", "ORG", "MISC")
    assert ("سيرجي لافروف", "PERS") in {(e["text"], e["type"]) for e in record["entities"]}


def test_offsets_point_into_the_text(record: dict) -> None:
    for q in record["quotes"]:
        assert TEXT[q["start"] : q["end"]] == q["text"]
        if q.get("cue_start") is not None:
            assert TEXT[q["cue_start"] : q["cue_end"]] == q["cue"]
        sp = q["speaker"]
        if sp.get("start") is not None:
            assert TEXT[sp["start"] : sp["end"]] == sp["text"]
    for e in record["entities"]:
        assert TEXT[e["start"] : e["end"]] == e.get("written", e["text"])


def test_an_entity_is_listed_by_its_name_and_keeps_its_written_form() -> None:
    from extract.model import Entity
    from extract.serialize import entity_record

    merged = Entity(10, 23, "للأمم المتحدة", "ORG", "test", "الأمم المتحدة")
    assert entity_record(merged) == {"text": "الأمم المتحدة", "type": "ORG", "start": 10, "end": 23,
                                     "written": "للأمم المتحدة"}
    assert entity_record(Entity(0, 4, "حلب", "LOC")) == {"text": "حلب", "type": "LOC", "start": 0, "end": 4}


def test_json_round_trip(record: dict) -> None:
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert json.loads(json.dumps(record, ensure_ascii=True)) == record


def test_include_text(fake_ner) -> None:
    record = to_record(analyze(Article("a.txt", TEXT), ner=fake_ner), include_text=True)
    assert record["text"] == TEXT


def test_empty_article(fake_ner) -> None:
    record = to_record(analyze(Article("empty.txt", ""), ner=fake_ner))
    assert record["source"] == "empty.txt"
    assert record["quotes"] == [] and record["entities"] == []
    json.dumps(record)


def test_quote_rows_put_the_article_first(fake_ner) -> None:
    analysis = analyze(Article("articles/001.txt", TEXT), ner=fake_ner)
    rows = quote_rows(analysis)
    assert len(rows) == len(analysis.quotes)
    assert QUOTE_COLUMNS[0] == "source"
    assert all(len(row) == len(QUOTE_COLUMNS) and row[0] == "articles/001.txt" for row in rows)
    text_col = QUOTE_COLUMNS.index("text")
    assert [row[text_col] for row in rows] == [q.content.text for q in analysis.quotes]
