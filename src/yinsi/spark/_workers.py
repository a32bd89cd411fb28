"""What runs inside Spark's Python workers: per-batch scan, inventory and masking over pandas frames.

Each function takes one pandas batch (Arrow-converted by `mapInPandas`) and returns one, so the JVM ↔
Python hand-over happens once per batch of thousands of rows, not per row.

Engines are expensive to build and cheap to reuse. The analyzer is `default_analyzer()`, built once per
process by its own cache; column classifiers and policy runs (with their derived sub-keys) are kept in
`_ENGINES`, a module-level cache keyed by the job's settings and the key id. This is a deliberate
process-wide cache (STYLE.md #6 forbids hidden global state): Spark reuses Python workers across tasks
(`spark.python.worker.reuse`, on by default), and rebuilding per task would cost more than a small
batch's work. Different settings or keys never share an entry; entries hold no row data, only
compiled recognizers and per-run memos bounded by PolicyRun.
"""

from __future__ import annotations

import hashlib
import pickle
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from yinsi._analyze import default_analyzer
from yinsi.core.privacy import keyed_digest, mask_preview
from yinsi.core.types import Finding
from yinsi.crypto.keys import MasterKey
from yinsi.operators.base import KeyChain
from yinsi.policy.apply import PolicyRun
from yinsi.policy.model import Policy
from yinsi.rewriting.masking import MaskingTransform
from yinsi.spark._sealed import SealedKey
from yinsi.tabular.classify import ColumnClassifier
from yinsi.tabular.hints import default_hints
from yinsi.tabular.model import ColumnInfo, InventorySettings

# The same label form `yinsi mask` uses for a CSV cell (yinsi.rewriting.masking): "手机：138…".
LABEL_SEPARATOR = "："
ITEM_SEPARATOR = "\n"
FINDING_COLUMNS = ("entity_type", "start", "end", "score", "sensitive", "preview", "digest", "recognizer",
                   "column")
ROW_KEY_COLUMN = "row_key"

_ENGINES: dict[tuple[object, ...], object] = {}
_T = TypeVar("_T")


def cached(key: tuple[object, ...], build: Callable[[], _T]) -> _T:
    """The engine built for `key` in this process, building it on first use."""
    found = _ENGINES.get(key)
    if found is None:
        found = _ENGINES[key] = build()
    return found  # type: ignore[return-value]


def cache_size() -> int:
    """How many engines this process holds (for tests of the cache)."""
    return len(_ENGINES)


@dataclass(frozen=True, slots=True)
class ScanSpec:
    """What a findings scan looks for; travels to executors with each task."""

    columns: tuple[str, ...]
    row_key: str | None = None  # when set, the batch's column after `columns`
    entities: frozenset[str] | None = None
    min_score: float = 0.5
    language: str = "zh"
    labels: bool = True


def row_findings(items: Sequence[tuple[str, str]], spec: ScanSpec) -> list[tuple[int, Finding]]:
    """(item index, finding with offsets into that value) for one row's labelled values.

    The row is analysed as `yinsi mask` analyses a CSV row: each value on its own line behind its
    column name, so context words in the name count and nothing spills from one row into another.
    Findings reaching outside their value (into a label or the next value) are dropped.
    """
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for value, label in items:
        prefix = label + LABEL_SEPARATOR if spec.labels and label else ""
        starts.append(offset + len(prefix))
        parts.append(prefix + value)
        offset += len(prefix) + len(value) + len(ITEM_SEPARATOR)
    found: list[tuple[int, Finding]] = []
    text = ITEM_SEPARATOR.join(parts)
    for finding in default_analyzer().analyze(
        text, entities=spec.entities, language=spec.language, score_threshold=spec.min_score
    ):
        index = bisect_right(starts, finding.start) - 1
        if index < 0:
            continue
        start = starts[index]
        if finding.end > start + len(items[index][0]):
            continue
        found.append((index, _shift(finding, start)))
    return found


