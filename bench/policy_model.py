"""A small learned scorer beside the privacy-policy rules: does it measurably beat the patterns offline?

    .venv/bin/python bench/policy_model.py

Per rule, a character n-gram (1–3, word-bounded) TF-IDF + class-balanced logistic regression is trained
on that rule's labelled excerpts from every set except heldout_f.yaml (Chinese and English together;
positive = "present" for disclosure rules, "risky" for risk rules). Its decision threshold is the lowest
one whose out-of-fold precision on the training excerpts (5-fold cross-validation) is at least 0.95; the
evaluation set is never used to train or to choose the threshold. On heldout_f.yaml the table compares
(a) the rules alone (as bench/policy.py scores them), (b) the model alone and (c) rules OR model (an
excerpt counts as positive when either says so). Needs the bench extra (scikit-learn).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import StratifiedKFold, cross_val_predict  # type: ignore[import-untyped]
from sklearn.pipeline import make_pipeline  # type: ignore[import-untyped]

from yinsi.privacy_policy.evaluation import LabelledExcerpt, evaluate, load_labelled
from yinsi.privacy_policy.rules.base import DisclosureRule
from yinsi.privacy_policy.rules.registry import rule_by_id

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "policy"
TRAIN_SETS = ("dev", "heldout", "heldout_b", "heldout_c", "heldout_d", "heldout_e")
TEST_SET = "heldout_f"
TARGET_PRECISION = 0.95


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        self.tp += predicted and actual
        self.fp += predicted and not actual
        self.fn += actual and not predicted

    def cell(self) -> str:
        precision = f"{self.tp / (self.tp + self.fp):.2f}" if self.tp + self.fp else "n/a"
        recall = f"{self.tp / (self.tp + self.fn):.2f}" if self.tp + self.fn else "n/a"
        return f"{precision} | {recall}"

    def meets(self, bound: float) -> bool:
        return (self.tp + self.fp > 0 and self.tp / (self.tp + self.fp) >= bound
                and self.tp + self.fn > 0 and self.tp / (self.tp + self.fn) >= bound)


def _positive_label(rule_id: str) -> str:
    return "present" if isinstance(rule_by_id(rule_id), DisclosureRule) else "risky"


def _model() -> object:
    return make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True),
                         LogisticRegression(class_weight="balanced", max_iter=2000))


def _threshold(texts: list[str], positive: np.ndarray) -> float:
    """Lowest threshold whose out-of-fold precision on the training excerpts reaches the target.

    Infinite (the model never fires) when no threshold reaches it.
    """
    folds = min(5, int(positive.sum()), int((~positive).sum()))
    if folds < 2:
        return float("inf")
    scores = cross_val_predict(_model(), texts, positive, method="predict_proba",
                               cv=StratifiedKFold(folds, shuffle=True, random_state=0))[:, 1]
    for threshold in sorted(set(scores.tolist())):
        fired = scores >= threshold
        if positive[fired].mean() >= TARGET_PRECISION:
            return float(threshold)
    return float("inf")


def main() -> int:
    train = [item for name in TRAIN_SETS for item in load_labelled(DATA / f"{name}.yaml")]
    test = load_labelled(DATA / f"{TEST_SET}.yaml")
    _, predictions = evaluate(test)
    rule_says = {id(p.item): p.predicted == _positive_label(p.item.rule) for p in predictions}
    start = time.process_time()
    rows = []
    pooled = {"rules": Counts(), "model": Counts(), "either": Counts()}
    for rule_id in dict.fromkeys(item.rule for item in test):
        positive_label = _positive_label(rule_id)
        mine: list[LabelledExcerpt] = [item for item in train if item.rule == rule_id]
        texts = [item.text for item in mine]
        labels = np.array([item.label == positive_label for item in mine])
        threshold = _threshold(texts, labels)
        model = _model()
        model.fit(texts, labels)  # type: ignore[attr-defined]
        cases = [item for item in test if item.rule == rule_id]
        scores = model.predict_proba([item.text for item in cases])[:, 1]  # type: ignore[attr-defined]
        counts = {"rules": Counts(), "model": Counts(), "either": Counts()}
        for item, score in zip(cases, scores, strict=True):
            actual = item.label == positive_label
            by_rules, by_model = rule_says[id(item)], bool(score >= threshold)
            for key, predicted in (("rules", by_rules), ("model", by_model),
                                   ("either", by_rules or by_model)):
                counts[key].add(predicted, actual)
                pooled[key].add(predicted, actual)
        rows.append((rule_id, len(mine), threshold, len(cases), counts))
    seconds = time.process_time() - start
    print(f"Trained on {', '.join(TRAIN_SETS)} ({len(train)} excerpts); evaluated on {TEST_SET} "
          f"({len(test)} excerpts). Threshold: out-of-fold precision ≥ {TARGET_PRECISION} on training.\n")
    print("| rule | train n | threshold | test n | (a) rules P | R | (b) model P | R "
          "| (c) rules OR model P | R |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for rule_id, n_train, threshold, n_test, counts in rows:
        shown = "never" if threshold == float("inf") else f"{threshold:.2f}"
        print(f"| {rule_id} | {n_train} | {shown} | {n_test} | {counts['rules'].cell()} | "
              f"{counts['model'].cell()} | {counts['either'].cell()} |")
    print(f"| all rules | {len(train)} | — | {len(test)} | {pooled['rules'].cell()} | "
          f"{pooled['model'].cell()} | {pooled['either'].cell()} |")
    for key, name in (("rules", "(a) rules"), ("model", "(b) model"), ("either", "(c) rules OR model")):
        met = sum(counts[key].meets(0.9) for *_, counts in rows)
        total = pooled[key]
        print(f"{name}: {total.tp} true positives, {total.fp} false positives, {total.fn} missed; "
              f"{met} of {len(rows)} rules with precision and recall ≥ 0.9")
    print(f"\ntraining, cross-validation and scoring: {seconds:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
