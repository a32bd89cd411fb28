"""`hmac`: a keyed pseudonym (HMAC-SHA-256, truncated, prefixed): `CN_MOBILE_5d41402abc4b2a76`.

Pseudonymisation in the sense of GB/T 37964-2019 §6.3 and PIPL art. 73(3)-(4): the same value gets the
same pseudonym under one key and scope, so joins and counts survive, while without the key the
pseudonym cannot be recomputed from a guess (a plain hash of a phone number can be, by trying all 10^8
numbers of a range). Separators are ignored, so `138-0013-8000` and `13800138000` match.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import ClassVar

from yinsi.operators.base import OperatorContext, ParamError

_IGNORED = str.maketrans("", "", " -\t()（）")


@dataclass(frozen=True, slots=True)
class HmacParams:
    """`length` hex digits (8 to 64) after `prefix` ({entity} is replaced by the entity type).

    `scope` separates pseudonym spaces under one key (one per recipient, so two recipients cannot
    join their copies). With `normalize`, NFKC, case and separators do not change the pseudonym.
    """

    length: int = 16
    prefix: str = "{entity}_"
    scope: str = ""
    normalize: bool = True

    def __post_init__(self) -> None:
        if not 8 <= self.length <= 64:
            raise ParamError("length", "must be between 8 and 64 hex digits (64 bits is a safe minimum)")
        if "{" in self.prefix.replace("{entity}", ""):
            raise ParamError("prefix", "only the field {entity} is allowed")


class HmacOperator:
    """Replaces the value with a keyed, consistent pseudonym."""

    name: ClassVar[str] = "hmac"
    params_type: ClassVar[type[HmacParams]] = HmacParams
    needs_key: ClassVar[bool] = True
    reversible: ClassVar[bool] = True

    def check(self, entity_type: str | None, params: HmacParams) -> None:
        return None

    def operate(self, value: str, params: HmacParams, context: OperatorContext) -> str:
        keys = context.require_keys(self.name)
        canonical = normalize_for_pseudonym(value) if params.normalize else value
        message = f"{params.scope}\0{context.attempt}\0{canonical}".encode()
        digest = keys.hmac_prf.hexdigest(message)[: params.length]
        return params.prefix.replace("{entity}", context.entity_type) + digest


def normalize_for_pseudonym(value: str) -> str:
    """The form two spellings of one value share: NFKC, case-folded, without separators."""
    if value.isascii():  # NFKC leaves ASCII as it is, and casefold() is lower() there
        return value.lower().translate(_IGNORED)
    return unicodedata.normalize("NFKC", value).casefold().translate(_IGNORED)
