"""Where findings go: console tables, JSON, JSON Lines, CSV. One format per module, found automatically."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from yinsi.core.errors import ConfigurationError
from yinsi.sinks.base import Sink, SinkFactory
from yinsi.sinks.output import Output


@cache
def formats() -> dict[str, SinkFactory]:
    """`--format` name → factory, from every module of this package that defines FORMAT and create().

    A module that fails to import offers no format rather than taking every other format (and the
    whole `yinsi scan` command) down with it; the sink contract test imports each one and fails loudly.
    """
    found: dict[str, SinkFactory] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{__name__}.{info.name}")
        except Exception:  # see the docstring
            continue
        name = getattr(module, "FORMAT", None)
        factory = getattr(module, "create", None)
        if isinstance(name, str) and callable(factory):
            found[name] = factory
    return found


def create_sink(name: str, output: Output, *, include_values: bool) -> Sink:
    try:
        factory = formats()[name]
    except KeyError:
        choices = ", ".join(sorted(formats()))
        raise ConfigurationError(f"unknown output format {name!r}; choose from {choices}") from None
    return factory(output, include_values=include_values)


__all__ = ["Output", "Sink", "create_sink", "formats"]
