"""Grouping speaker mentions within one article: one Speaker per source, named by its fullest name.

«سيرجي لافروف»، «لافروف» and «وزير الخارجية الروسي» (when the article names him so) are one
speaker; «الخارجية الروسية» joins «وزارة الخارجية الروسية».
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import cues
from .attribute import Attributed
from .entities import citation_name
from .mentions import KIN, PREPOSITIONS, STATE_HEADS, Mention, head_key, parse_mention
from .model import Entity, Span, Speaker, SpeakerType
from .names import glue_compounds, name_key, same_name, same_word, skeleton
from .normalize import key_set, key_tokens, match_key, without_hashtag_marks
from .view import TextView


@dataclass
class _Cluster:
    type: SpeakerType
    names: list[tuple[str, ...]] = field(default_factory=list)  # name token keys
    name_texts: list[str] = field(default_factory=list)
    titles: list[tuple[str, ...]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    place_names: list[tuple[str, ...]] = field(default_factory=list)  # names tagged as places (countries speaking)

    def canonical(self) -> str:
        pool = self.name_texts or self.forms
        best = max(pool, key=lambda s: (len(s.split()), pool.count(s), -pool.index(s)))
        return without_hashtag_marks(best)


def mention_span(view: TextView, m: Mention) -> Span:
    start = view.tokens[m.first].start + m.skip
    end = view.tokens[m.last - 1].end
    return Span(start, end, view.text[start:end])


def _range_text(view: TextView, first: int, last: int, skip: int = 0) -> str:
    return view.text[view.tokens[first].start + skip : view.tokens[last - 1].end]


def _keys(view: TextView, first: int, last: int) -> tuple[str, ...]:
    return tuple(name_key(k) for k in view.keys[first:last] if k)


def resolve_speakers(
    view: TextView, attributed: list[Attributed], entities: tuple[Entity, ...]
) -> tuple[list[Speaker | None], list[Speaker]]:
    """The Speaker of each attributed draft, and the article's speakers in order of first mention."""
    clusters: list[_Cluster] = []
    recent: list[int] = []
    by_mention: dict[tuple[int, int], int] = {}
    person_names = _article_person_names(view, entities)
    for item in attributed:
        m = item.source
        if m is None:
            continue
        if (m.first, m.last) in by_mention:
            recent.append(by_mention[(m.first, m.last)])
            continue
        by_mention[(m.first, m.last)] = _place(view, m, clusters, recent, person_names)
    for cluster in clusters:
        if cluster.type == "PERS" and not cluster.names and cluster.titles:
            linked = _name_for_title(view, cluster.titles[0]) or _name_for_described_title(view, cluster.titles[0])
            if linked is not None:
                cluster.names.append(linked[0])
                cluster.name_texts.append(linked[1])
    for cluster in clusters:
        if cluster.type == "PERS" and cluster.names:
            # (also a title's linked name: «الوزير المنصوري» names سلطان المنصوري)
            fuller = [(keys, text, start) for keys, text, start in person_names
                      if any(_extends(keys, n) for n in cluster.names) and text not in cluster.name_texts
                      and all(_one_name(keys, n) for n in cluster.names if len(n) > 1)]
            # (a full name already known rules out another one: «السيد» of عدنان السيد is no «… الأسد»)
            for keys, text in _one_person(fuller, cluster.mentions[0].start):
                if text not in cluster.name_texts:
                    cluster.name_texts.append(text)
                    cluster.names.append(keys)
    speakers = [
        Speaker(name=c.canonical(), type=c.type, forms=tuple(dict.fromkeys(c.forms + c.name_texts)),
                mentions=tuple(c.mentions))
        for c in clusters
    ]
    resolved: list[Speaker | None] = []
    for item in attributed:
        m = item.source
        resolved.append(None if m is None else speakers[by_mention[(m.first, m.last)]])
    return resolved, speakers


_DOCUMENT_WORDS = frozenset({"البيان", "البلاغ", "التقرير"})


