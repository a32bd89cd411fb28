"""Context hotwords by character window; short Latin hotwords count only as words of their own."""

from __future__ import annotations

import pytest

from yinsi.text.context import ContextScorer, ContextWindow

SCORER = ContextScorer(("qq", "ip", "tel", "zip", "ts=", "手机", "mobile", "phone"), ("ts=", "ver="))
WINDOW = ContextWindow()


def hotwords(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Hotwords around the digit run that ends `text`."""
    end = len(text)
    start = end
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return SCORER.around(text, start, end, WINDOW)


@pytest.mark.parametrize(
    ("text", "positive"),
    [
        ("QQ号12345678", ("qq",)),
        ("userQQ: 12345678", ("qq",)),  # camelCase seam before the word
        ("qqNumber 12345678", ("qq",)),  # camelCase seam after it
        ("IPAddress 12345678", ("ip",)),  # acronym followed by a capitalised word
        ("ips: 12345678", ("ip",)),  # plural
        ("user_qq=12345678", ("qq",)),
        ("mobilephone 13800138000", ("mobile", "phone")),  # long hotwords match inside compounds
        ("手机13800138000", ("手机",)),
        ("description 12345678", ()),
        ("hotel 12345678", ()),
        ("bzip2 12345678", ()),
        ("MACHINE qqq 12345678", ()),
    ],
)
def test_short_latin_hotwords_stand_alone(text: str, positive: tuple[str, ...]) -> None:
    assert hotwords(text)[0] == positive


def test_boundary_is_read_beyond_the_window() -> None:
    # The window starts inside "lxqq": the letter before it still counts.
    text = "lxqq" + " " * (WINDOW.before - 2) + "12345678"
    assert hotwords(text)[0] == ()


def test_symbol_ended_hotwords_check_their_letter_end_only() -> None:
    assert hotwords("ts=1700000000")[1] == ("ts=",)
    assert hotwords("parts=1700000000")[1] == ()
    assert hotwords("server=1700000000")[1] == ()
