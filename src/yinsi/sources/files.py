"""Read a file or standard input as a stream of decoded text blocks in bounded memory.

The first bytes decide the encoding (see `charset`); the rest is decoded incrementally, so a file of
any size, even one line of hundreds of megabytes, never sits in memory whole. Undecodable bytes become
U+FFFD rather than stopping the scan: one damaged byte must not hide the rest of a file.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from yinsi.sources.charset import SAMPLE_BYTES, Detection, detect
from yinsi.sources.walk import STDIN

BLOCK_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class TextStream:
    """An opened text source: how it was decoded, and its text in blocks (each a non-empty str)."""

    detection: Detection
    blocks: Iterator[str]


@contextmanager
def open_binary(path: str) -> Iterator[BinaryIO]:
    """The file at `path`, or standard input's bytes for "-" (left open: it is not ours to close)."""
    if path == STDIN:
        yield sys.stdin.buffer
        return
    with open(path, "rb") as handle:
        yield handle


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
    return TextStream(detection, _decode(handle, sample, detection.encoding, block_bytes, on_bytes))


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
    handle: BinaryIO, first: bytes, encoding: str, block_bytes: int, on_bytes: Callable[[int], None] | None
) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(first, final=False)
    if text:
        yield text
    while True:
        block = handle.read(block_bytes)
        if not block:
            break
        if on_bytes is not None:
            on_bytes(len(block))
        text = decoder.decode(block, final=False)
        if text:
            yield text
    text = decoder.decode(b"", final=True)
    if text:
        yield text
