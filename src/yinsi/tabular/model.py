"""Frozen results of a table inventory: per column, per table, per source.

These are what the console table, the JSON result (`kind: "inventory"`, docs/result-schema.md) and
the CSV inventory show; none of them holds a value from the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from yinsi.core.entities import ENTITY_TYPES, Category
from yinsi.sources.tables import ColumnInfo, ValueKind

__all__ = [
    "CONFIDENT", "ColumnEntity", "ColumnInfo", "ColumnReport", "InventorySettings", "RetentionReport",
    "TableReport", "ValueKind",
]

# An entity is taken as present in a column from this confidence on; below it, it is listed as a
# possibility (a name that suggests it, a few scattered hits) but does not make the column personal.
CONFIDENT = 0.5


@dataclass(frozen=True, slots=True)
class ColumnEntity:
    """One entity type seen in a column.

    `hit_ratio` is the share of the column's non-null sampled values holding it (None when only the
    name suggests it and no value could be checked); `evidence` is `values`, `name+values` or `name`.
    """

    entity_type: str
    hit_ratio: float | None
    confidence: float
    evidence: str

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


@dataclass(frozen=True, slots=True)
class ColumnReport:
    """What one column holds."""

    name: str
    type_name: str
    values_sampled: int
    null_ratio: float
    entities: tuple[ColumnEntity, ...] = ()
    free_text: bool = False
    name_hint: str | None = None

    @property
    def primary(self) -> ColumnEntity | None:
        """The most confident entity, if any reaches CONFIDENT."""
        confident = [entity for entity in self.entities if entity.confident]
        return confident[0] if confident else None

    @property
    def personal(self) -> bool:
        return any(
            entity.confident and _catalogue_personal(entity.entity_type) for entity in self.entities
        )

    @property
    def sensitive(self) -> bool:
        """Sensitive personal information (PIPL art. 28) is confidently present."""
        return any(
            entity.confident and ENTITY_TYPES[entity.entity_type].sensitive for entity in self.entities
        )

    @property
    def category(self) -> Category | None:
        """GB/T 35273-2020 Annex A category of the primary entity."""
        primary = self.primary
        return ENTITY_TYPES[primary.entity_type].category if primary is not None else None


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """Rows holding personal information older than the retention period (PIPL art. 19, 47).

    `expired_rows` counts rows whose timestamp is older than `period_days` and that hold a non-null
    value in at least one personal column; `oldest_age_days` is the age of the oldest such row.
    `note` says why nothing was counted (no timestamp column, no personal columns).
    """

    period_days: int
    timestamp_column: str | None
    expired_rows: int | None = None
    oldest_age_days: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class TableReport:
    """One table (or tabular file): its columns, size, how it was sampled, retention, or its error."""

    name: str
    estimated_rows: int | None
    rows_sampled: int
    sampling: str
    columns: tuple[ColumnReport, ...] = ()
    retention: RetentionReport | None = None
    error: str | None = None

    @property
    def personal_columns(self) -> tuple[ColumnReport, ...]:
        return tuple(column for column in self.columns if column.personal)

    @property
    def sensitive(self) -> bool:
        return any(column.sensitive for column in self.columns)


@dataclass(frozen=True, slots=True)
class InventorySettings:
    """How an inventory samples and decides; passed explicitly (no global settings)."""

    sample_size: int = 1000
    full: bool = False
    batch_size: int = 5000
    min_score: float = 0.5
    min_hit_ratio: float = 0.05
    retention_days: int | None = None
    timestamp_column: str | None = None
    tables: tuple[str, ...] = ()
    exclude_tables: tuple[str, ...] = ()


def _catalogue_personal(name: str) -> bool:
    entity = ENTITY_TYPES.get(name)
    return entity is not None and entity.personal
