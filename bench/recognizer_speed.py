"""CPU cost of each recognizer on two kinds of text: the labelled corpus and ordinary Chinese prose.

    python bench/recognizer_speed.py                 # ~5 MB of each kind
    python bench/recognizer_speed.py --mb 2 --only BankCardRecognizer ImeiRecognizer
    python bench/recognizer_speed.py --with-names    # also the name/address model (slow)

The benchmark corpus (bench/corpus.py) is dense on purpose: about 40% of its characters are digits
and nearly every line holds an identifier, so it measures the cost per candidate. Ordinary text is
mostly prose with an identifier now and then, which measures the cost of scanning. The second text is
Faker zh_CN paragraphs (seeded) with one corpus record in ten mixed in.

Each recognizer runs alone over the normalised text, once to warm caches and once measured; the
figure is CPU time (`time.process_time()`), so other load on the machine does not distort it, printed
as milliseconds per 100 KB and MB per CPU-second. MB = 10^6 bytes of UTF-8.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from faker import Faker

from corpus import NAME_TYPES, generate
from yinsi.recognizers.registry import create_all
from yinsi.text.normalize import normalize


def dense_text(megabytes: float, seed: int) -> str:
    """Corpus records joined by newlines, about `megabytes` of UTF-8."""
    records = generate(seed, max(100, int(megabytes * 2300)))
    return "\n".join(record.text for record in records)


def prose_text(megabytes: float, seed: int) -> str:
    """Chinese prose with a corpus record in one paragraph of ten, about `megabytes` of UTF-8."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    paragraphs = [fake.text(max_nb_chars=400) for _ in range(2000)]
    records = [record.text for record in generate(seed, 3000)]
    parts: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        part = rng.choice(paragraphs) if rng.random() < 0.9 else rng.choice(records)
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "\n".join(parts)


def measure(text: str, only: set[str] | None, names: bool) -> list[tuple[str, float, int]]:
    """(recognizer, CPU seconds, findings) for each recognizer over the normalised text."""
    normalised = normalize(text).text
    rows = []
    for recognizer in create_all():
        if only and recognizer.name not in only:
            continue
        if not names and not NAME_TYPES.isdisjoint(recognizer.entity_types):
            continue
        sum(1 for _ in recognizer.analyze(normalised))  # warm-up: lru caches, lazy models
        started = time.process_time()
        found = sum(1 for _ in recognizer.analyze(normalised))
        rows.append((recognizer.name, time.process_time() - started, found))
    return sorted(rows, key=lambda row: -row[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each text in MB (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", nargs="*", help="recognizer class names to measure (default all)")
    parser.add_argument("--with-names", action="store_true", help="also the (slow) name/address model")
    args = parser.parse_args(argv)
    only = set(args.only) if args.only else None
    texts = (("corpus", dense_text(args.mb, args.seed)), ("prose", prose_text(args.mb, args.seed)))
    for label, text in texts:
        megabytes = len(text.encode("utf-8")) / 1e6
        print(f"\n{label}: {megabytes:.1f} MB, {sum(c.isdigit() for c in text) / len(text):.0%} digits")
        total = 0.0
        for name, seconds, found in measure(text, only, args.with_names):
            total += seconds
            rate = megabytes / seconds if seconds else float("inf")
            per_100kb = seconds * 1000 / (megabytes * 10)
            print(f"  {name:28s} {per_100kb:7.3f} ms/100KB {rate:9.1f} MB/CPU-s {found:8d} findings")
        per_100kb = total * 1000 / (megabytes * 10)
        print(f"  {'all of the above':28s} {per_100kb:7.3f} ms/100KB {megabytes / total:9.1f} MB/CPU-s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
