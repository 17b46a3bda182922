"""The cue lexicon: speech verbs, relay verbs, attribution markers and the word lists the rules use.

Everything here is loaded from the data files in ``extract/data`` once, and matched on
normalized keys (``match_key``) with the proclitics و/ف stripped where a verb can carry them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from .model import CueKind, Gender
from .normalize import key_set, match_key, spelling_variants, strip_diacritics

_GENDERS: tuple[Gender, ...] = ("m", "f", "pl")

# Reflexives and prepositions or adverbs with a pronoun (نفسه، خلاله، إليه): never a name
PRONOUN_WORDS = key_set("نفسه نفسها أنفسهم نفسي نفسيهما خلاله عبره بعده قبله معه عنده لديه إليه عليه فيه منه عنه "
                        "بينه حوله ضده بشأنه")

# ل with a pronoun: the one told, after a speech verb (وقال لنا الوزير، يقول لي إن); «لي» is also Lee
ADDRESSEE_PRONOUNS = key_set("لي لنا له لها لهم لهما لهن لك لكم لكما")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a cue word as the lexicon knows it."""

    lemma: str
    kind: CueKind
    gender: Gender
    frame: str  # "clause" | "np" for verbs; the preposition for relay verbs; "" otherwise
    tense: str = ""  # "past" | "present" | "participle"


def _lines(name: str) -> list[str]:
    text = resources.files("extract").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def speech_verbs(checked: bool = False) -> dict[str, CueForm]:
    """Normalized form → CueForm for every speech verb and participle of manner (with ``checked``, only
    the forms marked ? instead)."""
    forms: dict[str, CueForm] = {}
    for line in _lines("speech_verbs.tsv"):
        cols = line.split("\t")
        lemma, frame, cells = cols[0], cols[1], cols[2:]
        slots = [("verb", "past"), ("verb", "present"), ("participle", "participle")]
        for block, (kind, tense) in enumerate(slots):
            for g, gender in enumerate(_GENDERS):
                cell = cells[block * 3 + g] if block * 3 + g < len(cells) else "-"
                for form in cell.split("/"):
                    if form and form != "-" and (checked is form.endswith("?")):
                        forms.setdefault(match_key(form), CueForm(match_key(lemma), kind, gender, frame, tense))  # type: ignore[arg-type]
    return forms


@cache
def checked_verbs() -> dict[str, CueForm]:
    """Speech-verb forms that are also common other words (بين: between), marked ? in the lexicon: the
    statement finder accepts them only in a verb's context."""
    return speech_verbs(checked=True)


@cache
def maqsura_verb_forms() -> frozenset[str]:
    """Keys of speech-verb forms spelled with a final ى (رأى، نفى): written with ي they are usually the
    nouns رأي (opinion) and نفي (denial), since normalization folds the two letters together."""
    out: set[str] = set()
    for line in _lines("speech_verbs.tsv"):
        for cell in line.split("\t")[2:5]:  # the past-tense forms
            out.update(match_key(form) for form in cell.split("/") if form.endswith("\u0649"))
    return frozenset(out)


@cache
def relay_verbs() -> dict[str, CueForm]:
    forms: dict[str, CueForm] = {}
    for line in _lines("relay_verbs.tsv"):
        form, lemma, gender, prep = line.split("\t")
        forms[match_key(form)] = CueForm(match_key(lemma), "relay", gender, match_key(prep))  # type: ignore[arg-type]
    return forms


@cache
def attribution_markers() -> dict[tuple[str, ...], str]:
    """Token-key sequence → lemma of nominal markers (بحسب، وفقا لـ، نقلا عن …)."""
    markers: dict[tuple[str, ...], str] = {}
    for line in _lines("attributions.tsv"):
        marker, lemma = line.split("\t")
        markers[tuple(match_key(marker).split())] = lemma
    return markers


@cache
def attribution_marker_starts() -> frozenset[str]:
    """First words of the nominal markers, to rule out most tokens at a glance."""
    return frozenset(words[0] for words in attribution_markers())


def _word_set(name: str) -> frozenset[str]:
    return frozenset(match_key(v) for line in _lines(name) for v in spelling_variants(line.split("\t")[0]))


def _gendered(name: str) -> dict[str, Gender]:
    out: dict[str, Gender] = {}
    for line in _lines(name):
        word, _, gender = line.partition("\t")
        if gender.strip() == "m!":
            continue  # kept apart: see hamza_titles()
        for variant in spelling_variants(word):
            out[match_key(variant)] = (gender.strip() or "m")  # type: ignore[assignment]
    return out


@cache
def hamza_titles() -> frozenset[str]:
    """Titles marked «m!» in ``titles.txt``, as written and with the article: their hamza tells them from a
    function word that normalizes the same (إمام the imam, أمام in front of). Text views key these forms
    unnormalized, so they match only here."""
    words = {strip_diacritics(line.partition("\t")[0]) for line in _lines("titles.txt")
             if line.partition("\t")[2].strip() == "m!"}
    return frozenset(words | {"ال" + w for w in words})


