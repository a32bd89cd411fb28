"""`yinsi scan`: find personal information in files, directories and standard input.

A thin layer over `yinsi.scan()`: parses options, picks the sink, shows progress and unreadable paths
on stderr, and turns the outcome into an exit code (0 done, 1 findings with --fail-on-findings, 2
usage or I/O errors — an incomplete scan must not pass a CI gate as clean).
"""

from __future__ import annotations

import re
import signal
from pathlib import PurePath
from types import FrameType

import click

from yinsi import __version__
from yinsi.cli._progress import ScanProgress
from yinsi.core.digest_key import load_digest_key
from yinsi.core.entities import check_entity_names
from yinsi.scanning import DEFAULT_MIN_SCORE, Scan, ScanSettings
from yinsi.sinks import Output, create_sink, formats
from yinsi.sinks.deliver import deliver
from yinsi.sinks.output import refuse_inputs

EXIT_FINDINGS = 1
EXIT_USAGE_OR_IO = 2
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)
_FORMAT_BY_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".sarif": "sarif",
                     ".html": "html", ".htm": "html"}
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


class ByteSize(click.ParamType):  # type: ignore[type-arg]  # generic only since click 8.2
    """Sizes such as 500K, 10M, 2G (binary units; a bare number is bytes)."""

    name = "size"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE_RE.match(str(value))
        if match is None:
            self.fail(f"{value!r} is not a size such as 500K, 10M or 2G", param, ctx)
        return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def _format_for(output: str | None) -> str:
    """The format a report file's extension asks for; the table when it says nothing."""
    suffix = PurePath(output).suffix.lower() if output else ""
    return _FORMAT_BY_SUFFIX.get(suffix, "table")


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _entity_list(values: tuple[str, ...]) -> frozenset[str] | None:
    names = [name.strip().upper() for value in values for name in value.split(",") if name.strip()]
    return check_entity_names(names) if names else None


@click.command(name="scan")
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--format", "output_format", type=click.Choice(sorted(formats())), default=None,
              help="table: summary for people; json: versioned result; jsonl/csv: one finding per line. "
              "sarif: SARIF 2.1.0 for code scanning; html: one self-contained page. "
              "Default: from the --output extension (.json, .jsonl, .csv, .sarif, .html), else table.")
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE (atomically), not stdout.")
@click.option("--html", "html_output", metavar="FILE",
              help="Also write a self-contained HTML report to FILE (masked previews; charts, inventory).")
@click.option("--entities", multiple=True, metavar="TYPES",
              help="Only these entity types, comma-separated (see `yinsi entities`).")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=DEFAULT_MIN_SCORE, show_default=True,
              help="Drop findings scoring lower; the default drops unvalidated matches without context.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip names (`*.log`, `node_modules`) or relative paths (`logs/2023-*`). Repeatable.")
@click.option("--show-values", is_flag=True,
              help="Include raw values in json/jsonl/csv output (the report then holds personal data).")
@click.option("--fail-on-findings", is_flag=True, help="Exit with 1 when anything is found (for CI).")
@click.option("--key-file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Digest key file (default: $YINSI_DIGEST_KEY, else ~/.config/yinsi/digest.key).")
@click.option("--max-file-size", type=ByteSize(), metavar="SIZE",
              help="Skip files larger than SIZE (e.g. 100M); by default any size is streamed.")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core when scanning over 16 MiB in several files).")
@click.option("--inventory", is_flag=True,
              help="Classify the columns of tabular files (CSV/TSV, JSON/JSONL, Parquet, .xlsx) instead: "
              "a personal-information inventory, one row per column (json/csv with -o).")
@click.option("--retention", metavar="PERIOD",
              help="With --inventory: count rows with personal data older than PERIOD (180d, 6m, 2y).")
@click.option("--timestamp-column", metavar="NAME", help="With --inventory --retention: the row-age column.")
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[str, ...],
    output_format: str | None,
    output: str | None,
    html_output: str | None,
    entities: tuple[str, ...],
    min_score: float,
    exclude: tuple[str, ...],
    show_values: bool,
    fail_on_findings: bool,
    key_file: str | None,
    max_file_size: int | None,
    jobs: int | None,
    inventory: bool,
    retention: str | None,
    timestamp_column: str | None,
) -> None:
    """Scan files, directories (recursively) and standard input (`-`) for personal information.

    \b
    Examples:
      yinsi scan ./exports
      yinsi scan ./exports --format json -o report.json
      cat app.log | yinsi scan - --entities CN_MOBILE,CN_RESIDENT_ID
      yinsi scan ./src --exclude node_modules --fail-on-findings
      yinsi scan --inventory exports/ --retention 180d -o inventory.json
      yinsi scan ./src --format sarif -o pi.sarif      (code-scanning tools)
      yinsi scan ./exports -o scan.json --html report.html

    Previews are masked and values are counted by keyed digest; raw values appear only with
    --show-values.

    \b
    Exit status:
      0  scan completed
      1  something was found and --fail-on-findings was given
      2  usage error, or a path could not be read (the rest is still scanned)
    """
    refuse_inputs((output, html_output), paths)
    if inventory:
        from yinsi.cli._inventory import scan_files_inventory

        scan_files_inventory(ctx, paths, output_format=output_format, output=output, retention=retention,
                             timestamp_column=timestamp_column, exclude=exclude, html=html_output)
        return
    output_format = output_format or _format_for(output)
    settings = ScanSettings(
        entities=_entity_list(entities),
        min_score=min_score,
        exclude=exclude,
        max_file_size=max_file_size,
        include_values=show_values and output_format != "table",
    )
    if show_values and output_format == "table":
        click.echo("yinsi: note: the table summary never shows values; use --format json, jsonl or csv",
                   err=True)
    key = load_digest_key(key_file)
    progress = ScanProgress()
    scan = Scan(paths, settings, key, observer=progress, jobs=jobs)
    sinks = [create_sink(output_format, Output(output, private=settings.include_values),
                         include_values=settings.include_values)]
    if html_output:
        sinks.append(create_sink("html", Output(html_output, private=settings.include_values),
                                 include_values=settings.include_values))
    # SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C: workers stop, no half-written report stays.
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        with progress.running(scan.plan()):
            meta = deliver(scan, sinks, tool_version=__version__)
    finally:
        signal.signal(signal.SIGTERM, previous)
    stats = meta.stats
    for written in (output, html_output):
        if written:
            click.echo(f"yinsi: wrote {written} ({stats.findings} findings in {stats.files_scanned} files)",
                       err=True)
    if stats.errors:
        ctx.exit(EXIT_USAGE_OR_IO)
    if fail_on_findings and stats.findings:
        ctx.exit(EXIT_FINDINGS)
