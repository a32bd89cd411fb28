"""The policy score: start at 100, deduct points per finding, every deduction traceable to a rule.

Same scale, grades and per-rule caps as the app audit (`yinsi.apps.scoring`), so a policy's score reads
like an app's. A vague disclosure was already made a step less severe by its rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from yinsi.apps.scoring import POINTS, START, Deduction, Score, grade_of
from yinsi.privacy_policy.model import PolicyFinding


def score_policy(findings: Iterable[PolicyFinding], caps: Mapping[str, int]) -> Score:
    """Deduct POINTS per finding, most severe first, at most `caps[rule_id]` per rule."""
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
