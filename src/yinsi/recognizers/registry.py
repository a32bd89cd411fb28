"""Find recognizer classes: every module of this package, plus the `yinsi.recognizers` entry points.

Adding a detector means adding one module here (and its test); nothing else lists them (STYLE.md #1).
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import TypeGuard

from yinsi.core.errors import ConfigurationError, RecognizerError
from yinsi.core.plugins import discover_plugins
from yinsi.recognizers.base import PatternRecognizer, Recognizer

_INFRASTRUCTURE = frozenset({"base", "registry"})
ENTRY_POINT_GROUP = "yinsi.recognizers"


@cache
def discover() -> tuple[type[Recognizer], ...]:
    """All recognizer classes, yinsi's own first (sorted by module name), then plugins.

    Cached because discovery imports modules, which Python caches anyway; the classes are immutable
    declarations, so sharing them is safe. Instances are created per Analyzer.
    """
    try:
        found = discover_plugins(
            __name__.rsplit(".", 1)[0], _is_recognizer_class, skip=_INFRASTRUCTURE,
            entry_point_group=ENTRY_POINT_GROUP, kind="recognizer",
        )
    except ConfigurationError as error:
        raise RecognizerError(str(error)) from None
    return tuple(found)


def _is_recognizer_class(candidate: object) -> TypeGuard[type[Recognizer]]:
    if not inspect.isclass(candidate) or inspect.isabstract(candidate):
        return False
    if candidate is PatternRecognizer:
        return False
    if issubclass(candidate, PatternRecognizer):
        return hasattr(candidate, "entity_type") and hasattr(candidate, "patterns")
    return all(hasattr(candidate, attribute) for attribute in ("entity_types", "analyze", "examples"))


def create_all() -> list[Recognizer]:
    """One fresh instance of every discovered recognizer."""
    return [recognizer_class() for recognizer_class in discover()]
