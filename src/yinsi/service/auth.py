"""Bearer-token authentication (RFC 6750) with constant-time comparison.

Every accepted token is compared, with `hmac.compare_digest`, even after a match, so neither the
position of the matching token nor a shared prefix shows up in the response time.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from yinsi.service.errors import ApiError

bearer_scheme = HTTPBearer(auto_error=False, description="A token from YINSI_SERVICE_TOKENS or --token-file.")


def token_matches(candidate: bytes, tokens: tuple[bytes, ...]) -> bool:
    """Whether `candidate` equals one of `tokens`, in time independent of which one."""
    matched = False
    for token in tokens:
        matched |= hmac.compare_digest(candidate, token)
    return matched


async def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]
) -> None:
    """FastAPI dependency: 401 unless auth is off or the request carries an accepted bearer token."""
    tokens: tuple[bytes, ...] = request.app.state.settings.tokens
    if not tokens:
        return
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "a bearer token is required")
    if not token_matches(credentials.credentials.encode("utf-8"), tokens):
        raise ApiError(401, "unauthorized", "the bearer token is not accepted")
