"""Precision, recall and F1 of yinsi's structured recognizers on the labelled benchmark corpus.

    python bench/accuracy.py                      # seed 7, 20 000 records, threshold 0.5
    python bench/accuracy.py --errors 5           # plus 5 false positives/negatives per type
    python bench/accuracy.py --json > acc.json
    python bench/accuracy.py --holdout            # same record kinds, disjoint wording

Scoring rules (what counts, stated once so that the numbers can be checked):

* Scored types are the canonical structured types: everything except PERSON, ADDRESS, ORGANIZATION
  and LOCATION, which belong to the names benchmark. Gold labels and predictions of those four are
  ignored, and `analyze()` is asked only for the structured types it supports (with `--with-names`
  every recognizer runs, as in a default `yinsi scan`, so name findings can win overlaps).
* A prediction counts when its score is at least `--threshold` (default 0.5, the default
  `--min-score` of `yinsi scan`). `analyze()` itself runs with threshold 0 once; the sweep table
  re-scores the same predictions at other thresholds.
* exact: a prediction is a true positive when a gold label of the same type has the same start and
  end. lenient: when it overlaps a gold label of the same type; matching is one-to-one (each gold
  label and each prediction is used at most once, largest overlap first).
* A prediction of a type that has gold labels in the corpus and matches none of them is a false
  positive. A prediction of a type that has *no* gold labels anywhere in the corpus is a false
  positive only when it overlaps a hard negative or covers plain text (a non-space character outside
  every gold label); lying entirely inside gold labels of other types it is listed as "unscored" and
  counted nowhere (the corpus cannot say whether it is right).
* A gold label no prediction matches is a false negative. Micro averages add up TP/FP/FN over the
  scored types.
* "hard negatives hit" counts hard-negative spans that any kept prediction overlaps, by kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as corpus_module
import yinsi
from corpus import NAME_TYPES, Record

DEFAULT_THRESHOLD = 0.5
SWEEP = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True, slots=True)
class Prediction:
    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Error:
    """One false positive or false negative (lenient), kept for the error listing."""

    kind: str  # "FP", "FN", or "SPAN" (found, but the span differs from the gold one)
    entity_type: str
    record: int
    start: int
    end: int
    detail: str  # form of the gold label, or the hard-negative kind / "plain text" for FPs


@dataclass(slots=True)
class Result:
    exact: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    lenient: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    gold: Counter[str] = field(default_factory=Counter)
    form_total: Counter[tuple[str, str]] = field(default_factory=Counter)
    form_found: Counter[tuple[str, str]] = field(default_factory=Counter)
    negatives_total: Counter[str] = field(default_factory=Counter)
    negatives_hit: Counter[str] = field(default_factory=Counter)
    unscored: Counter[str] = field(default_factory=Counter)
    errors: list[Error] = field(default_factory=list)

    def micro(self, table: dict[str, Counts]) -> Counts:
        total = Counts()
        for counts in table.values():
            total.add(counts)
        return total


def structured_entities(analyzer: yinsi.Analyzer) -> list[str]:
    return [name for name in analyzer.supported_entities() if name not in NAME_TYPES]


def predict(records: Sequence[Record], entities: list[str] | None) -> tuple[list[list[Prediction]], float]:
    """All predictions (threshold 0) per record, and the seconds `analyze()` took."""
    out: list[list[Prediction]] = []
    started = time.perf_counter()
    for record in records:
        findings = yinsi.analyze(record.text, entities=entities)
        out.append([Prediction(f.entity_type, f.start, f.end, f.score, f.recognizer) for f in findings])
    return out, time.perf_counter() - started


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score(
    records: Sequence[Record],
    predictions: Sequence[Sequence[Prediction]],
    threshold: float,
    *,
    keep_errors: bool = False,
) -> Result:
    result = Result()
    labelled_types = {
        label.label for record in records for label in record.labels if label.label not in NAME_TYPES
    }
    for record, found in zip(records, predictions, strict=True):
        gold = [label for label in record.labels if label.label not in NAME_TYPES]
        kept = [p for p in found if p.score >= threshold and p.entity_type not in NAME_TYPES]
        for label in gold:
            result.gold[label.label] += 1
            result.form_total[(label.label, label.form)] += 1
        # exact
        gold_keys = {(label.label, label.start, label.end) for label in gold}
        scored = [p for p in kept if p.entity_type in labelled_types]
        pred_keys = {(p.entity_type, p.start, p.end) for p in scored}
        for key in pred_keys & gold_keys:
            result.exact[key[0]].tp += 1
        for key in pred_keys - gold_keys:
            result.exact[key[0]].fp += 1
        for key in gold_keys - pred_keys:
            result.exact[key[0]].fn += 1
        # lenient, one-to-one by largest overlap
        pairs = sorted(
            (
                (_overlap(p.start, p.end, g.start, g.end), pi, gi)
                for pi, p in enumerate(scored)
                for gi, g in enumerate(gold)
                if p.entity_type == g.label and _overlap(p.start, p.end, g.start, g.end)
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, pi, gi in pairs:
            if pi in used_p or gi in used_g:
                continue
            used_p.add(pi)
            used_g.add(gi)
            result.lenient[gold[gi].label].tp += 1
            result.form_found[(gold[gi].label, gold[gi].form)] += 1
            p, g = scored[pi], gold[gi]
            if keep_errors and (p.start, p.end) != (g.start, g.end):
                result.errors.append(Error("SPAN", g.label, record.id, g.start, g.end, g.form))
        for gi, label in enumerate(gold):
            if gi not in used_g:
                result.lenient[label.label].fn += 1
                if keep_errors:
                    result.errors.append(
                        Error("FN", label.label, record.id, label.start, label.end, label.form)
                    )
        for pi, p in enumerate(scored):
            if pi not in used_p:
                result.lenient[p.entity_type].fp += 1
                if keep_errors:
                    result.errors.append(
                        Error("FP", p.entity_type, record.id, p.start, p.end, _what_is_there(record, p))
                    )
        # predictions of types the corpus never labels
        for p in kept:
            if p.entity_type in labelled_types:
                continue
            if _hits_negative(record, p) or _covers_plain_text(record, p):
                result.exact[p.entity_type].fp += 1
                result.lenient[p.entity_type].fp += 1
                if keep_errors:
                    result.errors.append(
                        Error("FP", p.entity_type, record.id, p.start, p.end, _what_is_there(record, p))
                    )
            else:
                result.unscored[p.entity_type] += 1
        for negative in record.negatives:
            result.negatives_total[negative.label] += 1
            if any(_overlap(p.start, p.end, negative.start, negative.end) for p in kept):
                result.negatives_hit[negative.label] += 1
    return result


def _hits_negative(record: Record, p: Prediction) -> bool:
    return any(_overlap(p.start, p.end, n.start, n.end) for n in record.negatives)


def _covers_plain_text(record: Record, p: Prediction) -> bool:
    covered = [False] * (p.end - p.start)
    for label in record.labels:
        for index in range(max(label.start, p.start), min(label.end, p.end)):
            covered[index - p.start] = True
    return any(not covered[i] and not record.text[p.start + i].isspace() for i in range(len(covered)))


def _what_is_there(record: Record, p: Prediction) -> str:
    for negative in record.negatives:
        if _overlap(p.start, p.end, negative.start, negative.end):
            return f"negative {negative.label}"
    for label in record.labels:
        if _overlap(p.start, p.end, label.start, label.end):
            return f"gold {label.label}" + (
                "" if (label.start, label.end) == (p.start, p.end) else " (other span)"
            )
    return "plain text"


# -- reporting ---------------------------------------------------------------------------------------


def format_table(result: Result) -> str:
    types = sorted(set(result.gold) | set(result.exact) | set(result.lenient))
    head = (
        f"{'entity type':<20}{'gold':>7} │{'exact P':>9}{'R':>8}{'F1':>8} │"
        f"{'lenient P':>11}{'R':>8}{'F1':>8} │{'FP':>6}{'FN':>6}"
    )
    rule = "─" * len(head)
    lines = [head, rule]

    def row(name: str, gold: int, exact: Counts, lenient: Counts) -> str:
        return (
            f"{name:<20}{gold:>7} │{exact.precision:>9.4f}{exact.recall:>8.4f}{exact.f1:>8.4f} │"
            f"{lenient.precision:>11.4f}{lenient.recall:>8.4f}{lenient.f1:>8.4f} │"
            f"{lenient.fp:>6}{lenient.fn:>6}"
        )

    for name in types:
        lines.append(row(name, result.gold[name], result.exact[name], result.lenient[name]))
    lines.append(rule)
    lines.append(
        row(
            "micro average",
            sum(result.gold.values()),
            result.micro(result.exact),
            result.micro(result.lenient),
        )
    )
    return "\n".join(lines)


def format_markdown(result: Result) -> str:
    """The per-type table as Markdown, for docs/benchmarks.md."""
    types = sorted(set(result.gold) | set(result.exact) | set(result.lenient))
    lines = [
        "| entity type | gold | exact P | exact R | exact F1 | lenient P | lenient R | lenient F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def row(name: str, gold: int, exact: Counts, lenient: Counts) -> str:
        cells = (exact.precision, exact.recall, exact.f1, lenient.precision, lenient.recall, lenient.f1)
        return f"| {name} | {gold} | " + " | ".join(f"{cell:.4f}" for cell in cells) + " |"

    for name in types:
        lines.append(row(name, result.gold[name], result.exact[name], result.lenient[name]))
    total = sum(result.gold.values())
    lines.append(row("**micro average**", total, result.micro(result.exact), result.micro(result.lenient)))
    return "\n".join(lines)


def format_forms(result: Result) -> str:
    """Lenient recall by surface form, only the forms that lose something (all forms with --forms)."""
    lines = []
    for (name, form), total in sorted(result.form_total.items()):
        found = result.form_found[(name, form)]
        if found < total:
            lines.append(f"  {name:<20}{form:<18}{found:>7}/{total:<7} recall {found / total:.4f}")
    return "\n".join(lines) if lines else "  every surface form fully recalled"


def format_negatives(result: Result) -> str:
    hit = [(kind, result.negatives_hit[kind], total) for kind, total in result.negatives_total.most_common()]
    total_hit = sum(count for _, count, _ in hit)
    total = sum(result.negatives_total.values())
    lines = [f"  {total_hit} of {total} hard-negative spans overlapped by a prediction"]
    lines += [f"  {kind:<30}{count:>6}/{all_:<7}" for kind, count, all_ in hit if count]
    return "\n".join(lines)


def format_sweep(records: Sequence[Record], predictions: Sequence[Sequence[Prediction]]) -> str:
    lines = [f"  {'threshold':>9}  {'exact P':>8}{'R':>8}{'F1':>8}  {'lenient P':>10}{'R':>8}{'F1':>8}"]
    for threshold in SWEEP:
        result = score(records, predictions, threshold)
        exact, lenient = result.micro(result.exact), result.micro(result.lenient)
        lines.append(
            f"  {threshold:>9.2f}  {exact.precision:>8.4f}{exact.recall:>8.4f}{exact.f1:>8.4f}"
            f"  {lenient.precision:>10.4f}{lenient.recall:>8.4f}{lenient.f1:>8.4f}"
        )
    return "\n".join(lines)


def format_errors(
    result: Result, records: Sequence[Record], predictions: Sequence[Sequence[Prediction]], per_type: int
) -> str:
    """Up to `per_type` FPs, FNs and span mismatches per type, worst F1 first, spread over causes.

    The value shown in 【】 is the gold span for FN and SPAN errors and the predicted one for FP.
    """
    by_id = {record.id: (record, found) for record, found in zip(records, predictions, strict=True)}
    grouped: dict[tuple[str, str], list[Error]] = defaultdict(list)
    for error in result.errors:
        grouped[(error.entity_type, error.kind)].append(error)
    order = sorted(
        {error.entity_type for error in result.errors},
        key=lambda name: (result.lenient[name].f1, result.exact[name].f1),
    )
    lines = []
    for name in order:
        for kind in ("FN", "FP", "SPAN"):
            errors = grouped.get((name, kind), [])
            if not errors:
                continue
            lines.append(f"{name} {kind} ({len(errors)}):")
            for error in _spread(errors, per_type):
                record, found = by_id[error.record]
                lines.append("  " + _describe(error, record, found))
    return "\n".join(lines) if lines else "no errors"


def _spread(errors: list[Error], limit: int) -> list[Error]:
    """Pick errors round-robin over their `detail` so one frequent cause does not hide the others."""
    buckets: dict[str, list[Error]] = defaultdict(list)
    for error in errors:
        buckets[error.detail].append(error)
    picked: list[Error] = []
    queues = sorted(buckets.values(), key=len, reverse=True)
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return picked


def _describe(error: Error, record: Record, found: Iterable[Prediction]) -> str:
    text = record.text
    value = text[error.start : error.end]
    before = text[max(0, error.start - 18) : error.start].replace("\n", "⏎")
    after = text[error.end : error.end + 12].replace("\n", "⏎")
    note = error.detail
    overlapping = [p for p in found if _overlap(p.start, p.end, error.start, error.end)]
    if overlapping:
        note += "; predicted " + ", ".join(
            f"{p.entity_type}[{text[p.start : p.end]!r}] {p.score:.2f}" for p in overlapping
        )
    return f"#{record.id} {record.kind:<10} …{before}【{value}】{after}…  ({note})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus written by bench/corpus.py")
    parser.add_argument("--holdout", action="store_true", help="the corpus with held-out wording")
    parser.add_argument(
        "--with-names",
        action="store_true",
        help="run every recognizer (as `yinsi scan` does by default), still scoring structured types only",
    )
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors per type and kind")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--markdown", action="store_true", help="print the per-type table as Markdown")
    args = parser.parse_args(argv)

    records = (
        corpus_module.read_jsonl(args.corpus)
        if args.corpus
        else corpus_module.load_or_generate(args.seed, args.records, args.holdout)
    )
    entities = None if args.with_names else structured_entities(yinsi.default_analyzer())
    predictions, seconds = predict(records, entities)
    result = score(records, predictions, args.threshold, keep_errors=args.errors > 0)
    size = sum(len(record.text.encode("utf-8")) for record in records)

    if args.json:
        print(
            json.dumps(
                {
                    "corpus": {
                        "records": len(records),
                        "bytes": size,
                        "seed": None if args.corpus else args.seed,
                    },
                    "version": yinsi.__version__,
                    "threshold": args.threshold,
                    "seconds": round(seconds, 3),
                    "types": {
                        name: {
                            "gold": result.gold[name],
                            "exact": result.exact[name].as_dict(),
                            "lenient": result.lenient[name].as_dict(),
                        }
                        for name in sorted(set(result.gold) | set(result.lenient))
                    },
                    "micro": {
                        "exact": result.micro(result.exact).as_dict(),
                        "lenient": result.micro(result.lenient).as_dict(),
                    },
                    "forms": {
                        f"{name}/{form}": [result.form_found[(name, form)], total]
                        for (name, form), total in sorted(result.form_total.items())
                    },
                    "negatives": {
                        kind: [result.negatives_hit[kind], total]
                        for kind, total in result.negatives_total.items()
                    },
                    "unscored": dict(result.unscored),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0

    if args.markdown:
        print(format_markdown(result))
        return 0
    source = args.corpus or f"seed {args.seed}, {args.records} records" + (
        ", held-out wording" if args.holdout else ""
    )
    print(
        f"yinsi {yinsi.__version__} on {source} ({size / 1e6:.2f} MB), threshold {args.threshold}, "
        f"analyze() {seconds:.1f} s\n"
    )
    print(format_table(result))
    print("\nrecall by surface form (lenient), forms below 1.0:")
    print(format_forms(result))
    print("\nhard negatives:")
    print(format_negatives(result))
    if result.unscored:
        print(
            "\nunscored predictions (types without gold labels, inside other gold spans):",
            dict(result.unscored),
        )
    print("\nmicro averages by threshold:")
    print(format_sweep(records, predictions))
    if args.errors:
        print("\nerrors (lenient), worst types first:")
        print(format_errors(result, records, predictions, args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
