"""From an inspection to what leaves the server: the header value, the log line, the block body.

Shared by the ASGI and WSGI middlewares so both behave byte for byte alike. Log lines and headers hold
entity types, counts, JSON keys and masked previews only (DESIGN.md: never a new leak); the request
path is masked too, since paths such as /users/13800138000 carry identifiers.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass

from yinsi._anonymize import anonymize
from yinsi.guard.inspect import Inspection
from yinsi.guard.policy import GuardAction, GuardPolicy

log = logging.getLogger("yinsi.guard")
_MAX_LOGGED = 20


@dataclass(frozen=True, slots=True)
class Verdict:
    """What to send: the status, the body (None: the original) and the guard header's value."""

    header: str
    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None


def decide(policy: GuardPolicy, inspection: Inspection, method: str, path: str) -> Verdict:
    """Apply the policy's action to an inspection and log masked findings when there are any."""
    if not inspection.findings:
        return Verdict("clean")
    counts = Counter(finding.entity_type for finding in inspection.findings)
    summary = ",".join(f"{name}={count}" for name, count in sorted(counts.items()))
    _log(policy.action, inspection, method, path)
    if policy.action is GuardAction.BLOCK:
        body = json.dumps({"error": {
            "code": "personal_information_blocked",
            "message": "the response held personal information and was withheld",
            "entity_types": sorted(counts),
        }}).encode()
        return Verdict(f"blocked; {summary}", policy.block_status, body, "application/json")
    if policy.action is GuardAction.MASK:
        return Verdict(f"masked; {summary}", body=inspection.body)
    return Verdict(f"reported; {summary}")


def not_inspected(policy: GuardPolicy, reason: str, method: str, path: str) -> str:
    """Header value for a response the guard let through unread, logged once at info level."""
    log.info("%s %s: response not inspected (%s)", method, masked_path(path), reason)
    return f"not-inspected; reason={reason}"


def masked_path(path: str) -> str:
    if not any(char.isdigit() or char == "@" for char in path):
        return path  # nothing an identifier could be made of: skip the analysis
    return anonymize(path, policy="redact").text


def _log(action: GuardAction, inspection: Inspection, method: str, path: str) -> None:
    shown = [
        f"{finding.entity_type}:{finding.preview}" + (f"@{finding.field}" if finding.field else "")
        for finding in inspection.findings[:_MAX_LOGGED]
    ]
    more = len(inspection.findings) - len(shown)
    log.warning(
        "%s %s: %d personal value(s) in the response (%s): %s%s",
        method, masked_path(path), len(inspection.findings), action.value, ", ".join(shown),
        f" and {more} more" if more > 0 else "",
    )
