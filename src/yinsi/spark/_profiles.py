"""Column profiles as plain data, so partial profiles from many partitions can be merged on the driver.

A ColumnProfile (yinsi.tabular.classify) accumulates counts batch by batch on one machine; on Spark each
partition fills its own, and the driver adds them up. The counts are sums (rows, NULLs, analysed
values, characters, sentence-like values, hits and score sums per entity), so merging is exact and the
merged profile's `report()` is the one a single process would give reading the same batches.
This module is the only place that knows the profile's counters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from yinsi.tabular.classify import ColumnProfile

_COUNTS = ("rows", "nulls", "analysed", "_chars", "_sentences")


def profile_state(profile: ColumnProfile) -> dict[str, Any]:
    """The counters of `profile` as JSON-ready data (no values from the column, only counts)."""
    state: dict[str, Any] = {name.lstrip("_"): getattr(profile, name) for name in _COUNTS}
    state["hits"] = dict(profile._hits)
    state["scores"] = dict(profile._scores)
    return state


def merge_states(profile: ColumnProfile, states: Iterable[Mapping[str, Any]]) -> ColumnProfile:
    """`profile` (fresh, built by the driver's classifier) with the sum of `states` added to it."""
    for state in states:
        for name in _COUNTS:
            setattr(profile, name, getattr(profile, name) + int(state[name.lstrip("_")]))
        profile._hits.update(Counter({entity: int(count) for entity, count in state["hits"].items()}))
        for entity, score in state["scores"].items():
            profile._scores[entity] = profile._scores.get(entity, 0.0) + float(score)
    return profile
