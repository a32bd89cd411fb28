"""Context scoring by character window: hotwords near a candidate raise or lower its confidence.

Chinese has no spaces between words, so instead of tokenising we look at a fixed number of characters
before and after the candidate and search them for hotwords with one compiled alternation. This works
the same for 身份证号：…, "id_card": "…" and `phone=…`, and costs a few microseconds per candidate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# How far context reaches. Labels precede values in forms, logs and JSON ("收件人手机号码：", 24
# characters cover a JSON key with quotes and spaces); trailing context ("（手机）") is short.
DEFAULT_BEFORE = 24
DEFAULT_AFTER = 10


@dataclass(frozen=True, slots=True)
class ContextWindow:
    """Character counts searched before and after a candidate."""

    before: int = DEFAULT_BEFORE
    after: int = DEFAULT_AFTER


class HotwordMatcher:
    """Finds which of a fixed set of words occur in a window around a span (case-insensitive).

    A window is a few dozen characters and a recognizer has a few dozen hotwords, so a substring test
    per word (C-speed `in` on a short string) beats a regex alternation, whose cost grows with the
    number of branches tried at every position.
    """

    __slots__ = ("_lowered", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(word for word in words if word))
        self._lowered = tuple(dict.fromkeys(word.lower() for word in self.words))

    def __bool__(self) -> bool:
        return bool(self._lowered)

    def around(self, text: str, start: int, end: int, window: ContextWindow) -> tuple[str, ...]:
        """Hotwords (lower-cased) wholly inside the window before or after [start, end)."""
        if not self._lowered:
            return ()
        # U+0000 never occurs in a hotword, so no word can match across the two halves.
        haystack = (
            text[max(0, start - window.before) : start].lower()
            + "\0"
            + text[end : end + window.after].lower()
        )
        return tuple(word for word in self._lowered if word in haystack)


class ContextScorer:
    """A recognizer's positive and negative hotwords, looked up in one pass over one window."""

    __slots__ = ("_negative", "_positive")

    def __init__(self, positive: Iterable[str], negative: Iterable[str]) -> None:
        self._positive = HotwordMatcher(positive)._lowered
        self._negative = HotwordMatcher(negative)._lowered

    def around(
        self, text: str, start: int, end: int, window: ContextWindow
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(positive, negative) hotwords wholly inside the window before or after [start, end)."""
        if not self._positive and not self._negative:
            return (), ()
        haystack = (
            text[max(0, start - window.before) : start].lower()
            + "\0"
            + text[end : end + window.after].lower()
        )
        return (
            tuple(word for word in self._positive if word in haystack),
            tuple(word for word in self._negative if word in haystack),
        )
