"""Context read within the value's own field, and context-first scanning for gated patterns.

Context by character window (text/context.py) is right most of the time and wrong in two common
layouts, which recognizers built on `FieldContextRecognizer` handle:

* The window stops at a line break and at a field separator of JSON or Chinese forms (`", "`, `，`,
  `；`): the next field's label belongs to the next value (`"邮编": "345742", "QQ": "104251"`), and an
  订单号 on the next line of a log says nothing about this one.
* A hotword that is a column name in the header row of a CSV/TSV table labels that column's cells in
  the rows below (`订单号,姓名,邮编` then `2024…,张三,651019`), which no window could reach.

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
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from yinsi.core.types import Finding
from yinsi.recognizers.base import Pattern, PatternRecognizer
from yinsi.text.trie import trie_regex


def spellings(words: Iterable[str]) -> tuple[str, ...]:
    """Each word as written and in lower, UPPER, Capitalised and Title Case, without duplicates."""
    variants = (
        form for word in words for form in (word, word.lower(), word.upper(), word.capitalize(), word.title())
    )
    return tuple(dict.fromkeys(variants))


class FieldContextRecognizer(PatternRecognizer):
    """A PatternRecognizer that reads context within the field and runs gated patterns near hotwords.

    `max_candidate_length` bounds a match (in characters) so that the windows can be sized: a hotword
    at [s, e) reaches candidates that start up to `window.before` characters after e, or end up to
    `window.after` characters before s. Patterns that are not gated still scan the whole text.

    `hotwords_first = False` runs gated patterns over the whole text instead, for a pattern that
    starts with a rare literal and is cheaper to scan than the hotwords are to find.

    Table columns are read by recognizers that find hotwords first, and by those that set
    `column_context` (values that score low without a label, such as IMEIs); for the others a
    validated value already scores high, and the hotword search over the whole text it would take
    costs more than it gives.
    """

    max_candidate_length: ClassVar[int] = 40
    hotwords_first: ClassVar[bool] = True
    column_context: ClassVar[bool] = False

    def __init__(self) -> None:
        super().__init__()
        words = spellings(self.context)
        self._anchors = re.compile(trie_regex(words)) if words else None
        gated = self.requires_context or any(pattern.requires_context for pattern in self.patterns)
        self._reads_columns = self.column_context or (gated and self.hotwords_first)

    def analyze(self, text: str) -> Iterator[Finding]:
        if self.prefilter and not any(literal in text for literal in self.prefilter):
            return
        layout = _Layout(self, text)
        for pattern, regex in self._compiled:
            if self.hotwords_first and (self.requires_context or pattern.requires_context):
                spans: Iterable[tuple[int, int]] = (
                    span for low, high in layout.windows() for span in self._spans(text, regex, low, high)
                )
            else:
                spans = self._spans(text, regex)
            yield from self._candidates(text, pattern, spans, layout)

    def _windows(self, text: str) -> tuple[list[tuple[int, int]], list[Cell]]:
        """Merged [low, high) ranges that contain every candidate some hotword can reach, and the
        table cells that a hotword labels as a column name."""
        if self._anchors is None:
            return [], []
        reach = self.max_candidate_length
        spans: list[tuple[int, int]] = []
        cells: list[Cell] = []
        header_start, table_end = -1, -1
        for hit in self._anchors.finditer(text):
            if not self.is_anchor(text, hit.start(), hit.end()):
                continue
            low = max(0, hit.start() - self.window.after - reach)
            spans.append((low, min(len(text), hit.end() + self.window.before + reach)))
            line_start = _header_line_start(text, hit.start())
            # A hotword inside the rows of a table already found is data, not another header.
            if line_start < 0 or (hit.start() < table_end and line_start != header_start):
                continue
            found = column_cells(text, hit.start(), hit.end())
            if found:
                cells.extend(found)
                header_start, table_end = line_start, max(table_end, found[-1].end)
        spans.extend((cell.start, cell.end) for cell in cells)
        spans.sort()
        merged: list[tuple[int, int]] = []
        for low, high in spans:
            if merged and low <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        cells.sort(key=lambda cell: cell.start)
        return merged, cells

    def _score(self, text: str, start: int, end: int, pattern: Pattern) -> Finding | None:
        """Score with the context window cut at line breaks and field separators (module docstring)."""
        low = max(0, start - self.window.before)
        for separator in _FIELD_ENDS:
            found = text.rfind(separator, low, start)
            if found != -1:
                low = found + len(separator)
        high = min(len(text), end + self.window.after)
        for separator in _FIELD_ENDS:
            found = text.find(separator, end, high)
            if found != -1:
                high = found
        if low == 0 and high == len(text):
            return super()._score(text, start, end, pattern)
        finding = super()._score(text[low:high], start - low, end - low, pattern)
        return None if finding is None else _moved(finding, start, end)

    def _score_in_cell(self, text: str, start: int, end: int, pattern: Pattern, cell: Cell) -> Finding | None:
        """Score a value in a labelled table cell as if its column name were written before it."""
        labelled = f"{cell.label}：{text[cell.start : cell.end]}"
        shift = cell.start - len(cell.label) - 1
        finding = super()._score(labelled, start - shift, end - shift, pattern)
        return None if finding is None else _moved(finding, start, end)

    def is_anchor(self, text: str, start: int, end: int) -> bool:
        """Whether a hotword found at [start, end) opens a window; override to skip look-alikes."""
        return True

    def _candidates(
        self,
        text: str,
        pattern: Pattern,
        spans: Iterable[tuple[int, int]],
        layout: _Layout,
    ) -> Iterator[Finding]:
        """The base recognizer's per-candidate steps (neighbours already checked): trim, validate, score."""
        for start, end in spans:
            start, end = self.trim(text, start, end)
            cell = layout.cell_at(start, end)
            if cell is not None:
                finding = self._score_in_cell(text, start, end, pattern, cell)
            else:
                finding = self._score(text, start, end, pattern)
            if finding is not None:
                yield finding


