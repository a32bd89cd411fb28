"""Names, postal addresses, place names and organisations in Chinese text (model plus context rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from yinsi.core.entities import entity_type
from yinsi.core.types import Evidence, Finding
from yinsi.recognizers.base import Examples
from yinsi.text.prefilter import Prefiltered, word_starts

if TYPE_CHECKING:
    from yinsi.ner.combine import Scored
    from yinsi.ner.tagger import CrfTagger

# Texts are tagged line by line, long lines sentence by sentence, so the tagger's cost stays linear
# and a line without any Chinese character (JSON keys, numbers, English logs) costs one regex search.
_CJK = re.compile("[\u4e00-\u9fff]")
_LINES = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
_MAX_SEGMENT = 400
# What the tagger reads around Chinese text: 20 characters before a run, where labels stand
# ("consignee_name": ), and 6 after it, the ±2 characters every feature looks at plus a house number.
# Runs closer than the two margins together are tagged as one window (西宁路749号周花园).
_MARGIN_BEFORE = 20
_MARGIN_AFTER = 6
_WINDOW = re.compile(
    f"[\u4e00-\u9fff·]+(?:[^\u4e00-\u9fff·]{{1,{_MARGIN_BEFORE + _MARGIN_AFTER}}}[\u4e00-\u9fff·]+)*"
)
# Logs and exports repeat lines (templates, headers, the same customer); a repeated segment is
# answered from this many remembered results instead of being tagged again. Segments longer than
# _CACHED_LENGTH (a line without sentence punctuation can be one segment) are never remembered, so
# the memory stays under about 4096 × 1000 characters.
_CACHED_SEGMENTS = 4096
_CACHED_LENGTH = 1000
# Latin names are only reported after a label; this literal prefilter decides if labels can occur.
# Tried only where two letters can start one of the words: an IGNORECASE alternation of Latin words
# is otherwise run at every position of the text.
_HINTS = ("name", "consignee", "receiver", "recipient", "customer", "contact")
_LABEL_HINT = Prefiltered(re.compile("|".join(_HINTS), re.IGNORECASE), word_starts(_HINTS, re.IGNORECASE))


class NamedEntityRecognizer:
    """姓名、地址、地名、机构名称 (PIPL art. 4; GB/T 35273-2020 A.1 个人基本资料; GB/T 2260 区划).

    A character CRF (python-crfsuite, the `ner` extra; model in yinsi/data/ner) tags person names,
    place names, organisations and whole postal addresses; context rules add what forms and logs say
    (收件人：, "name": …, 张先生) and clean the spans (the title is not part of the name; building,
    unit and room belong to the address). Without python-crfsuite only the rules run: labelled names
    and addresses are still found, free-text names are not.

    A bare place name in prose is reported as LOCATION (not personal on its own); organisations as
    ORGANIZATION so that 阿里巴巴 is not taken for a person.
    """

    languages: tuple[str, ...] = ("zh",)
    entity_types: tuple[str, ...] = ("PERSON", "ADDRESS", "LOCATION", "ORGANIZATION")
    examples = Examples(
        positive=(
            "收件人：张伟，电话：13800138000，地址：湖北省武汉市洪山区珞喻路1037号",
            "欧阳娜娜女士您好，您的包裹已送达。",
            '{"name": "李秀英", "city": "深圳"}',
        ),
        negative=("今天周一，大家都很高兴。", "订单已发货，请注意查收。", "order=12345 status=ok"),
    )

    def __init__(self) -> None:
        self.name = type(self).__name__
        self._sensitive = {entity: entity_type(entity).sensitive for entity in self.entity_types}
        self._tagger: CrfTagger | None = None
        self._resolved = False

    def analyze(self, text: str) -> Iterator[Finding]:
        labels = _has_label_hint(text)
        if not labels and _CJK.search(text) is None:
            return
        tagger = self._model()
        for offset, segment in _segments(text, every_line=labels):
            remember = len(segment) <= _CACHED_LENGTH
            for span in _remembered(tagger, segment) if remember else _scored(tagger, segment):
                yield Finding(
                    entity_type=span.entity_type,
                    start=offset + span.start,
                    end=offset + span.end,
                    score=span.score,
                    recognizer=self.name,
                    sensitive=self._sensitive[span.entity_type],
                    evidence=Evidence(pattern=span.source),
                )

    def _model(self) -> CrfTagger | None:
        """The shared tagger, looked up on the first text, not at construction (keeps imports light)."""
        if not self._resolved:
            from yinsi.ner.tagger import load_tagger, tagger_available

            self._tagger = load_tagger() if tagger_available() else None
            self._resolved = True
        return self._tagger


def _scored(tagger: CrfTagger | None, segment: str) -> tuple[Scored, ...]:
    """Scored spans in one segment: the tagger's spans (when the model is there) merged with the rules.

    A pure function of the segment (the tagger is loaded once and never changes), so `_remembered`
    may answer repeats from memory; `clear_cache()` forgets them.
    """
    from yinsi.ner.combine import combine

    return tuple(combine(segment, _tag(tagger, segment) if tagger is not None else []))


_remembered = lru_cache(maxsize=_CACHED_SEGMENTS)(_scored)


def clear_cache() -> None:
    """Forget the remembered segment results (benchmarks call this so every text is tagged once)."""
    _remembered.cache_clear()


def _tag(tagger: CrfTagger, segment: str) -> list[tuple[int, int, str]]:
    """Tagger spans in `segment`, tagging only the Chinese runs and a margin of context around them.

    JSON and log lines are mostly ASCII; the CRF's cost is per character, so keys, numbers and hashes
    far from any Chinese character are not tagged. The margins keep labels ("userName": ) and address
    numbers between Chinese runs (西宁路749号周花园) inside one window.
    """
    spans: list[tuple[int, int, str]] = []
    for window in _WINDOW.finditer(segment):
        start = max(0, window.start() - _MARGIN_BEFORE)
        spans.extend(_shift(tagger.spans(segment[start : window.end() + _MARGIN_AFTER]), start))
    return spans


def _shift(spans: list[tuple[int, int, str]], offset: int) -> list[tuple[int, int, str]]:
    return [(start + offset, end + offset, label) for start, end, label in spans]


def _has_label_hint(text: str) -> bool:
    return next(_LABEL_HINT.finditer(text), None) is not None


def _segments(text: str, *, every_line: bool) -> Iterator[tuple[int, str]]:
    """(offset, piece) for each line worth looking at, long lines cut after sentence punctuation.

    Lines without a Chinese character are skipped unless `every_line` (the text may hold a Latin
    name after a label).
    """
    for match in _LINES.finditer(text):
        line, offset = match.group(), match.start()
        if not every_line and _CJK.search(line) is None:
            continue
        if len(line) <= _MAX_SEGMENT:
            yield offset, line
            continue
        start = 0
        for cut in _SENTENCE_END.finditer(line):
            if cut.start() - start >= _MAX_SEGMENT // 2:
                yield offset + start, line[start : cut.start()]
                start = cut.start()
        while len(line) - start > _MAX_SEGMENT:  # no punctuation: hard cut
            yield offset + start, line[start : start + _MAX_SEGMENT]
            start += _MAX_SEGMENT
        if start < len(line):
            yield offset + start, line[start:]
