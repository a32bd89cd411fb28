"""手机号码 (ITU-T E.164, country code 86): mainland mobile numbers in current MIIT number ranges."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType

from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer, digits_only

_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})


@lru_cache(maxsize=65536)
def is_valid_cn_mobile(value: str) -> bool:
    """True when the 11 national digits are an allocated mainland mobile range.

    Ranges (incl. virtual operators 162/165/167/170/171 and IoT-free 19x) come from libphonenumber's
    metadata, which tracks MIIT allocations, so new ranges arrive with a `phonenumbers` update.
    """
    digits = digits_only(value)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) != 11 or digits[0] != "1":
        return False
    number = phonenumbers.parse("+86" + digits)
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _MOBILE_TYPES


class CnMobileRecognizer(PatternRecognizer):
    """手机号码 (E.164 +86, MIIT 号段 via libphonenumber).

    Finds `13800138000`, `138 0013 8000`, `138-0013-8000`, `+86 138 0013 8000`, `+86-138-0013-8000` and
    `0086 13800138000`; a run of digits inside a longer run (timestamps, order numbers) is not a match.
    """

    entity_type = "CN_MOBILE"
    patterns = (
        Pattern(
            "mobile",
            r"(?:(?:\+|00)86[ -]?|\(\+86\)[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}",
            0.4,
        ),
    )
    context = (
        "手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "联系人", "致电", "拨打", "号码", "收件人",
        "收货人", "短信", "验证码", "sjh", "lxdh", "phone", "mobile", "cell", "tel", "contact",
    )
    negative_context = NUMBER_NEGATIVE
    validated_score = 0.75
    context_boost = 0.2
    examples = Examples(
        positive=(
            "手机：13800138000",
            "联系电话138 0013 8000，请尽快",
            "+86-138-0013-8000",
            "call me at 0086 13912345678",
            '{"phone": "17012345678"}',
        ),
        negative=(
            "12345678901",  # 12x is not a mobile range
            "ts=1380013800012",  # inside a 13-digit timestamp
            "14012345678",  # unallocated
        ),
    )

    def validate(self, value: str) -> bool | None:
        return is_valid_cn_mobile(value)
