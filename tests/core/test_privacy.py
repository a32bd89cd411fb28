"""Masked previews never reveal the value; digests count one value once, whatever its spelling."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yinsi.core.digest_key import ENV_VAR, DigestKey, default_key_path, load_digest_key
from yinsi.core.errors import ConfigurationError
from yinsi.core.privacy import canonical_value, keyed_digest, mask_preview

KEY = bytes(range(32))


@pytest.mark.parametrize(
    ("value", "entity", "preview"),
    [
        ("13800138000", "CN_MOBILE", "138****8000"),
        ("138-0013-8000", "CN_MOBILE", "138-****-8000"),
        ("11010519491231002X", "CN_RESIDENT_ID", "110105********002X"),
        ("zhang.san@qq.com", "EMAIL", "z***@qq.com"),
        ("a@qq.com", "EMAIL", "***@qq.com"),
        ("6222021234567890128", "BANK_CARD", "622202*********0128"),
        ("张三", "PERSON", "张*"),
        ("欧阳娜娜", "PERSON", "欧***"),
        ("北京市朝阳区建国路88号", "ADDRESS", "北京市朝阳区******"),
        ("1990-03-07", "DATE_OF_BIRTH", "****-**-**"),
        ("7", None, "*"),
        ("abcdef", None, "a****f"),
    ],
)
def test_mask_preview(value: str, entity: str | None, preview: str) -> None:
    assert mask_preview(value, entity) == preview


@given(
    value=st.text(min_size=1, max_size=40).filter(lambda text: set(text) != {"*"}),
    entity=st.sampled_from([None, "CN_MOBILE", "CN_RESIDENT_ID", "EMAIL", "PERSON", "ADDRESS", "BANK_CARD"]),
)
def test_masked_preview_never_equals_the_value(value: str, entity: str | None) -> None:
    assert mask_preview(value, entity) != value


@pytest.mark.parametrize(
    ("spellings", "entity"),
    [
        (["13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "0086-13800138000",
          "１３８００１３８０００", "138\u200b0013\u200b8000"], "CN_MOBILE"),
        (["11010519491231002X", "11010519491231002x", "110105 19491231 002X"], "CN_RESIDENT_ID"),
        (["zhang.san@qq.com", "Zhang.San@QQ.com"], "EMAIL"),
    ],
)
def test_one_value_one_digest(spellings: list[str], entity: str) -> None:
    digests = {keyed_digest(spelling, KEY, entity) for spelling in spellings}
    assert len(digests) == 1


def test_digest_shape_and_key_dependence() -> None:
    digest = keyed_digest("13800138000", KEY, "CN_MOBILE")
    assert digest.startswith("hmac:") and len(digest) == len("hmac:") + 32
    int(digest.removeprefix("hmac:"), 16)
    assert keyed_digest("13800138000", KEY[::-1], "CN_MOBILE") != digest
    assert keyed_digest("13800138001", KEY, "CN_MOBILE") != digest
    assert "13800138000" not in digest


def test_canonical_value_keeps_meaningful_punctuation() -> None:
    assert canonical_value("192.168.1.1", "IP_ADDRESS") == "192.168.1.1"
    assert canonical_value("  张三  丰 ", "PERSON") == "张三 丰"


def test_key_from_environment_hex_and_text(tmp_path: os.PathLike[str]) -> None:
    hex_key = load_digest_key(environ={ENV_VAR: "00" * 32})
    assert hex_key.secret == bytes(32) and "environment" in hex_key.source
    text_key = load_digest_key(environ={ENV_VAR: "a passphrase that is long enough"})
    assert text_key.secret == b"a passphrase that is long enough"
    assert "passphrase" not in repr(text_key)


def test_key_file_argument_wins(tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(tmp_path, "k")
    with open(path, "w") as handle:
        handle.write("ab" * 32 + "\n")
    key = load_digest_key(path, environ={ENV_VAR: "00" * 32})
    assert key.secret == bytes.fromhex("ab" * 32) and path in key.source


def test_default_key_file_created_private_and_reused(tmp_path: os.PathLike[str]) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    first = load_digest_key(environ=env)
    path = default_key_path(env)
    assert "(created)" in first.source and path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = load_digest_key(environ=env)
    assert second.secret == first.secret and second.key_id == first.key_id
    assert "(created)" not in second.source


def test_short_or_missing_keys_are_configuration_errors(tmp_path: os.PathLike[str]) -> None:
    with pytest.raises(ConfigurationError):
        load_digest_key(environ={ENV_VAR: "short"})
    with pytest.raises(ConfigurationError):
        load_digest_key(os.path.join(tmp_path, "missing.key"), environ={})
    with pytest.raises(ConfigurationError):
        DigestKey(b"", "test")
