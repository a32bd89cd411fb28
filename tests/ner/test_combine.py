"""Scoring and merging of tagger spans with rule evidence (no model needed: spans are given)."""

from __future__ import annotations

import pytest

from yinsi.ner.combine import (
    ADDRESS_LABEL_ONLY,
    ADDRESS_LABELLED,
    ADDRESS_STREET,
    LOCATION,
    ORGANIZATION,
    PERSON_CONFIRMED,
    PERSON_LABEL_ONLY,
    PERSON_MODEL,
    combine,
)


def _result(text: str, model: list[tuple[int, int, str]]) -> list[tuple[str, str, float]]:
    return sorted((text[s.start : s.end], s.entity_type, s.score) for s in combine(text, model))


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("昨天张伟来了", [(2, 4, "PER")], [("张伟", "PERSON", PERSON_MODEL)]),
        ("收件人：张伟", [(4, 6, "PER")], [("张伟", "PERSON", PERSON_CONFIRMED)]),
        ("收件人：张伟", [], [("张伟", "PERSON", PERSON_LABEL_ONLY)]),
        ("张先生好", [(0, 3, "PER")], [("张", "PERSON", PERSON_CONFIRMED)]),
        ("今天周一", [(2, 4, "PER")], []),
        ("车牌京H12345", [(2, 4, "PER")], []),
        ("上官婉儿今天值班", [(0, 2, "PER")], [("上官婉儿", "PERSON", PERSON_MODEL)]),
        ("买买提·阿凡提来了", [(0, 3, "PER")], [("买买提·阿凡提", "PERSON", PERSON_MODEL)]),
        # Brackets a tagger took in around a name in a changelog line
        ("delete redundant code (陈刚) [#18145]", [(23, 26, "PER")], [("陈刚", "PERSON", PERSON_MODEL)]),
        ("Thanks (笑斌) for it", [(7, 10, "PER")], [("笑斌", "PERSON", PERSON_MODEL)]),
    ],
)
def test_people(text: str, model: list[tuple[int, int, str]], expected: list[tuple[str, str, float]]) -> None:
    assert _result(text, model) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        # Touching place pieces and an address piece become one address.
        ("湖北省武汉市洪山区珞喻路1037号", [(0, 3, "LOC"), (3, 6, "LOC"), (6, 17, "ADR")],
         [("湖北省武汉市洪山区珞喻路1037号", "ADDRESS", ADDRESS_STREET)]),
        # A division run the tagger called an organisation, glued to a road.
        ("新乡市牧野区阜新路655号", [(0, 6, "ORG"), (6, 13, "ADR")],
         [("新乡市牧野区阜新路655号", "ADDRESS", ADDRESS_STREET)]),
        # A name-like estate word glued to 小区 belongs to the address.
        ("阳光小区3栋2单元1502室", [(0, 2, "PER"), (2, 14, "ADR")],
         [("阳光小区3栋2单元1502室", "ADDRESS", ADDRESS_STREET)]),
        # Building, unit and room parts the tagger cut off are added back.
        ("地址：阳光小区3栋2单元1502室", [(3, 8, "ADR")],
         [("阳光小区3栋2单元1502室", "ADDRESS", ADDRESS_LABELLED)]),
        ("他去了武汉", [(3, 5, "LOC")], [("武汉", "LOCATION", LOCATION)]),
        # The label rule still gives the whole address when the tagger saw only a place inside it.
        ("地址：武汉市洪山区珞喻路1号", [(3, 6, "LOC")],
         [("武汉市洪山区珞喻路1号", "ADDRESS", ADDRESS_LABEL_ONLY)]),
        ("中国银行", [(0, 4, "ORG")], [("中国银行", "ORGANIZATION", ORGANIZATION)]),
        # A bracket closed inside the span is part of it
        ("（北京）科技有限公司。", [(0, 11, "ORG")],
         [("（北京）科技有限公司", "ORGANIZATION", ORGANIZATION)]),
        ("地址：湖北省武汉市洪山区珞喻路1037号", [],
         [("湖北省武汉市洪山区珞喻路1037号", "ADDRESS", ADDRESS_LABEL_ONLY)]),
    ],
)
def test_places(text: str, model: list[tuple[int, int, str]], expected: list[tuple[str, str, float]]) -> None:
    assert _result(text, model) == sorted(expected)
