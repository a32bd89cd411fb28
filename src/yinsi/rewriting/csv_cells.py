"""CSV/TSV cells with their exact place in the text, so a rewrite can change single cells and leave
every other byte (quoting style, line endings, spacing, the BOM) as it was.

Follows RFC 4180 (quoted fields with doubled quotes, CRLF or LF rows, newlines inside quotes) and is
lenient like spreadsheet programs: a quote in the middle of an unquoted field is data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby

# value, column label (the first row's cell in that column, or None) → new value
CellTransform = Callable[[str, str | None], str]
# (start, end) of a changed span in the new text, and the original text it replaced
Unit = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Cell:
    """One field: row and column (0-based), its raw span in the text, the decoded value."""

    row: int
    column: int
    start: int
    end: int
    quoted: bool
    value: str


@cache
def _patterns(delimiter: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = re.escape(delimiter)
    return re.compile(r'"((?:[^"]|"")*)"'), re.compile(rf"[^{d}\r\n]*")


def cells(text: str, delimiter: str = ",") -> Iterator[Cell]:
    """Every cell of `text` in order. A final line ending does not start an empty row."""
    quoted_field, plain_field = _patterns(delimiter)
    position, row, column, length = 0, 0, 0, len(text)
    if length == 0:
        return
    while True:
        match = quoted_field.match(text, position)
        end = match.end() if match else -1
        if match and (end == length or text[end] in (delimiter, "\r", "\n")):
            yield Cell(row, column, position, end, True, match.group(1).replace('""', '"'))
        else:
            plain = plain_field.match(text, position)
            assert plain is not None  # the pattern matches the empty string
            end = plain.end()
            yield Cell(row, column, position, end, False, plain.group())
        if end >= length:
            return
        if text[end] == delimiter:
            position, column = end + 1, column + 1
            continue
        position = end + (2 if text.startswith("\r\n", end) else 1)
        row, column = row + 1, 0
        if position >= length:
            return


def rewrite(
    text: str, transform: CellTransform, delimiter: str = ",", units: list[Unit] | None = None
) -> str:
    """`text` with each cell's value replaced by `transform(value, column label)` where it changed.

    Unchanged cells keep their raw text; a changed cell keeps its quoting, and is quoted when the new
    value needs it (it holds the delimiter, a quote or a line break). With `units`, each changed cell
    is appended as (start, end in the new text, original raw cell text) so it can be put back exactly.
    A transform with a `many(items)` method gets each row's cells in one call (one analysis per row).
    """
    labels: dict[int, str] = {}
    pieces: list[str] = []
    cursor = 0
    written = 0
    many = getattr(transform, "many", None)
    for _, row_cells in groupby(cells(text, delimiter), key=lambda cell: cell.row):
        row = [cell for cell in row_cells if cell.value]
        if not row:
            continue
        if row[0].row == 0:
            labels.update((cell.column, cell.value) for cell in row)
        items = [(cell.value, labels.get(cell.column) if cell.row > 0 else None) for cell in row]
        new_values = many(items) if many is not None else [transform(value, label) for value, label in items]
        for cell, new in zip(row, new_values, strict=True):
            if new == cell.value:
                continue
            pieces.append(text[cursor : cell.start])
            written += cell.start - cursor
            encoded = _encode(new, delimiter, cell.quoted)
            pieces.append(encoded)
            if units is not None:
                units.append((written, written + len(encoded), text[cell.start : cell.end]))
            written += len(encoded)
            cursor = cell.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _encode(value: str, delimiter: str, quoted: bool) -> str:
    if quoted or any(character in value for character in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value
