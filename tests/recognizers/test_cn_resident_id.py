"""CN_RESIDENT_ID: MOD 11-2 check digit, birth date, province, separators, legacy 15-digit form."""

from __future__ import annotations

from functools import partial

import pytest

from yinsi.recognizers.cn_resident_id import is_valid_legacy_resident_id, is_valid_resident_id
from yinsi.testing import found_values, single_score

ENTITY = "CN_RESIDENT_ID"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号：11010519491231002X", "11010519491231002X"),
        ("客户证件号码110105199003071239已核验", "110105199003071239"),  # CJK on both sides
        ("公民身份号码 11010519491231002x", "11010519491231002x"),  # lower-case x
        ("440304198512010019", "440304198512010019"),  # no context: the check digit suffices
        ("320106200002290043", "320106200002290043"),  # born on a leap day
        ("id_card=110105 1990 0307 1239", "110105 1990 0307 1239"),  # grouped with spaces
        ("110105-19900307-1239", "110105-19900307-1239"),
        ("身份证：１１０１０５１９９００３０７１２３９", "１１０１０５１９９００３０７１２３９"),
        ("身份证：110105\u200b199003071239", "110105\u200b199003071239"),  # zero-width space
        ("身份证\u3000110105\u30001990\u30000307\u30001239", "110105\u30001990\u30000307\u30001239"),
        ('{"sfzh": "510107198001010013", "xm": "张三"}', "510107198001010013"),
        ("https://gov.example.cn/query?idcard=510107198001010013&t=1", "510107198001010013"),
        ("身份证 110105491231002", "110105491231002"),  # legacy 15-digit with a label
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "110105199003071238",  # wrong check digit
        "11010519491231002Y",  # not a check character
        "110101199013078519",  # month 13 (check digit correct)
        "990105199003071232",  # no such province (check digit correct)
        "110101203012310012",  # born in the future
        "订单号 9110105199003071239123",  # inside a longer digit run
        "1101051990030712391",
        "流水号110105491231002",  # legacy form without an ID label
        "110105491231002",
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_id_glued_to_a_letter_is_still_found() -> None:
    # The boundary is digits only: field prefixes such as "A" or "ID" often touch the number in logs.
    assert found("A110105199003071239") == ["110105199003071239"]


def test_scores() -> None:
    assert score("110105199003071239") >= 0.9  # a passed checksum scores high without context
    assert score("身份证号 110105199003071239") >= score("110105199003071239")
    assert score("订单号 110105199003071239") < score("110105199003071239")


@pytest.mark.parametrize(
    ("value", "valid"),
    [("11010519491231002X", True), ("11010519491231002x", True), ("110105 1990 0307 1239", True)],
)
def test_validator(value: str, valid: bool) -> None:
    assert is_valid_resident_id(value) is valid


def test_legacy_validator_checks_province_and_date() -> None:
    assert is_valid_legacy_resident_id("110105491231002")
    assert not is_valid_legacy_resident_id("110105491331002")  # month 13
    assert not is_valid_legacy_resident_id("990105491231002")
