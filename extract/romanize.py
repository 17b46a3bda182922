"""Latin forms of Arabic names: a curated table of news names, rule-based romanization, and cross-script keys."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .names import PARTICLES, glue_particles, skeleton
from .normalize import match_key, strip_diacritics

# --- rule-based romanization -------------------------------------------------------------------------------

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ة": "a", "و": "w", "ي": "y", "ى": "a", "ء": "", "ؤ": "", "ئ": "", "گ": "g", "ڤ": "v", "پ": "p",
    "چ": "ch", "ژ": "zh", "ک": "k", "ی": "y",
}
_WORD_PARTICLES = {"دي": "de", "دى": "de", "دو": "du", "دا": "da", "فان": "van", "فون": "von", "بن": "bin",
                   "ابن": "ibn", "ابو": "Abu", "بنت": "bint", "ولد": "Ould", "ال": "Al", "عبد": "Abd"}
_VOWEL_LETTERS = "اأإآىة"


def romanize_word(word: str) -> str:
    """One Arabic word in Latin letters by rule: و/ي are vowels between consonants, ال is «al-»."""
    word = strip_diacritics(unicodedata.normalize("NFKC", word))
    key = match_key(word)
    if key in _WORD_PARTICLES:
        return _WORD_PARTICLES[key]
    prefix = ""
    if len(word) > 3 and word.startswith("ال"):
        prefix, word = "al-", word[2:]
    out: list[str] = []
    for i, ch in enumerate(word):
        if ch not in _LETTERS:
            out.append(ch if ch.isascii() and ch.isalnum() else "")
            continue
        if ch in "وي":
            prev = word[i - 1] if i else ""
            nxt = word[i + 1] if i + 1 < len(word) else ""
            consonantal = i == 0 or prev in _VOWEL_LETTERS or prev in "وي" or nxt in _VOWEL_LETTERS
            out.append(_LETTERS[ch] if consonantal else ("u" if ch == "و" else "i"))
            continue
        if ch in "اأآ" and i and word[i - 1] == "ا":
            continue
        out.append(_LETTERS[ch])
    body = "".join(out)
    body = body[:1].upper() + body[1:]
    return prefix + body if body else prefix.rstrip("-")


def romanize(text: str) -> str:
    """Rule-based Latin form of an Arabic phrase (no short vowels: «لافروف» → «Lafruf»)."""
    words = [romanize_word(w) for w in text.split()]
    return " ".join(w for w in words if w)


# --- the curated table ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Table:
    phrases: dict[tuple[str, ...], tuple[str, str]]  # glued key tokens → (latin, type)
    skeletons: dict[tuple[str, ...], tuple[str, str]]  # the same, by word skeletons
    words: dict[str, str]  # one glued name word → its usual Latin spelling
    word_skeletons: dict[str, str]
    places: frozenset[str]  # keys of LOC words (never a person's name)


@cache
def table() -> _Table:
    """The curated names of ``data/latin_names.tsv``, indexed by key and by skeleton."""
    text = resources.files("extract").joinpath("data", "latin_names.tsv").read_text(encoding="utf-8")
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    skels: dict[tuple[str, ...], tuple[str, str]] = {}
    words: dict[str, Counter[str]] = {}
    word_skels: dict[str, Counter[str]] = {}
    places: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        arabic, latin, kind = line.split("\t")
        keys = glue_particles(match_key(arabic).split())
        phrases.setdefault(keys, (latin, kind))
        skels.setdefault(tuple(skeleton(k) for k in keys), (latin, kind))
        if kind == "LOC":
            places.update(keys)
            continue
        if kind != "PERS":
            continue
        for a, b in _align(keys, latin):
            words.setdefault(a, Counter())[b] += 1
            word_skels.setdefault(_word_skeleton(a), Counter())[b] += 1
    return _Table(
        phrases, skels,
        {k: c.most_common(1)[0][0] for k, c in words.items()},
        {k: c.most_common(1)[0][0] for k, c in word_skels.items() if len(k) >= 4},
        frozenset(places),
    )


def _word_skeleton(key: str) -> str:
    """A word's skeleton and how it ends: بريتا (Brita) is not بريت (Brett)."""
    return skeleton(key) + "/" + arabic_key(key).ending


