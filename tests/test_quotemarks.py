"""Quotation-mark pairing per paragraph: every style, reversed RTL copies, and stray marks that never fail."""

from __future__ import annotations

import pytest

from extract.quotemarks import pair_quotes
from extract.tokenize import tokenize


def _quoted(text: str) -> list[str]:
    """The text inside each pair, in order of the opening mark."""
    tokens = tokenize(text)
    pairs = pair_quotes(text, tokens, 0, len(tokens))
    return [text[tokens[p.open].end : tokens[p.close].start] for p in pairs]


@pytest.mark.parametrize(
    "text, inside",
    [
        ("قال: «الحل سياسي» ثم غادر", ["الحل سياسي"]),
        ("قال: »الحل سياسي« ثم غادر", ["الحل سياسي"]),  # typed as seen on screen
        ("قال: “الحل سياسي” ثم غادر", ["الحل سياسي"]),
        ("قال: ”الحل سياسي“ ثم غادر", ["الحل سياسي"]),  # RTL copy of “…”
        ("قال: ”الحل سياسي” ثم غادر", ["الحل سياسي"]),
        ('قال: "الحل سياسي" ثم غادر', ["الحل سياسي"]),
        ("قال: 'الحل سياسي' ثم غادر", ["الحل سياسي"]),
        ("قال: ‘الحل سياسي’ ثم غادر", ["الحل سياسي"]),
        ('صحيفة "واشنطن بوست" وقناة "العربية"', ["واشنطن بوست", "العربية"]),
        ("«الأول» و«الثاني»", ["الأول", "الثاني"]),
        ("قال: «إن “الهدنة” صامدة»", ["إن “الهدنة” صامدة", "الهدنة"]),  # nested pairs are both kept
        ("«جملة. وأخرى؟ وثالثة!»", ["جملة. وأخرى؟ وثالثة!"]),
    ],
)
def test_pairs(text: str, inside: list[str]) -> None:
    assert _quoted(text) == inside


@pytest.mark.parametrize(
    "text, inside",
    [
        ("قال: «الحل سياسي ثم غادر", []),  # opener only
        ("قال: الحل سياسي» ثم غادر", []),  # closer only
        ('قال: "الحل سياسي ثم غادر', []),
        ('وقال "الحل" سياسي "ثم', ["الحل"]),  # a third straight mark stays unpaired
        ("«»", []),  # empty pair is no quotation
        ("« »", []),
        ("قال O'Brien إن الحل سياسي", []),  # an apostrophe between Latin letters is not a mark
        ("«الأول» ثم «الثاني", ["الأول"]),
        ("»«", []),
        ('"', []),
        ("", []),
    ],
)
def test_unbalanced_marks_never_pair_wrongly(text: str, inside: list[str]) -> None:
    assert _quoted(text) == inside


def test_crossing_pairs_keep_the_outer_one() -> None:
    text = "«أ “ب» ج” د"
    assert _quoted(text) == ["أ “ب"]


def test_pairs_stay_within_the_given_token_range() -> None:
    text = "«الفقرة الأولى\n»الفقرة الثانية"
    tokens = tokenize(text)
    newline = text.index("\n")
    split = next(i for i, t in enumerate(tokens) if t.start > newline)
    assert pair_quotes(text, tokens, 0, split) == []
    assert pair_quotes(text, tokens, split, len(tokens)) == []


def test_pairs_are_sorted_by_opening_mark() -> None:
    text = "«أ» و“ب” و\"ج\""
    tokens = tokenize(text)
    pairs = pair_quotes(text, tokens, 0, len(tokens))
    assert [p.open for p in pairs] == sorted(p.open for p in pairs)
    assert len(pairs) == 3
    assert all(p.contains(p.open + 1) and not p.contains(p.close) for p in pairs)
