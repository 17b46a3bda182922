"""Speaker mentions: the noun phrase that names a source (title + name chains, organisations, unnamed sources).

The parser reads normalized tokens left to right and stops at what cannot belong to a speaker
phrase (complementizers, prepositions, time words, punctuation, verbs), so that
«قال وزير الخارجية الروسي سيرجي لافروف للصحفيين اليوم إن …» yields «وزير الخارجية الروسي سيرجي لافروف».
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from . import cues
from .entities import NAME_LINKS, listed_person, manner_phrase, outlet_at
from .model import Gender, SpeakerType
from .normalize import key_set, strip_diacritics
from .segment import is_abbreviation_period
from .tokenize import name_hyphen
from .view import TextView

DEMONSTRATIVES: dict[str, Gender] = {"هذه": "f", "هذا": "m", "هولاء": "pl", "تلك": "f", "ذلك": "m"}
PREPOSITIONS = key_set("في خلال بعد قبل عقب على مع عن من الي لدي امام عبر حول ضد منذ حتي عند بين نحو ازاء تجاه اثر اثناء امس "
    "وفي وخلال وبعد وقبل ومن وعلي ومع وعن لان بسبب")
RELATIVES = key_set("الذي التي الذين اللذان اللتان اللواتي اللاتي")
FUNCTION_WORDS = key_set("و او ثم لكن لكنه لكنها قد وقد فقد لا لم لن ما كل اي هو هي هم هما نحن انا انت كما فيما بينما حيث اذ اذا "
    "ان انه انها كان وكان كانت وكانت يكون تكون ليس هناك هنا ايضا كذلك اما واما الا غير سوي مثل عبر الي علي "
    "عن من في مع لدي منذ حتي بعد قبل خلال جدا فقط حاليا الان يوم الجميع الكل جميع كافه بعض احد احدي تعالي "
    "سبحانه دون بدون فان فانه فانها بان بانه بانها لان لانه وهو وهي وهم وهما كلا كلتا البالغ البالغة")
# Prepositions with a pronoun suffix (فيها، منه، عليهم): never part of a name.
PRONOUN_PPS = frozenset(
    p + s for p in ("في", "من", "عن", "علي", "الي", "ل", "ب", "مع", "عند", "لدي", "بين")
    for s in ("ه", "ها", "هم", "هما", "هن", "نا", "ي", "ك", "كم")
)
SPEECH_OBJECT_NOUNS = key_set("قوله قولها قولهم قولهما تصريحه تصريحها تاكيده تاكيدها القول بالقول")


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker phrase as token range ``[first, last)``; ``skip`` letters of a clitic و/ف are cut off."""

    first: int
    last: int
    type: SpeakerType
    gender: Gender
    name: tuple[int, int] | None = None  # the personal or organisation name inside, as a token range
    title: tuple[int, int] | None = None  # the title chain, as a token range
    skip: int = 0


@cache
def _heads() -> tuple[dict[str, Gender], dict[str, Gender], dict[str, Gender], frozenset[str]]:
    return cues.titles(), cues.organizations(), cues.unnamed_heads(), cues.nationalities()


def head_key(key: str) -> tuple[str, int]:
    """A token key with a clitic و/ف removed when the rest is a known head word."""
    titles, orgs, unnamed, _ = _heads()
    if key in titles or key in orgs or key in unnamed or key in DEMONSTRATIVES:
        return key, 0
    if key.startswith("ال") and key[2:] in unnamed:
        return key[2:], 0  # المسؤولون، المصادر: a definite unnamed source
    bare = cues.strip_conjunction(key)
    if bare != key and (bare in titles or bare in orgs or bare in unnamed or bare in DEMONSTRATIVES):
        return bare, 1
    return key, 0


def is_stop(view: TextView, i: int) -> bool:
    """True where a speaker phrase cannot continue."""
    k = view.key(i)
    if not k:
        return True
    return (
        k in PREPOSITIONS
        or k in PRONOUN_PPS
        or k in RELATIVES
        or cues.strip_conjunction(k) in RELATIVES  # والتي، والذين
        or k in cues.complementizers()
        or k in cues.time_words()
        or k in FUNCTION_WORDS
        or len(k) == 3 and k[1:] in _NEGATIONS and cues.strip_conjunction(k) != k  # ولا، فلم: and not
        or cues.lookup_verb(k) is not None
        or _purpose_verb(k)
        or cues.lookup_relay(k) is not None
        or k in SPEECH_OBJECT_NOUNS
        or k in SOURCE_MARKERS or cues.strip_conjunction(k) in SOURCE_MARKERS
    )


def _purpose_verb(key: str) -> bool:
    """ل before a present verb of saying opens a purpose clause (وكتبت لتوضح أن …، وعاد ليؤكد): no name."""
    form = cues.lookup_verb(key[1:]) if key[:1] == "ل" else None
    return form is not None and form.tense == "present"


_NEGATIONS = key_set("لا لم لن")
# words that open an attribution (وفقا لما نقلته …، بحسب …), never part of a name (not حسب, a name word: حسب الله)
SOURCE_MARKERS = key_set("بحسب حسبما وفقا طبقا نقلا استنادا")
_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن")
_FORMER = key_set("سابق سابقة سابقون سابقين سابقان")
_THE_OTHER = key_set("الآخر الأخرى الآخرون الآخرين")  # البعض الآخر، المصادر الأخرى
_UNNAMED_COMPLEMENTS = key_set("اعلام عيان مسؤول رفيع مطلع كبير بارز آخر أخرى آخرون آخرين عدة") | _FORMER


# Names that normalize like a function word (علي = على), read as names after a name link (ابن علي).
_PARTICLE_COMPLEMENTS = key_set("علي")


# Verbal nouns that open what is stressed or confirmed, never a name (وأكد الوزير أهمية التعاون، وأكد ضرورة …)
_OBJECT_NOUNS = key_set("أهمية ضرورة حرص استعداد رفض دعم التزام عزم تأكيد وجود عدم إمكانية استمرار مواصلة أحقية "
                        "إدانة تضامن فوز وفاة مقتل وقوع حدوث")  # (أعلن فوز فيلم …، أعلن وفاة الفنان …: what was announced)
_MODALS = key_set("يجب ينبغي يمكن يتعين لابد")  # «وأكد المريح يجب أن نكون حذرين»: no name goes on over them


def namelike(view: TextView, i: int) -> bool:
    """A word that can be part of a personal name."""
    titles, orgs, unnamed, nats = _heads()
    k = view.key(i)
    if k in _PARTICLE_COMPLEMENTS and i > 0 and (
            view.key(i - 1) in NAME_LINKS
            or head_key(view.key(i - 1))[0] in titles and getattr(view.entity_starting(i + 1), "type", "") == "PERS"):
        return True  # ابن علي، أبو علي، السيد علي السيستاني: علي is the name, not the preposition على
    if not k or k.isdigit() or is_stop(view, i) or len(k) < 2 or k in _MODALS or k in cues.PRONOUN_WORDS \
            or k in DEMONSTRATIVES \
            or k in _OBJECT_NOUNS or k.endswith("ه") and (k[:-1] in _OBJECT_NOUNS or k[:-2] + "ه" in _OBJECT_NOUNS):
        return False  # (and with «his»: وأكد حرصه على …، أهميته)
    if len(k) >= 4 and k.endswith(_PRONOUN_SUFFIXES) and k not in view.person_words:
        return False  # دعوتها، سعيهما: a noun with a possessive, not a name
    if len(k) >= 5 and k.endswith("ته") and k not in view.person_words:
        return False  # تحياته، استقالته: a verbal noun with «his»
    if _noun_with_his(view, i):
        return False  # أعلن رحيله، قراره: a common noun with «his»
    if "\u064b" in view.tokens[i].text:
        return False  # حقاً، أيضاً: tanween marks an adverb or an indefinite noun, never a name
    if k[:1] in ("ك", "ب", "ل") and (k[1:] in titles or "ال" + k[1:] in titles):
        return False  # كرئيس، بصفته: «as president» after a name
    if k[:1] in ("ل", "ب") and (_media_word_key(k[1:]) or k[1:] in orgs or "ال" + k[1:] in orgs):
        return False  # لوكالة، بوزارة: a preposition and an institution
    if k in titles or k in orgs or k in nats or k in unnamed:
        return False
    if cues.honorific_pronoun(k):
        return False  # معاليه، سموه، فضيلته: «his excellency», the one just named
    bare = cues.strip_conjunction(k)
    if bare != k and (bare in titles or bare in orgs or bare in unnamed):
        return False  # ورئيس، ووزارة: a coordinated head, not a name
    ent = view.entity_of[i]
    return ent is None or ent.type == "PERS"


def _corpus_entry(key: str) -> tuple[str, str] | None:
    """The news corpus lexicon's (log2 frequency, article-ratio bucket) of a normalized word, if it has one."""
    from .ner.features import shipped_lexicon  # (loaded on first use, with the taggers' resources)

    return shipped_lexicon().get(key)


def _noun_with_his(view: TextView, i: int) -> bool:
    """رحيله، قراره: a word written with a final ه (not ة: جميلة، أميرة are names) whose stem is a common
    noun that takes the article, and that no name list or tagged name of the article gives."""
    k = view.key(i)
    if len(k) < 5 or not strip_diacritics(view.tokens[i].text).endswith("ه") or k in view.person_words \
            or listed_person(k):
        return False
    titles, orgs, unnamed, _ = _heads()
    stem = k[:-1]
    if stem in orgs or stem in titles or stem in unnamed:
        return False  # «مكتبه الإعلامي»: his office speaks
    entry = _corpus_entry(stem)
    return entry is not None and int(entry[0]) >= 7 and entry[1] in ("1", "2", "3")


def _definite(k: str) -> bool:
    """A definite word, also behind a clitic: الخارجية، للشؤون، والإعلام، بالجمعية."""
    if k[:3] in ("وال", "بال") and len(k) > 5:  # not كالين، والتر: only و/ب, and a long enough rest
        k = k[1:]
    return k.startswith("ال") and len(k) > 3 or k.startswith("لل") and len(k) > 3


# «المتحدث باسمهم»: the spokesman for those named before (but «أعرب الملك باسمه واسم شعبه»: on his own behalf)
ON_BEHALF = key_set("باسمه باسمها باسمهم باسمهما")


def _modifier(view: TextView, i: int) -> bool:
    """Words that extend a title or organisation phrase: الخارجية، الروسي، باسم، للشؤون، العامة."""
    k = view.key(i)
    if not k or is_stop(view, i):
        return False
    titles, orgs, _, nats = _heads()
    ent = view.entity_of[i]
    if ent is not None and ent.type == "PERS" or addressed_after_lam(k):
        return False  # a name, or the people addressed (الوزير للصحفيين: …)
    if k[:1] == "ل" and outlet_at(view.keys, i) is not None:
        return False  # وزير الخارجية لبي بي سي: the outlet is addressed
    if _lam_medium(k) and getattr(ent, "type", "") != "ORG" and view.key(i - 1) not in _STATEMENT_NOUNS:
        # وزير الخارجية للصحيفة، الفنانة للتلفزيون الرسمي: the medium is addressed (but المدير العام
        # للوكالة الدولية للطاقة الذرية: an organisation's name; تقرير للصحيفة: whose report)
        return False
    if k[:1] in ("ب", "ل") and (k[1:] in orgs or "ال" + k[1:] in orgs):
        return not _media_word_key(k[1:])  # بوزارة الداخلية belongs to the title; لوكالة … is an addressee
    if k in _ACTING:
        return True  # رئيس الاتحاد السعودي بالإنابة
    if k.startswith("بال"):
        # الرئيس الكولومبي بالاستفزاز، وأشاد الوزير بالرئيس …: ب + a noun, a title too, is the verb's
        # complement, not the title's
        return False
    if k.startswith("و") and k[1:] in titles and i + 1 < len(view.tokens) and _definite(view.key(i + 1)) \
            or k.startswith("و") and k[1:] in titles and view.key(i + 1) in orgs:
        return True  # السيناتور الجمهوري ورئيس لجنة العلاقات الخارجية: a second role of the same person
    return _definite(k) or k in nats or k in titles or k in orgs or k == "باسم" or (ent is not None) \
        or k in ON_BEHALF and _spokesman_before(view, i)


def _quoted_name(view: TextView, i: int) -> tuple[int, int] | None:
    """A short name in quotation marks («سيرجي لافروف») starting at mark ``i``: the inner range."""
    pair = view.pair_at_open.get(i)
    if pair is None or pair.close - pair.open - 1 > 4:
        return None
    inner = range(pair.open + 1, pair.close)
    if all(view.entity_of[j] is not None or namelike(view, j) and not _definite(view.key(j)) for j in inner):
        return pair.open + 1, pair.close
    return None


