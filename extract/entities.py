"""The entity stage after tagging: names cut free of their proclitics, and one name, one type per text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from . import cues
from .model import Entity, Token
from .normalize import key_set, match_key, strip_diacritics, without_hashtag_marks
from .tokenize import name_hyphen

RULES = "rules"  # the backend name of entities the rules of this stage build

_PROCLITICS = ("وب", "ول", "وك", "و", "ب", "ل", "ك", "ف")


def _split_joined_people(e: Entity) -> tuple[Entity, ...]:
    """A person's name tagged across «و» and a title is two people (الملك سلمان والأمير محمد بن نايف: «سلمان» and
    «محمد بن نايف»); the title between them belongs to neither name."""
    if e.type != "PERS":
        return (e,)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", e.text)]
    titles = cues.titles()
    for p in range(1, len(spans) - 1):
        key = match_key(e.text[spans[p][0] : spans[p][1]])
        if key[:1] == "و" and key[1:] in titles:
            rest = p + 1
            while rest < len(spans) and match_key(e.text[spans[rest][0] : spans[rest][1]]) in titles:
                rest += 1  # والأمير الشيخ …: a title chain
            first = Entity(e.start, e.start + spans[p - 1][1], e.text[: spans[p - 1][1]], e.type, e.backend)
            if rest >= len(spans):
                return (first,)
            second = Entity(e.start + spans[rest][0], e.end, e.text[spans[rest][0] :], e.type, e.backend)
            return (first, *_split_joined_people(second))
    return (e,)


def clean_entities(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Drop nationality adjectives and cut proclitics off names (بحلب → حلب، وأمريكا → أمريكا).

    Taggers label whole tokens, as their training corpora do; a name's proclitic is cut when the bare
    word appears on its own elsewhere in the article, is itself tagged, or is a corpus word at least as
    common as the whole token (so لافروف، كيري and لبنان keep their first letter).
    """
    from .ner.features import proclitic_length, shipped_lexicon

    lexicon = shipped_lexicon()
    nationalities = cues.nationalities()
    entities = tuple(piece for e in entities for piece in _split_joined_people(e))
    standalone = {match_key(t.text) for t in tokens}
    tagged = {match_key(e.text.split()[0]) for e in entities if e.text.split()}
    entity_words = {match_key(w) for e in entities for w in e.text.split()}  # any word of a tagged name
    out: list[Entity] = []
    starts = [t.start for t in tokens]
    not_names = cues.not_entities()
    for e in entities:
        key = match_key(e.text)
        if len(key) < 2 or key in not_names or any(
                key.startswith(c) and key[len(c):] in not_names for c in _PROCLITICS + ("لل", "بال", "وال")):
            continue  # دولار، الله، بالدولار: common nouns of the news, not names
        if cues.honorific_pronoun(key) or key in cues.PRONOUN_WORDS:
            continue  # «وأكد معاليه»: his excellency, named before; «إليه»: to him
        if key in _DESCRIPTORS or (key in cues.name_heads() and not key.startswith("ال")):
            continue  # «تنظيم "الدولة الإسلامية"»، «وزارة»: a head noun alone names nothing
        if e.type == "PERS" and key in cues.titles():
            continue  # «ولي العهد»، «الشيخ»: a title alone names no one
        if key in nationalities and (key.startswith("ال") or e.type != "LOC") and not (
                e.type == "LOC" and _country_name(key) and not _after_definite(tokens, starts, e.start)):
            continue  # الروسي، الحكومة السعودية; but «سورية» and «قالت السعودية» tagged as a place are countries
        words = e.text.split()
        if e.type == "LOC" and e.text.rstrip().endswith(("ً", "اً", "ًا")):
            continue  # بريطانياً، روسياً: «the British way», an adverb; a name carries no tanween
        while len(words) >= 3 and match_key(" ".join(words[-2:])) in _BLESSINGS:
            e, words = _without_last_word(_without_last_word(e)), words[:-2]  # عبدالله بن عبدالعزيز رحمه الله
        if len(words) >= 4 and match_key(" ".join(words[-3:-1])) == "رضي الله":
            e, words = _without_last_word(e), words[:-1]  # أنس رضي الله عنه
        if len(words) >= 3 and match_key(" ".join(words[-2:])) == "رضي الله":
            e, words = _without_last_word(_without_last_word(e)), words[:-2]  # أنس رضي الله
        if e.type == "LOC" and len(words) >= 2 and _is_definite_nationality(words[-1], nationalities) \
                and "state" not in cues.name_heads().get(match_key(words[0]), ("", frozenset()))[1]:
            e, words = _without_last_word(e), words[:-1]  # حلب السورية is Aleppo described
        while len(words) >= 2 and len(match_key(words[-1])) <= 1:  # سالم لـ: a detached clitic ends no name
            e, words = _without_last_word(e), words[:-1]
        if e.type == "PERS" and len(words) >= 2 and _accusative_common_noun(match_key(words[-1]), lexicon):
            e, words = _without_last_word(e), words[:-1]  # «جوعان تفاصيلا»: a noun after the name, not part of it
        if e.type == "ORG" and len(words) >= 2 and match_key(words[0]) in _DESCRIPTORS and not (
                len(words) == 2 and match_key(words[1]).startswith("ال")
                and int(lexicon.get(match_key(words[1]), ("0", ""))[0]) >= 12):  # not «تنظيم الدولة»: الدولة alone is no name
            e, words = _without_first_word(e), words[1:]  # «تنظيم داعش»: the group's name is داعش
        if e.type == "PERS" and len(words) >= 3 and _is_definite_nationality(words[0], nationalities):
            e, words = _without_first_word(e), words[1:]  # «الأوروغوياني لويس سواريز»: the nationality describes him
        if len(words) == 1 and e.type in ("LOC", "ORG") and _noun_with_pronoun(strip_diacritics(words[0]), lexicon):
            continue  # «شعبها»، «زواره»: a common noun with «its», «his»
        if len(words) == 1 and e.type == "PERS" and manner_phrase(key):
            continue  # «وقال بسخرية»، «ببساطة»: «with» and a common noun, how something was said
        if len(words) >= 2 and strip_diacritics(words[0]) in _LEADING_PARTICLES:
            e, words = _without_first_word(e), words[1:]  # «فإن الفضلي مطلوب»: the particle starts no name
        if e.type == "PERS" and words and strip_diacritics(words[-1]) in _TRAILING_PARTICLES:
            if len(words) == 1:
                continue  # «وأضاف بأن …»: the particle alone is no one
            e, words = _without_last_word(e), words[:-1]  # «وبحسب ستيوارث راسل فإن …»: nor ends one (فان غال has no hamza)
        if len(words) >= 1 and match_key(words[0]) in cues.ADDRESSEE_PRONOUNS and _after_speech_verb(tokens, starts, e.start):
            if len(words) == 1:
                continue  # «قال لي إن»: to me, not Lee
            e, words = _without_first_word(e), words[1:]
        if e.type == "PERS" and words and match_key(words[-1]) in NAME_LINKS:
            e = _with_next_word(text, tokens, e)  # أحمد بن | علي: a link needs the name after it
            words = e.text.split()
        cut = proclitic_length(words[0], lexicon, person=e.type == "PERS") if words else 0
        if cut and e.type == "PERS" and strip_diacritics(words[0])[:2] == "فا" \
                and match_key(words[0])[1:] not in entity_words:
            cut = 0  # فادي، فارس، فاطمة، فابين: «فا» with a bare alif opens many names (not فأوباما)
        first_key = match_key(words[0]) if words else ""
        if not cut and first_key[:1] == "ل" and first_key[:2] != "لل" and len(first_key) >= 4 and (
                _governs_lam(tokens, starts, e.start) or e.type == "PERS" and strip_diacritics(words[0])[1:2] in "أإ"):
            # «وفقا لتيم أوبرين»، «خلفا لهاني الملقي»: the ل that وفقا takes is no part of the name, and no
            # personal name begins with لأ/لإ (صور لأسامة بن لادن)
            cut = _raw_prefix(words[0], 1)
        if not cut and e.type == "PERS" and first_key[:1] in ("ب", "ل") and listed_person(first_key[1:]) \
                and not listed_person(first_key) and _more_common(first_key[1:], first_key, lexicon):
            cut = _raw_prefix(words[0], 1)  # «السنوية الثانية لمصطفى بدر الدين»: a listed first name after ل/ب
        if not cut and words and not (e.type == "PERS" and listed_person(first_key)):
            for clitic in _PROCLITICS:  # (not فيصل, باسم, فراس: listed first names that «يصل»، «اسم» would cut)
                bare = first_key[len(clitic) :]
                if first_key.startswith(clitic) and len(bare) >= 3 and (bare in standalone or bare in tagged):
                    cut = len(clitic)
                    break
        if not cut and words and (lead := _lam_lead(first_key)) is not None:
            # وللأمم → للأمم (a name in its own right once ل + ال is read back); للبنان → لبنان
            cut = _raw_prefix(words[0], lead + (0 if _lam_article(first_key[lead:], lexicon) else 1))
        rest = match_key(words[0][cut:]) if cut else ""
        if cut and match_key(words[0][:cut])[-1:] in ("ب", "ل", "ك") and rest[:1] in ("و", "ف") and len(rest) >= 5 \
                and int(lexicon.get(rest[1:], ("0", ""))[0]) >= int(lexicon.get(rest, ("0", ""))[0]) + 2:
            cut = 0  # «بوروسيا» is no ب + «وروسيا» (and + Russia): و/ف come before ب/ل/ك, never after
        if cut:
            e = Entity(e.start + cut, e.end, text[e.start + cut : e.end], e.type, e.backend)
        if e.text.strip():
            out.append(e)
    return _join_hyphenated(text, tokens, starts, out)


