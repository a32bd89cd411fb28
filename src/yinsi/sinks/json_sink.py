"""`--format json`: one versioned result object with metadata, a summary and every finding.

The layout is documented in docs/result-schema.md; it is the shape other yinsi commands and reports
read back, so fields are added, never renamed.
"""

from __future__ import annotations

import json
from typing import Any

from yinsi.core.types import Finding
from yinsi.sinks.output import Output
from yinsi.sinks.records import ScanMetadata, finding_record, metadata_record
from yinsi.sinks.summary import Summary

FORMAT = "json"


class JsonSink:
    """Collects finding records (not values, unless asked) and writes the result at the end."""

    def __init__(self, output: Output, *, include_values: bool) -> None:
        self._output = output
        self._include_values = include_values
        self._records: list[dict[str, Any]] = []
        self._summary = Summary()

    def add(self, finding: Finding) -> None:
        self._records.append(finding_record(finding, include_values=self._include_values))
        self._summary.add(finding)

    def finish(self, meta: ScanMetadata) -> None:
        result = metadata_record(meta)
        result["summary"] = self._summary.as_record()
        result["findings"] = self._records
        self.write(result)
        self._output.commit()

    def write(self, result: dict[str, Any]) -> None:
        """Serialise the finished result document; other renderings of the same document override this."""
        json.dump(result, self._output.handle, ensure_ascii=False, indent=2)
        self._output.handle.write("\n")

    def abort(self) -> None:
        self._output.discard()


def create(output: Output, *, include_values: bool) -> JsonSink:
    return JsonSink(output, include_values=include_values)
