"""`keep`: leave the value as it is; for entities a broader rule ("*", "sensitive") would change."""

from __future__ import annotations

from typing import ClassVar

from yinsi.operators.base import NoParams, OperatorContext


class KeepOperator:
    """Leaves the value unchanged (a courier needs the delivery address)."""

    name: ClassVar[str] = "keep"
    params_type: ClassVar[type[NoParams]] = NoParams
    needs_key: ClassVar[bool] = False
    reversible: ClassVar[bool] = False

    def check(self, entity_type: str | None, params: NoParams) -> None:
        return None

    def operate(self, value: str, params: NoParams, context: OperatorContext) -> str:
        return value
