"""`yinsi policy`: check a privacy policy for the disclosures Chinese rules require, risky clauses, and
(with `--app`) whether it mentions what the app collects and which SDKs it embeds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from yinsi.cli._console import report_console
from yinsi.core.errors import ConfigurationError
from yinsi.sinks.output import refuse_inputs, written

if TYPE_CHECKING:
    from rich.console import Console

    from yinsi.apps.knowledge import AppCategory


@click.group(name="policy")
def command() -> None:
    """Check privacy policies (隐私政策): required disclosures (GB/T 35273-2020 5.5, PIPL art. 17), risky
    clauses (默认勾选, 视为同意, blanket sharing …) and consistency with an app (认定方法 二.1, 五.1).

    \b
    Examples:
      yinsi policy check privacy.html
      yinsi policy check privacy.md --app selfie.apk --category 拍摄美化类
      yinsi policy check privacy.pdf --format json -o policy.json --html policy.html
      yinsi policy rules              the rules and the clauses they cite
    """


def _category(category: str | None) -> AppCategory | None:
    from yinsi.apps.knowledge import default_knowledge

    if category is None:
        return None
    try:
        return default_knowledge().category(category)
    except ConfigurationError as error:
        raise click.BadParameter(str(error), param_hint="--category") from error


def _console(stream: TextIO) -> Console:
    return report_console(stream)


@command.command(name="check")
@click.argument("policy_file", metavar="FILE", type=click.Path(path_type=Path))
@click.option("--app", "apk", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="APK to compare with: PI it can collect and SDKs it embeds that the policy never "
                   "mentions.")
@click.option("--category", "-c", default=None,
              help="App category of the 2021 necessary-PI rule: number (36), Chinese (拍摄美化类) or English "
                   "name; PI the policy claims beyond it is reported.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format (json: the versioned result envelope, kind \"policy\").")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to FILE instead of standard output.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write a self-contained HTML report (disclosures, findings, quoted clauses).")
@click.option("--show-values", is_flag=True,
              help="Quote clauses as written; by default phone numbers, e-mail addresses, ID and card "
                   "numbers in quotes are masked.")
def check(policy_file: Path, apk: Path | None, category: str | None, output_format: str,
          output: Path | None, html_path: Path | None, show_values: bool) -> None:
    """Check one privacy policy FILE (.txt, .md, .html; .docx and .pdf with the `policy` extra; - for
    standard input, text or HTML).

    Exit status: 0 when checked (findings or not), 2 when the policy or APK cannot be read.
    """
    from yinsi import __version__
    from yinsi.cli._policy_render import render_check
    from yinsi.privacy_policy import check_policy, policy_result

    refuse_inputs((output, html_path), (policy_file, apk))
    result = check_policy(policy_file, app=apk, category=_category(category))
    document = policy_result([result], tool_version=__version__, show_values=show_values)

    def write(stream: TextIO) -> None:
        if output_format == "json":
            stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        else:
            render_check(result, _console(stream), show_values=show_values)

    if output is None:
        write(sys.stdout)
    else:
        with written(output) as stream:
            write(stream)
    if html_path is not None:
        from yinsi.sinks.html import write_html_report

        write_html_report([document], str(html_path))
        click.echo(f"yinsi: wrote {html_path}", err=True)


@command.command(name="rules")
def rules() -> None:
    """List the policy rules: id, kind, severity, title and the clauses they cite."""
    from rich.table import Table

    from yinsi.privacy_policy.rules.registry import discover

    table = Table(title="Privacy-policy rules 隐私政策规则", show_lines=True)
    for column in ("rule 规则", "kind 类别", "severity 严重程度", "title 标题", "references 依据"):
        table.add_column(column, overflow="fold")
    for rule in discover():
        table.add_row(rule.id, rule.kind, rule.severity.value, f"{rule.title_zh}\n{rule.title_en}",
                      "\n".join(str(reference) for reference in rule.references))
    _console(sys.stdout).print(table)
