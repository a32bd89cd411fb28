"""The rule interface: metadata (id, severity, bilingual title, references) and a pure `check`.

A rule reads AppFacts and a RuleContext (knowledge base, declared category, tracker matches, PI
inventory, all computed once per app) and returns findings; it never reads files or mutates anything.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Reference, Severity
from yinsi.apps.inventory import PiAccess
from yinsi.apps.knowledge import AppCategory, KnowledgeBase
from yinsi.apps.trackers import TrackerIndex, TrackerMatch


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What every rule may use besides the facts. `category` is None when it is unknown."""

    knowledge: KnowledgeBase
    category: AppCategory | None
    trackers: tuple[TrackerMatch, ...]
    tracker_index: TrackerIndex
    inventory: Mapping[str, PiAccess]


class AppRule(ABC):
    """Base class of app-audit rules. Subclasses set the class attributes and implement `check`.

    `max_deduction` caps the points all findings of this rule may take from the score, so one noisy
    aspect (twenty trackers) cannot hide the others.
    """

    id: ClassVar[str]
    severity: ClassVar[Severity]
    title_zh: ClassVar[str]
    title_en: ClassVar[str]
    references: ClassVar[tuple[Reference, ...]]
    max_deduction: ClassVar[int] = 20

    @abstractmethod
    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        """Findings for one app; an empty list when the rule has nothing to report."""

    def finding(self, message_zh: str, message_en: str, *, severity: Severity | None = None,
                evidence: tuple[str, ...] = (), pi_types: tuple[str, ...] = (), tracker: str | None = None,
                heuristic: bool = False, extra_references: tuple[Reference, ...] = ()) -> AppFinding:
        """A finding carrying this rule's id, title and references."""
        return AppFinding(
            rule_id=self.id, severity=severity or self.severity, title_zh=self.title_zh,
            title_en=self.title_en, message_zh=message_zh, message_en=message_en, evidence=evidence,
            references=(*extra_references, *self.references), pi_types=pi_types, tracker=tracker,
            heuristic=heuristic)
