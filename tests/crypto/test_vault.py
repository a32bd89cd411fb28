"""The vault: encrypted originals, clash detection, wrong keys and tampering."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from yinsi.core.errors import ConfigurationError, InputError
from yinsi.crypto.keys import MasterKey
from yinsi.crypto.vault import Vault

KEY = MasterKey(bytes(range(32)))


def test_claim_restore_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    with Vault(path, KEY) as vault:
        assert vault.claim("PERSON", "张三", "李四")
        assert vault.claim("PERSON", "张三", "李四")  # same pair again: fine
        assert not vault.claim("PERSON", "王五", "李四")  # surrogate taken by another original
        assert vault.surrogate_for("PERSON", "张三") == "李四"
    with Vault(path, KEY, create=False) as vault:
        assert vault.restore("PERSON", "李四") == "张三"
        assert vault.restore("PERSON", "赵六") is None
        assert vault.surrogates() == {"李四": ("PERSON", "张三")}
        assert len(vault) == 1


def test_originals_are_not_stored_in_clear(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    with Vault(path, KEY) as vault:
        vault.claim("CN_MOBILE", "13800138000", "13912345678")
    assert b"13800138000" not in path.read_bytes()


def test_wrong_key_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    Vault(path, KEY).close()
    with pytest.raises(ConfigurationError, match="key id"):
        Vault(path, MasterKey(bytes(32)))


def test_tampered_row_fails_authentication(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    with Vault(path, KEY) as vault:
        vault.claim("PERSON", "张三", "李四")
        vault.claim("PERSON", "王五", "赵六")
    with sqlite3.connect(path) as db:  # move one row's ciphertext onto the other surrogate
        row = db.execute("SELECT nonce, ciphertext FROM entries WHERE surrogate = '李四'").fetchone()
        db.execute("UPDATE entries SET nonce = ?, ciphertext = ? WHERE surrogate = '赵六'", row)
    with Vault(path, KEY) as vault, pytest.raises(ConfigurationError, match="authentication"):
        vault.restore("PERSON", "赵六")


def test_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        Vault(tmp_path / "none.db", KEY, create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(InputError):
        Vault(junk, KEY)


def test_position_records(tmp_path: Path) -> None:
    digest = bytes(32)
    with Vault(tmp_path / "v.db", KEY) as vault:
        assert vault.document(digest) is None
        vault.record_document(digest, "gb18030", [(3, 14, "13800138000"), (20, 22, "张三")])
    with Vault(tmp_path / "v.db", KEY) as vault:
        assert vault.document(digest) == ("gb18030", [(3, 14, "13800138000"), (20, 22, "张三")])
    assert "张三".encode() not in (tmp_path / "v.db").read_bytes()


def test_new_vaults_are_private(tmp_path: Path) -> None:
    Vault(tmp_path / "v.db", KEY).close()
    assert (tmp_path / "v.db").stat().st_mode & 0o077 == 0
