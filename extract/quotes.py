"""Statement detection: cue verbs with their complements, direct quotations, colon quotes and
nominal attributions, each as a draft with a content range and (when written) a speaker mention.

Speakers that are not written next to the cue (وأضاف، مضيفا) are resolved later by ``attribute``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from . import cues
from .cues import CueForm
from .entities import outlet_at
from .mentions import (
    ON_BEHALF,
    PRONOUN_PPS,
    RELATIVES,
    SOURCE_MARKERS,
    SPEECH_OBJECT_NOUNS,
    Mention,
    addressed_after_lam,
    after_dateline,
    antecedent_mention,
    bare_name,
    common_noun,
    head_key,
    parse_mention,
    parse_mention_ending_at,
    plural_of_things,
    share_mention,
    short_adjective,
    title_phrase_end,
)
from .model import Gender, QuoteKind
from .normalize import has_arabic, key_set, strip_diacritics
from .view import TextView

# A complementizer right after one of these is not the start of reported content (بعد أن، إلا أن، يمكن أن).
_NOT_OPENERS = key_set("بعد قبل منذ الا غير دون بدون رغم برغم اجل لاجل ضروره يمكن يجب ينبغي يتعين بد لابد امكانيه حتي ريثما بمجرد "
    "مجرد لو كي لكي يريد اراد نريد تريد يحاول حاول ترغب يرغب سبق يستطيع استطيع نستطيع تستطيع يعني بعدما يفترض "
    "المقرر المتوقع المنتظر المرجح شان بشان احتمال يحتمل عسي")
_LEADING_PREPOSITIONS = key_set("عن علي الي من")
_PREPOSITIONS = key_set("على إلى من عن في مع عند لدى حول بعد قبل خلال عبر دون بدون")  # not منذ: منذ أعلن …
_RELATIVE_OPENERS = key_set("الذي التي الذين حيث")
_CONNECTIVES = key_set("فيما بينما كما ثم حين وقد قد حيث")
# A cue after these heads a subordinate clause: its content ends at the clause's comma.
_SUBORDINATORS = key_set("منذ ومنذ عندما وعندما حين وحين حينما بعدما وبعدما لما ولما كلما")
_CONNECTIVE_PAIRS = (("في", "حين"), ("وفي", "حين"), ("في", "المقابل"))
# After a comma these open the journalist's own words (، هذا فيما …، يأتي ذلك …).
_TOPIC_SHIFTS = key_set("هذا وهذا ياتي وياتي جاء وجاء")
_OPENER_PHRASES = (("من", "جهته"), ("من", "جهتها"), ("من", "جانبه"), ("من", "جانبها"), ("في", "المقابل"))
_ADJUNCT_NOUNS = key_set("بيان تصريح تصريحات مؤتمر موتمر مقابله حديث كلمه لقاء اتصال تغريده رساله خطاب اجتماع جلسه ختام زياره")


@dataclass(frozen=True, slots=True)
class Draft:
    """A statement before its speaker is resolved. Token ranges are ``[first, last)``."""

    content: tuple[int, int]
    kind: QuoteKind
    rule: str
    cue_span: tuple[int, int] | None  # token range of the cue words
    cue_lemma: str
    cue_kind: str
    gender: Gender
    mention: Mention | None  # the speaker as written next to the cue, if it is
    carried: bool = False  # pro-drop or participle: the speaker comes from context
    confidence: float = 0.8
    outlet: Mention | None = None  # an outlet that relayed the statement


def find_statements(view: TextView, skip_paragraphs: Iterable[int] = ()) -> list[Draft]:
    """Every statement draft in the article, in text order, nested ones resolved."""
    skipped = set(skip_paragraphs)
    words = _opener_words()
    # most tokens are neither a cue nor a marker: find the few that may be, once per article
    openers = [i for i, k in enumerate(view.keys) if k in words or cues.strip_conjunction(k) in words]
    drafts: list[Draft] = []
    for sentence in view.sentences:
        if sentence.paragraph in skipped:
            continue
        lo, hi = bisect_left(openers, sentence.token_start), bisect_left(openers, sentence.token_end)
        drafts.extend(_sentence_statements(view, sentence.token_start, sentence.token_end, openers[lo:hi]))
    drafts = _resolve_nesting(view, drafts)
    return sorted(drafts, key=lambda d: d.content[0])


def reportable(view: TextView, draft: Draft) -> bool:
    """Whether a statement is worth reporting: an indirect one of a single word (نسبت الى المقاتلين |
    الاكراد، وأبدت الوزارة | تخوفها) is a misread phrase or a bare object. It still passes its speaker
    on to the continuation after it (وقالت إنه …), so it is dropped only after attribution. Nor is a
    pronoun behind a preposition with an adverb (لكن طوكيو تطالب | بها أيضا: claims them too)."""
    words = [k for k in view.keys[draft.content[0] : draft.content[1]] if k]
    return draft.kind == "direct" or len(words) >= 2 and not all(
        k in PRONOUN_PPS or k in cues.time_words() for k in words)


def _sentence_statements(view: TextView, start: int, end: int, openers: Iterable[int]) -> list[Draft]:
    """The statements of one sentence; ``openers`` are its tokens that may be a cue or a marker."""
    if _background(view, start + 1):
        return []  # «يذكر أن …»: the journalist's background note, whatever verbs it holds
    found: list[Draft] = []
    colon = _colon_statement(view, start, end)
    if colon is not None:
        found.append(colon)
    covered = start  # tokens before this one belong to a marker already read
    for i in openers:
        if i < covered or view.enclosing_pair(i) is not None:
            continue
        draft = _cue_statement(view, i, start, end, found) or _nominal_statement(view, i, start, end)
        if draft is not None:
            found.append(draft)
            if draft.cue_kind == "nominal" and draft.mention is not None:
                covered = draft.mention.last  # the marker's words are not cues of their own
    if any(d.cue_kind != "nominal" for d in found):
        found = [d for d in found if d.rule != "nominal.trailing"]
    found.extend(_quote_with_saying_noun(view, start, end, found))
    return found


# --- cue verbs -------------------------------------------------------------------------------


def _negated(view: TextView, i: int, form: CueForm) -> bool:
    particles, litotes = cues.negations()
    return view.key(i - 1) in particles and view.key(i) not in litotes


def _background(view: TextView, i: int) -> bool:
    window = tuple(view.keys[max(0, i - 2) : i + 2])
    return any(
        window[j : j + len(opener)] == opener for opener in cues.background_openers() for j in range(len(window))
    )


@cache
def _opener_words() -> frozenset[str]:
    """Keys that may open a statement: speech, relay and document verbs, first words of nominal markers."""
    return (frozenset(cues.speech_verbs()) | frozenset(cues.checked_verbs()) | frozenset(cues.relay_verbs())
            | _DOCUMENT_VERBS | cues.attribution_marker_starts())


def _cue_statement(view: TextView, i: int, start: int, end: int, earlier: list[Draft]) -> Draft | None:
    key = view.key(i)
    relay = cues.lookup_relay(key)
    if relay is not None and relay.kind == "relay" and not (
            relay.lemma == "نسب" and _marked_passive(view.tokens[i].text)):  # «نُسبت الغارات إلى …»: an act attributed
        draft = _relay_statement(view, i, end, relay)
        if draft is not None:
            return draft
    if key in _DOCUMENT_VERBS and view.key(i + 1) == "في":
        return _document_statement(view, i, end)
    form = cues.lookup_verb(key) or _checked_verb(view, i)
    if form is None or _negated(view, i, form) or _background(view, i):
        return None
    if form.lemma == "أدان" and form.tense == "present" and view.key(i + 1)[:1] == "ب":
        return None  # «يدين بالفضل لـ …»: owes, not condemns
    if form.lemma == "طالب" and _student(view, i):
        return None  # «طالب في كلية القانون»، «2600 طالب»: a student, not «demanded»
    if view.key(i + 1) in _EXALTED:
        return None  # «قال تعالى: …»: a verse of the Quran, as «قال الله تعالى» (God is no source the tagger names)
    if form.lemma == "كتب" and view.key(i + 1) in _ON_IT:
        return None  # «لافتة كتب عليها …»، «وكتب عليه …»: was written on it, by no one named
    if _describes_a_writer(view, i, form):
        return None  # «الطبيب الذي كتب التقرير»: the work is what was written, the clause says who speaks
    ent = view.entity_of[i]
    if ent is not None and ent.type == "PERS" and ent.first < i and (
            i < ent.last - 1 or cues.strip_conjunction(view.key(i - 1)) in ("ال", "ابن", "بن", "ابو", "ام")):
        return None  # «بكر عزت بيغوفيتش»، «صالح آل طالب»: a word of a person's name, not the verb it can also be
    if form.kind == "verb" and (cues.strip_conjunction(view.key(i - 1)) in _PREPOSITIONS
                                or cues.strip_conjunction(view.key(i - 1)) in _NOUN_TAKERS
                                or view.key(i - 1) in _COUNTS):
        return None  # «على حث أوروبا»، «ودون ذكر مصدرها»، «رفض كشف اسمه»: after a preposition or «refused», a verbal noun
    if _maqsura_noun(view, i):
        return None  # «مقال رأي مشترك»: the noun رأي, not the verb رأى
    if key in _FAREWELL_FORMS and _object_before_to(view, i, end, _FAREWELL_OBJECTS):
        return None  # «وودعت السعودية البطولة»: ودّع (bid farewell), not و + دعا (called on … إلى)
    if form.lemma == "لفت" and _object_before_to(view, i, end, _ATTENTION):
        return None  # «ولفت أحمد حسام الأنظار بتسجيله الهدف»: drew the eyes, said nothing
    if key in _ADJECTIVE_HOMOGRAPHS and _after_indefinite_noun(view, i, start):
        return None  # «تعيين موظفين جدد»: the adjective «new», not the verb «renewed»
    if form.kind == "verb" and form.tense == "past" and _marked_passive(view.tokens[i].text):
        return None  # «وأُعلن أن …»: it was announced, by no one the sentence names
    if form.kind == "participle":
        return _participle_statement(view, i, start, end, form, earlier)
    if form.kind == "verb" and view.key(i - 1) in _WHAT:
        return None  # «نفي قاطع لما صرح به الرئيس …»: what was said, named as a thing, not reported here
    if form.kind == "verb" and form.tense == "present" and view.key(i - 1) in ("ان", "لن", "كي", "لكي"):
        return None  # «من المقرر أن يعلن الوزير …»: to be said, not said

    after = _skip_addressee(view, i + 1, end)
    if after == i + 1 < end and view.tokens[after].text in "،," and (behind := _skip_addressee(view, i + 2, end)) > i + 2:
        after = behind  # «قال، لـCNN، إن …»: the addressee set off by commas
    if view.tokens[after].text in "،," if after < end else False:
        after += 1
    if form.tense == "past":
        after = _past_time_words(view, after, end)
    if view.key(after) == "ذلك" and after + 1 < end and (  # (but «وأكد هذا الناطق …»: this spokesman)
            head_key(view.key(after + 1))[0] in cues.titles()
            or getattr(view.entity_starting(after + 1), "type", "") == "PERS"):
        return None  # «أوضح ذلك المدير العام … وبين أن …»: ذلك is what was explained, said before
    latter = _latter(view, i, start) if after < end and cues.strip_conjunction(view.key(after)) in _LATTER \
        and form.lemma not in _PERSON_OBJECT_VERBS else None  # (not «واتهمت الأخيرة بتلقي …»: she was accused)
    # a word that stands for someone named before: «وأكد معاليه أن …» (his excellency, the speaker named before),
    # «أعلن الأخير أن …» (the latter)
    stands_for_named = after < end and (cues.honorific_pronoun(view.key(after)) or latter is not None)
    if stands_for_named:
        after += 1
    # an untagged bare name is trusted after a past-tense verb (narrative VSO), not after a present one, nor
    # in a clause describing a thing («الأساليب التي أقرت تشمل …»: the verb after it is no name)
    describes_thing = view.key(i - 1) in ("التي", "الذي") and view.key(i - 2).startswith("ال") \
        and view.entity_of[i - 2] is None
    mention = None if stands_for_named else parse_mention(view, after, end, subject=form.tense == "past" and not describes_thing)
    if mention is not None and form.lemma in _WARN_VERBS and mention.type == "UNNAMED" and (
            cut := next((j for j in range(mention.first + 1, mention.last) if view.key(j) == "من"), None)) is not None:
        mention = replace(mention, last=cut)  # «حذر خبراء من التنامي …»: what they warn of, not where they are from
    if mention is not None and form.kind == "verb" and form.gender == "m" and mention.gender == "f" \
            and mention.type in ("ORG", "UNNAMED") and (
                form.lemma in _PERSON_OBJECT_VERBS
                or getattr(view.entity_starting(mention.first), "type", "") != "LOC"):  # أعلن العراق: a masculine country
        mention = None  # «كما طالب الحكومة بـ …»، «يدعو الدول الأعضاء»: a body after a masculine verb is its object
    if mention is not None and form.kind == "verb" and form.gender == "m" and mention.type == "PERS" \
            and mention.title is None and plural_of_things(view, mention.first):
        mention = None  # «كما وصف ميليشيات الحوثي بأنها …»: a plural of things after a masculine verb is its object
    if mention is not None and form.kind == "verb" and form.gender == "pl":
        mention = None  # «وطالبوا الحكومة بـ …»: a verb is plural only with its subject before it; after it, the object
    if mention is not None and form.lemma in _ACCUSING and view.key(mention.last)[:1] == "ب" \
            and cues.strip_conjunction(view.key(i)) in _ACCUSING_BARE:
        # «ودافع ليونهيلم عن تصريحاته واتهم هانسون يونغ بأنها قالت …»: the one accused of something (بـ) right
        # after the verb is its object; a subject has the accused after it (اتهم الوزير المعارضة بـ …), which
        # the phrase may have run on into («واتهم مصدر إماراتي قطر بلعب دور»). Who demands (طالب) is named
        # alone before بـ as often as not («وطالب المتظاهرون بإسقاط …»): that phrase stays the subject.
        split = _subject_before_object(view, mention)
        mention = split if split is not None or form.lemma not in _DEMANDING else mention
    if form.tense == "present" and (fronted := parse_mention_ending_at(view, i, start)) is not None \
            and (fronted.first == start or fronted.first > start and view.tokens[fronted.first - 1].text == ":") \
            and (fronted.name is not None or fronted.type == "PERS" and fronted.title is not None):
        # «ترامب يدعو كوريا الشمالية إلى …»، «الجزائر: الوزير الأول يدعو النساء إلى …»: a headline's subject
        # stands before a present verb
        mention = None
    kana_subject = _subject_after_kana(view, i, start) if mention is not None else None
    if mention is not None and form.tense == "present" and view.key(i) == cues.strip_conjunction(view.key(i)) \
            and _describes_noun_before(view, i, start, form.frame):
        return None  # «لافتات تطالب الحكومة بـ …»: a clause describing the noun before it
    subject_after = mention is not None and kana_subject is None
    if mention is not None and subject_after:
        mention = _issuer_of_document(view, mention, end)
    if kana_subject is not None:
        mention = kana_subject  # «وكانت وسائل إعلام اتهمت كريستيانو رونالدو بـ …»: the name after the verb is its object
    if mention is None:
        left = i - 1 if view.key(i - 1) in ("قد", "وقد", "فقد") else i
        mention = parse_mention_ending_at(view, left, start)
        if mention is None and left - 1 > start and view.tokens[left - 1].text in "،,":
            # «إلا أن المصدر المعارض، نفى …»: a subject after أن, set off by a comma before its verb
            fronted = parse_mention_ending_at(view, left - 1, start)
            if fronted is not None and (view.key(fronted.first - 1) in cues.complementizers()
                                        or view.key(fronted.first - 1) in _KANA and left < i):
                mention = fronted  # (and «وكانت النائبة، داليا يوسف، قد قالت …»: كان, its subject, قد)
        if mention is not None and mention.first > start \
                and cues.strip_conjunction(view.key(mention.first - 1)) in _PREPOSITIONS:
            mention = None  # «ففي اليمن، أشارت المغنية …»: a place adjunct, not the subject
        if mention is not None and form.gender == "m" and share_mention(view, mention.first, left) is not None:
            mention = None  # a share before its verb takes the plural (28% قالوا): «بأنها نصف المجتمع وأوضح» is no subject
    in_relative = _in_relative_clause(view, i)
    antecedent = _antecedent(view, i, start) if in_relative else None
    if mention is None and antecedent is not None and antecedent.type == "PERS" \
            and (antecedent.name is not None or antecedent.title is not None) \
            and (not view.key(i + 1).startswith("ال") or view.key(i + 1) in _TO) and _agrees_with_relative(view, i, form):
        # «… نظيره الروسي سيرجي لافروف الذي قال إن …»: a named antecedent speaks, not the previous speaker, and so
        # does a title (رئيس الاتحاد الفلسطيني لكرة القدم الذي حث …)
        # (but «وفاة الملا عمر التي قالت المخابرات …»: a definite noun after the verb is its own subject)
        mention = antecedent if antecedent.name is not None else _holder_before_title(view, antecedent)
    elif mention is None and antecedent is not None and antecedent.gender == "pl" and form.gender == "pl" \
            and cues.strip_conjunction(view.key(i - 1)) == "الذين":
        mention = antecedent  # «… كبار المسؤولين وأعضاء الكونجرس الذين قالوا إنه …»: the people the clause is about
    if mention is None and in_relative and antecedent is None and describes_thing:
        return None  # «النتائج التي أشارت إلى أن …»: the clause describes a thing, not a source that speaks
    if mention is None and form.tense == "present" and not _present_with_colon(view, i, end) \
            and not _opens_with_present_report(view, i, start, end):
        return None  # impersonal: «حيث يتوقع أن …», «يعتقد أن …» inside a clause
    body_from = _after_counterpart(view, mention.last, end) if subject_after and mention is not None else (
        after if stands_for_named else i + 1)
    if subject_after and mention is not None and mention.type == "ORG" and mention.last - mention.first >= 3 \
            and (short := view.pair_at_open.get(body_from)) is not None and short.close - short.open <= 3 \
            and getattr(view.entity_starting(body_from + 1), "type", "") == "ORG":
        body_from = short.close + 1  # «حركة المقاومة الإسلامية "حماس" …»: the body's short name, in apposition
    relaying = None
    if subject_after and mention is not None and (relayed := _relayed_source(view, body_from, end)) is not None:
        # «وقالت الصحيفة نقلا عن مصادر أمنية إن …»: the sources speak, the outlet relays (the verb agrees with it)
        relaying, mention, body_from = mention, relayed, relayed.last
        form = replace(form, gender="any")
    opened = None
    if subject_after and mention is not None and mention.type == "PERS" and head_key(view.key(body_from))[0] in cues.titles():
        # «أكد محمد السافر رئيس مكتب الدراسات … في مداخلة له … أن»: a title after the name is in apposition,
        # so even a verb that can take an object reports the clause that follows
        opened = _content_start(view, body_from, end, "clause")
    # (a title alone before a participle of saying is left to the participle, which knows who just spoke in
    # that role: «وأضاف الوزير قائلا …» after «وقال عواد العواد …»)
    not_title_alone = mention is not None and not (mention.type == "PERS" and mention.name is None)
    opened = opened or _content_start(view, body_from, end, form.frame, through_participle=not_title_alone)
    if opened is None:
        return _fronted_for_cue(view, i, start, form, mention)
    first, kind_hint = opened
    if kind_hint == "np" and not subject_after and form.lemma == "اعتبر" and first == i + 1 \
            and not view.key(first).startswith("ال"):
        return None  # «تعليقات اعتبرت مهينة»: considered (passive), with no one who considers
    if kind_hint == "np" and form.tense == "present" and form.lemma in _CONSIDERED:
        return None  # «وتعتبر تونس نموذجاً …»، «ويعتبر ميناء الحديدة منفذا»: is considered (يُعتبر), no one says it
    if kind_hint == "np" and view.key(after) == "ذلك":
        return None  # «أكد ذلك المقدم …»: ذلك points back at what was said before; nothing follows
    if kind_hint == "np" and cues.strip_conjunction(view.key(first)) in RELATIVES:
        return None  # «وأكد موفدنا الذي تحول إلى السوق …»: a relative clause describes the speaker
    if kind_hint == "np" and subject_after and in_relative:
        return None  # «التي حذر النبي منها»: a relative clause with its own subject; the antecedent is the object
    if in_relative and (
            kind_hint == "np" and view.key(first) in _RESUMPTIVE  # «التدريبات التي أعلنت عنها الدفاع الروسية»
            # «… الذي أعلن نفسه خليفة» describes a thing; after a person (وزير التجارة الذي أعلن …) the
            # continuation may find the speaker
            or kind_hint == "np" and mention is None and not (antecedent is not None and antecedent.type == "PERS")
            or form.tense == "present" and form.lemma in _CONSIDERED):  # «والذي يعتبر مهندس الاتفاق، …»
        return None
    if kind_hint == "colon" and first >= end:
        following = _next_sentence(view, end)  # «وقال الوزير:» closing a paragraph, the words below it
        if following is None:
            return None
        first, end = following
        kind_hint = "quote" if first in view.pair_at_open else "colon"
    last = _quote_end(view, first, end) if kind_hint == "quote" else _content_end(view, first, end)
    if kind_hint != "quote" and view.key(i - 1) in _SUBORDINATORS:
        # «ومنذ أعلنت الحكومة أن …، تصاعد التوتر»: the clause ends at its comma, the main clause follows
        last = next((j for j in range(first, last) if view.tokens[j].text in "،," and view.enclosing_pair(j) is None),
                    last)
    if last <= first:
        return None
    if _declines_to_speak(view, form, first, kind_hint):
        return None  # «ورفض المصدر التعليق على …»: he said nothing
    if form.lemma == "جدد" and kind_hint == "np" and not _renews_a_statement(view, i + 1, max(first + 4, i + 9), last):
        return None  # «جدد اللاعب عقده»، «جددت القوات قصفها»: a contract or shelling renewed, nothing said
    if form.lemma == "علق" and subject_after and _suspends(view, body_from, first):
        return None  # «علقت الهيئة، التداول على …»: suspended, nothing said
    if latter is not None:
        mention = latter
    draft = _make_draft(view, first, last, kind_hint, form, (i, i + 1), mention, rule=f"{form.kind}.{form.frame}")
    return draft if relaying is None else replace(draft, outlet=relaying)


def _suspends(view: TextView, j: int, first: int) -> bool:
    """Whether «علق» has a definite object right after its subject: علّق in the sense of suspending (علقت
    الحكومة الدراسة) rather than of commenting (علق الوزير على …، علق الوزير: …، علق الوزير الاثنين بالقول)."""
    while j < first and (view.tokens[j].text in "،," or view.key(j) in cues.time_words()):
        j += 1
    # (a title after the name is in apposition: «علقت لي شوتشيان النائبة من إقليم يونان إنه …»)
    return j < first and view.key(j).startswith("ال") and head_key(view.key(j))[0] not in cues.titles()


# What one declines when one refuses to speak: «رفض التعليق»، «رافضا الإفصاح عن هويته»، «رفض الكشف عن اسمه»
_SPEAKING = key_set("التعليق تعليق الإفصاح إفصاح الكشف كشف الإدلاء الخوض الحديث ذكر")


def _declines_to_speak(view: TextView, form: CueForm, first: int, kind_hint: str) -> bool:
    """«رفض» with speaking as its object reports a refusal to speak, not a statement."""
    return form.lemma == "رفض" and kind_hint == "np" and view.key(first) in _SPEAKING


# What «جدد» renews when it reports something: a call, a stance, a condemnation, thanks …
_RENEWED_STATEMENTS = key_set("تأكيد موقف مواقف إدانة رفض دعوة دعوات مطالبة مطالب تقدير تعبير حرص ترحيب تحذير دعم "
                              "التزام شكر استنكار ثقة تمسك تعازي تهنئة عزم أمل رغبة استعداد مناشدة نداء تضامن تنديد "
                              "اعتذار تأييد إصرار مساندة تهاني تبريكات")
_OBJECT_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")


def _renews_a_statement(view: TextView, start: int, stop: int, last: int) -> bool:
    """Whether a word from ``start`` up to ``stop`` (before ``last``) after «جدد» is something said (التأكيد،
    دعوته، موقف المملكة), also behind the subject or an adjunct («وجدد بسيسو مطالبة الحكومة …»، «جددت في
    الأسبوع الماضي مطالبتها»، «جدد خلاله ترحيبه»)."""
    for j in range(start, min(last, stop)):
        k = cues.strip_conjunction(view.key(j)).removeprefix("ال")
        stems = {k}
        for suffix in _OBJECT_SUFFIXES:
            if k.endswith(suffix) and len(k) - len(suffix) >= 3:
                bare = k[: -len(suffix)]
                stems.update({bare, bare[:-1] + "ه" if bare.endswith("ت") else bare})  # دعوتها: دعوة + ها
        if stems & _RENEWED_STATEMENTS:
            return True
    return False


_LATTER = key_set("الأخير الأخيرة")
_RELAYING = key_set("نقلا")


def _relayed_source(view: TextView, i: int, end: int) -> Mention | None:
    """The source an outlet relays, right after it (or after a comma): «نقلا عن مصادر أمنية»."""
    if i < end and view.tokens[i].text in "،,":
        i += 1
    if view.key(i) not in _RELAYING or view.key(i + 1) != "عن":
        return None
    relayed = parse_mention(view, i + 2, end, subject=True)
    return _issuer_of_document(view, relayed, end) if relayed is not None else None  # نقلا عن بيان للهيئة


def _latter(view: TextView, i: int, start: int) -> Mention | None:
    """Whom «الأخير» after the verb at ``i`` names: the person or body named last before it, in this sentence
    or the one before («بعد أن أعلن الأخير أن …»، «ونفى الأخير أن …»), not a place, nor a body behind a
    preposition, which belongs to a title (المسؤول القيادي بشركة فيسبوك، قال الأخير …)."""
    sentence = view.sentence_of[i]
    floor = view.sentences[sentence - 1].token_start if sentence > 0 else start
    for j in range(i - 1, floor - 1, -1):
        ent = view.entity_of[j]
        if ent is not None and (ent.type == "PERS" or ent.type == "ORG" and not ent.skip) \
                and view.enclosing_pair(j) is None:
            return Mention(ent.first, ent.last, ent.type, "any", name=(ent.first, ent.last))
    return None


def _student(view: TextView, i: int) -> bool:
    """«طالب» read as the noun: enrolled at a school («أن "جورج" طالب في كلية القانون»; not «طالب في اجتماع
    سابق …») or counted after a number («لأكثر من 2600 طالب وطالبة»; not طالبت after a year: في 2011 طالبت …)."""
    if view.key(i + 1) == "في" and cues.strip_conjunction(view.key(i + 2)) in _SCHOOLS:
        return True
    return view.key(i) == "طالب" and i > 0 and view.tokens[i - 1].text[-1:].isdigit()


def _holder_before_title(view: TextView, title: Mention) -> Mention:
    """The person a title is apposed to, when a name stands right before it («الشيخ محمد بن زايد ولي عهد الإمارات،
    الذي أكد …»), or the title itself."""
    before = title.first - 1
    if before > 0 and view.tokens[before].text in "،,":
        before -= 1
    ent = view.entity_of[before] if before >= 0 else None
    if ent is not None and ent.type == "PERS" and ent.last == before + 1:
        return Mention(ent.first, ent.last, "PERS", title.gender, name=(ent.first, ent.last))
    return title


def _subject_before_object(view: TextView, mention: Mention) -> Mention | None:
    """The shortest subject a phrase after a verb opens, when the rest of it is the verb's object (a name or a
    definite noun): «مصدر إماراتي | قطر»، «التحالف | إيران»; None when the whole phrase is the object."""
    for cut in range(mention.first + 1, mention.last):
        if view.entity_starting(cut) is None and not view.key(cut).startswith("ال"):
            continue
        if view.entity_of[cut] is not None and view.entity_of[cut].first < cut:
            continue  # (inside one name)
        if view.entity_starting(cut) is None and (view.key(cut).endswith(("ي", "يه")) or short_adjective(view.key(cut))):
            continue  # (an adjective of the subject: صحيفة "سودويتشه تسايتونغ" الألمانية، النيابة العامة)
        if view.key(cut)[:1] == "و" or view.key(cut).endswith(("يين", "يون")) and view.key(cut - 1).endswith(("ين", "ون")):
            continue  # (one more subject: بريطانيا وفرنسا وألمانيا; a plural's adjective: نقابة الصحافيين الفلسطينيين)
        before = view.key(cut - 1)
        if view.entity_of[cut - 1] is None and not cues.strip_conjunction(before).startswith("ال") \
                and not before.endswith(("ي", "يه", "يون", "يين")) and not before.startswith("لل"):
            # (a word without the article owns what follows: أهالي منطقة سيدي مرشد; not an adjective: مصدر
            # إماراتي | قطر، دبلوماسيون غربيون | موسكو)
            continue
        subject = parse_mention(view, mention.first, cut)
        if subject is None or subject.last != cut:
            continue
        if subject.last - subject.first == 1 and view.entity_of[subject.first] is None \
                and not cues.strip_conjunction(view.key(subject.first)).startswith("ال"):
            continue  # «إدارة | ترامب»، «خبراء | الأمم المتحدة»: a head noun without the article goes with its genitive
        if subject.name is None and subject.type == "UNNAMED" and getattr(view.entity_starting(cut), "type", "") == "PERS":
            continue  # «المواطن | يوسف محمد»: the name after a source noun is its own
        if subject.type == "PERS" and subject.name is None and (
                view.entity_starting(cut) is None or title_phrase_end(view, mention.first, mention.last) > cut
                or getattr(view.entity_starting(cut), "type", "") == "PERS"):
            continue  # «وزير الخارجية جون كيري»: a title, what it goes on with and the name of its holder
        return subject
    return None


# verbs whose object is accused, described or asked «of» something with بـ (اتهم X بـ، وصف X بأنه، طالب X بـ)
_ACCUSING = key_set("اتهم وصف طالب")
_DEMANDING = key_set("طالب")
_ACCUSING_BARE = key_set("اتهم اتهمت وصف وصفت يتهم تتهم يصف تصف طالب طالبت يطالب تطالب")  # (not اتهمه: a pronoun)
# Verbs whose complement opens with «من» (حذر خبراء من …)
_WARN_VERBS = frozenset({"حذر"})
# verbs whose noun after them may be who is addressed (طالب إيران بـ، اتهم لندن بـ، دعا الدول إلى)
_PERSON_OBJECT_VERBS = key_set("طالب دعا حث اتهم ناشد حذر هدد انتقد أدان دان أبلغ أخبر سأل")

# Numbers a noun follows (163 ألف طالب لجوء: asylum seekers, not «he demanded»)
_COUNTS = key_set("ألف آلاف الف الاف مليون ملايين مئات عشرات")

# Words a verbal noun follows (عدم ذكر اسمه، رفض كشف هويته، قرر إعلان النتيجة)
_NOUN_TAKERS = key_set("عدم رفض رفضت يرفض ترفض رفضوا يريد تريد أراد ارادت قرر قررت يقرر طلب طلبت حاول حاولت")


_KANA = key_set("كان وكان فكان كانت وكانت فكانت")


def _subject_after_kana(view: TextView, i: int, start: int) -> Mention | None:
    """The subject between كان and the verb (وكانت وسائل إعلام إسبانية ودولية اتهمت …، وكان الوزير قد
    أعلن …): a source right after كان, with nothing but its own words up to the verb."""
    limit = i - 1 if i - 1 > start and view.tokens[i - 1].text in "،," else i  # وكان الصافي، طالب العبادي
    for k in range(limit - 1, max(start, i - 9) - 1, -1):
        if view.is_punct(k) or cues.lookup_verb(view.key(k)) is not None:
            return None
        if view.key(k) in _KANA:
            m = parse_mention(view, k + 1, limit) if k + 1 < limit else None
            if m is not None and limit < i and m.last < limit:
                return None  # «إذا كانت السعودية تريد …، قال ولي العهد»: before a comma, only the subject itself
            return m
    return None


def _describes_noun_before(view: TextView, i: int, start: int, frame: str) -> bool:
    """A present verb right after an indefinite common noun that is no source (لافتات تطالب …، قرار يدين …;
    but «تحرك يقول صندوق النقد إنه ضروري»: a verb of saying has a clause of its own)."""
    j = i - 1
    if j < start or view.is_punct(j) or view.entity_of[j] is not None or view.key(j).startswith(("ال", "لل")):
        return False
    k = view.key(j)
    return bool(k) and len(k) >= 4 and (k.endswith("ات") or frame != "clause" and common_noun(view, j)) \
        and parse_mention_ending_at(view, i, start) is None and cues.lookup_verb(k) is None


def _opens_with_present_report(view: TextView, i: int, start: int, end: int) -> bool:
    """«ويقول إن …»، «وتقول: …» opening a sentence: the speaker of the sentences before goes on (not the
    impersonal «يعتقد أن» inside a clause)."""
    return i == start and view.key(i) != cues.strip_conjunction(view.key(i)) and i + 1 < end and (
        view.key(i + 1) in ("ان", "إن") or view.tokens[i + 1].text == ":" or i + 1 in view.pair_at_open)


def _present_with_colon(view: TextView, i: int, end: int) -> bool:
    """A present verb without a subject that reports words all the same: a colon follows, and it opens
    its clause (ويضيف: …، أما الناقد …، فيقول: …) or goes with a verb before it (وتابع يقول: …), unlike
    the clause describing a noun (بنص يقول: …)."""
    if not (i + 1 < end and view.tokens[i + 1].text == ":"):
        return False
    return view.key(i) != cues.strip_conjunction(view.key(i)) or view.is_punct(i - 1) or i == 0 \
        or cues.lookup_verb(view.key(i - 1)) is not None


# Verb forms that are also a plural adjective after the noun they describe (لاعبين جدد: new players)
_ADJECTIVE_HOMOGRAPHS = key_set("جدد")
_FAREWELL_FORMS = key_set("ودع ودعت ودعا ودعوا")  # و + دعا, or ودّع (bid farewell)
_FAREWELL_OBJECTS = key_set("البطولة البطولات المونديال المسابقة الدوري المنافسات المنافسة الكأس التصفيات "
                            "النهائيات الحياة الدنيا كأس بطولة مونديال منافسات تصفيات دوري مسابقة")  # (ودعا كأس العالم)
_ATTENTION = key_set("الأنظار")

# «من جهة أخرى جدد …»: an adverbial phrase before the verb, not a noun it describes
_OTHER = key_set("أخرى آخر")


def _object_before_to(view: TextView, i: int, end: int, objects: frozenset[str]) -> bool:
    """One of ``objects`` within the six words after the verb at ``i``, before any «إلى»/«أن»."""
    for j in range(i + 1, min(end, i + 7)):
        if view.key(j) in ("الي", "ان"):
            return False
        if view.key(j) in objects:
            return view.key(j + 1) not in ("الي", "ان") if j + 1 < end else True
    return False


def _after_indefinite_noun(view: TextView, i: int, start: int) -> bool:
    """Right after an untagged indefinite common noun (محافظين، أشخاص), with no comma or particle between."""
    j = i - 1
    if j < start or view.is_punct(j) or view.entity_of[j] is not None or view.key(j) in _OTHER:
        return False
    k = view.key(j)
    return not k.startswith(("ال", "لل")) and (common_noun(view, j) or len(k) >= 5 and k.endswith(("ين", "ون")))


# A document's issuer after it: «بيان صادر عن الجيش»، «تقرير أصدره المجلس …»
_ISSUED_BY = key_set("صادر الصادر صادرة الصادرة صدر")
# What describes a document, between it and its issuer: «بيان صحفي صدر عن …»، «بيان مشترك لوزارتي …»
_DOCUMENT_ADJECTIVES = key_set("صحفي صحافي الصحفي الصحافي رسمي الرسمي مشترك المشترك ختامي الختامي مكتوب المكتوب "
                               "صحفية صحافية الصحفية الصحافية رسمية الرسمية مشتركة المشتركة مكتوبة المكتوبة")
_ISSUED_IT = key_set("أصدره أصدرته نشره نشرته أعده أعدته")
_ON_IT = key_set("عليه عليها عليهم عليهما فوقه فوقها تحته تحتها")
_EXALTED = key_set("تعالى سبحانه")  # قال تعالى: God, quoted from the Quran
_SCHOOLS = key_set("كلية الكلية جامعة الجامعة مدرسة المدرسة معهد المعهد المرحلة الصف قسم السنة الدراسات")
# «لما صرح به …»، «بما أعلنه …»: the relative ما before a verb
_WHAT = key_set("لما بما مما عما")

# A preposition with the pronoun of a relative clause's antecedent (التي أعلنت عنها …): the antecedent is
# what the verb is about, not what was said.
_RESUMPTIVE = key_set("عنه عنها عنهم به بها بهم فيه فيها فيهم منه منها منهم له لها لهم")
# «الذي يعتبر …» is «who is considered …», whatever voice the spelling shows.
_CONSIDERED = frozenset({"اعتبر", "عد"})

_COUNTERPARTS = key_set("ونظيره ونظيرها ونظيرته ونظيرتها ونظراوه ونظيراه")


def _after_counterpart(view: TextView, j: int, end: int) -> int:
    """Past a joint speaker after the first one («قالت ماي ونظيرها الفرنسي برنار كازنوف …»): the content
    starts after both; the first named speaker is the statement's source."""
    if j >= end:
        return j
    if view.key(j) not in _COUNTERPARTS:
        joint = parse_mention(view, j, end) if view.key(j)[:1] == "و" and len(view.key(j)) > 2 else None
        # «أكد المعلمي والسفير ثومسون حرص البلدين …»: a second named speaker joined by و
        return joint.last if joint is not None and joint.type == "PERS" and joint.name is not None else j
    j += 1
    while j < end and (view.key(j) in cues.nationalities() or view.entity_of[j] is not None):
        j = view.entity_of[j].last if view.entity_of[j] is not None else j + 1  # type: ignore[union-attr]
    return j


