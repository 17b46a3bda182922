"""Tests for the shipped built-in CRF NER backend and its features."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Entity
from extract.ner import get_backend
from extract.ner.crf import DATA_DIR, MODEL_FILE, load_builtin
from extract.ner.features import Featurizer, proclitic_length, sentence_ranges, shipped_lexicon, split_clitics
from extract.pipeline import clean_entities
from extract.tokenize import tokenize

SENTENCE = "قال وزير الخارجية الروسي سيرجي لافروف في موسكو"


def _spans(entities: tuple[Entity, ...]) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in entities}


def test_each_shipped_tagger_is_at_most_25_mb_with_the_resources_it_reads() -> None:
    from extract.ner.features import CLUSTER_FILE, GAZETTEER_FILE, LEXICON_FILE

    shared = sum((DATA_DIR / name).stat().st_size for name in (CLUSTER_FILE, GAZETTEER_FILE, LEXICON_FILE))
    for model in (MODEL_FILE, "ner-neural.pt"):
        assert (DATA_DIR / model).is_file()
        assert shared + (DATA_DIR / model).stat().st_size <= 25_000_000, model


def test_builtin_tags_person_and_location() -> None:
    backend = load_builtin()
    assert backend.name == "builtin"
    entities = backend(SENTENCE, tokenize(SENTENCE))
    assert ("سيرجي لافروف", "PERS") in _spans(entities)
    assert ("موسكو", "LOC") in _spans(entities)
    assert all(e.backend == "builtin" for e in entities)


def test_registry_returns_the_cached_builtin() -> None:
    assert get_backend("builtin") is load_builtin()


def test_offsets_point_into_the_text_across_sentences_and_lines() -> None:
    text = ("ذكرت وكالة الإعلام الروسية أن وزير الخارجية سيرجي لافروف قال، اليوم الخميس، إن الجيش "
            "أوقف العمليات في شرق حلب.\n\nوأضاف لافروف أنه تم الاتفاق على اجتماع في جنيف مع كيري!  "
            "وقال الرئيس الأمريكي باراك أوباما في واشنطن")
    prefix = "عنوان\n"
    full = prefix + text
    tokens = tokenize(text, offset=len(prefix))
    entities = load_builtin()(full, tokens)
    assert entities, "expected some entities"
    token_starts = {t.start for t in tokens}
    token_ends = {t.end for t in tokens}
    for e in entities:
        assert full[e.start:e.end] == e.text
        assert e.start in token_starts and e.end in token_ends
        assert e.type in ("PERS", "LOC", "ORG", "MISC")
    assert [e.start for e in entities] == sorted(e.start for e in entities)
    # no entity crosses a sentence or line break
    assert all("\n" not in e.text and "." not in e.text for e in entities)


def test_empty_input() -> None:
    assert load_builtin()("", ()) == ()


def test_split_clitics() -> None:
    assert split_clitics("والرييس") == ("و", "الرييس", "رييس")
    assert split_clitics("وبموسكو") == ("وب", "موسكو", "موسكو")
    assert split_clitics("للامم") == ("ل", "الامم", "امم")
    assert split_clitics("ولد") == ("", "ولد", "ولد")  # too short to strip


def test_sentence_ranges_split_at_final_punctuation_and_newlines() -> None:
    words = ["أ", "ب", ".", "ج", "د", "؟", "ه", "و"]
    gaps = ["", " ", " ", " ", " ", " ", " ", "\n"]
    assert sentence_ranges(words, gaps) == [(0, 3), (3, 6), (6, 7), (7, 8)]
    assert sentence_ranges(words) == [(0, 3), (3, 6), (6, 8)]


@pytest.mark.parametrize("words", [["موسكو"], ["في", "موسكو", "."], ["(", "سيرجي", ")"]])
def test_feature_lists_are_per_token(words: list[str]) -> None:
    feats = Featurizer().sentence(words)
    assert len(feats) == len(words)
    assert all(isinstance(f, str) for fs in feats for f in fs)


@pytest.mark.parametrize(
    "token, expected",
    [("بألمانيا", "ألمانيا"), ("وأمريكا", "أمريكا"), ("وَبغداد", "بغداد"),
     ("لافروف", "لافروف"), ("كيري", "كيري"), ("لبنان", "لبنان"), ("للأمم", "للأمم")],
)
def test_the_pipeline_cuts_a_proclitic_off_a_name(token: str, expected: str) -> None:
    text = f"زار الوفد {token} أمس."
    start = text.index(token)
    entity = Entity(start, start + len(token), token, "LOC", "builtin")
    (cleaned,) = clean_entities(text, tokenize(text), (entity,))
    assert cleaned.text == expected
    assert text[cleaned.start:cleaned.end] == cleaned.text


def test_a_person_keeps_a_leading_b_or_l() -> None:
    assert proclitic_length("بريتا", shipped_lexicon(), person=True) == 0
    assert proclitic_length("ولافروف", shipped_lexicon(), person=True) == 1
    assert proclitic_length("وَلافروف", shipped_lexicon(), person=True) == 2  # the diacritic goes with the و


def test_the_tagger_itself_labels_whole_tokens() -> None:
    """ANERcorp's convention, so that `aqwal eval ner` scores the tagger as the corpus does."""
    text = "وصل الوزير إلى بغداد قادما من بألمانيا وبيروت."
    tokens = tokenize(text)
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    for e in load_builtin()(text, tokens):
        assert e.start in starts and e.end in ends


