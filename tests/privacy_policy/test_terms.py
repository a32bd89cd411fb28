"""The term matcher: Latin terms as whole words (case rules), other terms as substrings, overlaps kept."""

from __future__ import annotations

import pytest

from yinsi.privacy_policy._terms import TermMatcher

MATCHER = TermMatcher.build([
    ("IMEI", "device"), ("Android ID", "device"), ("位置信息", "location"), ("行踪轨迹", "location"),
    ("行踪", "trip"), ("address book", "contacts"), ("Wi-Fi", "wifi"), ("MAC地址", "device"),
    ("résumé", "resume"), ("MTA", "mta"), ("Meta", "meta"),
], keep_case_short=True)


@pytest.mark.parametrize(("text", "keys"), [
    ("我们会收集IMEI号和位置信息", {"device", "location"}),
    ("ANDROID_ID and android-id", {"device"}),
    ("您的行踪轨迹", {"location", "trip"}),  # overlapping terms both count
    ("your Address  Book", {"contacts"}),
    ("WiFi", set()), ("wi-fi", {"wifi"}),
    ("设备mac地址", {"device"}),
    ("metadata and imeis", set()),
    ("Tencent MTA", {"mta"}), ("the mta of", set()),  # short names keep their case
    ("META", {"meta"}),
    ("upload a Résumé", {"resume"}),
    ("", set()),
])
def test_keys_in(text: str, keys: set[str]) -> None:
    assert MATCHER.keys_in(text) == keys
