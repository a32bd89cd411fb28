"""A progress bar on stderr for commands that rewrite files (`mask`, `unmask`).

Shown only when stderr is a terminal and the job is big enough to wait for, so pipes and CI logs stay
clean. It shows bytes done and file names, never content.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from yinsi.sinks.plain import printable

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

MIN_BYTES_FOR_BAR = 8 * 1024 * 1024


class FileProgress:
    """`advance(n)` after every n bytes (or characters) done; `describe(name)` for the current file."""

    def __init__(self, progress: Progress | None, task: TaskID | None) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, amount)

    def describe(self, name: str) -> None:
        if self._progress is not None and self._task is not None:
            from rich.markup import escape

            self._progress.update(self._task, description=escape(printable(name)))


@contextmanager
def file_progress(total_bytes: int, *, enabled: bool | None = None) -> Iterator[FileProgress]:
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show or total_bytes < MIN_BYTES_FOR_BAR:
        yield FileProgress(None, None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = progress.add_task("", total=total_bytes)
    with progress:
        yield FileProgress(progress, task)
