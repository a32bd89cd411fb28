"""Name the column or key path a finding sits in: CSV/TSV header cells, JSON key paths.

An inventory says "orders.csv, column 手机: 200 mobile numbers", which is what a data-protection
officer records (GB/T 35273-2020 §10.1 个人信息处理活动记录; PIPL art. 51). Names come from the text
itself: the header line of a delimited file, the path of keys to a value in a JSON file. A name is
only used when yinsi finds no personal information in it, so a header-less file (whose first row is
data) or a JSON object keyed by phone numbers never leaks values through names.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from yinsi.sources.json_paths import JsonPathTracker
from yinsi.text.chunking import TextChunk

# Beyond this many characters before a finding on its line, counting delimiters costs more than the
# name is worth (a single-line file of megabytes).
MAX_PREFIX_CHARS = 10_000
MAX_NAME_CHARS = 64
_DELIMITED = {".csv": ",", ".tsv": "\t"}
_JSON = frozenset({".json", ".jsonl", ".ndjson", ".geojson"})

# Whether a candidate name holds personal information: given by the scanner, which owns the analyzer.
NameCheck = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class FieldName:
    """Where a finding sits: `column_name` for delimited files, `field` for JSON (a key)."""

    column_name: str | None = None
    field: str | None = None


class DelimitedFields:
    """Column names of a CSV/TSV file from its header line (or "column N" without a usable header)."""

    def __init__(self, header_line: str, delimiter: str, has_personal_info: NameCheck) -> None:
        if delimiter == "," and header_line.count(";") > header_line.count(","):
            delimiter = ";"  # spreadsheet exports in locales with a decimal comma
        self.delimiter = delimiter
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        usable = bool(cells) and all(0 < len(cell.strip()) <= MAX_NAME_CHARS for cell in cells)
        usable = usable and not has_personal_info(header_line)
        self.header = [cell.strip() for cell in cells] if usable else []
        self.header_is_data = not self.header

    def name(self, chunk: TextChunk, local_start: int, line_prefix: str | None, line: int) -> FieldName:
        if line_prefix is None or (line == 1 and self.header):
            return FieldName()  # the line began in an earlier chunk, or the finding is in the header
        index = _column_index(line_prefix, self.delimiter)
        if index < len(self.header):
            return FieldName(column_name=self.header[index])
        return FieldName(column_name=f"column {index + 1}")

    def settle(self, chunk: TextChunk, end: int) -> None:
        """Delimited files need no state between chunks."""


class JsonPaths:
    """The path of keys to a value in a JSON or JSON Lines file: `customers[].contact.mobile`.

    The file's structure is followed once, in order, as chunks go by (see `json_paths`). A key in
    which personal information is found is written `*`.
    """

    def __init__(self, has_personal_info: NameCheck) -> None:
        self._has_personal_info = has_personal_info
        self._checked: dict[str, bool] = {}
        self._tracker = JsonPathTracker()
        self._position = 0

    def name(self, chunk: TextChunk, local_start: int, line_prefix: str | None, line: int) -> FieldName:
        self._advance(chunk, chunk.offset + local_start)
        path = ""
        for part in self._tracker.path():
            if part == "[]":
                path += part
            else:
                path += ("." if path else "") + (part if self._safe(part) else "*")
        return FieldName(field=path or None)

    def settle(self, chunk: TextChunk, end: int) -> None:
        self._advance(chunk, end)

    def _advance(self, chunk: TextChunk, target: int) -> None:
        if target <= self._position:
            return
        start = self._position - chunk.offset
        if start < 0:  # text skipped (cannot happen with settled chunks): start the structure afresh
            self._tracker, start = JsonPathTracker(), 0
        self._tracker.feed(chunk.text[start: target - chunk.offset])
        self._position = target

    def _safe(self, key: str) -> bool:
        safe = self._checked.get(key)
        if safe is None:
            if len(self._checked) > 10_000:
                self._checked.clear()  # keys of a well-formed export repeat; bound the memory anyway
            safe = self._checked[key] = not self._has_personal_info(key)
        return safe


FieldNamer = DelimitedFields | JsonPaths


def namer_for(path: str, first_line: str, has_personal_info: NameCheck) -> FieldNamer | None:
    """The namer for a file by its extension; None for formats without fields."""
    name = PurePath(path)
    if name.suffix.lower() in (".gz", ".bz2", ".xz"):
        name = name.with_suffix("")  # orders.csv.gz is a CSV file
    suffix = name.suffix.lower()
    if suffix in _DELIMITED:
        return DelimitedFields(first_line, _DELIMITED[suffix], has_personal_info)
    if suffix in _JSON:
        return JsonPaths(has_personal_info)
    return None


def _column_index(prefix: str, delimiter: str) -> int:
    """Delimiters before the finding outside double quotes (RFC 4180 quoting, one line)."""
    if '"' not in prefix:
        return prefix.count(delimiter)
    index = 0
    quoted = False
    for char in prefix:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            index += 1
    return index
