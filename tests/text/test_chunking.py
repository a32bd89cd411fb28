"""Chunks partition a text into own regions, carry overlap, and know their line and column."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yinsi.text.chunking import Chunker, LineLocator, advance


def _blocks(text: str, block: int) -> list[str]:
    return [text[index:index + block] for index in range(0, len(text), block)]


def _naive_position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


@given(
    text=st.text(alphabet="ab\n手机1", max_size=400),
    size=st.integers(min_value=1, max_value=50),
    overlap=st.integers(min_value=0, max_value=20),
    block=st.integers(min_value=1, max_value=70),
)
def test_own_regions_partition_the_text(text: str, size: int, overlap: int, block: int) -> None:
    covered = 0
    for chunk in Chunker(_blocks(text, block), size=size, overlap=overlap):
        assert chunk.own_start == covered
        assert text[chunk.offset:chunk.end] == chunk.text
        assert chunk.offset == max(0, chunk.own_start - overlap) or chunk.offset == 0
        assert len(chunk.text) <= size + 2 * overlap
        assert (chunk.line, chunk.column) == _naive_position(text, chunk.offset)
        if not chunk.final:
            assert chunk.end - chunk.own_end == overlap
        covered = chunk.own_end
    assert covered == len(text)


@given(text=st.text(alphabet="xy\n", max_size=200), data=st.data())
def test_line_locator_matches_a_rescan(text: str, data: st.DataObject) -> None:
    chunk = next(iter(Chunker([text], size=10_000)))
    positions = sorted(data.draw(st.lists(st.integers(min_value=0, max_value=len(text)), max_size=10)))
    locator = LineLocator(chunk)
    for position in positions:
        assert locator.locate(position) == _naive_position(text, position)


def test_defer_moves_the_next_own_region_back() -> None:
    text = "0123456789" * 5
    chunker = Chunker([text], size=10, overlap=3)
    starts = []
    for chunk in chunker:
        starts.append(chunk.own_start)
        if chunk.own_start == 0:
            chunker.defer(7)
    assert starts[:2] == [0, 7]


def test_defer_outside_the_own_region_is_ignored() -> None:
    chunker = Chunker(["a" * 30], size=10, overlap=2)
    starts = []
    for chunk in chunker:
        starts.append(chunk.own_start)
        chunker.defer(chunk.own_start)  # no progress would be made: ignored
    assert starts == [0, 10, 20]


def test_empty_text_is_one_empty_final_chunk() -> None:
    chunks = list(Chunker([], size=10))
    assert len(chunks) == 1 and chunks[0].final and chunks[0].text == ""


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [("abc", 0, 3, (1, 4)), ("a\nbc", 0, 4, (2, 3)), ("a\n\n", 0, 3, (3, 1)), ("\r\nx", 0, 3, (2, 2))],
)
def test_advance(text: str, start: int, end: int, expected: tuple[int, int]) -> None:
    assert advance(text, start, end, 1, 1) == expected
