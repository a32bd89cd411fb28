"""Build an operator's frozen Params dataclass from the plain mapping a policy file holds.

Types are checked against the dataclass annotations (str, int, float, bool, Literal[...], X | None,
tuple[str, ...]) so that `keep_prefix: "3"` fails at load time, naming the field, instead of mid-run.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any

from yinsi.operators.base import ParamError


def build_params(params_type: type[Any], raw: Mapping[str, object]) -> Any:
    """An instance of `params_type` from `raw`; ParamError on an unknown field or a wrong type."""
    hints = _hints(params_type)
    fields = {item.name for item in dataclasses.fields(params_type)}
    values: dict[str, object] = {}
    for name, value in raw.items():
        if name not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise ParamError(str(name), f"unknown parameter (known: {known})")
        values[name] = _coerce(name, value, hints[name])
    try:
        return params_type(**values)
    except ParamError:
        raise
    except (TypeError, ValueError) as error:
        raise ParamError("parameters", str(error)) from None


def _hints(params_type: type[Any]) -> dict[str, Any]:
    hints = _HINTS.get(params_type)
    if hints is None:
        hints = _HINTS[params_type] = typing.get_type_hints(params_type)
    return hints


# Params classes are immutable declarations; resolving their annotations once is enough.
_HINTS: dict[type[Any], dict[str, Any]] = {}


def _coerce(name: str, value: object, hint: Any) -> object:
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        choices = typing.get_args(hint)
        if value not in choices:
            raise ParamError(name, f"must be one of {', '.join(map(repr, choices))}, got {value!r}")
        return value
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        (inner,) = [option for option in options if option is not type(None)]
        return _coerce(name, value, inner)
    if origin is tuple:
        if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
            raise ParamError(name, "must be a list of strings")
        return tuple(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise ParamError(name, f"must be true or false, got {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(name, f"must be an integer, got {value!r}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParamError(name, f"must be a number, got {value!r}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ParamError(name, f"must be a string, got {value!r}")
        return value
    raise ParamError(name, f"unsupported parameter type {hint!r}")
