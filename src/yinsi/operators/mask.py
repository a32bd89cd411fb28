"""`mask`: hide the middle of a value, keeping a prefix and a suffix (`138****5678`, `张*`).

The usual display masking of Chinese services and of the 隐私面单 (privacy waybill) practice: enough
to recognise one's own number or to tell two customers apart, not enough to call or impersonate them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from yinsi.operators.base import OperatorContext, ParamError

_SEPARATORS = frozenset(" -./()（）")
_SEPARATOR_RE = re.compile("[ \\-./()（）]")


@dataclass(frozen=True, slots=True)
class MaskParams:
    """Keep `keep_prefix` leading and `keep_suffix` trailing characters; mask the rest with `char`.

    Separators (spaces, dashes, dots, brackets) stay in place when `keep_separators`, and are not
    counted in the kept characters, so `138-0013-8000` masks like `13800138000`. At least one
    character is always masked: when the value is too short, the suffix and then the prefix shrink
    (`李` → `*`). `fixed_length` replaces the masked run by exactly that many characters, hiding the
    length of names (`欧阳娜娜` → `欧*` with fixed_length 1).
    """

    keep_prefix: int = 0
    keep_suffix: int = 0
    char: str = "*"
    keep_separators: bool = True
    fixed_length: int | None = None

    def __post_init__(self) -> None:
        if self.keep_prefix < 0:
            raise ParamError("keep_prefix", "must be 0 or more")
        if self.keep_suffix < 0:
            raise ParamError("keep_suffix", "must be 0 or more")
        if len(self.char) != 1:
            raise ParamError("char", "must be exactly one character")
        if self.fixed_length is not None and self.fixed_length < 1:
            raise ParamError("fixed_length", "must be at least 1")


class MaskOperator:
    """Masks the middle of the value: `110101199003078515` → `110101********8515`."""

    name: ClassVar[str] = "mask"
    params_type: ClassVar[type[MaskParams]] = MaskParams
    needs_key: ClassVar[bool] = False
    reversible: ClassVar[bool] = False

    def check(self, entity_type: str | None, params: MaskParams) -> None:
        return None

    def operate(self, value: str, params: MaskParams, context: OperatorContext) -> str:
        if not params.keep_separators or _SEPARATOR_RE.search(value) is None:
            return _mask_plain(value, params)
        separators = _SEPARATORS
        positions = [index for index, character in enumerate(value) if character not in separators]
        count = len(positions)
        prefix, suffix = params.keep_prefix, params.keep_suffix
        if prefix + suffix >= count:
            suffix = max(0, min(suffix, count - 1 - prefix))
            prefix = max(0, min(prefix, count - 1 - suffix))
        masked = positions[prefix : count - suffix]
        if not masked:
            return value
        if params.fixed_length is not None:
            first, last = masked[0], masked[-1]
            return value[:first] + params.char * params.fixed_length + value[last + 1 :]
        characters = list(value)
        for index in masked:
            characters[index] = params.char
        return "".join(characters)


def _mask_plain(value: str, params: MaskParams) -> str:
    """The common case without separators to skip: slicing instead of a per-character loop."""
    count = len(value)
    prefix, suffix = params.keep_prefix, params.keep_suffix
    if prefix + suffix >= count:
        suffix = max(0, min(suffix, count - 1 - prefix))
        prefix = max(0, min(prefix, count - 1 - suffix))
    masked = count - prefix - suffix
    if masked <= 0:
        return value
    run = params.char * (params.fixed_length if params.fixed_length is not None else masked)
    return value[:prefix] + run + value[count - suffix :]
