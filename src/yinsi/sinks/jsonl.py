"""`--format jsonl`: one finding object per line, written as found (JSON Lines, jsonlines.org).

Suited to very large scans and to `jq`/log pipelines: nothing is held in memory, and each line has the
same fields as a finding in the JSON result. Run metadata is not repeated per line; use JSON for it.
"""

from __future__ import annotations

import json

from yinsi.core.types import Finding
from yinsi.sinks.output import Output
from yinsi.sinks.records import ScanMetadata, finding_record

FORMAT = "jsonl"


class JsonlSink:
    def __init__(self, output: Output, *, include_values: bool) -> None:
        self._output = output
        self._include_values = include_values

    def add(self, finding: Finding) -> None:
        record = finding_record(finding, include_values=self._include_values)
        self._output.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def finish(self, meta: ScanMetadata) -> None:
        self._output.commit()

    def abort(self) -> None:
        self._output.discard()


def create(output: Output, *, include_values: bool) -> JsonlSink:
    return JsonlSink(output, include_values=include_values)