@cache
def hamza_title_keys() -> frozenset[str]:
    """The normalized keys the titles of :func:`hamza_titles` share with other words (امام، الامام)."""
    return frozenset(match_key(w) for w in hamza_titles())


@cache
def name_heads() -> dict[str, tuple[str, frozenset[str]]]:
    """Normalized head noun of multi-word names → (gender, kinds: construct, name, adjective, state, blocks)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for line in _lines("name_heads.tsv"):
        word, gender, kinds = line.split("\t")
        for variant in spelling_variants(word):
            out[match_key(variant)] = (gender, frozenset(kinds.split()))
    return out


@cache
def outlets() -> frozenset[tuple[str, ...]]:
    """News outlets' names as lower-cased key sequences (بي بي سي، cnn، رويترز)."""
    return frozenset(tuple(match_key(line).lower().split()) for line in _lines("outlets.txt"))


@cache
def not_entities() -> frozenset[str]:
    """Words taggers label that are no named entities here (currencies, God, religions)."""
    return frozenset(match_key(line) for line in _lines("not_entities.txt"))


@cache
def name_descriptors() -> frozenset[str]:
    return _word_set("descriptors.txt")


@cache
def complementizers() -> frozenset[str]:
    return _word_set("complementizers.txt")


@cache
def titles() -> dict[str, Gender]:
    """Title heads, with their feminine (ة) and definite/indefinite forms derived."""
    out: dict[str, Gender] = {}
    for word, marked in _gendered("titles.txt").items():
        gender: Gender = "m" if marked in ("m=", "m-") else marked  # m-: no feminine (خطيبة is a fiancée)
        forms = {word: gender}
        if marked == "m" and not word.endswith("ه"):
            forms[word + "ه"] = "f"  # المستشار → المستشارة (not معالي → معاليه: «his excellency»)
        for form, g in list(forms.items()):
            forms.setdefault(form[2:] if form.startswith("ال") else "ال" + form, g)
        for form, g in forms.items():
            out.setdefault(form, g)
    for word in hamza_titles():
        out.setdefault(word, "m")  # إمام، الإمام: keyed as written (see TextView)
    return out


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(word for word, marked in _gendered("titles.txt").items() if marked == "m=")


def is_honorific(key: str) -> bool:
    """An honorific before a title or a name (معالي، سمو، فخامة)."""
    return key in _honorifics()


def honorific_pronoun(key: str) -> bool:
    """An honorific with «his» (معاليه، سموه، فضيلته): the person just named, not a name of its own."""
    honorifics = _honorifics()
    return len(key) > 3 and key.endswith("ه") and (
        key[:-1] in honorifics or key.endswith("ته") and key[:-2] + "ه" in honorifics)


@cache
def organizations() -> dict[str, Gender]:
    return _gendered("organizations.txt")


@cache
def unnamed_heads() -> dict[str, Gender]:
    return _gendered("unnamed.txt")


@cache
def media_nouns() -> frozenset[str]:
    return _word_set("media.txt")


@cache
def time_words() -> frozenset[str]:
    return _word_set("time_words.txt")


@cache
def months() -> frozenset[str]:
    """Month names (ديسمبر، حزيران، جانفي …), as normalized keys."""
    return _word_set("months.txt")


@cache
def background_openers() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(match_key(line).split()) for line in _lines("background.txt"))


@cache
def boilerplate_lines() -> frozenset[str]:
    return frozenset(match_key(line) for line in _lines("boilerplate.txt"))


@cache
def negations() -> tuple[frozenset[str], frozenset[str]]:
    """(negation particles, litote verb forms that keep their content when negated)."""
    particles, litotes = set(), set()
    for line in _lines("negations.txt"):
        (litotes if line.startswith("!") else particles).add(match_key(line.lstrip("!")))
    return frozenset(particles), frozenset(litotes)


@cache
def nationalities() -> frozenset[str]:
    """Nationality adjectives in their m/f/plural, definite and indefinite forms."""
    out: set[str] = set()
    for base in _lines("nationalities.txt"):
        stem = match_key(base)
        for form in (stem, stem + "ه", stem + "ون", stem + "ين", stem + "ان"):
            out.add(form)
            out.add("ال" + form)
    return frozenset(out)


def strip_conjunction(key: str) -> str:
    """Drop a leading و or ف (وقال → قال) when what is left is still a word."""
    if len(key) > 2 and key[0] in "وف":
        return key[1:]
    return key


def lookup_verb(key: str) -> CueForm | None:
    """The speech verb or participle a normalized token is, with or without و/ف."""
    verbs = speech_verbs()
    if key in verbs:
        return verbs[key]
    bare = strip_conjunction(key)
    if bare != key and bare in verbs and verbs[bare].kind == "verb":
        return verbs[bare]
    return None


def lookup_relay(key: str) -> CueForm | None:
    relays = relay_verbs()
    return relays.get(key) or relays.get(strip_conjunction(key))
