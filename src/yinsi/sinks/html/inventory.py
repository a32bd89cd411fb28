"""The table-inventory part of a report (`kind: "inventory"` results of `yinsi db scan`).

Adds the columns holding each entity type (confidence from 0.5, as `yinsi.tabular` decides) with the
share of sampled values that matched, and each table's retention audit (PIPL art. 19, GB/T 35273-2020
6.1: keep personal information no longer than the purpose needs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from yinsi.sinks.explain import RETENTION_REFERENCES, explain_name
from yinsi.sinks.html.markup import bilingual, text

if TYPE_CHECKING:
    from yinsi.sinks.html.model import Report

INVENTORY_KIND = "inventory"
CONFIDENT = 0.5  # yinsi.tabular.model.CONFIDENT: from this confidence on an entity is taken as present


def add_inventory(report: Report, document: Mapping[str, Any]) -> None:
    """A table inventory (`kind: "inventory"`): columns by entity type with the share of sampled values
    that matched, and each table's retention audit."""
    stats = document.get("stats") or {}
    tables = [table for table in (document.get("inventory") or {}).get("tables", ())
              if isinstance(table, Mapping)]
    report.tables_scanned += int(stats.get("tables", len(tables)))
    report.errors.extend(f"{error.get('table', '')}: {error.get('message', '')}"
                         for error in document.get("errors", ()) if isinstance(error, Mapping))
    for table in tables:
        columns = [column for column in table.get("columns", ()) if isinstance(column, Mapping)]
        name = str(table.get("name", ""))
        report.columns_total += len(columns)
        report.columns_personal += sum(bool(column.get("personal")) for column in columns)
        report.columns_sensitive += sum(bool(column.get("sensitive")) for column in columns)
        for column in columns:
            for entity in column.get("entities", ()):
                confidence = float(entity.get("confidence") or 0)
                if confidence < CONFIDENT:
                    continue
                kind = str(entity.get("entity_type"))
                report.column_types[kind] += 1
                ratio = entity.get("hit_ratio")
                share = round(100 * float(ratio)) if ratio is not None else round(100 * confidence)
                report.column_cells[(f"{name}.{column.get('name', '')}", kind)] = max(1, share)
        retention = table.get("retention") or {}
        report.inventory.append({
            "table": name,
            "rows": table.get("estimated_rows"),
            "personal_columns": sum(bool(column.get("personal")) for column in columns),
            "sensitive_columns": sum(bool(column.get("sensitive")) for column in columns),
            "timestamp_column": retention.get("timestamp_column"),
            "period_days": retention.get("period_days"),
            "expired_rows": retention.get("expired_rows"),
            "oldest_age_days": retention.get("oldest_age_days"),
            "note": retention.get("note") or table.get("error"),
        })


def inventory_findings(document: Mapping[str, Any]) -> dict[str, Any] | None:
    """A summary-only result of the findings an inventory counted per column (`summary.by_field`, as
    `yinsi spark scan` reports them), so they join the charts; None when the inventory has none."""
    summary = document.get("summary") or {}
    by_field = [row for row in summary.get("by_field", ()) if isinstance(row, Mapping)]
    if not by_field:
        return None
    by_type: Counter[str] = Counter()
    by_table: Counter[str] = Counter()
    sensitive: Counter[str] = Counter()
    for row in by_field:
        count = int(row.get("count", 0))
        kind = str(row.get("entity_type"))
        table = str(row.get("path") or row.get("table") or "")
        by_type[kind] += count
        by_table[table] += count
        if explain_name(kind).sensitive:
            sensitive[table] += count
    return {"summary": {
        "by_entity_type": [{"entity_type": kind, "count": count, "distinct_values": 0}
                           for kind, count in by_type.items()],
        "by_file": [{"table": table, "findings": count, "sensitive": sensitive[table]}
                    for table, count in by_table.items()],
        "by_field": [{**row, "path": str(row.get("path") or row.get("table") or "")} for row in by_field],
    }}


def render_retention(report: Report) -> str:
    """Tables with their row counts, personal columns and rows past the retention period."""
    if not report.inventory:
        return ""
    labels = ("表 Table", "行数 Rows (est.)", "个人信息列 PI columns", "敏感列 Sensitive",
              "时间列 Date column", "期限 Limit (days)", "超期行 Rows past retention", "最早 Oldest (days)",
              "说明 Note")
    body = []
    for table in report.inventory:
        expired = table.get("expired_rows")
        tone = ' class="alert"' if isinstance(expired, int) and expired > 0 else ""
        cells = [table.get(key) for key in ("table", "rows", "personal_columns", "sensitive_columns",
                                            "timestamp_column", "period_days", "expired_rows",
                                            "oldest_age_days", "note")]
        body.append(f"<tr{tone}>" + "".join(f"<td>{text(cell)}</td>" for cell in cells) + "</tr>")
    head = "".join(f"<th>{escape(label)}</th>" for label in labels)
    references = "; ".join(f"{escape(str(item))} — {escape(item.note)}" for item in RETENTION_REFERENCES)
    return (f'<section id="retention"><h2>{bilingual("数据表与保存期限", "Tables and retention")}</h2>'
            f'<div class="scroll"><table class="data"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>'
            f'<p class="refs">依据 References: {references}</p></section>')
