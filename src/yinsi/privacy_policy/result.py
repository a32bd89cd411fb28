"""The versioned result envelope of policy checks (`kind: "policy"`, docs/result-schema.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from yinsi.privacy_policy.check import PolicyCheck
from yinsi.sinks.records import SCHEMA_VERSION

KIND = "policy"


def policy_result(
    checks: Sequence[PolicyCheck], *, tool_version: str, show_values: bool = False
) -> dict[str, Any]:
    """One envelope for one or more checks; `inputs` lists each policy and, when compared, its APK.
    Identifiers in quoted clauses are masked unless `show_values`."""
    inputs: list[str] = []
    for check in checks:
        inputs.append(check.source.path)
        if check.audit is not None:
            inputs.append(check.audit.facts.path)
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": KIND,
        "tool": {"name": "yinsi", "version": tool_version},
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": inputs,
        "policies": [check.as_dict(show_values=show_values) for check in checks],
    }
