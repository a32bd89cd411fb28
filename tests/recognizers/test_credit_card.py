"""CREDIT_CARD: international brands by IIN range and length, Luhn, separated forms."""

from __future__ import annotations

import pytest

import yinsi

VISA = "4111111111111111"
MASTERCARD = "5555555555554444"
MASTERCARD_2 = "2221000000000009"
AMEX = "378282246310005"
JCB = "35301113333000001"
DISCOVER = "6011111111111117"
DINERS = "30569309025904"


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=["CREDIT_CARD"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"信用卡{VISA}谢谢", VISA),
        ("card no: 4111 1111 1111 1111", "4111 1111 1111 1111"),
        (f"卡号：{MASTERCARD}。", MASTERCARD),
        ("Mastercard 2221-0000-0000-0009", "2221-0000-0000-0009"),
        (f"{MASTERCARD_2}", MASTERCARD_2),
        ("Amex 3782 822463 10005 exp 12/28", "3782 822463 10005"),
        (f"JCB卡{JCB}已绑定", JCB),
        (f'{{"pan":"{DISCOVER}"}}', DISCOVER),
        (f"?card={DINERS}&cvv=123", DINERS),
        ("卡号：４１１１１１１１１１１１１１１１", "４１１１１１１１１１１１１１１１"),
    ],
)
def test_finds_credit_cards(text: str, expected: str) -> None:
    assert found(text) == [(expected, "CREDIT_CARD")]


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111112",  # Luhn fails
        f"ts=1{VISA}",  # inside a longer digit run
        f"{VISA}9",
        "卡号 6222021234567890128",  # UnionPay is BANK_CARD
        "41111111111111",  # Visa has no 14-digit numbers
        "3782822463100050",  # Amex is 15 digits only
        "7111111111111111",  # no international brand starts with 7
        "代码 5245020331281891XW",  # glued to letters: a registration code
    ],
)
def test_ignores_non_credit_cards(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("number", [VISA, "6222021234567890128", "6013820800012345672"])
def test_card_recognizers_never_report_one_number_twice(number: str) -> None:
    """BANK_CARD and CREDIT_CARD split numbers by IIN, so each number comes from one recognizer."""
    analyzer = yinsi.Analyzer()
    raw = [
        finding
        for recognizer in analyzer.select(frozenset({"BANK_CARD", "CREDIT_CARD"}), "zh")
        for finding in recognizer.analyze(f"卡号 {number}")
    ]
    assert len({finding.entity_type for finding in raw}) == 1


def test_unbranded_travel_card_counts_only_when_labelled() -> None:
    """3503… is in no brand's registered range, but a Luhn-valid MII-3 number next to "card" is one."""
    number = "3503381179992276"
    assert found(f"Card: {number} exp 04/30") == [(number, "CREDIT_CARD")]
    assert yinsi.analyze(number, entities=["CREDIT_CARD"], score_threshold=0.5) == []
    assert found("卡号 3503381179992277") == []  # Luhn fails


@pytest.mark.parametrize("text", ["证件号码 362230195405124730 校验失败", "652327198012329203"])
def test_numbers_shaped_like_resident_ids_are_not_confident_cards(text: str) -> None:
    """Jiangxi (36) and Xinjiang (65) IDs share Diners and Discover prefixes; Luhn passes one in ten."""
    assert yinsi.analyze(text, entities=["CREDIT_CARD"], score_threshold=0.5) == []


def test_context_raises_and_negative_context_lowers() -> None:
    bare = yinsi.analyze(VISA, entities=["CREDIT_CARD"])[0].score
    labelled = yinsi.analyze(f"信用卡号 {VISA}", entities=["CREDIT_CARD"])[0].score
    order = yinsi.analyze(f"订单号 {VISA}", entities=["CREDIT_CARD"])[0].score
    assert order < bare < labelled


def test_unseparated_long_brand_number_needs_a_label() -> None:
    """18 digits with a JCB prefix pass Luhn one time in ten: unlabelled, it stays below the scan cut-off."""
    key = "353011133330000000"
    bare = [f for f in yinsi.analyze(f"key=order:{key}") if f.entity_type == "CREDIT_CARD"]
    assert all(f.score < 0.5 for f in bare)
    labelled = [f for f in yinsi.analyze(f"信用卡号：{key}") if f.entity_type == "CREDIT_CARD"]
    assert labelled and labelled[0].score >= 0.5