def _align(keys: tuple[str, ...], latin: str) -> list[tuple[str, str]]:
    """Word pairs of an Arabic name and its Latin spelling, when their words line up one to one."""
    for tokens in (_latin_glued(latin.split()), _latin_glued(re.split(r"[\s-]+", latin))):
        if len(tokens) == len(keys):
            return list(zip(keys, tokens))
    return []


def _latin_glued(tokens: list[str]) -> list[str]:
    out: list[str] = []
    pending: list[str] = []
    for t in tokens:
        if _fold_latin(t) in LATIN_PARTICLES:
            pending.append(t)
            continue
        out.append(" ".join([*pending, t]))
        pending = []
    return out + ([" ".join(pending)] if pending else [])


def curated_latin(text: str, kind: str | None = None) -> str | None:
    """The usual Latin spelling of a whole name when the table knows it (by key, then by skeleton).

    A skeleton hit needs two words or more: one short skeleton collides too easily (الأسد/السويد).
    """
    keys = glue_particles(match_key(text).split())
    if not keys:
        return None
    t = table()
    hit = t.phrases.get(keys)
    if hit is None and len(keys) >= 2:
        hit = t.skeletons.get(tuple(skeleton(k) for k in keys))
    if hit is None or (kind is not None and hit[1] != kind):
        return None
    return hit[0]


