"""Find privacy-policy rules: every module of this package plus the `yinsi.policy_rules` entry points.

Adding a rule means adding one module here (and its labelled examples); nothing else lists them.
"""

from __future__ import annotations

import inspect
import re
from functools import cache
from typing import TypeGuard

from yinsi.apps.findings import Severity
from yinsi.core.errors import ConfigurationError
from yinsi.core.plugins import discover_plugins
from yinsi.privacy_policy.rules.base import PolicyRule

_INFRASTRUCTURE = frozenset({"base", "registry", "references"})
ENTRY_POINT_GROUP = "yinsi.policy_rules"
_RULE_ID = re.compile(r"^policy\.[a-z][a-z0-9_]*$")
KINDS = ("disclosure", "risk", "consistency")


@cache
def discover() -> tuple[type[PolicyRule], ...]:
    """All rule classes by kind (disclosure, risk, consistency), then `order`, then module name; checked."""
    found = discover_plugins(__name__.rsplit(".", 1)[0], _is_rule, skip=_INFRASTRUCTURE,
                             entry_point_group=ENTRY_POINT_GROUP, kind="PolicyRule subclass")
    seen: set[str] = set()
    for rule in found:
        _check_metadata(rule)
        if rule.id in seen:
            raise ConfigurationError(f"two policy rules share the id {rule.id!r}")
        seen.add(rule.id)
    return tuple(sorted(found, key=lambda rule: (KINDS.index(rule.kind), rule.order)))


def _is_rule(candidate: object) -> TypeGuard[type[PolicyRule]]:
    return (inspect.isclass(candidate) and issubclass(candidate, PolicyRule)
            and not inspect.isabstract(candidate))


def _check_metadata(rule: type[PolicyRule]) -> None:
    name = rule.__name__
    for attribute in ("id", "kind", "severity", "title_zh", "title_en", "references"):
        if not hasattr(rule, attribute):
            raise ConfigurationError(f"policy rule {name} lacks {attribute!r}")
    if not _RULE_ID.match(rule.id):
        raise ConfigurationError(f"policy rule {name}: id {rule.id!r} must look like 'policy.snake_case'")
    if rule.kind not in KINDS:
        raise ConfigurationError(f"policy rule {rule.id}: kind must be one of {', '.join(KINDS)}")
    if not isinstance(rule.severity, Severity) or not rule.references:
        raise ConfigurationError(f"policy rule {rule.id}: needs a Severity and at least one reference")


def create_all() -> list[PolicyRule]:
    """One instance of every discovered rule."""
    return [rule() for rule in discover()]


def rule_by_id(rule_id: str) -> PolicyRule:
    for rule in discover():
        if rule.id == rule_id:
            return rule()
    raise ConfigurationError(f"unknown policy rule {rule_id!r}")
