"""Speaker attribution for statements whose speaker is not written next to the cue.

A continuation verb (وأضاف، وتابعت) or a participle of manner (مضيفا) carries the speaker of the
previous statement whose gender and number agree with the verb; a plural verb after a clause
whose subject was a plural source (رفض قادة في المعارضة …، وقالوا) takes that subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import cues
from .mentions import (
    DEMONSTRATIVES,
    FACILITIES,
    Mention,
    after_dateline,
    head_key,
    is_document_noun,
    parse_mention,
    share_mention,
)
from .model import Gender
from .normalize import key_set
from .quotes import Draft
from .view import TextView


@dataclass(frozen=True, slots=True)
class Attributed:
    draft: Draft
    source: Mention | None  # the mention that names the speaker (the draft's own, or an antecedent's)
    gender: Gender


_PLACE_PREPOSITIONS = key_set("في من إلى الى على عن مع عند لدى قرب داخل خارج نحو ضد")  # not عبر: also عبّر (expressed)


def agrees(verb: Gender, speaker: Gender) -> bool:
    """Verb and speaker agree; a feminine singular verb also agrees with a plural of things
    (وأوضحت المصادر، قالت وسائل إعلام), as Arabic broken plurals take it."""
    return verb == "any" or speaker == "any" or verb == speaker or (verb == "f" and speaker == "pl")


def attribute(
    view: TextView, drafts: list[Draft], *, lookback: int = 8, max_paragraphs: int = 3
) -> list[Attributed]:
    """Give every draft a source mention, in text order."""
    history: list[tuple[Attributed, int]] = []  # (attributed, sentence index)
    out: list[Attributed] = []
    for draft in drafts:
        anchor = draft.cue_span[0] if draft.cue_span else draft.content[0]
        sentence = view.sentence_of[anchor]
        result: Attributed | None = None
        if draft.mention is not None:
            result = Attributed(draft, draft.mention, draft.gender)
        else:
            if draft.cue_kind == "participle":
                same = [a for a, s in history if s == sentence and a.draft.content[1] <= anchor + 1]
                if same:
                    result = Attributed(draft, same[-1].source, same[-1].gender)
            if result is None and not any(s == sentence for _, s in history):
                local = _subject_in_sentence(view, sentence, anchor, draft.gender,
                                             participle=draft.cue_kind == "participle")
                if draft.cue_kind == "participle" and local is not None and _names_the_last_speaker(
                        view, local, draft.gender, sentence, history[-1:]):
                    local = None
                if local is not None:
                    result = Attributed(draft, local, draft.gender if local.gender == "any" else local.gender)
            if result is None:
                paragraph = view.sentences[sentence].paragraph
                for previous, s_index in reversed(history[-lookback:]):
                    if paragraph - view.sentences[s_index].paragraph > max_paragraphs:
                        break  # «وأضاف» does not reach back across a whole article
                    if previous.source is not None and agrees(draft.gender, previous.gender) and not (
                            draft.gender == "pl" and previous.source.type == "PERS" and previous.gender != "pl"):
                        # (a plural verb does not carry on one named person: «وطالبوا» after «أبو الزيك»)
                        result = Attributed(draft, previous.source, previous.gender)
                        break
        if result is None and draft.mention is None and draft.cue_kind == "verb" \
                and draft.rule.endswith((".compl", ".quote", ".colon")) and draft.cue_span is not None \
                and draft.content[0] - draft.cue_span[1] <= 2 \
                and not any(agrees(draft.gender, a.gender) and a.source is not None for a, _ in history[-lookback:]):
            narrator = _previous_sentence_subject(view, sentence, draft.gender)
            if narrator is not None:
                result = Attributed(draft, narrator, draft.gender if narrator.gender == "any" else narrator.gender)
        if result is None:
            result = Attributed(draft, None, draft.gender)
        out.append(result)
        if draft.outlet is not None and draft.outlet.type == "ORG":
            # «ونقلت وكالة شينخوا عن الناطق … أن …. وأضافت أن …»: the agency may go on speaking; it is
            # remembered just before the person it quoted, so that an agreeing person still comes first
            history.append((Attributed(draft, draft.outlet, draft.outlet.gender), sentence))
        history.append((result, sentence))
    return out


def _names_the_last_speaker(
    view: TextView, title: Mention, gender: Gender, sentence: int, last: list[tuple[Attributed, int]]
) -> bool:
    """A title alone, after a named person (or one with a fuller title of the same role) spoke in the last two
    sentences, names that person («وقال عواد العواد إن …. وأضاف الوزير قائلا …»), unless that person was named
    with another role (وانتقدت نائبة رئيس الحزب، جوليا كلوكنر، …. لكن وزيرة الأسرة … ردت …، قائلة) or the title
    holds a known surname (وقدم الشيخ الحجري تهنئته …، داعيا)."""
    if title.name is not None or title.type != "PERS" or not last \
            or any(k in view.person_words for k in view.keys[title.first:title.last]):
        return False
    previous, s = last[-1]
    source = previous.source
    if sentence - s > 2 or source is None or source.type != "PERS" or not agrees(gender, previous.gender) \
            or source.name is None and source.title is None:
        return False
    if source.title is None:
        return True
    before, now = _role(view, source.title[0], source.title[1]), _role(view, title.first, title.last)
    if source.name is None:  # a fuller title of the same role («المتحدث الإعلامي باسم السفارة …»، «وتابع المتحدث قائلا»)
        return before == now
    # (a form of address or a nationality before the name is no other role: «د. الربيعة … معالي المستشار»)
    return before == now or before in _ADDRESS_FORMS or before not in cues.titles() and "ال" + before not in cues.titles()


# Titles that are forms of address, ranks and degrees rather than roles
_ADDRESS_FORMS = key_set("دكتور دكتورة سيد سيدة مهندس مهندسة شيخ أمير أستاذ بروفيسور بروفسور فريق لواء عميد عقيد "
                         "مشير جنرال")


def _role(view: TextView, first: int, last: int) -> str:
    """The head word of a title, without honorifics or the article (معالي المستشار → مستشار)."""
    while first < last - 1 and cues.is_honorific(view.key(first)):
        first += 1
    return head_key(view.key(first))[0].removeprefix("ال")


_TOPIC_PREPOSITIONS = key_set("عن حول بشأن بخصوص")


def _after_fronted_topic(view: TextView, start: int, anchor: int) -> int:
    """Past a fronted topic phrase and its comma («وعن مواجهة شقيقه لوكاس، علق ثيو قائلا»), or up to the verb
    of saying that ends it (وعن رؤيتها لمستقبل اليمن قالت: …): the names in it are what is talked about, not
    who talks."""
    if cues.strip_conjunction(view.key(start)) not in _TOPIC_PREPOSITIONS:
        return start
    for j in range(start + 1, anchor):
        if view.tokens[j].text in "،,":
            return j + 1
        if cues.lookup_verb(view.key(j)) is not None:
            return j
    # a verb of saying with no و before it ends the topic («… لمستقبل اليمن قالت: …»); one with و follows a
    # clause of its own («وحول هذا الموضوع تعجبت X عبر تويتر وقالت …»), whose subject may be who speaks
    form = cues.lookup_verb(view.key(anchor))
    bare = form is not None and form.kind == "verb" and cues.strip_conjunction(view.key(anchor)) == view.key(anchor)
    return anchor if bare else start


def _named_facility(view: TextView, first: int) -> bool:
    """Whether the phrase at ``first`` (or after one definite word: a title) names a place after a person."""
    def facility(k: str) -> bool:
        return cues.strip_conjunction(k) in FACILITIES or k[1:] in FACILITIES and k[:1] in "بل"

    return first > 0 and (facility(view.key(first - 1)) or first > 1 and view.key(first - 1).startswith("ال")
                          and facility(view.key(first - 2)))  # جامع | الإمام تركي، مستشفى الملك | فهد


def _subject_in_sentence(
    view: TextView, sentence: int, anchor: int, gender: Gender, *, participle: bool = False
) -> Mention | None:
    """The first source-like phrase earlier in the same sentence that agrees with the verb. A title alone
    counts when it is the subject of the clause's first verb and the cue is a participle of manner or writes
    in a document (وتحدث الوزير قائلا: …، ورفع السفير العزاء …، سائلا الله …): no statement came before to
    name him otherwise."""
    s = view.sentences[sentence]
    # «وأرسل السفير رسالة … قال فيها»: what the one who sent it wrote; a title alone is enough
    in_document = anchor + 1 < len(view.tokens) and view.key(anchor + 1) in ("فيه", "فيها")
    if in_document and (writer := _writer_of_document(view, s.token_start, anchor, gender)) is not None:
        return writer
    i = _after_fronted_topic(view, after_dateline(view, s.token_start, anchor), anchor)
    while i < anchor:
        pair = view.enclosing_pair(i)
        if pair is not None and pair.close < anchor:
            i = pair.close + 1  # a name inside a quotation is what was said, not who says it
            continue
        m = parse_mention(view, i, anchor)
        if m is not None and m.last - m.first >= 1:
            if _named_facility(view, m.first):
                i = m.last  # «في جامع الإمام تركي بن عبدالله»: a mosque's namesake, not who speaks
                continue
            if share_mention(view, m.first, anchor) is not None and any(
                    share_mention(view, j, anchor) is not None for j in range(m.last, anchor)):
                i = m.last  # «17.6% من الموظفين سيتجاهلون …، مقابل 44.9% من الموظفين أبدوا …»: the nearer share
                continue
            before = m.first - 2 if m.first - 1 in view.pair_at_open else m.first - 1  # ضد «داعش»
            if cues.strip_conjunction(view.key(before)) in _PLACE_PREPOSITIONS or view.tokens[m.first - 1].text == "(" \
                    or view.key(before) == "ل" or (
                    m.skip and view.key(m.first)[:1] in ("ل", "ب") and m.type != "PERS"):
                # في موسكو، لوكالة الأنباء، لـ«الشرق الأوسط»، دبي (CNN): a place adjunct, an addressee or a
                # dateline's outlet, not the subject (but «مقابلة لميليباند»: the one interviewed speaks)
                i = m.last
                continue
            # a singular unnamed source counts only as the subject of the clause's first verb («، علق أحد
            # المغردين على ذلك وقال: …»), not inside what is told
            verb_subject = (m.first - 1 == s.token_start or m.first >= 2 and view.tokens[m.first - 2].text in "،,") \
                and view.key(m.first) not in DEMONSTRATIVES  # «أوضح ذلك الأستاذ …»: ذلك is what he explained
            if m.type != "UNNAMED" or gender == "pl" or verb_subject:
                titled = verb_subject and m.title and (in_document or participle and not _name_follows(view, m.last, anchor))
                if agrees(gender, m.gender) and (m.name is not None or m.type == "UNNAMED" or titled) \
                        and not (gender == "pl" and m.type == "PERS" and m.gender != "pl"):  # «وأكدوا» is no one man
                    return m
            i = m.last
            continue
        i += 1
    return None


def _name_follows(view: TextView, after: int, anchor: int) -> bool:
    """A person's name comes a few words after a title: the title's holder, named after a bracket or a place
    («ودعا زعيم الجمهوريين (معارضة يمينية)، لوران فوكييه»، «عضو البرلمان عن مدينة سالزبيري، جون غلين»).
    After a preposition only a name set off by a comma is in apposition («ورفع السفير العزاء إلى الملك
    سلمان»: the name is the object's)."""
    preposition = False
    for j in range(after, min(anchor, after + 8)):
        ent = view.entity_starting(j)
        if ent is not None and ent.type == "PERS":
            return not preposition or view.tokens[j - 1].text in "،,"
        k = cues.strip_conjunction(view.key(j))
        if cues.lookup_verb(k) is not None or view.tokens[j].text in ".؟?!:":
            return False
        preposition = preposition or k in _PLACE_PREPOSITIONS
    return False


def _writer_of_document(view: TextView, start: int, anchor: int, gender: Gender) -> Mention | None:
    """In «… وألقى مدير الإدارة المهندس فهد الفرطيش كلمة أكد فيها …» the one named right before the speech
    or the letter said what is in it, whoever the sentence named first."""
    for d in range(anchor - 1, max(start, anchor - 4) - 1, -1):
        if is_document_noun(view.key(d)):
            # the longest phrase that ends at the noun (after «وألقى», which opens no phrase of its own)
            for first in range(max(start, d - 12), d):
                m = parse_mention(view, first, d)
                if m is not None and m.last == d and (m.name is not None or m.title is not None) \
                        and agrees(gender, m.gender) and view.key(first - 1) not in _PLACE_PREPOSITIONS \
                        and getattr(view.entity_starting(first), "type", "") != "LOC":
                    return m  # (not a place: «جماعة تمثل … في غرب ليبيا بيانا» is the group's)
            return None
    return None


def _previous_sentence_subject(view: TextView, sentence: int, gender: Gender) -> Mention | None:
    """The named subject of the sentence before, when no statement came before to carry on from: «وقد بدأ
    الكاتب الإيراني، أمير مهدي جلو، حملة … . وقال إن …» (a narrative verb, then its subject). Only for a
    verb the content follows at once (وقال إن، وأضاف: …): words between could be its own subject."""
    if sentence == 0:
        return None
    prev = view.sentences[sentence - 1]
    if view.sentences[sentence].paragraph - prev.paragraph > 1:
        return None
    start = after_dateline(view, prev.token_start, prev.token_end)
    for i in range(start, min(start + 3, prev.token_end)):
        if view.is_punct(i):
            return None
        m = parse_mention(view, i, prev.token_end)
        if m is not None:
            if m.type == "PERS" and m.name is not None and agrees(gender, m.gender) and (gender != "pl" or m.gender == "pl"):
                return m
            return None  # the first phrase is another subject, or an object
    return None
