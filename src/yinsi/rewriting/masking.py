"""The value transforms `yinsi mask` and `yinsi unmask` run over files.

A masking transform analyses one value (a cell, a JSON value, a block of text) and applies the policy.
A column name or JSON key is put in front of the value as a label, so that context words such as
"手机" or "QQ" count as they would in running text; findings inside the label itself are ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from yinsi.core.types import Finding
from yinsi.crypto.vault import Vault
from yinsi.pipeline import Analyzer
from yinsi.policy.apply import PolicyRun

_LABEL_SEPARATOR = "："
_ITEM_SEPARATOR = "\n"


class MaskingTransform:
    """Masks values with one policy run; counts replacements per entity type in `counts`."""

    def __init__(self, run: PolicyRun, analyzer: Analyzer, *, language: str = "zh") -> None:
        self.run = run
        self.analyzer = analyzer
        self.language = language
        self.counts: Counter[str] = Counter()

    def __call__(self, value: str, label: str | None) -> str:
        findings = self._findings(value, label)
        if not findings:
            return value
        result = self.run.apply(value, findings)
        self.counts.update(item.entity_type for item in result.items)
        return result.text

    def many(self, items: list[tuple[str, str | None]]) -> list[str]:
        """Mask several labelled values (a CSV row, a JSON line's values) with one analysis.

        The values are analysed as one text, each on its own line behind its label, as a scan would
        see the row; findings reaching outside a value (into a label or the next value) are dropped.
        """
        if len(items) == 1:
            return [self(*items[0])]
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        for value, label in items:
            prefix = label + _LABEL_SEPARATOR if label else ""
            starts.append(offset + len(prefix))
            parts.append(prefix + value)
            offset += len(prefix) + len(value) + len(_ITEM_SEPARATOR)
        found: list[list[Finding]] = [[] for _ in items]
        for finding in self.analyzer.analyze(_ITEM_SEPARATOR.join(parts), language=self.language):
            index = bisect_right(starts, finding.start) - 1
            if index < 0:
                continue
            start = starts[index]
            if finding.end > start + len(items[index][0]):
                continue
            found[index].append(_shifted(finding, start))
        results = []
        for (value, _), findings in zip(items, found, strict=True):
            if not findings:
                results.append(value)
                continue
            result = self.run.apply(value, findings)
            self.counts.update(item.entity_type for item in result.items)
            results.append(result.text)
        return results

    def with_spans(self, value: str) -> tuple[str, list[tuple[int, int, int, int]]]:
        """Free text masked, with (new start, new end, old start, old end) of every replacement."""
        findings = self._findings(value, None)
        if not findings:
            return value, []
        result = self.run.apply(value, findings)
        self.counts.update(item.entity_type for item in result.items)
        return result.text, [(item.new_start, item.new_end, item.start, item.end) for item in result.items]

    def _findings(self, value: str, label: str | None) -> list[Finding]:
        if not label:
            return self.analyzer.analyze(value, language=self.language)
        prefix = label + _LABEL_SEPARATOR
        shift = len(prefix)
        return [
            _shifted(found, shift)
            for found in self.analyzer.analyze(prefix + value, language=self.language)
            if found.start >= shift
        ]


def _shifted(finding: Finding, shift: int) -> Finding:
    return Finding(
        entity_type=finding.entity_type, start=finding.start - shift, end=finding.end - shift,
        score=finding.score, recognizer=finding.recognizer, sensitive=finding.sensitive,
        evidence=finding.evidence,
    )


class RestoringTransform:
    """Replaces every surrogate the vault knows by its original; counts restorations per entity type."""

    def __init__(self, vault: Vault) -> None:
        from yinsi._anonymize import surrogate_pattern

        self.table = vault.surrogates()
        self.pattern = surrogate_pattern(self.table)
        self.counts: Counter[str] = Counter()

    def __call__(self, value: str, label: str | None) -> str:
        if self.pattern is None:
            return value
        return self.pattern.sub(self._restore, value)

    def _restore(self, match: re.Match[str]) -> str:
        entity, original = self.table[match.group()]
        self.counts[entity] += 1
        return original