def _back_reference(name: tuple[str, ...], clusters: list[_Cluster], recent: list[int]) -> int | None:
    """«الوزارة»، «المنظمة»، «المرصد» name the organisation last mentioned with that head word;
    «البيان» names the organisation that spoke last."""
    if len(name) != 1 or not name[0].startswith("ال"):
        return None
    word, head = name[0], name[0][2:]
    for index in reversed(recent):
        c = clusters[index]
        if c.type == "ORG" and any(len(n) > 1 and (word in n or head in n) for n in c.names):
            return index
    if word in _DOCUMENT_WORDS:
        for index in reversed(recent):
            if clusters[index].type == "ORG" and any(len(n) > 1 for n in clusters[index].names):
                return index
    return None


def _named_before(view: TextView, before: int, name: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
    """The full name of the body a definite head alone points back at («الصحيفة»، «الوكالة»، «الوزارة») when
    no statement of it came before: the last one the article named with that head, maybe behind ل/ب/و
    (صحيفة "واشنطن بوست"، لصحيفة «غانا سبورتس»، وكالة ستاندرد آند بورز)."""
    if len(name) != 1 or not name[0].startswith("ال") or name[0] in _DOCUMENT_WORDS:
        return None
    head = name[0][2:]
    for j in range(before - 1, -1, -1):
        k = view.key(j)
        skip = 1 if k[:1] in "ولبف" and name_key(k[1:]) == head else 0
        if not skip and name_key(k) != head:
            continue
        if j > 0 and any(ch.isdigit() for ch in view.tokens[j - 1].text):
            continue  # a counted noun, no name: «ألف و18 منظمة نشطة»
        last = _body_name_end(view, j)
        if last is None:
            continue
        keys = _keys(view, j, last)
        keys = (keys[0][skip:],) + keys[1:]
        return glue_compounds(keys), citation_name(_range_text(view, j, last, skip))
    return None


def _body_name_end(view: TextView, j: int) -> int | None:
    """Where the name a head noun at ``j`` opens ends: a name after it, in quotation marks or tagged
    (لصحيفة «غانا سبورتس»، وكالة سبوتنيك، حركة النهضة), or a short definite genitive and its adjectives (وزارة
    الآثار، مركز الإحصاء الخليجي); not a description (جمعية فرنسية) nor a phrase running on into a title."""
    pair = view.pair_at_open.get(j + 1)
    if pair is not None and 0 < pair.close - pair.open - 1 <= 6:
        return pair.close + 1
    for ent in (view.entity_starting(j), view.entity_starting(j + 1)):  # حركة النهضة، وكالة سبوتنيك
        if ent is not None and ent.type != "PERS" and ent.last > j + 1:
            return ent.last
    m = parse_mention(view, j, min(len(view.tokens), j + 12))
    if m is None or m.type != "ORG" or m.name is None or m.name[0] != j or m.name[1] - j < 2:
        return None
    if not view.key(j + 1).startswith("ال") or head_key(view.key(j + 1))[0] in cues.titles() \
            or view.entity_of[j + 1] is not None and view.entity_of[j + 1].type == "PERS":
        return None
    # the genitive, then only what describes it or is joined to it: الكيميائية، العاملة، والتلفزيون، والكرامة
    # (not «حركة النهضة المرشح الجمهوري»: a noun after the name is the verb's object)
    last = j + 2
    while last < min(len(view.tokens), j + 6) and view.entity_of[last] is None and (
            view.key(last).startswith("وال") or _definite_adjective(view.key(last))):
        last += 1
    return last


def _definite_adjective(key: str) -> bool:
    """A definite adjective of relation (الخليجي، الإيرانية) or a feminine participle (العاملة، القابضة،
    المستعجلة); not a feminine noun (التعليم الفرصة: the object)."""
    if not key.startswith("ال") or len(key) <= 5:
        return False
    return key.endswith(("ي", "يه")) or key.endswith("ه") and (key.startswith("الم") or key[3] == "ا")


def _place(view: TextView, m: Mention, clusters: list[_Cluster], recent: list[int],
           person_names: list[tuple[tuple[str, ...], str, int]]) -> int:
    span = mention_span(view, m)
    name = glue_compounds(_keys(view, *m.name)) if m.name else ()
    if name and m.skip and m.name and m.name[0] == m.first:
        name = (name[0][m.skip :],) + name[1:]  # والنظام → النظام
    name_text = ""
    if m.name:
        ent = view.entity_starting(m.name[0])
        skip = m.skip if m.name[0] == m.first else (ent.skip if ent is not None else 0)
        written = _range_text(view, m.name[0], m.name[1], skip)
        name_text = citation_name(written)
        if name_text != written:  # «في تغريدة للبرادعي … حيث قال»: البرادعي
            name = glue_compounds(name_key(k) for k in key_tokens(name_text))
    if m.type == "PERS" and len(name) == 1 and not any(
            c.type == "PERS" and any(same_name(name, n) for n in c.names) for c in clusters):
        # a surname two people of the article share (بنيامين نتنياهو، سارة نتنياهو) is the first named before it
        fuller = [(keys, text, start) for keys, text, start in person_names if _extends(keys, name)]
        exact = [f for f in fuller if f[0][-1] == name[-1]]
        fuller = exact or fuller
        chosen = _one_person(fuller, span.start)
        if len(chosen) < len(fuller):
            name, name_text = chosen[0]
        elif not fuller and m.title:
            # «الأمير فيصل» after «الأمير فيصل بن مشعل بن سعود»: a title and a first name, of one person named before
            first_named = [(start, keys, text) for keys, text, start in person_names
                           if len(keys) > 1 and start < span.start and same_word(keys[0], name[0])]
            if first_named and all(_one_name(a, b) for _, a, _ in first_named for _, b, _ in first_named):
                _, name, name_text = min(first_named)
    title = _keys(view, *m.title) if m.title else ()
    # a country speaking (وقالت السعودية) is not the body whose name ends with its adjective (القنصلية السعودية)
    country = m.type == "ORG" and _country_name(view, m)
    linked = _back_reference(name, clusters, recent) if m.type == "ORG" and not country else None
    # «وأضافت الصحيفة» after «نشرت صحيفة "واشنطن بوست"»: the paper named last with that head, when no body that
    # spoke was (a body that spoke is a surer referent than one named since, which may be only talked about)
    if m.type == "ORG" and linked is None and not country and (earlier := _named_before(view, m.first, name)):
        name, name_text = earlier
    unnamed_key = match_key(span.text) if m.type == "UNNAMED" else ""
    order = list(range(len(clusters)))
    if m.type == "PERS" and len(name) == 1 and recent:
        # a surname two speakers share (سليم الجبوري، غزوان الجبوري) is the one who spoke just before, if he
        # did; else the first of them (ميلانيا ترامب spoke two statements earlier: «وصرح ترامب» is her husband)
        order.remove(recent[-1])
        order.insert(0, recent[-1])
    if m.type == "PERS" and name:
        # a name spelt exactly so before one spelt alike: «السيد» is عدنان السيد, not a «الأسد» (one skeleton)
        order.sort(key=lambda x: bool(clusters[x].names) and not any(n[-1] == name[-1] for n in clusters[x].names))
    for index in order:
        c = clusters[index]
        if linked is not None:
            index = linked
            break
        if c.type != m.type:
            continue
        if m.type == "PERS" and name and any(same_name(name, n) for n in c.names) and not any(
                len(n) > 1 and len(name) > 1 and not _one_name(name, n) for n in c.names):
            break  # (two full names that differ are two people: مسعود أوزيل، مصطفى أوزيل)
        if m.type == "PERS" and not name and title and any(title == t for t in c.titles):
            break
        if m.type == "PERS" and name and not c.names and title and any(title == t for t in c.titles):
            break
        if m.type == "ORG" and name and any(
                n == name or country == (n in c.place_names) and (_suffix(name, n) or _suffix(n, name))
                for n in c.names):  # (but السعودية is المملكة العربية السعودية: both places)
            break
        if m.type == "UNNAMED" and any(match_key(f) == unnamed_key for f in c.forms):  # الإحصائية = الاحصائية
            break
    else:
        clusters.append(_Cluster(m.type))
        index = len(clusters) - 1
    c = clusters[index]
    c.forms.append(span.text)
    c.mentions.append(span)
    if name:
        c.names.append(name)
        c.name_texts.append(name_text or span.text)
        if country:
            c.place_names.append(name)
    if title:
        c.titles.append(title)
    recent.append(index)
    return index


def _country_name(view: TextView, m: Mention) -> bool:
    """Whether the mention's name is a place, maybe after a state's head noun (السعودية، دولة إسرائيل)."""
    if m.name is None:
        return False
    first, last = m.name
    place = view.entity_of[last - 1]
    return place is not None and place.type == "LOC" and place.last == last and (
        place.first == first or place.first == first + 1 and head_key(view.key(first))[0] in STATE_HEADS)


def _suffix(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) <= len(b) and b[len(b) - len(a) :] == a


def _extends(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """«سيرجي لافروف» extends «لافروف»: same last word, and the short name's words are in the full one (but in
    «محمد بن سلمان» the word after «بن» is the father's name, not «سلمان»; after a longer chain it may be the
    family's: «وأضاف ريحان» for سعيد بن ناصر بن ريحان)."""
    if len(short) == 1 and len(full) == 3 and full[1] in _PATRONYMIC_LINKS:
        return False
    return len(full) > len(short) and bool(short) and same_name(full[-1:], short[-1:]) and same_name(full, short)


_PATRONYMIC_LINKS = frozenset({"بن", "ابن", "بنت"})


def _article_person_names(view: TextView, entities: tuple[Entity, ...]) -> list[tuple[tuple[str, ...], str, int]]:
    out = []
    for e in entities:
        if e.type == "PERS":
            out.append((glue_compounds(name_key(k) for k in key_tokens(e.name)), e.name, e.start))
    return out


def _one_person(fuller: list[tuple[tuple[str, ...], str, int]], first: int) -> list[tuple[tuple[str, ...], str]]:
    """The fuller names a short name stands for. When they are two people (بنيامين نتنياهو، سارة نتنياهو),
    the surname alone is the first of them named before it, or in the article when none comes before."""
    names = [(keys, text) for keys, text, _ in fuller]
    if all(_one_name(a, b) for a, _ in names for b, _ in names):
        return names
    before = [(start, keys) for keys, _, start in fuller if start < first]
    chosen = min(before or [(start, keys) for keys, _, start in fuller])[1]  # a headline's: the lede's first
    return [(keys, text) for keys, text in names if _one_name(keys, chosen)]


def _one_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: one ends the other, or they share first and last words (كوليندا غرابار
    كيتاروفيتش، كوليندا كيتاروفيتش)."""
    return same_name(a, b) or same_word(a[0], b[0]) and same_word(a[-1], b[-1])


def _bare_title(title: tuple[str, ...]) -> tuple[str, ...]:
    """A title's words without the honorifics before it (معالي وزير الخارجية → وزير الخارجية)."""
    i = 0
    while i < len(title) - 1 and cues.is_honorific(title[i]):
        i += 1
    return title[i:]


def _name_for_title(view: TextView, title: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
    """A title used alone («المبعوث الدولي») names the person the article calls that way elsewhere."""
    title = _bare_title(title)
    n = len(title)
    for i in range(len(view.keys) - n):
        if tuple(name_key(k) for k in view.keys[i : i + n]) != title:
            continue
        while i > 0 and cues.is_honorific(name_key(view.key(i - 1))):
            i -= 1  # «معالي وزير الخارجية»: the mention starts at the honorific
        before = i - 2 if i >= 2 and view.tokens[i - 1].text in "،," else i - 1
        ent = view.entity_of[before] if before >= 0 else None
        if ent is not None and ent.type == "PERS" and ent.last == before + 1:
            verb_end = _before_addressee(view, ent.first)
            if any(cues.lookup_verb(view.key(j)) is not None for j in range(max(0, verb_end - 4), verb_end)):
                # «كشف الأمير عبدالله بن مساعد الرئيس العام لرعاية الشباب أن»: the speaker's title in apposition
                # (not «استقبل الملك سلمان الرئيس الأمريكي», where the title is the object's)
                return glue_compounds(_keys(view, ent.first, ent.last)), _range_text(view, ent.first, ent.last, ent.skip)
        m = parse_mention(view, i, min(len(view.tokens), i + 20))
        if (
            m is not None and m.name is not None and m.type == "PERS" and m.title is not None
            and all(view.key(j) in view.person_words for j in range(*m.name))  # a tagged name, not «الوزير شيئا»
        ):
            return glue_compounds(_keys(view, *m.name)), _range_text(view, m.name[0], m.name[1])
    return None


def _before_addressee(view: TextView, first: int) -> int:
    """Where the words before ``first`` end once an outlet in quotation marks after ل is passed over («وقال لـ
    "الاقتصادية" بادي بادماناتان …»: whom the speaker told), or ``first``."""
    pair = view.pair_at_close.get(first - 1)
    if pair is not None and pair.open > 0 and view.key(pair.open - 1) == "ل":
        return pair.open - 1
    return first


# Heads that alone do not point at the one person the article names with them: kin (the name after «زوجة» is
# the husband's), forms of address, «الرجل»
_TOO_GENERAL = KIN | key_set("سيد سيدة رجل امرأة")


def _name_for_described_title(view: TextView, title: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
    """«المدرب الهولندي», or «الوزير» alone, names the one person the article introduces with that role and
    those words (مدرب مانشستر يونايتد الهولندي لويس فان غال، وزير التربية ناجي جلول), when there is one."""
    title = _bare_title(title)
    head = title[0].removeprefix("ال")
    if len(title) == 1 and head in _TOO_GENERAL:
        return None  # «السيدة»، «الزوجة»: the one named with that word may be someone else (زوجة محمد …)
    found: dict[tuple[str, ...], str] = {}
    for i, key in enumerate(view.keys):
        if name_key(key) not in (head, "ال" + head):
            continue
        m = parse_mention(view, i, min(len(view.tokens), i + 20))
        if m is None or m.name is None or m.type != "PERS" or m.title is None \
                or not all(view.key(j) in view.person_words for j in range(*m.name)):
            apposed = _title_after_name(view, i)
            if apposed is not None:
                words = [name_key(k) for k in view.keys[i:apposed[1]]]
                if all(any(_same_title_word(w, x) for x in words) for w in title[1:]):
                    ent = apposed[0]
                    found.setdefault(glue_compounds(_keys(view, ent.first, ent.last)),
                                     _range_text(view, ent.first, ent.last, ent.skip))
            continue
        words = [name_key(k) for k in view.keys[m.title[0]:m.title[1]]]
        if all(any(_same_title_word(w, x) for x in words) for w in title[1:]):
            found.setdefault(glue_compounds(_keys(view, *m.name)), _range_text(view, m.name[0], m.name[1]))
    names = list(found.items())
    if names and all(_one_name(a, b) for a, _ in names for b, _ in names):
        return names[0]
    return None


def _same_title_word(a: str, b: str) -> bool:
    """Two spellings of one word of a title (الوزراء، الوزاء; عام، العام), but two nationalities differ even by
    one letter of their skeletons (الأمريكي is not الإماراتي)."""
    if a == b:
        return True
    nationalities = cues.nationalities()
    if a in nationalities and b in nationalities:
        return skeleton(a) == skeleton(b)  # الأمريكي، الأميركي
    return same_word(a, b)


def _title_after_name(view: TextView, i: int) -> tuple[Entity, int] | None:
    """The person named right before a title apposed to them between commas («قال ديفيد ميليباند، وزير
    الخارجية البريطاني الأسبق، إن …»), and where the title ends (its closing comma)."""
    if i < 2 or view.tokens[i - 1].text not in "،,":
        return None
    ent = view.entity_of[i - 2]
    if ent is None or ent.type != "PERS" or ent.last != i - 1:
        return None
    before = view.key(ent.first - 1) if ent.first > 0 else ""
    if before and not view.is_punct(ent.first - 1) and cues.lookup_verb(before) is None and before not in PREPOSITIONS \
            and head_key(before)[0] not in cues.titles() and not cues.is_honorific(before):
        return None  # «قال أنتوني سكاراموتشي، مؤسس سكايبريدج كابيتالو، مدير …»: a name inside another title
    for j in range(i + 1, min(len(view.tokens), i + 10)):
        if view.tokens[j].text in "،,":
            return ent, j
        if view.is_punct(j):
            return None
    return None
