"""Every registered recognizer declares good metadata and passes its own examples."""

from __future__ import annotations

import pytest

from yinsi.core.entities import ENTITY_TYPES
from yinsi.recognizers.registry import discover
from yinsi.testing import recognizer_problems

RECOGNIZERS = discover()


def test_recognizers_are_discovered() -> None:
    assert len(RECOGNIZERS) >= 3


@pytest.mark.parametrize("recognizer_class", RECOGNIZERS, ids=lambda cls: cls.__name__)
def test_recognizer_contract(recognizer_class: type) -> None:
    assert recognizer_problems(recognizer_class) == []


@pytest.mark.parametrize("recognizer_class", RECOGNIZERS, ids=lambda cls: cls.__name__)
def test_recognizer_names_explain_themselves(recognizer_class: type) -> None:
    """`cn_resident_id.py` -> `CnResidentIdRecognizer` -> `CN_RESIDENT_ID` (STYLE.md #2)."""
    instance = recognizer_class()
    module = recognizer_class.__module__.rsplit(".", 1)[-1]
    expected_class = "".join(part.capitalize() for part in module.split("_")) + "Recognizer"
    assert recognizer_class.__name__ == expected_class
    assert all(entity in ENTITY_TYPES for entity in instance.entity_types)
