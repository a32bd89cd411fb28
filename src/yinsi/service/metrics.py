"""Request and finding counters in the Prometheus text exposition format (version 0.0.4).

A few dozen lines instead of a dependency: counters by endpoint and status, a latency histogram by
endpoint, and findings by entity type. Labels come from a fixed set (the API's own paths, catalogue
entity names), so a client cannot grow the label space with made-up paths. Each worker process keeps
its own figures; Prometheus sums them when it scrapes each worker (or use one worker per port).
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Seconds; the default buckets of the Prometheus client libraries, extended for APK audits.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Metrics:
    """Thread-safe counters and histograms of one worker process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[tuple[str, str, int]] = Counter()
        self._bucket_counts: dict[str, list[int]] = {}
        self._sums: dict[str, float] = {}
        self._findings: Counter[str] = Counter()
        self._texts: Counter[str] = Counter()

    def observe_request(self, endpoint: str, method: str, status: int, seconds: float) -> None:
        with self._lock:
            self._requests[(endpoint, method, status)] += 1
            counts = self._bucket_counts.setdefault(endpoint, [0] * (len(BUCKETS) + 1))
            counts[bisect_left(BUCKETS, seconds)] += 1
            self._sums[endpoint] = self._sums.get(endpoint, 0.0) + seconds

    def observe_findings(self, entity_types: Iterable[str], texts: int, endpoint: str) -> None:
        with self._lock:
            self._findings.update(entity_types)
            self._texts[endpoint] += texts

    def render(self) -> str:
        with self._lock:
            lines = _header("yinsi_http_requests_total", "counter",
                            "HTTP requests by endpoint, method and status.")
            for (endpoint, method, status), count in sorted(self._requests.items()):
                labels = f'endpoint="{endpoint}",method="{method}",status="{status}"'
                lines.append(f"yinsi_http_requests_total{{{labels}}} {count}")
            name = "yinsi_http_request_duration_seconds"
            lines += _header(name, "histogram", "Time from request to the end of the response.")
            for endpoint, counts in sorted(self._bucket_counts.items()):
                cumulative = 0
                for bound, count in zip((*BUCKETS, None), counts, strict=True):
                    cumulative += count
                    le = "+Inf" if bound is None else f"{bound:g}"
                    lines.append(f'{name}_bucket{{endpoint="{endpoint}",le="{le}"}} {cumulative}')
                lines.append(f'{name}_sum{{endpoint="{endpoint}"}} {self._sums[endpoint]:.6f}')
                lines.append(f'{name}_count{{endpoint="{endpoint}"}} {cumulative}')
            lines += _header("yinsi_findings_total", "counter", "Findings returned, by entity type.")
            lines += [f'yinsi_findings_total{{entity_type="{entity}"}} {count}'
                      for entity, count in sorted(self._findings.items())]
            lines += _header("yinsi_texts_total", "counter", "Texts processed, by endpoint.")
            lines += [f'yinsi_texts_total{{endpoint="{endpoint}"}} {count}'
                      for endpoint, count in sorted(self._texts.items())]
        return "\n".join(lines) + "\n"


def _header(name: str, kind: str, help_text: str) -> list[str]:
    return [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]


class MetricsMiddleware:
    """Times every HTTP request and counts it under its endpoint (`other` for unknown paths)."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics, endpoints: Collection[str]) -> None:
        self.app = app
        self.metrics = metrics
        self.endpoints = frozenset(endpoints)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            path = scope["path"]
            endpoint = path if path in self.endpoints else "other"
            method = scope["method"] if scope["method"] in ("GET", "POST", "HEAD", "OPTIONS") else "other"
            self.metrics.observe_request(endpoint, method, status, time.perf_counter() - started)
