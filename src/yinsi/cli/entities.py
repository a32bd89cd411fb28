"""`yinsi entities`: list the entity catalogue and which recognizers produce each type."""

from __future__ import annotations

import json

import click

from yinsi._analyze import default_analyzer
from yinsi.cli._console import report_console
from yinsi.core.entities import ENTITY_TYPES


@click.command(name="entities")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
def command(output_format: str) -> None:
    """List entity types: names, Chinese names, GB/T 35273 category and sensitivity (PIPL art. 28)."""
    producers: dict[str, list[str]] = {}
    for recognizer in default_analyzer().recognizers:
        for entity in recognizer.entity_types:
            producers.setdefault(entity, []).append(recognizer.name)
    rows = [
        {
            "entity_type": entity.name,
            "chinese": entity.chinese,
            "english": entity.english,
            "category": entity.category.value,
            "category_en": entity.category.english,
            "sensitive": entity.sensitive,
            "personal": entity.personal,
            "recognizers": producers.get(entity.name, []),
        }
        for entity in sorted(ENTITY_TYPES.values(), key=lambda e: (not e.sensitive, e.name))
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(title="yinsi entity types 实体类型")
    for header in ("entity", "中文", "category 类别", "sensitive 敏感", "recognizers"):
        table.add_column(header)
    for row in rows:
        table.add_row(
            str(row["entity_type"]),
            str(row["chinese"]),
            str(row["category"]),
            "yes 是" if row["sensitive"] else "",
            ", ".join(row["recognizers"]) or "(none yet)",  # type: ignore[arg-type]
        )
    report_console().print(table)
