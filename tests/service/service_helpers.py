"""Test helpers: service settings with test tokens and keys, and a client factory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi.testclient import TestClient

from yinsi.service import Limits, ServiceOptions, create_app, load_settings

TOKEN = "t0ken-for-tests-" + "a" * 32
OTHER_TOKEN = "second-token-for-rotation-" + "b" * 16
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MASTER_KEY = "11" * 32
ENVIRON = {"YINSI_SERVICE_TOKENS": f"{TOKEN},{OTHER_TOKEN}", "YINSI_DIGEST_KEY": "22" * 32}
# Valid identifiers (check digits pass), generated for tests, nobody's.
MOBILE = "13800138000"
RESIDENT_ID = "11010519491231002X"
TEXT = f"张伟的手机号码是{MOBILE}，身份证号{RESIDENT_ID}。"


def make_client(
    *, environ: Mapping[str, str] | None = None, limits: Limits | None = None, **options: Any
) -> TestClient:
    env = dict(ENVIRON if environ is None else environ)
    settings = load_settings(ServiceOptions(limits=limits or Limits(), **options), env)
    return TestClient(create_app(settings), raise_server_exceptions=False)
