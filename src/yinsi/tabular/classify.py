"""Column classification: what personal information a column holds, from its name and its values.

Values are analysed a batch at a time: one column's values joined by line breaks go through one
`Analyzer.analyze` call, and each finding is mapped back to its row by offset. One call per batch
instead of one per cell saves the per-call overhead (normalisation, prefilters, overlap resolution),
which dominates for short cells (bench/tables.py measures both).

Patterns that need a context word to fire (QQ numbers, postcodes, WeChat IDs, labelled dates of
birth) never fire on bare cells. When the column name suggests such an entity, its values are
analysed a second time behind a label naming it (`QQ号：123456789`), with only that entity's
recognizers: the name then plays the part a label plays in running text.

Two shortcuts keep full scans fast without changing what is counted. Each distinct value of a column
is analysed once (a bounded per-column cache: order tables repeat a customer's phone and address in
every row). And once a column has shown a validated identifier in most of its values, a value that
matches that recognizer's own pattern whole and passes its own validator is counted without the
full analysis; any other value still goes through every recognizer.
"""

from __future__ import annotations

import datetime
import decimal
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from yinsi.core.entities import ENTITY_TYPES
from yinsi.pipeline import Analyzer
from yinsi.recognizers.base import PatternRecognizer, Recognizer
from yinsi.tabular.hints import NameHints
from yinsi.tabular.model import ColumnEntity, ColumnInfo, ColumnReport, InventorySettings, ValueKind

# Longest value analysed, in characters: a budget so that one huge cell cannot stall a table.
MAX_VALUE_CHARS = 65_536
_LABEL_SEPARATOR = "："
# Free text: values of some length, many with several spaces or Chinese punctuation (notes, chat).
_FREE_TEXT_MIN_MEAN_CHARS = 10  # Chinese sentences are short in characters
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
# Values per column whose length and punctuation decide whether it is free text.
_SHAPE_VALUES = 20_000
# Distinct values remembered per column (value → what was found in it).
_CACHE_VALUES = 100_000
# Share of analysed values an identifier must hold before the validator shortcut is taken.
_SHORTCUT_SHARE = 0.8
_SHORTCUT_MIN_VALUES = 200

# What was found in one value: (entity type, best score) pairs.
Found = tuple[tuple[str, float], ...]


