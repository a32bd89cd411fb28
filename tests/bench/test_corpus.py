"""The benchmark corpus is reproducible and its gold labels are right by the identifiers' own rules."""

from __future__ import annotations

import ipaddress
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban, imei, luhn
from stdnum.cn import ric, uscc

from yinsi import ENTITY_TYPES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import itertools

import corpus

N = 300
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@pytest.fixture(scope="module", params=[False, True], ids=["main", "holdout"])
def records(request: pytest.FixtureRequest) -> list[corpus.Record]:
    return corpus.generate(11, N, holdout=request.param)


def plain(value: str) -> str:
    """The value with zero-width characters removed and full-width characters folded (NFKC)."""
    return unicodedata.normalize("NFKC", value.translate(INVISIBLE))


def digits(value: str) -> str:
    return re.sub(r"[^0-9Xx]", "", plain(value)).upper()


def card_brand_ok(number: str) -> bool:
    """The issuer ranges of the brands the corpus draws (Visa, Mastercard, Amex, JCB, Discover)."""
    return (
        number[0] == "4"
        or 51 <= int(number[:2]) <= 55
        or 2221 <= int(number[:4]) <= 2720
        or number[:2] in ("34", "37", "65")
        or 3528 <= int(number[:4]) <= 3589
        or number.startswith("6011")
        or 644 <= int(number[:3]) <= 649
    )


def phone_valid(value: str, region: str = "CN") -> bool:
    number = re.split(r"转|分机| ext\. ", plain(value))[0]
    if region == "CN" and re.fullmatch(r"0\d{2,3}-\d{7,8}-\d{3,4}", number):
        number = number.rsplit("-", 1)[0]  # a trailing -extension
    return phonenumbers.is_valid_number(phonenumbers.parse(number, region))


CHECKS: dict[str, Callable[[str], bool]] = {
    "CN_RESIDENT_ID": lambda value: ric.is_valid(digits(value)),
    "BANK_CARD": lambda value: luhn.is_valid(digits(value)) and digits(value).startswith("62"),
    "CREDIT_CARD": lambda value: luhn.is_valid(digits(value)) and card_brand_ok(digits(value)),
    "IMEI": lambda value: imei.is_valid(digits(value)),
    "CN_USCC": lambda value: uscc.is_valid(plain(value)),
    "IBAN": lambda value: iban.is_valid(plain(value)),
    "CN_MOBILE": lambda value: phone_valid(value),
    "CN_LANDLINE": lambda value: phone_valid(value),
    "PHONE_NUMBER": lambda value: phone_valid(value, "ZZ"),
    "IP_ADDRESS": lambda value: ipaddress.ip_address(value) is not None,
    "EMAIL": lambda value: re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", plain(value)) is not None,
    "MAC_ADDRESS": lambda value: len(re.sub(r"[:.-]", "", value)) == 12,
    "CN_POSTAL_CODE": lambda value: re.fullmatch(r"\d{6}", value) is not None,
    "WECHAT_ID": lambda value: re.fullmatch(r"[A-Za-z][-_A-Za-z0-9]{5,19}", value) is not None,
    "QQ_NUMBER": lambda value: re.fullmatch(r"[1-9]\d{4,10}", value) is not None,
    "CN_PASSPORT": lambda value: re.fullmatch(r"[EG][0-9A-HJ-NP-Z]\d{7}", value) is not None,
}


def test_same_seed_same_corpus_and_prefix_stable() -> None:
    first = corpus.generate(5, 60)
    assert first == corpus.generate(5, 60)
    assert corpus.generate(5, 25) == first[:25]
    assert [record.text for record in corpus.generate(6, 60)] != [record.text for record in first]


def test_holdout_uses_other_wording() -> None:
    main = "".join(record.text for record in corpus.generate(3, 200))
    held_out = "".join(record.text for record in corpus.generate(3, 200, holdout=True))
    assert "预留手机号" in held_out or "联系方式" in held_out
    assert "预留手机号" not in main
    assert '"cellphone"' not in main


def test_json_round_trip(records: list[corpus.Record]) -> None:
    for record in records[:50]:
        assert corpus.Record.from_json(record.to_json()) == record


def test_spans_in_range_and_names_canonical(records: list[corpus.Record]) -> None:
    for record in records:
        for label in record.labels:
            assert 0 <= label.start < label.end <= len(record.text)
            assert label.label in ENTITY_TYPES
            value = record.text[label.start : label.end]
            assert value == value.strip(), (label, value)
        for negative in record.negatives:
            assert 0 <= negative.start < negative.end <= len(record.text)
            assert negative.label not in ENTITY_TYPES


def test_positive_spans_pass_their_checks(records: list[corpus.Record]) -> None:
    checked = {name: 0 for name in CHECKS}
    for record in records:
        for label in record.labels:
            check = CHECKS.get(label.label)
            if check is None or label.form == "chinese_numerals":
                continue
            value = record.text[label.start : label.end]
            assert check(value), (label.label, label.form, value)
            checked[label.label] += 1
    assert all(checked.values()), checked  # every check ran at least once


def test_gold_spans_do_not_overlap_except_inside_containers(records: list[corpus.Record]) -> None:
    for record in records:
        spans = sorted(record.labels + record.negatives, key=lambda label: (label.start, -label.end))
        for left, right in itertools.pairwise(spans):
            if right.start < left.end:
                assert left.label == "URL" and right.end <= left.end, (left, right)


def test_invalid_negatives_fail_their_checks(records: list[corpus.Record]) -> None:
    failing = {
        "INVALID_RESIDENT_ID": lambda value: not ric.is_valid(value),
        "INVALID_CARD": lambda value: not luhn.is_valid(value),
        "INVALID_IMEI": lambda value: not imei.is_valid(value),
        "INVALID_USCC": lambda value: not uscc.is_valid(value),
        "UNALLOCATED_MOBILE": lambda value: not phone_valid(value),
    }
    seen = 0
    for record in corpus.generate(11, 1000):
        for negative in record.negatives:
            kind = next((name for name in failing if negative.label.startswith(name)), None)
            if kind:
                assert failing[kind](record.text[negative.start : negative.end]), negative
                seen += 1
    assert seen > 20
