"""policy.undisclosed_sdk: SDKs embedded in the app that the policy never names (认定方法 二.1, 五.1)."""

from __future__ import annotations

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.consistency import undisclosed_trackers
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules.base import ConsistencyRule, PolicyContext, RuleOutcome


class UndisclosedSdkRule(ConsistencyRule):
    """One finding per tracker SDK found in the APK whose product, brand or company name (Chinese or
    English: 友盟/Umeng, 个推/Getui, 极光/JPush …) appears nowhere in the policy."""

    id = "policy.undisclosed_sdk"
    severity = Severity.MEDIUM
    title_zh = "嵌入但政策未列明的第三方SDK"
    title_en = "Embedded SDK the policy never names"
    references = (ref.RENDING_2_1, ref.RENDING_5_1, ref.PIPL_23, ref.GBT_9_7)
    max_deduction = 30

    def check(self, context: PolicyContext) -> RuleOutcome:
        if context.audit is None:
            return RuleOutcome()
        knowledge = context.knowledge
        findings = []
        for match in undisclosed_trackers(context.audit, context.policy, context.vocabulary):
            tracker = match.tracker
            collects = tuple(pi for pi in tracker.collects if pi in knowledge.pi_types)
            collects_zh = "、".join(knowledge.pi(pi).zh for pi in collects) or "未公开"
            collects_en = ", ".join(knowledge.pi(pi).en for pi in collects) or "not documented"
            findings.append(self.finding(
                f"应用嵌入 {tracker.name_zh or tracker.name}（{tracker.vendor}），隐私政策未列明；"
                f"该SDK收集：{collects_zh}。",
                f"The app embeds {tracker.name} ({tracker.vendor}); the policy never names it. It collects: "
                f"{collects_en}.",
                evidence=match.evidence(), pi_types=collects, tracker=tracker.id, heuristic=False))
        return RuleOutcome(findings=tuple(findings))
