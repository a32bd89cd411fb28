"""Score the policy rules on labelled excerpts: precision and recall per rule, and for disclosure rules the
share of excerpts whose exact status (present / vague / missing / not_applicable) was right.

Each excerpt is read as a whole policy. The positive class is "present" for disclosure rules (the rule
finds the disclosure made) and "risky" for risk rules (the rule flags the clause).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from yinsi.core.errors import ConfigurationError
from yinsi.privacy_policy.check import check_text
from yinsi.privacy_policy.reader import policy_from_text
from yinsi.privacy_policy.rules.base import DisclosureRule, PolicyRule
from yinsi.privacy_policy.rules.registry import rule_by_id

DISCLOSURE_LABELS = frozenset({"present", "vague", "missing", "not_applicable"})
RISK_LABELS = frozenset({"risky", "clean"})


@dataclass(frozen=True, slots=True)
class LabelledExcerpt:
    rule: str
    label: str
    lang: str
    text: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Prediction:
    item: LabelledExcerpt
    predicted: str

    @property
    def correct(self) -> bool:
        return self.predicted == self.item.label


@dataclass(frozen=True, slots=True)
class RuleScore:
    """Counts for one rule; precision/recall are None when undefined (nothing predicted / no positives)."""

    rule: str
    kind: str
    total: int
    true_positives: int
    false_positives: int
    false_negatives: int
    exact: int

    @property
    def precision(self) -> float | None:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else None

    @property
    def accuracy(self) -> float:
        return self.exact / self.total if self.total else 0.0


def load_labelled(path: Path) -> list[LabelledExcerpt]:
    """Read a labelled set (tests/data/policy/*.yaml); labels are checked against each rule's kind."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"{path.name}: cannot be read ({type(error).__name__})") from None
    items = []
    for index, raw in enumerate(document.get("items") or ()):
        item = LabelledExcerpt(str(raw["rule"]), str(raw["label"]), str(raw.get("lang", "")),
                               str(raw["text"]), str(raw.get("note", "")))
        allowed = DISCLOSURE_LABELS if isinstance(rule_by_id(item.rule), DisclosureRule) else RISK_LABELS
        if item.label not in allowed:
            raise ConfigurationError(f"{path.name}: item {index}: label {item.label!r} not in "
                                     f"{sorted(allowed)}")
        items.append(item)
    return items


def predict(rule: PolicyRule, text: str) -> str:
    """The rule's verdict on one excerpt, in the label vocabulary."""
    result = check_text(policy_from_text(text), rules=[rule])
    if isinstance(rule, DisclosureRule):
        return result.disclosures[0].status.value
    return "risky" if result.findings else "clean"


def evaluate(items: Iterable[LabelledExcerpt]) -> tuple[list[RuleScore], list[Prediction]]:
    """Per-rule scores (in rule order of appearance) and every prediction (for listing the errors)."""
    predictions = [Prediction(item, predict(rule_by_id(item.rule), item.text)) for item in items]
    scores = []
    for rule_id in dict.fromkeys(prediction.item.rule for prediction in predictions):
        mine = [prediction for prediction in predictions if prediction.item.rule == rule_id]
        disclosure = isinstance(rule_by_id(rule_id), DisclosureRule)
        positive = "present" if disclosure else "risky"
        scores.append(RuleScore(
            rule=rule_id, kind="disclosure" if disclosure else "risk", total=len(mine),
            true_positives=sum(p.predicted == positive and p.item.label == positive for p in mine),
            false_positives=sum(p.predicted == positive and p.item.label != positive for p in mine),
            false_negatives=sum(p.predicted != positive and p.item.label == positive for p in mine),
            exact=sum(p.correct for p in mine)))
    return scores, predictions


def micro_average(scores: Sequence[RuleScore]) -> RuleScore:
    """All rules pooled."""
    return RuleScore("all rules", "pooled", sum(s.total for s in scores),
                     sum(s.true_positives for s in scores), sum(s.false_positives for s in scores),
                     sum(s.false_negatives for s in scores),
                     sum(s.exact for s in scores))
