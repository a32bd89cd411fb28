"""邮政编码 (China Post four-level postal code scheme): 6-digit mainland postal codes, when labelled."""

from __future__ import annotations

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern

# A postal code is province (2 digits) + postal area (1) + county/city (1) + delivery office (2). The
# province prefixes in use on the mainland, e.g. 10 Beijing, 20 Shanghai, 51–52 Guangdong, 83–84
# Xinjiang, 85 Tibet; 9x is not used (Hong Kong, Macao and Taiwan have their own systems).
POSTAL_ZONES = frozenset(
    "01 02 03 04 05 06 07 10 11 12 13 15 16 20 21 22 23 24 25 26 27 30 31 32 33 34 35 36 "
    "40 41 42 43 44 45 46 47 51 52 53 54 55 56 57 61 62 63 64 65 66 67 71 72 73 74 75 81 83 84 85".split()
)


def is_valid_postal_code(value: str) -> bool:
    """True when six digits start with a mainland province postal prefix."""
    return len(value) == 6 and value.isdigit() and value[:2] in POSTAL_ZONES


class CnPostalCodeRecognizer(FieldContextRecognizer):
    """邮政编码 (China Post scheme: province 2 + postal area 1 + county 1 + delivery office 2 digits).

    Any six digits could be a postal code, so only labelled ones are reported: after a label (邮编,
    邮政编码, postcode, zip, the column abbreviations yb / yzbm; that pattern runs only in windows
    around the labels), right after the end of an address (……3201室 518057, 88号 518057), or in a
    CSV/TSV column whose header is such a label.
    """

    entity_type = "CN_POSTAL_CODE"
    patterns = (
        Pattern("labelled", r"[0-8]\d{5}", 0.5, requires_context=True),
        # Addresses often end with the postal code: ……88号3201室 518057. The address word is the context.
        Pattern("after_address", r"(?:室|号|栋|幢|楼|层|座|单元|弄)[ \t]{0,2}(?P<value>[0-8]\d{5})", 0.5),
    )
    context = (
        "邮编", "邮政编码", "postcode", "post code", "postal code", "zip", "zipcode", "zip code", "yb",
        "yzbm", "postalCode", "postal_code", "postCode", "post_code", "zipCode", "zip_code",
    )
    max_candidate_length = 6
    negative_context = NUMBER_NEGATIVE
    context_boost = 0.35
    validated_score = 0.5
    # A label is explicit; a business-number word nearby makes it less certain, not wrong.
    negative_penalty = 0.3
    examples = Examples(
        positive=(
            "邮编：100080",
            "北京市海淀区中关村大街1号（邮政编码100080）",
            '{"zip": "518000"}',
            "yb=200120",
            "深圳市南山区科技园路1号 518057",
        ),
        negative=(
            "邮编 999077",  # not a mainland prefix
            "验证码 100080",  # no postal label
            "邮编 1000801",  # 7 digits
            "学号 100080",  # 号 of a label, not of an address
        ),
    )

    def accepts_neighbours(self, text: str, start: int, end: int) -> bool:
        """Digit boundaries, and 号 ends an address only after a house number (88号), not in 学号/账号."""
        if not super().accepts_neighbours(text, start, end):
            return False
        before = text[max(0, start - 4) : start].rstrip(" \t")
        return not before.endswith("号") or (len(before) >= 2 and before[-2].isdigit())

    def validate(self, value: str) -> bool | None:
        return is_valid_postal_code(value)
