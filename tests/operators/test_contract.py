"""Every registered operator keeps the same contract, so adding one is one file and its tests."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from yinsi.operators.base import Operator
from yinsi.operators.registry import operators

OPERATORS = sorted(operators().items())


@pytest.mark.parametrize(("name", "operator"), OPERATORS, ids=[name for name, _ in OPERATORS])
def test_operator_contract(name: str, operator: Operator) -> None:
    module = inspect.getmodule(type(operator))
    assert module is not None and module.__name__ == f"yinsi.operators.{name}"  # one operator per file
    assert module.__doc__ and module.__doc__.startswith(f"`{name}`")  # the docstring names the verb
    assert type(operator).__doc__
    params = operator.params_type
    assert dataclasses.is_dataclass(params)
    assert params.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert hasattr(params, "__slots__")
    default = params()  # `ENTITY: name` shorthand in a policy needs defaults for every field
    operator.check(None, default)
    assert isinstance(operator.needs_key, bool) and isinstance(operator.reversible, bool)
    assert isinstance(operator, Operator)
