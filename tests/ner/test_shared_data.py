"""Accuracy floor on public dev splits (read from ../shared/data; skipped when absent).

Full figures come from bench/names.py; this only catches a broken model or feature change quickly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yinsi.ner.tagger import load_tagger, tagger_available

pytestmark = pytest.mark.skipif(
    not tagger_available(), reason="python-crfsuite (the ner extra) not installed"
)


def _person_f1(path: Path, limit: int, named_only: bool = False) -> float:
    tagger = load_tagger()
    tp = fp = fn = 0
    with path.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if index >= limit:
                break
            record = json.loads(line)
            gold = {
                (s["start"], s["end"])
                for s in record["spans"]
                if s["label"] == "PER" and (not named_only or s.get("sub") == "NAM")
            }
            predicted = {(start, end) for start, end, label in tagger.spans(record["text"]) if label == "PER"}
            tp += len(gold & predicted)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.mark.parametrize(
    ("corpus", "limit", "floor", "named_only"),
    [("msra", 600, 0.8, False), ("resume", 463, 0.9, False), ("weibo", 270, 0.5, True)],
)
def test_person_f1_floor(shared_data: Path, corpus: str, limit: int, floor: float, named_only: bool) -> None:
    path = shared_data / "ner" / corpus / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} absent")
    assert _person_f1(path, limit, named_only) >= floor
