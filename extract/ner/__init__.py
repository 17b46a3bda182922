"""NER backends: a registry of loaders, and the choice of one by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module

from ..errors import BackendUnavailable
from .base import NerBackend

# name -> "module:factory"; factories are imported only when asked for, so that
# choosing the built-in backend never imports torch or camel_tools.ner.
BACKENDS: dict[str, str] = {
    "builtin": "extract.ner.crf:load_builtin",
    "neural": "extract.ner.neural:load_neural",
    "camel": "extract.ner.camel:load_camel",
}


def _factory(name: str) -> Callable[[], NerBackend]:
    module, _, attr = BACKENDS[name].partition(":")
    return getattr(import_module(module), attr)  # type: ignore[no-any-return]


@cache
def get_backend(name: str = "builtin") -> NerBackend:
    """Load a backend by name; ``auto`` is camel-tools' model when installed, else built-in.

    Raises:
        BackendUnavailable: the backend cannot load here; the message says why and how to fix it.
    """
    if name == "auto":
        from .camel import camel_model_path

        return get_backend("camel" if camel_model_path() is not None else "builtin")
    if name not in BACKENDS:
        raise BackendUnavailable(f"unknown NER backend {name!r}; choose one of: auto, {', '.join(BACKENDS)}")
    return _factory(name)()


__all__ = ["BACKENDS", "NerBackend", "get_backend"]
