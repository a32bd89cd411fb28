"""固定电话号码 (ITU-T E.164 +86, MIIT numbering plan): landlines with extensions, 400/800 numbers."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, digits_only

# Long-distance area codes are prefix-free (010, 02x, then three digits after 0), which is what lets
# `0755 8888 8888` split unambiguously. Local numbers have 7 or 8 digits and never start with 0 or 1.
_AREA = r"(?:10|2\d|[3-9]\d{2})"
_LOCAL = r"(?:[2-9]\d{2,3}[ -]?\d{4}|[2-9]\d{3}[ -]\d{3})"  # 7 digits may be grouped 4-3
# An extension: 转123, 分机 123, ext. 123, x123 or a trailing -123.
_EXTENSION_MARK = r"(?:[ ]?(?:转|分机|[Ee][Xx][Tt]\.?|[Xx]|-)[ ]?\d{1,5})"
_EXTENSION = _EXTENSION_MARK + r"?(?!\d)"
_EXTENSION_RE = re.compile(_EXTENSION_MARK + "$")
_INTERNATIONAL = ("+86", "0086", "(+86)", "（+86）")
# What follows the area code. Every pattern below starts with a literal ("0", "(", "（", "+86", "400",
# "800"), which the regex engine skips to far faster than to a character class; that is why the two
# bracket styles are two patterns.
_TAIL = "[ -]?" + _LOCAL + _EXTENSION

# Fixed-line numbers, and the service numbers companies print for customers (400 = UAN "universal
# access number", 800 = toll free); libphonenumber's CN metadata types them as below.
_LANDLINE_TYPES = frozenset(
    {
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.UAN,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.VOIP,
    }
)


@lru_cache(maxsize=65536)
def is_valid_cn_landline(value: str) -> bool:
    """True when the number (without extension) is an allocated mainland fixed-line or service number.

    Accepts national (`010 12345678`), bracketed and international (`+86 10 12345678`) forms; the
    allocation check is libphonenumber's CN metadata. Mobile numbers are not landlines.
    """
    national = _national_digits(_without_extension(value))
    if not 9 <= len(national) <= 11:
        return False
    number = phonenumbers.parse("+86" + national)
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _LANDLINE_TYPES


def _national_digits(value: str) -> str:
    """Digits after the country code (+86, 0086) and the trunk prefix 0: area code + local number."""
    digits = digits_only(value)
    if value.startswith(_INTERNATIONAL):
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
    return digits.removeprefix("0")


def _without_extension(value: str) -> str:
    """The value without a trailing extension; `010-6234-5678` keeps its last group (too few digits)."""
    match = _EXTENSION_RE.search(value)
    # Area code (2–3 digits) + local number (7–8 digits) = 9–11 digits; 400/800 numbers have 10.
    if match is not None and len(_national_digits(value[: match.start()])) >= 9:
        return value[: match.start()]
    return value


class CnLandlineRecognizer(FieldContextRecognizer):
    """固定电话号码 (ITU-T E.164 country code 86; 长途区号 per MIIT numbering plan, via libphonenumber).

    Finds `010-12345678`, `(010)12345678`, `（0755）8888 8888`, `0571 8888 8888转123`, `+86 10 1234 5678`,
    `0086-21-12345678` and service numbers `400-820-8820` / `800 820 8820`. The extension is part of the
    reported span. Mobile numbers are CN_MOBILE's.
    """

    entity_type = "CN_LANDLINE"
    patterns = (
        Pattern("national", r"0(?:" + _AREA + r"|086[ -]?(?:\(0\))?" + _AREA + ")" + _TAIL, 0.35),
        Pattern("bracketed", r"\((?:0" + _AREA + r"\)|\+86\)[ -]?" + _AREA + ")" + _TAIL, 0.4),
        Pattern("bracketed_fullwidth", r"（(?:0" + _AREA + r"）|\+86）[ -]?" + _AREA + ")" + _TAIL, 0.4),
        Pattern("international", r"\+86[ -]?(?:\(0\))?" + _AREA + _TAIL, 0.4),
        Pattern("uan", r"400[ -]?\d{3,4}[ -]?\d{3,4}" + _EXTENSION, 0.35),
        Pattern("toll_free", r"800[ -]?\d{3,4}[ -]?\d{3,4}" + _EXTENSION, 0.35),
    )
    context = (
        "电话", "座机", "固话", "固定电话", "联系电话", "办公电话", "单位电话", "家庭电话", "客服", "热线",
        "总机", "传真", "联系方式", "致电", "拨打", "分机", "lxdh", "gddh", "phone", "tel", "telephone",
        "fax", "hotline", "landline", "contact", "收件人", "收货人", "联系人",
    )
    # A 10-digit QQ number can look like an 800 number.
    negative_context = (*NUMBER_NEGATIVE, "qq", "扣扣", "微信")
    # Letters touching the digits mean a hex trace ID or a product code, not a phone number.
    boundary = "alnum"
    validated_score = 0.7
    context_boost = 0.25
    examples = Examples(
        positive=(
            "电话：010-62345678",
            "联系我们（0755）8888 8888转123",
            "tel: +86 21 6234 5678",
            "客服热线400-820-8820",
            '{"tel":"057188886666"}',
        ),
        negative=(
            "13800138000",  # mobile number
            "010-12345678",  # local numbers never start with 1
            "订单号20240101062345678",  # inside a longer digit run
            "500-820-8820",  # not a service prefix
        ),
    )

    def validate(self, value: str) -> bool | None:
        return is_valid_cn_landline(value)
