"""Files with columns as tables: CSV/TSV, JSON and JSON Lines, Parquet, Excel .xlsx.

Every reader streams: CSV and JSON through the charset-detecting text decoder (GBK/GB 18030 exports
included, see `charset`), Parquet by record batch, .xlsx through openpyxl's read-only mode, so memory
stays bounded by the batch and the sample, not the file. Nested JSON objects become columns named by
their key path (`customer.phone`); arrays of objects become `items[].sku`, their values joined.
pyarrow and openpyxl are imported only when such a file is read (the `tables` extra).
"""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any

from yinsi.core.errors import InputError
from yinsi.sources.files import (
    INFLATE_GRACE_BYTES,
    MAX_INFLATE_RATIO,
    READ_ERRORS,
    describe_read_error,
    open_binary,
    read_text,
)
from yinsi.sources.tables import ColumnInfo, Row, Sample, Table, ValueKind, count_retention, reservoir

TABULAR_SUFFIXES = frozenset({".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".parquet", ".xlsx"})
_JOIN = " ; "
_MAX_COLUMNS = 4096


# What the format parsers raise on hostile files: csv's field limit (131072 characters) or stray NULs,
# and json's recursion guard for documents nested thousands deep.
_PARSE_ERRORS = (csv.Error, RecursionError)


def _parse_error(name: str, error: Exception) -> InputError:
    """One line for a parser failure; neither csv's nor json's messages quote the data."""
    if isinstance(error, RecursionError):
        return InputError(f"{name}: nested too deeply to read")
    return InputError(f"{name}: malformed CSV ({error})")


class _FileTable:
    """Shared parts: name, columns discovered once, reservoir sampling, retention by streaming."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self._columns: tuple[ColumnInfo, ...] | None = None
        self._rows: int | None = None

    def columns(self) -> tuple[ColumnInfo, ...]:
        if self._columns is None:
            try:
                self._columns = self._discover()
            except _PARSE_ERRORS as error:
                raise _parse_error(self.name, error) from None
        return self._columns

    def estimated_rows(self) -> int | None:
        return self._rows

    def sample(self, size: int) -> Sample:
        sample = reservoir(self.batches(5000), size)
        self._rows = sample.counted_rows
        return sample

    def retention(
        self, timestamp: ColumnInfo, limit: datetime.datetime, personal: Sequence[ColumnInfo]
    ) -> tuple[int, datetime.datetime | None]:
        return count_retention(self, timestamp, limit, personal)

    def batches(self, size: int) -> Iterator[list[Row]]:
        batch: list[Row] = []
        try:
            for row in self._rows_of_file():
                batch.append(row)
                if len(batch) >= size:
                    yield batch
                    batch = []
        except READ_ERRORS as error:
            raise InputError(f"{self.name}: {describe_read_error(error)}") from None
        except _PARSE_ERRORS as error:
            raise _parse_error(self.name, error) from None
        if batch:
            yield batch

    def _discover(self) -> tuple[ColumnInfo, ...]:
        raise NotImplementedError

    def _rows_of_file(self) -> Iterator[Row]:
        raise NotImplementedError


class DelimitedTable(_FileTable):
    """CSV or TSV with a header row; a semicolon-separated export is recognised by its header."""

    def _lines(self) -> Iterator[str]:
        with open_binary(str(self.path)) as handle:
            stream = read_text(handle)
            if stream.detection.binary:
                raise InputError(f"{self.name}: not text")
            yield from _split_lines(stream.blocks)

    def _reader(self) -> Iterator[list[str]]:
        lines = self._lines()
        first = next(lines, "")
        delimiter = "\t" if self.path.suffix.lower() == ".tsv" else ","
        if delimiter == "," and first.count(";") > first.count(","):
            delimiter = ";"
        yield from csv.reader(_chain(first, lines), delimiter=delimiter)

    def _discover(self) -> tuple[ColumnInfo, ...]:
        try:
            header = next(self._reader(), [])
        except READ_ERRORS as error:
            raise InputError(f"{self.name}: {describe_read_error(error)}") from None
        names = _unique([cell.strip().lstrip("\ufeff") for cell in header[:_MAX_COLUMNS]])
        return tuple(ColumnInfo(name, "text") for name in names)

    def _rows_of_file(self) -> Iterator[Row]:
        width = len(self.columns())
        rows = self._reader()
        next(rows, None)
        for cells in rows:
            if not cells:
                continue
            values = [cell if cell != "" else None for cell in cells[:width]]
            values.extend([None] * (width - len(values)))
            yield tuple(values)


class JsonTable(_FileTable):
    """A JSON array of objects (or one object holding such an array), or JSON Lines."""

    def _records(self) -> Iterator[dict[str, Any]]:
        with open_binary(str(self.path)) as handle:
            stream = read_text(handle)
            if stream.detection.binary:
                raise InputError(f"{self.name}: not text")
            if self.path.suffix.lower() in (".jsonl", ".ndjson"):
                for number, line in enumerate(_split_lines(stream.blocks), start=1):
                    if line.strip():
                        yield _as_record(_loads(line, self.name, number))
            else:
                for item in _array_items(stream.blocks, self.name):
                    yield _as_record(item)

    def _discover(self) -> tuple[ColumnInfo, ...]:
        names: dict[str, None] = {}
        try:
            for record in self._records():
                for key in flatten(record):
                    if len(names) < _MAX_COLUMNS:
                        names.setdefault(key)
        except READ_ERRORS as error:
            raise InputError(f"{self.name}: {describe_read_error(error)}") from None
        return tuple(ColumnInfo(name, "json") for name in names)

    def _rows_of_file(self) -> Iterator[Row]:
        names = [column.name for column in self.columns()]
        for record in self._records():
            flat = flatten(record)
            yield tuple(flat.get(name) for name in names)


class ParquetTable(_FileTable):
    """Apache Parquet, read by record batch; struct columns flattened to `parent.child`."""

    def _file(self) -> Any:
        try:
            import pyarrow.parquet as parquet
        except ImportError:
            raise InputError("reading Parquet needs pyarrow: pip install 'yinsi[tables]'") from None
        try:
            return parquet.ParquetFile(str(self.path))
        except (OSError, ValueError) as error:
            raise InputError(f"{self.name}: not a readable Parquet file ({type(error).__name__})") from None

    def _discover(self) -> tuple[ColumnInfo, ...]:
        import pyarrow as pa

        parquet_file = self._file()
        self._rows = parquet_file.metadata.num_rows
        schema = _flat_schema(parquet_file.schema_arrow)
        return tuple(ColumnInfo(field.name, str(field.type), _arrow_kind(pa, field.type)) for field in schema)

    def _rows_of_file(self) -> Iterator[Row]:
        import pyarrow as pa

        for batch in self._file().iter_batches(batch_size=5000):
            table = pa.Table.from_batches([batch])
            while any(pa.types.is_struct(field.type) for field in table.schema):
                table = table.flatten()
            columns = [table.column(index).to_pylist() for index in range(table.num_columns)]
            yield from zip(*columns, strict=True)


class ExcelTable(_FileTable):
    """One worksheet of an .xlsx workbook (openpyxl read-only mode); the first row is the header."""

    def __init__(self, path: Path, name: str, sheet: str) -> None:
        super().__init__(path, name)
        self.sheet = sheet

    def _sheet_rows(self) -> Iterator[tuple[object, ...]]:
        workbook = open_workbook(self.path)
        try:
            yield from workbook[self.sheet].iter_rows(values_only=True)
        finally:
            workbook.close()

    def _discover(self) -> tuple[ColumnInfo, ...]:
        header = next(self._sheet_rows(), ())
        names = _unique([str(cell).strip() if cell is not None else "" for cell in header[:_MAX_COLUMNS]])
        return tuple(ColumnInfo(name, "cell") for name in names)

    def _rows_of_file(self) -> Iterator[Row]:
        width = len(self.columns())
        rows = self._sheet_rows()
        next(rows, None)
        for cells in rows:
            values = list(cells[:width])
            if all(value is None for value in values):
                continue
            values.extend([None] * (width - len(values)))
            yield tuple(values)


class FileSource:
    """Tabular files as a source: one table per file, one per worksheet of a workbook."""

    def __init__(self, paths: Sequence[str], *, display_name: str | None = None) -> None:
        self.paths = tuple(paths)
        self.display_name = display_name if display_name is not None else ", ".join(self.paths)

    def tables(self) -> list[Table]:
        found: list[Table] = []
        for name in self.paths:
            try:
                found.extend(tables_of_file(Path(name)))
            except InputError as error:
                # A workbook that cannot be opened is one failed table; the other files are still read.
                found.append(_UnreadableFile(Path(name), name, error))
        return found


class _UnreadableFile(_FileTable):
    """A file whose tables cannot even be listed: reading it raises the error met when listing."""

    def __init__(self, path: Path, name: str, error: InputError) -> None:
        super().__init__(path, name)
        self._error = error

    def _discover(self) -> tuple[ColumnInfo, ...]:
        raise self._error

    def _rows_of_file(self) -> Iterator[Row]:
        raise self._error


def tables_of_file(path: Path) -> list[Table]:
    """The tables a tabular file holds; InputError for other suffixes."""
    suffix = path.suffix.lower()
    name = str(path)
    if suffix in (".csv", ".tsv"):
        return [DelimitedTable(path, name)]
    if suffix in (".json", ".jsonl", ".ndjson"):
        return [JsonTable(path, name)]
    if suffix == ".parquet":
        return [ParquetTable(path, name)]
    if suffix == ".xlsx":
        workbook = open_workbook(path)
        try:
            sheets = list(workbook.sheetnames)
        finally:
            workbook.close()
        return [ExcelTable(path, f"{name}:{sheet}", sheet) for sheet in sheets]
    raise InputError(f"{name}: not a tabular file ({', '.join(sorted(TABULAR_SUFFIXES))})")


def _refuse_zip_bomb(path: Path) -> None:
    """InputError for a workbook part that declares more than MAX_INFLATE_RATIO times its compressed
    size (past the grace size): a zip bomb would cost minutes of XML parsing. zipfile never inflates
    an entry beyond its declared size, so the declaration bounds the work."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            inflated = info.file_size
            if inflated > INFLATE_GRACE_BYTES and inflated > MAX_INFLATE_RATIO * info.compress_size:
                raise InputError(f"{path}: decompression bomb guard: a part of the workbook inflates over "
                                 f"{MAX_INFLATE_RATIO} times its compressed size")


def open_workbook(path: Path) -> Any:
    try:
        import openpyxl
    except ImportError:
        raise InputError("reading .xlsx needs openpyxl: pip install 'yinsi[tables]'") from None
    try:
        _refuse_zip_bomb(path)
        return openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except InputError:
        raise
    except (OSError, KeyError, ValueError) as error:
        raise InputError(f"{path}: not a readable .xlsx workbook ({type(error).__name__})") from None
    except Exception as error:  # zipfile.BadZipFile and openpyxl's own errors
        raise InputError(f"{path}: not a readable .xlsx workbook ({type(error).__name__})") from None


def is_tabular(path: str) -> bool:
    return PurePath(path).suffix.lower() in TABULAR_SUFFIXES


def flatten(value: Any, prefix: str = "") -> dict[str, object]:
    """A JSON value as path → scalar: `{"customer": {"phone": 1}}` → `{"customer.phone": 1}`.

    Arrays of scalars become one `key[]` text; arrays of objects give `key[].child` columns whose
    values are joined, so one record stays one row.
    """
    flat: dict[str, object] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            flat.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list):
        merged: dict[str, list[str]] = {}
        for item in value:
            for key, scalar in flatten(item, prefix + "[]").items():
                if scalar is not None:
                    merged.setdefault(key, []).append(str(scalar))
        flat.update({key: _JOIN.join(items) for key, items in merged.items()})
    else:
        flat[prefix or "value"] = value
    return flat


def _as_record(item: Any) -> dict[str, Any]:
    return item if isinstance(item, dict) else {"value": item}


def _loads(text: str, name: str, number: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{name}: invalid JSON on line {number} (column {error.colno})") from None


def _array_items(blocks: Iterable[str], name: str) -> Iterator[Any]:
    """Items of a top-level JSON array decoded one at a time (bounded by the largest item), or the
    items of the first array inside a top-level object (`{"data": [...]}`), or a lone object."""
    decoder = json.JSONDecoder()
    buffer = ""
    position = 0
    blocks = iter(blocks)
    started = False
    for block in blocks:
        buffer = buffer[position:] + block
        position = 0
        if not started:
            stripped = buffer.lstrip("\ufeff \t\r\n")
            if not stripped:
                continue
            if stripped[0] != "[":
                text = stripped + "".join(blocks)
                yield from _items_of_document(_loads(text, name, 1))
                return
            buffer, started = stripped[1:], True
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n,":
                position += 1
            if position < len(buffer) and buffer[position] == "]":
                return
            try:
                item, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError:
                break  # the item continues in the next block
            # A number or literal at the very end may still continue in the next block.
            if end == len(buffer) and not isinstance(item, dict | list | str):
                break
            yield item
            position = end
    if started and buffer[position:].strip() not in ("", "]"):
        raise InputError(f"{name}: invalid or truncated JSON array")


def _items_of_document(document: Any) -> Iterator[Any]:
    if isinstance(document, list):
        yield from document
    elif isinstance(document, dict):
        arrays = [value for value in document.values() if isinstance(value, list)]
        if arrays and all(isinstance(item, dict) for item in arrays[0]):
            yield from arrays[0]
        else:
            yield document


def _split_lines(blocks: Iterable[str]) -> Iterator[str]:
    """Lines (with their endings, as csv.reader wants them) from text blocks of any size."""
    pending = ""
    for block in blocks:
        text = pending + block
        lines = text.splitlines(keepends=True)
        pending = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) else ""
        if lines and lines[-1].endswith("\r"):
            pending = lines.pop() + pending  # a CR that a LF in the next block may complete
        yield from lines
    if pending:
        yield pending


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _unique(names: list[str]) -> list[str]:
    """Column names made unique and non-empty: blanks become `column N`, repeats get `_2`, `_3`."""
    seen: dict[str, int] = {}
    result = []
    for index, name in enumerate(names, start=1):
        name = name or f"column {index}"
        count = seen.get(name, 0) + 1
        seen[name] = count
        result.append(name if count == 1 else f"{name}_{count}")
    return result


def _flat_schema(schema: Any) -> list[Any]:
    import pyarrow as pa

    fields: list[Any] = []
    for field in schema:
        if pa.types.is_struct(field.type):
            nested = pa.schema([field.type.field(i) for i in range(field.type.num_fields)])
            fields.extend(sub.with_name(f"{field.name}.{sub.name}") for sub in _flat_schema(nested))
        else:
            fields.append(field)
    return fields


def _arrow_kind(pa: Any, data_type: Any) -> ValueKind:
    types = pa.types
    if types.is_string(data_type) or types.is_large_string(data_type):
        return ValueKind.TEXT
    if types.is_integer(data_type):
        return ValueKind.INTEGER
    if types.is_floating(data_type) or types.is_decimal(data_type):
        return ValueKind.NUMBER
    if types.is_temporal(data_type):
        return ValueKind.TEMPORAL
    if types.is_boolean(data_type):
        return ValueKind.BOOLEAN
    if types.is_binary(data_type) or types.is_large_binary(data_type):
        return ValueKind.BINARY
    return ValueKind.OTHER
