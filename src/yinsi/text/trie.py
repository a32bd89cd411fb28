"""Regex alternations of literal words, factored by common prefixes so they stay fast when long."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of literal `words` factored by common prefixes (`card|cardno` -> `card(?:no)?`).

    Python's `re` tries the branches of a flat alternation one by one at every position whose character
    starts some word; with hundreds or thousands of words (hotwords, place names) that is slow. After
    factoring, a position costs one branch per distinct character and is usually rejected after one or
    two characters. Empty words are ignored.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends_here = "" in node
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body