def _crfsuite_tags(model: object, sentences: list[list[str]]) -> list[list[str]]:
    """What crfsuite's own tagger says, from the same features."""
    import pycrfsuite

    reference = pycrfsuite.Tagger()
    reference.open(str(model.model_path))  # type: ignore[attr-defined]
    return [list(reference.tag(model.featurizer.sentence(s))) for s in sentences]  # type: ignore[attr-defined]


ARTICLE = ("قال وزير الخارجية الروسي سيرجي لافروف في موسكو إن بلاده لن تقبل بذلك. وأضاف أن الأمم المتحدة "
           "ستعقد اجتماعا في جنيف.\nمن جهته، قال المتحدث باسم وزارة الخارجية الأمريكية جون كيربي إن واشنطن "
           "تدرس المقترح، بحسب وكالة رويترز. وكانت صحيفة نيويورك تايمز قد نقلت عن مسؤولين في البنتاغون قولهم "
           "إن القوات الروسية انسحبت من تدمر وحمص ودير الزور ؟ ولم يعلق الكرملين")


def test_array_tagger_gives_crfsuites_tags() -> None:
    tagger = load_builtin()
    tokens = tokenize(ARTICLE)
    words = [t.text for t in tokens]
    sentences = [words[a:b] for a, b in sentence_ranges(words)]
    assert len(sentences) >= 4
    expected = _crfsuite_tags(tagger, sentences)
    assert tagger.tag_sentences(sentences) == expected
    assert [tagger.tag_words(s) for s in sentences] == expected  # one at a time, from a warm cache
    tagger.clear_caches()
    assert tagger.tag_sentences(sentences[::-1]) == expected[::-1]
    assert any(tag != "O" for tags in expected for tag in tags)
    assert tagger.tag_sentences([[], words[:3], []])[0::2] == [[], []]


def test_array_tagger_matches_crfsuite_on_a_model_trained_here(tmp_path: Path) -> None:
    from conftest import tiny_conll

    from extract.ner.crf import load_model
    from extract.ner.train import train

    data = tmp_path / "tiny.txt"
    data.write_text(tiny_conll(), encoding="utf-8")
    out = tmp_path / "model" / "ner-crf.model"
    train([data], [], out, max_iterations=30)
    tagger = load_model(out, name="tiny")
    sentences = [["قال", "جون", "كيري", "في", "جنيف", "."], ["وصل", "الوفد", "إلى", "موسكو"], ["كيري"]]
    assert tagger.tag_sentences(sentences) == _crfsuite_tags(tagger, sentences)
    assert tagger.tag_words(sentences[0])[1:3] == ["B-PERS", "I-PERS"]


def test_a_file_that_is_not_a_crfsuite_model_gives_a_clear_error(tmp_path: Path) -> None:
    from extract.errors import BackendUnavailable
    from extract.ner.crf import load_model

    for content in (b"not a model at all", b"lCRF" + bytes(60), (DATA_DIR / MODEL_FILE).read_bytes()[:2000]):
        bad = tmp_path / "ner-crf.model"
        bad.write_bytes(content)
        with pytest.raises(BackendUnavailable, match="not a crfsuite NER model"):
            load_model(bad)
    with pytest.raises(BackendUnavailable, match="not found"):
        load_model(tmp_path / "missing.model")
