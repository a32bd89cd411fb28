"""policy.unnecessary_pi: PI the policy says it collects that the app category does not need
(必要个人信息范围规定 2021; 认定方法 四.1)."""

from __future__ import annotations

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.consistency import claimed_beyond_category
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules.base import ConsistencyRule, PolicyContext, RuleOutcome


class UnnecessaryPiRule(ConsistencyRule):
    """One finding per PI type the policy claims to collect beyond the category's necessary PI (and the
    device functions the category uses). Such PI needs its own optional consent: refusing it must not
    cost the basic service (规定 第四条). Needs a category (`--category`)."""

    id = "policy.unnecessary_pi"
    severity = Severity.LOW
    title_zh = "政策声明收集超出类型必要范围的个人信息"
    title_en = "Policy claims personal information the app category does not need"
    references = (ref.NECESSARY_ART_4, ref.NECESSARY_ART_5, ref.RENDING_4_1, ref.PIPL_6)

    def check(self, context: PolicyContext) -> RuleOutcome:
        category = context.category
        if category is None:
            return RuleOutcome()
        knowledge = context.knowledge
        findings = []
        for pi_type, clauses in claimed_beyond_category(context.policy, context.vocabulary, category).items():
            pi = knowledge.pi(pi_type)
            findings.append(self.finding(
                f"政策声明收集{pi.zh}，该信息不属于{category.zh}的必要个人信息；应单独征得同意且不得因用户拒绝而拒绝提供基本功能。",
                f"The policy collects {pi.en}, which is not necessary personal information for {category.zh} "
                f"({category.en}); it needs its own optional consent.",
                pi_types=(pi_type,), excerpts=clauses[:2]))
        return RuleOutcome(findings=tuple(findings))
