"""Context scoring by character window: hotwords near a candidate raise or lower its confidence.

Chinese has no spaces between words, so instead of tokenising we look at a fixed number of characters
before and after the candidate and search them for hotwords with one compiled alternation. This works
the same for 身份证号：…, "id_card": "…" and `phone=…`, and costs a few microseconds per candidate.

Short Latin hotwords are the exception: "ip", "qq", "tel", "zip", "lat" and pinyin abbreviations such
as "vx" or "yb" occur inside ordinary English words (descr*ip*tion, b*zip*2, trans*lat*e, lx*vx*), so
in running English text a substring test would boost almost every candidate. A Latin hotword of up to
four characters therefore counts only as a word of its own: not touching another Latin letter, except
at a camelCase seam (`userQQ`, `ipAddr`, `IPAddress`) or before a plural "s". Longer hotwords keep
substring matching, which is what finds them inside the concatenated column names of Chinese schemas
(`mobilephone`, `useremail`); the common short-word compounds (`telno`, `ipaddr`) are hotwords of
their own.
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


# Latin hotwords up to this length must stand as words of their own (see the module docstring).
_SHORT_WORD = 4


def _needs_word_boundary(word: str) -> bool:
    return word.isascii() and len(word) <= _SHORT_WORD and any(char.isalpha() for char in word)


def _word_regex(word: str) -> re.Pattern[str]:
    """The hotword (any case) where it is not part of a longer Latin word.

    Left: no Latin letter before it, or a camelCase seam (a lower-case letter, then the word starting
    in upper case). Right: no Latin letter after it, a seam (the word ends in lower case and an upper-
    case letter follows; or an upper-case letter starting a capitalised word follows, as in
    `IPAddress`), or a plural "s" that ends the word. Only the ends that are letters or digits are
    checked ("ts=" needs a boundary on its left only).
    """
    left = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))" if word[0].isalnum() else ""
    right = (
        r"(?:(?![A-Za-z])|(?<=[a-z])(?=[A-Z])|(?=[A-Z][a-z])|(?=[sS](?![A-Za-z])))"
        if word[-1].isalnum()
        else ""
    )
    return re.compile(f"{left}(?i:{re.escape(word)}){right}")


class ContextScorer:
    """A recognizer's positive and negative hotwords, looked up in one pass over one window."""

    __slots__ = ("_bounded", "_negative", "_positive")

    def __init__(self, positive: Iterable[str], negative: Iterable[str]) -> None:
        self._positive = HotwordMatcher(positive)._lowered
        self._negative = HotwordMatcher(negative)._lowered
        words = (*self._positive, *self._negative)
        self._bounded = {word: _word_regex(word) for word in words if _needs_word_boundary(word)}

    def around(
        self, text: str, start: int, end: int, window: ContextWindow
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(positive, negative) hotwords wholly inside the window before or after [start, end)."""
        if not self._positive and not self._negative:
            return (), ()
        low = max(0, start - window.before)
        haystack = text[low:start].lower() + "\0" + text[end : end + window.after].lower()
        positive = tuple(word for word in self._positive if word in haystack)
        negative = tuple(word for word in self._negative if word in haystack)
        bounded = self._bounded
        if bounded and not (bounded.keys().isdisjoint(positive) and bounded.keys().isdisjoint(negative)):
            span = (low, start, end, min(len(text), end + window.after))
            positive = tuple(word for word in positive if self._alone(word, haystack, text, span))
            negative = tuple(word for word in negative if self._alone(word, haystack, text, span))
        return positive, negative

    def _alone(self, word: str, haystack: str, text: str, span: tuple[int, int, int, int]) -> bool:
        """Whether a hotword found in the window stands as a word of its own (module docstring)."""
        regex = self._bounded.get(word)
        if regex is None:
            return True
        # Fast path: an occurrence with a character that is no Latin letter on either side, inside
        # one half of the window. Anything else (a letter next to it, which may be a camelCase seam
        # or a plural; the candidate or the window's edge next to it) is left to the regex.
        size = len(word)
        last = len(haystack) - size
        index = haystack.find(word)
        while index != -1:
            clear_before = index > 0 and haystack[index - 1] not in _UNCLEAR
            if clear_before and index < last and haystack[index + size] not in _UNCLEAR:
                return True
            index = haystack.find(word, index + 1)
        return _stands_alone(regex, text, *span)


# Neighbours that need the regex: Latin letters, and the "\0" that stands for the candidate.
_UNCLEAR = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\0")


def _stands_alone(word: re.Pattern[str], text: str, low: int, start: int, end: int, high: int) -> bool:
    """Whether `word` occurs as a word of its own in text[low:start] or text[end:high].

    The search runs on the whole text so that the look-behind sees the letter before the window, and
    one character past each half so that the look-ahead sees the letter after it; a match must still
    lie inside its half.
    """
    if any(found.end() <= start for found in word.finditer(text, low, min(start + 1, len(text)))):
        return True
    return any(found.end() <= high for found in word.finditer(text, end, min(high + 1, len(text))))
