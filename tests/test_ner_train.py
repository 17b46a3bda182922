"""Tests for training the CRF NER model (a tiny in-test corpus; real corpora only when present)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import tiny_conll

from extract.ner.crf import load_model
from extract.ner.evaluate import read_conll
from extract.ner.features import Featurizer, load_clusters, load_gazetteer
from extract.ner.train import compile_gazetteer, evaluate_model, train
from extract.tokenize import tokenize

REPO = Path(__file__).resolve().parent.parent
NER_DATA = Path(os.environ.get("AQWAL_NER_DATA", REPO.parent / "shared/data/ner"))

def test_training_on_a_tiny_corpus_gives_a_model_that_loads_and_tags(tmp_path: Path) -> None:
    data = tmp_path / "tiny.txt"
    data.write_text(tiny_conll(), encoding="utf-8")
    out = tmp_path / "model" / "ner-crf.npz"
    summary = train([data], [data], out, max_iterations=60)
    assert out.read_bytes()[:4] == b"PK\x03\x04"  # packed, not crfsuite's own file
    assert not list(out.parent.glob("*.tmp"))
    assert summary["train_sentences"] == 40
    assert summary["dev"]["micro"]["f1"] > 0.9  # it can at least fit what it saw

    tagger = load_model(out, name="tiny")
    text = "قال جون كيري في جنيف"
    entities = tagger(text, tokenize(text))
    assert ("جون كيري", "PERS") in {(e.text, e.type) for e in entities}
    assert ("جنيف", "LOC") in {(e.text, e.type) for e in entities}
    assert all(e.backend == "tiny" for e in entities)
    # a second training into the same folder reuses its resources instead of failing
    train([data], [], out, max_iterations=5)
    assert out.is_file()


def test_compile_gazetteer_ships_digests_not_names(tmp_path: Path) -> None:
    src = tmp_path / "gaz"
    src.mkdir()
    (src / "AlignedLocGazetteer.txt").write_text("====\nاسيا\n****\nموسكو\nالأمم المتحدة\n", encoding="utf-8")
    (src / "AlignedPersGazetteer.txt").write_text("لافروف", encoding="utf-8")
    out = tmp_path / "ner-gazetteer.tsv"
    assert compile_gazetteer(src, out) == 5  # 4 entries + the prefix "الامم" of the two-word one
    text = out.read_text(encoding="utf-8")
    assert "موسكو" not in text and "====" not in text
    table = load_gazetteer(out)
    assert sorted(k for kinds in table.values() for k in kinds) == ["+", "LOC", "LOC", "LOC", "PERS"]
    feats = Featurizer(gazetteer=table).sentence(["وصل", "إلى", "الأمم", "المتحدة", "في", "موسكو", "لافروف"])
    assert "gs=B-LOC" in feats[2] and "gs=I-LOC" in feats[3]
    assert "gw=LOC" in feats[5] and "gw=PERS" in feats[6]
    assert not any(f.startswith("gs=") for f in feats[0] + feats[4])


def test_missing_resources_give_empty_tables(tmp_path: Path) -> None:
    assert load_clusters(tmp_path / "nope.tsv") == {}
    assert load_gazetteer(tmp_path / "nope.tsv") == {}


def test_real_corpus_subset_trains_and_scores(tmp_path: Path) -> None:
    train_file = NER_DATA / "anercorp-camel" / "ANERCorp_CamelLab_train.txt"
    if not train_file.is_file():
        pytest.skip(f"NER corpora not found under {NER_DATA} (set AQWAL_NER_DATA)")
    sentences = read_conll(train_file)
    subset = tmp_path / "subset.txt"
    dev = tmp_path / "dev.txt"
    for path, part in ((subset, sentences[:300]), (dev, sentences[-100:])):
        path.write_text("".join("".join(f"{w} {t}\n" for w, t in zip(*s, strict=True)) + "\n" for s in part),
                        encoding="utf-8")
    out = tmp_path / "m" / "ner-crf.npz"
    train([subset], [], out, max_iterations=40)
    scores = evaluate_model(out, read_conll(dev))
    # 300 sentences of news already find a good share of the entities in later articles
    assert scores["micro"].f1 > 0.3
    assert scores["LOC"].f1 > scores["micro"].f1 - 0.3
