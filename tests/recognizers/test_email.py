"""EMAIL: ASCII addr-spec next to Chinese text, full-width forms, JSON, URLs, invalid shapes."""

from __future__ import annotations

from functools import partial

import pytest

import yinsi
from yinsi.testing import found_values

ENTITY = "EMAIL"


found = partial(found_values, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("邮箱zhang.san@qq.com谢谢", "zhang.san@qq.com"),  # adjacent Chinese is not swallowed
        ("email: li_si+news@example.com.cn", "li_si+news@example.com.cn"),
        ("联系：wangwu2024@163.com。", "wangwu2024@163.com"),  # ideographic full stop
        ("发送至 a@b.io，抄送", "a@b.io"),
        ("请发邮件到user-name@mail.example.org!", "user-name@mail.example.org"),
        ("<zhao@example.com>", "zhao@example.com"),
        ("邮箱：ｚｈａｎｇ＠ｑｑ．ｃｏｍ", "ｚｈａｎｇ＠ｑｑ．ｃｏｍ"),  # full-width letters and symbols
        ("邮箱zhang\u200b@qq.com", "zhang\u200b@qq.com"),  # zero-width space
        ('{"email": "chen.wei@example.cn", "age": 30}', "chen.wei@example.cn"),
        ("https://example.cn/login?user=liu@example.com&next=/", "liu@example.com"),
        ("mailto:sun@example.com", "sun@example.com"),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "@username mentioned",
        "user@localhost",  # no top-level domain
        "版本 1.2@beta",
        "zhang@qq",
        "zhang@.com",
        "@qq.com",
        "邮箱：张三@例子.中国",  # internationalised addresses are out of scope
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_score_is_high_without_context() -> None:
    (finding,) = yinsi.analyze("zhang@example.com", entities=[ENTITY])
    assert finding.score >= 0.8
