"""Apply a policy to one text and its findings: pick each finding's rule, settle overlaps, run the
operators, and stitch the new text together with a record of every replacement.

Overlaps are settled predictably: `pipeline.resolve_overlaps` keeps the highest-scoring, then the
longest finding; a container (a URL) whose rule changes it absorbs the findings inside it, while a
container left as it is lets the findings inside it be replaced on their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from yinsi.core.anonymized import AnonymizedText, Replacement
from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.errors import ConfigurationError
from yinsi.core.types import Finding
from yinsi.crypto.vault import Vault
from yinsi.operators.base import KeyChain, OperatorContext
from yinsi.pipeline import resolve_overlaps
from yinsi.policy.model import Policy, Rule

_MAX_ATTEMPTS = 16


@dataclass(frozen=True, slots=True)
class _Planned:
    finding: Finding
    rule: Rule


class PolicyRun:
    """One policy applied with one key (and optionally one vault) to many texts.

    Holds a per-run memo of value → replacement (outputs are deterministic per key, so the memo only
    saves work) and the key's sub-keys; belongs to one thread.
    """

    def __init__(self, policy: Policy, keys: KeyChain | None = None, vault: Vault | None = None) -> None:
        if policy.needs_key and keys is None:
            raise ConfigurationError(
                f"policy {policy.name!r} needs a key: set YINSI_KEY (hex or base64, at least 128 bits) "
                "or pass key=yinsi.load_key(...)"
            )
        if vault is not None and keys is not None and vault.key_id != keys.key_id:
            raise ConfigurationError("the vault was opened with another key than the one given")
        self.policy = policy
        self.keys = keys
        self.vault = vault
        self._memo: dict[tuple[str, str, int], str] = {}

    def apply(
        self, text: str, findings: Iterable[Finding], *, include_originals: bool = False
    ) -> AnonymizedText:
        planned = self._plan(findings)
        pieces: list[str] = []
        items: list[Replacement] = []
        cursor = 0
        length = 0
        for step in planned:
            finding = step.finding
            before = text[cursor : finding.start]
            pieces.append(before)
            length += len(before)
            original = text[finding.start : finding.end]
            new = self._replace(original, finding.entity_type, step.rule)
            pieces.append(new)
            items.append(
                Replacement(
                    entity_type=finding.entity_type,
                    start=finding.start,
                    end=finding.end,
                    new_start=length,
                    new_end=length + len(new),
                    operator=step.rule.operator,
                    original=original if include_originals else None,
                )
            )
            length += len(new)
            cursor = finding.end
        pieces.append(text[cursor:])
        return AnonymizedText(
            text="".join(pieces),
            items=tuple(items),
            policy=self.policy.name,
            key_id=self.keys.key_id if self.keys is not None else None,
        )

    def _plan(self, findings: Iterable[Finding]) -> list[_Planned]:
        """Findings to change, in text order, pairwise non-overlapping."""
        policy = self.policy
        active: list[_Planned] = []
        for finding in resolve_overlaps(f for f in findings if f.score >= policy.min_score):
            rule = policy.rule_for(finding.entity_type)
            if rule is not None and rule.operator != "keep":
                active.append(_Planned(finding, rule))
        planned: list[_Planned] = []
        for step in active:  # sorted by start, then longest first
            if planned and step.finding.start < planned[-1].finding.end:
                previous = planned[-1]
                # Only a container and something inside it can still overlap; the container wins.
                if _is_container(step.finding) and not _is_container(previous.finding):
                    while planned and planned[-1].finding.end > step.finding.start:
                        planned.pop()
                    planned.append(step)
                continue
            planned.append(step)
        return planned

    def _replace(self, original: str, entity_type: str, rule: Rule) -> str:
        memo_key = (entity_type, original, id(rule))
        cached = self._memo.get(memo_key)
        if cached is not None:
            return cached
        operator = rule.implementation
        vault = self.vault
        if vault is None or not operator.reversible or not _records(rule):
            new = operator.operate(original, rule.params, OperatorContext(entity_type, self.keys))
        else:
            new = self._replace_with_vault(original, entity_type, rule, vault)
        self._memo[memo_key] = new
        return new

    def _replace_with_vault(self, original: str, entity_type: str, rule: Rule, vault: Vault) -> str:
        operator = rule.implementation
        for attempt in range(_MAX_ATTEMPTS):
            new = operator.operate(original, rule.params, OperatorContext(entity_type, self.keys, attempt))
            if new == original or vault.claim(entity_type, original, new):
                return new
        raise ConfigurationError(
            f"{rule.operator} on {entity_type}: no free surrogate after {_MAX_ATTEMPTS} draws; "
            "the output space is too small for a reversible mapping (use hmac or a longer template)"
        )


def _records(rule: Rule) -> bool:
    """Whether outputs of this rule identify their original, so a vault entry can restore it."""
    if rule.operator == "replace":
        return bool(getattr(rule.params, "keyed", False))
    return True


def _is_container(finding: Finding) -> bool:
    entity = ENTITY_TYPES.get(finding.entity_type)
    return entity is not None and entity.container