_VERB_CONTEXT = key_set("كما الذي التي حيث قد وقد")


def _checked_verb(view: TextView, i: int) -> CueForm | None:
    """A cue form that is also a common other word (وبين أن …، كما بين المصدر أن …; not بين البلدين): a
    verb after و/ف or كما/الذي/حيث/قد, with إن/أن within the next four words of the sentence."""
    key = view.key(i)
    bare = cues.strip_conjunction(key)
    form = cues.checked_verbs().get(bare)
    if form is None or (bare == key and view.key(i - 1) not in _VERB_CONTEXT):
        return None
    for j in range(i + 1, min(i + 6, len(view.tokens))):
        if view.key(j) in cues.complementizers():
            return form
        if view.tokens[j].text in ".؟?!:":
            return None
    return None


def _antecedent(view: TextView, i: int, start: int) -> Mention | None:
    """The speaker phrase before the relative pronoun of the verb at ``i`` (الذي قال، الذي كان ينتقد)."""
    relative = i - 1 if cues.strip_conjunction(view.key(i - 1)) in RELATIVES else i - 2
    return antecedent_mention(view, relative, start)


def _agrees_with_relative(view: TextView, i: int, form: cues.CueForm) -> bool:
    """Whether the verb at ``i`` can have the relative pronoun's antecedent as subject: «التي يتوقع أن تصل»
    (masculine after a feminine one) is the impersonal passive (it is expected), «الذي تقول» has its own subject."""
    relative = cues.strip_conjunction(view.key(i - 1))
    if relative in ("كان", "كانت", "كانوا") or view.key(i + 1) in PRONOUN_PPS:
        return True  # the verb agrees with كان; «تصريحات ترامب التي قال فيها»: the clause is about a thing (فيها)
    return not (relative == "التي" and form.gender == "m" or relative == "الذي" and form.gender == "f")


