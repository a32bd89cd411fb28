"""`replace`: put a tag or a fixed string in place of the value (`<CN_MOBILE>`, `<手机号>`, `[已隐藏]`)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import ClassVar

from yinsi.core.entities import ENTITY_TYPES
from yinsi.operators.base import OperatorContext, ParamError

_FIELDS = frozenset({"entity", "chinese", "id"})


@dataclass(frozen=True, slots=True)
class ReplaceParams:
    """`template` with the fields {entity} (`CN_MOBILE`), {chinese} (`手机号`) and {id}.

    {id} is 8 hex digits of a keyed HMAC of the value: the same value gets the same tag within a key,
    so tags can be counted and joined, and a vault can map each tag back. Needs a key.
    """

    template: str = "<{entity}>"

    def __post_init__(self) -> None:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(self.template) if name is not None}
        except ValueError as error:
            raise ParamError("template", f"not a valid template ({error})") from None
        unknown = names - _FIELDS
        if unknown:
            raise ParamError(
                "template", f"unknown field {{{sorted(unknown)[0]}}}; use {{entity}}, {{chinese}} or {{id}}"
            )

    @property
    def keyed(self) -> bool:
        return "{id}" in self.template


class ReplaceOperator:
    """Replaces the value with its tag: `13800138000` → `<CN_MOBILE>` (or `<CN_MOBILE_3f9a0c1d>`)."""

    name: ClassVar[str] = "replace"
    params_type: ClassVar[type[ReplaceParams]] = ReplaceParams
    needs_key: ClassVar[bool] = False
    reversible: ClassVar[bool] = True

    def check(self, entity_type: str | None, params: ReplaceParams) -> None:
        return None

    def operate(self, value: str, params: ReplaceParams, context: OperatorContext) -> str:
        entity = context.entity_type
        catalogued = ENTITY_TYPES.get(entity)
        tag_id = ""
        if params.keyed:
            keys = context.require_keys(self.name)
            message = f"{entity}\0{context.attempt}\0{value}".encode()
            tag_id = keys.hmac_prf.hexdigest(message)[:8]
        return params.template.format(
            entity=entity, chinese=catalogued.chinese if catalogued else entity, id=tag_id
        )
