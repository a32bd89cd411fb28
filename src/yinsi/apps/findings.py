"""What an app-audit rule reports: a severity, a bilingual message, evidence names and legal references.

`AppFinding` is the app-audit counterpart of `yinsi.core.types.Finding`: frozen, serialisable, and free of
personal values (evidence is permission, class and API names taken from the APK, never user data).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding weighs; the score deducts points per severity (see `yinsi.apps.scoring`)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def chinese(self) -> str:
        return {"high": "高", "medium": "中", "low": "低", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        """0 for the most severe, for sorting."""
        return ("high", "medium", "low", "info").index(self.value)


@dataclass(frozen=True, slots=True)
class Reference:
    """A clause of a law, regulation or standard that a finding rests on.

    `document` is a short citation ("PIPL", "GB/T 41391-2022", "认定方法(2019)"), `clause` the article or
    item ("第六条", "6.5", "三.1"), `note` what the clause says in a few words. `confidence` follows the
    knowledge base: "V"/"C" when the wording was checked against a copy of the text, "U" when it is not.
    """

    document: str
    clause: str
    note: str = ""
    confidence: str = "C"

    def __str__(self) -> str:
        return f"{self.document} {self.clause}".strip()

    def as_dict(self) -> dict[str, str]:
        return {"document": self.document, "clause": self.clause, "note": self.note,
                "confidence": self.confidence}


@dataclass(frozen=True, slots=True)
class AppFinding:
    """One problem an app-audit rule found in an APK.

    `evidence` names what was seen (permissions, class prefixes, API references, components) so a
    reviewer can check it in the APK. `pi_types` are the personal-information types concerned
    (vocabulary of data/apps/permissions.yaml); `tracker` the SDK id when the finding is about one.
    `heuristic` marks findings that static analysis can only suspect (e.g. collection before consent).
    """

    rule_id: str
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    evidence: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    pi_types: tuple[str, ...] = ()
    tracker: str | None = None
    heuristic: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "evidence": list(self.evidence),
            "references": [reference.as_dict() for reference in self.references],
            "pi_types": list(self.pi_types),
            "tracker": self.tracker,
            "heuristic": self.heuristic,
        }