def _join_hyphenated(text: str, tokens: tuple[Token, ...], starts: list[int], entities: list[Entity]) -> tuple[Entity, ...]:
    """A person's name goes on over a hyphen written without spaces (كيم سي-يون، جان-كلود), which the
    taggers split; whatever entity they put on the rest of it gives way."""
    out: list[Entity] = []
    swallowed_until = -1
    next_person = {e.start: e.end for e in entities if e.type == "PERS"}
    for e in entities:
        if e.start < swallowed_until:
            continue
        i = bisect_left(starts, e.end)
        if e.type == "PERS" and i < len(tokens) and tokens[i].start == e.end and name_hyphen(tokens, i):
            end = next_person.get(tokens[i + 1].start, tokens[i + 1].end)  # جان-كلود يونكر: the rest, if a name
            e = Entity(e.start, end, text[e.start : end], e.type, e.backend)
            swallowed_until = end
        out.append(e)
    return tuple(out)


# Blessings written after a name (رحمه الله، رضي الله عنه … in two words)
_BLESSINGS = frozenset({"رحمه الله", "رحمها الله", "رحمهم الله", "رحمهما الله", "حفظه الله", "حفظها الله",
                        "حفظهم الله", "يرحمه الله", "يحفظه الله"})

# Particles a tagger runs into the name after them, as written (with hamza: فان alone may be «van»).
_LEADING_PARTICLES = frozenset({"إن", "أن", "فإن", "وإن", "وأن", "لكن", "ولكن", "لكنّ"})  # not بأن: «بأن كي مون» is Ban Ki-moon misspelt
_TRAILING_PARTICLES = frozenset({"إن", "أن", "فإن", "وإن", "وأن", "بأن"})

