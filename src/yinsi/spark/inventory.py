"""The personal-information inventory of a Spark DataFrame: the same ColumnReports as `yinsi db scan`.

Each partition classifies its rows with the single-machine ColumnClassifier; the driver adds up the
partitions' counters and builds the reports, so the inventory has the schema and the meaning of the
single-machine one (yinsi.tabular) and the sinks, console table and HTML report take it unchanged.
"""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Sequence
from typing import Any

from yinsi._analyze import default_analyzer
from yinsi.core.errors import ConfigurationError
from yinsi.spark._columns import classifiable_columns, positional
from yinsi.spark._profiles import merge_states
from yinsi.spark._workers import InventorySpec, inventory_batches
from yinsi.tabular.classify import ColumnClassifier
from yinsi.tabular.hints import default_hints
from yinsi.tabular.inventory import Inventory
from yinsi.tabular.model import InventorySettings, TableReport

# Spark's default; the driver only receives one small row per column and partition.
STATE_SCHEMA = "column string, state string"


def inventory_table(
    df: Any, name: str, *, settings: InventorySettings | None = None, columns: Sequence[str] | None = None,
) -> TableReport:
    """What each column of `df` holds. `settings.full` reads every row; otherwise a random sample of
    about `settings.sample_size` rows (Bernoulli sampling, as Spark's `DataFrame.sample` does)."""
    settings = settings or InventorySettings(full=True)
    if settings.retention_days is not None:
        raise ConfigurationError("retention audits are not available on Spark yet; run without --retention")
    infos = classifiable_columns(df, columns)
    source = positional(df, [info.name for info in infos])
    if settings.full:
        sampling, estimated = "full", None
    else:
        estimated = source.count()
        fraction = min(1.0, 1.2 * settings.sample_size / estimated) if estimated else 1.0
        source = source.sample(fraction=fraction, seed=0x59494E53).limit(settings.sample_size)
        sampling = "bernoulli"
    spec = InventorySpec(columns=infos, settings=settings)
    rows = source.mapInPandas(lambda batches: inventory_batches(batches, spec), STATE_SCHEMA).collect()
    states: dict[str, list[dict[str, Any]]] = {info.name: [] for info in infos}
    for row in rows:
        states[row["column"]].append(json.loads(row["state"]))
    classifier = ColumnClassifier(default_analyzer(), default_hints(), settings)
    profiles = [merge_states(classifier.profile(info), states[info.name]) for info in infos]
    sampled = profiles[0].rows if profiles else 0
    return TableReport(name, estimated if estimated is not None else sampled, sampled, sampling,
                       tuple(profile.report() for profile in profiles))


def inventory_dataframes(
    frames: Sequence[tuple[str, Any]], source: str, *, settings: InventorySettings | None = None,
) -> Inventory:
    """An Inventory (as `yinsi db scan` makes) of named DataFrames, one table each."""
    settings = settings or InventorySettings(full=True)
    started_at, clock = datetime.datetime.now(datetime.UTC), time.perf_counter()
    tables = tuple(inventory_table(df, name, settings=settings) for name, df in frames)
    return Inventory(source, settings, tables, started_at, time.perf_counter() - clock)
