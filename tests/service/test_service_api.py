"""API contract: shapes match the JSON result schema, batches keep order, values stay masked."""

from __future__ import annotations

import pytest
from service_helpers import AUTH, MASTER_KEY, MOBILE, RESIDENT_ID, TEXT, make_client

from yinsi.core.privacy import keyed_digest

FINDING_KEYS = {"entity_type", "start", "end", "score", "location", "sensitive", "preview", "digest",
                "recognizer"}


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return make_client()


def test_analyze_returns_result_schema_findings_without_values(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1/analyze", json={"text": TEXT}, headers=AUTH)
    assert response.status_code == 200
    body = response.json()
    assert body["schema_version"] == "1.0" and body["kind"] == "analyze"
    [result] = body["results"]
    assert result["index"] == 0 and result["chars"] == len(TEXT)
    by_type = {finding["entity_type"]: finding for finding in result["findings"]}
    assert {"CN_MOBILE", "CN_RESIDENT_ID"} <= by_type.keys()
    for finding in result["findings"]:
        assert FINDING_KEYS <= finding.keys()
        assert "value" not in finding
    identity = by_type["CN_RESIDENT_ID"]
    assert TEXT[identity["start"]:identity["end"]] == RESIDENT_ID
    assert identity["sensitive"] is True
    assert identity["preview"] == "110105********002X"
    assert identity["digest"] == keyed_digest(RESIDENT_ID, bytes.fromhex("22" * 32), "CN_RESIDENT_ID")
    assert MOBILE not in response.text and RESIDENT_ID not in response.text
    assert {"entity_type": "CN_RESIDENT_ID", "count": 1, "sensitive": True} in body["summary"]


def test_batch_keeps_order_and_counts(client) -> None:  # type: ignore[no-untyped-def]
    texts = ["没有个人信息", f"手机{MOBILE}", "", TEXT]
    response = client.post("/v1/analyze", json={"texts": texts}, headers=AUTH)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [result["index"] for result in results] == [0, 1, 2, 3]
    assert [len(result["findings"]) > 0 for result in results] == [False, True, False, True]


@pytest.mark.parametrize(("body", "status"), [
    ({"text": TEXT, "entities": ["CN_MOBILE"]}, 200),
    ({"text": TEXT, "entities": ["NOT_A_TYPE"]}, 400),
    ({"text": TEXT, "texts": [TEXT]}, 422),
    ({}, 422),
    ({"text": TEXT, "min_score": 2}, 422),
])
def test_analyze_request_checks(client, body: dict[str, object], status: int) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1/analyze", json=body, headers=AUTH)
    assert response.status_code == status, response.text
    if status == 200:
        types = {f["entity_type"] for f in response.json()["results"][0]["findings"]}
        assert types == {"CN_MOBILE"}
    else:
        assert set(response.json()) == {"error"}


def test_values_only_when_the_server_allows_them() -> None:
    refused = make_client().post("/v1/analyze", json={"text": TEXT, "include_values": True}, headers=AUTH)
    assert refused.status_code == 403
    allowed = make_client(allow_values=True).post(
        "/v1/analyze", json={"text": TEXT, "include_values": True}, headers=AUTH)
    values = {f["entity_type"]: f["value"] for f in allowed.json()["results"][0]["findings"]}
    assert values["CN_MOBILE"] == MOBILE


def test_anonymize_with_presets(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1/anonymize", json={"texts": [TEXT], "policy": "courier"}, headers=AUTH)
    assert response.status_code == 200
    [result] = response.json()["results"]
    assert MOBILE not in result["text"] and RESIDENT_ID not in result["text"]
    assert "138****8000" in result["text"]
    assert {item["entity_type"] for item in result["items"]} >= {"CN_MOBILE", "CN_RESIDENT_ID"}
    assert all("original" not in item or item["original"] is None for item in result["items"])


@pytest.mark.parametrize("policy", ["/etc/passwd", "../redact", "nope"])
def test_anonymize_never_reads_a_policy_file_named_by_the_client(client, policy: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1/anonymize", json={"text": TEXT, "policy": policy}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"


def test_keyed_policy_needs_a_server_key(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1/anonymize", json={"text": TEXT, "policy": "analyst"}, headers=AUTH)
    assert response.status_code == 400
    assert "key" in response.json()["error"]["message"]


def test_fpe_round_trip_through_deanonymize(tmp_path) -> None:  # type: ignore[no-untyped-def]
    policy = tmp_path / "reversible.yaml"
    policy.write_text('name: reversible\nrules:\n  CN_MOBILE: fpe\n  CN_RESIDENT_ID: fpe\n  "*": keep\n',
                      encoding="utf-8")
    environ = {"YINSI_SERVICE_TOKENS": AUTH["Authorization"].split()[1], "YINSI_DIGEST_KEY": "22" * 32,
               "YINSI_KEY": MASTER_KEY}
    client = make_client(environ=environ, policy_files=(str(policy),), allow_deanonymize=True)
    masked = client.post("/v1/anonymize", json={"text": TEXT, "policy": "reversible"}, headers=AUTH)
    assert masked.status_code == 200, masked.text
    [result] = masked.json()["results"]
    assert MOBILE not in result["text"] and result["key_id"]
    restored = client.post("/v1/deanonymize", json={"results": [result]}, headers=AUTH)
    assert restored.status_code == 200, restored.text
    assert restored.json()["texts"] == [TEXT]
    broken = dict(result, items=[dict(result["items"][0], new_end=10_000)])
    assert client.post("/v1/deanonymize", json={"results": [broken]}, headers=AUTH).status_code == 422


def test_deanonymize_is_off_by_default(client) -> None:  # type: ignore[no-untyped-def]
    body = {"results": [{"text": "x", "items": [], "policy": "redact", "key_id": None}]}
    response = client.post("/v1/deanonymize", json=body, headers=AUTH)
    assert response.status_code == 403


def test_entities_healthz_and_metrics(client) -> None:  # type: ignore[no-untyped-def]
    entities = client.get("/v1/entities", headers=AUTH).json()["entities"]
    assert {"CN_RESIDENT_ID", "CN_MOBILE", "PERSON"} <= {row["entity_type"] for row in entities}
    assert client.get("/healthz").json()["status"] == "ok"
    client.post("/v1/analyze", json={"text": TEXT}, headers=AUTH)
    metrics = client.get("/metrics", headers=AUTH)
    assert metrics.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = metrics.text
    assert 'yinsi_http_requests_total{endpoint="/v1/analyze",method="POST",status="200"}' in text
    assert 'yinsi_http_request_duration_seconds_bucket{endpoint="/v1/analyze",le="+Inf"}' in text
    assert 'yinsi_findings_total{entity_type="CN_RESIDENT_ID"}' in text
    client.get("/some/random/path", headers=AUTH)
    assert "/some/random/path" not in client.get("/metrics", headers=AUTH).text


def test_openapi_models_mirror_the_result_schema(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/openapi.json").json()
    finding = schema["components"]["schemas"]["FindingModel"]
    assert FINDING_KEYS <= finding["properties"].keys()
    assert set(finding["required"]) >= {"entity_type", "start", "end", "score", "sensitive", "preview",
                                        "digest", "recognizer"}
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert "access-control-allow-origin" not in {
        name.lower() for name in client.options("/v1/analyze", headers={"Origin": "https://x.example"}).headers
    }


def test_finding_model_has_exactly_the_result_schema_fields() -> None:
    from yinsi.core.types import Evidence, Finding
    from yinsi.service.models import FindingModel
    from yinsi.sinks.records import finding_record

    finding = Finding("CN_MOBILE", 0, 11, 0.9, "CnMobileRecognizer", preview="138****8000", digest="hmac:00",
                      evidence=Evidence("mobile"), extra=(("value", MOBILE),))
    assert set(finding_record(finding, include_values=True)) == set(FindingModel.model_fields)
