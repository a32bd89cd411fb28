"""The public JSON form of a finding and of a scan's metadata (docs/result-schema.md, version 1).

One function per shape, used by every machine-readable sink, so JSON, JSON Lines and CSV agree field
for field. Raw values appear only when the caller asks for them (`--show-values`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from yinsi.core.types import Finding
from yinsi.scanning import ScanSettings, ScanStats

SCHEMA_VERSION = "1.0"
VALUE_KEY = "value"


def raw_value(finding: Finding) -> str | None:
    """The unmasked value a scan attached with `include_values=True`, else None."""
    for key, value in finding.extra:
        if key == VALUE_KEY:
            return value
    return None


def finding_record(finding: Finding, *, include_values: bool = False) -> dict[str, Any]:
    """The object a report holds for one finding (DESIGN.md contract plus recognizer and evidence)."""
    record: dict[str, Any] = {
        "entity_type": finding.entity_type,
        "start": finding.start,
        "end": finding.end,
        "score": finding.score,
        "location": finding.location.as_dict() if finding.location is not None else {},
        "sensitive": finding.sensitive,
        "preview": finding.preview,
        "digest": finding.digest,
        "recognizer": finding.recognizer,
    }
    if finding.evidence is not None:
        record["evidence"] = {
            "pattern": finding.evidence.pattern,
            "validated": finding.evidence.validated,
            "context": list(finding.evidence.context),
            "negative_context": list(finding.evidence.negative_context),
        }
    if include_values:
        record[VALUE_KEY] = raw_value(finding)
    return record


@dataclass(frozen=True, slots=True)
class ScanMetadata:
    """What a report says about the run itself: inputs, settings, key provenance, counts, timing."""

    tool_version: str
    inputs: tuple[str, ...]
    settings: ScanSettings
    key_source: str
    key_id: str
    stats: ScanStats
    started_at: datetime
    duration_seconds: float


def metadata_record(meta: ScanMetadata) -> dict[str, Any]:
    """The envelope fields of a scan result, everything but the findings and the summary."""
    settings = meta.settings
    stats = meta.stats
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "scan",
        "tool": {"name": "yinsi", "version": meta.tool_version},
        "created_at": meta.started_at.isoformat(timespec="seconds"),
        "duration_seconds": round(meta.duration_seconds, 3),
        "inputs": list(meta.inputs),
        "settings": {
            "entities": sorted(settings.entities) if settings.entities is not None else None,
            "min_score": settings.min_score,
            "exclude": list(settings.exclude),
            "max_file_size": settings.max_file_size,
            "show_values": settings.include_values,
        },
        "digest_key": {"source": meta.key_source, "id": meta.key_id},
        "stats": {
            "files_scanned": stats.files_scanned,
            "bytes_read": stats.bytes_read,
            "chars_scanned": stats.chars_scanned,
            "findings": stats.findings,
            "skipped": dict(stats.skipped),
            "encodings": dict(stats.encodings),
            "errors": len(stats.errors),
        },
        "errors": [{"path": error.path, "message": error.message} for error in stats.errors],
    }