# Regnal ordinals ending a name (عبدالله الثاني، إليزابيث الثانية): no surname to find alone
_ORDINALS = key_set("الأول الأولى الثاني الثانية الثالث الثالثة الرابع الخامس السادس السابع الثامن التاسع العاشر "
                    "الأكبر الأصغر")

# Words that describe the organisation named after them, no part of its name (تنظيم داعش، تنظيم القاعدة)
_DESCRIPTORS = key_set("تنظيم")

# Links inside Arabic names that need the word after them (أحمد بن علي، أبو علي).
NAME_LINKS = key_set("بن ابن بنت أبو أبي أم")


def _lam_lead(key: str) -> int | None:
    """Letters before «لل» at the start of ``key`` (0, or 1 for و/ف), or None when it does not start so."""
    for lead in (0, 1):
        if key[lead : lead + 2] == "لل" and len(key) >= lead + 4 and (lead == 0 or key[0] in "وف"):
            return lead
    return None


def _lam_article(key: str, lexicon: dict[str, tuple[str, str]]) -> bool:
    """Whether ``key`` (لل…) is the preposition ل on the article, whose alef the spelling drops (للأمم:
    ل + الأمم), rather than on a word that begins with ل (للبنان: ل + لبنان). The corpus lexicon's more
    common reading wins; unknown words are read with the article, by far the commoner case."""
    bare = key[2:]
    article, lam = lexicon.get("ال" + bare), lexicon.get("ل" + bare)
    return lam is None or (article is not None and int(article[0]) >= int(lam[0]))


@cache
def citation_name(entity_text: str) -> str:
    """The name as it is cited: «للأمم المتحدة» → «الأمم المتحدة» (the article's alef given back), «جبران
    #باسيل» → «جبران باسيل» (a hashtag mark is no part of a name)."""
    from .ner.features import shipped_lexicon

    entity_text = without_hashtag_marks(entity_text)
    key = match_key(entity_text.split()[0]) if entity_text.split() else ""
    lead = _lam_lead(key)
    if lead is None or not _lam_article(key[lead:], shipped_lexicon()):
        return entity_text
    return "ال" + entity_text[_raw_prefix(entity_text, lead + 2) :]


