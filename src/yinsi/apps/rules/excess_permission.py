"""apps.excess_permission: personal information the app can collect beyond what its category needs."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Severity
from yinsi.apps.inventory import PiAccess
from yinsi.apps.knowledge import KnowledgeBase
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext


class ExcessPermissionRule(AppRule):
    """Compare the PI types the app can reach (permissions, API references) with the category's
    necessary PI under the 2021 regulation.

    Functional device uses of a category (camera for 拍摄美化类) are not reported: they are the service
    itself, not PI collection, though GB/T 41391-2022 6.5 still requires asking at the time of use.
    Without a category the report is softer: PI no category needs at all (SMS, contacts, device
    identifiers …) is a medium finding, the rest a low-severity list to check.
    """

    id = "apps.excess_permission"
    severity = Severity.HIGH
    title_zh = "超出类型必要范围收集个人信息"
    title_en = "Personal information beyond what the app category needs"
    references = (ref.RENDING_4_1, ref.NECESSARY_ART_4, ref.GBT_41391_6_1, ref.GBT_41391_6_2,
                  ref.GBT_41391_ANNEX_A, ref.PIPL_6, ref.PIPL_16)
    max_deduction = 40

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        knowledge = context.knowledge
        reachable = {pi: access for pi, access in context.inventory.items()
                     if knowledge.pi(pi).origin == "device" or access.permissions or access.apis}
        if not reachable:
            return []
        category = context.category
        if category is None:
            return self._without_category(reachable, context)
        allowed = category.necessary_types | set(category.functional)
        category_ref = ref.category_reference(category.number, category.zh)
        necessary_zh = "、".join(item.text for item in category.necessary) or "无（基本功能服务无需个人信息）"
        necessary_en = (", ".join(knowledge.pi(pi).en for pi in sorted(category.necessary_types))
                        or "none (the basic service needs no personal information)")
        findings = []
        for pi_type, access in reachable.items():
            if pi_type in allowed:
                continue
            pi = knowledge.pi(pi_type)
            findings.append(self.finding(
                f"{pi.zh}不是{category.zh}的必要个人信息。该类型基本功能服务为“{category.basic_service}”，"
                f"必要个人信息为：{necessary_zh}。",
                f"{pi.en[:1].upper()}{pi.en[1:]} is not necessary personal information for category "
                f"{category.number} {category.zh} ({category.en}); its necessary PI is: {necessary_en}.",
                severity=Severity.HIGH if pi.sensitive else Severity.MEDIUM,
                evidence=access.evidence(), pi_types=(pi_type,), extra_references=(category_ref,)))
        return findings

    def _without_category(self, reachable: dict[str, PiAccess], context: RuleContext) -> list[AppFinding]:
        """Softer report: PI that no category of the 2021 rule needs is still named (medium); the rest
        is listed for review (low)."""
        knowledge = context.knowledge
        needed_somewhere = {pi for category in knowledge.categories
                            for pi in (*category.necessary_types, *category.functional)}
        findings = []
        never = {pi: access for pi, access in reachable.items() if pi not in needed_somewhere}
        review = {pi: access for pi, access in reachable.items() if pi in needed_somewhere}
        if never:
            findings.append(self.finding(
                f"应用可收集 {_names(never, knowledge, 'zh')}，"
                "《常见类型移动互联网应用程序必要个人信息范围规定》39类应用中没有一类将其列为必要个人信息。",
                f"The app can collect {_names(never, knowledge, 'en')}, which none of the 39 categories "
                "of the 2021 rule lists as necessary personal information.",
                severity=Severity.MEDIUM, evidence=_evidence(never), pi_types=tuple(never)))
        if review:
            findings.append(self.finding(
                f"未声明应用类型，无法判断必要性：应用可收集 {_names(review, knowledge, 'zh')}。"
                "请用 --category 指定类型后复核。",
                f"App category unknown, necessity not judged: the app can collect "
                f"{_names(review, knowledge, 'en')}. Re-run with --category to check them against the "
                "2021 rule.",
                severity=Severity.LOW, evidence=_evidence(review), pi_types=tuple(review)))
        return findings


def _names(selected: dict[str, PiAccess], knowledge: KnowledgeBase, language: str) -> str:
    if language == "zh":
        return "、".join(knowledge.pi(pi).zh for pi in selected)
    return ", ".join(knowledge.pi(pi).en for pi in selected)


def _evidence(selected: dict[str, PiAccess]) -> tuple[str, ...]:
    return tuple(line for access in selected.values() for line in access.evidence())
