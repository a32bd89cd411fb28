"""Rewrite one file through a value transform: decode it exactly as it is stored, change values per
format, and publish the result atomically in the same encoding.

Formats: CSV and TSV cell by cell, JSON Lines value by value (a line that is not JSON as text), and
anything else as text in line-aligned blocks of about a million characters (one `analyze` call each).
A file is read whole, because decoding must be checked before anything is written. Decoding is
strict: a file that does not decode cleanly is refused rather than rewritten with replacement
characters, because the copy would silently differ from the original in more than its personal
information.

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
from typing import Literal

from yinsi.core.errors import InputError
from yinsi.rewriting import csv_cells, jsonl_values
from yinsi.rewriting.csv_cells import Unit
from yinsi.sinks.output import Output
from yinsi.sources.charset import SAMPLE_BYTES, detect

Format = Literal["text", "csv", "tsv", "jsonl"]
# value, label (column name or JSON key; None for free text) → new value
Transform = Callable[[str, str | None], str]

BLOCK_CHARS = 1024 * 1024
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
    raw = _read(source)
    encoding = _encoding(source, raw)
    try:
        text = codecs.decode(raw, encoding)
    except UnicodeDecodeError:
        raise InputError(f"{source}: not cleanly decodable as {encoding}; refusing to rewrite it") from None
    kind = format_of(source, file_format)
    target.parent.mkdir(parents=True, exist_ok=True)
    if backup:
        shutil.copy2(source, source.with_name(source.name + BACKUP_SUFFIX))
    scaled = _scaled(on_progress, len(raw), len(text))
    units: list[Unit] | None = [] if collect_units else None
    digest = hashlib.sha256()
    encoder = codecs.getincrementalencoder(encoding)()
    output = Output(str(target), encoding=encoding)
    try:
        for piece in _rewrite(text, kind, transform, scaled, units):
            output.handle.write(piece)
            digest.update(encoder.encode(piece))
        digest.update(encoder.encode("", final=True))
        output.commit()
    except UnicodeEncodeError:
        output.discard()
        raise InputError(f"{target}: a replacement cannot be written in {encoding}") from None
    except BaseException:
        output.discard()
        raise
    if source != target:
        shutil.copymode(source, target)
    return Rewritten(source, target, kind, encoding, len(raw), digest.digest(), tuple(units or ()))


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


def file_digest(path: Path) -> bytes:
    """SHA-256 of the file's bytes: how the vault recognises a masked copy, whatever its name."""
    return hashlib.sha256(_read(path)).digest()


def _scaled(
    on_progress: Callable[[int], None] | None, size: int, characters: int
) -> Callable[[int], None] | None:
    """Report progress in (estimated) bytes of the source while working in characters."""
    if on_progress is None or characters == 0:
        return None
    ratio = size / characters
    return lambda done: on_progress(int(done * ratio))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None


def _encoding(path: Path, raw: bytes) -> str:
    detection = detect(raw[:SAMPLE_BYTES], complete=len(raw) <= SAMPLE_BYTES)
    if detection.encoding is None:
        raise BinaryFileError(f"{path}: looks binary; only text, CSV, TSV and JSON Lines files can be masked")
    return detection.encoding


def _rewrite(
    text: str,
    kind: Format,
    transform: Transform,
    on_progress: Callable[[int], None] | None,
    units: list[Unit] | None,
) -> Iterator[str]:
    """The new text in pieces; with `units`, also every changed span (offsets into the new text)."""
    if kind in ("csv", "tsv"):
        yield csv_cells.rewrite(text, transform, "," if kind == "csv" else "\t", units)
        if on_progress:
            on_progress(len(text))
        return
    written = 0
    for block in _line_blocks(text):
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
        if on_progress:
            on_progress(len(block))


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


def _line_blocks(text: str) -> Iterator[str]:
    """`text` in blocks of about BLOCK_CHARS that end at line ends (values do not span lines)."""
    start = 0
    length = len(text)
    while start < length:
        end = min(length, start + BLOCK_CHARS)
        if end < length:
            newline = text.rfind("\n", start, end)
            end = newline + 1 if newline > start else end
        yield text[start:end]
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
