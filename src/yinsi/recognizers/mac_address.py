"""MAC地址 (IEEE 802 EUI-48): six hex pairs with ':' or '-', and Cisco's xxxx.xxxx.xxxx form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from yinsi.core.types import Finding
from yinsi.recognizers._anchored import ALNUM, HEX, take_back, touches
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# Candidates are found from their first separator and `trim` takes back the first group (see
# _anchored.py). Each pattern uses one separator throughout, so aa:bb-cc:dd-ee:ff is not an address;
# the lookahead rejects a seventh group (EUI-64 identifiers, certificate fingerprints).
_HEX2 = "[0-9A-Fa-f]{2}"
_HEX4 = "[0-9A-Fa-f]{4}"
_COLON = f":{_HEX2}(?::{_HEX2}){{4}}(?!:?[0-9A-Fa-f])"
_DASH = f"-{_HEX2}(?:-{_HEX2}){{4}}(?!-?[0-9A-Fa-f])"
_CISCO = rf"\.{_HEX4}\.{_HEX4}(?!\.?[0-9A-Fa-f])"
_FORMS = re.compile(rf"{_HEX2}(?::{_HEX2}){{5}}|{_HEX2}(?:-{_HEX2}){{5}}|{_HEX4}\.{_HEX4}\.{_HEX4}")
_FIRST_GROUP = {":": 2, "-": 2, ".": 4}


@lru_cache(maxsize=65536)
def is_valid_mac_address(value: str) -> bool:
    """True for a well-formed EUI-48 that is neither all zeros nor the broadcast address.

    00:00:00:00:00:00 is a placeholder and ff:ff:ff:ff:ff:ff addresses every station (IEEE 802-2014
    §8.2); neither identifies a device.
    """
    if _FORMS.fullmatch(value) is None:
        return False
    digits = "".join(character for character in value.lower() if character in HEX)
    return digits not in ("000000000000", "ffffffffffff")


class MacAddressRecognizer(PatternRecognizer):
    """MAC地址 (IEEE 802-2014 §8 EUI-48, IEEE 802 canonical and Cisco notations).

    Finds `00:1A:2B:3C:4D:5E`, `00-1A-2B-3C-4D-5E` (Windows `ipconfig /all`) and `001a.2b3c.4d5e` (Cisco
    IOS). A hex pair run longer than six groups is not a match.
    """

    entity_type = "MAC_ADDRESS"
    patterns = (
        Pattern("colon", _COLON, 0.6),
        Pattern("dash", _DASH, 0.6),
        Pattern("cisco", _CISCO, 0.6),
    )
    context = (
        "mac", "mac地址", "物理地址", "网卡", "无线", "蓝牙", "设备", "bssid", "wifi", "wi-fi", "bluetooth",
        "ethernet", "ether", "hwaddr", "hardware address", "physical address",
    )
    prefilter = (":", "-", ".")
    # Boundaries are checked in `analyze`, after `trim` has moved the start to the first group.
    boundary = "none"
    validated_score = 0.7
    context_boost = 0.25
    examples = Examples(
        positive=(
            "MAC地址：00:1A:2B:3C:4D:5E",
            "物理地址. . . : 00-1A-2B-3C-4D-5E",
            "Gi0/1  001a.2b3c.4d5e  DYNAMIC",
            "设备a4:5e:60:d1:22:9f已上线",
        ),
        negative=(
            "00:00:00:00:00:00",  # placeholder
            "ff:ff:ff:ff:ff:ff",  # broadcast
            "00:1A:2B-3C:4D:5E",  # mixed separators
            "00:1a:2b:3c:4d:5e:6f:70",  # EUI-64, eight groups
            "12:30:45",  # a time
        ),
    )

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        return take_back(text, start, HEX, _FIRST_GROUP[text[start]]), end

    def validate(self, value: str) -> bool | None:
        return is_valid_mac_address(value)

    def analyze(self, text: str) -> Iterator[Finding]:
        for finding in super().analyze(text):
            start, end = finding.start, finding.end
            if touches(text, start, end, ALNUM) or _follows_group(text, start):
                continue
            yield finding


def _follows_group(text: str, start: int) -> bool:
    """True when a separator and a whole hex group stand before `start` (a longer run such as EUI-64).

    "mac:aa:bb:…" is fine: there the letters before the colon belong to a word, not to a group.
    """
    if start < 1 or text[start - 1] not in _FIRST_GROUP:
        return False
    group = take_back(text, start - 1, HEX, _FIRST_GROUP[text[start - 1]])
    return group < start - 1 and not (group > 0 and text[group - 1] in ALNUM)
