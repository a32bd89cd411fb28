"""What the inventory needs from a table, whatever holds it: a file with columns or a SQL table.

A `Table` names its columns, estimates its size, hands out a random sample or every row in batches,
and answers the retention question. Rows are tuples in column order; None is NULL. Sources raise
`InputError` subclasses with one-line messages; the inventory records them per table and goes on.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fnmatch import fnmatchcase
from typing import Protocol

Row = tuple[object, ...]
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


class ValueKind(StrEnum):
    """What a column's values are, as far as detection cares (from the SQL type or the values)."""

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    TEMPORAL = "temporal"
    BOOLEAN = "boolean"
    BINARY = "binary"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ColumnInfo:
    """A column as the source declares it: name, the source's type name, and its ValueKind."""

    name: str
    type_name: str
    kind: ValueKind = ValueKind.TEXT


def as_datetime(value: object) -> datetime.datetime | None:
    """A cell as a naive UTC datetime: datetime/date objects, ISO 8601 text, epoch seconds; else None."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC).replace(tzinfo=None)
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_RE.match(text):
            return None
        try:
            return as_datetime(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            return None
    return None


class RetentionCounter:
    """Counts expired rows with personal values while rows stream past (for file sources)."""

    def __init__(self, limit: datetime.datetime, timestamp_index: int, personal: Sequence[int]) -> None:
        self.limit = limit
        self._timestamp = timestamp_index
        self._personal = tuple(personal)
        self.expired = 0
        self.oldest: datetime.datetime | None = None

    def add(self, rows: Sequence[Sequence[object]]) -> None:
        for row in rows:
            when = as_datetime(row[self._timestamp])
            if when is None or when >= self.limit:
                continue
            if not any(row[index] not in (None, "") for index in self._personal):
                continue
            self.expired += 1
            if self.oldest is None or when < self.oldest:
                self.oldest = when


@dataclass(frozen=True, slots=True)
class Sample:
    """Rows drawn from a table, how they were drawn, and the exact row count when it became known."""

    rows: list[Row]
    method: str
    counted_rows: int | None = None


class Table(Protocol):
    """One table of a source."""

    name: str

    def columns(self) -> tuple[ColumnInfo, ...]: ...

    def estimated_rows(self) -> int | None: ...

    def sample(self, size: int) -> Sample: ...

    def batches(self, size: int) -> Iterator[list[Row]]: ...

    def retention(
        self, timestamp: ColumnInfo, limit: datetime.datetime, personal: Sequence[ColumnInfo]
    ) -> tuple[int, datetime.datetime | None]:
        """(rows older than `limit` with a value in a `personal` column, the oldest such timestamp)."""
        ...


class TableSource(Protocol):
    """A file or database: a display name (never holding a password) and its tables."""

    display_name: str

    def tables(self) -> list[Table]: ...


def reservoir(batches: Iterable[Sequence[Row]], size: int, seed: int = 0) -> Sample:
    """A uniform random sample of `size` rows from a stream of unknown length (Vitter's algorithm R),
    in bounded memory, with the exact count of rows seen. A fixed seed keeps reports reproducible."""
    rng = random.Random(seed)
    kept: list[Row] = []
    seen = 0
    for batch in batches:
        for row in batch:
            seen += 1
            if len(kept) < size:
                kept.append(row)
            else:
                slot = rng.randrange(seen)
                if slot < size:
                    kept[slot] = row
    method = "all rows" if seen <= size else "random (reservoir)"
    return Sample(kept, method, seen)


def count_retention(
    table: Table, timestamp: ColumnInfo, limit: datetime.datetime, personal: Sequence[ColumnInfo],
    batch_size: int = 5000,
) -> tuple[int, datetime.datetime | None]:
    """Retention by streaming every row: for sources that cannot be queried."""
    names = [column.name for column in table.columns()]
    counter = RetentionCounter(limit, names.index(timestamp.name), [names.index(c.name) for c in personal])
    for batch in table.batches(batch_size):
        counter.add(batch)
    return counter.expired, counter.oldest


def select_tables(names: Iterable[str], include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    """Names matching any `include` glob (all when none) and no `exclude` glob, in the given order.

    A glob is tried on the whole name and on its last part, so `cust*` selects `sales.customers`
    (a table in a named schema) and `orders.csv` selects `exports/orders.csv`.
    """
    def hit(name: str, patterns: Sequence[str]) -> bool:
        short = name.rpartition("/")[2] if "/" in name else name.rpartition(".")[2]
        return any(fnmatchcase(name, pattern) or fnmatchcase(short, pattern) for pattern in patterns)

    return [name for name in names if (not include or hit(name, include)) and not hit(name, exclude)]
