"""aqwal: who said what in Arabic news: quotes, their speakers, and named entities."""

from __future__ import annotations

from .model import Analysis, Article, Cue, Entity, Quote, Sentence, Span, Speaker, Token
from .pipeline import analyze

__version__ = "0.1.0"

__all__ = ["Analysis", "Article", "Cue", "Entity", "Quote", "Sentence", "Span", "Speaker", "Token", "analyze",
           "__version__"]
