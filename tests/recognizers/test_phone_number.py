"""PHONE_NUMBER: +CC / 00CC numbers validated by libphonenumber, mainland China excluded."""

from __future__ import annotations

import pytest

import yinsi


def found(text: str, entities: tuple[str, ...] = ("PHONE_NUMBER",)) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=list(entities))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel: +1 (415) 555-2671", "+1 (415) 555-2671"),
        ("伦敦办公室电话+44 20 7946 0958，谢谢", "+44 20 7946 0958"),
        ("+44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
        ("香港手机+852 6123 4567。", "+852 6123 4567"),
        ("台北 +886 2 2345 6789", "+886 2 2345 6789"),
        ("東京+81 3-1234-5678。", "+81 3-1234-5678"),
        ("+33 1 23 45 67 89", "+33 1 23 45 67 89"),
        ('{"phone":"0044 20 7946 0958"}', "0044 20 7946 0958"),
        ("https://wa.me/send?phone=+6591234567&text=hi", "+6591234567"),
        ("电话：＋４４ ２０ ７９４６ ０９５８", "＋４４ ２０ ７９４６ ０９５８"),
        ("+44 20 7946 0958 2024年", "+44 20 7946 0958"),  # a trailing group that breaks validity is cut
        ("Call me at (415) 555-2671 tomorrow", "(415) 555-2671"),  # national, next to a phone word
        ("美国办公室电话(212)555-0123", "(212)555-0123"),
    ],
)
def test_finds_international_numbers(text: str, expected: str) -> None:
    assert found(text) == [(expected, "PHONE_NUMBER")]


@pytest.mark.parametrize(
    "text",
    [
        "+86 138 0013 8000",  # mainland numbers belong to CN_MOBILE / CN_LANDLINE
        "+86 10 6234 5678",
        "0086 13800138000",
        "+1 123 456 7890",  # area codes never start with 1
        "+44 12",  # too short
        "UTC+8 2024-01-01 12:00",  # time zone
        "价格+100元",
        "(415) 555-2671",  # national formats need a phone word
        "phone (123) 555-2671",  # area codes never start with 1
        "phone 415-555-2671",  # only the bracketed national form is reported
        "ts=10044207946095899",  # inside a longer digit run
    ],
)
def test_ignores_non_international_numbers(text: str) -> None:
    assert found(text) == []


def test_mainland_mobile_stays_cn_mobile() -> None:
    text = "+86 138 0013 8000"
    assert found(text, ("PHONE_NUMBER", "CN_MOBILE")) == [(text, "CN_MOBILE")]


def test_context_raises_the_score() -> None:
    bare = yinsi.analyze("+44 20 7946 0958", entities=["PHONE_NUMBER"])[0].score
    labelled = yinsi.analyze("phone +44 20 7946 0958", entities=["PHONE_NUMBER"])[0].score
    assert 0.8 <= bare < labelled
