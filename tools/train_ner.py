"""Train the character CRF behind yinsi's PERSON / ADDRESS / LOCATION / ORGANIZATION recognition.

    python tools/train_ner.py ../shared/data/ner src/yinsi/data/ner/crf.model --iterations 60

Reads the `train.jsonl` splits of MSRA, Weibo, Resume and CLUENER from DATA (JSONL, one sentence per
line: {"text", "spans": [{"start", "end", "label", "sub"?}]}) and adds synthetic business records
(tools/ner_synth.py) that label whole addresses and names in forms, waybills, logs and JSON. MSRA
training sentences that share a 10-character window with MSRA dev are dropped (the dev split was cut
from the official training file). Needs the `ner` extra (python-crfsuite).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_synth import Synth

from yinsi.ner.features import features
from yinsi.ner.tags import bio_tags

Span = tuple[int, int, str]
WINDOW = 10

# Corpus label -> tagger label (PER person, LOC place, ORG organisation, ADR whole postal address).
_LABELS: dict[str, dict[str, str]] = {
    "msra": {"PER": "PER", "LOC": "LOC", "ORG": "ORG"},
    "weibo": {"PER": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG"},
    "resume": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "cluener": {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "GOV": "ORG", "COMPANY": "ORG"},
}


def read_corpus(path: Path, name: str) -> Iterator[tuple[str, list[Span]]]:
    mapping = _LABELS[name]
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            spans = [
                (span["start"], span["end"], mapping[span["label"]])
                for span in record["spans"]
                if span["label"] in mapping and span.get("sub", "NAM") == "NAM"
            ]
            yield record["text"], spans


def dev_windows(path: Path) -> set[str]:
    windows: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            windows.update(text[i : i + WINDOW] for i in range(max(1, len(text) - WINDOW + 1)))
    return windows


def overlaps_dev(text: str, windows: set[str]) -> bool:
    return any(text[i : i + WINDOW] in windows for i in range(max(1, len(text) - WINDOW + 1)))


def given_name_chars(sentences: list[tuple[str, list[Span]]]) -> str:
    """Characters seen after the surname in labelled person names (for synthetic names)."""
    seen: dict[str, None] = {}
    for text, spans in sentences:
        for start, end, label in spans:
            if label == "PER" and 2 <= end - start <= 3:
                for char in text[start + 1 : end]:
                    seen[char] = None
    return "".join(seen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="folder with msra/ weibo/ resume/ cluener/ subfolders")
    parser.add_argument("model", type=Path, help="where to write the CRF model")
    parser.add_argument("--iterations", type=int, default=60)
    parser.add_argument("--synthetic", type=int, default=20000, help="synthetic business records")
    parser.add_argument("--msra-limit", type=int, default=0, help="use only this many MSRA sentences")
    parser.add_argument("--algorithm", default="ap", choices=("ap", "lbfgs", "l2sgd", "pa", "arow"))
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--min-freq", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--weibo-repeat", type=int, default=3,
                        help="present Weibo sentences this many times (the only chat-style corpus)")
    args = parser.parse_args(argv)

    import pycrfsuite

    windows = dev_windows(args.data / "msra" / "dev.jsonl")
    sentences: list[tuple[str, list[Span]]] = []
    counts: dict[str, int] = {}
    for name in ("msra", "weibo", "resume", "cluener"):
        kept = 0
        for text, spans in read_corpus(args.data / name / "train.jsonl", name):
            if name == "msra":
                if overlaps_dev(text, windows):
                    continue
                if args.msra_limit and kept >= args.msra_limit:
                    break
            for _ in range(args.weibo_repeat if name == "weibo" else 1):
                sentences.append((text, spans))
            kept += 1
        counts[name] = kept
    synth = Synth(args.seed, given_name_chars(sentences))
    for _ in range(args.synthetic):
        sentences.append(synth.sample())
    counts["synthetic"] = args.synthetic
    print("sentences:", counts, file=sys.stderr)

    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    started = time.perf_counter()
    for text, spans in sentences:
        trainer.append(features(text), bio_tags(len(text), spans))
    print(f"features: {time.perf_counter() - started:.0f}s", file=sys.stderr)
    params: dict[str, float | int | bool] = {
        "max_iterations": args.iterations,
        "feature.minfreq": args.min_freq,
        "feature.possible_transitions": True,
    }
    if args.algorithm == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    trainer.set_params(params)
    args.model.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    trainer.train(str(args.model))
    print(f"trained: {time.perf_counter() - started:.0f}s, {args.model.stat().st_size / 1e6:.1f} MB",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
