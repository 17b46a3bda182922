"""Name keys for matching spelling variants of one name (سيرجي/سيرغي، ستافان/ستيفان، ميستورا/مستورا)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .normalize import match_key

_FOLD = str.maketrans({"غ": "ج", "ق": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ج", "ى": "ي", "ک": "ك"})
_CLITICS = ("لل", "و", "ل", "ب", "ف", "ك")
# Words that are written apart but belong to the next word of a name (دي ميستورا = ديميستورا,
# عبد الله = عبدالله, بن سلمان): glued before comparing, so both spellings give one token.
PARTICLES = frozenset({"دي", "دو", "دا", "دل", "ديل", "فان", "فون", "دير", "لا", "لو", "ابو", "عبد", "بن", "ابن",
                       "ولد", "ال", "ام", "بنت"})
# Of those, the ones a name is also cited without (ميستورا alone for دي ميستورا).
DROPPABLE_PARTICLES = ("دي", "دو", "دا", "فان", "فون", "دير", "دل", "ديل")


def name_key(word: str) -> str:
    """The normalized form used to compare name words."""
    return match_key(word)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton: foreign-letter folding, no long vowels after the first letter, no prothetic ا.

    A final ه (ة) of a longer word is a vowel (سورية = سوريا). Short skeletons collide easily, so
    callers confirm with the full key or edit distance.
    """
    key = match_key(word).replace(" ", "").translate(_FOLD)
    if len(key) > 3 and key[0] == "ا" and key[1] in "سش" and key[2] not in "اوي":
        key = key[1:]  # prothetic alef: استيفان = ستيفان
    if len(key) > 3 and key[-1] == "ه":
        key = key[:-1]
    if not key:
        return key
    return key[0] + "".join(ch for ch in key[1:] if ch not in "اوي")


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short: the quadratic table is fine)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_edit_distance = edit_distance  # the old private name, kept for callers


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word: same key, or same skeleton of length ≥ 2 and close keys."""
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb and len(sa) >= 2:
        return True
    return len(sa) >= 4 and edit_distance(sa, sb) <= 1 and sa[0] == sb[0]


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


def clitic_bases(word: str) -> list[str]:
    """The forms a word may have without a proclitic (للافروف → لافروف; ولافروف → لافروف), longest first.

    Only candidates: many names begin with these letters (لافروف، بوتين، كيري), so callers keep a
    bare form only when it matches a name they know.
    """
    key = match_key(word)
    out: list[str] = []
    for conj in ("", "و", "ف"):
        if not key.startswith(conj):
            continue
        rest = key[len(conj) :]
        for prep in ("", "ل", "ب", "ك"):
            if not conj and not prep or not rest.startswith(prep):
                continue
            bare = rest[len(prep) :]
            if len(bare) >= 3:
                out.append(bare)
            if prep == "ل" and bare.startswith("ل") and len(bare) >= 4:
                out.append("ا" + bare)  # ل + ال: للرئيس → الرئيس
    return sorted(dict.fromkeys(out), key=len, reverse=True)


def glue_particles(keys: Iterable[str]) -> tuple[str, ...]:
    """Key tokens with name particles joined to the next word: (دي, ميستورا) → (ديميستورا,)."""
    out: list[str] = []
    pending = ""
    for k in keys:
        if k in PARTICLES:
            pending += k
            continue
        out.append(pending + k)
        pending = ""
    if pending:
        out.append(pending)
    return tuple(out)


def glue_compounds(keys: Iterable[str]) -> tuple[str, ...]:
    """Name keys with the parts of an Arabic compound first name glued, as it is written both ways:
    عبد الله = عبدالله، نور الدين = نورالدين (the Romance particles stay apart: ديل هارفي is also هارفي)."""
    out: list[str] = []
    pending = ""
    for k in keys:
        if k == "عبد":
            pending += k
        elif k == "الدين" and out and not pending:
            out[-1] += k
        else:
            out.append(pending + k)
            pending = ""
    if pending:
        out.append(pending)
    return tuple(out)


def name_keys(text: str) -> tuple[str, ...]:
    """The comparable tokens of a name: normalized, particles glued (ستافان دي ميستورا → ستافان ديميستورا)."""
    return glue_particles(match_key(text).split())


def unparticle(key: str) -> str:
    """A glued token without its Romance/Germanic particle (ديميستورا → ميستورا), or the token itself."""
    for p in DROPPABLE_PARTICLES:
        if key.startswith(p) and len(key) - len(p) >= 4:
            return key[len(p) :]
    return key


def same_name_word(a: str, b: str) -> bool:
    """same_word, also across a dropped particle (دي ميستورا = ميستورا), for glued name tokens."""
    if same_word(a, b):
        return True
    ua, ub = unparticle(a), unparticle(b)
    return (ua != a or ub != b) and same_word(ua, ub)