def _describes_a_writer(view: TextView, i: int, form: cues.CueForm) -> bool:
    """«الذي كتب التقرير»، «التي كتبت المقال»: كتب in a relative clause with the work written as its object
    describes someone, and reports nothing."""
    return form.lemma == "كتب" and view.key(i + 1) in _WRITTEN_WORKS and _in_relative_clause(view, i)


def _in_relative_clause(view: TextView, i: int) -> bool:
    """A verb right after a relative pronoun, or after one and كان (الذي كان ينتقد السعودية)."""
    before = cues.strip_conjunction(view.key(i - 1))
    if before in ("كان", "كانت", "كانوا"):
        before = cues.strip_conjunction(view.key(i - 2))
    return before in RELATIVES


def _marked_passive(word: str) -> bool:
    """A past verb written with a damma on its first letter (أُعلن، ذُكر): the passive voice."""
    if word[:1] in "وف" and len(word) > 3:
        word = word[1:]
    return len(word) > 2 and word[1] == "\u064f"


def _maqsura_noun(view: TextView, i: int) -> bool:
    """A verb of final ى written with ي (رأي، نفي) is the noun, unless an إن/أن follows within two words
    (in news text the noun spelling is followed by one about once in 150 times)."""
    if view.key(i) not in cues.maqsura_verb_forms() or not strip_diacritics(view.tokens[i].text).endswith("\u064a"):
        return False
    return not any(view.key(j) in cues.complementizers() for j in (i + 1, i + 2))


