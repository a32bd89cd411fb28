"""The `analyze()` convenience function over a shared default Analyzer."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from yinsi.core.types import Finding
from yinsi.pipeline import Analyzer


@cache
def default_analyzer() -> Analyzer:
    """The Analyzer with every registered recognizer.

    Built on first use and shared: recognizers are immutable after construction (compiled patterns,
    hotword sets; model-backed ones load their model lazily, once), so sharing is safe and saves
    recompiling on every call. Build your own `Analyzer` for a different recognizer set.
    """
    return Analyzer()


def analyze(
    text: str,
    *,
    entities: Iterable[str] | None = None,
    language: str = "zh",
    score_threshold: float = 0.0,
) -> list[Finding]:
    """Find personal information in `text`.

    Returns findings sorted by position, with `start`/`end` as character offsets into `text` (also when
    full-width or zero-width characters were normalised), a `score` in [0, 1] and the `recognizer` name.
    `entities` limits the search to those canonical entity names (see `yinsi entities`); unknown names
    raise UnknownEntityError. Findings scoring below `score_threshold` are dropped.
    """
    return default_analyzer().analyze(
        text, entities=entities, language=language, score_threshold=score_threshold
    )
