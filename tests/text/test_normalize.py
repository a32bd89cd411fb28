from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from yinsi.text.normalize import normalize


def test_full_width_digits_and_letters_become_ascii() -> None:
    assert normalize("１３８００１３８０００").text == "13800138000"
    assert normalize("ｚｈａｎｇ＠ｑｑ．ｃｏｍ").text == "zhang@qq.com"


def test_ideographic_space_and_dashes_become_separators() -> None:
    assert normalize("138\u30000013\u20148000").text == "138 0013-8000"


def test_common_chinese_punctuation_is_left_alone() -> None:
    text = "电话（010）12345678，谢谢。"
    assert normalize(text).text == text


def test_full_width_colon_becomes_ascii_for_mac_ipv6_and_urls() -> None:
    assert normalize("ｈｔｔｐｓ：／／ａ．ｃｎ 00：1A").text == "https://a.cn 00:1A"


def test_zero_width_characters_are_removed_and_offsets_map_back() -> None:
    original = "手机1\u200b38\u200d00138000号"
    normalized = normalize(original)
    assert normalized.text == "手机13800138000号"
    start = normalized.text.index("138")
    end = start + 11
    assert normalized.span_to_original(start, end) == (2, 15)
    assert original[2:15].replace("\u200b", "").replace("\u200d", "") == "13800138000"


@given(st.text(alphabet=st.sampled_from(list("1２a\u200b\u200c 中－\ufeff@．")), max_size=40))
def test_every_normalised_character_maps_to_its_original(text: str) -> None:
    normalized = normalize(text)
    for index, character in enumerate(normalized.text):
        original_character = text[normalized.to_original(index)]
        assert normalize(original_character).text == character