def scan_batches(batches: Iterable[Any], spec: ScanSpec, key: SealedKey) -> Iterator[Any]:
    """mapInPandas body: one findings frame per input batch (empty frames are skipped)."""
    import pandas as pd

    secret = key.reveal()
    for batch in batches:
        rows: dict[str, list[Any]] = {name: [] for name in FINDING_COLUMNS}
        keys: list[str | None] = []
        columns = [batch.iloc[:, index] for index in range(len(spec.columns))]
        row_keys = batch.iloc[:, len(spec.columns)] if spec.row_key is not None else None
        for position, values in enumerate(zip(*columns, strict=True)):
            items = [(value, label) for value, label in zip(values, spec.columns, strict=True)
                     if isinstance(value, str) and value]
            if not items:
                continue
            for index, finding in row_findings(items, spec):
                value, column = items[index]
                text = value[finding.start:finding.end]
                rows["entity_type"].append(finding.entity_type)
                rows["start"].append(finding.start)
                rows["end"].append(finding.end)
                rows["score"].append(finding.score)
                rows["sensitive"].append(finding.sensitive)
                rows["preview"].append(mask_preview(text, finding.entity_type))
                rows["digest"].append(keyed_digest(text, secret, finding.entity_type))
                rows["recognizer"].append(finding.recognizer)
                rows["column"].append(column)
                if row_keys is not None:
                    keys.append(_key_text(row_keys.iloc[position]))
        if not rows["entity_type"]:
            continue
        frame = pd.DataFrame(rows)
        frame["start"] = frame["start"].astype("int32")
        frame["end"] = frame["end"].astype("int32")
        if spec.row_key is not None:
            frame[ROW_KEY_COLUMN] = pd.Series(keys, dtype=object)
        yield frame


@dataclass(frozen=True, slots=True)
class InventorySpec:
    """Which columns an inventory classifies, with which settings."""

    columns: tuple[ColumnInfo, ...]
    settings: InventorySettings


def inventory_batches(batches: Iterable[Any], spec: InventorySpec) -> Iterator[Any]:
    """mapInPandas body: every batch of a partition into one profile per column, then their states.

    Yields one row per column (`column`, `state` as JSON) at the end of the partition; the driver
    merges the states of all partitions (yinsi.spark.inventory) into the same ColumnReport a
    single-machine inventory gives.
    """
    import json

    import pandas as pd

    from yinsi.spark._profiles import profile_state

    classifier = cached(("inventory", spec.settings), lambda: ColumnClassifier(
        default_analyzer(), default_hints(), spec.settings))
    profiles = [classifier.profile(column) for column in spec.columns]
    for batch in batches:
        for index, profile in enumerate(profiles):
            profile.add([_cell(value) for value in batch.iloc[:, index]])
    yield pd.DataFrame({
        "column": [profile.column.name for profile in profiles],
        "state": [json.dumps(profile_state(profile)) for profile in profiles],
    })


@dataclass(frozen=True, slots=True)
class MaskSpec:
    """The columns a mask job rewrites (names, and their positions in the batch) and the policy."""

    columns: tuple[str, ...]
    policy: Policy
    language: str = "zh"
    positions: tuple[int, ...] | None = None  # default: the first len(columns) columns

    def at(self) -> tuple[int, ...]:
        return self.positions if self.positions is not None else tuple(range(len(self.columns)))


def mask_batches(batches: Iterable[Any], spec: MaskSpec, key: SealedKey | None) -> Iterator[Any]:
    """mapInPandas body: each batch with its string columns masked row by row, other columns unchanged."""
    transform = cached(("mask", _fingerprint(spec.policy), spec.language, key.key_id if key else None),
                       lambda: _transform(spec, key))
    for batch in batches:
        positions = spec.at()
        columns = [batch.iloc[:, position] for position in positions]
        out: list[list[Any]] = [list(column) for column in columns]
        for row, values in enumerate(zip(*columns, strict=True)):
            present = [index for index, value in enumerate(values) if isinstance(value, str) and value]
            if not present:
                continue
            masked = transform.many([(values[index], spec.columns[index]) for index in present])
            for index, new in zip(present, masked, strict=True):
                out[index][row] = new
        result = batch.copy()
        for position, masked_column in zip(positions, out, strict=True):
            result[result.columns[position]] = masked_column
        yield result


def _transform(spec: MaskSpec, key: SealedKey | None) -> MaskingTransform:
    keys = KeyChain(MasterKey(key.reveal())) if key is not None else None
    return MaskingTransform(PolicyRun(spec.policy, keys), default_analyzer(), language=spec.language)


def _fingerprint(policy: Policy) -> str:
    """A stable id of a policy's content, for the engine cache (policies hold no secrets)."""
    return hashlib.sha256(pickle.dumps(policy)).hexdigest()


def _shift(finding: Finding, start: int) -> Finding:
    from dataclasses import replace

    return replace(finding, start=finding.start - start, end=finding.end - start)


def _key_text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _cell(value: object) -> object:
    """pandas' missing markers (NaN, NaT, NA) as None, which the classifier counts as NULL."""
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass  # arrays and other non-scalars are values
    return value

