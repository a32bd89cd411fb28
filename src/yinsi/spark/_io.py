"""Reading inputs into DataFrames and writing results, by format, for `yinsi spark` (any Hadoop URI)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from yinsi.core.errors import ConfigurationError, InputError
from yinsi.spark._columns import flatten

INPUT_FORMATS = ("auto", "parquet", "csv", "json", "text")
OUTPUT_FORMATS = ("parquet", "json", "csv")
_PYTHON_ERROR_RE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception)):", re.MULTILINE)
_BY_SUFFIX = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".json": "json", ".jsonl": "json",
              ".ndjson": "json", ".txt": "text", ".log": "text"}


def guess_format(paths: Sequence[str]) -> str:
    """The input format from the first path's suffix; a local directory by the files in it; else Parquet.

    A Parquet data set is usually a directory of part files (and `_SUCCESS`), so an unknown directory
    or a remote URI without a suffix is taken as Parquet.
    """
    first = paths[0]
    suffix = PurePosixPath(first.rstrip("/")).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    local = Path(first)
    if "://" not in first and local.is_dir():
        for child in sorted(local.rglob("*")):
            found = _BY_SUFFIX.get(child.suffix.lower())
            if found is not None and child.is_file():
                return found
    return "parquet"


def read(session: Any, paths: Sequence[str], input_format: str) -> tuple[Any, str]:
    """(DataFrame, format) of `paths`. CSV has a header row and every column as a string (as a CSV file
    scan sees it); JSON is JSON Lines, or whole-file JSON with `multiLine` when that is what it holds.
    Nested struct fields become columns named by their path (`customer.phone`)."""
    chosen = guess_format(paths) if input_format == "auto" else input_format
    reader = session.read
    try:
        if chosen == "parquet":
            df = reader.parquet(*paths)
        elif chosen == "csv":
            df = reader.option("header", "true").option("encoding", "UTF-8").csv(list(paths))
        elif chosen == "json":
            df = reader.json(list(paths))
            if "_corrupt_record" in df.columns:
                df = reader.option("multiLine", "true").json(list(paths))
        elif chosen == "text":
            df = reader.text(list(paths))
        else:
            choices = ", ".join(INPUT_FORMATS)
            raise ConfigurationError(f"unknown input format {chosen!r}; choose from {choices}")
        df = flatten(df)
    except Exception as error:
        raise as_input_error(error) from None
    return df, chosen


def write(df: Any, path: str, output_format: str, *, overwrite: bool = False) -> None:
    """Write `df` to `path` as a directory of part files (Spark's layout), failing if it exists."""
    writer = df.write.mode("overwrite" if overwrite else "errorifexists")
    try:
        if output_format == "parquet":
            writer.parquet(path)
        elif output_format == "json":
            writer.json(path)
        elif output_format == "csv":
            writer.option("header", "true").csv(path)
        else:
            raise ConfigurationError(f"unknown output format {output_format!r}")
    except Exception as error:
        raise as_input_error(error) from None


def as_input_error(error: Exception) -> Exception:
    """A Spark error as one line (its first line, which names the condition and the path, not data)."""
    if isinstance(error, ConfigurationError | InputError):
        return error
    try:
        from pyspark.errors import PySparkException
    except ImportError:  # pragma: no cover - pyspark is there when this runs
        return error
    if not isinstance(error, PySparkException) and type(error).__name__ != "Py4JJavaError":
        return error
    text = str(error).strip()
    if "Python worker" in text:
        # The exception's own message may quote data; name only its type (the executor log has the rest).
        kinds = _PYTHON_ERROR_RE.findall(text)
        kind = kinds[-1] if kinds else "an exception"
        return InputError(f"a Spark Python worker failed with {kind}; see the executor log for the traceback")
    lines = text.splitlines()
    return InputError((lines[0] if lines else type(error).__name__)[:300])
