"""IBAN: MOD 97-10 and country structure, electronic and grouped print forms."""

from __future__ import annotations

import pytest
from stdnum import iban

import yinsi

GERMANY = "DE89370400440532013000"
BRITAIN_PRINTED = "GB82 WEST 1234 5698 7654 32"
FRANCE = "FR1420041010050500013M02606"
NORWAY = "NO9386011117947"  # the shortest IBAN (15 characters)
MALTA = "MT84MALT011000012345MTLCAST001S"  # 31 characters
FULL_WIDTH = "ＤＥ８９３７０４００４４０５３２０１３０００"


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=["IBAN"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"账号{GERMANY}谢谢", GERMANY),
        (f"收款账户：{BRITAIN_PRINTED}，", BRITAIN_PRINTED),
        ("DE89 3704 0044 0532 0130 00。", "DE89 3704 0044 0532 0130 00"),
        (f'{{"iban":"{FRANCE}"}}', FRANCE),
        (f"https://pay.example.com/?iban={GERMANY}&amount=5", GERMANY),
        (NORWAY, NORWAY),
        (MALTA, MALTA),
        (f"IBAN：{FULL_WIDTH}", FULL_WIDTH),
        (f"{BRITAIN_PRINTED} ABCD", BRITAIN_PRINTED),  # a following group of four is not swallowed
    ],
)
def test_finds_ibans(text: str, expected: str) -> None:
    assert found(text) == [(expected, "IBAN")]


@pytest.mark.parametrize(
    "text",
    [
        "DE89370400440532013001",  # MOD 97 fails
        "XX89370400440532013000",  # no such country
        f"ID{GERMANY}",  # glued to letters
        f"{GERMANY}9",
        "de89370400440532013000",  # lower case
        "DE8937040044053201300",  # one character short of Germany's 22
    ],
)
def test_ignores_non_ibans(text: str) -> None:
    assert found(text) == []


def test_computed_check_digits_are_accepted() -> None:
    bban = "370400440532013000"
    number = "DE" + iban.calc_check_digits("DE00" + bban) + bban
    assert found(f"账号 {number}") == [(number, "IBAN")]
