"""A de-identified copy of a database: personal columns through a policy, everything else as it is.

Columns are classified first (a sample, as for the inventory); personal columns are then rewritten
value by value with the same operators and policies as `yinsi mask`, under one key for the whole
copy, so a pseudonymised phone number is the same in `customers` and in `orders` and joins survive.
Every other column and the table definitions are copied unchanged; a personal column whose type
cannot hold masked text (a BIGINT phone number) becomes TEXT in the copy.

In a structured column (not free text) a value in which nothing is found is replaced as the column's
entity as a whole: a name the name recogniser misses must not pass into a courier's copy.

The copy is resumable per table: a progress table in the destination records finished tables (with
the policy and key id), and a second run skips them and redoes any table left half-written.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from yinsi._analyze import default_analyzer
from yinsi.core.errors import YinsiError
from yinsi.core.types import Finding
from yinsi.pipeline import Analyzer
from yinsi.policy.apply import PolicyRun
from yinsi.rewriting.masking import MaskingTransform
from yinsi.sources.sql import (
    DatabaseError,
    SqlSource,
    SqlTable,
    create_engine,
    describe_error,
    display_of,
    same_database,
)
from yinsi.tabular.inventory import InventoryRun
from yinsi.tabular.model import ColumnReport, InventorySettings

PROGRESS_TABLE = "_yinsi_mask_progress"


class CopyObserver(Protocol):
    def table_started(self, name: str, rows: int | None) -> None: ...

    def rows_done(self, count: int) -> None: ...

    def table_finished(self, report: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class CopiedTable:
    """What happened to one table: `copied`, `skipped` (finished by an earlier run) or `failed`."""

    name: str
    status: str
    rows: int = 0
    masked_columns: tuple[str, ...] = ()
    replaced: tuple[tuple[str, int], ...] = ()
    error: str | None = None


class MaskedCopy:
    """Copies tables from a source database to a destination URL under one policy run."""

    def __init__(
        self, source: SqlSource, destination_url: str, run: PolicyRun, *,
        settings: InventorySettings | None = None, analyzer: Analyzer | None = None,
        observer: CopyObserver | None = None, restart: bool = False,
    ) -> None:
        import sqlalchemy as sa

        self.source = source
        self.run = run
        self.settings = settings or InventorySettings()
        self.analyzer = analyzer or default_analyzer()
        self.observer = observer
        self.destination = create_engine(destination_url, read_only=False, statement_timeout=None)
        self.destination_name = display_of(destination_url)
        if same_database(self.destination.url, source.engine.url):
            raise DatabaseError("the destination is the source; a masked copy never writes to its source")
        self._metadata = sa.MetaData()
        self._progress = sa.Table(
            PROGRESS_TABLE, self._metadata,
            sa.Column("table_name", sa.String(255), primary_key=True), sa.Column("status", sa.String(16)),
            sa.Column("rows_copied", sa.Integer), sa.Column("policy", sa.String(255)),
            sa.Column("key_id", sa.String(64)), sa.Column("finished_at", sa.DateTime),
        )
        try:
            self._progress.create(self.destination, checkfirst=True)
            if restart:
                with self.destination.begin() as connection:
                    connection.execute(self._progress.delete())
        except sa.exc.SQLAlchemyError as error:
            message = describe_error(error, self.destination)
            raise DatabaseError(f"{self.destination_name}: {message}") from None

    def copy(self, tables: Sequence[SqlTable]) -> list[CopiedTable]:
        done = [self._copy_one(table) for table in tables]
        self.destination.dispose()
        return done

    def _finished_before(self, name: str) -> bool:
        import sqlalchemy as sa

        with self.destination.connect() as connection:
            row = connection.execute(
                sa.select(self._progress.c.status, self._progress.c.policy, self._progress.c.key_id)
                .where(self._progress.c.table_name == name)
            ).first()
        key_id = self.run.keys.key_id if self.run.keys is not None else None
        return row is not None and tuple(row) == ("done", self.run.policy.name, key_id)

    def _copy_one(self, table: SqlTable) -> CopiedTable:
        import sqlalchemy as sa

        try:
            if self._finished_before(table.name):
                return CopiedTable(table.name, "skipped")
            report = InventoryRun(self.settings, analyzer=self.analyzer).table(table)
            if report.error is not None:
                return CopiedTable(table.name, "failed", error=report.error)
            personal = {column.name: column for column in report.columns if column.personal}
            return self._write(table, personal)
        except YinsiError as error:
            return CopiedTable(table.name, "failed", error=str(error))
        except sa.exc.SQLAlchemyError as error:
            message = f"{table.name}: {describe_error(error, self.destination)}"
            return CopiedTable(table.name, "failed", error=message)

    def _write(self, table: SqlTable, personal: dict[str, ColumnReport]) -> CopiedTable:
        import sqlalchemy as sa

        reflected = sa.Table(table.table_name, sa.MetaData(), schema=table.schema,
                             autoload_with=self.source.engine)
        target = reflected.to_metadata(sa.MetaData(), schema=None)  # type: ignore[arg-type]
        _adapt(target, self.source.engine.dialect.name != self.destination.dialect.name)
        for name in personal:
            column = target.c[name]
            if not isinstance(column.type, sa.String):
                column.type = sa.Text()  # masked values are text
        target.drop(self.destination, checkfirst=True)
        target.create(self.destination)
        names = [column.name for column in table.columns()]
        transforms = {name: MaskingTransform(self.run, self._analyzer_for(column))
                      for name, column in personal.items()}
        fallback: Counter[str] = Counter()
        rows = 0
        if self.observer is not None:
            self.observer.table_started(table.name, table.estimated_rows())
        with self.destination.begin() as connection:
            for batch in table.batches(self.settings.batch_size):
                columns = [list(values) for values in zip(*batch, strict=True)]
                for index, name in enumerate(names):
                    if name in personal:
                        columns[index] = self._mask(
                            columns[index], personal[name], transforms[name], fallback
                        )
                records = [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]
                connection.execute(target.insert(), records)
                rows += len(batch)
                if self.observer is not None:
                    self.observer.rows_done(len(batch))
            connection.execute(sa.delete(self._progress).where(self._progress.c.table_name == table.name))
            connection.execute(self._progress.insert().values(
                table_name=table.name, status="done", rows_copied=rows, policy=self.run.policy.name,
                key_id=self.run.keys.key_id if self.run.keys is not None else None,
                finished_at=datetime.datetime.now(datetime.UTC).replace(tzinfo=None),
            ))
        replaced: Counter[str] = Counter(fallback)
        for transform in transforms.values():
            replaced.update(transform.counts)
        result = CopiedTable(table.name, "copied", rows, tuple(personal), tuple(sorted(replaced.items())))
        if self.observer is not None:
            self.observer.table_finished(result)
        return result

    def _analyzer_for(self, column: ColumnReport) -> Analyzer:
        """Free text: every entity. A structured column: only what it holds (a street named like a
        person inside an address column is still the address)."""
        if column.free_text:
            return self.analyzer
        held = frozenset(entity.entity_type for entity in column.entities if entity.confident)
        return _EntityAnalyzer(self.analyzer, held)

    def _mask(
        self, values: list[object], column: ColumnReport, transform: MaskingTransform, fallback: Counter[str]
    ) -> list[object]:
        """One column's batch through the policy; whole-value replacement where nothing was found."""
        primary = column.primary
        label = column.name
        positions = [index for index, value in enumerate(values) if _maskable(value)]
        texts = [_text(values[index]) for index in positions]
        masked = transform.many([(text, label) for text in texts]) if texts else []
        result = list(values)
        for index, text, new in zip(positions, texts, masked, strict=True):
            if new == text and primary is not None and not column.free_text:
                whole = Finding(primary.entity_type, 0, len(text), 1.0, "column")
                applied = self.run.apply(text, [whole])
                if applied.items:
                    fallback[primary.entity_type] += 1
                new = applied.text
            result[index] = new
        return result


