"""NER backends: a registry of loaders, and the choice of one by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from pathlib import Path

from ..errors import BackendUnavailable
from .base import NerBackend, SentenceTagger

# name -> "module:factory"; factories are imported only when asked for, so that
# choosing a shipped backend never imports torch or camel_tools.ner.
BACKENDS: dict[str, str] = {
    "builtin": "extract.ner.crf:load_builtin",
    "neural": "extract.ner.neural:load_neural",
    "camel": "extract.ner.camel:load_camel",
}


def _factory(name: str) -> Callable[[], NerBackend]:
    module, _, attr = BACKENDS[name].partition(":")
    return getattr(import_module(module), attr)  # type: ignore[no-any-return]


def load_model_file(path: Path | str) -> SentenceTagger:
    """A model file as a backend named "model": a neural model (an archive written by
    :mod:`extract.ner.train_neural`) or else a CRF (``.npz`` or crfsuite's own file); each reads its
    resource files from its folder.

    Raises:
        BackendUnavailable: the file is missing or is not such a model.
    """
    from .neural import is_model_file

    path = Path(path)
    if is_model_file(path):
        from .neural import load_model as load_neural_model

        return load_neural_model(path, name="model")
    from .crf import load_model as load_crf_model

    try:
        return load_crf_model(path, name="model")
    except BackendUnavailable:
        if not path.is_file():
            raise
        raise BackendUnavailable(f"{path}: not an aqwal NER model (neither a neural model nor a CRF)") from None


# The shipped tagger used when none is named: the neural one, the more accurate on ANERcorp's test split
# (0.759 F1 each sentence alone, against the CRF's 0.736) at over 20,000 tokens/s; "builtin" (the CRF)
# loads faster and takes less memory.
DEFAULT_BACKEND = "neural"


@cache
def get_backend(name: str = DEFAULT_BACKEND) -> NerBackend:
    """Load a backend by name; ``auto`` is camel-tools' model when installed, else the default.

    Raises:
        BackendUnavailable: the backend cannot load here; the message says why and how to fix it.
    """
    if name == "auto":
        from .camel import camel_model_path

        return get_backend("camel" if camel_model_path() is not None else DEFAULT_BACKEND)
    if name not in BACKENDS:
        raise BackendUnavailable(f"unknown NER backend {name!r}; choose one of: auto, {', '.join(BACKENDS)}")
    return _factory(name)()


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "NerBackend", "get_backend", "load_model_file"]
