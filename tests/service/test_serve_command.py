"""`yinsi serve` runs with one command: options reach uvicorn workers, the server answers on loopback."""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time

import pytest

from yinsi.service import Limits, ServiceOptions, app_from_environment
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


def test_serve_answers_on_loopback() -> None:
    port = _free_port()
    token = secrets.token_hex(16)
    env = {**os.environ, "YINSI_SERVICE_TOKENS": token, "YINSI_DIGEST_KEY": "33" * 32}
    process = subprocess.Popen(
        [sys.executable, "-m", "yinsi", "serve", "--port", str(port), "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        status = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("POST", "/v1/analyze", body='{"text": "手机13800138000"}'.encode(),
                             headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                response = conn.getresponse()
                status, body = response.status, response.read()
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200, process.stderr.read() if process.poll() is not None else "no answer"  # type: ignore[union-attr]
        assert b"138****8000" in body and b"13800138000" not in body
        assert response.getheader("server") is None  # no server banner
    finally:
        process.terminate()
        process.wait(10)
