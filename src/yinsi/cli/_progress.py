"""Progress and problems of a running scan, on stderr: a bar for long runs, one line per unreadable path.

The bar appears only when stderr is a terminal and the work is big enough to wait for, so pipes, CI
logs and quick scans stay clean. Messages name the path and the OS reason, never file content.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from yinsi.scanning import FileError
from yinsi.sinks.plain import printable
from yinsi.sources.walk import FileEntry, Skipped

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

# Below these a scan finishes in about a second; a bar would only flicker.
MIN_BYTES_FOR_BAR = 32 * 1024 * 1024
MIN_FILES_FOR_BAR = 200


class ScanProgress:
    """A `ScanObserver` for the terminal."""

    def __init__(self, *, enabled: bool | None = None) -> None:
        self._enabled = sys.stderr.isatty() if enabled is None else enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    @contextmanager
    def running(self, plan: Sequence[FileEntry | Skipped]) -> Iterator[None]:
        files = [entry for entry in plan if isinstance(entry, FileEntry)]
        total = sum(entry.size or 0 for entry in files)
        if not self._enabled or (total < MIN_BYTES_FOR_BAR and len(files) < MIN_FILES_FOR_BAR):
            yield
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), DownloadColumn(),
            TransferSpeedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True,
        )
        self._progress = progress
        self._task = progress.add_task("scanning", total=total or None)
        try:
            with progress:
                yield
        finally:
            self._progress = None
            self._task = None

    def file_started(self, path: str) -> None:
        if self._progress is not None and self._task is not None:
            from rich.markup import escape

            name = path if len(path) <= 40 else "…" + path[-39:]
            self._progress.update(self._task, description=escape(printable(name)))

    def bytes_read(self, count: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, count)

    def skipped(self, entry: Skipped) -> None:
        """Skips are expected (binary files, excludes) and only counted in the summary."""

    def error(self, error: FileError) -> None:
        message = printable(f"yinsi: cannot read {error.path}: {error.message}")
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)
