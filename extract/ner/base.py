"""The interface every NER backend implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..model import Entity, Token


class NerBackend(Protocol):
    """Tags the tokens of one text and returns entity spans into that text."""

    name: str

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]: ...
