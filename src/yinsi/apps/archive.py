"""Opening an APK as a zip archive safely: typed errors for broken input and a zip-bomb guard.

Declared sizes come from the central directory and are checked before anything is inflated; while
inflating, the bytes actually produced are counted and reading stops as soon as they exceed the declared
size or the limit (APPNOTE.TXT 4.4.8-4.4.9: sizes are attacker-chosen metadata). Entries are inflated
with zlib directly from the local header, so the guard does not depend on `zipfile` internals.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from yinsi.core.errors import ApkError

from .limits import ExtractionLimits

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # APPNOTE.TXT 4.3.7
_LOCAL_MAGIC = b"PK\x03\x04"
_EOCD_MAGIC, _EOCD_SIZE = b"PK\x05\x06", 22
_CHUNK = 1024 * 1024
_STORED, _DEFLATED = 0, 8


class ApkArchive:
    """A read-only view of an APK's entries, validated against `ExtractionLimits` when opened."""

    def __init__(self, path: Path, limits: ExtractionLimits) -> None:
        self._path = path
        self._limits = limits
        self._file: BinaryIO = path.open("rb")
        try:
            self._infos = _read_directory(self._file, path.name, limits)
        except BaseException:
            self._file.close()
            raise
        self._by_name = {info.filename: info for info in self._infos}

    def __enter__(self) -> ApkArchive:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the file handle."""
        self._file.close()

    def names(self) -> Iterator[str]:
        """Entry names in central-directory order."""
        return (info.filename for info in self._infos)

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def read(self, name: str) -> bytes:
        """Inflate one entry, refusing encrypted entries and stopping at the declared size or limit."""
        info = self._by_name.get(name)
        if info is None:
            raise ApkError(f"{self._path.name}: no entry {name!r}")
        if info.flag_bits & 0x1:
            raise ApkError(
                f"{self._path.name}: entry {name!r} is encrypted; encrypted APKs cannot be audited"
            )
        cap = min(info.file_size, self._limits.max_entry_bytes)
        if info.header_offset < 0:
            raise ApkError(f"{self._path.name}: entry {name!r} has an impossible offset (corrupt archive)")
        self._file.seek(info.header_offset)
        header = self._file.read(_LOCAL_HEADER.size)
        if len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_MAGIC:
            raise ApkError(
                f"{self._path.name}: entry {name!r} has no valid local header (corrupt or truncated)"
            )
        fields = _LOCAL_HEADER.unpack(header)
        self._file.seek(fields[-2] + fields[-1], 1)  # file name and extra field of the local header
        if info.compress_type == _STORED:
            data = self._file.read(min(info.compress_size, cap + 1))
        elif info.compress_type == _DEFLATED:
            data = self._inflate(name, info.compress_size, cap)
        else:
            raise ApkError(
                f"{self._path.name}: entry {name!r} uses unsupported compression {info.compress_type}"
            )
        if len(data) > cap:
            raise ApkError(
                f"{self._path.name}: zip bomb: entry {name!r} inflates beyond its declared size or the "
                f"{self._limits.max_entry_bytes} byte limit"
            )
        if len(data) < info.file_size or zlib.crc32(data) != info.CRC:
            raise ApkError(f"{self._path.name}: entry {name!r} is corrupt or truncated (size/CRC mismatch)")
        return data

    def _inflate(self, name: str, compressed: int, cap: int) -> bytes:
        """Raw-deflate at most `cap + 1` bytes, reading the compressed stream in bounded chunks."""
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        out = bytearray()
        left = compressed
        try:
            while left > 0 and len(out) <= cap:
                chunk = self._file.read(min(_CHUNK, left))
                if not chunk:
                    break
                left -= len(chunk)
                out += inflater.decompress(chunk, cap + 1 - len(out))
                while inflater.unconsumed_tail and len(out) <= cap:
                    out += inflater.decompress(inflater.unconsumed_tail, cap + 1 - len(out))
            if len(out) <= cap:
                out += inflater.flush()
        except zlib.error as exc:
            raise ApkError(f"{self._path.name}: entry {name!r} has corrupt compressed data ({exc})") from None
        return bytes(out)


def _read_directory(handle: BinaryIO, label: str, limits: ExtractionLimits) -> list[zipfile.ZipInfo]:
    """Central directory entries, after the container-level checks that make an APK unusable."""
    head = handle.read(4)
    if not head:
        raise ApkError(f"{label}: empty file, not an APK")
    declared = _declared_entry_count(handle)
    if declared is not None and declared > limits.max_entries:
        raise ApkError(f"{label}: {declared} zip entries exceed the limit of {limits.max_entries}")
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        if head == _LOCAL_MAGIC:
            raise ApkError(f"{label}: truncated zip archive (no end of central directory)") from None
        raise ApkError(f"{label}: not a zip archive, so not an APK ({exc})") from None
    except (OSError, ValueError, EOFError, NotImplementedError) as exc:  # zipfile's other corruption errors
        raise ApkError(f"{label}: corrupt zip archive ({exc})") from None
    if len(infos) > limits.max_entries:
        raise ApkError(f"{label}: {len(infos)} zip entries exceed the limit of {limits.max_entries}")
    counts = Counter(info.filename for info in infos)
    duplicate = next((name for name, count in counts.items() if count > 1), None)
    if duplicate is not None:
        # Two entries with one name let different readers see different files (the 2013 "master key"
        # signature bypass); Android refuses such packages.
        raise ApkError(f"{label}: duplicate zip entry {duplicate!r}; Android refuses such an APK")
    total = 0
    for info in infos:
        if info.file_size > limits.max_entry_bytes:
            raise ApkError(
                f"{label}: zip bomb guard: entry {info.filename!r} declares {info.file_size} bytes "
                f"(limit {limits.max_entry_bytes})"
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise ApkError(
            f"{label}: zip bomb guard: entries declare {total} bytes in total "
            f"(limit {limits.max_total_bytes})"
        )
    return infos


def _declared_entry_count(handle: BinaryIO) -> int | None:
    """The entry count of the end-of-central-directory record, read before `zipfile` builds its index,
    so an archive declaring millions of entries is refused without allocating them (APPNOTE 4.3.16)."""
    handle.seek(0, 2)
    size = handle.tell()
    tail_len = min(size, _EOCD_SIZE + 65_535)
    handle.seek(size - tail_len)
    tail = handle.read(tail_len)
    pos = tail.rfind(_EOCD_MAGIC)
    if pos < 0 or pos + _EOCD_SIZE > len(tail):
        return None
    (count,) = struct.unpack_from("<H", tail, pos + 10)
    return None if count == 0xFFFF else count  # 0xFFFF: ZIP64, zipfile reads the real count
