"""国际电话号码 (ITU-T E.164): numbers written with a +CC or 00CC prefix, outside mainland China."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, digits_only

# E.164 allows at most 15 digits including the country code; the shortest valid numbers (small
# island states) have 7 national digits after a 1–3 digit code.
_MIN_DIGITS = 8
_MAX_DIGITS = 15
_CHINA = 86
_SEPARATORS = frozenset(" .-")
# After the first digit of the country code: up to seven digit groups, an area code may be bracketed.
_DIGIT_GROUPS = r"\d{0,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,8})){0,6}"


@lru_cache(maxsize=65536)
def is_valid_nanp_number(value: str) -> bool:
    """True for an allocated North American number written nationally: `(415) 555-2671`."""
    number = phonenumbers.parse(value, "US")
    return phonenumbers.is_valid_number(number)


@lru_cache(maxsize=65536)
def is_valid_international_number(value: str) -> bool:
    """True when `+CC…` / `00CC…` is an allocated number of a country other than mainland China.

    +86 numbers are CN_MOBILE's and CN_LANDLINE's; Hong Kong (+852), Macao (+853) and Taiwan (+886)
    have their own numbering plans and are reported here. A trunk prefix in brackets, as in
    `+44 (0)20 …`, is understood by libphonenumber.
    """
    digits = digits_only(value)
    if value.startswith("00"):
        digits = digits[2:]
    if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
        return False
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return False
    return number.country_code != _CHINA and phonenumbers.is_valid_number(number)


class PhoneNumberRecognizer(FieldContextRecognizer):
    """国际电话号码 (ITU-T E.164 with country code; allocation per libphonenumber metadata).

    Finds `+1 (415) 555-2671`, `+44 20 7946 0958`, `+852 2123 4567` and `0044 20 7946 0958`. The
    pattern reads up to seven digit groups; when the whole run is not a valid number, the longest
    valid prefix ending at a group boundary is reported (so `+44 20 7946 0958 2024年` stops before
    the year). Numbers without an international prefix are reported only in the bracketed North
    American form `(415) 555-2671` next to a phone word: without knowing the country, a national
    number is just a digit run.
    """

    entity_type = "PHONE_NUMBER"
    # Two patterns, each starting with a literal the regex engine skips to quickly.
    patterns = (
        Pattern("plus", r"\+[1-9]" + _DIGIT_GROUPS, 0.3),
        Pattern("double_zero", r"00[1-9]" + _DIGIT_GROUPS, 0.3),
        # National numbers are ambiguous without a country; the bracketed North American form is
        # distinctive enough to report when a phone word is next to it.
        Pattern("nanp", r"\([2-9]\d\d\) ?[2-9]\d\d-\d{4}", 0.3, requires_context=True),
    )
    context = (
        "电话", "手机", "联系电话", "联系方式", "传真", "号码", "phone", "tel", "mobile", "cell", "call",
        "fax", "contact", "whatsapp", "telegram", "hotline",
    )
    prefilter = ("+", "00", "(")
    hotwords_first = False  # the one gated pattern starts with "(", quicker to scan for than hotwords
    # A letter or digit right before "+" means a time zone (UTC+8) or arithmetic (a+1), not a number.
    boundary = "alnum"
    negative_context = NUMBER_NEGATIVE
    validated_score = 0.8
    context_boost = 0.15
    examples = Examples(
        positive=(
            "Tel: +1 (415) 555-2671",
            "伦敦办公室电话+44 20 7946 0958，",
            "香港手机 +852 6123 4567",
            '{"phone":"0044 20 7946 0958"}',
        ),
        negative=(
            "+86 138 0013 8000",  # mainland: CN_MOBILE
            "+1 123 456 7890",  # invalid area code
            "+44 12",  # too short
            "version 2.0 +3",  # not a number
        ),
    )

    def validate(self, value: str) -> bool | None:
        if value.startswith("("):
            return is_valid_nanp_number(value)
        return is_valid_international_number(value)

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Shrink to the longest valid prefix ending at a digit group, keeping the span if none is."""
        value = text[start:end]
        if value.startswith("(") or is_valid_international_number(value):
            return start, end
        for cut in range(len(value) - 1, 0, -1):
            if value[cut] in _SEPARATORS and value[cut - 1] not in _SEPARATORS:
                if is_valid_international_number(value[:cut]):
                    return start, start + cut
        return start, end
