"""policy.blanket_sharing: sharing with any third party or without consent (认定方法 五.1; PIPL art. 23)."""

from __future__ import annotations

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import GENERIC_PI, SHARE, THIRD_PARTY, affirmed, any_of, negated_in_part
from yinsi.privacy_policy.rules.base import RiskRule

# "Any / every partner" counts only as the recipient ("提供给任何第三方", "share with all partners"), not
# as the subject of an obligation ("我们会要求所有合作伙伴保密").
_ANY_RECIPIENT = any_of(
    r"(?:向|与|给|予|至|于)(?:我们的)?(?:任何|所有|全部|一切)(?:的)?(?:其他|其它)?"
    r"(?:第三方|合作伙伴|合作方|关联公司|关联方|商业伙伴)",
    r"\b(?:shar|disclos|provid|transfer|sell|sold|giv|pass)\w*\b[^.;]{0,50}\b(?:with|to)\s+(?:any|all)\s+"
    r"(?:of\s+)?(?:our\s+)?(?:other\s+)?"
    r"(?:third[- ]part\w*|partners|affiliates|business partners|companies)\b")
_WITHOUT_CONSENT = any_of(
    r"无需(?:另行|再次|单独|事先|额外)?(?:征得|获得|取得|经过|经)?(?:您的?)?(?:同意|授权|许可)",
    r"无须(?:另行|再次|单独|事先)?(?:征得|获得|取得)?(?:您的?)?(?:同意|授权)",
    r"未(?:经|征得|征求|取得|获得)(?:您的?|用户的?)?(?:明示|单独|事先)?(?:同意|授权|许可)",
    r"不再(?:另行)?(?:征得|取得)(?:您的?)?同意",
    r"(?:自行|有权)决定[^，,。；;]{0,10}(?:共享|提供|披露)",
    r"用于(?:任何|其他一切)(?:合法)?(?:目的|用途)",
    r"\bwithout (?:further |additional |prior |your )*(?:notice|consent|permission)\b",
    r"\bwithout (?:first )?asking (?:you|for your (?:consent|permission))\b",
    r"\bat our (?:sole )?discretion\b",
    r"\bfor any (?:lawful )?purpose\b")
# The lawful exceptions (PIPL art. 13; GB/T 35273 9.6) legitimately need no consent.
_LAWFUL_EXCEPTION = any_of(
    r"法律|法规|国家安全|国防|公共安全|公共卫生|刑事|司法|诉讼|行政机关|紧急|生命|突发",
    r"\blaw\b|\blegal obligation|\bcourt\b|\blawful request|\bnational security\b|\bemergenc")


# An open recipient list: "关联公司、合作伙伴及其他第三方", "任何第三方", "including but not limited to
# advertisers".
_OPEN_RECIPIENTS = any_of(
    r"(?:及|和|以及|或|或者)其他(?:的)?(?:第三方|合作伙伴|合作方|公司|机构)",
    r"任何(?:的)?第三方",
    r"包括但不限于",
    r"\b(?:and|or) other third[- ]parties\b",
    r"\bany third[- ]part(?:y|ies)\b",
    r"\bincluding,? (?:but not limited to|without limitation)\b")
# Recipients using the data for their own ends (marketing to the user themselves included: "用于其向您推荐
# 商品", "so they can send you offers"), or the data sold.
_OWN_ENDS = any_of(
    r"用于其(?:自身|自己)?的?(?:商业|营销|推广|经营)?(?:用途|目的)",
    r"用于其[^，,。；;]{0,6}(?:推荐|推送|营销|推广|广告)",
    r"\bfor (?:their|its) own (?:[a-z]+ )?purposes\b",
    r"\bfor (?:their|its) own (?:marketing|advertising)\b",
    r"\bso (?:that )?they can (?:market|advertise|send you (?:offers|ads|advertising|marketing))\b")
_SALE = any_of(r"出售|售卖|出租|买卖", r"\bsell\b|\bsold\b|\brent\b|\btrade\b")
# A sale of the business (merger, acquisition) is a transfer GB/T 35273 9.3 treats on its own.
_BUSINESS_SALE = any_of(
    r"合并|收购|重组|破产|资产转让",
    r"\bmerger|\bacquisition|\bacquired\b|\bbusiness(?:es)?\b|\bassets\b|\breorgani[sz]")

class BlanketSharingRule(RiskRule):
    """Sharing personal information with any third party, every partner, an open list of recipients
    ("及其他第三方", "including but not limited to"), recipients using it for their own ends, or without
    (further) consent; or selling it. Lawful exceptions and the sale of the business are not flagged.
    PIPL art. 23 requires telling who receives what and a separate consent."""

    id = "policy.blanket_sharing"
    severity = Severity.HIGH
    title_zh = "概括性向第三方提供个人信息"
    title_en = "Blanket sharing with third parties"
    message_zh = "向任何第三方或未经单独同意向第三方提供个人信息"
    message_en = "Personal information may go to any third party, or without separate consent"
    references = (ref.RENDING_5_1, ref.PIPL_23, ref.GBT_9_2)

    def flags(self, clause: Clause) -> bool:
        text = clause.text
        if _LAWFUL_EXCEPTION.search(text):
            return False
        any_recipient = affirmed(_ANY_RECIPIENT, text)
        if any_recipient is not None and not negated_in_part(text, any_recipient.start()):
            return True
        sale = _SALE.search(text)
        if sale and GENERIC_PI.search(text) and not negated_in_part(text, sale.start()) \
                and not _BUSINESS_SALE.search(text):
            return True
        share = SHARE.search(text)
        if share is None:
            return False
        # "未经您同意，我们不会共享…": the negation sits on the sharing verb, after the condition.
        if affirmed(_WITHOUT_CONSENT, text) is not None and not negated_in_part(text, share.start()):
            return True
        if not THIRD_PARTY.search(text):
            return False
        return any(match is not None and not negated_in_part(text, match.start())
                   for match in (_OPEN_RECIPIENTS.search(text), _OWN_ENDS.search(text)))
