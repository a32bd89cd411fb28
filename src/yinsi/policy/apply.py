"""Apply a policy to one text and its findings: pick each finding's rule, settle overlaps, run the
operators, and stitch the new text together with a record of every replacement.

Overlaps are settled predictably: `pipeline.resolve_overlaps` keeps the highest-scoring, then the
longest finding; a container (a URL) whose rule changes it absorbs the findings inside it, while a
container left as it is lets the findings inside it be replaced on their own.
"""

from __future__ import annotations

from collections.abc import Iterable

from yinsi.core.anonymized import AnonymizedText, Replacement
from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.errors import ConfigurationError
from yinsi.core.types import Finding
from yinsi.crypto.vault import Vault
from yinsi.operators.base import KeyChain, Operator, OperatorContext
from yinsi.pipeline import resolve_overlaps
from yinsi.policy.model import Policy, Rule

_MAX_ATTEMPTS = 16
# Memo entries kept per run before starting afresh: bounds memory on files with millions of values.
_MEMO_LIMIT = 200_000


_Chosen = tuple[Rule, Operator, str, bool]


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
        self._memo: dict[tuple[str, str], str] = {}
        # entity type → (rule, operator, memo scope, constant) or None; filled on first sight of a type.
        self._rules: dict[str, _Chosen | None] = {}
        self._contexts: dict[str, OperatorContext] = {}

    def apply(
        self, text: str, findings: Iterable[Finding], *, include_originals: bool = False
    ) -> AnonymizedText:
        pieces: list[str] = []
        items: list[Replacement] = []
        cursor = 0
        length = 0
        memo = self._memo
        for finding, rule, operator, scope, constant in self._plan(findings):
            start, end = finding.start, finding.end
            if start > cursor:
                pieces.append(text[cursor:start])
                length += start - cursor
            original = text[start:end]
            # Outputs of value-independent rules are shared by every value of the entity type.
            memo_key = (scope, "" if constant else original)
            new = memo.get(memo_key)
            if new is None:
                new = self._replace(original, finding.entity_type, rule, operator)
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[memo_key] = new
            pieces.append(new)
            new_length = length + len(new)
            items.append(
                Replacement(
                    finding.entity_type, start, end, length, new_length, rule.operator,
                    original if include_originals else None,
                )
            )
            length = new_length
            cursor = end
        pieces.append(text[cursor:])
        return AnonymizedText(
            text="".join(pieces),
            items=tuple(items),
            policy=self.policy.name,
            key_id=self.keys.key_id if self.keys is not None else None,
        )

    def _plan(self, findings: Iterable[Finding]) -> list[tuple[Finding, Rule, Operator, str, bool]]:
        """Findings to change, in text order, pairwise non-overlapping, with their rule and operator."""
        min_score = self.policy.min_score
        kept = [finding for finding in findings if finding.score >= min_score]
        if not _sorted_and_disjoint(kept):
            kept = resolve_overlaps(kept)
        planned: list[tuple[Finding, Rule, Operator, str, bool]] = []
        rules = self._rules
        for finding in kept:  # sorted by start, then longest first
            entity = finding.entity_type
            if entity not in rules:
                rules[entity] = self._rule(entity)
            chosen = rules[entity]
            if chosen is None:
                continue
            if planned and finding.start < planned[-1][0].end:
                # Only a container and something inside it can still overlap; the container wins.
                if _is_container(finding) and not _is_container(planned[-1][0]):
                    while planned and planned[-1][0].end > finding.start:
                        planned.pop()
                    planned.append((finding, *chosen))
                continue
            planned.append((finding, *chosen))
        return planned

    def _rule(self, entity_type: str) -> _Chosen | None:
        rule = self.policy.rule_for(entity_type)
        if rule is None or rule.operator == "keep":
            return None
        # Memo entries are per entity and rule, and per value unless the output cannot depend on it.
        constant = rule.operator == "drop" or (
            rule.operator == "replace" and not getattr(rule.params, "keyed", False)
        )
        return rule, rule.implementation, f"{entity_type}\0{id(rule)}", constant

    def _replace(self, original: str, entity_type: str, rule: Rule, operator: Operator) -> str:
        vault = self.vault
        if vault is None or not operator.reversible or not _records(rule):
            context = self._contexts.get(entity_type)
            if context is None:
                context = self._contexts[entity_type] = OperatorContext(entity_type, self.keys)
            return operator.operate(original, rule.params, context)
        return self._replace_with_vault(original, entity_type, rule, vault)

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


def _sorted_and_disjoint(findings: list[Finding]) -> bool:
    """True when no overlap needs resolving (the usual case for `analyze()` output)."""
    previous_end = 0
    for finding in findings:
        if finding.start < previous_end:
            return False
        previous_end = finding.end
    return True


def _is_container(finding: Finding) -> bool:
    entity = ENTITY_TYPES.get(finding.entity_type)
    return entity is not None and entity.container
