"""`yinsi serve`: run the HTTP API (FastAPI + uvicorn; needs `pip install yinsi[service]`).

Safe by default: binds to 127.0.0.1, refuses to start without a bearer token (unless told
`--insecure-no-auth`, and then only on a loopback address), caps bodies, texts and batches, gives each
request a time budget, sends no CORS headers, and never returns raw values unless `--allow-values`.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from yinsi.core.errors import ConfigurationError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@click.command(name="serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to bind; anything but loopback exposes the service to the network.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each has its own thread pool and metrics).")
@click.option("--token-file", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Accepted bearer tokens, one per line; default: $YINSI_SERVICE_TOKENS.")
@click.option("--insecure-no-auth", is_flag=True, help="No authentication (loopback addresses only).")
@click.option("--key-file", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Master key for keyed policies and deanonymisation; default: $YINSI_KEY.")
@click.option("--digest-key-file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Key of the findings' digests; default: $YINSI_DIGEST_KEY or the user's key file.")
@click.option("--policy", "policy_files", multiple=True, type=click.Path(dir_okay=False, exists=True),
              metavar="FILE", help="A policy file clients may name (repeatable); presets are always there.")
@click.option("--allow-values", is_flag=True, help="Let clients ask for raw values (include_values).")
@click.option("--allow-deanonymize", is_flag=True, help="Enable POST /v1/deanonymize (needs a key).")
@click.option("--max-body", "max_body", default=2 * 1024 * 1024, show_default=True, type=click.IntRange(1),
              help="Largest request body in bytes (APK uploads: --max-apk).")
@click.option("--max-text", "max_text", default=1_000_000, show_default=True, type=click.IntRange(1),
              help="Longest single text in characters.")
@click.option("--max-batch", default=100, show_default=True, type=click.IntRange(1),
              help="Most texts in one request.")
@click.option("--max-apk", "max_apk", default=100 * 1024 * 1024, show_default=True, type=click.IntRange(1),
              help="Largest APK upload in bytes.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.001),
              help="Time budget of one request in seconds (APK audits: 4x).")
@click.option("--concurrency", default=4, show_default=True, type=click.IntRange(1, 256),
              help="Requests analysed at once per worker.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def command(host: str, port: int, workers: int, token_file: str | None, insecure_no_auth: bool,
            key_file: str | None, digest_key_file: str | None, policy_files: tuple[str, ...],
            allow_values: bool, allow_deanonymize: bool, max_body: int, max_text: int, max_batch: int,
            max_apk: int, timeout: float, concurrency: int, log_level: str) -> None:
    """Serve the HTTP API: /v1/analyze, /v1/anonymize, /v1/deanonymize, /v1/apps/audit, /metrics.

    \b
    Examples:
      export YINSI_SERVICE_TOKENS=$(python -c 'import secrets; print(secrets.token_hex(32))')
      yinsi serve                          127.0.0.1:8000, one worker
      yinsi serve --workers 2 --port 9000
    """
    try:
        import uvicorn

        from yinsi.service.settings import (
            CONFIG_ENV_VAR,
            LOOPBACK_HOSTS,
            Limits,
            ServiceOptions,
            load_settings,
        )
    except ImportError as error:
        raise ConfigurationError(
            f"yinsi serve needs the service extra: pip install 'yinsi[service]' ({error.name} is missing)"
        ) from None
    if insecure_no_auth and host not in LOOPBACK_HOSTS:
        raise ConfigurationError("--insecure-no-auth is only allowed on a loopback address (127.0.0.1, ::1)")
    options = ServiceOptions(
        limits=Limits(max_body_bytes=max_body, max_text_chars=max_text, max_batch=max_batch,
                      max_apk_bytes=max_apk, timeout_seconds=timeout, apk_timeout_seconds=4 * timeout,
                      concurrency=concurrency),
        token_file=token_file, insecure_no_auth=insecure_no_auth, allow_values=allow_values,
        allow_deanonymize=allow_deanonymize, key_file=key_file, digest_key_file=digest_key_file,
        policy_files=tuple(str(Path(name).resolve()) for name in policy_files),
    )
    settings = load_settings(options)  # fail here, with one line, rather than in every worker
    _check_listen(host, port)
    if not settings.auth_required:
        click.echo("yinsi: warning: authentication is off (--insecure-no-auth)", err=True)
    os.environ[CONFIG_ENV_VAR] = options.to_json()
    uvicorn.run(
        "yinsi.service.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
        log_level=log_level, server_header=False, proxy_headers=False,
        # The body limit is the service's; uvicorn's own guard against huge header blocks stays on.
        timeout_keep_alive=5,
    )


def _check_listen(host: str, port: int) -> None:
    """ConfigurationError when the address cannot be bound (port in use, unknown host): one line now,
    rather than uvicorn's startup log and its exit status 3, which reads as an internal error."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except OSError as error:
        raise ConfigurationError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
