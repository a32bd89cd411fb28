"""What the inventory needs from a table, whatever holds it: a file with columns or a SQL table.

A `Table` names its columns, estimates its size, hands out a random sample or every row in batches,
and answers the retention question. Rows are tuples in column order; None is NULL. Sources raise
`InputError` subclasses with one-line messages; the inventory records them per table and goes on.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Protocol

from yinsi.tabular.model import ColumnInfo
from yinsi.tabular.retention import RetentionCounter

Row = tuple[object, ...]


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
    """Names matching any `include` glob (all when none) and no `exclude` glob, in the given order."""
    return [
        name for name in names
        if (not include or any(fnmatchcase(name, pattern) for pattern in include))
        and not any(fnmatchcase(name, pattern) for pattern in exclude)
    ]
