"""Aggregate findings as they stream past: counts by entity type and by file, distinct values by digest.

Memory grows with the number of distinct types, files and digests, not with the number of findings,
so a console summary of a scan with millions of findings stays small.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.types import Finding


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One row of the by-entity table; `example` is a masked preview, never a value."""

    entity_type: str
    chinese: str
    sensitive: bool
    category: str
    count: int
    distinct_values: int
    files: int
    example: str | None


@dataclass(frozen=True, slots=True)
class FileSummary:
    path: str
    count: int
    sensitive: int


@dataclass(frozen=True, slots=True)
class FieldSummary:
    """Findings of one entity type in one column (CSV, tables) or JSON key of one file."""

    path: str
    field: str
    entity_type: str
    count: int


class Summary:
    """Running totals of findings; `entities()` sorts sensitive types first, then by count."""

    def __init__(self) -> None:
        self.total = 0
        self.sensitive = 0
        self._counts: Counter[str] = Counter()
        self._digests: dict[str, set[str]] = {}
        self._files_by_type: dict[str, set[str]] = {}
        self._examples: dict[str, str] = {}
        self._example_scores: dict[str, float] = {}
        self._by_file: Counter[str] = Counter()
        self._sensitive_by_file: Counter[str] = Counter()
        self._by_field: Counter[tuple[str, str, str]] = Counter()

    def add(self, finding: Finding) -> None:
        kind = finding.entity_type
        path = finding.location.path if finding.location is not None and finding.location.path else "-"
        self.total += 1
        self._counts[kind] += 1
        self._by_file[path] += 1
        if finding.sensitive:
            self.sensitive += 1
            self._sensitive_by_file[path] += 1
        if finding.digest is not None:
            self._digests.setdefault(kind, set()).add(finding.digest)
        self._files_by_type.setdefault(kind, set()).add(path)
        location = finding.location
        name = location.column_name or location.field if location is not None else None
        if name:
            self._by_field[(path, name, kind)] += 1
        # The example is the preview of the most confident finding (the first of equals).
        if finding.preview is not None and finding.score > self._example_scores.get(kind, -1.0):
            self._examples[kind] = finding.preview
            self._example_scores[kind] = finding.score

    def entities(self) -> list[EntitySummary]:
        rows = []
        for kind, count in self._counts.items():
            entity = ENTITY_TYPES.get(kind)
            rows.append(EntitySummary(
                entity_type=kind,
                chinese=entity.chinese if entity else "",
                sensitive=entity.sensitive if entity else False,
                category=entity.category.value if entity else "",
                count=count,
                distinct_values=len(self._digests.get(kind, ())),
                files=len(self._files_by_type.get(kind, ())),
                example=self._examples.get(kind),
            ))
        return sorted(rows, key=lambda row: (not row.sensitive, -row.count, row.entity_type))

    def files(self) -> list[FileSummary]:
        rows = [
            FileSummary(path, count, self._sensitive_by_file[path]) for path, count in self._by_file.items()
        ]
        return sorted(rows, key=lambda row: (-row.sensitive, -row.count, row.path))

    def fields(self) -> list[FieldSummary]:
        """The personal-data inventory by column/key, largest first."""
        rows = [FieldSummary(path, name, kind, count) for (path, name, kind), count in self._by_field.items()]
        return sorted(rows, key=lambda row: (-row.count, row.path, row.field, row.entity_type))

    def as_record(self) -> dict[str, Any]:
        """The `summary` member of the JSON result."""
        return {
            "findings": self.total,
            "sensitive_findings": self.sensitive,
            "by_entity_type": [
                {
                    "entity_type": row.entity_type,
                    "chinese": row.chinese,
                    "category": row.category,
                    "sensitive": row.sensitive,
                    "count": row.count,
                    "distinct_values": row.distinct_values,
                    "files": row.files,
                }
                for row in self.entities()
            ],
            "by_file": [
                {"path": row.path, "findings": row.count, "sensitive": row.sensitive} for row in self.files()
            ],
            "by_field": [
                {"path": row.path, "field": row.field, "entity_type": row.entity_type, "count": row.count}
                for row in self.fields()
            ],
        }
