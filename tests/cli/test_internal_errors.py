"""An unexpected exception inside a command is one line and exit 3, never a traceback or a value."""

from __future__ import annotations

import click
import pytest

from yinsi.cli import main as cli_main

SECRET = "11010519491231002X"


@click.command(name="explode")
def _explode() -> None:
    raise ValueError(f"bad value {SECRET}")


def test_unexpected_exception_is_one_line_without_values(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("YINSI_DEBUG", raising=False)
    monkeypatch.setattr(cli_main._VerbGroup, "get_command", lambda self, ctx, name: _explode)
    with pytest.raises(SystemExit) as exit_info:
        cli_main.main(["explode"])
    assert exit_info.value.code == cli_main.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (ValueError)" in err
    assert SECRET not in err
    assert "Traceback" not in err


def test_debug_flag_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YINSI_DEBUG", "1")
    monkeypatch.setattr(cli_main._VerbGroup, "get_command", lambda self, ctx, name: _explode)
    with pytest.raises(ValueError):
        cli_main.main(["explode"])
