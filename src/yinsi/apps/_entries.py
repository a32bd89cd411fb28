"""Typed field readers for knowledge-file entries; every error names the file, the entry and the field."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from yinsi.core.errors import ConfigurationError


def load_yaml_document(path: Path, *, required: tuple[str, ...]) -> dict[str, Any]:
    """Parse a knowledge file and check its top-level keys (`version` and `source` are always required)."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"{path.name}: cannot read knowledge file: {error}") from error
    if not isinstance(document, dict):
        raise ConfigurationError(f"{path.name}: top level must be a mapping")
    for key in ("version", "source", *required):
        if key not in document:
            raise ConfigurationError(f"{path.name}: missing top-level key {key!r}")
    return document


class EntryReader:
    """Reads one mapping entry of a knowledge file, raising ConfigurationError on any malformed field."""

    __slots__ = ("_entry", "_where")

    def __init__(self, file_name: str, section: str, index: int, entry: object) -> None:
        if not isinstance(entry, Mapping):
            raise ConfigurationError(f"{file_name}: {section}[{index}] must be a mapping")
        label = entry.get("id") or entry.get("name") or entry.get("zh") or index
        self._where = f"{file_name}: {section} entry {label!r}"
        self._entry = entry

    def error(self, message: str) -> ConfigurationError:
        return ConfigurationError(f"{self._where}: {message}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self._entry.get(key, default)
        if value is None:
            raise self.error(f"missing field {key!r}")
        if not isinstance(value, str | int | float) or isinstance(value, bool) or str(value).strip() == "":
            raise self.error(f"field {key!r} must be a non-empty string")
        return str(value)

    def optional_text(self, key: str) -> str:
        value = self._entry.get(key)
        return "" if value is None else self.text(key)

    def integer(self, key: str) -> int:
        value = self._entry.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(f"field {key!r} must be an integer")
        return value

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self._entry.get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"field {key!r} must be true or false")
        return value

    def strings(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self._entry.get(key)
        if value is None:
            if required:
                raise self.error(f"missing field {key!r}")
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise self.error(f"field {key!r} must be a list of non-empty strings")
        return tuple(value)

    def entries(self, key: str) -> list[object]:
        value = self._entry.get(key, [])
        if not isinstance(value, list):
            raise self.error(f"field {key!r} must be a list")
        return value
