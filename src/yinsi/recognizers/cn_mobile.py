"""手机号码 (ITU-T E.164, country code 86): mainland mobile numbers in current MIIT number ranges."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from yinsi.recognizers._anchored import take_back
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer, digits_only


# libphonenumber's metadata tracks MIIT allocations (incl. virtual operators 162/165/167/170/171, IoT
# and satellite ranges); its national-number regex is compiled once so that a candidate costs one
# fullmatch instead of a full phonenumbers.parse (~20 µs).
def _mobile_ranges() -> re.Pattern[str]:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region("CN")
    pattern = metadata.mobile.national_number_pattern if metadata and metadata.mobile else None
    if not pattern:
        raise RuntimeError("phonenumbers has no mainland mobile metadata; reinstall phonenumbers")
    return re.compile(pattern)


_MOBILE_RANGES = _mobile_ranges()
# What may stand before the 11 digits: +86, 0086, (+86), with an optional separator.
_PREFIX = re.compile(r"(?:\+86|0086|\(\+86\)|（\+86）)[ -]?$")
_PREFIX_CHARACTERS = frozenset("+0086()（） -")
_DIGITS = frozenset("0123456789")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@lru_cache(maxsize=65536)
def is_valid_cn_mobile(value: str) -> bool:
    """True when the 11 national digits are an allocated mainland mobile range."""
    digits = digits_only(value)
    if len(digits) == 15 and digits.startswith("0086"):
        digits = digits[4:]
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return len(digits) == 11 and _MOBILE_RANGES.fullmatch(digits) is not None


class CnMobileRecognizer(PatternRecognizer):
    """手机号码 (E.164 +86, MIIT 号段 via libphonenumber metadata).

    Finds `13800138000`, `138 0013 8000`, `138-0013-8000`, `+86 138 0013 8000`, `+86-138-0013-8000` and
    `0086 13800138000`; a run of digits inside a longer run (timestamps, order numbers) is not a match.
    The pattern starts at the leading 1 so the regex engine can skip ahead; a country prefix is taken
    back into the span afterwards.
    """

    entity_type = "CN_MOBILE"
    patterns = (Pattern("mobile", r"1[3-9]\d[ -]?\d{4}[ -]?\d{4}", 0.4),)
    context = (
        "手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "联系人", "致电", "拨打", "号码",
        "收件人", "收货人", "短信", "验证码", "sjh", "lxdh", "phone", "mobile", "cell", "tel", "contact",
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
            "电话：+8613800138000",
        ),
        negative=(
            "12345678901",  # 12x is not a mobile range
            "ts=1380013800012",  # inside a 13-digit timestamp
            "14012345678",  # unallocated
            "订单号 8613800138000123",  # inside a longer run
            "流水 128613800138000",  # "86" inside a longer run is not a country prefix
            "traceId=4f13800138000a2b",  # inside a hex id
        ),
    )

    def accepts_neighbours(self, text: str, start: int, end: int) -> bool:
        """No digit may touch the number, except one that ends a country prefix (`+8613800138000`).

        A letter on one side is fine (`tel13800138000`), letters on both sides mean the digits sit
        inside a token such as a hex trace id (`4f13800138000a2b`).
        """
        if super().accepts_neighbours(text, start, end):
            return not (
                start > 0 and end < len(text) and text[start - 1] in _LETTERS and text[end] in _LETTERS
            )
        if end < len(text) and text[end] in _DIGITS:
            return False
        prefix = _PREFIX.search(text, max(0, start - 7), start)
        return prefix is not None and (prefix.start() == 0 or text[prefix.start() - 1] not in _DIGITS)

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        if start == 0 or text[start - 1] not in _PREFIX_CHARACTERS:
            return start, end
        first = take_back(text, start, _PREFIX_CHARACTERS, 6)
        prefix = _PREFIX.search(text, first, start)
        return (prefix.start(), end) if prefix is not None else (start, end)

    def validate(self, value: str) -> bool | None:
        return is_valid_cn_mobile(value)