def _next_sentence(view: TextView, end: int) -> tuple[int, int] | None:
    """The token range of the sentence that starts at token ``end``."""
    if end >= len(view.tokens):
        return None
    s = view.sentences[view.sentence_of[end]]
    return (s.token_start, s.token_end) if s.token_start == end else None


# Words that say when, between a verb and its subject (not the adverbs of the time-word list: «انتقد أيضا رئيس
# الدولة» has an object after أيضا)
_WHEN = key_set("اليوم أمس امس الليلة مساء صباح ظهر فجر يوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
                "الأول الماضي الماضية مؤخرا أخيرا")


def _past_time_words(view: TextView, i: int, end: int) -> int:
    """Past the time words at ``i`` when a speaker follows them: «وقال أمس وزير الخارجية …»، «صرح
    الأربعاء المتحدث باسم …»، «حسبما أعلن الاثنين مسؤولون» (when, then who); otherwise ``i``."""
    timed = i
    while timed < end and view.key(timed) in _WHEN:
        timed += 1
    if timed == i:
        return i
    timed = _skip_addressee(view, timed, end)
    if timed > i and timed not in view.pair_at_open and parse_mention(view, timed, end) is not None:
        return timed  # (not «نفت الثلاثاء "قطعيا" أن …»: a word in quotation marks says how)
    return i


