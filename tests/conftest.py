"""Shared fixtures: a deterministic fake NER backend and the location of ../shared."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from extract.model import Entity, EntityType, Token

REPO_ROOT = Path(__file__).resolve().parent.parent

# Surface → type. Matched as whole token sequences, longest first, like spacy-llm's NoOp model: a fixed
# answer, so that rule tests do not depend on the trained model. Clitic forms (ولافروف، بحلب) are not
# listed on purpose: a real tagger on raw tokens misses them as well.
FAKE_ENTITIES: dict[str, EntityType] = {
    # people
    "سيرجي لافروف": "PERS",
    "لافروف": "PERS",
    "جون كيري": "PERS",
    "كيري": "PERS",
    "ماريا زاخاروفا": "PERS",
    "زاخاروفا": "PERS",
    "أنطونيو غوتيريش": "PERS",
    "غوتيريش": "PERS",
    "فلاديمير بوتين": "PERS",
    "بوتين": "PERS",
    "إيمانويل ماكرون": "PERS",
    "ماكرون": "PERS",
    "أنجيلا ميركل": "PERS",
    "ميركل": "PERS",
    "أحمد أبو الغيط": "PERS",
    "أبو الغيط": "PERS",
    "رجب طيب أردوغان": "PERS",
    "أردوغان": "PERS",
    "بنيامين نتنياهو": "PERS",
    "نتنياهو": "PERS",
    "ستافان دي ميستورا": "PERS",
    "دي ميستورا": "PERS",
    "هيثم الساعدي": "PERS",
    "ليلى حداد": "PERS",
    "سامح شكري": "PERS",
    "شكري": "PERS",
    "نبيه بري": "PERS",
    "حاتم القرشي": "PERS",
    "محمد بن عبدالله المرشد": "PERS",
    # places
    "موسكو": "LOC",
    "واشنطن": "LOC",
    "دمشق": "LOC",
    "حلب": "LOC",
    "سوريا": "LOC",
    "القاهرة": "LOC",
    "بيروت": "LOC",
    "لبنان": "LOC",
    "غزة": "LOC",
    "أنقرة": "LOC",
    "باريس": "LOC",
    "جنيف": "LOC",
    "بغداد": "LOC",
    "إدلب": "LOC",
    "ليبيا": "LOC",
    "طهران": "LOC",
    # organisations
    "قريش": "ORG",
    "رويترز": "ORG",
    "فرانس برس": "ORG",
    "الأمم المتحدة": "ORG",
    "حلف شمال الأطلسي": "ORG",
    "الجامعة العربية": "ORG",
    "إنترفاكس": "ORG",
    "تاس": "ORG",
    "الأناضول": "ORG",
    "الكرملين": "ORG",
    "الاتحاد الأوروبي": "ORG",
    "مجلس الأمن": "ORG",
    "ميليشيات الحوثي": "ORG",
}


class FakeNer:
    """A deterministic NER backend: every listed surface is tagged wherever its tokens occur.

    Surfaces are tokenized with the pipeline's own tokenizer and matched against the article's tokens,
    longest surface first, without overlaps; the returned entities carry real offsets into ``text``.
    """

    name = "fake"

    def __init__(self, entities: Mapping[str, EntityType] | None = None) -> None:
        self.entities: dict[str, EntityType] = dict(FAKE_ENTITIES if entities is None else entities)
        self.calls = 0

    def with_entities(self, extra: Mapping[str, EntityType]) -> FakeNer:
        """A copy that also knows ``extra``."""
        return FakeNer({**self.entities, **extra})

    def _patterns(self) -> list[tuple[tuple[str, ...], EntityType]]:
        from extract.tokenize import tokenize

        patterns = [(tuple(t.text for t in tokenize(surface)), kind) for surface, kind in self.entities.items()]
        return sorted((p for p in patterns if p[0]), key=lambda p: -len(p[0]))

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        self.calls += 1
        words = [t.text for t in tokens]
        taken = [False] * len(tokens)
        found: list[Entity] = []
        for pattern, kind in self._patterns():
            n = len(pattern)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) == pattern and not any(taken[i : i + n]):
                    start, end = tokens[i].start, tokens[i + n - 1].end
                    found.append(Entity(start, end, text[start:end], kind, self.name))
                    for j in range(i, i + n):
                        taken[j] = True
        return tuple(sorted(found, key=lambda e: e.start))


@pytest.fixture
def fake_ner() -> FakeNer:
    """The fake backend with the default surface → type table (:data:`FAKE_ENTITIES`)."""
    return FakeNer()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` next to the repository (``AQWAL_SHARED`` overrides); skips the test when absent."""
    path = Path(os.environ.get("AQWAL_SHARED") or REPO_ROOT.parent / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data folder not found: {path} (set AQWAL_SHARED)")
    return path



def command_paths() -> list[tuple[str, ...]]:
    """Every leaf command path of the aqwal app (``("eval", "ner")`` for sub-apps)."""
    import typer.main

    from cli.main import app

    def walk(command, path: tuple[str, ...]):  # type: ignore[no-untyped-def]
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, (*path, name))
        else:
            yield path

    return list(walk(typer.main.get_command(app), ()))


# A tiny NER training set: five people and five places in two sentence patterns (for training tests).
TINY_PEOPLE = ["سيرجي لافروف", "جون كيري", "باراك أوباما", "بشار الأسد", "فلاديمير بوتين"]
TINY_PLACES = ["موسكو", "دمشق", "حلب", "جنيف", "واشنطن"]


def tiny_conll() -> str:
    """40 CoNLL sentences (TOKEN TAG per line) built from :data:`TINY_PEOPLE` and :data:`TINY_PLACES`."""
    lines = []
    for i, person in enumerate(TINY_PEOPLE * 4):
        place = TINY_PLACES[(i * 3) % len(TINY_PLACES)]
        first, last = person.split()
        lines += ["قال O", f"{first} B-PERS", f"{last} I-PERS", "في O", f"{place} B-LOC", ". O", ""]
        lines += ["وصل O", "الوفد O", "إلى O", f"{place} B-LOC", "أمس O", ". O", ""]
    return "\n".join(lines) + "\n"
