"""JSON Lines values with their exact place in a line, so a rewrite changes single string or number
values and leaves keys, spacing, key order and escapes of everything else as they were.

A line that is not valid JSON is handled as plain text by the caller.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

# value, key it belongs to (or None inside arrays at the top) → new value
ValueTransform = Callable[[str, str | None], str]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?')
_KEY_END = re.compile(r"\s*:")


def is_json(line: str) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):  # nested too deeply to parse: rewritten as text instead
        return False
    return True


def rewrite_line(
    line: str, transform: ValueTransform, units: list[tuple[int, int, str]] | None = None
) -> str:
    """One JSON document (a JSONL line without its line ending) with its values transformed.

    Strings are re-encoded only when changed, keeping \\u escapes when the original used them. A number
    whose replacement is no longer a number becomes a string (`13800138000` → `"138****8000"`).
    With `units`, each changed token is appended as (start, end in the new line, original token).
    A transform with a `many(items)` method gets all values of the line in one call.
    """
    tokens: list[tuple[re.Match[str], bool, str, str | None]] = []
    key: str | None = None
    for match in _TOKEN.finditer(line):
        token = match.group()
        is_string = token.startswith('"')
        if is_string and _KEY_END.match(line, match.end()):
            key = json.loads(token)
            continue
        tokens.append((match, is_string, json.loads(token) if is_string else token, key))
    many = getattr(transform, "many", None)
    items = [(value, label) for _, _, value, label in tokens]
    new_values = many(items) if many is not None else [transform(value, label) for value, label in items]
    pieces: list[str] = []
    cursor = 0
    written = 0
    for (match, is_string, value, _), new in zip(tokens, new_values, strict=True):
        if new == value:
            continue
        token = match.group()
        pieces.append(line[cursor : match.start()])
        written += match.start() - cursor
        encoded = new if not is_string and _is_number(new) else json.dumps(new, ensure_ascii="\\u" in token)
        pieces.append(encoded)
        if units is not None:
            units.append((written, written + len(encoded), token))
        written += len(encoded)
        cursor = match.end()
    pieces.append(line[cursor:])
    return "".join(pieces)


def _is_number(text: str) -> bool:
    return bool(_TOKEN.fullmatch(text)) and not text.startswith('"')