class _Layout:
    """The hotword windows and labelled table cells of one text, found on first use.

    Texts in which a recognizer has no candidate never pay for the hotword search.
    """

    __slots__ = ("_cells", "_recognizer", "_starts", "_text", "_windows")

    def __init__(self, recognizer: FieldContextRecognizer, text: str) -> None:
        self._recognizer = recognizer
        self._text = text
        self._windows: list[tuple[int, int]] | None = None
        self._cells: list[Cell] = []
        self._starts: list[int] = []

    def windows(self) -> list[tuple[int, int]]:
        if self._windows is None:
            self._windows, self._cells = self._recognizer._windows(self._text)
            self._starts = [cell.start for cell in self._cells]
        return self._windows

    def cell_at(self, start: int, end: int) -> Cell | None:
        """The labelled cell that holds [start, end), if any (None when columns are not read)."""
        if not self._recognizer._reads_columns:
            return None
        self.windows()
        index = bisect_right(self._starts, start) - 1
        if index >= 0 and end <= self._cells[index].end:
            return self._cells[index]
        return None


def _moved(finding: Finding, start: int, end: int) -> Finding:
    """`finding` at [start, end); cheaper than dataclasses.replace for a hot path."""
    kind, score, name = finding.entity_type, finding.score, finding.recognizer
    return Finding(kind, start, end, score, name, finding.sensitive, finding.evidence)


# Where a field ends in logs, JSON and Chinese forms; context does not cross these.
_FIELD_ENDS = ("\n", '", ', '","', "，", "；")
_DELIMITERS = (",", "\t")
_DIGIT = re.compile("[0-9]")
# A header cell is a short name; longer text is a sentence that happens to hold commas.
_MAX_LABEL = 24
# Header lines are shorter than this (a few hundred columns of short names).
_MAX_HEADER = 4096
# Rows labelled by one header hotword; bounds the work for a hotword in a huge table's header.
_MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell [start, end) whose column is named `label` in the header row."""

    start: int
    end: int
    label: str


def _header_line_start(text: str, index: int) -> int:
    """Start of the line holding `index`, or -1 when that line is too long to be a table header.

    Bounded so that many hotwords on one huge line (minified JSON) cost linear time, not quadratic.
    """
    low = max(0, index - _MAX_HEADER)
    found = text.rfind("\n", low, index)
    if found == -1:
        return 0 if low == 0 else -1
    return found + 1


def column_cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells below a header cell that contains [start, end), if its line is a CSV/TSV header.

    The table is the run of following lines with as many delimiters as the header; a line with
    quoted delimiters or of another shape ends it.
    """
    line_start = _header_line_start(text, start)
    line_end = text.find("\n", end, end + _MAX_HEADER)
    if line_start < 0 or line_end == -1:
        return []
    header = text[line_start:line_end]
    delimiter = next((d for d in _DELIMITERS if header.count(d) >= 2), None)
    # Header rows name columns; a line with digits is a data row (cheap to test, and it keeps a
    # hotword in every row of a big table from rescanning the rows below it).
    if delimiter is None or _DIGIT.search(header) is not None:
        return []
    column = header.count(delimiter, 0, start - line_start)
    names = header.split(delimiter)
    label = names[column].strip().strip('"')
    if len(label) > _MAX_LABEL:
        return []
    width = len(names) - 1
    cells: list[Cell] = []
    row_start = line_end + 1
    while row_start < len(text) and len(cells) < _MAX_ROWS:
        row_end = text.find("\n", row_start)
        if row_end == -1:
            row_end = len(text)
        if text.count(delimiter, row_start, row_end) != width:
            break
        cell_start = row_start
        for _ in range(column):
            cell_start = text.find(delimiter, cell_start, row_end) + 1
        cell_end = text.find(delimiter, cell_start, row_end)
        cells.append(Cell(cell_start, row_end if cell_end == -1 else cell_end, label))
        row_start = row_end + 1
    return cells
