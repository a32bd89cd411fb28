"""Check characters of identifiers whose last character is computed from the others.

Fake and FPE outputs get a freshly computed check character so that they still look valid to format
checkers downstream (a CRM that rejects IDs with a bad check digit would otherwise reject the copy).
"""

from __future__ import annotations

from collections.abc import Callable

from stdnum import luhn
from stdnum.cn import ric, uscc

# GB 32100-2015 统一社会信用代码 character set: digits and capitals except I, O, Z, S, V.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _resident_id(body: str) -> str:
    # GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits ('X' stands for 10).
    return str(ric.calc_check_digit(body + "0"))


def _luhn(body: str) -> str:
    # ISO/IEC 7812-1 Annex B (Luhn) for card numbers; also IMEI (3GPP TS 23.003 §6.2.1).
    return str(luhn.calc_check_digit(body))


def _uscc(body: str) -> str:
    # GB 32100-2015 §5: weighted sum modulo 31 over the first 17 characters.
    return str(uscc.calc_check_digit(body))


# entity type → (length of the compact value the rule applies to, or 0 for any; calculator)
CHECK_DIGITS: dict[str, tuple[int, Callable[[str], str]]] = {
    "CN_RESIDENT_ID": (18, _resident_id),
    "BANK_CARD": (0, _luhn),
    "CREDIT_CARD": (0, _luhn),
    "IMEI": (15, _luhn),
    "CN_USCC": (18, _uscc),
}


def check_digit_rule(entity_type: str, compact: str) -> Callable[[str], str] | None:
    """The calculator for `entity_type` when `compact` (separators removed) has a check character."""
    rule = CHECK_DIGITS.get(entity_type)
    if rule is None:
        return None
    length, calculator = rule
    if length and len(compact) != length:
        return None
    if length == 0 and not (12 <= len(compact) <= 19 and compact.isdigit()):
        return None
    return calculator


def compact_of(value: str) -> str:
    """Letters and digits only, upper-cased: the form check digits are computed on."""
    return "".join(character for character in value if character.isascii() and character.isalnum()).upper()
