"""HMAC-SHA-256 with the key processed once (RFC 2104 §4, "implementation note"): the hash states after
the inner and outer padded keys are computed when the key is loaded and copied for each message,
which halves the cost per value compared with `hmac.digest`, where every call re-processes the key.
"""

from __future__ import annotations

import hashlib

_BLOCK = 64  # SHA-256 block size in bytes


class PreparedHmac:
    """HMAC-SHA-256 under one fixed key; identical output to `hmac.new(key, message, "sha256")`."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        if len(key) > _BLOCK:
            key = hashlib.sha256(key).digest()
        padded = key.ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in padded))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in padded))

    def digest(self, message: bytes) -> bytes:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()

    def hexdigest(self, message: bytes) -> str:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()
