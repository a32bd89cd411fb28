"""Untrusted strings (file and directory names, column names, masked examples) made safe to show in a
terminal: never read as rich markup, and with control characters spelled out.

A name such as `a[/b].csv` would otherwise be parsed as a closing markup tag and stop the report with
an error, and ESC sequences in a file name could clear the screen or overwrite the rows above it
(hiding findings from whoever reads the table).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# C0 controls but tab and newline, DEL, and the C1 controls (U+0080-U+009F; U+009B is a one-character CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: str) -> str:
    """`value` with each control character written as a `\\xNN` escape."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", value)


def plain(value: str) -> Text:
    """`value` as a rich Text: shown literally (no markup), control characters escaped."""
    from rich.text import Text

    return Text(printable(value))
