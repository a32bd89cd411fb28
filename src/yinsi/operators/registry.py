"""Find operators: every module of this package defining a class with `name`, `params_type`, `operate`.

Adding an operator means adding one module (and its test); nothing else lists them (STYLE.md #1).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache
from typing import cast

from yinsi.core.errors import ConfigurationError
from yinsi.operators.base import Operator

_INFRASTRUCTURE = frozenset({"base", "params", "registry"})


@cache
def operators() -> dict[str, Operator]:
    """Operator name → shared instance (operators are stateless, so one instance each is enough)."""
    package = importlib.import_module(__name__.rsplit(".", 1)[0])
    found: dict[str, Operator] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda item: item.name):
        if info.name.startswith("_") or info.name in _INFRASTRUCTURE:
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for _, member in inspect.getmembers(module, inspect.isclass):
            if member.__module__ == module.__name__ and all(
                hasattr(member, attribute) for attribute in ("name", "params_type", "operate", "check")
            ):
                instance = cast(Operator, member())
                found[instance.name] = instance
    return found


def get_operator(name: str) -> Operator:
    """The operator called `name`, or ConfigurationError listing the known ones."""
    try:
        return operators()[name]
    except KeyError:
        raise ConfigurationError(
            f"unknown operator {name!r}; known operators: {', '.join(sorted(operators()))}"
        ) from None
