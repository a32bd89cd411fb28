"""Context scoring by character window: hotwords near a candidate raise or lower its confidence.

Chinese has no spaces between words, so instead of tokenising we look at a fixed number of characters
before and after the candidate and search them for hotwords with one compiled alternation. This works
the same for 身份证号：…, "id_card": "…" and `phone=…`, and costs a few microseconds per candidate.
"""

from __future__ import annotations

import re
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
    """Finds which of a fixed set of words occur in a window around a span (case-insensitive)."""

    __slots__ = ("_regex", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(word for word in words if word))
        if self.words:
            alternation = "|".join(re.escape(word) for word in sorted(self.words, key=len, reverse=True))
            self._regex: re.Pattern[str] | None = re.compile(alternation, re.IGNORECASE)
        else:
            self._regex = None

    def __bool__(self) -> bool:
        return self._regex is not None

    def around(self, text: str, start: int, end: int, window: ContextWindow) -> tuple[str, ...]:
        """Hotwords found in the window around [start, end), nearest-first is not guaranteed."""
        if self._regex is None:
            return ()
        before = text[max(0, start - window.before) : start]
        after = text[end : end + window.after]
        found = self._regex.findall(before)
        found.extend(self._regex.findall(after))
        return tuple(dict.fromkeys(word.lower() for word in found))
