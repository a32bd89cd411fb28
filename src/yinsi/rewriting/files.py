"""Rewrite one file through a value transform: decode it exactly as it is stored, change values per
format, and publish the result atomically in the same encoding.

Formats: CSV and TSV cell by cell (read whole: quoted cells may hold line breaks), JSON Lines value by
value (a line that is not JSON as text), and anything else as text; text and JSON Lines stream in
line-aligned blocks of about a million characters (one `analyze` call each), in bounded memory.
Decoding is strict: a file that does not decode cleanly is refused (and any partial copy discarded)
rather than rewritten with replacement characters, because the copy would silently differ from the
original in more than its personal information.

Writing goes through `sinks.output.Output` (temporary file in the target directory, fsync, os.replace),
so an interrupted run leaves any earlier output whole. The encoding is detected by `sources.charset`.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from yinsi.core.errors import InputError
from yinsi.rewriting import csv_cells, jsonl_values
from yinsi.rewriting.csv_cells import Unit
from yinsi.sinks.output import Output
from yinsi.sources.charset import SAMPLE_BYTES, detect

Format = Literal["text", "csv", "tsv", "jsonl"]
# value, label (column name or JSON key; None for free text) → new value
Transform = Callable[[str, str | None], str]

BLOCK_CHARS = 1024 * 1024
READ_BYTES = 1024 * 1024
_SUFFIX_FORMATS: dict[str, Format] = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
BACKUP_SUFFIX = ".bak"


class BinaryFileError(InputError):
    """A file that is not text: it cannot be masked value by value (and is not copied either)."""


@dataclass(frozen=True, slots=True)
class Rewritten:
    """What happened to one file."""

    source: Path
    target: Path
    format: Format
    encoding: str
    size: int
    digest: bytes = b""
    units: tuple[Unit, ...] = ()


def format_of(path: Path, requested: str = "auto") -> Format:
    """The format named by `requested`, or by the file's suffix for "auto" (text when unknown)."""
    if requested != "auto":
        return requested  # type: ignore[return-value]
    return _SUFFIX_FORMATS.get(path.suffix.lower(), "text")


def rewrite_file(
    source: Path,
    target: Path,
    transform: Transform,
    *,
    file_format: str = "auto",
    backup: bool = False,
    on_progress: Callable[[int], None] | None = None,
    collect_units: bool = False,
) -> Rewritten:
    """Write `source` through `transform` to `target` (may be `source` itself; `backup` keeps a copy).

    With `collect_units`, the result lists every changed span of the new text with the original text
    it replaced (for a vault), and `digest` is the SHA-256 of the bytes written.
    """
    kind = format_of(source, file_format)
    try:
        handle = source.open("rb")
    except OSError as error:
        raise InputError(f"{source}: {error.strerror or error}") from None
    with handle:
        sample = handle.read(SAMPLE_BYTES)
        encoding = _encoding(source, sample, complete=len(sample) < SAMPLE_BYTES)
        target.parent.mkdir(parents=True, exist_ok=True)
        backup_path = backup_of(source) if backup else None
        if backup_path is not None and backup_path.exists():
            raise InputError(f"{backup_path} already exists; move it away first (it may hold the original)")
        size = [0]
        blocks = _decoded_blocks(handle, sample, encoding, size, on_progress)
        units: list[Unit] | None = [] if collect_units else None
        digest = hashlib.sha256()
        encoder = codecs.getincrementalencoder(encoding)()
        output = Output(str(target), encoding=encoding)
        try:
            if backup_path is not None:
                shutil.copy2(source, backup_path)
            for piece in _rewrite(blocks, kind, transform, units):
                output.handle.write(piece)
                digest.update(encoder.encode(piece))
            digest.update(encoder.encode("", final=True))
            output.commit()
        except BaseException as error:
            # Nothing was replaced: the source is whole, so a backup of it would only be clutter (and
            # would block the next --in-place run).
            output.discard()
            if backup_path is not None:
                backup_path.unlink(missing_ok=True)
            if isinstance(error, UnicodeDecodeError):
                raise InputError(
                    f"{source}: not cleanly decodable as {encoding}; refusing to rewrite it"
                ) from None
            if isinstance(error, UnicodeEncodeError):
                raise InputError(f"{target}: a replacement cannot be written in {encoding}") from None
            raise
    if source != target:
        shutil.copymode(source, target)
    return Rewritten(source, target, kind, encoding, size[0], digest.digest(), tuple(units or ()))


