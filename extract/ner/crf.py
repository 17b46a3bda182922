"""The built-in offline NER backend: a crfsuite model shipped in ``extract/data``."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import BackendUnavailable
from ..model import Entity, Token
from .bio import tags_to_entities
from .features import DATA_DIR, Featurizer, sentence_ranges

MODEL_FILE = "ner-crf.model"


class CrfTagger:
    """Tags token sequences with a crfsuite model; resources (clusters, gazetteer) sit beside the model."""

    def __init__(self, model_path: Path, featurizer: Featurizer | None = None, name: str = "builtin") -> None:
        import pycrfsuite

        self.name = name
        self.model_path = model_path
        self.featurizer = featurizer if featurizer is not None else Featurizer.from_dir(model_path.parent)
        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """BIO tags for one sentence of token strings."""
        if not words:
            return []
        return list(self._tagger.tag(self.featurizer.sentence(words)))

    def tag(self, text: str, tokens: Sequence[Token]) -> list[str]:
        """BIO tags for a whole text, tagged sentence by sentence (split at . ! ? ؟ and newlines)."""
        words = [t.text for t in tokens]
        gaps = [""] + [text[tokens[i - 1].end:tokens[i].start] for i in range(1, len(tokens))]
        tags: list[str] = []
        for start, end in sentence_ranges(words, gaps):
            tags.extend(self.tag_words(words[start:end]))
        return tags

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        if not tokens:
            return ()
        return tags_to_entities(text, tokens, self.tag(text, tokens), self.name)


def load_model(path: Path | str, name: str = "builtin") -> CrfTagger:
    """Load a model trained by :func:`extract.ner.train.train` (resources are read from its folder)."""
    path = Path(path)
    if not path.is_file():
        raise BackendUnavailable(f"NER model not found: {path} (rebuild it with `aqwal train-ner`)")
    return CrfTagger(path, name=name)


@cache
def load_builtin() -> CrfTagger:
    """The shipped model, loaded once per process."""
    return load_model(DATA_DIR / MODEL_FILE)
