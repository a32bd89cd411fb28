"""Privacy-policy rules on labelled excerpts: precision / recall per rule, dev and held-out sets.

    .venv/bin/python bench/policy.py            both sets, table per set
    .venv/bin/python bench/policy.py --errors   also list every wrong prediction

The excerpts (tests/data/policy/) are written by the project; `heldout.yaml` was not used for tuning, so
its figures are the ones to quote. There is no peer tool for Chinese privacy-policy checking that runs
offline, so the table shows yinsi alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from yinsi.privacy_policy.evaluation import RuleScore, evaluate, load_labelled, micro_average

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
    args = parser.parse_args(argv)
    for name in ("dev", "heldout"):
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
