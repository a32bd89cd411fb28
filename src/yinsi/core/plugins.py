"""Find plugin classes: the classes each public module of a package defines, plus entry points.

Recognizers, operators, app rules and policy rules are all "one module, one class, found
automatically" (STYLE.md #1); this is the one implementation of the finding.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from typing import TypeGuard, TypeVar

from yinsi.core.errors import ConfigurationError

PluginT = TypeVar("PluginT")


def discover_plugins(
    package_name: str,
    is_plugin: Callable[[object], TypeGuard[type[PluginT]]],
    *,
    skip: Iterable[str] = (),
    entry_point_group: str | None = None,
    kind: str = "plugin",
) -> list[type[PluginT]]:
    """Plugin classes of `package_name`'s modules (sorted by module name), then those of entry points.

    Modules whose name starts with "_" or is in `skip` (the package's own machinery) are not scanned.
    A class counts for the module that defines it, not for modules that import it. An entry point that
    does not name a plugin class is a ConfigurationError naming it and the `kind` expected.
    """
    package = importlib.import_module(package_name)
    skipped = frozenset(skip)
    found: list[type[PluginT]] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda item: item.name):
        if info.name.startswith("_") or info.name in skipped:
            continue
        module = importlib.import_module(f"{package_name}.{info.name}")
        for _, member in inspect.getmembers(module, inspect.isclass):
            if member.__module__ == module.__name__ and is_plugin(member):
                found.append(member)
    if entry_point_group is not None:
        for entry_point in entry_points(group=entry_point_group):
            loaded = entry_point.load()
            if not is_plugin(loaded):
                raise ConfigurationError(f"entry point {entry_point.name!r} does not name a {kind} class")
            found.append(loaded)
    return found
