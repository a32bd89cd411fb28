"""Character features for the name/address tagger: the same function serves training and tagging.

Chinese has no spaces, so the tagger labels characters. Each character gets its neighbours (±2),
the bigrams around it, and lexicon flags: surname, position inside a GB/T 2260 division name, a title
right after (张先生), a form label right before (收件人：), an address label before. Digits and Latin
letters are reduced to their shape so that 1037号 and 88号 look alike. Columns are built with list
comprehensions over the whole text rather than per character, which keeps extraction near C speed.
"""

from __future__ import annotations

import re
from functools import cache

from yinsi.ner.lexicon import (
    ADDRESS_LABELS,
    COMPOUND_SURNAMES,
    PERSON_LABELS,
    SINGLE_SURNAMES,
    TITLES,
    divisions,
    trie_regex,
)


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


class Lexicon:
    """Compiled matchers over the word lists; built once per process (see `lexicon()`)."""

    __slots__ = ("address_labels", "compound_surnames", "divisions", "person_labels", "titles")

    def __init__(self) -> None:
        self.divisions = re.compile(trie_regex(divisions()))
        # Overlapping starts matter (欧阳阳 has one at 0 only), so a lookahead finds every position.
        self.compound_surnames = re.compile(f"(?=(?:{trie_regex(COMPOUND_SURNAMES)}))")
        self.titles = re.compile(trie_regex(TITLES))
        self.person_labels = re.compile(trie_regex(PERSON_LABELS), re.IGNORECASE)
        self.address_labels = re.compile(trie_regex(ADDRESS_LABELS), re.IGNORECASE)


@cache
def lexicon() -> Lexicon:
    """The compiled lexicon, built on first use and shared (it is immutable)."""
    return Lexicon()


def features(text: str) -> list[tuple[str, ...]]:
    """One list of feature strings per character of `text`."""
    n = len(text)
    if n == 0:
        return []
    lex = lexicon()
    chars = list(text.translate(_SHAPE))
    padded = ["<", "<", *chars, ">", ">"]
    left2 = padded[0:n]
    left1 = padded[1 : n + 1]
    right1 = padded[3 : n + 3]
    right2 = padded[4 : n + 4]
    columns = [
        ["c" + c for c in chars],
        ["l" + c for c in left1],
        ["L" + c for c in left2],
        ["r" + c for c in right1],
        ["R" + c for c in right2],
        ["b" + a + b for a, b in zip(left1, chars, strict=True)],
        ["B" + a + b for a, b in zip(chars, right1, strict=True)],
        ["t" + a + b + c for a, b, c in zip(left1, chars, right1, strict=True)],
        _surname_column(lex, text, chars),
        _span_column(lex.divisions, text, "g"),
        _title_column(lex.titles, text),
        _label_column(lex.person_labels, text, "k"),
        _label_column(lex.address_labels, text, "a"),
    ]
    # Rows as tuples: crfsuite accepts any sequence of strings, and tuples cost less to build.
    return list(zip(*columns, strict=True))


def _surname_column(lex: Lexicon, text: str, chars: list[str]) -> list[str]:
    column = ["s1" if c in SINGLE_SURNAMES else "s-" for c in chars]
    for match in lex.compound_surnames.finditer(text):
        column[match.start()] = "s2"
    return column


def _span_column(regex: re.Pattern[str], text: str, prefix: str) -> list[str]:
    """B/I/E/S position of each character inside the longest lexicon matches (- outside)."""
    column = [prefix + "-"] * len(text)
    for match in regex.finditer(text):
        start, end = match.span()
        if end - start == 1:
            column[start] = prefix + "S"
            continue
        column[start] = prefix + "B"
        for index in range(start + 1, end - 1):
            column[index] = prefix + "I"
        column[end - 1] = prefix + "E"
    return column


def _title_column(regex: re.Pattern[str], text: str) -> list[str]:
    """For the 1-3 characters before a title word: their distance to it (t1 = right before)."""
    column = ["T-"] * len(text)
    for match in regex.finditer(text):
        start = match.start()
        for distance in (3, 2, 1):
            if start - distance >= 0:
                column[start - distance] = f"T{distance}"
    return column


def _label_column(regex: re.Pattern[str], text: str, prefix: str) -> list[str]:
    """For the 1-4 characters after a label (and its separators): their distance from it."""
    column = [prefix + "-"] * len(text)
    n = len(text)
    for match in regex.finditer(text):
        index = match.end()
        while index < n and text[index] in _SEPARATORS:
            index += 1
        for distance in range(1, 5):
            if index >= n:
                break
            column[index] = f"{prefix}{distance}"
            index += 1
    return column
