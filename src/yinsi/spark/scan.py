"""Findings in a Spark DataFrame's string columns, as a DataFrame computed on the executors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from yinsi.core.digest_key import DigestKey, load_digest_key
from yinsi.core.entities import check_entity_names
from yinsi.scanning import DEFAULT_MIN_SCORE
from yinsi.spark._columns import positional, string_columns
from yinsi.spark._sealed import SealedKey
from yinsi.spark._workers import ROW_KEY_COLUMN, ScanSpec, scan_batches

# One finding per row; offsets are characters into the cell. Never a raw value (docs/result-schema.md).
FINDINGS_SCHEMA = (
    "entity_type string, start int, end int, score double, sensitive boolean, preview string, "
    "digest string, recognizer string, column string"
)


def scan_dataframe(
    df: Any,
    *,
    columns: Sequence[str] | None = None,
    row_key: str | None = None,
    entities: Iterable[str] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    digest_key: DigestKey | None = None,
    language: str = "zh",
    labels: bool = True,
) -> Any:
    """A DataFrame of findings in `df`'s string columns (all of them unless `columns` names some).

    Columns: `entity_type, start, end, score, sensitive, preview, digest, recognizer, column` and, when
    `row_key` names a column of `df`, `row_key` (its value as a string) so each finding can be traced to
    its row. Offsets are characters into the cell. Each row is analysed with its column names as
    labels, exactly as `yinsi mask` analyses a CSV row, so a scan reports what a mask replaces;
    `labels=False` leaves the names out, as `yinsi scan` sees a line of a text file (use it for text
    read with `spark.read.text`, whose one column, `value`, holds one line per row).
    The work is lazy: nothing runs until the result is written or collected.
    """
    key = digest_key if digest_key is not None else load_digest_key()
    chosen = string_columns(df, columns, exclude=(row_key,) if row_key else ())
    spec = ScanSpec(columns=chosen, row_key=row_key, entities=check_entity_names(entities),
                    min_score=min_score, language=language, labels=labels)
    sealed = SealedKey(key.secret)
    schema = FINDINGS_SCHEMA + (f", {ROW_KEY_COLUMN} string" if row_key is not None else "")
    # The row key goes last, even when it is scanned too: the workers read it by position.
    wanted = (*chosen, *((row_key,) if row_key is not None else ()))
    selected = positional(df, wanted)
    return selected.mapInPandas(lambda batches: scan_batches(batches, spec, sealed), schema)
