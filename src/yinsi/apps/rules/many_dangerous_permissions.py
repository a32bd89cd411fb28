"""apps.many_dangerous_permissions: an unusually long list of runtime ("dangerous") permissions."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Severity
from yinsi.apps.inventory import dangerous_permissions
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext

# Thresholds are project judgement: a typical single-purpose app needs 0-3 runtime permissions.
THRESHOLDS = ((15, Severity.HIGH), (10, Severity.MEDIUM), (6, Severity.LOW))


class ManyDangerousPermissionsRule(AppRule):
    """Many dangerous permissions are a sign of over-collection (认定方法 四.1, GB/T 41391-2022 6.5);
    this rule counts them whatever the category, so it also works when the category is unknown."""

    id = "apps.many_dangerous_permissions"
    severity = Severity.MEDIUM
    title_zh = "申请大量危险权限"
    title_en = "Many dangerous permissions"
    references = (ref.RENDING_4_1, ref.GBT_41391_6_5, ref.GBT_41391_ANNEX_E, ref.PIPL_6)
    max_deduction = 15

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        dangerous = dangerous_permissions(facts, context.knowledge)
        for threshold, severity in THRESHOLDS:
            if len(dangerous) >= threshold:
                return [self.finding(
                    f"申请了 {len(dangerous)} 项危险权限（阈值 {threshold}）。",
                    f"Requests {len(dangerous)} dangerous permissions (threshold {threshold}).",
                    severity=severity, evidence=tuple(f"permission {p}" for p in dangerous))]
        return []
