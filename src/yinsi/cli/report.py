"""`yinsi report`: re-render saved JSON results (scans, table scans, app audits) as reports.

Several results become one combined report, so a file scan, a database inventory and an app audit
of the same system can be read on one page.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="report")
@click.argument("results", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path),
                metavar="RESULT.json...")
@click.option("--html", "html_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE", help="Write a self-contained HTML report (no network needed to open it).")
@click.option("--title", default=None, help="Heading of the report.")
@click.option("--show-values", is_flag=True,
              help="Keep raw values that results saved with --show-values hold (the report then holds "
                   "personal data). Without it they are left out.")
def command(results: tuple[Path, ...], html_path: Path, title: str | None, show_values: bool) -> None:
    """Render saved results as one HTML report: summary cards, charts, the column inventory, app
    scorecards, a filterable finding table with masked previews, and the rules with their references.

    \b
    Examples:
      yinsi scan ./exports -o scan.json
      yinsi report scan.json --html report.html
      yinsi app audit shop.apk --format json -o apps.json
      yinsi report scan.json apps.json --html combined.html
    """
    from yinsi.sinks.html import write_html_report
    from yinsi.sinks.output import refuse_inputs
    from yinsi.sinks.results import load_result

    refuse_inputs((html_path,), results)
    documents = [load_result(path) for path in results]
    write_html_report(documents, str(html_path), include_values=show_values, title=title)
    click.echo(f"yinsi: wrote {html_path}", err=True)
