"""Run a scan into one or more sinks: every finding to every sink, then the metadata, or abort all."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime

from yinsi.scanning import Scan
from yinsi.sinks.base import Sink
from yinsi.sinks.records import ScanMetadata


def deliver(scan: Scan, sinks: Sequence[Sink], *, tool_version: str) -> ScanMetadata:
    """Stream `scan`'s findings into `sinks` and finish them; on any error or interrupt, abort them all
    (no partial report file is left) and re-raise."""
    started_at, clock = datetime.now(UTC), time.perf_counter()
    try:
        for finding in scan:
            for sink in sinks:
                sink.add(finding)
        meta = ScanMetadata(
            tool_version=tool_version, inputs=scan.paths, settings=scan.settings,
            key_source=scan.digest_key.source, key_id=scan.digest_key.key_id, stats=scan.stats(),
            started_at=started_at, duration_seconds=time.perf_counter() - clock,
        )
        for sink in sinks:
            sink.finish(meta)
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    return meta
