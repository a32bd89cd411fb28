"""Column profiles as plain data, so partial profiles from many partitions can be merged on the driver.

A ColumnProfile (yinsi.tabular.classify) accumulates counts batch by batch on one machine; on Spark each
partition fills its own and the driver adds them up, then asks the merged profile for its report. The
counters are sums (rows, NULLs, analysed values, characters, hits and score sums per entity), so merging
is exact and the report is the one a single process gives reading the same values.

The profile has no public merge yet, so its additive counters are read from the instance: every
integer or float attribute, and every dict of numbers, except the control state listed in `_NOT_COUNTS`
(caches, a shortcut and what it was checked against). This module is the only place that knows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from yinsi.tabular.classify import ColumnProfile

_NOT_COUNTS = frozenset({"column", "hint", "_classifier", "_models", "_cache", "_shortcut",
                         "_shortcut_checked"})


def profile_state(profile: ColumnProfile) -> dict[str, Any]:
    """The additive counters of `profile` as JSON-ready data (counts only, never a value)."""
    state: dict[str, Any] = {}
    for name, value in vars(profile).items():
        if name in _NOT_COUNTS or isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            state[name] = value
        elif isinstance(value, dict) and all(isinstance(item, int | float) for item in value.values()):
            state[name] = dict(value)
    return state


def merge_states(profile: ColumnProfile, states: Iterable[Mapping[str, Any]]) -> ColumnProfile:
    """`profile` (fresh, from the driver's classifier) with the sum of `states` added to it."""
    for state in states:
        for name, value in state.items():
            current = getattr(profile, name)
            if isinstance(value, dict):
                for entity, amount in value.items():
                    current[entity] = current.get(entity, 0) + amount
            else:
                setattr(profile, name, current + value)
    return profile
