"""Shared fixtures and the CI rule: a test that needs a missing system tool fails under CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def require_tool(available: bool, reason: str) -> None:
    """Skip locally when a system tool is missing; under CI=true a missing tool is a failure."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"required tool missing under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, skipping the test when it is absent (a user's machine will not have it)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not present at {SHARED_DATA}")
    return SHARED_DATA