def latin_name(text: str, kind: str = "PERS") -> str:
    """The Latin form of a speaker's name: the curated spelling when known, else composed or romanized.

    A person's name is composed word by word (known first names and surnames from the table,
    rule-based romanization for the rest), so «سيرغي بيسكوف» gives «Sergei Peskov».
    """
    whole = curated_latin(text, kind)
    if whole is not None or kind != "PERS":
        return whole or romanize(text)
    t = table()
    words = text.split()
    keys = [match_key(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i + 1, -1):  # the longest known phrase inside the name first
            hit = t.phrases.get(glue_particles(keys[i:j]))
            if hit:
                out.append(hit[0])
                i = j
                break
        else:
            glued = glue_particles(keys[i : i + 2]) if keys[i] in PARTICLES and i + 1 < len(keys) else (keys[i],)
            step = 2 if len(glued) == 1 and keys[i] in PARTICLES and i + 1 < len(keys) else 1
            key = glued[0]
            latin = t.words.get(key) or t.word_skeletons.get(_word_skeleton(key))
            out.append(latin or " ".join(romanize_word(w) for w in words[i : i + step]))
            i += step
    return " ".join(x for x in out if x)


# --- cross-script matching keys --------------------------------------------------------------------------

LATIN_PARTICLES = frozenset({"de", "di", "da", "du", "del", "della", "van", "von", "der", "den", "le", "la", "al",
                             "el", "bin", "ben", "ibn", "bint", "abu", "ould", "ul"})
_ARABIC_PARTICLES = frozenset({"دي", "دى", "دو", "دا", "دل", "ديل", "فان", "فون", "دير", "لا", "لو", "ال", "بن", "ابن",
                               "بنت", "ابو", "ولد"})
# Consonant classes shared by both scripts; vowels (and ع ء و ي) are dropped.
_AR_CLASS = {
    "ك": "K", "ق": "K", "ج": "K", "غ": "K", "گ": "K", "خ": "K", "چ": "K", "ژ": "K", "ک": "K",
    "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D", "ذ": "D", "س": "S", "ص": "S", "ش": "S",
    "ز": "Z", "ظ": "Z", "ف": "F", "ڤ": "F", "ب": "B", "پ": "B", "م": "M", "ن": "N", "ل": "L", "ر": "R",
    "ه": "H", "ح": "H", "ة": "",
}
_LATIN_DIGRAPHS = (("sch", "S"), ("tch", "TS"), ("sh", "S"), ("ch", "S"), ("kh", "K"), ("gh", "K"), ("th", "T"),
                   ("dh", "D"), ("ph", "F"), ("zh", "K"), ("ck", "K"), ("qu", "K"), ("x", "KS"))
_LATIN_CLASS = {"b": "B", "p": "B", "t": "T", "d": "D", "s": "S", "z": "Z", "f": "F", "v": "F", "m": "M", "n": "N",
                "l": "L", "r": "R", "h": "H", "k": "K", "q": "K", "g": "K", "j": "K", "c": "K"}


def _fold_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("'", "").replace("’", "")


def latin_words(text: str) -> list[str]:
    """A Latin query's words: case and accents folded, apostrophes dropped (O'Brien → obrien)."""
    return [w for w in re.split(r"[^a-z0-9]+", _fold_latin(text)) if w]


@dataclass(frozen=True, slots=True)
class PhoneticKey:
    """A script-neutral key: consonant classes, and how the word ends (A: in «a», C: in a consonant, N: other)."""

    consonants: str
    ending: str


def latin_key(word: str) -> PhoneticKey:
    """«Lavrov» → LFRF/C, «Zakharova» → ZKRF/A, «Kerry» → KR/N."""
    w = _fold_latin(word)
    ending = "A" if w.endswith("a") else ("N" if w[-1:] in "eiouyhw" else "C")
    out: list[str] = []
    i = 0
    while i < len(w):
        for graph, cls in _LATIN_DIGRAPHS:
            if w.startswith(graph, i):
                out.append(cls)
                i += len(graph)
                break
        else:
            ch = w[i]
            if ch == "c" and w[i + 1 : i + 2] in ("e", "i", "y"):
                out.append("S")
            elif ch in _LATIN_CLASS:
                out.append(_LATIN_CLASS[ch])
            else:
                out.append("")  # a vowel, w or y
            i += 1
    return PhoneticKey(_squeeze(out), ending)


def arabic_key(word: str) -> PhoneticKey:
    """«لافروف» → LFRF/C, «زاخاروفا» → ZKRF/A: the Arabic side of :func:`latin_key`."""
    w = strip_diacritics(unicodedata.normalize("NFKC", word))
    w = w.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}))
    if len(w) > 3 and w.startswith("ال"):
        w = w[2:]
    last = w[-1:]
    ending = "A" if last in ("ا", "ى") else ("N" if last in ("و", "ي", "ة", "ه", "ع", "ء") else "C")
    return PhoneticKey(_squeeze([_AR_CLASS.get(ch, "") for ch in w]), ending)


def _squeeze(classes: list[str]) -> str:
    """Join classes, collapsing a class repeated with nothing between (Kerry → KR; vowels do separate)."""
    out: list[str] = []
    prev = None
    for cls in classes:
        if cls and cls == prev:
            continue
        out.append(cls)
        prev = cls
    return "".join(out)


def keys_match(a: PhoneticKey, b: PhoneticKey) -> bool:
    """Same consonants (one edit allowed from four on, same first class); an «a» ending never meets a consonant."""
    if {a.ending, b.ending} == {"A", "C"}:
        return False  # Lavrova is not Lavrov
    ca, cb = a.consonants, b.consonants
    if ca == cb:
        return bool(ca)
    if min(len(ca), len(cb)) < 4 or ca[0] != cb[0]:
        return False
    from .names import edit_distance

    return edit_distance(ca, cb) <= 1


def arabic_name_words(text: str) -> list[str]:
    """An Arabic name's words for cross-script matching: normalized, particles (دي، بن، ال) dropped."""
    return [k for k in match_key(text).split() if k not in _ARABIC_PARTICLES]


def latin_name_words(text: str) -> list[str]:
    """A Latin name's words for matching: folded, particles dropped («de Mistura» → mistura)."""
    return [w for w in latin_words(text) if w not in LATIN_PARTICLES]
