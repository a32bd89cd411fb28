"""Master keys: loaded from an environment variable or a key file (never a command-line argument),
identified by a short key id, and split into one sub-key per purpose with HKDF (RFC 5869).

Keys never appear in argv because argv lands in shell history and in `ps` output for every local
user. A key id (the first 8 hex digits of HMAC-SHA-256(key, "yinsi-key-id")) is written into output
metadata so that a wrong key is reported as such instead of producing garbage.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from yinsi.core.errors import ConfigurationError

KEY_ENV_VAR = "YINSI_KEY"
MIN_KEY_BYTES = 16  # 128 bits
_HEX = re.compile(r"[0-9a-fA-F]+")


@dataclass(frozen=True, slots=True)
class MasterKey:
    """A secret of at least 128 bits. `repr` and `str` never show it."""

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) < MIN_KEY_BYTES:
            raise ConfigurationError(
                f"key is {len(self.secret) * 8} bits; yinsi needs at least {MIN_KEY_BYTES * 8} bits"
            )

    @property
    def key_id(self) -> str:
        """8 hex digits naming this key in metadata; reveals nothing usable about the key."""
        return hmac.new(self.secret, b"yinsi-key-id", hashlib.sha256).hexdigest()[:8]

    def derive(self, purpose: str, length: int = 32) -> bytes:
        """An independent sub-key for one purpose ("hmac", "fake", "fpe", "vault", ...).

        HKDF-SHA-256 with the purpose in `info` (RFC 5869 §3.2), so learning one sub-key (e.g. a vault
        key handed to a restore service) reveals neither the master key nor the other sub-keys.
        """
        return HKDF(
            algorithm=hashes.SHA256(), length=length, salt=b"yinsi", info=b"yinsi/" + purpose.encode()
        ).derive(self.secret)


def parse_key(text: str) -> MasterKey:
    """A key written as hex (32+ digits) or base64 (standard or URL-safe), surrounding space ignored."""
    compact = "".join(text.split())
    if not compact:
        raise ConfigurationError("the key is empty")
    if _HEX.fullmatch(compact) and len(compact) % 2 == 0:
        return MasterKey(bytes.fromhex(compact))
    try:
        padded = compact + "=" * (-len(compact) % 4)
        decoded = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        raise ConfigurationError("the key is neither hex nor base64") from None
    return MasterKey(decoded)


def load_key(
    key_file: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    required: bool = True,
) -> MasterKey | None:
    """The key from `key_file` when given, else from the YINSI_KEY environment variable.

    Raises ConfigurationError when `required` and neither is set, with a hint on how to make one.
    """
    if key_file is not None:
        path = Path(key_file)
        try:
            content = path.read_text(encoding="ascii")
        except UnicodeDecodeError:
            raise ConfigurationError(f"key file {path} is not hex or base64 text") from None
        except OSError as error:
            raise ConfigurationError(f"cannot read key file {path}: {error.strerror or error}") from None
        return parse_key(content)
    value = (os.environ if environ is None else environ).get(KEY_ENV_VAR)
    if value:
        return parse_key(value)
    if required:
        raise ConfigurationError(
            f"no key: set {KEY_ENV_VAR} (hex or base64, at least 128 bits) or pass a key file; "
            "make one with: python -c 'import secrets; print(secrets.token_hex(32))'"
        )
    return None


def check_key_id(expected: str | None, key: MasterKey, what: str) -> None:
    """Refuse to go on when `what` was written under a different key."""
    if expected is not None and expected != key.key_id:
        raise ConfigurationError(
            f"{what} was written with key id {expected}, but the key given has id {key.key_id}"
        )
