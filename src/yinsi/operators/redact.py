"""`redact`: black the value out with a redaction character, by default keeping its length."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from yinsi.operators.base import OperatorContext, ParamError


@dataclass(frozen=True, slots=True)
class RedactParams:
    """`char` repeated over the value (`keep_length`), or `length` times when `keep_length` is false.

    Keeping the length keeps fixed-width logs and printed forms aligned; it reveals the length, which
    for most identifiers is fixed anyway. Set `keep_length: false` for free text such as names.
    """

    char: str = "█"
    keep_length: bool = True
    length: int = 3

    def __post_init__(self) -> None:
        if len(self.char) != 1:
            raise ParamError("char", "must be exactly one character")
        if self.length < 1:
            raise ParamError("length", "must be at least 1")


class RedactOperator:
    """Replaces every character by `char` (`13800138000` → `███████████`)."""

    name: ClassVar[str] = "redact"
    params_type: ClassVar[type[RedactParams]] = RedactParams
    needs_key: ClassVar[bool] = False
    reversible: ClassVar[bool] = False

    def check(self, entity_type: str | None, params: RedactParams) -> None:
        return None

    def operate(self, value: str, params: RedactParams, context: OperatorContext) -> str:
        return params.char * (len(value) if params.keep_length else params.length)
