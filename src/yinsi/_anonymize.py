"""`anonymize()` and `deanonymize()`: de-identify a text under a policy, and undo what is reversible."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from yinsi._analyze import analyze
from yinsi.core.anonymized import AnonymizedText
from yinsi.core.errors import ConfigurationError
from yinsi.core.types import Finding
from yinsi.crypto.keys import MasterKey, check_key_id, parse_key
from yinsi.crypto.vault import Vault
from yinsi.operators.base import KeyChain, OperatorContext
from yinsi.operators.fpe import FpeOperator
from yinsi.pipeline import Analyzer
from yinsi.policy.apply import PolicyRun
from yinsi.policy.load import load_policy
from yinsi.policy.model import Policy

DEFAULT_POLICY = "redact"
PolicyLike = str | Path | Mapping[str, Any] | Policy
KeyLike = MasterKey | bytes | str


def anonymize(
    text: str,
    findings: Iterable[Finding] | None = None,
    policy: PolicyLike | None = None,
    *,
    key: KeyLike | None = None,
    vault: Vault | None = None,
    language: str = "zh",
    include_originals: bool = False,
    analyzer: Analyzer | None = None,
) -> AnonymizedText:
    """De-identify `text`: every finding is replaced as `policy` says.

    `findings` defaults to `analyze(text)` (or `analyzer.analyze(text)` with your own Analyzer).
    `policy` is a preset name (`redact`, the default; `courier`; `analyst`), a YAML/TOML/JSON file,
    a mapping, or a loaded Policy. `key` (a MasterKey,
    raw bytes, or hex/base64 text) is needed by keyed operators (hmac, fake, fpe, replace with {id}).
    With a `vault`, outputs of reversible operators are recorded so `deanonymize` can restore them.
    The result lists each replacement without raw values unless `include_originals`.
    """
    loaded = load_policy(policy if policy is not None else DEFAULT_POLICY)
    keys = KeyChain(_master_key(key)) if key is not None else None
    if findings is not None:
        found = findings
    elif analyzer is not None:
        found = analyzer.analyze(text, language=language)
    else:
        found = analyze(text, language=language)
    return PolicyRun(loaded, keys, vault).apply(text, found, include_originals=include_originals)


def deanonymize(
    anonymized: AnonymizedText | str,
    *,
    key: KeyLike,
    vault: Vault | None = None,
    policy: PolicyLike | None = None,
) -> str:
    """Restore what can be restored.

    Given an AnonymizedText, its records say exactly where each replacement is: `fpe` values are
    decrypted with the key alone (the policy is the one named in the record, or `policy`), and
    `replace`/`fake`/`hmac` values are looked up in the `vault`. Given a plain string, every surrogate
    the vault knows is restored wherever it occurs. A key other than the one used raises
    ConfigurationError; values that cannot be restored are left as they are.
    """
    master = _master_key(key)
    if isinstance(anonymized, str):
        if vault is None:
            raise ConfigurationError("restoring a plain text needs the vault it was masked with")
        return restore_with_vault(anonymized, vault)
    check_key_id(anonymized.key_id, master, "this text")
    keys = KeyChain(master)
    loaded = _policy_for_fpe(anonymized, policy)
    fpe = FpeOperator()
    pieces: list[str] = []
    cursor = 0
    text = anonymized.text
    for item in anonymized.items:
        pieces.append(text[cursor : item.new_start])
        current = text[item.new_start : item.new_end]
        restored: str | None = None
        rule = loaded.rule_for(item.entity_type) if loaded is not None else None
        if item.operator == "fpe" and rule is not None and rule.operator == "fpe":
            restored = fpe.invert(current, rule.params, OperatorContext(item.entity_type, keys))
        elif vault is not None:
            restored = vault.restore(item.entity_type, current)
        pieces.append(current if restored is None else restored)
        cursor = item.new_end
    pieces.append(text[cursor:])
    return "".join(pieces)


def restore_with_vault(text: str, vault: Vault, table: Mapping[str, tuple[str, str]] | None = None) -> str:
    """Every surrogate of `vault` found in `text` replaced by its original (longest surrogates first).

    Pass `table` (from `surrogate_table`) when restoring many texts, to decrypt the vault only once.
    """
    surrogates = table if table is not None else vault.surrogates()
    pattern = surrogate_pattern(surrogates)
    if pattern is None:
        return text
    return pattern.sub(lambda match: surrogates[match.group()][1], text)


def surrogate_pattern(surrogates: Mapping[str, tuple[str, str]]) -> re.Pattern[str] | None:
    """One regex alternation of all surrogates, longest first so no surrogate cuts into a longer one."""
    if not surrogates:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(surrogates, key=len, reverse=True)))


def _policy_for_fpe(anonymized: AnonymizedText, policy: PolicyLike | None) -> Policy | None:
    """The policy whose fpe parameters decrypt the records; only needed when there are fpe records."""
    if policy is not None:
        return load_policy(policy)
    if not any(item.operator == "fpe" for item in anonymized.items):
        return None
    try:
        return load_policy(anonymized.policy)
    except ConfigurationError:
        raise ConfigurationError(
            f"the text was masked with policy {anonymized.policy!r}; "
            "pass policy=... to decrypt its fpe values"
        ) from None


def _master_key(key: KeyLike) -> MasterKey:
    if isinstance(key, MasterKey):
        return key
    if isinstance(key, bytes):
        return MasterKey(key)
    if isinstance(key, str):
        return parse_key(key)
    raise ConfigurationError("key must be a MasterKey, bytes, or hex/base64 text")
