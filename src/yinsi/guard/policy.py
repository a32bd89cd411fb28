"""What the response guard does with personal information it finds in a response: report, mask, block."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from yinsi.core.entities import check_entity_names
from yinsi.core.errors import ConfigurationError
from yinsi.policy.load import load_policy
from yinsi.policy.model import Policy

DEFAULT_HEADER = "X-Yinsi-Guard"
DEFAULT_MAX_INSPECT_BYTES = 1024 * 1024


class GuardAction(StrEnum):
    """`report` logs masked findings and adds a header; `mask` rewrites the values with the anonymise
    policy; `block` replaces the whole response with an error (HTTP 451 by default, RFC 7725)."""

    REPORT = "report"
    MASK = "mask"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class GuardPolicy:
    """Settings of one guard, checked when it is built (STYLE.md #5), never mid-response.

    `entities` limits what counts (all types when None); `sensitive_only` counts only sensitive
    personal information (PIPL art. 28: identity documents, financial accounts, precise location), the
    usual trigger for `block`. `anonymize_policy` is a preset name or a loaded Policy used by `mask`.
    Responses larger than `max_inspect_bytes` pass through unmodified and are reported "not inspected":
    memory stays bounded whatever a handler streams.
    """

    action: GuardAction = GuardAction.REPORT
    entities: frozenset[str] | None = None
    sensitive_only: bool = False
    min_score: float = 0.5
    anonymize_policy: str | Policy = "redact"
    max_inspect_bytes: int = DEFAULT_MAX_INSPECT_BYTES
    block_status: int = 451
    header: str = DEFAULT_HEADER

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", GuardAction(self.action))
        object.__setattr__(self, "entities", check_entity_names(self.entities))
        if not 0.0 <= self.min_score <= 1.0:
            raise ConfigurationError(f"guard min_score {self.min_score} is outside [0, 1]")
        if self.max_inspect_bytes < 0:
            raise ConfigurationError("guard max_inspect_bytes must not be negative")
        if not 400 <= self.block_status <= 599:
            raise ConfigurationError(f"guard block_status {self.block_status} is not an HTTP error status")
        loaded = load_policy(self.anonymize_policy)
        if loaded.needs_key:
            raise ConfigurationError(
                f"policy {loaded.name!r} needs a key; a response guard masks with keyless policies only"
            )
        object.__setattr__(self, "anonymize_policy", loaded)

    @property
    def mask_policy(self) -> Policy:
        assert isinstance(self.anonymize_policy, Policy)  # loaded in __post_init__
        return self.anonymize_policy
