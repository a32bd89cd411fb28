"""Text from ordinary technical documents that holds no personal information, and its look-alikes.

Each negative line is shaped after a false positive seen when scanning a Debian system's
/usr/share/doc (changelogs, manuals, PostScript, API docs): yinsi must report nothing of that type at
the default threshold. Each positive line is the nearest real case, so that a fix cannot simply turn
the recognizer off.
"""

from __future__ import annotations

import pytest

from yinsi import analyze
from yinsi.scanning import DEFAULT_MIN_SCORE
from yinsi.testing import found_values


def reported(text: str, entity: str) -> list[str]:
    """Values of `entity` at or above the default reporting threshold of `yinsi scan`."""
    return [
        text[finding.start : finding.end]
        for finding in analyze(text, entities=[entity], score_threshold=DEFAULT_MIN_SCORE)
    ]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # digit runs inside a git commit hash at the end of a line
        ("\t+ commit ccd2187212c12b84c86a10fd4417a16536243179\n", "CN_MOBILE"),
        ("sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "CN_MOBILE"),
        # hotwords inside longer English words: "vx" in lxvx, "zip" in bzip2, "birth" in birthtime
        ("Need new test for the lxvx and stxvx instructions on ISA 2.07", "WECHAT_ID"),
        ("correct dependencies for bzip2; closes: #105264.", "CN_POSTAL_CODE"),
        ("  birthtime: Mon, 10 Oct 2011 23:24:11 GMT }", "DATE_OF_BIRTH"),
        ("a newborn 2019-06-22 release", "DATE_OF_BIRTH"),
        ('3.3.5 "Happy Birthday Beddy" (2014-01-22)', "DATE_OF_BIRTH"),  # a release name
        ("patches to fix building of the erlang-wx package.", "WECHAT_ID"),
        # PostScript transformation matrix and a table of four-digit numbers
        ("[1 0 0 -1 147.554001 37.706001] Tm", "GPS_COORDINATE"),
        ("/WhitePoint [0.964200 1.000000 0.824900] /RenderingIntent", "GPS_COORDINATE"),
        ("JSON::PP 2.97001  2.97000 2017-11-21", "GPS_COORDINATE"),
        ("  5226 5259 5293 5326 5360 5394 5428 5462 5496 5531 ", "CREDIT_CARD"),
        ("  6226 6259 6293 6326 6360 6394 6428 6462 6496 6531 ", "BANK_CARD"),
        # release and section numbers
        ("Git 1.8.5.6 Release Notes", "IP_ADDRESS"),
        ("dpkg (1.16.4.3) unstable; urgency=low", "IP_ADDRESS"),
        ("7.1.1.1 Introduction", "IP_ADDRESS"),
        ("see Section 19.1.2.20 of the ECMA-262 specification", "IP_ADDRESS"),
        ("Bump to 1.1.99.1 to avoid confusion.", "IP_ADDRESS"),
        ("* v8: upgrade to 3.11.10.22", "IP_ADDRESS"),
        ("binutils (2.10.0.26-1) unstable; urgency=low", "IP_ADDRESS"),
    ],
)
def test_document_text_is_not_reported(text: str, entity: str) -> None:
    assert reported(text, entity) == []


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("tel13800138000", "CN_MOBILE", "13800138000"),  # a short label glued to the number
        ("id11010519491231002X", "CN_RESIDENT_ID", "11010519491231002X"),  # "d" is a hex letter
        ("parts=13800138000", "CN_MOBILE", "13800138000"),  # "ts=" (timestamp) is not in "parts="
        ("vx: zhang_san88", "WECHAT_ID", "zhang_san88"),
        ("加v wangwu123", "WECHAT_ID", "wangwu123"),
        ('{"zipCode": "100080"}', "CN_POSTAL_CODE", "100080"),
        ("birthDate=1990-03-07", "DATE_OF_BIRTH", "1990-03-07"),
        ("Happy birthday! Date of birth: 1990-03-07", "DATE_OF_BIRTH", "1990-03-07"),
        ("wx zhangsan_88", "WECHAT_ID", "zhangsan_88"),
        ("Born: 1990-03-07", "DATE_OF_BIRTH", "1990-03-07"),
        ("39.904211 116.407395", "GPS_COORDINATE", "39.904211 116.407395"),
        ("lat lng 39.904211 116.407395 200", "GPS_COORDINATE", "39.904211 116.407395"),  # labelled
        ("35.50,39.904211,116.407395", "GPS_COORDINATE", "39.904211,116.407395"),
        ("信用卡号：4111 1111 1111 1111", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("银行卡6222 0212 3456 7890 128谢谢", "BANK_CARD", "6222 0212 3456 7890 128"),
        ("服务器IP 1.1.1.1", "IP_ADDRESS", "1.1.1.1"),
        ("client 10.0.0.5", "IP_ADDRESS", "10.0.0.5"),
        ("release server 192.168.10.20", "IP_ADDRESS", "192.168.10.20"),  # label further away
        ("192.168.1.1", "IP_ADDRESS", "192.168.1.1"),
    ],
)
def test_look_alikes_are_still_reported(text: str, entity: str, expected: str) -> None:
    assert reported(text, entity) == [expected]


def test_an_address_range_in_brackets_is_not_a_package_version() -> None:
    text = "hosts (192.168.10.20-192.168.10.29)"
    assert reported(text, "IP_ADDRESS") == ["192.168.10.20", "192.168.10.29"]


def test_version_like_addresses_remain_visible_below_the_threshold() -> None:
    assert found_values("Git 1.8.5.6 Release Notes", "IP_ADDRESS") == ["1.8.5.6"]
