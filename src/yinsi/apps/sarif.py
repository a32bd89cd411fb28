"""App audits as SARIF 2.1.0, so CI systems and code-scanning dashboards can show them.

Levels: high -> error, medium -> warning, low -> note, info -> none. Each result points at the APK file;
evidence names (permissions, classes, APIs) become logical locations and message text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from yinsi.apps.audit import AppAudit
from yinsi.apps.findings import Severity
from yinsi.apps.rules.registry import discover
from yinsi.sinks.sarif import sarif_log

_LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note", Severity.INFO: "none"}


def to_sarif(audits: Sequence[AppAudit], *, tool_version: str) -> dict[str, object]:
    """One SARIF run covering every audit; rule metadata comes from the rule registry."""
    rules = [{
        "id": rule.id,
        "name": rule.__name__,
        "shortDescription": {"text": rule.title_en},
        "fullDescription": {"text": f"{rule.title_zh} / {rule.title_en}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"references": [str(reference) for reference in rule.references]},
    } for rule in discover()]
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results = []
    for audit in audits:
        uri = Path(audit.facts.path).as_posix()
        for finding in audit.findings:
            results.append({
                "ruleId": finding.rule_id,
                "ruleIndex": index.get(finding.rule_id, -1),
                "level": _LEVEL[finding.severity],
                "message": {"text": f"{finding.message_en}\n{finding.message_zh}"},
                "locations": [{
                    "physicalLocation": {"artifactLocation": {"uri": uri}},
                    "logicalLocations": [{"name": line} for line in finding.evidence[:10]],
                }],
                "properties": {
                    "package": audit.facts.package,
                    "sha256": audit.facts.sha256,
                    "references": [str(reference) for reference in finding.references],
                    "piTypes": list(finding.pi_types),
                    "tracker": finding.tracker,
                    "heuristic": finding.heuristic,
                },
            })
    driver = {"name": "yinsi app audit", "version": tool_version, "rules": rules}
    return sarif_log(
        driver, results,
        artifacts=[{"location": {"uri": Path(audit.facts.path).as_posix()},
                    "hashes": {"sha-256": audit.facts.sha256}} for audit in audits],
        properties={"scores": {audit.facts.package: audit.score.value for audit in audits}},
    )
