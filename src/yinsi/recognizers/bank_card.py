"""银行卡号 (ISO/IEC 7812-1, Luhn): China UnionPay cards and domestic cards labelled as such."""

from __future__ import annotations

from yinsi.recognizers._cards import (
    GROUPED_TAIL,
    continues_digit_groups,
    has_international_prefix,
    looks_like_resident_id,
    luhn_valid,
)
from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import CARD_CONTEXT, NUMBER_NEGATIVE, RESIDENT_ID_LABELS
from yinsi.recognizers.base import Examples, Pattern, digits_only


def is_valid_bank_card(value: str) -> bool | None:
    """True for a 16–19 digit Luhn-valid number that is not an international-brand card.

    International brands (Visa, Mastercard, ...) belong to CREDIT_CARD, so one number is reported
    once. An 18-digit number shaped like a resident ID (Gansu's province code is 62) cannot be told
    apart by its digits: None, so only context decides.
    """
    digits = digits_only(value)
    if not 16 <= len(digits) <= 19 or not luhn_valid(digits):
        return False
    if not digits.startswith("62") and has_international_prefix(digits):
        return False
    if looks_like_resident_id(digits):
        return None
    return True


class BankCardRecognizer(FieldContextRecognizer):
    """银行卡号 (ISO/IEC 7812-1 IIN 62 China UnionPay, check digit ISO/IEC 7812-1 Annex B Luhn).

    UnionPay numbers (`62`, 16–19 digits) are found anywhere, contiguous or in groups of four
    (`6222 0212 3456 7890 128`, `6222-0212-3456-7894`). Other Luhn-valid 16–19 digit numbers without an
    international brand prefix are reported only next to a card hotword (卡号, 开户行, card no, ...),
    and only with a banking major industry identifier (ISO/IEC 7812-1: 6, and 9 for national use,
    e.g. `9558 …`, `6013 …`): snowflake IDs and date-led order numbers (1…, 2…) are not cards.
    Luhn passes for one random number in ten, so a bare UnionPay match scores below a resident ID
    or a labelled card.
    """

    entity_type = "BANK_CARD"
    patterns = (
        Pattern("unionpay", r"62\d\d(?:\d{12,15}|" + GROUPED_TAIL + ")", 0.4),
        Pattern(
            "domestic",
            r"(?:9\d|6[013-9])\d\d(?:\d{12,15}|" + GROUPED_TAIL + ")",
            0.4,
            requires_context=True,
        ),
    )
    context = CARD_CONTEXT
    negative_context = (*NUMBER_NEGATIVE, *RESIDENT_ID_LABELS)
    max_candidate_length = 23  # 19 digits in groups of four
    boundary = "alnum"  # digits glued to letters are product or registration codes
    validated_score = 0.8
    context_boost = 0.2
    examples = Examples(
        positive=(
            "卡号：6222021234567890128",
            "银行卡6222 0212 3456 7890 128谢谢",
            '{"card":"6222-0212-3456-7894"}',
            "开户行：中国银行 账号 6013820800012345672",
        ),
        negative=(
            "6222021234567890127",  # Luhn fails
            "流水号 96222021234567890128",  # inside a longer digit run
            "6013820800012345672",  # not UnionPay and no card hotword
            "卡号 4111111111111111",  # Visa: reported as CREDIT_CARD
        ),
    )

    def accepts_neighbours(self, text: str, start: int, end: int) -> bool:
        return super().accepts_neighbours(text, start, end) and not continues_digit_groups(text, start, end)

    def validate(self, value: str) -> bool | None:
        return is_valid_bank_card(value)
