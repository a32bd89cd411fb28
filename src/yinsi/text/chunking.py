"""Cut a stream of text into bounded, overlapping chunks that each finding belongs to exactly once.

Every chunk has an *own* region; a finding is reported by the chunk whose own region contains its
start. Around the own region the chunk carries `overlap` characters of context on each side, so a
recognizer sees the same neighbours (digit-run boundaries, hotwords before a number) as it would in
the whole text, and any finding no longer than `overlap` that starts in the own region ends inside
the chunk. Two rules cover findings longer than that (a very long URL): one that reaches near the
chunk's cut is handed to the next chunk with `Chunker.defer`, which moves the next own region back to
that finding's start; and one that the previous chunk could not see to its end (it ends past that
chunk's text) belongs to the chunk that sees it whole, even if it starts in the left overlap.

Line and column numbers are carried forward incrementally (newlines are counted once, in the part of
a chunk that is dropped), never by rescanning from the start of the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

DEFAULT_CHUNK_CHARS = 1024 * 1024
# Longer than any identifier with separators, the context windows around it, and nearly every URL
# (browsers and servers cap URLs at 2–8 KiB), while costing under 1 % extra work per 1 MiB chunk.
# A finding longer than the overlap is still reported once, but may be clipped at its start.
DEFAULT_OVERLAP_CHARS = 4096


@dataclass(frozen=True, slots=True)
class TextChunk:
    """A slice of a longer text. Offsets are global character offsets into the whole text.

    Findings whose global start lies in [own_start, own_end) belong to this chunk, and so do those
    starting earlier that end past `seen_until`, the end of the previous chunk's text. `line` and
    `column` (both 1-based) are the position of `text[0]`.
    """

    text: str
    offset: int
    own_start: int
    own_end: int
    line: int
    column: int
    final: bool
    seen_until: int = 0

    @property
    def end(self) -> int:
        """Global offset just past the chunk's text."""
        return self.offset + len(self.text)

    def owns(self, local_start: int, local_end: int) -> bool:
        """Whether a finding at [local_start, local_end) (indexes into `text`) is reported here."""
        start = self.offset + local_start
        if start >= self.own_start:
            return start < self.own_end
        return self.offset + local_end > self.seen_until


def advance(text: str, start: int, end: int, line: int, column: int) -> tuple[int, int]:
    """Line and column at `text[end]`, given those at `text[start]`; counts newlines in between only."""
    newlines = text.count("\n", start, end)
    if newlines == 0:
        return line, column + (end - start)
    return line + newlines, end - text.rfind("\n", start, end)


class LineLocator:
    """Line/column of positions in one chunk, asked in non-decreasing order (findings sorted by start)."""

    __slots__ = ("_column", "_line", "_position", "_text")

    def __init__(self, chunk: TextChunk) -> None:
        self._text = chunk.text
        self._position = 0
        self._line = chunk.line
        self._column = chunk.column

    def locate(self, index: int) -> tuple[int, int]:
        if index < self._position:
            raise ValueError("positions must be asked in non-decreasing order")
        self._line, self._column = advance(self._text, self._position, index, self._line, self._column)
        self._position = index
        return self._line, self._column


class Chunker:
    """Iterate over `TextChunk`s of `blocks` (pieces of one text, any sizes) in bounded memory.

    Memory holds at most about `size + 2 * overlap` characters plus one incoming block.
    """

    def __init__(
        self, blocks: Iterable[str], *, size: int = DEFAULT_CHUNK_CHARS, overlap: int = DEFAULT_OVERLAP_CHARS
    ) -> None:
        if size < 1 or overlap < 0:
            raise ValueError("chunk size must be positive and overlap non-negative")
        self._blocks = iter(blocks)
        self._size = size
        self._overlap = overlap
        self._deferred: int | None = None
        self._current: TextChunk | None = None

    def defer(self, offset: int) -> None:
        """Start the next chunk's own region at global `offset` instead of the current own end.

        Ignored unless `offset` lies strictly inside the current own region (otherwise no progress
        would be made): a finding longer than a whole chunk is reported as far as it was seen.
        """
        chunk = self._current
        if chunk is not None and not chunk.final and chunk.own_start < offset < chunk.own_end:
            self._deferred = offset if self._deferred is None else min(self._deferred, offset)

    def __iter__(self) -> Iterator[TextChunk]:
        buffer = ""
        buffer_offset = 0
        own_start = 0
        line, column = 1, 1
        exhausted = False
        seen_until = 0
        while True:
            need = (own_start - buffer_offset) + self._size + self._overlap
            if len(buffer) <= need and not exhausted:
                parts = [buffer]
                have = len(buffer)
                for block in self._blocks:
                    parts.append(block)
                    have += len(block)
                    if have > need:
                        break
                else:
                    exhausted = True
                buffer = "".join(parts)
            final = len(buffer) <= need
            if final:
                if own_start >= buffer_offset + len(buffer) and own_start > 0:
                    return
                own_end = buffer_offset + len(buffer)
                text = buffer
            else:
                own_end = own_start + self._size
                text = buffer[: own_end + self._overlap - buffer_offset]
            chunk = TextChunk(text, buffer_offset, own_start, own_end, line, column, final, seen_until)
            self._current = chunk
            self._deferred = None
            yield chunk
            if final:
                return
            own_start = self._deferred if self._deferred is not None else own_end
            seen_until = chunk.end
            keep_from = max(buffer_offset, own_start - self._overlap)
            line, column = advance(buffer, 0, keep_from - buffer_offset, line, column)
            buffer = buffer[keep_from - buffer_offset:]
            buffer_offset = keep_from
