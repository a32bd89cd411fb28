"""The inventory (数据资产清单) as JSON (result schema, `kind: "inventory"`) and as CSV, one row per column.

Both are written atomically through `Output`. Neither holds a value from the data: only names,
types, entity types, ratios and counts (docs/result-schema.md, "Inventory").
"""

from __future__ import annotations

import csv
import json
from typing import Any

from yinsi.core.entities import ENTITY_TYPES
from yinsi.sinks.csv_sink import _cell
from yinsi.sinks.output import Output
from yinsi.sinks.records import SCHEMA_VERSION
from yinsi.tabular.inventory import Inventory
from yinsi.tabular.model import ColumnReport, TableReport

CSV_COLUMNS = (
    "source", "table", "column", "type", "personal", "sensitive", "entity_type", "chinese", "category",
    "hit_ratio", "confidence", "evidence", "other_entities", "null_ratio", "free_text", "estimated_rows",
    "rows_sampled",
)


def inventory_record(inventory: Inventory, *, tool_version: str) -> dict[str, Any]:
    """The whole result object of an inventory run."""
    settings = inventory.settings
    tables = inventory.tables
    columns = [column for table in tables for column in table.columns]
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "inventory",
        "tool": {"name": "yinsi", "version": tool_version},
        "created_at": inventory.started_at.isoformat(timespec="seconds"),
        "duration_seconds": round(inventory.duration_seconds, 3),
        "inputs": [inventory.source],
        "settings": {
            "sample_size": None if settings.full else settings.sample_size,
            "full": settings.full,
            "min_score": settings.min_score,
            "min_hit_ratio": settings.min_hit_ratio,
            "retention_days": settings.retention_days,
            "timestamp_column": settings.timestamp_column,
            "tables": list(settings.tables),
            "exclude_tables": list(settings.exclude_tables),
        },
        "stats": {
            "tables": len(tables),
            "tables_failed": len(inventory.errors),
            "columns": len(columns),
            "personal_columns": sum(column.personal for column in columns),
            "sensitive_columns": sum(column.sensitive for column in columns),
            "rows_sampled": sum(table.rows_sampled for table in tables),
        },
        "errors": [{"table": table.name, "message": table.error} for table in inventory.errors],
        "summary": {"by_entity_type": _by_entity(tables)},
        "inventory": {"tables": [table_record(table) for table in tables]},
    }


def table_record(table: TableReport) -> dict[str, Any]:
    record: dict[str, Any] = {
        "name": table.name,
        "estimated_rows": table.estimated_rows,
        "rows_sampled": table.rows_sampled,
        "sampling": table.sampling,
        "personal": bool(table.personal_columns),
        "sensitive": table.sensitive,
        "error": table.error,
        "columns": [column_record(column) for column in table.columns],
    }
    if table.retention is not None:
        retention = table.retention
        record["retention"] = {
            "period_days": retention.period_days,
            "timestamp_column": retention.timestamp_column,
            "expired_rows": retention.expired_rows,
            "oldest_age_days": retention.oldest_age_days,
            "note": retention.note,
        }
    return record


def column_record(column: ColumnReport) -> dict[str, Any]:
    category = column.category
    return {
        "name": column.name,
        "type": column.type_name,
        "personal": column.personal,
        "sensitive": column.sensitive,
        "category": category.value if category is not None else None,
        "category_english": category.english if category is not None else None,
        "null_ratio": column.null_ratio,
        "values_sampled": column.values_sampled,
        "free_text": column.free_text,
        "name_hint": column.name_hint,
        "entities": [
            {
                "entity_type": entity.entity_type,
                "chinese": ENTITY_TYPES[entity.entity_type].chinese,
                "sensitive": ENTITY_TYPES[entity.entity_type].sensitive,
                "hit_ratio": entity.hit_ratio,
                "confidence": entity.confidence,
                "evidence": entity.evidence,
            }
            for entity in column.entities
        ],
    }


def _by_entity(tables: tuple[TableReport, ...]) -> list[dict[str, Any]]:
    """Per entity type: the columns confidently holding it, sensitive types first."""
    found: dict[str, list[str]] = {}
    for table in tables:
        for column in table.columns:
            for entity in column.entities:
                if entity.confident:
                    found.setdefault(entity.entity_type, []).append(f"{table.name}.{column.name}")
    rows: list[dict[str, Any]] = []
    for name, where in found.items():
        known = ENTITY_TYPES[name]
        rows.append({
            "entity_type": name, "chinese": known.chinese, "category": known.category.value,
            "sensitive": known.sensitive, "columns": len(where), "where": where,
        })
    rows.sort(key=lambda row: (not row["sensitive"], -len(row["where"]), row["entity_type"]))
    return rows


def write_json(inventory: Inventory, output: Output, *, tool_version: str) -> None:
    try:
        json.dump(inventory_record(inventory, tool_version=tool_version), output.handle, ensure_ascii=False,
                  indent=2)
        output.handle.write("\n")
        output.commit()
    except BaseException:
        output.discard()
        raise


def write_csv(inventory: Inventory, output: Output) -> None:
    """One row per column (personal or not), with a BOM for spreadsheet programs when writing a file."""
    try:
        if output.is_file:
            output.handle.write("\ufeff")
        writer = csv.writer(output.handle)
        writer.writerow(CSV_COLUMNS)
        for table in inventory.tables:
            for column in table.columns:
                primary = column.primary
                others = [entity for entity in column.entities if entity is not primary]
                writer.writerow([
                    _cell(inventory.source), _cell(table.name), _cell(column.name), _cell(column.type_name),
                    _flag(column.personal), _flag(column.sensitive),
                    primary.entity_type if primary else "",
                    ENTITY_TYPES[primary.entity_type].chinese if primary else "",
                    column.category.value if column.category is not None else "",
                    primary.hit_ratio if primary and primary.hit_ratio is not None else "",
                    primary.confidence if primary else "",
                    primary.evidence if primary else "",
                    "|".join(f"{entity.entity_type}:{entity.confidence}" for entity in others),
                    column.null_ratio, _flag(column.free_text),
                    table.estimated_rows if table.estimated_rows is not None else "", table.rows_sampled,
                ])
        output.commit()
    except BaseException:
        output.discard()
        raise


def _flag(value: bool) -> str:
    return "true" if value else "false"
