"""Two sample privacy policies for the sample selfie app (`yinsi.apps.samples`, category 拍摄美化类):
"selfie_good" discloses what the app does; "selfie_bad" shows the practices the checker reports.
Written by the project for the demo and tests; the company and its contacts are fictional."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_POLICIES = {"selfie_good": "selfie_good.md", "selfie_bad": "selfie_bad.txt"}


def sample_policy(name: str) -> Path:
    """Path of a shipped sample policy ("selfie_good" or "selfie_bad")."""
    if name not in SAMPLE_POLICIES:
        raise KeyError(f"unknown sample policy {name!r}; choose from {', '.join(SAMPLE_POLICIES)}")
    return Path(str(files("yinsi") / "data" / "privacy_policy" / "samples" / SAMPLE_POLICIES[name]))
