"""CSV cell and JSON value rewriting: only changed values differ, everything else is byte-identical."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yinsi.rewriting import csv_cells, jsonl_values


def upper(value: str, label: str | None) -> str:
    return value.upper() if value.startswith("x") else value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,xb,c\n", "a,XB,c\n"),
        ('a,"xb",c\r\n', 'a,"XB",c\r\n'),
        ('"x,1","x""q"\n', '"X,1","X""Q"\n'),
        ('a,"x\r\nmulti"\r\nxz,\r\n', 'a,"X\r\nMULTI"\r\nXZ,\r\n'),
        ("a,b", "a,b"),
        ("", ""),
        (",,\n,,", ",,\n,,"),
        ('a,x"b,c', 'a,"X""B",c'),  # a stray quote in an unquoted field is data; re-quoted when changed
    ],
)
def test_csv_rewrite_table(text: str, expected: str) -> None:
    assert csv_cells.rewrite(text, upper) == expected


def test_changed_values_are_quoted_when_needed() -> None:
    assert csv_cells.rewrite("a,xb\n", lambda v, _: "1,2" if v == "xb" else v) == 'a,"1,2"\n'
    assert csv_cells.rewrite("a\txb\n", lambda v, _: "1,2" if v == "xb" else v, "\t") == "a\t1,2\n"


def test_column_labels_come_from_the_first_row() -> None:
    seen = []
    csv_cells.rewrite("手机,备注\n138,x\n", lambda v, label: seen.append((v, label)) or v)
    assert seen == [("手机", None), ("备注", None), ("138", "手机"), ("x", "备注")]


rows = st.lists(
    st.lists(st.text(alphabet='ab,"\n x中', max_size=6), min_size=1, max_size=4), min_size=1, max_size=5
)


@settings(max_examples=200, deadline=None)
@given(rows=rows, line_ending=st.sampled_from(["\r\n", "\n"]))
def test_cells_agree_with_the_csv_module(rows: list[list[str]], line_ending: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_ending).writerows(rows)
    text = buffer.getvalue()
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    cells = list(csv_cells.cells(text))
    by_row: dict[int, list[str]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell.value)
    assert [by_row[index] for index in sorted(by_row)] == parsed
    assert csv_cells.rewrite(text, lambda v, _: v) == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"a": "xy", "xkey": 1}', '{"a": "XY", "xkey": 1}'),
        ('{"a":["xy",  "b"]}', '{"a":["XY",  "b"]}'),
        ('{"a": "x\\u4e2d"}', '{"a": "X\\u4e2d"}'),
        ('{"a": "x中"}', '{"a": "X中"}'),
        ('{"n": 138}', '{"n": 138}'),
    ],
)
def test_jsonl_rewrite_table(line: str, expected: str) -> None:
    assert jsonl_values.rewrite_line(line, upper) == expected


def test_numbers_become_strings_only_when_they_must() -> None:
    assert jsonl_values.rewrite_line('{"n": 138}', lambda v, _: "1**" if v == "138" else v) == '{"n": "1**"}'
    assert jsonl_values.rewrite_line('{"n": 138}', lambda v, _: "139" if v == "138" else v) == '{"n": 139}'
