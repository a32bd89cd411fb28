"""The personal-information inventory (数据资产清单) of a source: which table and column holds what.

GB/T 35273-2020 §10.1 (个人信息处理活动记录) and PIPL art. 51 ask a processor to know where personal
information lives; this module answers it table by table. A table that fails (missing, no permission,
timeout) is reported with its error and the others go on.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from yinsi._analyze import default_analyzer
from yinsi.core.errors import YinsiError
from yinsi.pipeline import Analyzer
from yinsi.sources.tables import Row, Table, TableSource
from yinsi.tabular.classify import ColumnClassifier, ColumnProfile
from yinsi.tabular.hints import NameHints, default_hints
from yinsi.tabular.model import ColumnReport, InventorySettings, RetentionReport, TableReport
from yinsi.tabular.retention import age_days, cutoff, pick_timestamp_column


class InventoryObserver(Protocol):
    """Told about progress; the CLI draws one progress bar per table."""

    def table_started(self, name: str, rows: int | None) -> None: ...

    def rows_done(self, count: int) -> None: ...

    def table_finished(self, report: TableReport) -> None: ...


@dataclass(frozen=True, slots=True)
class Inventory:
    """The inventory of one source, with when and how long it took."""

    source: str
    settings: InventorySettings
    tables: tuple[TableReport, ...]
    started_at: datetime.datetime
    duration_seconds: float

    @property
    def errors(self) -> tuple[TableReport, ...]:
        return tuple(table for table in self.tables if table.error is not None)


class InventoryRun:
    """Classifies the columns of tables with one analyzer, hint table and settings."""

    def __init__(
        self, settings: InventorySettings, *, analyzer: Analyzer | None = None,
        hints: NameHints | None = None, observer: InventoryObserver | None = None,
        now: datetime.datetime | None = None,
    ) -> None:
        self.settings = settings
        self.classifier = ColumnClassifier(analyzer or default_analyzer(), hints or default_hints(), settings)
        self.observer = observer
        self.now = now

    def source(self, source: TableSource, tables: Sequence[Table] | None = None) -> Inventory:
        """Every (selected) table of `source`."""
        started_at, clock = datetime.datetime.now(datetime.UTC), time.perf_counter()
        reports = [self.table(table) for table in (tables if tables is not None else source.tables())]
        return Inventory(source.display_name, self.settings, tuple(reports), started_at,
                         time.perf_counter() - clock)

    def table(self, table: Table) -> TableReport:
        """One table's report; a source error becomes the report's `error`."""
        try:
            report = self._table(table)
        except YinsiError as error:
            report = TableReport(table.name, None, 0, "", error=str(error))
        if self.observer is not None:
            self.observer.table_finished(report)
        return report

    def _table(self, table: Table) -> TableReport:
        settings = self.settings
        columns = table.columns()
        estimated = table.estimated_rows()
        profiles = [self.classifier.profile(column) for column in columns]
        if self.observer is not None:
            wanted = settings.sample_size
            known = estimated if estimated is not None else wanted
            total = estimated if settings.full else min(known, wanted)
            self.observer.table_started(table.name, total)
        if settings.full:
            model_reports: tuple[ColumnReport, ...] = ()
            if self.classifier.has_models:
                # Model-backed entities (names, addresses) are estimated on a random sample; every
                # value goes through the pattern recognizers (validated identifiers, anywhere).
                sample = table.sample(settings.sample_size)
                sampled_profiles = [self.classifier.profile(column) for column in columns]
                self._feed(sampled_profiles, _chunks(sample.rows, settings.batch_size), report=False)
                model_reports = tuple(profile.report() for profile in sampled_profiles)
                profiles = [self.classifier.profile(column, models=False) for column in columns]
            sampled = self._feed(profiles, table.batches(settings.batch_size))
            method, estimated = "full", sampled
            if model_reports:
                full_reports = tuple(profile.report() for profile in profiles)
                merged = tuple(
                    merge_reports(full, sampled_report, self.classifier.model_entities)
                    for full, sampled_report in zip(full_reports, model_reports, strict=True)
                )
                return self._finish(table, TableReport(table.name, estimated, sampled, method, merged))
        else:
            sample = table.sample(settings.sample_size)
            sampled = self._feed(profiles, _chunks(sample.rows, settings.batch_size))
            method = sample.method
            if sample.counted_rows is not None:
                estimated = sample.counted_rows
        reports = tuple(profile.report() for profile in profiles)
        return self._finish(table, TableReport(table.name, estimated, sampled, method, reports))

    def _finish(self, table: Table, report: TableReport) -> TableReport:
        if self.settings.retention_days is None:
            return report
        return TableReport(report.name, report.estimated_rows, report.rows_sampled, report.sampling,
                           report.columns, self._retention(table, report))

    def _feed(
        self, profiles: Sequence[ColumnProfile], batches: Iterator[list[Row]], *, report: bool = True
    ) -> int:
        rows = 0
        for batch in batches:
            if not batch:
                continue
            rows += len(batch)
            for index, values in enumerate(zip(*batch, strict=True)):
                profiles[index].add(values)
            if report and self.observer is not None:
                self.observer.rows_done(len(batch))
        return rows

    def _retention(self, table: Table, report: TableReport) -> RetentionReport:
        settings = self.settings
        assert settings.retention_days is not None
        days = settings.retention_days
        columns = table.columns()
        timestamp = pick_timestamp_column(columns, settings.timestamp_column)
        if timestamp is None:
            note = (f"no column {settings.timestamp_column!r}" if settings.timestamp_column
                    else "no timestamp column (name one with --timestamp-column)")
            return RetentionReport(days, None, note=note)
        personal_names = {column.name for column in report.personal_columns} - {timestamp.name}
        personal = [column for column in columns if column.name in personal_names]
        if not personal:
            return RetentionReport(days, timestamp.name, 0, None, note="no personal columns")
        expired, oldest = table.retention(timestamp, cutoff(days, self.now), personal)
        return RetentionReport(
            days, timestamp.name, expired, age_days(oldest, self.now) if oldest is not None else None
        )


def merge_reports(full: ColumnReport, sampled: ColumnReport, model_entities: frozenset[str]) -> ColumnReport:
    """A full-scan column report whose model-backed entities (names, addresses) come from the sampled
    report: the full pass ran pattern recognizers only, so it speaks for every other entity."""
    entities = [entity for entity in full.entities if entity.entity_type not in model_entities]
    entities.extend(entity for entity in sampled.entities if entity.entity_type in model_entities)
    entities.sort(key=lambda item: (-item.confidence, item.entity_type))
    return replace(full, entities=tuple(entities), free_text=full.free_text or sampled.free_text)


def _chunks(rows: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]
