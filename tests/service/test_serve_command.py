"""`yinsi serve` runs with one command: options reach uvicorn workers, the server answers on loopback."""

from __future__ import annotations

import http.client
import logging
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from yinsi.service import Limits, ServiceOptions, app_from_environment
from yinsi.service.access_log import QueryStringFilter
from yinsi.service.settings import CONFIG_ENV_VAR


def test_options_survive_the_trip_to_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    options = ServiceOptions(limits=Limits(max_batch=7, timeout_seconds=3.5), allow_values=True,
                             policy_files=())
    assert ServiceOptions.from_json(options.to_json()) == options
    monkeypatch.setenv(CONFIG_ENV_VAR, options.to_json())
    monkeypatch.setenv("YINSI_SERVICE_TOKENS", secrets.token_hex(16))
    monkeypatch.setenv("YINSI_DIGEST_KEY", "33" * 32)
    settings = app_from_environment().state.settings
    assert settings.limits.max_batch == 7 and settings.allow_values is True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _request(port: int, method: str, path: str, token: str, body: bytes | None = None) -> tuple[int, bytes]:
    """One request, retried while the server is still starting; (status, body)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request(method, path, body=body,
                         headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            response = conn.getresponse()
            assert response.getheader("server") is None  # no server banner
            return response.status, response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def _served(log_level: str) -> Iterator[tuple[int, str, subprocess.Popen[bytes]]]:
    """`yinsi serve` on a free loopback port: (port, bearer token, process); stopped afterwards."""
    port = _free_port()
    token = secrets.token_hex(16)
    env = {**os.environ, "YINSI_SERVICE_TOKENS": token, "YINSI_DIGEST_KEY": "33" * 32}
    process = subprocess.Popen(
        [sys.executable, "-m", "yinsi", "serve", "--port", str(port), "--log-level", log_level],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,  # uvicorn's access log is on stdout
    )
    try:
        yield port, token, process
    finally:
        process.terminate()
        process.wait(10)


def test_serve_answers_on_loopback() -> None:
    with _served("warning") as (port, token, process):
        status, body = _request(port, "POST", "/v1/analyze", token, '{"text": "手机13800138000"}'.encode())
        assert status == 200, process.stderr.read() if process.poll() is not None else "no answer"  # type: ignore[union-attr]
        assert b"138****8000" in body and b"13800138000" not in body


def test_access_log_leaves_out_query_strings() -> None:
    with _served("info") as (port, token, process):
        status, _ = _request(port, "GET", "/v1/analyze?text=13800138000", token)
        assert status in (404, 405)
        _request(port, "GET", "/v1/health", token)
        process.terminate()
        access, errors = process.communicate(timeout=10)
    assert "/v1/analyze?…".encode() in access  # the request is logged, its query is not
    assert b"13800138000" not in access + errors


def test_query_string_filter_keeps_other_records() -> None:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5", "GET", "/v1/x?id=11010519491231002X", "1.1", 404), None)
    assert QueryStringFilter().filter(record)
    assert record.getMessage() == '127.0.0.1:5 - "GET /v1/x?… HTTP/1.1" 404'
    plain = logging.LogRecord("yinsi", logging.INFO, __file__, 1, "%s", ("a?b",), None)
    assert QueryStringFilter().filter(plain) and plain.getMessage() == "a?b"
