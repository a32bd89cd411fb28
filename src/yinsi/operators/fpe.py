"""`fpe`: format-preserving encryption with FF1 (NIST SP 800-38G Rev. 1): same length, same alphabet,
separators in place, and decryptable with the key alone (no vault).

Check characters are re-computed: an encrypted resident ID, card number or USCC still passes its own
check-digit test, so systems that validate input accept the copy. The trade-off: the check character
is not encrypted but derived from the encrypted body, and decryption re-computes it from the
decrypted body (a check character is a function of the body, so nothing is lost). Note that an
encrypted ID's birth-date digits are ciphertext too and rarely form a real date, unless kept with
`keep_prefix`/`keep_suffix`, which leaves those characters in clear (and in the tweak).

The entity type and the kept characters are the FF1 tweak, so equal digits under different entity
types encrypt differently. Values whose encryptable part is shorter than FF1's minimum (6 digits,
4 alphanumerics) are refused with an error rather than encrypted weakly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from yinsi.core.errors import InputError
from yinsi.crypto.ff1 import DIGITS
from yinsi.operators._check_digits import USCC_ALPHABET, check_digit_rule, compact_of
from yinsi.operators.base import KeyChain, OperatorContext, ParamError

BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_AUTO_ALPHABETS = {"CN_USCC": USCC_ALPHABET}
_DIGIT_ENTITIES = frozenset({
    "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "CREDIT_CARD", "CN_POSTAL_CODE",
    "QQ_NUMBER", "IMEI", "PHONE_NUMBER",
})


@dataclass(frozen=True, slots=True)
class FpeParams:
    """`alphabet`: "digits", "alphanumeric" (0-9, a-z, A-Z, case kept exactly) or "auto" (digits for
    numeric identifiers, the GB 32100 set for USCCs, alphanumeric otherwise). Characters outside the
    alphabet (separators, `+`, `@`) stay as they are. `keep_prefix`/`keep_suffix` count alphabet
    characters left in clear. By default nothing is kept, except for mainland mobile numbers, which
    keep everything but their last 8 digits (the country code and the 1xx carrier prefix), so that
    the output is still a mobile number and the 10^8 subscriber digits are what is encrypted, and
    USCCs, which keep their first 8 characters (registration authority, kind, GB/T 2260 region).
    """

    alphabet: Literal["auto", "digits", "alphanumeric"] = "auto"
    keep_prefix: int | None = None
    keep_suffix: int = 0
    recompute_check_digit: bool = True
    # A value with fewer encryptable characters than FF1 allows: fail, or mask it with "*" (lossy).
    too_short: Literal["error", "mask"] = "error"

    def __post_init__(self) -> None:
        if self.keep_prefix is not None and self.keep_prefix < 0:
            raise ParamError("keep_prefix", "must be 0 or more")
        if self.keep_suffix < 0:
            raise ParamError("keep_suffix", "must be 0 or more")


class FpeOperator:
    """Encrypts the value in place: `13800138000` → `13849205716` (with keep_prefix 3)."""

    name: ClassVar[str] = "fpe"
    params_type: ClassVar[type[FpeParams]] = FpeParams
    needs_key: ClassVar[bool] = True
    reversible: ClassVar[bool] = True

    def check(self, entity_type: str | None, params: FpeParams) -> None:
        return None

    def operate(self, value: str, params: FpeParams, context: OperatorContext) -> str:
        return _transform(value, params, context, decrypt=False)

    def invert(self, value: str, params: FpeParams, context: OperatorContext) -> str:
        """The original of an `operate` output, under the same key, parameters and entity type."""
        return _transform(value, params, context, decrypt=True)


def _default_keep_prefix(entity_type: str, positions: list[int]) -> int:
    if entity_type == "CN_MOBILE":
        return max(0, len(positions) - 8)
    if entity_type == "CN_USCC" and len(positions) == 17:
        return 8  # registration authority, kind and region: about the registrar, not the holder
    return 0


def alphabet_for(entity_type: str, params: FpeParams) -> str:
    if params.alphabet == "digits":
        return DIGITS
    if params.alphabet == "alphanumeric":
        return BASE62
    if entity_type in _AUTO_ALPHABETS:
        return _AUTO_ALPHABETS[entity_type]
    return DIGITS if entity_type in _DIGIT_ENTITIES else BASE62


def _transform(value: str, params: FpeParams, context: OperatorContext, *, decrypt: bool) -> str:
    keys: KeyChain = context.require_keys("fpe")
    entity = context.entity_type
    alphabet = alphabet_for(entity, params)
    allowed = frozenset(alphabet)
    compact = compact_of(value)
    check_rule = check_digit_rule(entity, compact) if params.recompute_check_digit else None
    last_alnum = max((i for i, ch in enumerate(value) if ch.isascii() and ch.isalnum()), default=-1)
    positions = [
        index
        for index, character in enumerate(value)
        if character in allowed and not (check_rule is not None and index == last_alnum)
    ]
    start = params.keep_prefix if params.keep_prefix is not None else _default_keep_prefix(entity, positions)
    stop = len(positions) - params.keep_suffix
    if stop - start <= 0:
        return value
    secret_positions = positions[start:stop]
    kept = "".join(value[i] for i in positions[:start]) + "\0" + "".join(value[i] for i in positions[stop:])
    cipher = keys.ff1(alphabet)
    tweak = f"{entity}\0{kept}".encode()
    body = "".join(value[i] for i in secret_positions)
    if len(body) < cipher.min_length:
        if params.too_short == "mask" and not decrypt:
            masked = list(value)
            for index in secret_positions:
                masked[index] = "*"
            return "".join(masked)
        raise InputError(
            f"fpe on {entity}: only {len(body)} characters left to encrypt; FF1 needs "
            f"{cipher.min_length} or more (keep fewer characters, or set too_short: mask)"
        )
    result = cipher.decrypt(body, tweak) if decrypt else cipher.encrypt(body, tweak)
    characters = list(value)
    for index, character in zip(secret_positions, result, strict=True):
        characters[index] = character
    if check_rule is not None:
        new_compact = compact_of("".join(characters))
        characters[last_alnum] = check_rule(new_compact[:-1])
    return "".join(characters)
