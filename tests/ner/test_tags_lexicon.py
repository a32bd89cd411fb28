"""BIO conversion, lexicon data and feature extraction."""

from __future__ import annotations

import re

import pytest

from yinsi.ner.features import LongestWords, encoded_features, features
from yinsi.ner.lexicon import COMPOUND_SURNAMES, SINGLE_SURNAMES, divisions
from yinsi.ner.tags import bio_tags, spans_from_tags
from yinsi.text.trie import trie_regex


@pytest.mark.parametrize(
    ("spans", "length"),
    [
        ([], 3),
        ([(0, 2, "PER")], 2),
        ([(1, 3, "PER"), (3, 5, "LOC"), (7, 10, "ADR")], 10),
        ([(0, 1, "ORG"), (1, 2, "ORG")], 2),
    ],
)
def test_bio_round_trip(spans: list[tuple[int, int, str]], length: int) -> None:
    assert spans_from_tags(bio_tags(length, spans)) == spans


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["I-PER", "I-PER", "O"], [(0, 2, "PER")]),
        (["B-PER", "O", "I-PER", "I-PER"], [(0, 1, "PER"), (2, 4, "PER")]),
        (["B-LOC", "I-ORG"], [(0, 1, "LOC"), (1, 2, "ORG")]),
    ],
)
def test_lenient_decoding(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert spans_from_tags(tags) == spans


@pytest.mark.parametrize("surname", ["王", "李", "张", "欧", "肖", "闫"])
def test_single_surnames(surname: str) -> None:
    assert surname in SINGLE_SURNAMES


@pytest.mark.parametrize("surname", ["欧阳", "上官", "司马", "诸葛", "慕容", "尉迟"])
def test_compound_surnames(surname: str) -> None:
    assert surname in COMPOUND_SURNAMES


@pytest.mark.parametrize(
    "name", ["湖北省", "武汉市", "武汉", "洪山区", "洪山", "南山区", "浦东新区", "浦东", "新疆"]
)
def test_divisions_include_full_and_short_names(name: str) -> None:
    assert name in divisions()


@pytest.mark.parametrize("not_a_place", ["市辖区", "县", "区"])
def test_divisions_exclude_groupings(not_a_place: str) -> None:
    assert not_a_place not in divisions()


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["武汉", "武汉市", "湖北省"], "湖北省武汉市洪山区", ["湖北省", "武汉市"]),
        (["ab", "abc", "b"], "abcab", ["abc", "ab"]),
        (["a.b"], "a.b axb", ["a.b"]),
    ],
)
def test_trie_regex_matches_longest(words: list[str], text: str, found: list[str]) -> None:
    assert re.findall(trie_regex(words), text) == found


def test_features_one_list_per_character() -> None:
    text = "收件人：张伟先生，地址：湖北省武汉市"
    rows = features(text)
    assert len(rows) == len(text)
    assert len({len(row) for row in rows}) == 1
    assert features("") == []


def test_features_mark_lexicon_evidence() -> None:
    text = "收件人：张伟先生"
    rows = features(text)
    assert "s1" in rows[4]  # 张 is a surname
    assert "k1" in rows[4]  # first character after a person label
    assert "T2" in rows[4]  # two characters before a title
    assert "gB" in features("湖北省")[0]


def test_features_reduce_digits_and_letters_to_shape() -> None:
    assert features("88号")[0][0] == features("12号")[0][0] == "c0"
    assert features("Ｊｏｈｎ")[0][0] == "cA"


@pytest.mark.parametrize(
    "text",
    ["收件人：张伟先生，地址：湖北省武汉市", "Ｊｏｈｎ\t88号\u3000", '{"name": "李娜"}', "𠀋𠀋x", "a"],
)
def test_encoded_features_are_the_features_in_utf8(text: str) -> None:
    """The tagger reads bytes, training writes str: both must be the same attributes."""
    expected = [tuple(attribute.encode("utf-8") for attribute in row) for row in features(text)]
    assert encoded_features(text) == expected


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (["武汉", "武汉市", "湖北省"], "湖北省武汉市洪山区"),
        (["ab", "abc", "b"], "abcab"),
        (["a.b"], "a.b axb"),
        (["a", "ab]", "]x"], "ab]x a]x"),
        (["江南", "江南区"], "桌面吧江南"),  # a longer word cut off by the end of the text
        ([], "任何文本"),
    ],
)
def test_longest_words_match_the_trie_regex(words: list[str], text: str) -> None:
    expected = [m.span() for m in re.finditer(trie_regex(words), text)] if words else []
    assert list(LongestWords(words).spans(text)) == expected


def test_longest_words_match_the_trie_regex_on_division_names() -> None:
    names = divisions()
    regex = re.compile(trie_regex(names))
    matcher = LongestWords(names)
    for text in (
        "湖北省武汉市洪山区珞喻路1037号，北京市朝阳区，上海浦东新区张江镇",
        "他从江南来到北京，又去了内蒙古自治区呼和浩特市和新疆维吾尔自治区。",
        "收件人：张伟，地址：广东省深圳市南山区科技园南区",
    ):
        for cut in range(len(text)):
            assert list(matcher.spans(text[cut:])) == [m.span() for m in regex.finditer(text[cut:])]
