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
    for model in (MODEL_FILE, "ner-neural.npz"):
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


def _crfsuite_tags(crfsuite_model: Path, featurizer: Featurizer, sentences: list[list[str]]) -> list[list[str]]:
    """What crfsuite's own tagger says, from the same features."""
    import pycrfsuite

    reference = pycrfsuite.Tagger()
    reference.open(str(crfsuite_model))
    return [list(reference.tag(featurizer.sentence(s))) for s in sentences]


ARTICLE = ("قال وزير الخارجية الروسي سيرجي لافروف في موسكو إن بلاده لن تقبل بذلك. وأضاف أن الأمم المتحدة "
           "ستعقد اجتماعا في جنيف.\nمن جهته، قال المتحدث باسم وزارة الخارجية الأمريكية جون كيربي إن واشنطن "
           "تدرس المقترح، بحسب وكالة رويترز. وكانت صحيفة نيويورك تايمز قد نقلت عن مسؤولين في البنتاغون قولهم "
           "إن القوات الروسية انسحبت من تدمر وحمص ودير الزور ؟ ولم يعلق الكرملين")


@pytest.fixture(scope="module")
def trained_here(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A packed model and crfsuite's own file for it: trained on ANERcorp's first 600 sentences when the
    corpus is beside the checkout (real features and weights), else on the tests' tiny corpus."""
    from conftest import tiny_conll

    from extract.ner.evaluate import read_conll
    from extract.ner.train import train

    folder = tmp_path_factory.mktemp("crf")
    data = folder / "train.txt"
    anercorp = Path(__file__).resolve().parents[2] / "shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt"
    if anercorp.is_file():
        data.write_text("".join("".join(f"{w} {t}\n" for w, t in zip(*s, strict=True)) + "\n"
                                for s in read_conll(anercorp)[:600]), encoding="utf-8")
    else:
        data.write_text(tiny_conll(), encoding="utf-8")
    packed, raw = folder / "model" / "ner-crf.npz", folder / "model" / "ner-crf.crfsuite"
    train([data], [], packed, max_iterations=40, crfsuite_copy=raw)
    return packed, raw


def test_packed_model_has_crfsuites_exact_weights(trained_here: tuple[Path, Path]) -> None:
    import numpy as np

    from extract.ner.crf import read_model, read_weights

    packed, raw = trained_here
    labels, rows, state, trans = read_model(packed)
    raw_labels, raw_rows, raw_state, raw_trans = read_weights(raw)
    assert (labels, rows) == (raw_labels, raw_rows)
    assert np.array_equal(state, raw_state) and np.array_equal(trans, raw_trans)
    assert len(rows) > 100 and np.count_nonzero(state) > 100 and not state[0].any()
    assert packed.stat().st_size < raw.stat().st_size / 2
    assert read_model(str(packed))[0] == labels  # a path given as a string reads the same


def test_array_tagger_gives_crfsuites_tags(trained_here: tuple[Path, Path]) -> None:
    from extract.ner.crf import load_model

    packed, raw = trained_here
    tagger = load_model(packed)
    tokens = tokenize(ARTICLE)
    words = [t.text for t in tokens]
    sentences = [words[a:b] for a, b in sentence_ranges(words)]
    sentences += [["قال", "جون", "كيري", "في", "جنيف", "."], ["وصل", "الوفد", "إلى", "موسكو"], ["كيري"]]
    assert len(sentences) >= 7
    expected = _crfsuite_tags(raw, tagger.featurizer, sentences)
    assert tagger.tag_sentences(sentences) == expected
    assert [tagger.tag_words(s) for s in sentences] == expected  # one at a time, from a warm cache
    tagger.clear_caches()
    assert tagger.tag_sentences(sentences[::-1]) == expected[::-1]
    assert any(tag != "O" for tags in expected for tag in tags)
    assert tagger.tag_sentences([[], words[:3], []])[0::2] == [[], []]
    assert load_model(raw).tag_sentences(sentences) == expected  # crfsuite's file itself also loads


def test_the_shipped_model_is_packed_and_tags_a_known_sentence() -> None:
    tagger = load_builtin()
    assert (DATA_DIR / MODEL_FILE).read_bytes()[:4] == b"PK\x03\x04"
    words = ["قال", "جون", "كيري", "في", "جنيف", "."]
    assert tagger.tag_words(words)[1:5] == ["B-PERS", "I-PERS", "O", "B-LOC"]


def test_a_file_that_is_not_a_crf_model_gives_a_clear_error(tmp_path: Path) -> None:
    import numpy as np

    from extract.errors import BackendUnavailable
    from extract.ner.crf import load_model

    other = tmp_path / "other.npz"
    np.savez_compressed(other, format=np.array("something else"))
    for content in (b"", b"not a model at all", b"lCRF" + bytes(60), (DATA_DIR / MODEL_FILE).read_bytes()[:2000],
                    other.read_bytes()):
        bad = tmp_path / "ner-crf.npz"
        bad.write_bytes(content)
        with pytest.raises(BackendUnavailable, match="not a CRF NER model"):
            load_model(bad)
    with pytest.raises(BackendUnavailable, match="not found"):
        load_model(tmp_path / "missing.model")
