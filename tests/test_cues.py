"""The cue lexicon: speech verbs with clitics and tanween, relays, markers, background openers, negations."""

from __future__ import annotations

import pytest

from extract import cues
from extract.normalize import match_key


@pytest.mark.parametrize(
    "word, lemma, kind, gender",
    [
        ("قال", "قال", "verb", "m"),
        ("وقال", "قال", "verb", "m"),
        ("فقالت", "قال", "verb", "f"),
        ("قالوا", "قال", "verb", "pl"),
        ("تقول", "قال", "verb", "f"),
        ("ويقول", "قال", "verb", "m"),
        ("وأضافت", "اضاف", "verb", "f"),
        ("يؤكد", "اكد", "verb", "m"),
        ("يوكد", "اكد", "verb", "m"),  # unhamzated spelling
        ("كما أكد".split()[1], "اكد", "verb", "m"),
        ("مضيفا", "اضاف", "participle", "m"),
        ("مضيفاً", "اضاف", "participle", "m"),
        ("مضيفًا", "اضاف", "participle", "m"),
        ("مؤكداً", "اكد", "participle", "m"),
        ("مؤكدةً", "اكد", "participle", "f"),
        ("مشيرا", "اشار", "participle", "m"),
        ("قائلا", "قال", "participle", "m"),
        ("نفى", "نفي", "verb", "m"),
        ("ونفي", "نفي", "verb", "m"),
    ],
)
def test_lookup_verb(word: str, lemma: str, kind: str, gender: str) -> None:
    form = cues.lookup_verb(match_key(word))
    assert form is not None
    assert (form.lemma, form.kind, form.gender) == (lemma, kind, gender)


@pytest.mark.parametrize(
    "word",
    ["وزير", "لافروف", "الخارجية", "سيقول", "يذكر", "ومضيفا", "قول", "إن", ""],
)
def test_not_a_verb(word: str) -> None:
    assert cues.lookup_verb(match_key(word)) is None


def test_frames() -> None:
    assert cues.lookup_verb(match_key("قال")).frame == "clause"  # type: ignore[union-attr]
    assert cues.lookup_verb(match_key("أكد")).frame == "np"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "word, lemma, gender, prep",
    [("نقلت", "نقل", "f", "عن"), ("ونقلت", "نقل", "f", "عن"), ("ونسب", "نسب", "m", "الي")],
)
def test_lookup_relay(word: str, lemma: str, gender: str, prep: str) -> None:
    relay = cues.lookup_relay(match_key(word))
    assert relay is not None
    assert (relay.lemma, relay.kind, relay.gender, relay.frame) == (lemma, "relay", gender, prep)


def test_relay_is_not_a_plain_verb() -> None:
    assert cues.lookup_relay(match_key("قال")) is None


@pytest.mark.parametrize(
    "marker, lemma",
    [("بحسب", "بحسب"), ("حسب", "بحسب"), ("بحسب ما", "بحسب"), ("وفقا لـ", "وفقا"), ("وفقاً ل", "وفقا"),
     ("نقلا عن", "نقلا عن"), ("نقلاً عن", "نقلا عن"), ("على لسان", "على لسان"), ("على حد تعبير", "على حد تعبير")],
)
def test_attribution_markers(marker: str, lemma: str) -> None:
    assert cues.attribution_markers()[tuple(match_key(marker).split())] == lemma


@pytest.mark.parametrize("opener", ["يذكر أن", "ويذكر أن", "يُذكر أن", "الجدير بالذكر أن", "ويشار إلى أن"])
def test_background_openers(opener: str) -> None:
    assert tuple(match_key(opener).split()) in cues.background_openers()


def test_negations_and_litotes() -> None:
    particles, litotes = cues.negations()
    assert {"لم", "لن", "ولم"} <= particles
    assert match_key("يستبعد") in litotes
    assert "قال" not in litotes


@pytest.mark.parametrize("word", ["إن", "أن", "إنه", "أنها", "بأن", "ان", "انه"])
def test_complementizers(word: str) -> None:
    assert match_key(word) in cues.complementizers()


@pytest.mark.parametrize("word", ["لأن", "إلا", "من", "على"])
def test_not_complementizers(word: str) -> None:
    assert match_key(word) not in cues.complementizers()


@pytest.mark.parametrize(
    "word, table, gender",
    [("وزير", "titles", "m"), ("المتحدثة", "titles", "f"), ("وزارة", "organizations", "f"),
     ("الكرملين", "organizations", "m"), ("مصادر", "unnamed_heads", "pl"), ("مسؤول", "unnamed_heads", "m")],
)
def test_head_words(word: str, table: str, gender: str) -> None:
    assert getattr(cues, table)()[match_key(word)] == gender


@pytest.mark.parametrize("word", ["الروسي", "الروسية", "الأمريكي", "الأميركية", "روسي", "السوريين"])
def test_nationalities(word: str) -> None:
    assert match_key(word) in cues.nationalities()


@pytest.mark.parametrize("line", ["مقالات ذات صلة", "اقرأ أيضاً", "اقرأ أيضا"])
def test_boilerplate_lines(line: str) -> None:
    assert match_key(line) in cues.boilerplate_lines()


@pytest.mark.parametrize("key, bare", [("وقال", "قال"), ("فقالت", "قالت"), ("وا", "وا"), ("قال", "قال")])
def test_strip_conjunction(key: str, bare: str) -> None:
    assert cues.strip_conjunction(key) == bare
