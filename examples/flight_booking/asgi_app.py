"""The flight-booking API as a Starlette (ASGI) app, wrapped in yinsi's ResponseGuard.

Run it:  YINSI_GUARD=mask uvicorn examples.flight_booking.asgi_app:app   (from the repository root)
Then:    curl -i localhost:8000/bookings/MF8C2Q
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from yinsi.guard import GuardAction, GuardPolicy, ResponseGuard

try:
    from .bookings import booking, manifest_lines
except ImportError:  # run as a script or imported from this folder
    from bookings import booking, manifest_lines  # type: ignore[no-redef]


async def get_booking(request: Request) -> JSONResponse:
    return JSONResponse(booking(request.path_params["pnr"]))


async def get_manifest(request: Request) -> StreamingResponse:
    lines = manifest_lines(int(request.query_params.get("count", "3")))

    async def stream() -> AsyncIterator[bytes]:
        for line in lines:
            yield line.encode()

    return StreamingResponse(stream(), media_type="text/plain; charset=utf-8")


async def boarding_pass(request: Request) -> Response:
    return Response(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, media_type="image/png")


def create_app(policy: GuardPolicy) -> ResponseGuard:
    routes = [
        Route("/bookings/{pnr}", get_booking),
        Route("/bookings/{pnr}/manifest", get_manifest),
        Route("/bookings/{pnr}/boarding-pass.png", boarding_pass),
    ]
    return ResponseGuard(Starlette(routes=routes), policy)


ACTION = GuardAction(os.environ.get("YINSI_GUARD", "report"))
app = create_app(GuardPolicy(ACTION, anonymize_policy="courier"))
