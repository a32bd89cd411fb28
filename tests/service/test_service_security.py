"""Security by default: tokens, size limits, time budget, errors that never echo the request."""

from __future__ import annotations

import threading
import time

import pytest
from click.testing import CliRunner
from service_helpers import AUTH, MOBILE, OTHER_TOKEN, RESIDENT_ID, TEXT, TOKEN, make_client

from yinsi.cli.main import cli
from yinsi.core.errors import ConfigurationError
from yinsi.service import Limits, ServiceOptions, load_settings
from yinsi.service.auth import token_matches
from yinsi.service.settings import load_tokens

JSON_AUTH = {**AUTH, "content-type": "application/json"}


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Bearer wrong-token-wrong-token"}, 401),
    ({"Authorization": f"Basic {TOKEN}"}, 401),
    ({"Authorization": f"Bearer {TOKEN}x"}, 401),
    ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 401),
    ({"Authorization": f"Bearer {TOKEN}"}, 200),
    ({"Authorization": f"Bearer {OTHER_TOKEN}"}, 200),
])
def test_bearer_tokens(headers: dict[str, str], status: int) -> None:
    client = make_client()
    for method, path, body in [("POST", "/v1/analyze", {"text": "x"}), ("GET", "/v1/entities", None),
                               ("GET", "/metrics", None)]:
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code == status, (path, response.text)
        if status == 401:
            assert response.headers["www-authenticate"] == "Bearer"
            assert TOKEN not in response.text


def test_healthz_needs_no_token() -> None:
    assert make_client().get("/healthz").status_code == 200


def test_token_compare_checks_every_token() -> None:
    assert token_matches(b"b" * 20, (b"a" * 20, b"b" * 20))
    assert not token_matches(b"c" * 20, (b"a" * 20, b"b" * 20))
    assert not token_matches(b"a" * 20, ())


def test_tokens_from_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tokens"
    path.write_text(f"# rotated monthly\n{TOKEN}  # current\n\n{OTHER_TOKEN}\n", encoding="utf-8")
    assert load_tokens(str(path), {}) == (TOKEN.encode(), OTHER_TOKEN.encode())


@pytest.mark.parametrize(("environ", "options"), [
    ({}, ServiceOptions()),
    ({"YINSI_SERVICE_TOKENS": "short"}, ServiceOptions()),
    ({"YINSI_SERVICE_TOKENS": TOKEN}, ServiceOptions(allow_deanonymize=True)),
])
def test_refuses_to_start_unsafely(environ: dict[str, str], options: ServiceOptions) -> None:
    with pytest.raises(ConfigurationError):
        load_settings(options, {**environ, "YINSI_DIGEST_KEY": "22" * 32})


def test_insecure_no_auth_turns_auth_off() -> None:
    client = make_client(environ={"YINSI_DIGEST_KEY": "22" * 32}, insecure_no_auth=True)
    assert client.post("/v1/analyze", json={"text": "x"}).status_code == 200


@pytest.mark.parametrize("args", [
    ["serve"],
    ["serve", "--insecure-no-auth", "--host", "0.0.0.0"],
])
def test_cli_refuses_unsafe_starts(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YINSI_SERVICE_TOKENS", raising=False)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    assert isinstance(result.exception, ConfigurationError)


def test_oversized_body_by_content_length() -> None:
    client = make_client(limits=Limits(max_body_bytes=1000))
    response = client.post("/v1/analyze", content=b'{"text": "' + b"x" * 2000 + b'"}',
                           headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_oversized_streamed_body_without_content_length() -> None:
    client = make_client(limits=Limits(max_body_bytes=1000))

    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    response = client.post("/v1/analyze", content=chunks(), headers=JSON_AUTH)
    assert response.status_code == 413


@pytest.mark.parametrize(("body", "message"), [
    ({"text": "x" * 101}, "longer than 100 characters"),
    ({"texts": ["a"] * 4}, "at most 3 texts"),
])
def test_field_and_batch_limits(body: dict[str, object], message: str) -> None:
    client = make_client(limits=Limits(max_text_chars=100, max_batch=3))
    response = client.post("/v1/analyze", json=body, headers=AUTH)
    assert response.status_code == 413
    assert message in response.json()["error"]["message"]


@pytest.mark.parametrize("raw", [
    f'{{"text": "{TEXT}"'.encode(),                         # truncated JSON
    f'{{"text": ["{MOBILE}"]}}'.encode(),                    # wrong type
    f'{{"text": "x", "{RESIDENT_ID}": "{MOBILE}"}}'.encode(),  # a made-up key holding a value
    f'{{"text": 1, "min_score": "{MOBILE}"}}'.encode(),
    f'["{MOBILE}"]'.encode(),
    f"{MOBILE}".encode(),
    b"\xff\xfe" + MOBILE.encode("utf-16-le"),
])
def test_errors_never_echo_the_request(raw: bytes) -> None:
    response = make_client().post("/v1/analyze", content=raw, headers=JSON_AUTH)
    assert response.status_code == 422
    assert MOBILE not in response.text and RESIDENT_ID not in response.text
    assert "input" not in response.json()["error"].get("details", [{}])[0]


def test_request_over_its_time_budget_gets_504(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(5)
        return [], {}

    monkeypatch.setattr("yinsi.service.app.analyze_texts", slow)
    client = make_client(limits=Limits(timeout_seconds=0.2))
    started = time.monotonic()
    response = client.post("/v1/analyze", json={"text": TEXT}, headers=AUTH)
    release.set()
    assert response.status_code == 504
    assert response.json()["error"]["code"] == "timeout"
    assert time.monotonic() - started < 3


def test_full_pool_answers_503(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(5)
        return [], {}

    monkeypatch.setattr("yinsi.service.app.analyze_texts", slow)
    client = make_client(limits=Limits(timeout_seconds=0.3, concurrency=1))
    # The first request times out but its thread still holds the only slot until released.
    assert client.post("/v1/analyze", json={"text": "a"}, headers=AUTH).status_code == 504
    busy = client.post("/v1/analyze", json={"text": "b"}, headers=AUTH)
    release.set()
    assert busy.status_code == 503
    assert busy.json()["error"]["code"] == "busy"