def _lam_named(view: TextView, first: int, close: int) -> bool:
    """Whether tokens ``first``..``close`` are ل and a name: an outlet (لبي بي سي) or one tagged entity (للجزيرة)."""
    k = view.key(first)
    if not k.startswith("ل") or close - first > 4:
        return False
    hit = outlet_at(view.keys, first)
    if hit is not None and hit[0] > 0 and first + hit[1] == close:
        return True
    ent = view.entity_of[first]
    return ent is not None and ent.first == first and ent.last == close and ent.type != "PERS" \
        and _lam_before_name(view, first, ent.skip)


def _lam_before_name(view: TextView, i: int, skip: int) -> bool:
    """Whether the tagged name at token ``i`` has ل before it: cut off the name (لحزب الله، لـCNN), or merged
    with its article (للجزيرة)."""
    k = view.key(i)
    return skip > 0 and view.tokens[i].text[:skip].rstrip("ـ").endswith("ل") or k.startswith("لل") and len(k) > 4


_ABOUT_PRONOUNS = key_set("عنه عنها عنهم عنهما")
_TO = key_set("إلى")  # normalized like a definite word (الي), but no subject


def _skip_addressee(view: TextView, i: int, end: int) -> int:
    """«قال لـ"سكاي نيوز عربية" مصدر عسكري …»: an addressee can stand before the subject."""
    k = view.key(i)
    if k in _ABOUT_PRONOUNS and i + 1 < end and parse_mention(view, i + 1, end) is not None:
        return i + 1  # «المالكي الذي يقول عنه نائب رئيس الوزراء …»: about him, then who says it
    if (pair := view.pair_at_open.get(i)) is not None and pair.close < end and _lam_named(view, pair.open + 1, pair.close):
        return pair.close + 1  # «كشف «للجزيرة» رئيس البلدية …»: the outlet addressed, its ل inside the marks
    if i >= end or not k.startswith("ل"):
        return i
    if k in cues.ADDRESSEE_PRONOUNS:
        return i + 1  # «وقال لنا الوزير»، «يقول لي المعدون»: to us, to me
    ent = view.entity_starting(i)
    if ent is not None and ent.last < end and _lam_before_name(view, i, ent.skip):
        return ent.last  # «لحزب الله»، «للجزيرة»، «لـCNN»: a name behind the preposition ل is addressed, it does not speak
    j = i + 1
    if k in ("ل", "لـ") or _media_word(k[1:]):  # not لافروف: only a bare ل or ل + an outlet noun
        if j < end and j in view.pair_at_open:
            return view.pair_at_open[j].close + 1
        if j < end and view.entity_of[j] is not None:
            return view.entity_of[j].last  # type: ignore[union-attr]
    return i


# What one writes, after كتب in a relative clause its object: «التي كتبت المقال» (not «the article wrote»).
_WRITTEN_WORKS = key_set("التقرير المقال الكتاب الرسالة الدراسة البحث الخبر القصة الرواية القصيدة التغريدة المنشور "
                         "البيان الورقة المذكرة الكلمة الخطاب السيناريو الأغنية")

_DOCUMENT_VERBS = key_set("جاء وجاء ورد وورد")
_DOCUMENTS = key_set("بيان البيان بيانات البيانات تقرير التقرير رسالة الرسالة كلمة الكلمة خطاب الخطاب تغريدة التغريدة منشور المنشور "
                     "بلاغ البلاغ مذكرة المذكرة")


def _document_statement(view: TextView, i: int, end: int) -> Draft | None:
    """«وجاء في بيان لوزارة الخارجية أن …»: the document's issuer (or the document) speaks."""
    doc = i + 2
    if view.key(doc) not in _DOCUMENTS:
        return None
    mention = Mention(doc, doc + 1, "ORG", "m", name=(doc, doc + 1))
    owner = _document_owner(view, doc, end)
    if owner is not None:
        mention = owner
    opened = _content_start(view, (owner.last if owner else doc + 1), end, "clause", window=20)
    if opened is None:
        return None
    first, kind_hint = opened
    last = _quote_end(view, first, end) if kind_hint == "quote" else _content_end(view, first, end)
    if last <= first:
        return None
    form = CueForm(view.key(i).lstrip("و") or view.key(i), "verb", mention.gender, "clause", "past")
    return _make_draft(view, first, last, kind_hint, form, (i, doc + 1), mention, rule="document")


def _issuer_of_document(view: TextView, mention: Mention, end: int) -> Mention:
    """The issuer, when the mention names a document (بحسب بيان صادر عن الجيش، وفقا لبيان لوزارة الصحة،
    وقال بيان وزارة الخارجية): the body that issued it speaks; otherwise the mention itself."""
    doc = view.key(mention.first)
    if doc in _DOCUMENTS or doc[:1] == "ل" and doc[1:] in _DOCUMENTS:
        after = view.key(mention.first + 1)
        if doc.startswith(("ال", "لل")) and not (after[:1] == "ل" or after in _ISSUED_BY):
            return mention  # «وأوصى التقرير إدارات المطارات»: a definite document has no genitive issuer
        owner = _document_owner(view, mention.first, end)
        if owner is not None and owner.first < mention.last + 3:
            return owner
    return mention


def _document_owner(view: TextView, doc: int, end: int) -> Mention | None:
    """Who issued the document named at ``doc``: «بيان لوزارة الخارجية»، «بيان صادر عن الجيش»."""
    owner_at = doc + 1
    if view.key(owner_at) in _DOCUMENT_ADJECTIVES:
        owner_at += 1  # «بيان صحفي»: the statement's kind, not its issuer (صحفي is also «journalist»)
    if view.key(owner_at) in _ISSUED_BY and view.key(owner_at + 1) == "عن":
        owner_at += 2
    elif view.key(owner_at) in _ISSUED_IT:
        owner_at += 1  # «تقرير أصدره المجلس النرويجي للمستهلك»
    return _owner_mention(view, owner_at, end)


def _owner_mention(view: TextView, i: int, end: int) -> Mention | None:
    """The issuer after a document noun: «لوزارة الخارجية» (ل fused to the head) or «عن X»."""
    k = view.key(i)
    mention = parse_mention(view, i, end)
    if mention is None and k.startswith("ل") and not k.startswith("لل"):
        orgs = cues.organizations()
        bare = k[1:]
        if bare not in orgs and "ال" + bare not in orgs:
            return None
        j = i + 1
        while j < end and view.key(j) and view.key(j) not in cues.time_words() and (
                view.key(j).startswith("ال") or view.entity_of[j] is not None
                or j == i + 1 and j + 1 < end and view.key(j + 1).startswith("ال") and not view.is_punct(j)
                and cues.lookup_verb(view.key(j)) is None and view.key(j) not in cues.complementizers()):
            j += 1  # لوزارة الخارجية، لهيئة تفتيش السجون البريطانية (not «الثلاثاء»)
        mention = Mention(i, j, "ORG", orgs.get(bare, "f"), name=(i, j), skip=1)
    pair = view.pair_at_open.get(mention.last) if mention is not None and mention.type == "ORG" else None
    if mention is not None and pair is not None and pair.close < end and pair.close - pair.open <= 6 \
            and mention.name is not None and mention.name[1] == mention.last:
        # لوكالة "ميزان أونلاين"، لمنظمة «هيومن رايتس ووتش»: the body's name in quotation marks
        mention = replace(mention, last=pair.close + 1, name=(mention.name[0], pair.close + 1))
    return mention


def _quote_end(view: TextView, first: int, end: int) -> int:
    """A statement opened by a quotation ends with it, unless the sentence goes on quoting
    («…» و«…»: split quotes) without a new cue."""
    pair = view.pair_at_open[first]
    last = pair.close + 1
    while last + 1 < end and view.key(last) == "و" and last + 1 in view.pair_at_open:
        last = view.pair_at_open[last + 1].close + 1
    return last


def _participle_statement(
    view: TextView, i: int, start: int, end: int, form: CueForm, earlier: list[Draft]
) -> Draft | None:
    after_comma = view.key(i - 1) == "" and view.tokens[i - 1].text in "،,"
    opens_clause = i + 1 < end and (
        view.tokens[i + 1].text == ":" or i + 1 in view.pair_at_open or view.key(i + 1) in cues.complementizers()
    )
    if not (after_comma or opens_clause or any(d.content[1] <= i for d in earlier)):
        return None
    body_from = i + 2 if i + 1 < end and cues.honorific_pronoun(view.key(i + 1)) else i + 1  # لافتاً سموه النظر إلى
    opened = _content_start(view, body_from, end, form.frame, window=8)
    if opened is None or any(d.content[0] == opened[0] for d in earlier):
        return None  # (or the verb before it reported this content: «وأشار الوزير قائلا: …»)
    first, kind_hint = opened
    last = _content_end(view, first, end)
    if last <= first or _declines_to_speak(view, form, first, kind_hint):
        return None
    draft = _make_draft(view, first, last, kind_hint, form, (i, i + 1), None, rule="participle", carried=True)
    if any(d.content[0] == draft.content[0] for d in earlier):
        return None  # the same content once its quotation marks are off («ورد ثيو قائلا: "…"»)
    return draft


def _relay_statement(view: TextView, i: int, end: int, relay: CueForm) -> Draft | None:
    """نقلت وكالة X عن Y قوله … / نسبت X إلى Y قوله …: the statement is Y's."""
    outlet = parse_mention(view, i + 1, end)
    j = outlet.last if outlet is not None else i + 1
    for p in range(j, min(j + 12, end)):  # the outlet's name may run on (مراسل بي.بي.سي ستيف روزنبرج)
        if view.key(p) == relay.frame or (view.key(p).startswith(relay.frame) and len(view.key(p)) > len(relay.frame)):
            real = parse_mention(view, p + 1, end, subject=True)
            if real is None:
                return None
            body = real.last
            gender: Gender = real.gender if real.gender != "any" else "any"
            for q in range(real.last, min(real.last + 12, end)):  # past an apposed title and where it is held
                if view.key(q) in SPEECH_OBJECT_NOUNS:
                    body = q + 1
                    # قوله، قولها، قولهم: the suffix tells the quoted person's gender (the verb agrees with the outlet)
                    k = view.key(q)
                    gender = "pl" if k.endswith(("هم", "هما")) else "f" if k.endswith("ها") else "m"
                    break
            opened = _content_start(view, body, end, "np", window=4)
            if opened is None:
                return None
            first, kind_hint = opened
            last = _content_end(view, first, end)
            if last <= first:
                return None
            form = CueForm(relay.lemma, "relay", gender, "np")
            draft = _make_draft(view, first, last, kind_hint, form, (i, i + 1), real, rule="relay")
            return replace(draft, outlet=outlet)
    return None


