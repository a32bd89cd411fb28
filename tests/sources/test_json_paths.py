"""The streaming JSON path tracker: same answers whatever the piece sizes, tolerant of bad JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yinsi.sources.json_paths import MAX_KEY_CHARS, JsonPathTracker

DOCUMENT = json.dumps(
    {"a": 1, "b": {"c": [1, {"d": "x,y:{z}"}, 'e"f'], 'k"q': {"z": None}}, "long": "t",
     "back\\slash 中": {"v": "line\nbreak"}},
    ensure_ascii=True,
)


def _path_at(text: str, position: int, pieces: list[int] | None = None) -> list[str]:
    tracker = JsonPathTracker()
    cursor = 0
    for size in pieces or []:
        if cursor + size > position:
            break
        tracker.feed(text[cursor:cursor + size])
        cursor += size
    tracker.feed(text[cursor:position])
    return tracker.path()


@pytest.mark.parametrize(
    ("marker", "path"),
    [('"x,y', ["b", "c", "[]", "d"]), ('e\\"f', ["b", "c", "[]"]), ('"t"', ["long"])],
)
def test_paths(marker: str, path: list[str]) -> None:
    assert _path_at(DOCUMENT, DOCUMENT.index(marker) + 1) == path


def test_escaped_quote_in_a_key() -> None:
    text = DOCUMENT
    assert _path_at(text, text.index("null")) == ["b", 'k"q', "z"]


@given(pieces=st.lists(st.integers(min_value=1, max_value=7), max_size=80))
def test_piece_sizes_do_not_matter(pieces: list[int]) -> None:
    for position in range(0, len(DOCUMENT), 5):
        assert _path_at(DOCUMENT, position, pieces) == _path_at(DOCUMENT, position)


def test_json_lines_reset_between_records() -> None:
    text = '{"a": {"b": 1}}\n{"c": "v"}\n'
    assert _path_at(text, text.index('"v"') + 1) == ["c"]


def test_long_keys_are_cut_and_bad_json_does_not_raise() -> None:
    key = "k" * 200
    text = '{"' + key + '": "v"}'
    assert _path_at(text, text.index('"v"') + 1) == ["k" * MAX_KEY_CHARS]
    tracker = JsonPathTracker()
    tracker.feed("]]]}}}{{[[:,,\"")
    assert isinstance(tracker.path(), list)


def test_escapes_in_keys_read_the_same_in_one_piece_or_many() -> None:
    position = DOCUMENT.index("line")
    expected = ["back\\slash u4e2d", "v"]
    assert _path_at(DOCUMENT, position) == expected
    assert _path_at(DOCUMENT, position, [1] * position) == expected
