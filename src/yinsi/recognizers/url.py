"""网址 (RFC 3986 URI, http/https/ftp schemes, and bare www. addresses)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from yinsi.core.types import Finding
from yinsi.recognizers._anchored import ALNUM, take_back, touches
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# RFC 3986 §2: unreserved and reserved characters plus percent-encoding, ASCII only. Chinese text next to
# a URL (访问https://a.cn/x了解详情) and ideographic punctuation (。，) are therefore never swallowed;
# internationalised URLs appear percent-encoded in logs, which this class covers.
_URL_CHARACTERS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
# Found from "://" (a literal the regex engine skips ahead to); `trim` takes back the scheme.
_SCHEMED = rf"://{_URL_CHARACTERS}+"
_WWW = rf"www\.[A-Za-z0-9\-]+\.{_URL_CHARACTERS}+"
_SCHEMES = frozenset({"http", "https", "ftp"})
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LONGEST_SCHEME = 5
# Sentence punctuation that ends a URL in prose more often than it belongs to it (the same choice as
# GitHub's and Slack's autolinkers); closing brackets are kept only when the URL opened them.
_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "(", "]": "["}


@lru_cache(maxsize=65536)
def is_valid_url(value: str) -> bool:
    """True for an http(s)/ftp URL with a host name (dotted, localhost or an IP literal), or www.x.y."""
    if value.startswith("www."):
        return True
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return False
    if parts.scheme.lower() not in _SCHEMES or not host:
        return False
    return "." in host or ":" in host or host == "localhost"


def trim_trailing(value: str) -> int:
    """How many characters to cut from the end of a URL candidate (punctuation, unmatched brackets)."""
    end = len(value)
    while end > 0:
        last = value[end - 1]
        unmatched = last in _CLOSERS and value.count(_CLOSERS[last], 0, end) < value.count(last, 0, end)
        if last not in _TRAILING and not unmatched:
            break
        end -= 1
    return len(value) - end


class UrlRecognizer(PatternRecognizer):
    """网址 (RFC 3986 URI syntax; schemes http, https, ftp, and www. host names).

    URL is a container entity: the pipeline keeps phone numbers, emails or IDs found inside a URL as
    separate findings, so a policy can mask a query parameter without destroying the link.
    """

    entity_type = "URL"
    patterns = (
        Pattern("schemed", _SCHEMED, 0.85),
        Pattern("www", _WWW, 0.8),
    )
    context = ("网址", "链接", "网站", "地址", "访问", "url", "link", "href", "uri", "website")
    prefilter = ("://", "www.")
    # Boundaries are checked in `analyze`, after `trim` has taken back the scheme.
    boundary = "none"
    context_boost = 0.1
    examples = Examples(
        positive=(
            "访问https://example.com/path?a=1了解详情",
            "官网：www.example.com.cn。",
            "ftp://files.example.org/pub/readme.txt",
        ),
        negative=(
            "http://",  # no host
            "mysql://db.example.com/app",  # not a web scheme
            "https://localhost:99999/",  # port out of range
        ),
    )

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        if text.startswith("://", start):
            start = take_back(text, start, _LETTERS, _LONGEST_SCHEME)
        return start, end - trim_trailing(text[start:end])

    def validate(self, value: str) -> bool | None:
        return is_valid_url(value)

    def analyze(self, text: str) -> Iterator[Finding]:
        for finding in super().analyze(text):
            if not touches(text, finding.start, finding.end, ALNUM):
                yield finding
