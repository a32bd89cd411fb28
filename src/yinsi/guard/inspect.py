"""Inspect one response body: find personal information in JSON values or text, and mask it.

JSON bodies are handled value by value (jsonl_values): keys, key order and formatting stay as they
were, a number such as `13800138000` becomes a masked string (`"138****8000"`), and each value
is analysed behind its key (`"idNo": ...` reads like "idNo：..."), so key names count as context the
way column names do in `yinsi mask`. Other text is analysed as a whole.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, replace

from yinsi._analyze import default_analyzer
from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.privacy import mask_preview
from yinsi.core.types import Finding
from yinsi.guard.policy import GuardAction, GuardPolicy
from yinsi.pipeline import Analyzer
from yinsi.policy.apply import PolicyRun
from yinsi.rewriting.jsonl_values import rewrite_line

_LABEL_SEPARATOR = "："
_ITEM_SEPARATOR = "\n"


@dataclass(frozen=True, slots=True)
class GuardFinding:
    """One value found in a response, safe to log: type, masked preview, JSON key (if any), score."""

    entity_type: str
    preview: str
    field: str | None
    score: float
    sensitive: bool


@dataclass(frozen=True, slots=True)
class Inspection:
    """What the guard saw in one body and, for `mask`, the new body (None when unchanged)."""

    findings: tuple[GuardFinding, ...]
    body: bytes | None = None

    @property
    def entity_types(self) -> list[str]:
        return sorted({finding.entity_type for finding in self.findings})


def is_inspectable(content_type: str | None) -> bool:
    """JSON (application/json, application/problem+json, ...) and text/* bodies; nothing binary."""
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media.startswith("text/") or media == "application/json" or media.endswith("+json")


def charset_of(content_type: str | None) -> str:
    """The charset parameter, else UTF-8 (RFC 8259 §8.1 for JSON; the common default for text)."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return "utf-8"


class Inspector:
    """Analyses and masks bodies for one GuardPolicy; thread-safe (a PolicyRun per body)."""

    def __init__(self, policy: GuardPolicy, analyzer: Analyzer | None = None) -> None:
        self.policy = policy
        self.analyzer = analyzer or default_analyzer()

    def inspect(self, body: bytes, content_type: str | None) -> Inspection:
        """Findings in `body`; with the mask action also the masked body (same charset)."""
        charset = charset_of(content_type)
        try:
            text = body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = body.decode("utf-8", errors="replace")
        media = (content_type or "").split(";", 1)[0].strip().lower()
        is_json = media == "application/json" or media.endswith("+json")
        if is_json and _parses(text):
            return self._inspect_json(text, charset)
        return self._inspect_text(text, charset)

    def _inspect_text(self, text: str, charset: str) -> Inspection:
        findings = self._relevant(self.analyzer.analyze(text, score_threshold=self.policy.min_score))
        found = tuple(_guard_finding(text, finding, None) for finding in findings)
        if self.policy.action is not GuardAction.MASK or not findings:
            return Inspection(found)
        masked = PolicyRun(self.policy.mask_policy).apply(text, findings).text
        return Inspection(found, _encode(masked, charset))

    def _inspect_json(self, text: str, charset: str) -> Inspection:
        collected: list[GuardFinding] = []
        run = PolicyRun(self.policy.mask_policy) if self.policy.action is GuardAction.MASK else None

        def many(items: list[tuple[str, str | None]]) -> list[str]:
            per_item = self._findings_by_item(items)
            results = []
            for (value, label), findings in zip(items, per_item, strict=True):
                collected.extend(_guard_finding(value, finding, label) for finding in findings)
                results.append(run.apply(value, findings).text if run is not None and findings else value)
            return results

        rewritten = rewrite_line(text, _Many(many))
        changed = run is not None and rewritten != text
        return Inspection(tuple(collected), _encode(rewritten, charset) if changed else None)

    def _findings_by_item(self, items: list[tuple[str, str | None]]) -> list[list[Finding]]:
        """All values analysed as one text, each on its own line behind its key (one analyzer call);
        findings reaching into a key or the next value are dropped."""
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        for value, label in items:
            prefix = label + _LABEL_SEPARATOR if label else ""
            starts.append(offset + len(prefix))
            parts.append(prefix + value)
            offset += len(prefix) + len(value) + len(_ITEM_SEPARATOR)
        found: list[list[Finding]] = [[] for _ in items]
        joined = _ITEM_SEPARATOR.join(parts)
        for finding in self._relevant(self.analyzer.analyze(joined, score_threshold=self.policy.min_score)):
            index = bisect_right(starts, finding.start) - 1
            if index < 0 or finding.end > starts[index] + len(items[index][0]):
                continue
            shift = starts[index]
            found[index].append(replace(finding, start=finding.start - shift, end=finding.end - shift))
        return found

    def _relevant(self, findings: list[Finding]) -> list[Finding]:
        wanted = self.policy.entities
        return [
            finding for finding in findings
            if (wanted is None or finding.entity_type in wanted)
            and (not self.policy.sensitive_only or _sensitive(finding))
        ]


class _Many:
    """rewrite_line calls `many(items)` when the transform has it: all values of a document at once."""

    def __init__(self, many: object) -> None:
        self.many = many

    def __call__(self, value: str, label: str | None) -> str:
        raise AssertionError("rewrite_line uses many()")  # pragma: no cover


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _sensitive(finding: Finding) -> bool:
    entity = ENTITY_TYPES.get(finding.entity_type)
    return finding.sensitive or (entity is not None and entity.sensitive)


def _guard_finding(text: str, finding: Finding, label: str | None) -> GuardFinding:
    value = text[finding.start : finding.end]
    return GuardFinding(finding.entity_type, mask_preview(value, finding.entity_type), label,
                        round(finding.score, 3), _sensitive(finding))


def _encode(text: str, charset: str) -> bytes:
    try:
        return text.encode(charset)
    except (LookupError, UnicodeEncodeError):
        return text.encode("utf-8")