def _name_after(view: TextView, i: int, limit: int) -> tuple[int, int, int] | None:
    """A personal name starting at ``i``: (first, last, end) where end also covers closing marks."""
    if i >= limit:
        return None
    quoted = _quoted_name(view, i)
    if quoted is not None:
        return quoted[0], quoted[1], quoted[1] + 1
    ent = view.entity_starting(i)
    if ent is not None and ent.type == "PERS":
        last = _extend_name(view, min(ent.last, limit), limit)
        return i, last, last
    if not namelike(view, i) or _definite(view.key(i)) or view.key(i) in _STATEMENT_NOUNS:
        return None  # (and «، تغريدة قالت فيها»: what was written, not a name)
    if view.key(i)[:1] in ("ل", "ب") and view.key(i) not in view.person_words:
        return None  # لأحد، بوزارة: a preposition, not the first letter of a name
    if view.key(i)[:1] == "و" and view.key(i) not in view.person_words and not listed_person(view.key(i)) \
            and _mostly_with_article(view.key(i)[1:]):
        return None  # «لشؤون آسيا ومنطقة الهادئ مارك فيلد»: و and a common noun go on with the title, not a name
    nxt = view.entity_starting(i + 1)
    if nxt is not None and nxt.type in ("LOC", "ORG"):
        return None
    j = i + 1
    while j < limit and j - i < 4 and namelike(view, j):
        j += 1
    if j == i + 1 < limit and not _name_shaped(view, i) and not _boundary_after_name(view, j):
        return None  # نفى الوزير وجود أي اتفاق: one common word after the title is the verb's object
    if _form_iv_verb(view, i) and (j == i + 1 or _definite(view.key(i + 1)) and view.key(i + 1) not in view.person_words):
        return None  # «فإن المدرب الإسباني أدرك أن …»: a verb (أفعل), not a name; «أصدق العزاء»: an elative
    if _derived_verbal_noun(view, i):
        return None  # «وأكد متحدث باسم الموقع إضافة الميزة»: what he confirmed
    if j == i + 1 < limit and view.key(j) in PREPOSITIONS and not _name_shaped(view, i) \
            and not listed_person(view.key(i)):
        return None  # «لكن المخرج دافع عن اختياره»: a common word before a preposition is the verb
    return i, j, j


def _abbreviated_title(view: TextView, i: int, limit: int) -> bool:
    """«د.»، «م.»، «أ.» at ``i`` with a word after it: a title before a name."""
    return view.key(i) in _ABBREVIATED_TITLES and i + 2 < limit and is_abbreviation_period(view.tokens, i + 1)


def _form_iv_verb(view: TextView, i: int) -> bool:
    """An untagged word of the verb pattern أفعل (أدرك، أصبح) that no name list gives (unlike أحمد، أيمن)."""
    k = view.key(i)
    return len(k) == 4 and k[0] == "ا" and k not in view.person_words and not listed_person(k)


def _preposition_and_noun(k: str) -> bool:
    """ب/ل + a common noun that takes the article (بقرار، لقاء): a verb's complement, not a name's last word."""
    if k[:1] not in ("ب", "ل") or len(k) < 4:
        return False
    entry = _corpus_entry(k[1:])
    return entry is not None and entry[1] not in ("0", "-") and int(entry[0]) >= 8


def _name_shaped(view: TextView, i: int) -> bool:
    """An untagged word that looks like a name: known as one in the article, unknown to the corpus
    lexicon, or a word that almost never takes the article (كيري، بوتين، محمد; not وجود، دعم، موقف)."""
    k = view.key(i)
    entry = _corpus_entry(k)
    return k in view.person_words or entry is None or entry[1] == "0"


def _future_verb(view: TextView, i: int) -> bool:
    """سيوقع، ستعلن: س and a present verb the corpus knows without it, not a name (سيلفا، ستيفن)."""
    k = view.key(i)
    if len(k) < 5 or k[:2] not in ("سي", "ست", "سن", "سا") or k in view.person_words or listed_person(k):
        return False
    entry = _corpus_entry(k[1:])
    return entry is not None and int(entry[0]) >= 6


def _derived_verbal_noun(view: TextView, i: int) -> bool:
    """استخدام، انسحاب، اعتراف: a verbal noun of the forms افتعال/انفعال/استفعال (ا… with ا before the last
    letter), or إضافة، إعادة، إقامة (إفالة, form IV of a hollow root), common in the news corpus, that no name
    list or tagged name gives (اسامه، امامه are listed; أكشينار is rare)."""
    k = view.key(i)
    if not (len(k) >= 6 and k[0] == "ا" and k[-2] == "ا"
            or len(k) == 5 and k[0] == "ا" and k[2] == "ا" and k[-1] == "ه" and k[1] != "ل") \
            or k in view.person_words or listed_person(k):
        return False
    entry = _corpus_entry(k)
    return entry is not None and int(entry[0]) >= 7


def _extend_name(view: TextView, last: int, limit: int) -> int:
    """One more name word after a tagged name when a phrase boundary follows it; a name's part joined
    by a hyphen written without spaces (القاضي كيم سي-يون، مون جاي-إن) in any case."""
    if last + 1 < limit and name_hyphen(view.tokens, last):
        return last + 2
    if (
        last < limit
        and namelike(view, last)
        and not _definite(view.key(last))
        and view.entity_of[last] is None
        and not _possessive(view, last)
        and not (view.key(last)[:1] in ("ل", "ب") and view.key(last)[1:] in view.person_words)  # لزاخاروفا
        and not _preposition_and_noun(view.key(last))  # أشاد نتنياهو بقرار …
        and not addressed_after_lam(view.key(last))  # «قال كيري لصحفيين»: those he spoke to
        and not _accusative_noun(view, last)  # «رئاسة الأمير محمد بن نايف اجتماعا»: the object
        and view.key(last) not in DEMONSTRATIVES  # «ونفى ترامب ذلك»: what he denied
        and not _form_iv_verb(view, last)  # «أيوب بن نحيت أثنى على …»: a verb
        and not _future_verb(view, last)  # «أن سكوت سيوقع على …»: a verb
        and not _derived_verbal_noun(view, last)  # «أعلن بوريس بيكر استخدام …»: what he announced
    ):
        if last + 1 >= limit or _boundary_after_name(view, last + 1):
            return last + 1
    return last


# Titles that are also adjectives after a noun: a title only before a definite noun (كبير الباحثين, but
# «واجه بارتوميو مشكلات كبيرة»)
_ADJECTIVE_TITLES = key_set("كبير كبيرة")


def _boundary_after_name(view: TextView, j: int) -> bool:
    """What may follow a speaker's name: punctuation, a complementizer, a title, a time word, an addressee."""
    k = view.key(j)
    if not k:
        return True
    titles, orgs, _, _ = _heads()
    if k[:1] in ("ل", "ب") and (k[1:] in view.person_words or _media_word_key(k[1:])):
        return True  # قال ميسفود لبابادوبولوس: an addressee
    return (
        k == "ل"  # قال ابن علي لـ«الاقتصادية»: a detached lam before an addressee
        or k in cues.complementizers()
        or k in cues.time_words()
        or k in titles and not (k in _ADJECTIVE_TITLES and not _definite(view.key(j + 1)))
        or k in PREPOSITIONS
        or k in SPEECH_OBJECT_NOUNS
        or k.startswith("لل")
        or k.startswith("ل") and (k[1:] in cues.media_nouns() or ("ال" + k[1:]) in cues.media_nouns())
    )


def _possessive(view: TextView, i: int) -> bool:
    """دعمه، موقفه: a noun with «his», unlikely as the next word of a name unless the article says so."""
    k = view.key(i)
    return len(k) >= 4 and k.endswith("ه") and k not in view.person_words


def bare_name(view: TextView, i: int, limit: int) -> Mention | None:
    """An untagged name of one or two words where the syntax says a subject stands (after a speech verb),
    closed by what may follow a name (، إن، اليوم، للصحفيين، the title in apposition)."""
    if i >= limit or not namelike(view, i) or len(view.key(i)) < 3:
        return None
    if _definite(view.key(i)) and view.key(i) not in view.person_words and not view.tokens[i].text.startswith("آ"):
        return None  # الشاهد alone is a name only where the article names يوسف الشاهد (آلين is no ال + ين)
    k = view.key(i)
    if (len(k) >= 5 and k.endswith(("ته", "تها", "تهم")) or len(k) >= 4 and view.tokens[i].text.endswith("اه")) \
            and k not in view.person_words:
        return None  # أعلن استقالته، وصفوا حالته، أبدى رضاه: the object, with «his», not a name
    if view.key(i).startswith("ل") and len(view.key(i)) > 3 and _media_word_key(view.key(i)[1:]):
        return None
    if k[:1] in ("ب", "ل") and k not in view.person_words and (
            _preposition_on_noun(k) or view.tokens[i].text.endswith(("ه", "ها", "هم")) or manner_phrase(k)):
        return None  # «أعلن بشكل مفاجئ»، «طالبوا بفتحه»، «وقال بسخرية»: ب + a common noun, not a name
    if _accusative_noun(view, i):
        return None  # «اعتذارا جميلا»: an indefinite noun, the verb's object
    if _derived_verbal_noun(view, i):
        return None  # «وأكد متحدث باسم الموقع إضافة الميزة»: what he confirmed
    for last in (i + 1, i + 2, i + 3):
        if last > limit:
            break
        if view.key(last - 1) in NAME_LINKS and last < limit and namelike(view, last):
            continue  # ابن علي, أحمد بن علي: a link needs the name after it
        if last == i + 3:
            break  # three words only with a link inside
        if last == limit or _boundary_after_name(view, last):
            if last == i + 1 and (common_noun(view, i) or _accusative_noun(view, i)):
                return None  # «وانتقد سياسة التهدئة»، «وسأل موظفا»: a noun, the verb's object
            return Mention(i, last, "PERS", "any", name=(i, last))
        if (ent := view.entity_starting(last)) is not None and ent.type in ("PERS", "ORG") \
                and ent.last + 1 < limit and view.tokens[ent.last].text in "،," \
                and head_key(view.key(ent.last + 1))[0] in _heads()[0]:
            # «قال آلين ماك كويد، كبير الاقتصاديين»: the tagger took only the rest of a foreign name;
            # the title in apposition after it says a person was named
            return Mention(i, ent.last, "PERS", "any", name=(i, ent.last))
        if not namelike(view, last) or view.entity_of[last] is not None or _possessive(view, last) \
                or view.key(last) in DEMONSTRATIVES:
            break  # («نفى صحة ذلك»: what he denied)
    return None


def _relation_with_pronoun(key: str) -> str | None:
    """The relational title in a word with «his/her» (والده → والد، زوجته → زوجه، شقيقها → شقيق), or None."""
    for suffix, back in (("ته", "ه"), ("تها", "ه"), ("ها", ""), ("ه", "")):
        stem = key[: -len(suffix)] + back if key.endswith(suffix) and len(key) > len(suffix) + 2 else ""
        if stem in _RELATIONAL_TITLES and stem in _heads()[0]:
            return stem
    return None


def _accusative_noun(view: TextView, i: int) -> bool:
    """A common noun with the accusative alif (موظفا، مخططا): its stem is a noun the corpus mostly writes with
    the article."""
    k = view.key(i)
    return len(k) >= 3 and k.endswith("ا") and k not in view.person_words and _mostly_with_article(k[:-1]) \
        and (len(k) >= 4 or not listed_person(k))  # (ردا in «وقال كيري ردا على سؤال»; not the name ندا)


def plural_of_things(view: TextView, i: int) -> bool:
    """ميليشيات، خدمات، وكالات: a plural in ات the corpus mostly writes with the article, not a name (عرفات، بركات);
    a masculine verb never has it as its subject."""
    k = view.key(i)
    return k.endswith("ات") and len(k) >= 5 and common_noun(view, i) and not listed_person(k)


def common_noun(view: TextView, i: int) -> bool:
    """An untagged word the news corpus mostly writes with the article (سياسة، مشروع، معلومات): a common
    noun, not a one-word name, unless the article itself names someone so."""
    k = view.key(i)
    return k not in view.person_words and _mostly_with_article(k)


def _mostly_with_article(key: str) -> bool:
    """The corpus lexicon's article-ratio buckets 2 and 3: a word written with the article most of the time."""
    entry = _corpus_entry(key)
    return entry is not None and entry[1] in ("2", "3")


def _preposition_on_noun(key: str) -> bool:
    """ب/ل + a word of three letters or more that the news corpus has over a thousand times (بشكل،
    لدعم): a preposition on a common noun; بوتين، بريتا، بشار keep their first letter."""
    entry = _corpus_entry(key[1:]) if len(key) >= 4 else None
    # (or a rarer noun the corpus mostly writes with the article: «وأشاد بجودة الورقة»)
    return entry is not None and (int(entry[0]) >= 10 or int(entry[0]) >= 8 and entry[1] in ("2", "3"))


