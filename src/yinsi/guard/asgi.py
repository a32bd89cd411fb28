"""Response guard for ASGI applications (Starlette, FastAPI, Quart, Django's ASGI handler).

The response start is held back while the body is buffered, up to `max_inspect_bytes`; then the body
is inspected and sent in one piece with a corrected Content-Length. A body that grows past the limit
(a large download, a server-sent event stream) is released as it is, with the bytes already held, and
marked "not inspected": memory per response never exceeds the limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from yinsi.guard.inspect import Inspector, is_inspectable
from yinsi.guard.policy import GuardPolicy
from yinsi.guard.verdict import Verdict, decide, not_inspected

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ResponseGuard:
    """ASGI middleware: `app = ResponseGuard(app, GuardPolicy(action="mask"))`.

    Analysis runs in a worker thread (`asyncio.to_thread`) so the event loop keeps serving others.
    """

    def __init__(
        self, app: ASGIApp, policy: GuardPolicy | None = None, *, inspector: Inspector | None = None
    ) -> None:
        self.app = app
        self.policy = policy or GuardPolicy()
        self.inspector = inspector or Inspector(self.policy)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # HEAD responses have no body to read, and their Content-Length describes the GET body.
        if scope["type"] != "http" or scope.get("method") == "HEAD":
            await self.app(scope, receive, send)
            return
        response = _GuardedResponse(self, scope, send)
        await self.app(scope, receive, response.on_send)


class _GuardedResponse:
    """One response: the held start message, buffered chunks, and whether it now passes through."""

    def __init__(self, guard: ResponseGuard, scope: Scope, send: Send) -> None:
        self.guard = guard
        self.policy = guard.policy
        self.method = str(scope.get("method", "GET"))
        self.path = str(scope.get("path", ""))
        self.send = send
        self.start: Message | None = None
        self.chunks: list[bytes] = []
        self.size = 0
        self.passing = False

    async def on_send(self, message: Message) -> None:
        if self.passing:
            await self.send(message)
            return
        if message["type"] == "http.response.start":
            headers = _headers(message)
            reason = _skip_reason(headers)
            if reason is not None:
                await self._release(message, not_inspected(self.policy, reason, self.method, self.path))
                return
            self.start = message
            return
        if message["type"] != "http.response.body" or self.start is None:
            await self.send(message)
            return
        body = bytes(message.get("body", b""))
        self.chunks.append(body)
        self.size += len(body)
        if self.size > self.policy.max_inspect_bytes:
            header = not_inspected(self.policy, "too-large", self.method, self.path)
            await self._release(self.start, header, more_body=bool(message.get("more_body", False)))
            return
        if message.get("more_body", False):
            return
        await self._finish()

    async def _finish(self) -> None:
        assert self.start is not None
        start = self.start
        content_type = _headers(start).get("content-type")
        body = b"".join(self.chunks)
        inspection = await asyncio.to_thread(self.guard.inspector.inspect, body, content_type)
        verdict = decide(self.policy, inspection, self.method, self.path)
        await self._send_verdict(start, verdict, body)

    async def _send_verdict(self, start: Message, verdict: Verdict, body: bytes) -> None:
        new_body = verdict.body if verdict.body is not None else body
        replaced = verdict.body is not None
        drop = {b"content-length", self.policy.header.lower().encode()}
        if verdict.content_type is not None:
            drop.add(b"content-type")
        headers = [(name, value) for name, value in start.get("headers", []) if name.lower() not in drop]
        if verdict.content_type is not None:
            headers.append((b"content-type", verdict.content_type.encode("latin-1")))
        if replaced or any(name.lower() == b"content-length" for name, _ in start.get("headers", [])):
            headers.append((b"content-length", str(len(new_body)).encode()))
        headers.append((self.policy.header.encode("latin-1"), verdict.header.encode("latin-1")))
        status = verdict.status if verdict.status is not None else start["status"]
        self.passing = True
        await self.send({**start, "status": status, "headers": headers})
        await self.send({"type": "http.response.body", "body": new_body, "more_body": False})

    async def _release(self, start: Message, header: str, *, more_body: bool = False) -> None:
        """Send the start (with the guard header) and whatever was held; pass the rest through."""
        own = self.policy.header.lower().encode()
        headers = [(name, value) for name, value in start.get("headers", []) if name.lower() != own]
        headers.append((self.policy.header.encode("latin-1"), header.encode("latin-1")))
        self.passing = True
        await self.send({**start, "headers": headers})
        if self.chunks:
            held = b"".join(self.chunks)
            await self.send({"type": "http.response.body", "body": held, "more_body": more_body})
            self.chunks = []


def _headers(message: Message) -> dict[str, str]:
    pairs = message.get("headers", [])
    return {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in pairs}


def _skip_reason(headers: dict[str, str]) -> str | None:
    """Why a response is not read at all: binary, compressed (we never decompress others' bodies)."""
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        return "content-encoding"
    if not is_inspectable(headers.get("content-type")):
        return "content-type"
    return None
