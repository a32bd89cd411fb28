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
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from yinsi.core.errors import InputError
from yinsi.rewriting import csv_cells, jsonl_values
from yinsi.sinks.output import Output
from yinsi.sources.charset import SAMPLE_BYTES, detect

Format = Literal["text", "csv", "tsv", "jsonl"]
# value, label (column name or JSON key; None for free text) → new value
Transform = Callable[[str, str | None], str]

BLOCK_CHARS = 1024 * 1024
_SUFFIX_FORMATS: dict[str, Format] = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
BACKUP_SUFFIX = ".bak"


@dataclass(frozen=True, slots=True)
class Rewritten:
    """What happened to one file."""

    source: Path
    target: Path
    format: Format
    encoding: str
    size: int


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
) -> Rewritten:
    """Write `source` through `transform` to `target` (may be `source` itself; `backup` keeps a copy)."""
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
    output = Output(str(target), encoding=encoding)
    try:
        for piece in _rewrite(text, kind, transform, scaled):
            output.handle.write(piece)
        output.commit()
    except UnicodeEncodeError:
        output.discard()
        raise InputError(f"{target}: a replacement cannot be written in {encoding}") from None
    except BaseException:
        output.discard()
        raise
    if source != target:
        shutil.copymode(source, target)
    return Rewritten(source, target, kind, encoding, len(raw))


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
        raise InputError(f"{path}: looks binary; only text, CSV, TSV and JSON Lines files can be masked")
    return detection.encoding


def _rewrite(
    text: str, kind: Format, transform: Transform, on_progress: Callable[[int], None] | None
) -> Iterator[str]:
    if kind in ("csv", "tsv"):
        yield csv_cells.rewrite(text, transform, "," if kind == "csv" else "\t")
        if on_progress:
            on_progress(len(text))
        return
    for block in _line_blocks(text):
        if kind == "jsonl":
            yield "".join(_jsonl_line(line, transform) for line in block.splitlines(keepends=True))
        else:
            yield transform(block, None)
        if on_progress:
            on_progress(len(block))


def _jsonl_line(line: str, transform: Transform) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    if not body.strip() or not jsonl_values.is_json(body):
        return transform(body, None) + ending
    return jsonl_values.rewrite_line(body, transform) + ending


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
