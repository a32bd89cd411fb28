"""Find which of many literal terms occur in a text, fast: the matcher behind the policy vocabulary.

Terms in Latin script match whole words, case-insensitively (short ones, e.g. MTA, GDT, keep their case):
the text is cut into Latin word tokens once and n-grams of tokens are looked up in a dict, so "IMEI号"
names IMEI but "metadata" does not name Meta. Other terms (Chinese) match as substrings: one regex of
all of them, whose literal alternatives the regex engine screens by first character, finds candidate
positions and every term starting there is looked up. Both are linear in the text, unlike an alternation
of hundreds of look-behind-guarded terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+")
_LATIN_EDGE = re.compile(r"^[A-Za-z0-9\u00c0-\u024f]|[A-Za-z0-9\u00c0-\u024f]$")
CASE_SENSITIVE_UP_TO = 3  # SDK names this short are acronyms: "MTA" yes, "mta" in prose no


def _words(term: str) -> tuple[str, ...]:
    return tuple(_LATIN_WORD.findall(term))


@dataclass(frozen=True, slots=True)
class TermMatcher:
    """Term → keys (e.g. "位置信息" → {"location"}); `keys_in(text)` lists the keys whose terms occur."""

    latin: Mapping[tuple[str, ...], frozenset[str]]  # lower-cased word tuple → keys
    exact_latin: Mapping[tuple[str, ...], frozenset[str]]  # short acronyms, case kept
    other: Mapping[str, frozenset[str]]  # substring terms → keys
    other_pattern: re.Pattern[str] | None
    other_lengths: tuple[int, ...]
    max_words: int
    first_words: frozenset[str]  # lower-cased first word of every Latin term: most tokens start none

    @classmethod
    def build(cls, terms: Iterable[tuple[str, str]], *, keep_case_short: bool = False) -> TermMatcher:
        """From (term, key) pairs. Latin-edged terms are matched by words, the rest as substrings."""
        latin: dict[tuple[str, ...], set[str]] = {}
        exact: dict[tuple[str, ...], set[str]] = {}
        other: dict[str, set[str]] = {}
        for term, key in terms:
            term = term.strip()
            if not term:
                continue
            if _LATIN_EDGE.search(term) and "".join(_words(term)) == re.sub(r"[\W_]", "", term):
                words = _words(term)
                if keep_case_short and len(term) <= CASE_SENSITIVE_UP_TO:
                    exact.setdefault(words, set()).add(key)
                else:
                    latin.setdefault(tuple(word.lower() for word in words), set()).add(key)
            else:
                other.setdefault(term.lower(), set()).add(key)
        pattern = None
        if other:
            ordered = sorted(other, key=len, reverse=True)
            pattern = re.compile("(?=(?:" + "|".join(re.escape(term) for term in ordered) + "))")
        word_counts = [len(key) for key in (*latin, *exact)]
        firsts = frozenset(key[0].lower() for key in (*latin, *exact))
        return cls({k: frozenset(v) for k, v in latin.items()}, {k: frozenset(v) for k, v in exact.items()},
                   {k: frozenset(v) for k, v in other.items()}, pattern,
                   tuple(sorted({len(term) for term in other}, reverse=True)),
                   max(word_counts, default=0), firsts)

    def keys_in(self, text: str) -> frozenset[str]:
        """Keys of every term that occurs in `text`."""
        found: set[str] = set()
        if self.latin or self.exact_latin:
            tokens = _LATIN_WORD.findall(text)
            lowered = [token.lower() for token in tokens]
            for start in range(len(tokens)):
                if lowered[start] not in self.first_words:
                    continue
                for size in range(1, min(self.max_words, len(tokens) - start) + 1):
                    found.update(self.latin.get(tuple(lowered[start:start + size]), ()))
                    found.update(self.exact_latin.get(tuple(tokens[start:start + size]), ()))
        if self.other_pattern is not None:
            lowered_text = text.lower()
            for match in self.other_pattern.finditer(lowered_text):
                position = match.start()
                for length in self.other_lengths:
                    found.update(self.other.get(lowered_text[position:position + length], ()))
        return frozenset(found)