class ColumnProfile:
    """Accumulates one column's values batch by batch; `report()` gives its ColumnReport."""

    def __init__(
        self, column: ColumnInfo, hint: str | None, classifier: ColumnClassifier, *, models: bool = True
    ) -> None:
        self.column = column
        self.hint = hint
        self._classifier = classifier
        self._models = models
        self._cache: dict[str, Found] = {}
        self._shortcut: _Shortcut | None = None
        self._shortcut_checked = 0
        self.rows = 0
        self.nulls = 0
        self.analysed = 0
        self._shaped = 0
        self._chars = 0
        self._sentences = 0
        self._hits: Counter[str] = Counter()
        self._scores: dict[str, float] = {}

    def add(self, values: Sequence[object]) -> None:
        """Count and analyse one batch of this column's values (None is NULL)."""
        self.rows += len(values)
        texts, nulls = _texts(values)
        self.nulls += nulls
        if not texts:
            return
        if self.analysed < _SHAPE_VALUES:
            shaped = texts[: _SHAPE_VALUES - self.analysed]
            self._shaped += len(shaped)
            self._chars += sum(map(len, shaped))
            self._sentences += sum(1 for text in shaped if _sentence_like(text))
        self.analysed += len(texts)
        cache = self._cache
        lookup = cache.get
        shortcut = self._shortcut_for_next()
        accepts = shortcut.accepts if shortcut is not None else None
        results: list[Found | None] = []
        pending: dict[str, None] = {}
        for text in texts:
            known = lookup(text)
            if known is None:
                if accepts is not None and accepts(text):
                    known = shortcut.found  # type: ignore[union-attr]
                else:
                    pending[text] = None
            results.append(known)
        if pending:
            fresh = dict(zip(
                pending, self._classifier.detect_each(list(pending), self.hint, models=self._models),
                strict=True,
            ))
            for text, found in fresh.items():
                if len(cache) >= _CACHE_VALUES:
                    break
                cache[text] = found
            results = [
                fresh[text] if known is None else known for known, text in zip(results, texts, strict=True)
            ]
        hits, scores = self._hits, self._scores
        # Most values share one of a few outcomes: count outcomes, then add them up.
        for outcome, count in Counter(results).items():
            for entity, score in outcome or ():
                hits[entity] += count
                scores[entity] = scores.get(entity, 0.0) + score * count

    def _shortcut_for_next(self) -> _Shortcut | None:
        """The validator shortcut, once enough values show one identifier (decided once)."""
        if self._shortcut is not None or self._shortcut_checked or self.analysed < _SHORTCUT_MIN_VALUES:
            return self._shortcut
        self._shortcut_checked = 1
        if not self._hits:
            return None
        entity, count = self._hits.most_common(1)[0]
        if count < _SHORTCUT_SHARE * self.analysed:
            return None
        recognizer = self._classifier.pattern_recognizer(entity)
        if recognizer is not None:
            score = round(self._scores[entity] / count, 6)
            self._shortcut = _Shortcut(recognizer, ((entity, score),))
        return self._shortcut

    def report(self) -> ColumnReport:
        settings = self._classifier.settings
        free_text = (
            self._shaped > 0
            and self._chars / self._shaped >= _FREE_TEXT_MIN_MEAN_CHARS
            and self._sentences / self._shaped >= _FREE_TEXT_MIN_SHARE
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
                    # A validated identifier in one value of ten is already a personal column.
                    confidence = mean * (0.7 + 0.3 * min(1.0, ratio / 0.5))
                if agrees:
                    confidence = min(1.0, confidence + _NAME_AGREES_BONUS)
            entities.append(ColumnEntity(entity, round(ratio, 4), round(confidence, 3),
                                         "name+values" if agrees else "values"))
        if self.hint is not None and self.hint not in self._hits:
            # No value to contradict the name (no rows, all NULL, dates, numbers): the name stands.
            unchecked = self.analysed == 0 or self.column.kind in (ValueKind.TEMPORAL, ValueKind.NUMBER)
            confidence = _NAME_ONLY_UNCHECKED if unchecked else _NAME_ONLY_CONTRADICTED
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
        self._patterns_only: tuple[Recognizer, ...] = tuple(
            recognizer for recognizer in self._recognizers if isinstance(recognizer, PatternRecognizer)
        )
        self._by_entity: dict[str, tuple[Recognizer, ...]] = {}

    def profile(self, column: ColumnInfo, *, models: bool = True) -> ColumnProfile:
        """A profile for `column`; `models=False` runs pattern recognizers only (see `has_models`)."""
        return ColumnProfile(column, self.hints.entity_for(column.name), self, models=models)

    @property
    def model_entities(self) -> frozenset[str]:
        """Entity types only model-backed recognizers report."""
        by_patterns = {entity for recognizer in self._patterns_only for entity in recognizer.entity_types}
        return frozenset(
            entity for recognizer in self._recognizers for entity in recognizer.entity_types
        ) - by_patterns

    @property
    def has_models(self) -> bool:
        """Whether some recognizer is model-backed (names and addresses), which full scans sample."""
        return len(self._patterns_only) < len(self._recognizers)

    def pattern_recognizer(self, entity: str) -> PatternRecognizer | None:
        """The one pattern recognizer reporting `entity`, if exactly one does."""
        found = [
            recognizer for recognizer in self._patterns_only
            if isinstance(recognizer, PatternRecognizer) and recognizer.entity_types == (entity,)
        ]
        if len(found) != 1 or not isinstance(found[0], PatternRecognizer):
            return None
        return found[0]

    def detect_each(self, texts: Sequence[str], hint: str | None, *, models: bool = True) -> list[Found]:
        """For each text, the entity types found in it with their best score."""
        if not texts:
            return []
        best: dict[str, dict[int, float]] = {}
        recognizers = self._recognizers if models else self._patterns_only
        self._collect(texts, None, recognizers, hint, best)
        # Labelled again when the name suggests an entity the bare values do not clearly show.
        unclear = len(best.get(hint, ())) < _RELABEL_BELOW * len(texts) if hint is not None else False
        if hint is not None and unclear:
            hinted = self._recognizers_for(hint)
            if not models:
                hinted = tuple(recognizer for recognizer in hinted if recognizer in self._patterns_only)
            if hinted:
                self._collect(texts, _label(hint), hinted, hint, best)
        found: list[list[tuple[str, float]]] = [[] for _ in texts]
        for entity, rows in best.items():
            for row, score in rows.items():
                found[row].append((entity, score))
        return [tuple(items) for items in found]

    def detect(self, texts: Sequence[str], hint: str | None) -> dict[str, tuple[int, float]]:
        """entity type → (values holding it, sum over those values of their best score)."""
        totals: dict[str, tuple[int, float]] = {}
        for found in self.detect_each(texts, hint):
            for entity, score in found:
                rows, score_sum = totals.get(entity, (0, 0.0))
                totals[entity] = (rows + 1, score_sum + score)
        return totals

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


class _Shortcut:
    """Counts a value as one identifier when the recognizer's own pattern matches it whole and its own
    validator, if it has one, passes (True, not merely "cannot check")."""

    def __init__(self, recognizer: PatternRecognizer, found: Found) -> None:
        self._recognizer = recognizer
        # A recognizer without a validator (e-mail) is trusted on its whole-value pattern alone.
        self._validates = type(recognizer).validate is not PatternRecognizer.validate
        self._regexes = tuple(
            re.compile(pattern.regex, pattern.flags) for pattern in recognizer.patterns
            if not pattern.requires_context
        )
        self.found = found

    def accepts(self, text: str) -> bool:
        for regex in self._regexes:
            match = regex.fullmatch(text)
            if match is not None and (
                "value" not in regex.groupindex or match.span("value") == (0, len(text))
            ):
                return not self._validates or self._recognizer.validate(text) is True
        return False


def _sentence_like(text: str) -> bool:
    """Prose rather than a code or a timestamp: Chinese punctuation, or at least three words."""
    return len(text) >= 8 and (text.count(" ") >= 2 or not _SENTENCE_MARKS.isdisjoint(text))


def _label(entity: str) -> str:
    """The Chinese name of an entity type, used as the label of a value (`QQ号`, `邮编`)."""
    return ENTITY_TYPES[entity].chinese


def _texts(values: Sequence[object]) -> tuple[list[str], int]:
    """The texts to analyse among `values`, and how many were NULL or blank (strings fast-pathed)."""
    texts: list[str] = []
    append = texts.append
    nulls = 0
    for value in values:
        if value.__class__ is str:
            text: str | None = value
            if not text or text.isspace():
                nulls += 1
                continue
            if len(text) > MAX_VALUE_CHARS or "\n" in text or "\r" in text:
                text = _as_text(text)
        elif value is None:
            nulls += 1
            continue
        else:
            text = _as_text(value)
        if text is not None:
            append(text)
    return texts, nulls


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
