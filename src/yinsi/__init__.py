"""yinsi (隐私): find, protect and audit personal information, built for China's privacy rules.

Public API only; everything else is internal and may change.
"""

from __future__ import annotations

from yinsi._analyze import analyze, default_analyzer
from yinsi._anonymize import anonymize, deanonymize
from yinsi.apps.audit import AppAudit, audit_apk
from yinsi.apps.findings import AppFinding
from yinsi.core.anonymized import AnonymizedText, Replacement
from yinsi.core.digest_key import DigestKey, load_digest_key
from yinsi.core.entities import ENTITY_TYPES, Category, EntityType, entity_type
from yinsi.core.errors import (
    ConfigurationError,
    InputError,
    RecognizerError,
    UnknownEntityError,
    YinsiError,
)
from yinsi.core.privacy import keyed_digest, mask_preview
from yinsi.core.types import Evidence, Finding, Location, Span
from yinsi.crypto.keys import MasterKey, load_key
from yinsi.crypto.vault import Vault
from yinsi.pipeline import Analyzer, resolve_overlaps
from yinsi.policy.load import load_policy
from yinsi.policy.model import Policy
from yinsi.privacy_policy.check import PolicyCheck, check_policy
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer, Recognizer
from yinsi.scanning import Scan, ScanStats, scan

__version__ = "0.1.0"

__all__ = [
    "ENTITY_TYPES",
    "Analyzer",
    "AnonymizedText",
    "AppAudit",
    "AppFinding",
    "Category",
    "ConfigurationError",
    "DigestKey",
    "EntityType",
    "Evidence",
    "Examples",
    "Finding",
    "InputError",
    "Location",
    "MasterKey",
    "Pattern",
    "PatternRecognizer",
    "Policy",
    "PolicyCheck",
    "Recognizer",
    "RecognizerError",
    "Replacement",
    "Scan",
    "ScanStats",
    "Span",
    "UnknownEntityError",
    "Vault",
    "YinsiError",
    "__version__",
    "analyze",
    "anonymize",
    "audit_apk",
    "check_policy",
    "deanonymize",
    "default_analyzer",
    "entity_type",
    "keyed_digest",
    "load_digest_key",
    "load_key",
    "load_policy",
    "mask_preview",
    "resolve_overlaps",
    "scan",
]
