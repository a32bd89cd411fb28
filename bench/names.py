"""Names, addresses and organisations: yinsi beside jieba.posseg on public dev splits and business text.

    python bench/names.py --data ../shared/data/ner --records 2000

Prints P/R/F1 per type, exact span and lenient (any overlap with the same type), for yinsi's
NamedEntityRecognizer (through `analyze()`) and jieba.posseg (nr = person, ns = place, nt = organisation;
touching ns words are joined into one place span) on:
- MSRA dev (news; PER, LOC, ORG; LOC compared with yinsi's LOCATION or ADDRESS),
- Weibo dev (PER with sub=NAM only),
- Resume dev (PER, ORG),
- CLUENER dev (PER and its "address" LOC, compared with LOCATION or ADDRESS),
- the business corpus of bench/corpus.py (PERSON, ADDRESS whole spans, ORGANIZATION).
Then the speed of `analyze()` with every recognizer on (names and addresses included) and of jieba.
Data folders that are absent are skipped. Needs the `bench` and `ner` extras.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

Span = tuple[int, int, str]
Tagger = Callable[[str], set[Span]]

# Corpus labels -> the types scored here.
_DEV_LABELS: dict[str, dict[str, str]] = {
    "msra": {"PER": "PER", "LOC": "LOC", "ORG": "ORG"},
    "weibo": {"PER": "PER"},
    "resume": {"PER": "PER", "ORG": "ORG"},
    "cluener": {"PER": "PER", "LOC": "LOC"},
}
_YINSI_NEWS = {"PERSON": "PER", "LOCATION": "LOC", "ADDRESS": "LOC", "ORGANIZATION": "ORG"}
_YINSI_BUSINESS = {"PERSON": "PERSON", "ADDRESS": "ADDRESS", "ORGANIZATION": "ORGANIZATION"}
_NAME_ENTITIES = ("PERSON", "ADDRESS", "LOCATION", "ORGANIZATION")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    exact: dict[str, Counts] = field(default_factory=dict)
    lenient: dict[str, Counts] = field(default_factory=dict)

    def add(self, gold: set[Span], predicted: set[Span], types: Iterable[str]) -> None:
        for kind in types:
            g = {s for s in gold if s[2] == kind}
            p = {s for s in predicted if s[2] == kind}
            exact = self.exact.setdefault(kind, Counts())
            exact.tp += len(g & p)
            exact.fp += len(p - g)
            exact.fn += len(g - p)
            lenient = self.lenient.setdefault(kind, Counts())
            lenient.tp += sum(1 for s in g if any(_overlap(s, o) for o in p))
            lenient.fn += sum(1 for s in g if not any(_overlap(s, o) for o in p))
            lenient.fp += sum(1 for s in p if not any(_overlap(s, o) for o in g))


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ----- systems -----------------------------------------------------------------------------------------
def yinsi_tagger(mapping: dict[str, str]) -> Tagger:
    from yinsi import analyze

    def tag(text: str) -> set[Span]:
        return {
            (f.start, f.end, mapping[f.entity_type])
            for f in analyze(text, entities=_NAME_ENTITIES)
            if f.entity_type in mapping
        }

    return tag


def jieba_tagger(mapping: dict[str, str]) -> Tagger:
    import jieba
    import jieba.posseg as posseg

    jieba.setLogLevel(60)
    flags = {"nr": "PER", "ns": "LOC", "nt": "ORG"}

    def tag(text: str) -> set[Span]:
        spans: list[list[object]] = []
        position = 0
        for word, flag in posseg.cut(text):
            kind = flags.get(flag)
            if kind is not None:
                if kind == "LOC" and spans and spans[-1][2] == "LOC" and spans[-1][1] == position:
                    spans[-1][1] = position + len(word)
                else:
                    spans.append([position, position + len(word), kind])
            position += len(word)
        return {(int(s[0]), int(s[1]), mapping[str(s[2])]) for s in spans if str(s[2]) in mapping}  # type: ignore[call-overload]

    return tag


# ----- data --------------------------------------------------------------------------------------------
def dev_split(data: Path, name: str) -> list[tuple[str, set[Span]]]:
    mapping = _DEV_LABELS[name]
    rows = []
    with (data / name / "dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold = {
                (s["start"], s["end"], mapping[s["label"]])
                for s in record["spans"]
                if s["label"] in mapping and s.get("sub", "NAM") == "NAM"
            }
            rows.append((record["text"], gold))
    return rows


def business(seed: int, records: int) -> tuple[str, list[tuple[str, set[Span]]]]:
    try:
        from corpus import load_or_generate
    except ImportError:  # pragma: no cover - corpus module absent
        return "synthetic", _synthetic(seed, records)
    from yinsi.ner.rules import strip_title

    rows = []
    for record in load_or_generate(seed, records):
        # The corpus labels 何先生 whole; issue 3 defines the PERSON span as the name without its title.
        gold = {
            (label.start, strip_title(record.text, label.start, label.end), label.label)
            if label.label == "PERSON"
            else (label.start, label.end, label.label)
            for label in record.labels
            if label.label in _YINSI_BUSINESS
        }
        rows.append((record.text, gold))
    return f"bench/corpus.py seed {seed}", rows


def _synthetic(seed: int, records: int) -> list[tuple[str, set[Span]]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from ner_synth import Synth

    names = {"PER": "PERSON", "ADR": "ADDRESS", "ORG": "ORGANIZATION"}
    synth = Synth(seed + 1000)
    rows = []
    for _ in range(records):
        text, spans = synth.sample()
        rows.append((text, {(s, e, names[label]) for s, e, label in spans if label in names}))
    return rows


# ----- report ------------------------------------------------------------------------------------------
def evaluate(rows: list[tuple[str, set[Span]]], tagger: Tagger, types: tuple[str, ...]) -> Score:
    score = Score()
    for text, gold in rows:
        score.add(gold, tagger(text), types)
    return score


def speed(texts: list[str], run: Callable[[str], object], budget: float = 20.0) -> tuple[float, float]:
    """(chars, MB of UTF-8) per CPU-second over `texts`, stopping after `budget` CPU seconds.

    CPU time of this process (`time.process_time`), so other jobs on a shared machine do not count.
    The recognizer's memory of repeated segments is emptied first: the accuracy pass has just read
    the same texts, and each timed text must be tagged as if seen for the first time (repeats
    within the timed texts still count as repeats, as they would in a log).
    """
    from yinsi.recognizers.named_entity import clear_cache

    clear_cache()
    chars = size = 0
    started = time.process_time()
    for text in texts:
        run(text)
        chars += len(text)
        size += len(text.encode("utf-8"))
        if time.process_time() - started > budget:
            break
    elapsed = time.process_time() - started
    return chars / elapsed, size / elapsed / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"
    )
    parser.add_argument("--records", type=int, default=2000, help="business-corpus records")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)

    started = datetime.datetime.now(datetime.UTC)
    print(f"{started:%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print()
    print("| data | system | type | exact P | exact R | exact F1 | lenient F1 |")
    print("|---|---|---|---|---|---|---|")
    for name, types in (
        ("msra", ("PER", "LOC", "ORG")),
        ("weibo", ("PER",)),
        ("resume", ("PER", "ORG")),
        ("cluener", ("PER", "LOC")),
    ):
        if not (args.data / name / "dev.jsonl").is_file():
            print(f"| {name} dev | (absent: {args.data / name}) | | | | | |")
            continue
        rows = dev_split(args.data, name)
        for system, tagger in (
            ("yinsi", yinsi_tagger(_YINSI_NEWS)),
            ("jieba", jieba_tagger({"PER": "PER", "LOC": "LOC", "ORG": "ORG"})),
        ):
            _print(f"{name} dev", system, evaluate(rows, tagger, types), types)
    label, rows = business(args.seed, args.records)
    types = ("PERSON", "ADDRESS", "ORGANIZATION")
    for system, tagger in (
        ("yinsi", yinsi_tagger(_YINSI_BUSINESS)),
        ("jieba", jieba_tagger({"PER": "PERSON", "LOC": "ADDRESS", "ORG": "ORGANIZATION"})),
    ):
        _print(f"business ({label}, {len(rows)} records)", system, evaluate(rows, tagger, types), types)

    from yinsi import analyze

    texts = [text for text, _ in rows]
    print()
    print("| speed (CPU time, one core) | text | chars/s | MB/s |")
    print("|---|---|---|---|")
    analyze(texts[0])  # load the model outside the timed loop
    for text_label, sample in (("business", texts), ("MSRA dev", _msra_texts(args.data))):
        if not sample:
            continue
        chars, mb = speed(sample, analyze)
        print(f"| yinsi analyze(), all entities | {text_label} | {chars:,.0f} | {mb:.2f} |")
        chars, mb = speed(sample, partial(analyze, entities=_NAME_ENTITIES))
        print(f"| yinsi analyze(), names and addresses only | {text_label} | {chars:,.0f} | {mb:.2f} |")
        structured = tuple(e for e in _structured_entities() if e not in _NAME_ENTITIES)
        chars, mb = speed(sample, partial(analyze, entities=structured))
        print(f"| yinsi analyze(), structured only | {text_label} | {chars:,.0f} | {mb:.2f} |")
        jieba = jieba_tagger({"PER": "PER", "LOC": "LOC", "ORG": "ORG"})
        chars, mb = speed(sample, jieba)
        print(f"| jieba.posseg | {text_label} | {chars:,.0f} | {mb:.2f} |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


def _msra_texts(data: Path) -> list[str]:
    path = data / "msra" / "dev.jsonl"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


def _structured_entities() -> list[str]:
    from yinsi.recognizers.registry import create_all

    return sorted({e for r in create_all() for e in r.entity_types})


def _print(data: str, system: str, score: Score, types: tuple[str, ...]) -> None:
    for kind in types:
        p, r, f = score.exact.get(kind, Counts()).prf()
        lf = score.lenient.get(kind, Counts()).prf()[2]
        print(f"| {data} | {system} | {kind} | {p:.3f} | {r:.3f} | {f:.3f} | {lf:.3f} |", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