def _media_word_key(k: str) -> bool:
    return k in cues.media_nouns() or ("ال" + k) in cues.media_nouns()


def _lam_medium(k: str) -> bool:
    """ل + the article + a medium (للصحيفة، للتلفزيون): who a statement was made to, after a speaker."""
    return k.startswith("لل") and _media_word_key(k[2:])


def parse_mention(view: TextView, i: int, limit: int, *, subject: bool = False) -> Mention | None:
    """The speaker phrase starting at token ``i`` (not crossing ``limit``), or None.

    With ``subject``, the position is known to hold a subject, so an untagged bare name is accepted.
    """
    if i >= limit:
        return None
    found = _parse_mention(view, i, limit)
    if found is None and subject:
        found = _described_name(view, i, limit) or bare_name(view, i, limit)
    return found


# Titles held for someone, whose genitive names that someone (محامي ترامب، مستشار الرئيس، والد الطفلة)
_RELATIONAL_TITLES = key_set("محامي محامية مستشار مستشارة مساعد مساعدة متحدث متحدثة ناطق ناطقة مبعوث موفد ممثل ممثلة "
                             "مندوب وكيل والد والدة شقيق شقيقة نجل زوجة أرملة خطيبة حفيد حفيدة")
# Heads of a state's long name before the country (مملكة البحرين، دولة الإمارات، جمهورية مصر العربية)
STATE_HEADS = key_set("مملكة دولة جمهورية إمارة سلطنة")
_ROLE_PREPOSITIONS = key_set("على في")
_MEMBERS = key_set("أعضاء عضو سكان أهالي مسؤولي قادة موظفي عناصر مقاتلي ضباط أطباء")
_QUANTIFIERS = key_set("كثير الكثير عدد العديد معظم غالبية أغلب")
_CONSTRUCT_TITLES = key_set("رجل")  # a title only before a definite noun (رجل الأعمال، رجل الدين; not «رجل حر»)
_SOME = key_set("بعض عدة")  # before a source noun in construct: بعض المصادر، عدة مصادر
_ABBREVIATED_TITLES = key_set("د م أ")  # دكتور، مهندس، أستاذ
# bodies named by the person who heads them, after his title (إدارة الرئيس الأميركي دونالد ترامب; not
# «رئاسة الأمير محمد بن نايف اجتماعا», his chairing)
_OWNED_BODIES = key_set("إدارة حكومة مكتب نظام")
# kin: the titled name after «زوجة الرئيس …» is the president's, never the wife's
KIN = key_set("والد والدة شقيق شقيقة نجل ابن ابنة زوج زوجة أرملة خطيبة حفيد حفيدة")
_MINISTERS = key_set("وزراء")  # ministers together, named for a field and the countries they serve
_OFFICIALS = key_set("مسؤول مسؤولة")  # unnamed heads that are a role in a row of titles before the name
# unnamed heads that a name may follow: the one so described (طبيب المنتخب المصري محمد أبو العلا، الطبيب محمد …);
# never «مصدر», a source that stays unnamed (مصدر مقرب من محمد …); «المسؤول» is a head of its own in the lexicon
_NAMEABLE_SOURCES = _OFFICIALS | key_set("المسؤول المسؤولة طبيب قيادي دبلوماسي متحدث متحدثة ضابط موظف مراقب ناشط ناشطة")
_GRADES = key_set("أول ثان ثاني")
_FIRST = key_set("الأول الأولى")  # right after a title, its rank (الوزير الأول، النائبة الأولى), not a day
_GRADED_RANKS = key_set("الملازم ملازم الفريق فريق")
# «الرئيس الحالي للمعهد»: the current holder, inside a title (elsewhere الحالي is a time word: العام الحالي)
_TENURE = key_set("الحالي الحالية")
_RANK_QUALIFIERS = key_set("ركن الركن متقاعد المتقاعد طيار الطيار بحري البحري بالإنابة بالنيابة")
_PERIODS = key_set("الأيام الأسابيع الأشهر الشهور السنوات الساعات الأسبوع الشهر العام السنة الفترة الآونة الوقت")
_GROUPS = key_set("مجموعة")  # «مجموعة من الباحثين»: a group of people
_FAMILIES = key_set("أسرة الأسرة عائلة العائلة")


# A share of a group as the subject: «قال 12% من المشاركين»، «وقال نحو ثلثي الآباء»، «أفاد 39 في المئة منهم»
_APPROXIMATORS = key_set("نحو حوالي حوالى قرابة زهاء")
_MORE_OR_LESS = key_set("اكثر اقل")  # أكثر من، أقل من
_FRACTIONS = key_set("نصف ثلث ربع خمس ثلثا ثلثي")
_MAJORITY = key_set("معظم غالبية أغلب أغلبية")
_HUNDRED = key_set("المئة المائة")
_PER_HUNDRED = key_set("بالمئة بالمائة")
_RATE_WORDS = key_set("نسبة بنسبة بمعدل بواقع")
_VERB_COMPLEMENT_PREPOSITIONS = key_set("عن إلى على")
_OF_THEM = key_set("منهم منهن منهما ممن")
_NUMBER_WORDS = key_set("اثنان اثنين اثنتان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة ثلاث أربع خمس ست سبع ثماني تسع عشر")


def _decimal_point(view: TextView, j: int) -> bool:
    """A separator glued between two runs of digits (10,3، 44.9: tokenized in three)."""
    return 0 < j < len(view.tokens) - 1 and view.tokens[j].text in (",", ".", "٫", "،") \
        and view.tokens[j - 1].text.isdigit() and view.tokens[j + 1].text.isdigit() \
        and view.tokens[j - 1].end == view.tokens[j].start and view.tokens[j].end == view.tokens[j + 1].start


def _number_end(view: TextView, j: int, limit: int) -> int:
    """Past a number at ``j`` (12، ١٢، 10,3), or ``j`` where none starts (also inside one: 9 of 44.9)."""
    if j >= limit or not view.tokens[j].text.isdigit() or _decimal_point(view, j - 1):
        return j
    return j + 3 if j + 2 < limit and _decimal_point(view, j + 1) else j + 1


def _percent_end(view: TextView, j: int, limit: int) -> int:
    """Past a percent sign or its words after a number (%، ٪، في المئة، بالمائة), or ``j``."""
    if j < limit and view.tokens[j].text in ("%", "٪"):
        return j + 1
    if j < limit and view.key(j) in _PER_HUNDRED:
        return j + 1
    if j + 1 < limit and view.key(j) == "في" and view.key(j + 1) in _HUNDRED:
        return j + 2
    return j


def _counted_people_end(view: TextView, j: int, limit: int) -> int:
    """Past a counted source after a number (مسؤولين، مسؤولا أميركيا، مصادر من طالبان), or ``j``."""
    if j >= limit or view.entity_of[j] is not None:
        return j
    _, _, unnamed, nats = _heads()
    k = view.key(j)
    if k not in unnamed and not (k.endswith("ا") and k[:-1] in unnamed):
        return j
    j += 1
    while j < limit and (view.key(j) in nats or view.key(j).endswith("ا") and view.key(j)[:-1] in nats):
        j += 1  # أميركيا: the nationality, in the accusative too
    return j


def share_mention(view: TextView, i: int, limit: int) -> Mention | None:
    """A share of a group speaking, as polls are reported: a number with a percent, a fraction or a
    majority word, maybe after «نحو/أكثر من», and the group it is taken from (من المشاركين، منهم، the
    genitive of a fraction: ثلثي المشاركين); a percent alone stands for the poll's respondents (قال 1%
    إنهم …). Not a number that counts or names something (50 سنت، 36 عاما)."""
    if (view.key(i - 1) in PREPOSITIONS and view.key(i - 2) + view.key(i - 1) != "منبين") \
            or view.key(i - 1) in _RATE_WORDS:
        return None  # «إلى 7 في المائة»، «بنسبة 25%»: a rate, not who said it (but «من بين 79% من المستطلعين»)
    j = i
    if view.key(j) == "نسبه":
        j += 1  # «قالت نسبة 64 بالمئة»
    if view.key(j) in _APPROXIMATORS:
        j += 1
    elif j + 1 < limit and view.key(j) in _MORE_OR_LESS and view.key(j + 1) == "من":
        j += 2
    elif j + 2 < limit and view.key(j) == "ما" and view.key(j + 1) == "يقرب" and view.key(j + 2) == "من":
        j += 3
    head = j
    number = _number_end(view, j, limit)
    if number == j and view.key(j) in _NUMBER_WORDS and view.key(j + 1) != "ارباع" \
            and not (view.key(j) in _FRACTIONS and view.key(j + 1) != "من"):
        number = j + 1  # «قال اثنان من أصحاب المتاجر»، «أكد اثنان منهما» (but «خمس» before a genitive is a fifth)
    if number > j and (counted := _counted_people_end(view, number, limit)) > number:
        return Mention(i, counted, "UNNAMED", "pl")  # «قال أربعة مسؤولين»، «وقال 12 مسؤولا أميركيا»
    percent = False
    if number > j:
        j = _percent_end(view, number, limit)
        percent = j > number
        if not percent and view.key(j) not in _OF_THEM and view.key(j) != "من":
            return None  # a count or a name (50 سنت، 36 عاما): not a share
    elif j < limit and view.key(j) in _FRACTIONS | _MAJORITY:
        j += 1
    elif j + 1 < limit and view.key(j) == "ثلاثه" and view.key(j + 1) == "ارباع":
        j += 2
    else:
        return None
    if j < limit and view.key(j) == "فقط":
        j += 1
    if j < limit and view.tokens[j].text == "(":  # «غالبية المجيبين (89٪)»: the figure in brackets
        close = next((x for x in range(j + 1, min(j + 6, limit)) if view.tokens[x].text == ")"), None)
        if close is not None and _percent_end(view, _number_end(view, j + 1, limit), limit) == close:
            j = close + 1
    group = j
    if j < limit and view.key(j) in _OF_THEM:
        j += 1
    elif j + 1 < limit and view.key(j) == "من" and view.key(j + 1) == "بين":
        j += 2
    elif j + 1 < limit and view.key(j) == "من" and (_definite(view.key(j + 1)) or _construct_noun(view, j + 1, limit)):
        j += 1
    elif j + 2 < limit and view.key(j) == "من" and view.key(j + 1) == "كل" and view.tokens[j + 2].text.isdigit():
        j += 3  # «أكثر من 9 من كل 10 مجيبين»
        return Mention(i, j + 1 if j < limit and _indefinite_noun(view, j, limit) else j, "UNNAMED", "pl")
    if view.key(j - 1) == "ممن" or j < limit and view.key(j) in RELATIVES and (j > group or not percent):
        # «ممن شملتهم الدراسة»، «نصف الذين تتراوح أعمارهم بين 18 و30 عاما»: the group is the relative clause,
        # up to what they said (or only its pronoun, where no complementizer closes it nearby)
        start = j if view.key(j) in RELATIVES else j - 1
        end = next((x for x in range(start + 1, min(start + 12, limit))
                    if view.key(x) in cues.complementizers() or view.key(x) in _VERB_COMPLEMENT_PREPOSITIONS
                    or not view.key(x)), None)  # (not «عن رغبتهم» of «أعرب 52% ممن شملهم الاستطلاع عن رغبتهم»)
        return Mention(i, end if end is not None and end > start + 1 else start + 1, "UNNAMED", "pl")
    if j < limit and (j > group or not percent) and _definite(view.key(j)) and view.entity_of[j] is None:
        j += 1  # the group: من المشاركين، ثلثي الآباء
        j = _adjectives_end(view, j, limit)  # الناخبين الأمريكيين
    elif j < limit and (j > group or not percent) and _construct_noun(view, j, limit):
        j = _adjectives_end(view, j + 2, limit)  # من أصحاب العمل، أغلب وسائل الإعلام الغربية
    if j > group and j < limit and view.key(j).startswith("وال") and _definite(view.key(j)) \
            and view.entity_of[j] is None:
        j += 1  # الآباء والأمهات
    elif j == group and not percent or j > group and view.key(j - 1) in ("من", "بين"):
        return None  # a fraction or a majority of nothing named, or «من» before no group
    return Mention(i, j, "UNNAMED", "pl") if j > head else None


