"""The guard's inspector: JSON values behind their keys, text, masking, policy checks."""

from __future__ import annotations

import json

import pytest

from yinsi.core.errors import ConfigurationError, UnknownEntityError
from yinsi.guard import GuardAction, GuardPolicy, Inspector
from yinsi.guard.inspect import charset_of, is_inspectable

ID_NO = "11010519491231002X"
PHONE = "13800138000"


@pytest.mark.parametrize(("content_type", "expected"), [
    ("application/json", True), ("application/problem+json; charset=utf-8", True),
    ("text/plain", True), ("text/html; charset=gbk", True), ("image/png", False),
    ("application/octet-stream", False), (None, False), ("", False),
])
def test_inspectable_types(content_type: str | None, expected: bool) -> None:
    assert is_inspectable(content_type) is expected


@pytest.mark.parametrize(("content_type", "charset"), [
    ("text/plain; charset=GBK", "GBK"), ('text/plain; charset="utf-8"', "utf-8"),
    ("application/json", "utf-8"),
])
def test_charset(content_type: str, charset: str) -> None:
    assert charset_of(content_type) == charset


def test_json_values_found_behind_their_keys() -> None:
    body = json.dumps({"pnr": "MF8C2Q", "passengers": [{"idNo": ID_NO, "phone": int(PHONE)}]}).encode()
    inspection = Inspector(GuardPolicy()).inspect(body, "application/json")
    found = {(f.entity_type, f.field, f.preview) for f in inspection.findings}
    assert found == {("CN_RESIDENT_ID", "idNo", "110105********002X"), ("CN_MOBILE", "phone", "138****8000")}
    assert inspection.body is None  # report only


def test_mask_rewrites_values_and_keeps_the_rest() -> None:
    body = b'{"pnr": "MF8C2Q",\n "idNo": "' + ID_NO.encode() + b'", "phone": ' + PHONE.encode() + b"}"
    inspection = Inspector(GuardPolicy(GuardAction.MASK, anonymize_policy="courier")).inspect(
        body, "application/json")
    assert inspection.body is not None
    masked = json.loads(inspection.body)
    assert masked == {"pnr": "MF8C2Q", "idNo": "*" * 18, "phone": "138****8000"}
    assert inspection.body.startswith(b'{"pnr": "MF8C2Q",\n "idNo": ')


def test_text_masked_in_its_charset() -> None:
    body = f"旅客电话 {PHONE}".encode("gbk")
    inspection = Inspector(GuardPolicy(GuardAction.MASK)).inspect(body, "text/plain; charset=gbk")
    assert inspection.body == "旅客电话 <CN_MOBILE>".encode("gbk")


def test_sensitive_only_and_entity_filter() -> None:
    body = json.dumps({"idNo": ID_NO, "phone": PHONE}).encode()
    sensitive = Inspector(GuardPolicy(sensitive_only=True)).inspect(body, "application/json")
    assert [f.entity_type for f in sensitive.findings] == ["CN_RESIDENT_ID"]
    phones = Inspector(GuardPolicy(entities=frozenset({"CN_MOBILE"}))).inspect(body, "application/json")
    assert [f.entity_type for f in phones.findings] == ["CN_MOBILE"]


def test_invalid_json_is_read_as_text() -> None:
    inspection = Inspector(GuardPolicy()).inspect(f'{{"idNo": "{ID_NO}"'.encode(), "application/json")
    assert [f.entity_type for f in inspection.findings] == ["CN_RESIDENT_ID"]


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"action": "explode"}, ValueError),
    ({"entities": frozenset({"NOPE"})}, UnknownEntityError),
    ({"min_score": 2.0}, ConfigurationError),
    ({"block_status": 200}, ConfigurationError),
    ({"anonymize_policy": "analyst"}, ConfigurationError),  # keyed: needs a key the guard does not have
])
def test_policy_checked_when_built(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        GuardPolicy(**kwargs)  # type: ignore[arg-type]
