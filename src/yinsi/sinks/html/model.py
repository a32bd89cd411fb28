"""What an HTML report shows, computed from saved result documents (docs/result-schema.md).

The model is built from plain result dicts, so a report can be re-rendered from JSON written by any
version of any command: file scans, table scans, app audits, or several of them combined. Aggregates
(counts by type, by file or table, by column) cover every finding; the finding table embeds at most a
byte budget of rows (sensitive ones first) so a report of 100,000 findings stays under 5 MB.

Raw values never enter the model unless `include_values` is set: finding rows are built from an allow
list of fields (`value` is not on it), so a result written with `--show-values` still renders masked.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from yinsi.sinks.explain import Explanation, explain_name
from yinsi.sinks.html.apps import AppCard, app_card
from yinsi.sinks.html.inventory import INVENTORY_KIND, add_inventory, inventory_findings
from yinsi.sinks.html.policies import PolicyCard, is_policy_result, policy_cards

ROW_BUDGET_BYTES = 3_500_000  # embedded finding rows; the rest of the page is small (charts, tables)
_APP_KINDS = ("app_audit", "app_rank")


@dataclass(frozen=True, slots=True)
class TypeCount:
    explanation: Explanation
    count: int
    distinct: int
    sources: int


@dataclass(frozen=True, slots=True)
class SourceCount:
    """Findings in one file or table."""

    source: str
    kind: str  # "file" or "table"
    findings: int
    sensitive: int


@dataclass(frozen=True, slots=True)
class FieldCount:
    """Findings of one entity type in one column (CSV, table) or JSON key path of one source."""

    source: str
    field: str
    entity_type: str
    count: int


@dataclass
class Report:
    """Everything the page renders; lists are in display order."""

    tool_version: str = ""
    created_at: str = ""
    kinds: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    files_scanned: int = 0
    bytes_read: int = 0
    tables_scanned: int = 0
    findings: int = 0
    sensitive: int = 0
    types: list[TypeCount] = field(default_factory=list)
    sources: list[SourceCount] = field(default_factory=list)
    fields: list[FieldCount] = field(default_factory=list)
    inventory: list[Mapping[str, Any]] = field(default_factory=list)  # one row per table
    columns_total: int = 0
    columns_personal: int = 0
    columns_sensitive: int = 0
    column_types: Counter[str] = field(default_factory=Counter)  # personal columns per entity type
    column_cells: dict[tuple[str, str], int] = field(default_factory=dict)  # (table.column, type) → % hits
    apps: list[AppCard] = field(default_factory=list)
    policies: list[PolicyCard] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    key_ids: list[str] = field(default_factory=list)
    row_types: list[str] = field(default_factory=list)
    row_sources: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)  # each a compact JSON array, see `_row`
    rows_total: int = 0
    include_values: bool = False
    base: str = ""  # the directory all scanned files share; sources are shown relative to it

    def short(self, source: str) -> str:
        """A file path relative to `base` (tables and other sources unchanged)."""
        if self.base and source.startswith(self.base + "/"):
            return source[len(self.base) + 1:]
        return source

    @property
    def rows_embedded(self) -> int:
        return len(self.rows)

    @property
    def distinct(self) -> int:
        return sum(item.distinct for item in self.types)

    @property
    def past_retention(self) -> int | None:
        """Rows past their retention limit over all tables, None when no table reports retention."""
        found = [item["expired_rows"] for item in self.inventory if isinstance(item.get("expired_rows"), int)]
        return sum(found) if found else None


def is_app_result(document: Any) -> bool:
    """An app-audit result: the versioned envelope, or the list `yinsi app audit --format json` prints."""
    if isinstance(document, Mapping):
        return document.get("kind") in _APP_KINDS
    return isinstance(document, list) and all(isinstance(item, Mapping) and "app" in item
                                              for item in document)


def build(documents: Sequence[Any], *, include_values: bool = False,
          row_budget: int = ROW_BUDGET_BYTES) -> Report:
    """The report model of one or more result documents."""
    report = Report(include_values=include_values)
    finding_results: list[Mapping[str, Any]] = []
    for document in documents:
        if is_app_result(document):
            apps = document["apps"] if isinstance(document, Mapping) else document
            report.apps.extend(app_card(item) for item in apps)
            report.kinds.append("app_audit")
            _envelope(report, document)
        elif is_policy_result(document):
            report.policies.extend(policy_cards(document))
            report.kinds.append("policy")
            _envelope(report, document)
        elif isinstance(document, Mapping) and document.get("kind") == INVENTORY_KIND:
            report.kinds.append(INVENTORY_KIND)
            _envelope(report, document)
            add_inventory(report, document)
            counted = inventory_findings(document)
            if counted is not None:
                finding_results.append(counted)
        elif isinstance(document, Mapping):
            finding_results.append(document)
            report.kinds.append(str(document.get("kind", "scan")))
            _envelope(report, document)
            _stats(report, document)
    _findings(report, finding_results, row_budget)
    return report


def _envelope(report: Report, document: Any) -> None:
    if not isinstance(document, Mapping):
        return
    report.tool_version = report.tool_version or str(document.get("tool", {}).get("version", ""))
    report.created_at = max(report.created_at, str(document.get("created_at", "")))
    report.inputs.extend(str(item) for item in document.get("inputs", ()))
    key_id = (document.get("digest_key") or {}).get("id")
    if key_id and key_id not in report.key_ids:
        report.key_ids.append(key_id)


def _stats(report: Report, document: Mapping[str, Any]) -> None:
    stats = document.get("stats") or {}
    report.files_scanned += int(stats.get("files_scanned", 0))
    report.bytes_read += int(stats.get("bytes_read", 0))
    report.skipped.update({str(k): int(v) for k, v in (stats.get("skipped") or {}).items()})
    report.errors.extend(f"{error.get('path', '')}: {error.get('message', '')}"
                         for error in document.get("errors", ()) if isinstance(error, Mapping))


def _common_directory(paths: Sequence[str]) -> str:
    """The deepest directory containing every path ("" when there is none or only one file)."""
    directories = [path.rsplit("/", 1)[0] for path in paths if "/" in path]
    if len(paths) < 2 or len(directories) != len(paths):
        return ""
    try:
        return posixpath.commonpath(directories)
    except ValueError:  # absolute and relative paths mixed
        return ""


def _source_of(location: Mapping[str, Any]) -> tuple[str, str]:
    if location.get("table"):
        return str(location["table"]), "table"
    return str(location.get("path") or "-"), "file"


def _findings(report: Report, results: Sequence[Mapping[str, Any]], row_budget: int) -> None:
    """Counts by type, source and field over every finding; compact rows within the byte budget."""
    counts: Counter[str] = Counter()
    digests: dict[str, set[str]] = {}
    type_sources: dict[str, set[str]] = {}
    by_source: Counter[tuple[str, str]] = Counter()
    sensitive_by_source: Counter[tuple[str, str]] = Counter()
    by_field: Counter[tuple[str, str, str]] = Counter()
    summary_distinct: Counter[str] = Counter()
    records: list[Mapping[str, Any]] = []
    for result in results:
        findings = [item for item in result.get("findings", ()) if isinstance(item, Mapping)]
        if not findings:
            _from_summary(result.get("summary") or {}, counts, summary_distinct, by_source,
                          sensitive_by_source, by_field)
            continue
        for finding in findings:
            kind = str(finding.get("entity_type"))
            location = finding.get("location") or {}
            source = _source_of(location)
            counts[kind] += 1
            if finding.get("digest"):
                digests.setdefault(kind, set()).add(str(finding["digest"]))
            type_sources.setdefault(kind, set()).add(source[0])
            by_source[source] += 1
            if finding.get("sensitive"):
                sensitive_by_source[source] += 1
            name = location.get("column_name") or location.get("field")
            if name:
                by_field[(source[0], str(name), kind)] += 1
            records.append(finding)
    report.findings = sum(counts.values())
    report.sensitive = sum(sensitive_by_source.values())
    types = [TypeCount(explain_name(kind), count, len(digests.get(kind, ())) + summary_distinct[kind],
                       len(type_sources.get(kind, ())))
             for kind, count in counts.items()]
    report.types = sorted(types, key=lambda t: (not t.explanation.sensitive, not t.explanation.personal,
                                                -t.count, t.explanation.entity_type))
    report.base = _common_directory([source for source, kind in by_source if kind == "file"])
    short = report.short
    report.sources = sorted((SourceCount(short(source), kind, count, sensitive_by_source[(source, kind)])
                             for (source, kind), count in by_source.items()),
                            key=lambda s: (-s.sensitive, -s.findings, s.source))
    report.fields = sorted((FieldCount(short(source), name, kind, count)
                            for (source, name, kind), count in by_field.items()),
                           key=lambda f: (-f.count, f.source, f.field, f.entity_type))
    _rows(report, records, row_budget)


def _from_summary(summary: Mapping[str, Any], counts: Counter[str], summary_distinct: Counter[str],
                  by_source: Counter[tuple[str, str]], sensitive_by_source: Counter[tuple[str, str]],
                  by_field: Counter[tuple[str, str, str]]) -> None:
    """Aggregates of a result saved without its findings (summary only); distinct values cannot be
    merged across results without digests, so they are added up."""
    for row in summary.get("by_entity_type", ()):
        counts[str(row["entity_type"])] += int(row.get("count", 0))
        summary_distinct[str(row["entity_type"])] += int(row.get("distinct_values", 0))
    for row in summary.get("by_file", ()):
        source = (str(row.get("path") or row.get("table")), "table" if row.get("table") else "file")
        by_source[source] += int(row.get("findings", 0))
        sensitive_by_source[source] += int(row.get("sensitive", 0))
    for row in summary.get("by_field", ()):
        source_name = str(row.get("path") or row.get("table"))
        by_field[(source_name, str(row["field"]), str(row["entity_type"]))] += int(row.get("count", 0))


def _rows(report: Report, records: Iterable[Mapping[str, Any]], budget: int) -> None:
    """Compact rows [type, sensitive, score, source, where, field, preview, digest(, value)], sensitive
    first, until `budget` bytes of JSON."""
    ordered = sorted(records, key=lambda record: not record.get("sensitive"))
    report.rows_total = len(ordered)
    type_index: dict[str, int] = {}
    source_index: dict[str, int] = {}
    used = 0
    for record in ordered:
        location = record.get("location") or {}
        kind = str(record.get("entity_type"))
        source = report.short(_source_of(location)[0])
        if kind not in type_index:
            type_index[kind] = len(report.row_types)
            report.row_types.append(kind)
        if source not in source_index:
            source_index[source] = len(report.row_sources)
            report.row_sources.append(source)
        row = _row(record, location, type_index[kind], source_index[source], report.include_values)
        used += len(row) + 1
        if used > budget:
            break
        report.rows.append(row)


def _row(record: Mapping[str, Any], location: Mapping[str, Any], kind: int, source: int,
         include_values: bool) -> str:
    if location.get("row_key") is not None:
        where = f"row {location['row_key']}"
    elif location.get("line") is not None:
        where = f"{location['line']}:{location.get('column', '')}"
    else:
        where = f"@{record.get('start', '')}"
    digest = str(record.get("digest") or "")
    cells: list[Any] = [kind, 1 if record.get("sensitive") else 0, round(float(record.get("score", 0)), 2),
                        source, where, str(location.get("column_name") or location.get("field") or ""),
                        str(record.get("preview") or ""), digest.removeprefix("hmac:")[:12]]
    if include_values:
        cells.append(str(record.get("value") or ""))
    return json.dumps(cells, ensure_ascii=False, separators=(",", ":"))
