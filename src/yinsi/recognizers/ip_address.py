"""IP地址 (RFC 791 IPv4, RFC 4291 / RFC 5952 IPv6), validated by `ipaddress`."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from yinsi.core.types import Finding
from yinsi.recognizers._anchored import ALNUM, DIGITS, HEX, take_back, touches
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

_MIN_IPV6_GROUPS = 2

# IPv4 candidates are found from their first dot and `trim` takes back the up to three digits of the
# first octet (see _anchored.py for why). The lookahead rejects a fifth component.
_IPV4_FROM_FIRST_DOT = r"\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\.?\d)"
# IPv6 candidates are found the same way, from their first colon, and `trim` takes back up to four hex
# digits. At least two colons are required, so times (12:30:45) and MAC addresses are proposed but fail
# validation. An embedded IPv4 tail is tried before a hex group so that ::ffff:192.0.2.1 is not cut
# after "192".
_IPV6_FROM_FIRST_COLON = r":(?:[0-9A-Fa-f]{0,4}:)+(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?"
# [2001:db8::1]:443 (RFC 3986 §3.2.2): the address inside the brackets is reported.
_IPV6_BRACKETED = r"\[(?P<value>[0-9A-Fa-f:.]+)\]"

# Version strings look like IPv4 addresses (1.2.3.4); a version label just before one vetoes it.
# ASCII words must stand alone so that "server 10.0.0.1" is not read as "ver".
_VERSION_LABEL = re.compile(
    r"(?<![A-Za-z])(?:[Vv]ersion|VERSION|[Vv]er|VER|[Rr]ev|[Rr]v|[Ff]irmware|[Ff]w|FW)(?![A-Za-z])"
    r"|(?<=[a-z])(?:Version|Ver)(?![a-z])"  # camelCase keys: appVersion=, osVer:
    r"|版本|固件"
)
# A lone "v" counts only right before the number (v 1.2.3.4, V=1.2.3.4); further away it is as likely the
# last letter of an identifier ("wxid_…v", "registerIp": "…").
_V_PREFIX = re.compile(r"(?<![A-Za-z0-9_])[Vv][ =:]{0,2}\Z")
# Words that number documents and releases, when right before the number: Section 19.1.2.20, § 7.1.1.1,
# Bump to 1.1.99.1, upgrade to 3.11.10.22, Release 2.10.0.27.
_NUMBERING_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?:[Ss]ection|SECTION|[Cc]hapter|(?:[Bb]ump|[Uu]pgrade|[Uu]pdate)(?:e?d)? to|[Rr]elease"
    r"|RELEASE)|§)[ \t]{0,2}\Z"
)
# A Debian package version in a changelog: `binutils (2.10.0.26-1) unstable`, `(1.2.3.4~rc1)`.
# The revision has at most one dot, so that a bracketed range (192.168.1.2-192.168.1.9) is no version.
_PACKAGE_REVISION = re.compile(r"(?:-[0-9][0-9A-Za-z+~]*(?:\.[0-9A-Za-z+~]+)?|[~+][0-9A-Za-z+~]+)\)")
_NUMBERING_REACH = 12
_V_PREFIX_REACH = 3
_VERSION_WINDOW = 20
_MAX_IPV4_OCTET_DIGITS = 3
# Unlabelled dotted quads of small numbers are mostly versions (see `looks_like_version`); their score
# is scaled below the default reporting threshold rather than dropped, so --min-score 0 still shows them.
_SMALL_OCTET = 20
_VERSION_LIKE_FACTOR = 0.5
_MAX_IPV6_GROUP_DIGITS = 4


@lru_cache(maxsize=65536)
def is_valid_ip_address(value: str) -> bool:
    """True for a real IPv4/IPv6 address that can identify a host (public or private).

    Unspecified (0.0.0.0, ::) and loopback addresses identify no one, and 255.x.x.x is a netmask or
    broadcast address, so they are rejected. IPv6 candidates need two non-empty groups and a digit, so
    that `Foo::Bar`-style code and words such as dead::beef are not addresses. Leading zeros in IPv4
    octets are rejected, as by `ipaddress` (they are octal to some parsers, RFC 6943 §3.1.1).
    """
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return False
    if address.is_unspecified or address.is_loopback:
        return False
    if address.version == 4:
        return not value.startswith("255.")
    groups = [group for group in value.split(":") if group]
    return len(groups) >= _MIN_IPV6_GROUPS and any(character.isdigit() for character in value)


def follows_version_label(text: str, start: int) -> bool:
    """True when a version label (version, ver, v, 版本, 固件) precedes `start` with no digit between,
    or a numbering word (Section, §, Release, Bump to) stands right before it."""
    if _V_PREFIX.search(text, max(0, start - _V_PREFIX_REACH), start):
        return True
    if _NUMBERING_PREFIX.search(text, max(0, start - _NUMBERING_REACH), start):
        return True
    labels = list(_VERSION_LABEL.finditer(text, max(0, start - _VERSION_WINDOW), start))
    return bool(labels) and not any(character in DIGITS for character in text[labels[-1].end() : start])


class IpAddressRecognizer(PatternRecognizer):
    """IP地址 (IPv4 RFC 791, IPv6 RFC 4291 with RFC 5952 text forms).

    Finds `192.168.1.10`, `10.0.0.5:8080`, `2001:db8::8a2e:370:7334`, `::ffff:192.0.2.1` and
    `[2001:db8::1]:443`. A port is not part of the span: it names a service, not a person, and masking
    only the address keeps `host:port` readable in logs. Dotted version numbers after a version label
    are not reported, and a dotted run with a fifth component (1.2.3.4.5) is not an address.
    """

    entity_type = "IP_ADDRESS"
    patterns = (
        Pattern("ipv4", _IPV4_FROM_FIRST_DOT, 0.5),
        Pattern("ipv6", _IPV6_FROM_FIRST_COLON, 0.75),
        Pattern("ipv6_bracketed", _IPV6_BRACKETED, 0.75),
    )
    context = (
        "ip", "ip地址", "地址", "主机", "服务器", "网关", "登录", "来源", "访问", "host", "server", "client",
        "remote", "addr", "src", "dst", "gateway", "proxy", "x-forwarded-for", "xff", "dns",
    )
    prefilter = (".", ":")
    # Boundaries are checked in `analyze`, after `trim` has moved the start of IPv4 candidates.
    boundary = "none"
    validated_score = 0.6
    context_boost = 0.3
    examples = Examples(
        positive=(
            "登录IP：192.168.1.10，时间",
            "client=10.0.0.5:8080",
            "IPv6地址2001:db8::8a2e:370:7334。",
            "connect [2001:db8::1]:443",
        ),
        negative=(
            "版本 1.2.3.4",  # a version, not an address
            "version: 10.0.0.1",
            "256.1.1.1",  # octet out of range
            "1.2.3.4.5",  # five components
            "12:30:45",  # a time
            "127.0.0.1",  # loopback identifies no one
        ),
    )

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        # Candidates found from their first dot or colon take back the first octet or group.
        if text[start] == ".":
            start = take_back(text, start, DIGITS, _MAX_IPV4_OCTET_DIGITS)
        elif text[start] == ":":
            first = take_back(text, start, HEX, _MAX_IPV6_GROUP_DIGITS)
            # Nothing to take back before a single colon: it ends a label ("ip:2001:db8::1").
            start = start + 1 if first == start and text[start + 1] != ":" else first
        if end - start > 2 and text[end - 1] == ":" and text[end - 2] != ":":  # "fe80::1:" + label
            end -= 1
        return start, end

    def validate(self, value: str) -> bool | None:
        return is_valid_ip_address(value)

    def analyze(self, text: str) -> Iterator[Finding]:
        for finding in super().analyze(text):
            start, end = finding.start, finding.end
            if touches(text, start, end, ALNUM):
                continue
            if start > 1 and text[start - 1] == "." and text[start - 2] in DIGITS:  # 1.2.3.4.5
                continue
            if follows_version_label(text, start):
                continue
            if start > 0 and text[start - 1] == "(" and _PACKAGE_REVISION.match(text, end):
                continue
            evidence = finding.evidence
            if evidence is not None and not evidence.context and looks_like_version(text[start:end]):
                finding = replace(finding, score=round(finding.score * _VERSION_LIKE_FACTOR, 4))
            yield finding


def looks_like_version(value: str) -> bool:
    """True for dotted quads of small numbers outside 10/8, as versions and section numbers are written.

    Release numbers (Git 1.8.5.6, dpkg 1.16.4.3) and document sections (7.1.1.2) have four small
    components; so do a handful of public resolvers (1.1.1.1, 8.8.8.8), which identify no one. Private
    10.x addresses (10.0.0.5) are everyday log content and keep their score; so does any candidate with
    an IP hotword near it.
    """
    octets = value.split(".")
    if len(octets) != 4 or octets[0] == "10":
        return False
    return all(octet.isdigit() and int(octet) < _SMALL_OCTET for octet in octets)