def _role_object_end(view: TextView, j: int, limit: int) -> int:
    """Past «على البرنامج» at ``j`` after a role (المشرف العام على البرنامج): what the role is over, or
    where it is held (النائب عن فلوريدا، المدير بالخطوط السعودية); ``j`` itself when there is none."""
    if view.key(j) in _ROLE_PREPOSITIONS and j + 1 < limit and _definite(view.key(j + 1)) \
            and view.entity_of[j + 1] is None:
        return _title_chain_end(view, j + 2, limit)
    if view.key(j) in _ROLE_PREPOSITIONS and (quoted := _short_quote_end(view, j + 1, limit)):
        return _title_chain_end(view, quoted, limit)  # المشرف على "سفاري" الأحساء: a body by its name
    if view.key(j) == "عن" and j + 1 < limit:
        at = j + 2 if view.key(j + 1) in _PLACE_NOUNS else j + 1
        place = view.entity_starting(at) if at < limit else None
        if place is not None and place.type == "LOC" and place.last <= limit:
            return _title_chain_end(view, place.last, limit)  # السناتور عن فلوريدا، النائب عن محافظة البصرة
        if view.key(j + 1) in _PARTY_HEADS and view.entity_of[j + 1] is None:
            return _title_chain_end(view, j + 2, limit)  # النائب عن حزب المحافظين، السناتور عن الحزب الجمهوري
    end = j
    for _ in range(2):
        # «مدير خدمات الركاب بالإقليم الشمالي بالخطوط السعودية»: where, and in which body, the role is held
        if not _ba_body(view, end, limit):
            break
        ent = view.entity_of[end]
        end = _title_chain_end(view, ent.last if ent is not None else end + 1, limit)
    return end


def _ba_body(view: TextView, j: int, limit: int) -> bool:
    """«بالخطوط» or «بشركة» at ``j``: ب on a definite noun or a body's head that is no person (not «بالرئيس»,
    «بالمشاركين»), nor a tagged person."""
    k = view.key(j)
    if j >= limit or not k.startswith("ب") or not (_definite(k) or k[1:] in _heads()[1]):
        return False
    ent = view.entity_of[j]
    if ent is not None and (ent.type == "PERS" or ent.first != j or ent.last > limit):
        return False
    titles, _, unnamed, _ = _heads()
    stem = head_key(k[1:])[0]
    bare = stem.removeprefix("ال")
    return not any(w in titles or w in unnamed or w in _CITIZENS for w in (stem, bare, "ال" + bare)) \
        and not _human_plural(stem, "ين") and not _human_plural(stem, "ون")


_PARTY_HEADS = key_set("حزب الحزب")


# Places named after a person (جامع الإمام تركي بن عبدالله، مستشفى الملك فهد، شارع الملك عبدالعزيز)
FACILITIES = key_set("جامع مسجد شارع طريق مستشفى مدرسة جامعة قاعة مطار ميناء مدينة حي ميدان ساحة مركز قاعدة")
# Nouns of places and bodies named after a person (مدينة الملك عبدالعزيز، جامعة الملك سعود), and of what a
# speaker describes (ووصف موقف الرئيس أوباما بالضعيف: the subject is unsaid), never a person's description
_NOT_PERSON_HEADS = FACILITIES | key_set("كلية معهد جائزة مؤسسة برنامج كرسي رابطة موقف قرار رسالة كلمة خطاب")
# Bodies and places named after a person (رئيس مركز محمد بن راشد للفضاء، الشيخ حمدان بن محمد): the name is the
# body's, and the speaker's is the one apposed after it
_NAMED_AFTER = key_set("مركز مؤسسة جائزة جامعة مدينة مستشفى كرسي برنامج صندوق")
# Honorifics that make the name after them their own (زوج السيدة ديردل: Deirdre, not her husband)
_OWNERS_HONORIFICS = key_set("السيد السيدة الشيخ الشيخة الأمير الأميرة الملك الملكة الآنسة")


def _owned_person_noun(view: TextView, i: int, limit: int) -> bool:
    """An indefinite noun owned by the next that may describe a person before the name: «كشف مدافع الشباب
    سلطان الدعيع»، «وقال مديرها الطبيب تيدروس …»، «عمدة المدينة»; not a body or place named after a person
    (مدينة الملك عبدالعزيز، رابطة أمهات المختطفين), nor a plural of things (كلماتها الشاعر …)."""
    k = view.key(i)
    stem = k[:-2] if k.endswith(("ها", "هم")) else k[:-1] if k.endswith("ه") and len(k) > 4 else k
    _, orgs, unnamed, _ = _heads()
    return _owned_noun(view, i, limit) and not k.startswith(("ب", "ل")) and not stem.endswith("ات") \
        and stem not in PREPOSITIONS and stem not in FUNCTION_WORDS \
        and not any(w in _NOT_PERSON_HEADS or w in orgs or w in unnamed for w in (k, stem))  # (not «خلالها»)


def _described_name(view: TextView, i: int, limit: int) -> Mention | None:
    """A tagged person's name after a definite noun the title list lacks, where a subject stands: the
    noun describes the person (قال المستثمر العقاري معتز الخياط، أوضح المشرف العام على البرنامج
    الدكتور مساعد الأحمد). Without a tagged name after it, the noun is no speaker."""
    titles = _heads()[0]
    if view.entity_of[i] is not None or is_stop(view, i) or not (
            _definite(view.key(i)) or _owned_person_noun(view, i, limit)):
        return None
    j = _role_object_end(view, _title_chain_end(view, i + 1, limit), limit)
    apposed = _definite(view.key(i)) and j == i + 1 and j + 1 < limit and view.tokens[j].text in "،,"
    if apposed:
        j += 1  # «وقال المدافع، دوجان لوفرن، إن»: the name in apposition between commas
    if not _definite(view.key(i)) and any(view.key(x)[:1] in ("ب", "ل") or view.key(x) == "في" for x in range(i + 1, j)):
        return None  # «أعلنت كلية الهندسة بجامعة الملك عبدالعزيز»: a body, named after a person
    while j < limit and view.key(j) in titles and view.entity_of[j] is None:
        j += 1  # الدكتور، الشيخ: honorifics before the name
    if not _definite(view.key(i)) and view.key(i + 1) in _OWNERS_HONORIFICS:
        return None  # «وأبلغ زوج السيدة ديردل الشركة»: the titled name is the owner's (not «مشرف المركز الشيخ …»)
    ent = view.entity_starting(j) if j - i <= 8 else None
    if ent is None or ent.type != "PERS" or ent.last > limit:
        return None
    if not _definite(view.key(i)) and view.key(j) == "الله":
        return None  # «قال رسول الله»، «صلى الله عليه وسلم»: God is no person the tagger may name
    last = _extend_name(view, ent.last, limit)
    if apposed and not (last == limit or view.tokens[last].text in "،," or view.key(last) in cues.complementizers()
                        or view.key(last) in cues.time_words()):
        return None  # «وقال اللاعب، ميسي يستحق …»: without the closing comma the name opens what was said
    if j == i + 1 and not _definite(view.key(i)):
        if len(view.key(i)) < 3 or _abbreviated_title(view, i, limit):
            return None  # «م. العويضي»: an abbreviated title, handled as one
        return Mention(i, last, "PERS", "any", name=(i, last))  # its first word: شرف الدين، تيسير المفرج
    return Mention(i, last, "PERS", "any", name=(j, last), title=(i, j))


