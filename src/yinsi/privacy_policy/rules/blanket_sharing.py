"""policy.blanket_sharing: sharing with any third party or without consent (认定方法 五.1; PIPL art. 23)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import SHARE, affirmed
from yinsi.privacy_policy.rules.base import RiskRule

# "Any / every partner" counts only as the recipient ("提供给任何第三方", "share with all partners"), not
# as the subject of an obligation ("我们会要求所有合作伙伴保密").
_ANY_RECIPIENT = re.compile(
    r"(?:向|与|给|予|至|于)(?:我们的)?(?:任何|所有|全部|一切)(?:的)?(?:第三方|合作伙伴|合作方|关联公司"
    r"|关联方|商业伙伴)|\b(?:shar|disclos|provid|transfer|sell|sold|giv|pass)\w*\b[^.;]{0,50}\b(?:with"
    r"|to)\s+(?:any|all)\s+(?:of\s+)?(?:our\s+)?(?:third[- ]part\w*|partners|affiliates|business partners"
    r"|companies)\b",
    re.IGNORECASE)
_WITHOUT_CONSENT = re.compile(
    r"无需(?:另行|再次|单独|事先|额外)?(?:征得|获得|取得|经过|经)?(?:您的?)?(?:同意|授权|许可)"
    r"|无须(?:另行|再次|单独|事先)?(?:征得|获得|取得)?(?:您的?)?(?:同意|授权)"
    r"|不再(?:另行)?(?:征得|取得)(?:您的?)?同意|(?:自行|有权)决定[^，,。；;]{0,10}(?:共享|提供|披露)"
    r"|用于(?:任何|其他一切)(?:合法)?(?:目的|用途)"
    r"|\bwithout (?:further |additional |prior |your )*(?:notice|consent|permission)\b"
    r"|\bat our (?:sole )?discretion\b|\bfor any (?:lawful )?purpose\b",
    re.IGNORECASE)
# The lawful exceptions (PIPL art. 13; GB/T 35273 9.6) legitimately need no consent.
_LAWFUL_EXCEPTION = re.compile(
    r"法律|法规|国家安全|国防|公共安全|公共卫生|刑事|司法|诉讼|行政机关|紧急|生命|突发|\blaw\b"
    r"|\blegal obligation|\bcourt\b|\blawful request|\bnational security\b|\bemergenc",
    re.IGNORECASE)


class BlanketSharingRule(RiskRule):
    """Sharing personal information with any third party, every partner, or without (further) consent,
    outside the lawful exceptions. PIPL art. 23 requires telling who receives what and a separate consent."""

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
        return (affirmed(_ANY_RECIPIENT, text) is not None
                or (bool(SHARE.search(text)) and affirmed(_WITHOUT_CONSENT, text) is not None))
