"""The privacy-policy rule interface: metadata (id, severity, bilingual title, references) and `check`.

Three kinds share it. A *disclosure* rule judges one item a policy must disclose (present / vague /
missing, GB/T 35273-2020 5.5, PIPL art. 17); a *risk* rule flags clauses with a risky practice (bundled
consent, blanket sharing …); a *consistency* rule compares the policy with an app audit. Rules are pure:
they read a PolicyContext and return an outcome, never files.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from yinsi.apps.findings import Reference, Severity
from yinsi.privacy_policy.model import Clause, Disclosure, Excerpt, PolicyFinding, PolicyText, Status

if TYPE_CHECKING:
    from yinsi.apps.audit import AppAudit
    from yinsi.apps.knowledge import AppCategory, KnowledgeBase
    from yinsi.privacy_policy.vocabulary import Vocabulary

MAX_EXCERPTS = 3
_SOFTER = {Severity.HIGH: Severity.MEDIUM, Severity.MEDIUM: Severity.LOW, Severity.LOW: Severity.LOW,
           Severity.INFO: Severity.INFO}


@dataclass(frozen=True, slots=True)
class PolicyContext:
    """What every rule may use: the segmented policy, the vocabulary, and the app audit when given."""

    policy: PolicyText
    vocabulary: Vocabulary
    knowledge: KnowledgeBase
    audit: AppAudit | None = None
    category: AppCategory | None = None


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    """A rule's verdict: a disclosure (disclosure rules only) and findings (possibly none)."""

    disclosure: Disclosure | None = None
    findings: tuple[PolicyFinding, ...] = ()


class PolicyRule(ABC):
    """Base class of privacy-policy rules; subclasses set the class attributes and implement `check`.

    `max_deduction` caps the points this rule's findings may take from the score.
    """

    id: ClassVar[str]
    kind: ClassVar[str]  # "disclosure", "risk" or "consistency"
    severity: ClassVar[Severity]
    title_zh: ClassVar[str]
    title_en: ClassVar[str]
    references: ClassVar[tuple[Reference, ...]]
    max_deduction: ClassVar[int] = 15
    order: ClassVar[int] = 100  # display order within its kind (disclosures follow GB/T 35273 5.5)

    @abstractmethod
    def check(self, context: PolicyContext) -> RuleOutcome:
        """The rule's verdict on one policy."""

    def finding(self, message_zh: str, message_en: str, *, severity: Severity | None = None,
                excerpts: Iterable[Clause] = (), evidence: tuple[str, ...] = (),
                pi_types: tuple[str, ...] = (), tracker: str | None = None,
                heuristic: bool = True) -> PolicyFinding:
        """A finding carrying this rule's id, title and references."""
        return PolicyFinding(
            rule_id=self.id, severity=severity or self.severity, title_zh=self.title_zh,
            title_en=self.title_en,
            message_zh=message_zh, message_en=message_en, evidence=evidence, references=self.references,
            excerpts=tuple(Excerpt.of(clause) for clause in excerpts), pi_types=pi_types, tracker=tracker,
            heuristic=heuristic)


@dataclass(frozen=True, slots=True)
class Assessment:
    """What a disclosure rule found: status, supporting clauses, missing specifics (English words)."""

    status: Status
    clauses: tuple[Clause, ...] = ()
    lacking: tuple[str, ...] = ()


class DisclosureRule(PolicyRule):
    """A required disclosure. `assess` decides; `check` turns a vague or missing verdict into a finding
    (a vague one a step less severe) and always reports the disclosure with its excerpts."""

    kind = "disclosure"
    what_zh: ClassVar[str]  # what must be disclosed, for messages
    what_en: ClassVar[str]

    @abstractmethod
    def assess(self, context: PolicyContext) -> Assessment:
        """Status of this disclosure in the policy."""

    def check(self, context: PolicyContext) -> RuleOutcome:
        found = self.assess(context)
        disclosure = Disclosure(self.id, self.title_zh, self.title_en, self.severity, found.status,
                                tuple(Excerpt.of(clause) for clause in found.clauses[:MAX_EXCERPTS]),
                                found.lacking)
        if found.status in (Status.PRESENT, Status.NOT_APPLICABLE):
            return RuleOutcome(disclosure)
        lacking = "、".join(found.lacking)
        if found.status is Status.MISSING:
            finding = self.finding(f"隐私政策未说明{self.what_zh}。"
                                   f"", f"The policy does not state {self.what_en}.")
        else:
            finding = self.finding(
                f"隐私政策提及{self.what_zh}，但不具体" + (f"（缺少：{lacking}）。" if lacking else "。"),
                f"The policy mentions {self.what_en} without the specifics"
                + (f" (lacking: {', '.join(found.lacking)})." if found.lacking else "."),
                severity=_SOFTER[self.severity], excerpts=found.clauses[:MAX_EXCERPTS])
        return RuleOutcome(disclosure, (finding,))


class RiskRule(PolicyRule):
    """A risky practice recognised clause by clause; one finding quoting every flagged clause."""

    kind = "risk"
    message_zh: ClassVar[str]
    message_en: ClassVar[str]

    @abstractmethod
    def flags(self, clause: Clause) -> bool:
        """True when `clause` states the risky practice (negated statements do not count)."""

    def check(self, context: PolicyContext) -> RuleOutcome:
        flagged = [clause for clause in context.policy.clauses if self.flags(clause)]
        if not flagged:
            return RuleOutcome()
        return RuleOutcome(findings=(self.finding(
            f"{self.message_zh}（{len(flagged)} 处）", f"{self.message_en} ({len(flagged)} clause(s))",
            excerpts=flagged[:MAX_EXCERPTS]),))


class ConsistencyRule(PolicyRule):
    """Compares the policy with the app audit; reports nothing without one (or without a category)."""

    kind = "consistency"