def _parse_mention(view: TextView, i: int, limit: int) -> Mention | None:
    titles, orgs, unnamed, nats = _heads()
    key, skip = head_key(view.key(i))

    if key in DEMONSTRATIVES and i + 1 < limit and _definite(view.key(i + 1)) and _source_noun(view.key(i + 1)):
        return Mention(i, i + 2, "UNNAMED" if view.key(i + 1) not in orgs else "ORG", DEMONSTRATIVES[key], skip=skip)

    share = share_mention(view, i, limit)
    if share is not None:
        return share

    quoted = _quoted_name(view, i)
    if quoted is not None:
        return Mention(quoted[0], quoted[1], "PERS", "any", name=quoted)

    if _abbreviated_title(view, i, limit):
        # «د. محمد الأحمد»، «م. خالد العلي»، «أ.د. سعيد»: an abbreviated title before the name
        inner = _parse_mention(view, i + 2, limit)
        if inner is not None and inner.type == "PERS" and inner.name is not None:
            return Mention(i, inner.last, "PERS", inner.gender, name=inner.name,
                           title=(i, inner.title[1] if inner.title else i + 2), skip=skip)
        name = _name_after(view, i + 2, limit)
        if name is not None:
            return Mention(i, name[2], "PERS", "any", name=(name[0], name[1]), title=(i, i + 2), skip=skip)

    if key in STATE_HEADS and (place := view.entity_starting(i + 1)) is not None and place.type == "LOC" \
            and place.last <= limit:
        last = place.last + 1 if place.last < limit and view.key(place.last) in ("العربيه", "الاسلاميه") else place.last
        return Mention(i, last, "ORG", "f", name=(i, last), skip=skip)  # مملكة البحرين، جمهورية مصر العربية

    ent = view.entity_starting(i)
    family_name = ent is not None and ent.type == "PERS" and view.key(i) in view.surnames  # الشاهد of يوسف الشاهد
    if ent is not None and ent.last <= limit and (key not in titles or family_name and ent.last == i + 1) and (
            key not in unnamed or family_name):
        skip = max(skip, ent.skip)
        if ent.type == "PERS":
            last = _extend_name(view, ent.last, limit)
            return Mention(i, last, "PERS", "any", name=(i, last), skip=skip)
        last = ent.last
        while last < limit and _coordinated_complement(view, last) or (
                last < limit and _modifier(view, last) and view.entity_of[last] is None
                and not (_definite(view.key(i)) and _verbal_noun_object(view, last, limit))
                and (not _definite(view.key(last)) or _adjective_after_definite(view.key(last)))):
            last += 1  # الاتحاد الأوروبي الحكومة الإسرائيلية: a second definite noun is the object
        nxt = view.entity_starting(last)
        if nxt is not None and nxt.type == ent.type and view.key(last).startswith("و") and nxt.last <= limit:
            last = nxt.last  # الصين وروسيا
        elif ent.type == "ORG" and last == ent.last > i + 1 and (short := _short_name_in_quotes(view, last, limit)):
            # حلف شمال الأطلسي "ناتو"، الثلاثاء: the body's short name, not what it announced (after a one-word
            # head, راديو "ريناسينشا", the quotation is the name itself)
            last = short
        gender = orgs.get(key, "f" if ent.type != "ORG" or len(key) > 4 and key.endswith("ات") else "any")
        return Mention(i, last, "ORG", gender, name=(i, ent.last), skip=skip)  # ميليشيات الحوثي: a plural of things

    if key in nats and _definite(key) and view.entity_of[i] is None and i + 1 < limit \
            and view.entity_starting(i + 1) is None and _boundary_after_name(view, i + 1) \
            and view.key(i + 1) not in cues.complementizers() and not key.endswith(("ين", "ون")):
        # «أجابت الرومانية بالقول»: a nationality alone where a subject stands is the person so described
        return Mention(i, i + 1, "PERS", "f" if key.endswith("ه") else "m", title=(i, i + 1), skip=skip)
    if key in nats and _definite(key) and (name_ent := view.entity_starting(i + 1)) is not None \
            and name_ent.type == "PERS" and name_ent.last <= limit:
        last = _extend_name(view, name_ent.last, limit)  # الأميركية سيرينا وليامس: «the American …»
        return Mention(i, last, "PERS", "f" if key.endswith("ه") else "m", name=(i + 1, last), title=(i, i + 1),
                       skip=skip)

    if strip_diacritics(view.tokens[i].text).endswith("ه") and (kin := _relation_with_pronoun(key)) is not None \
            and (name_ent := view.entity_starting(i + 1)) is not None and name_ent.type == "PERS" \
            and name_ent.last <= limit:  # (written with ه: «والده» his father, not «والدة» mother)
        last = _extend_name(view, name_ent.last, limit)  # «بحسب ما قال والده ريتشارد هامسيك»: his father, named
        return Mention(i, last, "PERS", titles[kin], name=(i + 1, last), title=(i, i + 1), skip=skip)
    if key in titles and (key not in _CONSTRUCT_TITLES or i + 1 < limit and _definite(view.key(i + 1))):
        j = _title_chain_end(view, i + 1, limit)
        k = _past_comma(view, j, limit)
        name = _name_after(view, k, limit)
        for _ in range(3):
            # «مفتي عام المملكة رئيس هيئة كبار العلماء رئيس اللجنة الدائمة … الشيخ عبدالعزيز»: titles in a row
            nxt = head_key(view.key(k))[0] if name is None and k < limit else ""
            # «عضو المفوضية مسؤولة التجارة، سيسيليا مالستروم»: «مسؤول» over a field is one more role
            official = nxt in _OFFICIALS and k + 1 < limit and _definite(view.key(k + 1))
            if nxt not in titles and not official or nxt in _ADJECTIVE_TITLES or view.entity_of[k] is not None \
                    or _definite(nxt) and view.entity_starting(k + 1) is not None \
                    or _definite(nxt) and view.key(k - 1) in nats and k == j and view.key(k + 1) in nats:
                # (but «الشيخ عبدالعزيز», a title on the name itself, is the name's own; and after a whole
                # title with its nationality, a definite one with its own is someone else's: «يلتقي الوزير
                # الأميركي العاهل الأردني»)
                break
            later_end = _title_chain_end(view, k + 1, limit)
            later_k = _past_comma(view, later_end, limit)
            later = _name_after(view, later_k, limit)
            if later is None and not (later_k < limit and head_key(view.key(later_k))[0] in titles):
                break
            j, k, name = later_end, later_k, later
        if name is None and (j > i + 1 and _definite(view.key(j - 1)) or view.key(j) == "عن") \
                and (over := _role_object_end(view, j, limit)) > j:
            # «عضو مجلس إدارة النادي المشرف على البرنامج الدكتور عبدالرحمن السلمي»: a second role, over
            # something, before the name (kept only when a tagged name follows, maybe after a comma: «النائب عن
            # حزب المحافظين، بيتر بون»)
            h = _past_comma(view, over, limit)
            while h < limit and view.key(h) in titles and view.entity_of[h] is None:
                h += 1
            if getattr(view.entity_starting(h), "type", "") == "PERS":
                j = k = over
                name = _name_after(view, h, limit)
        if name is None:
            # «رئيس المجلس الأعلى …، الشيخ ناصر بن حمد آل خليفة،»: honorifics open the apposed name
            h = k
            while h < limit and h - k < 4 and view.entity_of[h] is None:
                if _abbreviated_title(view, h, limit):
                    h += 2  # «المدير التنفيذي لمجمع فلسطين الطبي د. أحمد البيتاوي»
                elif view.key(h) in titles or k > j and (
                        _definite(view.key(h)) and view.key(h) in cues.nationalities()
                        and getattr(view.entity_starting(h + 1), "type", "") == "PERS"):
                    h += 1  # (and «، الإنجليزي مارك كلاتنبرغ،»: a nationality before the apposed name)
                else:
                    break
            if h > k:
                name = _name_after(view, h, limit)
        if name is not None and name[1] == name[2] < limit and _org_complement(view, name[2]):
            # المتحدث الرسمي لمركز الملك سلمان للإغاثة رأفت الصباغ: the name belongs to the body's name when
            # another name follows the body's complements (not «لافروف للصحفيين»)
            j2 = _title_chain_end(view, name[2], limit)
            later = _name_after(view, _past_comma(view, j2, limit), limit)
            if later is not None and view.entity_of[later[0]] is not None:
                j, name = j2, later
        title = (i, j)
        if name is not None and name[0] == j == i + 1 and not _definite(key) and view.entity_of[j] is not None \
                and key not in _RELATIONAL_TITLES and view.entity_of[j].type == "PERS" \
                and getattr(view.entity_starting(view.entity_of[j].last), "type", "") == "PERS":
            # «محافظ خميس مشيط سعيد بن مشيط»: a title without the article owns the first name (a place the
            # tagger took for a person); the second is the holder's
            later = _name_after(view, view.entity_of[j].last, limit)
            if later is not None:
                return Mention(i, later[2], "PERS", titles[key], name=later[:2], title=(i, later[0]), skip=skip)
        owned_by_name = name is not None and name[0] == j > i + 1 and view.entity_of[j] is not None \
            and view.entity_of[j - 1] is None and (view.key(j - 1) in _OWNED_BODIES or view.key(j - 1) in _NAMED_AFTER
                                                   or view.key(j - 1) in _OWNERS_HONORIFICS
                                                   and view.key(j - 2) in _NAMED_AFTER)  # جامعة الملك سعود
        # «زوجة الرئيس السوري بشار الأسد»: kin, then one titled person (not «نجل الرئيس السابق نائب رئيس
        # الحكومة قوباد …», «نجل أمير المنطقة الأمير تركي …»: a second title in a row is the son's own)
        kin_of_titled = name is not None and key in KIN and name[0] > i + 1 and not view.is_punct(name[0] - 1) \
            and not strip_diacritics(view.tokens[i].text).endswith(("ه", "ها")) \
            and head_key(view.key(i + 1))[0] in titles \
            and not any(head_key(view.key(x))[0] in titles for x in range(i + 2, name[0]))
        # (and the title is the kin's own genitive, not «شقيقه رئيس الحكومة …», his brother, named, nor «والد
        # الشهيد الشيخ فهد», the father with his honorific)
        if owned_by_name or kin_of_titled or name is not None and key in _RELATIONAL_TITLES and name[0] == j == i + 1 \
                and view.entity_of[j] is not None:
            # «محامي ستورمي دانيلز، مايكل آفينياتي،»، «والد محمد»: the person right after the title is whose
            # lawyer or father, as the person after «وزير البيئة في حكومة» or «مدير مكتب» is whose government or
            # office; the apposed name after a comma, if any, is the speaker's
            # (a body's «لل» complement after the name is the body's: مركز محمد بن راشد للفضاء)
            owner_end = name[2] + 1 if owned_by_name and _org_complement(view, name[2]) else name[2]
            after = _past_comma(view, owner_end, limit)
            while after > owner_end and after < limit and view.key(after) in titles and view.entity_of[after] is None:
                after += 1  # «…، الشيخ حمدان بن محمد»: an honorific opens the apposed name
            direct = getattr(view.entity_starting(after), "type", "") == "PERS"  # مستشار ترامب جون بولتون
            later = _name_after(view, after, limit) if after > owner_end or direct else None
            if later is not None:
                return Mention(i, later[2], "PERS", titles[key], name=later[:2], title=(i, owner_end), skip=skip)
            return Mention(i, owner_end, "PERS", titles[key], title=(i, owner_end), skip=skip)
        on_behalf = next((b for b in range(i + 1, name[0] - 1) if view.key(b) == "باسم"), None) if name else None
        if name is not None and on_behalf is not None and not any(view.is_punct(b) for b in range(on_behalf, name[0])) \
                and (head_key(view.key(on_behalf + 1))[0] in titles or view.key(on_behalf + 1) in _FAMILIES):
            # المتحدث باسم الرئيس بوتين، باسم رئيسة الوزراء البريطانية تيريزا ماي، باسم عائلة الصحفي جمال
            # خاشقجي: the name is the one spoken for; the spokesman is unnamed here (but «باسم وزارة الخارجية
            # السفير بدر عبد العاطي» names the spokesman)
            return Mention(i, name[2], "PERS", titles[key], title=(i, name[2]), skip=skip)
        if name is not None:
            end = name[2]
            # a comma after an apposed name (وزير الخارجية، جون كيري،) belongs to the apposition
            return Mention(i, end, "PERS", titles[key], name=(name[0], name[1]), title=title, skip=skip)
        return Mention(i, j, "PERS", titles[key], title=title, skip=skip)

    if key in _GROUPS and view.key(i + 1) == "من" and i + 2 < limit and view.entity_of[i + 2] is None \
            and _human_plural(view.key(i + 2), "ين"):
        j = i + 3  # مجموعة من الباحثين لدى جامعة …: people, not a body
        while j < limit and (view.key(j) in nats or _modifier(view, j) and _adjective_like(view.key(j))):
            j += 1
        if j + 1 < limit and view.key(j) in ("في", "لدي", "من") and (ent := view.entity_starting(j + 1)) is not None \
                and ent.type in ("ORG", "LOC") and ent.last <= limit:
            j = ent.last
        return Mention(i, j, "UNNAMED", "f", skip=skip)
    if key in orgs:
        j = i + 1
        indefinite = not _definite(key)
        quoted_name = False
        if key in cues.media_nouns() or indefinite:
            pair = view.pair_at_open.get(j)
            if pair is not None and pair.close < limit and pair.close - pair.open <= 5:
                j = pair.close + 1  # صحيفة "واشنطن بوست"، مركز "السلام والمصالحة": an indefinite head's name
                quoted_name = True
        if key in cues.media_nouns():
            while j < limit and j - i <= 2 and namelike(view, j) and not _definite(view.key(j)):
                j += 1  # وكالة سبوتنيك، قناة الجزيرة: the outlet's own name
        elif indefinite and j == i + 1 < limit and not view.tokens[j].text.endswith(("ه", "ها", "هم", "هما")):
            # مكتب تحقيقات الطيران، مجلس مقاطعة كولومبيا; not بيان نشره التحالف (a pronoun: a verb, or
            # no construct)
            chain = j  # جبهة جيش تحرير الشعب: construct nouns up to the definite one that ends them
            while chain - j < 2 and _plain_indefinite(view, chain, limit) and not _construct_noun(view, chain, limit):
                chain += 1
            if _plain_indefinite(view, chain, limit) and _construct_noun(view, chain, limit):
                j = chain + 1
            elif j + 1 < limit and (place := view.entity_starting(j + 1)) is not None and place.type in ("LOC", "ORG") \
                    and place.last <= limit and _plain_indefinite(view, j, limit) and cues.lookup_verb(view.key(j)) is None:
                j = place.last
        seen_definite = _definite(view.key(i))
        while j < limit:
            if place := _place_phrase(view, j, limit):
                j = place
            elif key in cues.media_nouns() and not quoted_name and (named := _quoted_outlet_end(view, j, limit)):
                j, quoted_name = named, True  # صحيفة ميونيخ "سودوتشه تسيتونغ"، الصحيفة الألمانية "بيلد"
            elif _definite(view.key(i)) and _verbal_noun_object(view, j, limit):
                break  # أعلن الجيش السيطرة على …: the announced act, not part of the name
            elif seen_definite and j > i + 1 and (ent := view.entity_starting(j)) is not None \
                    and ent.type in ("LOC", "ORG") and not _definite(view.key(j)) and (
                        view.key(j - 1) in nats or ent.type == "LOC" and _adjective_after_definite(view.key(j - 1))):
                break  # اتهمت السلطات البريطانية موسكو، غزو النظام السابق الكويت: a name after the adjective is the object
            elif _lam_idafa(view, j, limit):
                j += 1
                seen_definite = False  # لحقوق الإنسان: the noun after ل takes its own complement
                if _construct_noun(view, j, limit):
                    j += 1  # لهيئة كبار العلماء: one more construct noun before the definite one
            elif indefinite and j > i + 1 and _field_joined(view, i, j):
                j += 1  # وزارة الحج والعمرة، هيئة الحقيقة والكرامة: a body named for the fields it joins
                seen_definite = True
                if j < limit and view.key(j).startswith("ال") and view.key(j).endswith(("ين", "ون")) \
                        and view.entity_of[j] is None:
                    break  # «حذرت وزارة التجارة والصناعة المستهلكين من …»: those warned, not an adjective
            elif _modifier(view, j):
                k = view.key(j)
                if (seen_definite and _definite(k) and not k.startswith("لل") and not _adjective_after_definite(k)
                        and not _coordinated_complement(view, j) and view.entity_of[j] is None):
                    break  # دعا الاتحاد الأوروبي الحكومة …: a definite noun after a definite one is no complement
                if seen_definite and j == i + 1 and key.endswith("ه") and k.startswith("ال") and k.endswith(("ين", "ون")):
                    break  # «ودعت الجامعة المواطنين»: a plural after a singular feminine head is no adjective of it
                if seen_definite and j == i + 1 and not _definite(k) and k[:1] not in ("ب", "ل") and k not in nats \
                        and view.entity_of[j] is None:
                    break  # «ودعا الصندوق حكومة الإمارات»: an indefinite noun after a definite head is its object
                # بهيئة الطيران المدني: a body the name is part of takes its own complement
                # (a name is definite too: «رئاسة كردستان القصف», the noun after it is the verb's object)
                seen_definite = False if k[:1] in ("ب", "ل") and k[1:] in orgs else seen_definite or _definite(k) \
                    or getattr(view.entity_of[j], "last", 0) == j + 1
                j += 1
            elif (ent := view.entity_starting(j)) is not None and ent.type == "PERS" and (
                    not _definite(view.key(j - 1))
                    or key in _OWNED_BODIES and title_phrase_end(view, i + 1, j) == j > i + 1):
                # (also after the owner's title: إدارة الرئيس الأميركي دونالد ترامب)
                j = min(ent.last, limit)  # نظام الأسد، إدارة ترامب: a construct noun owned by a person
                j = _place_phrase(view, j, limit) or j
                break
            else:
                break
        return Mention(i, j, "ORG", orgs[key], name=(i, j), skip=skip)

    if key in ("احد", "احدي") and i + 1 < limit:
        j = None
        if i + 2 < limit and _construct_noun(view, i + 1, limit) and head_key(view.key(i + 1))[0] in _MEMBERS:
            j = i + 3  # أحد أعضاء الاتحاد الإنجليزي، أحد سكان الحي: one of a body's people
        elif _definite(view.key(i + 1)) and (_source_noun(view.key(i + 1)) or _human_plural(view.key(i + 1), "ين")):
            j = i + 2  # أحد السكان، إحدى الناشطات، أحد المسؤولين الأمريكيين، أحد المغردين: one of a group
        if j is not None:
            return Mention(i, _adjectives_end(view, j, limit), "UNNAMED", "f" if key == "احدي" else "m", skip=skip)

    if key == "كل" and view.key(i + 1) == "من":
        # «أعلنت كل من السعودية والإمارات والكويت»، «اتفق كل من الرئيس الأمريكي دونالد ترامب والرئيس الروسي
        # فلاديمير بوتين»: each of those named; the first speaks for them, as when they are joined without
        # «كل من» (not «كل من يهمه الأمر»: whoever)
        items: list[Mention] = []
        j = i + 2
        while j < limit and (not items or view.key(j)[:1] == "و") \
                and (item := _parse_mention(view, j, limit)) is not None and item.type != "UNNAMED":
            items.append(item)
            j = item.last
        if items and any(view.key(x)[:1] == "و" for x in range(i + 3, j)):
            return replace(items[0], first=i, last=j, gender="pl", skip=skip)

    if key == "بعض" and i + 1 < limit and _human_plural(view.key(i + 1), "ين") and view.entity_of[i + 1] is None:
        return Mention(i, i + 2, "UNNAMED", "pl", skip=skip)  # بعض المحللين، بعض المراقبين
    if key in _SOME and i + 1 < limit and view.entity_of[i + 1] is None and head_key(view.key(i + 1))[0] in unnamed \
            and (inner := _parse_mention(view, i + 1, limit)) is not None and inner.type == "UNNAMED":
        return Mention(i, inner.last, "UNNAMED", inner.gender, skip=skip)  # بعض المصادر، عدة مصادر في البيت الأبيض
    owned_people = key in _QUANTIFIERS and view.key(i + 1) == "من" and _construct_noun(view, i + 2, limit) \
        and _human_plural(view.key(i + 2) + "ن", "ين")  # عدد من سائقي الحافلات: people named by what they do
    if key in _QUANTIFIERS and view.key(i + 1) == "من" and i + 2 < limit and view.entity_of[i + 2] is None and (
            _human_plural(view.key(i + 2), "ين") or head_key(view.key(i + 2))[0] in unnamed or owned_people):
        inner = _parse_mention(view, i + 2, limit) if head_key(view.key(i + 2))[0] in unnamed else None
        last = inner.last if inner is not None and inner.type == "UNNAMED" and inner.last > i + 3 else i + 3
        if owned_people:
            last = i + 4
        return Mention(i, last, "UNNAMED", "pl", skip=skip)  # كثير من المعلقين، عدد من نواب مجلس الأمة
    owner_construct = view.entity_of[i] is None and _human_plural(key + "ن", "ون") and i + 1 < limit \
        and _construct_noun(view, i + 1, limit)  # مشجعو نادي النصر: the owner is a construct of its own
    if key.endswith("ا") and key[:-1] in titles and view.key(i + 1) == "باسم" \
            and view.key(i - 1) in _ACCUSATIVE_GOVERNORS:
        # «لكن متحدثا باسم التحالف قال …»: an accusative spokesman, and the body he speaks for
        end_of_title = _title_chain_end(view, i + 1, limit)
        if end_of_title > i + 2:
            return Mention(i, end_of_title, "PERS", titles[key[:-1]], title=(i, end_of_title), skip=skip)
    # «لكن مسؤولا سعوديا قال …»، «إلا أن مصدرا مطلعا أكد …»: after إن/أن/لكن the subject is accusative,
    # its ا on the head and on the words that describe it (a head that is also a title is read so only as
    # the spokesman above: the title's own phrase is not read in the accusative)
    accusative = key.endswith("ا") and unnamed.get(key[:-1]) == "m" and key[:-1] not in titles \
        and view.key(i - 1) in _ACCUSATIVE_GOVERNORS
    if accusative:
        key = key[:-1]
    if key in _CITIZENS and (named := view.entity_starting(i + 1)) is not None and named.type == "PERS" \
            and named.last <= limit:
        # «وقال المواطن سعد الغامدي …»: a citizen named after the word, as people are after a title
        last = _extend_name(view, named.last, limit)
        return Mention(i, last, "PERS", unnamed.get(key, "m"), name=(i + 1, last), title=(i, i + 1), skip=skip)
    if key in unnamed or view.entity_of[i] is None and (_human_plural(key, "ون") or (
            _human_plural(key + "ن", "ون") and i + 1 < limit and _definite(view.key(i + 1)))) or owner_construct:
        j = i + 1
        if owner_construct:
            ent = view.entity_starting(i + 2)
            return Mention(i, ent.last if ent is not None and ent.last <= limit else i + 3, "UNNAMED", "pl", skip=skip)
        if j < limit and not _definite(view.key(i)) and not _definite(view.key(j)) and not view.key(j).startswith("ب") \
                and cues.lookup_verb(view.key(j)) is None \
                and not strip_diacritics(view.tokens[j].text).endswith("ه") and (  # not «كثيرون استخدامه»: his
                _adjective_like(_case_off(view.key(j), accusative)) or _case_off(view.key(j), accusative) in _UNNAMED_COMPLEMENTS
                or len(view.key(j)) == 4 and view.key(j).endswith("ي") and not is_stop(view, j)):  # مصدر محلي، أمني
            j += 1  # an indefinite complement: وسائل إعلام، مصادر أمنية، شهود عيان (not «سعوديون قائلين»: saying)
        seen_definite = _definite(view.key(i))  # المصدر بالقول، المصدر الاتصالات: no complement after ال
        if j == i + 1 and not seen_definite and unnamed.get(key) == "pl" and not key.endswith(("ون", "ين")) \
                and j < limit and view.key(j)[:1] not in ("ل", "ب"):  # (not كثيرون, nor مصادر لـCNN)
            body = view.entity_starting(j)
            if body is not None and body.type == "ORG" and body.last <= limit:
                j, seen_definite = body.last, True  # نواب مجلس الأمة الكويتي: the body they belong to
            elif _construct_noun(view, j, limit) and head_key(view.key(j))[0] in orgs:
                j, seen_definite = j + 2, True  # أعضاء مجلس النواب (a body; not «راجع أطباء حالة الرجل»)
        if key in _MINISTERS and not seen_definite:
            # وزراء دفاع قبرص وإسرائيل واليونان، وزراء خارجية فرنسا وألمانيا: ministers of a field, of the
            # countries named
            at = j + 1 if j == i + 1 and _plain_indefinite(view, j, limit) else j
            place = view.entity_starting(at) if i + 1 < at < limit else None
            if place is not None and place.type in ("LOC", "ORG") and place.last <= limit:
                j, seen_definite = place.last, True
                while j < limit and view.key(j)[:1] == "و" and (more := view.entity_starting(j)) is not None \
                        and more.type == place.type and more.last <= limit:
                    j = more.last
        while j < limit:
            k = _case_off(view.key(j), accusative)
            if _lam_medium(k) and key.removeprefix("ال") not in _STATEMENT_NOUNS:
                break  # «مسؤولون سعوديون للتلفزيون الرسمي»: the outlet they spoke to (not «تقرير للصحيفة»: its report)
            if j == i + 1 and not seen_definite and (_human_plural(key, "ون") or _human_plural(key, "ين")) \
                    and not _media_word_key(key) and k.startswith("ال") and k not in nats:  # (not تلفزيون المنار)
                break  # «واعتبر محللون القرار الأميركي …»: a plural with its ن owns nothing; a definite word is the object
            if k in nats or k in _FORMER and not seen_definite \
                    or k in _UNNAMED_COMPLEMENTS and not seen_definite and j > i + 1 \
                    or k in _THE_OTHER and seen_definite and j == i + 1 \
                    or k[:1] == "و" and k[1:] in nats and view.key(j - 1) in nats \
                    or _modifier(view, j) and (not seen_definite or _adjective_after_definite(k)):
                # (and a second nationality after و: مصادر إسرائيلية وفلسطينية، الرئيسان الفرنسي والتركي;
                # a rank after the nationality: مصدر سعودي مسؤول; البعض الآخر)
                seen_definite = seen_definite or _definite(k)
                j += 1
            elif view.key(j) in ("في", "من") and j + 1 < limit and view.key(j + 1) not in _PERIODS and (
                _definite(view.key(j + 1)) or view.entity_of[j + 1] is not None or view.key(j + 1) in ("احدي", "احد")
            ):  # (not «في الأيام الأخيرة»: when, not where the source is)
                seen_definite = _definite(view.key(j + 1))
                j += 2
            elif view.key(j) == "في" and j + 2 < limit and _owned_noun(view, j + 1, limit):
                seen_definite = True
                j += 3  # محافظون متشددون في مجلس النواب
            elif seen_definite and any(view.key(x) in ("في", "من") for x in range(i + 1, j)) \
                    and _lam_idafa(view, j, limit):
                j += 1  # مسؤول في المركز النيكاراغوي لحقوق الإنسان: the body's «ل» complement
                seen_definite = False  # (its own definite noun follows)
            elif view.key(j).startswith(("تابع", "مقرب")) and j + 1 < limit and view.key(j + 1).startswith("لل"):
                j += 2
            elif k.startswith("بال") and len(k) > 5 and j <= i + 2 and not _definite(view.key(i)) \
                    and view.entity_of[j] is None:
                seen_definite = True
                j += 1  # مصادر بالسوق، مسؤول بالوزارة: where the source is
            elif k.startswith("وال") and _source_noun(k[1:]) and view.entity_of[j] is None:
                seen_definite = True
                j += 1  # زعماء المعارضة والنشطاء: a second source of the same verb
            elif key in _FAMILIES and (ent := view.entity_starting(j)) is not None and ent.type == "PERS" \
                    and ent.last <= limit:
                j = ent.last  # أسرة رايد، عائلة الصحفي السعودي جمال خاشقجي: whose family
                break
            else:
                break
        name_at = _past_comma(view, j, limit)
        if key.removeprefix("ال") in _OFFICIALS and key.startswith("ال") and j == i + 1 and _ba_body(view, j, limit):
            # «المسؤول بوزارة الداخلية السعودية العميد بسام عطية»: the body, then the name after its rank
            over = _role_object_end(view, j, limit)
            h = _past_comma(view, over, limit)
            while h < limit and head_key(view.key(h))[0] in titles and view.entity_of[h] is None:
                h += 1
            named = view.entity_starting(h)
            if named is not None and named.type == "PERS" and named.last <= limit:
                last = _extend_name(view, named.last, limit)
                return Mention(i, last, "PERS", unnamed.get(key, "m"), name=(h, last), title=(i, over), skip=skip)
        if key in _NAMEABLE_SOURCES and (seen_definite or _definite(view.key(i))) \
                and (named := view.entity_starting(name_at)) is not None \
                and named.type == "PERS" and named.last <= limit \
                and not any(head_key(view.key(x))[0] in titles or view.key(x) in _STATEMENT_NOUNS for x in range(i + 1, j)):
            # «مسؤولة السياسة الخارجية في الاتحاد الأوروبي فيديريكا موغيريني»: the official in charge of a
            # field, named after it, is that person (but «مسؤول في مكتب الرئيس اليمني عبد ربه منصور هادي»:
            # the name is the president's; nor «المسؤول الأمريكي في تصريح للزميلة باربرا ستار»: whom he told)
            last = _extend_name(view, named.last, limit)
            return Mention(i, last, "PERS", unnamed.get(key, "m"), name=(name_at, last), title=(i, j), skip=skip)
        return Mention(i, j, "UNNAMED", unnamed.get(key, "pl"), skip=skip)
    return None


