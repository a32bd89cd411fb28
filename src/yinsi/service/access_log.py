"""uvicorn's access log without query strings.

Every endpoint takes its text in the request body, but a client may still put a value in a URL
(`GET /v1/analyze?text=13800138000`, a 405 or 404), and uvicorn's access log writes the full path with
its query. The service must not log what it is asked to protect, so the query is replaced by "?…"
before the line is written; method, path and status stay for operators.
"""

from __future__ import annotations

import logging

ACCESS_LOGGER = "uvicorn.access"
# uvicorn logs '%s - "%s %s HTTP/%s" %d' with (client address, method, full path, HTTP version, status).
_ACCESS_ARGS = 5
_PATH = 2


class QueryStringFilter(logging.Filter):
    """Drops the query string from the path argument of uvicorn access-log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == _ACCESS_ARGS:
            full_path = args[_PATH]
            if isinstance(full_path, str) and "?" in full_path:
                path = full_path.partition("?")[0]
                record.args = (*args[:_PATH], f"{path}?…", *args[_PATH + 1 :])
        return True


def hide_query_strings(logger: logging.Logger | None = None) -> None:
    """Install the filter once on uvicorn's access logger (each worker process calls this)."""
    target = logger if logger is not None else logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(existing, QueryStringFilter) for existing in target.filters):
        target.addFilter(QueryStringFilter())