def _adapt(table: Any, other_dialect: bool) -> None:
    """Make a reflected table creatable in the destination: into another kind of database, types
    become their generic SQLAlchemy form (BYTEA → LargeBinary) and server defaults are dropped; a
    sequence default (`nextval(...)`) would point at the source's sequence and is always dropped.
    Every row is copied with its values, so no default is needed to fill it."""
    for column in table.columns:
        default = column.server_default
        text = str(getattr(default, "arg", "")) if default is not None else ""
        if other_dialect or "nextval" in text:
            column.server_default = None
        if other_dialect:
            try:
                column.type = column.type.as_generic()
            except NotImplementedError:
                pass


class _EntityAnalyzer(Analyzer):
    """An Analyzer limited to some entity types, for MaskingTransform."""

    def __init__(self, analyzer: Analyzer, entities: frozenset[str]) -> None:
        super().__init__(analyzer.recognizers)
        self._entities = entities

    def analyze(self, text: str, **options: Any) -> list[Finding]:
        options["entities"] = self._entities
        return super().analyze(text, **options)


def _maskable(value: object) -> bool:
    """Text, integers (phone numbers stored as BIGINT) and dates (birth dates); never binary data."""
    if isinstance(value, bool):
        return False
    if isinstance(value, datetime.date):
        return True
    return isinstance(value, str | int) and bool(str(value).strip())


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)