def _case_off(k: str, accusative: bool) -> str:
    """A word of an accusative source without its case ending (سعوديا → سعودي)."""
    return k[:-1] if accusative and k.endswith("ا") and len(k) > 3 else k


_CITIZENS = key_set("مواطن مواطنة")
_ACCUSATIVE_GOVERNORS = key_set("أن إن بأن لكن ولكن")


def _field_joined(view: TextView, i: int, j: int) -> bool:
    """Whether the definite noun with و at ``j`` is a second field of the body whose head is at ``i`` and whose
    genitive (and its adjectives) runs up to ``j``: not a second body or a role (وزارة الداخلية والجيش)."""
    k = view.key(j)
    if not k.startswith("وال") or view.entity_of[j] is not None:
        return False
    if not all(_definite(view.key(x)) or view.key(x).startswith("وال") for x in range(i + 1, j)):
        return False
    titles, orgs, unnamed, _ = _heads()
    bare = k[1:]
    return not any(w in orgs or w in titles or w in unnamed for w in (bare, bare[2:]))


def _plain_indefinite(view: TextView, k: int, limit: int) -> bool:
    """An untagged word without the article or a pronoun, which may be a construct noun (تحقيقات، جيش)."""
    return k < limit and bool(view.key(k)) and not _definite(view.key(k)) and view.entity_of[k] is None \
        and not is_stop(view, k) and not view.tokens[k].text.endswith(("ه", "ها", "هم"))


