"""What a recognizer is, and the pattern + validator + context recognizer most detectors build on.

A recognizer takes a *normalised* text and yields findings with offsets into that text; the pipeline
maps them back to the original, filters and resolves overlaps. Pattern recognizers separate three jobs
(STYLE.md #3): a regex proposes candidates, a pure validator accepts, rejects or cannot check them, and
hotwords in a character window raise or lower the score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from yinsi.core.entities import entity_type
from yinsi.core.types import Evidence, Finding
from yinsi.text.context import ContextScorer, ContextWindow


@dataclass(frozen=True, slots=True)
class Examples:
    """Texts a recognizer must find something in (`positive`) and must find nothing in (`negative`).

    The contract test runs every registered recognizer on its own examples, so these are executable
    documentation: keep them short and realistic.
    """

    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()


@runtime_checkable
class Recognizer(Protocol):
    """Anything that finds entities in normalised text. Pattern-based and model-based alike."""

    name: str
    entity_types: tuple[str, ...]
    languages: tuple[str, ...]
    examples: Examples

    def analyze(self, text: str) -> Iterator[Finding]:
        """Findings with offsets into `text` (the normalised text)."""
        ...


@dataclass(frozen=True, slots=True)
class Pattern:
    """A candidate regex and the score a bare match gets before validation and context.

    A named group `value` marks the span to report when the regex also matches surrounding text;
    `requires_context` gates this pattern alone (e.g. legacy 15-digit IDs) on a hotword.
    """

    name: str
    regex: str
    score: float
    flags: int = 0
    requires_context: bool = False


# Characters that may not touch a candidate on either side, by boundary kind. Python's \b treats CJK
# characters as word characters, so "手机13800138000" would never match \b1; these sets only look at
# ASCII letters and digits, which is what makes a digit run inside a longer run (or an ID glued to
# letters) not a match, while CJK neighbours are fine.
_DIGITS = frozenset("0123456789")
_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
BOUNDARIES: dict[str, frozenset[str]] = {"digit": _DIGITS, "alnum": _ALNUM, "none": frozenset()}
_ALLOWED_NEIGHBOUR = {"digit": re.compile("[^0-9]"), "alnum": re.compile("[^0-9A-Za-z]")}

# Hashes, trace and device ids are long hexadecimal tokens whose digit runs look like phone numbers or
# IDs (git commit ccd2187212c12b84c86a10fd4417a16536243179 holds "16536243179"). The "digit" boundary
# lets a letter touch a candidate (tel13800138000), so a candidate touching a hex letter is rejected
# only when it sits inside a hex run of at least this length whose part outside the candidate mixes
# letters and digits: hex ids are 16 characters and more and mixed throughout, while a label glued to
# a number (id, fee, cafe) is letters only.
HEX_TOKEN_LENGTH = 16
_HEX_LETTERS = frozenset("abcdefABCDEF")
_HEX = frozenset("0123456789abcdefABCDEF")


def inside_hex_token(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a long hexadecimal token (see HEX_TOKEN_LENGTH)."""
    touches_letter = (start > 0 and text[start - 1] in _HEX_LETTERS) or (
        end < len(text) and text[end] in _HEX_LETTERS
    )
    if not touches_letter:
        return False
    low = start
    while low > 0 and text[low - 1] in _HEX and start - low < HEX_TOKEN_LENGTH:
        low -= 1
    high = end
    while high < len(text) and text[high] in _HEX and high - end < HEX_TOKEN_LENGTH:
        high += 1
    if high - low < HEX_TOKEN_LENGTH:
        return False
    outside = text[low:start] + text[end:high]
    return not _DIGITS.isdisjoint(outside) and not _HEX_LETTERS.isdisjoint(outside)


