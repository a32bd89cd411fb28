"""policy.controller_identity: who processes the data and how to reach them (PIPL art. 17 (一))."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import COMPANY, concrete_contact
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_ROLE = re.compile(
    r"(?:运营者|经营者|开发者|个人信息处理者|控制者|提供方|运营方)(?:为|是|系|：|:)"
    r"|\b(?:operated|provided|controlled|developed) by\b|\b(?:controller|operator) (?:is|of)\b"
    r"|\b(?:we|us|our)\b.{0,20}\brefers? to\b|以下简称|hereinafter",
    re.IGNORECASE)
_GENERIC_CONTACT = re.compile(
    r"联系我们|与我们联系|客服|帮助中心|contact us|customer (?:service|support)|reach (?:out|us)"
    r"|support team|help (?:page|center|centre)",
    re.IGNORECASE)


# A company named as a processor or recipient ("Payments are processed by PayFlow Inc.; PayFlow's own
# privacy notice applies") is not the controller, unless a role word says it is.
_OTHER_PARTY = re.compile(
    r"\bprocessed by\b|\bown privacy (?:notice|policy)\b|其(?:自己|自身)的隐私政策|代表我们处理|受托|SDK",
    re.IGNORECASE)


class ControllerIdentityRule(DisclosureRule):
    """Present: a legal name (…有限公司, Co., Ltd., Inc. …) or a stated operator, plus a concrete contact
    (e-mail, telephone, postal or web address). Vague: only one of them, or "contact customer service"."""

    id = "policy.controller_identity"
    order = 1
    severity = Severity.MEDIUM
    title_zh = "处理者身份和联系方式"
    title_en = "Identity and contact of the controller"
    what_zh = "个人信息处理者的名称和联系方式"
    what_en = "who the controller is and how to contact them"
    references = (ref.PIPL_17, ref.GBT_5_5_A, ref.GBT_ANNEX_D)

    def assess(self, context: PolicyContext) -> Assessment:
        named = [clause for clause in context.policy.clauses
                 if _ROLE.search(clause.text)
                 or (COMPANY.search(clause.context) and not _OTHER_PARTY.search(clause.text))]
        reachable = [clause for clause in context.policy.clauses if concrete_contact(clause.text)]
        if named and reachable:
            return Assessment(Status.PRESENT, tuple(dict.fromkeys((*named[:1], *reachable[:2]))))
        if named:
            return Assessment(Status.VAGUE, tuple(named), ("contact details",))
        if reachable:
            return Assessment(Status.VAGUE, tuple(reachable), ("legal name",))
        generic = [clause for clause in context.policy.clauses if _GENERIC_CONTACT.search(clause.context)]
        if generic:
            return Assessment(Status.VAGUE, tuple(generic), ("legal name", "contact details"))
        return Assessment(Status.MISSING, lacking=("legal name", "contact details"))
