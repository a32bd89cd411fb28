"""Column classification: what personal information a column holds, from its name and its values.

Values are analysed a batch at a time: one column's values joined by line breaks go through one
`Analyzer.analyze` call, and each finding is mapped back to its row by offset. One call per batch
instead of one per cell saves the per-call overhead (normalisation, prefilters, overlap resolution),
which dominates for short cells (bench/tables.py measures both).

Patterns that need a context word to fire (QQ numbers, postcodes, WeChat IDs, labelled dates of
birth) never fire on bare cells. When the column name suggests such an entity, its values are
analysed a second time behind a label naming it (`QQ号：123456789`), with only that entity's
recognizers: the name then plays the part a label plays in running text.
"""

from __future__ import annotations

import datetime
import decimal
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from yinsi.core.entities import ENTITY_TYPES
from yinsi.pipeline import Analyzer
from yinsi.recognizers.base import Recognizer
from yinsi.tabular.hints import NameHints
from yinsi.tabular.model import ColumnEntity, ColumnInfo, ColumnReport, InventorySettings, ValueKind

# Longest value analysed, in characters: a budget so that one huge cell cannot stall a table.
MAX_VALUE_CHARS = 65_536
_LABEL_SEPARATOR = "："
# Free text: long values, most of them with spaces or sentence punctuation (notes, chat, addresses).
_FREE_TEXT_MIN_MEAN_CHARS = 20
_FREE_TEXT_MIN_SHARE = 0.3
_SENTENCE_MARKS = frozenset("，。！？；、：")
# Findings scoring this low are bare pattern matches; they count only for the entity the name suggests.
_FLOOR_SCORE = 0.3
# Confidence given by a name alone: no value could be checked / values were checked and none matched.
_NAME_ONLY_UNCHECKED = 0.5
_NAME_ONLY_CONTRADICTED = 0.35
_NAME_AGREES_BONUS = 0.15
# Share of values below which a hinted entity found in bare values is looked for again with a label.
_RELABEL_BELOW = 0.5


def gated_entities(recognizers: Sequence[Recognizer]) -> frozenset[str]:
    """Entity types some of whose patterns fire only next to a context word."""
    gated: set[str] = set()
    for recognizer in recognizers:
        patterns = getattr(recognizer, "patterns", ())
        if getattr(recognizer, "requires_context", False) or any(
            getattr(pattern, "requires_context", False) for pattern in patterns
        ):
            gated.update(recognizer.entity_types)
    return frozenset(gated)


class ColumnProfile:
    """Accumulates one column's values batch by batch; `report()` gives its ColumnReport."""

    def __init__(
        self, column: ColumnInfo, hint: str | None, classifier: ColumnClassifier
    ) -> None:
        self.column = column
        self.hint = hint
        self._classifier = classifier
        self.rows = 0
        self.nulls = 0
        self.analysed = 0
        self._chars = 0
        self._sentences = 0
        self._hits: Counter[str] = Counter()
        self._scores: dict[str, float] = {}

    def add(self, values: Sequence[object]) -> None:
        """Count and analyse one batch of this column's values (None is NULL)."""
        self.rows += len(values)
        texts: list[str] = []
        for value in values:
            text = _as_text(value)
            if text is None:
                self.nulls += value is None or value == ""
                continue
            texts.append(text)
        if not texts:
            return
        self.analysed += len(texts)
        self._chars += sum(map(len, texts))
        self._sentences += sum(1 for text in texts if _sentence_like(text))
        for entity, (rows, score_sum) in self._classifier.detect(texts, self.hint).items():
            self._hits[entity] += rows
            self._scores[entity] = self._scores.get(entity, 0.0) + score_sum

    def report(self) -> ColumnReport:
        settings = self._classifier.settings
        free_text = (
            self.analysed > 0
            and self._chars / self.analysed >= _FREE_TEXT_MIN_MEAN_CHARS
            and self._sentences / self.analysed >= _FREE_TEXT_MIN_SHARE
        )
        entities: list[ColumnEntity] = []
        for entity, hits in self._hits.items():
            ratio = hits / self.analysed
            mean = self._scores[entity] / hits
            agrees = entity == self.hint
            if free_text:
                # Any validated value in a note or a chat is personal information in that column.
                confidence = mean
            else:
                if ratio < settings.min_hit_ratio and not agrees:
                    confidence = mean * ratio / settings.min_hit_ratio * 0.5
                else:
                    confidence = mean * (0.6 + 0.4 * min(1.0, ratio / 0.8))
                if agrees:
                    confidence = min(1.0, confidence + _NAME_AGREES_BONUS)
            entities.append(ColumnEntity(entity, round(ratio, 4), round(confidence, 3),
                                         "name+values" if agrees else "values"))
        if self.hint is not None and self.hint not in self._hits:
            unchecked = (self.analysed == 0 and self.rows > self.nulls) or self.column.kind in (
                ValueKind.TEMPORAL, ValueKind.NUMBER
            )
            confidence = _NAME_ONLY_UNCHECKED if unchecked else _NAME_ONLY_CONTRADICTED
            if self.rows > 0 and self.rows == self.nulls:
                confidence = _NAME_ONLY_UNCHECKED  # nothing to contradict the name
            entities.append(ColumnEntity(self.hint, None, confidence, "name"))
        entities.sort(key=lambda item: (-item.confidence, item.entity_type))
        return ColumnReport(
            name=self.column.name,
            type_name=self.column.type_name,
            values_sampled=self.rows,
            null_ratio=round(self.nulls / self.rows, 4) if self.rows else 0.0,
            entities=tuple(entities),
            free_text=free_text,
            name_hint=self.hint,
        )


