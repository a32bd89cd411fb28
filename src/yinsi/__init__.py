"""yinsi (隐私): find, protect and audit personal information, built for China's privacy rules.

Public API only; everything else is internal and may change.
"""

from __future__ import annotations

from yinsi._analyze import analyze, default_analyzer
from yinsi.core.entities import ENTITY_TYPES, Category, EntityType, entity_type
from yinsi.core.errors import (
    ConfigurationError,
    InputError,
    RecognizerError,
    UnknownEntityError,
    YinsiError,
)
from yinsi.core.types import Evidence, Finding, Location, Span
from yinsi.pipeline import Analyzer, resolve_overlaps
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer, Recognizer

__version__ = "0.1.0"

__all__ = [
    "ENTITY_TYPES",
    "Analyzer",
    "Category",
    "ConfigurationError",
    "EntityType",
    "Evidence",
    "Examples",
    "Finding",
    "InputError",
    "Location",
    "Pattern",
    "PatternRecognizer",
    "Recognizer",
    "RecognizerError",
    "Span",
    "UnknownEntityError",
    "YinsiError",
    "__version__",
    "analyze",
    "default_analyzer",
    "entity_type",
    "resolve_overlaps",
]
