"""The character CRF tagger, loaded once per process on first use.

The model is a python-crfsuite file shipped in `yinsi/data/ner/` (see PROVENANCE there) and trained by
`tools/train_ner.py`. python-crfsuite is the optional `ner` extra: it is imported only here, only when
a text is first tagged, so `import yinsi` and structured-only scans never pay for it.
"""

from __future__ import annotations

import threading
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from yinsi.ner.features import encoded_features
from yinsi.ner.tags import spans_from_tags

MODEL_RESOURCE = "crf.model"


class CrfTagger:
    """Labels characters with B-/I-PER, LOC, ORG, ADR and returns (start, end, label) spans."""

    __slots__ = ("_lock", "_tagger", "path")

    def __init__(self, path: Path) -> None:
        import pycrfsuite  # optional dependency: the `ner` extra

        self.path = path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        # A crfsuite tagger keeps per-call state; one tagger per process is shared between threads.
        self._lock = threading.Lock()

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Entity spans in `text` (offsets into `text`)."""
        if not text:
            return []
        items = encoded_features(text)
        with self._lock:
            tags = self._tagger.tag(items)
        return spans_from_tags(tags)


def model_path() -> Path:
    """Where the shipped model lives inside the installed package."""
    return Path(str(resources.files("yinsi").joinpath("data", "ner", MODEL_RESOURCE)))


def tagger_available() -> bool:
    """True when python-crfsuite is installed and the model file is present."""
    return find_spec("pycrfsuite") is not None and model_path().is_file()


_LOADED: dict[Path, CrfTagger] = {}
_LOAD_LOCK = threading.Lock()


def load_tagger(path: Path | None = None) -> CrfTagger:
    """The tagger for `path` (default: the shipped model), opened once per process and then shared.

    An explicit per-path registry rather than a hidden global: recognizers that need the model ask for
    it here, so several of them share one copy in memory.
    """
    resolved = path or model_path()
    with _LOAD_LOCK:
        tagger = _LOADED.get(resolved)
        if tagger is None:
            tagger = _LOADED[resolved] = CrfTagger(resolved)
        return tagger


def loaded_models() -> tuple[Path, ...]:
    """Paths of the models opened so far in this process (lets tests check lazy loading)."""
    return tuple(_LOADED)
