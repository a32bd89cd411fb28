"""`yinsi app rules | categories | trackers`: what the app audit knows, printed from the rule registry
and the knowledge files themselves (never a hand-kept list)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from yinsi.cli._console import report_console

_FORMAT = click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
                       show_default=True, help="Output format.")


def _print_table(title: str, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=True)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*row)
    report_console().print(table)


@click.command(name="rules")
@_FORMAT
def rules(output_format: str) -> None:
    """List the audit rules: id, severity, title, score cap and the clauses each cites."""
    from yinsi.apps.rules.registry import discover

    found = discover()
    if output_format == "json":
        data = [{"id": rule.id, "severity": rule.severity.value, "title_zh": rule.title_zh,
                 "title_en": rule.title_en, "max_deduction": rule.max_deduction,
                 "references": [reference.as_dict() for reference in rule.references]} for rule in found]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    headers = ("rule 规则", "severity 严重程度", "title 标题", "cap 封顶", "references 依据")
    rows = [(rule.id, rule.severity.value, f"{rule.title_zh}\n{rule.title_en}", str(rule.max_deduction),
             "\n".join(str(reference) for reference in rule.references)) for rule in found]
    _print_table("yinsi app audit rules 审计规则", headers, rows)


@click.command(name="categories")
@_FORMAT
def categories(output_format: str) -> None:
    """List the 39 app categories of the 2021 necessary-PI rule (values for --category)."""
    from yinsi.apps.knowledge import default_knowledge

    found = default_knowledge().categories
    if output_format == "json":
        data = [{"number": c.number, "zh": c.zh, "en": c.en, "basic_service": c.basic_service,
                 "necessary": [item.text for item in c.necessary],
                 "necessary_pi_types": sorted(c.necessary_types), "functional": list(c.functional)}
                for c in found]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = [(str(c.number), f"{c.zh}\n{c.en}", "\n".join(item.text for item in c.necessary) or "无 none")
            for c in found]
    _print_table("常见类型移动互联网应用程序必要个人信息范围规定 (2021)",
                 ("#", "category 类型", "necessary PI 必要个人信息"), rows)


@click.command(name="trackers")
@_FORMAT
def trackers(output_format: str) -> None:
    """List the built-in tracker / SDK signatures: vendor, category, packages, what each collects."""
    from yinsi.apps.knowledge import default_knowledge

    knowledge = default_knowledge()
    if output_format == "json":
        data = [{"id": t.id, "name": t.name, "name_zh": t.name_zh, "vendor": t.vendor,
                 "categories": list(t.categories), "packages": list(t.packages), "collects": list(t.collects),
                 "confidence": t.confidence} for t in knowledge.trackers]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = [(t.display_name, t.vendor, "/".join(t.categories), "\n".join(t.packages),
             ", ".join(t.collects) or "-", t.confidence) for t in knowledge.trackers]
    _print_table(f"Tracker signatures 第三方SDK特征 (version {knowledge.versions['trackers']})",
                 ("SDK", "vendor 厂商", "category 类别", "packages 包名", "collects 收集", "conf."), rows)
