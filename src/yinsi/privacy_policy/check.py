"""Check a privacy policy: read, segment, run every rule (with the app audit when given), score.
The privacy-policy pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from yinsi.apps.knowledge import AppCategory, default_knowledge
from yinsi.apps.scoring import Score
from yinsi.privacy_policy.model import Disclosure, PolicyFinding, PolicySource, PolicyText
from yinsi.privacy_policy.reader import read_policy
from yinsi.privacy_policy.rules.base import PolicyContext, PolicyRule
from yinsi.privacy_policy.rules.registry import create_all
from yinsi.privacy_policy.scoring import score_policy
from yinsi.privacy_policy.segmenter import segment
from yinsi.privacy_policy.vocabulary import default_vocabulary

if TYPE_CHECKING:
    from yinsi.apps.audit import AppAudit


@dataclass(frozen=True, slots=True)
class PolicyCheck:
    """The result of checking one policy: disclosures (one per disclosure rule), findings (most severe
    first), the score, and the app audit it was compared with (None without `--app`)."""

    source: PolicySource
    policy: PolicyText
    disclosures: tuple[Disclosure, ...]
    findings: tuple[PolicyFinding, ...]
    score: Score
    audit: AppAudit | None = None
    category: AppCategory | None = None
    versions: tuple[tuple[str, str], ...] = ()

    def as_dict(self, *, show_values: bool = False) -> dict[str, object]:
        """JSON-ready form (docs/result-schema.md, kind "policy"): policy wording, with the identifiers in
        quoted clauses masked unless `show_values`."""
        audit = self.audit
        return {
            "policy": {"path": self.source.path, "sha256": self.source.sha256, "format": self.source.format,
                       "encoding": self.source.encoding, "language": self.policy.language,
                       "chars": len(self.source.text), "sections": len(self.policy.sections),
                       "clauses": len(self.policy.clauses)},
            "app": None if audit is None else {
                "path": audit.facts.path, "package": audit.facts.package, "label": audit.facts.label,
                "sha256": audit.facts.sha256},
            "category": None if self.category is None else {
                "number": self.category.number, "zh": self.category.zh, "en": self.category.en},
            "knowledge": dict(self.versions),
            "score": self.score.as_dict(),
            "disclosures": [disclosure.as_dict(show_values=show_values) for disclosure in self.disclosures],
            "findings": [finding.as_dict(show_values=show_values) for finding in self.findings],
        }


def check_text(source: PolicySource, *, audit: AppAudit | None = None, category: AppCategory | None = None,
               rules: Sequence[PolicyRule] | None = None) -> PolicyCheck:
    """Check a policy already read. `category` defaults to the audit's category."""
    knowledge = default_knowledge()
    vocabulary = default_vocabulary()
    resolved = category if category is not None else (audit.category if audit is not None else None)
    policy = segment(source.text)
    context = PolicyContext(policy=policy, vocabulary=vocabulary, knowledge=knowledge, audit=audit,
                            category=resolved)
    active = list(rules) if rules is not None else create_all()
    disclosures: list[Disclosure] = []
    findings: list[PolicyFinding] = []
    for rule in active:
        outcome = rule.check(context)
        if outcome.disclosure is not None:
            disclosures.append(outcome.disclosure)
        findings.extend(outcome.findings)
    findings.sort(key=lambda finding: (finding.severity.rank, finding.rule_id))
    score = score_policy(findings, {rule.id: rule.max_deduction for rule in active})
    versions = (*sorted(knowledge.versions.items()), ("policy_terms", vocabulary.version))
    return PolicyCheck(source, policy, tuple(disclosures), tuple(findings), score, audit, resolved, versions)


def check_policy(path: str | PathLike[str], *, app: str | PathLike[str] | AppAudit | None = None,
                 category: str | int | AppCategory | None = None) -> PolicyCheck:
    """Check the policy file at `path`; with `app` (an APK path or an AppAudit) compare it with the app.

    `category`: app category (number, Chinese or English name) for the necessary-PI comparison.
    Raises InputError for an unreadable policy or APK, ConfigurationError for a bad category,
    ToolMissingError when a .docx/.pdf library is missing.
    """
    from yinsi.apps.audit import AppAudit, audit_apk, resolve_category

    resolved = resolve_category(category, default_knowledge())
    source = read_policy(Path(path))  # read the policy first: it is the cheap, likely-wrong input
    audit = app if isinstance(app, AppAudit) or app is None else audit_apk(app, category=resolved)
    return check_text(source, audit=audit, category=resolved)
