"""MAC_ADDRESS: colon, dash and Cisco forms, consistent separators, longer hex runs."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yinsi.recognizers.mac_address import is_valid_mac_address
from yinsi.testing import found_values, single_score

ENTITY = "MAC_ADDRESS"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MAC地址：00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E"),
        ("设备a4:5e:60:d1:22:9f已上线", "a4:5e:60:d1:22:9f"),  # CJK on both sides
        ("物理地址. . . : 00-1A-2B-3C-4D-5E", "00-1A-2B-3C-4D-5E"),
        ("Gi0/1  001a.2b3c.4d5e  DYNAMIC", "001a.2b3c.4d5e"),
        ("mac:a4:5e:60:d1:22:9f", "a4:5e:60:d1:22:9f"),  # label letters are not a seventh group
        ("bssid=3c:46:d8:12:ab:cd&ssid=home", "3c:46:d8:12:ab:cd"),
        ("网卡００－１Ａ－２Ｂ－３Ｃ－４Ｄ－５Ｅ", "００－１Ａ－２Ｂ－３Ｃ－４Ｄ－５Ｅ"),  # full-width
        ("MAC 00:1A:2B:\u200b3C:4D:5E", "00:1A:2B:\u200b3C:4D:5E"),  # zero-width space
        ('{"mac": "00:1a:2b:3c:4d:5e"}', "00:1a:2b:3c:4d:5e"),
        ("http://router.lan/block?mac=00-1A-2B-3C-4D-5E", "00-1A-2B-3C-4D-5E"),
        ("蓝牙 00:1A:2B:3C:4D:5E。", "00:1A:2B:3C:4D:5E"),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "00:00:00:00:00:00",  # placeholder
        "ff:ff:ff:ff:ff:ff",  # broadcast
        "FF-FF-FF-FF-FF-FF",
        "00:1A:2B-3C:4D:5E",  # mixed separators
        "00:1a:2b:3c:4d:5e:6f:70",  # EUI-64: eight groups
        "10:00:1a:2b:3c:4d:5e",  # seven groups
        "00:1a:2b:3c:4d",  # five groups
        "00:1a:2b:3c:4d:5g",  # not hex
        "x00:1a:2b:3c:4d:5e",
        "12:30:45",
        "2024-01-05-12-30-45",  # not hex pairs throughout
        "001a.2b3c.4d5e.6f70",  # four Cisco groups
        "1.2.3.4",
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_label_raises_the_score() -> None:
    bare = score("00:1A:2B:3C:4D:5E")
    assert 0.6 <= bare <= 0.75
    assert score("MAC地址 00:1A:2B:3C:4D:5E") > bare


@pytest.mark.parametrize(
    ("value", "valid"),
    [("00:1a:2b:3c:4d:5e", True), ("001a.2b3c.4d5e", True), ("0000.0000.0000", False), ("00:1a", False)],
)
def test_validator(value: str, valid: bool) -> None:
    assert is_valid_mac_address(value) is valid


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=6, max_size=6), st.sampled_from(("colon", "dash", "cisco")), st.booleans())
def test_every_address_is_found_in_every_notation(raw: bytes, notation: str, upper: bool) -> None:
    digits = raw.hex().upper() if upper else raw.hex()
    if notation == "cisco":
        value = ".".join(digits[i : i + 4] for i in range(0, 12, 4))
    else:
        value = (":" if notation == "colon" else "-").join(digits[i : i + 2] for i in range(0, 12, 2))
    expected = [] if digits.lower() in ("000000000000", "ffffffffffff") else [value]
    assert found(f"网卡{value}已连接") == expected
