"""Find app-audit rules: every module of this package plus the `yinsi.app_rules` entry points.

Adding a rule means adding one module here (and its test); nothing else lists them (STYLE.md #1).
"""

from __future__ import annotations

import inspect
import re
from functools import cache
from typing import TypeGuard

from yinsi.apps.findings import Severity
from yinsi.apps.rules.base import AppRule
from yinsi.core.errors import ConfigurationError
from yinsi.core.plugins import discover_plugins

_INFRASTRUCTURE = frozenset({"base", "registry", "references"})
ENTRY_POINT_GROUP = "yinsi.app_rules"
_RULE_ID = re.compile(r"^apps\.[a-z][a-z0-9_]*$")


@cache
def discover() -> tuple[type[AppRule], ...]:
    """All rule classes, yinsi's own first (sorted by module name), then plugins; metadata checked.

    Cached because discovery imports modules (which Python caches anyway); rule classes are immutable
    declarations without state.
    """
    found = discover_plugins(__name__.rsplit(".", 1)[0], _is_rule, skip=_INFRASTRUCTURE,
                             entry_point_group=ENTRY_POINT_GROUP, kind="AppRule subclass")
    seen: set[str] = set()
    for rule in found:
        _check_metadata(rule)
        if rule.id in seen:
            raise ConfigurationError(f"two app rules share the id {rule.id!r}")
        seen.add(rule.id)
    return tuple(found)


def _is_rule(candidate: object) -> TypeGuard[type[AppRule]]:
    return inspect.isclass(candidate) and issubclass(candidate, AppRule) and not inspect.isabstract(candidate)


def _check_metadata(rule: type[AppRule]) -> None:
    name = rule.__name__
    for attribute in ("id", "severity", "title_zh", "title_en", "references"):
        if not hasattr(rule, attribute):
            raise ConfigurationError(f"app rule {name} lacks {attribute!r}")
    if not _RULE_ID.match(rule.id):
        raise ConfigurationError(f"app rule {name}: id {rule.id!r} must look like 'apps.snake_case'")
    if not isinstance(rule.severity, Severity) or not rule.references:
        raise ConfigurationError(f"app rule {rule.id}: needs a Severity and at least one reference")


def create_all() -> list[AppRule]:
    """One instance of every discovered rule."""
    return [rule() for rule in discover()]
