"""Context-first scanning for patterns that only count next to a hotword (QQ numbers, postal codes).

A context-gated pattern such as "six digits" matches everywhere in digit-rich text, and every match
costs a Python-level context lookup only to be dropped. Searching for the hotwords first (literal
strings, which the regex engine skips to quickly) and running the pattern only in the windows where a
hotword could reach a candidate gives the same findings at a fraction of the cost: text without a
hotword costs one literal search.

Hotword scoring stays case-insensitive; the window search uses the usual spellings of each hotword
(as written, lower case, UPPER case, Capitalised, Title Case), so a hotword in odd casing such as
"qQ" opens no window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from yinsi.core.types import Finding
from yinsi.recognizers.base import Pattern, PatternRecognizer


def spellings(words: Iterable[str]) -> tuple[str, ...]:
    """Each word as written and in lower, UPPER, Capitalised and Title Case, without duplicates."""
    variants = (
        form for word in words for form in (word, word.lower(), word.upper(), word.capitalize(), word.title())
    )
    return tuple(dict.fromkeys(variants))


class ContextFirstRecognizer(PatternRecognizer):
    """A PatternRecognizer whose context-gated patterns run only near a hotword.

    `max_candidate_length` bounds a match (in characters) so that the windows can be sized: a hotword
    at [s, e) reaches candidates that start up to `window.before` characters after e, or end up to
    `window.after` characters before s. Patterns that are not gated still scan the whole text.
    """

    max_candidate_length: ClassVar[int] = 40

    def __init__(self) -> None:
        super().__init__()
        words = sorted(spellings(self.context), key=len, reverse=True)
        self._anchors = re.compile("|".join(re.escape(word) for word in words)) if words else None

    def analyze(self, text: str) -> Iterator[Finding]:
        if self.prefilter and not any(literal in text for literal in self.prefilter):
            return
        windows: list[tuple[int, int]] | None = None
        for pattern, regex in self._compiled:
            if self.requires_context or pattern.requires_context:
                if windows is None:
                    windows = self._windows(text)
                matches: Iterable[re.Match[str]] = (
                    match for low, high in windows for match in regex.finditer(text, low, high)
                )
            else:
                matches = regex.finditer(text)
            yield from self._candidates(text, pattern, regex, matches)

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Merged [low, high) ranges that contain every candidate some hotword can reach."""
        if self._anchors is None:
            return []
        reach = self.max_candidate_length
        merged: list[tuple[int, int]] = []
        for hit in self._anchors.finditer(text):
            low = max(0, hit.start() - self.window.after - reach)
            high = min(len(text), hit.end() + self.window.before + reach)
            if merged and low <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        return merged

    def _candidates(
        self, text: str, pattern: Pattern, regex: re.Pattern[str], matches: Iterable[re.Match[str]]
    ) -> Iterator[Finding]:
        """The base recognizer's per-match steps: neighbour check, trim, validate and score."""
        forbidden = self._forbidden_neighbours
        length = len(text)
        has_value = "value" in regex.groupindex
        for match in matches:
            start, end = match.span("value") if has_value else match.span()
            if start == end:
                continue
            if forbidden and (
                (start > 0 and text[start - 1] in forbidden) or (end < length and text[end] in forbidden)
            ):
                continue
            start, end = self.trim(text, start, end)
            finding = self._score(text, start, end, pattern)
            if finding is not None:
                yield finding
