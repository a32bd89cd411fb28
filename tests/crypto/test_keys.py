"""Master keys: formats, minimum size, key ids, sources, sub-keys."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from yinsi.core.errors import ConfigurationError
from yinsi.crypto.keys import MasterKey, check_key_id, load_key, parse_key

SECRET = bytes(range(32))


@pytest.mark.parametrize(
    "written",
    [
        SECRET.hex(),
        SECRET.hex().upper(),
        base64.b64encode(SECRET).decode(),
        base64.urlsafe_b64encode(SECRET).decode().rstrip("="),
        f"  {SECRET.hex()}\n",
    ],
)
def test_parse_hex_and_base64(written: str) -> None:
    assert parse_key(written).secret == SECRET


@pytest.mark.parametrize("written", ["", "  ", "00" * 15, base64.b64encode(bytes(8)).decode(), "not a key!"])
def test_bad_keys_are_one_clear_error(written: str) -> None:
    with pytest.raises(ConfigurationError):
        parse_key(written)


def test_key_id_is_stable_short_and_not_the_key() -> None:
    key = MasterKey(SECRET)
    assert key.key_id == MasterKey(SECRET).key_id
    assert len(key.key_id) == 8 and key.key_id not in SECRET.hex()
    assert key.key_id != MasterKey(bytes(32)).key_id
    assert SECRET.hex() not in repr(key)


def test_sub_keys_differ_per_purpose() -> None:
    key = MasterKey(SECRET)
    assert len({key.derive("hmac"), key.derive("fpe"), key.derive("vault"), SECRET}) == 4


def test_load_from_file_then_environment(tmp_path: Path) -> None:
    path = tmp_path / "key"
    path.write_text(SECRET.hex())
    other = bytes(32).hex()
    assert load_key(path, environ={"YINSI_KEY": other}) == MasterKey(SECRET)
    assert load_key(environ={"YINSI_KEY": other}) == MasterKey(bytes(32))
    assert load_key(environ={}, required=False) is None
    with pytest.raises(ConfigurationError, match="YINSI_KEY"):
        load_key(environ={})
    with pytest.raises(ConfigurationError, match="cannot read"):
        load_key(tmp_path / "missing")


def test_key_id_mismatch() -> None:
    with pytest.raises(ConfigurationError, match="key id"):
        check_key_id("00000000", MasterKey(SECRET), "this file")
    check_key_id(None, MasterKey(SECRET), "this file")


@pytest.mark.parametrize("key", [b"", b"k", bytes(32), bytes(range(64)), bytes(100)])
@pytest.mark.parametrize("message", [b"", b"13800138000", bytes(200)])
def test_prepared_hmac_equals_hmac(key: bytes, message: bytes) -> None:
    import hmac

    from yinsi.crypto.prf import PreparedHmac

    assert PreparedHmac(key).digest(message) == hmac.new(key, message, "sha256").digest()
    assert PreparedHmac(key).hexdigest(message) == hmac.new(key, message, "sha256").hexdigest()
