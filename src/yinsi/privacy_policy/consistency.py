"""Does the policy say what the app does? Map what an app audit found (PI reachable through permissions
and APIs, embedded SDKs) onto what the policy text names, through the vocabulary of terms.yaml.

A PI type counts as disclosed when any clause names it; "denied" when every clause naming it is a
negated collection statement ("我们不会收集您的通讯录"), which is worse than silence when the app can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from yinsi.privacy_policy.model import Clause, PolicyText
from yinsi.privacy_policy.rules._text import COLLECT, affirmed, negated
from yinsi.privacy_policy.vocabulary import Vocabulary

if TYPE_CHECKING:
    from yinsi.apps.audit import AppAudit
    from yinsi.apps.inventory import PiAccess
    from yinsi.apps.knowledge import AppCategory
    from yinsi.apps.trackers import TrackerMatch


@dataclass(frozen=True, slots=True)
class PiGap:
    """A PI type the app can collect that the policy does not disclose (or denies collecting)."""

    access: PiAccess
    denied: bool
    clauses: tuple[Clause, ...] = ()


def pi_mentions(policy: PolicyText, vocabulary: Vocabulary) -> dict[str, tuple[Clause, ...]]:
    """PI type -> the clauses naming it, for every type the policy names at all."""
    found: dict[str, list[Clause]] = {}
    for clause in policy.clauses:
        for pi in vocabulary.pi_types_in(clause.text):
            found.setdefault(pi, []).append(clause)
    return {pi: tuple(clauses) for pi, clauses in found.items()}


def _denies(clause: Clause) -> bool:
    """Every collection statement of the clause (which names the type) is negated."""
    collects = list(COLLECT.finditer(clause.text))
    return bool(collects) and all(negated(clause.text, match.start()) for match in collects)


def undisclosed_pi(audit: AppAudit, policy: PolicyText, vocabulary: Vocabulary) -> list[PiGap]:
    """PI types in the audit's inventory that no clause names, or that every naming clause denies."""
    mentions = pi_mentions(policy, vocabulary)
    gaps = []
    for access in audit.inventory:
        clauses = mentions.get(access.pi_type, ())
        if not clauses:
            gaps.append(PiGap(access, denied=False))
        elif all(_denies(clause) for clause in clauses):
            gaps.append(PiGap(access, denied=True, clauses=clauses))
    return gaps


def undisclosed_trackers(audit: AppAudit, policy: PolicyText, vocabulary: Vocabulary) -> list[TrackerMatch]:
    """Embedded SDKs the policy names under none of their product, brand or company names."""
    return [match for match in audit.trackers if not vocabulary.names_tracker(match.tracker.id, policy.text)]


def claimed_beyond_category(policy: PolicyText, vocabulary: Vocabulary,
                            category: AppCategory) -> dict[str, tuple[Clause, ...]]:
    """PI types the policy says it collects that the category neither needs nor uses as a function."""
    allowed = category.necessary_types | set(category.functional)
    claimed: dict[str, list[Clause]] = {}
    for clause in policy.clauses:
        if affirmed(COLLECT, clause.text) is None:
            continue
        for pi in vocabulary.pi_types_in(clause.text):
            if pi not in allowed:
                claimed.setdefault(pi, []).append(clause)
    return {pi: tuple(clauses) for pi, clauses in claimed.items()}