def _human_plural(k: str, ending: str) -> bool:
    """A sound plural of people the unnamed-source list lacks (المؤرخون، مقربون، الاقتصاديون، باحثون;
    after بعض the genitive: بعض المحللين; before its owner without ن: معدو التقرير): a participle in
    م… or فاعل, or a nisba in …ي; not قانون or ملايين."""
    bare = k.removeprefix("ال")
    return len(bare) >= 6 and bare.endswith(ending) and (
        bare.startswith("م") or bare.endswith("ي" + ending) or len(bare) == 6 and bare[1] == "ا")  # باحثون


def _source_noun(k: str) -> bool:
    """A noun that can name a source after a demonstrative (هذه الفصائل، هذا المسؤول)."""
    titles, orgs, unnamed, _ = _heads()
    bare = k[2:] if k.startswith("ال") else k
    return any(w in titles or w in orgs or w in unnamed for w in (k, bare))


def _construct_before_entity(view: TextView, j: int, limit: int) -> bool:
    """An untagged noun owned by a place or organisation (منطقة نجران، مدينة حلب; not the people
    addressed, لأهالي شرورة)."""
    if not namelike(view, j) or _definite(view.key(j)) or view.entity_of[j] is not None \
            or view.key(j)[1:] in _ADDRESSED_NOUNS:
        return False
    nxt = view.entity_starting(j + 1)
    return nxt is not None and nxt.type in ("LOC", "ORG") and nxt.last <= limit


def _verbal_noun_object(view: TextView, j: int, limit: int) -> bool:
    """A definite noun that takes its own prepositional object (السيطرة على، الانسحاب من، التوصل إلى).

    After a definite head (الجيش) such a noun cannot be a construct complement, and an adjective
    (السوري، الأحمر) does not take على/عن/إلى: it is the object of the verb before the speaker.
    """
    k = view.key(j)
    return (
        _definite(k) and view.entity_of[j] is None and k not in _heads()[3]
        and not k.endswith(("ي", "يه", "ين", "ون"))  # nisba adjectives: الحكومية، العسكري
        and j + 2 < limit and view.key(j + 1) in _OBJECT_PREPOSITIONS
        and view.key(j + 2) not in _VERB_OBJECT_OPENERS  # أكدت القوات المسلحة على أن / على ضرورة
    )


_OBJECT_PREPOSITIONS = key_set("على عن إلى")
_OBJECT_COMPLEMENT_PREPOSITIONS = _OBJECT_PREPOSITIONS | key_set("تحت مع")  # (العثور تحت الأنقاض)
_VERB_OBJECT_OPENERS = key_set("أن أنه أنها ان انه انها ضرورة أهمية")


_ACTING = key_set("بالإنابة بالوكالة بالنيابة")
_SHORT_ADJECTIVES = key_set("الحر الحرة العام العامة الخاص الخاصة الجديد الجديدة الكبير الكبيرة الأعلى العليا "
                            "الأدنى الأقصى الكبرى الوسطى الأول الأولى الثاني الثالث السابق السابقة الراحل الراحلة")


def short_adjective(k: str) -> bool:
    """A common adjective too short to tell by its form (العامة، العليا، السابق): never a noun of its own."""
    return k in _SHORT_ADJECTIVES


# What a statement is made in (في بيان، في تصريح): never the body a title belongs to
_STATEMENT_NOUNS = key_set("بيان تصريح تصريحات تقرير رسالة مقابلة حديث كلمة مؤتمر تغريدة")


def is_document_noun(key: str) -> bool:
    """A speech, letter or statement, also in the accusative (بيانا، كلمة، رسالة)."""
    return key in _STATEMENT_NOUNS or key.endswith("ا") and key[:-1] in _STATEMENT_NOUNS


_SPOKESMEN = key_set("المتحدث متحدث المتحدثة متحدثة الناطق ناطق الناطقة ناطقة")


def _spokesman_before(view: TextView, j: int) -> bool:
    """A spokesman's title just before ``j`` (المتحدث، المتحدث الرسمي)."""
    before = view.key(j - 1)
    return before in _SPOKESMEN or before in ("الرسمي", "الرسميه") and view.key(j - 2) in _SPOKESMEN


def _title_chain_end(view: TextView, j: int, limit: int) -> int:
    """Past the words that continue a title from ``j``: modifiers, «ل» complements, the body the role
    belongs to (رئيس لجنة العلاقات الخارجية في مجلس الشيوخ، أمين منطقة نجران)."""
    orgs = _heads()[1]
    first = j
    while j < limit:
        if view.key(j) in SPEECH_OBJECT_NOUNS:
            break  # «وختم المحلل السياسي القول إن …»: the saying, not part of the title
        if view.key(j) in _RANK_QUALIFIERS or view.key(j) in _TENURE \
                or view.key(j) in _GRADES and view.key(j - 1) in _GRADED_RANKS \
                or j == first and view.key(j) in _FIRST and head_key(view.key(j - 1))[0] in _heads()[0] \
                and not (view.key(j - 1) in _GRADED_RANKS and j + 1 < limit and view.key(j + 1).startswith("ل")):
            # اللواء متقاعد، العميد ركن، الملازم أول، الوزير الأول، النائب الأول لقائد الحرس: part of the rank
            # (not «الفريق الأول لكرة القدم», the first team)
            j += 1
        elif j == first and view.key(j)[:1] == "و" and head_key(view.key(j)[1:])[0] in _heads()[0] \
                and j + 1 < limit and _definite(view.key(j + 1)) and view.entity_of[j] is None:
            j += 1  # إمام وخطيب المسجد الحرام: two roles over one place
        elif place := _place_phrase(view, j, limit):
            j = place
        elif (j == first or view.entity_of[j - 1] is None and not view.is_punct(j - 1)) and j > 0 \
                and not _definite(view.key(j - 1)) and (
                    _owned_noun(view, j, limit) or _indefinite_noun(view, j, limit) and (
                        _body_named_in_quotes(view, j, limit) or _body_named_in_quotes(view, j + 1, limit))) \
                and not view.tokens[j].text.endswith(("ه", "ها", "هم", "هما")):
            j += 1  # وزير قطاع الأعمال، مدير مكتب رعاية الشباب: a noun without the article owns the noun after it
            # (رئيس تحرير جريدة "عرب نيوز": a body named in quotation marks)
        elif view.key(j) == "عن" and j + 1 < limit and _spokesman_before(view, j) and (
                head_key(view.key(j + 1))[0] in orgs or view.entity_of[j + 1] is not None
                or j + 2 < limit and getattr(view.entity_starting(j + 2), "type", "") in ("ORG", "LOC")):
            j += 1  # «المتحدث الرسمي عن قبيلة قريش»: عن here is باسم, for whom he speaks
        elif view.key(j) in _GENERAL or j == first and view.key(j) in _FORMER and not _definite(view.key(j - 1)) \
                and not view.key(j + 1).startswith("ل"):
            # مدير عام، أمين عام، وزير سابق (but «مساعد سابق للرئيس الأمريكي، دونالد ترامب»: whose name
            # follows is not clear, and more often the one served)
            j += 1
        elif (extent := _ba_place(view, j, limit)) > 0:
            j += extent  # مدير الشؤون الصحية بمنطقة مكة المكرمة، مدير الشرطة بجدة
        elif view.key(j) == "في" and j + 1 < limit and view.key(j + 1) not in _STATEMENT_NOUNS and (
            head_key(view.key(j + 1))[0] in orgs or getattr(view.entity_starting(j + 1), "type", "") == "ORG"
        ):
            j += 1  # رئيس لجنة العلاقات الخارجية في مجلس الشيوخ: the body the role belongs to (not «في بيان»)
        elif (j > first or common_noun(view, j)) and _definite(view.key(j - 1)) and not _definite(view.key(j)) \
                and view.key(j)[:1] not in "بلو" \
                and view.entity_of[j] is None and view.key(j) not in cues.nationalities() and not view.is_punct(j) \
                and view.key(j) not in _GENERAL:
            break  # «وأبلغ الرئيس الأمريكي حكومة بلاده»: an indefinite noun after a definite word is the object
        elif j > first and view.key(j - 1) in _heads()[3] and view.key(j).startswith("ال") \
                and not _adjective_after_definite(view.key(j)) and view.entity_of[j] is None:
            break  # ووصف وزير التجارة المصري الفساد بأنه …: a noun after the nationality is the object
        elif j == first and view.key(j - 1).startswith("ال") and view.key(j).startswith("ال") \
                and view.key(j + 1) in _OBJECT_COMPLEMENT_PREPOSITIONS and view.entity_of[j] is None \
                and not _adjective_after_definite(view.key(j)) and view.key(j) not in _heads()[0] \
                and view.key(j) not in orgs:
            break  # «ورفع السفير العزاء إلى …»، «وأكد المبعوث الحرص على …»: a definite title owns no noun; a
            # definite noun and its complement after it are the object (not «الباحث البارز في …»)
        elif view.key(j) in DEMONSTRATIVES and j + 1 < limit and _definite(view.key(j + 1)) \
                and not _definite(view.key(j - 1)) and view.entity_of[j - 1] is None and view.entity_of[j + 1] is None:
            j += 2  # «رئيسة هذه الجمعية إليز بوغوسيان»: the title's genitive with a demonstrative
        elif j == first and _definite(view.key(j - 1)) and not _definite(view.key(j)) \
                and view.key(j) in orgs:
            break  # «وطالب العميد وزارة التعليم العالي بـ»: a definite title owns no body; the body is the object
        elif _modifier(view, j) or _lam_idafa(view, j, limit) or _coordinated_complement(view, j):
            j += 1
        elif (quoted := _short_quote_end(view, j, limit)) and (
                head_key(view.key(j - 1))[0] in orgs or _media_word_key(view.key(j - 1)) and _quoted_body_end(view, j, limit)):
            j = quoted  # مدير معهد «سرب»، رئيس تحرير جريدة "عرب نيوز": the body's name in quotation marks
        elif (quoted := _quoted_body_of_title(view, j, limit)):
            j = quoted  # رئيس "أكوا باور"، المتحدث باسم "غوغل"، الهيئة الوطنية لمكافحة الفساد «نزاهة»،
        elif _construct_before_entity(view, j, limit):
            j = view.entity_of[j + 1].last  # type: ignore[union-attr]  # أمين منطقة نجران
        elif j > first and _definite(view.key(j - 1)) and view.key(j)[:1] == "و" and j + 1 < limit \
                and view.key(j)[1:] in orgs and _definite(view.key(j + 1)) and view.entity_of[j] is None:
            j += 2  # رئيس هيئة كبار العلماء وإدارة البحوث: a second body the role is over
        else:
            break
    return j


def title_phrase_end(view: TextView, i: int, limit: int) -> int:
    """The token after the title phrase starting at ``i`` (وزير الخارجية الأمريكي، المدير الفني للمنتخب
    البرازيلي), or ``i`` when no title starts there."""
    if i >= limit or head_key(view.key(i))[0] not in _heads()[0] or view.entity_of[i] is not None:
        return i
    return _title_chain_end(view, i + 1, limit)


def _past_comma(view: TextView, j: int, limit: int) -> int:
    """``j``, or the token after it when it is the comma that opens an apposed name (وزير الخارجية، جون كيري)."""
    return j + 1 if j + 1 < limit and view.key(j) == "" and view.tokens[j].text in "،," else j


def _org_complement(view: TextView, j: int) -> bool:
    """A «لل» complement right after a name: the name is part of a body's name (مركز الملك سلمان للإغاثة)."""
    k = view.key(j)
    return k.startswith("لل") and len(k) > 4


def _coordinated_complement(view: TextView, j: int) -> bool:
    """والجودة in الهيئة السعودية للمواصفات والمقاييس والجودة: a definite noun joined by و to a
    «لل» complement of the name, as long names of bodies list their fields."""
    if not view.key(j).startswith("وال"):
        return False
    k = j - 1
    while k >= 0 and view.key(k).startswith("وال"):
        k -= 1
    if k >= 1 and not _org_complement(view, k) and _adjective_like(view.key(k)) and view.key(k).startswith("ال"):
        k -= 1  # للأمن السيبراني والبرمجة: an adjective of the complement comes between
    return k >= 0 and _org_complement(view, k)


