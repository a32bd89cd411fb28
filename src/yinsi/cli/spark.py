"""`yinsi spark scan|mask`: the inventory, findings and masked copies of data sets too big for one machine.

Inputs are Parquet, CSV, JSON (Lines) or text at any path Spark reads (local, hdfs://, s3a://, abfss://,
...). Work runs on Spark (`--master`, default `local[*]`; under spark-submit, the master it was given)
with the same recognizers, column classification and policies as `yinsi scan`, `yinsi db scan` and
`yinsi mask`. Missing pyspark or Java is one line and exit status 2.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

import click
from rich.console import Console
from rich.table import Table as RichTable

from yinsi import __version__
from yinsi.core.entities import ENTITY_TYPES, check_entity_names
from yinsi.core.errors import ConfigurationError
from yinsi.scanning import DEFAULT_MIN_SCORE
from yinsi.spark._io import INPUT_FORMATS, OUTPUT_FORMATS

# pyspark sets this in a driver that spark-submit (or the pyspark shell) started.
_SUBMITTED_ENV = "PYSPARK_GATEWAY_PORT"


def _master_option(function: Any) -> Any:
    options = [
        click.option("--master", default=None, metavar="URL",
                     help="Spark master: local[*] (default), local[N], spark://host:7077, yarn, k8s://... "
                     "Under spark-submit the master it was given is used."),
        click.option("--conf", "confs", multiple=True, metavar="KEY=VALUE",
                     help="Extra Spark setting (repeatable), e.g. spark.executor.memory=4g."),
        click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                     help="auto goes by suffix (.parquet .csv .json .jsonl .txt .log); directories: Parquet "
                     "unless they hold files of another format."),
        click.option("--columns", multiple=True, metavar="NAMES",
                     help="Only these string columns, comma-separated (default: all string columns)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(name="spark")
def command() -> None:
    """Scan and mask data sets on Apache Spark (needs `pip install 'yinsi[spark]'` and Java 17+).

    \b
    Examples:
      yinsi spark scan lake/customers/ -o inventory.json --findings findings/ --html report.html
      yinsi spark scan s3a://bucket/events/ --master yarn --row-key event_id --findings s3a://bucket/pi/
      YINSI_KEY=... yinsi spark mask lake/customers/ --policy analyst --out lake/customers_masked/
    """


@command.command(name="scan")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_master_option
@click.option("-o", "--output", metavar="FILE", help="Write the inventory as JSON (result schema) to FILE.")
@click.option("--html", "html_output", metavar="FILE", help="Also write a self-contained HTML report.")
@click.option("--findings", "findings_path", metavar="DIR",
              help="Write every finding (masked previews and keyed digests, never values) to DIR.")
@click.option("--findings-format", type=click.Choice(OUTPUT_FORMATS[:2]), default="parquet",
              show_default=True, help="Format of --findings.")
@click.option("--row-key", metavar="COLUMN", help="Column identifying a row; copied into each finding.")
@click.option("--entities", multiple=True, metavar="TYPES", help="Only these entity types, comma-separated.")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=DEFAULT_MIN_SCORE, show_default=True,
              help="Drop findings scoring lower.")
@click.option("--sample", "sample_size", type=click.IntRange(min=1), default=None, metavar="N",
              help="Classify columns on a random sample of about N rows (default: every row).")
@click.option("--key-file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Digest key file (default: $YINSI_DIGEST_KEY, else ~/.config/yinsi/digest.key).")
@click.option("--name", "table_name", metavar="NAME", help="Table name in the reports (default: from PATH).")
def scan_command(
    paths: tuple[str, ...], master: str | None, confs: tuple[str, ...], input_format: str,
    columns: tuple[str, ...], output: str | None, html_output: str | None, findings_path: str | None,
    findings_format: str, row_key: str | None, entities: tuple[str, ...], min_score: float,
    sample_size: int | None, key_file: str | None, table_name: str | None,
) -> None:
    """The personal-information inventory of a data set (one table), and optionally all its findings.

    Prints the inventory and a findings summary; -o writes the inventory JSON (same schema as
    `yinsi db scan`), --findings every finding, --html one page with both.
    """
    from yinsi.cli._inventory import render
    from yinsi.core.digest_key import load_digest_key
    from yinsi.sinks.inventory import inventory_record
    from yinsi.spark import _io, inventory_table, scan_dataframe
    from yinsi.tabular.inventory import Inventory
    from yinsi.tabular.model import InventorySettings

    key = load_digest_key(key_file)
    wanted = _names(columns)
    settings = InventorySettings(sample_size=sample_size or 1000, full=sample_size is None,
                                 min_score=min_score)
    session = _session(master, confs)
    df, chosen = _io.read(session, paths, input_format)
    name = table_name or _table_name(paths)
    started, clock = _now(), time.perf_counter()
    try:
        text_input = chosen == "text"
        findings = scan_dataframe(df, columns=wanted, row_key=row_key, entities=_entity_list(entities),
                                  min_score=min_score, digest_key=key, labels=not text_input)
        if findings_path is not None:
            _io.write(findings, findings_path, findings_format)
            # Read back what was written, so the summary does not compute the findings twice.
            findings = _io.read(session, [findings_path], findings_format)[0]
        counts = _finding_counts(findings)
        table = inventory_table(df, name, settings=settings, columns=wanted)
    except Exception as error:
        raise _io.as_input_error(error) from None
    inventory = Inventory(", ".join(paths), settings, (table,), started, time.perf_counter() - clock)
    console = Console()
    render(inventory, console)
    _render_findings(counts, console)
    record = inventory_record(inventory, tool_version=__version__)
    record["stats"]["findings"] = sum(row["count"] for row in counts)
    record["summary"]["by_field"] = [
        {"path": name, "field": row["column"], "entity_type": row["entity_type"], "count": row["count"]}
        for row in counts
    ]
    record["digest_key"] = {"source": key.source, "id": key.key_id}
    if output is not None:
        _write_record(record, output)
        click.echo(f"yinsi: wrote {output}", err=True)
    if html_output is not None:
        from yinsi.sinks.html import write_html_report

        write_html_report([record], html_output)
        click.echo(f"yinsi: wrote {html_output}", err=True)
    if findings_path is not None:
        click.echo(f"yinsi: wrote {findings_path} ({record['stats']['findings']:,} findings)", err=True)


@command.command(name="mask")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_master_option
@click.option("--out", "out_path", required=True, metavar="DIR", help="Write the masked copy here.")
@click.option("--out-format", type=click.Choice(("same", *OUTPUT_FORMATS)), default="same", show_default=True,
              help="Format of the copy (same: the input's format; text input is written as JSON).")
@click.option("--policy", "policy_name", default="redact", show_default=True, metavar="POLICY",
              help="A preset (redact, courier, analyst) or a YAML/TOML/JSON policy file.")
@click.option("--key-file", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Master key file (hex or base64); default: $YINSI_KEY. Never pass a key itself.")
@click.option("--overwrite", is_flag=True, help="Replace DIR if it exists.")
def mask_command(
    paths: tuple[str, ...], master: str | None, confs: tuple[str, ...], input_format: str,
    columns: tuple[str, ...], out_path: str, out_format: str, policy_name: str, key_file: str | None,
    overwrite: bool,
) -> None:
    """Write a de-identified copy of a data set: string columns under a policy, other columns unchanged.

    Pseudonyms are the same as `yinsi mask` gives with the same key, in every partition and file.
    """
    from yinsi.crypto.keys import load_key
    from yinsi.policy.load import load_policy
    from yinsi.spark import _io, mask_dataframe

    policy = load_policy(policy_name)
    master_key = load_key(key_file, required=policy.needs_key) if policy.needs_key else None
    if any(path.rstrip("/") == out_path.rstrip("/") for path in paths):
        raise ConfigurationError("the output would overwrite the input; choose another --out")
    session = _session(master, confs)
    df, chosen = _io.read(session, paths, input_format)
    fmt = chosen if out_format == "same" else out_format
    fmt = "json" if fmt == "text" else fmt
    try:
        masked = mask_dataframe(df, policy, key=master_key, columns=_names(columns))
        _io.write(masked, out_path, fmt, overwrite=overwrite)
    except Exception as error:
        raise _io.as_input_error(error) from None
    key_id = f", key {master_key.key_id}" if master_key is not None else ""
    click.echo(f"yinsi: wrote {out_path} ({fmt}) with policy {policy.name}{key_id}", err=True)


def _session(master: str | None, confs: Sequence[str]) -> Any:
    from yinsi.spark import DEFAULT_MASTER, get_session

    settings = {}
    for item in confs:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.UsageError(f"--conf wants KEY=VALUE, not {item!r}")
        if "key" in name.lower() and "yinsi" in name.lower():
            raise click.UsageError("keys never go into Spark settings; use --key-file or the environment")
        settings[name.strip()] = value
    if master is None and os.environ.get(_SUBMITTED_ENV):
        return get_session(None, conf=settings)
    return get_session(master or DEFAULT_MASTER, conf=settings)


def _finding_counts(findings: Any) -> list[dict[str, Any]]:
    """Findings per column and entity type, with distinct values (by digest), largest first."""
    from pyspark.sql import functions as F

    rows = (findings.groupBy("column", "entity_type")
            .agg(F.count("*").alias("count"), F.countDistinct("digest").alias("distinct"))
            .collect())
    found = [row.asDict() for row in rows]
    found.sort(key=lambda row: (-row["count"], row["column"], row["entity_type"]))
    return found


def _render_findings(counts: list[dict[str, Any]], console: Console) -> None:
    if not counts:
        console.print("No findings.")
        return
    grid = RichTable(title="Findings by column 发现", title_justify="left")
    for heading, justify in (("column 列", "left"), ("type 类型", "left"), ("sens.", "center"),
                             ("findings", "right"), ("distinct", "right")):
        grid.add_column(heading, justify=justify)  # type: ignore[arg-type]
    for row in counts:
        entity = ENTITY_TYPES.get(row["entity_type"])
        grid.add_row(
            row["column"], f"{row['entity_type']} {entity.chinese if entity else ''}".strip(),
            "[bold red]yes[/]" if entity is not None and entity.sensitive else "",
            f"{row['count']:,}", f"{row['distinct']:,}",
        )
    console.print(grid)
    console.print(f"{sum(row['count'] for row in counts):,} findings.")


def _write_record(record: dict[str, Any], path: str) -> None:
    import json

    from yinsi.sinks.output import Output

    output = Output(path)
    try:
        json.dump(record, output.handle, ensure_ascii=False, indent=2)
        output.handle.write("\n")
        output.commit()
    except BaseException:
        output.discard()
        raise


def _names(values: tuple[str, ...]) -> list[str] | None:
    names = [name.strip() for value in values for name in value.split(",") if name.strip()]
    return names or None


def _entity_list(values: tuple[str, ...]) -> frozenset[str] | None:
    names = [name.strip().upper() for value in values for name in value.split(",") if name.strip()]
    return check_entity_names(names) if names else None


def _table_name(paths: Sequence[str]) -> str:
    stem = PurePosixPath(paths[0].rstrip("/")).name
    return stem.split(".")[0] or paths[0]


def _now() -> Any:
    import datetime

    return datetime.datetime.now(datetime.UTC)
