"""A policy: entity type (or "sensitive", or "*") → operator + validated parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from yinsi.core.entities import ENTITY_TYPES
from yinsi.operators.base import Operator
from yinsi.operators.registry import get_operator

SENSITIVE = "sensitive"
ANY = "*"


@dataclass(frozen=True, slots=True)
class Rule:
    """An operator and its (already validated) Params instance."""

    operator: str
    params: Any

    @property
    def implementation(self) -> Operator:
        return get_operator(self.operator)


@dataclass(frozen=True, slots=True)
class Policy:
    """Rules by selector. The most specific selector wins: the entity's own name, then "sensitive"
    (PIPL art. 28 sensitive personal information), then "*". An entity no selector covers is left as
    it is. Findings scoring below `min_score` are left as they are too.
    """

    name: str
    rules: tuple[tuple[str, Rule], ...]
    min_score: float = 0.0
    description: str = ""
    _by_selector: dict[str, Rule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_selector", dict(self.rules))

    def rule_for(self, entity_type: str) -> Rule | None:
        rules = self._by_selector
        rule = rules.get(entity_type)
        if rule is not None:
            return rule
        entity = ENTITY_TYPES.get(entity_type)
        if entity is not None and entity.sensitive and SENSITIVE in rules:
            return rules[SENSITIVE]
        return rules.get(ANY)

    @property
    def needs_key(self) -> bool:
        """True when some rule needs the master key (keyed pseudonyms, fakes, FPE, keyed tags)."""
        return any(
            rule.implementation.needs_key or bool(getattr(rule.params, "keyed", False))
            for _, rule in self.rules
        )
