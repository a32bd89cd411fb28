"""`make demo` / `python -m yinsi.demo`: generate a synthetic company's files, scan them, write reports.

The demo is a list of steps sharing one `DemoContext`; each step does one thing (generate data, scan
files, ...) and records the reports it wrote. Later capabilities (HTML reports, databases, app audits)
add a step. Everything is written under `demo-out/` in the current directory, including the demo's
own digest key, so the demo touches nothing else on the machine.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from yinsi import __version__
from yinsi.core.digest_key import DigestKey, create_key_file, load_digest_key
from yinsi.demo import report_steps
from yinsi.demo.company import write_company
from yinsi.scanning import Scan, ScanSettings
from yinsi.sinks import Output, create_sink
from yinsi.sinks.deliver import deliver

DEFAULT_OUT = Path("demo-out")


@dataclass
class DemoContext:
    """What the steps share: where to write, the digest key, the console, and the reports written."""

    out: Path
    key: DigestKey
    console: Console
    files_dir: Path
    reports: list[tuple[str, Path]] = field(default_factory=list)
    results: list[Any] = field(default_factory=list)  # result documents, rendered by the HTML step


def generate_files(context: DemoContext) -> None:
    """Write the synthetic company's files (orders, GBK register, log, JSON export, chat, a binary)."""
    written = write_company(context.files_dir)
    context.console.print(f"Generated {len(written)} synthetic files in {context.files_dir}/ "
                          "(Faker zh_CN, seeded; valid check digits; no real data)")


def scan_files(context: DemoContext) -> None:
    """Scan the files with default settings: summary on the console, JSON result in report.json."""
    report = context.out / "report.json"
    scan = Scan([str(context.files_dir)], ScanSettings(), context.key)
    sinks = [
        create_sink("table", Output(), include_values=False),
        create_sink("json", Output(str(report)), include_values=False),
    ]
    context.console.rule("yinsi scan " + str(context.files_dir))
    deliver(scan, sinks, tool_version=__version__)
    context.reports.append(("scan result (JSON, schema docs/result-schema.md)", report))
    context.results.append(json.loads(report.read_text(encoding="utf-8")))


STEPS: tuple[Callable[[DemoContext], None], ...] = (
    generate_files, scan_files, report_steps.scan_database, report_steps.audit_apps,
    report_steps.check_policy, report_steps.write_report,
)


def run(out: Path = DEFAULT_OUT, console: Console | None = None) -> list[tuple[str, Path]]:
    """Run every demo step into `out`; returns the reports written as (description, path)."""
    out.mkdir(parents=True, exist_ok=True)
    key_path = out / "digest.key"
    create_key_file(key_path)
    context = DemoContext(out=out, key=load_digest_key(key_path), console=console or Console(),
                          files_dir=out / "company")
    for step in STEPS:
        step(context)
    return context.reports


def main() -> None:
    console = Console()
    reports = run(console=console)
    console.rule("Reports 报告")
    for description, path in reports:
        console.print(f"{description}: [bold]{path.resolve()}[/]")
    report_steps.print_summary(console, reports)