def restore_file(source: Path, target: Path, encoding: str, units: list[Unit]) -> Rewritten:
    """Write `source` to `target` with each unit's span put back to its original text.

    `units` come from the vault record of this exact file (found by the SHA-256 of its bytes), so the
    spans fit; they are still checked, and a mismatch is an error rather than a damaged file.
    """
    raw = _read(source)
    try:
        text = codecs.decode(raw, encoding)
    except UnicodeDecodeError:
        raise InputError(f"{source}: not decodable as {encoding}, the encoding it was masked in") from None
    pieces: list[str] = []
    cursor = 0
    for start, end, original in sorted(units):
        if start < cursor or end > len(text):
            raise InputError(f"{source}: the vault's position records do not fit this file")
        pieces.append(text[cursor:start])
        pieces.append(original)
        cursor = end
    pieces.append(text[cursor:])
    target.parent.mkdir(parents=True, exist_ok=True)
    output = Output(str(target), encoding=encoding)
    try:
        output.handle.write("".join(pieces))
        output.commit()
    except BaseException:
        output.discard()
        raise
    return Rewritten(source, target, format_of(source), encoding, len(raw))


def backup_of(source: Path) -> Path:
    """Where `--in-place` keeps the original of `source`."""
    return source.with_name(source.name + BACKUP_SUFFIX)


def file_digest(path: Path) -> bytes:
    """SHA-256 of the file's bytes: how the vault recognises a masked copy, whatever its name."""
    return hashlib.sha256(_read(path)).digest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None


def _encoding(path: Path, sample: bytes, *, complete: bool) -> str:
    detection = detect(sample, complete=complete)
    if detection.encoding is None:
        raise BinaryFileError(f"{path}: looks binary; only text, CSV, TSV and JSON Lines files can be masked")
    return detection.encoding


def _decoded_blocks(
    handle: BinaryIO,
    sample: bytes,
    encoding: str,
    size: list[int],
    on_progress: Callable[[int], None] | None,
) -> Iterator[str]:
    """The file's text in blocks of about BLOCK_CHARS characters that end at a line end, decoded
    strictly and incrementally, so memory stays bounded whatever the file size (a line longer than
    four blocks is cut inside). `size[0]` counts the bytes read.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    buffer = ""
    data = sample
    while True:
        final = not data
        size[0] += len(data)
        if on_progress is not None and data:
            on_progress(len(data))
        buffer += decoder.decode(data, final=final)
        while len(buffer) >= BLOCK_CHARS:
            cut = buffer.rfind("\n", 0, BLOCK_CHARS) + 1
            if cut == 0:
                if len(buffer) < 4 * BLOCK_CHARS:
                    break
                cut = BLOCK_CHARS
            yield buffer[:cut]
            buffer = buffer[cut:]
        if final:
            break
        data = handle.read(READ_BYTES)
    if buffer:
        yield buffer


def _rewrite(
    blocks: Iterator[str], kind: Format, transform: Transform, units: list[Unit] | None
) -> Iterator[str]:
    """The new text in pieces; with `units`, also every changed span (offsets into the new text).

    CSV and TSV are rewritten whole, because a quoted cell may hold line breaks anywhere; text and
    JSON Lines block by block.
    """
    if kind in ("csv", "tsv"):
        yield csv_cells.rewrite("".join(blocks), transform, "," if kind == "csv" else "\t", units)
        return
    written = 0
    for block in blocks:
        if kind == "jsonl":
            pieces = []
            for line in _lines(block):
                body = line.rstrip("\r\n")
                ending = line[len(body) :]
                if body.strip() and jsonl_values.is_json(body):
                    local: list[Unit] | None = [] if units is not None else None
                    new = jsonl_values.rewrite_line(body, transform, local)
                    if units is not None and local:
                        units.extend((written + start, written + end, old) for start, end, old in local)
                else:
                    new = _text(body, transform, units, written)
                pieces.append(new + ending)
                written += len(new) + len(ending)
            yield "".join(pieces)
        else:
            new = _text(block, transform, units, written)
            written += len(new)
            yield new


def _text(value: str, transform: Transform, units: list[Unit] | None, offset: int) -> str:
    """Free text through the transform; changed spans go to `units` when the transform reports them."""
    with_spans = getattr(transform, "with_spans", None)
    if units is None or with_spans is None:
        new = transform(value, None)
        if units is not None and new != value:
            units.append((offset, offset + len(new), value))
        return new
    new, spans = with_spans(value)
    for new_start, new_end, start, end in spans:
        units.append((offset + new_start, offset + new_end, value[start:end]))
    return str(new)


def _lines(block: str) -> Iterator[str]:
    """Lines ending at "\n" only: JSON strings may hold U+2028 and other characters splitlines() cuts at."""
    start = 0
    while start < len(block):
        end = block.find("\n", start)
        end = len(block) if end < 0 else end + 1
        yield block[start:end]
        start = end


def output_path(source: Path, root: Path, out_dir: Path) -> Path:
    """Where the copy of `source` (found under `root`, a file or a directory) goes inside `out_dir`."""
    relative = source.relative_to(root) if root.is_dir() else Path(source.name)
    return out_dir / relative


def same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False