def name_entities(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The entities with their :func:`citation_name` (the last step of the entity stage)."""
    return tuple(Entity(e.start, e.end, e.text, e.type, e.backend, citation_name(e.text)) for e in entities)


# Words that take the preposition ل before their complement (وفقا لـ، طبقا لـ، نسبة لـ)
_LAM_GOVERNORS = key_set("وفقا ووفقا طبقا وطبقا تبعا نسبة بالنسبة خلافا استنادا خلفا بديلا")


def _accusative_common_noun(key: str, lexicon: dict[str, tuple[str, str]]) -> bool:
    """A word with the accusative alif (تفاصيلا، غنائيا) whose stem is a common noun of the corpus: written
    mostly with the article, and more often than the word itself (not زكريا، كبريتا)."""
    stem = lexicon.get(key[:-1]) if len(key) >= 5 and key.endswith("ا") else None
    if stem is None or stem[1] not in ("2", "3") or int(stem[0]) < 6:
        return False
    whole = lexicon.get(key)
    return whole is None or int(whole[0]) < int(stem[0])


def manner_phrase(key: str) -> bool:
    """ب + a common noun the corpus mostly writes with the article, about as common as the whole word or more
    (بسخرية، بحزم، ببساطة): how something was said, not a listed name in ب (بسام) nor one whose rest is rare
    or a name (بوتين، بشار)."""
    from .ner.features import shipped_lexicon

    lexicon = shipped_lexicon()
    entry = lexicon.get(key[1:]) if key[:1] == "ب" and len(key) >= 5 else None
    whole = lexicon.get(key)
    return entry is not None and entry[1] in ("2", "3") and int(entry[0]) >= 6 \
        and int(entry[0]) + 1 >= (int(whole[0]) if whole is not None else 0) and not listed_person(key)


def _more_common(word: str, than: str, lexicon: dict[str, tuple[str, str]]) -> bool:
    """``word`` is at least eight times as frequent in the news corpus as ``than`` (log2 counts 3 apart)."""
    a, b = lexicon.get(word), lexicon.get(than)
    return a is not None and int(a[0]) >= (int(b[0]) if b is not None else 0) + 3


def listed_person(key: str) -> bool:
    """A word the shipped name lists give as a person's name (فيصل، باسم، فراس)."""
    return "PERS" in _gazetteer_types(key)


def _gazetteer_types(key: str) -> frozenset[str]:
    """The types the shipped name lists give the normalized phrase ``key`` (none when unlisted)."""
    from .ner.features import gaz_digest, shipped_gazetteer

    return shipped_gazetteer().get(gaz_digest(key), frozenset())


def _governs_lam(tokens: tuple[Token, ...], starts: list[int], start: int) -> bool:
    i = bisect_right(starts, start) - 1
    return i > 0 and tokens[i].start == start and match_key(tokens[i - 1].text) in _LAM_GOVERNORS


def _after_speech_verb(tokens: tuple[Token, ...], starts: list[int], start: int) -> bool:
    i = bisect_right(starts, start) - 1
    return i > 0 and tokens[i].start == start and cues.lookup_verb(match_key(tokens[i - 1].text)) is not None


def _noun_with_pronoun(word: str, lexicon: dict[str, tuple[str, str]]) -> bool:
    """A word as written that is a common noun (mostly written with the article in the corpus) and a
    pronoun ending (شعبها، زواره; not سورية, whose ة is no pronoun)."""
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = match_key(word[: -len(suffix)])
        if word.endswith(suffix) and len(stem) >= 3 and lexicon.get(stem, ("", ""))[1] in ("2", "3"):
            return True
    return False


def _country_name(key: str) -> bool:
    """A nationality form that is also a country's name (السعودية), by the gazetteer the taggers use."""
    return "LOC" in _gazetteer_types(key)


def _after_definite(tokens: tuple[Token, ...], starts: list[int], start: int) -> bool:
    """Whether the word before ``start`` is a definite noun a nationality adjective could describe."""
    i = bisect_right(starts, start) - 1
    if i <= 0:
        return False
    before = match_key(tokens[i - 1].text)
    return before.startswith(("ال", "لل")) or before[1:].startswith("ال")


def _without_first_word(entity: Entity) -> Entity:
    words = entity.text.split()
    cut_at = entity.text.index(words[1], len(words[0]))
    return Entity(entity.start + cut_at, entity.end, entity.text[cut_at:], entity.type, entity.backend)


def _without_last_word(entity: Entity) -> Entity:
    words = entity.text.split()
    kept = entity.text[: entity.text.rstrip().rfind(words[-1])].rstrip()
    return Entity(entity.start, entity.start + len(kept), kept, entity.type, entity.backend)


def _with_next_word(text: str, tokens: tuple[Token, ...], entity: Entity) -> Entity:
    """The entity stretched over the word token right after it, if there is one."""
    starts = [t.start for t in tokens]
    nxt = bisect_left(starts, entity.end)
    if nxt < len(tokens) and match_key(tokens[nxt].text) and text[entity.end : tokens[nxt].start].strip() == "":
        end = tokens[nxt].end
        return Entity(entity.start, end, text[entity.start : end], entity.type, entity.backend)
    return entity


def _is_definite_nationality(word: str, nationalities: frozenset[str]) -> bool:
    key = match_key(word)
    return key.startswith("ال") and key in nationalities


def _agrees(key: str, gender: str, nationalities: frozenset[str]) -> bool:
    """A definite nationality adjective of the head's gender (الروسية after وزارة, السوري after الجيش)."""
    if not _is_definite_nationality(key, nationalities):
        return False
    return key.endswith("ه") if gender == "f" else key.endswith("ي")


def _head(key: str, heads: dict[str, tuple[str, frozenset[str]]]) -> tuple[int, str, frozenset[str]] | None:
    """``(clitic length, gender, kinds)`` when a token is a name head, bare or after و ف ب ل ك."""
    if key in heads:
        return (0, *heads[key])
    for clitic in _CLITIC_PREFIXES:
        rest = key[len(clitic) :]
        if key.startswith(clitic) and rest in heads:
            return (len(clitic), *heads[rest])
    return None


def _part_of_before(i: int, keys: list[str], titles: dict[str, str], clipped: bool) -> bool:
    """Whether the word before ``i`` makes a head part of something else: a title (وزير الخارجية،
    لوزير الدفاع), a blocking word (وزارة الشؤون الخارجية، لشؤون الدفاع), or, for a ministry's short
    name, a definite noun it describes (السياسة الخارجية)."""
    if i == 0:
        return False
    before = keys[i - 1]
    bare = [before[len(c) :] for c in _CLITIC_PREFIXES if before.startswith(c) and len(before) - len(c) >= 3]
    if any(word in titles for word in (before, *bare)):
        return True
    head = _head(before, cues.name_heads())
    if head is not None and "blocks" in head[2]:
        return True
    return clipped and (before.startswith(("ال", "لل")) or any(word.startswith("ال") for word in bare))


_OUTLET_CLITICS = ("ول", "وب", "و", "ل", "ب")


@cache
def _outlet_index() -> tuple[frozenset[str], tuple[int, ...]]:
    names = cues.outlets()
    return frozenset(n[0] for n in names), tuple(sorted({len(n) for n in names}, reverse=True))


def outlet_at(keys: list[str], i: int) -> tuple[int, int] | None:
    """``(clitic length, tokens)`` of a news outlet's name starting at token ``i`` (لبي بي سي، لـCNN)."""
    firsts, sizes = _outlet_index()
    first = keys[i].lower()
    if first not in firsts and first[1:] not in firsts and first[2:] not in firsts:
        return None  # most words start no outlet's name
    names = cues.outlets()
    for size in sizes:
        rest = tuple(k.lower() for k in keys[i + 1 : i + size])
        if len(rest) != size - 1:
            continue
        for cut in (0, *(len(c) for c in _OUTLET_CLITICS if first.startswith(c))):
            if (first[cut:], *rest) in names:
                return cut, size
    return None


def mark_outlets(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """News outlets tagged as organisations, clitics cut off (لبي بي سي → بي بي سي); a tagged name that
    ran into one («سامح شكري لبي بي سي») ends before it."""
    keys = [match_key(t.text) for t in tokens]
    found: list[tuple[int, int, int]] = []  # first token, last token (exclusive), clitic length
    i = 0
    while i < len(tokens):
        hit = outlet_at(keys, i) if keys[i] else None
        if hit is None:
            i += 1
            continue
        cut, size = hit
        found.append((i, i + size, cut))
        i += size
    if not found:
        return entities
    out: list[Entity] = []
    for entity in entities:
        e: Entity | None = entity
        for first, last, _ in found:
            if e is None or e.end <= tokens[first].start or e.start >= tokens[last - 1].end:
                continue
            # the name before the outlet stays, up to the token before it (and before a detached لـ)
            stop = first - 1 if first > 0 and keys[first - 1] in ("ل", "") else first
            end = tokens[stop - 1].end if stop > 0 else e.start
            e = Entity(e.start, end, text[e.start : end], e.type, e.backend) if end > e.start else None
        if e is not None and e.text.strip():
            out.append(e)
    for first, last, cut in found:
        start, end = tokens[first].start + _raw_prefix(tokens[first].text, cut), tokens[last - 1].end
        out.append(Entity(start, end, text[start:end], "ORG", RULES))
    return tuple(sorted(out, key=lambda e: e.start))


def _raw_prefix(word: str, letters: int) -> int:
    """Characters of ``word`` that hold its first ``letters`` letters, with the tatweel after them (لـ)."""
    i = counted = 0
    while i < len(word) and counted < letters:
        if match_key(word[i]):
            counted += 1
        i += 1
    while i < len(word) and not match_key(word[i]):
        i += 1  # the tatweel or diacritics after a clitic
    return i


def complete_names(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Organisation names built on a head noun (``name_heads.tsv``), which ANERcorp-trained taggers
    miss or cut short: وزارة الدفاع الروسية، الخارجية الروسية، الجيش السوري، وكالة سبوتنيك (over the
    tagged «سبوتنيك»), وكالة انترفاكس للأنباء. A tagged name the new one would cut across blocks it."""
    heads = cues.name_heads()
    nationalities = cues.nationalities()
    titles = cues.titles()
    media = cues.media_nouns()
    keys = [match_key(t.text) for t in tokens]
    starts = [t.start for t in tokens]
    n = len(tokens)
    owner: list[int | None] = [None] * n
    ranges: list[tuple[int, int]] = []
    for x, e in enumerate(entities):
        first, last = max(0, bisect_right(starts, e.start) - 1), bisect_left(starts, e.end) - 1
        ranges.append((first, last))
        for k in range(first, last + 1):
            owner[k] = x
    added: list[Entity] = []
    replaced: set[int] = set()
    done = -1  # the last token of the name built last
    for i, key in enumerate(keys):
        hit = _head(key, heads) if i > done and i + 1 < n else None
        own = owner[i]
        if hit is None or (own is not None and ranges[own][0] != i):
            continue
        cut, gender, kinds = hit
        if own is not None and ranges[own] == (i, i + 1) and entities[own].type == "ORG":
            continue  # the tagger's own name boundary: حزب الله (اللبناني)
        nxt = owner[i + 1]
        end: int | None = None
        if "name" in kinds and nxt is not None and ranges[nxt][0] == i + 1 and entities[nxt].type in ("ORG", "MISC"):
            end = ranges[nxt][1]  # وكالة + a tagged agency name
            if key[cut:] in media and end + 1 < n and owner[end + 1] is None and keys[end + 1].startswith("لل") \
                    and len(keys[end + 1]) >= 5:
                end += 1  # وكالة انترفاكس للأنباء
        elif "construct" in kinds and i + 2 < n and keys[i + 1].startswith("ال") \
                and keys[i + 1] not in nationalities and _agrees(keys[i + 2], gender, nationalities):
            end = i + 2  # وزارة الدفاع الروسية
        elif "adjective" in kinds and (key[:cut].lstrip("وف")[:1] in ("ب", "ل")  # النقيب بالجيش العراقي: in it
                                       or not _part_of_before(i, keys, titles, "clipped" in kinds)) and _agrees(
                keys[(j := i + 2 if keys[i + 1] in _INNER_ADJECTIVES and i + 2 < n else i + 1)], gender, nationalities):
            end = j  # الجيش السوري، الخارجية الروسية، الحرس الثوري الإيراني; not وزير الخارجية الأميركي
            if end + 1 < n and keys[end + 1] in _TRAILING_ADJECTIVES and owner[end + 1] is None:
                end += 1  # الجيش السوري الحر
        if end is None:
            continue
        inside = {owner[k] for k in range(i, end + 1) if owner[k] is not None}
        if any(ranges[x][0] < i or ranges[x][1] > end for x in inside):  # type: ignore[index]
            continue
        replaced.update(x for x in inside if x is not None)
        done = end
        start, stop = tokens[i].start + cut, tokens[end].end
        added.append(Entity(start, stop, text[start:stop], "ORG", RULES))
    kept = tuple(e for x, e in enumerate(entities) if x not in replaced)
    return _with_coordinated_fields(text, tokens, tuple(sorted(kept + tuple(added), key=lambda e: e.start)))


def _with_coordinated_fields(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """An organisation named for its fields (a «لل» complement) goes on over the fields it lists with و
    (منظمة الأمم المتحدة للتربية والعلم والثقافة، الهيئة العامة للسياحة والتراث الوطني), but not over a
    second body (والقوات), a relative (والتي) or a plural (والمنظمات)."""
    heads, orgs, titles = cues.name_heads(), cues.organizations(), cues.titles()
    nationalities = cues.nationalities()
    starts = [t.start for t in tokens]
    taken = {bisect_right(starts, e.start) - 1 for e in entities}
    out: list[Entity] = []
    for e in entities:
        words = e.text.split()
        last = bisect_left(starts, e.end) - 1
        wkeys = [match_key(w) for w in words]
        fields = any(k.startswith("لل") for k in wkeys[1:])
        if e.type != "ORG" or len(words) < 2 or not wkeys[-1].startswith(("ال", "لل")) or not fields:
            out.append(e)  # only a body named for its fields lists them (للتربية والعلم; not مجلس الشورى والخبراء)
            continue
        j = last + 1
        while j < len(tokens) and j not in taken and tokens[j].start - tokens[j - 1].end <= 1:
            k = match_key(tokens[j].text)
            bare = k[1:]
            if not (k.startswith("وال") and len(k) > 4) or bare in orgs or bare in titles or bare[2:] in heads \
                    or bare in nationalities or bare in ("التي", "الذي", "الذين") or bare.endswith(("ات", "ين", "ون")):
                break  # والتي: a relative clause; والمنظمات: a second, plural thing
            j += 1
            k = match_key(tokens[j].text) if j < len(tokens) else ""
            if j not in taken and k.startswith("ال") and k.endswith(("ي", "يه")) and k not in nationalities:
                j += 1  # والتراث الوطني
        if j > last + 1:
            e = Entity(e.start, tokens[j - 1].end, text[e.start : tokens[j - 1].end], e.type, e.backend)
        out.append(e)
    return tuple(out)


def speaker_organisations(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...],
                          names: list[tuple[int, int, int]]) -> tuple[Entity, ...]:
    """The entities with the organisations the statements name as speakers (``names``: token ranges
    and the letters of a و/ف to cut): «وبحسب المرصد السوري لحقوق الإنسان»، «قالت الهيئة العليا
    للمفاوضات», which the taggers leave untagged. Only names of two words or more that no entity
    touches are added; a head noun alone (الوزارة) is a back-reference, not a name."""
    taken = [(e.start, e.end) for e in entities]
    added: dict[tuple[int, int], Entity] = {}
    nationalities = cues.nationalities()
    for first, last, skip in names:
        if not 2 <= last - first <= 6 or not _proper_organisation(
                [match_key(t.text) for t in tokens[first:last]], skip, nationalities):
            continue
        start, end = tokens[first].start + skip, tokens[last - 1].end
        if any(a < end and start < b for a, b in taken) or (start, end) in added:
            continue
        if last < len(tokens) and any(a == tokens[last].start for a, _ in taken):
            continue  # مطار الملك | خالد الدولي: a name the tagger cut in two is no name of its own
        if not text[end - 1].isalnum() or not text[start].isalnum():
            continue  # a name ends at a word, not at a quotation mark or a bracket
        added[(start, end)] = Entity(start, end, text[start:end], "ORG", RULES)
    if not added:
        return entities
    return tuple(sorted(entities + tuple(added.values()), key=lambda e: e.start))


# Adjectives of a body's name around its nationality (الحرس الثوري الإيراني، الجيش السوري الحر)
_INNER_ADJECTIVES = key_set("الثوري الوطني الجمهوري الملكي الشعبي الإلكتروني")
_TRAILING_ADJECTIVES = key_set("الحر الحرة النظامي الإلكتروني")


# Adjectives that make a definite head a body's name (المركز الوطني للأرصاد، الهيئة العليا للمفاوضات)
_NAME_ADJECTIVES = key_set("الوطني الوطنية العام العامة الدولي الدولية العالمي العالمية الأعلى العليا المركزي "
                           "المركزية المتحدة الاتحادي الاتحادية الملكي الملكية الإسلامي الإسلامية العربي العربية")


# Definite heads that, with a nationality, refer back to a body named before or to a whole class of
# them (الشركة البريطانية، السلطات الفرنسية), not a body's name
_BACK_REFERENCES = key_set("الشركة المنظمة الجماعة السلطات القوى القوات المجموعة")


_DOCUMENTS = key_set("بيان البيان تقرير التقرير")


def _proper_organisation(keys: list[str], skip: int, nationalities: frozenset[str]) -> bool:
    """Whether a speaker's organisation phrase is a name: a definite head with a nationality, a name
    adjective or a «لل» complement after it (الحكومة الأوكرانية، المرصد السوري لحقوق الإنسان), or a
    head without the article and its genitive (وزارة العدل، صندوق النقد الدولي). Not a newspaper or
    a company named by its country (الصحيفة البريطانية، الشركة البريطانية), nor a head with a noun
    after it (الوزارة المواطنين)."""
    head, second = (keys[0][skip:] if skip else keys[0]), keys[1]
    if head in _DOCUMENTS:
        return False  # بيان المنظمة: the statement, not the body
    if head.startswith("ال"):
        return head not in cues.media_nouns() and head not in _BACK_REFERENCES and (
            second in nationalities or second in _NAME_ADJECTIVES or second.startswith("لل") and len(second) > 4)
    return second.startswith("ال") and len(second) > 3


def _majority_type(entity: Entity, votes: dict[tuple[str, ...], dict[str, int]]) -> Entity:
    """The entity with the type its name has most often in the text (هامبورج tagged LOC twice, ORG once)."""
    counts = votes.get(tuple(match_key(citation_name(entity.text)).split()))
    if not counts:
        return entity
    best = max(counts, key=counts.get)  # type: ignore[arg-type]
    if best == entity.type or counts[best] <= counts.get(entity.type, 0):
        return entity
    return Entity(entity.start, entity.end, entity.text, best, entity.backend)  # type: ignore[arg-type]


_NAME_PARTICLES = frozenset("دي دو فون فان ابو ابن بن عبد ال".split())
_CLITIC_PREFIXES = ("وب", "ول", "و", "ب", "ل", "ف", "ك")


def propagate_entities(text: str, tokens: tuple[Token, ...], entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """One name, one tag per article: other occurrences of a tagged name (and a person's surname
    alone, «لافروف» after «سيرجي لافروف») get the same type, clitics (ولافروف) cut off."""
    keys = [match_key(t.text) for t in tokens]
    starts = [t.start for t in tokens]
    covered = [False] * len(tokens)
    for e in entities:
        for i in range(max(0, bisect_right(starts, e.start) - 1), bisect_left(starts, e.end)):  # a cut clitic too
            covered[i] = True
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    for e in entities:
        words = tuple(match_key(citation_name(e.text)).split())
        if not words:
            continue
        if len(words) >= 2 or not words[0].startswith("ال") or len(words[0]) >= 4:  # not الي (إلى)
            votes.setdefault(words, {}).setdefault(e.type, 0)
            votes[words][e.type] += 1
        if e.backend == RULES and len(words) >= 2 and "name" in cues.name_heads().get(words[0], ("", frozenset()))[1]:
            # وكالة سبوتنيك was built on the tagged سبوتنيك, which is a name alone too
            inner = words[1:-1] if len(words) > 2 and words[-1].startswith("لل") else words[1:]
            votes.setdefault(inner, {}).setdefault("ORG", 0)
            votes[inner]["ORG"] += 1
        if e.type == "PERS" and len(words) >= 2:
            surname = words[-2:] if words[-2] in _NAME_PARTICLES else words[-1:]
            if len(surname[-1]) >= 3 and surname[-1] not in _ORDINALS:  # not الثاني of عبدالله الثاني
                votes.setdefault(surname, {}).setdefault("PERS", 0)
                votes[surname]["PERS"] += 1
    table = {w: max(t, key=t.get) for w, t in votes.items()}  # type: ignore[arg-type]
    entities = tuple(_majority_type(e, votes) for e in entities)
    lengths = sorted({len(w) for w in table}, reverse=True)
    firsts = {w[0] for w in table}
    added: list[Entity] = []
    i = 0
    while i < len(tokens):
        first = keys[i]
        lead = _lam_lead(first) if "لل" in first[:3] else None
        via_article = "ال" + first[lead + 2 :] if lead is not None else ""  # للأمم is ل + الأمم
        if covered[i] or (first not in firsts and first[1:] not in firsts and first[2:] not in firsts
                          and via_article not in firsts):
            i += 1  # most tokens start no name: skip them fast
            continue
        # (letters cut off the token, the key its name starts with), the whole token first
        readings = [(0, first)] + [(len(c), first[len(c) :]) for c in _CLITIC_PREFIXES
                                   if first.startswith(c) and first[len(c) :] in firsts]
        if via_article in firsts:
            readings.append((lead or 0, via_article))
        hit = None
        for n in lengths:
            if i + n > len(tokens) or any(covered[i : i + n]):
                continue
            rest = tuple(keys[i + 1 : i + n])
            hit = next(((n, cut, (name, *rest)) for cut, name in readings if (name, *rest) in table), None)
            if hit is not None:
                break
        if hit is None:
            i += 1
            continue
        n, cut, words = hit  # the matched keys: the text between may hold a hashtag's _
        start, end = tokens[i].start + _raw_prefix(tokens[i].text, cut), tokens[i + n - 1].end
        added.append(Entity(start, end, text[start:end], table[words], "propagated"))  # type: ignore[arg-type]
        i += n
    return tuple(sorted(entities + tuple(added), key=lambda e: e.start))


__all__ = ["clean_entities", "complete_names", "mark_outlets", "outlet_at", "propagate_entities"]
