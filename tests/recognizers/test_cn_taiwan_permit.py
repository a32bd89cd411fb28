"""CN_TAIWAN_PERMIT: label-gated 台胞证 numbers (card and booklet forms) and L-series permits."""

from __future__ import annotations

from functools import partial

import pytest

from yinsi.testing import found_values, single_score

ENTITY = "CN_TAIWAN_PERMIT"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("台胞证号码：12345678", "12345678"),
        ("台胞证12345678已登记", "12345678"),  # CJK on both sides
        ("台湾居民来往大陆通行证 12345678(01)", "12345678(01)"),  # booklet with re-issue count
        ("台胞证：12345678（02）", "12345678（02）"),  # ideographic brackets
        ("台胞证号 0123456789(B)", "0123456789(B)"),  # old 10-digit form with check letter
        ("MTP No.: 87654321", "87654321"),
        ("mainland travel permit 87654321", "87654321"),
        ('{"tbz": "87654321", "name": "陈"}', "87654321"),
        ("台胞证：８７６５４３２１", "８７６５４３２１"),  # full-width
        ("台胞证：8765\u200b4321", "8765\u200b4321"),  # zero-width space inside
        ("大陆居民往来台湾通行证L12345678", "L12345678"),
        ("https://example.cn/visa?mtp=87654321&x=1", "87654321"),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "12345678",  # eight digits without a label
        "金额 12345678 元",
        "台胞证号码：123456789",  # inside a longer run
        "台胞证号码：1234567",
        "台胞证\n12345678",  # the label belongs to another line
        "订单号L12345678",  # business key
        "L123456789",
        "XL12345678",
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_scores() -> None:
    assert score("台胞证号码：12345678") >= 0.85
    bare = score("L12345678")
    assert 0.3 <= bare <= 0.5
    assert score("往来台湾通行证 L12345678") > bare
