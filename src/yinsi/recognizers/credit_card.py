"""信用卡号 (ISO/IEC 7812-1, Luhn): Visa, Mastercard, Amex, JCB, Discover and Diners card numbers."""

from __future__ import annotations

from functools import lru_cache

from yinsi.recognizers._cards import (
    GROUPED_TAIL,
    continues_digit_groups,
    has_international_prefix,
    international_brand,
    looks_like_resident_id,
    luhn_valid,
)
from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import CARD_CONTEXT, NUMBER_NEGATIVE, RESIDENT_ID_LABELS
from yinsi.recognizers.base import Examples, Pattern, digits_only


@lru_cache(maxsize=65536)
def is_valid_credit_card(value: str) -> bool | None:
    """True when the digits fit an international brand's IIN range and length and pass Luhn.

    A Luhn-valid 14–19 digit number with major industry identifier 3 (travel and entertainment cards,
    ISO/IEC 7812-1) outside the registered brand ranges is None: plausibly a card of a smaller
    scheme, reported when a card hotword vouches for it. Numbers shaped like resident IDs (provinces
    35, 36, 65 share brand prefixes) are never confirmed by their digits alone.
    """
    digits = digits_only(value)
    branded = international_brand(digits) is not None
    unbranded_travel = digits[0] == "3" and 14 <= len(digits) <= 19 and not has_international_prefix(digits)
    # The prefix checks are dictionary lookups; Luhn runs only for numbers that could be a card.
    if not (branded or unbranded_travel) or not luhn_valid(digits):
        return False
    if branded:
        # Nearly every card in use has 15 (Amex) or 16 digits; an unseparated 17–19 digit run with a
        # brand prefix is far more often a business key (order:35…, 18-digit ids), so it needs a label.
        unusual = len(digits) > 16 and len(digits) == len(value)
        return None if looks_like_resident_id(digits) or unusual else True
    return False if looks_like_resident_id(digits) else None


class CreditCardRecognizer(FieldContextRecognizer):
    """信用卡号 (ISO/IEC 7812-1 issuer identification numbers, check digit Annex B Luhn).

    Covers the international brands, whoever issued the card: Visa (4), Mastercard (51–55, 2221–2720),
    American Express (34, 37; 4-6-5 groups), JCB (3528–3589), Discover (6011, 644–649, 65) and Diners
    Club (300–305, 3095, 36, 38–39). China UnionPay (62) is BANK_CARD, so a number is reported by one of
    the two recognizers only. Brand, length and Luhn together still pass for about one random number
    in ten with a brand prefix, so card hotwords (卡号, 信用卡, card no, ...) raise the score. Other
    Luhn-valid numbers starting with 3 (the travel-and-entertainment industry) count only when labelled,
    and so do unseparated brand numbers of 17–19 digits (rare as cards, common as business keys).
    """

    entity_type = "CREDIT_CARD"
    # One leading class, then the alternatives: cheaper than two alternatives that each start with it.
    patterns = (Pattern("card", r"[2-6]\d{3}(?:\d{9,15}|" + GROUPED_TAIL + ")", 0.3),)
    context = CARD_CONTEXT
    negative_context = (*NUMBER_NEGATIVE, *RESIDENT_ID_LABELS)
    boundary = "alnum"  # digits glued to letters are product or registration codes
    validated_score = 0.75
    context_boost = 0.25
    examples = Examples(
        positive=(
            "信用卡号：4111 1111 1111 1111",
            "card=5555555555554444&exp=12/28",
            "Amex 3782 822463 10005",
            "JCB卡35301113333000001已绑定",
            "Mastercard 2221-0000-0000-0009",
        ),
        negative=(
            "4111111111111112",  # Luhn fails
            "卡号 6222021234567890128",  # UnionPay: reported as BANK_CARD
            "ts=14111111111111111",  # inside a longer digit run
            "41111111111111",  # Visa has no 14-digit numbers
            "订单号 353011133330000000",  # JCB prefix and Luhn, but 18 digits and an order label
        ),
    )

    def accepts_neighbours(self, text: str, start: int, end: int) -> bool:
        return super().accepts_neighbours(text, start, end) and not continues_digit_groups(text, start, end)

    def validate(self, value: str) -> bool | None:
        return is_valid_credit_card(value)
