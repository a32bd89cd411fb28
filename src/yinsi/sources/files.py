"""Read a file or standard input as a stream of decoded text blocks in bounded memory.

The first bytes decide the encoding (see `charset`); the rest is decoded incrementally, so a file of
any size, even one line of hundreds of megabytes, never sits in memory whole. Undecodable bytes become
U+FFFD rather than stopping the scan: one damaged byte must not hide the rest of a file.
"""

from __future__ import annotations

import bz2
import codecs
import errno
import gzip
import lzma
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO, cast

from yinsi.sources.charset import SAMPLE_BYTES, Detection, detect
from yinsi.sources.walk import STDIN

BLOCK_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class TextStream:
    """An opened text source: how it was decoded, and its text in blocks (each a non-empty str)."""

    detection: Detection
    blocks: Iterator[str]


# Rotated logs are usually compressed one file at a time; they stream through the decompressor in
# bounded memory like any file, and a decompression bomb is cut short by the inflate-ratio guard.
COMPRESSED_SUFFIXES: dict[str, Callable[[BinaryIO], BinaryIO]] = {
    ".gz": lambda raw: cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb")),
    ".bz2": lambda raw: cast(BinaryIO, bz2.BZ2File(raw, "rb")),
    ".xz": lambda raw: cast(BinaryIO, lzma.LZMAFile(raw, "rb")),
}
# Apache POI's ZipSecureFile refuses data that inflates more than 100:1 (MIN_INFLATE_RATIO = 0.01);
# honest logs compress 5-20:1. The ratio is judged only past a grace size, so small files never trip it.
MAX_INFLATE_RATIO = 100
INFLATE_GRACE_BYTES = 4 * 1024 * 1024


class InflateLimitError(Exception):
    """A compressed file inflating beyond MAX_INFLATE_RATIO: a decompression bomb, not a log."""


# What reading a file can raise besides OSError: truncated, corrupt or bomb-like compressed data.
READ_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, lzma.LZMAError, zlib.error, InflateLimitError)


class _InflateGuard:
    """The decompressed bytes of `raw`, stopping with InflateLimitError at a bomb's ratio."""

    def __init__(self, raw: BinaryIO, opener: Callable[[BinaryIO], BinaryIO]) -> None:
        self._raw = raw
        self._inflated = opener(raw)
        self._produced = 0

    def read(self, size: int = -1) -> bytes:
        data = self._inflated.read(size)
        self._produced += len(data)
        if self._produced > INFLATE_GRACE_BYTES and self._produced > MAX_INFLATE_RATIO * self._raw.tell():
            raise InflateLimitError(
                f"decompression bomb guard: inflates over {MAX_INFLATE_RATIO} times its compressed size"
            )
        return data

    def close(self) -> None:
        try:
            self._inflated.close()
        finally:
            self._raw.close()


@contextmanager
def open_binary(path: str) -> Iterator[BinaryIO]:
    """The bytes of `path` (decompressed for .gz/.bz2/.xz), or of standard input for "-".

    Standard input is left open: it is not ours to close.
    """
    if path == STDIN:
        if sys.stdin is None:  # started with standard input closed (`<&-`)
            raise OSError(errno.EBADF, "standard input is closed")
        yield sys.stdin.buffer
        return
    opener = COMPRESSED_SUFFIXES.get(PurePath(path).suffix.lower())
    raw = open(path, "rb")  # closed below, or by the guard that wraps it
    if opener is None:
        with raw:
            yield raw
        return
    try:
        guard = _InflateGuard(raw, opener)
    except BaseException:
        raw.close()
        raise
    try:
        yield cast(BinaryIO, guard)
    finally:
        guard.close()


def describe_read_error(error: Exception) -> str:
    """A one-line reason for a read failure, without file content."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, InflateLimitError):
        return str(error)
    if isinstance(error, (EOFError, lzma.LZMAError, zlib.error)) or type(error).__name__ == "BadGzipFile":
        return "corrupt or truncated compressed data"
    return type(error).__name__


def read_text(
    handle: BinaryIO,
    *,
    block_bytes: int = BLOCK_BYTES,
    on_bytes: Callable[[int], None] | None = None,
) -> TextStream:
    """Detect the encoding from the first bytes of `handle`, then decode the stream block by block.

    Reading stops early for a binary stream (the returned detection says so and `blocks` is empty).
    `on_bytes` is called with the size of every block read, for progress bars.
    """
    sample = _read_sample(handle)
    complete = len(sample) < SAMPLE_BYTES
    detection = detect(sample, complete=complete)
    if on_bytes is not None:
        on_bytes(len(sample))
    if detection.binary or detection.encoding is None:
        return TextStream(detection, iter(()))
    return TextStream(detection, _decode(handle, sample, detection, block_bytes, on_bytes))


def _read_sample(handle: BinaryIO) -> bytes:
    """Up to SAMPLE_BYTES, looping because pipes return short reads."""
    parts: list[bytes] = []
    size = 0
    while size < SAMPLE_BYTES:
        part = handle.read(SAMPLE_BYTES - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _decode(
    handle: BinaryIO, first: bytes, detection: Detection, block_bytes: int,
    on_bytes: Callable[[int], None] | None,
) -> Iterator[str]:
    """Decode `first` and the rest of `handle` incrementally.

    UTF-8 chosen from the sample alone may meet legacy bytes later (an ASCII header of 64 KiB, then
    GBK rows), so it is decoded strictly and, at the first invalid sequence, the rest is detected again,
    once. A few stray bytes in otherwise valid UTF-8 do not count as a switch: they become U+FFFD.
    """
    encoding = detection.encoding or "utf-8"
    switchable = detection.method == "utf-8"
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict" if switchable else "replace")
    for block in _blocks(handle, first, block_bytes, on_bytes):
        try:
            text = decoder.decode(block, final=False)
        except UnicodeDecodeError as error:
            data: bytes = error.object  # the decoder's pending bytes plus this block
            yield data[: error.start].decode("utf-8", errors="replace")
            rest = data[error.start:]
            decoder = codecs.getincrementaldecoder(_encoding_of_rest(rest[:SAMPLE_BYTES]))(errors="replace")
            text = decoder.decode(rest, final=False)
        if text:
            yield text
    try:
        text = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        text = "\ufffd"  # a multi-byte sequence cut off by the end of the file
    if text:
        yield text


def _blocks(
    handle: BinaryIO, first: bytes, block_bytes: int, on_bytes: Callable[[int], None] | None
) -> Iterator[bytes]:
    yield first
    while block := handle.read(block_bytes):
        if on_bytes is not None:
            on_bytes(len(block))
        yield block


def _encoding_of_rest(sample: bytes) -> str:
    """The encoding of a stream's remainder after UTF-8 failed on it."""
    if sample.decode("utf-8", errors="replace").count("\ufffd") <= max(4, len(sample) // 1000):
        return "utf-8"
    detection = detect(sample)
    return detection.encoding if detection.encoding is not None else "utf-8"
