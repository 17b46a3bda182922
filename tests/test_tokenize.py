"""Tokens carry offsets into the raw text: in order, not overlapping, and text[start:end] == token."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.tokenize import reindex, tokenize


def _assert_invariants(text: str, offset: int = 0) -> None:
    tokens = tokenize(text, offset=offset)
    previous_end = offset
    for i, t in enumerate(tokens):
        assert t.index == i
        assert text[t.start - offset : t.end - offset] == t.text
        assert t.start >= previous_end
        assert t.end > t.start
        previous_end = t.end


@pytest.mark.parametrize(
    "text, words",
    [
        ("قال لافروف: «لا».", ["قال", "لافروف", ":", "«", "لا", "»", "."]),
        ("وقالت، اليوم، إن", ["وقالت", "،", "اليوم", "،", "إن"]),
        ("لـ«الشرق الأوسط»", ["لـ", "«", "الشرق", "الأوسط", "»"]),
        ("مضيفاً أن", ["مضيفاً", "أن"]),
        ("”نعم“", ["”", "نعم", "“"]),
        ("رئيس #بوينغ و#توظيف_السعوديين # 5", ["رئيس", "بوينغ", "و", "توظيف", "السعوديين", "#", "5"]),
    ],
)
def test_words(text: str, words: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == words
    _assert_invariants(text)


def test_offsets_on_arabic_sentence() -> None:
    text = "قال  وزير الخارجية\nإن «الحل» سياسي."
    tokens = tokenize(text)
    assert [(t.start, t.end) for t in tokens][:3] == [(0, 3), (5, 9), (10, 18)]
    _assert_invariants(text)


def test_offset_shifts_every_token() -> None:
    text = "قال لافروف إن الحل سياسي"
    plain, shifted = tokenize(text), tokenize(text, offset=100)
    assert [(t.start + 100, t.end + 100, t.text) for t in plain] == [(t.start, t.end, t.text) for t in shifted]


def test_empty_and_blank() -> None:
    assert tokenize("") == ()
    assert tokenize(" \n\t ") == ()


def test_reindex_numbers_from_zero() -> None:
    tokens = tokenize("قال لافروف إن الحل سياسي")[2:]
    assert [t.index for t in reindex(tokens)] == [0, 1, 2]


_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_MARKS = st.sampled_from(list("«»“”„\"'‘’.,،؛:؟!… \n\u0640\u064b\u0651"))


@settings(max_examples=150, deadline=None)
@given(st.text(st.one_of(_ARABIC, _MARKS, st.characters()), max_size=80))
def test_invariant_on_any_text(text: str) -> None:
    _assert_invariants(text)
    _assert_invariants(text, offset=7)


def test_invisible_direction_marks_are_no_part_of_a_word() -> None:
    text = "قال عبدالعزيز\u200f إن الوضع \u200fصعب \u200e(جدا)\ufeff"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قال", "عبدالعزيز", "إن", "الوضع", "صعب", "(", "جدا", ")"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.index for t in tokens] == list(range(len(tokens)))
