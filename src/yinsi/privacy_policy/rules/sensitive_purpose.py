"""policy.sensitive_purpose: a separate purpose, necessity and consent for sensitive PI (PIPL art. 29, 30)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import PURPOSE
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_SEPARATE = re.compile(
    r"单独(?:征得|征求|取得|获得|同意|授权|弹窗|的?(?:授权|弹窗|提示|确认))|另行(?:征得|征求|取得|获得).{0,6}同意"
    r"|明示同意|书面同意|单独的?同意|必要性|(?:对您的?|对个人)(?:个人)?权益的?影响"
    # a consent control for this one function ("点击“同意并开通”后方才收集") is a separate consent
    r"|(?:点击|勾选)[“\"「『]?[^”\"」』，,。；;]{0,8}(?:同意|开通|授权|开启)[^”\"」』，,。；;]{0,6}[”\"」』]?"
    r"(?:后|之后)(?:方才|才会?|方可|再)"
    # what refusing costs is the impact PIPL art. 30 asks for ("拒绝提供不影响您使用基本功能")
    r"|拒绝(?:提供|授权)?[^，,。；;]{0,8}(?:不会?影响|将影响|会影响|仅影响)"
    r"|\bseparate(?:ly)?\b.{0,30}\bconsent|\bconsent\b.{0,30}\bseparately\b|\bexplicit consent\b"
    r"|\bexpress consent\b|\bspecific consent\b|\bseparate (?:permission|prompt|opt-?in|authori[sz]ation"
    r"|request)\b|\bseparately (?:authori[sz]e|agree|consent|approve)\b"
    r"|\bopt[- ]in\b.{0,20}\bseparately\b|\bseparately\b.{0,20}\bopt[- ]in\b|\bnecessity\b"
    r"|\bwhy (?:it is|this is) necessary\b|\bimpact on your (?:rights|interests)\b"
    r"|\bwhy we need (?:it|this|them)\b|\bhow (?:it|this) (?:affects|impacts) you\b",
    re.IGNORECASE)
# "我们不会收集您的生物识别等敏感个人信息": naming sensitive PI only to deny collecting it.
_DENIAL = re.compile(
    r"(?:不会|不|绝不|从不|并未|未)(?:会)?(?:主动)?(?:收集|处理|获取|使用|采集)"
    r"|\b(?:do|does|will) not (?:collect|process|ask for|use)\b|\bnever (?:collect|process|ask for)\b",
    re.IGNORECASE)


class SensitivePurposeRule(DisclosureRule):
    """Present: a clause about sensitive PI gives its purpose and either its necessity / impact or a
    separate consent. Vague: a purpose without necessity or separate consent (or the other way round).
    Not applicable when the policy names no sensitive PI at all."""

    id = "policy.sensitive_purpose"
    order = 4
    severity = Severity.MEDIUM
    title_zh = "敏感个人信息的单独目的与同意"
    title_en = "Separate purpose and consent for sensitive personal information"
    what_zh = "处理敏感个人信息的目的、必要性及单独同意"
    what_en = "the purpose, necessity and separate consent for sensitive personal information"
    references = (ref.PIPL_29, ref.PIPL_30, ref.RENDING_2_3, ref.GBT_5_5_B)

    def assess(self, context: PolicyContext) -> Assessment:
        vocabulary, knowledge = context.vocabulary, context.knowledge
        about_sensitive = [
            clause for clause in context.policy.clauses
            if vocabulary.marks_sensitive(clause.text)
            or any(knowledge.pi(pi).sensitive for pi in vocabulary.pi_types_in(clause.text))]
        if not about_sensitive or all(_DENIAL.search(clause.text) for clause in about_sensitive):
            return Assessment(Status.NOT_APPLICABLE)
        policy = context.policy
        both = [clause for clause in about_sensitive
                if PURPOSE.search(policy.around(clause)) and _SEPARATE.search(policy.around(clause))]
        if both:
            return Assessment(Status.PRESENT, tuple(both))
        purpose = [clause for clause in about_sensitive if PURPOSE.search(clause.text)]
        if purpose:
            return Assessment(Status.VAGUE, tuple(purpose), ("necessity or separate consent",))
        separate = [clause for clause in about_sensitive if _SEPARATE.search(clause.text)]
        if separate:
            return Assessment(Status.VAGUE, tuple(separate), ("purpose",))
        return Assessment(Status.MISSING, tuple(about_sensitive),
                          ("purpose", "necessity or separate consent"))
