"""Shared parts of `yinsi db scan` and `yinsi scan --inventory`: options, progress, console table.

The console table lists personal columns only, sensitive first (PIPL art. 28), then the retention
audit when asked; JSON and CSV reports list every column. Exit status: 0 done, 2 when a table could
not be read (the others are still reported).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

import click
from rich.console import Console
from rich.table import Table as RichTable

from yinsi import __version__
from yinsi.cli._console import report_console
from yinsi.core.entities import ENTITY_TYPES
from yinsi.sinks.inventory import write_csv, write_json
from yinsi.sinks.output import Output, check_writable
from yinsi.sinks.plain import plain, printable
from yinsi.sources.tables import Table, TableSource, select_tables
from yinsi.tabular.inventory import Inventory, InventoryRun
from yinsi.tabular.model import InventorySettings, TableReport
from yinsi.tabular.retention import parse_period

EXIT_TABLE_ERRORS = 2
_FORMATS = ("table", "json", "csv")


def inventory_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options both inventory commands take."""
    options = [
        click.option("--format", "output_format", type=click.Choice(_FORMATS), default=None,
                     help="table: console summary; json: versioned result; csv: one row per column. "
                     "Default: from the --output extension, else table."),
        click.option("-o", "--output", metavar="FILE",
                     help="Write the JSON or CSV inventory to FILE (atomically); the table still prints."),
        click.option("--sample", "sample_size", type=click.IntRange(min=1), default=1000, show_default=True,
                     help="Rows drawn at random per table for classification."),
        click.option("--full", is_flag=True, help="Read every row instead of a sample."),
        click.option("--tables", "tables", multiple=True, metavar="GLOB",
                     help="Only tables matching GLOB (repeatable, comma-separated)."),
        click.option("--exclude-tables", "exclude_tables", multiple=True, metavar="GLOB",
                     help="Skip tables matching GLOB (repeatable, comma-separated)."),
        click.option("--retention", "retention", metavar="PERIOD",
                     help="Count rows with personal data older than PERIOD (180d, 26w, 6m, 2y)."),
        click.option("--timestamp-column", metavar="NAME",
                     help="The column giving a row's age (default: picked from names and types)."),
        click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=0.5, show_default=True,
                     help="Findings scoring lower count only for the entity a column's name suggests."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def settings_from(
    *, sample_size: int, full: bool, tables: tuple[str, ...], exclude_tables: tuple[str, ...],
    retention: str | None, timestamp_column: str | None, min_score: float,
) -> InventorySettings:
    return InventorySettings(
        sample_size=sample_size, full=full, min_score=min_score,
        retention_days=parse_period(retention) if retention else None, timestamp_column=timestamp_column,
        tables=_globs(tables), exclude_tables=_globs(exclude_tables),
    )


def run_inventory(
    ctx: click.Context, source: TableSource, settings: InventorySettings, *, output_format: str | None,
    output: str | None, html: str | None = None,
) -> Inventory:
    """Classify the selected tables with a progress bar, print and write the reports, set the exit code."""
    chosen_format = output_format or _format_for(output)
    check_writable(output, html)  # a database scan can take hours: find out first
    all_tables = source.tables()
    names = select_tables([table.name for table in all_tables], settings.tables, settings.exclude_tables)
    tables: list[Table] = [table for table in all_tables if table.name in set(names)]
    with TableProgress() as progress:
        inventory = InventoryRun(settings, observer=progress).source(source, tables)
    if chosen_format == "table" or output is not None:
        render(inventory, report_console())
    if chosen_format == "json":
        write_json(inventory, Output(output), tool_version=__version__)
    elif chosen_format == "csv":
        write_csv(inventory, Output(output))
    if output is not None:
        click.echo(f"yinsi: wrote {output} ({len(inventory.tables)} tables)", err=True)
    if html is not None:
        from yinsi.sinks.html import write_html_report
        from yinsi.sinks.inventory import inventory_record

        write_html_report([inventory_record(inventory, tool_version=__version__)], html)
        click.echo(f"yinsi: wrote {html}", err=True)
    for failed in inventory.errors:
        click.echo(f"yinsi: error: {failed.error}", err=True)
    if inventory.errors:
        ctx.exit(EXIT_TABLE_ERRORS)
    return inventory


def render(inventory: Inventory, console: Console) -> None:
    """Personal columns of every table, sensitive first; then retention; then what was not personal."""
    rows = [
        (table, column) for table in inventory.tables for column in table.columns if column.personal
    ]
    rows.sort(key=lambda item: (not item[1].sensitive, item[0].name, item[1].name))
    title = plain(f"Personal information in {inventory.source} 个人信息清单")
    grid = RichTable(title=title, title_justify="left")
    for heading, justify in (("table 表", "left"), ("column 列", "left"), ("holds 类型", "left"),
                             ("category 类别", "left"), ("sens.", "center"), ("hits", "right"),
                             ("conf.", "right"), ("null", "right"), ("rows", "right")):
        grid.add_column(heading, justify=justify)  # type: ignore[arg-type]
    for table, column in rows:
        primary = column.primary
        assert primary is not None
        others = [entity.entity_type for entity in column.entities[1:] if entity.confident]
        holds = f"{primary.entity_type} {ENTITY_TYPES[primary.entity_type].chinese}"
        if others:
            holds += " + " + ", ".join(others)
        if column.free_text:
            holds += " (text)"
        grid.add_row(
            plain(table.name), plain(column.name), holds, column.category.value if column.category else "",
            "[bold red]yes[/]" if column.sensitive else "",
            f"{primary.hit_ratio:.0%}" if primary.hit_ratio is not None else "name",
            f"{primary.confidence:.2f}", f"{column.null_ratio:.0%}",
            f"{table.estimated_rows:,}" if table.estimated_rows is not None else "?",
        )
    console.print(grid)
    _render_retention(inventory.tables, console)
    clean = [table.name for table in inventory.tables if table.error is None and not table.personal_columns]
    personal_tables = sum(1 for table in inventory.tables if table.personal_columns)
    console.print(plain(
        f"{len(rows)} personal columns ({sum(c.sensitive for _, c in rows)} sensitive) in {personal_tables} "
        f"of {len(inventory.tables)} tables; {inventory.duration_seconds:.1f} s."
        + (f" No personal information found in: {', '.join(clean)}." if clean else "")
    ))


def _render_retention(tables: tuple[TableReport, ...], console: Console) -> None:
    audited = [table for table in tables if table.retention is not None]
    if not audited:
        return
    period = audited[0].retention.period_days if audited[0].retention is not None else 0
    title = f"Retention: personal data older than {period} days 超期留存"
    grid = RichTable(title=title, title_justify="left")
    for heading in ("table 表", "timestamp 时间列", "expired rows 超期行", "oldest 最早 (days)", "note"):
        grid.add_column(heading)
    for table in audited:
        retention = table.retention
        assert retention is not None
        expired = retention.expired_rows
        grid.add_row(
            plain(table.name), plain(retention.timestamp_column or "-"),
            ("[bold red]" + f"{expired:,}" + "[/]") if expired else ("0" if expired == 0 else "-"),
            f"{retention.oldest_age_days:,}" if retention.oldest_age_days is not None else "-",
            plain(retention.note or ""),
        )
    console.print(grid)


def scan_files_inventory(
    ctx: click.Context, paths: tuple[str, ...], *, output_format: str | None, output: str | None,
    retention: str | None, timestamp_column: str | None, exclude: tuple[str, ...], html: str | None = None,
) -> None:
    """`yinsi scan --inventory`: the tabular files among `paths` (directories walked) as one source."""
    from yinsi.core.errors import ConfigurationError
    from yinsi.sources.tabular_files import FileSource, is_tabular
    from yinsi.sources.walk import FileEntry, Skipped, walk

    if output_format not in (None, *_FORMATS):
        raise ConfigurationError(f"--inventory writes table, json or csv, not {output_format}")
    files: list[str] = []
    unreadable = 0
    for entry in walk(paths, exclude=exclude, max_file_size=None):
        # The walk leaves containers such as .parquet and .xlsx to their own readers, as this one is.
        readable = isinstance(entry, FileEntry) or entry.reason == "unsupported"
        if readable and is_tabular(entry.path):
            files.append(entry.path)
        elif isinstance(entry, Skipped) and entry.reason == "error":
            unreadable += 1
            click.echo(f"yinsi: error: cannot read {entry.path}: {entry.message}", err=True)
    if not files:
        if unreadable:
            ctx.exit(EXIT_TABLE_ERRORS)
        raise ConfigurationError("no tabular files (.csv .tsv .json .jsonl .parquet .xlsx) to inventory")
    settings = settings_from(sample_size=1000, full=False, tables=(), exclude_tables=(),
                             retention=retention, timestamp_column=timestamp_column, min_score=0.5)
    source = FileSource(files, display_name=", ".join(paths))
    run_inventory(ctx, source, settings, output_format=output_format, output=output, html=html)
    if unreadable:
        ctx.exit(EXIT_TABLE_ERRORS)


class TableProgress:
    """A progress bar per table on stderr (only on a terminal)."""

    def __init__(self) -> None:
        self._enabled = sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> TableProgress:
        if self._enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)

    def table_started(self, name: str, rows: int | None) -> None:
        if self._progress is not None:
            from rich.markup import escape

            self._task = self._progress.add_task(escape(printable(name[-40:])), total=rows)

    def rows_done(self, count: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, count)

    def table_finished(self, report: TableReport) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.remove_task(self._task)
            self._task = None


def _globs(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _format_for(output: str | None) -> str:
    suffix = PurePath(output).suffix.lower() if output else ""
    return {".json": "json", ".csv": "csv"}.get(suffix, "table")
