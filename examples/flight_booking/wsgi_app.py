"""The flight-booking API as a Flask (WSGI) app, wrapped in yinsi's WsgiResponseGuard.

Run it:  YINSI_GUARD=block flask --app examples/flight_booking/wsgi_app.py run   (from the repository root)
Then:    curl -i localhost:5000/bookings/MF8C2Q
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from flask import Flask, Response, jsonify, request

from yinsi.guard import GuardAction, GuardPolicy, WsgiResponseGuard

try:
    from .bookings import booking, manifest_lines
except ImportError:  # run by `flask --app path/to/wsgi_app.py` or imported from this folder
    from bookings import booking, manifest_lines  # type: ignore[no-redef]


def create_app(policy: GuardPolicy) -> Flask:
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    @app.get("/bookings/<pnr>")
    def get_booking(pnr: str) -> Response:
        return jsonify(booking(pnr))

    @app.get("/bookings/<pnr>/manifest")
    def get_manifest(pnr: str) -> Response:
        lines = manifest_lines(int(request.args.get("count", "3")))

        def stream() -> Iterator[str]:
            yield from lines

        return Response(stream(), mimetype="text/plain")

    @app.get("/bookings/<pnr>/boarding-pass.png")
    def boarding_pass(pnr: str) -> Response:
        return Response(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, mimetype="image/png")

    app.wsgi_app = WsgiResponseGuard(app.wsgi_app, policy)  # type: ignore[method-assign]
    return app


ACTION = GuardAction(os.environ.get("YINSI_GUARD", "report"))
app = create_app(GuardPolicy(ACTION, anonymize_policy="courier"))
