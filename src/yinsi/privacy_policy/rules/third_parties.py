"""policy.third_parties: who receives personal information (partners, embedded SDKs), why and what
(PIPL art. 23, 认定方法 二.1 and 五.1)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import COMPANY, PURPOSE, SHARE, THIRD_PARTY, URL
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_LIST = re.compile(
    r"SDK(?:名称|清单|目录|列表)|第三方(?:SDK|共享)?(?:清单|目录|列表)|共享清单|SDK name"
    r"|list of (?:third[- ]party )?(?:SDKs|partners|recipients|service providers)"
    r"|\bthe following (?:third[- ]part(?:y|ies)|(?:sub-?)?processors|service providers|partners"
    r"|recipients|SDKs)\b",
    re.IGNORECASE)
_NO_SHARING = re.compile(
    r"不(?:会|与|向)[^，,。；;]{0,12}(?:任何)?(?:第三方|其他(?:公司|组织|个人)).{0,8}(?:共享|提供|分享)"
    r"|\b(?:do|does|will) not (?:share|disclose|transfer)\b.{0,60}\bthird[- ]part"
    r"|\bnever (?:share|disclose)\b.{0,60}\bthird[- ]part",
    re.IGNORECASE)
_EXCEPT = re.compile(
    r"除|但|except|unless|other than",
    re.IGNORECASE)


# A concrete kind of recipient is as good as a name (GB/T 35273 5.5 d asks for the recipients' types):
# "提供给为您配送的骑手及物流公司", "shared with your driver". "Partners" or "service providers" are not.
_RECIPIENT_KIND = re.compile(
    r"骑手|配送员|快递(?:公司|员)|物流(?:公司|服务商)|承运人|承运的|商家|商户|卖家|司机|支付机构|银行(?!卡|账)"
    r"|电信运营商|航空公司|酒店|\bcouriers?\b|\bdrivers?\b|\brestaurants?\b|\bmerchants?\b|\bsellers?\b"
    r"|\bpayment (?:provider|processor|institution|service provider)s?\b|\bbanks?\b|\bairlines?\b"
    r"|\bhotels?\b|\b(?:sub-?)?processors\b|\bdelivery (?:partner|company|companies)\b",
    re.IGNORECASE)


# A named company that works for the controller is a recipient even without a sharing verb: "We use
# Stripe, Inc. to process payments", "Zendesk, Inc. hosts our support tickets", "我们使用XX有限公司提供的…".
_ENGAGED = re.compile(
    r"\bwe (?:use|rely on|work with|engage|have engaged)\b|\b(?:receives?|hosts?) (?:your|our)\b"
    r"|\bon our behalf\b|我们(?:使用|借助|采用|接入)了?[^，,。；;]{0,10}(?:有限公司|公司)",
    re.IGNORECASE)


class ThirdPartiesRule(DisclosureRule):
    """Present: a sharing clause names the recipient (an SDK, a company, a concrete kind such as the courier
    or the merchant, or points to an SDK list) with a purpose or the PI types; or the policy states
    plainly, without exceptions, that nothing is shared (whether that is true of the app is
    policy.undisclosed_sdk's question). Vague: sharing with "partners" or "third parties" without naming
    them."""

    id = "policy.third_parties"
    order = 5
    severity = Severity.HIGH
    title_zh = "第三方及嵌入SDK的名称、目的和信息类型"
    title_en = "Third parties and embedded SDKs: names, purposes, data types"
    what_zh = "接收个人信息的第三方（含嵌入的SDK）的名称、目的和个人信息类型"
    what_en = "which third parties and embedded SDKs receive personal information, why and which types"
    references = (ref.RENDING_2_1, ref.RENDING_5_1, ref.PIPL_23, ref.GBT_5_5_D, ref.GBT_9_2, ref.GBT_9_7)

    def assess(self, context: PolicyContext) -> Assessment:
        vocabulary = context.vocabulary
        # Naming a known SDK is a disclosure about it whatever the verb ("we use Firebase Analytics").
        policy = context.policy
        sharing = [clause for clause in policy.clauses
                   if vocabulary.names_any_sdk(clause.text) or _LIST.search(clause.text)
                   or (SHARE.search(clause.context)
                       and (THIRD_PARTY.search(clause.context) or COMPANY.search(clause.text)
                            or _RECIPIENT_KIND.search(clause.text)))
                   or (COMPANY.search(clause.text) and _ENGAGED.search(clause.text))]
        # A list entry cut at ";" ("Mailbird Ltd. (email delivery; receives your email address)") keeps
        # its purpose and data types in the next clause.
        named = [clause for clause in sharing
                 if (vocabulary.names_any_sdk(clause.text) or COMPANY.search(clause.text)
                     or _LIST.search(clause.text) or _RECIPIENT_KIND.search(clause.text))
                 and (PURPOSE.search(policy.with_next(clause))
                      or vocabulary.pi_types_in(policy.with_next(clause)) or URL.search(clause.text))]
        if named:
            return Assessment(Status.PRESENT, tuple(named))
        denial = [clause for clause in context.policy.clauses
                  if _NO_SHARING.search(clause.text) and not _EXCEPT.search(clause.text)]
        if denial:
            return Assessment(Status.PRESENT, tuple(denial))
        if sharing:
            return Assessment(Status.VAGUE, tuple(sharing), ("recipient names",))
        return Assessment(Status.MISSING,
                          lacking=("recipient names", "purposes", "types of personal information"))
