"""The story and its parts (Django finds the models here)."""

from .addresses import FormerAddress, SearchDocument
from .choices import (
    ArticleStatus,
    BylineRole,
    CommentMethod,
    CommentOutcome,
    CorrectionKind,
    Language,
)
from .corrections import Correction, CorrectionQuerySet
from .filing import Section, Topic
from .live import LiveCoverage, LiveUpdate, LiveUpdateQuerySet
from .parts import ArticlePhoto, Byline, CommentRequest
from .querysets import ArticleQuerySet
from .stories import Article

__all__ = [
    "Article",
    "ArticlePhoto",
    "ArticleQuerySet",
    "ArticleStatus",
    "Byline",
    "BylineRole",
    "CommentMethod",
    "CommentOutcome",
    "CommentRequest",
    "Correction",
    "CorrectionKind",
    "CorrectionQuerySet",
    "FormerAddress",
    "Language",
    "LiveCoverage",
    "LiveUpdate",
    "LiveUpdateQuerySet",
    "SearchDocument",
    "Section",
    "Topic",
]
