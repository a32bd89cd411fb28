"""An ASGI middleware that caps request bodies: by Content-Length before reading, and while streaming.

A declared length over the cap is refused with 413 before a byte of the body is read; a chunked body
(or one that lies about its length) is counted as it arrives and refused as soon as it passes the cap,
so a client cannot make the service buffer more than the cap (RFC 9110 §15.5.14).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from yinsi.service.errors import error_body

_TOO_LARGE = "the request body is larger than the service allows ({limit} bytes)"


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a streamed body passes its cap; FastAPI lets HTTPException through."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _TOO_LARGE.format(limit=limit))


class BodyLimitMiddleware:
    """Cap the body at `default` bytes, or at `per_path[path]` for the listed paths (uploads)."""

    def __init__(
        self, app: ASGIApp, *, default: Callable[[], int], per_path: Mapping[str, Callable[[], int]]
    ) -> None:
        self.app = app
        self.default = default
        self.per_path = per_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope["path"], self.default)()
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _send_413(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _send_413(send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_413(send: Send, limit: int) -> None:
    body = json.dumps(error_body("payload_too_large", _TOO_LARGE.format(limit=limit))).encode()
    await send({
        "type": "http.response.start", "status": 413,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close")],
    })
    await send({"type": "http.response.body", "body": body})
