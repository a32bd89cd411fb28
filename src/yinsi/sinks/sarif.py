"""`--format sarif`: findings as SARIF 2.1.0, so personal data committed to a repository shows up in
code-scanning tools; also the SARIF envelope `yinsi app audit --format sarif` shares.

One rule per entity type of the catalogue (help text and references from `yinsi.sinks.explain`), one
result per finding with its line and column (columns count Unicode code points, declared by the run's
`columnKind`), the masked preview in the message and the keyed digest as a partial fingerprint, so a
dashboard tracks one value across commits without ever holding it. Raw values are never written, even
with `--show-values`: SARIF files are made to be uploaded and shared.
Specification: OASIS SARIF 2.1.0 (sarif-v2.1.0-os), §3.27 result, §3.30 region, §3.49 reportingDescriptor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Any

from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.types import Finding
from yinsi.sinks.explain import Explanation, explain, explain_name
from yinsi.sinks.output import Output
from yinsi.sinks.records import ScanMetadata

FORMAT = "sarif"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "yinsiValueDigest/v1"
SRCROOT = "%SRCROOT%"
STDIN = "-"


def sarif_log(driver: dict[str, Any], results: Sequence[dict[str, Any]], **run: Any) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run of `driver` (name, version, rules) and `results`; `run` adds
    run-level members (artifacts, invocations, columnKind, properties)."""
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{"tool": {"driver": driver}, **run,
                  "results": list(results)}],
    }


def entity_rule(explanation: Explanation) -> dict[str, Any]:
    """The reportingDescriptor of one entity type."""
    references = [f"{reference} ({reference.note})" for reference in explanation.references]
    title = f"{explanation.chinese} {explanation.english}".strip()
    markdown = "\n".join([
        f"**{title}** — {explanation.category} / {explanation.category_english}".rstrip(" /—"), "",
        explanation.why, "", explanation.action, "",
        *(f"- {line}" for line in references),
    ])
    return {
        "id": explanation.entity_type,
        "name": "".join(part.capitalize() for part in explanation.entity_type.split("_")),
        "shortDescription": {"text": f"Personal information: {title}"},
        "fullDescription": {"text": f"{explanation.why} {explanation.action}"},
        "help": {"text": "\n".join([explanation.why, explanation.action, *references]), "markdown": markdown},
        "defaultConfiguration": {"level": explanation.level},
        "properties": {
            "tags": ["privacy", "personal-information", *(["sensitive"] if explanation.sensitive else [])],
            "sensitive": explanation.sensitive,
            "category": explanation.category,
            "references": references,
        },
    }


def _artifact_uri(path: str) -> dict[str, str]:
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": pure.as_posix(), "uriBaseId": SRCROOT}


def finding_result(record: dict[str, Any], rule_index: int) -> dict[str, Any]:
    """One SARIF result from a finding record (docs/result-schema.md); never reads `value`."""
    location = record.get("location") or {}
    explanation = explain_name(record["entity_type"])
    name = f"{explanation.chinese} {record['entity_type']}".strip()
    preview = record.get("preview") or "(masked)"
    sarif_location: dict[str, Any] = {}
    path = location.get("path")
    if path and path != STDIN:
        physical: dict[str, Any] = {"artifactLocation": _artifact_uri(path)}
        if location.get("line"):
            column = int(location.get("column") or 1)
            physical["region"] = {
                "startLine": int(location["line"]), "startColumn": column,
                "endColumn": column + int(record["end"]) - int(record["start"]),
                "charOffset": int(record["start"]), "charLength": int(record["end"]) - int(record["start"]),
            }
        sarif_location["physicalLocation"] = physical
    logical = []
    if location.get("table"):
        column_name = location.get("column_name", "")
        logical.append({"name": column_name, "fullyQualifiedName": f"{location['table']}.{column_name}",
                        "kind": "member"})
    elif location.get("column_name") or location.get("field"):
        logical.append({"name": location.get("column_name") or location.get("field"), "kind": "member"})
    if path == STDIN:
        logical.append({"name": "standard input", "kind": "resource"})
    if logical:
        sarif_location["logicalLocations"] = logical
    result: dict[str, Any] = {
        "ruleId": record["entity_type"],
        "ruleIndex": rule_index,
        "level": explanation.level,
        "message": {"text": f"{name}: {preview} (masked preview 掩码预览; score {record['score']:.2f})"},
        "locations": [sarif_location] if sarif_location else [],
        "properties": {"sensitive": bool(record.get("sensitive")), "score": record["score"],
                       "recognizer": record.get("recognizer")},
    }
    if record.get("digest"):
        result["partialFingerprints"] = {FINGERPRINT_KEY: record["digest"]}
    return result


def scan_log(records: Iterable[dict[str, Any]], *, tool_version: str, errors: Sequence[dict[str, str]] = (),
             properties: dict[str, Any] | None = None) -> dict[str, Any]:
    """A SARIF log of a scan: every catalogue entity as a rule (plus unknown types met), a result per
    record, unreadable paths as tool notifications."""
    explanations = [explain(entity) for entity in ENTITY_TYPES.values()]
    index = {item.entity_type: position for position, item in enumerate(explanations)}
    results = []
    for record in records:
        kind = record["entity_type"]
        if kind not in index:
            index[kind] = len(explanations)
            explanations.append(explain_name(kind))
        results.append(finding_result(record, index[kind]))
    invocation = {
        "executionSuccessful": not errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": f"{error['path']}: {error['message']}"}}
            for error in errors
        ],
    }
    driver = {"name": "yinsi", "version": tool_version, "rules": [entity_rule(item) for item in explanations]}
    return sarif_log(driver, results, columnKind="unicodeCodePoints", invocations=[invocation],
                     properties=properties or {})


class SarifSink:
    """Keeps compact finding records (never values) and writes one SARIF log at the end."""

    def __init__(self, output: Output) -> None:
        self._output = output
        self._records: list[dict[str, Any]] = []

    def add(self, finding: Finding) -> None:
        self._records.append({
            "entity_type": finding.entity_type, "start": finding.start, "end": finding.end,
            "score": finding.score, "sensitive": finding.sensitive, "preview": finding.preview,
            "digest": finding.digest, "recognizer": finding.recognizer,
            "location": finding.location.as_dict() if finding.location is not None else {},
        })

    def finish(self, meta: ScanMetadata) -> None:
        errors = [{"path": error.path, "message": error.message} for error in meta.stats.errors]
        log = scan_log(self._records, tool_version=meta.tool_version, errors=errors,
                       properties={"digestKeyId": meta.key_id, "findings": meta.stats.findings,
                                   "filesScanned": meta.stats.files_scanned})
        json.dump(log, self._output.handle, ensure_ascii=False, indent=1)
        self._output.handle.write("\n")
        self._output.commit()

    def abort(self) -> None:
        self._output.discard()


def create(output: Output, *, include_values: bool) -> SarifSink:
    """SARIF never carries raw values, so `include_values` is ignored (see the module docstring)."""
    return SarifSink(output)
