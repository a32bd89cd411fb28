"""Character features for the name/address tagger: the same function serves training and tagging.

Chinese has no spaces, so the tagger labels characters. Each character gets its neighbours (±2),
the bigrams around it, and lexicon flags: surname, position inside a GB/T 2260 division name, a title
right after (张先生), a form label right before (收件人：), an address label before. Digits and Latin
letters are reduced to their shape so that 1037号 and 88号 look alike. Columns are built over the
whole text at once (comprehensions, `map` and `join` over zipped columns, regexes tried only where a
word can start) rather than per character, which keeps extraction near C speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import repeat
from typing import Any

from yinsi.ner.lexicon import (
    ADDRESS_LABELS,
    COMPOUND_SURNAMES,
    PERSON_LABELS,
    SINGLE_SURNAMES,
    TITLES,
    divisions,
)
from yinsi.text.prefilter import Prefiltered, StartsOf, word_starts
from yinsi.text.trie import trie_regex


# Full-width ASCII to ASCII (one character for one), then digits and letters to their shape.
def _shape(char: str) -> str:
    if "0" <= char <= "9":
        return "0"
    if "A" <= char <= "Z":
        return "A"
    if "a" <= char <= "z":
        return "a"
    return char


# Full-width ASCII is read as ASCII (one character for one), then digits and letters become their shape.
_SHAPE = str.maketrans(
    {
        **{chr(code): _shape(chr(code)) for code in range(0x30, 0x7B) if _shape(chr(code)) != chr(code)},
        **{chr(code): _shape(chr(code - 0xFEE0)) for code in range(0xFF01, 0xFF5F)},
        "\u3000": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
    }
)
# Separators allowed between a label and its value: 收件人：张三, "name": "张三", 姓名 = 张三.
_SEPARATORS = " :：=\"'“”‘’\t,，「」【】[]()（）"


class LongestWords:
    """Leftmost-longest, non-overlapping matches of a word list: the spans `trie_regex(words)` finds.

    With thousands of place names a trie regex is slow on real text: Python's `re` tries the 940
    first characters of the division names one after another at every position where one of them
    stands. Here a character-class regex finds where a word can start (its first two characters
    fit) and a dict of word lengths for that pair finishes, longest first.
    """

    __slots__ = ("_candidates", "_lengths", "_single", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(word for word in words if word)
        self._single = frozenset(word for word in self._words if len(word) == 1)
        lengths: dict[str, set[int]] = {}
        for word in self._words:
            if len(word) > 1:
                lengths.setdefault(word[:2], set()).add(len(word))
        self._lengths = {pair: tuple(sorted(found, reverse=True)) for pair, found in lengths.items()}
        firsts, seconds = _char_class(pair[0] for pair in lengths), _char_class(pair[1] for pair in lengths)
        # One character consumed per candidate, the rest a lookahead: finditer still stops at every
        # position that fits, and a pattern led by a character class lets `re` skip to the next one.
        alternatives = [f"[{firsts}](?=[{seconds}])"] if lengths else []
        if self._single:
            alternatives.append(f"[{_char_class(self._single)}]")
        self._candidates = re.compile("|".join(alternatives) if alternatives else "(?!)")

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, left to right."""
        words, lengths, single = self._words, self._lengths, self._single
        n = len(text)
        end = 0
        for candidate in self._candidates.finditer(text):
            start = candidate.start()
            if start < end:
                continue
            for length in lengths.get(text[start : start + 2], ()):
                if start + length <= n and text[start : start + length] in words:
                    end = start + length
                    yield start, end
                    break
            else:
                if text[start] in single:
                    end = start + 1
                    yield start, end


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(char) for char in sorted(set(chars)))


class Lexicon:
    """Compiled matchers over the word lists; built once per process (see `lexicon()`)."""

    __slots__ = ("address_labels", "compound_surnames", "divisions", "person_labels", "titles")

    def __init__(self) -> None:
        self.divisions = LongestWords(divisions())
        # Every position where a compound surname starts, overlapping ones too (欧阳阳 has one at 0 only).
        self.compound_surnames = StartsOf(COMPOUND_SURNAMES)
        self.titles = re.compile(trie_regex(TITLES))
        # Latin labels make these IGNORECASE alternations run in full at every position; a class of
        # their first characters finds where to try them.
        self.person_labels = _labels(PERSON_LABELS)
        self.address_labels = _labels(ADDRESS_LABELS)


def _labels(words: tuple[str, ...]) -> Prefiltered:
    return Prefiltered(
        re.compile(trie_regex(words), re.IGNORECASE), word_starts(words, re.IGNORECASE)
    )


@cache
def lexicon() -> Lexicon:
    """The compiled lexicon, built on first use and shared (it is immutable)."""
    return Lexicon()


def features(text: str) -> list[tuple[str, ...]]:
    """One tuple of feature strings per character of `text` (what training appends to the trainer)."""
    return _rows(text, list(text.translate(_SHAPE)), _STR, _STR_PREFIXES)


def encoded_features(text: str) -> list[tuple[bytes, ...]]:
    """`features(text)` as UTF-8 bytes, what the tagger passes to crfsuite.

    crfsuite keys its attributes by UTF-8 strings; handing it bytes spares python-crfsuite one
    `str.encode` per attribute (13 per character), about a fifth of the tagging time. The bytes are
    exactly `features(text)` encoded, so the model trained on `features` reads them unchanged.
    """
    return _rows(text, list(map(_UTF8.__getitem__, text.translate(_SHAPE))), _BYTES, _BYTES_PREFIXES)


