"""Prefiltered regex scans give exactly the matches of the full scan."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yinsi.ner import rules
from yinsi.ner.lexicon import ADDRESS_LABELS, COMPOUND_SURNAMES, PERSON_LABELS
from yinsi.text.prefilter import Prefiltered, StartsOf, matches_at, word_starts
from yinsi.text.trie import trie_regex

# Characters that make the scans interesting: label and title pieces, case-folding oddities
# (ſ folds to s, K is the Kelvin sign), separators and a few Chinese characters.
_ALPHABET = "namecoNAMEustrfxlsſKk_ :：=\"'收件人联系地址姓名欧阳先生女士老师傅王张李司马"
_TEXTS = st.text(alphabet=_ALPHABET, max_size=40)


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


@pytest.mark.parametrize("words", [PERSON_LABELS, ADDRESS_LABELS, ("name", "consignee", "contact")])
@given(text=_TEXTS)
def test_prefiltered_labels_equal_the_full_scan(words: tuple[str, ...], text: str) -> None:
    pattern = re.compile(trie_regex(words), re.IGNORECASE)
    prefiltered = Prefiltered(pattern, word_starts(words, re.IGNORECASE))
    assert _spans(prefiltered.finditer(text)) == _spans(pattern.finditer(text))


@given(text=_TEXTS)
def test_lookbehind_sees_the_text_before_a_start(text: str) -> None:
    pattern = re.compile(r"(?<![A-Za-z_])(?:name|contact)", re.IGNORECASE)
    prefiltered = Prefiltered(pattern, word_starts(("name", "contact"), re.IGNORECASE))
    assert _spans(prefiltered.finditer(text)) == _spans(pattern.finditer(text))


@given(text=_TEXTS)
def test_starts_of_finds_overlapping_starts(text: str) -> None:
    lookahead = re.compile(f"(?=(?:{trie_regex(COMPOUND_SURNAMES)}))")
    assert list(StartsOf(COMPOUND_SURNAMES).positions(text)) == [m.start() for m in lookahead.finditer(text)]


def test_starts_of_needs_two_characters() -> None:
    with pytest.raises(ValueError, match="two characters"):
        StartsOf(["a", "bc"])


def test_word_starts_with_one_character_words_and_none() -> None:
    assert word_starts(["a", "bc"]).findall("xaxbc") == ["a", "b"]
    assert word_starts([]).search("anything") is None


def test_matches_at_skips_starts_inside_a_match() -> None:
    pattern = re.compile("ab|b")
    assert _spans(matches_at(pattern, "abab", [0, 1, 2, 3])) == [(0, 2), (2, 4)]


@given(text=_TEXTS)
def test_titled_surnames_equal_the_full_scan(text: str) -> None:
    pattern = rules._compiled().titled_surname
    assert [(s.start, s.end) for s in rules.titled_surnames(text)] == _spans(pattern.finditer(text))


@given(text=_TEXTS)
def test_labelled_people_equal_the_full_scan(text: str) -> None:
    pattern = rules._compiled().person_label.pattern
    expected = [m.span("value") for m in pattern.finditer(text)]
    spaced = [m.span("value") for m in rules._compiled().person_label_spaced.finditer(text)]
    assert [(s.start, s.end) for s in rules.labelled_people(text)] == expected + spaced
