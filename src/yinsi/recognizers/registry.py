"""Find recognizer classes: every module of this package, plus the `yinsi.recognizers` entry points.

Adding a detector means adding one module here (and its test); nothing else lists them (STYLE.md #1).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache
from importlib.metadata import entry_points
from typing import TypeGuard

from yinsi.core.errors import RecognizerError
from yinsi.recognizers.base import PatternRecognizer, Recognizer

_INFRASTRUCTURE = frozenset({"base", "registry"})
ENTRY_POINT_GROUP = "yinsi.recognizers"


@cache
def discover() -> tuple[type[Recognizer], ...]:
    """All recognizer classes, yinsi's own first (sorted by module name), then plugins.

    Cached because discovery imports modules, which Python caches anyway; the classes are immutable
    declarations, so sharing them is safe. Instances are created per Analyzer.
    """
    package = importlib.import_module(__name__.rsplit(".", 1)[0])
    found: list[type[Recognizer]] = []
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name):
        if module_info.name.startswith("_") or module_info.name in _INFRASTRUCTURE:
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        found.extend(_recognizers_in(module))
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry_point.load()
        if not _is_recognizer_class(loaded):
            raise RecognizerError(f"entry point {entry_point.name!r} does not name a recognizer class")
        found.append(loaded)
    return tuple(found)


def _recognizers_in(module: object) -> list[type[Recognizer]]:
    found: list[type[Recognizer]] = []
    for _, member in inspect.getmembers(module, inspect.isclass):
        if member.__module__ == getattr(module, "__name__", None) and _is_recognizer_class(member):
            found.append(member)
    return found


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
