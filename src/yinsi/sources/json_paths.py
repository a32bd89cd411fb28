"""Follow the structure of a JSON (or JSON Lines) text as it streams past, to name where a value sits.

The tracker reads the text once, in order, in pieces of any size, and can say at any position which
keys lead there: `customers[].contact.mobile` (array indices are written `[]` so that an inventory
counts one field, not one per record). It is a tolerant tokenizer, not a validator (RFC 8259 §2 to §7
structure only): numbers, literals and whitespace are skipped, and malformed text only makes names
less precise. Keys longer than 64 characters are cut, since they are not field names, and an escape
keeps the escaped character only (`\\"` → `"`, `\\u4e2d` → `u4e2d`): keys are names, not data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_KEY_CHARS = 64
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,"]')
_IN_STRING = re.compile(r'["\\]')
_ESCAPE = re.compile(r"\\(.)")


@dataclass(slots=True)
class _Level:
    """One open object (`key` is its current key) or array (`key` is None, `array` True)."""

    array: bool
    key: str | None = None
    expecting_key: bool = True


@dataclass(slots=True)
class JsonPathTracker:
    """Consumes text with `feed` and tells the path at the current position with `path`."""

    _stack: list[_Level] = field(default_factory=list)
    _in_string: bool = False
    _escaped: bool = False
    _string_is_key: bool = False
    _key: list[str] = field(default_factory=list)
    _key_length: int = 0

    def feed(self, text: str) -> None:
        """Advance over `text`, the next piece of the document."""
        index = 0
        length = len(text)
        while index < length:
            if self._in_string:
                index = self._string(text, index)
                continue
            # Fast path: whole strings and punctuation in one C-level scan; only a string cut off by
            # the end of the piece (or holding a raw newline) drops to the character-level path.
            for match in _TOKEN.finditer(text, index):
                token = match.group()
                if len(token) > 1:
                    self._whole_string(token)
                    continue
                self._structural(token)
                if token == '"':
                    index = match.end()
                    break
            else:
                return

    def _whole_string(self, token: str) -> None:
        top = self._stack[-1] if self._stack else None
        if top is not None and not top.array and top.expecting_key:
            body = token[1:-1]
            top.key = (_ESCAPE.sub(r"\1", body) if "\\" in body else body)[:MAX_KEY_CHARS]

    def path(self, keys: list[str] | None = None) -> list[str]:
        """The components leading to the current position: object keys, and "[]" for array items."""
        parts = [] if keys is None else keys
        for level in self._stack:
            if level.array:
                parts.append("[]")
            elif level.key is not None and not level.expecting_key:
                parts.append(level.key)
        return parts

    def _string(self, text: str, index: int) -> int:
        if self._escaped:
            self._escaped = False
            self._capture(text[index])
            return index + 1
        match = _IN_STRING.search(text, index)
        end = match.start() if match is not None else len(text)
        if self._string_is_key and end > index:
            self._capture(text[index:end])
        if match is None:
            return len(text)
        if match.group() == "\\":
            self._escaped = True
            return match.end()
        self._in_string = False
        if self._string_is_key and self._stack:
            level = self._stack[-1]
            level.key = "".join(self._key)
        return match.end()

    def _capture(self, piece: str) -> None:
        if self._string_is_key and self._key_length < MAX_KEY_CHARS:
            piece = piece[: MAX_KEY_CHARS - self._key_length]
            self._key.append(piece)
            self._key_length += len(piece)

    def _structural(self, char: str) -> None:
        top = self._stack[-1] if self._stack else None
        if char == '"':
            self._in_string = True
            self._string_is_key = top is not None and not top.array and top.expecting_key
            self._key = []
            self._key_length = 0
        elif char == "{":
            self._stack.append(_Level(array=False))
        elif char == "[":
            self._stack.append(_Level(array=True))
        elif char in "}]":
            if self._stack:
                self._stack.pop()
        elif char == ":":
            if top is not None and not top.array:
                top.expecting_key = False
        elif char == "," and top is not None and not top.array:
            top.expecting_key = True
            top.key = None
