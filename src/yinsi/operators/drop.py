"""`drop`: remove the value entirely (an empty string; an empty cell in a table)."""

from __future__ import annotations

from typing import ClassVar

from yinsi.operators.base import NoParams, OperatorContext


class DropOperator:
    """Removes the value; nothing of it, not even its length, survives."""

    name: ClassVar[str] = "drop"
    params_type: ClassVar[type[NoParams]] = NoParams
    needs_key: ClassVar[bool] = False
    reversible: ClassVar[bool] = False

    def check(self, entity_type: str | None, params: NoParams) -> None:
        return None

    def operate(self, value: str, params: NoParams, context: OperatorContext) -> str:
        return ""