class _Utf8(dict[str, bytes]):
    """Character -> its UTF-8 bytes, filled on first sight (a text reuses few distinct characters).

    Emptied when it outgrows the CJK blocks, so text cycling through all of Unicode cannot grow it
    without bound.
    """

    def __missing__(self, char: str) -> bytes:
        if len(self) >= 100_000:
            self.clear()
        encoded = self[char] = char.encode("utf-8")
        return encoded


_UTF8 = _Utf8()
# The lexicon columns' values, as str for training and as bytes for tagging (see `encoded_features`).
_VOCABULARY = (
    *"<>clLrRbBt",
    *("s1", "s2", "s-", "gB", "gI", "gE", "gS", "g-", "T1", "T2", "T3", "T-"),
    *(f"{prefix}{distance}" for prefix in "ka" for distance in (1, 2, 3, 4, "-")),
)
_STR: dict[str, str] = {token: token for token in _VOCABULARY}
_BYTES: dict[str, bytes] = {token: token.encode("ascii") for token in _VOCABULARY}
# The prefixes of the character n-gram attributes, in the order `_rows` uses them.
_NGRAMS = "clLrRbBt"
# Surname character -> its s1 value, per vocabulary (keyed by the type of its values, str or bytes).
_SURNAMES: dict[type, dict[str, Any]] = {
    type(v["s1"]): {char: v["s1"] for char in SINGLE_SURNAMES} for v in (_STR, _BYTES)
}
_STR_PREFIXES = tuple(_STR[prefix] for prefix in _NGRAMS)
_BYTES_PREFIXES = tuple(_BYTES[prefix] for prefix in _NGRAMS)


def _rows(
    text: str, chars: list[Any], vocabulary: dict[str, Any], prefixes: tuple[Any, ...]
) -> list[tuple[Any, ...]]:
    """The feature rows of `text` whose shaped characters are `chars` (str or bytes, like `vocabulary`)."""
    n = len(text)
    if n == 0:
        return []
    lex = lexicon()
    v = vocabulary
    start, end = v["<"], v[">"]
    padded = [start, start, *chars, end, end]
    left2 = padded[0:n]
    left1 = padded[1 : n + 1]
    right1 = padded[3 : n + 3]
    right2 = padded[4 : n + 4]
    c, l, L, r, R, b, B, t = prefixes  # noqa: E741 - the attribute prefixes
    # Bigrams and trigrams are joined in C (`join` over zipped tuples): about half the time of a
    # comprehension that concatenates in bytecode.
    join = start[:0].join
    columns = [
        [c + x for x in chars],
        [l + x for x in left1],
        [L + x for x in left2],
        [r + x for x in right1],
        [R + x for x in right2],
        list(map(join, zip(repeat(b), left1, chars))),
        list(map(join, zip(repeat(B), chars, right1))),
        list(map(join, zip(repeat(t), left1, chars, right1))),
        _surname_column(lex, text, v),
        _span_column(lex.divisions, text, "g", v),
        _title_column(lex.titles, text, v),
        _label_column(lex.person_labels, text, "k", v),
        _label_column(lex.address_labels, text, "a", v),
    ]
    # Rows as tuples: crfsuite accepts any sequence of strings, and tuples cost less to build.
    return list(zip(*columns, strict=True))


def _surname_column(lex: Lexicon, text: str, v: dict[str, Any]) -> list[Any]:
    # One dict lookup per character, run by map in C: surname character -> s1, anything else -> s-.
    column = list(map(_SURNAMES[type(v["s1"])].get, text, repeat(v["s-"])))
    compound = v["s2"]
    for start in lex.compound_surnames.positions(text):
        column[start] = compound
    return column


def _span_column(words: LongestWords, text: str, prefix: str, v: dict[str, Any]) -> list[Any]:
    """B/I/E/S position of each character inside the longest lexicon matches (- outside)."""
    first, inside, last, single = (v[prefix + position] for position in "BIES")
    column = [v[prefix + "-"]] * len(text)
    for start, end in words.spans(text):
        if end - start == 1:
            column[start] = single
            continue
        column[start] = first
        column[start + 1 : end - 1] = [inside] * (end - start - 2)
        column[end - 1] = last
    return column


def _title_column(regex: re.Pattern[str], text: str, v: dict[str, Any]) -> list[Any]:
    """For the 1-3 characters before a title word: their distance to it (t1 = right before)."""
    column = [v["T-"]] * len(text)
    distances = [(distance, v[f"T{distance}"]) for distance in (3, 2, 1)]
    for match in regex.finditer(text):
        start = match.start()
        for distance, value in distances:
            if start - distance >= 0:
                column[start - distance] = value
    return column


def _label_column(regex: Prefiltered, text: str, prefix: str, v: dict[str, Any]) -> list[Any]:
    """For the 1-4 characters after a label (and its separators): their distance from it."""
    column = [v[prefix + "-"]] * len(text)
    values = [v[f"{prefix}{distance}"] for distance in range(1, 5)]
    n = len(text)
    for match in regex.finditer(text):
        index = match.end()
        while index < n and text[index] in _SEPARATORS:
            index += 1
        for value in values:
            if index >= n:
                break
            column[index] = value
            index += 1
    return column
