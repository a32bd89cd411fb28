"""Error bodies that never echo a request's values, and the handlers that produce them.

FastAPI's default 422 body repeats the offending input (`"input": ...`), which for this service is
personal information; its default 500 may carry exception text. Both are replaced: validation errors
keep only the location (field names the API defines, never keys a client made up), the error type
and pydantic's generic message; unexpected errors become a fixed message, logged by type only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from yinsi.core.errors import ConfigurationError, InputError, UnknownEntityError, YinsiError

log = logging.getLogger("yinsi.service")

_HTTP_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
    422: "invalid_request", 503: "busy", 504: "timeout",
}
# Messages that pydantic builds from the input itself; replaced by their error type.
_ECHOING_TYPES = frozenset({"value_error", "assertion_error", "json_invalid"})


class ApiError(Exception):
    """An error with an HTTP status, a stable code and a message safe to return and log."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def safe_details(errors: Sequence[Any], field_names: frozenset[str]) -> list[dict[str, Any]]:
    """Validation errors without `input`, `ctx` or made-up key names."""
    details = []
    for error in errors[:20]:
        kind = str(error.get("type", "invalid"))
        message = str(error.get("msg", "invalid value"))
        if kind in _ECHOING_TYPES or kind.startswith("value_error"):
            message = "invalid value" if kind != "json_invalid" else "the body is not valid JSON"
        loc = list(_safe_loc(error.get("loc", ()), field_names))
        details.append({"loc": loc, "type": kind, "msg": message})
    return details


def _safe_loc(loc: Iterable[Any], field_names: frozenset[str]) -> Iterable[str | int]:
    for part in loc:
        if isinstance(part, int):
            yield part
        elif part in field_names or part in ("body", "header", "query", "path"):
            yield str(part)
        else:
            yield "*"


def install_handlers(app: FastAPI, field_names: frozenset[str]) -> None:
    """Register the handlers that turn every error into an `ErrorResponse` body."""

    async def on_api_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, ApiError)
        headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
        return error_response(error.status, error.code, error.message, headers)

    async def on_validation(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        details = safe_details(error.errors(), field_names)
        return JSONResponse(
            error_body("invalid_request", "the request does not match the API schema", details),
            status_code=422,
        )

    async def on_http(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, StarletteHTTPException)
        code = _HTTP_CODES.get(error.status_code, "error")
        message = error.detail if isinstance(error.detail, str) else code.replace("_", " ")
        return error_response(error.status_code, code, message, dict(error.headers or {}) or None)

    async def on_yinsi(request: Request, error: Exception) -> JSONResponse:
        # Library errors never contain matched values (yinsi.core.errors); they are the client's doing.
        if isinstance(error, UnknownEntityError | ConfigurationError | InputError):
            status = 422 if isinstance(error, InputError) else 400
            return error_response(status, "bad_request", str(error))
        log.error("request failed: %s", type(error).__name__)
        return error_response(500, "internal_error", "the request could not be processed")

    async def on_unexpected(request: Request, error: Exception) -> JSONResponse:
        log.error("unexpected error: %s", type(error).__name__)
        return error_response(500, "internal_error", "the request could not be processed")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(YinsiError, on_yinsi)
    app.add_exception_handler(Exception, on_unexpected)
