"""Privacy-policy rules on labelled excerpts: precision / recall per rule, dev and held-out sets.

    .venv/bin/python bench/policy.py            every set, table per set
    .venv/bin/python bench/policy.py --errors   also list every wrong prediction
    .venv/bin/python bench/policy.py --speed    also time one long policy

The excerpts (tests/data/policy/) are written by the project; the held-out sets were not used for
tuning (see docs/benchmarks.md for which run of each to quote). No offline peer tool checks Chinese
privacy policies, so the tables show yinsi alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from yinsi.privacy_policy import check_text, policy_from_text
from yinsi.privacy_policy.evaluation import RuleScore, evaluate, load_labelled, micro_average
from yinsi.privacy_policy.samples import sample_policy
from yinsi.privacy_policy.vocabulary import default_vocabulary

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "policy"


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _row(score: RuleScore) -> str:
    accuracy = f"{score.accuracy:.2f}" if score.kind != "risk" else "—"
    return (f"| {score.rule} | {score.kind} | {score.total} | {_figure(score.precision)} | "
            f"{_figure(score.recall)} "
            f"| {accuracy} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list wrong predictions")
    parser.add_argument("--speed", action="store_true", help="also time a long policy (CPU seconds)")
    args = parser.parse_args(argv)
    for name in ("dev", "heldout", "heldout_b", "heldout_c", "heldout_d", "heldout_e", "heldout_f"):
        items = load_labelled(DATA / f"{name}.yaml")
        scores, predictions = evaluate(items)
        print(f"\n## {name}.yaml ({len(items)} excerpts, "
              f"{sum(item.lang == 'zh' for item in items)} Chinese, "
              f"{sum(item.lang == 'en' for item in items)} English)\n")
        print("| rule | kind | n | precision | recall | exact status |")
        print("|---|---|---|---|---|---|")
        for score in scores:
            print(_row(score))
        print(_row(micro_average(scores)))
        if args.errors:
            for prediction in predictions:
                if not prediction.correct:
                    item = prediction.item
                    print(f"  ✗ {item.rule} [{item.lang}] expected {item.label}, got {prediction.predicted}: "
                          f"{item.text[:90]}")
    if args.speed:
        _speed()
    return 0


def _speed() -> None:
    """CPU time of one check on the two sample policies repeated to about 230 000 characters."""
    default_vocabulary()  # loaded once per process; not part of a check
    text = (sample_policy("selfie_good").read_text(encoding="utf-8")
            + sample_policy("selfie_bad").read_text(encoding="utf-8")) * 150
    start = time.process_time()
    result = check_text(policy_from_text(text))
    seconds = time.process_time() - start
    print(f"\nspeed: {len(text)} characters, {len(result.policy.clauses)} clauses in {seconds:.2f} CPU s "
          f"({len(text) / seconds:,.0f} characters per CPU second)")


if __name__ == "__main__":
    sys.exit(main())
