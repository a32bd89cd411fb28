"""Payment card rules shared by BANK_CARD and CREDIT_CARD: the Luhn check and brand prefixes.

The two recognizers split card numbers by issuer identification number (ISO/IEC 7812-1) so that one
number is never reported by both: China UnionPay's `62` range (and domestic numbers without an
international brand) is BANK_CARD; the international brands below are CREDIT_CARD, also when a Chinese
bank issued the card (e.g. a CCB Visa debit card `4367 …`).
"""

from __future__ import annotations

from functools import lru_cache

from stdnum import luhn

from yinsi.recognizers.cn_resident_id import PROVINCE_CODES

# Separated forms people write: 4-4-4-4(-3) for 16–19 digits, 4-6-5 (Amex) and 4-6-4 (Diners). The
# separator is captured and repeated so that a stray space between two unrelated numbers does not join.
GROUPED_TAIL = r"(?:([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|([ -])\d{6}\2\d{4,5})"

_DIGITS = frozenset("0123456789")


def continues_digit_groups(text: str, start: int, end: int) -> bool:
    """Whether a grouped candidate is a slice of a longer row of digit groups.

    Number tables (PostScript fonts, hex dumps, statistics) are rows of space-separated groups of
    four digits, and any four consecutive groups pass Luhn one time in ten. A card written by a
    person stands on its own: its groups are not continued, with the same separator, by more digits.
    """
    separator = next((char for char in text[start:end] if char in " -"), None)
    if separator is None:
        return False
    before = start >= 2 and text[start - 1] == separator and text[start - 2] in _DIGITS
    after = end + 1 < len(text) and text[end] == separator and text[end + 1] in _DIGITS
    return before or after


# (first IIN digits as an inclusive range over a fixed prefix length, allowed lengths, brand).
# Sources: ISO/IEC 7812-1 registrations as published by each scheme (Visa, Mastercard 2-series since
# 2017, Amex, JCB, Discover Global Network incl. Diners Club International).
_BRANDS: tuple[tuple[int, int, int, frozenset[int], str], ...] = (
    (1, 4, 4, frozenset({13, 16, 19}), "visa"),
    (2, 51, 55, frozenset({16}), "mastercard"),
    (4, 2221, 2720, frozenset({16}), "mastercard"),
    (2, 34, 34, frozenset({15}), "amex"),
    (2, 37, 37, frozenset({15}), "amex"),
    (4, 3528, 3589, frozenset({16, 17, 18, 19}), "jcb"),
    (4, 6011, 6011, frozenset({16, 17, 18, 19}), "discover"),
    (3, 644, 649, frozenset({16, 17, 18, 19}), "discover"),
    (2, 65, 65, frozenset({16, 17, 18, 19}), "discover"),
    (3, 300, 305, frozenset({14, 16, 17, 18, 19}), "diners"),
    (4, 3095, 3095, frozenset({14, 16, 17, 18, 19}), "diners"),
    (2, 36, 36, frozenset({14, 16, 17, 18, 19}), "diners"),
    (2, 38, 39, frozenset({16, 17, 18, 19}), "diners"),
)


def _by_four_digit_prefix() -> dict[str, tuple[frozenset[int], str]]:
    """Every 4-digit IIN prefix of `_BRANDS` mapped to its lengths and brand (about 3 000 entries)."""
    table: dict[str, tuple[frozenset[int], str]] = {}
    for size, low, high, lengths, brand in _BRANDS:
        scale = 10 ** (4 - size)
        for prefix in range(low * scale, (high + 1) * scale):
            table[str(prefix)] = (lengths, brand)
    return table


# Card numbers are at least 13 digits long, so four digits always exist to look up.
_BRAND_BY_PREFIX = _by_four_digit_prefix()


def international_brand(digits: str) -> str | None:
    """The international scheme whose IIN range and length `digits` fits, or None.

    UnionPay's 62 range is deliberately absent (Discover accepts 622126–622925, but the cards are
    UnionPay's and reported as BANK_CARD).
    """
    entry = _BRAND_BY_PREFIX.get(digits[:4])
    return entry[1] if entry is not None and len(digits) in entry[0] else None


def has_international_prefix(digits: str) -> bool:
    """True when `digits` starts with an international scheme's IIN, whatever its length."""
    return digits[:4] in _BRAND_BY_PREFIX


def looks_like_resident_id(digits: str) -> bool:
    """True for 18 digits shaped like a resident ID: province code, 19xx/20xx, then MM and DD shapes.

    Such a number that passes Luhn is more likely an ID, perhaps with a typo in its date or check
    digit, than one of the rare 18-digit cards, so the card recognizers leave it to context. The
    shape is loose on purpose (day 32 still looks like an ID); a random number has it 0.02% of the time.
    """
    return (
        len(digits) == 18
        and digits[:2] in PROVINCE_CODES
        and digits[6:8] in ("19", "20")
        and digits[10] in "01"
        and digits[12] in "0123"
    )


@lru_cache(maxsize=65536)
def luhn_valid(digits: str) -> bool:
    """ISO/IEC 7812-1 Annex B (Luhn, mod 10) check over a digit string."""
    return luhn.is_valid(digits)
