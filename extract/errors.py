"""Errors the library raises; the CLI turns them into one-line messages."""

from __future__ import annotations


class ExtractError(Exception):
    """Base class of every error aqwal raises on purpose."""


class InputError(ExtractError):
    """An input could not be read or decoded."""


class BackendUnavailable(ExtractError):
    """An NER backend cannot be loaded on this machine (the message says how to fix it)."""


class BackendError(ExtractError):
    """An NER backend loaded but failed while tagging."""
