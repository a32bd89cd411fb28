"""CN_MOBILE: MIIT number ranges, +86/0086 prefixes, separators, digit runs, context scoring."""

from __future__ import annotations

from functools import partial

import pytest

from yinsi.recognizers.cn_mobile import is_valid_cn_mobile
from yinsi.testing import found_values, single_score

ENTITY = "CN_MOBILE"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手机：13800138000", "13800138000"),
        ("请拨打13800138000联系张三", "13800138000"),  # CJK on both sides
        ("联系电话138 0013 8000，请尽快", "138 0013 8000"),
        ("138-0013-8000", "138-0013-8000"),
        ("+86-138-0013-8000", "+86-138-0013-8000"),
        ("+86 138 0013 8000", "+86 138 0013 8000"),
        ("(+86)13800138000", "(+86)13800138000"),
        ("call me at 0086 13912345678", "0086 13912345678"),
        ("电话：+8613800138000", "+8613800138000"),  # prefix glued to the number
        ("tel 008613912345678", "008613912345678"),
        ("手机＋８６１３８００１３８０００", "＋８６１３８００１３８０００"),  # full-width prefix and digits
        ("虚拟运营商17012345678", "17012345678"),
        ("16212345678", "16212345678"),
        ("19912345678", "19912345678"),
        ("手机号１３８００１３８０００。", "１３８００１３８０００"),  # full-width digits
        ("手机138\u200b0013\u200c8000", "138\u200b0013\u200c8000"),  # zero-width characters
        ("电话138\u30000013\u30008000", "138\u30000013\u30008000"),  # ideographic spaces
        ("138—0013—8000", "138—0013—8000"),  # em dashes
        ('{"phone": "15912345678", "name": "李四"}', "15912345678"),
        ("https://example.cn/u?mobile=13800138000&ref=sms", "13800138000"),
        ("a13800138000", "13800138000"),  # the boundary is digits only
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "12345678901",  # 12x is not a mobile range
        "14012345678",  # unallocated
        "10012345678",
        "ts=1380013800012",  # inside a 13-digit timestamp
        "订单号 213800138000",  # inside a longer digit run
        "138001380001",
        "1380013800",  # ten digits
        "138 0013 800",
        "流水 128613800138000",  # "86" inside a longer run is not a country prefix
        "+86138001380001",  # prefixed, but the number runs on
        "traceId=4f13800138000a2b",  # inside a hex id: letters on both sides
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_scores() -> None:
    bare = score("13800138000")
    assert score("手机号 13800138000") > bare
    assert score("订单号 13800138000") < bare


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("13800138000", True),
        ("+8613800138000", True),
        ("008613800138000", True),
        ("8613800138000", True),
        ("23800138000", False),
    ],
)
def test_validator(value: str, valid: bool) -> None:
    assert is_valid_cn_mobile(value) is valid
