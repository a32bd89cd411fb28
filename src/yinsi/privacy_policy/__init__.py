"""Privacy-policy checker: required disclosures (GB/T 35273-2020 5.5, PIPL art. 17), risky clauses, and
consistency with what an app audit found (认定方法 2019 二.1, 五.1)."""

from __future__ import annotations

from yinsi.privacy_policy.check import PolicyCheck, check_policy, check_text
from yinsi.privacy_policy.model import (
    Clause,
    Disclosure,
    Excerpt,
    PolicyFinding,
    PolicySource,
    PolicyText,
    Section,
    Status,
)
from yinsi.privacy_policy.reader import policy_from_text, read_policy
from yinsi.privacy_policy.result import policy_result
from yinsi.privacy_policy.segmenter import segment

__all__ = [
    "Clause", "Disclosure", "Excerpt", "PolicyCheck", "PolicyFinding", "PolicySource", "PolicyText",
    "Section", "Status", "check_policy", "check_text", "policy_from_text", "policy_result", "read_policy",
    "segment",
]
