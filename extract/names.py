"""Name keys for matching spelling variants of one name (سيرجي/سيرغي، ستافان/ستيفان، ميستورا/مستورا)."""

from __future__ import annotations

from functools import lru_cache

from .normalize import match_key

_FOLD = str.maketrans({"غ": "ج", "ق": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ج", "ى": "ي"})
_CLITICS = ("لل", "و", "ل", "ب", "ف", "ك")


def name_key(word: str) -> str:
    """The normalized form used to compare name words."""
    return match_key(word)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton: foreign-letter folding, no long vowels after the first letter, no prothetic ا.

    Short skeletons collide easily, so callers confirm with the full key or edit distance.
    """
    key = match_key(word).translate(_FOLD)
    if len(key) > 3 and key[0] == "ا" and key[1] in "سش" and key[2] not in "اوي":
        key = key[1:]
    if not key:
        return key
    return key[0] + "".join(ch for ch in key[1:] if ch not in "اوي")


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word: same key, or same skeleton of length ≥ 2 and close keys."""
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb and len(sa) >= 2:
        return True
    return len(sa) >= 4 and _edit_distance(sa, sb) <= 1 and sa[0] == sb[0]


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two name token sequences can denote one person.

    The shorter must match the longer word for word from the end (surname first), and two
    different first names mean two people.
    """
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    tail = long_[len(long_) - len(short) :]
    return all(same_word(x, y) for x, y in zip(short, tail))


def strip_clitic(word: str, known: set[str]) -> str:
    """«للافروف» → «لافروف» when the bare form is a known name word."""
    for c in _CLITICS:
        if word.startswith(c) and word[len(c) :] in known:
            return word[len(c) :]
    return word