def _content_start(view: TextView, p: int, end: int, frame: str, *, window: int = 40,
                   through_participle: bool = False) -> tuple[int, str] | None:
    """Where the reported content begins after the speaker, and how it was opened. With
    ``through_participle``, a verb of saying reads past a participle of saying right after its speaker.

    Returns:
        (first content token, "compl" | "colon" | "quote" | "np"), or None when nothing is reported.
    """
    limit = min(end, p + (window if frame == "clause" else min(window, 14)))
    i = p
    participle_at, participle_frame = -1, "clause"
    while i < limit:
        k = view.key(i)
        text = view.tokens[i].text
        if k in cues.complementizers() and view.key(i - 1) not in _NOT_OPENERS:
            return i + 1, "compl"
        if text == ":" and not _clock_colon(view, i):
            return i + 1, "colon"
        pair = view.pair_at_open.get(i)
        if pair is not None:
            if _is_name_quote(view, pair):
                i = pair.close + 1
                continue
            return i, "quote"
        verb = cues.lookup_verb(k) if k else None
        if verb is not None and not _maqsura_noun(view, i) and cues.strip_conjunction(view.key(i - 1)) not in _NOUN_TAKERS \
                and not (verb.tense == "present" and _in_relative_clause(view, i) and not view.key(i + 1).startswith("ال")) \
                and not _describes_a_writer(view, i, verb):
            if verb.kind == "participle":
                participle_at, participle_frame = i, verb.frame
            break  # another statement (a verb or a participle of manner) starts before any content;
            # «، والذي يعتبر مهندس الاتفاق، إن …» describes the speaker («التي تقول المعارضة» does not)
        if text in ".؟?!":
            break
        i += 1
    first = _skip_adjuncts(view, _past_apposed_title(view, p, end), end)
    if first >= end or view.is_punct(first) and not view.is_mark(first):
        return None
    if (participle_at == first or participle_at > first and view.key(first) in _SETTING_PREPOSITIONS
            and not any(view.tokens[j].text in "،," for j in range(first, participle_at))) \
            and (frame != "clause" or through_participle and participle_frame == "clause"
                 and not any(view.is_punct(j) for j in range(p, participle_at))):
        # a participle of manner after the speaker and where he spoke says how the verb reports: «وأشار الوزير
        # (في تصريح صحفي) قائلا: …»، «وغرد سعوديون قائلين: …» is one statement (but «أشار إلى أهمية الحوار
        # قائلا» reports twice, and so do «"…"، يقول سلطان بن سحيم، مبيناً أن …» and «وقال أحد السكان رافضا كشف
        # اسمه: "…"»: after a verb of saying, only a participle of saying, right after the speaker)
        return _content_start(view, participle_at + 1, end, participle_frame, window=8)
    if frame == "clause":
        return None
    while first < end and view.key(first) in _LEADING_PREPOSITIONS:
        first += 1
    return (first, "np") if first < end else None


_SETTING_PREPOSITIONS = key_set("في خلال أمام عبر")
# Words of a date around a month's name: في مطلع مايو، في عام 1991، في الثامن من أيار/مايو الماضي
_DATE_WORDS = key_set("عام العام سنة شهر مطلع منتصف أواخر أوائل نهاية بداية")
_DATE_TAIL = key_set("الماضي الماضية الحالي الجاري المقبل القادم")
_ORDINAL_DAYS = key_set("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")


def _date_end(view: TextView, j: int, end: int) -> int:
    """The token after a date starting at ``j`` (ديسمبر الماضي، 24 حزيران/يونيو، عام 1991، السادس من
    ديسمبر، كانون الثاني), or ``j`` when none starts there: a month's name, or a year after عام, makes it one."""
    months = cues.months()
    first, dated = j, False
    while j < end and j - first < 8:
        k, text = view.key(j), view.tokens[j].text
        if k in months:
            dated = True
            j += 2 if view.key(j + 1) in ("الاول", "الثاني") and k in ("كانون", "تشرين") else 1
        elif (k in _ORDINAL_DAYS or text[:1].isdigit()) and view.key(j + 1) == "من" and view.key(j + 2) in months:
            j += 2  # السادس من ديسمبر، 24 من يونيو
        elif text[:1].isdigit():
            dated = dated or len(text) == 4 and view.key(j - 1) in ("عام", "العام")
            j += 1
        elif text == "/" or k in _DATE_WORDS or k in _DATE_TAIL and dated:
            j += 1
        elif text == "(" and view.key(j + 1) in months and j + 2 < end and view.tokens[j + 2].text == ")":
            j += 3  # تموز (يوليو)
        else:
            break
    return j if dated else first


# Attribution markers that open a comma-bounded aside between a speaker and what he said (بحسب، وفقا لما …);
# حسب and وفق too here, where no name can stand
_ASIDE_MARKERS = SOURCE_MARKERS | key_set("حسب وفق")


def _clock_colon(view: TextView, i: int) -> bool:
    """A colon written between two numbers without spaces: a time or a score (الساعة 17:30، فاز 2:1)."""
    t = view.tokens
    return 0 < i < len(t) - 1 and t[i - 1].end == t[i].start and t[i].end == t[i + 1].start \
        and t[i - 1].text[-1:].isdigit() and t[i + 1].text[:1].isdigit()


def _past_apposed_title(view: TextView, p: int, end: int) -> int:
    """Past a title in apposition after the speaker's name, which is no content (كشف جون كيري وزير
    الخارجية الأمريكي عن …، ورئيس …: several roles too). A title followed by a name is the verb's
    object (وصف السديس ولي العهد الأمير محمد بن سلمان بـ…), and a title closed by a comma is left to
    the comma-bounded asides."""
    if p >= end:
        return p  # the verb ends the sentence: nothing after it
    start = p + 1 if view.tokens[p].text in "،," and p + 1 < end else p
    if start > p and _apposition_end(view, p, end) is not None:
        return p
    j = start
    while (after := title_phrase_end(view, j, end)) > j:
        j = after
    ent = view.entity_starting(j) if j < end else None
    if j == start or j >= end or view.is_punct(j) or ent is not None and ent.type == "PERS":
        return p
    return j


_AGED = key_set("البالغ البالغة")
_YEARS = key_set("عاما عام سنة سنه اعوام سنوات")


def _age_phrase_end(view: TextView, i: int, end: int) -> int:
    """The token after «البالغ من العمر 55 عاما» starting at ``i``, or ``i``."""
    if i + 4 < end and view.key(i) in _AGED and view.key(i + 1) == "من" and view.key(i + 2) == "العمر" \
            and view.tokens[i + 3].text[:1].isdigit() and view.key(i + 4) in _YEARS:
        return i + 5
    return i


def _skip_adjuncts(view: TextView, i: int, end: int) -> int:
    """Skip time words, addressees (للصحفيين، لقناة «العربية») and comma-bounded asides."""
    while i < end:
        k = view.key(i)
        text = view.tokens[i].text
        if text in "،,":
            i = _apposition_end(view, i, end) or i + 1
        elif k in cues.time_words() or k in ("يوم", "مساء", "صباح"):
            i += 1
        elif text == "(" and i + 2 < end and view.key(i + 1) in cues.time_words() and view.tokens[i + 2].text == ")":
            i += 3  # اليوم (السبت)
        elif k == "من" and view.key(i + 1) == "جديد":
            i += 2  # «أكد من جديد أنه …»: anew
        elif k == "علي" and view.key(i + 1) == "لسان" and (comma := next(
                (j for j in range(i + 2, min(end, i + 12)) if view.tokens[j].text in "،,"), None)) is not None:
            i = comma + 1  # «، على لسان "مصدر مسؤول" بوزارة خارجيتها،»: through whom, not what
        elif k == "في" and (dated := _date_end(view, i + 1, end)) > i + 1:
            i = dated  # «أعلن في السادس من ديسمبر الماضي اعترافه …»: when, not what
        elif k in ON_BEHALF and (to := next((j for j in range(i + 1, min(end, i + 16))
                                             if view.key(j) == "عن" or view.tokens[j].text in "،,"), None)) is not None \
                and view.key(to) == "عن":
            # «أعرب الملك باسمه واسم شعب وحكومة المملكة عن أصدق التهاني»: on whose behalf (up to the عن of
            # أعرب عن), not what
            i = to
        elif view.tokens[i - 1].text in "،," and (k in _ASIDE_MARKERS or cues.strip_conjunction(k) in _ASIDE_MARKERS) \
                and (comma := next((j for j in range(i + 1, min(end, i + 12)) if view.tokens[j].text in "،,"),
                                   None)) is not None:
            i = comma + 1  # «، وفقا لما نقلته وكالة الأنباء الرسمية،»: who relayed it, not what was said
        elif k.startswith("ل") and not k.startswith("لل") and (view.entity_of[i] is not None or _media_word(k[1:])):
            i += 1
            while i < end and (view.entity_of[i] is not None or view.key(i).startswith("ال")):
                i += 1
            if i in view.pair_at_open and _is_name_quote(view, view.pair_at_open[i]):
                i = view.pair_at_open[i].close + 1
        elif k in ("للصحفيين", "للصحافيين", "للصحافه", "للصحفيات", "للاعلام"):
            i += 1
        elif k == "ل" and (pair := view.pair_at_open.get(i + 1)) is not None and pair.close - pair.open <= 5:
            i = pair.close + 1  # لـ "الجوهرة اف أم": the outlet told
        elif k in ("في", "من") and (ent := view.entity_starting(i + 1)) is not None and ent.type == "LOC":
            i = ent.last  # في موسكو
        elif (age := _age_phrase_end(view, i, end)) > i:
            i = age  # البالغ من العمر 55 عاما: the speaker's age, not what was said
        elif k in ("في", "خلال", "عقب", "بعد") and (view.key(i + 1) in _ADJUNCT_NOUNS or view.key(i + 1) in (
                "اول", "اخر") and view.key(i + 2) in _ADJUNCT_NOUNS):  # في أول بيان لها
            j = i + 1
            while j < end and view.tokens[j].text not in "،,:" and view.key(j) not in cues.complementizers():
                if view.pair_at_open.get(j) is not None:
                    j = view.pair_at_open[j].close
                j += 1
            if j < end and view.tokens[j].text in "،,":
                i = j + 1
            else:
                return i
        else:
            return i
    return i


