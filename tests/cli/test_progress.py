"""The progress bar appears only for big scans on a terminal, and errors stay one line each."""

from __future__ import annotations

import pytest

from yinsi.cli import _progress
from yinsi.cli._progress import ScanProgress
from yinsi.scanning import FileError
from yinsi.sources.walk import FileEntry


def test_no_bar_when_disabled_and_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    progress = ScanProgress(enabled=False)
    with progress.running([FileEntry("big", 10**12)]):
        progress.file_started("big")
        progress.bytes_read(10)
        progress.error(FileError("secret.txt", "Permission denied"))
    assert capsys.readouterr().err == "yinsi: cannot read secret.txt: Permission denied\n"


def test_bar_for_big_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_progress, "MIN_BYTES_FOR_BAR", 1)
    progress = ScanProgress(enabled=True)
    with progress.running([FileEntry("a", 100)]):
        assert progress._progress is not None
        progress.file_started("a" * 100)
        progress.bytes_read(100)
        progress.error(FileError("b", "Permission denied"))
    assert progress._progress is None


def test_no_bar_for_small_scans() -> None:
    progress = ScanProgress(enabled=True)
    with progress.running([FileEntry("a", 100)]):
        assert progress._progress is None
