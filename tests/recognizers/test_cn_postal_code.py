"""CN_POSTAL_CODE: six digits with a mainland prefix, only next to a postal label."""

from __future__ import annotations

import pytest

import yinsi


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=["CN_POSTAL_CODE"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("邮编100080谢谢", "100080"),
        ("北京市海淀区中关村大街1号（邮政编码100080）", "100080"),
        ("收货地址：深圳市南山区，邮编：518000，电话", "518000"),
        ('{"zip": "518000"}', "518000"),
        ("https://example.com/addr?postcode=200120&city=sh", "200120"),
        ("yb=830000", "830000"),
        ('{"postalCode": "837160"}', "837160"),
        ("Postal code 850000", "850000"),
        ("邮编：５１８０００", "５１８０００"),
        ("邮编 010010", "010010"),  # Hohhot, leading zero
        ("深圳市南山区科技园路1号 518057", "518057"),  # right after an address
        ("张新村18栋2单元3201室 245661\n订单号：2023112", "245661"),
        ("邮政编码：720544\n订单号：2022051", "720544"),  # the next line's label does not count
    ],
)
def test_finds_postal_codes(text: str, expected: str) -> None:
    assert found(text) == [(expected, "CN_POSTAL_CODE")]


@pytest.mark.parametrize(
    "text",
    [
        "验证码 100080",  # no postal label
        "100080",
        "邮编 999077",  # Hong Kong placeholder, not a mainland prefix
        "邮编 900000",
        "邮编 1000801",  # inside longer digit runs
        "邮编 2100080",
        "邮编 08 0000",
        "学号 100080",  # 号 of a label, not of an address
        "账号：100080",
        "3201室 9245661",
    ],
)
def test_ignores_unlabelled_or_invalid(text: str) -> None:
    assert found(text) == []


def test_negative_context_lowers_the_score() -> None:
    plain = yinsi.analyze("邮编 100080", entities=["CN_POSTAL_CODE"])[0].score
    order = yinsi.analyze("订单号 邮编 100080", entities=["CN_POSTAL_CODE"])[0].score
    assert order < plain
