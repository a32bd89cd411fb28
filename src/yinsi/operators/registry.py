"""Find operators: every module of this package defining a class with `name`, `params_type`, `operate`.

Adding an operator means adding one module (and its test); nothing else lists them (STYLE.md #1).
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import TypeGuard

from yinsi.core.errors import ConfigurationError
from yinsi.core.plugins import discover_plugins
from yinsi.operators.base import Operator

_INFRASTRUCTURE = frozenset({"base", "params", "registry"})


@cache
def operators() -> dict[str, Operator]:
    """Operator name → shared instance (operators are stateless, so one instance each is enough)."""
    found: dict[str, Operator] = {}
    for operator_class in discover_plugins(__name__.rsplit(".", 1)[0], _is_operator, skip=_INFRASTRUCTURE,
                                           kind="operator"):
        instance = operator_class()
        found[instance.name] = instance
    return found


def _is_operator(candidate: object) -> TypeGuard[type[Operator]]:
    return inspect.isclass(candidate) and all(
        hasattr(candidate, attribute) for attribute in ("name", "params_type", "operate", "check")
    )


def get_operator(name: str) -> Operator:
    """The operator called `name`, or ConfigurationError listing the known ones."""
    try:
        return operators()[name]
    except KeyError:
        raise ConfigurationError(
            f"unknown operator {name!r}; known operators: {', '.join(sorted(operators()))}"
        ) from None
