"""Paragraphs, repeated paragraphs, the body's end, and sentences that never split inside quotation marks."""

from __future__ import annotations

import pytest

from extract import analyze
from extract.segment import body_end, paragraphs, repeated_paragraphs, split_sentences
from extract.tokenize import tokenize


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_paragraphs_are_trimmed_non_blank_lines() -> None:
    text = "هدنة في حلب\n\n  قال لافروف إن الحل سياسي.  \r\n\t\nوأضاف أن الهدنة صامدة."
    assert _texts(text, paragraphs(text)) == ["هدنة في حلب", "قال لافروف إن الحل سياسي.", "وأضاف أن الهدنة صامدة."]


def test_paragraphs_stop_at_end() -> None:
    text = "الأول\nالثاني\nالثالث"
    assert _texts(text, paragraphs(text, end=text.index("الثالث"))) == ["الأول", "الثاني"]


def test_repeated_paragraph_is_detected_ignoring_punctuation() -> None:
    text = "قال لافروف إن الحل سياسي.\n\nهدنة في حلب\n\nقال لافروف، إن الحل سياسي!"
    assert repeated_paragraphs(text, paragraphs(text)) == {2}


def test_short_repeats_are_not_duplicates() -> None:
    text = "عاجل\nقال لافروف إن الحل سياسي.\nعاجل"  # fewer than four words
    assert repeated_paragraphs(text, paragraphs(text)) == set()


@pytest.mark.parametrize("marker", ["مقالات ذات صلة", "اقرأ أيضاً", "أخبار ذات صلة", "التعليقات"])
def test_body_ends_at_page_furniture(marker: str) -> None:
    text = f"قال لافروف إن الحل سياسي.\n{marker}\nقال كيري إن الهدنة صامدة."
    assert body_end(text) == text.index(marker)


def test_marker_inside_a_sentence_does_not_end_the_body() -> None:
    text = "ونشرت الصحيفة مقالات ذات صلة بالموضوع.\nقال كيري إن الهدنة صامدة."
    assert body_end(text) == len(text)


def test_body_end_without_marker_is_text_length() -> None:
    assert body_end("قال لافروف إن الحل سياسي.") == len("قال لافروف إن الحل سياسي.")


def test_text_after_body_end_is_not_analyzed(fake_ner) -> None:
    text = "قال لافروف إن الحل سياسي.\nمقالات ذات صلة\nقال كيري إن الهدنة صامدة."
    analysis = analyze(text, ner=fake_ner)
    assert all(t.end <= text.index("مقالات") for t in analysis.tokens)


def _sentences(text: str, ner) -> list[str]:
    return [s.text for s in analyze(text, ner=ner).sentences]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال لافروف إن الحل سياسي. وأضاف أن الهدنة صامدة؟ نعم!",
         ["قال لافروف إن الحل سياسي.", "وأضاف أن الهدنة صامدة؟", "نعم!"]),
        ("قال لافروف: «الوضع صعب. لكننا متفائلون». وأضاف أن الحل سياسي.",
         ["قال لافروف: «الوضع صعب. لكننا متفائلون».", "وأضاف أن الحل سياسي."]),
        ('وقال كيري: "الوضع صعب. لكننا متفائلون" ثم غادر.',
         ['وقال كيري: "الوضع صعب. لكننا متفائلون" ثم غادر.']),
        ("وقالت: “هل انتهى الأمر؟ لا”. ثم غادرت.",
         ["وقالت: “هل انتهى الأمر؟ لا”.", "ثم غادرت."]),
        ("انتهى الاجتماع... وبدأ آخر.", ["انتهى الاجتماع...", "وبدأ آخر."]),
        ("السطر الأول\nالسطر الثاني", ["السطر الأول", "السطر الثاني"]),
    ],
)
def test_sentences(text: str, expected: list[str], fake_ner) -> None:
    assert _sentences(text, fake_ner) == expected


def test_unbalanced_mark_does_not_protect_the_rest(fake_ner) -> None:
    text = "قال لافروف: «الوضع صعب. وأضاف أن الحل سياسي."
    assert len(_sentences(text, fake_ner)) == 2


def test_sentences_carry_paragraph_and_token_ranges(fake_ner) -> None:
    text = "قال لافروف إن الحل سياسي.\n\nوأضاف أن الهدنة صامدة. ثم غادر."
    analysis = analyze(text, ner=fake_ner)
    assert [s.paragraph for s in analysis.sentences] == [0, 1, 1]
    for s in analysis.sentences:
        assert text[s.start : s.end] == s.text
        inside = analysis.tokens[s.token_start : s.token_end]
        assert inside[0].start == s.start and inside[-1].end == s.end


def test_an_abbreviated_title_ends_no_sentence() -> None:
    text = "وقال د. محمد الأحمد إن المرض منتشر. وأضاف م. خالد أن العلاج متوفر."
    tokens = tokenize(text)
    sentences = split_sentences(text, tokens, paragraphs(text))
    assert [s.text for s in sentences] == ["وقال د. محمد الأحمد إن المرض منتشر.", "وأضاف م. خالد أن العلاج متوفر."]
