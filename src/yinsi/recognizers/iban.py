"""国际银行账号 IBAN (ISO 13616-1:2020, check digits ISO 7064 MOD 97-10): with or without spaces."""

from __future__ import annotations

from functools import lru_cache

from stdnum import iban

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern


@lru_cache(maxsize=65536)
def is_valid_iban(value: str) -> bool:
    """True when the MOD 97-10 check holds and the BBAN fits its country's registered structure."""
    return iban.is_valid(value.replace(" ", ""))


class IbanRecognizer(FieldContextRecognizer):
    """国际银行账号 IBAN (ISO 13616-1:2020; MOD 97-10 per ISO/IEC 7064; SWIFT IBAN registry structures).

    Finds the electronic form `DE89370400440532013000` and the print form in groups of four
    (`GB82 WEST 1234 5698 7654 32`). When grouped text runs on into more groups of four, the longest
    valid prefix ending at a group is reported. Upper case only: that is how IBANs are printed.
    """

    entity_type = "IBAN"
    # [A-Z][A-Z] rather than [A-Z]{2}: the engine only skips ahead on a single leading class.
    patterns = (Pattern("iban", r"[A-Z][A-Z]\d\d(?: ?[A-Z0-9]{4}){2,8}(?: ?[A-Z0-9]{1,3})?", 0.3),)
    context = (
        "iban", "国际银行账号", "银行账号", "账号", "帐号", "收款账户", "account", "bank", "swift", "bic",
    )
    negative_context = NUMBER_NEGATIVE
    boundary = "alnum"
    validated_score = 0.9
    context_boost = 0.1
    examples = Examples(
        positive=(
            "IBAN：DE89370400440532013000",
            "收款账户 GB82 WEST 1234 5698 7654 32，谢谢",
            '{"iban":"FR1420041010050500013M02606"}',
        ),
        negative=(
            "DE89370400440532013001",  # MOD 97 fails
            "XX89370400440532013000",  # no such country
            "ID DE89370400440532013000X",  # glued to a letter
        ),
    )

    def validate(self, value: str) -> bool | None:
        return is_valid_iban(value)

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Shrink to the longest valid prefix ending before a space, keeping the span if none is."""
        value = text[start:end]
        if is_valid_iban(value):
            return start, end
        for cut in range(len(value) - 1, 0, -1):
            if value[cut] == " " and is_valid_iban(value[:cut]):
                return start, start + cut
        return start, end
