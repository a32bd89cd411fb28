"""Helpers for patterns that start at an inner literal and take back the characters before it.

A regex that starts with a literal character (the first '.' of an IPv4 address, the first ':' of a MAC
address) is skipped ahead by the regex engine, which is an order of magnitude faster on digit-rich text
than a regex starting with a character class such as \\d or [0-9A-Fa-f]. Recognizers that use this trick
move the start of each candidate back in `trim` and check its neighbours themselves, after trimming.
"""

from __future__ import annotations

DIGITS = frozenset("0123456789")
HEX = frozenset("0123456789abcdefABCDEF")
ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def take_back(text: str, start: int, characters: frozenset[str], limit: int) -> int:
    """`start` moved back over at most `limit` characters from `characters`."""
    first = start
    while first > 0 and start - first < limit and text[first - 1] in characters:
        first -= 1
    return first


def touches(text: str, start: int, end: int, characters: frozenset[str]) -> bool:
    """True when the character just before `start` or just after `end` is one of `characters`."""
    return (start > 0 and text[start - 1] in characters) or (end < len(text) and text[end] in characters)
