"""Anonymisation speed: yinsi's policy engine beside Presidio's AnonymizerEngine on the same findings.

    python bench/anonymize.py                     # seed 7, 5 000 records, best of 3
    python bench/anonymize.py --records 20000 --repeat 5

Both engines get identical input: each corpus record's text and its gold labels (bench/corpus.py) as
findings, so only de-identification is timed, not detection. Each engine is set up once per pass
(Presidio's AnonymizerEngine and OperatorConfig; yinsi's loaded Policy and a PolicyRun, whose
per-run memo therefore starts empty every pass) and called once per record, which is how a service
or a file masker uses them. Throughput is UTF-8 megabytes
of input text per second (1 MB = 10^6 bytes), best of `--repeat` rounds in which the two engines take
turns, so that load from other work on a shared machine hits both alike.

Operators compared (same effect in both):
  replace  every value → its entity tag (`<CN_MOBILE>`)         yinsi replace   / Presidio replace
  mask     every character of the value → `*`                    yinsi mask      / Presidio mask (100 chars)
  hash     keyed HMAC-SHA-256 (yinsi) vs salted SHA-256 (Presidio hash); same cost class, not the same
           guarantee (Presidio's salt is random per call, so its output is not consistent)
yinsi-only rows (no Presidio counterpart): fake (consistent Faker), fpe (FF1).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from corpus import load_or_generate
from yinsi import Finding, MasterKey
from yinsi.operators.base import KeyChain
from yinsi.policy.apply import PolicyRun
from yinsi.policy.load import load_policy

KEY = MasterKey(bytes(range(32)))
YINSI_POLICIES: dict[str, dict[str, object]] = {
    "replace": {"rules": {"*": {"operator": "replace", "template": "<{entity}>"}}},
    "mask": {"rules": {"*": {"operator": "mask", "keep_separators": False}}},
    "hash": {"rules": {"*": {"operator": "hmac", "length": 64, "prefix": ""}}},
    "fake": {"rules": {"*": "fake"}},
    "fpe": {"rules": {"*": {"operator": "fpe", "too_short": "mask"}}},
}
# fpe only makes sense for identifiers; names and addresses are left to other operators.
FPE_TYPES = frozenset({"CN_MOBILE", "CN_RESIDENT_ID", "BANK_CARD", "CREDIT_CARD", "CN_USCC", "IMEI",
                       "CN_LANDLINE", "QQ_NUMBER", "CN_POSTAL_CODE", "EMAIL", "CN_PASSPORT"})

Document = tuple[str, list[Finding]]


def documents(seed: int, records: int) -> list[Document]:
    corpus = load_or_generate(seed, records)
    return [
        (record.text, [Finding(label.label, label.start, label.end, 1.0, "gold") for label in record.labels])
        for record in corpus
    ]


def yinsi_runner(operator: str) -> Callable[[Document], str]:
    policy = load_policy(YINSI_POLICIES[operator])
    run = PolicyRun(policy, KeyChain(KEY) if policy.needs_key else None)

    def anonymize(document: Document) -> str:
        text, findings = document
        if operator == "fpe":
            findings = [finding for finding in findings if finding.entity_type in FPE_TYPES]
        return run.apply(text, findings).text

    return anonymize


def presidio_runner(operator: str) -> Callable[[Document], str] | None:
    if operator not in ("replace", "mask", "hash"):
        return None
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    engine = AnonymizerEngine()
    config = {
        "replace": OperatorConfig("replace"),
        "mask": OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": 100, "from_end": False}),
        "hash": OperatorConfig("hash", {"hash_type": "sha256"}),
    }[operator]
    operators = {"DEFAULT": config}

    def anonymize(document: Document) -> str:
        text, findings = document
        results = [RecognizerResult(f.entity_type, f.start, f.end, f.score) for f in findings]
        return str(engine.anonymize(text=text, analyzer_results=results, operators=operators).text)

    return anonymize


Factory = Callable[[], Callable[[Document], str] | None]


def one_pass(make: Factory, docs: list[Document]) -> float:
    """Wall time of one pass over `docs` with a freshly built runner (no memo carried over)."""
    runner = make()
    assert runner is not None
    started = time.perf_counter()
    for document in docs:
        runner(document)
    return time.perf_counter() - started


def best_times(makers: list[Factory], docs: list[Document], repeat: int) -> list[float]:
    """Best time of each engine over `repeat` rounds, the engines taking turns within each round.

    Taking turns matters on a shared machine: load that comes and goes hits both engines alike.
    """
    best = [float("inf")] * len(makers)
    for _ in range(repeat):
        for index, make in enumerate(makers):
            best[index] = min(best[index], one_pass(make, docs))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--operators", default="replace,mask,hash,fake,fpe")
    args = parser.parse_args(argv)

    docs = documents(args.seed, args.records)
    megabytes = sum(len(text.encode("utf-8")) for text, _ in docs) / 1e6
    findings = sum(len(found) for _, found in docs)
    try:
        from importlib.metadata import version

        presidio_version = version("presidio-anonymizer")
    except Exception:  # any failure means "not installed"
        presidio_version = None
    print(f"# anonymisation speed, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"corpus: seed {args.seed}, {len(docs)} records, {megabytes:.2f} MB, {findings} findings; "
          f"best of {args.repeat}; presidio-anonymizer {presidio_version or 'not installed'}")
    print(f"{'operator':<9} {'yinsi MB/s':>11} {'Presidio MB/s':>14} {'ratio':>7}")
    for operator in args.operators.split(","):
        ours: Factory = partial(yinsi_runner, operator)
        peer: Factory = partial(presidio_runner, operator)
        if not presidio_version or peer() is None:
            (mine,) = best_times([ours], docs, args.repeat)
            print(f"{operator:<9} {megabytes / mine:>11.2f} {'—':>14} {'—':>7}")
            continue
        mine, theirs = best_times([ours, peer], docs, args.repeat)
        print(f"{operator:<9} {megabytes / mine:>11.2f} {megabytes / theirs:>14.2f} {theirs / mine:>6.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
