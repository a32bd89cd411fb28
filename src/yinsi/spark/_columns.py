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


def quoted(name: str) -> str:
    """A column name as Spark SQL reads it literally (dots and spaces are part of the name)."""
    return "`" + name.replace("`", "``") + "`"


def positional(df: Any, names: Sequence[str]) -> Any:
    """`df`'s columns `names`, in that order, renamed `_c0`, `_c1`, ...

    PySpark's mapInPandas looks columns up by name and cannot find one whose name holds a dot
    (`customer.phone`); the worker functions read batches by position instead, so any name works.
    """
    from pyspark.sql import functions as F

    return df.select(*(F.col(quoted(name)).alias(f"_c{index}") for index, name in enumerate(names)))


def flatten(df: Any) -> Any:
    """`df` with nested struct fields as top-level columns named by their path (`customer.phone`),
    as the file scan names JSON values; arrays and maps stay as they are (not classified)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType

    def leaves(schema: Any, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        found: list[tuple[str, ...]] = []
        for field in schema.fields:
            path = (*prefix, field.name)
            if isinstance(field.dataType, StructType):
                found.extend(leaves(field.dataType, path))
            else:
                found.append(path)
        return found

    paths = leaves(df.schema, ())
    if all(len(path) == 1 for path in paths):
        return df
    columns = [F.col(".".join(quoted(part) for part in path)).alias(".".join(path)) for path in paths]
    return df.select(*columns)


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