class ColumnClassifier:
    """Detects entities in batches of column values with one analyzer and one set of name hints."""

    def __init__(self, analyzer: Analyzer, hints: NameHints, settings: InventorySettings) -> None:
        self.analyzer = analyzer
        self.hints = hints
        self.settings = settings
        self._recognizers = analyzer.select(None, "zh")
        self._gated = gated_entities(self._recognizers)
        self._by_entity: dict[str, tuple[Recognizer, ...]] = {}

    def profile(self, column: ColumnInfo) -> ColumnProfile:
        return ColumnProfile(column, self.hints.entity_for(column.name), self)

    def detect(self, texts: Sequence[str], hint: str | None) -> dict[str, tuple[int, float]]:
        """entity type → (values holding it, sum over those values of their best score)."""
        best: dict[str, dict[int, float]] = {}
        self._collect(texts, None, self._recognizers, hint, best)
        # Labelled again when the name suggests an entity the bare values do not clearly show.
        unclear = len(best.get(hint, ())) < _RELABEL_BELOW * len(texts) if hint is not None else False
        if hint is not None and (hint in self._gated or unclear):
            self._collect(texts, _label(hint), self._recognizers_for(hint), hint, best)
        return {entity: (len(rows), sum(rows.values())) for entity, rows in best.items()}

    def _collect(
        self, texts: Sequence[str], label: str | None, recognizers: Sequence[Recognizer],
        hint: str | None, best: dict[str, dict[int, float]],
    ) -> None:
        prefix = label + _LABEL_SEPARATOR if label else ""
        starts: list[int] = []
        parts: list[str] = []
        offset = len(prefix)
        for text in texts:
            starts.append(offset)
            parts.append(text)
            offset += len(text) + 1 + len(prefix)
        joined = prefix + ("\n" + prefix).join(parts)
        min_score = self.settings.min_score
        for finding in self.analyzer.analyze(joined, recognizers=recognizers, score_threshold=_FLOOR_SCORE):
            entity = finding.entity_type
            if finding.score < min_score and entity != hint:
                continue
            row = bisect_right(starts, finding.start) - 1
            if row < 0 or finding.end > starts[row] + len(parts[row]):
                continue  # inside a label
            rows = best.setdefault(entity, {})
            if finding.score > rows.get(row, 0.0):
                rows[row] = finding.score

    def _recognizers_for(self, entity: str) -> tuple[Recognizer, ...]:
        found = self._by_entity.get(entity)
        if found is None:
            found = self._by_entity[entity] = tuple(
                recognizer for recognizer in self._recognizers if entity in recognizer.entity_types
            )
        return found


def _sentence_like(text: str) -> bool:
    """Prose rather than a code or a timestamp: Chinese punctuation, or at least three words."""
    return len(text) >= 8 and (text.count(" ") >= 2 or not _SENTENCE_MARKS.isdisjoint(text))


def _label(entity: str) -> str:
    """The Chinese name of an entity type, used as the label of a value (`QQ号`, `邮编`)."""
    return ENTITY_TYPES[entity].chinese


def _as_text(value: object) -> str | None:
    """The text to analyse for a cell, or None for NULL, empty, binary and non-textual values.

    Line breaks become spaces (same length, so offsets still match) because the batch is joined with
    them. Dates, times, floats and booleans hold no pattern-detectable personal information on their
    own; a birth-date or coordinate column is known from its name.
    """
    if value is None or isinstance(value, bool | float | decimal.Decimal | bytes | bytearray | memoryview):
        return None
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return None
    text = value if isinstance(value, str) else str(value)
    if not text or text.isspace():
        return None
    if len(text) > MAX_VALUE_CHARS:
        text = text[:MAX_VALUE_CHARS]
    if "\n" in text or "\r" in text:
        text = text.replace("\r", " ").replace("\n", " ")
    return text
