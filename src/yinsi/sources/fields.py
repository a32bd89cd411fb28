"""Name the column or key a finding sits in: CSV/TSV header cells, JSON keys.

An inventory says "orders.csv, column 手机: 200 mobile numbers", which is what a data-protection
officer records (GB/T 35273-2020 §10.1 个人信息处理活动记录; PIPL art. 51). Names come from the text
itself: the header line of a delimited file, the nearest `"key":` before a value on the same line of a
JSON file. A name is only used when yinsi finds no personal information in it, so a header-less file
(whose first row is data) or a JSON object keyed by phone numbers never leaks values through names.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

# Beyond this many characters before a finding on its line, counting delimiters costs more than the
# name is worth (a single-line file of megabytes).
MAX_PREFIX_CHARS = 10_000
MAX_NAME_CHARS = 64
# `"key": "…value so far` or `"key": ` (a number) right before the finding, on the same line.
_JSON_KEY_RE = re.compile(r'"((?:[^"\\\n]|\\.){1,64})"\s*:\s*(?:"(?:[^"\\\n]|\\.)*)?$')
_JSON_WINDOW = 1024
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

    def name(self, line_prefix: str, line: int) -> FieldName:
        if line == 1 and self.header:
            return FieldName()  # a finding inside the header itself; not expected with a real header
        index = _column_index(line_prefix, self.delimiter)
        if index < len(self.header):
            return FieldName(column_name=self.header[index])
        return FieldName(column_name=f"column {index + 1}")


class JsonKeys:
    """The JSON key a value belongs to: the last `"key":` before it on its line."""

    def __init__(self, has_personal_info: NameCheck) -> None:
        self._has_personal_info = has_personal_info
        self._checked: dict[str, bool] = {}

    def name(self, line_prefix: str, line: int) -> FieldName:
        match = _JSON_KEY_RE.search(line_prefix[-_JSON_WINDOW:])
        if match is None:
            return FieldName()
        key = match.group(1)
        safe = self._checked.get(key)
        if safe is None:
            safe = self._checked[key] = not self._has_personal_info(key)
            if len(self._checked) > 10_000:
                self._checked.clear()  # keys of a well-formed export repeat; bound the memory anyway
        return FieldName(field=key) if safe else FieldName()


FieldNamer = DelimitedFields | JsonKeys


def namer_for(path: str, first_line: str, has_personal_info: NameCheck) -> FieldNamer | None:
    """The namer for a file by its extension; None for formats without fields."""
    name = PurePath(path)
    if name.suffix.lower() in (".gz", ".bz2", ".xz"):
        name = name.with_suffix("")  # orders.csv.gz is a CSV file
    suffix = name.suffix.lower()
    if suffix in _DELIMITED:
        return DelimitedFields(first_line, _DELIMITED[suffix], has_personal_info)
    if suffix in _JSON:
        return JsonKeys(has_personal_info)
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
