"""`--format html` / `--html FILE`: one self-contained HTML report for any yinsi result, or several.

`write_html_report(documents, path)` renders result documents (docs/result-schema.md: file scans, table
scans, app audits) into one page; `yinsi report` uses it to re-render saved results, and the scanning
commands through the sink below. Raw values are left out unless `include_values` is set explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from yinsi.sinks.html.render import render_documents
from yinsi.sinks.json_sink import JsonSink
from yinsi.sinks.output import Output, written

FORMAT = "html"


def write_html_report(documents: Sequence[Any], target: str, *, include_values: bool = False,
                      title: str | None = None) -> None:
    """Render `documents` into the file `target` (replaced atomically; owner-only with raw values)."""
    page = render_documents(documents, include_values=include_values, title=title)
    with written(target, private=include_values) as stream:
        stream.write(page)


class HtmlSink(JsonSink):
    """The JSON sink's result document, rendered as the HTML page instead of serialised."""

    def write(self, result: dict[str, Any]) -> None:
        self._output.handle.write(render_documents([result], include_values=self._include_values))


def create(output: Output, *, include_values: bool) -> HtmlSink:
    return HtmlSink(output, include_values=include_values)


__all__ = ["FORMAT", "HtmlSink", "create", "write_html_report"]
