"""POST /v1/apps/audit: multipart upload, size cap, temporary file removed afterwards."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from service_helpers import AUTH, make_client

from yinsi.service import Limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "apps"))
from apk_helpers import empty_dex, manifest, write_zip


def _uploads() -> set[str]:
    return {path.name for path in Path(tempfile.gettempdir()).glob("yinsi-upload-*")}


def test_audit_of_an_uploaded_apk(tmp_path: Path) -> None:
    apk = write_zip(tmp_path / "tiny.apk", {"AndroidManifest.xml": manifest("com.example.tiny"),
                                            "classes.dex": empty_dex()})
    before = _uploads()
    response = make_client().post(
        "/v1/apps/audit", headers=AUTH, files={"file": ("tiny.apk", apk.read_bytes())},
        data={"category": "unknown"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["kind"] == "app_audit"
    assert body["audit"]["app"]["package"] == "com.example.tiny"
    assert body["audit"]["app"]["path"] == "tiny.apk"
    assert _uploads() == before


@pytest.mark.parametrize(("content", "status"), [(b"not a zip at all", 422), (b"PK\x03\x04broken", 422)])
def test_unreadable_uploads_are_client_errors(content: bytes, status: int) -> None:
    before = _uploads()
    response = make_client().post("/v1/apps/audit", headers=AUTH, files={"file": ("x.apk", content)})
    assert response.status_code == status, response.text
    assert _uploads() == before


def test_upload_over_the_apk_cap_is_refused() -> None:
    client = make_client(limits=Limits(max_apk_bytes=1000))
    response = client.post("/v1/apps/audit", headers=AUTH, files={"file": ("big.apk", b"P" * 5000)})
    assert response.status_code == 413


def test_bad_category_is_a_client_error(tmp_path: Path) -> None:
    apk = write_zip(tmp_path / "tiny.apk", {"AndroidManifest.xml": manifest(), "classes.dex": empty_dex()})
    response = make_client().post("/v1/apps/audit", headers=AUTH, files={"file": ("t.apk", apk.read_bytes())},
                                  data={"category": "no such category"})
    assert response.status_code == 400
