"""bench/report.py rewrites only its own figure blocks of docs/benchmarks.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import report


def test_replace_block_keeps_everything_else() -> None:
    text = "# B\nintro\n<!-- x:start -->\nold\n<!-- x:end -->\ntail <!-- y:start -->\n<!-- y:end -->\n"
    updated = report.replace_block(text, "x", "new\nlines")
    assert (
        updated
        == "# B\nintro\n<!-- x:start -->\nnew\nlines\n<!-- x:end -->\ntail <!-- y:start -->\n<!-- y:end -->\n"
    )


def test_replace_block_without_markers_stops() -> None:
    with pytest.raises(SystemExit):
        report.replace_block("no markers here", "x", "new")


def test_scan_counts_reads_the_summary_table() -> None:
    table = "\n".join(
        [
            "│ CN_RESIDENT_ID │ 居民身份证号 │ yes 是 │      828653 │        50013 │   1 │ 1***2 │",
            "│ EMAIL          │ 电子邮箱     │        │        9584 │         2431 │   1 │ j***  │",
            "│ /data/big.log  │      5224142 │        1306745 │",
        ]
    )
    assert report._scan_counts(table) == [("CN_RESIDENT_ID", 828653), ("EMAIL", 9584)]
