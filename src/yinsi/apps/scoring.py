"""An explainable privacy score: start at 100, deduct points per finding, every deduction traceable.

Points depend on severity; each rule caps its total (`AppRule.max_deduction`) so one aspect cannot
swamp the others. Findings are charged most-severe first, so a cap cuts the least severe ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from yinsi.apps.findings import Severity

START = 100
POINTS = {Severity.HIGH: 15, Severity.MEDIUM: 8, Severity.LOW: 3, Severity.INFO: 0}
GRADES = ((90, "A"), (75, "B"), (60, "C"), (40, "D"), (0, "F"))


@dataclass(frozen=True, slots=True)
class Deduction:
    """Points one finding took from the score. `capped` when the rule's cap reduced them."""

    rule_id: str
    points: int
    severity: Severity
    reason: str
    capped: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"rule_id": self.rule_id, "points": self.points, "severity": self.severity.value,
                "reason": self.reason, "capped": self.capped}


@dataclass(frozen=True, slots=True)
class Score:
    """The score (0–100), its letter grade and the deductions that explain it."""

    value: int
    grade: str
    deductions: tuple[Deduction, ...]

    def as_dict(self) -> dict[str, object]:
        return {"value": self.value, "grade": self.grade,
                "deductions": [deduction.as_dict() for deduction in self.deductions]}


def grade_of(value: int) -> str:
    return next(letter for threshold, letter in GRADES if value >= threshold)


class ScoredFinding(Protocol):
    """What scoring reads of a finding: app-audit and privacy-policy findings both fit."""

    @property
    def rule_id(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def message_en(self) -> str: ...


def score_findings(findings: Iterable[ScoredFinding], caps: Mapping[str, int]) -> Score:
    """Deduct POINTS per finding, most severe first, at most `caps[rule_id]` per rule (no cap for
    unknown rules)."""
    spent: dict[str, int] = {}
    deductions = []
    for finding in sorted(findings, key=lambda item: item.severity.rank):
        wanted = POINTS[finding.severity]
        if wanted == 0:
            continue
        room = caps.get(finding.rule_id, wanted) - spent.get(finding.rule_id, 0)
        points = max(0, min(wanted, room))
        spent[finding.rule_id] = spent.get(finding.rule_id, 0) + points
        deductions.append(Deduction(finding.rule_id, points, finding.severity, finding.message_en,
                                    capped=points < wanted))
    value = max(0, START - sum(deduction.points for deduction in deductions))
    return Score(value, grade_of(value), tuple(deductions))
