"""Arabic normalization for matching only: never used to compute offsets."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_ARABIC_LETTER = re.compile("[\u0621-\u063f\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff]")  # U+0640 tatweel is no letter


def strip_diacritics(text: str) -> str:
    """Remove harakat, tanween, shadda, sukun, superscript alef and tatweel."""
    return _DIACRITICS.sub("", text)


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """The matching key of a word or phrase.

    NFKC, no diacritics or tatweel, one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, Persian ی ک → ي ك, no punctuation,
    single spaces.
    This is the normalization the gold scorer applies, plus the hamza-seat folding that
    unhamzated spellings (يوكد for يؤكد) need.
    """
    text = unicodedata.normalize("NFKC", text)
    text = strip_diacritics(text).translate(_ALEF)
    text = text.replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    text = text.replace("\u0624", "\u0648").replace("\u0626", "\u064a").translate(_PERSIAN_FORMS)
    return " ".join(_NON_WORD.sub(" ", text).split())


# Persian and Urdu forms that some sites and keyboards put in Arabic text (القیادة، کیری): ی ک ہ ۀ ے
_PERSIAN_FORMS = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u06c0": "\u0647",
                                "\u06d2": "\u064a"})


def is_arabic_letter(text: str) -> bool:
    """Exactly one Arabic letter (the د of «د.», an abbreviated title)."""
    return len(text) == 1 and _ARABIC_LETTER.match(text) is not None


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def key_tokens(text: str) -> tuple[str, ...]:
    return tuple(match_key(text).split())


def spelling_variants(word: str) -> tuple[str, ...]:
    """The word, and with ئ for ؤ when it has one: Egyptian spelling seats that hamza on ي (مسئول،
    الشئون for مسؤول، الشؤون), which the matching key keeps apart."""
    return (word, word.replace("\u0624", "\u0626")) if "\u0624" in word else (word,)


def key_set(words: str) -> frozenset[str]:
    """The matching keys of space-separated words (and of their spelling variants), for word lists in code."""
    return frozenset(match_key(v) for w in words.split() for v in spelling_variants(w))


_HASHTAG_MARKS = re.compile(r"#(?=\w)|(?<=\w)_(?=\w)")


def without_hashtag_marks(text: str) -> str:
    """«#الشرطة_النمساوية» → «الشرطة النمساوية»: a hashtag's marks are no part of the words."""
    return " ".join(_HASHTAG_MARKS.sub(" ", text).split()) if "#" in text or "_" in text else text
