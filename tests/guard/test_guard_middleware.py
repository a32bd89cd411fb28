"""The guard around the flight-booking example, as ASGI (Starlette) and WSGI (Flask): report, mask,
block, pass-through of binary and oversized streaming responses, and log lines without values."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from yinsi.guard import GuardAction, GuardPolicy

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "flight_booking"))
import asgi_app
import wsgi_app
from bookings import booking

PASSENGERS = booking()["passengers"]
RAW_VALUES = [p["idNo"] for p in PASSENGERS] + [p["phone"] for p in PASSENGERS]


def _starlette(policy: GuardPolicy) -> Any:
    from starlette.testclient import TestClient

    return TestClient(asgi_app.create_app(policy))


def _flask(policy: GuardPolicy) -> Any:
    return wsgi_app.create_app(policy).test_client()


CLIENTS: dict[str, Callable[[GuardPolicy], Any]] = {"asgi": _starlette, "wsgi": _flask}


@pytest.fixture(params=sorted(CLIENTS))
def make(request: pytest.FixtureRequest) -> Callable[[GuardPolicy], Any]:
    return CLIENTS[request.param]


def _body(response: Any) -> bytes:
    return bytes(response.content if hasattr(response, "content") else response.data)


def test_report_adds_a_header_and_logs_masked_values(make, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="yinsi.guard")
    response = make(GuardPolicy(GuardAction.REPORT)).get("/bookings/MF8C2Q")
    assert response.status_code == 200
    assert response.headers["X-Yinsi-Guard"].startswith("reported; ")
    assert "CN_RESIDENT_ID=3" in response.headers["X-Yinsi-Guard"]
    assert json.loads(_body(response)) == booking()  # unchanged
    logged = caplog.text
    assert "CN_RESIDENT_ID:" in logged and "@idNo" in logged
    assert not any(value in logged for value in RAW_VALUES)


def test_mask_rewrites_the_json_and_fixes_content_length(make) -> None:  # type: ignore[no-untyped-def]
    response = make(GuardPolicy(GuardAction.MASK, anonymize_policy="courier")).get("/bookings/MF8C2Q")
    assert response.status_code == 200
    body = _body(response)
    assert int(response.headers["Content-Length"]) == len(body)
    assert response.headers["X-Yinsi-Guard"].startswith("masked; ")
    data = json.loads(body)
    assert not any(value in body.decode() for value in RAW_VALUES)
    assert data["pnr"] == "MF8C2Q" and data["flight"]["number"] == "MU5137"
    assert data["passengers"][0]["phone"] == PASSENGERS[0]["phone"][:3] + "****" + PASSENGERS[0]["phone"][-4:]


def test_block_replaces_the_response(make) -> None:  # type: ignore[no-untyped-def]
    response = make(GuardPolicy(GuardAction.BLOCK, sensitive_only=True)).get("/bookings/MF8C2Q")
    assert response.status_code == 451
    body = json.loads(_body(response))
    assert body["error"]["code"] == "personal_information_blocked"
    assert body["error"]["entity_types"] == ["CN_RESIDENT_ID"]
    assert response.headers["Content-Type"] == "application/json"
    assert int(response.headers["Content-Length"]) == len(_body(response))


def test_binary_responses_pass_through(make) -> None:  # type: ignore[no-untyped-def]
    response = make(GuardPolicy(GuardAction.BLOCK)).get("/bookings/MF8C2Q/boarding-pass.png")
    assert response.status_code == 200
    assert _body(response).startswith(b"\x89PNG")
    assert response.headers["X-Yinsi-Guard"] == "not-inspected; reason=content-type"


def test_small_streams_are_inspected(make) -> None:  # type: ignore[no-untyped-def]
    response = make(GuardPolicy(GuardAction.MASK)).get("/bookings/MF8C2Q/manifest?count=3")
    assert response.headers["X-Yinsi-Guard"].startswith("masked; ")
    assert "<CN_RESIDENT_ID>" in _body(response).decode()


def test_streams_over_the_limit_pass_unmodified(make, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="yinsi.guard")
    policy = GuardPolicy(GuardAction.BLOCK, max_inspect_bytes=2048)
    response = make(policy).get("/bookings/MF8C2Q/manifest?count=200")
    assert response.status_code == 200
    assert response.headers["X-Yinsi-Guard"] == "not-inspected; reason=too-large"
    text = _body(response).decode()
    assert text.count("\n") == 200  # every line, in order, unmodified
    assert "not inspected (too-large)" in caplog.text


def test_wsgi_close_is_called_and_write_callable_is_buffered() -> None:
    from yinsi.guard import WsgiResponseGuard

    closed: list[bool] = []

    class Body:
        def __iter__(self) -> Iterator[bytes]:
            yield b'", "x": 1}'

        def close(self) -> None:
            closed.append(True)

    def legacy(environ: dict[str, Any], start_response: Any) -> Body:
        write = start_response("200 OK", [("Content-Type", "application/json")])
        write(b'{"phone": "13800138000')
        return Body()

    started: list[tuple[str, list[tuple[str, str]]]] = []
    guard = WsgiResponseGuard(legacy, GuardPolicy(GuardAction.MASK))
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/"}
    body = b"".join(guard(environ, lambda s, h, e=None: started.append((s, h))))
    assert json.loads(body) == {"phone": "<CN_MOBILE>", "x": 1}
    assert closed == [True]
    assert ("Content-Length", str(len(body))) in started[0][1]


def test_paths_in_logs_are_masked(make, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="yinsi.guard")
    make(GuardPolicy()).get(f"/bookings/{PASSENGERS[0]['phone']}")
    assert PASSENGERS[0]["phone"] not in caplog.text


def test_head_responses_pass_untouched(make) -> None:  # type: ignore[no-untyped-def]
    client = make(GuardPolicy(GuardAction.MASK, anonymize_policy="courier"))  # 张伟 → 张*: shorter
    get = client.get("/bookings/MF8C2Q")
    head = client.head("/bookings/MF8C2Q")
    assert "X-Yinsi-Guard" not in head.headers
    if "Content-Length" in head.headers:  # the length of the original GET body, not of a masked one
        assert int(head.headers["Content-Length"]) != int(get.headers["Content-Length"])
