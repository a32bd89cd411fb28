"""Budgets for reading an untrusted APK: sizes, entry counts, DEX files, call-graph depth and time.

Every stage that reads attacker-controlled bytes is bounded (STYLE.md §13): an APK is a zip written by
whoever built it, and MobSF's users report analyses that hang on large or hostile packages.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ExtractionLimits:
    """Upper bounds for one `extract_facts` call.

    Size and entry limits make an APK unusable (a typed error): nothing sensible can be said about a
    package we refuse to open. Budgets on DEX work and time only truncate the result, and the truncation
    is recorded in `AppFacts.limits` so a partial extraction is never silent.
    """

    max_apk_bytes: int = 1024 * MIB
    max_entries: int = 200_000
    # Declared uncompressed size of one entry we read, and of all entries together (zip-bomb guard).
    max_entry_bytes: int = 512 * MIB
    max_total_bytes: int = 8192 * MIB
    max_dex_files: int = 64
    max_seconds: float = 60.0
    # Startup reachability (Application / ContentProvider entry points into the app's own code).
    startup_depth: int = 3
    startup_nodes: int = 5_000

    def __post_init__(self) -> None:
        for name in ("max_apk_bytes", "max_entries", "max_entry_bytes", "max_total_bytes", "max_dex_files"):
            if getattr(self, name) <= 0:
                raise ValueError(f"ExtractionLimits.{name} must be positive")
        if self.max_seconds <= 0:
            raise ValueError("ExtractionLimits.max_seconds must be positive")
        if self.startup_depth < 0 or self.startup_nodes < 0:
            raise ValueError("ExtractionLimits.startup_depth and startup_nodes must not be negative")


class Deadline:
    """A monotonic-clock deadline shared by the stages of one extraction."""

    __slots__ = ("_end", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def expired(self) -> bool:
        """True once the time budget is spent."""
        return time.monotonic() >= self._end
