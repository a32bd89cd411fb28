"""The secret key behind keyed digests: where it comes from, and creating one on first use.

Digests are only comparable between reports made with the same key, and only safe while the key stays
secret (without it, nobody can test a guessed phone number against a report). The key is therefore
never written into a report; reports carry its *source* and a short key id (an HMAC of a fixed label),
so two reports can be checked for comparability without revealing anything.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from yinsi.core.errors import ConfigurationError

ENV_VAR = "YINSI_DIGEST_KEY"
KEY_BYTES = 32  # 256 bits, the HMAC-SHA-256 block-size-friendly length recommended by RFC 2104 §3
_MIN_KEY_BYTES = 16


@dataclass(frozen=True, slots=True)
class DigestKey:
    """A digest key and a human description of where it came from (never the key itself)."""

    secret: bytes = field(repr=False)
    source: str

    def __post_init__(self) -> None:
        if len(self.secret) < _MIN_KEY_BYTES:
            raise ConfigurationError(
                f"digest key from {self.source} is too short: use at least {_MIN_KEY_BYTES} bytes "
                f"(or {2 * _MIN_KEY_BYTES} hex characters)"
            )

    @property
    def key_id(self) -> str:
        """Eight hex characters identifying the key; equal ids mean comparable digests."""
        return hmac.new(self.secret, b"yinsi key id", hashlib.sha256).hexdigest()[:8]


def default_key_path(environ: Mapping[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/yinsi/digest.key`, or `~/.config/yinsi/digest.key` (XDG Base Directory spec)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "yinsi" / "digest.key"


def load_digest_key(
    key_file: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> DigestKey:
    """The key to digest with: `key_file` if given, else $YINSI_DIGEST_KEY, else the default key file.

    The default key file is created with 32 random bytes (as hex, mode 0600) the first time it is
    needed, so digests stay comparable across runs on one machine without any setup.
    """
    env = os.environ if environ is None else environ
    if key_file is not None:
        path = Path(key_file)
        return DigestKey(_read_key_file(path), f"key file {path}")
    if env.get(ENV_VAR):
        return DigestKey(_parse_key(env[ENV_VAR].encode("utf-8")), f"environment variable {ENV_VAR}")
    path = default_key_path(env)
    if path.exists():
        return DigestKey(_read_key_file(path), f"key file {path}")
    create_key_file(path)
    return DigestKey(_read_key_file(path), f"key file {path} (created)")


def _parse_key(raw: bytes) -> bytes:
    """Hex text (64 hex characters as written by yinsi) is decoded; anything else is used as bytes."""
    text = raw.strip()
    try:
        if len(text) >= 2 * _MIN_KEY_BYTES and len(text) % 2 == 0:
            return bytes.fromhex(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        pass
    return text


def _read_key_file(path: Path) -> bytes:
    try:
        return _parse_key(path.read_bytes())
    except OSError as error:
        raise ConfigurationError(f"cannot read digest key file {path}: {error.strerror or error}") from None


def create_key_file(path: Path) -> None:
    """Create a key file of 32 random bytes (as hex), owner-only, unless it exists (first creator wins)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise ConfigurationError(
            f"cannot create digest key file {path}: {error.strerror or error}; "
            f"set {ENV_VAR} or pass --key-file"
        ) from None
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(KEY_BYTES) + "\n")
