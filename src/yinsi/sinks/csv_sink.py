"""`--format csv`: a finding inventory for spreadsheets, one row per finding, written as found.

Files get a UTF-8 byte-order mark so that Excel opens Chinese text correctly. Cells that a spreadsheet
would run as a formula (leading = + - @, tab or CR; OWASP "CSV Injection") are prefixed with an
apostrophe: a preview such as `+86 1** ****` must stay text.
"""

from __future__ import annotations

import csv

from yinsi.core.types import Finding
from yinsi.sinks.output import Output
from yinsi.sinks.records import ScanMetadata, raw_value

FORMAT = "csv"
COLUMNS = (
    "path", "line", "column", "field", "entity_type", "sensitive", "score", "preview", "digest", "start",
    "end", "recognizer",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvSink:
    def __init__(self, output: Output, *, include_values: bool) -> None:
        self._output = output
        self._include_values = include_values
        if output.is_file:
            output.handle.write("\ufeff")
        self._writer = csv.writer(output.handle)
        self._writer.writerow(COLUMNS + (("value",) if include_values else ()))

    def add(self, finding: Finding) -> None:
        location = finding.location
        row: list[object] = [
            location.path if location else "",
            location.line if location else "",
            location.column if location else "",
            _cell((location.column_name or location.field or "") if location else ""),
            finding.entity_type,
            "true" if finding.sensitive else "false",
            finding.score,
            _cell(finding.preview or ""),
            finding.digest or "",
            finding.start,
            finding.end,
            finding.recognizer,
        ]
        if self._include_values:
            row.append(_cell(raw_value(finding) or ""))
        self._writer.writerow(row)

    def finish(self, meta: ScanMetadata) -> None:
        self._output.commit()

    def abort(self) -> None:
        self._output.discard()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def create(output: Output, *, include_values: bool) -> CsvSink:
    return CsvSink(output, include_values=include_values)
