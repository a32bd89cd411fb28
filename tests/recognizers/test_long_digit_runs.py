"""A long run of one character class (a dump of digits, a number with no separators) costs linear time:
a rejected match must not make the search crawl through the run one position at a time."""

from __future__ import annotations

import time

import pytest

import yinsi


@pytest.mark.parametrize("text", ["0" * 200_000, "身份证 " + "1" * 200_000, "8" * 100_000 + " 13800138000"])
def test_a_long_digit_run_is_scanned_in_linear_time(text: str) -> None:
    started = time.process_time()
    findings = yinsi.analyze(text)
    assert time.process_time() - started < 10  # quadratic: minutes
    assert all(finding.end - finding.start < 100 for finding in findings)


def test_a_value_after_a_long_run_is_still_found() -> None:
    findings = yinsi.analyze("8" * 100_000 + " 手机 13800138000")
    assert [finding.entity_type for finding in findings if finding.start > 100_000] == ["CN_MOBILE"]
