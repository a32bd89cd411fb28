"""The privacy-policy data model: the document read, its sections and clauses, excerpts, verdicts, findings.

Everything is frozen. Excerpts hold the policy's wording verbatim; reports mask the identifiers in
them unless raw values are asked for (quotes.py). Findings carry no personal values of their own
(evidence is permission, API and SDK names from the APK, or policy wording).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from yinsi.apps.findings import Reference, Severity


@dataclass(frozen=True, slots=True)
class PolicySource:
    """A privacy policy as read from a file: its text and how it was decoded.

    `format` is txt, md, html, docx or pdf; `encoding` the codec for text formats (None for docx/pdf).
    """

    path: str
    text: str
    format: str
    encoding: str | None = None
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence-like unit (ending in 。；; or a full stop) of a section, with offsets into the text."""

    section: int
    index: int
    text: str
    start: int
    end: int
    heading: str = ""  # the heading of the section it belongs to, for topic context

    @property
    def context(self) -> str:
        """Heading and clause together: "六、如何联系我们" gives "邮箱：x@y.cn" its topic."""
        return f"{self.heading}\n{self.text}" if self.heading else self.text


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (empty for text before the first heading) and the clauses under it."""

    index: int
    heading: str
    level: int
    clauses: tuple[Clause, ...]


@dataclass(frozen=True, slots=True)
class PolicyText:
    """A segmented policy: sections of clauses, and the dominant language ("zh" or "en")."""

    text: str
    sections: tuple[Section, ...]
    language: str

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(clause for section in self.sections for clause in section.clauses)

    def with_next(self, clause: Clause) -> str:
        """The clause and the one after it in its section: a sentence split at ；/; keeps its second half
        ("用于…；我们会单独征得您的同意")."""
        section = self.sections[clause.section].clauses
        following = section[clause.index + 1].text if clause.index + 1 < len(section) else ""
        return f"{clause.text} {following}".strip()

    def around(self, clause: Clause) -> str:
        """The clause with the one before and the one after it in its section: a disclosure often names
        the data in one sentence and gives the purpose or the consent in the next ("…属于敏感个人信息。
        我们仅在您单独同意后用于…")."""
        section = self.sections[clause.section].clauses
        before = section[clause.index - 1].text if clause.index > 0 else ""
        return f"{before} {self.with_next(clause)}".strip()


MAX_EXCERPT = 160


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A quoted clause: section number, clause number within it (both 0-based) and its text (shortened)."""

    section: int
    clause: int
    text: str

    @classmethod
    def of(cls, clause: Clause) -> Excerpt:
        text = " ".join(clause.text.split())
        if len(text) > MAX_EXCERPT:
            text = text[:MAX_EXCERPT - 1] + "…"
        return cls(clause.section, clause.index, text)

    def as_dict(self, *, show_values: bool = False) -> dict[str, object]:
        """JSON form; identifiers in the quote are masked unless `show_values` (privacy_policy/quotes.py)."""
        return {"section": self.section, "clause": self.clause, "text": self.shown(show_values=show_values)}

    def shown(self, *, show_values: bool = False) -> str:
        """The quote as reports print it: identifiers masked unless `show_values`."""
        from yinsi.privacy_policy.quotes import shown_quote

        return shown_quote(self.text, show_values=show_values)


class Status(StrEnum):
    """How well a policy makes one required disclosure."""

    PRESENT = "present"
    VAGUE = "vague"  # mentioned without the specifics (retention "as long as necessary", no period)
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"  # e.g. no sensitive PI named, so no separate purpose is owed

    @property
    def chinese(self) -> str:
        return {"present": "已披露", "vague": "含糊", "missing": "缺失",
                "not_applicable": "不适用"}[self.value]


@dataclass(frozen=True, slots=True)
class Disclosure:
    """The verdict of one required-disclosure rule: status, the clauses that support it, what is lacking.

    `lacking` names the missing specifics in English words ("period", "contact", "withdrawal of consent").
    """

    rule_id: str
    title_zh: str
    title_en: str
    severity: Severity
    status: Status
    excerpts: tuple[Excerpt, ...] = ()
    lacking: tuple[str, ...] = ()

    def as_dict(self, *, show_values: bool = False) -> dict[str, object]:
        return {"rule_id": self.rule_id, "title_zh": self.title_zh, "title_en": self.title_en,
                "severity": self.severity.value, "status": self.status.value,
                "excerpts": [excerpt.as_dict(show_values=show_values) for excerpt in self.excerpts],
                "lacking": list(self.lacking)}


@dataclass(frozen=True, slots=True)
class PolicyFinding:
    """One problem in a policy: a lacking disclosure, a risky clause or a gap between app and policy.

    Field names follow `yinsi.apps.findings.AppFinding`, plus `excerpts`, so one renderer shows both.
    """

    rule_id: str
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    evidence: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    excerpts: tuple[Excerpt, ...] = ()
    pi_types: tuple[str, ...] = ()
    tracker: str | None = None
    heuristic: bool = True  # wording is judged by patterns, so every finding deserves a human look

    def as_dict(self, *, show_values: bool = False) -> dict[str, object]:
        return {
            "rule_id": self.rule_id, "severity": self.severity.value,
            "title_zh": self.title_zh, "title_en": self.title_en,
            "message_zh": self.message_zh, "message_en": self.message_en,
            "evidence": list(self.evidence),
            "references": [reference.as_dict() for reference in self.references],
            "excerpts": [excerpt.as_dict(show_values=show_values) for excerpt in self.excerpts],
            "pi_types": list(self.pi_types), "tracker": self.tracker, "heuristic": self.heuristic,
        }