class PatternRecognizer:
    """Base for recognizers made of patterns, a validator and context words.

    Subclasses set the class attributes and, when the identifier has rules beyond its shape, override
    `validate`. Scoring: a pattern match starts at `Pattern.score`; `validate` returning True lifts it to
    at least `validated_score`, False drops the candidate, None keeps it; a context hotword adds
    `context_boost`, a negative hotword subtracts `negative_penalty`. With `requires_context`, candidates
    without a hotword are dropped (for numbers that are only personal information when labelled, such as
    QQ numbers or postal codes).
    """

    entity_type: ClassVar[str]
    patterns: ClassVar[tuple[Pattern, ...]]
    context: ClassVar[tuple[str, ...]] = ()
    negative_context: ClassVar[tuple[str, ...]] = ()
    requires_context: ClassVar[bool] = False
    # Literal strings at least one of which every match contains; when none occurs in a text the
    # patterns are not run at all (e.g. "@" for emails). Case-sensitive; leave empty when unsure.
    prefilter: ClassVar[tuple[str, ...]] = ()
    boundary: ClassVar[str] = "digit"
    validated_score: ClassVar[float] = 0.9
    context_boost: ClassVar[float] = 0.3
    negative_penalty: ClassVar[float] = 0.45
    window: ClassVar[ContextWindow] = ContextWindow()
    languages: ClassVar[tuple[str, ...]] = ("zh", "en")
    examples: ClassVar[Examples] = Examples()

    def __init__(self) -> None:
        entity_type(self.entity_type)  # fail early on a misspelt entity name
        self.name = type(self).__name__
        self.entity_types = (self.entity_type,)
        self._compiled = tuple(
            (pattern, re.compile(pattern.regex, pattern.flags)) for pattern in self.patterns
        )
        self._context = ContextScorer(self.context, self.negative_context)
        self._default_neighbours = type(self).accepts_neighbours is PatternRecognizer.accepts_neighbours
        self._forbidden_neighbours = BOUNDARIES[self.boundary]
        self._allowed_neighbour = _ALLOWED_NEIGHBOUR.get(self.boundary)
        self._sensitive = entity_type(self.entity_type).sensitive

    def validate(self, value: str) -> bool | None:
        """Check the candidate's own rules (check digit, date, prefix). None means "cannot check"."""
        return None

    def accepts_neighbours(self, text: str, start: int, end: int) -> bool:
        """The characters around a raw match may not be of the `boundary` kind, and with the "digit"
        boundary the match may not sit inside a long hex token; override to refine."""
        forbidden = self._forbidden_neighbours
        if not forbidden:
            return True
        if (start > 0 and text[start - 1] in forbidden) or (end < len(text) and text[end] in forbidden):
            return False
        return forbidden is not _DIGITS or not inside_hex_token(text, start, end)

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Adjust a raw match span (e.g. to drop a captured label); the default keeps it."""
        return start, end

    def analyze(self, text: str) -> Iterator[Finding]:
        if self.prefilter and not any(literal in text for literal in self.prefilter):
            return
        for pattern, regex in self._compiled:
            for start, end in self._spans(text, regex):
                start, end = self.trim(text, start, end)
                finding = self._score(text, start, end, pattern)
                if finding is not None:
                    yield finding

    def _spans(
        self, text: str, regex: re.Pattern[str], low: int = 0, high: int | None = None
    ) -> Iterator[tuple[int, int]]:
        """Spans of `regex` in text[low:high] whose neighbours respect the recognizer's boundary.

        A match rejected for touching a digit or letter may hide a real one that starts inside it
        ("0133 13800138000": "133 1380013" is rejected, "13800138000" is real). No candidate can start
        where the previous character is forbidden, so the search resumes at the next position that
        follows an allowed character: just past a separator, or past the end of a long digit run in one
        step (resuming one character later would re-match inside the run again and again).
        """
        accepts = None if self._default_neighbours else self.accepts_neighbours
        forbidden = self._forbidden_neighbours
        hex_sensitive = forbidden is _DIGITS
        allowed = self._allowed_neighbour
        length = len(text)
        stop = length if high is None else high
        has_value = "value" in regex.groupindex
        search = regex.search
        position = low
        while position <= stop:
            match = search(text, position, stop)
            if match is None:
                return
            start, end = match.span("value") if has_value else match.span()
            if start == end or (
                not accepts(text, start, end)
                if accepts is not None
                else forbidden
                and (
                    (start > 0 and text[start - 1] in forbidden)
                    or (end < length and text[end] in forbidden)
                    or (hex_sensitive and inside_hex_token(text, start, end))
                )
            ):
                if allowed is None:
                    position = match.start() + 1
                    continue
                next_allowed = allowed.search(text, match.start(), stop)
                if next_allowed is None:
                    # The run of forbidden characters reaches `stop`: no candidate can start after it.
                    # Stepping one character at a time instead made a long digit run quadratic.
                    return
                position = max(next_allowed.end(), match.start() + 1)
                continue
            position = match.end() if match.end() > match.start() else match.start() + 1
            yield start, end

    def _score(self, text: str, start: int, end: int, pattern: Pattern) -> Finding | None:
        verdict = self.validate(text[start:end])
        if verdict is False:
            return None
        score = max(pattern.score, self.validated_score) if verdict else pattern.score
        hot, cold = self._context.around(text, start, end, self.window)
        if not hot and (self.requires_context or pattern.requires_context):
            return None
        if hot:
            score += self.context_boost
        if cold:
            score -= self.negative_penalty
        if score <= 0.0:
            return None
        return Finding(
            self.entity_type,
            start,
            end,
            round(min(1.0, score), 4),
            self.name,
            self._sensitive,
            Evidence(pattern.name, verdict, hot, cold),
        )


def digits_only(value: str) -> str:
    """The digits of a value written with separators (spaces, dashes, dots)."""
    return _NON_DIGITS.sub("", value)


_NON_DIGITS = re.compile("[^0-9]")
