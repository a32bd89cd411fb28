"""apps.extraction_limits: a size, count or time budget was hit while reading the APK."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Reference, Severity
from yinsi.apps.rules.base import AppRule, RuleContext

_LIMITED = Reference("yinsi", "extraction budget",
                     "extraction stops at its size, entry and time budgets instead of hanging", "V")


class ExtractionLimitsRule(AppRule):
    """A partial extraction is never silent: every budget that was hit becomes an information finding."""

    id = "apps.extraction_limits"
    severity = Severity.INFO
    title_zh = "提取达到预算上限：结果不完整"
    title_en = "Extraction budget reached: results incomplete"
    references = (_LIMITED,)
    max_deduction = 0

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        if not facts.limits:
            return []
        return [self.finding("APK 提取达到预算上限，部分内容未分析。",
                             "APK extraction hit a budget; part of the APK was not analysed.",
                             evidence=facts.limits)]
