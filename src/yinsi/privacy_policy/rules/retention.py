"""policy.retention: how long personal information is kept (PIPL art. 17, 19; GB/T 35273 6.1)."""

from __future__ import annotations

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import PERIOD, any_of
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_TOPIC = any_of(
    r"保存|保留|留存|存储期限|储存期限|存储时间|保存期限|删除或匿名化",
    r"\bretain|\bretention\b|\bkeep\b|\bkept\b",
    r"\bstore[sd]?\b.{0,40}\b(?:for|until|period)\b",
    r"\bdelete\b.{0,40}\bafter\b")
# The same words about something else: the user saving a picture to the phone, keeping a password
# secret, a "customer retention team".
_OTHER_SENSE = any_of(
    r"(?:保存|存)(?:到|至)(?:您的)?(?:手机|相册|本地|设备|桌面)",
    r"\bkeep (?:your|it|them|this)\b[^.;]{0,30}\b(?:secret|safe|confidential|private|to yourself)\b",
    r"\bcustomer retention\b")
# A deletion deadline is a retention period ("deleted within 30 days after the check", "核验完成后7日内
# 删除"), unless it answers a request: how fast a deletion request is handled is policy.response_time's.
_DEADLINE = any_of(
    r"\b(?:deleted|erased|destroyed|anonymi[sz]ed|purged)\b[^.;]{0,12}\b(?:within|after)\b",
    r"(?:后|内)(?:自动)?(?:删除|销毁|匿名化)")
_ON_REQUEST = any_of(r"申请|请求|要求", r"\brequests?\b|\bask(?:s|ed)? us\b")
# A period tied to an event is a period too: "注销账号后立即删除", "until you delete your account".
_EVENT = any_of(
    r"(?:注销|删除)(?:账号|账户|帐号).{0,12}(?:后|之日起).{0,10}(?:立即|即|删除|匿名化)",
    r"永久",
    r"\bindefinitely\b|\bpermanently\b",
    r"\buntil you (?:delete|close) your account\b",
    r"\bfor the (?:life|lifetime) of your account\b|\bupon (?:deletion|closure) of your account\b")
_VAGUE = any_of(
    r"所必需的(?:最短)?(?:期限|时间|期间)|必要的?(?:最短)?(?:期限|时间|期间)|合理(?:的)?期限",
    r"法律法规(?:规定|要求)的",
    r"\bas long as (?:necessary|needed|required|reasonably)\b",
    r"\bno longer than (?:necessary|needed)\b|\bfor the period necessary\b",
    r"\bas required by law\b|\breasonable period\b")

class RetentionRule(DisclosureRule):
    """Present: a concrete period ("6个月", "three years", "注销后15日内删除") or an event that ends it.
    Vague: "as long as necessary", "实现目的所必需的最短时间" without a period. (Indefinite retention
    counts as disclosed here; policy.indefinite_retention flags it.)"""

    id = "policy.retention"
    order = 6
    severity = Severity.MEDIUM
    title_zh = "保存期限"
    title_en = "Retention period"
    what_zh = "个人信息的保存期限"
    what_en = "how long personal information is kept"
    references = (ref.PIPL_17, ref.PIPL_19, ref.GBT_5_5_C, ref.GBT_6_1)

    def assess(self, context: PolicyContext) -> Assessment:
        about = [clause for clause in context.policy.clauses
                 if (_TOPIC.search(clause.context) and not _OTHER_SENSE.search(clause.text))
                 or (_DEADLINE.search(clause.text) and not _ON_REQUEST.search(clause.text))]
        concrete = [clause for clause in about if PERIOD.search(clause.text) or _EVENT.search(clause.text)]
        if concrete:
            return Assessment(Status.PRESENT, tuple(concrete))
        vague = [clause for clause in about if _VAGUE.search(clause.text)]
        if vague:
            return Assessment(Status.VAGUE, tuple(vague), ("period",))
        if about:
            return Assessment(Status.VAGUE, tuple(about), ("period",))
        return Assessment(Status.MISSING, lacking=("period",))
