"""The rich Console for command reports: a terminal's own width, or a fixed wide layout for pipes.

rich falls back to 80 columns when standard output is not a terminal, which cuts paths, rule names
and counts in `yinsi … > report.txt` or `| less`; reports written to files and pipes get a fixed
width and no colour codes instead.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

PIPE_WIDTH = 150


def report_console(stream: TextIO | None = None) -> Console:
    """A Console on `stream` (standard output by default) for tables people read."""
    from rich.console import Console

    target = stream if stream is not None else sys.stdout
    if target.isatty():
        return Console(file=target)
    return Console(file=target, width=PIPE_WIDTH, force_terminal=False, no_color=True)
