"""Where a sink writes: standard output, or a file replaced atomically when the report is complete.

A report file is written to a temporary file in the same directory and moved over the target with
os.replace (atomic on POSIX and Windows), so a crash or Ctrl-C never leaves a half-written report that
a pipeline might take for a complete one, and an older report stays intact until the new one is whole.
Reports that contain raw values (`--show-values`) are created readable by the owner only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from yinsi.core.errors import OutputError

STDOUT = "-"


class Output:
    """A text destination with an explicit end: `commit()` publishes it, `discard()` throws it away."""

    def __init__(self, target: str | None = None, *, private: bool = False, encoding: str = "utf-8") -> None:
        self.target = target if target not in (None, STDOUT) else None
        self._temporary: str | None = None
        if self.target is None:
            self.handle: TextIO = sys.stdout
            return
        path = Path(self.target)
        try:
            descriptor, self._temporary = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
        except OSError as error:
            raise OutputError(f"cannot write {self.target}: {error.strerror or error}") from None
        if not private:
            os.fchmod(descriptor, 0o666 & ~_umask())
        self.handle = os.fdopen(descriptor, "w", encoding=encoding, newline="")

    @property
    def is_file(self) -> bool:
        return self.target is not None

    def commit(self) -> None:
        """Flush, and for a file move it into place."""
        self.handle.flush()
        if self._temporary is None or self.target is None:
            return
        try:
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.replace(self._temporary, self.target)
        except OSError as error:
            self.discard()
            raise OutputError(f"cannot write {self.target}: {error.strerror or error}") from None
        self._temporary = None

    def discard(self) -> None:
        """Abandon a file being written (an interrupted scan); standard output is left as it is."""
        if self._temporary is None:
            return
        if not self.handle.closed:
            self.handle.close()
        try:
            os.unlink(self._temporary)
        except FileNotFoundError:
            pass
        self._temporary = None


@contextmanager
def written(target: str | Path | None, *, private: bool = False) -> Iterator[TextIO]:
    """`with written(path) as stream:` — the file appears whole when the block ends, or not at all.

    None or "-" writes to standard output.
    """
    output = Output(None if target is None else str(target), private=private)
    try:
        yield output.handle
    except BaseException:
        output.discard()
        raise
    output.commit()


def check_writable(*targets: str | Path | None) -> None:
    """OutputError now, before a long run, when a report could not be created at a target (missing
    directory, no permission). Nothing is left behind; standard output needs no check."""
    for target in targets:
        if target is not None and str(target) != STDOUT:
            Output(str(target)).discard()


def refuse_inputs(outputs: Iterable[str | Path | None], inputs: Iterable[str | Path | None]) -> None:
    """OutputError when an output file is one of the input files (`scan data.csv -o data.csv`): the
    atomic replace would otherwise swap the input for the report. Compared as files, so other
    spellings of a path (./x, symlinks, hard links) count too."""
    sources = [Path(name) for name in inputs if name is not None and str(name) != STDOUT]
    for target in outputs:
        if target is None or str(target) == STDOUT:
            continue
        for source in sources:
            try:
                same = os.path.samefile(target, source)
            except OSError:  # either does not exist yet: not the same file
                continue
            if same:
                raise OutputError(f"{target} is also an input; write the report elsewhere")


def _umask() -> int:
    """The process umask (only readable by setting it; restored at once)."""
    current = os.umask(0o022)
    os.umask(current)
    return current
