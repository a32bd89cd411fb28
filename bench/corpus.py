"""A reproducible, labelled corpus of Chinese business text for measuring personal-information detection.

    python bench/corpus.py --seed 7 --records 20000 --out bench/.cache/corpus.jsonl

Each JSONL line is one record:

    {"id": 0, "kind": "delivery", "text": "...",
     "labels":    [{"start": 12, "end": 23, "label": "CN_MOBILE", "form": "spaced"}, ...],
     "negatives": [{"start": 40, "end": 58, "label": "ORDER_NUMBER", "form": "plain"}, ...]}

`labels` are gold personal-information spans (character offsets into `text`, half-open) with canonical
entity names; `form` says how the value was written (plain, spaced, dashed, plus86, fullwidth,
zerowidth, ...). `negatives` are hard negatives: business numbers that look like identifiers and must
not be reported (order, tracking and trace numbers, timestamps, versions, masked values, IDs with a
wrong check digit or an impossible date, digit runs with a valid number inside). PERSON, ADDRESS and
ORGANIZATION are labelled for name/address benchmarks; structured-type scores ignore them.

`--holdout` writes the same kinds of records with a disjoint set of labels, keys, headers and chat
phrases (bench/corpus_phrases.py): recognizers tuned on the main corpus's wording should score the
same on it.

The same seed and record count always give the same corpus (for the same Faker, python-stdnum and
phonenumbers versions); the first n records of a bigger corpus equal the corpus of n records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_records import Label, pick_kind, write_record
from corpus_values import Values

# Labels scored by the names benchmark, not by the structured-identifier benchmark.
NAME_TYPES = frozenset({"PERSON", "ADDRESS", "ORGANIZATION", "LOCATION"})
CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True, slots=True)
class Record:
    """One labelled text of the corpus."""

    id: int
    kind: str
    text: str
    labels: tuple[Label, ...]
    negatives: tuple[Label, ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "kind": self.kind,
                "text": self.text,
                "labels": [_label_dict(label) for label in self.labels],
                "negatives": [_label_dict(label) for label in self.negatives],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, line: str) -> Record:
        raw = json.loads(line)
        return cls(
            id=raw["id"],
            kind=raw["kind"],
            text=raw["text"],
            labels=tuple(Label(**label) for label in raw["labels"]),
            negatives=tuple(Label(**label) for label in raw["negatives"]),
        )


def _label_dict(label: Label) -> dict[str, object]:
    return {"start": label.start, "end": label.end, "label": label.label, "form": label.form}


def iter_records(seed: int, n: int, holdout: bool = False) -> Iterator[Record]:
    """The corpus as a stream: records are produced one at a time from one seeded random source.

    `holdout` writes the same record kinds with the held-out wording of corpus_phrases.py.
    """
    rng = random.Random(seed)
    values = Values(rng, seed, holdout=holdout)
    for index in range(n):
        kind = pick_kind(rng)
        doc = write_record(kind, values)
        yield Record(index, kind, doc.text, tuple(doc.labels), tuple(doc.negatives))


def generate(seed: int, n: int, holdout: bool = False) -> list[Record]:
    """The first `n` records of the corpus for `seed` (with the held-out wording if `holdout`)."""
    return list(iter_records(seed, n, holdout))


def write_jsonl(records: Iterator[Record] | list[Record], path: Path) -> int:
    """Write records as JSONL (atomically: a partial file never replaces a good one); returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A per-process name: two benchmarks generating the same cached corpus at once must not interleave.
    partial = path.with_suffix(f"{path.suffix}.{os.getpid()}.partial")
    count = 0
    with partial.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(record.to_json() + "\n")
            count += 1
    partial.replace(path)
    return count


def read_jsonl(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as lines:
        return [Record.from_json(line) for line in lines if line.strip()]


GENERATOR_FILES = ("corpus.py", "corpus_records.py", "corpus_values.py", "corpus_phrases.py")


def fingerprint(names: tuple[str, ...] = GENERATOR_FILES) -> str:
    """A short hash of the generator's code and the libraries it draws on, naming cached corpora.

    A change to a template or a Faker upgrade changes the corpus, so a cache made before it is not
    reused by mistake.
    """
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in names:
        digest.update((here / name).read_bytes())
    for package in ("faker", "python-stdnum", "phonenumbers"):
        digest.update(metadata.version(package).encode())
    return digest.hexdigest()[:10]


def load_or_generate(seed: int, n: int, holdout: bool = False) -> list[Record]:
    """Read the cached corpus for (seed, n) from bench/.cache, generating it on first use."""
    variant = "-holdout" if holdout else ""
    path = CACHE / f"corpus-s{seed}-n{n}{variant}-{fingerprint()}.jsonl"
    if not path.exists():
        write_jsonl(iter_records(seed, n, holdout), path)
    return read_jsonl(path)


def summary(records: list[Record]) -> str:
    kinds = Counter(record.kind for record in records)
    labels = Counter(label.label for record in records for label in record.labels)
    negatives = Counter(label.label for record in records for label in record.negatives)
    chars = sum(len(record.text) for record in records)
    size = sum(len(record.text.encode("utf-8")) for record in records)
    lines = [f"{len(records)} records, {chars} characters, {size / 1e6:.2f} MB (UTF-8)"]
    lines.append("kinds:     " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    lines.append("labels:    " + ", ".join(f"{label} {count}" for label, count in labels.most_common()))
    lines.append("negatives: " + ", ".join(f"{label} {count}" for label, count in negatives.most_common()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=CACHE / "corpus.jsonl")
    parser.add_argument("--summary", action="store_true", help="print counts per kind, label and negative")
    parser.add_argument("--holdout", action="store_true", help="use the held-out wording (corpus_phrases.py)")
    args = parser.parse_args(argv)
    records = generate(args.seed, args.records, args.holdout)
    write_jsonl(records, args.out)
    print(f"wrote {args.out}")
    if args.summary:
        print(summary(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
