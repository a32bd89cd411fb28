"""Audit an APK: extract facts, match trackers, run every rule, score. The app-audit pipeline.

`audit_facts` works on hand-built AppFacts (tests, other extractors); `audit_apk` reads an APK first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding
from yinsi.apps.inventory import PiAccess, collectable_pi
from yinsi.apps.knowledge import AppCategory, KnowledgeBase, TrackerSignature, default_knowledge
from yinsi.apps.rules.base import AppRule, RuleContext
from yinsi.apps.rules.registry import create_all
from yinsi.apps.scoring import Score, score_findings
from yinsi.apps.trackers import TrackerIndex, TrackerMatch, load_exodus_trackers

TrackerSource = str | PathLike[str] | Sequence[TrackerSignature] | None
_LIMITING_RULES = frozenset({"apps.packed_apk", "apps.extraction_limits"})


@dataclass(frozen=True, slots=True)
class AppAudit:
    """The result of auditing one app: facts, findings (most severe first), score, trackers, PI reach.

    `limited` is True when the audit is a lower bound (packed APK or an extraction budget hit).
    `knowledge_versions` names the knowledge files' versions, so a report says what it was judged by.
    """

    facts: AppFacts
    category: AppCategory | None
    findings: tuple[AppFinding, ...]
    score: Score
    trackers: tuple[TrackerMatch, ...]
    inventory: tuple[PiAccess, ...]
    limited: bool
    knowledge_versions: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        return self.facts.label or self.facts.package

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (no personal values: names of permissions, classes and APIs only)."""
        facts = self.facts
        return {
            "app": {"path": facts.path, "sha256": facts.sha256, "package": facts.package,
                    "label": facts.label, "version_name": facts.version_name,
                    "version_code": facts.version_code,
                    "min_sdk": facts.min_sdk, "target_sdk": facts.target_sdk},
            "category": None if self.category is None else {
                "number": self.category.number, "zh": self.category.zh, "en": self.category.en,
                "necessary_pi": sorted(self.category.necessary_types),
                "functional": list(self.category.functional)},
            "knowledge": dict(self.knowledge_versions),
            "score": self.score.as_dict(),
            "limited": self.limited,
            "trackers": [_tracker_dict(match) for match in self.trackers],
            "collectable_pi": [{"pi_type": access.pi_type, "permissions": list(access.permissions),
                                "apis": [api for api, _ in access.apis]} for access in self.inventory],
            "findings": [finding.as_dict() for finding in self.findings],
        }


def _tracker_dict(match: TrackerMatch) -> dict[str, object]:
    tracker = match.tracker
    return {"id": tracker.id, "name": tracker.name, "name_zh": tracker.name_zh, "vendor": tracker.vendor,
            "categories": list(tracker.categories), "collects": list(tracker.collects),
            "confidence": tracker.confidence, "evidence": list(match.evidence()), "origin": tracker.origin}


def resolve_category(category: str | int | AppCategory | None,
                     knowledge: KnowledgeBase) -> AppCategory | None:
    """A category from a number, Chinese or English name; None (unknown) for None or "unknown"."""
    if category is None or isinstance(category, AppCategory):
        return category
    return knowledge.category(str(category))


def resolve_trackers(trackers: TrackerSource) -> tuple[TrackerSignature, ...]:
    """Extra tracker signatures: an Exodus-format JSON file path, or signatures already loaded."""
    if trackers is None:
        return ()
    if isinstance(trackers, str | PathLike):
        return load_exodus_trackers(Path(trackers))
    return tuple(trackers)


def audit_facts(facts: AppFacts, *, category: str | int | AppCategory | None = None,
                trackers: TrackerSource = None, knowledge: KnowledgeBase | None = None,
                rules: Sequence[AppRule] | None = None) -> AppAudit:
    """Run every app-audit rule on `facts` and score the result."""
    knowledge = knowledge or default_knowledge()
    resolved = resolve_category(category, knowledge)
    index = TrackerIndex((*knowledge.trackers, *resolve_trackers(trackers)))
    inventory = collectable_pi(facts, knowledge)
    context = RuleContext(knowledge=knowledge, category=resolved, trackers=index.match(facts),
                          tracker_index=index, inventory=inventory)
    active = list(rules) if rules is not None else create_all()
    findings = [finding for rule in active for finding in rule.check(facts, context)]
    findings.sort(key=lambda finding: (finding.severity.rank, finding.rule_id))
    score = score_findings(findings, {rule.id: rule.max_deduction for rule in active})
    return AppAudit(facts=facts, category=resolved, findings=tuple(findings), score=score,
                    trackers=context.trackers, inventory=tuple(inventory.values()),
                    limited=any(finding.rule_id in _LIMITING_RULES for finding in findings),
                    knowledge_versions=tuple(sorted(knowledge.versions.items())))


def audit_apk(path: str | PathLike[str], category: str | int | AppCategory | None = None,
              trackers: TrackerSource = None) -> AppAudit:
    """Audit one APK file against the Chinese app rules (认定方法 2019, 必要个人信息范围规定 2021).

    `category`: the app's category (number, Chinese or English name; None or "unknown" for a softer
    report). `trackers`: an Exodus-format tracker JSON to use besides the built-in signatures.
    Raises ApkError for an APK that cannot be read, ConfigurationError for a bad category or file.
    """
    from yinsi.apps.extract import extract_facts  # imported on use: `import yinsi` stays light

    knowledge = default_knowledge()
    resolved = resolve_category(category, knowledge)  # fail on a bad category before reading the APK
    return audit_facts(extract_facts(Path(path)), category=resolved, trackers=trackers, knowledge=knowledge)


def rank_audits(audits: Sequence[AppAudit]) -> list[AppAudit]:
    """League-table order: higher score first; ties by fewer high-severity findings, then name."""
    return sorted(audits, key=lambda audit: (
        -audit.score.value, sum(finding.severity.rank == 0 for finding in audit.findings), audit.name))
