"""Property tests of the API against its own OpenAPI schema (schemathesis): whatever a client sends,
the service answers with a documented status and body, never a 5xx, never a traceback."""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance
from service_helpers import AUTH, make_client

from yinsi.service import Limits

# Small limits so generated bodies also hit the 413 paths; few examples keep the test well under 60 s.
_CLIENT = make_client(limits=Limits(max_text_chars=2000, max_batch=5, max_apk_bytes=4096, timeout_seconds=10))
# A text over the published maxLength is refused with 413 (payload too large), which is a rejection.
_CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {
    "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429],
}}})
schema = schemathesis.openapi.from_asgi("/openapi.json", _CLIENT.app, config=_CONFIG)
# Schema-valid but meaningless input is refused on purpose here: random bytes are not an APK, and
# replacement records that do not fit their text cannot be deanonymised (422, never 5xx).
_SEMANTIC = {"/v1/apps/audit", "/v1/deanonymize"}


@schema.parametrize()
@hypothesis.settings(
    max_examples=12, deadline=None, derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    excluded = [positive_data_acceptance] if case.operation.path in _SEMANTIC else []
    response = case.call_and_validate(headers=AUTH, excluded_checks=excluded)
    assert response.status_code < 500, response.text


@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/entities", "/metrics"])
def test_schema_declares_bearer_auth(path: str) -> None:
    document = _CLIENT.get("/openapi.json").json()
    operation = next(iter(document["paths"][path].values()))
    assert {"HTTPBearer": []} in operation["security"]
