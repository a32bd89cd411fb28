"""QQ_NUMBER: labelled 5–11 digit numbers; never a mailbox, a mobile number or an unlabelled number."""

from __future__ import annotations

import pytest

import yinsi


def found(text: str, entities: tuple[str, ...] = ("QQ_NUMBER",)) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=list(entities))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QQ12345678谢谢", "12345678"),
        ("我的qq号：2850123456，", "2850123456"),
        ("加我扣扣 87654321 聊", "87654321"),
        ("企鹅号10001", "10001"),
        ("[用户] Q号 48353050", "48353050"),
        ('{"qq": "2850123456"}', "2850123456"),
        ("https://example.com/u?qq=12345678&from=share", "12345678"),
        ("ＱＱ：１２３４５６７８", "１２３４５６７８"),
        ("12345678（QQ）", "12345678"),  # label after the value
        ('{"qqNumber": "2850123456"}', "2850123456"),
        ("QQ：3400997\n订单号：2023", "3400997"),  # a negative word in the next field lowers, not drops
    ],
)
def test_finds_qq_numbers(text: str, expected: str) -> None:
    assert found(text) == [(expected, "QQ_NUMBER")]


@pytest.mark.parametrize(
    "text",
    [
        "验证码 12345678",  # no label
        "12345678",
        "QQ 0123456",  # leading zero
        "QQ 1234",  # too short
        "QQ 123456789012",  # too long
        "QQ ts=1234567890123",  # inside a longer digit run
        "QQ 13800138000",  # a mobile number is CN_MOBILE
        "QQ群 12345678",  # a group, not a person
        "邮箱 709976652@qq.com,85196.62",  # "qq" of a mail domain is no label
        "qqin29@163.com 云Y39450",  # nor inside a word
        '"qqNumber": "1", "carNo": "京L·15103D"',  # digits glued to letters (a plate)
    ],
)
def test_ignores_non_qq(text: str) -> None:
    assert found(text) == []


def test_mailbox_is_an_email_not_a_qq_number() -> None:
    text = "QQ邮箱 12345678@qq.com"
    assert found(text, ("QQ_NUMBER", "EMAIL")) == [("12345678@qq.com", "EMAIL")]


def test_ten_digit_qq_number_is_not_an_800_number() -> None:
    assert found("qq号8004244831\n[客服] 好的", ("QQ_NUMBER", "CN_LANDLINE")) == [("8004244831", "QQ_NUMBER")]


def test_mobile_number_labelled_qq_is_a_mobile() -> None:
    assert found("QQ 13800138000", ("QQ_NUMBER", "CN_MOBILE")) == [("13800138000", "CN_MOBILE")]


def test_negative_context_lowers_the_score() -> None:
    person = yinsi.analyze("QQ号 12345678", entities=["QQ_NUMBER"])[0].score
    order = yinsi.analyze("订单号 QQ 12345678", entities=["QQ_NUMBER"])[0].score
    assert order < person
