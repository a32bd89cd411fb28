"""The model loads on first use only, once per process; structured-only scans never load it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from yinsi.ner.tagger import tagger_available

needs_model = pytest.mark.skipif(
    not tagger_available(), reason="python-crfsuite (the ner extra) not installed"
)


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.strip()


def test_import_yinsi_loads_no_model() -> None:
    code = "import sys, yinsi; print('pycrfsuite' in sys.modules, 'yinsi.ner.tagger' in sys.modules)"
    assert _run(code) == "False False"


def test_structured_only_scan_loads_no_model() -> None:
    code = (
        "import sys, yinsi\n"
        "found = yinsi.analyze('收件人：张伟，手机13800138000', entities=['CN_MOBILE'])\n"
        "print(len(found), 'pycrfsuite' in sys.modules, 'yinsi.ner.tagger' in sys.modules)"
    )
    assert _run(code) == "1 False False"


@needs_model
def test_model_loads_once_and_is_shared() -> None:
    code = (
        "import sys, yinsi\n"
        "from yinsi.pipeline import Analyzer\n"
        "from yinsi.ner.tagger import loaded_models\n"
        "print('pycrfsuite' in sys.modules)\n"
        "yinsi.analyze('收件人：张伟')\n"
        "Analyzer().analyze('客户李娜来电')\n"
        "print('pycrfsuite' in sys.modules, len(loaded_models()))"
    )
    assert _run(code).split() == ["False", "True", "1"]
