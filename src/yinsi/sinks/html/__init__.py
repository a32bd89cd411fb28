"""`--format html` / `--html FILE`: one self-contained HTML report for any yinsi result, or several.

`write_html_report(documents, path)` renders result documents (docs/result-schema.md: file scans, table
scans, app audits) into one page; `yinsi report` uses it to re-render saved results, and the scanning
commands through the sink below. Raw values are left out unless `include_values` is set explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from yinsi.core.types import Finding
from yinsi.sinks.html.render import render_documents
from yinsi.sinks.output import Output
from yinsi.sinks.records import ScanMetadata, finding_record, metadata_record
from yinsi.sinks.summary import Summary

FORMAT = "html"


def write_html_report(documents: Sequence[Any], target: str, *, include_values: bool = False,
                      title: str | None = None) -> None:
    """Render `documents` into the file `target` (replaced atomically; owner-only with raw values)."""
    page = render_documents(documents, include_values=include_values, title=title)
    output = Output(target, private=include_values)
    try:
        output.handle.write(page)
        output.commit()
    except BaseException:
        output.discard()
        raise


class HtmlSink:
    """Keeps the scan's finding records and summary, renders the page when the scan ends."""

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
        self._output.handle.write(render_documents([result], include_values=self._include_values))
        self._output.commit()

    def abort(self) -> None:
        self._output.discard()


def create(output: Output, *, include_values: bool) -> HtmlSink:
    return HtmlSink(output, include_values=include_values)


__all__ = ["FORMAT", "HtmlSink", "create", "write_html_report"]
