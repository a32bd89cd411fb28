"""URL: http/https/ftp and www. URLs, ASCII-only boundaries, trailing punctuation, containment."""

from __future__ import annotations

from functools import partial

import pytest

import yinsi
from yinsi.recognizers.url import is_valid_url, trim_trailing
from yinsi.testing import found_values

ENTITY = "URL"


found = partial(found_values, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("访问https://example.com/path?a=1了解详情", "https://example.com/path?a=1"),
        ("官网：www.example.com.cn。", "www.example.com.cn"),  # ideographic full stop not swallowed
        ("见 http://example.com/a，谢谢", "http://example.com/a"),
        ("see http://example.com/a.", "http://example.com/a"),  # sentence full stop
        ("(see https://en.wikipedia.org/wiki/Foo_(bar))", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("(see https://example.com/x)", "https://example.com/x"),
        ("ftp://files.example.org/pub/readme.txt", "ftp://files.example.org/pub/readme.txt"),
        ("HTTPS://EXAMPLE.COM/", "HTTPS://EXAMPLE.COM/"),
        ("http://localhost:8080/health", "http://localhost:8080/health"),
        ("http://192.168.1.1:8080/login", "http://192.168.1.1:8080/login"),
        ("http://[2001:db8::1]:8080/", "http://[2001:db8::1]:8080/"),
        ("https://example.com/s?q=%E4%BD%A0%E5%A5%BD", "https://example.com/s?q=%E4%BD%A0%E5%A5%BD"),
        ("ｈｔｔｐｓ://ｅｘａｍｐｌｅ．ｃｏｍ", "ｈｔｔｐｓ://ｅｘａｍｐｌｅ．ｃｏｍ"),  # full-width letters
        ("https://exa\u200bmple.com/", "https://exa\u200bmple.com/"),  # zero-width space
        ('{"callback": "https://api.example.com/cb?id=7"}', "https://api.example.com/cb?id=7"),
        ("<a href='https://example.com/x'>链接</a>", "https://example.com/x"),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "http://",
        "https://。",
        "mysql://db.example.com/app",  # not a web scheme
        "file:///etc/passwd",
        "https://localhost:99999/",  # port out of range
        "https://intranet/",  # a bare single-label host
        "xhttps://example.com",  # glued to letters
        "awww.example.com",
        "www.example",  # no second label
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_phone_number_inside_a_url_is_kept_with_the_url() -> None:
    text = "https://example.com/u?tel=13800138000&x=1"
    findings = yinsi.analyze(text, entities=["URL", "CN_MOBILE"])
    assert [(f.entity_type, text[f.start : f.end]) for f in findings] == [
        ("URL", text),
        ("CN_MOBILE", "13800138000"),
    ]


@pytest.mark.parametrize(
    ("value", "cut"),
    [("http://a.cn/x.", 1), ("http://a.cn/x)", 1), ("http://a.cn/(x)", 0), ("http://a.cn/x?!'", 3)],
)
def test_trailing_punctuation(value: str, cut: int) -> None:
    assert trim_trailing(value) == cut


def test_validator() -> None:
    assert is_valid_url("https://example.com")
    assert not is_valid_url("https://:80/")
