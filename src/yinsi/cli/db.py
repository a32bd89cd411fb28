"""`yinsi db`: inventory, retention audit and masked copies of SQL databases (SQLAlchemy URLs).

`scan` lists where personal information lives (数据资产清单) and, with --retention, what is kept past
its period; `mask` writes a de-identified copy to another database; `demo-data` fills a database with
a synthetic company to try both on. The audited database is only read: sessions are read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from yinsi.cli._inventory import TableProgress, inventory_options, run_inventory, settings_from
from yinsi.core.errors import ConfigurationError
from yinsi.crypto.keys import KEY_ENV_VAR, load_key
from yinsi.operators.base import KeyChain
from yinsi.policy.apply import PolicyRun
from yinsi.policy.load import load_policy, presets
from yinsi.sinks.output import refuse_inputs
from yinsi.sources.sql import DEFAULT_STATEMENT_TIMEOUT, DEFAULT_TIMEOUT, SqlSource, SqlTable, sqlite_file
from yinsi.sources.tables import select_tables


def _source(url: str, schemas: tuple[str, ...], timeout: float, statement_timeout: float) -> SqlSource:
    return SqlSource(url, schemas=schemas, timeout=timeout, statement_timeout=statement_timeout)


def _timeouts(function: Callable[..., Any]) -> Callable[..., Any]:
    """--timeout (connecting) and --statement-timeout (one query), for every verb that connects."""
    function = click.option(
        "--statement-timeout", type=click.FloatRange(min=0.1), default=DEFAULT_STATEMENT_TIMEOUT,
        show_default=True, help="Seconds one query may run before its table is given up.",
    )(function)
    return click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT,
                        show_default=True, help="Seconds to wait for a connection.")(function)


@click.group(name="db")
def command() -> None:
    """Scan, audit and mask SQL databases (SQLite, PostgreSQL, MySQL/MariaDB).

    \b
    Examples:
      yinsi db scan postgresql://auditor@db.internal/shop --retention 180d -o inventory.json
      yinsi db mask sqlite:///shop.db --to sqlite:///courier.db --policy courier
      yinsi db demo-data sqlite:///demo.db
    """


@command.command(name="scan")
@click.argument("url", metavar="URL")
@inventory_options
@click.option("--html", "html_output", metavar="FILE",
              help="Also write a self-contained HTML report (column heat-map, retention) to FILE.")
@click.option("--schema", "schemas", multiple=True, metavar="NAME",
              help="Scan this schema (repeatable; default: the connection's default schema).")
@_timeouts
@click.pass_context
def scan(
    ctx: click.Context, url: str, output_format: str | None, output: str | None, sample_size: int, full: bool,
    tables: tuple[str, ...], exclude_tables: tuple[str, ...], retention: str | None,
    timestamp_column: str | None, min_score: float, html_output: str | None, schemas: tuple[str, ...],
    timeout: float, statement_timeout: float,
) -> None:
    """Inventory the personal information in the tables of database URL (read-only).

    URL is a SQLAlchemy URL: postgresql://user@host/db, mysql://user@host/db, sqlite:///file.db
    or a .db file. Personal columns are listed sensitive first, with entity type, GB/T 35273
    category, hit ratio, confidence, null ratio and row count.

    \b
    Examples:
      yinsi db scan sqlite:///company.db --retention 180d -o inventory.json
      yinsi db scan postgresql://auditor@127.0.0.1/shop --schema public --tables 'cust*' --full

    \b
    Exit status: 0 done; 2 the database could not be reached, or a table could not be read
    (the other tables are still reported).
    """
    settings = settings_from(sample_size=sample_size, full=full, tables=tables, exclude_tables=exclude_tables,
                             retention=retention, timestamp_column=timestamp_column, min_score=min_score)
    source = _source(url, schemas, timeout, statement_timeout)
    try:
        refuse_inputs((output, html_output), (sqlite_file(source.engine.url),))
        run_inventory(ctx, source, settings, output_format=output_format, output=output, html=html_output)
    finally:
        source.dispose()


@command.command(name="mask")
@click.argument("url", metavar="SRC_URL")
@click.option("--to", "destination", required=True, metavar="DST_URL",
              help="Database to write the copy to (created tables are replaced).")
@click.option("--policy", "policy_name", default="redact", show_default=True, metavar="POLICY",
              help=f"A preset ({', '.join(presets())}) or a YAML/TOML/JSON policy file.")
@click.option("--key-file", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help=f"Master key file (hex or base64); default: ${KEY_ENV_VAR}. Same key, same pseudonyms.")
@click.option("--tables", "tables", multiple=True, metavar="GLOB", help="Only tables matching GLOB.")
@click.option("--exclude-tables", "exclude_tables", multiple=True, metavar="GLOB",
              help="Leave out tables matching GLOB.")
@click.option("--schema", "schemas", multiple=True, metavar="NAME", help="Source schema (repeatable).")
@click.option("--sample", "sample_size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Rows sampled per table to decide which columns are personal.")
@click.option("--restart", is_flag=True, help="Copy every table again, even those a previous run finished.")
@_timeouts
@click.pass_context
def mask(
    ctx: click.Context, url: str, destination: str, policy_name: str, key_file: str | None,
    tables: tuple[str, ...], exclude_tables: tuple[str, ...], schemas: tuple[str, ...], sample_size: int,
    restart: bool, timeout: float, statement_timeout: float,
) -> None:
    """Copy SRC_URL's tables to DST_URL with personal columns de-identified under a policy.

    Other columns and the table definitions are copied unchanged. A run that stops can be started
    again: finished tables are skipped (--restart copies all again).

    \b
    Examples:
      yinsi db mask sqlite:///shop.db --to sqlite:///courier.db --policy courier
      YINSI_KEY=... yinsi db mask postgresql://prod/shop --to postgresql://analytics/shop --policy analyst
    """
    from yinsi.cli._inventory import _globs
    from yinsi.tabular.masked_copy import MaskedCopy
    from yinsi.tabular.model import InventorySettings

    policy = load_policy(policy_name)
    master = load_key(key_file, required=policy.needs_key) if policy.needs_key else None
    run = PolicyRun(policy, KeyChain(master) if master is not None else None)
    source = _source(url, schemas, timeout, statement_timeout)
    try:
        available = source.tables()
        names = [table.name for table in available]
        chosen = set(select_tables(names, _globs(tables), _globs(exclude_tables)))
        selected = [table for table in available if table.name in chosen and isinstance(table, SqlTable)]
        settings = replace(InventorySettings(), sample_size=sample_size)
        with TableProgress() as progress:
            copier = MaskedCopy(source, destination, run, settings=settings, observer=progress,
                                restart=restart)
            results = copier.copy(selected)
    finally:
        source.dispose()
    for result in results:
        if result.status == "failed":
            click.echo(f"yinsi: error: {result.error}", err=True)
            continue
        if result.status == "skipped":
            click.echo(f"{result.name}: already copied by an earlier run (--restart copies it again)")
            continue
        replaced = ", ".join(f"{entity} {count}" for entity, count in result.replaced) or "nothing"
        columns = ", ".join(result.masked_columns) or "none"
        click.echo(f"{result.name}: {result.rows} rows; masked columns: {columns}; replaced: {replaced}")
    copied = sum(result.status == "copied" for result in results)
    failed = sum(result.status == "failed" for result in results)
    click.echo(f"yinsi: {copied} table(s) copied to {copier.destination_name} with policy {policy.name}, "
               f"{len(results) - copied - failed} skipped, {failed} failed", err=True)
    if failed:
        ctx.exit(2)


@command.command(name="demo-data")
@click.argument("url", metavar="URL")
@click.option("--seed", type=int, default=2024, show_default=True, help="Same seed, same data.")
@click.option("--scale", type=click.IntRange(min=1), default=1, show_default=True,
              help="Multiply every table's row count.")
@click.option("--replace", "replace_tables", is_flag=True, help="Drop and rewrite existing demo tables.")
def demo_data(url: str, seed: int, scale: int, replace_tables: bool) -> None:
    """Fill database URL with a synthetic company (customers, orders, employees, chat, logs).

    Everyone in it is generated (Faker zh_CN) with valid check digits; some rows are years old so
    that `yinsi db scan URL --retention 180d` finds something.
    """
    from yinsi.demo.database import DemoSizes, write_demo_database

    base = DemoSizes()
    sizes = DemoSizes(*(getattr(base, name) * scale for name in DemoSizes.__slots__))
    if not url:
        raise ConfigurationError("a database URL is required")
    written = write_demo_database(url, seed=seed, sizes=sizes, replace=replace_tables)
    summary = ", ".join(f"{name} {count}" for name, count in written.items())
    click.echo(f"yinsi: wrote the demo company ({summary} rows)", err=True)
