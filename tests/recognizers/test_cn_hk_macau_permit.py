"""CN_HK_MACAU_PERMIT: 往来港澳通行证 (C/W series) and 回乡证 (H/M series) numbers."""

from __future__ import annotations

from functools import partial

import pytest

from yinsi.testing import found_values, single_score

ENTITY = "CN_HK_MACAU_PERMIT"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("往来港澳通行证：C12345678", "C12345678"),
        ("港澳通行证号CA1234567已过期", "CA1234567"),  # CJK on both sides, letter form
        ("回乡证 H12345678", "H12345678"),
        ("回乡证号码M1234567801", "M1234567801"),  # booklet form with re-issue count
        ("旧版通行证W12345678", "W12345678"),
        ("港澳通行证：Ｃ１２３４５６７８，", "Ｃ１２３４５６７８"),  # full-width
        ("通行证C1234\u200c5678", "C1234\u200c5678"),  # zero-width non-joiner inside
        ('{"gatxz": "C87654321"}', "C87654321"),
        ("https://example.cn/booking?permit=H87654321&lang=zh", "H87654321"),
        ("Home Return Permit: M87654321", "M87654321"),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "W12345678",  # booklet shape without a label
        "C123456789",  # nine digits: inside a longer run
        "C1234567",
        "H123456789",  # neither 8 nor 10 digits
        "CI1234567",  # I and O are not series letters
        "CO1234567",
        "XC12345678",  # glued to letters
        "零件号H1234567",
        "c12345678",
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_label_raises_and_business_key_lowers_the_score() -> None:
    bare = score("C12345678")
    assert 0.3 <= bare <= 0.6  # no check digit: only moderately likely on its own
    assert score("往来港澳通行证 C12345678") >= 0.85
    assert found("工单号 C12345678") == []  # a business key, not a document
    assert score("通行证编号 C12345678") == pytest.approx(bare)  # label and 编号 cancel out
