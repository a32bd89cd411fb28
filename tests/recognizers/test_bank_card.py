"""BANK_CARD: UnionPay anywhere, other domestic cards with a card hotword, never an international brand."""

from __future__ import annotations

import pytest

import yinsi

UNIONPAY_19 = "6222021234567890128"
UNIONPAY_16 = "6222021234567894"
DOMESTIC_19 = "6013820800012345672"  # Bank of China Great Wall range, not UnionPay's 62


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=["BANK_CARD"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"卡号{UNIONPAY_19}谢谢", UNIONPAY_19),
        (f"银行卡：{UNIONPAY_16}。", UNIONPAY_16),
        ("银行卡6222 0212 3456 7890 128已绑定", "6222 0212 3456 7890 128"),
        ("储蓄卡 6222-0212-3456-7894", "6222-0212-3456-7894"),
        (f'{{"card":"{UNIONPAY_19}"}}', UNIONPAY_19),
        (f"https://pay.example.com/bind?card={UNIONPAY_16}&name=x", UNIONPAY_16),
        ("卡号：６２２２０２１２３４５６７８９０１２８", "６２２２０２１２３４５６７８９０１２８"),
        (f"开户行：中国银行 账号 {DOMESTIC_19}", DOMESTIC_19),
        (f"yhkh={DOMESTIC_19}", DOMESTIC_19),
        (UNIONPAY_19, UNIONPAY_19),  # UnionPay needs no context
    ],
)
def test_finds_bank_cards(text: str, expected: str) -> None:
    assert found(text) == [(expected, "BANK_CARD")]


@pytest.mark.parametrize(
    "text",
    [
        "卡号6222021234567890127",  # Luhn fails
        "卡号6222 0212 3456 7890 127",
        f"流水号9{UNIONPAY_19}",  # inside a longer digit run
        f"{UNIONPAY_19}0",
        DOMESTIC_19,  # not UnionPay, no card hotword
        "卡号 4111111111111111",  # Visa is CREDIT_CARD
        "卡号 622202123456789",  # 15 digits is too short
        "6222 0212-3456 7890 128",  # mixed separators do not join into one number
        "userId=1644740672018017884 account=185",  # a snowflake ID is no card, even next to "account"
        "orderId=2022040118292483959 cardNo=6228",  # date-led order number
    ],
)
def test_ignores_non_bank_cards(text: str) -> None:
    assert found(text) == []


def test_a_card_that_passes_the_uscc_check_by_chance_stays_a_card() -> None:
    text = "退款退到这张卡 621288214822921055\n"
    findings = yinsi.analyze(text, entities=["BANK_CARD", "CN_USCC"])
    assert [(text[f.start : f.end], f.entity_type) for f in findings] == [("621288214822921055", "BANK_CARD")]


def test_negative_context_lowers_the_score() -> None:
    labelled = yinsi.analyze(f"卡号 {UNIONPAY_19}", entities=["BANK_CARD"])
    order = yinsi.analyze(f"订单号 {UNIONPAY_19}", entities=["BANK_CARD"])
    assert labelled[0].score > 0.9 > 0.5 > order[0].score


def test_resident_id_of_gansu_is_not_taken_for_a_card() -> None:
    """A Gansu (62…) resident ID that happens to pass Luhn is reported as the ID, not as a card."""
    from stdnum.cn.ric import calc_check_digit
    from stdnum.luhn import is_valid

    # stdnum's calc_check_digit expects a placeholder where the check digit goes.
    body = next(
        candidate
        for serial in range(100, 1000)
        if is_valid(candidate := (base := f"62010219900307{serial}") + calc_check_digit(base + "0"))
    )
    findings = yinsi.analyze(f"号码 {body}", entities=["BANK_CARD", "CN_RESIDENT_ID"])
    assert [(f.entity_type, f.start, f.end) for f in findings] == [("CN_RESIDENT_ID", 3, 21)]
