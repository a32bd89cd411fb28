"""Column classification: batch analysis mapped back to rows, the value cache and the validator
shortcut count exactly what one analysis per value would, and confidences follow the evidence."""

from __future__ import annotations

import random

import pytest

from yinsi import analyze
from yinsi._analyze import default_analyzer
from yinsi.demo import identifiers
from yinsi.tabular.classify import ColumnClassifier
from yinsi.tabular.hints import default_hints
from yinsi.tabular.model import ColumnInfo, InventorySettings, ValueKind


def classifier() -> ColumnClassifier:
    return ColumnClassifier(default_analyzer(), default_hints(), InventorySettings())


def test_batches_count_like_one_analysis_per_value() -> None:
    rng = random.Random(3)
    values: list[object] = []
    for index in range(1200):
        kind = index % 6
        values.append(
            identifiers.mobile(rng) if kind < 3 else
            "13800138001" if kind == 3 else  # fails no check, but repeats (cache)
            "23800138000" if kind == 4 else  # not a mobile number
            None
        )
    profile = classifier().profile(ColumnInfo("contact", "text"))
    for start in range(0, len(values), 250):  # several batches: the shortcut starts after the first
        profile.add(values[start:start + 250])
    expected = sum(
        1 for value in values
        if isinstance(value, str)
        and any(found.entity_type == "CN_MOBILE" and found.score >= 0.5 for found in analyze(value))
    )
    report = profile.report()
    mobile = next(entity for entity in report.entities if entity.entity_type == "CN_MOBILE")
    assert mobile.hit_ratio == round(expected / 1000, 4)
    assert report.null_ratio == round(200 / 1200, 4)


def test_free_text_column_holds_what_its_sentences_hold() -> None:
    notes = [f"客户来电，说手机号是{'13912345678'}，请回电。" if i % 20 == 0 else "客户要求尽快发货，谢谢。"
             for i in range(200)]
    profile = classifier().profile(ColumnInfo("remark", "text"))
    profile.add(notes)
    report = profile.report()
    assert report.free_text and report.personal
    assert report.primary is not None and report.primary.entity_type == "CN_MOBILE"


@pytest.mark.parametrize(
    ("name", "values", "entity", "evidence"),
    [
        ("qq", ["123456789", "987654321", "55512345"], "QQ_NUMBER", "name+values"),
        ("csrq", [None, None], "DATE_OF_BIRTH", "name"),
        ("sjh", ["13800138000", "13912345678"], "CN_MOBILE", "name+values"),
        ("value", ["13800138000", "13912345678"], "CN_MOBILE", "values"),
    ],
)
def test_name_and_values_combine(name: str, values: list[object], entity: str, evidence: str) -> None:
    profile = classifier().profile(ColumnInfo(name, "text"))
    profile.add(values)
    report = profile.report()
    assert report.primary is not None and report.primary.entity_type == entity
    assert report.primary.evidence == evidence


def test_a_name_contradicted_by_values_is_not_confident() -> None:
    profile = classifier().profile(ColumnInfo("sfzh", "text"))
    profile.add(["abc", "def", "ghi"])
    report = profile.report()
    assert not report.personal and report.entities[0].evidence == "name"


def test_binary_and_temporal_values_are_not_analysed() -> None:
    profile = classifier().profile(ColumnInfo("photo", "bytea", ValueKind.BINARY))
    profile.add([b"13800138000", bytearray(b"\x00"), None])
    report = profile.report()
    assert report.entities == () and report.null_ratio == round(1 / 3, 4)
