"""Test helpers: check a recognizer the way yinsi checks its own, and run the CLI in process.

    from yinsi.testing import check_recognizer
    def test_my_recognizer():
        check_recognizer(MyRecognizer)
"""

from __future__ import annotations

import re

from yinsi.core.entities import ENTITY_TYPES
from yinsi.pipeline import Analyzer
from yinsi.recognizers.base import Recognizer

_CJK = re.compile(r"[\u4e00-\u9fff]")


def recognizer_problems(recognizer_class: type[Recognizer]) -> list[str]:
    """Everything wrong with a recognizer's metadata and declared examples (empty when fine)."""
    problems: list[str] = []
    doc = (recognizer_class.__doc__ or "").strip()
    first_line = doc.splitlines()[0] if doc else ""
    if not _CJK.search(first_line) or "(" not in first_line:
        problems.append("docstring's first line must name the identifier in Chinese and cite its standard")
    recognizer = recognizer_class()
    for entity in recognizer.entity_types:
        if entity not in ENTITY_TYPES:
            problems.append(f"unknown entity type {entity!r}")
    examples = recognizer.examples
    if not examples.positive or not examples.negative:
        problems.append("declare at least one positive and one negative example")
    analyzer = Analyzer([recognizer])
    wanted = set(recognizer.entity_types)
    for text in examples.positive:
        if not any(f.entity_type in wanted for f in analyzer.analyze(text, language=recognizer.languages[0])):
            problems.append(f"positive example not found: {text!r}")
    for text in examples.negative:
        findings = analyzer.analyze(text, language=recognizer.languages[0])
        found = [f for f in findings if f.entity_type in wanted]
        if found:
            spans = ", ".join(repr(text[f.start : f.end]) for f in found)
            problems.append(f"negative example matched {spans} in {text!r}")
    return problems


def found_values(text: str, entity: str) -> list[str]:
    """The text of each `entity` finding in `text`, asserting that analyze() reported no other type."""
    from yinsi._analyze import analyze

    findings = analyze(text, entities=[entity])
    assert all(f.entity_type == entity for f in findings)
    return [text[f.start : f.end] for f in findings]


def single_score(text: str, entity: str) -> float:
    """The score of the one `entity` finding in `text` (fails when there is not exactly one)."""
    from yinsi._analyze import analyze

    (finding,) = analyze(text, entities=[entity])
    return finding.score


def check_recognizer(recognizer_class: type[Recognizer]) -> None:
    """Assert that `recognizer_problems` finds nothing; the message lists every problem."""
    problems = recognizer_problems(recognizer_class)
    assert not problems, f"{recognizer_class.__name__}: " + "; ".join(problems)


def cli_exit_status(*args: str) -> int:
    """Run `yinsi ARGS...` in this process and return its exit status (0 when it returns normally).

    In-process runs let a test use pytest's capsys/monkeypatch and cost no interpreter start-up.
    """
    from yinsi.cli.main import main

    try:
        main(list(args))
    except SystemExit as done:
        return int(done.code or 0)
    return 0
