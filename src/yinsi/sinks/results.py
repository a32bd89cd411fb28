"""Saved results read back: any JSON a yinsi command wrote, recognised by its shape, plus the versioned
envelope of app audits.

`yinsi scan` and `yinsi db scan` write one result object with `schema_version` and `kind`;
`yinsi app audit --format json` prints a list of audits (and `rank` a list with a `rank` member), which
`app_audit_result` wraps in the same envelope. docs/result-schema.md describes both.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yinsi.core.errors import InputError
from yinsi.sinks.records import SCHEMA_VERSION

if TYPE_CHECKING:
    from yinsi.apps.audit import AppAudit


def app_audit_result(audits: Sequence[AppAudit], *, tool_version: str) -> dict[str, Any]:
    """The result envelope of an app audit (`kind: "app_audit"`, the audits under `apps`)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "app_audit",
        "tool": {"name": "yinsi", "version": tool_version},
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": [audit.facts.path for audit in audits],
        "apps": [audit.as_dict() for audit in audits],
    }


def _json_lines(text: str) -> list[dict[str, Any]] | None:
    """The findings of `yinsi scan --format jsonl` output, or None when `text` is something else."""
    findings = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            return None
        if not isinstance(item, dict) or "entity_type" not in item:
            return None
        findings.append(item)
    return findings or None


def load_result(path: str | Path) -> Any:
    """A saved result: a scan or table-scan object, an app-audit envelope, an app-audit list, or the
    findings of `yinsi scan --format jsonl` (one per line).

    Raises InputError (one line, no file content quoted) for unreadable, non-JSON or unknown files.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a yinsi JSON result (not UTF-8 text)") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        findings = _json_lines(text)
        if findings is None:
            raise InputError(f"{path}: not a yinsi JSON result (invalid JSON at line {error.lineno}, "
                             f"column {error.colno})") from None
        return {"schema_version": SCHEMA_VERSION, "kind": "scan", "inputs": [str(path)], "findings": findings}
    if isinstance(document, dict) and ("findings" in document or "summary" in document
                                       or document.get("kind") in ("app_audit", "app_rank", "policy")):
        return document
    if isinstance(document, list) and all(isinstance(item, dict) and "app" in item for item in document):
        return document
    raise InputError(f"{path}: not a yinsi JSON result (expected the output of `yinsi scan --format json`, "
                     "`yinsi db scan` or `yinsi app audit --format json`)")
