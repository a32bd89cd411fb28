"""Regex scans that try a pattern only where a match can start.

Python's `re` scans fast for a pattern that begins with a literal or a plain character class, but a
pattern that begins with a lookbehind, or an IGNORECASE alternation with Latin words in it, is run in
full at every position of the text. When the positions where a match may start are cheap to find (the
first characters of a label list, the characters before a title), trying the pattern only there
gives the same matches for a fraction of the work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` yields, trying `pattern` only at `starts` (ascending).

    Equal to `finditer` whenever every match of `pattern` starts at one of `starts` and no match is
    empty: like `finditer`, a match is looked for again only after the end of the previous one.
    `pattern.match(text, start)` sees the text before `start`, so lookbehinds behave as in `finditer`.
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            end = match.end()
            yield match


class Prefiltered:
    """A pattern and a cheap regex for where its matches may start; `finditer` as `pattern.finditer`.

    `starts` must match (one character or zero-width) at every position where `pattern` can match,
    and `pattern` must never match the empty string; both are the caller's promise.
    """

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: re.Pattern[str], starts: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts = starts

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of `pattern` in `text`, left to right and non-overlapping (as `matches_at`)."""
        match_at = self.pattern.match
        found: list[re.Match[str]] = []
        end = 0
        for candidate in self.starts.finditer(text):
            start = candidate.start()
            if start >= end and (match := match_at(text, start)) is not None:
                end = match.end()
                found.append(match)
        return iter(found)


def word_starts(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """A regex matching one character where one of `words` may start (compiled with `flags`).

    The character must be a first character of a word and the one after it a second character of
    a word (only the first when a word is one character long). Under IGNORECASE the classes match
    what the words' own regex matches (`re` folds case the same way for both), so no start is missed.
    """
    listed = [word for word in words if word]
    if not listed:
        return re.compile("(?!)")
    firsts = _char_class(word[0] for word in listed)
    if any(len(word) == 1 for word in listed):
        return re.compile(f"[{firsts}]", flags)
    return re.compile(f"[{firsts}](?=[{_char_class(word[1] for word in listed)}])", flags)


class StartsOf:
    """Every position where one of `words` (two characters or longer) starts, overlapping ones included.

    A character-class regex finds where the first two characters fit, a set lookup confirms: the
    positions a lookahead trie regex `(?=(?:...))` finds, without running it at every character.
    """

    __slots__ = ("_candidates", "_lengths", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(words)
        if any(len(word) < 2 for word in self._words):
            raise ValueError("StartsOf needs words of two characters or more")
        self._lengths = sorted({len(word) for word in self._words})
        firsts = _char_class(word[0] for word in self._words)
        seconds = _char_class(word[1] for word in self._words)
        self._candidates = re.compile(f"[{firsts}](?=[{seconds}])" if self._words else "(?!)")

    def positions(self, text: str) -> Iterator[int]:
        """Start positions, left to right."""
        words, lengths = self._words, self._lengths
        for candidate in self._candidates.finditer(text):
            start = candidate.start()
            if any(text[start : start + length] in words for length in lengths):
                yield start


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(char) for char in sorted(set(chars)))
