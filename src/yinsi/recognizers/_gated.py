"""Context-first scanning for patterns that only count next to a hotword (QQ numbers, postal codes).

A context-gated pattern such as "six digits" matches everywhere in digit-rich text, and every match
costs a Python-level context lookup only to be dropped. Searching for the hotwords first (literal
strings, which the regex engine skips to quickly) and running the pattern only in the windows where a
hotword could reach a candidate gives the same findings at a fraction of the cost: text without a
hotword costs one literal search.

Hotword scoring stays case-insensitive; the window search uses the usual spellings of each hotword
(as written, lower case, UPPER case, Capitalised, Title Case), so a hotword in odd casing such as
"qQ" opens no window. Context windows of these recognizers also stop at line breaks (see `_score`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import ClassVar

from yinsi.core.types import Finding
from yinsi.recognizers.base import Pattern, PatternRecognizer


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of literal `words` factored by common prefixes (`card|cardno` -> `card(?:no)?`).

    The regex engine tries the branches of a flat alternation one by one at every position whose
    character starts some word; after factoring, each position costs one branch per distinct
    character instead of one per word.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends_here = "" in node
    branches = [re.escape(char) + _trie_to_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


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
        words = spellings(self.context)
        self._anchors = re.compile(trie_regex(words)) if words else None

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
            if not self.is_anchor(text, hit.start(), hit.end()):
                continue
            low = max(0, hit.start() - self.window.after - reach)
            high = min(len(text), hit.end() + self.window.before + reach)
            if merged and low <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        return merged

    def _score(self, text: str, start: int, end: int, pattern: Pattern) -> Finding | None:
        """Score with context windows cut at line breaks.

        The next line of a log, a CSV file or a form is another record or field: its 订单号 says
        nothing about this value, and its label does not vouch for it.
        """
        reach = max(0, start - self.window.before)
        low = text.rfind("\n", reach, start) + 1 or reach
        high = text.find("\n", end, end + self.window.after)
        if high == -1:
            high = min(len(text), end + self.window.after)
        if low == 0 and high == len(text):
            return super()._score(text, start, end, pattern)
        finding = super()._score(text[low:high], start - low, end - low, pattern)
        return None if finding is None else replace(finding, start=start, end=end)

    def is_anchor(self, text: str, start: int, end: int) -> bool:
        """Whether a hotword found at [start, end) opens a window; override to skip look-alikes."""
        return True

    def accepts_neighbours(self, text: str, start: int, end: int) -> bool:
        """The base rule: the characters around a candidate may not be of the `boundary` kind."""
        forbidden = self._forbidden_neighbours
        return not forbidden or not (
            (start > 0 and text[start - 1] in forbidden) or (end < len(text) and text[end] in forbidden)
        )

    def _candidates(
        self, text: str, pattern: Pattern, regex: re.Pattern[str], matches: Iterable[re.Match[str]]
    ) -> Iterator[Finding]:
        """The base recognizer's per-match steps: neighbour check, trim, validate and score."""
        has_value = "value" in regex.groupindex
        for match in matches:
            start, end = match.span("value") if has_value else match.span()
            if start == end or not self.accepts_neighbours(text, start, end):
                continue
            start, end = self.trim(text, start, end)
            finding = self._score(text, start, end, pattern)
            if finding is not None:
                yield finding
