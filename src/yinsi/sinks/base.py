"""What every sink does: take findings one at a time, then finish with the scan's metadata.

Sink modules in this package are found automatically: a module that defines `FORMAT` (the
`--format` name) and `create(output, *, include_values)` is a sink. Adding a format adds one file.
"""

from __future__ import annotations

from typing import Protocol

from yinsi.core.types import Finding
from yinsi.sinks.output import Output
from yinsi.sinks.records import ScanMetadata


class Sink(Protocol):
    """Receives findings as they are found and writes a report when the scan ends."""

    def add(self, finding: Finding) -> None: ...

    def finish(self, meta: ScanMetadata) -> None:
        """Write what is left and commit the output."""
        ...

    def abort(self) -> None:
        """The scan failed: discard a partly written output file."""
        ...


class SinkFactory(Protocol):
    def __call__(self, output: Output, *, include_values: bool) -> Sink: ...
