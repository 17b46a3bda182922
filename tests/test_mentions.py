"""Speaker phrases: title + name chains, organisations, unnamed sources, and where a phrase must stop."""

from __future__ import annotations

import pytest

from extract.mentions import parse_mention, parse_mention_ending_at
from extract.quotemarks import pair_quotes
from extract.segment import paragraphs, split_sentences
from extract.speakers import mention_span
from extract.tokenize import tokenize
from extract.view import TextView


def _view(text: str, ner) -> TextView:
    tokens = tokenize(text)
    pairs = pair_quotes(text, tokens, 0, len(tokens))
    sentences = split_sentences(text, tokens, paragraphs(text))
    return TextView(text, tokens, sentences, pairs, ner(text, tokens))


@pytest.mark.parametrize(
    "text, mention, type_, gender",
    [
        ("وزير الخارجية الروسي سيرجي لافروف للصحفيين اليوم إن", "وزير الخارجية الروسي سيرجي لافروف", "PERS", "m"),
        ("وزير الخارجية الأمريكي جون كيري في مؤتمر صحفي", "وزير الخارجية الأمريكي جون كيري", "PERS", "m"),
        ("المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن", "المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا",
         "PERS", "f"),
        ("المبعوث الأممي الخاص إلى سوريا ستافان دي ميستورا إن", "المبعوث الأممي الخاص إلى سوريا ستافان دي ميستورا",
         "PERS", "m"),
        ("وزير الدفاع التركي خلوصي أكار إن", "وزير الدفاع التركي خلوصي أكار", "PERS", "m"),  # name unknown to NER
        ("الأمين العام للجامعة العربية أحمد أبو الغيط أن", "الأمين العام للجامعة العربية أحمد أبو الغيط", "PERS", "m"),
        ("لافروف اليوم إن", "لافروف", "PERS", "any"),
        ("وزارة الخارجية الروسية في بيان إن", "وزارة الخارجية الروسية", "ORG", "f"),
        ("المرصد السوري لحقوق الإنسان إن", "المرصد السوري لحقوق الإنسان", "ORG", "m"),
        ("الكرملين أن", "الكرملين", "ORG", "m"),
        ("مسؤول أميركي إن", "مسؤول أميركي", "UNNAMED", "m"),
        ("مصادر في المعارضة السورية إن", "مصادر في المعارضة السورية", "UNNAMED", "pl"),
        ("مصادر مطلعة إن", "مصادر مطلعة", "UNNAMED", "pl"),
    ],
)
def test_parse_mention(text: str, mention: str, type_: str, gender: str, fake_ner) -> None:
    view = _view(text, fake_ner)
    m = parse_mention(view, 0, len(view.tokens))
    assert m is not None
    assert mention_span(view, m).text == mention
    assert (m.type, m.gender) == (type_, gender)


def test_title_chain_records_title_and_name(fake_ner) -> None:
    text = "وزير الخارجية الروسي سيرجي لافروف إن"
    view = _view(text, fake_ner)
    m = parse_mention(view, 0, len(view.tokens))
    assert m is not None and m.title is not None and m.name is not None
    words = [t.text for t in view.tokens]
    assert words[m.title[0] : m.title[1]] == ["وزير", "الخارجية", "الروسي"]
    assert words[m.name[0] : m.name[1]] == ["سيرجي", "لافروف"]


def test_clitic_waw_is_cut_from_the_span(fake_ner) -> None:
    text = "ووزير الخارجية الروسي سيرجي لافروف"
    view = _view(text, fake_ner)
    m = parse_mention(view, 0, len(view.tokens))
    assert m is not None and m.skip == 1
    span = mention_span(view, m)
    assert span.text == "وزير الخارجية الروسي سيرجي لافروف"
    assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", ["إن الحل سياسي", "اليوم الخميس", "في بيان", "، قال", "الذي قال", ""])
def test_no_mention(text: str, fake_ner) -> None:
    view = _view(text, fake_ner)
    assert parse_mention(view, 0, len(view.tokens)) is None


def test_mention_respects_limit(fake_ner) -> None:
    view = _view("وزير الخارجية الروسي سيرجي لافروف", fake_ner)
    m = parse_mention(view, 0, 3)
    assert m is not None and m.last <= 3


def test_mention_ending_at_a_cue(fake_ner) -> None:
    text = "وكان وزير الخارجية الروسي سيرجي لافروف قد قال"
    view = _view(text, fake_ner)
    end = [t.text for t in view.tokens].index("قد")
    m = parse_mention_ending_at(view, end, 0)
    assert m is not None
    assert mention_span(view, m).text == "وزير الخارجية الروسي سيرجي لافروف"


def test_a_future_verb_does_not_extend_a_name(fake_ner) -> None:
    # «سيوقع» is س and a present verb the corpus knows: the name stops before it
    ner = fake_ner.with_entities({"ريك سكوت": "PERS"})
    view = _view("الحاكم ريك سكوت سيوقع على القانون", ner)
    m = parse_mention(view, 0, len(view.tokens))
    assert m is not None and mention_span(view, m).text == "الحاكم ريك سكوت"


def test_a_derived_verbal_noun_does_not_extend_a_name(fake_ner) -> None:
    # «استخدام» (استفعال) after the name is what was announced
    ner = fake_ner.with_entities({"بوريس بيكر": "PERS"})
    view = _view("نجم التنس بوريس بيكر استخدام \"الحصانة الدبلوماسية\" لوقف ملاحقته", ner)
    m = parse_mention(view, 2, len(view.tokens))
    assert m is not None and mention_span(view, m).text == "بوريس بيكر"
