"""match_key folds spelling variants the way the gold scorer does; has_arabic detects Arabic letters."""

from __future__ import annotations

import pytest

from extract.normalize import has_arabic, key_tokens, match_key, strip_diacritics


@pytest.mark.parametrize(
    "a, b",
    [
        ("أحمد", "احمد"),  # hamza above
        ("إبراهيم", "ابراهيم"),  # hamza below
        ("آمال", "امال"),  # madda
        ("ٱلله", "الله"),  # wasla
        ("مصطفى", "مصطفي"),  # alef maksura
        ("دى ميستورا", "دي ميستورا"),
        ("الخارجية", "الخارجيه"),  # teh marbuta
        ("مؤكداً", "مؤكدا"),  # tanween
        ("مضيفًا", "مضيفاً"),  # tanween before or after the alef
        ("قَالَ", "قال"),  # harakat
        ("إنّ", "إن"),  # shadda
        ("قـــال", "قال"),  # tatweel
        ("يؤكد", "يوكد"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on yeh
        ("«لافروف»", "لافروف"),  # quotation marks
        ("سيرجي   لافروف،", "سيرجي لافروف"),  # punctuation and spacing
        ("القیادة المركزیة", "القيادة المركزية"),  # Persian yeh
        ("کیری", "كيري"),  # Persian keheh and yeh
    ],
)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    "text, key",
    [
        ("وزارة الخارجية الروسية", "وزاره الخارجيه الروسيه"),
        ("قالَ إنّ", "قال ان"),
        ("أعلنت، اليوم: «نعم»", "اعلنت اليوم نعم"),
        ("", ""),
    ],
)
def test_match_key_values(text: str, key: str) -> None:
    assert match_key(text) == key


@pytest.mark.parametrize("a, b", [("قال", "قالت"), ("لافروف", "كيري"), ("ان", "من")])
def test_different_words_keep_different_keys(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


def test_strip_diacritics_keeps_letters() -> None:
    assert strip_diacritics("مُؤَكِّدًا") == "مؤكدا"
    assert strip_diacritics("قـــال") == "قال"


def test_key_tokens() -> None:
    assert key_tokens("وزير الخارجية، سيرجي لافروف") == ("وزير", "الخارجيه", "سيرجي", "لافروف")


@pytest.mark.parametrize(
    "text, expected",
    [("قال", True), ("Lavrov قال", True), ("Lavrov", False), ("123 ،؛؟", False), ("", False),
     ("ـــ", False)],
)
def test_has_arabic(text: str, expected: bool) -> None:
    assert has_arabic(text) is expected


def test_the_egyptian_hamza_seat_is_a_spelling_variant_of_word_lists() -> None:
    from extract.normalize import key_set, spelling_variants

    assert spelling_variants("مسؤول") == ("مسؤول", "مسئول")
    assert spelling_variants("وزير") == ("وزير",)
    assert key_set("المسؤول") == {match_key("المسؤول"), match_key("المسئول")}
    assert match_key("مسئول") != match_key("مسؤول")  # the key keeps them apart: the NER features rest on it
