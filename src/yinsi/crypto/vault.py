"""The vault: an SQLite file mapping each surrogate (a fake value, a token, an FPE output) back to its
original, which is stored encrypted with AES-256-GCM under a vault sub-key derived from the master key.

Rows are bound to their surrogate and entity type as associated data, so a row copied onto another
surrogate fails authentication instead of restoring the wrong value. A keyed digest of the original
(HMAC-SHA-256 under another sub-key) lets the same original reuse its surrogate, and lets a surrogate
that already stands for a different original be refused, without decrypting anything. The file holds
the key id it was created under; opening it with another key is one clear error.

For whole files, the vault also keeps *positions*: for each masked copy (named by the SHA-256 of its
bytes, so renaming it does not matter and editing it is noticed), the character spans that were
changed and the original text of each, encrypted as one AES-GCM record. Restoring by position is exact
for every operator, including lossy ones such as `mask` and `redact`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
from pathlib import Path
from types import TracebackType

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from yinsi.core.errors import ConfigurationError, InputError
from yinsi.crypto.keys import MasterKey, check_key_id

_FORMAT = "yinsi-vault-1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    entity TEXT NOT NULL,
    surrogate TEXT NOT NULL,
    digest BLOB NOT NULL,
    nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL,
    PRIMARY KEY (entity, surrogate)
);
CREATE INDEX IF NOT EXISTS entries_by_digest ON entries (entity, digest);
CREATE TABLE IF NOT EXISTS documents (
    digest BLOB PRIMARY KEY,
    encoding TEXT NOT NULL,
    nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL
);
"""


class Vault:
    """Open (creating when asked) a vault file. Use as a context manager; writes commit on exit."""

    def __init__(self, path: str | os.PathLike[str], key: MasterKey, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise InputError(f"vault {self.path} does not exist")
        self._aead = AESGCM(key.derive("vault"))
        self._digest_key = key.derive("vault-digest")
        # Only a new (absent or empty) file becomes a vault. Any other file is checked before anything is
        # written to it: a mistyped --vault must not add tables to someone's database. Opened only to
        # read from (unmask), the file is opened read-only.
        existing = self.path.is_file() and self.path.stat().st_size > 0
        if not create and not existing:
            raise InputError(f"{self.path} is not a yinsi vault (empty file)")
        if not self.path.exists():
            # Created readable by the owner only: the contents are encrypted, but who restored what,
            # and how much, is nobody else's business either.
            self.path.touch(mode=0o600)
        try:
            if create:
                self._db = sqlite3.connect(self.path)
            else:
                self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.DatabaseError as error:
            raise InputError(f"{self.path}: cannot open the vault ({error})") from None
        try:
            rows = dict(self._db.execute("SELECT name, value FROM meta").fetchall()) if existing else {}
            if existing and rows.get("format") != _FORMAT:
                raise InputError(f"{self.path} is not a yinsi vault (no {_FORMAT} marker)")
            if create:
                self._db.executescript(_SCHEMA)
        except (sqlite3.DatabaseError, InputError) as error:
            self._db.close()
            if isinstance(error, InputError):
                raise
            raise InputError(f"{self.path} is not a yinsi vault ({error})") from None
        if not rows:
            self._db.executemany(
                "INSERT INTO meta (name, value) VALUES (?, ?)", [("format", _FORMAT), ("key_id", key.key_id)]
            )
            self._db.commit()
        else:
            check_key_id(rows.get("key_id"), key, f"vault {self.path}")
        self.key_id = key.key_id

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def _digest(self, entity: str, original: str) -> bytes:
        return hmac.new(self._digest_key, f"{entity}\0{original}".encode(), hashlib.sha256).digest()

    def surrogate_for(self, entity: str, original: str) -> str | None:
        """The surrogate already recorded for this original, if any."""
        row = self._db.execute(
            "SELECT surrogate FROM entries WHERE entity = ? AND digest = ? LIMIT 1",
            (entity, self._digest(entity, original)),
        ).fetchone()
        return None if row is None else str(row[0])

    def claim(self, entity: str, original: str, surrogate: str) -> bool:
        """Record `surrogate` → `original`; False when the surrogate already stands for another original."""
        digest = self._digest(entity, original)
        row = self._db.execute(
            "SELECT digest FROM entries WHERE entity = ? AND surrogate = ?", (entity, surrogate)
        ).fetchone()
        if row is not None:
            return bytes(row[0]) == digest
        nonce = os.urandom(12)
        ciphertext = self._aead.encrypt(nonce, original.encode(), _associated(entity, surrogate))
        self._db.execute(
            "INSERT INTO entries (entity, surrogate, digest, nonce, ciphertext) VALUES (?, ?, ?, ?, ?)",
            (entity, surrogate, digest, nonce, ciphertext),
        )
        return True

    def restore(self, entity: str, surrogate: str) -> str | None:
        """The original behind `surrogate`, or None when the vault does not know it."""
        row = self._db.execute(
            "SELECT nonce, ciphertext FROM entries WHERE entity = ? AND surrogate = ?", (entity, surrogate)
        ).fetchone()
        return None if row is None else self._open(entity, surrogate, bytes(row[0]), bytes(row[1]))

    def surrogates(self) -> dict[str, tuple[str, str]]:
        """Every surrogate → (entity, original); for restoring a whole text in one pass."""
        found: dict[str, tuple[str, str]] = {}
        for entity, surrogate, nonce, ciphertext in self._db.execute(
            "SELECT entity, surrogate, nonce, ciphertext FROM entries"
        ):
            found[surrogate] = (entity, self._open(entity, surrogate, bytes(nonce), bytes(ciphertext)))
        return found

    def record_document(self, digest: bytes, encoding: str, units: list[tuple[int, int, str]]) -> None:
        """Remember which spans of the file with SHA-256 `digest` replaced which original text."""
        payload = json.dumps({"encoding": encoding, "units": units}, ensure_ascii=False).encode()
        nonce = os.urandom(12)
        ciphertext = self._aead.encrypt(nonce, payload, _associated("document", digest.hex()))
        self._db.execute(
            "INSERT OR REPLACE INTO documents (digest, encoding, nonce, ciphertext) VALUES (?, ?, ?, ?)",
            (digest, encoding, nonce, ciphertext),
        )

    def document(self, digest: bytes) -> tuple[str, list[tuple[int, int, str]]] | None:
        """(encoding, [(start, end, original)]) for the file with this SHA-256, or None."""
        row = self._db.execute(
            "SELECT nonce, ciphertext FROM documents WHERE digest = ?", (digest,)
        ).fetchone()
        if row is None:
            return None
        payload = json.loads(self._open("document", digest.hex(), bytes(row[0]), bytes(row[1])))
        return str(payload["encoding"]), [(int(a), int(b), str(c)) for a, b, c in payload["units"]]

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])

    def _open(self, entity: str, surrogate: str, nonce: bytes, ciphertext: bytes) -> str:
        try:
            return self._aead.decrypt(nonce, ciphertext, _associated(entity, surrogate)).decode()
        except InvalidTag:
            raise ConfigurationError(
                f"vault {self.path}: an entry fails authentication (wrong key or tampered file)"
            ) from None


def _associated(entity: str, surrogate: str) -> bytes:
    return f"{_FORMAT}\0{entity}\0{surrogate}".encode()
