"""The policy score: start at 100, deduct points per finding, every deduction traceable to a rule.

Same scale, grades and per-rule caps as the app audit (`yinsi.apps.scoring`), so a policy's score reads
like an app's. A vague disclosure was already made a step less severe by its rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from yinsi.apps.scoring import Score, score_findings
from yinsi.privacy_policy.model import PolicyFinding


def score_policy(findings: Iterable[PolicyFinding], caps: Mapping[str, int]) -> Score:
    """Deduct points per finding, most severe first, at most `caps[rule_id]` per rule."""
    return score_findings(findings, caps)
