"""What de-identification returns: the new text and one record per replaced value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Replacement:
    """One value that was changed: where it was, where its replacement is, and which operator did it.

    `start`/`end` index the original text, `new_start`/`new_end` the anonymised text. `original` is
    None unless the caller asked for raw values (`include_originals=True`), so records can be logged.
    """

    entity_type: str
    start: int
    end: int
    new_start: int
    new_end: int
    operator: str
    original: str | None = None

    def as_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "entity_type": self.entity_type,
            "start": self.start,
            "end": self.end,
            "new_start": self.new_start,
            "new_end": self.new_end,
            "operator": self.operator,
        }
        if self.original is not None:
            record["original"] = self.original
        return record


@dataclass(frozen=True, slots=True)
class AnonymizedText:
    """The de-identified `text`, its `items` in text order, the policy name and the key id used.

    `key_id` (8 hex digits, None when no key was needed) goes into output metadata so that a later
    `deanonymize` with another key fails clearly instead of producing garbage.
    """

    text: str
    items: tuple[Replacement, ...]
    policy: str
    key_id: str | None = None

    def __str__(self) -> str:
        return self.text

    def counts(self) -> dict[str, int]:
        """Replacements per entity type."""
        found: dict[str, int] = {}
        for item in self.items:
            found[item.entity_type] = found.get(item.entity_type, 0) + 1
        return found