def _apposition_end(view: TextView, comma: int, end: int) -> int | None:
    """After «، الخبير الاقتصادي التوجولي،» (a description of the speaker between commas): the token after it."""
    first = comma + 1
    k = view.key(first)
    if not (k.startswith("ال") or k in ("احد", "احدي") or k in cues.titles()):
        return None
    j = first + 1
    while j < min(end, first + 10):
        text = view.tokens[j].text
        if text in "،,":
            return j + 1 if j > first else None
        if (pair := view.pair_at_open.get(j)) is not None and _is_name_quote(view, pair):
            j = pair.close + 1  # «، زعيم حركة «خمس نجوم»،»: a body's name inside the aside
            continue
        if text in ".؟?!:" or j in view.pair_at_open or view.key(j) in cues.complementizers():
            return None
        if cues.lookup_verb(view.key(j)) is not None:
            return None
        j += 1
    return None


def _media_word(k: str) -> bool:
    return k in cues.media_nouns() or ("ال" + k) in cues.media_nouns()


def _is_name_quote(view: TextView, pair: object) -> bool:
    """Quotation marks around a name or title (صحيفة "واشنطن بوست"، «داعش»), not a statement."""
    from .quotemarks import QuotePair

    assert isinstance(pair, QuotePair)
    words = [j for j in range(pair.open + 1, pair.close) if view.key(j)]
    before = view.key(pair.open - 1)
    if len(words) <= 5 and (_media_word(before) or before in cues.organizations()
                            or before.startswith("ل") and _media_word(before[1:])):
        return True  # شركة "آي إتش إس ماركت": a body's name, up to five words
    body = view.entity_starting(pair.open + 1)
    outlet = outlet_at(view.keys, pair.open + 1)
    if len(words) <= 5 and (body is not None and body.type == "ORG" and body.last == pair.close
                            or outlet is not None and outlet[1] == pair.close - pair.open - 1):
        return True  # مصادر "سكاي نيوز عربية": a body or an outlet named, whatever stands before
    if len(words) <= 3 and pair.open > 0 and view.entity_of[pair.open - 1] is None and before[:2] != "ال" \
            and before not in cues.titles() and before not in cues.unnamed_heads() and common_noun(view, pair.open - 1) \
            and cues.lookup_verb(before) is None:
        return True  # انخفاض مؤشر «ستوكس يوروب 600»: a thing named after the noun it is (not «وقال مسؤول "…"»)
    if len(words) >= 4:
        return False
    if before == "ل":
        return True  # في تصريح لـ"الجوهرة أف أم": the outlet addressed
    return len(words) <= 2


def _content_end(view: TextView, first: int, end: int) -> int:
    """Where the content stops: the sentence end, a participle or a new cue, a trailing بحسب."""
    i = first
    while i < end:
        pair = view.pair_at_open.get(i)
        if pair is not None and pair.close < end:
            i = pair.close + 1
            continue
        k = view.key(i)
        text = view.tokens[i].text
        form = cues.lookup_verb(k) if k else None
        if i > first and form is not None and form.kind == "participle" and _participle_opens(view, i, end):
            return i
        if text in "،,؛;" and i + 1 < end:
            nxt = view.key(i + 1)
            nform = cues.lookup_verb(nxt) if nxt else None
            if nform is not None and nform.kind == "verb" and not _closes_apposed_name(view, first, i):
                return i
            if _marker_at(view, i + 1) is not None:
                return i
            if nxt in _RELATIVE_OPENERS and _cue_with_subject(view, i + 2, end):
                return i
            if (nxt, view.key(i + 2)) in _OPENER_PHRASES:
                return i
            if nxt in _CONNECTIVES and _is_verb_cue(view, i + 2):
                return i
            if (nxt, view.key(i + 2)) in _CONNECTIVE_PAIRS and _is_verb_cue(view, i + 3):
                return i
            if nxt in _TOPIC_SHIFTS:
                return i
        if i > first and k and k[0] in "وف" and form is not None and form.kind == "verb" and k != form.lemma:
            return i  # وشدد، وأضاف without a comma
        i += 1
    return end


def _closes_apposed_name(view: TextView, first: int, comma: int) -> bool:
    """The comma at ``comma`` closes a name apposed to the content's subject («إن الرئيس الأمريكي، دونالد
    ترامب، وعد …»): the verb after it is that subject's, inside the content."""
    ent = view.entity_of[comma - 1] if comma > first else None
    return ent is not None and ent.type == "PERS" and ent.last == comma and ent.first - 1 > first \
        and view.tokens[ent.first - 1].text in "،,"


def _is_verb_cue(view: TextView, i: int) -> bool:
    form = cues.lookup_verb(view.key(i))
    return form is not None and form.kind == "verb"


def _participle_opens(view: TextView, i: int, end: int) -> bool:
    nxt = view.key(i + 1)
    return bool(
        nxt in cues.complementizers()
        or nxt in _LEADING_PREPOSITIONS
        or view.tokens[i + 1].text == ":" if i + 1 < end else False
    ) or view.key(i - 1) == "" or (i + 1 < end and view.is_mark(i + 1))


def _cue_with_subject(view: TextView, i: int, end: int) -> bool:
    form = cues.lookup_verb(view.key(i))
    return form is not None and form.kind == "verb" and parse_mention(view, i + 1, end) is not None


def _make_draft(
    view: TextView,
    first: int,
    last: int,
    opened: str,
    form: CueForm,
    cue_span: tuple[int, int],
    mention: Mention | None,
    *,
    rule: str,
    carried: bool = False,
) -> Draft:
    first, last = _trim(view, first, last)
    kind: QuoteKind = "indirect"
    pair = view.pair_at_open.get(first)
    if pair is not None and pair.close == last - 1:
        first, last, kind = first + 1, last - 1, "direct"
        if view.key(first) in cues.complementizers():
            first += 1
    elif _quoted_share(view, first, last) >= 0.6:
        kind = "direct"
    if view.key(first) in cues.complementizers() and last - first > 2:
        first += 1
    gender = mention.gender if mention is not None and mention.gender != "any" else form.gender
    confidence = 0.9 if mention is not None else 0.7
    if opened == "np":
        confidence -= 0.2
    return Draft(
        content=(first, last),
        kind=kind,
        rule=rule + ("" if opened == "np" else f".{opened}"),
        cue_span=cue_span,
        cue_lemma=form.lemma,
        cue_kind=form.kind,
        gender=gender if form.kind != "participle" else form.gender,
        mention=mention,
        carried=mention is None,
        confidence=round(confidence, 2),
    )


_PERCENT_SIGNS = frozenset("%٪‰")


def _trim(view: TextView, first: int, last: int) -> tuple[int, int]:
    """Drop punctuation at both ends, but keep a closing mark whose opening mark is kept, and a
    page-title tail in another script («… - It's Over 9000»)."""
    for dash in range(last - 1, first, -1):
        if view.tokens[dash].text in ("-", "–", "—", "|") and not any(
            has_arabic(view.tokens[j].text) for j in range(dash + 1, last)
        ):
            last = dash
            break
    while first < last and view.is_punct(first) and first not in view.pair_at_open:
        first += 1
    while last > first and view.is_punct(last - 1):
        if last - 1 in view.pair_at_close and view.pair_at_close[last - 1].open >= first:
            break
        if view.tokens[last - 1].text in _PERCENT_SIGNS and view.tokens[last - 2].text.isdigit():
            break  # «بنسبة 25%»: the sign belongs to the number
        last -= 1
    return first, last


def _quoted_share(view: TextView, first: int, last: int) -> float:
    inside = 0
    for p in view.pairs:
        if first <= p.open and p.close < last:
            inside += p.close - p.open - 1
    return inside / max(1, last - first)


# --- direct quotations whose cue follows them («…»، قال X) -----------------------------------


def _fronted_for_cue(
    view: TextView, i: int, start: int, form: CueForm, mention: Mention | None
) -> Draft | None:
    j = i - 1
    while j >= start and view.tokens[j].text in "،,-–":
        j -= 1
    pair = view.pair_at_close.get(j)
    if pair is None or _is_name_quote(view, pair) or (mention is None and j == i - 1):
        return None  # «…» أضاف with no comma between is a run-on, not a fronted quote
    return _make_draft(view, pair.open, pair.close + 1, "quote", form, (i, i + 1), mention, rule="direct.fronted")


_PRONOUN_GENDER: dict[str, Gender] = {"ه": "m", "ها": "f", "هم": "pl", "هما": "pl"}
_SAYING_NOUNS = ("تعبير", "قول", "وصف", "ادعاء", "زعم")


def _quote_with_saying_noun(view: TextView, start: int, end: int, found: list[Draft]) -> list[Draft]:
    """«…»، على حد تعبيره / وفق قوله: a quotation whose speaker is the one in context."""
    drafts = []
    for pair in view.pairs:
        if not (start <= pair.open and pair.close < end) or _is_name_quote(view, pair):
            continue
        if any(d.content[0] <= pair.open < d.content[1] for d in found):
            continue
        j = pair.close + 1
        while j < end and view.tokens[j].text in "،,":
            j += 1
        marker = _marker_at(view, j)
        words = 1 if marker is None else max(1, marker[0])
        noun = view.key(j + words) if marker is not None else ""
        if marker is None and view.key(j) in ("وفق", "حسب") and view.key(j + 1):
            noun, words = view.key(j + 1), 1
        for stem in _SAYING_NOUNS:
            if noun.startswith(stem) and noun[len(stem) :] in _PRONOUN_GENDER:
                gender = _PRONOUN_GENDER[noun[len(stem) :]]
                form = CueForm(stem, "nominal", gender, "clause")
                drafts.append(_make_draft(view, pair.open, pair.close + 1, "quote", form, (j, j + words + 1), None,
                                          rule="direct.saying_noun"))
                break
    return drafts


# --- colon quotes (لافروف: اتفاق قريب …) -------------------------------------------------------


def _colon_statement(view: TextView, start: int, end: int) -> Draft | None:
    for c in range(start + 1, min(end, start + 8)):
        if view.tokens[c].text != ":":
            continue
        if cues.lookup_verb(view.key(c - 1)) is not None:
            return None  # وأضاف: … is a cue verb's statement
        mention = parse_mention(view, start, c)
        if mention is None:
            bare = bare_name(view, start, c)
            # a headline «لافروف: …»: an untagged name counts when the article names that person elsewhere
            if bare is not None and all(view.key(j) in view.person_words for j in range(bare.first, bare.last)):
                mention = bare
        if mention is None:
            return None
        addressed = mention.last != c and _addressed_outlet_ends(view, mention.last, c)  # «جون كيري لـCNN: …»
        if mention.last != c and not addressed:
            return None
        if mention.type == "UNNAMED" and mention.last - mention.first < 2 and not addressed:
            return None  # «مصادر: …» alone is a topic label; «مصادر لـCNN: …» is sourced
        if mention.type == "PERS" and mention.name is None and mention.last - mention.first < 2:
            return None
        if c + 1 >= end or _dateline(view, mention, c):
            return None
        form = CueForm(":", "colon", mention.gender, "clause")
        last = _content_end(view, c + 1, end)
        if last - (c + 1) < 2:
            return None
        return _make_draft(view, c + 1, last, "colon", form, (c, c + 1), mention, rule="colon")
    return None


