"""IP_ADDRESS: IPv4/IPv6 validation, ports, version strings, longer dotted runs."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yinsi.recognizers.ip_address import follows_version_label, is_valid_ip_address
from yinsi.testing import found_values, single_score

ENTITY = "IP_ADDRESS"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("登录IP：192.168.1.10，时间", ["192.168.1.10"]),
        ("来自8.8.8.8的请求", ["8.8.8.8"]),  # CJK on both sides
        ("client=10.0.0.5:8080", ["10.0.0.5"]),  # a port is not part of the span
        ("服务器 1.1.1.1。", ["1.1.1.1"]),  # sentence-final full stop is not swallowed
        ("src 192.0.2.1, dst 198.51.100.7", ["192.0.2.1", "198.51.100.7"]),
        ("１９２．１６８．０．１", ["１９２．１６８．０．１"]),  # full-width digits and dots
        ("192.168\u200b.0.1", ["192.168\u200b.0.1"]),  # zero-width space
        ('{"remote_addr": "203.0.113.9", "ua": "x"}', ["203.0.113.9"]),
        ("http://172.16.0.3:8000/api?x=1", ["172.16.0.3"]),
        ("IPv6地址2001:db8::8a2e:370:7334。", ["2001:db8::8a2e:370:7334"]),
        ("addr 2001:0db8:85a3:0000:0000:8a2e:0370:7334", ["2001:0db8:85a3:0000:0000:8a2e:0370:7334"]),
        ("fe80::1ff:fe23:4567:890a", ["fe80::1ff:fe23:4567:890a"]),
        ("mapped ::ffff:192.0.2.1 ok", ["::ffff:192.0.2.1"]),
        ("connect [2001:db8::1]:443", ["2001:db8::1"]),
        ("appVersion=2.5.10.76 ip=10.50.185.203:53145", ["10.50.185.203"]),
        ('{"weixin": "wxid_x1x0h20e9jpz2v", "registerIp": "165.50.236.59"}', ["165.50.236.59"]),
        ("host=2001:db8::1: refused", ["2001:db8::1"]),  # trailing colon of a label
        ("server 10.0.0.1", ["10.0.0.1"]),
        ("ip:2001:db8::1", ["2001:db8::1"]),
        ("ip:10.0.0.1", ["10.0.0.1"]),  # "ver" inside another word is not a version label
        ("v1.2 部署到 10.1.2.3", ["10.1.2.3"]),  # a version label followed by other digits
    ],
)
def test_finds(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "版本 1.2.3.4",
        "version: 10.0.0.1",
        "App ver 4.1.2.0 released",
        "固件版本：3.10.2.1",
        "v1.2.3.4",
        "V 2.0.0.1",
        "256.1.1.1",  # octet out of range
        "192.168.01.1",  # leading zero
        "1.2.3.4.5",  # five components
        "11.2.3.4.5",
        "12:30:45",  # a time
        "2024-01-05T12:30:45.123Z",
        "aa:bb:cc:dd:ee:ff",  # a MAC address
        "std::vector",
        "Foo::Bar",
        "dead::beef",  # hex words, no digit
        "127.0.0.1",  # loopback and unspecified identify no one
        "0.0.0.0",
        "::1",
        "255.255.255.0",  # netmask
        "appVersion=8.11.19.254",  # camelCase version key
        "Gecko rv:1.9.2.20",
        '{"fw":"11.13.5.85"}',
        "x10.0.0.1",
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_scores() -> None:
    bare = score("10.0.0.1")
    assert 0.5 <= bare <= 0.7
    assert score("登录IP 10.0.0.1") > bare
    assert score("2001:db8::1") > bare  # an IPv6 address is harder to mistake


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("192.168.1.1", True),
        ("2001:db8::1", True),
        ("192.168.1.1:80", False),  # the recognizer reports addresses without ports
        ("2001:db8::g", False),
        ("::", False),
    ],
)
def test_validator(value: str, valid: bool) -> None:
    assert is_valid_ip_address(value) is valid


def test_version_label_must_be_next_to_the_value() -> None:
    text = "version 2, host 10.0.0.1"
    assert not follows_version_label(text, text.index("10."))
    text = "版本号：1.2.3.4"
    assert follows_version_label(text, text.index("1."))


@settings(max_examples=300, deadline=None)
@given(st.ip_addresses())
def test_every_address_the_validator_accepts_is_found_whole_between_chinese_text(address: object) -> None:
    value = str(address)  # RFC 5952 canonical text, including :: compression and IPv4-mapped forms
    text = f"登录地址{value}成功"
    if is_valid_ip_address(value):
        assert found(text) == [value]
    else:
        assert found(text) == []
