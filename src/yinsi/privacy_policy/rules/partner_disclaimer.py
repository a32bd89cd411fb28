"""policy.partner_disclaimer: no responsibility for what partners do with the data (PIPL art. 20, 21)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import THIRD_PARTY, negated_in_part
from yinsi.privacy_policy.rules.base import RiskRule

_DISCLAIM = re.compile(
    r"(?:不|无需|无须|毋须)承担(?:任何)?(?:法律)?(?:责任|赔偿)|概不(?:负责|承担)|不负(?:任何)?(?:法律)?责任"
    r"|免除[^，,。；;]{0,8}责任|不对[^，,。；;]{0,30}(?:负责|承担)|与(?:我们|本公司|本平台)无关"
    r"|\b(?:not|never|cannot|can't|won't) (?:be )?(?:held )?(?:responsible|liable)\b"
    r"|\bno (?:responsibility|liability)\b"
    r"|\bdisclaim"
    r"|\bneither\b[^.;]{0,60}\b(?:shall|will|is|are|can|may)\s+(?:be\s+)?(?:held\s+)?(?:responsible|liable)\b"
    r"|\bnone of us\b[^.;]{0,30}\b(?:responsible|liable)\b"
    r"|\bnot accept (?:any )?(?:responsibility|liability)\b|\bat your own risk\b"
    # the blame put on the other party: "由其自行负责", "is the vendor's responsibility, not ours"
    r"|由(?:其|第三方|该第三方|商家|商户|合作方|对方)(?:自行|独立)(?:负责|承担)|\bresponsibility,? not ours\b"
    r"|\b(?:is|are|remains?) (?:solely )?(?:the|their|its) (?:[a-z]+'s )?(?:sole )?"
    r"(?:responsibility|liability)\b",
    re.IGNORECASE)
_OWN = re.compile(
    r"我们(?:将|会)?(?:依法)?承担"
    r"|(?:we|us) (?:remain|are|will be|shall be) (?:fully )?(?:responsible|liable)"
    r"|不(?:会|因)[^，,。；;]{0,10}(?:免除|减轻)",
    re.IGNORECASE)


# Who else may receive the data: the general third-party words, plus merchants and vendors of a platform.
# A disclaimer "for any misuse by them" / "对其行为" points back at the recipient named in the clause
# before it.
_RECIPIENT = re.compile(
    r"商家|商户|卖家|入驻方|支付机构|\bmerchants?\b|\bsellers?\b|\bvendors?\b|\bsuppliers?\b"
    r"|\b(?:payment )?processors?\b|\b(?:by|of) (?:them|those (?:companies|parties))\b"
    r"|\btheir (?:acts|actions|conduct|practices|misuse)\b|对其[^，,。；;]{0,6}(?:行为|处理|使用)",
    re.IGNORECASE)


class PartnerDisclaimerRule(RiskRule):
    """The policy disclaims responsibility for third parties or SDKs that receive data. Joint handlers
    answer jointly (PIPL art. 20) and a handler must supervise those it entrusts (art. 21)."""

    id = "policy.partner_disclaimer"
    severity = Severity.MEDIUM
    title_zh = "对合作方处理个人信息免责"
    title_en = "Disclaims responsibility for partners"
    message_zh = "声明对第三方、合作伙伴或SDK处理个人信息的行为不承担责任"
    message_en = "The policy disclaims responsibility for third parties, partners or SDKs handling the data"
    references = (ref.PIPL_20, ref.PIPL_21, ref.GBT_9_7)

    def flags(self, clause: Clause) -> bool:
        text = clause.text
        if not (THIRD_PARTY.search(text) or _RECIPIENT.search(text)) or _OWN.search(text):
            return False
        # "We do not disclaim responsibility for …" keeps it; the disclaimer wording carries its own "not".
        return any(not negated_in_part(text, match.start()) for match in _DISCLAIM.finditer(text))
