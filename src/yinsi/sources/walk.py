"""Turn the paths a user names into an ordered list of files to read, and what was skipped and why.

The order is deterministic (names sorted at every level, depth first) so two scans of one tree give
identical reports. Symbolic links met while walking are never followed, like ripgrep and find without
-L: a link can point out of the tree (to /etc, a mounted share) or loop. Paths named explicitly are
read even when they are links, pipes or devices, because the user asked for them (`<(zcat x.gz)`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

STDIN = "-"

# Formats that are containers of other data: they need an extractor, and reading their bytes as text
# would only find noise. Skipped without reading and counted as unsupported.
# Single compressed files (app.log.gz) are read through a decompressor; compressed *archives*
# (.tar.gz) are containers like the rest.
UNSUPPORTED_SUFFIXES = frozenset({
    ".7z", ".apk", ".db", ".doc", ".docx", ".jar", ".parquet", ".pdf", ".ppt", ".pptx", ".rar",
    ".sqlite", ".sqlite3", ".tar", ".tbz2", ".tgz", ".txz", ".xls", ".xlsx", ".zip", ".zst",
})


# Version-control internals: compressed object stores that cannot be read as text (every object would
# count as binary) and whose checked-out content is scanned anyway.
VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn", ".bzr"})


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file to read: its path (or "-" for standard input), as shown in reports, and its size if known."""

    path: str
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path not read. `reason`: excluded, symlink, special, unsupported, too_large, or error."""

    path: str
    reason: str
    message: str = ""


def walk(
    paths: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    max_file_size: int | None = None,
) -> Iterator[FileEntry | Skipped]:
    """Files under `paths` in a deterministic order, interleaved with the entries skipped.

    `exclude` holds glob patterns: one without "/" matches any single name on the way (`*.log`,
    `node_modules`); one with "/" matches the path relative to the named directory (`logs/2023-*`).
    An excluded directory is not entered; version-control directories (.git, .hg, .svn, .bzr) never are.
    """
    for raw in paths:
        if raw == STDIN:
            yield FileEntry(STDIN)
            continue
        try:
            info = os.stat(raw)
        except OSError as error:
            yield Skipped(raw, "error", error.strerror or str(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_directory(Path(raw), exclude, max_file_size)
        else:
            yield _file_or_skip(raw, raw, info, max_file_size, explicit=True)


def _walk_directory(
    root: Path, exclude: Sequence[str], max_file_size: int | None
) -> Iterator[FileEntry | Skipped]:
    """Depth first, names sorted at every level; an explicit stack, so depth is not limited by recursion."""
    stack: list[Iterator[tuple[PurePosixPath, os.DirEntry[str]]]] = []
    listing = _list(root, PurePosixPath())
    if isinstance(listing, Skipped):
        yield listing
        return
    stack.append(iter(listing))
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        child, entry = item
        shown = str(root / child)
        vcs = entry.name in VCS_DIRECTORIES and entry.is_dir(follow_symlinks=False)
        if vcs or _excluded(child, exclude):
            yield Skipped(shown, "excluded")
            continue
        try:
            if entry.is_symlink():
                yield Skipped(shown, "symlink")
            elif entry.is_dir(follow_symlinks=False):
                listing = _list(root, child)
                if isinstance(listing, Skipped):
                    yield listing
                else:
                    stack.append(iter(listing))
            else:
                info = entry.stat(follow_symlinks=False)
                yield _file_or_skip(entry.path, shown, info, max_file_size, explicit=False)
        except OSError as error:
            yield Skipped(shown, "error", error.strerror or str(error))


def _list(root: Path, relative: PurePosixPath) -> list[tuple[PurePosixPath, os.DirEntry[str]]] | Skipped:
    directory = root / relative
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        return Skipped(str(directory), "error", error.strerror or str(error))
    return [(relative / entry.name, entry) for entry in entries]


def _file_or_skip(
    path: str, shown: str, info: os.stat_result, max_file_size: int | None, *, explicit: bool
) -> FileEntry | Skipped:
    regular = stat.S_ISREG(info.st_mode)
    if not regular and not explicit:
        return Skipped(shown, "special")  # FIFOs and devices inside a tree would block or never end
    suffixes = [suffix.lower() for suffix in Path(path).suffixes[-2:]]
    if suffixes and (suffixes[-1] in UNSUPPORTED_SUFFIXES or suffixes[0] == ".tar"):
        return Skipped(shown, "unsupported")
    if regular and max_file_size is not None and info.st_size > max_file_size:
        return Skipped(shown, "too_large")
    return FileEntry(shown, info.st_size if regular else None)


def _excluded(relative: PurePosixPath, patterns: Sequence[str]) -> bool:
    for pattern in patterns:
        cleaned = pattern.rstrip("/")
        if "/" in cleaned:
            if fnmatchcase(str(relative), cleaned.lstrip("/")) or fnmatchcase(
                str(relative), cleaned.replace("**/", "")
            ):
                return True
        elif fnmatchcase(relative.name, cleaned):
            return True
    return False