def _addressed_outlet_ends(view: TextView, i: int, end: int) -> bool:
    """Whether tokens ``i``..``end`` are «ل» + a news outlet (لـCNN، لبي بي سي، ل بي بي سي) or + the
    people addressed (أمير نجران لأهالي شرورة: …)."""
    if view.key(i) == "ل":
        i += 1
    elif not view.key(i).startswith("ل"):
        return False
    elif addressed_after_lam(view.key(i)):
        nxt = view.entity_starting(i + 1)
        return i + 1 == end or nxt is not None and nxt.last == end
    hit = outlet_at(view.keys, i)
    return hit is not None and i + hit[1] == end


def _dateline(view: TextView, mention: Mention, colon: int) -> bool:
    """«أريانة : وفاة 3 أشخاص»، «القريات: مهرجان كاف ينطلق غدا»: a place set off by a spaced colon, or a
    place followed by a common noun without the article, is the news item's place and topic, not a
    statement (a capital that speaks, «موسكو: لن نسمح …»، «موسكو: الغرب يتحمل …», is written against its
    colon and goes on with a verb, a name or a definite noun)."""
    from .ner.features import shipped_lexicon

    ent = view.entity_starting(mention.first)
    if ent is None or ent.type != "LOC" or ent.last != colon:
        return False
    if view.tokens[colon].start > view.tokens[colon - 1].end:
        return True
    first = view.key(colon + 1)
    if first in _HEADLINE_OPENERS or first == "ما" and view.key(colon + 2) in ("الذي", "التي", "هو", "هي"):
        return True  # «تشاد: لماذا استقال …»، «السعودية: ما الذي حققته …»، «تركيا: مقتل 30 في …»
    entry = shipped_lexicon().get(first)
    return bool(first) and not first.startswith("ال") and entry is not None and entry[1] in ("2", "3")


# Words that open a headline's topic rather than anyone's words: questions, and the nouns of death tolls
# (which the corpus seldom writes with the article, unlike the other nouns of news topics)
_HEADLINE_OPENERS = key_set("لماذا كيف ماذا متى أين هل مقتل مصرع")


# --- nominal attributions (بحسب X، وفقا لـ X) --------------------------------------------------


def _marker_at(view: TextView, i: int) -> tuple[int, str] | None:
    """The attribution marker starting at token ``i``: (tokens it spans, lemma)."""
    markers, starts = cues.attribution_markers(), cues.attribution_marker_starts()
    key = view.key(i)
    bare = cues.strip_conjunction(key)
    if key not in starts and bare not in starts:
        return None
    for first in dict.fromkeys((key, bare)):
        for length in (3, 2, 1):
            words = (first, *view.keys[i + 1 : i + length])
            if len(words) == length and words in markers:
                return length, markers[words]
            # وفقا للوزارة: the ل of the marker is fused with the noun
            if length == 2 and (first, "ل") in markers and view.key(i + 1).startswith("ل"):
                return -1, markers[(first, "ل")]
    return None


def _nominal_statement(view: TextView, i: int, start: int, end: int) -> Draft | None:
    marker = _marker_at(view, i)
    if marker is None:
        return None
    length, lemma = marker
    if length == -1:  # the noun carries the ل (وفقا لوزارة الصحة): the speaker starts inside it
        mention = _owner_mention(view, i + 1, end)
        if mention is None:
            return None
        return _nominal_with(view, i, start, end, (i, i + 1), lemma, mention)
    else:
        mention_at, span = i + length, (i, i + length)
    inner = None
    if view.key(mention_at) == "ما" or view.key(mention_at - 1).endswith("ما"):
        mention_at += 1 if view.key(mention_at) == "ما" else 0
        if view.key(mention_at) in _DOCUMENT_VERBS:
            return None  # «وبحسب ما ورد …»: as reported, by no one named (ورد is not و + رد here)
        inner = cues.lookup_verb(view.key(mention_at)) or cues.lookup_relay(view.key(mention_at))
        if inner is not None:
            mention_at += 1
            if view.key(mention_at) in PRONOUN_PPS:
                mention_at += 1  # بحسب ما أفاد به المسؤول
            mention_at = _past_time_words(view, mention_at, end)
    # after «بحسب ما أعلن» a subject stands: an untagged name is trusted there (توماس باخ رئيس اللجنة)
    mention = parse_mention(view, mention_at, end, subject=inner is not None)
    if mention is None:
        return None
    return _nominal_with(view, i, start, end, span, lemma, mention, verbal=inner is not None)


# «بحسب …، فإن …»: what opens the content after a fronted source
_THEN_WORDS = frozenset({"فان", "فانه", "فانها", "فقد"})


def _nominal_with(
    view: TextView, i: int, start: int, end: int, span: tuple[int, int], lemma: str, mention: Mention,
    *, verbal: bool = False,
) -> Draft | None:
    if view.key(mention.last) == "عن":  # بحسب ما نقلت وكالة X عن مصادر …: the source, not the outlet
        relayed = parse_mention(view, mention.last + 1, end, subject=True)
        if relayed is not None:
            mention = relayed
    mention = _issuer_of_document(view, mention, end)
    form = CueForm(lemma, "nominal", mention.gender, "np")
    leading = i == start or view.key(i - 1) in ("و", "") and i - 1 == start
    if leading:
        j = mention.last
        window_from = j
        if mention.type == "PERS" and head_key(view.key(j))[0] in cues.titles():
            # «وبحسب بول ستانفيلد مدير قسم الجريمة المنظمة في "إنتربول"، كشفت …»: a title in apposition
            j = window_from = title_phrase_end(view, j, end)
        while cues.strip_conjunction(view.key(j)) in RELATIVES:
            # «وفق الوثائق التي تنشرها المنظمات …، والتي أكدتها الشهادات …، يبرز …»: what describes the
            # source runs to a comma; the content starts after the last such clause
            stop = next((k for k in range(j, min(end, j + 30)) if view.tokens[k].text in "،,"
                         or view.key(k) in _THEN_WORDS or view.key(k) in cues.complementizers()), None)
            if stop is None:
                return None
            # (or to «فإن» or «أن»: «… التي أعلنت الخبر فإن …»، «الإحصائية التي اطلعت عليها الصحيفة أن …»)
            j = stop if view.key(stop) in _THEN_WORDS else stop + 1
        for k in range(j, min(end, j + 8) if j == window_from else j):  # «بحسب تقرير لهيئة …، فقد …»
            if view.tokens[k].text in "،," or view.key(k) in _THEN_WORDS:
                j = k
                break
        while j < end and (view.is_punct(j) and not view.is_mark(j) or view.key(j) in _THEN_WORDS):
            j += 1
        last = _content_end(view, j, end)
        if last - j < 3:
            return None
        return _make_draft(view, j, last, "np", form, span, mention, rule="nominal.leading")
    if not (view.is_punct(i - 1) or view.key(i - 1) in ("وذلك", "ذلك") or verbal):
        return None  # «بحسب نطاقها المكاني» inside a clause is no attribution; «بحسب ما أعلن X» always is
    clause_start = after_dateline(view, start, i)
    for j in range(i - 1, clause_start, -1):
        if view.key(j) in cues.complementizers() or view.tokens[j].text in ":؛;":
            clause_start = j + 1
            break
    if i - clause_start < 3:
        return None
    draft = _make_draft(view, clause_start, i, "np", form, span, mention, rule="nominal.trailing")
    return replace(draft, confidence=0.6)


# --- nesting -------------------------------------------------------------------------------------


def _resolve_nesting(view: TextView, drafts: list[Draft]) -> list[Draft]:
    """One statement per stretch of text: a relaying outlet gives way to the speaker it relays,
    a relative clause (، الذي يقول X إن …) splits the outer statement, other inner cues are content."""
    drafts = sorted(drafts, key=lambda d: (d.content[0], -(d.content[1] - d.content[0])))
    dropped: set[int] = set()
    result = list(drafts)
    for a, outer in enumerate(result):
        if a in dropped:
            continue
        for b, inner in enumerate(result):
            if a == b or b in dropped or inner.cue_span is None:
                continue
            cue_first = inner.cue_span[0]
            if not (outer.content[0] <= cue_first < outer.content[1]):
                continue
            if inner.cue_kind == "nominal" and outer.cue_kind != "nominal":
                dropped.add(b)
                continue
            if outer.cue_kind == "nominal" and inner.cue_kind != "nominal":
                dropped.add(a)
                break
            if outer.mention is not None and _is_outlet(view, outer.mention) and inner.mention is not None \
                    and inner.rule.count(".") >= 2:
                # the outlet relays the words of the one it quotes (… أن الوزير قال إن …), not an act it
                # reports (الصحيفة قالت إن فلسطين أعلنت اللجوء إلى المحكمة: the outlet's statement)
                dropped.add(a)
                break
            if inner.mention is not None and view.key(cue_first - 1) in _RELATIVE_OPENERS:
                cut = cue_first - 1
                while cut > outer.content[0] and view.is_punct(cut - 1):
                    cut -= 1
                result[a] = outer = replace(outer, content=(outer.content[0], cut))
                continue
            dropped.add(b)
    kept = [d for k, d in enumerate(result) if k not in dropped and d.content[1] > d.content[0]]
    return _dedupe(view, kept)


def _is_outlet(view: TextView, mention: Mention) -> bool:
    from .mentions import head_key

    return head_key(view.key(mention.first))[0] in cues.media_nouns()


def _dedupe(view: TextView, drafts: list[Draft]) -> list[Draft]:
    """Drop a statement that repeats an earlier one in a repeated sentence (a headline printed
    twice, once with the site's name; a lead paragraph repeated with other punctuation)."""
    kept: list[Draft] = []
    seen: list[tuple[set[str], set[str]]] = []
    for d in sorted(drafts, key=lambda d: d.content[0]):
        words = {k for k in view.keys[d.content[0] : d.content[1]] if k}
        s_first, s_last = view.sentence_bounds(d.content[0])
        sentence = {k for k in view.keys[s_first:s_last] if k}
        if any(_covers(words, w, 0.8) and _covers(sentence, s, 0.9) for w, s in seen):
            continue
        kept.append(d)
        seen.append((words, sentence))
    return kept


def _covers(a: set[str], b: set[str], share: float) -> bool:
    """The smaller of two word sets lies (almost) wholly inside the larger."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 3 and len(small & large) >= share * len(small)
