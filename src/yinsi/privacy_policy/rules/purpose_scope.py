"""policy.purpose_scope: purposes, methods and scope of collection per business function (认定方法 二.1)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import COLLECT, GENERIC_PI, PURPOSE, affirmed
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

# The business function a type is collected in is its scope (GB/T 35273 5.5 b): "在您注册账号时，您需要提供
# 手机号码". Using "the service" as a whole is no function.
_FUNCTION = re.compile(
    r"(?:在|当)您(?!使用(?:我们的|本)?(?:产品|服务|App|应用|平台|软件)时)[^，,。；;]{1,20}时"
    r"|\b(?:when|once|if|whenever) you (?!use (?:our|the|this) (?:services?|app|products?|platform)\b)"
    r"(?:sign up|register|book|order|create|place|pay|add|turn on|enable|upload|post|contact|join|choose"
    r"|apply|check in|check out|verify|link|connect)\b",
    re.IGNORECASE)


class PurposeScopeRule(DisclosureRule):
    """Present: a clause that collects a named PI type for a stated purpose ("注册时收集手机号码，用于创建
    账号"). Vague: collection with a purpose but no named type ("为提供服务收集您的个人信息"), or named
    types without any purpose."""

    id = "policy.purpose_scope"
    order = 2
    severity = Severity.HIGH
    title_zh = "收集使用的目的、方式和范围"
    title_en = "Purposes, methods and scope of collection"
    what_zh = "各业务功能收集个人信息的目的、方式和范围"
    what_en = "which personal information each function collects and why"
    references = (ref.RENDING_2_1, ref.PIPL_7, ref.PIPL_17, ref.GBT_5_5_B)

    def assess(self, context: PolicyContext) -> Assessment:
        vocabulary = context.vocabulary
        specific, generic, no_purpose = [], [], []
        for clause in context.policy.clauses:
            if not affirmed(COLLECT, clause.text):
                continue
            named = vocabulary.pi_types_in(clause.text)
            purpose = PURPOSE.search(clause.text)
            if named and (purpose or _FUNCTION.search(clause.text)):
                specific.append(clause)
            elif purpose and GENERIC_PI.search(clause.text):
                generic.append(clause)
            elif named:
                no_purpose.append(clause)
        if specific:
            return Assessment(Status.PRESENT, tuple(specific))
        if generic:
            return Assessment(Status.VAGUE, tuple(generic), ("named types of personal information",))
        if no_purpose:
            return Assessment(Status.VAGUE, tuple(no_purpose), ("purpose",))
        return Assessment(Status.MISSING, lacking=("purpose", "named types of personal information"))
