"""Response guard for WSGI applications (Flask, Django, Pyramid, Bottle) — PEP 3333.

The wrapped application's `start_response` is captured; its body is buffered up to
`max_inspect_bytes`, inspected, and then the real `start_response` is called with the corrected
headers. A longer body is released unmodified, chunk by chunk, marked "not inspected". The
iterable's `close()` is always called, as PEP 3333 requires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any

from yinsi.guard.inspect import Inspector, is_inspectable
from yinsi.guard.policy import GuardPolicy
from yinsi.guard.verdict import Verdict, decide, not_inspected

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
StartResponse = Callable[..., Callable[[bytes], object]]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class WsgiResponseGuard:
    """WSGI middleware: `app.wsgi_app = WsgiResponseGuard(app.wsgi_app, GuardPolicy(action="block"))`."""

    def __init__(
        self, app: WSGIApp, policy: GuardPolicy | None = None, *, inspector: Inspector | None = None
    ) -> None:
        self.app = app
        self.policy = policy or GuardPolicy()
        self.inspector = inspector or Inspector(self.policy)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "HEAD":  # no body; Content-Length describes the GET body
            return self.app(environ, start_response)
        return _guarded(self, environ, start_response)


def _guarded(
    guard: WsgiResponseGuard, environ: dict[str, Any], start_response: StartResponse
) -> Iterator[bytes]:
    policy = guard.policy
    method = str(environ.get("REQUEST_METHOD", "GET"))
    path = str(environ.get("PATH_INFO", ""))
    captured: list[tuple[str, list[tuple[str, str]], ExcInfo | None]] = []
    written: list[bytes] = []

    def capture(
        status: str, headers: list[tuple[str, str]], exc_info: ExcInfo | None = None
    ) -> Callable[[bytes], object]:
        captured.append((status, list(headers), exc_info))
        return written.append  # the legacy write() callable: buffered like the iterable's chunks

    result = guard.app(environ, capture)
    try:
        chunks = iter(result)
        held: list[bytes] = []
        size = 0
        skip: str | None = None
        for chunk in chunks:
            size += len(chunk) + sum(len(part) for part in written)
            held.extend(written)
            written.clear()
            held.append(chunk)
            if not captured:
                raise RuntimeError("the wrapped WSGI application sent a body before start_response")
            if skip is None:
                skip = _skip_reason(captured[-1][1])
            if skip is not None or size > policy.max_inspect_bytes:
                status, headers, exc_info = captured[-1]
                why = not_inspected(policy, skip or "too-large", method, path)
                _start(start_response, status, headers, policy.header, why, exc_info)
                yield from held
                yield from chunks
                return
        held.extend(written)
        if not captured:
            raise RuntimeError("the wrapped WSGI application never called start_response")
        status, headers, exc_info = captured[-1]
        body = b"".join(held)
        reason = _skip_reason(headers) or ("too-large" if len(body) > policy.max_inspect_bytes else None)
        if reason is not None:
            header = not_inspected(policy, reason, method, path)
            _start(start_response, status, headers, policy.header, header, exc_info)
            yield body
            return
        content_type = _header(headers, "content-type")
        verdict = decide(policy, guard.inspector.inspect(body, content_type), method, path)
        yield from _send_verdict(start_response, status, headers, verdict, body, policy, exc_info)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()


def _send_verdict(
    start_response: StartResponse, status: str, headers: list[tuple[str, str]], verdict: Verdict,
    body: bytes, policy: GuardPolicy, exc_info: ExcInfo | None,
) -> Iterator[bytes]:
    new_body = verdict.body if verdict.body is not None else body
    drop = {"content-length"} | ({"content-type"} if verdict.content_type is not None else set())
    kept = [(name, value) for name, value in headers if name.lower() not in drop]
    if verdict.content_type is not None:
        kept.append(("Content-Type", verdict.content_type))
    kept.append(("Content-Length", str(len(new_body))))
    if verdict.status is not None:
        status = f"{verdict.status} {_REASONS.get(verdict.status, 'Error')}"
    _start(start_response, status, kept, policy.header, verdict.header, exc_info)
    yield new_body


_REASONS = {451: "Unavailable For Legal Reasons", 500: "Internal Server Error", 403: "Forbidden"}


def _start(start_response: StartResponse, status: str, headers: list[tuple[str, str]], header_name: str,
           header_value: str, exc_info: ExcInfo | None) -> None:
    kept = [(name, value) for name, value in headers if name.lower() != header_name.lower()]
    kept.append((header_name, header_value))
    if exc_info is not None:
        start_response(status, kept, exc_info)
    else:
        start_response(status, kept)


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _skip_reason(headers: list[tuple[str, str]]) -> str | None:
    encoding = (_header(headers, "content-encoding") or "identity").strip().lower()
    if encoding not in ("", "identity"):
        return "content-encoding"
    if not is_inspectable(_header(headers, "content-type")):
        return "content-type"
    return None
