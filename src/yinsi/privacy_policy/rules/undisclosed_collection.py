"""policy.undisclosed_collection: PI the app can collect that the policy never mentions (认定方法 二.1)."""

from __future__ import annotations

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.consistency import undisclosed_pi
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules.base import ConsistencyRule, PolicyContext, RuleOutcome


class UndisclosedCollectionRule(ConsistencyRule):
    """One finding per PI type the APK can reach (permission or API reference) that the policy does
    not name: high when the type is sensitive or the policy denies collecting it, else medium."""

    id = "policy.undisclosed_collection"
    severity = Severity.HIGH
    title_zh = "应用可收集但政策未说明的个人信息"
    title_en = "Personal information the app can collect but the policy never mentions"
    references = (ref.RENDING_2_1, ref.PIPL_7, ref.PIPL_17, ref.GBT_5_5_B)
    max_deduction = 40

    def check(self, context: PolicyContext) -> RuleOutcome:
        if context.audit is None:
            return RuleOutcome()
        findings = []
        for gap in undisclosed_pi(context.audit, context.policy, context.vocabulary):
            pi = context.knowledge.pi(gap.access.pi_type)
            if gap.denied:
                message_zh = f"政策声明不收集{pi.zh}，但应用可以收集（见证据）。"
                message_en = f"The policy says it does not collect {pi.en}, but the app can (see evidence)."
            else:
                message_zh = f"应用可收集{pi.zh}，隐私政策未提及。"
                message_en = f"The app can collect {pi.en}; the policy never mentions it."
            findings.append(self.finding(
                message_zh, message_en,
                severity=Severity.HIGH if pi.sensitive or gap.denied else Severity.MEDIUM,
                evidence=gap.access.evidence(), pi_types=(pi.id,), excerpts=gap.clauses[:2], heuristic=False))
        return RuleOutcome(findings=tuple(findings))
