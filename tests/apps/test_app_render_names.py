"""Names that come from an APK (package, label) are shown literally by `yinsi app audit|rank`: never
read as rich markup, control characters escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from apk_helpers import empty_dex, manifest, write_zip

from yinsi.testing import cli_exit_status as yinsi

CRAFTED = "com.evil[/b].x\x1b[2J"


@pytest.mark.parametrize("verb", ["audit", "rank"])
def test_a_crafted_package_name_is_shown_literally(
    tmp_path: Path, verb: str, capsys: pytest.CaptureFixture[str]
) -> None:
    apk = write_zip(tmp_path / "evil.apk", {"AndroidManifest.xml": manifest(CRAFTED),
                                             "classes.dex": empty_dex()})
    assert yinsi("app", verb, str(apk if verb == "audit" else tmp_path)) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "com.evil[/b].x\\x1b[2J" in out.replace("\n", "")
