"""The accuracy harness counts exactly what its header says it counts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import accuracy
from corpus import Record
from corpus_records import Label

TEXT = "手机13800138000 订单号202401011234567890 姓名张三 ip=10.1.2.3:8080"
RECORD = Record(
    id=0,
    kind="test",
    text=TEXT,
    labels=(
        Label(2, 13, "CN_MOBILE"),
        Label(38, 40, "PERSON"),
        Label(44, 52, "IP_ADDRESS"),
    ),
    negatives=(Label(17, 35, "ORDER_NUMBER"),),
)


def p(entity: str, start: int, end: int, score: float = 0.9) -> accuracy.Prediction:
    return accuracy.Prediction(entity, start, end, score, "test")


@pytest.mark.parametrize(
    ("predictions", "entity", "exact", "lenient"),
    [
        # exact hit
        ([p("CN_MOBILE", 2, 13)], "CN_MOBILE", (1, 0, 0), (1, 0, 0)),
        # overlap only: lenient hit, exact FP + FN
        ([p("IP_ADDRESS", 44, 57)], "IP_ADDRESS", (0, 1, 1), (1, 0, 0)),
        # below the threshold: a miss
        ([p("CN_MOBILE", 2, 13, 0.3)], "CN_MOBILE", (0, 0, 1), (0, 0, 1)),
        # two predictions on one gold label: one-to-one, the second is a FP
        ([p("CN_MOBILE", 2, 13), p("CN_MOBILE", 5, 13)], "CN_MOBILE", (1, 1, 0), (1, 1, 0)),
        # a labelled type on a hard negative
        ([p("IP_ADDRESS", 17, 35)], "IP_ADDRESS", (0, 1, 1), (0, 1, 1)),
    ],
)
def test_exact_and_lenient_counts(
    predictions: list[accuracy.Prediction],
    entity: str,
    exact: tuple[int, int, int],
    lenient: tuple[int, int, int],
) -> None:
    result = accuracy.score([RECORD], [predictions], 0.5)
    got_exact = result.exact[entity]
    got_lenient = result.lenient[entity]
    assert (got_exact.tp, got_exact.fp, got_exact.fn) == exact
    assert (got_lenient.tp, got_lenient.fp, got_lenient.fn) == lenient


def test_name_types_are_ignored() -> None:
    result = accuracy.score([RECORD], [[p("PERSON", 38, 40), p("PERSON", 0, 2)]], 0.5)
    assert "PERSON" not in result.gold
    assert "PERSON" not in result.exact and "PERSON" not in result.lenient


def test_unlabelled_types_count_only_on_negatives_or_plain_text() -> None:
    inside_gold = p("PHONE_NUMBER", 2, 13)  # PHONE_NUMBER has no gold labels in this corpus
    on_negative = p("PHONE_NUMBER", 20, 31)
    on_plain_text = p("PHONE_NUMBER", 36, 38)
    result = accuracy.score([RECORD], [[inside_gold, on_negative, on_plain_text]], 0.5)
    assert result.lenient["PHONE_NUMBER"].fp == 2
    assert result.unscored["PHONE_NUMBER"] == 1


def test_hard_negative_hits_are_counted() -> None:
    result = accuracy.score([RECORD], [[p("BANK_CARD", 17, 35)]], 0.5)
    assert result.negatives_hit["ORDER_NUMBER"] == 1
    assert result.negatives_total["ORDER_NUMBER"] == 1
