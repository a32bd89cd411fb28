"""Which columns of a Spark DataFrame yinsi reads, and what they are as far as detection cares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from yinsi.core.errors import ConfigurationError
from yinsi.tabular.model import ColumnInfo, ValueKind

# Spark SQL type names (DataType.typeName()) → ValueKind; nested and binary types are not classified.
_KINDS = {
    "string": ValueKind.TEXT, "varchar": ValueKind.TEXT, "char": ValueKind.TEXT,
    "byte": ValueKind.INTEGER, "short": ValueKind.INTEGER, "integer": ValueKind.INTEGER,
    "long": ValueKind.INTEGER, "float": ValueKind.NUMBER, "double": ValueKind.NUMBER,
    "decimal": ValueKind.NUMBER, "date": ValueKind.TEMPORAL, "timestamp": ValueKind.TEMPORAL,
    "timestamp_ntz": ValueKind.TEMPORAL, "boolean": ValueKind.BOOLEAN,
}


def string_columns(
    df: Any, requested: Sequence[str] | None, *, exclude: Sequence[str] = ()
) -> tuple[str, ...]:
    """The requested columns (checked to exist and hold strings), or every string column."""
    types = {field.name: field.dataType.typeName() for field in df.schema.fields}
    if requested is None:
        return tuple(name for name, kind in types.items() if _KINDS.get(kind) is ValueKind.TEXT
                     and name not in exclude)
    missing = [name for name in requested if name not in types]
    if missing:
        raise ConfigurationError(f"no such column: {', '.join(missing)}")
    wrong = [name for name in requested if _KINDS.get(types[name]) is not ValueKind.TEXT]
    if wrong:
        raise ConfigurationError(f"not a string column: {', '.join(wrong)} (cast it first)")
    return tuple(requested)


def classifiable_columns(df: Any, requested: Sequence[str] | None = None) -> tuple[ColumnInfo, ...]:
    """ColumnInfo of every atomic column (or of the requested ones); nested and binary ones are left out."""
    found = []
    for field in df.schema.fields:
        kind = _KINDS.get(field.dataType.typeName())
        if kind is None or (requested is not None and field.name not in requested):
            continue
        found.append(ColumnInfo(field.name, field.dataType.simpleString(), kind))
    if requested is not None:
        missing = sorted(set(requested) - {column.name for column in found})
        if missing:
            raise ConfigurationError(f"no such atomic column: {', '.join(missing)}")
    return tuple(found)