def _adjective_after_definite(k: str) -> bool:
    """What may follow a definite noun inside a name: an adjective (السوري، الأحمر، الحر), not a noun."""
    if k.startswith("لل"):
        return True  # للقوات المسلحة، للشؤون الإنسانية: «of the …», a complement with its own article
    bare = k[1:] if k[:3] in ("وال", "بال") else k
    return (
        (bare.endswith(("ي", "يه", "ين", "ون")) and len(bare) > 4)  # nisba: السوري، الحكومية، الدوليين
        or (bare.startswith("الم") and len(bare) > 4 and not bare.endswith("ات"))  # participles: المتحدة، المسلحة،
        # المستقل (a plural in ات is a noun: an adjective of a plural of things is singular, الهيئات الصناعية المقترحات)
        or bare in _SHORT_ADJECTIVES or bare in _heads()[3]
        or (bare.startswith("الا") and len(bare) == 6)  # الأبيض، الأحمر، الأعلى: أفعل adjectives
    )


def _adjectives_end(view: TextView, j: int, limit: int) -> int:
    """Past the nationalities and adjectives after a noun at ``j - 1`` (المسؤولين الأمريكيين، الإعلام الغربية)."""
    nats = _heads()[3]
    while j < limit and (view.key(j) in nats or _modifier(view, j) and _adjective_like(view.key(j))):
        j += 1
    return j


def _adjective_like(k: str) -> bool:
    """An adjective after a noun (السورية، المسلحة، الأمني), not a new noun (العرض)."""
    return k.endswith(("ه", "ي", "ين", "ون", "يه")) and len(k) > 4


def _place_phrase(view: TextView, j: int, limit: int) -> int:
    """The token after «في حلب»، «إلى سوريا» right after a title or organisation, part of the phrase
    (after لدى an organisation too: سفير البيرو لدى الأمم المتحدة); 0 when there is none."""
    if view.key(j) not in ("في", "الي", "لدي") or j + 1 >= limit:
        return 0
    ent = view.entity_starting(j + 1)
    if ent is not None and ent.type == "ORG" and view.key(j) == "لدي" and ent.last <= limit:
        return ent.last
    if ent is None and view.key(j + 1) in _PLACE_NOUNS and j + 2 < limit:
        ent = view.entity_starting(j + 2)  # في مدينة مشهد
        j += 1
    return ent.last if ent is not None and ent.type == "LOC" and ent.last <= min(limit, j + 4) else 0


_PLACE_NOUNS = key_set("منطقة محافظة مدينة ولاية إمارة مقاطعة")
_GENERAL = key_set("عام عامة")


_DIRECTIONS = key_set("الشرقية الغربية الشمالية الجنوبية الوسطى الشرقي الغربي الشمالي الجنوبي الأوسط")


def _ba_place(view: TextView, j: int, limit: int) -> int:
    """Tokens of «بجدة» or «بمنطقة مكة المكرمة» (ب + a place, or ب + a place noun and a place) after a
    title: where the role is held. 0 when there is none."""
    k = view.key(j)
    if not k.startswith("ب"):
        return 0
    ent = view.entity_of[j]
    if ent is not None and ent.type == "LOC" and ent.first == j and ent.skip == 1 and ent.last <= limit:
        return ent.last - j
    nxt = view.entity_starting(j + 1) if j + 1 < limit else None
    if k[1:] in _PLACE_NOUNS and nxt is not None and nxt.type == "LOC" and nxt.last <= limit:
        return nxt.last - j
    if k[1:].removeprefix("ال") in _PLACE_NOUNS and j + 1 < limit and view.key(j + 1) in _DIRECTIONS:
        return 2  # «بالمنطقة الشرقية»: a region named by its direction
    return 0


# Nouns of people addressed, never part of a title: المبعوث الأممي لأعضاء المجلس، قال لنظيره.
_ADDRESSED_NOUNS = key_set("أعضاء ممثلي نظيره نظيرها نظرائه الحضور الحاضرين المشاركين المراسلين الصحفيين "
                           "الصحافيين الإعلاميين السفراء الجمهور المتظاهرين أنصاره أنصارها مؤيديه أهالي أهل "
                           "سكان المواطنين مواطني الشعب")


_ORDINAL_ADVERBS = key_set("لأول لآخر لثاني لثالث")


def addressed_after_lam(key: str) -> bool:
    """ل + a noun of people addressed, never part of a title (لأهالي، للصحفيين: ل + الصحفيين، لنظيره), also
    without the article (لصحفيين، لمراسلين)."""
    return key[:1] == "ل" and (key[1:] in _ADDRESSED_NOUNS or "ال" + key[1:] in _ADDRESSED_NOUNS
                               or key[:2] == "لل" and "ال" + key[2:] in _ADDRESSED_NOUNS)


def _lam_idafa(view: TextView, j: int, limit: int) -> bool:
    """لحقوق in المرصد السوري لحقوق الإنسان: a ل-prefixed noun followed by a definite noun."""
    k = view.key(j)
    if _media_word_key(k[1:]) or k[1:] in _ADDRESSED_NOUNS or k in _ORDINAL_ADVERBS:
        return False  # لوكالة الأناضول، لقناة الجزيرة، لأعضاء المجلس: an addressee; لأول مرة: «for the first time»
    return k.startswith("ل") and not k.startswith("لل") and len(k) > 3 and j + 1 < limit and (
        _definite(view.key(j + 1)) or _construct_noun(view, j + 1, limit)
        or getattr(view.entity_starting(j + 1), "type", "") == "LOC" and view.entity_of[j] is None  # لطلبة تونس
    )


def _construct_noun(view: TextView, j: int, limit: int) -> bool:
    """An indefinite noun owned by the definite word after it (كبار العلماء، شؤون اللاجئين)."""
    return _indefinite_noun(view, j, limit) and _definite(view.key(j + 1))


def _owned_noun(view: TextView, j: int, limit: int) -> bool:
    """A construct noun, or an indefinite noun owned by a place or body the tagger named (شرطة تكساس،
    مطار عدن) or by a construct noun (أمن شمال سيناء), not a statement (تصريحات لـCNN)."""
    if _construct_noun(view, j, limit):
        return True
    if not _indefinite_noun(view, j, limit) or view.key(j) in _STATEMENT_NOUNS:
        return False
    owner = view.entity_starting(j + 1)
    return getattr(owner, "type", "") in ("LOC", "ORG") or _construct_noun(view, j + 1, limit) \
        or _construct_before_entity(view, j + 1, limit)  # جوازات منطقة جازان: owned by a noun a place owns


def _body_named_in_quotes(view: TextView, j: int, limit: int) -> bool:
    """A body's head word followed by its short name in quotation marks (جريدة "عرب نيوز"، شركة «أرامكو»)."""
    k = view.key(j)
    return (head_key(k)[0] in _heads()[1] or _media_word_key(k)) and _quoted_body_end(view, j + 1, limit) > 0


def _quoted_outlet_end(view: TextView, j: int, limit: int) -> int:
    """The token after an outlet's name in quotation marks at ``j`` (up to three words the tagger names as a
    body, not a person: "سودوتشه تسيتونغ"، "إن تي في"), or 0: a quotation that is no such name may be what
    the outlet reported («وقالت صحيفة ميونيخ "…"»)."""
    after = _short_quote_end(view, j, limit)
    if not after:
        return 0
    inside = [view.entity_of[t] for t in range(j + 1, after - 1)]
    named = bool(inside) and getattr(inside[-1], "type", "") in ("ORG", "MISC")  # "إن تي في": the tagger's «تي في»
    return after if named and not any(getattr(e, "type", "") == "PERS" for e in inside) else 0


def _short_quote_end(view: TextView, j: int, limit: int) -> int:
    """The token after a quotation of up to three words opening at ``j`` and closing before ``limit``, or 0."""
    pair = view.pair_at_open.get(j)
    return pair.close + 1 if pair is not None and pair.close < limit and pair.close - pair.open <= 4 else 0


def _quoted_body_of_title(view: TextView, j: int, limit: int) -> int:
    """The token after a body or place the tagger named in quotation marks at ``j`` within a title, or 0: after a
    word without the article or «باسم», its genitive (رئيس "أكوا باور" أن، مبعوثة "الجوهرة أف أم"، المتحدث باسم
    "غوغل"), when a name, a title or a boundary follows it; after a definite word, the short name of the body
    just named, closed by a comma (الهيئة الوطنية لمكافحة الفساد «نزاهة»، عن …). After a tagged name only one
    word counts: more are the holder's name, whatever the tagger made of them."""
    if j == 0 or j not in view.pair_at_open or j + 1 >= limit \
            or getattr(view.entity_of[j + 1], "type", "PERS") == "PERS":
        return 0
    before = view.key(j - 1)
    if view.entity_of[j - 1] is not None and view.pair_at_open[j].close > j + 2:
        return 0  # after a name, words in quotation marks name the title's holder (لشركة أوبر "دارا خوسروشاهي")
    if not _definite(before) or before == "باسم":
        titles, orgs, _, _ = _heads()
        bare = before[1:] if before[:1] in ("ل", "ب") else before
        governs = before == "باسم" or before in _GENERAL or any(head_key(k)[0] in titles or head_key(k)[0] in orgs
                                                               for k in (before, bare))
        return _quoted_body_end(view, j, limit) if governs else 0  # a role or a body noun owns it
    return _short_name_in_quotes(view, j, limit)


def _short_name_in_quotes(view: TextView, j: int, limit: int) -> int:
    """The token after a body's short name quoted at ``j`` (حلف شمال الأطلسي "ناتو"،), or 0: a quotation of up
    to three words, its first a name (tagged, or without the article: «ووصف الحزب "المؤامرة"،» quotes a word),
    closed by punctuation, a complementizer or a time word, so that nothing reported begins after it."""
    after = _short_quote_end(view, j, limit)
    if not after or after - j < 3:
        return 0
    first = j + 1
    if view.entity_of[first] is None and (_definite(view.key(first)) or not namelike(view, first)):
        return 0
    if after < limit and not (view.is_punct(after) or view.key(after) in cues.complementizers()
                              or view.key(after) in cues.time_words()):
        return 0
    return after


def _quoted_body_end(view: TextView, j: int, limit: int) -> int:
    """The token after a short quoted name at ``j`` that a phrase may end with or go on past: a name, a title,
    a comma, a place (رئيس تحرير جريدة "عرب نيوز"، محمد …); 0 when an untagged word follows it, which may be
    the start of what is reported (وبحسب مراسل "الجوهرة اف أم" يبلغ الشاب …)."""
    after = _short_quote_end(view, j, limit)
    if not after:
        return 0
    if after >= limit or view.entity_of[after] is not None or _boundary_after_name(view, after) \
            or head_key(view.key(after))[0] in _heads()[0] or _definite(view.key(after)):
        return after
    return 0


def _indefinite_noun(view: TextView, j: int, limit: int) -> bool:
    k = view.key(j)
    return j + 1 < limit and bool(k) and not _definite(k) and view.entity_of[j] is None and not is_stop(view, j) \
        and cues.lookup_verb(k) is None and not view.is_punct(j)


_DASHES = frozenset("-–—")


def after_dateline(view: TextView, start: int, anchor: int) -> int:
    """Past a dateline opening the sentence («دبي، الإمارات العربية المتحدة (CNN)-- أعلنت …»، «القاهرة -
    …»): where the news was filed is never who speaks, nor part of what was said."""
    for j in range(start, min(anchor, start + 12)):
        if view.tokens[j].text in _DASHES and (
                view.tokens[j - 1].text == ")" and j > start
                or j == start + 1 and getattr(view.entity_starting(start), "type", "") == "LOC"):
            while j < anchor and view.tokens[j].text in _DASHES:
                j += 1
            return j
    return start


def parse_mention_ending_at(view: TextView, end: int, floor: int) -> Mention | None:
    """The longest speaker phrase that ends exactly at token ``end`` and starts at or after ``floor``."""
    for start in range(max(floor, end - 9), end):
        if start > floor and not _left_boundary(view, start - 1):
            continue
        m = parse_mention(view, start, end)
        if m is None:
            bare = bare_name(view, start, end)
            if bare is not None and all(view.key(j) in view.person_words for j in range(bare.first, bare.last)):
                m = bare
        if m is not None and m.last == end:
            return m
    return None


def antecedent_mention(view: TextView, relative: int, floor: int) -> Mention | None:
    """The speaker phrase a relative pronoun at ``relative`` refers to: the longest one ending right
    before it, in the same clause (نظيره الروسي سيرجي لافروف الذي …)."""
    end = relative - 1 if relative > floor and view.tokens[relative - 1].text in "،," else relative  # X، الذي …
    for start in range(max(floor, end - 8), end):
        if any(view.is_punct(j) for j in range(start, end)):
            continue
        m = parse_mention(view, start, end)
        if m is not None and m.last == end:
            return m
    return None


_LEFT_BOUNDARY_WORDS = key_set("اما واما كان وكان فكان كانت وكانت لكن ولكن بينما فيما حيث كما ثم اذ بل وقد قد فقد")


def _left_boundary(view: TextView, i: int) -> bool:
    k = view.key(i)
    return not k or k in _LEFT_BOUNDARY_WORDS or k in cues.complementizers()
