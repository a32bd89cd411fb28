"""Key bytes on their way to Spark executors, in a box that never shows them.

Keys travel inside the pickled closure of each task (never in Spark conf, job descriptions or column
values, all of which appear in the Spark UI, event logs and query plans). `repr`/`str` show only the
key id, so a failing task's traceback or a debugging print of the closure cannot leak the key.
Pickling keeps the bytes, which is the one thing it must do: a task without its key cannot run.
"""

from __future__ import annotations

import hashlib
import hmac


class SealedKey:
    """Secret bytes with a harmless repr; compare by key id, never print the bytes."""

    __slots__ = ("_secret", "key_id")

    def __init__(self, secret: bytes) -> None:
        self._secret = bytes(secret)
        # An id for cache keys and messages: HMAC of a fixed label, as the other key ids are made.
        self.key_id = hmac.new(self._secret, b"yinsi spark key", hashlib.sha256).hexdigest()[:12]

    def reveal(self) -> bytes:
        """The key bytes, for the one call that needs them."""
        return self._secret

    def __repr__(self) -> str:
        return f"SealedKey(id={self.key_id})"

    __str__ = __repr__

    def __reduce__(self) -> tuple[type[SealedKey], tuple[bytes]]:
        return (SealedKey, (self._secret,))
